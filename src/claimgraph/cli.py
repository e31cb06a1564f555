"""The `claimgraph` command: thin wrappers over the library, one per job."""

import codecs
import enum
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from claimgraph.engine import EngineName
from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.settings import Settings

app = typer.Typer(
    help="Who claims what, in news coverage of security stories.", no_args_is_help=True
)
eval_app = typer.Typer(help="Measure extraction against annotated corpora.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
stderr = Console(stderr=True)


class Format(enum.StrEnum):
    auto = "auto"
    table = "table"
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


DbOption = Annotated[
    str, typer.Option("--db", envvar="CLAIMGRAPH_DB", help="SQLite file or database URL.")
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="table in a terminal, json when piped (auto).")
]
AliasesOption = Annotated[
    Path | None,
    typer.Option("--aliases", help="Extra known sources (sources.v1.tsv columns).", exists=True),
]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date (ISO) that anchors 'on Friday'.")
]
WorkersOption = Annotated[
    int, typer.Option("--workers", "-w", min=0, help="Processes; 0 = one per core.")
]


def _resolve_format(fmt: Format) -> Format:
    if fmt is Format.auto:
        return Format.table if sys.stdout.isatty() else Format.json
    return fmt


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
    fmt = _resolve_format(fmt)
    if fmt is Format.table:
        _print_table(claim_rows_of(analysis), title=document.title or source)
    elif fmt is Format.csv:
        from claimgraph.export.rows import to_csv_dicts

        typer.echo(to_csv_dicts(claim_rows_of(analysis)), nl=False)
    else:
        indent = None if fmt is Format.jsonl else 2
        typer.echo(json.dumps(analysis_dict(analysis), ensure_ascii=False, indent=indent))


def _extract_jsonl(
    path: Path, settings: Settings, workers: int, published: str | None, encoding: str | None
) -> None:
    """One JSON result per input line, in order, plus the input's own id; exit 1 if any failed."""
    from claimgraph.export.json import analysis_dict
    from claimgraph.ingest.jsonl import read_jsonl
    from claimgraph.ingest.sources_in import InputFailure, document_of
    from claimgraph.records import Document
    from claimgraph.runner import Failure, analyse_stream, default_workers

    codec = _encoding(encoding)
    keys: list[str] = []

    def documents() -> Iterator[Document | InputFailure]:
        with _open_bytes(path) as stream:
            for record in read_jsonl(stream, codec):
                if isinstance(record, InputError):
                    keys.append(record.message.split(":")[0])
                    yield InputFailure(str(path), record)
                    continue
                keys.append(record.key)
                yield document_of(record, published, name=record.key)

    total = _count_lines(path)
    failures: list[tuple[str, Any]] = []
    with _progress(total) as (progress, task):
        for index, outcome in enumerate(
            analyse_stream(documents(), settings, workers or default_workers())
        ):
            key = keys[index]
            if isinstance(outcome, Failure):
                failures.append((key, outcome))
                typer.echo(
                    json.dumps(
                        {"id": key, "error": {"code": outcome.code, "message": outcome.message}},
                        ensure_ascii=False,
                    )
                )
            else:
                typer.echo(json.dumps({"id": key, **analysis_dict(outcome)}, ensure_ascii=False))
            progress.advance(task)
    _summarise_failures(failures, total)
    if failures:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (with metadata.jsonl) or .jsonl files.")
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
) -> None:
    """Analyse documents and store them; documents already stored are skipped, so a re-run resumes.

    Example: claimgraph ingest examples/nk-troops --db claimgraph.db
    """
    from claimgraph.engine import outcomes
    from claimgraph.ingest.sources_in import expand
    from claimgraph.records import Document
    from claimgraph.runner import Failure
    from claimgraph.store import open_store

    settings = Settings.from_env(aliases=aliases)
    with open_store(db) as store:
        items = list(expand(paths, published=published, encoding=encoding))
        ids = [item.id for item in items if isinstance(item, Document)]
        done = store.stored_ids(ids)
        todo = [item for item in items if not (isinstance(item, Document) and item.id in done)]
        saved = 0
        failures: list[tuple[str, Any]] = []
        with (
            _progress(len(todo)) as (progress, task),
            outcomes(todo, settings, engine=engine, workers=workers, scheduler=scheduler) as stream,
        ):
            for outcome in stream:
                if isinstance(outcome, Failure):
                    failures.append((outcome.name, outcome))
                    store.record_failure(
                        ClaimgraphError(outcome.message, code=outcome.code),
                        document_id=outcome.document_id,
                        input_name=outcome.name,
                    )
                elif store.save(outcome):
                    saved += 1
                progress.advance(task)
                del outcome
        stderr.print(
            f"Stored {saved} new document(s) in {store.url}; {len(done)} already there; "
            f"{len(failures)} failed.",
            soft_wrap=True,
        )
        _summarise_failures(failures, len(todo))
        from claimgraph.commands.resolve import run_resolve

        report = run_resolve(store)
        stderr.print(
            f"Resolved {report.documents} document(s): {report.new_clusters} new claim "
            f"cluster(s), {report.contradictions} contradiction(s).",
            soft_wrap=True,
        )
    if failures:
        raise typer.Exit(1)


@app.command()
def claims(
    db: DbOption = "claimgraph.db",
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
    limit: Annotated[int | None, typer.Option(help="At most this many claims.")] = None,
    cluster: Annotated[
        bool, typer.Option("--cluster", help="One row per claim cluster across documents.")
    ] = False,
    fmt: FormatOption = Format.auto,
) -> None:
    """List stored claims, filtered by source, certainty, anonymity and words.

    Example: claimgraph claims --source NIS --format table
    """
    from claimgraph.export.rows import to_csv, to_json_list
    from claimgraph.store import open_store

    if cluster:
        from claimgraph.commands.resolve import cluster_rows, clusters_json

        with open_store(_existing_db(db)) as store:
            if _resolve_format(fmt) is Format.table:
                found = cluster_rows(store, source, search, limit)
                _print_table(found, title=f"{len(found)} claim cluster(s)")
            else:
                typer.echo(clusters_json(store, source, search, limit))
        return
    with open_store(_existing_db(db)) as store:
        rows = store.claims(
            source=source, certainty=certainty, search=search, anonymous=anonymous, limit=limit
        )
    fmt = _resolve_format(fmt)
    if fmt is Format.table:
        _print_table(
            [
                {
                    "source": r.source_name or r.source_text or "",
                    "cue": r.cue_text or "",
                    "content": r.content_text,
                    "certainty": r.certainty,
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
    from claimgraph.commands.resolve import edit_sources, grades_by_source
    from claimgraph.export.rows import to_csv, to_json_list
    from claimgraph.store import open_store

    with open_store(_existing_db(db)) as store:
        if action is not None:
            stderr.print(edit_sources(store, action, ids or []), soft_wrap=True)
            return
        rows = store.sources()
        graded = grades_by_source(store)
    fmt = _resolve_format(fmt)
    if fmt is Format.table:
        _print_table(
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
        from claimgraph.commands.resolve import jsonable

        listed = json.loads(to_json_list(rows))
        for row in listed:
            grade = graded.get(row["id"])
            row["reliability"] = grade.reliability if grade else "F"
            row["reliability_reasons"] = jsonable(grade.reasons) if grade else ["not graded"]
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
            help="rules (the default pipeline), model (the trained tagger), hybrid, "
            "encoder (the fine-tuned MiniLM) or encoder-rules (its cues, the rules' spans)."
        ),
    ] = "rules",
) -> None:
    """Score attribution extraction on PolNeAR (exact and soft P/R/F1 per role).

    Example: claimgraph eval polnear --split dev --predictor hybrid
    """
    from claimgraph.evaluate import polnear
    from claimgraph.evaluate.scoring import format_report

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
        split, polnear.data_dir(data), predictors[predictor](), limit=limit, workers=workers
    )
    typer.echo(json.dumps(report.figures(), indent=2) if as_json else format_report(report))


# -- helpers ------------------------------------------------------------------------------------


def _existing_db(db: str) -> str:
    """Reading commands refuse a missing SQLite file instead of creating an empty one."""
    path = db.removeprefix("sqlite:///")
    if ("://" not in path and path not in {"", ":memory:"}) and not Path(path).exists():
        raise InputError(
            f"no database at {db!r}",
            hint="run `claimgraph ingest FILES --db ...` first",
            code="CG109",
        )
    return db


def _print_table(rows: list[dict[str, str]], title: str | None = None) -> None:
    console = Console(width=None if sys.stdout.isatty() else 160)
    if not rows:
        console.print("(nothing found)")
        return
    table = Table(title=title, show_lines=True, expand=True)
    for column in rows[0]:
        table.add_column(column, overflow="fold", ratio=4 if column == "content" else 1)
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    console.print(table)


class _progress:
    """A progress bar on stderr: count, rate and time left."""

    def __init__(self, total: int | None) -> None:
        self.bar = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=stderr,
            transient=False,
            disable=total is not None and total <= 1,
        )
        self.total = total

    def __enter__(self) -> tuple[Progress, Any]:
        self.bar.start()
        task = self.bar.add_task("analysing", total=self.total, rate="")
        original = self.bar.advance

        def advance(task_id: Any, steps: float = 1) -> None:
            original(task_id, steps)
            speed = self.bar.tasks[0].speed
            self.bar.update(task_id, rate=f"{speed:.1f} docs/s" if speed else "")

        self.bar.advance = advance  # type: ignore[method-assign]
        return self.bar, task

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()


def _summarise_failures(failures: list[tuple[str, Any]], total: int) -> None:
    if not failures:
        return
    stderr.print(f"[bold red]{len(failures)} of {total} input(s) failed:[/]", soft_wrap=True)
    for name, failure in failures[:20]:
        stderr.print(f"  {name}: [{failure.code}] {failure.message}", markup=False, soft_wrap=True)
    if len(failures) > 20:
        stderr.print(f"  ... and {len(failures) - 20} more")


def _encoding(encoding: str | None) -> str:
    """The codec's name; an unknown one is refused before any line is read."""
    try:
        return codecs.lookup(encoding or "utf-8").name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", code="CG103") from None


def _open_bytes(path: Path) -> Any:
    try:
        return path.open("rb")
    except OSError as error:
        raise InputError(f"cannot read {str(path)!r}: {error.strerror}", code="CG107") from None


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
        stderr.print(
            f"Error [{error.code}]: {error.message}", highlight=False, markup=False, soft_wrap=True
        )
        if error.hint:
            stderr.print(f"Hint: {error.hint}", highlight=False, markup=False, soft_wrap=True)
        raise SystemExit(1) from None


# Commands that live in their own modules (claimgraph/commands/*.py) register themselves here,
# after the shared options above exist.
from claimgraph.commands import load_commands  # noqa: E402

load_commands(app)
