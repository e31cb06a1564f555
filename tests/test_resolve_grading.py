"""Admiralty grades: credibility from corroboration and contradiction, reliability from the user
or the track record, always with reasons; merges and splits of sources stick."""

import pytest

from claimgraph.errors import InputError
from claimgraph.resolve import read, resolve
from claimgraph.resolve.admiralty import credibility_label
from claimgraph.resolve.grading import Against, credibility, learnt, read_grades
from resolve_fixtures import corpus_store
from store_fixtures import BACKENDS


@pytest.mark.parametrize(
    ("polarity", "support", "origins", "anonymous", "against", "denied", "grade"),
    [
        ("assert", 2, 2, False, [], [], 1),
        ("assert", 1, 1, False, [], [], 2),
        ("assert", 0, 1, False, [], [], 3),  # only hedged
        ("assert", 2, 2, True, [], [], 3),
        ("assert", 2, 2, False, [Against("denial", "x denies it")], [], 2),
        # A party's denial is shown, not counted against the claim.
        ("assert", 2, 2, False, [Against("denial", "x denies it", interested=True)], [], 1),
        ("assert", 0, 1, False, [Against("denial", "d"), Against("figures", "f")], [], 5),
        ("assert", 0, 0, False, [], [], 6),
        ("deny", 0, 1, False, [], [2], 5),  # denies what two independent sources confirm
        ("deny", 0, 1, False, [], [1], 4),
        ("deny", 0, 2, False, [], [], 3),
        ("unconfirmed", 0, 2, False, [], [], 6),
    ],
)
def test_resolve_credibility(polarity, support, origins, anonymous, against, denied, grade):
    found, reasons = credibility(polarity, support, origins, anonymous, against, denied)
    assert found == grade
    assert reasons
    assert credibility_label(found).startswith(f"{found} ")


@pytest.mark.parametrize(
    ("claims", "confirmed", "contradicted", "grade"),
    [(2, 2, 0, "F"), (4, 3, 0, "B"), (4, 2, 0, "C"), (4, 1, 0, "F"), (4, 0, 2, "D")],
)
def test_resolve_reliability_from_track_record(claims, confirmed, contradicted, grade):
    found, reasons = learnt(claims, confirmed, contradicted)
    assert found == grade
    assert str(claims) in reasons[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kr-nis\tB\tofficial briefings, often confirmed\n", ("kr-nis", "B")),
        ("# comment\nru-kremlin: E  # denied what it later admitted\n", ("ru-kremlin", "E")),
    ],
)
def test_resolve_grades_file(tmp_path, text, expected):
    path = tmp_path / "grades.tsv"
    path.write_text(text, "utf-8")
    [grade] = read_grades(path).values()
    assert (grade.source_id, grade.reliability) == expected
    assert grade.reason


@pytest.mark.parametrize("text", ["kr-nis\tZ\n", "nonsense line\n"])
def test_resolve_grades_file_refuses_bad_rows(tmp_path, text):
    path = tmp_path / "grades.tsv"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError):
        read_grades(path)


@pytest.mark.parametrize("backend", BACKENDS)
def test_resolve_user_grade_overrides(backend, tmp_path, pipeline):
    from claimgraph.commands.resolve import run_resolve

    path = tmp_path / "grades.tsv"
    path.write_text("kr-nis\tB\tofficial briefings\n", "utf-8")
    with corpus_store(backend, tmp_path, pipeline, "nk") as store:
        run_resolve(store, grades=path)
        grades = {g.source_id: g for g in read.grades(store)}
    assert grades["kr-nis"].reliability == "B"
    assert grades["kr-nis"].overridden
    assert "official briefings" in grades["kr-nis"].reasons[0]


@pytest.mark.parametrize("backend", BACKENDS)
def test_resolve_source_merge_and_split_stick(backend, tmp_path, pipeline):
    from claimgraph.commands.resolve import edit_sources

    with corpus_store(backend, tmp_path, pipeline, "nk") as store:
        resolve(store)
        edit_sources(store, "merge", ["lloyd-austin", "us-dod"])
        resolve(store)  # nothing new: the merge stays
        merged = {
            m.source_id for c in read.clusters(store, source="lloyd-austin") for m in c.members
        }
        resolve(store, full=True)
        again = {m.source_id for c in read.clusters(store, source="us-dod") for m in c.members}
        edit_sources(store, "split", ["lloyd-austin"])
        split = {m.source_id for c in read.clusters(store) for m in c.members}
        with pytest.raises(InputError):
            edit_sources(store, "merge", ["only-one"])
    assert "lloyd-austin" not in merged
    assert "us-dod" in merged
    assert "lloyd-austin" not in again
    assert "lloyd-austin" in split


def test_a_bare_office_is_not_an_independent_source():
    """ "the officer" with no name found may be anyone: it counts once, as a generic group does,
    and never beside a named source; a named person and a body with a country do count."""
    from claimgraph.nlp.source_table import load_source_table
    from claimgraph.resolve.identity import UNIDENTIFIED, SourceInfo, build_identity

    identity = build_identity(
        load_source_table(),
        [
            SourceInfo("officer", "officer", "person", None, None),
            SourceInfo("ramon-tolentino", "Ramon Tolentino", "person", "PH", None),
        ],
        [],
    )
    assert identity.independence("officer", None) == f"{UNIDENTIFIED}officer"
    # a pronoun no one was found for ("unresolved-she", no stored source) is most likely someone
    # the report names: no new origin
    assert identity.independence("unresolved-she", None).startswith(UNIDENTIFIED)
    assert not identity.independence("ramon-tolentino", None).startswith(UNIDENTIFIED)
