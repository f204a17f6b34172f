"""Skills section lines -> skills: "Languages: Python, Go" is a group with keywords;
a plain list ("Python, SQL, Excel" or one skill a line) gives one skill each."""

from __future__ import annotations

import re

from resume_app.core.model import Skill
from resume_app.parsing.dates import find_date_ranges
from resume_app.parsing.lines import Line, strip_bullet
from resume_app.parsing.location import is_place

_LABEL = re.compile(r"^([^:]{1,40}):\s*(.+)$")
# Commas and semicolons split items; so do bullets and pipes templates use as separators.
_ITEM_SEPARATORS = re.compile(r"\s*(?:[,;|•·●▪]|\t+|\s{3,})\s*")
# "and" before the last item of a list: "Word, PowerPoint, and basic Excel".
_LEADING_AND = re.compile(r"^(?:and|&)\s+", re.IGNORECASE)


def _items(text: str) -> list[str]:
    items = []
    for raw in _ITEM_SEPARATORS.split(text):
        item = _LEADING_AND.sub("", raw.strip(" .")).strip()
        if item:
            items.append(item)
    return items


def _split_outside_brackets(text: str) -> str:
    # Commas inside brackets belong to one item: "SQL (PostgreSQL, MySQL)".
    depth = 0
    out = []
    for ch in text:
        depth += ch in "([{"
        depth -= ch in ")]}"
        out.append("\u0001" if ch == "," and depth > 0 else ch)
    return "".join(out)


_LEVELS = frozenset(
    """beginner elementary novice basic intermediate competent proficient advanced expert master fluent
    native""".split()
)


# Years of experience beside a skill ("Python \t 5+ yrs"): its level, not a skill.
_EXPERIENCE = re.compile(r"^(?:<\s*)?\d+(?:[.,]\d+)?\s*\+?\s*(?:yrs?|years?|mos?|months?)\.?$", re.IGNORECASE)


def _is_level(text: str) -> bool:
    text = text.strip()
    return text.lower() in _LEVELS or bool(_EXPERIENCE.match(text))


def _transpose_grids(lines: list[Line]) -> list[Line]:
    """Skills laid out as a grid (names row, levels row, keywords row, in tab columns)
    read column by column, so each column's name, level and keywords stay together."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        columns = lines[index].text.count("\t") + 1
        end = index
        while end < len(lines) and lines[end].text.count("\t") + 1 == columns:
            end += 1
        # Rows of "name \t level" are not a grid: each row is one skill and its level.
        rated = all(_is_level(line.text.split("\t")[-1]) for line in lines[index:end])
        # A margin cell is a label beside its list (below), not a grid column.
        if columns > 1 and end - index > 1 and not lines[index].margin and not rated:
            rows = [line.text.split("\t") for line in lines[index:end]]
            result += [Line(text=row[column].strip()) for column in range(columns) for row in rows]
            index = end
        else:
            result.append(lines[index])
            index += 1
    return result


def _join_wrapped_lines(lines: list[Line]) -> list[Line]:
    """A list wrapped onto the next line ("..., Attention to" / "detail, ...") is one list."""
    joined: list[Line] = []
    for line in lines:
        text = line.text.strip()
        previous = joined[-1].text.rstrip() if joined else ""
        wrapped = previous and not line.bullet and not previous.endswith((",", ";", ":", "•", "·", "|"))
        if wrapped and (text[:1].islower() or _wraps_item(joined[-1], line, lines)):
            glue = "" if previous.endswith("-") and text[:1].isupper() else " "
            joined[-1] = Line(**{**joined[-1].__dict__, "text": f"{previous}{glue}{text}"})
        else:
            joined.append(line)
    return joined


def _wraps_item(previous: Line, line: Line, section: list[Line]) -> bool:
    """An inline list ("Docker • SQL • Material" / "UI • Tailwind CSS") wrapped in the middle
    of an item: the previous line holds separators, fills its column, and the next line's
    first word would not have fitted after it. PDF only (a Word paragraph is its own line)."""
    if not previous.x1 or not line.x1 or "\t" in previous.text or _LABEL.match(line.text):
        return False
    if not _ITEM_SEPARATORS.search(previous.text.strip()):
        return False
    # The same paragraph: same page, type and left edge, the next line right below.
    same_paragraph = (
        previous.page == line.page
        and abs(previous.size - line.size) < 0.3
        and abs(previous.x0 - line.x0) < 12
        and 0 < line.top - previous.top <= line.size * 1.8
    )
    if not same_paragraph:
        return False
    column = [other.x1 for other in section if other.page == line.page and abs(other.x0 - line.x0) < 12]
    right_edge = max(column, default=previous.x1)
    first_word = line.text.split()[0] if line.text.split() else ""
    # Half an em per letter: a rough average glyph width.
    return previous.x1 + (len(first_word) + 1) * line.size * 0.5 > right_edge


# Words a wrapped line of prose may end on, never a skill.
_RUNS_ON = frozenset("a an and as at by for from in of on or the to with".split())


def _bold_groups(lines: list[Line]) -> list[Skill] | None:
    """A skills list written one item a line under bold group names ("Web Technologies" /
    "HTML5" / "JavaScript" / "Tools" / "Git"): Word sidebars (docx_table_sidebar) and
    sidebars that list single words. Each bold line names a group, the plain lines up to the
    next bold one are its keywords, one a line (a lower-case item is not a wrapped line
    here). None when the section is not written so: some plain line holds a list or a
    label, a bold line holds more than a name, or no plain line follows a bold one."""
    texts = [(strip_bullet(line.text.strip())[0], line.bold) for line in lines]
    texts = [(text, bold) for text, bold in texts if text]
    if not texts or not texts[0][1] or all(bold for _, bold in texts):
        return None
    # A Word paragraph is a line its writer ended; a PDF line may be wrapped prose (a
    # functional resume's achievements under bold skill names), so there every item
    # must be keyword-sized and not stop on a word that runs on to the next line.
    positioned = any(line.x0 or line.top for line in lines)
    if positioned and any(
        not bold and (len(text.split()) > 3 or text.split()[-1].lower() in _RUNS_ON) for text, bold in texts
    ):
        return None
    skills: list[Skill] = []
    for text, bold in texts:
        protected = _split_outside_brackets(text)
        if _LABEL.match(protected) or len(_items(protected)) != 1:
            return None
        if bold:
            skills.append(Skill(name=text))
        else:
            skills[-1].keywords.append(_items(protected)[0].replace("\u0001", ","))
    if any(not skill.keywords for skill in skills):
        return None
    return skills


def _is_not_a_skill(text: str) -> bool:
    """A place ("Springfield, Massachusetts") or a date range alone: a column of another
    section that the layout printed beside or after the skills, left for the person to place."""
    bare = text.strip(" ,;")
    ranges = find_date_ranges(bare)
    if ranges and not (bare[: ranges[0].begin] + bare[ranges[0].finish :]).strip(" ,|-–—"):
        return True
    return "," in bare and is_place(bare)


def parse_skills(lines: list[Line]) -> list[Skill]:
    grouped = _bold_groups(lines)
    if grouped is not None:
        return grouped
    lines = _join_wrapped_lines(_transpose_grids(lines))
    skills: list[Skill] = []
    # The last skill came from a line holding one name only: a list on the next line
    # ("Web Technologies" / "Advanced" / "HTML5, JavaScript") gives its keywords.
    awaiting_keywords = False
    for line in lines:
        text, _ = strip_bullet(line.text.strip())
        if not text or _is_not_a_skill(text):
            continue
        if text.lower() in _LEVELS and skills:
            skills[-1].level = text
            continue
        name, _, rating = text.rpartition("\t")
        if name.strip() and "\t" not in name and _is_level(rating):
            skills.append(Skill(name=name.strip(), level=rating.strip()))
            awaiting_keywords = False
            continue
        # A group name in a margin column beside its list (moderncv's cvitem) is its label.
        if line.margin and line.margin != line.text:
            text = f"{line.margin}: {line.text[len(line.margin) :].strip()}"
        protected = _split_outside_brackets(text)
        label = _LABEL.match(protected)
        items = [item.replace("\u0001", ",") for item in _items(protected)]
        if awaiting_keywords and not label and len(items) > 1:
            skills[-1].keywords = items
            awaiting_keywords = False
            continue
        awaiting_keywords = not label and len(items) == 1
        if label:
            keywords = [item.replace("\u0001", ",") for item in _items(label.group(2))]
            skills.append(Skill(name=label.group(1).strip(), keywords=keywords))
        elif skills and skills[-1].keywords and protected[:1].islower():
            # A wrapped line of the previous group's keywords.
            skills[-1].keywords += [item.replace("\u0001", ",") for item in _items(protected)]
        else:
            skills += [Skill(name=item.replace("\u0001", ",")) for item in _items(protected)]
    return skills
