"""What a user sees when input is bad: `Error [CGnnn]: ...`, maybe `Hint: ...`, exit 1, no traceback."""

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph import cli

LINE = re.compile(r"Error \[CG\d{3}\]: \S.*")
LONG_NAME = "an-article-with-a-file-name-long-enough-to-wrap-a-narrow-terminal-" * 2 + ".txt"


def run_main(monkeypatch, capsys, args: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    """`claimgraph.cli.main()` in this process: the real entry point, without a model reload."""
    monkeypatch.setattr(sys, "argv", ["claimgraph", *args])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    with pytest.raises(SystemExit) as exited:
        cli.main()
    out, err = capsys.readouterr()
    return exited.value.code, out, err


def assert_error_shape(code: int, out: str, err: str, error_code: str) -> list[str]:
    lines = err.splitlines()
    assert code == 1
    assert out == ""
    assert "Traceback" not in err
    assert LINE.fullmatch(lines[0]), lines
    assert lines[0].startswith(f"Error [{error_code}]: ")
    assert len(lines) == 1 or (len(lines) == 2 and lines[1].startswith("Hint: ")), lines
    return lines


@pytest.mark.parametrize(
    ("content", "args", "error_code", "hint"),
    [
        (b"", [], "CG101", None),
        (b"   \n\n\t ", [], "CG101", None),
        (b"\x7fELF\x00\x00\x01", [], "CG102", None),
        ("caf\u00e9 said so".encode("latin-1"), [], "CG103", "--encoding"),
        ("caf\u00e9 said so".encode("latin-1"), ["--encoding", "klingon"], "CG103", "--encoding"),
        (b"x" * 20_000_001, [], "CG104", "CLAIMGRAPH_MAX_BYTES"),
        (b"Officials said so.", ["--published", "next Tuesday"], "CG105", "ISO 8601"),
        (None, [], "CG107", None),
    ],
    ids=["empty", "whitespace", "binary", "latin-1", "bad-encoding", "huge", "bad-date", "missing"],
)
def test_error_shape_extract_bad_file(
    monkeypatch, capsys, tmp_path, content, args, error_code, hint
):
    path = tmp_path / LONG_NAME
    if content is not None:
        path.write_bytes(content)
    code, out, err = run_main(monkeypatch, capsys, ["extract", str(path), *args])
    lines = assert_error_shape(code, out, err, error_code)
    if error_code != "CG105":
        assert str(path) in lines[0], "the message names the file, on one line"
    assert (hint is None) or hint in lines[1]


@pytest.mark.parametrize(
    ("args", "stdin", "error_code"),
    [
        (["extract", "-"], b"", "CG101"),
        (["extract", "-"], b"\x00\x00", "CG102"),
        (["extract"], b"", "CG108"),
        (["extract", "--jsonl", "/nonexistent/in.jsonl"], b"", "CG107"),
        (["claims", "--db", "/nonexistent/claimgraph.db"], b"", "CG109"),
        (["sources", "--db", "/nonexistent/claimgraph.db"], b"", "CG109"),
    ],
)
def test_error_shape_other_commands(monkeypatch, capsys, args, stdin, error_code):
    assert_error_shape(*run_main(monkeypatch, capsys, args, stdin), error_code)


@pytest.mark.parametrize("bug", [RuntimeError("a bug")])
def test_error_shape_a_bug_keeps_its_traceback(monkeypatch, capsys, tmp_path, bug):
    # Only ClaimgraphError becomes a one-line message; anything else must look like a bug.
    def broken(*args, **kwargs):
        raise bug

    monkeypatch.setattr("claimgraph.ingest.text.read_document", broken)
    monkeypatch.setattr(sys, "argv", ["claimgraph", "extract", str(tmp_path / "a.txt")])
    with pytest.raises(RuntimeError, match="a bug"):
        cli.main()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("content", "error_code", "hint"),
    [(None, "CG107", None), ("\u00e9t\u00e9 said".encode("latin-1"), "CG103", "--encoding")],
    ids=["missing", "latin-1"],
)
def test_error_shape_real_script(tmp_path, content, error_code, hint):
    path = tmp_path / LONG_NAME
    if content is not None:
        path.write_bytes(content)
    script = Path(sys.executable).with_name("claimgraph")
    result = subprocess.run(
        [str(script), "extract", str(path)], capture_output=True, text=True, timeout=60
    )
    lines = assert_error_shape(result.returncode, result.stdout, result.stderr, error_code)
    assert str(path) in lines[0]
    assert (hint is None) or hint in lines[1]
