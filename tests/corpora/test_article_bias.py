"""Article-Bias-Prediction (Baly et al. 2020) full-text reader and official splits."""

from __future__ import annotations

from collections import Counter

import pytest

from framing.corpora.article_bias import (
    ARTICLE_BIAS_SPLITS,
    read_article_bias,
    read_article_bias_splits,
)

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def root(shared_data):
    return shared_data / "article-bias-prediction-allsides"


@pytest.fixture(scope="module")
def everything(root):
    return list(read_article_bias(root))


def test_all_fulltext_articles(everything):
    assert len(everything) == 3656
    assert len({a.id for a in everything}) == 3656
    assert Counter(a.leaning for a in everything) == {"left": 2042, "center": 917, "right": 697}
    assert all(a.text.strip() and a.outlet for a in everything)
    assert all(a.date is None or (len(a.date) == 10 and a.date[4] == "-") for a in everything)
    assert sum("date_raw" in a.meta for a in everything) == 4
    assert all(a.meta["splits"] for a in everything)


@pytest.mark.parametrize("split", ARTICLE_BIAS_SPLITS)
def test_split_counts_match_split_files(root, everything, split):
    split_ids = read_article_bias_splits(root)[split]
    with_text = {a.id for a in everything}
    missing: list[str] = []
    articles = list(read_article_bias(root, split, missing=missing))
    assert len(articles) == len(set(split_ids) & with_text)
    assert len(articles) + len(missing) == len(split_ids)
    assert all(split in a.meta["splits"] for a in articles)


def test_known_split_sizes(root):
    sizes = {s: sum(1 for _ in read_article_bias(root, s)) for s in ARTICLE_BIAS_SPLITS}
    assert sizes == {"media/train": 0, "media/valid": 2356, "media/test": 1300,
                     "random/train": 1892, "random/valid": 464, "random/test": 1300}
    split_files = read_article_bias_splits(root)
    assert sizes["media/valid"] == len(split_files["media/valid"])
    assert sizes["media/test"] == len(split_files["media/test"]) == len(split_files["random/test"])


def test_bad_split_and_missing_file(root, tmp_path):
    with pytest.raises(ValueError, match="media/test"):
        read_article_bias(root, "media/everything")
    assert sum(1 for _ in read_article_bias(root, "media/dev")) == 2356
    with pytest.raises(FileNotFoundError, match="Article-Bias"):
        read_article_bias(tmp_path)
