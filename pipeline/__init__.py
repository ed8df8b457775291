"""newsclaims: turn news articles into structured, checkable claim records.

Python API (imported lazily, so `import newsclaims` stays cheap)::

    from newsclaims import extract, extract_text

    claims = extract_text("Sales rose 5%, the company said.", published=date(2024, 11, 5))
    summary = extract(["articles/"], out=Path("OUT"))

The repository keeps this package's source in `pipeline/` (and the record models in
`models/`); it is installed, and imported, only as `newsclaims`.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import Any

if __name__ != "newsclaims":
    raise ImportError(
        "pipeline/ is the source folder of the package `newsclaims`: "
        "install it (`pip install .`) and `import newsclaims`."
    )

try:
    __version__ = version("newsclaims")
except PackageNotFoundError:  # pragma: no cover - running from a tree that is not installed
    __version__ = "0.0.0"

_API = {
    "build_nlp": "newsclaims.extraction.nlp",
    "shared_nlp": "newsclaims.extraction.nlp",
    "extract": "newsclaims.run.api",
    "extract_text": "newsclaims.run.api",
    "process": "newsclaims.run.parse",
    "Summary": "newsclaims.run.results",
    "read_inputs": "newsclaims.ingest",
    "claims_of": "newsclaims.extraction.claims",
}

__all__ = [*_API, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'newsclaims' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
