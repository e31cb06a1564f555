"""Documents: list, one document as the extract contract, analyse text, ingest text."""

from contextlib import nullcontext
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from claimgraph.api import resolution
from claimgraph.api.contract import ExtractResult
from claimgraph.api.deps import AnalysisDep, LockDep, StoreDep
from claimgraph.api.errors import ERROR_RESPONSES, MAX_OFFSET, api_hint
from claimgraph.api.fetching import page_of
from claimgraph.api.models import ArticleIn, DocumentPage, Ingested
from claimgraph.export.json import analysis_dict
from claimgraph.ingest.text import document_from_text
from claimgraph.records import Analysis, Document
from claimgraph.runner import ingest_document
from claimgraph.store.rows import DocumentRow

router = APIRouter(prefix="/api", tags=["documents"], responses=ERROR_RESPONSES)


@router.get("/documents", response_model=DocumentPage, summary="Stored documents, newest first")
def list_documents(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    rows: list[DocumentRow] = store.documents(limit=limit, offset=offset)
    return {"items": rows, "total": store.counts()["documents"]}


@router.get(
    "/documents/{document_id}",
    response_model=ExtractResult,
    summary="One stored document with all its records (the extract JSON contract)",
)
def get_document(document_id: str, store: StoreDep) -> dict[str, Any]:
    with api_hint("list documents at /api/documents"):
        return analysis_dict(store.analysis(document_id))


@router.post(
    "/extract",
    response_model=ExtractResult,
    summary="Analyse an article without storing it (the extract JSON contract)",
)
def extract(article: ArticleIn, request: Request, workers: AnalysisDep) -> dict[str, Any]:
    analysis: Analysis = workers.analyse(_document(article, request.app.state.settings))
    return analysis_dict(analysis)


@router.post(
    "/documents",
    response_model=Ingested,
    status_code=201,
    summary="Analyse an article and store it (200 if it was already stored)",
    responses={200: {"model": Ingested, "description": "The article was already stored"}},
)
def ingest(
    article: ArticleIn,
    request: Request,
    response: Response,
    store: StoreDep,
    workers: AnalysisDep,
    lock: LockDep,
) -> dict[str, Any]:
    # The workers are processes: no lock is needed around the analysis.
    analysis, stored = ingest_document(
        _document(article, request.app.state.settings),
        store,
        workers,  # type: ignore[arg-type]
        nullcontext(),
    )
    resolved = False
    if stored:
        with lock:
            resolved = resolution.resolve_after_ingest(store)
    else:
        response.status_code = 200
    return {
        "stored": stored,
        "document_id": analysis.document.id,
        "claims": len(analysis.attributions),
        "page": f"/documents/{analysis.document.id}",
        "resolved": resolved,
    }


def _document(article: ArticleIn, settings: Any = None) -> Document:
    """The article as a Document: its text, or the page fetched from its url."""
    if article.text is None:
        return page_of(article, settings)
    return document_from_text(
        article.text,
        published=article.published,
        url=article.url,
        outlet=article.outlet,
        title=article.title,
        html=article.html,
    )


def _analyse(article: ArticleIn, pipeline: Any, lock: Any, settings: Any = None) -> Analysis:
    document = _document(article, settings)
    with lock:
        result: Analysis = pipeline.analyse(document)
    return result
