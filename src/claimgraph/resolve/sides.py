"""Both sides of a dispute, named the way an analyst briefs them: who, said how, what, when, where.

Needs: the stored clusters, members and contradictions of `resolve`.
Returns: `Side` (one cluster as its original source first said it) and `Dispute` (a
contradiction seen from one cluster), so every reader shows "Disputed by: Kremlin (denial,
24 Oct)" instead of a bare cluster id.

A cluster's side is its earliest report by one of its original sources (the origin speaking,
not an outlet echoing it); when no member names an original source, its earliest report. Its
figures are that report's counted figures, or, when it has none, those of its next report that
has some; in a figure dispute, only the figures the dispute names.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from claimgraph.resolve.engine import load_identity
from claimgraph.resolve.facts import spoken_cue
from claimgraph.resolve.records import Contradiction
from claimgraph.store import Store
from claimgraph.store import resolved as db
from claimgraph.store.resolve_tables import resolve_clusters, resolve_members

KINDS = ("denial", "figures")
DISPUTED_BY = "disputed_by"  # the other cluster denies or contradicts this one
DISPUTES = "disputes"  # this cluster denies the other (or gives a figure incompatible with it)


@dataclass(frozen=True, slots=True)
class Side:
    """One cluster as its original source first said it."""

    cluster: str
    label: str  # the proposition, as first reported
    polarity: str  # assert | deny | unconfirmed
    source_id: str | None  # the original source
    source_name: str | None
    cue: str | None  # "denied", "said", "according to"
    figures: tuple[str, ...]  # the figures as printed: "about 1,500"
    published: datetime | None
    outlet: str | None
    document_id: str | None
    attribution_id: str | None  # the report this side is read from (the evidence)
    cluster_figures: tuple[str, ...] = ()  # every counted figure in the cluster's reports


@dataclass(frozen=True, slots=True)
class Dispute:
    """A contradiction seen from one cluster: the other side, and which way it runs."""

    contradiction: str
    kind: str  # denial | figures
    role: str  # DISPUTED_BY or DISPUTES
    other: Side
    explanation: str


@dataclass(frozen=True, slots=True)
class NamedContradiction:
    """A contradiction with both sides named: `by` denies or contradicts `claim`."""

    id: str
    kind: str
    explanation: str
    claim: Side
    by: Side
    topic: str | None = None  # what a figure dispute counts

    @property
    def latest(self) -> datetime | None:
        """When the dispute became visible: the later of the two first reports."""
        dates = [d for d in (self.claim.published, self.by.published) if d is not None]
        return max(dates, key=_stamp) if dates else None


def named_contradictions(
    store: Store, contradictions: Iterable[Contradiction], kind: str | None = None
) -> list[NamedContradiction]:
    """These contradictions (from `read.contradictions`) with both sides named, latest first.

    Args:
        kind: "denial" or "figures" to keep one kind only.
    """
    rows = [c for c in contradictions if kind is None or c.kind == kind]
    with db.reading(store.engine) as conn:
        known = _sides(conn, {c.claim for c in rows} | {c.by for c in rows})
        claims = {c.id: _apart(conn, known, c.claim, c.by) for c in rows}
    found = [
        NamedContradiction(
            id=c.id,
            kind=c.kind,
            explanation=c.explanation,
            claim=_named(claims[c.id], c),
            by=_named(known.get(c.by) or _missing(c.by), c),
            topic=c.topic,
        )
        for c in rows
    ]
    found.sort(key=lambda c: (_stamp(c.latest), c.id), reverse=True)
    return found


@dataclass(frozen=True, slots=True)
class FigureDispute:
    """Every figure given for one disputed topic, once per source and figure: what an analyst
    briefs ("the toll: police 11, then 19; the church 42; the UN 25-30") instead of each of
    the pairs of them that disagree."""

    topic: str
    positions: tuple[Side, ...]  # earliest first; each source's figure as it first gave it
    contradictions: tuple[str, ...]  # the pairs behind it

    @property
    def sources(self) -> int:
        return len({_speaker(side) for side in self.positions})

    @property
    def latest(self) -> datetime | None:
        dates = [side.published for side in self.positions if side.published is not None]
        return max(dates, key=_stamp) if dates else None

    def as_dict(self) -> dict[str, Any]:
        """The shape of `contradictions --by-topic --format json` and `/api/disputed-figures`."""
        return {
            "topic": self.topic,
            "sources": self.sources,
            "latest": self.latest,
            "positions": [asdict(side) for side in self.positions],
            "contradictions": list(self.contradictions),
        }


def figure_disputes(named: Iterable[NamedContradiction]) -> list[FigureDispute]:
    """The figure contradictions gathered by topic; most sources first, then the latest."""
    by_topic: dict[str, list[NamedContradiction]] = defaultdict(list)
    for c in named:
        if c.kind == "figures":
            by_topic[c.topic or c.explanation.split(":")[0]].append(c)
    _fold_unplaced(by_topic)
    found = []
    for topic, pairs in by_topic.items():
        positions: dict[tuple[str, tuple[str, ...]], Side] = {}
        for side in sorted(
            (s for c in pairs for s in (c.claim, c.by)),
            key=lambda s: (s.published is None, _stamp(s.published), s.cluster),
        ):
            positions.setdefault((_speaker(side), side.figures), side)
        found.append(
            FigureDispute(
                topic=topic,
                positions=tuple(positions.values()),
                contradictions=tuple(sorted(c.id for c in pairs)),
            )
        )
    found.sort(key=lambda d: (-d.sources, -_stamp(d.latest), d.topic))
    return found


PLACED = re.compile(r"^(?P<what>.+) in [^()]+(?P<modality> \(\w+\))$")


def _fold_unplaced(by_topic: dict[str, list[NamedContradiction]]) -> None:
    """A count whose report named no place ("plants shut down") joins the one dispute of its
    kind that has a place ("plants shut down in Finland"): one card for one dispute. With two
    placed disputes of that kind the count stays apart, since either could be its place."""
    placed: dict[str, list[str]] = defaultdict(list)
    for topic in by_topic:
        found = PLACED.match(topic)
        if found:
            placed[found["what"] + found["modality"]].append(topic)
    for topic in list(by_topic):
        if not PLACED.match(topic) and len(placed.get(topic, ())) == 1:
            by_topic[placed[topic][0]].extend(by_topic.pop(topic))


def _speaker(side: Side) -> str:
    return side.source_id or side.source_name or side.cluster


def sides(store: Store, cluster_ids: Iterable[str]) -> dict[str, Side]:
    """The side of each of these clusters (unknown ids are left out)."""
    with db.reading(store.engine) as conn:
        return _sides(conn, set(cluster_ids))


def disputes(
    store: Store, contradictions: Iterable[Contradiction], cluster_ids: Iterable[str]
) -> dict[str, list[Dispute]]:
    """For each cluster, the contradictions it is part of, the other side named; latest first."""
    wanted = set(cluster_ids)
    rows = [c for c in contradictions if c.claim in wanted or c.by in wanted]
    if not rows:
        return {}
    with db.reading(store.engine) as conn:
        known = _sides(conn, {c.claim for c in rows} | {c.by for c in rows})
        claims = {c.id: _apart(conn, known, c.claim, c.by) for c in rows}
    found: dict[str, list[Dispute]] = defaultdict(list)
    for c in rows:
        for mine, theirs, role in ((c.claim, c.by, DISPUTED_BY), (c.by, c.claim, DISPUTES)):
            if mine not in wanted or mine == theirs:
                continue
            other = claims[c.id] if theirs == c.claim else known.get(theirs) or _missing(theirs)
            found[mine].append(
                Dispute(
                    contradiction=c.id,
                    kind=c.kind,
                    role=_role(c.kind, role),
                    other=_named(other, c),
                    explanation=c.explanation,
                )
            )
    for listed in found.values():
        listed[:] = one_per_other(listed)
        listed.sort(key=lambda d: (_stamp(d.other.published), d.contradiction), reverse=True)
    return dict(found)


def one_per_other(disputes: Iterable[Dispute]) -> list[Dispute]:
    """One line per other claim: "no soldier died" both denies "27 soldiers were killed" and
    gives another figure for it, but a reader sees it once, as the denial it is."""
    kept: dict[str, Dispute] = {}
    for dispute in sorted(disputes, key=lambda d: (d.kind != "denial", d.contradiction)):
        kept.setdefault(dispute.other.cluster, dispute)
    return list(kept.values())


@dataclass(frozen=True, slots=True)
class ClaimStanding:
    """Where one attribution stands across documents: its cluster, polarity and disputes."""

    attribution_id: str
    cluster: str
    polarity: str  # of the attribution itself, as resolve read it
    disputes: tuple[Dispute, ...]


def standing(
    store: Store, contradictions: Iterable[Contradiction], attribution_ids: Iterable[str]
) -> dict[str, ClaimStanding]:
    """For each clustered attribution, its cluster and the disputes of that cluster."""
    ids = sorted(set(attribution_ids))
    m = resolve_members
    membership: dict[str, tuple[str, str]] = {}
    with db.reading(store.engine) as conn:
        for chunk in _chunks(ids):
            stmt = sa.select(m.c.attribution_id, m.c.cluster_id, m.c.facts).where(
                m.c.attribution_id.in_(chunk)
            )
            for row in conn.execute(stmt).mappings():
                polarity = (row["facts"] or {}).get("polarity") or "assert"
                membership[row["attribution_id"]] = (row["cluster_id"], polarity)
    clusters = {cluster for cluster, _ in membership.values()}
    by_cluster = disputes(store, contradictions, clusters)
    return {
        attribution: ClaimStanding(
            attribution_id=attribution,
            cluster=cluster,
            polarity=polarity,
            disputes=tuple(by_cluster.get(cluster, ())),
        )
        for attribution, (cluster, polarity) in membership.items()
    }


# -- helpers ---------------------------------------------------------------------------------


def _role(kind: str, role: str) -> str:
    """Incompatible figures dispute each other both ways; a denial runs one way only."""
    return DISPUTED_BY if kind == "figures" else role


def _named(side: Side, contradiction: Contradiction) -> Side:
    """In a figure dispute, keep the side's figures that the dispute names ("about 12,000")."""
    if contradiction.kind != "figures":
        return side
    named = tuple(
        f
        for f in side.cluster_figures
        if re.search(rf"(?:^|: | vs ){re.escape(f)} from ", contradiction.explanation)
    )
    return replace(side, figures=named) if named else side


def _apart(conn: sa.Connection, known: Mapping[str, Side], claim: str, by: str) -> Side:
    """The disputed cluster's side as said by someone other than the side disputing it: a
    cluster that holds both an army officer's claim and the rebel spokesman's earlier words is
    shown by the officer's, when the spokesman denies it ("Zemenu Asrat denies Zemenu Asrat"
    tells an analyst nothing)."""
    side = known.get(claim) or _missing(claim)
    disputer = (known.get(by) or _missing(by)).source_id
    if side.source_id is None or side.source_id != disputer:
        return side
    return _sides(conn, {claim}, not_by=disputer).get(claim, side)


def _sides(
    conn: sa.Connection, cluster_ids: set[str], not_by: str | None = None
) -> dict[str, Side]:
    """Each cluster's side; `not_by`: leaving out the reports of that original source, where
    the cluster has others."""
    if not cluster_ids:
        return {}
    c, m = resolve_clusters, resolve_members
    clusters: dict[str, Mapping[str, Any]] = {}
    members: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for chunk in _chunks(sorted(cluster_ids)):
        stmt = sa.select(c.c.id, c.c.label, c.c.polarity, c.c.original_sources).where(
            c.c.id.in_(chunk)
        )
        clusters.update({row["id"]: row for row in conn.execute(stmt).mappings()})
        stmt = sa.select(
            m.c.attribution_id,
            m.c.document_id,
            m.c.cluster_id,
            m.c.source_id,
            m.c.original_source,
            m.c.chain,
            m.c.facts,
        ).where(m.c.cluster_id.in_(chunk))
        for row in conn.execute(stmt).mappings():
            members[row["cluster_id"]].append(row)
    names = _names(conn)
    if not_by is not None:
        members = {
            cluster_id: kept
            for cluster_id, rows in members.items()
            if (kept := [m for m in rows if (m["original_source"] or m["source_id"]) != not_by])
        }
    found = {
        cluster_id: _side(row, members.get(cluster_id, []), names)
        for cluster_id, row in clusters.items()
        if not_by is None or cluster_id in members
    }
    if not_by is not None:
        # the cluster's label is its founder's words, which the side no longer shows
        said = {
            m["attribution_id"]: (m["facts"] or {}).get("content_text")
            for rows in members.values()
            for m in rows
        }
        found = {
            cluster_id: replace(side, label=said.get(side.attribution_id or "") or side.label)
            for cluster_id, side in found.items()
        }
    return found


def _side(cluster: Mapping[str, Any], members: Sequence[Mapping[str, Any]], names: Any) -> Side:
    origins = list(cluster["original_sources"] or ())
    ordered = sorted(members, key=lambda m: (_stamp(_published(m)), m["attribution_id"]))
    by_origin = [m for m in ordered if m["original_source"] in origins]
    first = (by_origin or ordered or [None])[0]
    if first is None:
        source_id = origins[0] if origins else None
        return Side(
            cluster=cluster["id"],
            label=cluster["label"],
            polarity=cluster["polarity"],
            source_id=source_id,
            source_name=names(source_id, None) if source_id else None,
            cue=None,
            figures=(),
            published=None,
            outlet=None,
            document_id=None,
            attribution_id=None,
        )
    facts = first["facts"] or {}
    source_id = first["original_source"] or first["source_id"]
    chain = first["chain"] or []
    chained = chain[-1].get("name") if chain else None
    return Side(
        cluster=cluster["id"],
        label=cluster["label"],
        polarity=cluster["polarity"],
        source_id=source_id,
        source_name=names(source_id, chained) if source_id else chained,
        cue=spoken_cue(facts.get("cue")),
        figures=next((found for m in (first, *ordered) if (found := _counted(m))), ()),
        cluster_figures=tuple(dict.fromkeys(f for m in (first, *ordered) for f in _counted(m))),
        published=_published(first),
        outlet=facts.get("outlet"),
        document_id=first["document_id"],
        attribution_id=first["attribution_id"],
    )


def _counted(member: Mapping[str, Any]) -> tuple[str, ...]:
    """The figures of a report that count something ("about 1,500" troops, not "two officials")."""
    figures = (member["facts"] or {}).get("figures", ())
    return tuple(dict.fromkeys(f["text"] for f in figures if f.get("thing")))


def _names(conn: sa.Connection) -> Any:
    """A name for a source id: the cross-document identity's, else the chain's, else the id."""
    identity = load_identity(conn)

    def name(source_id: str, fallback: str | None) -> str:
        found = identity.info(source_id).name
        if found and found != source_id:
            return found
        return fallback or source_id

    return name


def _missing(cluster_id: str) -> Side:
    return Side(cluster_id, cluster_id, "assert", None, None, None, (), None, None, None, None)


def _published(member: Mapping[str, Any]) -> datetime | None:
    value = (member["facts"] or {}).get("published")
    if not value:
        return None
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _stamp(moment: datetime | None) -> float:
    if moment is None:
        return float("-inf")
    return moment.timestamp() if moment.tzinfo else moment.replace(tzinfo=UTC).timestamp()


def _chunks(ids: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def side_text(side: Side) -> str:
    """ "Russian government (has repeatedly rejected, 19 Oct 2024, Meridian Daily): reports of
    ..." -- one side of a dispute in words, for terminals and logs."""
    when = side.published.strftime("%d %b %Y") if side.published else "undated"
    how = ", ".join(part for part in (side.cue, when, side.outlet) if part)
    figures = f" [{', '.join(side.figures)}]" if side.figures else ""
    return f"{side.source_name or 'an unnamed source'} ({how}){figures}: {side.label}"


def disputed_by(
    store: Store, contradictions: Iterable[Contradiction], cluster_ids: Iterable[str]
) -> dict[str, tuple[str, ...]]:
    """Cluster id -> who disputes it, in words: "Russian government (denial, 19 Oct 2024)"."""
    found: dict[str, tuple[str, ...]] = {}
    for cluster_id, listed in disputes(store, contradictions, cluster_ids).items():
        words = []
        for dispute in listed:
            if dispute.role != DISPUTED_BY and dispute.kind == "denial":
                continue  # this cluster is the denial: nobody disputes it here
            other = dispute.other
            what = "denial" if dispute.kind == "denial" else "other figures"
            when = f", {other.published.strftime('%d %b %Y')}" if other.published else ""
            words.append(f"{other.source_name or 'an unnamed source'} ({what}{when})")
        if words:
            found[cluster_id] = tuple(dict.fromkeys(words))
    return found
