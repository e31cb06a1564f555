"""Find hedges ("could", "reportedly", "believed", "nearer to") and grade how sure a claim sounds.

Needs: token text, tag and lemma from the parse; the attribution's cue and content.
Returns: Hedge records and a Certainty. The weakest hedge wins: one "may" makes the whole claim
"possible". Hedges count inside the content, on the cue ("reportedly said", "may have told") and on
the clause that governs the cue ("had apparently raised an alarm ... when they said ...").
"""

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from claimgraph.nlp.attributions import Found
from claimgraph.nlp.lexicon import Lexicon
from claimgraph.nlp.model import doc_text
from claimgraph.records import Certainty, Hedge, Span

_MODALS = {"could", "may", "might", "should", "would", "must", "can"}
_MAX_PHRASE = 3


def find_hedges(doc: Doc, found: Found, lexicon: Lexicon) -> tuple[Hedge, ...]:
    """Every hedge that sits in the claim's content or modifies its cue, in text order."""
    tokens: dict[int, Token] = {}
    for span in found.content:
        chunk = doc.char_span(span.start, span.end, alignment_mode="expand")
        if chunk is not None:
            tokens.update((t.i, t) for t in chunk)
    cue = found.cue_token
    for child in cue.children:
        if child.dep_ in ("advmod", "aux") and child.i not in tokens:
            tokens[child.i] = child
    # "had apparently raised an alarm ... when they said": an adverb on the governing clause.
    for governor in list(cue.ancestors)[:2]:
        for child in governor.children:
            if child.dep_ == "advmod" and child.i not in tokens:
                tokens[child.i] = child
    hedges = [hedge for hedge in _match(doc, sorted(tokens), lexicon) if hedge is not None]
    if found.cue_entry is not None and found.cue_entry.certainty < Certainty.CERTAIN:
        hedges.append(Hedge(found.cue, found.cue_entry.certainty, found.cue_entry.lemma))
    return tuple(sorted(set(hedges), key=lambda h: h.span.start))


SIDE_CLAUSES = frozenset({"relcl", "acl", "appos"})


def _in_side_clause(token: Token, inside: set[int]) -> bool:
    """Is the token in a clause hung on a noun, or in a conjoined clause after the first?"""
    while token.head.i != token.i and token.head.i in inside:
        if token.dep_ in SIDE_CLAUSES:
            return True
        if (
            token.dep_ == "conj"
            and token.pos_ in ("VERB", "AUX")
            and token.head.pos_ in ("VERB", "AUX")
        ):
            return True
        token = token.head
    return False


def grade(hedges: tuple[Hedge, ...]) -> Certainty:
    """The weakest hedge wins."""
    return min((h.strength for h in hedges), default=Certainty.CERTAIN)


def main_clause_hedges(content: Sequence[Token], hedges: tuple[Hedge, ...]) -> tuple[Hedge, ...]:
    """The hedges that qualify the claim itself, for its grade.

    "1,500 soldiers are in Russia, the first wave of a force that could grow to 12,000": a modal
    in a clause hung on a noun, or in a later clause of its own ("..., and that the number could
    reach 10,000"), hedges that clause's proposition (a projection), not the claim's first one.
    Such hedges are still listed with the claim; they do not lower its certainty.
    """
    if not content:
        return hedges
    doc = content[0].doc
    inside = {t.i for t in content}
    kept = []
    for hedge in hedges:
        words = doc.char_span(hedge.span.start, hedge.span.end, alignment_mode="expand")
        if words is None or not all(t.i in inside and _in_side_clause(t, inside) for t in words):
            kept.append(hedge)
    return tuple(kept)


def _match(doc: Doc, indices: list[int], lexicon: Lexicon) -> list[Hedge | None]:
    wanted = set(indices)
    lowers = _lowers(doc)
    found: list[Hedge | None] = []
    skip_until = -1
    for i in indices:
        if i <= skip_until:
            continue
        for length in range(_MAX_PHRASE, 0, -1):
            if i + length > len(lowers) or any(j not in wanted for j in range(i, i + length)):
                continue
            if length > 1 and tuple(lowers[i : i + length]) not in lexicon.hedges:
                continue  # only one word can match by its lemma; a phrase needs its words
            window = doc[i : i + length]
            hedge = _hedge(window, lexicon)
            if hedge is not None:
                found.append(hedge)
                skip_until = i + length - 1
                break
    return found


def _hedge(window: "Doc | object", lexicon: Lexicon) -> Hedge | None:
    tokens = list(window)  # type: ignore[call-overload]
    words = tuple(t.lower_ for t in tokens)
    strength = lexicon.hedges.get(words)
    lemma = " ".join(words)
    if strength is None and len(tokens) == 1:
        strength = lexicon.hedges.get((tokens[0].lemma_.lower(),))
        lemma = tokens[0].lemma_.lower()
        if strength is not None and tokens[0].pos_ not in ("VERB", "AUX"):
            strength = None  # a lemma match is for verbs only: "belief" is not "believe"
    if strength is None:
        return None
    if len(tokens) == 1 and words[0] in _MODALS and tokens[0].tag_ != "MD":
        return None  # "May" the month, "can" the container
    first, last = tokens[0], tokens[-1]
    span = Span(
        first.idx, last.idx + len(last), doc_text(first.doc)[first.idx : last.idx + len(last)]
    )
    return Hedge(span=span, strength=strength, lemma=lemma)


def _lowers(doc: Doc) -> list[str]:
    """Every token's lower-case form, read once per document."""
    lowers = doc.user_data.get("claimgraph.lowers")
    if lowers is None:
        lowers = doc.user_data["claimgraph.lowers"] = [t.lower_ for t in doc]
    return lowers
