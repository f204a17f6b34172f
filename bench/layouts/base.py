"""Shared pieces of the layout generator: the family record, projecting a resume onto what a
layout shows (its exact ground truth), and the date and text formatting the layouts use.

A family renders ONLY its projected truth, and renders all of it: `project()` decides which
fields a layout shows and at which date precision, and the renderer prints every field of that
projection. So the truth written next to a rendered file is exactly what the file shows.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Resume = dict[str, Any]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Keys a family may show, per section; anything else is dropped from the truth.
DEFAULT_KEYS: dict[str, tuple[str, ...]] = {
    "basics": ("name", "label", "email", "phone", "url", "location", "profiles", "summary"),
    "work": ("name", "position", "location", "startDate", "endDate", "highlights"),
    "education": ("institution", "studyType", "area", "score", "location", "startDate", "endDate"),
    "skills": ("name", "keywords"),
    "projects": ("name", "description", "startDate", "endDate", "highlights"),
    "certificates": ("name", "issuer", "date"),
    "awards": ("title", "awarder", "date"),
    "languages": ("language", "fluency"),
    "volunteer": ("organization", "position", "startDate", "endDate", "highlights"),
}

LOCATION_KEYS = ("address", "city", "region", "postalCode", "countryCode")


@dataclass(frozen=True)
class View:
    """What a layout shows: sections and keys, and how precise its dates are."""

    sections: tuple[str, ...] = ("work", "education", "skills", "projects", "certificates", "awards", "languages")
    keys: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_KEYS))
    # "month": dates as precise as the source; "year": years only; "none": no dates at all.
    dates: str = "month"
    # Section names whose dates are not shown even when `dates` is not "none".
    dateless_sections: tuple[str, ...] = ()


@dataclass(frozen=True)
class Family:
    """One layout family: `render(items)` writes each (truth, path) document."""

    name: str
    kind: str  # "html", "docx", "latex", "rendercv"
    ext: str  # "pdf" or "docx"
    traits: str
    project: Callable[[Resume], Resume]
    render: Callable[[list[tuple[Resume, Path]]], None]
    # None when the family can be built here, else one sentence saying why not.
    unavailable: Callable[[], str | None] = lambda: None


@dataclass(frozen=True)
class GeneratedDoc:
    family: str
    path: Path
    truth: Resume

    @property
    def truth_path(self) -> Path:
        return self.path.with_suffix(".json")


# --- projection -------------------------------------------------------------------------------


def _truncate(date: str | None, precision: str) -> str | None:
    if not date:
        return None
    return date[:4] if precision == "year" else date


def _fix_dates(entry: dict[str, Any], precision: str, single_key: str | None = None) -> None:
    """Apply the layout's precision; a lone end date is a single date (start = end)."""
    if precision == "none":
        for key in ("startDate", "endDate", "date", "releaseDate"):
            entry.pop(key, None)
        return
    if single_key and entry.get(single_key):
        entry[single_key] = _truncate(entry[single_key], precision)
    start = _truncate(entry.get("startDate"), precision)
    end = _truncate(entry.get("endDate"), precision)
    if end and not start:
        start = end
    for key, value in (("startDate", start), ("endDate", end)):
        if value:
            entry[key] = value
        else:
            entry.pop(key, None)


def clean(value: Any) -> Any:
    """Drop empty strings, lists and dicts (absent means not shown)."""
    if isinstance(value, dict):
        out = {k: clean(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        out = [clean(v) for v in value]
        return [v for v in out if v not in (None, "", [], {})]
    if isinstance(value, str):
        return value.strip()
    return value


def project(resume: Resume, view: View) -> Resume:
    """The exact truth of a layout with `view` for this resume."""
    source = copy.deepcopy(resume)
    out: Resume = {}
    basics = {k: v for k, v in (source.get("basics") or {}).items() if k in view.keys["basics"]}
    if isinstance(basics.get("location"), dict):
        basics["location"] = {k: v for k, v in basics["location"].items() if k in LOCATION_KEYS}
    if "profiles" in basics:
        profiles = []
        for profile in basics["profiles"]:
            kept = {k: profile[k] for k in ("network", "username") if profile.get(k)}
            if not kept.get("username") and profile.get("url"):
                kept["url"] = profile["url"]
            if kept:
                profiles.append(kept)
        basics["profiles"] = profiles
    out["basics"] = basics
    for section in view.sections:
        entries = []
        for entry in source.get(section) or []:
            if not isinstance(entry, dict):
                continue
            kept = {k: v for k, v in entry.items() if k in view.keys.get(section, ())}
            precision = "none" if section in view.dateless_sections else view.dates
            _fix_dates(kept, precision, single_key="date" if section in ("certificates", "awards") else None)
            kept = clean(kept)
            if kept:
                entries.append(kept)
        if entries:
            out[section] = entries
    return clean(out)


# --- formatting -------------------------------------------------------------------------------


def fmt_date(date: str, style: str = "mon") -> str:
    """ "2021-03" as "Mar 2021" (mon), "March 2021" (month), "03/2021" (num), "2021-03" (iso)."""
    if len(date) == 4 or style == "iso":
        return date
    year, month = date[:4], int(date[5:7])
    if style == "num":
        return f"{month:02d}/{year}"
    name = MONTHS[month - 1]
    return f"{name if style == 'month' else name[:3]} {year}"


def fmt_range(entry: dict[str, Any], style: str = "mon", sep: str = " – ", present: str = "Present") -> str:
    start, end = entry.get("startDate"), entry.get("endDate")
    if not start and not end:
        return ""
    if start and end and start == end:
        return fmt_date(start, style)
    if start and not end:
        return f"{fmt_date(start, style)}{sep}{present}"
    return f"{fmt_date(start or end, style)}{sep}{fmt_date(end, style)}"


def fmt_location(location: Any) -> str:
    if isinstance(location, str):
        return location
    if not isinstance(location, dict):
        return ""
    parts = [location.get(k) for k in LOCATION_KEYS]
    return ", ".join(p for p in parts if p)


def fmt_degree(entry: dict[str, Any]) -> str:
    study, area = entry.get("studyType", ""), entry.get("area", "")
    if study and area:
        return f"{study} in {area}"
    return study or area


def fmt_score(score: str) -> str:
    return score if re.search(r"[A-Za-z]", score) else f"GPA: {score}"


def fmt_profile(profile: dict[str, Any]) -> str:
    value = profile.get("username") or profile.get("url") or ""
    network = profile.get("network", "")
    return f"{network}: {value}" if network and value else network or value


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def inline_list(keywords: list[str]) -> bool:
    """Keywords short enough to print as "Category: a, b, c" without losing their split."""
    return all(len(k) <= 40 and "," not in k and ";" not in k for k in keywords)
