"""Edits to a Resume, by id. Pure functions: the editor and the tests share them."""

from __future__ import annotations

import copy
from typing import Any

from resume_app.core.dates import normalize_date
from resume_app.core.errors import InputError
from resume_app.core.model import (
    Bullet,
    Entry,
    Profile,
    Resume,
    Section,
    Skill,
    UnplacedLine,
    confidence_key,
    new_id,
)
from resume_app.core.sections import SECTION_SPECS

CONTACT_FIELDS = ("name", "label", "email", "phone", "url")
LOCATION_FIELDS = ("address", "city", "region", "postal_code", "country_code")
MAX_TEXT_LENGTH = 10_000


def with_new_ids(resume: Resume) -> Resume:
    """A deep copy whose resume, sections, entries, bullets and skills all have fresh ids."""
    duplicate = copy.deepcopy(resume)
    duplicate.id = new_id()
    for section in duplicate.sections:
        section.id = new_id()
        for skill in section.skills:
            skill.id = new_id()
        for entry in section.entries:
            entry.id = new_id()
            for bullet in entry.bullets:
                bullet.id = new_id()
    return duplicate


def _clean(text: str) -> str:
    if not isinstance(text, str):
        raise InputError("Only text can be typed here.")
    if len(text) > MAX_TEXT_LENGTH:
        raise InputError(f"This field can hold at most {MAX_TEXT_LENGTH:,} characters.")
    return text


def find_entry(resume: Resume, entry_id: str) -> tuple[Section, Entry]:
    for section in resume.sections:
        for entry in section.entries:
            if entry.id == entry_id:
                return section, entry
    raise InputError("That entry no longer exists; reload the page.")


def find_bullet(resume: Resume, bullet_id: str) -> tuple[Entry, Bullet]:
    for entry in resume.entries():
        for bullet in entry.bullets:
            if bullet.id == bullet_id:
                return entry, bullet
    raise InputError("That bullet no longer exists; reload the page.")


def find_skill(resume: Resume, skill_id: str) -> tuple[Section, Skill]:
    for section in resume.sections:
        for skill in section.skills:
            if skill.id == skill_id:
                return section, skill
    raise InputError("That skill no longer exists; reload the page.")


def move(items: list[Any], item_id: str, offset: int) -> bool:
    """Move the item with `item_id` by `offset` places, clamped to the list; True if it moved."""
    index = next(i for i, item in enumerate(items) if item.id == item_id)
    target = max(0, min(len(items) - 1, index + offset))
    if target == index:
        return False
    items.insert(target, items.pop(index))
    return True


def _checked_by_person(resume: Resume, item_id: str, field: str) -> None:
    """A field the person has edited is no longer the importer's guess."""
    resume.confidence.pop(confidence_key(item_id, field), None)


def confirm_guess(resume: Resume, item_id: str, field: str) -> None:
    """The person checked a value the importer guessed and keeps it as it is."""
    _checked_by_person(resume, item_id, field)


def set_contact_field(resume: Resume, field: str, value: str) -> None:
    value = _clean(value)
    _checked_by_person(resume, "contact", field)
    if field == "summary":
        resume.summary = value
    elif field in CONTACT_FIELDS:
        setattr(resume.contact, field, value)
    elif field in LOCATION_FIELDS:
        setattr(resume.contact.location, field, value)
    else:
        raise InputError(f"Unknown contact field {field}.")


def add_profile(resume: Resume) -> None:
    resume.contact.profiles.append(Profile())


def set_profile_field(resume: Resume, index: int, field: str, value: str) -> None:
    if field not in ("network", "username", "url") or not 0 <= index < len(resume.contact.profiles):
        raise InputError("That profile no longer exists; reload the page.")
    setattr(resume.contact.profiles[index], field, _clean(value))


def delete_profile(resume: Resume, index: int) -> None:
    if 0 <= index < len(resume.contact.profiles):
        resume.contact.profiles.pop(index)


def add_section(resume: Resume, kind: str) -> Section:
    if kind not in SECTION_SPECS:
        raise InputError(f"Unknown section {kind}.")
    section = resume.ensure_section(kind)
    # Something goes into the section now: the importer's "nothing read here" flag is answered.
    resume.confidence.pop(confidence_key(section.id, "entries"), None)
    return section


def add_entry(resume: Resume, kind: str) -> Entry:
    entry = Entry()
    add_section(resume, kind).entries.insert(0, entry)
    return entry


def delete_entry(resume: Resume, entry_id: str) -> None:
    section, entry = find_entry(resume, entry_id)
    section.entries.remove(entry)


def set_entry_field(resume: Resume, entry_id: str, json_key: str, value: str) -> None:
    """Set one field of an entry by its JSON Resume key; list fields take comma-separated text."""
    section, entry = find_entry(resume, entry_id)
    spec = SECTION_SPECS[section.kind].field(json_key)
    if spec is None:
        raise InputError(f"{SECTION_SPECS[section.kind].heading} entries have no field {json_key}.")
    value = _clean(value)
    _checked_by_person(resume, entry_id, json_key)
    parsed: Any = value
    if spec.kind == "list":
        parsed = [part.strip() for part in value.split(",") if part.strip()]
    elif spec.kind == "date":
        parsed = normalize_date(value)
    if spec.attribute:
        setattr(entry, spec.attribute, parsed)
    elif parsed:
        entry.details[json_key] = parsed
    else:
        entry.details.pop(json_key, None)


def add_bullet(resume: Resume, entry_id: str, text: str = "") -> Bullet:
    _, entry = find_entry(resume, entry_id)
    bullet = Bullet(text=_clean(text))
    entry.bullets.append(bullet)
    return bullet


def set_bullet_text(resume: Resume, bullet_id: str, text: str) -> None:
    find_bullet(resume, bullet_id)[1].text = _clean(text)
    _checked_by_person(resume, bullet_id, "text")


def delete_bullet(resume: Resume, bullet_id: str) -> None:
    entry, bullet = find_bullet(resume, bullet_id)
    entry.bullets.remove(bullet)


def move_bullet(resume: Resume, bullet_id: str, offset: int) -> bool:
    entry, _ = find_bullet(resume, bullet_id)
    return move(entry.bullets, bullet_id, offset)


def move_entry(resume: Resume, entry_id: str, offset: int) -> bool:
    section, _ = find_entry(resume, entry_id)
    return move(section.entries, entry_id, offset)


def add_skill(resume: Resume) -> Skill:
    skill = Skill()
    add_section(resume, "skills").skills.append(skill)
    return skill


def set_skill_field(resume: Resume, skill_id: str, field: str, value: str) -> None:
    _, skill = find_skill(resume, skill_id)
    value = _clean(value)
    _checked_by_person(resume, skill_id, field)
    if field == "keywords":
        skill.keywords = [part.strip() for part in value.split(",") if part.strip()]
    elif field in ("name", "level"):
        setattr(skill, field, value)
    else:
        raise InputError(f"Skills have no field {field}.")


def delete_skill(resume: Resume, skill_id: str) -> None:
    section, skill = find_skill(resume, skill_id)
    section.skills.remove(skill)


def toggle_hidden(resume: Resume, item_id: str) -> bool:
    """Hide or show the section, entry, bullet or skill with this id; returns the new flag."""
    for section in resume.sections:
        candidates: list[Any] = [section, *section.skills, *section.entries]
        candidates += [bullet for entry in section.entries for bullet in entry.bullets]
        for item in candidates:
            if item.id == item_id:
                item.hidden = not item.hidden
                return item.hidden
    raise InputError("That item no longer exists; reload the page.")


# Lines the importer could not place (Resume.import_report)


def _take_unplaced(resume: Resume, line_id: str) -> UnplacedLine:
    """Remove one not-placed line from the report and return it."""
    report = resume.import_report
    line = next((line for line in report.unplaced if line.id == line_id), None) if report else None
    if line is None:
        raise InputError("That line was already placed or dismissed; reload the page.")
    report.unplaced.remove(line)
    return line


def _count_as_placed(resume: Resume, text: str) -> None:
    resume.import_report.placed_words += len(text.split())


def place_as_bullet(resume: Resume, line_id: str, entry_id: str) -> Bullet:
    """Add a not-placed line as a bullet at the end of an entry."""
    find_entry(resume, entry_id)
    line = _take_unplaced(resume, line_id)
    _count_as_placed(resume, line.text)
    return add_bullet(resume, entry_id, line.text)


def place_as_entry(resume: Resume, line_id: str, kind: str) -> str:
    """Make a new entry (a skill in Skills) of a not-placed line, first in its section; returns its id."""
    add_section(resume, kind)
    line = _take_unplaced(resume, line_id)
    _count_as_placed(resume, line.text)
    if kind == "skills":
        skill = add_skill(resume)
        skill.name = _clean(line.text)
        return skill.id
    entry = add_entry(resume, kind)
    entry.title = _clean(line.text)
    return entry.id


def dismiss_unplaced(resume: Resume, line_id: str) -> None:
    """The person has seen the line and does not want it in the resume."""
    _take_unplaced(resume, line_id)
