"""Speakers: title stripping, pronoun and surname resolution, source type and anonymity.

:class:`SpeakerResolver` looks up capitalised name mentions only where it needs
them (the window before a pronoun, the earlier uses of a surname) and turns
each speaker mention found by the attribution rules into a resolved name with
its source type:

- titles are stripped (``Mayor Helen Brandt`` → ``Helen Brandt``), also after
  a place, party or body and stacked (``Washington Gov. Jay Inslee``,
  ``Committee Chairman Rep. Trey Gowdy``), and kept as evidence of the source
  type (a mayor is ``official``); so is a lower-case role noun before a full
  name anywhere in the text (``campaign aide Robert Gibbs``);
- ``he``/``she`` resolve to the nearest earlier person mention whose gender is
  compatible (from a title, or from the first gendered pronoun after the
  mention), never to a name inside a quotation; ``they`` to the nearest group
  or organisation speaker; ``it`` to the nearest organisation, outlet or
  document;
- a surname alone (``Maliki``) links to the full name mentioned earlier
  (``Prime Minister Nouri al-Maliki``);
- the source type comes from a news-outlet list, the title, or the head noun
  of the speaker or its description (``a dentist`` → ``witness``), from the
  lexicons in ``framing/lexicons``; a speaker with no proper name
  (``officials``, ``a senior diplomat``), a role noun whatever names modify it
  (``a Manchin aide``), or a sentence saying ``on condition of anonymity``
  makes the source anonymous.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Final

import ahocorasick

from ..native import c_extension
from ..text import Segmentation
from ._cue_hits import cues_at_word_boundaries
from .cues import Cue, CueHit, cue_values, lower_same_length
from .quotes import in_quotation
from .words import (
    affiliated_terms,
    anonymity_cues,
    candidacy_terms,
    city_names,
    given_names,
    media_names,
    name_gender,
    parts_of_speech,
    person_titles,
    place_names,
    source_terms,
    word_classes,
)

# A name word, or an abbreviated title with its period right before a name ("Sen. Lindsey",
# from person_titles.tsv: "Bush." at a sentence end is not one); patterns built from it start
# with a lookahead on the first letter, which fails fast.
# (the C scanner of name runs takes them as a set: ASCII letters, four at most, checked below)
_NAME_TITLES: Final = frozenset(
    {t[:1].upper() + t[1:] for t in person_titles() if " " not in t and len(t) <= 4}
    | {"Jr", "Sr", "St"})
_TITLE_ABBREVIATIONS: Final = "|".join(sorted(_NAME_TITLES, key=len, reverse=True))
_NAME_PREFIX: Final = "(?:al|el|ad|as|ash|an|bin|abu)-"  # "al-Maliki"
_NAME_TOKEN: Final = (
    rf"(?:(?:{_TITLE_ABBREVIATIONS})\.(?=[ \t]+[A-Z])|"
    rf"(?:{_NAME_PREFIX})?[A-Z](?:[\w'\u2019-]+|\.))")
# where a name token can start (every title abbreviation is capitalised): checked before the
# look-behind, as most positions fail it
_NAME_START: Final = rf"(?=[A-Z]|{_NAME_PREFIX})"
# "(R-S.C.)", ", D-Calif.," right after a name: a member of a party
_PARTY_AFTER: Final = re.compile(r"\s*[(,]\s*(?:[RDI]|Rep|Dem|Ind)\s*[-\u2013,]\s*[A-Z]")
_NAME_RE: Final = re.compile(
    rf"{_NAME_START}(?<![A-Z]\.){_NAME_TOKEN}(?:[ \t]+(?:(?:al|el|bin|ibn|de|van|"
    rf"von|der|da|di|du|le|la|abu|bint)[ \t]+)?{_NAME_START}{_NAME_TOKEN})*")
_NAME_BEFORE: Final = re.compile(rf"(?:(?=[A-Zaeb]){_NAME_TOKEN}[ \t]+)+$")
# the C scanner of name runs (framing/text/_cscan.c) gives _NAME_RE's spans, where it is built
_cscan = c_extension("framing.text._cscan")
_c_name_spans: Callable[[str, int, int, frozenset[str]], list[tuple[int, int]]] | None = (
    _cscan.name_spans if _cscan is not None and all(
        t.isascii() and t.isalpha() and len(t) <= 4 for t in _NAME_TITLES) else None)


def _name_spans(norm: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of ``_NAME_RE.finditer(norm, lo, hi)``: the runs of capitalised name words."""
    if _c_name_spans is not None:
        return _c_name_spans(norm, lo, hi, _NAME_TITLES)
    return [m.span() for m in _NAME_RE.finditer(norm, lo, hi)]
# the start of a sentence's subject: an opener, a determiner and up to three capitalised
# words; SpeakerResolver._subject_antecedent reads the head noun and the verb after it
_LEAD_NP: Final = re.compile(
    r"[\"'\u201c\u2018(]?(?:(?:But|And|So|Yet|Still|However|Meanwhile|Instead),?[ \t]+)?"
    r"((?:(?:[Tt]he|[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Bb]oth|[Aa]ll|[Tt]wo|"
    r"[Tt]hree|[Tt]hose|[Tt]hese|[Tt]his|[Tt]hat)[ \t]+)?(?:[A-Z][\w'\u2019.&-]*[ \t]+){0,3})")
_LOWER_WORD: Final = re.compile(r"[a-z][\w-]*")
_OF_TITLE: Final = "Secretary of "  # the one title with a lower-case word ("Secretary of State")
_WINDOW: Final = 1000  # characters either side of a position that the sentence rules look at
_PRONOUNS: Final = {"he": "m", "she": "f", "they": "pl", "it": "n", "him": "m", "her": "f"}
_GENDER_RE: Final = re.compile(r"\b(he|his|him|himself|she|her|hers|herself)\b", re.IGNORECASE)
_WORD_SPLIT: Final = re.compile(r"[\w'\u2019-]+")


_ASCII_UPPER: Final = re.compile(r"[A-Z]")


def _may_end_name(norm: str, lo: int, end: int) -> bool:
    """False when :data:`_NAME_BEFORE` cannot match in ``norm[lo:end]``: it needs blanks right
    before ``end`` (or before a newline there) and, before them, a word holding a capital
    letter. A cheap test that spares most searches ("said Graham")."""
    e = end
    if e > lo and norm[e - 1] == "\n":  # "$" also matches before a final newline
        e -= 1
    j = e
    while j > lo and norm[j - 1] in " \t":
        j -= 1
    if j == e:
        return False
    k = max(norm.rfind(" ", lo, j), norm.rfind("\t", lo, j), lo - 1)
    return _ASCII_UPPER.search(norm, k + 1, j) is not None


_NAME_STARTS: Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZaeb")  # what _NAME_BEFORE's tokens start with


def _name_before(norm: str, lo: int, end: int) -> re.Match[str] | None:
    """``_NAME_BEFORE.search(norm, lo, end)``, with the search started where a match can
    start: a match is blank-separated words of letters, digits, "_", "'", "’", "-" and
    ".", each but the first starting with a capital, "a", "e" or "b" (the first may start
    inside a word: "McCain"). Read back from ``end``, the first word that could not be one of
    them is as far back as a match reaches; the regex would try every position from ``lo``
    in vain before it (and backtrack through each name there)."""
    if not _may_end_name(norm, lo, end):
        return None
    i = end - 1 if end > lo and norm[end - 1] == "\n" else end
    start = lo
    while i > lo:
        j = i
        while j > lo and norm[j - 1] in " \t":
            j -= 1
        k = j
        while k > lo and (norm[k - 1].isalnum() or norm[k - 1] in "_'\u2019-."):
            k -= 1
        if k == j or norm[k] not in _NAME_STARTS:
            start = k
            break
        i = k
    return _NAME_BEFORE.search(norm, start, end)


@dataclass(slots=True)
class Mention:
    """A capitalised name in the text, with its title stripped.

    ``is_person`` and ``gender`` are worked out on first use (most mentions
    are never candidates for a pronoun).
    """

    start: int  # of the name, title excluded
    end: int
    name: str
    title_kind: str | None
    title_gender: str  # "m", "f" or "-" from the title
    n_title: int
    _resolver: SpeakerResolver
    _person: bool | None = None
    _gender: str | None = None

    @property
    def is_person(self) -> bool:
        if self._person is None:
            words = self.name.split()
            place, time = word_classes()["place"], word_classes()["time"]
            # ("Justice Department" is no Justice named Department: a body's name is no person)
            self._person = not _names_a_body(self.name) and ((
                self.n_title > 0 and self.title_kind not in ("organisation", "media")) or (
                2 <= len(words) <= 4 and head_type(self.name) is None
                and not any(w.lower().rstrip(".") in place for w in words)
                # "Super Tuesday", "Capitol Hill Wednesday", "Twitter Saturday"
                and not any(w.lower() in time for w in words)
                and not _media_in(self.name.lower()) and not _common_words(self.name)
                and not _plural_group(words)
                and self.name.lower() not in place_names() and not _city_start(words)
                and _LOCATIVE_BEFORE.search(self._resolver.norm, max(0, self.start - 12),
                                            self.start) is None))
        return self._person

    @property
    def gender(self) -> str:
        if self._gender is None:
            self._gender = self.title_gender
            if self._gender == "-" and self.is_person:
                self._gender = name_gender(self.name) or self._resolver._gender_after(self.end)
        return self._gender


# a preposition of place right before a name: "in Boca Raton", "in Latin America" name no
# person ("he" said is not them; not "at": "swipes at Marco Rubio")
_LOCATIVE_BEFORE: Final = re.compile(r"\b(?:in|near|outside|across|throughout)[ \t]+$")

# lower-case words inside names ("Abu Bakr al-Baghdadi", "Ursula von der Leyen"); another
# lower-case word makes a description ("The movie", "One California delegate"), and an untyped
# one is no person that "he" or "she" refers to
_NAME_PARTICLES: Final = frozenset(
    {"al", "el", "bin", "ibn", "de", "van", "von", "der", "da", "di",
     "du", "le", "la", "abu", "bint", "del", "dos", "das", "y"})
# "the senator", "The Idaho congressman", "the former Pennsylvania senator": a role noun
# after "the" and capitalised modifiers, and the titles that name a person in that role
_ROLE_TITLES: Final = {
    "senator": ("sen", "senator"), "congressman": ("rep", "congressman", "representative"),
    "congresswoman": ("rep", "congresswoman", "representative"),
    "governor": ("gov", "governor"), "president": ("president",), "mayor": ("mayor",),
    "judge": ("judge",), "justice": ("justice",), "speaker": ("speaker",)}
_ROLE_DESCRIPTION: Final = re.compile(
    r"[Tt]he(?: (former)| (?:then|outgoing|new|freshman|junior|senior|veteran))?"
    r"(?: [A-Z][\w.'\u2019-]*){0,3} (" + "|".join(_ROLE_TITLES) + ")")
_ROLE_CANDIDATES: Final = 25  # titled names tried for one description, the latest first
_TITLE_MODIFIERS: Final = frozenset(
    {"house", "senate", "state", "u.s.", "us", "republican",
     "democratic", "democrat", "gop", "independent", "supreme",
     "court", "federal", "district", "county", "city", "then"})
_ROLE_TITLE_AT: Final = {
    role: re.compile(r"(?<![\w.])(?i:" + "|".join(titles) + r")\.?[ \t]+(?=[A-Zaeb])")
    for role, titles in _ROLE_TITLES.items()}
_ROLE_TITLE_BEFORE: Final = {
    role: re.compile(r"(?<![\w.])(?i:" + "|".join(titles) + r")\.?[ \t]+(?:[A-Z]\.[ \t]+)?\Z")
    for role, titles in _ROLE_TITLES.items()}
# what may come before a sentence's first word: spaces and opening quotes or brackets; an
# opening word ("But", "Meanwhile,"); the word classes that are no surname ("He", "With")
_OPENERS: Final = " \t\n\"'\u201c\u2018(["
_OPENER_WORD: Final = re.compile(r"([A-Z][a-z]+),?[ \t]+")
_FUNCTION_CLASSES: Final = (
    "determiner", "preposition", "opener", "subordinator", "conjunction",
    "pronoun_m", "pronoun_f", "pronoun_1", "pronoun_n", "pronoun_pl", "time")


def _function_word(word: str) -> bool:
    """``word`` is of a word class that is no surname (:data:`_FUNCTION_CLASSES`)."""
    classes, low = word_classes(), word.lower()
    return any(low in classes[c] for c in _FUNCTION_CLASSES)


@cache
def _title_lengths() -> tuple[int, ...]:
    """Word counts of the titles, longest first ("prime minister" before "minister")."""
    return tuple(sorted({len(t.split()) for t in person_titles()}, reverse=True))


@cache
def _title_first_words() -> frozenset[str]:
    return frozenset(t.split()[0] for t in person_titles())


def split_title(words: list[str]) -> tuple[int, str | None, str]:
    """How many leading words of ``words`` form a title; its kind and gender.

    Examples
    --------
    >>> split_title(["Prime", "Minister", "Nouri", "al-Maliki"])
    (2, 'official', '-')
    """
    titles = person_titles()
    if not words or words[0].lower().rstrip(".") not in _title_first_words():
        return 0, None, "-"
    for n in _title_lengths():
        if n < len(words):
            key = " ".join(w.lower().rstrip(".") for w in words[:n])
            if key in titles:
                kind, gender = titles[key]
                return n, kind, gender
    return 0, None, "-"


def split_prefixed_title(words: list[str]) -> tuple[int, int, str | None, str]:
    """Like :func:`split_title`, but the title may follow up to three capitalised words of a
    place, party or body ("Washington Gov. Jay Inslee", "Top Republican Sen. John Thune",
    "U.S. Treasury Secretary Janet Yellen"), and titles may be stacked ("Committee Chairman
    Rep. Trey Gowdy"): (prefix words, title words, kind, gender). Kind and gender are those
    of the title nearest the name; a generic one (an organisation's "Chairman") gives way to
    what the prefix says ("Republican National Committee Chairman" is political). A title
    needs a capitalised word after it.

    Examples
    --------
    >>> split_prefixed_title(["New", "York", "Gov.", "Andrew", "Cuomo"])
    (2, 1, 'official', '-')
    >>> split_prefixed_title(["Mayor", "Helen", "Brandt"])
    (0, 1, 'official', '-')
    >>> split_prefixed_title(["The", "Justice", "Department"])
    (0, 0, None, '-')
    """
    if len(words) > 2 and words[0].lower() in _FORMER:
        # "former President Donald Trump": an elected head out of office speaks as a
        # political actor, no longer for the state
        i, n, kind, gender = split_prefixed_title(words[1:])
        if not n:
            return 0, 0, None, "-"
        if kind == "official" and " ".join(w.lower().rstrip(".") for w in words[
                1 + i:1 + i + n]) in _ELECTED_HEADS:
            kind = "political"
        return i + 1, n, kind, gender
    n, kind, gender = split_title(words)
    i = 0
    if not n:
        skip = word_classes().union("determiner", "preposition", "subordinator",
                                    "conjunction", "time", "auxiliary")
        for i in range(1, min(3, len(words) - 2) + 1):
            if not words[i - 1][:1].isupper() or words[i - 1].lower() in skip:
                return 0, 0, None, "-"
            n, kind, gender = split_title(words[i:])
            if n and words[i + n][:1].isupper():
                break
        else:
            return 0, 0, None, "-"
    while True:  # stacked titles: the one nearest the name says most
        more, k, g = split_title(words[i + n:])
        if not more or not words[i + n + more:][:1] or not words[i + n + more][:1].isupper():
            break
        n += more
        if k not in (None, "other", "-"):
            kind, gender = k, g
    if i and kind in (None, "other", "-", "organisation"):
        kind = head_type(" ".join(words[:i])) or kind
    elif i == 1 and kind == "official" and _ACRONYM.fullmatch(words[0]) and head_type(
            words[0]) is None and words[0].lower() not in place_names() and " ".join(
            w.lower().rstrip(".") for w in words[i:i + n]) in _AFFILIATED_TITLES:
        kind = "organisation"  # "NAACP President Ben Jealous": the president of a body
    return i, n, kind, gender


_FORMER: Final = frozenset({"former", "ex", "ex-"})
_ELECTED_HEADS: Final = frozenset(
    {"president", "vice president", "governor", "gov", "lt. gov",
     "lieutenant governor", "mayor", "prime minister"})
# titles whose body an acronym before them names ("NAACP President", "AARP President")
_AFFILIATED_TITLES: Final = frozenset({"president", "vice president"})
# roles that head a body named after them ("president of Third Way", "chairman of G-III"): of
# an untyped name, an organisation
_BODY_HEADS: Final = frozenset(
    {"president", "vice president", "chair", "chairman", "chairwoman",
     "chairperson", "co-chair", "founder", "co-founder",
     "executive director"})
_ACRONYM: Final = re.compile(r"[A-Z]{2,6}")


@lru_cache(maxsize=8192)
def _common_words(name: str) -> bool:
    """Every word of ``name`` is an English word (known to lemminflect) and the first is not
    a given name: a thing or an event, not a person ("Social Security", "Capitol Hill",
    "Civil Liberties"; not "Mark Warren" or "Rush Limbaugh")."""
    words = name.lower().split()
    if words[0] in given_names():
        return False
    return all(w.isalpha() and parts_of_speech(w) for w in words)


@lru_cache(maxsize=8192)  # small: cached entries are objects the garbage collector scans
def _mention_parts(matched: str) -> tuple[int, str, str | None, str, int] | None:
    """A name match of :data:`_NAME_RE` with its title (or leading function word) stripped:
    (offset of the name in ``matched``, name, title kind, title gender, title words), or
    None when nothing of a name is left ("The" alone). Cached: names recur."""
    words = matched.split()
    n_prefix, n_title, kind, gender = split_prefixed_title(words)
    n_title += n_prefix  # the prefix goes with the title ("Washington Gov.")
    name_words = words[n_title:]
    if not name_words:
        return None
    if n_title == 0 and (name_words[0].lower() in word_classes().union(
            "determiner", "preposition", "subordinator", "conjunction", "time", "auxiliary",
            "opener") or name_words[0].lower() in _WH_WORDS):
        if len(name_words) == 1:
            return None
        name_words = name_words[1:]  # "The Pentagon" -> "Pentagon", "But Lewandowski"
    elif n_title == 0 and len(name_words) > 1 and _participle_opener(name_words[0]) and not any(
            x.isupper() for x in name_words[1:]):
        # "Joining Rubio in the group ..." -> "Rubio" (not "Turning Point USA")
        name_words = name_words[1:]
    delta = matched.find(name_words[0], len(" ".join(words[:n_title])))
    last = name_words[-1]
    bare = last[:-2] if last.endswith(("'s", "\u2019s")) else last.rstrip("'\u2019")
    if not bare:
        return None
    name_words[-1] = bare  # "Mr. Trump's veracity", "Jeff Sessions' office": the name
    return delta, " ".join(name_words), kind, gender, n_title


_REFLEXIVE_AFTER: Final = re.compile(r"[ \t]+(herself|himself)\b")
# question words that open a sentence before a name ("What Trump wants is ...")
_WH_WORDS: Final = frozenset({"what", "how", "why", "when", "where", "whether", "who", "which"})


def _participle_opener(word: str) -> bool:
    """``word`` is a capitalised participle, such as opens a sentence before a name
    ("Joining Rubio"), a phrase ("Speaking to reporters, ...") or a noun ("Continuing
    claims"); not a given name ("Channing") nor a short word ("King")."""
    low = word.lower()
    return word.endswith("ing") and len(word) > 5 and word[1:].islower() and (
        low not in given_names()) and "VERB" in parts_of_speech(low)


@lru_cache(maxsize=8192)
def head_type(phrase: str) -> str | None:
    """Source type implied by the words of a noun phrase (head noun first), or None.

    Examples
    --------
    >>> head_type("a dentist"), head_type("The US State Department"), head_type("Kurdish spokesmen")
    ('witness', 'official', 'official')
    >>> head_type("a spokesman for the company"), head_type("Trump campaign adviser")
    ('organisation', 'political')
    """
    terms = source_terms()
    low = phrase.lower()
    media = _media_in(low)
    words: list[str] = _WORD_SPLIT.findall(low)
    # the part before a preposition holds the head ("officials in Nineveh" -> officials)
    preps = word_classes()["preposition"]
    cut = next((i for i, w in enumerate(words) if w in preps and i > 0), len(words))
    head_part = words[:cut]
    if media:
        if cut == len(words) or _media_in(" ".join(head_part)):
            return "media"
        # a news organisation only after the head: "Economists in a Bloomberg survey" are
        # economists, "a spokesman for CNN" speaks for CNN
        head = next((w for w in reversed(head_part) if w in terms), None)
        if head is None or head in affiliated_terms() or terms[head] == "document":
            return "media"
        return terms[head]
    tail = words[cut:]
    # not in a relative clause or a second description: "the owner of the Dallas Mavericks who
    # rebuffed pleas ... to run for president", "the political director of the ACLU and an
    # adviser to former Senator Harry Reid" name no official
    end = next((i for i, w in enumerate(tail) if w in _RELATIVES or (
        w == "and" and tail[i + 1:i + 2] in (["a"], ["an"], ["the"]))), len(tail))
    found = None
    for n in (3, 2):
        for i in range(len(head_part) - n, -1, -1):
            key = " ".join(head_part[i:i + n])
            if key in terms:
                found = key, i
                break
        if found:
            break
    if found is None:
        i = next((i for i in range(len(head_part) - 1, -1, -1) if head_part[i] in terms), -1)
        if i >= 0:
            found = head_part[i], i
    if found is not None:
        key, i = found
        if key in affiliated_terms():
            # "a spokesman for the company", "a company spokeswoman", "president of the
            # Cleveland Police Patrolmen's Association": the body it speaks for
            body = _body_type(key, head_part[:i], tail[:end], terms,
                              _WORD_SPLIT.findall(phrase)[cut:])
            if body is not None:
                return body
        return terms[key]
    for w in reversed(tail[:end]):
        if w in terms and terms[w] in ("official", "organisation", "media"):
            return terms[w]
    return None


def _body_type(role: str, before: list[str], after: list[str], terms: dict[str, str],
               written: list[str]) -> str | None:
    """Type of the body an affiliation-dependent ``role`` speaks for, or None: a typed word in
    the phrase after it ("of the Cleveland Police Patrolmen's Association"; ``after``
    lower-cased, ``written`` as written), else right before it (``before``: "company",
    "campaign", "university's"), else for the head of a named body an organisation
    ("president of Third Way", "chairman of G-III"; "president of Mexico" is official). A
    document is no body, nor an affiliated role; a group of people in a name is an
    organisation ("president of Students For Life of America"); a person before the role
    ("Local leaders", "a friend and adviser") is no body."""
    if after and after[0] in _BODY_PREPOSITIONS:
        stop = next((k for k, w in enumerate(after) if w == "and"), len(after))
        for k in range(stop - 1, 0, -1):
            kind = terms.get(f"{after[k - 1]} {after[k]}") if k > 1 else None
            if kind is not None and kind != "document":
                return kind  # "of the Joint Chiefs of Staff"
            kind = terms.get(after[k])
            if kind is None or kind == "document" or after[k] in affiliated_terms():
                continue  # (nor a role that is itself affiliated: "for the U.S. attorney")
            if kind == "witness" and k < len(written) and written[k][:1].isupper():
                return "organisation"
            return kind
    for w in reversed(before):
        w = _without_s(w)
        if terms.get(w) not in (None, "document", "witness") and w != "media" and (
                w not in affiliated_terms()):
            return terms[w]  # (not "Local leaders", "a friend and adviser", "a media adviser")
    k = 2 if after[1:2] == ["the"] else 1
    if role in _BODY_HEADS and after[:1] == ["of"] and k < len(written) and (
            written[k][:1].isupper()):
        run = []
        for w in written[k:]:
            if not (w[:1].isupper() or w == "of"):
                break
            run.append(w)
        return "official" if " ".join(run).lower() in place_names() else "organisation"
    return None


def _without_s(word: str) -> str:
    """``word`` without a final "'s" ("university's", "Trump's")."""
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


# the prepositions that name the body a role speaks for ("a spokesman for", "president of")
_BODY_PREPOSITIONS: Final = frozenset({"of", "for", "to", "at", "with", "on"})


_RELATIVES: Final = frozenset({"who", "whom", "whose", "which", "that"})


@cache
def _media_re() -> re.Pattern[str]:
    names = sorted(media_names(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def _media_in(low: str) -> list[str]:
    """Canonical names of the news outlets named in the lower-cased ``low``."""
    names = media_names()
    return [names[m.group()] for m in _media_re().finditer(low)]


@cache
def _anonymity_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(condition phrases, description phrases) as word-bounded patterns."""
    by_kind: dict[str, list[str]] = {}
    for phrase, kind in anonymity_cues().items():
        by_kind.setdefault(kind, []).append(re.escape(phrase))

    def compile_(kind: str) -> re.Pattern[str]:
        alts = sorted(by_kind.get(kind, []), key=len, reverse=True) or ["(?!x)x"]
        return re.compile(r"\b(?:" + "|".join(alts) + r")\b")

    return compile_("condition"), compile_("description")


@cache
def _anonymity_words() -> frozenset[str]:
    """Single-word descriptions of unnamed people ("officials", "aide", "diplomat")."""
    return frozenset(p for p, k in anonymity_cues().items() if k == "description" and " " not in p)


def _is_anonymous_phrase(low: str) -> bool:
    """True when ``low`` says the source is kept anonymous ("on condition of anonymity")."""
    return _anonymity_res()[0].search(low) is not None


# a role that speaks for a named body: "A spokeswoman for Hillary Clinton", "a lawyer for Mr.
# Grimm", "the mayor of Hoboken"
_ROLE_FOR_NAME: Final = re.compile(
    r"(?:(?:[Aa]n?|[Tt]he|[Oo]ne)\s+)?(?:[a-z][\w-]*\s+){0,3}?([a-z]+)\s+"
    r"(?:for|of|to)\s+((?:[A-Z][\w.'\u2019&-]*\s*){1,5})")


@lru_cache(maxsize=8192)
def _named_body(phrase: str) -> tuple[str, bool, str] | None:
    """The capitalised name after an affiliation-dependent role noun and its preposition
    ("Hillary Clinton" in "A spokeswoman for Hillary Clinton"), titles stripped, whether it
    had a title ("Mr. Hunter"), and the role noun (lower case); or None."""
    m = _ROLE_FOR_NAME.fullmatch(phrase)
    if m is None or m.group(1).lower() not in affiliated_terms():
        return None
    words = m.group(2).split()
    n_prefix, n_title, _, _ = split_prefixed_title(words)
    words = words[n_prefix + n_title:]
    if not words:
        return None
    words[-1] = _without_s(words[-1])
    return " ".join(words), n_prefix + n_title > 0, m.group(1).lower()


def _other_gender(mention: Mention, gender: str) -> bool:
    """``mention`` names someone of the other gender than ``gender``, by its title or its
    given name."""
    known = mention.title_gender if mention.title_gender in ("m", "f") else name_gender(
        mention.name)
    return known is not None and known != gender


def _bare_name(name: str) -> str:
    """``name`` without a leading "the" ("the United States" -> "United States")."""
    return name[4:] if name[:4].lower() == "the " else name


def _plural_group(words: list[str]) -> bool:
    """A name whose first word is no given name and whose last is a common noun's plural
    ("Pell Grants", "Lucent Technologies", "Newburgh Heights", "African Americans"): a group,
    a firm or a place, which "he" or "she" does not refer to."""
    last = words[-1].lower()
    if len(words) < 2 or words[0].lower() in given_names() or not last.endswith("s") or (
            last.endswith("ss")):
        return False
    lemmas = parts_of_speech(last).get("NOUN", ())
    # (and the plurals of demonyms and members, which lemminflect does not know: "African
    # Americans", "Tea Party Republicans", "Conservative Christians"; not "Deans", "Evans")
    return any(lemma != last for lemma in lemmas) or bool(parts_of_speech(last[:-1])) or (
        last.endswith("ans") and len(last) > 5)


def _city_start(words: list[str]) -> bool:
    """The name starts with a city of two or more words ("Las Vegas", "San Antonio", "Los
    Angeles County", "Kansas City-area"; ``city_names.tsv``): a place, which "he" or "she"
    does not refer to."""
    cities = city_names()
    key = words[0].lower()
    for word in words[1:]:
        low = word.lower()
        cut = min((i for i in (low.find("-"), low.find("'"), low.find("\u2019")) if i > 0),
                  default=len(low))
        if key + " " + low[:cut] in cities or key + " " + low in cities:
            return True
        key += " " + low
    return False


def _names_a_body(name: str) -> bool:
    """The name ends in a word of an institution's name ("Justice Department", "Yale Law
    School", "Members of Congress": the ``body`` words of ``function_words.tsv``)."""
    return name.split()[-1].lower().rstrip(".") in word_classes()["body"]


def _without_role(name: str) -> tuple[str, str | None]:
    """A full name found for a surname, without the role that its mention kept before it
    ("FBI Director James Comey", "Labor Secretary Thomas Perez" -> the person), and the
    source type the role gives (None without a role)."""
    words = name.split()
    split = _false_title(words) if len(words) > 2 else 0
    if not split:
        return name, None
    p2, n2, kind2, _ = split_prefixed_title(words[split:])
    kind = kind2 if n2 and kind2 not in (None, "other", "-") else head_type(
        " ".join(words[:split + p2 + n2]))
    return " ".join(words[split + p2 + n2:]), kind


def _false_title(words: list[str]) -> int:
    """How many leading words of a speaker phrase are a lower-case role before a person's
    name (a "false title": "Real estate tycoon Donald Trump", "acting White House chief of
    staff Mick Mulvaney", "Columnist Maureen Dowd"), or 0. The name is the last two to four
    capitalised words, not an organisation's ("members of the Senate Judiciary Committee").
    """
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    w = word_classes()
    if k == 0:  # all capitalised: a role noun opening the sentence ("Columnist Maureen Dowd"),
        # only before a plain two- or three-word name ("Senate Minority Whip Dick Durbin" stays)
        k = 1 if words[0].lower() in source_terms() and words[0][1:].islower() and len(
            words) in (3, 4) else 0
        if not k:  # ... or a capitalised role before a given name ("FBI Director James Comey",
            # "Clinton Communications Director Jennifer Palmieri")
            given, terms = given_names(), source_terms()
            k = next((i for i in range(1, len(words) - 1) if words[i].lower() in given
                      and 2 <= len(words) - i <= 3 and not any(
                          x.lower() in given for x in words[:i]) and any(
                          x.lower() in terms or x.lower().rstrip(".") in person_titles()
                          or x.endswith(("'s", "s'", "\u2019s")) for x in words[:i])), 0)
    elif words[k - 1].lower() in w.union("determiner", "preposition", "conjunction",
                                         "subordinator", "auxiliary", "verb", "time"):
        return 0  # "members of the Senate ...", "Ted Cruz and Marco Rubio"
    if any(x.lower() in w["preposition"] and x.lower() != "of" for x in words[:k]):
        return 0  # the head comes before: "researcher Allan Liska at cybersecurity firm ..."
    name = words[k:]
    if not k or not 2 <= len(name) <= 4 or not all(
            x[1:2].islower() or x[1:2] in ("", ".", "'") for x in name):
        return 0  # no name, or an acronym ("FBI Director")
    if head_type(" ".join(name)) is not None or _media_in(" ".join(name).lower()):
        return 0  # an organisation, office or outlet, not a person
    return k


# a plural's final "s" and "men" (for the singular of a head noun: "aides", "spokesmen")
_PLURAL_S_END: Final = re.compile(r"(?<=[^s])s$")
_MEN_END: Final = re.compile(r"(?:men)$")


@lru_cache(maxsize=4096)
def _name_source(name: str, description: str | None,
                 title_kind: str | None) -> tuple[str | None, bool, str]:
    """What a speaker's words say of its source: (type or None, unnamed person, head noun).

    A pure function of the speaker phrase (the sentence's anonymity phrases come on top in
    :meth:`SpeakerResolver._source_type`), cached because speakers recur.
    """
    phrase = f"{description or ''} {name}".strip()
    if title_kind and title_kind not in ("other", "-"):
        stype: str | None = title_kind  # "Mayor Michael Bloomberg" is a person, not the news service
    else:  # (a news organisation in the name is media: see head_type)
        stype = head_type(name) or head_type(phrase)  # the role in the name comes first
    if stype is None and _bare_name(name).lower() in place_names():
        stype = "official"  # "Israel said", "the United States warned": its government
    words = name.split()
    det = word_classes()["determiner"]
    content_words = [w for w in words if w.lower() not in det]
    # a proper name is a capitalised word that is not just a capitalised common noun
    terms = source_terms()
    proper = [w for w in content_words if w[:1].isupper() and w.lower() not in terms
              and not w.lower().endswith(("ish", "ian", "ese", "an")) or w.isupper()]
    head_word = content_words[-1] if content_words else ""
    preps = word_classes()["preposition"]
    if any(w.lower() in preps for w in words):
        head_words = words[:next(i for i, w in enumerate(words) if w.lower() in preps)]
        proper = [w for w in head_words if w[:1].isupper() and w.lower() not in terms
                  and w.lower() not in det and not w.lower().endswith(("ish", "ian"))]
        head_word = head_words[-1] if head_words else head_word
    head = head_word.lower()
    singular = _MEN_END.sub("man", _PLURAL_S_END.sub("", head))
    # a lower-case role noun at the head is the speaker, whatever capitalised words modify it
    # ("a Manchin aide", "a senior Democratic staffer", "Her aides"): no one is named
    described = head in _anonymity_words() or singular in _anonymity_words()
    # (lower case, or capitalised only as the phrase's first word: "Allies of the governor")
    role_head = described and (head_word[:1].islower() or (
        head_word is words[0] and head_word[1:].islower()))
    unnamed_person = role_head or not proper and (described or _anonymity_res()[1].search(
        phrase.lower()) is not None)
    return stype, unnamed_person, head


# after a title: its optional period, then the capitalised name
_NAME_AFTER_TITLE: Final = re.compile(r"\.?((?:[ \t]+(?=[A-Zaeb])" + _NAME_TOKEN + r")+)")


_PARTY_LABEL: Final = re.compile(r"[(,][ \t]*(?:[RDI]|Rep|Dem|Ind)[ \t]*[-\u2013,][ \t]*[A-Z]")
# the same label after each of its two opening characters: a pattern that starts with a literal
# is searched for far faster than one that starts with a class (see _party_labels)
_PARTY_LABEL_AFTER: Final = tuple(
    re.compile(re.escape(c) + r"[ \t]*(?:[RDI]|Rep|Dem|Ind)[ \t]*[-\u2013,][ \t]*[A-Z]")
    for c in "(,")


def _party_labels(norm: str) -> list[tuple[int, int]]:
    """The spans of ``_PARTY_LABEL.finditer(norm)``: at each step the first match of the two
    one-character patterns at or after the end of the last label (the two cannot start at
    the same place, so the earlier is the class pattern's match)."""
    out: list[tuple[int, int]] = []
    paren, comma = _PARTY_LABEL_AFTER
    a = paren.search(norm)
    b = comma.search(norm)
    while a is not None or b is not None:
        m = a if b is None or (a is not None and a.start() < b.start()) else b
        assert m is not None
        out.append(m.span())
        pos = m.end()
        if a is not None and a.start() < pos:
            a = paren.search(norm, pos)
        if b is not None and b.start() < pos:
            b = comma.search(norm, pos)
    return out
# after a lower-case role noun: the capitalised name ("campaign aide Robert Gibbs")
_NAME_AFTER_ROLE: Final = re.compile(
    r"[ \t]+((?=[A-Zaeb])" + _NAME_TOKEN + r"(?:[ \t]+(?=[A-Zaeb])"
    + _NAME_TOKEN + r")*)")
# up to three lower-case words right before a role noun ("obama campaign " before "aide")
_WORDS_BEFORE_ROLE: Final = re.compile(r"(?:[a-z][a-z.'\u2019-]*[ \t]+){1,3}$")


_RoleValue = tuple[int, str | None, str | None, bool]
#: An automaton report of a title, role or candidacy noun: ``(index of the character after
#: the word, (length of the word, title kind, role kind, candidacy noun))``.
RoleHit = tuple[int, _RoleValue]


@cache
def _role_keys() -> dict[str, _RoleValue]:
    """The lower-cased titles that give a source type ("sen", "governor"), the one-word role
    nouns of ``source_types.tsv`` that describe a person or body ("aide", "economist") and
    the candidacy nouns ("front-runner"), each keyed with what may follow it, with its value
    ``(length, title kind or None, role kind or None, candidacy noun)``."""
    titles = {t: kind for t, (kind, _) in person_titles().items()
              if kind not in ("other", "-")}  # "Mr." says nothing about the source
    roles = {t: kind for t, kind in source_terms().items()
             if " " not in t and "-" not in t and kind != "document"}
    candidacy = candidacy_terms()
    keys: dict[str, _RoleValue] = {}
    for key in sorted(set(titles) | set(roles) | candidacy):
        # keyed with what follows a title or role noun that a name may follow (a blank or
        # "."), so the automaton does not report the many other places it is found; a
        # candidacy noun may also end an apposition ("Rubio, a candidate, said")
        value = (len(key), titles.get(key), roles.get(key), key in candidacy)
        for after in (" ", "\t", ".") + ((",", ";", ":", ")", "\n") if key in candidacy else ()):
            keys[key + after] = value
    return keys


@cache
def _scan_automaton(attitudes: bool) -> ahocorasick.Automaton:
    """The cue forms (:func:`framing.attribution.cues.find_cues`), the role keys
    (:func:`_role_keys`) and the anonymity condition phrases in one automaton, so that a text
    is scanned once for all three: ``(cue value or None, role value or None, whether the key
    is a condition phrase)``."""
    values: dict[str, tuple[Any, Any, bool]] = {
        form: (value, None, False) for form, value in cue_values(attitudes).items()}
    for key, role_value in _role_keys().items():
        cue, _, cond = values.get(key, (None, None, False))
        values[key] = (cue, role_value, cond)
    for phrase, kind in anonymity_cues().items():
        if kind == "condition":
            got = values.get(phrase, (None, None, False))
            values[phrase] = (got[0], got[1], True)
    auto = ahocorasick.Automaton()
    for key, value in values.items():
        auto.add_word(key, value)
    auto.make_automaton()
    return auto


def scan_text(lower: str, attitudes: bool = True) -> tuple[list[Cue], list[RoleHit], bool]:
    """One scan of ``lower`` (a text ``norm`` lower-cased with its length kept,
    :func:`framing.attribution.cues.lower_same_length`) for three things:
    its cues (:func:`framing.attribution.cues.find_cues`), where it holds a role key
    (:func:`_role_keys`, for :func:`_name_roles`) and whether it holds an anonymity
    condition phrase anywhere (word boundaries aside). ``lower`` differs from
    ``norm.lower()`` only where ``norm`` has "İ" (whose lower case is "i" and a combining
    dot): a phrase found in one is found in the other, as no condition phrase holds a
    character outside ASCII or ends in "i" (tested)."""
    cue_hits: list[CueHit] = []
    role_hits: list[RoleHit] = []
    condition = False
    c_scan = _c_scan_automaton(attitudes)
    if c_scan is not None:
        ac_scan, automaton, values = c_scan
        hits = [(end, values[k]) for end, k in ac_scan(automaton, lower)]
    else:
        hits = list(_scan_automaton(attitudes).iter(lower))
    for end, (cue, role, cond) in hits:
        if cue is not None:
            cue_hits.append((end, cue))
        if role is not None:
            role_hits.append((end, role))
        if cond:
            condition = True
    return cues_at_word_boundaries(lower, cue_hits), role_hits, condition


@cache
def _c_scan_automaton(attitudes: bool) -> tuple[
        Callable[[Any, str], list[tuple[int, int]]], Any, list[tuple[Any, Any, bool]]] | None:
    """The keys of :func:`_scan_automaton` in the C automaton of
    ``framing/text/_cscan.c`` (the same hits in the same order, about half the time), with
    their values by key index; None where the C scanners are not built."""
    if _cscan is None:
        return None
    auto = _scan_automaton(attitudes)
    keys = sorted(auto.keys())
    try:
        return _cscan.ac_scan, _cscan.ac_build(keys), [auto.get(k) for k in keys]
    except ValueError:  # a key outside ASCII: the C automaton does not take it
        return None


_Evidence = dict[str, list[tuple[list[str], int]]]


def _name_roles(norm: str, low: str, hits: Sequence[RoleHit]
                ) -> tuple[dict[str, str], _Evidence]:
    """``{name or surname: source type}`` from titled names, names after a role noun, party
    labels and candidacy nouns in ``norm``; and, per surname, the mentions that typed it:
    ``(words of the name, end offset)``.

    ``low`` is ``norm`` lower-cased character for character (same length, so offsets agree;
    :func:`framing.attribution.cues.lower_same_length`); ``hits`` are where ``low`` holds a
    role key (:func:`scan_text`)."""
    roles: dict[str, str] = {}
    evidence: _Evidence = {}

    def register(words: list[str], kind: str, end: int) -> None:
        roles.setdefault(" ".join(words), kind)
        roles.setdefault(words[-1], kind)
        evidence.setdefault(words[-1], []).append((words, end))

    named: list[tuple[int, int, str]] = []  # role nouns before a capital, after the titles
    closed = _closed_words()
    n = len(norm)
    # one pass in C; a hit ends with the character after the word
    candidacy: list[tuple[int, int]] = []  # candidacy nouns (start, end)
    for end, (length, title_kind, role_kind, candidacy_noun) in hits:
        start, end = end - length, end - 1  # end: the word's last character
        if start and (low[start - 1].isalnum() or low[start - 1] in "._"):
            continue  # inside a word
        if candidacy_noun:
            candidacy.append((start, end + 1))
        if title_kind is not None and norm[start].isupper():  # capitalised titles
            m = _NAME_AFTER_TITLE.match(norm, end + 1)
            if m is None:
                continue
            words = m.group(1).split()
            n_title, _, _ = split_title(words)  # "Prime" "Minister": take the longest title
            words = words[n_title:]
            if words:
                register(words, title_kind, m.end())
        elif (role_kind is not None and norm[start].islower() and end + 2 < n
              and norm[end + 1] in " \t" and (norm[end + 2].isupper()
                                               or norm[end + 2] in "aeb \t")
              and low[start - 1:start] not in ("-", "'", "\u2019")):
            named.append((start, end, role_kind))
    # a lower-case role noun right before a full name: "Obama campaign aide Robert Gibbs",
    # "Harvard economist Jeff Miron" (after titles, which are more specific)
    for start, end, kind in named:
        m = _NAME_AFTER_ROLE.match(norm, end + 1)
        if m is None:
            continue
        words = m.group(1).split()
        words = words[split_title(words)[0]:]
        if len(words) >= 2:  # a full name: "the firm Clinton hired" names no one
            before = _WORDS_BEFORE_ROLE.search(low, max(0, start - 40), start)
            mods = before.group().split() if before else []
            # only the modifiers after the last function word: "republican contender", not
            # "(a statement after) republican contender"
            k = max((i + 1 for i, w in enumerate(mods) if w in closed), default=0)
            kind = head_type(" ".join(mods[k:] + [low[start:end + 1]])) or kind
            register(words, kind, m.end())
    for label_start, _ in _party_labels(norm):  # rare: look back for the name only at a label
        name = _NAME_BEFORE.search(norm[max(0, label_start - 60):label_start].rstrip() + " ")
        words = name.group().split() if name else []
        if len(words) >= 2:
            register(words, "political", label_start)
    for words, end in _called_candidates(norm, low, candidacy):
        register(words, "political", end)
    return roles, evidence


@cache
def _closed_words() -> frozenset[str]:
    """Function words and frequent verbs that never modify a role noun ("a statement after
    republican contender X")."""
    return frozenset(word_classes().union(
        "preposition", "conjunction", "subordinator", "pronoun_m", "pronoun_f", "pronoun_pl",
        "pronoun_n", "pronoun_1", "determiner", "auxiliary", "verb"))


# before a candidacy noun: "Rubio, a candidate", "Trump, the presumptive Republican nominee"
_APPOSED_NAME: Final = re.compile(
    r"((?:[A-Z][\w'\u2019.-]*[ \t]+){0,3}[A-Z][\w'\u2019-]*),[ \t]+"
    r"(?:the|a|an)[ \t]+((?:[\w'\u2019.-]+[ \t]+){0,4})$")


def _called_candidates(norm: str, low: str, hits: Sequence[tuple[int, int]]
                       ) -> list[tuple[list[str], int]]:
    """Names the text calls a candidate: full names after a candidacy noun ("front-runner
    Donald Trump", "Republican hopeful Ben Carson") and names before one as an apposition
    ("Marco Rubio, a candidate for president", "Trump, the presumptive Republican nominee"),
    in text order, as word lists, each with the end of its mention.

    ``low`` is ``norm`` lower-cased with the same length; ``hits`` are the ``(start, end)``
    offsets of the candidacy nouns in it, in text order."""
    out: list[tuple[list[str], int]] = []
    closed = _closed_words()
    openers = word_classes()["opener"]
    for start, end in hits:
        if low.startswith(("'s", "\u2019s"), end):
            continue  # "Ivanka Trump, the Republican presidential nominee's eldest daughter"
        after = _NAME_AFTER_ROLE.match(norm, end)
        if after is not None:
            words = after.group(1).split()
            words = words[split_title(words)[0]:]
            if len(words) >= 2:  # a full name: "the most able candidate Viguerie argues"
                words[-1] = _bare_surname(words[-1])
                out.append((words, after.end()))
        before = _APPOSED_NAME.search(norm, max(0, start - 80), start)
        if before is None:
            continue
        words = before.group(1).split()
        low_word = words[-1].lower()
        if low_word in closed or low_word in openers or (
                low_word.endswith("ly") and "ADV" in parts_of_speech(low_word)):
            continue  # "Publicly, the nominee has said"
        if head_type(before.group(1)) is not None:
            continue  # "released by the State Department, the candidate for ..." is not one
        if not any(w.lower() in closed for w in before.group(2).split()):
            words = words[split_title(words)[0]:] or words[-1:]
            words[-1] = _bare_surname(words[-1])
            out.append((words, before.end(1)))
    return [(words, end) for words, end in out if words[-1]]


def _bare_surname(word: str) -> str:
    """``word`` without a possessive ending or a final period ("Trump's" -> "Trump")."""
    if word.endswith(("'s", "\u2019s")):
        word = word[:-2]
    return word.rstrip(".'\u2019")


def _campaign_owners(norm: str) -> set[str]:
    """Capitalised words whose campaign the text names: "the Trump campaign", "Clinton's
    presidential campaign" (at most one word between). Not all are people ("Apple's ad
    campaign"): :meth:`SpeakerResolver._surname_kind` uses them for full personal names only."""
    owners: set[str] = set()
    i = norm.find("campaign")
    while i >= 0:
        if i > 0 and norm[i - 1] in " \t" and not norm[i + 8:i + 9].isalnum():
            words = norm[max(0, i - 60):i].split()[-2:]
            if words:
                last = words[-1]
                if last[:1].isupper() and not last.endswith("."):
                    owners.add(_bare_surname(last))
                elif len(words) == 2 and last.islower() and words[0][:1].isupper() and (
                        words[0].endswith(("'s", "\u2019s", "'", "\u2019"))):
                    owners.add(_bare_surname(words[0]))  # "Clinton's presidential campaign"
        i = norm.find("campaign", i + 8)
    owners.discard("")
    return owners


class SpeakerResolver:
    """Resolves speaker mentions of one text; see the module docstring.

    Parameters
    ----------
    text : str
        The raw text.
    norm : str
        Its typography-normalised form.
    seg : Segmentation
        Its segmentation.
    lower : str, optional
        ``norm`` lower-cased with the same length (computed when not given).
    quoted : sequence of (int, int), optional
        The text's quotations, ``(opening mark, closing mark)`` sorted by opening mark: a
        name inside one is never the antecedent of a pronoun (in ``"Obama is wrong," he
        said``, he is not Obama).
    scan : (role hits, condition phrase), optional
        The second and third results of :func:`scan_text` on ``lower``, if already found
        (found when first needed otherwise).
    """

    def __init__(self, text: str, norm: str, seg: Segmentation, lower: str | None = None,
                 quoted: Sequence[tuple[int, int]] = (),
                 scan: tuple[Sequence[RoleHit], bool] | None = None) -> None:
        self.text = text
        self._quoted = list(quoted)
        self._quote_opens = [a for a, _ in self._quoted]
        self.norm = norm
        self.seg = seg
        self._lower = lower
        # earlier resolved speakers, sorted by position (with their starts, for bisection)
        self._speakers: list[tuple[int, dict[str, Any]]] = []
        self._speaker_starts: list[int] = []
        self._typed: dict[str, str] = {}  # speaker -> latest known source type
        self._starts: list[int] = seg.sentences[:, 0].tolist()
        self._ends: list[int] = seg.sentences[:, 1].tolist()
        self._roles: dict[str, str] | None = None  # name -> source type from a title
        self._role_evidence: _Evidence = {}  # surname -> mentions that typed it
        self._campaigns: set[str] | None = None  # words before "campaign" (_campaign_owners)
        self._surname_kinds: dict[str, str | None] = {}  # full name -> _surname_kind
        self._any_condition: bool | None = None  # an anonymity condition phrase in the text
        self._role_hits: Sequence[RoleHit] | None = None  # where the text holds a role key
        if scan is not None:
            self._role_hits, self._any_condition = scan
        # surname -> (ends, full names ending in it), in text order
        self._full_names: dict[str, tuple[list[int], list[Mention]]] = {}
        # name mentions per stretch k of the text: sentence k and the blanks after it (the first
        # stretch also holds what precedes the first sentence), found on first use
        self._stretch_mentions: dict[int, list[Mention]] = {}
        # role ("senator") -> the titled person mentions (_titled_mentions), found on first use
        self._titled: dict[str, tuple[list[int], list[tuple[Mention, int]]]] = {}

    def _stretch(self, k: int) -> list[Mention]:
        got = self._stretch_mentions.get(k)
        if got is None:
            sents = self._starts
            lo = 0 if k == 0 else sents[k]
            hi = self._ends[k] if k + 1 >= len(sents) else sents[k + 1]
            got = self._stretch_mentions[k] = self.mentions_in(lo, hi)
        return got

    def mentions_before(self, lo: int, hi: int) -> list[Mention]:
        """The text's name mentions that start in ``[lo, hi)``, in text order.

        Found once per stretch of text (a sentence and the blanks after it), and
        only in the stretches asked for, so a mention's person/gender tests are
        also worked out once.
        """
        out = list(self.mentions_back(lo, hi))
        out.reverse()
        return out

    def mentions_back(self, lo: int, hi: int) -> Iterator[Mention]:
        """The mentions of :meth:`mentions_before`, last first, found stretch by stretch
        from ``hi`` back: a caller that stops at the first mention it wants never finds the
        others."""
        sents = self._starts
        if not sents:
            return
        first = max(bisect_right(sents, lo) - 1, 0)
        for k in range(max(bisect_right(sents, hi - 1) - 1, 0), first - 1, -1):
            for m in reversed(self._stretch(k)):
                if lo <= m.start < hi:
                    yield m

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        """Capitalised name mentions starting in ``[lo, hi)``, titles stripped."""
        mentions: list[Mention] = []
        norm = self.norm
        for start, end in _name_spans(norm, lo, hi):
            matched, shift = norm[start:end], 0
            if matched.startswith("State ") and norm.endswith(
                    _OF_TITLE, max(0, start - len(_OF_TITLE)), start):
                # "Secretary of State Hillary Clinton": the name run starts after "of"
                matched, shift = _OF_TITLE + matched, len(_OF_TITLE)
            parts = _mention_parts(matched)
            if parts is not None:
                delta, name, kind, gender, n_title = parts
                offset = start + delta - shift
                mentions.append(Mention(offset, offset + len(name), name, kind, gender, n_title,
                                        self))
        return mentions

    def _gender_after(self, pos: int) -> str:
        sent_ends = self._ends
        k = bisect_right(self._starts, pos) - 1
        limit = sent_ends[min(k + 1, len(sent_ends) - 1)] if sent_ends else len(self.norm)
        m = _GENDER_RE.search(self.norm, pos, max(limit, pos))
        if m is None:
            return "-"
        return "m" if m.group(1).lower() in ("he", "his", "him", "himself") else "f"

    # ------------------------------------------------------------------------------------------

    def resolve(self, start: int, end: int, description: str | None,
                content_pos: int) -> dict[str, Any]:
        """Speaker fields of :class:`~framing.attribution.Attribution` for a mention."""
        raw = self.text[start:end]
        low = self.norm[start:end].lower()
        info: dict[str, Any] = {"speaker_start": start, "speaker_end": end, "speaker_text": raw,
                                "description": description}
        if low in _PRONOUNS:
            prior = self._antecedent(low, start)
            if prior is not None:
                self._refer(info, prior, start)
                if _PRONOUNS[low] in ("m", "f"):  # "she" said it: later "he" is someone else
                    info["_gender"] = _PRONOUNS[low]
                return info
            info.update(speaker=raw, source_type="unknown", anonymous=False)
            return info
        described = _ROLE_DESCRIPTION.fullmatch(self.norm, start, end)
        if described is not None:  # "the senator": the person given that title before
            places = [w.lower() for w in self.norm[start:described.start(2)].split()[1:]
                      if w.lower() in place_names()]  # "The Vermont senator"
            prior = self._titled_antecedent(described.group(2), bool(described.group(1)),
                                            start, places)
            if prior is not None:
                self._refer(info, prior, start)
                return info
        words = self.norm[start:end].split()
        n_prefix, n_title, title_kind, title_gender = split_prefixed_title(words)
        name_words = words[n_prefix + n_title:]
        name = " ".join(name_words)
        lead = name_words[0].lower() if name_words else ""
        det = word_classes()["determiner"]
        # "The private intelligence service Stratfor": the description ends in a name
        if lead in det and len(name_words) > 2:
            caps = len(name_words)
            while caps > 0 and name_words[caps - 1][:1].isupper():
                caps -= 1
            if 1 < caps < len(name_words) and not any(
                    w[:1].isupper() for w in name_words[1:caps]) and not (
                    name_words[caps - 1].lower() in word_classes()["preposition"]
                    and head_type(" ".join(name_words[:caps])) is not None):
                # (not after a role and its preposition: "a director of emergency medical
                # services in Florida", "A spokesman for Mr. Hunter" speak themselves; but
                # "the mouth of Donald Trump" is Trump)
                description = description or " ".join(name_words[:caps])
                name = " ".join(name_words[caps:])
            elif caps <= 1 and lead == "the":  # "the SITE Intelligence Group", "The White
                name = " ".join(name_words[1:])  # House" at a sentence start
        elif lead == "the" and len(name_words) > 1 and all(w[:1].isupper() for w in name_words[1:]):
            name = " ".join(name_words[1:])
            if head_type(" ".join(name_words)) == "media":  # "the Times": the article counts
                title_kind = title_kind or "media"
        elif n_title == 0 and len(name_words) > 2:
            split = _false_title(name_words)
            if split:  # "Real estate tycoon Donald Trump", "Columnist Maureen Dowd"
                description = description or " ".join(name_words[:split])
                info["description"] = description
                p2, n2, kind2, gender2 = split_prefixed_title(name_words[split:])
                if n2:  # "then-FBI Director James Comey", "panel Chairman Rep. Jason Chaffetz"
                    split += p2 + n2
                    title_kind, title_gender = kind2, gender2
                name = " ".join(name_words[split:])
        # a surname alone links to the full name mentioned earlier
        ante = None
        if len(name_words) == 1 and name[:1].isupper():
            gender_hint = title_gender
            m = _REFLEXIVE_AFTER.match(self.norm, end)
            if gender_hint not in ("m", "f") and m is not None:  # "Clinton herself said"
                gender_hint = "f" if m.group(1) == "herself" else "m"
            ante = self._full_name(name, start, gender_hint)
            if ante is not None:
                info["antecedent_start"], info["antecedent_end"] = ante.start, ante.end
                name, role_kind = _without_role(ante.name)
                title_kind = title_kind or ante.title_kind
                if name != ante.name:  # the antecedent is the name, after its role
                    first = self.norm.rfind(name.split()[0], ante.start, ante.end)
                    info["antecedent_start"] = first if first >= 0 else ante.start
                    if title_kind in (None, "other", "-") and role_kind is not None:
                        title_kind = role_kind  # "FBI Director James Comey": official
        info["speaker"] = name
        gender = title_gender if title_gender in ("m", "f") else name_gender(name)
        if gender:
            info["_gender"] = gender  # for later pronouns ("she" is not Donald Trump)
        if title_kind in (None, "other", "-"):
            title_kind = self._known_title(name, start, end) or title_kind
        stype, anonymous = self._source_type(name, description, title_kind, start)
        if stype == "unknown":  # the same speaker typed earlier ("According to Stratfor")
            stype = self._typed.get(name, stype)
        named = _named_body(name)
        if named is not None:  # "A spokeswoman for Hillary Clinton": the type of her camp
            body, titled, role = named
            ante = self._full_name(body, start) if " " not in body else None
            key = ante.name if ante is not None else body
            kind = self._typed.get(key) or self._known_title(key, start, end)
            if kind is None and _bare_name(body).lower() in place_names():
                kind = "official"
            if kind is None and not (titled or ante is not None or name_gender(body)) and (
                    role != "secretary" and not any(
                        w in source_terms() for w in _WORD_SPLIT.findall(body.lower()))):
                # "A spokeswoman for YouTube": no person, no place, no typed word (not "a
                # spokesman for Ukraine's Foreign Ministry", "the secretary of State")
                kind = "organisation"
            if kind not in (None, "other", "-", "document"):
                stype = kind
        info["source_type"], info["anonymous"] = stype, anonymous
        self._remember(start, info)
        return info

    def _refer(self, info: dict[str, Any], prior: dict[str, Any], start: int) -> None:
        """Fill ``info`` (a pronoun or a role description at ``start``, kept as written) with
        the speaker fields of ``prior``, what it refers to, whose span becomes the antecedent;
        and remember it as a speaker."""
        info.update({k: v for k, v in prior.items() if k not in (
            "speaker_start", "speaker_end", "speaker_text")})
        info["antecedent_start"] = prior["speaker_start"]
        info["antecedent_end"] = prior["speaker_end"]
        self._remember(start, info)

    def typed(self, speaker: str) -> str | None:
        """The source type last given to ``speaker`` in this text (None if none)."""
        return self._typed.get(speaker)

    def _remember(self, start: int, info: dict[str, Any]) -> None:
        k = bisect_right(self._speaker_starts, start)
        self._speaker_starts.insert(k, start)
        self._speakers.insert(k, (start, info))
        if info.get("speaker") and info.get("source_type", "unknown") != "unknown":
            self._typed[info["speaker"]] = info["source_type"]

    def _known_title(self, name: str, start: int, end: int) -> str | None:
        """The source type a title or party label gives ``name`` anywhere in the text.

        "Sen. Lindsey Graham ... Graham said" and "Lindsey Graham (R-S.C.) said"
        make Graham ``political``.
        """
        if _PARTY_AFTER.match(self.norm, end):
            return "political"
        if self._roles is None:
            role_hits, _ = self._scan()
            self._roles, self._role_evidence = _name_roles(self.norm, self._low(), role_hits)
        kind = self._roles.get(name)
        if kind is None and " " in name:
            if name not in self._surname_kinds:
                self._surname_kinds[name] = self._surname_kind(name)
            kind = self._surname_kinds[name]
        return kind

    def _surname_kind(self, name: str) -> str | None:
        """The source type the text gives the surname of the personal name ``name``, for a
        name it never types in full: "President Trump", "front-runner Trump" or "the Trump
        campaign" type "Donald Trump".

        Only for a name that starts with a given name, when the text gives no sign that the
        surname belongs to someone else: every full name in the text with that surname holds
        the same given name ("Ivanka Trump" does not), and every mention that typed the
        surname is of the same person (the same given name, or a surname alone followed in
        its sentence or the next by a pronoun of the given name's gender).
        """
        words = name.split()
        surname = words[-1]
        kind = self._roles.get(surname) if self._roles is not None else None
        if kind is None:
            if self._campaigns is None:
                self._campaigns = _campaign_owners(self.norm)
            if surname not in self._campaigns:
                return None
        given = given_names()
        first = words[0]
        if first.lower() not in given:
            return None
        if kind is not None:
            gender = name_gender(name)
            for typed, end in self._role_evidence.get(surname, ()):
                # the given name of the typed mention, if it has one ("Republican Marco Rubio")
                first_word = next((w for w in typed[:-1] if w.lower() in given), None)
                if first_word is not None and first_word not in words or (
                        first_word is None and self._gender_after(end) != gender):
                    return None
        else:
            kind = "political"
        pattern = re.compile(r"(?<![\w'\u2019-])([A-Z][\w'\u2019-]*)[ \t]+(?:[A-Z]\.[ \t]+)?"
                             + re.escape(surname) + r"(?![\w-])")
        for m in pattern.finditer(self.norm):  # "Bill Clinton" besides "Hillary Clinton"
            other = m.group(1).lower()
            if other != first.lower() and other in given:
                return None
        return kind

    def unnamed(self, start: int, end: int) -> dict[str, Any]:
        """Fields for an attribution without a speaker mention."""
        if self._anonymous_sentence(start, end):
            return {"source_type": "anonymous", "anonymous": True}
        return {"source_type": "unknown", "anonymous": False}

    def _sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around ``pos``, clipped to 1,000 characters either side (linear time
        on run-on text, as :meth:`framing.attribution.extract._Doc.sentence`)."""
        if not self._starts:
            return max(0, pos - _WINDOW), min(len(self.norm), pos + _WINDOW)
        k = max(bisect_right(self._starts, pos) - 1, 0)
        return max(self._starts[k], pos - _WINDOW), min(self._ends[k], pos + _WINDOW)

    def _source_type(self, name: str, description: str | None, title_kind: str | None,
                     start: int) -> tuple[str, bool]:
        stype, unnamed_person, head = _name_source(name, description, title_kind)
        anonymous = unnamed_person or self._anonymous_sentence(start)
        if head in ("source", "sources") or (anonymous and stype is None):
            stype = "anonymous" if stype is None else stype
        return stype or "unknown", anonymous

    def _low(self) -> str:
        if self._lower is None:
            self._lower = lower_same_length(self.norm)
        return self._lower

    def _scan(self) -> tuple[Sequence[RoleHit], bool]:
        """Where the text holds a role key, and whether it holds a condition phrase
        (:func:`scan_text`, run when first needed unless the constructor was given them)."""
        if self._role_hits is None or self._any_condition is None:
            _, self._role_hits, self._any_condition = scan_text(self._low())
        return self._role_hits, self._any_condition

    def _anonymous_sentence(self, pos: int, end: int = -1) -> bool:
        """True when the sentence around ``pos`` (to ``end`` at least) says the source is
        kept anonymous; texts without any such phrase are told apart once."""
        if not self._scan()[1]:  # a condition phrase anywhere, word boundaries aside
            return False
        ss, se = self._sentence(pos)
        return _is_anonymous_phrase(self.norm[ss:max(se, end)].lower())

    def _full_name(self, surname: str, before: int, gender: str = "-") -> Mention | None:
        """The latest multi-word name before ``before`` that ends in ``surname``, of the
        ``gender`` ("m", "f") a title gave the surname where the name shows one ("Mrs.
        Clinton" is Hillary Clinton, not Bill Clinton named after her)."""
        core = surname.removeprefix("al-").removeprefix("el-")
        if not core[:1].isupper():
            return None
        if core not in self._full_names:  # every full name ending in core, found once per text
            found = self._full_names_ending_in(core)
            self._full_names[core] = ([m.end for m in found], found)
        ends, found = self._full_names[core]
        k = bisect_right(ends, before) - 1
        if gender in ("m", "f"):
            while k >= 0 and _other_gender(found[k], gender):
                k -= 1
        return found[k] if k >= 0 else None

    def _full_names_ending_in(self, core: str) -> list[Mention]:
        norm = self.norm
        out: list[Mention] = []
        i = norm.find(core)
        while i >= 0:
            end = i + len(core)
            if i > 0 and (end >= len(norm) or not (norm[end].isalnum() or norm[end] in
                                                    "'\u2019-")):
                lead = i - 3 if norm[i - 3:i] in ("al-", "el-") else i
                lo = max(0, lead - 80)
                m = _name_before(norm, lo, lead)
                if m is not None:
                    mentions = [x for x in self.mentions_in(m.start(), end)
                                if x.end == end and len(x.name.split()) >= 2]
                    if mentions:
                        out.append(mentions[-1])
            i = norm.find(core, end)
        return out

    def _antecedent(self, pronoun: str, pos: int) -> dict[str, Any] | None:
        """The nearest compatible name or earlier speaker before ``pos`` (700 characters
        back at most): the candidate that starts last, an earlier speaker on a tie. Both
        kinds are read from the nearest back, and each stops at its first fit."""
        kind = _PRONOUNS[pronoun]
        if kind in ("m", "f"):
            subject = self._previous_subject(kind, pos)
            if subject is not None:
                return subject
        window_start = max(0, pos - 700)
        mention = self._mention_antecedent(kind, window_start, pos)
        lo = bisect_left(self._speaker_starts, window_start)
        hi = bisect_left(self._speaker_starts, pos)
        for i in range(hi - 1, lo - 1, -1):
            s, info = self._speakers[i]
            if mention is not None and s < mention[0]:
                break  # the name is nearer than any earlier speaker left
            if info.get("speaker") and self._fits(kind, info):
                return dict(info)
        if mention is None and kind in ("pl", "n"):
            return self._subject_antecedent(kind, pos)
        return None if mention is None else mention[1]

    def _person_fields(self, m: Mention) -> dict[str, Any]:
        """The speaker fields of a person's name mention that a pronoun or a role
        description refers to, typed by the mention's title or by the article."""
        return {"speaker": m.name, "speaker_start": m.start, "speaker_end": m.end,
                "source_type": m.title_kind if m.title_kind not in (None, "other")
                else self._known_title(m.name, m.start, m.end) or "unknown",
                "anonymous": False, "description": None}

    def _titled_antecedent(self, role: str, former: bool, pos: int, places: list[str]
                           ) -> dict[str, Any] | None:
        """The latest person before ``pos`` named with a title of ``role`` ("the senator"
        after "Sen. Marco Rubio"; :data:`_ROLE_TITLES`), as speaker fields, else None. A
        "former" role wants a "former" title and the reverse; a capitalised word before the
        title must be a place or one of :data:`_TITLE_MODIFIERS` ("Ohio Gov.", "House
        Speaker"; not "Vice President", "Lt. Gov.", "World Bank President"); and a place
        there must be one of the description's ``places`` when it names any ("the Vermont
        senator" is not "Ohio Sen. Sherrod Brown"). The text's titled names are found once
        per role, and at most :data:`_ROLE_CANDIDATES` of them are tried, so that long texts
        stay linear."""
        starts, titled = self._titled_mentions(role)
        norm = self.norm
        i = bisect_left(starts, pos)
        for m, title_start in reversed(titled[max(0, i - _ROLE_CANDIDATES):i]):
            if m.end > pos:
                continue
            words = norm[max(0, title_start - 40):title_start].split()[-2:]
            if former != any(w.lower() in ("former", "ex-") for w in words):
                continue
            last = words[-1] if words else ""
            if last in ("Lt.", "Vice") or last[:1].isupper() and not last.endswith(
                    (".", ",", ":", ";", "\"", "\u201d")):
                two = " ".join(words).lower()
                if not (last.lower() in _TITLE_MODIFIERS or last.lower() in place_names()
                        or two in place_names() or two in city_names()):
                    continue
            named = [p for p in (" ".join(words).lower(), last.lower()) if p in place_names()]
            if places and named and named[0] not in places:
                continue
            return self._person_fields(m)
        return None

    def _titled_mentions(self, role: str) -> tuple[list[int], list[tuple[Mention, int]]]:
        """The person mentions outside quotes that a title of ``role`` comes right before,
        in text order, with where the title starts (and their starts, for bisection); found
        once per text and role."""
        got = self._titled.get(role)
        if got is None:
            before, norm = _ROLE_TITLE_BEFORE[role], self.norm
            titled: list[tuple[Mention, int]] = []
            # only the stretches where such a title comes before a capitalised word
            stretches = sorted({max(bisect_right(self._starts, t.end()) - 1, 0)
                                for t in _ROLE_TITLE_AT[role].finditer(norm)})
            for k in stretches:
                for m in self._stretch(k):
                    if self._in_quote(m.start) or not m.is_person:
                        continue
                    title = before.search(norm, max(0, m.start - 30), m.start)
                    if title is not None:
                        titled.append((m, title.start()))
            got = self._titled[role] = ([m.start for m, _ in titled], titled)
        return got

    def _previous_subject(self, kind: str, pos: int) -> dict[str, Any] | None:
        """For "he" or "she" opening its sentence: the person who opens the sentence before,
        when the rules know them (an earlier speaker there, a full name, or a surname of a
        full name before it), else None. The subject is kept over nearer names: "Rubio said
        that ... the true nature of Trump, whom he called a con artist. He said ..." is
        Rubio."""
        k = bisect_right(self._starts, pos) - 1
        if k < 1 or self.norm[self._starts[k]:pos].strip(_OPENERS):
            return None  # not the first word of its sentence
        norm = self.norm
        q, end = self._starts[k - 1], self._ends[k - 1]
        while q < end and norm[q] in _OPENERS:
            q += 1
        lead = _OPENER_WORD.match(norm, q, end)
        if lead is not None and lead.group(1).lower() in word_classes()["opener"]:
            q = lead.end()  # "But Mrs. Clinton will face"
        m = _NAME_RE.match(norm, q, end)
        if m is None or self._in_quote(q):
            return None
        i = bisect_left(self._speaker_starts, q)
        if i < len(self._speakers) and self._speaker_starts[i] < m.end():
            info = self._speakers[i][1]  # "Rubio said that ...": resolved already
            name = info.get("speaker") or ""
            if not name or not self._fits(kind, info):
                return None
            if " " in name or not _function_word(name):
                return dict(info)  # (not a lone "He" or "With" the rules took for a name)
        found: Mention | None = None
        for x in self._stretch(k - 1):
            if x.start >= m.end():
                break
            if x.start >= q and len(x.name.split()) >= 2:
                found = x  # "Sen. Marco Rubio said"
                break
        words = m.group().split()
        if found is None and len(words) == 1 and not _function_word(words[0]):
            found = self._full_name(words[0], q, kind)  # "Rubio" after "Marco Rubio"
        if found is None or not found.is_person or found.gender not in (kind, "-"):
            return None
        return self._person_fields(found)

    def _subject_antecedent(self, kind: str, pos: int) -> dict[str, Any] | None:
        """For "they" or "it" with no name or speaker to refer to: the subject of the
        sentence before, when it is a typed role noun phrase of the right number
        ("Republican leaders met on Tuesday. They said ..."; "The company ... It said"),
        or for "it" a country or US state ("The US has been ... It does not want")."""
        k = bisect_right(self._starts, pos) - 1
        if k < 1 or pos - self._starts[k] > 40:
            return None  # only a pronoun that opens its sentence, or nearly
        m = _LEAD_NP.match(self.norm, self._starts[k - 1], self._ends[k - 1])
        if m is None:
            return None
        span = self._subject_head(m, self._ends[k - 1])
        if span is None:
            return self._place_subject(m) if kind == "n" else None
        start, end = span
        phrase, head = self.norm[start:end], self.norm[start:end].split()[-1].lower()
        plural = head.endswith("s") and not head.endswith("ss") or head in ("people", "police")
        if (kind == "pl") != plural:
            return None
        stype, anonymous = self._source_type(phrase, None, None, start)
        if kind == "n" and stype not in ("organisation", "official", "media", "document"):
            return None
        return {"speaker": phrase, "speaker_start": start, "speaker_end": end,
                "source_type": stype, "anonymous": anonymous, "description": None}

    def _place_subject(self, m: re.Match[str]) -> dict[str, Any] | None:
        """The speaker fields of a country or US state that :data:`_LEAD_NP` matched as a
        sentence's whole subject, followed by its verb ("The US has been attempting"), else
        None (its government: ``official``)."""
        caps = m.group(1).rstrip()
        start, end = m.start(1), m.start(1) + len(caps)
        nxt = _LOWER_WORD.match(self.norm, end + 1) if self.norm[end:end + 1] == " " else None
        if nxt is None or nxt.group() in ("and", "or") or _bare_name(caps).lower() not in (
                place_names()):
            return None
        stype, anonymous = self._source_type(caps, None, None, start)
        return {"speaker": _bare_name(caps), "speaker_start": start, "speaker_end": end,
                "source_type": stype, "anonymous": anonymous, "description": None}

    def _subject_head(self, m: re.Match[str], hi: int) -> tuple[int, int] | None:
        """``(start, end)`` of the subject whose start :data:`_LEAD_NP` matched, up to its
        head role noun: a capitalised one right before a lower-case word ("Democrats met"),
        else the first of up to three lower-case words that is one, with a word right after
        it ("Republican leaders met"); None without such a head. ``hi``: the sentence end."""
        terms = source_terms()
        words = list(_LOWER_WORD.finditer(self.norm, m.end(), min(m.end() + 60, hi)))
        caps = m.group(1).split()
        if caps and caps[-1].lower() in terms and words and words[0].start() == m.end() and (
                words[0].group().lower() not in terms):
            return m.start(1), m.start(1) + len(m.group(1).rstrip())
        for i, w in enumerate(words[:3]):
            if w.group().lower() in terms:
                if i + 1 >= len(words) or words[i + 1].start() - w.end() > 2:
                    return None
                return (m.start(1) if m.group(1) else words[0].start()), w.end()
            if i > 0 and w.start() - words[i - 1].end() > 1:
                return None
        return None

    def _mention_antecedent(self, kind: str, lo: int, pos: int
                            ) -> tuple[int, dict[str, Any]] | None:
        """The last name mention in ``[lo, pos)`` that a pronoun of ``kind`` can refer to."""
        for m in self.mentions_back(lo, pos):
            if m.end > pos or self._in_quote(m.start):
                continue
            if kind in ("m", "f") and m.is_person and m.gender in (kind, "-"):
                return m.start, self._person_fields(m)
            if kind in ("n", "pl") and not m.is_person and (
                    head_type(" ".join(m.name.split()[-2:])) in (
                        "organisation", "media", "official", "document")
                    or _media_in(m.name.lower())):
                return m.start, {
                    "speaker": m.name, "speaker_start": m.start, "speaker_end": m.end,
                    "source_type": head_type(m.name) or "media", "anonymous": False,
                    "description": None}
        return None

    def _in_quote(self, pos: int) -> bool:
        """True when ``pos`` lies inside one of the text's quotations."""
        return in_quotation(self._quoted, self._quote_opens, pos)

    @staticmethod
    def _fits(kind: str, info: dict[str, Any]) -> bool:
        """True when an earlier speaker (``info``) can be what a pronoun of ``kind`` refers
        to."""
        name = info["speaker"]
        if name.lower() in word_classes()["pronoun_1"]:
            return False  # "I said ... he said": he is not the one who said "I"
        low = name.lower()
        head = low.split()[-1]
        plural = low.endswith("s") and not name[:1].isupper() or \
            (name.split()[-1][:1].islower() and low.endswith(("s", "men"))) or (
                # a plural role noun, capitalised: "Prosecutors argued ... he", "House
                # Democrats"
                head in source_terms() and (
                    head.endswith(("s", "men")) and not head.endswith(("ss", "news"))
                    or head in ("people", "police")))
        person = info.get("_gender", "-") in ("m", "f")  # a given name or a gendered title
        if kind == "pl":
            return plural or info.get("source_type") in ("organisation", "official",
                                                         "media") and not person
        if kind == "n":
            # "it" is the ministry or the paper, never "President Bashar al-Assad" nor "the
            # lawsuits"
            return not plural and info.get("source_type") in (
                "organisation", "media", "document", "official") and (
                info.get("_gender", "-") == "-"
                and head_type(" ".join(name.split()[-2:])) is not None)
        if kind in ("m", "f") and not plural and (person or info.get("source_type") not in (
                "organisation", "media", "document") and not _names_a_body(name)):
            # (not "the Department said ... he")
            return info.get("_gender", "-") in (kind, "-") and name[:1].isupper() and (
                _bare_name(name).lower() not in place_names()) and (  # "Israel said ... he"
                person or info.get("source_type", "unknown") != "unknown"
                and len(name.split()) <= 6 or not any(
                    w[:1].islower() and w.split("-")[0] not in _NAME_PARTICLES
                    for w in name.split()))  # (not "My father died 22 years ago of ...")
        return False
