"""Word classes the attribution rules need, loaded from data files shipped in the package.

- ``framing/data/function_words.tsv``: pronouns, determiners, auxiliaries,
  prepositions, conjunctions, subordinators, frequent verbs and time words;
- ``framing/lexicons/person_titles.tsv``: titles stripped from names, with the
  source type and gender they imply;
- ``framing/lexicons/source_types.tsv``: head nouns of speaker descriptions and
  the source type they imply;
- ``framing/lexicons/media_outlets.tsv``: news organisations;
- ``framing/lexicons/anonymity_cues.tsv``: phrases that mark an unnamed source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from ..lexicons import read_table

_NO_WORDS: frozenset[str] = frozenset()


@dataclass(frozen=True, eq=False)
class WordClasses:
    """Closed word classes, all lower case, plus the unions the rules use."""

    kinds: dict[str, frozenset[str]]
    # the unions asked for so far, by their kinds (the rules ask for a few, thousands of times)
    _unions: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, repr=False)

    def __getitem__(self, kind: str) -> frozenset[str]:
        got = self.kinds.get(kind)
        return _NO_WORDS if got is None else got

    def union(self, *kinds: str) -> frozenset[str]:
        """Words of any of ``kinds`` (cached per combination)."""
        got = self._unions.get(kinds)
        if got is None:
            out: set[str] = set()
            for k in kinds:
                out |= self[k]
            got = self._unions[kinds] = frozenset(out)
        return got


@cache
def word_classes() -> WordClasses:
    """Load ``framing/data/function_words.tsv``."""
    raw = resources.files("framing").joinpath("data/function_words.tsv").read_text("utf-8")
    rows = [ln for ln in raw.splitlines() if ln and not ln.startswith("#")]
    kinds: dict[str, set[str]] = {}
    for line in rows[1:]:
        word, kind = line.split("\t")
        kinds.setdefault(kind, set()).add(word)
    return WordClasses({k: frozenset(v) for k, v in kinds.items()})


@cache
def person_titles() -> dict[str, tuple[str, str]]:
    """``{title (lower case, no final period): (source_type, gender)}``."""
    return {r["title"].lower().rstrip("."): (r["kind"], r["gender"])
            for r in read_table("person_titles.tsv")}


@cache
def source_terms() -> dict[str, str]:
    """``{term: source_type}`` for speaker descriptions."""
    return {r["term"].lower(): r["source_type"] for r in read_table("source_types.tsv")}


@cache
def affiliated_terms() -> frozenset[str]:
    """Lower-case role nouns whose type follows the body they speak for ("a spokesman for
    Boeing"): the rows of ``source_types.tsv`` whose note starts with
    ``affiliation-dependent:``."""
    return frozenset(r["term"].lower() for r in read_table("source_types.tsv")
                     if r["note"].startswith("affiliation-dependent:"))


@cache
def candidacy_terms() -> frozenset[str]:
    """Lower-case nouns for a person seeking office ("candidate", "front-runner"): the rows of
    ``source_types.tsv`` whose note starts with ``candidacy:``."""
    return frozenset(r["term"].lower() for r in read_table("source_types.tsv")
                     if r["note"].startswith("candidacy:"))


@cache
def media_names() -> dict[str, str]:
    """``{name or alias (lower case): canonical name}`` of news organisations."""
    out: dict[str, str] = {}
    for r in read_table("media_outlets.tsv"):
        out[r["name"].lower()] = r["name"]
        for alias in r.get("aliases", "").split(","):
            if alias.strip():
                out[alias.strip().lower()] = r["name"]
    return out


@lru_cache(maxsize=16384)
def parts_of_speech(word: str) -> dict[str, tuple[str, ...]]:
    """``{part of speech: lemmas}`` of ``word`` in lemminflect's lexicon (``{}`` for a word it
    does not know); shared by the rules that tell a verb, an adverb or a common word. Read
    only (cached)."""
    from lemminflect import getAllLemmas

    return getAllLemmas(word)


@cache
def place_names() -> dict[str, str]:
    """``{country or US state name or alias (lower case): kind}`` from
    ``framing/lexicons/place_names.tsv`` (kind ``country``, ``us_state`` or both)."""
    out: dict[str, str] = {}
    for r in read_table("place_names.tsv"):
        for name in [r["name"], *r["aliases"].split(",")]:
            if name.strip() and name != "-":
                out[name.strip().lower()] = r["kind"]
    return out


@cache
def city_names() -> frozenset[str]:
    """Lower-case names of cities of two or more words ("las vegas", "st. louis") from
    ``framing/lexicons/city_names.tsv``: a name that starts with one names a place, no
    person."""
    return frozenset(r["name"].lower() for r in read_table("city_names.tsv"))


@cache
def anonymity_cues() -> dict[str, str]:
    """``{phrase: kind}`` marking unnamed sources (kind ``condition`` or ``description``)."""
    return {r["pattern"].lower(): r["kind"] for r in read_table("anonymity_cues.tsv")}


@cache
def cue_frames() -> dict[str, frozenset[str]]:
    """``{lemma: frames}`` from ``framing/data/cue_frames.tsv`` (what may follow a cue)."""
    raw = resources.files("framing").joinpath("data/cue_frames.tsv").read_text("utf-8")
    rows = [ln for ln in raw.splitlines() if ln and not ln.startswith("#")]
    return {lemma: frozenset(frames.split(",")) for lemma, frames in
            (line.split("\t") for line in rows[1:])}


@cache
def cue_acts() -> dict[str, tuple[str, ...]]:
    """``{lemma: objects}`` from ``framing/data/cue_acts.tsv``: objects that make a cue verb
    an act rather than a report ("showed up", "declared a state of emergency")."""
    raw = resources.files("framing").joinpath("data/cue_acts.tsv").read_text("utf-8")
    rows = [ln for ln in raw.splitlines() if ln and not ln.startswith("#")]
    return {lemma: tuple(o.strip() for o in objects.split(",") if o.strip()) for lemma, objects in
            (line.split("\t") for line in rows[1:])}


@cache
def given_names() -> dict[str, str]:
    """``{given name (lower case): "m" or "f"}`` from ``framing/data/given_names.tsv``."""
    raw = resources.files("framing").joinpath("data/given_names.tsv").read_text("utf-8")
    rows = [ln for ln in raw.splitlines() if ln and not ln.startswith("#")]
    return dict(line.split("\t") for line in rows[1:])


def name_gender(name: str) -> str | None:
    """``"m"``/``"f"`` from the given name that starts ``name`` (:func:`given_names`), or None.

    Examples
    --------
    >>> name_gender("Nancy Pelosi"), name_gender("Pelosi")
    ('f', None)
    """
    first = name.split(maxsplit=1)[0].lower() if name.strip() else ""
    return given_names().get(first)
