"""Is this text a place? "San Francisco, CA", "Kent, Ohio", "Istanbul, Türkiye", "Remote".

Only regions people write after a city count (US states and their codes, Canadian
provinces, countries), so "Gilmore Financial, New Orleans" is not read as a place.
"""

from __future__ import annotations

import re

_US_STATES = [
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "Wisconsin",
    "Wyoming",
] + [
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "West Virginia",
    "District of Columbia",
]
_PROVINCES = [
    "Alberta",
    "British Columbia",
    "Manitoba",
    "New Brunswick",
    "Newfoundland",
    "Nova Scotia",
    "Ontario",
    "Quebec",
    "Saskatchewan",
]
_COUNTRIES = [
    "USA",
    "US",
    "UK",
    "UAE",
    "Canada",
    "Mexico",
    "Brazil",
    "Argentina",
    "Chile",
    "Colombia",
    "Peru",
    "Germany",
    "France",
    "Spain",
    "Portugal",
    "Italy",
    "Netherlands",
    "Belgium",
    "Switzerland",
    "Austria",
    "Sweden",
    "Norway",
    "Denmark",
    "Finland",
    "Ireland",
    "Poland",
    "Czechia",
    "Hungary",
    "Romania",
    "Greece",
    "Turkey",
    "Türkiye",
    "Israel",
    "Egypt",
    "Nigeria",
    "Kenya",
    "India",
    "Pakistan",
    "Bangladesh",
    "China",
    "Japan",
    "Korea",
    "S.Korea",
    "Singapore",
    "Malaysia",
    "Indonesia",
    "Philippines",
    "Vietnam",
    "Thailand",
    "Australia",
    "Zealand",
    "England",
    "Scotland",
    "Wales",
    "Ukraine",
    "Russia",
] + [
    "United States",
    "United Kingdom",
    "South Korea",
    "Republic of Korea",
    "New Zealand",
    "South Africa",
    "Hong Kong",
    "Saudi Arabia",
]
_REGIONS = "|".join(re.escape(name) for name in sorted(_US_STATES + _PROVINCES + _COUNTRIES, key=len, reverse=True))
_CITY = r"[A-Z][A-Za-zÀ-ÿ.'’-]+(?: [A-Z][A-Za-zÀ-ÿ.'’-]+){0,3}"
# "City, ST 12345", "City, State", "City, Country", "Neighbourhood, City, Country".
PLACE = re.compile(rf"\b(?:{_CITY}, )?({_CITY}), ([A-Z]{{2}}|{_REGIONS})(?: (\d{{5}}))?\b")
_REMOTE = re.compile(r"^(remote|hybrid|on-?site)\b", re.IGNORECASE)


_REGION = re.compile(rf"(?:[A-Z]{{2}}|{_REGIONS})")


def is_region(text: str) -> bool:
    """A state, province or country on its own: "CA", "Ohio", "Türkiye"."""
    return bool(_REGION.fullmatch(text.strip()))


def is_place(text: str) -> bool:
    text = text.strip()
    return bool(_REMOTE.match(text) or PLACE.fullmatch(text))


def find_place(text: str) -> re.Match[str] | None:
    return PLACE.search(text)
