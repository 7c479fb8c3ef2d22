"""The extractor's cheaper forms of its patterns and scans find what the plain ones find.

Speed work replaced a few regular-expression calls with cheaper equivalents: a check of
the first or last word before a pattern is tried (``_may_open_time_phrase``,
``_naming_before``), ``str.find`` for a one-character class (``char_positions``), a pattern
split at its first character (``_party_labels``), and patterns rewritten so that most
positions fail at once (the name, abbreviation and token patterns); and the C scanners of
``framing/text/_cscan.c`` replace the token and name patterns, the substitution of
typographic variants and pyahocorasick's automaton where they are built. Each is compared here
with the form it replaced, on real articles and on generated text, with the characters that
make case-insensitive matching tricky ("\u212a", the Kelvin sign, matches "k"; "\u017f"
matches "s") and characters outside ASCII and the Basic Multilingual Plane.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from framing import native
from framing.attribution import rules, speakers
from framing.text import segment, typography
from framing.text._split import char_positions
from framing.text.segment import TOKEN_RE, WORD_RE

# the patterns as they were before the rewrite
_OLD_NAME_RE = re.compile(
    rf"(?<![A-Z]\.)(?=[A-Zaeb]){speakers._NAME_TOKEN}(?:[ \t]+(?:(?:al|el|bin|ibn|de|van|von|"
    rf"der|da|di|du|le|la|abu|bint)[ \t]+)?{speakers._NAME_TOKEN})*")
_OLD_ABBREV_PERIOD = re.compile(r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Lt|Gen|Col|Sgt|Jr|Sr|St|"
                                r"Rev|Adm|Maj|Capt|Prof|Gov)\.")
_OLD_TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)+|[^\W_]+(?:[-'.\u2019][^\W_]+)*|\S")
_OLD_WORD_RE = re.compile(r"\d+(?:[.,:]\d+)+|[^\W_]+(?:[-'.\u2019][^\W_]+)*")
_OLD_CLAUSE_BREAK_RE = re.compile("[" + re.escape(rules._CLAUSE_BREAK) + "]")
_OLD_NAMING = re.compile(r"(?:so-called|so called|dubbed|nicknamed|known as|titled|entitled|"
                         r"named|the term|the word|the words|the phrase|the slogan|the hashtag|"
                         r"called)\s*[,:]?\s*$", re.IGNORECASE)

_PIECES = [
    " ", "  ", "\n", "\t", "\xa0", ",", ":", ";", ".", '"', "(", ")", "\u2014", "[", "]", "-",
    "'", "\u2019", "_", "1,800", "10:30", "x", "\u00e9", "\u212a", "\u017f", "\u0130", "s",
    "on", "On", "ON", "last", "Tuesday", "tuesday", "week", "wee", "weekend", "in", "In", "at",
    "the", "a", "his", "statement", "news conference", "posted", "on Twitter", "again", "also",
    "later", "Washington", "publicly", "that", "called", "Called", "so-called", "so called",
    "known as", "the hashtag", "the word", "the words", "named", "renamed", "dubbed",
    "Sen", "Sen.", "Mr.", "Mr", "Gov.", "Capt.", "A.", "J.", "U.S.", "al-", "el-", "ab", "abu-",
    "bin", "Maliki", "Sisi", "Laden", "de", "van", "John", "McCain", "iPhone", "b", "e",
    "R", "D", "I", "Z", "Rep", "Dem", "Ind", "\u2013", "(R-S.C.)", ", D-Calif.,", "(R, D, I, Z",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _real_norms(seed_text, shared_data, n=60):
    from framing.corpora import read_basil

    texts = [seed_text] + [a.text for a in read_basil(shared_data / "basil")][:n]
    return [segment(t).norm for t in texts]


def _check_text(norm: str) -> None:
    lower = norm.lower()
    assert [m.span() for m in speakers._NAME_RE.finditer(norm)] == [
        m.span() for m in _OLD_NAME_RE.finditer(norm)]
    assert rules._ABBREV_PERIOD.sub("", norm) == _OLD_ABBREV_PERIOD.sub("", norm)
    assert [m.span() for m in TOKEN_RE.finditer(norm)] == [
        m.span() for m in _OLD_TOKEN_RE.finditer(norm)]
    assert [m.span() for m in WORD_RE.finditer(norm)] == [
        m.span() for m in _OLD_WORD_RE.finditer(norm)]
    assert char_positions(norm, rules._CLAUSE_BREAK, 0, len(norm)) == [
        m.start() for m in _OLD_CLAUSE_BREAK_RE.finditer(norm)]
    lo, hi = len(norm) // 4, len(norm) - len(norm) // 4  # a stretch, as the quote rules ask
    assert char_positions(norm, "'", lo, hi) == [i for i in range(lo, hi) if norm[i] == "'"]
    assert speakers._party_labels(norm) == [m.span() for m in speakers._PARTY_LABEL.finditer(norm)]
    for end in range(len(norm) + 1):
        before = norm[:end]
        assert rules._naming_before(before) == (_OLD_NAMING.search(before) is not None), before
    for pos in range(len(norm) + 1):
        for hi in {len(norm), min(len(norm), pos + 12)}:
            if rules._TIME_PHRASE.match(norm, pos, hi) is not None:
                assert rules._may_open_time_phrase(norm, pos, hi), (norm[pos:hi], lower)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
@example("reported \u212aweek that")
@example("  \u017funday, ")
@example("the so-called \n,\n ")
@example("\u0130n a statement")
@example("the words,,")
@example("al-Maliki and Sen. John McCain")
@example("(R, D, I, Z")  # a label inside another: found after it, as the pattern finds it
@example(", R, D, I, Z (D-Calif.)")
def test_shortcuts_on_generated_text(text):
    _check_text(text)


def test_shortcuts_on_real_text(seed_text, shared_data):
    for norm in _real_norms(seed_text, shared_data, n=25):
        # the whole text for the scans; the position-wise checks on its start
        assert [m.span() for m in speakers._NAME_RE.finditer(norm)] == [
            m.span() for m in _OLD_NAME_RE.finditer(norm)]
        assert [m.span() for m in TOKEN_RE.finditer(norm)] == [
            m.span() for m in _OLD_TOKEN_RE.finditer(norm)]
        assert char_positions(norm, rules._CLAUSE_BREAK, 0, len(norm)) == [
            m.start() for m in _OLD_CLAUSE_BREAK_RE.finditer(norm)]
        assert speakers._party_labels(norm) == [
            m.span() for m in speakers._PARTY_LABEL.finditer(norm)]
        _check_text(norm[:1500])


# a phrase for every first word of _TIME_PHRASE's alternatives
_TIME_PHRASES = [
    "on Monday", "last week", "this morning", "early Tuesday", "late Friday", "earlier today",
    "later that night", "Wednesday", "thursday", "Saturday night", "Sunday", "today",
    "yesterday", "tonight", "week", "month", "year", "morning", "afternoon", "evening",
    "night", "weekend", "in a statement", "in his interview posted on Facebook",
    "in Washington,", "on Capitol Hill.", "at White House,", "again", "also", "later",
    "repeatedly", "publicly", "privately", "recently", "previously", "once", "flatly",
    "bluntly"]


def test_every_time_phrase_opening_is_known():
    for phrase in _TIME_PHRASES:
        text = f" {phrase} that"
        assert rules._TIME_PHRASE.match(text, 0, len(text)) is not None, phrase
        assert rules._may_open_time_phrase(text, 0, len(text)), phrase


def test_shortcuts_say_no_where_the_patterns_fail():
    # the shortcuts are not vacuous: they answer False for text the pattern does not match
    assert not rules._may_open_time_phrase(" that it would", 0, 14)
    assert rules._may_open_time_phrase(" on Tuesday that", 0, 16)
    assert not rules._naming_before("the report ")
    assert rules._naming_before("what he called ")
    assert rules._naming_before("the phrase: ")
    assert not rules._naming_before("called it,, ")


# -- the C tokeniser (framing/text/_cscan.c) against the token pattern

_CSCAN = native.c_extension("framing.text._cscan")
needs_cscan = pytest.mark.skipif(_CSCAN is None, reason="the C scanners are not built")
# digits and letters outside ASCII (Arabic-Indic and superscript digits, accented and CJK
# letters), blanks the ASCII fast path must know (\x1c-\x1f are blanks to Python)
_TOKEN_PIECES = _PIECES + ["\u0663", "\u00b2", "\u2160", "\u4e2d", "\x1c", "\x1f", "\x0b",
                           "\u2028", "\u3000", "9", "0.5", "1.", ".2", "a.b", "don't", "x-",
                           "-y", "\U0001d7d8", "\ufeff"]


def _regex_spans(text, lo, hi):
    return [m.span() for m in TOKEN_RE.finditer(text, lo, hi)]


@needs_cscan
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TOKEN_PIECES), max_size=40).map("".join),
       st.integers(-3, 80), st.integers(-3, 80))
@example("1,800.5 U.S. al-Maliki\u2019s \u0663,\u0663 x_y", 0, 40)
def test_c_tokeniser_gives_the_pattern_spans_on_generated_text(text, lo, hi):
    assert _CSCAN.token_spans(text, lo, hi) == _regex_spans(text, lo, hi)
    assert _CSCAN.token_spans(text, 0, len(text)) == _regex_spans(text, 0, len(text))


@needs_cscan
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_c_tokeniser_gives_the_pattern_spans_on_any_unicode(text):
    assert _CSCAN.token_spans(text, 0, len(text)) == _regex_spans(text, 0, len(text))


@needs_cscan
def test_c_tokeniser_gives_the_pattern_spans_on_real_text(seed_text, shared_data):
    for norm in _real_norms(seed_text, shared_data, n=60):
        assert _CSCAN.token_spans(norm, 0, len(norm)) == _regex_spans(norm, 0, len(norm))
        for lo in range(0, len(norm), 97):  # windows that start and end inside words
            assert _CSCAN.token_spans(norm, lo, lo + 201) == _regex_spans(norm, lo, lo + 201)


@needs_cscan
def test_c_tokeniser_rejects_bad_arguments():
    with pytest.raises(TypeError, match="expects str"):
        _CSCAN.token_spans(b"bytes", 0, 5)
    with pytest.raises(TypeError, match="3 arguments"):
        _CSCAN.token_spans("text", 0)
    with pytest.raises(TypeError):
        _CSCAN.token_spans("text", "0", 4)
    assert _CSCAN.token_spans("", 0, 0) == []


# -- the C scanner of name runs against _NAME_RE

_NAME_PIECES = [" ", "  ", "\t", "\n", ".", "-", "'", "\u2019", "_", "al", "al-", "el-", "ash-",
                "as-", "bin", "bin-", "bint", "abu-", "ad-", "an-", "de", "van", "der", "la",
                "ibn", "Sen", "Sen.", "Mr.", "Mr", "St.", "Capt.", "Ceo.", "A", "A.", "J.", "X",
                "McCain", "Obama", "iPhone", "e", "b", "a", "1", "\u00e9", "\u00c9", "(", ","]


def _regex_names(text, lo, hi):
    return [m.span() for m in speakers._NAME_RE.finditer(text, lo, hi)]


@needs_cscan
@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=25).map("".join),
       st.integers(-2, 60), st.integers(-2, 80))
@example("Nouri al-Maliki and Osama bin Laden met Sen. John McCain", 0, 60)
@example("Sen. X. Y said; J.R. Ewing, ash-Shar bint Ali", 0, 60)
@example("Mr.\tSmith", 3, 9)  # the look-behind reads before lo
def test_c_name_scanner_gives_the_pattern_spans_on_generated_text(text, lo, hi):
    want = _regex_names(text, lo, hi)
    assert _CSCAN.name_spans(text, lo, hi, speakers._NAME_TITLES) == want
    assert speakers._name_spans(text, lo, hi) == want


@needs_cscan
def test_c_name_scanner_gives_the_pattern_spans_on_real_text(seed_text, shared_data):
    n_spans = 0
    for norm in _real_norms(seed_text, shared_data, n=100):
        want = _regex_names(norm, 0, len(norm))
        assert speakers._name_spans(norm, 0, len(norm)) == want
        n_spans += len(want)
        seg = segment(norm)
        for lo, hi in seg.sentences.tolist():
            assert speakers._name_spans(norm, lo, hi) == _regex_names(norm, lo, hi)
    assert n_spans > 5000


@needs_cscan
def test_c_name_scanner_rejects_bad_arguments():
    with pytest.raises(TypeError, match="4 arguments"):
        _CSCAN.name_spans("text", 0, 4)
    with pytest.raises(TypeError, match="as a set"):
        _CSCAN.name_spans("Sen. Bob", 0, 8, ["Sen"])
    with pytest.raises(TypeError, match="expects str"):
        _CSCAN.name_spans(None, 0, 8, frozenset())


# -- the C substitution of typographic variants against the regex substitution

_VARIANT_PIECES = [*typography._MAP, "a", " ", "\n", '"', "'", "\u00e9", "\u4e2d", "\U0001f600",
                   "\u0130", "x" * 40]


def _regex_variants(text):
    return typography._VARIANTS.sub(lambda m: typography._MAP[m.group()], text)


@needs_cscan
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_VARIANT_PIECES), max_size=30).map("".join))
def test_c_variant_substitution_is_the_regex_substitution(text):
    got = _CSCAN.map_chars(text, typography._VARIANT_CHARS, typography._PLAIN_CHARS)
    assert got == _regex_variants(text)
    assert len(got) == len(text)


@needs_cscan
def test_c_variant_substitution_on_real_text(seed_text, shared_data):
    from framing.corpora import read_basil

    texts = [seed_text] + [a.text for a in read_basil(shared_data / "basil")]
    changed = 0
    for text in texts:
        got = _CSCAN.map_chars(text, typography._VARIANT_CHARS, typography._PLAIN_CHARS)
        assert got == _regex_variants(text)
        changed += got != text
    assert changed > 200  # most articles have curly quotes
    with pytest.raises(ValueError, match="ASCII"):
        _CSCAN.map_chars("abc", "a", "b")
    with pytest.raises(ValueError, match="length"):
        _CSCAN.map_chars("abc", "\u00e9\u00e8", "e")


# -- the C Aho-Corasick automaton against pyahocorasick's

def _c_and_py_hits(attitudes):
    c_scan = speakers._c_scan_automaton(attitudes)
    assert c_scan is not None
    ac_scan, automaton, values = c_scan
    py = speakers._scan_automaton(attitudes)
    return (lambda text: [(end, values[k]) for end, k in ac_scan(automaton, text)],
            lambda text: list(py.iter(text)))


_SCAN_KEYS = sorted(speakers._scan_automaton(True).keys(), key=len)[:400]


@needs_cscan
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SCAN_KEYS + [" ", "s", "-", "ly", "\u00e9", "\u4e2d", ".", "x"]),
                max_size=12).map("".join), st.booleans())
def test_c_automaton_finds_what_pyahocorasick_finds_on_generated_text(text, attitudes):
    c_hits, py_hits = _c_and_py_hits(attitudes)
    assert c_hits(text) == py_hits(text)  # the same hits, in the same order


@needs_cscan
def test_c_automaton_finds_what_pyahocorasick_finds_on_real_text(seed_text, shared_data):
    from framing.attribution.cues import lower_same_length
    from framing.corpora import read_basil

    texts = [seed_text] + [a.text for a in read_basil(shared_data / "basil")]
    n_hits = 0
    for attitudes in (True, False):
        c_hits, py_hits = _c_and_py_hits(attitudes)
        for text in texts:
            low = lower_same_length(segment(text).norm)
            want = py_hits(low)
            assert c_hits(low) == want
            n_hits += len(want)
    assert n_hits > 50000


@needs_cscan
def test_c_automaton_rejects_keys_outside_ascii_and_bad_arguments():
    with pytest.raises(ValueError, match="ASCII"):
        _CSCAN.ac_build(["said", "d\u00e9clar\u00e9"])
    with pytest.raises(ValueError, match="ASCII"):
        _CSCAN.ac_build(["said", ""])
    automaton = _CSCAN.ac_build(["he", "she", "hers", "his"])
    assert _CSCAN.ac_scan(automaton, "ushers") == [(3, 1), (3, 0), (5, 2)]
    with pytest.raises(TypeError, match="expects str"):
        _CSCAN.ac_scan(automaton, b"ushers")
    with pytest.raises(ValueError):
        _CSCAN.ac_scan("not an automaton", "ushers")


# -- attributions built slot by slot against the dataclass constructor

def test_attributions_built_by_slots_equal_the_constructor(seed_text, shared_data):
    import dataclasses

    from framing.attribution import extract_attributions
    from framing.attribution.model import Attribution
    from framing.corpora import read_basil

    texts = [seed_text] + [a.text for a in read_basil(shared_data / "basil")[:40]]
    n = 0
    for text in texts:
        for a in extract_attributions(text):
            values = {f.name: getattr(a, f.name) for f in dataclasses.fields(Attribution)
                      if f.name != "extra"}
            built = rules._new_attribution(dict(values))
            assert built == Attribution(**values)
            assert repr(built) == repr(Attribution(**values))
            assert built.extra == {} and built.extra is not rules._new_attribution(values).extra
            n += 1
    assert n > 500
    with pytest.raises(TypeError, match="missing field 'kind'"):
        rules._new_attribution({"content_start": 0})
    values = {f.name: getattr(a, f.name) for f in dataclasses.fields(Attribution)}
    with pytest.raises(TypeError, match="names no field"):
        rules._new_attribution({**values, "colour": "red"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules._new_attribution(values).kind = "direct"


# -- the C time-phrase check, sentence-end candidates and slot filling

_LEAD_PIECES = [" ", "\t", "\n", "\x1c", "\u3000", "on", "On", "Tuesday", "x", "\u212a", "\u00e9",
                "1", ",", "that", "'"]


def _python_lead_word(text, pos, hi):
    n = len(text)
    pos, hi = min(max(pos, 0), n), min(max(hi, 0), n)
    while pos < hi and text[pos].isspace():
        pos += 1
    end = pos
    while end < hi and ("a" <= text[end] <= "z" or "A" <= text[end] <= "Z"):
        end += 1
    return None if end < hi and not text[end].isascii() else text[pos:end]


@needs_cscan
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LEAD_PIECES), max_size=12).map("".join),
       st.integers(-2, 30), st.integers(-2, 40))
def test_c_lead_word_is_the_python_one(text, pos, hi):
    assert _CSCAN.lead_word(text, pos, hi) == _python_lead_word(text, pos, hi)


_SENTENCE_PIECES = [" ", "  ", "\n", "\t", "\u2029", ".", "!", "?", "\u2026", '"', "'", ")", "]",
                    "(", "[", "Mr", "U.S", "A", "a", "Word", "word", "3", "\u00e9"]


def _python_candidates(text, start, end):
    from framing.text import _split

    out = []
    for m in _split._terminators(text, start, end):
        nxt = _split._NEXT.match(text, m.end(), end)
        out.append((m.start(), m.end(), -1, -1) if nxt is None else
                   (m.start(), m.end(), nxt.start(1), nxt.start(2)))
    return out


@needs_cscan
@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=30).map("".join), st.data())
def test_c_sentence_end_candidates_are_the_patterns_ones(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _CSCAN.terminators(text, start, end) == _python_candidates(text, start, end)


@needs_cscan
def test_c_sentence_end_candidates_on_real_text(seed_text, shared_data):
    n = 0
    for norm in _real_norms(seed_text, shared_data, n=100):
        for p_start, p_end in segment(norm).paragraphs.tolist():
            want = _python_candidates(norm, p_start, p_end)
            assert _CSCAN.terminators(norm, p_start, p_end) == want
            n += len(want)
    assert n > 2000


@needs_cscan
def test_c_fill_slots_checks_its_fields():
    from framing.attribution.model import Attribution

    class Other:
        __slots__ = ("kind",)

    att = object.__new__(Attribution)
    marker = object()
    with pytest.raises(TypeError, match="not a slot"):
        _CSCAN.fill_slots(att, ((Other.kind, "kind", marker, None),), {"kind": "direct"}, marker)
    with pytest.raises(TypeError, match="not a slot"):
        _CSCAN.fill_slots(att, ((Attribution.content_pieces, "x", marker, None),), {}, marker)
    with pytest.raises(TypeError, match="4-tuple"):
        _CSCAN.fill_slots(att, ((Attribution.kind,),), {}, marker)
    with pytest.raises(TypeError, match="missing field 'kind'"):
        _CSCAN.fill_slots(att, ((Attribution.kind, "kind", marker, None),), {}, marker)
    with pytest.raises(TypeError, match="names no field"):
        _CSCAN.fill_slots(att, ((Attribution.kind, "kind", marker, None),),
                          {"kind": "direct", "colour": "red"}, marker)
    _CSCAN.fill_slots(att, ((Attribution.kind, "kind", marker, None),
                            (Attribution.extra, "extra", marker, dict)), {"kind": "direct"}, marker)
    assert att.kind == "direct" and att.extra == {}


# -- the words after a cue, and "that" after a cue

_AFTER_CUE_PIECES = [" ", "  ", "\n", "\t", ",", ".", "-", "'", "\u2019", "_", '"', "(", "to",
                     "that", "That", "THAT", "thats", "reporters", "the", "\u00e9t\u00e9", "3",
                     "\u2014", "\u212a", "of", "x"]


@needs_cscan
@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_AFTER_CUE_PIECES), max_size=12).map("".join),
       st.integers(-2, 30), st.integers(-2, 50))
@example("said , that he", 4, 14)
@example("said. . to reporters", 4, 20)
def test_c_next_words_are_the_patterns_groups(text, pos, hi):
    m = rules._NEXT_WORDS.match(text, pos, hi)
    want = None if m is None else (m.group(1), m.group(2))
    assert _CSCAN.next_words(text, pos, hi) == want
    assert rules._next_words(text, pos, hi) == want


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_AFTER_CUE_PIECES), max_size=12).map("".join),
       st.integers(0, 30), st.integers(0, 50))
def test_that_follows_is_the_pattern(text, pos, hi):
    doc = rules._Doc(text, segment(text))
    want = rules._THAT.match(doc.norm, pos, hi) is not None
    assert rules._that_follows(doc, pos, hi) == want
