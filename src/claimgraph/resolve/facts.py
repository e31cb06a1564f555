"""What one stored attribution asserts, in the terms the cross-document stages compare.

Needs: a stored `Analysis`, the `SourceIdentity` and the resolve lexicon.
Returns: a `ClaimFacts` per attribution: resolved source, polarity, kind (claim or citation),
figures (each with its topic and modality), countries, places and entities in the content.
"""

import dataclasses
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from claimgraph.nlp.source_table import source_key
from claimgraph.records import Analysis, Attribution, Place, QuantityKind
from claimgraph.resolve.identity import SourceIdentity
from claimgraph.resolve.lexicons import MODALITY_ORDER, ResolveLexicon
from claimgraph.resolve.topics import Figure, figure_of

SERIES_KINDS = (QuantityKind.COUNT,)
LEAD = 600  # characters: about the first two sentences of a news report


@dataclass(slots=True)
class ClaimFacts:
    attribution_id: str
    document_id: str
    outlet: str | None
    outlet_id: str | None
    published: datetime | None
    raw_source: str | None
    source_id: str | None  # canonical across documents
    source_text: str | None
    anonymous: bool
    cue: str | None
    form: str
    certainty: str
    hedges: tuple[str, ...]
    channel: str | None
    channel_id: str | None  # the channel, when it is an outlet or a media source
    parent: str | None
    content_text: str
    match_text: str  # content without polarity words: what is embedded and compared
    polarity: str  # assert | deny | unconfirmed
    kind: str  # claim | citation
    cited: tuple[str, ...] = ()  # for a citation: the sources it hands the claim on from
    figures: tuple[Figure, ...] = ()
    countries: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    start: int = 0

    def to_json(self) -> dict[str, Any]:
        row = asdict(self)
        row["published"] = self.published.isoformat() if self.published else None
        return row

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> "ClaimFacts":
        values = dict(row)
        values["published"] = (
            datetime.fromisoformat(row["published"]) if row.get("published") else None
        )
        values["figures"] = tuple(Figure(**figure) for figure in row.get("figures", ()))
        for key in ("hedges", "cited", "countries", "places", "entities"):
            values[key] = tuple(row.get(key, ()))
        return cls(**values)

    @property
    def numbers(self) -> frozenset[float]:
        return frozenset(f.value for f in self.figures if f.value is not None)


@dataclass(slots=True)
class _Context:
    """Per document: what earlier figures were about, for figures that do not say it again."""

    previous: list[Figure] = field(default_factory=list)
    countries: Counter[str] = field(default_factory=Counter)


def document_facts(
    analysis: Analysis, identity: SourceIdentity, lexicon: ResolveLexicon
) -> list[ClaimFacts]:
    """The facts of every attribution in one stored document, in text order."""
    document = analysis.document
    outlet_id = identity.outlet(document.outlet)
    context = _Context()
    # The scene of the story: countries named in the lead (after any dateline), where a figure
    # that names no place of its own most likely happened.
    for place in analysis.places:
        if place.country and place.kind != "demonym" and 0 < place.span.start < LEAD:
            context.countries[place.country] += 1
    facts: list[ClaimFacts] = []
    media_before: list[tuple[int, str]] = []  # (offset, media source id) seen so far
    ordered = sorted(analysis.attributions, key=lambda a: a.content_start)
    for attribution in ordered:
        source_id = _source(attribution, identity, lexicon, media_before)
        channel_id = _channel(attribution, identity)
        for offset, media in (
            (attribution.source.start if attribution.source else 0, source_id),
            (attribution.channel.start if attribution.channel else 0, channel_id),
        ):
            if media and identity.is_media(media):
                media_before.append((offset, media))
        facts.append(
            _facts(
                analysis, attribution, source_id, channel_id, outlet_id, identity, lexicon, context
            )
        )
    return facts


def _source(
    attribution: Attribution,
    identity: SourceIdentity,
    lexicon: ResolveLexicon,
    media_before: list[tuple[int, str]],
) -> str | None:
    """Canonical source; "the Singapore newspaper" is the last media source named before it."""
    source_id = identity.canonical(attribution.canonical_source)
    text = attribution.source.text if attribution.source else ""
    if (
        text
        and not identity.is_media(source_id)
        and lexicon.media_descriptions.find(text)
        and media_before
    ):
        return media_before[-1][1]
    return source_id


def _channel(attribution: Attribution, identity: SourceIdentity) -> str | None:
    if attribution.channel is None:
        return None
    named = identity.find_names(attribution.channel.text)
    return named[0][1] if named else None


def _facts(
    analysis: Analysis,
    attribution: Attribution,
    source_id: str | None,
    channel_id: str | None,
    outlet_id: str | None,
    identity: SourceIdentity,
    lexicon: ResolveLexicon,
    context: _Context,
) -> ClaimFacts:
    content = attribution.content_text
    cue = attribution.cue.text if attribution.cue else ""
    polarity = lexicon.polarity_cue.first(cue) or lexicon.polarity_content.first(content)
    citation = bool(cue and lexicon.citation_cues.find(cue))
    inside = [p for p in analysis.places if any(s.contains(p.span) for s in attribution.content)]
    entities = sorted(
        {
            source_key(e.span.text)
            for e in analysis.entities
            if e.label in ("ORG", "PERSON", "NORP", "GPE", "LOC", "FAC", "EVENT")
            and any(s.contains(e.span) for s in attribution.content)
        }
    )
    figures = _figures(analysis, attribution, inside, lexicon, context)
    return ClaimFacts(
        attribution_id=attribution.id,
        document_id=analysis.document.id,
        outlet=analysis.document.outlet,
        outlet_id=outlet_id,
        published=analysis.document.published,
        raw_source=attribution.canonical_source,
        source_id=source_id,
        source_text=attribution.source.text if attribution.source else None,
        anonymous=attribution.anonymous,
        cue=cue or None,
        form=str(attribution.form),
        certainty=attribution.certainty.label,
        hedges=tuple(h.lemma for h in attribution.hedges),
        channel=attribution.channel.text if attribution.channel else None,
        channel_id=channel_id,
        parent=attribution.parent,
        content_text=content,
        match_text=_without_polarity(content, lexicon),
        polarity=polarity or "assert",
        kind="citation" if citation else "claim",
        cited=_cited(analysis, attribution, identity) if citation else (),
        figures=tuple(figures),
        countries=tuple(sorted({p.country for p in inside if p.country})),
        places=tuple(sorted({p.name for p in inside if p.kind != "demonym"})),
        entities=tuple(entities),
        start=attribution.content_start,
    )


def _cited(
    analysis: Analysis, attribution: Attribution, identity: SourceIdentity
) -> tuple[str, ...]:
    """Who a citation hands the claim on from, in text order: outlets, then known sources."""
    content = attribution.content_text
    named = [source_id for _, source_id in identity.find_names(content)]
    for entity in analysis.entities:
        if entity.source_id and any(s.contains(entity.span) for s in attribution.content):
            named.append(identity.canonical(entity.source_id) or entity.source_id)
    return tuple(dict.fromkeys(named))


def _without_polarity(content: str, lexicon: ResolveLexicon) -> str:
    for start, end, _ in reversed(lexicon.polarity_content.find(content)):
        content = content[:start] + content[end:]
    return " ".join(content.split())


def _figures(
    analysis: Analysis,
    attribution: Attribution,
    places: list[Place],
    lexicon: ResolveLexicon,
    context: _Context,
) -> list[Figure]:
    # By containment, not only by the stored link: a quantity is linked to one attribution, but
    # a nested report ("lawmakers said the NIS believed 3,000 ...") states it in both.
    quantities = sorted(
        (
            q
            for q in analysis.quantities
            if q.kind in SERIES_KINDS
            and q.value is not None
            and (
                q.attribution == attribution.id
                or any(s.contains(q.span) for s in attribution.content)
            )
        ),
        key=lambda q: q.span.start,
    )
    text = analysis.document.text
    figures: list[Figure] = []
    for index, quantity in enumerate(quantities):
        last = index + 1 == len(quantities)
        before = quantities[index - 1].span.end if index else attribution.content_start
        after = attribution.content_end if last else quantities[index + 1].span.start
        figure = figure_of(
            quantity,
            text,
            window=(before, after, index > 0, not last),
            clause_end=attribution.content_end,
            places=places,
            previous=[*context.previous, *figures],
            document_countries=context.countries,
            lexicon=lexicon,
        )
        if _dated_earlier(analysis, attribution):
            figure = dataclasses.replace(figure, modality="recap")
        figures.append(figure)
    context.previous.extend(figures)
    return figures


RECAP_DAYS = 3


def _dated_earlier(analysis: Analysis, attribution: Attribution) -> bool:
    """A claim dated well before its report ("On Oct. 18, the agency reported 1,500") repeats
    an earlier figure: a recap, not a new point."""
    published = analysis.document.published
    if published is None:
        return False
    for time in analysis.times:
        if (
            time.attribution == attribution.id
            and time.granularity == "day"
            and time.end is not None
            and time.relation == "before"
        ):
            if (published.date() - time.end).days > RECAP_DAYS:
                return True
    return False


__all__ = ["MODALITY_ORDER", "ClaimFacts", "document_facts"]
