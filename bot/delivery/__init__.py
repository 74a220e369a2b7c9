"""Delivery: subscription matching, the outbox, and the sender that drains it.

Data flows one way: a stored statement is matched to subscriptions
(:mod:`matching`), which writes outbox rows (:mod:`outbox`) in the same
transaction; the sender (:mod:`sender`) turns rows into Telegram messages.
"""
