"""Export a trained tagger to two ONNX graphs and quantize them to int8 (needs torch and onnx).

Needs: `tagger.pt` from train.py.  Returns: a folder that `infer.EncoderTagger` loads:
encode.onnx (ids, mask -> cue logits, shared hidden states), roles.onnx (hidden, mask, cue
markers -> source/content logits per cue), tokenizer.json and meta.json.  Dynamic int8
quantization of the matrix products and the embedding table makes the pair about four times
smaller and faster on CPU, for a small loss measured on dev (see the model card).
"""

import json
import shutil
import warnings
from pathlib import Path

import torch
from torch import nn

from claimgraph.learn.encoder.infer import ENCODE_FILE, META_FILE, ROLES_FILE, TOKENIZER_FILE
from claimgraph.learn.encoder.model import Tagger


class _Encode(nn.Module):
    def __init__(self, tagger: Tagger) -> None:
        super().__init__()
        self.tagger = tagger

    def forward(self, ids: torch.Tensor, mask: torch.Tensor):
        hidden = self.tagger.encode(ids, mask)
        return self.tagger.cues(hidden, mask), hidden


class _Roles(nn.Module):
    def __init__(self, tagger: Tagger) -> None:
        super().__init__()
        self.tagger = tagger

    def forward(self, hidden: torch.Tensor, mask: torch.Tensor, markers: torch.Tensor):
        n = markers.shape[0]
        return self.tagger.roles(hidden.expand(n, -1, -1), mask.expand(n, -1), markers)


def load(path: Path) -> Tagger:
    state = torch.load(path, weights_only=False, map_location="cpu")
    tagger = Tagger(state["config"], state["config"]["split"])
    tagger.load_state_dict(state["model"])
    return tagger.eval()


def export(
    tagger: Tagger,
    out_dir: Path,
    tokenizer: Path,
    meta: dict,
    quantize: bool = True,
) -> Path:
    """Write the two graphs (int8 when `quantize`), the tokenizer and meta.json to out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tagger = tagger.eval()
    length, hidden = 12, tagger.config["hidden_size"]
    ids = torch.ones((1, length), dtype=torch.long)
    mask = torch.ones((1, length), dtype=torch.long)
    markers = torch.zeros((2, length), dtype=torch.long)
    plain = {ENCODE_FILE: out_dir / "encode.fp32.onnx", ROLES_FILE: out_dir / "roles.fp32.onnx"}
    # The TorchScript exporter is deprecated but needs no onnxscript and traces this plain
    # model exactly; its warnings (and the tracer's) say nothing about this export.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            _Encode(tagger),
            (ids, mask),
            str(plain[ENCODE_FILE]),
            input_names=["ids", "mask"],
            output_names=["cues", "hidden"],
            dynamic_axes={
                "ids": {1: "length"},
                "mask": {1: "length"},
                "cues": {1: "length"},
                "hidden": {1: "length"},
            },
            opset_version=17,
            dynamo=False,
        )
        torch.onnx.export(
            _Roles(tagger),
            (torch.zeros((1, length, hidden)), mask, markers),
            str(plain[ROLES_FILE]),
            input_names=["hidden", "mask", "markers"],
            output_names=["roles"],
            dynamic_axes={
                "hidden": {1: "length"},
                "mask": {1: "length"},
                "markers": {0: "cues", 1: "length"},
                "roles": {0: "cues", 1: "length"},
            },
            opset_version=17,
            dynamo=False,
        )
    tagger.eval()  # the exporter can leave the module in training mode (dropout on)
    for name, path in plain.items():
        if quantize:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            quantize_dynamic(
                str(path),
                str(out_dir / name),
                weight_type=QuantType.QInt8,
                op_types_to_quantize=["MatMul", "Gather"],
            )
            path.unlink()
        else:
            path.replace(out_dir / name)
    shutil.copyfile(tokenizer, out_dir / TOKENIZER_FILE)
    meta = {**meta, "quantized": quantize}
    (out_dir / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return out_dir
