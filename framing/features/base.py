"""Shared pieces of the feature extractors: text validation and span evidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np


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
