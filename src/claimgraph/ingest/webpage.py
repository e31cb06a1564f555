"""A fetched news page as a Document: its main text and metadata, without the page furniture.

trafilatura finds the article body (navigation, sidebars, comments and share buttons dropped) and
the metadata a news page carries in its markup: title, author, outlet (site name), publication date
(also when it is only in meta tags or JSON-LD) and canonical URL.

Needs: a `Fetched` HTML page.  Returns: a `WebPage` (the Document plus the author).
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from claimgraph.errors import InputError, MissingExtra
from claimgraph.ingest.decoding import decode_markup
from claimgraph.ingest.fetch import Fetched
from claimgraph.ingest.text import document_from_text
from claimgraph.records import Document


@dataclass(frozen=True, slots=True)
class WebPage:
    document: Document
    author: str | None  # not stored yet: the documents table has no author column
    canonical_url: str | None
    fetched_url: str


def page_document(
    fetched: Fetched,
    *,
    published: str | datetime | None = None,
    outlet: str | None = None,
    fallback_published: datetime | None = None,
) -> WebPage:
    """The article on a fetched page; `published` and `outlet` given here win over the page's,
    `fallback_published` (a feed item's date) is used only when the page has no date.

    Raises:
        InputError: CG148 when the page has no article text trafilatura can find.
    """
    html = decode_markup(fetched.body, fetched.charset, fetched.url)
    found = _extract(html, fetched.url)
    text = found.get("text") or ""
    if not text.strip():
        raise InputError(
            f"no article text found on {fetched.url}",
            hint="the page may be a front page, a video or rendered by JavaScript",
            code="CG148",
        )
    canonical = _absolute(found.get("url"))
    url = canonical or fetched.url
    title = found.get("title") or None
    document = document_from_text(
        text,
        published=published or found.get("date") or fallback_published,
        url=url,
        outlet=outlet or found.get("sitename") or _host(url),
        title=title,
        language=found.get("language") or "en",
        html=False,
    )
    return WebPage(document, found.get("author") or None, canonical, fetched.url)


def _extract(html: str, url: str) -> dict[str, Any]:
    try:
        import trafilatura
    except ImportError:
        raise MissingExtra(
            "reading web pages needs trafilatura", hint="pip install 'claimgraph[fetch]'"
        ) from None
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if result is None:
        return {}
    return dict(result.as_dict() if hasattr(result, "as_dict") else result)


def _absolute(url: Any) -> str | None:
    """trafilatura's canonical URL when it is a full http(s) URL, else None."""
    if isinstance(url, str) and urlsplit(url).scheme in {"http", "https"}:
        return url
    return None


def _host(url: str) -> str | None:
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
