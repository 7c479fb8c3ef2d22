"""Outlet and leaning classifiers over framing features, with honest baselines.

Which framing devices separate outlets? :func:`evaluate_classifier` predicts a
label (outlet, leaning) from a numeric feature matrix with cross-validation
and reports accuracy and macro-F1 (mean and sd over folds), the pooled
out-of-fold confusion matrix, a per-class report and the permutation
importance of every feature on the held-out folds. :func:`tfidf_baseline`
and :func:`majority_baseline` run the same folds on a bag of words and on
the most frequent class, and :func:`compare_to_baselines` puts the three
side by side. :func:`evaluate_split` does the same for a fixed train/test
split such as the Article-Bias-Prediction *media* split (test outlets unseen).

Cross-validation
----------------
With ``groups`` (the event of each article) the folds come from
:class:`~sklearn.model_selection.StratifiedGroupKFold`: all articles of one
event are in the same test fold, so a classifier never sees another outlet's
story about an event it is tested on. Without groups,
:class:`~sklearn.model_selection.StratifiedKFold`. The folds depend only on
``y``, ``groups``, ``cv`` and ``seed`` (:func:`cv_folds`), so the framing
model and both baselines are always scored on identical folds. To hold out
two groupings at once (outlets unseen *and* events unseen), give the outlets
as ``groups`` and the events as ``purge``: training articles from an event
in the test fold are dropped. (Grouping by outlet alone lets the other sides
of a test article's event into training, where their topic words point to
the *other* labels: a bag of words then scores below chance.)

Models
------
``"logreg"`` (the default): median imputation, standardisation and a
class-balanced multinomial logistic regression (``C=1``). ``"forest"``: a
class-balanced random forest (500 trees). ``"tfidf"``: a TF-IDF bag of
unigrams and bigrams (sublinear tf, ``min_df=2``) and the same logistic
regression, on raw texts. ``"majority"``: always the most frequent training
class. Any scikit-learn classifier can be passed instead of a name. Every
random element is seeded with ``seed``: the same input gives the same report.

Permutation importance
----------------------
For each fold, every feature column of the held-out articles is shuffled
``n_repeats`` times and the drop in the score (accuracy by default) is
recorded (:func:`sklearn.inspection.permutation_importance`). The reported
mean is over all folds and repeats, the sd over the same ``folds x repeats``
values. Correlated features (the readability indices, for instance) share
their importance: shuffling one leaves the information in the others, so a
group of near-duplicates can each look unimportant. Importance is not computed
for the text models (a TF-IDF pipeline has one input column, the text).

Examples
--------
>>> import numpy as np
>>> rng = np.random.default_rng(0)
>>> y = np.repeat(["a", "b"], 30)
>>> X = np.c_[(y == "a") + rng.normal(0, 0.1, 60), rng.normal(size=60)]
>>> report = evaluate_classifier(X, y, feature_names=["signal", "noise"], n_repeats=3)
>>> round(report.accuracy, 2), report.top_features(1).index[0]
(1.0, 'signal')
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, clone
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

__all__ = [
    "MODELS",
    "ClassifierReport",
    "compare_to_baselines",
    "comparison_table",
    "cv_folds",
    "evaluate_classifier",
    "evaluate_split",
    "make_model",
    "majority_baseline",
    "tfidf_baseline",
]

#: Model names accepted by :func:`make_model` (and the ``model`` parameter).
MODELS = ("logreg", "forest", "tfidf", "majority")
#: Models that take raw texts rather than a numeric matrix.
_TEXT_MODELS = ("tfidf",)


def make_model(model: str | BaseEstimator = "logreg", seed: int = 0) -> BaseEstimator:
    """A fresh, seeded, unfitted classifier for a model name.

    Parameters
    ----------
    model : str or estimator
        ``"logreg"``, ``"forest"``, ``"tfidf"`` or ``"majority"`` (see the
        module docstring), or a scikit-learn classifier, which is cloned.
    seed : int
        Random state of every random component.

    Returns
    -------
    estimator
        An unfitted scikit-learn classifier or pipeline.

    Raises
    ------
    ValueError
        For an unknown model name.
    """
    if not isinstance(model, str):
        return clone(model)
    if model == "logreg":
        return make_pipeline(
            SimpleImputer(strategy="median", keep_empty_features=True),
            StandardScaler(),
            LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000,
                               random_state=seed))
    if model == "forest":
        return make_pipeline(
            SimpleImputer(strategy="median", keep_empty_features=True),
            RandomForestClassifier(n_estimators=500, class_weight="balanced",
                                   min_samples_leaf=2, random_state=seed, n_jobs=1))
    if model == "tfidf":
        return make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                            dtype=np.float64),
            LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000,
                               random_state=seed))
    if model == "majority":
        return DummyClassifier(strategy="most_frequent")
    raise ValueError(f"unknown model {model!r}; valid: {', '.join(MODELS)} or an estimator")


def _model_name(model: str | BaseEstimator) -> str:
    return model if isinstance(model, str) else type(model).__name__


def _is_text_model(model: str | BaseEstimator) -> bool:
    if isinstance(model, str):
        return model in _TEXT_MODELS
    first = model.steps[0][1] if isinstance(model, Pipeline) else model
    return isinstance(first, TfidfVectorizer) or hasattr(first, "build_analyzer")


@dataclass
class ClassifierReport:
    """Cross-validated (or fixed-split) scores of one classifier.

    Attributes
    ----------
    model : str
        The model name (or the estimator's class name).
    labels : list of str
        Class labels; the order of ``confusion`` rows/columns and ``per_class``.
    accuracy, accuracy_sd : float
        Mean and sd (``ddof=1``) of the accuracy over the folds. For a fixed
        split, the test accuracy and NaN.
    macro_f1, macro_f1_sd : float
        The same for macro-averaged F1 (every label counts, absent ones as 0).
    fold_accuracy, fold_macro_f1 : list of float
        The per-fold scores.
    pooled_accuracy, pooled_macro_f1 : float
        Scores of all out-of-fold predictions pooled.
    confusion : numpy.ndarray
        Pooled out-of-fold confusion matrix, rows true labels, columns
        predicted labels, both in ``labels`` order.
    per_class : dict
        ``{label: {"precision", "recall", "f1", "support"}}`` of the pooled
        predictions.
    feature_names : list of str
        Names of the input columns (empty for text models).
    importance_mean, importance_sd : numpy.ndarray or None
        Permutation importance per feature (score drop when the column is
        shuffled in held-out data), mean and sd over folds x repeats; None
        when not computed.
    n : int
        Number of samples scored.
    n_splits : int
        Number of folds (1 for a fixed split).
    cv : str
        A description of the cross-validation or split.
    seed : int
        The random seed.
    folds : numpy.ndarray
        Test fold index of every sample (``-1`` for training-only samples of
        a fixed split).
    predictions : numpy.ndarray
        Out-of-fold prediction of every scored sample (input order).
    scoring : str
        The score used for permutation importance.
    extra : dict
        Anything else (e.g. bootstrap intervals of a fixed split).
    """

    model: str
    labels: list[str]
    accuracy: float
    accuracy_sd: float
    macro_f1: float
    macro_f1_sd: float
    fold_accuracy: list[float]
    fold_macro_f1: list[float]
    pooled_accuracy: float
    pooled_macro_f1: float
    confusion: np.ndarray
    per_class: dict[str, dict[str, float]]
    feature_names: list[str]
    importance_mean: np.ndarray | None
    importance_sd: np.ndarray | None
    n: int
    n_splits: int
    cv: str
    seed: int
    folds: np.ndarray
    predictions: np.ndarray
    scoring: str = "accuracy"
    extra: dict[str, Any] = field(default_factory=dict)

    def importance(self) -> pd.DataFrame:
        """Permutation importance of every feature, most important first.

        Returns
        -------
        pandas.DataFrame
            Index ``feature``; columns ``importance_mean``, ``importance_sd``;
            sorted by decreasing mean, ties by name. Empty when importance was
            not computed.
        """
        if self.importance_mean is None or self.importance_sd is None:
            return pd.DataFrame({"importance_mean": [], "importance_sd": []},
                                index=pd.Index([], name="feature"))
        frame = pd.DataFrame({"feature": self.feature_names,
                              "importance_mean": self.importance_mean,
                              "importance_sd": self.importance_sd})
        frame = frame.sort_values(["importance_mean", "feature"], ascending=[False, True],
                                  kind="mergesort")
        return frame.set_index("feature")

    def top_features(self, k: int = 10) -> pd.DataFrame:
        """The ``k`` features with the largest mean permutation importance."""
        return self.importance().head(k)

    def confusion_frame(self) -> pd.DataFrame:
        """The confusion matrix as a labelled DataFrame (rows true, columns predicted)."""
        return pd.DataFrame(self.confusion, index=pd.Index(self.labels, name="true"),
                            columns=pd.Index(self.labels, name="predicted"))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (plain Python types; NaN becomes None).

        ``json.dumps(report.to_dict(), sort_keys=True)`` is byte-identical for
        the same input and seed. Fold assignment and predictions are left
        out (they are per-sample); importance is a ``{feature: {"mean",
        "sd"}}`` mapping.
        """
        importance = None
        if self.importance_mean is not None and self.importance_sd is not None:
            importance = {name: {"mean": _num(m), "sd": _num(s)} for name, m, s in
                          zip(self.feature_names, self.importance_mean, self.importance_sd,
                              strict=True)}
        return _jsonable({
            "model": self.model,
            "labels": list(self.labels),
            "accuracy": self.accuracy,
            "accuracy_sd": self.accuracy_sd,
            "macro_f1": self.macro_f1,
            "macro_f1_sd": self.macro_f1_sd,
            "fold_accuracy": list(self.fold_accuracy),
            "fold_macro_f1": list(self.fold_macro_f1),
            "pooled_accuracy": self.pooled_accuracy,
            "pooled_macro_f1": self.pooled_macro_f1,
            "confusion": self.confusion.tolist(),
            "per_class": self.per_class,
            "feature_names": list(self.feature_names),
            "importance": importance,
            "scoring": self.scoring,
            "n": self.n,
            "n_splits": self.n_splits,
            "cv": self.cv,
            "seed": self.seed,
            "extra": self.extra,
        })

    def to_json(self, indent: int | None = 2) -> str:
        """``to_dict()`` as JSON text with sorted keys."""
        return json.dumps(self.to_dict(), sort_keys=True, indent=indent, ensure_ascii=False)

    def summary(self) -> str:
        """One line: model, accuracy and macro-F1 with their sd, n and folds."""
        if self.n_splits > 1:
            return (f"{self.model}: accuracy {self.accuracy:.3f} ± {self.accuracy_sd:.3f}, "
                    f"macro-F1 {self.macro_f1:.3f} ± {self.macro_f1_sd:.3f} "
                    f"(n={self.n}, {self.cv})")
        return (f"{self.model}: accuracy {self.accuracy:.3f}, macro-F1 {self.macro_f1:.3f} "
                f"(n={self.n}, {self.cv})")


def _num(value: Any) -> float | None:
    value = float(value)
    return None if math.isnan(value) else value


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return _jsonable(obj.tolist())
    if isinstance(obj, bool | np.bool_):
        return bool(obj)
    if isinstance(obj, int | np.integer):
        return int(obj)
    if isinstance(obj, float | np.floating):
        return _num(obj)
    return obj


def _as_labels(y: Any) -> np.ndarray:
    arr = np.asarray(list(y), dtype=object)
    if arr.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {arr.shape}")
    if any(v is None or (isinstance(v, float) and math.isnan(v)) for v in arr):
        raise ValueError("y holds missing labels (None/NaN); drop those samples first")
    return arr.astype(str)


def _resolve_labels(y: np.ndarray, labels: Sequence[str] | None) -> list[str]:
    present = sorted(set(y.tolist()))
    if labels is None:
        return present
    labels = [str(v) for v in labels]
    unknown = sorted(set(present) - set(labels))
    if unknown:
        raise ValueError(f"y holds labels not in `labels`: {unknown}")
    return labels


def _as_features(X: Any, feature_names: Sequence[str] | None,
                 text: bool) -> tuple[Any, list[str]]:
    """Validate X; return it in an indexable form plus its feature names."""
    if text:
        if isinstance(X, str | bytes):
            raise TypeError("expected a list of texts, got a single string")
        texts = np.asarray(list(X), dtype=object)
        if texts.ndim != 1 or not all(isinstance(t, str) for t in texts):
            raise TypeError("a text model needs a 1-D list of strings")
        return texts, []
    if isinstance(X, pd.DataFrame):
        names = [str(c) for c in X.columns]
        arr = X.to_numpy(dtype=np.float64)
    else:
        arr = np.asarray(X, dtype=np.float64)
        names = [f"x{i}" for i in range(arr.shape[1])] if arr.ndim == 2 else []
    if arr.ndim != 2:
        raise ValueError(f"X must be 2-D (samples x features), got shape {arr.shape}")
    if feature_names is not None:
        names = [str(n) for n in feature_names]
        if len(names) != arr.shape[1]:
            raise ValueError(f"{len(names)} feature names for {arr.shape[1]} columns")
    if len(set(names)) != len(names):
        dupes = sorted({n for n in names if names.count(n) > 1})
        raise ValueError(f"duplicate feature names: {dupes}")
    if np.isinf(arr).any():
        raise ValueError("X holds infinite values")
    return arr, names


def _splitter(groups: np.ndarray | None, cv: int, seed: int) -> Any:
    if groups is None:
        return StratifiedKFold(n_splits=cv, shuffle=True, random_state=seed)
    return StratifiedGroupKFold(n_splits=cv, shuffle=True, random_state=seed)


def _check_cv(y: np.ndarray, groups: np.ndarray | None, cv: int) -> None:
    if not isinstance(cv, int | np.integer) or cv < 2:
        raise ValueError(f"cv must be an int >= 2, got {cv!r}")
    if groups is not None:
        if len(groups) != len(y):
            raise ValueError(f"{len(groups)} groups for {len(y)} samples")
        n_groups = len(set(groups.tolist()))
        if n_groups < cv:
            raise ValueError(f"cv={cv} folds need at least {cv} groups, got {n_groups}")
    counts = pd.Series(y).value_counts()
    if len(counts) < 2:
        raise ValueError("y needs at least two classes")
    if counts.min() < cv:
        raise ValueError(f"class {counts.idxmin()!r} has {counts.min()} samples, fewer than "
                         f"cv={cv} folds")


def _as_groups(groups: Any, n: int) -> np.ndarray | None:
    if groups is None:
        return None
    arr = np.asarray(list(groups), dtype=object).astype(str)
    if len(arr) != n:
        raise ValueError(f"{len(arr)} groups for {n} samples")
    return arr


def cv_folds(y: Any, groups: Any = None, *, cv: int = 5, seed: int = 0) -> np.ndarray:
    """The test fold of every sample, as used by :func:`evaluate_classifier`.

    Parameters
    ----------
    y : array-like of str
        Labels (stratification).
    groups : array-like, optional
        Group of every sample (e.g. event); a group is never split over folds.
    cv : int
        Number of folds.
    seed : int
        Shuffling seed.

    Returns
    -------
    numpy.ndarray of int
        Fold index ``0 .. cv-1`` per sample.

    Raises
    ------
    ValueError
        For fewer groups or class members than folds, or a length mismatch.
    """
    y_arr = _as_labels(y)
    g_arr = _as_groups(groups, len(y_arr))
    _check_cv(y_arr, g_arr, cv)
    folds = np.full(len(y_arr), -1, dtype=int)
    dummy = np.zeros((len(y_arr), 1))
    for k, (_, test) in enumerate(_splitter(g_arr, int(cv), seed).split(dummy, y_arr, g_arr)):
        folds[test] = k
    if g_arr is not None:  # defensive: a group must sit in exactly one fold
        per_group = pd.Series(folds).groupby(g_arr).nunique()
        if (per_group > 1).any():
            raise RuntimeError(f"groups split over folds: {per_group[per_group > 1].index[:5]}")
    return folds


def _scores(y_true: np.ndarray, y_pred: np.ndarray, labels: list[str]) -> tuple[float, float]:
    acc = float(accuracy_score(y_true, y_pred))
    f1 = float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0))
    return acc, f1


def _per_class(y_true: np.ndarray, y_pred: np.ndarray,
               labels: list[str]) -> dict[str, dict[str, float]]:
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels,
                                                 zero_division=0)
    return {lab: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]),
                  "support": int(s[i])} for i, lab in enumerate(labels)}


def _sd(values: list[float]) -> float:
    return float(np.std(values, ddof=1)) if len(values) > 1 else float("nan")


def _importance(estimator: BaseEstimator, X: np.ndarray, y: np.ndarray, *, n_repeats: int,
                seed: int, scoring: str) -> np.ndarray:
    result = permutation_importance(estimator, X, y, scoring=scoring, n_repeats=n_repeats,
                                    random_state=seed, n_jobs=None)
    return np.asarray(result.importances)


def evaluate_classifier(X: Any, y: Any, groups: Any = None, *,
                        model: str | BaseEstimator = "logreg", cv: int = 5, seed: int = 0,
                        n_repeats: int = 10, feature_names: Sequence[str] | None = None,
                        labels: Sequence[str] | None = None,
                        scoring: str = "accuracy", purge: Any = None) -> ClassifierReport:
    """Cross-validate a classifier and report scores, confusion and permutation importance.

    Parameters
    ----------
    X : array-like or pandas.DataFrame
        ``(n_samples, n_features)`` numeric features (NaN is imputed with the
        training median); for a text model (``"tfidf"``) a list of texts.
    y : array-like
        The label of every sample (outlet, leaning); compared as strings.
    groups : array-like, optional
        The group of every sample (the event). With groups, folds come from
        ``StratifiedGroupKFold`` and a group is never split between training
        and test; without, ``StratifiedKFold``.
    model : str or estimator
        ``"logreg"`` (default), ``"forest"``, ``"tfidf"``, ``"majority"`` or a
        scikit-learn classifier (see :func:`make_model`).
    cv : int
        Number of folds.
    seed : int
        Seed of the fold shuffling, the model and the permutations.
    n_repeats : int
        Shuffles per feature and fold for permutation importance; 0 skips it
        (always skipped for text models).
    feature_names : sequence of str, optional
        Column names (default: the DataFrame's columns or ``x0, x1, ...``).
    labels : sequence of str, optional
        Label order of the confusion matrix and per-class report (default:
        sorted labels of ``y``).
    scoring : str
        Scikit-learn scorer for permutation importance (``"accuracy"``,
        ``"f1_macro"``, ...).
    purge : array-like, optional
        A second grouping (e.g. the event when ``groups`` are outlets): for
        each fold, training samples that share a ``purge`` value with any
        test sample are dropped, so neither the outlet nor the event of a
        test article is seen in training. The training sizes are in
        ``extra["n_train"]``.

    Returns
    -------
    ClassifierReport

    Raises
    ------
    ValueError
        For mismatched lengths, fewer groups or class members than folds,
        duplicate feature names, or infinite values.
    """
    text = _is_text_model(model)
    y_arr = _as_labels(y)
    X_arr, names = _as_features(X, feature_names, text)
    if len(X_arr) != len(y_arr):
        raise ValueError(f"X has {len(X_arr)} rows, y has {len(y_arr)}")
    label_list = _resolve_labels(y_arr, labels)
    g_arr = _as_groups(groups, len(y_arr))
    folds = cv_folds(y_arr, g_arr, cv=cv, seed=seed)
    p_arr = _as_groups(purge, len(y_arr))
    want_importance = n_repeats > 0 and not text and bool(names)

    predictions = np.empty(len(y_arr), dtype=object)
    fold_acc: list[float] = []
    fold_f1: list[float] = []
    importances: list[np.ndarray] = []
    n_train: list[int] = []
    for k in range(int(cv)):
        test = np.flatnonzero(folds == k)
        keep = folds != k
        if p_arr is not None:
            keep &= ~np.isin(p_arr, p_arr[test])
        train = np.flatnonzero(keep)
        n_train.append(len(train))
        if len(set(y_arr[train].tolist())) < 2:
            raise ValueError(f"fold {k}: fewer than two classes left for training")
        estimator = make_model(model, seed)
        estimator.fit(X_arr[train], y_arr[train])
        pred = np.asarray(estimator.predict(X_arr[test])).astype(str)
        predictions[test] = pred
        acc, f1 = _scores(y_arr[test], pred, label_list)
        fold_acc.append(acc)
        fold_f1.append(f1)
        if want_importance:
            importances.append(_importance(estimator, X_arr[test], y_arr[test],
                                           n_repeats=n_repeats, seed=seed + k,
                                           scoring=scoring))
    predictions = predictions.astype(str)
    pooled_acc, pooled_f1 = _scores(y_arr, predictions, label_list)
    imp_mean = imp_sd = None
    if importances:
        stacked = np.concatenate(importances, axis=1)
        imp_mean = stacked.mean(axis=1)
        imp_sd = stacked.std(axis=1, ddof=1) if stacked.shape[1] > 1 else np.full(len(names),
                                                                                 np.nan)
    kind = "StratifiedGroupKFold" if g_arr is not None else "StratifiedKFold"
    desc = f"{kind}(n_splits={cv}, shuffle=True, seed={seed})"
    if g_arr is not None:
        desc += f", {len(set(g_arr.tolist()))} groups"
    if p_arr is not None:
        desc += ", training samples sharing a purge group with the test fold dropped"
    return ClassifierReport(
        model=_model_name(model), labels=label_list,
        accuracy=float(np.mean(fold_acc)), accuracy_sd=_sd(fold_acc),
        macro_f1=float(np.mean(fold_f1)), macro_f1_sd=_sd(fold_f1),
        fold_accuracy=fold_acc, fold_macro_f1=fold_f1,
        pooled_accuracy=pooled_acc, pooled_macro_f1=pooled_f1,
        confusion=confusion_matrix(y_arr, predictions, labels=label_list),
        per_class=_per_class(y_arr, predictions, label_list),
        feature_names=names, importance_mean=imp_mean, importance_sd=imp_sd,
        n=len(y_arr), n_splits=int(cv), cv=desc, seed=seed, folds=folds,
        predictions=predictions, scoring=scoring, extra={"n_train": n_train})


def tfidf_baseline(texts: Sequence[str], y: Any, groups: Any = None, *, cv: int = 5,
                   seed: int = 0, labels: Sequence[str] | None = None,
                   model: str | BaseEstimator = "tfidf", purge: Any = None) -> ClassifierReport:
    """The TF-IDF bag-of-words baseline on the same folds as :func:`evaluate_classifier`.

    Parameters
    ----------
    texts : sequence of str
        The article texts.
    y, groups, cv, seed, labels, purge
        As in :func:`evaluate_classifier`.
    model : str or estimator
        ``"tfidf"`` (unigrams+bigrams, sublinear tf, ``min_df=2``, balanced
        logistic regression) or another text pipeline.

    Returns
    -------
    ClassifierReport
        Without permutation importance.
    """
    return evaluate_classifier(texts, y, groups, model=model, cv=cv, seed=seed, n_repeats=0,
                               labels=labels, purge=purge)


def majority_baseline(y: Any, groups: Any = None, *, cv: int = 5, seed: int = 0,
                      labels: Sequence[str] | None = None, purge: Any = None) -> ClassifierReport:
    """The most-frequent-class baseline on the same folds as :func:`evaluate_classifier`.

    Each fold predicts the most frequent label of its training part (ties:
    the first label in sorted order). With stratified folds the pooled
    accuracy equals the majority class's share.

    Parameters
    ----------
    y, groups, cv, seed, labels, purge
        As in :func:`evaluate_classifier`.

    Returns
    -------
    ClassifierReport
    """
    y_arr = _as_labels(y)
    return evaluate_classifier(np.zeros((len(y_arr), 1)), y_arr, groups, model="majority",
                               cv=cv, seed=seed, n_repeats=0, feature_names=["constant"],
                               labels=labels, purge=purge)


def compare_to_baselines(texts: Sequence[str], X: Any, y: Any, groups: Any = None,
                         feature_names: Sequence[str] | None = None, *,
                         model: str | BaseEstimator = "logreg", cv: int = 5, seed: int = 0,
                         n_repeats: int = 10, labels: Sequence[str] | None = None,
                         return_reports: bool = False
                         ) -> pd.DataFrame | tuple[pd.DataFrame, dict[str, ClassifierReport]]:
    """Framing features vs TF-IDF vs majority class, on identical folds.

    Parameters
    ----------
    texts : sequence of str
        The texts (for the TF-IDF baseline), aligned with ``X`` and ``y``.
    X : array-like or pandas.DataFrame
        Framing features.
    y, groups : array-like
        Labels and groups (events), as in :func:`evaluate_classifier`.
    feature_names : sequence of str, optional
        Column names of ``X``.
    model, cv, seed, n_repeats, labels
        As in :func:`evaluate_classifier` (``model`` is the framing model).
    return_reports : bool
        Also return the three :class:`ClassifierReport` objects.

    Returns
    -------
    pandas.DataFrame
        Index ``framing features``, ``tfidf``, ``majority``; columns
        ``accuracy``, ``accuracy_sd``, ``macro_f1``, ``macro_f1_sd``, ``n``.
        With ``return_reports``: ``(frame, {"framing features": ..., "tfidf":
        ..., "majority": ...})``.
    """
    texts = list(texts)
    reports = {
        "framing features": evaluate_classifier(X, y, groups, model=model, cv=cv, seed=seed,
                                                n_repeats=n_repeats,
                                                feature_names=feature_names, labels=labels),
        "tfidf": tfidf_baseline(texts, y, groups, cv=cv, seed=seed, labels=labels),
        "majority": majority_baseline(y, groups, cv=cv, seed=seed, labels=labels),
    }
    frame = comparison_table(reports)
    return (frame, reports) if return_reports else frame


def comparison_table(reports: dict[str, ClassifierReport]) -> pd.DataFrame:
    """One row per report: ``accuracy``, ``accuracy_sd``, ``macro_f1``, ``macro_f1_sd``, ``n``.

    Parameters
    ----------
    reports : dict
        ``{row name: ClassifierReport}``, in the order of the rows.

    Returns
    -------
    pandas.DataFrame
        Indexed by the row names (index name ``model``).
    """
    rows = {name: {"accuracy": r.accuracy, "accuracy_sd": r.accuracy_sd,
                   "macro_f1": r.macro_f1, "macro_f1_sd": r.macro_f1_sd, "n": r.n}
            for name, r in reports.items()}
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "model"
    return frame


def _bootstrap(y_true: np.ndarray, y_pred: np.ndarray, labels: list[str],
               groups: np.ndarray | None, n_boot: int, seed: int) -> dict[str, Any]:
    """Percentile 95% intervals of accuracy and macro-F1, resampling groups if given."""
    rng = np.random.default_rng(seed)
    if groups is None:
        units = [np.array([i]) for i in range(len(y_true))]
    else:
        units = [np.flatnonzero(groups == g) for g in sorted(set(groups.tolist()))]
    accs, f1s = [], []
    for _ in range(n_boot):
        pick = rng.integers(0, len(units), len(units))
        idx = np.concatenate([units[i] for i in pick])
        acc, f1 = _scores(y_true[idx], y_pred[idx], labels)
        accs.append(acc)
        f1s.append(f1)
    return {"n_boot": n_boot, "resampled": "groups" if groups is not None else "samples",
            "n_units": len(units),
            "accuracy_ci95": [float(np.percentile(accs, 2.5)), float(np.percentile(accs, 97.5))],
            "macro_f1_ci95": [float(np.percentile(f1s, 2.5)), float(np.percentile(f1s, 97.5))]}


def evaluate_split(X_train: Any, y_train: Any, X_test: Any, y_test: Any, *,
                   model: str | BaseEstimator = "logreg", seed: int = 0, n_repeats: int = 10,
                   feature_names: Sequence[str] | None = None,
                   labels: Sequence[str] | None = None, scoring: str = "accuracy",
                   test_groups: Any = None, n_boot: int = 1000,
                   split: str = "fixed split") -> ClassifierReport:
    """Train on one part, score on another (e.g. the Article-Bias *media* split).

    For Article-Bias-Prediction the shared copy has full text only for
    ``media/valid`` and ``media/test``: train on ``media/valid`` (2,356
    articles) and test on ``media/test`` (1,300 articles, outlets not seen in
    training), and say so when reporting.

    Parameters
    ----------
    X_train, X_test : array-like, DataFrame or list of texts
        Features (or texts for ``model="tfidf"``) of the two parts.
    y_train, y_test : array-like
        Labels.
    model, seed, n_repeats, feature_names, labels, scoring
        As in :func:`evaluate_classifier`; permutation importance is computed
        on the test part.
    test_groups : array-like, optional
        A cluster of every test sample (e.g. its outlet). The bootstrap
        intervals then resample whole clusters, which is the honest choice
        when labels are outlet-level.
    n_boot : int
        Bootstrap resamples for the 95% intervals in ``extra``; 0 skips them.
    split : str
        A description stored in ``report.cv``.

    Returns
    -------
    ClassifierReport
        ``accuracy``/``macro_f1`` are the test scores; their ``_sd`` is NaN
        (one split), the intervals are in ``extra["bootstrap"]``; ``folds``
        is 0 for every test sample (the report covers the test part only).
    """
    text = _is_text_model(model)
    y_tr, y_te = _as_labels(y_train), _as_labels(y_test)
    X_tr, names = _as_features(X_train, feature_names, text)
    X_te, _ = _as_features(X_test, feature_names if feature_names is not None else
                                  (names or None), text)
    if len(X_tr) != len(y_tr) or len(X_te) != len(y_te):
        raise ValueError("X and y lengths differ")
    if not text and X_tr.shape[1] != X_te.shape[1]:
        raise ValueError(f"train has {X_tr.shape[1]} columns, test {X_te.shape[1]}")
    label_list = _resolve_labels(np.concatenate([y_tr, y_te]), labels)
    estimator = make_model(model, seed)
    estimator.fit(X_tr, y_tr)
    pred = np.asarray(estimator.predict(X_te)).astype(str)
    acc, f1 = _scores(y_te, pred, label_list)
    imp_mean = imp_sd = None
    if n_repeats > 0 and not text and names:
        imp = _importance(estimator, X_te, y_te, n_repeats=n_repeats, seed=seed,
                          scoring=scoring)
        imp_mean = imp.mean(axis=1)
        imp_sd = imp.std(axis=1, ddof=1) if imp.shape[1] > 1 else np.full(len(names), np.nan)
    g_te = _as_groups(test_groups, len(y_te))
    extra: dict[str, Any] = {"n_train": len(y_tr), "n_test": len(y_te)}
    if n_boot > 0:
        extra["bootstrap"] = _bootstrap(y_te, pred, label_list, g_te, n_boot, seed)
    return ClassifierReport(
        model=_model_name(model), labels=label_list, accuracy=acc, accuracy_sd=float("nan"),
        macro_f1=f1, macro_f1_sd=float("nan"), fold_accuracy=[acc], fold_macro_f1=[f1],
        pooled_accuracy=acc, pooled_macro_f1=f1,
        confusion=confusion_matrix(y_te, pred, labels=label_list),
        per_class=_per_class(y_te, pred, label_list), feature_names=names,
        importance_mean=imp_mean, importance_sd=imp_sd, n=len(y_te), n_splits=1, cv=split,
        seed=seed, folds=np.zeros(len(y_te), dtype=int), predictions=pred, scoring=scoring,
        extra=extra)
