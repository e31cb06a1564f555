"""The `claimgraph` command: thin wrappers over the library, one per job."""

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from claimgraph.commands.options import (
    AliasesOption,
    AllowPrivateOption,
    AnonymousOption,
    CertaintyOption,
    DbOption,
    Format,
    FormatOption,
    LimitOption,
    PublishedOption,
    SearchOption,
    SourceOption,
    WorkersOption,
    output_format,
    refuse_with,
)
from claimgraph.commands.terminal import Progress, print_table, stderr, summarise_failures
from claimgraph.engine import EngineName
from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.settings import Settings

# spaCy, SQLAlchemy and numpy are imported inside the commands that need them, so that
# `claimgraph --help` starts at once (bench/cli_startup.py measures it).

app = typer.Typer(
    help="Who claims what, in news coverage of security stories.", no_args_is_help=True
)
eval_app = typer.Typer(help="Measure extraction against annotated corpora.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@app.command()
def extract(
    source: Annotated[
        str | None, typer.Argument(help="An article file (text or HTML), or '-' for stdin.")
    ] = None,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="Read JSON Lines {id, text, published?}.")
    ] = None,
    fmt: FormatOption = Format.auto,
    published: PublishedOption = None,
    aliases: AliasesOption = None,
    workers: WorkersOption = 0,
    encoding: Annotated[str | None, typer.Option(help="Text encoding of the file.")] = None,
) -> None:
    """Extract attributed claims, numbers, places and dates from one article (or many, --jsonl).

    Example: claimgraph extract examples/article.txt --format json
    """
    from claimgraph.export.json import analysis_dict
    from claimgraph.export.rows import claim_rows_of
    from claimgraph.ingest.text import decode, document_from_text, read_document
    from claimgraph.runner import pipeline

    settings = Settings.from_env(aliases=aliases)
    if jsonl is not None:
        _extract_jsonl(jsonl, settings, workers, published, encoding)
        return
    if source is None:
        raise InputError("give an article file, '-' for stdin, or --jsonl FILE", code="CG108")
    if source == "-":
        document = document_from_text(
            decode(sys.stdin.buffer.read(), "stdin", encoding), published=published
        )
    else:
        document = read_document(source, published=published, encoding=encoding)
    analysis = pipeline(settings).analyse(document)
    fmt = output_format(fmt, what="an extraction")
    if fmt is Format.table:
        print_table(claim_rows_of(analysis), title=document.title or source)
    elif fmt is Format.csv:
        from claimgraph.export.csv_text import csv_text

        typer.echo(csv_text(claim_rows_of(analysis)), nl=False)
    else:
        indent = None if fmt is Format.jsonl else 2
        typer.echo(json.dumps(analysis_dict(analysis), ensure_ascii=False, indent=indent))


def _extract_jsonl(
    path: Path, settings: Settings, workers: int, published: str | None, encoding: str | None
) -> None:
    """One JSON result per input line, in order, plus the input's own id; exit 1 if any failed."""
    from claimgraph.export.json import analysis_dict
    from claimgraph.runner import Failure, analyse_jsonl, default_workers

    results = analyse_jsonl(
        path, settings, published=published, encoding=encoding, workers=workers or default_workers()
    )
    total = _count_lines(path)
    failures: list[tuple[str, Any]] = []
    with Progress(total) as progress:
        for result in results:
            key, outcome = result.key, result.outcome
            if isinstance(outcome, Failure):
                failures.append((key, outcome))
                error = {"code": outcome.code, "message": outcome.message}
                typer.echo(json.dumps({"id": key, "error": error}, ensure_ascii=False))
            else:
                typer.echo(json.dumps({"id": key, **analysis_dict(outcome)}, ensure_ascii=False))
            progress.advance()
    summarise_failures(failures, total)
    if failures:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders (with metadata.jsonl), .jsonl or .csv files, URLs."),
    ],
    db: DbOption = "claimgraph.db",
    published: PublishedOption = None,
    aliases: AliasesOption = None,
    workers: WorkersOption = 0,
    encoding: Annotated[str | None, typer.Option(help="Text encoding of the files.")] = None,
    engine: Annotated[
        EngineName, typer.Option(help="local: processes here; dask: a Dask cluster.")
    ] = EngineName.local,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler tcp://HOST:PORT; none starts a local cluster."),
    ] = None,
    allow_private: AllowPrivateOption = False,
    text_column: Annotated[str, typer.Option(help="CSV: column with the article.")] = "text",
    url_column: Annotated[str | None, typer.Option(help="CSV: column with the URL.")] = None,
    date_column: Annotated[str | None, typer.Option(help="CSV: publication date column.")] = None,
    outlet_column: Annotated[str | None, typer.Option(help="CSV: outlet column.")] = None,
) -> None:
    """Analyse documents and store them; documents already stored are skipped, so a re-run resumes.

    Also takes page and feed URLs (each feed item's page is fetched) and CSV files.

    Example: claimgraph ingest examples/nk-troops --db claimgraph.db
    """
    from claimgraph.ingest.csv_in import CsvColumns
    from claimgraph.ingest.fetch import FetchOptions
    from claimgraph.runner import plan_ingest, run_ingest
    from claimgraph.store import open_store

    settings = Settings.from_env(aliases=aliases)
    columns = CsvColumns(text_column, url_column, date_column, outlet_column)
    fetching = FetchOptions(allow_private=allow_private)
    with open_store(db) as store:
        plan = plan_ingest(
            paths,
            store,
            published=published,
            encoding=encoding,
            fetch=fetching,
            csv_columns=columns,
        )
        with Progress(len(plan.todo)) as progress:
            report = run_ingest(
                plan,
                store,
                settings,
                engine=engine,
                workers=workers,
                scheduler=scheduler,
                advance=progress.advance,
            )
        failures = [(failure.name, failure) for failure in report.failures]
        stderr().print(
            f"Stored {report.saved} new document(s) in {store.url}; {report.already_stored} "
            f"already there; {len(failures)} failed.",
            soft_wrap=True,
        )
        summarise_failures(failures, report.analysed)
        from claimgraph.commands.resolve import run_resolve

        resolved = run_resolve(store)
        stderr().print(
            f"Resolved {resolved.documents} document(s): {resolved.new_clusters} new claim "
            f"cluster(s), {resolved.contradictions} contradiction(s).",
            soft_wrap=True,
        )
        if resolved.order_note:
            stderr().print(resolved.order_note, soft_wrap=True)
    if report.nothing_done:
        raise typer.Exit(1)  # bad inputs beside good ones are reported above, not fatal


@app.command()
def claims(
    action: Annotated[
        str | None,
        typer.Argument(help="merge A B (one claim from now on) or split A; none: list."),
    ] = None,
    ids: Annotated[list[str] | None, typer.Argument(help="Cluster or claim ids.")] = None,
    db: DbOption = "claimgraph.db",
    source: SourceOption = None,
    certainty: CertaintyOption = None,
    search: SearchOption = None,
    anonymous: AnonymousOption = None,
    limit: LimitOption = None,
    cluster: Annotated[
        bool, typer.Option("--cluster", help="One row per claim cluster across documents.")
    ] = False,
    fmt: FormatOption = Format.auto,
) -> None:
    """List stored claims, filtered by source, certainty, anonymity and words.

    The id column is what `claimgraph claim ID` takes. `claims merge A B` makes two claim
    clusters one, `claims split A` takes a claim (or every claim of a cluster) out on its own;
    both are kept in the store and applied on every resolve.

    Example: claimgraph claims --source NIS --format table
    """
    from claimgraph.export.rows import to_csv, to_json_list
    from claimgraph.store import open_store

    if action is not None:
        from claimgraph.commands.resolve import edit_claims

        with open_store(db, create=False) as store:
            stderr().print(edit_claims(store, action, ids or []), soft_wrap=True)
        return

    if cluster:
        _claim_clusters(db, source, search, limit, fmt, certainty=certainty, anonymous=anonymous)
        return
    fmt = output_format(fmt, (Format.table, Format.json, Format.csv), what="a claims listing")
    with open_store(db, create=False) as store:
        rows = store.claims(
            source=source, certainty=certainty, search=search, anonymous=anonymous, limit=limit
        )
    if fmt is Format.table:
        print_table(
            [
                {
                    "id": r.id,
                    "source": r.source_name or r.source_text or "",
                    "cue": r.cue_text or "",
                    "content": r.content_text,
                    "certainty": r.certainty,
                    "polarity": r.polarity + (" (negated)" if r.negated else ""),
                    "hedges": ", ".join(r.hedges),
                    "anonymous": "yes" if r.anonymous else "",
                    "channel": r.channel_text or "",
                    "outlet": r.outlet or "",
                    "published": r.published.date().isoformat() if r.published else "",
                }
                for r in rows
            ],
            title=f"{len(rows)} claim(s)",
        )
    elif fmt is Format.csv:
        typer.echo(to_csv(rows), nl=False)
    else:
        typer.echo(to_json_list(rows))


def _flag(name: str, value: object) -> str:
    return "--named" if name == "anonymous" and value is False else f"--{name}"


def _claim_clusters(
    db: str,
    source: str | None,
    search: str | None,
    limit: int | None,
    fmt: Format,
    **unusable: object,
) -> None:
    """`claims --cluster`: clusters have no certainty or anonymity of their own, so those
    filters are refused rather than ignored."""
    from claimgraph.commands.resolve import cluster_rows, clusters_json
    from claimgraph.export.csv_text import csv_text
    from claimgraph.store import open_store

    refuse_with("--cluster", {_flag(name, value): value for name, value in unusable.items()})
    fmt = output_format(fmt, (Format.table, Format.json, Format.csv), what="a cluster listing")
    with open_store(db, create=False) as store:
        if fmt is Format.json:
            typer.echo(clusters_json(store, source, search, limit))
            return
        found = cluster_rows(store, source, search, limit)
    if fmt is Format.csv:
        typer.echo(csv_text(found), nl=False)
    else:
        print_table(found, title=f"{len(found)} claim cluster(s)", whole=("cluster",))


@app.command()
def sources(
    action: Annotated[
        str | None, typer.Argument(help="merge A B (A becomes B) or split A; none: list.")
    ] = None,
    ids: Annotated[list[str] | None, typer.Argument(help="Source ids.")] = None,
    db: DbOption = "claimgraph.db",
    fmt: FormatOption = Format.auto,
) -> None:
    """List stored sources with their aliases, parent body, grade and how often they are cited.

    `sources merge A B` makes A the same source as B, `sources split A` undoes merges of A;
    both are kept in the store and applied on every resolve.

    Example: claimgraph sources --format table
    """
    from claimgraph.commands.resolve import edit_sources
    from claimgraph.export.rows import to_csv, to_json_list
    from claimgraph.resolve.read import grades_by_source
    from claimgraph.store import open_store

    if action is None:
        fmt = output_format(fmt, (Format.table, Format.json, Format.csv), what="a sources listing")
    with open_store(db, create=False) as store:
        if action is not None:
            stderr().print(edit_sources(store, action, ids or []), soft_wrap=True)
            return
        rows = store.sources()
        graded = grades_by_source(store)
    if fmt is Format.table:
        print_table(
            [
                {
                    "id": r.id,
                    "name": r.name,
                    "type": r.type,
                    "country": r.country or "",
                    "parent": r.parent or "",
                    "wikidata": r.wikidata or "",
                    "claims": str(r.claims),
                    "documents": str(r.documents),
                    "aliases": ", ".join(r.aliases[:4]) + (" …" if len(r.aliases) > 4 else ""),
                    "grade": graded[r.id].reliability if r.id in graded else "F",
                    "why": "; ".join(graded[r.id].reasons) if r.id in graded else "not graded",
                }
                for r in rows
            ],
            title=f"{len(rows)} source(s)",
        )
    elif fmt is Format.csv:
        typer.echo(to_csv(rows), nl=False)
    else:
        from claimgraph.export.json_values import json_ready

        listed = json.loads(to_json_list(rows))
        for row in listed:
            grade = graded.get(row["id"])
            row["reliability"] = grade.reliability if grade else "F"
            row["reliability_reasons"] = json_ready(grade.reasons) if grade else ["not graded"]
        typer.echo(json.dumps(listed, indent=2, ensure_ascii=False))


@eval_app.command("polnear")
def eval_polnear(
    split: Annotated[str, typer.Option(help="train or dev.")] = "dev",
    data: Annotated[
        Path | None, typer.Option(help="Folder with PolNeAR {train,dev}.jsonl.")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N articles.")] = None,
    workers: WorkersOption = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    predictor: Annotated[
        str,
        typer.Option(
            help="rules (the pipeline as extract runs it; CLAIMGRAPH_TAGGER=hybrid or encoder "
            "scores those modes), model (the trained tagger), hybrid, encoder (the fine-tuned "
            "MiniLM) or encoder-rules (its cues and content, the rules' source)."
        ),
    ] = "rules",
) -> None:
    """Score attribution extraction on PolNeAR (exact and soft P/R/F1 per role).

    Example: claimgraph eval polnear --split dev --predictor hybrid
    """
    from claimgraph.evaluate import polnear
    from claimgraph.evaluate.scoring import format_report
    from claimgraph.ingest.polnear import data_dir

    predictors = {
        "rules": polnear.claimgraph_predictor,
        "model": polnear.model_predictor,
        "hybrid": polnear.hybrid_predictor,
        "encoder": polnear.encoder_predictor,
        "encoder-rules": polnear.encoder_rules_predictor,
    }
    if predictor not in predictors:
        raise InputError(
            f"unknown predictor {predictor!r}", hint=", ".join(predictors), code="CG114"
        )
    report = polnear.evaluate_polnear(
        split, data_dir(data), predictors[predictor](), limit=limit, workers=workers
    )
    typer.echo(json.dumps(report.figures(), indent=2) if as_json else format_report(report))


# -- helpers ------------------------------------------------------------------------------------


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as stream:
            return sum(1 for line in stream if line.strip())
    except OSError as error:
        raise InputError(f"cannot read {str(path)!r}: {error.strerror}", code="CG107") from None


def main() -> None:
    """Entry point: a ClaimgraphError becomes a one-line message, a hint and exit status 1."""
    try:
        app()
    except ClaimgraphError as error:
        # soft_wrap: one line per message even when stderr is a pipe (rich wraps at 80 there).
        stderr().print(
            f"Error [{error.code}]: {error.message}", highlight=False, markup=False, soft_wrap=True
        )
        if error.hint:
            stderr().print(f"Hint: {error.hint}", highlight=False, markup=False, soft_wrap=True)
        raise SystemExit(1) from None


# Commands that live in their own modules (claimgraph/commands/*.py) register themselves here,
# after the shared options above exist.
from claimgraph.commands import load_commands  # noqa: E402

load_commands(app)
