"""Feature extractors: scikit-learn transformers over raw texts, each with span evidence."""

from .attribution import AttributionFeatures
from .base import Evidence, check_texts

__all__ = ["AttributionFeatures", "Evidence", "check_texts"]
