"""Score predicted attributions against gold ones, span by span: pure functions, no I/O.

Needs: a document's text and two lists of attributions in span form
(`{"source": [[s, e]], "cue": [[s, e]], "content": [[s, e], ...]}`).
Returns: a `Report` of counts that add up across documents (micro-averaging). docs/evaluation.md
defines every figure; the comments here only point at the choices.
"""

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from claimgraph.errors import InputError
from claimgraph.ingest.polnear import ROLES, Fragments, SpanAttribution

# A token is a run of word characters or one punctuation mark. Punctuation only counts in a
# span with no word at all, so `said,` and `said` (or `“no”` and `no`) are the same span, while
# PolNeAR's punctuation cues (a colon or dash introducing a quote) still have a token to match.
_TOKEN = re.compile(r"\w+|[^\w\s]")

TokenSet = frozenset[int]


@dataclass(frozen=True, slots=True)
class Tally:
    """Precision and recall as sums, so that documents add up before any ratio is taken.

    `hit_p` / `predicted` is precision and `hit_r` / `gold` is recall. For exact matching both
    hits are the true-positive count; for soft matching they are sums of overlap proportions.
    """

    hit_p: float = 0.0
    hit_r: float = 0.0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(
            self.hit_p + other.hit_p,
            self.hit_r + other.hit_r,
            self.predicted + other.predicted,
            self.gold + other.gold,
        )

    @property
    def precision(self) -> float:
        return _ratio(self.hit_p, self.predicted, vacuous=self.gold == 0)

    @property
    def recall(self) -> float:
        return _ratio(self.hit_r, self.gold, vacuous=self.predicted == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(hits: float, total: int, *, vacuous: bool) -> float:
    """0/0 is 1.0 when the other side is empty too (nothing to find, nothing found), else 0.0."""
    if total:
        return hits / total
    return 1.0 if vacuous else 0.0


@dataclass(frozen=True, slots=True)
class RoleScore:
    """Exact and soft (overlap-proportional) tallies for one role."""

    exact: Tally = Tally()
    soft: Tally = Tally()

    def __add__(self, other: "RoleScore") -> "RoleScore":
        return RoleScore(self.exact + other.exact, self.soft + other.soft)


def _role_scores() -> dict[str, RoleScore]:
    return {role: RoleScore() for role in ROLES}


@dataclass(frozen=True)
class Report:
    """Every figure of one evaluation run. Reports add up: `sum(per_document, Report())`."""

    documents: int = 0
    detection: Tally = Tally()
    grouped: dict[str, RoleScore] = field(default_factory=_role_scores)
    independent: dict[str, RoleScore] = field(default_factory=_role_scores)
    no_source: Tally = Tally()
    seconds: float = 0.0  # time spent predicting; set by the runner
    label: str = ""

    def __add__(self, other: "Report") -> "Report":
        return Report(
            documents=self.documents + other.documents,
            detection=self.detection + other.detection,
            grouped={role: self.grouped[role] + other.grouped[role] for role in ROLES},
            independent={role: self.independent[role] + other.independent[role] for role in ROLES},
            no_source=self.no_source + other.no_source,
            seconds=self.seconds + other.seconds,
            label=self.label or other.label,
        )

    def __radd__(self, other: object) -> "Report":
        # Lets the built-in sum() start from 0.
        if other == 0:
            return self
        return NotImplemented

    @property
    def overall_soft(self) -> Tally:
        """Soft P/R/F1, micro over source, cue and content in the grouped view."""
        total = Tally()
        for role in ROLES:
            total = total + self.grouped[role].soft
        return total

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def figures(self) -> dict[str, float | int | str]:
        """Every figure as one flat mapping, for JSON output and score gates."""
        out: dict[str, float | int | str] = {
            "label": self.label,
            "documents": self.documents,
            "gold_attributions": self.detection.gold,
            "predicted_attributions": self.detection.predicted,
            "seconds": round(self.seconds, 3),
            "docs_per_s": round(self.docs_per_second, 3),
        }
        rows: list[tuple[str, Tally]] = [("detection", self.detection)]
        for view, scores in (("grouped", self.grouped), ("independent", self.independent)):
            for role in ROLES:
                rows.append((f"{view}_{role}_exact", scores[role].exact))
                rows.append((f"{view}_{role}_soft", scores[role].soft))
        rows += [("overall_soft", self.overall_soft), ("no_source", self.no_source)]
        for name, tally in rows:
            out[f"{name}_p"] = round(tally.precision, 4)
            out[f"{name}_r"] = round(tally.recall, 4)
            out[f"{name}_f1"] = round(tally.f1, 4)
            out[f"{name}_n_pred"] = tally.predicted
            out[f"{name}_n_gold"] = tally.gold
        return out


class TokenIndex:
    """The tokens of one document, by character offsets, and the tokens a span covers."""

    def __init__(self, text: str) -> None:
        self.text = text
        found = list(_TOKEN.finditer(text))
        self.starts = [m.start() for m in found]
        self.ends = [m.end() for m in found]
        self.is_word = [not _is_punctuation(m.group()) for m in found]

    def tokens(self, fragments: Fragments) -> TokenSet:
        """Indices of the word tokens that overlap any fragment by at least one character.

        Overlap, not containment, so a span cut inside a word still covers that word. A span
        with no word token covers its punctuation tokens instead.
        """
        covered: set[int] = set()
        for start, end in fragments:
            first = bisect_right(self.ends, start)  # first token ending after `start`
            last = bisect_left(self.starts, end)  # first token starting at or after `end`
            covered.update(range(first, last))
        words = frozenset(i for i in covered if self.is_word[i])
        return words or frozenset(covered)


def _is_punctuation(token: str) -> bool:
    return len(token) == 1 and not (token.isalnum() or token == "_")


def _fragments(attribution: SpanAttribution, role: str, length: int) -> list[tuple[int, int]]:
    """The role's fragments as (start, end) pairs; a malformed one is the predictor's bug."""
    out = []
    for fragment in attribution.get(role) or ():
        try:
            start, end = (int(x) for x in fragment)
        except (TypeError, ValueError):
            raise InputError(f"{role} fragment {fragment!r} is not a [start, end] pair") from None
        if not 0 <= start <= end <= length:
            raise InputError(f"{role} fragment [{start}, {end}] is outside a text of {length}")
        out.append((start, end))
    return out


def _tokenised(
    attributions: Iterable[SpanAttribution], index: TokenIndex
) -> list[dict[str, TokenSet]]:
    length = len(index.text)
    return [
        {role: index.tokens(_fragments(attribution, role, length)) for role in ROLES}
        for attribution in attributions
    ]


def pair_attributions(
    predicted: Sequence[Mapping[str, TokenSet]], gold: Sequence[Mapping[str, TokenSet]]
) -> list[tuple[int, int]]:
    """Pair predictions with gold one-to-one, greedily: most cue overlap first, then content.

    A pair needs at least one shared cue or content token. Ties go to the earlier prediction,
    then the earlier gold attribution, so the result does not depend on set ordering.
    """
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            cue = len(p["cue"] & g["cue"])
            content = len(p["content"] & g["content"])
            if cue or content:
                candidates.append((-cue, -content, i, j))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _grouped_role(
    role: str,
    predicted: Sequence[Mapping[str, TokenSet]],
    gold: Sequence[Mapping[str, TokenSet]],
    pairs: Sequence[tuple[int, int]],
) -> RoleScore:
    # Only non-empty role spans are counted; a role absent on both sides is neither right nor
    # wrong here (for source it goes to the separate no-source tally).
    n_pred = sum(1 for p in predicted if p[role])
    n_gold = sum(1 for g in gold if g[role])
    exact = 0
    soft_p = soft_r = 0.0
    for i, j in pairs:
        p, g = predicted[i][role], gold[j][role]
        if not p or not g:
            continue
        exact += p == g
        shared = len(p & g)
        soft_p += shared / len(p)
        soft_r += shared / len(g)
    return RoleScore(Tally(exact, exact, n_pred, n_gold), Tally(soft_p, soft_r, n_pred, n_gold))


def _components(
    predicted: Sequence[TokenSet], gold: Sequence[TokenSet]
) -> list[tuple[list[int], list[int]]]:
    """Groups of predicted and gold spans linked by shared tokens; they can be matched apart."""
    by_token: dict[int, list[int]] = {}
    for j, g in enumerate(gold):
        for token in g:
            by_token.setdefault(token, []).append(j)
    seen_p: set[int] = set()
    seen_g: set[int] = set()
    groups = []
    for start in range(len(predicted)):
        if start in seen_p:
            continue
        rows, cols, stack = [start], [], [start]
        seen_p.add(start)
        while stack:
            i = stack.pop()
            for j in {j for token in predicted[i] for j in by_token.get(token, ())}:
                if j in seen_g:
                    continue
                seen_g.add(j)
                cols.append(j)
                for k, p in enumerate(predicted):
                    if k not in seen_p and p & gold[j]:
                        seen_p.add(k)
                        rows.append(k)
                        stack.append(k)
        if cols:
            groups.append((rows, cols))
    return groups


def best_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Maximum-total-weight one-to-one assignment (Hungarian method); zero-weight pairs dropped.

    Returns (row, column) pairs. Small and dependency-free: components are a handful of spans.
    """
    if not weights or not weights[0]:
        return []
    transposed = len(weights) > len(weights[0])
    matrix = [list(col) for col in zip(*weights, strict=True)] if transposed else weights
    n, m = len(matrix), len(matrix[0])
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the row (1-based) assigned to column j
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        owner[0] = row
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cost = -matrix[i0 - 1][j - 1] - u[i0] - v[j]
                    if cost < minv[j]:
                        minv[j], way[j] = cost, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]
    if transposed:
        pairs = [(j, i) for i, j in pairs]
    return sorted((i, j) for i, j in pairs if weights[i][j] > 0)


def _independent_role(predicted: Sequence[TokenSet], gold: Sequence[TokenSet]) -> RoleScore:
    predicted = [p for p in predicted if p]
    gold = [g for g in gold if g]
    # Exact: multiset intersection, so two gold attributions sharing one cue need two predictions.
    exact = sum((Counter(predicted) & Counter(gold)).values())
    soft_p = soft_r = 0.0
    for rows, cols in _components(predicted, gold):
        weights = [[_soft_weight(predicted[i], gold[j]) for j in cols] for i in rows]
        for a, b in best_assignment(weights):
            p, g = predicted[rows[a]], gold[cols[b]]
            shared = len(p & g)
            soft_p += shared / len(p)
            soft_r += shared / len(g)
    n_pred, n_gold = len(predicted), len(gold)
    return RoleScore(Tally(exact, exact, n_pred, n_gold), Tally(soft_p, soft_r, n_pred, n_gold))


def _soft_weight(p: TokenSet, g: TokenSet) -> float:
    """What a pair adds to soft precision plus soft recall; the assignment maximises its sum."""
    shared = len(p & g)
    return shared / len(p) + shared / len(g)


def _inside(tokens: TokenSet, index: TokenIndex, regions: Sequence[tuple[int, int]]) -> bool:
    return bool(tokens) and all(
        any(start <= index.starts[t] and index.ends[t] <= end for start, end in regions)
        for t in tokens
    )


def score_document(
    text: str,
    gold: Sequence[SpanAttribution],
    predicted: Sequence[SpanAttribution],
    ignore: Sequence[tuple[int, int]] = (),
) -> Report:
    """Score one document's predicted attributions against its gold attributions.

    Args:
        text: the document text that all offsets point into.
        gold: gold attributions in span form.
        predicted: predicted attributions in span form; a missing role key means "absent".
        ignore: regions the annotators skipped (PolNeAR's `discard`). A prediction whose cue
            (or, without a cue, its content) lies wholly inside them is dropped before scoring.

    Returns:
        A one-document `Report`; add reports to micro-average them.

    Raises:
        InputError: a fragment is not a [start, end] pair inside the text.
    """
    index = TokenIndex(text)
    gold_tokens = _tokenised(gold, index)
    pred_tokens = [
        p
        for p in _tokenised(predicted, index)
        if not _inside(p["cue"] or p["content"], index, ignore)
    ]
    pairs = pair_attributions(pred_tokens, gold_tokens)
    no_source_hits = sum(
        1 for i, j in pairs if not pred_tokens[i]["source"] and not gold_tokens[j]["source"]
    )
    return Report(
        documents=1,
        detection=Tally(len(pairs), len(pairs), len(pred_tokens), len(gold_tokens)),
        grouped={role: _grouped_role(role, pred_tokens, gold_tokens, pairs) for role in ROLES},
        independent={
            role: _independent_role([p[role] for p in pred_tokens], [g[role] for g in gold_tokens])
            for role in ROLES
        },
        no_source=Tally(
            no_source_hits,
            no_source_hits,
            sum(1 for p in pred_tokens if not p["source"]),
            sum(1 for g in gold_tokens if not g["source"]),
        ),
    )


def format_report(report: Report) -> str:
    """The report as a plain-text table: exact and soft P/R/F1 for every row."""
    head = report.label or "evaluation"
    lines = [
        f"{head}: {report.documents} documents, {report.detection.gold} gold / "
        f"{report.detection.predicted} predicted attributions",
        f"{'':28}{'exact P':>9}{'R':>7}{'F1':>7}   {'soft P':>7}{'R':>7}{'F1':>7}",
    ]

    def cells(tally: Tally) -> str:
        return f"{tally.precision:7.3f}{tally.recall:7.3f}{tally.f1:7.3f}"

    lines.append(f"{'attribution detection':28}  {cells(report.detection)}   {'':21}")
    for view, scores in (("grouped", report.grouped), ("independent", report.independent)):
        for role in ROLES:
            exact, soft = scores[role].exact, scores[role].soft
            lines.append(f"{view + ' ' + role:28}  {cells(exact)}   {cells(soft)}")
    lines.append(f"{'overall (grouped, 3 roles)':28}  {'':21}   {cells(report.overall_soft)}")
    lines.append(f"{'no-source attributions':28}  {cells(report.no_source)}")
    if report.seconds:
        lines.append(f"prediction time {report.seconds:.1f} s, {report.docs_per_second:.2f} docs/s")
    return "\n".join(line.rstrip() for line in lines)
