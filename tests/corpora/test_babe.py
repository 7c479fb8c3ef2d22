"""BABE / MBIC reader: sentence counts and biased-word spans."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from framing.corpora.babe import match_biased_words, read_babe

pytestmark = pytest.mark.shared_data

_QUOTES = str.maketrans({c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb"}
                        | {c: "'" for c in "\u2018\u2019\u201a\u201b`"})


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.translate(_QUOTES)).lower()


@pytest.fixture(scope="module")
def sg2(shared_data):
    return read_babe(shared_data / "babe-mbic" / "data", "SG2")


def test_sg2_counts(sg2):
    assert len(sg2) == 3674
    assert Counter(a.meta["label_bias"] for a in sg2) == {
        "Non-biased": 1863, "Biased": 1810, "No agreement": 1}
    assert len({a.outlet for a in sg2}) == 11
    assert Counter(a.leaning for a in sg2) == {"right": 993, "left": 989, "center": 692,
                                               None: 1000}
    assert all(a.text and a.text == a.text.strip() for a in sg2)


def test_sg2_biased_word_spans(sg2):
    n_words = n_spans = n_covered = n_unmatched = 0
    for article in sg2:
        words = article.meta["biased_words"]
        spans = article.annotations
        n_words += len(words)
        n_spans += len(spans)
        n_covered += len(article.meta["covered_biased_words"])
        n_unmatched += len(article.meta["unmatched_biased_words"])
        assert len(spans) + len(article.meta["covered_biased_words"]) + len(
            article.meta["unmatched_biased_words"]) == len(words)
        for span in spans:
            assert span.label == "biased_word"
            assert 0 <= span.start < span.end <= len(article.text)
            got, word = _norm(article.text[span.start:span.end]), _norm(span.attrs["word"].strip())
            if span.attrs["match"] == "exact":
                assert got == word
            else:
                assert got == word.strip("\"' ")
            before = article.text[span.start - 1] if span.start else " "
            after = article.text[span.end] if span.end < len(article.text) else " "
            assert not (before.isalnum() or before == "_")
            assert not (after.isalnum() or after == "_")
        ordered = sorted((s.start, s.end) for s in spans)
        assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:], strict=False))
        for c in article.meta["covered_biased_words"]:
            assert _norm(article.text[c["start"]:c["end"]]) == _norm(c["word"].strip()).strip(
                "\"' ") or _norm(article.text[c["start"]:c["end"]]) == _norm(c["word"].strip())
    assert (n_words, n_spans, n_covered, n_unmatched) == (3902, 3864, 7, 31)


def test_sg1_and_mbic(shared_data):
    sg1 = read_babe(shared_data / "babe-mbic", "SG1")
    mbic = read_babe(shared_data / "babe-mbic" / "data" / "final_labels_MBIC.csv", "MBIC")
    assert len(sg1) == len(mbic) == 1700
    assert sum(len(a.annotations) for a in sg1) == 1524
    assert sum(len(a.annotations) for a in mbic) == 3282
    assert all("group_id" in a.meta for a in mbic)


def test_match_rule():
    spans, covered, unmatched = match_biased_words(
        "The “experts” said a bizarre, bizarre thing; the bizarreness.",
        ['"experts"', "bizarre", "Bizarre", "BIZARRE", "weird"])
    assert [(s.start, s.end, s.attrs["match"]) for s in spans] == [
        (4, 13, "exact"), (21, 28, "exact"), (30, 37, "exact")]
    assert covered == [{"word": "BIZARRE", "start": 21, "end": 28}]
    assert unmatched == ["weird"]


def test_errors(shared_data, tmp_path):
    with pytest.raises(ValueError, match="SG2"):
        read_babe(shared_data / "babe-mbic" / "data", "SG3")
    with pytest.raises(FileNotFoundError, match="final_labels_SG2.csv"):
        read_babe(tmp_path)
