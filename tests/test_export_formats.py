"""Every export format round-trips: JSON and JSON Lines parse, CSV parses, Parquet and GraphML read
back, STIX validates, all from the resolved demo corpus in a real store."""

import csv
import io
import json

import pytest

from api_fixtures import CORPUS, demo_database
from claimgraph.errors import InputError
from claimgraph.export.flat import CLAIM_COLUMNS, safe_cell
from claimgraph.export.formats import ExportFormat, export_format, write_path, write_stream
from claimgraph.export.tables import ExportFilters
from claimgraph.store import open_store


@pytest.fixture(scope="module")
def store(pipeline, tmp_path_factory):
    path = demo_database(pipeline, tmp_path_factory.getbasetemp())
    with open_store(str(path)) as opened:
        yield opened


def _text(store, fmt, filters=None):
    out = io.StringIO()
    count = write_stream(store, ExportFormat(fmt), out, filters)
    return out.getvalue(), count


def test_export_jsonl_one_claim_a_line(store):
    text, count = _text(store, "jsonl")
    claims = [json.loads(line) for line in text.splitlines()]
    assert count == len(claims) == store.counts()["attributions"]
    assert set(claims[0]) == set(CLAIM_COLUMNS)
    clustered = [c for c in claims if c["cluster_id"]]  # the demo corpus is resolved
    assert len(clustered) > len(claims) / 2
    assert {c["polarity"] for c in clustered} <= {"assert", "deny", "unconfirmed"}
    # Each claim carries its cluster's independent support, as resolve stored it.
    from claimgraph.resolve import read

    support = {c.id: c.support for c in read.clusters(store)}
    assert all(c["support"] == support[c["cluster_id"]] for c in clustered)
    assert any(c["support"] >= 1 for c in clustered)


def test_export_json_holds_every_table(store):
    text, count = _text(store, "json")
    exported = json.loads(text)
    assert exported["format"] == "claimgraph-export"
    assert len(exported["claims"]) == count
    assert len(exported["documents"]) == store.counts()["documents"]
    stored = {row.id for row in store.sources()}
    said = {c["canonical_source"] for c in exported["claims"]} & stored
    assert {s["id"] for s in exported["sources"]} >= said
    clusters = {c["id"] for c in exported["clusters"]}
    assert {c["cluster_id"] for c in exported["claims"]} - {None} <= clusters
    assert exported["contradictions"]


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        (ExportFilters(certainty="possible"), lambda c: c["certainty"] == "possible"),
        (ExportFilters(anonymous=True), lambda c: c["anonymous"]),
        (ExportFilters(source="NIS"), lambda c: c["canonical_source"] == "kr-nis"),
    ],
)
def test_export_json_filters(store, filters, check):
    everything = json.loads(_text(store, "json")[0])
    exported = json.loads(_text(store, "json", filters)[0])
    assert 0 < len(exported["claims"]) < len(everything["claims"])
    assert all(check(c) for c in exported["claims"])
    documents = {c["document_id"] for c in exported["claims"]}
    assert {d["id"] for d in exported["documents"]} == documents


def test_export_csv_parses_back(store):
    text, count = _text(store, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == count
    assert tuple(rows[0]) == CLAIM_COLUMNS
    jsonl = [json.loads(line) for line in _text(store, "jsonl")[0].splitlines()]
    for row, claim in zip(rows, jsonl, strict=True):
        assert row["id"] == claim["id"]
        assert row["content_text"].lstrip("'") == claim["content_text"]
        assert row["support"] == ("" if claim["support"] is None else str(claim["support"]))


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1 troops", "'+1 troops"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("officials said", "officials said"),
        (("could", "may"), "could; may"),
        (None, ""),
        (True, "true"),
        (3, "3"),
    ],
)
def test_export_csv_cells_never_formulas(value, cell):
    assert safe_cell(value) == cell


def test_export_parquet_reads_back(store, tmp_path):
    import pyarrow.parquet as pq

    from claimgraph.export.parquet import schemas

    written = write_path(store, ExportFormat.parquet, tmp_path / "out")
    counts = store.counts()
    assert written["rows"]["claims"] == counts["attributions"]
    assert written["rows"]["documents"] == counts["documents"]
    for name, schema in schemas().items():
        table = pq.read_table(tmp_path / "out" / f"{name}.parquet")
        assert table.schema.equals(schema, check_metadata=False), name
        assert table.num_rows == written["rows"][name]
    claims = pq.read_table(tmp_path / "out" / "claims.parquet").to_pylist()
    jsonl = [json.loads(line) for line in _text(store, "jsonl")[0].splitlines()]
    assert [c["id"] for c in claims] == [c["id"] for c in jsonl]
    assert [c["hedges"] for c in claims] == [c["hedges"] for c in jsonl]
    assert claims[0]["published"].tzinfo is not None
    pairs = pq.read_table(tmp_path / "out" / "contradictions.parquet").to_pylist()
    assert {row["kind"] for row in pairs} == {"denial", "figures"}
    assert all((row["topic"] is None) == (row["kind"] == "denial") for row in pairs)


def test_export_parquet_small_batches(store, tmp_path, monkeypatch):
    """Many row groups (one per batch) read back as one table, in order."""
    import pyarrow.parquet as pq

    from claimgraph.export import parquet

    monkeypatch.setattr(parquet, "BATCH_ROWS", 7)
    parquet.write_table(store, "claims", tmp_path / "claims.parquet")
    read = pq.ParquetFile(tmp_path / "claims.parquet")
    assert read.metadata.num_row_groups == -(-store.counts()["attributions"] // 7)


def test_export_stix_validates(store, tmp_path):
    from stix2validator import ValidationOptions, validate_file

    path = tmp_path / "bundle.json"
    count = write_path(store, ExportFormat.stix, path)["claims"]
    results = validate_file(str(path), ValidationOptions(version="2.1"))
    errors = [str(e) for r in results.object_results for e in r.errors]
    assert results.is_valid, errors[:5]
    bundle = json.loads(path.read_text("utf-8"))
    kinds: dict[str, list[dict]] = {}
    for stix_object in bundle["objects"]:
        kinds.setdefault(stix_object["type"], []).append(stix_object)
    assert len(kinds["note"]) == count
    assert len(kinds["report"]) == len({n["object_refs"][0] for n in kinds["note"]})
    assert all(0 <= n["confidence"] <= 100 for n in kinds["note"])
    relations = {r["relationship_type"] for r in kinds["relationship"]}
    assert {"attributed-to", "contradicts", "derived-from"} <= relations
    wikidata = [
        ref
        for identity in kinds["identity"]
        for ref in identity.get("external_references", [])
        if ref["source_name"] == "wikidata"
    ]
    assert wikidata
    assert all(ref["external_id"].startswith("Q") for ref in wikidata)
    assert all("latitude" in location for location in kinds["location"])
    assert kinds["location"]
    import stix2

    for stix_object in bundle["objects"]:  # every object, also those written as plain dicts
        parsed = stix2.parse(stix_object, allow_custom=False)
        assert parsed.id == stix_object["id"]
    ids = {o["id"] for o in bundle["objects"]}
    for note in kinds["note"]:
        assert set(note["object_refs"]) <= ids


def test_export_stix_ids_are_stable(store):
    first = json.loads(_text(store, "stix")[0])["objects"]
    second = json.loads(_text(store, "stix")[0])["objects"]
    assert [o["id"] for o in first] == [o["id"] for o in second]


@pytest.mark.parametrize(
    ("certainty", "credibility", "expected"),
    [("certain", 1, 95), ("certain", None, 48), ("possible", 5, 10), ("probable", 2, 64)],
)
def test_export_stix_confidence(certainty, credibility, expected):
    from claimgraph.export.stix import confidence

    assert confidence(certainty, credibility) == expected


def test_export_graphml_reads_back_in_networkx(store, tmp_path):
    import networkx as nx

    path = tmp_path / "graph.graphml"
    count = write_path(store, ExportFormat.graphml, path)["claims"]
    graph = nx.read_graphml(path)
    kinds: dict[str, int] = {}
    for _, attributes in graph.nodes(data=True):
        kinds[attributes.get("kind", "?")] = kinds.get(attributes.get("kind", "?"), 0) + 1
    assert kinds["claim"] == count
    assert kinds["document"] == store.counts()["documents"]
    assert kinds["source"] > 0
    assert kinds["cluster"] > 0
    relations = {attributes["relation"] for *_, attributes in graph.edges(data=True)}
    assert {"said", "cites", "member_of", "contradicts"} <= relations
    for source, target, attributes in graph.edges(data=True):
        if attributes["relation"] == "said":
            assert graph.nodes[target]["kind"] == "claim"
            assert source.startswith("source:")


def test_export_unknown_format_refused():
    with pytest.raises(InputError) as caught:
        export_format("xlsx")
    assert caught.value.code == "CG330"


def test_export_parquet_needs_a_folder(store):
    with pytest.raises(InputError) as caught:
        write_stream(store, ExportFormat.parquet, io.StringIO())
    assert caught.value.code == "CG331"


def test_export_file_is_replaced_whole(store, tmp_path):
    path = tmp_path / "claims.jsonl"
    path.write_text("old contents\n", "utf-8")
    write_path(store, ExportFormat.jsonl, path)
    assert "old contents" not in path.read_text("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_export_same_claims_on_both_backends(backend, pipeline, tmp_path, store):
    """The demo corpus stored and resolved on each backend exports the same claims, streamed
    with a server-side cursor on PostgreSQL."""
    from claimgraph.ingest.sources_in import expand
    from claimgraph.records import Document
    from claimgraph.resolve import resolve
    from store_fixtures import backend_store

    reference = [json.loads(line) for line in _text(store, "jsonl")[0].splitlines()]
    documents = [d for d in expand([str(CORPUS)]) if isinstance(d, Document)]
    with backend_store(backend, tmp_path) as other:
        for analysis in pipeline.analyse_many(documents):
            other.save(analysis)
        resolve(other)
        exported = [json.loads(line) for line in _text(other, "jsonl")[0].splitlines()]
        parquet = write_path(other, ExportFormat.parquet, tmp_path / "pq")["rows"]
    assert [c["id"] for c in exported] == [c["id"] for c in reference]
    assert [c["content_text"] for c in exported] == [c["content_text"] for c in reference]
    assert [c["published"] for c in exported] == [c["published"] for c in reference]
    assert parquet["claims"] == len(reference)
