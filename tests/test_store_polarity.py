"""Polarity, negation and the dateline in the store, on SQLite and PostgreSQL, and the upgrade of a
database written before they existed."""

import csv
import dataclasses
import io
import json

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from claimgraph.records import Analysis, Dateline, Polarity, Span
from claimgraph.store import schema
from store_fixtures import BACKENDS, backend_store, seoul_analysis


def _denying(analysis: Analysis) -> Analysis:
    """The first claim made a negated denial, the second unconfirmed, and a dateline added."""
    first, second, *rest = analysis.attributions
    text = analysis.document.text
    place = Span(0, 5, text[:5])
    return dataclasses.replace(
        analysis,
        attributions=(
            dataclasses.replace(first, polarity=Polarity.DENY, negated=True),
            dataclasses.replace(second, polarity=Polarity.UNCONFIRMED),
            *rest,
        ),
        dateline=Dateline(
            span=place, place=place, name="Seoul", country="KR", lat=37.57, lon=126.98
        ),
    )


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    with backend_store(request.param, tmp_path) as store:
        yield store


def test_store_polarity_round_trip(store):
    analysis = _denying(seoul_analysis())
    store.save(analysis)
    assert store.analysis(analysis.document.id) == analysis


@pytest.mark.parametrize(("seq", "polarity", "negated"), [(0, "deny", True), (1, "unconfirmed", False), (2, "assert", False)])  # fmt: skip
def test_store_polarity_in_claim_rows(store, seq, polarity, negated):
    analysis = _denying(seoul_analysis())
    store.save(analysis)
    rows = {row.id: row for row in store.claims()}
    row = rows[analysis.attributions[seq].id]
    assert (row.polarity, row.negated) == (polarity, negated)


def _downgrade_to_version_1(engine: sa.Engine) -> None:
    """Drop what schema version 2 added, as a database written by an older claimgraph lacks it."""
    with engine.begin() as conn:
        conn.execute(sa.text("DROP INDEX IF EXISTS ix_attributions_polarity"))
        for table, column in (
            ("attributions", "polarity"),
            ("attributions", "negated"),
            ("documents", "dateline"),
        ):
            conn.execute(sa.text(f"ALTER TABLE {table} DROP COLUMN {column}"))
        conn.execute(
            schema.meta.update().where(schema.meta.c.key == "schema_version"), {"value": "1"}
        )


def test_store_polarity_upgrades_an_older_database(store):
    old = seoul_analysis()
    store.save(old)
    _downgrade_to_version_1(store.engine)
    reopened = type(store)(store.engine)
    # old rows read as assertions without a dateline; new documents store everything
    assert reopened.analysis(old.document.id) == old
    with store.engine.connect() as conn:
        version = conn.execute(
            sa.select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")
        ).scalar()
        assert version == str(schema.SCHEMA_VERSION)
    new = _denying(seoul_analysis())
    new = dataclasses.replace(
        new, document=dataclasses.replace(new.document, id="d_00000000000000ff")
    )
    new = dataclasses.replace(
        new,
        attributions=tuple(dataclasses.replace(a, id=a.id[:-2] + "ff") for a in new.attributions),
    )
    reopened.save(new)
    assert [r.polarity for r in reopened.claims() if r.document_id == new.document.id][:2] == [
        "deny",
        "unconfirmed",
    ]


def test_store_polarity_upgrade_reads_old_denials_from_their_words(store):
    old = seoul_analysis()
    store.save(old)
    _downgrade_to_version_1(store.engine)
    first, second = old.attributions[0].id, old.attributions[1].id
    with store.engine.begin() as conn:
        conn.execute(
            schema.attributions.update()
            .where(schema.attributions.c.id == first)
            .values(cue_text="flatly denied")
        )
    reopened = type(store)(store.engine)
    rows = {row.id: row for row in reopened.claims()}
    assert rows[first].polarity == "deny"
    assert rows[second].polarity == "assert"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_store_polarity_in_claims_command(tmp_path, fmt):
    from claimgraph.cli import app
    from claimgraph.store import open_store

    path = tmp_path / "claims.db"
    analysis = _denying(seoul_analysis())
    with open_store(str(path)) as store:
        store.save(analysis)
    result = CliRunner().invoke(app, ["claims", "--db", str(path), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
    else:
        rows = json.loads(result.stdout)
    by_id = {row["id"]: row for row in rows}
    assert by_id[analysis.attributions[0].id]["polarity"] == "deny"
    assert by_id[analysis.attributions[1].id]["polarity"] == "unconfirmed"
