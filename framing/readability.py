"""Readability scores, working offline: textstat's, and a one-pass fast engine.

textstat looks up syllables in NLTK's CMU dictionary and downloads it when it
is missing; :func:`framing._nltk.ensure_nltk_data` makes it find the copy
shipped in this package first, so no download is ever attempted.

textstat re-tokenises the text for every measure and counts syllables word by
word (about 4 ms for a 640-word article); :func:`fast_readability` computes the
same published formulas from one tokenisation, with syllables from the same CMU
dictionary and the same pyphen fallback, looked up once per distinct word
(about 0.3 ms).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ._nltk import ensure_nltk_data
from .text import WORD_RE

#: textstat functions reported by :func:`readability_scores`, in output order.
READABILITY_MEASURES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)


@cache
def _textstat() -> Any:
    ensure_nltk_data()
    import textstat

    return textstat


def syllable_count(text: str) -> int:
    """Number of syllables in ``text`` (CMU dictionary, offline).

    Examples
    --------
    >>> syllable_count("hypocrisy and cynicism")
    9
    """
    return int(_textstat().syllable_count(text))


def readability_scores(text: str) -> dict[str, float]:
    """Standard readability measures of ``text``, keyed by textstat's function names.

    Parameters
    ----------
    text : str

    Returns
    -------
    dict of str to float
        One entry per name in :data:`READABILITY_MEASURES`.
    """
    ts = _textstat()
    return {name: float(getattr(ts, name)(text)) for name in READABILITY_MEASURES}


# ------------------------------------------------------------------------------------------
# The fast engine: one pass over the words, syllables looked up once per distinct word

#: Words that are not in the CMU dictionary get pyphen's hyphenation points + 1, as textstat
#: does; their counts are remembered up to this many distinct words.
_OOV_CACHE_SIZE = 200_000


#: Characters other than letters and digits that a ``WORD_RE`` token can hold.
_JOINERS = "-'.\u2019,:"
_DIGITS = re.compile(r"\d+")
#: ``{lower-case word: (syllables, unfamiliar)}``, filled as words are met (bounded).
_WORD_INFO: dict[str, tuple[int, bool]] = {}


def _word_info(word: str) -> tuple[int, bool]:
    """Syllables of a lower-case word and whether it is unfamiliar for Dale–Chall (not on the
    list and not a number), remembered in :data:`_WORD_INFO`."""
    n = _cmu_syllables().get(word)
    if n is None:  # out of the dictionary: pyphen
        n = word_syllables(word)
    got = (n, word not in _easy_words() and not word[0].isdigit())
    if len(_WORD_INFO) >= _OOV_CACHE_SIZE:
        _WORD_INFO.clear()
    _WORD_INFO[word] = got
    return got


@cache
def _cmu_syllables() -> dict[str, int]:
    """``{lower-case word: syllables}`` from the shipped CMU dictionary (first pronunciation)."""
    path = Path(ensure_nltk_data()) / "corpora" / "cmudict" / "cmudict"
    out: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, variant, *phones = line.split()
            if variant == "1":
                out[word.lower()] = sum(p[-1].isdigit() for p in phones)
    return out


@cache
def _easy_words() -> frozenset[str]:
    """The Dale–Chall list of familiar words, as installed with textstat (lower case)."""
    text = resources.files("textstat").joinpath("resources/en/easy_words.txt").read_text("utf-8")
    return frozenset(w.strip().lower() for w in text.split() if w.strip())


@cache
def _pyphen() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="en_US")


_OOV: dict[str, int] = {}


def word_syllables(word: str) -> int:
    """Syllables of one word: CMU dictionary, else pyphen's hyphenation points + 1.

    Examples
    --------
    >>> word_syllables("hypocrisy"), word_syllables("Fallujah")
    (4, 3)
    """
    low = word.lower()
    n = _cmu_syllables().get(low)
    if n is not None:
        return n
    n = _OOV.get(low)
    if n is None:
        n = len(_pyphen().positions(low)) + 1
        if len(_OOV) >= _OOV_CACHE_SIZE:
            _OOV.clear()
        _OOV[low] = n
    return n


def fast_readability(text: str, n_sentences: int | None = None,
                     words: Sequence[str] | None = None) -> dict[str, float]:
    """The measures of :data:`READABILITY_MEASURES` in one pass, plus the counts behind them.

    Words are :data:`framing.text.WORD_RE` tokens; sentences are
    :func:`framing.text.segment` sentences unless ``n_sentences`` is given;
    syllables come from :func:`word_syllables`, looked up once per distinct
    word. The formulas are the published ones, unrounded: Flesch (1948) reading
    ease, Kincaid et al. (1975) grade, Gunning (1952) fog with complex words =
    three or more syllables, McLaughlin (1969) SMOG (0 below three sentences, as
    textstat), Coleman & Liau (1975), Senter & Smith (1967) ARI, and the
    Dale–Chall (1948) score with the +3.6365 adjustment above 5% unfamiliar
    words (a word is unfamiliar when it is not on the Dale–Chall list
    installed with textstat and is not a number). ARI counts letters and digits
    as characters (textstat also counts punctuation).
    textstat tokenises and splits sentences differently, so values differ from
    :func:`readability_scores` slightly (measured in ``tests/test_readability.py``).

    Parameters
    ----------
    text : str
    n_sentences : int, optional
        The sentence count, if already known.
    words : sequence of str, optional
        ``WORD_RE.findall(text.lower())``, if already computed (by
        :func:`framing.features.analysis.lower_words`).

    Returns
    -------
    dict of str to float
        The seven measures plus ``words``, ``sentences``, ``syllables``,
        ``polysyllables``, ``letters``, ``characters`` and ``difficult_words``.
        All zero for a text without words.

    Examples
    --------
    >>> r = fast_readability("The cat sat on the mat. It was a remarkably comfortable mat.")
    >>> r["words"], r["sentences"], r["syllables"], r["polysyllables"]
    (12.0, 2.0, 18.0, 2.0)
    """
    if words is None:
        words = WORD_RE.findall(text.lower())
    keys = ("words", "sentences", "syllables", "polysyllables", "letters", "characters",
            "difficult_words")
    out = dict.fromkeys((*READABILITY_MEASURES, *keys), 0.0)
    if not words:
        return out
    if n_sentences is None:
        from .text import segment

        n_sentences = len(segment(text).sentences)
    n_sent = max(int(n_sentences), 1)
    counts = Counter(words)
    info = _WORD_INFO.get
    syl = poly = difficult = 0
    for w, c in counts.items():
        n, hard = info(w) or _word_info(w)
        syl += n * c
        if n >= 3:
            poly += c
        if hard:
            difficult += c
    n_words = len(words)
    joined = "".join(words)
    # a word token's characters are letters, digits and the joiners - ' . ’ , :
    characters = len(joined) - sum(joined.count(ch) for ch in _JOINERS)
    letters = characters - sum(map(len, _DIGITS.findall(joined)))
    asl, asw = n_words / n_sent, syl / n_words
    pct_difficult = 100.0 * difficult / n_words
    out.update(
        flesch_reading_ease=206.835 - 1.015 * asl - 84.6 * asw,
        flesch_kincaid_grade=0.39 * asl + 11.8 * asw - 15.59,
        gunning_fog=0.4 * (asl + 100.0 * poly / n_words),
        smog_index=(1.043 * math.sqrt(poly * 30.0 / n_sent) + 3.1291) if n_sent >= 3 else 0.0,
        coleman_liau_index=0.0588 * (100.0 * letters / n_words)
        - 0.296 * (100.0 * n_sent / n_words) - 15.8,
        automated_readability_index=4.71 * characters / n_words + 0.5 * asl - 21.43,
        dale_chall_readability_score=0.1579 * pct_difficult + 0.0496 * asl
        + (3.6365 if pct_difficult > 5 else 0.0),
        words=float(n_words), sentences=float(n_sent), syllables=float(syl),
        polysyllables=float(poly), letters=float(letters), characters=float(characters),
        difficult_words=float(difficult))
    return out
