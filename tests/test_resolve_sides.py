"""Both sides of a dispute, on a resolved corpus in SQLite and PostgreSQL: each side is its
cluster's origin speaking first, named; each contradiction is seen from both clusters; a claim's
standing follows its cluster."""

from datetime import UTC, datetime

import pytest

from claimgraph.resolve import read, resolve, sides
from claimgraph.resolve.facts import spoken_cue
from resolve_fixtures import corpus_store
from store_fixtures import BACKENDS


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


def _stamp(moment):
    return moment.timestamp() if moment is not None else float("-inf")


def test_sides_name_the_origin_and_see_each_dispute_from_both_ends(backend, tmp_path, pipeline):
    with corpus_store(backend, tmp_path, pipeline, "nk") as store:
        resolve(store)
        clusters = {c.id: c for c in read.clusters(store)}
        records = read.contradictions(store)
        named = sides.named_contradictions(store, records)
        seen = sides.disputes(store, records, clusters)
        disputed = next(c for c in records if clusters.get(c.claim))
        members = [m.attribution_id for m in clusters[disputed.claim].members]
        standing = sides.standing(store, records, [*members, "no-such-claim"])
    assert records, "the demo corpus has denials and figure disputes"
    assert len(named) == len(records)
    latest = [_stamp(c.latest) for c in named]
    assert latest == sorted(latest, reverse=True)
    for contradiction in named:
        for side in (contradiction.claim, contradiction.by):
            cluster = clusters[side.cluster]
            assert side.label == cluster.label
            assert side.polarity == cluster.polarity
            origin_reports = [m for m in cluster.members if m.original_source == side.source_id]
            if cluster.original_sources and origin_reports:
                assert side.source_id in cluster.original_sources
                earliest = min(
                    origin_reports, key=lambda m: (_stamp(m.published), m.attribution_id)
                )
                assert side.attribution_id == earliest.attribution_id
            assert side.source_name
            if contradiction.kind == "figures" and set(side.figures) <= set(side.cluster_figures):
                assert side.figures
    names = {s.source_id: s.source_name for c in named for s in (c.claim, c.by)}
    assert names.get("kr-nis", "National Intelligence Service") != "kr-nis"
    for record in records:
        assert (record.id, sides.DISPUTED_BY, record.by) in {
            (d.contradiction, d.role, d.other.cluster) for d in seen[record.claim]
        }
        role = sides.DISPUTES if record.kind == "denial" else sides.DISPUTED_BY
        assert (record.id, role, record.claim) in {
            (d.contradiction, d.role, d.other.cluster) for d in seen[record.by]
        }
    assert set(standing) == set(members)
    for claim in standing.values():
        assert claim.cluster == disputed.claim
        assert claim.polarity in ("assert", "deny", "unconfirmed")
        assert disputed.id in {d.contradiction for d in claim.disputes}


def _side(cluster, source, figures, day):
    return sides.Side(
        cluster=cluster,
        label=f"claim {cluster}",
        polarity="assert",
        source_id=source,
        source_name=source.title(),
        cue="said",
        figures=figures,
        published=datetime(2026, 11, day, tzinfo=UTC),
        outlet="Wire",
        document_id=f"d{cluster}",
        attribution_id=f"a{cluster}",
    )


def test_no_dispute_sets_a_source_against_itself_where_another_said_the_claim(tmp_path, pipeline):
    """A cluster that holds the rebel spokesman's words and an army officer's claim, denied by
    the spokesman: the disputed side is the officer's report, in the officer's words, not
    "Zemenu Asrat denies Zemenu Asrat"."""
    with corpus_store("sqlite", tmp_path, pipeline, "tide") as store:
        resolve(store)
        clusters = {c.id: c for c in read.clusters(store)}
        named = sides.named_contradictions(store, read.contradictions(store))
    assert named
    for contradiction in named:
        claim, by = contradiction.claim, contradiction.by
        if claim.source_id == by.source_id:
            members = clusters[claim.cluster].members
            assert {m.original_source for m in members} <= {by.source_id}, contradiction
        elif claim.label != clusters[claim.cluster].label:
            said = {m.attribution_id: m for m in clusters[claim.cluster].members}
            assert claim.attribution_id in said


def test_a_claim_that_both_denies_and_counts_otherwise_is_listed_once_as_a_denial():
    """ "no soldier died" denies "27 soldiers were killed" and gives another figure for it: two
    contradiction rows, one line under the claim, the denial."""
    claim, denial = _side("1", "group", ("27",), 23), _side("2", "ministry", ("no",), 27)
    disputes = [
        sides.Dispute("x1", "figures", sides.DISPUTED_BY, denial, "27 vs none"),
        sides.Dispute("x2", "denial", sides.DISPUTED_BY, denial, "denies"),
        sides.Dispute("x3", "figures", sides.DISPUTED_BY, _side("3", "police", ("11",), 24), ""),
    ]
    kept = sides.one_per_other(disputes)
    assert sorted((d.contradiction, d.kind) for d in kept) == [("x2", "denial"), ("x3", "figures")]
    assert claim.cluster not in {d.other.cluster for d in kept}


def test_figure_disputes_gather_the_pairs_of_a_topic_once_per_source_and_figure():
    police_11, police_19 = _side("1", "police", ("11",), 22), _side("2", "police", ("19",), 24)
    church, un = _side("3", "church", ("42",), 23), _side("4", "un", ("25-30",), 25)
    plants_a, plants_b = _side("5", "company", ("two",), 23), _side("6", "hackers", ("11",), 22)
    toll = "people killed in Enga (cumulative)"

    def pair(key, claim, by, topic=toll):
        return sides.NamedContradiction(key, "figures", f"{topic}: ...", claim, by, topic)

    named = [
        pair("x1", police_11, church),
        pair("x2", police_19, church),
        pair("x3", church, un),
        pair("x4", police_11, un),
        pair("x5", plants_b, plants_a, "plants (unknown)"),
        sides.NamedContradiction("x6", "denial", "...", church, police_19),
    ]
    toll_dispute, plants = sides.figure_disputes(named)
    assert toll_dispute.topic == toll
    assert [(s.source_id, s.figures) for s in toll_dispute.positions] == [
        ("police", ("11",)),
        ("church", ("42",)),
        ("police", ("19",)),
        ("un", ("25-30",)),
    ]
    assert toll_dispute.sources == 3
    assert toll_dispute.contradictions == ("x1", "x2", "x3", "x4")
    assert toll_dispute.latest == datetime(2026, 11, 25, tzinfo=UTC)
    assert plants.sources == 2
    assert plants.contradictions == ("x5",)
    assert toll_dispute.as_dict()["positions"][0]["figures"] == ("11",)


def test_a_dispute_whose_report_named_no_place_joins_the_placed_dispute_of_its_kind():
    company, hackers = _side("1", "company", ("two",), 23), _side("2", "hackers", ("11",), 22)
    chief = _side("3", "chief", ("two",), 25)
    placed, bare = "plants shut down in Finland (cumulative)", "plants shut down (cumulative)"

    def pair(key, claim, by, topic):
        return sides.NamedContradiction(key, "figures", f"{topic}: ...", claim, by, topic)

    one_placed = [pair("x1", hackers, company, placed), pair("x2", hackers, chief, bare)]
    (dispute,) = sides.figure_disputes(one_placed)
    assert dispute.topic == placed
    assert [s.source_id for s in dispute.positions] == ["hackers", "company", "chief"]
    assert dispute.contradictions == ("x1", "x2")
    # with two placed disputes of that kind either could be its place: it stays apart
    other = pair("x3", hackers, company, "plants shut down in Estonia (cumulative)")
    assert len(sides.figure_disputes([*one_placed, other])) == 3


def test_figure_disputes_of_a_resolved_corpus_hold_every_figure_pair(tmp_path, pipeline):
    with corpus_store("sqlite", tmp_path, pipeline, "nk") as store:
        resolve(store)
        records = read.contradictions(store)
        named = sides.named_contradictions(store, records)
    figures = [c for c in records if c.kind == "figures"]
    assert figures
    assert all(c.topic for c in figures)
    assert all(c.topic is None for c in records if c.kind == "denial")
    disputes = sides.figure_disputes(named)
    assert sorted(i for d in disputes for i in d.contradictions) == sorted(c.id for c in figures)
    for dispute in disputes:
        assert dispute.sources >= 2
        speakers = [(s.source_id, s.figures) for s in dispute.positions]
        assert len(speakers) == len(set(speakers))


@pytest.mark.parametrize(
    ("cue", "shown"), [(":", None), ("“", None), ("said", "said"), (None, None)]
)
def test_a_speaker_label_is_no_cue_to_show(cue, shown):
    """ "Andres Kivisild (:)": a transcript's label carries no word a reader could use."""
    assert spoken_cue(cue) == shown
