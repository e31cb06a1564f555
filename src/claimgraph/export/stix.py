"""STIX 2.1 export: a bundle that OpenCTI, MISP and other threat-intelligence platforms import.

Mapping (docs/exports.md has the full table):
- document -> `report` (name: title; published; external reference: the URL; object_refs: what
  the article says), and `derived-from` another report when it is a near-copy of it;
- source -> `identity` (identity_class from the source type; its Wikidata id as an external
  reference);
- claim -> `note` (abstract: who said it and how; content: what was said; labels: certainty, form,
  polarity; confidence from certainty and credibility) with `attributed-to` its source's identity
  and, when it was relayed, `derived-from` the claim that first reported it;
- cluster credibility 1-5 -> an `opinion` of claimgraph's identity on each note
  (1 strongly-agree ... 5 strongly-disagree; 6 "cannot be judged" gives none);
- place with coordinates -> `location`, referenced by the notes that name it;
- contradiction -> `contradicts` between the first claims of the two clusters.

Objects are written as they are made: the bundle's `objects` array streams, one document's claims
at a time. Identities, reports and locations are built with the stix2 library; the one to four
objects of each claim (note, opinion, relationships) are plain dicts of the same shape, because
stix2 checks every property on construction, which cost about 5 ms a claim here (an hour for a
million claims). The tests parse every object back with stix2 and validate the bundle with
stix2-validator. Ids are UUIDv5 of claimgraph's ids, so exporting twice gives the same ids and a platform
updates its objects instead of duplicating them.

Needs: a Store, ExportFilters and a text stream.  Returns: the number of claims written.
"""

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import groupby
from typing import Any, TextIO

from claimgraph.errors import MissingExtra
from claimgraph.export import tables
from claimgraph.export.tables import ExportClaim, ExportFilters
from claimgraph.store import Store

NAMESPACE = uuid.UUID("5c1a1b6e-6a55-4d1e-9a0e-4f1f7a3c9b21")  # claimgraph's, fixed forever
# Words of estimative probability, as in the STIX 2.1 confidence appendix (WEP scale).
CERTAINTY_CONFIDENCE = {"certain": 95, "probable": 80, "possible": 50, "unknown": 30}
# Admiralty information credibility 1-5, as in the appendix's Admiralty scale; 6 = cannot be
# judged, which neither raises nor lowers: it counts as an even chance.
CREDIBILITY_CONFIDENCE = {1: 100, 2: 80, 3: 60, 4: 40, 5: 20, 6: 50}
CREDIBILITY_OPINION = {
    1: "strongly-agree",
    2: "agree",
    3: "neutral",
    4: "disagree",
    5: "strongly-disagree",
}
IDENTITY_CLASS = {
    "person": "individual",
    "group": "group",
    "anonymous": "unknown",
}


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def confidence(certainty: str, credibility: int | None) -> int:
    """0-100: how sure the source sounded, weighed by how well the corpus backs the claim."""
    sure = CERTAINTY_CONFIDENCE.get(certainty, 30)
    backed = CREDIBILITY_CONFIDENCE.get(credibility or 6, 50)
    return max(0, min(100, round(sure * backed / 100)))


def write_stix(store: Store, out: TextIO, filters: ExportFilters | None = None) -> int:
    stix2 = _stix2()
    bundle = f"bundle--{uuid.uuid4()}"
    out.write(f'{{"type": "bundle", "id": "{bundle}", "objects": [')
    writer = _Objects(out)
    tool = stix2.Identity(
        id=stix_id("identity", "claimgraph"),
        name="claimgraph",
        identity_class="system",
        description="Attributed claims extracted and cross-checked by claimgraph.",
        created=_EPOCH,
        modified=_EPOCH,
    )
    writer.add(tool)
    identities: set[str] = set()
    for source in tables.sources(store, filters):
        writer.add(_identity(stix2, source))
        identities.add(source["id"])
    locations: set[str] = set()
    documents = tables.documents(store, filters)
    places = _Lookahead(tables.places(store, filters))
    count = 0
    for document_id, group in groupby(tables.claims(store, filters), key=lambda c: c.document_id):
        document = _advance_to(documents, document_id)
        claims = list(group)  # one article's claims: tens, not thousands
        refs: list[str] = []
        where = _locations(stix2, writer, places.take(document_id), locations)
        for claim in claims:
            refs += _claim_objects(stix2, writer, claim, tool.id, identities, where)
            count += 1
        writer.add(_report(stix2, document_id, document, claims, refs))
        if document and document.get("copy_of"):
            writer.add(
                _relationship(
                    "derived-from",
                    stix_id("report", document_id),
                    stix_id("report", document["copy_of"]),
                    f"near-copy (estimated similarity {document['copy_similarity'] or 0:.2f})",
                )
            )
    for row in tables.contradictions(store, filters):
        writer.add(
            _relationship(
                "contradicts",
                stix_id("note", row["by_founder"]),
                stix_id("note", row["claim_founder"]),
                f"{row['kind']}: {row['explanation']}",
            )
        )
    out.write("]}\n")
    return count


_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)  # for objects with no time of their own
_EPOCH_STAMP = "2024-01-01T00:00:00.000Z"


def _claim_objects(
    stix2: Any,
    writer: "_Objects",
    claim: ExportClaim,
    tool: str,
    identities: set[str],
    where: dict[str, list[str]],
) -> list[str]:
    when = _aware(claim.published) or _EPOCH
    note_id = stix_id("note", claim.id)
    source = claim.canonical_source
    if source and source not in identities:
        # An id the analysis named but never described: an identity from the claim's own words.
        writer.add(
            _identity(
                stix2,
                {"id": source, "name": claim.source_text or source, "type": "unknown"},
            )
        )
        identities.add(source)
    refs = [stix_id("report", claim.document_id), *where.get(claim.id, [])]
    if source:
        refs.append(stix_id("identity", source))
    who = claim.source_name or claim.source_text or "an unnamed source"
    labels = [claim.certainty, claim.form] + ([claim.polarity] if claim.polarity else [])
    if claim.anonymous:
        labels.append("anonymous")
    stamp = _timestamp(when)
    note = {
        "type": "note",
        "spec_version": "2.1",
        "id": note_id,
        "created": stamp,
        "modified": stamp,
        "abstract": f"{who} {claim.cue_text or 'said'}"[:300],
        "content": claim.content_text,
        "object_refs": refs,
        "labels": labels,
        "confidence": confidence(claim.certainty, claim.credibility),
        "external_references": [{"source_name": "claimgraph", "external_id": claim.id}],
    }
    writer.add(note)
    made = [note_id]
    if source:
        writer.add(
            _relationship("attributed-to", note_id, stix_id("identity", source), claim.cue_text)
        )
    if claim.cluster_founder and claim.cluster_founder != claim.id and len(claim.chain) > 1:
        writer.add(
            _relationship(
                "derived-from",
                note_id,
                stix_id("note", claim.cluster_founder),
                "relayed: " + " <- ".join(claim.chain),
            )
        )
    opinion = CREDIBILITY_OPINION.get(claim.credibility or 6)
    if opinion is not None:
        opinion_id = stix_id("opinion", claim.id)
        writer.add(
            {
                "type": "opinion",
                "spec_version": "2.1",
                "id": opinion_id,
                "created_by_ref": tool,
                "created": stamp,
                "modified": stamp,
                "explanation": f"Admiralty credibility {claim.credibility}, "
                f"{claim.support or 0} independent original source(s) in the corpus",
                "opinion": opinion,
                "object_refs": [note_id],
            }
        )
        made.append(opinion_id)
    return made


def _identity(stix2: Any, source: dict[str, Any]) -> Any:
    references = []
    if source.get("wikidata"):
        qid = source["wikidata"]
        references.append(
            {
                "source_name": "wikidata",
                "external_id": qid,
                "url": f"https://www.wikidata.org/wiki/{qid}",
            }
        )
    kind = source.get("type") or "unknown"
    extra: dict[str, Any] = {}
    if kind == "government":
        extra["sectors"] = ["government"]
    if source.get("aliases"):
        extra["description"] = "Also called: " + ", ".join(source["aliases"][:20])
    return stix2.Identity(
        id=stix_id("identity", source["id"]),
        name=source.get("name") or source["id"],
        identity_class=IDENTITY_CLASS.get(kind, "organization" if kind != "unknown" else "unknown"),
        roles=list(source.get("roles") or []) or None,
        external_references=references or None,
        created=_EPOCH,
        modified=_EPOCH,
        **extra,
    )


def _report(
    stix2: Any, document_id: str, document: dict[str, Any] | None, claims: list[ExportClaim],
    refs: list[str],
) -> Any:  # fmt: skip
    first = claims[0]
    published = _aware(first.published) or _aware((document or {}).get("ingested_at")) or _EPOCH
    references = [{"source_name": "claimgraph", "external_id": document_id}]
    if first.url:
        references.append({"source_name": first.outlet or "web", "url": first.url})
    return stix2.Report(
        id=stix_id("report", document_id),
        name=first.title or first.url or document_id,
        description=f"Published by {first.outlet}" if first.outlet else None,
        published=published,
        created=published,
        modified=published,
        report_types=["threat-report"],
        object_refs=refs,
        external_references=references,
    )


def _locations(
    stix2: Any, writer: "_Objects", rows: list[dict[str, Any]], done: set[str]
) -> dict[str, list[str]]:
    """Location objects for these places (each once per export), by the claim that names them."""
    by_claim: dict[str, list[str]] = {}
    for row in rows:
        key = row["gazetteer_id"] or f"{row['name']}@{row['lat']:.4f},{row['lon']:.4f}"
        location_id = stix_id("location", key)
        if location_id not in done:
            writer.add(
                stix2.Location(
                    id=location_id,
                    name=row["name"],
                    latitude=row["lat"],
                    longitude=row["lon"],
                    country=row["country"] or None,
                    created=_EPOCH,
                    modified=_EPOCH,
                )
            )
            done.add(location_id)
        if row["attribution"]:
            refs = by_claim.setdefault(row["attribution"], [])
            if location_id not in refs:
                refs.append(location_id)
    return by_claim


def _relationship(kind: str, source: str, target: str, why: str | None) -> dict[str, Any]:
    relationship = {
        "type": "relationship",
        "spec_version": "2.1",
        "id": stix_id("relationship", f"{kind}:{source}:{target}"),
        "created": _EPOCH_STAMP,
        "modified": _EPOCH_STAMP,
        "relationship_type": kind,
        "source_ref": source,
        "target_ref": target,
    }
    if why:
        relationship["description"] = why
    return relationship


def _timestamp(moment: datetime) -> str:
    """STIX's timestamp form: UTC, "Z", milliseconds (as stix2 writes created/modified)."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _aware(moment: Any) -> datetime | None:
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if not isinstance(moment, datetime):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _advance_to(rows: Iterator[dict[str, Any]], document_id: str) -> dict[str, Any] | None:
    """The row of this document from a stream ordered by id (both streams share the order)."""
    for row in rows:
        if row["id"] == document_id:
            return row
        if row["id"] > document_id:
            return None
    return None


class _Lookahead:
    """Rows ordered by document id, taken one document at a time."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self.rows = rows
        self.next: dict[str, Any] | None = next(rows, None)

    def take(self, document_id: str) -> list[dict[str, Any]]:
        while self.next is not None and self.next["document_id"] < document_id:
            self.next = next(self.rows, None)
        found = []
        while self.next is not None and self.next["document_id"] == document_id:
            found.append(self.next)
            self.next = next(self.rows, None)
        return found


class _Objects:
    """Writes objects into the bundle's array as they come, with the commas between them."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.first = True

    def add(self, stix_object: Any) -> None:
        if not self.first:
            self.out.write(",\n")
        if isinstance(stix_object, dict):
            self.out.write(json.dumps(stix_object, ensure_ascii=False))
        else:
            self.out.write(stix_object.serialize())
        self.first = False


def _stix2() -> Any:
    try:
        import stix2
    except ImportError:
        raise MissingExtra(
            "STIX export needs the stix2 library", hint="pip install 'claimgraph[export]'"
        ) from None
    return stix2
