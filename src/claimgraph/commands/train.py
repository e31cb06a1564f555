"""`claimgraph train polnear`: retrain the attribution tagger's weights from PolNeAR."""

import json
from pathlib import Path
from typing import Annotated

import typer

train_app = typer.Typer(help="Retrain the statistical models.", no_args_is_help=True)


@train_app.command("polnear")
def train_polnear(
    data: Annotated[
        Path | None, typer.Option(help="Folder with PolNeAR {train,dev}.jsonl.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the weights (default: the packaged ones).")
    ] = None,
    cache: Annotated[
        Path | None, typer.Option(help="Folder to cache the parsed corpus in (a DocBin).")
    ] = None,
) -> None:
    """Train the cue and role CRFs on the PolNeAR train split (about 6 minutes on one core).

    Example: claimgraph train polnear --data ../shared/data/polnear --out /tmp/tagger
    """
    from claimgraph.ingest.polnear import data_dir
    from claimgraph.learn.train import train_polnear as train
    from claimgraph.nlp import model

    meta = train(model.load(), data_dir(data), out, cache)
    typer.echo(json.dumps(meta, indent=2))


def register(app: typer.Typer) -> None:
    app.add_typer(train_app, name="train")
