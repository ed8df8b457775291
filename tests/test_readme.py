"""The README works as written: its Python blocks run, its paths exist, its example is fresh."""

from __future__ import annotations

import os
import re

import pytest

from scripts.readme_example import README, readme_claim, seed_claims

ROOT = README.parent
TEXT = README.read_text(encoding="utf-8")
PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", TEXT, re.S)


def test_readme_has_python_blocks():
    assert PYTHON_BLOCKS


@pytest.mark.parametrize("block", PYTHON_BLOCKS, ids=lambda b: b.splitlines()[0][:40])
def test_readme_python_block_runs(block, tmp_path, monkeypatch):
    # From a folder with the repository's corpus/ in it, as a user of a clone runs it.
    (tmp_path / "corpus").symlink_to(ROOT / "corpus")
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md", "exec"), {"__name__": "readme"})  # noqa: S102


def _linked_paths() -> list[str]:
    links = re.findall(r"\]\(([^)#\s]+)\)", TEXT)
    return sorted({link for link in links if not re.match(r"[a-z]+:", link)})


@pytest.mark.parametrize("path", _linked_paths())
def test_readme_links_exist_in_a_clone(path):
    assert not path.startswith(".."), f"{path} is outside the repository"
    assert (ROOT / path).exists(), path


def test_readme_mentions_no_path_outside_the_repository():
    assert "../shared" not in TEXT


def test_readme_example_claim_is_what_extract_writes():
    shown = readme_claim(TEXT)
    fresh = seed_claims().get(shown["id"])
    assert fresh == shown, "README example is stale: run `python -m scripts.readme_example`"


def test_readme_summary_counts_are_a_real_run_of_corpus(tmp_path):
    from newsclaims import extract

    summary = extract([ROOT / "corpus"], out=tmp_path / "OUT")
    block = re.search(r"The summary printed at the end of a run:\n\n```\n(.*?)```", TEXT, re.S)
    assert block, "README has no summary block"
    found = re.findall(r"^  (articles|claims|failed)\s+([\d,]+)$", block.group(1), re.M)
    counts = {name: int(value.replace(",", "")) for name, value in found}
    assert counts == {
        "articles": summary.articles,
        "claims": summary.claims,
        "failed": summary.failed,
    }


def test_readme_commands_are_the_ones_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"```bash\n(.*?)\n```", TEXT, re.S)[:2]
    assert len(commands) == 2
    for command in commands:
        assert command in ci, f"CI does not run the README's command: {command}"
    assert os.access(ROOT / ".ci" / "run", os.R_OK)
