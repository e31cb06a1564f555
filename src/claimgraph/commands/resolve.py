"""Commands across documents: resolve, claim, estimates, contradictions; and the helpers that the
core `claims --cluster`, `sources` (grades, merge, split) and `ingest` commands call."""

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from claimgraph.commands.options import DbOption, Format, FormatOption, output_format
from claimgraph.errors import InputError, NotFound
from claimgraph.export.json_values import json_ready

TABLE_OR_JSON = (Format.table, Format.json)

GradesOption = Annotated[
    Path | None,
    typer.Option(
        "--grades", help="Reliability grades: TSV `source<TAB>B<TAB>reason` or YAML `source: B`."
    ),
]


def register(app: typer.Typer) -> None:
    app.command("resolve")(resolve_command)
    app.command("claim")(claim_command)
    app.command("estimates")(estimates_command)
    app.command("contradictions")(contradictions_command)


def resolve_command(
    db: DbOption = "claimgraph.db",
    full: Annotated[
        bool, typer.Option("--full", help="Recompute everything, not only new documents.")
    ] = False,
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold",
            min=0.0,
            max=2.0,
            help="Score a claim needs to join a cluster (default 0.36); a new value recomputes all.",
        ),
    ] = None,
    grades: GradesOption = None,
) -> None:
    """Group claims across documents, chain them to their origin, find contradictions, grade.

    Example: claimgraph resolve --db claimgraph.db
    """
    from claimgraph.store import open_store

    with open_store(db, create=False) as store:
        report = run_resolve(store, full=full, threshold=threshold, grades=grades)
    typer.echo(
        f"Resolved {report.documents} document(s), {report.claims} claim(s): "
        f"{report.new_clusters} new cluster(s), {report.touched_clusters} updated, "
        f"{report.near_copies} near-copy(ies), {report.contradictions} contradiction(s) "
        f"in {report.seconds:.2f} s (threshold {report.threshold:g}"
        f"{', full run' if report.full else ''}).",
        err=True,
    )
    if report.order_note:
        typer.echo(report.order_note, err=True)


def run_resolve(
    store: Any, *, full: bool = False, threshold: float | None = None, grades: Path | None = None
) -> Any:
    """Resolve with the user's choices; the library keeps a stored threshold (resolve.choices)."""
    from claimgraph.resolve import resolve

    return resolve(store, full=full, threshold=threshold, grades=grades)


def claim_command(
    claim_id: Annotated[str, typer.Argument(help="A cluster id (c_...) or an attribution id.")],
    db: DbOption = "claimgraph.db",
    fmt: FormatOption = Format.auto,
) -> None:
    """Show one claim cluster: its members, provenance chains, support, credibility, contradictions.

    Example: claimgraph claim c_0d781ef53496bd7a --format table
    """
    from claimgraph.resolve import read
    from claimgraph.store import open_store

    with open_store(db, create=False) as store:
        found = read.cluster_of(store, claim_id) if not claim_id.startswith("c_") else None
        cluster = found or read.cluster(store, claim_id)
        against = [x for x in read.contradictions(store) if cluster.id in (x.claim, x.by)]
    if output_format(fmt, TABLE_OR_JSON, what="a claim cluster") is Format.json:
        body = {**json_ready(cluster), "support": cluster.support, "reports": cluster.reports}
        typer.echo(json.dumps({**body, "contradictions": json_ready(against)}, indent=2))
        return
    typer.echo(f"{cluster.id}  [{cluster.polarity}]  {cluster.label}")
    typer.echo(
        f"support: {cluster.support} independent original source(s): "
        f"{', '.join(cluster.original_sources) or '-'}"
    )
    typer.echo(f"credibility: {cluster.credibility}  ({'; '.join(cluster.credibility_reasons)})")
    typer.echo(
        f"first reported: {_when(cluster.first_reported)}; outlets: {', '.join(cluster.outlets)}"
    )
    for member in cluster.members:
        chain = " -> ".join(f"{s.name} ({s.via})" for s in member.chain)
        copy = f"  [near-copy of {member.syndicated_copy_of}]" if member.syndicated_copy_of else ""
        typer.echo(f"  {_when(member.published)}  {chain}{copy}")
        typer.echo(f"      {member.content_text}")
    for item in against:
        role = "contradicted by" if item.claim == cluster.id else "contradicts"
        other = item.by if item.claim == cluster.id else item.claim
        typer.echo(f"  {item.kind}: {role} {other}: {item.explanation}")


def estimates_command(
    topic: Annotated[
        str | None, typer.Argument(help="Part of a topic, e.g. 'troops in Russia'.")
    ] = None,
    db: DbOption = "claimgraph.db",
    fmt: FormatOption = Format.auto,
) -> None:
    """Estimate series: each distinct figure once, with its source, first report and documents.

    Example: claimgraph estimates "troops in Russia" --format json
    """
    from claimgraph.resolve import read
    from claimgraph.store import open_store

    with open_store(db, create=False) as store:
        series = read.estimate_series(store, topic)
    if output_format(fmt, TABLE_OR_JSON, what="estimate series") is Format.json:
        typer.echo(json.dumps([series_json(s) for s in series], indent=2, ensure_ascii=False))
        return
    if not series:
        typer.echo("(nothing found)")
    for item in series:
        typer.echo(f"\n{item.topic}  ({item.unit})")
        for point in item.points:
            typer.echo(
                f"  {_when(point.first_reported)}  {point.text or point.value:>22}  "
                f"{point.modality:<10} {point.source_name or point.source or '?'}  "
                f"<- {', '.join(point.outlets)}"
            )


def contradictions_command(
    db: DbOption = "claimgraph.db",
    fmt: FormatOption = Format.auto,
    by_topic: Annotated[
        bool,
        typer.Option(
            "--by-topic",
            help="Figure disputes only, one per topic: every source's figure once, earliest first.",
        ),
    ] = False,
) -> None:
    """List contradictions: denials and incompatible figures, each against the claim it hits.

    Example: claimgraph contradictions --format table
    """
    from claimgraph.resolve import read
    from claimgraph.resolve.sides import figure_disputes, named_contradictions, side_text
    from claimgraph.store import open_store

    with open_store(db, create=False) as store:
        found = read.contradictions(store)
        named = named_contradictions(store, found, "figures" if by_topic else None)
    as_json = output_format(fmt, TABLE_OR_JSON, what="a contradictions listing") is Format.json
    if by_topic:
        disputes = figure_disputes(named)
        if as_json:
            typer.echo(json.dumps(json_ready([d.as_dict() for d in disputes]), indent=2))
            return
        for dispute in disputes:
            typer.echo(f"{dispute.topic}: {dispute.sources} source(s) disagree")
            for side in dispute.positions:
                typer.echo(
                    f"  {_when(side.published)}  {', '.join(side.figures) or '?':>22}  "
                    f"{side.source_name or '?'}  <- {side.outlet or '?'}"
                )
        return
    if as_json:
        typer.echo(json.dumps(json_ready(named), indent=2, ensure_ascii=False))
        return
    for item in named:
        typer.echo(f"{item.kind}: {item.explanation}")
        typer.echo(f"    claim {item.claim.cluster}: {side_text(item.claim)[:160]}")
        typer.echo(f"    by    {item.by.cluster}: {side_text(item.by)[:160]}")


# -- helpers for the core commands ------------------------------------------------------------


def series_json(series: Any) -> dict[str, Any]:
    """The `estimates --format json` shape: {topic, unit, points: [{value, low, high, ...}]}."""
    return {
        "topic": series.topic,
        "key": series.key,
        "unit": series.unit,
        "points": [
            {
                "value": p.value,
                "low": p.low,
                "high": p.high,
                "qualifier": p.qualifier,
                "modality": p.modality,
                "source": p.source,
                "source_name": p.source_name,
                "first_reported": p.first_reported.isoformat() if p.first_reported else None,
                "documents": list(p.documents),
                "outlets": list(p.outlets),
                "text": p.text,
                "cluster": p.cluster,
            }
            for p in series.points
        ],
    }


def cluster_rows(
    store: Any, source: str | None, search: str | None, limit: int | None
) -> list[dict[str, str]]:
    """Rows of `claims --cluster`: one per cluster, most independently supported first."""
    from claimgraph.resolve import read
    from claimgraph.resolve.admiralty import credibility_label
    from claimgraph.resolve.sides import disputed_by

    found = read.clusters(store, source=source, search=search, limit=limit)
    disputes = disputed_by(store, read.contradictions(store), [c.id for c in found])
    return [
        {
            "cluster": c.id,
            "claim": c.label,
            "polarity": c.polarity,
            "support": str(c.support),
            "sources": ", ".join(c.original_sources),
            "credibility": credibility_label(c.credibility),
            "reports": str(c.reports),
            "outlets": ", ".join(c.outlets),
            "first": _when(c.first_reported),
            "disputed by": "; ".join(disputes.get(c.id, ())),
        }
        for c in found
    ]


def clusters_json(store: Any, source: str | None, search: str | None, limit: int | None) -> str:
    from claimgraph.resolve import read

    found = read.clusters(store, source=source, search=search, limit=limit)
    return json.dumps(
        [{**json_ready(c), "support": c.support, "reports": c.reports} for c in found],
        indent=2,
        ensure_ascii=False,
    )


def edit_sources(store: Any, action: str, ids: list[str]) -> str:
    """`sources merge A B` (A becomes B) or `sources split A`; then a full resolve, so it sticks."""
    from claimgraph.store import resolved as db

    if action == "merge" and len(ids) == 2:
        kind, source_id, into = "merge", ids[0], ids[1]
    elif action == "split" and len(ids) == 1:
        kind, source_id, into = "split", ids[0], None
    else:
        raise InputError(
            f"cannot {action} {' '.join(ids)!r}",
            hint="use `claimgraph sources merge A B` or `claimgraph sources split A`",
            code="CG133",
        )
    known = {row.id for row in store.sources()}
    for name in (source_id, into):
        if name is not None and name not in known:
            raise NotFound(f"no source with id {name!r}", hint="list ids with `claimgraph sources`")
    with db.writing(store.engine) as conn:
        db.add_edit(conn, kind, source_id, into)
    run_resolve(store, full=True)
    return f"{source_id} merged into {into}" if into else f"{source_id} kept apart"


def edit_claims(store: Any, action: str, ids: list[str]) -> str:
    """`claims merge A B` (one claim from now on) or `claims split A` (a claim of its own);
    the library keeps them and replays them on every resolve."""
    from claimgraph.resolve.corrections import merge_clusters, split_claim

    if action == "merge" and len(ids) == 2:
        return f"merged into cluster {merge_clusters(store, ids[0], ids[1])}"
    if action == "split" and len(ids) == 1:
        return "split into " + ", ".join(split_claim(store, ids[0]))
    raise InputError(
        f"cannot {action} {' '.join(ids)!r}",
        hint="use `claimgraph claims merge A B` or `claimgraph claims split A` "
        "(cluster or claim ids from `claimgraph claims --cluster`)",
        code="CG137",
    )


def _when(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment else "-"
