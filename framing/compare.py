"""Same-event outlet comparison: hold the event fixed and test the difference.

*Given the same events, how do these outlets frame them differently, and how
sure are we?* Comparing outlet averages over whatever each outlet happened to
cover mixes up framing with story selection (one outlet wrote about wars, the
other about tax law). This module compares outlets **within events**:

1. :func:`align_events` decides which articles report the same event: the
   corpus's own ``event`` ids when it has them, otherwise a deterministic
   clustering by date window and TF-IDF text similarity. The grouping is a
   table you can save (:func:`save_grouping`) and inspect.
2. :func:`feature_table` turns articles into a feature table (any
   :mod:`framing.features` transformer, by name or instance).
3. :func:`paired_differences` takes, for every feature and every pair of
   outlets (or leanings) A and B, the events covered by both, averages each
   side's articles within an event, and analyses the per-event differences
   ``A - B``: mean, bootstrap confidence interval over events, a paired
   sign-flip permutation test, Benjamini–Hochberg adjusted p-values, Cohen's
   d_z and, optionally, a linear mixed model with a random intercept per event
   (needs :mod:`statsmodels`, imported only then).
4. :func:`unpaired_profiles` gives plain per-outlet means for corpora whose
   events are not shared -- clearly labelled as *not* a same-event comparison.

Everything is deterministic for a given ``seed``: the random streams are
derived from the seed and the names of the two groups, so a pair's result does
not depend on which other groups or features are in the table.

Examples
--------
>>> import pandas as pd
>>> from framing.corpora import Article
>>> arts = [Article(f"{o}{e}", "x " * (n + 1), outlet=o, event=f"e{e}")
...         for e, (na, nb) in enumerate([(3, 5), (4, 7), (2, 4), (6, 9)])
...         for o, n in (("a", na), ("b", nb))]
>>> grouping = align_events(arts)
>>> feats = pd.DataFrame({"n_words": [a.n_words for a in arts]},
...                      index=[a.id for a in arts])
>>> res = paired_differences(feats, grouping, group="outlet", n_boot=200)
>>> r = res.iloc[0]
>>> r.group_a, r.group_b, int(r.n_events), float(r.mean_diff), float(r.p_value), r.p_method
('a', 'b', 4, -2.5, 0.125, 'exact')
"""

from __future__ import annotations

import math
import os
import warnings
import zlib
from collections.abc import Iterable, Sequence
from datetime import date as _date
from itertools import combinations
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import sparse

from ._atomic import atomic_write
from .corpora.model import Article

__all__ = [
    "GROUPING_COLUMNS",
    "align_events",
    "articles_frame",
    "benjamini_hochberg",
    "feature_table",
    "paired_differences",
    "read_grouping",
    "save_grouping",
    "unpaired_profiles",
]

#: Columns of the table returned by :func:`align_events`, in order.
GROUPING_COLUMNS = ("doc_id", "outlet", "leaning", "date", "event", "similarity", "event_size",
                    "grouping", "title")

#: Largest number of shared events for which the sign-flip test enumerates all 2**n flips.
EXACT_MAX_EVENTS = 12

_CHUNK = 1024  # resamples per matrix product (bounds memory; results do not depend on it)


# --------------------------------------------------------------------------- event alignment


def articles_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """The metadata of ``articles`` as a table (one row per article, input order).

    Columns: ``doc_id``, ``outlet``, ``leaning``, ``date``, ``event``, ``title``.

    Examples
    --------
    >>> from framing.corpora import Article
    >>> articles_frame([Article("1", "Text.", outlet="fox", event="e1")]).iloc[0].tolist()
    ['1', 'fox', None, None, 'e1', None]
    """
    rows = [{"doc_id": a.id, "outlet": a.outlet, "leaning": a.leaning, "date": a.date,
             "event": a.event, "title": a.title} for a in articles]
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "leaning", "date", "event", "title"],
                        dtype=object)


def _tfidf(articles: Sequence[Article]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows over title + text (all-zero rows for empty texts)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [f"{a.title or ''}\n{a.text}" for a in articles]
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, dtype=np.float64)
    try:
        X = vec.fit_transform(docs)
    except ValueError:  # empty vocabulary: nothing but stop words / no words at all
        X = sparse.csr_matrix((len(docs), 1), dtype=np.float64)
    return sparse.csr_matrix(X)


def _ordinal(d: str | None) -> int | None:
    if not d:
        return None
    try:
        return _date.fromisoformat(str(d)[:10]).toordinal()
    except ValueError:
        return None


def _greedy_clusters(X: sparse.csr_matrix, ids: Sequence[str], dates: Sequence[int | None],
                     todo: Sequence[int], window_days: int | None,
                     min_similarity: float) -> dict[int, int]:
    """Greedy single-pass centroid clustering in date order; see :func:`align_events`."""
    order = sorted(todo, key=lambda i: (dates[i] is None, dates[i] or 0, ids[i]))
    self_norm = np.asarray(X.multiply(X).sum(axis=1)).ravel()
    members: list[list[int]] = []
    anchors: list[int | None] = []
    norm2: list[float] = []
    label: dict[int, int] = {}
    lo = 0  # first cluster whose anchor may still be inside the window (anchors ascend)
    for i in order:
        d = dates[i]
        if window_days is not None and d is not None:
            while lo < len(members) and anchors[lo] is not None and anchors[lo] < d - window_days:
                lo += 1
            cand = range(lo, len(members))
        else:
            cand = range(len(members))
        best, best_score, best_dot = -1, -np.inf, 0.0
        if self_norm[i] > 0 and len(cand):
            flat = [m for c in cand for m in members[c]]
            owner = np.repeat(np.arange(len(cand)), [len(members[c]) for c in cand])
            sims = np.asarray((X[flat] @ X[i].T).todense()).ravel()
            dots = np.bincount(owner, weights=sims, minlength=len(cand))
            norms = np.sqrt(np.maximum([norm2[c] for c in cand], 1e-300))
            scores = dots / norms
            k = int(np.argmax(scores))  # first maximum: ties go to the older cluster
            best, best_score, best_dot = cand[k], float(scores[k]), float(dots[k])
        if best >= 0 and best_score >= min_similarity:
            members[best].append(i)
            norm2[best] += 2.0 * best_dot + float(self_norm[i])
            label[i] = best
        else:
            label[i] = len(members)
            members.append([i])
            anchors.append(d)
            norm2.append(float(self_norm[i]))
    return label


def align_events(articles: Iterable[Article], *, by: Literal["event", "similarity"] = "event",
                 window_days: int | None = 3, min_similarity: float = 0.3) -> pd.DataFrame:
    """Decide which articles report the same event.

    Parameters
    ----------
    articles : iterable of Article
        Article ids must be unique.
    by : {"event", "similarity"}
        ``"event"``: an article's own ``event`` id is its event; articles
        *without* one (all of them, for a corpus with no event ids) are
        clustered by similarity. ``"similarity"``: ignore the given ids and
        cluster every article.
    window_days : int or None
        An article can join an event only if its date is at most this many
        days after the event's first article. ``None`` disables the window.
        Undated articles are compared with every event.
    min_similarity : float
        Smallest cosine similarity between an article and an event's centroid
        for the article to join it.

    Returns
    -------
    pandas.DataFrame
        One row per article, in input order, with columns
        :data:`GROUPING_COLUMNS`: ``doc_id``, ``outlet``, ``leaning``,
        ``date``, ``event`` (the given id, or ``auto-0001``, ... for clusters),
        ``similarity`` (cosine similarity of the article to its event's
        centroid; 1.0 for a one-article event with any words), ``event_size``,
        ``grouping`` (``"event_id"`` or ``"similarity"``) and ``title``.

    Notes
    -----
    **Similarity.** Each article is represented by TF-IDF over its title and
    text (scikit-learn ``TfidfVectorizer``, English stop words removed,
    sublinear term frequency, L2-normalised rows), fitted on all the articles
    passed in. An event's centroid is the sum of its members' vectors; the
    similarity of an article to an event is the cosine between the article's
    vector and that centroid.

    **Clustering** (articles without an event id). A single greedy pass over
    the articles sorted by (date, id), undated articles last: each article is
    compared with every event opened so far whose first article lies within
    ``window_days`` before it, and joins the most similar one if that
    similarity is at least ``min_similarity`` (ties go to the older event);
    otherwise it opens a new event. Comparing with the centroid rather than
    with single articles avoids the chaining of connected-component
    clustering (A like B, B like C, so A with C). Because the order is fixed by
    (date, id), the result does not depend on the order of the input, and the
    same input always gives the same events (numbered in order of their first
    article). An article with no words (after stop words) is an event of its
    own with similarity 0.

    Examples
    --------
    >>> from framing.corpora import Article
    >>> arts = [
    ...     Article("a1", "Flood waters rise in the river valley town.", outlet="a",
    ...             date="2020-01-01"),
    ...     Article("b1", "River flood waters reach valley town homes.", outlet="b",
    ...             date="2020-01-02"),
    ...     Article("a2", "Parliament passes the budget bill after a long vote.", outlet="a",
    ...             date="2020-03-01"),
    ...     Article("b2", "Budget bill vote: parliament passes it.", outlet="b",
    ...             date="2020-03-01"),
    ... ]
    >>> align_events(arts, min_similarity=0.2)["event"].tolist()
    ['auto-1', 'auto-1', 'auto-2', 'auto-2']
    """
    if by not in ("event", "similarity"):
        raise ValueError(f"by must be 'event' or 'similarity', got {by!r}")
    if window_days is not None and window_days < 0:
        raise ValueError(f"window_days must be >= 0 or None, got {window_days}")
    arts = list(articles)
    ids = [a.id for a in arts]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise ValueError(f"article ids must be unique; {dup!r} occurs more than once")
    X = _tfidf(arts)
    given = [a.event if by == "event" and a.event not in (None, "") else None for a in arts]
    todo = [i for i, e in enumerate(given) if e is None]
    events: list[str] = [str(e) if e is not None else "" for e in given]
    if todo:
        dates = [_ordinal(a.date) for a in arts]
        label = _greedy_clusters(X, ids, dates, todo, window_days, min_similarity)
        n_clusters = max(label.values()) + 1
        width = len(str(n_clusters))
        taken = {e for e in events if e}
        prefix = "auto-"
        while any(e.startswith(prefix) for e in taken):
            prefix = "_" + prefix
        for i, c in label.items():
            events[i] = f"{prefix}{c + 1:0{width}d}"
    df = articles_frame(arts)
    df["event"] = pd.Series(events, dtype=object)
    sim = np.zeros(len(arts))
    codes, uniq = pd.factorize(pd.Series(events, dtype=object))
    if len(arts):
        onehot = sparse.csr_matrix((np.ones(len(arts)), (codes, np.arange(len(arts)))),
                                   shape=(len(uniq), len(arts)))
        centroids = sparse.csr_matrix(onehot @ X)  # event x vocabulary sums
        cnorm = np.sqrt(np.asarray(centroids.multiply(centroids).sum(axis=1)).ravel())
        dots = np.asarray(X.multiply(centroids[codes]).sum(axis=1)).ravel()
        with np.errstate(invalid="ignore", divide="ignore"):
            sim = np.where(cnorm[codes] > 0, dots / cnorm[codes], 0.0)
    df["similarity"] = np.round(sim, 6)
    df["event_size"] = df.groupby("event")["doc_id"].transform("size").astype(int)
    df["grouping"] = ["event_id" if g is not None else "similarity" for g in given]
    return df[list(GROUPING_COLUMNS)]


def save_grouping(grouping: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write an event grouping (from :func:`align_events`) as CSV, atomically.

    The file is written to a temporary file beside ``path`` and renamed, so an
    interrupted run never leaves a half-written file. Missing values are empty
    cells. Read it back with :func:`read_grouping`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from framing.corpora import Article
    >>> g = align_events([Article("1", "Some text.", outlet="fox", event="e1")])
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "grouping.csv"
    >>> save_grouping(g, out)
    >>> read_grouping(out).loc[0, ["doc_id", "outlet", "event"]].tolist()
    ['1', 'fox', 'e1']
    """
    with atomic_write(path) as fh:
        grouping.to_csv(fh, index=False, lineterminator="\n")


def read_grouping(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a grouping written by :func:`save_grouping` (ids stay strings; empty -> None)."""
    text_cols = ("doc_id", "outlet", "leaning", "date", "event", "grouping", "title")
    df = pd.read_csv(path, dtype={c: object for c in text_cols}, keep_default_na=False,
                     na_values={c: [""] for c in text_cols})
    for c in text_cols:
        if c in df.columns:
            df[c] = df[c].astype(object).where(df[c].notna(), None)
    return df


def feature_table(articles: Iterable[Article], extractor: Any = "readability") -> pd.DataFrame:
    """Run a feature extractor over ``articles``; one row per article, indexed by id.

    Parameters
    ----------
    articles : iterable of Article
    extractor : str or transformer
        A registry name (``"readability"``, ``"loaded.v1"``, ... see
        :func:`framing.features.make`) or any fitted-or-stateless transformer
        with ``transform`` and ``get_feature_names_out``.

    Examples
    --------
    >>> from framing.corpora import Article
    >>> t = feature_table([Article("d1", "The cat sat. It was happy.")])
    >>> float(t.loc["d1", "words_per_sentence"])
    3.0
    """
    from .features.registry import make

    arts = list(articles)
    tr = make(extractor) if isinstance(extractor, str) else extractor
    texts = [a.text for a in arts]
    X = np.asarray(tr.fit_transform(texts) if hasattr(tr, "fit_transform")
                   else tr.transform(texts), dtype=np.float64)
    names = [str(n) for n in tr.get_feature_names_out()]
    return pd.DataFrame(X, columns=names, index=pd.Index([a.id for a in arts], name="doc_id"))


# --------------------------------------------------------------------------- statistics helpers


def benjamini_hochberg(p_values: Any) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (false discovery rate); NaNs are left out.

    ``p_adj[(i)] = min_{j >= i} min(1, m * p[(j)] / j)`` over the ``m`` finite
    p-values sorted ascending; NaN inputs stay NaN and do not count in ``m``.

    Examples
    --------
    >>> benjamini_hochberg([0.01, 0.04, 0.03, 0.20]).round(4).tolist()
    [0.04, 0.0533, 0.0533, 0.2]
    """
    p = np.asarray(p_values, dtype=np.float64)
    out = np.full(p.shape, np.nan)
    ok = np.isfinite(p)
    m = int(ok.sum())
    if m == 0:
        return out
    pv = p[ok]
    order = np.argsort(pv, kind="stable")
    scaled = pv[order] * m / np.arange(1, m + 1)
    adj = np.minimum.accumulate(scaled[::-1])[::-1]
    res = np.empty(m)
    res[order] = np.minimum(adj, 1.0)
    out[ok] = res
    return out


def _stable_key(*parts: str | bytes) -> int:
    crc = 0
    for p in parts:
        crc = zlib.crc32(p if isinstance(p, bytes) else p.encode("utf-8"), crc)
        crc = zlib.crc32(b"\x1f", crc)
    return crc


def _all_signs(n: int) -> np.ndarray:
    """All 2**n sign vectors, shape (2**n, n)."""
    k = np.arange(2 ** n, dtype=np.int64)[:, None] >> np.arange(n, dtype=np.int64)
    return 1.0 - 2.0 * (k & 1)


def _paired_stats(D: np.ndarray, rng: np.random.Generator, n_boot: int, n_perm: int,
                  alpha: float, exact_max: int) -> dict[str, np.ndarray | str]:
    """Bootstrap CI and sign-flip p for every column of ``D`` (events x features), vectorised."""
    n, f = D.shape
    mean = D.mean(axis=0)
    if n > 1:
        sd = D.std(axis=0, ddof=1)
    else:
        sd = np.full(f, np.nan)
    # bootstrap: resample events with replacement; a resample is a count vector over events
    boot = np.empty((n_boot, f))
    for s in range(0, n_boot, _CHUNK):
        k = min(_CHUNK, n_boot - s)
        W = rng.multinomial(n, np.full(n, 1.0 / n), size=k).astype(np.float64)
        boot[s:s + k] = W @ D / n
    ci = np.quantile(boot, [alpha / 2, 1 - alpha / 2], axis=0)
    # sign-flip permutation test on the mean difference, two-sided
    thresh = np.abs(mean) - 1e-9 * np.maximum(np.abs(D).mean(axis=0), 1e-300)
    if n <= exact_max:
        S = _all_signs(n)
        hits = (np.abs(S @ D / n) >= thresh).sum(axis=0)
        p = hits / S.shape[0]
        method = "exact"
    else:
        hits = np.zeros(f, dtype=np.int64)
        for s in range(0, n_perm, _CHUNK):
            k = min(_CHUNK, n_perm - s)
            S = 1.0 - 2.0 * rng.integers(0, 2, size=(k, n))
            hits += (np.abs(S @ D / n) >= thresh).sum(axis=0)
        p = (hits + 1) / (n_perm + 1)
        method = "monte-carlo"
    return {"mean": mean, "sd": sd, "ci_low": ci[0], "ci_high": ci[1], "p": p, "method": method}


def _mixed_model(y: np.ndarray, is_a: np.ndarray, events: np.ndarray,
                 alpha: float) -> tuple[float, float, float, float, str]:
    """MixedLM ``y ~ 1 + is_a`` with a random intercept per event (statsmodels, lazy)."""
    try:
        from statsmodels.regression.mixed_linear_model import MixedLM
    except ImportError:  # pragma: no cover - depends on the environment
        return (math.nan, math.nan, math.nan, math.nan,
                "mixed model skipped: statsmodels is not installed (pip install statsmodels)")
    exog = np.column_stack([np.ones(len(y)), is_a.astype(np.float64)])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            fit = MixedLM(y, exog, groups=events).fit(reml=True)
            coef = float(fit.params[1])
            lo, hi = (float(v) for v in np.asarray(fit.conf_int(alpha=alpha))[1])
            pval = float(fit.pvalues[1])
        except Exception as exc:  # singular designs, failed optimisation
            return math.nan, math.nan, math.nan, math.nan, f"mixed model failed: {exc}"
    notes = sorted({f"{type(w.message).__name__}: {str(w.message).splitlines()[0]}"
                    for w in caught})
    return coef, lo, hi, pval, "; ".join(notes)


def _prepare(features: pd.DataFrame, meta: pd.DataFrame | Iterable[Article], group: str,
             event: str | None) -> tuple[pd.DataFrame, list[str]]:
    """Join features and metadata; rows without a group (or event) are dropped."""
    if not isinstance(meta, pd.DataFrame):
        meta = articles_frame(meta)
    if not isinstance(features, pd.DataFrame):
        raise TypeError(f"features must be a pandas DataFrame, got {type(features).__name__}")
    feats = features
    if "doc_id" in feats.columns:
        feats = feats.set_index("doc_id")
    cols = [c for c in feats.columns
            if pd.api.types.is_numeric_dtype(feats[c]) and c not in (group, event)]
    if not cols:
        raise ValueError("features has no numeric columns")
    for c in (group, event):
        if c is not None and c not in meta.columns:
            raise ValueError(f"meta has no column {c!r} (columns: {list(meta.columns)})")
    if ("doc_id" in meta.columns and feats.index.is_unique
            and pd.Index(meta["doc_id"]).isin(feats.index).all()):
        values = feats.loc[list(meta["doc_id"]), cols].to_numpy(np.float64)
    elif len(feats) == len(meta):
        values = feats[cols].to_numpy(np.float64)
    else:
        raise ValueError("cannot align features with meta: give meta a 'doc_id' column whose "
                         "ids are in features.index, or pass tables of the same length in the "
                         f"same order ({len(feats)} feature rows, {len(meta)} meta rows)")
    data = pd.DataFrame(values, columns=cols)
    data["_group"] = meta[group].to_numpy(dtype=object)
    keep = data["_group"].notna()
    if event is not None:
        data["_event"] = meta[event].to_numpy(dtype=object)
        keep &= data["_event"].notna()
    data = data[keep.to_numpy()].reset_index(drop=True)
    data["_group"] = data["_group"].astype(str).astype(object)
    if event is not None:
        data["_event"] = data["_event"].astype(str).astype(object)
    return data, [str(c) for c in cols]


# --------------------------------------------------------------------------- paired comparison

PAIRED_COLUMNS = ("feature", "group_a", "group_b", "n_events", "mean_a", "mean_b", "mean_diff",
                  "sd_diff", "ci_low", "ci_high", "p_value", "p_method", "p_adjusted",
                  "effect_size", "significant", "design", "note")
MIXED_COLUMNS = ("mm_coef", "mm_ci_low", "mm_ci_high", "mm_p_value", "mm_note")


def paired_differences(features: pd.DataFrame, meta: pd.DataFrame | Iterable[Article],
                       group: str = "outlet", *, event: str = "event",
                       pairs: Sequence[tuple[str, str]] | None = None, n_boot: int = 2000,
                       n_perm: int = 5000, seed: int = 0, alpha: float = 0.05,
                       fdr: Literal["all", "pair"] = "all", mixed_model: bool = False,
                       exact_max: int = EXACT_MAX_EVENTS) -> pd.DataFrame:
    """Within-event differences between groups, feature by feature, with uncertainty.

    For every numeric feature column and every pair of groups (A, B), the
    events where both A and B have at least one article are kept (an event
    missing either side is dropped *for that pair only*); when a group has
    several articles in an event their feature values are averaged first. The
    per-event differences ``d_e = A_e - B_e`` are then analysed.

    Parameters
    ----------
    features : pandas.DataFrame
        One row per article; the numeric columns are the features. Rows are
        matched to ``meta`` through ``meta["doc_id"]`` and ``features.index``
        (or a ``doc_id`` column) when possible, otherwise by position (same
        length required).
    meta : pandas.DataFrame or iterable of Article
        Article metadata with the ``group`` and ``event`` columns, e.g. the
        output of :func:`align_events`. Rows whose group or event is missing
        are left out.
    group : str
        The column to compare: ``"outlet"``, ``"leaning"`` or any other.
    event : str
        The column holding the event ids.
    pairs : sequence of (str, str), optional
        Compare only these pairs (A, B). Default: every pair of groups, each
        in sorted order (A < B).
    n_boot : int
        Bootstrap resamples of the events for the confidence interval.
    n_perm : int
        Random sign flips for the permutation test when there are more than
        ``exact_max`` shared events.
    seed : int
        Seed of the random streams (the same seed gives the same table).
    alpha : float
        ``1 - alpha`` confidence intervals; ``significant`` is
        ``p_adjusted < alpha``.
    fdr : {"all", "pair"}
        Benjamini–Hochberg family: every (feature, pair) test of the table
        (``"all"``, default) or the features of each pair separately.
    mixed_model : bool
        Also fit, per feature and pair, a linear mixed model (statsmodels
        ``MixedLM``, REML) on the *article-level* values of A and B in the
        shared events: ``value ~ 1 + [group is A]`` with a random intercept per
        event. Adds ``mm_coef`` (the A - B contrast), ``mm_ci_low``,
        ``mm_ci_high``, ``mm_p_value`` (Wald) and ``mm_note`` (warnings such as
        non-convergence). statsmodels is imported only then.
    exact_max : int
        Largest number of shared events for which the sign-flip test
        enumerates all ``2**n`` flips (exact p-value).

    Returns
    -------
    pandas.DataFrame
        One row per (pair, feature), pairs in order, features in column order:

        - ``feature``, ``group_a``, ``group_b``;
        - ``n_events``: shared events with a value for the feature;
        - ``mean_a``, ``mean_b``: means over those events of the per-event
          averages; ``mean_diff = mean_a - mean_b``; ``sd_diff``: SD (ddof 1)
          of the per-event differences;
        - ``ci_low``, ``ci_high``: percentile bootstrap interval of the mean
          difference, resampling events (``n_boot`` resamples);
        - ``p_value``: paired sign-flip permutation test of the mean
          difference, two-sided; ``p_method`` is ``"exact"`` (all ``2**n``
          flips, ``n <= exact_max``) or ``"monte-carlo"`` (``n_perm`` random
          flips, ``p = (1 + hits) / (1 + n_perm)``, never 0);
        - ``p_adjusted``: Benjamini–Hochberg (see ``fdr``);
        - ``effect_size``: Cohen's d_z = mean difference / SD of the
          differences (0 when that SD is 0, NaN with one event);
        - ``significant``: ``p_adjusted < alpha``;
        - ``design``: ``"paired"``; ``note``: why a row was not tested
          (``"zero variance ..."``, ``"no shared events"``) or a caveat.

        ``DataFrame.attrs`` records the settings (seed, n_boot, ...).

    Notes
    -----
    Zero-variance features (the same value for every article of A and B in
    the shared events) are not tested: their row has ``n_events`` and the
    means, NaN statistics, a ``note``, and they do not count in the
    Benjamini–Hochberg family. All features of a pair share the bootstrap
    resamples and sign flips (drawn once as ``resamples x events`` matrices);
    the random stream of a pair is seeded by ``seed`` and the two group names,
    so adding a group or a feature does not change other rows.

    Examples
    --------
    Outlet ``b`` writes one point higher on ``tone`` in every event; ``len``
    does not differ:

    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(1)
    >>> base = rng.normal(size=20)
    >>> meta = pd.DataFrame({"doc_id": [f"{o}{e}" for o in "ab" for e in range(20)],
    ...                      "outlet": ["a"] * 20 + ["b"] * 20,
    ...                      "event": [f"e{e}" for e in range(20)] * 2})
    >>> feats = pd.DataFrame({"tone": np.r_[base, base + 1 + rng.normal(0, .3, 20)],
    ...                       "len": rng.normal(size=40)}, index=meta["doc_id"])
    >>> res = paired_differences(feats, meta, n_boot=500, n_perm=1000)
    >>> res[["feature", "n_events", "significant"]].values.tolist()
    [['tone', 20, True], ['len', 20, False]]
    >>> bool(res.loc[0, "ci_high"] < 0)  # a - b is about -1
    True
    """
    if fdr not in ("all", "pair"):
        raise ValueError(f"fdr must be 'all' or 'pair', got {fdr!r}")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be in (0, 1), got {alpha}")
    if n_boot < 1 or n_perm < 1:
        raise ValueError("n_boot and n_perm must be >= 1")
    data, cols = _prepare(features, meta, group, event)
    groups = sorted(data["_group"].unique())
    if pairs is None:
        pair_list = list(combinations(groups, 2))
    else:
        pair_list = [(str(a), str(b)) for a, b in pairs]
        for a, b in pair_list:
            if a == b:
                raise ValueError(f"a pair needs two different groups, got ({a!r}, {b!r})")
    cells = data.groupby(["_group", "_event"], sort=True)[cols].mean()
    rows: list[dict[str, Any]] = []
    for a, b in pair_list:
        ta = cells.xs(a, level="_group") if a in groups else cells.iloc[:0].droplevel(0)
        tb = cells.xs(b, level="_group") if b in groups else cells.iloc[:0].droplevel(0)
        shared = ta.index.intersection(tb.index).sort_values()
        A = ta.loc[shared, cols].to_numpy(np.float64)
        B = tb.loc[shared, cols].to_numpy(np.float64)
        D = A - B
        valid = np.isfinite(D)
        pair_rows: list[dict[str, Any]] = [{} for _ in cols]
        # features with the same set of usable events are analysed together
        masks: dict[bytes, list[int]] = {}
        for j in range(len(cols)):
            masks.setdefault(valid[:, j].tobytes(), []).append(j)
        for key, js in masks.items():
            m = valid[:, js[0]]
            n = int(m.sum())
            Am, Bm, Dm = A[m][:, js], B[m][:, js], D[m][:, js]
            for k, j in enumerate(js):
                pair_rows[j] = {
                    "feature": cols[j], "group_a": a, "group_b": b, "n_events": n,
                    "mean_a": float(Am[:, k].mean()) if n else math.nan,
                    "mean_b": float(Bm[:, k].mean()) if n else math.nan,
                    "mean_diff": math.nan, "sd_diff": math.nan, "ci_low": math.nan,
                    "ci_high": math.nan, "p_value": math.nan, "p_method": "",
                    "effect_size": math.nan, "design": "paired", "note": "",
                }
            if n == 0:
                for j in js:
                    pair_rows[j]["note"] = "no shared events"
                continue
            both = np.vstack([Am, Bm])
            constant = np.ptp(both, axis=0) == 0
            for k in np.flatnonzero(constant):
                pair_rows[js[k]]["note"] = ("zero variance: the feature has one value for "
                                            "every article of both groups; not tested")
                pair_rows[js[k]]["mean_diff"] = 0.0
            test = np.flatnonzero(~constant)
            if not len(test):
                continue
            rng = np.random.default_rng([seed, _stable_key(a, b, key)])
            st = _paired_stats(Dm[:, test], rng, n_boot, n_perm, alpha, exact_max)
            for t, k in enumerate(test):
                sd = float(st["sd"][t])
                mean = float(st["mean"][t])
                r = pair_rows[js[k]]
                r.update(mean_diff=mean, sd_diff=sd, ci_low=float(st["ci_low"][t]),
                         ci_high=float(st["ci_high"][t]), p_value=float(st["p"][t]),
                         p_method=st["method"])
                if n == 1:
                    r["effect_size"] = math.nan
                    r["note"] = "one shared event: no spread, the test cannot reject"
                else:
                    r["effect_size"] = mean / sd if sd > 0 else 0.0
                    if sd == 0:
                        r["note"] = "constant differences (sd 0): effect_size set to 0"
        if mixed_model:
            sub = data[data["_group"].isin([a, b]) & data["_event"].isin(shared)]
            for j, c in enumerate(cols):
                r = pair_rows[j]
                if not np.isfinite(r["p_value"]):
                    r.update(mm_coef=math.nan, mm_ci_low=math.nan, mm_ci_high=math.nan,
                             mm_p_value=math.nan, mm_note="not fitted: " + (r["note"] or "-"))
                    continue
                ev_ok = set(np.asarray(shared)[valid[:, j]])
                ok = sub[c].notna().to_numpy() & sub["_event"].isin(ev_ok).to_numpy()
                coef, lo, hi, pv, note = _mixed_model(
                    sub[c].to_numpy(np.float64)[ok], (sub["_group"] == a).to_numpy()[ok],
                    sub["_event"].to_numpy()[ok], alpha)
                r.update(mm_coef=coef, mm_ci_low=lo, mm_ci_high=hi, mm_p_value=pv,
                         mm_note=note)
        rows.extend(pair_rows)
    columns = list(PAIRED_COLUMNS) + (list(MIXED_COLUMNS) if mixed_model else [])
    out = pd.DataFrame(rows, columns=columns)
    out["n_events"] = out["n_events"].astype(np.int64)
    p = out["p_value"].to_numpy(np.float64)
    if fdr == "all":
        out["p_adjusted"] = benjamini_hochberg(p)
    else:
        adj = np.full(len(out), np.nan)
        for _, idx in out.groupby(["group_a", "group_b"], sort=False).indices.items():
            adj[idx] = benjamini_hochberg(p[idx])
        out["p_adjusted"] = adj
    out["significant"] = (out["p_adjusted"] < alpha).fillna(False).astype(bool)
    out.attrs.update(group=group, seed=seed, n_boot=n_boot, n_perm=n_perm, alpha=alpha,
                     fdr=fdr, exact_max=exact_max, difference="mean_a - mean_b")
    return out


# --------------------------------------------------------------------------- unpaired profiles


def unpaired_profiles(features: pd.DataFrame, meta: pd.DataFrame | Iterable[Article],
                      group: str = "outlet", *,
                      test: Literal["welch", "mannwhitney"] | None = None,
                      alpha: float = 0.05) -> pd.DataFrame:
    """Per-group feature means -- NOT a same-event comparison.

    Use this for corpora where the groups do not cover the same events (e.g.
    one outlet per article, different stories). Differences here mix framing
    with story selection: an outlet that covers more crime will look more
    negative without framing anything differently. Where events are shared,
    use :func:`paired_differences` instead.

    Parameters
    ----------
    features, meta
        As for :func:`paired_differences` (``meta`` needs only the ``group``
        column).
    group : str
        The column to profile.
    test : {None, "welch", "mannwhitney"}
        Optionally compare each group with all other articles ("the rest"):
        Welch's t-test or the Mann–Whitney U test (two-sided, scipy), with
        Benjamini–Hochberg adjustment over all rows.
    alpha : float
        Threshold for ``significant`` when ``test`` is given.

    Returns
    -------
    pandas.DataFrame
        One row per (feature, group): ``feature``, ``group``, ``n``, ``mean``,
        ``sd`` (ddof 1; NaN for one article), ``design`` (``"unpaired"``) and
        ``note``; with ``test`` also ``mean_rest``, ``n_rest``, ``statistic``,
        ``p_value``, ``p_adjusted``, ``significant``.

    Examples
    --------
    >>> import pandas as pd
    >>> meta = pd.DataFrame({"outlet": ["a", "a", "b", "b"]})
    >>> feats = pd.DataFrame({"len": [1.0, 3.0, 10.0, 14.0]})
    >>> unpaired_profiles(feats, meta)[["group", "n", "mean", "design"]].values.tolist()
    [['a', 2, 2.0, 'unpaired'], ['b', 2, 12.0, 'unpaired']]
    """
    if test not in (None, "welch", "mannwhitney"):
        raise ValueError(f"test must be None, 'welch' or 'mannwhitney', got {test!r}")
    data, cols = _prepare(features, meta, group, None)
    groups = sorted(data["_group"].unique())
    rows: list[dict[str, Any]] = []
    for c in cols:
        col = data[c].to_numpy(np.float64)
        fin = np.isfinite(col)
        for g in groups:
            in_g = (data["_group"] == g).to_numpy()
            x = col[in_g & fin]
            r: dict[str, Any] = {"feature": c, "group": g, "n": len(x),
                                 "mean": float(x.mean()) if len(x) else math.nan,
                                 "sd": float(x.std(ddof=1)) if len(x) > 1 else math.nan,
                                 "design": "unpaired", "note": ""}
            if test is not None:
                y = col[~in_g & fin]
                r.update(mean_rest=float(y.mean()) if len(y) else math.nan, n_rest=len(y),
                         statistic=math.nan, p_value=math.nan)
                if len(x) < 2 or len(y) < 2:
                    r["note"] = "too few articles to test"
                elif np.ptp(np.r_[x, y]) == 0:
                    r["note"] = "zero variance: not tested"
                else:
                    from scipy import stats

                    if test == "welch":
                        if np.ptp(x) == 0 and np.ptp(y) == 0:
                            r["note"] = "zero variance within both sides: not tested"
                        else:
                            res = stats.ttest_ind(x, y, equal_var=False)
                            r.update(statistic=float(res.statistic), p_value=float(res.pvalue))
                    else:
                        res = stats.mannwhitneyu(x, y, alternative="two-sided")
                        r.update(statistic=float(res.statistic), p_value=float(res.pvalue))
            rows.append(r)
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    out["n"] = out["n"].astype(np.int64)
    if test is not None:
        out["n_rest"] = out["n_rest"].astype(np.int64)
        out["p_adjusted"] = benjamini_hochberg(out["p_value"].to_numpy(np.float64))
        out["significant"] = (out["p_adjusted"] < alpha).fillna(False).astype(bool)
    out.attrs.update(group=group, design="unpaired", test=test)
    return out
