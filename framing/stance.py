"""Stance toward a target entity: find its mentions, score the sentences around them.

Given an article and a target (``"Nouri al-Maliki"``, ``"Republican lawmakers"``),
:func:`find_mentions` finds where the article names it, and
:func:`stance_toward` turns the sentences with those mentions into one
per-article stance score in ``[-1, 1]`` with a label
(``negative``/``neutral``/``positive``) and the spans behind it.
:class:`StanceFeatures` gives the same as a scikit-learn transformer.

Mentions
--------
* The **full name**, case-sensitive. For a person name, one middle name or
  initial may stand between the first and the last name ("Hillary Rodham
  Clinton", "Donald J. Trump"). "Donald Trump Jr." is not "Donald Trump".
* The **surname alone** ("Maliki", "Mr. Obama") when the target looks like a
  person name: 2 to 4 capitalised words with no common noun such as
  "lawmakers" or "administration", and no "and". A surname with an Arabic
  article also matches without it ("al-Maliki" → "Maliki"). For a
  three-word name, the last two words also count as the surname ("Peña
  Nieto", "Bader Ginsburg"). A surname
  followed by another capitalised word ("Fox News", "Trump Tower") is a
  different name. If another person with the same surname appears in the
  text ("Bill Clinton" next to "Hillary Clinton"), a bare surname belongs to
  the target only when the nearest full name before it is the target's.
* **Aliases**, matched exactly as given.
* **Possessives** ("Maliki's") match. The span covers the name without the
  ``'s``.
* A word of the target that is a common noun ("lawmakers", "administration",
  "campaign") may be capitalised or not, and an ``-s`` plural is allowed on
  the last one ("Republican lawmaker(s)"). Underscores count as spaces, so
  BASIL keys such as ``Donald_Trump`` work as given.

Scoring
-------
The *context* is every sentence that holds a mention, plus the ``window``
sentences after it (default 1: the next sentence often goes on about the
target with a pronoun). Three components, each in ``[-1, 1]``:

``sentiment``
    The mean VADER compound score (Hutto & Gilbert 2014) of the context
    sentences. The mentions are masked first, so a name never scores as a
    sentiment word.
``opinion``
    ``x / (1 + |x|)`` with ``x = (P - N) / 2``, where ``P`` and ``N`` count
    the positive and negative Hu & Liu opinion-lexicon hits in the context.
    A negated hit ("not honest") counts for the other side. Some hits are
    skipped: hits inside a mention, capitalised hits (names such as "Grace"
    and "Trump"), the entries of ``framing/data/stance_opinion_skip.txt`` (political labels, and
    words like "issued" or "work" that are not evaluations in news), and
    the cue words that already count under ``cues``. The sum is not divided
    by the number of sentences: an article that says many bad things about
    the target reads more negative than one that says a few.
``cues``
    The cue categories of the attributions (:mod:`framing.attribution`) that
    involve the target. Their weights are summed and squashed with
    ``x / (1 + |x|)``. When the target is the **speaker**, the weights are
    in :data:`CUE_BY_TARGET`. For example, ``Maliki denied ...`` (-1) casts
    the target as defending itself, ``claimed`` (-1) signals the writer's
    doubt, and ``praised`` (+0.5) shows the target as praising. When the
    target is **talked about**, that is, mentioned in the content or in the
    cue's sentence but not as the speaker, the weights are in
    :data:`CUE_ABOUT_TARGET`. For example, ``X slammed Maliki`` (emotive,
    -1) and ``X praised Maliki`` (+1).

``score = WEIGHTS · (sentiment, opinion, cues)``, with the default weights
``(0.25, 0.25, 0.5)``. The weights sum to 1, so the score lies in
``[-1, 1]``. The label is ``negative`` if ``score <= THRESHOLDS[0]``
(-0.425), ``positive`` if ``score >= THRESHOLDS[1]`` (0.25), and
``neutral`` otherwise. A text without a mention scores 0 (``neutral``).

The window, weights and thresholds were tuned on BASIL (Fan et al. 2019).
The tuning used the article-level ``author_feeling_<entity>`` labels of a
fixed half of the events (50 events, 305 labels) and maximised macro-F1.
The other half is held out. ``benchmarks/stance_basil.py`` reproduces the
tuning with ``--tune`` and reports the held-out numbers. On the held-out
half, accuracy is 0.642 against 0.752 for always answering ``neutral``, and
macro-F1 is 0.355 against 0.286. So this is a weak signal for ranking and
comparing articles, not a reliable per-article label.

Examples
--------
>>> text = 'Jane Roe denied that she took the money. Critics slammed Roe as "corrupt."'
>>> find_mentions(text, "Jane Roe")
[(0, 8), (57, 60)]
>>> r = stance_toward(text, "Jane Roe")
>>> r.label, r.n_mentions, [(e.text, e.weight) for e in r.evidence if e.feature == "stance_cues"]
('negative', 2, [('denied', -1.0), ('slammed', -1.0)])
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import numpy as np

from .features.analysis import Analysis, analyze
from .features.base import Evidence, TextTransformer, check_texts

__all__ = ["CUE_ABOUT_TARGET", "CUE_BY_TARGET", "LABELS", "THRESHOLDS", "WEIGHTS", "WINDOW",
           "StanceFeatures", "StanceResult", "find_mentions", "label_of", "stance_toward"]

#: Stance labels, from negative to positive.
LABELS = ("negative", "neutral", "positive")
#: Weights of the (sentiment, opinion, cues) components. They sum to 1.
WEIGHTS: tuple[float, float, float] = (0.25, 0.25, 0.5)
#: ``(negative, positive)`` score thresholds: ``score <= t_neg`` is negative, ``>= t_pos`` positive.
THRESHOLDS: tuple[float, float] = (-0.425, 0.25)
#: Sentences after a mention's sentence that also count as its context.
WINDOW = 1
#: Cue category -> weight, for attributions whose speaker is the target.
CUE_BY_TARGET: dict[str, float] = {
    "denial": -1.0, "concessive": -1.0, "distancing": -1.0, "emotive": -0.5, "alarm": -0.25,
    "praise": 0.5, "reveal": 0.25,
}
#: Cue category -> weight, for attributions about the target (named in content or cue sentence).
CUE_ABOUT_TARGET: dict[str, float] = {
    "emotive": -1.0, "denial": -0.5, "alarm": -0.5, "distancing": -0.25, "question": -0.25,
    "praise": 1.0,
}
@cache
def opinion_skip() -> frozenset[str]:
    """Opinion-lexicon entries not counted as evaluations (``framing/data/stance_opinion_skip.txt``)."""
    raw = resources.files("framing").joinpath("data/stance_opinion_skip.txt").read_text("utf-8")
    rows = [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]
    return frozenset(rows[1:])



_NAME_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "an", "bin", "ibn", "abu", "bint",
                             "de", "del", "della", "der", "van", "von", "da", "di", "du", "la",
                             "le", "dos", "das", "st"})
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|an|Al|El)-(?=[A-Z])")
_NAME_WORD = re.compile(r"[A-Z][\w'\u2019.-]*")
_BEFORE = r"(?<![\w\u00C0-\u024F])"
_AFTER = r"(?![\w\u00C0-\u024F]|-[A-Za-z])"


# ------------------------------------------------------------------------------- mentions

@cache
def _common_nouns() -> frozenset[str]:
    """Lower-case nouns that are descriptions, not names (source-type head nouns and more)."""
    from .attribution.words import source_terms

    extra = {"administration", "campaign", "court", "lawmakers", "lawmaker", "authorities",
             "enforcement", "officials", "government", "party", "house", "senate", "bill", "act",
             "department", "committee", "supporters", "voters", "family", "plaintiffs",
             "defendants", "students", "workers", "members", "leaders", "team", "office",
             "agency", "caucus", "council", "company", "foundation", "university", "children"}
    return frozenset({t for t in source_terms() if " " not in t} | extra)


@cache
def _not_first_names() -> frozenset[str]:
    """Capitalised words before a surname that do not make a different person's name."""
    from .attribution.words import person_titles, word_classes

    words = set(word_classes().union(*word_classes().kinds))
    words |= {t.split()[-1] for t in person_titles()}
    words |= {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "pres", "former", "then", "new",
              "but", "and", "as", "while", "after", "before", "since", "if", "when", "so",
              "that", "why", "how", "what", "both", "even", "only", "also", "today", "yesterday",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "republican", "democrat", "democratic", "gop", "candidate", "nominee", "senator",
              "president", "presidential", "congressman", "congresswoman", "vice", "elect",
              "first", "lady", "speaker", "leader", "chairman", "secretary", "governor",
              "attorney", "general", "said", "says", "told", "asked", "called", "where",
              "meanwhile", "still", "yet", "now", "indeed", "instead", "though", "although"}
    return frozenset(words)


def _token_re(token: str, last: bool) -> str:
    """A name word matches as written; a common noun in either case, the last one with -s."""
    low = token.lower()
    if token != low and low not in _common_nouns():
        return re.escape(token)
    if not low[0].isalpha():
        return re.escape(low)
    first = f"[{low[0].upper()}{low[0]}]"
    if last and low.isalpha() and len(low) > 2:
        return first + re.escape(low[1:-1] if low.endswith("s") else low[1:]) + "s?"
    return first + re.escape(low[1:])


def _normalise_entity(entity: str) -> list[str]:
    return entity.replace("_", " ").split()


def _is_person(tokens: Sequence[str]) -> bool:
    if not 2 <= len(tokens) <= 4:
        return False
    common = _common_nouns()
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if low in _NAME_PARTICLES and 0 < i < len(tokens) - 1:
            continue
        if not _NAME_WORD.fullmatch(_ARTICLE_PREFIX.sub("", tok)) or low in common:
            return False
        if low in {"and", "&", "of", "the", "for"}:
            return False
    return not tokens[-1].endswith(".") or len(tokens[-1]) > 3


def _surnames(tokens: Sequence[str]) -> list[str]:
    last = tokens[-1]
    out = [last]
    bare = _ARTICLE_PREFIX.sub("", last)
    if bare != last:
        out.append(bare)
    if len(tokens) >= 3 and (tokens[-2].lower() in _NAME_PARTICLES
                             or (len(tokens) == 3 and not tokens[1].endswith("."))):
        out.append(f"{tokens[-2]} {last}")  # "van Gogh"; "Peña Nieto", "Bader Ginsburg"
    return out


def _fold(text: str) -> str:
    """``text`` with diacritics removed, one character for one ("Peña" -> "Pena")."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            out.append(base if len(base) == 1 else ch)
    return "".join(out)


def _split_people(entity: str) -> list[str]:
    """ "Sasha and Malia Obama" -> ["Sasha Obama", "Malia Obama"]; otherwise [entity]."""
    tokens = _normalise_entity(entity)
    if len(tokens) >= 4 and tokens[1] in ("and", "&") and _is_person(tokens[2:]):
        return [" ".join([tokens[0], *tokens[3:]]), " ".join(tokens[2:])]
    return [" ".join(tokens)]


@lru_cache(maxsize=1024)
def _patterns(entity: str, aliases: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str],
                                                              re.Pattern[str] | None,
                                                              re.Pattern[str] | None]:
    """Full name (case-sensitive and -insensitive), surname and alias patterns, on folded text."""
    tokens = _normalise_entity(_fold(entity))
    if not tokens:
        raise ValueError("entity is empty; give the target's name, e.g. 'Nouri al-Maliki'")
    person = _is_person(tokens)
    parts = [_token_re(t, i == len(tokens) - 1) for i, t in enumerate(tokens)]
    if person:
        middle = r"(?:\s+(?:[A-Z]\.|[A-Z][a-z]+))?"
        full = rf"{parts[0]}{middle}\s+" + r"\s+".join(parts[1:]) + r"(?!,?\s+[JS]r\b)"
    else:
        full = r"\s+".join(parts)
    full_re = re.compile(_BEFORE + full + _AFTER)
    full_ci = re.compile(_BEFORE + full + _AFTER, re.IGNORECASE)
    alias_parts = sorted({" ".join(_fold(a).replace("_", " ").split()) for a in aliases} - {""},
                         key=lambda a: (-len(a), a))
    alias_re = (re.compile(_BEFORE + "(?:" + "|".join(r"\s+".join(map(re.escape, a.split()))
                                                      for a in alias_parts) + ")" + _AFTER)
                if alias_parts else None)
    surname_re = None
    if person:
        names = sorted(_surnames(tokens), key=lambda s: (-len(s), s))
        surname_re = re.compile(_BEFORE + "(?:" + "|".join(r"\s+".join(map(re.escape, s.split()))
                                                           for s in names) + ")"
                                + r"(?!\s+(?:[A-Z][a-z]|[A-Z]{2}))" + _AFTER)
    return full_re, full_ci, surname_re, alias_re


_FIRST_BEFORE = re.compile(r"([A-Z][\w'\u2019-]*)(?:\s+[A-Z]\.)?\s+$")


def _surname_mentions(text: str, surname_re: re.Pattern[str], tokens: Sequence[str],
                      full_spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Surname mentions of the target (see the module notes), given its full-name spans.

    A surname after a capitalised word sharing the target's first initial
    ("Jim Mattis" for "James Mattis") is the target; after any other first
    name ("Melania Trump") it is someone else. A bare surname ("Trump",
    "Mr. Trump") is the target unless the nearest full name before it in the
    same paragraph is someone else's.
    """
    own = {t.lower() for t in tokens}
    initial = tokens[0][0]
    skip = _not_first_names()
    anchors: list[tuple[int, bool]] = [(s, True) for s, _ in full_spans]
    bare: list[tuple[int, int]] = []
    out: list[tuple[int, int]] = []
    for m in surname_re.finditer(text):
        if any(s <= m.start() < e for s, e in full_spans):
            continue
        before = _FIRST_BEFORE.search(text, max(0, m.start() - 40), m.start())
        word = before.group(1) if before else ""
        if before is None or word.lower() in own or word.lower() in skip or word.isupper():
            bare.append(m.span())
        elif word[0] == initial:
            out.append((before.start(1), m.end()))
            anchors.append((before.start(1), True))
        else:
            anchors.append((m.start(), False))
    anchors.sort()
    for s, e in bare:
        prior = [(a, own_) for a, own_ in anchors if a < s]
        if prior and not prior[-1][1] and "\n" not in text[prior[-1][0]:s]:
            continue
        out.append((s, e))
    return out


def _find(folded: str, entity: str, aliases: tuple[str, ...], surname: bool
          ) -> list[tuple[int, int, int]]:
    full_re, full_ci, surname_re, alias_re = _patterns(entity, aliases)
    full_spans = [m.span() for m in full_re.finditer(folded)]
    found = [(s, e, 0) for s, e in full_spans]
    if alias_re is not None:
        found += [(m.start(), m.end(), 1) for m in alias_re.finditer(folded)]
    if not found:  # "Chick-fil-A" for "Chick-Fil-A": case differs, but only the case
        full_spans = [m.span() for m in full_ci.finditer(folded)]
        found = [(s, e, 0) for s, e in full_spans]
    if surname and surname_re is not None:
        tokens = _normalise_entity(_fold(entity))
        found += [(s, e, 2) for s, e in
                  _surname_mentions(folded, surname_re, tokens, full_spans)]
    return found


def find_mentions(text: str, entity: str, aliases: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Character spans where ``text`` names ``entity`` (see the module notes).

    Parameters
    ----------
    text : str
        The article.
    entity : str
        The target's name, such as ``"Nouri al-Maliki"``, ``"Republican
        lawmakers"`` or ``"Donald_Trump"`` (underscores count as spaces).
        "A and B Surname" means both people ("Sasha and Malia Obama"); their
        full names are matched, not the shared surname alone.
    aliases : iterable of str
        Other names for the target, matched case-sensitively as given
        (``"GOP lawmakers"``, ``"the prime minister"``).

    Returns
    -------
    list of (int, int)
        Sorted, non-overlapping ``(start, end)`` offsets. ``text[start:end]``
        is the name as written, without a possessive ``'s``. Matching ignores
        diacritics ("Pena Nieto" finds "Peña Nieto"). When neither the full
        name nor an alias occurs as written, the full name is matched
        case-insensitively.

    Examples
    --------
    >>> t = "Bill Clinton spoke. Hillary Clinton won. Clinton's speech. Trump lost."
    >>> [t[s:e] for s, e in find_mentions(t, "Hillary Clinton")]
    ['Hillary Clinton', 'Clinton']
    >>> [t[s:e] for s, e in find_mentions(t, "Bill Clinton")]
    ['Bill Clinton']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    aliases = tuple(aliases)
    folded = _fold(text)
    people = _split_people(entity)
    found: list[tuple[int, int, int]] = []
    for person in people:
        found += _find(folded, person, aliases, surname=len(people) == 1)
    found.sort(key=lambda x: (x[0], -(x[1] - x[0]), x[2]))
    out: list[tuple[int, int]] = []
    for s, e, _ in found:
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


# ------------------------------------------------------------------------------- scoring

@dataclass(frozen=True)
class StanceResult:
    """The stance of one text toward one target.

    Attributes
    ----------
    score : float
        In ``[-1, 1]``: ``WEIGHTS`` · (``sentiment``, ``opinion``, ``cues``).
    label : str
        ``negative``, ``neutral`` or ``positive`` (see :func:`label_of`).
    n_mentions : int
        Number of mentions found.
    evidence : list of Evidence
        ``stance_mentions`` (each mention), ``stance_sentiment`` (each context
        sentence, weighted by its VADER compound score), ``stance_opinion``
        (each opinion hit, +1 or -1), ``stance_cues`` (each cue of an
        attribution by or about the target, with its weight). ``doc`` is 0.
    sentiment, opinion, cues : float
        The three components, each in ``[-1, 1]``.
    mentions : list of (int, int)
        The mention spans.
    n_sentences : int
        Number of context sentences.
    """

    score: float
    label: str
    n_mentions: int
    evidence: list[Evidence] = field(default_factory=list)
    sentiment: float = 0.0
    opinion: float = 0.0
    cues: float = 0.0
    mentions: list[tuple[int, int]] = field(default_factory=list)
    n_sentences: int = 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"score": self.score, "label": self.label, "n_mentions": self.n_mentions,
                "sentiment": self.sentiment, "opinion": self.opinion, "cues": self.cues,
                "n_sentences": self.n_sentences, "mentions": [list(m) for m in self.mentions],
                "evidence": [e.to_dict() for e in self.evidence]}


def label_of(score: float, thresholds: tuple[float, float] = THRESHOLDS) -> str:
    """``negative`` / ``neutral`` / ``positive`` for ``score`` under ``thresholds``.

    Examples
    --------
    >>> label_of(-0.5), label_of(0.0), label_of(0.5)
    ('negative', 'neutral', 'positive')
    """
    t_neg, t_pos = thresholds
    if score <= t_neg:
        return "negative"
    if score >= t_pos:
        return "positive"
    return "neutral"


@cache
def _opinion_matcher() -> Any:
    from .features.loaded import lexicon_matcher

    # "not only a threat ..., but a threat": not a negation of the first threat
    return lexicon_matcher(("opinion_positive", "opinion_negative"), additive_focus=True)[0]


def _masked(text: str, start: int, end: int, mentions: Sequence[tuple[int, int]]) -> str:
    parts, pos = [], start
    for s, e in mentions:
        if e <= start or s >= end:
            continue
        parts.append(text[pos:max(s, start)])
        parts.append("someone")
        pos = min(e, end)
    parts.append(text[pos:end])
    return "".join(parts)


def _overlaps(span: tuple[int | None, int | None], spans: Sequence[tuple[int, int]]) -> bool:
    s, e = span
    if s is None or e is None:
        return False
    return any(a < e and s < b for a, b in spans)


def _squash(x: float) -> float:
    return x / (1.0 + abs(x))


def _components(text: str, entity: str, aliases: tuple[str, ...], window: int
                ) -> tuple[float, float, float, list[tuple[int, int]], int, list[Evidence]]:
    from .features.sentiment import _vader

    mentions = find_mentions(text, entity, aliases)
    evidence = [Evidence(0, "stance_mentions", s, e, text[s:e]) for s, e in mentions]
    if not mentions:
        return 0.0, 0.0, 0.0, mentions, 0, evidence
    analysis: Analysis = analyze(text)
    sentences = analysis.seg.sentences.tolist()
    context: set[int] = set()
    for s, _ in mentions:
        k = analysis.seg.sentence_of(s)
        if k < 0:
            continue
        context.update(range(k, min(k + window + 1, len(sentences))))
    cue_sum, cue_spans = 0.0, []
    for a in analysis.attributions:
        if a.cue_category is None or a.cue_start is None or a.cue_end is None:
            continue
        by = (_overlaps((a.speaker_start, a.speaker_end), mentions)
              or _overlaps((a.antecedent_start, a.antecedent_end), mentions)
              or (a.speaker is not None and bool(find_mentions(a.speaker, entity, aliases))))
        if by:
            weight = CUE_BY_TARGET.get(a.cue_category, 0.0)
        else:
            k = analysis.seg.sentence_of(a.cue_start)
            s, e = sentences[k] if k >= 0 else (a.cue_start, a.cue_end)
            spans = list(a.fragments) + [(s, e)]
            if not any(_overlaps(m, spans) for m in mentions):
                continue
            weight = CUE_ABOUT_TARGET.get(a.cue_category, 0.0)
        if weight:
            cue_sum += weight
            cue_spans.append((a.cue_start, a.cue_end))
            evidence.append(Evidence(0, "stance_cues", a.cue_start, a.cue_end,
                                     text[a.cue_start:a.cue_end], weight))
    vader = _vader()
    compounds = []
    positive = negative = 0
    matcher = _opinion_matcher()
    for k in sorted(context):
        s, e = sentences[k]
        compound = float(vader.polarity_scores(_masked(text, s, e, mentions))["compound"])
        compounds.append(compound)
        evidence.append(Evidence(0, "stance_sentiment", s, e, text[s:e], compound))
        for m in matcher.match(text[s:e]):
            ms, me = s + m.start, s + m.end
            if (m.lemma in opinion_skip() or text[ms:me].lower() in opinion_skip()
                    or text[ms].isupper() or _overlaps((ms, me), mentions)
                    or _overlaps((ms, me), cue_spans)):
                continue
            sign = 1 if m.category == "opinion_positive" else -1
            if m.negated:
                sign = -sign
            if sign > 0:
                positive += 1
            else:
                negative += 1
            evidence.append(Evidence(0, "stance_opinion", ms, me, text[ms:me], float(sign)))
    sentiment = float(np.mean(compounds)) if compounds else 0.0
    opinion = _squash((positive - negative) / 2)
    evidence.sort(key=lambda ev: (ev.start, ev.end, ev.feature))
    return sentiment, opinion, _squash(cue_sum), mentions, len(context), evidence


def stance_toward(text: str, entity: str, aliases: Iterable[str] = (), *,
                  window: int = WINDOW, weights: Sequence[float] = WEIGHTS,
                  thresholds: tuple[float, float] = THRESHOLDS) -> StanceResult:
    """The stance of ``text`` toward ``entity`` (see the module notes for the scoring).

    Parameters
    ----------
    text : str
        The article.
    entity : str
        The target's name (see :func:`find_mentions`).
    aliases : iterable of str
        Other names for the target.
    window : int, default :data:`WINDOW`
        Sentences after each mention's sentence that also count as context.
    weights : (float, float, float), default :data:`WEIGHTS`
        Weights of sentiment, opinion and cues.
    thresholds : (float, float), default :data:`THRESHOLDS`
        The negative and positive thresholds for the label.

    Returns
    -------
    StanceResult

    Examples
    --------
    >>> r = stance_toward("Critics said Smith lied. Smith denied that he had lied.", "John Smith")
    >>> r.n_mentions, r.label, [(e.feature, e.text) for e in r.evidence
    ...                         if e.feature == "stance_cues"]
    (2, 'negative', [('stance_cues', 'denied')])
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if window < 0:
        raise ValueError(f"window must be >= 0, got {window}")
    sentiment, opinion, cues, mentions, n_sent, evidence = _components(
        text, entity, tuple(aliases), int(window))
    w = tuple(float(x) for x in weights)
    if len(w) != 3:
        raise ValueError(f"weights must be 3 numbers (sentiment, opinion, cues), got {weights}")
    score = float(np.clip(w[0] * sentiment + w[1] * opinion + w[2] * cues, -1.0, 1.0))
    return StanceResult(score, label_of(score, thresholds) if mentions else "neutral",
                        len(mentions), evidence, sentiment, opinion, cues, mentions, n_sent)


# ------------------------------------------------------------------------------- transformer

_COLUMNS = ("stance_score", "stance_label", "stance_sentiment", "stance_opinion", "stance_cues",
            "stance_mentions")


class StanceFeatures(TextTransformer):
    """Stance of each text toward one target, as a scikit-learn transformer.

    Parameters
    ----------
    target : str, default ""
        The target's name (see :func:`find_mentions`). It must be set before
        ``transform``.
    aliases : tuple of str, default ()
        Other names for the target.
    window : int, default :data:`WINDOW`
        Context sentences after each mention's sentence.

    Notes
    -----
    Columns: ``stance_score`` (in ``[-1, 1]``), ``stance_label`` (-1, 0 or 1
    for negative, neutral or positive), the components ``stance_sentiment``,
    ``stance_opinion`` and ``stance_cues``, and ``stance_mentions`` (the
    number of mentions). The transformer is stateless.

    Examples
    --------
    >>> f = StanceFeatures(target="Jane Roe")
    >>> X = f.fit_transform(["Jane Roe is a wonderful, honest leader.", "No one here."])
    >>> X[:, :2].round(4)
    array([[0.3226, 1.    ],
           [0.    , 0.    ]])
    """

    def __init__(self, target: str = "", aliases: Sequence[str] = (),
                 window: int = WINDOW) -> None:
        self.target = target
        self.aliases = aliases
        self.window = window

    def _check(self) -> None:
        if not isinstance(self.target, str) or not self.target.strip():
            raise ValueError("StanceFeatures needs a target: StanceFeatures(target='Jane Roe')")

    def _feature_names(self) -> tuple[str, ...]:
        self._check()
        return tuple(_COLUMNS)

    def _results(self, X: Any) -> list[StanceResult]:
        texts = check_texts(X)
        self._check()
        return [stance_toward(t, self.target, tuple(self.aliases), window=self.window)
                for t in texts]

    def transform(self, X: Any) -> np.ndarray:
        """An ``(n_texts, 6)`` float array."""
        results = self._results(X)
        out = np.zeros((len(results), len(_COLUMNS)), dtype=np.float64)
        for row, r in enumerate(results):
            out[row] = (r.score, LABELS.index(r.label) - 1, r.sentiment, r.opinion, r.cues,
                        r.n_mentions)
        return out

    def evidence(self, X: Any) -> list[Evidence]:
        """The spans behind each row (see :attr:`StanceResult.evidence`), with ``doc`` set."""
        out: list[Evidence] = []
        for row, r in enumerate(self._results(X)):
            out += [Evidence(row, e.feature, e.start, e.end, e.text, e.weight)
                    for e in r.evidence]
        return out
