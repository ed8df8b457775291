"""Acceptance: one run over a folder that mixes every hostile input of issue 13 with good
articles exits 1, writes every good article, lists every bad input in errors.jsonl with a
sentence that says what to do, and stays within the time and memory bounds the README's
hostile-input table states (measured here on `--model blank`, in a fresh process)."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Sales rose 5% in May to $2.1 billion, the company said on Tuesday.\n"
MAX_SECONDS = 180
MAX_PEAK_MB = 1500


def _hostile_folder(root: Path) -> tuple[set[str], dict[str, str], set[str]]:
    """Write the folder; returns (good article sources, bad source -> expected words,
    sources with a warning)."""
    root.mkdir()
    good: set[str] = set()
    bad: dict[str, str] = {}

    def put(name: str, content: bytes | str) -> Path:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return path

    for n in range(200):  # many tiny files
        put(f"tiny/{n:03}.txt", f"Exports fell {n}% last month, the ministry said.\n")
        good.add(f"tiny/{n:03}.txt")
    put("good.md", "---\ntitle: Good\ndate: 2024-03-05\n---\n\n" + GOOD)
    put("odd name -- [x] ü\u00a0.txt", GOOD)
    put("-rf.txt", GOOD)
    good |= {"good.md", "odd name -- [x] ü\u00a0.txt", "-rf.txt"}
    put("utf16-no-bom.txt", GOOD.encode("utf-16-le"))
    good.add("utf16-no-bom.txt")
    put("quotes-only.txt", '"' * 28_000)
    put("curly-quotes.txt", "\u201c\u201d" * 14_000)
    good |= {"quotes-only.txt", "curly-quotes.txt"}
    put("long.txt", ("Prices rose 2% in March, the bureau said. " * 40 + "\n\n") * 80)
    good.add("long.txt")  # ~135,000 characters: parsed in sections
    put("bidi.txt", "Profits rose \u202e5% last year\u202c, the bank said.\n")
    good.add("bidi.txt")
    put(
        "mojibake.txt",
        "\u201cSales rose 5%,\u201d said Ana L\u00f3pez.\n".encode() + b"Costs \x92 fell.\n",
    )
    good.add("mojibake.txt")
    lines = [json.dumps({"title": "J1", "text": GOOD})]
    lines.append('{"text": "' + "a " * 25_000_000 + '"}')  # a 50 MB line
    lines.append(json.dumps({"title": "J3", "text": GOOD}))
    lines.append('{"title": "broken"')
    lines.append("[1, 2, 3]")
    put("big.jsonl", "\n".join(lines) + "\n")
    good |= {"big.jsonl#1", "big.jsonl#3"}
    bad |= {
        "big.jsonl#2": "limit",
        "big.jsonl#4": "not valid JSON",
        "big.jsonl#5": "not an article",
    }

    put("empty.txt", b"")
    put("blank.txt", "   \n\n\t\n")
    put("binary.txt", bytes(range(256)) * 8)
    put("nul.txt", GOOD.encode() + b"\x00" * 64 + GOOD.encode())
    put("broken.json", '{"title": "x", ')
    put("wrong-type.json", json.dumps({"title": "x", "body": 42}))
    put("list-of-numbers.json", "[1, 2]")
    put("nobody.jsonl", '{"title": "only a title"}\n')
    put("nav-only.html", "<html><body><nav>Home | About</nav><footer>(c)</footer></body></html>")
    put("nested.html", "<html><body>" + "<div>" * 50_000 + "text" + "</div>" * 50_000)
    put("huge-article.txt", ("Word " * 400_001))  # over 2,000,000 characters
    bad |= {
        "empty.txt": "empty",
        "blank.txt": "whitespace",
        "binary.txt": "binary",
        "nul.txt": "binary",
        "broken.json": "not valid JSON",
        "wrong-type.json": "not text",
        "list-of-numbers.json#1": "not an article",
        "list-of-numbers.json#2": "not an article",
        "nobody.jsonl#1": "no body",
        "nav-only.html": "No article text",
        "nested.html": "",
        "huge-article.txt": "limit",
    }
    (root / "loop.txt").symlink_to("loop.txt")
    (root / "loop-a.txt").symlink_to("loop-b.txt")
    (root / "loop-b.txt").symlink_to("loop-a.txt")
    (root / "dangling.txt").symlink_to("nowhere.txt")
    (root / "dir-loop").symlink_to(".", target_is_directory=True)
    os.mkfifo(root / "fifo.txt")
    bad |= {
        "loop.txt": "link loop",
        "loop-a.txt": "link loop",
        "loop-b.txt": "link loop",
        "dangling.txt": "broken symbolic link",
    }
    return good, bad, {"mojibake.txt"}


ACTIONS = (
    "Fix", "Remove", "remove", "Check", "check", "Re-save", "Split", "split", "Add",
    "please report", "or list it", "must be", "Put", "Save",
)  # fmt: skip


def test_hostile_folder_exits_1_writes_every_good_article_and_lists_every_bad_one(tmp_path):
    good, bad, warned = _hostile_folder(tmp_path / "in")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "newsclaims.cli", "extract", str(tmp_path / "in")]
    started = time.monotonic()
    done = subprocess.run(
        [*command, "--out", str(out), "--model", "blank"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=MAX_SECONDS * 2,
    )
    seconds = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    assert {a["source"] for a in articles} == good
    rows = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    errors = {r["source"]: r["error"] for r in rows if r.get("level", "error") == "error"}
    warnings = {r["source"]: r["error"] for r in rows if r.get("level") == "warning"}
    assert set(errors) == set(bad)
    for source, words in bad.items():
        assert words in errors[source], (source, errors[source])
        assert any(action in errors[source] for action in ACTIONS), (source, errors[source])
    assert set(warnings) == warned
    bidi = next(a for a in articles if a["source"] == "bidi.txt")
    assert "\u202e" not in bidi["text"]
    assert seconds < MAX_SECONDS, seconds
    assert peak_mb < MAX_PEAK_MB, peak_mb
