"""Alert HTML: escaped, direction-safe, split into parts Telegram accepts."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from bot.i18n.bidi import FSI, LRI, PDI, dyn, isolate_runs
from bot.render.alert import render_alert_html, render_revision_html, render_summary_html
from bot.render.plain import to_plain_text
from bot.render.split import split_message, utf16_len, visible_length
from bot.render.view import StatementView
from bot.summarize.model import Accusation, Demand, Figure, Issuer, Summary


class _TagChecker(HTMLParser):
    """Fails on a part whose tags do not balance (what Telegram rejects)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack}")
        else:
            self.stack.pop()


def assert_balanced(part: str) -> None:
    checker = _TagChecker()
    checker.feed(part)
    checker.close()
    assert not checker.errors, checker.errors
    assert not checker.stack, f"unclosed {checker.stack}"
    assert not re.search(r"<[^>]*$", part), "part ends inside a tag"


def summary() -> Summary:
    return Summary(
        is_statement=True,
        issuer=Issuer("وزارة الخارجية", "SY"),
        addressees=["الأمين العام للأمم المتحدة", "رئيس مجلس الأمن"],
        accusations=[
            Accusation("التحالف الدولي", "killing_civilians"),
            Accusation("قوات الاحتلال", "occupation_settlement"),
            Accusation("التحالف الدولي", "war_crimes"),
        ],
        demands=[Demand("مجلس الأمن", "إدانة الغارات"), Demand("", "وقف العدوان")],
        figures=[
            Figure(43, "more_than", "مدنيا", "killed"),
            Figure(1500000, "about", "دولار", "money"),
        ],
        places=["الرقة", "دير الزور"],
        key_sentences=["قُتل أكثر من 43 مدنياً في غارات على الرقة."],
    )


VIEW = StatementView(
    id=7,
    title="بيان حول الغارات",
    url="https://ministry.example/st/7?a=1&b=2",
    sources=["https://news.example.org/x"],
)


def test_alert_groups_accusations_by_accused_party():
    html = render_alert_html(VIEW, summary(), "ar")[0]
    coalition_lines = [line for line in html.splitlines() if "التحالف الدولي" in line]
    assert len(coalition_lines) == 1
    assert "قتل المدنيين" in coalition_lines[0] and "جرائم حرب" in coalition_lines[0]


def test_alert_shows_every_part_of_the_summary_with_arabic_labels():
    html = render_alert_html(VIEW, summary(), "ar")[0]
    for needle in (
        "بيان",
        "وزارة الخارجية",
        "SY",
        "موجّه إلى",
        "الأمين العام للأمم المتحدة",
        "الاتهامات",
        "المطالب",
        "إدانة الغارات",
        "الأرقام",
        "أكثر من",
        "قتلى",
        "أموال",
        "الأماكن",
        "دير الزور",
        "ministry.example",
        "news.example.org",
    ):
        assert needle in html, needle


def test_alert_uses_english_labels_for_english_chats():
    html = render_alert_html(VIEW, summary(), "en")[0]
    assert "Accusations" in html and "killing civilians" in html and "more than" in html
    assert "الاتهامات" not in html


def test_figures_carry_qualifier_and_category():
    html = render_alert_html(VIEW, summary(), "en")[0]
    line = next(line for line in html.splitlines() if "43" in line)
    assert "more than" in line and "(killed)" in line
    assert "1,500,000" in html and "(money)" in html


def test_every_dynamic_string_is_escaped():
    s = summary()
    s.issuer = Issuer("<script>alert(1)</script> & co", None)
    s.accusations = [Accusation("a <b>bold</b> party", "other")]
    view = StatementView(title="1 < 2 & 3 > 2", url='https://x.example/?q="><b>')
    html = render_alert_html(view, s, "en")[0]
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "1 &lt; 2 &amp; 3 &gt; 2" in html
    assert 'href="https://x.example/?q=&quot;&gt;&lt;b&gt;"' in html
    assert_balanced(html)


def test_latin_and_digit_runs_inside_arabic_are_isolated():
    out = isolate_runs("دعت UN Security Council إلى حماية 43 مدنيا")
    assert f"{LRI}UN Security Council{PDI}" in out
    assert f"{LRI}43{PDI}" in out


def test_each_dynamic_value_is_a_first_strong_isolate():
    assert dyn("الرقة") == f"{FSI}الرقة{PDI}"
    assert dyn("  ") == ""


def test_stray_bidi_controls_from_feeds_are_removed():
    assert "\u202e" not in isolate_runs("نص\u202e مقلوب")


def test_non_http_links_are_not_rendered():
    view = StatementView(title="t", url="javascript:alert(1)")
    html = render_alert_html(view, summary(), "en")[0]
    assert "javascript:" not in html


def test_revised_alert_is_marked_and_lists_changes():
    diff = {
        "accusations_added": [{"accused": "الميليشيات", "act": "siege_starvation"}],
        "figures_changed": [
            {
                "before": {
                    "value": 43,
                    "qualifier": "more_than",
                    "unit": "مدنيا",
                    "category": "killed",
                },
                "after": {
                    "value": 50,
                    "qualifier": "more_than",
                    "unit": "مدنيا",
                    "category": "killed",
                },
            }
        ],
    }
    html = render_revision_html(VIEW, summary(), diff, "en")[0]
    assert "Revised" in html and "What changed" in html
    assert "الميليشيات" in html and "siege and starvation" in html
    assert "43" in html and "50" in html
    assert "Revised" in render_alert_html(VIEW, summary(), "en", revised=True)[0]


def test_summary_answer_says_when_text_is_not_a_statement():
    parts = render_summary_html(Summary(is_statement=False, notices=["not_arabic"]), "en")
    assert "does not look like an official statement" in parts[0]
    assert "mostly not Arabic" in parts[0]


def test_summary_answer_renders_the_same_blocks_as_an_alert():
    html = render_summary_html(summary(), "ar")[0]
    assert "الاتهامات" in html and "ministry.example" not in html


def test_short_message_is_one_part():
    assert split_message("<b>قصير</b>") == ["<b>قصير</b>"]
    assert split_message("   ") == []


def test_long_message_is_split_under_the_limit_counted_in_utf16_units():
    # Emoji outside the BMP count two UTF-16 units each: 3000 of them are 6000 units.
    text = "😀 " * 3000
    parts = split_message(text)
    assert len(parts) == 3
    assert all(utf16_len(p) <= 4096 for p in parts)
    assert sum(p.count("😀") for p in parts) == 3000


def test_split_never_cuts_inside_a_tag_and_reopens_open_tags():
    sentence = 'أكدت الوزارة أن <a href="https://e.example/a?x=1&amp;y=2">الغارات</a> طالت المدنيين، وأن <b>الحصار</b> مستمر. '
    html = "<i>" + sentence * 120 + "</i>"
    parts = split_message(html, limit=1000)
    assert len(parts) > 1
    for part in parts:
        assert visible_length(part) <= 1000
        assert_balanced(part)
        assert part.startswith("<i>") and part.endswith("</i>")
    plain = "".join(to_plain_text(p, with_urls=False) for p in parts)
    assert plain.count("الغارات") == 120


def test_split_prefers_sentence_and_arabic_punctuation_boundaries():
    html = ("جملة أولى طويلة نسبيا، تليها جملة ثانية؛ ثم سؤال؟ " * 60).strip()
    parts = split_message(html, limit=500)
    for part in parts[:-1]:
        assert part.rstrip()[-1] in ".؟،؛", part[-10:]


def test_split_prefers_line_breaks_over_sentences():
    lines = [f"سطر رقم {i} فيه جملة. وجملة أخرى" for i in range(200)]
    parts = split_message("\n".join(lines), limit=700)
    for part in parts:
        assert part.startswith("سطر") and part.endswith("أخرى")


def test_split_never_cuts_an_entity():
    html = "&amp;" * 5000
    parts = split_message(html, limit=4096)
    assert all(re.fullmatch(r"(&amp;)+", p) for p in parts)
    assert sum(visible_length(p) for p in parts) == 5000


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_huge_alert_splits_into_valid_parts(lang):
    s = summary()
    s.key_sentences = [
        "قال المتحدث إن الهجمات مستمرة، وإن الضحايا بالعشرات؛ وطالب بالتحقيق. " * 40
    ] * 3
    s.places = [f"مكان {i}" for i in range(300)]
    parts = render_alert_html(VIEW, s, lang)
    assert len(parts) > 1
    for part in parts:
        assert visible_length(part) <= 4096
        assert_balanced(part)


def test_plain_text_keeps_link_urls_and_unescapes():
    assert (
        to_plain_text('<b>a &amp; b</b> <a href="https://x.example/?a=1&amp;b=2">x</a>')
        == "a & b x (https://x.example/?a=1&b=2)"
    )


def test_figure_label_stays_outside_the_isolated_amount():
    """ "more than" is English, "43 مدنيا" Arabic: one isolate for both would reorder them."""
    html = render_alert_html(VIEW, summary(), "en")[0]
    assert f"more than {FSI}{LRI}43{PDI} مدنيا{PDI} (killed)" in html
