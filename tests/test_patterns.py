"""Every word list loads, has no duplicates and no stray white space."""

from __future__ import annotations

import pytest

from newsclaims.extraction.attribution.cues import cue_forms, cue_lemmas
from newsclaims.patterns import lexicon

FILES = sorted(
    str(p.relative_to(lexicon.PATTERNS)) for p in (lexicon.PATTERNS / "attribution").glob("*.txt")
)
ALLOWED = {
    "attribution/modality.txt": {"goal", "forecast"},
    "attribution/given_names.txt": {"m", "f"},
    "attribution/cue_verbs.txt": {"speech", "clause", "quote", "object", "that"},
}


@pytest.mark.parametrize("name", FILES)
def test_patterns_load_without_duplicates(name):
    rows = lexicon.rows(name)
    assert rows, name
    keys = [row[0].lower() for row in rows]
    duplicates = {k for k in keys if keys.count(k) > 1}
    assert not duplicates, f"{name}: {sorted(duplicates)}"
    for row in rows:
        assert all(part == part.strip() and part for part in row), row


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_patterns_tables_have_known_values(name):
    assert set(lexicon.table(name).values()) <= ALLOWED[name]


def test_patterns_cue_forms_cover_inflections():
    speech, others = cue_lemmas()
    assert speech == frozenset({"say", "tell"})
    assert {"add", "expect", "show"} <= others
    forms = cue_forms()
    pairs = [("said", "say"), ("says", "say"), ("told", "tell"), ("noted", "note"),
             ("warned", "warn"), ("denies", "deny"), ("expects", "expect")]  # fmt: skip
    for form, lemma in pairs:
        assert forms[form] == lemma
