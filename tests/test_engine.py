"""The streaming engine: same bytes whatever the engine, workers and chunk size; lazy input."""

from __future__ import annotations

import hashlib
import importlib.util
import itertools
from pathlib import Path

import pandas as pd
import pytest

from framing.corpora import iter_articles
from framing.engine import (
    META_COLUMNS,
    corpus_speaker_types,
    engine_info,
    extract_stream,
    iter_corpus,
    write_stream,
)

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "allsides-roundups" / \
    "allsides-roundups.jsonl"
SETS = ["attribution", "sentiment"]
N = 60


def _articles(n: int = N):
    return itertools.islice(iter_articles(CORPUS), n)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_both(frames, folder: Path, name: str) -> tuple[str, str]:
    """Write the same tables as Parquet (small row groups) and CSV; their SHA-256."""
    frames = list(frames)
    pq_path, csv_path = folder / f"{name}.parquet", folder / f"{name}.csv"
    assert write_stream(iter(frames), pq_path, row_group_size=25) == N
    assert write_stream(iter(frames), csv_path) == N
    return _digest(pq_path), _digest(csv_path)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[str, str]:
    """Digests of the local engine's output with chunk_size 16."""
    folder = tmp_path_factory.mktemp("ref")
    return _write_both(extract_stream(_articles(), SETS, chunk_size=16), folder, "local")


def test_local_matches_whole_corpus_extraction(tmp_path):
    from framing.features import make

    frames = list(extract_stream(_articles(), SETS, chunk_size=16))
    assert [len(f) for f in frames] == [16, 16, 16, 12]
    table = pd.concat(frames, ignore_index=True)
    articles = list(_articles())
    assert list(table["doc_id"]) == [a.id for a in articles]  # input order
    assert list(table.columns[:5]) == list(META_COLUMNS)
    texts = [a.text for a in articles]
    for name in SETS:
        t = make(name)
        cols = [f"{name}__{c}" for c in t.get_feature_names_out()]
        pd.testing.assert_frame_equal(table[cols].reset_index(drop=True),
                                      pd.DataFrame(t.fit_transform(texts), columns=cols))
    path = tmp_path / "f.parquet"
    write_stream(iter(frames), path)
    pd.testing.assert_frame_equal(pd.read_parquet(path), table, check_dtype=False)


def test_chunk_size_does_not_change_bytes(tmp_path, reference):
    for size in (7, 60):
        got = _write_both(extract_stream(_articles(), SETS, chunk_size=size), tmp_path, str(size))
        assert got == reference, f"chunk_size={size}"


def test_processes_engine_same_bytes(tmp_path, reference):
    frames = extract_stream(_articles(), SETS, engine="processes", workers=2, chunk_size=16)
    assert _write_both(frames, tmp_path, "processes") == reference


def test_dask_engine_same_bytes(tmp_path, reference):
    if importlib.util.find_spec("distributed") is None:
        pytest.skip('dask not installed: pip install "dask[distributed]"')
    frames = extract_stream(_articles(), SETS, engine="dask", workers=2, chunk_size=16)
    assert _write_both(frames, tmp_path, "dask") == reference


@pytest.fixture(scope="module")
def corpus_types():
    """The speaker types of the whole shipped corpus (1,407 leads), local engine."""
    return corpus_speaker_types(iter_articles(CORPUS))


def test_corpus_speaker_types_equal_one_pass_on_any_engine(corpus_types):
    from framing.attribution import SpeakerTypes, extract_attributions

    assert (len(corpus_types), len(corpus_types.votes)) == (167, 474)
    head = SpeakerTypes().update(a for art in _articles(300) for a in extract_attributions(art.text))
    assert corpus_speaker_types(_articles(300), chunk_size=64).votes == head.votes
    assert len(head) == 50
    got = corpus_speaker_types(_articles(300), engine="processes", workers=2, chunk_size=50)
    assert got.digest() == head.digest()
    if importlib.util.find_spec("distributed") is not None:
        got = corpus_speaker_types(_articles(300), engine="dask", workers=2, chunk_size=50)
        assert got.digest() == head.digest()
    assert corpus_speaker_types([]).votes == {}
    with pytest.raises(ValueError, match="from an attribution set, not 'sentiment'"):
        corpus_speaker_types(_articles(), "sentiment")


def test_extract_stream_applies_speaker_types_on_any_engine(tmp_path, corpus_types):
    """AttributionFeatures(speaker_types=...) per chunk, whatever the engine: 9 of the
    first 300 leads change source shares ("Boris Johnson has spoken", typed official
    by the other leads), the other sets are untouched."""
    from framing.features import AttributionFeatures

    arts = list(_articles(300))
    sets = ["attribution", "sentiment"]
    table = pd.concat(extract_stream(arts, sets, speaker_types=corpus_types, chunk_size=64),
                      ignore_index=True)
    plain = pd.concat(extract_stream(arts, sets, chunk_size=64), ignore_index=True)
    t = AttributionFeatures(speaker_types=corpus_types)
    cols = [f"attribution__{c}" for c in t.get_feature_names_out()]
    pd.testing.assert_frame_equal(table[cols], pd.DataFrame(
        t.fit_transform([a.text for a in arts]), columns=cols))
    source = [c for c in cols if c.startswith("attribution__source_")]
    changed = (table[source] != plain[source]).any(axis=1)
    assert int(changed.sum()) == 10
    row = [a.id for a in arts].index("allsides-5613-center")
    assert (plain.loc[row, "attribution__source_unknown"],
            table.loc[row, "attribution__source_unknown"]) == (0.5, 0.0)
    rest = [c for c in table.columns if c not in source]
    pd.testing.assert_frame_equal(table[rest], plain[rest])
    want = tmp_path / "local.parquet"
    write_stream(iter([table]), want)
    got = tmp_path / "processes.parquet"
    write_stream(extract_stream(arts, sets, engine="processes", workers=2, chunk_size=40,
                                speaker_types=corpus_types), got)
    assert _digest(got) == _digest(want)
    if importlib.util.find_spec("distributed") is not None:
        got = tmp_path / "dask.parquet"
        write_stream(extract_stream(arts, sets, engine="dask", workers=2, chunk_size=40,
                                    speaker_types=corpus_types), got)
        assert _digest(got) == _digest(want)


class _Counting:
    """The corpus's articles, counting how many have been pulled."""

    def __init__(self) -> None:
        self.pulled = 0
        self._it = iter_articles(CORPUS)

    def __iter__(self):
        return self

    def __next__(self):
        article = next(self._it)
        self.pulled += 1
        return article


def test_input_is_read_lazily():
    source = _Counting()
    stream = extract_stream(source, ["sentiment"], chunk_size=16)
    assert source.pulled == 0  # nothing is read before the first table is asked for
    first = next(stream)
    assert len(first) == 16 and source.pulled == 16
    next(stream)
    assert source.pulled == 32
    stream.close()


def test_processes_bound_chunks_in_flight():
    source = _Counting()
    stream = extract_stream(source, ["sentiment"], engine="processes", workers=1,
                            chunk_size=8)
    next(stream)
    assert source.pulled <= 2 * 1 * 8  # 2 x workers chunks in flight, never the whole corpus
    stream.close()


def test_empty_input_writes_header_only(tmp_path):
    frames = list(extract_stream(iter([]), ["sentiment"]))
    assert len(frames) == 1 and len(frames[0]) == 0
    assert list(frames[0].columns[:5]) == list(META_COLUMNS)
    assert write_stream(iter(frames), tmp_path / "e.csv") == 0
    assert (tmp_path / "e.csv").read_text().startswith("doc_id,outlet,event,date,leaning,")
    assert write_stream(iter(frames), tmp_path / "e.parquet") == 0
    assert list(pd.read_parquet(tmp_path / "e.parquet").columns) == list(frames[0].columns)


def test_bad_arguments_fail_at_the_call(tmp_path):
    with pytest.raises(ValueError, match="unknown engine"):
        extract_stream([], SETS, engine="spark")
    with pytest.raises(ValueError, match="workers"):
        extract_stream([], SETS, engine="processes", workers=0)
    with pytest.raises(ValueError, match="chunk_size"):
        extract_stream([], SETS, chunk_size=0)
    with pytest.raises(ValueError, match="needs engine 'dask'"):
        extract_stream([], SETS, scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(KeyError, match="unknown feature set"):
        extract_stream([], ["nope"])
    with pytest.raises(ValueError, match=r"\.parquet or \.csv"):
        write_stream(iter([]), tmp_path / "x.json")


def test_failed_write_leaves_no_file(tmp_path):
    def broken():
        yield from extract_stream(_articles(20), ["sentiment"], chunk_size=8)
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_stream(broken(), tmp_path / "out.parquet")
    assert list(tmp_path.iterdir()) == []


def test_parquet_corpus_input(tmp_path):
    articles = list(_articles(20))
    rows = [{"id": a.id, "text": a.text, "outlet": a.outlet, "event": a.event, "date": a.date,
             "leaning": a.leaning} for a in articles]
    path = tmp_path / "corpus.parquet"
    pd.DataFrame(rows).to_parquet(path, index=False)
    got = list(iter_corpus(path))
    assert [(a.id, a.text, a.outlet, a.leaning) for a in got] == \
        [(a.id, a.text, a.outlet, a.leaning) for a in articles]
    pd.DataFrame([*rows, rows[0]]).to_parquet(path, index=False)
    from framing.corpora import CorpusError

    with pytest.raises(CorpusError, match="duplicate id"):
        list(iter_corpus(path))
    assert len(list(iter_corpus(path, skip_invalid=True))) == 20
    assert (tmp_path / "corpus.parquet.rejects.jsonl").exists()


def test_engine_info():
    assert engine_info("local") == {"engine": "local", "workers": 1, "scheduler": None}
    info = engine_info("processes", 3, chunk_size=50)
    assert info == {"engine": "processes", "workers": 3, "scheduler": None, "chunk_size": 50}
    dask = engine_info("dask", 2, "tcp://10.0.0.1:8786")
    assert dask["scheduler"] == "tcp://10.0.0.1:8786" and "dask_version" in dask


def test_local_engine_freezes_long_lived_objects_only_while_it_runs():
    import gc

    assert gc.get_freeze_count() == 0
    stream = extract_stream(_articles(3), ("sentiment",), chunk_size=1)
    next(stream)
    assert gc.get_freeze_count() > 0  # libraries and lexicons out of the collector's way
    rest = list(stream)
    assert len(rest) == 2 and gc.get_freeze_count() == 0  # and back afterwards
    gc.freeze()  # a caller's own freeze is left alone
    try:
        list(extract_stream(_articles(2), ("sentiment",)))
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
