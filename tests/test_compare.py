"""Same-event outlet comparison: event alignment, paired tests, BH, unpaired profiles."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.compare import (
    GROUPING_COLUMNS,
    align_events,
    benjamini_hochberg,
    paired_differences,
    read_grouping,
    save_grouping,
    unpaired_profiles,
)
from framing.corpora import Article, read_basil
from framing.text import WORD_RE, segment


def _paired_frame(values: dict[str, dict[str, list[float]]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``values[outlet][feature]`` lists one value per event (NaN = no article)."""
    meta_rows, feat_rows = [], []
    for outlet, feats in values.items():
        n = len(next(iter(feats.values())))
        for e in range(n):
            row = {f: v[e] for f, v in feats.items()}
            if all(np.isnan(x) for x in row.values()):
                continue
            doc = f"{outlet}-{e}"
            meta_rows.append({"doc_id": doc, "outlet": outlet, "event": f"e{e:03d}"})
            feat_rows.append({"doc_id": doc, **row})
    return pd.DataFrame(feat_rows).set_index("doc_id"), pd.DataFrame(meta_rows)


@pytest.fixture(scope="module")
def known_effect():
    rng = np.random.default_rng(42)
    n = 40
    base_shift, base_null = rng.normal(5, 2, n), rng.normal(0, 2, n)
    return _paired_frame({
        "a": {"shift": list(base_shift), "null": list(base_null)},
        "b": {"shift": list(base_shift + 1.0 + rng.normal(0, 0.5, n)),
              "null": list(base_null + rng.normal(0, 0.5, n))},
    })


def test_known_effect_detected_and_null_not(known_effect):
    feats, meta = known_effect
    res = paired_differences(feats, meta, n_boot=1000, n_perm=2000, seed=3)
    assert list(res["feature"]) == ["shift", "null"]
    shift, null = res.iloc[0], res.iloc[1]
    assert (shift.group_a, shift.group_b, shift.n_events) == ("a", "b", 40)
    assert shift.mean_diff == pytest.approx(shift.mean_a - shift.mean_b)
    assert -1.3 < shift.mean_diff < -0.7  # a - b
    assert shift.ci_low < shift.mean_diff < shift.ci_high < 0
    assert shift.p_adjusted < 0.05 and shift.significant
    assert shift.p_method == "monte-carlo"
    assert shift.p_value == pytest.approx(1 / 2001)  # no flip reaches a 10-sd effect
    assert shift.effect_size < -1.5
    assert null.ci_low < 0 < null.ci_high
    assert null.p_adjusted >= 0.05 and not null.significant
    assert set(res["design"]) == {"paired"}
    assert res.attrs["difference"] == "mean_a - mean_b"


@pytest.mark.parametrize(("diffs", "expected"), [
    ([1.0, 2.0, 3.0], 2 / 8),           # only all-plus and all-minus reach |sum| = 6
    ([1.0, 2.0, 3.0, 4.0], 2 / 16),
    ([1.0, 2.0, 3.0, 4.0, -1.0], 6 / 32),  # flipped sets summing to <= 1 or >= 10: 3 + 3
    ([1.0, -1.0], 1.0),
])
def test_exact_sign_flip_p_matches_hand_count(diffs, expected):
    n = len(diffs)
    feats, meta = _paired_frame({"a": {"x": diffs}, "b": {"x": [0.0] * n}})
    res = paired_differences(feats, meta, n_boot=50)
    assert res.loc[0, "p_method"] == "exact"
    assert res.loc[0, "p_value"] == pytest.approx(expected)
    assert res.loc[0, "mean_diff"] == pytest.approx(np.mean(diffs))


def test_exact_enumeration_up_to_12_events_then_monte_carlo():
    rng = np.random.default_rng(0)
    for n, method in ((12, "exact"), (13, "monte-carlo")):
        feats, meta = _paired_frame({"a": {"x": list(rng.normal(size=n))},
                                     "b": {"x": list(rng.normal(size=n))}})
        res = paired_differences(feats, meta, n_boot=50, n_perm=500)
        assert res.loc[0, "p_method"] == method


def test_benjamini_hochberg_hand_example():
    # sorted: .01 .03 .04 .20 -> *4/rank: .04 .06 .0533 .20 -> running min from the top
    got = benjamini_hochberg([0.01, 0.04, 0.03, 0.20])
    np.testing.assert_allclose(got, [0.04, 0.16 / 3, 0.16 / 3, 0.20])
    with_nan = benjamini_hochberg([0.01, np.nan, 0.04, 0.03, 0.20])
    assert np.isnan(with_nan[1])
    np.testing.assert_allclose(with_nan[[0, 2, 3, 4]], got)
    assert benjamini_hochberg([0.9, 0.95]).tolist() == [0.95, 0.95]
    stats = pytest.importorskip("scipy.stats")
    if hasattr(stats, "false_discovery_control"):
        p = np.random.default_rng(1).uniform(size=50) ** 3
        np.testing.assert_allclose(benjamini_hochberg(p), stats.false_discovery_control(p))


def test_bh_family_all_versus_per_pair(known_effect):
    feats, meta = known_effect
    meta = meta.copy()
    rng = np.random.default_rng(5)
    extra_meta = pd.DataFrame({"doc_id": [f"c-{e}" for e in range(40)], "outlet": "c",
                               "event": [f"e{e:03d}" for e in range(40)]})
    extra = pd.DataFrame({"shift": rng.normal(5, 2, 40), "null": rng.normal(0, 2, 40)},
                         index=extra_meta["doc_id"])
    feats2, meta2 = pd.concat([feats, extra]), pd.concat([meta, extra_meta], ignore_index=True)
    all_ = paired_differences(feats2, meta2, n_boot=100, n_perm=500)
    per = paired_differences(feats2, meta2, n_boot=100, n_perm=500, fdr="pair")
    assert len(all_) == 6  # 2 features x 3 pairs
    np.testing.assert_allclose(all_["p_adjusted"], benjamini_hochberg(all_["p_value"]))
    for (_, _), idx in per.groupby(["group_a", "group_b"]).groups.items():
        np.testing.assert_allclose(per.loc[idx, "p_adjusted"],
                                   benjamini_hochberg(per.loc[idx, "p_value"]))
    pd.testing.assert_series_equal(all_["p_value"], per["p_value"])


def test_same_seed_same_table_and_input_order_does_not_matter(known_effect):
    feats, meta = known_effect
    kw = {"n_boot": 300, "n_perm": 400}
    first = paired_differences(feats, meta, seed=7, **kw)
    pd.testing.assert_frame_equal(first, paired_differences(feats, meta, seed=7, **kw))
    shuffled = meta.sample(frac=1.0, random_state=1).reset_index(drop=True)
    pd.testing.assert_frame_equal(first, paired_differences(feats.iloc[::-1], shuffled, seed=7,
                                                            **kw))
    other = paired_differences(feats, meta, seed=8, **kw)
    assert not np.allclose(first["ci_low"], other["ci_low"])
    pd.testing.assert_series_equal(first["mean_diff"], other["mean_diff"])


def test_events_missing_an_outlet_are_dropped_from_that_pair_only():
    nan = float("nan")
    feats, meta = _paired_frame({
        "a": {"x": [1.0, 2.0, 3.0, 4.0, 5.0]},
        "b": {"x": [2.0, 2.0, 5.0, 5.0, 9.0]},
        "c": {"x": [0.0, nan, 1.0, nan, 2.0]},  # no article in events 1 and 3
    })
    res = paired_differences(feats, meta, n_boot=50).set_index(["group_a", "group_b"])
    assert res.loc[("a", "b"), "n_events"] == 5
    assert res.loc[("a", "c"), "n_events"] == 3
    assert res.loc[("b", "c"), "n_events"] == 3
    assert res.loc[("a", "c"), "mean_a"] == pytest.approx(3.0)  # events 0, 2, 4 of a
    assert res.loc[("a", "c"), "mean_diff"] == pytest.approx(3.0 - 1.0)


def test_several_articles_of_one_outlet_in_an_event_are_averaged():
    meta = pd.DataFrame({
        "doc_id": ["a0x", "a0y", "a0z", "b0", "a1", "b1", "a2", "b2"],
        "outlet": ["a", "a", "a", "b", "a", "b", "a", "b"],
        "event": ["e0", "e0", "e0", "e0", "e1", "e1", "e2", "e2"],
    })
    feats = pd.DataFrame({"x": [1.0, 3.0, 8.0, 1.0, 5.0, 4.0, 2.0, 1.0]}, index=meta["doc_id"])
    res = paired_differences(feats, meta, n_boot=50)
    r = res.iloc[0]
    assert r.n_events == 3
    diffs = np.array([4.0 - 1.0, 5.0 - 4.0, 2.0 - 1.0])  # event 0: mean(1, 3, 8) = 4
    assert r.mean_a == pytest.approx((4.0 + 5.0 + 2.0) / 3)
    assert r.mean_diff == pytest.approx(diffs.mean())
    assert r.sd_diff == pytest.approx(diffs.std(ddof=1))
    assert r.effect_size == pytest.approx(diffs.mean() / diffs.std(ddof=1))
    assert r.p_value == pytest.approx(2 / 8)


def test_zero_variance_feature_is_noted_not_tested(known_effect):
    feats, meta = known_effect
    feats = feats.assign(constant=3.0)
    res = paired_differences(feats, meta, n_boot=200, n_perm=500).set_index("feature")
    const = res.loc["constant"]
    assert "zero variance" in const.note
    assert np.isnan(const.p_value) and np.isnan(const.p_adjusted) and not const.significant
    assert const.n_events == 40 and const.mean_a == 3.0
    # the skipped feature is not part of the BH family
    np.testing.assert_allclose(res.loc[["shift", "null"], "p_adjusted"],
                               benjamini_hochberg(res.loc[["shift", "null"], "p_value"]))


def test_constant_nonzero_differences_give_zero_effect_size():
    feats, meta = _paired_frame({"a": {"x": [1.0, 2.0, 3.0, 4.0]},
                                 "b": {"x": [0.0, 1.0, 2.0, 3.0]}})
    r = paired_differences(feats, meta, n_boot=50).iloc[0]
    assert r.mean_diff == 1.0 and r.sd_diff == 0.0 and r.effect_size == 0.0
    assert r.ci_low == r.ci_high == 1.0
    assert r.p_value == pytest.approx(2 / 16)


def test_positional_alignment_and_bad_alignment():
    meta = pd.DataFrame({"outlet": ["a", "b", "a", "b"], "event": ["e1", "e1", "e2", "e2"]})
    feats = pd.DataFrame({"x": [1.0, 0.0, 3.0, 1.0]})
    assert paired_differences(feats, meta, n_boot=20).loc[0, "mean_diff"] == 1.5
    with pytest.raises(ValueError, match="cannot align"):
        paired_differences(feats.iloc[:3], meta)
    with pytest.raises(ValueError, match="no column 'leaning'"):
        paired_differences(feats, meta, group="leaning")


def test_mixed_model_matches_paired_mean_on_balanced_data(known_effect):
    pytest.importorskip("statsmodels")
    feats, meta = known_effect
    res = paired_differences(feats, meta, n_boot=100, n_perm=200, mixed_model=True)
    shift = res.iloc[0]
    assert shift.mm_coef == pytest.approx(shift.mean_diff, rel=1e-6)
    assert shift.mm_ci_low < shift.mm_coef < shift.mm_ci_high < 0
    assert shift.mm_p_value < 0.001
    assert res.iloc[1].mm_p_value > 0.05


def test_unpaired_profiles_are_labelled_and_correct():
    meta = pd.DataFrame({"doc_id": list("pqrstu"), "outlet": ["a", "a", "a", "b", "b", "b"]})
    feats = pd.DataFrame({"x": [1.0, 2.0, 3.0, 10.0, 11.0, 12.5], "k": 1.0},
                         index=list("pqrstu"))
    prof = unpaired_profiles(feats, meta)
    assert set(prof["design"]) == {"unpaired"}
    x = prof[prof.feature == "x"].set_index("group")
    assert x.loc["a", "n"] == 3 and x.loc["a", "mean"] == 2.0 and x.loc["a", "sd"] == 1.0
    assert "NOT a same-event comparison" in unpaired_profiles.__doc__
    tested = unpaired_profiles(feats, meta, test="welch").set_index(["feature", "group"])
    assert tested.loc[("x", "a"), "p_value"] < 0.01
    assert tested.loc[("x", "a"), "mean_rest"] == pytest.approx(33.5 / 3)
    assert "zero variance" in tested.loc[("k", "a"), "note"]
    mw = unpaired_profiles(feats, meta, test="mannwhitney").set_index(["feature", "group"])
    assert mw.loc[("x", "a"), "p_value"] == pytest.approx(0.1)  # exact, 3 vs 3, two-sided


# ----------------------------------------------------------------------------- align_events


def _two_event_articles() -> list[Article]:
    flood = ("Flood waters rose along the river, and rescuers in boats evacuated valley "
             "residents as the levee failed and rain kept falling.")
    budget = ("Parliament passed the budget bill after a long vote; the finance minister "
              "defended tax cuts and spending on pensions.")
    return [
        Article("f-a", flood, outlet="a", date="2021-05-01", title="Flood hits valley"),
        Article("b-b", budget + " Opposition deputies objected to the pension plan.",
                outlet="b", date="2021-05-02", title="Budget bill passes"),
        Article("f-b", "Rescuers evacuated valley residents as flood waters rose and the "
                "river levee failed.", outlet="b", date="2021-05-02",
                title="River flood: levee fails"),
        Article("b-a", budget, outlet="a", date="2021-05-03", title="Parliament passes budget"),
        Article("f-c", "River flood waters rose; the levee failed and rescuers used boats.",
                outlet="c", date="2021-05-03"),
        # the same vocabulary as the flood, a year later: a different event
        Article("f-later", flood, outlet="a", date="2022-05-01", title="Flood hits valley"),
    ]


def test_align_events_uses_event_ids_when_present(tmp_path):
    arts = [Article(f"{o}{e}", f"Story {e} about topic {e} from outlet {o}.", outlet=o,
                    event=f"ev{e}", date="2020-01-0" + str(e + 1), leaning="left")
            for e in range(3) for o in ("x", "y")]
    g = align_events(arts)
    assert list(g.columns) == list(GROUPING_COLUMNS)
    assert g["doc_id"].tolist() == [a.id for a in arts]
    assert g["event"].tolist() == [a.event for a in arts]
    assert set(g["grouping"]) == {"event_id"}
    assert (g["event_size"] == 2).all()
    assert ((g["similarity"] > 0) & (g["similarity"] <= 1)).all()
    path = tmp_path / "out" / "grouping.csv"
    save_grouping(g, path)
    back = read_grouping(path)
    assert back["doc_id"].tolist() == g["doc_id"].tolist()
    assert back["event"].tolist() == g["event"].tolist()
    assert back["title"].tolist() == [None] * 6
    assert not list(path.parent.glob(".*.tmp"))


def test_align_events_clusters_articles_without_ids():
    arts = _two_event_articles()
    g = align_events(arts, min_similarity=0.2).set_index("doc_id")
    assert set(g["grouping"]) == {"similarity"}
    flood = {g.loc[d, "event"] for d in ("f-a", "f-b", "f-c")}
    budget = {g.loc[d, "event"] for d in ("b-a", "b-b")}
    assert len(flood) == 1 and len(budget) == 1 and flood != budget
    assert g.loc["f-later", "event"] not in flood | budget  # outside the 3-day window
    assert g["event"].nunique() == 3
    assert g.loc["f-a", "event"] == "auto-1"  # numbered by first article's date
    # without the window the later copy joins the flood event
    g_nowin = align_events(arts, min_similarity=0.2, window_days=None).set_index("doc_id")
    assert g_nowin.loc["f-later", "event"] == g_nowin.loc["f-a", "event"]
    # deterministic and independent of input order
    again = align_events(arts[::-1], min_similarity=0.2).set_index("doc_id").loc[g.index]
    pd.testing.assert_frame_equal(g, again)
    # a threshold no pair reaches gives one event per article
    assert align_events(arts, min_similarity=0.99)["event"].nunique() == 6


def test_align_events_mixed_ids_and_by_similarity():
    arts = _two_event_articles()
    arts[0].event = "auto-1"  # a given id that looks like a generated one
    g = align_events(arts, min_similarity=0.2).set_index("doc_id")
    assert g.loc["f-a", "grouping"] == "event_id" and g.loc["f-a", "event"] == "auto-1"
    assert g.loc["f-b", "grouping"] == "similarity"
    assert g.loc["f-b", "event"] != "auto-1"  # generated ids never collide with given ones
    g2 = align_events(arts, by="similarity", min_similarity=0.2)
    assert set(g2["grouping"]) == {"similarity"}
    with pytest.raises(ValueError, match="unique"):
        align_events([arts[0], arts[0]])
    with pytest.raises(ValueError, match="by must be"):
        align_events(arts, by="date")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- real data: BASIL


@pytest.mark.shared_data
def test_basil_same_event_comparison(shared_data):
    arts = read_basil(shared_data / "basil")
    grouping = align_events(arts)
    assert grouping["event"].nunique() == 100
    assert (grouping["event_size"] == 3).all()

    def words_per_sentence(text: str) -> float:
        return len(WORD_RE.findall(text)) / max(len(segment(text).sentences), 1)

    feats = pd.DataFrame({"words_per_sentence": [words_per_sentence(a.text) for a in arts],
                          "n_words": [float(a.n_words) for a in arts]},
                         index=[a.id for a in arts])
    res = paired_differences(feats, grouping, group="outlet", n_boot=1000, n_perm=2000)
    pairs = set(zip(res["group_a"], res["group_b"], strict=True))
    assert pairs == {("fox", "hpo"), ("fox", "nyt"), ("hpo", "nyt")}
    assert (res["n_events"] == 100).all()
    wps = res[res.feature == "words_per_sentence"].set_index(["group_a", "group_b"])
    # the New York Times writes longer sentences than both Fox and HuffPost, same events
    for pair in (("fox", "nyt"), ("hpo", "nyt")):
        assert wps.loc[pair, "ci_high"] < 0 and wps.loc[pair, "p_adjusted"] < 0.05
    assert wps.loc[("fox", "hpo"), "ci_low"] < 0 < wps.loc[("fox", "hpo"), "ci_high"]
    by_leaning = paired_differences(feats, grouping, group="leaning", n_boot=200, n_perm=500)
    assert len(by_leaning) == 6 and (by_leaning["n_events"] < 100).all()
