"""Stage 3: the batch job. Files -> `Article` (ingest) -> parse (extract) -> output files.

`api.py` is the entry point (`extract`, `extract_text`); `batch.py` plans and writes the
units of a run against the `manifest.py` of earlier runs; `parse.py` and `sections.py` turn
a batch of articles into `Result`s; `engines/` run that in one or N processes or on Dask;
`writers.py` replaces the three output files as a set.
"""
