"""Figures a statement cites: value, qualifier, counted noun and category.

All example sentences are written for these tests, except the three taken
from our own seed letter (``ministry-letter.txt``), which is ours to use.
"""

from __future__ import annotations

import pytest

from bot.summarize.figures import extract_figures
from bot.summarize.model import Figure
from bot.summarize.text import prepare, split_sentences


def figures(text: str) -> list[Figure]:
    clean, _ = prepare(text)
    return extract_figures(split_sentences(clean))


def triples(text: str) -> list[tuple[float, str, str]]:
    return [(f.value, f.qualifier, f.category) for f in figures(text)]


# --- the seed letter ----------------------------------------------------------

SEED = (
    'وذكرت وكالة الأنباء السورية "سانا" ان "التحالف الدولي" كان قد "ارتكب جريمة مروعة جديدة في مدينة '
    "الرقة مساء الجمعة الماضي، حيث قامت طائراته بقصف مبنى الجميلي المؤلف من ستة طوابق ما تسبب "
    'باستشهاد أكثر من 43 مدنيا أغلبهم من النساء والأطفال وإصابة آخرين بجروح ووقوع دمار كبير في المبنى".\n'
    'وأشارت "سانا" إلى أن التحالف "أقر في بيان رسمي أصدره أمس بأن ما لا يقل عن 484 مدنيا قتلوا بسبب '
    'الضربات التي نفذها طيران هذا "التحالف" في سوريا والعراق خلال الفترة القصيرة الماضية".'
)


def test_the_seed_letter_gives_its_three_figures() -> None:
    assert triples(SEED) == [
        (6, "exact", "structures"),
        (43, "more_than", "killed"),
        (484, "at_least", "killed"),
    ]


def test_unit_and_text_are_cut_from_the_sentence_as_written() -> None:
    f = figures(SEED)
    assert [x.unit for x in f] == ["طوابق", "مدنيا", "مدنيا"]
    assert f[0].text == "ستة طوابق"
    assert f[1].text == "أكثر من 43 مدنيا"
    assert f[2].text == "ما لا يقل عن 484 مدنيا"
    assert f[2].evidence.startswith("وأشارت")


# --- how numbers are written --------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("قتل 27 مدنيا في القصف.", 27),
        ("قتل ٢٧ مدنيا في القصف.", 27),
        ("نزح 12,500 شخص من القرى.", 12500),
        ("نزح ١٢٬٥٠٠ شخص من القرى.", 12500),
        ("بلغت الخسائر 2.5 مليار دولار.", 2_500_000_000),
        ("بلغت الخسائر ٢٫٥ مليار دولار.", 2_500_000_000),
        ("قتل سبعة مدنيين في القصف.", 7),
        ("قتل ثلاثة وخمسين مدنيا في القصف.", 53),
        ("قتل ثلاثة وخمسون مدنيا في القصف.", 53),
        ("قتل خمسة عشر مدنيا في القصف.", 15),
        ("قتل مئتين من المدنيين في القصف.", 200),
        ("قتل مائتي مدني في القصف.", 200),
        ("دمرت الغارات ألفين من المنازل.", 2000),
        ("يعيش في المخيمات مليون و300 ألف نازح.", 1_300_000),
        ("تضرر مليار ونصف من البشر.", 1_500_000_000),
        ("أصيب عشرة آلاف و245 شخصا.", 10245),
        ("أصيب وخمسة مدنيين بجروح.", 5),
    ],
)
def test_digits_separators_and_number_words_give_the_value(text: str, value: float) -> None:
    assert [f.value for f in figures(text)] == [value]


def test_a_number_restated_in_words_after_digits_is_one_figure() -> None:
    assert triples("أسفر الهجوم عن استشهاد (15) خمسة عشر جنديا.") == [(15, "exact", "killed")]
    assert triples("أسفر الهجوم عن استشهاد خمسة عشر (15) جنديا.") == [(15, "exact", "killed")]


# --- qualifiers -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("قتل 30 مدنيا في القصف.", "exact"),
        ("قتل أكثر من 30 مدنيا في القصف.", "more_than"),
        ("قتل ما يزيد على 30 مدنيا في القصف.", "more_than"),
        ("قتل ما يزيد عن 30 مدنيا في القصف.", "more_than"),
        ("قتل ما يفوق 30 مدنيا في القصف.", "more_than"),
        ("قتل ما لا يقل عن 30 مدنيا في القصف.", "at_least"),
        ("قتل 30 مدنيا على الأقل في القصف.", "at_least"),
        ("قتل نحو 30 مدنيا في القصف.", "about"),
        ("قتل حوالي 30 مدنيا في القصف.", "about"),
        ("قتل قرابة 30 مدنيا في القصف.", "about"),
        ("قتل زهاء 30 مدنيا في القصف.", "about"),
        ("قتل ما يقارب 30 مدنيا في القصف.", "about"),
        ("قتل ما يناهز 30 مدنيا في القصف.", "about"),
        ("قد يصل عدد القتلى إلى 30 مدنيا.", "up_to"),
        ("قتل ما يصل إلى 30 مدنيا في القصف.", "up_to"),
        ("قتل أقل من 30 مدنيا في القصف.", "less_than"),
    ],
)
def test_qualifier_from_the_words_around_the_number(text: str, qualifier: str) -> None:
    assert triples(text) == [(30, qualifier, "killed")]


def test_a_range_gives_the_low_end_at_least_and_the_high_end_up_to() -> None:
    assert triples("نزح ما بين 200 و300 شخص من البلدة.") == [
        (200, "at_least", "displaced"),
        (300, "up_to", "displaced"),
    ]
    assert triples("يقدر عدد النازحين بين مليون ومليون ونصف نازح.") == [
        (1_000_000, "at_least", "displaced"),
        (1_500_000, "up_to", "displaced"),
    ]


# --- categories -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, category",
    [
        ("أسفر القصف عن استشهاد 9 أشخاص.", "killed"),
        ("أسفر القصف عن مصرع 9 أشخاص.", "killed"),
        ("سقط في القصف 9 قتلى.", "killed"),
        ("ارتفع عدد الشهداء إلى 9.", "killed"),
        ("بلغ عدد الضحايا 9 أشخاص.", "killed"),
        ("أسفر القصف عن إصابة 9 أشخاص.", "injured"),
        ("نقل إلى المستشفى 9 جرحى.", "injured"),
        ("أصيب 9 مدنيين بجروح متفاوتة.", "injured"),
        ("لجأ إلى البلدات المجاورة 9 نازحين.", "displaced"),
        ("استقبلت البلاد 9 آلاف لاجئ.", "displaced"),
        ("اعتقلت الشرطة 9 أشخاص في المدينة.", "detained"),
        ("ما زال 9 أسرى في سجون الاحتلال.", "detained"),
        ("ما زال مصير 9 مفقودين مجهولا.", "missing"),
        ("دمر القصف 9 منازل في الحي.", "structures"),
        ("خرجت 9 مستشفيات عن الخدمة.", "structures"),
        ("شن الطيران 9 غارات على المنطقة.", "attacks"),
        ("سقطت 9 قذائف على الحي.", "attacks"),
        ("رصدت البعثة 9 خروقات للهدنة.", "attacks"),
        ("قدمت الحكومة منحة قدرها 9 ملايين دولار.", "money"),
        ("بلغت الغرامة 9 آلاف دينار.", "money"),
        ("يحتاج 9 ملايين شخص إلى المساعدة.", "people"),
        ("شارك في الاجتماع 9 وزراء.", "people"),
        ("ارتفعت الأسعار بنسبة 9 في المئة.", "other"),
        ("ارتفعت الأسعار بنسبة 9%.", "other"),
        ("وقعت الاتفاقية 9 دول.", "other"),
        ("ضبطت السلطات 9 قطع سلاح.", "other"),
    ],
)
def test_category_from_the_counted_noun_and_the_event_words(text: str, category: str) -> None:
    assert [(f.value, f.category) for f in figures(text)] in (
        [(9, category)],
        [(9_000, category)],
        [(9_000_000, category)],
    )


def test_the_event_word_may_stand_before_the_number_or_after_the_noun() -> None:
    assert triples("أعلنت الوزارة مقتل 12 مدنيا في الغارة.") == [(12, "exact", "killed")]
    assert triples("أعلنت الوزارة أن 12 مدنيا قتلوا في الغارة.") == [(12, "exact", "killed")]
    assert triples("أعلنت الوزارة أن 12 مدنيا لقوا حتفهم في الغارة.") == [(12, "exact", "killed")]


def test_each_count_takes_the_event_nearest_before_it() -> None:
    assert triples("قتل 8 مدنيين وأصيب 20 آخرون في القصف.") == [
        (8, "exact", "killed"),
        (20, "exact", "injured"),
    ]


def test_an_elliptical_count_takes_the_event_of_the_clause_before() -> None:
    assert triples("قتلت الغارات 14 شخصا يوم الأحد، و9 آخرين يوم الاثنين.") == [
        (14, "exact", "killed"),
        (9, "exact", "killed"),
    ]


def test_a_count_of_things_ignores_event_words_about_people() -> None:
    # the ships are held, but ships are not detainees
    assert triples("تحتجز الميليشيا أكثر من 12 سفينة في الميناء.") == [(12, "more_than", "other")]


def test_a_cardinal_after_a_definite_noun_counts_it() -> None:
    assert triples("رفضت الدول الخمس مشروع القرار.") == [(5, "exact", "other")]
    assert triples("وقعت على البيان الدول ال27 الأعضاء.") == [(27, "exact", "other")]


# --- not figures --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "وقع الهجوم في عام 2016 على الحدود.",
        "وقع الهجوم في 2016 على الحدود.",
        "وقع الهجوم في 12 آذار الماضي.",
        "وقع الهجوم في 12 مارس/آذار الماضي.",
        "وقع الهجوم في 12 من الشهر الجاري.",
        "وقع الهجوم بتاريخ 12/3/2016.",
        "وقع الهجوم عند الساعة 10:30 صباحا.",
        "وقع الهجوم عند الساعة العاشرة.",
        "تستمر الحرب منذ سبع سنوات.",
        "أمهلت الحكومة المسلحين 48 ساعة للانسحاب.",
        "استمر الحصار خلال الأيام الثلاثة الماضية.",
        "قتل طفل عمره 12 عاما في القصف.",
        "طالبت الوزارة بتنفيذ القرار 2254.",
        "طالبت الوزارة بتنفيذ قرار مجلس الأمن رقم 2254.",
        "استندت الحكومة إلى المادة 51 من الميثاق.",
        "انعقدت الجلسة الثانية عشرة للمجلس.",
        "وجهت الوزارة رسالتين إلى الأمين العام.",
        "سقط عشرات القتلى ومئات الجرحى وآلاف النازحين.",
        "للاستفسار يرجى الاتصال بالرقم 0112345678.",
        "التفاصيل على الموقع https://example.org/news/2016/12345 الرسمي.",
        "أسقطت الدفاعات طائرة إف-16 فوق المنطقة.",
        "بدأت عملية إعادة الإعمار بضربة واحدة.",
        "عقد الاجتماع في بئر السبع.",
    ],
)
def test_dates_times_durations_ages_references_ordinals_duals_and_vague_amounts_are_not_figures(
    text: str,
) -> None:
    assert figures(text) == []


def test_a_numbered_list_is_not_a_list_of_figures() -> None:
    text = "وتشمل الخطة: (1) إعادة الإعمار (2) عودة النازحين (3) تعويض المتضررين."
    assert figures(text) == []


def test_a_number_in_parentheses_after_its_event_word_is_a_figure() -> None:
    assert triples("أسفر الحادث عن إصابة (21) من العمال.") == [(21, "exact", "injured")]


# --- one entry per fact -----------------------------------------------------------


def test_the_same_fact_restated_later_is_listed_once() -> None:
    text = "قتل 37 مدنيا في الغارة. وأكدت الوزارة أن الغارة أدت إلى مقتل 37 مدنيا."
    assert triples(text) == [(37, "exact", "killed")]


def test_a_bare_count_later_placed_by_its_event_is_one_fact_keeping_its_first_qualifier() -> None:
    text = "تجمع ما لا يقل عن 41 متظاهرا قرب السياج. وأدى إطلاق النار إلى مقتل 41 فلسطينيا."
    assert triples(text) == [(41, "at_least", "killed")]


def test_the_same_number_for_two_different_facts_is_listed_twice() -> None:
    text = "قتل 5 مدنيين في القصف. ودمرت الغارات 5 منازل."
    assert triples(text) == [(5, "exact", "killed"), (5, "exact", "structures")]


def test_text_without_numbers_gives_no_figures() -> None:
    assert figures("أدانت الوزارة الهجوم ودعت المجتمع الدولي إلى التحرك.") == []
    assert extract_figures([]) == []


# --- the harder neighbours --------------------------------------------------------


def test_a_count_right_after_a_resolution_word_still_counts_when_a_noun_follows() -> None:
    assert triples("وصوت لصالح القرار 131 دولة.") == [(131, "exact", "other")]


def test_a_number_in_the_range_of_years_is_a_count_when_it_counts_something() -> None:
    assert triples("وصلت إلى الميناء 2000 طن من القمح.") == [(2000, "exact", "other")]
    assert triples("وقتل أكثر من 1950 شخصا في الحرب.") == [(1950, "more_than", "killed")]
    assert figures("وفي 2017 قتل في الحرب كثيرون.") == []
    assert figures("زار البلاد في آذار/مارس 2017 وزيرين.") == []


def test_digits_with_the_article_after_a_singular_noun_are_an_ordinal() -> None:
    assert figures("انعقدت القمة الـ31 في العاصمة.") == []
    assert figures("أحيا الفلسطينيون الذكرى الـ75 للنكبة.") == []


def test_model_numbers_of_aircraft_and_missiles_are_names() -> None:
    assert figures("سقطت طائرة من طراز سوخوي 25 قرب الحدود.") == []
    assert figures("أطلقت الدفاعات صاروخ باتريوت 3 باتجاه الهدف.") == []


def test_a_nationality_noun_beginning_with_a_prefix_letter_is_still_the_counted_noun() -> None:
    f = figures("اعتقلت قوات الاحتلال 16 فلسطينيا في الضفة.")
    assert [(x.value, x.category, x.unit) for x in f] == [(16, "detained", "فلسطينيا")]


def test_a_number_joined_by_a_spaced_wa_completes_a_range() -> None:
    assert triples("يتراوح الوزن بين 6 و 9 كيلوغرامات.") == [
        (6, "at_least", "other"),
        (9, "up_to", "other"),
    ]


def test_a_second_reference_number_joined_by_wa_is_not_a_figure() -> None:
    assert figures("ودعت إلى تنفيذ القرارين 242 و338.") == []


def test_a_percentage_never_reads_as_money() -> None:
    assert triples("بلغت نسبة تمويل الخطة 38%.") == [(38, "exact", "other")]


def test_half_a_million_is_a_number() -> None:
    assert triples("يعيش نحو نصف مليون لاجئ في المخيمات.") == [(500_000, "about", "displaced")]


def test_drones_launched_are_attacks() -> None:
    assert triples("أطلقت الميليشيا 9 طائرات مسيرة باتجاه المدينة.") == [(9, "exact", "attacks")]


def test_seized_weapons_and_ammunition_are_other() -> None:
    assert triples("ضبطت الشرطة 40 قطعة سلاح و3 آلاف طلقة.") == [
        (40, "exact", "other"),
        (3000, "exact", "other"),
    ]


def test_digits_in_parentheses_keep_the_scale_word_after_them() -> None:
    assert triples("وضبطت الشرطة مبلغ (250) ألف ريال.") == [(250_000, "exact", "money")]


def test_a_restated_count_in_parentheses_and_words_with_its_event() -> None:
    assert triples("وأسفر الحادث عن استشهاد (3) ثلاثة من رجال الأمن وإصابة (5) خمسة آخرين.") == [
        (3, "exact", "killed"),
        (5, "exact", "injured"),
    ]


# --- categories from the wider sentence ------------------------------------------


def test_a_killing_verb_reaches_its_count_across_an_aside_between_dashes() -> None:
    text = (
        "وكانت الميليشيا قد قتلت - في حملة طويلة استمرت في القرى الجبلية النائية طوال سنوات الحرب الأهلية - "
        "نحو ثلاثة آلاف شخص."
    )
    assert triples(text) == [(3000, "about", "killed")]


def test_munitions_listed_among_seized_material_are_items_not_attacks() -> None:
    text = (
        "وأسفرت المداهمة عن ضبط مخبأ، وصنفت الأجهزة المواد التي تم ضبطها، ومن أهمها:\n"
        "(1) خمس قذائف هاون.\n"
        "(2) ثلاثة صواريخ محلية الصنع."
    )
    assert [(v, c) for v, _, c in triples(text)] == [(5, "other"), (3, "other")]


def test_munitions_fired_are_attacks() -> None:
    assert [(v, c) for v, _, c in triples("أطلقت الميليشيا خمس قذائف على الحي.")] == [
        (5, "attacks")
    ]


def test_part_of_things_just_counted_takes_their_kind_not_the_nearby_words() -> None:
    text = "دمرت الغارة 12 منزلا، وتبين أن سبعة منها أصيبت إصابات بالغة."
    assert [(v, c) for v, _, c in triples(text)] == [(12, "structures"), (7, "structures")]
    text = "وأظهر الفحص الذي أجري على الأدلة تطابق ثلاث منها مع عينات تلحق إصابات."
    assert [(v, c) for v, _, c in triples(text)] == [(3, "other")]


def test_a_group_after_min_bayn_says_who_was_counted_not_what_befell_them() -> None:
    text = "وأفاد المحققون بأن 20 من بين الموقوفين تلقوا تدريبات في الخارج."
    assert [(v, c) for v, _, c in triples(text)] == [(20, "people")]


def test_a_latin_letter_name_spelled_in_arabic_is_not_a_count() -> None:
    assert triples("استخدمت في التفجير مادة «سي 4» شديدة الانفجار.") == []


def test_a_number_after_raqm_names_a_law_even_before_an_adverb() -> None:
    assert triples("ويهدف المرسوم رقم 7 ظاهريا إلى تنظيم الملكية.") == []


def test_part_of_a_group_named_with_a_demonstrative_takes_the_groups_kind() -> None:
    text = "وسقطت أربع من هذه القذائف على الحي."
    assert [(v, c) for v, _, c in triples(text)] == [(4, "attacks")]


def test_an_arrest_joined_by_wa_al_still_marks_the_count_as_detained() -> None:
    text = "تمكنت القوات من محاصرة المسلحين والقبض على 6 منهم."
    assert [(v, c) for v, _, c in triples(text)] == [(6, "detained")]


def test_nationals_named_by_a_broken_plural_are_people() -> None:
    assert [(v, c) for v, _, c in triples("اتهمت المحكمة خمسة من الروس بالتجسس.")] == [
        (5, "people")
    ]


def test_targets_struck_are_structures_but_goals_scored_are_not() -> None:
    text = "وقال الجيش إن طائراته قصفت 35 هدفا للمسلحين خلال الليل."
    assert [(v, c) for v, _, c in triples(text)] == [(35, "structures")]
    text = "وخسر الفريق الضيف بأربعة أهداف مقابل هدف."
    assert [(v, c) for v, _, c in triples(text)] == [(4, "other")]


def test_members_of_forces_counted_among_the_killed_are_killed() -> None:
    text = "وأسفر القصف عن مقتل 12 مسلحا على الأقل، بينهم 4 من قوات الحرس، و 8 عناصر من فصيل موال."
    assert [(v, c) for v, _, c in triples(text)] == [(12, "killed"), (4, "killed"), (8, "killed")]


def test_a_count_right_after_another_without_wa_is_a_new_fact() -> None:
    text = "وخلف التفجير مقتل 9 أشخاص وإصابة 40 آخرين 11 شخصا متهما بالتخطيط له."
    assert [(v, c) for v, _, c in triples(text)] == [(9, "killed"), (40, "injured"), (11, "people")]


def test_a_range_of_years_in_prison_is_a_duration() -> None:
    assert triples("وقد يواجه المتهم السجن بين 5 و15 عاما.") == []
    assert triples("وقد يواجه المتهم السجن بين خمس وعشر سنوات.") == []


def test_magazines_seized_with_a_rifle_are_items_not_stores() -> None:
    text = "وضبطت الدورية بندقية آلية وأربعة مخازن محشوة بالذخيرة."
    assert [(v, c) for v, _, c in triples(text)] == [(4, "other")]
    text = "وأحرقت النيران أربعة مخازن للحبوب في الميناء."
    assert [(v, c) for v, _, c in triples(text)] == [(4, "structures")]


def test_the_same_number_twice_in_one_sentence_is_two_facts() -> None:
    text = (
        "وقتل 3 مدنيين في القصف على المزرعة. "
        "ثم قتل 3 مدنيين في ورشة للحدادة، إضافة إلى 3 مدنيين قرب مخزن قريب."
    )
    assert [(v, c) for v, _, c in triples(text)] == [(3, "killed"), (3, "killed")]


def test_a_count_restated_in_a_later_sentence_is_listed_once() -> None:
    text = "وقتل 6 مدنيين في القصف على المزرعة. وأكد الشهود أن 6 مدنيين قتلوا في المكان."
    assert [(v, c) for v, _, c in triples(text)] == [(6, "killed")]


def test_strikes_of_the_same_size_in_two_sentences_are_two_raids_unless_pointed_back_to() -> None:
    text = "وقصفت الطائرات موقعا بثلاثة صواريخ. ثم قصفت معملا بـ 3 صواريخ أخرى."
    assert [(v, c) for v, _, c in triples(text)] == [(3, "attacks"), (3, "attacks")]
    text = "وأطلق المسلحون 7 صواريخ على المدينة. واعترضت الدفاعات الصواريخ السبعة."
    assert [(v, c) for v, _, c in triples(text)] == [(7, "attacks")]


def test_a_sound_masculine_plural_counts_people_even_misspelt():
    text = "وأعلنت الوزارة مقتل 4 سودانين في الهجوم."
    assert [(v, c) for v, _, c in triples(text)] == [(4, "killed")]
    text = "وضبطت الشرطة 5 سكاكين في السيارة."
    assert [(v, c) for v, _, c in triples(text)] == [(5, "other")]


def test_millions_misspelt_without_the_alif_still_scale_the_count():
    text = "وبلغ عدد النازحين نحو 2 مليين نازح."
    assert [(v, q, c) for v, q, c in triples(text)] == [(2_000_000, "about", "displaced")]


def test_civilians_who_left_a_besieged_area_are_displaced():
    text = "وأفادت الوزارة بأن 3200 مدني غادروا البلدة المحاصرة عبر الممر الإنساني."
    assert [(v, c) for v, _, c in triples(text)] == [(3200, "displaced")]


def test_a_count_with_the_article_points_back_to_the_same_fact_in_its_sentence():
    text = "وتسلم المتهم خمس حقائب من قارب، ثم ألقى الحقائب الخمس في البحر حين رأى الدورية."
    assert [(v, c) for v, _, c in triples(text)] == [(5, "other")]


def test_hideouts_destroyed_are_structures():
    text = "ودمرت القوات 9 أوكار للمسلحين في الوادي."
    assert [(v, c) for v, _, c in triples(text)] == [(9, "structures")]


def test_a_bracketed_count_takes_the_noun_after_the_bracket():
    text = "وأعلنت الوزارة إيقاف (52) شخصا للاشتباه في صلتهم بالخلية."
    assert [(v, c, f.unit) for (v, _, c), f in zip(triples(text), figures(text), strict=False)] == [
        (52, "detained", "شخصا")
    ]


def test_numbers_opening_the_lines_of_a_list_count_nothing():
    text = "وهم كل من:\n1 - العريف سالم أحمد.\n2 - الجندي فهد علي.\n3 - الجندي ماجد حسن."
    assert triples(text) == []


def test_parts_counted_with_minhum_after_the_number_are_part_of_the_whole():
    text = (
        "وأسفر الهجوم عن استشهاد (12) اثني عشر مصليا، سبعة منهم من رجال الأمن، "
        "وثلاثة متدربين، واثنان من العاملين في الموقع."
    )
    assert [(v, c) for v, _, c in triples(text)] == [
        (12, "killed"),
        (7, "killed"),
        (3, "killed"),
        (2, "killed"),
    ]
    text = "وقتل 9 مسلحين وجرح أربعة منهم في الاشتباك."
    assert [(v, c) for v, _, c in triples(text)] == [(9, "killed"), (4, "injured")]


@pytest.mark.parametrize(
    "text, category",
    [
        ("وفر نحو 300 ألف مدني من المدينة.", "displaced"),
        ("وقضى 10 مهاجرين غرقا قبالة الساحل.", "killed"),
        ("وأعدم التنظيم 12 شخصا في الساحة العامة.", "killed"),
    ],
)
def test_fleeing_drowning_and_executions_give_the_count_its_event(text: str, category: str) -> None:
    assert [c for _, _, c in triples(text)] == [category]


def test_kin_counted_are_people_whose_event_the_verb_gives():
    assert [(v, c) for v, _, c in triples("وقتل ثلاثة أشقاء في القصف.")] == [(3, "killed")]
    assert [(v, c) for v, _, c in triples("واعتقل الجيش خمسة من أبناء القرية.")] == [
        (5, "detained")
    ]


def test_members_of_a_busted_cell_are_detained():
    text = "وأعلنت الوزارة تفكيك خلية إرهابية تضم 7 أشخاص كانوا يخططون لهجمات."
    assert [(v, c) for v, _, c in triples(text)] == [(7, "detained")]
    text = "وقالت الوزارة إن العائلة تضم 7 أشخاص."
    assert [(v, c) for v, _, c in triples(text)] == [(7, "people")]


def test_a_single_attack_is_a_figure_but_at_one_blow_is_an_idiom():
    assert [(v, c) for v, _, c in triples("وقال البنك إنه تعرض إلى هجوم واحد ناجح.")] == [
        (1, "attacks")
    ]
    assert triples("وقال إن الحرب لن تنتهي بضربة واحدة.") == []


def test_bodies_received_or_recovered_are_the_dead():
    assert [(v, c) for v, _, c in triples("وتسلم المستشفى جثث 12 طفلا من تحت الأنقاض.")] == [
        (12, "killed")
    ]


def test_cases_counted_take_the_event_named_after_them():
    text = "وسجلت الوزارة 5 حالات وفاة و12 حالة إصابة و200 حالة اختفاء."
    assert [(v, c) for v, _, c in triples(text)] == [
        (5, "killed"),
        (12, "injured"),
        (200, "missing"),
    ]
    assert [(v, c) for v, _, c in triples("وسجلت المستشفيات 40 حالة جديدة.")] == [(40, "other")]


def test_a_clock_time_is_no_figure() -> None:
    """ "10 بتوقيت غرينتش" is an hour of the day, not ten of anything."""
    got = figures("وقع الانفجار عند 10 بتوقيت غرينتش وقتل 5 مدنيين.")
    assert [(f.value, f.category) for f in got] == [(5, "killed")]


@pytest.mark.parametrize("text", ["أدانت المحكمة تسعة قضاة.", "زار المدينة نحو سبعة ملايين معتمر."])
def test_people_counted_by_their_role_are_people(text: str) -> None:
    assert [f.category for f in figures(text)] == ["people"]


@pytest.mark.parametrize(
    "text",
    [
        "وتعقد القمة في 22 و23 مارس.",
        "وصوت المغتربون أيام 16 و17 و18 مارس.",
        "وتجرى الانتخابات من 26 إلى 28 مارس.",
        "وتسري الهدنة من التاسعة صباحا (07,00 ت غ).",
    ],
)
def test_days_listed_before_a_month_and_clock_times_are_no_figures(text: str) -> None:
    assert figures(text) == []


def test_a_count_listed_before_its_noun_is_still_a_figure() -> None:
    assert [f.value for f in figures("وقتل 22 و23 جنديا.")] == [22, 23]


@pytest.mark.parametrize("text", ["وتشرد أكثر من مليوني نسمة.", "وتم إخراج 145 مدنيا من البلدة."])
def test_people_driven_out_are_displaced(text: str) -> None:
    assert [f.category for f in figures(text)] == ["displaced"]


@pytest.mark.parametrize(
    "text", ["وارتفع التضخم أكثر من 1% خلال العام.", "ونما الاقتصاد 1 في المئة."]
)
def test_one_percent_is_a_figure(text: str) -> None:
    """One of something is often no count ("جهة واحدة"), but one percent is a share."""
    assert [f.value for f in figures(text)] == [1]


@pytest.mark.parametrize(
    "text",
    [
        "وقالت المنظمة إن عدد القتلى أكبر بثلاثة أضعاف من الرقم المعلن.",
        "ويمر عبر الميناء ثلاثة أرباع واردات البلاد.",
        "وكانت تطبق برنامجا سريا حتى 2003، بحسب الوزير.",
    ],
)
def test_ratios_and_a_year_after_until_are_no_figures(text: str) -> None:
    assert figures(text) == []


def test_up_to_a_count_is_still_a_figure() -> None:
    assert [(f.value, f.qualifier) for f in figures("وارتفع عدد القتلى حتى 2000 قتيل.")] == [
        (2000, "up_to")
    ]


def test_their_number_counts_people() -> None:
    """ "وعددهم 2800": the people just named, counted without a noun after the number."""
    assert [f.category for f in figures("ويقيم في ماليزيا آلاف اليمنيين وعددهم 2800.")] == [
        "people"
    ]


def test_people_taken_to_hospital_are_injured() -> None:
    assert [f.category for f in figures("وتم نقل 187 شخصا إلى المستشفيات.")] == ["injured"]


def test_two_who_were_killed_in_the_dual_are_killed() -> None:
    assert [f.category for f in figures("وأضاف أن اثنين من أفراد الشرطة قتلا أيضا.")] == ["killed"]


def test_a_two_letter_number_word_with_the_article_counts_the_states_before_it():
    """ "الست" (six) is two letters after the article; "لست" (I am not) is no number."""
    got = [(f.value, f.category, f.text) for f in figures("وأكد أن القوى الست الكبرى وافقت.")]
    assert got == [(6, "other", "القوى الست")]
    assert figures("وقال الوزير لست متأكدا من ذلك.") == []


def test_a_percentage_with_the_article_is_a_figure_and_a_date_is_not():
    got = [
        (f.value, f.qualifier, f.category)
        for f in figures("وقالت إن التضخم يتجاوز الـ10% هذا العام.")
    ]
    assert got == [(10, "more_than", "other")]
    assert figures("وذلك في الـ16 من الشهر الجاري.") == []
