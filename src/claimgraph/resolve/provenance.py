"""Provenance: the chain from the outlet that printed a claim back to whoever first made it.

Needs: a document's `ClaimFacts`, its near-copy state and the `SourceIdentity`.
Returns: the chain (outlet first) and its end, the original source.

"Steppe Observer, according to Meridian Daily, which cited a Korea Wire report based on an NIS
briefing" reads: Steppe Observer -published-> Meridian Daily -citing-> Korea Wire -citing-> NIS.
Within one document a chain follows, in this order: the republished original (near-copies), the
outer report of a nested one ("lawmakers said the NIS believed"), a media channel ("Korea Wire
reported, citing the NIS"; "told AFP"), and the document's own citations of a media source
("Meridian Daily cited a Korea Wire report"). Across documents, `extend_through_corpus` continues
a chain that ends at an outlet with that outlet's own report of the same claim.
"""

from collections.abc import Sequence

from claimgraph.resolve.facts import ClaimFacts
from claimgraph.resolve.identity import OUTLET, SourceIdentity
from claimgraph.resolve.records import ProvenanceStep

MAX_HOPS = 8


def step(identity: SourceIdentity, source_id: str, via: str) -> ProvenanceStep:
    info = identity.info(source_id)
    return ProvenanceStep(source_id=source_id, name=info.name, kind=info.type, via=via)


def chain(
    fact: ClaimFacts,
    document_facts: Sequence[ClaimFacts],
    identity: SourceIdentity,
    copy_of_outlet: str | None = None,
) -> tuple[ProvenanceStep, ...]:
    """The chain of one claim inside its document (outlet first, original source last)."""
    steps: list[ProvenanceStep] = []

    def add(source_id: str | None, via: str) -> None:
        if source_id and (not steps or steps[-1].source_id != source_id):
            if all(s.source_id != source_id for s in steps):
                steps.append(step(identity, source_id, via))

    add(fact.outlet_id, "published")
    if copy_of_outlet:
        add(copy_of_outlet, "republished from")
    by_id = {f.attribution_id: f for f in document_facts}
    outer = by_id.get(fact.parent) if fact.parent else None
    if (
        outer is not None
        and outer.source_id != fact.source_id
        and identity.is_actor(outer.source_id)
        # "X rejected claims that Y": the claims X denies are not X's to tell; with no speaker
        # of their own they stay unsourced.
        and (outer.polarity == "assert" or fact.source_id is not None)
    ):
        add(outer.source_id, outer.cue or "said")
    if fact.channel_id:
        add(fact.channel_id, "citing")
    current = fact.source_id
    if current and identity.is_media(current):
        add(current, fact.cue or "reported")
        for _ in range(MAX_HOPS):
            cited = _citation(current, document_facts)
            if not cited:
                break
            for source_id in cited:
                add(source_id, "citing")
            if not identity.is_media(cited[-1]) or cited[-1] == current:
                break
            current = cited[-1]
    elif identity.is_actor(fact.source_id):
        add(fact.source_id, fact.cue or "said")
    if fact.source_id and fact.source_id == fact.outlet_id and len(steps) == 1:
        # a body's own statement on its own site ("Absheron Marine Services statement on ..."):
        # named in its text as the speaker, it is the original, not an outlet's narration
        steps.append(step(identity, fact.source_id, fact.cue or "said"))
    return tuple(steps)


def _citation(media_id: str, document_facts: Sequence[ClaimFacts]) -> tuple[str, ...]:
    for other in document_facts:
        if other.kind == "citation" and other.source_id == media_id and other.cited:
            return tuple(s for s in other.cited if s != media_id)
    return ()


def original(steps: Sequence[ProvenanceStep]) -> str | None:
    """The end of the chain; None when the only step is the outlet printing an unsourced claim."""
    if len(steps) <= 1 and (not steps or steps[0].via == "published"):
        return None
    return steps[-1].source_id


def extend_through_corpus(
    steps: tuple[ProvenanceStep, ...],
    others: Sequence[tuple[str | None, tuple[ProvenanceStep, ...], object]],
) -> tuple[ProvenanceStep, ...]:
    """Continue a chain that ends at an outlet with that outlet's own report of the claim.

    Args:
        others: (outlet id, chain, published) of the other reports in the same cluster.
    """
    seen = {s.source_id for s in steps}
    for _ in range(MAX_HOPS):
        if len(steps) < 2 or steps[-1].kind not in (OUTLET, "media"):
            return steps
        end = steps[-1].source_id
        own = [chain for outlet, chain, _ in others if outlet == end and len(chain) > 1]
        if not own:
            return steps
        tail = [s for s in own[0][1:] if s.source_id not in seen]
        if not tail:
            return steps
        steps = (*steps, *tail)
        seen.update(s.source_id for s in tail)
    return steps


def last_outlet(steps: Sequence[ProvenanceStep]) -> str | None:
    """The last outlet or media source before the original: who an anonymous source spoke to
    (for a near-copy, the outlet it copies, not the copier)."""
    outlets = [s.source_id for s in steps[:-1] if s.kind in (OUTLET, "media")]
    return outlets[-1] if outlets else (steps[0].source_id if steps else None)
