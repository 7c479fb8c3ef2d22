"""Quotation-mark pairing that never raises: straight, curly, guillemet, nested and unbalanced.

:func:`find_quotes` returns every quoted stretch of a text as :class:`Quote`
records grouped into quotations. It works on the raw text (to tell ``“`` from
``”``) and its normalised twin (where every double mark is ``"``):

- a straight ``"`` opens after whitespace, a bracket or a dash, and closes
  before whitespace or punctuation;
- a paragraph that re-opens a quote without closing the previous one continues
  the same quotation (the news convention for multi-paragraph quotes);
- an opening mark left unclosed (and not re-opened by the next paragraph)
  ends at the end of its sentence, flagged ``unbalanced``; a stray closing
  mark is ignored;
- single quotes count as quotation marks only outside double quotes and when
  an opening and a closing mark pair up within one sentence (so apostrophes
  such as ``ISIS' goal`` and ``'90s`` are left alone); inside double quotes
  they are nested quotes and belong to the outer quotation.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from ..text._split import char_positions

_OPEN_D: Final = frozenset("\u201c\u201e\u201f\u00ab\u301d")
_CLOSE_D: Final = frozenset("\u201d\u00bb\u301e")
_SKIP_D: Final = frozenset("\u2033\u3003")  # double prime and ditto mark: not quotation marks
_OPEN_S: Final = frozenset("\u2018\u201a\u201b\u2039")
_BEFORE_OPEN: Final = frozenset("([{\u2014-/\u2013")
_AFTER_CLOSE: Final = frozenset(".,;:!?)]}\u2014-\u2013\u2026")

OPEN, CLOSE, AMBIGUOUS = 1, 2, 3


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted stretch; ``start:end`` is the content without the marks.

    ``open``/``close`` are the offsets of the marks (``close`` is -1 when the
    quote is unbalanced or continues in the next paragraph). Stretches of one
    multi-paragraph quotation share ``group``.
    """

    start: int
    end: int
    open: int
    close: int
    group: int
    single: bool = False
    unbalanced: bool = False


def _role_double(text: str, norm: str, i: int) -> int:
    raw = text[i]
    if raw in _OPEN_D:
        return OPEN
    if raw in _CLOSE_D:
        return CLOSE
    prev = norm[i - 1] if i > 0 else " "
    nxt = norm[i + 1] if i + 1 < len(norm) else " "
    prev_open = prev.isspace() or prev in _BEFORE_OPEN or prev == '"'
    next_close = nxt.isspace() or nxt in _AFTER_CLOSE or nxt == '"'
    if prev_open and not next_close:
        return OPEN
    if next_close and not prev_open:
        return CLOSE
    return AMBIGUOUS


def _trimmed(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str, norm: str, paragraphs: np.ndarray,
                sentences: np.ndarray) -> list[Quote]:
    """Pair the quotation marks of ``text``; see the module docstring for the rules.

    Parameters
    ----------
    text, norm : str
        The raw text and its :func:`framing.text.normalize_typography` form.
    paragraphs, sentences : ndarray of shape (n, 2)
        From :func:`framing.text.segment`.

    Returns
    -------
    list of Quote
        Sorted by start; empty stretches are dropped.
    """
    quotes: list[Quote] = []
    sent_starts = sentences[:, 0] if len(sentences) else np.empty(0, dtype=np.int64)

    def sentence_end(pos: int, cap: int) -> int:
        k = int(np.searchsorted(sent_starts, pos, side="right")) - 1
        end = int(sentences[k, 1]) if k >= 0 else cap
        return min(max(end, pos + 1), cap)

    def emit(open_: int, close: int, end: int, group: int, unbalanced: bool) -> None:
        s, e = _trimmed(norm, open_ + 1, end)
        if s < e:
            quotes.append(Quote(s, e, open_, close, group, False, unbalanced))

    group = 0
    open_at = -1
    prev_end = 0
    for ps, pe in paragraphs.tolist():
        marks = [i for i in char_positions(norm, '"', ps, pe) if text[i] not in _SKIP_D]
        if open_at >= 0:
            if marks and marks[0] == ps and _role_double(text, norm, ps) != CLOSE:
                emit(open_at, -1, prev_end, group, False)  # continues in this paragraph
                open_at = ps
                marks = marks[1:]
            else:  # never closed, not continued: recover the quote up to its sentence end
                emit(open_at, -1, sentence_end(open_at, prev_end), group, True)
                open_at = -1
                group += 1
        for i in marks:
            role = _role_double(text, norm, i)
            if open_at < 0:
                if role != CLOSE:
                    open_at = i
            elif role != OPEN:
                emit(open_at, i, i, group, False)
                open_at = -1
                group += 1
            else:  # a new quote opens while one is open: close the old one at its sentence end
                emit(open_at, -1, sentence_end(open_at, i), group, True)
                group += 1
                open_at = i
        prev_end = pe
    if open_at >= 0:
        emit(open_at, -1, sentence_end(open_at, prev_end), group, True)
        group += 1
    quotes.extend(_single_quotes(text, norm, sentences, quotes, group))
    quotes.sort(key=lambda q: q.start)
    return quotes


def quotation_ranges(quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """``(opening mark, closing mark)`` of every quote, sorted (an unclosed quote ends where
    its stretch ends): what :func:`in_quotation` tests against."""
    return sorted((q.open, q.close if q.close >= 0 else q.end) for q in quotes)


def in_quotation(ranges: Sequence[tuple[int, int]], opens: Sequence[int], pos: int) -> bool:
    """True when ``pos`` lies strictly inside one of ``ranges``: the ``(opening mark,
    closing mark)`` of a text's quotations, sorted, with ``opens`` their first items (the
    last three that open before ``pos`` are tested: quotations rarely nest deeper)."""
    k = bisect_right(opens, pos) - 1
    return any(a < pos < b for a, b in ranges[max(0, k - 2):k + 1])


def _inside_any(intervals: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of ``any(a <= i <= b for a, b in intervals)`` in logarithmic time: the
    intervals merged into sorted disjoint ones, then a bisection (a scan of every double
    quote for every single mark was quadratic on text full of marks)."""
    merged: list[list[int]] = []
    for a, b in sorted(intervals):
        if b < a:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]

    def inside(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and i <= merged[k][1]

    return inside


def _single_quotes(text: str, norm: str, sentences: np.ndarray, doubles: list[Quote],
                   group: int) -> list[Quote]:
    """Pairs of single quotation marks within one sentence, outside double quotes."""
    if "'" not in norm:
        return []
    inside = _inside_any([(q.open, q.close if q.close >= 0 else q.end) for q in doubles])
    out: list[Quote] = []
    n = len(norm)
    for ss, se in sentences.tolist():
        opener = -1
        for i in char_positions(norm, "'", ss, se):
            if inside(i):
                continue
            prev = norm[i - 1] if i > ss else " "
            nxt = norm[i + 1] if i + 1 < n else " "
            is_open = text[i] in _OPEN_S or (
                (prev.isspace() or prev in _BEFORE_OPEN or i == ss) and nxt.isalnum())
            is_close = text[i] not in _OPEN_S and (prev.isalnum() or prev in ".,!?") and (
                nxt.isspace() or nxt in _AFTER_CLOSE or i + 1 >= se)
            if opener < 0:
                if is_open:
                    opener = i
            elif is_close:
                s, e = _trimmed(norm, opener + 1, i)
                if s < e:
                    out.append(Quote(s, e, opener, i, group, True, False))
                    group += 1
                opener = -1
    return out
