"""AttributionFeatures: values on the seed article, evidence spans, scikit-learn contract."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from framing.attribution import SpeakerTypes, extract_attributions
from framing.features import AttributionFeatures, check_texts


def test_sklearn_checks(string_check):
    string_check("AttributionFeatures", AttributionFeatures())
    string_check("AttributionFeatures", AttributionFeatures(attitudes=False))


def test_seed_values(seed_text):
    f = AttributionFeatures()
    X = f.fit_transform([seed_text, "No quotes here at all."])
    row = dict(zip(f.get_feature_names_out(), X[0], strict=True))
    assert X.shape == (2, len(f.get_feature_names_out())) == (2, 34)
    assert row["attributions_per_1k_words"] == pytest.approx(19 / 1381 * 1000)
    assert (row["share_direct"], row["share_indirect"], row["share_mixed"]) == (
        pytest.approx(2 / 19), pytest.approx(12 / 19), pytest.approx(5 / 19))
    assert row["source_official"] == pytest.approx(7 / 19)
    assert row["source_organisation"] == pytest.approx(5 / 19)  # UN bodies, Stratfor
    assert row["source_media"] == pytest.approx(2 / 19)
    assert row["source_document"] == pytest.approx(2 / 19)
    assert row["cue_neutral"] == pytest.approx(12 / 19)
    assert row["cue_distancing"] == pytest.approx(1 / 19)
    assert row["cue_intention"] == pytest.approx(1 / 19)
    assert row["anonymous_rate"] == pytest.approx(2 / 19)
    assert row["distinct_speakers"] == 15
    assert row["first_quote_position"] == pytest.approx(seed_text.index("maximum") / len(seed_text))
    assert X[1].tolist() == [0.0] * 33 + [1.0]


def test_evidence_spans_match_text_and_features(seed_text):
    f = AttributionFeatures()
    texts = [seed_text, '"Go," she said.']
    ev = f.evidence(texts)
    names = set(f.get_feature_names_out())
    assert ev and {e.doc for e in ev} == {0, 1}
    for e in ev:
        assert texts[e.doc][e.start:e.end] == e.text and e.feature in names
    X = f.transform(texts)
    # every non-zero count-like feature has evidence, and zero ones have none
    for doc in (0, 1):
        with_ev = {e.feature for e in ev if e.doc == doc}
        nonzero = {n for n, v in zip(f.get_feature_names_out(), X[doc], strict=True) if v}
        assert with_ev == nonzero
    assert sum(e.feature == "cue_directive" for e in ev if e.doc == 0) == 2


def test_pipeline_pandas_pickle_order(seed_text):
    texts = [seed_text, '"Go," she said.', "Officials said it rained."]
    f = AttributionFeatures().set_output(transform="pandas")
    df = f.fit_transform(texts)
    assert list(df.columns) == list(f.get_feature_names_out())
    pipe = make_pipeline(AttributionFeatures(), StandardScaler()).fit(texts)
    assert pipe.transform(texts).shape == (3, 34)
    g = AttributionFeatures()
    np.testing.assert_array_equal(g.fit_transform(texts), g.fit(texts).transform(texts))
    np.testing.assert_array_equal(g.transform(texts[::-1]), g.transform(texts)[::-1])
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(g)).transform(texts),
                                  clone(g).transform(texts))


def test_bad_input_is_named():
    with pytest.raises(TypeError, match="single string"):
        AttributionFeatures().fit("one text")
    with pytest.raises(TypeError, match="text 1 is int"):
        AttributionFeatures().transform(["ok", 3])
    assert check_texts(np.array([["a"], ["b"]])) == ["a", "b"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(list('ab "\u201c\u201d.,\n') + [" said ", " He "]),
                         max_size=60).map("".join), min_size=1, max_size=3))
def test_properties(texts):
    f = AttributionFeatures()
    X = f.transform(texts)
    assert X.shape == (len(texts), 34) and np.isfinite(X).all()
    for e in f.evidence(texts):
        assert texts[e.doc][e.start:e.end] == e.text


def test_speaker_types_from_a_corpus_fill_unknown_source_shares():
    texts = ["Sen. Marco Rubio said taxes would fall.",
             "Sen. Marco Rubio told reporters he would run.",
             "Marco Rubio said the plan was dead."]
    names = list(AttributionFeatures().get_feature_names_out())
    plain = AttributionFeatures().fit_transform(texts)
    types = SpeakerTypes().update(a for t in texts for a in extract_attributions(t))
    feats = AttributionFeatures(speaker_types=types)
    filled = feats.fit_transform(texts)
    pol, unk = names.index("source_political"), names.index("source_unknown")
    assert (plain[:, pol].tolist(), plain[:, unk].tolist()) == ([1, 1, 0], [0, 0, 1])
    assert (filled[:, pol].tolist(), filled[:, unk].tolist()) == ([1, 1, 1], [0, 0, 0])
    # only the source-type shares move; the evidence of the third text names the speaker
    assert np.array_equal(np.delete(plain, [pol, unk], axis=1),
                          np.delete(filled, [pol, unk], axis=1))
    ev = [e for e in feats.evidence(texts) if e.doc == 2 and e.feature == "source_political"]
    assert [(e.start, e.end, e.text) for e in ev] == [(0, 11, "Marco Rubio")]
    assert clone(feats).get_params()["speaker_types"].type_of("Marco Rubio") == (
        "political", 2, 2)
