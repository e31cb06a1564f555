"""Poll feeds, store their new items once, resolve incrementally and report what changed.

A poll takes only the items the store has not seen (feed_items), so a restarted watch repeats
nothing. After storing, resolution runs on the new documents only, and the report names what they
brought: new claims, new contradictions, and figures that revise an earlier figure for the same
topic (another number for "North Korean troops in Russia").

Needs: a Store, feed URLs, a pipeline and a resolve function.  Returns: a `PollReport` per poll.
"""

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest.fetch import FetchOptions, new_client
from claimgraph.ingest.sources_in import InputFailure
from claimgraph.ingest.web import read_url
from claimgraph.store import Store
from claimgraph.store import feed_items as items_table
from claimgraph.store.resolve_tables import resolve_contradictions, resolve_figures
from claimgraph.store.rows import ClaimRow

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True, slots=True)
class FigureRevision:
    topic: str  # in words: "North Korean troops in Russia"
    before: str  # the earlier figure as written ("about 10,000")
    after: str
    before_value: float | None
    after_value: float | None
    document_id: str  # where the new figure was reported


@dataclass(frozen=True, slots=True)
class PollReport:
    poll: int
    stored: tuple[str, ...]  # document ids
    failures: tuple[InputFailure, ...]
    claims: tuple[ClaimRow, ...]
    contradictions: tuple[dict[str, str], ...]  # kind, claim, by, explanation
    revisions: tuple[FigureRevision, ...]


def parse_every(value: str) -> float:
    """Seconds in "10m", "30s", "1h", "1d" or a bare number of seconds.

    Raises:
        InputError: CG160 for anything else, or less than one second.
    """
    match = _EVERY.match(value)
    seconds = float(match.group(1)) * _UNIT[match.group(2).lower()] if match else 0.0
    if seconds < 1:
        raise InputError(
            f"cannot read the interval {value!r}", hint="e.g. --every 10m, 30s or 1h", code="CG160"
        )
    return seconds


def poll(
    store: Store,
    feeds: list[str],
    analyse: Callable[[Any], Any],
    resolve: Callable[[Store], Any],
    options: FetchOptions | None = None,
    *,
    number: int = 1,
) -> PollReport:
    """One poll of every feed: new items stored, resolved, and what they changed."""
    options = options or FetchOptions()
    before = _contradiction_ids(store)
    stored: list[str] = []
    failures: list[InputFailure] = []
    with new_client(options) as client:
        for feed in feeds:
            seen = items_table.seen_keys(store.engine, feed)
            taken: list[tuple[str, str | None, str]] = []
            for key, outcome in read_url(feed, options, skip=seen.__contains__, client=client):
                if isinstance(outcome, InputFailure):
                    failures.append(outcome)
                    store.record_failure(outcome.error, input_name=outcome.name)
                    # A feed that cannot be read is tried again next poll; a dead item is not.
                    if key != feed:
                        taken.append((key, None, "failed"))
                    continue
                status = "already"
                if not store.stored_ids([outcome.id]):
                    try:
                        status = "stored" if store.save(analyse(outcome)) else "already"
                    except ClaimgraphError as error:
                        failures.append(InputFailure(key, error))
                        store.record_failure(error, document_id=outcome.id, input_name=key)
                        taken.append((key, None, "failed"))
                        continue
                if status == "stored":
                    stored.append(outcome.id)
                taken.append((key, outcome.id, status))
            items_table.remember(store.engine, feed, taken)
    if stored:
        resolve(store)
    claims = [row for doc in stored for row in store.claims(document_id=doc)]
    return PollReport(
        poll=number,
        stored=tuple(stored),
        failures=tuple(failures),
        claims=tuple(claims),
        contradictions=tuple(_new_contradictions(store, before)),
        revisions=tuple(_revisions(store, stored)),
    )


def watch(
    store: Store,
    feeds: list[str],
    analyse: Callable[[Any], Any],
    resolve: Callable[[Store], Any],
    options: FetchOptions | None = None,
    *,
    every: float = 600.0,
    max_polls: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[PollReport]:
    """Poll every `every` seconds (measured from the start of a poll), `max_polls` times or
    until interrupted."""
    number = 0
    while max_polls is None or number < max_polls:
        number += 1
        started = time.monotonic()
        yield poll(store, feeds, analyse, resolve, options, number=number)
        if max_polls is not None and number >= max_polls:
            return
        sleep(max(0.0, every - (time.monotonic() - started)))


def _contradiction_ids(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.execute(sa.select(resolve_contradictions.c.id)).scalars())


def _new_contradictions(store: Store, before: set[str]) -> Iterator[dict[str, str]]:
    c = resolve_contradictions
    with store.engine.connect() as conn:
        for row in conn.execute(sa.select(c).order_by(c.c.id)).mappings():
            if row["id"] not in before:
                yield {k: str(row[k]) for k in ("kind", "claim", "by", "explanation")}


def _revisions(store: Store, documents: list[str]) -> Iterator[FigureRevision]:
    """Each new figure whose topic already had a different figure in an earlier document."""
    if not documents:
        return
    from claimgraph.resolve.lexicons import load_resolve_lexicon
    from claimgraph.resolve.topics import topic_label

    lexicon = load_resolve_lexicon()
    f = resolve_figures
    with store.engine.connect() as conn:
        fresh = conn.execute(sa.select(f).where(f.c.document_id.in_(documents))).mappings().all()
        for topic in sorted({row["topic"] for row in fresh}):
            earlier = (
                conn.execute(
                    sa.select(f)
                    .where(f.c.topic == topic, f.c.document_id.not_in(documents))
                    .order_by(f.c.published.desc().nulls_last())
                    .limit(1)
                )
                .mappings()
                .first()
            )
            if earlier is None:
                continue
            for row in (r for r in fresh if r["topic"] == topic):
                if _figure(row) != _figure(earlier):
                    yield FigureRevision(
                        topic_label(topic, lexicon),
                        earlier["text"],
                        row["text"],
                        earlier["value"],
                        row["value"],
                        row["document_id"],
                    )


def _figure(row: Any) -> tuple[Any, ...]:
    return (row["value"], row["low"], row["high"], row["qualifier"], row["modality"])
