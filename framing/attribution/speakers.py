"""Speakers: title stripping, pronoun and surname resolution, source type and anonymity.

:class:`SpeakerResolver` indexes the capitalised name mentions of one text once
(one regular-expression pass) and then turns each speaker mention found by the
attribution rules into a resolved name with its source type:

- titles are stripped (``Mayor Helen Brandt`` → ``Helen Brandt``) and kept as
  evidence of the source type (a mayor is ``political``);
- ``he``/``she`` resolve to the nearest earlier person mention whose gender is
  compatible (from a title, or from the first gendered pronoun after the
  mention); ``they`` to the nearest group or organisation speaker; ``it`` to
  the nearest organisation, outlet or document;
- a surname alone (``Maliki``) links to the full name mentioned earlier
  (``Prime Minister Nouri al-Maliki``);
- the source type comes from a news-outlet list, the title, or the head noun
  of the speaker or its description (``a dentist`` → ``witness``), from the
  lexicons in ``framing/lexicons``; a speaker with no proper name
  (``officials``, ``a senior diplomat``) or a sentence saying
  ``on condition of anonymity`` makes the source anonymous.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..text import Segmentation
from .words import anonymity_cues, media_names, person_titles, source_terms, word_classes

_NAME_TOKEN = r"(?:(?:al|el|ad|as|ash|an|bin|abu)-)?[A-Z](?:[\w'\u2019-]+|\.)"
_NAME_RE = re.compile(rf"{_NAME_TOKEN}(?:[ \t]+(?:(?:al|el|bin|ibn|de|van|von|der|da|di|du|le|"
                      rf"la|abu|bint)[ \t]+)?{_NAME_TOKEN})*")
_PRONOUNS = {"he": "m", "she": "f", "they": "pl", "it": "n", "him": "m", "her": "f"}
_GENDER_RE = re.compile(r"\b(he|his|him|himself|she|her|hers|herself)\b", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[\w'\u2019-]+")


@dataclass(frozen=True, slots=True)
class Mention:
    """A capitalised name in the text, with its title stripped."""

    start: int  # of the name, title excluded
    end: int
    name: str
    title_kind: str | None
    gender: str  # "m", "f" or "-"
    is_person: bool


@cache
def _title_words() -> tuple[tuple[str, ...], ...]:
    """Titles as word tuples, longest first ("prime minister" before "minister")."""
    return tuple(sorted((tuple(t.split()) for t in person_titles()), key=len, reverse=True))


def split_title(words: list[str]) -> tuple[int, str | None, str]:
    """How many leading words of ``words`` form a title; its kind and gender."""
    low = [w.lower().rstrip(".") for w in words]
    for title in _title_words():
        n = len(title)
        if n < len(low) and tuple(low[:n]) == title:
            kind, gender = person_titles()[" ".join(title)]
            return n, kind, gender
    return 0, None, "-"


def head_type(phrase: str) -> str | None:
    """Source type implied by the words of a noun phrase (head noun first), or None.

    Examples
    --------
    >>> head_type("a dentist"), head_type("The US State Department"), head_type("Kurdish spokesmen")
    ('witness', 'official', 'official')
    """
    terms = source_terms()
    low = phrase.lower()
    if _media_in(low):
        return "media"
    words = _WORD_SPLIT.findall(low)
    # the part before a preposition holds the head ("officials in Nineveh" -> officials)
    preps = word_classes()["preposition"]
    cut = next((i for i, w in enumerate(words) if w in preps and i > 0), len(words))
    head_part = words[:cut]
    for n in (3, 2):
        for i in range(len(head_part) - n, -1, -1):
            key = " ".join(head_part[i:i + n])
            if key in terms:
                return terms[key]
    for w in reversed(head_part):
        if w in terms:
            return terms[w]
    for w in reversed(words[cut:]):
        if w in terms and terms[w] in ("official", "organisation", "media"):
            return terms[w]
    return None


def _media_in(low: str) -> list[str]:
    names = media_names()
    found = []
    for alias in names:
        if alias in low:
            i = low.find(alias)
            before = low[i - 1] if i > 0 else " "
            after = low[i + len(alias)] if i + len(alias) < len(low) else " "
            if not before.isalnum() and not after.isalnum():
                found.append(names[alias])
    return found


@cache
def _anonymity_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(condition phrases, description phrases) as word-bounded patterns."""
    by_kind: dict[str, list[str]] = {}
    for phrase, kind in anonymity_cues().items():
        by_kind.setdefault(kind, []).append(re.escape(phrase))

    def compile_(kind: str) -> re.Pattern[str]:
        alts = sorted(by_kind.get(kind, []), key=len, reverse=True) or ["(?!x)x"]
        return re.compile(r"\b(?:" + "|".join(alts) + r")\b")

    return compile_("condition"), compile_("description")


def _is_anonymous_phrase(low: str) -> bool:
    """True when ``low`` says the source is kept anonymous ("on condition of anonymity")."""
    return _anonymity_res()[0].search(low) is not None


class SpeakerResolver:
    """Resolves speaker mentions of one text; see the module docstring.

    Parameters
    ----------
    text : str
        The raw text.
    norm : str
        Its typography-normalised form.
    seg : Segmentation
        Its segmentation.
    """

    def __init__(self, text: str, norm: str, seg: Segmentation) -> None:
        self.text = text
        self.norm = norm
        self.seg = seg
        self.mentions: list[Mention] = []
        self._speakers: list[tuple[int, dict[str, Any]]] = []  # earlier resolved speakers
        place = word_classes()["place"]
        sent_starts = set(seg.sentences[:, 0].tolist())
        for m in _NAME_RE.finditer(norm):
            words = m.group().split()
            n_title, kind, gender = split_title(words)
            name_words = words[n_title:]
            if not name_words:
                continue
            offset = m.start() + m.group().find(name_words[0], len(" ".join(words[:n_title])))
            name = " ".join(name_words)
            low_words = [w.lower().rstrip(".") for w in name_words]
            if m.start() in sent_starts and n_title == 0 and low_words[0] in (
                    word_classes()["determiner"] | word_classes()["preposition"]
                    | word_classes()["subordinator"] | word_classes()["conjunction"]
                    | word_classes()["time"] | word_classes()["auxiliary"]):
                continue
            is_person = (n_title > 0 and kind not in ("organisation", "media")) or (
                2 <= len(name_words) <= 4 and head_type(name) is None
                and not any(w in place for w in low_words)
                and not _media_in(name.lower()))
            if gender == "-" and is_person:
                gender = self._gender_after(m.end())
            self.mentions.append(Mention(offset, offset + len(name), name, kind, gender,
                                         is_person))
        self._mention_ends = [mm.end for mm in self.mentions]

    def _gender_after(self, pos: int) -> str:
        sent_ends = self.seg.sentences[:, 1].tolist()
        k = bisect_right(self.seg.sentences[:, 0].tolist(), pos) - 1
        limit = sent_ends[min(k + 1, len(sent_ends) - 1)] if sent_ends else len(self.norm)
        m = _GENDER_RE.search(self.norm, pos, max(limit, pos))
        if m is None:
            return "-"
        return "m" if m.group(1).lower() in ("he", "his", "him", "himself") else "f"

    # ------------------------------------------------------------------------------------------

    def _mention_at(self, start: int, end: int) -> Mention | None:
        for m in self.mentions:
            if start <= m.start and m.end <= end:
                return m
        return None

    def resolve(self, start: int, end: int, description: str | None,
                content_pos: int) -> dict[str, Any]:
        """Speaker fields of :class:`~framing.attribution.Attribution` for a mention."""
        raw = self.text[start:end]
        low = self.norm[start:end].lower()
        info: dict[str, Any] = {"speaker_start": start, "speaker_end": end, "speaker_text": raw,
                                "description": description}
        if low in _PRONOUNS:
            ante = self._antecedent(low, start)
            if ante is not None:
                info.update({k: v for k, v in ante.items() if k not in (
                    "speaker_start", "speaker_end", "speaker_text")})
                info["antecedent_start"] = ante["speaker_start"]
                info["antecedent_end"] = ante["speaker_end"]
                info["speaker_text"] = raw
                self._speakers.append((start, info))
                return info
            info.update(speaker=raw, source_type="unknown", anonymous=False)
            return info
        words = self.norm[start:end].split()
        n_title, title_kind, _ = split_title(words)
        name_words = words[n_title:]
        name = " ".join(name_words)
        lead = name_words[0].lower() if name_words else ""
        det = word_classes()["determiner"]
        # "The private intelligence service Stratfor": the description ends in a name
        if lead in det and len(name_words) > 2:
            caps = len(name_words)
            while caps > 0 and name_words[caps - 1][:1].isupper():
                caps -= 1
            if 1 < caps < len(name_words) and not any(
                    w[:1].isupper() for w in name_words[1:caps]):
                description = description or " ".join(name_words[:caps])
                name = " ".join(name_words[caps:])
        elif lead == "the" and len(name_words) > 1 and all(w[:1].isupper() for w in name_words[1:]):
            name = " ".join(name_words[1:])
        # a surname alone links to the full name mentioned earlier
        ante = None
        if len(name_words) == 1 and name[:1].isupper():
            ante = self._full_name(name, start)
            if ante is not None:
                info["antecedent_start"], info["antecedent_end"] = ante.start, ante.end
                name = ante.name
                title_kind = title_kind or ante.title_kind
        info["speaker"] = name
        stype, anonymous = self._source_type(name, description, title_kind, start, content_pos)
        if stype == "unknown":  # the same speaker typed earlier ("According to Stratfor")
            stype = next((i["source_type"] for _, i in reversed(self._speakers)
                          if i.get("speaker") == name and i.get("source_type") != "unknown"),
                         stype)
        info["source_type"], info["anonymous"] = stype, anonymous
        self._speakers.append((start, info))
        return info

    def unnamed(self, start: int, end: int) -> dict[str, Any]:
        """Fields for an attribution without a speaker mention."""
        ss, se = self._sentence(start)
        if _is_anonymous_phrase(self.norm[ss:max(se, end)].lower()):
            return {"source_type": "anonymous", "anonymous": True}
        return {"source_type": "unknown", "anonymous": False}

    def _sentence(self, pos: int) -> tuple[int, int]:
        starts = self.seg.sentences[:, 0].tolist()
        k = max(bisect_right(starts, pos) - 1, 0)
        if not starts:
            return 0, len(self.norm)
        return starts[k], int(self.seg.sentences[k, 1])

    def _source_type(self, name: str, description: str | None, title_kind: str | None,
                     start: int, content_pos: int) -> tuple[str, bool]:
        ss, se = self._sentence(start)
        sentence_low = self.norm[ss:se].lower()
        phrase = f"{description or ''} {name}".strip()
        stype = None
        if _media_in(name.lower()):
            stype = "media"
        elif title_kind and title_kind not in ("other", "-"):
            stype = title_kind
        else:
            stype = head_type(phrase)
        words = name.split()
        det = word_classes()["determiner"]
        content_words = [w for w in words if w.lower() not in det]
        # a proper name is a capitalised word that is not just a capitalised common noun
        terms = source_terms()
        proper = [w for w in content_words if w[:1].isupper() and w.lower() not in terms
                  and not w.lower().endswith(("ish", "ian", "ese", "an")) or w.isupper()]
        head = content_words[-1].lower() if content_words else ""
        preps = word_classes()["preposition"]
        if any(w.lower() in preps for w in words):
            head_words = words[:next(i for i, w in enumerate(words) if w.lower() in preps)]
            proper = [w for w in head_words if w[:1].isupper() and w.lower() not in terms
                      and w.lower() not in det and not w.lower().endswith(("ish", "ian"))]
            head = head_words[-1].lower() if head_words else head
        anonymous = (not proper and stype != "document" and bool(content_words)) or \
            _is_anonymous_phrase(sentence_low) or (
                not proper and _anonymity_res()[1].search(phrase.lower()) is not None)
        if head in ("source", "sources") or (anonymous and stype is None):
            stype = "anonymous" if stype is None else stype
        if stype is None and words and all(w[:1].isupper() for w in content_words) and any(
                m.is_person and m.name == name for m in self.mentions):
            stype = "unknown"
        return stype or "unknown", anonymous

    def _full_name(self, surname: str, before: int) -> Mention | None:
        bare = surname.lower()
        for m in reversed(self.mentions):
            if m.start >= before:
                continue
            last = m.name.split()[-1].lower()
            for prefix in ("al-", "el-"):
                if last.startswith(prefix):
                    last_bare = last[len(prefix):]
                    break
            else:
                last_bare = last
            if len(m.name.split()) >= 2 and (last == bare or last_bare == bare or
                                              last_bare == bare.removeprefix("al-")):
                return m
        return None

    def _antecedent(self, pronoun: str, pos: int) -> dict[str, Any] | None:
        kind = _PRONOUNS[pronoun]
        window_start = max(0, pos - 700)
        candidates: list[tuple[int, dict[str, Any]]] = []
        for m in self.mentions:
            if window_start <= m.start and m.end <= pos:
                if kind in ("m", "f") and m.is_person and m.gender in (kind, "-"):
                    candidates.append((m.start, {
                        "speaker": m.name, "speaker_start": m.start, "speaker_end": m.end,
                        "source_type": m.title_kind if m.title_kind not in (None, "other")
                        else "unknown", "anonymous": False, "description": None}))
                elif kind in ("n", "pl") and not m.is_person and (
                        head_type(m.name) in ("organisation", "media", "official", "document")
                        or _media_in(m.name.lower())):
                    candidates.append((m.start, {
                        "speaker": m.name, "speaker_start": m.start, "speaker_end": m.end,
                        "source_type": head_type(m.name) or "media", "anonymous": False,
                        "description": None}))
        for s, info in self._speakers:
            if window_start <= s < pos and info.get("speaker"):
                name = info["speaker"]
                plural = name.lower().endswith("s") and not name[:1].isupper() or \
                    (name.split()[-1][:1].islower() and name.lower().endswith(("s", "men")))
                if kind == "pl" and (plural or info.get("source_type") in (
                        "organisation", "official", "media")):
                    candidates.append((s, info))
                elif kind == "n" and info.get("source_type") in ("organisation", "media",
                                                                  "document", "official"):
                    candidates.append((s, info))
                elif kind in ("m", "f") and not plural and info.get("source_type") not in (
                        "organisation", "media", "document"):
                    gender = info.get("_gender", "-")
                    if gender in (kind, "-") and name[:1].isupper():
                        candidates.append((s, info))
        if not candidates:
            return None
        candidates.sort(key=lambda c: c[0])
        return dict(candidates[-1][1])
