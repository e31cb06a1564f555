"""The resolve commands end to end on a real SQLite file: ingest resolves, then the listings."""

import json

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from resolve_fixtures import CORPORA


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("cli") / "demo.db")
    result = CliRunner().invoke(app, ["ingest", str(CORPORA["nk"]), "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output
    return db


def test_resolve_cli_estimates_json_shape(demo_db):
    result = CliRunner().invoke(
        app, ["estimates", "troops in Russia", "--db", demo_db, "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    series = json.loads(result.stdout)
    assert series
    point = series[0]["points"][0]
    assert {"topic", "unit", "points"} <= set(series[0])
    assert {
        "value",
        "low",
        "high",
        "qualifier",
        "modality",
        "source",
        "first_reported",
        "documents",
    } <= set(point)


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_resolve_cli_contradictions_by_topic(demo_db, fmt):
    pairs = json.loads(
        CliRunner().invoke(app, ["contradictions", "--db", demo_db, "-f", "json"]).stdout
    )
    figures = [p for p in pairs if p["kind"] == "figures"]
    result = CliRunner().invoke(app, ["contradictions", "--by-topic", "--db", demo_db, "-f", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "table":
        assert "source(s) disagree" in result.stdout
        return
    disputes = json.loads(result.stdout)
    assert {d["topic"] for d in disputes} == {p["topic"] for p in figures}
    assert sum(len(d["contradictions"]) for d in disputes) == len(figures)
    assert all(len(d["positions"]) >= 2 and d["positions"][0]["source_name"] for d in disputes)


def test_resolve_cli_claims_cluster_and_claim(demo_db):
    result = CliRunner().invoke(app, ["claims", "--cluster", "--db", demo_db, "-f", "json"])
    assert result.exit_code == 0, result.output
    clusters = json.loads(result.stdout)
    supports = [c["support"] for c in clusters]
    assert supports == sorted(supports, reverse=True)
    shown = CliRunner().invoke(app, ["claim", clusters[0]["id"], "--db", demo_db, "-f", "table"])
    assert shown.exit_code == 0, shown.output
    assert "support:" in shown.stdout
    assert "credibility:" in shown.stdout


def test_resolve_cli_resolve_is_a_no_op_when_done(demo_db):
    result = CliRunner().invoke(app, ["resolve", "--db", demo_db])
    assert result.exit_code == 0, result.output
    assert "Resolved 0 document(s)" in result.output


def test_resolve_cli_sources_show_grades(demo_db):
    result = CliRunner().invoke(app, ["sources", "--db", demo_db, "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert all(row["reliability"] in "ABCDEF" and row["reliability_reasons"] for row in rows)


@pytest.mark.parametrize("args", [["merge", "nobody-at-all", "kr-nis"], ["split"]])
def test_resolve_cli_sources_edit_errors(demo_db, args):
    result = CliRunner().invoke(app, ["sources", *args, "--db", demo_db])
    assert result.exit_code == 1
    assert isinstance(result.exception, Exception)
