"""Settings: one frozen object handed to every stage, so a run is reproducible from it alone."""

import os
from dataclasses import dataclass
from pathlib import Path

from claimgraph.nlp.model import MODEL_NAME


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = MODEL_NAME
    aliases: Path | None = None  # extra rows for the source table (sources.v1.tsv columns)
    cues: Path | None = None  # extra reporting cues (cues.v1.tsv columns)
    batch_size: int = 4  # nlp.pipe batch: small batches suit article-length texts
    tagger: str = (
        "rules"  # rules (fast default) | hybrid (rules + CRF tagger) | encoder (rules + MiniLM)
    )
    db: str = "claimgraph.db"

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        """Defaults, then CLAIMGRAPH_* environment variables, then explicit overrides."""
        values: dict[str, object] = {}
        if aliases := os.environ.get("CLAIMGRAPH_ALIASES"):
            values["aliases"] = Path(aliases)
        if db := os.environ.get("CLAIMGRAPH_DB"):
            values["db"] = db
        if tagger := os.environ.get("CLAIMGRAPH_TAGGER"):
            values["tagger"] = tagger
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
