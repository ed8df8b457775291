"""Data, not code: word lists, tables and patterns, each with its provenance (README.md),
and `lexicon`, which loads them once."""
