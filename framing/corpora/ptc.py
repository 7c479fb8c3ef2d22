"""Reader for the Propaganda Techniques Corpus v2 (SemEval-2020 Task 11).

News articles annotated with 14 (merged) propaganda techniques as
character-offset spans.

Layout (``datasets/`` folder of the SemEval-2020 task 11 release)::

    train-articles/article<ID>.txt      371 articles: title, blank line, one sentence per line
    train-task2-TC.labels               ID<TAB>technique<TAB>start<TAB>end (end exclusive)
    dev-articles/article<ID>.txt        75 articles, no gold labels in this release

``root`` may be the ``datasets/`` folder or its parent.

Offsets
-------
Texts are read with ``encoding="utf-8"`` and ``newline=""`` so that every
character of the file -- including ``\\r`` and the byte-order mark two train
articles start with (kept as ``"\\ufeff"``) -- counts as in the organisers'
offsets. This was verified: with the BOM kept, spans in those two articles
start and end on word boundaries (``"a devastating letter"``); with it removed
they are shifted by one character. The title is the first line of
:attr:`Article.text` and also :attr:`Article.title` (without the BOM).

371 train articles have a text file; 357 of them have at least one technique
span (the 14 others have an empty label file: no propaganda was annotated).
All 371 are returned, so ``sum(len(a.annotations))`` is the full 6,129 spans
(2,123 ``Loaded_Language``).

Citation
--------
Giovanni Da San Martino, Seunghak Yu, Alberto Barron-Cedeno, Rostislav
Petrov and Preslav Nakov. 2019. "Fine-Grained Analysis of Propaganda in News
Articles". EMNLP-IJCNLP 2019. Shared task: Da San Martino et al. 2020,
"SemEval-2020 Task 11: Detection of Propaganda Techniques in News Articles".

License
-------
None in the republished copy; the organisers distributed the corpus after
registration, for research. News text copyright of the publishers.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .model import Annotation, Article

__all__ = ["read_ptc", "PTC_SPLITS"]

#: Splits available in the release.
PTC_SPLITS = ("train", "dev")
_ARTICLE = re.compile(r"^article(\d+)\.txt$")


def _datasets_dir(root: Path) -> Path:
    for candidate in (root, root / "datasets"):
        if (candidate / "train-articles").is_dir() or (candidate / "dev-articles").is_dir():
            return candidate
    raise FileNotFoundError(
        f"PTC data not found under {root}: expected train-articles/ and dev-articles/ "
        "(e.g. ../shared/data/ptc-semeval2020-task11/datasets)")


def _read_labels(path: Path, texts: dict[str, str]) -> dict[str, list[Annotation]]:
    out: dict[str, list[Annotation]] = {aid: [] for aid in texts}
    with open(path, encoding="utf-8", newline="") as fh:
        for line_no, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            fields = line.split("\t")
            if len(fields) != 4:
                raise ValueError(f"{path}:{line_no}: expected 4 tab-separated fields, got {line!r}")
            aid, technique, start_s, end_s = fields
            if aid not in texts:
                raise ValueError(f"{path}:{line_no}: no article file for id {aid}")
            start, end = int(start_s), int(end_s)
            text = texts[aid]
            if not (0 <= start < end <= len(text)):
                raise ValueError(f"{path}:{line_no}: span {start}:{end} outside article {aid} "
                                 f"(length {len(text)})")
            out[aid].append(Annotation(start, end, technique))
    for spans in out.values():
        spans.sort(key=lambda a: (a.start, a.end, a.label))
    return out


def read_ptc(root: str | os.PathLike[str], split: str = "train") -> list[Article]:
    """Read the PTC articles of one split, with technique spans for ``train``.

    Parameters
    ----------
    root : path-like
        The ``datasets/`` folder (or the folder holding it).
    split : {"train", "dev"}
        ``train`` returns technique spans from ``train-task2-TC.labels``
        (``label`` = technique, offsets as given); ``dev`` has no labels.

    Returns
    -------
    list of Article
        Sorted by numeric article id; ``id`` = ``ptc-<ID>``, ``title`` = the
        first line, ``meta = {"article_id", "split"}``.

    Raises
    ------
    ValueError
        For an unknown split or a label outside its article.
    FileNotFoundError
        When the folders or the labels file are missing.
    """
    if split not in PTC_SPLITS:
        raise ValueError(f"unknown PTC split {split!r}; valid splits: {', '.join(PTC_SPLITS)}")
    root = Path(root)
    if not root.exists():
        raise FileNotFoundError(f"PTC folder not found: {root} "
                                "(e.g. ../shared/data/ptc-semeval2020-task11/datasets)")
    base = _datasets_dir(root)
    art_dir = base / f"{split}-articles"
    if not art_dir.is_dir():
        raise FileNotFoundError(f"PTC {split} articles folder not found: {art_dir}")
    texts: dict[str, str] = {}
    for path in art_dir.iterdir():
        m = _ARTICLE.match(path.name)
        if m:
            with open(path, encoding="utf-8", newline="") as fh:
                texts[m.group(1)] = fh.read()
    if not texts:
        raise FileNotFoundError(f"no article<ID>.txt files in {art_dir}")
    labels: dict[str, list[Annotation]] = {}
    if split == "train":
        label_path = base / "train-task2-TC.labels"
        if not label_path.is_file():
            raise FileNotFoundError(f"PTC technique labels not found: {label_path}")
        labels = _read_labels(label_path, texts)
    out: list[Article] = []
    for aid in sorted(texts, key=int):
        text = texts[aid]
        title = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0].lstrip("\ufeff").strip() or None
        out.append(Article(id=f"ptc-{aid}", text=text, title=title,
                           meta={"article_id": aid, "split": split},
                           annotations=labels.get(aid, [])))
    return out
