"""`claimgraph watch FEED...`: poll feeds and print the new claims, contradictions and figures."""

from typing import Annotated

import typer


def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs.")],
    db: Annotated[
        str, typer.Option("--db", envvar="CLAIMGRAPH_DB", help="SQLite file or database URL.")
    ] = "claimgraph.db",
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 10m, 1h.")] = "10m",
    max_polls: Annotated[
        int | None, typer.Option(min=1, help="Stop after this many polls (default: never).")
    ] = None,
    once: Annotated[bool, typer.Option("--once", help="Poll once and stop.")] = False,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private", help="Fetch URLs on private, loopback or link-local addresses too."
        ),
    ] = False,
) -> None:
    """Poll feeds, store new items once (remembered across restarts), resolve and report changes.

    Example: claimgraph watch https://example.org/world/rss.xml --every 10m
    """
    from claimgraph.commands.resolve import run_resolve
    from claimgraph.ingest.fetch import FetchOptions
    from claimgraph.runner import pipeline
    from claimgraph.settings import Settings
    from claimgraph.store import open_store
    from claimgraph.watch import parse_every
    from claimgraph.watch import watch as run_watch

    seconds = parse_every(every)
    analyser = pipeline(Settings.from_env())
    options = FetchOptions(allow_private=allow_private)
    with open_store(db) as store:
        reports = run_watch(
            store,
            feeds,
            analyser.analyse,
            run_resolve,
            options,
            every=seconds,
            max_polls=1 if once else max_polls,
        )
        try:
            for report in reports:
                _print(report)
        except KeyboardInterrupt:
            typer.echo("stopped", err=True)


def _print(report: object) -> None:
    from claimgraph.watch import PollReport

    assert isinstance(report, PollReport)
    typer.echo(
        f"poll {report.poll}: {len(report.stored)} new document(s), {len(report.claims)} new "
        f"claim(s), {len(report.contradictions)} new contradiction(s), "
        f"{len(report.revisions)} revised figure(s), {len(report.failures)} failure(s)"
    )
    for claim in report.claims:
        who = claim.source_name or claim.source_text or "(unnamed)"
        typer.echo(
            f"  claim: {who} {claim.cue_text or ''}: {claim.content_text} [{claim.certainty}]"
        )
    for contradiction in report.contradictions:
        typer.echo(f"  contradiction ({contradiction['kind']}): {contradiction['explanation']}")
    for revision in report.revisions:
        typer.echo(f"  revised figure, {revision.topic}: {revision.before} -> {revision.after}")
    for failure in report.failures:
        typer.echo(f"  failed: {failure.name}: [{failure.error.code}] {failure.error.message}")


def register(app: typer.Typer) -> None:
    app.command()(watch)
