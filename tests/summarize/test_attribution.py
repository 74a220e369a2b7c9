"""Whose words each stretch of a report is: the issuer's, another speaker's, or the reporter's."""

from __future__ import annotations

from bot.summarize import attribution as A
from bot.summarize.model import Issuer
from bot.summarize.text import prepare, split_sentences

SY_MFA = Issuer("وزارة الخارجية والمغتربين", "SY")
JO_MFA = Issuer("وزارة الخارجية", "JO")


def sentences(text: str) -> list[str]:
    return split_sentences(prepare(text)[0])


def sides(text: str, issuer: Issuer | None) -> list[str]:
    """The side of each sentence (of its first segment that is not the reporter's)."""
    sents = sentences(text)
    an = A.analyse(sents, issuer)
    out = []
    for i in range(len(sents)):
        segs = [s.side for s in an.segments if s.sentence == i]
        named = [s for s in segs if s != A.NARRATIVE]
        out.append(named[0] if named else A.NARRATIVE)
    return out


def test_the_issuer_named_with_its_country_speaks_for_the_issuer():
    text = "قالت وزارة الخارجية الأردنية في بيان اليوم إن الوضع خطير."
    assert sides(text, JO_MFA) == [A.ISSUER]


def test_another_countrys_minister_is_not_the_issuer():
    text = (
        "قالت وزارة الخارجية الأردنية إن الوضع خطير.\n"
        "من جهته، قال وزير الخارجية التركي إن بلاده تتابع الأحداث."
    )
    assert sides(text, JO_MFA) == [A.ISSUER, A.OTHER]


def test_a_un_official_is_not_the_issuer():
    text = "أدانت الحكومة الأردنية القصف.\nوأعرب الأمين العام للأمم المتحدة عن قلقه البالغ."
    assert sides(text, Issuer("الحكومة", "JO")) == [A.ISSUER, A.OTHER]


def test_a_bare_continuation_verb_keeps_the_current_speaker():
    text = (
        "قالت وزارة الخارجية الأردنية إن الوضع خطير.\n"
        'وأضافت: "لن نقبل بذلك".\n'
        "وتابعت أن الحكومة ستتحرك."
    )
    assert sides(text, JO_MFA) == [A.ISSUER, A.ISSUER, A.ISSUER]


def test_the_reporters_own_narrative_is_nobodys_statement():
    text = (
        "قالت وزارة الخارجية الأردنية إن الوضع خطير.\n"
        "وشهدت المنطقة اشتباكات عنيفة خلال الأسبوع الماضي."
    )
    assert sides(text, JO_MFA) == [A.ISSUER, A.NARRATIVE]


def test_a_pointer_to_a_foreign_ministry_stays_with_that_foreign_speaker():
    text = (
        "أدانت الحكومة الأردنية القصف.\n"
        "وقررت الكويت استدعاء سفيرها، وفق ما أعلنت وزارة الخارجية الكويتية.\n"
        "وقالت الوزارة إن القرار نهائي."
    )
    assert sides(text, Issuer("الحكومة", "JO"))[1:] == [A.OTHER, A.OTHER]


def test_a_person_introduced_with_title_keeps_his_side_by_surname():
    text = (
        "قال وزير الخارجية التركي مراد يلدز إن بلاده قلقة.\n"
        "وأضاف يلدز أن الحل سياسي.\n"
        "وقالت وزارة الخارجية الأردنية إن الحل يجب أن يكون عادلا.\n"
        "وشدد يلدز على الحوار."
    )
    assert sides(text, JO_MFA) == [A.OTHER, A.OTHER, A.ISSUER, A.OTHER]


def test_the_state_news_agency_of_the_issuers_country_counts_as_the_issuer():
    text = (
        "وجهت وزارة الخارجية والمغتربين السورية رسالة إلى مجلس الأمن.\n"
        "وذكرت وكالة الأنباء السورية سانا أن الطائرات قصفت جسرا."
    )
    assert sides(text, SY_MFA) == [A.ISSUER, A.ISSUER]


def test_a_round_up_credits_only_the_lead_government():
    text = (
        "أدانت مصر الهجوم على المدنيين.\n"
        "كما أدانت فرنسا الهجوم.\n"
        "وندد وزير الخارجية البريطاني بالعنف."
    )
    assert sides(text, Issuer("مصر", "EG")) == [A.ISSUER, A.OTHER, A.OTHER]


def test_without_a_known_issuer_the_first_government_speaking_leads():
    text = (
        "قالت وزارة الخارجية الأردنية إن الوضع خطير.\n"
        "من جهته، قال وزير الخارجية التركي إن بلاده تتابع."
    )
    assert sides(text, None) == [A.ISSUER, A.OTHER]


def test_an_embedded_speaker_inside_the_issuers_sentence_is_cut_out():
    text = "وتطالب الوزارة الدول بالتحرك، حيث أكدت قرارات مجلس الأمن ضرورة حماية المدنيين."
    an = A.analyse(sentences(text), JO_MFA)
    by_side = {s.side: text[s.start : s.end] for s in an.segments}
    assert "وتطالب" in by_side[A.ISSUER]
    assert "قرارات مجلس الأمن" in by_side[A.OTHER]


def test_a_statement_with_no_reporting_frame_is_all_the_issuers():
    text = "إن العدوان على أراضي الجمهورية مرفوض. والحكومة ماضية في الدفاع عن شعبها."
    assert sides(text, SY_MFA) == [A.ISSUER, A.ISSUER]


def test_a_member_government_of_a_joint_statement_speaks_for_it():
    text = (
        "أعلنت مصر والأردن في بيان مشترك رفضهما للقرار.\n"
        "وقال وزير الخارجية المصري إن القرار باطل.\n"
        "من جهته، قال وزير الخارجية التركي إن بلاده تتابع الأحداث."
    )
    assert sides(text, Issuer("مصر والأردن", None))[1:] == [A.ISSUER, A.OTHER]


def test_the_governments_a_joint_issuer_lead_names_speak_for_it():
    text = (
        "اتهمت مصر والأردن رسميا الجماعة بتفجير السوق.\n"
        "وقال وزير الخارجية الأردني إن التحقيق مستمر.\n"
        "من جهته، قال وزير الخارجية التركي إن بلاده تتابع الأحداث."
    )
    assert sides(text, Issuer("مجلس الوزراء", None)) == [A.ISSUER, A.ISSUER, A.OTHER]


def test_the_accused_before_the_charge_is_no_speaker():
    text = (
        "قالت وزارة الخارجية الأردنية إن القرار يخالف الاتفاقات.\n"
        "وكانت الرياض والقاهرة قد قطعتا العلاقات مع الدوحة بعدما اتهمت الأردن بدعم الجماعات المتطرفة."
    )
    assert sides(text, JO_MFA) == [A.ISSUER, A.OTHER]


def test_an_ngo_executive_director_is_not_the_issuer():
    text = (
        "قالت وزارة الخارجية الأردنية إن الوضع خطير.\n"
        "ورفض سامي الحداد، المدير التنفيذي للرابطة، ذلك وأضاف في بيان أن الحكومة تكذب."
    )
    assert sides(text, JO_MFA) == [A.ISSUER, A.OTHER]


def test_a_quoted_that_clause_subject_speaks():
    text = 'ونشرت الصحيفة نص الرسالة، وجاء فيها أن "المملكة الأردنية الهاشمية تدين الهجوم على السفارة".'
    sents = sentences(text)
    an = A.analyse(sents, JO_MFA)
    assert any(e.verb == "تدين" and e.side == A.ISSUER for e in an.events)


def test_preachers_are_not_the_issuer():
    text = (
        "قالت وزارة الخارجية الأردنية إن الوضع خطير.\n"
        "من جانبهم، أكد خطباء الجمعة أن التدخلات تهدد البلاد."
    )
    assert sides(text, JO_MFA) == [A.ISSUER, A.OTHER]


def test_the_state_held_responsible_is_no_speaker():
    text = "أدانت وزارة الخارجية الأردنية الهجوم على السفينة، وحملت إيران المسؤولية."
    an = A.analyse(sentences(text), JO_MFA)
    assert all(s.side == A.ISSUER for s in an.segments)


def test_a_sentence_opening_with_inna_runs_on_in_the_last_speakers_words():
    text = (
        "قالت وزارة الخارجية الأردنية في بيان اليوم إن الوضع في المنطقة خطير. "
        "إن على الدول الكبرى أن تتحرك قبل فوات الأوان. "
        "وعلى العالم أن ينظر إلى ما يجري بعين الحذر."
    )
    assert sides(text, JO_MFA) == [A.ISSUER, A.ISSUER, A.ISSUER]


def test_a_verb_first_sentence_after_the_speaker_stays_the_reporters():
    text = (
        "قالت وزارة الخارجية الأردنية في بيان اليوم إن الوضع في المنطقة خطير. "
        "وشهدت العاصمة مظاهرات واسعة مساء أمس."
    )
    assert sides(text, JO_MFA) == [A.ISSUER, A.NARRATIVE]


def test_an_opening_inna_before_anyone_speaks_is_not_credited_to_the_issuer():
    text = (
        "وشهدت العاصمة مظاهرات واسعة مساء أمس. إن على الحكومة أن تستمع إلى المحتجين، "
        "قال مراقبون. وقالت وزارة الخارجية الأردنية إن الوضع هادئ."
    )
    assert sides(text, JO_MFA)[0] == A.NARRATIVE


def test_the_pluperfect_kana_x_qad_said_names_its_speaker():
    text = (
        "أعلنت وزارة الداخلية الأردنية القبض على خلية. "
        "وكان وزير الداخلية الأردني قد أكد أهمية اليقظة في المرحلة المقبلة."
    )
    assert sides(text, Issuer("وزارة الداخلية", "JO")) == [A.ISSUER, A.ISSUER]


def test_the_pluperfect_of_another_governments_minister_is_not_the_issuers():
    text = (
        "قالت وزارة الخارجية الأردنية إن الحدود آمنة. "
        "وكان وزير الخارجية الإيراني قد أكد أن بلاده لا تتدخل في شؤون جيرانها."
    )
    assert sides(text, JO_MFA) == [A.ISSUER, A.OTHER]


def test_words_credited_with_according_to_are_that_speakers():
    text = (
        "قال وزير الخارجية الأردني إن الوضع على الحدود خطير. "
        "وحسب الوزير، فإن تحركات المسلحين تمثل خرقا للاتفاق. "
        "وبحسب وزير الخارجية الإيراني، فإن بلاده لا علاقة لها بالأمر."
    )
    assert sides(text, JO_MFA) == [A.ISSUER, A.ISSUER, A.OTHER]


def test_a_topic_phrase_before_the_verb_names_what_is_spoken_about_not_the_speaker():
    text = (
        "قالت وزارة الخارجية الأردنية إن الحدود آمنة. "
        "وقال المتحدث باسم منظمة العفو الدولية إن التحذير مبالغ فيه. "
        "وعن بيان الخارجية الأردنية قال إن الحكومة لم تشرح أسبابها."
    )
    assert sides(text, JO_MFA) == [A.ISSUER, A.OTHER, A.OTHER]


def test_a_deed_with_bi_after_a_demand_verb_is_not_its_subject():
    an = A.analyse(
        sentences("قالت وزارة الخارجية الأردنية إنها تابعت الحادث، وطالبت بتوضيح عاجل."), JO_MFA
    )
    demand = [e for e in an.events if e.verb == "طالبت"]
    assert demand and demand[0].subject is None


def test_a_country_starting_with_ba_can_still_be_a_subject():
    an = A.analyse(sentences("وطالبت باكستان الهند بتقديم الأدلة."), JO_MFA)
    assert an.events and an.events[0].subject is not None


def test_a_vow_takes_the_floor_back_for_the_issuer():
    text = (
        "وقالت وزارة الخارجية الأردنية إن الهجوم جبان.\n"
        "وذكر بيان للجماعة المسلحة أن الوزير كان في الموقع.\n"
        "وتعهد وزير الخارجية الأردني بملاحقة المنفذين أينما كانوا."
    )
    assert sides(text, JO_MFA)[1:] == [A.OTHER, A.ISSUER]


def test_issuing_instructions_is_the_issuers_stance():
    text = (
        "وقالت وزارة الخارجية الأردنية إن الأوضاع مستقرة.\n"
        "وأصدر وزير الخارجية الأردني تعليمات للسفارات بتسهيل عودة المواطنين."
    )
    assert sides(text, JO_MFA) == [A.ISSUER, A.ISSUER]


IL_ARMY = Issuer("الجيش", "IL")


def test_the_outlet_a_spokesperson_talks_to_does_not_make_her_another_speaker():
    # "لوكالة فرانس برس" is who was told; a news agency's name used to end the speaker
    # phrase and make the army's own spokeswoman a non-government speaker
    text = (
        "أعلن الجيش الإسرائيلي أن قواته أطلقت النار.\n"
        'وقالت ناطقة باسم الجيش الإسرائيلي لوكالة فرانس برس إنهم "حاولوا التسلل".'
    )
    assert sides(text, IL_ARMY) == [A.ISSUER, A.ISSUER]


def test_an_outlet_in_the_speaker_phrase_still_makes_a_non_government_speaker():
    text = "أعلن الجيش الإسرائيلي أن قواته أطلقت النار.\nوقال مراسل وكالة فرانس برس إن الوضع هادئ."
    assert sides(text, IL_ARMY) == [A.ISSUER, A.OTHER]
