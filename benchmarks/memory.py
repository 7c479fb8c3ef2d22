"""Peak memory of streaming extraction: flat in the number of articles.

Run by hand::

    python benchmarks/memory.py [SIZES ...] [--features sentiment] [--chunk-size 200]
                                [--eager] [--json out.json]

For every size N (default 10,000 and 100,000; the issue's target scale is
1,000,000, e.g. ``python benchmarks/memory.py 10000 1000000``) a JSONL corpus
of N articles is generated in a temporary folder by repeating the shipped
AllSides roundups with new ids. A fresh Python process then streams it through
:func:`framing.engine.extract_stream` (engine ``local``) into Parquet with
:func:`framing.engine.write_stream`, and reports its peak resident set size
(``resource.getrusage(...).ru_maxrss``), which includes the interpreter, the
libraries and the extractors' lexicons. Flat means the largest N stays within
about 15% of the smallest.

``--eager`` also measures the old way (read every article, then transform the
whole list, then write), whose peak grows with N.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "corpora" / "allsides-roundups" / "allsides-roundups.jsonl"


def generate(path: Path, n: int) -> None:
    """Write ``n`` articles to ``path``: the shipped roundups, repeated, with new ids."""
    records = [json.loads(line) for line in SOURCE.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rec = dict(records[i % len(records)])
            rec["id"] = f"{rec['id']}-r{i // len(records)}"
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child(corpus: str, out: str, features: list[str], chunk_size: int, eager: bool) -> dict:
    """Extract ``corpus`` into ``out`` in this process; timings and peak RSS."""
    from framing.corpora import iter_articles
    from framing.engine import _transformers, extract_stream, write_stream

    _transformers(tuple(features))  # imports, lexicons, VADER: the fixed part
    ready_mb = _peak_mb()
    t0 = time.perf_counter()
    if eager:
        from framing.engine import _extract_chunk, _row

        rows = [_row(a) for a in iter_articles(corpus)]
        table = _extract_chunk(tuple(features), rows)
        with open(out, "wb") as fh:
            table.to_parquet(fh, index=False)
        n = len(table)
    else:
        n = write_stream(extract_stream(iter_articles(corpus), features, engine="local",
                                        chunk_size=chunk_size), out)
    return {"articles": n, "seconds": time.perf_counter() - t0, "peak_rss_mb": _peak_mb(),
            "rss_after_warm_up_mb": ready_mb}


def measure(n: int, folder: Path, features: list[str], chunk_size: int, eager: bool) -> dict:
    corpus = folder / f"corpus-{n}.jsonl"
    if not corpus.exists():
        generate(corpus, n)
    cmd = [sys.executable, __file__, "--child", str(corpus), str(folder / f"out-{n}.parquet"),
           "--features", ",".join(features), "--chunk-size", str(chunk_size)]
    if eager:
        cmd.append("--eager")
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000],
                        help="corpus sizes (default 10000 100000)")
    parser.add_argument("--features", default="sentiment",
                        help="feature sets (default sentiment)")
    parser.add_argument("--chunk-size", type=int, default=200)
    parser.add_argument("--eager", action="store_true",
                        help="also measure reading the whole corpus before extracting")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--child", nargs=2, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    features = [f.strip() for f in args.features.split(",") if f.strip()]
    if args.child:
        print(json.dumps(child(*args.child, features, args.chunk_size, args.eager)))
        return 0
    results: dict[str, dict] = {}
    modes = ["streaming", "eager"] if args.eager else ["streaming"]
    print(f"features {','.join(features)}, engine local, chunk_size {args.chunk_size}")
    print(f"{'mode':<10} {'articles':>10} {'seconds':>8} {'articles/s':>10} "
          f"{'after warm-up MB':>16} {'peak RSS MB':>11}")
    with tempfile.TemporaryDirectory(prefix="framing-memory-") as tmp:
        for n in sorted(args.sizes):
            for mode in modes:
                r = measure(n, Path(tmp), features, args.chunk_size, mode == "eager")
                results.setdefault(mode, {})[str(n)] = r
                print(f"{mode:<10} {r['articles']:>10,} {r['seconds']:>8.1f} "
                      f"{r['articles'] / r['seconds']:>10,.0f} {r['rss_after_warm_up_mb']:>16,.0f}"
                      f" {r['peak_rss_mb']:>11,.0f}", flush=True)
    stream = results["streaming"]
    small, large = str(min(args.sizes)), str(max(args.sizes))
    growth = stream[large]["peak_rss_mb"] / stream[small]["peak_rss_mb"] - 1
    results["summary"] = {"smallest": int(small), "largest": int(large),
                          "streaming_peak_growth": growth, "flat": growth <= 0.15}
    print(f"streaming peak RSS, {int(large):,} vs {int(small):,} articles: {growth:+.1%} "
          f"({'flat' if growth <= 0.15 else 'NOT flat'}: target within 15%)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
