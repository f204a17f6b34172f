"""A section's lines -> its entries: title, organization, location, dates, bullets.

An entry is a block of header lines (who, where, when) followed by its bullets.
Bullets are list items, or lines starting with a glyph; a line that carries on
the previous bullet (indented under its text, or starting in lower case) is
joined to it. Which header part is the position and which the company is told
by the words in them ("Engineer", "Inc."), then by the order templates use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resume_app.parsing import tuning
from resume_app.parsing.dates import DateRange, find_date_ranges
from resume_app.parsing.lines import Line, join_wrapped, strip_bullet
from resume_app.parsing.location import is_place, is_region
from resume_app.parsing.vocabulary import ORG_WORDS, TITLE_WORDS

_DEGREE_WORDS = re.compile(
    r"\b(bachelor|master|doctor|ph\.?\s?d|mba|b\.?\s?s\.?c?|m\.?\s?s\.?c?|b\.?\s?a|m\.?\s?a|b\.?\s?eng|m\.?\s?eng|"
    r"associate|diploma|certificate|degree|high school|ged|bs|ba|ms|ma|phd|btech|mtech|b\.tech|m\.tech|"
    # Associate degrees ("A.A.", "AAS"): US community colleges.
    r"a\.?\s?a(?:\.?\s?s)?|"
    # Degrees written in other languages or as British integrated masters ("Diplôme",
    # "Licenciatura", "MChem", "PGCE"): education sections of resumes from outside the US.
    r"dipl[oô]m[ae]?|licen[cs]\w*|m(?:chem|phys|math|sci|res|phil)|pgce|pgdip)\b",
    re.IGNORECASE,
)
# Names of schools, in English and the languages resumes most often keep them in
# ("École ...", "Hochschule ...", "Zespół Szkół ...", "Conservatory of Music").
_INSTITUTION_WORDS = re.compile(
    r"\b(university|college|institut|school|academy|polytechnic|universidad|universit|conservato|seminary|"
    r"[ée]cole|hochschule|gymnasium|lyc[ée]e|szk[oó]\w|akademi)",
    re.I,
)
# Between the pieces of an entry line: columns, pipes, dots, dashes, " at ".
_PART_SEPARATORS = re.compile(r"\s*\t+\s*|\s*\|\s*| · | • | – | — | -- | - | at (?=[A-Z])")
# "University of Texas at Austin" is one name: no cut at its " at ".
# A text ending in a university's name ("BS in Education, University of Arkansas"): what follows
# " at " is its campus, not an employer.
_UNIVERSITY_OF = re.compile(r"\bUniversity of [A-Z][\w.-]*(?: [A-Z][\w.-]*)?$")
_COMMA = re.compile(r",\s+(?=[A-Z(])")
# A legal form after a comma, perhaps with a division after it ("Inc. (European Division)").
_LEGAL_SUFFIX = re.compile(
    r"^(?:Ltd|Inc|LLC|LLP|Co|Corp|GmbH|PLC|S\.?A|AG|BV|Pty|Limited)\.?(?:\s*\([^)]*\))?$", re.IGNORECASE
)
_TIME_SPAN = re.compile(r"^\d+\s+(years?|months?|yrs?|mos?)(\s+\d+\s+(months?|mos?))?$", re.IGNORECASE)
_GPA = re.compile(r"\b(?:gpa|cgpa|grade)\s*[:\-]?\s*(\d+(?:[.,]\d+)?)(?:\s*/\s*\d+(?:[.,]\d+)?)?", re.IGNORECASE)


@dataclass
class ParsedEntry:
    title: str = ""
    organization: str = ""
    location: str = ""
    start_date: str = ""
    end_date: str = ""
    summary: str = ""
    details: dict[str, str] = field(default_factory=dict)
    bullets: list[str] = field(default_factory=list)
    # Field name -> how sure the parser is (0..1).
    confidence: dict[str, float] = field(default_factory=dict)
    header_lines: list[str] = field(default_factory=list)
    # Of a work entry's two names, which was the position: "title first", "title second",
    # "weakly title first/second" when only an employer word told them apart, or "tied"
    # when no word did.
    order: str = ""


@dataclass
class _Block:
    header: list[Line] = field(default_factory=list)
    bullets: list[list[Line]] = field(default_factory=list)
    # Dates and places found beside the bullets (a right-hand column sharing their baselines).
    side: list[str] = field(default_factory=list)


def _is_continuation(line: Line, previous: Line, text_x: float, glyph_x: float = 0.0, right: float = 0.0) -> bool:
    """Does `line` carry on the bullet in `previous` (a wrapped line)? `text_x` is where the
    bullet's text starts, `glyph_x` where its glyph is, `right` the text's right edge."""
    if line.bullet or line.source != previous.source:
        return False
    if line.x0 and text_x:
        close = not line.size or line.gap_before < line.size * tuning.WRAP_GAP_LINES
        if line.x0 >= text_x - 2:
            return close
        # A bullet typed as a glyph in a plain paragraph (Google Docs, Word without a list
        # style) wraps back to the glyph's edge, not under its text: there a line carries on
        # when it reads on ("breakfast fundraiser for 200 ...") or when its first word could
        # not have fitted at the end of the line before (the line wrapped there).
        if not (close and glyph_x and abs(line.x0 - glyph_x) <= 2):
            return False
        return _reads_on(line, previous) or (
            _wrapped_before(line, previous, right)
            and not previous.text.rstrip().endswith((".", "!", "?"))
            and not line.bold
            and not find_date_ranges(line.text)
        )
    return _reads_on(line, previous)


def _bullets_hang(lines: list[Line]) -> bool:
    """Whether the section's bullets wrap under their text (a hanging indent, as list styles,
    LaTeX and Typst set them): then a line back at a glyph's edge never carries a bullet on."""
    for bullet, following in zip(lines, lines[1:], strict=False):
        if not (bullet.bullet and bullet.x0 and strip_bullet(bullet.text)[1]) or following.bullet:
            continue
        text_x = bullet.x0 + 0.5 * bullet.size
        close = following.gap_before < bullet.size * tuning.WRAP_GAP_LINES
        if close and text_x - 2 <= following.x0 <= bullet.x0 + 3 * bullet.size:
            return True
    return False


def _wrapped_before(line: Line, previous: Line, right: float) -> bool:
    """Whether `previous` ends where `line`'s first word would not have fitted: the room
    left to the right edge is less than that word (estimated from the line's own width)."""
    words = line.text.split()
    if not words or not right or not line.x1 or "\t" in line.text:
        return False
    per_char = (line.x1 - line.x0) / max(len(line.text), 1)
    return right - previous.x1 < per_char * (len(words[0]) + 1)


def _reads_on(line: Line, previous: Line) -> bool:
    """Whether a line's words carry on the line before rather than start something."""
    text = line.text.strip()
    # A bold line under a plain bullet is the next entry's name ("adopt-the-highway"), not its rest.
    if line.bold and not previous.bold:
        return False
    return bool(text) and (text[0].islower() or text[0] in "(&,") and not find_date_ranges(text)


_DOMAIN_NAME = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+/\S*$", re.IGNORECASE)


def _content_x(line: Line) -> float:
    """Where a line's text column starts: after a date label column ("Jan 2019 - Present \t Acme")."""
    fields = line.text.split("\t")
    if len(fields) > 1 and find_date_ranges(fields[0]) and line.spans:
        spans = sorted(line.spans, key=lambda span: span.x0)
        for previous, span in zip(spans, spans[1:], strict=False):
            if span.x0 - previous.x1 > (line.size or 10):
                return span.x0
    return line.x0


def _wrap_limit(gaps: list[float], size: float) -> float:
    """The largest line gap that still means "same item": wrapped lines sit one line-height
    apart, list items further. Two clusters of gaps split between them; with one cluster
    (every item on one line, or one long item) decide in ems."""
    ordered = sorted(gaps)
    jumps = [(after / before, before, after) for before, after in zip(ordered, ordered[1:], strict=False) if before]
    ratio, below, above = max(jumps, default=(1.0, 0.0, 0.0))
    if ratio > 1.15:
        return (below * above) ** 0.5
    return 1.9 * size


def _mark_unglyphed_bullets(lines: list[Line]) -> None:
    """Bullets drawn as shapes (browser-made PDFs) leave indented text with no glyph:
    an indented line after a wider gap than a wrapped line's starts a bullet."""
    positioned = [line for line in lines if line.x0]
    # Where bullets have glyphs, indented lines without one are wrapped bullet text.
    if not positioned or any(line.bullet for line in positioned):
        return
    # Centred text (a sidebar) starts at a different x on every line: no indentation to read.
    centres = [(line.x0 + line.x1) / 2 for line in positioned]
    if (
        len(positioned) > 2
        and max(centres) - min(centres) < 6
        and max(line.x0 for line in positioned) - min(line.x0 for line in positioned) > 12
    ):
        return
    starts = [_content_x(line) for line in positioned if not _URL_ONLY.match(line.text)]
    base_x = min(starts) if starts else 0.0

    def is_body(line: Line) -> bool:
        text = line.text
        return (
            line.x0 >= base_x + 8
            and bool(line.size)
            and "\t" not in text
            and not _URL_ONLY.match(text)
            and not find_date_ranges(text)
        )

    body = [line for line in positioned if is_body(line)]
    wrap_gaps = [line.gap_before for previous, line in zip(body, body[1:], strict=False) if line.gap_before > 0]
    if not body or not wrap_gaps:
        return
    wrap_limit = _wrap_limit(wrap_gaps, max(line.size for line in body))
    previous_body = False
    for line in positioned:
        in_body = line in body
        if in_body and not (previous_body and 0 < line.gap_before <= wrap_limit):
            line.bullet = True
        previous_body = in_body


def _side_fields(line: Line) -> tuple[Line, list[str]]:
    """Split dates or places that share a bullet's baseline (a right-hand date column) off it."""
    fields = [field.strip() for field in line.text.split("\t")]
    if len(fields) < 2:
        return line, []
    side = []
    while len(fields) > 1 and (find_date_ranges(fields[-1]) or is_place(fields[-1]) or _TIME_SPAN.match(fields[-1])):
        side.insert(0, fields.pop())
    if not side:
        return line, []
    return Line(**{**line.__dict__, "text": " ".join(fields)}), side


def _demote_outer_bullets(lines: list[Line]) -> None:
    """Nested lists (sb2nov: "• Google", then "◦ TensorFlow: ...") use the outer level for
    entries: a glyph line with sub-bullets further right is a header, not a bullet."""
    glyph_lines = [line for line in lines if line.x0 and line.bullet and strip_bullet(line.text)[1]]
    # A bold glyph line with a second column ("• Georgia Tech \t Atlanta, GA") heads an entry.
    for line in glyph_lines:
        if line.bold and "\t" in line.text:
            line.bullet = False
            line.text = strip_bullet(line.text)[0]
    # Markers a browser painted as shapes (CSS list-style) nest the same way as glyphs.
    glyph_lines = [
        line for line in lines if line.x0 and line.bullet and (strip_bullet(line.text)[1] or not line.margin)
    ]
    levels = sorted({round(line.x0) for line in glyph_lines})
    if len(levels) < 2 or levels[-1] - levels[0] < 8:
        return
    outer = [line for line in glyph_lines if round(line.x0) == levels[0]]
    inner = [line for line in glyph_lines if round(line.x0) != levels[0]]
    inner_size = max((line.size for line in inner), default=0.0)
    # Entry lines are set apart (bold or larger); an outer achievement bullet with
    # nested details (RenderCV "Published research ...") is set like its children.
    set_apart = [line for line in outer if line.bold or line.size > inner_size + 0.5]
    if len(set_apart) * 2 < len(outer):
        return
    for line in outer:
        line.bullet = False
        line.text = strip_bullet(line.text)[0]


def _split_bullet_columns(lines: list[Line]) -> list[Line]:
    """A list set in two or more columns (CSS columns: "• talent 1 \t • talent 4") comes as
    rows of bullets side by side: one bullet each, read column by column, as printed."""
    result: list[Line] = []
    run: list[list[str]] = []
    template: Line | None = None

    def flush() -> None:
        if template is not None:
            for column in range(max(len(cells) for cells in run)):
                result.extend(
                    Line(**{**template.__dict__, "text": cells[column], "bullet": True, "spans": []})
                    for cells in run
                    if column < len(cells)
                )
        run.clear()

    for line in lines:
        cells = [cell.strip() for cell in line.text.split("\t") if cell.strip()]
        if len(cells) > 1 and all(strip_bullet(cell)[1] for cell in cells):
            template = template if run else line
            run.append(cells)
            continue
        if run and len(cells) == 1 and strip_bullet(cells[0])[1] and template and abs(line.x0 - template.x0) < 2:
            run.append(cells)  # the last row, shorter: the left column's last item
            flush()
            continue
        if run:
            flush()
        result.append(line)
    if run:
        flush()
    return result


def group_blocks(lines: list[Line], kind: str = "work") -> list[_Block]:
    lines = _split_bullet_columns(lines)
    _demote_outer_bullets(lines)
    _mark_unglyphed_bullets(lines)
    blocks: list[_Block] = []
    current = _Block()
    text_x = glyph_x = 0.0
    right = max((line.x1 for line in lines), default=0.0)
    hanging = _bullets_hang(lines)
    left = min((line.x0 for line in lines if line.x0 and not line.bullet), default=0.0)
    entry_gap = _entry_gap(lines)
    for position, raw in enumerate(lines):
        if not raw.text.strip():
            continue
        # The rest of a date wrapped in the margin column ("Apr 2019 –" / "Present") belongs
        # to the entry whose range it closes, even beside its first bullet.
        if raw.margin and raw.margin == raw.text and _open_range(current):
            current.header.append(raw)
            continue
        # Dates or places on a bullet's baseline belong to the entry (a right-hand column).
        line, side = _side_fields(raw) if raw.x0 else (raw, [])
        if line.bullet and _marked_position(current, line, side):
            # The entry's role set as a list item, its dates flush right ("Joint Society of
            # ..." / "■ Member \t 2009 – Present"): a header line, not an achievement.
            current.header.append(Line(**{**raw.__dict__, "text": strip_bullet(raw.text)[0], "bullet": False}))
            continue
        if line.bullet:
            current.bullets.append([line])
            has_glyph = strip_bullet(line.text)[1]
            text_x = line.x0 + (0.5 * line.size if has_glyph else 0.0)
            # Only a glyph indented from the entries' names: at their edge a line could be either.
            glyph_x = line.x0 if has_glyph and not hanging and line.x0 > left + 2 else 0.0
            current.side.extend(side)
        elif current.bullets and _is_continuation(line, current.bullets[-1][-1], text_x, glyph_x, right):
            current.bullets[-1].append(line)
            current.side.extend(side)
        elif current.header and current.bullets and _is_list_label(line.text):
            # "Technologies include:" between an entry's bullets groups them; the entry goes on.
            # The label itself is no field: the import report lists it.
            continue
        else:
            following = lines[position + 1] if position + 1 < len(lines) else None
            if current.bullets or (current.header and _starts_new_entry(raw, current, kind, entry_gap, following)):
                blocks.append(current)
                current = _Block()
            current.header.append(raw)
    if current.header or current.bullets:
        blocks.append(current)
    return blocks


def _marked_position(block: _Block, bullet: Line, side: list[str]) -> bool:
    """Is a bullet a position's name (a few words, a title word among them) that carries the
    entry's first dates, and those a range ("2009 – Present")? RenderCV sets the dates beside
    an entry's first achievement, so the words must say it is a role."""
    words = strip_bullet(bullet.text)[0].split()
    if not block.header or block.bullets or block.side or not 0 < len(words) <= 5:
        return False
    if _title_score(" ".join(words)) <= 0:
        return False
    if any(find_date_ranges(line.text) for line in block.header):
        return False
    ranges = [found for text in side for found in find_date_ranges(text)]
    return any(found.end != found.start for found in ranges)


_OPEN_RANGE_END = re.compile(r"(?:[-–—]|\bto|\buntil)\s*$", re.IGNORECASE)


def _margin_text(lines: list[Line]) -> str:
    return " ".join(line.margin for line in lines if line.margin)


def _open_range(block: _Block) -> bool:
    """Does the block's margin cell end in a range still open ("Sep 2015 –")?"""
    return bool(_OPEN_RANGE_END.search(_margin_text(block.header)))


def _with_margin_first(header: list[Line]) -> list[Line]:
    """A margin column's cells (pdf_margin: moderncv's dates, wrapped over two rows) read as
    one line before the entry's own lines: "Sep 2015 – Mar 2019", "Staff Nurse, ..."."""
    cells = _margin_text(header)
    if not cells:
        return header
    rest = []
    for line in header:
        text = line.text[len(line.margin) :].strip(" \t") if line.margin else line.text
        if text:
            rest.append(Line(**{**line.__dict__, "text": text, "margin": ""}))
    return [Line(text=cells, margin=cells), *rest]


def _same_type(line: Line, other: Line) -> bool:
    return line.bold == other.bold and abs(line.size - other.size) < 0.5 and abs(line.x0 - other.x0) < 2


def _is_date_only(text: str) -> bool:
    ranges = find_date_ranges(text)
    return bool(ranges) and not (text[: ranges[0].begin] + text[ranges[0].finish :]).strip(" ,|·-–—:\t")


def _is_sentence(text: str) -> bool:
    """Prose (a description), not a name: many words, or a full stop at the end."""
    words = text.split()
    # A full stop after a lower-case word ends a sentence; after "Inc." it ends a name.
    full_stop = bool(words) and words[-1].endswith(".") and not words[-1][:1].isupper()
    return len(words) >= 12 or (len(words) >= 4 and full_stop) or text[:1].islower()


def _entry_gap(lines: list[Line]) -> float:
    """The least line gap that reads as space between entries: clearly more than the
    usual distance between lines of the section (PDF only; 0 when it cannot tell)."""
    gaps = sorted(line.gap_before for line in lines if line.gap_before > 0)
    if len(gaps) < 4:
        return 0.0
    return gaps[len(gaps) // 2] * 1.5


def _starts_new_entry(
    line: Line, block: _Block, kind: str, entry_gap: float = 0.0, following: Line | None = None
) -> bool:
    """Does this header line open the next entry?

    - a second dated line: bullet-less lists ("Member, Delta Sigma Pi  2016 - Present");
    - in lists of certificates, awards and the like, a name after an entry that ended
      with its date on a line of its own ("AWS Certified Developer" / "Amazon" / "2019");
    - a name after a description paragraph.
    """
    has_dates = any(find_date_ranges(header.text) for header in block.header)
    if line.margin and _open_range(block):
        return False  # the rest of the entry's dates, in the margin column
    if has_dates and find_date_ranges(line.text):
        return True
    # A history of one-line jobs ("2021-Present  Lead Designer, Atelier Quatre Vents, Lyon"):
    # after a line that was a whole job, a line naming a position and something more
    # ("Graphic Designer, Freelance") is the next job, undated.
    if len(block.header) == 1 and _whole_job_line(block.header[0].text) and _names_position_and_more(line.text):
        return True
    # ... and after that undated job, a whole dated job line is the one after it.
    if len(block.header) == 1 and _names_position_and_more(block.header[0].text) and _whole_job_line(line.text):
        return True
    # Entries stacked without bullets, set apart by space only (a narrow sidebar's education:
    # degree, school, dates, place, then a gap and the next degree). The next entry starts
    # set like this one did; a description after a gap does not.
    stacked = entry_gap and line.gap_before >= entry_gap and (has_dates or len(block.header) >= 2)
    if stacked and _same_type(line, block.header[0]) and not (_is_date_only(line.text) or _is_sentence(line.text)):
        return True
    # Dateless education lists, one degree a line ("BS in Physics, Some University"):
    # a line that names a degree and a school opens the next entry once the block has a school.
    if (
        kind == "education"
        and _names_degree_and_school(line.text)
        and any(_INSTITUTION_WORDS.search(header.text) for header in block.header)
    ):
        return True
    # Entries without bullets whose header is two lines set differently (moderncv banking:
    # bold "School \t Town" over plain "Degree \t Dates"; Word sidebars: bold degree over
    # plain school, dates and grade): a dated entry is complete, and a bold line like its
    # first line, after a plain one, opens the next. Education entries seldom have bullets
    # or always have dates, so there the set-apart first line alone tells.
    first, previous = block.header[0], block.header[-1]
    bold_again = first.bold and not previous.bold and _same_type(line, first)
    # Without dates, a plain line with a right-hand column ("Employer \t Town", the second row
    # of a four-corner header) completes the entry as dates would.
    complete = has_dates or kind == "education" or "\t" in previous.text.strip("\t ")
    if complete and len(block.header) >= 2 and bold_again:
        return True
    last = _without_dates(block.header[-1].text)  # "... 2012 Jul." ends a date, not a sentence
    if _is_sentence(line.text):
        return False
    ended_by_date = kind in _LIST_KINDS and _is_date_only(last) and len(block.header) >= 2
    # A line that runs on into a lower-case line starts another sentence of the paragraph.
    runs_on = following is not None and not following.bullet and following.text[:1].islower()
    return ended_by_date or (_is_sentence(last) and last.rstrip().endswith(".") and not runs_on)


def _is_list_label(text: str) -> bool:
    """A short phrase ending in a colon that introduces a list: "Achievements include:",
    "Key responsibilities:", "Tools used:". Never a dated line."""
    text = text.strip()
    return text.endswith(":") and 1 <= len(text.split()) <= 4 and not any(ch.isdigit() for ch in text)


def _without_dates(text: str) -> str:
    for found in reversed(find_date_ranges(text)):
        text = text[: found.begin] + text[found.finish :]
    return text.strip(" \t")


def _names_position_and_more(text: str) -> bool:
    """Two or more pieces, one of them a position by its words, another not a place."""
    pieces = [piece for piece in _parts([Line(text=text)]) if not find_date_ranges(piece)]
    titled = [piece for piece in pieces if _word_set(piece) & TITLE_WORDS]
    return len(pieces) >= 2 and bool(titled) and any(p not in titled and not is_place(p) for p in pieces)


def _whole_job_line(text: str) -> bool:
    """Dates, a position and another name on one line: a whole job."""
    ranges = find_date_ranges(text)
    if not ranges:
        return False
    rest = text[: ranges[0].begin] + "\t" + text[ranges[0].finish :]
    return _names_position_and_more(rest.strip(" \t"))


def _names_degree_and_school(text: str) -> bool:
    return bool(_DEGREE_WORDS.search(text) and _INSTITUTION_WORDS.search(text))


def bullet_text(lines: list[Line]) -> str:
    text, _ = strip_bullet(lines[0].text)
    for line in lines[1:]:
        text = join_wrapped(text, line.text)
    return " ".join(text.replace("\t", " ").split())


def _distinctive(piece: str) -> bool:
    """Does this piece say what it is (a title, an organization, a school, a place)?"""
    words = _word_set(piece)
    return bool(
        words & TITLE_WORDS
        or words & ORG_WORDS
        or _INSTITUTION_WORDS.search(piece)
        or _DEGREE_WORDS.search(piece)
        or is_place(piece)
        or is_region(piece)
    )


def _school_system(before: str, after: str) -> bool:
    """A school of a university system is named with the system after a comma ("Queens
    College, City University of New York", "Birkbeck College, University of London"): two
    school names, no degree, are one institution."""
    return all(_INSTITUTION_WORDS.search(piece) and not _DEGREE_WORDS.search(piece) for piece in (before, after))


def _split_commas(text: str) -> list[str]:
    """Split at commas, but keep names that contain one: "Omnious. Co., Ltd.",
    "R.O.K Cyber Command, MND" (neither side says what it is) stay whole."""
    pieces: list[str] = []
    split = _COMMA.split(text)
    for index, piece in enumerate(split):
        # "Cleveland" before "Ohio" is a city, whatever came before it.
        is_city = index + 1 < len(split) and is_region(split[index + 1])
        plain = not (_distinctive(pieces[-1]) or _distinctive(piece)) if pieces else False
        if pieces and (_LEGAL_SUFFIX.match(piece) or (plain and not is_city) or _school_system(pieces[-1], piece)):
            pieces[-1] = f"{pieces[-1]}, {piece}"
        else:
            pieces.append(piece)
    return pieces


def _style_pieces(column: str, spans: list) -> list[str] | None:
    """A column whose font changes where its commas are ("**Senior Staff Nurse, Emergency
    Department**, *St Thomas' Hospital*, London": moderncv and most templates that set the
    title bold and the employer italic): one piece per styled stretch, so a comma inside
    the title does not cut it. Only the last stretch (place, grade) is cut at its commas.
    None when the styles do not meet at commas."""
    found = []  # (start, end) of each span of the line found in this column, in order
    position = 0
    for span in spans:
        text = span.text.strip()
        start = column.find(text, position) if text else -1
        if start >= 0:
            found.append((start, start + len(text)))
            position = start + len(text)
    cuts = [
        start
        for (_, previous_end), (start, _) in zip(found, found[1:], strict=False)
        if "," in column[previous_end - 1 : start + 1]
    ]
    if not cuts:
        return None
    bounds = [0, *cuts, len(column)]
    pieces = [column[begin:end].strip(" ,") for begin, end in zip(bounds, bounds[1:], strict=False)]
    pieces = [piece for piece in pieces if piece]
    return pieces[:-1] + _split_commas(pieces[-1]) if pieces else None


def _columns(text: str) -> list[str]:
    """The text cut at _PART_SEPARATORS, except an " at " inside a school's name: campuses
    of a university system ("University of Arkansas at Little Rock", "University of
    Illinois at Urbana-Champaign"), where the words before " at " already name a school
    ("Research Assistant at Brown University" is still cut)."""
    columns, start = [], 0
    for found in _PART_SEPARATORS.finditer(text):
        before = text[start : found.start()]
        school_before = _UNIVERSITY_OF.search(before) or (
            _INSTITUTION_WORDS.search(before) and not _DEGREE_WORDS.search(before)
        )
        if found.group().strip() == "at" and school_before:
            continue
        columns.append(before)
        start = found.end()
    columns.append(text[start:])
    return columns


def _parts(header: list[Line]) -> list[str]:
    """The pieces of the header lines: "Nexus AI, Co-Founder & CTO \t San Francisco, CA"
    -> Nexus AI / Co-Founder & CTO / San Francisco / CA (places are joined back later)."""
    parts = []
    for line in header:
        for column in _columns(strip_bullet(line.text)[0]):
            pieces = _style_pieces(column, line.spans) or _split_commas(column)
            parts += [piece.strip(" ,|·•-–—") for piece in pieces]
    return [part for part in parts if part]


def _stands_apart(text: str, found: DateRange) -> bool:
    """Is the date the whole of its tab-separated column (or line), separators aside?"""
    start = text.rfind("\t", 0, found.begin) + 1
    end = text.find("\t", found.finish)
    column = text[start : end if end >= 0 else len(text)]
    date = text[found.begin : found.finish].strip(" ,|·–—-:()")
    # "Finalist, DEFCON CTF, 2018": a year closing a list of names after a comma is its date.
    closes_line = text[: found.begin].rstrip().endswith(",") and not text[found.finish :].strip(" .)")
    return column.strip(" ,|·–—-:()") == date or f"({date})" in column or closes_line


def _join_unfinished(header: list[Line]) -> list[Line]:
    """A header line whose name ends in a comma goes on in the next line ("Project Officer,
    Department of Sciences, \t Oct 2007 - Jan 2008" / "Research Division"): one line, the
    dates kept after a tab."""
    joined: list[Line] = []
    for line in header:
        previous = joined[-1] if joined else None
        if previous is not None and not previous.margin and not line.margin and _name_part(previous.text).endswith(","):
            ranges = find_date_ranges(previous.text)
            dates = previous.text[ranges[0].begin : ranges[0].finish] if ranges else ""
            text = f"{_name_part(previous.text)} {line.text.strip()}" + (f"\t{dates}" if dates else "")
            joined[-1] = Line(**{**previous.__dict__, "text": text})
        else:
            joined.append(line)
    return joined


def _name_part(text: str) -> str:
    """The line without its date range, as the writer's words end."""
    ranges = find_date_ranges(text)
    if ranges:
        text = text[: ranges[0].begin] + text[ranges[0].finish :]
    return strip_bullet(text)[0].strip(" \t")


def _take_dates(header: list[Line]) -> tuple[DateRange | None, list[Line]]:
    """The entry's date range, and the header lines with the dates cut out."""
    for index, line in enumerate(header):
        ranges = find_date_ranges(line.text)
        if ranges:
            best = max(ranges, key=lambda found: (found.confidence, found.finish - found.begin))
            if _stands_apart(line.text, best):
                # A bare year alone in its column or on its line is a date, not part of a name.
                best = DateRange(best.start, best.end, best.begin, best.finish, max(best.confidence, 0.85))
            rest = (line.text[: best.begin] + "\t" + line.text[best.finish :]).strip(" \t,|·–—-:")
            rest = re.sub(r"\(\s*\)", "", rest).strip()  # "Award (2024)" leaves no empty brackets
            trimmed = list(header)
            trimmed[index] = Line(**{**line.__dict__, "text": rest})
            return best, trimmed
    return None, header


def _column_starts(header: list[Line]) -> set[str]:
    """The first piece of every column after a line's first ("Vendetta \t QC, Philippines"
    -> "QC"): a place is never joined across the gap before it."""
    starts: set[str] = set()
    for line in header:
        for column in _columns(strip_bullet(line.text)[0])[1:]:
            pieces = [piece.strip(" ,|·•-–—") for piece in _split_commas(column)]
            starts.update(piece for piece in pieces[:1] if piece)
    return starts


def _place_run(parts: list[str], first: str) -> str:
    """The place that starts at `first` with the places right after it ("North Attleborough,
    Massachusetts", "USA" -> one place): a town, its region and its country are one location."""
    if first not in parts:
        return first
    start = parts.index(first)
    end = start + 1
    while end < len(parts) and (is_place(parts[end]) or is_region(parts[end])):
        end += 1
    return ", ".join(parts[start:end])


def _join_places(parts: list[str], column_starts: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Put back a place that comma splitting cut in two: "New Orleans", "LA" -> "New Orleans, LA"."""
    joined: list[str] = []
    index = 0
    while index < len(parts):
        pair = f"{parts[index]}, {parts[index + 1]}" if index + 1 < len(parts) else ""
        apart = pair and parts[index + 1] in column_starts
        if pair and not apart and not is_place(parts[index]) and is_region(parts[index + 1]) and is_place(pair):
            joined.append(f"{parts[index]}, {parts[index + 1]}")
            index += 2
        else:
            joined.append(parts[index])
            index += 1
    return joined


def _word_set(text: str) -> set[str]:
    return {word.strip(",.()").lower() for word in text.split()}


# Where the head of a name ends: a comma or a joining word ("Director of Sales", "Engineer at Acme").
_HEAD_PHRASE_END = re.compile(r",|\s+(?:of|for|in|at)\s+")


def _title_score(part: str) -> float:
    """More than 0 for a position's name, less than 0 for an employer's: title words count for,
    employer words against, and the head word once more. The head of an English name is its
    last word before any comma or "of" ("Director of Sales", "Bank of Ireland"): it tells what
    the whole is, the words before it only qualify it ("Systems Analyst" is a person, "Acme
    Systems" a company, "Science Department" a place of work)."""
    words = _word_set(part)
    score = len(words & TITLE_WORDS) - len(words & ORG_WORDS) * 1.5
    head_phrase = _HEAD_PHRASE_END.split(part.strip(), maxsplit=1)[0].split()
    head = head_phrase[-1].strip(",.()").lower() if head_phrase else ""
    return score + (head in TITLE_WORDS) - (head in ORG_WORDS) * 1.5


# A name that cannot end here: it goes on after a comma, an ampersand, a joining word or an
# open bracket ("Founding Member & Site Reliability Engineer &" / "Infrastructure Team Lead").
_OPEN_NAME_END = re.compile(r"(?:[,&/(]|\b(?:and|of|for|in|at|the))$", re.IGNORECASE)


def _join_wrapped_names(header: list[Line]) -> list[Line]:
    """Put back a header name that a PDF wrapped onto the next line: the next line is set
    like it, and the name's own column cannot end where it broke (see _OPEN_NAME_END, or
    a bracket left open)."""
    joined: list[Line] = []
    for line in header:
        previous = joined[-1] if joined else None
        if previous and previous.x0 and _same_type(line, previous) and not line.margin and "\t" not in line.text:
            name, tab, rest = previous.text.partition("\t")
            name = name.rstrip()
            if _OPEN_NAME_END.search(name) or name.count("(") > name.count(")"):
                spans = [] if tab else previous.spans + line.spans
                text = f"{name} {line.text.strip()}{tab}{rest}"
                joined[-1] = Line(**{**previous.__dict__, "text": text, "spans": spans})
                continue
        joined.append(line)
    return joined


def parse_entry(kind: str, block: _Block) -> ParsedEntry:
    entry = ParsedEntry(header_lines=[line.text for line in block.header])
    side_lines = [Line(text=text) for text in block.side]
    dates, header = _take_dates(_join_wrapped_names(_join_unfinished(_with_margin_first(block.header))) + side_lines)
    # A margin cell that held only the dates leaves nothing: drop it, so the entry's
    # first own line comes first (and is never read as prose).
    if header and header[0].margin and not header[0].text.strip():
        header = header[1:]
    if dates:
        entry.start_date, entry.end_date = dates.start, dates.end
        entry.confidence["startDate"] = entry.confidence["endDate"] = dates.confidence

    # Prose under the entry's names is its description, not more names.
    def is_prose(index: int) -> bool:
        text = header[index].text
        following = header[index + 1].text if index + 1 < len(header) else ""
        # A web address, or a domain as an employer's name ("otulea.uni-bremen.de").
        if _URL_ONLY.match(text) or _DOMAIN_NAME.match(text):
            return False
        # A line that wraps into a lower-case line is the start of a paragraph.
        wraps = following[:1].islower() and not _URL_ONLY.match(following)
        return _is_sentence(text) or wraps

    first_prose = next((i for i in range(1, len(header)) if is_prose(i)), len(header))
    if first_prose < len(header):
        description = ""
        for line in header[first_prose:]:
            description = join_wrapped(description, line.text.replace("\t", " "))
        entry.summary = " ".join(description.split())
        header = header[:first_prose]
    parts = [part for part in _parts(header) if not _TIME_SPAN.match(part)]
    urls = [part for part in parts if _URL_ONLY.match(part)]
    if urls:
        entry.details["url"] = urls[0]
    parts = _join_places([part for part in parts if part not in urls], _column_starts(header))
    # Places first: "San Francisco, CA" would otherwise be read as a company.
    locations = [part for part in parts if is_place(part)]
    if not locations and kind != "education":
        locations = _right_column_place(header)
    if locations:
        entry.location = _place_run(parts, locations[0])
    names = [part for part in parts if part not in locations]
    if kind == "education":
        _fill_education(entry, names)
    elif not (kind in _JOB_KINDS and _fill_by_lines(entry, header)):
        _fill_title_and_organization(kind, entry, names)
    entry.bullets = [bullet_text(lines) for lines in block.bullets]
    return entry


_JOB_KINDS = ("work", "volunteer")


def _town_like(piece: str) -> bool:
    """A place, or a town the place list does not know: one to three capitalised words that
    name no title, organization or school ("Cork", "Poznań", "St Albans")."""
    words = piece.split()
    return (
        is_place(piece)
        or is_region(piece)
        or (
            0 < len(words) <= 3
            and all(word[:1].isupper() for word in words)
            and not _distinctive(piece)
            and not any(ch.isdigit() for ch in piece)
        )
    )


def _abbreviates(short: str, name: str) -> bool:
    """Is `short` the initials of `name`'s capitalised words ("CIDG": "Criminal Investigation
    and Detection Group")?"""
    initials = "".join(word[0] for word in name.split() if word[:1].isupper())
    return len(short) >= 2 and short.isupper() and " " not in short and short == initials


def _name_and_places(line: Line) -> tuple[str, list[str]] | None:
    """A header line's name and the places set beside it in a right-hand column ("Acme Corp
    \t London", Jake's and most four-corner templates); None for a line in other columns
    ("Engineer | Acme")."""
    tab_columns = [column.strip() for column in strip_bullet(line.text)[0].split("\t") if column.strip()]
    if not tab_columns:
        return "", []
    name, side = tab_columns[0], tab_columns[1:]
    if "|" in name:
        return None
    if not all(is_place(column) or all(_town_like(piece) for piece in column.split(", ")) for column in side):
        return None
    return name, side


def _fill_by_lines(entry: ParsedEntry, header: list[Line]) -> bool:
    """A job whose two header lines are one name each, the employer's with its town after a
    comma or in a right-hand column ("St Thomas' Hospital, London" / "Senior Staff Nurse,
    Emergency Department"; Word and most one-column templates, docx_header_textbox): the
    position is its whole line, commas and all, and the employer line's pieces after the
    first are the place. The position is the line whose words say so (more title words; or,
    failing that, employer words in one line and none in the other), or, when the two lines
    are set apart (one bold, one not) and no word tells, the first. False (nothing set) for
    any other header."""
    rows = []  # (pieces, places beside, name)
    for line in header:
        split = _name_and_places(line)
        if split is None:
            return False
        name, side = split
        pieces = _parts([Line(**{**line.__dict__, "text": name})]) if name else []
        # A line that is all place ("Santa Clara, CA", its town and state cut apart) names nobody.
        if pieces and not all(is_place(piece) for piece in _join_places(pieces)):
            rows.append((pieces, side, name, line.bold))
    if len(rows) != 2:
        return False
    first, second = (", ".join(row[0]) for row in rows)
    scores = (_title_score(first), _title_score(second))
    if _abbreviates(first, second) or _abbreviates(second, first):
        # "Highway Patrol Group" over "HPG": one body named twice, its words tell nothing.
        scores = (0.0, 0.0)
    told_by_title_words = scores[0] != scores[1] and max(scores) > 0
    # "Avalon Systems, Inc." over "Contractor – Web Development": employer words name the employer.
    told_by_employer = scores[0] != scores[1] and min(scores) <= -1.5 and max(scores) >= 0
    set_apart = rows[0][3] != rows[1][3]
    if not (told_by_title_words or told_by_employer or set_apart):
        return False
    title_first = scores[0] >= scores[1]
    (title_pieces, _, title_name, _), (org_pieces, side, org_name, _) = rows if title_first else rows[::-1]
    # A dash may join the parts of a position ("Intern – Data Science"), never of the employer line.
    if len(_columns(org_name)) > 1:
        return False
    if len(_columns(title_name)) > 1:
        if any(_word_set(column) & ORG_WORDS for column in _columns(title_name)):
            return False  # "DevOps Engineer — Dunamu Inc.": position and employer on one line
        title_pieces = [title_name]
    org_pieces = _join_places(org_pieces)
    if any(_URL_ONLY.match(piece) for piece in title_pieces + org_pieces):
        return False
    # "Employer, Town" or "Employer, Town, Country"; an employer named in several pieces
    # ("Institute for Advanced Research, Science College") keeps them all.
    cut = next(
        (
            index
            for index in range(1, len(org_pieces))
            if len(org_pieces) - index <= 3 and all(_town_like(place) for place in org_pieces[index:])
        ),
        len(org_pieces),
    )
    employer, places = ", ".join(org_pieces[:cut]), org_pieces[cut:] + side
    if cut > 1 and not _word_set(org_pieces[cut - 1]) & ORG_WORDS:
        return False
    if not places and not _word_set(employer) & ORG_WORDS and (not set_apart or len(title_pieces) > 1):
        # An employer line without a town must say it is one ("Vandelay Industries"), or
        # "Software Engineer, Google" over "Mountain View" would make the town the employer.
        return False
    entry.title, entry.organization = ", ".join(title_pieces), employer
    if places:
        entry.location = entry.location or ", ".join(places)
    order = "title first" if title_first else "title second"
    if told_by_title_words:
        entry.confidence["title"] = entry.confidence["organization"] = 0.85
        entry.order = order
    elif told_by_employer:
        # An employer word alone tells less: the section's order may overrule it.
        entry.confidence["title"] = entry.confidence["organization"] = 0.7
        entry.order = f"weakly {order}"
    else:
        # Set apart but told by no word: the section's other entries may tell the order.
        entry.confidence["title"] = entry.confidence["organization"] = 0.6
        entry.order = "tied" if title_first else ""
    return True


def _right_column_place(header: list[Line]) -> list[str]:
    """A town the place list does not know ("London", "Lyon"), set in a right-hand column of
    an entry's two-line header (moderncv banking: "Employer \t Town" over "Position \t
    Dates"): a short last column that names no title or organization is the place, when
    the other lines give the two names."""
    named = [line for line in header if line.text.split("\t")[0].strip()]
    if len(named) < 2:
        return []
    for line in named:
        columns = [column.strip() for column in line.text.split("\t")]
        last = columns[-1]
        if (
            len(columns) == 2
            and 0 < len(last.split()) <= 3
            and last[:1].isupper()
            and not _distinctive(last)
            and not any(ch.isdigit() for ch in last)
        ):
            return [last]
    return []


def _fill_title_and_organization(kind: str, entry: ParsedEntry, names: list[str]) -> None:
    if not names:
        return
    if kind in ("projects", "awards", "certificates", "publications", "languages", "interests", "references"):
        entry.title, entry.confidence["title"] = names[0], 0.8
        if len(names) > 1 and kind == "projects" and _title_score(names[1]) > 0:
            entry.details["roles"] = [names[1]]  # "Project Lead": the person's role in it
        elif len(names) > 1:
            entry.organization = names[1]
        return
    if len(names) == 1:
        entry.title, entry.confidence["title"] = names[0], 0.5
        return
    first, second = names[0], names[1]
    scores = (_title_score(first), _title_score(second))
    if scores[0] == scores[1]:
        # No word tells them apart: most templates put the position first (and
        # _follow_section_order may learn otherwise from the section's other entries).
        entry.title, entry.organization = first, second
        entry.confidence["title"] = entry.confidence["organization"] = 0.55
        entry.order = "tied"
    else:
        entry.title, entry.organization = (first, second) if scores[0] > scores[1] else (second, first)
        entry.confidence["title"] = entry.confidence["organization"] = 0.85
        order = "title first" if scores[0] > scores[1] else "title second"
        # A vote for the section's order only when a title word named the position (an
        # employer word alone, "Highway Patrol Group" beside "HPG", or "Healthcare" in
        # "Healthcare Assistant", tells less: the section's order may overrule it).
        entry.order = order if max(scores) > 0 else f"weakly {order}"
    extra = [name for name in names[2:] if name not in (entry.title, entry.organization)]
    if extra and not entry.location and len(extra[0].split()) <= 3:
        entry.location = extra[0]


_LEADING_DEGREE = re.compile(
    r"^(Ph\.?\s?D\.?|B\.?S\.?c?|B\.?A\.?|M\.?S\.?c?|M\.?A\.?|MBA|B\.?Eng|M\.?Eng|BTech|MTech|A\.?A\.?S?)\s+(.+)$"
)


_AREA_LABELS = frozenset({"major", "field", "field of study", "concentration", "area"})
# Labels whose text is not a name ("Expected Graduation: May 2018" once its date is taken).
_SKIPPED_LABELS = frozenset({"minor", "expected graduation", "graduation", "expected", "graduated"})


def _fill_education(entry: ParsedEntry, names: list[str]) -> None:
    # "PhD Princeton University": a degree abbreviation in front of the institution.
    split_names = []
    for name in names:
        leading = _LEADING_DEGREE.match(name)
        if leading and _INSTITUTION_WORDS.search(leading.group(2)):
            split_names += [leading.group(1), leading.group(2)]
        else:
            split_names.append(name)
    names = []
    for name in split_names:
        label, _, value = name.partition(":")
        label = label.strip().lower()
        if value and label in _AREA_LABELS:
            entry.details["area"] = value.strip()
        elif label not in _SKIPPED_LABELS:
            names.append(name)
    graded = []  # names that were only a grade ("GPA: 3.8"): never the institution
    for name in names:
        gpa = _GPA.search(name)
        if gpa:
            entry.details["score"] = gpa.group(1)
            if not name[: gpa.start()].strip(" ,;:|("):
                graded.append(name)
            name = name[: gpa.start()].strip(" ,;:|(")
            if not name:
                continue
        if not entry.organization and _INSTITUTION_WORDS.search(name):
            entry.organization = name
            entry.confidence["institution"] = 0.9
        elif not entry.title and _DEGREE_WORDS.search(name):
            # "Bachelor of Science in Computer Science" -> degree and field of study.
            pieces = re.split(r"\s+in\s+|,\s+", name, maxsplit=1)
            leading = _LEADING_DEGREE.match(name)
            if len(pieces) == 1 and leading and not leading.group(2).startswith("("):
                pieces = [leading.group(1), leading.group(2)]  # "B.S. Business Administration"
            entry.title = pieces[0].strip()
            if len(pieces) > 1:
                entry.details["area"] = pieces[1].strip()
            entry.confidence["studyType"] = 0.8
            graded.append(name)  # the degree's own line: never the institution either
    _add_campus(entry, names)
    leftovers = [name for name in names if name not in (entry.organization, entry.title, *graded)]
    # A line that names a web address among other words is a credit or a link ("PDF typeset
    # with HTML/CSS: github.com/..."), never a school: left for the not-placed list.
    leftovers = [name for name in leftovers if not any(_URL_ONLY.match(word) for word in name.split()[1:])]
    if not entry.organization and leftovers:
        entry.organization = leftovers[0]
        entry.confidence["institution"] = 0.5


_CAMPUS = re.compile(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}")


# A name whose head word is "project", before any subtitle ("Master Project - PrIMA").
_PROJECT = re.compile(r"^[^:(–-]*\bprojects?\s*(?:$|[:(–-])", re.IGNORECASE)


def project_at_school(entry: ParsedEntry) -> ParsedEntry | None:
    """An education entry named as a project ("Master Project - PrIMA", "Senior Capstone
    Project"): work done at the school, not a qualification, returned as a project named in
    full (the subtitle after a dash too). "Master of Project Management" is a degree: there
    "project" is no head word. None for any other entry."""
    if not _PROJECT.match(entry.title.strip()):
        return None
    first_column = entry.header_lines[0].split("\t")[0].strip() if entry.header_lines else ""
    if first_column.startswith(entry.title) and not find_date_ranges(first_column):
        entry.title = first_column
    return entry


def _add_campus(entry: ParsedEntry, names: list[str]) -> None:
    """The name right after the institution: its field of study when none is known yet
    ("Princeton University, Computer Science": RenderCV, Reactive Resume), else a town no
    place list knows, its campus and part of its name ("California State University, Chico"
    under "B.S. Business Administration"; JSON Resume's education has no place, so the town
    would otherwise be lost), unless the school is named after it. A known place ("Boston,
    MA") was taken as the location before."""
    if entry.organization not in names:
        return
    index = names.index(entry.organization) + 1
    if index >= len(names) or not _CAMPUS.fullmatch(names[index]) or not _town_like(names[index]):
        return
    town = names[index]
    if entry.details.get("area") and set(town.split()) & set(entry.organization.split()):
        # "Leeds Trinity University, Leeds": a school named after its town, then the town.
        entry.location = entry.location or town
    elif entry.details.get("area"):
        entry.organization = f"{entry.organization}, {town}"
    elif entry.title:
        entry.details["area"] = town


# Sections whose bulleted lines are whole entries ("• Certified Public Accountant (CPA)").
_LIST_KINDS = frozenset({"certificates", "awards", "languages", "interests", "references", "publications"})
_LABELLED = re.compile(r"^([^:]{2,60}):\s+(.{10,})$")


def _names_a_degree(text: str) -> bool:
    """A line that starts with a degree ("BS in Early Childhood Development (1999)")."""
    found = _DEGREE_WORDS.search(text)
    return bool(found) and found.start() == 0 and not _GPA.search(text)


def _degrees_of_one_school(block: _Block) -> list[ParsedEntry]:
    """A school's line with its degrees as bullets under it ("University of Arkansas" /
    "• BS in Early Childhood Development (1999)" / "• BA in Elementary Education (1998)"):
    one entry per degree, each with the school; the other bullets (grades, honours) stay with
    the last degree, so nothing is lost."""
    entries: list[ParsedEntry] = []
    for lines in block.bullets:
        text = bullet_text(lines)
        if _names_a_degree(text) or not entries:
            entries.append(parse_entry("education", _Block(header=[*block.header, Line(text=text)])))
        else:
            entries[-1].bullets.append(text)
    return entries


def _follow_section_order(entries: list[ParsedEntry]) -> None:
    """Entries of one section share their template, so the order of position and employer
    that the section's telling entries show ("St Thomas' Hospital" / "Senior Staff Nurse":
    moderncv banking puts the employer first) holds for those whose words tell nothing
    ("Cruz Roja Española" / "Healthcare Assistant")."""
    votes = [entry.order for entry in entries if entry.order in ("title first", "title second")]
    # One telling entry is not a pattern yet; two or more, with none against them, are.
    # Tied entries were read title first, so only a title-second pattern changes them;
    # an entry read by an employer word alone follows either pattern.
    for pattern, other in (("title second", "title first"), ("title first", "title second")):
        if votes.count(pattern) < 2 or other in votes:
            continue
        for entry in entries:
            if entry.order == f"weakly {other}" or (entry.order == "tied" and pattern == "title second"):
                entry.title, entry.organization = entry.organization, entry.title
                entry.confidence["title"] = entry.confidence["organization"] = 0.7
                entry.order = pattern


def parse_entries(kind: str, lines: list[Line]) -> list[ParsedEntry]:
    entries = []
    for block in group_blocks(lines, kind):
        bullets = [bullet_text(bullet) for bullet in block.bullets]
        labelled = [_LABELLED.match(text) for text in bullets]
        # A list of "Name: what it is" with no entry line above is one entry per item
        # (projects, awards, certificates written as a bulleted list).
        if not block.header and bullets and kind != "work" and all(labelled):
            entries += [
                ParsedEntry(title=match.group(1).strip(), summary=match.group(2).strip(), confidence={"title": 0.7})
                for match in labelled
            ]
        elif not block.header and bullets and kind in _LIST_KINDS:
            # Each item is a one-line entry: "AWS Certified Developer - Amazon - 2019".
            entries += [parse_entry(kind, _Block(header=[Line(text=text)])) for text in bullets]
        elif kind == "education" and block.header and sum(map(_names_a_degree, bullets)) >= 2:
            entries += _degrees_of_one_school(block)
        else:
            entries.append(parse_entry(kind, block))
    _follow_section_order(entries)
    if kind == "education":
        _share_schools(entries)
    return entries


def _share_schools(entries: list[ParsedEntry]) -> None:
    """Several degrees listed under one school line ("First American University, Town" /
    "Ph.D. in ..." / "M.B.A." / "M.S. in ..."): a degree whose header is only its own line
    takes the school (and place) of the entry before it. A guess from the layout, so unsure."""
    for previous, entry in zip(entries, entries[1:], strict=False):
        alone = len(entry.header_lines) == 1 and not _INSTITUTION_WORDS.search(entry.header_lines[0])
        if entry.title and not entry.organization and alone and _INSTITUTION_WORDS.search(previous.organization):
            entry.organization, entry.location = previous.organization, entry.location or previous.location
            entry.confidence["institution"] = 0.6
