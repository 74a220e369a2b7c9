"""Charts as PNG bytes: statements per day by country, accusations per week by act.

Rendering is blocking (matplotlib), so callers run these functions in a
thread (``asyncio.to_thread``). Arabic labels: matplotlib ≥ 3.11 shapes and
orders Arabic itself through libraqm; on older builds we shape with
arabic-reshaper and reorder with python-bidi. Doing both would reverse the
text twice, hence the feature check rather than always reshaping.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from bot.digest.ledger import party_matches
from bot.i18n import raw
from bot.i18n.labels import act_label, country_label
from bot.render.view import StatementView

CHART_DAYS = 30
CHART_WEEKS = 12
MAX_SERIES = 6


@lru_cache(maxsize=1)
def _pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["font.family"] = "DejaVu Sans"  # ships with matplotlib and has Arabic glyphs
    return plt


@lru_cache(maxsize=1)
def native_complex_text() -> bool:
    """Whether this matplotlib shapes Arabic by itself (built with libraqm)."""
    from matplotlib import ft2font

    return hasattr(ft2font, "__libraqm_version__")


def shape(text: str) -> str:
    """Make an Arabic label display correctly in this matplotlib."""
    if native_complex_text() or not any("\u0600" <= ch <= "\u06ff" for ch in text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))


def _stacked_png(
    x_labels: list[str], series: dict[str, list[int]], title: str, ylabel: str
) -> bytes:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 5), dpi=110)
    try:
        bottom = [0] * len(x_labels)
        positions = list(range(len(x_labels)))
        for name, values in series.items():
            ax.bar(positions, values, bottom=bottom, label=shape(name), width=0.8)
            bottom = [b + v for b, v in zip(bottom, values, strict=False)]
        step = max(1, len(x_labels) // 10)
        ax.set_xticks(
            positions[::step], [x_labels[i] for i in positions[::step]], rotation=30, ha="right"
        )
        ax.set_title(shape(title))
        ax.set_ylabel(shape(ylabel))
        ax.yaxis.get_major_locator().set_params(integer=True)
        if series:
            ax.legend(loc="upper left", fontsize=9)
        ax.grid(axis="y", alpha=0.3)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        return buf.getvalue()
    finally:
        plt.close(fig)


def _top(counter: Counter[str], other: str) -> list[str]:
    names = [n for n, _ in counter.most_common(MAX_SERIES)]
    return names + ([other] if len(counter) > MAX_SERIES else [])


def statements_per_day_png(
    items: list[StatementView],
    until: datetime | None = None,
    *,
    days: int = CHART_DAYS,
    lang: str = "ar",
) -> bytes:
    end = (until or datetime.now(UTC)).date()
    start = end - timedelta(days=days - 1)
    per_country: dict[str, Counter[date]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for item in items:
        day = item.when.astimezone(UTC).date()
        if start <= day <= end:
            name = country_label(item.issuer_country, lang)
            per_country[name][day] += 1
            totals[name] += 1
    other = raw(lang, "chart.other")
    names = _top(totals, other)
    day_list = [start + timedelta(days=i) for i in range(days)]
    series: dict[str, list[int]] = {}
    for name in names:
        if name == other:
            series[name] = [
                sum(c[d] for n, c in per_country.items() if n not in names) for d in day_list
            ]
        else:
            series[name] = [per_country[name][d] for d in day_list]
    return _stacked_png(
        [d.strftime("%m-%d") for d in day_list],
        series,
        raw(lang, "chart.per_day_title", d=days),
        raw(lang, "chart.count"),
    )


def accusations_per_week_png(
    items: list[StatementView],
    party: str,
    until: datetime | None = None,
    *,
    weeks: int = CHART_WEEKS,
    lang: str = "ar",
) -> bytes:
    end = (until or datetime.now(UTC)).date()
    first_monday = end - timedelta(days=end.weekday()) - timedelta(weeks=weeks - 1)
    per_act: dict[str, Counter[date]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for item in items:
        day = item.when.astimezone(UTC).date()
        if day < first_monday or day > end:
            continue
        week = day - timedelta(days=day.weekday())
        acts = {a.act for a in item.summary.accusations if party_matches(party, a.accused)}
        for act in acts:
            label = act_label(act, lang)
            per_act[label][week] += 1
            totals[label] += 1
    week_list = [first_monday + timedelta(weeks=i) for i in range(weeks)]
    other = raw(lang, "chart.other")
    names = _top(totals, other)
    series = {}
    for name in names:
        if name == other:
            series[name] = [
                sum(c[w] for n, c in per_act.items() if n not in names) for w in week_list
            ]
        else:
            series[name] = [per_act[name][w] for w in week_list]
    return _stacked_png(
        [w.strftime("%m-%d") for w in week_list],
        series,
        raw(lang, "chart.per_week_title", p=party),
        raw(lang, "chart.count"),
    )
