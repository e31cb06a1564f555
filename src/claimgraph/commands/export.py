"""`claimgraph export`: the store as JSON, JSON Lines, CSV, Parquet, STIX 2.1 or GraphML."""

import sys
from pathlib import Path
from typing import Annotated

import typer


def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="json, jsonl, csv, parquet, stix or graphml.")
    ],
    db: Annotated[
        str, typer.Option("--db", envvar="CLAIMGRAPH_DB", help="SQLite file or database URL.")
    ] = "claimgraph.db",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="File to write (a folder for parquet); stdout if none."),
    ] = None,
    source: Annotated[str | None, typer.Option(help="Source id, name or alias (e.g. NIS).")] = None,
    certainty: Annotated[
        str | None, typer.Option(help="certain, probable, possible or unknown.")
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Words in the claim or its source.")
    ] = None,
    anonymous: Annotated[
        bool | None, typer.Option("--anonymous/--named", help="Only anonymous (or named) sources.")
    ] = None,
) -> None:
    """Export stored claims with their sources, documents, clusters and contradictions (streamed).

    Example: claimgraph export --db claimgraph.db --format stix --out claims.stix.json
    """
    from claimgraph.export.formats import export_format, write_path, write_stream
    from claimgraph.export.tables import ExportFilters
    from claimgraph.store import open_store

    chosen = export_format(fmt)
    filters = ExportFilters(source, certainty, search, anonymous)
    with open_store(db, create=False) as store:
        if out is None:
            write_stream(store, chosen, sys.stdout, filters)
            return
        written = write_path(store, chosen, out, filters)
    what = written.get("rows") or f"{written['claims']} claim(s)"
    typer.echo(f"Wrote {what} to {written['path']}", err=True)


def register(app: typer.Typer) -> None:
    app.command()(export)
