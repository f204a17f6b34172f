"""The resume as plain data: what every other layer reads and writes.

A resume is a contact block, a summary and an ordered list of sections. Entry
sections (work, education, projects, ...) hold entries with bullets; the skills
section holds skills. Every section, entry, bullet and skill has a stable id, so
a tailored version can refer to bullets by id and an edit shows everywhere.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

LOW_CONFIDENCE = 0.7


def confidence_key(item_id: str, field_name: str) -> str:
    """The key of one field's confidence: "contact.email", "<entry id>.startDate", "<bullet id>.text"."""
    return f"{item_id}.{field_name}"


def new_id() -> str:
    """A random id, unique across workspaces, safe in URLs."""
    return uuid.uuid4().hex


@dataclass
class Profile:
    network: str = ""
    username: str = ""
    url: str = ""


@dataclass
class Location:
    address: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country_code: str = ""


@dataclass
class Contact:
    name: str = ""
    label: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    image: str = ""
    location: Location = field(default_factory=Location)
    profiles: list[Profile] = field(default_factory=list)


@dataclass
class Bullet:
    text: str = ""
    id: str = field(default_factory=new_id)
    hidden: bool = False


@dataclass
class Entry:
    """One item of a section: a job, a degree, a project, an award...

    `title` and `organization` carry the section's two main names (position and
    company, degree and institution, project name and entity...), see
    core.sections. Section-specific scalars and lists live in `details`
    under their JSON Resume key (area, score, courses, roles, x-section...).
    """

    title: str = ""
    organization: str = ""
    location: str = ""
    start_date: str = ""
    end_date: str = ""
    url: str = ""
    summary: str = ""
    bullets: list[Bullet] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)
    hidden: bool = False


@dataclass
class Skill:
    name: str = ""
    level: str = ""
    keywords: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    hidden: bool = False


@dataclass
class Section:
    """A heading of the resume. `kind` is its JSON Resume key (work, skills...)."""

    kind: str
    entries: list[Entry] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    hidden: bool = False


@dataclass
class UnplacedLine:
    """A line of the imported file that the importer could not put in a field.

    `text` is what was left over (the whole line, or its words no field holds) and `line`
    the line it came from; `section` is the JSON Resume key of the section it sat in
    ("work"), "header" above the first heading, "other" under a heading we don't map.
    """

    text: str
    line: str = ""
    section: str = ""
    heading: str = ""
    # Why it is here: "" = the importer could not place it; otherwise what it was taken
    # for and left out on purpose ("page header or footer").
    reason: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class ImportReport:
    """How much of the imported file's text the resume holds, and what it could not place."""

    words: int = 0
    placed_words: int = 0
    unplaced: list[UnplacedLine] = field(default_factory=list)

    @property
    def placed_share(self) -> float:
        return self.placed_words / self.words if self.words else 1.0

    def needing_review(self) -> list[UnplacedLine]:
        return [line for line in self.unplaced if not line.reason]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImportReport:
        known = {name for name in UnplacedLine.__dataclass_fields__}
        lines = [UnplacedLine(**{k: v for k, v in line.items() if k in known}) for line in data.get("unplaced", [])]
        return cls(words=int(data.get("words", 0)), placed_words=int(data.get("placed_words", 0)), unplaced=lines)


# The tenses a current role's bullets can be written in (Resume.current_tense).
TENSES = ("present", "past")


@dataclass
class Resume:
    contact: Contact = field(default_factory=Contact)
    summary: str = ""
    sections: list[Section] = field(default_factory=list)
    # JSON Resume keys we carry without editing them: meta, $schema, x-*.
    extra: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)
    # The name the person gives this resume in their library.
    title: str = ""
    # How sure the importer was of each field it filled, 0..1, by confidence_key();
    # fields not listed were typed by the person. The editor flags the unsure ones.
    confidence: dict[str, float] = field(default_factory=dict)
    # What the importer could not place (None for a resume that was not imported from PDF/DOCX).
    import_report: ImportReport | None = None
    # The tense the person writes their current role's bullets in: "present" or "past";
    # "" until they choose (the writing suggestions then follow what most of them use).
    current_tense: str = ""

    def section(self, kind: str) -> Section | None:
        return next((section for section in self.sections if section.kind == kind), None)

    def ensure_section(self, kind: str) -> Section:
        section = self.section(kind)
        if section is None:
            section = Section(kind=kind)
            self.sections.append(section)
        return section

    def entries(self) -> list[Entry]:
        return [entry for section in self.sections for entry in section.entries]

    def bullets(self) -> list[Bullet]:
        return [bullet for entry in self.entries() for bullet in entry.bullets]

    def shown_entries(self, visible_only: bool) -> list[tuple[Entry, list[Bullet]]]:
        """Each entry with its bullets; with `visible_only`, what hidden flags leave out is skipped."""
        return [
            (entry, [bullet for bullet in entry.bullets if not (visible_only and bullet.hidden)])
            for section in self.sections
            if not (visible_only and section.hidden)
            for entry in section.entries
            if not (visible_only and entry.hidden)
        ]

    def text_parts(self, visible_only: bool) -> tuple[str, list[str]]:
        """The resume's words outside bullets (name, summaries, titles, skills) as one text,
        and its bullet texts; with `visible_only`, what hidden flags leave out is skipped."""
        parts, bullets = [self.contact.name, self.summary], []
        for entry, shown in self.shown_entries(visible_only):
            parts += [entry.title, entry.organization, entry.summary]
            bullets += [bullet.text for bullet in shown]
        for section in self.sections:
            if not (visible_only and section.hidden):
                parts += [" ".join([skill.name, *skill.keywords]) for skill in section.skills]
        return "\n".join(part for part in parts if part), bullets


@dataclass
class JobPosting:
    text: str
    title: str = ""
    company: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class TailoredVersion:
    """One resume tailored to one posting: which master bullets it shows, in which order.

    Bullets are referred to by id, so editing a bullet in the master shows in every
    version that uses it; a bullet deleted from the master simply drops out. Fitting the
    version to a page budget may also leave out whole entries (of optional sections) and the
    paragraph under an entry's title: those are listed by entry id.
    """

    resume_id: str
    name: str
    bullet_ids: list[str] = field(default_factory=list)
    job_posting_id: str | None = None
    id: str = field(default_factory=new_id)
    left_out_entry_ids: list[str] = field(default_factory=list)
    left_out_summary_ids: list[str] = field(default_factory=list)
    # The pages the version is fitted to (0: none chosen yet, the page offers the master's count).
    page_budget: int = 0

    def apply(self, master: Resume) -> Resume:
        """The master as this version shows it."""
        return apply_version(master, self.bullet_ids, self.left_out_entry_ids, self.left_out_summary_ids)


def apply_version(
    resume: Resume,
    bullet_ids: list[str],
    left_out_entry_ids: list[str] | tuple[str, ...] = (),
    left_out_summary_ids: list[str] | tuple[str, ...] = (),
) -> Resume:
    """A copy of `resume` showing only the chosen bullets, in the version's order
    within each entry (entries keep their place; the rest of the resume is unchanged),
    without the entries and entry paragraphs the version leaves out."""
    import copy

    tailored = copy.deepcopy(resume)
    position = {bullet_id: index for index, bullet_id in enumerate(bullet_ids)}
    hidden_entries, hidden_summaries = set(left_out_entry_ids), set(left_out_summary_ids)
    for entry in tailored.entries():
        for bullet in entry.bullets:
            bullet.hidden = bullet.id not in position
        entry.bullets.sort(key=lambda bullet: position.get(bullet.id, len(position)))
        if entry.id in hidden_entries:
            entry.hidden = True
        if entry.id in hidden_summaries:
            entry.summary = ""
    return tailored
