"""Throughput of the feature extractors on one core, alone and as the full set.

Run by hand::

    python benchmarks/features_speed.py [--repeat 2] [--json out.json]

Each measurement starts with empty per-document caches
(:func:`framing.features.analysis.analyze`, ``segmentation``, ``lower_words``),
so the time includes segmentation, tokenisation and the attribution extraction
that the voice split needs. Best of ``--repeat``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution_speed import corpora  # noqa: E402

SETS = {"loaded": ["loaded"], "sentiment": ["sentiment"], "readability": ["readability"],
        "attribution": ["attribution"],
        "loaded+sentiment+readability": ["loaded", "sentiment", "readability"],
        "all four": ["loaded", "attribution", "sentiment", "readability"]}


def measure(texts: list[str], names: list[str], repeat: int) -> float:
    """Best articles/s of running the named feature sets over ``texts``."""
    from framing.features import make
    from framing.features.analysis import analyze, lower_words, segmentation

    transformers = [make(n) for n in names]
    for t in transformers:  # warm up lexicons, VADER, the CMU dictionary
        t.fit_transform(texts[:1])
    best = float("inf")
    for _ in range(repeat):
        analyze.cache_clear()
        segmentation.cache_clear()
        lower_words.cache_clear()
        t0 = time.perf_counter()
        for t in transformers:
            t.transform(texts)
        best = min(best, time.perf_counter() - t0)
    return len(texts) / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    data = corpora()
    results: dict[str, dict[str, float]] = {}
    print(f"{'articles/s':<30}" + "".join(f"{c:>20}" for c in data))
    for label, names in SETS.items():
        results[label] = {c: measure(texts, names, args.repeat) for c, texts in data.items()}
        print(f"{label:<30}" + "".join(f"{results[label][c]:>20,.0f}" for c in data))
    from framing import native

    print(f"build: {native.describe()}")
    if args.json:
        results["build"] = native.describe()
        Path(args.json).write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
