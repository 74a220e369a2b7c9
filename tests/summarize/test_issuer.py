"""Issuer and country: the official body whose position the text is, as written."""

from pathlib import Path

import pytest

from bot.summarize.issuer import find_issuer
from bot.summarize.text import prepare, split_sentences

SEED = Path(__file__).parent / "data" / "seed-ministry-letter.txt"


def issuer_of(text: str):
    return find_issuer(split_sentences(prepare(text)[0]))


def test_seed_letter_issuer_is_the_syrian_foreign_ministry_without_adjective():
    who = issuer_of(SEED.read_text(encoding="utf-8"))
    assert who is not None
    assert (who.name, who.country) == ("وزارة الخارجية والمغتربين", "SY")


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("قالت وزارة الداخلية الأردنية اليوم إن الحدود آمنة.", "وزارة الداخلية", "JO"),
        ("أكد وزير الخارجية الإيراني أن بلاده لن تتراجع عن موقفها.", "وزير الخارجية", "IR"),
        ("دانت الحكومة اليمنية القصف الذي طال الميناء.", "الحكومة", "YE"),
        ("أعلن الجيش الكوري الجنوبي أنه رصد إطلاق صاروخ.", "الجيش", "KR"),
        ("وقال بيان وزارة خارجية جنوب أفريقيا إن السفير استدعي.", "وزارة خارجية", "ZA"),
        (
            "طالبت البعثة الدائمة لدى الأمم المتحدة بعقد جلسة، وفق ما ذكرت البعثة القطرية.",
            "البعثة الدائمة لدى الأمم المتحدة",
            "QA",
        ),
        ("وقالت الخارجية السعودية في بيان إن المملكة ترفض التدخل.", "الخارجية", "SA"),
    ],
)
def test_body_is_named_as_written_and_country_comes_from_the_adjective(text, name, country):
    who = issuer_of(text)
    assert who is not None
    assert who.name == name
    assert who.country == country


def test_country_of_the_lead_subject_names_the_government_of_an_office_without_adjective():
    text = (
        "أدانت مصر بشدة الهجوم على المدنيين.\n"
        "وقالت وزارة الخارجية في بيان إن الهجوم جريمة لا تغتفر."
    )
    who = issuer_of(text)
    assert (who.name, who.country) == ("وزارة الخارجية", "EG")


@pytest.mark.parametrize(
    "text, name",
    [
        ("أصدر مجلس الأمن الدولي بيانا دان فيه الهجوم.", "مجلس الأمن الدولي"),
        (
            "طالب الأمين العام للجامعة العربية بتحقيق دولي في الأحداث.",
            "الأمين العام للجامعة العربية",
        ),
        ("قال الاتحاد الأوروبي في بيان إن الاتفاق يجب أن يحترم.", "الاتحاد الأوروبي"),
    ],
)
def test_international_bodies_have_no_country(text, name):
    who = issuer_of(text)
    assert who is not None
    assert who.name == name
    assert who.country is None


def test_joint_statement_of_several_governments_has_no_country():
    text = "قالت حكومة فرنسا في بيان مشترك مع ألمانيا وبريطانيا إن الهجوم مدان."
    who = issuer_of(text)
    assert who is not None
    assert who.country is None


def test_round_up_issuer_is_the_government_quoted_at_length_not_a_passing_reaction():
    text = (
        "تتواصل ردود الفعل على قرار نقل المصنع إلى الحدود.\n"
        "ووصفت الحكومة التركية القرار بأنه مؤسف.\n"
        "وقالت الخارجية الروسية إن القرار يهدد الاستقرار.\n"
        "وأضافت الخارجية الروسية أن موسكو ستتخذ ما يلزم.\n"
        "وذكرت الخارجية الروسية في بيان أن الحوار هو السبيل الوحيد."
    )
    who = issuer_of(text)
    assert (who.name, who.country) == ("الخارجية", "RU")


def test_summoned_ambassador_is_not_the_speaker_the_ministry_that_summoned_is():
    text = "استدعت وزارة الخارجية العراقية السفير التركي في بغداد وأبلغته احتجاجها."
    who = issuer_of(text)
    assert (who.name, who.country) == ("وزارة الخارجية", "IQ")


def test_spokesperson_named_by_apposition_after_the_verb():
    text = "قال محمد أحمد، المتحدث الرسمي باسم الحكومة الأردنية، إن المعبر سيفتح غدا."
    who = issuer_of(text)
    assert who is not None
    assert who.country == "JO"
    assert "الحكومة" in who.name


def test_news_without_an_official_speaker_has_no_issuer():
    text = "فاز الفريق الأول بالمباراة بثلاثة أهداف مقابل هدف واحد.\nوحضر وزير الرياضة اللقاء في الملعب."
    assert issuer_of(text) is None


def test_a_sports_team_delegation_is_not_a_diplomatic_mission():
    text = "غادرت بعثة الفريق إلى سويسرا أمس لإقامة المعسكر الصيفي."
    assert issuer_of(text) is None


def test_office_quoted_by_state_media_speaks_for_that_state():
    text = "نقلت الإذاعة الكويتية عن وزارة الخارجية قولها إن الاتفاق يخدم إسرائيل وتركيا."
    who = issuer_of(text)
    assert (who.name, who.country) == ("وزارة الخارجية", "KW")


def test_several_states_speaking_together_have_no_single_country():
    text = "أدان قادة كل من فرنسا وألمانيا وإيطاليا الهجوم على السفينة في بيان."
    who = issuer_of(text)
    assert who is not None
    assert who.country is None


def test_ministers_of_the_arab_states_together_have_no_country():
    text = "طالب وزراء خارجية الدول العربية في ختام اجتماعهم بوقف الاستيطان."
    who = issuer_of(text)
    assert who is not None and who.country is None


def test_two_ministers_of_one_state_in_a_joint_statement_keep_their_country():
    text = "دعت بريطانيا إيران إلى وقف التسليح.\nوقال وزيرا الخارجية والدفاع، في بيان مشترك، إن الحرب يجب أن تنتهي."
    who = issuer_of(text)
    assert who is not None and who.country == "GB"


def test_a_ministry_relayed_by_a_news_agency_after_its_object_is_the_issuer():
    text = (
        "أعلنت وكالة الأنباء الرسمية السورية أن الدفاعات تصدت لهجوم. "
        'وجاء هذا بعد القرار الذي أدانته "بشدة" وزارة الخارجية السورية. '
        "وقال الجيش الإسرائيلي إنه استهدف مواقع. وأضاف الجيش الإسرائيلي أنه سيرد."
    )
    who = issuer_of(text)
    assert (who.name, who.country) == ("وزارة الخارجية", "SY")


def test_an_unnamed_source_in_a_ministry_makes_that_ministry_speak():
    text = "نقلت الوكالة عن مصدر رسمي في وزارة الخارجية العراقية أن بغداد ترفض الانتهاك."
    who = issuer_of(text)
    assert (who.name, who.country) == ("وزارة الخارجية", "IQ")


def test_a_joint_lead_names_the_body_that_issued_the_statement_without_a_country():
    text = (
        "اتهمت بلجيكا والدنمارك رسميا الجماعة بالمسؤولية عن الهجوم. "
        "وصدر القرار في بيان عن مجلس الوزراء البلجيكي. "
        "وقال وزير الخارجية البلجيكي إن الأدلة قاطعة."
    )
    who = issuer_of(text)
    assert (who.name, who.country) == ("مجلس الوزراء", None)


def test_the_nationality_adjective_inside_a_missions_name_is_dropped():
    who = issuer_of("قدمت البعثة الأردنية الدائمة لدى الأمم المتحدة رسالة إلى مجلس الأمن.")
    assert (who.name, who.country) == ("البعثة الدائمة لدى الأمم المتحدة", "JO")
    who = issuer_of("قال السفير الأردني بالولايات المتحدة إن العلاقات متينة.")
    assert (who.name, who.country) == ("السفير بالولايات المتحدة", "JO")
    who = issuer_of("قال سفير الأردن في مصر إن العلاقات متينة.")
    assert (who.name, who.country) == ("سفير الأردن في مصر", "JO")


def test_an_office_named_without_a_state_belongs_to_the_state_whose_towns_the_text_names():
    text = (
        "صرح المتحدث الأمني لوزارة الداخلية بأن مركزا حدوديا بمنطقة جازان تعرض لقذائف من داخل الأراضي اليمنية. "
        "وأضاف أن دورية في نجران تعرضت لمقذوف من الأراضي اليمنية."
    )
    who = issuer_of(text)
    assert who.country == "SA"


def test_the_government_whose_news_agency_the_lead_cites_outweighs_later_speakers():
    text = (
        "نقلت وكالة الأنباء الأردنية (بترا) أن الطائرات أسقطت مسيرة. "
        "وأضافت أن وزارة الخارجية الأردنية نددت بالخرق. "
        "وقال الجيش الإسرائيلي إنه يحقق. وأضاف الجيش الإسرائيلي أنه سيرد."
    )
    who = issuer_of(text)
    assert (who.name, who.country) == ("وزارة الخارجية", "JO")


def test_arab_leaders_at_a_summit_speak_for_no_single_state():
    who = issuer_of(
        "أكد القادة العرب في ختام قمتهم دعم القضية. وقال الرئيس المصري إن القمة ناجحة. وأضاف الرئيس المصري أن التعاون مهم."
    )
    assert (who.name, who.country) == ("القادة العرب", None)


def test_a_verbal_noun_in_ta_marbuta_is_not_a_verb_with_an_object_pronoun():
    from bot.summarize.issuer import mentions

    text = "دعت الحكومة الأردنية مجلس الأمن التابع للأمم المتحدة إلى إدانة الهجوم على الناقلة."
    speaking = [m.name for m in mentions(split_sentences(prepare(text)[0])) if m.signal]
    assert speaking == ["الحكومة"]


def test_a_spokesperson_of_the_ministry_named_before_speaks_for_that_ministry():
    text = (
        "احتجت تشيلي على اعتقال صحفي من مواطنيها في بوليفيا.\n"
        "وذكر بيان لوزارة الخارجية التشيلية أن الصحفي اعتقل دون تهمة.\n"
        'وقال متحدث باسم الوزارة "طلبنا تفسيرا فوريا".'
    )
    who = issuer_of(text)
    assert who is not None
    assert (who.name, who.country) == ("وزارة الخارجية", "CL")


def test_an_ambassador_of_a_state_named_in_full_keeps_the_full_name():
    text = "قال سفير المملكة العربية السعودية في لندن إن بلاده ترفض الاتهامات."
    who = issuer_of(text)
    assert who is not None
    assert (who.name, who.country) == ("سفير المملكة العربية السعودية في لندن", "SA")


def test_a_body_named_without_a_state_belongs_to_the_state_speaking_before_it_in_its_sentence():
    text = (
        "أعربت دولة قطر على لسان وزير خارجيتها عن تضامنها مع الكويت.\n"
        "وفي السياق ذاته، أكدت الجمهورية التونسية وقوفها مع الكويت، وقالت رئاسة الجمهورية في بيان إن أمن الكويت من أمنها."
    )
    who = issuer_of(text)
    assert who is not None
    assert (who.name, who.country) == ("وزير خارجيتها", "QA")


def test_an_office_right_after_a_verb_of_the_other_gender_is_its_object_not_its_speaker():
    text = (
        "أصدرت هافانا بيانا نددت فيه بالمطالب التي قدمها وزير الخارجية الكندي.\n"
        "واعتبرت هافانا أن المطالب مرفوضة، ودعت الرئيس الكندي إلى الحوار."
    )
    who = issuer_of(text)
    assert who is not None
    assert who.country == "CU"


def test_a_ministry_recalling_its_own_ambassador_is_the_speaker_not_the_ambassador():
    text = "أعلنت وزارة الخارجية القطرية أنها استدعت سفير دولة قطر لدى تشاد للتشاور."
    who = issuer_of(text)
    assert who is not None
    assert (who.name, who.country) == ("وزارة الخارجية", "QA")


def test_an_office_named_without_a_state_does_not_take_the_state_of_a_foreign_counterpart_met():
    text = (
        "استدعت نائبة وزير الخارجية، يائيل كوهين، ثلاثة سفراء أوروبيين في تل أبيب.\n"
        "وكانت قد التقت نائب وزير الخارجية الإيطالي الأسبوع الماضي.\n"
        "وترى الحكومة الإسرائيلية أن التمويل الأوروبي يضر بالعلاقات، ويشاركها الجيش الإسرائيلي الرأي."
    )
    who = issuer_of(text)
    assert who is not None
    assert who.country == "IL"


def test_a_regional_presidency_or_government_is_named_with_its_region_and_speaks_for_its_state():
    who = issuer_of("طالبت رئاسة إقليم كردستان العراق الحزب بسحب مقاتليه من الحدود.")
    assert who is not None
    assert (who.name, who.country) == ("رئاسة إقليم كردستان العراق", "IQ")
    who = issuer_of("أعلنت حكومة إقليم كردستان أنها ستجري الانتخابات في موعدها.")
    assert who is not None
    assert (who.name, who.country) == ("حكومة إقليم كردستان", "IQ")


def test_an_official_source_spelt_with_hamza_on_waw_speaks_for_the_ministry():
    who = issuer_of("وصرح مصدر مسؤول في وزارة الخارجية الأردنية بأن المملكة ترفض القرار.")
    assert who is not None
    assert (who.name, who.country) == ("وزارة الخارجية", "JO")


def test_a_minister_of_affairs_spelt_with_hamza_keeps_his_domain():
    who = issuer_of("قال وزير شؤون الخارجية العماني إن بلاده تدعم الحوار.")
    assert who is not None
    assert (who.name, who.country) == ("وزير شؤون الخارجية", "OM")


def test_a_general_command_of_the_armed_forces_is_named_in_full():
    who = issuer_of("أعلنت القيادة العامة للقوات المسلحة الأردنية أن الدفاعات تصدت للطائرة.")
    assert who is not None
    assert (who.name, who.country) == ("القيادة العامة للقوات المسلحة", "JO")


def test_a_body_named_inside_the_quoted_statement_is_its_content_not_its_speaker():
    text = (
        "استدعت كينيا سفيرها لدى جارتها.\n"
        'وقال بيان وزارة الخارجية الكينية: "قررت الحكومة الكينية استدعاء سفيرها بشكل فوري".'
    )
    who = issuer_of(text)
    assert who is not None
    assert (who.name, who.country) == ("وزارة الخارجية", "KE")


def test_a_woman_minister_written_with_the_masculine_noun_still_speaks():
    who = issuer_of("قالت وزير الخارجية الأسترالية إن بلادها ستستدعي السفير.")
    assert who is not None
    assert (who.name, who.country) == ("وزير الخارجية", "AU")


def test_a_coordinated_ministry_name_keeps_its_country_adjective() -> None:
    # The adjective comes after "وشؤون المغتربين"; a town of another state named later
    # must not outweigh it.
    text = (
        "أدانت وزارة الخارجية وشؤون المغتربين الأردنية قصف مخيم في مدينة خان يونس. "
        "وقالت الوزارة إن القصف أوقع ضحايا في رفح."
    )
    from bot.summarize import summarize

    issuer = summarize(text).issuer
    assert issuer is not None
    assert (issuer.name, issuer.country) == ("وزارة الخارجية وشؤون المغتربين", "JO")


def test_a_ministry_name_stops_before_the_object_of_its_verb() -> None:
    from bot.summarize import summarize

    assert (
        summarize("أدانت وزارة الخارجية القصف الذي استهدف المدينة.").issuer.name == "وزارة الخارجية"
    )
    named = summarize(
        "أعلنت وزارة الشؤون الخارجية والتعاون الدولي المغربية في بيان رفضها للقرار."
    ).issuer
    assert (named.name, named.country) == ("وزارة الشؤون الخارجية والتعاون الدولي", "MA")
    assert summarize("قالت وزارة الدفاع الوطني التركية إن قواتها ردت.").issuer.country == "TR"


def test_one_threads_text_is_never_read_from_another_threads_sentences() -> None:
    """Ingest summarizes several feeds' items at once in worker threads: the sentences the
    issuer search looks back into are per thread (they were one shared dict)."""
    import threading

    from bot.summarize import issuer, summarize

    summarize("قالت وزارة الخارجية الأردنية في بيان إنها تدين الهجوم.")
    mine = dict(issuer._sentences())
    other = threading.Thread(
        target=summarize, args=("أعلنت وزارة الداخلية الفرنسية اليوم عن إجراءات جديدة.",)
    )
    other.start()
    other.join()
    assert mine and issuer._sentences() == mine


def test_body_scan_selects_every_word_that_may_start_a_body() -> None:
    """The mention scan looks only at words spelled like a body's first word; any word
    whose clitic-stripped variants reach a first word must be among those spellings,
    or a body would go unseen."""
    from bot.summarize import issuer as I

    clitics = ["", *I._PROCLITICS]
    inner = ["", *I._PREP_CLITICS]
    tried = 0
    for v in sorted(I._INTERESTING):
        bases = [q + v for q in inner]
        if v.startswith(I._ARTICLE):
            bases.append(I._LIL + v[len(I._ARTICLE) :])
        for w in (p + b for p in clitics for b in bases):
            tried += 1
            if I._may_start_body(w):
                assert w in I._BODY_START_FORMS, w
    assert tried > 100
    assert {"اليوم", "قال", "في"}.isdisjoint(I._BODY_START_FORMS)  # common words are skipped
    found = find_issuer(split_sentences(prepare("وقالت وزارة الخارجية في بيان إن الوضع خطير.")[0]))
    assert found is not None and "وزارة الخارجية" in found.name
