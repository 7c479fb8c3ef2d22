"""One analysis per document, shared by every extractor: segmentation and attributions.

Several feature sets need the same intermediate results (sentences, quotes, who
is speaking where). :func:`analyze` computes them once per text and keeps the
most recent ones in a small LRU cache, so that ``AttributionFeatures`` and
``LoadedLanguageFeatures`` in one pipeline never segment or parse a text twice.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..attribution import ATTITUDE_CATEGORIES, Attribution
from ..attribution.extract import AttributionDrafts, find_attributions
from ..text import WORD_RE, Segmentation, segment


@dataclass(frozen=True, eq=False)
class Analysis:
    """Segmentation and attributions of one text, with the quoted-voice intervals.

    ``voice_spans`` are the merged, sorted character intervals that belong to
    attributed content (direct quotes and reported clauses): the *quoted*
    voice. Everything else is the outlet's own *narrative* voice, including
    what the outlet says a source wants, believes or supports (attributions
    with an attitude cue, e.g. "X wants to ..."), except words it puts in
    quotation marks. The voice split needs only the attributions' contents;
    their speakers are resolved when :attr:`attributions` is first read.
    """

    text: str
    seg: Segmentation
    drafts: AttributionDrafts = field(repr=False)
    voice_spans: tuple[tuple[int, int], ...]
    _starts: list[int] = field(default_factory=list, repr=False)

    @cached_property
    def attributions(self) -> tuple[Attribution, ...]:
        """The text's attributions (:func:`framing.attribution.extract_attributions`)."""
        return tuple(self.drafts.resolve())

    def is_quoted(self, pos: int) -> bool:
        """True when offset ``pos`` lies inside attributed content."""
        k = bisect_right(self._starts, pos) - 1
        return k >= 0 and pos < self.voice_spans[k][1]


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return tuple((s, e) for s, e in out)


@lru_cache(maxsize=512)
def segmentation(text: str) -> Segmentation:
    """:func:`framing.text.segment` of ``text``, cached like :func:`analyze`.

    For extractors that need sentences but not attributions (readability).
    """
    return segment(text)


@lru_cache(maxsize=512)
def lower_words(text: str) -> tuple[tuple[str, ...], bool]:
    """``WORD_RE`` tokens of ``text.lower()`` (cached like :func:`analyze`), and whether
    lower-casing kept the length -- then the tokens are exactly those of ``text``,
    lower-cased: every character whose lower case is one character keeps its class
    (letter, digit, joiner; checked over all of Unicode in the tests)."""
    low = text.lower()
    # a tuple of strings: the garbage collector stops scanning it once it has seen it
    return tuple(WORD_RE.findall(low)), len(low) == len(text)


def word_count(text: str) -> int:
    """Number of ``WORD_RE`` tokens of ``text``, from the shared :func:`lower_words`."""
    words, same = lower_words(text)
    return len(words) if same else len(WORD_RE.findall(text))


@lru_cache(maxsize=512)
def analyze(text: str) -> Analysis:
    """Segment ``text`` and extract its attributions, once (cached by text).

    Examples
    --------
    >>> a = analyze('"We are waiting to die," she said. It is savage.')
    >>> a.is_quoted(5), a.is_quoted(40)
    (True, False)
    """
    seg = segmentation(text)
    drafts = find_attributions(text, segmentation=seg)
    # an attitude ("X wants to ...") is the outlet's paraphrase: only its quoted words count
    spans = _merge([f for fragments, quoted, category in drafts.voice for f in (
        quoted if category in ATTITUDE_CATEGORIES else fragments)])
    return Analysis(text, seg, drafts, spans, [s for s, _ in spans])
