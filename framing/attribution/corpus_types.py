"""Source types that a corpus gives its own named speakers.

An article often names a speaker without saying who they are ("Donald Trump
said", "Marco Rubio told reporters"), so the extractor, which reads one article
at a time, types the speaker ``unknown``. Other articles of the same corpus
usually do say it ("Republican candidate Donald Trump", "Sen. Marco Rubio").
:class:`SpeakerTypes` counts the source types that the articles themselves
give each named speaker and fills an ``unknown`` with the type most of them
give, when enough of them agree. A filled attribution says so:
``extra["source_type_from"] == "corpus"`` and ``extra["source_type_votes"]``
holds how many typed attributions agreed out of how many there were, so a
reader can tell a type read in the article from one inferred from the corpus.

Only the article's own evidence votes: named speakers (not pronouns left
unresolved, not anonymous sources) with a type other than ``unknown``, and
never a type that was itself filled from a corpus. The result does not depend
on the order in which articles are added.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from .model import Attribution
from .words import word_classes

__all__ = ["SpeakerTypes"]


def _key(speaker: str | None) -> str | None:
    """The counting key of a speaker: its words, case kept, or None for no name."""
    if not speaker:
        return None
    words = speaker.split()
    if not words[0][:1].isupper():
        return None  # "officials", "the ministry": a description, not a name
    pronouns = word_classes().union("pronoun_m", "pronoun_f", "pronoun_pl", "pronoun_n",
                                    "pronoun_1")
    if len(words) == 1 and words[0].lower() in pronouns:
        return None  # an unresolved "He" or "They"
    return " ".join(words)


class SpeakerTypes:
    """Majority source type of each named speaker over a corpus.

    Parameters
    ----------
    min_votes : int, default 2
        Fill a speaker's ``unknown`` only when at least this many typed
        attributions of the same speaker agree on one type.
    min_share : float, default 0.6
        ... and when that type holds at least this share of the speaker's
        typed attributions (a speaker typed ``official`` 5 times and
        ``political`` 4 times is left ``unknown``).

    Examples
    --------
    >>> from framing.attribution import extract_attributions
    >>> texts = ["Sen. Marco Rubio said taxes would fall.",
    ...          "Sen. Marco Rubio told reporters he would run.",
    ...          "Marco Rubio said the plan was dead."]
    >>> types = SpeakerTypes().update(a for t in texts for a in extract_attributions(t))
    >>> (a,) = types.apply(extract_attributions(texts[2]))
    >>> a.speaker, a.source_type, a.extra["source_type_from"], a.extra["source_type_votes"]
    ('Marco Rubio', 'political', 'corpus', '2/2')
    """

    def __init__(self, min_votes: int = 2, min_share: float = 0.6) -> None:
        if min_votes < 1:
            raise ValueError(f"min_votes must be at least 1, got {min_votes}")
        if not 0.5 < min_share <= 1.0:
            raise ValueError(f"min_share must be in (0.5, 1], got {min_share}")
        self.min_votes = min_votes
        self.min_share = min_share
        self.votes: dict[str, Counter[str]] = {}

    def update(self, attributions: Iterable[Attribution]) -> SpeakerTypes:
        """Count the source types of the named, typed speakers among ``attributions``."""
        for a in attributions:
            if a.anonymous or a.source_type in ("unknown", "anonymous") or (
                    a.extra.get("source_type_from") == "corpus"):
                continue
            key = _key(a.speaker)
            if key is not None:
                self.votes.setdefault(key, Counter())[a.source_type] += 1
        return self

    def add_votes(self, votes: Mapping[str, Mapping[str, int]]) -> SpeakerTypes:
        """Add the :attr:`votes` of another ``SpeakerTypes`` (built on other articles with
        the same settings): the result is that of one built on all the articles."""
        for key, counts in votes.items():
            self.votes.setdefault(key, Counter()).update(counts)
        return self

    def to_dict(self) -> dict[str, Any]:
        """The settings and the votes, sorted, as plain JSON-ready data (see
        :meth:`from_dict`)."""
        return {"min_votes": self.min_votes, "min_share": self.min_share,
                "votes": {k: dict(sorted(self.votes[k].items())) for k in sorted(self.votes)}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SpeakerTypes:
        """A ``SpeakerTypes`` from :meth:`to_dict`'s output.

        Raises
        ------
        ValueError
            When ``data`` lacks a field or holds a count that is not a positive integer.
        """
        try:
            types = cls(int(data["min_votes"]), float(data["min_share"]))
            votes = data["votes"]
            for key, counts in votes.items():
                for stype, n in counts.items():
                    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
                        raise ValueError(f"votes[{key!r}][{stype!r}] must be a positive "
                                         f"integer, got {n!r}")
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not a SpeakerTypes dictionary: {exc!r}") from None
        return types.add_votes(votes)

    def digest(self) -> str:
        """A short hash of the settings and votes: equal for equal ``SpeakerTypes``."""
        payload = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    def type_of(self, speaker: str | None) -> tuple[str, int, int] | None:
        """``(type, agreeing votes, all votes)`` for a speaker the corpus types, else None.

        Ties between types are never filled (the share test needs a majority)."""
        key = _key(speaker)
        counts = self.votes.get(key) if key is not None else None
        if not counts:
            return None
        total = sum(counts.values())
        stype, n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if n < self.min_votes or n < self.min_share * total:
            return None
        return stype, n, total

    def apply(self, attributions: Iterable[Attribution]) -> list[Attribution]:
        """``attributions`` with each named speaker's ``unknown`` source type filled where
        the corpus types that speaker; other attributions are returned as they are."""
        out: list[Attribution] = []
        for a in attributions:
            found = None
            if a.source_type == "unknown" and not a.anonymous:
                found = self.type_of(a.speaker)
            if found is None:
                out.append(a)
                continue
            stype, n, total = found
            out.append(replace(a, source_type=stype, extra={
                **a.extra, "source_type_from": "corpus", "source_type_votes": f"{n}/{total}"}))
        return out

    def __len__(self) -> int:
        """Number of speakers the corpus would type."""
        return sum(self.type_of(k) is not None for k in self.votes)
