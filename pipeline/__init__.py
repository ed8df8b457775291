"""newsclaims: turn news articles into structured, checkable claim records."""

__version__ = "0.1.0"
