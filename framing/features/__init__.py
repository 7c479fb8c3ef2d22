"""Feature extractors: scikit-learn transformers over raw texts, each with span evidence.

Every transformer takes a list of article texts, returns one row per text with
``get_feature_names_out()`` columns, works in a ``Pipeline`` and with
``set_output(transform="pandas")``, and has ``evidence(X)`` returning the
character spans behind each value.
"""

from .attribution import AttributionFeatures
from .base import Evidence, check_texts
from .loaded import LoadedLanguageFeatures
from .loaded_tagger import LoadedWordTagger
from .readability import ReadabilityFeatures
from .registry import REGISTRY, make, resolve_name
from .sentiment import SentimentFeatures

__all__ = [
    "REGISTRY",
    "AttributionFeatures",
    "Evidence",
    "LoadedLanguageFeatures",
    "LoadedWordTagger",
    "ReadabilityFeatures",
    "SentimentFeatures",
    "check_texts",
    "make",
    "resolve_name",
]
