"""The review page: `newsclaims review --db URL` (see app.py)."""

from newsclaims.review.app import create_app

__all__ = ["create_app"]
