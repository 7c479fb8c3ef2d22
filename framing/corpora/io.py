"""Writing corpora in the project's JSON Lines schema."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

from .._atomic import atomic_write
from .model import Article


def article_to_json(article: Article) -> str:
    """One JSONL line (no trailing newline) for ``article``; keys in schema order."""
    return json.dumps(article.to_dict(), ensure_ascii=False)


def write_jsonl(articles: Iterable[Article], path: str | os.PathLike[str]) -> int:
    """Write ``articles`` to ``path`` as JSON Lines, atomically.

    Parameters
    ----------
    articles : iterable of Article
    path : path-like
        Destination ``.jsonl`` file; replaced only once every record is written.

    Returns
    -------
    int
        The number of articles written.
    """
    n = 0
    with atomic_write(path) as fh:
        for article in articles:
            fh.write(article_to_json(article))
            fh.write("\n")
            n += 1
    return n
