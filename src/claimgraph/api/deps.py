"""What routes share: the store the app was made with, and the analysis pipeline (loaded once)."""

import threading
from typing import Annotated

from fastapi import Depends, Request

from claimgraph.nlp.pipeline import Pipeline
from claimgraph.store import Store

_pipeline_lock = threading.Lock()


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_pipeline(request: Request) -> Pipeline:
    """The model is loaded on the first POST, not at start-up, so reading pages start fast."""
    from claimgraph.runner import pipeline

    with _pipeline_lock:
        if request.app.state.pipeline is None:
            request.app.state.pipeline = pipeline(request.app.state.settings)
        loaded: Pipeline = request.app.state.pipeline
        return loaded


def analyse_lock(request: Request) -> threading.Lock:
    """One analysis at a time: a spaCy pipeline is not meant to be shared between threads."""
    lock: threading.Lock = request.app.state.analyse_lock
    return lock


StoreDep = Annotated[Store, Depends(get_store)]
PipelineDep = Annotated[Pipeline, Depends(get_pipeline)]
LockDep = Annotated[threading.Lock, Depends(analyse_lock)]
