"""Bytes to text: UTF-8 first, legacy encodings detected, binary data refused.

News archives hold Windows-1252 files (curly quotes, £) next to UTF-8 ones, and folders
collect stray binaries; each must give either text or a clear error, never mojibake. A
UTF-8 file with a few bad bytes (a truncated copy, one stray Windows-1252 quote) stays
UTF-8: the bad bytes become U+FFFD and a warning says so, rather than the whole file being
read as a legacy encoding (`\u201cSales` as `ÄúSales`).
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


def size_text(size: int) -> str:
    """A byte count as a person reads it: `8 MB`, `1.5 MB`, `1,000 bytes`."""
    mib = 1_048_576
    if size >= mib:
        return f"{size // mib} MB" if size % mib == 0 else f"{size / mib:.1f} MB"
    return f"{size:,} bytes"


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
    if _mostly_utf8(data):
        return "utf-8"
    return _detect_legacy(data)


def _utf8_damage(data: bytes) -> tuple[int, int]:
    """(invalid byte sequences, valid non-ASCII characters) of `data` read as UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = sum(1 for char in text if ord(char) > 127) - text.count("\ufffd")
    return bad, non_ascii


def _mostly_utf8(data: bytes) -> bool:
    """True when `data` is UTF-8 with a few bad bytes: it holds valid multi-byte characters,
    at least as many as invalid sequences. A legacy file (Windows-1252 and the like) almost
    never forms a valid multi-byte sequence, so every one of its non-ASCII bytes is invalid."""
    bad, good = _utf8_damage(data)
    return good > 0 and good >= bad


def replaced_message(bad: int) -> str:
    """The warning for UTF-8 text decoded with `bad` invalid sequences replaced."""
    what = "1 byte sequence is" if bad == 1 else f"{bad} byte sequences are"
    return (
        f"{what} not valid UTF-8 and replaced with U+FFFD (\ufffd); the rest is read as "
        "UTF-8. Re-save the file as UTF-8 to keep those characters."
    )


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


def decode_bytes(data: bytes, *, warnings: list[str] | None = None) -> str:
    """Text of a whole file: the BOM dropped, the encoding detected, binary data refused.

    Mostly-UTF-8 data is decoded with its bad bytes replaced; the warning saying so is
    appended to `warnings` (when given)."""
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        if encoding not in ("utf-8", "utf-8-sig") or not _mostly_utf8(data):
            raise IngestError(UNDECODABLE_MESSAGE) from err
        text = data.decode(encoding, errors="replace")
        if warnings is not None:
            warnings.append(replaced_message(_utf8_damage(data)[0]))
    except LookupError as err:
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
