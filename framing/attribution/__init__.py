"""Attribution and quotation extraction: who is quoted, how, and with which verb.

:func:`extract_attributions` finds direct, indirect and mixed quotes with
their content, cue (reporting verb or phrase, with a framing category) and
speaker (titles stripped, pronouns and surnames resolved, source type,
anonymity), as character offsets into the raw text. Rule-based and offline.
"""

from .cues import CUE_CATEGORIES, Cue, find_cues
from .extract import extract_attributions
from .model import KINDS, SOURCE_TYPES, Attribution

__all__ = [
    "CUE_CATEGORIES",
    "KINDS",
    "SOURCE_TYPES",
    "Attribution",
    "Cue",
    "extract_attributions",
    "find_cues",
]
