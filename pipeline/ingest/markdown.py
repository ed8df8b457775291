"""Markdown to plain text: markup removed, words and paragraph structure kept.

Only what news articles saved as Markdown use is handled (CommonMark subset): headings,
emphasis, links, images, blockquotes, lists, code, rules, tables, HTML comments and tags.
Headings and list items become paragraphs of their own; a leading `# Title` becomes the
article title and leaves the body.
"""

from __future__ import annotations

import html
import re

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_BULLET = re.compile(r"^\s*[-*+]\s+(?=\S)")
_ORDERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(?=\S)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$")

_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]*)\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_CODE = re.compile(r"(`+)\s?(.+?)\s?\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_PROTECTED = 0xE000  # escaped characters hide in the private use area during conversion
# A character without which no inline rule applies: escapes, code, links and images, tags
# and autolinks, emphasis, strike-through, entities, and the private use range restored last.
_MARKUP = re.compile(r"[\\`\[<*_~&\ue000-\ue07f]")


def _protect(code: str) -> str:
    """Hide markup characters inside a code span from the emphasis and link rules."""
    return "".join(chr(_PROTECTED + ord(ch)) if ch in "*_[]()!<>~`" else ch for ch in code)


def inline_to_text(line: str) -> str:
    """Inline markup to plain words: `[text](url)` -> text, `**x**` -> x, images dropped."""
    if _MARKUP.search(line) is None:  # nothing any rule below would change
        return line
    line = _ESCAPE.sub(lambda m: chr(_PROTECTED + ord(m.group(1))), line)
    line = _CODE.sub(lambda m: _protect(m.group(2)), line)
    line = _IMAGE.sub("", line)
    for _ in range(2):  # a link around an image leaves `[](url)` behind
        line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _LINE_BREAK_TAG.sub("\n", line)
    line = _TAG.sub("", line)
    line = _STRONG.sub(r"\2", line)
    line = _STAR.sub(r"\1", line)
    line = _UNDERSCORE.sub(r"\1", line)
    line = _STRIKE.sub(r"\1", line)
    line = re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group()) - _PROTECTED), line)
    return html.unescape(line)


def markdown_to_text(markdown: str) -> tuple[str | None, str]:
    """(title, text): the leading `# Title` (or None) and the body as plain text.

    Blank lines separate paragraphs in the result; `normalize_text` does the rest.
    """
    lines = _COMMENT.sub("", markdown.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    out: list[str] = []
    title: str | None = None
    previous = "blank"  # kind of the previous line: blank, text, list, heading, code
    fence: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if fence is not None:
            if line.strip().startswith(fence):
                fence, previous = None, "blank"
                out.append("")
            else:
                out.append(line)
            continue
        opening = _FENCE.match(line)
        if opening:
            fence, previous = opening.group(1), "code"
            out.append("")
            continue
        quoted = False
        while _QUOTE.match(line):
            line, quoted = _QUOTE.sub("", line, count=1), True
        if quoted and previous == "text" and out and out[-1] and not _QUOTE.match(lines[index - 2]):
            out.append("")
        if not line.strip() or _REFERENCE.match(line) or _TABLE_RULE.match(line):
            if not line.strip():
                out.append("")
                previous = "blank"
            continue
        heading = _heading(line, lines[index] if index < len(lines) else "", previous)
        if heading is not None:
            words, underlined = heading
            index += underlined
            if title is None and not any(part.strip() for part in out) and words[0] == 1:
                title = inline_to_text(words[1]).strip() or None
            else:
                out.extend(["", inline_to_text(words[1]), ""])
            previous = "heading"
            continue
        if _RULE.match(line):
            out.append("")
            previous = "blank"
            continue
        item = _list_item(line, previous)
        if item is not None:
            out.extend(["", inline_to_text(item)])
            previous = "list"
            continue
        if line.lstrip().startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            out.extend(["", inline_to_text(" | ".join(cell for cell in cells if cell)), ""])
            previous = "blank"
            continue
        out.append(inline_to_text(line))
        previous = "text" if previous != "list" else "list"
    return title, "\n".join(out)


def _heading(line: str, following: str, previous: str) -> tuple[tuple[int, str], int] | None:
    """((level, words), lines used beyond this one) for an ATX or setext heading, else None."""
    atx = _ATX.match(line)
    if atx:
        return (len(atx.group(1)), atx.group(2) or ""), 0
    underline = _SETEXT.match(following)
    if underline and previous in ("blank", "heading") and line.strip():
        level = 1 if underline.group(1).startswith("=") else 2
        return (level, line.strip()), 1
    return None


def _list_item(line: str, previous: str) -> str | None:
    """The words of a list item line, or None. Only `1.` may interrupt a paragraph, so a
    hard-wrapped line starting `2022. Sales rose` stays text."""
    bullet = _BULLET.match(line)
    if bullet and not _RULE.match(line):
        return line[bullet.end() :]
    ordered = _ORDERED.match(line)
    if ordered and (previous != "text" or ordered.group(1) == "1"):
        return line[ordered.end() :]
    return None
