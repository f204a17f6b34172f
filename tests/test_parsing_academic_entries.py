"""Entries as academic CV classes write them, on lines the tests make: the organisation on a
line of its own, then each position or degree as an outer bullet with its dates, and a
position name that wraps after a comma."""

from __future__ import annotations

from resume_app.parsing.entries import parse_entries
from resume_app.parsing.lines import Line


def _line(text: str, x0: float, top: float, *, size: float = 10.0, bullet: bool = False, bold: bool = False) -> Line:
    return Line(text, page=1, x0=x0, x1=560, top=top, size=size, bullet=bullet, bold=bold)


def test_an_employer_in_several_pieces_over_a_position_that_wraps_after_a_comma():
    lines = [
        _line("Alpha Engineering Firm, Oakland, Ohio, USA", 137, 161),
        _line("■ Project Officer, Department of Physics,\tOct 2007 – Jan 2008", 141, 174, bullet=True, bold=True),
        _line("Research & Development Division", 149, 186),
        _line("● Nullam venenatis egestas nisl eget elementum.", 153, 196, size=8.6, bullet=True),
        _line("Institute for Advanced Research, Science College", 137, 272),
        _line("■ Research Student, Science Department\tMay 2004 – May 2005", 141, 285, bullet=True, bold=True),
        _line("● Focus: Climate change, lasers, statistics.", 153, 295, size=8.6, bullet=True),
    ]
    entries = parse_entries("work", lines)
    assert [(entry.title, entry.organization, entry.start_date) for entry in entries] == [
        (
            "Project Officer, Department of Physics, Research & Development Division",
            "Alpha Engineering Firm",
            "2007-10",
        ),
        ("Research Student, Science Department", "Institute for Advanced Research, Science College", "2004-05"),
    ]
    assert entries[0].location.startswith("Oakland, Ohio")
    assert entries[1].bullets == ["Focus: Climate change, lasers, statistics."]


def test_degrees_listed_under_one_school_line_share_the_school():
    lines = [
        _line("First American University, Springfield, Massachusetts", 137, 116),
        _line("■ Ph.D. in Geophysical Engineering\tDec 2009 – Jul 2014", 141, 129, bullet=True),
        _line("● Adviser: Prof. Jonathan Public", 153, 139, size=8.6, bullet=True),
        _line("■ M.B.A.\tNov 2008 – Jun 2009", 141, 173, bullet=True),
        _line("■ M.S. in Geophysical Engineering\tAug 2006 – Aug 2008", 141, 186, bullet=True),
        _line("● Cumulative GPA: 3.7 / 4.0", 153, 197, size=8.6, bullet=True),
    ]
    entries = parse_entries("education", lines)
    assert [(entry.title, entry.organization) for entry in entries] == [
        ("Ph.D.", "First American University"),
        ("M.B.A.", "First American University"),
        ("M.S.", "First American University"),
    ]
    # The shared school is read from the layout, not from the entry's own lines: unsure.
    assert entries[0].confidence["institution"] > 0.8 > entries[2].confidence["institution"]


def test_a_description_sentence_that_runs_on_does_not_open_an_entry():
    # "...approaches." then "This numerical approach was" / "highly optimised ...": one paragraph.
    lines = [
        _line("2009 - 2011", 34, 82, bold=True),
        _line("M. Sc. Physics", 34, 99, bold=True),
        _line("Universität Bonn", 34, 112),
        _line("The thesis compared two commonly used approaches.", 34, 131),
        _line("This numerical approach was", 34, 143),
        _line("highly optimised for cluster computing.", 34, 155),
    ]
    entries = parse_entries("education", lines)
    assert [entry.organization for entry in entries] == ["Universität Bonn"]
