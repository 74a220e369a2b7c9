"""What a digest says: grouping, per-statement lines, largest figures, totals, links."""

from __future__ import annotations

from datetime import timedelta

from bot.digest.compose import build_digest, render_html, render_text, top_figures
from bot.summarize.model import Figure
from tests.digest.helpers import NOW, item

SY_MFA = "وزارة الخارجية والمغتربين"
JO_MFA = "وزارة الخارجية وشؤون المغتربين"


def _items():
    return [
        item(
            1,
            "SY",
            SY_MFA,
            [("التحالف الدولي", "killing_civilians"), ("التحالف الدولي", "war_crimes")],
            figures=[
                Figure(43, "more_than", "مدنيا", "killed"),
                Figure(6, "exact", "طوابق", "structures"),
            ],
        ),
        item(
            2,
            "JO",
            JO_MFA,
            [("قوات الاحتلال", "killing_civilians")],
            figures=[Figure(30, "at_least", "شخصا", "killed")],
        ),
        item(3, "SY", SY_MFA, [("تركيا", "violating_sovereignty")]),
        item(4, None, "الأمين العام للأمم المتحدة", []),
    ]


def test_statements_are_grouped_by_country_then_issuer_busiest_country_first() -> None:
    d = build_digest(_items(), NOW - timedelta(days=1), NOW, "ar")
    assert list(d.groups) == ["SY", "JO", ""]
    assert [line.statement_id for line in d.groups["SY"][SY_MFA]] == [1, 3]


def test_totals_count_statements_issuers_and_accusations_by_act() -> None:
    d = build_digest(_items(), NOW - timedelta(days=1), NOW, "en")
    assert (d.total, d.issuers) == (4, 3)
    assert d.acts == {"killing_civilians": 2, "war_crimes": 1, "violating_sovereignty": 1}
    text = render_text(d, "en")
    assert "Total: 4 statements from 3 issuers, 4 accusations" in text
    assert "killing civilians 2" in text


def test_each_statement_line_names_accused_and_acts_and_largest_figures() -> None:
    text = render_text(build_digest(_items(), NOW - timedelta(days=1), NOW, "ar"), "ar")
    assert "التحالف الدولي: قتل المدنيين، جرائم حرب" in text
    assert "أكثر من 43 مدنيا" in text
    assert "https://news.example/1" in text
    assert "بلا اتهامات" in text  # the UN line has none


def test_top_figures_prefers_human_toll_and_one_per_category() -> None:
    figs = [
        Figure(5, "exact", "غارات", "attacks"),
        Figure(12, "exact", "مدنيا", "killed"),
        Figure(40, "exact", "مدنيا", "killed"),
        Figure(20, "exact", "جريحا", "injured"),
        Figure(99, "exact", "بالمئة", "other"),
    ]
    assert [(f.category, f.value) for f in top_figures(figs)] == [
        ("killed", 40),
        ("injured", 20),
        ("attacks", 5),
    ]


def test_html_escapes_dynamic_text_and_links_each_statement() -> None:
    items = [
        item(
            9,
            "SY",
            "وزارة <الخارجية>",
            [('جماعة "X" & Co', "other")],
            url="https://a.example/?a=1&b=2",
        )
    ]
    html = render_html(build_digest(items, NOW - timedelta(days=1), NOW, "ar"), "ar")
    assert "وزارة &lt;الخارجية&gt;" in html
    assert "&amp; Co" in html
    assert '<a href="https://a.example/?a=1&amp;b=2">' in html
    assert "<الخارجية>" not in html


def test_empty_digest_is_marked_empty() -> None:
    assert build_digest([], NOW - timedelta(days=1), NOW).empty


def test_totals_use_arabic_number_agreement() -> None:
    from bot.digest.compose import counted

    forms = ("بيان واحد", "بيانان", "بيانات", "بيانا")
    assert [counted(n, "ar", ("s", "p"), forms) for n in (0, 1, 2, 3, 10, 11, 103, 111)] == [
        "لا بيانات",
        "بيان واحد",
        "بيانان",
        "3 بيانات",
        "10 بيانات",
        "11 بيانا",
        "103 بيانات",
        "111 بيانا",
    ]
    assert counted(1, "en", ("statement", "statements"), forms) == "1 statement"
