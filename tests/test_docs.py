"""The project's own docs stay in step with the code: every schema field is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsclaims.models import Article, Claim, InputError
from newsclaims.models.links import Cluster, Conflict, DueClaim

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = (ROOT / "docs" / "output-contract.md").read_text(encoding="utf-8")
DOCUMENTED = set(re.findall(r"`([a-z_]+)`", CONTRACT))


def _fields(model, seen=None) -> set[str]:
    """Every property name of a record and of the records nested in it."""
    schema = model.model_json_schema()
    names = set(schema.get("properties", {}))
    for definition in schema.get("$defs", {}).values():
        names |= set(definition.get("properties", {}))
    return names


@pytest.mark.parametrize(
    "model",
    [Claim, Article, InputError, Cluster, Conflict, DueClaim],
    ids=lambda m: m.__name__,
)
def test_docs_output_contract_documents_every_schema_field(model):
    missing = sorted(_fields(model) - DOCUMENTED)
    assert not missing, f"docs/output-contract.md does not mention {missing}"


def test_docs_architecture_names_every_stage():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    stages = [p.name for p in (ROOT / "pipeline").iterdir() if (p / "__init__.py").exists()]
    for stage in stages:
        assert f"{stage}/" in text, stage
