"""uv.lock is the one source of installed versions, in step with pyproject.toml.

Every install path (deploy/install.sh for .venv and .venv-dev, the Dockerfile, CI)
applies the lock with ``uv sync --frozen``; these tests fail when pyproject.toml
changed without ``uv lock``, when the lock lets camel-tools' neural stack back in,
or when an install path stops using the lock.
"""

from __future__ import annotations

import re
from typing import Any

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from tests.foundation.packaging_facts import (
    ROOT,
    group_requirements,
    lock,
    project_requirements,
    pyproject,
)

# camel-tools declares them; the parts of camel-tools Bayan imports never load them
# (about 1.3 GB with torch's CUDA build).
HEAVY = {"torch", "transformers", "scipy", "pandas", "scikit-learn", "camel-kenlm"}

Key = tuple[str, frozenset[str], SpecifierSet, str]


def _key(requirement: Requirement) -> Key:
    return (
        canonicalize_name(requirement.name),
        frozenset(canonicalize_name(e) for e in requirement.extras),
        requirement.specifier,
        str(requirement.marker or ""),
    )


def _lock_key(entry: dict[str, Any]) -> Key:
    return (
        canonicalize_name(entry["name"]),
        frozenset(canonicalize_name(e) for e in entry.get("extras", [])),
        SpecifierSet(entry.get("specifier", "")),
        entry.get("marker", ""),
    )


def _locked_bayan() -> dict[str, Any]:
    (bayan,) = [p for p in lock()["package"] if p["name"] == "bayan"]
    return bayan


def _stale_hint(what: str) -> str:
    return f"uv.lock is stale ({what}): run `uv lock` (see README, Dependencies)"


def test_lock_records_the_runtime_requirements_of_pyproject() -> None:
    locked = {_lock_key(e) for e in _locked_bayan()["metadata"]["requires-dist"]}
    assert locked == {_key(r) for r in project_requirements()}, _stale_hint("dependencies")


def test_lock_records_every_dependency_group_of_pyproject() -> None:
    locked = _locked_bayan()["metadata"]["requires-dev"]
    assert set(locked) == set(pyproject()["dependency-groups"]), _stale_hint("groups")
    for group, entries in locked.items():
        assert {_lock_key(e) for e in entries} == {_key(r) for r in group_requirements(group)}, (
            _stale_hint(f"group {group}")
        )


def test_lock_records_the_exclusions_of_pyproject() -> None:
    excluded = {canonicalize_name(n) for n in pyproject()["tool"]["uv"]["exclude-dependencies"]}
    assert excluded == HEAVY
    assert {canonicalize_name(n) for n in lock()["manifest"]["excludes"]} == excluded, _stale_hint(
        "exclude-dependencies"
    )


def test_no_heavy_package_is_in_the_lock() -> None:
    locked = {p["name"] for p in lock()["package"]}
    assert not locked & HEAVY
    assert {"camel-tools", "lxml-html-clean", "numpy"} <= locked


def test_every_locked_distribution_has_a_hash() -> None:
    for package in lock()["package"]:
        if "registry" not in package["source"]:
            continue
        files = package.get("wheels", []) + ([package["sdist"]] if "sdist" in package else [])
        assert files, package["name"]
        assert all(f["hash"].startswith("sha256:") for f in files), package["name"]


def _uv_version_pinned() -> str:
    text = (ROOT / "deploy" / "uv-requirements.txt").read_text(encoding="utf-8")
    (version,) = re.findall(r"^uv==([0-9.]+) \\$", text, flags=re.M)
    assert len(re.findall(r"--hash=sha256:[0-9a-f]{64}", text)) >= 10  # one per platform wheel
    return version


def test_the_installer_is_pinned_with_hashes_and_bootstrapped_from_that_file() -> None:
    assert _uv_version_pinned()
    for path in ("deploy/uv.sh", "deploy/Dockerfile"):
        text = (ROOT / path).read_text(encoding="utf-8")
        assert "--require-hashes" in text, path
        assert "deploy/uv-requirements.txt" in text, path


def _commands(text: str) -> list[str]:
    """Shell lines with their continuations joined, comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", text)
    return [line.strip() for line in joined.splitlines() if not line.strip().startswith("#")]


def test_every_install_path_applies_the_lock_and_nothing_else() -> None:
    install = _commands((ROOT / "deploy" / "install.sh").read_text(encoding="utf-8"))
    dockerfile = _commands((ROOT / "deploy" / "Dockerfile").read_text(encoding="utf-8"))
    bootstrap = _commands((ROOT / "deploy" / "uv.sh").read_text(encoding="utf-8"))
    assert not [line for line in bootstrap if " sync " in line]
    assert all("--require-hashes" in line for line in bootstrap if "pip install" in line)
    for lines, where in ((install, "install.sh"), (dockerfile, "Dockerfile")):
        syncs = [line for line in lines if " sync " in line]
        assert syncs, where
        assert all("--frozen" in line for line in syncs), where
        pips = [line for line in lines if "pip install" in line]
        assert all("--require-hashes" in line for line in pips), (where, pips)
    prod = next(line for line in install if "--no-dev" in line)
    assert "--no-editable" in prod
    for script in ("run.sh", "test.sh"):
        text = (ROOT / "deploy" / script).read_text(encoding="utf-8")
        assert "bash deploy/install.sh" in text, script
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash deploy/test.sh" in ci and "bash deploy/install.sh" in ci
