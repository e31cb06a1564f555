"""Turn records into values `json.dumps` takes: one rule for every JSON listing and export."""

import dataclasses
from datetime import date, datetime
from typing import Any


def json_ready(value: Any) -> Any:
    """Dataclasses as dicts, tuples as lists, dates and datetimes as ISO strings, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: json_ready(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
