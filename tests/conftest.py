"""Shared fixtures: the real model loaded once, the pipeline, and paths to shared data."""

import sqlite3
from pathlib import Path

import pytest
import spacy

from claimgraph.nlp.model import MODEL_NAME, MODEL_VERSION
from claimgraph.records import Analysis
from claimgraph.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "samples" / "seed-article.txt"


def pytest_report_header(config: pytest.Config) -> str:
    return f"spaCy {spacy.__version__}, model {MODEL_NAME} {MODEL_VERSION}, SQLite {sqlite3.sqlite_version}"


@pytest.fixture(scope="session")
def pipeline():
    """The real pipeline (pinned model, lexicons, gazetteer), loaded once for the whole run."""
    from claimgraph.runner import pipeline as shared_pipeline

    return shared_pipeline(Settings())


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def analyse(pipeline):
    """Analyse a text you write in a test: analyse("X said Y.", published="2024-10-19")."""
    from claimgraph.ingest.text import document_from_text

    def run(text: str, published: str | None = None) -> Analysis:
        return pipeline.analyse(document_from_text(text, published=published))

    return run


@pytest.fixture(scope="session")
def seed_analysis(pipeline) -> Analysis:
    if not SEED.is_file():
        pytest.skip(f"the shared sample is not here ({SEED}); it is present in CI")
    from claimgraph.ingest.text import read_document

    return pipeline.analyse(read_document(SEED, published="2024-10-19"))
