"""Stage 2: `Article` text -> `nlp.pipe` -> `Doc` with spans -> `Claim` records.

`nlp.py` builds the spaCy pipeline (a trained base plus our components); `components/`
holds one spaCy component per concern; `figures/`, `dates/` and `attribution/` are the
pure rules those components call; `claims.py` turns an annotated `Doc` into records.
"""
