"""The attribution rules: direct, indirect and mixed quotes with speaker and cue.

The rules behind :func:`framing.attribution.extract_attributions` (whose module,
:mod:`framing.attribution.extract`, holds the public entry points). The build compiles this
module with mypyc when it can (``setup.py``, :mod:`framing.native`).

One call segments the text once (:func:`framing.text.segment`), pairs the
quotation marks (:mod:`framing.attribution.quotes`), finds every cue with one
Aho–Corasick scan (:mod:`framing.attribution.cues`) and then applies the rules
below, sentence by sentence, with precompiled patterns. No model, no download.

Quotes are attributed, in this order, by

1. a cue right after the closing mark (``"...," he said`` / ``said Smith``); a
   second quote right after that attribution continues it (a split quote);
2. a cue before the opening mark in the same sentence: only punctuation, an
   addressee or a time phrase between them makes a *direct* quote
   (``She said, "..."``, ``told reporters: "..."``), anything else a *mixed*
   one (``saying it was "deeply concerned"``);
3. a colon after a named subject (``Her answer: "..."``);
4. continuation: a quote opening a paragraph or sentence after an attributed
   quote keeps its speaker; so does each paragraph of a multi-paragraph quote.

A quote with none of these is a scare quote, a title or a nickname
(``so-called "reform"``) and is not an attribution, unless it is a whole
sentence, which is kept as a direct quote with an unknown speaker.

Cues outside quotes then give *indirect* attributions: ``X said (that) ...``,
``according to X, ...``, ``..., X said.``, ``The plan, X said, is ...``,
``..., saying ...``. Noun uses (``the report``), hearsay (``said to number``)
and verbs without a clause (``claimed responsibility``) are not attributions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import MISSING, dataclass, field, fields, replace
from functools import cache, lru_cache
from typing import Any, Final, cast

from ..native import c_extension
from ..text import TOKEN_RE, Segmentation
from ..text._split import char_positions
from .cues import ATTITUDE_CATEGORIES as _ATTITUDE_CATEGORIES
from .cues import Cue, cue_lexicon, lower_same_length
from .model import Attribution
from .quotes import Quote, find_quotes, in_quotation, quotation_ranges
from .speakers import (
    RoleHit,
    SpeakerResolver,
    _name_source,
    _participle_opener,
    head_type,
    scan_text,
    split_prefixed_title,
)
from .words import (
    WordClasses,
    cue_acts,
    cue_frames,
    given_names,
    parts_of_speech,
    person_titles,
    word_classes,
)

# Words that make the following quote a name, a title or a scare quote.
_NAMING_WORDS: Final = (
    "so-called", "so called", "dubbed", "nicknamed", "known as", "titled",
    "entitled", "named", "the term", "the word", "the words", "the phrase",
    "the slogan", "the hashtag", "called")
_NAMING: Final = re.compile(
    "(?:" + "|".join(re.escape(w) for w in _NAMING_WORDS) + r")\s*[,:]?\s*$",
    re.IGNORECASE)
_NAMING_LONGEST: Final = max(map(len, _NAMING_WORDS))


def _naming_before(before: str) -> bool:
    """``_NAMING.search(before)``, searched only where a match can start: the naming word
    ends where the blanks and the one comma or colon that may follow it are stripped."""
    s = before.rstrip()
    if s.endswith((",", ":")):
        s = s[:-1].rstrip()
    tail = s[-_NAMING_LONGEST:]
    if tail.isascii() and not tail.lower().endswith(_NAMING_WORDS):
        return False  # (outside ASCII, case folding is the pattern's: "\u017f" matches "s")
    return _NAMING.search(before, max(0, len(s) - _NAMING_LONGEST - 4)) is not None


# Between a cue and a direct quote: punctuation, an addressee, a time or place phrase.
_DIRECT_GAP: Final = re.compile(
    r"^\s*(?:(?:to\s+)?(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?[\w.'\-]+(?:\s+[\w.'\-]+){0,3}"
    r"\s*)?[,:]\s*$|^\s*[,:]?\s*$")
_THAT: Final = re.compile(r"\s*(?:,\s*)?that\b\s*", re.IGNORECASE)


def _that_follows(doc: _Doc, pos: int, hi: int) -> bool:
    """``_THAT.match(doc.norm, pos, hi) is not None``, tried only where the lower-cased text
    holds "that" from ``pos`` on (no other characters fold to its letters)."""
    return doc.lower.find("that", pos, hi) >= 0 and _THAT.match(doc.norm, pos, hi) is not None
_TIME_PHRASE: Final = re.compile(
    r"\s*(?:(?:on|last|this|early|late|earlier|later)\s+)?(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|today|yesterday|tonight|week|month|year|morning|afternoon|evening|"
    r"night|weekend)\b(?:\s+(?:morning|afternoon|evening|night))?|\s*in\s+(?:a|an|the|his|her|"
    r"its|their)\s+(?:\w+\s+){0,2}?(?:statement|interview|speech|letter|email|tweet|post|"
    r"report|news conference|press conference|briefing|message|op-ed|video|memo)\b(?:\s+(?:posted|"
    r"released|issued|published|sent|shared)\s+(?:(?:on|to)\s+(?-i:[A-Z][\w.'-]*)|(?:on\s+)?\w+day)"
    r"\b)?"
    r"|\s*(?:in|on|"
    r"at)\s+(?:[A-Z][\w.'-]*\s*){1,3}(?=[,.]|\s+that\b)|\s*(?:again|also|later|repeatedly|"
    r"publicly|privately|recently|previously|once|flatly|bluntly)\b", re.IGNORECASE)
# the first words of the _TIME_PHRASE alternatives: a run of ASCII letters after the blanks
# must be one of them for a match (tested against the pattern)
_TIME_PHRASE_FIRST: Final = frozenset(
    "on last this early late earlier later monday tuesday wednesday thursday friday saturday "
    "sunday today yesterday tonight week month year morning afternoon evening night weekend in "
    "at again also repeatedly publicly privately recently previously once flatly bluntly".split())


def _may_open_time_phrase(norm: str, pos: int, hi: int) -> bool:
    """False when ``_TIME_PHRASE.match(norm, pos, hi)`` cannot match: the run of ASCII
    letters after the blanks at ``pos`` is no first word of the pattern. A character outside
    ASCII there leaves it to the pattern (case folding: "\u212a" matches "k")."""
    if _c_lead_word is not None:  # the same in C
        word = _c_lead_word(norm, pos, hi)
        return word is None or (word != "" and word.lower() in _TIME_PHRASE_FIRST)
    while pos < hi and norm[pos].isspace():
        pos += 1
    end = pos
    while end < hi and ("a" <= norm[end] <= "z" or "A" <= norm[end] <= "Z"):
        end += 1
    if end < hi and not norm[end].isascii():
        return True
    return end > pos and norm[pos:end].lower() in _TIME_PHRASE_FIRST


_WORD: Final = re.compile(r"[^\W\d_][\w'\u2019.-]*", re.UNICODE)
_CLAUSE_BREAK: Final = ";:\u2014()[]\""


def _short_np_patterns(stops: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Up to five words, then "that", "to", "whether", "if" or one of ``stops``: the addressee
    of "told" or "asked". Two forms: the plain pattern, and one whose words are possessive
    (a word is never re-split, which made failing searches exponential: 0.4 ms on 80
    characters). The plain one may also end a word at a hyphen or period before "to"
    ("well-to-do"); :func:`_short_np` runs it only where that can happen, so the two give
    the same matches."""
    look = r"(?=\bthat\b|\bto\b|\bwhether\b|\bif\b|" + stops + ")"
    return (re.compile(r"\s*(?:[\w'\u2019.&-]+\s*){1,5}?" + look),
            re.compile(r"\s*(?:[\w'\u2019.&-]++\s*){1,5}?" + look))


_SHORT_NP_BEFORE_COMP, _SHORT_NP_BEFORE_COMP_FAST = _short_np_patterns(",|:")
_SHORT_NP_BEFORE_COMMA, _SHORT_NP_BEFORE_COMMA_FAST = _short_np_patterns(",")
_OPENS_COMPLEMENT: Final = re.compile(r"\s*(that|to|whether|if)\b", re.IGNORECASE)
_SPLIT_BEFORE_COMPLEMENT: Final = re.compile(r"[-'\u2019.&](?:that|to|whether|if)\b")
_COMMA_GAP: Final = re.compile(r"\s*,?\s*")
_FIRST_WORD: Final = re.compile(r"[\w'\u2019-]+")
_TO_WITHIN_SIX: Final = re.compile(r"(?:[\w'\u2019.-]+\s+){0,6}to\s")
_COMPLEMENTIZER: Final = re.compile(r"\s*(?:,\s*)?(?:that|whether|if)\b")
# fullmatch only: splitting a word into two chunks never helps, so possessive words give the
# same answer without the exponential search on a long gap
_SHORT_GAP: Final = re.compile(r"\s*(?:[\w'\u2019.-]++\s*){0,4}[,:]\s*|\s*[.]\s*")
_END_PUNCT: Final = re.compile(r"[\s.!?\"')\]]*")
_END_TIME_PUNCT: Final = re.compile(
    r"\s*,?\s*(?:in\s+a\s+\w+(?:\s+\w+)?|on\s+\w+|\w+day)?[\s.!?\"')\]]*")
# an addressee of up to four words ending a sentence, with a place or time after it: "HuffPost.",
# "reporters on Tuesday.", "The Associated Press in an interview."
_ADDRESSEE_END: Final = re.compile(
    r"[ \t]*((?:(?!(?:to|that|whether|if)\b)[\w'\u2019&-]++[ \t]*){1,4}?)"
    r"(?:,?[ \t]*(?:in|on|at|during)[ \t]+(?:[\w'\u2019&-]++[ \t]*){1,4}?)?"
    r"[\s.!?\"')\]]*")
# cues whose addressee may end a content-first attribution ("..., officials told reporters.")
_TELL: Final = frozenset({"tell", "inform", "assure"})
# who an addressee may be besides a name or a source noun ("reporters", "voters", "me")
_RECIPIENTS: Final = frozenset(
    {"me", "him", "her", "us", "them", "you", "reporters", "journalists",
     "voters", "crowd", "audience", "supporters", "lawmakers", "colleagues",
     "friends", "viewers", "listeners", "readers", "students", "donors",
     "members", "senators", "interviewers", "congress", "court", "panel",
     "committee", "jury"})


def _recipient(doc: _Doc, phrase: str) -> bool:
    """True when ``phrase`` (an addressee after "told") names someone told: a capitalised
    name or outlet, an object pronoun, or a person or body noun ("a Senate panel"), not a
    thing told ("a joke", "a different tale")."""
    words = phrase.split()
    if not words or any(w.lower() in doc.words["preposition"] for w in words):
        return False  # "one joke about Trump"
    head = words[-1].lower().rstrip(".")
    return any(w[:1].isupper() for w in words) or head in _RECIPIENTS or (
        head_type(head) is not None)


# where the words were said, ending the sentence: "in a statement posted to Facebook.", "in an
# interview published Sunday.", "on Twitter."
_END_STATEMENT: Final = re.compile(
    r"[ \t]*,?[ \t]*(?:in|on)[ \t]+(?:(?:a|an|the|his|her|its|their)[ \t]+)?(?:[\w-]+[ \t]+){0,2}?"
    r"(?:statement|interview|post|tweet|letter|email|video|message|op-ed|memo|release|speech|"
    r"briefing|conference|Twitter|Facebook|Instagram|television|radio)\b(?:[ \t]+(?:posted|"
    r"released|issued|published|sent|shared|given|made|aired|provided|broadcast)\b"
    r"(?:[ \t]+[\w.'\u2019-]+){0,4}?)?[\s.!?\"')\]]*")
# an addressee with a time or place after it, then "that" (no comma, quote or verb between)
_ADDRESSEE_THEN_THAT: Final = re.compile(
    r"[ \t]*(?:(?!(?:he|she|they|we|i|it|and|but|or|when|while|after|"
    r"before|because|since|as|if|until|where)\b)"
    r"[\w'\u2019.&-]++[ \t]+){2,9}?(?=that\b)", re.IGNORECASE)
# an addressee, perhaps a time or place after it, then a clause opening with a subject pronoun
# and no "that": "told Fox News on Tuesday he thinks ...", "told the Times it was ..."
_ADDRESSEE_THEN_PRONOUN: Final = re.compile(
    r"[ \t]*((?:(?!(?:he|she|they|it|we|i|there|that|to|whether|if|and|but|or|as|when|while|"
    r"after|before|because|since|until|where|who|whom|whose|which|what|how|why)\b)[\w'\u2019.&-]++[ \t]+){1,5}?)"
    r"((?:(?:on|in|at|during|last|this|earlier|late|early)[ \t]+(?:[\w'\u2019.-]++[ \t]+){0,3}?)?)"
    r"(?=(?:he|she|they|it|we|I|there)\b)")
_RELATIVE_START: Final = re.compile(r"(?:who|whose|whom)\b")
# a comma and an article opening an appositive, in the words before a noun phrase
_APPOSITION_OPEN: Final = re.compile(r",[ \t]+(?:(?:a|an|the)[ \t]+[^,.;:\"]*)?$")
_AND_OTHERS_COMMA: Final = re.compile(r"(?:\s+and\s+others)?\s*,")
_LEADING_COMMA: Final = re.compile(r"\s*,")
# Rules look at most this many characters either side of a cue or quote.
_WINDOW: Final = 1000


def _short_np(fast: re.Pattern[str], plain: re.Pattern[str], s: str) -> re.Match[str] | None:
    """``plain.match(s)`` for the short noun-phrase patterns, in linear time.

    The possessive ``fast`` pattern follows the first path of ``plain``'s backtracking, so
    when it matches, the match is the same. ``plain`` can do better only by ending a word
    inside a run such as "well-to-do" (a hyphen, period, apostrophe or "&" right before
    "that"/"to"/"whether"/"if"); only then is it run.
    """
    m = fast.match(s)
    if m is not None or _SPLIT_BEFORE_COMPLEMENT.search(s) is None:
        return m
    return plain.match(s)


@dataclass
class _Speaker:
    start: int
    end: int
    description: str | None = None
    subject_fallback: bool = False
    # the "who"/"which" the speaker was reached through ("Mr. Trump, who said ...")
    relative: tuple[int, int] | None = None


@dataclass
class _Draft:
    kind: str
    # in text order once drafting is over (sorted by AttributionDrafts)
    fragments: list[tuple[int, int]]
    quoted: list[tuple[int, int]] = field(default_factory=list)
    cue: Cue | None = None
    speaker: _Speaker | None = None
    inherit_from: int | None = None  # index of the draft whose speaker continues
    extended: bool = False  # a following quote was merged into this one


# a line broken between two words of one sentence ("who has\nrepeatedly pledged"): the text is
# hard-wrapped, and only a blank line ends a line of its own
_HARD_WRAP: Final = re.compile(r"[a-z,][ \t\xa0]*\n[ \t\xa0]*[a-z]")
_BLANK_LINE: Final = re.compile(r"\n[ \t\xa0]*\n")


class _Doc:
    """Everything the rules need about one text, computed once."""

    def __init__(self, text: str, seg: Segmentation, attitudes: bool = True) -> None:
        self.text = text
        self.norm = seg.norm
        self.lower = lower_same_length(seg.norm)
        self.seg = seg
        self.sent = seg.sentences
        self.sent_starts = seg.sentences[:, 0].tolist()
        self.sent_ends = seg.sentences[:, 1].tolist()
        self.para_starts = seg.paragraphs[:, 0].tolist()
        # the cues, and what resolving speakers will read from the same scan
        self.cues, self.role_hits, self.any_condition = scan_text(self.lower, attitudes)
        self.cue_starts = [c.start for c in self.cues]
        self.quotes = find_quotes(text, seg.norm, seg.paragraphs, seg.sentences)
        self.quote_ranges = quotation_ranges(self.quotes)
        self.quote_opens = [a for a, _ in self.quote_ranges]
        # double-quoted stretches, in text order (quotes are sorted by start)
        self.doubles = [(q.start, q.end) for q in self.quotes if not q.single]
        self.double_starts = [a for a, _ in self.doubles]
        self.doubles_well_formed = all(a <= b for a, b in self.doubles)
        self.para_start_set = set(self.para_starts)
        self.clause_cuts: list[tuple[int, int]] | None = None
        self.clause_breaks: list[int] | None = None
        self.np_cache: dict[tuple[int, int], _Speaker | None] = {}
        self.clause_cut_starts: list[int] = []
        self.words = word_classes()
        self.wrapped: bool | None = None  # hard-wrapped text; found when first needed

    def line_break_before(self, lo: int, hi: int) -> int:
        """Offset of the last line break in ``[lo, hi)`` that ends a line of its own (a
        heading, a list item, a paragraph the segmenter joined), or -1. In hard-wrapped text
        only a blank line counts."""
        nl = self.norm.rfind("\n", lo, hi)
        if nl < 0 or not self.hard_wrapped():
            return nl
        ends = [m.end() - 1 for m in _BLANK_LINE.finditer(self.norm, lo, hi)]
        return ends[-1] if ends else -1

    def line_break_after(self, lo: int, hi: int) -> int:
        """Offset of the first such line break in ``[lo, hi)``, or -1."""
        nl = self.norm.find("\n", lo, hi)
        if nl < 0 or not self.hard_wrapped():
            return nl
        m = _BLANK_LINE.search(self.norm, lo, hi)
        return -1 if m is None else m.start()

    def hard_wrapped(self) -> bool:
        """The text breaks lines inside sentences (found once, when first asked)."""
        if self.wrapped is None:
            self.wrapped = _HARD_WRAP.search(self.norm) is not None
        return self.wrapped

    def sentence_index(self, pos: int) -> int:
        k = bisect_right(self.sent_starts, pos) - 1
        return k if k > 0 else 0

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around ``pos``, clipped to :data:`_WINDOW` characters either side so
        that no rule is quadratic in the length of a run-on sentence."""
        if not self.sent_starts:
            return max(0, pos - _WINDOW), min(len(self.text), pos + _WINDOW)
        k = self.sentence_index(pos)
        lo, hi = self.sent_starts[k], self.sent_ends[k]
        return (lo if lo > pos - _WINDOW else pos - _WINDOW,
                hi if hi < pos + _WINDOW else pos + _WINDOW)

    def in_quote(self, pos: int) -> bool:
        return in_quotation(self.quote_ranges, self.quote_opens, pos)

    def doubles_within(self, fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The double-quoted stretches that lie inside one of ``fragments``, in text order.

        Found by bisection when the fragments are in order and apart (every draft's are);
        otherwise by testing every stretch against every fragment.
        """
        ordered = self.doubles_well_formed and all(
            fragments[i][1] < fragments[i + 1][0] for i in range(len(fragments) - 1))
        if not ordered:
            return [(s, e) for s, e in self.doubles if any(a <= s and e <= b
                                                           for a, b in fragments)]
        out: list[tuple[int, int]] = []
        starts = self.double_starts
        for a, b in fragments:
            out += [q for q in self.doubles[bisect_left(starts, a):bisect_right(starts, b)]
                    if q[1] <= b]
        return out

    def cues_between(self, lo: int, hi: int) -> list[Cue]:
        i = bisect_left(self.cue_starts, lo)
        out = []
        while i < len(self.cues) and self.cues[i].end <= hi:
            out.append(self.cues[i])
            i += 1
        return out


# ----------------------------------------------------------------------------------------------
# Noun phrases (speakers) without a parser


# the C scanners (framing/text/_cscan.c), where they are built: each gives what the Python
# next to its use gives, without a Python object per character or match
_cscan = c_extension("framing.text._cscan")
_c_token_spans: Callable[[str, int, int], list[tuple[int, int]]] | None = (
    None if _cscan is None else _cscan.token_spans)
_c_lead_word: Callable[[str, int, int], str | None] | None = (
    None if _cscan is None else _cscan.lead_word)
_c_next_words: Callable[[str, int, int], tuple[str, str | None] | None] | None = (
    None if _cscan is None else _cscan.next_words)


def _tokens(norm: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the tokens (:data:`framing.text.segment.TOKEN_RE`) of
    ``norm[lo:hi]``."""
    if _c_token_spans is not None:
        return _c_token_spans(norm, lo, hi)
    return [m.span() for m in TOKEN_RE.finditer(norm, lo, hi)]


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or tok[:1].isdigit()


def _np_before(doc: _Doc, lo: int, hi: int) -> _Speaker | None:
    """The noun phrase that ends right before ``hi`` (a cue), not reaching back past ``lo``."""
    key = (lo, hi)
    if key not in doc.np_cache:
        doc.np_cache[key] = _np_before_uncached(doc, lo, hi)
    sp = doc.np_cache[key]
    return None if sp is None else _Speaker(sp.start, sp.end, sp.description,
                                             sp.subject_fallback, sp.relative)


_THEN_AND: Final = re.compile(r"\b(?:then|and|but)\b")


_REFLEXIVES: Final = frozenset({"himself", "herself", "themselves", "itself"})


def _dash_run_start(toks: list[tuple[int, int]], k: int) -> int:
    """The first of the adjacent dash tokens ending at token ``k`` ("--" is two tokens)."""
    while k > 0 and toks[k - 1][1] == toks[k][0] and toks[k][0] - toks[k - 1][0] == 1 and (
            toks[k - 1][1] - toks[k - 1][0] == 1):
        k -= 1
    return k


_DASHES: Final = frozenset({"-", "\u2013", "\u2014", "\u2015"})
# the dashes that may end a clause (see _CLAUSE_BREAK): all but the hyphen
_DASH_BREAKS: Final = "".join(sorted(_DASHES - {"-"}))
_IRREGULAR_PARTICIPLES: Final = frozenset(
    {"seen", "written", "given", "taken", "shown", "made",
     "held", "sent", "told", "read", "found", "brought"})


def _np_before_uncached(doc: _Doc, lo: int, hi: int) -> _Speaker | None:
    norm, w = doc.norm, doc.words
    m = _PAREN_TAIL.search(norm, max(lo, hi - 40), hi) if norm.find(
        ")", max(lo, hi - 40), hi) >= 0 else None
    if m is not None:  # "Rep. Trey Gowdy (R-S.C.) said"
        hi = m.start()
    lo = max(lo, hi - 200)  # a speaker is a dozen words at most
    if norm.rfind("\n", lo, hi) >= 0:  # nor does it run across a line: "... and Jim
        nl = doc.line_break_before(lo, hi)  # Talent\n\nRomney said"
        if nl >= 0:
            lo = nl + 1
    toks = _tokens(norm, lo, hi)
    k = len(toks) - 1
    aside = None  # the closing dash of an aside skipped
    # auxiliaries, adverbs and time words between subject and verb: "has also said",
    # "on Tuesday said"
    while k >= 0:
        t = norm[toks[k][0]:toks[k][1]]
        tl = t.lower()
        if t in _DASHES and k > 1 and _spaced_dash(norm, toks[k]):
            # "some liberal economists - including a minority of the Fed's own policy-making
            # committee - warn": the noun phrase before the aside
            close = k
            k = _dash_run_start(toks, k)
            j = next((j for j in range(k - 1, max(-1, k - 30), -1)
                      if norm[toks[j][0]:toks[j][1]] == t), -1)
            if j > 0:
                j = _dash_run_start(toks, j)
            if j > 0 and _spaced_dash(norm, toks[j]) and norm[toks[j - 1][0]].isalnum() and not (
                    _THEN_AND.search(norm, toks[close][1], hi)):  # (not "- then backs")
                k = j - 1
                aside = toks[close]
                continue
            break
        if t == ")" and k > 1:  # "Former Sen. Scott Brown (R-Mass.) has not said"
            j = next((j for j in range(k - 1, max(-1, k - 12), -1)
                      if norm[toks[j][0]:toks[j][1]] in "()"), -1)
            if j > 0 and norm[toks[j][0]:toks[j][1]] == "(":
                k = j - 1
                continue
            break
        if tl in _REFLEXIVES and k > 0 and _is_cap(norm[toks[k - 1][0]:toks[k - 1][1]]):
            k -= 1  # "Cruz himself said": Cruz
            continue
        if tl in w["auxiliary"] or (t.islower() and (tl in w["adverb"] or (
                tl.endswith("ly") and len(t) > 3 and _ly_adverb(tl)))):
            k -= 1
            continue
        if tl in w["time"] and k > 0:
            k -= 1
            if norm[toks[k][0]:toks[k][1]].lower() in {"on", "last", "this", "early", "late",
                                                        "earlier", "later"}:
                k -= 1
            continue
        if k > 0 and tl in _adverb_phrase_ends() and t.islower():  # "has at times said"
            n = next((n for n in (2, 3) if k + 1 >= n and " ".join(
                norm[a:b] for a, b in toks[k + 1 - n:k + 1]) in w["adverb_phrase"]), 0)
            if n:
                k -= n
                continue
        break
    if k < 0:
        return None
    t = norm[toks[k][0]:toks[k][1]]
    tl = t.lower()
    if tl in w["particle"]:
        return None  # no noun phrase ends in a particle: "dialing back plans to cut ..."
    stem = _s_stem(tl)
    if stem in ("he", "she", "it"):
        return _Speaker(toks[k][0], toks[k][1] - 2)  # "he's also said": "he" (has)
    if stem in _NOT_SPEAKERS_IS:
        return None  # "That's", "There's": "is", and no speaker
    if tl in w.union("pronoun_m", "pronoun_f", "pronoun_pl", "pronoun_n", "pronoun_1"):
        if tl in {"his", "her", "its", "their", "my", "our", "your", "him", "them", "us", "me"}:
            return None
        return _Speaker(*toks[k])
    if t == ",":
        return _appositive(doc, toks, k)
    if tl in {"who", "which"}:  # "Franklin Graham, who has vowed": the antecedent
        lo_b = max(0, toks[k][0] - 20)
        before = norm[lo_b:toks[k][0]].rstrip()
        if before.endswith(","):
            comma = lo_b + len(before) - 1
            ante = _np_before(doc, doc.sentence(comma)[0], comma)
            if ante is not None and ante.relative is None:
                ante.relative = toks[k]
                return ante
            return None
        prev = norm[toks[k - 1][0]:toks[k - 1][1]] if k > 0 else ""
        if tl == "who" and (prev[:1].isupper() or (
                prev.islower() and prev.endswith("s") and not prev.endswith("ss")
                and prev not in w["preposition"] and prev not in w["verb"])):
            # a restrictive relative after a group or a name ("Republicans who argued she was
            # out of touch"): the speaker is "who", its antecedent the nearest noun phrase,
            # after any preposition ("a major boost for Social Security reformers who say");
            # not after an appositive ("Norm Coleman, a former senator from Minnesota who")
            ante = _np_before(doc, doc.sentence(toks[k][0])[0], toks[k - 1][1])
            if ante is None or ante.relative is not None or _APPOSITION_OPEN.search(
                    norm, max(0, ante.start - 60), ante.start) is not None:
                return None
            for j in range(k - 2, -1, -1):
                s0, e0 = toks[j]
                if e0 <= ante.start:
                    break
                p = norm[s0:e0].lower()
                if p in w["preposition"]:
                    # but a name keeps its place: "Elizabeth Arnold of Philadelphia who said"
                    if not (p == "of" and j > 0 and _is_cap(norm[toks[j - 1][0]:toks[j - 1][1]])):
                        ante = _Speaker(toks[j + 1][0], ante.end)
                    break
            ante.relative = toks[k]
            return ante
        return None
    if tl in {"there", "here"}:
        return None
    end_tok = k
    start_tok = _walk_np(doc, toks, k)
    if aside is not None and start_tok is not None and start_tok > 0 and norm[
            toks[start_tok - 1][0]:toks[start_tok - 1][1]].lower() in doc.words["preposition"]:
        return None  # "colleagues on the Court of Appeals ..., in Denver -- X and Y -- praised"
    if aside is not None and start_tok is not None and start_tok > 0 and norm[
            toks[start_tok - 1][0]:toks[start_tok - 1][1]] == "," and norm[
            toks[start_tok][0]:toks[start_tok][1]] in ("the", "a", "an"):
        # (not "on Tuesday, Joyce -- ... -- told", "..., insiders in the next two states --")
        # "John Dickey, the chief executive of Ora Media -- the production company ... --
        # told me": a description between commas, then the aside
        sp = _appositive(doc, toks[:k + 1] + [aside], k + 1)
        if sp is not None:
            return sp
    while start_tok is not None and start_tok < end_tok and _leading_verb(
            norm[toks[start_tok][0]:toks[start_tok][1]]) and _object_word(
            norm[toks[start_tok + 1][0]:toks[start_tok + 1][1]], w):
        start_tok += 1  # "and established a policy urging ...": the policy
    if start_tok is not None and 0 < start_tok < end_tok and norm[
            toks[start_tok - 1][0]:toks[start_tok - 1][1]].lower() in w["modal"]:
        first = norm[toks[start_tok][0]:toks[start_tok][1]]
        if first.isalpha() and first.islower() and first not in w["determiner"]:
            start_tok += 1  # a bare verb after "didn't": "didn't sway lawmakers, who say"
    if start_tok is None or (start_tok == end_tok and tl in w["determiner"]):
        return None  # a determiner alone is not a speaker
    if start_tok >= 3 and norm[toks[start_tok - 1][0]:toks[start_tok - 1][1]] == "by":
        # "A letter from the Legion obtained by The Associated Press warns": the head NP
        part = norm[toks[start_tok - 2][0]:toks[start_tok - 2][1]]
        if part.islower() and (part.endswith("ed") or part in _IRREGULAR_PARTICIPLES):
            head_start = _walk_np(doc, toks, start_tok - 3)
            if head_start is not None:
                return _Speaker(toks[head_start][0], toks[start_tok - 3][1])
    end = toks[end_tok][1]
    if stem:
        end -= 2  # "Santorum's remarks", "Huckabee's maintained" (has): the possessor speaks
    return _Speaker(toks[start_tok][0], end)


# words that "'s" makes "... is": "That's", "There's"
_NOT_SPEAKERS_IS: Final = frozenset({"that", "there", "here", "what", "who", "where", "this"})


def _s_stem(word: str) -> str | None:
    """``word`` without a final "'s" (a possessive, or "is"/"has"), or None without one."""
    return word[:-2] if word[-2:] in ("'s", "\u2019s") else None


@cache
def _adverb_phrase_ends() -> frozenset[str]:
    """Last words of the ``adverb_phrase`` entries of ``function_words.tsv`` ("times" of "at
    times"): only a token among them can end one."""
    return frozenset(p.split()[-1] for p in word_classes()["adverb_phrase"])


def _object_word(word: str, w: WordClasses) -> bool:
    """``word`` opens a verb's object noun phrase: a determiner or a capitalised word ("signed
    a letter", "picked Barney Frank"; not "mired in", "elected officials")."""
    return word[:1].isupper() or word.lower() in w["determiner"]


def _leading_verb(word: str) -> bool:
    """A lower-case word that is only ever a verb ("established", "convince", "consolidate"),
    which no speaker phrase opens before its object."""
    return word.islower() and word.isalpha() and set(parts_of_speech(word)) == {"VERB"}


def _walk_np(doc: _Doc, toks: list[tuple[int, int]], k: int) -> int | None:
    """Index of the first token of the noun phrase ending at token ``k``, or None."""
    norm, w = doc.norm, doc.words
    stop = w.union("verb", "subordinator", "conjunction", "auxiliary")
    j = k
    start: int | None = None
    n = 0
    while j >= 0 and n < 12:
        t = norm[toks[j][0]:toks[j][1]]
        tl = t.lower()
        if not t[0].isalnum():
            if t in ("&", "-", "'", "\u2019") and start is not None and not (
                    t == "-" and _spaced_dash(norm, toks[j])):
                j -= 1
                continue
            if t == "." and start is not None and j > 0 and toks[j - 1][1] == toks[j][0] and (
                    _abbreviated(norm[toks[j - 1][0]:toks[j - 1][1]])):
                j -= 1  # "Sen. Lindsey Graham", "George W. Bush"
                continue
            break
        if tl in w["preposition"]:
            # "Officials in Nineveh", "a spokesman for the ministry": keep the preposition
            # only between two noun-phrase parts.
            if start is not None and j > 1 and tl in _SOURCE_LINKS and norm[
                    toks[j - 1][0]:toks[j - 1][1]].lower() in _SOURCE_LINKS[tl]:
                j -= 2  # "two people briefed on the matter", "people close to the talks"
                n += 2
                continue
            if start is None or j == 0 or (tl not in {"of", "for", "in", "at", "from", "with"}
                                           and not (tl == "on" and norm[toks[j - 1][0]:toks[
                                               j - 1][1]] in _BODIES_ON)):
                break  # (but "Democrats on the House Select Committee on Benghazi")
            prev = norm[toks[j - 1][0]:toks[j - 1][1]]
            if not prev[:1].isalnum() or prev.lower() in stop or prev.lower() in w["preposition"]:
                break
            j -= 1
            n += 1
            continue
        if tl == "and" and start is not None and _and_in_name(doc, toks, j, k):
            j -= 1  # "the Centers for Disease Control and Prevention"
            n += 1
            continue
        if tl in _NP_BARRIERS or tl in w["opener"]:
            break  # "in what the union's executive called", "Despite Trump saying": after it
        if not _is_cap(t) and (tl in stop or tl in doc_cue_forms()):
            before = norm[toks[j - 1][0]:toks[j - 1][1]].lower() if j > 0 else ""
            named = j > 1 and _is_cap(norm[toks[j - 1][0]:toks[j - 1][1]]) and not before.endswith(
                "s") and norm[toks[j - 2][0]:toks[j - 2][1]].lower() in _DETERMINERS_BEFORE_NAME
            if tl in stop or (before not in w["determiner"] and not named):
                break  # else a cue word used as a noun: "The comments", "the Mueller report"
        if _is_cap(t) and tl in w.union("subordinator", "conjunction") and j == 0:
            break
        start = j
        n += 1
        j -= 1
    if start is None:
        return None
    # trim leading prepositions/conjunctions/subordinators and adverbs ("how deeply Washington
    # believes")
    while start <= k:
        t = norm[toks[start][0]:toks[start][1]].lower()
        if t in w["preposition"] or t in w["conjunction"] or t in w["subordinator"] or (
                start < k and t.endswith("ly") and _ly_adverb(t) and norm[
                    toks[start][0]].islower() and norm[toks[start + 1][0]].isupper()):
            start += 1
            continue
        break
    if start > k:
        return None
    return start


# words no speaker phrase reaches back over: "in what the union's executive called", "how FBI
# official Peter Strzok requested", "including big contributors opposed"
_NP_BARRIERS: Final = frozenset(
    {"what", "whom", "how", "why", "whether", "including", "included",
     "given"})
# bodies named with "on" ("the Senate Committee on Foreign Relations"), and their members
# ("Democrats on the House Select Committee")
_BODIES_ON: Final = frozenset(
    {"Committee", "Subcommittee", "Commission", "Council", "Caucus",
     "Conference", "Panel", "Board", "Force", "Center", "Institute", "Office",
     "Democrats", "Republicans", "members", "Members"})


def _and_in_name(doc: _Doc, toks: list[tuple[int, int]], j: int, k: int) -> bool:
    """The "and" at token ``j`` joins two parts of one organisation's name (ending at token
    ``k``): capitalised words on both sides, and before it a capitalised word, "of", "for" or
    "on" and capitalised words ("Centers for Disease Control and Prevention", "Department of
    Health and Human Services"; not "Obama and Biden", "Secretary of State Clinton and Bill
    Clinton")."""
    norm = doc.norm
    after = norm[toks[j + 1][0]:toks[j + 1][1]]
    if j < 3 or not all(norm[a:b][:1].isupper() or norm[a:b] in ("of", "for", "on")
                        for a, b in toks[j + 1:k + 1]) or after.lower() in given_names() or (
            after.lower().rstrip(".") in person_titles()):
        return False
    i = j - 1
    while i > 0 and j - i <= 4 and norm[toks[i][0]:toks[i][1]][:1].isupper():
        i -= 1
    if i == j - 1 or norm[toks[i][0]:toks[i][1]] not in ("of", "for", "on") or any(
            norm[a:b].lower() in given_names() for a, b in toks[i + 1:j]):
        return False
    return i > 0 and norm[toks[i - 1][0]:toks[i - 1][1]][:1].isupper()


# a preposition and the words before it that tie a source to its subject, inside a speaker
# phrase ("people briefed on the matter", "a person close to the talks")
_SOURCE_LINKS: Final = {
    "on": frozenset({"briefed", "working"}), "to": frozenset({"close"}),
    "about": frozenset({"knowledgeable"})}


_CLAUSE_OPENERS: Final = frozenset(
    {"but", "and", "or", "yet", "although", "though", "while",
     "because", "after", "before", "since", "if", "when", "unless"})


# what may stand between commas after a name, before its description or its verb: an age, a
# home town, a state ("22", "of Flint", "Mich.", "Neb.")
_ASIDE: Final = re.compile(
    r"\d{1,3}|of(?:[ \t]+[A-Z][\w.'\u2019-]*){1,3}|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.")
# what opens a description longer than ten words: "Dmitry Bam, a professor at the University
# of Maine School of Law who has written on judicial recusals and ethics, said"
_LONG_DESCRIPTION_OPENERS: Final = frozenset({"a", "an", "the", "then", "now", "former", "one"})


def _appositive(doc: _Doc, toks: list[tuple[int, int]], k: int) -> _Speaker | None:
    """``NAME, a description,`` right before the cue: the speaker is NAME."""
    norm = doc.norm
    # toks[k] is the comma before the cue; the description runs back to the previous comma
    j = k - 1
    while j >= 0 and norm[toks[j][0]:toks[j][1]] != ",":
        j -= 1
    j2 = j
    for _ in range(3):  # "Cory James, 22, of Flint, Mich., said": an age, a place, a state
        i = j2 - 1
        while i >= 0 and norm[toks[i][0]:toks[i][1]] != ",":
            i -= 1
        if i <= 0 or not _ASIDE.fullmatch(norm, toks[i + 1][0], toks[j2 - 1][1]):
            break
        j2 = i
    if j2 < j:  # the description takes the asides in, if a name stands before them
        s2 = _walk_np(doc, toks, j2 - 1)
        first2 = norm[toks[s2][0]:toks[s2][1]] if s2 is not None else ""
        if first2[:1].isupper() and first2.lower() not in doc.words["determiner"]:
            j = j2  # not "David Brat, a professor at ... in Ashland, Va., toppled Mr. Cantor"
    if j <= 0 or k - j - 1 < 1 or k - j - 1 > 25:
        return None
    desc = norm[toks[j + 1][0]:toks[k - 1][1]]
    first = desc.split()[0].lower()
    long = k - j - 1 > 10
    if long and first not in _LONG_DESCRIPTION_OPENERS:
        return None  # a long stretch between commas is a description only as a noun phrase
    if first in _CLAUSE_OPENERS:
        return None  # ", but only after deliberating," is a clause, not a description
    if desc[:1].islower() and (first in doc.words["auxiliary"] or first in doc.words["verb"]) and (
            first not in _LONG_DESCRIPTION_OPENERS):
        # "Katrina Pierson, a spokeswoman for Trump, has expanded on the accusations of bias,
        # wrongly suggesting": the sentence's verb phrase, not a description; its subject is
        # the noun phrase before it (with its own description)
        return _np_before(doc, doc.sentence(toks[j][0])[0], toks[j][1]) if j > 0 else None
    if desc[:1].islower() and first in doc_cue_forms() and not first.endswith("ing") and (
            k - j - 1 == 1 or norm[toks[j + 2][0]:toks[j + 2][1]].lower()
            not in doc.words["preposition"]):
        # "X, ..., criticized Carter's assessment, saying", "X, the Democratic leader, said,
        # adding": the verb phrase of the sentence, not a description (as the participle of
        # "Mr. Trump, asked about the deaths of journalists, had said" is)
        return None
    name_start = _walk_np(doc, toks, j - 1)
    if name_start is None:
        return None
    if name_start > 0 and norm[toks[name_start - 1][0]:toks[name_start - 1][1]].lower() in (
            "including", "included"):
        return None  # "allies in the House, including the minority leader, Kenneth Fredette,"
    name = norm[toks[name_start][0]:toks[j - 1][1]]
    if not any(_is_cap(x) for x in name.split()[1:]) and (
            name[:1].islower() or name.split()[0].lower() in doc.words["determiner"]):
        role = name.split()
        if role[0].lower() in doc.words["determiner"] and len(role) > 1:
            role = role[1:]  # "the campaign chief, Paul Manafort, bluntly suggested"
        if len(role) <= 3 and all(x.isalpha() and x.islower() for x in role) and not long \
                and _titled_name(desc) and (head_type(" ".join(role)) is not None or (
                    len(role) == 1 and name not in doc.words["verb"])):
            # "Alabama's state auditor, Jim Ziegler, told": a role noun, then the name
            return _Speaker(toks[j + 1][0], toks[k - 1][1], description=name)
        if name[:1].islower():
            return None
    if name.split()[0].lower() in doc.words["opener"]:
        return None  # "Instead, he laid out ..., saying": no name
    if name_start > 0:
        p0, p1 = toks[name_start - 1]
        if norm[p0:p1].lower() in doc.words["preposition"] and doc.sentence(p0)[0] == p0:
            return None  # "During his news conference Friday, LePage ...": a fronted phrase
    if long and not _titled_name(name):
        return None  # ... and only after a name: not "35, ...", "founder of X, a company ..."
    words = name.split()
    if words[-1].islower() and _titled_name(desc) and head_type(name) is not None:
        # "Obama's campaign press secretary, Ben LaBolt, said": the name is in apposition
        return _Speaker(toks[j + 1][0], toks[k - 1][1], description=name)
    return _Speaker(toks[name_start][0], toks[j - 1][1], description=desc)


def _titled_name(phrase: str) -> bool:
    """``phrase`` is a name, after any title ("Ben LaBolt", "former Vice President Dick
    Cheney")."""
    words = phrase.split()
    n_prefix, n_title, _, _ = split_prefixed_title(words)
    return _PROPER_NAME.fullmatch(" ".join(words[n_prefix + n_title:])) is not None


# two to four capitalised words, initials and name particles: "Ben LaBolt", "Kevin de León"
_PROPER_NAME: Final = re.compile(
    r"[A-Z][\w'\u2019.-]*(?:\s+(?:(?:de|van|von|al|bin|da|di|du|la|le)"
    r"\s+)?[A-Z][\w'\u2019.-]*){1,3}")


def _spaced_dash(norm: str, tok: tuple[int, int]) -> bool:
    """A "-" that is a dash ("WASHINGTON -- The ...", "X - Y"), not a hyphen inside a
    name ("Ocasio-Cortez")."""
    a, b = tok
    return norm[a - 1:a] in (" ", "-", "") or norm[b:b + 1] in (" ", "-", "")


def _abbreviated(tok: str) -> bool:
    """A title ("Mr", "Sen"), an initial ("W") or a dotted abbreviation ("U.S") that a period
    follows inside a name."""
    return (len(tok) == 1 and tok.isupper()) or tok.lower() in person_titles() or (
        "." in tok and tok.replace(".", "").isupper()) or tok in _PLACE_ABBREVIATIONS


# abbreviations inside place names ("St. Louis County Prosecutor Bob McCulloch", "Mt. Vernon")
_PLACE_ABBREVIATIONS: Final = frozenset({"St", "Ste", "Mt", "Ft", "Pt"})


def _np_after(doc: _Doc, lo: int, hi: int) -> _Speaker | None:
    """The speaker right after an inverted cue: ``said John Smith, the mayor.``"""
    norm, w = doc.norm, doc.words
    toks = _tokens(norm, lo, min(hi, lo + 200))
    if not toks:
        return None
    first = norm[toks[0][0]:toks[0][1]]
    fl = first.lower()
    if fl in w.union("pronoun_m", "pronoun_f", "pronoun_pl", "pronoun_n"):
        if fl in {"he", "she", "they", "it"}:
            return _Speaker(*toks[0])
        return None
    if not (_is_cap(first) or fl in w["determiner"]):
        return None
    if fl in {"that", "this", "these", "those"}:
        return None
    stop = w.union("verb", "subordinator", "conjunction", "auxiliary", "time")
    end = None
    for i, (s, e) in enumerate(toks[:10]):
        t = norm[s:e]
        tl = t.lower()
        if not t[0].isalnum():
            if t in ("&", "-", "'", "\u2019"):
                continue
            if t == "." and i > 0 and toks[i - 1][1] == s and _abbreviated(norm[toks[i - 1][0]:s]):
                continue  # "said Mr. Schmidt", "said George W. Bush"
            break
        if i > 0 and tl in w["preposition"] and tl not in {"of", "for"}:
            break
        if i > 0 and not _is_cap(t) and tl in stop:
            break
        if _is_cap(t) and tl in w["time"] and i > 0:
            break
        end = e
    if end is None:
        return None
    sp = _Speaker(toks[0][0], end)
    if _is_cap(norm[toks[0][0]]):
        sp.description = _description_after(doc, end, hi)
    return sp


# a description after an inverted speaker's name: up to the next comma, stop or quote mark
_DESCRIPTION_AFTER: Final = re.compile(r"[ \t]*,[ \t]*([^,.;:\"\u201c\u201d\n]{2,160})")
# where it stops being a noun phrase: a relative clause ("a political consultant whose firm has
# run all of Brewer's campaigns")
_RELATIVE_IN: Final = re.compile(r"(?:^|\s+)(?:who|whom|whose|which|that|where)\b")


def _description_after(doc: _Doc, pos: int, hi: int) -> str | None:
    """The description after a name at ``pos`` (", the mayor", ", a senior lawyer with the
    Center for Biological Diversity", ", president of Students For Life of America"), or
    None: a noun phrase opened by an article, or by a role noun of ``source_types.tsv``, of
    at most 16 words, without its relative clause."""
    m = _DESCRIPTION_AFTER.match(doc.norm, pos, hi)
    if m is None:
        return None
    desc = m.group(1)
    r = _RELATIVE_IN.search(desc)
    if r is not None:
        desc = desc[:r.start()]
    desc = desc.rstrip()
    words = desc.lower().split()
    if not words or len(words) > 16 or not desc[:1].islower():
        return None
    w = doc.words
    if words[0] not in ("the", "a", "an") and head_type(" ".join(words[:3])) is None:
        return None  # ", speaking to reporters", ", adding that"
    if any(x in w["verb"] or x in w["auxiliary"] or x in doc_cue_forms() for x in words[1:]):
        return None
    return desc


def _subject(doc: _Doc, lo: int, hi: int) -> _Speaker | None:
    """The subject noun phrase at the start of the clause ``[lo, hi)``."""
    norm, w = doc.norm, doc.words
    toks = _tokens(norm, lo, min(hi, lo + 300))
    i = 0
    # skip an introductory adverbial ending in a comma ("On Tuesday, ...", "And the day after
    # the primary, ...")
    for j, (s, e) in enumerate(toks[:8]):
        if norm[s:e] == ",":
            words = [norm[a:b] for a, b in toks[:j]]
            if _opens_adverbial(words, w, subordinate=True):
                i = j + 1
            break
    if i == 0 and len(toks) > 1 and _opening_phrase(norm[toks[0][0]:toks[0][1]],
                                                    norm[toks[1][0]:toks[1][1]]):
        # "According to early results of exit polls ..., voters are", "Speaking to reporters
        # at a joint appearance with ..., Obama said": the subject is after the phrase's comma
        commas = [j for j, (s, e) in enumerate(toks[:40]) if norm[s:e] == ","]
        if not commas:
            return None
        i = commas[0] + 1
    elif i == 0 and toks and norm[toks[0][0]:toks[0][1]].lower() in w["auxiliary"] and (
            norm[toks[0][0]:toks[0][1]].lower() not in w["opener"]) and (
            norm[toks[0][0]:toks[0][0] + 1].isupper()) and not norm[
            doc.sentence(toks[0][0])[0]:toks[0][0]].strip(_OPENING_MARKS):
        # "Initially a Democrat, he ran ...", "Even so, some economists warn": the subject is
        # after the comma (none after "Even before Sanders took the stage, ...")
        j = next((j for j, (s, e) in enumerate(toks[:8]) if norm[s:e] == ","), -1)
        if j > 0 and not any(norm[a:b].lower() in w["subordinator"] for a, b in toks[1:j]):
            i = j + 1
    stop = w.union("verb", "subordinator", "auxiliary", "conjunction")
    start = end = None
    for j in range(i, min(len(toks), i + 10)):
        s, e = toks[j]
        t = norm[s:e]
        tl = t.lower()
        if start is None and (tl in w["opener"] or (t == "," and j > i)):
            continue  # "But", "However,", "Still,": the subject comes after them
        if start is None and t.islower() and tl in doc_cue_forms() and _is_finite_verb(tl):
            continue  # '"...," said Sheriff Adam Hayward': the inverted speaker after its verb
        if start is None and (tl in w["subordinator"] or (
                _is_cap(t) and tl.endswith("ed") and j + 1 < len(toks)
                and norm[toks[j + 1][0]:toks[j + 1][1]].islower())):
            return None  # "When asked ...", "Asked if ...": no subject here
        if not t[0].isalnum():
            if t in ("&", "-", "'", "\u2019") and start is not None:
                continue
            if t == "." and start is not None and toks[j - 1][1] == s and _abbreviated(
                    norm[toks[j - 1][0]:toks[j - 1][1]]):
                continue  # "Mr. George", "Donald J. Trump": the period of a title or initial
            break
        if tl in w.union("pronoun_m", "pronoun_f", "pronoun_pl", "pronoun_n") \
                and start is None:
            if tl in {"he", "she", "they", "it", "we", "i"}:
                return _Speaker(s, e, subject_fallback=True)
            return None
        if start is not None and not _is_cap(t) and norm[toks[j - 1][0]:toks[j - 1][1]] != "of" and (
                tl in stop or tl in doc_cue_forms() or (tl.endswith("ed") and len(tl) > 4)
                or _is_finite_verb(tl) or (tl.endswith("ly") and _is_adverb(tl) and _names_before(
                    norm[toks[j - 1][0]:toks[j - 1][1]], w))):
            break  # "Joe Manchin dealt a blow", "Donald Trump regularly incites": its verb
        if start is not None and tl in w["preposition"] and tl not in {"of", "for", "in"}:
            break
        if start is not None and tl in ("this", "last", "next") and j + 1 < len(toks) and norm[
                toks[j + 1][0]:toks[j + 1][1]].lower() in w["time"]:
            break  # "Georgia's secretary of state this week announced"
        if start is None and tl in w["preposition"]:
            return None
        if start is None and (_s_stem(tl) in _NOT_SPEAKERS_IS or tl in _NO_SUBJECT or (
                tl in w["auxiliary"] and (t.islower() or (not norm[doc.sentence(s)[0]:s].strip(
                    _OPENING_MARKS) and not (j + 1 < len(toks) and _is_cap(
                        norm[toks[j + 1][0]:toks[j + 1][1]])))))):
            # "That's not to suggest", "There are those who think", "What do you call a boy
            # who calls himself", "have demanded", "Even so": no subject ("Will Hurd", "Theresa
            # May" are names)
            return None
        if start is None:
            start = s
        end = e
    if start is None or end is None:
        return None
    return _Speaker(start, end, subject_fallback=True)


# what may stand before a sentence's first word
_OPENING_MARKS: Final = " \t\n\"'\u201c\u2018("
# words that open a clause without being its subject
_NO_SUBJECT: Final = frozenset({"there", "here", "what", "who", "where", "how", "why"})


def _opening_phrase(first: str, second: str) -> bool:
    """``first second`` open a sentence with a phrase that is not its subject: "According to",
    or a participle ("Speaking to reporters", "Writing in the Post"; not "Manning said")."""
    if not second.islower():
        return False
    return first == "According" or (first[:1].isupper() and _participle_opener(first))


@cache
def doc_cue_forms() -> frozenset[str]:
    """Single-word cue forms (a subject noun phrase ends before one)."""
    return frozenset(f for f in cue_lexicon() if " " not in f)


# ----------------------------------------------------------------------------------------------
# Cues: verb uses and their content

_DETERMINER_BEFORE_NOUN: Final = frozenset(
    {"a", "an", "the", "this", "these", "those", "his", "her",
     "its", "their", "our", "my", "your", "no", "any", "each",
     "every", "another", "such", "whose", "of", "in", "on",
     "for", "with", "by"})
_COPULA: Final = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "got"})
_HEARSAY: Final = frozenset(
    {"say", "report", "claim", "believe", "think", "allege", "estimate",
     "rumor", "rumour", "know", "expect", "understand", "fear"})
_AS_AFTER: Final = re.compile(r"\s+as\b")
_CAST_DOUBT: Final = frozenset({"cast", "casts", "casting", "raise", "raised", "raises", "raising"})
_INTERJECTION_SAY: Final = re.compile(r",\s?say,", re.IGNORECASE)
_NEXT_WORDS: Final = re.compile(r"\W*?([\w'\u2019.-]+)(?:\s+([\w'\u2019.-]+))?")


def _next_words(norm: str, pos: int, hi: int) -> tuple[str, str | None] | None:
    """The two groups of ``_NEXT_WORDS.match(norm, pos, hi)`` (the words after a cue), or
    None; in C (framing/text/_cscan.c) where it is built."""
    if _c_next_words is not None:
        return _c_next_words(norm, pos, hi)
    m = _NEXT_WORDS.match(norm, pos, hi)
    return None if m is None else (m.group(1), m.group(2))
_SUBJECT_START: Final = re.compile(
    r"(?:[A-Z0-9\"']|(?:he|she|they|it|we|i|you|there|the|a|an|this|"
    r"these|those|some|many|most|all|no|none|both|each|every|his|her|"
    r"its|their|our|one|two|several|few|nobody|everyone|somebody|"
    r"nothing)\b)")
_TRAILING: Final = " \t\n,;:.\u2014-"
# the last word before a position, whatever punctuation follows (see _prev_word)
_PREV_WORD: Final = re.compile(r"([\w'\u2019.-]+)\W*$")
# Between the content and a trailing speaker: "..., officials said" / "... — or so X claimed"
_CONTENT_FIRST_GAP: Final = re.compile(r"[\s,\u2014-]*(?:(?:or|and)\s+)?(?:so\s+)?", re.IGNORECASE)


def _prev_word(doc: _Doc, pos: int, lo: int) -> str:
    """The last word before ``pos`` (whatever punctuation follows it), looking back at most
    40 characters and not past ``lo``; "" if there is none. A word is a run of letters,
    digits and ``_'’.-`` holding the last letter or digit (the run of ``_PREV_WORD``)."""
    norm = doc.norm
    start = max(lo, pos - 40)
    j = pos
    while j > start and not (norm[j - 1].isalnum() or norm[j - 1] == "_"):
        j -= 1
    if j == start:  # no letter or digit: the regex decides (rare)
        m = _PREV_WORD.search(norm, start, pos)
        return "" if m is None else m.group(1)
    e = j
    while e < pos and norm[e] in "'\u2019.-":
        e += 1
    k = j
    while k > start and _word_char(norm[k - 1]):
        k -= 1
    return norm[k:e]


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_'\u2019.-"


def _in_name(doc: _Doc, cue: Cue, prev: str, hi: int) -> bool:
    """A capitalised cue word inside a name: "the United States has", "the Islamic State
    group", "The Washington Post, Senator ..." (not a title-case headline, "Trump Says He Will
    Win")."""
    if doc.norm[cue.start].isupper() and prev == "of" and _CAP_WORD_OF.search(
            doc.norm, max(0, cue.start - 30), cue.start):
        return True  # "Secretary of State", "Department of State"
    if not (doc.norm[cue.start].isupper() and prev[:1].isupper()):
        return False
    if doc.norm[cue.end:cue.end + 1] in _NAME_END_MARKS:
        return True  # a headline's verb is followed by a word, a name may end a clause
    nxt = _next_words(doc.norm, cue.end, hi)
    return nxt is None or not nxt[0][:1].isupper()


_NAME_END_MARKS: Final = frozenset(",;:)")
_CAP_WORD_OF: Final = re.compile(r"\b[A-Z][a-z]+[ \t]+of[ \t]+$")
# a determiner and an adverb before a participle or noun: "the newly announced policy", "the
# widely reported figure", "the only question"
_DETERMINER_ADVERB: Final = re.compile(
    r"\b(?:the|a|an|this|these|those|its|his|her|their|our|whose)\s+([a-z]+ly)\s+$",
    re.IGNORECASE)


def _names_before(prev: str, w: WordClasses) -> bool:
    """``prev`` (the word before an adverb) ends a name: capitalised, not "The" or "Most"."""
    return _is_cap(prev) and prev.lower() not in w["determiner"] and prev.lower() not in {
        "most", "more", "less", "least", "an"}


@lru_cache(maxsize=4096)
def _is_finite_verb(word: str) -> bool:
    """An inflected verb form that is never a noun, adjective or -ing form ("dealt",
    "released", "wrote", "issues" is a noun too): where a subject ends."""
    if not word.isalpha() or word.endswith("ing"):
        return False
    pos = parts_of_speech(word)
    verb = pos.get("VERB")
    return verb is not None and len(pos) == 1 and word not in verb


@lru_cache(maxsize=4096)
def _ly_adverb(word: str) -> bool:
    """A word in -ly between a subject and its verb that is an adverb ("reportedly",
    "publicly"), not a noun ("family", "ally", "assembly"); unknown words count as adverbs."""
    pos = parts_of_speech(word)
    return not pos or ("ADV" in pos and "NOUN" not in pos) or set(pos) <= {"ADJ"}


@lru_cache(maxsize=1024)
def _is_adverb(word: str) -> bool:
    """An adverb that is never a noun or verb ("newly", "only"; not "family", "rally")."""
    pos = parts_of_speech(word.lower())
    return "ADV" in pos and "NOUN" not in pos and "VERB" not in pos


def _plural_noun_form(cue: Cue) -> bool:
    """A one-word cue ending in -s ("reports", "claims"): after "to" it is a noun, as no
    infinitive ends in -s."""
    return cue.form.endswith("s") and not cue.form.endswith("ss") and " " not in cue.form


# adverbs between a passive's auxiliary and its participle
_PASSIVE_ADVERBS: Final = frozenset(
    {"not", "never", "also", "still", "already", "since", "widely",
     "long", "often", "once", "first", "later", "then", "now"})
_COPULA_ADVERBS: Final = re.compile(
    r"\b(?:is|are|was|were|be|been|being)(?:n't|n\u2019t)?(?:\s+(?:"
    + "|".join(sorted(_PASSIVE_ADVERBS)) + r"|[a-z]+ly))+\s+$",
    re.IGNORECASE)


# adjectives (some of them adverbs too) that sit between a determiner and a noun
_ADJECTIVES_AFTER_DETERMINER: Final = frozenset(
    {"first", "last", "next", "final", "new", "latest",
     "same", "only", "recent"})


def _cue_is_verb(doc: _Doc, cue: Cue, lo: int, hi: int) -> bool:
    """False for a noun use ("the report"), a passive or a hearsay construction."""
    if cue.lemma == "according to":
        return True
    if cue.category in _ATTITUDE_CATEGORIES and _AS_AFTER.match(doc.norm, cue.end, hi):
        return False  # "also referred to as", "known as", "viewed as" without a subject
    prev = _prev_word(doc, cue.start, lo)
    pl = prev.lower()
    if _in_name(doc, cue, prev, hi):
        return False
    if (pl == "all" and cue.form == "told") or (cue.form == "say" and _INTERJECTION_SAY.match(
            doc.norm, max(0, cue.start - 2), min(len(doc.norm), cue.end + 1))):
        return False  # "All told, ...", "to, say, single digits"
    if cue.lemma == "doubt" and pl in _CAST_DOUBT:
        return False  # "casting doubt on", "raised doubts"
    if pl.endswith("ing") and cue.form.endswith(("s", " for")) and (
            pl not in doc.words["auxiliary"]) and (prev.islower() or (
                _participle_opener(prev) and not doc.norm[doc.sentence(cue.start)[0]:doc.norm.rfind(
                    prev, lo, cue.start)].strip(_OPENING_MARKS))):
        # "growing calls for", "mounting claims", "Continuing claims, which indicate": an
        # adjective before a noun
        return False
    if pl == "to" and cue.category in _ATTITUDE_CATEGORIES:
        return False  # "heading north to seek protection": a purpose, not an attitude
    if pl == "to" and _plural_noun_form(cue) and not _that_follows(doc, cue.end, hi):
        # "did not respond to requests for comment": no infinitive ends in -s (a noun with
        # its own content, "responded to reports that ...", stays)
        return False
    if pl.endswith("ly"):
        m = _DETERMINER_ADVERB.search(doc.norm, max(lo, cue.start - 40), cue.start)
        if m is not None and _is_adverb(m.group(1)):
            return False  # "the newly announced policy": an adjective
    if pl in _DETERMINER_BEFORE_NOUN or pl.endswith(("'s", "\u2019s")):
        return False
    if pl in _ADJECTIVES_AFTER_DETERMINER and _prev_word(
            doc, doc.norm.rfind(prev, lo, cue.start), lo).lower() in _DETERMINERS_BEFORE_NAME:
        return False  # "the first state", "the latest report": a noun
    if pl in doc.words["particle"] and not cue.form.endswith("ing") and doc.norm[
            cue.start - len(pl) - 1:cue.start].lower() == pl + " ":
        return False  # "dialing back plans", "to shore up support": a phrasal verb's object
    if (cue.form.endswith("ed") or cue.form in {"said", "told", "thought", "known", "written"}
            ) and (pl in _COPULA or (pl in _PASSIVE_ADVERBS or pl.endswith("ly")) and (
                _COPULA_ADVERBS.search(doc.norm, max(lo, cue.start - 60), cue.start))):
        return False  # a passive: "were not immediately known"
    if cue.form.endswith("s") and not cue.form.endswith("ss") and prev.islower() and (
            pl.endswith("ed") or pl.endswith("ing")):
        return False
    acts = cue_acts().get(cue.lemma)
    if acts is not None:
        rest = doc.lower[_skip_fillers(doc, cue.end, hi):hi].lstrip()
        if any(rest.startswith(o) and not rest[len(o):len(o) + 1].isalnum() for o in acts):
            return False  # "showed up at the polls", "declared a state of emergency"
    w = doc.words
    if (cue.form in w["noun_cue"] or cue.form == "show") and not cue.form.endswith("s") and (
            prev[:1].isupper() and not prev.endswith("s")):
        k = doc.norm.rfind(prev, lo, cue.start)
        if k > lo and _prev_word(doc, k, lo).lower() in _DETERMINERS_BEFORE_NAME:
            return False  # "the Mueller report", "the Broadway show": a name before a noun
    if cue.form in w["noun_cue"]:
        nxt_that = _that_follows(doc, cue.end, hi)
        subject_like = prev[:1].isupper() or pl in w.union(
            "pronoun_m", "pronoun_f", "pronoun_pl", "pronoun_n", "pronoun_1", "auxiliary") or (
            pl in {"to", "who"}) or (
            pl in {"and", "but", "which", "that"} and nxt_that)
        if not subject_like or pl in _COPULA or pl in {"there", "here"}:
            return False
    words = _next_words(doc.norm, cue.end, hi)
    if words is not None:
        nxt = words[0].lower()
        after = words[1]
        if nxt == "to" and cue.lemma in _HEARSAY and after:
            if after.islower() and after not in doc.words["determiner"] and after not in {
                    "reporters", "him", "her", "them", "us", "me", "journalists"}:
                return False
        if nxt in {"of", "by"} and cue.form.endswith("s"):
            return False  # "reports of", "claims by"
    return True


_DETERMINERS_BEFORE_NAME: Final = frozenset(
    {"the", "a", "an", "this", "that", "its", "his", "her", "their"})


def _skip_fillers(doc: _Doc, pos: int, hi: int) -> int:
    """Skip time phrases and adverbs right after a cue ("reported Tuesday that")."""
    norm = doc.norm
    while True:
        if not _may_open_time_phrase(norm, pos, hi):
            return pos
        m = _TIME_PHRASE.match(norm, pos, hi)
        if m is None or m.end() == pos:
            return pos
        pos = m.end()


_WH: Final = frozenset({"whether", "if", "why", "how", "what", "when", "who", "where", "which"})
_BAD_FIRST_EXTRA: Final = frozenset({"so", "yes", "no", "not", "it", "there", "this", "that"})


def _complement_first(cue: Cue, window: str) -> bool:
    """The text after ``cue`` opens with its complement, so no addressee stands between:
    "promised to hunt down the perpetrators, jihadist group IS-K" is all content, as is "asked
    whether ...". A "to" opens an addressee instead after a cue whose frames say so
    (``to_addressee``: "appealed to voters to back him")."""
    m = _OPENS_COMPLEMENT.match(window)
    return m is not None and not (m.group(1).lower() == "to" and "to_addressee" in cue_frames(
    ).get(cue.lemma, ()))


def _content_after(doc: _Doc, cue: Cue, hi: int) -> tuple[int, int, bool] | None:
    """The reported content after a verb cue: ``(start, end, has_that)`` or None.

    What may follow the cue without "that" is the cue's frame in
    ``framing/data/cue_frames.tsv`` (a clause, a noun phrase, a to-infinitive,
    a wh-clause); "that" is kept in the content, as PolNeAR annotates it.
    """
    norm = doc.norm
    frames = cue_frames().get(cue.lemma, frozenset({"that"}))
    pos = _skip_fillers(doc, cue.end, hi)
    if ("addressee" in frames or cue.category in ("directive", "question")) and not (
            cue.form.endswith(" for")):  # "called for attacks": the object is the content
        window = norm[pos:min(hi, pos + 80)]
        m = None if _complement_first(cue, window) else _short_np(
            _SHORT_NP_BEFORE_COMP_FAST, _SHORT_NP_BEFORE_COMP, window)
        if m and m.end() > 0:
            pos = _skip_fillers(doc, pos + m.end(), hi)
        elif "addressee" in frames:  # "told a local Denver TV station earlier on Wednesday that"
            m = _ADDRESSEE_THEN_THAT.match(window)
            if m is not None:
                pos += m.end()
            else:  # "told the Times it was ...", "told Fox News on Tuesday he thinks ..."
                m = _ADDRESSEE_THEN_PRONOUN.match(window)
                if m is not None and _recipient(doc, m.group(1)):
                    pos += m.end()
    m = _COMMA_GAP.match(norm, pos, hi)
    pos = m.end() if m else pos
    has_that = _that_follows(doc, pos, hi)
    start = pos
    end = _clause_end(doc, start + (4 if has_that else 0), hi)
    glosses = _GLOSS.finditer(norm, start, end) if norm.find(",", start, end) >= 0 else ()
    for g in glosses:  # "..., a sign of growing tensions" (the pattern opens with a comma)
        if g.group(1).lower() in doc.words["gloss"]:
            end = g.start()
            break
    while end > start and norm[end - 1] in _TRAILING:
        end -= 1
    if end - start < 3 or len(norm[start:end].split()) < (3 if has_that else 2):
        return None
    if has_that:
        return start, end, True
    if "addressee" in frames and _ADDRESSEE_END.fullmatch(norm, start, hi) is not None and (
            _recipient(doc, norm[start:end])):
        return None  # "..., Malkia Cyril, ..., told The Huffington Post.": only the addressee
    first = norm[start:end]
    low = first.lower()
    w0m = _FIRST_WORD.match(low)
    w0 = w0m.group(0) if w0m else ""
    w = doc.words
    if cue.category == "directive" and (_TO_WITHIN_SIX.match(low)
                                        or low.startswith("for ")):
        return (start + 4 if low.startswith("for ") else start), _before_second_verb(
            norm, start, end), False
    if cue.category == "question" and w0 in _WH:
        return start, end, False
    if "wh" in frames and w0 in _WH:
        return start, end, False
    if "inf" in frames and (w0 == "to" or low.startswith(("not to ", "never to "))):
        return start, _before_second_verb(norm, start, end), False
    if "clause" in frames and first[:1].isupper() or (
            "clause" in frames and _SUBJECT_START.match(first) and w0 not in _WH):
        return start, end, False
    bad_first = w.union("preposition", "auxiliary") | _BAD_FIRST_EXTRA
    if "lower" in frames and first[:1].islower() and w0 not in bad_first and w0 not in _WH \
            and len(first.split()) >= 3:
        return start, end, False
    if "np" in frames and w0 and w0 not in w["preposition"] and w0 not in _BAD_FIRST_EXTRA:
        return start, end, False
    return None


# "and" with an inflected verb after it (perhaps "had" and an adverb first): "and contrasted",
# "and had already repaid"
_AND_VERB: Final = re.compile(
    r",?[ \t]+and[ \t]+(?:(had|has|have)[ \t]+)?(?:[a-z]+ly[ \t]+)?([a-z]+)\b")


def _before_second_verb(norm: str, start: int, end: int) -> int:
    """Where a to-infinitive content ``[start, end)`` ends when "and" joins a second verb to
    the reporting verb: in "urged donors to contribute to his campaign and contrasted his
    background with ..." the content is "to contribute to his campaign" (an infinitive
    never coordinates with an inflected verb such as "contrasted", "had repaid")."""
    m = _WHILE_CUE.search(norm, start, end)  # "refused to budge ... while arguing that ..."
    if m is not None and m.group(1) in _SPEECH_ING:
        end = _trim(norm, start, m.start())[1] if m.start() - start >= 3 else end
    for m in _AND_VERB.finditer(norm, start, end):
        aux, word = m.group(1), m.group(2)
        nxt = _NEXT_WORD_AFTER.match(norm, m.end(), end)
        if nxt is None or not (nxt.group(1) in _OBJECT_STARTS or word in _CLAUSE_VERBS):
            continue  # "the undivided and recognized capital": an adjective before a noun
        if _is_finite_verb(word) and (aux is not None or word.endswith("ed")
                                      or word in _IRREGULAR_PAST):
            cut = _trim(norm, start, m.start())[1]
            if cut - start >= 3:
                return cut
    return end


# speech verbs that take a clause without "that" ("and said funding is needed")
_CLAUSE_VERBS: Final = frozenset(
    {"said", "told", "added", "noted", "argued", "warned", "insisted",
     "claimed", "acknowledged", "conceded", "suggested", "stressed",
     "explained", "wrote", "tweeted", "declared", "announced"})
# speech verbs whose -ing form after "while" reports the same speaker's own words
_SPEECH_ING: Final = frozenset(
    {"arguing", "saying", "insisting", "noting", "claiming", "warning",
     "adding", "stressing", "emphasizing", "suggesting", "acknowledging",
     "complaining", "contending", "maintaining", "asserting", "explaining"})
_WHILE_CUE: Final = re.compile(r",?[ \t]+(?:while|as|before|after)[ \t]+([a-z]+ing)\b")
_NEXT_WORD_AFTER: Final = re.compile(r"[ \t]+([\w$'\u2019]+)")
# what may open the object of a verb joined by "and" to the reporting verb ("contrasted his
# background", "celebrated the ruling", "declined to meet", "repaid about $60,000")
_OBJECT_STARTS: Final = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
     "this", "that", "these", "those", "him", "them", "us", "me", "it",
     "to", "about", "with", "on", "in", "for", "at", "up", "out", "off",
     "down", "back", "away", "some", "any", "no", "all", "several",
     "more", "two", "three", "against", "into", "from", "over", "by"})
_IRREGULAR_PAST: Final = frozenset(
    {"said", "told", "made", "took", "gave", "went", "came", "wrote",
     "met", "left", "sent", "spent", "paid", "won", "lost", "began",
     "ran", "held", "kept", "brought", "thought", "sought", "fought",
     "bought", "spoke", "chose", "rose", "fell", "drew", "grew",
     "knew", "threw", "saw", "became", "stood", "led", "felt", "heard"})


# an appositive the author adds to a reported clause: ", a sign of ...", ", the latest move in"
_GLOSS: Final = re.compile(
    r",[ \t]+(?:a|an|another|the[ \t]+latest)[ \t]+(?:[\w-]+[ \t]+){0,3}?"
    r"([a-z]+)\b(?=[ \t]+(?:of|in|to|for|that|against|from)\b)")
# a reported clause opened by a pronoun subject right after a cue: "says it is", "said they"
_PRONOUN_SUBJECT: Final = re.compile(r"[ \t]+(?:he|she|it|they|we|i|its|their|his|her)\b")
# ', adding' / '," adding' / ' \u2014 according to' right before a cue
_THEN_ING: Final = re.compile(r"\s*,\s*(\w+ing)\b")
# what may hang between a reported clause and the next attribution: ", and", " but"
_LINK_TAIL: Final = re.compile(r"(?:[\s,;]|\b(?:and|but|then|while)\b)*$")
_JOINED_CUE: Final = re.compile(r"(?:[,\u2014]\"?|\",)\s*$")
# a comma or dash, then "and", right before a cue: "..., and urged", "... -- and reminded"
_COMMA_AND: Final = re.compile(r"(?:,|[ \t]--|[ \t]?[\u2014\u2013])[ \t]+and[ \t]+$")
_CLAUSE_JOIN: Final = re.compile(r",\s+(?:but|while|whereas|although|though|yet|which|who)\b|;\s")


def _clause_cuts(doc: _Doc) -> list[tuple[int, int]]:
    """``(cue start, cut)`` for every cue that opens a new attributed clause: ", adding ...",
    ", according to ...", "... and request that ..."; computed once per text."""
    norm = doc.norm
    cuts = []
    for c in doc.cues:
        if norm[max(0, c.start - 5):c.start] == " and " and (
                _that_follows(doc, c.end, c.end + 12) or (
                    c.category not in _ATTITUDE_CATEGORIES and not c.form.endswith("ing")
                    and " " not in c.form and _PRONOUN_SUBJECT.match(norm, c.end))):
            # "... and request that ...", "said it had fixed it and says it is ...": a new
            # attributed clause of the same speaker
            cuts.append((c.start, c.start - 5))
            continue
        m = _COMMA_AND.search(norm, max(0, c.start - 8), c.start) if "and" in norm[
            max(0, c.start - 6):c.start] else None
        if m is not None and c.category not in _ATTITUDE_CATEGORIES and not (
                c.form.endswith("ing")) and " " not in c.form:
            # "... over the F.B.I., and urged states to ...", "... -- and reminded voters":
            # the speaker's next act, not more of what was said
            cuts.append((c.start, m.start()))
            continue
        if c.form.endswith("ing") or c.lemma == "according to":
            m = _JOINED_CUE.search(norm, max(0, c.start - 4), c.start)
            if m is not None:
                cuts.append((c.start, m.start() + 1 if norm[m.start()] == '"' else m.start()))
    return cuts


def _clause_end(doc: _Doc, start: int, hi: int) -> int:
    """End of the clause starting at ``start``: before ", adding ...", ", but ...", ";" or
    another attributed clause joined by a comma or "and", else ``hi`` (the sentence end)."""
    norm = doc.norm
    # (the pattern needs a comma or a semicolon)
    m = _CLAUSE_JOIN.search(norm, start, hi) if (
        norm.find(",", start, hi) >= 0 or norm.find(";", start, hi) >= 0) else None
    if m is not None and not doc.in_quote(m.start()):
        hi = m.start()
    if doc.norm.find("\n", start, hi) >= 0:
        nl = doc.line_break_after(start, hi)
        while nl >= 0 and doc.in_quote(nl):  # a quote may run on across paragraphs
            nl = doc.line_break_after(nl + 1, hi)
        if nl >= 0:  # a line break outside quotes ends it: a heading or list item follows
            hi = nl
    if doc.clause_cuts is None:
        doc.clause_cuts = _clause_cuts(doc)
        doc.clause_cut_starts = [c for c, _ in doc.clause_cuts]
    i = bisect_right(doc.clause_cut_starts, start)
    if i < len(doc.clause_cuts) and doc.clause_cuts[i][0] < hi:
        return max(start, doc.clause_cuts[i][1])
    return hi


def _clause_lo(doc: _Doc, ss: int, pos: int) -> int:
    norm = doc.norm
    if norm.rfind(")", max(ss, pos - 80), pos) >= 0:
        m = _aux_tail().search(norm, max(ss, pos - 50), pos)  # "(R-Mass.) has not said"
        m = _PAREN_TAIL.search(norm, max(ss, pos - 90), m.start() if m else pos)
        if m is not None:
            pos = m.start()
    lo = max(ss, pos - 300)
    breaks = doc.clause_breaks
    if breaks is None:  # positions of the clause-breaking characters, found once per text
        breaks = doc.clause_breaks = char_positions(norm, _CLAUSE_BREAK, 0, len(norm))
    k = bisect_left(breaks, pos) - 1  # the last break before pos
    return breaks[k] + 1 if k >= 0 and breaks[k] >= lo else lo


# a clause that goes on with a second verb phrase of the sentence's subject: "and told", "but
# has said", "and reportedly argued" (not "and the", "and he", "and Smith")
_COORDINATED_VP: Final = re.compile(
    r"[\s\W]*(?:and|but|or|then)\s+(?!(?:he|she|they|it|we|i|you|the|a|an|this|that|these|"
    r"those|his|her|its|their|our|some|many|most|all|no|other|others|one)\b)[a-z]")


def _speaker_for(doc: _Doc, cue: Cue, ss: int, drafts: list[_Draft]) -> tuple[
        _Speaker | None, int | None]:
    """Speaker of a cue: the noun phrase before it, the subject for ``to say`` and
    participles, the previous speaker for a coordinated verb (``and added``)."""
    lo = _clause_lo(doc, ss, cue.start)
    if lo > ss and doc.norm[lo - 1] in _DASH_BREAKS and not doc.norm[lo:cue.start].strip():
        # "Democrats — and some Republicans — say": the subject is before the aside
        j = doc.norm.rfind(doc.norm[lo - 1], ss, lo - 1)
        if j > ss:
            lo = _clause_lo(doc, ss, j)
    sp = _np_before(doc, lo, cue.start)
    prev = _prev_word(doc, cue.start, lo).lower()
    if prev == "to" and _plural_noun_form(cue):
        return None, None  # "responded to reports that ...": the reports are unnamed
    participle = cue.form.endswith("ing")
    if sp is not None and participle and _is_document(doc, sp) and not doc.norm[
            sp.start:sp.end][:1].isupper():
        subj = _subject(doc, ss, sp.start)
        if subj is not None and subj.start < sp.start:
            return subj, None
    if sp is None or prev == "to" or (participle and prev in {"", ","}):
        if prev in {"and", "but", "then", "also"} or (participle and drafts and _same_sentence(
                doc, drafts[-1], cue.start)):
            for i in range(len(drafts) - 1, -1, -1):
                if _same_sentence(doc, drafts[i], cue.start) and (
                        drafts[i].speaker or drafts[i].inherit_from is not None):
                    return None, i
        clause = _clause_lo(doc, ss, cue.start) if prev != "to" else ss
        if clause > ss and _COORDINATED_VP.match(doc.norm, clause, cue.end):
            # "Milley expressed concerns ... and told officials": the sentence's subject
            clause = ss
        subj = _subject(doc, clause, cue.start)
        if subj is not None and subj.end <= cue.start:
            if sp is not None and sp.start == subj.start and sp.description is not None:
                return sp, None  # the subject with its description: "Reince Priebus, the
                # chairman of the Republican National Committee, tried ..., saying"
            return subj, None
        return None, None
    return sp, None


@cache
def _aux_tail() -> re.Pattern[str]:
    """Auxiliaries and adverbs that end a stretch of text: "has not", "has also"."""
    words = sorted(word_classes()["auxiliary"], key=len, reverse=True)
    return re.compile(r"(?:[ \t]+(?:" + "|".join(re.escape(x) for x in words) + r"))+[ \t]*$",
                      re.IGNORECASE)


def _same_sentence(doc: _Doc, draft: _Draft, pos: int) -> bool:
    return doc.sentence_index(draft.fragments[0][0]) == doc.sentence_index(pos)


def _is_document(doc: _Doc, sp: _Speaker) -> bool:
    return head_type(doc.norm[sp.start:sp.end]) == "document"


# ----------------------------------------------------------------------------------------------
# Quote rules

_ACCORDING_NP: Final = re.compile(
    r"\s+([\w'\u2019&-]+(?:\s+[\w'\u2019&-]+(?:\.[\w]+)*(?:\.(?=\s+[a-z]))?){0,11}?)"
    r"\s*(?=[,.;:!?]|$)")  # "one U.S. official": an abbreviation's period before a word
# A period that ends a title or an initial, not a sentence ("Mr. Clarke said")
# (every alternative starts with a capital: the look-ahead fails fast elsewhere)
_ABBREV_PERIOD: Final = re.compile(
    r"(?=[A-Z])\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Lt|Gen|Col|Sgt|Jr|Sr|"
    r"St|Rev|Adm|Maj|Capt|Prof|Gov)\.")
_PAREN_TAIL: Final = re.compile(r"\s*\([^()]{1,25}\)\s*,?\s*$")
_AFTER_QUOTE: Final = re.compile(r"\s*[,\u2014-]?\s*")
# "quoted Mahmoud Al Taie, a dentist, saying" / "cited one of its reporters as seeing"
_CITED_AS: Final = re.compile(r"\s+([^\"]{2,120}?)\s*,?\s+(?:as\s+)?(saying|\w+ing)\b")


def _quote_groups(quotes: list[Quote]) -> list[list[Quote]]:
    groups: dict[int, list[Quote]] = {}
    singles: list[list[Quote]] = []
    for q in quotes:
        if q.single:
            singles.append([q])
        else:
            groups.setdefault(q.group, []).append(q)
    out = list(groups.values()) + singles
    out.sort(key=lambda g: g[0].start)
    return out


def _whole_sentence(doc: _Doc, q: Quote) -> bool:
    content = doc.norm[q.start:q.end]
    return bool(content[:1].isupper() and len(content.split()) >= 4
                and content.rstrip("'\" ")[-1:] in ".!?,")


def _attribute_after(doc: _Doc, q: Quote, used: set[int]) -> tuple[Cue, _Speaker | None] | None:
    """``"...," he said`` / ``"...," said Smith``: the cue right after the closing mark."""
    if q.close < 0:
        return None
    ss, se = doc.sentence(q.close)
    lo = q.close + 1
    # '"Which is it?" Scalia asked.': the sentence ended at the question or exclamation mark;
    # the attribution is the next sentence, if it starts on the same line
    question = False
    if se <= lo and doc.norm[q.start:q.end].rstrip()[-1:] in "?!":
        k = doc.sentence_index(q.close) + 1
        if k < len(doc.sent_starts) and doc.norm[se:doc.sent_starts[k]].strip(" \t") == "":
            question, se = True, min(doc.sent_ends[k], lo + _WINDOW)
    m = _AFTER_QUOTE.match(doc.norm, lo, se)
    pos = m.end() if m else lo
    ends_open = doc.norm[q.start:q.end].rstrip()[-1:] in ",?!\u2014-" or doc.norm[lo:lo + 1] in (
        ",", "\u2014")
    for cue in doc.cues_between(pos, min(se, pos + 90)):
        if cue.start in used or _in_name(doc, cue, _prev_word(doc, cue.start, pos), se):
            continue
        if not ends_open and cue.category in _ATTITUDE_CATEGORIES and not doc.norm[
                pos:cue.start].strip():
            return None  # 'her "clawback" plan': a quoted modifier of a noun
        if cue.form.endswith("ing") or cue.lemma == "according to":
            return None  # '"...," adding that ...' starts a new attribution
        between = doc.norm[pos:cue.start]
        if any(c in between for c in ";:\"!?") or ("." in between and "." in _ABBREV_PERIOD.sub(
                "", between)):
            return None
        n_between = len(between.split())
        sp = _np_before(doc, pos, cue.start) if between.strip() else None
        # '"...," Will Estrada, the chairman of the county party, said': a long appositive
        long_ok = sp is not None and sp.description is not None and n_between <= 18 and not (
            _CLAUSE_AND.search(doc.norm, pos, sp.start))  # (not "on Sunday, and the host,
        # George Stephanopoulos, asked": the quote is a title in another clause)
        if n_between > 8 and not long_ok:
            return None
        if not ends_open and not between.strip() == "" and n_between > 4 and not long_ok:
            return None
        if sp is None:
            sp = _np_after(doc, _skip_fillers(doc, cue.end, se), se)
        if sp is None and between.strip():
            return None
        if question and between.strip() and sp is not None and doc.norm[
                pos:sp.start].strip():
            return None  # the next sentence must open with the speaker or the cue
        rest = doc.norm[max(cue.end, sp.end if sp else 0):se]
        if _COMPLEMENTIZER.match(rest):
            return None
        return cue, sp
    return None


_CLAUSE_AND: Final = re.compile(r",\s+(?:and|but|or|while)\s")


def _attribute_before(doc: _Doc, q: Quote, used: set[int]) -> tuple[Cue, str] | None:
    """A cue earlier in the quote's sentence: direct (only a gap) or mixed."""
    ss, _ = doc.sentence(q.open)
    cues = [c for c in doc.cues_between(ss, q.open) if c.start not in used
            and not doc.in_quote(c.start)]
    cue = next((c for c in reversed(cues) if _cue_is_verb(doc, c, ss, q.open)), None)
    if cue is None:
        return None
    between = doc.norm[cue.end:q.open]
    if '"' in between:
        return None
    gap = doc.norm[_skip_fillers(doc, cue.end, q.open):q.open]
    if _DIRECT_GAP.match(gap) and (not gap.strip() or gap.rstrip()[-1:] in ",:"):
        return cue, "direct"
    if len(between.split()) > 40:
        return None
    return cue, "mixed"


def _mixed_content(doc: _Doc, cue: Cue, group: list[Quote], se: int) -> tuple[int, int]:
    norm = doc.norm
    pos = _skip_fillers(doc, cue.end, group[0].open)
    if ("addressee" in cue_frames().get(cue.lemma, ()) or cue.category in (
            "directive", "question")) and not _complement_first(cue, norm[pos:group[0].open]):
        m = _short_np(_SHORT_NP_BEFORE_COMMA_FAST, _SHORT_NP_BEFORE_COMMA,
                      norm[pos:group[0].open])
        if m:
            pos += m.end()
    while pos < group[0].open and norm[pos] in " ,:":
        pos += 1
    end = max(_clause_end(doc, group[-1].end, se), group[-1].end)
    last_close = group[-1].close
    if last_close >= 0:
        end = max(end, last_close + 1)
    while end > pos and norm[end - 1] in " \t\n,;.":
        end -= 1
    if end > 0 and norm[end - 1] == '"' and last_close >= 0 and end - 1 < last_close:
        end = last_close + 1
    return pos, end


def _quote_drafts(doc: _Doc, used: set[int]) -> list[_Draft]:
    drafts: list[_Draft] = []
    groups = _quote_groups(doc.quotes)
    consumed: set[int] = set()
    for gi, group in enumerate(groups):
        if gi in consumed:
            continue
        first, last = group[0], group[-1]
        quoted = [(q.start, q.end) for q in group]
        before_open = doc.norm[max(0, first.open - 30):first.open]
        ss, se = doc.sentence(first.open)
        # 1. cue after the quote
        found = _attribute_after(doc, last, used)
        if found is not None:
            cue, sp = found
            used.add(cue.start)
            draft = _Draft("direct", list(quoted), list(quoted), cue, sp)
            lead = doc.norm[ss:first.open]
            if lead.strip() and lead.rstrip()[-1:] not in ":,." and not doc.in_quote(ss):
                # 'The country "has made changes," he said': the quote completes a clause
                a, _ = _trim(doc.norm, ss, first.open)
                draft.kind = "mixed"
                draft.fragments[0] = (a, draft.fragments[0][1])
            # a split quote: "A," he said, "B."
            if gi + 1 < len(groups):
                nxt = groups[gi + 1]
                tail_from = max(cue.end, sp.end if sp else 0)
                gap = doc.norm[tail_from:nxt[0].open]
                if _SHORT_GAP.fullmatch(gap) and (
                        doc.norm[nxt[0].start:nxt[0].start + 1].islower() or "." not in gap):
                    draft.fragments += [(q.start, q.end) for q in nxt]
                    draft.quoted += [(q.start, q.end) for q in nxt]
                    consumed.add(gi + 1)
            drafts.append(draft)
            continue
        if _naming_before(before_open):
            continue
        # 2. cue before the quote, same sentence
        found2 = _attribute_before(doc, first, used)
        if found2 is not None:
            cue, kind = found2
            used.add(cue.start)
            sp, inherit = _speaker_for(doc, cue, ss, drafts)
            according, after_source = None, -1
            if cue.lemma == "according to":
                # 'the "confidential" level, according to a State Department official, two
                # ... were upgraded to the "Secret" level': the source follows the cue, and the
                # content after its comma (the speaker had been "level")
                according = _np_after(doc, cue.end, se)
                if according is None or doc.norm[according.start:according.end].lower() in (
                        doc.words["determiner"]):  # "according to his longtime personal
                    # physician", "according to the recently court-released ... playbook"
                    m = _ACCORDING_NP.match(doc.norm, cue.end, se)
                    according = _Speaker(m.start(1), m.end(1)) if m is not None else None
                comma = doc.norm.find(",", according.end, se) if according is not None else -1
                if according is None or comma < 0:
                    continue
                according.description = None
                sp, inherit = according, None
                after_source = comma + 1
            if cue.lemma in ("cite", "quote"):
                m = _CITED_AS.match(doc.norm, cue.end, first.open)
                if m is not None:
                    sp, inherit = _Speaker(*_trim(doc.norm, m.start(1), m.end(1))), None
                    rest = doc.norm[m.end():first.open]
                    if rest.strip(" ,:") == "" and m.group(2) == "saying":
                        kind = "direct"
                    else:
                        c_start, c_end = _mixed_content(doc, cue, group, se)
                        drafts.append(_Draft("mixed", [(m.start(2), c_end)], list(quoted), cue,
                                             sp))
                        continue
            if kind == "direct":
                drafts.append(_Draft("direct", list(quoted), list(quoted), cue, sp, inherit))
            else:
                _, sent_end = doc.sentence(last.start)
                c_start, c_end = _mixed_content(doc, cue, group, sent_end)
                if according is not None:
                    c_start = _trim(doc.norm, after_source, c_end)[0]
                drafts.append(_Draft("mixed", [(c_start, c_end)], list(quoted), cue, sp,
                                     inherit))
            # later quotes inside the same reported clause belong to it
            for gj in range(gi + 1, len(groups)):
                if groups[gj][0].open >= drafts[-1].fragments[-1][1]:
                    break
                drafts[-1].quoted += [(q.start, q.end) for q in groups[gj]]
                consumed.add(gj)
            continue
        # 3. colon after a named subject: 'Her answer: "..."'
        prefix = doc.norm[ss:first.open]
        if prefix.rstrip().endswith(":") and len(prefix.split()) <= 8:
            colon = ss + prefix.rstrip().rfind(":")
            sp = _np_before(doc, ss, colon)
            if sp is not None:
                cue = Cue(colon, colon + 1, ":", "neutral", ":")
                drafts.append(_Draft("direct", list(quoted), list(quoted), cue, sp))
                continue
        # 4. continuation of the previous speaker
        starts_unit = (first.open in doc.para_start_set or doc.sentence(first.open)[0] == first.open
                       or doc.sentence(first.start)[0] >= first.open)
        if starts_unit and _whole_sentence(doc, first) and drafts:
            prev = drafts[-1]
            prev_para = bisect_right(doc.para_starts, prev.fragments[-1][0])
            here_para = bisect_right(doc.para_starts, first.open)
            if (prev.kind == "direct" and prev.cue is not None and prev.cue.start >= prev.fragments[
                    -1][1] and here_para == prev_para and not prev.extended):
                # '"A," X said. "B."': one attribution in two pieces (as PolNeAR annotates it)
                prev.fragments += quoted
                prev.quoted += quoted
                prev.extended = True
                continue
            if prev.kind in ("direct", "mixed") and here_para - prev_para <= 1:
                drafts.append(_Draft("direct", list(quoted), list(quoted), None, None,
                                     len(drafts) - 1))
                continue
        if starts_unit and _whole_sentence(doc, first):
            drafts.append(_Draft("direct", list(quoted), list(quoted), None, None))
    return drafts


# ----------------------------------------------------------------------------------------------
# Indirect attributions


def _indirect_drafts(doc: _Doc, used: set[int], drafts: list[_Draft]) -> list[_Draft]:
    norm = doc.norm
    covered = [f for d in drafts for f in d.fragments]
    owned = {span for d in drafts for span in d.quoted}  # quotes other attributions claim
    out: list[_Draft] = []
    for cue in doc.cues:
        if cue.start in used or doc.in_quote(cue.start):
            continue
        if any(a <= cue.start < b for a, b in covered[-20:]):
            continue
        ss, se = doc.sentence(cue.start)
        if not _cue_is_verb(doc, cue, ss, se):
            continue
        draft = None
        if cue.lemma == "according to":
            sp = _np_after(doc, cue.end, se)
            if sp is None:  # "according to analysts at Goldman Sachs": up to the punctuation
                m = _ACCORDING_NP.match(norm, cue.end, se)
                if m is None:
                    continue
                sp = _Speaker(m.start(1), m.end(1))
            sp.description = None
            before = norm[ss:cue.start].strip()
            if not before or before[-1] in "(":
                comma = norm.find(",", sp.end, se)
                if comma < 0:
                    continue
                start, end = comma + 1, se
            else:
                start, end = ss, cue.start
            start, end = _trim(norm, start, end)
            if end - start >= 3:
                draft = _Draft("indirect", [(start, end)], [], cue, sp)
        else:
            draft = _verb_draft(doc, cue, ss, se, drafts + out)
        if draft is None:
            continue
        inside = doc.doubles_within(draft.fragments)
        if inside and not any(span in owned for span in inside):
            # quotes no other attribution claims: 'A "living wage" is $12, according to X'
            draft.kind, draft.quoted = "mixed", inside
        elif any('"' in norm[a:b] for a, b in draft.fragments):
            # holds a quote attributed elsewhere: keep the part before that attribution's cue
            # ("Lazar said he welcomed extradition and added, "...")
            a, b = draft.fragments[-1]
            q = norm.find('"', a, b)
            cut = next((d.cue.start for d in drafts if d.kind == "direct" and d.cue is not None
                        and a < d.cue.start < q and any(q < s <= q + 3 for s, _ in d.quoted)),
                       -1)
            if len(draft.fragments) > 1 or q < 0 or cut < 0:
                continue
            tail = _LINK_TAIL.search(norm, a, cut)  # (it matches at ``cut`` at the latest)
            end = cut if tail is None else tail.start()
            if len(norm[a:end].split()) < 2:
                continue
            draft.fragments = [(a, end)]
        used.add(cue.start)
        covered.extend(draft.fragments)
        out.append(draft)
    return out


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and norm[start] in " \t\n,;:":
        start += 1
    while end > start and norm[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _verb_draft(doc: _Doc, cue: Cue, ss: int, se: int, drafts: list[_Draft],
                first_only: bool = False) -> _Draft | None:
    """The indirect attribution of ``cue`` in the sentence ``[ss, se)``, or None;
    ``first_only``: only a content-first one ("The plan is dead, officials said.")."""
    norm = doc.norm
    tail_start = _skip_fillers(doc, cue.end, se)
    if cue.lemma == "cite" and _cited_source(norm, tail_start, se):
        return None  # "Reuters cited Amina Ibrahim, who ...", "..., citing unnamed sources"
    tail = norm[tail_start:se]
    # content first: "The plan is dead, officials said." / "..., said John Smith."
    before_cue = norm[ss:cue.start]
    sp_before = _np_before(doc, _clause_lo(doc, ss, cue.start), cue.start)
    sp_after = None
    if sp_before is None or norm[ss:sp_before.start].rstrip().endswith(",") is False:
        sp_after = _np_after(doc, tail_start, se) if sp_before is None else None
    after_sp = norm[sp_after.end:se] if sp_after else tail
    if sp_after is not None and sp_after.description:
        d = after_sp.find(sp_after.description)
        after_sp = after_sp[d + len(sp_after.description):] if d >= 0 else after_sp
    at_end = _END_PUNCT.fullmatch(after_sp) is not None or _END_TIME_PUNCT.fullmatch(
        after_sp) is not None or (sp_after is None and _END_STATEMENT.fullmatch(
            norm, cue.end, se) is not None)
    if not at_end:  # "..., Nefzi said, adding that ...": another attribution follows
        m = _THEN_ING.match(after_sp)
        at_end = m is not None and m.group(1).lower() in doc_cue_forms()
    addressee_end = False
    if not at_end and sp_before is not None and cue.lemma in _TELL:
        # "..., labor officials told HuffPost.": an addressee, then the end of the sentence
        m = _ADDRESSEE_END.fullmatch(after_sp)
        at_end = addressee_end = m is not None and _recipient(doc, m.group(1))
    speaker = sp_before if sp_before is not None else sp_after
    if first_only and not (at_end and speaker is not None):
        return None
    if at_end and speaker is not None:
        anchor = min(speaker.start, cue.start)
        comma = max(norm.rfind(",", ss, anchor), norm.rfind("\u2014", ss, anchor))
        inverted_and = speaker is sp_after and _AND_NOT_SO.match(norm, comma + 1, anchor)
        if comma > ss and _CONTENT_FIRST_GAP.fullmatch(norm, comma, anchor) and not (
                inverted_and):  # "..., and criticized the party's lack of ...": no speaker
            start, end = _trim(norm, ss, comma)
            if end - start >= 3 and len(norm[start:end].split()) >= 3 and not (
                    _adverbial_only(doc, start, end)):
                return _Draft("indirect", [(start, end)], [], cue, speaker)
        if not addressee_end:
            return None
    # inverted parenthetical: "The contrast, said Doyle and others, would be clear."
    lead = norm[ss:cue.start].rstrip()
    if lead.endswith(",") and len(lead) > 1 and (
            sp_before is None or sp_before.description is None
            or not _titled_name(norm[sp_before.start:sp_before.end])):
        # (not after "NAME, DESCRIPTION,": "That's how John Skipper, 66, a former chairman of
        # the Mobile County Republican Party, characterized the claims" has its subject)
        sp_inv = sp_after if sp_after is not None else _np_after(doc, tail_start, se)
        if sp_inv is not None:
            m = _AND_OTHERS_COMMA.match(norm[sp_inv.end:se])
            if m:
                a = _trim(norm, ss, ss + len(lead) - 1)
                b = _trim(norm, sp_inv.end + m.end(), se)
                if a[1] - a[0] >= 3 and _RELATIVE_START.match(norm, b[0], b[1]):
                    # "..., said the officials, who spoke on condition of anonymity": about
                    # them; "And Trump, said Sunshine, who ..., doesn't forgive": the rest goes on
                    comma = norm.find(",", b[0], b[1])
                    rest = _trim(norm, comma + 1, b[1]) if comma >= 0 else (b[1], b[1])
                    pieces = [a, rest] if rest[1] - rest[0] >= 3 else [a]
                    return _Draft("indirect", pieces, [], cue, sp_inv)
                m = _FIRST_WORD.match(norm, b[0], b[1])
                if a[1] - a[0] >= 3 and b[1] - b[0] >= 3 and not (
                        m and m.group().endswith("ing") and m.group().lower() in doc_cue_forms()):
                    # (not "X, a 9/11 widow, criticized Carter's assessment, saying that ...":
                    # the speaker's next act, not the rest of an inverted parenthetical)
                    return _Draft("indirect", [a, b], [], cue, sp_inv)
    # parenthetical: "The plan, officials said, is dead."
    if speaker is not None and sp_before is not None:
        lead = norm[ss:speaker.start].rstrip()
        m = _LEADING_COMMA.match(tail)
        if lead.endswith(",") and m and len(lead) > 1:
            comma1 = ss + len(lead) - 1
            second = tail_start + m.end()
            a = _trim(norm, ss, comma1)
            b = _trim(norm, second, se)
            if a[1] - a[0] >= 3 and b[1] - b[0] >= 3:
                return _Draft("indirect", [a, b], [], cue, speaker)
    content = _content_after(doc, cue, se)
    if content is None:
        return None
    start, end, _ = content
    end = _before_outer_attribution(doc, start, end, ss, se)
    end = _before_main_clause(doc, ss, start, end)
    sp, inherit = _speaker_for(doc, cue, ss, drafts)
    if sp is None and inherit is None and not before_cue.strip():
        return None
    return _Draft("indirect", [(start, end)], [], cue, sp, inherit)


def _adverbial_only(doc: _Doc, start: int, end: int) -> bool:
    """``[start, end)`` is only an introductory adverbial with no verb ("And the day after the
    primary", "On Tuesday"), not a clause that could be reported content."""
    words = _FIRST_WORD.findall(doc.norm, start, end)
    w = doc.words
    low = [x.lower() for x in words]
    if len(low) > 8 or any(
            x in w["auxiliary"] or x in doc_cue_forms()
            or ("VERB" in parts_of_speech(x) and not x.endswith("ing")) for x in low):
        return False  # "This makes it increasingly difficult ...": a verb, so a clause
    return _opens_adverbial(words, w, subordinate=False)


def _opens_adverbial(words: Sequence[str], w: WordClasses, subordinate: bool) -> bool:
    """``words`` (as written) open an introductory adverbial, after any openers: a
    preposition or time word ("On Tuesday"), a determiner, a lower-case noun and
    "after"/"before" ("And the day after the primary"), and with ``subordinate`` a
    subordinator ("When asked, ..."); without it a demonstrative counts only before a time
    word ("last week", not "This makes it ...")."""
    f = next((n for n, x in enumerate(words) if x.lower() not in w["opener"]), len(words))
    if f == len(words):
        return False
    first = words[f].lower()
    if not subordinate and first in ("this", "that", "last", "next"):
        return f + 1 < len(words) and words[f + 1].lower() in w["time"]
    return first in w["preposition"] or first in w["time"] or (
        subordinate and first in w["subordinator"]) or (
        first in w["determiner"] and f + 1 < len(words) and words[f + 1].islower()
        and any(x.lower() in ("after", "before") for x in words[f + 2:]))


# a sentence opened by a subordinate clause: "After The New York Times reported that ...," (not
# "As": in "As Breitbart News reported, ..." the main clause is the report)
_OPENING_SUBORDINATOR: Final = re.compile(
    r"[\"'\u201c\u2018(]?(?:After|When|Since|Before|While|"
    r"Although|Though|Because|If|Until|Once|Whereas)\b")
# the main clause after it: a comma, a short subject and an inflected verb (", Mrs. Clinton
# announced", ", he said", ", the company has")
_MAIN_CLAUSE: Final = re.compile(
    r",[ \t]+((?:(?:[A-Z][\w.'\u2019-]*|the|a|an|his|her|its|their)[ \t]+)"
    r"{0,4}?(?:[A-Z][\w.'\u2019-]*|he|she|it|they|we|i|officials|police)"
    r")[ \t]+(?:(has|have|had|was|were|is|are|will|would)[ \t]+)?"
    r"([a-z]+)\b")


def _before_main_clause(doc: _Doc, ss: int, start: int, end: int) -> int:
    """Where a content ``[start, end)`` inside a sentence's opening subordinate clause ends:
    at the comma before the main clause ("After The New York Times reported that she had used a
    personal account, Mrs. Clinton announced ..." → "that she had used a personal account")."""
    norm = doc.norm
    if not _OPENING_SUBORDINATOR.match(norm, ss, start):
        return end
    for m in _MAIN_CLAUSE.finditer(norm, start, end):
        verb = m.group(3)
        if m.group(2) is not None or verb in doc_cue_forms() or _is_finite_verb(verb):
            cut = _trim(norm, start, m.start())[1]
            return cut if cut - start >= 3 else end
    return end


_AND_OR: Final = re.compile(r"\s*(?:and|or|but)\b", re.IGNORECASE)
_AND_NOT_SO: Final = re.compile(r"\s*(?:and|or|but)\b(?![ \t]+so\b)", re.IGNORECASE)  # not "or so"
# the object of "cite" up to what may follow a source: "Amina Ibrahim, who", "unnamed sources."
_CITED_NP: Final = re.compile(
    r"([^,;:.\u2014]{2,80}?)(?:\s*(?:[,;:.\u2014]|$)|\s+(?=who\b|saying\b|as\b))")
_AS_NOT_SAYING: Final = re.compile(r"\bas\b(?![ \t]+saying)")
_CITED_NAME: Final = re.compile(r"(?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w.-]*[a-z.]")
_EXAMPLES: Final = re.compile(
    r"\b(?:like|such[ \t]+as|including)\b")  # "senators like John Ashcroft"


def _cited_source(norm: str, start: int, end: int) -> bool:
    """True when what "cite" takes is a source, not content: a name or a person ("cited
    Amina Ibrahim, who was leaving", "citing The Washington Post") or an unnamed source
    ("citing unnamed sources", "citing someone familiar with the case"); "cited the Chamber
    as a supporter" or "cited figures showing a rise" are content."""
    m = _CITED_NP.match(norm, start, end)
    if m is None or _AS_NOT_SAYING.search(norm, m.end(), end):
        return False  # "cited Johnson, an heir to ..., as someone who": content
    phrase = m.group(1).strip()
    if norm.startswith(".", m.end(1)) and phrase.split()[-1].lower() in person_titles():
        return False  # "citing Mrs. Clinton's emphasis on ...": the period of a title
    if _CITED_NAME.fullmatch(phrase):
        return True
    if len(phrase.split()) > 5 or _EXAMPLES.search(phrase):
        return False  # "former Missouri senators like John Ashcroft": examples, content
    stype, unnamed_person, _ = _name_source(phrase, None, None)
    return unnamed_person or stype not in (None, "document", "unknown")


def _before_outer_attribution(doc: _Doc, start: int, end: int, ss: int, se: int) -> int:
    """Where a content ``[start, end)`` ends when a content-first attribution of the whole
    sentence closes it: in "Biden plans to unveil the bill, the White House said." the
    content of "plans" stops at the comma, and "the White House said" keeps its own
    attribution (whose content holds the first one)."""
    for later in doc.cues_between(start, end):
        if later.category in _ATTITUDE_CATEGORIES or se - later.end > 60 or (
                comma := doc.norm.rfind(",", max(start, later.start - 80), later.start)) < 0:
            continue
        if not _cue_is_verb(doc, later, ss, se):
            continue
        outer = _verb_draft(doc, later, ss, se, [], first_only=True)
        if outer is not None and outer.fragments[-1][1] <= comma and not _AND_OR.match(
                doc.norm, comma + 1, later.start):  # not "..., and criticized"
            cut = _trim(doc.norm, start, comma)[1]
            if cut - start >= 3:
                return cut
    return end


@dataclass(frozen=True, slots=True)
class _ResolveDoc:
    """What :func:`_finish` needs of a :class:`_Doc`."""

    text: str
    norm: str
    lower: str
    seg: Segmentation
    words: WordClasses
    quote_ranges: tuple[tuple[int, int], ...] = ()
    role_hits: tuple[RoleHit, ...] = ()  # scan_text's other results
    any_condition: bool = False


def draft_attributions(text: str, seg: Segmentation,
                       attitudes: bool = True) -> tuple[_ResolveDoc, list[_Draft]]:
    """The rules' drafts of ``text`` (contents and cues, speakers unresolved), in the
    rules' order with their fragments and quoted spans sorted, and what resolving needs of
    the document (the rules' working data -- cues, quotes, caches -- is dropped, so that
    cached drafts hold few objects for the garbage collector to scan)."""
    doc = _Doc(text, seg, attitudes)
    used: set[int] = set()
    drafts = _quote_drafts(doc, used)
    drafts += _indirect_drafts(doc, used, drafts)
    for d in drafts:  # drafting is over: in text order
        d.fragments.sort()
        d.quoted.sort()
    return _ResolveDoc(doc.text, doc.norm, doc.lower, doc.seg, doc.words,
                       tuple(doc.quote_ranges), tuple(doc.role_hits),
                       doc.any_condition), drafts


def resolve_drafts(doc: _ResolveDoc, drafts: list[_Draft]) -> list[Attribution]:
    """The :class:`Attribution` records of ``drafts``, speakers resolved, sorted by content
    start."""
    resolver = SpeakerResolver(doc.text, doc.norm, doc.seg, doc.lower, doc.quote_ranges,
                               (doc.role_hits, doc.any_condition))
    # Resolved in text order (of the speaker as written, else of the content), so that a
    # pronoun finds every speaker before it, whichever rule drafted that one ("Obama
    # defended the programs ... 'They may identify leads,' he said": the quote's draft comes
    # first, the indirect one's speaker first in the text); a follow-on quote after the
    # draft whose speaker it continues.
    resolved: list[Attribution | None] = [None] * len(drafts)
    order = sorted(range(len(drafts)), key=lambda i: (_text_position(drafts[i]), i))
    for i in order:
        chain = [i]
        while True:
            d = drafts[chain[-1]]
            j = d.inherit_from
            if j is None or resolved[j] is not None or j in chain:
                break
            chain.append(j)
        for k in reversed(chain):
            if resolved[k] is None:
                resolved[k] = _finish(doc, drafts[k], resolver, drafts, resolved)
    out = []
    for a in resolved:
        if a is None:
            continue
        if a.source_type == "unknown" and a.speaker is not None:
            # the type the article gives the same speaker further on ("whistleblower Frances
            # Haugen, who blasted ... said Haugen, a former Facebook employee")
            typed = resolver.typed(a.speaker)
            if typed is not None:
                a = replace(a, source_type=typed)
        out.append(a)
    return sorted(out, key=lambda a: (a.content_start, a.content_end))


def _text_position(draft: _Draft) -> int:
    """Where ``draft`` starts in the text for resolving: its speaker as written, else its
    content."""
    return draft.speaker.start if draft.speaker is not None else draft.fragments[0][0]


def _finish(doc: _ResolveDoc, draft: _Draft, resolver: SpeakerResolver, drafts: list[_Draft],
            resolved: Sequence[Attribution | None]) -> Attribution:
    text = doc.text
    frags = tuple(draft.fragments)  # in text order since AttributionDrafts
    c_start, c_end = frags[0][0], frags[-1][1]
    kwargs: dict = {}
    if draft.cue is not None:
        c = draft.cue
        kwargs.update(cue_start=c.start, cue_end=c.end, cue=text[c.start:c.end],
                      cue_lemma=c.lemma, cue_category=c.category)
    sp = draft.speaker
    if sp is not None and doc.norm[sp.start:sp.end].lower() in doc.words["determiner"]:
        sp = None  # "The" or "That" alone: the noun phrase was cut short, not a speaker
    prev = None if sp is not None or draft.inherit_from is None else (
        resolved[draft.inherit_from])
    if prev is not None:
        kwargs.update(speaker=prev.speaker, speaker_start=prev.speaker_start,
                      speaker_end=prev.speaker_end, speaker_text=prev.speaker_text,
                      antecedent_start=prev.antecedent_start,
                      antecedent_end=prev.antecedent_end, description=prev.description,
                      source_type=prev.source_type, anonymous=prev.anonymous)
    elif sp is not None:
        info = resolver.resolve(sp.start, sp.end, sp.description, c_start)
        kwargs.update({k: v for k, v in info.items() if not k.startswith("_")})
        if sp.relative is not None:  # the speaker as written is "who"; its antecedent named
            r0, r1 = sp.relative
            kwargs.update(speaker_start=r0, speaker_end=r1, speaker_text=text[r0:r1],
                          antecedent_start=sp.start, antecedent_end=sp.end)
    else:
        kwargs.update(resolver.unnamed(c_start, c_end))
    kwargs.update(kind=draft.kind, content_start=c_start, content_end=c_end,
                  content=text[c_start:c_end], fragments=frags, quoted=tuple(draft.quoted))
    att = _new_attribution(kwargs)
    if draft.cue is not None:
        c = draft.cue
        lo = c.start - 40
        if sp is not None and lo < sp.end <= c.start:
            lo = sp.end
        window = doc.lower[max(lo, 0):c.start]
        if ("not" in window or "n't" in window or "never" in window) and _NEGATED_BEFORE.search(
                doc.lower, max(lo, 0), c.start) is not None:
            att.extra["negated"] = True  # "has not said", "didn't publicly say"
    return att


_REQUIRED: Final = object()  # the default of a field that has none


def _attribution_fields() -> tuple[tuple[Any, str, Any, Any], ...]:
    """Per field of :class:`Attribution`, in order: the member descriptor of its slot, its
    name, its default (:data:`_REQUIRED` if none) and its default factory (or None)."""
    return tuple((getattr(Attribution, f.name), f.name,
                  _REQUIRED if f.default is MISSING else f.default,
                  None if f.default_factory is MISSING else f.default_factory)
                 for f in fields(Attribution))


_ATTRIBUTION_FIELDS: Final = _attribution_fields()
_fill_slots: Callable[[object, tuple[Any, ...], dict[str, Any], object], None] | None = (
    None if _cscan is None else _cscan.fill_slots)


def _new_attribution(values: dict[str, Any]) -> Attribution:
    """``Attribution(**values)``, built by setting its slots directly: the frozen dataclass's
    own ``__init__`` sets each of its 21 fields through ``object.__setattr__`` in interpreted
    code, about 3.5 microseconds an attribution; the C scanners' ``fill_slots`` does it in
    one call (a test checks that the two give equal records)."""
    att = cast(Attribution, object.__new__(Attribution))
    if _fill_slots is not None:
        _fill_slots(att, _ATTRIBUTION_FIELDS, values, _REQUIRED)
        return att
    used = 0
    for descriptor, name, default, factory in _ATTRIBUTION_FIELDS:
        if name in values:
            value = values[name]
            used += 1
        elif factory is not None:
            value = factory()
        elif default is _REQUIRED:
            raise TypeError(f"missing field {name!r}")
        else:
            value = default
        descriptor.__set__(att, value)
    if used != len(values):
        raise TypeError("a value names no field of Attribution")
    return att


# a negation right before a cue, perhaps with an adverb or auxiliary between: "did not say",
# "hasn't publicly said", "would never say" (not "not only said")
_NEGATED_BEFORE: Final = re.compile(
    r"(?:\b(?:not|never)|n't)(?![ \t]+(?:only|just|merely)\b)(?:[ \t]+[a-z]+){0,2}[ \t]*\Z")
