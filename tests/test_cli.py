"""The `claimgraph` command end to end: real model, real SQLite files, real subprocesses."""

import csv
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.errors import InputError
from claimgraph.store import open_store

CLAIMGRAPH = Path(sys.executable).with_name("claimgraph")
ARTICLE = (
    "South Korea's National Intelligence Service said on Friday that North Korea had sent about "
    "1,500 troops to Russia. The troops could be deployed to Ukraine soon, an NIS official told "
    "lawmakers."
)
CORPUS = {
    "01-nis.txt": (
        "South Korea's National Intelligence Service said on Friday that North Korea had sent "
        "about 1,500 troops to Russia."
    ),
    "02-anonymous.txt": (
        "The troops could be deployed to Ukraine soon, an NIS official told lawmakers. Anonymous "
        "sources have informed South Korean media that as many as 12,000 troops may eventually "
        "be sent."
    ),
    "03-zelensky.txt": (
        "Ukrainian President Volodymyr Zelensky said the first units arrived in Vladivostok in "
        "early October."
    ),
}
SPEAKERS = ["The Pentagon", "NATO", "Reuters", "Seoul's defence ministry", "The Kremlin", "Kyiv"]
PLACES = ["Kursk", "Vladivostok", "Rostov", "Belgorod", "Odesa", "Kharkiv", "Pskov", "Rason"]


def invoke(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(app, list(args), input=input)


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The installed `claimgraph` script, as a user runs it (stdout is a pipe, not a terminal)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_")}
    return subprocess.run(
        [str(CLAIMGRAPH), *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def small_corpus(folder: Path, n: int = 8) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(n):
        path = folder / f"{i:02d}.txt"
        path.write_text(
            f"{SPEAKERS[i % len(SPEAKERS)]} said on Monday that {100 * (i + 1):,} soldiers had "
            f"reached {PLACES[i]}. Officials believe more troops could follow.",
            "utf-8",
        )
        paths.append(path)
    return paths


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, "utf-8")
    return path


@pytest.fixture(scope="module")
def claims_db(tmp_path_factory, pipeline) -> str:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in CORPUS.items():
        (folder / name).write_text(text, "utf-8")
    db = str(folder / "claims.db")
    result = invoke("ingest", str(folder), "--db", db, "--workers", "1")
    assert result.exit_code == 0, result.output
    return db


# -- extract ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "auto"])
def test_cli_extract_json(pipeline, article, fmt):
    # "auto" is JSON here: CliRunner's stdout is not a terminal.
    result = invoke("extract", str(article), "--format", fmt)
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    assert output["document"]["text"] == ARTICLE
    assert {a["canonical_source"] for a in output["attributions"]} == {"kr-nis"}


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_cli_extract_jsonl_format_is_one_line(pipeline, article, fmt):
    result = invoke("extract", str(article), "--format", fmt)
    assert result.stdout.count("\n") == 1
    assert json.loads(result.stdout)["schema_version"] == "2.0"


@pytest.mark.parametrize("text", [ARTICLE, ARTICLE.encode("utf-8"), "\ufeff" + ARTICLE])
def test_cli_extract_reads_stdin(pipeline, text):
    result = invoke("extract", "-", "--format", "json", "--published", "2024-10-19", input=text)
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    assert output["document"]["text"] == ARTICLE
    assert output["document"]["published"] == "2024-10-19T00:00:00+00:00"


@pytest.mark.parametrize("fmt", ["table"])
def test_cli_extract_table(pipeline, article, fmt):
    result = invoke("extract", str(article), "--format", fmt)
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if "certainty" in line)
    assert header.split() == "┃ source ┃ cue ┃ content ┃ certainty ┃ polarity ┃ numbers ┃".split()
    cells = result.stdout.split()  # long cells fold over several lines
    assert {"Intelligence", "said", "told", "(could)", "(approx)"} <= set(cells)


@pytest.mark.parametrize("fmt", ["csv"])
def test_cli_extract_csv(pipeline, article, fmt):
    result = invoke("extract", str(article), "--format", fmt)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["source", "cue", "content", "certainty", "polarity", "numbers"]
    assert [(r["cue"], r["certainty"]) for r in rows] == [
        ("said", "certain"),
        ("told", "possible (could)"),
    ]
    assert rows[0]["numbers"] == "1,500 troops (approx)"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_cli_extract_with_encoding(pipeline, tmp_path, encoding):
    path = tmp_path / "latin.txt"
    path.write_bytes("The caf\u00e9 owner said 12 shops had closed.".encode(encoding))
    assert invoke("extract", str(path), "-f", "json").exit_code == 1
    result = invoke("extract", str(path), "-f", "json", "--encoding", encoding)
    assert result.exit_code == 0, result.output
    assert "caf\u00e9" in json.loads(result.stdout)["document"]["text"]


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_cli_extract_malformed_html(pipeline, tmp_path, suffix):
    path = tmp_path / f"page{suffix}"
    path.write_text(
        "<html><head><title>Troops</title><style>p {color: red}</style>"
        "<script>var leak = '<p>leak</p>';</script><body><nav>Home"
        f"<div><p>{ARTICLE}<p>Officials said <b>more <i>would follow.",
        "utf-8",
    )
    result = invoke("extract", str(path), "-f", "json")
    assert result.exit_code == 0, result.output
    text = json.loads(result.stdout)["document"]["text"]
    assert ARTICLE in text
    assert "leak" not in text
    assert "color" not in text


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "CG101"),
        (b" \n\t\n ", "CG101"),
        (b"\x00\x01binary\x00", "CG102"),
        ("caf\u00e9 said".encode("latin-1"), "CG103"),
        (None, "CG107"),  # missing file
        ("folder", "CG107"),  # a folder where a file was expected
    ],
    ids=["empty", "whitespace", "binary", "latin-1", "missing", "folder"],
)
def test_cli_extract_bad_input_is_input_error(tmp_path, content, code):
    path = tmp_path / "input.txt"
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    result = invoke("extract", str(path))
    assert result.exit_code == 1
    assert isinstance(result.exception, InputError)
    assert result.exception.code == code
    assert result.stdout == ""


@pytest.mark.parametrize("size", [5_000_001])
def test_cli_extract_huge_file_is_refused(tmp_path, size, monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_MAX_BYTES", "5000000")  # the cap in force, not the default
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * size)
    result = invoke("extract", str(path))
    assert (result.exit_code, result.exception.code) == (1, "CG104")
    assert "5,000,000-byte limit" in result.exception.message


@pytest.mark.parametrize("args", [["extract"], ["extract", "-", "--published", "last Friday"]])
def test_cli_extract_usage_mistakes_are_input_errors(args):
    result = invoke(*args, input="Officials said so.")
    assert result.exit_code == 1
    assert isinstance(result.exception, InputError)


# -- extract --jsonl ----------------------------------------------------------------------------


def _jsonl_input(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _good_lines(n: int = 6) -> list[str]:
    return [
        json.dumps(
            {
                "id": f"doc-{i}",
                "text": f"{SPEAKERS[i]} said that {100 * (i + 1):,} troops had reached {PLACES[i]}.",
                "published": "2024-10-19",
            }
        )
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def jsonl_serial(tmp_path_factory, pipeline) -> list[dict]:
    path = _jsonl_input(tmp_path_factory.mktemp("jsonl"), _good_lines())
    result = invoke("extract", "--jsonl", str(path), "--workers", "1")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_extract_jsonl_in_order_with_ids(tmp_path, jsonl_serial, workers):
    path = _jsonl_input(tmp_path, _good_lines())
    result = invoke("extract", "--jsonl", str(path), "--workers", workers)
    assert result.exit_code == 0, result.output
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in outputs] == [f"doc-{i}" for i in range(6)]
    assert outputs == jsonl_serial
    assert all(o["attributions"] for o in outputs)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_extract_jsonl_bad_lines_fail_alone(pipeline, tmp_path, workers):
    good = _good_lines(3)
    lines = [
        good[0],
        "{this is not json",
        json.dumps({"id": "no-text", "title": "x"}),
        good[1],
        json.dumps({"id": "empty", "text": "   "}),
        good[2],
    ]
    result = invoke("extract", "--jsonl", str(_jsonl_input(tmp_path, lines)), "-w", workers)
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in outputs] == ["doc-0", "line 2", "line 3", "doc-1", "empty", "doc-2"]
    assert [o["error"]["code"] for o in outputs if "error" in o] == ["CG110", "CG111", "CG101"]
    assert all(o["attributions"] for o in outputs if "error" not in o)
    assert "3 of 6 input(s) failed" in result.stderr
    assert "empty: [CG101]" in result.stderr
    assert result.exit_code == 1  # output for the good lines, but the run did not fully succeed


@pytest.mark.parametrize("encoding", [None, "latin-1"])
def test_cli_extract_jsonl_not_utf8(pipeline, tmp_path, encoding):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(
        (_good_lines(1)[0] + "\n" + json.dumps({"id": "x", "text": "Caf\u00e9 said 3."}, ensure_ascii=False) + "\n").encode("latin-1")
    )  # fmt: skip
    args = ["--encoding", encoding] if encoding else []
    result = invoke("extract", "--jsonl", str(path), "-w", "1", *args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert outputs[0]["id"] == "doc-0"
    if encoding:
        assert (result.exit_code, outputs[1]["document"]["text"]) == (0, "Caf\u00e9 said 3.")
    else:
        assert (result.exit_code, outputs[1]["error"]["code"]) == (1, "CG103")


@pytest.mark.parametrize("name", ["missing.jsonl"])
def test_cli_extract_jsonl_missing_file(tmp_path, name):
    result = invoke("extract", "--jsonl", str(tmp_path / name))
    assert (result.exit_code, result.exception.code) == (1, "CG107")


# -- ingest -------------------------------------------------------------------------------------


@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_ingest_twice_stores_nothing_new(pipeline, tmp_path, workers):
    small_corpus(tmp_path / "docs")
    db = str(tmp_path / "twice.db")
    first = invoke("ingest", str(tmp_path / "docs"), "--db", db, "-w", workers)
    assert first.exit_code == 0, first.output
    with open_store(db) as store:
        before = store.counts()
    second = invoke("ingest", str(tmp_path / "docs"), "--db", db, "-w", workers)
    assert second.exit_code == 0, second.output
    assert "Stored 0 new document(s)" in second.stderr
    assert "8 already there" in second.stderr
    with open_store(db) as store:
        assert store.counts() == before
    assert before["documents"] == 8


@pytest.mark.parametrize("first_half", [slice(0, 4), slice(3, 8, 2)])
def test_cli_ingest_resumes_after_partial_run(pipeline, tmp_path, first_half):
    paths = small_corpus(tmp_path / "docs")
    clean_db, resumed_db = str(tmp_path / "clean.db"), str(tmp_path / "resumed.db")
    assert invoke("ingest", str(tmp_path / "docs"), "--db", clean_db, "-w", "1").exit_code == 0
    partial = invoke("ingest", *map(str, paths[first_half]), "--db", resumed_db, "-w", "1")
    assert partial.exit_code == 0, partial.output
    assert invoke("ingest", str(tmp_path / "docs"), "--db", resumed_db, "-w", "1").exit_code == 0
    with open_store(clean_db) as clean, open_store(resumed_db) as resumed:
        assert resumed.counts() == clean.counts()
        assert sorted(d.id for d in resumed.documents()) == sorted(d.id for d in clean.documents())


CRASH_AFTER_FIRST_SAVE = textwrap.dedent(
    """
    import os, signal, sys
    from claimgraph.store import Store

    save = Store.save

    def save_then_die(self, analysis):
        stored = save(self, analysis)
        os.kill(os.getpid(), signal.SIGKILL)  # a hard crash: no cleanup, no atexit
        return stored

    Store.save = save_then_die
    from claimgraph.cli import main

    sys.argv = ["claimgraph", "ingest", *sys.argv[1:]]
    main()
    """
)


@pytest.mark.slow
def test_cli_ingest_crash_mid_run_loses_and_duplicates_nothing(pipeline, tmp_path):
    folder = tmp_path / "docs"
    small_corpus(folder)
    crashed_db, clean_db = str(tmp_path / "crashed.db"), str(tmp_path / "clean.db")
    crash = subprocess.run(
        [sys.executable, "-c", CRASH_AFTER_FIRST_SAVE, str(folder), "--db", crashed_db, "-w", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert crash.returncode == -signal.SIGKILL, crash.stderr
    with open_store(crashed_db) as store:
        assert store.counts()["documents"] == 1
    resumed = invoke("ingest", str(folder), "--db", crashed_db, "-w", "1")
    assert resumed.exit_code == 0, resumed.output
    assert "Stored 7 new document(s)" in resumed.stderr
    assert invoke("ingest", str(folder), "--db", clean_db, "-w", "1").exit_code == 0
    with open_store(crashed_db) as crashed, open_store(clean_db) as clean:
        assert crashed.counts() == clean.counts()
        assert len({d.id for d in crashed.documents()}) == len(crashed.documents()) == 8


def _mixed_folder(folder: Path) -> dict[str, str]:
    """Good and bad files side by side; returns the bad ones' names and expected codes."""
    small_corpus(folder, n=3)
    (folder / "page.html").write_text(f"<html><body><p>{ARTICLE}<script>leak()</script>", "utf-8")
    bad = {
        "empty.txt": ("", "CG101"),
        "blank.txt": ("  \n\n ", "CG101"),
        "binary.txt": (b"\x89PNG\x00\x00\x00", "CG102"),
        "latin.txt": ("Caf\u00e9 owners said so.".encode("latin-1"), "CG103"),
        "only-script.html": ("<html><body><script>x()</script></body></html>", "CG101"),
    }
    for name, (content, _) in bad.items():
        path = folder / name
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content)
    (folder / "picture.png").write_bytes(b"\x89PNG\x00")  # not a text suffix: not an input
    return {name: code for name, (_, code) in bad.items()}


@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_ingest_folder_with_bad_files(pipeline, tmp_path, workers):
    folder = tmp_path / "mixed"
    bad = _mixed_folder(folder)
    db = str(tmp_path / "mixed.db")
    result = invoke("ingest", str(folder), "--db", db, "-w", workers)
    assert result.exit_code == 0  # the good files are stored: bad ones are reported, not fatal
    assert "Stored 4 new document(s)" in result.stderr
    assert f"{len(bad)} of {4 + len(bad)} input(s) failed" in result.stderr
    with open_store(db) as store:
        assert store.counts()["documents"] == 4
        failures = {Path(f.input_name).name: f.code for f in store.failures()}
        assert "leak" not in "".join(store.document(d.id).text for d in store.documents())
    assert failures == bad
    # A re-run reports the same failures again but does not record them twice.
    again = invoke("ingest", str(folder), "--db", db, "-w", workers)
    assert again.exit_code == 0
    assert "Stored 0 new document(s)" in again.stderr
    with open_store(db) as store:
        assert len(store.failures()) == len(bad)


@pytest.mark.parametrize("names", [["missing.txt"], ["missing.txt", "ok.txt"]])
def test_cli_ingest_missing_file_is_recorded(pipeline, tmp_path, names):
    (tmp_path / "ok.txt").write_text(ARTICLE, "utf-8")
    db = str(tmp_path / "m.db")
    result = invoke("ingest", *(str(tmp_path / n) for n in names), "--db", db, "-w", "1")
    assert result.exit_code == (1 if names == ["missing.txt"] else 0)  # 1: nothing could be done
    with open_store(db) as store:
        assert [f.code for f in store.failures()] == ["CG107"]
        assert store.counts()["documents"] == len(names) - 1


# -- claims and sources -------------------------------------------------------------------------


def _claims(db: str, *args: str) -> list[dict]:
    result = invoke("claims", "--db", db, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("args", "sources"),
    [
        ([], ["anonymous-sources", "kr-nis", "kr-nis", "volodymyr-zelensky"]),
        (["--source", "NIS"], ["kr-nis", "kr-nis"]),
        (["--source", "kr-nis"], ["kr-nis", "kr-nis"]),
        (["--source", "national intelligence service"], ["kr-nis", "kr-nis"]),
        (["--source", "Zelensky"], ["volodymyr-zelensky"]),
        (["--source", "nobody-at-all"], []),
        (["--certainty", "possible"], ["anonymous-sources", "kr-nis"]),
        (["--certainty", "CERTAIN"], ["kr-nis", "volodymyr-zelensky"]),
        (["--source", "NIS", "--certainty", "possible"], ["kr-nis"]),
        (["--search", "Vladivostok"], ["volodymyr-zelensky"]),
        (["--search", "troops"], ["anonymous-sources", "kr-nis", "kr-nis"]),
        (["--anonymous"], ["anonymous-sources", "kr-nis"]),
        (["--named"], ["kr-nis", "volodymyr-zelensky"]),
        (["--limit", "1", "--source", "Zelensky"], ["volodymyr-zelensky"]),
    ],
)
def test_cli_claims_filters(claims_db, args, sources):
    assert sorted(c["canonical_source"] for c in _claims(claims_db, *args)) == sources


@pytest.mark.parametrize(
    ("alias", "canonical"), [("NIS", "kr-nis"), ("Zelenskyy", "volodymyr-zelensky")]
)
def test_cli_claims_alias_equals_canonical_id(claims_db, alias, canonical):
    assert _claims(claims_db, "--source", alias) == _claims(claims_db, "--source", canonical)


@pytest.mark.parametrize("fmt", ["csv", "table"])
def test_cli_claims_formats(claims_db, fmt):
    result = invoke("claims", "--db", claims_db, "--format", fmt, "--source", "NIS")
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert {r["canonical_source"] for r in rows} == {"kr-nis"}
        assert [r["hedges"] for r in rows if r["certainty"] == "possible"] == ["could"]
    else:
        assert "2 claim(s)" in result.stdout
        assert {"could", "yes"} <= set(result.stdout.split())


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_cli_sources(claims_db, fmt):
    result = invoke("sources", "--db", claims_db, "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        cited = {s["id"]: (s["claims"], s["documents"]) for s in json.loads(result.stdout)}
        assert cited["kr-nis"] == (2, 2)
        assert cited["volodymyr-zelensky"] == (1, 1)
    elif fmt == "csv":
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
        assert "NIS" in rows["kr-nis"]["aliases"].split("; ")
    else:
        assert "3 source(s)" in result.stdout


@pytest.mark.parametrize("command", ["claims", "sources"])
@pytest.mark.parametrize("url", ["{dir}/none.db", "sqlite:///{dir}/none.db"])
def test_cli_reading_missing_db_is_clear_error(tmp_path, command, url):
    db = url.format(dir=tmp_path)
    result = invoke(command, "--db", db)
    assert result.exit_code == 1
    assert (type(result.exception), result.exception.code) == (InputError, "CG109")
    assert not (tmp_path / "none.db").exists(), "a read must not create an empty database"


@pytest.mark.parametrize("certainty", ["maybe"])
def test_cli_claims_unknown_certainty(claims_db, certainty):
    result = invoke("claims", "--db", claims_db, "--certainty", certainty)
    assert result.exit_code == 1
    assert "possible" in result.exception.hint


# -- the real script ----------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("fmt", [None])
def test_cli_script_piped_output_is_json(article, fmt):
    result = run("extract", str(article))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["document"]["text"] == ARTICLE
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["extract", "--format", "yaml"], ["no-such-command"]])
def test_cli_script_usage_error_exits_2(args):
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


# -- tables and options never ignored --------------------------------------------------------


@pytest.mark.parametrize("columns", ["80", "120"])
def test_cli_claims_table_fits_and_breaks_no_word(claims_db, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    listed = _claims(claims_db)
    result = invoke("claims", "--db", claims_db, "--format", "table")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    cells = set(result.stdout.replace("│", " ").replace("┃", " ").split())
    assert {claim["id"] for claim in listed} <= cells  # ids whole, on one line each
    shown = " ".join(lines[:4])
    if "content" in shown:  # every word of every claim is whole somewhere in the table
        words = {w for c in listed for w in c["content_text"].split() if len(w) <= 24}
        assert words <= cells


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_cli_claims_cluster_honours_the_format(claims_db, fmt):
    result = invoke("claims", "--cluster", "--db", claims_db, "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert rows
        assert rows[0]["cluster"].startswith("c_")
    else:
        assert json.loads(result.stdout)[0]["id"].startswith("c_")


@pytest.mark.parametrize("option", [["--certainty", "possible"], ["--anonymous"], ["--named"]])
def test_cli_claims_cluster_refuses_filters_it_cannot_apply(claims_db, option):
    result = invoke("claims", "--cluster", "--db", claims_db, *option)
    assert result.exit_code == 1
    assert result.exception.code == "CG135"
    assert "--cluster" in result.exception.message


@pytest.mark.parametrize(("command", "fmt"), [("claims", "jsonl"), ("estimates", "csv")])
def test_cli_format_a_listing_cannot_write_is_refused(claims_db, command, fmt):
    result = invoke(command, "--db", claims_db, "--format", fmt)
    assert result.exit_code == 1
    assert (result.exception.code, "--format" in result.exception.hint) == ("CG134", True)
