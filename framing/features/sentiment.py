"""Sentence-level sentiment (VADER), aggregated per article and split by voice.

VADER (Hutto & Gilbert 2014, the ``vaderSentiment`` package, MIT licence, its
lexicon ships inside the package; run through :class:`~framing.features.vader.FastVader`,
which gives the same scores faster) scores each sentence; an article gets means
and shares over its sentences, so long articles do not saturate as a
whole-text score would. A sentence belongs to the quoted voice when most of
its characters lie inside attributed content.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np

from .analysis import Analysis, analyze
from .base import Evidence, TextTransformer, check_texts

_VOICES = ("all", "narrative", "quoted")
_STATS = ("mean", "negative_share", "positive_share")
FEATURE_NAMES = tuple(f"sentiment_{v}_{s}" for v in _VOICES for s in _STATS)
#: VADER's conventional thresholds on the compound score.
POSITIVE, NEGATIVE = 0.05, -0.05


@cache
def _vader() -> Any:
    from .vader import FastVader

    return FastVader()  # vaderSentiment's scores, less work per sentence


def _quoted_share(analysis: Analysis, start: int, end: int) -> float:
    inside = 0
    for s, e in analysis.voice_spans:
        if e <= start:
            continue
        if s >= end:
            break
        inside += min(e, end) - max(s, start)
    return inside / max(end - start, 1)


#: vaderSentiment's "but" rule is quadratic in a sentence's length; run-on "sentences" (text with no
#: punctuation) longer than this many characters are scored in pieces. The longest sentence in
#: BASIL, PolNeAR (train, dev) and the AllSides roundups has 1,094 characters.
MAX_SENTENCE_CHARS = 2000


def _pieces(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``[s, e)`` cut at spaces into pieces of at most :data:`MAX_SENTENCE_CHARS` characters
    (a piece with no space in it is cut where it reaches the limit)."""
    if e - s <= MAX_SENTENCE_CHARS:  # every real sentence: no scan at all
        return [(s, e)]
    out = []
    while e - s > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", s + 1, s + MAX_SENTENCE_CHARS)
        cut = cut if cut > s else s + MAX_SENTENCE_CHARS
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


def sentence_scores(text: str) -> list[tuple[int, int, float, bool]]:
    """``(start, end, compound, quoted)`` for every sentence of ``text`` (a run-on sentence of
    more than :data:`MAX_SENTENCE_CHARS` characters counts as several)."""
    analysis = analyze(text)
    vader = _vader()
    out = []
    for s, e in (p for s0, e0 in analysis.seg.sentences.tolist() for p in _pieces(text, s0, e0)):
        sentence = text[s:e]
        compound = float(vader.compound(sentence))
        out.append((s, e, compound, _quoted_share(analysis, s, e) > 0.5))
    return out


class SentimentFeatures(TextTransformer):
    """VADER sentiment per sentence, aggregated over all, narrative and quoted sentences.

    Columns ``sentiment_<voice>_<stat>`` for voice in all/narrative/quoted and
    stat in ``mean`` (mean compound score), ``negative_share`` (share of
    sentences with compound <= -0.05) and ``positive_share`` (>= 0.05); 0 for
    a voice without sentences.

    Examples
    --------
    >>> f = SentimentFeatures()
    >>> X = f.fit_transform(["This is the height of hypocrisy and cynicism."])
    >>> round(float(X[0, 0]), 3), float(X[0, 1])
    (-0.402, 1.0)
    """

    feature_names = FEATURE_NAMES

    def transform(self, X: Any) -> np.ndarray:
        """An ``(n_texts, 9)`` float array."""
        texts = check_texts(X)
        out = np.zeros((len(texts), len(FEATURE_NAMES)), dtype=np.float64)
        for row, text in enumerate(texts):
            scores = sentence_scores(text)
            groups = {"all": [c for _, _, c, _ in scores],
                      "narrative": [c for _, _, c, q in scores if not q],
                      "quoted": [c for _, _, c, q in scores if q]}
            values = []
            for voice in _VOICES:
                vals = np.asarray(groups[voice], dtype=np.float64)
                if len(vals):
                    values += [vals.mean(), (vals <= NEGATIVE).mean(), (vals >= POSITIVE).mean()]
                else:
                    values += [0.0, 0.0, 0.0]
            out[row] = values
        return out

    def evidence(self, X: Any) -> list[Evidence]:
        """Each sentence behind each column, weighted by its compound score."""
        out: list[Evidence] = []
        for row, text in enumerate(check_texts(X)):
            for s, e, compound, quoted in sentence_scores(text):
                for voice in ("all", "quoted" if quoted else "narrative"):
                    out.append(Evidence(row, f"sentiment_{voice}_mean", s, e, text[s:e],
                                        compound))
                    if compound <= NEGATIVE:
                        out.append(Evidence(row, f"sentiment_{voice}_negative_share", s, e,
                                            text[s:e], compound))
                    if compound >= POSITIVE:
                        out.append(Evidence(row, f"sentiment_{voice}_positive_share", s, e,
                                            text[s:e], compound))
        return out
