"""Readability features: the standard measures (fast engine or textstat, offline) plus lengths."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..readability import (
    READABILITY_MEASURES,
    fast_readability,
    readability_scores,
    syllable_count,
)
from ..text import WORD_RE
from .analysis import lower_words, segmentation
from .base import Evidence, TextTransformer, check_texts

FEATURE_NAMES = (*READABILITY_MEASURES, "words_per_sentence", "syllables_per_word")


class ReadabilityFeatures(TextTransformer):
    """Readability measures and sentence/word length, per article.

    Columns: the measures of :data:`framing.readability.READABILITY_MEASURES`
    (Flesch reading ease, Flesch–Kincaid grade, Gunning fog, SMOG,
    Coleman–Liau, ARI, Dale–Chall), ``words_per_sentence`` (with
    :mod:`framing.text` sentences) and ``syllables_per_word`` (CMU dictionary
    shipped in the package; no download). Empty texts give zeros.

    Parameters
    ----------
    engine : {"fast", "textstat"}, default "fast"
        ``"fast"``: :func:`framing.readability.fast_readability`, the published
        formulas from one tokenisation, with :mod:`framing.text` sentences
        (abbreviations such as "Mr." do not end a sentence) — about ten times
        faster than textstat. ``"textstat"``: textstat's own functions, for
        numbers identical to textstat's (the ``readability.v1`` set).

    Examples
    --------
    >>> f = ReadabilityFeatures()
    >>> X = f.fit_transform(["The cat sat. It was happy."])
    >>> dict(zip(f.get_feature_names_out()[-2:], X[0, -2:].round(2)))["words_per_sentence"]
    np.float64(3.0)
    >>> bool(np.allclose(X[0, -2:], ReadabilityFeatures("textstat").fit_transform(
    ...     ["The cat sat. It was happy."])[0, -2:]))
    True
    """

    feature_names = FEATURE_NAMES

    def __init__(self, engine: str = "fast") -> None:
        self.engine = engine

    def _feature_names(self) -> tuple[str, ...]:
        if self.engine not in ("fast", "textstat"):
            raise ValueError(f"engine must be 'fast' or 'textstat', got {self.engine!r}")
        return FEATURE_NAMES

    def transform(self, X: Any) -> np.ndarray:
        """An ``(n_texts, 9)`` float array."""
        texts = check_texts(X)
        self._feature_names()
        out = np.zeros((len(texts), len(FEATURE_NAMES)), dtype=np.float64)
        for row, text in enumerate(texts):
            if self.engine == "fast":
                n_sent = max(len(segmentation(text).sentences), 1)
                scores = fast_readability(text, n_sent, words=lower_words(text)[0])
                if scores["words"]:
                    out[row, :len(READABILITY_MEASURES)] = [scores[m] for m in
                                                             READABILITY_MEASURES]
                    out[row, -2] = scores["words"] / n_sent
                    out[row, -1] = scores["syllables"] / scores["words"]
                continue
            words = WORD_RE.findall(text)
            if not words:
                continue
            scores = readability_scores(text)
            n_sent = max(len(segmentation(text).sentences), 1)
            out[row, :len(READABILITY_MEASURES)] = [scores[m] for m in READABILITY_MEASURES]
            out[row, -2] = len(words) / n_sent
            out[row, -1] = syllable_count(text) / len(words)
        return out

    def evidence(self, X: Any) -> list[Evidence]:
        """Every sentence, weighted by its word count, behind every column."""
        out: list[Evidence] = []
        for row, text in enumerate(check_texts(X)):
            if not WORD_RE.search(text):
                continue
            for s, e in segmentation(text).sentences.tolist():
                n = float(len(WORD_RE.findall(text, s, e)))
                for name in FEATURE_NAMES:
                    out.append(Evidence(row, name, s, e, text[s:e], n))
        return out
