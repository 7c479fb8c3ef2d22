"""A self-contained HTML view of one article with its evidence spans highlighted."""

from __future__ import annotations

import html
from collections.abc import Iterable

from .features.base import Evidence

_PALETTE = ("#ffd54f", "#81d4fa", "#ef9a9a", "#a5d6a7", "#ce93d8", "#ffab91", "#b0bec5",
            "#fff59d", "#80cbc4", "#f48fb1", "#9fa8da", "#c5e1a5")


def _key(feature: str) -> str:
    """Colour key: the category, without a voice or rate suffix."""
    for suffix in ("_narrative_per_1k", "_quoted_per_1k"):
        if feature.endswith(suffix):
            return feature[: -len(suffix)]
    return feature


def mark_spans(text: str, spans: Iterable[tuple[int, int, str]], colour: dict[str, str],
               voice_spans: Iterable[tuple[int, int]] = ()) -> str:
    """HTML of ``text`` with ``(start, end, label)`` spans wrapped in coloured ``<mark>``.

    Overlaps are split at span boundaries; a piece takes the colour of its first
    label and lists all its labels on hover; text inside ``voice_spans`` gets the
    ``q`` class (underlined in the pages this module writes).
    """
    spans = sorted(set(spans))
    voices = sorted(voice_spans)
    bounds = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans),
                     *(s for s, _ in voices), *(e for _, e in voices)})
    parts = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = html.escape(text[a:b]).replace("\n", "<br>\n")
        if any(s <= a and b <= e for s, e in voices):
            piece = f'<span class="q">{piece}</span>'
        cover = [f for s, e, f in spans if s <= a and b <= e]
        if cover:
            tip = html.escape(", ".join(dict.fromkeys(cover)))
            parts.append(f'<mark style="background:{colour.get(cover[0], "#eee")}" '
                         f'title="{tip}">{piece}</mark>')
        else:
            parts.append(piece)
    return "".join(parts)


def highlight_html(text: str, evidence: Iterable[Evidence], title: str = "",
                   voice_spans: Iterable[tuple[int, int]] = ()) -> str:
    """Return an HTML page showing ``text`` with every evidence span marked.

    Overlapping spans are split at their boundaries; each piece shows the
    features covering it on hover, coloured by the category of the first one
    (narrative and quoted rates of one category share a colour). Text inside
    ``voice_spans`` (attributed content: the quoted voice) is underlined. A
    legend lists the features with their span counts.

    Parameters
    ----------
    text : str
        The article text the evidence offsets point into.
    evidence : iterable of Evidence
        Spans of this article (``doc`` is ignored).
    title : str
        Page heading.
    voice_spans : iterable of (int, int)
        Quoted-voice intervals, e.g. :attr:`framing.features.analysis.Analysis.voice_spans`.
    """
    spans = sorted({(e.start, e.end, e.feature) for e in evidence if e.end > e.start})
    voices = sorted(voice_spans)
    features = sorted({f for _, _, f in spans})
    keys = sorted({_key(f) for f in features})
    key_colour = {k: _PALETTE[i % len(_PALETTE)] for i, k in enumerate(keys)}
    colour = {f: key_colour[_key(f)] for f in features}
    body = mark_spans(text, spans, colour, voices)
    counts = {f: sum(1 for *_, g in spans if g == f) for f in features}
    legend = "".join(f'<li><mark style="background:{colour[f]}">{html.escape(f)}</mark> '
                     f"({counts[f]})</li>" for f in features)
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>body{{font-family:Georgia,serif;"
            "max-width:46em;margin:2em auto;line-height:1.5}}mark{{padding:0 1px}}"
            "ul{{font-family:sans-serif;font-size:90%;columns:2}}"
            ".q{{border-bottom:2px dashed #555}}</style></head><body>"
            f"<h1>{html.escape(title)}</h1>"
            + ('<p style="font-family:sans-serif;font-size:90%"><span class="q">Underlined</span>: '
               "quoted voice (attributed content).</p>" if voices else "")
            + f"<ul>{legend}</ul><div>{body}</div>"
            "</body></html>\n")
