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

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

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
