"""Reader for BABE (Bias Annotations By Experts) and MBIC sentence-level media bias data.

Files (``;``-separated CSV, in ``babe-mbic/data``)::

    final_labels_SG2.csv   3,674 sentences, 5 expert annotators (BABE)
    final_labels_SG1.csv   1,700 sentences, 8 expert annotators (BABE)
    final_labels_MBIC.csv  the same 1,700 sentences labelled by crowd workers (MBIC)

Columns: ``text;news_link;outlet;topic;type;[group_id;num_sent;]label_bias;
label_opinion;biased_words`` where ``type`` is the outlet's leaning
(left/center/right, empty for some SG2 rows) and ``biased_words`` a Python
list literal of the words annotators marked as biased.

Mapping: one :class:`Article` per sentence (``id`` = ``babe-<which>-<row>``,
row 1-based in file order), ``text`` = the sentence stripped of surrounding
whitespace, ``outlet``, ``url`` = ``news_link``, ``leaning`` = ``type``
(None when empty), ``meta`` = ``topic``, ``label_bias``, ``label_opinion``,
``news_link``, ``biased_words`` (the original list) and the MBIC extra
columns.

Biased-word matching
--------------------
Each listed word becomes an :class:`Annotation` labelled ``"biased_word"``
(``attrs = {"word": <as listed>, "match": <how>}``). Words are matched in the
listed order, case-insensitively, on word boundaries (no letter/digit/``_``
right before or after), taking the *first occurrence that does not overlap
a span already used* for this sentence (so a word listed twice gets two
different occurrences). Straight quotes in a word also match curly quotes
(``match="exact"``); if that fails, quote characters around the word are
stripped and the bare word is tried (``match="quotes_stripped"``).

A word whose every occurrence overlaps a span already used -- the lists merge
several annotators' picks, so the same token is often listed twice in
different case (``'Wuhan'``, ``'wuhan'``) or as part of an already listed
compound (``'do'`` after ``'do-nothingism'``) -- gets no second span; it is
recorded in ``meta["covered_biased_words"]`` as ``{"word", "start", "end"}``
(its first occurrence). Words that do not occur in the sentence at all (typos
such as ``"demoize"``, other inflections) are kept in
``meta["unmatched_biased_words"]``. Nothing is dropped silently: every listed
word is a span, a covered word or an unmatched word.

Citation
--------
Timo Spinde, Manuel Plank, Jan-David Krieger, Terry Ruas, Bela Gipp and Akiko
Aizawa. 2021. "Neural Media Bias Detection Using Distant Supervision With
BABE - Bias Annotations By Experts". Findings of EMNLP 2021, pp. 1166-1177.
MBIC: Timo Spinde, Lada Rudnitckaia, Kanishka Sinha, Felix Hamborg, Bela Gipp
and Karsten Donnay. 2021. "MBIC - A Media Bias Annotation Dataset Including
Annotator Characteristics". iConference 2021.

License
-------
Repository under AGPL-3.0; sentences are copyright of the publishers.
Research/evaluation only; not shippable inside a non-AGPL package.
"""

from __future__ import annotations

import ast
import csv
import os
import re
from pathlib import Path
from typing import Any

from .model import LEANINGS, Annotation, Article

__all__ = ["read_babe", "match_biased_words", "BABE_FILES"]

#: The label files, by ``which``.
BABE_FILES = {"SG1": "final_labels_SG1.csv", "SG2": "final_labels_SG2.csv",
              "MBIC": "final_labels_MBIC.csv"}

_DQUOTE = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb"
_SQUOTE = "'\u2018\u2019\u201a\u201b`"
_STRIP = _DQUOTE + _SQUOTE


def _word_pattern(word: str) -> re.Pattern[str]:
    parts = []
    for ch in word:
        if ch in _DQUOTE:
            parts.append("[" + re.escape(_DQUOTE) + "]")
        elif ch in _SQUOTE:
            parts.append("[" + re.escape(_SQUOTE) + "]")
        elif ch.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(ch))
    return re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)", re.IGNORECASE)


def _find(text: str, word: str,
          used: list[tuple[int, int]]) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """First free (non-overlapping) occurrence, and first occurrence of any kind."""
    first = None
    if not word:
        return None, None
    for m in _word_pattern(word).finditer(text):
        if m.end() == m.start():
            continue
        if first is None:
            first = (m.start(), m.end())
        if all(m.end() <= s or m.start() >= e for s, e in used):
            return (m.start(), m.end()), first
    return None, first


def match_biased_words(text: str, words: list[str]
                       ) -> tuple[list[Annotation], list[dict[str, Any]], list[str]]:
    """Locate annotators' biased words in a sentence.

    Parameters
    ----------
    text : str
        The sentence.
    words : list of str
        The ``biased_words`` list, in the dataset's order.

    Returns
    -------
    annotations : list of Annotation
        ``"biased_word"`` spans (see the module docstring for the rule), sorted by offset.
    covered : list of dict
        ``{"word", "start", "end"}`` for words found only inside spans already used.
    unmatched : list of str
        The words that do not occur in the sentence, in the given order.

    Examples
    --------
    >>> spans, covered, missing = match_biased_words(
    ...     "A bizarre, bizarre idea.", ["Bizarre", "bizarre", "BIZARRE", "odd"])
    >>> [(a.start, a.end) for a in spans], covered, missing
    ([(2, 9), (11, 18)], [{'word': 'BIZARRE', 'start': 2, 'end': 9}], ['odd'])
    """
    used: list[tuple[int, int]] = []
    spans: list[Annotation] = []
    covered: list[dict[str, Any]] = []
    unmatched: list[str] = []
    for word in words:
        clean = str(word).strip()
        how = "exact"
        found, first = _find(text, clean, used)
        stripped = clean.strip(_STRIP).strip()
        if found is None and stripped and stripped != clean:
            found, first_stripped = _find(text, stripped, used)
            how = "quotes_stripped"
            first = first or first_stripped
        if found is not None:
            used.append(found)
            spans.append(Annotation(found[0], found[1], "biased_word",
                                    {"word": word, "match": how}))
        elif first is not None:
            covered.append({"word": word, "start": first[0], "end": first[1]})
        else:
            unmatched.append(word)
    spans.sort(key=lambda a: (a.start, a.end))
    return spans, covered, unmatched


def _parse_words(value: str, where: str) -> list[str]:
    value = (value or "").strip()
    if not value:
        return []
    try:
        words = ast.literal_eval(value)
    except (ValueError, SyntaxError) as exc:
        raise ValueError(f"{where}: cannot parse biased_words {value[:80]!r}") from exc
    if not isinstance(words, list | tuple) or not all(isinstance(w, str) for w in words):
        raise ValueError(f"{where}: biased_words is not a list of strings: {value[:80]!r}")
    return list(words)


def _resolve(path: Path, which: str) -> Path:
    name = BABE_FILES[which]
    if path.is_file():
        return path
    for candidate in (path / name, path / "data" / name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"BABE/MBIC file {name} not found under {path} (expected babe-mbic/data/{name}, "
        "e.g. ../shared/data/babe-mbic/data)")


def read_babe(path: str | os.PathLike[str], which: str = "SG2") -> list[Article]:
    """Read BABE (SG1/SG2) or MBIC into one :class:`Article` per sentence.

    Parameters
    ----------
    path : path-like
        The ``babe-mbic/data`` folder, the ``babe-mbic`` folder, or a label CSV file.
    which : {"SG2", "SG1", "MBIC"}
        Which label file to read (ignored when ``path`` is a file).

    Returns
    -------
    list of Article
        In file order, with ``"biased_word"`` annotations,
        ``meta["covered_biased_words"]`` and ``meta["unmatched_biased_words"]``
        (see the module docstring).

    Raises
    ------
    ValueError
        For an unknown ``which`` or an unparsable row.
    FileNotFoundError
        When the file is missing.
    """
    key = which.strip().upper()
    if key not in BABE_FILES:
        raise ValueError(f"unknown BABE file {which!r}; valid: {', '.join(BABE_FILES)}")
    src = _resolve(Path(path), key)
    out: list[Article] = []
    # utf-8-sig: the SG1/SG2 CSV files start with a byte-order mark.
    with open(src, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=";")
        missing_cols = {"text", "outlet", "type", "biased_words"} - set(reader.fieldnames or ())
        if missing_cols:
            raise ValueError(f"{src}: missing columns {sorted(missing_cols)}")
        for row_no, row in enumerate(reader, 1):
            where = f"{src}:row {row_no}"
            text = (row.get("text") or "").strip()
            words = _parse_words(row.get("biased_words", ""), where)
            spans, covered, unmatched = match_biased_words(text, words)
            leaning = (row.get("type") or "").strip().lower() or None
            if leaning is not None and leaning not in LEANINGS:
                raise ValueError(f"{where}: unknown type {leaning!r}")
            meta: dict[str, Any] = {
                "topic": row.get("topic"),
                "label_bias": row.get("label_bias"),
                "label_opinion": row.get("label_opinion"),
                "news_link": row.get("news_link"),
                "biased_words": words,
                "covered_biased_words": covered,
                "unmatched_biased_words": unmatched,
            }
            for extra in ("group_id", "num_sent"):
                if row.get(extra) not in (None, ""):
                    meta[extra] = row[extra]
            out.append(Article(id=f"babe-{key.lower()}-{row_no:05d}", text=text,
                               outlet=(row.get("outlet") or "").strip() or None,
                               url=(row.get("news_link") or "").strip() or None,
                               leaning=leaning, meta=meta, annotations=spans))
    return out
