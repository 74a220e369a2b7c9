"""The learned scorer's faster sums add the same weights as the plain ones.

Speed-ups of :mod:`bot.summarize.learned.scorer` must not change what a feature is named
or which weights a score adds up: these tests compare each faster path with
:func:`scorer.binary` over the training features (:mod:`..features`). The order of
the additions may differ (a set of strings iterates in its hashes' order, which differs
from process to process anyway), so sums agree to rounding, not to the last bit.
The fixture texts are written for this test (no corpus text).
"""

from __future__ import annotations

import math

from bot.summarize.learned import features as F
from bot.summarize.learned import scorer
from bot.summarize.text import normalize, prepare, split_sentences

TEXT = (
    "دمشق - قالت وزارة الخارجية في بيان اليوم إنها تدين بشدة القصف الذي نفذته طائرات "
    "التحالف على قرية في ريف المحافظة وأدى إلى مقتل عشرين مدنيا. "
    "وحملت الوزارة التحالف المسؤولية الكاملة عن هذه الجريمة، واتهمته بدعم الجماعات الإرهابية. "
    "وطالبت الوزارة مجلس الأمن بالتحرك الفوري لوقف هذه الاعتداءات. "
    "وأكدت الوزارة أن الوزارة ستواصل جهودها مع مجلس الأمن."
)
RULES = {"stmt": True, "who": True, "cc": False, "acc": True, "dem": False, "addr": False}


def _toks() -> list[F.Tokens]:
    return [F.tokens(s) for s in split_sentences(prepare(TEXT)[0])]


def test_doc_parts_are_doc_features_in_two() -> None:
    toks = _toks()
    feats, words = F.doc_parts(toks, RULES)
    assert not any(f.startswith(F.DOC_WORD) for f in feats)
    assert feats | {F.DOC_WORD + w for w in words} == F.doc_features(toks, RULES)
    assert len(words) < sum(len(t) for t in toks)  # a repeated word is one feature


def test_binary_parts_adds_the_weights_binary_adds() -> None:
    toks = _toks()
    full = F.doc_features(toks, RULES)
    feats, words = F.doc_parts(toks, RULES)
    model = scorer.model()
    assert model is not None
    dense = {"w": {f: math.sin(n) for n, f in enumerate(sorted(full))}, "b": -0.25}
    for part in (model["doc"], model["blm"], dense, dense):  # twice: from the cache
        want = scorer.binary(part, full)
        got = scorer.binary_parts(part, feats, F.DOC_WORD, words)
        assert abs(got - want) < 1e-12
    assert 0.01 < scorer.binary_parts(dense, feats, F.DOC_WORD, words) < 0.99


def test_binary_parts_reads_no_stale_weights_of_another_table() -> None:
    """A cross-validation fold's table has its own words' weights (the cache is per table)."""
    toks = _toks()
    feats, words = F.doc_parts(toks, RULES)
    word = sorted(words)[0]
    low = {"w": {F.DOC_WORD + word: -3.0}, "b": 0.0}
    high = {"w": {F.DOC_WORD + word: 3.0}, "b": 0.0}
    assert scorer.binary_parts(low, feats, F.DOC_WORD, words) == scorer.sigmoid(-3.0)
    assert scorer.binary_parts(high, feats, F.DOC_WORD, words) == scorer.sigmoid(3.0)
    assert scorer.binary_parts(low, feats, F.DOC_WORD, words) == scorer.sigmoid(-3.0)


def test_word_counts_are_made_once_per_token_list() -> None:
    """The passes over one text share its counts; another text's list gets its own."""
    toks = _toks()
    counts = F.word_counts(toks)
    assert counts is F.word_counts(toks)
    assert dict(counts) == {w: sum(t.words.count(w) for t in toks) for t in toks for w in t.words}
    assert max(counts.values()) >= 3  # "الوزارة" recurs
    first = toks[:1]
    assert dict(F.word_counts(first)) != dict(counts)
    assert dict(F.word_counts(toks)) == dict(counts)  # back to the first text: its counts


def test_token_and_sentence_features_equal_their_plain_definitions() -> None:
    """The per-word caches (``_Memo``) and the C-level maps make the same words, cuts and
    feature strings as the plain per-word definitions."""
    for sentence in split_sentences(prepare(TEXT)[0]):
        t = F.tokens(sentence)
        raw = [normalize(sentence)[a:b] for a, b in zip(t.starts, t.ends, strict=True)]
        assert t.words == [F.fold(w) for w in raw]
        plain = {"w:" + w for w in t.words}
        plain |= {f"w:{a}_{b}" for a, b in zip(t.words, t.words[1:], strict=False)}
        assert F.ngrams("w:", t.words) == plain
        assert F.stem_features(t.words) == {"st:" + F.stem(w) for w in t.words if len(w) > 2}
    cut = F.tokens("قال الوزير، اليوم: إن")
    assert cut.cut_before == [False, False, True, True]


def test_memo_is_bounded_and_recomputes_after_clearing() -> None:
    calls: list[str] = []

    def make(key: str) -> str:
        calls.append(key)
        return key.upper()

    memo = F._Memo(make, most=2)
    assert list(map(memo.__getitem__, ["a", "b", "a"])) == ["A", "B", "A"]
    assert calls == ["a", "b"]
    assert memo["c"] == "C" and len(memo) == 1  # full: cleared, then the new key kept
    assert memo["a"] == "A" and calls == ["a", "b", "c", "a"]


def test_sentence_rows_give_the_same_floats_as_each_sentence_model() -> None:
    """One look-up per feature for ``det``, ``dem`` and ``act`` adds the same weights in
    the same order as each model's own look-ups: the same floats, to the last bit. A
    feature only some of the models weigh, and one none of them weighs, are both there."""
    model = scorer.model()
    assert model is not None
    sentences = split_sentences(prepare(TEXT)[0])
    sets = [F.sentence_features(F.tokens(s), k, "issuer", RULES) for k, s in enumerate(sentences)]
    only_dem = {"w": {**model["dem"]["w"], "zz:only-dem": 0.75}}
    folds = (model, {**model, "dem": {**model["dem"], **only_dem}})  # a second table: its own
    for m in folds:
        for feats in [*sets, sets[0] | {"zz:only-dem", "zz:in-none"}]:
            rows = scorer.sentence_rows(m, feats)
            assert len(rows) < len(feats)  # the features no model weighs are left out
            assert scorer.sentence_binary(m, "det", rows) == scorer.binary(m["det"], feats)
            assert scorer.sentence_binary(m, "dem", rows) == scorer.binary(m["dem"], feats)
            assert scorer.sentence_classes(m, rows) == scorer.classes(m["act"], feats)
    extra = sets[0] | {"zz:only-dem"}
    with_extra = scorer.sentence_binary(folds[1], "dem", scorer.sentence_rows(folds[1], extra))
    assert with_extra != scorer.sentence_binary(model, "dem", scorer.sentence_rows(model, extra))
