"""The few long-lived objects every part of Bayan shares, built once per process.

Kept deliberately small (PTB's advice for ``bot_data``): settings and the
database. Parts that need more (the feed fetcher's HTTP client, the sender's
state) own it themselves and are handed ``Services`` to find the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from bot.store.db import Database, open_database


@dataclass(slots=True)
class Services:
    settings: Settings
    db: Database

    async def close(self) -> None:
        await self.db.dispose()


async def open_services(settings: Settings) -> Services:
    """Open the database (migrating it) and bundle it with the settings."""
    return Services(settings=settings, db=await open_database(settings.database_url))
