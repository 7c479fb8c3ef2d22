"""Load framing lexicons: shipped word lists and user-supplied third-party lexicons.

A :class:`Lexicon` maps category ids to sets of lower-case entries (words or
multi-word phrases) and, for scored lexicons, each entry to numeric weights.
:func:`load` returns one:

* **Shipped lists** (names in :data:`SHIPPED`, e.g. ``"recasens_bias"``,
  ``"hedges"``, ``"dehumanizing"``) are plain ``.txt`` files in
  ``framing/lexicons``, read with :mod:`importlib.resources` and cached. Each
  starts with a ``# `` header giving ``category:``, ``source:``, ``license:``
  and ``citation:``; see ``framing/lexicons/README.md``.
* **User-supplied files** in their native format. Some widely used lexicons
  cannot be shipped (MPQA and eMFD/MFD are GPL, NRC is research-only), so the
  user points :func:`load` at their own copy:

  ========  ===============================================================
  format    file
  ========  ===============================================================
  plain     one entry per line; ``#`` and ``;`` lines are comments
            (``# category:``/``source:``/``license:``/``citation:`` header
            lines are read when present)
  mpqa      MPQA subjectivity clues (``.tff``):
            ``type=strongsubj len=1 word1=abandoned pos1=adj stemmed1=n
            priorpolarity=negative``
  emfd      eMFD scoring table (``.csv``): ``word,care_p,...,sanctity_sent``
  dic       LIWC-style dictionary (``.dic``; MFD 2.0, original MFD): a
            ``%`` block of ``number name`` lines, then
            ``entry<TAB>n n ...``
  nrc       NRC Emotion Lexicon, word level:
            ``word<TAB>emotion<TAB>0|1``
  ========  ===============================================================

**Wildcards.** In ``dic`` lexicons an entry ending in ``*`` (``betray*``) is a
prefix wildcard; the ``*`` is kept in the entry, :attr:`Lexicon.wildcards` is
true, and matchers (including :meth:`Lexicon.category_of`) treat it as "any
word starting with ``betray``". In every other lexicon ``*`` is an ordinary
character (the Hu & Liu list has ``f**k``).

**Matching.** Entries are lower-cased and their internal whitespace collapsed
to single spaces. Whether an entry is a lemma or a surface form depends on the
list (see each file's ``note:`` header), so a matcher should compare both a
token's lower-cased form and its lemma.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from os import PathLike
from pathlib import Path

__all__ = ["FORMATS", "SHIPPED", "Lexicon", "list_lexicons", "load"]

#: Formats :func:`load` reads from a path.
FORMATS: tuple[str, ...] = ("plain", "mpqa", "emfd", "dic", "nrc")

#: Shipped lexicon name (file stem in ``framing/lexicons``) -> the category id its entries get.
SHIPPED: dict[str, str] = {
    # third-party lists, shipped with their citation (see each file's header)
    "recasens_bias": "bias",
    "hedges": "hedge",
    "factives": "factive",
    "assertives": "assertive",
    "implicatives": "implicative",
    "report_verbs_recasens": "report_verb",
    "opinion_positive": "opinion_positive",
    "opinion_negative": "opinion_negative",
    # written by the framing project
    "intensifiers": "intensifier",
    "violence": "violence",
    "dehumanizing": "dehumanizing",
    "euphemism": "euphemism",
    "certainty": "certainty",
    "doubt": "doubt",
    "ideological": "ideological_label",
}

_PACKAGE = "framing.lexicons"
_HEADER_KEYS = ("category", "source", "license", "citation", "rationale", "note")
_HEADER_RE = re.compile(r"([a-z]+)(?: \([^)]*\))?:\s*(.*)")
_UNKNOWN_LICENSE = "unknown (user-supplied file; check its terms before redistributing)"

# Where a user-supplied file of each format usually comes from. The file itself carries no
# metadata, so these describe the lexicon the format belongs to, not the file.
_FORMAT_INFO: dict[str, tuple[str, str]] = {
    "mpqa": (
        "user-supplied file; the MPQA subjectivity lexicon is distributed under the GNU GPL "
        "(not shipped with framing)",
        "Wilson, T., Wiebe, J., & Hoffmann, P. (2005). Recognizing Contextual Polarity in "
        "Phrase-Level Sentiment Analysis. Proceedings of HLT/EMNLP 2005, 347-354.",
    ),
    "emfd": (
        "user-supplied file; eMFD is GPL-3.0 and commercial use needs the authors' permission "
        "(not shipped with framing)",
        "Hopp, F. R., Fisher, J. T., Cornell, D., Huskey, R., & Weber, R. (2021). The extended "
        "Moral Foundations Dictionary (eMFD): Development and applications of a crowd-sourced "
        "approach to extracting moral intuitions from text. Behavior Research Methods, 53, "
        "232-246. https://doi.org/10.3758/s13428-020-01433-0",
    ),
    "nrc": (
        "user-supplied file; the NRC Emotion Lexicon terms of use allow research use and forbid "
        "redistribution (not shipped with framing)",
        "Mohammad, S. M., & Turney, P. D. (2013). Crowdsourcing a Word-Emotion Association "
        "Lexicon. Computational Intelligence, 29(3), 436-465.",
    ),
    "dic": (
        _UNKNOWN_LICENSE + "; the MFD and MFD 2.0 .dic files are distributed with eMFDscore "
        "under GPL-3.0",
        "",
    ),
    "plain": (_UNKNOWN_LICENSE, ""),
}

_MPQA_POLARITY: dict[str, tuple[str, float]] = {
    "positive": ("positive", 1.0), "negative": ("negative", -1.0),
    "neutral": ("neutral", 0.0), "both": ("both", 0.0),
    # spellings found on single lines of the MPQA file
    "weakpos": ("positive", 1.0), "strongpos": ("positive", 1.0),
    "weakneg": ("negative", -1.0), "strongneg": ("negative", -1.0),
}
_MPQA_STRENGTH: dict[str, float] = {"strongsubj": 1.0, "weaksubj": 0.5}


def _normalise(term: str) -> str:
    """Lower-case ``term`` and collapse its whitespace to single spaces."""
    return " ".join(term.lower().split())


@dataclass(frozen=True)
class Lexicon:
    """A lexicon: categories of lower-case entries, optional weights and provenance.

    Parameters
    ----------
    name : str
        Shipped name (``"hedges"``) or the file stem of a user-supplied file.
    categories : dict of str to frozenset of str
        Category id -> entries. A plain list has one category. Entries are
        lower-case with single spaces; an entry may be in several categories.
    weights : dict of str to dict of str to float, optional
        Entry -> {dimension: value} for scored lexicons (eMFD probabilities and
        sentiment, NRC 0/1 per emotion, MPQA polarity and strength); empty for
        plain lists. It may cover entries that are in no category (NRC words
        with no emotion).
    source, license, citation : str, optional
        Provenance, from the file header (shipped lists, plain files with a
        header) or the usual origin of the format (other user-supplied files).
    path : str or None, optional
        File the lexicon was read from.
    wildcards : bool, optional
        True when a trailing ``*`` in an entry is a prefix wildcard (``dic``
        format). Otherwise ``*`` is a literal character.

    Notes
    -----
    Lexicons returned by :func:`load` for shipped names are cached and shared:
    do not mutate ``categories`` or ``weights``; copy them first.

    Examples
    --------
    >>> lex = Lexicon("demo", {"doubt": frozenset({"allegedly", "so-called"})})
    >>> len(lex), lex.category_of("Allegedly"), "so-called" in lex
    (2, ['doubt'], True)
    """

    name: str
    categories: dict[str, frozenset[str]]
    weights: dict[str, dict[str, float]] = field(default_factory=dict)
    source: str = ""
    license: str = ""
    citation: str = ""
    path: str | None = None
    wildcards: bool = False

    def __post_init__(self) -> None:
        cats = {str(c): frozenset(_normalise(t) for t in terms)
                for c, terms in self.categories.items()}
        object.__setattr__(self, "categories", cats)

    def __hash__(self) -> int:
        return hash((self.name, self.path, self.terms()))

    @cached_property
    def _index(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for cat, terms in self.categories.items():
            for term in terms:
                index.setdefault(term, []).append(cat)
        return {t: tuple(c) for t, c in index.items()}

    @cached_property
    def _prefixes(self) -> dict[int, dict[str, tuple[str, ...]]]:
        # prefix length -> {prefix: categories}, for wildcard entries only
        out: dict[int, dict[str, tuple[str, ...]]] = {}
        if self.wildcards:
            for term, cats in self._index.items():
                if term.endswith("*"):
                    prefix = term.rstrip("*")
                    out.setdefault(len(prefix), {})[prefix] = cats
        return out

    def terms(self) -> frozenset[str]:
        """All entries, over every category.

        Returns
        -------
        frozenset of str
            Wildcard entries keep their ``*``.
        """
        return frozenset(self._index)

    def category_of(self, term: str) -> list[str]:
        """Categories of ``term``, in the order of :attr:`categories`.

        Parameters
        ----------
        term : str
            A word or phrase; it is lower-cased and its whitespace collapsed.

        Returns
        -------
        list of str
            Empty when ``term`` is not an entry. With :attr:`wildcards`, a
            ``prefix*`` entry also matches every term starting with ``prefix``.

        Examples
        --------
        >>> mfd = Lexicon("mfd", {"loyalty.vice": frozenset({"betray*"}),
        ...                       "authority.vice": frozenset({"betray*", "treason"})},
        ...               wildcards=True)
        >>> mfd.category_of("betrayed")
        ['loyalty.vice', 'authority.vice']
        >>> Lexicon("plain", {"x": frozenset({"betray*"})}).category_of("betrayed")
        []
        """
        key = _normalise(term)
        found = set(self._index.get(key, ()))
        for length, table in self._prefixes.items():
            if len(key) >= length and key[:length] in table:
                found.update(table[key[:length]])
        return [c for c in self.categories if c in found]

    def __contains__(self, term: object) -> bool:
        """Whether ``term`` is an entry (exact match after normalising; no wildcards)."""
        return isinstance(term, str) and _normalise(term) in self._index

    def __len__(self) -> int:
        """Number of distinct entries (see :meth:`terms`)."""
        return len(self._index)


# ------------------------------------------------------------------------------- reading text

def _decode(data: bytes, where: str) -> str:
    """UTF-8 (BOM allowed), falling back to Latin-1, which the original Hu & Liu files use."""
    if b"\x00" in data:
        raise ValueError(f"{where}: contains NUL bytes (binary or UTF-16?); a lexicon must be "
                         "UTF-8 or Latin-1 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _lines(text: str) -> list[str]:
    """Split on ``\\r\\n``, ``\\n`` or a lone ``\\r`` (some originals mix them)."""
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _header(lines: Iterable[str]) -> dict[str, list[str]]:
    """``# key: value`` lines before the first entry, for the keys in ``_HEADER_KEYS``."""
    out: dict[str, list[str]] = {}
    for line in lines:
        if not line.strip() or line.startswith(";"):
            continue
        if not line.startswith("#"):
            break
        m = _HEADER_RE.fullmatch(line.lstrip("#").strip())
        if m and m[1] in _HEADER_KEYS:
            out.setdefault(m[1], []).append(m[2].strip())
    return out


def _is_comment(line: str) -> bool:
    return line.startswith(("#", ";"))


# ------------------------------------------------------------------------------- parsers

_Parsed = tuple[dict[str, frozenset[str]], dict[str, dict[str, float]], dict[str, list[str]]]


def _parse_plain(lines: list[str], where: str, default_category: str) -> _Parsed:
    header = _header(lines)
    category = header.get("category", [default_category])[0]
    entries: set[str] = set()
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if not s or _is_comment(s):
            continue
        if "\t" in s:
            raise ValueError(f"{where}:{n}: a plain lexicon has one entry per line, but this "
                             f"line has a tab: {line!r} (is it an NRC or .dic file? pass "
                             "format='nrc' or format='dic')")
        if any(ord(ch) < 32 for ch in s):
            raise ValueError(f"{where}:{n}: control character in entry {line!r}")
        entries.add(_normalise(s))
    return {category: frozenset(entries)}, {}, header


def _parse_mpqa(lines: list[str], where: str) -> _Parsed:
    cats: dict[str, set[str]] = {c: set() for c in
                                 ("strongsubj", "weaksubj", "positive", "negative", "neutral",
                                  "both")}
    scores: dict[str, dict[str, list[float]]] = {}
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if not s or _is_comment(s):
            continue
        fields: dict[str, str] = {}
        for item in s.split():
            key, eq, value = item.partition("=")
            if not eq or not key:
                raise ValueError(f"{where}:{n}: expected key=value fields (MPQA .tff), got "
                                 f"{item!r} in {line!r}")
            fields.setdefault(key, value)
        missing = [k for k in ("type", "word1", "priorpolarity") if k not in fields]
        if missing:
            raise ValueError(f"{where}:{n}: MPQA clue without {', '.join(missing)}: {line!r}")
        if fields["type"] not in _MPQA_STRENGTH:
            raise ValueError(f"{where}:{n}: unknown MPQA type {fields['type']!r} (expected "
                             f"strongsubj or weaksubj)")
        if fields["priorpolarity"] not in _MPQA_POLARITY:
            raise ValueError(f"{where}:{n}: unknown MPQA priorpolarity "
                             f"{fields['priorpolarity']!r} (expected positive, negative, "
                             "neutral or both)")
        length = fields.get("len", "1")
        if not length.isdigit() or int(length) < 1:
            raise ValueError(f"{where}:{n}: bad MPQA len={length!r}")
        words = [fields.get(f"word{i}") for i in range(1, int(length) + 1)]
        if not all(words):
            raise ValueError(f"{where}:{n}: MPQA clue with len={length} lacks word1..word"
                             f"{length}: {line!r}")
        term = _normalise(" ".join(w for w in words if w))
        polarity_cat, polarity = _MPQA_POLARITY[fields["priorpolarity"]]
        cats[fields["type"]].add(term)
        cats[polarity_cat].add(term)
        w = scores.setdefault(term, {"polarity": [], "strength": [], "stemmed": []})
        w["polarity"].append(polarity)
        w["strength"].append(_MPQA_STRENGTH[fields["type"]])
        w["stemmed"].append(1.0 if fields.get("stemmed1") == "y" else 0.0)
    weights = {t: {"polarity": sum(v["polarity"]) / len(v["polarity"]),
                   "strength": sum(v["strength"]) / len(v["strength"]),
                   "stemmed": max(v["stemmed"])}
               for t, v in scores.items()}
    return {c: frozenset(t) for c, t in cats.items()}, weights, {}


def _parse_emfd(lines: list[str], where: str) -> _Parsed:
    rows = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    if not rows:
        raise ValueError(f"{where}: empty eMFD file")
    n0, first = rows[0]
    columns = [c.strip() for c in next(csv.reader([first]))]
    if not columns or columns[0] != "word" or not any(c.endswith("_p") for c in columns):
        raise ValueError(f"{where}:{n0}: an eMFD table starts with a header 'word,care_p,...', "
                         f"got {first!r}")
    foundations = [c[:-2] for c in columns if c.endswith("_p")]
    cats: dict[str, set[str]] = {f: set() for f in foundations}
    weights: dict[str, dict[str, float]] = {}
    seen: dict[str, int] = {}
    for n, line in rows[1:]:
        cells = next(csv.reader([line]))
        if len(cells) != len(columns):
            raise ValueError(f"{where}:{n}: {len(cells)} cells, expected {len(columns)} "
                             f"({', '.join(columns)})")
        word = _normalise(cells[0])
        if not word:
            raise ValueError(f"{where}:{n}: empty word")
        if word in seen:
            raise ValueError(f"{where}:{n}: duplicate word {word!r} (first on line {seen[word]})")
        seen[word] = n
        values: dict[str, float] = {}
        for col, cell in zip(columns[1:], cells[1:], strict=True):
            try:
                values[col] = float(cell)
            except ValueError:
                raise ValueError(f"{where}:{n}: column {col!r} is not a number: {cell!r}"
                                 ) from None
        weights[word] = values
        probs = {f: values[f"{f}_p"] for f in foundations}
        top = max(probs.values())
        for f, p in probs.items():
            if p == top:
                cats[f].add(word)
    return {c: frozenset(t) for c, t in cats.items()}, weights, {}


def _parse_dic(lines: list[str], where: str) -> _Parsed:
    it = iter(enumerate(lines, 1))
    for n, line in it:
        if line.strip():
            if line.strip() != "%":
                raise ValueError(f"{where}:{n}: a .dic file starts with a '%' line, got {line!r}")
            break
    else:
        raise ValueError(f"{where}: empty .dic file")
    names: dict[int, str] = {}
    for n, line in it:
        s = line.strip()
        if s == "%":
            break
        if not s:
            continue
        num, _, name = s.partition(" ") if "\t" not in s else s.partition("\t")
        name = name.strip()
        if not num.isdigit() or not name:
            raise ValueError(f"{where}:{n}: expected 'number<TAB>category' in the % block, "
                             f"got {line!r}")
        if int(num) in names:
            raise ValueError(f"{where}:{n}: category number {num} defined twice")
        names[int(num)] = name
    else:
        raise ValueError(f"{where}: the '%' category block is not closed by a second '%' line")
    cats: dict[str, set[str]] = {name: set() for name in names.values()}
    for n, line in it:
        s = line.strip()
        if not s:
            continue
        if "\t" in s:
            entry, _, rest = s.partition("\t")
            nums = rest.split()
        else:
            tokens = s.split()
            k = len(tokens)
            while k > 1 and tokens[k - 1].isdigit():
                k -= 1
            entry, nums = " ".join(tokens[:k]), tokens[k:]
        entry = _normalise(entry)
        if not nums or not all(x.isdigit() for x in nums):
            raise ValueError(f"{where}:{n}: expected 'entry<TAB>category numbers', got {line!r}")
        if not entry.rstrip("*"):
            raise ValueError(f"{where}:{n}: empty entry in {line!r}")
        for x in nums:
            if int(x) not in names:
                raise ValueError(f"{where}:{n}: category number {x} is not in the % block "
                                 f"({', '.join(str(k) for k in sorted(names))})")
            cats[names[int(x)]].add(entry)
    return {c: frozenset(t) for c, t in cats.items()}, {}, {}


_NRC_LINE = re.compile(r"[^\t]+\t[^\t]+\t[^\t]*")


def _parse_nrc(lines: list[str], where: str) -> _Parsed:
    cats: dict[str, set[str]] = {}
    weights: dict[str, dict[str, float]] = {}
    started = False
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if not s:
            continue
        if not started and "\t" not in s:
            continue  # preamble text of some NRC releases
        started = True
        if not _NRC_LINE.fullmatch(s):
            raise ValueError(f"{where}:{n}: expected 'word<TAB>emotion<TAB>0|1', got {line!r}")
        word, emotion, value = (c.strip() for c in s.split("\t"))
        if value not in ("0", "1"):
            raise ValueError(f"{where}:{n}: association must be 0 or 1, got {value!r}")
        word, emotion = _normalise(word), emotion.lower()
        cats.setdefault(emotion, set())
        weights.setdefault(word, {})[emotion] = float(value)
        if value == "1":
            cats[emotion].add(word)
    if not started:
        raise ValueError(f"{where}: no 'word<TAB>emotion<TAB>0|1' lines found")
    return {c: frozenset(t) for c, t in cats.items()}, weights, {}


def _sniff(path: Path, lines: list[str]) -> str:
    """Guess the format of a user-supplied file from its extension, then its content."""
    by_ext = {".tff": "mpqa", ".dic": "dic", ".csv": "emfd"}
    if path.suffix.lower() in by_ext:
        return by_ext[path.suffix.lower()]
    content = [s for s in (ln.strip() for ln in lines[:200]) if s and not _is_comment(s)]
    if not content:
        return "plain"
    first = content[0]
    if first == "%":
        return "dic"
    if first.startswith("type=") and " word1=" in first:
        return "mpqa"
    if first.startswith("word,") and "_p" in first:
        return "emfd"
    if any(re.fullmatch(r"[^\t]+\t[^\t]+\t[01]", s) for s in content):
        return "nrc"
    return "plain"


# ------------------------------------------------------------------------------- public API

@cache
def _load_shipped(name: str) -> Lexicon:
    resource = resources.files(_PACKAGE).joinpath(f"{name}.txt")
    where = f"framing/lexicons/{name}.txt"
    try:
        text = resource.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(f"shipped lexicon file missing: {where} (broken install?)"
                                ) from None
    lines = _lines(text)
    cats, _, header = _parse_plain(lines, where, SHIPPED[name])
    return Lexicon(name=name, categories=cats, source=" ".join(header.get("source", [])),
                   license=" ".join(header.get("license", [])),
                   citation="; ".join(header.get("citation", [])),
                   path=str(resource))


def load(name_or_path: str | PathLike[str], *, format: str | None = None) -> Lexicon:
    """Load a shipped lexicon by name, or a user-supplied lexicon file.

    Parameters
    ----------
    name_or_path : str or path-like
        A name in :data:`SHIPPED` (``"recasens_bias"``, ``"hedges"``, ...), or a
        path to a file. A string that is a shipped name always means the shipped
        list; write ``"./hedges"`` for a file of that name.
    format : {"plain", "mpqa", "emfd", "dic", "nrc"}, optional
        Format of a user-supplied file. By default it is taken from the
        extension (``.tff`` mpqa, ``.dic`` dic, ``.csv`` emfd) or guessed from
        the content. Ignored for shipped names, which are all ``plain``.

    Returns
    -------
    Lexicon
        For shipped names a cached, shared object (do not mutate it).
        Categories per format: ``plain`` one (the ``# category:`` header or the
        file stem); ``mpqa`` ``strongsubj``, ``weaksubj``, ``positive``,
        ``negative``, ``neutral``, ``both`` with weights ``polarity`` (+1/-1/0),
        ``strength`` (1.0 strongsubj, 0.5 weaksubj) and ``stemmed`` (1.0 if the
        clue matches inflected forms), averaged over a word's clues (MPQA lists a
        word once per part of speech); ``emfd`` one category per foundation
        (``care``, ...) holding the words whose ``_p`` probability is highest
        for it (all tied foundations), weights = every numeric column; ``dic``
        the categories of the ``%`` block, ``wildcards=True``; ``nrc`` one
        category per emotion (words with 1), weights = every 0/1 value.

    Raises
    ------
    KeyError
        ``name_or_path`` is neither a shipped name nor an existing file, and
        looks like a name; the message lists the shipped names.
    FileNotFoundError
        A path that does not exist.
    ValueError
        Unknown ``format``, or a line that cannot be read; the message gives
        ``file:line``.

    Examples
    --------
    >>> hedges = load("hedges")
    >>> len(hedges), hedges.category_of("perhaps")
    (100, ['hedge'])
    >>> load("doubt").category_of("so-called")
    ['doubt']
    """
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown lexicon format {format!r}; expected one of "
                         f"{', '.join(FORMATS)}")
    if isinstance(name_or_path, str) and name_or_path in SHIPPED:
        return _load_shipped(name_or_path)
    path = Path(name_or_path)
    if not path.exists():
        raw = str(name_or_path)
        if isinstance(name_or_path, str) and not any(c in raw for c in "/\\.") and raw:
            raise KeyError(f"no shipped lexicon {raw!r}; available: {', '.join(SHIPPED)} "
                           "(or pass the path of a lexicon file)")
        raise FileNotFoundError(f"no such lexicon file: {path}")
    if not path.is_file():
        raise ValueError(f"{path}: not a file")
    where = str(path)
    lines = _lines(_decode(path.read_bytes(), where))
    fmt = format or _sniff(path, lines)
    if fmt == "plain":
        cats, weights, header = _parse_plain(lines, where, path.stem)
    elif fmt == "mpqa":
        cats, weights, header = _parse_mpqa(lines, where)
    elif fmt == "emfd":
        cats, weights, header = _parse_emfd(lines, where)
    elif fmt == "dic":
        cats, weights, header = _parse_dic(lines, where)
    else:
        cats, weights, header = _parse_nrc(lines, where)
    default_license, default_citation = _FORMAT_INFO[fmt]
    return Lexicon(
        name=path.stem, categories=cats, weights=weights,
        source=" ".join(header.get("source", [])) or f"user-supplied {fmt} file {path}",
        license=" ".join(header.get("license", [])) or default_license,
        citation="; ".join(header.get("citation", [])) or default_citation,
        path=str(path), wildcards=fmt == "dic",
    )


def list_lexicons() -> list[dict[str, str | int]]:
    """Describe every shipped lexicon, from its file header.

    Returns
    -------
    list of dict
        One dict per name in :data:`SHIPPED`, in that order, with keys
        ``name``, ``category``, ``n_entries``, ``source``, ``license``,
        ``citation``.

    Examples
    --------
    >>> rows = list_lexicons()
    >>> rows[0]["name"], rows[0]["category"], rows[0]["n_entries"]
    ('recasens_bias', 'bias', 654)
    """
    out: list[dict[str, str | int]] = []
    for name, category in SHIPPED.items():
        lex = load(name)
        out.append({"name": name, "category": category, "n_entries": len(lex),
                    "source": lex.source, "license": lex.license, "citation": lex.citation})
    return out
