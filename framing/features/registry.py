"""Versioned names of the feature extractors, as used by configs and the command line.

A config that names ``loaded.v1`` keeps meaning the same extractor after the
code moves on; a bare name (``loaded``) means its latest version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .attribution import AttributionFeatures
from .loaded import LoadedLanguageFeatures
from .readability import ReadabilityFeatures
from .sentiment import SentimentFeatures


def _attribution_v1(**params: Any) -> Any:
    return AttributionFeatures(**{"attitudes": False, **params})


def _attribution_learned(**params: Any) -> Any:
    return AttributionFeatures(**{"learned": True, **params})


def _readability_v1(**params: Any) -> Any:
    return ReadabilityFeatures(**{"engine": "textstat", **params})


def _frames(**params: Any) -> Any:
    from ..frames import FrameFeatures

    return FrameFeatures(**params)


def _loaded_words(**params: Any) -> Any:
    from .loaded_tagger import LoadedWordTagger

    return LoadedWordTagger(**params)


#: Versioned name -> factory of a fresh transformer.
REGISTRY: dict[str, Callable[..., Any]] = {
    "attribution.v1": _attribution_v1,  # reported speech only
    "attribution.v2": AttributionFeatures,  # + beliefs, wishes, stances, findings, labels
    "attribution_learned.v1": _attribution_learned,  # v2 + the learned recall booster
    "loaded.v1": LoadedLanguageFeatures,
    "sentiment.v1": SentimentFeatures,
    "readability.v1": _readability_v1,  # textstat's own numbers
    "readability.v2": ReadabilityFeatures,  # one-pass engine, ~10x faster
    "frames.v1": _frames,
    "loaded_words.v1": _loaded_words,
}


def resolve_name(name: str) -> str:
    """The versioned registry name for ``name`` (``loaded`` -> ``loaded.v1``).

    Raises
    ------
    KeyError
        If the name is unknown; the message lists the valid names.
    """
    if name in REGISTRY:
        return name
    versions = sorted((k for k in REGISTRY if k.split(".v")[0] == name),
                      key=lambda k: int(k.rsplit(".v", 1)[1]))
    if not versions:
        valid = sorted({k.split(".v")[0] for k in REGISTRY} | set(REGISTRY))
        raise KeyError(f"unknown feature set {name!r}; valid: {', '.join(valid)}")
    return versions[-1]


def make(name: str, **params: Any) -> Any:
    """A new transformer for registry name ``name`` (versioned or bare)."""
    return REGISTRY[resolve_name(name)](**params)
