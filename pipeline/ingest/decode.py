"""Bytes to text: UTF-8 first, legacy encodings detected, binary data refused.

News archives hold Windows-1252 files (curly quotes, £) next to UTF-8 ones, and folders
collect stray binaries; each must give either text or a clear error, never mojibake.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from newsclaims.ingest.errors import IngestError

logger = logging.getLogger("newsclaims.ingest")

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest file read whole (one article, a JSON list); JSON Lines files are streamed."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Western single-byte encodings: for English news these are all really Windows-1252.
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15", "windows_1252", "iso8859_1"})
_WESTERN_LANGUAGES = frozenset(
    "Unknown English French German Spanish Portuguese Italian Dutch Danish Swedish "
    "Norwegian Finnish Catalan Indonesian".split()
)
# Control characters other than tab, newlines, form feed and the DOS end-of-file mark.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.01

BINARY_MESSAGE = (
    "This is a binary file, not an article text. Remove it from the input folder "
    "or list it in .newsclaimsignore."
)
UNDECODABLE_MESSAGE = (
    "The text encoding could not be recognised (neither UTF-8 nor a known legacy "
    "encoding). Re-save the file as UTF-8."
)


def read_bytes(path: Path, *, limit: int | None = None) -> bytes:
    """The whole content of a file, with read problems as an IngestError a person can act on."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        size = path.stat().st_size
        if size > limit:
            raise IngestError(
                f"The file is {size / 1_048_576:.1f} MB, larger than the "
                f"{limit / 1_048_576:.1f} MB limit for one article file. Split it into one "
                "file per article, or into a JSON Lines file (.jsonl), which is streamed."
            )
        return path.read_bytes()
    except PermissionError as err:
        raise IngestError(
            "The file cannot be read: permission denied. Check its permissions "
            "(for example `chmod +r`) or remove it from the inputs."
        ) from err
    except IsADirectoryError as err:
        raise IngestError("This is a folder, not a file.") from err
    except OSError as err:
        reason = err.strerror or str(err)
        raise IngestError(
            f"The file cannot be read ({reason}). Check that it exists and is readable."
        ) from err


def _utf16_without_bom(data: bytes) -> str | None:
    """Encoding of BOM-less UTF-16 text (every other byte NUL in ASCII text), else None."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> str:
    """The encoding of `data` (a whole file or a leading sample of one).

    Raises IngestError for binary data (NUL bytes) or bytes no known encoding reads.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding:
            return encoding
        raise IngestError(BINARY_MESSAGE)
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as err:
        # A sample may end inside a multi-byte character: that is still UTF-8.
        if err.start >= len(data) - 3 and err.reason == "unexpected end of data":
            return "utf-8"
    return _detect_legacy(data)


def _detect_legacy(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    western = _decodes(data, "cp1252")
    if best is None:
        if western:
            return "cp1252"
        raise IngestError(UNDECODABLE_MESSAGE)
    # charset_normalizer cannot tell cp1252 from cp1250 & co. on short English texts
    # (`£5` reads as `Ł5`); take Windows-1252 unless it recognised another language.
    if western and (best.encoding in _WESTERN or best.language in _WESTERN_LANGUAGES):
        return "cp1252"
    return best.encoding


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def decode_bytes(data: bytes) -> str:
    """Text of a whole file: the BOM dropped, the encoding detected, binary data refused."""
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as err:
        raise IngestError(UNDECODABLE_MESSAGE) from err
    if encoding not in ("utf-8", "utf-8-sig"):
        logger.debug("decoded as %s", encoding)
    check_not_binary(text)
    return text.lstrip("\ufeff")


def check_not_binary(text: str) -> None:
    """Raise IngestError when control characters make up more than a sliver of the text."""
    controls = len(_CONTROLS.findall(text))
    if controls >= 3 and controls > _MAX_CONTROL_SHARE * len(text):
        raise IngestError(BINARY_MESSAGE)
