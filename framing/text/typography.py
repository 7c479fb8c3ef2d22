"""Offset-preserving typography normalisation.

Curly quotes, guillemets, primes, dashes and exotic spaces are mapped one
character to one character, so every offset computed on the normalised text is
valid in the raw text. Rules downstream (sentence splitting, quotation
matching) can then look for ``"`` and ``'`` only.
"""

from __future__ import annotations

import re

from ..native import c_extension

# Each key maps to exactly one character: len(normalize_typography(t)) == len(t).
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u3003\uff02\u301d\u301e"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2039\u203a\u2032\uff07"
_HYPHENS = "\u2010\u2011\u00ad"
_DASHES = "\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_SPACES = ("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
           "\u202f\u205f\u3000\u200b\ufeff")

_MAP = {**{c: '"' for c in _DOUBLE_QUOTES}, **{c: "'" for c in _SINGLE_QUOTES},
        **{c: "-" for c in _HYPHENS}, **{c: "\u2014" for c in _DASHES},
        **{c: " " for c in _SPACES}, "\u2028": "\n"}
# str.translate walks every character through a dict; a regex touches only the
# few characters that change, which is an order of magnitude faster on news text.
_VARIANT_CHARS = "".join(sorted(_MAP))
_VARIANTS = re.compile("[" + _VARIANT_CHARS + "]")
# the same substitution in one pass, by framing/text/_cscan.c where it is built
_PLAIN_CHARS = "".join(_MAP[c] for c in _VARIANT_CHARS)
_cscan = c_extension("framing.text._cscan")

# Two-character quotation marks: ``''...''`` and ````...''`` (LDC / New York Times
# convention, also TeX). Runs of two or three apostrophes (three = a double mark
# next to a single one) and pairs of backticks; a run between two letters is left alone.
_PAIRED = re.compile(r"(?<![A-Za-z0-9])'{2,3}|'{2,3}(?![A-Za-z0-9])|``")
_BEFORE_OPENING_PAIR = frozenset(" \t\n\r([{\u2014-/")


def _paired_marks(norm: str) -> str:
    """Rewrite two-character quotation marks as one ``"`` and one space, in place.

    The ``"`` sits next to the quoted words (``␣"Hey`` when opening, ``Hey"␣``
    when closing) so the quotation rules see an ordinary straight mark; a third
    apostrophe stays a single quote on the outer side.
    """
    def one(m: re.Match[str]) -> str:
        run = m.group()
        if run == "``":
            return ' "'
        i = m.start()
        opening = i == 0 or norm[i - 1] in _BEFORE_OPENING_PAIR
        if len(run) == 2:
            return ' "' if opening else '" '
        return " \"'" if opening else "'\" "
    return _PAIRED.sub(one, norm)


#: Characters that open a quotation in raw text, by the straight mark they normalise to.
OPENING_DOUBLE = '"\u201c\u201e\u201f\u00ab\u301d'
OPENING_SINGLE = "'\u2018\u201a\u201b\u2039"


def normalize_typography(text: str) -> str:
    """Map typographic variants to plain forms without changing the length.

    ``“ ” „ « » ″`` become ``"``; ``‘ ’ ‚ ‹ › ′`` become ``'``; en/em dashes,
    minus signs and figure dashes become ``—``; soft and non-breaking hyphens
    become ``-``; non-breaking, thin and zero-width spaces become a space;
    the line separator (U+2028) becomes ``\\n``. Two-character quotation
    marks (``''...''`` and ````...''``, as in LDC news corpora) become one
    ``"`` next to the quoted words plus one space.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        Same length as ``text``; ``text[i]`` and the result's ``[i]`` are the
        same character or its plain form.

    Examples
    --------
    >>> normalize_typography("\u201cNo,\u201d she said \u2014 \u00abnever\u00bb.")
    '"No," she said \u2014 "never".'
    """
    if text.isascii():
        norm = text
    elif _cscan is not None:
        norm = _cscan.map_chars(text, _VARIANT_CHARS, _PLAIN_CHARS)
    else:
        norm = _VARIANTS.sub(lambda m: _MAP[m.group()], text)
    if "''" in norm or "``" in norm:
        norm = _paired_marks(norm)
    return norm
