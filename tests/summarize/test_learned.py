"""The learned scorer: the shipped weights load and score a fixture, deterministically.

The fixture texts are written for this test (no corpus text). What can fail here:
the weights file is missing, too big or lacks a part; the model does not rank a
clear statement above sports news; the per-token span scoring used at inference
drifts from the span features the training script fits.
"""

from __future__ import annotations

import itertools
import math

import pytest

from bot.summarize import learned, summarize
from bot.summarize.learned import candidates, figure_categories, pairs, scorer
from bot.summarize.learned import features as F
from bot.summarize.model import ACTS, CATEGORIES, Demand, Figure, Issuer, Summary
from bot.summarize.text import prepare, split_sentences

STATEMENT = (
    "دمشق - قالت وزارة الخارجية في بيان اليوم إنها تدين بشدة القصف الذي نفذته طائرات "
    "التحالف على قرية في ريف المحافظة وأدى إلى مقتل عشرين مدنيا. "
    "وحملت الوزارة التحالف المسؤولية الكاملة عن هذه الجريمة، واتهمته بدعم الجماعات الإرهابية. "
    "وطالبت الوزارة مجلس الأمن بالتحرك الفوري لوقف هذه الاعتداءات."
)
SPORTS = (
    "فاز الفريق الأول لكرة القدم على ضيفه بثلاثة أهداف مقابل هدف في المباراة التي أقيمت "
    "مساء أمس على الملعب البلدي. وسجل المهاجم هدفين في الشوط الثاني أمام جمهور كبير."
)


def sentences_of(text: str) -> list[str]:
    return split_sentences(prepare(text)[0])


def test_shipped_weights_load_with_every_part_and_threshold() -> None:
    assert scorer.WEIGHTS.stat().st_size < 20 * 1024 * 1024
    model = scorer.model()
    assert model is not None
    for part, keys in {
        "doc": ("lo", "hi"),
        "blm": ("t",),
        "det": ("t",),
        "act": ("t",),
        "acc": ("t",),
        "tok": ("t", "grow"),
        "dem": ("t",),
        "tgt": ("t",),
        "dtk": ("t", "grow"),
        "fig": ("t", "tg"),
    }.items():
        assert model[part]["w"], part
        for k in keys:
            assert 0.0 < model[part][k] < 1.0, (part, k)
    assert set(model["act"]["classes"]) <= set(ACTS)
    assert set(model["fig"]["classes"]) <= set(CATEGORIES)
    assert 0.0 < model["dtk"]["empty"] <= 1.0  # 1.0: never a demand without a named target
    assert model["tok"]["rules_only_silent"] in (0, 1, 2)
    assert model["dtk"]["fill"] > 0.0  # above 1.0: the rules' empty targets stay empty


def test_statement_scores_above_sports_news() -> None:
    model = scorer.model()
    assert model is not None
    probs = []
    for text in (STATEMENT, SPORTS):
        sents = sentences_of(text)
        toks = [F.tokens(s) for s in sents]
        probs.append(learned.statement_probability(toks, None, Summary(), model))
    assert 0.0 <= probs[1] < probs[0] <= 1.0


def test_refine_is_deterministic() -> None:
    sents = sentences_of(STATEMENT)
    who = Issuer("وزارة الخارجية", "SY")
    outs = [
        learned.refine(sents, who, Summary(is_statement=True, issuer=who)).to_dict()
        for _ in range(3)
    ]
    assert outs[0]["is_statement"] is True
    assert outs[0]["issuer"] == {"name": "وزارة الخارجية", "country": "SY"}
    assert outs[0] == outs[1] == outs[2]
    assert summarize(STATEMENT).to_dict() == summarize(STATEMENT).to_dict()


def test_off_leaves_the_rules_summary_untouched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(scorer.ENV, "off")
    rules = Summary(is_statement=False)
    out = learned.refine(sentences_of(STATEMENT), Issuer("وزارة الخارجية", "SY"), rules)
    assert out.to_dict() == Summary(is_statement=False).to_dict()


def test_party_tokens_found_where_the_model_scores_them() -> None:
    """The token model's runs: adjacent tokens above ``grow`` holding one above ``t``."""
    sent = sentences_of(STATEMENT)[1]
    t = F.tokens(sent)
    target = {F.fold(w) for w in F.tokens("التحالف").words}
    w = {"t:" + next(iter(target)): 10.0}
    part = {"w": w, "b": -5.0, "t": 0.5, "grow": 0.3, "most": 2}
    found = candidates.parties(sent, t, [()] * len(t), part)
    assert found == ["التحالف"]
    assert candidates.parties(sent, t, [()] * len(t), {**part, "b": -20.0}) == []


def test_best_span_equals_the_sum_of_the_training_features() -> None:
    """Inference sums per-token scores; training fits span_features: the two must agree."""
    toks = [F.tokens(s) for s in sentences_of(STATEMENT)[1::-1]]  # a sentence, the one before
    flags = [[("c",) if k % 3 == 0 else () for k in range(len(t))] for t in toks]
    names = sorted(
        {
            f
            for d, t in enumerate(toks)
            for i, j in itertools.combinations(range(len(t) + 1), 2)
            if F.span_ok(t, i, j)
            for f in F.span_features(t, i, j, d, flags[d])
        }
    )
    w = {f: math.sin(n) for n, f in enumerate(names)}  # no two sums tie
    part = {"w": w, "b": -0.5, "t": 0.5}
    want = max(
        (-0.5 + sum(w[f] for f in F.span_features(t, i, j, d, flags[d])), d, i, j)
        for d, t in enumerate(toks)
        for i, j in itertools.combinations(range(len(t) + 1), 2)
        if F.span_ok(t, i, j)
    )
    p, d, i, j = scorer.best_span(part, toks, flags)
    assert (d, i, j) == want[1:]
    assert math.isclose(p, scorer.sigmoid(want[0]), rel_tol=1e-9)


def test_party_probs_equal_binary_over_the_training_features() -> None:
    """Inference scores a sentence's tokens from per-word role weights; training fits
    party_features: every token's probability must be the very same float, for the
    shipped token models and for a table where every feature weighs (edges, flags,
    cuts, bags reaching past the sentence's ends)."""
    sents = sentences_of(STATEMENT + " " + SPORTS)
    toks = [F.tokens(s) for s in sents]
    flags = [[("c", "n:2") if k % 3 == 0 else ("n:1",) for k in range(len(t))] for t in toks]
    names = sorted(
        {
            f
            for t, fl in zip(toks, flags, strict=True)
            for k in range(len(t))
            for f in F.party_features(t, k, fl[k])
        }
    )
    dense = {"w": {f: math.sin(n) for n, f in enumerate(names)}, "b": -0.25}
    model = scorer.model()
    assert model is not None
    for part in (model["tok"], model["dtk"], dense):
        for t, fl in zip(toks, flags, strict=True):
            want = [scorer.binary(part, F.party_features(t, k, fl[k])) for k in range(len(t))]
            assert scorer.party_probs(part, t, fl) == want
    assert (
        len(
            {
                round(p, 9)
                for t, fl in zip(toks, flags, strict=True)
                for p in scorer.party_probs(dense, t, fl)
            }
        )
        > 10
    )


def test_cues_and_context_flags_read_one_scan_as_two_did() -> None:
    """cues() and context_flags() share one scan of a sentence: cues() must be the set
    the two regex passes built, iterating in the same order (the scores add up over it),
    and each token's flags the cues within reach of it."""
    from bot.summarize import lexicon as L
    from bot.summarize.text import normalize

    text = STATEMENT + " وطالبت الوزارة بضرورة وقف الاعتداءات ويتعين على المجتمع الدولي التحرك."
    for sent in sentences_of(text):
        norm = normalize(sent)
        old = {"lx:" + kind for _, _, kind in L.TRIGGERS.scan(norm, 0, len(norm))}
        old.update("lx:" + name for name, rx in F._DEMAND_CUES if rx.search(norm))
        assert list(F.cues(sent)) == list(frozenset(old))
        t = F.tokens(sent)
        flags = F.context_flags(sent, t, F.word_counts([t]))
        for fl in flags:
            assert fl == tuple(sorted(fl)) and sum(f.startswith("n:") for f in fl) == 1
            for cue in (f[3:] for f in fl if f[:3] in ("tl:", "tr:", "ti:")):
                assert "lx:" + cue in F.cues(sent)
        if F.cues(sent):  # every cue lies within reach of some token
            assert any(f[:3] in ("tl:", "tr:", "ti:") for fl in flags for f in fl)


def test_fill_targets_names_who_is_asked_in_an_empty_target_demand() -> None:
    """A rules' demand without a target gets the party the target token model finds in its
    sentence; the issuer's own name is passed over; ``fill`` above 1 turns it off."""
    sent = sentences_of(STATEMENT)[2]
    t = F.tokens(sent)
    asked = {F.fold(w) for w in F.tokens("مجلس الأمن").words}
    part = {"w": {"t:" + a: 10.0 for a in asked}, "b": -5.0, "t": 0.5, "grow": 0.3, "most": 1}
    for fill, who, want in (
        (0.5, Issuer("الوزارة", "SY"), "مجلس الأمن"),
        (0.5, Issuer("مجلس الأمن", None), ""),
        (2.0, Issuer("الوزارة", "SY"), ""),
    ):
        summary = Summary(is_statement=True, demands=[Demand("", "التحرك الفوري", sent)])
        candidates.fill_targets([sent], [t], who, summary, {"dtk": {**part, "fill": fill}})
        assert summary.demands[0].target == want


def test_pair_model_ships_and_adds_only_pairs_it_accepts() -> None:
    """The pair model is in the weights and scores the pairs proposed (here with a token
    model that knows one party); a pair under the threshold is not added, one above it
    is, once per (party, act), with its sentence as evidence."""
    model = scorer.model()
    assert model is not None
    assert model["pair"]["w"]
    assert 0.0 < model["pair"]["t"] < 1.0
    sents = sentences_of(STATEMENT)
    toks = [F.tokens(s) for s in sents]
    who = Issuer("وزارة الخارجية", "SY")
    sides = learned.sentence_sides(sents, who)
    summary = Summary(is_statement=True, issuer=who)
    sfeats = candidates.sentence_feature_sets(sents, toks, sides, summary)
    args = (sents, toks, sides, who, summary)
    ally = "t:" + F.tokens("التحالف").words[0]
    model = {**model, "tok": {**model["tok"], "w": {ally: 10.0}, "b": -5.0}}
    found = pairs.candidates(*args, model, 1.0, sfeats)
    assert {p.accused for p in found} == {"التحالف"}
    assert all(0.0 <= scorer.binary(model["pair"], p.feats) <= 1.0 for p in found)
    gates = {"skip_other": 1, "silent": 2}
    accept_all = {**model, "pair": {"w": {}, "b": 5.0, "t": 0.5, **gates}}
    out = pairs.accusations(*args, accept_all, 1.0, sfeats)
    keys = [(a.accused, a.act) for a in out]
    assert len(keys) == len(set(keys)) > 0
    assert all(a.evidence in sents for a in out)
    assert (
        pairs.accusations(
            *args, {**accept_all, "pair": {"w": {}, "b": -5.0, "t": 0.5, **gates}}, 1.0, sfeats
        )
        == []
    )


def test_shared_sentence_memo_changes_no_pair() -> None:
    """The pair pass reads the scores the token model's pass left in the memo; keyed by
    what they depend on (the rules' blamed words grow in between), they are the scores
    a fresh pass computes: the same pairs with the same features either way."""
    model = scorer.model()
    assert model is not None
    sents = sentences_of(STATEMENT)
    toks = [F.tokens(s) for s in sents]
    who = Issuer("وزارة الخارجية", "SY")
    sides = learned.sentence_sides(sents, who)
    summary = Summary(is_statement=True, issuer=who)
    sfeats = candidates.sentence_feature_sets(sents, toks, sides, summary)
    ally = "t:" + F.tokens("التحالف").words[0]
    model = {  # every sentence blames, and the token model knows one party
        **model,
        "det": {**model["det"], "b": 10.0},
        "tok": {**model["tok"], "w": {ally: 10.0}, "b": -5.0},
    }
    args = (sents, toks, sides, who, summary, model, 1.0, sfeats)
    memo = candidates.SentenceMemo()
    summary.accusations += candidates.accusations(*args, memo)
    assert summary.accusations  # the token pass found a party, so "known" grew
    shared = pairs.candidates(*args, memo)
    fresh = pairs.candidates(*args)
    assert shared and shared == fresh
    calls = []
    assert memo.get(("x",), lambda: calls.append(1) or 0.5) == 0.5
    assert memo.get(("x",), lambda: calls.append(1) or 0.7) == 0.5
    assert calls == [1]


def test_pairs_are_proposed_only_where_the_model_may_speak() -> None:
    """With ``pair.skip_other`` another speaker's sentence, and with ``pair.silent`` 2 a
    sentence the rules found an accusation in, propose no pair."""
    sides = ["issuer", "other", "issuer"]
    sfeats = [set(), set(), {"r:acc"}]
    model = {"pair": {"skip_other": 1, "silent": 2}}
    assert pairs.open_sentences(sides, model, sfeats) == [0]
    model = {"pair": {"skip_other": 0, "silent": 0}}
    assert pairs.open_sentences(sides, model, sfeats) == [0, 1, 2]
    assert scorer.model()["pair"]["skip_other"] in (0, 1)  # type: ignore[index]


def drowned() -> Figure:
    return Figure(
        value=90,
        unit="شخصا",
        category="people",
        text="90 شخصا",
        evidence="وقالت المنظمة إنه غرق 90 شخصا قبالة السواحل.",
    )


def test_figure_features_read_the_words_either_side_of_the_figure() -> None:
    feats = figure_categories.figure_features(drowned())
    assert {"rule=people", "b0=غرق", "a0=" + F.tokens("قبالة").words[0], "mag=1"} <= feats
    moved = Figure(value=90, category="people", text="90 شخصا", evidence="لا نص هنا")
    assert "notext" in figure_categories.figure_features(moved)


def test_a_figure_changes_category_only_where_the_model_is_sure() -> None:
    part = {"classes": ["killed", "people"], "b": [0.0, 0.0], "w": {"b0=غرق": [2.0, 0.0]}}
    sure, unsure = drowned(), drowned()
    figure_categories.recategorize({**part, "t": 0.8, "tg": 1.0}, [sure])  # p(killed) = 0.88
    figure_categories.recategorize({**part, "t": 0.9, "tg": 1.0}, [unsure])
    assert (sure.category, unsure.category) == ("killed", "people")


def test_an_event_category_turns_generic_only_above_the_higher_bar() -> None:
    part = {"classes": ["killed", "people"], "b": [0.0, 0.0], "w": {"b0=غرق": [0.0, 2.0]}}
    kept, moved = drowned(), drowned()
    kept.category = moved.category = "killed"
    figure_categories.recategorize({**part, "t": 0.5, "tg": 0.9}, [kept])  # p(people) = 0.88
    figure_categories.recategorize({**part, "t": 0.5, "tg": 0.8}, [moved])
    assert (kept.category, moved.category) == ("killed", "people")
