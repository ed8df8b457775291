"""Write the README's example claim line from a real run (not a test).

    python -m scripts.readme_example

Extracts the seed article (`docs/seed/seed-article.txt`, reference date 2022-11-08) and
replaces the JSON block after "A real line of `OUT/claims.jsonl`" in README.md with the
claim that has the same id, as `newsclaims extract` writes it (indented for reading).
`tests/test_readme.py` fails when the README's block differs from what the tool writes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SEED = ROOT / "docs" / "seed" / "seed-article.txt"
REFERENCE = dt.date(2022, 11, 8)
_BLOCK = re.compile(r"(A real line of `OUT/claims\.jsonl`.*?```json\n)(.*?)(\n```)", re.S)


def readme_claim(text: str) -> dict:
    """The example claim as the README shows it."""
    match = _BLOCK.search(text)
    if match is None:
        raise ValueError("README.md has no example claims.jsonl block")
    return json.loads(match.group(2))


def seed_claims() -> dict[str, dict]:
    """The seed article's claims as `newsclaims extract` writes them, by id."""
    from newsclaims import extract

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "OUT"
        extract([SEED], out=out, reference_date=REFERENCE)
        lines = (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    return {claim["id"]: claim for claim in map(json.loads, lines)}


def main() -> int:
    text = README.read_text(encoding="utf-8")
    shown = readme_claim(text)
    fresh = seed_claims().get(shown["id"])
    if fresh is None:
        print(f"claim {shown['id']} is no longer produced; pick another id", file=sys.stderr)
        return 1
    block = json.dumps(fresh, indent=2, ensure_ascii=False)
    README.write_text(_BLOCK.sub(lambda m: m.group(1) + block + m.group(3), text, count=1))
    print(f"README.md: example claim {shown['id']} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
