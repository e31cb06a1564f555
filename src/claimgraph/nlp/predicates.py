"""The predicate of a claim: the lemma of its content's main verb, with its particle.

Needs: the parsed tokens of the content.  Returns: "cross", "pull back", or None.

Resolve compares predicates so that claims about the same actor with different actions ("Tajik
troops crossed the border" / "Tajik forces attacked positions") are not taken for one
proposition on shared words alone. The parse is not stored, so the lemma is kept with the claim.
"""

from collections.abc import Sequence

from spacy.tokens import Token

LIGHT_VERBS = frozenset({"be", "have", "do", "get"})
# Verbs whose open complement carries the action: "appeared to cross", "tried to enter".
OPENING_VERBS = frozenset({"appear", "seem", "say", "try", "begin", "start", "continue", "plan"})
PARTICLES = frozenset({"back", "out", "off", "away", "up", "down", "in"})  # "pulled back"


def main_verb(content: Sequence[Token]) -> str | None:
    """The lemma of the content's head verb ("had been killed" -> "kill"), or None when the head
    is no verb or a light one ("were now in Russia": a state, said with any verb).

    An adjective or a verb before an open complement gives way to it: "is likely to make" ->
    "make", "were said to have crossed" -> "cross".
    """
    if not content:
        return None
    inside = {token.i for token in content}
    top = min(content, key=lambda t: (_depth(t, inside), t.i))
    for _ in range(3):  # "was likely to make": copula -> adjective -> its complement
        if top.pos_ == "VERB" and top.lemma_.lower() not in OPENING_VERBS:
            break
        top = next((c for c in top.children if c.dep_ in ("xcomp", "acomp") and c.i in inside), top)
    if top.pos_ == "AUX":
        # "was a serious concern" -> "be concern"; "were now in Russia": a state, whatever
        # verbs its conjuncts have
        attribute = next(
            (c for c in top.children if c.dep_ in ("attr", "acomp") and c.i in inside), None
        )
        return f"be {attribute.lemma_.lower()}" if attribute is not None else None
    if top.pos_ != "VERB":
        # A fragment the parse hangs on a noun ("the attack, which killed 40"): its highest verb.
        verbs = [t for t in content if t.pos_ == "VERB"]
        if not verbs:
            return None
        top = min(verbs, key=lambda t: (_depth(t, inside), t.i))
    lemma = top.lemma_.lower()
    if lemma in LIGHT_VERBS:
        return None
    particle = next(
        (
            c.lower_
            for c in top.children
            if c.dep_ == "prt"
            or (c.dep_ == "advmod" and c.i == top.i + 1 and c.lower_ in PARTICLES)
        ),
        None,
    )
    return f"{lemma} {particle}" if particle else lemma


def _depth(token: Token, inside: set[int]) -> int:
    steps = 0
    while token.head.i != token.i and token.head.i in inside:
        token = token.head
        steps += 1
    return steps
