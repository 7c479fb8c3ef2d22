"""FastVader gives exactly vaderSentiment's scores (all four, and its compound-only score), on real
sentences and generated ones."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES

from framing.features.analysis import segmentation
from framing.features.vader import FastVader


@pytest.fixture(scope="module")
def analyzers():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer(), FastVader()


def _differs(vader, fast, s):
    """True when FastVader's scores or its compound-only score differ from vaderSentiment's."""
    want = vader.polarity_scores(s)
    return fast.polarity_scores(s) != want or fast.compound(s) != want["compound"]


def _sentences(texts):
    return [t[s:e] for t in texts for s, e in segmentation(t).sentences.tolist()]


def test_same_scores_on_real_sentences(analyzers, seed_text, shared_data):
    from framing.corpora import read_basil, read_polnear

    vader, fast = analyzers
    texts = [seed_text] + [a.text for a in read_basil(shared_data / "basil")[:100]] + [
        a.text for a in read_polnear(shared_data / "polnear", "dev")[:60]]
    sentences = _sentences(texts)
    assert len(sentences) > 5000
    differ = [s for s in sentences if _differs(vader, fast, s)]
    assert differ == []
    # and the scores are not trivially zero
    assert sum(fast.polarity_scores(s)["compound"] != 0 for s in sentences) > 2500


def test_examples(analyzers):
    vader, fast = analyzers
    for s in ["VADER is NOT smart, handsome, nor funny!!!", "It isn't kind of good at all.",
              "He was never so happy, but the food was the bomb :) ", "At least it's not bad",
              "No good deed, no bad idea, no or nor hope?", "least good", "kiss of death",
              "Without a doubt the best 😀 day", "without doubt very good", "never so very bad",
              "", "   ", "!!!???", "GREAT GREAT great"]:
        assert not _differs(vader, fast, s), s


# tokens that exercise every rule: lexicon words, boosters, negators, idioms, caps, punctuation
_VOCAB = (sorted(BOOSTER_DICT)[:40] + sorted(NEGATE)[:30] +
          [w for k in SPECIAL_CASES for w in k.split()] +
          ["good", "bad", "GOOD", "BAD", "Great", "terrible", "love", "hate", "no", "not", "never",
           "so", "this", "without", "doubt", "least", "at", "very", "kind", "of", "but", "BUT",
           "or", "nor", "the", "a", "was", "happy", "sad", "death", "die", "killed", ":)", ":(",
           "!", "?", "...", "good!", "(bad)", "'great'", "isn't", "n't", "😀", "💔", "\u00e9t\u00e9",
           "KILLED", "war", "peace", "hope", "fear", "x", "OK"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), max_size=40),
       st.sampled_from(["", ".", "!", "!!", "?", "??", "????"]))
def test_same_scores_on_generated_sentences(analyzers, words, end):
    vader, fast = analyzers
    s = " ".join(words) + end
    assert not _differs(vader, fast, s)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["\U0001F600", "\U0001F494", "\u2764", "\u2764\ufe0f", "good",
                                 "BAD", "not", " ", "  ", "\t", "\n", "!", "x", ":)"]),
                max_size=30))
def test_same_scores_with_emojis_anywhere(analyzers, bits):
    # emojis next to words, tabs or other emojis: rewritten as VADER does, then scored
    vader, fast = analyzers
    s = "".join(bits)
    assert not _differs(vader, fast, s)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_same_scores_on_arbitrary_text(analyzers, s):
    vader, fast = analyzers
    assert not _differs(vader, fast, s)
