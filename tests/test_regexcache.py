"""The on-disk cache of compiled regex code gives the Pattern `re.compile` gives."""

from __future__ import annotations

import re

import pytest

from newsclaims.extraction.regexcache import cache_dir, compile_cached

PATTERNS = [
    (r"(?<!\w)(?P<year>(?:1\d{3}|20\d\d))(?!\w)", 0),
    (r"(?i:the)\s+(?P<month>May|June)(?:\s+(?P<day>\d{1,2}))?", 0),
    (r"(?>a+)b|[^\W\d]+(?=\s)", re.MULTILINE),
    (r"caf\u00e9|na\u00efve", re.IGNORECASE),
    (r"", 0),
]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_regexcache_compiled_and_reloaded_equal_re_compile(pattern, flags, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_CACHE_DIR", str(tmp_path))
    first = compile_cached(pattern, flags)  # compiled, written
    assert len(list((tmp_path / "regex").iterdir())) == 1
    second = compile_cached(pattern, flags)  # read back
    expected = re.compile(pattern, flags)
    assert first == expected and second == expected  # same pattern, flags and code
    assert second.groupindex == expected.groupindex and second.groups == expected.groups


def test_regexcache_broken_file_is_compiled_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_CACHE_DIR", str(tmp_path))
    compile_cached(r"\d+ (?P<unit>km|mi)")
    (stored,) = (tmp_path / "regex").iterdir()
    stored.write_bytes(b"not marshal data")
    assert compile_cached(r"\d+ (?P<unit>km|mi)") == re.compile(r"\d+ (?P<unit>km|mi)")
    assert compile_cached(r"\d+ (?P<unit>km|mi)").match("5 km")["unit"] == "km"


def test_regexcache_off_or_unwritable_still_compiles(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_CACHE_DIR", "")
    assert cache_dir() is None
    assert compile_cached("a|b") == re.compile("a|b")
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("NEWSCLAIMS_CACHE_DIR", str(blocker))  # a file where the folder goes
    assert compile_cached("a|b") == re.compile("a|b")


def test_regexcache_date_grammar_master_is_re_compile_s():
    from newsclaims.extraction.dates.grammar import grammar

    master = grammar().master
    assert master == re.compile(master.pattern)
