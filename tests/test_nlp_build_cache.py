"""The on-disk build cache: a second load reads back what the first built, and a change rebuilds."""

import pytest

from claimgraph.nlp.build_cache import ENV_VAR, cached


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    return tmp_path


def counting_build(calls: list[int], value: object):
    def build():
        calls.append(1)
        return value

    return build


def test_build_cache_second_load_reads_the_file(cache):
    calls: list[int] = []
    first = cached("table", [b"v1"], counting_build(calls, {"kursk": (51.7, 36.2)}))
    again = cached("table", [b"v1"], counting_build(calls, {"other": 0}))
    assert (first, again, len(calls)) == ({"kursk": (51.7, 36.2)}, {"kursk": (51.7, 36.2)}, 1)
    assert len(list(cache.glob("table-*.pickle"))) == 1


def test_build_cache_changed_inputs_rebuild(cache):
    calls: list[int] = []
    cached("table", [b"v1"], counting_build(calls, 1))
    assert cached("table", [b"v2"], counting_build(calls, 2)) == 2
    assert len(calls) == 2


@pytest.mark.parametrize("content", [b"", b"not a pickle"])
def test_build_cache_broken_file_is_rebuilt(cache, content):
    calls: list[int] = []
    cached("table", [b"v1"], counting_build(calls, 1))
    [path] = cache.glob("table-*.pickle")
    path.write_bytes(content)
    assert cached("table", [b"v1"], counting_build(calls, 3)) == 3


def test_build_cache_off_always_builds(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "off")
    calls: list[int] = []
    cached("table", [b"v1"], counting_build(calls, 1))
    cached("table", [b"v1"], counting_build(calls, 1))
    assert len(calls) == 2


def test_build_cache_places_index_read_back_answers_alike(cache):
    from claimgraph.nlp import place_index

    built = place_index.load_place_index.__wrapped__()
    assert list(cache.glob("places_index-*.pickle"))
    read_back = place_index.load_place_index.__wrapped__()
    for key in ("kursk", "vladivostok", "sudzha", "pokrovsk", "springfield"):
        assert read_back.find(key) == built.find(key)
    assert read_back.districts("bakhmut") == built.districts("bakhmut")
    assert len(read_back) == len(built)
