"""Which sections a resume can have and how each maps to JSON Resume.

One table drives the JSON Resume reader and writer, the database columns an
entry field lands in, and the labelled inputs of the editor, so a section is
described once.
"""

from __future__ import annotations

from dataclasses import dataclass

# Entry attributes that have their own column; every other field goes to `details`.
ENTRY_ATTRIBUTES = ("title", "organization", "location", "start_date", "end_date", "url", "summary")


@dataclass(frozen=True)
class FieldSpec:
    json_key: str
    label: str
    # An Entry attribute, or None: the value lives in Entry.details[json_key].
    attribute: str | None = None
    # text, long (multi-line), date, or list (of strings).
    kind: str = "text"


@dataclass(frozen=True)
class SectionSpec:
    kind: str
    heading: str
    fields: tuple[FieldSpec, ...] = ()
    # The JSON key holding the entry's bullets, when it has them.
    bullets_key: str | None = "highlights"
    # Older JSON Resume spellings, read but never written.
    aliases: tuple[tuple[str, str], ...] = ()

    def field(self, json_key: str) -> FieldSpec | None:
        return next((spec for spec in self.fields if spec.json_key == json_key), None)

    def field_for_attribute(self, attribute: str) -> FieldSpec | None:
        return next((spec for spec in self.fields if spec.attribute == attribute), None)


def _f(json_key: str, label: str, attribute: str | None = None, kind: str = "text") -> FieldSpec:
    return FieldSpec(json_key=json_key, label=label, attribute=attribute, kind=kind)


_LOCATION = _f("location", "Location", "location")
_START = _f("startDate", "Start", "start_date", "date")
_END = _f("endDate", "End", "end_date", "date")
_URL = _f("url", "Website", "url")
_SUMMARY = _f("summary", "Summary", "summary", "long")

SECTION_SPECS: dict[str, SectionSpec] = {
    spec.kind: spec
    for spec in (
        SectionSpec(
            "work",
            "Experience",
            (
                _f("position", "Position", "title"),
                _f("name", "Company", "organization"),
                _LOCATION,
                _START,
                _END,
                _URL,
                _SUMMARY,
                _f("description", "Description", kind="long"),
            ),
            aliases=(("company", "name"), ("website", "url")),
        ),
        SectionSpec(
            "volunteer",
            "Volunteer",
            (
                _f("position", "Role", "title"),
                _f("organization", "Organization", "organization"),
                _LOCATION,
                _START,
                _END,
                _URL,
                _SUMMARY,
            ),
            aliases=(("website", "url"),),
        ),
        SectionSpec(
            "education",
            "Education",
            (
                _f("studyType", "Degree", "title"),
                _f("institution", "Institution", "organization"),
                _f("area", "Field of study"),
                _f("score", "GPA / score"),
                _LOCATION,
                _START,
                _END,
                _URL,
                _f("courses", "Courses", kind="list"),
            ),
            aliases=(("gpa", "score"), ("website", "url")),
        ),
        SectionSpec(
            "projects",
            "Projects",
            (
                _f("name", "Project", "title"),
                _f("entity", "Organization", "organization"),
                _f("description", "Description", "summary", "long"),
                _START,
                _END,
                _URL,
                _f("roles", "Roles", kind="list"),
                _f("keywords", "Keywords", kind="list"),
                _f("type", "Type"),
            ),
            aliases=(("website", "url"),),
        ),
        SectionSpec(
            "awards",
            "Awards",
            (
                _f("title", "Award", "title"),
                _f("awarder", "Awarded by", "organization"),
                _f("date", "Date", kind="date"),
                _LOCATION,
                _START,
                _END,
                _SUMMARY,
            ),
        ),
        SectionSpec(
            "certificates",
            "Certifications",
            (
                _f("name", "Certificate", "title"),
                _f("issuer", "Issuer", "organization"),
                _f("date", "Date", kind="date"),
                _URL,
            ),
            bullets_key=None,
        ),
        SectionSpec(
            "publications",
            "Publications",
            (
                _f("name", "Title", "title"),
                _f("publisher", "Publisher", "organization"),
                _f("releaseDate", "Date", kind="date"),
                _URL,
                _SUMMARY,
                _f("authors", "Authors", kind="list"),
                _f("doi", "DOI"),
            ),
            bullets_key=None,
            aliases=(("website", "url"),),
        ),
        SectionSpec("languages", "Languages", (_f("language", "Language", "title"), _f("fluency", "Fluency")), None),
        SectionSpec(
            "interests", "Interests", (_f("name", "Interest", "title"), _f("keywords", "Keywords", kind="list")), None
        ),
        SectionSpec(
            "references",
            "References",
            (_f("name", "Name", "title"), _f("reference", "Reference", "summary", "long")),
            None,
        ),
        SectionSpec("skills", "Skills", bullets_key=None),
    )
}

# The order a new resume shows its sections in.
SECTION_ORDER = tuple(SECTION_SPECS)


def heading(kind: str) -> str:
    return SECTION_SPECS[kind].heading
