"""Turn the models' scores into accusations and demands the rules did not find.

A sentence is looked at when its act (or demand) probability passes the
threshold stored with the weights; its party is the best-scoring word span of
the sentence (or, for an accused, of the two sentences before it: a pronoun's
party was named there). A find that the rules already have (same act and a
matching name, or a matching demand target) is not added twice.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from bot.summarize import attribution, budget, countries
from bot.summarize.learned import features as F
from bot.summarize.learned import scorer
from bot.summarize.model import Accusation, Demand, Issuer, Summary

LOOK_BACK = 2  # sentences before an act where its accused may be named
ACTION_WORDS = 8
MAX_TOKENS = 100  # a longer "sentence" is a run-on text the splitter could not cut


def doc_rules(who: Issuer | None, summary: Summary) -> dict[str, bool]:
    """What the rules decided about a text, as features of the statement classifier."""
    return {
        "stmt": summary.is_statement,
        "who": who is not None,
        "cc": bool(who and who.country),
        "acc": bool(summary.accusations),
        "dem": bool(summary.demands),
        "addr": bool(summary.addressees),
    }


def sentence_rules(sentence: str, summary: Summary) -> dict[str, bool]:
    """Did the rules find an accusation or a demand in this sentence."""
    return {
        "acc": any(a.evidence == sentence for a in summary.accusations),
        "dem": any(d.evidence == sentence for d in summary.demands),
    }


class SentenceMemo:
    """One text's per-sentence scores that both the token model's finds
    (:func:`accusations`) and the pair model (:mod:`.pairs`) ask for: each is computed
    once. A key names everything its value depends on besides the text (the sentence's
    index; for token flags, the rules' blamed and issuer words, which grow between the
    two passes), so a value read back is the value that would be computed."""

    __slots__ = ("_got",)

    def __init__(self) -> None:
        self._got: dict[tuple[Any, ...], Any] = {}

    def get(self, key: tuple[Any, ...], make: Callable[[], Any]) -> Any:
        """The value under ``key``, made by ``make()`` the first time."""
        if key not in self._got:
            self._got[key] = make()
        return self._got[key]


def detect(model: dict[str, Any], sfeats: list[set[str]], si: int, memo: SentenceMemo) -> float:
    """The blaming-sentence detector's probability for sentence ``si``."""
    return memo.get(
        ("det", si), lambda: scorer.sentence_binary(model, "det", _rows(model, sfeats, si, memo))
    )  # type: ignore[no-any-return]


def _rows(
    model: dict[str, Any], sfeats: list[set[str]], si: int, memo: SentenceMemo
) -> list[scorer.SentenceRow]:
    """Sentence ``si``'s feature records for the sentence models, looked up once: the
    detector, the act classifier and the demand classifier all read them."""
    return memo.get(("rows", si), lambda: scorer.sentence_rows(model, sfeats[si]))  # type: ignore[no-any-return]


def act_probs(
    model: dict[str, Any], sfeats: list[set[str]], si: int, memo: SentenceMemo
) -> dict[str, float]:
    """The act classifier's class probabilities for sentence ``si`` (read only)."""
    return memo.get(
        ("act", si), lambda: scorer.sentence_classes(model, _rows(model, sfeats, si, memo))
    )  # type: ignore[no-any-return]


def accusation_flags(
    sentences: list[str],
    toks: list[F.Tokens],
    si: int,
    who: Issuer | None,
    known: tuple[frozenset[str], frozenset[str]],
    counts: dict[str, int],
    memo: SentenceMemo,
) -> list[tuple[str, ...]]:
    """Per token of sentence ``si``: the rules' marks (:func:`token_flags`) and its cue
    context (:func:`features.context_flags`), the token model's flags for an accused."""

    def make() -> list[tuple[str, ...]]:
        flags = token_flags(sentences[si], toks[si], who, known)
        more = F.context_flags(sentences[si], toks[si], counts)
        return [a + b for a, b in zip(flags, more, strict=True)]

    return memo.get(("flags", si, known), make)  # type: ignore[no-any-return]


def accused_probs(
    part: dict[str, Any],
    t: F.Tokens,
    flags: list[tuple[str, ...]],
    key: tuple[Any, ...],
    memo: SentenceMemo,
) -> list[float]:
    """The accused token model's per-token probabilities (``part``'s weights and bias;
    the pair model's lower bars change neither), once per ``key``: the sentence and
    what its flags were made of."""
    return memo.get(("tok", *key), lambda: scorer.party_probs(part, t, flags))  # type: ignore[no-any-return]


@lru_cache(maxsize=16384)
def _country(word: str) -> str | None:
    return countries.country_code(word)


def party_words(who: Issuer | None, summary: Summary) -> tuple[frozenset[str], frozenset[str]]:
    """Folded words of the parties the rules blamed, and of the issuer's name."""
    blamed = frozenset(w for a in summary.accusations for w in F.tokens(a.accused).words)
    own = frozenset(F.tokens(who.name).words) if who else frozenset()
    return blamed, own


def token_flags(
    sentence: str, t: F.Tokens, who: Issuer | None, known: tuple[frozenset[str], frozenset[str]]
) -> list[tuple[str, ...]]:
    """Per token: "c" a state's name or adjective, "ci" the issuer's own state, "ra" a
    word of a party the rules blamed elsewhere, "iw" a word of the issuer's name."""
    own = who.country if who else None
    blamed, issuer_words = known
    out: list[tuple[str, ...]] = []
    for s, e, w in zip(t.starts, t.ends, t.words, strict=True):
        code = _country(sentence[s:e])
        flags = () if code is None else ("c", "ci") if code == own else ("c",)
        flags += ("ra",) if w in blamed else ()
        out.append((*flags, "iw") if w in issuer_words else flags)
    return out


def same_party(a: str, b: str) -> bool:
    """The scorer's notion of one name: folded word sets overlap by half the smaller."""
    wa = {F.fold(w) for w in F.tokens(a).words}
    wb = {F.fold(w) for w in F.tokens(b).words}
    common = len(wa & wb)
    return common > 0 and common * 2 >= min(len(wa), len(wb))


def sentence_feature_sets(
    sentences: list[str], toks: list[F.Tokens], sides: list[str], summary: Summary
) -> list[set[str]]:
    """Each sentence's features, once per text (the act and demand models share them),
    with the rules' finds as the rules alone made them. Past the text's work budget a
    sentence gets no features (the loops that read them stop there too)."""
    out: list[set[str]] = []
    for si, sent in enumerate(sentences):
        if not budget.spend(budget.words(sent)):
            out.extend(set() for _ in range(si, len(sentences)))
            break
        rules = sentence_rules(sent, summary)
        out.append(F.sentence_features(toks[si], si, sides[si], rules, F.cues(sent)))
    return out


def accusations(
    sentences: list[str],
    toks: list[F.Tokens],
    sides: list[str],
    who: Issuer | None,
    summary: Summary,
    model: dict[str, Any],
    blame: float,
    sfeats: list[set[str]],
    memo: SentenceMemo | None = None,
) -> list[Accusation]:
    """Accusations of the sentences the model finds blaming (in a text whose probability
    of blaming anyone is ``blame``): each act the sentence names, charged to each party
    the token model finds in it, unless the rules already hold that (act, party).
    ``tok.rules_only_silent``: 1, only in texts the rules found no accusation in; 2, only
    in sentences they found none in; 0, anywhere. ``memo`` shares sentence scores with
    the pair model's pass over the same text."""
    silent = model["tok"]["rules_only_silent"]
    if blame < model["blm"]["t"] or (summary.accusations and silent == 1):
        return []
    det_m, act_m = model["det"], model["act"]
    memo = SentenceMemo() if memo is None else memo
    out: list[Accusation] = []
    have = list(summary.accusations)
    known = party_words(who, summary)
    counts = F.word_counts(toks)
    for si, sent in enumerate(sentences):
        if not budget.spend(budget.words(sent)):
            break
        if det_m["skip_other"] and sides[si] == attribution.OTHER:
            continue  # another speaker's words are not the issuer's accusations
        feats = sfeats[si]
        if silent == 2 and "r:acc" in feats:
            continue
        if detect(model, sfeats, si, memo) < det_m["t"]:
            continue
        probs = act_probs(model, sfeats, si, memo)
        top = max(probs, key=probs.__getitem__)
        acts = [c for c, p in probs.items() if c == top or p >= act_m["t"]]
        flags = accusation_flags(sentences, toks, si, who, known, counts, memo)
        tok = accused_probs(model["tok"], toks[si], flags, (si, known), memo)
        for _, name in scored_parties(sent, toks[si], flags, model["tok"], tok):
            for act in acts:
                if not any(a.act == act and same_party(a.accused, name) for a in have):
                    have.append(Accusation(name, act, sent))
                    out.append(have[-1])
    return out


def parties(
    sentence: str, t: F.Tokens, flags: list[tuple[str, ...]], part: dict[str, Any]
) -> list[str]:
    """The parties the token model finds in a sentence, as written: runs of adjacent
    tokens scoring at least ``grow`` that hold one scoring at least ``t`` (at most
    ``F.MAX_SPAN`` words), best first, at most ``most`` of them."""
    return [name for _, name in scored_parties(sentence, t, flags, part)]


def scored_parties(
    sentence: str,
    t: F.Tokens,
    flags: list[tuple[str, ...]],
    part: dict[str, Any],
    probs: list[float] | None = None,
) -> list[tuple[float, str]]:
    """:func:`parties` with each run's best token probability (``probs``: the token
    probabilities under ``part``, when already known)."""
    budget.spend(len(t) * 4)
    if probs is None:
        probs = scorer.party_probs(part, t, flags)  # binary() over F.party_features, per token
    runs: list[tuple[float, int, int]] = []
    k = 0
    while k < len(t):
        if probs[k] < part["grow"]:
            k += 1
            continue
        j = k + 1
        while (
            j < len(t) and j - k < F.MAX_SPAN and probs[j] >= part["grow"] and not t.cut_before[j]
        ):
            j += 1
        top = max(probs[k:j])
        if top >= part["t"]:
            runs.append((top, k, j))
        k = j
    runs.sort(key=lambda r: -r[0])
    return [(p, sentence[t.starts[i] : t.ends[j - 1]]) for p, i, j in runs[: part["most"]]]


def demands(
    sentences: list[str],
    toks: list[F.Tokens],
    sides: list[str],
    summary: Summary,
    model: dict[str, Any],
    sfeats: list[set[str]],
    memo: SentenceMemo | None = None,
) -> list[Demand]:
    """Demands of sentences the model finds demanding and the rules passed over (``memo``:
    the sentence records the accusation passes already looked up)."""
    dem_m = model["dem"]
    memo = SentenceMemo() if memo is None else memo
    counts = F.word_counts(toks)
    out: list[Demand] = []
    have = list(summary.demands)
    for si, sent in enumerate(sentences):
        if not budget.spend(budget.words(sent)):
            break
        feats = sfeats[si]
        if "r:dem" in feats or (dem_m["skip_other"] and sides[si] == attribution.OTHER):
            continue
        if len(toks[si]) > MAX_TOKENS:
            continue  # a run-on text the splitter could not cut: no sentence to read a demand in
        p_dem = scorer.sentence_binary(model, "dem", _rows(model, sfeats, si, memo))
        if p_dem < dem_m["t"]:
            continue
        t = toks[si]
        found = parties(sent, t, F.context_flags(sent, t, counts), model["dtk"])
        if not found and p_dem < model["dtk"]["empty"]:
            continue  # a demand without a named target only where the model is sure
        for target in found or [""]:
            if any(same_party(d.target, target) or d.target == target == "" for d in have):
                continue
            have.append(Demand(target, action_after(sent, t, target), sent))
            out.append(have[-1])
    return out


def fill_targets(
    sentences: list[str],
    toks: list[F.Tokens],
    who: Issuer | None,
    summary: Summary,
    model: dict[str, Any],
) -> None:
    """Name the target of the rules' demands that have none, where the target token model
    finds a party in the demand's sentence scoring at least ``dtk.fill`` (the rules often
    miss who is asked when the speaker stands between verb and object: "دعا الوزير،
    السبت، الحكومة إلى"). The issuer's own name and a party already asked in that
    sentence are passed over. In place."""
    part = {**model["dtk"], "t": model["dtk"]["fill"], "most": 3}
    if part["t"] > 1.0:
        return
    at = {s: k for k, s in enumerate(sentences)}
    counts = F.word_counts(toks)
    own = who.name if who else ""
    for d in summary.demands:
        si = at.get(d.evidence)
        if d.target or si is None:
            continue
        t = toks[si]
        for name in parties(d.evidence, t, F.context_flags(d.evidence, t, counts), part):
            asked = [e.target for e in summary.demands if e.evidence == d.evidence and e.target]
            if (own and same_party(own, name)) or any(same_party(a, name) for a in asked):
                continue
            d.target = name
            break


def action_after(sentence: str, t: F.Tokens, target: str) -> str:
    """The asked deed in a few words: the words after the target (or from the start)."""
    at = sentence.find(target) + len(target) if target else 0
    rest = [k for k in range(len(t)) if t.starts[k] >= at][:ACTION_WORDS]
    return sentence[t.starts[rest[0]] : t.ends[rest[-1]]] if rest else ""
