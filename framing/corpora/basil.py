"""Reader for BASIL v2 (Bias Annotation Spans on the Informational Level).

BASIL has 100 events, each covered by one Fox News, one HuffPost and one New
York Times article (300 articles), with 1,726 phrase-level bias spans
(lexical or informational) and article-level stance/sentiment labels.

Layout (v2 release, ``launchnlp/BASIL``)::

    <root>/articles/<year>/<triplet-uuid>_<k>.json
    <root>/annotations/<year>/<triplet-uuid>_<k>_ann.json

Article text
------------
The text is rebuilt from ``body-paragraphs`` (a list of paragraphs, each a
list of sentences): the sentences of a paragraph are joined with one space
and the paragraphs with ``"\\n\\n"``. Sentences are kept verbatim (a few have
leading/trailing spaces and seven are empty), so the original within-sentence
offsets shift by a constant. The title is *not* part of the text (it is in
:attr:`Article.title`). ``meta["sentences"]`` lists every sentence as
``[start, end, paragraph_index]`` in article offsets, in document order.

Span alignment
--------------
v2 offsets are relative to one sentence and no sentence index is given, but
the span id encodes it: ``"p<k>"`` is the ``k``-th sentence of the article
(0-based, counted over all paragraphs). This was checked against the
independent alignment in ``derived-basil-v2-spans-sentence-aligned.jsonl``:
all 1,722 spans aligned there get the same sentence, and the one span it
found ambiguous (two identical sentences) is resolved by its id. Every
``"p<k>"`` span is verified (``sentence[start:end] == txt``) before it is
mapped to article offsets. Spans with id ``"title"`` (3 in v2) annotate the
headline, which is not in the text; they, and any span failing the check, are
kept in ``meta["unaligned_annotations"]`` with a ``reason`` -- never dropped.

Citation
--------
Lisa Fan, Marshall White, Eva Sharma, Ruisi Su, Prafulla Kumar Choubey,
Ruihong Huang and Lu Wang. 2019. "In Plain Sight: Media Bias Through the Lens
of Factual Reporting". EMNLP-IJCNLP 2019, pp. 6343-6349.

License
-------
None stated by the authors (research data); the news text is copyright of
the publishers. Use for research/evaluation only; do not redistribute.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from .model import Annotation, Article

__all__ = ["read_basil", "normalise_stance", "BASIL_OUTLETS"]

#: The three outlets of BASIL (normalised lowercase ``source`` values).
BASIL_OUTLETS = ("fox", "hpo", "nyt")

_STANCE = {"left": "left", "liberal": "left", "center": "center", "centre": "center",
           "right": "right", "conservative": "right"}
_LABEL = {"lex": "lexical", "inf": "informational"}
_SPAN_ID = re.compile(r"^p(\d+)$")


def normalise_stance(value: str | None) -> str | None:
    """Map a BASIL ``relative_stance`` value to ``"left"``/``"center"``/``"right"``.

    Parameters
    ----------
    value : str or None
        ``left``/``liberal``, ``center``, ``right``/``conservative`` (any case).

    Returns
    -------
    str or None
        The normalised leaning, or None for a missing/empty value.

    Raises
    ------
    ValueError
        For an unknown non-empty value.
    """
    if value is None or not str(value).strip():
        return None
    key = str(value).strip().lower()
    if key not in _STANCE:
        raise ValueError(f"unknown BASIL relative_stance {value!r}")
    return _STANCE[key]


def _require_dir(path: Path, what: str) -> Path:
    if not path.is_dir():
        raise FileNotFoundError(
            f"{what} not found: {path} (expected the BASIL v2 folder with articles/ and "
            "annotations/, e.g. ../shared/data/basil)")
    return path


def _read_json(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _build_text(paragraphs: list[list[str]]) -> tuple[str, list[list[int]]]:
    """Join sentences with " " and paragraphs with "\\n\\n"; return text and sentence table."""
    parts: list[str] = []
    sentences: list[list[int]] = []
    pos = 0
    for p_index, paragraph in enumerate(paragraphs):
        if p_index:
            parts.append("\n\n")
            pos += 2
        for s_index, sentence in enumerate(paragraph):
            if s_index:
                parts.append(" ")
                pos += 1
            sentences.append([pos, pos + len(sentence), p_index])
            parts.append(sentence)
            pos += len(sentence)
    return "".join(parts), sentences


def _article(article_path: Path, annotation_path: Path) -> Article:
    raw = _read_json(article_path)
    ann = _read_json(annotation_path)
    if ann.get("uuid") != raw.get("uuid"):
        raise ValueError(f"uuid mismatch between {article_path} and {annotation_path}")
    paragraphs = raw.get("body-paragraphs") or []
    text, sentences = _build_text(paragraphs)
    flat = [s for p in paragraphs for s in p]
    outlet = str(raw["source"]).strip().lower()
    article_level = dict(ann.get("article-level-annotations") or {})
    stance_raw = article_level.get("relative_stance")

    annotations: list[Annotation] = []
    unaligned: list[dict[str, Any]] = []
    for index, span in enumerate(ann.get("phrase-level-annotations") or []):
        span_id = str(span.get("id", ""))
        label = _LABEL.get(str(span.get("bias", "")).strip().lower())
        attrs = {k: v for k, v in span.items() if k not in ("start", "end", "bias")}
        record = {"index": index, **span}
        if label is None:
            unaligned.append({**record, "reason": f"unknown bias type {span.get('bias')!r}"})
            continue
        start, end, txt = int(span["start"]), int(span["end"]), span.get("txt", "")
        if span_id == "title":
            reason = "span is in the title, which is not part of the article text"
            if (raw.get("title") or "")[start:end] == txt:
                reason += " (offsets are valid in article.title)"
            unaligned.append({**record, "reason": reason})
            continue
        match = _SPAN_ID.match(span_id)
        if match is None:
            unaligned.append({**record, "reason": f"span id {span_id!r} gives no sentence index"})
            continue
        k = int(match.group(1))
        if k >= len(flat):
            unaligned.append({**record, "reason": f"sentence {k} out of range ({len(flat)})"})
            continue
        if flat[k][start:end] != txt:
            unaligned.append({**record,
                              "reason": f"text at {start}:{end} of sentence {k} differs from txt"})
            continue
        s_start, _, p_index = sentences[k]
        attrs.update({"sentence_index": k, "paragraph_index": p_index,
                      "sentence_start": start, "sentence_end": end})
        annotations.append(Annotation(s_start + start, s_start + end, label, attrs,
                                      id=f"{span_id}-{index}"))

    meta: dict[str, Any] = {
        "uuid": raw.get("uuid"),
        "file": article_path.name,
        "year": article_path.parent.name,
        "main_event": raw.get("main-event") or None,
        "main_entities": raw.get("main-entities"),
        "relative_stance": stance_raw,
        "article_level_annotations": article_level,
        "sentences": sentences,
        "unaligned_annotations": unaligned,
    }
    for key in ("keywords", "word-count"):
        if key in raw:
            meta[key.replace("-", "_")] = raw[key]
    return Article(
        id=f"basil-{raw['triplet-uuid']}-{outlet}",
        text=text,
        outlet=outlet,
        event=str(raw["triplet-uuid"]),
        date=raw.get("date") or None,
        title=raw.get("title") or None,
        url=raw.get("url") or None,
        leaning=normalise_stance(stance_raw),
        meta=meta,
        annotations=annotations,
    )


def read_basil(root: str | os.PathLike[str]) -> list[Article]:
    """Read BASIL v2 into one :class:`Article` per news article.

    Parameters
    ----------
    root : path-like
        The BASIL folder holding ``articles/`` and ``annotations/``.

    Returns
    -------
    list of Article
        300 articles sorted by (event, outlet). ``id`` is
        ``basil-<triplet-uuid>-<outlet>``; ``event`` the triplet uuid
        (the event headline is ``meta["main_event"]``, taken from a sibling
        article -- flag ``meta["main_event_from_sibling"]`` -- for the 4
        articles where it is empty; one article has an empty title, given as
        None); ``outlet`` one of
        ``fox``/``hpo``/``nyt`` (from ``source``, lower-cased); ``leaning`` the
        normalised ``relative_stance``. Annotations have ``label``
        ``"lexical"``/``"informational"``, ``id`` ``"<span id>-<index>"`` and
        every other field of the span in ``attrs`` (``txt``, ``polarity``,
        ``aim``, ``target``, ``quote``, ``speaker``, ...) plus the
        ``sentence_index``/``paragraph_index`` and original in-sentence
        ``sentence_start``/``sentence_end``; ``text[a.start:a.end] ==
        a.attrs["txt"]`` always holds. Article-level labels are in
        ``meta["article_level_annotations"]`` and spans that could not be
        placed in the text in ``meta["unaligned_annotations"]``.

    Raises
    ------
    FileNotFoundError
        When ``root``, its ``articles/``/``annotations/`` folder or an
        article's annotation file is missing.
    """
    root = Path(root)
    _require_dir(root, "BASIL folder")
    articles_dir = _require_dir(root / "articles", "BASIL articles folder")
    annotations_dir = _require_dir(root / "annotations", "BASIL annotations folder")
    out: list[Article] = []
    for path in sorted(articles_dir.glob("*/*.json")):
        ann_path = annotations_dir / path.parent.name / f"{path.stem}_ann.json"
        if not ann_path.is_file():
            raise FileNotFoundError(f"BASIL annotation file missing: {ann_path} (for {path})")
        out.append(_article(path, ann_path))
    if not out:
        raise FileNotFoundError(f"no BASIL article files under {articles_dir}/<year>/*.json")
    out.sort(key=lambda a: (a.event or "", a.outlet or ""))
    # A few articles have an empty main-event: use the event's (first non-empty, by outlet).
    event_headline: dict[str, str] = {}
    for article in out:
        if article.meta["main_event"]:
            event_headline.setdefault(article.event or "", article.meta["main_event"])
    for article in out:
        if not article.meta["main_event"] and article.event in event_headline:
            article.meta["main_event"] = event_headline[article.event]
            article.meta["main_event_from_sibling"] = True
    return out
