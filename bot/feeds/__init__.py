"""Feed monitoring: fetch (httpx) → parse (feedparser) → full text (trafilatura)
→ dedup (links, fingerprints) → statements in the store.

Nothing here imports ``bot.delivery``: the caller hands :func:`bot.feeds.poller.poll_once`
a hook that runs inside the ingest transaction, so data flows one way.
"""
