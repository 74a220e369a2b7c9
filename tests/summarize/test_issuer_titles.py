"""Issuer constructions of issue 9's fourth issuer pass: who speaks when a title, a name
or a second office stands between the statement verb and the body (made-up sentences)."""

import pytest

from bot.summarize.issuer import find_issuer, mentions
from bot.summarize.text import prepare, split_sentences


def sentences_of(text: str) -> list[str]:
    return split_sentences(prepare(text)[0])


def issuer_of(text: str):
    return find_issuer(sentences_of(text))


@pytest.mark.parametrize(
    "text, body, country",
    [
        ("قال مستشار للرئيس المصري إن المحادثات تسير بصورة جيدة.", "الرئيس", "EG"),
        ("أعلن السكرتير الإعلامي للبيت الأبيض تأييد الخطة الجديدة للسلام.", "البيت الأبيض", "US"),
        ("حذر كبير مستشاري الجيش الباكستاني جيرانه من أي تصعيد.", "الجيش", "PK"),
        ("قال رئيس المجلس الأوروبي إن القمة ستناقش الميزانية.", "المجلس الأوروبي", None),
        ("قال مسؤول كبير بوزارة الخارجية اليابانية إن الزيارة ألغيت.", "وزارة الخارجية", "JP"),
        ("اعترف ضابط كبير في الجيش الكندي بأن الطائرة سقطت.", "الجيش", "CA"),
        (
            "اعتبر كبير المستشارين الاقتصاديين في البيت الأبيض أن الرسوم مؤقتة.",
            "البيت الأبيض",
            "US",
        ),
    ],
)
def test_a_verb_before_an_office_holders_title_makes_the_body_speak(text, body, country):
    spoken = [m for m in mentions(sentences_of(text)) if m.signal]
    assert spoken and body in spoken[0].name
    who = issuer_of(text)
    assert who is not None and body in who.name and who.country == country


def test_a_title_without_a_statement_verb_before_it_does_not_make_the_body_speak():
    """The title only lets the verb reach past it: an arrival is no statement."""
    ms = mentions(sentences_of("وصل مستشار الرئيس الفرنسي إلى القاهرة مساء أمس."))
    assert ms and not [m for m in ms if m.signal]


@pytest.mark.parametrize(
    "text, body, country",
    [
        (
            "قال سامي يوسف المدير العام بوزارة الزراعة المغربية إن المحصول تضاعف.",
            "وزارة الزراعة",
            "MA",
        ),
        ("أكدت هالة سعيد الناطقة باسم الحكومة الأردنية أن الأسعار لن ترتفع.", "الحكومة", "JO"),
        ("قال سامر خالد وزير العدل التونسي إن القانون سيعدل.", "وزير العدل", "TN"),
    ],
)
def test_a_verb_of_saying_then_a_name_then_the_office_in_apposition(text, body, country):
    who = issuer_of(text)
    assert who is not None and body in who.name and who.country == country
    spoken = [m for m in mentions(sentences_of(text)) if m.signal]
    assert spoken and body in spoken[0].name and spoken[0].strong


def test_words_of_a_phrase_are_no_name_before_an_office_after_the_verb():
    """ "قال خلال كلمته أمام الأمم المتحدة": the UN is where he spoke, not the speaker."""
    text = "وقال خلال كلمته أمام الأمم المتحدة في نيويورك إن الحل السياسي هو الطريق الوحيد."
    ms = mentions(sentences_of(text))
    assert ms and not [m for m in ms if m.signal]


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("قالت السفيرة البريطانية لدى الأمم المتحدة إن القرار متوازن.", "السفيرة", "GB"),
        ("ذكرت قوى الأمن التونسية في بيان أنها أوقفت خمسة أشخاص.", "قوى الأمن", "TN"),
        ("قال جهاز الأمن الداخلي الإسرائيلي إنه أحبط عملية.", "جهاز الأمن الداخلي", "IL"),
        ("أعلن سلاح الجو الأردني أنه أسقط طائرة مسيرة.", "سلاح الجو", "JO"),
    ],
)
def test_more_official_heads_speak(text, name, country):
    who = issuer_of(text)
    assert who is not None and who.name.startswith(name) and who.country == country


def test_an_envoys_post_is_not_read_across_a_comma():
    """ "وقالت السفيرة، في جلسة ...": the session is no part of her title."""
    text = "وقالت السفيرة الكندية، في جلسة طارئة، إن بلادها تدين الهجوم."
    who = issuer_of(text)
    assert who is not None and who.name == "السفيرة" and who.country == "CA"


def test_the_body_then_its_holders_name_between_commas_then_the_verb():
    text = "ذكرت وسائل إعلام، أن الرئيس الفنزويلي، نيكولاس مادورو، حذر من أي تدخل."
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == ("الرئيس", "VE")
    body = next(m for m in mentions(sentences_of(text)) if m.name == "الرئيس")
    assert body.signal


def test_an_unnamed_source_with_an_indefinite_adjective_tells_the_state():
    who = issuer_of("نفى مصدر دبلوماسي تركي صحة التقارير عن إغلاق المعبر.")
    assert who is not None and (who.name, who.country) == ("مصدر", "TR")


def test_a_named_office_of_the_same_state_is_preferred_to_an_unnamed_source():
    text = (
        "قال مسؤول أمريكي إن العقوبات ستشمل شركات جديدة.\n"
        "وقالت وزارة الخزانة الأمريكية في بيان إن القائمة تضم عشرين شركة."
    )
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == ("وزارة الخزانة", "US")


@pytest.mark.parametrize(
    "text",
    [
        "وقالت وزارة الصحة في غزة إن الجيش الإسرائيلي قصف المستشفى، وإن إسرائيل تمنع الوقود.",
        "وقالت وزارة الصحة بقطاع غزة إن الجيش الإسرائيلي قصف المستشفى، وإن إسرائيل تمنع الوقود.",
    ],
)
def test_a_body_in_a_town_speaks_for_the_state_the_town_lies_in(text):
    """Not for the state the text names most (here the party it blames)."""
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == ("وزارة الصحة", "PS")


@pytest.mark.parametrize(
    "text, body",
    [
        ("سقط ثلاثة جرحى في انفجار، وفقا لما قاله المتحدث باسم وزارة الداخلية التونسية.", "وزارة"),
        ("قتل خمسة في حادث سير، وفق ما أعلن عنه وزير النقل التونسي.", "وزير النقل"),
        ("تحدث وزير الخارجية التونسي عن خطة جديدة للهجرة.", "وزير الخارجية"),
    ],
)
def test_relative_and_other_verbs_of_saying_make_the_body_speak(text, body):
    spoken = [m for m in mentions(sentences_of(text)) if m.signal]
    assert spoken and body in spoken[0].name and spoken[0].country in (None, "TN")


def test_the_government_named_generically_speaks_through_the_ministry_that_issued_it():
    text = (
        "طالبت الحكومة التونسية المنظمات الدولية بدعم قطاع السياحة.\n"
        "وقالت وزارة السياحة التونسية في بيان إن عدد الزوار تراجع هذا العام."
    )
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == ("وزارة السياحة", "TN")


def test_a_ministry_only_reported_through_its_statement_leaves_the_government_speaking():
    """ "وأوضح بيان لوزارة ...": the ministry is no subject of a verb; the government leads."""
    text = (
        "أكدت الحكومة التونسية أنها قررت رفع أسعار الوقود.\n"
        "وأوضح بيان لوزارة الطاقة التونسية أن الأسعار سترتفع الأحد."
    )
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == ("الحكومة", "TN")


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("قال المتحدث باسم الكرملين إن الرئيس سيزور الصين.", "المتحدث باسم الكرملين", "RU"),
        (
            "قال ستيفان ديفيس المتحدث باسم كارلوس رينا الأمين العام للأمم المتحدة إن التصعيد خطير.",
            "المتحدث باسم كارلوس رينا الأمين العام للأمم المتحدة",
            None,
        ),
    ],
)
def test_a_spokesperson_speaks_for_the_body_named_after_bism(text, name, country):
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == (name, country)


def test_the_european_central_bank_speaks_for_no_single_state():
    who = issuer_of("قال البنك المركزي الأوروبي إن التضخم في ألمانيا سيتراجع قبل نهاية العام.")
    assert who is not None and (who.name, who.country) == ("البنك المركزي الأوروبي", None)


def test_the_monarchs_title_after_al_ahil_stays_in_the_name():
    """Annotators name the office "العاهل" or "الملك": the name keeps both words."""
    who = issuer_of("أكد العاهل المغربي الملك محمد السادس أن بلاده تدعم الحوار.")
    assert who is not None and (who.name, who.country) == ("العاهل الملك", "MA")


def test_a_broken_plural_nationality_tells_the_unnamed_sources_state():
    text = (
        "ذكر مسؤولون ألمان أن رجلا فر من البلاد إلى العراق بعد الجريمة.\n"
        "وأفادت الشرطة بأن التحقيق مستمر مع شركائه في العراق."
    )
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == ("الشرطة", "DE")


def test_an_indefinite_head_in_construct_takes_the_adjective_after_its_noun():
    text = "ألقت شرطة الحدود الأردنية القبض على مهربين، بحسب ما أعلنت في بيان. وقال سكان إن العراق قريب."
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == ("شرطة الحدود", "JO")


def test_an_official_act_in_the_lead_makes_the_body_speak():
    text = "عرضت وزارة الدفاع الكورية الجنوبية صورا لصاروخ جديد."
    spoken = [m for m in mentions(sentences_of(text)) if m.signal]
    assert spoken and spoken[0].name == "وزارة الدفاع" and spoken[0].country == "KR"


def test_a_present_tense_official_act_in_the_lead_makes_the_body_speak():
    text = "تواصل الشرطة النمساوية تحقيقاتها في الهجوم على المطعم."
    spoken = [m for m in mentions(sentences_of(text)) if m.signal]
    assert spoken and spoken[0].name == "الشرطة" and spoken[0].country == "AT"


def test_a_scottish_body_speaks_for_the_united_kingdom():
    text = "قالت الشرطة الاسكتلندية إنها تبحث عن رجل هبط بمظلة قرب منتجع الرئيس الأمريكي."
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == ("الشرطة", "GB")


def test_a_particle_after_the_verb_is_no_speakers_name():
    """ "أفاد دبلوماسيون بأن مجلس الأمن أرجأ ...": the council is what they report on."""
    text = "أفاد دبلوماسيون بأن مجلس الأمن الدولي أرجأ التصويت إلى السبت."
    assert not [m for m in mentions(sentences_of(text)) if m.strong]


def test_the_authorities_of_a_state_speak_for_it_and_yield_to_a_named_office():
    who = issuer_of("نفت السلطات التونسية اتهامات بتوقيف مهاجرين في البحر.")
    assert who is not None and (who.name, who.country) == ("السلطات", "TN")
    text = (
        "أعلنت السلطات الصينية خططا لتنظيم سوق الألعاب الإلكترونية.\n"
        "وأصدرت وزارة التعليم الصينية سياساتها الجديدة يوم الخميس."
    )
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == ("وزارة التعليم", "CN")


def test_a_spokesperson_for_an_unlisted_office_keeps_whom_it_speaks_for():
    text = "وقال المتحدث باسم حاكم ولاية قندهار إن المسلحين هاجموا المبنى."
    who = issuer_of(text)
    assert who is not None and who.name == "المتحدث باسم حاكم ولاية قندهار"


def test_a_title_with_its_own_domain_before_in_and_the_body():
    text = "قال كمال عمر، مدير الإعلام في الرئاسة التونسية، إن الزيارة تأجلت."
    body = next(m for m in mentions(sentences_of(text)) if m.name == "الرئاسة")
    assert body.signal and body.country == "TN"


def test_a_crown_prince_named_with_his_state_in_construct():
    text = "استقبل ولي عهد البحرين في المنامة وزير الخارجية الفرنسي."
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == ("ولي عهد البحرين", "BH")


def test_a_people_named_by_its_plural_nationality_is_not_its_government():
    text = (
        "صادق البرلمان الهولندي على مذكرة بشأن أحداث عام 1915.\n"
        "ويؤكد الأرمن أن مليون شخص قتلوا.\n"
        "وأدانت وزارة الخارجية التركية قرار البرلمان الهولندي."
    )
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == ("وزارة الخارجية", "TR")


def test_two_ministries_named_together_speak():
    text = "أطلقت وزارتا الزراعة والتجارة في تونس حملة لخفض الأسعار."
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == ("وزارتا الزراعة والتجارة", "TN")


def test_a_towns_police_speaks_for_the_state_the_town_lies_in():
    text = "وقالت شرطة عدن في بيان إن قوات الأمن أوقفت مسلحين قدموا من السعودية والسعودية."
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == ("شرطة عدن", "YE")


def test_a_long_name_then_a_comma_then_the_office():
    text = (
        "اعتبر الدكتور سالم بن محمد الهاشمي، وزير الدولة العماني للشؤون الخارجية، أن الحوار ضروري."
    )
    body = next(m for m in mentions(sentences_of(text)) if m.name.startswith("وزير"))
    assert body.signal and body.strong and body.country == "OM"


@pytest.mark.parametrize(
    "text, name",
    [
        ("أعلن مركز الملك سلمان للإغاثة وصول قافلة إلى تعز.", "مركز الملك سلمان"),
        ("وجه خادم الحرمين الشريفين بصرف مكافأة للطلاب.", "خادم الحرمين الشريفين"),
    ],
)
def test_saudi_bodies_known_by_name(text, name):
    who = issuer_of(text)
    assert who is not None and (who.name, who.country) == (name, "SA")
