"""Data files of the pipeline: word lists and patterns (see README.md)."""
