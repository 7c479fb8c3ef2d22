"""A learned recall booster for the rule-based attribution extractor.

The rules of :mod:`framing.attribution.extract` are precise but miss about a
third of the attributions PolNeAR annotates (mostly indirect ones whose cue is
not in the lexicons, or whose clause the rules do not recognise).
:func:`learned_attributions` adds, on top of the rule output, the
attributions a small cascade of logistic regressions finds:

1. **cue classifier** -- a token-level model scores the words of every
   sentence (word, lemma, parts of speech, neighbours, quotation marks, and
   whether the rules already used the token as a cue, content or speaker).
   Only tokens whose word is in the model's *start vocabulary* (words that
   reached a useful score on the training data) are scored as cue starts; a
   run of cue tokens is extended word by word while the next word scores at
   least half the threshold;
2. **direction model** -- whether the content follows the cue (``X said the
   plan failed``) or precedes it (``The plan failed, X said``); the content is
   then the rest of the sentence on that side, trimmed (``that``, punctuation,
   a speaker phrase between the content and a trailing cue);
3. **speaker ranker** -- every word token of the sentence outside the cue and
   content is scored as the speaker head; the best one (expanded to the
   capitalised name around it) is resolved with
   :class:`~framing.attribution.speakers.SpeakerResolver` like a rule speaker
   (pronouns and surnames, source type, anonymity);
4. **candidate filter** -- a second-stage model over candidate-level features
   (cue and speaker scores, direction confidence, content length, overlap
   with rule contents, the cue word) keeps the candidates whose probability
   reaches the model's threshold (tuned on PolNeAR dev).

A candidate whose content equals a rule content (after trimming blanks and
quotation marks) is never added, nor are two extras with the same content; a
sentence gets at most :data:`_MAX_PER_SENTENCE` extras, each content within
:data:`_MAX_CONTENT` characters of its cue, so run-on text stays linear.

The model is the JSON file ``framing/data/attribution_booster.json``
(feature -> weight per model, the start vocabulary, the thresholds and a
``training`` section); :func:`train_booster` rebuilds it byte for byte from the
PolNeAR train split (``benchmarks/attribution_polnear.py`` scores it). The
package never needs the data at run time.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import random
import re
import sys
import time
import warnings
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .._model_files import model_data, model_text, one_blas_thread
from ..text import TOKEN_RE, Segmentation, segment
from .cues import cue_lexicon, lower_same_length
from .model import Attribution
from .quotes import find_quotes, quotation_ranges
from .rules import _cited_source
from .speakers import SpeakerResolver

__all__ = ["MODEL_RESOURCE", "BoosterModel", "learned_attributions", "load_booster",
           "train_booster"]

#: Where the shipped model lives, relative to the ``framing`` package.
MODEL_RESOURCE = "data/attribution_booster.json"
MODEL_FORMAT = "framing.attribution_booster"
MODEL_VERSION = 1
_SUBMODELS = ("cue", "direction", "speaker", "stage2")

_QUOTECH = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb')
_QUOTE_MARK_RE = re.compile("[" + "".join(sorted(_QUOTECH)) + "]")
_BACKTICKS_RE = re.compile("(?=``)")  # every start of two backticks, overlapping ones too
_PRON = frozenset(("he", "she", "they", "i", "we", "you", "it", "who", "which", "that"))
_AUX = frozenset((
    "has", "have", "had", "is", "was", "were", "are", "be", "been", "being", "will", "would",
    "could", "should", "may", "might", "must", "can", "did", "does", "do", "also", "not",
    "never", "later", "then", "still", "repeatedly", "previously", "recently", "reportedly",
    "just", "already", "often", "once", "again", "n't", "even", "publicly", "now"))
_TRAIL = frozenset(".,;:!?\"'\u201c\u201d)(-\u2014\u2013`")
_LEAD_SKIP = frozenset(("that", ",", ":", "whether", "if"))
_N1_CLASS = frozenset(("that", ",", ":", '"', "\u201c", "to", "``"))
_BEFORE_STOP = frozenset(',"\u201d:')
_POS_ORDER = ("VERB", "NOUN", "ADJ", "ADV", "AUX", "PROPN")
_BLANK_OR_QUOTE = frozenset(" \t\r\n\f\v\u00a0") | _QUOTECH
# speaker candidates: tokens with at most this many word tokens between them and the cue
_SPEAKER_WINDOW = 8
_MAX_NAME = 4  # tokens a speaker head is expanded to ("Prime Minister Nouri al-Maliki")


# ----------------------------------------------------------------------------- resources

@cache
def _lexicon_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Single-word cue forms, first words and all words of multi-word forms."""
    one, first, multi = set(), set(), set()
    for form in cue_lexicon(True):
        words = form.split()
        if len(words) == 1:
            one.add(words[0])
        elif words:
            first.add(words[0])
            multi.update(words)
    return frozenset(one), frozenset(first), frozenset(multi)


@lru_cache(maxsize=65536)
def _lem_info(word: str) -> tuple[str, tuple[str, ...]]:
    """Lemma and possible parts of speech of a lower-case word (lemminflect's lexicon)."""
    if not word[:1].isalpha():
        return word, ()
    from lemminflect import getAllLemmas

    found = getAllLemmas(word)
    if not found:
        return word, ()
    for pos in _POS_ORDER:
        if pos in found:
            return found[pos][0].lower(), tuple(sorted(found))
    return found[next(iter(found))][0].lower(), tuple(sorted(found))


def _shape(w: str) -> str:
    c = w[0]
    if c.isupper():
        return "Xx" if not w.isupper() or len(w) == 1 else "XX"
    if c.isdigit():
        return "d"
    return "x" if c.isalpha() else "p"


# ----------------------------------------------------------------------------- the model

@dataclass(frozen=True, eq=False)
class _Linear:
    """A logistic regression stored as feature -> weight."""

    weights: dict[str, float]
    bias: float

    def prob(self, feats: Iterable[str]) -> float:
        w = self.weights.get
        z = self.bias
        for f in feats:
            z += w(f, 0.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def prob_dict(self, feats: dict[str, float]) -> float:
        w = self.weights.get
        z = self.bias
        for f, v in feats.items():
            z += w(f, 0.0) * v
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True, eq=False)
class BoosterModel:
    """The booster's four logistic regressions, start vocabulary and thresholds.

    Attributes
    ----------
    cue, direction, speaker, stage2 : _Linear
        Feature -> weight dicts with their biases.
    start_words : frozenset of str
        Lower-cased words scored as the start of a cue.
    candidate_threshold : float
        Cue probability from which a run of cue tokens starts.
    threshold : float
        Stage-2 probability from which a candidate is added.
    meta : dict
        The rest of the file (``training``, ``metrics``...).
    """

    cue: _Linear
    direction: _Linear
    speaker: _Linear
    stage2: _Linear
    start_words: frozenset[str]
    candidate_threshold: float
    threshold: float
    meta: dict[str, Any]


def _parse_model(raw: str, where: str) -> BoosterModel:
    body = (*_SUBMODELS, "start_words", "candidate_threshold", "threshold")
    data = model_data(raw, where, MODEL_FORMAT, MODEL_VERSION, body)
    try:
        subs = {}
        for name in _SUBMODELS:
            part = data[name]
            subs[name] = _Linear({str(k): float(v) for k, v in part["weights"].items()},
                                 float(part["bias"]))
        start = frozenset(str(w) for w in data["start_words"])
        cand, thr = float(data["candidate_threshold"]), float(data["threshold"])
    except (TypeError, KeyError, AttributeError, ValueError) as exc:
        raise ValueError(f"{where}: malformed model file ({type(exc).__name__}: {exc})"
                         ) from None
    meta = {k: v for k, v in data.items() if k not in body}
    return BoosterModel(subs["cue"], subs["direction"], subs["speaker"], subs["stage2"], start,
                        cand, thr, meta)


@lru_cache(maxsize=8)
def load_booster(path: str | None = None) -> BoosterModel:
    """Load a booster model file (``None``: the shipped one), cached by path.

    Raises
    ------
    ValueError
        When the file is not a booster model (the message names the file).
    FileNotFoundError
        When the file (or the shipped model) is missing.
    """
    return _parse_model(*model_text(path, MODEL_RESOURCE, "attribution"))


# ----------------------------------------------------------------------------- one document

class _Doc:
    """A text's sentences (as token spans) and the rule output as per-character flags."""

    __slots__ = ("text", "low", "sents", "rcue", "rcont", "rspk", "rule_keys", "_rcont_cum")

    def __init__(self, text: str, seg: Segmentation, rules: Sequence[Any]) -> None:
        self.text = text
        self.low = lower_same_length(text)
        self.sents: list[tuple[int, int, list[tuple[int, int]]]] = []
        for s, e in seg.sentences.tolist():
            toks = [m.span() for m in TOKEN_RE.finditer(text, s, e)]
            if toks:
                self.sents.append((s, e, toks))
        n = len(text) + 1
        self.rcue, self.rcont, self.rspk = bytearray(n), bytearray(n), bytearray(n)
        self.rule_keys: set[tuple[int, int]] = set()
        self._rcont_cum: np.ndarray | None = None
        for a in rules:
            if a.cue_start is not None and a.cue_end is not None:
                _mark(self.rcue, a.cue_start, a.cue_end)
            frags = a.fragments or ((a.content_start, a.content_end),)
            for fs, fe in frags:
                _mark(self.rcont, fs, fe)
            if a.speaker_start is not None and a.speaker_end is not None:
                _mark(self.rspk, a.speaker_start, a.speaker_end)
            self.rule_keys.add(_trim_key(text, a.content_start, a.content_end))


def _rule_content_chars(doc: _Doc, s: int, e: int) -> int:
    """Characters of ``[s, e)`` inside rule contents (prefix sums: constant time per call)."""
    if doc._rcont_cum is None:
        flags = np.frombuffer(bytes(doc.rcont), dtype=np.uint8)
        doc._rcont_cum = np.concatenate(([0], np.cumsum(flags, dtype=np.int64)))
    return int(doc._rcont_cum[e] - doc._rcont_cum[s])


def _mark(flags: bytearray, s: int, e: int) -> None:
    s, e = max(s, 0), min(e, len(flags))
    if e > s:
        flags[s:e] = b"\x01" * (e - s)


def _has(flags: bytearray, s: int, e: int) -> bool:
    return e > s and flags.find(1, s, e) >= 0


def _trim_key(text: str, s: int, e: int) -> tuple[int, int]:
    """``(s, e)`` without leading/trailing blanks and quotation marks (also ```` `` ```` / ``''``)."""
    while s < e:
        if text[s] in _BLANK_OR_QUOTE:
            s += 1
        elif text.startswith(("``", "''"), s, e):
            s += 2
        else:
            break
    while e > s:
        if text[e - 1] in _BLANK_OR_QUOTE:
            e -= 1
        elif e - s >= 2 and text[e - 2:e] in ("``", "''"):
            e -= 2
        else:
            break
    return (s, e) if e > s else (0, 0)


class _Sent:
    """Lazily computed per-token views of one sentence."""

    __slots__ = ("doc", "toks", "words", "starts", "n", "has_rule", "_static", "_prefix",
                 "_spk_z", "_last_quote", "_marks")

    def __init__(self, doc: _Doc, ss: int, se: int, toks: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.toks = toks
        low = doc.low
        self.words = [low[a:z] for a, z in toks]
        self.starts = [a for a, _ in toks]
        self.n = len(toks)
        self.has_rule = _has(doc.rcue, ss, se) or _has(doc.rcont, ss, se)
        self._static: dict[int, tuple[str, str, tuple[str, ...], str]] = {}
        self._prefix: tuple[list[int], list[int]] | None = None
        self._spk_z: dict[int, float] = {}
        self._last_quote: int | None = None
        self._marks: tuple[list[int], list[int]] | None = None

    def word(self, i: int) -> str:
        if 0 <= i < self.n:
            return self.words[i]
        return "<s>" if i < 0 else "</s>"

    def excluded(self, k: int) -> bool:
        """Token ``k`` is part of a rule cue or speaker (never a learned cue)."""
        a, z = self.toks[k]
        return _has(self.doc.rcue, a, z) or _has(self.doc.rspk, a, z)

    def static(self, k: int) -> tuple[str, str, tuple[str, ...], str]:
        """(word, lemma, parts of speech, shape) of token ``k``."""
        got = self._static.get(k)
        if got is None:
            a, z = self.toks[k]
            lw = self.words[k]
            lem, poss = _lem_info(lw)
            got = (lw, lem, poss, _shape(self.doc.text[a:z]))
            self._static[k] = got
        return got

    def last_quote(self) -> int:
        """Where the sentence's last straight or opening double quotation mark (or two
        backticks) starts; -1 without one. Computed once, so that the cue features ask
        "a quotation mark later in the sentence?" in constant time."""
        if self._last_quote is None:
            text, lo, end = self.doc.text, self.toks[0][0], self.toks[-1][1]
            self._last_quote = max(text.rfind('"', lo, end), text.rfind("\u201c", lo, end),
                                   text.rfind("``", lo, end))
        return self._last_quote

    def has_quote_mark(self, s: int, e: int) -> bool:
        """Whether ``text[s:e]`` (inside the sentence) holds a double quotation mark or two
        backticks; the marks are listed once per sentence, so each call is a bisection."""
        if self._marks is None:
            text, lo, end = self.doc.text, self.toks[0][0], self.toks[-1][1]
            self._marks = ([m.start() for m in _QUOTE_MARK_RE.finditer(text, lo, end)],
                           [m.start() for m in _BACKTICKS_RE.finditer(text, lo, end)])
        marks, pairs = self._marks
        k = bisect_left(marks, s)
        if k < len(marks) and marks[k] < e:
            return True
        k = bisect_left(pairs, s)
        return k < len(pairs) and pairs[k] <= e - 2

    def prefix(self) -> tuple[list[int], list[int]]:
        """Prefix counts of word tokens and of capitalised-or-pronoun tokens."""
        if self._prefix is None:
            text = self.doc.text
            alnum, capron = [0], [0]
            for (a, _), w in zip(self.toks, self.words, strict=True):
                c = text[a]
                alnum.append(alnum[-1] + c.isalnum())
                capron.append(capron[-1] + (c.isupper() or w in _PRON))
            self._prefix = (alnum, capron)
        return self._prefix

    def speaker_prob(self, model: BoosterModel, i: int, j: int, k: int, clem: str) -> float:
        """The speaker ranker's probability for token ``k`` (static part cached)."""
        w = model.speaker.weights.get
        z0 = self._spk_z.get(k)
        if z0 is None:
            z0 = model.speaker.bias
            for f in _spk_static(self, k):
                z0 += w(f, 0.0)
            self._spk_z[k] = z0
        z = z0
        for f in _spk_relative(self, i, j, k, clem):
            z += w(f, 0.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _tok_feats(st: _Sent, k: int) -> list[str]:
    """Stage-1 (cue) features of token ``k``."""
    doc, text = st.doc, st.doc.text
    toks = st.toks
    s, e = toks[k]
    lw, lem, poss, shp = st.static(k)
    n = st.n
    p1, p2, n1, n2 = st.word(k - 1), st.word(k - 2), st.word(k + 1), st.word(k + 2)
    f = ["b", "w=" + lw, "l=" + lem, "sh=" + shp, "p1=" + p1, "n1=" + n1, "p2=" + p2,
         "n2=" + n2, "wn1=" + lw + "_" + n1, "p1w=" + p1 + "_" + lw, "suf3=" + lw[-3:],
         "ln1=" + lem + "_" + n1]
    if poss:
        f += ["pos=" + p for p in poss]
    else:
        f.append("pos=none")
    one, first, multi = _lexicon_words()
    if lw in one:
        f.append("lex1")
    if lw in first:
        f.append("lexfirst")
    if lw in multi:
        f.append("lexmulti")
    if k == 0:
        f.append("first")
    if k >= n - 2:
        f.append("last2")
    f.append(f"relpos={min(4, int(5 * k / n))}")
    if n1 in _N1_CLASS:
        f.append("n1cl=" + n1)
    if not _QUOTECH.isdisjoint(text[e:e + 4]):
        f.append("quote_after")
    if not _QUOTECH.isdisjoint(text[max(0, s - 4):s]):
        f.append("quote_before")
    if st.last_quote() >= e:  # a quotation mark later in the sentence
        f.append("quote_later")
    if _has(doc.rcue, s, e):
        f.append("in_rcue")
    if _has(doc.rcont, s, e):
        f.append("in_rcont")
    if _has(doc.rspk, s, e):
        f.append("in_rspk")
    f.append(f"sent_rule={int(st.has_rule)}")
    if p1 in _PRON:
        f.append("p1pron")
    if k > 0 and text[toks[k - 1][0]].isupper():
        f.append("p1cap")
    return f


def _dir_feats(st: _Sent, i: int, j: int) -> list[str]:
    """Direction features of the cue run ``i..j``."""
    text, toks = st.doc.text, st.toks
    alnum = st.prefix()[0]  # word tokens before each token: constant time in long sentences
    words_after = alnum[st.n] - alnum[j + 1]
    words_before = alnum[i]
    f = ["b", f"wa={min(words_after, 6)}", f"wb={min(words_before, 6)}",
         "nx=" + st.word(j + 1), "pv=" + st.word(i - 1), "w=" + st.doc.low[toks[i][0]:toks[j][1]]]
    tail = text[max(toks[0][0], toks[i][0] - 25):toks[i][0]]
    if "," in tail:
        f.append("comma_near_before")
    if not _QUOTECH.isdisjoint(tail):
        f.append("quote_near_before")
    if words_after <= 3:
        f.append("short_after")
    return f


def _spk_static(st: _Sent, k: int) -> list[str]:
    """Speaker-ranker features of token ``k`` that do not depend on the cue."""
    text, toks = st.doc.text, st.toks
    s, e = toks[k]
    lw, _, poss, shp = st.static(k)
    f = ["b", "w=" + lw, "sh=" + shp]
    if poss:
        f += ["pos=" + p for p in poss]
    else:
        f.append("pos=none")
    if lw in _PRON:
        f.append("pron")
    f.append("n1=" + st.word(k + 1))
    f.append("p1=" + st.word(k - 1))
    if _has(st.doc.rspk, s, e):
        f.append("in_rspk")
    if lw in _AUX:
        f.append("aux")
    if k + 1 < st.n:
        nposs = st.static(k + 1)[2]
        np_end = not (text[toks[k + 1][0]].isupper() or ("NOUN" in nposs and "VERB" not in nposs))
    else:
        np_end = True
    if np_end:
        f.append("np_end")
    if k > 0 and text[s].isupper():
        f.append("cap_mid")
    f.append("poss" if text[e:e + 2] in ("'s", "\u2019s") else "noposs")
    return f


def _spk_relative(st: _Sent, i: int, j: int, k: int, clem: str) -> list[str]:
    """Speaker-ranker features of token ``k`` relative to the cue run ``i..j``."""
    text, toks = st.doc.text, st.toks
    s, e = toks[k]
    lw, _, poss, shp = st.static(k)
    left = k < i
    side = "L" if left else "R"
    db = max(-8, min(8, k - i if left else k - j))
    f = [f"d={db}", f"dsh={db}_{shp}"]
    if poss:
        f += [f"dpos={db}_{p}" for p in poss]
    if lw in _PRON:
        f.append(f"dpron={db}")
    between = text[e:toks[i][0]] if left else text[toks[j][1]:s]
    if "," in between:
        f.append("comma_between")
    if not _QUOTECH.isdisjoint(between):
        f.append("quote_between")
    alnum, capron = st.prefix()
    lo, hi = min(k, i) + 1, max(k, j)
    nb = alnum[hi] - alnum[lo] if hi > lo else 0
    f.append(f"nbw={min(nb, 6)}")
    f.append(f"dp1={db}_{st.word(k - 1)}")
    f.append(f"dn1={db}_{st.word(k + 1)}")
    f.append(f"cue_side={clem}_{side}")
    lo, hi = (k + 1, i) if left else (j + 1, k)
    nn = capron[hi] - capron[lo] if hi > lo else 0
    f.append(f"nearer_caps={min(nn, 3)}_{side}")
    return f


def _spk_feats(st: _Sent, i: int, j: int, k: int, clem: str) -> list[str]:
    """Speaker-ranker features of token ``k`` for the cue run ``i..j``."""
    return _spk_static(st, k) + _spk_relative(st, i, j, k, clem)


#: At most this many additions per sentence, the most probable (real news has at most 3 in
#: BASIL and PolNeAR train/dev; run-on text would otherwise get one per word).
_MAX_PER_SENTENCE = 6
#: A learned content reaches at most this many characters from its cue (no real sentence is
#: this long; it keeps run-on text linear in time and memory).
_MAX_CONTENT = 2000


def _content_span(st: _Sent, i: int, j: int, after: bool) -> tuple[int, int] | None:
    text, toks, n = st.doc.text, st.toks, st.n
    if after:
        a = j + 1
        while a < n and a <= j + 50 and st.words[a] in _LEAD_SKIP:
            a += 1
        z = bisect_left(st.starts, toks[j][1] + _MAX_CONTENT) - 1
        while z >= a and text[toks[z][0]] in _TRAIL:
            z -= 1
        if z < a:
            return None
        return toks[a][0], toks[z][1]
    z = i - 1
    k = z
    while k >= 0 and k >= i - 6 and text[toks[k][0]] not in _BEFORE_STOP and \
            text[toks[k][0]:toks[k][1]] != "''":
        k -= 1
    if k >= 0 and k >= i - 6:
        z = k - 1
    while z >= 0 and text[toks[z][0]] in _TRAIL:
        z -= 1
    a = bisect_left(st.starts, toks[i][0] - _MAX_CONTENT)
    while a <= z and text[toks[a][0]] in _TRAIL:
        a += 1
    if z < a:
        return None
    return toks[a][0], toks[z][1]


def _logit(p: float) -> float:
    return math.log(p / (1 - p + 1e-9) + 1e-9)


@dataclass(slots=True)
class _Candidate:
    """One candidate attribution before stage 2 (token indices into its sentence)."""

    sent: _Sent
    i: int
    j: int
    content: tuple[int, int]
    speaker: int | None
    kind: str
    cue_p: float
    feats: dict[str, float]


def _cue_prob(model: BoosterModel, st: _Sent, k: int, cache_: dict[int, float]) -> float:
    p = cache_.get(k)
    if p is None:
        p = model.cue.prob(_tok_feats(st, k))
        cache_[k] = p
    return p


def _candidates(doc: _Doc, model: BoosterModel, thr: float,
                gate: Callable[[str], bool] | None = None) -> list[_Candidate]:
    """All candidates of a document whose cue starts at probability ``thr`` or more.

    ``gate`` decides which words are scored as cue starts (default: the model's
    start vocabulary); candidates equal to a rule content are dropped.
    """
    text = doc.text
    start_words = model.start_words
    out: list[_Candidate] = []
    for ss, se, toks in doc.sents:
        st = _Sent(doc, ss, se, toks)
        n = st.n
        probs: dict[int, float] = {}
        words = st.words
        runs = []
        k = 0
        while k < n:
            w = words[k]
            if ((w in start_words) if gate is None else gate(w)) and not st.excluded(k) \
                    and _cue_prob(model, st, k, probs) >= thr:
                j = k
                while j + 1 < n and text[toks[j + 1][0]].isalnum() and not st.excluded(j + 1) \
                        and _cue_prob(model, st, j + 1, probs) >= thr * 0.5:
                    j += 1
                runs.append((k, j, max(probs[x] for x in range(k, j + 1))))
                k = j + 1
            else:
                k += 1
        for i, j, p in runs:
            c0 = text[toks[i][0]]
            if not c0.isalnum() and c0 != ":":
                continue
            pdir = model.direction.prob(_dir_feats(st, i, j))
            after = pdir >= 0.5
            cspan = _content_span(st, i, j, after)
            if cspan is None:
                after = not after
                cspan = _content_span(st, i, j, after)
                if cspan is None:
                    continue
            if _trim_key(text, *cspan) in doc.rule_keys:
                continue
            cue_w = doc.low[toks[i][0]:toks[j][1]]
            clem = _lem_info(cue_w)[0] if cue_w[:1].isalpha() and " " not in cue_w else cue_w
            if clem == "cite" and after and _cited_source(text, *cspan):
                continue  # "cited Amina Ibrahim, who ...": a source, as for the rules
            best, bp = None, 0.0
            c_lo, c_hi = cspan
            alnum = st.prefix()[0]
            lo = i
            while lo > 0 and alnum[i] - alnum[lo] <= _SPEAKER_WINDOW:
                lo -= 1
            hi = j + 1
            while hi < n and alnum[hi] - alnum[j + 1] <= _SPEAKER_WINDOW:
                hi += 1
            for k2 in range(lo, hi):
                a = toks[k2][0]
                if i <= k2 <= j or not text[a].isalnum() or c_lo <= a < c_hi:
                    continue
                ps = st.speaker_prob(model, i, j, k2, clem)
                if ps > bp:
                    best, bp = k2, ps
            kind = "mixed" if st.has_quote_mark(c_lo, c_hi) else "indirect"
            starts = st.starts
            nwords = alnum[bisect_left(starts, c_hi)] - alnum[bisect_left(starts, c_lo)]
            rc = _rule_content_chars(doc, c_lo, c_hi) / (c_hi - c_lo)
            sw = text[toks[best][0]:toks[best][1]] if best is not None else ""
            direction = "after" if after else "before"
            feats = {"b": 1.0, "cue_p": p, "cue_logit": _logit(p), "spk_p": bp,
                     "spk_logit": _logit(bp) if bp else -10.0, "dir_" + direction: 1.0,
                     "dir_conf": abs(pdir - 0.5), f"nw={min(nwords // 3, 8)}": 1.0,
                     f"rule_cov={int(4 * rc)}": 1.0, f"sent_rule={int(st.has_rule)}": 1.0,
                     "cue=" + cue_w: 1.0, f"runlen={min(j - i + 1, 3)}": 1.0,
                     "kind=" + kind: 1.0, f"nruns={min(len(runs), 4)}": 1.0,
                     "spk_sh=" + (_shape(sw) if sw else "none"): 1.0,
                     "spk_pron": float(sw.lower() in _PRON),
                     "in_rcont_cue": float(_has(doc.rcont, toks[i][0], toks[j][1])),
                     f"sent_len={min(n // 10, 6)}": 1.0}
            out.append(_Candidate(st, i, j, cspan, best, kind, p, feats))
    return out


# ----------------------------------------------------------------------------- inference

def _quoted(text: str, s: int, e: int) -> tuple[tuple[int, int], ...]:
    """Spans inside quotation marks within ``text[s:e]`` (a lone mark runs to the edge)."""
    marks: list[tuple[int, int]] = []
    k = s
    while k < e:
        if text[k] in _QUOTECH:
            marks.append((k, k + 1))
            k += 1
        elif text.startswith(("``", "''"), k, e):
            marks.append((k, k + 2))
            k += 2
        else:
            k += 1
    out = []
    for m in range(0, len(marks) - 1, 2):
        a, z = marks[m][1], marks[m + 1][0]
        if z > a:
            out.append((a, z))
    if len(marks) % 2:
        a, z = (marks[-1][1], e) if marks[-1][0] > s or len(marks) == 1 else (s, marks[-1][0])
        if z > a:
            out.append((a, z))
    return tuple(out)


@cache
def _not_name_words() -> frozenset[str]:
    from .words import word_classes

    return word_classes().union("determiner", "preposition", "subordinator", "conjunction",
                                "time", "auxiliary")


def _name_around(st: _Sent, k: int) -> tuple[int, int]:
    """Token ``k`` expanded to the capitalised name it is part of (blank-separated words)."""
    text, toks, words = st.doc.text, st.toks, st.words
    if not text[toks[k][0]].isupper():
        return toks[k]
    stop = _not_name_words()

    def name_word(x: int) -> bool:
        return text[toks[x][0]].isupper() and words[x] not in stop

    lo = hi = k
    while hi + 1 < st.n and hi - lo + 1 < _MAX_NAME and name_word(hi + 1) \
            and text[toks[hi][1]:toks[hi + 1][0]] == " ":
        hi += 1
    while lo > 0 and hi - lo + 1 < _MAX_NAME and name_word(lo - 1) \
            and text[toks[lo - 1][1]:toks[lo][0]] == " ":
        lo -= 1
    return toks[lo][0], toks[hi][1]


def learned_attributions(text: str, segmentation: Segmentation | None,
                         rules: Sequence[Attribution],
                         model: BoosterModel | None = None) -> list[Attribution]:
    """The attributions the learned booster adds to the rule output.

    Parameters
    ----------
    text : str
        The raw article text.
    segmentation : Segmentation or None
        :func:`framing.text.segment` of ``text`` (computed when None).
    rules : sequence of Attribution
        ``extract_attributions(text, segmentation=segmentation)``: the booster
        only adds what the rules miss.
    model : BoosterModel, optional
        Default: the shipped model (:func:`load_booster`).

    Returns
    -------
    list of Attribution
        Only the extra attributions, sorted by content start, each with
        ``extra == {"learned": True, "probability": p}``. Their contents never
        equal a rule content or each other (after trimming blanks and
        quotation marks). Offsets point into ``text``.

    Examples
    --------
    >>> from framing.attribution import extract_attributions
    >>> text = "Officials said taxes would rise."
    >>> learned_attributions(text, None, extract_attributions(text))
    []
    """
    if not isinstance(text, str):
        raise TypeError(f"learned_attributions() expects str, got {type(text).__name__}")
    model = load_booster() if model is None else model
    seg = segmentation if segmentation is not None else segment(text)
    doc = _Doc(text, seg, rules)
    chosen: list[tuple[float, _Candidate]] = []
    for c in _candidates(doc, model, model.candidate_threshold):
        p = round(model.stage2.prob_dict(c.feats), 4)
        if p >= model.threshold:
            chosen.append((p, c))
    if not chosen:
        return []
    # one extra per content: the most probable
    chosen.sort(key=lambda pc: (-pc[0], pc[1].content))
    seen = set(doc.rule_keys)
    keep = []
    per_sentence: Counter[int] = Counter()
    for p, c in chosen:
        key = _trim_key(text, *c.content)
        if key in seen or per_sentence[id(c.sent)] >= _MAX_PER_SENTENCE:
            continue
        seen.add(key)
        per_sentence[id(c.sent)] += 1
        keep.append((p, c))
    keep.sort(key=lambda pc: pc[1].content)
    # names inside quotations are never pronoun antecedents, as for the rules' speakers
    quoted = quotation_ranges(find_quotes(text, seg.norm, seg.paragraphs,
                                          seg.sentences)) if keep else []
    resolver = SpeakerResolver(text, seg.norm, seg, lower_same_length(seg.norm), quoted)
    lexicon = cue_lexicon(True)
    out = []
    for p, c in keep:
        st, toks = c.sent, c.sent.toks
        cs, ce = c.content
        q0, q1 = toks[c.i][0], toks[c.j][1]
        cue = text[q0:q1]
        form = " ".join(cue.lower().split())
        lemma, category = lexicon.get(form, (form, None))
        kwargs: dict[str, Any] = {}
        if c.speaker is not None:
            s0, s1 = _name_around(st, c.speaker)
            if s1 > cs and s0 < ce or s1 > q0 and s0 < q1:
                s0, s1 = toks[c.speaker]
            info = resolver.resolve(s0, s1, None, cs)
            kwargs.update({k: v for k, v in info.items() if not k.startswith("_")})
        else:
            kwargs.update(resolver.unnamed(cs, ce))
        out.append(Attribution(
            kind=c.kind, content_start=cs, content_end=ce, content=text[cs:ce],
            fragments=((cs, ce),), quoted=_quoted(text, cs, ce) if c.kind == "mixed" else (),
            cue_start=q0, cue_end=q1, cue=cue, cue_lemma=lemma, cue_category=category,
            extra={"learned": True, "probability": p}, **kwargs))
    return out


# ----------------------------------------------------------------------------- training

#: Training recipe (the compact variant of the prototype).
TRAIN_PARAMS = {"C_cue": 0.3, "C_direction": 1.0, "C_speaker": 1.0, "C_stage2": 1.0,
                "min_df": 10, "prune": 0.1, "candidate_threshold": 0.3, "start_coverage": 0.8,
                "thresholds": [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]}


def _bench() -> Any:
    """``benchmarks/attribution_polnear.py``, loaded by path (it is not a package module)."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "attribution_polnear.py"
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: training needs the repository's benchmarks")
    spec = importlib.util.spec_from_file_location("_framing_attribution_polnear", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, mod)
    spec.loader.exec_module(mod)
    return mod


@dataclass(eq=False)
class _TrainDoc:
    id: str
    text: str
    seg: Segmentation
    rules: list[Attribution]
    doc: _Doc
    gold: list[Any]
    rule_items: list[Any]
    missed: bytearray  # characters of the cues of gold attributions the rules miss


def _train_docs(articles: Sequence[Any], bench: Any, forms: Any) -> list[_TrainDoc]:
    from .extract import extract_attributions

    out = []
    for art in articles:
        text = art.text
        seg = segment(text)
        rules = extract_attributions(text, segmentation=seg)
        gold = bench.gold_items(art, forms)
        rule_items = bench.pred_items(text, rules)
        matched = {gi for gi, _, _ in bench.match(gold, rule_items)}
        missed = bytearray(len(text) + 1)
        for gi, g in enumerate(gold):
            if g.content and gi not in matched:
                for s, e in g.cue:
                    _mark(missed, s, e)
        out.append(_TrainDoc(art.id, text, seg, rules, _Doc(text, seg, rules), gold, rule_items,
                             missed))
    return out


def _fit(rows: Sequence[Any], ys: Sequence[int], C: float, min_df: int, prune: float,
         seed: int) -> dict[str, Any]:
    """A logistic regression over string (or string -> value) features, as a JSON dict."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    numeric = bool(rows) and isinstance(rows[0], dict)
    if not rows or len(set(ys)) < 2:
        return {"bias": -10.0 if not any(ys) else 10.0, "weights": {}}
    counts: Counter[str] = Counter()
    for r in rows:
        counts.update(set(r))
    names = sorted(f for f, c in counts.items() if c >= min_df)
    index = {f: i for i, f in enumerate(names)}
    indptr, indices, data = [0], [], []
    for r in rows:
        cols: dict[int, float] = {}
        for f in r:
            i = index.get(f)
            if i is not None:
                cols[i] = cols.get(i, 0.0) + (r[f] if numeric else 1.0)
        for i in sorted(cols):
            indices.append(i)
            data.append(cols[i])
        indptr.append(len(indices))
    X = csr_matrix((np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int32),
                    np.asarray(indptr, dtype=np.int64)), shape=(len(rows), max(len(names), 1)))
    clf = LogisticRegression(C=C, solver="liblinear", max_iter=1000, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(X, np.asarray(ys, dtype=np.int64))
    w = clf.coef_[0]
    weights = {f: round(float(w[i]), 4) + 0.0 for f, i in index.items()
               if abs(w[i]) >= max(prune, 1e-4)}
    return {"bias": round(float(clf.intercept_[0]), 4) + 0.0, "weights": weights}


def _gold_runs(d: _TrainDoc) -> Iterable[tuple[_Sent, int, int, Any]]:
    """(sentence, first, last cue token, gold item) of every gold attribution with a cue."""
    starts = [ss for ss, _, _ in d.doc.sents]
    from bisect import bisect_right

    for g in d.gold:
        if not g.content or not g.cue:
            continue
        cs = g.cue[0][0]
        k = bisect_right(starts, cs) - 1
        if k < 0:
            continue
        ss, se, toks = d.doc.sents[k]
        if not ss <= cs < se:
            continue
        idx = [x for x, (a, z) in enumerate(toks) if any(a < ce and z > c0 for c0, ce in g.cue)]
        if idx:
            yield _Sent(d.doc, ss, se, toks), idx[0], idx[-1], g


def _train_stage1(docs: Sequence[_TrainDoc], p: dict[str, Any], seed: int
                  ) -> tuple[dict[str, Any], frozenset[str]]:
    """Cue, direction and speaker models; the start vocabulary."""
    rows: list[list[str]] = []
    ys: list[int] = []
    words: list[str] = []
    for d in docs:
        doc = d.doc
        for ss, se, toks in doc.sents:
            st = _Sent(doc, ss, se, toks)
            for k, (a, z) in enumerate(toks):
                if _has(doc.rcue, a, z) or _has(doc.rspk, a, z):
                    continue  # never scored: runs skip the rules' cues and speakers
                rows.append(_tok_feats(st, k))
                ys.append(int(_has(d.missed, a, z)))
                words.append(st.words[k])
    cue = _fit(rows, ys, p["C_cue"], p["min_df"], p["prune"], seed)
    # start vocabulary: the words with the most training hits (tokens of a missed gold cue
    # scoring the candidate threshold or more) per token, up to start_coverage of all hits
    zthr = math.log(p["candidate_threshold"] / (1 - p["candidate_threshold"]))
    W = cue["weights"]
    n_tok: Counter[str] = Counter(words)
    n_hit: Counter[str] = Counter(w for r, w, y in zip(rows, words, ys, strict=True)
                                  if y and cue["bias"] + sum(W.get(f, 0.0) for f in r) >= zthr)
    total = sum(n_hit.values())
    start: list[str] = []
    covered = 0
    for w in sorted(n_hit, key=lambda w: (-n_hit[w] / n_tok[w], w)):
        if covered >= p["start_coverage"] * total:
            break
        start.append(w)
        covered += n_hit[w]
    del rows
    drows, dys, srows, sys_ = [], [], [], []
    for d in docs:
        text = d.text
        for st, i, j, g in _gold_runs(d):
            toks = st.toks
            drows.append(_dir_feats(st, i, j))
            dys.append(int(g.content[0][0] >= toks[j][1]))
            if not g.source:
                continue
            cue_w = d.doc.low[toks[i][0]:toks[j][1]]
            clem = _lem_info(cue_w)[0] if cue_w[:1].isalpha() and " " not in cue_w else cue_w
            cands = [k for k, (a, z) in enumerate(toks)
                     if (k < i or k > j) and text[a].isalnum()
                     and not any(a < ce and z > cs for cs, ce in g.content)]
            labs = [int(any(toks[k][0] < e and toks[k][1] > s for s, e in g.source))
                    for k in cands]
            if sum(labs) == 0:
                continue
            for k, lab in zip(cands, labs, strict=True):
                srows.append(_spk_feats(st, i, j, k, clem))
                sys_.append(lab)
    direction = _fit(drows, dys, p["C_direction"], p["min_df"], p["prune"], seed)
    speaker = _fit(srows, sys_, p["C_speaker"], p["min_df"], p["prune"], seed)
    return {"cue": cue, "direction": direction, "speaker": speaker}, frozenset(start)


def _as_model(parts: dict[str, Any], start: frozenset[str], p: dict[str, Any],
              threshold: float = 0.5) -> BoosterModel:
    def lin(name: str) -> _Linear:
        part = parts.get(name) or {"weights": {}, "bias": 0.0}
        return _Linear(dict(part["weights"]), float(part["bias"]))

    return BoosterModel(lin("cue"), lin("direction"), lin("speaker"), lin("stage2"), start,
                        float(p["candidate_threshold"]), threshold, {})


def _candidate_items(d: _TrainDoc, cands: Sequence[_Candidate], bench: Any) -> list[Any]:
    out = []
    for c in cands:
        toks = c.sent.toks
        spk = [toks[c.speaker]] if c.speaker is not None else None
        out.append(bench.make_item(d.text, [c.content], spk, [(toks[c.i][0], toks[c.j][1])],
                                   kind=c.kind))
    return out


def _summary(bench: Any, docs: Sequence[_TrainDoc], extras: dict[str, list[Attribution]]
             ) -> dict[str, Any]:
    gold = {d.id: d.gold for d in docs}
    pred = {d.id: d.rule_items + bench.pred_items(d.text, extras.get(d.id, [])) for d in docs}
    m, _ = bench.evaluate(gold, pred)
    a = m["all"]

    def r4(x: float | None) -> float | None:
        return None if x is None else round(x, 4)

    return {"precision": r4(a["overlap"]["p"]), "recall": r4(a["overlap"]["r"]),
            "f1": r4(a["overlap"]["f1"]), "source_accuracy": r4(a["source"]["accuracy"]),
            "cue_accuracy": r4(a["cue"]["accuracy"]),
            "indirect_recall": r4(m["by_kind"]["indirect"]["overlap"]["r"]),
            "n_extra": sum(len(v) for v in extras.values())}


def _model_json(model: dict[str, Any]) -> str:
    """Deterministic JSON: sorted keys, one weight per line."""
    parts = []
    for key in sorted(model):
        value = model[key]
        if key in _SUBMODELS:
            rows = [f"   {json.dumps(k, ensure_ascii=False)}: {json.dumps(value['weights'][k])}"
                    for k in sorted(value["weights"])]
            body = (f'{{\n  "bias": {json.dumps(value["bias"])},\n  "weights": {{\n'
                    + ",\n".join(rows) + "\n  }\n }")
        elif key == "start_words":
            body = json.dumps(sorted(value), ensure_ascii=False)
        else:
            body = json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False
                              ).replace("\n", "\n ")
        parts.append(f" {json.dumps(key)}: {body}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


@one_blas_thread
def train_booster(polnear_root: str | os.PathLike[str], out_path: str | os.PathLike[str] | None
                  = None, seed: int = 0, *, limit: int | None = None,
                  verbose: bool = False) -> dict[str, Any]:
    """Train the booster on PolNeAR train; pick the stage-2 threshold on dev.

    Stage 1 (cue, direction and speaker models) is trained on every train
    article; the stage-2 training candidates come from 2-fold cross-fitting
    on train (seeded split), so stage 2 sees stage-1 scores of unseen text.
    The test split is never read.

    Parameters
    ----------
    polnear_root : path-like
        The PolNeAR folder (or its ``data/`` folder).
    out_path : path-like, optional
        Where to write the model JSON (atomically); nothing is written when None.
    seed : int, default 0
        Seeds the cross-fitting split and the solver: same data and seed give
        a byte-identical file.
    limit : int, optional
        Use only the first ``limit`` train and dev articles (for tests).
    verbose : bool, default False
        Print progress to stderr.

    Returns
    -------
    dict
        ``{"training": ..., "metrics": ...}``: rule-only and rule + booster
        precision, recall, F1, source and cue accuracy, indirect recall and
        the number of extras on train and dev (overlap matching of
        ``benchmarks/attribution_polnear.py``), and the dev threshold sweep.
    """
    from ..corpora.polnear import read_polnear

    t0 = time.perf_counter()

    def log(msg: str) -> None:
        if verbose:
            print(f"[{time.perf_counter() - t0:6.1f}s] {msg}", file=sys.stderr, flush=True)

    p = dict(TRAIN_PARAMS)
    bench = _bench()
    forms = bench.load_reporting_forms()
    splits = {}
    for split in ("train", "dev"):
        arts = sorted(read_polnear(polnear_root, split), key=lambda a: a.id)
        splits[split] = arts[:limit] if limit is not None else arts
    train = _train_docs(splits["train"], bench, forms)
    dev = _train_docs(splits["dev"], bench, forms)
    if not train or not dev:
        raise ValueError(f"{polnear_root}: no PolNeAR train/dev articles found")
    log(f"{len(train)} train, {len(dev)} dev articles")
    # stage-2 rows from 2-fold cross-fitting
    order = list(range(len(train)))
    random.Random(seed).shuffle(order)
    half = len(order) // 2
    folds = [set(order[:half]), set(order[half:])]
    c_rows: list[dict[str, float]] = []
    c_ys: list[int] = []
    for fold in folds:
        fit_docs = [d for n, d in enumerate(train) if n not in fold]
        held = [d for n, d in enumerate(train) if n in fold]
        parts, start = _train_stage1(fit_docs, p, seed)
        fm = _as_model(parts, start, p)
        for d in held:
            cands = _candidates(d.doc, fm, fm.candidate_threshold)
            items = d.rule_items + _candidate_items(d, cands, bench)
            hit = {pi for _, pi, _ in bench.match(d.gold, items)}
            n0 = len(d.rule_items)
            c_rows += [c.feats for c in cands]
            c_ys += [int(n0 + k in hit) for k in range(len(cands))]
        log(f"fold done: {len(c_rows)} candidates, {sum(c_ys)} positive")
    parts, start = _train_stage1(train, p, seed)
    parts["stage2"] = _fit(c_rows, c_ys, p["C_stage2"], 1, 0.0, seed)
    log(f"stage 1 + 2 trained; {len(start)} start words")
    # threshold on dev
    low = _as_model(parts, start, p, threshold=min(p["thresholds"]))
    dev_extras = {d.id: learned_attributions(d.text, d.seg, d.rules, low) for d in dev}
    sweep = []
    for thr in p["thresholds"]:
        ex = {k: [a for a in v if a.extra["probability"] >= thr] for k, v in dev_extras.items()}
        sweep.append({"threshold": thr, **_summary(bench, dev, ex)})
    best = max(sweep, key=lambda r: (r["f1"] or 0.0, r["threshold"]))
    threshold = best["threshold"]
    final = _as_model(parts, start, p, threshold=threshold)
    log(f"dev threshold {threshold}: F1 {best['f1']}")
    metrics: dict[str, Any] = {"dev_threshold_sweep": sweep}
    for name, docs in (("train", train), ("dev", dev)):
        extras = {d.id: learned_attributions(d.text, d.seg, d.rules, final) for d in docs}
        metrics[name] = {"rules": _summary(bench, docs, {}),
                         "rules+booster": _summary(bench, docs, extras)}
    training = {
        "data": "PolNeAR (Newell, Margolin and Ruths 2018, 'An Attribution Relations Corpus "
                "for Political News', LREC 2018): stage 1 and 2 on the train split, the "
                "stage-2 threshold on dev; the test split is never read",
        "articles": {"train": len(train), "dev": len(dev)},
        "limit": limit,
        "seed": seed,
        "labels": "cue: a token overlapping the cue of a gold attribution the rules miss "
                  "(greedy overlap matching of benchmarks/attribution_polnear.py); direction: "
                  "gold content after the cue; speaker: a token overlapping the gold source; "
                  "stage 2: a candidate matched to gold when matched together with the rules",
        "stage2_rows": "2-fold cross-fitting over train (seeded shuffle of article indices)",
        "rules": "extract_attributions(text) with attitudes=True (the default)",
        "params": {k: v for k, v in p.items()},
        "solver": "scikit-learn LogisticRegression, liblinear, L2",
        "n_weights": {k: len(v["weights"]) for k, v in sorted(parts.items())},
        "n_start_words": len(start),
    }
    data = {"format": MODEL_FORMAT, "version": MODEL_VERSION, **parts,
            "start_words": sorted(start), "candidate_threshold": p["candidate_threshold"],
            "threshold": threshold, "training": training, "metrics": metrics,
            "features": "see framing.attribution.learned"}
    if out_path is not None:
        from .._atomic import atomic_write

        with atomic_write(out_path) as fh:
            fh.write(_model_json(data))
        load_booster.cache_clear()
    log("done")
    return {"training": training, "metrics": metrics}
