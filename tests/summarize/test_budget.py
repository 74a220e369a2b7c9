"""Work units: the summarizer's cost grows linearly with the text, counted, not timed.

Each adversarial text is summarized at 1x, 2x and 4x its size; the units the
second doubling adds must be twice the first's (within 10 %): linear growth, with
at most a small fixed cost per text. A quadratic path charged to the meter (the
issuer's grouping, per-sentence extractor passes) would add four times as much,
whatever the machine's speed.
"""

from __future__ import annotations

import pytest

from bot.summarize import budget, summarize, summarize_counted

STATEMENT = (
    "قالت وزارة الخارجية السورية في رسالة إلى الأمين العام للأمم المتحدة إن قوات الاحتلال "
    "الإسرائيلي قتلت 43 مدنيا في دير الزور، وطالبت مجلس الأمن بإدانة العدوان. "
)
ADVERSARIAL = {
    "repeated speaker phrase": "قالت وزارة الخارجية ",
    "repeated statement": STATEMENT,
    "statement without full stops": STATEMENT.replace(". ", "، "),
    "repeated accusation": "اتهمت الحكومة إسرائيل بقتل ",
    "numbers in one run": "قتل 5 مدنيين و",
    "quotes never closed": '«قال "',
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_work_units_grow_linearly(name: str) -> None:
    unit = ADVERSARIAL[name]
    base = unit * (6000 // len(unit))
    costs = [summarize_counted(base * k)[1] for k in (1, 2, 4)]
    first, second = costs[1] - costs[0], costs[2] - costs[1]  # units of 1x more, then of 2x more
    assert first > 0
    assert second / first == pytest.approx(2, rel=0.1)  # quadratic: 4
    # a fixed cost per text (the learned models' text-level passes) may come on top, but
    # it stays below the cost of the text itself
    assert costs[0] - first < first / 2


def test_a_statement_spends_a_small_share_of_its_budget() -> None:
    summary, spent = summarize_counted(STATEMENT * 3)
    limit = budget.BASE_UNITS + budget.UNITS_PER_CHAR * len((STATEMENT * 3).strip())
    assert spent < limit / 4
    assert "over_budget" not in summary.notices and summary.issuer is not None


def test_a_text_over_budget_says_so_and_is_cut_the_same_way_every_time() -> None:
    text = "قتل 5 مدنيين. " * 4000  # thousands of tiny sentences: the fixed costs add up
    first, second = summarize(text), summarize(text)
    assert "over_budget" in first.notices
    assert first.to_dict() == second.to_dict()


def test_meter_stops_passes_once_its_limit_is_passed() -> None:
    meter = budget.Meter(limit=10)
    assert meter.spend(10) and not meter.exhausted
    assert not meter.spend(1) and meter.exhausted and meter.spent == 11


def test_no_meter_means_no_limit() -> None:
    assert budget.spend(10**12)
