"""Outlet and leaning classifiers from framing features, beside TF-IDF and majority baselines.

Run by hand (it is not part of the test suite)::

    python benchmarks/classifiers.py [--only basil,allsides,article-bias] [--limit N]
                                     [--cv 5] [--seed 0] [--n-repeats 10]
                                     [--json out.json] [--cache-dir DIR | --no-cache]

Tasks
-----
* ``basil``: BASIL (100 events x fox/hpo/nyt, full articles), predict the
  *outlet*, 5-fold CV grouped by event (the three articles of an event are
  always in the same fold). Also a TF-IDF run with the outlet names masked
  (the articles name their own outlet: "told Fox News", "HuffPost reached
  out"), and the TF-IDF terms the baseline leans on.
* ``allsides``: the shipped AllSides roundups (469 events x left/center/right,
  title excluded, lead paragraphs only, ~90 words), predict the *leaning*,
  CV grouped by event. Outlets recur across events (Fox News is the right side
  88 times), so a second run groups by *outlet* and drops from training the
  other sides of every test event (test outlets and events unseen) to show how
  much of the score is outlet recognition.
* ``article-bias``: Article-Bias-Prediction (Baly et al. 2020), *media*
  split: test outlets are unseen. The shared copy has full text only for
  ``media/valid`` and ``media/test``, so the models are **trained on
  media/valid** (2,356 articles) and tested on media/test (1,300); the
  paper trains on media/train. media/valid is skewed (left 1,640, center 618,
  right 98) while media/test is not (right 599, left 402, center 299): a large
  handicap, reported beside the scores. The official split puts a few
  pseudo-outlets ("Guest Writer - Right", ...) in both parts. 95% intervals
  resample test outlets.

Framing features = ``attribution`` + ``loaded`` + ``sentiment`` + ``readability``
(:func:`framing.features.make`), columns named ``<set>__<feature>``.
Feature matrices are cached (``.npz``) under ``--cache-dir`` (default: the
system temp folder) keyed by the texts and a hash of the ``framing`` sources.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FRAMING_SHARED", REPO.parent / "shared"))
ALLSIDES = REPO / "corpora" / "allsides-roundups" / "allsides-roundups.jsonl"
FEATURE_SETS = ("attribution", "loaded", "sentiment", "readability")
TASKS = ("basil", "allsides", "article-bias")
LEANING_ORDER = ["left", "center", "right"]
BASIL_MASK = re.compile(r"\b(?:Fox News|FOX News|Fox|FOX|Huff(?:ington )?Post|HuffPo|"
                        r"(?:[Tt]he )?New York Times|NYT|Times)\b")
CHUNK = 64


#: The parts of ``framing`` the feature extractors depend on (hashed for the cache key).
FEATURE_CODE = ("__init__.py", "_nltk.py", "readability.py", "attribution", "data", "features",
                "lexicons", "text")


def code_fingerprint() -> str:
    """SHA-256 of the sources and data the feature extractors use (cache key part)."""
    digest = hashlib.sha256()
    root = REPO / "framing"
    paths = [p for part in FEATURE_CODE for p in
             ((root / part).rglob("*") if (root / part).is_dir() else [root / part])]
    for path in sorted(paths):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def texts_key(texts: list[str], sets: tuple[str, ...]) -> str:
    """Cache key of a feature matrix: texts, feature sets and framing sources."""
    digest = hashlib.sha256()
    digest.update(code_fingerprint().encode())
    digest.update(",".join(sets).encode())
    for t in texts:
        data = t.encode("utf-8")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:24]


def extract(texts: list[str], label: str, cache_dir: Path | None,
            sets: tuple[str, ...] = FEATURE_SETS) -> tuple[np.ndarray, list[str]]:
    """Framing feature matrix of ``texts`` (chunked, with progress, cached)."""
    from tqdm import tqdm

    from framing.features import make

    path = None
    if cache_dir is not None:
        path = cache_dir / f"{label}-{texts_key(texts, sets)}.npz"
        if path.is_file():
            data = np.load(path, allow_pickle=False)
            print(f"  features: cached {path}")
            return data["X"], [str(n) for n in data["names"]]
    transformers = [(name, make(name)) for name in sets]
    names = [f"{name}__{col}" for name, t in transformers
             for col in t.fit(texts[:1]).get_feature_names_out()]
    blocks = []
    t0 = time.perf_counter()
    for start in tqdm(range(0, len(texts), CHUNK), desc=f"  features {label}", unit="chunk",
                      file=sys.stderr):
        chunk = texts[start:start + CHUNK]  # all sets per chunk: the analysis cache is reused
        blocks.append(np.hstack([np.asarray(t.transform(chunk), dtype=np.float64)
                                 for _, t in transformers]))
    X = np.vstack(blocks)
    print(f"  features: {X.shape[0]} x {X.shape[1]} in {time.perf_counter() - t0:.1f} s")
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        np.savez_compressed(tmp, X=X, names=np.array(names))
        tmp.replace(path)
    return X, names


def top_terms(texts: list[str], y: list[str], k: int = 12, seed: int = 0) -> dict[str, list]:
    """The ``k`` TF-IDF terms with the largest coefficient per class (model fit on all data)."""
    from framing.models import make_model

    model = make_model("tfidf", seed).fit(texts, y)
    vec, clf = model.steps[0][1], model.steps[-1][1]
    vocab = vec.get_feature_names_out()
    coef = clf.coef_ if len(clf.classes_) > 2 else np.vstack([-clf.coef_[0], clf.coef_[0]])
    return {str(c): [str(vocab[i]) for i in np.argsort(-coef[j], kind="stable")[:k]]
            for j, c in enumerate(clf.classes_)}


def limit_events(articles: list, limit: int | None) -> list:
    """The first whole events holding at most ``limit`` articles (all when None)."""
    if limit is None:
        return articles
    order: dict[str, list] = {}
    for a in articles:
        order.setdefault(a.event, []).append(a)
    out: list = []
    for group in order.values():
        if len(out) + len(group) > limit:
            break
        out.extend(group)
    return out


def show(frame: Any, reports: dict[str, Any], top: int) -> None:
    """Print the comparison table, the top features and the confusion matrices."""
    import pandas as pd

    with pd.option_context("display.width", 120, "display.float_format", "{:.3f}".format):
        print(frame.to_string())
        for name, r in reports.items():
            if r.importance_mean is not None:
                over = "folds x repeats" if r.n_splits > 1 else "repeats, on the test part"
                print(f"\n  top {top} features by permutation importance ({name}, "
                      f"drop in {r.scoring}; mean ± sd over {over}):")
                print(r.top_features(top).to_string())
        for name, r in reports.items():
            where = "pooled out-of-fold" if r.n_splits > 1 else "test part"
            print(f"\n  confusion ({name}; rows true, columns predicted, {where}):")
            print(r.confusion_frame().to_string())


def cv_task(texts: list[str], X: np.ndarray, names: list[str], y: list[str], groups: list[str],
            args: argparse.Namespace, labels: list[str] | None = None,
            extra_text: dict[str, list[str]] | None = None) -> tuple[Any, dict[str, Any]]:
    """Framing features vs TF-IDF (and variants) vs majority on the same grouped folds."""
    from framing.models import compare_to_baselines, comparison_table, tfidf_baseline

    t0 = time.perf_counter()
    _, reports = compare_to_baselines(texts, X, y, groups, names, cv=args.cv, seed=args.seed,
                                      n_repeats=args.n_repeats, labels=labels,
                                      return_reports=True)
    for name, variant in (extra_text or {}).items():
        reports[name] = tfidf_baseline(variant, y, groups, cv=args.cv, seed=args.seed,
                                       labels=labels)
    frame = comparison_table(reports)
    print(f"  ({time.perf_counter() - t0:.1f} s)")
    return frame, reports


def run_basil(args: argparse.Namespace, cache: Path | None) -> dict[str, Any]:
    from framing.corpora import read_basil

    articles = limit_events(read_basil(SHARED / "data" / "basil"), args.limit)
    texts = [a.text for a in articles]
    y = [a.outlet for a in articles]
    groups = [a.event for a in articles]
    print(f"\n== BASIL: outlet (fox/hpo/nyt), {len(texts)} articles, {len(set(groups))} events, "
          f"{args.cv}-fold CV grouped by event ==")
    X, names = extract(texts, "basil", cache)
    masked = [BASIL_MASK.sub("OUTLET", t) for t in texts]
    frame, reports = cv_task(texts, X, names, y, groups, args,
                             extra_text={"tfidf (outlet names masked)": masked})
    show(frame, reports, args.top)
    terms = top_terms(texts, y, seed=args.seed)
    print("\n  TF-IDF terms with the largest coefficients (fit on all articles):")
    for label, words in terms.items():
        print(f"    {label}: {', '.join(words)}")
    return {"table": frame.reset_index().to_dict(orient="records"),
            "reports": {k: r.to_dict() for k, r in reports.items()},
            "tfidf_top_terms": terms, "n_events": len(set(groups))}


def run_allsides(args: argparse.Namespace, cache: Path | None) -> dict[str, Any]:
    from framing.corpora import read_articles
    from framing.models import (
        comparison_table,
        evaluate_classifier,
        majority_baseline,
        tfidf_baseline,
    )

    articles = limit_events(read_articles(ALLSIDES), args.limit)
    texts = [a.text for a in articles]
    y = [a.leaning for a in articles]
    groups = [a.event for a in articles]
    outlets = [a.outlet or "" for a in articles]
    print(f"\n== AllSides roundups: leaning (left/center/right), {len(texts)} articles, "
          f"{len(set(groups))} events, {len(set(outlets))} outlets, {args.cv}-fold CV grouped "
          "by event ==")
    X, names = extract(texts, "allsides", cache)
    frame, reports = cv_task(texts, X, names, y, groups, args, labels=LEANING_ORDER)
    show(frame, reports, args.top)
    print(f"\n-- same, {args.cv}-fold CV grouped by OUTLET, events purged (test outlets and "
          "test events unseen in training) --")
    common = {"cv": args.cv, "seed": args.seed, "labels": LEANING_ORDER, "purge": groups}
    by_outlet = {
        "framing features": evaluate_classifier(X, y, outlets, n_repeats=0, feature_names=names,
                                                **common),
        "tfidf": tfidf_baseline(texts, y, outlets, **common),
        "majority": majority_baseline(y, outlets, **common),
    }
    print("  training articles per fold: "
          + ", ".join(str(n) for n in by_outlet["tfidf"].extra["n_train"]))
    outlet_frame = comparison_table(by_outlet)
    print(outlet_frame.to_string(float_format="{:.3f}".format))
    return {"table": frame.reset_index().to_dict(orient="records"),
            "reports": {k: r.to_dict() for k, r in reports.items()},
            "grouped_by_outlet": {
                "table": outlet_frame.reset_index().to_dict(orient="records"),
                "reports": {k: r.to_dict() for k, r in by_outlet.items()}},
            "n_events": len(set(groups)), "n_outlets": len(set(outlets))}


def run_article_bias(args: argparse.Namespace, cache: Path | None) -> dict[str, Any]:
    from framing.corpora import read_article_bias
    from framing.models import comparison_table, evaluate_split

    root = SHARED / "data" / "article-bias-prediction-allsides"
    train = list(read_article_bias(root, "media/valid"))
    test = list(read_article_bias(root, "media/test"))
    if args.limit is not None:
        train, test = train[:args.limit], test[:args.limit]
    train_outlets = {a.outlet for a in train}
    test_outlets = {a.outlet for a in test}
    print(f"\n== Article-Bias-Prediction media split: leaning, TRAIN on media/valid "
          f"({len(train)} articles, {len(train_outlets)} outlets; media/train has no full text "
          f"in the shared copy), TEST on media/test ({len(test)} articles, {len(test_outlets)} "
          f"outlets, {len(train_outlets & test_outlets)} shared with training) ==")
    shared = sorted(str(o) for o in train_outlets & test_outlets)
    if shared:
        n_shared = sum(a.outlet in train_outlets for a in test)
        print(f"  outlets in both parts (as in the official split): {', '.join(shared)} "
              f"({n_shared} test articles)")
    for part, arts in (("train", train), ("test", test)):
        counts = {lab: sum(a.leaning == lab for a in arts) for lab in LEANING_ORDER}
        print(f"  {part} labels: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    tr_texts, te_texts = [a.text for a in train], [a.text for a in test]
    y_tr, y_te = [a.leaning for a in train], [a.leaning for a in test]
    g_te = [a.outlet or "" for a in test]
    X_tr, names = extract(tr_texts, "article-bias-media-valid", cache)
    X_te, _ = extract(te_texts, "article-bias-media-test", cache)
    t0 = time.perf_counter()
    common = {"seed": args.seed, "labels": LEANING_ORDER, "test_groups": g_te,
              "split": "official media split: train media/valid, test media/test"}
    reports = {
        "framing features": evaluate_split(X_tr, y_tr, X_te, y_te, feature_names=names,
                                           n_repeats=args.n_repeats, **common),
        "tfidf": evaluate_split(tr_texts, y_tr, te_texts, y_te, model="tfidf", **common),
        "majority": evaluate_split(np.zeros((len(y_tr), 1)), y_tr, np.zeros((len(y_te), 1)),
                                   y_te, model="majority", n_repeats=0, **common),
    }
    print(f"  ({time.perf_counter() - t0:.1f} s)")
    frame = comparison_table(reports).drop(columns=["accuracy_sd", "macro_f1_sd"])
    for name, r in reports.items():
        boot = r.extra["bootstrap"]
        frame.loc[name, "macro_f1_ci95"] = "[{:.3f}, {:.3f}]".format(*boot["macro_f1_ci95"])
        frame.loc[name, "accuracy_ci95"] = "[{:.3f}, {:.3f}]".format(*boot["accuracy_ci95"])
    print("  95% intervals: bootstrap over the test outlets")
    show(frame, reports, args.top)
    return {"table": frame.reset_index().to_dict(orient="records"),
            "reports": {k: r.to_dict() for k, r in reports.items()},
            "n_train_outlets": len(train_outlets), "n_test_outlets": len(test_outlets),
            "shared_outlets": shared,
            "label_counts": {part: {lab: sum(a.leaning == lab for a in arts)
                                    for lab in LEANING_ORDER}
                             for part, arts in (("train", train), ("test", test))}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(TASKS),
                        help=f"comma-separated tasks among {', '.join(TASKS)}")
    parser.add_argument("--limit", type=int, help="at most N articles per corpus (whole "
                        "events; per split for article-bias), for quick runs")
    parser.add_argument("--cv", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--n-repeats", type=int, default=10,
                        help="permutation-importance shuffles per feature and fold")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--json", help="write all results to this file")
    parser.add_argument("--cache-dir", type=Path,
                        default=Path(tempfile.gettempdir()) / "framing-benchmark-cache")
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args(argv)
    tasks = [t.strip() for t in args.only.split(",") if t.strip()]
    unknown = sorted(set(tasks) - set(TASKS))
    if unknown:
        parser.error(f"unknown task(s) {unknown}; valid: {', '.join(TASKS)}")
    cache = None if args.no_cache else args.cache_dir
    runners = {"basil": run_basil, "allsides": run_allsides, "article-bias": run_article_bias}
    results: dict[str, Any] = {"settings": {"cv": args.cv, "seed": args.seed,
                                            "n_repeats": args.n_repeats, "limit": args.limit,
                                            "feature_sets": list(FEATURE_SETS)}}
    for task in tasks:
        if task != "allsides" and not SHARED.joinpath("data").is_dir():
            print(f"\n== {task}: skipped, {SHARED / 'data'} not found ==")
            continue
        results[task] = runners[task](args, cache)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, sort_keys=True,
                                              ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
