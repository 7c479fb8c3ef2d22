"""The text layer: segment once, keep character offsets into the raw text.

:func:`segment` returns paragraphs, sentences and tokens as offset arrays;
:func:`normalize_typography` maps curly quotes, guillemets, primes and dashes
to plain forms without shifting any offset.
"""

from .segment import (
    TOKEN_RE,
    WORD_RE,
    Segmentation,
    count_words,
    paragraph_spans,
    segment,
    sentence_spans,
    token_spans,
)
from .typography import normalize_typography

__all__ = [
    "TOKEN_RE",
    "WORD_RE",
    "Segmentation",
    "count_words",
    "normalize_typography",
    "paragraph_spans",
    "segment",
    "sentence_spans",
    "token_spans",
]
