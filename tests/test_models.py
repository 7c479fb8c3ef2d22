"""Tests of ``framing.models``: cross-validated classifiers, baselines and reports."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from framing.models import (
    ClassifierReport,
    compare_to_baselines,
    cv_folds,
    evaluate_classifier,
    evaluate_split,
    majority_baseline,
    make_model,
    tfidf_baseline,
)


def separable(n_per_class: int = 40, seed: int = 0) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Three classes told apart by one column; four noise columns."""
    rng = np.random.default_rng(seed)
    y = np.repeat(["a", "b", "c"], n_per_class)
    signal = np.select([y == "a", y == "b"], [0.0, 1.0], 2.0) + rng.normal(0, 0.1, len(y))
    X = np.c_[rng.normal(size=len(y)), signal, rng.normal(size=(len(y), 3))]
    return X, y, ["noise0", "signal", "noise1", "noise2", "noise3"]


def events(n_events: int) -> np.ndarray:
    """Three articles (one per class) per event, in the order of :func:`separable`."""
    return np.tile([f"e{i}" for i in range(n_events)], 3)


def test_separable_data_is_learned_and_the_signal_ranks_first():
    X, y, names = separable()
    report = evaluate_classifier(X, y, events(40), feature_names=names, n_repeats=5)
    assert report.accuracy > 0.95 and report.macro_f1 > 0.95
    assert report.top_features(1).index[0] == "signal"
    imp = report.importance()
    assert imp.loc["signal", "importance_mean"] > 0.3
    assert (imp.drop(index="signal")["importance_mean"].abs() < 0.05).all()
    assert report.labels == ["a", "b", "c"]
    assert report.confusion.shape == (3, 3) and report.confusion.sum() == len(y)
    assert np.trace(report.confusion) / len(y) == pytest.approx(report.pooled_accuracy)
    assert report.per_class["b"]["support"] == 40
    assert len(report.fold_accuracy) == 5 and report.n_splits == 5


def test_dataframe_columns_name_the_features():
    X, y, names = separable()
    report = evaluate_classifier(pd.DataFrame(X, columns=names), y, n_repeats=2)
    assert report.feature_names == names
    assert report.top_features(1).index[0] == "signal"


def test_grouped_folds_never_split_a_group():
    rng = np.random.default_rng(1)
    groups = np.repeat([f"g{i}" for i in range(37)], rng.integers(1, 6, 37))
    y = rng.choice(["x", "y", "z"], len(groups))
    folds = cv_folds(y, groups, cv=5, seed=3)
    assert set(folds.tolist()) == set(range(5))
    per_group = pd.Series(folds).groupby(groups).nunique()
    assert (per_group == 1).all()
    # the report keeps the same assignment; no test group is in its training part
    X = rng.normal(size=(len(y), 2))
    report = evaluate_classifier(X, y, groups, cv=5, seed=3, n_repeats=0)
    assert np.array_equal(report.folds, folds)
    for k in range(5):
        assert not set(groups[folds == k]) & set(groups[folds != k])


def test_ungrouped_folds_are_stratified():
    y = np.repeat(["a", "b"], [50, 25])
    folds = cv_folds(y, cv=5, seed=0)
    assert pd.crosstab(folds, y).to_numpy().tolist() == [[10, 5]] * 5


def test_purge_drops_the_test_events_from_training():
    X, y, names = separable(20)
    ev = events(20)
    outlets = np.array([f"o{i % 7}" for i in range(len(y))])
    plain = evaluate_classifier(X, y, outlets, cv=3, n_repeats=0)
    purged = evaluate_classifier(X, y, outlets, cv=3, n_repeats=0, purge=ev)
    for k in range(3):
        test_events = set(ev[purged.folds == k])
        assert purged.extra["n_train"][k] == int(np.sum((purged.folds != k)
                                                        & ~np.isin(ev, list(test_events))))
    assert sum(purged.extra["n_train"]) < sum(plain.extra["n_train"])
    assert "purge" in purged.cv


def test_majority_baseline_equals_the_majority_share():
    y = np.repeat(["minor", "major"], [40, 60])
    report = majority_baseline(y, cv=5)
    assert report.accuracy == pytest.approx(0.6)
    assert report.pooled_accuracy == pytest.approx(0.6)
    assert set(report.predictions.tolist()) == {"major"}
    assert report.macro_f1 == pytest.approx(0.6 / 1.6)  # F1 of "major", 0 for "minor"
    assert report.importance_mean is None
    grouped = majority_baseline(y, np.arange(100) // 2, cv=5)
    assert grouped.pooled_accuracy == pytest.approx(0.6, abs=0.05)


def test_reports_are_deterministic_for_a_seed():
    X, y, names = separable(seed=4)
    X = X + np.random.default_rng(9).normal(0, 0.8, X.shape)  # not trivially separable
    a = evaluate_classifier(X, y, events(40), feature_names=names, seed=7, n_repeats=3)
    b = evaluate_classifier(X, y, events(40), feature_names=names, seed=7, n_repeats=3)
    assert a.to_json() == b.to_json()
    assert np.array_equal(a.predictions, b.predictions)
    c = evaluate_classifier(X, y, events(40), feature_names=names, seed=8, n_repeats=3)
    assert not np.array_equal(a.folds, c.folds)


def test_to_dict_is_json_ready():
    X, y, names = separable(10)
    report = evaluate_classifier(X, y, feature_names=names, cv=3, n_repeats=2)
    data = report.to_dict()
    text = json.dumps(data, sort_keys=True, allow_nan=False)
    assert json.loads(text)["importance"]["signal"]["mean"] > 0
    assert data["confusion"] == report.confusion.tolist()
    assert isinstance(report, ClassifierReport)
    assert "accuracy" in report.summary()


def test_tfidf_baseline_and_comparison_table():
    rng = np.random.default_rng(0)
    y = np.repeat(["left", "right"], 30)
    words = {"left": ["workers", "climate", "union"], "right": ["taxes", "border", "liberty"]}
    texts = [" ".join(rng.choice(words[lab] + ["the", "said", "today"], 12)) for lab in y]
    groups = np.tile(np.arange(30), 2)
    tfidf = tfidf_baseline(texts, y, groups)
    assert tfidf.accuracy > 0.9 and tfidf.importance_mean is None
    assert tfidf.feature_names == []
    X = np.c_[(y == "left").astype(float) + rng.normal(0, 2, 60)]
    frame, reports = compare_to_baselines(texts, X, y, groups, ["weak"], n_repeats=2,
                                          return_reports=True)
    assert list(frame.index) == ["framing features", "tfidf", "majority"]
    assert {"accuracy", "accuracy_sd", "macro_f1", "n"} <= set(frame.columns)
    assert frame.loc["tfidf", "accuracy"] == pytest.approx(tfidf.accuracy)
    assert frame.loc["majority", "accuracy"] == pytest.approx(0.5)
    assert (frame["n"] == 60).all()
    assert np.array_equal(reports["tfidf"].folds, reports["framing features"].folds)
    assert np.array_equal(reports["majority"].folds, reports["tfidf"].folds)


def test_evaluate_split_with_outlet_bootstrap():
    X, y, names = separable(30)
    train = np.arange(len(y)) % 2 == 0
    outlets = np.array([f"o{i % 5}" for i in range(int((~train).sum()))])
    report = evaluate_split(X[train], y[train], X[~train], y[~train], feature_names=names,
                            n_repeats=3, test_groups=outlets, n_boot=200, split="even/odd")
    assert report.accuracy > 0.95 and math.isnan(report.accuracy_sd)
    assert report.n == int((~train).sum()) and report.cv == "even/odd"
    assert report.top_features(1).index[0] == "signal"
    boot = report.extra["bootstrap"]
    assert boot["resampled"] == "groups" and boot["n_units"] == 5
    assert boot["accuracy_ci95"][0] <= report.accuracy <= boot["accuracy_ci95"][1]
    assert report.to_dict()["accuracy_sd"] is None
    texts = [f"word{lab} filler" for lab in y]
    tf = evaluate_split(texts[::2], y[train], texts[1::2], y[~train], model="tfidf", n_boot=0)
    assert tf.accuracy == 1.0 and "bootstrap" not in tf.extra


@pytest.mark.parametrize("kwargs, message", [
    ({"groups": ["g0", "g1"] * 60, "cv": 5}, "at least 5 groups"),
    ({"feature_names": ["a", "a", "b", "c", "d"]}, "duplicate feature names"),
    ({"feature_names": ["a"]}, "1 feature names for 5 columns"),
    ({"cv": 1}, "cv must be an int"),
])
def test_invalid_input_is_rejected(kwargs, message):
    X, y, _ = separable()
    with pytest.raises(ValueError, match=message):
        evaluate_classifier(X, y, n_repeats=0, **kwargs)


def test_unknown_model_and_label_errors():
    with pytest.raises(ValueError, match="unknown model"):
        make_model("svm")
    X, y, _ = separable()
    with pytest.raises(ValueError, match="not in `labels`"):
        evaluate_classifier(X, y, labels=["a", "b"], n_repeats=0)
    with pytest.raises(ValueError, match="rows"):
        evaluate_classifier(X[:-1], y, n_repeats=0)


@pytest.mark.shared_data
def test_basil_outlets_with_readability_features(shared_data):
    from framing.corpora import read_basil
    from framing.features import ReadabilityFeatures

    articles = read_basil(shared_data / "basil")
    texts = [a.text for a in articles]
    features = ReadabilityFeatures()
    X = features.fit_transform(texts)
    report = evaluate_classifier(X, [a.outlet for a in articles], [a.event for a in articles],
                                 feature_names=list(features.get_feature_names_out()),
                                 n_repeats=2)
    assert report.labels == ["fox", "hpo", "nyt"]
    assert report.confusion.shape == (3, 3) and report.confusion.sum() == 300
    assert report.confusion.sum(axis=1).tolist() == [100, 100, 100]
    assert report.n == 300 and len(set(report.folds.tolist())) == 5
    events = np.array([a.event for a in articles])
    assert (pd.Series(report.folds).groupby(events).nunique() == 1).all()
    assert 0.0 <= report.accuracy <= 1.0 and report.accuracy_sd >= 0
    assert len(report.importance()) == 9
    majority = majority_baseline([a.outlet for a in articles], events)
    assert majority.pooled_accuracy == pytest.approx(1 / 3)
