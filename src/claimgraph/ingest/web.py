"""A URL as Documents: a page gives one, a feed gives one per item (each item's page fetched).

Whether a URL is a page or a feed is decided by what comes back (content type, then the bytes),
not by the URL's shape. A failed item becomes an `InputFailure`, so one dead link never stops a
feed; `skip` lets the watch loop leave out items it has already taken.

Needs: a URL and FetchOptions.  Returns: `(key, Document | InputFailure)` pairs, where the key is
the feed item's guid/link (or the page URL) that the watch loop remembers.
"""

from collections.abc import Callable, Iterator
from typing import Any

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest.feeds import Feed, is_feed, parse_feed
from claimgraph.ingest.fetch import FEED_TYPES, Fetched, FetchOptions, fetch, new_client
from claimgraph.ingest.sources_in import InputFailure
from claimgraph.ingest.webpage import page_document
from claimgraph.records import Document

Outcome = tuple[str, Document | InputFailure]


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def read_url(
    url: str,
    options: FetchOptions | None = None,
    *,
    published: str | None = None,
    skip: Callable[[str], bool] | None = None,
    client: Any = None,
) -> Iterator[Outcome]:
    """Documents from a page URL or a feed URL; failures are yielded, never raised."""
    options = options or FetchOptions()
    with _client(options, client) as http:
        try:
            fetched = fetch(url, options, http)
            if fetched.content_type in FEED_TYPES or is_feed(fetched.body):
                feed = parse_feed(fetched.body, fetched.url)
            else:
                feed = None
        except ClaimgraphError as error:
            yield url, InputFailure(url, error)
            return
        if feed is None:
            if skip is None or not skip(url):
                yield url, _page(fetched, published)
            return
        yield from feed_documents(feed, options, published=published, skip=skip, client=http)


def url_document(
    url: str,
    options: FetchOptions | None = None,
    *,
    published: str | None = None,
    outlet: str | None = None,
) -> Document:
    """The article at a page URL (the API's `POST /api/documents` with a url).

    Raises:
        InputError: CG140/CG141 refused URL, CG148 no article text, CG152 a feed URL.
        FetchError: CG142-CG147 (see `fetch`).
    """
    fetched = fetch(url, options or FetchOptions())
    if fetched.content_type in FEED_TYPES or is_feed(fetched.body):
        raise InputError(
            f"{url} is a feed, not an article",
            hint="post each item's URL, or run `claimgraph ingest FEED_URL`",
            code="CG152",
        )
    return page_document(fetched, published=published, outlet=outlet).document


def feed_documents(
    feed: Feed,
    options: FetchOptions,
    *,
    published: str | None = None,
    skip: Callable[[str], bool] | None = None,
    client: Any = None,
) -> Iterator[Outcome]:
    """Fetch the page of every feed item not skipped; the item's date backs up the page's."""
    for item in feed.items:
        if skip is not None and skip(item.key):
            continue
        if item.url is None:
            error = ClaimgraphError(f"feed item {item.key!r} has no link", code="CG151")
            yield item.key, InputFailure(item.key, error)
            continue
        try:
            fetched = fetch(item.url, options, client)
        except ClaimgraphError as error:
            yield item.key, InputFailure(item.url, error)
            continue
        yield item.key, _page(fetched, published, item.published)


def _page(fetched: Fetched, published: str | None, fallback: Any = None) -> Document | InputFailure:
    try:
        return page_document(fetched, published=published, fallback_published=fallback).document
    except ClaimgraphError as error:
        return InputFailure(fetched.url, error)


class _client:
    """The caller's httpx client, or a pooled one closed at the end."""

    def __init__(self, options: FetchOptions, given: Any) -> None:
        self.given = given
        self.options = options
        self.made: Any = None

    def __enter__(self) -> Any:
        if self.given is not None:
            return self.given
        self.made = new_client(self.options)
        return self.made

    def __exit__(self, *exc: object) -> None:
        if self.made is not None:
            self.made.close()
