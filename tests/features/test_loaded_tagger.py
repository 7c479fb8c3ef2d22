"""LoadedWordTagger: shipped model, seed expectations, sklearn contract, evidence, training."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from framing.attribution.words import word_classes
from framing.features.loaded_tagger import (
    FEATURE_NAMES,
    STOP_KINDS,
    LoadedWordTagger,
    gold_tokens,
    load_model,
    split_of,
    token_features,
    train_loaded_words,
)
from framing.text import WORD_RE


@pytest.fixture(scope="module")
def seed_tags(seed_text):
    return LoadedWordTagger().tag(seed_text)


def test_shipped_model_loads():
    model = load_model()
    assert model is load_model()  # cached
    assert 0.0 < model.threshold < 1.0
    assert 500 < len(model.weights) < 50_000 and 1_000 < len(model.word_stats) < 50_000
    assert model.meta["format"] == "framing.loaded_words" and model.meta["version"] == 1
    test = model.meta["metrics"]["test"]
    assert set(test) == {"babe_sg2", "mbic", "ptc"}
    for block in test.values():
        assert 0.0 <= block["f1"] <= 1.0
    assert model.meta["training"]["split"]["babe"] == "sentence"
    # interpretable: lexicon memberships, words and corpus statistics all carry weight
    assert any(k.startswith("lex:") for k in model.weights)
    assert any(k.startswith("w:") for k in model.weights)
    assert {"quoted", "freq:rare"} <= set(model.weights)


def test_model_lexicon_categories_still_exist():
    # lex:<category> weights of a category that no shipped lexicon has any more would be
    # silently dead: retrain with `framing train loaded-words` after renaming or removing one
    from framing.features.loaded import _matcher, default_lexicons

    _, current = _matcher(default_lexicons())
    model = load_model()
    used = {k.split("lex:", 1)[1].split(":")[0] for k in model.weights if "lex:" in k}
    assert used <= set(current) and set(model.meta["training"]["lexicon_categories"]) <= set(
        current)


@pytest.mark.parametrize("params", [{}, {"threshold": 0.5}], ids=["default", "threshold"])
def test_sklearn_checks(string_check, params):
    string_check(LoadedWordTagger.__name__, LoadedWordTagger(**params))


def test_seed_article_tags(seed_text, seed_tags):
    words = [w.lower() for _, _, w, _ in seed_tags]
    for word in ("hypocrisy", "cynicism", "savage", "fanaticism", "imperialism", "catastrophe"):
        assert word in words, word
    # the editorial's plain reporting is not tagged
    for word in ("mosul", "baghdad", "province", "government", "city", "minister"):
        assert word not in words, word
    stop = word_classes().union(*STOP_KINDS)
    assert not [w for w in words if w in stop or w[0].isdigit()]
    threshold = load_model().threshold
    word_spans = {(m.start(), m.end()) for m in WORD_RE.finditer(seed_text)}
    for s, e, w, p in seed_tags:
        assert seed_text[s:e] == w and (s, e) in word_spans
        assert threshold <= p <= 1.0
    starts = [s for s, *_ in seed_tags]
    assert starts == sorted(starts)
    i = seed_text.index("hypocrisy")
    assert (i, i + len("hypocrisy"), "hypocrisy") in {(s, e, w) for s, e, w, _ in seed_tags}


def test_transform_matches_tags(seed_text, seed_tags):
    tagger = LoadedWordTagger()
    row = dict(zip(FEATURE_NAMES, tagger.fit_transform([seed_text])[0], strict=True))
    n_words = len(WORD_RE.findall(seed_text))
    assert row["loaded_words_per_1k"] == pytest.approx(1000 * len(seed_tags) / n_words)
    # an editorial: the outlet voices most of its loaded words itself
    assert 0.7 < row["loaded_words_narrative_share"] <= 1.0
    assert row["loaded_words_narrative_per_1k"] > 0
    assert 0.0 < row["mean_probability"] < 0.5
    spans, probs, quoted = tagger.token_probabilities(seed_text)
    assert len(spans) == len(probs) == len(quoted) == n_words
    assert row["mean_probability"] == pytest.approx(float(probs.mean()))
    # the witness's "We are waiting to die" is the quoted voice
    i = seed_text.index("We are waiting to die")
    assert quoted[np.searchsorted(spans[:, 0], i)]


def test_threshold_parameter(seed_text, seed_tags):
    strict = LoadedWordTagger(threshold=0.6).tag(seed_text)
    assert 0 < len(strict) < len(seed_tags)
    assert {s for s, *_ in strict} <= {s for s, *_ in seed_tags}
    assert LoadedWordTagger(threshold=1.0).tag(seed_text) == []
    for bad in (0.0, -0.1, 1.5):
        with pytest.raises(ValueError, match="threshold"):
            LoadedWordTagger(threshold=bad).fit([seed_text])
    with pytest.raises(TypeError, match="single string"):
        LoadedWordTagger().transform(seed_text)
    with pytest.raises(TypeError, match="expected str"):
        LoadedWordTagger().tag(None)


def test_contract_and_evidence(seed_text):
    texts = [seed_text, '"It was a savage massacre," she said. Nobody cared.', ""]
    f = LoadedWordTagger()
    X = f.fit_transform(texts)
    names = f.get_feature_names_out()
    assert list(names) == list(FEATURE_NAMES)
    assert X.shape == (3, len(names)) and np.isfinite(X).all()
    assert X[2].tolist() == [0.0] * len(names)
    np.testing.assert_array_equal(X, f.fit(texts).transform(texts))
    np.testing.assert_array_equal(f.transform(texts[::-1]), X[::-1])
    df = LoadedWordTagger().set_output(transform="pandas").fit_transform(texts)
    assert list(df.columns) == list(names)
    ev = f.evidence(texts)
    assert ev and {e.feature for e in ev} <= set(names)
    for e in ev:
        assert texts[e.doc][e.start:e.end] == e.text
        assert 0.0 <= e.weight <= 1.0
    quoted = [e for e in ev if e.feature == "loaded_words_quoted_per_1k"]
    assert any(e.doc == 1 and e.text == "savage" for e in quoted)
    rates = [e for e in ev if e.feature == "loaded_words_per_1k"]
    assert len(rates) == len(f.tag(seed_text)) + len(f.tag(texts[1]))
    pipe = make_pipeline(LoadedWordTagger(), StandardScaler())
    assert pipe.fit_transform(texts).shape == (3, 5)


def test_token_features_offsets():
    text = "Le  régime “brutal” d’Assad — so-called reforms!\n\nA radical plan"
    tf = token_features(text)
    assert [text[s:e] for s, e in tf.spans.tolist()] == WORD_RE.findall(text)
    assert len(tf.features) == len(tf.spans) == len(tf.quoted) == len(tf.stop)
    by_word = dict(zip(WORD_RE.findall(text), tf.features, strict=True))
    assert "lex:doubt" in by_word["so-called"] and "part:called" in by_word["so-called"]
    assert by_word["brutal"]["w:brutal"] == 1.0 and "cap:first" in by_word["Le"]
    assert gold_tokens(tf.spans, [(12, 14)]).sum() == 1  # one character inside "brutal"


def test_split_is_fixed():
    assert split_of("babe:A sentence.", 0) == split_of("babe:A sentence.", 0)
    shares = [split_of(f"babe:{i}", 3) for i in range(2000)]
    assert 0.65 < shares.count("train") / 2000 < 0.75
    assert 0.17 < shares.count("test") / 2000 < 0.23


def test_bad_model_file(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"format": "something else"}), encoding="utf-8")
    with pytest.raises(ValueError, match="not a framing.loaded_words model"):
        LoadedWordTagger(model_path=str(path)).fit(["x"])
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="not a JSON model"):
        LoadedWordTagger(model_path=str(path)).tag("x")


@pytest.mark.shared_data
def test_training_is_deterministic(shared_data, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    metrics = train_loaded_words(shared_data, a, seed=1, limit=200)
    train_loaded_words(shared_data, b, seed=1, limit=200)
    assert a.read_bytes() == b.read_bytes()
    data = json.loads(a.read_text(encoding="utf-8"))
    assert data["training"] == metrics["training"] and data["metrics"] == metrics["metrics"]
    assert data["training"]["data"]["limit"] == 200
    tagger = LoadedWordTagger(model_path=str(a))
    assert tagger.fit(["x"]).transform(["It is a savage, bizarre lie."]).shape == (1, 5)
    assert tagger._threshold() == data["threshold"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
       | st.lists(st.sampled_from(["savage", "not", "“", "”", '"', "said", ".", " ", "\n\n",
                                   "so-called", "He", "war", "Hypocrisy", "—", "1,800"]),
                  max_size=40).map("".join))
def test_any_text(text):
    tagger = LoadedWordTagger()
    spans, probs, quoted = tagger.token_probabilities(text)
    assert ((probs >= 0) & (probs <= 1)).all()
    for s, e, w, p in tagger.tag(text):
        assert 0 <= s < e <= len(text) and text[s:e] == w and p >= tagger._threshold()
    X = tagger.transform([text])
    assert X.shape == (1, 5) and np.isfinite(X).all()
    for ev in tagger.evidence([text]):
        assert text[ev.start:ev.end] == ev.text
