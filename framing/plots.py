"""Figures for framing results: forest plots, frame heatmaps, source/cue mixes, classifiers.

Every function draws on a matplotlib ``Axes`` (``ax=None`` creates a figure of
a sensible size) and returns the Axes; nothing calls ``plt.show()``. Colours
come from colour-blind-safe palettes (Okabe–Ito, Paul Tol's *muted*, viridis)
and the same input always draws the same figure. :func:`save_figure` writes a
PNG atomically with fixed metadata, so two runs give byte-identical files.

matplotlib is imported only when a function is called (scikit-learn's
``check_matplotlib_support`` pattern). In batch runs select the Agg backend
(``matplotlib.use("Agg")`` or ``MPLBACKEND=Agg``) before pyplot is imported.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import pandas as pd
>>> res = pd.DataFrame({"feature": ["tone", "length"], "group_a": "a", "group_b": "b",
...                     "n_events": 20, "mean_diff": [-1.0, 0.1], "sd_diff": [0.3, 1.0],
...                     "ci_low": [-1.1, -0.3], "ci_high": [-0.9, 0.5],
...                     "p_adjusted": [0.001, 0.6], "effect_size": [-3.3, 0.1]})
>>> ax = forest_plot(res)
>>> ax.get_title()
'a − b: within-event differences (20 shared events)'
>>> [t.get_text() for t in ax.get_yticklabels()]  # bottom to top: largest effect on top
['tone', 'length']
>>> import matplotlib.pyplot as plt
>>> plt.close(ax.figure)
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from ._atomic import atomic_write

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .models import ClassifierReport

__all__ = [
    "confusion_plot",
    "forest_plot",
    "frame_heatmap",
    "importance_plot",
    "mix_bars",
    "save_figure",
]

#: Okabe & Ito (2008) colours, safe for the common colour-vision deficiencies.
OKABE_ITO = {"orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73",
             "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00",
             "purple": "#CC79A7", "black": "#000000"}
#: Paul Tol's *muted* qualitative scheme (9 colours), for stacked categories.
TOL_MUTED = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99",
             "#999933", "#AA4499")
#: Hatches added when there are more categories than colours (the colours repeat).
_HATCHES = ("", "//", "..", "xx")
_GREY = "#8C8C8C"
_HIGHLIGHT = OKABE_ITO["blue"]
#: Leaning labels in their natural left-to-right order (AllSides uses the first, third, fifth).
_LEANINGS = ("left", "lean left", "center", "lean right", "right")
_MINUS = "\N{MINUS SIGN}"


# ----------------------------------------------------------------------------- helpers


def _pyplot(caller: str) -> Any:
    """Import and return ``matplotlib.pyplot``, or raise an ImportError that says the fix."""
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ImportError(
            f"{caller} requires matplotlib, which could not be imported ({exc}). Install it "
            "with `pip install matplotlib` (it is a dependency of media-framing: "
            "`pip install media-framing` installs it)."
        ) from exc
    return plt


def _new_axes(plt: Any, figsize: tuple[float, float]) -> Axes:
    fig = plt.figure(figsize=figsize, layout="constrained")
    return fig.add_subplot()


def _fmt(value: float, digits: int = 3) -> str:
    """A number with ``digits`` significant digits and a typographic minus."""
    if value is None or not math.isfinite(value):
        return "–"
    if value == 0:
        return "0"
    return f"{value:.{digits}g}".replace("-", _MINUS)


def _luminance(rgba: Sequence[float]) -> float:
    """Relative luminance (sRGB, WCAG) of a colour given as floats in [0, 1]."""
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(float(c)) for c in rgba[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _text_colour(rgba: Sequence[float]) -> str:
    """Black or white, whichever reads better on ``rgba``."""
    return "black" if _luminance(rgba) > 0.179 else "white"


def _readable(name: str) -> str:
    return name.replace("_", " ")


def _group_order(labels: pd.Series, order: Sequence[Any] | None) -> list[str]:
    """The groups to show: ``order`` if given, leanings left-to-right, otherwise sorted."""
    present = sorted({str(v) for v in labels.dropna()})
    if order is not None:
        wanted = [str(v) for v in order]
        missing = [g for g in wanted if g not in present]
        if missing:
            raise ValueError(f"order names groups with no rows: {missing}; "
                             f"groups present: {present}")
        return wanted
    if present and all(g in _LEANINGS for g in present):
        return [g for g in _LEANINGS if g in present]
    return present


def _aligned_groups(frame: pd.DataFrame, groups: Any) -> pd.Series:
    """``groups`` as a Series of labels aligned with the rows of ``frame`` (by position)."""
    if isinstance(groups, str):
        if groups not in frame.columns:
            raise ValueError(f"groups={groups!r} is not a column of the table; give a column "
                             "name or one group label per row")
        values = frame[groups]
    elif isinstance(groups, pd.Series) and groups.index.is_unique and frame.index.is_unique \
            and len(groups) == len(frame) and set(groups.index) == set(frame.index):
        values = groups.reindex(frame.index)
    else:
        values = pd.Series(list(groups) if not isinstance(groups, pd.Series) else groups.array)
        if len(values) != len(frame):
            raise ValueError(f"groups has {len(values)} labels but the table has {len(frame)} "
                             "rows; give one label (outlet, leaning) per row")
    out = pd.Series(np.asarray(values, dtype=object), index=range(len(frame)), dtype=object)
    return out.where(out.notna(), None).map(lambda v: None if v is None else str(v))


def _group_means(values: pd.DataFrame, labels: pd.Series, order: list[str]
                 ) -> tuple[pd.DataFrame, dict[str, int]]:
    """Mean of every column per group over the rows with a non-zero total (see callers)."""
    data = values.reset_index(drop=True).astype(np.float64)
    keep = data.fillna(0.0).sum(axis=1).to_numpy() > 0
    keep &= labels.notna().to_numpy()
    kept = data[keep]
    kept_labels = labels[keep]
    means = kept.groupby(kept_labels.to_numpy(), sort=False).mean().reindex(order)
    counts = {g: int((kept_labels == g).sum()) for g in order}
    return means, counts


def _leaning_word(groups: Any, labels: list[str]) -> str:
    """A name for the grouping, for titles ("leaning", "outlet" or "group")."""
    if isinstance(groups, str):
        return groups
    if isinstance(groups, pd.Series) and groups.name:
        return str(groups.name)
    return "leaning" if labels and all(g in _LEANINGS for g in labels) else "group"


# ----------------------------------------------------------------------------- forest plot

#: ``scale="auto"`` standardises when the widest interval is this many times the narrowest.
_MIXED_UNITS_RATIO = 20.0

_FOREST_COLUMNS = ("feature", "group_a", "group_b", "n_events", "mean_diff", "ci_low",
                   "ci_high", "p_adjusted")


def _select_pair(comparison: pd.DataFrame, pair: tuple[str, str] | None
                 ) -> tuple[pd.DataFrame, str, str]:
    """Rows of one pair; a reversed ``pair`` flips the signs of the differences."""
    pairs = list(dict.fromkeys(zip(comparison["group_a"].astype(str),
                                   comparison["group_b"].astype(str), strict=True)))
    if not pairs:
        raise ValueError("the comparison table is empty")
    if pair is None:
        a, b = pairs[0]
    else:
        if len(pair) != 2:
            raise ValueError(f"pair must be two group names (a, b), got {pair!r}")
        a, b = str(pair[0]), str(pair[1])
    ga, gb = comparison["group_a"].astype(str), comparison["group_b"].astype(str)
    if (a, b) in pairs:
        return comparison[(ga == a) & (gb == b)].copy(), a, b
    if (b, a) in pairs:
        rows = comparison[(ga == b) & (gb == a)].copy()
        rows["mean_diff"] = -rows["mean_diff"]
        rows["ci_low"], rows["ci_high"] = -rows["ci_high"], -rows["ci_low"]
        if "effect_size" in rows:
            rows["effect_size"] = -rows["effect_size"]
        if "mean_a" in rows and "mean_b" in rows:
            rows["mean_a"], rows["mean_b"] = rows["mean_b"], rows["mean_a"]
        return rows, a, b
    shown = ", ".join(f"({x!r}, {y!r})" for x, y in pairs)
    raise ValueError(f"pair ({a!r}, {b!r}) is not in the comparison; pairs: {shown}")


def _mixed_units(low: np.ndarray, high: np.ndarray) -> bool:
    """Whether the intervals differ so much in width that one raw axis would hide most."""
    width = high - low
    width = width[np.isfinite(width) & (width > 0)]
    return bool(width.size > 1 and width.max() > _MIXED_UNITS_RATIO * width.min())


def forest_plot(comparison: pd.DataFrame, *, pair: tuple[str, str] | None = None,
                features: Sequence[str] | None = None, top: int | None = 20,
                scale: Literal["auto", "raw", "standardized"] = "auto", alpha: float | None = None,
                annotate: bool = True, ax: Axes | None = None) -> Axes:
    """Per-feature paired differences between two groups, with confidence intervals.

    One row per feature: a dot at ``mean_diff`` (A − B, averaged over the
    shared events) and a bar from ``ci_low`` to ``ci_high``; a vertical line
    at zero. Features with ``p_adjusted < alpha`` are drawn in blue with bold
    labels, the others in grey with open markers. Rows are sorted by effect
    (Cohen's d_z, ``effect_size``; ``mean_diff`` when that column is
    missing), largest positive at the top.

    Parameters
    ----------
    comparison : pandas.DataFrame
        The table of :func:`framing.compare.paired_differences` (needs
        ``feature``, ``group_a``, ``group_b``, ``n_events``, ``mean_diff``,
        ``ci_low``, ``ci_high``, ``p_adjusted``; uses ``effect_size`` and,
        for ``scale="standardized"``, ``sd_diff``).
    pair : (str, str), optional
        The two groups ``(A, B)`` to show when the table holds several pairs.
        Default: the first pair in the table's order. A pair given the other
        way round than in the table, e.g. ``("right", "left")`` for a table
        with ``left − right``, is shown with the signs flipped.
    features : sequence of str, optional
        Show only these features (still sorted by effect). Default: every
        tested feature (rows without a p-value -- zero variance, no shared
        events -- are left out).
    top : int or None
        Show at most this many features, those with the largest absolute
        effect (ties by name). None shows all.
    scale : {"auto", "raw", "standardized"}
        ``"raw"``: ``mean_diff``, ``ci_low`` and ``ci_high`` in the features'
        own units. ``"standardized"``: all three divided by ``sd_diff`` (the
        SD of the per-event differences), i.e. in units of Cohen's d_z, so
        that shares and rates per 1,000 words fit on one axis (the interval
        then ignores the uncertainty of the SD). ``"auto"`` (default):
        standardised when the widest interval shown is more than 20 times the
        narrowest (features of different units), raw otherwise. The x label
        says which; the numbers beside the rows are always raw.
    alpha : float, optional
        Highlight threshold for ``p_adjusted`` and the level of the intervals
        in the labels. Default: the table's ``attrs["alpha"]`` or 0.05.
    annotate : bool
        Write ``mean [low, high]`` (raw units) beside each row, right of the
        plot.
    ax : matplotlib Axes, optional
        Where to draw. Default: a new figure sized to the number of rows.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        For missing columns, an unknown pair or feature, or nothing to show.
    """
    plt = _pyplot("forest_plot")
    missing = [c for c in _FOREST_COLUMNS if c not in comparison.columns]
    if missing:
        raise ValueError(f"comparison lacks columns {missing}; pass the table returned by "
                         "framing.compare.paired_differences")
    if scale not in ("auto", "raw", "standardized"):
        raise ValueError(f"scale must be 'auto', 'raw' or 'standardized', got {scale!r}")
    if scale == "standardized" and "sd_diff" not in comparison.columns:
        raise ValueError("scale='standardized' needs the sd_diff column of paired_differences")
    if alpha is None:
        alpha = float(comparison.attrs.get("alpha", 0.05))
    rows, a, b = _select_pair(comparison, pair)
    rows["feature"] = rows["feature"].astype(str)
    if features is not None:
        wanted = [str(f) for f in features]
        unknown = [f for f in wanted if f not in set(rows["feature"])]
        if unknown:
            raise ValueError(f"features not in the comparison for ({a!r}, {b!r}): {unknown}")
        rows = rows[rows["feature"].isin(wanted)]
        rows = rows[np.isfinite(rows["mean_diff"].astype(np.float64))]
    else:
        tested = np.isfinite(rows["p_value"].astype(np.float64)) if "p_value" in rows \
            else np.isfinite(rows["ci_low"].astype(np.float64))
        rows = rows[tested & np.isfinite(rows["mean_diff"].astype(np.float64))]
    if rows.empty:
        raise ValueError(f"no feature with a tested difference to show for ({a!r}, {b!r})")
    use_effect = "effect_size" in rows and np.isfinite(rows["effect_size"].astype(float)).any()
    rows["_effect"] = (rows["effect_size"] if use_effect else rows["mean_diff"]).astype(float)
    rows["_effect"] = rows["_effect"].fillna(0.0)
    if top is not None:
        if top < 1:
            raise ValueError(f"top must be >= 1 or None, got {top}")
        rows["_abs"] = rows["_effect"].abs()
        rows = rows.sort_values(["_abs", "feature"], ascending=[False, True],
                                kind="mergesort").head(top)
    # bottom-to-top plotting order: most negative first, so the largest effect is on top
    rows = rows.sort_values(["_effect", "feature"], ascending=[True, False], kind="mergesort")

    mean = rows["mean_diff"].to_numpy(np.float64)
    low = rows["ci_low"].to_numpy(np.float64)
    high = rows["ci_high"].to_numpy(np.float64)
    if scale == "auto":
        scale = "standardized" if "sd_diff" in rows and _mixed_units(low, high) else "raw"
    if scale == "standardized":
        sd = rows["sd_diff"].to_numpy(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            sd = np.where(sd > 0, sd, np.nan)
            x, lo, hi = mean / sd, low / sd, high / sd
    else:
        x, lo, hi = mean, low, high
    p_adj = rows["p_adjusted"].to_numpy(np.float64)
    sig = np.isfinite(p_adj) & (p_adj < alpha)
    n = len(rows)
    y = np.arange(n)

    if ax is None:
        width = 8.5 if annotate else 6.5
        ax = _new_axes(plt, (width, max(2.8, 1.6 + 0.34 * n)))
    level = f"{100 * (1 - alpha):g}%"
    for mask, colour, face, label in (
            (sig, _HIGHLIGHT, _HIGHLIGHT, f"significant (BH-adjusted p < {alpha:g})"),
            (~sig, _GREY, "white", "not significant after BH correction")):
        if not mask.any():
            continue
        has_ci = np.isfinite(lo[mask]) & np.isfinite(hi[mask])
        xerr = np.vstack([np.where(has_ci, x[mask] - lo[mask], 0.0),
                          np.where(has_ci, hi[mask] - x[mask], 0.0)])
        ax.errorbar(x[mask], y[mask], xerr=np.clip(xerr, 0, None), fmt="o", color=colour,
                    markerfacecolor=face, markeredgecolor=colour, markersize=6, capsize=3,
                    elinewidth=1.6, linestyle="none", label=label, zorder=3)
    ax.axvline(0.0, color="black", linewidth=0.9, zorder=1)
    ax.set_yticks(y, rows["feature"].tolist())
    for tick, s in zip(ax.get_yticklabels(), sig, strict=True):
        tick.set_fontweight("bold" if s else "normal")
    ax.set_ylim(-0.7, n + 0.5)  # an empty band on top holds the legend, clear of the data
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)
    diff = f"{a} {_MINUS} {b}"
    if scale == "standardized":
        ax.set_xlabel(f"standardised difference {diff} (mean / SD of per-event differences), "
                      f"{level} CI\n(not adjusted for multiple testing)")
    else:
        ax.set_xlabel(f"mean difference {diff} per event, {level} bootstrap CI "
                      "(not adjusted for multiple testing)")
    n_ev = rows["n_events"].astype(int)
    n_text = (f"{n_ev.iloc[0]} shared events" if n_ev.nunique() == 1
              else f"{n_ev.min()}–{n_ev.max()} shared events")
    ax.set_title(f"{diff}: within-event differences ({n_text})")
    ax.legend(loc="upper center", ncols=2, fontsize="small", framealpha=0.9,
              borderaxespad=0.3, handletextpad=0.4, columnspacing=1.2)
    if annotate:
        kw = {"xycoords": ("axes fraction", "data"), "xytext": (8, 0),
              "textcoords": "offset points", "va": "center", "ha": "left",
              "fontsize": "small", "annotation_clip": False}
        for yi, m, lo_, hi_, s in zip(y, mean, low, high, sig, strict=True):
            ax.annotate(f"{_fmt(m)} [{_fmt(lo_)}, {_fmt(hi_)}]", (1.0, yi),
                        fontweight="bold" if s else "normal", **kw)
        # the column's caption sits below the plot, level with the x tick labels
        caption = f"{a} {_MINUS} {b} [{level} CI]"
        if scale == "standardized":
            caption += ", raw units"
        ax.annotate(caption, (1.0, 0.0),
                    xycoords="axes fraction", xytext=(8, -4), textcoords="offset points",
                    va="top", ha="left", fontsize="small", fontstyle="italic",
                    annotation_clip=False)
    return ax


# ----------------------------------------------------------------------------- frame heatmap


def _frame_table(frame_shares: Any) -> pd.DataFrame:
    """The 15 frame-share columns of a FrameFeatures output, renamed to the frame ids."""
    from .frames import FEATURE_NAMES, FRAMES

    if isinstance(frame_shares, np.ndarray):
        if frame_shares.ndim == 2 and frame_shares.shape[1] in (len(FRAMES), len(FEATURE_NAMES)):
            names = list(FEATURE_NAMES[:frame_shares.shape[1]])
            frame_shares = pd.DataFrame(frame_shares, columns=names)
        else:
            raise ValueError("a frame-share array needs 15 or 17 columns (FrameFeatures output)")
    cols: dict[str, str] = {}
    for frame in FRAMES:
        for c in frame_shares.columns:
            name = str(c)
            if name == f"frame_{frame}" or name.endswith(f"__frame_{frame}"):
                cols[frame] = c
                break
    if not cols:
        raise ValueError("no frame_<id> columns found; pass FrameFeatures().set_output("
                         "transform='pandas').fit_transform(texts) (or `framing extract "
                         "--features frames` output)")
    table = frame_shares[list(cols.values())]
    table.columns = list(cols)
    return table


def frame_heatmap(frame_shares: Any, groups: Any, *, order: Sequence[Any] | None = None,
                  cmap: str = "viridis", annotate: bool = True,
                  ax: Axes | None = None) -> Axes:
    """Mean frame distribution per group (outlet or leaning) as an annotated heatmap.

    Parameters
    ----------
    frame_shares : pandas.DataFrame or numpy.ndarray
        One row per article with the ``frame_<id>`` share columns of
        :class:`framing.frames.FrameFeatures` (other columns are ignored;
        ``<set>__frame_<id>`` names from ``framing extract`` work too).
    groups : str or array-like
        The group of every row: a column name of ``frame_shares``, or one
        label per row (a Series with the same index is aligned by index).
    order : sequence, optional
        Groups to show, top to bottom. Default: left, center, right for
        leanings, otherwise sorted.
    cmap : str
        A matplotlib colormap; the default viridis is perceptually uniform
        and colour-blind safe.
    annotate : bool
        Write the value in every cell.
    ax : matplotlib Axes, optional
        Where to draw. Default: a new figure.

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    Articles without any frame term (all shares 0) have no distribution and
    are left out of the means, so each row sums to 1; the row labels give
    the number of articles that count. Columns follow the Media Frames
    Corpus codebook order and carry its frame names (:data:`FRAME_NAMES`).
    """
    plt = _pyplot("frame_heatmap")
    from .frames import FRAME_NAMES

    table = _frame_table(frame_shares)
    labels = _aligned_groups(frame_shares if isinstance(frame_shares, pd.DataFrame)
                             else table, groups)
    group_list = _group_order(labels, order)
    if not group_list:
        raise ValueError("no rows with a group label")
    means, counts = _group_means(table, labels, group_list)
    values = means.to_numpy(np.float64)
    if ax is None:
        ax = _new_axes(plt, (max(7.0, 0.62 * values.shape[1] + 2.8),
                             2.9 + 0.5 * len(group_list)))
    masked = np.ma.masked_invalid(values)
    finite = values[np.isfinite(values)]
    vmax = float(finite.max()) if finite.size and finite.max() > 0 else 1.0
    image = ax.imshow(masked, cmap=cmap, vmin=0.0, vmax=vmax, aspect="auto",
                      interpolation="nearest")
    colorbar = ax.figure.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    colorbar.set_label("mean share")
    ax.set_xticks(np.arange(values.shape[1]), [FRAME_NAMES[f] for f in table.columns],
                  rotation=40, ha="right", rotation_mode="anchor", fontsize="small")
    ax.set_yticks(np.arange(len(group_list)),
                  [f"{g} (n={counts[g]:,})" for g in group_list])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if annotate:
        _annotate_cells(ax, image, values, "{:.2f}")
    word = _leaning_word(groups, group_list)
    ax.set_title(f"Mean frame distribution by {word} (share of an article's frame-term "
                 "matches)")
    ax.set_xlabel("frame (Media Frames Corpus)")
    ax.set_ylabel(word)
    return ax


def _annotate_cells(ax: Axes, image: Any, values: np.ndarray, fmt: str,
                    extra: np.ndarray | None = None) -> None:
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            v = values[i, j]
            if not np.isfinite(v):
                ax.text(j, i, "–", ha="center", va="center", color="black", fontsize="small")
                continue
            text = fmt.format(v)
            if extra is not None:
                text += f"\n({int(extra[i, j]):,})"
            ax.text(j, i, text, ha="center", va="center", fontsize="small",
                    color=_text_colour(image.cmap(image.norm(v))))


# ----------------------------------------------------------------------------- mix bars


def mix_bars(shares: pd.DataFrame, groups: Any, *, prefix: str = "source_",
             order: Sequence[Any] | None = None, ax: Axes | None = None) -> Axes:
    """Stacked horizontal bars: the mean mix of source types (or cue categories) per group.

    Parameters
    ----------
    shares : pandas.DataFrame
        One row per article with share columns whose names start with
        ``prefix``, e.g. :class:`framing.features.AttributionFeatures`
        output (``set_output(transform="pandas")``).
    groups : str or array-like
        The group of every row: a column name of ``shares`` or one label per
        row (a Series with the same index is aligned by index).
    prefix : str
        ``"source_"`` for source types, ``"cue_"`` for reporting-cue
        categories (``"attribution__source_"`` for ``framing extract``
        tables).
    order : sequence, optional
        Groups to show, top to bottom. Default: left, center, right for
        leanings, otherwise sorted.
    ax : matplotlib Axes, optional
        Where to draw. Default: a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        One bar container per category (``ax.containers``), one bar per group
        in each; the legend sits right of the plot.

    Notes
    -----
    Articles with no attribution (all shares 0) have no mix and are left
    out, so every bar sums to 1; the labels give the number of articles
    that count. Segments of at least 6% carry their percentage.
    """
    plt = _pyplot("mix_bars")
    if not isinstance(shares, pd.DataFrame):
        raise TypeError("shares must be a pandas DataFrame with named columns; use "
                        "AttributionFeatures().set_output(transform='pandas')")
    cols = [c for c in shares.columns
            if str(c).startswith(prefix) and pd.api.types.is_numeric_dtype(shares[c])]
    if not cols:
        raise ValueError(f"no numeric columns start with {prefix!r}; try prefix='source_' or "
                         "'cue_' on AttributionFeatures output")
    labels = _aligned_groups(shares, groups)
    group_list = _group_order(labels, order)
    if not group_list:
        raise ValueError("no rows with a group label")
    means, counts = _group_means(shares[cols], labels, group_list)
    values = means.fillna(0.0).to_numpy(np.float64)
    if ax is None:  # tall enough for the bars and for the legend (one line per category)
        ax = _new_axes(plt, (9.0, max(1.6 + 0.55 * len(group_list), 0.9 + 0.22 * len(cols))))
    y = np.arange(len(group_list))
    left = np.zeros(len(group_list))
    for k, col in enumerate(cols):
        colour = TOL_MUTED[k % len(TOL_MUTED)]
        hatch = _HATCHES[(k // len(TOL_MUTED)) % len(_HATCHES)]
        name = _readable(str(col)[len(prefix):])
        bars = ax.barh(y, values[:, k], left=left, height=0.7, color=colour, hatch=hatch,
                       edgecolor="white", linewidth=0.8, label=name)
        ink = _text_colour(bars.patches[0].get_facecolor()) if bars.patches else "black"
        for yi, v, lft in zip(y, values[:, k], left, strict=True):
            if v >= 0.06:
                ax.text(lft + v / 2, yi, f"{100 * v:.0f}%", ha="center", va="center",
                        fontsize="small", color=ink)
        left = left + values[:, k]
    ax.set_yticks(y, [f"{g} (n={counts[g]:,})" for g in group_list])
    ax.invert_yaxis()
    ax.set_xlim(0, max(1.0, float(left.max()) if len(left) else 1.0))
    from matplotlib.ticker import PercentFormatter

    ax.xaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
    kind = {"source_": "source types", "cue_": "reporting-cue categories"}.get(
        prefix.split("__")[-1], f"{prefix.rstrip('_')} categories")
    word = _leaning_word(groups, group_list)
    counted = "attribution" if prefix.split("__")[-1] == "source_" else "reporting cue"
    ax.set_xlabel(f"mean share of an article's attributions "
                  f"(n = articles with at least one {counted})")
    ax.set_ylabel(word)
    ax.set_title(f"Mix of {kind} by {word}")
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize="small",
              title=kind.split()[0] if prefix.split("__")[-1] == "source_" else "cue category")
    return ax


# ----------------------------------------------------------------------------- classifiers


def confusion_plot(report: ClassifierReport, *, normalize: bool = True, cmap: str = "Blues",
                   ax: Axes | None = None) -> Axes:
    """The pooled out-of-fold confusion matrix of a :class:`~framing.models.ClassifierReport`.

    Parameters
    ----------
    report : ClassifierReport
        From :func:`framing.models.evaluate_classifier` or ``evaluate_split``.
    normalize : bool
        Show each row as shares of its true label (the diagonal is the
        recall); the counts stay in the cells in brackets. False: counts.
    cmap : str
        A sequential matplotlib colormap.
    ax : matplotlib Axes, optional
        Where to draw. Default: a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        Rows are the true labels, columns the predictions, both in
        ``report.labels`` order.
    """
    plt = _pyplot("confusion_plot")
    counts = np.asarray(report.confusion, dtype=np.float64)
    labels = [str(v) for v in report.labels]
    k = len(labels)
    if counts.shape != (k, k):
        raise ValueError(f"confusion has shape {counts.shape}, expected ({k}, {k})")
    if normalize:
        totals = counts.sum(axis=1, keepdims=True)
        with np.errstate(divide="ignore", invalid="ignore"):
            values = np.where(totals > 0, counts / totals, np.nan)
    else:
        values = counts
    if ax is None:
        side = max(4.2, 1.9 + 0.85 * k)
        ax = _new_axes(plt, (side + 1.2, side))
    vmax = 1.0 if normalize else max(float(np.nanmax(counts)) if counts.size else 1.0, 1.0)
    image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=0.0, vmax=vmax,
                      interpolation="nearest")
    colorbar = ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    colorbar.set_label("share of the true label" if normalize else "articles")
    _annotate_cells(ax, image, values, "{:.2f}" if normalize else "{:,.0f}",
                    extra=counts if normalize else None)
    ax.set_xticks(np.arange(k), labels, rotation=30 if max(map(len, labels)) > 6 else 0,
                  ha="right" if max(map(len, labels)) > 6 else "center")
    ax.set_yticks(np.arange(k), labels)
    ax.set_xlabel("predicted label")
    ax.set_ylabel("true label")
    ax.tick_params(length=0)
    title = f"{report.model}: accuracy {report.pooled_accuracy:.3f}, macro-F1 " \
            f"{report.pooled_macro_f1:.3f} (n={report.n:,})"
    ax.set_title("Confusion matrix" + (", row-normalised" if normalize else "") + "\n" + title,
                 fontsize="medium")
    return ax


def importance_plot(report: ClassifierReport, *, top: int | None = 15,
                    ax: Axes | None = None) -> Axes:
    """Permutation importance of the ``top`` features, as horizontal bars with sd error bars.

    Parameters
    ----------
    report : ClassifierReport
        A report with permutation importance (:func:`framing.models.
        evaluate_classifier` with ``n_repeats > 0`` on a numeric matrix).
    top : int or None
        Number of features (largest mean importance first, ties by name).
        None shows all.
    ax : matplotlib Axes, optional
        Where to draw. Default: a new figure sized to the number of bars.

    Returns
    -------
    matplotlib.axes.Axes
        One bar per feature, the most important on top; positive importance
        in blue, zero or negative (shuffling did not hurt) in grey.

    Raises
    ------
    ValueError
        When the report has no permutation importance.
    """
    plt = _pyplot("importance_plot")
    table = report.importance()
    if table.empty:
        raise ValueError("the report has no permutation importance; run "
                         "framing.models.evaluate_classifier with n_repeats > 0 on a numeric "
                         "feature matrix (text models have none)")
    if top is not None:
        if top < 1:
            raise ValueError(f"top must be >= 1 or None, got {top}")
        table = table.head(top)
    table = table.iloc[::-1]  # barh draws bottom-up: most important last, i.e. on top
    mean = table["importance_mean"].to_numpy(np.float64)
    sd = np.nan_to_num(table["importance_sd"].to_numpy(np.float64), nan=0.0)
    n = len(table)
    if ax is None:
        ax = _new_axes(plt, (7.0, max(2.6, 1.5 + 0.32 * n)))
    colours = [_HIGHLIGHT if m > 0 else _GREY for m in mean]
    y = np.arange(n)
    ax.barh(y, mean, xerr=sd, height=0.7, color=colours,
            error_kw={"ecolor": "#333333", "elinewidth": 1.0, "capsize": 2.5})
    ax.axvline(0.0, color="black", linewidth=0.8)
    ax.set_yticks(y, [str(v) for v in table.index])
    ax.set_ylim(-0.6, n - 0.4)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    ax.set_axisbelow(True)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    ax.set_xlabel(f"drop in {report.scoring} when the feature is shuffled\n"
                  "(mean ± sd over folds × repeats)")
    # right-aligned: long feature names leave the axes narrow, and a centred title would
    # run past the figure's right edge
    ax.set_title(f"Top {n} features by permutation importance\n(model: {report.model})",
                 loc="right")
    return ax


# ----------------------------------------------------------------------------- saving


def save_figure(ax_or_fig: Axes | Figure, path: str | os.PathLike[str], *,
                dpi: int = 150) -> Path:
    """Write a figure as PNG, atomically and reproducibly, then close it.

    The PNG is rendered to a temporary file beside ``path`` and renamed, so
    an interrupted run never leaves a half-written image. The metadata is
    fixed (no ``Software`` version string, no date), so the same figure
    saved twice gives byte-identical files.

    Parameters
    ----------
    ax_or_fig : matplotlib Axes or Figure
        The figure, or any Axes on it.
    path : path-like
        Destination ending in ``.png``; parent folders are created.
    dpi : int
        Resolution.

    Returns
    -------
    pathlib.Path
        The written file.
    """
    plt = _pyplot("save_figure")
    fig = getattr(ax_or_fig, "figure", None) if not hasattr(ax_or_fig, "savefig") else ax_or_fig
    if fig is None or not hasattr(fig, "savefig"):
        raise TypeError(f"expected a matplotlib Axes or Figure, got {type(ax_or_fig).__name__}")
    root = getattr(fig, "figure", None) or fig  # a SubFigure saves its whole figure
    path = Path(path)
    if path.suffix.lower() != ".png":
        raise ValueError(f"save_figure writes PNG; give a path ending in .png, got {path}")
    with atomic_write(path, mode="wb") as fh:
        root.savefig(fh, format="png", dpi=dpi, metadata={"Software": None})
    plt.close(root)
    return path
