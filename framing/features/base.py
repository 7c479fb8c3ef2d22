"""Shared pieces of the feature extractors: text validation and span evidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin


@dataclass(frozen=True, slots=True)
class Evidence:
    """One span behind a feature value: ``X[doc][start:end] == text``.

    Attributes
    ----------
    doc : int
        Row of the input the span belongs to.
    feature : str
        One of the transformer's ``get_feature_names_out()``.
    start, end : int
        Character offsets into that document.
    text : str
        The span's text.
    weight : float
        Its contribution (1.0 for a count).
    """

    doc: int
    feature: str
    start: int
    end: int
    text: str
    weight: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"doc": self.doc, "feature": self.feature, "start": self.start, "end": self.end,
                "text": self.text, "weight": self.weight}


def check_texts(X: Any) -> list[str]:
    """Validate a 1-D collection of strings (list, tuple, array, pandas Series).

    Raises
    ------
    TypeError
        If ``X`` is a single string, not iterable, or holds a non-string (the
        message names its position).
    ValueError
        If ``X`` is 2-D.
    """
    if isinstance(X, str | bytes):
        raise TypeError("expected a list of texts, got a single string; wrap it in a list")
    if hasattr(X, "ndim") and getattr(X, "ndim", 1) > 1:
        shape = getattr(X, "shape", None)
        if shape is not None and len(shape) == 2 and shape[1] == 1:
            X = np.asarray(X).ravel()
        else:
            raise ValueError(f"expected a 1-D collection of texts, got shape {shape}")
    if not isinstance(X, Iterable):
        raise TypeError(f"expected a list of texts, got {type(X).__name__}")
    texts = list(X)
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"text {i} is {type(t).__name__}, not str")
    return texts


class TextTransformer(TransformerMixin, BaseEstimator):
    """Base of the stateless feature extractors over raw texts.

    Subclasses set :attr:`feature_names` (or override :meth:`_feature_names`)
    and implement ``transform`` and ``evidence``. ``fit`` only validates the
    input; the estimator tags declare string input and no fitting needed.
    """

    feature_names: tuple[str, ...] = ()

    def _feature_names(self) -> tuple[str, ...]:
        return self.feature_names

    def fit(self, X: Any, y: Any = None) -> TextTransformer:
        """Validate ``X`` (an iterable of strings); nothing is learned."""
        check_texts(X)
        self._feature_names()  # fails early on a bad parameter (e.g. an unknown lexicon)
        return self

    def __sklearn_tags__(self):  # noqa: D105
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = False
        return tags

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The column names, in order."""
        return np.asarray(self._feature_names(), dtype=object)
