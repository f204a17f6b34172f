"""Each step of the posting analysis (resume_app.matching.requirements.*) on its own, with
small inputs written here: what a step does is pinned where it is done, so a change that
breaks one step fails a test named after it. tests/test_requirements.py runs the whole
analysis on the corpus postings."""

from __future__ import annotations

import json

import pytest

from resume_app.core.errors import InputError
from resume_app.matching.requirements import (
    EMPTY_MESSAGE,
    KIND_WEIGHTS,
    MAX_CHARS,
    NOT_TEXT_MESSAGE,
    SHORT_MESSAGE,
    LeftOut,
    RequirementKind,
    analyze_posting,
)
from resume_app.matching.requirements.classify import requirement_kind, settle_neutral_sections
from resume_app.matching.requirements.cleanup import clean_chunk, readable_text, split_lines
from resume_app.matching.requirements.header import take_header, title_from_first_line
from resume_app.matching.requirements.headings import (
    BOILERPLATE,
    NEUTRAL,
    chunk_heading,
    classify_heading,
    heading_end,
    is_leadin,
    line_heading,
)
from resume_app.matching.requirements.runon import split_runon
from resume_app.matching.requirements.sections import Chunk, Section, build_sections
from resume_app.matching.requirements.segments import broken_item, build_segments, join_lines
from resume_app.matching.requirements.selection import keep, mostly_requirements, reads_like_requirement
from resume_app.matching.requirements.sentences import LONG_REQUIREMENT_WORDS, split_long, split_sentences
from resume_app.matching.requirements.words import is_verb, opener, title_case
from resume_app.tailoring import rows

REQUIRED, RESPONSIBILITY, PREFERRED = (
    RequirementKind.REQUIRED,
    RequirementKind.RESPONSIBILITY,
    RequirementKind.PREFERRED,
)

# --- model: the kind enum and the weights keyed on it ---------------------------------------


def test_a_kind_is_its_plain_word_in_comparisons_keys_and_json():
    assert REQUIRED == "required" and PREFERRED == "preferred" and RESPONSIBILITY == "responsibility"
    assert {"preferred": 0.6}[PREFERRED] == 0.6
    assert json.dumps({"kind": RESPONSIBILITY}) == '{"kind": "responsibility"}'
    assert f"{PREFERRED}" == "preferred"
    assert RequirementKind("required") is REQUIRED


def test_every_kind_has_one_weight_and_a_label():
    kinds = set(RequirementKind)
    assert set(KIND_WEIGHTS) == set(rows.KIND_LABELS) == kinds
    # a nice-to-have counts less than a duty, a duty no more than a must
    assert KIND_WEIGHTS[PREFERRED] < KIND_WEIGHTS[RESPONSIBILITY] <= KIND_WEIGHTS[REQUIRED]


def test_the_weights_are_the_tuned_numbers():
    # The numbers the ranking was tuned with (bench/rank_quality.py); issue 12 retunes them.
    assert dict(KIND_WEIGHTS) == {REQUIRED: 1.0, RESPONSIBILITY: 0.9, PREFERRED: 0.6}


def test_the_weight_table_cannot_be_changed_by_a_caller():
    with pytest.raises(TypeError):
        KIND_WEIGHTS[REQUIRED] = 2.0  # type: ignore[index]


def test_analysis_gives_each_requirement_an_enum_kind_and_its_weight():
    analysis = analyze_posting(
        "Requirements\n- 3+ years of Python\n- Strong SQL skills\n"
        "Responsibilities\n- Build data pipelines\n"
        "Nice to have\n- Experience with Airflow\n"
    )
    kinds = [item.kind for item in analysis.requirements]
    assert kinds == [REQUIRED, REQUIRED, RESPONSIBILITY, PREFERRED]
    assert all(type(kind) is RequirementKind for kind in kinds)
    assert [item.weight for item in analysis.requirements] == [KIND_WEIGHTS[kind] for kind in kinds]


# --- words -----------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["manage", "manages", "managing", "planning", "identifies", "builds"])
def test_duty_verbs_in_every_form(word):
    assert is_verb(word)


@pytest.mark.parametrize("word", ["management", "strongly", "python", "team"])
def test_words_that_are_not_duty_verbs(word):
    assert not is_verb(word)


@pytest.mark.parametrize(
    ("token", "after", "expected"),
    [
        ("Develop", "scalable services", "verb"),
        ("Independently", "design new tools", "verb"),
        ("Strong", "communication skills", "qualifier"),
        ("Hands", "on experience", "qualifier"),
        ("At", "least 3 years", "qualifier"),
        ("3+", "years of Python", "years"),
        ("The", "team is small", "function"),
        ("Kubernetes", "clusters", None),
        ("develop", "scalable services", None),  # not capitalised: it continues a sentence
        ("3", "servers", None),
    ],
)
def test_opener_tells_what_a_capitalised_word_starts(token, after, expected):
    assert opener(token, after) == expected


def test_title_case_ignores_small_words_only():
    assert title_case("Essential Job Duties and Tasks")
    assert not title_case("Essential job duties")


# --- cleanup ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", EMPTY_MESSAGE),
        ("  \n\t ", EMPTY_MESSAGE),
        (b"Python developer wanted", NOT_TEXT_MESSAGE),
        ("\x00\x01\x02\x03 \x04\x05\x06\x07 junk \x08\x0e\x0f", NOT_TEXT_MESSAGE),
        ("Python developer", SHORT_MESSAGE),
    ],
)
def test_readable_text_refuses_what_is_not_a_posting(text, message):
    with pytest.raises(InputError) as caught:
        readable_text(text)
    assert str(caught.value) == message


def test_readable_text_straightens_quotes_and_drops_invisible_characters():
    text = readable_text("You\u2019ll build \u201cdata\u201d\u200b tools\u00a0daily\r\nat Acme")
    assert text == 'You\'ll build "data" tools daily\nat Acme'


def test_readable_text_reads_only_the_first_max_chars():
    assert len(readable_text("Python developer wanted. " * 20_000)) == MAX_CHARS


def test_split_lines_makes_runs_of_spaces_one_and_keeps_blank_lines():
    assert split_lines("Build   pipelines \n\n  Review\tcode") == ["Build pipelines", "", "Review code"]


def test_split_lines_rejoins_a_text_layer_with_one_word_per_line():
    words = [f"word{number}" for number in range(40)]
    assert split_lines("\n".join(words)) == [" ".join(words)]


def test_split_lines_keeps_a_short_list_of_one_word_lines():
    assert split_lines("Python\nGo\nSQL") == ["Python", "Go", "SQL"]


@pytest.mark.parametrize(
    ("chunk", "clean"),
    [
        ("• Python ,  Go and SQL;", "Python, Go and SQL"),
        ("- Build data pipelines:", "Build data pipelines"),
        ("2) Review code –", "Review code"),
    ],
)
def test_clean_chunk_drops_glyphs_spaces_and_trailing_punctuation(chunk, clean):
    assert clean_chunk(chunk) == clean


# --- header ----------------------------------------------------------------------------


def test_site_header_on_its_own_lines_gives_title_and_company():
    left_out: list[LeftOut] = []
    lines = ["Title: Data Engineer", "Company: Acme", "Location: Remote", "", "About the role"]
    header, rest = take_header(lines, left_out)
    assert header == {"title": "Data Engineer", "company": "Acme", "location": "Remote"}
    assert rest == ["About the role"]
    assert [item.text for item in left_out] == lines[:3]


def test_site_header_run_together_on_one_line():
    left_out: list[LeftOut] = []
    line = "Title: Data Engineer Company: Acme Location: Boston, MA We build data tools."
    header, rest = take_header([line], left_out)
    assert header == {"title": "Data Engineer", "company": "Acme", "location": "Boston, MA"}
    assert rest == ["We build data tools."]
    assert left_out == [LeftOut("Title: Data Engineer Company: Acme Location: Boston, MA", "job details")]


def test_no_site_header_leaves_the_lines_alone():
    left_out: list[LeftOut] = []
    assert take_header(["Build pipelines."], left_out) == ({}, ["Build pipelines."])
    assert left_out == []


def test_a_short_first_line_naming_a_job_is_the_title():
    left_out: list[LeftOut] = []
    title, company, rest = title_from_first_line(["Senior Data Engineer at Acme", "Build pipelines."], "", left_out)
    assert (title, company, rest) == ("Senior Data Engineer", "Acme", ["Build pipelines."])
    assert left_out == [LeftOut("Senior Data Engineer at Acme", "job details")]


@pytest.mark.parametrize(
    "first",
    [
        "We are hiring people who like to build things for customers.",  # a sentence, no job noun
        "Requirements",  # a heading
        "- Data Engineer",  # a list item
    ],
)
def test_a_first_line_that_is_not_a_title(first):
    left_out: list[LeftOut] = []
    assert title_from_first_line([first, "More text."], "Acme", left_out) == ("", "Acme", [first, "More text."])
    assert left_out == []


# --- headings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Requirements:", REQUIRED),
        ("Minimum Qualifications", REQUIRED),
        ("Preferred Qualifications", PREFERRED),
        ("Nice to have", PREFERRED),
        ("What you'll do", RESPONSIBILITY),
        ("Essential Job Duties and Tasks", RESPONSIBILITY),
        ("Benefits", BOILERPLATE),
        ("About us", BOILERPLATE),
        ("Meet the team", None),
        ("Summary", None),
        ("", None),
    ],
)
def test_classify_heading(label, kind):
    assert classify_heading(label) == kind


def test_heading_end_in_running_text():
    assert heading_end("Minimum Qualifications: 3+ years of Python", 0) == len("Minimum Qualifications")
    assert heading_end("Preferred Skills Go and Rust", 0) == len("Preferred Skills")
    assert heading_end("minimum qualifications: 3+ years", 0) is None  # not written as a heading
    assert heading_end("Responsibilities", 0) is None  # nothing follows it
    assert heading_end("Responsibilities", 0, whole=True) == len("Responsibilities")


@pytest.mark.parametrize("line", ["Responsibilities:", "Preferred Qualifications", "What You'll Do", "Our Benefits"])
def test_line_heading(line):
    assert line_heading(line)


@pytest.mark.parametrize("line", ["Build data pipelines in Python.", "- Requirements:", "3+ years of SQL"])
def test_not_a_line_heading(line):
    assert not line_heading(line)


def test_chunk_heading_finds_where_the_label_ends_and_the_content_starts():
    assert chunk_heading("Requirements: Python and SQL") == (12, 13)
    assert chunk_heading("Preferred Skills Go and Rust") == (16, 17)
    assert chunk_heading("Build data pipelines in Python") is None
    # a short line of its own: only a known kind of label counts
    assert chunk_heading("Enterprise Scheduler: Obsidian", known_only=True) is None


def test_a_lead_in_introduces_a_list():
    assert is_leadin("For this position, you should")
    assert is_leadin("The ideal candidate will have")
    assert not is_leadin("You will build pipelines.")


# --- segments --------------------------------------------------------------------------


def test_segments_join_wrapped_lines_and_mark_list_items_and_headings():
    left_out: list[LeftOut] = []
    segments = build_segments(
        ["Responsibilities", "- Build data pipelines that move", "data every night", "- Review code"], left_out
    )
    assert [(segment.text, segment.glyph, segment.heading) for segment in segments] == [
        ("Responsibilities", False, True),
        ("Build data pipelines that move data every night", True, False),
        ("Review code", True, False),
    ]
    assert left_out == []


def test_segments_drop_print_headers_footers_and_page_numbers():
    left_out: list[LeftOut] = []
    lines = ["1/2/24, 10:15 AM Job posting", "https://example.com/jobs/1 1/2", "Page 1 of 2", "Build pipelines."]
    segments = build_segments(lines, left_out)
    assert [segment.text for segment in segments] == ["Build pipelines."]
    assert [item.text for item in left_out] == lines[:3]


def test_a_paragraph_before_bullets_is_a_lead_in_and_a_short_line_an_item():
    segments = build_segments(["You will need", "- Python", "", "Go experience"], [])
    assert segments[0].leadin and not segments[0].item
    assert segments[2].item  # a short line of its own: a list item that lost its glyph


def test_a_numbered_years_line_is_not_a_numbered_item():
    segments = build_segments(["1 + years of Python"], [])
    assert [(segment.text, segment.glyph) for segment in segments] == [("1 + years of Python", False)]


def test_broken_item():
    assert broken_item("Incident Management, Change", "Management, case handling")
    assert broken_item("Experience with Python", "and Go")
    assert not broken_item("Build pipelines.", "and Go")
    assert not broken_item("Experience with Python", "Strong SQL skills")


def test_join_lines_keeps_a_hyphen_split_word_whole():
    assert join_lines("cross-", "device testing") == "cross-device testing"
    assert join_lines("pros -", "cons") == "pros - cons"
    assert join_lines("Python", "Go") == "Python Go"


# --- sentences -------------------------------------------------------------------------


def test_sentences_do_not_end_at_abbreviations_or_decimals():
    text = "Use cloud tools, e.g. S3 and EC2. A B.S. in CS is required. We pay 3.5 percent more. Apply!"
    assert split_sentences(text) == [
        "Use cloud tools, e.g. S3 and EC2.",
        "A B.S. in CS is required.",
        "We pay 3.5 percent more.",
        "Apply!",
    ]


def test_a_sentence_end_before_a_lowercase_word_is_no_end():
    assert split_sentences("Know SQL. and Python") == ["Know SQL. and Python"]


def test_etc_ends_a_sentence_only_before_a_requirement_opener():
    assert split_sentences("Python, Go, etc. Strong SQL skills") == ["Python, Go, etc.", "Strong SQL skills"]
    assert split_sentences("Python, Go, etc. Kubernetes too") == ["Python, Go, etc. Kubernetes too"]


def test_split_long_leaves_a_normal_requirement_whole():
    assert split_long("Experience with Python. Strong SQL.") == ["Experience with Python. Strong SQL."]


def test_split_long_cuts_a_long_requirement_at_sentences_then_semicolons():
    first = "Experience with " + " ".join(["Python"] * LONG_REQUIREMENT_WORDS) + "."
    assert split_long(f"{first} Strong SQL.") == [first, "Strong SQL."]
    items = ["Python " * 25, "Go " * 25, "SQL " * 25]
    assert split_long(";".join(items)) == [item.strip() for item in items]


# --- run-on lists ----------------------------------------------------------------------


def test_a_flattened_list_is_cut_before_each_requirement_opener():
    assert split_runon("Experience with Python and SQL Strong communication skills Ability to work alone") == [
        "Experience with Python and SQL",
        "Strong communication skills",
        "Ability to work alone",
    ]


def test_a_flattened_list_is_cut_before_years_and_duty_verbs():
    assert split_runon("Knowledge of databases 3+ years of SQL Develop reports for finance") == [
        "Knowledge of databases",
        "3+ years of SQL",
        "Develop reports for finance",
    ]


def test_after_a_capitalised_word_a_cut_needs_a_lowercase_word_to_follow():
    # "Python Strong SQL" may be one name; "Python Strong communication" is not
    assert split_runon("3+ years of Python Strong SQL skills") == ["3+ years of Python Strong SQL skills"]
    assert split_runon("3+ years of Python Strong communication skills") == [
        "3+ years of Python",
        "Strong communication skills",
    ]


def test_a_flattened_list_is_cut_before_a_heading():
    assert split_runon("Build data pipelines Preferred Qualifications Go and Rust") == [
        "Build data pipelines",
        "Preferred Qualifications Go and Rust",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Bachelor's Degree in Computer Science",  # a qualifier and its noun
        "Work with Client Support and Sales",  # names of teams
        "Knowledge of Advanced Energy products",  # no cut after "of"
        "Python, Go, and Strong typing",  # no cut after a comma
    ],
)
def test_no_cut_inside_a_phrase(text):
    assert split_runon(text) == [text]


# --- sections --------------------------------------------------------------------------


def test_headings_open_sections_of_their_kind():
    sections = build_sections(build_segments(["Requirements", "- 3+ years of Python", "Nice to have", "- Go"], []))
    assert [(section.heading, section.kind) for section in sections] == [
        ("", NEUTRAL),
        ("Requirements", REQUIRED),
        ("Nice to have", PREFERRED),
    ]
    assert sections[1].chunks == [Chunk("3+ years of Python", True)]
    assert sections[2].chunks == [Chunk("Go", True)]


def test_a_heading_inside_a_flattened_line_opens_a_section():
    sections = build_sections(build_segments(["Qualifications: 3+ years of Python Strong communication skills"], []))
    assert [(section.heading, section.kind) for section in sections] == [("", NEUTRAL), ("Qualifications", REQUIRED)]
    assert [chunk.text for chunk in sections[1].chunks] == ["3+ years of Python", "Strong communication skills"]


def test_a_lead_in_opens_a_section_named_after_it():
    sections = build_sections(build_segments(["For this position, you should", "- Know SQL"], []))
    assert [(section.heading, [chunk.text for chunk in section.chunks]) for section in sections] == [
        ("", []),
        ("For this position, you should", ["Know SQL"]),
    ]


def test_a_list_item_that_looks_like_a_label_is_content():
    sections = build_sections(build_segments(["Requirements", "- Enterprise Scheduler: Obsidian"], []))
    assert sections[-1].chunks == [Chunk("Enterprise Scheduler: Obsidian", True)]


# --- selection -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We are an equal opportunity employer.",  # boilerplate
        "Competitive salary and 401(k) matching",  # benefits
        "We move millions of parcels every day",  # company voice
        "Our people love a good challenge",  # company voice
        "The team works globally across time zones",  # description
        "#GLBAAPSUS",  # tracking code
        "AMERKMT1",  # tracking code
        "Do you like data?",  # a question
        "https://example.com/apply now",  # a link with hardly any words
    ],
)
def test_selection_drops_what_is_not_a_requirement_even_as_an_item_of_a_requirement_section(text):
    assert not keep(text, True, REQUIRED, True)


def test_selection_keeps_company_voice_that_asks_for_something():
    assert keep("We are looking for someone with 3+ years of Python", False, REQUIRED, True)


def test_a_one_word_item_counts_only_as_a_list_item_of_a_requirement_section():
    assert keep("Python", True, REQUIRED, True)
    assert not keep("Python", False, REQUIRED, True)
    assert not keep("Python", True, RESPONSIBILITY, True)


def test_a_neutral_chunk_is_kept_when_it_reads_like_a_requirement_or_the_posting_has_no_headings():
    assert keep("Experience with Kubernetes", False, NEUTRAL, True)
    assert not keep("Sunny office by the river", False, NEUTRAL, True)
    assert keep("Sunny office by the river", False, NEUTRAL, False)


def test_a_boilerplate_section_keeps_nothing():
    assert not keep("Experience with Kubernetes", True, BOILERPLATE, True)


@pytest.mark.parametrize(
    ("text", "reads_like"),
    [
        ("Develop reporting tools", True),
        ("Strong SQL skills", True),
        ("You will build data pipelines", True),
        ("Solid background, must know Go", True),
        ("Sunny office by the river", False),
        ("You will love our office", False),
    ],
)
def test_reads_like_requirement(text, reads_like):
    assert reads_like_requirement(text) is reads_like


def test_mostly_requirements_ignores_boilerplate_and_needs_two_chunks():
    looking = [Chunk("Experience with Python", True), Chunk("Strong SQL skills", True)]
    assert mostly_requirements(Section("", NEUTRAL, [*looking, Chunk("Free lunch on Fridays", True)]))
    assert not mostly_requirements(Section("", NEUTRAL, looking[:1]))
    prose = [Chunk("Sunny office by the river", False), Chunk("A dog friendly space", False)]
    assert not mostly_requirements(Section("", NEUTRAL, [*looking, *prose, Chunk("Great coffee", False)]))


# --- classification --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "section_kind", "kind"),
    [
        ("Kubernetes experience is a plus", REQUIRED, PREFERRED),  # its own words first
        ("Python, Go preferred", REQUIRED, PREFERRED),
        ("Experience with cloud platforms such as AWS, Azure preferred", REQUIRED, REQUIRED),  # one item
        ("Go", PREFERRED, PREFERRED),  # then its section
        ("Design data pipelines", REQUIRED, RESPONSIBILITY),  # a duty under a qualifications heading
        ("Design data pipelines", RESPONSIBILITY, RESPONSIBILITY),
        ("Bachelor's degree in Computer Science", RESPONSIBILITY, REQUIRED),  # a qualification among duties
        ("Design data pipelines", NEUTRAL, RESPONSIBILITY),  # then its first word
        ("You will own the roadmap", NEUTRAL, RESPONSIBILITY),
        ("Strong SQL skills", NEUTRAL, REQUIRED),
    ],
)
def test_requirement_kind(text, section_kind, kind):
    found = requirement_kind(text, section_kind)
    assert found == kind
    assert type(found) is RequirementKind


def test_neutral_sections_settle_by_their_chunks():
    duties = Section("", NEUTRAL, [Chunk("Design data pipelines", True), Chunk("Review code daily", True)])
    skills = Section("", NEUTRAL, [Chunk("Strong SQL skills", True), Chunk("Experience with Python", True)])
    prose = Section("", NEUTRAL, [Chunk("Sunny office by the river", False), Chunk("A dog friendly space", False)])
    headed = Section("Benefits", BOILERPLATE, [Chunk("Design data pipelines", True), Chunk("Review code", True)])
    settle_neutral_sections([duties, skills, prose, headed])
    assert [section.kind for section in (duties, skills, prose, headed)] == [
        RESPONSIBILITY,
        REQUIRED,
        NEUTRAL,
        BOILERPLATE,
    ]
