"""BASIL v2 reader: counts, outlets, leanings and span offsets."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from framing.corpora.basil import BASIL_OUTLETS, normalise_stance, read_basil

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def basil(shared_data):
    return read_basil(shared_data / "basil")


def test_counts(basil):
    assert len(basil) == 300
    assert len({a.id for a in basil}) == 300
    events = Counter(a.event for a in basil)
    assert len(events) == 100
    assert set(events.values()) == {3}
    assert {a.outlet for a in basil} == set(BASIL_OUTLETS)
    for event in events:
        assert sorted(a.outlet for a in basil if a.event == event) == ["fox", "hpo", "nyt"]
    assert {a.leaning for a in basil} <= {"left", "center", "right"}
    assert Counter(a.leaning for a in basil) == {"center": 144, "left": 81, "right": 75}
    assert all(a.meta["main_event"] and a.date for a in basil)
    assert sum(a.meta.get("main_event_from_sibling", False) for a in basil) == 4
    assert sum(a.title is None for a in basil) == 1
    assert sum(len(a.meta["sentences"]) for a in basil) == 7984


def test_spans_exact_count_and_text(basil):
    spans = [(a, s) for a in basil for s in a.annotations]
    assert len(spans) == 1723
    assert Counter(s.label for _, s in spans) == {"informational": 1245, "lexical": 478}
    for article, span in spans:
        assert article.text[span.start:span.end] == span.attrs["txt"], (article.id, span.id)
        assert span.text_in(article.text) == span.attrs["txt"]
        assert {"polarity", "aim", "target", "quote", "speaker"} <= span.attrs.keys()
    unaligned = [u for a in basil for u in a.meta["unaligned_annotations"]]
    assert len(unaligned) == 3
    assert all(u["id"] == "title" and "title" in u["reason"] for u in unaligned)
    # 1,723 aligned + 3 in titles = all 1,726 v2 spans (1,246 informational + 480 lexical)
    assert len(spans) + len(unaligned) == 1726


def test_unaligned_title_spans_are_valid_in_title(basil):
    for article in basil:
        for u in article.meta["unaligned_annotations"]:
            assert article.title[u["start"]:u["end"]] == u["txt"]


def test_sentence_table_matches_text(basil):
    for article in basil:
        for start, end, _ in article.meta["sentences"]:
            assert 0 <= start <= end <= len(article.text)
        for span in article.annotations:
            s_start, s_end, p_index = article.meta["sentences"][span.attrs["sentence_index"]]
            assert s_start <= span.start <= span.end <= s_end
            assert span.attrs["paragraph_index"] == p_index


def test_alignment_agrees_with_derived_file(basil, shared_data):
    by_key = {(a.meta["uuid"], s.attrs["id"], s.attrs["sentence_start"], s.attrs["sentence_end"]):
              s.attrs["sentence_index"] for a in basil for s in a.annotations}
    path = shared_data / "basil" / "derived-basil-v2-spans-sentence-aligned.jsonl"
    checked = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            key = (row["article_uuid"], row["span_id"], row["start"], row["end"])
            if row["sentence_index"] is not None:
                assert by_key[key] == row["sentence_index"]
                checked += 1
            elif row["sentence_index_candidates"]:
                assert by_key[key] in row["sentence_index_candidates"]
    assert checked == 1722


def test_normalise_stance():
    assert normalise_stance("Liberal") == "left"
    assert normalise_stance("conservative") == "right"
    assert normalise_stance("center") == "center"
    assert normalise_stance("") is None
    with pytest.raises(ValueError):
        normalise_stance("far-out")


def test_missing_root(tmp_path):
    with pytest.raises(FileNotFoundError, match="BASIL"):
        read_basil(tmp_path / "nope")
