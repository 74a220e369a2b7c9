"""Charts are real PNGs of a sensible size, with Arabic or English labels."""

from __future__ import annotations

import struct

from bot.digest.charts import (
    accusations_per_week_png,
    native_complex_text,
    shape,
    statements_per_day_png,
)
from tests.digest.helpers import NOW, item

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _items():
    out = []
    for i in range(40):
        country = ["SY", "JO", "IQ", "YE", None][i % 5]
        acts = (
            [("إسرائيل", "killing_civilians")]
            if i % 2
            else [("قوات الاحتلال الإسرائيلي", "war_crimes")]
        )
        out.append(item(i, country, "وزارة الخارجية", acts, hours_ago=i * 13))
    return out


def test_statements_per_day_chart_is_a_png_of_sensible_size() -> None:
    data = statements_per_day_png(_items(), NOW, lang="ar")
    w, h = png_size(data)
    assert 600 <= w <= 2000 and 300 <= h <= 1200
    assert 5_000 < len(data) < 500_000


def test_accusations_per_week_chart_is_a_png_in_both_languages() -> None:
    for lang in ("ar", "en"):
        data = accusations_per_week_png(_items(), "إسرائيل", NOW, lang=lang)
        w, h = png_size(data)
        assert w > 600 and h > 300


def test_empty_data_still_gives_a_chart() -> None:
    assert png_size(statements_per_day_png([], NOW))[0] > 0


def test_arabic_labels_are_shaped_once_not_twice() -> None:
    label = "سوريا"
    shaped = shape(label)
    if native_complex_text():
        assert shaped == label  # matplotlib shapes it itself; reshaping again would reverse it
    else:
        assert shaped != label and max(shaped) >= "\ufe8e"  # presentation forms, visual order
    assert shape("Syria 2026") == "Syria 2026"
