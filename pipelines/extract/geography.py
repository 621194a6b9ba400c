"""Region and country names every report page may use, whether or not it lists them in a scope table.

A page's own scope list comes first (its spelling is canonical); these fill in the names it does not list, so
that "North America dominated with a 38% share" is a regional figure even on a page without a scope table.
"""

from __future__ import annotations

import re

from pipelines.extract.name_trie import WORD_SEPARATOR

WORLD_REGIONS = (
    "North America",
    "Europe",
    "Asia Pacific",
    "Latin America",
    "South America",
    "Middle East & Africa",
    "Middle East & North Africa",
    "Middle East",
    "Near East",
    "Africa",
    # Parts of the continents that publishers report on their own: "Western Europe" is not "Europe".
    "Western Europe",
    "Eastern Europe",
    "Central Europe",
    "Northern Europe",
    "Southern Europe",
    "Central & Eastern Europe",
    "Asia",
    "East Asia",
    "Northeast Asia",
    "Southeast Asia",
    "South Asia",
    "Central Asia",
    "Greater China",
    "Oceania",
    "Australasia",
    "Central America",
    "Americas",  # "Europe and the Americas": both continents, as luxury and chip makers report them
    "South & Central America",
    "Sub-Saharan Africa",
    "North Africa",
    "East Africa",
    "West Africa",
    "Central Africa",
    "Southern Africa",
    "Nordics",
    "Benelux",
    "European Union",
    "GCC",
    "CIS",
    "EMEA",
    "Rest of the World",
)

COMMON_COUNTRIES = (
    "New Zealand",
    "Singapore",
    "Indonesia",
    "Malaysia",
    "Thailand",
    "Vietnam",
    "Philippines",
    "Taiwan",
    "Netherlands",
    "Belgium",
    "Sweden",
    "Norway",
    "Denmark",
    "Finland",
    "Poland",
    "Switzerland",
    "Austria",
    "Ireland",
    "Portugal",
    "Turkey",
    "Israel",
    "Egypt",
    "Nigeria",
    "Kenya",
    "Chile",
    "Colombia",
    "Peru",
    "Qatar",
    "Luxembourg",
    "U.S.",
    "Canada",
    "Mexico",
    "Brazil",
    "Argentina",
    "UK",
    "Germany",
    "France",
    "Italy",
    "Spain",
    "Russia",
    "China",
    "Japan",
    "India",
    "South Korea",
    "Australia",
    "Saudi Arabia",
    "U.A.E.",
    "South Africa",
)

# The world regions that lie within a larger one, for a page about the larger one's market ("Middle East held a
# dominant position in the MENA halal food market"): keyed by the larger region's name in WORLD_REGIONS.
SUB_REGIONS = {
    "Middle East & North Africa": ("Middle East", "North Africa", "GCC"),
    "Middle East & Africa": ("Middle East", "Africa", "North Africa", "Sub-Saharan Africa", "GCC"),
    "Asia Pacific": ("Asia", "East Asia", "Northeast Asia", "Southeast Asia", "South Asia", "Greater China",
                     "Oceania", "Australasia"),
    "Europe": ("Western Europe", "Eastern Europe", "Central Europe", "Northern Europe", "Southern Europe",
               "Central & Eastern Europe", "Nordics", "Benelux"),
    "Latin America": ("South America", "Central America"),
}  # fmt: skip


# Other ways pages write the same place, keyed by the normalised name (lower case, '&' for 'and').
ALIASES = {
    "asia pacific": ("APAC", "Asia-Pacific"),
    "asia": ("Asian region",),
    "europe": ("European region",),
    "africa": ("African region",),
    "north america": ("N. America",),
    "western europe": ("West Europe",),
    "eastern europe": ("East Europe",),
    "south & central america": ("Central & South America",),
    "rest of the world": ("Rest of World",),
    "nordics": ("Nordic countries",),
    "european union": ("EU", "EU-27", "EU-28", "EU27", "EU28"),
    "middle east & africa": ("MEA", "Middle East and Africa"),
    "middle east & north africa": ("MENA", "Middle East and North Africa"),
    "latin america": ("LATAM",),
    "south korea": ("Korea", "Republic of Korea"),
    "u.s.": ("United States", "USA", "US", "U.S"),
    "united states": ("U.S.", "USA", "US"),
    "uk": ("United Kingdom", "U.K."),
    "united kingdom": ("UK", "U.K."),
    "u.a.e.": ("United Arab Emirates", "UAE"),
    "uae": ("United Arab Emirates", "U.A.E."),
}


def normalised_place(name: str) -> str:
    """'Asia-Pacific' → 'asia pacific', 'Middle East and Africa' → 'middle east & africa': how names compare."""
    return " ".join(re.split(WORD_SEPARATOR, name.lower())).replace(" and ", " & ")


_CANONICAL_REGIONS = {
    normalised_place(spelling): region
    for region in WORLD_REGIONS
    for spelling in (region, *ALIASES.get(normalised_place(region), ()))
}
_KNOWN_PLACES = frozenset(
    normalised_place(spelling)
    for place in (*WORLD_REGIONS, *COMMON_COUNTRIES)
    for spelling in (place, *ALIASES.get(normalised_place(place), ()))
) | frozenset(normalised_place(alias) for aliases in ALIASES.values() for alias in aliases)


def is_known_place(name: str) -> bool:
    return normalised_place(name) in _KNOWN_PLACES


def without_leading_places(words: list[str]) -> list[str]:
    """'U.S. Aerospace and Defense' → 'Aerospace and Defense' (as words): the market's name without its place."""
    while len(words) > 1 and is_known_place(words[0]):
        words = words[1:]
    return words


def canonical_region(name: str) -> str:
    """'Asia-Pacific', 'APAC', 'asia pacific' → 'Asia Pacific': one name per world region, whatever the page's
    spelling, so that the warehouse holds one region where pages write it differently; any other name as written."""
    return _CANONICAL_REGIONS.get(normalised_place(name), name)
