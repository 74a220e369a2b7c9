"""Key sentences: two or three sentences as written, the lead first."""

from bot.summarize.keys import key_sentences
from bot.summarize.model import Demand, Figure, Summary

SENTENCES = [
    "دمشق 5 آب واس",
    "قالت وزارة الخارجية في بيان اليوم إن القصف استهدف الأحياء السكنية في المدينة.",
    "وأضافت أن الطائرات عادت إلى قواعدها بعد الغارة الأولى مباشرة.",
    "وطالبت الوزارة مجلس الأمن بالتحرك الفوري لوقف هذه الاعتداءات المتكررة.",
    "وأسفر القصف عن مقتل أكثر من عشرين مدنيا بينهم أطفال ونساء.",
]


def test_lead_then_the_sentences_behind_demands_and_figures_in_text_order():
    summary = Summary(
        demands=[Demand("مجلس الأمن", "التحرك الفوري", SENTENCES[3])],
        figures=[Figure(20, "more_than", "مدنيا", "killed", "أكثر من عشرين مدنيا", SENTENCES[4])],
    )
    assert key_sentences(SENTENCES, summary) == [SENTENCES[1], SENTENCES[3], SENTENCES[4]]


def test_without_extracted_fields_the_lead_paragraph_gives_two_sentences():
    assert key_sentences(SENTENCES, Summary()) == SENTENCES[1:3]


def test_sentences_are_returned_exactly_as_written():
    picked = key_sentences(SENTENCES, Summary())
    assert all(s in SENTENCES for s in picked)


def test_short_text_gives_what_there_is():
    assert key_sentences(["بيان قصير"], Summary()) == ["بيان قصير"]
    assert key_sentences([], Summary()) == []


def test_a_run_on_sentence_is_cut_at_a_word_boundary() -> None:
    from bot.summarize import summarize
    from bot.summarize.keys import MAX_KEY_CHARS

    wall = "أدانت وزارة الخارجية القصف " * 2000  # no full stop anywhere
    keys = summarize(wall).key_sentences
    assert keys and all(len(k) <= MAX_KEY_CHARS + 2 for k in keys)
    assert keys[0].endswith(" …") and not keys[0][:-2].endswith(" ")
