"""Evaluate attribution extraction against gold spans (PolNeAR), as docs/evaluation.md defines.

`scoring` is pure (texts and spans in, a `Report` out); `polnear` reads the data set and runs a
predictor; `baseline` is a small reporting-verb predictor to compare the pipeline with.
"""

from claimgraph.evaluate.polnear import evaluate_polnear
from claimgraph.evaluate.scoring import Report, RoleScore, Tally, format_report, score_document
from claimgraph.ingest.polnear import GoldDocument, load_split

__all__ = [
    "GoldDocument",
    "Report",
    "RoleScore",
    "Tally",
    "evaluate_polnear",
    "format_report",
    "load_split",
    "score_document",
]
