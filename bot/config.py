"""Settings from the environment and ``.env``, validated once at start-up.

Every setting is listed, with its default, in ``.env.example``. A wrong value
must stop Bayan with one line naming the setting (see :func:`load_settings`),
never with a traceback, because the people who deploy this are not always the
people who wrote it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

OFFICIAL_API_URL = "https://api.telegram.org"
PROXY_SCHEMES = ("http://", "https://", "socks5://", "socks5h://")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingsError(Exception):
    """Raised with a one-line, user-facing message naming the bad setting."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_url: str = Field(default=OFFICIAL_API_URL, alias="TELEGRAM_API_URL")
    database_url: str = Field(default="sqlite+aiosqlite:///./data/bayan.db", alias="DATABASE_URL")
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list, alias="BAYAN_ADMIN_IDS")
    timezone: str = Field(default="UTC", alias="BAYAN_TIMEZONE")
    poll_interval: int = Field(default=300, ge=30, le=86400, alias="BAYAN_POLL_INTERVAL")
    allow_private_hosts: bool = Field(default=False, alias="BAYAN_ALLOW_PRIVATE_HOSTS")
    log_level: str = Field(default="INFO", alias="BAYAN_LOG_LEVEL")
    fetch_max_bytes: int = Field(default=5 * 1024 * 1024, ge=1024, alias="BAYAN_FETCH_MAX_BYTES")
    fetch_timeout: float = Field(default=20.0, gt=0, le=300, alias="BAYAN_FETCH_TIMEOUT")
    fetch_concurrency: int = Field(default=20, ge=1, le=500, alias="BAYAN_FETCH_CONCURRENCY")
    fetch_per_host: int = Field(default=2, ge=1, le=50, alias="BAYAN_FETCH_PER_HOST")
    max_backoff: int = Field(default=6 * 3600, ge=60, alias="BAYAN_MAX_BACKOFF")
    backfill: int = Field(default=0, ge=0, le=100, alias="BAYAN_BACKFILL")
    # items whose feed text is shorter than this (or ends in an ellipsis) get their article page fetched; 0: never
    fulltext_min_chars: int = Field(default=300, ge=0, le=100000, alias="BAYAN_FULLTEXT_MIN_CHARS")
    rate_overall: float = Field(default=30.0, gt=0, alias="BAYAN_RATE_OVERALL")
    rate_per_chat: float = Field(default=1.0, gt=0, alias="BAYAN_RATE_PER_CHAT")
    # Telegram's paid broadcasts (allow_paid_broadcast): alerts beyond 30/s, charged in Stars
    paid_broadcast: bool = Field(default=False, alias="BAYAN_PAID_BROADCAST")
    paid_broadcast_rate: float = Field(
        default=1000.0, gt=0, le=1000, alias="BAYAN_PAID_BROADCAST_RATE"
    )
    rate_group_per_minute: float = Field(default=20.0, gt=0, alias="BAYAN_RATE_GROUP_PER_MINUTE")
    send_workers: int = Field(default=4, ge=1, le=64, alias="BAYAN_SEND_WORKERS")
    console_language: str = Field(default="ar", alias="BAYAN_CONSOLE_LANGUAGE")
    # open: anyone may use the bot; closed: only BAYAN_ALLOWED_CHATS and admins (no Atom feed)
    access: str = Field(default="open", alias="BAYAN_ACCESS")
    allowed_chats: Annotated[list[int], NoDecode] = Field(
        default_factory=list, alias="BAYAN_ALLOWED_CHATS"
    )
    summary_daily: int = Field(default=20, ge=0, le=100000, alias="BAYAN_SUMMARY_DAILY")
    search_daily: int = Field(default=100, ge=0, le=100000, alias="BAYAN_SEARCH_DAILY")
    atom_host: str = Field(default="127.0.0.1", alias="BAYAN_ATOM_HOST")
    atom_port: int = Field(default=0, ge=0, le=65535, alias="BAYAN_ATOM_PORT")
    # days kept of feed entries and finished deliveries (statements are kept); 0: forever
    retention_days: int = Field(default=90, ge=0, le=36500, alias="BAYAN_RETENTION_DAYS")
    log_format: str = Field(default="text", alias="BAYAN_LOG_FORMAT")
    # named in the User-Agent of every feed fetch, so a site's operator can find who polls it
    project_url: str = Field(default="", alias="BAYAN_PROJECT_URL")
    # proxy for the Bot API only (feeds never use one: see the README)
    telegram_proxy: SecretStr | None = Field(default=None, alias="TELEGRAM_PROXY")
    # PostgreSQL, several instances: seconds an outbox claim / a feed poll is leased to one
    # instance; a dead instance's work is taken over when its lease runs out
    outbox_lease: float = Field(default=120.0, ge=1, le=3600, alias="BAYAN_OUTBOX_LEASE")
    feed_lease: float = Field(default=300.0, ge=1, le=86400, alias="BAYAN_FEED_LEASE")
    # webhook mode (bot.updates): Telegram POSTs updates to this public URL; unset: long polling
    webhook_url: str | None = Field(default=None, alias="BAYAN_WEBHOOK_URL")
    webhook_secret: SecretStr | None = Field(default=None, alias="BAYAN_WEBHOOK_SECRET")
    webhook_listen: str = Field(default="127.0.0.1", alias="BAYAN_WEBHOOK_LISTEN")
    webhook_port: int = Field(default=8443, ge=0, le=65535, alias="BAYAN_WEBHOOK_PORT")
    webhook_path: str = Field(default="telegram", alias="BAYAN_WEBHOOK_PATH")
    # /healthz and /metrics (bot.status): off unless a port is set; 0 picks a free port
    status_port: int | None = Field(default=None, ge=0, le=65535, alias="BAYAN_STATUS_PORT")
    # 127.0.0.1 keeps them on this machine; 0.0.0.0 opens them (e.g. to Prometheus in compose)
    status_host: str = Field(default="127.0.0.1", alias="BAYAN_STATUS_HOST")

    @property
    def send_rate(self) -> float:
        """Messages a second for the whole bot: Telegram's free 30/s (``BAYAN_RATE_OVERALL``),
        or the paid-broadcast rate when alerts are sent as paid broadcasts."""
        return self.paid_broadcast_rate if self.paid_broadcast else self.rate_overall

    @field_validator("admin_ids", "allowed_chats", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p for p in value.replace(";", ",").replace(" ", ",").split(",") if p]
            try:
                return [int(p) for p in parts]
            except ValueError:
                raise ValueError(
                    "expected Telegram user ids separated by commas, e.g. 12345,67890 (groups: -100…)"
                ) from None
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Asia" is a folder of zones
            raise ValueError(
                f"unknown time zone {value!r}; use an IANA name such as Asia/Damascus"
            ) from None
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        value = value.upper()
        if value not in LOG_LEVELS:
            raise ValueError(f"expected one of {', '.join(LOG_LEVELS)}")
        return value

    @field_validator("access")
    @classmethod
    def _access(cls, value: str) -> str:
        value = value.strip().lower()
        if value not in ("open", "closed"):
            raise ValueError("expected open or closed")
        return value

    @field_validator("log_format")
    @classmethod
    def _log_format(cls, value: str) -> str:
        value = value.strip().lower()
        if value not in ("text", "json"):
            raise ValueError("expected text or json")
        return value

    @field_validator("project_url")
    @classmethod
    def _project_url(cls, value: str) -> str:
        value = value.strip()
        if value and not value.startswith(("http://", "https://")):
            raise ValueError(
                "expected an http:// or https:// URL, e.g. https://github.com/you/bayan"
            )
        return value

    @field_validator("console_language")
    @classmethod
    def _console_lang(cls, value: str) -> str:
        value = value.strip().lower()
        if value not in ("ar", "en"):
            raise ValueError("expected ar or en")
        return value

    @field_validator("telegram_api_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("expected an http:// or https:// URL, e.g. https://api.telegram.org")
        return value.rstrip("/")

    @field_validator("database_url")
    @classmethod
    def _database(cls, value: str) -> str:
        """Refuse at start-up what SQLAlchemy would refuse later with a traceback (never echoing the URL:
        it may hold a password). A plain SQLite file (the default, no query string) needs no
        check and no SQLAlchemy import: cron's ``bayan poll --once`` starts without it."""
        if value.startswith("sqlite+aiosqlite:///") and "?" not in value:
            return value
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError, NoSuchModuleError

        try:
            url = make_url(value)
        except ArgumentError:
            raise ValueError(
                "not a database URL; e.g. sqlite+aiosqlite:///./data/bayan.db"
            ) from None
        try:
            dialect = url.get_dialect()
        except NoSuchModuleError:
            raise ValueError(f"unknown database kind {url.drivername!r}") from None
        if not getattr(dialect, "is_async", False):
            raise ValueError(
                f"{url.drivername!r} is not an asyncio driver; e.g. sqlite+aiosqlite:///./data/bayan.db"
            )
        try:
            dialect.import_dbapi()
        except ImportError as exc:
            raise ValueError(
                f"its driver {exc.name or url.drivername!r} is not installed"
            ) from None
        return value

    @field_validator("telegram_proxy", mode="before")
    @classmethod
    def _proxy(cls, value: object) -> object:
        """http, https or socks5 (socks5h too); refused here rather than by httpx at the first request."""
        if value in ("", None):
            return None
        text = str(value.get_secret_value() if isinstance(value, SecretStr) else value).strip()
        if not text.startswith(PROXY_SCHEMES):
            raise ValueError(
                "expected http://, https:// or socks5:// followed by host:port, "
                "e.g. socks5://127.0.0.1:1080"
            )
        return text

    @field_validator(
        "telegram_bot_token", "status_port", "webhook_url", "webhook_secret", mode="before"
    )
    @classmethod
    def _empty_token(cls, value: object) -> object:
        return None if value in ("", None) else value

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://")):
            raise ValueError("expected the public https:// URL Telegram posts updates to")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not re.fullmatch(
            r"[A-Za-z0-9_-]{1,256}", value.get_secret_value()
        ):
            raise ValueError("1 to 256 characters: letters, digits, _ and - (Telegram's rule)")
        return value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        """A webhook without a secret would take updates from anyone who finds its URL."""
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError("BAYAN_WEBHOOK_SECRET must be set with BAYAN_WEBHOOK_URL")
        return self

    @property
    def token(self) -> str | None:
        return self.telegram_bot_token.get_secret_value() if self.telegram_bot_token else None

    @property
    def proxy(self) -> str | None:
        """The Bot API proxy URL, credentials included (never log it: see :func:`bot.redact.mask_url`)."""
        return self.telegram_proxy.get_secret_value() if self.telegram_proxy else None

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file, so its folder can be created before first use."""
        prefix = "sqlite+aiosqlite:///"
        if self.database_url.startswith(prefix) and ":memory:" not in self.database_url:
            return Path(self.database_url[len(prefix) :])
        return None


def _describe(exc: ValidationError) -> str:
    fields = Settings.model_fields
    lines = []
    for err in exc.errors():
        loc = err["loc"][0] if err["loc"] else "?"
        info = fields.get(str(loc))
        name = info.alias if info and info.alias else str(loc)
        msg = err["msg"].removeprefix("Value error, ")
        if not err["loc"]:  # a rule across settings names them itself
            lines.append(f"invalid settings: {msg}")
            continue
        lines.append(f"invalid setting {name}: {msg}")
    return "; ".join(lines)


def load_settings(**overrides: object) -> Settings:
    """Read and validate settings; raise :class:`SettingsError` with one readable line."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise SettingsError(_describe(exc)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
