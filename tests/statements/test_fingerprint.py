"""Link normalization and text fingerprints: what counts as "the same statement"."""

from __future__ import annotations

from bot.feeds.links import normalize_link
from bot.statements import fingerprint as fp
from tests.feeds import samples as S


def test_tracking_parameters_fragments_and_scheme_do_not_change_the_link() -> None:
    base = normalize_link("https://mofa.example/news/1?id=7")
    assert base == "https://mofa.example/news/1?id=7"
    for variant in (
        "http://MOFA.example:80/news/1/?id=7&utm_source=tw&utm_medium=social",
        "https://mofa.example/news/1?fbclid=IwAR0&id=7#comments",
        "https://mofa.example/news/1?gclid=x&id=7",
    ):
        assert normalize_link(variant) == base


def test_meaningful_query_parameters_are_kept() -> None:
    assert normalize_link("https://mofa.example/news?id=7") != normalize_link(
        "https://mofa.example/news?id=8"
    )


def test_unusable_links_normalize_to_none() -> None:
    assert normalize_link(None) is None and normalize_link("javascript:void(0)") is None


def test_diacritics_alef_forms_digits_and_punctuation_do_not_change_the_fingerprint() -> None:
    plain = "اعربت وزارة الخارجية عن ادانتها للهجوم الذي اسفر عن مقتل 12 مدنيا"
    styled = "أعربتْ وزارةُ الخارجيّة عن إدانتها للهجوم، الذي أسفر عن مقتل ١٢ مدنيًّا."
    assert fp.fingerprint(fp.normalize_tokens(plain)) == fp.fingerprint(fp.normalize_tokens(styled))


def test_a_retyped_copy_with_small_edits_is_found_and_confirmed() -> None:
    original, copy = fp.normalize_tokens(S.BORDER), fp.normalize_tokens(S.BORDER_RETYPED)
    index = fp.NearDuplicateIndex()
    index.add(1, fp.simhash(fp.normalize_tokens(S.WATER)))
    index.add(2, fp.simhash(original))

    assert index.candidates(fp.simhash(copy))[0] == 2
    assert fp.similar(copy, original)


def test_different_statements_of_the_same_style_are_not_merged() -> None:
    statements = [S.ENERGY, S.WATER, S.BORDER, S.WEATHER]
    tokens = [fp.normalize_tokens(t) for t in statements]
    for i, a in enumerate(tokens):
        for b in tokens[i + 1 :]:
            assert not fp.similar(a, b)


def test_short_texts_have_no_simhash_and_match_only_exactly() -> None:
    assert fp.simhash(fp.normalize_tokens("الوزارة تدين الهجوم")) is None
    assert fp.NearDuplicateIndex().candidates(None) == []


def test_simhash_fits_a_signed_64_bit_column() -> None:
    values = [fp.simhash(fp.normalize_tokens(t)) for t in (S.ENERGY, S.WATER, S.BORDER, S.WEATHER)]
    assert all(v is not None and -(2**63) <= v < 2**63 for v in values)
    assert len(set(values)) == 4


def test_the_index_grows_past_its_first_block_and_still_finds_the_nearest() -> None:
    """Adds are amortized O(1) (the array doubles); every hash stays searchable."""
    index = fp.NearDuplicateIndex()
    for n in range(3000):
        index.add(n, (n * 0x9E3779B97F4A7C15) & 0x7FFFFFFFFFFFFFFF)
    target = (2999 * 0x9E3779B97F4A7C15) & 0x7FFFFFFFFFFFFFFF
    assert len(index) == 3000
    assert index.candidates(target)[0] == 2999
    index.remove(2999)
    assert 2999 not in index.candidates(target)


def test_simhashes_stay_those_already_stored() -> None:
    """Statements store their SimHash: computing it with the bigram digests must not move it
    (values from the implementation before bigram digests were kept)."""
    values = {
        name: fp.simhash(fp.normalize_tokens(getattr(S, name)))
        for name in ("BORDER", "ENERGY", "WATER")
    }
    assert values == {
        "BORDER": -4422285753501825926,
        "ENERGY": -1418735282372704581,
        "WATER": -8631739289274742522,
    }


def test_bigram_digests_confirm_exactly_what_the_words_confirm() -> None:
    texts = [S.ENERGY, S.WATER, S.BORDER, S.BORDER_RETYPED, S.WEATHER, S.ENERGY_REVISED]
    texts += [S.distinct_text(n) for n in range(6)]
    tokens = [fp.normalize_tokens(t) for t in texts]
    # Near copies: the first text with ever more of its words dropped, down to a different text.
    for cut in range(0, 40, 3):
        tokens.append(tokens[0][cut:])
    answers = []
    for a in tokens:
        for b in tokens:
            words = fp.similar(a, b)
            assert fp.similar_grams(fp.gram_digests(a), fp.gram_digests(b)) == words, (a, b)
            answers.append(words)
    assert True in answers and False in answers  # both answers were exercised
    simhash, grams = fp.identity(tokens[0])
    assert simhash == fp.simhash(tokens[0]) and (grams == fp.gram_digests(tokens[0])).all()
