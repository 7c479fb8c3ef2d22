"""Finding attribution cues (reporting verbs and phrases) in one pass with Aho–Corasick.

The cue lexicon is ``framing/lexicons/reporting_verbs.tsv``: every surface form
of every lemma, each with one framing category. All forms go into one
automaton; a single scan of the lower-cased text finds every occurrence, and a
match counts only at word boundaries, longest match first.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

import ahocorasick

from ..lexicons import read_table

#: The categories a cue can have, in the order the lexicon header gives them.
CUE_CATEGORIES = ("neutral", "assertive", "distancing", "concessive", "denial", "alarm",
                  "emotive", "speculative", "directive", "praise", "reveal", "question",
                  "belief", "intention", "stance", "evidence", "naming")
#: Categories of ``attitude_cues.tsv``: attributions of beliefs, wishes, positions, findings.
ATTITUDE_CATEGORIES = frozenset(("belief", "intention", "stance", "evidence", "naming"))


class Cue(NamedTuple):
    """One cue occurrence: ``text[start:end]`` is the cue as written (a named tuple: a text
    has dozens, and a tuple is built in a third of a frozen dataclass's time)."""

    start: int
    end: int
    lemma: str
    category: str
    form: str


@cache
def cue_lexicon(attitudes: bool = True) -> dict[str, tuple[str, str]]:
    """``{form: (lemma, category)}`` from ``reporting_verbs.tsv`` (and ``attitude_cues.tsv``)."""
    out: dict[str, tuple[str, str]] = {}
    files = ("reporting_verbs.tsv", "attitude_cues.tsv") if attitudes else ("reporting_verbs.tsv",)
    for name in files:
        for row in read_table(name):
            for form in row["forms"].split(","):
                form = form.strip().lower()
                if form:
                    if form in out:
                        raise ValueError(f"{name}: cue form {form!r} already belongs to "
                                         f"{out[form][0]!r}")
                    out[form] = (row["lemma"], row["category"])
    return out


@cache
def _automaton(attitudes: bool = True) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for form, value in cue_values(attitudes).items():
        auto.add_word(form, value)
    auto.make_automaton()
    return auto


def lower_same_length(text: str) -> str:
    """``text.lower()``, except characters whose lower case is longer stay as they are."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def find_cues(lower: str, attitudes: bool = True) -> list[Cue]:
    """All cue occurrences in ``lower`` (a same-length lower-cased text), left to right.

    Overlapping matches are resolved longest first ("lashed out" over
    "lashed"); a match must start and end at word boundaries. ``attitudes=False``
    leaves out the cues of ``attitude_cues.tsv`` (beliefs, wishes, stances, findings).

    Examples
    --------
    >>> [(c.form, c.category) for c in find_cues("critics lashed out, officials said.")]
    [('lashed out', 'emotive'), ('said', 'neutral')]
    """
    return cues_from_hits(lower, _automaton(attitudes).iter(lower))


CueHit = tuple[int, tuple[int, str, str, str]]
"""An automaton report of a cue form: ``(end index, (length, form, lemma, category))``."""


def cue_values(attitudes: bool = True) -> dict[str, tuple[int, str, str, str]]:
    """``{form: (length, form, lemma, category)}``: the values :func:`cues_from_hits` reads,
    for an automaton that also holds other keys (one scan of a text for several lexicons)."""
    return {form: (len(form), form, lemma, category)
            for form, (lemma, category) in cue_lexicon(attitudes).items()}


def cues_from_hits(lower: str, hits: Iterable[CueHit]) -> list[Cue]:
    """The cues of :func:`find_cues` from an Aho–Corasick scan of ``lower`` that reported
    the cue forms as :func:`cue_values` gives them (in the automaton's order): the matches at
    word boundaries, overlapping ones resolved longest first. (The work is done in
    :mod:`framing.attribution._cue_hits`, which the build compiles.)"""
    from ._cue_hits import cues_at_word_boundaries

    return cues_at_word_boundaries(lower, hits)
