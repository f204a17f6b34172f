"""JSON Resume (https://jsonresume.org/schema) in and out.

The reader is strict on purpose: a wrong type or an unknown field is reported
in one sentence naming where it is, rather than silently dropped, because the
person would otherwise lose what they wrote without knowing. Keys starting with
"x-" (the schema's extension convention), `meta` and `$schema` are carried
through unchanged.
"""

from __future__ import annotations

import json
from typing import Any

from resume_app.core.dates import ISO_DATE
from resume_app.core.errors import InputError
from resume_app.core.model import Bullet, Contact, Entry, Location, Profile, Resume, Skill
from resume_app.core.sections import SECTION_SPECS, SectionSpec

# Large enough for any real resume (the biggest corpus file is 12 KB).
MAX_JSON_BYTES = 2 * 1024 * 1024

_CARRIED_TOP_LEVEL = ("meta", "$schema")
_BASICS_TEXT = ("name", "label", "image", "email", "phone", "url", "summary")
_LOCATION_KEYS = {
    "address": "address",
    "city": "city",
    "region": "region",
    "postalCode": "postal_code",
    "countryCode": "country_code",
}
_PROFILE_KEYS = ("network", "username", "url")
_SKILL_KEYS = ("name", "level", "keywords")


def _is_extension(key: str) -> bool:
    return key.startswith("x-")


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if value is None:
        return "null"
    return "text"


def _text(value: Any, where: str) -> str:
    if isinstance(value, str):
        return value
    raise InputError(f"{where} should be text, not {_describe(value)}.")


def _date(value: Any, where: str) -> str:
    text = _text(value, where).strip()
    if text and not ISO_DATE.match(text):
        raise InputError(f'{where} "{text}" is not a date like 2021, 2021-03 or 2021-03-15.')
    return text


def _text_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list):
        raise InputError(f"{where} should be a list of text, not {_describe(value)}.")
    return [_text(item, f"{where}[{index}]") for index, item in enumerate(value)]


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"{where} should be an object, not {_describe(value)}.")
    return value


def _unknown(key: str, where: str) -> InputError:
    return InputError(f'{where} has a field "{key}" that JSON Resume does not define.')


def loads(data: bytes | str) -> Resume:
    """Parse JSON Resume bytes or text into a Resume, or raise InputError."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_JSON_BYTES:
        raise InputError(f"This file is larger than {MAX_JSON_BYTES // (1024 * 1024)} MB, too large for a resume.")
    if not data.strip():
        raise InputError("This file is empty.")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("This file is not UTF-8 text, so it cannot be a JSON Resume.") from None
    except json.JSONDecodeError as error:
        raise InputError(f"This is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}).") from None
    except RecursionError:
        raise InputError("This JSON is nested too deeply to be a resume.") from None
    return from_json_resume(document)


def from_json_resume(document: Any) -> Resume:
    document = _object(document, "The JSON Resume document")
    resume = Resume()
    for key, value in document.items():
        if key == "basics":
            resume.contact, resume.summary = _read_basics(_object(value, "basics"))
        elif key == "skills":
            section = resume.ensure_section("skills")
            if not isinstance(value, list):
                raise InputError(f"skills should be a list, not {_describe(value)}.")
            section.skills = [_read_skill(item, f"skills[{index}]") for index, item in enumerate(value)]
        elif key in SECTION_SPECS:
            if not isinstance(value, list):
                raise InputError(f"{key} should be a list, not {_describe(value)}.")
            section = resume.ensure_section(key)
            section.entries = [
                _read_entry(SECTION_SPECS[key], item, f"{key}[{index}]") for index, item in enumerate(value)
            ]
        elif key in _CARRIED_TOP_LEVEL or _is_extension(key):
            resume.extra[key] = value
        else:
            raise InputError(f'The document has a section "{key}" that JSON Resume does not define.')
    if not resume.contact.name.strip():
        raise InputError("The resume has no name: basics.name is missing or empty.")
    return resume


def _read_basics(basics: dict[str, Any]) -> tuple[Contact, str]:
    contact = Contact()
    summary = ""
    for key, value in basics.items():
        where = f"basics.{key}"
        if key == "summary":
            summary = _text(value, where)
        elif key in _BASICS_TEXT:
            setattr(contact, key, _text(value, where))
        elif key == "location":
            contact.location = _read_location(_object(value, where))
        elif key == "profiles":
            if not isinstance(value, list):
                raise InputError(f"{where} should be a list, not {_describe(value)}.")
            contact.profiles = [_read_profile(item, f"{where}[{index}]") for index, item in enumerate(value)]
        else:
            raise _unknown(key, "basics")
    return contact, summary


def _read_location(value: dict[str, Any]) -> Location:
    location = Location()
    for key, item in value.items():
        if key not in _LOCATION_KEYS:
            raise _unknown(key, "basics.location")
        setattr(location, _LOCATION_KEYS[key], _text(item, f"basics.location.{key}"))
    return location


def _read_profile(value: Any, where: str) -> Profile:
    value = _object(value, where)
    profile = Profile()
    for key, item in value.items():
        if key not in _PROFILE_KEYS:
            raise _unknown(key, where)
        setattr(profile, key, _text(item, f"{where}.{key}"))
    return profile


def _read_skill(value: Any, where: str) -> Skill:
    if isinstance(value, str):  # some tools write skills as bare names
        return Skill(name=value)
    value = _object(value, where)
    skill = Skill()
    for key, item in value.items():
        if key == "keywords":
            skill.keywords = _text_list(item, f"{where}.keywords")
        elif key in _SKILL_KEYS:
            setattr(skill, key, _text(item, f"{where}.{key}"))
        else:
            raise _unknown(key, where)
    return skill


def _read_entry(spec: SectionSpec, value: Any, where: str) -> Entry:
    value = _object(value, where)
    entry = Entry()
    aliases = dict(spec.aliases)
    for raw_key, item in value.items():
        key = raw_key if spec.field(raw_key) else aliases.get(raw_key, raw_key)
        item_where = f"{where}.{raw_key}"
        field = spec.field(key)
        if key == (spec.bullets_key or "highlights"):
            entry.bullets = [Bullet(text=text) for text in _text_list(item, item_where)]
        elif field is not None:
            if field.kind == "list":
                parsed: Any = _text_list(item, item_where)
            elif field.kind == "date":
                parsed = _date(item, item_where)
            else:
                parsed = _text(item, item_where)
            if field.attribute:
                setattr(entry, field.attribute, parsed)
            else:
                entry.details[key] = parsed
        elif _is_extension(key):
            entry.details[key] = item
        elif key in ("location", "startDate", "endDate", "url", "summary"):
            # Fields the schema gives other sections; some templates show them here too.
            attribute = {"startDate": "start_date", "endDate": "end_date"}.get(key, key)
            date_like = key in ("startDate", "endDate")
            setattr(entry, attribute, _date(item, item_where) if date_like else _text(item, item_where))
        else:
            raise _unknown(raw_key, where)
    if entry.start_date and entry.end_date and entry.end_date < entry.start_date:
        raise InputError(f"{where} ends ({entry.end_date}) before it starts ({entry.start_date}).")
    return entry


def dumps(resume: Resume, include_hidden: bool = False) -> str:
    return json.dumps(to_json_resume(resume, include_hidden), ensure_ascii=False, indent=2) + "\n"


def to_json_resume(resume: Resume, include_hidden: bool = False) -> dict[str, Any]:
    """The resume as a JSON Resume document. Empty fields are left out."""
    document: dict[str, Any] = {"basics": _write_basics(resume)}
    for section in resume.sections:
        if section.hidden and not include_hidden:
            continue
        if section.kind == "skills":
            items = [_write_skill(skill) for skill in section.skills if include_hidden or not skill.hidden]
        else:
            spec = SECTION_SPECS[section.kind]
            items = [
                _write_entry(spec, entry, include_hidden)
                for entry in section.entries
                if include_hidden or not entry.hidden
            ]
        if items:
            document[section.kind] = items
    document.update(resume.extra)
    return document


def _write_basics(resume: Resume) -> dict[str, Any]:
    contact = resume.contact
    basics: dict[str, Any] = {key: getattr(contact, key) for key in _BASICS_TEXT if key != "summary"}
    basics["summary"] = resume.summary
    location = {key: getattr(contact.location, attribute) for key, attribute in _LOCATION_KEYS.items()}
    basics["location"] = _without_empty(location)
    basics["profiles"] = [
        _without_empty({key: getattr(profile, key) for key in _PROFILE_KEYS}) for profile in contact.profiles
    ]
    return _without_empty(basics)


def _write_skill(skill: Skill) -> dict[str, Any]:
    return _without_empty({"name": skill.name, "level": skill.level, "keywords": list(skill.keywords)})


def _write_entry(spec: SectionSpec, entry: Entry, include_hidden: bool) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for field in spec.fields:
        item[field.json_key] = getattr(entry, field.attribute) if field.attribute else entry.details.get(field.json_key)
    for attribute, key in (
        ("location", "location"),
        ("start_date", "startDate"),
        ("end_date", "endDate"),
        ("url", "url"),
        ("summary", "summary"),
    ):
        if spec.field_for_attribute(attribute) is None and getattr(entry, attribute):
            item[key] = getattr(entry, attribute)
    for key, value in entry.details.items():
        item.setdefault(key, value)
    bullets = [bullet.text for bullet in entry.bullets if include_hidden or not bullet.hidden]
    item[spec.bullets_key or "highlights"] = bullets
    return _without_empty(item)


def _without_empty(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if value not in ("", None, [], {})}
