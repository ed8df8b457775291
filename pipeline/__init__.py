"""newsclaims: turn news articles into structured, checkable claim records.

Python API (imported lazily, so `import pipeline` stays cheap)::

    from pipeline import build_nlp, extract, extract_text, process, read_inputs

    claims = extract_text("Sales rose 5%, the company said.", published=date(2024, 11, 5))
    summary = extract(["articles/"], out=Path("OUT"))
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "build_nlp": "pipeline.nlp",
    "shared_nlp": "pipeline.nlp",
    "extract": "pipeline.run",
    "extract_text": "pipeline.run",
    "process": "pipeline.run",
    "Summary": "pipeline.run",
    "read_inputs": "pipeline.ingest",
    "claims_of": "pipeline.extract",
}

__all__ = [*_API, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
