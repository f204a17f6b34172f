"""JSON Resume (https://jsonresume.org/schema) in and out.

The schema allows properties it does not define, and tools add them: `meta`,
`$schema`, "x-..." fields, custom sections, extra keys inside basics, profiles,
skills and entries. The reader keeps every one of them, at any depth, and the
writer puts them back unchanged; the DOCX and PDF exports never print them.

Where they are kept:
- unknown top-level keys (custom sections included): `Resume.extra[key]`, as they were;
- unknown keys of a known section's entries: `Entry.details[key]` (stored as JSON);
- unknown keys of basics, basics.location, basics.profiles[i] and skills[i], which
  have no dict of their own in the model: `Resume.extra["basics"]` and
  `Resume.extra["skills"]` (known keys, so never a document's unknown key). A
  profile's or a skill's own fields are matched back to it on export by skill id,
  then by its network or name, so reordering or deleting others does not move them.
An extension key that gets a place of its own in the model is listed in
HANDLED_EXTENSIONS with its reader and writer; all other keys pass through.

What is really broken is still refused in one sentence naming where it is: a
known field of the wrong type, no name, invalid JSON, the same key twice in one
object, and values that could not be stored or written back (NaN or Infinity,
numbers too large, broken characters, nesting deeper than MAX_DEPTH).
"""

from __future__ import annotations

import copy
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from resume_app.core.dates import ISO_DATE
from resume_app.core.errors import InputError
from resume_app.core.model import Bullet, Entry, ImportReport, Location, Profile, Resume, Skill, UnplacedLine
from resume_app.core.sections import SECTION_SPECS, SectionSpec

# Large enough for any real resume (the biggest corpus file is 12 KB).
MAX_JSON_BYTES = 2 * 1024 * 1024
# Objects and lists inside each other; a real resume needs 4 or 5.
MAX_DEPTH = 50
# Up to 64-bit integers; longer ones are not a resume's numbers (and past 4300
# digits Python could not even write them back).
MAX_INTEGER_DIGITS = 20

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
# Entry fields the schema gives some sections, read in every section.
_ENTRY_COMMON = {
    "location": "location",
    "startDate": "start_date",
    "endDate": "end_date",
    "url": "url",
    "summary": "summary",
}
# Resume.extra keys holding the unknown fields of basics and skills (see above).
_BASICS_EXTRA, _SKILLS_EXTRA = "basics", "skills"

# Extension keys with a place of their own in Resume: key -> (read, write).
# read(resume, value, where) stores the value or raises InputError; write(resume)
# returns the value to export, or None to leave the key out.
ExtensionReader = Callable[[Resume, Any, str], None]
ExtensionWriter = Callable[[Resume], Any]
# The lines of an imported PDF or DOCX that the importer could not place (Resume.import_report):
# {"words": 412, "placedWords": 398, "lines": [{"text", "line", "section", "heading", "reason", "id"}]}.
UNPLACED_KEY = "x-unplaced"
_UNPLACED_LINE_KEYS = ("text", "line", "section", "heading", "reason", "id")


def _read_unplaced(resume: Resume, value: Any, where: str) -> None:
    if not isinstance(value, dict) or not isinstance(value.get("lines", []), list):
        raise InputError(f"{where} should be an object with a list of lines.")
    counts = [value.get(name, 0) for name in ("words", "placedWords")]
    if not all(isinstance(count, int) and not isinstance(count, bool) and count >= 0 for count in counts):
        raise InputError(f"{where}.words and {where}.placedWords should be whole numbers.")
    lines = []
    for index, line in enumerate(value.get("lines", [])):
        if not isinstance(line, dict) or not all(isinstance(line.get(name, ""), str) for name in _UNPLACED_LINE_KEYS):
            raise InputError(f"{where}.lines[{index}] should be an object of texts.")
        fields = {name: line[name] for name in _UNPLACED_LINE_KEYS if line.get(name)}
        if "text" in fields:
            lines.append(UnplacedLine(**fields))
    resume.import_report = ImportReport(words=counts[0], placed_words=counts[1], unplaced=lines)


def _write_unplaced(resume: Resume) -> dict[str, Any] | None:
    report = resume.import_report
    if report is None:
        return None
    lines = [{name: getattr(line, name) for name in _UNPLACED_LINE_KEYS} for line in report.unplaced]
    return {"words": report.words, "placedWords": report.placed_words, "lines": lines}


HANDLED_EXTENSIONS: dict[str, tuple[ExtensionReader, ExtensionWriter]] = {
    UNPLACED_KEY: (_read_unplaced, _write_unplaced),
}


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


# What could not be stored or written back, found while reading the JSON text.


class _Duplicated(dict):
    """An object in which `key` appears more than once."""

    def __init__(self, pairs: list[tuple[str, Any]], key: str) -> None:
        super().__init__(pairs)
        self.key = key


@dataclass(frozen=True)
class _BadNumber:
    """NaN, Infinity, or a number too large to keep, as the JSON text wrote it."""

    literal: str


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return _Duplicated(pairs, key)
        seen.add(key)
    return dict(pairs)


def _parse_int(literal: str) -> int | _BadNumber:
    return int(literal) if len(literal.lstrip("-")) <= MAX_INTEGER_DIGITS else _BadNumber(literal)


def _parse_float(literal: str) -> float | _BadNumber:
    value = float(literal)
    return value if math.isfinite(value) else _BadNumber(literal)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _shown(key: str) -> str:
    """A key as a message can show it: one line, not too long."""
    key = " ".join(key.split())
    return key if len(key) <= 40 else key[:40] + "..."


def _check_storable(value: Any, where: str, depth: int = 1) -> None:
    """Refuse, naming where, what could not be stored or written back as it is."""
    subject = where or "The document"
    if isinstance(value, (dict, list)) and depth > MAX_DEPTH:
        top = re.match(r"[^.\[]*", where).group() or "A field"  # the whole path would be too long to read
        raise InputError(f"{top} is nested more than {MAX_DEPTH} levels deep.")
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str) or _SURROGATE.search(key):
                raise InputError(f"{subject} has a field name with a broken character.")
        if isinstance(value, _Duplicated):
            raise InputError(f'{subject} has the field "{_shown(value.key)}" twice.')
        for key, item in value.items():
            _check_storable(item, f"{where}.{_shown(key)}" if where else _shown(key), depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_storable(item, f"{subject}[{index}]", depth + 1)
    elif isinstance(value, str):
        if _SURROGATE.search(value):
            raise InputError(f"{subject} has a broken character that cannot be saved.")
    elif isinstance(value, float) and not math.isfinite(value):
        literal = "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"
        raise InputError(f"{subject} is {literal}, which JSON does not allow.")
    elif isinstance(value, _BadNumber):
        if value.literal in ("NaN", "Infinity", "-Infinity"):
            raise InputError(f"{subject} is {value.literal}, which JSON does not allow.")
        raise InputError(f"{subject} holds a number too large to keep.")
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**MAX_INTEGER_DIGITS:
        raise InputError(f"{subject} holds a number too large to keep.")
    elif value is not None and not isinstance(value, (bool, int, float)):
        raise InputError(f"{subject} holds a value JSON cannot hold.")


def loads(data: bytes | str) -> Resume:
    """Parse JSON Resume bytes or text into a Resume, or raise InputError."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > MAX_JSON_BYTES:
        raise InputError(f"This file is larger than {MAX_JSON_BYTES // (1024 * 1024)} MB, too large for a resume.")
    if not data.strip():
        raise InputError("This file is empty.")
    try:
        document = json.loads(
            data.decode("utf-8-sig"),
            object_pairs_hook=_object_pairs,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_BadNumber,
        )
    except UnicodeDecodeError:
        raise InputError("This file is not UTF-8 text, so it cannot be a JSON Resume.") from None
    except json.JSONDecodeError as error:
        raise InputError(f"This is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}).") from None
    except RecursionError:
        raise InputError("This JSON is nested too deeply to be a resume.") from None
    return from_json_resume(document)


def from_json_resume(document: Any) -> Resume:
    document = _object(document, "The JSON Resume document")
    _check_storable(document, "")
    resume = Resume()
    for key, value in document.items():
        if key == "basics":
            _read_basics(resume, _object(value, "basics"))
        elif key == "skills":
            section = resume.ensure_section("skills")
            if not isinstance(value, list):
                raise InputError(f"skills should be a list, not {_describe(value)}.")
            section.skills = [_read_skill(resume, item, f"skills[{index}]") for index, item in enumerate(value)]
        elif key in SECTION_SPECS:
            if not isinstance(value, list):
                raise InputError(f"{key} should be a list, not {_describe(value)}.")
            section = resume.ensure_section(key)
            section.entries = [
                _read_entry(SECTION_SPECS[key], item, f"{key}[{index}]") for index, item in enumerate(value)
            ]
        elif key in HANDLED_EXTENSIONS:
            HANDLED_EXTENSIONS[key][0](resume, value, key)
        else:  # meta, $schema, x-..., a custom section: kept as it is
            resume.extra[key] = copy.deepcopy(value)
    if not resume.contact.name.strip():
        raise InputError("The resume has no name: basics.name is missing or empty.")
    return resume


def _read_basics(resume: Resume, basics: dict[str, Any]) -> None:
    contact = resume.contact
    unknown: dict[str, Any] = {}
    for key, value in basics.items():
        where = f"basics.{key}"
        if key == "summary":
            resume.summary = _text(value, where)
        elif key in _BASICS_TEXT:
            setattr(contact, key, _text(value, where))
        elif key == "location":
            contact.location, location_unknown = _read_location(_object(value, where))
            if location_unknown:
                unknown["location"] = location_unknown
        elif key == "profiles":
            if not isinstance(value, list):
                raise InputError(f"{where} should be a list, not {_describe(value)}.")
            contact.profiles, records = [], []
            for index, item in enumerate(value):
                profile, profile_unknown = _read_profile(item, f"{where}[{index}]")
                contact.profiles.append(profile)
                if profile_unknown:
                    records.append(
                        {**{name: getattr(profile, name) for name in _PROFILE_KEYS}, "extra": profile_unknown}
                    )
            if records:
                unknown["profiles"] = records
        else:
            unknown[key] = copy.deepcopy(value)
    if unknown:
        resume.extra[_BASICS_EXTRA] = unknown


def _read_location(value: dict[str, Any]) -> tuple[Location, dict[str, Any]]:
    location, unknown = Location(), {}
    for key, item in value.items():
        if key in _LOCATION_KEYS:
            setattr(location, _LOCATION_KEYS[key], _text(item, f"basics.location.{key}"))
        else:
            unknown[key] = copy.deepcopy(item)
    return location, unknown


def _read_profile(value: Any, where: str) -> tuple[Profile, dict[str, Any]]:
    value = _object(value, where)
    profile, unknown = Profile(), {}
    for key, item in value.items():
        if key in _PROFILE_KEYS:
            setattr(profile, key, _text(item, f"{where}.{key}"))
        else:
            unknown[key] = copy.deepcopy(item)
    return profile, unknown


def _read_skill(resume: Resume, value: Any, where: str) -> Skill:
    if isinstance(value, str):  # some tools write skills as bare names
        return Skill(name=value)
    value = _object(value, where)
    skill, unknown = Skill(), {}
    for key, item in value.items():
        if key == "keywords":
            skill.keywords = _text_list(item, f"{where}.keywords")
        elif key in _SKILL_KEYS:
            setattr(skill, key, _text(item, f"{where}.{key}"))
        else:
            unknown[key] = copy.deepcopy(item)
    if unknown:
        records = resume.extra.setdefault(_SKILLS_EXTRA, [])
        records.append({"id": skill.id, "name": skill.name, "extra": unknown})
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
        elif key in _ENTRY_COMMON:
            # Fields the schema gives other sections; some templates show them here too.
            date_like = key in ("startDate", "endDate")
            setattr(entry, _ENTRY_COMMON[key], _date(item, item_where) if date_like else _text(item, item_where))
        else:  # a field JSON Resume does not define: kept as it is
            entry.details[raw_key] = copy.deepcopy(item)
    if entry.start_date and entry.end_date and entry.end_date < entry.start_date:
        raise InputError(f"{where} ends ({entry.end_date}) before it starts ({entry.start_date}).")
    return entry


def dumps(resume: Resume, include_hidden: bool = False) -> str:
    try:
        return json.dumps(to_json_resume(resume, include_hidden), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    except ValueError:
        raise InputError("This resume holds a number JSON cannot write (NaN or Infinity).") from None


def to_json_resume(resume: Resume, include_hidden: bool = False) -> dict[str, Any]:
    """The resume as a JSON Resume document. Empty fields are left out; fields
    JSON Resume does not define are written back as they were imported."""
    document: dict[str, Any] = {"basics": _write_basics(resume)}
    skill_records = _Records(resume.extra.get(_SKILLS_EXTRA))
    skill_ids = {skill.id for section in resume.sections for skill in section.skills}
    for section in resume.sections:
        if section.hidden and not include_hidden:
            continue
        if section.kind == "skills":
            items = [
                _write_skill(skill, skill_records, skill_ids)
                for skill in section.skills
                if include_hidden or not skill.hidden
            ]
        else:
            spec = SECTION_SPECS[section.kind]
            items = [
                _write_entry(spec, entry, include_hidden)
                for entry in section.entries
                if include_hidden or not entry.hidden
            ]
        if items:
            document[section.kind] = items
    for key, value in resume.extra.items():
        if key != _BASICS_EXTRA and key not in SECTION_SPECS and key not in HANDLED_EXTENSIONS:
            document[key] = copy.deepcopy(value)
    for key, (_, write) in HANDLED_EXTENSIONS.items():
        value = write(resume)
        if value is not None:
            document[key] = value
    return document


class _Records:
    """The unknown fields of profiles or skills (kept in Resume.extra), handed back
    to the profile or skill they came from, each at most once."""

    def __init__(self, stored: Any) -> None:
        stored = stored if isinstance(stored, list) else []
        self.records = [
            record for record in stored if isinstance(record, dict) and isinstance(record.get("extra"), dict)
        ]
        self.used: set[int] = set()

    def claim(self, *tests: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        for test in tests:
            for index, record in enumerate(self.records):
                if index not in self.used and test(record):
                    self.used.add(index)
                    return record["extra"]
        return {}


def _with_unknown(known: dict[str, Any], unknown: dict[str, Any]) -> dict[str, Any]:
    """`known` without its empty fields, then the unknown ones exactly as they were."""
    item = _without_empty(known)
    for key, value in unknown.items():
        item.setdefault(key, copy.deepcopy(value))
    return item


def _write_basics(resume: Resume) -> dict[str, Any]:
    contact = resume.contact
    stored = resume.extra.get(_BASICS_EXTRA)
    stored = stored if isinstance(stored, dict) else {}
    basics: dict[str, Any] = {key: getattr(contact, key) for key in _BASICS_TEXT if key != "summary"}
    basics["summary"] = resume.summary
    location = {key: getattr(contact.location, attribute) for key, attribute in _LOCATION_KEYS.items()}
    location_unknown = stored.get("location")
    basics["location"] = _with_unknown(location, location_unknown if isinstance(location_unknown, dict) else {})
    records = _Records(stored.get("profiles"))
    basics["profiles"] = [
        _with_unknown(
            {key: getattr(profile, key) for key in _PROFILE_KEYS},
            records.claim(
                lambda record, p=profile: all(record.get(key) == getattr(p, key) for key in _PROFILE_KEYS),
                lambda record, p=profile: record.get("network") == p.network,
            ),
        )
        for profile in contact.profiles
    ]
    unknown = {key: value for key, value in stored.items() if key not in ("location", "profiles")}
    return _with_unknown(basics, unknown)


def _write_skill(skill: Skill, records: _Records, skill_ids: set[str]) -> dict[str, Any]:
    # By id; by name only for a record whose skill got a new id (a duplicated resume).
    unknown = records.claim(
        lambda record: record.get("id") == skill.id,
        lambda record: record.get("id") not in skill_ids and record.get("name") == skill.name,
    )
    return _with_unknown({"name": skill.name, "level": skill.level, "keywords": list(skill.keywords)}, unknown)


def _write_entry(spec: SectionSpec, entry: Entry, include_hidden: bool) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for field in spec.fields:
        item[field.json_key] = getattr(entry, field.attribute) if field.attribute else entry.details.get(field.json_key)
    for key, attribute in _ENTRY_COMMON.items():
        if spec.field_for_attribute(attribute) is None and getattr(entry, attribute):
            item[key] = getattr(entry, attribute)
    bullets_key = spec.bullets_key or "highlights"
    known_keys = {field.json_key for field in spec.fields} | set(_ENTRY_COMMON) | {bullets_key}
    unknown = {}
    for key, value in entry.details.items():
        if key in known_keys:
            item.setdefault(key, value)
        else:
            unknown[key] = value
    item[bullets_key] = [bullet.text for bullet in entry.bullets if include_hidden or not bullet.hidden]
    return _with_unknown(item, unknown)


def _without_empty(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if value not in ("", None, [], {})}
