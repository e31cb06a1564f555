"""The feed items the watch loop has taken, so a restart does not fetch or report them again.

Needs: an engine.  Returns: the keys seen per feed; records one row per item taken (stored,
already stored, or failed: a failed item is not retried every poll, its error is in `failures`).
"""

from collections.abc import Iterable
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from claimgraph.store.connect import database_errors
from claimgraph.store.schema import IsoDateTime, metadata

feed_items = sa.Table(
    "feed_items",
    metadata,
    sa.Column("feed_url", sa.String(2000), primary_key=True),
    sa.Column("item_key", sa.String(2000), primary_key=True),
    sa.Column("document_id", sa.String(128), index=True),  # None when the item failed
    sa.Column("status", sa.String(16), nullable=False),  # stored | already | failed
    sa.Column("seen_at", IsoDateTime, nullable=False),
)


def seen_keys(engine: Engine, feed_url: str) -> set[str]:
    """Keys of the items of this feed taken by earlier polls."""
    stmt = sa.select(feed_items.c.item_key).where(feed_items.c.feed_url == feed_url)
    with database_errors(engine, "cannot read the feed items"), engine.connect() as conn:
        return set(conn.execute(stmt).scalars())


def remember(engine: Engine, feed_url: str, taken: Iterable[tuple[str, str | None, str]]) -> None:
    """Record `(item_key, document_id, status)` for items of one feed, in one transaction."""
    now = datetime.now(UTC)
    rows = [
        {
            "feed_url": feed_url,
            "item_key": key,
            "document_id": doc,
            "status": status,
            "seen_at": now,
        }
        for key, doc, status in taken
    ]
    if not rows:
        return
    with database_errors(engine, "cannot record the feed items"), engine.begin() as conn:
        known = set(
            conn.execute(
                sa.select(feed_items.c.item_key).where(
                    feed_items.c.feed_url == feed_url,
                    feed_items.c.item_key.in_([r["item_key"] for r in rows]),
                )
            ).scalars()
        )
        fresh = list({r["item_key"]: r for r in rows if r["item_key"] not in known}.values())
        if fresh:
            conn.execute(feed_items.insert(), fresh)
