"""Bayan: government statements from news feeds, summarized and delivered to Telegram chats."""

__version__ = "0.1.0"
