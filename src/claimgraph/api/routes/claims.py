"""Claims: filtered and sorted pages, one claim with everything in it, and exports of a filter."""

import json
from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from claimgraph.api import resolution
from claimgraph.api.deps import StoreDep
from claimgraph.api.errors import ERROR_RESPONSES
from claimgraph.api.models import ClaimDetail, ClaimPage
from claimgraph.errors import NotFound
from claimgraph.export.csv_text import csv_chunks
from claimgraph.export.json import span_dict
from claimgraph.resolve import read
from claimgraph.store.claim_query import (
    SORTS,
    ClaimFilter,
    certainty_labels,
    claim_row,
    contents_of,
    count_claims,
    records_inside,
    select_claims,
)
from claimgraph.store.rebuild import attribution as rebuild_attribution

router = APIRouter(prefix="/api", tags=["claims"], responses=ERROR_RESPONSES)

EXPORT_COLUMNS = (
    "id",
    "published",
    "outlet",
    "document_title",
    "source_name",
    "canonical_source",
    "source_text",
    "cue_text",
    "content_text",
    "form",
    "certainty",
    "hedges",
    "anonymous",
    "channel_text",
    "numbers",
    "places",
    "document_id",
    "document_url",
    "evidence",
)


_ONE_CERTAINTY = "(?i:certain|probable|possible|unknown)"
_CERTAINTY_LIST = f"^ *{_ONE_CERTAINTY} *(, *{_ONE_CERTAINTY} *)*$"


def claim_filter(
    source: Annotated[str | None, Query(description="source id, name or alias: NIS")] = None,
    certainty: Annotated[
        str | None,
        Query(
            description="certain, probable, possible, unknown; comma-separated",
            # Documented for clients and schema tools; checked in code for a CG132 that names them.
            json_schema_extra={"pattern": _CERTAINTY_LIST},
        ),
    ] = None,
    anonymous: Annotated[bool | None, Query(description="true: only anonymous sources")] = None,
    search: Annotated[str | None, Query(description="words in the claim or its source")] = None,
    date_from: Annotated[date | None, Query(description="published on or after (ISO date)")] = None,
    date_to: Annotated[date | None, Query(description="published on or before (ISO date)")] = None,
    place: Annotated[
        str | None, Query(description="a place in the claim: name, gazetteer id or country code")
    ] = None,
    topic: Annotated[
        str | None, Query(description="a counted thing in the claim: troops, shells")
    ] = None,
    outlet: Annotated[str | None, Query(description="the publishing outlet")] = None,
    document: Annotated[str | None, Query(description="one document's id")] = None,
    form: Annotated[str | None, Query(description="direct, indirect, according_to ...")] = None,
    polarity: Annotated[
        Literal["assert", "deny", "unconfirmed"] | None,
        Query(description="assert, deny or unconfirmed"),
    ] = None,
) -> ClaimFilter:
    return ClaimFilter(
        source=source or None,
        certainty=certainty_labels(certainty),
        anonymous=anonymous,
        search=search or None,
        date_from=date_from,
        date_to=date_to,
        place=place or None,
        topic=topic or None,
        outlet=outlet or None,
        document=document or None,
        polarity=polarity,
        form=form or None,
    )


FilterDep = Annotated[ClaimFilter, Depends(claim_filter)]
SortParam = Annotated[Literal[SORTS], Query(description="column to sort by")]  # type: ignore[valid-type]
OrderParam = Annotated[Literal["asc", "desc"], Query(description="sort direction")]


@router.get("/claims", response_model=ClaimPage, summary="Stored claims: filter, sort, page")
def list_claims(
    store: StoreDep,
    claim_filter: FilterDep,
    sort: SortParam = "published",
    order: OrderParam = "desc",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
) -> dict[str, Any]:
    with store.engine.connect() as conn:
        rows, next_cursor = select_claims(
            conn,
            claim_filter,
            store.search_mode,
            sort=sort,
            descending=order == "desc",
            limit=limit,
            cursor=cursor,
        )
        total = count_claims(conn, claim_filter, store.search_mode)
        contents = contents_of(conn, [row["id"] for row in rows])
    items = [claim_dict(row, contents[row["id"]]) for row in rows]
    return {
        "items": items,
        "total": total,
        "next_cursor": next_cursor,
        "sort": sort,
        "order": order,
    }


@router.get(
    "/claims/export",
    summary="Every claim of the filter as CSV or JSON (a download)",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}, "application/json": {}}}},
)
def export_claims(
    store: StoreDep,
    claim_filter: FilterDep,
    format: Annotated[Literal["csv", "json"], Query(description="csv or json")] = "csv",
    sort: SortParam = "published",
    order: OrderParam = "desc",
) -> StreamingResponse:
    with store.engine.connect() as conn:
        rows, _ = select_claims(
            conn, claim_filter, store.search_mode, sort=sort, descending=order == "desc", limit=None
        )
        contents = contents_of(conn, [row["id"] for row in rows])
    claims = [claim_dict(row, contents[row["id"]]) for row in rows]
    name = "claims." + format
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if format == "json":
        body = json.dumps(
            {"filter": claim_filter.query_string(), "claims": claims},
            ensure_ascii=False,
            default=str,
        )
        return StreamingResponse(iter([body]), media_type="application/json", headers=headers)
    return StreamingResponse(
        csv_chunks(claims, EXPORT_COLUMNS), media_type="text/csv; charset=utf-8", headers=headers
    )


@router.get(
    "/claims/{claim_id}",
    response_model=ClaimDetail,
    summary="One claim: spans, hedges, numbers, places, dates, and its cluster",
)
def get_claim(claim_id: str, store: StoreDep) -> dict[str, Any]:
    with store.engine.connect() as conn:
        rows, _ = select_claims(conn, ClaimFilter(ids=(claim_id,)), store.search_mode, limit=1)
        if not rows:
            raise NotFound(
                f"no claim with id {claim_id!r}", hint="list claims at /api/claims", code="CG301"
            )
        row = rows[0]
        contents = contents_of(conn, [claim_id])
        inside = records_inside(conn, claim_id)
    attribution = rebuild_attribution(row)
    cluster = read.cluster_of(store, claim_id)
    return {
        "claim": claim_dict(row, contents[claim_id]),
        "source": span_dict(attribution.source),
        "cue": span_dict(attribution.cue),
        "content": [span_dict(span) for span in attribution.content],
        "channel": span_dict(attribution.channel),
        "hedges": [
            {**span_dict(h.span), "strength": h.strength.label, "lemma": h.lemma}  # type: ignore[dict-item]
            for h in attribution.hedges
        ],
        **inside,
        "cluster": resolution.cluster_dict(cluster) if cluster is not None else None,
        "resolution": resolution.AVAILABLE,
    }


def claim_dict(row: Mapping[str, Any], contents: dict[str, list[str]]) -> dict[str, Any]:
    """A claim as the API shows it: the store's ClaimRow, what is inside it, its evidence page."""
    claim = asdict(claim_row(row))
    return {
        **claim,
        "hedges": list(claim["hedges"]),
        "numbers": contents["numbers"],
        "places": contents["places"],
        "evidence": f"/documents/{row['document_id']}#{row['id']}",
    }
