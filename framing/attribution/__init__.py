"""Attribution and quotation extraction: who is quoted, how, and with which verb.

:func:`extract_attributions` finds direct, indirect and mixed quotes with
their content, cue (reporting verb or phrase, with a framing category) and
speaker (titles stripped, pronouns and surnames resolved, source type,
anonymity), as character offsets into the raw text. Rule-based and offline.
Besides reported speech it finds attributed beliefs, wishes, stances, findings
and labels (``attitudes=True``, the default; categories in
:data:`ATTITUDE_CATEGORIES`). :class:`SpeakerTypes` fills ``unknown`` source types
of named speakers from what the other articles of a corpus say of them.
"""

from .corpus_types import SpeakerTypes
from .cues import ATTITUDE_CATEGORIES, CUE_CATEGORIES, Cue, find_cues
from .extract import extract_attributions
from .model import KINDS, SOURCE_TYPES, Attribution

__all__ = [
    "ATTITUDE_CATEGORIES",
    "CUE_CATEGORIES",
    "KINDS",
    "SOURCE_TYPES",
    "Attribution",
    "Cue",
    "SpeakerTypes",
    "extract_attributions",
    "find_cues",
]
