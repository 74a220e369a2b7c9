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


def test_unclosed_script_hides_the_rest_of_the_page_like_a_browser():
    from bot.summarize.markup import strip_html

    assert strip_html("<p>قالت الوزارة</p>" + "<script>" * 32768).strip() == "قالت الوزارة"
    assert strip_html("<style>" * 1000 + "x").strip() == ""


def test_tags_that_never_close_stay_text_and_comments_that_never_close_too():
    from bot.summarize.markup import strip_html

    assert strip_html("<p>a</p>" + "<a " * 5) == "\na\n" + "<a " * 5
    assert strip_html("<p>x</p><!-- never closed <b>y</b>") == "\nx\n<!-- never closed  y "
    assert strip_html("<p>x</p><!-- c -->z") == "\nx\nz"


def test_markup_attributes_and_entities_are_handled_by_the_parser():
    from bot.summarize.markup import strip_html

    page = '<div class="a>b">قال &amp; أكد</div><img src="x"/>نص &lt;b&gt;'
    assert strip_html(page) == "\nقال & أكد\n نص <b>"


def testguard_keeps_the_input_length_order_of_magnitude():
    """The guard reads each character a bounded number of times: its output grows
    linearly (each escaped "<" becomes four characters, nothing more)."""
    from bot.summarize.markup import guard

    for unit in ("<!--", "<a ", "<", "</", '<a b="', "<![CDATA["):
        assert len(guard(unit * 1000)) <= 4 * len(unit * 1000)


def test_sentences_longer_than_the_limit_are_cut_at_commas():
    from bot.summarize.text import MAX_SENTENCE

    run = "، ".join(["قالت وزارة الخارجية إن الحدود مغلقة"] * 400)
    pieces = split_sentences(run)
    assert len(pieces) > 1 and all(len(p) <= MAX_SENTENCE for p in pieces)
    assert all(p.endswith("،") for p in pieces[:-1])
