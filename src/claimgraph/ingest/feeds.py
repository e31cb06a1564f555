"""RSS and Atom feeds: the items a feed lists, each with a stable key, link and date.

feedparser reads every RSS version and Atom, and tolerates the malformed XML many outlets publish.
The key of an item is its guid/id when it has one, else its link: the watch loop remembers keys,
so an item whose title is edited is not taken again.

Needs: the feed's bytes.  Returns: a `Feed` with its `FeedItem`s, in the feed's order.
"""

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from claimgraph.errors import InputError, MissingExtra


@dataclass(frozen=True, slots=True)
class FeedItem:
    key: str
    url: str | None
    title: str | None
    published: datetime | None


@dataclass(frozen=True, slots=True)
class Feed:
    url: str
    title: str | None
    items: tuple[FeedItem, ...]


def is_feed(body: bytes) -> bool:
    """Whether the bytes look like RSS or Atom (a cheap sniff before a full parse)."""
    head = body[:2048].lstrip().lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :]
    # Past the XML declaration (and any comments or stylesheet lines), the root element.
    return any(root in head[:1024] for root in (b"<rss", b"<feed", b"<rdf:rdf"))


def parse_feed(body: bytes, url: str) -> Feed:
    """The items of an RSS or Atom feed.

    Raises:
        InputError: CG150 when the bytes are not a feed feedparser can read.
    """
    feedparser = _feedparser()
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise InputError(
            f"{url} is not an RSS or Atom feed" + (f" ({reason})" if reason else ""),
            hint="give the feed's own URL (often /rss, /feed or /atom.xml)",
            code="CG150",
        )
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        link = urljoin(url, link) if link else None
        key = entry.get("id") or link
        if not key:
            continue  # nothing to fetch and nothing to remember it by
        items.append(FeedItem(str(key), link, entry.get("title"), _when(entry)))
    return Feed(url, parsed.feed.get("title"), tuple(items))


def _when(entry: Any) -> datetime | None:
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    if not moment:
        return None
    return datetime.fromtimestamp(calendar.timegm(moment), tz=UTC)


def _feedparser() -> Any:
    try:
        import feedparser
    except ImportError:
        raise MissingExtra(
            "reading feeds needs feedparser", hint="pip install 'claimgraph[fetch]'"
        ) from None
    return feedparser
