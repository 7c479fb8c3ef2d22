"""``framing corpus import NAME SRC DEST``: convert a public dataset into the JSONL schema.

Each importer reads the dataset with its reader, writes ``DEST/<NAME>.jsonl``
atomically and ``DEST/SOURCE.json`` recording where it came from (input path,
SHA-256 of the input files, counts), so the conversion can be checked and
repeated byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .._atomic import atomic_write
from .io import write_jsonl
from .model import Article


def tree_sha256(path: str | os.PathLike[str]) -> str:
    """SHA-256 of a file, or of a folder's files (relative names and bytes, sorted)."""
    path = Path(path)
    h = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for f in files:
        if path.is_dir():
            h.update(f.relative_to(path).as_posix().encode() + b"\0")
        with f.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


def _generic(name: str, read: Callable[[str], Iterable[Article]]) -> Callable[[str, str], dict]:
    def run(src: str | os.PathLike[str], dest: str | os.PathLike[str]) -> dict[str, Any]:
        src_path = Path(src)
        if not src_path.exists():
            raise FileNotFoundError(f"{name}: source not found: {src_path}")
        out = Path(dest) / f"{name}.jsonl"
        n = write_jsonl(read(str(src_path)), out)
        report = {"dataset": name, "source": src_path.name, "source_sha256": tree_sha256(src_path),
                  "articles": n, "output": out.name}
        with atomic_write(Path(dest) / "SOURCE.json") as fh:
            fh.write(json.dumps(report, indent=2, sort_keys=True) + "\n")
        return report

    run.__doc__ = f"Import {name} from SRC into DEST/{name}.jsonl and DEST/SOURCE.json."
    return run


def _allsides(src: str, dest: str) -> dict[str, Any]:
    from .allsides import import_allsides_roundups

    return import_allsides_roundups(src, dest)


def _basil(src: str) -> list[Article]:
    from .basil import read_basil

    return read_basil(src)


def _babe(src: str) -> list[Article]:
    from .babe import read_babe

    return read_babe(src)


def _article_bias(src: str) -> Iterable[Article]:
    from .article_bias import read_article_bias

    return read_article_bias(src)


def _ptc(src: str) -> list[Article]:
    from .ptc import read_ptc

    return read_ptc(src)


def _polnear_split(split: str) -> Callable[[str], list[Article]]:
    def read(src: str) -> list[Article]:
        from .polnear import read_polnear

        return read_polnear(src, split)

    return read


#: Importer by dataset name: ``IMPORTERS[name](src, dest) -> report dict``.
IMPORTERS: dict[str, Callable[[str, str], dict[str, Any]]] = {
    "allsides-roundups": _allsides,
    "article-bias": _generic("article-bias", _article_bias),
    "babe": _generic("babe", _babe),
    "basil": _generic("basil", _basil),
    "polnear-train": _generic("polnear-train", _polnear_split("train")),
    "polnear-dev": _generic("polnear-dev", _polnear_split("dev")),
    "ptc": _generic("ptc", _ptc),
}
