"""The frozen layers' cached states: the same hidden states as a full pass, keyed by their inputs."""

import numpy as np
import pytest

from claimgraph.learn.encoder.data import items
from claimgraph.learn.encoder.infer import MODEL_DIR, TOKENIZER_FILE
from claimgraph.learn.encoder.tokens import WordPiece

torch = pytest.importorskip("torch")

TEXT = (
    "The convoy left at dawn. Officials said the bridge was closed.\n\n"
    "“We will not retreat,” the commander told reporters on Monday. "
    "According to the ministry, 40 trucks crossed."
)


@pytest.fixture(scope="module")
def windows():
    tokenizer = WordPiece(MODEL_DIR / TOKENIZER_FILE)
    found = items(TEXT * 3, [], [], tokenizer, core_len=16, max_len=24)
    assert len({len(item.ids) for item in found}) > 1  # windows of several lengths: padding
    return found


@pytest.fixture(scope="module")
def tagger():
    from claimgraph.learn.encoder.model import Tagger

    torch.manual_seed(0)
    config = {
        "hidden_size": 32,
        "layer_norm_eps": 1e-12,
        "vocab_size": 30522,
        "max_position_embeddings": 512,
        "type_vocab_size": 2,
        "num_hidden_layers": 3,
        "num_attention_heads": 4,
        "intermediate_size": 64,
    }
    return Tagger(config, split=2).eval()


@pytest.mark.parametrize("layers", [1, 2])
def test_learn_encoder_frozen_states_continue_like_a_full_pass(tmp_path, windows, tagger, layers):
    from claimgraph.learn.encoder.frozen import frozen_states

    states = frozen_states(tagger, windows, layers, tmp_path / "frozen.npy", batch=3)
    chosen = [0, len(windows) - 1, 2]
    length = max(len(windows[i].ids) for i in chosen)
    ids = torch.zeros((len(chosen), length), dtype=torch.long)
    mask = torch.zeros_like(ids)
    for row, i in enumerate(chosen):
        ids[row, : len(windows[i].ids)] = torch.tensor(windows[i].ids)
        mask[row, : len(windows[i].ids)] = 1
    with torch.no_grad():
        want = tagger.encode(ids, mask)
        got = tagger.encode_from(states.batch(chosen, length), mask, layers)
    real = mask.bool()
    assert torch.allclose(got[real], want[real], atol=2e-2)  # float16 on disk


def test_learn_encoder_frozen_states_key_follows_windows_and_layers(windows):
    from claimgraph.learn.encoder.frozen import states_key

    key = states_key(windows, 3, "base")
    assert key == states_key(list(windows), 3, "base")
    assert len({key, states_key(windows, 2, "base"), states_key(windows[1:], 3, "base")}) == 3


def test_learn_encoder_frozen_states_refuse_a_file_of_the_wrong_shape(tmp_path, windows, tagger):
    from claimgraph.learn.encoder.frozen import frozen_states

    path = tmp_path / "frozen.npy"
    np.save(path, np.zeros((3, 32), dtype=np.float16))
    with pytest.raises(ValueError, match="expected"):
        frozen_states(tagger, windows, 1, path)
