"""The encoder tagger's pieces: windows, BIO labels and decoding, training data, ONNX round trip."""

import itertools
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.learn.encoder import bio
from claimgraph.learn.encoder.data import IGNORE, items
from claimgraph.learn.encoder.infer import MODEL_DIR, TOKENIZER_FILE
from claimgraph.learn.encoder.tokens import WordPiece
from claimgraph.learn.encoder.windows import sentence_bounds, token_sentences, windows

TEXT = (
    "The convoy left at dawn. Officials said the bridge was closed.\n\n"
    "“We will not retreat,” the commander told reporters on Monday. "
    "According to the ministry, 40 trucks crossed."
)


@pytest.fixture(scope="module")
def tokenizer():
    return WordPiece(MODEL_DIR / TOKENIZER_FILE)


def test_learn_encoder_sentences_break_at_ends_and_paragraphs():
    bounds = sentence_bounds(TEXT)
    assert [TEXT[s:e] for s, e in bounds] == [
        "The convoy left at dawn.",
        "Officials said the bridge was closed.",
        "“We will not retreat,” the commander told reporters on Monday.",
        "According to the ministry, 40 trucks crossed.",
    ]


@settings(deadline=None)  # pure and quick; a loaded machine's pauses are no failure
@given(st.lists(st.integers(1, 60), min_size=1, max_size=40), st.integers(20, 80))
def test_learn_encoder_windows_tag_every_sentence_once(lengths, core_len):
    max_len = core_len + 40
    starts = np.cumsum([0, *lengths])
    sentences = token_sentences(
        [(i, i + 1) for i in range(starts[-1])],
        [(int(a), int(b)) for a, b in itertools.pairwise(starts)],
        core_len,
    )
    cut = windows(sentences, core_len, max_len)
    cores = [i for w in cut for i in range(w.core_start, w.core_end)]
    assert cores == list(range(int(starts[-1])))  # each subword in exactly one core, in order
    for w in cut:
        assert w.start <= w.core_start < w.core_end <= w.end
        assert w.end - w.start <= max(max_len, w.core_end - w.core_start)


@given(st.lists(st.sampled_from([bio.O, bio.B, bio.I]), max_size=30))
def test_learn_encoder_decode_returns_the_segments_of_a_valid_path(path):
    valid = [
        bio.B if label == bio.I and (k == 0 or path[k - 1] == bio.O) else label
        for k, label in enumerate(path)
    ]
    scores = np.log(np.full((len(valid), 3), 0.05))
    for k, label in enumerate(valid):
        scores[k, label] = np.log(0.9)
    segments = bio.decode(scores)
    rebuilt = [bio.O] * len(valid)
    for start, end in segments:
        rebuilt[start:end] = [bio.B] + [bio.I] * (end - start - 1)
    assert rebuilt == valid


def test_learn_encoder_decode_never_starts_a_segment_inside():
    scores = np.log(np.array([[0.1, 0.1, 0.8], [0.1, 0.1, 0.8], [0.8, 0.1, 0.1]]))
    assert bio.decode(scores) == [(0, 2)]  # an I after nothing is read as a B


@given(
    st.lists(
        st.tuples(*[st.integers(-3, 3)] * 3).map(lambda row: [v / 2 for v in row]),
        min_size=1,
        max_size=7,
    )
)
def test_learn_encoder_decode_finds_the_best_valid_path(rows):
    # Every valid path (no I after O or first) is scored by brute force; ties are frequent here.
    def score(path):
        return sum(rows[k][label] for k, label in enumerate(path))

    valid = [
        path
        for path in itertools.product((bio.O, bio.B, bio.I), repeat=len(rows))
        if all(label != bio.I or (k > 0 and path[k - 1] != bio.O) for k, label in enumerate(path))
    ]
    best = max(score(path) for path in valid)
    segments = bio.decode(np.array(rows))
    decoded = [bio.O] * len(rows)
    for start, end in segments:
        decoded[start:end] = [bio.B] + [bio.I] * (end - start - 1)
    assert tuple(decoded) in valid
    assert score(decoded) == pytest.approx(best)


def test_learn_encoder_training_windows_label_the_gold_spans(tokenizer):
    cue = TEXT.index("told")
    attribution = {
        "source": [[TEXT.index("the commander"), TEXT.index(" told")]],
        "cue": [[cue, cue + 4]],
        "content": [[TEXT.index("We will"), TEXT.index(",” the")]],
    }
    (item,) = items(TEXT, [attribution], [], tokenizer, core_len=128, max_len=160)
    words = [tokenizer.tokenizer.id_to_token(i) for i in item.ids]
    assert item.cue[0] == IGNORE  # [CLS]
    assert item.cue[-1] == IGNORE  # [SEP]
    assert [w for w, label in zip(words, item.cue, strict=True) if label > 0] == ["told"]
    (role,) = item.roles
    assert [w for w, m in zip(words, role.marker, strict=True) if m] == ["told"]
    assert [w for w, s in zip(words, role.source, strict=True) if s > 0] == ["the", "commander"]
    content = [w for w, c in zip(words, role.content, strict=True) if c > 0]
    assert content == ["we", "will", "not", "retreat"]


def test_learn_encoder_discarded_regions_are_not_learned(tokenizer):
    (item,) = items(TEXT, [], [[0, 24]], tokenizer, core_len=128, max_len=160)
    ignored = sum(1 for label in item.cue[1:-1] if label == IGNORE)
    assert ignored == len(tokenizer.encode(TEXT[:24]).ids)


def _log_probs(labels: str) -> np.ndarray:
    """(length, 3) log-probabilities that put 0.9 on the label written (O, B or I) per place."""
    scores = np.full((len(labels), 3), 0.05)
    for k, label in enumerate(labels):
        scores[k, "OBI".index(label)] = 0.9
    return np.log(scores)


@pytest.mark.parametrize(
    ("source", "content", "cue", "want_source", "want_content"),
    [
        # Two source segments: the nearer one to the cue wins.  Content touching the cue goes.
        ("BIOOOOOOBO", "OOOOBIOBII", (4, 5), (0, 2), [(7, 10)]),
        # Content split around the cue ("The plan, he said, will fail") keeps both pieces.
        ("OOOBOOOOOO", "BIIOOOBIII", (4, 5), (3, 4), [(0, 3), (6, 10)]),
        # Nothing above O: no source and no content.
        ("OOOOOOOOOO", "OOOOOOOOOO", (4, 5), None, []),
    ],
)
def test_learn_encoder_viterbi_roles_take_nearest_source_and_every_content_piece(
    source, content, cue, want_source, want_content
):
    from claimgraph.learn.encoder.infer import _viterbi_roles

    scores = np.stack([_log_probs(source), _log_probs(content)], axis=1)
    assert _viterbi_roles(scores, *cue) == (want_source, want_content)


@pytest.mark.parametrize(("penalty", "want_source"), [(0.0, None), (1.0, (0, 2))])
def test_learn_encoder_viterbi_roles_o_penalty_lets_an_unsure_source_through(penalty, want_source):
    from claimgraph.learn.encoder.infer import _viterbi_roles

    unsure = np.log(np.array([[0.6, 0.3, 0.1], [0.6, 0.1, 0.3]] + [[0.9, 0.05, 0.05]] * 6))
    scores = np.stack([unsure, _log_probs("OOOOOOBI")], axis=1)
    assert _viterbi_roles(scores, 4, 5, (penalty, 0.0)) == (want_source, [(6, 8)])


def _tiny(tokenizer):
    torch = pytest.importorskip("torch")
    from claimgraph.learn.encoder.model import Tagger

    torch.manual_seed(0)
    config = {
        "hidden_size": 32,
        "layer_norm_eps": 1e-12,
        "vocab_size": tokenizer.tokenizer.get_vocab_size(),
        "max_position_embeddings": 512,
        "type_vocab_size": 2,
        "num_hidden_layers": 2,
        "num_attention_heads": 4,
        "intermediate_size": 64,
    }
    return Tagger(config, split=1).eval()


@pytest.mark.parametrize("quantize", [False, True])
def test_learn_encoder_onnx_export_matches_torch(tmp_path, tokenizer, quantize):
    pytest.importorskip("onnx")
    torch = pytest.importorskip("torch")
    import onnxruntime

    from claimgraph.learn.encoder.export import export

    tagger = _tiny(tokenizer)
    ids = torch.tensor([[tokenizer.cls, *tokenizer.encode(TEXT).ids[:30], tokenizer.sep]])
    mask = torch.ones_like(ids)
    markers = torch.zeros((3, ids.shape[1]), dtype=torch.long)
    markers[1, 5:7] = 1
    markers[2, 9] = 1
    with torch.no_grad():
        hidden = tagger.encode(ids, mask)
        cues = tagger.cues(hidden, mask).numpy()
        roles = tagger.roles(hidden.expand(3, -1, -1), mask.expand(3, -1), markers).numpy()
    export(tagger, tmp_path, MODEL_DIR / TOKENIZER_FILE, {"core_len": 64, "max_len": 96}, quantize)
    encode = onnxruntime.InferenceSession(str(tmp_path / "encode.onnx"))
    role_graph = onnxruntime.InferenceSession(str(tmp_path / "roles.onnx"))
    got_cues, got_hidden = encode.run(None, {"ids": ids.numpy(), "mask": mask.numpy()})
    (got_roles,) = role_graph.run(
        None, {"hidden": got_hidden, "mask": mask.numpy(), "markers": markers.numpy()}
    )
    assert got_roles.shape == roles.shape == (3, ids.shape[1], 2, 3)
    for got, want in ((got_cues, cues), (got_roles, roles)):
        if quantize:  # int8 weights: close, not equal
            assert np.corrcoef(got.ravel(), want.ravel())[0, 1] > 0.8
            assert np.abs(got - want).mean() < 0.2
        else:
            assert np.abs(got - want).max() < 1e-4
    assert not np.allclose(got_roles[0], got_roles[1])  # the marker changes the roles


@pytest.mark.parametrize("decoding", ["stretch", "viterbi"])
def test_learn_encoder_inference_runs_without_torch(tmp_path, tokenizer, decoding):
    pytest.importorskip("onnx")
    pytest.importorskip("torch")
    from claimgraph.learn.encoder.export import export

    meta = {"core_len": 24, "max_len": 40, "role_decoding": decoding}
    export(_tiny(tokenizer), tmp_path, MODEL_DIR / TOKENIZER_FILE, meta)
    # torch is made unimportable (thinc, under spaCy, imports it when it is merely installed).
    script = (
        "import json, sys\n"
        "sys.modules['torch'] = None\n"
        "from pathlib import Path\n"
        "from claimgraph.learn.encoder.infer import EncoderTagger\n"
        f"found = EncoderTagger(Path({str(tmp_path)!r})).predict(sys.stdin.read())\n"
        "print(json.dumps({'found': found}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], input=TEXT * 3, capture_output=True, text=True, check=True
    )
    result = json.loads(run.stdout)
    for attribution in result["found"]:  # a random model finds anything, but well-formed
        assert len(attribution["cue"]) == 1
        for role in ("source", "cue", "content"):
            for start, end in attribution[role]:
                assert 0 <= start < end <= len(TEXT * 3)


def test_learn_encoder_missing_model_is_a_clear_error(tmp_path):
    from claimgraph.errors import ModelError
    from claimgraph.learn.encoder.infer import EncoderTagger

    with pytest.raises(ModelError) as caught:
        EncoderTagger(Path(tmp_path))
    assert caught.value.code == "CG700"


def test_learn_encoder_roles_lose_a_comma_at_their_edges():
    from claimgraph.learn.encoder.infer import _trimmed

    text = "Two officials, who spoke on condition of anonymity, said"
    assert text[slice(*_trimmed(text, 0, 51))] == text[:50]  # "... of anonymity"
    assert _trimmed(text, 13, 18) == [14, 18]  # ", who" opens on the comma
    assert _trimmed(",", 0, 1) == [0, 1]  # never empty


@pytest.mark.parametrize("train_embeddings", [False, True])
def test_learn_encoder_training_step_moves_only_what_is_trained(tokenizer, train_embeddings):
    torch = pytest.importorskip("torch")
    import random

    from claimgraph.learn.encoder.train import EncoderSettings, loss_of, parameter_groups

    tagger = _tiny(tokenizer).train()
    attribution = {"source": [[25, 34]], "cue": [[35, 39]], "content": [[40, 61]]}
    batch = items(TEXT, [attribution], [], tokenizer, 64, 96)
    chosen = EncoderSettings(train_embeddings=train_embeddings, lr=1e-2, head_lr=1e-2)
    optimizer = torch.optim.AdamW(parameter_groups(tagger, chosen))
    before = {n: p.detach().clone() for n, p in tagger.named_parameters()}
    loss, _, role_loss = loss_of(tagger, batch, chosen, random.Random(0))
    assert float(role_loss) > 0  # the gold cue gave a role example
    loss.backward()
    optimizer.step()
    moved = {n for n, p in tagger.named_parameters() if not torch.equal(p, before[n])}
    assert "word.weight" in moved if train_embeddings else "word.weight" not in moved
    assert {"shared.0.query.weight", "cue_head.weight", "role_head.weight"} <= moved
