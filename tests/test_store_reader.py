"""Querying a real store, on SQLite and on PostgreSQL."""

import pytest
import sqlalchemy as sa

from claimgraph.errors import InputError, NotFound
from store_fixtures import BACKENDS, backend_store, kyiv_analysis, seoul_analysis


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    with backend_store(request.param, tmp_path) as store:
        store.save(seoul_analysis())
        store.save(kyiv_analysis())
        yield store


def sources_of(claims):
    return sorted(claim.source_text for claim in claims)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("kr-nis", ["Seoul's spy agency", "South Korea's National Intelligence Service", "an NIS official"]),
        ("nis", ["Seoul's spy agency", "South Korea's National Intelligence Service", "an NIS official"]),
        ("SEOUL'S  spy agency", ["Seoul's spy agency", "South Korea's National Intelligence Service", "an NIS official"]),
        ("national intelligence service", ["Seoul's spy agency", "South Korea's National Intelligence Service", "an NIS official"]),
        ("Zelenskyy", ["Volodymyr Zelensky"]),
        ("the Kremlin", []),
    ],
)  # fmt: skip
def test_store_claims_filter_by_source(store, source, expected):
    assert sources_of(store.claims(source=source)) == expected


@pytest.mark.parametrize(
    ("certainty", "expected"),
    [
        ("possible", ["Anonymous sources", "South Korea's National Intelligence Service"]),
        ("Probable", ["Seoul's spy agency", "an NIS official"]),
        ("certain", ["Volodymyr Zelensky"]),
        ("unknown", []),
    ],
)
def test_store_claims_filter_by_certainty(store, certainty, expected):
    assert sources_of(store.claims(certainty=certainty)) == expected


@pytest.mark.parametrize("certainty", ["sure"])
def test_store_claims_reject_unknown_certainty(store, certainty):
    with pytest.raises(InputError, match="unknown certainty"):
        store.claims(certainty=certainty)


@pytest.mark.parametrize(
    ("anonymous", "expected"),
    [
        (True, ["Anonymous sources", "an NIS official"]),
        (False, ["Seoul's spy agency", "South Korea's National Intelligence Service", "Volodymyr Zelensky"]),
    ],
)  # fmt: skip
def test_store_claims_filter_anonymous(store, anonymous, expected):
    assert sources_of(store.claims(anonymous=anonymous)) == expected


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("Vladivostok", ["Volodymyr Zelensky"]),
        ("troops", ["Anonymous sources", "South Korea's National Intelligence Service"]),
        ("soldiers Pyongyang", ["Seoul's spy agency"]),  # every word must match
        ("zelensky units", ["Volodymyr Zelensky"]),  # source text is searched too
        ('"Ukraine" deployed*', ["South Korea's National Intelligence Service"]),  # no syntax
        ("submarines", []),
        ("...", []),
    ],
)
def test_store_claims_search(store, search, expected):
    assert sources_of(store.claims(search=search)) == expected


@pytest.mark.parametrize(
    ("search", "expected"),
    [("Vladivostok", ["Volodymyr Zelensky"]), ("soldiers pyongyang", ["Seoul's spy agency"])],
)
def test_store_claims_search_without_fts5(tmp_path, search, expected):
    with backend_store("sqlite", tmp_path, fts5=False) as store:
        store.save(seoul_analysis())
        store.save(kyiv_analysis())
        assert store.search_mode == "like"
        assert sources_of(store.claims(search=search)) == expected


@pytest.mark.parametrize(("limit", "offset"), [(2, 0), (2, 2), (None, 3)])
def test_store_claims_limit_and_offset(store, limit, offset):
    everything = store.claims()
    page = store.claims(limit=limit, offset=offset)
    end = None if limit is None else offset + limit
    assert page == everything[offset:end]


@pytest.mark.parametrize("build", [seoul_analysis])
def test_store_claims_carry_document_and_source(store, build):
    analysis = build()
    claims = store.claims(document_id=analysis.document.id, anonymous=True, certainty="possible")
    [claim] = claims
    assert claim.channel_text == "South Korean media"
    assert claim.hedges == ("may",)
    assert claim.source_name == "anonymous sources"
    assert claim.document_title == analysis.document.title
    assert claim.published == analysis.document.published


@pytest.mark.parametrize(
    ("source_id", "claims", "documents"),
    [("kr-nis", 3, 2), ("volodymyr-zelensky", 1, 1), ("anonymous-kr-officials", 1, 1)],
)
def test_store_sources_count_claims_and_documents(store, source_id, claims, documents):
    rows = {row.id: row for row in store.sources()}
    assert (rows[source_id].claims, rows[source_id].documents) == (claims, documents)
    assert next(iter(rows)) == "kr-nis"  # most cited first


@pytest.mark.parametrize("missing", ["no-such-document"])
def test_store_document_not_found(store, missing):
    with pytest.raises(NotFound, match=missing):
        store.document(missing)
    with pytest.raises(NotFound, match=missing):
        store.analysis(missing)


@pytest.mark.parametrize("build", [seoul_analysis])
def test_store_document_reads_back(store, build):
    assert store.document(build().document.id) == build().document


def test_store_documents_newest_first(store):
    rows = store.documents()
    assert [row.id for row in rows] == [kyiv_analysis().document.id, seoul_analysis().document.id]
    assert [row.claims for row in rows] == [1, 4]


@pytest.mark.parametrize(
    ("table", "expected"),
    [("documents", 2), ("attributions", 5), ("quantities", 3), ("sources", 3), ("failures", 0)],
)
def test_store_counts_per_table(store, table, expected):
    assert store.counts()[table] == expected


def test_store_search_uses_tsvector_index(tmp_path):
    with backend_store("postgresql", tmp_path) as store, store.engine.connect() as conn:
        conn.execute(sa.text("SET enable_seqscan = off"))
        plan = conn.execute(
            sa.text(
                "EXPLAIN SELECT id FROM attributions WHERE to_tsvector('english'::regconfig, "
                "coalesce(attributions.content_text, '') || ' ' || coalesce(attributions.source_text, '')) "
                "@@ plainto_tsquery('english'::regconfig, 'troops')"
            )
        ).scalars()
        assert "ix_attributions_search" in "\n".join(plan)
