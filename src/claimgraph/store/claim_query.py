"""The one claims query, for the CLI, the API and the exports: filters, sorting and pages.

Pages are keyset pages when a cursor is given: the cursor holds the last row's sort value and its
(document_id, seq), so page 500 costs what page 1 costs and a claim stored while a user pages never
shifts the rows under them. `offset` pages are there for the library's `Store.claims`.

To filter on one more attribution column (say `polarity`): add a field to `ClaimFilter` and its
column to `EXACT_FILTERS`. To show one more column: add it to `ClaimRow` (store/rows.py); rows are
built by field name, so nothing else here changes.
"""

import base64
import binascii
import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from claimgraph.errors import InputError
from claimgraph.records import Certainty
from claimgraph.store import schema, search
from claimgraph.store.rows import ClaimRow
from claimgraph.store.schema import alias_key

CERTAINTIES = tuple(certainty.label for certainty in Certainty)
SORTS = ("published", "source", "certainty", "outlet", "document")
BAD_CURSOR = "CG131"
BAD_FILTER = "CG132"

a, d, s = schema.attributions, schema.documents, schema.sources

# ClaimFilter field -> the attribution column it must equal. One line per simple filter.
EXACT_FILTERS: dict[str, sa.ColumnElement[Any]] = {
    "anonymous": a.c.anonymous,
    "document": a.c.document_id,
    "form": a.c.form,
}


def names_source(column: sa.ColumnElement[Any], source: str) -> sa.ColumnElement[bool]:
    """`column` holds the source a user named by id, name or alias, in any case.

    The exact id counts too: an attribution may name a source id that was never stored.
    """
    known = sa.select(schema.aliases.c.source_id).where(schema.aliases.c.alias == alias_key(source))
    return sa.or_(column.in_(known), column == source)


def certainty_labels(text: str | None) -> tuple[str, ...]:
    """Certainty labels from "possible" or "probable,possible", in any case.

    Raises:
        InputError: a label that is not a certainty (CG132), naming the ones there are.
    """
    labels = tuple(part.strip().lower() for part in (text or "").split(",") if part.strip())
    unknown = [label for label in labels if label not in CERTAINTIES]
    if unknown:
        raise InputError(
            f"unknown certainty {unknown[0]!r}",
            hint=f"use one or more of: {', '.join(CERTAINTIES)}",
            code=BAD_FILTER,
        )
    return labels


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What a user narrowed the claims down to; every field is optional."""

    source: str | None = None  # id, name or alias of the canonical source
    certainty: tuple[str, ...] = ()
    anonymous: bool | None = None
    search: str | None = None  # words in the content or the source text
    date_from: date | None = None  # publication date of the document, inclusive
    date_to: date | None = None
    place: str | None = None  # gazetteer name, gazetteer id or ISO country code
    topic: str | None = None  # a counted thing inside the claim: "troops", "shells"
    outlet: str | None = None
    document: str | None = None
    form: str | None = None
    ids: tuple[str, ...] = ()  # only these attributions (a cluster's members)

    def query_string(self) -> dict[str, str]:
        """The filter as query parameters, for links to exports and pages."""
        values: dict[str, Any] = {
            "source": self.source,
            "certainty": ",".join(self.certainty) or None,
            "search": self.search,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "place": self.place,
            "topic": self.topic,
            "outlet": self.outlet,
        }
        for name in EXACT_FILTERS:
            value = getattr(self, name)
            values[name] = str(value).lower() if isinstance(value, bool) else value
        return {key: str(value) for key, value in values.items() if value is not None}


def sort_key(sort: str) -> sa.ColumnElement[Any]:
    """The column a sort orders by, never NULL (so keyset comparisons stay simple)."""
    if sort == "published":
        return sa.func.coalesce(sa.type_coerce(d.c.published, sa.String), "")
    if sort == "source":
        return sa.func.lower(sa.func.coalesce(s.c.name, a.c.source_text, ""))
    if sort == "outlet":
        return sa.func.lower(sa.func.coalesce(d.c.outlet, ""))
    if sort == "certainty":
        return sa.case(
            *((a.c.certainty == label, int(Certainty[label.upper()])) for label in CERTAINTIES),
            else_=0,
        )
    return sa.literal("")  # "document": text order only


def conditions(claim_filter: ClaimFilter, search_mode: str) -> list[sa.ColumnElement[bool]]:
    """WHERE clauses for the filter.

    Raises:
        InputError: an unknown certainty label.
    """
    f = claim_filter
    where: list[Any] = []
    if f.source:
        where.append(names_source(a.c.canonical_source, f.source))
    if f.certainty:
        certainty_labels(",".join(f.certainty))  # a filter built in code is checked too
        where.append(a.c.certainty.in_(f.certainty))
    for name, column in EXACT_FILTERS.items():
        value = getattr(f, name)
        if value is not None:
            where.append(column == value)
    if f.search is not None:  # a search with no words in it ("...") matches nothing
        where.append(search.matches(search_mode, f.search, a))
    if f.date_from:
        where.append(sa.func.substr(d.c.published, 1, 10) >= f.date_from.isoformat())
    if f.date_to:
        where.append(sa.func.substr(d.c.published, 1, 10) <= f.date_to.isoformat())
    if f.place:
        p = schema.places
        folded = f.place.casefold()
        hit = sa.or_(
            sa.func.lower(p.c.name) == folded,
            p.c.gazetteer_id == f.place,
            sa.func.lower(p.c.country) == folded if len(f.place) == 2 else sa.false(),
        )
        where.append(
            a.c.id.in_(sa.select(p.c.attribution).where(hit, p.c.attribution.is_not(None)))
        )
    if f.topic:
        q = schema.quantities
        pattern = f"%{f.topic.casefold().strip()}%"
        where.append(
            a.c.id.in_(
                sa.select(q.c.attribution).where(
                    sa.func.lower(q.c.unit).like(pattern), q.c.attribution.is_not(None)
                )
            )
        )
    if f.outlet:
        where.append(sa.func.lower(d.c.outlet) == f.outlet.casefold())
    if f.ids:
        where.append(a.c.id.in_(f.ids))
    return where


def select_claims(
    conn: Connection,
    claim_filter: ClaimFilter,
    search_mode: str,
    *,
    sort: str = "published",
    descending: bool = True,
    limit: int | None = 50,
    cursor: str | None = None,
    offset: int = 0,
) -> tuple[list[Mapping[str, Any]], str | None]:
    """One page of claim rows (mappings) and the cursor of the next page (None at the end)."""
    key = sort_key(sort)
    stmt = (
        sa.select(
            a,
            s.c.name.label("source_name"),
            d.c.title.label("document_title"),
            d.c.url.label("document_url"),
            d.c.outlet,
            d.c.published,
            key.label("sort_value"),
        )
        .select_from(_joined())
        .where(*conditions(claim_filter, search_mode))
    )
    primary = key.desc() if descending else key.asc()
    stmt = stmt.order_by(primary, a.c.document_id, a.c.seq)
    if cursor:
        value, document_id, seq = decode_cursor(cursor)
        beyond = key < value if descending else key > value
        stmt = stmt.where(
            sa.or_(
                beyond,
                sa.and_(key == value, sa.tuple_(a.c.document_id, a.c.seq) > (document_id, seq)),
            )
        )
    if offset:
        stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit + 1)
    rows = list(conn.execute(stmt).mappings())
    if limit is None or len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    return rows, encode_cursor(last["sort_value"], last["document_id"], last["seq"])


def claim_row(row: Mapping[str, Any]) -> ClaimRow:
    """A query row as a ClaimRow, field by field (hedges as their words)."""
    values = {field.name: row[field.name] for field in dataclasses.fields(ClaimRow)}
    values["hedges"] = tuple(hedge["text"] for hedge in row["hedges"])
    return ClaimRow(**values)


def count_claims(conn: Connection, claim_filter: ClaimFilter, search_mode: str) -> int:
    where = conditions(claim_filter, search_mode)
    # Joins only when a filter needs them: an unfiltered count reads one index.
    needs_document = bool(claim_filter.date_from or claim_filter.date_to or claim_filter.outlet)
    source = a.join(d, a.c.document_id == d.c.id) if needs_document else a
    stmt = sa.select(sa.func.count()).select_from(source).where(*where)
    return int(conn.execute(stmt).scalar_one())


def contents_of(
    conn: Connection, attribution_ids: Sequence[str]
) -> dict[str, dict[str, list[str]]]:
    """The numbers (as written) and place names inside each of these claims."""
    found: dict[str, dict[str, list[str]]] = {
        i: {"numbers": [], "places": []} for i in attribution_ids
    }
    if not attribution_ids:
        return found
    q, p = schema.quantities, schema.places
    for start in range(0, len(attribution_ids), 500):
        chunk = list(attribution_ids[start : start + 500])
        numbers = sa.select(q.c.attribution, q.c.text, q.c.unit).where(q.c.attribution.in_(chunk))
        for row in conn.execute(numbers.order_by(q.c.document_id, q.c.seq)):
            unit = f" {row.unit}" if row.unit and row.unit not in row.text else ""
            found[row.attribution]["numbers"].append(f"{row.text}{unit}")
        places = sa.select(p.c.attribution, p.c.name).where(p.c.attribution.in_(chunk))
        for row in conn.execute(places.order_by(p.c.document_id, p.c.seq)):
            names = found[row.attribution]["places"]
            if row.name not in names:
                names.append(row.name)
    return found


def records_inside(conn: Connection, claim_id: str) -> dict[str, list[dict[str, Any]]]:
    """The quantities, places and times that sit inside the claim's content."""
    q, p, t = schema.quantities, schema.places, schema.times

    def rows(table: sa.Table) -> list[Mapping[str, Any]]:
        stmt = sa.select(table).where(table.c.attribution == claim_id).order_by(table.c.seq)
        return list(conn.execute(stmt).mappings())

    keep = ("start", "end", "text", "attribution")
    return {
        "quantities": [
            {k: r[k] for k in (*keep, "value", "low", "high", "qualifier", "unit", "kind")}
            for r in rows(q)
        ],
        "places": [
            {k: r[k] for k in (*keep, "name", "country", "lat", "lon", "kind", "gazetteer_id")}
            for r in rows(p)
        ],
        "times": [
            {
                **{k: r[k] for k in (*keep, "value", "granularity", "relation")},
                "date_from": r["value_start"],
                "date_to": r["value_end"],
            }
            for r in rows(t)
        ],
    }


def encode_cursor(value: Any, document_id: str, seq: int) -> str:
    raw = json.dumps([value, document_id, seq], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[Any, str, int]:
    """Raises InputError for a cursor this API did not hand out."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value, document_id, seq = json.loads(raw)
        if not isinstance(document_id, str) or not isinstance(seq, int):
            raise ValueError(cursor)
        if not isinstance(value, str | int):
            raise ValueError(cursor)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise InputError(
            f"cursor {cursor[:40]!r} was not handed out by this API",
            hint="start again without a cursor, then pass each page's next_cursor",
            code=BAD_CURSOR,
        ) from None
    return value, document_id, seq


def _joined() -> sa.FromClause:
    return a.join(d, a.c.document_id == d.c.id).outerjoin(s, a.c.canonical_source == s.c.id)
