"""`claimgraph ingest URL|FEED|CSV`, `claimgraph export` and `claimgraph watch`, end to end."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.errors import ClaimgraphError
from claimgraph.store import open_store

pytest_plugins = ["tests.web_server"]


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_cli_ingest_page_url(site, tmp_path):
    db = str(tmp_path / "c.db")
    result = invoke(
        "ingest", site.url("/pages/news.html"), "--db", db, "--allow-private", "-w", "1"
    )
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        [document] = store.documents()
        claims = store.claims()
    assert (
        document.url == "https://harbour-ledger.example/world/2024/11/02/drone-strikes-fuel-depot"
    )
    assert document.outlet == "The Harbour Ledger"
    assert any("twelve drones" in claim.content_text for claim in claims)


def test_cli_ingest_refuses_private_url_without_flag(site, tmp_path):
    db = str(tmp_path / "c.db")
    result = invoke("ingest", site.url("/pages/news.html"), "--db", db, "-w", "1")
    assert result.exit_code == 1
    assert "CG141" in result.output
    with open_store(db) as store:
        assert store.counts()["documents"] == 0
        [failure] = store.failures()
    assert failure.code == "CG141"
    assert site.requests == []


def test_cli_ingest_feed_url(site, tmp_path):
    db = str(tmp_path / "c.db")
    result = invoke("ingest", site.url("/feeds/rss.xml"), "--db", db, "--allow-private", "-w", "1")
    # The removed story is reported and recorded; the exit is non-zero only when nothing could
    # be stored, and two stories were.
    assert result.exit_code == 0, result.output
    assert "CG144" in result.output
    with open_store(db) as store:
        titles = sorted(d.title or "" for d in store.documents())
        [failure] = store.failures()
    assert titles == [
        "Ceasefire talks stall over prisoner lists",
        "Drone strikes hit fuel depot near Kherson, officials say",
    ]
    assert failure.input_name.endswith("/missing")


def test_cli_ingest_csv_with_columns(tmp_path):
    path = tmp_path / "batch.csv"
    rows = [
        ("body", "paper"),
        ("The defence ministry said 40 drones were shot down overnight.", "Wire One"),
        ("Officials said the bridge could reopen by Monday.", "Wire Two"),
    ]
    with path.open("w", encoding="cp1252", newline="") as stream:
        csv.writer(stream).writerows(rows)
    db = str(tmp_path / "c.db")
    result = invoke(
        "ingest", str(path), "--db", db, "--text-column", "body", "--outlet-column", "paper",
        "-w", "1",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        assert sorted(d.outlet for d in store.documents()) == ["Wire One", "Wire Two"]


def test_cli_export_formats(site, tmp_path):
    db = str(tmp_path / "c.db")
    invoke("ingest", site.url("/pages/news.html"), "--db", db, "--allow-private", "-w", "1")
    out = tmp_path / "claims.csv"
    result = invoke("export", "--db", db, "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert rows
    assert all(row["outlet"] == "The Harbour Ledger" for row in rows)
    result = invoke("export", "--db", db, "--format", "jsonl", "--certainty", "possible")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines
    assert {line["certainty"] for line in lines} == {"possible"}


@pytest.mark.parametrize(
    ("args", "code"), [(("--format", "xlsx"), "CG330"), (("--format", "parquet"), "CG331")]
)
def test_cli_export_refusals(tmp_path, args, code):
    db = str(tmp_path / "c.db")
    open_store(db).close()
    result = invoke("export", "--db", db, *args)
    assert isinstance(result.exception, ClaimgraphError)
    assert result.exception.code == code


def test_cli_watch_takes_each_item_once(site, tmp_path):
    db = str(tmp_path / "c.db")
    site.live_items = [("depot", "news.html")]
    first = invoke("watch", site.url("/feeds/live.xml"), "--db", db, "--once", "--allow-private")
    assert first.exit_code == 0, first.output
    assert "poll 1: 1 new document(s)" in first.stdout
    assert "claim:" in first.stdout
    # A restart: the same item is remembered; a new one is taken.
    site.live_items.append(("talks", "meta-date.html"))
    second = invoke("watch", site.url("/feeds/live.xml"), "--db", db, "--once", "--allow-private")
    assert second.exit_code == 0, second.output
    assert "poll 1: 1 new document(s)" in second.stdout
    assert "differed by more than 400 names" in second.stdout
    pages = [path for path, _ in site.requests if path.startswith("/pages/")]
    assert pages == ["/pages/news.html", "/pages/meta-date.html"]


def test_cli_watch_bad_interval(tmp_path):
    result = invoke(
        "watch", "http://example.org/feed", "--db", str(tmp_path / "c.db"), "--every", "soon"
    )
    assert isinstance(result.exception, ClaimgraphError)
    assert result.exception.code == "CG160"
