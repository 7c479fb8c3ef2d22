"""Lexicons shipped with the package: data files with a header naming source and licence.

Each file in this folder is UTF-8 text whose first lines start with ``# ``
(what it is, ``source:``, ``license:``, ``citation:``). :func:`load` returns a
word list (shipped name or user-supplied file in its native format) as a
:class:`Lexicon`; :func:`list_lexicons` lists the shipped ones;
:func:`read_table` loads a TSV table (reporting verbs, source types) as dicts.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from .loading import FORMATS, SHIPPED, Lexicon, list_lexicons, load

__all__ = ["FORMATS", "SHIPPED", "Lexicon", "list_lexicons", "load", "read_header", "read_table"]


def _lines(name: str) -> list[str]:
    files = resources.files(__name__)
    path = files.joinpath(name)
    if not path.is_file():
        available = sorted(p.name for p in files.iterdir()
                           if p.name.endswith((".tsv", ".txt")))
        raise FileNotFoundError(f"no lexicon {name!r} in framing/lexicons; available: "
                                f"{', '.join(available)}")
    return path.read_text("utf-8").splitlines()


@cache
def read_header(name: str) -> tuple[str, ...]:
    """The ``# `` comment lines at the top of lexicon file ``name`` (without the ``# ``)."""
    out = []
    for line in _lines(name):
        if not line.startswith("#"):
            break
        out.append(line[2:] if line.startswith("# ") else line[1:])
    return tuple(out)


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the TSV lexicon ``name`` as dicts keyed by its column header.

    Parameters
    ----------
    name : str
        File name inside ``framing/lexicons`` (e.g. ``"reporting_verbs.tsv"``).

    Returns
    -------
    tuple of dict
        Read-only (cached); copy before changing.

    Examples
    --------
    >>> rows = read_table("reporting_verbs.tsv")
    >>> next(r for r in rows if r["lemma"] == "claim")["category"]
    'distancing'
    """
    rows = [ln for ln in _lines(name) if ln and not ln.startswith("#")]
    if not rows:
        return ()
    columns = rows[0].split("\t")
    out = []
    for i, line in enumerate(rows[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise ValueError(f"framing/lexicons/{name}: data row {i} has {len(cells)} cells, "
                             f"expected {len(columns)} ({', '.join(columns)})")
        out.append(dict(zip(columns, cells, strict=True)))
    return tuple(out)
