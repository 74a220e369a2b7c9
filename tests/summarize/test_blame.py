"""Blame without an accusation verb: an act noun and the state it hangs off."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.blame import blames
from bot.summarize.text import normalize


def pairs(sentence: str, own: str | None = "SA") -> list[tuple[str, str, str]]:
    return blames(sentence, normalize(sentence), own)


def test_a_nationality_adjective_on_the_act_noun_names_the_state() -> None:
    assert pairs("وأكد الوزير رفض المملكة التدخلات الإيرانية في شؤون المنطقة.") == [
        ("إيران", "IR", "violating_sovereignty")
    ]


def test_an_acting_body_with_its_adjective_is_kept_as_written() -> None:
    got = pairs("وحذر البيان من تهديد النظام الإيراني للملاحة في الخليج.")
    assert got == [("النظام الإيراني", "IR", "other")]


def test_a_state_after_a_preposition_is_a_place_or_victim_not_the_doer() -> None:
    assert pairs("وتحدث البيان عن مجازر في البوسنة قبل عقود.") == []


def test_the_issuers_own_state_is_never_blamed() -> None:
    assert pairs("ورفضت الوزارة مزاعم السعودية بشأن الحادث.", own="SA") == []


def test_a_victims_adjective_is_not_a_party() -> None:
    assert pairs("ونددت الوزارة بقمع المتظاهرين الإيرانيين.") == []


def test_in_a_statement_the_noun_frame_gives_an_accusation_with_the_rules_name() -> None:
    s = summarize(
        "قالت وزارة الخارجية السعودية في بيان إنها ترفض التدخلات الإيرانية في شؤون البحرين."
    )
    assert ("إيران", "violating_sovereignty") in {(a.accused, a.act) for a in s.accusations}
