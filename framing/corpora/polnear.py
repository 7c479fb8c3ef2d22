"""Reader for PolNeAR, the Political News Attribution Relations corpus.

PolNeAR has 1,008 articles from 7 US publishers about the 2016 presidential
campaign, annotated in brat standoff with attribution relations (who -- the
*source* -- said/thought -- the *cue* -- what -- the *content*).

Layout (``networkdynamics/PolNeAR``)::

    <root>/data/metadata.tsv
    <root>/data/<split>/text/<publisher>_<date>_<slug>.txt
    <root>/data/<split>/attributions/<publisher>_<date>_<slug>_<annotator>.ann

``root`` may be the PolNeAR folder or its ``data/`` folder.

brat format and representation
------------------------------
``T`` lines are text-bound spans (``T<n>\\t<Label> <s> <e>[;<s> <e>...]\\t<text>``;
the text may continue over several lines), ``E`` lines are the attribution
relations (``E<n>\\tAttribution:T<a> Content:T<c> Cue:T<u> Source:T<s>``; the
role ``Content2`` marks a second content span) and ``#`` lines annotator notes.

* :attr:`Article.annotations` holds every ``Source``/``Cue``/``Content`` span
  (plus the rare span of another label, e.g. ``Discuss``, that a relation uses
  in a Source/Cue/Content role) with ``id`` = the brat T id, ``label`` = the
  brat label, ``fragments`` = the brat fragments (``start`` = min,
  ``end`` = max) and ``attrs = {"attributions": [<E ids>]}``. It is always a
  list, because a span may take part in several relations (a shared source
  is common) or in none (an unlinked span gets ``[]``).
* ``meta["attributions"]`` lists the relations in file order as
  ``{"id", "type", "trigger", "source", "cue", "content", "content2"}`` with
  brat T ids (or None); :func:`polnear_attributions` resolves them to
  :class:`Annotation` objects.
* The ``Attribution``/``Attribution-no-source`` trigger spans (which repeat
  the cue) and ``Discuss``/``Discard`` flags are not annotations; they are
  kept in ``meta["other_spans"]``. Annotator notes are in
  ``meta["annotator_notes"]``.

Invariant: for every annotation, each fragment of the raw text equals the
corresponding piece of the brat text (brat joins fragments with one space).

Annotator choice
----------------
A few articles (the agreement-check articles) were annotated by several
annotators and have several ``.ann`` files. The reader deterministically uses
the annotator whose id sorts first among those with a file for the article
(``meta["annotator"]``); every annotator listed in ``metadata.tsv`` is in
``meta["annotators"]`` and those with a file in
``meta["available_annotators"]``.

Citation
--------
Edward Newell, Drew Margolin and Derek Ruths. 2018. "An Attribution Relations
Corpus for Political News". LREC 2018.

License
-------
None stated by the authors; the news text is copyright of the publishers.
Research/evaluation only. The authors ask that the ``test`` split is only
used for a single final evaluation.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path
from typing import Any

from .model import Annotation, Article

__all__ = ["read_polnear", "polnear_attributions", "parse_brat", "POLNEAR_SPLITS"]

#: The splits of the core dataset.
POLNEAR_SPLITS = ("train", "dev", "test")

#: Labels of the spans that become :class:`Annotation` objects.
SPAN_LABELS = ("Source", "Cue", "Content")

_RECORD = re.compile(r"^(?:[TERAMN#]\d+|\*)\t")
_ROLES = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content2"}
_TRIGGERS = ("Attribution", "Attribution-no-source")


def _data_dir(root: Path) -> Path:
    for candidate in (root / "data", root):
        if (candidate / "metadata.tsv").is_file():
            return candidate
    raise FileNotFoundError(
        f"PolNeAR data not found under {root}: expected data/metadata.tsv "
        "(point root at the PolNeAR folder, e.g. ../shared/data/polnear)")


def _read_metadata(data_dir: Path) -> dict[tuple[str, str], dict[str, str]]:
    with open(data_dir / "metadata.tsv", encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {(row["compartment"], row["filename"]): row for row in rows}


def parse_brat(content: str, source: str = "<string>") -> dict[str, Any]:
    """Parse brat standoff text into spans, relations and notes.

    Parameters
    ----------
    content : str
        The ``.ann`` file content. A line that does not start a record
        (``T<n>\\t``, ``E<n>\\t``, ``#<n>\\t``, ...) continues the previous one
        (span texts running over several lines); newlines beyond the length
        implied by a span's offsets are trailing, not part of its text.
    source : str
        Name used in error messages.

    Returns
    -------
    dict
        ``{"spans": {tid: {"label", "fragments", "text"}}, "events": [{"id",
        "type", "trigger", "args": [(role, tid), ...]}], "notes": {target: [note, ...]}}``.

    Raises
    ------
    ValueError
        For a malformed record.
    """
    records: list[str] = []
    for line in content.split("\n"):
        if _RECORD.match(line):
            records.append(line)
        elif records:
            records[-1] += "\n" + line
        elif line.strip():
            raise ValueError(f"{source}: text before the first brat record: {line[:60]!r}")
    spans: dict[str, dict[str, Any]] = {}
    events: list[dict[str, Any]] = []
    notes: dict[str, list[str]] = {}
    for record in records:
        rid = record.split("\t", 1)[0]
        try:
            if rid.startswith("T"):
                _, head, text = record.split("\t", 2)
                label, offsets = head.split(" ", 1)
                fragments = tuple(tuple(int(x) for x in part.split()) for part in offsets.split(";"))
                if any(len(f) != 2 for f in fragments):
                    raise ValueError("bad offsets")
                # Newlines after the span's last line (end of file, blank lines between
                # records) are not part of the text: the brat text is exactly as long as
                # the fragments plus one space between each two.
                expected = sum(e - s for s, e in fragments) + len(fragments) - 1
                while len(text) > expected and text.endswith("\n"):
                    text = text[:-1]
                spans[rid] = {"label": label, "fragments": fragments, "text": text}
            elif rid.startswith("E"):
                _, body = record.rstrip("\n").split("\t", 1)
                parts = [p.split(":", 1) for p in body.split()]
                etype, trigger = parts[0]
                events.append({"id": rid, "type": etype, "trigger": trigger,
                               "args": [(role, tid) for role, tid in parts[1:]]})
            elif rid.startswith("#"):
                _, head, *rest = record.rstrip("\n").split("\t", 2)
                target = head.split(" ", 1)[1] if " " in head else ""
                notes.setdefault(target, []).append(rest[0] if rest else "")
        except (ValueError, IndexError) as exc:
            raise ValueError(f"{source}: malformed brat record {record[:80]!r}") from exc
    return {"spans": spans, "events": events, "notes": notes}


def _fragment_pieces(span: dict[str, Any]) -> list[str]:
    """Split the brat text of a span into its fragments' texts (brat joins them with " ")."""
    pieces, pos = [], 0
    for s, e in span["fragments"]:
        pieces.append(span["text"][pos:pos + (e - s)])
        pos += e - s + 1
    return pieces


def _article(text_path: Path, ann_path: Path, annotator: str, meta_row: dict[str, str] | None,
             available: list[str]) -> Article:
    with open(text_path, encoding="utf-8", newline="") as fh:
        text = fh.read()
    with open(ann_path, encoding="utf-8", newline="") as fh:
        brat = parse_brat(fh.read(), str(ann_path))
    spans, events = brat["spans"], brat["events"]
    for tid, span in spans.items():
        for (s, e), piece in zip(span["fragments"], _fragment_pieces(span), strict=True):
            if not (0 <= s <= e <= len(text)) or text[s:e] != piece:
                raise ValueError(f"{ann_path}: {tid} fragment {s}:{e} does not match the text "
                                 f"of {text_path.name} ({text[s:e]!r} != {piece!r})")
        if " ".join(text[s:e] for s, e in span["fragments"]) != span["text"]:
            raise ValueError(f"{ann_path}: {tid} text {span['text'][:60]!r} is longer than "
                             "its fragments")

    membership: dict[str, list[str]] = {}
    in_role: set[str] = set()
    relations: list[dict[str, Any]] = []
    for event in events:
        rel: dict[str, Any] = {"id": event["id"], "type": event["type"],
                               "trigger": event["trigger"], "source": None, "cue": None,
                               "content": None, "content2": None}
        for role, tid in event["args"]:
            if tid not in spans:
                raise ValueError(f"{ann_path}: {event['id']} refers to unknown span {tid}")
            key = _ROLES.get(role)
            if key is None:
                raise ValueError(f"{ann_path}: {event['id']} has unknown role {role!r}")
            rel[key] = tid
            in_role.add(tid)
            membership.setdefault(tid, []).append(event["id"])
        relations.append(rel)

    annotations: list[Annotation] = []
    other: list[dict[str, Any]] = []
    for tid, span in spans.items():
        frags = span["fragments"]
        start, end = min(s for s, _ in frags), max(e for _, e in frags)
        if span["label"] in SPAN_LABELS or tid in in_role:
            annotations.append(Annotation(start, end, span["label"],
                                          {"attributions": membership.get(tid, [])},
                                          id=tid, fragments=frags))
        else:
            other.append({"id": tid, "label": span["label"], "start": start, "end": end,
                          "fragments": [list(f) for f in frags],
                          "attributions": membership.get(tid, [])})
    annotations.sort(key=lambda a: (a.start, a.end, int(a.id[1:]) if a.id else 0))

    row = meta_row or {}
    meta: dict[str, Any] = {
        "filename": text_path.stem,
        "annotator": annotator,
        "annotators": [a for a in row.get("annotators", "").split("|") if a] or available,
        "available_annotators": available,
        "attributions": relations,
        "other_spans": other,
        "annotator_notes": brat["notes"],
    }
    for key in ("author", "level", "trump_count", "clinton_count", "credit", "wire"):
        if key in row:
            value: Any = row[key]
            if key.endswith("_count") and str(value).isdigit():
                value = int(value)
            meta[key] = None if value == "None" else value
    publisher, date = row.get("publisher"), row.get("publication_date")
    if not publisher or not date:
        publisher_guess, date_guess, *_ = text_path.stem.split("_") + [None, None]
        publisher, date = publisher or publisher_guess, date or date_guess
    return Article(id=f"polnear-{text_path.stem}", text=text, outlet=publisher, date=date,
                   title=row.get("title") or None, meta=meta, annotations=annotations)


def read_polnear(root: str | os.PathLike[str], split: str = "train") -> list[Article]:
    """Read one split of PolNeAR into :class:`Article` objects with attribution spans.

    Parameters
    ----------
    root : path-like
        The PolNeAR folder (or its ``data/`` folder).
    split : {"train", "dev", "test"}
        The compartment to read. Use ``test`` only for a final evaluation.

    Returns
    -------
    list of Article
        One article per text file, sorted by file name. ``id`` is
        ``polnear-<filename>``; ``outlet``/``date``/``title`` come from
        ``metadata.tsv`` (publisher code, publication date, title). See the
        module docstring for the span representation and annotator choice.

    Raises
    ------
    ValueError
        For an unknown ``split`` or an ``.ann`` file inconsistent with its text.
    FileNotFoundError
        When the data folder, split folder or an article's ``.ann`` file is missing.
    """
    if split not in POLNEAR_SPLITS:
        raise ValueError(f"unknown PolNeAR split {split!r}; valid splits: {', '.join(POLNEAR_SPLITS)}")
    root = Path(root)
    if not root.exists():
        raise FileNotFoundError(f"PolNeAR folder not found: {root} (e.g. ../shared/data/polnear)")
    data_dir = _data_dir(root)
    text_dir, ann_dir = data_dir / split / "text", data_dir / split / "attributions"
    for folder in (text_dir, ann_dir):
        if not folder.is_dir():
            raise FileNotFoundError(f"PolNeAR {split} folder not found: {folder}")
    metadata = _read_metadata(data_dir)
    by_article: dict[str, list[str]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem, _, annotator = ann.stem.rpartition("_")
        by_article.setdefault(stem, []).append(annotator)
    out: list[Article] = []
    for text_path in sorted(text_dir.glob("*.txt")):
        available = sorted(by_article.get(text_path.stem, []))
        if not available:
            raise FileNotFoundError(f"no attribution .ann file for {text_path} in {ann_dir}")
        annotator = available[0]
        out.append(_article(text_path, ann_dir / f"{text_path.stem}_{annotator}.ann", annotator,
                            metadata.get((split, text_path.stem)), available))
    if not out:
        raise FileNotFoundError(f"no PolNeAR text files in {text_dir}")
    return out


def polnear_attributions(article: Article) -> list[dict[str, Any]]:
    """The attribution relations of a PolNeAR article, with their spans resolved.

    Parameters
    ----------
    article : Article
        An article from :func:`read_polnear`.

    Returns
    -------
    list of dict
        One dict per relation, in file order: ``{"id": "E<n>", "type":
        "Attribution"|"Attribution-no-source", "source", "cue", "content",
        "content2"}`` where each role is the :class:`Annotation` or None.

    Examples
    --------
    >>> from framing.corpora import Annotation, Article
    >>> art = Article("x", "He said it.", annotations=[
    ...     Annotation(0, 2, "Source", {"attributions": ["E1"]}, id="T1"),
    ...     Annotation(3, 7, "Cue", {"attributions": ["E1"]}, id="T2")],
    ...     meta={"attributions": [{"id": "E1", "type": "Attribution", "trigger": "T3",
    ...                             "source": "T1", "cue": "T2", "content": None,
    ...                             "content2": None}]})
    >>> rel = polnear_attributions(art)[0]
    >>> rel["source"].text_in(art.text), rel["cue"].text_in(art.text), rel["content"]
    ('He', 'said', None)
    """
    by_id = {a.id: a for a in article.annotations if a.id is not None}
    out: list[dict[str, Any]] = []
    for rel in article.meta.get("attributions", []):
        item: dict[str, Any] = {"id": rel["id"], "type": rel.get("type")}
        for role in ("source", "cue", "content", "content2"):
            tid = rel.get(role)
            item[role] = by_id.get(tid) if tid is not None else None
        out.append(item)
    return out
