"""What a person reads: summaries, alerts, digests and ledgers as text and HTML.

Render formats summary objects and knows no database and no Telegram, so
delivery, digest and handlers all import it (see ARCHITECTURE.md).
"""
