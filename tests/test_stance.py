"""Stance toward a target: mentions, scoring with evidence, the transformer, BASIL end to end."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.stance import (
    CUE_ABOUT_TARGET,
    CUE_BY_TARGET,
    LABELS,
    THRESHOLDS,
    WEIGHTS,
    WINDOW,
    StanceFeatures,
    find_mentions,
    label_of,
    stance_toward,
)


def _texts(text, spans):
    return [text[s:e] for s, e in spans]


# ------------------------------------------------------------------------------- mentions

def test_seed_mentions(seed_text):
    spans = find_mentions(seed_text, "Nouri al-Maliki")
    assert spans == [(877, 892), (2511, 2517), (3240, 3246)]
    assert _texts(seed_text, spans) == ["Nouri al-Maliki", "Maliki", "Maliki"]
    assert seed_text[862:892] == "Prime Minister Nouri al-Maliki"
    # the surname alone as the entity finds the same places (inside "al-Maliki" too)
    assert find_mentions(seed_text, "Maliki") == [(886, 892), (2511, 2517), (3240, 3246)]
    assert find_mentions(seed_text, "Nouri_al-Maliki") == spans  # BASIL-style key
    assert find_mentions(seed_text, "Bashar al-Assad") == [(6128, 6143), (8296, 8301)]
    assert _texts(seed_text, find_mentions(seed_text, "Bashar al-Assad")) == [
        "Bashar al-Assad", "Assad"]  # "the Assad regime"
    assert _texts(seed_text, find_mentions(seed_text, "Assad")) == ["Assad", "Assad"]
    assert find_mentions(seed_text, "Barack Obama") == []
    assert len(find_mentions(seed_text, "ISIS")) == 23


def test_full_name_surname_possessive_and_middle():
    t = "Donald J. Trump spoke. Mr. Trump's plan failed. Trump Tower stood. Trump left."
    assert _texts(t, find_mentions(t, "Donald Trump")) == ["Donald J. Trump", "Trump", "Trump"]
    assert find_mentions(t, "Donald Trump")[1] == (27, 32)  # the possessive 's is left out
    t = "Donald Trump Jr. spoke. Hillary Rodham Clinton replied."
    assert find_mentions(t, "Donald Trump") == []
    assert _texts(t, find_mentions(t, "Hillary Clinton")) == ["Hillary Rodham Clinton"]


def test_surname_ambiguity():
    t = "Bill Clinton spoke. Hillary Clinton won. Clinton's speech. Trump lost."
    assert _texts(t, find_mentions(t, "Hillary Clinton")) == ["Hillary Clinton", "Clinton"]
    assert _texts(t, find_mentions(t, "Bill Clinton")) == ["Bill Clinton"]
    # the nearest full name before a bare surname decides, within its paragraph
    t = "Melania Trump waved. Trump smiled.\n\nTrump spoke later."
    assert _texts(t, find_mentions(t, "Donald Trump")) == ["Trump"]
    assert find_mentions(t, "Donald Trump") == [(36, 41)]
    # a first name with the target's initial is the target ("Jim" for "James")
    t = "Defense Secretary Jim Mattis resigned. Mattis wrote a letter."
    assert _texts(t, find_mentions(t, "James Mattis")) == ["Jim Mattis", "Mattis"]
    # a surname followed by another capitalised word is another name
    t = "Fox News said Vicente Fox agreed. Fox laughed."
    assert _texts(t, find_mentions(t, "Vicente_Fox")) == ["Vicente Fox", "Fox"]


def test_groups_aliases_case_and_accents():
    t = "Republican lawmakers met. A Republican lawmaker objected. The Republican Party won."
    assert _texts(t, find_mentions(t, "Republican_Lawmakers")) == ["Republican lawmakers",
                                                                   "Republican lawmaker"]
    assert _texts(t, find_mentions(t, "Republican lawmakers", aliases=["Republican Party"])) \
        == ["Republican lawmakers", "Republican lawmaker", "Republican Party"]
    t = "Enrique Peña Nieto met Chick-fil-A staff. Peña Nieto left."
    assert _texts(t, find_mentions(t, "Enrique Pena Nieto")) == ["Enrique Peña Nieto",
                                                                 "Peña Nieto"]
    assert _texts(t, find_mentions(t, "Chick-Fil-A")) == ["Chick-fil-A"]
    t = "Sasha Obama and Malia Obama arrived. Obama's daughters waved."
    assert _texts(t, find_mentions(t, "Sasha_and_Malia_Obama")) == ["Sasha Obama", "Malia Obama"]
    # names are case-sensitive: a lower-case word is not the name
    assert find_mentions("The brat ran. A stone fell.", "David Brat") == []
    assert find_mentions("anti-Trump protesters", "Donald Trump") == [(5, 10)]


def test_mention_errors():
    with pytest.raises(ValueError, match="entity is empty"):
        find_mentions("text", "  ")
    with pytest.raises(TypeError, match="text must be str"):
        find_mentions(None, "Jane Roe")
    with pytest.raises(TypeError, match="text must be str"):
        stance_toward(b"bytes", "Jane Roe")
    with pytest.raises(ValueError, match="window must be >= 0"):
        stance_toward("Jane Roe spoke.", "Jane Roe", window=-1)
    with pytest.raises(ValueError, match="weights must be 3"):
        stance_toward("Jane Roe spoke.", "Jane Roe", weights=(1.0,))


# ------------------------------------------------------------------------------- scoring

def test_constants():
    assert sum(WEIGHTS) == pytest.approx(1.0) and WINDOW == 1
    assert THRESHOLDS == (-0.425, 0.25)
    assert set(CUE_BY_TARGET) | set(CUE_ABOUT_TARGET) <= {
        "neutral", "assertive", "distancing", "concessive", "denial", "alarm", "emotive",
        "speculative", "directive", "praise", "reveal", "question"}
    assert [label_of(x) for x in (-1.0, -0.425, -0.42, 0.0, 0.249, 0.25, 1.0)] == [
        "negative", "negative", "neutral", "neutral", "neutral", "positive", "positive"]
    assert label_of(0.1, (-0.05, 0.05)) == "positive"


def test_denial_and_criticism_are_negative():
    text = 'Jane Roe denied that she took the money. Critics slammed Roe as "corrupt."'
    r = stance_toward(text, "Jane Roe")
    assert r.label == "negative" and r.n_mentions == 2 and r.mentions == [(0, 8), (57, 60)]
    cues = [(e.text, e.weight) for e in r.evidence if e.feature == "stance_cues"]
    assert cues == [("denied", CUE_BY_TARGET["denial"]), ("slammed", CUE_ABOUT_TARGET["emotive"])]
    assert r.cues == pytest.approx(-2 / 3)
    opinion = [(e.text, e.weight) for e in r.evidence if e.feature == "stance_opinion"]
    assert opinion == [("corrupt", -1.0)]  # cue words count once, as cues
    assert r.opinion == pytest.approx(-1 / 3)
    w = WEIGHTS
    assert r.score == pytest.approx(w[0] * r.sentiment + w[1] * r.opinion + w[2] * r.cues)
    for e in r.evidence:
        assert text[e.start:e.end] == e.text


def test_praise_is_positive():
    text = "Jones praised Smith as a wonderful, honest leader. Smith thanked him."
    r = stance_toward(text, "John Smith")
    assert r.label == "positive" and r.n_mentions == 2
    assert [(e.text, e.weight) for e in r.evidence if e.feature == "stance_cues"] == [
        ("praised", CUE_ABOUT_TARGET["praise"])]
    assert {e.text for e in r.evidence if e.feature == "stance_opinion"} == {
        "wonderful", "honest", "thanked"}
    # negation flips an opinion word
    r = stance_toward("Smith is not honest.", "John Smith")
    assert [(e.text, e.weight) for e in r.evidence if e.feature == "stance_opinion"] == [
        ("honest", -1.0)]


def test_names_are_masked_and_labels_skipped():
    # "Trump" is a positive Hu & Liu entry: the mention is masked for VADER and skipped as a hit
    r = stance_toward("Trump met Lee.", "Donald Trump")
    assert (r.sentiment, r.opinion, r.label) == (0.0, 0.0, "neutral")
    # capitalised opinion words are names ("Grace"); VADER still reads the sentence as written
    r = stance_toward("Trump met Grace Lee.", "Donald Trump")
    assert r.opinion == 0.0 and r.sentiment == pytest.approx(0.4215)
    r = stance_toward("Roe, a conservative, issued a statement.", "Jane Roe")
    assert [e for e in r.evidence if e.feature == "stance_opinion"] == []


def test_no_mention_and_window():
    r = stance_toward("Nothing about anyone here. It is awful.", "Jane Roe")
    assert (r.score, r.label, r.n_mentions, r.evidence) == (0.0, "neutral", 0, [])
    text = "Jane Roe arrived. The crowd booed angrily. Later it rained."
    assert stance_toward(text, "Jane Roe", window=0).n_sentences == 1
    r1 = stance_toward(text, "Jane Roe", window=1)
    assert r1.n_sentences == 2 and r1.sentiment < 0
    assert [e.text for e in r1.evidence if e.feature == "stance_sentiment"] == [
        "Jane Roe arrived.", "The crowd booed angrily."]


def test_seed_stance(seed_text):
    r = stance_toward(seed_text, "Nouri al-Maliki")
    assert r.n_mentions == 3 and r.n_sentences == 6
    assert r.label == "neutral" and r.score == pytest.approx(-0.2951, abs=1e-3)
    assert r.sentiment < 0 and r.opinion < 0 and r.cues == 0.0
    assert {e.text for e in r.evidence if e.feature == "stance_opinion"} >= {"alienated",
                                                                             "criminal"}
    r = stance_toward(seed_text, "ISIS")
    assert r.label == "negative" and r.n_mentions == 23
    assert [(e.text, e.weight) for e in r.evidence if e.feature == "stance_cues"] == [
        ("claimed", -1.0)]  # "ISIS claimed responsibility": distancing cue by the target
    d = r.to_dict()
    assert d["label"] == "negative" and len(d["mentions"]) == 23
    assert stance_toward(seed_text, "ISIS") == r  # deterministic


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
       st.sampled_from(["Jane Roe", "Maliki", "Republican lawmakers", "ISIS", "A and B C"]))
def test_arbitrary_text_never_raises(text, entity):
    spans = find_mentions(text, entity)
    assert spans == sorted(spans)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False))
    r = stance_toward(text + " Jane Roe lied.", entity)
    assert -1.0 <= r.score <= 1.0 and r.label in LABELS
    for e in r.evidence:
        assert (text + " Jane Roe lied.")[e.start:e.end] == e.text


# ------------------------------------------------------------------------------- transformer

def test_stance_features_sklearn_checks(string_check):
    string_check("StanceFeatures", StanceFeatures())


def test_stance_features_contract(seed_text):
    texts = [seed_text, "", '"Maliki failed," she said.']
    f = StanceFeatures(target="Nouri al-Maliki")
    X = f.fit_transform(texts)
    names = list(f.get_feature_names_out())
    assert names == ["stance_score", "stance_label", "stance_sentiment", "stance_opinion",
                     "stance_cues", "stance_mentions"]
    assert X.shape == (3, 6) and np.isfinite(X).all()
    assert X[:, -1].tolist() == [3.0, 0.0, 1.0]
    assert X[0, 0] == pytest.approx(-0.2951, abs=1e-3) and X[1].tolist() == [0.0] * 6
    np.testing.assert_array_equal(f.transform(texts[::-1]), X[::-1])
    df = StanceFeatures(target="Nouri al-Maliki").set_output(transform="pandas").fit_transform(
        texts)
    assert list(df.columns) == names
    ev = f.evidence(texts)
    assert {e.doc for e in ev} == {0, 2}
    assert {e.feature for e in ev} <= {"stance_mentions", "stance_sentiment", "stance_opinion",
                                       "stance_cues"}
    for e in ev:
        assert texts[e.doc][e.start:e.end] == e.text
    with pytest.raises(ValueError, match="needs a target"):
        StanceFeatures().fit(texts)
    with pytest.raises(TypeError, match="single string"):
        f.transform(seed_text)


# ------------------------------------------------------------------------------- BASIL

@pytest.fixture(scope="module")
def bench(repo_root):
    spec = importlib.util.spec_from_file_location(
        "stance_basil", repo_root / "benchmarks" / "stance_basil.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_helpers(bench):
    tune, test = bench.split_events([f"e{i}" for i in range(10)] * 3)
    assert len(tune) == len(test) == 5 and not set(tune) & set(test)
    assert (tune, test) == bench.split_events([f"e{i}" for i in reversed(range(10))])
    assert bench.aliases_for("Republican_Lawmakers")[:2] == ("Republicans", "GOP")
    assert bench.aliases_for("Law_enforcement/Federal_authorities") == ("Federal authorities",)
    assert bench.entity_name("Law_enforcement/Federal_authorities") == "Law enforcement"
    gold = ["negative", "neutral", "neutral", "positive"]
    assert bench.accuracy(gold, ["neutral"] * 4) == 0.5
    assert bench.macro_f1(gold, ["neutral"] * 4) == pytest.approx((2 / 3) / 3)
    assert bench.macro_f1(gold, gold) == 1.0 and bench.majority(gold) == "neutral"


@pytest.mark.shared_data
def test_basil_end_to_end(shared_data, bench):
    from framing.corpora import read_basil

    articles = read_basil(shared_data / "basil")
    tune, test = bench.split_events([a.event for a in articles])
    assert len(tune) == len(test) == 50
    assert tune[0] == "01c59743-7082-44fc-8414-3c04126f470f"
    event = [a for a in articles if a.event == tune[0]]
    assert [a.outlet for a in event] == ["fox", "hpo", "nyt"]
    items = bench.article_items(event)
    assert [(it["outlet"], it["entity"], it["author"]) for it in items] == [
        ("fox", "James Mattis", "negative"), ("fox", "Donald Trump", "positive"),
        ("hpo", "James Mattis", "neutral"), ("hpo", "Donald Trump", "negative"),
        ("nyt", "James Mattis", "positive"), ("nyt", "Donald Trump", "negative")]
    counts = [len(find_mentions(it["text"], it["entity"])) for it in items]
    assert counts == [10, 10, 16, 17, 33, 22]
    by_name = {(it["outlet"], it["entity"]): {it["text"][s:e] for s, e in
                                              find_mentions(it["text"], it["entity"])}
               for it in items}
    assert by_name[("hpo", "James Mattis")] == {"Jim Mattis", "Mattis"}
    assert by_name[("fox", "Donald Trump")] == {"Donald J. Trump", "Trump"}
    results = bench.score_articles(items)
    # nyt, Mattis: "Mr. Mattis's letter ... Instead, it condemned Mr. Trump's approach" -- the
    # "it" resolves to the letter, so the emotive cue is now the target's own
    assert [r.label for r in results] == ["neutral", "neutral", "neutral", "negative",
                                          "negative", "neutral"]
    for it, r in zip(items, results, strict=True):
        for e in r.evidence:
            assert it["text"][e.start:e.end] == e.text
    phrases = bench.phrase_items(event)
    assert phrases and all(p["polarity"] in ("pos", "neg") and p["span"] in p["sentence"]
                           for p in phrases)
    m = bench.evaluate_phrases(phrases, "neg")
    assert m["n"] == len(phrases) and 0 <= m["sentence"]["accuracy"] <= 1
    assert 0 <= m["span"]["coverage"] <= 1
