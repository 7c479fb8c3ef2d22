"""Benchmark ``framing.attribution.extract_attributions`` against PolNeAR attributions.

Run by hand (it is not part of the test suite)::

    python benchmarks/attribution_polnear.py [--split dev] [--root DIR] [--limit N]
                                             [--json out.json] [--errors N] [--learned]

``--learned`` scores ``extract_attributions(text, learned=True)`` (rules plus
the learned recall booster of :mod:`framing.attribution.learned`).

The scoring functions are pure and importable without ``framing.attribution``
(it is imported lazily, only when the extractor is run), so
``tests/test_attribution_scoring.py`` can feed them hand-made data.

Data
----
* Gold: one :class:`Item` per relation of
  :func:`framing.corpora.polnear.polnear_attributions` (PolNeAR brat standoff;
  for the few articles with several annotators, the reader's choice: the
  annotator id that sorts first). The gold content is the ``Content`` span's
  fragments plus those of ``Content2`` when there is one. A relation without a
  content span (rare) is not scored; it is counted in ``gold_without_content``.
* Predictions: one :class:`Item` per :class:`Attribution` returned by
  ``extract_attributions(article.text)``: content ``content_start:content_end``,
  speaker ``speaker_start:speaker_end``, cue ``cue_start:cue_end`` and the
  predicted ``kind``. A prediction with no content span can never match, so it
  is a false positive (also counted in ``pred_without_content``).

All counts are micro-averaged (summed over the articles before dividing).
A ratio whose denominator is 0 is ``None`` (shown as ``-``); F1 is
``2PR/(P+R)``, 0 when ``P+R == 0``, ``None`` when P or R is ``None``.

Content matching
----------------
* Spans are sets of character offsets (end exclusive). Each fragment of a
  content span is first *trimmed*: leading and trailing whitespace and double
  quotation marks (``QUOTES``: straight ``"``, curly ``“ ” „ ‟`` and ``« »``,
  plus the two-character marks of two apostrophes or two backticks, which the
  PolNeAR New York Times texts use as quotation marks) are removed, so ``"We won,"`` and
  ``We won,`` cover the same characters. A content that trims to nothing
  counts as no content.
* ``overlap(g, p)`` = number of characters in both the trimmed gold fragments
  and the trimmed predicted fragments (a discontinuous gold content is the
  union of its fragments, so the reporting clause between two quote halves
  does not count).
* A gold and a predicted attribution of the same article are *candidates*
  when ``overlap > 0``. Pairs are matched one-to-one, greedily, by largest
  overlap first; ties go to the higher Jaccard ratio
  ``overlap / |g ∪ p|``, then to the lower gold index, then to the lower
  prediction index (indices = order in the input lists).

Metrics (every block)
---------------------
``n_gold`` / ``n_pred`` are the gold / predicted attributions in the block,
``matched`` the matched pairs.

(a) overlap (partial-match) P/R/F1, as citron and Pareti (2016):
    ``P = matched / n_pred``, ``R = matched / n_gold``.
(b) soft P/R/F1, **character-level**: ``overlap_chars`` = sum of ``overlap``
    over the matched pairs; ``P = overlap_chars / pred_chars`` and
    ``R = overlap_chars / gold_chars``, where ``pred_chars`` / ``gold_chars``
    are the trimmed content lengths of all predictions / gold attributions in
    the block (matched or not).
(c) exact-ish: a matched pair is exact-ish when, on the *core* spans (each
    fragment trimmed of whitespace and all Unicode punctuation, quotation marks
    included), ``core_overlap >= 0.9 * |core_gold|`` and
    ``core_overlap >= 0.9 * |core_pred|``. Reported as a count and as
    ``P = exact / n_pred``, ``R = exact / n_gold``.
(d) source, on matched pairs: ``source_accuracy`` = fraction of the pairs
    whose gold has a Source span where the predicted speaker span
    (``speaker_start:speaker_end``) overlaps the gold Source span by at least
    one character (untrimmed). Pairs whose gold has no source are counted
    apart: ``pairs_gold_no_source`` and, of those, ``pairs_gold_no_source_pred_no_speaker``;
    ``source_accuracy_all_pairs`` counts such a pair correct iff the
    prediction has no speaker span. ``gold_no_source`` counts every gold
    attribution without a source in the block (matched or not).
(e) cue, on matched pairs whose gold has a Cue span: ``cue_accuracy`` =
    fraction where the predicted cue span overlaps the gold Cue span.

Kinds
-----
The gold kind is derived from the gold content text (fragments joined by one
space) by :func:`derive_kind`: read two apostrophes or two backticks as
``"``, strip
whitespace and leading/trailing punctuation other than quotation marks;
``direct`` if what is left starts and ends with a quotation mark (``QUOTES``),
``mixed`` if the content contains a quotation mark anywhere else, ``indirect``
if it has none. A lone single quote is ignored (mostly an apostrophe).

Every block is reported for all attributions and per kind. In the block of
kind ``k``: the gold attributions are those of gold kind ``k``; the
predictions are those *matched* to a gold of kind ``k`` plus the *unmatched*
predictions whose own predicted ``kind`` is ``k`` (a prediction without a
kind is bucketed as ``unknown``). So a matched pair is always judged in its
gold kind, and the per-kind ``n_pred`` add up to the total. ``kind_confusion``
counts, on all matched pairs, ``[gold kind][predicted kind]``.

Reporting-cue subset
--------------------
``reporting_subset`` repeats every block for the SUBSET of gold attributions
whose cue is a speech/reporting cue: the lower-cased gold cue text (fragments
joined by a space), split into words (``[a-z0-9]+`` runs, inner apostrophes
kept), contains the words of a form of
``framing/lexicons/reporting_verbs.tsv`` as a contiguous word sequence
(``"told reporters"`` contains ``told``; ``"according to"`` is a two-word form).
PolNeAR also annotates wishes, plans, evidence and punctuation cues ("wants",
"plans", "shows", ":"); the subset shows how the extractor does on what it targets. The
matching is the same one-to-one matching as for all attributions (not redone on
the subset); the subset's predictions are those matched to a subset gold plus
every unmatched prediction. Predictions matched to a gold outside the subset
are left out of the subset (neither right nor wrong).

Timing
------
Only the ``extract_attributions`` calls are timed, with
:func:`time.perf_counter`, on one core (``sched_setaffinity`` to one CPU when
available, and ``OMP_NUM_THREADS`` etc. set to 1 before the import). One
untimed warm-up call on the first article precedes the timed calls, so lazy
model loading is not counted. ``timing`` is the only part of the JSON output
that changes between runs; all else is deterministic (``sort_keys``).

CLI output
----------
A table (all attributions and the reporting-cue subset, each overall and per
kind), the kind confusion, the counts and the timing. ``--errors N`` adds N
false positives (unmatched predictions), N false negatives (unmatched gold
with content; ``[R]`` marks the reporting-cue subset) and N source errors
(matched pairs whose gold has a source the predicted speaker misses), each
with document id, offsets and a text snippet; the samples are drawn with
``random.Random(0)`` and listed in document order. ``--json`` writes the
metrics plus ``timing`` and ``config``. ``--split test`` prints a warning:
PolNeAR's authors ask that test be used once, for the final number.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

#: Double quotation marks (straight and typographic). Single quotes are ignored.
QUOTES = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb"
#: Two-character quotation marks (PolNeAR's New York Times texts quote with '' ... '').
QUOTE_PAIRS = ("''", "``")
KINDS = ("direct", "indirect", "mixed")
#: Threshold of the exact-ish match on both spans.
EXACTISH = 0.9

Frags = tuple[tuple[int, int], ...]

_WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z0-9]+)*")


# --------------------------------------------------------------------------- spans

def _frags(spans: Iterable[Sequence[int]] | None) -> Frags:
    """Normalise fragments: ints, non-empty, sorted, overlapping pieces merged."""
    if spans is None:
        return ()
    pieces = sorted((int(s), int(e)) for s, e in spans if int(e) > int(s))
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


def span_len(frags: Frags) -> int:
    """Number of characters covered by ``frags`` (normalised fragments)."""
    return sum(e - s for s, e in frags)


def overlap(a: Frags, b: Frags) -> int:
    """Number of characters covered by both ``a`` and ``b`` (normalised fragments)."""
    total, i, j = 0, 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi > lo:
            total += hi - lo
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return total


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def trim(text: str, frags: Iterable[Sequence[int]] | None,
         strip: Callable[[str], bool], pairs: Sequence[str] = ()) -> Frags:
    """Shrink each fragment while its first/last character satisfies ``strip``.

    A two-character string of ``pairs`` at either end is stripped too.
    """
    out = []
    for s, e in _frags(frags):
        while s < e:
            if strip(text[s]):
                s += 1
            elif e - s >= 2 and text[s:s + 2] in pairs:
                s += 2
            else:
                break
        while e > s:
            if strip(text[e - 1]):
                e -= 1
            elif e - s >= 2 and text[e - 2:e] in pairs:
                e -= 2
            else:
                break
        if e > s:
            out.append((s, e))
    return _frags(out)


def _quote_or_space(ch: str) -> bool:
    return ch.isspace() or ch in QUOTES


def _punct_or_space(ch: str) -> bool:
    return ch.isspace() or _is_punct(ch)


def derive_kind(content_text: str) -> str:
    """``direct`` / ``mixed`` / ``indirect`` from the quotation marks of a content text.

    >>> derive_kind('"We will win," '), derive_kind('\u201cNo.\u201d.'), derive_kind('that it was "fine"')
    ('direct', 'direct', 'mixed')
    >>> derive_kind("that it's fine"), derive_kind("''It is,'' ")
    ('indirect', 'direct')
    """
    t = content_text
    for pair in QUOTE_PAIRS:
        t = t.replace(pair, '"')
    t = t.strip()
    lo, hi = 0, len(t)
    while lo < hi and (t[lo].isspace() or (_is_punct(t[lo]) and t[lo] not in QUOTES)):
        lo += 1
    while hi > lo and (t[hi - 1].isspace() or (_is_punct(t[hi - 1]) and t[hi - 1] not in QUOTES)):
        hi -= 1
    core = t[lo:hi]
    if len(core) >= 2 and core[0] in QUOTES and core[-1] in QUOTES:
        return "direct"
    if any(ch in QUOTES for ch in t):
        return "mixed"
    return "indirect"


# --------------------------------------------------------------------------- lexicon

def load_reporting_forms(path: str | os.PathLike[str] | None = None) -> tuple[tuple[str, ...], ...]:
    """The forms of ``reporting_verbs.tsv``, each as a tuple of lower-case words (sorted)."""
    if path is None:
        from importlib import resources
        text = resources.files("framing").joinpath("lexicons/reporting_verbs.tsv").read_text(
            encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    header: list[str] | None = None
    forms: set[tuple[str, ...]] = set()
    for line in text.split("\n"):
        if not line.strip() or line.startswith("# "):
            continue
        cols = line.rstrip("\r").split("\t")
        if header is None:
            header = cols
            if "forms" not in header:
                raise ValueError(f"reporting_verbs.tsv: no 'forms' column in header {header}")
            continue
        row = dict(zip(header, cols, strict=False))
        for form in row.get("forms", "").split(","):
            words = tuple(_WORD.findall(form.strip().lower()))
            if words:
                forms.add(words)
    if not forms:
        raise ValueError("reporting_verbs.tsv: no forms found")
    return tuple(sorted(forms))


def is_reporting_cue(cue_text: str | None, forms: Iterable[tuple[str, ...]]) -> bool:
    """True when the lower-cased ``cue_text`` contains a form as a contiguous word sequence."""
    if not cue_text:
        return False
    words = _WORD.findall(cue_text.lower())
    for form in forms:
        n = len(form)
        if any(tuple(words[i:i + n]) == form for i in range(len(words) - n + 1)):
            return True
    return False


# --------------------------------------------------------------------------- items

class Item:
    """One attribution (gold or predicted) reduced to what the scorer needs.

    ``content`` is the trimmed content (whitespace and quotation marks off each
    fragment), ``core`` the content trimmed of all punctuation (for the
    exact-ish match; defaults to ``content``), ``source`` / ``cue`` the
    untrimmed Source (gold) or speaker mention (prediction) and cue spans, all
    as ``((start, end), ...)`` (normalised: sorted, merged). An empty tuple
    (or None) means "none". ``kind`` is the gold kind (gold) or the predicted
    kind (prediction, may be None). ``reporting`` marks gold attributions in
    the reporting-cue subset. ``info`` is free-form (texts for error listings)
    and ignored by the scorer.

    (A plain class, not a dataclass, so the module also works when loaded by
    path without being registered in ``sys.modules``.)
    """

    __slots__ = ("content", "source", "cue", "kind", "reporting", "core", "info")

    def __init__(self, content: Iterable[Sequence[int]] | None,
                 source: Iterable[Sequence[int]] | None = (),
                 cue: Iterable[Sequence[int]] | None = (), kind: str | None = None,
                 reporting: bool = False, core: Iterable[Sequence[int]] | None = None,
                 info: dict[str, Any] | None = None) -> None:
        self.content: Frags = _frags(content)
        self.source: Frags = _frags(source)
        self.cue: Frags = _frags(cue)
        self.kind = kind
        self.reporting = bool(reporting)
        self.core: Frags = self.content if core is None else _frags(core)
        self.info: dict[str, Any] = dict(info or {})

    def _key(self) -> tuple:
        return (self.content, self.source, self.cue, self.kind, self.reporting, self.core)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Item) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Item(content={self.content}, source={self.source}, cue={self.cue}, "
                f"kind={self.kind!r}, reporting={self.reporting}, core={self.core})")


def make_item(text: str, content: Iterable[Sequence[int]] | None,
              source: Iterable[Sequence[int]] | None = None,
              cue: Iterable[Sequence[int]] | None = None, kind: str | None = None,
              forms: Iterable[tuple[str, ...]] | None = None, derive: bool = False,
              **info: Any) -> Item:
    """Build an :class:`Item` from raw fragments over ``text``.

    Trims the content (see the module docstring); ``kind`` is derived from the
    content text with :func:`derive_kind` when ``derive`` is true (gold);
    ``reporting`` is set from the cue text when ``forms`` is given. Extra
    keyword arguments go to ``info``.
    """
    raw = _frags(content)
    content_text = " ".join(text[s:e] for s, e in raw)
    if derive and raw:
        kind = derive_kind(content_text)
    cue_f = _frags(cue)
    cue_text = " ".join(text[s:e] for s, e in cue_f)
    reporting = forms is not None and is_reporting_cue(cue_text, forms)
    source_f = _frags(source)
    info = {"content_text": content_text, "cue_text": cue_text,
            "source_text": " ".join(text[s:e] for s, e in source_f), **info}
    return Item(content=trim(text, raw, _quote_or_space, QUOTE_PAIRS), source=source_f, cue=cue_f,
                kind=kind, reporting=reporting, core=trim(text, raw, _punct_or_space), info=info)


def gold_items(article: Any, forms: Iterable[tuple[str, ...]] | None = None) -> list[Item]:
    """Gold :class:`Item`s of a PolNeAR article (content + content2 fragments)."""
    from framing.corpora.polnear import polnear_attributions

    forms = load_reporting_forms() if forms is None else forms
    out = []
    for rel in polnear_attributions(article):
        frags: list[tuple[int, int]] = []
        for role in ("content", "content2"):
            if rel.get(role) is not None:
                frags.extend(rel[role].fragments)
        source = rel["source"].fragments if rel.get("source") is not None else None
        cue = rel["cue"].fragments if rel.get("cue") is not None else None
        out.append(make_item(article.text, frags, source, cue, forms=forms, derive=True,
                             id=rel.get("id")))
    return out


def _span(a: Any, name: str) -> list[tuple[int, int]] | None:
    s, e = getattr(a, f"{name}_start", None), getattr(a, f"{name}_end", None)
    return None if s is None or e is None else [(s, e)]


def pred_items(text: str, attributions: Iterable[Any]) -> list[Item]:
    """Predicted :class:`Item`s from ``Attribution`` objects (kind as predicted)."""
    out = []
    for a in attributions:
        out.append(make_item(text, _span(a, "content"), _span(a, "speaker"), _span(a, "cue"),
                             kind=getattr(a, "kind", None), speaker=getattr(a, "speaker", None),
                             cue_category=getattr(a, "cue_category", None)))
    return out


# --------------------------------------------------------------------------- scoring

def match(gold: Sequence[Item], pred: Sequence[Item]) -> list[tuple[int, int, int]]:
    """Greedy one-to-one content matching: ``[(gold index, pred index, overlap)]``.

    Sorted by gold index. Candidates are pairs with ``overlap > 0``; the largest
    overlap is taken first, ties broken by higher Jaccard, then lower gold
    index, then lower prediction index.
    """
    cands = []
    for gi, g in enumerate(gold):
        if not g.content:
            continue
        for pi, p in enumerate(pred):
            if not p.content:
                continue
            ov = overlap(g.content, p.content)
            if ov > 0:
                union = span_len(g.content) + span_len(p.content) - ov
                cands.append((-ov, -Fraction(ov, union), gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for neg_ov, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi, -neg_ov))
    return sorted(pairs)


def _ratio(n: float, d: float) -> float | None:
    return None if d == 0 else n / d


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _prf(n: float, n_pred: float, n_gold: float) -> dict[str, float | None]:
    p, r = _ratio(n, n_pred), _ratio(n, n_gold)
    return {"p": p, "r": r, "f1": _f1(p, r)}


def _exactish(g: Item, p: Item) -> bool:
    core_g, core_p = g.core or (), p.core or ()
    lg, lp = span_len(core_g), span_len(core_p)
    if lg == 0 or lp == 0:
        return False
    ov = overlap(core_g, core_p)
    return ov >= EXACTISH * lg and ov >= EXACTISH * lp


def _block(golds: list[Item], preds: list[Item], pairs: list[tuple[Item, Item, int]]) -> dict:
    """The metrics of one block from its gold items, predictions and matched pairs."""
    n_gold, n_pred, matched = len(golds), len(preds), len(pairs)
    gold_chars = sum(span_len(g.content) for g in golds)
    pred_chars = sum(span_len(p.content) for p in preds)
    ov_chars = sum(ov for _, _, ov in pairs)
    exact = sum(_exactish(g, p) for g, p, _ in pairs)
    with_src = [(g, p) for g, p, _ in pairs if g.source]
    no_src = [(g, p) for g, p, _ in pairs if not g.source]
    src_ok = sum(overlap(g.source, p.source) > 0 for g, p in with_src)
    no_src_ok = sum(not p.source for _, p in no_src)
    with_cue = [(g, p) for g, p, _ in pairs if g.cue]
    cue_ok = sum(overlap(g.cue, p.cue) > 0 for g, p in with_cue)
    return {
        "n_gold": n_gold, "n_pred": n_pred, "matched": matched,
        "overlap": _prf(matched, n_pred, n_gold),
        "soft_char": {**_prf(ov_chars, pred_chars, gold_chars), "overlap_chars": ov_chars,
                      "pred_chars": pred_chars, "gold_chars": gold_chars},
        "exactish": {**_prf(exact, n_pred, n_gold), "count": exact},
        "source": {"pairs_with_gold_source": len(with_src), "correct": src_ok,
                   "accuracy": _ratio(src_ok, len(with_src)),
                   "pairs_gold_no_source": len(no_src),
                   "pairs_gold_no_source_pred_no_speaker": no_src_ok,
                   "accuracy_all_pairs": _ratio(src_ok + no_src_ok, matched)},
        "gold_no_source": sum(not g.source for g in golds),
        "cue": {"pairs_with_gold_cue": len(with_cue), "correct": cue_ok,
                "accuracy": _ratio(cue_ok, len(with_cue))},
    }


def _blocks(golds: list[Item], preds: list[tuple[Item, Item | None]],
            pairs: list[tuple[Item, Item, int]]) -> dict:
    """``{"all": block, "by_kind": {kind: block}}``; ``preds`` = (pred, matched gold or None)."""
    out = {"all": _block(golds, [p for p, _ in preds], pairs), "by_kind": {}}
    kinds = sorted(set(KINDS) | {g.kind or "unknown" for g in golds}
                   | {(g.kind if g is not None else p.kind) or "unknown" for p, g in preds})
    for k in kinds:
        kg = [g for g in golds if (g.kind or "unknown") == k]
        kp = [p for p, g in preds if ((g.kind if g is not None else p.kind) or "unknown") == k]
        kpairs = [t for t in pairs if (t[0].kind or "unknown") == k]
        out["by_kind"][k] = _block(kg, kp, kpairs)
    return out


def evaluate(gold_by_doc: Mapping[str, Sequence[Item]], pred_by_doc: Mapping[str, Sequence[Item]]
             ) -> tuple[dict, dict[str, list[tuple[int, int, int]]]]:
    """Metrics (see :func:`score`) and the matching of every document."""
    docs = sorted(set(gold_by_doc) | set(pred_by_doc))
    golds: list[Item] = []
    preds: list[tuple[Item, Item | None]] = []
    pairs: list[tuple[Item, Item, int]] = []
    matching: dict[str, list[tuple[int, int, int]]] = {}
    confusion: dict[str, dict[str, int]] = {}
    gold_no_content = pred_no_content = 0
    for doc in docs:
        gold, pred = list(gold_by_doc.get(doc, ())), list(pred_by_doc.get(doc, ()))
        m = match(gold, pred)
        matching[doc] = m
        gold_of = {pi: gold[gi] for gi, pi, _ in m}
        gold_no_content += sum(not g.content for g in gold)
        pred_no_content += sum(not p.content for p in pred)
        golds.extend(g for g in gold if g.content)
        preds.extend((p, gold_of.get(pi)) for pi, p in enumerate(pred))
        for gi, pi, ov in m:
            g, p = gold[gi], pred[pi]
            pairs.append((g, p, ov))
            row = confusion.setdefault(g.kind or "unknown", {})
            row[p.kind or "none"] = row.get(p.kind or "none", 0) + 1
    metrics = _blocks(golds, preds, pairs)
    sub_golds = [g for g in golds if g.reporting]
    sub_preds = [(p, g) for p, g in preds if g is None or g.reporting]
    sub_pairs = [t for t in pairs if t[0].reporting]
    metrics["reporting_subset"] = _blocks(sub_golds, sub_preds, sub_pairs)
    metrics["reporting_subset"]["note"] = (
        "SUBSET: gold attributions whose cue contains a form of reporting_verbs.tsv; "
        "predictions matched to other gold are left out")
    metrics["kind_confusion"] = confusion
    metrics["counts"] = {"documents": len(docs), "gold_without_content": gold_no_content,
                         "pred_without_content": pred_no_content,
                         "gold_reporting_subset": len(sub_golds)}
    return metrics, matching


def score(gold_by_doc: Mapping[str, Sequence[Item]],
          pred_by_doc: Mapping[str, Sequence[Item]]) -> dict:
    """Score predictions against gold, per the module docstring.

    Parameters
    ----------
    gold_by_doc, pred_by_doc : mapping of document id to list of :class:`Item`
        A document missing from one side has no attributions there.

    Returns
    -------
    dict
        ``{"all": block, "by_kind": {kind: block}, "reporting_subset": {"all",
        "by_kind", "note"}, "kind_confusion": {gold kind: {pred kind: n}},
        "counts": {...}}``; a block is ``{"n_gold", "n_pred", "matched",
        "overlap": {p, r, f1}, "soft_char": {p, r, f1, overlap_chars,
        pred_chars, gold_chars}, "exactish": {p, r, f1, count}, "source":
        {...}, "gold_no_source", "cue": {...}}``.
    """
    return evaluate(gold_by_doc, pred_by_doc)[0]


# --------------------------------------------------------------------------- report

def _fmt(x: float | None) -> str:
    return "    -" if x is None else f"{x:5.3f}"


def format_table(metrics: dict) -> str:
    """A plain-text table of the metrics."""
    head = (f"{'':22} {'gold':>6} {'pred':>6} {'match':>6} {'P':>5} {'R':>5} {'F1':>5} | "
            f"{'sP':>5} {'sR':>5} {'sF1':>5} | {'exact':>5} {'eF1':>5} | {'src':>5} {'n':>5} "
            f"{'noSrc':>5} | {'cue':>5}")
    lines = []

    def rows(title: str, blocks: dict) -> None:
        lines.append(title)
        lines.append(head)
        items = [("all", blocks["all"])] + [(f"  {k}", b) for k, b in blocks["by_kind"].items()]
        for name, b in items:
            o, s, e = b["overlap"], b["soft_char"], b["exactish"]
            lines.append(
                f"{name:22} {b['n_gold']:6d} {b['n_pred']:6d} {b['matched']:6d} "
                f"{_fmt(o['p'])} {_fmt(o['r'])} {_fmt(o['f1'])} | "
                f"{_fmt(s['p'])} {_fmt(s['r'])} {_fmt(s['f1'])} | "
                f"{e['count']:5d} {_fmt(e['f1'])} | {_fmt(b['source']['accuracy'])} "
                f"{b['source']['pairs_with_gold_source']:5d} {b['gold_no_source']:5d} | "
                f"{_fmt(b['cue']['accuracy'])}")
        lines.append("")

    rows("ALL gold attributions (kind = gold kind; unmatched predictions by predicted kind)",
         metrics)
    rows("SUBSET: gold cue is a reporting verb/phrase (reporting_verbs.tsv); predictions matched "
         "to non-subset gold left out", metrics["reporting_subset"])
    lines.append("P/R/F1 = overlap match; sP/sR/sF1 = character-level soft; exact = pairs with "
                 ">=0.9 core overlap both ways;")
    lines.append("src = source accuracy on pairs whose gold has a source (n of them); noSrc = "
                 "gold without source; cue = cue accuracy")
    src = metrics["all"]["source"]
    lines.append(f"matched pairs with no gold source: {src['pairs_gold_no_source']} (prediction "
                 f"also without speaker: {src['pairs_gold_no_source_pred_no_speaker']}); source "
                 f"accuracy counting those: {_fmt(src['accuracy_all_pairs']).strip()}")
    lines.append("")
    conf = metrics["kind_confusion"]
    pred_kinds = sorted({k for row in conf.values() for k in row})
    lines.append("kind confusion on matched pairs (rows gold, columns predicted):")
    lines.append(f"{'':10}" + "".join(f"{k:>10}" for k in pred_kinds))
    for gk in sorted(conf):
        lines.append(f"{gk:10}" + "".join(f"{conf[gk].get(k, 0):10d}" for k in pred_kinds))
    lines.append("")
    lines.append("counts: " + ", ".join(f"{k}={v}" for k, v in sorted(metrics["counts"].items())))
    return "\n".join(lines)


def _snippet(text: str, frags: Frags, width: int = 160) -> str:
    if not frags:
        return "(no content)"
    s = " | ".join(text[a:b] for a, b in frags)
    s = " ".join(s.split())
    return s if len(s) <= width else s[:width - 3] + "..."


def format_errors(n: int, texts: Mapping[str, str], gold_by_doc: Mapping[str, Sequence[Item]],
                  pred_by_doc: Mapping[str, Sequence[Item]],
                  matching: Mapping[str, list[tuple[int, int, int]]], seed: int = 0) -> str:
    """``n`` sample false positives, false negatives and source errors (deterministic)."""
    fps, fns, src = [], [], []
    for doc in sorted(matching):
        gold, pred = gold_by_doc.get(doc, ()), pred_by_doc.get(doc, ())
        m = matching[doc]
        mg, mp = {gi for gi, _, _ in m}, {pi for _, pi, _ in m}
        fps.extend((doc, p) for pi, p in enumerate(pred) if pi not in mp)
        fns.extend((doc, g) for gi, g in enumerate(gold) if gi not in mg and g.content)
        src.extend((doc, gold[gi], pred[pi]) for gi, pi, _ in m
                   if gold[gi].source and not overlap(gold[gi].source, pred[pi].source))
    rng = random.Random(seed)

    def sample(xs: list) -> list:
        return xs if len(xs) <= n else [xs[i] for i in sorted(rng.sample(range(len(xs)), n))]

    def where(frags: Frags) -> str:
        return f"{frags[0][0]}:{frags[-1][1]}" if frags else "-"

    lines = [f"FALSE POSITIVES ({len(fps)}; showing {min(n, len(fps))})"]
    for doc, p in sample(fps):
        lines.append(f"- {doc} [{where(p.content)}] kind={p.kind} cue={p.info.get('cue_text')!r} "
                     f"speaker={p.info.get('source_text')!r}")
        lines.append(f"    {_snippet(texts[doc], p.content)}")
    lines.append(f"FALSE NEGATIVES ({len(fns)}; showing {min(n, len(fns))}; [R] = in the "
                 "reporting-cue subset)")
    for doc, g in sample(fns):
        tag = "[R]" if g.reporting else "   "
        lines.append(f"- {tag} {doc} {g.info.get('id')} [{where(g.content)}] kind={g.kind} "
                     f"cue={g.info.get('cue_text')!r} source={g.info.get('source_text')!r}")
        lines.append(f"    {_snippet(texts[doc], g.content)}")
    lines.append(f"SOURCE ERRORS on matched pairs ({len(src)}; showing {min(n, len(src))})")
    for doc, g, p in sample(src):
        lines.append(f"- {doc} {g.info.get('id')} [{where(g.content)}] gold source="
                     f"{g.info.get('source_text')!r} [{where(g.source)}] predicted speaker="
                     f"{p.info.get('source_text')!r} [{where(p.source)}] "
                     f"({p.info.get('speaker')!r})")
    return "\n".join(lines)


# --------------------------------------------------------------------------- CLI

def default_root() -> Path:
    """``$FRAMING_SHARED/data/polnear``, else ``<repo>/../shared/data/polnear``."""
    shared = Path(os.environ.get("FRAMING_SHARED", REPO.parent / "shared"))
    return shared / "data" / "polnear"


def _one_core() -> str:
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                "NUMEXPR_NUM_THREADS", "TOKENIZERS_PARALLELISM"):
        os.environ.setdefault(var, "false" if var == "TOKENIZERS_PARALLELISM" else "1")
    if hasattr(os, "sched_setaffinity"):
        try:
            cpu = min(os.sched_getaffinity(0))
            os.sched_setaffinity(0, {cpu})
            return f"pinned to CPU {cpu}"
        except OSError:
            pass
    return "not pinned (sched_setaffinity unavailable); threads limited to 1"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score framing.attribution on PolNeAR.")
    ap.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    ap.add_argument("--root", type=Path, default=None,
                    help="PolNeAR folder (default: $FRAMING_SHARED/data/polnear or "
                         "<repo>/../shared/data/polnear)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    ap.add_argument("--json", type=Path, default=None, help="write the metrics here")
    ap.add_argument("--learned", action="store_true",
                    help="extract_attributions(..., learned=True): add the learned booster")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print N sample false positives / false negatives / source errors")
    args = ap.parse_args(argv)

    if args.split == "test":
        bar = "!" * 78
        print(f"{bar}\n!!! PolNeAR TEST SPLIT: use it ONCE, for the FINAL number only. Tune on "
              f"dev. !!!\n{bar}", file=sys.stderr)
    pinning = _one_core()
    root = args.root if args.root is not None else default_root()

    from framing.corpora.polnear import read_polnear

    articles = read_polnear(root, args.split)
    if args.limit is not None:
        articles = articles[:args.limit]
    forms = load_reporting_forms()
    gold_by_doc = {a.id: gold_items(a, forms) for a in articles}
    texts = {a.id: a.text for a in articles}

    from framing.attribution import extract_attributions

    if articles:
        extract_attributions(articles[0].text, learned=args.learned)  # warm-up, not timed
    elapsed = 0.0
    raw_preds = {}
    for a in articles:
        t0 = time.perf_counter()
        raw_preds[a.id] = extract_attributions(a.text, learned=args.learned)
        elapsed += time.perf_counter() - t0
    pred_by_doc = {doc: pred_items(texts[doc], attrs) for doc, attrs in raw_preds.items()}

    metrics, matching = evaluate(gold_by_doc, pred_by_doc)
    n_chars = sum(len(t) for t in texts.values())
    metrics["timing"] = {
        "articles": len(articles), "seconds": elapsed, "chars": n_chars,
        "articles_per_s": _ratio(len(articles), elapsed),
        "chars_per_s": _ratio(n_chars, elapsed), "cpu": pinning}
    metrics["config"] = {"split": args.split, "root": str(root), "limit": args.limit,
                         "learned": args.learned,
                         "exactish_threshold": EXACTISH}

    print(f"PolNeAR {args.split}: {len(articles)} articles from {root}\n")
    print(format_table(metrics))
    t = metrics["timing"]
    rate = "-" if t["articles_per_s"] is None else f"{t['articles_per_s']:.2f}"
    print(f"\nextract_attributions: {t['seconds']:.3f} s for {t['articles']} articles = {rate} "
          f"articles/s ({pinning}; one untimed warm-up call)")
    if args.errors > 0:
        print()
        print(format_errors(args.errors, texts, gold_by_doc, pred_by_doc, matching))
    if args.json is not None:
        args.json.write_text(json.dumps(metrics, sort_keys=True, indent=2) + "\n",
                             encoding="utf-8")
        print(f"\nmetrics written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
