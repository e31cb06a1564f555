"""The JSON of `claimgraph extract` validates against schema/extract.v2.json, and every span is honest."""

import json
import re
from datetime import datetime
from importlib.resources import files
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.export.json import analysis_dict

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "seed-article.txt"

TEXTS = {
    "indirect": (
        "South Korea's National Intelligence Service said on Friday that North Korea had sent about "
        "1,500 special forces troops to Russia's Far East, and that the troops could be deployed to "
        "Ukraine soon."
    ),
    "direct-anonymous": (
        "“We believe more soldiers will follow,” an NIS official told lawmakers. Anonymous sources "
        "have informed South Korean media that as many as 12,000 troops may eventually be sent."
    ),
    "according-to": (
        "According to Ukrainian President Volodymyr Zelensky, the first units arrived in "
        "Vladivostok in early October. The Kremlin called the report “another fake”."
    ),
    "numbers-places-dates": (
        "Reuters reported on 3 November 2024 that between 8,000 and 10,000 North Korean soldiers "
        "were in Kursk, and that 122-mm shells had been shipped from Rason to Vostochny. The "
        "Pentagon said on Monday that at least 3,000 troops moved west last week."
    ),
    "no-claims": "Rain fell on Tuesday. The market was quiet.",
    "dateline-denial": (
        "GOMA, Nov. 2 (Wire) — The army denied that its soldiers had fired on civilians, and "
        "the governor could not confirm that the road had reopened."
    ),
    "unicode": (
        "Der Spiegel reported that Zelenskyy’s office said “roughly 40 %” of drones—about 200—were "
        "jammed near Kharkiv on 5 March."
    ),
}  # fmt: skip


def _date_time(value: object) -> bool:
    """RFC 3339 date-time (jsonschema checks it only with an optional extra installed)."""
    if not isinstance(value, str):
        return True
    pattern = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})"
    if not re.fullmatch(pattern, value):
        return False
    datetime.fromisoformat(value.replace("Z", "+00:00"))  # a real date and time
    return True


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(files("claimgraph").joinpath("schema/extract.v2.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    checker = FormatChecker()
    checker.checks("date-time", raises=ValueError)(_date_time)
    return Draft202012Validator(schema, format_checker=checker)


def spans_in(result: dict) -> list[tuple[str, dict]]:
    """Every {start, end, text} object in the output, named by where it sits."""
    found: list[tuple[str, dict]] = []
    dateline = result["document"]["dateline"]
    if dateline is not None:
        found += [("document.dateline", dateline), ("document.dateline", dateline["place"])]
    for a in result["attributions"]:
        found.append(("attribution", a))
        for role in ("source", "cue", "channel"):
            if a[role] is not None:
                found.append((f"attribution.{role}", a[role]))
        found += [("attribution.content", c) for c in a["content"]]
        found += [("attribution.hedge", h) for h in a["hedges"]]
    for kind in ("quantities", "places", "times", "entities"):
        found += [(kind, item) for item in result[kind]]
    for source in result["sources"]:
        found += [("sources.mention", m) for m in source["mentions"]]
    return found


def assert_valid(result: dict, validator: Draft202012Validator) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(result)]
    assert errors == []
    text = result["document"]["text"]
    wrong = [
        (where, span)
        for where, span in spans_in(result)
        if text[span["start"] : span["end"]] != span["text"]
    ]
    assert wrong == []


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_extract_schema_valid_and_spans_match(analyse, validator, name):
    result = json.loads(json.dumps(analysis_dict(analyse(TEXTS[name], published="2024-11-04"))))
    assert_valid(result, validator)


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("indirect", {"attribution", "attribution.source", "attribution.cue", "attribution.hedge"}),
        ("direct-anonymous", {"attribution.content", "quantities", "sources.mention"}),
        ("numbers-places-dates", {"quantities", "places", "times", "entities"}),
        ("dateline-denial", {"document.dateline", "attribution.content"}),
    ],
)
def test_extract_schema_texts_cover_every_kind_of_span(analyse, name, kinds):
    # The validity test above means little if the texts never produce a kind of item.
    result = analysis_dict(analyse(TEXTS[name], published="2024-11-04"))
    assert kinds <= {where for where, _ in spans_in(result)}


@pytest.mark.parametrize(
    "args", [["--format", "json"], ["--format", "json", "--published", "2024-11-04"]]
)
def test_extract_schema_cli_output_is_valid(tmp_path, validator, args):
    path = tmp_path / "article.txt"
    path.write_text("\n\n".join(TEXTS.values()), "utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), *args])
    assert result.exit_code == 0, result.output
    assert_valid(json.loads(result.stdout), validator)


@pytest.mark.shared
@pytest.mark.parametrize("published", ["2024-10-19"])
def test_extract_schema_seed_article(validator, published):
    if not SEED.is_file():
        pytest.skip(f"the shared sample is not here ({SEED}); it is present in CI")
    result = CliRunner().invoke(
        app, ["extract", str(SEED), "--format", "json", "--published", published]
    )
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    assert_valid(output, validator)
    assert output["document"]["published"].startswith(published)
    assert all(output[kind] for kind in ("attributions", "quantities", "places", "times"))
    assert any(a["channel"] for a in output["attributions"]), (
        "the seed has a claim through a channel"
    )


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("schema_version",), "1.0"),
        (("document", "published"), "19 October 2024"),
        (("document", "id"), "doc-1"),
    ],
)
def test_extract_schema_rejects_broken_output(analyse, validator, path, value):
    # The schema has teeth: a wrong version, a non-ISO date or a bad id fails validation.
    result = json.loads(
        json.dumps(analysis_dict(analyse(TEXTS["indirect"], published="2024-11-04")))
    )
    target = result
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert not validator.is_valid(result)


@pytest.mark.parametrize(("name", "polarities"), [("dateline-denial", ["deny", "unconfirmed"])])
def test_extract_schema_carries_polarity(analyse, name, polarities):
    result = analysis_dict(analyse(TEXTS[name], published="2024-11-04"))
    assert [a["polarity"] for a in result["attributions"]] == polarities
