"""Articles/s of every extractor and the full feature set, beside peer tools, and scaling.

Run by hand (speed targets live here, never in unit tests)::

    python benchmarks/throughput.py [--limit 300] [--repeat 2] [--scaling 1000]
                                    [--no-scaling] [--json out.json]

Part 1, one core (the process is pinned to one CPU): for every corpus, each
extractor alone (``transform`` with the per-document analysis cache cleared
first, so the time includes segmentation and attribution extraction) and the
full feature set through :func:`framing.engine.extract_stream` (engine
``local``, table building included). Peer tools run in the same process on the
same texts when they are installed, and the ratio ours / peer is printed:

- sentiment: vaderSentiment (``polarity_scores`` of the whole text) and
  TextBlob (``TextBlob(text).sentiment``);
- readability: textstat, the same seven measures (ours calls textstat too and
  adds words per sentence and syllables per word with our segmentation);
- attribution: spaCy + textacy ``direct_quotations`` when a spaCy English
  model is installed.

None is required; a missing peer is reported as such. Peers do less than
ours: none of them splits narrative from quoted voice.

Corpora: the shipped AllSides roundups (~90 words), BASIL and PolNeAR dev when
``../shared/data`` has them, and long articles: every BASIL article repeated 5
times (else PolNeAR, else 30 consecutive roundup articles joined), ~3,000
words each. Best of ``--repeat`` runs; caches (ours and textstat's) are cleared
before each run.

Part 2, scaling: the full feature set on ``--scaling`` roundup articles with
engine ``processes`` (``--scaling-engine dask``: a Dask LocalCluster) and 1 vs
2 workers (all CPUs allowed). The wall time
includes starting the pool (spawned workers import the package and warm up
their extractors, a few seconds); the steady rate counts the articles after
each worker's first chunk over the time after it. The speed-up is given for
both. Target: at least 1.7x with 2 workers. Needs two idle CPUs: as a control
the same is measured for a pure-Python loop (the machine's ceiling; 2.0 on two
free cores, lower on a shared or throttled machine).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution_speed import SHARED, corpora  # noqa: E402

EXTRACTORS = ("attribution", "loaded", "sentiment", "readability", "frames")
FULL = list(EXTRACTORS)


@dataclass(frozen=True)
class Doc:
    """The fields :func:`framing.engine.extract_stream` reads from an article."""

    id: str
    text: str
    outlet: str | None = None
    event: str | None = None
    date: str | None = None
    leaning: str | None = None


#: textstat caches that hold resources or per-word results, not per-text results: kept.
_KEEP = {"get_cmudict", "get_pyphen", "get_lang_easy_words", "is_difficult_word"}


def _clear_caches() -> None:
    """Empty our analysis cache and textstat's per-text caches (not its dictionaries)."""
    from framing.features.analysis import analyze, lower_words, segmentation

    analyze.cache_clear()
    segmentation.cache_clear()
    lower_words.cache_clear()
    for name, module in list(sys.modules.items()):
        if not name.startswith("textstat") or module is None:
            continue
        for obj in list(vars(module).values()):
            clear = getattr(obj, "cache_clear", None)
            if callable(clear) and getattr(obj, "__name__", "") not in _KEEP:
                clear()


def _best(work: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        _clear_caches()
        t0 = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - t0)
    return best


def load(limit: int | None) -> dict[str, list[str]]:
    """Benchmark texts per corpus, at most ``limit`` each."""
    from framing.corpora import read_basil, read_polnear

    all_texts = corpora()
    out = {k: v for k, v in all_texts.items() if not k.startswith("seed")}
    if (SHARED / "data" / "basil").exists():
        base, how = [a.text for a in read_basil(SHARED / "data" / "basil")], "basil x5"
    elif (SHARED / "data" / "polnear").exists():
        base, how = [a.text for a in read_polnear(SHARED / "data" / "polnear", "dev")], \
            "polnear x5"
    else:
        base, how = None, "roundups x30"
    if base is not None:
        out["long (" + how + ")"] = ["\n\n".join([t] * 5) for t in base]
    else:
        rs = out["allsides-roundups"]
        out["long (" + how + ")"] = ["\n\n".join(rs[i:i + 30]) for i in range(0, len(rs) - 29, 30)]
    if limit:
        out = {k: v[:limit] for k, v in out.items()}
    return out


# ------------------------------------------------------------------------------ peers

def peers() -> dict[str, list[tuple[str, Callable[[list[str]], object] | None]]]:
    """Installed peer tools, keyed by the extractor they compare with."""
    out: dict[str, list[tuple[str, Callable[[list[str]], object] | None]]] = {}
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        vader = SentimentIntensityAnalyzer()
        out.setdefault("sentiment", []).append(
            ("vaderSentiment", lambda texts: [vader.polarity_scores(t) for t in texts]))
    except ImportError:
        out.setdefault("sentiment", []).append(("vaderSentiment", None))
    try:
        from textblob import TextBlob

        out.setdefault("sentiment", []).append(
            ("TextBlob", lambda texts: [TextBlob(t).sentiment for t in texts]))
    except ImportError:
        out.setdefault("sentiment", []).append(("TextBlob", None))
    try:
        from framing.readability import READABILITY_MEASURES, _textstat

        ts = _textstat()  # the CMU dictionary shipped with framing: no download
        fns = [getattr(ts, m) for m in READABILITY_MEASURES]
        out["readability"] = [("textstat", lambda texts: [[f(t) for f in fns] for t in texts])]
    except ImportError:
        out["readability"] = [("textstat", None)]
    out["attribution"] = [_textacy()]
    return out


def _textacy() -> tuple[str, Callable[[list[str]], object] | None]:
    try:
        import spacy
        import textacy.extract
    except ImportError:
        return "spaCy+textacy", None
    models = [m for m in spacy.util.get_installed_models() if m.startswith("en_")]
    if not models:
        return "spaCy+textacy (no English model)", None
    nlp = spacy.load(sorted(models)[0])

    def run(texts: list[str]) -> object:
        return [list(textacy.extract.triples.direct_quotations(doc)) for doc in nlp.pipe(texts)]

    return f"spaCy+textacy ({sorted(models)[0]})", run


# ------------------------------------------------------------------------------ part 1

def ours(texts: list[str], names: list[str], repeat: int) -> float:
    """Best articles/s of the named feature sets: extract_stream for several, else transform."""
    from framing.engine import extract_stream
    from framing.features import make

    if len(names) == 1:
        t = make(names[0])
        t.fit_transform(texts[:1])  # warm up lexicons, VADER, the CMU dictionary
        return len(texts) / _best(lambda: t.transform(texts), repeat)
    docs = [Doc(str(i), t) for i, t in enumerate(texts)]
    for _ in extract_stream(docs[:1], names):
        pass

    def work() -> None:
        for _ in extract_stream(docs, names, chunk_size=200):
            pass

    return len(texts) / _best(work, repeat)


def throughput(data: dict[str, list[str]], repeat: int) -> list[dict[str, object]]:
    from framing.text import count_words

    found = peers()
    rows: list[dict[str, object]] = []
    print(f"{'extractor':<13} {'corpus':<22} {'ours/s':>9}  {'peer':<24} {'peer/s':>9} "
          f"{'ours/peer':>9}")
    for corpus, texts in data.items():
        words = sum(count_words(t) for t in texts) / len(texts)
        print(f"-- {corpus}: {len(texts):,} articles, {words:,.0f} words each")
        for label in (*EXTRACTORS, "full"):
            names = FULL if label == "full" else [label]
            ours_aps = ours(texts, names, repeat)
            tools = found.get(label) or [("-", None)]
            for i, (peer, fn) in enumerate(tools):
                peer_aps = None
                if fn is not None:
                    fn(texts[:1])
                    peer_aps = len(texts) / _best(lambda fn=fn, texts=texts: fn(texts), repeat)
                ratio = ours_aps / peer_aps if peer_aps else None
                rows.append({"extractor": label, "corpus": corpus, "articles": len(texts),
                             "mean_words": round(words, 1), "ours_articles_per_s": ours_aps,
                             "peer": peer, "peer_articles_per_s": peer_aps, "ratio": ratio})
                name = ("full (5 sets)" if label == "full" else label) if i == 0 else ""
                ours_s = f"{ours_aps:>9,.0f}" if i == 0 else " " * 9
                peer_s = f"{peer_aps:>9,.0f}" if peer_aps else f"{'n/a':>9}"
                ratio_s = f"{ratio:>9.2f}" if ratio else f"{'':>9}"
                shown = peer if fn is not None or peer == "-" else f"{peer}: not installed"
                print(f"{name:<13} {corpus if i == 0 else '':<22} {ours_s}  {shown:<24} "
                      f"{peer_s} {ratio_s}")
    return rows


# ------------------------------------------------------------------------------ part 2

def _spin(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def cpu_ceiling(n: int = 6_000_000, repeat: int = 3) -> float:
    """Speed-up of a pure-Python loop on 2 processes vs 1: what the machine can give."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_spin, [1, 1])
        best = 0.0
        for _ in range(repeat):
            t0 = time.perf_counter()
            pool.map(_spin, [n])
            one = time.perf_counter() - t0
            t0 = time.perf_counter()
            pool.map(_spin, [n, n], chunksize=1)
            two = time.perf_counter() - t0
            best = max(best, 2 * one / two)
    return best


def _run(docs: list[Doc], workers: int, chunk_size: int, engine: str) -> dict[str, float]:
    """Wall time, and the steady rate once every worker has delivered its first chunk."""
    from framing.engine import extract_stream

    t0 = time.perf_counter()
    stamps: list[tuple[float, int]] = []
    for frame in extract_stream(docs, FULL, engine=engine, workers=workers,
                                chunk_size=chunk_size):
        stamps.append((time.perf_counter() - t0, len(frame)))
    wall = stamps[-1][0]
    assert sum(n for _, n in stamps) == len(docs)
    # the first chunk of each worker carries the pool's start-up (spawn, imports, warm-up)
    warm_t = stamps[workers - 1][0]
    rest = sum(n for _, n in stamps[workers:])
    return {"wall_s": wall, "startup_s": warm_t, "articles_per_s": len(docs) / wall,
            "steady_articles_per_s": rest / max(wall - warm_t, 1e-9)}


def scaling(texts: list[str], n: int, chunk_size: int, repeat: int,
            engine: str = "processes") -> dict[str, object]:
    """Full feature set on ``n`` articles, engine ``processes`` (or ``dask``), 1 vs 2 workers."""
    docs = [Doc(str(i), texts[i % len(texts)] + ("" if i < len(texts) else f" ({i})"))
            for i in range(n)]
    out: dict[str, object] = {"articles": n, "chunk_size": chunk_size, "engine": engine,
                              "cpus": len(os.sched_getaffinity(0))
                              if hasattr(os, "sched_getaffinity") else os.cpu_count()}
    for workers in (1, 2):
        runs = [_run(docs, workers, chunk_size, engine) for _ in range(repeat)]
        out[f"workers_{workers}"] = {
            "wall_s": min(r["wall_s"] for r in runs),
            "startup_s": min(r["startup_s"] for r in runs),
            "articles_per_s": max(r["articles_per_s"] for r in runs),
            "steady_articles_per_s": max(r["steady_articles_per_s"] for r in runs)}
    one, two = out["workers_1"], out["workers_2"]
    assert isinstance(one, dict) and isinstance(two, dict)
    out["cpu_ceiling"] = cpu_ceiling()
    out["speedup_wall"] = one["wall_s"] / two["wall_s"]
    out["speedup_steady"] = two["steady_articles_per_s"] / one["steady_articles_per_s"]
    print(f"\nscaling: full feature set, {n:,} articles, engine {engine}, chunk_size "
          f"{chunk_size}, {out['cpus']} CPUs")
    print(f"{'workers':>7} {'wall s':>8} {'first chunk s':>13} {'articles/s':>11} "
          f"{'steady art/s':>13}")
    for w in (1, 2):
        r = out[f"workers_{w}"]
        assert isinstance(r, dict)
        print(f"{w:>7} {r['wall_s']:>8.2f} {r['startup_s']:>13.2f} {r['articles_per_s']:>11,.0f}"
              f" {r['steady_articles_per_s']:>13,.0f}")
    print(f"speed-up 2 vs 1 worker: {out['speedup_wall']:.2f}x wall (start-up included), "
          f"{out['speedup_steady']:.2f}x steady (target >= 1.7x)")
    print(f"machine ceiling: a pure-Python loop runs {out['cpu_ceiling']:.2f}x faster on 2 "
          f"processes than on 1 (2.00x on two free cores)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="at most this many articles per corpus")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--scaling", type=int, default=1000, metavar="N",
                        help="articles for the 1 vs 2 worker run (default 1000)")
    parser.add_argument("--scaling-chunk-size", type=int, default=50)
    parser.add_argument("--scaling-engine", choices=("processes", "dask"), default="processes")
    parser.add_argument("--no-scaling", action="store_true")
    parser.add_argument("--no-throughput", action="store_true")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args(argv)
    results: dict[str, object] = {}
    data = load(args.limit)
    cpus = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if not args.no_throughput:
        if cpus is not None:
            os.sched_setaffinity(0, {sorted(cpus)[0]})
        try:
            results["throughput"] = throughput(data, args.repeat)
        finally:
            if cpus is not None:
                os.sched_setaffinity(0, cpus)
    if not args.no_scaling:
        results["scaling"] = scaling(data["allsides-roundups"] if not args.limit else
                                     corpora()["allsides-roundups"], args.scaling,
                                     args.scaling_chunk_size, args.repeat,
                                     args.scaling_engine)
    from framing import native

    print(f"build: {native.describe()}")
    if args.json:
        results["build"] = native.describe()
        Path(args.json).write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
