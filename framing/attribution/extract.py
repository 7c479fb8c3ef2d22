"""Attribution extraction, the public entry points: :func:`extract_attributions` and its
two stages, :func:`find_attributions` (contents and cues) and
:meth:`AttributionDrafts.resolve` (speakers).

The rules themselves are in :mod:`framing.attribution.rules`, which the build compiles with
mypyc when it can (see ``setup.py`` and :mod:`framing.native`); this module stays Python, so
that its documentation and argument checks are the same in either build.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text import Segmentation, segment
from . import rules as _rules
from .model import Attribution

__all__ = ["AttributionDrafts", "extract_attributions", "find_attributions", "with_learned"]


def extract_attributions(text: str, *, segmentation: Segmentation | None = None,
                         attitudes: bool = True, learned: bool = False) -> list[Attribution]:
    """Find every attribution in ``text``: direct, indirect and mixed quotes.

    Parameters
    ----------
    text : str
        A raw article text.
    segmentation : Segmentation, optional
        :func:`framing.text.segment` of ``text``, if already computed.
    attitudes : bool, default True
        Also attribute beliefs, wishes, stances, findings and labels
        ("X wants to ...", "polls show ...", "X called it a disaster"): the
        cues of ``framing/lexicons/attitude_cues.tsv``, whose categories are
        ``belief``, ``intention``, ``stance``, ``evidence`` and ``naming``.
        False keeps to reported speech.
    learned : bool, default False
        Add the attributions of the learned recall booster
        (:func:`framing.attribution.learned.learned_attributions`, trained on
        PolNeAR): more recall (mostly indirect speech with cues outside the
        lexicons), less precision, about twice the time. Its additions carry
        ``extra["learned"] = True`` and their probability in
        ``extra["probability"]``.

    Returns
    -------
    list of Attribution
        Sorted by content start. Offsets point into ``text``; the function
        never raises on odd input (unbalanced or stray quotation marks,
        control characters, very long texts).

    Examples
    --------
    >>> text = '"We will rebuild," Mayor Helen Brandt said. Officials said taxes would rise.'
    >>> [(a.kind, a.speaker, a.cue, a.content) for a in extract_attributions(text)]
    [('direct', 'Helen Brandt', 'said', 'We will rebuild,'), ('indirect', 'Officials', 'said', \
'taxes would rise')]
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_attributions() expects str, got {type(text).__name__}")
    seg = segmentation if segmentation is not None else segment(text)
    rules = find_attributions(text, segmentation=seg, attitudes=attitudes).resolve()
    return with_learned(text, seg, rules) if learned else rules


def with_learned(text: str, segmentation: Segmentation,
                 rules: Sequence[Attribution]) -> list[Attribution]:
    """``rules`` (the rule attributions of ``text``) plus the learned booster's additions
    (:func:`framing.attribution.learned.learned_attributions`), sorted by content start."""
    from .learned import learned_attributions

    out = [*rules, *learned_attributions(text, segmentation, rules)]
    out.sort(key=lambda a: (a.content_start, a.content_end))
    return out


class AttributionDrafts:
    """The attributions of one text before their speakers are resolved.

    The first of the extractor's two stages (:func:`find_attributions`): the
    content of every attribution -- its fragments, quoted spans and cue -- is
    known, the speaker mention is found but not yet resolved (names, pronouns,
    source types). The quoted-voice split of :mod:`framing.features.analysis`
    needs only this stage; :meth:`resolve` runs the second one and gives
    exactly what :func:`extract_attributions` returns.

    Attributes
    ----------
    voice : tuple of (fragments, quoted, cue_category)
        Per attribution, in the extractor's internal order: its content
        fragments and quoted spans (sorted ``(start, end)`` tuples) and its
        cue category (None without a cue).
    lower : str
        The normalised text lower-cased with its length kept
        (:func:`framing.attribution.cues.lower_same_length`), for other
        extractors to reuse.
    """

    __slots__ = ("_doc", "_drafts", "_voice", "lower")

    def __init__(self, doc: _rules._ResolveDoc, drafts: list[_rules._Draft]) -> None:
        self._doc = doc
        self._drafts = drafts
        self._voice: tuple | None = None
        self.lower = doc.lower

    @property
    def voice(self) -> tuple:
        """Per attribution: its content fragments, quoted spans and cue category (built on
        first use: :func:`extract_attributions` never reads it)."""
        if self._voice is None:
            self._voice = tuple((tuple(d.fragments), tuple(d.quoted),
                                 None if d.cue is None else d.cue.category)
                                for d in self._drafts)
        return self._voice

    def resolve(self) -> list[Attribution]:
        """Resolve the speakers: the :class:`Attribution` records, sorted by content start."""
        return _rules.resolve_drafts(self._doc, self._drafts)


def find_attributions(text: str, *, segmentation: Segmentation | None = None,
                      attitudes: bool = True) -> AttributionDrafts:
    """First stage of :func:`extract_attributions`: contents and cues, speakers unresolved.

    Parameters are those of :func:`extract_attributions`;
    ``find_attributions(text).resolve() == extract_attributions(text)``.
    Speaker resolution is about half of the extractor's time, and the
    quoted-voice split needs only the contents.

    Examples
    --------
    >>> drafts = find_attributions('"We will rebuild," Mayor Helen Brandt said.')
    >>> drafts.voice
    ((((1, 17),), ((1, 17),), 'neutral'),)
    >>> [a.speaker for a in drafts.resolve()]
    ['Helen Brandt']
    """
    if not isinstance(text, str):
        raise TypeError(f"find_attributions() expects str, got {type(text).__name__}")
    seg = segmentation if segmentation is not None else segment(text)
    return AttributionDrafts(*_rules.draft_attributions(text, seg, attitudes))
