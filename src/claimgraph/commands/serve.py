"""`claimgraph serve`: the REST API and the web UI over a store, on 127.0.0.1 by default."""

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
) -> None:
    """Serve the REST API (/api, docs at /docs) and the web UI over a store.

    Example: claimgraph serve --db claimgraph.db --port 8000
    """
    try:
        import uvicorn

        from claimgraph.api import create_app
    except ImportError as error:
        raise MissingExtra(
            f"'serve' needs extra packages ({error.name} is missing)",
            hint="pip install 'claimgraph[web]'",
        ) from None
    from claimgraph.settings import Settings

    app = create_app(db, settings=Settings(allow_private=allow_private))
    typer.echo(
        f"claimgraph is serving {app.state.store.url} on http://{host}:{port}  (API docs: http://{host}:{port}/docs; Ctrl+C stops)"
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command()(serve)
