"""Issue-generic news frames: a lexicon frame scorer with span evidence, and a trainable classifier.

The Media Frames Corpus (Boydstun et al. 2014; Card et al. 2015) codes news
articles for 15 frames, aspects of an issue that recur across policy debates
(:data:`FRAMES`). Two tools:

* :class:`FrameFeatures` is an offline scorer that works the way Field et al.
  (2018) used lexicons. It counts the frame-cue words of
  ``framing/lexicons/frames.tsv`` in an article, in one pass of
  :class:`~framing.features.matcher.LexiconMatcher`. The lexicon has about 30 to
  55 terms per frame, written by the framing project from the codebook's
  definitions. The article's frame distribution is each frame's share of the
  matches, and its primary frame is the frame with the largest share. Every
  match is returned as evidence.
* :class:`FrameClassifier` is a scikit-learn classifier (a logistic
  regression) for users who have their own frame-labelled articles. It takes
  the output of :class:`FrameFeatures`, or any other numeric features.
  :meth:`FrameClassifier.from_texts` builds and fits the whole pipeline from
  raw texts.

A lexicon score is a count of cue words, not a frame annotation. It shows
which aspects an article's vocabulary touches. Check it against labelled
articles before you draw conclusions.

Examples
--------
>>> text = "Congress passed the bill. Critics said the tax would cost jobs."
>>> primary_frame([text])
['economic']
>>> {k: round(v, 2) for k, v in frame_distribution(text).items() if v}
{'economic': 0.6, 'policy_prescription': 0.2, 'political': 0.2}
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted

from .attribution.cues import lower_same_length
from .features.analysis import word_count
from .features.base import Evidence, TextTransformer, check_texts
from .features.matcher import LexiconMatcher, Match

try:  # scikit-learn >= 1.6
    from sklearn.utils.validation import validate_data as _validate_data
except ImportError:  # pragma: no cover - scikit-learn 1.5
    def _validate_data(estimator: Any, *args: Any, **kwargs: Any) -> Any:
        return estimator._validate_data(*args, **kwargs)

__all__ = ["FRAMES", "FRAME_NAMES", "FrameClassifier", "FrameFeatures", "frame_distribution",
           "frame_lexicon", "frame_matches", "make_frame_pipeline", "primary_frame"]

#: Frame ids, in the order of the Media Frames Corpus codebook (codes 1-15).
FRAMES: tuple[str, ...] = (
    "economic", "capacity_resources", "morality", "fairness_equality", "legality",
    "policy_prescription", "crime_punishment", "security_defense", "health_safety",
    "quality_of_life", "cultural_identity", "public_opinion", "political",
    "external_regulation", "other",
)
#: Frame id -> the codebook's frame name.
FRAME_NAMES: dict[str, str] = {
    "economic": "Economic",
    "capacity_resources": "Capacity and resources",
    "morality": "Morality",
    "fairness_equality": "Fairness and equality",
    "legality": "Legality, constitutionality and jurisprudence",
    "policy_prescription": "Policy prescription and evaluation",
    "crime_punishment": "Crime and punishment",
    "security_defense": "Security and defense",
    "health_safety": "Health and safety",
    "quality_of_life": "Quality of life",
    "cultural_identity": "Cultural identity",
    "public_opinion": "Public opinion",
    "political": "Political",
    "external_regulation": "External regulation and reputation",
    "other": "Other",
}
#: Column names of :class:`FrameFeatures`.
FEATURE_NAMES: tuple[str, ...] = (*(f"frame_{f}" for f in FRAMES), "primary_frame",
                                  "frame_terms_per_1k")
_OTHER = FRAMES.index("other")
_SHIPPED = "frames.tsv"


# ------------------------------------------------------------------------------- lexicon

def _parse_table(lines: Sequence[str], where: str) -> dict[str, tuple[str, ...]]:
    rows = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    if not rows or rows[0].split("\t")[:2] != ["term", "frame"]:
        raise ValueError(f"{where}: expected a header line 'term<TAB>frame' after the # comments")
    out: dict[str, list[str]] = {f: [] for f in FRAMES}
    seen: dict[str, set[str]] = {}
    for n, line in enumerate(rows[1:], 2):
        cells = line.split("\t")
        if len(cells) < 2:
            raise ValueError(f"{where}: data row {n} has no tab: {line!r}")
        term, frame = " ".join(cells[0].split()), cells[1].strip()
        if frame not in out:
            raise ValueError(f"{where}: data row {n}: unknown frame {frame!r}; valid: "
                             f"{', '.join(FRAMES)}")
        if not term:
            raise ValueError(f"{where}: data row {n}: empty term")
        frames = seen.setdefault(term.lower(), set())
        frames.add(frame)
        if len(frames) > 2:
            raise ValueError(f"{where}: term {term!r} is listed for {len(frames)} frames; "
                             "a term may cue 2 frames at most")
        out[frame].append(term)
    return {f: tuple(sorted(set(t))) for f, t in out.items()}


@lru_cache(maxsize=16)
def frame_lexicon(path: str | None = None) -> dict[str, tuple[str, ...]]:
    """Frame id -> terms (as written: a capitalised term also matches as a name).

    Parameters
    ----------
    path : str or None
        A ``term<TAB>frame`` file in the format of the shipped
        ``framing/lexicons/frames.tsv`` (``# `` comment lines, a header line,
        frame ids from :data:`FRAMES`). None: the shipped lexicon.

    Examples
    --------
    >>> lex = frame_lexicon()
    >>> "Supreme Court" in lex["legality"], lex["other"]
    (True, ())
    """
    if path is None:
        from importlib import resources

        text = resources.files("framing.lexicons").joinpath(_SHIPPED).read_text("utf-8")
        where = f"framing/lexicons/{_SHIPPED}"
    else:
        text = Path(path).read_text(encoding="utf-8")
        where = str(path)
    return _parse_table(text.splitlines(), where)


@lru_cache(maxsize=16)
def _matchers(path: str | None) -> tuple[LexiconMatcher, LexiconMatcher]:
    """Matchers for the lower-case terms (skip names) and the capitalised terms (match names)."""
    lex = frame_lexicon(path)
    common = {f: [t for t in terms if t == t.lower()] for f, terms in lex.items()}
    names = {f: [t for t in terms if t != t.lower()] for f, terms in lex.items()}
    return (LexiconMatcher(common, skip_names=True), LexiconMatcher(names, skip_names=False))


def frame_matches(text: str, lexicon: str | os.PathLike[str] | None = None) -> list[Match]:
    """Every frame-term match in ``text``, sorted by position, then frame order.

    A span can match two frames (``church``: morality and cultural identity).
    Within one frame, overlapping matches keep the longest
    (``Homeland Security`` over ``security``). Negated matches are kept:
    "not a crime" still invokes the crime frame.

    Examples
    --------
    >>> text = "The Supreme Court ruled that church schools may stay open."
    >>> [(m.category, text[m.start:m.end]) for m in frame_matches(text)]
    [('legality', 'Supreme Court'), ('morality', 'church'), ('cultural_identity', 'church'), \
('quality_of_life', 'schools')]
    """
    return _frame_matches(text, None if lexicon is None else str(lexicon), True)


def _frame_matches(text: str, lexicon: str | None, negation: bool) -> list[Match]:
    """:func:`frame_matches`; ``negation=False`` skips the negation test (every match's
    ``negated`` is False), for the features, which count negated matches anyway."""
    common, names = _matchers(lexicon)
    low = lower_same_length(text)
    found = common.match(text, low, negation) + names.match(text, low, negation)
    found.sort(key=lambda m: (m.start, -(m.end - m.start), FRAMES.index(m.category)))
    out: list[Match] = []
    last_end: dict[str, int] = {}
    for m in found:
        if m.start < last_end.get(m.category, -1):
            continue
        last_end[m.category] = m.end
        out.append(m)
    out.sort(key=lambda m: (m.start, FRAMES.index(m.category)))
    return out


def _scores(matches: Sequence[Match]) -> tuple[np.ndarray, int]:
    """Match count per frame, and the primary frame's index.

    The primary frame has the most matches; a tie goes to the frame matched
    first in the text (the lead carries the frame), and an article with no
    match gets ``other``.
    """
    counts = np.zeros(len(FRAMES), dtype=np.float64)
    first: dict[int, int] = {}
    for m in matches:
        k = FRAMES.index(m.category)
        counts[k] += 1
        first.setdefault(k, m.start)
    if not counts.sum():
        return counts, _OTHER
    top = counts.max()
    primary = min((k for k in range(len(FRAMES)) if counts[k] == top), key=lambda k: first[k])
    return counts, primary


def frame_distribution(text: str, lexicon: str | os.PathLike[str] | None = None
                       ) -> dict[str, float]:
    """Each frame's share of the frame-term matches in ``text`` (all 0 without a match)."""
    counts, _ = _scores(_frame_matches(text, None if lexicon is None else str(lexicon), False))
    total = counts.sum()
    return {f: float(c / total) if total else 0.0 for f, c in zip(FRAMES, counts, strict=True)}


def primary_frame(texts: Any, lexicon: str | os.PathLike[str] | None = None) -> list[str]:
    """The primary frame id of each text (``other`` for a text without frame terms).

    Examples
    --------
    >>> primary_frame(["Troops repelled the insurgent attack.", "Nothing here."])
    ['security_defense', 'other']
    """
    path = None if lexicon is None else str(lexicon)
    return [FRAMES[_scores(_frame_matches(t, path, False))[1]] for t in check_texts(texts)]


# ------------------------------------------------------------------------------- transformer

class FrameFeatures(TextTransformer):
    """Per-article frame distribution from the frame lexicon, with span evidence.

    Parameters
    ----------
    lexicon : path-like or None, default None
        A user ``term<TAB>frame`` file in the format of
        ``framing/lexicons/frames.tsv``. None: the shipped lexicon.

    Notes
    -----
    Columns: ``frame_<id>`` for the 15 ids of :data:`FRAMES`, each the frame's
    share of the article's frame-term matches (they sum to 1, or are all 0
    when nothing matches). A span that cues two frames counts once for each.
    ``primary_frame`` is the index in :data:`FRAMES` of the frame with the
    most matches. A tie goes to the frame matched first in the text, and an
    article without matches gets ``other`` (14). It is categorical: one-hot
    encode it or drop it before a linear model (:func:`make_frame_pipeline`
    drops it). ``frame_terms_per_1k`` is the number of distinct matched spans
    per 1,000 words.

    The transformer is stateless. ``fit`` only validates its input.

    Examples
    --------
    >>> f = FrameFeatures()
    >>> X = f.fit_transform(["Troops and militants fought; the court ruled the war illegal."])
    >>> row = dict(zip(f.get_feature_names_out(), X[0]))
    >>> round(float(row["frame_security_defense"]), 2), FRAMES[int(row["primary_frame"])]
    (0.67, 'security_defense')
    """

    def __init__(self, lexicon: str | os.PathLike[str] | None = None) -> None:
        self.lexicon = lexicon

    def _lexicon(self) -> str | None:
        return None if self.lexicon is None else str(self.lexicon)

    def _feature_names(self) -> tuple[str, ...]:
        """``frame_<id>`` x 15, ``primary_frame``, ``frame_terms_per_1k``."""
        _matchers(self._lexicon())  # validates the lexicon
        return tuple(FEATURE_NAMES)

    def transform(self, X: Any) -> np.ndarray:
        """An ``(n_texts, 17)`` float array."""
        texts = check_texts(X)
        out = np.zeros((len(texts), len(FEATURE_NAMES)), dtype=np.float64)
        for row, text in enumerate(texts):
            matches = _frame_matches(text, self._lexicon(), False)
            counts, primary = _scores(matches)
            total = counts.sum()
            if total:
                out[row, :len(FRAMES)] = counts / total
            out[row, len(FRAMES)] = primary
            words = word_count(text)  # shared tokenisation (cached)
            if words:
                spans = {(m.start, m.end) for m in matches}
                out[row, len(FRAMES) + 1] = 1000.0 * len(spans) / words
        return out

    def evidence(self, X: Any) -> list[Evidence]:
        """Every frame-term match behind the columns.

        A match supports ``frame_<id>`` with weight ``1 / n_matches`` (its
        contribution to the share), ``primary_frame`` when it belongs to the
        primary frame (weight 1), and ``frame_terms_per_1k`` once per
        distinct span (weight 1).
        """
        out: list[Evidence] = []
        for row, text in enumerate(check_texts(X)):
            matches = _frame_matches(text, self._lexicon(), False)
            _, primary = _scores(matches)
            seen: set[tuple[int, int]] = set()
            for m in matches:
                span = text[m.start:m.end]
                out.append(Evidence(row, f"frame_{m.category}", m.start, m.end, span,
                                    1.0 / len(matches)))
                if m.category == FRAMES[primary]:
                    out.append(Evidence(row, "primary_frame", m.start, m.end, span))
                if (m.start, m.end) not in seen:
                    seen.add((m.start, m.end))
                    out.append(Evidence(row, "frame_terms_per_1k", m.start, m.end, span))
        return out


# ------------------------------------------------------------------------------- classifier

class FrameClassifier(ClassifierMixin, BaseEstimator):
    """A frame classifier for your own labelled articles: logistic regression on numeric X.

    ``X`` is any numeric matrix, such as the output of :class:`FrameFeatures`,
    a union with other feature sets, or TF-IDF. ``y`` holds frame labels, or
    any class labels. The columns are standardised (``standardize=True``), and
    then a multinomial :class:`~sklearn.linear_model.LogisticRegression` is
    fitted.

    Parameters
    ----------
    C : float, default 1.0
        Inverse L2 regularisation strength.
    class_weight : dict, "balanced" or None, default None
        As for ``LogisticRegression``. Use ``"balanced"`` when some frames are
        rare, as they usually are.
    max_iter : int, default 1000
        Iterations of the lbfgs solver.
    standardize : bool, default True
        Scale every column to zero mean and unit variance before fitting.

    Attributes
    ----------
    classes_ : ndarray
        The class labels.
    n_features_in_ : int
        Number of columns seen in ``fit``.
    scaler_ : StandardScaler or None
        The fitted scaler, or None when ``standardize=False``.
    model_ : LogisticRegression
        The fitted model. ``model_.coef_[k]`` are the weights for ``classes_[k]``.
    n_iter_ : ndarray
        Solver iterations (``model_.n_iter_``).

    Examples
    --------
    From raw texts: the frame features, minus the categorical ``primary_frame``
    column, are fed into the classifier.

    >>> texts = ["The tax will cost jobs and raise prices.", "Troops fought the insurgents.",
    ...          "The budget deficit and debt grew.", "The army repelled an attack."]
    >>> pipe = FrameClassifier.from_texts(texts, ["economic", "security_defense"] * 2)
    >>> pipe.predict(["Prices and wages fell.", "Militants bombed a base."]).tolist()
    ['economic', 'security_defense']

    The same pipeline with word n-grams added. This uses more data, but it is
    still interpretable through the coefficients:

    >>> from sklearn.feature_extraction.text import TfidfVectorizer
    >>> from sklearn.pipeline import make_pipeline, make_union
    >>> pipe = make_pipeline(make_union(make_frame_pipeline()[:-1],
    ...                                 TfidfVectorizer(min_df=1)),
    ...                      FrameClassifier(C=0.5, class_weight="balanced"))
    >>> pipe.fit(texts, ["economic", "security_defense"] * 2).predict(texts[:1]).tolist()
    ['economic']
    """

    def __init__(self, C: float = 1.0, class_weight: Mapping[Any, float] | str | None = None,
                 max_iter: int = 1000, standardize: bool = True) -> None:
        self.C = C
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.standardize = standardize

    def fit(self, X: Any, y: Any) -> FrameClassifier:
        """Fit the scaler and the logistic regression.

        Raises
        ------
        ValueError
            For non-numeric or non-finite ``X``, or ``y`` with fewer than 2 classes.
        """
        X, y = _validate_data(self, X, y, accept_sparse=("csr", "csc"))
        check_classification_targets(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) < 2:
            raise ValueError(f"FrameClassifier needs at least 2 classes in y; got 1 class: "
                             f"{self.classes_[0]!r}")
        if self.standardize:
            self.scaler_: StandardScaler | None = StandardScaler(
                with_mean=not hasattr(X, "tocsr")).fit(X)
            X = self.scaler_.transform(X)
        else:
            self.scaler_ = None
        self.model_ = LogisticRegression(C=self.C, class_weight=self.class_weight,
                                         max_iter=self.max_iter).fit(X, y)
        self.n_iter_ = self.model_.n_iter_
        return self

    def __sklearn_tags__(self):  # noqa: D105
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        return tags

    def _prepared(self, X: Any) -> Any:
        check_is_fitted(self, "model_")
        X = _validate_data(self, X, accept_sparse=("csr", "csc"), reset=False)
        return X if self.scaler_ is None else self.scaler_.transform(X)

    def decision_function(self, X: Any) -> np.ndarray:
        """Logistic-regression scores, ``(n_samples,)`` for 2 classes, else ``(n, n_classes)``."""
        X = self._prepared(X)
        return self.model_.decision_function(X)

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities, columns in the order of ``classes_``."""
        X = self._prepared(X)
        return self.model_.predict_proba(X)

    def predict_log_proba(self, X: Any) -> np.ndarray:
        """Log of :meth:`predict_proba`."""
        X = self._prepared(X)
        return self.model_.predict_log_proba(X)

    def predict(self, X: Any) -> np.ndarray:
        """The most probable class per row."""
        X = self._prepared(X)
        return self.model_.predict(X)

    @classmethod
    def from_texts(cls, texts: Any, y: Any, *, lexicon: str | os.PathLike[str] | None = None,
                   **params: Any) -> Pipeline:
        """Fit :func:`make_frame_pipeline` on raw ``texts`` with labels ``y``.

        Parameters
        ----------
        texts : list of str
            The articles.
        y : array-like
            One label per article, such as an MFC primary frame id.
        lexicon : path-like or None
            Passed to :class:`FrameFeatures`.
        **params
            Parameters of :class:`FrameClassifier` (``C``, ``class_weight``, ...).

        Returns
        -------
        Pipeline
            The fitted pipeline. Call ``predict(texts)`` on raw texts.
        """
        return make_frame_pipeline(lexicon=lexicon, **params).fit(check_texts(texts), y)


def make_frame_pipeline(lexicon: str | os.PathLike[str] | None = None,
                        **params: Any) -> Pipeline:
    """An unfitted ``FrameFeatures → drop primary_frame → FrameClassifier`` pipeline.

    The steps are named ``frames``, ``select`` and ``classifier``. ``pipe[:-1]``
    is the text-to-features part, which you can put in a feature union.
    """
    select = ColumnTransformer([("drop_primary", "drop", [len(FRAMES)])],
                               remainder="passthrough")
    return Pipeline([("frames", FrameFeatures(lexicon=lexicon)), ("select", select),
                     ("classifier", FrameClassifier(**params))])
