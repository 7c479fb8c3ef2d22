"""Benchmark :class:`framing.features.loaded_tagger.LoadedWordTagger` against annotated words.

Run by hand (it is not part of the test suite)::

    python benchmarks/loaded_words.py [--data ../shared/data] [--model model.json]
                                      [--threshold T] [--json out.json]

Data and splits
---------------
The test items are the ones the model never saw: the split is recomputed
from the seed and split kind stored in the model file
(:func:`framing.features.loaded_tagger.split_of`: a seeded SHA-256 hash of
the item key, 70 % train / 10 % dev / 20 % test).

* **BABE SG2** (expert ``biased_words``) and **MBIC** (crowd
  ``biased_words`` on the SG1 sentences): test sentences only. A sentence's
  key is its whitespace-collapsed text, so an MBIC sentence is in test exactly
  when the same SG2 sentence is.
* **PTC** ``Loaded_Language``: test articles of the PTC v2 train release
  (split by article id).
* **BASIL** lexical-bias spans: all 300 articles (BASIL is never used in
  training).

Scoring
-------
Token-level over *word tokens* (``framing.text.WORD_RE`` on the text):
a token is *gold-positive* when it overlaps (shares at least one character
with) a gold span (a ``biased_word`` span or a ``Loaded_Language`` span);
a token is *predicted* when the tagger gives it a probability at or above
the threshold. P = TP / predicted, R = TP / gold-positive, micro-averaged
over all tokens of the set. Closed-class words and numbers are never
predicted (so PTC recall is capped: about a third of its gold tokens are
function words inside phrases such as "a complete travesty of justice").

BASIL: a lexical span counts as *found* when at least one predicted token
overlaps it; reported per outlet (fox/hpo/nyt) with the tagged-word rate and
the share of tagged words inside any lexical span.

Baselines (same tokens, same rule, no learning): a token is predicted when it
overlaps a match of ``recasens_bias`` (Recasens et al. 2013 bias lexicon: 654
lemmas of Wikipedia NPOV edits, many of them common words such as
"government"), of the Hu & Liu ``opinion_positive``/``opinion_negative``
lists, or of either
(matched by :class:`framing.features.matcher.LexiconMatcher`, with
inflections, negated matches included; closed-class words excluded as for
the tagger).

Reference point: Spinde et al. (2021, MBIC) report F1 0.43 for their
feature-based biased-word detector (not the same split or token rule).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"


def lexicon_predictor(names: tuple[str, ...]) -> Callable[[str], tuple[np.ndarray, np.ndarray]]:
    """``text -> (spans, predicted)``: tokens overlapping a match of the named lexicons."""
    from framing.attribution.cues import lower_same_length
    from framing.features.loaded_tagger import gold_tokens, token_features
    from framing.features.matcher import LexiconMatcher
    from framing.lexicons.loading import load

    cats: dict[str, set[str]] = {}
    for name in names:
        for cat, terms in load(name).categories.items():
            cats.setdefault(cat, set()).update(terms)
    matcher = LexiconMatcher(cats)

    def predict(text: str) -> tuple[np.ndarray, np.ndarray]:
        tf = token_features(text)
        matches = matcher.match(text, lower_same_length(text))
        hit = gold_tokens(tf.spans, [(m.start, m.end) for m in matches])
        return tf.spans, hit & ~tf.stop

    return predict


def tagger_predictor(tagger) -> Callable[[str], tuple[np.ndarray, np.ndarray]]:
    """``text -> (spans, predicted)`` with the tagger's threshold."""
    threshold = tagger._threshold()

    def predict(text: str) -> tuple[np.ndarray, np.ndarray]:
        spans, probs, _ = tagger.token_probabilities(text)
        return spans, probs >= threshold

    return predict


def score_set(predict, docs: list[tuple[str, list[tuple[int, int]]]]) -> dict:
    """Token-level P/R/F1 of ``predict`` over ``(text, gold spans)`` documents."""
    from framing.features.loaded_tagger import gold_tokens, prf

    preds, golds = [], []
    for text, gold in docs:
        spans, pred = predict(text)
        preds.append(pred)
        golds.append(gold_tokens(spans, gold))
    if not preds:
        return {}
    out = prf(np.concatenate(preds), np.concatenate(golds))
    out["docs"] = len(docs)
    return out


def score_basil(predict, articles) -> dict:
    """Lexical spans found (a predicted token overlaps the span), per outlet."""
    from framing.features.loaded_tagger import gold_tokens

    out: dict[str, dict] = {}
    for art in articles:
        spans, pred = predict(art.text)
        lexical = [(a.start, a.end) for a in art.annotations if a.label == "lexical"]
        row = out.setdefault(art.outlet or "?", {"articles": 0, "lexical_spans": 0, "found": 0,
                                                 "tagged_words": 0, "tagged_in_lexical": 0,
                                                 "words": 0})
        row["articles"] += 1
        row["words"] += len(spans)
        row["tagged_words"] += int(pred.sum())
        in_lex = gold_tokens(spans, lexical)
        row["tagged_in_lexical"] += int((pred & in_lex).sum())
        pred_spans = spans[pred]
        for s, e in lexical:
            row["lexical_spans"] += 1
            if len(pred_spans) and bool(((pred_spans[:, 0] < e) & (pred_spans[:, 1] > s)).any()):
                row["found"] += 1
    total = {k: sum(r[k] for r in out.values()) for k in next(iter(out.values()))}
    out = {k: out[k] for k in sorted(out)}
    out["all"] = total
    for row in out.values():
        row["found_share"] = round(row["found"] / row["lexical_spans"], 4) \
            if row["lexical_spans"] else None
        row["tagged_per_1k"] = round(1000 * row["tagged_words"] / row["words"], 2) \
            if row["words"] else None
        row["tagged_in_lexical_share"] = round(row["tagged_in_lexical"] / row["tagged_words"], 4) \
            if row["tagged_words"] else None
    return out


def run(data: Path, model_path: str | None, threshold: float | None) -> dict:
    """All evaluation blocks for the tagger and the two lexicon baselines."""
    from framing.corpora.basil import read_basil
    from framing.features import loaded_tagger as lt

    tagger = lt.LoadedWordTagger(threshold=threshold, model_path=model_path)
    model = tagger._model()
    split = model.meta["training"]["split"]
    seed = int(model.meta["training"]["seed"])
    babe = lt._babe_items(data)
    ptc = lt._ptc_items(data)
    limit = model.meta["training"]["data"].get("limit")
    if limit is not None:
        babe, ptc = babe[:limit], ptc[:max(limit // 10, 1)]
    lt._assign_splits(babe, seed, split["babe"])
    lt._assign_splits(ptc, seed, "sentence")
    sets = {
        "babe_sg2": [(it.text, it.gold["sg2"]) for it in babe
                     if it.split == "test" and "sg2" in it.gold],
        "mbic": [(it.text, it.gold["mbic"]) for it in babe
                 if it.split == "test" and "mbic" in it.gold],
        "ptc": [(it.text, it.gold["ptc"]) for it in ptc if it.split == "test"],
    }
    basil = read_basil(data / "basil")
    systems = {
        "tagger": tagger_predictor(tagger),
        "lexicon:recasens_bias": lexicon_predictor(("recasens_bias",)),
        "lexicon:opinion": lexicon_predictor(("opinion_positive", "opinion_negative")),
        "lexicon:recasens+opinion": lexicon_predictor(("recasens_bias", "opinion_positive",
                                                       "opinion_negative")),
    }
    results: dict = {"model": model_path or "shipped", "threshold": tagger._threshold(),
                     "split": split, "seed": seed, "systems": {}}
    for name, predict in systems.items():
        t0 = time.perf_counter()
        block = {k: score_set(predict, docs) for k, docs in sets.items()}
        block["basil"] = score_basil(predict, basil)
        block["seconds"] = round(time.perf_counter() - t0, 1)
        results["systems"][name] = block
    return results


def print_table(results: dict) -> None:
    """A plain-text summary."""
    print(f"model: {results['model']}  threshold {results['threshold']}  "
          f"split: {results['split']['babe']} (BABE), article (PTC), seed {results['seed']}")
    print(f"{'system':28s} {'set':9s} {'docs':>5s} {'P':>6s} {'R':>6s} {'F1':>6s} "
          f"{'TP':>6s} {'FP':>6s} {'FN':>6s}")
    for name, block in results["systems"].items():
        for key in ("babe_sg2", "mbic", "ptc"):
            r = block.get(key)
            if not r:
                continue
            print(f"{name:28s} {key:9s} {r['docs']:5d} {r['precision']:6.3f} {r['recall']:6.3f} "
                  f"{r['f1']:6.3f} {r['tp']:6d} {r['fp']:6d} {r['fn']:6d}")
    print()
    print(f"{'BASIL lexical spans found':28s} {'outlet':6s} {'spans':>6s} {'found':>6s} "
          f"{'share':>6s} {'tag/1k':>7s} {'in-lex':>7s}")
    for name, block in results["systems"].items():
        for outlet, r in block["basil"].items():
            print(f"{name:28s} {outlet:6s} {r['lexical_spans']:6d} {r['found']:6d} "
                  f"{r['found_share']:6.3f} {r['tagged_per_1k']:7.1f} "
                  f"{(r['tagged_in_lexical_share'] or 0):7.3f}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared/data folder")
    ap.add_argument("--model", default=None, help="model JSON (default: the shipped model)")
    ap.add_argument("--threshold", type=float, default=None,
                    help="probability threshold (default: the model's)")
    ap.add_argument("--json", type=Path, default=None, help="write the results here")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"shared data not found: {args.data} (use --data)", file=sys.stderr)
        return 2
    results = run(args.data, args.model, args.threshold)
    print_table(results)
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
