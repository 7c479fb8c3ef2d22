"""The paragraph and sentence splitters of :mod:`framing.text.segment`, on normalised text.

Internal: :func:`framing.text.segment.paragraph_spans` and
:func:`~framing.text.segment.sentence_spans` document and call these. The build compiles this
module with mypyc (``setup.py``); segmentation runs before every extractor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from ..native import c_extension

# Sentence-final punctuation, with the closing quotes/brackets that belong to it,
# followed by whitespace. Runs on normalised text, so only straight quotes appear.
_TERMINATOR: Final = re.compile(r"[.!?\u2026]+[\"')\]]*(?=\s)")
_FINAL_CHARS: Final = ".!?\u2026"
# What follows a candidate boundary: whitespace, optional openers, first character.
_NEXT: Final = re.compile(r"\s+([\"'(\[]*)(\S)")
_NEXT_WORD: Final = re.compile(r"[^\W\d_]+")
_INITIALISM: Final = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
# Paragraph-final characters after which a paragraph is complete.
_PARA_TERMINAL: Final = frozenset(".!?:;\"')]\u2026")
# A heading or byline has fewer words than this; a longer paragraph with no final
# punctuation is a paragraph broken mid-sentence (PDF or web extraction damage).
_MIN_BROKEN_WORDS: Final = 15


def paragraphs(norm: str) -> list[tuple[int, int]]:
    """The paragraphs of ``norm`` (see :func:`framing.text.segment.paragraph_spans`)."""
    # Walk the lines with str.find (C speed) rather than a regex over every character.
    # A blank line or a Unicode paragraph separator (U+2029) ends a block.
    blocks: list[tuple[int, int]] = []
    block_start = -1
    pos, n = 0, len(norm)
    has_ps = "\u2029" in norm
    while pos <= n:
        nl = norm.find("\n", pos)
        if has_ps:
            ps = norm.find("\u2029", pos)
            if ps != -1 and (nl == -1 or ps < nl):
                nl = ps
        line_end = n if nl == -1 else nl
        if norm[pos:line_end].strip():
            if block_start < 0:
                block_start = pos
        elif block_start >= 0:
            _add_block(norm, block_start, pos, blocks)
            block_start = -1
        if nl == -1:
            break
        if norm[nl] == "\u2029" and block_start >= 0:
            _add_block(norm, block_start, nl, blocks)
            block_start = -1
        pos = nl + 1
    if block_start >= 0:
        _add_block(norm, block_start, n, blocks)
    merged: list[tuple[int, int]] = []
    i = 0
    while i < len(blocks):
        start, end = blocks[i]
        while i + 1 < len(blocks) and _is_broken(norm, start, end, blocks[i + 1][0]):
            i += 1
            end = blocks[i][1]
        merged.append((start, end))
        i += 1
    return merged


def _add_block(norm: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    chunk = norm[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        out.append((start + lead, start + lead + len(stripped)))


def _is_broken(norm: str, start: int, end: int, next_start: int) -> bool:
    """True when the block ``norm[start:end]`` continues into the next block."""
    if norm[end - 1] in _PARA_TERMINAL:
        return False
    nxt = norm[next_start]
    if nxt.islower():
        return True
    return len(norm[start:end].split()) >= _MIN_BROKEN_WORDS and nxt.isalpha()


def sentences(norm: str, paras: list[tuple[int, int]], titles: frozenset[str],
              prefixes: frozenset[str], suffixes: frozenset[str],
              starters: frozenset[str]) -> list[tuple[int, int]]:
    """The sentences of ``norm`` in the paragraphs ``paras``, given the abbreviation table's
    kinds (see :func:`framing.text.segment.sentence_spans`)."""
    out: list[tuple[int, int]] = []
    for p_start, p_end in paras:
        start = p_start
        for t_start, t_end, next_open, next_first in _candidates(norm, p_start, p_end):
            if next_first < 0:
                continue
            first = norm[next_first]
            if first.islower():
                continue
            if norm[t_start] == "." and norm.count(".", t_start, t_end) == 1:
                k = max(norm.rfind(" ", start, t_start), norm.rfind("\n", start, t_start),
                        start - 1) + 1
                word = norm[k:t_start].lstrip("\"'([")
                lw = word.lower()
                if lw in titles:
                    continue
                if len(word) == 1 and word.isalpha():
                    continue  # an initial: "John F. Kennedy"
                if first.isdigit() and lw in prefixes:
                    continue
                if lw in suffixes or _INITIALISM.fullmatch(word):
                    w = _NEXT_WORD.match(norm, next_first)
                    if w is None or w.group().lower() not in starters:
                        continue
            out.append((start, t_end))
            start = next_open
        if start < p_end:
            out.append((start, p_end))
    return out


# the candidates in C (framing/text/_cscan.c), where it is built
_cscan = c_extension("framing.text._cscan")
_c_terminators: Callable[[str, int, int], list[tuple[int, int, int, int]]] | None = (
    None if _cscan is None else _cscan.terminators)


def _candidates(norm: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """The candidate sentence ends in ``norm[start:end]``: ``(first, after, open, next)``
    for each match of :data:`_TERMINATOR` (see :func:`_terminators`), with where the match
    of :data:`_NEXT` after it opens its group 1 and 2 (-1 for both when it does not match)."""
    if _c_terminators is not None:
        return _c_terminators(norm, start, end)
    out: list[tuple[int, int, int, int]] = []
    for m in _terminators(norm, start, end):
        nxt = _NEXT.match(norm, m.end(), end)
        out.append((m.start(), m.end(), -1, -1) if nxt is None else
                   (m.start(), m.end(), nxt.start(1), nxt.start(2)))
    return out


def _terminators(norm: str, start: int, end: int) -> list[re.Match[str]]:
    """Matches of :data:`_TERMINATOR` in ``norm[start:end]``, found with str.find."""
    out: list[re.Match[str]] = []
    covered = -1
    for i in char_positions(norm, _FINAL_CHARS, start, end):
        if i < covered:
            continue
        m = _TERMINATOR.match(norm, i, end)
        if m is not None:
            out.append(m)
            covered = m.end()
        else:  # no match from here, nor from anywhere later in this run of "...!?": skip it
            covered = i + 1
            while covered < end and norm[covered] in _FINAL_CHARS:
                covered += 1
    return out


def char_positions(text: str, chars: str, start: int, end: int) -> list[int]:
    """The sorted offsets in ``text[start:end]`` of every occurrence of one of ``chars``,
    found with ``str.find`` (no match object per occurrence); shared with the attribution
    rules, which look for quotation marks and clause breaks the same way."""
    out: list[int] = []
    for ch in chars:
        i = text.find(ch, start, end)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1, end)
    if len(chars) > 1:
        out.sort()
    return out
