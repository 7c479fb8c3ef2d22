"""PolNeAR reader: split handling, brat parsing and offsets (test split: counts/offsets only)."""

from __future__ import annotations

import pytest

from framing.corpora.polnear import parse_brat, polnear_attributions, read_polnear

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def polnear_train(shared_data):
    return read_polnear(shared_data / "polnear", "train")

ANN = (
    "T1\tSource 0 2\tHe\n"
    "T2\tCue 3 7\tsaid\n"
    "T3\tContent 8 14;16 22\tline 1 line 2\n"
    "T4\tAttribution 3 7\tsaid\n"
    "T5\tContent 24 30\tab\n\ncd\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "E2\tAttribution-no-source:T4 Content:T5 Cue:T2\n"
    "#1\tAnnotatorNotes T5\ta note\n"
)


def _check_fragments(article, brat_spans=None):
    for ann in article.annotations:
        assert ann.start == min(s for s, _ in ann.fragments)
        assert ann.end == max(e for _, e in ann.fragments)
        for s, e in ann.fragments:
            assert 0 <= s < e <= len(article.text), (article.id, ann.id)
        if brat_spans is not None:
            assert ann.text_in(article.text) == brat_spans[ann.id]["text"]


def test_parse_brat_multiline_and_relations():
    brat = parse_brat(ANN)
    assert brat["spans"]["T3"]["fragments"] == ((8, 14), (16, 22))
    assert brat["spans"]["T5"]["text"] == "ab\n\ncd"
    assert [e["id"] for e in brat["events"]] == ["E1", "E2"]
    assert brat["events"][1]["args"] == [("Content", "T5"), ("Cue", "T2")]
    assert brat["notes"] == {"T5": ["a note"]}


def test_unknown_split(shared_data):
    with pytest.raises(ValueError, match="train, dev, test"):
        read_polnear(shared_data / "polnear", "validation")


def test_missing_root(tmp_path):
    with pytest.raises(FileNotFoundError, match="PolNeAR"):
        read_polnear(tmp_path / "nope", "train")


def test_test_split_counts_and_offsets(shared_data):
    # Counts and offset validity only: the test split is not analysed.
    articles = read_polnear(shared_data / "polnear", "test")
    assert len(articles) == 84
    n_rel = 0
    for article in articles:
        _check_fragments(article)
        ids = {a.id for a in article.annotations}
        for rel in polnear_attributions(article):
            n_rel += 1
            assert rel["cue"] is not None or rel["content"] is not None
            for role in ("source", "cue", "content", "content2"):
                if rel[role] is not None:
                    assert rel[role].id in ids
                    assert rel["id"] in rel[role].attrs["attributions"]
    assert n_rel > 0


def test_train_fragments_equal_brat_text(polnear_train, shared_data):
    root = shared_data / "polnear"
    articles = polnear_train
    assert len(articles) == 840
    assert sum(len(a.meta["available_annotators"]) > 1 for a in articles) == 16
    for article in articles:
        ann = root / "data" / "train" / "attributions" / (
            f"{article.meta['filename']}_{article.meta['annotator']}.ann")
        assert article.meta["annotator"] == min(article.meta["available_annotators"])
        with open(ann, encoding="utf-8", newline="") as fh:
            spans = parse_brat(fh.read(), str(ann))["spans"]
        _check_fragments(article, spans)
        assert {a.label for a in article.annotations} <= {"Source", "Cue", "Content", "Discuss"}
        assert article.outlet and article.date and article.title
        for rel in polnear_attributions(article):
            for role in ("source", "cue", "content", "content2"):
                if rel[role] is not None:
                    assert rel["id"] in rel[role].attrs["attributions"]


def test_attributions_is_always_a_list(polnear_train):
    articles = polnear_train
    spans = [a for art in articles for a in art.annotations]
    assert all(isinstance(a.attrs["attributions"], list) for a in spans)
    # a source shared by several relations is common in PolNeAR
    assert sum(len(a.attrs["attributions"]) > 1 for a in spans) > 1000
