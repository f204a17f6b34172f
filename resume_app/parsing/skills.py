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
# A list that uses semicolons keeps its commas inside items ("Microsoft Word, Excel & Outlook;
# Typing"), as lists whose items hold commas are written.
_SEMICOLON_LIST_SEPARATORS = re.compile(r"\s*(?:[;|•·●▪]|\t+|\s{3,})\s*")
# "and" before the last item of a list: "Word, PowerPoint, and basic Excel".
_LEADING_AND = re.compile(r"^(?:and|&)\s+", re.IGNORECASE)


def _items(text: str) -> list[str]:
    items = []
    separators = _SEMICOLON_LIST_SEPARATORS if ";" in text else _ITEM_SEPARATORS
    for raw in separators.split(text):
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
        if columns == 1:  # no tabs: no grid starts anywhere in this run
            result += lines[index:end]
            index = end
            continue
        # Rows of "name \t level" are not a grid: each row is one skill and its level. Whether
        # the rows from each start to the run's end are all rated, found once for the run (a
        # scan from every start was quadratic on a long run).
        start = index
        rated_from = [True] * (end - start + 1)
        for at in range(end - 1, start - 1, -1):
            rated_from[at - start] = rated_from[at - start + 1] and _is_level(lines[at].text.split("\t")[-1])
        while index < end:
            # A margin cell is a label beside its list (below), not a grid column.
            if end - index > 1 and not lines[index].margin and not rated_from[index - start]:
                rows = [line.text.split("\t") for line in lines[index:end]]
                result += [Line(text=row[column].strip()) for column in range(columns) for row in rows]
                index = end
            else:
                result.append(lines[index])
                index += 1
    return result


def _wrapped_onto(line: Line, previous: Line, right_edge: float, line_gap: float) -> bool:
    """Did a PDF wrap `previous`, a list, onto `line` ("Practices: Code review, Pair" /
    "Programming, TDD")? Same left edge, at the section's closest line spacing (`line_gap`:
    paragraphs may sit further apart), no label of its own, and its first word would not
    have fit at the end of `previous` (about half an em a letter). A list of one item a line
    ("Kotlin" / "Angular") is not wrapped."""
    words = line.text.split()
    if not (words and line.x0 and previous.x0 and line.size) or line.bullet or previous.page != line.page:
        return False
    if len(_items(_split_outside_brackets(previous.text))) < 2 and not _LABEL.match(previous.text):
        return False
    # Lines of a paragraph sit 1.2-1.4 ems apart; further is the next paragraph.
    spacing = min(line_gap + 1, 1.45 * line.size)
    if abs(line.x0 - previous.x0) > 2 or line.gap_before > spacing or _LABEL.match(line.text):
        return False
    return previous.x1 + (len(words[0]) + 1) * 0.5 * line.size > right_edge


def _join_wrapped_lines(lines: list[Line]) -> list[Line]:
    """A list wrapped onto the next line ("..., Attention to" / "detail, ...") is one list."""
    joined: list[Line] = []
    right_edge = max((line.x1 for line in lines), default=0.0)
    line_gap = min((line.gap_before for line in lines if line.gap_before > 0), default=0.0)
    for line in lines:
        text = line.text.strip()
        previous = joined[-1].text.rstrip() if joined else ""
        lower_case_run_on = text[:1].islower() and not previous.endswith((",", ";", ":"))
        wrapped = joined and _wrapped_onto(line, joined[-1], right_edge, line_gap)
        if previous and not line.bullet and (lower_case_run_on or wrapped):
            # The joined line ends where its last piece does (for the next wrap's test).
            glue = "" if previous.endswith("-") and text[:1].isupper() else " "
            joined[-1] = Line(**{**joined[-1].__dict__, "text": f"{previous}{glue}{text}", "x1": line.x1})
        else:
            joined.append(line)
    return joined


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


# "(Beginner) Python, Java": the group's level in brackets before its list.
_LEADING_LEVEL = re.compile(r"^\(\s*([A-Za-z]+)\s*\)\s*(.+)$")
# "Linux and Windows": two one-word names joined by "and" (no commas in the list).
_WORD_PAIR = re.compile(r"^([A-Z][\w+#.-]*) (?:and|&) ([A-Z][\w+#.-]*)$")


def _leading_level(text: str) -> tuple[str, str]:
    found = _LEADING_LEVEL.match(text.strip())
    if found and found.group(1).lower() in _LEVELS:
        return found.group(1), found.group(2)
    return "", text


def _split_pair(keywords: list[str]) -> list[str]:
    """A group's only item made of two capitalised one-word names joined by "and" ("OS:
    Linux and Windows", "Languages: English and Spanish") is two keywords: a label promises
    a list. Longer phrases, and lists with commas, keep their "and"."""
    pair = _WORD_PAIR.match(keywords[0]) if len(keywords) == 1 else None
    return [pair.group(1), pair.group(2)] if pair else keywords


def _is_not_a_skill(text: str) -> bool:
    """A place ("Springfield, Massachusetts") or a date range alone: a column of another
    section that the layout printed beside or after the skills, left for the person to place."""
    bare = text.strip(" ,;")
    ranges = find_date_ranges(bare)
    if ranges and not (bare[: ranges[0].begin] + bare[ranges[0].finish :]).strip(" ,|-–—"):
        return True
    return "," in bare and is_place(bare)


def _one_skill_per_bullet(lines: list[Line]) -> bool:
    """A bulleted list whose writer put one skill on each bullet (most bullets hold one name):
    then a bullet with commas is still one skill ("Microsoft Word, Excel & Outlook")."""
    texts = [strip_bullet(line.text.strip())[0] for line in lines if line.text.strip()]
    if len(texts) < 2 or not all(line.bullet for line in lines if line.text.strip()):
        return False
    single = sum(len(_items(_split_outside_brackets(text))) == 1 and not _LABEL.match(text) for text in texts)
    return single * 2 >= len(texts)


def parse_skills(lines: list[Line]) -> list[Skill]:
    # A line that is only a link's text ("GitHub Repo", "Portfolio") names no skill; it is
    # left for the person to place.
    lines = [line for line in lines if not line.link]
    grouped = _bold_groups(lines)
    if grouped is not None:
        return grouped
    lines = _join_wrapped_lines(_transpose_grids(lines))
    one_per_bullet = _one_skill_per_bullet(lines)
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
        if one_per_bullet and not label:
            skills.append(Skill(name=text))
            continue
        items = [item.replace("\u0001", ",") for item in _items(protected)]
        if awaiting_keywords and not label and len(items) > 1:
            skills[-1].keywords = items
            awaiting_keywords = False
            continue
        awaiting_keywords = not label and len(items) == 1
        if label:
            level, listed = _leading_level(label.group(2))
            keywords = [item.replace("\u0001", ",") for item in _items(listed)]
            skills.append(Skill(name=label.group(1).strip(), level=level, keywords=_split_pair(keywords)))
        elif skills and skills[-1].keywords and protected[:1].islower():
            # A wrapped line of the previous group's keywords.
            skills[-1].keywords += [item.replace("\u0001", ",") for item in _items(protected)]
        else:
            skills += [Skill(name=item.replace("\u0001", ",")) for item in _items(protected)]
    return skills
