"""Country codes: names, nationality adjectives, capitals and metonyms → ISO 3166 alpha-2."""

import pytest

from bot.summarize.countries import adjective_forms, country_code, find_country, trie_regex


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("سوريا", "SY"),
        ("سورية", "SY"),
        ("الجمهورية العربية السورية", "SY"),
        ("المملكة العربية السعودية", "SA"),
        ("الإمارات", "AE"),
        ("دولة الإمارات العربية المتحدة", "AE"),
        ("الولايات المتحدة الأميركية", "US"),
        ("أمريكا", "US"),
        ("المملكة المتحدة", "GB"),
        ("كوريا الشمالية", "KP"),
        ("كوريا الجنوبية", "KR"),
        ("جنوب أفريقيا", "ZA"),
        ("جنوب السودان", "SS"),
        ("السودان", "SD"),
        ("ايران", "IR"),
        ("فنزويلا", "VE"),
        ("باكستان", "PK"),
        ("إثيوبيا", "ET"),
        ("أوكرانيا", "UA"),
        ("للعراق", "IQ"),
        ("وبريطانيا", "GB"),
    ],
)
def test_state_names_and_their_spellings(phrase, code):
    assert country_code(phrase) == code


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("السوري", "SY"),
        ("السورية", "SY"),
        ("السوريين", "SY"),
        ("سوريون", "SY"),
        ("للسوريين", "SY"),
        ("الإيرانية", "IR"),
        ("الأمريكيون", "US"),
        ("الأميركي", "US"),
        ("الأتراك", "TR"),
        ("الروس", "RU"),
        ("الكوريون الشماليون", "KP"),
        ("الإسرائيليتين", "IL"),
        ("المصريات", "EG"),
    ],
)
def test_nationality_adjectives_in_every_gender_and_number(phrase, code):
    assert country_code(phrase) == code


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("المملكة", "SA"),
        ("الرياض", "SA"),
        ("دمشق", "SY"),
        ("طهران", "IR"),
        ("واشنطن", "US"),
        ("البيت الأبيض", "US"),
        ("الكرملين", "RU"),
        ("موسكو", "RU"),
        ("تل أبيب", "IL"),
        ("الإليزيه", "FR"),
        ("بكين", "CN"),
    ],
)
def test_capitals_and_metonyms_stand_for_the_state(phrase, code):
    assert country_code(phrase) == code


@pytest.mark.parametrize(
    "phrase",
    [
        "الأمم المتحدة",
        "مجلس الأمن الدولي",
        "جامعة الدول العربية",
        "الاتحاد الأوروبي",
        "مجلس التعاون لدول الخليج العربية",
        "منظمة التعاون الإسلامي",
        "الاحتلال",
        "أمريكا اللاتينية",
        "الشرق الأوسط",
        "",
        "   ",
    ],
)
def test_international_bodies_regions_and_nothing_have_no_country(phrase):
    assert country_code(phrase) is None


def test_non_text_input_has_no_country():
    assert country_code(None) is None  # type: ignore[arg-type]
    assert find_country(None) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "span, code",
    [
        ("وزارة الخارجية والمغتربين السورية", "SY"),
        ("المتحدث باسم الخارجية الإيرانية", "IR"),
        ("وزير الخارجية الأمريكي", "US"),
        ("البعثة الدائمة لدولة قطر لدى الأمم المتحدة", "QA"),
        ("مصدر مسؤول في وزارة الخارجية البحرينية", "BH"),
        ("الناطق باسم الحكومة الجنوب أفريقية", "ZA"),
        ("المتحدث باسم الكرملين", "RU"),
    ],
)
def test_find_country_takes_the_state_a_span_speaks_for(span, code):
    assert find_country(span) == code


def test_find_country_takes_the_first_state_mentioned():
    assert find_country("وزير الخارجية التركي في اتصال مع نظيره الروسي") == "TR"


@pytest.mark.parametrize(
    "span",
    ["البعثة الدائمة لدى الأمم المتحدة", "الأمين العام لجامعة الدول العربية", "المفوضية الأوروبية"],
)
def test_find_country_is_none_for_international_bodies(span):
    assert find_country(span) is None


def test_bare_kingdom_is_saudi_only_when_alone():
    assert country_code("المملكة") == "SA"
    assert find_country("سفير المملكة") is None
    assert find_country("المملكة الأردنية الهاشمية") == "JO"


def test_adjective_forms_cover_article_gender_and_number():
    forms = adjective_forms("عراقي")
    assert {"عراقي", "عراقيه", "العراقيه", "العراقيين", "عراقيون", "العراقيتين"} <= forms


def test_trie_regex_prefers_the_longest_form():
    import re

    pattern = re.compile("(?:" + trie_regex({"القدس", "القدس الشرقيه", "القاهره"}) + r")(?!\w)")
    assert pattern.match("القدس الشرقيه عاصمه").group() == "القدس الشرقيه"
    assert pattern.match("القدس عاصمه").group() == "القدس"
    assert pattern.match("القاهره").group() == "القاهره"


def test_country_code_names_a_whole_phrase_and_find_country_searches_a_span():
    assert country_code("الحكومة السورية") is None
    assert find_country("الحكومة السورية") == "SY"
    assert country_code("سفير السعودية") is None
