"""Loaded-vocabulary features split by voice: the outlet's narrative vs the quoted sources.

Framing hides in who says a loaded word: an outlet can print "criminal" in its
own voice or inside a witness's quote. :class:`LoadedLanguageFeatures` counts
lexicon matches per category (bias lexicon, hedges, opinion words,
intensifiers, violence, dehumanising language, ...) separately in the
narrative voice (outside attributed content) and the quoted voice (inside the
content of attributions found by :mod:`framing.attribution`), per 1,000 words
of that voice.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from ..text import WORD_RE
from .analysis import analyze, word_count
from .base import Evidence, TextTransformer, check_texts
from .matcher import LexiconMatcher, Match

#: Categories whose matches count as "loaded" for ``loaded_narrative_share``. The Recasens
#: bias lexicon is reported per voice but left out here: it is broad (on the seed article it
#: matches "government", "city", "people" and "forces" more than any editorial word).
LOADED_CATEGORIES = ("opinion_negative", "opinion_positive", "intensifier", "violence",
                     "dehumanizing", "euphemism", "ideological_label")


@lru_cache(maxsize=32)
def lexicon_matcher(lexicons: tuple[str, ...], additive_focus: bool = False
                    ) -> tuple[LexiconMatcher, tuple[str, ...]]:
    """One :class:`LexiconMatcher` over the categories of the named lexicons (cached);
    ``additive_focus`` as in :class:`LexiconMatcher`."""
    return _matcher(lexicons, additive_focus)


def _matcher(lexicons: tuple[str, ...], additive_focus: bool = False
             ) -> tuple[LexiconMatcher, tuple[str, ...]]:
    from ..lexicons.loading import load

    categories: dict[str, set[str]] = {}
    prefix_categories: set[str] = set()
    for name in lexicons:
        lex = load(name)
        for cat, terms in lex.categories.items():
            categories.setdefault(cat, set()).update(terms)
            if lex.wildcards:
                prefix_categories.add(cat)
    return (LexiconMatcher(categories, wildcards=prefix_categories,
                           additive_focus=additive_focus), tuple(categories))


def default_lexicons() -> tuple[str, ...]:
    """Names of the lexicons shipped in ``framing/lexicons`` for loaded vocabulary."""
    from ..lexicons.loading import SHIPPED

    return tuple(SHIPPED)


class LoadedLanguageFeatures(TextTransformer):
    """Lexicon rates per category, split into narrative and quoted voice.

    Parameters
    ----------
    lexicons : sequence of str or None, default None
        Names of shipped lexicons (see ``framing lexicons list``) or paths of
        user-supplied lexicon files (MPQA ``.tff``, eMFD ``.csv``, LIWC-style
        ``.dic``, NRC, plain lists). None: every shipped lexicon.
    negation : bool, default True
        Leave out matches inside a simple negation scope ("not criminal").

    Notes
    -----
    Columns, for every category ``c``: ``c_narrative_per_1k`` (matches in
    the narrative voice per 1,000 narrative words) and ``c_quoted_per_1k``
    (matches inside attributed content per 1,000 quoted words); then
    ``loaded_narrative_share``, the share of loaded-category matches
    (:data:`LOADED_CATEGORIES`) that the outlet voices itself (0 when the
    article has none), and ``quoted_word_share``.

    Examples
    --------
    >>> f = LoadedLanguageFeatures(lexicons=["violence"])
    >>> X = f.fit_transform(['"It was a massacre," she said. The massacre shocked the town.'])
    >>> [(n, round(float(v), 1)) for n, v in zip(f.get_feature_names_out(), X[0])]
    [('violence_narrative_per_1k', 142.9), ('violence_quoted_per_1k', 250.0), \
('loaded_narrative_share', 0.5), ('quoted_word_share', 0.4)]
    """

    def __init__(self, lexicons: Sequence[str] | None = None, negation: bool = True) -> None:
        self.lexicons = lexicons
        self.negation = negation

    def _setup(self) -> tuple[LexiconMatcher, tuple[str, ...]]:
        names = default_lexicons() if self.lexicons is None else tuple(self.lexicons)
        if not names:
            raise ValueError("lexicons is empty; give at least one lexicon name or path")
        return lexicon_matcher(tuple(str(n) for n in names))

    def _feature_names(self) -> tuple[str, ...]:
        """``<category>_narrative_per_1k``, ``<category>_quoted_per_1k``, ..., shares."""
        _, cats = self._setup()
        names = [f"{c}_{v}_per_1k" for c in cats for v in ("narrative", "quoted")]
        return (*names, "loaded_narrative_share", "quoted_word_share")

    def _matches(self, text: str) -> tuple[list[Match], Any]:
        matcher, _ = self._setup()
        analysis = analyze(text)
        matches = matcher.match(text, analysis.drafts.lower)
        if self.negation:
            matches = [m for m in matches if not m.negated]
        return matches, analysis

    def transform(self, X: Any) -> np.ndarray:
        """An ``(n_texts, n_features)`` float array."""
        texts = check_texts(X)
        _, cats = self._setup()
        index = {c: i for i, c in enumerate(cats)}
        loaded = {c for c in cats if c in LOADED_CATEGORIES}
        out = np.zeros((len(texts), 2 * len(cats) + 2), dtype=np.float64)
        for row, text in enumerate(texts):
            matches, analysis = self._matches(text)
            quoted_words = sum(len(WORD_RE.findall(text, s, e)) for s, e in analysis.voice_spans)
            total_words = word_count(text)  # shared tokenisation (cached)
            narrative_words = total_words - quoted_words
            tally = [0] * (2 * len(cats))  # (narrative, quoted) per category
            is_quoted = analysis.is_quoted
            for m in matches:
                tally[2 * index[m.category] + is_quoted(m.start)] += 1
            counts = np.asarray(tally, dtype=np.float64).reshape(len(cats), 2)
            if narrative_words:
                out[row, 0:2 * len(cats):2] = 1000.0 * counts[:, 0] / narrative_words
            if quoted_words:
                out[row, 1:2 * len(cats):2] = 1000.0 * counts[:, 1] / quoted_words
            in_loaded = [index[c] for c in loaded]
            n_loaded = counts[in_loaded].sum()
            if n_loaded:
                out[row, -2] = counts[in_loaded, 0].sum() / n_loaded
            out[row, -1] = quoted_words / total_words if total_words else 0.0
        return out

    def evidence(self, X: Any) -> list[Evidence]:
        """Every lexicon match behind the rates, as ``<category>_<voice>_per_1k`` evidence.

        Matches of loaded categories also support ``loaded_narrative_share``
        (weight 1 in the narrative voice, 0 in the quoted voice); attributed
        content spans support ``quoted_word_share``.
        """
        out: list[Evidence] = []
        for row, text in enumerate(check_texts(X)):
            matches, analysis = self._matches(text)
            for m in matches:
                quoted = analysis.is_quoted(m.start)
                voice = "quoted" if quoted else "narrative"
                out.append(Evidence(row, f"{m.category}_{voice}_per_1k", m.start, m.end,
                                    text[m.start:m.end]))
                if m.category in LOADED_CATEGORIES:
                    out.append(Evidence(row, "loaded_narrative_share", m.start, m.end,
                                        text[m.start:m.end], 0.0 if quoted else 1.0))
            for s, e in analysis.voice_spans:
                out.append(Evidence(row, "quoted_word_share", s, e, text[s:e]))
        return out
