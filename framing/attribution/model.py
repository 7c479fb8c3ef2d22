"""The :class:`Attribution` record: one reported statement with its content, cue and speaker."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Kinds of attribution.
KINDS = ("direct", "indirect", "mixed")
#: Source types, in report order.
SOURCE_TYPES = ("official", "political", "expert", "witness", "media", "organisation",
                "document", "anonymous", "unknown")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution found in a text; every offset points into the raw text.

    Attributes
    ----------
    kind : {"direct", "indirect", "mixed"}
        ``direct``: the content is inside quotation marks; ``indirect``:
        reported speech without marks; ``mixed``: a reported clause holding a
        quoted fragment.
    content_start, content_end : int
        The content; for a direct quote without the enclosing marks. A quote
        split around its attribution or running over several paragraphs
        spans all its pieces (see ``fragments``).
    content : str
        ``text[content_start:content_end]``.
    fragments : tuple of (int, int)
        The contiguous pieces of the content. ``content`` runs from the first
        to the last, so for a quote split around its attribution it holds the
        narration between them; :attr:`content_pieces` leaves it out.
    quoted : tuple of (int, int)
        The spans inside quotation marks (without the marks).
    cue_start, cue_end, cue : int, int, str or None
        The reporting verb or phrase as written ("said", "according to", ":").
    cue_lemma, cue_category : str or None
        From ``framing/lexicons/reporting_verbs.tsv``.
    speaker_start, speaker_end, speaker_text : int, int, str or None
        The speaker mention as written: a name, a description, or a pronoun.
    speaker : str or None
        The resolved speaker: titles stripped ("Mayor Helen Brandt" → "Helen
        Brandt"), a pronoun, a surname or a role description ("the governor")
        replaced by the full name it refers to.
    antecedent_start, antecedent_end : int or None
        For a resolved pronoun, surname or role description, the mention it was
        resolved to.
    description : str or None
        An appositive or descriptive phrase for the speaker ("a dentist").
    source_type : str
        One of :data:`SOURCE_TYPES`.
    anonymous : bool
        True for an unnamed source ("officials said", "a person familiar with").
    extra : dict
        Further facts, in the JSON record when set: ``negated`` (a negation before the
        cue: "has not said whether", "didn't mention"; the speaker is "he", not "he
        didn't"), ``learned`` and ``probability`` (added by the learned booster),
        ``source_type_from`` and ``source_type_votes`` (a type filled from the corpus).
    """

    kind: str
    content_start: int
    content_end: int
    content: str
    fragments: tuple[tuple[int, int], ...] = ()
    quoted: tuple[tuple[int, int], ...] = ()
    cue_start: int | None = None
    cue_end: int | None = None
    cue: str | None = None
    cue_lemma: str | None = None
    cue_category: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_text: str | None = None
    speaker: str | None = None
    antecedent_start: int | None = None
    antecedent_end: int | None = None
    description: str | None = None
    source_type: str = "unknown"
    anonymous: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def content_pieces(self) -> str:
        """The content without what lies between its fragments (the narration of a
        quote split around its attribution): the pieces joined by a space.

        Examples
        --------
        >>> from framing.attribution import extract_attributions
        >>> (a,) = extract_attributions('"We won," he said, "and we will win again."')
        >>> a.content
        'We won," he said, "and we will win again.'
        >>> a.content_pieces
        'We won, and we will win again.'
        """
        if len(self.fragments) < 2:
            return self.content
        return " ".join(self.content[a - self.content_start:b - self.content_start].strip()
                        for a, b in self.fragments)

    def to_dict(self, doc_id: str | None = None) -> dict[str, Any]:
        """A flat JSON-ready record (the ``framing quotes`` output schema)."""
        out: dict[str, Any] = {} if doc_id is None else {"doc_id": doc_id}
        for name in ("kind", "content", "content_start", "content_end", "speaker",
                     "speaker_text", "speaker_start", "speaker_end", "antecedent_start",
                     "antecedent_end", "description", "cue", "cue_start", "cue_end", "cue_lemma",
                     "cue_category", "source_type", "anonymous"):
            out[name] = getattr(self, name)
        out["negated"] = bool(self.extra.get("negated", False))
        out["learned"] = bool(self.extra.get("learned", False))
        out["source_type_from"] = self.extra.get("source_type_from", "text")
        out["content_pieces"] = self.content_pieces
        out["fragments"] = [list(f) for f in self.fragments]
        out["quoted"] = [list(q) for q in self.quoted]
        return out
