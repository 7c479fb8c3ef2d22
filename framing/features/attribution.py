"""Article-level attribution features: how much, how directly and whom an article quotes."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..attribution import (
    ATTITUDE_CATEGORIES,
    CUE_CATEGORIES,
    KINDS,
    SOURCE_TYPES,
    Attribution,
    SpeakerTypes,
)
from ..text import WORD_RE
from .analysis import analyze, word_count
from .base import Evidence, TextTransformer, check_texts


def _feature_names(attitudes: bool = True) -> list[str]:
    cats = [c for c in CUE_CATEGORIES if attitudes or c not in ATTITUDE_CATEGORIES]
    return (["attributions_per_1k_words", "quoted_word_share"]
            + [f"share_{k}" for k in KINDS]
            + [f"source_{t}" for t in SOURCE_TYPES]
            + [f"cue_{c}" for c in cats]
            + ["anonymous_rate", "distinct_speakers", "first_quote_position"])


FEATURE_NAMES = tuple(_feature_names())
SPEECH_FEATURE_NAMES = tuple(_feature_names(attitudes=False))


class AttributionFeatures(TextTransformer):
    """Per-article attribution numbers from :func:`framing.attribution.extract_attributions`.

    Columns (see :meth:`get_feature_names_out`):

    - ``attributions_per_1k_words``: attributions per 1,000 words;
    - ``quoted_word_share``: share of the article's words inside quotation
      marks of attributed quotes;
    - ``share_direct`` / ``share_indirect`` / ``share_mixed``: share of
      attributions of each kind;
    - ``source_<type>``: share of attributions by source type (official,
      political, expert, witness, media, organisation, document, anonymous,
      unknown);
    - ``cue_<category>``: share of attributions with a cue of each category
      (neutral, assertive, distancing, ...), over those with a cue;
    - ``anonymous_rate``: share of attributions to unnamed sources;
    - ``distinct_speakers``: number of different resolved speakers;
    - ``first_quote_position``: where the first direct or mixed quote starts,
      as a fraction of the text length (1.0 when there is none).

    Shares are 0 for an article without attributions. Stateless: ``fit``
    only validates its input.

    Parameters
    ----------
    attitudes : bool, default True
        Count attributed beliefs, wishes, stances, findings and labels
        ("X wants to ...", cue categories ``belief``, ``intention``,
        ``stance``, ``evidence``, ``naming``). False keeps to reported speech
        and drops those five ``cue_`` columns (the ``attribution.v1`` set).
    learned : bool, default False
        Also count the attributions of the learned recall booster
        (``extract_attributions(..., learned=True)``): higher recall on
        PolNeAR, lower precision, about twice the time.
    speaker_types : SpeakerTypes, optional
        A :class:`framing.attribution.SpeakerTypes` built from a corpus: named
        speakers that an article leaves ``unknown`` take the type the corpus
        gives them before the ``source_<type>`` shares are counted (built on
        the training texts only, if the numbers feed a classifier).

    Examples
    --------
    >>> feats = AttributionFeatures()
    >>> X = feats.fit_transform(['"We will win," the mayor said. Officials said it rained.'])
    >>> [(name, round(float(v), 3)) for name, v in zip(feats.get_feature_names_out(), X[0])][:4]
    [('attributions_per_1k_words', 200.0), ('quoted_word_share', 0.3), ('share_direct', 0.5), ('share_indirect', 0.5)]
    """

    def __init__(self, attitudes: bool = True, learned: bool = False,
                 speaker_types: SpeakerTypes | None = None) -> None:
        self.attitudes = attitudes
        self.learned = learned
        self.speaker_types = speaker_types

    def _feature_names(self) -> tuple[str, ...]:
        return FEATURE_NAMES if self.attitudes else SPEECH_FEATURE_NAMES

    def attributions(self, text: str) -> list[Attribution]:
        """The attributions of ``text`` that this extractor counts (with or without
        attitudes, with or without the learned booster, as configured)."""
        analysis = analyze(text)
        atts = analysis.attributions
        if self.learned:
            from ..attribution.extract import with_learned

            atts = with_learned(text, analysis.seg, atts)
        if self.speaker_types is not None:
            atts = self.speaker_types.apply(atts)
        if self.attitudes:
            return list(atts)
        return [a for a in atts if a.cue_category not in ATTITUDE_CATEGORIES]

    def transform(self, X: Any) -> np.ndarray:
        """Return an ``(n_texts, n_features)`` float array."""
        texts = check_texts(X)
        names = self._feature_names()
        out = np.zeros((len(texts), len(names)), dtype=np.float64)
        for i, text in enumerate(texts):
            out[i] = self._row(text, self.attributions(text), names)
        return out

    @staticmethod
    def _row(text: str, atts: list[Attribution], names: tuple[str, ...]) -> np.ndarray:
        values = dict.fromkeys(names, 0.0)
        n_words = word_count(text)  # shared tokenisation (cached)
        n = len(atts)
        values["first_quote_position"] = 1.0
        if n_words:
            values["attributions_per_1k_words"] = 1000.0 * n / n_words
            quoted = sum(len(WORD_RE.findall(text, s, e)) for a in atts for s, e in a.quoted)
            values["quoted_word_share"] = min(quoted / n_words, 1.0)
        if n:
            for a in atts:
                values[f"share_{a.kind}"] += 1.0 / n
                values[f"source_{a.source_type}"] += 1.0 / n
                values["anonymous_rate"] += a.anonymous / n
            with_cue = [a for a in atts if a.cue_category]
            for a in with_cue:
                values[f"cue_{a.cue_category}"] += 1.0 / len(with_cue)
            values["distinct_speakers"] = float(len({a.speaker for a in atts if a.speaker}))
            quotes = [q[0] for a in atts for q in a.quoted]
            if quotes and text:
                values["first_quote_position"] = min(quotes) / len(text)
        return np.fromiter((values[k] for k in names), dtype=np.float64, count=len(names))

    def evidence(self, X: Any) -> list[Evidence]:
        """The spans behind every non-zero value of :meth:`transform`.

        Each attribution supports ``attributions_per_1k_words`` and its kind
        (content span), its source type, ``anonymous_rate`` and
        ``distinct_speakers`` (speaker span, or content when there is none),
        its cue category (cue span); quoted spans support
        ``quoted_word_share`` and the first of them ``first_quote_position``.
        """
        out: list[Evidence] = []
        for i, text in enumerate(check_texts(X)):
            atts = self.attributions(text)
            seen: set[str] = set()
            first_q = min(((s, e) for a in atts for s, e in a.quoted), default=None)
            for a in atts:
                c = (a.content_start, a.content_end)
                s = (a.speaker_start, a.speaker_end) if a.speaker_start is not None else c
                spans = [("attributions_per_1k_words", c), (f"share_{a.kind}", c),
                         (f"source_{a.source_type}", s)]
                if a.cue_category and a.cue_start is not None:
                    spans.append((f"cue_{a.cue_category}", (a.cue_start, a.cue_end)))
                if a.anonymous:
                    spans.append(("anonymous_rate", s))
                if a.speaker and a.speaker not in seen:
                    seen.add(a.speaker)
                    spans.append(("distinct_speakers", s))
                spans += [("quoted_word_share", q) for q in a.quoted]
                for feature, (start, end) in spans:
                    out.append(Evidence(i, feature, start, end, text[start:end]))
            if first_q is not None:
                out.append(Evidence(i, "first_quote_position", first_q[0], first_q[1],
                                    text[first_q[0]:first_q[1]], first_q[0] / len(text)))
        return out
