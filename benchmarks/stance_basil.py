"""Evaluate ``framing.stance`` on BASIL: article-level feelings and phrase-level polarity.

Run by hand (it is not part of the test suite)::

    python benchmarks/stance_basil.py [--root DIR] [--json [PATH]] [--tune] [--half test|tune|all]

Data
----
BASIL v2 (Fan et al., EMNLP 2019), read with :func:`framing.corpora.read_basil`:
100 events, each with a Fox News, a HuffPost and a New York Times article.

Split
-----
The events are sorted by the SHA-256 of their id (the triplet uuid). The
first 50 events form the **tuning** half and the other 50 the **held-out**
half. ``framing.stance``'s ``WEIGHTS``, ``THRESHOLDS`` and ``WINDOW`` were
chosen on the tuning half (``--tune`` redoes the grid search and prints the
best setting). The numbers to quote are those of the held-out half, which is
the default ``--half test``.

Article level
-------------
Each article's ``meta["main_entities"]`` lists its main entities. The
annotation file gives, per entity, ``author_feeling_<Entity_Name>`` (how the
article's author feels about the entity) and ``you_feeling_<Entity_Name>``
(how the annotator feels). In the data, ``author_feeling`` values are
``neg``/``neu``/``pos`` (612 entity labels: 126/463/23). ``you_feeling``
values are ``str-neg``/``sli-neg``/``neu``/``sli-pos``/``str-pos`` (600 of
612 are ``neu``). Both map to negative/neutral/positive, with the strength
dropped. ``author_feeling_main_event`` is not about an entity and is not
used. For each (article, entity) pair, ``stance_toward(text, entity,
aliases)`` predicts a label. The entity is the ``main_entities`` string, and
the aliases come from :func:`aliases_for`, a few generic group aliases such
as ``Republicans`` for "Republican lawmakers". The scores are accuracy and
macro-F1 over the three labels, against the majority baseline: the most
frequent label of the tuning half, predicted for every pair.

Phrase level
------------
Each bias span has a ``target`` and the ``polarity`` (``pos``/``neg``) of the
bias toward that target. The prediction is the sign of the VADER compound
score of the span's sentence: ``>= 0.05`` is pos, ``<= -0.05`` is neg, and a
neutral sentence gets the majority polarity. The same is done for the span's
own text. The baseline is the tuning half's majority polarity. The report
also gives *coverage*, the share of spans whose sentence is not neutral, and
the accuracy on those spans.

Output: a table, and with ``--json`` a JSON document (``-`` or no path:
stdout).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

LABELS = ("negative", "neutral", "positive")
_AUTHOR = {"neg": "negative", "neu": "neutral", "pos": "positive"}
_YOU = {"str-neg": "negative", "sli-neg": "negative", "neu": "neutral", "sli-pos": "positive",
        "str-pos": "positive"}
# $FRAMING_SHARED/data/basil, else <repo>/../shared/data/basil (as the other benchmarks)
DEFAULT_ROOT = Path(os.environ.get("FRAMING_SHARED", Path(__file__).resolve().parents[1].parent
                                   / "shared")) / "data" / "basil"


def split_events(events: Sequence[str]) -> tuple[list[str], list[str]]:
    """``(tuning, held_out)``: the events sorted by SHA-256 of their id, first half / second half."""
    ordered = sorted(set(events), key=lambda e: hashlib.sha256(e.encode("utf-8")).hexdigest())
    half = len(ordered) // 2
    return sorted(ordered[:half]), sorted(ordered[half:])


def aliases_for(entity: str) -> tuple[str, ...]:
    """Generic aliases for BASIL group entities ("Republican lawmakers" -> "Republicans", ...).

    A ``/`` in the name separates alternatives (``Law_enforcement/Federal_authorities``).
    """
    name = " ".join(entity.replace("_", " ").split())
    out: list[str] = [p.strip() for p in name.split("/")[1:] if p.strip()]
    low = name.lower()
    if "republican" in low and "campaign" not in low:
        out += ["Republicans", "GOP", "GOP lawmakers", "GOP leaders"]
    if "democrat" in low and "campaign" not in low:
        out += ["Democrats"]
    if low.endswith(" administration"):
        out += ["the administration"]
    if low.endswith(" campaign"):
        out += ["the campaign"]
    return tuple(dict.fromkeys(out))


def entity_name(entity: str) -> str:
    """The entity as searched: underscores as spaces, the part before a ``/``."""
    return " ".join(entity.replace("_", " ").split("/")[0].split())


def article_items(articles: Sequence[Any]) -> list[dict[str, Any]]:
    """One item per (article, main entity) with its author and annotator feelings."""
    items = []
    for a in articles:
        labels = a.meta.get("article_level_annotations") or {}
        for entity in a.meta.get("main_entities") or []:
            key = entity.replace(" ", "_")
            author = labels.get(f"author_feeling_{key}")
            you = labels.get(f"you_feeling_{key}")
            if author is None and you is None:
                continue
            items.append({"article": a.id, "event": a.event, "outlet": a.outlet,
                          "entity": entity, "author": _AUTHOR.get(str(author)),
                          "you": _YOU.get(str(you)), "text": a.text})
    return items


def phrase_items(articles: Sequence[Any]) -> list[dict[str, Any]]:
    """One item per bias span with a target and a pos/neg polarity."""
    items = []
    for a in articles:
        sentences = a.meta.get("sentences") or []
        for ann in a.annotations:
            pol = str(ann.attrs.get("polarity", "")).strip().lower()
            target = str(ann.attrs.get("target", "")).strip()
            if pol not in ("pos", "neg") or not target:
                continue
            k = ann.attrs.get("sentence_index")
            s, e = (sentences[k][0], sentences[k][1]) if k is not None else (ann.start, ann.end)
            items.append({"article": a.id, "event": a.event, "target": target,
                          "polarity": pol, "span": a.text[ann.start:ann.end],
                          "sentence": a.text[s:e], "quote": ann.attrs.get("quote")})
    return items


# ------------------------------------------------------------------------------- metrics

def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float | None:
    """Share of equal labels (None for no items)."""
    if not gold:
        return None
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS
             ) -> float | None:
    """Unweighted mean F1 over ``labels`` (a label with no gold and no prediction scores 0)."""
    if not gold:
        return None
    scores = []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def confusion(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS
              ) -> dict[str, dict[str, int]]:
    """``[gold][pred]`` counts."""
    out = {g: dict.fromkeys(labels, 0) for g in labels}
    for g, p in zip(gold, pred, strict=True):
        out[g][p] += 1
    return out


def majority(labels: Sequence[str]) -> str:
    """Most frequent label (ties: first in sorted order)."""
    counts = Counter(labels)
    return min(counts, key=lambda k: (-counts[k], k))


def _block(gold: list[str], pred: list[str], base: str) -> dict[str, Any]:
    return {"n": len(gold), "gold_counts": dict(sorted(Counter(gold).items())),
            "pred_counts": dict(sorted(Counter(pred).items())),
            "accuracy": accuracy(gold, pred), "macro_f1": macro_f1(gold, pred),
            "majority_label": base, "majority_accuracy": accuracy(gold, [base] * len(gold)),
            "majority_macro_f1": macro_f1(gold, [base] * len(gold)),
            "confusion": confusion(gold, pred)}


# ------------------------------------------------------------------------------- runs

def score_articles(items: list[dict[str, Any]], **kwargs: Any) -> list[Any]:
    """``stance_toward`` for every article item (kwargs go to ``stance_toward``)."""
    from framing.stance import stance_toward

    return [stance_toward(it["text"], entity_name(it["entity"]), aliases_for(it["entity"]),
                          **kwargs) for it in items]


def _sign(compound: float, default: str) -> str:
    if compound >= 0.05:
        return "pos"
    if compound <= -0.05:
        return "neg"
    return default


def evaluate_phrases(items: list[dict[str, Any]], base: str) -> dict[str, Any]:
    """Sign of the VADER compound score of each span's sentence (and of the span) vs polarity."""
    from framing.features.sentiment import _vader

    vader = _vader()
    gold = [it["polarity"] for it in items]
    out: dict[str, Any] = {"n": len(gold), "gold_counts": dict(sorted(Counter(gold).items())),
                           "majority_label": base,
                           "majority_accuracy": accuracy(gold, [base] * len(gold))}
    for unit in ("sentence", "span"):
        comp = [float(vader.polarity_scores(it[unit])["compound"]) for it in items]
        pred = [_sign(c, base) for c in comp]
        covered = [i for i, c in enumerate(comp) if abs(c) >= 0.05]
        out[unit] = {
            "accuracy": accuracy(gold, pred),
            "macro_f1": macro_f1(gold, pred, ("neg", "pos")),
            "coverage": len(covered) / len(gold) if gold else None,
            "accuracy_on_covered": accuracy([gold[i] for i in covered],
                                            [pred[i] for i in covered]),
        }
    return out


def _macro_f1_codes(gold: Any, pred: Any) -> float:
    """Macro-F1 over 3 classes coded 0/1/2 (numpy arrays)."""
    import numpy as np

    cm = np.bincount(gold * 3 + pred, minlength=9).reshape(3, 3)
    tp = np.diag(cm)
    denom = cm.sum(0) + cm.sum(1)
    return float(np.mean(np.where(tp > 0, 2 * tp / np.maximum(denom, 1), 0.0)))


def tune(items: list[dict[str, Any]], key: str = "author") -> dict[str, Any]:
    """Grid search of window, weights and thresholds for macro-F1 on ``items``.

    Windows 0 and 1; weights (sentiment, opinion, cues) equal or with one of
    them doubled (every component keeps a say: a finer grid over-fits the
    13 positive labels of the tuning half); thresholds on a 0.025 grid in
    [-0.9, 0.9]. Ties keep the first setting found (smaller window, then grid
    order).
    """
    import numpy as np

    keep = [it for it in items if it[key] is not None]
    gold = np.array([LABELS.index(it[key]) for it in keep])
    best: dict[str, Any] = {"macro_f1": -1.0}
    weight_grid = [(1 / 3, 1 / 3, 1 / 3), (0.5, 0.25, 0.25), (0.25, 0.5, 0.25),
                   (0.25, 0.25, 0.5)]
    t_grid = [round(x * 0.025, 3) for x in range(-36, 37)]
    for window in (0, 1):
        results = score_articles(keep, window=window)
        comps = np.array([[r.sentiment, r.opinion, r.cues] for r in results])
        has = np.array([r.n_mentions > 0 for r in results])
        for w in weight_grid:
            scores = np.clip(comps @ np.array(w), -1.0, 1.0)
            for t_neg, t_pos in itertools.product(t_grid, t_grid):
                if t_pos <= t_neg:
                    continue
                pred = np.where(scores <= t_neg, 0, np.where(scores >= t_pos, 2, 1))
                pred = np.where(has, pred, 1)
                f1 = _macro_f1_codes(gold, pred)
                if f1 > best["macro_f1"] + 1e-12:
                    best = {"macro_f1": f1, "accuracy": float(np.mean(pred == gold)),
                            "window": window, "weights": [round(x, 4) for x in w],
                            "thresholds": [t_neg, t_pos]}
    return best


def run(root: Path, half: str = "test", do_tune: bool = False) -> dict[str, Any]:
    """All metrics as a JSON-ready dict."""
    from framing.corpora import read_basil
    from framing.stance import THRESHOLDS, WEIGHTS, WINDOW

    articles = read_basil(root)
    tune_events, test_events = split_events([a.event for a in articles])
    chosen = {"tune": set(tune_events), "test": set(test_events),
              "all": set(tune_events) | set(test_events)}[half]
    tune_articles = [a for a in articles if a.event in set(tune_events)]
    eval_articles = [a for a in articles if a.event in chosen]

    tune_items = article_items(tune_articles)
    items = article_items(eval_articles)
    results = score_articles(items)
    out: dict[str, Any] = {
        "half": half, "n_events": len(chosen), "n_articles": len(eval_articles),
        "config": {"window": WINDOW, "weights": list(WEIGHTS), "thresholds": list(THRESHOLDS),
                   "split": "events sorted by sha256(event id); first 50 = tune, rest = test"},
        "mention_coverage": sum(r.n_mentions > 0 for r in results) / len(results),
    }
    for key in ("author", "you"):
        keep = [i for i, it in enumerate(items) if it[key] is not None]
        gold = [items[i][key] for i in keep]
        pred = [results[i].label for i in keep]
        base = majority([it[key] for it in tune_items if it[key] is not None])
        out[f"article_{key}_feeling"] = _block(gold, pred, base)
    by_outlet: dict[str, Any] = {}
    for outlet in sorted({it["outlet"] for it in items}):
        keep = [i for i, it in enumerate(items) if it["outlet"] == outlet and it["author"]]
        gold = [items[i]["author"] for i in keep]
        pred = [results[i].label for i in keep]
        by_outlet[outlet] = {"n": len(gold), "accuracy": accuracy(gold, pred),
                             "macro_f1": macro_f1(gold, pred)}
    out["article_author_feeling_by_outlet"] = by_outlet
    phrase_base = majority([it["polarity"] for it in phrase_items(tune_articles)])
    out["phrase_polarity"] = evaluate_phrases(phrase_items(eval_articles), phrase_base)
    if do_tune:
        out["tuned_on_tune_half"] = tune(tune_items)
    return out


def _fmt(x: Any) -> str:
    return "-" if x is None else f"{x:.3f}"


def format_table(m: dict[str, Any]) -> str:
    """The metrics as a plain-text table."""
    lines = [f"BASIL stance ({m['half']} half: {m['n_events']} events, {m['n_articles']} "
             f"articles); window={m['config']['window']} weights={m['config']['weights']} "
             f"thresholds={m['config']['thresholds']}",
             f"entity mentioned in the article: {_fmt(m['mention_coverage'])}", "",
             f"{'task':<34}{'n':>6}{'acc':>8}{'macroF1':>9}{'maj acc':>9}{'maj F1':>8}"]
    for key, name in (("author", "author_feeling (article)"), ("you", "you_feeling (article)")):
        b = m[f"article_{key}_feeling"]
        lines.append(f"{name:<34}{b['n']:>6}{_fmt(b['accuracy']):>8}{_fmt(b['macro_f1']):>9}"
                     f"{_fmt(b['majority_accuracy']):>9}{_fmt(b['majority_macro_f1']):>8}")
    p = m["phrase_polarity"]
    for unit in ("sentence", "span"):
        u = p[unit]
        lines.append(f"{'phrase polarity, VADER ' + unit:<34}{p['n']:>6}{_fmt(u['accuracy']):>8}"
                     f"{_fmt(u['macro_f1']):>9}{_fmt(p['majority_accuracy']):>9}{'':>8}")
    lines.append("")
    b = m["article_author_feeling"]
    lines.append(f"author_feeling gold {b['gold_counts']}  predicted {b['pred_counts']}  "
                 f"majority = {b['majority_label']}")
    lines.append("confusion [gold][pred]: " + json.dumps(b["confusion"]))
    lines.append("by outlet: " + ", ".join(
        f"{o} n={v['n']} acc={_fmt(v['accuracy'])} F1={_fmt(v['macro_f1'])}"
        for o, v in m["article_author_feeling_by_outlet"].items()))
    lines.append(f"phrase polarity gold {p['gold_counts']} majority = {p['majority_label']}; "
                 + "; ".join(f"{u}: coverage {_fmt(p[u]['coverage'])}, accuracy on covered "
                             f"{_fmt(p[u]['accuracy_on_covered'])}" for u in ("sentence", "span")))
    if "tuned_on_tune_half" in m:
        lines.append("grid search on the tuning half: " + json.dumps(m["tuned_on_tune_half"]))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Evaluate framing.stance on BASIL.")
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the BASIL folder")
    ap.add_argument("--half", choices=("test", "tune", "all"), default="test",
                    help="which events to report on (default: the held-out half)")
    ap.add_argument("--tune", action="store_true",
                    help="also grid-search window, weights and thresholds on the tuning half")
    ap.add_argument("--json", nargs="?", const="-", default=None, metavar="PATH",
                    help="write the metrics as JSON (to stdout without PATH)")
    args = ap.parse_args(argv)
    metrics = run(args.root, args.half, args.tune)
    if args.json is None:
        print(format_table(metrics))
    else:
        text = json.dumps(metrics, indent=2, sort_keys=True)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text + "\n", encoding="utf-8")
            print(format_table(metrics))
    return 0


if __name__ == "__main__":
    sys.exit(main())
