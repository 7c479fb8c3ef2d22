"""The word-boundary filter of cue hits behind :func:`framing.attribution.cues.cues_from_hits`.

Internal: the build compiles this module with the attribution rules (``setup.py``), as a
BASIL article has about a hundred hits to filter.
"""

from __future__ import annotations

from collections.abc import Iterable

from .cues import Cue, CueHit


def cues_at_word_boundaries(lower: str, hits: Iterable[CueHit]) -> list[Cue]:
    """:func:`framing.attribution.cues.cues_from_hits`: the hits that start and end at word
    boundaries, overlapping ones resolved longest first."""
    n = len(lower)
    found: list[tuple[int, int, str, str, str]] = []
    for end_idx, (length, form, lemma, category) in hits:
        start = end_idx - length + 1
        end = end_idx + 1
        if start > 0 and (lower[start - 1].isalnum() or lower[start - 1] in "_-"):
            continue  # inside a word
        if end < n and (lower[end].isalnum() or lower[end] in "_-"):
            continue
        found.append((start, -end, form, lemma, category))
    found.sort()
    out: list[Cue] = []
    last_end = -1
    for start, neg_end, form, lemma, category in found:
        if start < last_end:
            continue
        # (the named tuple's own __new__ is interpreted code, this is the same tuple in C)
        out.append(tuple.__new__(Cue, (start, -neg_end, lemma, category, form)))
        last_end = -neg_end
    return out
