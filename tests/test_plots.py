"""Tests for framing.plots: every figure with and without ``ax``, saving, no plt.show."""

from __future__ import annotations

import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from framing import plots  # noqa: E402
from framing.compare import paired_differences  # noqa: E402
from framing.features import AttributionFeatures  # noqa: E402
from framing.frames import FRAME_NAMES, FRAMES, FrameFeatures  # noqa: E402
from framing.models import ClassifierReport, evaluate_classifier  # noqa: E402
from framing.text import segment  # noqa: E402


@pytest.fixture(autouse=True)
def _no_show(monkeypatch):
    """Fail on any plt.show(); close every figure after the test."""
    def show(*args, **kwargs):
        raise AssertionError("plt.show() must never be called")

    monkeypatch.setattr(plt, "show", show)
    yield
    plt.close("all")


# ----------------------------------------------------------------------------- inputs


@pytest.fixture(scope="module")
def comparison() -> pd.DataFrame:
    """A paired_differences-like table with two pairs and one untested row."""
    rows = []
    for a, b, sign in (("left", "right", 1.0), ("center", "left", -1.0)):
        for feat, diff, sd, p, n in (("tone", -1.0, 0.5, 0.001, 40),
                                     ("length", 0.2, 1.0, 0.30, 40),
                                     ("quotes", 0.5, 0.4, 0.01, 38),
                                     ("hedges", -0.1, 0.3, 0.80, 40),
                                     ("flat", 0.0, np.nan, np.nan, 40)):
            half = 1.96 * sd / np.sqrt(n) if np.isfinite(sd) else np.nan
            rows.append({"feature": feat, "group_a": a, "group_b": b, "n_events": n,
                         "mean_a": 1.0, "mean_b": 1.0 - sign * diff, "mean_diff": sign * diff,
                         "sd_diff": sd, "ci_low": sign * diff - half,
                         "ci_high": sign * diff + half, "p_value": p, "p_adjusted": p,
                         "effect_size": sign * diff / sd if np.isfinite(sd) else np.nan,
                         "significant": bool(p < 0.05) if np.isfinite(p) else False})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def seed_rows(seed_text):
    """Seed-article paragraphs as articles of two fake outlets; paragraph pairs are events."""
    seg = segment(seed_text)
    paras = [seed_text[s:e] for s, e in seg.paragraphs]
    outlets = ["alpha" if i % 2 == 0 else "beta" for i in range(len(paras))]
    meta = pd.DataFrame({"doc_id": [f"p{i}" for i in range(len(paras))], "outlet": outlets,
                         "event": [f"e{i // 2}" for i in range(len(paras))]})
    attr = AttributionFeatures().set_output(transform="pandas").fit_transform(paras)
    frames = FrameFeatures().set_output(transform="pandas").fit_transform(paras)
    attr.index = frames.index = meta["doc_id"]
    return meta, attr, frames


def _report(with_importance: bool = True) -> ClassifierReport:
    rng = np.random.default_rng(0)
    y = np.repeat(["center", "left", "right"], 20)
    X = np.c_[(y == "left") + rng.normal(0, 0.3, 60), (y == "right") + rng.normal(0, 0.3, 60),
              rng.normal(size=(60, 3))]
    names = ["signal_left", "signal_right", "noise_a", "noise_b", "noise_c"]
    return evaluate_classifier(X, y, feature_names=names, cv=3,
                               n_repeats=3 if with_importance else 0)


def _inside_figure(ax: Axes) -> None:
    """Everything drawn (tick labels, titles, legend, annotations) lies inside the canvas."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    box = fig.bbox
    for each in fig.axes:  # the plot and any colorbar
        ext = each.get_tightbbox(renderer)
        assert ext.x0 >= box.x0 - 1 and ext.x1 <= box.x1 + 1, (each, ext, box)
        assert ext.y0 >= box.y0 - 1 and ext.y1 <= box.y1 + 1, (each, ext, box)


def _other_axes() -> Axes:
    _, axes = plt.subplots(1, 2, figsize=(12, 5))
    return axes[1]


# ----------------------------------------------------------------------------- forest plot


def test_forest_plot_default_pair(comparison):
    ax = plots.forest_plot(comparison)
    assert isinstance(ax, Axes)
    assert ax.get_title().startswith("left − right")
    assert "38–40 shared events" in ax.get_title()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    # untested "flat" left out; sorted by effect, largest on top (last tick)
    assert labels == ["tone", "hedges", "length", "quotes"]
    bold = {t.get_text() for t in ax.get_yticklabels() if t.get_fontweight() == "bold"}
    assert bold == {"tone", "quotes"}
    assert ax.get_xlabel()
    assert [line.get_xdata()[0] for line in ax.lines if line.get_linestyle() == "-"] == [0.0]
    _inside_figure(ax)


def test_forest_plot_pair_features_top_and_ax(comparison):
    target = _other_axes()
    ax = plots.forest_plot(comparison, pair=("center", "left"), top=2, ax=target)
    assert ax is target
    assert ax.get_title().startswith("center − left")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["quotes", "tone"]
    ax = plots.forest_plot(comparison, features=["length", "flat"], scale="raw")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["flat", "length"]


def test_forest_plot_reversed_pair_flips_signs(comparison):
    ax = plots.forest_plot(comparison, pair=("right", "left"), scale="raw", annotate=False)
    assert ax.get_title().startswith("right − left")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["quotes", "length", "hedges", "tone"]
    x = np.concatenate([line.get_xdata() for line in ax.lines if line.get_marker() == "o"])
    assert 1.0 in x  # tone: left - right = -1, so right - left = +1


def test_forest_plot_scales(comparison):
    mixed = comparison.copy()
    mixed.loc[mixed["feature"] == "length", ["mean_diff", "ci_low", "ci_high"]] = [40, 10, 70]
    assert "standardised" in plots.forest_plot(mixed).get_xlabel()
    assert "mean difference" in plots.forest_plot(comparison).get_xlabel()
    assert "mean difference" in plots.forest_plot(mixed, scale="raw").get_xlabel()
    assert "standardised" in plots.forest_plot(comparison, scale="standardized").get_xlabel()


def test_forest_plot_errors(comparison):
    with pytest.raises(ValueError, match="not in the comparison; pairs"):
        plots.forest_plot(comparison, pair=("left", "nowhere"))
    with pytest.raises(ValueError, match="lacks columns"):
        plots.forest_plot(comparison.drop(columns="ci_low"))
    with pytest.raises(ValueError, match="features not in the comparison"):
        plots.forest_plot(comparison, features=["nope"])
    with pytest.raises(ValueError, match="scale"):
        plots.forest_plot(comparison, scale="log")


def test_forest_plot_real_paired_differences(seed_rows):
    meta, attr, _ = seed_rows
    res = paired_differences(attr, meta, group="outlet", n_boot=200, n_perm=200)
    ax = plots.forest_plot(res, top=10)
    assert ax.get_title().startswith("alpha − beta")
    assert 1 <= len(ax.get_yticklabels()) <= 10
    _inside_figure(ax)


# ----------------------------------------------------------------------------- heatmap


def test_frame_heatmap_synthetic():
    rng = np.random.default_rng(1)
    shares = rng.dirichlet(np.ones(len(FRAMES)), size=12)
    frame = pd.DataFrame(shares, columns=[f"frame_{f}" for f in FRAMES])
    frame.loc[0, :] = 0.0  # no frame terms: left out of the mean
    groups = ["right", "left", "center"] * 4
    ax = plots.frame_heatmap(frame, groups)
    assert isinstance(ax, Axes)
    image = ax.get_images()[0]
    assert image.get_array().shape == (3, len(FRAMES))
    np.testing.assert_allclose(image.get_array().sum(axis=1), 1.0)
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "left (n=4)", "center (n=4)", "right (n=3)"]
    assert [t.get_text() for t in ax.get_xticklabels()] == [FRAME_NAMES[f] for f in FRAMES]
    assert len(ax.texts) == 3 * len(FRAMES)
    assert ax.get_title().startswith("Mean frame distribution by leaning")
    _inside_figure(ax)


def test_frame_heatmap_real_with_ax(seed_rows):
    meta, _, frames = seed_rows
    target = _other_axes()
    ax = plots.frame_heatmap(frames, meta["outlet"], ax=target)
    assert ax is target
    assert ax.get_images()[0].get_array().shape == (2, len(FRAMES))
    assert ax.get_title().startswith("Mean frame distribution by outlet")
    for n_groups in (1, 2):  # short figures: the colour-bar label must still fit
        own = plots.frame_heatmap(frames.iloc[:n_groups], meta["outlet"].iloc[:n_groups])
        assert len(own.get_yticklabels()) == n_groups
        _inside_figure(own)
    with pytest.raises(ValueError, match="no frame_<id> columns"):
        plots.frame_heatmap(pd.DataFrame({"x": [1.0]}), ["a"])
    with pytest.raises(ValueError, match="one label"):
        plots.frame_heatmap(frames, ["alpha"])


# ----------------------------------------------------------------------------- mix bars


def test_mix_bars_synthetic():
    table = pd.DataFrame({"source_official": [0.5, 1.0, 0.0, 0.2],
                          "source_expert": [0.5, 0.0, 0.0, 0.8],
                          "cue_neutral": [1.0, 1.0, 0.0, 1.0],
                          "outlet": ["fox", "nyt", "nyt", "fox"]})
    ax = plots.mix_bars(table, "outlet")
    assert isinstance(ax, Axes)
    assert len(ax.containers) == 2  # one per source type
    assert all(len(c.patches) == 2 for c in ax.containers)  # one bar per outlet
    assert [t.get_text() for t in ax.get_yticklabels()] == ["fox (n=2)", "nyt (n=1)"]
    widths = np.sum([[p.get_width() for p in c.patches] for c in ax.containers], axis=0)
    np.testing.assert_allclose(widths, 1.0)
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["official", "expert"]
    renderer = ax.figure.canvas.get_renderer()
    ax.figure.draw(renderer)
    assert legend.get_window_extent(renderer).x0 >= ax.get_window_extent(renderer).x1
    assert "source types" in ax.get_title()
    _inside_figure(ax)


def test_mix_bars_one_group_keeps_the_long_legend_inside(seed_rows):
    meta, attr, _ = seed_rows
    ax = plots.mix_bars(attr, ["WSWS"] * len(attr), prefix="cue_")  # 17 categories, 1 bar
    assert len(ax.get_legend().get_texts()) == 17
    _inside_figure(ax)


def test_mix_bars_real_sources_and_cues(seed_rows):
    meta, attr, _ = seed_rows
    ax = plots.mix_bars(attr, meta["outlet"].tolist())
    assert len(ax.containers) == len([c for c in attr.columns if c.startswith("source_")])
    _inside_figure(ax)
    target = _other_axes()
    ax = plots.mix_bars(attr, meta["outlet"].tolist(), prefix="cue_", ax=target)
    assert ax is target
    assert len(ax.containers) == 17
    assert "cue" in ax.get_title()
    # more categories than colours: repeated colours get a hatch
    faces = [(to_hex(c.patches[0].get_facecolor()), c.patches[0].get_hatch())
             for c in ax.containers]
    assert len(set(faces)) == 17
    with pytest.raises(ValueError, match="no numeric columns"):
        plots.mix_bars(attr, meta["outlet"].tolist(), prefix="nothing_")


# ----------------------------------------------------------------------------- classifiers


def test_confusion_plot():
    report = _report(with_importance=False)
    ax = plots.confusion_plot(report)
    assert isinstance(ax, Axes)
    values = ax.get_images()[0].get_array()
    assert values.shape == (3, 3)
    np.testing.assert_allclose(values.sum(axis=1), 1.0)
    assert len(ax.texts) == 9
    assert [t.get_text() for t in ax.get_xticklabels()] == report.labels
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("predicted label", "true label")
    assert "row-normalised" in ax.get_title()
    _inside_figure(ax)
    target = _other_axes()
    ax = plots.confusion_plot(report, normalize=False, ax=target)
    assert ax is target
    assert ax.get_images()[0].get_array().sum() == report.n


def test_importance_plot():
    report = _report()
    ax = plots.importance_plot(report, top=3)
    assert isinstance(ax, Axes)
    assert len(ax.patches) == 3
    top3 = list(report.top_features(3).index)
    assert [t.get_text() for t in ax.get_yticklabels()] == top3[::-1]  # most important on top
    assert "permutation importance" in ax.get_title(loc="right")  # right-aligned: never clipped
    _inside_figure(ax)
    target = _other_axes()
    assert plots.importance_plot(report, ax=target) is target
    assert len(target.patches) == 5
    with pytest.raises(ValueError, match="no permutation importance"):
        plots.importance_plot(_report(with_importance=False))


# ----------------------------------------------------------------------------- saving


def test_save_figure_is_byte_identical(tmp_path, comparison):
    paths = []
    for k in range(2):
        ax = plots.forest_plot(comparison)
        fig = ax.figure
        out = plots.save_figure(ax, tmp_path / "sub" / f"forest{k}.png")
        assert not plt.fignum_exists(fig.number)  # closed
        paths.append(out)
    data = [p.read_bytes() for p in paths]
    assert data[0].startswith(b"\x89PNG\r\n\x1a\n")
    assert data[0] == data[1]
    assert b"Software" not in data[0]
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == ["forest0.png",
                                                                     "forest1.png"]
    fig = plots.frame_heatmap(pd.DataFrame({"frame_economic": [1.0]}), ["a"]).figure
    assert plots.save_figure(fig, tmp_path / "fig.png", dpi=50).stat().st_size > 0
    with pytest.raises(ValueError, match=r"\.png"):
        plots.save_figure(plots.forest_plot(comparison), tmp_path / "forest.pdf")
    with pytest.raises(TypeError, match="Axes or Figure"):
        plots.save_figure("not a figure", tmp_path / "x.png")


def test_missing_matplotlib_message(monkeypatch, comparison):
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match="forest_plot requires matplotlib"):
        plots.forest_plot(comparison)
