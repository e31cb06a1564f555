"""`POST /api/documents` (and `/api/extract`) with a url and no text: fetch the page first."""

from typing import Any

from claimgraph.errors import InputError
from claimgraph.records import Document


def page_of(article: Any, settings: Any) -> Document:
    """The article at `article.url`, fetched under the app's SSRF setting.

    Raises:
        InputError: CG153 when the request has neither text nor url; see `url_document`.
    """
    if not article.url:
        raise InputError(
            "give the article's text or its url", hint='e.g. {"url": "https://..."}', code="CG153"
        )
    from claimgraph.ingest.fetch import FetchOptions
    from claimgraph.ingest.web import url_document

    options = FetchOptions(allow_private=bool(getattr(settings, "allow_private", False)))
    return url_document(article.url, options, published=article.published, outlet=article.outlet)
