"""Who the issuer blames for what: one (accused, act) per party and act, from the issuer's words only."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.summarize.accusations import extract_accusations
from bot.summarize.model import Issuer
from bot.summarize.text import prepare, split_sentences

SEED = Path(__file__).parent / "data" / "seed-ministry-letter.txt"
JO = Issuer("وزارة الخارجية", "JO")
SY = Issuer("وزارة الخارجية والمغتربين", "SY")


def accuse(text: str, issuer: Issuer | None = JO) -> set[tuple[str, str]]:
    sents = split_sentences(prepare(text)[0])
    return {(a.accused, a.act) for a in extract_accusations(sents, issuer)}


def acts_of(text: str, accused_word: str, issuer: Issuer | None = JO) -> set[str]:
    return {act for who, act in accuse(text, issuer) if accused_word in who}


# --- each act ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "accused", "act"),
    [
        (
            "قالت وزارة الخارجية الأردنية إن قوات الاحتلال ارتكبت مجزرة بحق المدنيين في القرية.",
            "الاحتلال",
            "killing_civilians",
        ),
        (
            "أدانت وزارة الخارجية الأردنية استهداف طائرات النظام للمستشفيات والمدارس في المدينة.",
            "النظام",
            "attacking_infrastructure",
        ),
        (
            "دانت وزارة الخارجية الأردنية الهجوم الذي شنته الميليشيات المسلحة على موقع للجيش الأردني.",
            "الميليشيات",
            "attacking_forces",
        ),
        (
            "رفضت وزارة الخارجية الأردنية التدخل الإيراني في الشؤون الداخلية للدول العربية.",
            "إيران",
            "violating_sovereignty",
        ),
        (
            "قالت وزارة الخارجية الأردنية إن الجماعة انتهكت القانون الدولي الإنساني بقصف الأحياء.",
            "الجماعة",
            "violating_international_law",
        ),
        (
            "أكدت وزارة الخارجية الأردنية أن ما قامت به العصابات المسلحة يرقى إلى جرائم حرب.",
            "العصابات",
            "war_crimes",
        ),
        (
            "اتهمت وزارة الخارجية الأردنية النظام بتمويل الإرهاب في المنطقة.",
            "النظام",
            "supporting_terrorism",
        ),
        (
            "أدانت وزارة الخارجية الأردنية الاستيطان الإسرائيلي في الضفة الغربية.",
            "إسرائيل",
            "occupation_settlement",
        ),
        (
            "نددت وزارة الخارجية الأردنية بالحصار الذي تفرضه الميليشيات على المدينة منذ أشهر.",
            "الميليشيات",
            "siege_starvation",
        ),
        (
            "قالت وزارة الخارجية الأردنية إن البيان يتضمن أكاذيب الحركة المعتادة.",
            "الحركة",
            "disinformation",
        ),
        (
            "قالت وزارة الخارجية الأردنية إن الحكومة الإسرائيلية تواصل عرقلة التوصل إلى حل سياسي.",
            "الحكومة الإسرائيلية",
            "obstruction",
        ),
        ("اتهمت وزارة الخارجية الأردنية الجماعة بالتجسس لصالح جهات أجنبية.", "الجماعة", "other"),
    ],
)
def test_each_act_is_recognised_with_its_agent(text: str, accused: str, act: str):
    assert act in acts_of(text, accused)


# --- agents in the usual shapes --------------------------------------------------------------


def test_agent_after_min_qibal():
    text = "أدانت وزارة الخارجية الأردنية استهداف المدنيين العزل من قبل ميليشيا الحوثي."
    assert ("ميليشيا الحوثي", "killing_civilians") in accuse(text)


def test_forces_and_aircraft_of_a_party_are_that_party():
    text = (
        "أدانت وزارة الخارجية الأردنية قصف طائرات هذا التحالف للمنازل وقتل قوات التحالف للمدنيين."
    )
    assert {who for who, _ in accuse(text)} == {"التحالف"}


def test_agent_of_irtakabaha():
    text = "أدانت وزارة الخارجية الأردنية المجزرة التي ارتكبتها الميليشيات في البلدة."
    assert "killing_civilians" in acts_of(text, "الميليشيات")


def test_agent_as_subject_before_the_act():
    text = "قالت وزارة الخارجية الأردنية إن قوات النظام قد ارتكبت جرائم حرب في البلدة."
    assert "war_crimes" in acts_of(text, "النظام")


def test_agent_as_genitive_of_the_act_noun():
    text = "أدانت وزارة الخارجية الأردنية اعتداءات المستوطنين على المسجد الأقصى."
    assert "attacking_infrastructure" in acts_of(text, "المستوطنين")


def test_nationality_adjective_gives_the_country():
    text = "أدانت وزارة الخارجية الأردنية العدوان التركي على الأراضي العراقية."
    assert ("تركيا", "violating_sovereignty") in accuse(text)


def test_accuse_verb_names_the_accused_and_the_act_after_bi():
    text = "اتهمت وزارة الخارجية الأردنية الحكومة السورية بقصف المستشفيات."
    assert "attacking_infrastructure" in acts_of(text, "الحكومة السورية")


def test_accuse_verb_without_a_listed_act_is_other():
    text = "اتهمت وزارة الخارجية الأردنية الجماعة بالضلوع في محاولة اغتيال."
    assert acts_of(text, "الجماعة") == {"other"}


# --- the GUIDE's edge cases ----------------------------------------------------------------


def test_holding_responsible_for_civilian_deaths_is_killing_civilians():
    text = "حملت وزارة الخارجية الأردنية الميليشيات المسؤولية الكاملة عن مقتل المدنيين."
    assert acts_of(text, "الميليشيات") == {"killing_civilians"}


def test_holding_responsible_for_something_else_is_other():
    text = "حملت وزارة الخارجية الأردنية سلطات الاحتلال المسؤولية عن أي مساس بالمقدسات."
    assert "other" in acts_of(text, "سلطات الاحتلال")


def test_breaching_a_ceasefire_is_violating_international_law():
    text = "قالت وزارة الخارجية الأردنية إن الميليشيات خرقت اتفاق وقف إطلاق النار مرة أخرى."
    assert "violating_international_law" in acts_of(text, "الميليشيات")


def test_carrying_out_terrorism_is_other_not_supporting_it():
    text = "قالت وزارة الخارجية الأردنية إن الجماعة تواصل ممارسة الإرهاب ضد المواطنين."
    assert "other" in acts_of(text, "الجماعة")
    assert "supporting_terrorism" not in acts_of(text, "الجماعة")


def test_arming_an_armed_group_is_supporting_terrorism():
    text = "قالت وزارة الخارجية الأردنية إن النظام يواصل تسليح الميليشيات في المنطقة."
    assert "supporting_terrorism" in acts_of(text, "النظام")
    assert not acts_of(text, "الميليشيات")  # the armed group is the one supported


def test_a_terrorist_attack_is_other_and_its_target_is_not_its_agent():
    text = "أدانت وزارة الخارجية الأردنية التفجير الإرهابي الذي استهدف مسجد قوات الأمن الخاصة."
    assert accuse(text) == set()
    text = "أدانت وزارة الخارجية الأردنية التفجير الإرهابي الذي نفذته جماعة مسلحة في المدينة."
    assert ("جماعة مسلحة", "other") in accuse(text)


def test_endangering_civilians_is_other():
    text = "أدانت وزارة الخارجية الأردنية قيام الميليشيات بتعريض حياة المدنيين للخطر."
    assert acts_of(text, "الميليشيات") == {"other"}


# --- whose words ---------------------------------------------------------------------------


def test_another_governments_accusations_are_not_the_issuers():
    text = (
        "أدانت وزارة الخارجية الأردنية التصعيد في المنطقة.\n"
        "من جهته، اتهم وزير الخارجية التركي الجماعة بارتكاب مجزرة بحق المدنيين."
    )
    assert accuse(text) == set()


def test_the_reporters_narrative_is_not_an_accusation():
    text = (
        "أدانت وزارة الخارجية الأردنية التصعيد.\n"
        "وكانت قوات النظام قد قصفت المستشفى الوحيد في البلدة الأسبوع الماضي."
    )
    assert accuse(text) == set()


def test_an_accusation_reported_inside_a_that_clause_is_the_other_partys():
    text = "وأوضحت وزارة الخارجية الأردنية أن تركيا اتهمت الجماعة بالوقوف وراء الهجوم على المدنيين."
    assert accuse(text) == set()


def test_acts_named_inside_someone_elses_claims_are_not_accusations():
    text = "وطالبت وزارة الخارجية الأردنية الهند بتقديم الأدلة على الاتهامات التي توجهها حول رعاية الإرهاب."
    assert accuse(text) == set()


def test_a_party_cited_inside_the_issuers_quote_holds_only_its_clause():
    text = (
        'وقال السفير الأردني: "جددت المحكمة الدولية اتهامها لعناصر الجماعة، '
        'ولا يزال هؤلاء مستمرين في اختطاف سيادة لبنان ورهنه في أيدي النظام الإيراني".'
    )
    got = accuse(text, Issuer("السفير", "JO"))
    assert ("النظام الإيراني", "violating_sovereignty") in got
    assert not any(
        who == "لبنان" for who, _ in got
    )  # the owner of the violated sovereignty is the victim


def test_possession_by_lam_after_the_harm_names_its_agent():
    text = 'دانت وزارة الخارجية الأردنية "إطلاق النار العشوائي" للجيش الإسرائيلي الذي أدى إلى مقتل تسعة مدنيين.'
    assert ("الجيش الإسرائيلي", "killing_civilians") in accuse(text)


def test_the_issuer_does_not_accuse_itself():
    text = "قالت وزارة الخارجية الأردنية إن القوات الأردنية تصدت لهجوم على الحدود الأردنية."
    assert not any("الأردن" in who for who, _ in accuse(text))


def test_without_an_issuer_the_lead_government_is_assumed():
    text = "قالت وزارة الخارجية الأردنية إن ميليشيا الحوثي ارتكبت مجزرة بحق المدنيين."
    assert ("ميليشيا الحوثي", "killing_civilians") in accuse(text, None)


# --- one entry per party and act -------------------------------------------------------------


def test_one_party_keeps_its_fullest_name_and_one_entry_per_act():
    text = (
        "قالت وزارة الخارجية الأردنية إن طائرات التحالف الدولي قصفت المدنيين.\n"
        "وأضافت أن هذا التحالف يواصل قتل المدنيين.\n"
        "وتابعت أن مجازر التحالف لن تمر."
    )
    got = accuse(text)
    killing = [who for who, act in got if act == "killing_civilians"]
    assert killing == ["التحالف الدولي"]


def test_a_list_of_accused_gives_one_entry_each():
    text = "قالت وزارة الخارجية الأردنية إن ما فعلته الولايات المتحدة وبريطانيا عدوان على العراق."
    got = accuse(text)
    assert ("الولايات المتحدة", "violating_sovereignty") in got
    assert ("بريطانيا", "violating_sovereignty") in got


def test_evidence_is_the_sentence_as_written():
    text = "أدانت وزارة الخارجية الأردنية الاستيطان الإسرائيلي. وطالبت بوقفه."
    sents = split_sentences(prepare(text)[0])
    (acc,) = extract_accusations(sents, JO)
    assert acc.evidence == sents[0]


def test_no_text_no_accusations():
    assert extract_accusations([], None) == []


# --- the seed letter ----------------------------------------------------------------------------


def test_seed_letter_accusations_against_the_coalition():
    got = accuse(SEED.read_text(encoding="utf-8"), SY)
    coalition = {act for who, act in got if who == "التحالف الدولي"}
    assert {
        "killing_civilians",
        "attacking_infrastructure",
        "attacking_forces",
        "violating_international_law",
        "violating_sovereignty",
        "obstruction",
        "war_crimes",
    } <= coalition
    assert ("ممثلي دول هذا التحالف", "disinformation") in got
    # Syria is the issuer: it is never the accused
    assert not any("سوري" in who for who, _ in got)


# --- bare crimes and one name per party ------------------------------------------------------


def test_bare_crime_against_civilians_is_killing_civilians_not_war_crimes():
    text = "قالت وزارة الخارجية الأردنية إن الميليشيات ارتكبت جريمة جديدة بحق المدنيين في البلدة."
    acts = acts_of(text, "الميليشيات")
    assert "killing_civilians" in acts
    assert "war_crimes" not in acts


def test_bare_crime_without_victims_names_no_war_crime():
    text = "قالت وزارة الخارجية الأردنية إن جرائم العصابات لن تمر دون حساب."
    assert "war_crimes" not in acts_of(text, "العصابات")


def test_crimes_of_war_stay_war_crimes():
    text = "قالت وزارة الخارجية الأردنية إن العصابات ارتكبت جرائم ضد الإنسانية في القرية."
    assert "war_crimes" in acts_of(text, "العصابات")


def test_a_state_and_its_army_are_one_party_for_one_act():
    text = (
        "قالت وزارة الخارجية الأردنية إن إسرائيل قتلت عشرات المدنيين في القطاع. "
        "وأضافت أن الجيش الإسرائيلي استهدف المدنيين العزل في المخيم."
    )
    killers = {who for who, act in accuse(text) if act == "killing_civilians"}
    assert killers == {"إسرائيل"}


def test_a_group_and_its_militias_are_one_party_for_one_act():
    text = (
        "قالت وزارة الخارجية الأردنية إن الحوثيين قصفوا المدنيين في المدينة. "
        "وأضافت أن الميليشيات الحوثية استهدفت المدنيين مرة أخرى."
    )
    killers = [who for who, act in accuse(text) if act == "killing_civilians"]
    assert len(killers) == 1


def test_a_states_minister_is_blamed_apart_from_the_state():
    text = (
        "قالت وزارة الخارجية الأردنية إن إسرائيل تنشر الأكاذيب. "
        "وأضافت أن رئيس الوزراء الإسرائيلي يروج الأكاذيب أيضا."
    )
    liars = {who for who, act in accuse(text) if act == "disinformation"}
    assert "إسرائيل" in liars and any("رئيس الوزراء" in who for who in liars)


# --- blame for an event ---------------------------------------------------------------------------


def test_accused_after_a_listed_subject_is_the_object():
    text = "اتهمت الأردن ومصر رسميا الجماعة بالمسؤولية عن تفجير السوق الشعبي."
    got = accuse(text, Issuer("الأردن ومصر", None))
    assert ("الجماعة", "killing_civilians") in got
    assert not any(who in ("الأردن", "مصر") for who, _ in got)


def test_holding_responsible_for_downing_a_passenger_plane_is_killing_civilians():
    text = "حملت وزارة الخارجية الأردنية الميليشيات المسؤولية عن إسقاط طائرة الركاب فوق البحر."
    assert acts_of(text, "الميليشيات") == {"killing_civilians"}


def test_bare_responsibility_restated_adds_no_other_act():
    text = (
        "حملت وزارة الخارجية الأردنية الميليشيات المسؤولية عن قصف الحي السكني وقتل المدنيين. "
        "وأضافت الوزارة أنها ستواصل تحميل الميليشيات المسؤولية."
    )
    assert acts_of(text, "الميليشيات") == {"killing_civilians"}


# --- condemned conduct and words ----------------------------------------------------------------


def test_the_owner_of_condemned_statements_is_blamed_with_other():
    text = "استنكرت وزارة الخارجية الأردنية تصريحات المبعوث الخاص يوهان لارسن التي تجاهلت معاناة السكان."
    got = accuse(text)
    assert any("لارسن" in who and act == "other" for who, act in got)


def test_the_owner_of_condemned_conduct_after_some_is_the_group():
    text = "وأدانت الوزارة الأردنية بشدة سلوك بعض المشجعين التونسيين خلال المباراة."
    assert ("المشجعين التونسيين", "other") in accuse(text)


def test_condemned_words_that_name_a_lie_are_disinformation():
    text = "نددت وزارة الخارجية الأردنية بتصريحات الحركة الكاذبة حول المفاوضات."
    assert "disinformation" in acts_of(text, "الحركة")


def test_condemned_conduct_of_the_issuers_own_state_is_no_accusation():
    text = "انتقدت وزارة الخارجية الأردنية تصريحات الحكومة الأردنية السابقة."
    assert accuse(text) == set()


# --- lexicon: tankers, refusing dialogue, antisemitism ------------------------------------------


def test_attacking_an_oil_tanker_is_attacking_infrastructure():
    text = "أدانت وزارة الخارجية الأردنية استهداف الميليشيات ناقلة نفط في البحر."
    assert "attacking_infrastructure" in acts_of(text, "الميليشيات")


def test_refusing_to_engage_in_dialogue_is_obstruction():
    text = "قالت وزارة الخارجية الأردنية إن الميليشيات تواصل رفض الانخراط في أي حوار سياسي."
    assert "obstruction" in acts_of(text, "الميليشيات")


def test_antisemitic_words_are_other():
    text = "قالت وزارة الخارجية الأردنية إن الحركة نشرت رسوما معادية للسامية."
    assert "other" in acts_of(text, "الحركة")


# --- who supports whom ---------------------------------------------------------------------------


def test_the_subject_after_a_long_support_object_is_the_supporter():
    text = (
        "قالت وزارة الداخلية الأردنية إن الخلية تلقت أوامر من الخارج، حيث يقف وراء تمويل وتدريب "
        "عناصر هذه الخلية الإرهابية، الحرس الثوري الإيراني."
    )
    got = accuse(text)
    assert any("الحرس الثوري" in who and act == "supporting_terrorism" for who, act in got)
    assert not any("عناصر" in who and act == "supporting_terrorism" for who, act in got)


def test_parties_listed_after_among_them_are_each_blamed():
    text = (
        "قالت وزارة الداخلية الأردنية إنه يقف وراء دعم هذه الجماعات الإرهابية، الحرس الثوري "
        "وأذرعه الخارجية ومنها كتائب الفرقان."
    )
    supporters = {who for who, act in accuse(text) if act == "supporting_terrorism"}
    assert any("الحرس" in who for who in supporters) and any("كتائب" in who for who in supporters)


def test_the_named_backer_of_a_militia_supports_terrorism():
    text = "قالت وزارة الخارجية الأردنية إن الميليشيات وداعمها النظام يتحملون ما يجري في المدينة."
    assert "supporting_terrorism" in acts_of(text, "النظام")


def test_holding_a_militia_and_its_backer_responsible_blames_both():
    text = (
        "طالبت وزارة الخارجية الأردنية بتحميل الميليشيات وداعمها النظام مسؤولية الجرائم "
        "ضد القانون الدولي."
    )
    got = accuse(text)
    assert ("الميليشيات", "violating_international_law") in got
    assert ("النظام", "violating_international_law") in got


def test_a_group_keeps_the_name_it_was_first_blamed_by():
    text = (
        "قالت وزارة الخارجية الأردنية إن الحوثيين يواصلون عرقلة جهود السلام. "
        "وأضافت أن الميليشيات الحوثية قصفت الأحياء السكنية."
    )
    assert {who for who, _ in accuse(text)} == {"الحوثيين"}


def test_an_office_holder_blamed_by_title_keeps_the_name_the_text_gives_him():
    text = (
        "التقى وزير الخارجية الإيراني، حسن رضائي، بالوفود أمس. "
        "وقالت وزارة الخارجية الأردنية إن وزير الخارجية الإيراني ينشر الأكاذيب حول المفاوضات."
    )
    got = accuse(text)
    assert ("وزير الخارجية الإيراني حسن رضائي", "disinformation") in got


def test_the_words_pointed_back_to_are_blamed_on_their_owner():
    text = (
        "انتقد نواب أوروبيون تعليقات وزير الخارجية الإيراني، حسن رضائي، عن اللاجئين. "
        "وقالت وزارة الخارجية الأردنية إن التعليقات معادية للسامية."
    )
    got = accuse(text)
    assert any("رضائي" in who and act == "other" for who, act in got)


def test_a_groups_adjective_after_the_act_names_the_group():
    text = (
        "قالت وزارة الخارجية الأردنية إن الحوثيين يعرقلون الحل. "
        "وأدانت الوزارة الهجمات الحوثية على المملكة العربية السعودية."
    )
    assert ("الحوثيين", "violating_sovereignty") in accuse(text)


def test_an_act_without_agent_takes_the_agent_of_the_same_act_named_later_in_the_sentence():
    text = (
        "قالت وزارة الخارجية الأردنية إنها تدين هذا القصف على المستشفيات، "
        "وتحذر من استمرار القصف الذي تشنه الميليشيات على المدنيين."
    )
    got = accuse(text)
    assert ("الميليشيات", "attacking_infrastructure") in got
    assert ("الميليشيات", "killing_civilians") in got


def test_a_side_named_by_its_nationality_is_a_party():
    text = "قالت وزارة الخارجية الأردنية إن الجميع يشعر بانحياز الطرف الأمريكي لمواقف الحكومة."
    assert ("الطرف الأمريكي", "other") in accuse(text)


def test_the_owner_of_a_thing_declared_unlawful_is_named_by_its_nationality():
    text = "قالت وزارة الخارجية الأردنية إن القرار الإيراني باطل ولا أثر قانونيا له."
    assert ("إيران", "violating_international_law") in accuse(text)


def test_a_state_keeps_the_side_name_the_text_gives_it():
    text = (
        "قالت وزارة الخارجية الأردنية إن القرار الإيراني غير قانوني. "
        "وأضافت أن الجانب الإيراني يتحمل مسؤولية التصعيد."
    )
    assert ("الجانب الإيراني", "violating_international_law") in accuse(text)


def test_aggression_on_the_law_is_violating_international_law():
    text = "قالت وزارة الخارجية الأردنية إن الخطوة عدوان سافر على القانون الدولي ارتكبته الحكومة الإسرائيلية."
    acts = acts_of(text, "الحكومة الإسرائيلية")
    assert "violating_international_law" in acts and "violating_sovereignty" not in acts


def test_killed_at_the_border_is_no_border_breach():
    text = "أدانت وزارة الخارجية الأردنية مقتل عشرين مدنيا على الحدود برصاص قوات الاحتلال."
    acts = acts_of(text, "الاحتلال")
    assert "killing_civilians" in acts and "violating_sovereignty" not in acts


def test_killing_by_fire_of_a_nationality_is_that_states():
    text = (
        "قالت وزارة الخارجية الأردنية إن الاجتماع جاء بعد مقتل عشرين متظاهرا كانوا يحتجون "
        "على قرار الولايات المتحدة، بنيران إسرائيلية."
    )
    got = accuse(text)
    assert ("إسرائيل", "killing_civilians") in got
    assert not any(who == "الولايات المتحدة" for who, _ in got)


def test_agentless_crimes_belong_to_the_party_the_clause_then_blames():
    text = (
        "قالت وزارة الخارجية الأردنية إن المحكمة مطالبة بالتحقيق في جرائم الحرب المرتبطة "
        "بالاستيطان الإسرائيلي في الضفة الغربية."
    )
    got = accuse(text)
    assert ("إسرائيل", "war_crimes") in got and ("إسرائيل", "occupation_settlement") in got


def test_the_backer_of_a_group_is_not_the_agent_of_an_act_near_it():
    text = (
        "قالت وزارة الخارجية الأردنية إن الغارة أصابت سوقا في معقل الجماعات المدعومة من إيران "
        "وتسببت في مقتل ثلاثين طفلا."
    )
    assert not any(who == "إيران" and act == "killing_civilians" for who, act in accuse(text))


def test_the_report_pointed_back_to_is_blamed_on_its_authors():
    text = (
        "رفضت وزارة الخارجية الأردنية تقريرا لمجموعة خبراء دوليين عن الحرب. "
        "وقالت الوزارة إن التقرير يحتوي على مغالطات كثيرة."
    )
    assert ("مجموعة خبراء دوليين", "disinformation") in accuse(text)


def test_a_party_named_between_the_report_and_the_act_is_the_agent():
    text = (
        "نشرت الأمم المتحدة تقريرا عن اليمن. "
        "وقالت وزارة الخارجية الأردنية إن هذا التقرير دليل على تورط طهران في تسليح الميليشيات."
    )
    got = accuse(text)
    assert ("إيران", "supporting_terrorism") in got


def test_not_keeping_to_treaties_is_violating_international_law():
    text = "قالت وزارة الخارجية الأردنية إن القرار يثبت تنكر الحكومة الإسرائيلية وعدم التزامها بالاتفاقيات الدولية."
    assert "violating_international_law" in acts_of(text, "الحكومة الإسرائيلية")


def test_conduct_the_issuer_calls_brutal_is_blamed_on_its_owner():
    text = "وقالت وزارة الخارجية الأردنية إن «ممارسات الميليشيات الوحشية أدت إلى انتشار الفوضى»."
    assert ("الميليشيات", "other") in accuse(text)


def test_conduct_named_without_blame_is_no_accusation():
    text = "وقالت وزارة الخارجية الأردنية إن ممارسات الحكومة اللبنانية الأخيرة لقيت ترحيبا."
    assert accuse(text) == set()


def test_an_insulting_adjective_is_not_part_of_the_owners_name():
    text = "واستنكرت وزارة الخارجية الأردنية تصريحات الرئيس الإيراني حسن رضائي المسيئة."
    assert ("الرئيس الإيراني حسن رضائي", "other") in accuse(text)


def test_a_target_after_a_long_agent_genitive_is_found():
    text = (
        "أدانت وزارة الخارجية الأردنية استهداف الميليشيات الإرهابية المدعومة من الخارج "
        "للأعيان المدنية في المدينة."
    )
    acts = acts_of(text, "الميليشيات")
    assert "attacking_infrastructure" in acts and "killing_civilians" not in acts


def test_missiles_fired_towards_a_capital_breach_sovereignty():
    text = "وقالت وزارة الخارجية الأردنية إن الميليشيات أطلقوا صاروخا باتجاه عمان."
    assert "violating_sovereignty" in acts_of(text, "الميليشيات")


def test_tear_gas_is_no_gas_supply_and_at_the_border_is_no_border_breach():
    text = (
        "وقالت وزارة الخارجية الأردنية إن قوات الاحتلال أطلقت قنابل الغاز على المتظاهرين، "
        "وإن الاعتداءات في الحدود مستمرة."
    )
    acts = acts_of(text, "الاحتلال")
    assert "attacking_infrastructure" not in acts and "violating_sovereignty" not in acts


def test_holding_a_state_responsible_after_condemning_an_agentless_attack():
    text = "أدانت وزارة الخارجية الأردنية الهجوم الذي استهدف ناقلات النفط في البحر، وحملت إيران المسؤولية."
    got = accuse(text)
    assert ("إيران", "attacking_infrastructure") in got


# --- lexicon: executions, collective punishment, bias, settlers, treaties ------------------------


def test_field_executions_are_killing_civilians_but_death_sentences_are_not():
    assert "killing_civilians" in acts_of(
        "أدانت وزارة الخارجية الأردنية الإعدام الميداني الذي نفذته قوات الاحتلال بحق شاب في المخيم.",
        "الاحتلال",
    )
    assert (
        accuse("أعربت وزارة الخارجية الأردنية عن قلقها من أحكام الإعدام الصادرة بحق المتهمين.")
        == set()
    )


def test_collective_punishment_and_settlers_and_bias():
    assert "siege_starvation" in acts_of(
        "وقالت وزارة الخارجية الأردنية إن الاحتلال يفرض عقوبات جماعية على السكان.", "الاحتلال"
    )
    assert "killing_civilians" in acts_of(
        "وأدانت وزارة الخارجية الأردنية اعتداءات المستعمرين على المواطنين.", "المستعمرين"
    )
    assert "other" in acts_of(
        "وقالت وزارة الخارجية الأردنية إن الإدارة الأمريكية منحازة للاحتلال.", "الإدارة الأمريكية"
    )


SA = Issuer("وزارة الخارجية", "SA")


def test_missiles_fired_on_the_kingdom_breach_its_sovereignty_and_the_patron_is_not_the_agent():
    got = accuse(
        'وقال المتحدث باسم الوزارة: "أطلقت الجماعة المسلحة التابعة لإيران صواريخ على مدن المملكة".',
        SA,
    )
    assert got == {("الجماعة المسلحة", "violating_sovereignty")}


def test_refusing_the_political_initiatives_is_obstruction():
    assert acts_of(
        "وقالت الوزارة إن الميليشيات المسلحة ترفض جميع المبادرات السياسية لإنهاء الحرب.",
        "الميليشيات",
    ) == {"obstruction"}


def test_acting_heedless_of_treaties_and_laws_violates_international_law():
    assert "violating_international_law" in acts_of(
        "وقالت الوزارة إن النظام المجاور يواصل نهجه العدواني غير عابئ بمواثيق ولا قوانين.", "النظام"
    )


def test_destabilizing_a_country_and_carrying_out_terrorist_operations_are_other_wrongdoing():
    assert acts_of(
        "وقالت الوزارة إن الجماعة الإرهابية خططت لزعزعة الأمن في البلاد.", "الجماعة"
    ) == {"other"}
    assert "other" in acts_of(
        "وأكد الوزير أن النظام الإيراني نفذ عمليات إرهابية في عواصم عديدة.", "النظام", SA
    )


def test_an_assassination_verb_is_a_killing():
    assert acts_of(
        "وقال الوزير إن النظام الإيراني اغتال معارضيه في العواصم الأوروبية.", "النظام", SA
    ) == {"killing_civilians"}


PS_HEALTH = Issuer("وزارة الصحة", "PS")


def test_deaths_the_ministry_puts_down_to_an_air_strike_are_the_attackers_killing():
    got = accuse(
        "وأعلن المتحدث باسم وزارة الصحة وفاة شاب وإصابة والدته جراء استهداف الطيران الإسرائيلي "
        "لمنزل العائلة في المخيم.",
        PS_HEALTH,
    )
    assert got == {("الطيران الإسرائيلي", "killing_civilians")}


def test_soldiers_killed_in_a_strike_are_no_civilian_deaths():
    got = accuse(
        "وأعلنت الوزارة مقتل جنديين من الجيش جراء استهداف الطيران الإسرائيلي لموقعهما.", PS_HEALTH
    )
    assert ("الطيران الإسرائيلي", "killing_civilians") not in got


def test_deaths_from_a_cause_that_is_no_attack_blame_nobody():
    assert (
        accuse("وأعلنت وزارة الصحة وفاة ثلاثة أشخاص جراء انهيار مبنى قديم في المدينة.", PS_HEALTH)
        == set()
    )


MA = Issuer("وزير الخارجية", "MA")


def test_the_object_of_ittahama_is_the_accused_even_as_a_bare_unknown_name():
    got = accuse(
        "وقال وزير الخارجية المغربي إن الوضع خطير. وتتهم المملكة المغربية الانفصاليين بالتوغل في المنطقة العازلة.",
        MA,
    )
    assert ("الانفصاليين", "violating_sovereignty") in got


def test_a_bare_name_after_ittahama_needs_a_charge_after_bi():
    got = accuse(
        "وقال وزير الخارجية المغربي إن الوضع خطير. ويتهم المغرب في بيانه الصادر اليوم.", MA
    )
    assert got == set()


def test_hackers_who_stole_are_blamed_for_other_wrongdoing():
    got = accuse(
        "وأعلن البنك المركزي أن قراصنة مجهولين سرقوا ملايين الدولارات من حسابات المصارف.",
        Issuer("البنك المركزي", "JO"),
    )
    assert got == {("قراصنة مجهولين", "other")}


def test_a_front_is_a_party_that_can_be_blamed():
    assert acts_of(
        "وقال الوزير إن جبهة الانفصاليين تواصل التوغل في المنطقة العازلة.", "جبهة", MA
    ) == {"violating_sovereignty"}


def test_encouraging_aggression_is_complicity():
    assert "other" in acts_of("وقالت الوزارة إن النظام السوري يشجع الإرهاب في المنطقة.", "النظام")


SA_MOI = Issuer("وزارة الداخلية", "SA")


def test_a_named_individual_is_blamed_not_the_group_whose_ideas_he_holds():
    got = accuse(
        "وقال المتحدث الأمني لوزارة الداخلية السعودية إن المواطن سالم خالد الفلاني كان يتبنى فكر "
        "التنظيم الإرهابي وينوي تنفيذ عمل إرهابي.",
        SA_MOI,
    )
    assert got == {("المواطن سالم خالد الفلاني", "other")}


def test_the_named_individual_firing_on_security_men_attacks_forces():
    text = (
        "وقال المتحدث الأمني لوزارة الداخلية السعودية إن المتهم سالم خالد الفلاني خطط لعمل إرهابي. "
        "وأضاف المتحدث أن الشخص خرج من سيارته مطلقا النار على رجال الأمن."
    )
    assert acts_of(text, "سالم", SA_MOI) == {"other", "attacking_forces"}


def test_a_role_noun_without_a_name_after_it_is_no_party():
    assert accuse("وقالت الوزارة إن المواطن يتحمل مسؤولية الحفاظ على الأمن.", SA_MOI) == set()


def test_the_doer_of_a_condemned_thing_named_in_a_relative_clause_is_blamed():
    got = accuse(
        "وأعربت وزارة الخارجية الأردنية عن استنكارها الشديد للتقرير الذي نشرته قناة الأخبار الدولية."
    )
    assert got == {("قناة الأخبار الدولية", "other")}


def test_a_relative_clause_on_something_not_condemned_blames_nobody():
    assert (
        accuse("ورحبت وزارة الخارجية الأردنية بالتقرير الذي نشرته قناة الأخبار الدولية.") == set()
    )


def test_a_coordinated_verb_shares_the_first_verbs_subject_not_its_object():
    got = accuse(
        "وقالت الوزارة إن إيران تدعم الميليشيات المسلحة وتتدخل في الشؤون الداخلية للدول العربية "
        "وتنتهك قرارات مجلس الأمن."
    )
    assert got == {
        ("إيران", "supporting_terrorism"),
        ("إيران", "violating_sovereignty"),
        ("إيران", "violating_international_law"),
    }


def test_verbs_of_planting_mines_and_recruiting_children_are_other_wrongdoing():
    assert acts_of(
        "وقالت الوزارة إن الميليشيات تعرقل جهود السلام وتزرع الألغام وتجند الأطفال.", "الميليشيات"
    ) == {"obstruction", "other"}


def test_the_nationality_of_the_occupied_land_is_not_the_occupier():
    assert accuse("وقالت وزارة الخارجية الأردنية إن إسرائيل تواصل احتلال الأراضي الفلسطينية.") == {
        ("إسرائيل", "occupation_settlement")
    }


def test_supporting_sabotage_groups_is_supporting_terrorism():
    assert accuse("وقالت الوزارة إن إيران تواصل دعم جماعات التخريب في المنطقة.") == {
        ("إيران", "supporting_terrorism")
    }


def test_undermining_sovereignty_is_violating_it_not_obstruction():
    assert acts_of(
        "وقالت الوزارة إن الميليشيات تقوض سيادة الدولة وتعرقل جهود السلام.", "الميليشيات"
    ) == {"violating_sovereignty", "obstruction"}
    got = accuse(
        "واستنكرت وزارة الخارجية الأردنية الاستطلاع الذي أجرته القناة الأجنبية. "
        "وقالت الوزارة إن الاستطلاع يقوض سيادة الأردن."
    )
    assert got == {("القناة الأجنبية", "other"), ("القناة الأجنبية", "violating_sovereignty")}


def test_a_charge_after_ittahama_is_not_given_to_the_party_spoken_of_before():
    text = (
        "وقال وزير الخارجية المغربي إن الجزائر تدعم الإرهاب. "
        "ويتهم المغرب البوليساريو بالتوغل في المنطقة العازلة."
    )
    got = accuse(text, MA)
    assert ("البوليساريو", "violating_sovereignty") in got
    assert ("الجزائر", "violating_sovereignty") not in got


def test_pointing_the_charge_at_a_party_accuses_it():
    assert accuse("ووجهت وزارة الخارجية الأردنية الاتهام إلى إسرائيل بقصف المدنيين.") == {
        ("إسرائيل", "killing_civilians")
    }
    assert accuse(
        "ووجهت وزارة الدفاع الأردنية أصابع الاتهام إلى إسرائيل بضلوعها في الهجوم الجوي على قاعدة المفرق."
    ) == {("إسرائيل", "attacking_forces")}


def test_a_denied_charge_accuses_no_one():
    assert accuse("ونفت وزارة الخارجية الأردنية الاتهام جملة وتفصيلا.") == set()


def test_the_group_named_al_qaeda_is_no_military_base():
    assert ("تنظيم القاعدة", "attacking_forces") not in accuse(
        "وقالت وزارة الخارجية الأردنية إن هجوم تنظيم القاعدة على المدنيين جريمة."
    )


def test_a_construct_named_object_of_accuse_is_the_accused_even_unknown():
    assert accuse(
        "واتهمت وزارة الخارجية الأردنية في الماضي وكالة المخابرات الأجنبية ومنظمات الإغاثة "
        "بأنها تقف وراء موجة الهجرة."
    ) == {("وكالة المخابرات الأجنبية", "other"), ("منظمات الإغاثة", "other")}


def test_the_issuer_who_accused_in_a_relative_clause_still_accuses():
    assert ("وكالة المخابرات الأجنبية", "other") in accuse(
        "وأكدت الوزارة التي اتهمت سابقا وكالة المخابرات الأجنبية بأنها تقف وراء الفوضى، أن لديها أدلة."
    )


def test_support_told_from_the_receivers_side_blames_the_giver():
    ir = Issuer("وزارة الخارجية", "IR")
    assert accuse(
        "وقال وزير الخارجية الإيراني إن المسلحين تلقوا تسليحا وتمويلا من نظام أجنبي.", ir
    ) == {("نظام أجنبي", "supporting_terrorism")}
    assert accuse(
        "وقال وزير الخارجية الإيراني إن الإرهابيين جندوا وتدربوا على أيدي دولتين مجاورتين.", ir
    ) == {("دولتين مجاورتين", "supporting_terrorism")}


def test_training_received_by_others_than_fighters_is_no_support_of_terrorism():
    assert accuse("وقالت وزارة الخارجية الأردنية إن الطلاب تلقوا تدريبا من الجامعة.") == set()


def test_a_supported_by_epithet_in_the_issuers_words_is_no_charge():
    assert ("روسيا", "supporting_terrorism") not in accuse(
        "وقالت وزارة الخارجية الأردنية إن المتمردين المدعومين من روسيا سيطروا على المدينة."
    )


def test_backing_separatists_is_interference_so_violating_sovereignty():
    assert accuse("واتهمت وزارة الخارجية الأردنية دولة الجوار بدعم نشاطات انفصالية في الجنوب.") == {
        ("دولة الجوار", "violating_sovereignty")
    }
    assert accuse(
        "وقالت وزارة الخارجية الأردنية إن إيران تواصل دعم الحركات الانفصالية في المنطقة."
    ) == {("إيران", "violating_sovereignty")}


def test_terrorists_driven_by_a_party_blame_the_party_for_supporting_terrorism():
    ir = Issuer("وزارة الخارجية", "IR")
    assert accuse(
        "وقال وزير الخارجية الإيراني إن منفذي التفجير إرهابيون مدفوعون من جهاز استخبارات أجنبي.", ir
    ) == {("جهاز استخبارات أجنبي", "supporting_terrorism")}
    assert accuse("وقال وزير الخارجية الإيراني إن المتظاهرين مدفوعون من الحماس.", ir) == set()


def test_an_accused_name_keeps_its_defence_of_complement_and_drops_an_aside():
    got = accuse(
        "وأكدت الوزارة التي اتهمت في الماضي وكالة المخابرات المركزية الأجنبية (وكا) "
        "ومنظمات الدفاع عن حقوق الإنسان بأنها تقف وراء موجة الهجرة، أن لديها أدلة."
    )
    assert got == {
        ("وكالة المخابرات المركزية الأجنبية", "other"),
        ("منظمات الدفاع عن حقوق الإنسان", "other"),
    }


def test_accusing_her_blames_the_party_named_just_before():
    assert accuse(
        "وقالت وزارة الخارجية الأردنية إنها رفعت دعوى ضد إسرائيل متهمة إياها بخرق القانون الدولي."
    ) == {("إسرائيل", "violating_international_law")}


def test_a_partys_activities_called_destabilizing_are_blamed_on_it():
    """Activities and policies are conduct: with a condemning adjective they blame their owner."""
    got = accuse("وأكدت الوزارة ضرورة التصدي لأنشطة إيران المزعزعة للاستقرار في المنطقة.")
    assert got == {("إيران", "other")}


def test_an_act_noun_whose_object_takes_lam_has_its_doer_as_genitive():
    """ "قصف" can be a verb, but a verb takes its object without لـ: in "قصف الجيش الإسرائيلي
    للمدنيين" it is a verbal noun and the army after it is the doer."""
    ps = Issuer("وزارة الخارجية", "PS")
    got = accuse("ودانت الوزارة قصف الجيش الإسرائيلي للمدنيين في غزة.", ps)
    assert got == {("الجيش الإسرائيلي", "killing_civilians")}
    assert accuse("ودانت الوزارة قصف إسرائيل للمدنيين في غزة.", ps) == {
        ("إسرائيل", "killing_civilians")
    }


def test_plural_harm_verbs_and_terrorist_groups_as_doers():
    sy = Issuer("وزارة الخارجية", "SY")
    got = accuse("وقالت الوزارة إن الإرهابيين استهدفوا المدنيين بالقذائف.", sy)
    assert got == {("الإرهابيين", "killing_civilians")}
    got = accuse("وقالت الوزارة إن المجموعات الإرهابية استهدفت المدنيين بالقذائف.", sy)
    assert got == {("المجموعات الإرهابية", "killing_civilians")}


def test_labelling_a_partys_words_with_a_condemning_name_blames_it():
    sy = Issuer("وزارة الخارجية", "SY")
    got = accuse("ووصفت الوزارة تصريحات الوزير الفرنسي بالكاذبة.", sy)
    assert got == {("الوزير الفرنسي", "disinformation")}
    assert accuse("ووصفت الوزارة المحادثات مع الوزير الفرنسي بالإيجابية.", sy) == set()
