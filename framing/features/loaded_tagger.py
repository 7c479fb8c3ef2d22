"""A learned, interpretable token-level detector of loaded (biased) words.

:class:`LoadedWordTagger` scores every word token of a text with a logistic
regression over readable features and tags the words whose probability
reaches a threshold. The features of a token are:

* ``lex:<category>`` -- membership in every category of every shipped lexicon
  (:data:`framing.lexicons.loading.SHIPPED`, matched with inflections by
  :class:`~framing.features.matcher.LexiconMatcher`; ``lex:<category>:neg``
  when the match is negated);
* ``w:<word>``, ``lemma:<lemma>``, ``suf3:``/``suf4:``, ``part:<part>`` -- the
  lower-cased word, its lemma, suffixes and the parts of a hyphenated word
  (only features seen in at least ``min_count`` training tokens are kept);
* ``upos:<tag>`` -- the parts of speech the word can have (lemminflect);
* ``cap``, ``cap:first``, ``allcaps``, ``hyphen``, ``digit``, ``len:<bucket>`` -- shape;
* ``fw:<kind>``, ``stop`` -- closed word classes of
  ``framing/data/function_words.tsv``;
* ``vader:pos``/``vader:neg`` -- the word's VADER valence (|valence| / 4);
* ``freq:idf<k>``, ``freq:rare``, ``idf`` -- how rare the word is in news text,
  ``slant`` -- how unevenly left and right outlets use it, ``partisan`` /
  ``partisan:neg`` -- how much more (less) partisan than centrist outlets use
  it: corpus statistics stored in the model file (:func:`word_statistics`);
* ``-2lex:``, ``-1lex:``, ``+1lex:``, ``+2lex:``, ``-1vader``, ``+1vader`` --
  lexicon memberships and valence of the neighbouring words;
* ``pos``, ``pos:first``, ``pos:last`` -- relative position in the sentence;
* ``quoted`` -- the token is in the quoted voice (inside attributed content,
  :meth:`framing.features.analysis.Analysis.is_quoted`);
* ``sent:lex_hits``, ``sent:valence``, ``sent:quote_mark``, ``sent:heading``
  -- sentence-level signals (lexicon hits and summed valence of the other
  words, log-scaled; a quotation mark in the sentence; a heading line).

Closed-class words and numbers are never tagged (probability 0).

The model -- feature name -> weight, intercept, threshold, the word
statistics, a description of the training data and test metrics -- is the
JSON file
``framing/data/loaded_words_model.json`` (no pickle); its weights are the
whole explanation of a prediction. :func:`train_loaded_words` rebuilds it from
BABE/MBIC biased words and PTC ``Loaded_Language`` spans in ``../shared/data``
(word statistics from the AllSides articles there; ``framing train
loaded-words``); the package never needs that data at run time.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .._model_files import model_data, model_text, one_blas_thread
from ..text import WORD_RE
from .analysis import analyze
from .base import Evidence, TextTransformer, check_texts

__all__ = ["FEATURE_NAMES", "MODEL_RESOURCE", "LoadedWordTagger", "LoadedWordsModel",
           "TokenFeatures", "gold_tokens", "load_model", "prf", "split_of", "token_features",
           "train_loaded_words", "word_statistics"]

#: Where the shipped model lives, relative to the ``framing`` package.
MODEL_RESOURCE = "data/loaded_words_model.json"
MODEL_FORMAT = "framing.loaded_words"
MODEL_VERSION = 1
#: Columns of :meth:`LoadedWordTagger.transform`.
FEATURE_NAMES = ("loaded_words_per_1k", "loaded_words_narrative_per_1k",
                 "loaded_words_quoted_per_1k", "loaded_words_narrative_share",
                 "mean_probability")
#: Closed word classes counted as function words (``stop``).
STOP_KINDS = ("determiner", "preposition", "conjunction", "subordinator", "auxiliary",
              "negator", "pronoun_1", "pronoun_m", "pronoun_f", "pronoun_n", "pronoun_pl")
#: Word classes of ``framing/data/function_words.tsv`` that give ``fw:<kind>`` features (the
#: classes the shipped model was trained with; a class added later for other modules, such
#: as ``focus``, does not change the tagger's features).
FW_KINDS = ("auxiliary", "conjunction", "determiner", "negator", "noun_cue", "place",
            "preposition", "pronoun_1", "pronoun_f", "pronoun_m", "pronoun_n", "pronoun_pl",
            "subordinator", "time", "verb")
_QUOTE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb"
_MAX_IDF_BUCKET = 10
_IDF_SCALE = 12.0
_FINAL = ".!?:;\"')\u2026"


# ----------------------------------------------------------------------------- resources

@dataclass(frozen=True, eq=False)
class _Resources:
    matcher: Any
    valence: dict[str, float]
    kinds: dict[str, tuple[str, ...]]
    stop: frozenset[str]


@cache
def _resources() -> _Resources:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from ..attribution.words import word_classes
    from .loaded import _matcher, default_lexicons

    matcher, _ = _matcher(default_lexicons())
    classes = word_classes()
    kinds: dict[str, list[str]] = {}
    for kind in FW_KINDS:
        for word in classes[kind]:
            kinds.setdefault(word, []).append(kind)
    valence = {str(k).lower(): float(v) for k, v in SentimentIntensityAnalyzer().lexicon.items()}
    return _Resources(matcher, valence, {w: tuple(k) for w, k in kinds.items()},
                      classes.union(*STOP_KINDS))


@lru_cache(maxsize=65536)
def _word_info(word: str) -> tuple[str, tuple[str, ...]]:
    """Lemma and possible parts of speech of a lower-case word (lemminflect's lexicon)."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    if not lemmas:
        return word, ()
    tags = tuple(sorted(lemmas))
    for tag in ("NOUN", "VERB", "ADJ", "ADV", *tags):
        forms = lemmas.get(tag)
        if forms and word in forms:
            return word, tags
    for tag in ("NOUN", "VERB", "ADJ", "ADV", *tags):
        forms = lemmas.get(tag)
        if forms:
            return forms[0], tags
    return word, tags


def _len_bucket(n: int) -> str:
    return "len:1-3" if n <= 3 else "len:4-6" if n <= 6 else "len:7-9" if n <= 9 else "len:10+"


@dataclass(frozen=True, eq=False)
class TokenFeatures:
    """Word tokens of one text with their feature dicts.

    ``spans`` is an ``(n, 2)`` int array of character offsets into the text,
    ``features`` one ``{feature name: value}`` dict per token, ``quoted`` a
    bool array (quoted voice), ``stop`` a bool array (closed-class word or
    number: never tagged).
    """

    spans: np.ndarray
    features: list[dict[str, float]]
    quoted: np.ndarray
    stop: np.ndarray


def token_features(text: str, word_stats: Mapping[str, Sequence[float]] | None = None
                   ) -> TokenFeatures:
    """The feature dicts of every word token of ``text`` (see the module docstring).

    Parameters
    ----------
    text : str
    word_stats : mapping, optional
        ``{word: (idf, slant, partisan)}`` corpus statistics of the model
        (see :func:`word_statistics`); None leaves out the ``freq``,
        ``slant`` and ``partisan`` features.

    Examples
    --------
    >>> tf = token_features("It is a savage form of fanaticism.")
    >>> tf.spans.tolist()[3], sorted(k for k in tf.features[3] if k.startswith("lex:"))
    ([8, 14], ['lex:opinion_negative', 'lex:violence'])
    """
    res = _resources()
    analysis = analyze(text)
    norm = analysis.seg.norm
    low = analysis.drafts.lower
    spans = [(m.start(), m.end()) for m in WORD_RE.finditer(norm)]
    n = len(spans)
    if not n:
        empty = np.zeros(0, dtype=bool)
        return TokenFeatures(np.empty((0, 2), dtype=np.int64), [], empty, empty)
    starts = [s for s, _ in spans]
    words = [low[s:e] for s, e in spans]
    # lexicon memberships per token
    lex: list[set[str]] = [set() for _ in range(n)]
    for m in res.matcher.match(text, low):
        i = max(bisect_left(starts, m.start) - 1, 0)
        while i < n and starts[i] < m.end:
            if spans[i][1] > m.start:
                lex[i].add(f"lex:{m.category}:neg" if m.negated else f"lex:{m.category}")
            i += 1
    val = [res.valence.get(w, 0.0) / 4.0 for w in words]
    # sentences
    sents = analysis.seg.sentences
    sent_starts = sents[:, 0].tolist() if len(sents) else [0]
    sent_ends = sents[:, 1].tolist() if len(sents) else [len(text)]
    sid = [max(bisect_left(sent_starts, s + 1) - 1, 0) for s in starts]
    by_sent: dict[int, list[int]] = {}
    for i, k in enumerate(sid):
        by_sent.setdefault(k, []).append(i)
    quoted = np.fromiter((analysis.is_quoted(s) for s in starts), dtype=bool, count=n)
    stop = np.fromiter((w in res.stop or w[0].isdigit() for w in words), dtype=bool, count=n)
    feats: list[dict[str, float]] = [{} for _ in range(n)]
    for k, members in by_sent.items():
        m = len(members)
        lex_hits = sum(1 for i in members if lex[i])
        valence = sum(abs(val[i]) for i in members)
        s0, s1 = sent_starts[min(k, len(sent_starts) - 1)], sent_ends[min(k, len(sent_ends) - 1)]
        quote_mark = any(c in norm[s0:s1] for c in _QUOTE_CHARS)
        # a heading: a sentence that ends a line without final punctuation
        tail = norm[s0:s1].rstrip()
        heading = bool(tail) and tail[-1] not in _FINAL and "\n" in norm[s1:s1 + 2]
        for j, i in enumerate(members):
            w = words[i]
            raw = norm[spans[i][0]:spans[i][1]]
            f: dict[str, float] = {f"w:{w}": 1.0}
            lemma, tags = _word_info(w)
            if lemma != w:
                f[f"lemma:{lemma}"] = 1.0
            for tag in tags:
                f[f"upos:{tag}"] = 1.0
            if not tags:
                f["upos:unknown"] = 1.0
            if len(w) > 4:
                f[f"suf3:{w[-3:]}"] = 1.0
                if len(w) > 5:
                    f[f"suf4:{w[-4:]}"] = 1.0
            f[_len_bucket(len(w))] = 1.0
            if raw[:1].isupper():
                f["cap" if j else "cap:first"] = 1.0
                if len(raw) > 1 and raw.isupper():
                    f["allcaps"] = 1.0
            if "-" in w:
                f["hyphen"] = 1.0
                for part in w.split("-"):
                    if part:
                        f[f"part:{part}"] = 1.0
            if any(c.isdigit() for c in w):
                f["digit"] = 1.0
            for kind in res.kinds.get(w, ()):
                f[f"fw:{kind}"] = 1.0
            if stop[i]:
                f["stop"] = 1.0
            for name in sorted(lex[i]):  # (in a fixed order: the sums below do not
                f[name] = 1.0            # depend on the process's string hashing)
            if word_stats is not None:
                stats = word_stats.get(w)
                if stats is None:
                    f["freq:rare"] = 1.0
                else:
                    idf, slant, partisan = stats
                    f[f"freq:idf{min(int(idf), _MAX_IDF_BUCKET)}"] = 1.0
                    f["idf"] = idf / _IDF_SCALE
                    if slant:
                        f["slant"] = slant
                    if partisan > 0:
                        f["partisan"] = partisan
                    elif partisan < 0:
                        f["partisan:neg"] = -partisan
            if val[i] > 0:
                f["vader:pos"] = val[i]
            elif val[i] < 0:
                f["vader:neg"] = -val[i]
            for d in (-2, -1, 1, 2):
                jj = j + d
                if 0 <= jj < m:
                    o = members[jj]
                    tag = f"{d:+d}"
                    for name in sorted(lex[o]):
                        if not name.endswith(":neg"):
                            f[f"{tag}{name}"] = 1.0
                    if abs(d) == 1 and val[o]:
                        f[f"{tag}vader"] = abs(val[o])
            f["pos"] = j / (m - 1) if m > 1 else 0.0
            if j == 0:
                f["pos:first"] = 1.0
            if j == m - 1:
                f["pos:last"] = 1.0
            if quoted[i]:
                f["quoted"] = 1.0
            other_hits = lex_hits - (1 if lex[i] else 0)
            if other_hits:
                f["sent:lex_hits"] = math.log1p(other_hits)
            other_val = valence - abs(val[i])
            if other_val > 1e-12:
                f["sent:valence"] = math.log1p(other_val)
            if quote_mark:
                f["sent:quote_mark"] = 1.0
            if heading:
                f["sent:heading"] = 1.0
            feats[i] = f
    return TokenFeatures(np.asarray(spans, dtype=np.int64), feats, quoted, stop)


# ------------------------------------------------------------------------------ the model

@dataclass(frozen=True, eq=False)
class LoadedWordsModel:
    """A loaded model file: weights, intercept, threshold and its description."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    word_stats: dict[str, tuple[float, float, float]]
    meta: dict[str, Any]

    def scores(self, features: Sequence[dict[str, float]]) -> np.ndarray:
        """Probability of every token's feature dict."""
        w = self.weights
        z = np.fromiter((self.intercept + sum(w.get(k, 0.0) * v for k, v in f.items())
                         for f in features), dtype=np.float64, count=len(features))
        return _sigmoid(z)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))


def _parse_model(raw: str, where: str) -> LoadedWordsModel:
    body = ("weights", "intercept", "threshold", "word_stats")
    data = model_data(raw, where, MODEL_FORMAT, MODEL_VERSION, body)
    meta = {k: v for k, v in data.items() if k not in body}
    stats = {str(w): (float(v[0]), float(v[1]), float(v[2]))
             for w, v in data["word_stats"].items()}
    return LoadedWordsModel({str(k): float(v) for k, v in data["weights"].items()},
                            float(data["intercept"]), float(data["threshold"]), stats, meta)


@lru_cache(maxsize=8)
def load_model(path: str | None = None) -> LoadedWordsModel:
    """Load a model file (``None``: the shipped one), cached by path."""
    return _parse_model(*model_text(path, MODEL_RESOURCE, "loaded-words"))


def _model_json(model: dict[str, Any]) -> str:
    """Deterministic JSON: sorted keys, one weight or word per line."""
    parts = []
    for key in sorted(model):
        value = model[key]
        if key in ("weights", "word_stats") and value:
            rows = [f"  {json.dumps(k, ensure_ascii=False)}: "
                    f"{json.dumps(value[k], separators=(',', ':'))}" for k in sorted(value)]
            body = "{\n" + ",\n".join(rows) + "\n }"
        else:
            body = json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False
                              ).replace("\n", "\n ")
        parts.append(f" {json.dumps(key)}: {body}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


# ----------------------------------------------------------------------------- the tagger

class LoadedWordTagger(TextTransformer):
    """Tag loaded words with a pre-trained logistic regression; rates per article.

    Parameters
    ----------
    threshold : float or None, default None
        Probability from which a word is tagged loaded, in (0, 1]. None: the threshold
        tuned on development data and stored in the model file.
    model_path : str or None, default None
        A model JSON written by :func:`train_loaded_words`. None: the model
        shipped in ``framing/data/loaded_words_model.json``.

    Notes
    -----
    The model is trained beforehand (:func:`train_loaded_words`, ``framing
    train loaded-words``); :meth:`fit` only validates its input and loads the
    model, so the tagger can sit in a pipeline like any other feature set.

    Columns of :meth:`transform`: ``loaded_words_per_1k`` (tagged words per
    1,000 words), ``loaded_words_narrative_per_1k`` and
    ``loaded_words_quoted_per_1k`` (per 1,000 words of that voice),
    ``loaded_words_narrative_share`` (share of the tagged words in the
    outlet's own voice; 0 when none is tagged) and ``mean_probability``
    (mean probability over all word tokens: a threshold-free, soft rate).

    Examples
    --------
    >>> tagger = LoadedWordTagger()
    >>> [w for _, _, w, _ in tagger.tag("It is the height of hypocrisy and cynicism.")]
    ['hypocrisy', 'cynicism']
    """

    def __init__(self, threshold: float | None = None, model_path: str | None = None) -> None:
        self.threshold = threshold
        self.model_path = model_path

    def _model(self) -> LoadedWordsModel:
        return load_model(None if self.model_path is None else str(self.model_path))

    def _threshold(self) -> float:
        if self.threshold is None:
            return self._model().threshold
        t = float(self.threshold)
        if not 0.0 < t <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {self.threshold!r}")
        return t

    def _feature_names(self) -> tuple[str, ...]:
        """The five column names (see the class docstring); checks threshold and model."""
        self._threshold()
        return tuple(FEATURE_NAMES)

    def token_probabilities(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(spans, probabilities, quoted)`` for every word token of ``text``.

        Closed-class words and numbers get probability 0.
        """
        if not isinstance(text, str):
            raise TypeError(f"expected str, got {type(text).__name__}")
        model = self._model()
        tf = token_features(text, model.word_stats)
        probs = model.scores(tf.features)
        probs[tf.stop] = 0.0
        return tf.spans, probs, tf.quoted

    def tag(self, text: str) -> list[tuple[int, int, str, float]]:
        """The words predicted loaded: ``(start, end, text[start:end], probability)``."""
        spans, probs, _ = self.token_probabilities(text)
        t = self._threshold()
        return [(s, e, text[s:e], float(p))
                for (s, e), p in zip(spans.tolist(), probs.tolist(), strict=True) if p >= t]

    def transform(self, X: Any) -> np.ndarray:
        """An ``(n_texts, 5)`` float array."""
        texts = check_texts(X)
        t = self._threshold()
        out = np.zeros((len(texts), len(FEATURE_NAMES)), dtype=np.float64)
        for row, text in enumerate(texts):
            _, probs, quoted = self.token_probabilities(text)
            n = len(probs)
            if not n:
                continue
            hit = probs >= t
            nq = int(quoted.sum())
            nn = n - nq
            hits_q = int((hit & quoted).sum())
            hits_n = int(hit.sum()) - hits_q
            out[row, 0] = 1000.0 * (hits_n + hits_q) / n
            out[row, 1] = 1000.0 * hits_n / nn if nn else 0.0
            out[row, 2] = 1000.0 * hits_q / nq if nq else 0.0
            out[row, 3] = hits_n / (hits_n + hits_q) if hits_n + hits_q else 0.0
            out[row, 4] = float(probs.mean())
        return out

    def evidence(self, X: Any) -> list[Evidence]:
        """Every tagged word, weight = its probability.

        Each supports ``loaded_words_per_1k``, the rate of its voice and
        ``mean_probability``; a narrative word also supports
        ``loaded_words_narrative_share`` (weight 1, a quoted one weight 0).
        """
        t = self._threshold()
        out: list[Evidence] = []
        for row, text in enumerate(check_texts(X)):
            spans, probs, quoted = self.token_probabilities(text)
            for (s, e), p, q in zip(spans.tolist(), probs.tolist(), quoted.tolist(), strict=True):
                if p < t:
                    continue
                word = text[s:e]
                voice = "quoted" if q else "narrative"
                out.append(Evidence(row, "loaded_words_per_1k", s, e, word, p))
                out.append(Evidence(row, f"loaded_words_{voice}_per_1k", s, e, word, p))
                out.append(Evidence(row, "loaded_words_narrative_share", s, e, word,
                                    0.0 if q else 1.0))
                out.append(Evidence(row, "mean_probability", s, e, word, p))
        return out


# ------------------------------------------------------------------------------- training

#: Share of items per split: train, dev, test (the rest).
SPLIT_SHARES = (0.7, 0.1)
_TOPIC_ALIASES = {"blm": "black lives matter", "vaccines": "vaccine", "metoo": "metoo"}


def split_of(key: str, seed: int = 0) -> str:
    """``"train"``, ``"dev"`` or ``"test"`` for an item key: a fixed, seeded hash split.

    The split depends on the key alone (SHA-256 of ``"<seed>:<key>"``), so a
    sentence gets the same split wherever it appears (BABE SG2, SG1, MBIC).

    Examples
    --------
    >>> split_of("babe:Some sentence.", 0) in ("train", "dev", "test")
    True
    """
    h = int(hashlib.sha256(f"{seed}:{key}".encode()).hexdigest()[:12], 16) / 16 ** 12
    return "train" if h < SPLIT_SHARES[0] else "dev" if h < sum(SPLIT_SHARES) else "test"


def sentence_key(text: str) -> str:
    """The dedupe/split key of a BABE/MBIC sentence: its whitespace-collapsed text."""
    return "babe:" + " ".join(text.split())


def normalise_topic(topic: str | None) -> str:
    """BABE topic with spelling variants merged (``blm`` = ``black lives matter``)."""
    t = re.sub(r"[-_#]+", " ", (topic or "").lower()).strip()
    return _TOPIC_ALIASES.get(t, t)


@dataclass
class _Item:
    key: str
    source: str  # "babe" or "ptc"
    text: str
    gold: dict[str, list[tuple[int, int]]]  # label set -> spans
    split: str
    group: str


def _babe_items(data_root: Path) -> list[_Item]:
    from ..corpora.babe import read_babe

    folder = data_root / "babe-mbic" / "data"
    items: dict[str, _Item] = {}
    for which in ("SG2", "SG1", "MBIC"):
        for art in read_babe(folder, which):
            key = sentence_key(art.text)
            item = items.get(key)
            if item is None:
                item = items[key] = _Item(key, "babe", art.text, {}, "",
                                          normalise_topic(art.meta.get("topic")))
            if art.text != item.text:
                continue  # whitespace variant of a sentence already read: keep the first
            label = "sg2" if which == "SG2" else "sg1" if which == "SG1" else "mbic"
            item.gold.setdefault(label, [(a.start, a.end) for a in art.annotations
                                         if a.label == "biased_word"])
    return [items[k] for k in sorted(items)]


def _ptc_items(data_root: Path) -> list[_Item]:
    from ..corpora.ptc import read_ptc

    out = []
    for art in read_ptc(data_root / "ptc-semeval2020-task11" / "datasets", split="train"):
        spans = [(a.start, a.end) for a in art.annotations if a.label == "Loaded_Language"]
        out.append(_Item(f"ptc:{art.meta['article_id']}", "ptc", art.text, {"ptc": spans}, "",
                         art.id))
    return out


def _assign_splits(items: list[_Item], seed: int, by: str) -> None:
    if by == "sentence":
        for it in items:
            it.split = split_of(it.key, seed)
        return
    if by != "topic":
        raise ValueError(f"unknown split {by!r}; expected 'sentence' or 'topic'")
    # whole topics held out: seeded order of topics, filled test first, then dev
    sizes = Counter(it.group for it in items)
    order = sorted(sizes)
    rng = np.random.default_rng(seed)
    order = [order[i] for i in rng.permutation(len(order))]
    total, acc, assign = sum(sizes.values()), 0, {}
    test_share = 1.0 - sum(SPLIT_SHARES)
    for g in order:
        if acc < test_share * total:
            assign[g] = "test"
        elif acc < (test_share + SPLIT_SHARES[1]) * total:
            assign[g] = "dev"
        else:
            assign[g] = "train"
        acc += sizes[g]
    for it in items:
        it.split = assign[it.group]


def gold_tokens(spans: np.ndarray, gold: Iterable[tuple[int, int]]) -> np.ndarray:
    """Bool per token: the token overlaps one of the ``gold`` character spans."""
    out = np.zeros(len(spans), dtype=bool)
    if not len(spans):
        return out
    starts = spans[:, 0]
    for s, e in gold:
        i = max(int(np.searchsorted(starts, s, side="left")) - 1, 0)
        while i < len(spans) and starts[i] < e:
            if spans[i, 1] > s:
                out[i] = True
            i += 1
    return out


def prf(pred: np.ndarray, gold: np.ndarray) -> dict[str, float | int]:
    """Precision, recall, F1 and counts of boolean token predictions."""
    tp = int((pred & gold).sum())
    fp = int((pred & ~gold).sum())
    fn = int((~pred & gold).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn, "tokens": int(len(gold))}


@dataclass
class _Encoded:
    item: _Item
    spans: np.ndarray
    features: list[dict[str, float]]
    stop: np.ndarray
    gold: dict[str, np.ndarray]


def word_statistics(texts: Iterable[tuple[str, str | None]], min_df: int = 5
                    ) -> dict[str, list[float]]:
    """Document-frequency statistics of words in news articles labelled by outlet leaning.

    Parameters
    ----------
    texts : iterable of (text, leaning)
        Articles with their outlet's leaning (``"left"``, ``"center"``,
        ``"right"`` or None).
    min_df : int
        Keep words found in at least this many articles.

    Returns
    -------
    dict
        ``{word: [idf, slant, partisan]}`` (lower case, sorted): ``idf`` =
        log2(articles / articles with the word); ``slant`` = |log-odds of
        the word's document frequency in left vs right articles| (add-one
        smoothed); ``partisan`` = log-odds of left+right vs center articles.
        Values rounded to 2 decimals.

    Examples
    --------
    >>> stats = word_statistics([("A b.", "left"), ("A c.", "right"), ("A b c.", "center")], 1)
    >>> stats["a"], stats["b"]
    ([0.0, 0.0, 0.12], [0.58, 0.69, -0.29])
    """
    df: dict[str, Counter[str]] = {"left": Counter(), "center": Counter(), "right": Counter(),
                                   "": Counter()}
    n: Counter[str] = Counter()
    for text, leaning in texts:
        key = leaning if leaning in df else ""
        n[key] += 1
        df[key].update({m.group().lower().replace("\u2019", "'")
                        for m in WORD_RE.finditer(text)})
    total_n = sum(n.values())
    total = df["left"] + df["center"] + df["right"] + df[""]

    def logodds(a: int, na: int, b: int, nb: int) -> float:
        return math.log((a + 1) / (na + 2)) - math.log((b + 1) / (nb + 2))

    out: dict[str, list[float]] = {}
    for word in sorted(total):
        c = total[word]
        if c < min_df:
            continue
        left, center, right = df["left"][word], df["center"][word], df["right"][word]
        out[word] = [round(math.log2(total_n / c), 2) + 0.0,
                     round(abs(logodds(left, n["left"], right, n["right"])), 2) + 0.0,
                     round(logodds(left + right, n["left"] + n["right"], center, n["center"]),
                           2) + 0.0]
    return out


def _allsides_texts(data_root: Path, limit: int | None) -> list[tuple[str, str | None]]:
    from ..corpora.article_bias import read_article_bias

    arts = sorted(read_article_bias(data_root / "article-bias-prediction-allsides"),
                  key=lambda a: a.id)
    if limit is not None:
        arts = arts[:limit]
    return [(a.text, a.leaning) for a in arts]


def _encode(items: list[_Item], word_stats: Mapping[str, Sequence[float]]) -> list[_Encoded]:
    out = []
    for it in items:
        tf = token_features(it.text, word_stats)
        out.append(_Encoded(it, tf.spans, tf.features, tf.stop,
                            {k: gold_tokens(tf.spans, v) for k, v in it.gold.items()}))
    return out


#: The evaluation sets: name -> (source, gold label).
EVAL_SETS = {"babe_sg2": ("babe", "sg2"), "mbic": ("babe", "mbic"), "ptc": ("ptc", "ptc")}
#: Hyper-parameter grid, tuned by cross-validation on train + dev.
GRID_C = (0.3, 1.0)
GRID_POS_WEIGHT = (1.0, 2.0)
N_FOLDS = 5
_THRESHOLDS = tuple(round(0.05 + 0.01 * i, 2) for i in range(91))


class _Table:
    """Every token of every item as one sparse matrix (all features), for fast fits."""

    def __init__(self, encoded: list[_Encoded]) -> None:
        from scipy.sparse import csr_matrix

        counts: Counter[str] = Counter()
        for e in encoded:
            for f in e.features:
                counts.update(f.keys())
        self.names = sorted(counts)
        index = {k: i for i, k in enumerate(self.names)}
        indptr, indices, data = [0], [], []
        self.rows: list[slice] = []
        for e in encoded:
            first = len(indptr) - 1
            for f in e.features:
                for k in sorted(f):
                    indices.append(index[k])
                    data.append(f[k])
                indptr.append(len(indices))
            self.rows.append(slice(first, len(indptr) - 1))
        self.X = csr_matrix((np.asarray(data, dtype=np.float64),
                             np.asarray(indices, dtype=np.int64),
                             np.asarray(indptr, dtype=np.int64)),
                            shape=(len(indptr) - 1, len(self.names)))
        self.encoded = encoded

    def probabilities(self, weights: dict[str, float], intercept: float) -> list[np.ndarray]:
        coef = np.asarray([weights.get(k, 0.0) for k in self.names])
        p = _sigmoid(self.X @ coef + intercept)
        out = []
        for e, rows in zip(self.encoded, self.rows, strict=True):
            q = p[rows].copy()
            q[e.stop] = 0.0
            out.append(q)
        return out

    def fit(self, use: Sequence[bool], C: float, pos_weight: float, min_count: int,
            prune: float) -> tuple[dict[str, float], float]:
        """Fit on the non-stop tokens of the items flagged in ``use``; pruned, rounded weights."""
        from sklearn.linear_model import LogisticRegression

        rows, ys, srcs = [], [], []
        for e, sl, u in zip(self.encoded, self.rows, use, strict=True):
            y = _train_label(e)
            if not u or y is None:
                continue
            keep = np.flatnonzero(~e.stop)
            rows.append(np.arange(sl.start, sl.stop)[keep])
            ys.append(y[keep])
            srcs.extend([e.item.source] * len(keep))
        if not rows:
            raise ValueError("no training tokens")
        idx = np.concatenate(rows)
        y = np.concatenate(ys)
        if y.all() or not y.any():
            raise ValueError("training data needs both loaded and other words")
        X = self.X[idx]
        # vocabulary: features seen in at least min_count training tokens
        seen = np.asarray((X != 0).sum(axis=0)).ravel()
        cols = np.flatnonzero(seen >= min_count)
        X = X[:, cols]
        # equal total weight for BABE and PTC tokens, then the positive-class weight
        src = np.asarray(srcs)
        w = np.ones(len(y))
        present = [s for s in ("babe", "ptc") if (src == s).any()]
        for s in present:
            w[src == s] = len(y) / (len(present) * int((src == s).sum()))
        w *= np.where(y, pos_weight, 1.0)
        clf = LogisticRegression(C=C, solver="lbfgs", max_iter=2000, tol=1e-4)
        clf.fit(X, y, sample_weight=w)
        weights = {self.names[j]: round(float(c), 4)
                   for j, c in zip(cols.tolist(), clf.coef_[0].tolist(), strict=True)
                   if abs(c) >= prune}
        return weights, round(float(clf.intercept_[0]), 4)


def _train_label(e: _Encoded) -> np.ndarray | None:
    if e.item.source == "ptc":
        return e.gold["ptc"]
    return e.gold.get("sg2")  # sentences only in SG1/MBIC (3) have no expert SG2 label


def _eval_arrays(encoded: list[_Encoded], probs: list[np.ndarray], splits: tuple[str, ...]
                 ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    out = {}
    for name, (source, label) in EVAL_SETS.items():
        ps, gs = [], []
        for e, p in zip(encoded, probs, strict=True):
            if e.item.source == source and e.item.split in splits and label in e.gold:
                ps.append(p)
                gs.append(e.gold[label])
        if ps:
            out[name] = (np.concatenate(ps), np.concatenate(gs))
    return out


def _best_threshold(arrays: dict[str, tuple[np.ndarray, np.ndarray]]) -> tuple[float, float]:
    """The threshold maximising the mean F1 over the evaluation sets, and that mean."""
    best = (0.5, -1.0)
    for t in _THRESHOLDS:
        f1s = [prf(p >= t, g)["f1"] for p, g in arrays.values()]
        score = float(np.mean(f1s)) if f1s else 0.0
        if score > best[1] + 1e-12:
            best = (t, score)
    return best


@one_blas_thread
def train_loaded_words(shared_data_root: str | os.PathLike[str],
                       out_path: str | os.PathLike[str] | None = None, seed: int = 0, *,
                       split: str = "sentence", limit: int | None = None,
                       min_count: int = 3, prune: float = 0.05, min_df: int = 10
                       ) -> dict[str, Any]:
    """Train the loaded-word model on BABE/MBIC and PTC; write its JSON; return metrics.

    Data: every BABE/MBIC sentence once (SG2, SG1 and MBIC deduplicated by
    whitespace-collapsed text), trained on its SG2 expert ``biased_words``
    (MBIC crowd words are evaluated, not trained on); PTC train articles
    with their ``Loaded_Language`` spans. A token is positive when it
    overlaps a gold span. BABE and PTC get equal total sample weight.

    Splits (70 % train / 10 % dev / 20 % test, see :func:`split_of`): BABE
    by sentence (``split="sentence"``, a seeded hash of the sentence key, so
    a test sentence is unseen under all three label sets) or by topic
    (``split="topic"``: whole topics held out); PTC always by article.

    The model is an L2 logistic regression (lbfgs). Its regularisation ``C``
    and positive-class weight (grid :data:`GRID_C` x :data:`GRID_POS_WEIGHT`)
    and the threshold are chosen by 5-fold cross-validation over train + dev
    (folds by seeded hash of the item key; criterion: mean F1 of BABE SG2,
    MBIC and PTC on the pooled out-of-fold probabilities at the best common
    threshold); the final model is fit on train + dev with those settings.
    Features seen in fewer than ``min_count`` training tokens never enter;
    weights below ``prune`` in absolute value are dropped. Test P/R/F1 per
    set are computed with the final, pruned model through the tagger's own
    scoring code. Word statistics (:func:`word_statistics`, words in at
    least ``min_df`` articles) come from the AllSides full-text articles of
    ``article-bias-prediction-allsides``.

    Parameters
    ----------
    shared_data_root : path-like
        The ``shared/data`` folder (holding ``babe-mbic``,
        ``ptc-semeval2020-task11`` and ``article-bias-prediction-allsides``).
    out_path : path-like, optional
        Where to write the model JSON (atomically). None: do not write.
    seed : int
        Split seed. Same data and seed give a byte-identical file.
    split : {"sentence", "topic"}
        How BABE sentences are split.
    limit : int, optional
        Use only the first ``limit`` BABE sentences, ``limit // 10`` PTC
        articles and ``2 * limit`` AllSides articles (sorted by key) -- for
        quick tests.

    Returns
    -------
    dict
        The model's ``training`` and ``metrics`` sections (``metrics["test"]``
        has P/R/F1 for ``babe_sg2``, ``mbic`` and ``ptc``).
    """
    root = Path(shared_data_root)
    babe = _babe_items(root)
    ptc = _ptc_items(root)
    if limit is not None:
        babe, ptc = babe[:limit], ptc[:max(limit // 10, 1)]
    _assign_splits(babe, seed, split)
    _assign_splits(ptc, seed, "sentence")
    stats = word_statistics(_allsides_texts(root, None if limit is None else 2 * limit),
                            min_df=min_df)
    encoded = _encode(babe + ptc, stats)
    table = _Table(encoded)
    # tuning: 5-fold cross-validation over train + dev (folds by item key), pooled
    # out-of-fold probabilities, one threshold for all three evaluation sets
    pool = [e.item.split in ("train", "dev") for e in encoded]
    fold = [int(hashlib.sha256(f"{seed}:fold:{e.item.key}".encode()).hexdigest()[:12], 16)
            % N_FOLDS for e in encoded]
    cv_scores = []
    for C in GRID_C:
        for pw in GRID_POS_WEIGHT:
            oof: list[np.ndarray] = [np.zeros(len(e.spans)) for e in encoded]
            for k in range(N_FOLDS):
                use = [u and f != k for u, f in zip(pool, fold, strict=True)]
                weights, b = table.fit(use, C, pw, min_count, prune)
                probs = table.probabilities(weights, b)
                for i, (u, f) in enumerate(zip(pool, fold, strict=True)):
                    if u and f == k:
                        oof[i] = probs[i]
            arrays = _eval_arrays(encoded, oof, ("train", "dev"))
            t, score = _best_threshold(arrays)
            cv_scores.append({"C": C, "pos_weight": pw, "threshold": t,
                              "cv_mean_f1": round(score, 4),
                              "cv_f1": {k: prf(p >= t, g)["f1"] for k, (p, g) in arrays.items()}})
    best = max(cv_scores, key=lambda d: (d["cv_mean_f1"], -d["C"], -d["pos_weight"]))
    weights, b = table.fit(pool, best["C"], best["pos_weight"], min_count, prune)
    model = LoadedWordsModel(weights, b, best["threshold"],
                             {w: (v[0], v[1], v[2]) for w, v in stats.items()}, {})
    # final numbers with the tagger's own scoring code, as the benchmark computes them
    probs = []
    for e in encoded:
        p = model.scores(e.features)
        p[e.stop] = 0.0
        probs.append(p)
    metrics: dict[str, Any] = {"cv_grid": cv_scores, "chosen": best}
    for part in ("train", "dev", "test"):
        arrays = _eval_arrays(encoded, probs, (part,))
        metrics[part] = {name: prf(p >= best["threshold"], g) for name, (p, g) in arrays.items()}
    counts: dict[str, dict[str, int]] = {}
    for e in encoded:
        c = counts.setdefault(e.item.source, {"train": 0, "dev": 0, "test": 0})
        c[e.item.split] += 1
    training = {
        "seed": seed,
        "split": {"babe": split, "ptc": "article",
                  "rule": "sha256('<seed>:<key>') -> [0,1): <0.7 train, <0.8 dev, else test; "
                          "key = 'babe:' + whitespace-collapsed sentence or 'ptc:<article id>'"
                          + ("; babe topics: seeded permutation of normalised topics, test "
                             "filled first, then dev" if split == "topic" else ""),
                  "items": counts},
        "data": {
            "babe": "BABE SG2 expert biased_words (Spinde et al. 2021; SG1/MBIC sentences "
                    "deduplicated by text; MBIC crowd words used for evaluation only)",
            "ptc": "PTC v2 train articles, Loaded_Language spans (Da San Martino et al. 2019)",
            "word_stats": f"document frequencies (min_df={min_df}) and left/right/center "
                          "log-odds of words in the 3,656 Article-Bias-Prediction AllSides "
                          "full-text articles (Baly et al. 2020); statistics only, no text",
            "gold": "a word token is positive when it overlaps a gold span",
            "limit": limit,
        },
        "lexicon_categories": sorted(_resources().matcher.categories),
        "model": {"C": best["C"], "pos_weight": best["pos_weight"], "min_count": min_count,
                  "prune": prune, "solver": "lbfgs, L2", "source_weighting": "equal total "
                  "weight for BABE and PTC tokens", "n_weights": len(weights)},
    }
    data = {"format": MODEL_FORMAT, "version": MODEL_VERSION, "weights": weights,
            "word_stats": stats,
            "intercept": b, "threshold": best["threshold"], "training": training,
            "metrics": metrics, "features": "see framing.features.loaded_tagger"}
    if out_path is not None:
        from .._atomic import atomic_write

        with atomic_write(out_path) as fh:
            fh.write(_model_json(data))
        load_model.cache_clear()
    return {"training": training, "metrics": metrics}
