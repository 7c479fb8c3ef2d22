"""Build ``corpora/seed/seed.jsonl`` from the seed article ``corpora/seed/mosul-2014-06-11.txt``.

The text is the exact file content (read with ``newline=""``, so nothing is
translated); the metadata is fixed below. Running the script again gives a
byte-identical file.

Usage::

    python scripts/make_seed_corpus.py [--out corpora/seed/seed.jsonl]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from framing.corpora import Article, write_jsonl

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO / "corpora" / "seed"
SEED_TEXT = SEED_DIR / "mosul-2014-06-11.txt"


def seed_article(path: Path = SEED_TEXT) -> Article:
    """The seed article as an :class:`~framing.corpora.Article`."""
    with open(path, encoding="utf-8", newline="") as fh:
        text = fh.read()
    return Article(
        id="wsws-2014-06-11-mosul",
        text=text,
        outlet="WSWS",
        event="fall-of-mosul-2014",
        date="2014-06-11",
        title="Al Qaeda offshoot ISIS captures Mosul from Iraqi government forces",
        url="https://www.wsws.org/en/articles/2014/06/11/iraq-j11.html",
        leaning=None,
        meta={"author": "Barry Grey"},
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", type=Path, default=SEED_TEXT, help="seed article text file")
    parser.add_argument("--out", type=Path, default=SEED_DIR / "seed.jsonl", help="output JSONL")
    args = parser.parse_args(argv)
    n = write_jsonl([seed_article(args.text)], args.out)
    print(f"wrote {n} article to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
