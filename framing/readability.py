"""Readability scores with textstat, working offline.

textstat looks up syllables in NLTK's CMU dictionary and downloads it when it
is missing; :func:`framing._nltk.ensure_nltk_data` makes it find the copy
shipped in this package first, so no download is ever attempted.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ._nltk import ensure_nltk_data

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
