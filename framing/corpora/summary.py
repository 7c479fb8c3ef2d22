"""Corpus summaries: articles, events, outlets, leanings, words and dates."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from ..text import count_words
from .model import Article


@dataclass
class CorpusSummary:
    """Counts describing a corpus (see :func:`summarize`)."""

    articles: int = 0
    events: int = 0
    events_with_all_leanings: int = 0
    outlets: dict[str, int] = field(default_factory=dict)
    leanings: dict[str, int] = field(default_factory=dict)
    words: int = 0
    words_per_article: dict[str, float] = field(default_factory=dict)
    first_date: str | None = None
    last_date: str | None = None
    undated: int = 0
    annotations: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    def format(self, top: int = 10) -> str:
        """A human-readable multi-line report (outlets limited to the ``top`` most frequent)."""
        def counts(d: dict[str, int], limit: int | None = None) -> str:
            items = list(d.items())[:limit] if limit else list(d.items())
            more = f", ... ({len(d) - len(items)} more)" if len(items) < len(d) else ""
            return ", ".join(f"{k} {v:,}" for k, v in items) + more or "-"
        w = self.words_per_article
        lines = [
            f"articles:  {self.articles:,}",
            f"events:    {self.events:,}"
            + (f" ({self.events_with_all_leanings:,} with left, center and right)"
               if self.leanings else ""),
            f"outlets:   {len(self.outlets):,}: {counts(self.outlets, top)}",
            f"leanings:  {counts(self.leanings)}",
            f"words:     {self.words:,} (per article: mean {w.get('mean', 0):,.0f}, median "
            f"{w.get('median', 0):,.0f}, min {w.get('min', 0):,.0f}, max {w.get('max', 0):,.0f})",
            f"dates:     {self.first_date or '-'} .. {self.last_date or '-'}"
            + (f" ({self.undated:,} undated)" if self.undated else ""),
        ]
        if self.annotations:
            lines.append(f"gold spans: {counts(self.annotations)}")
        return "\n".join(lines)


def summarize(articles: Iterable[Article]) -> CorpusSummary:
    """Summarise a corpus in one pass.

    Parameters
    ----------
    articles : iterable of Article

    Returns
    -------
    CorpusSummary
    """
    s = CorpusSummary()
    outlets: Counter[str] = Counter()
    leanings: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    events: dict[str, set[str]] = {}
    dates: list[str] = []
    words: list[int] = []
    for a in articles:
        s.articles += 1
        outlets[a.outlet or "(none)"] += 1
        if a.leaning:
            leanings[a.leaning] += 1
        if a.event is not None:
            events.setdefault(a.event, set()).add(a.leaning or "")
        if a.date:
            dates.append(a.date)
        else:
            s.undated += 1
        words.append(count_words(a.text))
        labels.update(ann.label for ann in a.annotations)
    s.events = len(events)
    s.events_with_all_leanings = sum(1 for v in events.values() if {"left", "center", "right"} <= v)
    s.outlets = dict(sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0])))
    s.leanings = {k: leanings[k] for k in ("left", "center", "right") if k in leanings}
    s.annotations = dict(sorted(labels.items(), key=lambda kv: (-kv[1], kv[0])))
    s.words = sum(words)
    if words:
        s.words_per_article = {"mean": statistics.fmean(words), "median": statistics.median(words),
                               "min": min(words), "max": max(words)}
    if dates:
        s.first_date, s.last_date = min(dates), max(dates)
    return s
