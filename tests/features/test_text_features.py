"""Loaded-language, sentiment and readability features: seed expectations, contract, evidence."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sklearn.pipeline import make_pipeline, make_union
from sklearn.preprocessing import StandardScaler

from framing.features import (
    LoadedLanguageFeatures,
    ReadabilityFeatures,
    SentimentFeatures,
    make,
    resolve_name,
)

TRANSFORMERS = [LoadedLanguageFeatures, SentimentFeatures, ReadabilityFeatures]


@pytest.mark.parametrize("cls", TRANSFORMERS, ids=lambda c: c.__name__)
def test_sklearn_checks(cls, string_check):
    string_check(cls.__name__, cls())


def test_sklearn_checks_textstat_engine(string_check):
    string_check("ReadabilityFeatures", ReadabilityFeatures(engine="textstat"))


@pytest.mark.parametrize("cls", TRANSFORMERS, ids=lambda c: c.__name__)
def test_contract_and_evidence(cls, seed_text):
    texts = [seed_text, '"It was a massacre," she said. Nobody cared.', ""]
    f = cls()
    X = f.fit_transform(texts)
    names = f.get_feature_names_out()
    assert X.shape == (3, len(names)) and np.isfinite(X).all()
    np.testing.assert_array_equal(X, f.fit(texts).transform(texts))
    np.testing.assert_array_equal(f.transform(texts[::-1]), X[::-1])
    df = cls().set_output(transform="pandas").fit_transform(texts)
    assert list(df.columns) == list(names)
    ev = f.evidence(texts)
    assert ev and {e.feature for e in ev} <= set(names)
    for e in ev:
        assert texts[e.doc][e.start:e.end] == e.text


def test_seed_editorial_vocabulary_is_narrative(seed_text):
    f = LoadedLanguageFeatures()
    ev = f.evidence([seed_text])
    narrative = {e.text.lower() for e in ev if e.feature.endswith("_narrative_per_1k")}
    quoted = {e.text.lower() for e in ev if e.feature.endswith("_quoted_per_1k")}
    for word in ("criminal", "hypocrisy", "cynicism", "savage", "marauding", "fanaticism",
                 "imperialism"):
        assert word in narrative, word
    # the witness's words are the quoted voice
    assert any(e.text == "die" or "waiting to die" in e.text for e in ev
               if e.feature.endswith("_quoted_per_1k")) or "die" in quoted
    row = dict(zip(f.get_feature_names_out(), f.transform([seed_text])[0], strict=True))
    assert 0.7 < row["loaded_narrative_share"] <= 1.0
    assert row["quoted_word_share"] == pytest.approx(
        dict(zip(f.get_feature_names_out(), f.transform([seed_text])[0], strict=True))[
            "quoted_word_share"])


def test_we_are_waiting_to_die_is_quoted_voice(seed_text):
    from framing.features.analysis import analyze

    a = analyze(seed_text)
    pos = seed_text.index("We are waiting to die")
    assert a.is_quoted(pos) and not a.is_quoted(seed_text.index("hypocrisy"))
    f = SentimentFeatures()
    quoted = [e for e in f.evidence([seed_text]) if e.feature == "sentiment_quoted_mean"]
    assert any("We are waiting to die" in e.text for e in quoted)


def test_voice_split_resolves_no_speakers_until_asked(seed_text, shared_data):
    """The voice split uses the extractor's first stage; speakers resolve lazily, identically."""
    from framing.attribution import ATTITUDE_CATEGORIES, extract_attributions
    from framing.corpora import read_polnear
    from framing.features.analysis import _merge, analyze

    texts = [seed_text] + [a.text for a in read_polnear(shared_data / "polnear", "dev")[:40]]
    for text in texts:
        analyze.cache_clear()
        a = analyze(text)
        assert "attributions" not in a.__dict__  # not resolved yet
        full = extract_attributions(text)
        assert a.voice_spans == _merge([f for att in full for f in (
            att.quoted if att.cue_category in ATTITUDE_CATEGORIES else att.fragments)])
        assert a.attributions == tuple(full)
    assert len(analyze(seed_text).attributions) == 19


def test_negation_scope():
    f = LoadedLanguageFeatures(lexicons=["violence"])
    names = list(f.get_feature_names_out())
    with_neg = f.fit_transform(["It was not a massacre. It was a massacre."])[0]
    without = LoadedLanguageFeatures(lexicons=["violence"], negation=False).fit_transform(
        ["It was not a massacre. It was a massacre."])[0]
    i = names.index("violence_narrative_per_1k")
    assert with_neg[i] * 2 == pytest.approx(without[i])


def test_not_only_is_not_a_negation(seed_text):
    from framing.features.matcher import LexiconMatcher

    m = LexiconMatcher({"threat": {"threat", "massacre"}}, additive_focus=True)
    text = "ISIS was not only a threat to Iraq, but not a massacre, and not just a threat."
    assert [(text[x.start:x.end], x.negated) for x in m.match(text)] == [
        ("threat", False), ("massacre", True), ("threat", False)]
    plain = LexiconMatcher({"threat": {"threat", "massacre"}})  # the default: 3-token scope
    assert [x.negated for x in plain.match(text)] == [True, True, True]
    # the seed article's State Department quote: both threats count for stance
    from framing.stance import stance_toward

    threats = [x for x in m.match(seed_text) if seed_text[x.start:x.end] == "threat"]
    assert len(threats) >= 2 and not any(x.negated for x in threats)
    assert stance_toward(seed_text, "ISIS").label == "negative"


def test_sentiment_values(seed_text):
    f = SentimentFeatures()
    row = dict(zip(f.get_feature_names_out(), f.fit_transform([seed_text])[0], strict=True))
    assert row["sentiment_all_mean"] == pytest.approx(-0.2527, abs=1e-3)
    assert row["sentiment_narrative_mean"] < row["sentiment_quoted_mean"] < 0
    assert f.transform([""]).tolist() == [[0.0] * 9]


def test_readability_values(seed_text):
    f = ReadabilityFeatures()
    row = dict(zip(f.get_feature_names_out(), f.fit_transform([seed_text])[0], strict=True))
    # 1,381 words, 61 sentences, 2,357 syllables (CMU dictionary + pyphen)
    assert row["flesch_reading_ease"] == pytest.approx(
        206.835 - 1.015 * 1381 / 61 - 84.6 * 2357 / 1381)
    assert row["words_per_sentence"] == pytest.approx(1381 / 61)
    assert row["syllables_per_word"] == pytest.approx(2357 / 1381)
    slow = ReadabilityFeatures(engine="textstat")
    row = dict(zip(slow.get_feature_names_out(), slow.fit_transform([seed_text])[0], strict=True))
    assert row["flesch_reading_ease"] == pytest.approx(38.58, abs=0.01)  # textstat 0.7
    with pytest.raises(ValueError, match="engine"):
        ReadabilityFeatures(engine="nope").fit([seed_text])


def test_fast_readability_agrees_with_textstat(shared_data):
    """Same words and syllables as textstat; with its sentence count, close scores."""
    from framing.corpora import read_basil
    from framing.readability import _textstat, fast_readability, readability_scores

    ts = _textstat()
    bounds = {"flesch_reading_ease": 2.5, "flesch_kincaid_grade": 0.35, "smog_index": 0.35,
              "coleman_liau_index": 0.5, "dale_chall_readability_score": 0.4}
    for article in read_basil(shared_data / "basil")[:40]:
        text = article.text
        fast = fast_readability(text, ts.sentence_count(text))
        assert fast["words"] == pytest.approx(ts.lexicon_count(text), rel=0.01)
        assert fast["syllables"] == pytest.approx(ts.syllable_count(text), rel=0.02)
        slow = readability_scores(text)
        for name, bound in bounds.items():
            assert abs(fast[name] - slow[name]) <= bound, (article.id, name)


def test_registry_and_union(seed_text):
    assert resolve_name("loaded") == "loaded.v1"
    with pytest.raises(KeyError, match="valid: attribution"):
        resolve_name("nope")
    union = make_union(make("attribution"), make("sentiment"), make("readability"))
    pipe = make_pipeline(union, StandardScaler())
    Z = pipe.fit_transform([seed_text, "Officials said it rained. It was grim."])
    assert Z.shape == (2, 34 + 9 + 9)
    assert resolve_name("attribution") == "attribution.v2"
    assert make("readability.v1").engine == "textstat" and make("readability").engine == "fast"
    assert len(make("attribution.v1").fit(["x"]).get_feature_names_out()) == 29
    assert resolve_name("attribution_learned") == "attribution_learned.v1"
    assert make("attribution_learned").learned and not make("attribution").learned


_PIECES = st.one_of(
    st.text(max_size=30),  # arbitrary Unicode, control characters included
    st.sampled_from(['"', "\u201c", "\u201d", "''", "``", "'", " said ", " Mr. ", ".", "\n\n",
                     " savage ", " not ", " hypocrisy ", " Fallujah "]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=25).map("".join), min_size=1, max_size=3))
def test_text_feature_properties(texts):
    """Odd input never raises, values are finite, and every evidence span is exact."""
    from framing.readability import fast_readability

    for cls in TRANSFORMERS:
        f = cls().fit(texts)
        X = f.transform(texts)
        assert X.shape == (len(texts), len(f.get_feature_names_out())) and np.isfinite(X).all()
        for e in f.evidence(texts):
            assert texts[e.doc][e.start:e.end] == e.text
    for text in texts:
        assert all(np.isfinite(v) for v in fast_readability(text).values())


def test_text_features_on_a_long_pathological_input():
    text = ('"' * 5000 + " said Mr. " * 3000 + "\u201c" * 2000 + "x" * 50_000 + ". " * 5000)
    run_on = "The United States Says " * 3000  # one 12,000-word sentence: VADER is quadratic
    for cls in TRANSFORMERS:
        assert np.isfinite(cls().fit_transform([text, run_on])).all()


def test_lower_case_keeps_character_classes():
    """Every character whose lower case is one character keeps its WORD_RE class, so the words
    of ``text.lower()`` are those of ``text`` when the length is kept (``lower_words``)."""
    import re
    import sys

    word, digit = re.compile(r"[^\W_]"), re.compile(r"\d")
    changed = []
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if len(low) == 1 and low != c and (
                bool(word.match(c)) != bool(word.match(low))
                or bool(digit.match(c)) != bool(digit.match(low))):
            changed.append(hex(cp))
    assert changed == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ9_-'.\u2019,: \u0130\u00b2\u0663\u1e9e\u01c5\u2160"),
               max_size=60))
def test_lower_words_match_the_text_words(text):
    from framing.features.analysis import lower_words
    from framing.text import WORD_RE

    words, same = lower_words(text)
    assert same == (len(text.lower()) == len(text))
    if same:
        assert list(words) == [w.lower() for w in WORD_RE.findall(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["n't", "'", "don", "t", "no", "not", " ", "a", "_", "9", "é",
                                 "nothing", "won't", "can't've", "'n't", "k", "knot", "-",
                                 "nobody", "Never", ".", "without"]), max_size=30).map("".join))
def test_negator_spans_equal_the_single_pattern(text):
    """The fast negator search finds what ``(?<![\\w'])(?:negators|[\\w']*n't)(?![\\w'])``
    finds."""
    import re

    from framing.attribution.words import word_classes
    from framing.features.matcher import _negation_pattern, _negator_spans

    negators = word_classes()["negator"]
    words = "|".join(sorted((re.escape(w) for w in negators), key=len, reverse=True))
    single = re.compile(rf"(?<![\w'])(?:{words}|[\w']*n't)(?![\w'])")
    low = text.lower()
    spans, ends = _negator_spans(low, _negation_pattern(negators))
    assert spans == [m.span() for m in single.finditer(low)]
    assert ends == [e for _, e in spans]


_LEX = {"a": {"war", "war crimes", "so-called", "don", "u.s.", "rock'n'roll", "co-op", "$5",
              "\u00e9tat"},
        "b": {"war", "abus*", "crimes", "-led"}}
_PIECES = ["war", "War", "crimes", "so", "-", "called", "don", "'t", "u", ".", "s", "rock", "'n'",
           "roll", "co", "op", "$", "5", "\u00e9tat", "abuse", "abusive", "led", " ", "  ", "\n",
           ",", "_", "x", "\u2014", "not", "May", ". ", "\u0130", "war crimes", "war\ncrimes",
           "war,crimes", "war  crimes", "so called", "u.s", "u s."]


def _reference_matches(text, lexicon, wildcards, skip_names):
    """Every lexicon form found with str.find, kept when it starts and ends a word."""
    from framing.attribution.cues import lower_same_length
    from framing.features.matcher import _mid_sentence, _negated, _negator_spans

    low = lower_same_length(text)
    cats = list(lexicon)
    best = {}
    for idx, cat in enumerate(cats):
        for term in lexicon[cat]:
            prefix = term.endswith("*") and cat in wildcards
            form = term[:-1] if prefix else term
            i = low.find(form)
            while i >= 0:
                end = i + len(form)
                ok = not (i > 0 and (low[i - 1].isalnum() or low[i - 1] in "_-'"))
                ok = ok and not (skip_names and text[i].isupper() and _mid_sentence(text, i))
                if ok and prefix:
                    while end < len(low) and low[end].isalnum():
                        end += 1
                elif ok and end < len(low) and (low[end].isalnum() or low[end] in "_-"):
                    ok = False
                if ok and ((i, idx) not in best or best[i, idx][0] < end):
                    best[i, idx] = (end, cat, term)
                i = low.find(form, i + 1)
    from framing.attribution.words import word_classes
    from framing.features.matcher import _negation_pattern

    negators, ends = _negator_spans(low, _negation_pattern(word_classes()["negator"]))
    out, last = [], {}
    for (start, idx), (end, cat, lemma) in sorted(best.items()):
        if start >= last.get(idx, -1):
            last[idx] = end
            out.append((start, end, cat, lemma,
                        bool(negators) and _negated(low, start, negators, ends)))
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.booleans())
@example(["war\ncrimes", " ", "so called", ", ", "u s.", " ", "war,crimes"], True)
def test_matcher_finds_what_a_plain_search_finds(pieces, skip_names):
    # the automaton runs over the text with separators blanked (word starts only): the same
    # matches as looking for every form everywhere and keeping those at word boundaries
    from framing.features.matcher import LexiconMatcher

    text = "".join(pieces)
    m = LexiconMatcher(_LEX, inflect=False, wildcards={"b"}, skip_names=skip_names)
    got = [(x.start, x.end, x.category, x.lemma, x.negated) for x in m.match(text)]
    want = _reference_matches(text, _LEX, {"b"}, skip_names)
    assert got == want
    # without the negation test: the same matches, none negated
    assert [tuple(x) for x in m.match(text, negation=False)] == [(*w[:4], False) for w in want]


def test_separator_pattern_is_the_word_boundary_test_over_all_of_unicode():
    # the matcher blanks what _SEPARATOR matches; its boundary test is str.isalnum and "_-'"
    import sys

    from framing.features.matcher import _SEPARATOR

    text = "".join(map(chr, range(sys.maxunicode + 1)))
    blanked = {m.start() for m in _SEPARATOR.finditer(text)}
    assert blanked == {i for i, c in enumerate(text)
                       if not (c.isalnum() or c in "_-' ")}


def test_matcher_short_path_finds_what_the_general_path_finds(seed_text, shared_data):
    # a key whose variants are all plain whole words carries its entries flattened, and the
    # matching loop reads those instead of the variants: the same matches on real text
    import copy

    import ahocorasick

    from framing.corpora import read_basil
    from framing.features.loaded import LoadedLanguageFeatures
    from framing.frames import _matchers

    texts = [seed_text, *[a.text for a in read_basil(shared_data / "basil")][:60]]
    matchers = [LoadedLanguageFeatures()._setup()[0], *_matchers(None)]
    for matcher in matchers:
        general = copy.copy(matcher)
        general._auto = ahocorasick.Automaton()
        flat_keys = 0
        for key, (length, flat, variants) in matcher._auto.items():
            general._auto.add_word(key, (length, None, variants))
            flat_keys += flat is not None
        general._auto.make_automaton()
        assert flat_keys > 0.5 * len(matcher._auto)  # (phrases take the general path)
        for text in texts:
            assert matcher.match(text) == general.match(text)
            assert matcher.match(text, negation=False) == general.match(text, negation=False)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ9_-' .,\n\t\u2019\u2014\u00e9\u0130\u00b2\u0663"
                                        "\U0001f600\u200b\ufeff\u3000"), max_size=40))
@example("")
@example("war\u2014peace \U0001f600")
@example("lone \ud800 surrogate-\udfff")
def test_blanked_text_is_the_separator_substitution(low):
    # a table lookup per character, or the regex where a character lies outside the BMP
    from framing.features.matcher import _SEPARATOR, _blanked

    assert _blanked(low) == " " + _SEPARATOR.sub(" ", low) + " "


def test_separator_table_is_the_separator_pattern_over_the_bmp():
    from framing.features.matcher import _SEPARATOR, _separator_table

    text = "".join(map(chr, range(0x10000)))
    assert np.flatnonzero(_separator_table()).tolist() == [
        m.start() for m in _SEPARATOR.finditer(text)]
