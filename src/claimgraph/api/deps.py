"""What routes share: the store the app was made with, and the analysis workers."""

import threading
from typing import Annotated

from fastapi import Depends, Request

from claimgraph.api.workers import AnalysisPool
from claimgraph.store import Store


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_analysis(request: Request) -> AnalysisPool:
    """The worker processes that analyse posted text (started on the first POST)."""
    pool: AnalysisPool = request.app.state.analysis
    return pool


def resolve_lock(request: Request) -> threading.Lock:
    """One resolve at a time from this server's threads (other processes wait on the store)."""
    lock: threading.Lock = request.app.state.resolve_lock
    return lock


StoreDep = Annotated[Store, Depends(get_store)]
AnalysisDep = Annotated[AnalysisPool, Depends(get_analysis)]
LockDep = Annotated[threading.Lock, Depends(resolve_lock)]
