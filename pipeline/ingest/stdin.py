"""Standard input as an input (`newsclaims extract -`): JSON Lines or one plain-text article.

The stream is copied to a file first (in blocks, so memory does not grow with it), named
`stdin.jsonl` when its first character is `{` (one article object per line), else
`stdin.txt`; it is then read like any other input, under that name.
"""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path
from typing import BinaryIO

_HEAD = 65536


def spool_stdin(stream: BinaryIO, folder: Path) -> Path:
    """Copy `stream` into `folder` and return the file: `stdin.jsonl` or `stdin.txt`."""
    head = stream.read(_HEAD)
    first = head.removeprefix(codecs.BOM_UTF8).lstrip()[:1]
    path = folder / ("stdin.jsonl" if first == b"{" else "stdin.txt")
    with path.open("wb") as handle:
        handle.write(head)
        shutil.copyfileobj(stream, handle, 1 << 20)
    return path
