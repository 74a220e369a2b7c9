"""Places: every geographic name, as written, once, in order of first mention."""

from pathlib import Path

import pytest

from bot.summarize.places import extract_places
from bot.summarize.text import prepare, split_sentences

SEED = Path(__file__).parent / "data" / "seed-ministry-letter.txt"


def places(text: str) -> list[str]:
    return extract_places(split_sentences(prepare(text)[0]))


def test_seed_letter_places_in_order_of_first_mention():
    assert places(SEED.read_text(encoding="utf-8")) == [
        "سوريا",
        "جبل الثردة",
        "ديرالزور",
        "التنف",
        "العراق",
        "الرقة",
    ]


def test_nothing_in_nothing_out():
    assert extract_places([]) == []
    assert places("أكد البيان ضرورة الحوار بين الأطراف كافة.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وصل الوفد إلى بغداد بعد زيارة قصيرة.", ["بغداد"]),
        ("تضامنا مع لبنان وبالعراق وللأردن وكمصر.", ["لبنان", "العراق", "الأردن", "مصر"]),
        ("قدمت الحكومة مساعدات للعراق واليمن.", ["العراق", "اليمن"]),
        ("وفي عمان التقى الوزير نظيره.", ["عمان"]),
        ("قال إنه عاد وواشنطن تراقب الموقف.", ["واشنطن"]),
    ],
)
def test_leading_conjunctions_and_prepositions_are_stripped(text, expected):
    assert places(text) == expected


def test_article_dropped_by_the_preposition_lam_is_given_back():
    assert places("أعربت عن دعمها للسودان الشقيق.") == ["السودان"]
    assert places("وصلت التعزيزات للاذقية وللد.") == ["اللاذقية", "اللد"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("تقدم الجيش نحو ديرالزور ثم دخل دير الزور من الجنوب.", ["ديرالزور"]),
        ("رحبت سورية بالقرار وقالت إن سوريا ستواصل التعاون.", ["سورية"]),
        ("احتجزت السفينة قرب أبو ظبي ثم اقتيدت إلى أبوظبي.", ["أبو ظبي"]),
        ("قصفت الطائرات قطاع غزة، وقال الأهالي إن غزة تعيش كارثة.", ["قطاع غزة"]),
        ("تحدث عن إيران ثم عن ايران مرة أخرى.", ["إيران"]),
    ],
)
def test_spelling_variants_of_one_place_count_once_keeping_the_first_as_written(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "أكدت الحكومة السورية أن الجيش العراقي والقوات اللبنانية تتعاون.",
        "أشاد بالموقف الفلسطيني وبالمبادرة المصرية وبدعم الأشقاء الأردنيين.",
        "قالت الخارجية السعودية إن المملكة لن تقبل ذلك.",
    ],
)
def test_nationality_adjectives_are_not_places(text):
    assert places(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "استقبل وزير خارجية فرنسا سفير الكويت ومندوب قطر.",
        "قال رئيس وزراء إسرائيل إن حكومة كندا أبلغته.",
        "دعا الأمين العام المساعد لشؤون فلسطين إلى التهدئة.",
        "تستند الدعوى إلى ميثاق روما واتفاقية جنيف الرابعة.",
        "نقل الجرحى إلى مستشفى ريف دمشق التخصصي.",
    ],
)
def test_names_inside_the_name_of_a_body_or_office_are_not_places(text):
    assert places(text) == []


def test_a_name_skipped_inside_a_body_still_counts_where_it_stands_alone():
    text = "التقى سفير الكويت بالوزير، ثم غادر إلى الكويت."
    assert places(text) == ["الكويت"]


def test_a_name_coordinated_with_one_inside_a_body_is_skipped_too():
    assert places("اجتمع وزيرا خارجية مصر والأردن.") == []


def test_interference_in_a_states_affairs_names_the_state():
    assert places("رفضت التدخل في شؤون لبنان الداخلية.") == ["لبنان"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("دانت الرياض الهجوم ورحبت به طهران.", ["الرياض", "طهران"]),
        ("ردت موسكو بأن واشنطن تتحمل المسؤولية.", ["موسكو", "واشنطن"]),
        ("أعلنت السعودية تأييدها، وقالت إن الحكومة السعودية مستعدة.", ["السعودية"]),
    ],
)
def test_capitals_and_states_that_act_are_places(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("دمرت الغارات منازل في قرية كفر حلوان شرق المدينة.", ["كفر حلوان"]),
        ("وقع الانفجار في بلدة الزهيرات قرب الحدود.", ["الزهيرات"]),
        ("فرضت القوات طوقا على حي الوعر.", ["الوعر"]),
        ("تمركزت الوحدات على جبل عزان.", ["جبل عزان"]),
        ("هبطت الطائرة في مطار المزة العسكري.", ["مطار المزة"]),
        ("أغلقت السلطات معبر نصيب الحدودي.", ["معبر نصيب"]),
        ("تحدث سكان مخيم خان الشيح عن الحصار.", ["مخيم خان الشيح"]),
        ("استهدف القصف ريف دمشق ومدينة الرقة.", ["ريف دمشق", "الرقة"]),
        ("استقبل مطار القاهرة الدولي الرحلات.", ["مطار القاهرة الدولي"]),
        ("أعلن توسيع مستوطنة حلميش ومستوطنة جديدة.", ["حلميش"]),
    ],
)
def test_place_words_introduce_names_even_unknown_ones(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "طالب بإقامة منطقة آمنة ومنطقة عازلة على طول الحدود.",
        "تقع المنطقة الحدودية تحت سيطرة الجيش.",
        "كانت السفينة في منطقة الانتظار لعدة أيام.",
        "عاد إلى مسقط رأسه بعد غياب طويل.",
        "نشرت الصحيفة صور الدمار، وأدى القصف إلى سقوط ضحايا.",
        "اعتمد الحل على قاعدة التناسب لسد الثغرات.",
        "أطلق الجنود الرصاص الحي على المحتجين داخل الخيام.",
        "وقع الانفجار في منطقة بالقرب من الحدود.",
        "هذه منطقة لا تزال خطرة، ولجأ السكان إلى مخيم للاجئين.",
        "تقع القرى في منطقة يسيطر عليها المسلحون وفي منطقة تنتشر فيها الألغام.",
    ],
)
def test_ordinary_words_after_or_like_place_words_are_not_places(text):
    assert places(text) == []


def test_persons_names_that_look_like_places_are_skipped():
    assert places("قال الشيخ إبراهيم الخليل إن الاجتماع انتهى.") == []
    assert places("شهدت مدينة الخليل مواجهات.") == ["الخليل"]


def test_dateline_places_are_places():
    assert places("دمشق، سوريا (وكالات) -- قالت الوزارة إن ...") == ["دمشق", "سوريا"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("تعبر الناقلات مضيق هرمز وباب المندب.", ["مضيق هرمز", "باب المندب"]),
        ("يهدد الوضع الأمن في البحر الأحمر والخليج العربي.", ["البحر الأحمر", "الخليج العربي"]),
        ("يبقى الاستقرار في الشرق الأوسط رهنا بإنهاء احتلال الجولان.", ["الشرق الأوسط", "الجولان"]),
        ("أدان الاستيطان في الضفة الغربية والقدس الشرقية.", ["الضفة الغربية", "القدس الشرقية"]),
    ],
)
def test_seas_straits_and_regions_are_places(text, expected):
    assert places(text) == expected


def test_order_of_first_mention_across_sentences():
    sentences = [
        "وصل الوزير إلى القاهرة.",
        "ثم توجه إلى عمان وبعدها إلى القاهرة.",
        "وختم جولته في الرباط.",
    ]
    assert extract_places(sentences) == ["القاهرة", "عمان", "الرباط"]


def test_longest_name_wins():
    assert places("تعترف بالقدس الشرقية عاصمة لدولة فلسطين.") == ["القدس الشرقية", "دولة فلسطين"]
    assert places("أدانت الجمهورية العربية السورية الاعتداء.") == ["الجمهورية العربية السورية"]


def test_places_keep_the_texts_own_spelling():
    assert places("وصل الوفد الى الاردن ثم إلى الأردن.") == ["الاردن"]


def test_ordinary_word_names_count_in_a_list_of_places():
    assert places("شنت الطائرات غارات على صعدة وحجة وعمران.") == ["صعدة", "حجة", "عمران"]
    assert places("رفض الطلب بحجة الظروف.") == []


def test_a_dual_place_word_introduces_a_list():
    assert places("قصفت الطائرات محافظتي صعدة وحجة.") == ["صعدة", "حجة"]


def test_subdistrict_word_introduces_a_name_but_not_in_on_the_other_hand():
    assert places("انتفض أبناء العشائر في ناحية الرشاد.") == ["الرشاد"]
    assert places("ومن ناحية أخرى، رحب البيان بالاتفاق. ومن ناحية المبدأ نرفض ذلك.") == []


def test_other_names_of_a_state_are_listed_but_its_spellings_and_formal_style_are_not():
    text = (
        "انتقدت أمريكا القرار، وقالت الولايات المتحدة إنه منحاز. وزار الوفد سورية ثم سوريا. "
        "وأكدت الجمهورية العربية السورية موقفها."
    )
    assert places(text) == ["أمريكا", "الولايات المتحدة", "سورية"]


def test_a_name_glossed_in_brackets_by_another_name_of_the_same_place_is_listed_once():
    assert places("دهمت القوات بلدات في يهودا والسامرة (الضفة الغربية) فجرا.") == ["يهودا والسامرة"]


def test_a_count_of_nationals_is_not_their_state():
    text = "زار الوفد ماليزيا. وكان بين الركاب 12 ماليزيا وثلاثة ألمانيا وسافروا إلى كندا."
    assert places(text) == ["ماليزيا", "كندا"]
    assert places("كان بين الركاب 12 ماليزيا.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("أقيمت المباراة في ملعب سالم حمدان بالعاصمة.", ["ملعب سالم حمدان"]),
        ("هبطت الطائرة في مطار قوشان العسكري مساء الأحد.", ["مطار قوشان"]),
        ("رست السفينة في مرفأ زرنوق أمس.", ["مرفأ زرنوق"]),
        ("احتشد الجمهور في استاد نمير مساء الجمعة.", ["استاد نمير"]),
    ],
)
def test_a_site_noun_with_a_proper_name_is_a_place(text, expected):
    assert places(text) == expected


def test_every_village_of_a_list_after_a_plural_place_word_is_a_place():
    text = "دارت اشتباكات في مناطق الحويجات والسميرة في محافظة الانبار."
    assert places(text) == ["الحويجات", "السميرة", "الانبار"]


def test_an_unknown_name_in_ta_marbuta_is_a_place_when_located_but_an_adjective_is_not():
    assert places("قصفت الطائرات منطقة ضميرة شمال مدينة سامراء.") == ["ضميرة", "سامراء"]
    assert places("طالبت بإقامة منطقة آمنة شمال سوريا.") == ["سوريا"]
    assert places("تقع منطقة واسعة في الجنوب.") == []


def test_a_name_alone_in_guillemets_is_a_title_not_a_place():
    assert places("قال مسؤول لـ«الشرق الأوسط» إن الوفد وصل إلى دبي.") == ["دبي"]
    assert places("وتحدث الوزير عن السلام في الشرق الأوسط.") == ["الشرق الأوسط"]


def test_a_mosque_named_after_an_imam_is_one_site_with_or_without_the_title():
    text = "ووقع الانفجار في مسجد الإمام الرضا بمدينة الكوت. وأعيد فتح مسجد الرضا بعد أسبوع."
    assert places(text) == ["مسجد الإمام الرضا", "الكوت"]


def test_a_mosque_named_after_a_body_is_not_a_geographic_name():
    assert places("واستهدف الانتحاري مسجد قوات الأمن في المدينة.") == []
    assert places("وفجر الانتحاري نفسه في مسجد مقر الشرطة.") == []


def test_a_channel_title_in_quotes_is_not_the_state_even_when_repeated():
    text = 'وانتقدت الوزارة تقريرا بثته قناة "فرنسا اليوم" عن باريس. واستدعت ممثلي "فرنسا اليوم".'
    assert places(text) == ["باريس"]


def test_a_definite_area_name_placed_by_a_locator_is_a_place_not_an_adjective():
    assert places("وقصفت الطائرات منطقة الشرقية جنوب مدينة حمص.") == ["الشرقية", "حمص"]
    assert places("وأقامت القوات منطقة عازلة على الحدود.") == []


def test_plurals_after_a_plural_place_word_are_not_names():
    assert places("وحذرت الوزارة من السفر إلى مناطق الاشتباكات.") == []
    assert places("وحذرت الوزارة من السفر إلى مناطق الأقليات.") == []


def test_regions_of_iran_by_their_arab_and_turkmen_names():
    assert places("وتشهد عربستان وتركمان صحراء احتجاجات متكررة.") == ["عربستان", "تركمان صحراء"]


def test_lima_after_a_first_name_is_a_surname():
    assert places("وقالت الطالبة ماريا ليما إنها غادرت البلاد.") == []
    assert places("وعقد الاجتماع في ليما.") == ["ليما"]


def test_a_place_inside_an_armed_groups_name_is_not_a_place():
    assert places('وأعلن فصيل "أنصار حلب" انسحابه من بلدة عندان.') == ["عندان"]


def test_douma_as_the_adverb_always_is_not_the_town():
    assert places("وقال إن بلاده وقفت وتقف دوما إلى جانب الشعب.") == []
    assert places("وأدان القصف الذي استهدف سكان دوما.") == ["دوما"]


def test_an_ordinary_word_place_name_closing_a_list_of_places_is_a_place():
    assert places("وانتفض أبناء العشائر في مدن هيت وحديثة والقائم.") == ["هيت", "حديثة", "القائم"]
    assert places("وأكد القائم بالأعمال أن الوضع هادئ.") == []


def test_an_airport_named_after_a_royal_keeps_the_title_and_the_name():
    assert places("ووصل الوفد إلى مطار الأمير نايف الدولي في القصيم.") == [
        "مطار الأمير نايف الدولي",
        "القصيم",
    ]


def test_well_known_squares_and_mosques_are_sites():
    assert places("وتجمع المتظاهرون في ساحة التحرير ثم ساروا إلى الجامع الأموي.") == [
        "ساحة التحرير",
        "الجامع الأموي",
    ]


def test_named_streets_and_squares_are_sites_but_common_phrases_are_not():
    assert places("وانفجرت سيارة مفخخة في شارع الحمراء ببيروت.") == ["شارع الحمراء", "بيروت"]
    assert places("وأطلقت الشرطة النار في شارع عام.") == []
    assert places("ووقع الحادث في شارع مزدحم.") == []
    assert places("وعاد الجنود من ميدان القتال.") == []


def test_bayt_al_maqdis_is_jerusalem_but_not_inside_a_groups_name():
    assert places("وتقع بيت المقدس في قلب فلسطين.") == ["بيت المقدس", "فلسطين"]
    assert places("وأعلنت جماعة أنصار بيت المقدس مسؤوليتها.") == []


def test_a_news_dateline_city_is_a_place():
    text = "أتلانتا، الولايات المتحدة الأمريكية (CNN)-- قال وزير الخارجية إن الهجوم مدان."
    assert places(text)[:2] == ["أتلانتا", "الولايات المتحدة الأمريكية"]


def test_a_direction_or_a_common_noun_after_a_place_word_is_no_name():
    assert places("وعثر عليهما في بلدة جنوبي بريطانيا.") == ["بريطانيا"]
    assert places("وأطلقت صاروخا في منطقة تدريب قرب الحدود.") == []


def test_the_month_ab_is_not_the_yemeni_city_ibb():
    assert places("ومنذ كشف القضية في آب/أغسطس الفائت، تحرص الإدارة.") == []
    assert places("وقصفت الطائرات محافظة إب وسط اليمن.") == ["إب", "اليمن"]
