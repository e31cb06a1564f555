"""A fine-tuned MiniLM attribution tagger: cues, then each cue's source and content.

Inference (`infer.py`) needs only onnxruntime, numpy and the `tokenizers` wheel; training and
export (`model.py`, `train.py`, `export.py`) need torch from the `train` extra.
"""
