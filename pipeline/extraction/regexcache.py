"""Compile a very large regular expression once per machine, not once per process.

The date grammar's master pattern (about 100,000 characters) takes about 0.3 s of CPU to
compile, in every process that runs the pipeline (each worker, each `newsclaims` call).
`re` compiles a pattern in two steps: parsing it into the regex engine's code (a list of
integers: the slow part, pure Python) and handing that code to `_sre.compile` (fast, in C).
`compile_cached` keeps the code in a file under the user's cache folder, keyed by the
pattern, its flags and the Python build, and hands it to `_sre.compile` the next time: the
Pattern it makes is equal to `re.compile`'s (same pattern, flags and code; `Pattern.__eq__`
compares all three). Anything unexpected (another Python, an unreadable or broken file, a
read-only home) falls back to `re.compile`.

The folder is `$NEWSCLAIMS_CACHE_DIR`, else `$XDG_CACHE_HOME/newsclaims`, else
`~/.cache/newsclaims`; set `NEWSCLAIMS_CACHE_DIR` to an empty string to turn it off.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import re
import sys
from pathlib import Path

log = logging.getLogger("newsclaims.regexcache")


def cache_dir() -> Path | None:
    """The folder of cached regex code, or None when caching is turned off."""
    chosen = os.environ.get("NEWSCLAIMS_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) / "regex" if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsclaims" / "regex"


def _key(pattern: str, flags: int) -> str:
    import _sre

    build = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{int(flags)}"
    return hashlib.sha256(f"{build}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()


def _code(pattern: str, flags: int) -> tuple:
    """What `re._compiler.compile` hands to `_sre.compile`, as plain values."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, indexgroup


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, with the compiled code kept on disk across processes."""
    folder = cache_dir()
    if folder is None or not hasattr(re, "_compiler"):
        return re.compile(pattern, flags)
    import _sre

    path = folder / f"{_key(pattern, flags)}.marshal"
    try:
        full_flags, code, groups, groupindex, indexgroup = marshal.loads(path.read_bytes())
        return _sre.compile(pattern, full_flags, code, groups, groupindex, tuple(indexgroup))
    except FileNotFoundError:
        pass
    except Exception as error:  # a broken or foreign file: compiled afresh and rewritten
        log.debug("regex cache %s: %s", path, error)
    try:
        values = _code(pattern, flags)
        compiled = _sre.compile(pattern, *values[:4], tuple(values[4]))
    except Exception as error:  # another regex engine: the plain way
        log.debug("regex cache: %s", error)
        return re.compile(pattern, flags)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(values))
        os.replace(temporary, path)  # whole or not at all, for processes starting together
    except (OSError, ValueError) as error:  # unwritable, or a value marshal cannot keep
        log.debug("regex cache not written: %s", error)
    return compiled
