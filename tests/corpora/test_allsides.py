"""AllSides roundups reader and importer (complete events, provenance, determinism)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from framing.corpora.allsides import (
    ALLSIDES_ROUNDUPS_FILE,
    OUTPUT_NAME,
    import_allsides_roundups,
    read_allsides_roundups,
)

pytestmark = pytest.mark.shared_data

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def src(shared_data):
    return shared_data / "allsides-roundups-neus" / ALLSIDES_ROUNDUPS_FILE


def test_reader_counts_and_missing_sides(src):
    missing: list[tuple[str, str]] = []
    articles = read_allsides_roundups(src, missing=missing)
    assert len(articles) == 1479
    assert len(missing) == 39
    assert len(articles) + len(missing) == 3 * 506
    sides = Counter(a.event for a in articles)
    assert len(sides) == 505  # one event has no side at all
    complete = [e for e, n in sides.items() if n == 3]
    assert len(complete) >= 469
    assert len({a.id for a in articles}) == len(articles)
    for article in articles:
        assert article.id == f"allsides-{article.event}-{article.leaning}"
        assert article.leaning in {"left", "center", "right"}
        assert len(article.date) == 10 and article.date[4] == "-" and article.date[7] == "-"
        assert article.outlet and article.title and article.url
        assert article.title not in article.text.split("\n\n")[:1] or not article.text
        assert {"issue", "topic", "roundup"} <= article.meta.keys()
        assert "\n\n\n" not in article.text and article.text == article.text.strip()


def test_reader_order_is_deterministic(src):
    articles = read_allsides_roundups(src)
    keys = [(int(a.event), ["left", "center", "right"].index(a.leaning)) for a in articles]
    assert keys == sorted(keys)


def test_import_twice_is_byte_identical(src, tmp_path):
    info1 = import_allsides_roundups(src, tmp_path / "a")
    info2 = import_allsides_roundups(src.parent, tmp_path / "b")
    for name in (OUTPUT_NAME, "SOURCE.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert info1 == info2
    data = (tmp_path / "a" / OUTPUT_NAME).read_bytes()
    assert info1["output_sha256"] == hashlib.sha256(data).hexdigest()
    assert info1["source_sha256"] == hashlib.sha256(src.read_bytes()).hexdigest()
    assert info1["source_file"] == ALLSIDES_ROUNDUPS_FILE
    counts = info1["counts"]
    assert counts["events_in_source"] == 506
    assert counts["events_kept"] >= 469
    assert counts["articles"] == 3 * counts["events_kept"]
    assert counts["events_dropped"] == len(info1["dropped_events"]) == 506 - counts["events_kept"]
    assert all(d["reason"].startswith("missing side") for d in info1["dropped_events"])
    assert json.loads((tmp_path / "a" / "SOURCE.json").read_text(encoding="utf-8")) == info1
    rows = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert len(rows) == counts["articles"]
    by_event = Counter(r["event"] for r in rows)
    assert set(by_event.values()) == {3}
    assert all({r["leaning"] for r in rows if r["event"] == e} == {"left", "center", "right"}
               for e in list(by_event)[:50])


def test_committed_corpus_matches_importer(src, tmp_path):
    committed = REPO / "corpora" / "allsides-roundups"
    assert (committed / OUTPUT_NAME).exists(), "run the importer into corpora/allsides-roundups"
    import_allsides_roundups(src, tmp_path)
    for name in (OUTPUT_NAME, "SOURCE.json"):
        assert (committed / name).read_bytes() == (tmp_path / name).read_bytes()


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="AllSides"):
        read_allsides_roundups(tmp_path / "none.jsonl")
