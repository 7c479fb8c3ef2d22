"""The per-word part of :class:`framing.features.vader.FastVader`: VADER's words and valences.

An internal module, compiled with mypyc when the build can (see ``setup.py`` and
:mod:`framing.native`): scoring sentences word by word is a sixth of the full
feature set's time. :class:`~framing.features.vader.FastVader` keeps the public
methods, the emoji rewriting and VADER's "but" rule; the tests compare its scores
with ``vaderSentiment``'s.
"""

from __future__ import annotations

import string
from typing import Any

from vaderSentiment import vaderSentiment as _vs

_PUNCTUATION = string.punctuation
_NEGATORS = frozenset(_vs.NEGATE)
_SO_THIS = ("so", "this")
_N_SCALAR: float = _vs.N_SCALAR
_C_INCR: float = _vs.C_INCR
_BOOSTERS: dict[str, float] = _vs.BOOSTER_DICT
_SPECIAL: dict[str, float] = _vs.SPECIAL_CASES
_scalar_inc_dec: Any = _vs.scalar_inc_dec


def word_valences(text: str, lexicon: dict[str, float]
                  ) -> tuple[list[str], list[float], bool]:
    """VADER's words of ``text`` (emojis already described, white space stripped), their
    valences before the "but" rule (0 for words outside ``lexicon``) and whether one of the
    words is "but" in any case (the rule applies).

    The words are split at white space, with punctuation stripped from both ends unless
    that leaves two characters or fewer (emoticons such as ":)").
    """
    words = [t if len(s := t.strip(_PUNCTUATION)) <= 2 else s for t in text.split()]
    low = [w.lower() for w in words]
    n = len(words)
    caps = 0
    for w in words:
        if w.isupper():
            caps += 1
    cap_diff = 0 < n - caps < n  # some words, not all, in ALL CAPS
    valences: list[float] = [0.0] * n
    # only lexicon words that are not boosters score (most words do not); "kind of" is a
    # booster phrase, not the lexicon word "kind"
    for i in range(n):
        w = low[i]
        if w in lexicon and w not in _BOOSTERS and not (
                w == "kind" and i < n - 1 and low[i + 1] == "of"):
            valences[i] = _valence(words, low, i, cap_diff, lexicon)
    return words, valences, "but" in low


def _negated(word: str) -> bool:
    """VADER's ``negated([word])`` for a lower-case word."""
    return word in _NEGATORS or "n't" in word


def _valence(words: list[str], low: list[str], i: int, cap_diff: bool,
             lexicon: dict[str, float]) -> float:
    """The valence of lexicon word ``i`` after VADER's modifiers (``sentiment_valence``)."""
    n = len(low)
    base = lexicon[low[i]]
    valence = base
    if low[i] == "no" and i != n - 1 and low[i + 1] in lexicon:
        valence = 0.0  # "no" negates the next lexicon word instead
    if (i > 0 and low[i - 1] == "no") or (i > 1 and low[i - 2] == "no") or (
            i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor")):
        valence = base * _N_SCALAR
    if cap_diff and words[i].isupper():
        valence = valence + _C_INCR if valence > 0 else valence - _C_INCR
    for k in range(3):
        j = i - k - 1
        if j < 0 or low[j] in lexicon:
            continue
        s: float = _scalar_inc_dec(words[j], valence, cap_diff)
        if s != 0 and k:
            s = s * (0.95 if k == 1 else 0.9)
        valence = _negation(valence + s, low, k, i)
        if k == 2:
            valence = _idioms(valence, low, i)
    # "least" before the word negates it, except in "at least" / "very least"
    if i > 0 and low[i - 1] == "least" and "least" not in lexicon and (
            i == 1 or low[i - 2] not in ("at", "very")):
        valence = valence * _N_SCALAR
    return valence


def _negation(valence: float, low: list[str], k: int, i: int) -> float:
    """VADER's negation check for the word ``k + 1`` places before word ``i``."""
    if k == 0:
        return valence * _N_SCALAR if _negated(low[i - 1]) else valence
    if k == 1:
        if low[i - 2] == "never" and low[i - 1] in _SO_THIS:
            return valence * 1.25
        if low[i - 2] == "without" and low[i - 1] == "doubt":
            return valence
        return valence * _N_SCALAR if _negated(low[i - 2]) else valence
    if (low[i - 3] == "never" and low[i - 2] in _SO_THIS) or low[i - 1] in _SO_THIS:
        return valence * 1.25
    if low[i - 3] == "without" and "doubt" in (low[i - 2], low[i - 1]):
        return valence
    return valence * _N_SCALAR if _negated(low[i - 3]) else valence


def _idioms(valence: float, low: list[str], i: int) -> float:
    """VADER's special idioms ("the bomb", "kiss of death") and two-word boosters."""
    one_zero = f"{low[i - 1]} {low[i]}"
    two_one = f"{low[i - 2]} {low[i - 1]}"
    three_two = f"{low[i - 3]} {low[i - 2]}"
    three_two_one = f"{low[i - 3]} {two_one}"
    for seq in (one_zero, f"{low[i - 2]} {one_zero}", two_one, three_two_one, three_two):
        if seq in _SPECIAL:
            valence = _SPECIAL[seq]
            break
    n = len(low)
    if n - 1 > i:
        zero_one = f"{low[i]} {low[i + 1]}"
        if zero_one in _SPECIAL:
            valence = _SPECIAL[zero_one]
        if n - 1 > i + 1 and f"{zero_one} {low[i + 2]}" in _SPECIAL:
            valence = _SPECIAL[f"{zero_one} {low[i + 2]}"]
    for gram in (three_two_one, three_two, two_one):
        if gram in _BOOSTERS:
            valence = valence + _BOOSTERS[gram]
    return valence
