"""The extractor's shortcuts give what the plain computations give.

One Aho–Corasick scan of a text finds its cues, its title and role words and
whether it holds an anonymity condition phrase (:func:`scan_text`), where three
scans did; and the search for a name before a position starts where a name can
start (:func:`_name_before`); the names given a title ("Sen.", "President") are
read only from the stretches where such a title comes before a capitalised word
(``SpeakerResolver._titled_mentions``). Each is compared with the computation it
replaces, on real articles and on generated text.
"""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from framing.attribution import speakers
from framing.attribution.cues import find_cues, lower_same_length
from framing.text import segment


@cache
def _automaton(phrases: tuple[tuple[str, object], ...]):
    import ahocorasick

    auto = ahocorasick.Automaton()
    for key, value in phrases:
        auto.add_word(key, value)
    auto.make_automaton()
    return auto


def _three_scans(norm: str, attitudes: bool = True):
    """The three scans scan_text replaced: the cue automaton, one over the role keys, and one
    over the condition phrases run on norm.lower()."""
    low = lower_same_length(norm)
    roles = _automaton(tuple(speakers._role_keys().items()))
    conditions = _automaton(tuple((p, p) for p, kind in speakers.anonymity_cues().items()
                                  if kind == "condition"))
    return (find_cues(low, attitudes), list(roles.iter(low)),
            next(conditions.iter(norm.lower()), None) is not None)


def _basil(shared_data, n):
    from framing.corpora import read_basil

    return [a.text for a in read_basil(shared_data / "basil")][:n]


def test_one_scan_finds_what_the_three_scans_found(seed_text, shared_data):
    texts = [seed_text, *_basil(shared_data, 80),
             # "İ" lower-cases to two characters, and is kept as it is in the scanned text
             "Officials, speaking on condition of anonymity, said \u0130stanbul was calm."]
    conditions = 0
    for text in texts:
        norm = segment(text).norm
        for attitudes in (True, False):
            got = speakers.scan_text(lower_same_length(norm), attitudes)
            assert got == _three_scans(norm, attitudes)
        conditions += got[2]
    assert conditions >= 3  # (the seed has none; some BASIL articles and the last text do)


def test_condition_phrases_are_found_in_the_same_length_lower_case():
    # scan_text looks for them in lower_same_length(norm), which differs from norm.lower()
    # only where "İ" becomes "i" and a combining dot: a phrase of ASCII characters that does
    # not end in "i" is found in both or in neither
    phrases = [p for p, kind in speakers.anonymity_cues().items() if kind == "condition"]
    assert phrases
    assert all(p.isascii() and not p.endswith("i") for p in phrases)


_PIECES = ["said", "Sen.", "sen", "President", "president ", "aide ", "told", "lashed out",
           "on condition of anonymity", "condition", "anonymity", "spoke on condition",
           "not authorized", "\u0130", "\u0130 ", " ", "\n", ",", ".", "-", "unsaid", "Rep. ",
           "candidate,", "front-runner", "according to", "a", "x", "\u2019", "warned"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join), st.booleans())
@example("spoke on condition of anonymity \u0130", True)
def test_one_scan_on_generated_text(text, attitudes):
    got = speakers.scan_text(lower_same_length(text), attitudes)
    assert got == _three_scans(text, attitudes)


def _plain_name_before(norm, lo, end):
    return speakers._NAME_BEFORE.search(norm, lo, end)


def test_name_before_is_the_regex_search_on_real_text(shared_data):
    import re

    checked = found = 0
    for text in _basil(shared_data, 60):
        norm = segment(text).norm
        for m in re.finditer(r"[A-Z][a-z]+|[.,;]", norm):  # before names, as the resolver asks
            for back in (40, 80):
                lo = max(0, m.start() - back)
                want = _plain_name_before(norm, lo, m.start())
                got = speakers._name_before(norm, lo, m.start())
                assert (got and got.span()) == (want and want.span())
                checked += 1
                found += want is not None
    assert checked > 20_000 and found > 2_000


_NAME_PIECES = ["Sen.", "Sen", "John", "McCain", "iPhone", "al-", "Maliki", "el-", "bin", "abu-",
                "and", "the", "a", "eb", "A.", "U.S.", "O'Neil", "Jr.", "\u00c9mile", "9", "_",
                " ", "  ", "\t", "\n", ",", "(", ")", "-", ".", "'", "\u2019", "said"]


def _check_name_before(text, spans):
    for lo, end in spans:
        want = _plain_name_before(text, lo, end)
        got = speakers._name_before(text, lo, end)
        assert (got and got.span()) == (want and want.span()), (text, lo, end)


def _all_spans(text):
    return [(lo, end) for end in range(len(text) + 1) for lo in range(end + 1)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=20).map("".join), st.data())
def test_name_before_is_the_regex_search_on_generated_text(text, data):
    spans = _all_spans(text)
    if len(spans) > 60:
        spans = data.draw(st.lists(st.sampled_from(spans), min_size=60, max_size=60))
    _check_name_before(text, spans)


@pytest.mark.parametrize("text", ["Sen. John McCain ", "iPhone Maker ", "President Barack Obama\n",
                                  "the ebullient Bob  ", "said Graham", "(R-S.C.) Lindsey ",
                                  "Mahmoud abu-Hassan ", "Nouri al-Maliki said Ali ebb ",
                                  "el-Sisi said Abdel Fattah el-"])
def test_name_before_examples(text):
    _check_name_before(text, _all_spans(text))


def _plain_titled(resolver, role):
    """Every person mention outside quotes with a title of ``role`` right before it, read from
    every stretch of the text (what _titled_mentions finds from the title hits alone)."""
    before = speakers._ROLE_TITLE_BEFORE[role]
    out = []
    for k in range(len(resolver._starts)):
        for m in resolver._stretch(k):
            if resolver._in_quote(m.start) or not m.is_person:
                continue
            title = before.search(resolver.norm, max(0, m.start - 30), m.start)
            if title is not None:
                out.append((m.start, m.end, m.name, title.start()))
    return out


_TITLED_PIECES = ["Sen. ", "Senator ", "sen ", "President ", "Vice ", "Gov. ", "Rep. ", "J. ",
                  "John ", "Smith", " said", ". ", "\n\n", '"', "al-", "Mayor ", "the ", "Lee"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TITLED_PIECES), max_size=25).map("".join))
@example('Sen. J. John Smith said. "Mayor Lee" said Gov. al-Smith.')
def test_titled_mentions_are_those_of_every_stretch_on_generated_text(text):
    seg = segment(text)
    for role in speakers._ROLE_TITLES:
        resolver = speakers.SpeakerResolver(text, seg.norm, seg)
        starts, titled = resolver._titled_mentions(role)
        fast = [(m.start, m.end, m.name, t) for m, t in titled]
        assert fast == _plain_titled(speakers.SpeakerResolver(text, seg.norm, seg), role)
        assert starts == [m.start for m, _ in titled]


def test_titled_mentions_are_those_of_every_stretch_on_real_text(seed_text, shared_data):
    # the titled names are looked for only in the stretches where a title comes before a
    # capitalised word: the same names as reading every stretch
    found = 0
    for text in [seed_text, *_basil(shared_data, 80)]:
        seg = segment(text)
        for role in speakers._ROLE_TITLES:
            fast = [(m.start, m.end, m.name, t) for m, t in speakers.SpeakerResolver(
                text, seg.norm, seg)._titled_mentions(role)[1]]
            assert fast == _plain_titled(speakers.SpeakerResolver(text, seg.norm, seg), role)
            found += len(fast)
    assert found > 200
