"""The base encoder's WordPiece tokenizer (the `tokenizers` wheel), with character offsets."""

from dataclasses import dataclass
from pathlib import Path

from tokenizers import Tokenizer


@dataclass(frozen=True, slots=True)
class Encoded:
    ids: list[int]
    offsets: list[tuple[int, int]]  # character offsets into the original text


class WordPiece:
    """Loads tokenizer.json once; encodes whole documents without truncation or special tokens."""

    def __init__(self, path: Path) -> None:
        self.tokenizer = Tokenizer.from_file(str(path))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.cls = self.tokenizer.token_to_id("[CLS]")
        self.sep = self.tokenizer.token_to_id("[SEP]")
        self.pad = self.tokenizer.token_to_id("[PAD]")

    def encode(self, text: str) -> Encoded:
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        return Encoded(list(encoding.ids), [tuple(o) for o in encoding.offsets])
