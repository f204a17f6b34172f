"""HTML/CSS layouts on lines the tests make: years stacked in a narrow left column that the
PDF reads as a block of its own, and a list printed in two columns."""

from __future__ import annotations

from resume_app.parsing.entries import parse_entries
from resume_app.parsing.lines import Line
from resume_app.parsing.pdf_date_column import attach_date_columns


def _at(text: str, x0: float, top: float, *, size: float = 8.0, bold: bool = False, bullet: bool = False) -> Line:
    return Line(text, page=1, x0=x0, x1=x0 + 5 * len(text), top=top, size=size, bold=bold, bullet=bullet)


def test_stacked_years_go_back_beside_their_entries():
    years = [_at("2020", 29, 200), _at("|", 39, 210), _at("2022", 29, 218)]
    years += [_at("2018", 29, 273), _at("-", 39, 282), _at("Now", 29, 291)]
    entries = [
        _at("WORK EXPERIENCE", 58, 179, size=12),
        _at("Team Leader", 76, 200, size=9, bold=True),
        _at("Northwind Traders", 76, 211),
        _at("• Led the night shift", 77, 223, bullet=True),
        _at("Patrol Officer", 76, 273, size=9, bold=True),
        _at("Contoso Police", 76, 283),
    ]
    blocks = attach_date_columns([years, entries])
    assert len(blocks) == 1
    texts = [(line.text, line.margin) for line in blocks[0]]
    assert texts[1] == ("2020 – 2022", "2020 – 2022")
    assert texts[5] == ("2018 - Now", "2018 - Now")
    parsed = parse_entries("work", blocks[0][1:])
    assert [(entry.title, entry.start_date, entry.end_date) for entry in parsed] == [
        ("Team Leader", "2020", "2022"),
        ("Patrol Officer", "2018", ""),
    ]


def test_a_column_that_holds_more_than_dates_stays_as_it_is():
    sidebar = [_at("2020", 29, 200), _at("Python", 29, 215), _at("SQL", 29, 230)]
    main = [_at("Team Leader", 76, 200)]
    assert attach_date_columns([sidebar, main]) == [sidebar, main]


def test_bullets_printed_in_two_columns_are_one_bullet_each():
    lines = [
        Line("Project A", bold=True),
        Line("• talent 1\t• talent 4", bullet=True),
        Line("• talent 2\t• talent 5", bullet=True),
        Line("• talent 3", bullet=True),
    ]
    entry = parse_entries("projects", lines)[0]
    assert entry.bullets == ["talent 1", "talent 2", "talent 3", "talent 4", "talent 5"]


def test_an_outer_painted_marker_set_apart_heads_an_entry():
    # A browser paints list markers as shapes: a bold outer item with plain items nested
    # further right is the entry (the degree), not a bullet.
    lines = [
        Line("Bachelor of Arts in History, Queens College", x0=401, x1=576, top=246, size=9.2, bold=True, bullet=True),
        Line("American Urban History", x0=411, x1=503, top=268, size=9.2, bullet=True),
        Line("Political Institutions", x0=411, x1=484, top=278, size=9.2, bullet=True),
    ]
    entry = parse_entries("education", lines)[0]
    assert (entry.title, entry.organization) == ("Bachelor of Arts", "Queens College")
    assert entry.bullets == ["American Urban History", "Political Institutions"]


def test_a_place_is_not_joined_across_a_column_gap():
    # "QC" is a region, but "Vendetta" before the gap is the employer, not a town.
    lines = [Line("Team Leader", bold=True), Line("Vendetta\tQC, Philippines"), Line("• Led the team", bullet=True)]
    entry = parse_entries("work", lines)[0]
    assert (entry.title, entry.organization, entry.location) == ("Team Leader", "Vendetta", "QC, Philippines")
