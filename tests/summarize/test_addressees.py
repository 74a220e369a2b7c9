"""Addressees: to whom a document is formally sent — not who is merely called on."""

from pathlib import Path

import pytest

from bot.summarize.addressees import extract_addressees
from bot.summarize.model import Issuer
from bot.summarize.text import prepare, split_sentences

SEED = Path(__file__).parent / "data" / "seed-ministry-letter.txt"


def addressees(text: str) -> list[str]:
    return extract_addressees(split_sentences(prepare(text)[0]))


def test_seed_letter_goes_to_the_secretary_general_and_the_council_president_as_two_entries():
    assert addressees(SEED.read_text(encoding="utf-8")) == [
        "الأمين العام للأمم المتحدة",
        "رئيس مجلس الأمن الدولي",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وجهت الوزارة رسالة إلى المجتمع الدولي حول الاغتيالات.", ["المجتمع الدولي"]),
        ("بعثت الخارجية برقية للحكومة اللبنانية تعرب فيها عن تضامنها.", ["الحكومة اللبنانية"]),
        ("قدمت البعثة شكوى رسمية إلى مجلس الأمن الدولي، الثلاثاء.", ["مجلس الأمن الدولي"]),
        (
            'وجهت الحكومة دعوة رسمية إلى "منظمة الصحة العالمية" لإرسال فريق.',
            ["منظمة الصحة العالمية"],
        ),
        ("سلمت الوزارة مذكرة احتجاج شديدة اللهجة إلى الحكومة التركية.", ["الحكومة التركية"]),
    ],
)
def test_recipient_of_a_letter_cable_complaint_or_note(text, expected):
    assert addressees(text) == expected


def test_ambassador_handed_a_protest_note_is_an_addressee():
    text = "تم استدعاء السفير الإيطالي في القاهرة إلى الوزارة وتم إبلاغه مذكرة احتجاج."
    assert addressees(text) == ["السفير الإيطالي في القاهرة"]


@pytest.mark.parametrize(
    "text",
    [
        "دعت الوزارة مجلس الأمن إلى التحرك الفوري لوقف العدوان.",
        "طالبت الحكومة المجتمع الدولي بتحمل مسؤولياته.",
        "استدعت وزارة الخارجية السفير الكندي لديها.",
        "ودعت الدول في ختام القمة دعوة إلى توفير الحماية الدولية.",
        "وقال الرئيس في خطاب أمام البرلمان إن البلاد بخير.",
    ],
)
def test_called_on_or_summoned_is_not_an_addressee(text):
    assert addressees(text) == []


def test_the_same_recipient_is_listed_once():
    text = "قدمت البعثة رسالة إلى مجلس الأمن الدولي.\nوجاء في الرسالة الموجهة إلى مجلس الأمن أن الهجمات مستمرة."
    assert addressees(text) == ["مجلس الأمن الدولي"]


def test_a_recipient_named_between_the_sending_verb_and_the_document_is_an_addressee():
    text = "قدمت الحكومة الأحد للمحكمة الدولية شكوى رسمية ضد الشركة."
    assert extract_addressees(split_sentences(prepare(text)[0])) == ["المحكمة الدولية"]


def test_a_beneficiary_before_a_document_without_a_sending_verb_is_no_addressee():
    text = "أكدت الوزارة للصحفيين رسالة التضامن مع الشعب."
    assert extract_addressees(split_sentences(prepare(text)[0])) == []


def test_a_counterpart_after_a_speech_like_document_noun_is_an_addressee():
    assert addressees("كتب الوزير في خطاب لنظيره العماني أن التعاون مستمر.") == ["نظيره العماني"]
    assert addressees("ألقى الوزير خطابا للأمة في العيد.") == []


def test_an_office_formally_notified_is_an_addressee():
    text = "وقالت الحكومة إنها أخطرت الأمين العام للأمم المتحدة بالخروقات المتكررة للهدنة."
    assert addressees(text) == ["الأمين العام للأمم المتحدة"]


def test_the_elative_akhtar_most_dangerous_sends_nothing():
    assert addressees("ووصف الوزير الهجوم بأنه أخطر تصعيد منذ سنوات.") == []
    assert addressees("ويعد هذا أخطر ما واجهته البلاد.") == []


def test_recipients_named_again_by_their_names_are_not_new_recipients():
    text = (
        "وكتب الوزير في خطاب لنظيره الأردني، أيمن الصفدي، أن القرار مقلق. "
        "وفي رسالة مماثلة إلى الأمين العام للأمم المتحدة أنطونيو غوتيريش دعا إلى التحرك. "
        "وفي رسالتيه إلى الصفدي وغوتيريش أكد الوزير موقف بلاده."
    )
    assert addressees(text) == ["نظيره الأردني", "الأمين العام للأمم المتحدة أنطونيو غوتيريش"]


def test_a_lawsuit_lodged_with_a_court_goes_to_the_court_but_a_pretext_sends_nothing():
    assert addressees("وأودعت الحكومة دعوى قضائية لدى محكمة العدل الدولية ضد جارتها.") == [
        "محكمة العدل الدولية"
    ]
    assert addressees("واعتقلت السلطات العشرات بدعوى الإخلال بالأمن.") == []


def test_a_note_handed_to_a_representative_goes_to_him():
    text = "واستدعت الوزارة ممثل النمسا في العاصمة وسلمته مذكرة احتجاج."
    assert addressees(text) == ["ممثل النمسا في العاصمة"]


def test_a_note_delivered_about_it_goes_to_the_authorities_named():
    assert addressees("كما سلمت الوزارة مذكرة بذلك لسلطات بلاده.") == ["سلطات بلاده"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وسلمت الوزارة القائم بالأعمال الإيراني مذكرة احتجاج.", ["القائم بالأعمال الإيراني"]),
        ("وأبلغت الوزارة السفير التركي احتجاجها الشديد.", ["السفير التركي"]),
        ("وأبلغ الوزير نظيره الفرنسي رسالة من الرئيس.", ["نظيره الفرنسي"]),
        ("وأرسل الرئيس برقية تهنئة إلى ملك المغرب.", ["ملك المغرب"]),
        ("وأخطرت الوزارة الأمم المتحدة رسميا بقرارها.", ["الأمم المتحدة"]),
        (
            "وقالت الوزارة في رسالة وجهتها إلى المفوض السامي لحقوق الإنسان إن الوضع خطير.",
            ["المفوض السامي لحقوق الإنسان"],
        ),
        ("وأبلغ الرئيس الصحفيين أن الاحتجاج سلمي.", []),
    ],
)
def test_documents_handed_or_conveyed_to_a_named_person_or_body(text, expected):
    assert addressees(text) == expected


def test_writing_to_an_office_and_its_notification_make_it_an_addressee():
    from bot.summarize import summarize

    s = summarize("وقالت وزارة الخارجية الأردنية إنه تم إبلاغ الأمين العام للأمم المتحدة بالحادث.")
    assert s.addressees == ["الأمين العام للأمم المتحدة"]
    s = summarize("وقالت وزارة الخارجية الأردنية إنها راسلت مجلس الأمن الدولي بشأن الاعتداءات.")
    assert s.addressees == ["مجلس الأمن الدولي"]


@pytest.mark.parametrize(
    "text",
    [
        "ووجه الرئيس رسالة شديدة اللهجة للذين ينتقدون بلاده.",
        "وبعث الوزير رسالة إلى الذين يعارضون الاتفاق.",
    ],
)
def test_a_relative_clause_is_no_recipient(text: str) -> None:
    """A letter "to those who ..." names no recipient: a relative pronoun ends the phrase."""
    assert extract_addressees([text]) == []


def test_a_relative_clause_ends_the_recipient_it_describes() -> None:
    text = "وبعثت الوزارة رسالة إلى حكومة الإقليم التي تسيطر على الميناء."
    assert extract_addressees([text]) == ["حكومة الإقليم"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the sender named in a clause between the document and its recipient
        (
            "وأكدت الحكومة في رسالة بعثت بها إلى مجلس الأمن الدولي، التزامها بالهدنة.",
            ["مجلس الأمن الدولي"],
        ),
        (
            "وأشار إلى الرسالة التي بعث بها الوزير إلى نظيره الأردني أيمن الصفدي.",
            ["نظيره الأردني أيمن الصفدي"],
        ),
        ("جاء ذلك في رسالة، وجهها الوزير العراقي، إلى مؤتمر الطاقة.", ["مؤتمر الطاقة"]),
        (
            "وتفيد المذكرة، التي وجهتها السفارة في لندن، في 5 يوليو، إلى وزارة الخارجية البريطانية أن الطلب قائم.",
            ["وزارة الخارجية البريطانية"],
        ),
    ],
)
def test_a_sending_clause_between_document_and_recipient_is_skipped(text, expected):
    assert addressees(text) == expected


def test_a_sending_clause_does_not_reach_past_the_sentences_end_or_a_long_aside():
    # "إلى" nine words after the verb is no longer the document's recipient marker
    text = "وذكر في الرسالة التي بعث بها رئيس الوزراء خلال زيارته الطويلة أمس لمدينة بعيدة جدا ثم عاد إلى العاصمة."
    assert addressees(text) == []


def test_the_recipient_named_again_with_its_article_is_one_recipient():
    text = (
        "قدمت الحكومة شكوى إلى منظمة التجارة العالمية بسبب الرسوم.\n"
        "وقالت في رسالة إلى المنظمة إن الرسوم غير قانونية."
    )
    assert addressees(text) == ["منظمة التجارة العالمية"]


def test_a_complaint_lodged_with_a_pronoun_and_two_cables_of_condolence():
    assert addressees("وتم رفع شكوى بها إلى منظمة الطيران المدني الدولي.") == [
        "منظمة الطيران المدني الدولي"
    ]
    assert addressees("وبعث الرئيس برقيتي عزاء لذوي الضحايا.") == ["ذوي الضحايا"]


def test_an_adverb_after_the_recipient_ends_it():
    text = "وأرسلت الوزارة مذكرة احتجاج إلى السفارة الأمريكية ردا على التصريحات."
    assert addressees(text) == ["السفارة الأمريكية"]


def test_a_letter_another_states_sender_sent_is_not_the_issuers():
    """The issuer is the UAE: the cables of Bahrain's king are theirs, not the issuer's; a sender
    sitting in a capital ("سفارتنا بالقاهرة") still belongs to the issuer."""
    ae, sd = Issuer("وزارة الخارجية", "AE"), Issuer("وزارة الخارجية", "SD")
    text = "وبعث عاهل البحرين ببرقية إلى العاهل السعودي أعرب فيها عن استنكاره."
    assert extract_addressees(split_sentences(prepare(text)[0]), ae) == []
    assert extract_addressees(split_sentences(prepare(text)[0])) == ["العاهل السعودي"]
    ours = "وقدمت سفارتنا بالقاهرة احتجاجا رسميا لدى وزارة الخارجية المصرية."
    assert extract_addressees(split_sentences(prepare(ours)[0]), sd) == ["وزارة الخارجية المصرية"]


def test_no_one_is_notified_without_notice():
    assert addressees("ونشرت قواتها دون إبلاغ حكومة الإقليم التي تسيطر على الجزيرة.") == []
