"""Finding attribution cues (reporting verbs and phrases) in one pass with Aho–Corasick.

The cue lexicon is ``framing/lexicons/reporting_verbs.tsv``: every surface form
of every lemma, each with one framing category. All forms go into one
automaton; a single scan of the lower-cased text finds every occurrence, and a
match counts only at word boundaries, longest match first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import ahocorasick

from ..lexicons import read_table

#: The categories a cue can have, in the order the lexicon header gives them.
CUE_CATEGORIES = ("neutral", "assertive", "distancing", "concessive", "denial", "alarm",
                  "emotive", "speculative", "directive", "praise", "reveal", "question")


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue occurrence: ``text[start:end]`` is the cue as written."""

    start: int
    end: int
    lemma: str
    category: str
    form: str


@cache
def cue_lexicon() -> dict[str, tuple[str, str]]:
    """``{form: (lemma, category)}`` from ``reporting_verbs.tsv``."""
    out: dict[str, tuple[str, str]] = {}
    for row in read_table("reporting_verbs.tsv"):
        for form in row["forms"].split(","):
            form = form.strip().lower()
            if form:
                out[form] = (row["lemma"], row["category"])
    return out


@cache
def _automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for form, (lemma, category) in cue_lexicon().items():
        auto.add_word(form, (len(form), form, lemma, category))
    auto.make_automaton()
    return auto


def lower_same_length(text: str) -> str:
    """``text.lower()``, except characters whose lower case is longer stay as they are."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def find_cues(lower: str) -> list[Cue]:
    """All cue occurrences in ``lower`` (a same-length lower-cased text), left to right.

    Overlapping matches are resolved longest first ("lashed out" over
    "lashed"); a match must start and end at word boundaries.

    Examples
    --------
    >>> [(c.form, c.category) for c in find_cues("critics lashed out, officials said.")]
    [('lashed out', 'emotive'), ('said', 'neutral')]
    """
    n = len(lower)
    hits: list[tuple[int, int, str, str, str]] = []
    for end_idx, (length, form, lemma, category) in _automaton().iter(lower):
        start = end_idx - length + 1
        end = end_idx + 1
        if start > 0 and (_is_word_char(lower[start - 1]) or lower[start - 1] == "-"):
            continue
        if end < n and (_is_word_char(lower[end]) or lower[end] == "-"):
            continue
        hits.append((start, -end, form, lemma, category))
    hits.sort()
    out: list[Cue] = []
    last_end = -1
    for start, neg_end, form, lemma, category in hits:
        if start < last_end:
            continue
        out.append(Cue(start, -neg_end, lemma, category, form))
        last_end = -neg_end
    return out
