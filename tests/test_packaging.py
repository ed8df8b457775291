"""One import name: `newsclaims`, mapped from `pipeline/` and `models/` (pyproject.toml)."""

from __future__ import annotations

import importlib
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]


def _packages_in_tree() -> set[str]:
    found = set()
    for folder, name in (("pipeline", "newsclaims"), ("models", "newsclaims.models")):
        for init in (ROOT / folder).rglob("__init__.py"):
            parts = init.parent.relative_to(ROOT / folder).parts
            found.add(".".join((name, *parts)))
    return found


def test_packaging_lists_every_package_of_the_tree():
    assert set(SETUPTOOLS["packages"]) == _packages_in_tree()


def test_packaging_maps_the_founding_folders():
    assert SETUPTOOLS["package-dir"] == {"newsclaims": "pipeline", "newsclaims.models": "models"}


@pytest.mark.parametrize("name", sorted(_packages_in_tree()))
def test_packaging_every_package_imports(name):
    importlib.import_module(name)


def test_packaging_api_functions_are_not_shadowed_by_modules():
    import newsclaims

    for name in sorted(_packages_in_tree()):
        importlib.import_module(name)  # every submodule loaded, as in a long session
    from newsclaims import extract, extract_text

    assert callable(extract) and callable(extract_text)
    assert extract.__module__ == "newsclaims.run.api"
    assert newsclaims.__version__


@pytest.mark.parametrize("name", ["pipeline", "models"])
def test_packaging_installs_no_top_level_pipeline_or_models(name, tmp_path):
    # From a folder that is not the checkout: only what is installed can be imported.
    done = subprocess.run(
        [sys.executable, "-c", f"import {name}"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "No module named" in done.stderr


@pytest.mark.parametrize("name", ["pipeline", "models"])
def test_packaging_source_folders_refuse_their_own_names(name):
    # From the checkout, Python finds the folders themselves: they say what to import.
    done = subprocess.run(
        [sys.executable, "-c", f"import {name}"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "import newsclaims" in done.stderr


def test_packaging_version_flag():
    done = subprocess.run(
        [sys.executable, "-m", "newsclaims.cli", "--version"], capture_output=True, text=True
    )
    import newsclaims

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"newsclaims {newsclaims.__version__}"
