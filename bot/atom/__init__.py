"""Bayan's own Atom feed of summarized statements: the document (:mod:`.feed`) and its
HTTP route (:mod:`.http`). On the top layer: it reads statements through ``bot.queries``
and matches filters with ``bot.delivery.matching``, as subscriptions are matched."""
