"""Explicit accusation frames (اتهم، حمّل المسؤولية، متهما إياه): the accused is found past the
speaker's office and name, a parenthetical, a bare personal name, and behind a pronoun.

The sentences are made up, in the shapes reports use; the speaker is the issuer."""

from __future__ import annotations

from bot.summarize import attribution as A
from bot.summarize import summarize
from bot.summarize.accusations import extract_accusations
from bot.summarize.model import Issuer
from bot.summarize.text import prepare, split_sentences


def accuse(text: str, issuer: Issuer | None) -> set[tuple[str, str]]:
    sents = split_sentences(prepare(text)[0])
    return {(a.accused, a.act) for a in extract_accusations(sents, issuer)}


def subject(text: str, event: int = 0) -> str | None:
    """The explicit subject of a speaker event (the first by default), as its normalized words."""
    an = A.analyse(split_sentences(prepare(text)[0]), None)
    ev = an.events[event]
    if ev.subject is None:
        return None
    return " ".join(t.text for t in an.tokens[0][ev.subject[0] : ev.subject[1]])


# --- the speaker's subject: office, adjective, holder's name --------------------------------


def test_the_holders_name_after_an_office_ends_where_the_accused_state_begins():
    text = "اتهم وزير الخارجية النمساوي كارل شتاينر الاتحاد الأوروبي بانتهاج سياسة متعالية."
    assert subject(text) == "وزير الخارجيه النمساوي كارل شتاينر"


def test_an_office_of_a_state_takes_its_holders_name():
    text = "اتهم رئيس بوليفيا خوان مونتيرو الجمعة المعارضة بالتآمر على الحكومة."
    assert subject(text) == "رئيس بوليفيا خوان مونتيرو"


def test_a_bare_personal_name_is_the_subject_and_the_state_after_it_the_accused():
    text = "اتهم شتاينر الولايات المتحدة بعرقلة المفاوضات."
    assert subject(text) == "شتاينر"


def test_a_leader_of_a_party_keeps_its_genitive():
    # no charge after the party: "زعيم المعارضة" is one phrase, not a name and an accused
    text = "اتهم زعيم المعارضة الليبرالية في البرلمان، كارل شتاينر، الحكومة بالفساد."
    assert subject(text) == "زعيم المعارضه الليبراليه"


def test_a_demand_verbs_subject_is_unchanged():
    # the holder's name after an office and a state is cut only for accusing verbs
    text = "دعا رئيس بوليفيا خوان مونتيرو إلى الحوار."
    assert subject(text) == "رئيس بوليفيا"


# --- the accused ----------------------------------------------------------------------------


def test_the_accused_after_the_speakers_office_and_name():
    text = "اتهم وزير الخارجية النمساوي كارل شتاينر الاتحاد الأوروبي بانتهاج سياسة متعالية."
    assert accuse(text, Issuer("وزير الخارجية", "AT")) == {("الاتحاد الأوروبي", "other")}


def test_the_accused_after_a_holders_name_and_a_day():
    text = "اتهم رئيس بوليفيا خوان مونتيرو الجمعة الأساقفة بالتآمر."
    assert accuse(text, Issuer("رئيس بوليفيا", "BO")) == {("الأساقفة", "other")}


# --- held responsible -----------------------------------------------------------------------


def test_holding_a_party_responsible_without_an_object_of_the_blame():
    text = "رفضت الوزارة القرار الأخير وحملت حركة النهضة المسؤولية."
    assert subject(text, event=1) is None  # the party held is no speaker: the verb's pronoun speaks
    assert accuse(text, Issuer("وزارة الداخلية", "TN")) == {("حركة النهضة", "other")}


# --- a pronoun object (إياه، إياها، إياهم، إياهما) ------------------------------------------


def test_a_pronoun_object_is_the_body_the_verb_acted_on():
    text = (
        'قالت وزارة الداخلية إنها أمرت مدير منظمة "أطباء العالم" بمغادرة البلاد خلال أسبوع، '
        "متهمة إياه بدعم المقاطعة."
    )
    assert accuse(text, Issuer("وزارة الداخلية", "XX")) == {("مدير منظمة أطباء العالم", "other")}


def test_a_dual_pronoun_object_is_both_parties_listed_before_it():
    text = "وهدد القائد الولايات المتحدة وإسرائيل برد مدمر، متهماً إياهما بالتآمر على البلاد."
    got = accuse(text, Issuer("وزارة الدفاع", "XX"))
    assert {"الولايات المتحدة", "إسرائيل"} <= {who for who, _ in got}


def test_a_pronoun_object_with_no_party_before_it_is_the_last_party_of_the_sentence_before():
    text = (
        "وكانت الحكومة قد طردت منظمة الإغاثة الدولية الشهر الماضي.\n"
        "وأصدرت الوزارة بيانا أمس متهمة إياها بالتجسس."
    )
    got = accuse(text, Issuer("وزارة الداخلية", "XX"))
    assert ("منظمة الإغاثة الدولية", "other") in got


# --- an aside between the speaker and the accused; a quoted or listed accused --------------


def test_a_relative_clause_aside_is_not_the_accused():
    text = (
        "واتهم وزير الخارجية، الذي كان يتحدث أمام البرلمان في عمان، إيران بالتدخل في "
        "الشؤون الداخلية."
    )
    got = accuse(text, Issuer("وزارة الخارجية", "JO"))
    assert ("إيران", "violating_sovereignty") in got
    assert not {who for who, _ in got} - {"إيران"}  # nothing named in the aside is accused


def test_a_holders_name_between_commas_is_an_aside():
    text = "اتهم وزير الخارجية الأردني، خالد بدر، إيران بالتدخل في الشؤون الداخلية."
    got = accuse(text, Issuer("وزارة الخارجية", "JO"))
    assert ("إيران", "violating_sovereignty") in got


def test_a_name_between_commas_after_a_named_speaker_is_the_accused():
    # the subject already names its holder: what follows between commas is the object
    text = "اتهم رئيس الوزراء الأردني خالد بدر، وزير المالية السابق، بالفساد."
    assert subject(text) == "رئيس الوزراء الاردني خالد بدر"


def test_a_quoted_accused_with_an_apposition_before_the_charge():
    text = (
        'اتهمت وزارة الخارجية البريطانية "أطباء الغد"، وهي منظمة خيرية كبيرة، بتضليل الرأي العام.'
    )
    assert accuse(text, Issuer("وزارة الخارجية", "GB")) == {("أطباء الغد", "disinformation")}


def test_a_quoted_name_after_an_indefinite_head_is_the_accused():
    text = 'اتهمت وزارة الخارجية البريطانية منظمة "أطباء الغد" بتضليل الرأي العام.'
    assert accuse(text, Issuer("وزارة الخارجية", "GB")) == {("منظمة أطباء الغد", "disinformation")}


def test_each_party_of_a_listed_object_is_accused():
    text = "واتهم الوزير، الذي كان يتحدث في جنيف، الولايات المتحدة وحلفاءها بعرقلة المفاوضات."
    got = {who for who, _ in accuse(text, Issuer("وزير الخارجية", "JO"))}
    assert {"الولايات المتحدة", "حلفاءها"} <= got


def test_a_party_inside_the_charge_is_not_the_accused():
    text = "اتهم رئيس بوليفيا خوان مونتيرو الجمعة الأساقفة بالتآمر على الحكومة."
    assert accuse(text, Issuer("رئيس بوليفيا", "BO")) == {("الأساقفة", "other")}


def test_the_party_accused_of_pressing_another_is_the_accused():
    text = "وتتهم الوزارة الحكومة الإيطالية بالضغط على بنما لسحب العلم."
    assert {who for who, _ in accuse(text, Issuer("وزارة الخارجية", "ES"))} == {"الحكومة الإيطالية"}


def test_the_party_held_after_a_long_aside_is_still_the_object():
    text = (
        "حملت الحكومة، على لسان كبير المستشارين الاقتصاديين في مكتب رئيس الوزراء سامي داود، "
        "رئيس الوزراء الكندي مسؤولية فشل القمة."
    )
    assert accuse(text, Issuer("الحكومة", "JO")) == {("رئيس الوزراء الكندي", "other")}


# --- what the speaker calls so (ما سماه، ما وصفهم بـ) ----------------------------------------


def test_the_quoted_name_the_speaker_gives_is_the_party_held():
    text = 'وحمّل المتحدث ما سماه "الإرهاب المنظم" مسؤولية انهيار الجسر.'
    assert {who for who, _ in accuse(text, Issuer("وزارة الداخلية", "JO"))} == {"الإرهاب المنظم"}


def test_what_the_speaker_describes_is_the_accused():
    text = "واتهم الرئيس ما وصفهم بمتمردين أجانب مدعومين من دولة مجاورة بالضلوع في الهجوم."
    assert {who for who, _ in accuse(text, Issuer("الرئاسة", "JO"))} == {"متمردين أجانب"}


def test_a_relative_clause_after_the_speaker_without_a_comma_is_an_aside():
    text = (
        "واتهم المتحدث باسم الوزارة التي تسيطر عليها ميليشيا النصر، سامي داود، "
        "التحالف الدولي بقصف المدينة."
    )
    got = {who for who, _ in accuse(text, Issuer("المتحدث باسم الوزارة", "YE"))}
    assert got == {"التحالف الدولي"}  # not the militia named in the aside


def test_the_accused_right_after_the_verb_is_not_taken_for_its_speaker():
    """ "كما اتهمت X بفرض ...": the charge follows X, so X is the accused and the speaker is
    the verb's unnamed subject (the issuer), even late in a sentence of the issuer's."""
    text = (
        "وحمّلت وزارة الخارجية السورية التحالف الدولي المسؤولية عن جرائم الحرب، "
        "كما اتهمت الميليشيات الانفصالية بفرض حصار خانق على مدينة الحسكة."
    )
    got = [(a.accused, a.act) for a in summarize(text).accusations]
    assert ("الميليشيات الانفصالية", "siege_starvation") in got


def test_criticizing_a_party_for_a_deed_blames_it():
    """Criticism is blame (the GUIDE's `other` unless a listed act is named): the party criticized,
    past the speaker in verb-first order, is the accused; the cause after بسبب is not."""
    text = "وانتقدت وزارة الخارجية التركية الولايات المتحدة بسبب رسائل متضاربة بشأن سوريا."
    assert accuse(text, Issuer("وزارة الخارجية", "TR")) == {("الولايات المتحدة", "other")}
