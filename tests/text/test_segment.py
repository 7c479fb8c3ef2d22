"""framing.text: paragraphs, sentences and tokens with raw offsets."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import (
    count_words,
    normalize_typography,
    paragraph_spans,
    segment,
    sentence_spans,
    token_spans,
)


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ('"It is over," he said. She left.', ['"It is over," he said.', "She left."]),
    ("\u201cIt is over,\u201d he said. She left.", ["\u201cIt is over,\u201d he said.", "She left."]),
    ('"Stop!" he shouted. "Why?" she asked.', ['"Stop!" he shouted.', '"Why?" she asked.']),
    ("Mr. Smith met Mrs. Jones and Dr. Who.", ["Mr. Smith met Mrs. Jones and Dr. Who."]),
    # plural titles (BASIL: "particularly Govs. Jeb Bush and Chris Christie")
    ("He spared Govs. Jeb Bush and Chris Christie, Gens. Allen and Kelly and Drs. Lee and Wu.",
     ["He spared Govs. Jeb Bush and Chris Christie, Gens. Allen and Kelly and Drs. Lee and Wu."]),
    ("The U.S. Army left. They fled to the U.S. The army followed.",
     ["The U.S. Army left.", "They fled to the U.S.", "The army followed."]),
    ("U.S. officials said so. It is 5 p.m. Sunday.",
     ["U.S. officials said so.", "It is 5 p.m. Sunday."]),
    ("Apple Inc. said so. Jan. 5 was cold. J. R. R. Tolkien wrote. See No. 5 below.",
     ["Apple Inc. said so.", "Jan. 5 was cold.", "J. R. R. Tolkien wrote.", "See No. 5 below."]),
    ('He said: \u201cIt is over.\u201d Then he left.', ['He said: \u201cIt is over.\u201d',
                                                      "Then he left."]),
    ("\u00abNon.\u00bb Il part.", ["\u00abNon.\u00bb", "Il part."]),
    ("It was 6\u2032 2\u2033 tall. Next one.", ["It was 6\u2032 2\u2033 tall.", "Next one."]),
    ("Wait\u2014no. Yes \u2013 really\u2026 Then more.",
     ["Wait\u2014no.", "Yes \u2013 really\u2026", "Then more."]),
    ("'Fine,' she said. 'Go.'", ["'Fine,' she said.", "'Go.'"]),
])
def test_sentence_rules(text, expected):
    assert sents(text) == expected


def test_sentences_never_cross_paragraphs():
    text = "A heading\n\nFirst sentence here. Second one\n\nThird."
    assert sents(text) == ["A heading", "First sentence here.", "Second one", "Third."]


def test_paragraphs_rejoin_text_broken_mid_sentence():
    long = "Many " + " ".join(["word"] * 20)
    text = f"Title Line\n\nByline 2014\n\n{long} and is training\n\nIraq's forces. End."
    paras = [text[s:e] for s, e in paragraph_spans(text)]
    assert paras == ["Title Line", "Byline 2014", f"{long} and is training\n\nIraq's forces. End."]
    assert paragraph_spans("carrying out\n\nwidespread massacres.") == [(0, 35)]
    assert paragraph_spans("One.\r\n\r\nTwo.\u2029Three") == [(0, 4), (8, 12), (13, 18)]


def test_typography_normalisation_keeps_length():
    raw = "\u201cNo,\u201d she said \u2014 \u00abnever\u00bb \u2018x\u2019 6\u2032 \u00a0\ufeff\u2028."
    norm = normalize_typography(raw)
    assert len(norm) == len(raw)
    assert norm == "\"No,\" she said \u2014 \"never\" 'x' 6'   \n."


def test_tokens_and_words():
    t = "U.S. troops, 1,800 of them, left al-Maliki's base."
    assert [t[s:e] for s, e in token_spans(t)] == [
        "U.S", ".", "troops", ",", "1,800", "of", "them", ",", "left", "al-Maliki's", "base", "."]
    assert count_words(t) == 8


def test_seed_article_segmentation(seed_text):
    """Checked by hand: 29 paragraphs (31 blocks, two broken mid-sentence), 61 sentences."""
    seg = segment(seed_text)
    assert len(seg.paragraphs) == 29
    assert len(seg.sentences) == 61
    texts = seg.sentence_texts()
    assert texts[0] == "Al Qaeda offshoot ISIS captures Mosul from Iraqi government forces"
    assert texts[1] == "Barry Grey 11 June 2014"
    assert texts[10].startswith("ISIS practices a particularly savage form")
    assert "carrying out\n\nwidespread massacres" in texts[10]
    assert texts[24].endswith('saying, "The whole of Mosul collapsed today.')
    assert texts[26] == 'We are waiting to die."'
    assert texts[28] == 'She said, "Mosul is now like hell.'
    assert "is training\n\nIraq's special forces" in texts[47]
    assert texts[50] == "This is the height of hypocrisy and cynicism."
    assert texts[-1] == "wsws.org/contact"
    for s, e in seg.sentences.tolist():
        assert seed_text[s:e] == seed_text[s:e].strip() and s < e
    assert seg.sentence_of(seed_text.index("hypocrisy")) == 50
    assert seg.paragraph_of(seed_text.index("hypocrisy")) == seg.paragraph_of(
        seed_text.index("US imperialism"))
    assert len(seg.tokens) == len(token_spans(seed_text))


def test_segment_rejects_non_strings():
    with pytest.raises(TypeError, match="expects str"):
        segment(b"bytes")  # type: ignore[arg-type]


QUOTEY = st.sampled_from(list("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2032\u2033.!?\u2026 \n\t"
                              "\r\u2029\u2014-()[]:;,`") + ["Mr.", "U.S.", "\n\n", "said", "He",
                                                            "''", "``", "'" * 3])
TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(QUOTEY, st.text(max_size=5)), max_size=200).map("".join),
    st.lists(st.sampled_from(["\x00", "\x1b", "\x7f", "\ud7ff", "\U0001f600", "a", " ", "."]),
             max_size=100).map("".join),
)


def _check_spans(text, spans):
    prev_end = 0
    for s, e in spans.tolist() if hasattr(spans, "tolist") else spans:
        assert 0 <= prev_end <= s < e <= len(text)
        assert text[s:e].strip() == text[s:e]
        prev_end = e


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_segment_properties(text):
    seg = segment(text)
    assert seg.norm == normalize_typography(text) and len(seg.norm) == len(text)
    _check_spans(text, seg.paragraphs)
    _check_spans(text, seg.sentences)
    for s, e in seg.tokens.tolist():
        assert 0 <= s < e <= len(text) and not text[s:e].isspace()
    # every sentence lies inside one paragraph
    for s, e in seg.sentences.tolist():
        p = seg.paragraph_of(s)
        ps, pe = seg.paragraphs[p].tolist()
        assert ps <= s and e <= pe


def test_long_and_pathological_inputs_are_linear():
    for text in ['"' * 200_000, "Mr. " * 50_000, "a." * 100_000, "\n" * 100_000,
                 ("word " * 30 + "\n\n") * 2_000]:
        seg = segment(text)
        _check_spans(text, seg.sentences)


@pytest.mark.parametrize("raw, expected", [
    # LDC / New York Times convention: two apostrophes (or two backticks) for a double mark
    ("''We won,'' he said.", ' "We won,"  he said.'),
    ("``We won,'' he said.", ' "We won,"  he said.'),
    ("''Say: 'Hey, he's one of us,''' Mr. English said.",
     " \"Say: 'Hey, he's one of us,'\"  Mr. English said."),
    ("(''No'') and the Joneses'' car", '( "No" ) and the Joneses"  car'),
    ("rock''n''roll", "rock''n''roll"),  # between letters: left alone
])
def test_two_character_quotation_marks(raw, expected):
    assert normalize_typography(raw) == expected


# counted on the source of framing.text._split (FRAMING_PURE_PYTHON=1): its compiled build
# reads its patterns as typed constants, which a counting stand-in cannot replace
_COUNT_TERMINATOR_CALLS = """
import json, sys
from framing.text import _split, segment
calls = []
real = _split._TERMINATOR

class Counting:
    def match(self, *args):
        calls.append(args[1])
        return real.match(*args)

_split._TERMINATOR = Counting()
out = {}
for run in sys.argv[1:]:
    calls.clear()
    text = "Wow" + run * 4000 + "x. Then more."
    s = segment(text)
    out[run] = [[text[a:b] for a, b in s.sentences.tolist()], len(calls)]
print(json.dumps(out))
"""


def test_punctuation_runs_are_scanned_once():
    # a long run of sentence-final marks with no blank after it: one match attempt per run,
    # not one per mark (which rescanned the run each time: 8,000 periods took 3 s)
    runs = [".", "!", "?", "\u2026", ".!?"]
    env = {**os.environ, "FRAMING_PURE_PYTHON": "1"}
    done = subprocess.run([sys.executable, "-c", _COUNT_TERMINATOR_CALLS, *runs], env=env,
                          capture_output=True, text=True, timeout=300, check=True)
    for run, (sentences, n_calls) in json.loads(done.stdout).items():
        text = "Wow" + run * 4000 + "x. Then more."
        assert sentences == [text[:-len(" Then more.")], "Then more."]
        assert n_calls <= 3
