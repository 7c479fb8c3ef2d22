"""A self-contained HTML view of one article with its evidence spans highlighted."""

from __future__ import annotations

import html
from collections.abc import Iterable

from .features.base import Evidence

_PALETTE = ("#ffd54f", "#81d4fa", "#ef9a9a", "#a5d6a7", "#ce93d8", "#ffab91", "#b0bec5",
            "#fff59d", "#80cbc4", "#f48fb1", "#9fa8da", "#c5e1a5")


def highlight_html(text: str, evidence: Iterable[Evidence], title: str = "") -> str:
    """Return an HTML page showing ``text`` with every evidence span marked.

    Overlapping spans are split at their boundaries; each piece shows the
    features covering it on hover, coloured by the first one. A legend lists
    the features with their span counts.

    Parameters
    ----------
    text : str
        The article text the evidence offsets point into.
    evidence : iterable of Evidence
        Spans of this article (``doc`` is ignored).
    title : str
        Page heading.
    """
    spans = sorted({(e.start, e.end, e.feature) for e in evidence if e.end > e.start})
    features = sorted({f for _, _, f in spans})
    colour = {f: _PALETTE[i % len(_PALETTE)] for i, f in enumerate(features)}
    bounds = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    parts = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = html.escape(text[a:b]).replace("\n", "<br>\n")
        cover = [f for s, e, f in spans if s <= a and b <= e]
        if cover:
            tip = html.escape(", ".join(dict.fromkeys(cover)))
            parts.append(f'<mark style="background:{colour[cover[0]]}" title="{tip}">{piece}'
                         "</mark>")
        else:
            parts.append(piece)
    counts = {f: sum(1 for *_, g in spans if g == f) for f in features}
    legend = "".join(f'<li><mark style="background:{colour[f]}">{html.escape(f)}</mark> '
                     f"({counts[f]})</li>" for f in features)
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>body{{font-family:Georgia,serif;"
            "max-width:46em;margin:2em auto;line-height:1.5}}mark{{padding:0 1px}}"
            "ul{{font-family:sans-serif;font-size:90%;columns:2}}</style></head><body>"
            f"<h1>{html.escape(title)}</h1><ul>{legend}</ul><div>{''.join(parts)}</div>"
            "</body></html>\n")
