"""Bad input never costs good input: each bad item gives one coded line on stderr and a recorded
failure, the good items of the same batch are stored, no traceback, and `ingest` exits non-zero
only when nothing could be stored. Each case runs the real CLI entry point in-process."""

import json
import sys
from pathlib import Path

import pytest

from claimgraph.cli import main
from claimgraph.store import open_store
from store_fixtures import postgres_schema, postgres_unreachable

GOOD = "The defence ministry said 40 tanks had crossed the border on Monday."
OTHER = "Ukraine's military intelligence said 11,000 North Korean troops had arrived in Kursk."


def ingest(capsys, monkeypatch, *args: str) -> tuple[int, str]:
    """Run `claimgraph ingest ARGS` through main(); returns (exit status, stderr)."""
    monkeypatch.setattr(sys, "argv", ["claimgraph", "ingest", *args, "-w", "1"])
    try:
        main()
        status = 0
    except SystemExit as end:
        status = end.code if isinstance(end.code, int) else 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, err


def stored(db: str) -> tuple[set[str], list[str]]:
    with open_store(db) as store:
        texts = {store.document(row.id).text for row in store.documents()}
        return texts, [failure.code for failure in store.failures()]


def jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.mark.parametrize(
    ("bad_line", "code"),
    [
        ("[" * 200_000, "CG110"),
        ('{"id": "t", "text": "' + GOOD + '", "title": "Tanks\\ud800"}', "CG171"),
        ('{"id": "o", "text": "' + GOOD + '", "outlet": "\\udc00Wire"}', "CG171"),
        ('{"id": "n", "text": "said \\ud83d so"}', "CG171"),
    ],
    ids=["nested-200000", "surrogate-title", "surrogate-outlet", "surrogate-text"],
)
def test_bad_jsonl_line_costs_only_itself(pipeline, tmp_path, capsys, monkeypatch, bad_line, code):
    path = jsonl(
        tmp_path / "batch.jsonl",
        [json.dumps({"id": "a", "text": GOOD}), bad_line, json.dumps({"id": "b", "text": OTHER})],
    )
    db = str(tmp_path / "b.db")
    status, err = ingest(capsys, monkeypatch, str(path), "--db", db)
    assert status == 0
    assert f"[{code}]" in err
    assert sum(f"[{code}]" in line for line in err.splitlines()) == 1
    texts, failures = stored(db)
    assert texts == {GOOD, OTHER}
    assert failures == [code]


def test_five_thousand_digit_id_is_just_an_id(pipeline, tmp_path, capsys, monkeypatch):
    path = jsonl(
        tmp_path / "ids.jsonl",
        ['{"id": ' + "7" * 5_000 + ', "text": "' + GOOD + '"}', json.dumps({"text": OTHER})],
    )
    db = str(tmp_path / "ids.db")
    status, _ = ingest(capsys, monkeypatch, str(path), "--db", db)
    assert status == 0
    assert stored(db) == ({GOOD, OTHER}, [])


def test_nul_in_title_on_postgresql(pipeline, tmp_path, capsys, monkeypatch):
    if reason := postgres_unreachable():
        pytest.skip(reason)
    path = jsonl(
        tmp_path / "nul.jsonl",
        [
            json.dumps({"text": GOOD, "title": "Tanks\u0000cross", "outlet": "Wire\u0000"}),
            json.dumps({"text": OTHER, "title": "Troops"}),
        ],
    )
    with postgres_schema() as url:
        status, _ = ingest(capsys, monkeypatch, str(path), "--db", url)
        assert status == 0
        with open_store(url) as store:
            titles = {row.title for row in store.documents()}
            assert store.failures() == []
            assert store.counts()["documents"] == 2
    assert titles == {"Tankscross", "Troops"}


def test_bad_metadata_line_keeps_the_folder(pipeline, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, "utf-8")
    (folder / "b.txt").write_text(OTHER, "utf-8")
    (folder / "metadata.jsonl").write_text(
        json.dumps({"file": "a.txt", "outlet": "Wire", "published": "2024-10-19"})
        + "\n{not json\n",
        "utf-8",
    )
    db = str(tmp_path / "f.db")
    status, err = ingest(capsys, monkeypatch, str(folder), "--db", db)
    assert status == 0
    assert "[CG110]" in err
    texts, failures = stored(db)
    assert texts == {GOOD, OTHER}
    assert failures == ["CG110"]
    with open_store(db) as store:
        assert {row.outlet for row in store.documents()} == {"Wire", None}


@pytest.mark.parametrize(
    ("encoding", "option"),
    [
        ("utf-16", []),
        ("utf-16", ["--encoding", "utf-16"]),
        ("utf-16-le", ["--encoding", "utf-16-le"]),
    ],
)
def test_utf16_article(pipeline, tmp_path, capsys, monkeypatch, encoding, option):
    (tmp_path / "wide.txt").write_bytes(GOOD.encode(encoding))
    db = str(tmp_path / "w.db")
    status, _ = ingest(capsys, monkeypatch, str(tmp_path / "wide.txt"), "--db", db, *option)
    assert status == 0
    assert stored(db) == ({GOOD}, [])


@pytest.mark.parametrize(
    ("encoding", "option"),
    [("utf-16", []), ("utf-16", ["--encoding", "utf-16"]), ("cp1252", ["--encoding", "cp1252"])],
)
def test_jsonl_encoding(pipeline, tmp_path, capsys, monkeypatch, encoding, option):
    text = GOOD.replace("defence", "défence")
    lines = [json.dumps({"text": text}, ensure_ascii=False), json.dumps({"text": OTHER})]
    path = tmp_path / "batch.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    db = str(tmp_path / "e.db")
    status, _ = ingest(capsys, monkeypatch, str(path), "--db", db, *option)
    assert status == 0
    assert stored(db) == ({text, OTHER}, [])


def test_folder_without_articles_is_a_coded_failure(pipeline, tmp_path, capsys, monkeypatch):
    empty, readme_only, jsonl_dir = tmp_path / "empty", tmp_path / "docs", tmp_path / "x.jsonl"
    for folder in (empty, readme_only, jsonl_dir):
        folder.mkdir()
    (readme_only / "README.md").write_text("# notes", "utf-8")
    db = str(tmp_path / "n.db")
    # Nothing at all could be done: exit 1, one coded line per folder.
    status, err = ingest(
        capsys, monkeypatch, str(empty), str(readme_only), str(jsonl_dir), "--db", db
    )
    assert status == 1
    assert err.count("[CG173]") == 3
    # Beside a good article: stored, the empty folder recorded, exit 0.
    (tmp_path / "good.txt").write_text(GOOD, "utf-8")
    status, err = ingest(capsys, monkeypatch, str(empty), str(tmp_path / "good.txt"), "--db", db)
    assert status == 0
    texts, failures = stored(db)
    assert texts == {GOOD}
    assert "CG173" in failures


def test_json_array_file_is_a_list_of_articles(pipeline, tmp_path, capsys, monkeypatch):
    array = tmp_path / "articles.json"
    array.write_text(json.dumps([{"text": GOOD}, {"text": OTHER}, {"title": "no text"}]), "utf-8")
    single = tmp_path / "object.json"
    single.write_text(json.dumps({"text": GOOD}), "utf-8")
    db = str(tmp_path / "j.db")
    status, _err = ingest(capsys, monkeypatch, str(array), str(single), "--db", db)
    assert status == 0
    texts, failures = stored(db)
    assert texts == {GOOD, OTHER}  # not one article of raw JSON
    assert sorted(failures) == ["CG111", "CG111"]


def test_non_utf8_aliases_file_is_one_coded_line(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, "utf-8")
    aliases = tmp_path / "aliases.tsv"
    aliases.write_bytes("kr-nis\tNIS\torganisation\tKR\t\t\tSpionage-B\xfcro\n".encode("latin-1"))
    db = str(tmp_path / "a.db")
    status, err = ingest(
        capsys, monkeypatch, str(tmp_path / "a.txt"), "--db", db, "--aliases", str(aliases)
    )
    assert status == 1
    assert "[CG174]" in err


def test_damaged_sqlite_file_is_one_coded_line(pipeline, tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, "utf-8")
    db = tmp_path / "d.db"
    assert ingest(capsys, monkeypatch, str(tmp_path / "a.txt"), "--db", str(db))[0] == 0
    raw = bytearray(db.read_bytes())
    for offset in range(4096, len(raw), 4096):  # every page after the first, partly overwritten
        raw[offset + 100 : offset + 1100] = bytes(range(256)) * 3 + bytes(232)
    db.write_bytes(bytes(raw))
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    (tmp_path / "b.txt").write_text(OTHER, "utf-8")
    status, err = ingest(capsys, monkeypatch, str(tmp_path / "b.txt"), "--db", str(db))
    assert status == 1
    assert "[CG175]" in err
