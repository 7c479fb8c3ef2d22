"""Reader and importer for the AllSides headline roundups collected for NeuS.

Each AllSides "headline roundup" is one news event covered by a left, a
center and a right outlet, plus a neutral AllSides summary. The NeuS authors
crawled 506 roundups (2021-04-22 ... 2021-10-18); 469 have all three sides.
The body of each side is only the first paragraphs AllSides shows, not the
full article.

Source record (``allsides_headline_roundups_2021-10-19.jsonl``)::

    {"id", "issue", "topic", "link", "date", "roundup": [paragraphs],
     "news": {"left"|"center"|"right": {"newsSource", "newsTitle", "newsLink",
              "newBody": [paragraphs], "stance", "stance_specific", "topicID",
              "opinionTag"}}}

Mapping: one :class:`Article` per event and side, ``id`` =
``allsides-<event id>-<side>``, ``event`` = the roundup id (as a string),
``outlet`` = ``newsSource``, ``leaning`` = the side, ``title`` = ``newsTitle``
(not repeated in the text), ``url`` = ``newsLink``, ``date`` = the date part
of the roundup timestamp as written (its local date, ``YYYY-MM-DD``), ``text``
= the body paragraphs, each stripped of surrounding whitespace, empty ones
left out, joined with ``"\\n\\n"``. ``meta`` carries the roundup's ``issue``,
``topic``, ``roundup`` summary (paragraphs joined like the text),
``allsides_link``, ``roundup_datetime`` and the side's ``stance_specific``,
``topic_id`` and ``opinion_tag``.

Citation
--------
Nayeon Lee, Yejin Bang, Tiezheng Yu, Andrea Madotto and Pascale Fung. 2022.
"NeuS: Neutral Multi-News Summarization for Mitigating Framing Bias".
NAACL 2022. Data from https://github.com/HLTCHKUST/framing-bias-metric.

License
-------
The repository README states MIT; the content (summaries, headlines, article
excerpts) is copyright AllSides and the publishers. Research use only; the
converted corpus may live in the project's top-level ``corpora/`` folder with
this citation, never inside the installed package.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .._atomic import atomic_write
from .io import write_jsonl
from .model import LEANINGS, Article

__all__ = ["read_allsides_roundups", "import_allsides_roundups", "ALLSIDES_ROUNDUPS_FILE",
           "OUTPUT_NAME"]

log = logging.getLogger(__name__)

#: The file name of the NeuS roundup crawl.
ALLSIDES_ROUNDUPS_FILE = "allsides_headline_roundups_2021-10-19.jsonl"
#: Name of the corpus file written by :func:`import_allsides_roundups`.
OUTPUT_NAME = "allsides-roundups.jsonl"
ORIGIN = "HLTCHKUST/framing-bias-metric @1586f55a"
CITATION = ('Lee, Nayeon, Yejin Bang, Tiezheng Yu, Andrea Madotto and Pascale Fung. 2022. '
            '"NeuS: Neutral Multi-News Summarization for Mitigating Framing Bias". NAACL 2022.')


def _resolve(path: str | os.PathLike[str]) -> Path:
    path = Path(path)
    if path.is_dir():
        path = path / ALLSIDES_ROUNDUPS_FILE
    if not path.is_file():
        raise FileNotFoundError(
            f"AllSides roundups file not found: {path} (expected {ALLSIDES_ROUNDUPS_FILE}, "
            "e.g. ../shared/data/allsides-roundups-neus/)")
    return path


def _paragraphs(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = [value]
    return "\n\n".join(p.strip() for p in value if p and p.strip())


def _iso_date(value: Any) -> str | None:
    """``2021-10-18T16:15:00-07:00`` -> ``2021-10-18`` (the date as written)."""
    if not value:
        return None
    text = str(value).strip()
    date = text[:10]
    if len(date) != 10 or date[4] != "-" or date[7] != "-" or not date.replace("-", "").isdigit():
        raise ValueError(f"unexpected AllSides roundup date {value!r}")
    return date


def _iter_records(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{line_no}: invalid JSON ({exc.msg})") from exc


def _side_article(record: dict[str, Any], side: str, news: dict[str, Any]) -> Article:
    event = str(record["id"])
    meta: dict[str, Any] = {
        "issue": record.get("issue"),
        "topic": record.get("topic"),
        "roundup": _paragraphs(record.get("roundup")),
        "allsides_link": record.get("link"),
        "roundup_datetime": record.get("date"),
        "stance_specific": news.get("stance_specific"),
        "topic_id": news.get("topicID"),
        "opinion_tag": news.get("opinionTag"),
    }
    return Article(
        id=f"allsides-{event}-{side}",
        text=_paragraphs(news.get("newBody")),
        outlet=news.get("newsSource") or None,
        event=event,
        date=_iso_date(record.get("date")),
        title=news.get("newsTitle") or None,
        url=news.get("newsLink") or None,
        leaning=side,
        meta={k: v for k, v in meta.items() if v is not None},
    )


def _event_key(record: dict[str, Any]) -> tuple[int, str]:
    rid = record["id"]
    return (int(rid), "") if str(rid).isdigit() else (-1, str(rid))


def read_allsides_roundups(path: str | os.PathLike[str],
                           missing: list[tuple[str, str]] | None = None) -> list[Article]:
    """Read the AllSides headline roundups, one :class:`Article` per event and side.

    Parameters
    ----------
    path : path-like
        ``allsides_headline_roundups_2021-10-19.jsonl`` or the folder holding it.
    missing : list, optional
        If given, one ``(event id, side)`` tuple is appended for every side an
        event lacks (those sides are skipped). Missing sides are also logged
        (one INFO line with the total) either way.

    Returns
    -------
    list of Article
        Sorted by event id (numerically) and side (left, center, right).

    Raises
    ------
    FileNotFoundError
        When the file is missing.
    ValueError
        For invalid JSON or an unexpected date.
    """
    src = _resolve(path)
    records = sorted(_iter_records(src), key=_event_key)
    out: list[Article] = []
    skipped: list[tuple[str, str]] = []
    for record in records:
        news = record.get("news") or {}
        for side in LEANINGS:
            if side in news and news[side]:
                out.append(_side_article(record, side, news[side]))
            else:
                skipped.append((str(record["id"]), side))
    if skipped:
        log.info("%s: skipped %d missing event sides (of %d events)", src.name, len(skipped),
                 len(records))
    if missing is not None:
        missing.extend(skipped)
    return out


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def import_allsides_roundups(src: str | os.PathLike[str],
                             dest_dir: str | os.PathLike[str]) -> dict[str, Any]:
    """Convert the roundups into the project's JSONL corpus, keeping complete events only.

    Writes ``dest_dir/allsides-roundups.jsonl`` (events with all of left,
    center and right; sorted by event id then side; atomic) and
    ``dest_dir/SOURCE.json`` (provenance: source file name and SHA-256,
    output SHA-256, counts and the dropped events with the reason). The output
    depends only on the source file: running twice gives byte-identical files.

    Parameters
    ----------
    src : path-like
        The roundups ``.jsonl`` file (or its folder).
    dest_dir : path-like
        Output folder (created if needed).

    Returns
    -------
    dict
        The content written to ``SOURCE.json``.

    Raises
    ------
    FileNotFoundError
        When ``src`` is missing.
    """
    src_path = _resolve(src)
    dest = Path(dest_dir)
    missing: list[tuple[str, str]] = []
    articles = read_allsides_roundups(src_path, missing=missing)
    n_events = sum(1 for _ in _iter_records(src_path))
    lacking: dict[str, list[str]] = {}
    for event, side in missing:
        lacking.setdefault(event, []).append(side)
    kept = [a for a in articles if a.event not in lacking]
    n_written = write_jsonl(kept, dest / OUTPUT_NAME)
    dropped = [{"event": event, "reason": "missing side(s): " + ", ".join(sides),
                "missing_sides": sides}
               for event, sides in sorted(lacking.items(), key=lambda kv: _event_key({"id": kv[0]}))]
    info: dict[str, Any] = {
        "source_file": src_path.name,
        "source_sha256": _sha256(src_path),
        "origin": ORIGIN,
        "citation": CITATION,
        "output_file": OUTPUT_NAME,
        "output_sha256": _sha256(dest / OUTPUT_NAME),
        "selection": "events with all three sides (left, center, right); "
                     "sorted by event id, then left/center/right",
        "counts": {
            "events_in_source": n_events,
            "events_kept": len({a.event for a in kept}),
            "events_dropped": len(dropped),
            "articles": n_written,
            "articles_in_source": len(articles),
            "missing_sides": len(missing),
        },
        "dropped_events": dropped,
    }
    with atomic_write(dest / "SOURCE.json") as fh:
        fh.write(json.dumps(info, sort_keys=True, indent=2, ensure_ascii=False))
        fh.write("\n")
    return info
