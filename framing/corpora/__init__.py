"""Corpus model and readers: load and validate news articles from files and datasets.

:func:`read_articles` reads the project's own formats (JSON Lines, CSV, folders
of ``.txt``); the dataset readers (:func:`read_basil`, :func:`read_polnear`,
...) convert the public research datasets into :class:`Article` objects with
their gold spans.
"""

from .files import (
    CorpusError,
    Problem,
    check_corpus,
    iter_articles,
    read_articles,
    validate_corpus,
)
from .io import write_jsonl
from .model import LEANINGS, Annotation, Article
from .summary import CorpusSummary, summarize

__all__ = [
    "LEANINGS",
    "Annotation",
    "Article",
    "CorpusError",
    "CorpusSummary",
    "Problem",
    "check_corpus",
    "iter_articles",
    "read_articles",
    "summarize",
    "validate_corpus",
    "write_jsonl",
]
