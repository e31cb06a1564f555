"""Turn a parsed Doc into CRF feature sequences: one per sentence for cues, one per cue for roles.

Needs: token.lemma, token.pos, token.tag, token.dep, token.head, token.ent_type and sentence
boundaries from the parse, plus the quotation marks in the text.  Returns: lists of feature
strings (python-crfsuite's item format), one list per token.

Stage 1 (cues) sees each token with its neighbours and the dependents it governs: a reporting
verb is told apart by its complement ("ccomp", "xcomp") and its subject more than by its lemma,
which lets the model find cues outside any lexicon ("want", "plan", "seem").
Stage 2 (source and content) sees each token relative to one cue: where it sits (before, inside,
after, how far, how many sentences away), how the dependency tree links it to the cue's head,
and whether it is inside a quotation with or without the cue.
"""

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.learn.clusters import WordClusters

SENTENCES_BEFORE = 1  # the role window: the cue's sentence, one before and two after
SENTENCES_AFTER = 2
_MAX_PATH = 6  # dependency steps followed up from a token before giving up on a link


@dataclass(frozen=True, slots=True)
class DocContext:
    """What every feature reads, computed once per document."""

    doc: Doc
    static: list[list[str]]  # the token's own features, without a prefix
    short: list[str]  # a compact "pos|dep" per token, for neighbours
    sentence: list[int]  # sentence number of each token
    sentence_bounds: list[tuple[int, int]]
    quote: list[int]  # quotation number of each token, -1 outside quotes
    paragraph: list[int]
    chains: list[list[int]]  # each token's ancestors within its sentence, itself first


def _bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 5:
        return "4-5"
    if n <= 10:
        return "6-10"
    if n <= 20:
        return "11-20"
    return "21+"


def _shape(token: Token) -> str:
    text = token.text
    if token.is_punct:
        return "P"
    if text.isupper() and len(text) > 1:
        return "AA"
    if text[:1].isupper():
        return "Aa"
    if text[:1].isdigit():
        return "d"
    return "a"


def _token_static(token: Token) -> list[str]:
    lemma = token.lemma_.lower()
    features = [
        f"l={lemma}",
        f"p={token.pos_}",
        f"t={token.tag_}",
        f"d={token.dep_}",
        f"s={_shape(token)}",
        f"e={token.ent_iob_}{token.ent_type_}",
        f"hl={token.head.lemma_.lower()}",
        f"dhp={token.dep_}|{token.head.pos_}",
        f"suf={lemma[-3:]}",
    ]
    for child in token.children:
        features.append(f"c={child.dep_}")
        if child.dep_ in ("prep", "agent", "prt", "mark", "aux", "neg", "advmod"):
            features.append(f"cl={child.dep_}|{child.lemma_.lower()}")
        elif child.dep_ in ("nsubj", "nsubjpass"):
            features.append(f"subj={child.pos_}|{child.ent_type_}")
        elif child.dep_ in ("dobj", "attr", "pobj"):
            features.append(f"obj={child.lemma_.lower()}")
    return features


_OPENERS = {"“": "”", "„": "”", "«": "»", '"': '"'}
_MARKS = re.compile(r"[“”„«»\"]")


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets inside each quotation, marks excluded.

    Marks pair left to right; a paragraph that opens a quote and never closes it (the news
    convention for a quotation running over several paragraphs) is quoted to its end. Kept
    here, not shared with the rules, so the features stay what the weights were trained on.
    """
    found: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for match in _MARKS.finditer(text):
        mark, at = match.group(), match.start()
        if open_at is not None and "\n" in text[open_at:at]:
            found.append((open_at + 1, text.index("\n", open_at)))
            open_at = None
        if open_at is None:
            if mark in _OPENERS:
                open_at, closer = at, _OPENERS[mark]
        elif mark == closer:
            found.append((open_at + 1, at))
            open_at = None
    if open_at is not None:
        end = text.find("\n", open_at)
        found.append((open_at + 1, len(text) if end < 0 else end))
    return [(start, end) for start, end in found if end > start]


def _quote_numbers(doc: Doc) -> list[int]:
    numbers = [-1] * len(doc)
    for number, (start, end) in enumerate(quotations(doc.text)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                numbers[i] = number
    return numbers


def _paragraphs(doc: Doc) -> list[int]:
    numbers, current = [], 0
    for token in doc:
        numbers.append(current)
        if "\n" in token.text or "\n" in token.whitespace_:
            current += 1
    return numbers


def _chain(token: Token) -> list[int]:
    chain = [token.i]
    while token.head.i != token.i and len(chain) < 40:
        token = token.head
        chain.append(token.i)
    return chain


def context(doc: Doc, clusters: WordClusters | None = None) -> DocContext:
    """Precompute the per-token features and links both stages read."""
    static = [_token_static(t) for t in doc]
    if clusters is not None:
        for features, token in zip(static, doc, strict=True):
            if token.is_alpha:
                cluster = clusters.of(token.lemma_.lower())
                features.extend(f"k{n}={c}" for n, c in enumerate(cluster))
    sentence, bounds = [0] * len(doc), []
    for number, sent in enumerate(doc.sents):
        bounds.append((sent.start, sent.end))
        for i in range(sent.start, sent.end):
            sentence[i] = number
    return DocContext(
        doc=doc,
        static=static,
        short=[f"{t.pos_}|{t.dep_}" for t in doc],
        sentence=sentence,
        sentence_bounds=bounds,
        quote=_quote_numbers(doc),
        paragraph=_paragraphs(doc),
        chains=[_chain(t) for t in doc],
    )


# -- stage 1: cues ---------------------------------------------------------------------------


def cue_sequence(ctx: DocContext, start: int, end: int) -> list[list[str]]:
    """Features of tokens start..end (one sentence) for the cue tagger."""
    doc = ctx.doc
    sentence_quoted = any(ctx.quote[i] >= 0 for i in range(start, end))
    sequence = []
    for i in range(start, end):
        token = doc[i]
        features = ["b", *ctx.static[i]]
        features.append(f"q={ctx.quote[i] >= 0}")
        features.append(f"w={token.lower_}")
        before = any(ctx.quote[j] >= 0 for j in range(max(start, i - 3), i))
        after = any(ctx.quote[j] >= 0 for j in range(i + 1, min(end, i + 4)))
        features.append(f"qn={before}|{after}")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if start <= j < end:
                features.append(f"{offset}l={doc[j].lemma_.lower()}")
                features.append(f"{offset}s={ctx.short[j]}")
            else:
                features.append(f"{offset}l=<edge>")
        features.append(
            f"-1l+l={doc[i - 1].lemma_.lower() if i > start else '^'}|{ctx.static[i][0]}"
        )
        features.append(
            f"l+1l={ctx.static[i][0]}|{doc[i + 1].lemma_.lower() if i + 1 < end else '$'}"
        )
        head = token.head
        features.append(f"hd={head.dep_}|hp={head.pos_}")
        features.append(f"lp={ctx.static[i][0]}|{token.pos_}")
        features.append(f"sq={sentence_quoted}")
        if head.i != i:
            features.append(f"hl+d={head.lemma_.lower()}|{token.dep_}")
        if i == start:
            features.append("BOS")
        if i == end - 1:
            features.append("EOS")
        sequence.append(features)
    return sequence


# -- stage 2: roles relative to one cue ------------------------------------------------------


def cue_head(ctx: DocContext, start: int, end: int) -> int:
    """The cue token whose head lies outside the cue (the highest one), else the first."""
    best, best_depth = start, 10**6
    for i in range(start, end):
        depth = len(ctx.chains[i])
        if depth < best_depth:
            best, best_depth = i, depth
    return best


def role_window(ctx: DocContext, cue_start: int) -> tuple[int, int]:
    """Token range the role tagger reads for a cue: its sentence and its neighbours."""
    k = ctx.sentence[cue_start]
    first = max(0, k - SENTENCES_BEFORE)
    last = min(len(ctx.sentence_bounds) - 1, k + SENTENCES_AFTER)
    return ctx.sentence_bounds[first][0], ctx.sentence_bounds[last][1]


def _link(ctx: DocContext, head: int, i: int) -> list[str]:
    """How token i hangs off the cue head in the dependency tree."""
    doc = ctx.doc
    if ctx.sentence[i] != ctx.sentence[head]:
        return ["link=xs"]
    up = {t: n for n, t in enumerate(ctx.chains[head][:_MAX_PATH])}
    chain = ctx.chains[i]
    for down, t in enumerate(chain[: _MAX_PATH + 4]):
        if t in up:
            n_up = up[t]
            if down == 0:
                if n_up == 0:
                    return ["link=self"]
                return [f"link=anc{min(n_up, 3)}"]
            branch = doc[chain[down - 1]]  # the child of the meeting point on i's side
            edge = "L" if branch.left_edge.i == i else "R" if branch.right_edge.i == i else "-"
            side = "<" if i < branch.i else ">" if i > branch.i else "="
            bdep = branch.dep_
            if bdep == "prep":
                bdep = f"prep:{branch.lower_}"
            updeps = "|".join(doc[x].dep_ for x in ctx.chains[head][:n_up])
            return [
                f"link=u{min(n_up, 3)}",
                f"br={bdep}",
                f"up={updeps}",
                f"path={updeps}>{bdep}",
                f"dn={_bucket(down)}",
                f"edge={edge}|{bdep}",
                f"side={side}|{bdep}",
            ]
    return ["link=far"]


def role_sequence(
    ctx: DocContext, cue_start: int, cue_end: int, window: tuple[int, int]
) -> list[list[str]]:
    """Features of the window's tokens relative to the cue cue_start..cue_end."""
    doc = ctx.doc
    head = cue_head(ctx, cue_start, cue_end)
    cue_lemma = doc[head].lemma_.lower()
    cue_sentence = ctx.sentence[cue_start]
    cue_quote = ctx.quote[head]
    cue_paragraph = ctx.paragraph[head]
    first, last = ctx.sentence_bounds[cue_sentence]
    touching = {ctx.quote[i] for i in range(first, last)} - {-1}  # quotes in the cue's sentence
    start, end = window
    sequence = []
    for i in range(start, end):
        if cue_start <= i < cue_end:
            position, distance = "in", 0
        elif i < cue_start:
            position, distance = "L", cue_start - i
        else:
            position, distance = "R", i - cue_end + 1
        ds = ctx.sentence[i] - cue_sentence
        tq = ctx.quote[i]
        quote = (
            "none"
            if tq < 0 and cue_quote < 0
            else "same"
            if tq == cue_quote
            else "tok"
            if tq >= 0
            else "cue"
        )
        links = _link(ctx, head, i)
        branch = links[1] if len(links) > 1 else links[0]
        features = [
            "b",
            *ctx.static[i],
            f"pos={position}",
            f"dist={position}{_bucket(distance)}",
            f"ds={ds}",
            f"q={quote}",
            f"qpos={quote}|{position}|{ds}",
            f"par={ctx.paragraph[i] == cue_paragraph}",
            f"qt={tq in touching}|{ds}",
            *links,
            f"cl={cue_lemma}",
            f"cl+br={cue_lemma}|{branch}",
            f"br+pos={branch}|{position}",
            f"p+pos={ctx.short[i]}|{position}",
        ]
        if i > start:
            features.append(f"-1s={ctx.short[i - 1]}")
        if i + 1 < end:
            features.append(f"+1s={ctx.short[i + 1]}")
        if i == ctx.sentence_bounds[ctx.sentence[i]][0]:
            features.append("sent_start")
        sequence.append(features)
    return sequence
