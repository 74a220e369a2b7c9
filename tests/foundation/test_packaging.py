"""The package as installed: every module imports, every import is declared, the metadata is true.

A module that cannot be imported, or a package Bayan imports but does not declare,
works on a developer's machine that happens to have it and fails on a fresh install.
"""

from __future__ import annotations

import fnmatch
import importlib
import importlib.metadata
import subprocess
import sys

import pytest
from packaging.utils import canonicalize_name

from tests.foundation.packaging_facts import (
    PACKAGES,
    ROOT,
    group_requirements,
    module_files,
    module_name,
    names,
    project_requirements,
    pyproject,
    third_party_imports,
)

# Run by their hosts, not imported: ``python -m bot`` exits, and Alembic's env.py
# needs Alembic's migration context (the migration tests run it for real).
NOT_IMPORTABLE_ALONE = {"bot.__main__", "bot.store.migrations.env"}
MODULES = [m for m in map(module_name, module_files()) if m not in NOT_IMPORTABLE_ALONE]


def test_the_module_list_covers_both_packages() -> None:
    assert {"bot", "bot.cli", "handlers"} <= set(MODULES)
    assert len(MODULES) > 50


@pytest.mark.parametrize("module", MODULES)
def test_every_module_imports(module: str) -> None:
    importlib.import_module(module)


def _distributions_of(top_level: str) -> set[str]:
    return {
        canonicalize_name(d) for d in importlib.metadata.packages_distributions().get(top_level, [])
    }


def test_every_package_bayan_imports_is_a_declared_dependency() -> None:
    declared = names(project_requirements())
    imports = third_party_imports(list(module_files()))
    undeclared = {
        top: sorted(files)
        for top, files in imports.items()
        if not _distributions_of(top) & declared
    }
    assert not undeclared, f"imported but not in [project].dependencies: {undeclared}"
    assert {"camel_tools", "lxml", "numpy", "charset_normalizer", "courlan"} <= set(imports)


def test_every_package_the_tests_import_is_declared_for_them() -> None:
    declared = names(project_requirements()) | names(group_requirements("test"))
    imports = third_party_imports(sorted((ROOT / "tests").rglob("*.py")))
    undeclared = {
        top: sorted(files)
        for top, files in imports.items()
        if not _distributions_of(top) & declared
    }
    assert not undeclared, f"imported by tests but not in the test group: {undeclared}"


def test_lxml_html_clean_is_declared_whatever_pip_makes_of_justexts_extra() -> None:
    # jusText asks for lxml[html_clean]; pip 23 does not match it to lxml's html-clean extra.
    assert "lxml-html-clean" in names(project_requirements())


def test_no_test_tool_is_a_runtime_dependency() -> None:
    runtime = names(project_requirements())
    assert not runtime & names(group_requirements("dev"))
    assert "test" not in pyproject()["project"].get("optional-dependencies", {})


def test_version_is_the_same_everywhere() -> None:
    import bot

    version = pyproject()["project"]["version"]
    assert bot.__version__ == version
    out = subprocess.run(
        [sys.executable, "-m", "bot", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert out.stdout.strip() == f"bayan {version}"


def test_licence_is_mit_as_an_spdx_string_with_its_file() -> None:
    project = pyproject()["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def _package_data_patterns() -> list[str]:
    return pyproject()["tool"]["setuptools"]["package-data"]["*"]


def test_every_data_file_in_the_packages_is_shipped_in_the_wheel() -> None:
    # The production install is not editable: a file the patterns miss is absent there.
    patterns = _package_data_patterns()
    data_files = [
        p
        for package in PACKAGES
        for p in (ROOT / package).rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
    ]
    assert data_files, "expected data files (migrations template, JSON) in the packages"
    missed = [
        str(p.relative_to(ROOT))
        for p in data_files
        if not any(fnmatch.fnmatch(p.name, pat) for pat in patterns)
    ]
    assert not missed, f"not matched by [tool.setuptools.package-data]: {missed}"


def test_no_file_is_listed_by_name_that_does_not_exist() -> None:
    # py.typed was listed and absent; Bayan is an application, so it is not listed.
    named = [p for p in _package_data_patterns() if not any(c in p for c in "*?[")]
    for name in named:
        assert any(next((ROOT / package).rglob(name), None) for package in PACKAGES), name
    assert "py.typed" not in _package_data_patterns()
