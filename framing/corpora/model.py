"""The corpus data model: :class:`Article` and its gold :class:`Annotation` spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LEANINGS = ("left", "center", "right")

#: Fields of :class:`Article` that a JSONL/CSV record may carry at top level.
ARTICLE_FIELDS = ("id", "text", "outlet", "event", "date", "title", "url", "leaning", "meta",
                  "annotations")


@dataclass(frozen=True, slots=True)
class Annotation:
    """A gold span over an article's text.

    Parameters
    ----------
    start, end : int
        Character offsets into :attr:`Article.text` (end exclusive). For a
        discontinuous span they cover the whole extent; the pieces are in
        ``fragments``.
    label : str
        The annotation type (``"lexical"``, ``"Source"``, ``"Loaded_Language"``, ...).
    attrs : dict
        Every other attribute the dataset gives (polarity, target, linked ids, ...).
    id : str or None
        The dataset's own identifier for the span, when it has one.
    fragments : tuple of (int, int)
        The contiguous pieces of the span; ``((start, end),)`` for an ordinary span.
    """

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)
    id: str | None = None
    fragments: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if not self.fragments:
            object.__setattr__(self, "fragments", ((self.start, self.end),))

    def text_in(self, text: str, sep: str = " ") -> str:
        """Return the annotated text: the fragments of ``text`` joined by ``sep``."""
        return sep.join(text[s:e] for s, e in self.fragments)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (fragments only when the span is discontinuous)."""
        out: dict[str, Any] = {"start": self.start, "end": self.end, "label": self.label}
        if self.id is not None:
            out["id"] = self.id
        if len(self.fragments) > 1:
            out["fragments"] = [list(f) for f in self.fragments]
        if self.attrs:
            out["attrs"] = self.attrs
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Annotation:
        """Inverse of :meth:`to_dict`."""
        frags = tuple(tuple(f) for f in d.get("fragments", ()))
        return cls(int(d["start"]), int(d["end"]), str(d["label"]), dict(d.get("attrs", {})),
                   d.get("id"), frags)  # type: ignore[arg-type]


@dataclass(slots=True)
class Article:
    """One news article.

    Parameters
    ----------
    id : str
        Unique within a corpus.
    text : str
        The raw article text; every offset in the toolkit points into it.
    outlet, event, date, title, url : str or None
        ``date`` is an ISO 8601 date string (``YYYY-MM-DD``) when known.
    leaning : {"left", "center", "right"} or None
        The political leaning of the article or outlet, when the dataset gives one.
    meta : dict
        Everything else the source record carried (unknown fields land here).
    annotations : list of Annotation
        Gold spans; ``text[a.start:a.end]`` is the annotated text.
    """

    id: str
    text: str
    outlet: str | None = None
    event: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    leaning: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    annotations: list[Annotation] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.leaning is not None and self.leaning not in LEANINGS:
            raise ValueError(f"leaning must be one of {LEANINGS} or None, got {self.leaning!r}")

    @property
    def n_words(self) -> int:
        """Whitespace-delimited word count of :attr:`text`."""
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict in the project's JSONL schema (None fields omitted)."""
        out: dict[str, Any] = {"id": self.id}
        for name in ("outlet", "event", "date", "title", "url", "leaning"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        out["text"] = self.text
        if self.meta:
            out["meta"] = self.meta
        if self.annotations:
            out["annotations"] = [a.to_dict() for a in self.annotations]
        return out
