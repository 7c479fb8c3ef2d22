"""Propaganda Techniques Corpus reader: counts and offsets."""

from __future__ import annotations

from collections import Counter

import pytest

from framing.corpora.ptc import read_ptc

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def train(shared_data):
    return read_ptc(shared_data / "ptc-semeval2020-task11" / "datasets")


def test_train_counts(train):
    assert len(train) == 371
    assert sum(1 for a in train if a.annotations) == 357
    labels = Counter(s.label for a in train for s in a.annotations)
    assert sum(labels.values()) == 6129
    assert labels["Loaded_Language"] == 2123
    assert labels["Name_Calling,Labeling"] == 1058
    assert len(labels) == 14


def test_offsets_valid_and_plausible(train):
    n_boundary = n_total = 0
    for article in train:
        for span in article.annotations:
            piece = article.text[span.start:span.end]
            assert 0 <= span.start < span.end <= len(article.text)
            assert piece.strip() == piece and piece
            n_total += 1
            before = article.text[span.start - 1] if span.start else " "
            after = article.text[span.end] if span.end < len(article.text) else " "
            n_boundary += not (before.isalnum() or after.isalnum())
            if span.label == "Loaded_Language":
                assert any(ch.isalpha() for ch in piece)
    assert n_boundary / n_total > 0.99  # 17 of 6,129 cut a word (as in the original data)


def test_known_spans(train):
    by_id = {a.id: a for a in train}
    first = by_id["ptc-111111111"]
    spans = {(s.label, first.text[s.start:s.end]) for s in first.annotations}
    assert ("Doubt", first.text[149:157]) in spans
    # A byte-order-mark article: offsets count the BOM, so this span starts on "a".
    bom = by_id["ptc-705409419"]
    assert bom.text.startswith("\ufeff") and not bom.title.startswith("\ufeff")
    assert ("Loaded_Language", "a devastating letter") in {
        (s.label, bom.text[s.start:s.end]) for s in bom.annotations}


def test_dev_and_errors(shared_data, tmp_path):
    dev = read_ptc(shared_data / "ptc-semeval2020-task11", split="dev")
    assert len(dev) == 75
    assert all(not a.annotations and a.title for a in dev)
    with pytest.raises(ValueError, match="train, dev"):
        read_ptc(shared_data / "ptc-semeval2020-task11", split="test")
    with pytest.raises(FileNotFoundError, match="PTC"):
        read_ptc(tmp_path / "nope")
