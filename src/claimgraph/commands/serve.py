"""`claimgraph serve`: the REST API and the web UI over a store, on 127.0.0.1 by default."""

from pathlib import Path
from typing import Annotated

import typer

from claimgraph.commands.options import DbOption
from claimgraph.errors import MissingExtra


def serve(
    db: DbOption = "claimgraph.db",
    host: Annotated[
        str, typer.Option(help="Interface to listen on; 0.0.0.0 exposes it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port.")] = 8000,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            help="Let POST /api/documents fetch URLs on private or loopback addresses.",
        ),
    ] = False,
    token_file: Annotated[
        Path | None,
        typer.Option(
            help="File holding the token that writes need (or set CLAIMGRAPH_TOKEN); "
            "required on any host but loopback."
        ),
    ] = None,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Refuse every write (for publishing a store).")
    ] = False,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(help="Another Host name to answer to (e.g. a reverse proxy's name)."),
    ] = None,
) -> None:
    """Serve the REST API (/api, docs at /docs) and the web UI over a store.

    Example: claimgraph serve --db claimgraph.db --port 8000

    On any host but loopback, writes need a token: CLAIMGRAPH_TOKEN=... claimgraph serve --host 0.0.0.0
    """
    try:
        import uvicorn

        from claimgraph.api import create_app
    except ImportError as error:
        raise MissingExtra(
            f"'serve' needs extra packages ({error.name} is missing)",
            hint="pip install 'claimgraph[web]'",
        ) from None
    from claimgraph.api.access import access_for_serving
    from claimgraph.settings import Settings

    access = access_for_serving(
        host, token_file=token_file, read_only=read_only, extra_hosts=allow_host or ()
    )
    app = create_app(db, settings=Settings(allow_private=allow_private), access=access)
    typer.echo(
        f"claimgraph is serving {app.state.store.url} on http://{host}:{port}  (API docs: http://{host}:{port}/docs; Ctrl+C stops)"
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command()(serve)
