"""Fast multi-pattern lexicon matching: inflections, multi-word entries, case, negation.

:class:`LexiconMatcher` expands every lexicon lemma into its word forms with
``lemminflect`` (``slam`` → ``slams, slammed, slamming``), puts every form of
every category into one Aho–Corasick automaton and finds all matches in one
scan of the lower-cased text, keeping only matches at word boundaries (longest
first within a category). In categories marked as wildcard categories
(LIWC-style ``.dic`` files), entries ending in ``*`` match as prefixes. A match is *negated* when a negator (``not``, ``never``,
``n't``, ``without``, ...) stands within three words before it in the same
sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Mapping
from functools import lru_cache
from typing import NamedTuple

import ahocorasick
import numpy as np

from ..attribution.cues import lower_same_length
from ..attribution.words import word_classes

_NEG_WINDOW = re.compile(r"[\w']+(?:n't)?|[.;:!?]")


class Match(NamedTuple):
    """One lexicon match: ``text[start:end]`` is the matched form (an immutable record)."""

    start: int
    end: int
    category: str
    lemma: str
    negated: bool = False


# Match(...) runs a generated Python __new__; the tuple constructor builds the same record
# without it (a few hundred matches per article).
_new_match = tuple.__new__


@lru_cache(maxsize=65536)
def word_forms(term: str) -> frozenset[str]:
    """The term and its inflections, lower case.

    A single word gets its noun and verb inflections from lemminflect (not
    comparatives: "numb" -> "number" would be another word); a phrasal verb
    inflects its verb; any other phrase inflects its last word as a noun.

    Examples
    --------
    >>> sorted(word_forms("slam"))
    ['slam', 'slammed', 'slamming', 'slams']
    >>> sorted(word_forms("lash out"))
    ['lash out', 'lashed out', 'lashes out', 'lashing out']
    >>> sorted(word_forms("collateral damage"))
    ['collateral damage', 'collateral damages']
    """
    from lemminflect import getAllInflections

    forms = {term}
    words = term.split()
    if not words or not all(w.replace("-", "").isalpha() for w in words):
        return frozenset(forms)
    if len(words) == 1:
        for tag, variants in getAllInflections(words[0]).items():
            if tag not in ("JJR", "JJS", "RBR", "RBS"):  # "numb" -> "number" is another word
                forms.update(v.lower() for v in variants)
    elif words[-1] in _PARTICLES or words[1] in _PARTICLES:
        # a phrasal verb: "lash out" -> "lashed out"
        for variants in getAllInflections(words[0], upos="VERB").values():
            forms.update(" ".join([v.lower(), *words[1:]]) for v in variants)
    else:
        # a noun phrase: "collateral damage" -> "collateral damages"
        for variants in getAllInflections(words[-1], upos="NOUN").values():
            forms.update(" ".join([*words[:-1], v.lower()]) for v in variants)
    return frozenset(forms)


_PARTICLES = frozenset({"out", "up", "down", "off", "on", "in", "away", "back", "over", "for",
                        "about", "into", "at", "against"})


def _mid_sentence(text: str, start: int) -> bool:
    """True when the word at ``start`` follows other words of its sentence."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'\u201c\u2018(*":
        i -= 1
    return i >= 0 and text[i] not in ".!?:\n\u2014" and not (text[i] == "-" and i and
                                                             text[i - 1] == " ")


class LexiconMatcher:
    """Match the terms of several categories in one pass.

    Parameters
    ----------
    categories : mapping of str to iterable of str
        Category id → lower-case lemmas or phrases (``*`` suffix = prefix).
    inflect : bool, default True
        Also match inflected forms of each entry.
    wildcards : collection of str, optional
        Categories whose entries ending in ``*`` are prefixes (LIWC-style
        ``.dic`` lexicons); elsewhere ``*`` is an ordinary character.
    skip_names : bool, default True
        Skip capitalised matches in the middle of a sentence: they are part of
        a name ("in May", "the Communist Party"), not the lexicon word.
    additive_focus : bool, default False
        A negator followed by a focus word ("not only a threat ..., but",
        "not just", ``focus`` in ``framing/data/function_words.tsv``) does not
        negate. Off by default, so that the loaded-language features and the
        tagger keep the plain three-token scope of Recasens et al. (2013) they
        were measured and trained with; stance uses it.

    Examples
    --------
    >>> m = LexiconMatcher({"violence": ["massacre", "bloodbath"], "doubt": ["so-called"]})
    >>> [(x.category, x.lemma) for x in m.match("Massacres, not a bloodbath, in the so-called war")]
    [('violence', 'massacre'), ('violence', 'bloodbath'), ('doubt', 'so-called')]
    >>> m.match("not a bloodbath")[0].negated
    True
    """

    def __init__(self, categories: Mapping[str, object], inflect: bool = True,
                 wildcards: Collection[str] = (), skip_names: bool = True,
                 additive_focus: bool = False) -> None:
        self.skip_names = skip_names
        self.additive_focus = additive_focus
        self.categories = tuple(categories)
        table: dict[str, set[tuple[str, str, bool]]] = {}
        for cat, terms in categories.items():
            for term in terms:  # type: ignore[attr-defined]
                term = " ".join(str(term).lower().split())
                if not term:
                    continue
                if term.endswith("*") and cat in wildcards:
                    table.setdefault(term[:-1], set()).add((cat, term, True))
                    continue
                for form in (word_forms(term) if inflect else {term}):
                    table.setdefault(form, set()).add((cat, term, False))
        # The automaton runs over the text with every separator (not a letter, digit, "_", "-"
        # or "'") turned into a blank, a blank put in front and one at the end, and each form is
        # keyed with a blank in front: so it reports only forms that start a word (it reported
        # twice as many, half of them inside words, each a Python-level iteration). A form
        # matched as a whole word is also keyed with what may follow a word's end (a blank or
        # "'", as in "slam's"), twice, so the automaton does not report it inside a longer word
        # either (it did, for half of the remaining reports); a form with a prefix entry keeps
        # the plain key and the check on what follows. A form holding a separator ("car bombs")
        # is checked against the text itself.
        keyed: dict[str, list[tuple[int, str | None, tuple[tuple[int, str, str, bool], ...]]]] = {}
        index = {cat: i for i, cat in enumerate(self.categories)}
        for form, entries in sorted(table.items()):
            has_separator = _SEPARATOR.search(form) is not None or " " in form
            variant = (form if has_separator else None,
                       tuple((index[cat], cat, lemma, prefix) for cat, lemma, prefix in sorted(entries)))
            key = " " + _SEPARATOR.sub(" ", form)
            if any(prefix for _, _, prefix in entries):
                keyed.setdefault(key, []).append((0, *variant))
            else:
                for end in _WORD_ENDS:
                    keyed.setdefault(key + end, []).append((1, *variant))
        # A key whose variants are all plain whole words (no separator in the form, no
        # prefix entry: nearly all) also carries its entries flattened, (category index,
        # category, lemma) in variant order, for the matching loop's short path.
        self._auto = ahocorasick.Automaton()
        for key, variants in keyed.items():
            plain = all(trail == 1 and form is None and not any(e[3] for e in entries)
                        for trail, form, entries in variants)
            flat = tuple((idx, cat, lemma) for _, _, entries in variants
                         for idx, cat, lemma, _ in entries) if plain else None
            self._auto.add_word(key, (len(key) - 1, flat, tuple(variants)))
        if table:
            self._auto.make_automaton()
        self._empty = not table
        self._negators = word_classes()["negator"]
        self._neg_words = _negation_pattern(self._negators)

    def match(self, text: str, lower: str | None = None, negation: bool = True) -> list[Match]:
        """Every match in ``text``, sorted by position then category.

        ``lower`` is ``text`` lower-cased with its length kept
        (:func:`~framing.attribution.cues.lower_same_length`), if already computed;
        ``negation=False`` leaves every match's ``negated`` False without looking for
        negators (for callers that keep negated matches anyway).
        """
        if self._empty:
            return []
        low = lower_same_length(text) if lower is None else lower
        n = len(low)
        skip_names = self.skip_names
        n_cat = len(self.categories)
        # start * n_cat + category index -> (end, category, lemma): the longest form per place
        best: dict[int, tuple[int, str, str]] = {}
        get = best.get
        # a word starts right after a separator: the blank in front of every key sits there
        for end_idx, (length, flat, variants) in self._auto.iter(_blanked(low)):
            start = end_idx - length  # offset in low (the key has one blank in front)
            if skip_names and text[start].isupper() and _mid_sentence(text, start):
                continue  # "May", "Patriotic Union", "Communist Party": part of a name
            base = start * n_cat
            if flat is not None:  # whole words only: each ends with the character after it
                e = end_idx - 1
                for idx, cat, lemma in flat:
                    got = get(base + idx)
                    if got is None or got[0] < e:
                        best[base + idx] = (e, cat, lemma)
                continue
            for trail, form, entries in variants:
                if form is not None and not low.startswith(form, start):
                    continue  # the text has another separator where the form has one
                end = end_idx - trail  # a whole-word key ends with the character after the word
                open_end = not trail and end < n and (low[end].isalnum() or low[end] in "_-")
                for idx, cat, lemma, prefix in entries:
                    e = end
                    if prefix:
                        while e < n and low[e].isalnum():
                            e += 1
                    elif open_end:
                        continue  # inside a word
                    got = get(base + idx)
                    if got is None or got[0] < e:
                        best[base + idx] = (e, cat, lemma)
        negators, neg_ends = _negator_spans(low, self._neg_words) if negation else ([], [])
        out: list[Match] = []
        last_end = [-1] * n_cat
        focus = self.additive_focus
        for key, (end, cat, lemma) in sorted(best.items()):
            start, idx = divmod(key, n_cat)
            if start < last_end[idx]:
                continue  # overlaps the previous match of its category
            last_end[idx] = end
            # the nearest negator ending before the match: none within 40 characters (most
            # matches) is settled here, the rest by _negated
            k = bisect_right(neg_ends, start) - 1
            negated = k >= 0 and negators[k][0] >= start - 40 and _negated(
                low, start, negators, neg_ends, focus)
            out.append(_new_match(Match, (start, end, cat, lemma, negated)))
        return out


def _negation_pattern(negators: Collection[str]) -> re.Pattern[str]:
    """The negators ("not", "never", "don't") as word-final alternatives, longest first."""
    if not all(_NEG_TOKEN.fullmatch(w) for w in negators):
        raise ValueError("negators must be single tokens of letters, digits and apostrophes")
    words = "|".join(sorted((re.escape(w) for w in negators), key=len, reverse=True))
    return re.compile(rf"(?:{words})(?![\w'])")


_NEG_TOKEN = re.compile(r"[\w']+")
_NT = re.compile(r"n't(?![\w'])")


@lru_cache(maxsize=512)
def _blanked(low: str) -> str:
    """``low`` with every separator (:data:`_SEPARATOR`) turned into a blank, and a blank in
    front and at the end: the text the automaton runs over. Kept for the last 512 texts (as
    :func:`framing.features.analysis.analyze`): the frame matchers and the loaded-language
    matcher see the same texts, each over a whole batch in turn."""
    codes = np.frombuffer(low.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if not codes.size or codes.max() > 0xFFFF:  # (outside the Basic Multilingual Plane)
        return " " + _SEPARATOR.sub(" ", low) + " "
    # a table lookup per character, a third of the regex substitution's time
    codes = np.where(_separator_table()[codes], np.uint32(32), codes)
    return " " + codes.tobytes().decode("utf-32-le", "surrogatepass") + " "


@lru_cache(maxsize=1)
def _separator_table() -> np.ndarray:
    """For each character of the Basic Multilingual Plane, whether :data:`_SEPARATOR`
    matches it (not a letter or digit, "_", "-", "'" or a blank; tested)."""
    return np.fromiter((not (c.isalnum() or c in "_-' ") for c in map(chr, range(0x10000))),
                       dtype=bool, count=0x10000)


@lru_cache(maxsize=512)
def _negator_spans(low: str, words: re.Pattern[str]) -> tuple[list[tuple[int, int]], list[int]]:
    r"""The whole tokens (runs of letters, digits, ``_`` and ``'``) of ``low`` that are a
    negator or end in "n't" ("don't", "wouldn't"), in text order.

    The same spans as the single pattern ``(?<![\w'])(?:negators|[\w']*n't)(?![\w'])``,
    found faster: the alternatives without a look-behind (so the regex engine can skip
    ahead to their first letters), then a check that each match starts its token, and the
    "n't" endings by searching for "n't" itself. Also their ends (for bisection); kept for
    the last 512 texts, like :func:`_blanked` (callers must not change the lists).
    """
    spans = {(s, m.end()) for m in words.finditer(low)
             if (s := m.start()) == 0 or not (low[s - 1].isalnum() or low[s - 1] in "_'")}
    for m in _NT.finditer(low):
        s = m.start()
        while s > 0 and (low[s - 1].isalnum() or low[s - 1] in "_'"):
            s -= 1
        spans.add((s, m.end()))
    out = sorted(spans)
    return out, [e for _, e in out]


_CLAUSE_END = re.compile(r"[.;:!?]")
# A character that ends a word for the matcher: not a letter or digit (str.isalnum, which is
# what \w adds "_" to), "_", "-" or "'"; blanks are left as they are.
_SEPARATOR = re.compile(r"[^\w\-' ]")
# What may follow the last character of a whole word in the blanked text: a blank (a
# separator or the end of the text) or "'" (not a separator: "slam's", "rebels'").
_WORD_ENDS = (" ", "'")
_NEXT_WORD = re.compile(r"\s+([\w']+)")


def _negated(low: str, start: int, negators: list[tuple[int, int]], neg_ends: list[int],
             additive_focus: bool = False) -> bool:
    """True when a negator is one of the three tokens before ``start`` (within 40
    characters) with no clause punctuation after it (and, with ``additive_focus``, no focus
    word right after it: "not only", "not just"). ``negators`` are the negators of the
    whole text, found once (:func:`_negator_spans`)."""
    k = bisect_right(neg_ends, start) - 1
    if k < 0:
        return False
    h_start, h_end = negators[k]
    if h_start < start - 40 or _CLAUSE_END.search(low, h_end, start) is not None:
        return False
    if len(_NEG_WINDOW.findall(low, h_end, start)) > 2:
        return False
    if not additive_focus:
        return True
    # "not only a threat ..., but": a focus word right after the negator makes it additive
    nxt = _NEXT_WORD.match(low, h_end, start)
    return nxt is None or nxt.group(1) not in word_classes()["focus"]
