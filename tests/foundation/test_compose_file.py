"""deploy/compose.yaml really runs several Bayan instances on its PostgreSQL.

There is no Docker engine here, so the file is parsed and held to what Bayan
itself would accept: every instance's DATABASE_URL is a valid asyncpg URL
naming the compose database with its own credentials, the instances wait for
a healthy database, and each serves /healthz on the port the image's
HEALTHCHECK asks.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.engine import make_url

from bot.config import load_settings

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def compose() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def bayan_services(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: svc
        for name, svc in spec["services"].items()
        if svc.get("build", {}).get("dockerfile") == "deploy/Dockerfile"
    }


def test_two_or_more_instances_share_the_compose_postgresql() -> None:
    spec = compose()
    db = spec["services"]["db"]
    assert db["image"].startswith("postgres:")
    instances = bayan_services(spec)
    assert len(instances) >= 2
    for name, svc in instances.items():
        env = svc["environment"]
        url = make_url(env["DATABASE_URL"])
        assert url.drivername == "postgresql+asyncpg", name
        assert url.host == "db" and url.database == db["environment"]["POSTGRES_DB"]
        assert url.username == db["environment"]["POSTGRES_USER"]
        assert url.password == db["environment"]["POSTGRES_PASSWORD"]
        assert svc["depends_on"]["db"]["condition"] == "service_healthy"
        settings = load_settings(DATABASE_URL=env["DATABASE_URL"])  # what `bayan run` checks
        assert settings.database_url == env["DATABASE_URL"]
    assert "healthcheck" in db


def test_each_instance_serves_healthz_where_the_image_checks_it() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert dockerfile.count("--extra postgres") == 2  # asyncpg in the image, from the lock
    [check] = re.findall(r"HEALTHCHECK .*?http://127\.0\.0\.1:(\d+)/healthz", dockerfile, re.S)
    for svc in bayan_services(compose()).values():
        env = svc["environment"]
        assert env["BAYAN_STATUS_PORT"] == check
        settings = load_settings(
            BAYAN_STATUS_PORT=env["BAYAN_STATUS_PORT"], BAYAN_STATUS_HOST=env["BAYAN_STATUS_HOST"]
        )
        assert settings.status_port == int(check)
