"""Streaming feature extraction on one core, on a process pool, or on a Dask cluster.

:func:`extract_stream` reads articles lazily in chunks, computes the feature
sets of each chunk and yields one table per chunk, in input order, whatever
the engine; :func:`write_stream` writes those tables to Parquet or CSV as
they arrive. Memory stays flat: at most a few chunks are held at once (the
one being written and, on a pool or cluster, ``2 x workers`` in flight).

Engines
-------
``local``
    In this process.
``processes``
    A :class:`concurrent.futures.ProcessPoolExecutor` (spawned workers, each
    builds its transformers once).
``dask``
    A ``dask.distributed`` cluster: ``scheduler="tcp://host:8786"`` for an
    existing one, else a ``LocalCluster`` of ``workers`` single-threaded
    processes. Needs ``dask[distributed]``: ``pip install "dask[distributed]"`` (the ``dask`` extra).

The output does not depend on the engine, the number of workers or the chunk
size: every feature is computed per article, and :func:`write_stream` cuts
row groups by row count, not by chunk, so the bytes are identical.

Examples
--------
>>> from framing.corpora import iter_articles
>>> from framing.engine import extract_stream, write_stream
>>> frames = extract_stream(iter_articles("corpora/seed/seed.jsonl"),
...                         ["attribution", "sentiment"])  # doctest: +SKIP
>>> write_stream(frames, "features.parquet")  # doctest: +SKIP
1
"""

from __future__ import annotations

import gc
import importlib.metadata
import itertools
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ._atomic import atomic_write

#: Engine names accepted by :func:`extract_stream`.
ENGINES = ("local", "processes", "dask")
#: The leading columns of every feature table.
META_COLUMNS = ("doc_id", "outlet", "event", "date", "leaning")
#: Rows per Parquet row group written by :func:`write_stream`.
ROW_GROUP_SIZE = 10_000
DASK_EXTRA = ('pip install "dask[distributed]" (or, from a clone of framing, '
              'pip install ".[dask]")')

# one row sent to a worker: doc_id, outlet, event, date, leaning, text
_Row = tuple[str, str | None, str | None, str | None, str | None, str]
_WARM_UP = '"We are waiting to die," she said. Officials denied the report.'
_TRANSFORMERS: dict[tuple[tuple[str, ...], str | None], list[tuple[str, Any]]] = {}
# speaker types a worker was given, by digest (SpeakerTypes.digest)
_SPEAKER_TYPES: dict[str, Any] = {}
# what a worker does with a chunk: ("features" or "votes", feature sets, speaker types digest)
_Job = tuple[str, tuple[str, ...], str | None]


# ------------------------------------------------------------------------------ worker side

def _transformers(feature_sets: tuple[str, ...], types: str | None = None
                  ) -> list[tuple[str, Any]]:
    """``(short name, transformer)`` per feature set, built once per process; ``types``: the
    digest of the speaker types (registered in this process) that attribution sets apply."""
    built = _TRANSFORMERS.get((feature_sets, types))
    if built is None:
        from .features import make, resolve_name

        built = []
        for name in feature_sets:
            transformer = make(name)
            short = resolve_name(name).split(".v")[0]
            if types is not None and short == "attribution":
                transformer.set_params(speaker_types=_SPEAKER_TYPES[types])
            # validates the parameters and loads lexicons, VADER, the CMU dictionary once,
            # so that a worker is warm before its first chunk
            transformer.fit_transform([_WARM_UP])
            built.append((short, transformer))
        _TRANSFORMERS[(feature_sets, types)] = built
    return built


def _str_dtype() -> Any:
    import pandas as pd

    # pandas 3 infers its "str" dtype for text; pandas 2 keeps Python objects
    return "str" if int(pd.__version__.split(".")[0]) >= 3 else object


def _extract_chunk(feature_sets: tuple[str, ...], rows: Sequence[_Row],
                   types: str | None = None) -> Any:
    """The feature table of one chunk (a top-level function, so spawned workers can run it)."""
    import numpy as np
    import pandas as pd

    texts = [r[5] for r in rows]
    dtype = _str_dtype()
    columns: dict[str, Any] = {
        col: pd.Series([r[i] for r in rows], dtype=dtype) for i, col in enumerate(META_COLUMNS)}
    for short, transformer in _transformers(feature_sets, types):
        values = np.asarray(transformer.transform(texts))
        for j, col in enumerate(transformer.get_feature_names_out()):
            columns[f"{short}__{col}"] = values[:, j]
    return pd.DataFrame(columns)


def _votes_chunk(feature_set: str, rows: Sequence[_Row]) -> dict[str, dict[str, int]]:
    """The speaker-type votes (:class:`~framing.attribution.SpeakerTypes`) of one chunk's
    attributions, as the attribution set ``feature_set`` finds them."""
    from .attribution import SpeakerTypes

    ((_, transformer),) = _transformers((feature_set,))
    types = SpeakerTypes().update(a for r in rows for a in transformer.attributions(r[5]))
    return {k: dict(v) for k, v in types.votes.items()}


def _register(types: tuple[str, Any] | None) -> None:
    """Make ``(digest, SpeakerTypes)`` known to this process's transformers by its digest."""
    if types is not None:
        _SPEAKER_TYPES.setdefault(*types)


def _work(job: _Job, rows: Sequence[_Row], types: tuple[str, Any] | None = None) -> Any:
    """Run ``job`` on one chunk; ``types``: ``(digest, SpeakerTypes)`` to register first
    (a Dask task brings them along; a pool worker got them at start)."""
    _register(types)
    kind, feature_sets, digest = job
    if kind == "votes":
        return _votes_chunk(feature_sets[0], rows), len(rows)
    return _extract_chunk(feature_sets, rows, digest)


def _init_worker(job: _Job, types: tuple[str, Any] | None = None) -> None:
    _register(types)
    _transformers(job[1], job[2])
    # the worker's libraries, lexicons and models are built now and live as long as it does:
    # the garbage collector need not scan them again at every full collection
    gc.freeze()


# ------------------------------------------------------------------------------ driver side

def _row(article: Any) -> _Row:
    return (str(article.id), article.outlet, article.event, article.date, article.leaning,
            article.text)


def _chunks(articles: Iterable[Any], size: int) -> Iterator[list[_Row]]:
    it = iter(articles)
    while True:
        chunk = [_row(a) for a in itertools.islice(it, size)]
        if not chunk:
            return
        yield chunk


def _default_workers() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1


def _import_dask() -> tuple[Any, Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ImportError(f'engine "dask" needs dask and distributed: {DASK_EXTRA}') from exc
    return Client, LocalCluster


def _check(engine: str, workers: int | None, chunk_size: int, scheduler: str | None) -> int:
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; valid: {', '.join(ENGINES)}")
    if scheduler is not None and engine != "dask":
        raise ValueError(f"a scheduler address needs engine 'dask', not {engine!r}")
    if workers is not None and (isinstance(workers, bool) or int(workers) != workers
                                or workers < 1):
        raise ValueError(f"workers must be a positive integer, got {workers!r}")
    if isinstance(chunk_size, bool) or int(chunk_size) != chunk_size or chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    if engine == "local":
        return 1
    return int(workers) if workers is not None else _default_workers()


def _run_local(job: _Job, chunks: Iterator[list[_Row]],
               types: tuple[str, Any] | None) -> Iterator[Any]:
    _register(types)
    _transformers(job[1], job[2])
    # Everything built so far (libraries, lexicons, models) outlives the run, and a full
    # garbage collection scanned all of it (about 90 ms each, several per thousand articles):
    # moved out of the collector's way for the run, and back afterwards.
    froze = gc.get_freeze_count() == 0
    if froze:
        gc.freeze()
    try:
        for chunk in chunks:
            yield _work(job, chunk)
    finally:
        if froze:
            gc.unfreeze()


def _ordered(submit: Any, chunks: Iterator[list[_Row]], in_flight: int) -> Iterator[Any]:
    """Submit chunks, keep at most ``in_flight`` pending, yield results in input order."""
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _run_processes(job: _Job, chunks: Iterator[list[_Row]], workers: int,
                   types: tuple[str, Any] | None) -> Iterator[Any]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # each worker gets the speaker types once, at start
    pool = ProcessPoolExecutor(max_workers=workers,
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(job, types))
    try:
        yield from _ordered(lambda c: pool.submit(_work, job, c), chunks, 2 * workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(job: _Job, chunks: Iterator[list[_Row]], workers: int, scheduler: str | None,
              types: tuple[str, Any] | None) -> Iterator[Any]:
    import logging

    client_cls, cluster_cls = _import_dask()
    cluster = None
    if scheduler is not None:
        client = client_cls(scheduler)
        n = len(client.scheduler_info().get("workers", {})) or workers
    else:
        cluster = cluster_cls(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None, silence_logs=logging.ERROR)
        client = client_cls(cluster)
        n = workers
    shared: Any = None
    if types is not None:  # sent to every worker once; each task refers to that copy
        [shared] = client.scatter([types], broadcast=True, hash=False)

    def submit(chunk: list[_Row]) -> Any:
        # a big chunk goes to the cluster on its own rather than inside the task graph
        payload: Any = chunk
        if sum(len(r[5]) for r in chunk) > 4_000_000:
            [payload] = client.scatter([chunk], hash=False)
        return client.submit(_work, job, payload, shared, pure=False)

    try:
        yield from _ordered(submit, chunks, 2 * n)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _results(job: _Job, articles: Iterable[Any], engine: str, workers: int, chunk_size: int,
             scheduler: str | None, types: tuple[str, Any] | None) -> Iterator[Any] | None:
    """``job``'s result per chunk of ``articles`` on ``engine``, in input order; None for no
    articles."""
    chunks = _chunks(articles, chunk_size)
    first = next(chunks, None)
    if first is None:
        return None
    chunks = itertools.chain([first], chunks)
    if engine == "local":
        return _run_local(job, chunks, types)
    if engine == "processes":
        return _run_processes(job, chunks, workers, types)
    return _run_dask(job, chunks, workers, scheduler, types)


def extract_stream(articles: Iterable[Any], feature_sets: Sequence[str], *,
                   engine: str = "local", workers: int | None = None, chunk_size: int = 200,
                   scheduler: str | None = None, progress: bool = False,
                   speaker_types: Any = None) -> Iterator[Any]:
    """Feature tables of ``articles``, one per chunk, in input order.

    Parameters
    ----------
    articles : iterable of Article
        Read lazily: at most ``chunk_size`` articles (``local``) or
        ``2 x workers x chunk_size`` (``processes``, ``dask``) are pulled
        ahead of the table being yielded. Anything with ``id``, ``text``,
        ``outlet``, ``event``, ``date`` and ``leaning`` attributes works.
    feature_sets : sequence of str
        Registry names (``loaded`` or ``loaded.v1``; see
        :func:`framing.features.make`).
    engine : {"local", "processes", "dask"}, default "local"
    workers : int, optional
        Worker processes for ``processes`` and a local Dask cluster; default:
        the CPUs this process may use. Ignored by ``local``.
    chunk_size : int, default 200
        Articles per chunk (per task on a pool or cluster).
    scheduler : str, optional
        Address of a running Dask scheduler (``engine="dask"`` only).
    progress : bool, default False
        Show a progress bar (articles) on standard error.
    speaker_types : SpeakerTypes, optional
        A :class:`framing.attribution.SpeakerTypes` (for instance from
        :func:`corpus_speaker_types`) that the attribution sets apply before
        counting source types; sent to each worker once.

    Yields
    ------
    pandas.DataFrame
        ``doc_id, outlet, event, date, leaning`` then ``<set>__<feature>``
        columns, exactly as ``framing extract`` writes them. An empty input
        yields one empty table with those columns.

    Raises
    ------
    ValueError
        For an unknown engine, a bad ``workers`` or ``chunk_size``, or a
        scheduler without ``engine="dask"`` (raised at the call, before any
        work).
    KeyError
        For an unknown feature set.
    ImportError
        For ``engine="dask"`` without dask installed; the message says what
        to install.
    """
    from .features import resolve_name

    n_workers = _check(engine, workers, chunk_size, scheduler)
    sets = tuple(str(n) for n in feature_sets)
    if not sets:
        raise KeyError("no feature set given")
    for name in sets:
        resolve_name(name)
    if engine == "dask":
        _import_dask()
    types = None if speaker_types is None else (speaker_types.digest(), speaker_types)
    job: _Job = ("features", sets, None if types is None else types[0])
    return _stream(articles, job, engine, n_workers, int(chunk_size), scheduler, progress, types)


def _stream(articles: Iterable[Any], job: _Job, engine: str, workers: int, chunk_size: int,
            scheduler: str | None, progress: bool, types: tuple[str, Any] | None
            ) -> Iterator[Any]:
    results = _results(job, articles, engine, workers, chunk_size, scheduler, types)
    if results is None:
        _register(types)
        yield _extract_chunk(job[1], [], job[2])
        return
    yield from _with_progress(results, progress, len)


def _with_progress(results: Iterator[Any], progress: bool, count: Any,
                   desc: str | None = None) -> Iterator[Any]:
    """``results`` as they come, with a progress bar (``count(result)`` articles each) on
    standard error when ``progress``; the results are closed at the end or on an error."""
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="article", file=sys.stderr, desc=desc)
    try:
        for result in results:
            if bar is not None:
                bar.update(count(result))
            yield result
    finally:
        results.close()  # type: ignore[attr-defined]
        if bar is not None:
            bar.close()


def corpus_speaker_types(articles: Iterable[Any], feature_set: str = "attribution", *,
                         engine: str = "local", workers: int | None = None,
                         chunk_size: int = 200, scheduler: str | None = None,
                         progress: bool = False) -> Any:
    """The :class:`framing.attribution.SpeakerTypes` of a corpus, on any engine.

    The first of two passes: the attributions of every article (found as the
    attribution set ``feature_set`` finds them) vote on their named speakers'
    source types; pass the result to :func:`extract_stream` as
    ``speaker_types``. The votes are counts, so the result does not depend on
    the engine, the workers or the chunk size. Uses no labels (outlet,
    leaning), only the texts. Other parameters as in :func:`extract_stream`.

    Examples
    --------
    >>> from framing.corpora import iter_articles
    >>> types = corpus_speaker_types(iter_articles("corpora/seed/seed.jsonl"))  # doctest: +SKIP
    """
    from .attribution import SpeakerTypes
    from .features import resolve_name

    n_workers = _check(engine, workers, chunk_size, scheduler)
    name = resolve_name(str(feature_set))
    if name.split(".v")[0] != "attribution":
        raise ValueError(f"speaker types come from an attribution set, not {feature_set!r}")
    if engine == "dask":
        _import_dask()
    types = SpeakerTypes()
    results = _results(("votes", (name,), None), articles, engine, n_workers, int(chunk_size),
                       scheduler, None)
    if results is None:
        return types
    for chunk_votes, _ in _with_progress(results, progress, lambda r: r[1], "speaker types"):
        types.add_votes(chunk_votes)
    return types


# ------------------------------------------------------------------------------ output

def _arrow_schema(frame: Any) -> Any:
    """A schema fixed by the column names and dtypes, never by the values of a chunk."""
    import pyarrow as pa

    fields = []
    for col in frame.columns:
        if col in META_COLUMNS:
            fields.append(pa.field(col, pa.large_string()))
        else:
            fields.append(pa.field(col, pa.from_numpy_dtype(frame[col].to_numpy().dtype)))
    return pa.schema(fields)


def write_stream(frames: Iterable[Any], path: str | os.PathLike[str], *,
                 row_group_size: int = ROW_GROUP_SIZE) -> int:
    """Write feature tables to ``path`` (``.parquet`` or ``.csv``) as they arrive.

    The file is written to a temporary file beside ``path`` and renamed at
    the end, so an interrupted run leaves no partial output. The first table
    fixes the columns; every later one must have the same.

    Parameters
    ----------
    frames : iterable of pandas.DataFrame
        Typically :func:`extract_stream`.
    path : path-like
        Ends in ``.parquet`` or ``.csv``.
    row_group_size : int, default 10,000
        Rows per Parquet row group. Row groups are cut by row count, not by
        incoming table, so the bytes do not depend on the chunk size.

    Returns
    -------
    int
        The number of rows written.

    Raises
    ------
    ValueError
        For another suffix, an empty ``frames``, or a table whose columns
        differ from the first one.
    """
    suffix = str(path).lower().rsplit(".", 1)[-1]
    if suffix not in ("parquet", "csv"):
        raise ValueError(f"output must end in .parquet or .csv, got {str(path)!r}")
    if row_group_size < 1:
        raise ValueError(f"row_group_size must be positive, got {row_group_size!r}")
    it = iter(frames)
    first = next(it, None)
    if first is None:
        raise ValueError("no table to write (an empty stream)")
    columns = list(first.columns)

    def checked() -> Iterator[Any]:
        yield first
        for frame in it:
            if list(frame.columns) != columns:
                raise ValueError("a chunk's columns differ from the first chunk's")
            yield frame

    if suffix == "csv":
        return _write_csv(checked(), path)
    return _write_parquet(checked(), path, _arrow_schema(first), row_group_size)


def _write_csv(frames: Iterator[Any], path: str | os.PathLike[str]) -> int:
    rows = 0
    with atomic_write(path) as fh:
        for i, frame in enumerate(frames):
            frame.to_csv(fh, index=False, header=i == 0, lineterminator="\n")
            rows += len(frame)
    return rows


def _write_parquet(frames: Iterator[Any], path: str | os.PathLike[str], schema: Any,
                   row_group_size: int) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = 0
    buffered: list[Any] = []
    n_buffered = 0
    with atomic_write(path, "wb") as fh:
        writer = pq.ParquetWriter(fh, schema)
        try:
            def flush(n: int) -> None:
                nonlocal buffered, n_buffered
                table = pa.concat_tables(buffered)
                writer.write_table(table.slice(0, n).combine_chunks(), row_group_size=n)
                rest = table.slice(n)
                buffered = [rest] if len(rest) else []
                n_buffered = len(rest)

            for frame in frames:
                table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
                buffered.append(table.replace_schema_metadata(None))
                n_buffered += len(table)
                rows += len(table)
                while n_buffered >= row_group_size:
                    flush(row_group_size)
            if n_buffered:
                flush(n_buffered)
        finally:
            writer.close()
    return rows


# ------------------------------------------------------------------------------ input

def iter_corpus(path: str | os.PathLike[str], *, skip_invalid: bool = False,
                rejects: str | os.PathLike[str] | None = None) -> Iterator[Any]:
    """Stream the articles of a corpus (JSONL, CSV, Parquet, .txt): the same reader,
    checks and rejects file as :func:`framing.corpora.iter_articles`."""
    from .corpora import iter_articles

    return iter_articles(path, skip_invalid=skip_invalid, rejects=rejects)


# ------------------------------------------------------------------------------ manifest

def engine_info(engine: str, workers: int | None = None, scheduler: str | None = None, *,
                chunk_size: int | None = None) -> dict[str, Any]:
    """What a run manifest records about the engine.

    Examples
    --------
    >>> engine_info("local")
    {'engine': 'local', 'workers': 1, 'scheduler': None}
    >>> engine_info("processes", 2, chunk_size=200)
    {'engine': 'processes', 'workers': 2, 'scheduler': None, 'chunk_size': 200}
    """
    n = _check(engine, workers, chunk_size or 1, scheduler)
    info: dict[str, Any] = {"engine": engine, "workers": n,
                            "scheduler": scheduler if scheduler is not None else (
                                "LocalCluster" if engine == "dask" else None)}
    if chunk_size is not None:
        info["chunk_size"] = int(chunk_size)
    if engine == "dask":
        for pkg in ("dask", "distributed"):
            try:
                info[f"{pkg}_version"] = importlib.metadata.version(pkg)
            except importlib.metadata.PackageNotFoundError:
                info[f"{pkg}_version"] = None
    return info
