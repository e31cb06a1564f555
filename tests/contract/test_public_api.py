"""`import claimgraph` offers exactly the public API, and `claimgraph.extract` checks its arguments."""

import pytest

import claimgraph
from claimgraph.records import Analysis

PUBLIC = {"extract", "open_store", "Settings", "Store", "Analysis", "__version__"}


def test_public_api_all_is_exact():
    assert set(claimgraph.__all__) == PUBLIC
    assert len(claimgraph.__all__) == len(PUBLIC)


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_api_names_resolve(name):
    assert getattr(claimgraph, name) is not None


def test_public_api_star_import():
    namespace: dict[str, object] = {}
    exec("from claimgraph import *", namespace)
    assert set(namespace) - {"__builtins__"} == PUBLIC


@pytest.mark.parametrize("version", [claimgraph.__version__])
def test_public_api_version_matches_metadata(version):
    from importlib.metadata import version as installed

    assert version == installed("claimgraph")


@pytest.mark.parametrize(
    "text", ["South Korea's spy agency said 1,500 troops had arrived in Vladivostok."]
)
def test_public_api_extract_text(pipeline, text):
    analysis = claimgraph.extract(text=text, published="2024-10-19")
    assert isinstance(analysis, Analysis)
    assert analysis.document.text == text
    [attribution] = analysis.attributions
    assert attribution.source.text == "South Korea's spy agency"


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_public_api_extract_path(pipeline, tmp_path, suffix):
    path = tmp_path / f"article{suffix}"
    path.write_text(
        "<p>NATO said 40 jets flew.</p>" if suffix == ".html" else "NATO said 40 jets flew."
    )
    assert claimgraph.extract(path=path).document.text == "NATO said 40 jets flew."


@pytest.mark.parametrize(
    "kwargs", [{}, {"text": "x said y.", "path": "a.txt"}, {"text": None, "path": None}]
)
def test_public_api_extract_needs_exactly_one_input(kwargs):
    with pytest.raises(TypeError, match="exactly one"):
        claimgraph.extract(**kwargs)


@pytest.mark.parametrize("url", ["sqlite:///{tmp}/api.db", "{tmp}/api.db"])
def test_public_api_open_store_round_trip(pipeline, tmp_path, url):
    analysis = claimgraph.extract(text="NATO said 40 jets flew.")
    with claimgraph.open_store(url.format(tmp=tmp_path)) as store:
        assert isinstance(store, claimgraph.Store)
        assert store.save(analysis) is True
        assert store.save(analysis) is False
        assert [c.content_text for c in store.claims(source="NATO")] == ["40 jets flew"]
