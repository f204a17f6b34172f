"""Dates as JSON Resume keeps them: "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "" means present."""

from __future__ import annotations

import re

from resume_app.core.errors import InputError

ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
PRESENT_WORDS = frozenset({"present", "current", "now", "today", "ongoing"})
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{4})$")
_NUMERIC_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.](\d{4})$")


def normalize_date(text: str) -> str:
    """Turn what a person types ("Mar 2021", "03/2021", "2021-03", "present") into the stored form."""
    cleaned = " ".join(text.split())
    if not cleaned or cleaned.lower() in PRESENT_WORDS:
        return ""
    if ISO_DATE.match(cleaned):
        return cleaned
    match = _MONTH_YEAR.match(cleaned)
    if match and match.group(1).lower() in MONTHS:
        return f"{match.group(2)}-{MONTHS[match.group(1).lower()]:02d}"
    match = _NUMERIC_MONTH_YEAR.match(cleaned)
    if match and 1 <= int(match.group(1)) <= 12:
        return f"{match.group(2)}-{int(match.group(1)):02d}"
    raise InputError(f'"{cleaned}" is not a date: write it like 2021, Mar 2021 or 2021-03.')


def display_date(value: str, empty: str = "Present") -> str:
    """A stored date as people read it: "Mar 2021", "2021", or `empty`."""
    if not value:
        return empty
    parts = value.split("-")
    if len(parts) >= 2:
        month = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[int(parts[1]) - 1]
        return f"{month} {parts[0]}"
    return parts[0]
