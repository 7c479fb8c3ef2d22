"""Throughput of ``framing.attribution.extract_attributions`` alone, on one core.

Run by hand (speed targets live here, never in unit tests)::

    python benchmarks/attribution_speed.py [--repeat 3] [--json out.json] [--learned]

Corpora: the seed article, the shipped AllSides roundups (title + lead
paragraphs, ~90 words), BASIL (full articles, ~640 words) and PolNeAR dev
(~800 words) when ``../shared/data`` is there. Reports articles/s and words/s
(best of ``--repeat`` runs, after one untimed warm-up call).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FRAMING_SHARED", REPO.parent / "shared"))


def corpora() -> dict[str, list[str]]:
    """Texts per benchmark corpus (those whose files exist)."""
    from framing.corpora import read_articles, read_basil, read_polnear

    out: dict[str, list[str]] = {}
    seed = (REPO / "corpora" / "seed" / "mosul-2014-06-11.txt").read_text(encoding="utf-8")
    out["seed (x50)"] = [seed] * 50
    out["allsides-roundups"] = [a.text for a in read_articles(
        REPO / "corpora" / "allsides-roundups" / "allsides-roundups.jsonl")]
    if (SHARED / "data" / "basil").exists():
        out["basil"] = [a.text for a in read_basil(SHARED / "data" / "basil")]
    if (SHARED / "data" / "polnear").exists():
        out["polnear-dev"] = [a.text for a in read_polnear(SHARED / "data" / "polnear", "dev")]
    return out


def measure(texts: list[str], repeat: int, learned: bool = False) -> dict[str, float]:
    """Best-of-``repeat`` throughput of extract_attributions over ``texts``."""
    from framing.attribution import extract_attributions
    from framing.text import count_words

    extract_attributions(texts[0], learned=learned)
    best = float("inf")
    n_atts = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n_atts = sum(len(extract_attributions(t, learned=learned)) for t in texts)
        best = min(best, time.perf_counter() - t0)
    words = sum(count_words(t) for t in texts)
    return {"articles": len(texts), "mean_words": words / len(texts), "seconds": best,
            "articles_per_s": len(texts) / best, "words_per_s": words / best,
            "attributions": n_atts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--learned", action="store_true",
                        help="time extract_attributions(..., learned=True) (rules + booster)")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    results = {name: measure(texts, args.repeat, args.learned)
               for name, texts in corpora().items()}
    print(f"{'corpus':<20} {'articles':>8} {'words/art':>9} {'articles/s':>11} {'words/s':>10} "
          f"{'attributions':>12}")
    for name, r in results.items():
        print(f"{name:<20} {r['articles']:>8,} {r['mean_words']:>9.0f} {r['articles_per_s']:>11,.0f}"
              f" {r['words_per_s']:>10,.0f} {r['attributions']:>12,}")
    from framing import native

    print(f"build: {native.describe()}")
    if args.json:
        results["build"] = native.describe()
        Path(args.json).write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
