"""Digests, the accusation ledger and charts: the day's statements at a glance."""
