"""The UI's pages: one HTML shell per page; each page's ES module fetches the API and draws it.

Pages put text into the DOM as text nodes only (never as HTML), so an article that contains
`<script>` shows the tag as text. The shell is filled with `string.Template`, every value
HTML-escaped.
"""

import html
from pathlib import Path
from string import Template

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

import claimgraph

TEMPLATES = Path(__file__).resolve().parent / "templates"
_LAYOUT = Template((TEMPLATES / "layout.html").read_text("utf-8"))

router = APIRouter(include_in_schema=False)


def page(name: str, title: str, record_id: str = "", status: int = 200) -> HTMLResponse:
    body = _LAYOUT.substitute(
        page=html.escape(name),
        title=html.escape(title),
        record_id=html.escape(record_id),
        version=html.escape(claimgraph.__version__),
    )
    return HTMLResponse(body, status_code=status, headers=_HEADERS)


# No inline script runs, and nothing is fetched from another origin: the UI works offline and a
# stored article cannot inject code even if a page forgot to treat its text as text.
_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def not_found_page(path: str) -> HTMLResponse:
    return page("notfound", "Not found", path, status=404)


@router.get("/")
def overview() -> Response:
    return page("overview", "Overview")


@router.get("/claims")
def claims() -> Response:
    return page("claims", "Claims")


@router.get("/documents")
def documents() -> Response:
    return page("documents", "Articles")


@router.get("/documents/{document_id}")
def article(document_id: str) -> Response:
    return page("article", "Article", document_id)


@router.get("/sources")
def sources() -> Response:
    return page("sources", "Sources")


@router.get("/sources/{source_id}")
def source(source_id: str) -> Response:
    return page("source", "Source", source_id)


@router.get("/clusters")
def clusters() -> Response:
    return page("clusters", "Claims across reports")


@router.get("/contradictions")
def contradictions() -> Response:
    return page("contradictions", "Contradictions")


@router.get("/clusters/{cluster_id}")
def cluster(cluster_id: str) -> Response:
    return page("cluster", "Claim across reports", cluster_id)


@router.get("/estimates")
def estimates() -> Response:
    return page("estimates", "Estimates")


@router.get("/map")
def places_map() -> Response:
    return page("map", "Map")


@router.get("/docs")
def api_reference() -> Response:
    return page("docs", "REST API")


@router.get("/paste")
def paste() -> Response:
    return page("paste", "Paste an article")
