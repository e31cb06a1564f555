"""Hand-built analyses and real stores (SQLite file, PostgreSQL schema) for the store tests."""

import functools
import hashlib
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from claimgraph.records import (
    Analysis,
    Attribution,
    Certainty,
    Document,
    Entity,
    Form,
    Hedge,
    Place,
    Qualifier,
    Quantity,
    QuantityKind,
    Source,
    SourceMention,
    Span,
    Time,
)
from claimgraph.store import Store, open_store

# Override to test against another server; each test gets its own schema there.
PG_URL = os.environ.get(
    "CLAIMGRAPH_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
PG_ADMIN_URL = PG_URL.replace("postgresql+psycopg://", "postgresql://", 1)
BACKENDS = ["sqlite", "postgresql"]
KST = timezone(timedelta(hours=9))

SEOUL_TEXT = (
    "South Korea's National Intelligence Service said on Friday that North Korea had sent about "
    "1,500 special forces troops to Russia's Far East, and that the troops could be deployed to "
    "Ukraine soon. “We believe more soldiers will follow,” an NIS official told lawmakers. "
    "Anonymous sources have informed South Korean media that as many as 12,000 troops may "
    "eventually be sent. According to Ukrainian President Volodymyr Zelensky, the first units "
    "arrived in Vladivostok in early October."
)

KYIV_TEXT = (
    "Seoul's spy agency said Pyongyang had reportedly sent 3,000 more soldiers to Russia. "
    "The Kremlin denied the report."
)


def span(text: str, phrase: str, occurrence: int = 0) -> Span:
    """The span of the n-th occurrence of phrase in text."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase), phrase)


def document_id(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def attribution_id(doc_id: str, source: Span) -> str:
    return f"{doc_id}:{source.start}-{source.end}"


NIS = Source(
    id="kr-nis",
    name="National Intelligence Service",
    type="organisation",
    country="KR",
    parent="kr-government",
    aliases=("NIS", "South Korea's spy agency"),
)
ZELENSKY = Source(
    id="volodymyr-zelensky",
    name="Volodymyr Zelensky",
    type="person",
    country="UA",
    wikidata="Q3874799",
    aliases=("Zelensky", "Zelenskyy"),
    roles=("Ukrainian President",),
)
ANONYMOUS = Source(id="anonymous-kr-officials", name="anonymous sources", type="anonymous")


def seoul_analysis() -> Analysis:
    """A spy agency's hedged claim, a quote, an anonymous source via media, and an according-to."""
    t = SEOUL_TEXT
    doc = Document(
        id=document_id(t),
        text=t,
        url="https://example.org/news/north-korean-troops",
        outlet="Example News",
        title="North Korean troops in Russia, Seoul says",
        published=datetime(2024, 10, 18, 17, 30, tzinfo=KST),
        ingested_at=datetime(2024, 10, 19, 8, 0, 12, 345678, tzinfo=UTC),
    )
    nis = span(t, "South Korea's National Intelligence Service")
    official = span(t, "an NIS official")
    anonymous = span(t, "Anonymous sources")
    zelensky = span(t, "Volodymyr Zelensky")
    a_nis = Attribution(
        id=attribution_id(doc.id, nis),
        source=nis,
        cue=span(t, "said"),
        content=(
            span(t, "North Korea had sent about 1,500 special forces troops to Russia's Far East"),
            span(t, "the troops could be deployed to Ukraine soon"),
        ),
        form=Form.INDIRECT,
        canonical_source="kr-nis",
        source_kind="organisation",
        certainty=Certainty.POSSIBLE,
        hedges=(Hedge(span(t, "could"), Certainty.POSSIBLE, "could"),),
    )
    a_quote = Attribution(
        id=attribution_id(doc.id, official),
        source=official,
        cue=span(t, "told"),
        content=(span(t, "We believe more soldiers will follow,"),),
        form=Form.DIRECT,
        canonical_source="kr-nis",
        source_kind="person",
        certainty=Certainty.PROBABLE,
        hedges=(Hedge(span(t, "believe"), Certainty.PROBABLE, "believe"),),
        anonymous=True,
    )
    a_anonymous = Attribution(
        id=attribution_id(doc.id, anonymous),
        source=anonymous,
        cue=span(t, "have informed"),
        content=(span(t, "as many as 12,000 troops may eventually be sent"),),
        form=Form.INDIRECT,
        canonical_source="anonymous-kr-officials",
        source_kind="anonymous",
        certainty=Certainty.POSSIBLE,
        hedges=(Hedge(span(t, "may"), Certainty.POSSIBLE, "may"),),
        anonymous=True,
        channel=span(t, "South Korean media"),
    )
    a_zelensky = Attribution(
        id=attribution_id(doc.id, zelensky),
        source=zelensky,
        cue=span(t, "According to"),
        content=(span(t, "the first units arrived in Vladivostok in early October"),),
        form=Form.ACCORDING_TO,
        canonical_source="volodymyr-zelensky",
        source_kind="person",
    )
    return Analysis(
        document=doc,
        attributions=(a_nis, a_quote, a_anonymous, a_zelensky),
        quantities=(
            Quantity(
                span(t, "about 1,500"),
                1500.0,
                None,
                None,
                Qualifier.APPROX,
                "troops",
                QuantityKind.COUNT,
                a_nis.id,
            ),
            Quantity(
                span(t, "as many as 12,000"),
                12000.0,
                None,
                12000.0,
                Qualifier.UPPER,
                "troops",
                QuantityKind.COUNT,
                a_anonymous.id,
            ),
        ),
        places=(
            Place(span(t, "Ukraine"), "Ukraine", "UA", 49.0, 32.0, "country", "geonames:690791"),
            Place(
                span(t, "Vladivostok"),
                "Vladivostok",
                "RU",
                43.10562,
                131.87353,
                "city",
                "geonames:2013348",
                a_zelensky.id,
            ),
        ),
        times=(
            Time(
                span(t, "on Friday"),
                "2024-10-18",
                date(2024, 10, 18),
                date(2024, 10, 18),
                "day",
                "same",
                a_nis.id,
            ),
            Time(
                span(t, "in early October"),
                "2024-10-01/2024-10-10",
                date(2024, 10, 1),
                date(2024, 10, 10),
                "interval",
                "before",
                a_zelensky.id,
            ),
        ),
        entities=(
            Entity(span(t, "National Intelligence Service"), "ORG", "kr-nis"),
            Entity(span(t, "North Korea"), "GPE"),
            Entity(zelensky, "PERSON", "volodymyr-zelensky", "Q3874799"),
        ),
        sources=(NIS, ANONYMOUS, ZELENSKY),
        mentions=(
            SourceMention(nis, "kr-nis", "organisation"),
            SourceMention(official, "kr-nis", "person"),
            SourceMention(anonymous, "anonymous-kr-officials", "anonymous"),
            SourceMention(zelensky, "volodymyr-zelensky", "person", role="Ukrainian President"),
        ),
    )


def kyiv_analysis() -> Analysis:
    """A second article that names the NIS by a new alias and carries no timezone on its dates."""
    t = KYIV_TEXT
    doc = Document(id=document_id(t), text=t, published=datetime(2024, 10, 25, 9, 0))  # noqa: DTZ001
    agency = span(t, "Seoul's spy agency")
    claim = Attribution(
        id=attribution_id(doc.id, agency),
        source=agency,
        cue=span(t, "said"),
        content=(span(t, "Pyongyang had reportedly sent 3,000 more soldiers to Russia"),),
        form=Form.INDIRECT,
        canonical_source="kr-nis",
        source_kind="organisation",
        certainty=Certainty.PROBABLE,
        hedges=(Hedge(span(t, "reportedly"), Certainty.PROBABLE, "reportedly"),),
    )
    nis = Source(
        id="kr-nis",
        name="NIS",
        type="organisation",
        country="KR",
        aliases=("Seoul's spy agency",),
    )
    return Analysis(
        document=doc,
        attributions=(claim,),
        quantities=(
            Quantity(
                span(t, "3,000"),
                3000.0,
                None,
                None,
                Qualifier.EXACT,
                "soldiers",
                QuantityKind.COUNT,
            ),
        ),
        sources=(nis,),
        mentions=(SourceMention(agency, "kr-nis", "organisation"),),
    )


@functools.cache
def postgres_unreachable() -> str | None:
    """Why PostgreSQL tests cannot run here, or None when the server answers."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        psycopg.connect(PG_ADMIN_URL, connect_timeout=3).close()
    except psycopg.OperationalError as error:
        reason = str(error).strip().splitlines()[0]
        return (
            f"PostgreSQL at {PG_ADMIN_URL} is unreachable ({reason}); set CLAIMGRAPH_TEST_POSTGRES"
        )
    return None


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A fresh schema for one test, dropped afterwards; yields a URL whose search_path is it."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")


@contextmanager
def backend_store(backend: str, tmp_path: Path, *, fts5: bool = True) -> Iterator[Store]:
    """A new, empty store on the named backend; skips when PostgreSQL is not reachable."""
    if backend == "sqlite":
        with open_store(f"sqlite:///{tmp_path / 'test.db'}", fts5=fts5) as store:
            yield store
        return
    reason = postgres_unreachable()
    if reason:
        pytest.skip(reason)
    with postgres_schema() as url, open_store(url) as store:
        yield store
