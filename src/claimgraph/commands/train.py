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
    encoder: Annotated[
        bool,
        typer.Option(help="Fine-tune the MiniLM encoder tagger instead (needs the train extra)."),
    ] = False,
    work: Annotated[
        Path, typer.Option(help="Encoder: checkpoints and train.log; a re-run resumes here.")
    ] = Path("build/encoder"),
    epochs: Annotated[float, typer.Option(help="Encoder: passes over the train split.")] = 3.0,
    minutes: Annotated[
        float | None, typer.Option(help="Encoder: wall-clock budget; the schedule shrinks to fit.")
    ] = 80.0,
    device: Annotated[
        str, typer.Option(help="Encoder: torch device to train on (cpu, or cuda where lent).")
    ] = "cpu",
    split: Annotated[
        int, typer.Option(help="Encoder: shared layers; the layers above are the role branch.")
    ] = 5,
) -> None:
    """Train the cue and role CRFs on the PolNeAR train split (about 6 minutes on one core).

    With --encoder: fine-tune all-MiniLM-L6-v2 on 2 threads (about 30 minutes on a quiet 2-core
    machine, resumable), then export and quantize it to the packaged ONNX model
    (learn/models/encoder/MODEL_CARD.md).

    Example: claimgraph train polnear --data ../shared/data/polnear --out /tmp/tagger
    """
    from claimgraph.ingest.polnear import data_dir

    if encoder:
        from claimgraph.learn.encoder.infer import MODEL_DIR
        from claimgraph.learn.encoder.train import EncoderSettings, train_and_export

        settings = EncoderSettings(epochs=epochs, minutes=minutes, device=device, split=split)
        meta = train_and_export(work, out or MODEL_DIR, settings, data_dir(data))
        typer.echo(json.dumps(meta, indent=2))
        return
    from claimgraph.learn.train import train_polnear as train
    from claimgraph.nlp import model

    meta = train(model.load(), data_dir(data), out, cache)
    typer.echo(json.dumps(meta, indent=2))


def register(app: typer.Typer) -> None:
    app.add_typer(train_app, name="train")
