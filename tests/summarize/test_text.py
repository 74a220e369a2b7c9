"""Text preparation: any input becomes clean text plus notices; normalize keeps offsets."""

from bot.summarize.text import MAX_CHARS, is_arabic, normalize, prepare, split_sentences, tokenize


def test_normalize_keeps_length_so_offsets_point_into_the_original():
    s = "أعلنت إيران أن مُنشأة الطاقة آمنة، وقالت الوزارة إلى اللقاء"
    clean, _ = prepare(s)
    n = normalize(clean)
    assert len(n) == len(clean)
    i = n.index("الوزاره")
    assert clean[i : i + len("الوزارة")] == "الوزارة"


def test_normalize_folds_alef_forms_alef_maksura_and_teh_marbuta():
    assert normalize("أإآ ى ة") == "ااا ي ه"


def test_prepare_removes_diacritics_and_tatweel():
    clean, notices = prepare("وَزَارَةُ الخـــارجية")
    assert clean == "وزارة الخارجية"
    assert notices == []


def test_html_is_stripped_and_block_tags_end_sentences():
    clean, notices = prepare(
        "<html><body><p>قالت الوزارة إن الوضع هادئ</p><p>وأضافت أن الحدود مفتوحة</p>"
        "<script>var x = 1;</script></body></html>"
    )
    assert "html_stripped" in notices
    assert "<" not in clean and "var x" not in clean
    assert split_sentences(clean) == ["قالت الوزارة إن الوضع هادئ", "وأضافت أن الحدود مفتوحة"]


def test_empty_and_whitespace_only_text_say_empty():
    assert prepare("")[1] == ["empty"]
    assert prepare(" \n\t\u200f ")[1] == ["empty"]


def test_text_over_the_limit_is_cut_and_says_truncated():
    clean, notices = prepare("قالت الوزارة إن الوضع هادئ.\n" * 20000)
    assert "truncated" in notices
    assert len(clean) <= MAX_CHARS


def test_huge_html_is_cut_before_stripping_and_says_truncated():
    clean, notices = prepare("<p>" + "قالت الوزارة إن الوضع هادئ. " * 100000 + "</p>")
    assert "truncated" in notices and "html_stripped" in notices
    assert len(clean) <= MAX_CHARS


def test_control_characters_become_spaces():
    clean, _ = prepare("قالت\x00الوزارة\x07 إن")
    assert "\x00" not in clean and "\x07" not in clean


def test_arabic_detection_by_share_of_letters():
    assert is_arabic("قالت وزارة الخارجية إن the meeting was good")
    assert not is_arabic("The foreign ministry said on Monday that talks will resume.")
    assert not is_arabic("12345 !!!")


def test_sentences_split_at_end_marks_and_line_breaks_but_not_decimals():
    assert split_sentences("بلغ العدد 1.5 مليون. ثم ارتفع؟ نعم\nسطر جديد") == [
        "بلغ العدد 1.5 مليون.",
        "ثم ارتفع؟",
        "نعم",
        "سطر جديد",
    ]


def test_tokenize_uses_camel_tools_and_splits_punctuation():
    assert tokenize("قالت الوزارة، أمس.") == ["قالت", "الوزارة", "،", "أمس", "."]
