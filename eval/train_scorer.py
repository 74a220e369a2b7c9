#!/usr/bin/env python3
# ruff: noqa: E402 (the environment is set before the summarizer is imported)
"""Train the learned scorer (bot/summarize/learned) from the annotations and ../shared texts.

    train_scorer.py                  train on all of pool-train (+ gold-train's is_statement),
                                     choose thresholds by 5-fold cross-validation, write
                                     bot/summarize/learned/weights.json
    train_scorer.py --cv-only        print the cross-validation ablation, write nothing
    train_scorer.py --no-tune        skip the threshold search (the shipped FLOOR_SAFE ones)
    train_scorer.py --fold-weights DIR   also write each fold's weights (DIR/fold-K.json)
                                     and its held-out ids, to score a fold through the CLI

Never reads eval/annotations/pool-test.jsonl or pool-test2.jsonl (the blind splits), pool-val.jsonl
(the validation split) nor gold-dev (the
regression check). Needs the ``train`` extra (scikit-learn). Deterministic: folds are
fixed by sorted id, the solvers are deterministic.
# ruff: noqa: E402  (the environment is set before the summarizer is imported)
"""

from __future__ import annotations

import argparse
import copy
import functools
import importlib.util
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

os.environ["BAYAN_LEARNED_WEIGHTS"] = "off"  # the rules alone give the model its inputs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from bot.summarize import issuer as issuer_mod
from bot.summarize import (
    learned,
    summarize,
)
from bot.summarize.learned import candidates as C
from bot.summarize.learned import features as F
from bot.summarize.learned import figure_categories as FC
from bot.summarize.learned import pairs as P
from bot.summarize.learned import scorer
from bot.summarize.model import Summary
from bot.summarize.text import prepare, split_sentences

SHARED = Path(os.environ.get("BAYAN_SHARED", ROOT.parent / "shared"))
POOL_TRAIN = ROOT / "eval" / "annotations" / "pool-train.jsonl"
GOLD_TRAIN = SHARED / "eval" / "gold-train.jsonl"
CORPORA = [SHARED / "corpus" / "pool.jsonl", SHARED / "corpus" / "statements.jsonl"]
OUT = ROOT / "bot" / "summarize" / "learned" / "weights.json"
FOLDS = 5
ALIGN_GOLD_TRAIN = os.environ.get("BAYAN_ALIGN_GOLD_TRAIN", "1") == "1"
TOK_C = 0.5  # regularization of the accused token model (chosen on CV; 2.0: accusations -0.009)
DTK_C = 2.0  # of the demand target token model (CV demands 0.418 -> 0.425 over 0.5)
FIG_C = 4.0  # of the figure category model (CV figures 0.820 -> 0.836; 1.0: 0.831, 10: 0.835)
MIN_COUNT = 2  # a feature seen once in training gets no weight (smaller file, less noise)


@functools.cache
def load_score():
    """score.py's own scorer, so cross-validation counts exactly as the lead's runs do."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@dataclass
class Text:
    """One annotated text with everything the rules produced for it."""

    id: str
    gold: dict
    sentences: list[str]
    toks: list[F.Tokens]
    who: object
    rules: Summary
    sides: list[str]
    indexed: bool  # gold sentence indices point into ``sentences``


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def prepare_text(gold: dict, raw: str, indexed: bool) -> Text:
    clean, _ = prepare(raw)
    sentences = split_sentences(clean)
    who = issuer_mod.find_issuer(sentences)
    rules = summarize(raw)
    sides = learned.sentence_sides(sentences, who)
    toks = [F.tokens(s) for s in sentences]
    return Text(gold["id"], gold, sentences, toks, who, rules, sides, indexed)


def load_texts() -> tuple[list[Text], list[Text]]:
    raw = {}
    for path in CORPORA:
        for row in read_jsonl(path):
            raw[row["id"]] = row["text"]
    sys.path.insert(0, str(ROOT / "eval"))
    from sentences import split  # the frozen numbering the annotations point into

    pool = []
    for g in read_jsonl(POOL_TRAIN):
        text = raw[g["id"]]
        t = prepare_text(g, text, True)
        t.indexed = len(split(text)) == len(t.sentences)
        pool.append(t)
    extra = [prepare_text(g, raw[g["id"]], False) for g in read_jsonl(GOLD_TRAIN)]
    if ALIGN_GOLD_TRAIN:
        for t in extra:
            align(t)
    return pool, extra


def align(t: Text) -> None:
    """Give gold-train's accusations and demands (annotated without sentence indices) the
    sentence that names their party and holds the most accusation (or demand) cues, so the
    sentence and token models learn from them too; items whose party no sentence names
    are left out of those models (the text still counts for the text models)."""
    if not t.gold.get("is_statement"):
        return
    cues = [F.cues(s) for s in t.sentences]
    gold = {**t.gold, "blames": bool(t.gold.get("accusations"))}
    for field, party, want in (
        ("accusations", "accused", lambda c: not c.startswith(("lx:dem", "lx:need", "lx:on"))),
        ("demands", "target", lambda c: c.startswith(("lx:dem", "lx:need", "lx:on", "lx:duty"))),
    ):
        items = []
        for item in gold.get(field) or []:
            words = party_words_of(item.get(party) or "")
            hits = [si for si, tk in enumerate(t.toks) if words & set(tk.words)]
            if hits:
                best = max(hits, key=lambda si: (sum(map(want, cues[si])), -si))
                items.append({**item, "sentence": best})
        gold[field] = items
    t.gold = gold
    t.indexed = True


# --- examples -------------------------------------------------------------------


def doc_example(t: Text) -> tuple[set[str], int]:
    return F.doc_features(t.toks, C.doc_rules(t.who, t.rules)), int(bool(t.gold["is_statement"]))


def blame_example(t: Text) -> tuple[set[str], int]:
    """Does a statement blame anyone at all (gold-train's texts count too)."""
    return doc_example(t)[0], int(t.gold.get("blames", bool(t.gold["accusations"])))


def sentence_examples(t: Text) -> list[tuple[set[str], str, int]]:
    """(features, act or "none", has demand) per sentence of an indexed statement."""
    if not (t.indexed and t.gold["is_statement"]):
        return []
    acts: dict[int, list[str]] = {}
    for a in t.gold["accusations"]:
        acts.setdefault(a["sentence"], []).append(a["act"])
    dem = {d["sentence"] for d in t.gold["demands"]}
    out = []
    for si, sent in enumerate(t.sentences):
        feats = F.sentence_features(
            t.toks[si], si, t.sides[si], C.sentence_rules(sent, t.rules), F.cues(sent)
        )
        for act in sorted(set(acts.get(si, ["none"]))):
            out.append((feats, act, int(si in dem)))
    return out


def span_examples(t: Text, sentence: int, name: str, back: int, flagged: bool) -> list:
    """(features, label) of every candidate span for one gold party, or [] if none matches."""
    want = [F.fold(w) for w in F.tokens(name).words]
    rows, found = [], False
    for dist in range(back + 1):
        si = sentence - dist
        if si < 0:
            break
        tk = t.toks[si]
        flags = (
            C.token_flags(t.sentences[si], tk, t.who, C.party_words(t.who, t.rules))
            if flagged
            else [()] * len(tk)
        )
        for i in range(len(tk)):
            for j in range(i + 1, min(len(tk), i + F.MAX_SPAN) + 1):
                if not F.span_ok(tk, i, j):
                    break
                label = int(tk.words[i:j] == want)
                found |= bool(label)
                rows.append((Counter(F.span_features(tk, i, j, dist, flags)), label))
    return rows if found else []


def accused_examples(t: Text) -> list:
    if not (t.indexed and t.gold["is_statement"]):
        return []
    out, seen = [], set()
    for a in t.gold["accusations"]:
        key = (a["sentence"], a["accused"])
        if key not in seen:
            seen.add(key)
            out += span_examples(t, a["sentence"], a["accused"], C.LOOK_BACK, True)
    return out


def party_words_of(name: str) -> set[str]:
    """The folded words of a gold party that a token may be labelled by (no particles)."""
    return {w for w in F.tokens(name).words if len(w) > 2 and w != "0"}


def token_examples(t: Text) -> list:
    """(features, label) per token of each sentence the gold blames someone in: 1 when the
    token is a word of a party blamed in that sentence. (Training on every sentence, with
    the parties blamed elsewhere left out, scored lower on cross-validation.)"""
    if not (t.indexed and t.gold["is_statement"]):
        return []
    want: dict[int, set[str]] = {}
    for a in t.gold["accusations"]:
        want.setdefault(a["sentence"], set()).update(party_words_of(a["accused"]))
    known = C.party_words(t.who, t.rules)
    counts = F.word_counts(t.toks)
    out = []
    for si, words in sorted(want.items()):
        tk = t.toks[si]
        flags = C.token_flags(t.sentences[si], tk, t.who, known)
        more = F.context_flags(t.sentences[si], tk, counts)
        flags = [a + b for a, b in zip(flags, more, strict=True)]
        for k in range(len(tk)):
            out.append((F.party_features(tk, k, flags[k]), int(tk.words[k] in words)))
    return out


def target_token_examples(t: Text) -> list:
    """(features, label) per token of each sentence holding a demand: 1 when the token is
    a word of a target the gold names there."""
    if not (t.indexed and t.gold["is_statement"]):
        return []
    want: dict[int, set[str]] = {}
    for d in t.gold["demands"]:
        want.setdefault(d["sentence"], set()).update(party_words_of(d["target"]))
    counts = F.word_counts(t.toks)
    out = []
    for si, words in sorted(want.items()):
        tk = t.toks[si]
        flags = F.context_flags(t.sentences[si], tk, counts)
        for k in range(len(tk)):
            out.append((F.party_features(tk, k, flags[k]), int(tk.words[k] in words)))
    return out


def target_examples(t: Text) -> list:
    if not (t.indexed and t.gold["is_statement"]):
        return []
    out, seen = [], set()
    for d in t.gold["demands"]:
        key = (d["sentence"], d["target"])
        if d["target"] and key not in seen:
            seen.add(key)
            out += span_examples(t, d["sentence"], d["target"], 0, False)
    return out


def figure_examples(t: Text) -> list[tuple[set[str], str]]:
    """Each of a statement's figures the rules found, labelled with the category of the gold
    figure of the same value (of several, the one whose text shares most words); a figure
    the gold lacks teaches nothing (the model only re-labels)."""
    if not t.gold.get("is_statement"):
        return []
    score, gold = load_score(), t.gold.get("figures") or []
    used, rows = set(), []
    for f in t.rules.figures:
        same = [
            i
            for i, g in enumerate(gold)
            if i not in used and score.num(g["value"]) == score.num(f.value)
        ]
        if not same:
            continue
        best = max(
            same, key=lambda i: (len(score.words(gold[i].get("text")) & score.words(f.text)), -i)
        )
        used.add(best)
        rows.append((FC.figure_features(f), gold[best]["category"]))
    return rows


def pair_examples(model: dict, t: Text) -> list[tuple[list[str], int]]:
    """(features, label) of every (party, act) pair ``model`` proposes in a statement:
    1 when the gold holds that act against a matching party anywhere in the text."""
    if not t.gold["is_statement"]:
        return []
    summary = Summary.from_dict(t.rules.to_dict())
    toks = t.toks
    feats = F.doc_features(toks, C.doc_rules(t.who, summary))
    blame = scorer.binary(model["blm"], feats)
    sfeats = C.sentence_feature_sets(t.sentences, toks, t.sides, summary)
    found = P.candidates(t.sentences, toks, t.sides, t.who, summary, model, blame, sfeats)
    gold = t.gold["accusations"]
    return [
        (
            p.feats,
            int(any(g["act"] == p.act and C.same_party(g["accused"], p.accused) for g in gold)),
        )
        for p in found
    ]


# --- fitting and export -----------------------------------------------------------


def fit(rows: list, c: float, multi: bool = False) -> dict:
    """Logistic regression over feature dicts; weights of rare features dropped."""
    counts = Counter(f for feats, _ in rows for f in feats)
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    X = [{f: float(v) for f, v in _as_dict(feats).items() if f in keep} for feats, _ in rows]
    y = [label for _, label in rows]
    vec = DictVectorizer()
    m = LogisticRegression(
        C=c, max_iter=1000, tol=1e-4, solver="lbfgs" if multi else "liblinear", random_state=0
    )
    matrix = vec.fit_transform(X).tocsr()
    matrix.indices = matrix.indices.astype(np.int32)  # liblinear takes 32-bit indices only
    matrix.indptr = matrix.indptr.astype(np.int32)
    m.fit(matrix, y)
    names = vec.feature_names_
    if multi:
        w = {n: [round(float(v), 4) for v in m.coef_[:, k]] for k, n in enumerate(names)}
        w = {n: r for n, r in w.items() if any(abs(v) >= 1e-3 for v in r)}
        return {
            "classes": [str(c) for c in m.classes_],
            "w": w,
            "b": [float(b) for b in m.intercept_],
        }
    w = {n: round(float(v), 4) for n, v in zip(names, m.coef_[0], strict=True)}
    return {"w": {n: v for n, v in w.items() if abs(v) >= 1e-3}, "b": float(m.intercept_[0])}


def _as_dict(feats) -> dict:
    return feats if isinstance(feats, dict) else dict.fromkeys(feats, 1)


def train(texts: list[Text], extra: list[Text], th: dict) -> dict:
    """Every model of the weights file. gold-train's aligned items (see :func:`align`)
    teach the act and the token models, which learn from blaming sentences only; the
    sentence detectors learn from pool-train alone, whose every blaming sentence is marked."""
    sent = [r for t in texts for r in sentence_examples(t)]
    acts = [(f, a) for t in texts + extra for f, a, _ in sentence_examples(t) if a != "none"]
    blame = list({id(f): (f, int(a != "none")) for f, a, _ in sent}.values())
    model = {
        "doc": fit([doc_example(t) for t in texts + extra], 1.0),
        "blm": fit([blame_example(t) for t in texts + extra if t.gold["is_statement"]], 1.0),
        "det": fit(blame, 1.0),
        "act": fit(acts, 1.0, multi=True),
        "acc": fit([r for t in texts for r in accused_examples(t)], 1.0),
        "tok": fit([r for t in texts + extra for r in token_examples(t)], TOK_C),
        "dem": fit(list({id(f): (f, d) for f, _, d in sent}.values()), 1.0),
        "tgt": fit([r for t in texts for r in target_examples(t)], 1.0),
        "dtk": fit([r for t in texts for r in target_token_examples(t)], DTK_C),
        "fig": fit([r for t in texts + extra for r in figure_examples(t)], FIG_C, multi=True),
    }
    return with_thresholds(model, th)


def with_thresholds(model: dict, th: dict) -> dict:
    for part, keys in THRESHOLD_KEYS.items():
        for k in keys:
            model[part][k] = th[f"{part}.{k}"]
    return model


THRESHOLD_KEYS = {
    "doc": ("lo", "hi"),
    "blm": ("t",),
    "det": ("t", "skip_other"),
    "act": ("t",),
    "acc": ("t",),
    "tok": ("t", "grow", "most", "rules_only_silent"),
    "dem": ("t", "skip_other"),
    "tgt": ("t",),
    "dtk": ("t", "grow", "most", "empty", "fill"),
    "fig": ("t", "tg"),
}
GRID = {
    "doc.lo": [0.01, 0.03, 0.1, 0.2],
    "doc.hi": [0.5, 0.6, 0.7],
    "blm.t": [0.3, 0.5, 0.7],
    "det.t": [0.0, 0.05, 0.1, 0.2, 0.3],
    "act.t": [0.3, 0.4, 0.6],
    "acc.t": [0.1, 0.2, 0.3],
    "tok.t": [0.1, 0.2, 0.3, 0.5],
    "tok.grow": [0.2, 0.3, 0.5],
    "tok.most": [1, 2, 3],
    "tok.rules_only_silent": [0, 1],
    "dem.t": [0.05, 0.1, 0.2, 0.3, 0.5],
    "tgt.t": [0.35, 0.5],
    "dtk.t": [0.2, 0.3, 0.5],
    "dtk.grow": [0.2, 0.3],
    "dtk.most": [1, 2],
    "dtk.empty": [0.5, 0.7, 0.9],
    "dtk.fill": [0.3, 0.5, 0.7, 2.0],
    "det.skip_other": [0, 1],
    "dem.skip_other": [0, 1],
    "fig.t": [0.4, 0.5, 0.6],  # CV figures at 0.5: 0.836, 0.6: 0.835
    # to a generic category (people, other) from an event's: at 0.5 gold-dev's figures fall
    # 1.000 -> 0.942 (five counts after a list's event word); 0.9 keeps them (CV 0.830)
    "fig.tg": [0.5, 0.9, 0.95],
}
DEFAULT = {k: v[len(v) // 2] for k, v in GRID.items()}
# The CV optimum (model accusations anywhere, det 0.1, tok 0.3, dem 0.2, targetless demands
# allowed: on 680 pool-train texts CV accusations 0.208 -> 0.270, demands 0.383 -> 0.414,
# mean 0.630 -> 0.646) adds false finds to curated statements: gold-dev falls to ~0.92
# (a descriptive "المدعومة من X" taken as blame, other speakers' demands without a
# target). These thresholds keep gold-dev at 0.932 (CV accusations 0.258, mean 0.641): the
# model adds accusations only in sentences the rules found none in, outside other speakers'
# words, and demands only with a named target (dtk.empty 1.0 never emits a targetless one).
FLOOR_SAFE = {
    # the model turns more of the rules' statements down: pool-val is_statement 0.863 ->
    # 0.871 (P 0.797 -> 0.816, R 0.940 -> 0.933; 0.1: 0.868, 0.3: 0.869), gold-dev and
    # gold-train unchanged (chosen on pool-val's totals, 2026-12-06)
    "doc.lo": 0.2,
    "blm.t": 0.3,
    "det.t": 0.2,
    "det.skip_other": 1,
    "tok.t": 0.3,
    "tok.rules_only_silent": 2,
    "act.t": 0.3,
    "tok.grow": 0.2,
    "tok.most": 2,
    # CV demands 0.403 -> 0.418 at 0.3 on 680 texts (0.2: 0.424, but gold-dev 0.930); on 880
    # texts 0.3 drops gold-dev to 0.927 (false demands), 0.5 keeps 0.931 for CV 0.429 -> 0.426
    "dem.t": 0.5,
    "dem.skip_other": 0,
    "dtk.t": 0.6,  # with DTK_C 2.0 (0.5 adds false targets: gold-dev 0.930)
    "dtk.grow": 0.2,
    "dtk.most": 1,
    "dtk.empty": 1.0,
    # 0.5 on 1,080 texts names who is asked in a gold-dev demand that has none (0.927)
    "dtk.fill": 0.7,
}
STEPS = [
    ("doc.lo", "doc.hi"),
    ("det.t", "tok.t"),
    ("tok.most", "tok.rules_only_silent"),
    ("blm.t", "det.t"),
    ("act.t", "tok.grow"),
    ("dem.t", "dtk.t"),
    ("dtk.most", "dtk.grow"),
]


# --- cross-validation ---------------------------------------------------------------


def folds(texts: list[Text]) -> list[list[Text]]:
    ordered = sorted(texts, key=lambda t: t.id)
    return [ordered[k::FOLDS] for k in range(FOLDS)]


def predict(model: dict | None, texts: list[Text]) -> dict[str, dict]:
    """The summaries the pipeline would print with ``model`` (None: the rules alone)."""
    out = {}
    for t in texts:
        s = copy.deepcopy(t.rules)  # figures keep their sentence (to_dict drops it)
        if model is not None:
            learned.refine_with(model, t.sentences, t.who, s)
        out[t.id] = s.to_dict()
    return out


def table(score, texts: list[Text], preds: dict[str, dict]) -> dict[str, tuple]:
    tally, _, _ = score.score([t.gold for t in texts], preds)
    return {f: tally[f].prf() for f in score.FIELDS}


def cv_models(pool: list[Text], extra: list[Text]) -> list[tuple[dict, list[Text]]]:
    parts = folds(pool)
    out = []
    for k in range(FOLDS):
        held = parts[k]
        train_on = [t for j in range(FOLDS) if j != k for t in parts[j]]
        out.append((train(train_on, extra, DEFAULT), held))
        print(f"fold {k}: trained on {len(train_on)}", file=sys.stderr)
    return out


# The pair model's threshold and where its pairs come from (see pairs.open_sentences).
# Its finds are added to the token model's. Pool-train CV accusations 0.258 -> 0.275
# (t 0.6, pairs from sentences of the issuer and the narrative that the rules found
# nothing in). Pairs from other speakers' sentences too: 0.284 (t 0.5: 0.289), but
# gold-dev falls to 0.930 (their accusations are not the issuer's); at t 0.7, 0.274.
PAIR = {"t": 0.6, "skip_other": 1, "silent": 2}


def with_pairs(models: list[tuple[dict, list[Text]]], th: dict) -> tuple[list, list]:
    """Each fold's base models plus a pair model (bot/summarize/learned/pairs.py) fitted on
    the other folds' out-of-fold candidates, and every fold's candidates (to fit the
    shipped pair model on all of them): stacking, so the pair model learns how far to
    trust the base models on texts they have not seen."""
    gated = [({**with_thresholds(m, th), "pair": PAIR}, held) for m, held in models]
    oof = [[r for t in held for r in pair_examples(m, t)] for m, held in gated]
    out = []
    for k, (m, held) in enumerate(models):
        rows = [r for j, part in enumerate(oof) if j != k for r in part]
        out.append(({**m, "pair": {**fit(rows, 1.0), **PAIR}}, held))
    return out, [r for part in oof for r in part]


def cv_predict(models: list[tuple[dict, list[Text]]], th: dict) -> dict[str, dict]:
    preds = {}
    for model, held in models:
        preds.update(predict(with_thresholds(model, th), held))
    return preds


def tune(score, pool: list[Text], models) -> dict:
    """Thresholds that maximise pooled CV F1 of the fields each one governs, step by step."""
    th = dict(DEFAULT)
    aims = {
        "doc.lo": "is_statement",
        "det.t": "accusations",
        "blm.t": "accusations",
        "tok.most": "accusations",
        "act.t": "accusations",
        "dem.t": "demands",
        "dtk.most": "demands",
    }
    for a, b in STEPS:
        best = None
        for va in GRID[a]:
            for vb in GRID[b]:
                trial = {**th, a: va, b: vb}
                res = table(score, pool, cv_predict(models, trial))
                f1 = res[aims[a]][2] + (res["issuer"][2] if a == "doc.lo" else 0.0)
                if best is None or f1 > best[0]:
                    best = (f1, va, vb)
        th[a], th[b] = best[1], best[2]
        print(f"tuned {a}={best[1]} {b}={best[2]}", file=sys.stderr)
    return th


def print_ablation(rules: dict, both: dict) -> None:
    print(f"{'field':<14}{'rules P/R/F1':>22}{'rules+model P/R/F1':>24}")
    for f, (p, r, f1) in rules.items():
        p2, r2, f2 = both[f]
        print(f"{f:<14}{p:>8.3f}{r:>7.3f}{f1:>7.3f}{p2:>10.3f}{r2:>7.3f}{f2:>7.3f}")
    m1 = sum(v[2] for v in rules.values()) / len(rules)
    m2 = sum(v[2] for v in both.values()) / len(both)
    print(f"{'mean F1':<14}{m1:>22.3f}{m2:>24.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--fold-weights", type=Path)
    ap.add_argument("--no-tune", action="store_true", help="skip the threshold search (minutes)")
    ap.add_argument(
        "--thresholds",
        type=json.loads,
        help="JSON thresholds: skip CV, train, write (no pair model: it needs the CV folds)",
    )
    args = ap.parse_args()
    score = load_score()
    pool, extra = load_texts()
    if args.thresholds:
        dump(train(pool, extra, {**DEFAULT, **FLOOR_SAFE, **args.thresholds}), OUT)
        return
    models = cv_models(pool, extra)
    rules = table(score, pool, predict(None, pool))
    if not args.no_tune:
        th = tune(score, pool, models)
        print_ablation(rules, table(score, pool, cv_predict(models, th)))
        print("thresholds:", json.dumps(th))
    th = {**DEFAULT, **FLOOR_SAFE}
    print("without the pair model:")
    print_ablation(rules, table(score, pool, cv_predict(models, th)))
    models, pair_rows = with_pairs(models, th)
    print("with the pair model:")
    print_ablation(rules, table(score, pool, cv_predict(models, th)))
    print("shipped thresholds:", json.dumps(th))
    if args.fold_weights:
        args.fold_weights.mkdir(parents=True, exist_ok=True)
        for k, (model, held) in enumerate(models):
            dump(with_thresholds(model, th), args.fold_weights / f"fold-{k}.json")
            (args.fold_weights / f"fold-{k}.ids").write_text("".join(t.id + "\n" for t in held))
    if not args.cv_only:
        dump({**train(pool, extra, th), "pair": {**fit(pair_rows, 1.0), **PAIR}}, OUT)


def dump(model: dict, path: Path) -> None:
    path.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    print(f"wrote {path} ({path.stat().st_size // 1024} KB)", file=sys.stderr)


if __name__ == "__main__":
    main()
