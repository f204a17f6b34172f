"""Find date ranges in a line of resume text: "Jan 2020 – Present", "01/2020 - 03/2022",
"2019–2021", "Summer 2018", "Mar. 2021 to Current", "May 2018".

Dates come back in JSON Resume form ("2020", "2020-01"); an open end is "".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resume_app.core.dates import MONTHS

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_SEASONS = "spring|summer|fall|autumn|winter"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
# One date: "Jan 2020", "Jan. 2020", "January, 2020", "01/2020", "1/2020", "2020-01", "2020/01", "2020 / 01",
# "Summer 2020",
# "2020 Mar." (year first, as Typst and European templates print it; the month capitalised, so
# "2019 may" in prose stays a year), "2020".
_DATE = (
    rf"(?:(?P<{{p}}month>{_MONTH_NAMES})\.?,?\s*(?P<{{p}}myear>{_YEAR})"
    rf"|(?P<{{p}}ymyear>{_YEAR})\s+(?-i:(?=[A-Z]))(?P<{{p}}ymonth>{_MONTH_NAMES})(?![a-z])\.?"
    rf"|(?P<{{p}}num>0?[1-9]|1[0-2])\s*[/.]\s*(?P<{{p}}nyear>{_YEAR})"
    # "2016/09", "2016-09", and LaTeX CVs' "2011 / 11" (a slash set apart, never a dash:
    # "2010 - 11" is a range of years).
    rf"|(?P<{{p}}iyear>{_YEAR})(?:[-/]|\s/\s)(?P<{{p}}imonth>0[1-9]|1[0-2])(?![\d/])"
    rf"|(?:{_SEASONS})\s+(?P<{{p}}syear>{_YEAR})"
    rf"|(?P<{{p}}year>{_YEAR}))"
)
_PRESENT = r"(?:present|current|currently|now|today|ongoing|date)"
_SEPARATOR = r"\s*(?:-{1,2}|–|—|‒|―|~|to|until|till|through|thru|and|&)\s*"
_RANGE = re.compile(
    # Not inside a word, path or dotted number (a DOI "10.1234/icml.2022.9012", a version).
    rf"(?<![\w/.])(?:{_DATE.format(p='s')})(?:{_SEPARATOR}(?:(?P<present>{_PRESENT})|{_DATE.format(p='e')}))?(?![\w/]|\.\d)",
    re.IGNORECASE,
)
# "Sep 15 - NOW", "Jan 15 – Sep 15": month and two-digit year, read only as a range (with a
# month on both ends, or up to the present), because "May 15" alone is more often a day.
_SHORT = rf"(?P<{{p}}month>{_MONTH_NAMES})\.?\s*'?(?P<{{p}}yy>\d{{{{2}}}})"
_SHORT_RANGE = re.compile(
    rf"(?<![\w/.]){_SHORT.format(p='s')}{_SEPARATOR}(?:(?P<present>{_PRESENT})|{_SHORT.format(p='e')})(?![\w/]|\.\d|,?\s*(?:19|20)\d\d)",
    re.IGNORECASE,
)
# A two-digit year up to this many years ahead of the century's is this century's ("15" -> 2015).
_CENTURY_PIVOT = 40
# "2022 -" with nothing after: an open range (Awesome-CV community roles).
_OPEN_END = re.compile(r"\s*(?:-{1,2}|–|—)\s*$")


@dataclass(frozen=True)
class DateRange:
    start: str
    end: str  # "" = present
    # Where the range sits in the line, to cut it out of the title.
    begin: int
    finish: int
    # A bare year ("2019") may be part of a title ("Python 2019 Conference"): less sure.
    confidence: float


def _one(match: re.Match[str], prefix: str) -> str | None:
    group = match.groupdict()
    if group.get(f"{prefix}month"):
        return f"{group[f'{prefix}myear']}-{MONTHS[group[f'{prefix}month'].lower()]:02d}"
    if group.get(f"{prefix}ymonth"):
        return f"{group[f'{prefix}ymyear']}-{MONTHS[group[f'{prefix}ymonth'].lower()]:02d}"
    if group.get(f"{prefix}num"):
        return f"{group[f'{prefix}nyear']}-{int(group[f'{prefix}num']):02d}"
    if group.get(f"{prefix}iyear"):
        return f"{group[f'{prefix}iyear']}-{group[f'{prefix}imonth']}"
    for key in ("syear", "year"):
        if group.get(f"{prefix}{key}"):
            return group[f"{prefix}{key}"]
    return None


def _short_date(match: re.Match[str], prefix: str) -> str:
    two_digits = int(match.group(f"{prefix}yy"))
    year = 2000 + two_digits if two_digits <= _CENTURY_PIVOT else 1900 + two_digits
    return f"{year}-{MONTHS[match.group(f'{prefix}month').lower()]:02d}"


def find_date_ranges(line: str) -> list[DateRange]:
    """Every date or date range in `line`, left to right."""
    found = []
    for match in _SHORT_RANGE.finditer(line):
        end = "" if match.group("present") else _short_date(match, "e")
        found.append(DateRange(_short_date(match, "s"), end, match.start(), match.end(), 0.85))
    short_spans = [(date.begin, date.finish) for date in found]
    for match in _RANGE.finditer(line):
        start = _one(match, "s")
        if start is None or any(begin < match.end() and match.start() < end for begin, end in short_spans):
            continue
        finish = match.end()
        if match.group("present"):
            end, confidence = "", 0.95
        elif (end_date := _one(match, "e")) is not None:
            end, confidence = end_date, 0.95
        else:
            open_end = _OPEN_END.match(line[match.end() :])
            # A single date is both start and end, unless a dash after it leaves it open.
            end = "" if open_end else start
            finish += len(open_end.group(0)) if open_end else 0
            # Group "syear" is the start's bare year ("2019"): often a date, sometimes not.
            confidence = 0.6 if match.group("syear") else 0.85
        found.append(DateRange(start, end, match.start(), finish, confidence))
    return sorted(found, key=lambda date: date.begin)
