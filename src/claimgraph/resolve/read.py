"""Read what `resolve` stored, as the boundary records of `resolve.records`.

The CLI, the API and the web UI call only these functions.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from claimgraph.errors import NotFound
from claimgraph.resolve import embed
from claimgraph.resolve.clusters import Features, compare, text_similarity
from claimgraph.resolve.engine import load_identity
from claimgraph.resolve.facts import ClaimFacts
from claimgraph.resolve.grading import DESCRIPTIONS, learnt, read_grades
from claimgraph.resolve.identity import UNIDENTIFIED
from claimgraph.resolve.lexicons import load_resolve_lexicon
from claimgraph.resolve.records import (
    ClaimCluster,
    ClaimMember,
    ClusterMatch,
    Contradiction,
    EstimatePoint,
    EstimateSeries,
    ProvenanceStep,
    SourceGrade,
)
from claimgraph.resolve.settings import ResolveSettings
from claimgraph.resolve.topics import topic_label
from claimgraph.resolve.zero_counts import counts_none
from claimgraph.store import Store, schema
from claimgraph.store import resolved as db
from claimgraph.store.resolve_tables import (
    resolve_clusters,
    resolve_contradictions,
    resolve_figures,
    resolve_members,
)

Row = Mapping[str, Any]


def clusters(
    store: Store,
    *,
    source: str | None = None,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[ClaimCluster]:
    """Clusters, most independently supported first, then most reported, then most recent.

    Args:
        source: a source id, name or alias: clusters in which it is a member's or original source.
        search: words that must all appear in the label, the sources or the outlets.
    """
    c, m = resolve_clusters, resolve_members
    stmt = sa.select(c).order_by(
        c.c.support.desc(), c.c.reports.desc(), c.c.first_reported.desc().nulls_last(), c.c.id
    )
    with db.reading(store.engine) as conn:
        if source is not None:
            ids = _source_ids(conn, source)
            having = sa.select(m.c.cluster_id).where(
                sa.or_(m.c.source_id.in_(ids), m.c.original_source.in_(ids))
            )
            stmt = stmt.where(c.c.id.in_(having))
        for word in (search or "").casefold().split():
            stmt = stmt.where(c.c.search_text.contains(word, autoescape=True))
        rows = list(conn.execute(stmt.offset(offset).limit(limit)).mappings())
        return _clusters(conn, rows)


def cluster(store: Store, cluster_id: str) -> ClaimCluster:
    """One cluster with its members; raises NotFound for an unknown id."""
    c = resolve_clusters
    with db.reading(store.engine) as conn:
        row = conn.execute(sa.select(c).where(c.c.id == cluster_id)).mappings().one_or_none()
        if row is None:
            raise NotFound(
                f"no claim cluster with id {cluster_id!r}",
                hint="list clusters with `claimgraph claims --cluster`",
            )
        return _clusters(conn, [row])[0]


def cluster_of(store: Store, attribution_id: str) -> ClaimCluster | None:
    """The cluster an attribution belongs to (None: not resolved, or a citation, not a claim)."""
    m = resolve_members
    with db.reading(store.engine) as conn:
        cluster_id = conn.execute(
            sa.select(m.c.cluster_id).where(m.c.attribution_id == attribution_id)
        ).scalar_one_or_none()
    return None if cluster_id is None else cluster(store, cluster_id)


def explain(store: Store, attribution_a: str, attribution_b: str) -> ClusterMatch:
    """Why two resolved attributions are (or would be) in one cluster, or kept apart."""
    m = resolve_members
    with db.reading(store.engine) as conn:
        rows = {
            row["attribution_id"]: row
            for row in conn.execute(
                sa.select(m).where(m.c.attribution_id.in_([attribution_a, attribution_b]))
            ).mappings()
        }
        threshold = float(db.get_meta(conn, "resolve_threshold") or ResolveSettings().threshold)
        vector_sum, count = embed.mean_from_text(db.get_meta(conn, "resolve_story_mean"))
    for attribution_id in (attribution_a, attribution_b):
        if attribution_id not in rows:
            raise NotFound(
                f"attribution {attribution_id!r} is not in any claim cluster",
                hint="run `claimgraph resolve`; citations ('citing X') are not clustered",
            )
    a, b = rows[attribution_a], rows[attribution_b]
    settings = ResolveSettings()
    similarity = text_similarity(
        embed.from_bytes(a["vector"]),
        a["terms"],
        embed.from_bytes(b["vector"]),
        b["terms"],
        1,
        settings.text_weight,
        embed.story_mean(vector_sum, count),
    )
    return compare(
        Features.of(ClaimFacts.from_json(a["facts"]), a["original_source"]),
        Features.of(ClaimFacts.from_json(b["facts"]), b["original_source"]),
        similarity,
        threshold,
    )


def estimate_series(store: Store, topic: str | None = None) -> list[EstimateSeries]:
    """Per counted topic, each distinct figure once, in the order it was first reported.

    A point is one figure (same value and kind of bound: "about 1,500" and "1,500" are one) with
    one modality from one independent body; every document that repeated it is listed. A figure
    whose modality is unknown joins the point of the same figure and body when there is one.

    Args:
        topic: part of a topic's label ("troops in Russia") or its key ("troops||KP|RU").
    """
    lexicon = load_resolve_lexicon()
    f = resolve_figures
    with db.reading(store.engine) as conn:
        rows = list(conn.execute(sa.select(f)).mappings())
        identity = load_identity(conn)
        outlets = _outlets(conn, {row["document_id"] for row in rows})
    by_topic: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if not counts_none(row["value"]):
            by_topic[row["topic"]].append(row)
    series = []
    wanted = (topic or "").casefold()
    for key, topic_rows in by_topic.items():
        label = topic_label(key, lexicon, [row["unit"] for row in topic_rows])
        plain = topic_label(key, lexicon)  # "people killed": what a search for "people" finds
        if (
            wanted
            and wanted != key.casefold()
            and not any(wanted in t.casefold() for t in (label, plain))
        ):
            continue
        points = _points(topic_rows, outlets, lambda s: identity.info(s).name if s else None)
        series.append(
            EstimateSeries(topic=label, unit=key.split("|")[0], points=tuple(points), key=key)
        )
    series.sort(key=lambda s: (-len(s.points), s.topic))
    return series


def contradictions(store: Store) -> list[Contradiction]:
    """Every contradiction: denials and incompatible figures, each against the claim it hits
    (`resolve.sides` names both sides)."""
    t = resolve_contradictions
    with db.reading(store.engine) as conn:
        rows = list(conn.execute(sa.select(t).order_by(t.c.kind, t.c.claim, t.c.by)).mappings())
    return [
        Contradiction(
            id=row["id"],
            kind=row["kind"],
            claim=row["claim"],
            by=row["by"],
            explanation=row["explanation"],
            interested=bool(row["interested"]),
            topic=row["topic"],
        )
        for row in rows
    ]


def grades_by_source(store: Store) -> dict[str, SourceGrade]:
    """Every graded source's grade by its id, for listings that show a grade beside a source."""
    return {grade.source_id: grade for grade in grades(store)}


def grades(store: Store, *, overrides: Path | None = None) -> list[SourceGrade]:
    """Reliability (A-F) of every source that originates a claim, with its reasons.

    A user's grade (stored by `resolve --grades FILE`, or `overrides` for this call) wins;
    otherwise the grade is learnt from the track record (see `grading`), F when too short.
    """
    c, t = resolve_clusters, resolve_contradictions
    with db.reading(store.engine) as conn:
        identity = load_identity(conn)
        user = {
            row["source_id"]: (row["reliability"], row["reason"]) for row in db.user_grades(conn)
        }
        rows = list(
            conn.execute(
                sa.select(c.c.id, c.c.support, c.c.original_sources, c.c.polarity)
            ).mappings()
        )
        figure_hits = set(conn.execute(sa.select(t.c.claim).where(t.c.kind == "figures")).scalars())
        children: dict[str, list[str]] = defaultdict(list)
        for source in db.stored_sources(conn):
            parent = identity.parent(identity.canonical(source["id"]) or source["id"])
            if parent:
                children[parent].append(identity.canonical(source["id"]) or source["id"])
    if overrides is not None:
        user.update(
            {g.source_id: (g.reliability, g.reason) for g in read_grades(overrides).values()}
        )
    record: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in rows:
        if row["polarity"] != "assert":
            continue
        for source_id in row["original_sources"]:
            counts = record[source_id]
            counts[0] += 1
            counts[1] += row["support"] >= 2
            counts[2] += row["id"] in figure_hits
    grades_found = []
    for source_id in sorted(set(record) | set(user), key=lambda s: (-record[s][0], s)):
        claims, confirmed, contradicted = record[source_id]
        if source_id in user:
            reliability, reason = user[source_id]
            reasons: tuple[str, ...] = (f"{DESCRIPTIONS[reliability]}: {reason}",)
            overridden = True
        else:
            reliability, reasons = learnt(claims, confirmed, contradicted)
            overridden = False
        info = identity.info(source_id)
        grades_found.append(
            SourceGrade(
                source_id=source_id,
                reliability=reliability,
                reasons=reasons,
                overridden=overridden,
                parent=identity.parent(source_id),
                children=tuple(sorted(set(children.get(source_id, ())))),
                name=info.name,
                claims=claims,
                confirmed=confirmed,
                contradicted=contradicted,
            )
        )
    return grades_found


# -- helpers ---------------------------------------------------------------------------------


def _source_ids(conn: sa.Connection, source: str) -> list[str]:
    """The canonical ids a source filter stands for: the id itself, or what its alias names."""
    identity = load_identity(conn)
    a = schema.aliases
    found = set(
        conn.execute(
            sa.select(a.c.source_id).where(a.c.alias == schema.alias_key(source))
        ).scalars()
    )
    found.add(source)
    found |= {identity.canonical(s) or s for s in list(found)}
    outlet = identity.outlet(source)
    if outlet:
        found.add(outlet)
    # Raw ids that the identity maps onto the wanted ones, so members stored under them match.
    found |= {raw for raw in identity.mapping if identity.canonical(raw) in found}
    return sorted(found)


def _outlets(
    conn: sa.Connection, document_ids: Iterable[str]
) -> dict[str, tuple[str | None, datetime | None]]:
    d = schema.documents
    ids = sorted(set(document_ids))
    found: dict[str, tuple[str | None, datetime | None]] = {}
    for start in range(0, len(ids), 500):
        stmt = sa.select(d.c.id, d.c.outlet, d.c.published).where(
            d.c.id.in_(ids[start : start + 500])
        )
        found.update({row.id: (row.outlet, row.published) for row in conn.execute(stmt)})
    return found


def _clusters(conn: sa.Connection, rows: Sequence[Row]) -> list[ClaimCluster]:
    members = db.members(conn, [row["id"] for row in rows])
    copies = db.documents_info(conn, {m["document_id"] for m in members})
    by_cluster: dict[str, list[ClaimMember]] = defaultdict(list)
    for member in members:
        fact = ClaimFacts.from_json(member["facts"])
        info = copies.get(member["document_id"])
        by_cluster[member["cluster_id"]].append(
            ClaimMember(
                attribution_id=member["attribution_id"],
                document_id=member["document_id"],
                outlet=fact.outlet,
                published=fact.published,
                source_id=member["source_id"],
                original_source=member["original_source"],
                chain=tuple(ProvenanceStep(**step) for step in member["chain"]),
                content_text=fact.content_text,
                certainty=fact.certainty,
                syndicated_copy_of=info["copy_of"] if info else None,
            )
        )
    found = []
    for row in rows:
        ordered = sorted(
            by_cluster.get(row["id"], []),
            key=lambda m: (m.published is None, _stamp(m.published), m.attribution_id),
        )
        found.append(
            ClaimCluster(
                id=row["id"],
                label=row["label"],
                members=tuple(ordered),
                original_sources=tuple(row["original_sources"]),
                outlets=tuple(row["outlets"]),
                first_reported=row["first_reported"],
                polarity=row["polarity"],
                credibility=row["credibility"],
                credibility_reasons=tuple(row["credibility_reasons"]),
                contradicted_by=tuple(row["contradicted_by"]),
                supported_by=_supported_by(row),
            )
        )
    return found


def _supported_by(row: Row) -> tuple[str, ...] | None:
    supported_by = (row["summary"] or {}).get("supported_by")
    return None if supported_by is None else tuple(supported_by)


def _stamp(moment: datetime | None) -> float:
    if moment is None:
        return 0.0
    return moment.timestamp()


def _figure_key(row: Row) -> tuple[str, float]:
    bound = "point" if row["qualifier"] in ("exact", "approx") else row["qualifier"]
    return bound, float(row["value"])


def _points(
    rows: list[Row],
    outlets: Mapping[str, tuple[str | None, datetime | None]],
    name_of: Any,
) -> list[EstimatePoint]:
    ordered = sorted(rows, key=lambda r: (_stamp(r["published"]), r["document_id"], r["seq"]))
    groups: dict[tuple[Any, ...], list[Row]] = {}
    for row in ordered:
        if row["value"] is None:
            continue
        figure = _figure_key(row)
        body = row["independence"] or row["original_source"] or f"unsourced@{row['document_id']}"
        key = (figure, row["modality"], body)
        if row["modality"] == "unknown":
            known = [k for k in groups if k[0] == figure and k[2] == body]
            key = known[0] if known else key
        if body.startswith(UNIDENTIFIED):
            # "The rebels say 84 ...": a generic group repeating an identified source's figure.
            same = [
                k
                for k, rows_of in groups.items()
                if k[0] == figure
                and k[1] in (row["modality"], "unknown")
                and any(r["cluster_id"] == row["cluster_id"] for r in rows_of)
            ]
            key = same[0] if same else key
        groups.setdefault(key, []).append(row)
    points = []
    for group in groups.values():
        first = group[0]
        documents = list(dict.fromkeys(r["document_id"] for r in group))
        qualifiers = Counter(r["qualifier"] for r in group)
        points.append(
            EstimatePoint(
                value=first["value"],
                low=first["low"],
                high=first["high"],
                qualifier=first["qualifier"]
                if qualifiers[first["qualifier"]]
                else qualifiers.most_common(1)[0][0],
                modality=next(
                    (r["modality"] for r in group if r["modality"] != "unknown"), "unknown"
                ),
                source=first["original_source"],
                source_name=name_of(first["original_source"]),
                first_reported=first["published"],
                documents=tuple(documents),
                attributions=tuple(dict.fromkeys(r["attribution_id"] for r in group)),
                cluster=first["cluster_id"],
                outlets=tuple(
                    dict.fromkeys(outlets.get(d, (None, None))[0] or d for d in documents)
                ),
                text=first["text"],
            )
        )
    points.sort(key=lambda p: (_stamp(p.first_reported), p.value or 0))
    return points
