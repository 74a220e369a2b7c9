"""deploy/: the systemd unit, the Dockerfile and its build context, the lint hooks and CI.

No systemd runs here and no Docker engine: the unit is read by a parser of the unit
format and by ``systemd-analyze verify`` (systemd's own parser, which needs no running
systemd); the Dockerfile is read for its layer order and user, and linted by hadolint in
the lint stage of CI.
"""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from tests.foundation.packaging_facts import ROOT

DEPLOY = ROOT / "deploy"
Unit = dict[str, dict[str, list[str]]]


def parse_unit(text: str) -> Unit:
    """systemd's unit syntax: [Section], Key=value, # and ; comments, \\ continuations.

    A key may repeat (Environment=, ExecStartPre=): every value is kept, in order.
    """
    unit: Unit = {}
    section: dict[str, list[str]] | None = None
    text = re.sub(r"\s*\\\n\s*", " ", text)
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            section = unit.setdefault(line[1:-1], {})
            continue
        key, sep, value = line.partition("=")
        assert sep and section is not None, f"not a unit line: {raw!r}"
        section.setdefault(key.strip(), []).append(value.strip())
    return unit


def _unit() -> Unit:
    return parse_unit((DEPLOY / "bayan.service").read_text(encoding="utf-8"))


def test_unit_parser_reads_repeats_comments_and_continuations() -> None:
    unit = parse_unit("# c\n[Service]\n; c\nEnvironment=A=1\nEnvironment=B=2 \\\n  C=3\n")
    assert unit == {"Service": {"Environment": ["A=1", "B=2 C=3"]}}


def test_unit_runs_bayan_from_the_locked_venv_as_an_unprivileged_user() -> None:
    service = _unit()["Service"]
    assert service["ExecStart"] == ["/opt/bayan/.venv/bin/bayan run"]
    assert service.get("DynamicUser") == ["yes"] or service["User"] not in (["root"], ["0"])
    assert service["NoNewPrivileges"] == ["yes"]
    assert service["ProtectSystem"] == ["strict"]


def test_unit_writes_only_where_systemd_creates_the_directory() -> None:
    # ReadWritePaths= on a directory nothing creates stops the unit on a fresh machine;
    # StateDirectory= makes /var/lib/bayan, owned by the service's user, at every start.
    service = _unit()["Service"]
    assert "ReadWritePaths" not in service
    assert service["StateDirectory"] == ["bayan"]
    state = "/var/lib/bayan"
    assert service["WorkingDirectory"] == [state]  # .env and ./data/bayan.db live here
    assert f"HOME={state}" in service["Environment"]  # camel-tools data, matplotlib cache


def test_unit_documents_creating_its_user() -> None:
    text = (DEPLOY / "bayan.service").read_text(encoding="utf-8")
    user = _unit()["Service"]["User"][0]
    assert re.search(rf"useradd --system .*\b{user}$", text, flags=re.M)


def test_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze (Debian's systemd package) verifies the unit"
    # verify also checks that ExecStart= exists; stand a real program in for the venv's.
    text = (DEPLOY / "bayan.service").read_text(encoding="utf-8")
    copy = tmp_path / "bayan.service"
    copy.write_text(text.replace("/opt/bayan/.venv/bin/bayan", "/bin/true"), encoding="utf-8")
    proc = subprocess.run(
        [analyze, "verify", str(copy)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert "bayan.service" not in proc.stderr, proc.stderr  # e.g. "Unknown key ..."


def _instructions() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n", " ", (DEPLOY / "Dockerfile").read_text(encoding="utf-8"))
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [(ln.split(None, 1)[0].upper(), ln.split(None, 1)[1]) for ln in lines]


def test_dockerfile_installs_the_dependencies_before_copying_the_code() -> None:
    steps = _instructions()
    lock_copy = steps.index(("COPY", "pyproject.toml uv.lock ./"))
    deps = next(
        i for i, (op, arg) in enumerate(steps) if op == "RUN" and "--no-install-project" in arg
    )
    code = next(i for i, (op, arg) in enumerate(steps) if op == "COPY" and arg.startswith("bot"))
    assert lock_copy < deps < code


def test_dockerfile_runs_as_a_non_root_user_without_uv_or_sources() -> None:
    steps = _instructions()
    final = max(i for i, (op, _) in enumerate(steps) if op == "FROM")
    final_steps = steps[final:]
    users = [arg for op, arg in final_steps if op == "USER"]
    assert users and users[-1] not in ("root", "0")
    copies = [arg for op, arg in final_steps if op == "COPY"]
    assert copies == ["--from=build /opt/bayan/.venv /opt/bayan/.venv"]
    assert not any("torch" in arg for _, arg in steps)


def _ignored(path: str, patterns: list[str]) -> bool:
    """.dockerignore semantics: the last pattern matching the path or a parent decides."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    verdict = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pat = pattern.lstrip("!").rstrip("/")
        if any(fnmatch.fnmatch(p, pat) for p in prefixes):
            verdict = not negate
    return verdict


def test_dockerignore_sends_the_sources_and_keeps_out_secrets_and_environments() -> None:
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    patterns = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    for needed in ("pyproject.toml", "uv.lock", "README.md", "LICENSE", "bot/cli.py",
                   "handlers/__init__.py", "deploy/uv-requirements.txt",
                   "bot/store/migrations/script.py.mako"):  # fmt: skip
        assert not _ignored(needed, patterns), needed
    for secret in (".env", ".venv/bin/python", ".venv-dev/bin/python", "data/bayan.db",
                   ".git/config", ".cache/uv-0.13.8/bin/uv", "tests/conftest.py",
                   "bot/__pycache__/cli.cpython-311.pyc"):  # fmt: skip
        assert _ignored(secret, patterns), secret


def test_pre_commit_hooks_are_local_and_cover_lint_and_the_lock() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = {hook["id"]: hook for hook in config["repos"][0]["hooks"]}
    assert {"ruff-check", "ruff-format", "hadolint", "uv-lock-check"} <= set(hooks)
    assert "--check" in hooks["ruff-format"]["entry"]


def test_ci_lints_before_it_tests_and_ends_with_the_readme_test_command() -> None:
    lines = [
        ln.strip()
        for ln in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.strip().startswith(("#", "echo"))
    ]
    lint = lines.index(".venv-dev/bin/pre-commit run --all-files --show-diff-on-failure")
    assert lines[-1].startswith("bash deploy/test.sh")
    assert lint < len(lines) - 1
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash deploy/test.sh" in readme and "bash deploy/run.sh" in readme
