"""`.newsclaimsignore` files: gitignore-style patterns that leave files out of a walk.

Supported: `#` comments, blank lines, `*`, `?`, `[abc]`, `**`, a trailing `/` for folders
only, a leading or inner `/` to anchor a pattern to the ignore file's folder, and `!` to
take a file back in. As in git, the last matching pattern wins.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger("newsclaims.ingest")

IGNORE_FILE = ".newsclaimsignore"


@dataclass(frozen=True)
class IgnoreRule:
    """One pattern of an ignore file in folder `base` (posix, relative to the INPUT)."""

    base: str
    regex: re.Pattern[str]
    negate: bool
    folders_only: bool

    def matches(self, path: str, *, is_dir: bool) -> bool:
        """True when this rule applies to `path` (posix, relative to the INPUT)."""
        if self.folders_only and not is_dir:
            return False
        if self.base:
            if not path.startswith(self.base + "/"):
                return False
            path = path[len(self.base) + 1 :]
        return self.regex.fullmatch(path) is not None


def parse_ignore(text: str, *, base: str = "") -> tuple[IgnoreRule, ...]:
    """The rules of an ignore file's text; `base` is its folder relative to the INPUT."""
    rules = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if raw.endswith("\\ "):
            line += " "
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        if negate or line.startswith(("\\!", "\\#")):
            line = line[1:]
        folders_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        anchored = "/" in line
        body = _glob_to_regex(line.lstrip("/"))
        regex = re.compile(body if anchored else f"(?:.*/)?{body}")
        rules.append(IgnoreRule(base, regex, negate, folders_only))
    return tuple(rules)


def _glob_to_regex(pattern: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.find("]", index + 2)
            if end == -1:
                out.append(re.escape(char))
            else:
                content = pattern[index + 1 : end]
                if content.startswith("!"):
                    content = "^" + content[1:]
                out.append(f"[{content.replace(chr(92), chr(92) * 2)}]")
                index = end
        elif char == "\\" and index + 1 < len(pattern):
            index += 1
            out.append(re.escape(pattern[index]))
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def load_ignore(folder: Path, *, base: str) -> tuple[IgnoreRule, ...]:
    """The rules of `folder/.newsclaimsignore`, or none; an unreadable file is logged."""
    path = folder / IGNORE_FILE
    if not path.is_file():
        return ()
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError as err:
        logger.warning("%s: cannot read %s (%s); nothing ignored here", base or ".", path, err)
        return ()
    return parse_ignore(text, base=base)


def is_ignored(path: str, *, is_dir: bool, rules: tuple[IgnoreRule, ...]) -> bool:
    """True when the last rule matching `path` excludes it."""
    ignored = False
    for rule in rules:
        if rule.matches(path, is_dir=is_dir):
            ignored = not rule.negate
    return ignored
