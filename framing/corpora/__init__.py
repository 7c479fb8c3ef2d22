"""Corpus model and readers: load and validate news articles from files and datasets.

:func:`read_articles` reads the project's own formats (JSON Lines, CSV, folders
of ``.txt``); the dataset readers (:func:`read_basil`, :func:`read_polnear`,
...) convert the public research datasets into :class:`Article` objects with
their gold spans.
"""

from .allsides import import_allsides_roundups, read_allsides_roundups
from .article_bias import read_article_bias
from .babe import read_babe
from .basil import read_basil
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
from .polnear import polnear_attributions, read_polnear
from .ptc import read_ptc
from .summary import CorpusSummary, summarize

__all__ = [
    "LEANINGS",
    "Annotation",
    "Article",
    "CorpusError",
    "CorpusSummary",
    "Problem",
    "check_corpus",
    "import_allsides_roundups",
    "iter_articles",
    "polnear_attributions",
    "read_allsides_roundups",
    "read_article_bias",
    "read_articles",
    "read_babe",
    "read_basil",
    "read_polnear",
    "read_ptc",
    "summarize",
    "validate_corpus",
    "write_jsonl",
]
