"""Reader for the Article-Bias-Prediction AllSides corpus (Baly et al., EMNLP 2020).

37,554 news articles crawled from allsides.com, each labelled with the
AllSides rating of its outlet (left/center/right), plus official *media*
(outlets disjoint across splits) and *random* train/valid/test splits.

Files used (``ramybaly/Article-Bias-Prediction`` snapshot)::

    <root>/allsides_eval_fulltext.jsonl.gz   3,656 articles with content_original
    <root>/splits/{media,random}_{train,valid,test}.tsv   ID<TAB>bias

Only the 3,656 articles whose full text is staged (media-split valid + test;
the random-split test has the same IDs as the media-split test) are
returned. Articles known only from ``allsides_metadata.jsonl.gz`` (no text)
are *not* returned; when a split is selected, the IDs of that split without
a full text can be collected with the ``missing`` parameter.

Mapping: ``id`` = the dataset ``ID``, ``text`` = ``content_original``
(verbatim), ``outlet`` = ``source``, ``leaning`` = ``bias_text``, ``title``,
``url``, ``date`` (ISO; the few ``M/D/YY`` dates are converted and the raw
value kept in ``meta["date_raw"]``; empty -> None), ``meta`` = ``topic``,
``authors``, ``source_url``, ``bias`` (0/1/2) and ``splits`` (every official
split the ID belongs to, e.g. ``["media/test", "random/test"]``).

Citation
--------
Ramy Baly, Giovanni Da San Martino, James Glass and Preslav Nakov. 2020.
"We Can Detect Your Bias: Predicting the Political Ideology of News
Articles". EMNLP 2020, pp. 4982-4991.

License
-------
Repository under Apache-2.0; the article text is copyright of the
publishers. Research/evaluation only.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .model import LEANINGS, Article

__all__ = ["read_article_bias", "read_article_bias_splits", "ARTICLE_BIAS_SPLITS",
           "FULLTEXT_FILE"]

FULLTEXT_FILE = "allsides_eval_fulltext.jsonl.gz"
#: Official splits, as ``"<kind>/<part>"``.
ARTICLE_BIAS_SPLITS = tuple(f"{kind}/{part}" for kind in ("media", "random")
                            for part in ("train", "valid", "test"))
_MDY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")


def _root_and_file(path: Path) -> tuple[Path, Path]:
    if path.is_dir():
        return path, path / FULLTEXT_FILE
    return path.parent, path


def _require(path: Path, what: str) -> Path:
    if not path.exists():
        raise FileNotFoundError(
            f"{what} not found: {path} (expected the Article-Bias-Prediction folder with "
            f"{FULLTEXT_FILE} and splits/, e.g. ../shared/data/article-bias-prediction-allsides)")
    return path


def read_article_bias_splits(root: str | os.PathLike[str]) -> dict[str, list[str]]:
    """Read the official split files.

    Parameters
    ----------
    root : path-like
        The dataset folder (holding ``splits/``) or the full-text file in it.

    Returns
    -------
    dict
        ``{"media/train": [ID, ...], ...}`` in file order, for every split file present.

    Raises
    ------
    FileNotFoundError
        When ``splits/`` or all split files are missing.
    """
    base, _ = _root_and_file(Path(root))
    split_dir = _require(base / "splits", "Article-Bias-Prediction splits folder")
    out: dict[str, list[str]] = {}
    for name in ARTICLE_BIAS_SPLITS:
        path = split_dir / (name.replace("/", "_") + ".tsv")
        if not path.is_file():
            continue
        with open(path, encoding="utf-8", newline="") as fh:
            rows = csv.reader(fh, delimiter="\t")
            header = next(rows, None)
            if header is None or header[0] != "ID":
                raise ValueError(f"{path}: expected a header 'ID<TAB>bias', got {header!r}")
            out[name] = [row[0] for row in rows if row]
    if not out:
        raise FileNotFoundError(f"no split files (media_train.tsv, ...) in {split_dir}")
    return out


def _iso_date(value: Any) -> str | None:
    if not value:
        return None
    text = str(value).strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}$", text):
        return text
    m = _MDY.match(text)
    if m:
        month, day, year = (int(x) for x in m.groups())
        if year < 100:
            year += 2000
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _article(record: dict[str, Any], memberships: dict[str, list[str]]) -> Article:
    leaning = str(record.get("bias_text") or "").strip().lower() or None
    if leaning is not None and leaning not in LEANINGS:
        raise ValueError(f"article {record.get('ID')}: unknown bias_text {leaning!r}")
    meta: dict[str, Any] = {
        "topic": record.get("topic"),
        "authors": record.get("authors"),
        "source_url": record.get("source_url"),
        "bias": record.get("bias"),
        "splits": memberships.get(record["ID"], []),
    }
    date = _iso_date(record.get("date"))
    if record.get("date") and date != record.get("date"):
        meta["date_raw"] = record.get("date")
    return Article(id=str(record["ID"]), text=record.get("content_original") or "",
                   outlet=record.get("source") or None, date=date,
                   title=record.get("title") or None, url=record.get("url") or None,
                   leaning=leaning, meta={k: v for k, v in meta.items() if v is not None})


def read_article_bias(path: str | os.PathLike[str], split: str | None = None,
                      missing: list[str] | None = None) -> Iterator[Article]:
    """Stream the full-text articles of Baly et al. (2020), optionally one official split.

    Parameters
    ----------
    path : path-like
        The dataset folder or ``allsides_eval_fulltext.jsonl.gz`` itself
        (``splits/`` must sit beside it).
    split : str, optional
        One of ``media/train``, ``media/valid``, ``media/test``,
        ``random/train``, ``random/valid``, ``random/test`` (``dev`` is
        accepted for ``valid``). None returns every full-text article.
    missing : list, optional
        With ``split``: the split's IDs that have no full text are appended
        to it once the iterator is exhausted (e.g. all of ``media/train``).

    Yields
    ------
    Article
        In file order (the full-text file is sorted by ID).

    Raises
    ------
    ValueError
        For an unknown ``split`` (raised immediately, before iteration).
    FileNotFoundError
        When the full-text file or the splits are missing (raised immediately).
    """
    if split is not None:
        split = split.strip().lower().replace("_", "/").replace("/dev", "/valid")
        if split not in ARTICLE_BIAS_SPLITS:
            raise ValueError(f"unknown Article-Bias-Prediction split {split!r}; valid splits: "
                             f"{', '.join(ARTICLE_BIAS_SPLITS)}")
    base, fulltext = _root_and_file(Path(path))
    _require(fulltext, "Article-Bias-Prediction full-text file")
    splits = read_article_bias_splits(base)
    if split is not None and split not in splits:
        raise FileNotFoundError(f"split file for {split!r} not found in {base / 'splits'}")
    memberships: dict[str, list[str]] = {}
    for name, ids in splits.items():
        for id_ in ids:
            memberships.setdefault(id_, []).append(name)
    wanted = set(splits[split]) if split is not None else None
    return _stream(fulltext, memberships, wanted, splits.get(split or "", []), missing)


def _stream(fulltext: Path, memberships: dict[str, list[str]], wanted: set[str] | None,
            split_ids: list[str], missing: list[str] | None) -> Iterator[Article]:
    seen: set[str] = set()
    with gzip.open(fulltext, "rt", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{fulltext}:{line_no}: invalid JSON ({exc.msg})") from exc
            if wanted is not None and record["ID"] not in wanted:
                continue
            seen.add(record["ID"])
            yield _article(record, memberships)
    if missing is not None and wanted is not None:
        missing.extend(i for i in split_ids if i not in seen)
