"""Tailoring a resume to a posting: the bullet choice a version keeps (move, drag, include,
exclude), the suggested order and name, coverage that counts only what a version shows, and
the keyword highlights of the tailoring page."""

from __future__ import annotations

import copy
import io
import subprocess
import sys

import docx
import pytest

from resume_app.core import json_resume
from resume_app.core.errors import InputError
from resume_app.core.model import Bullet, Entry, Resume, Section, TailoredVersion, apply_version
from resume_app.matching.ats import Check
from resume_app.matching.embedder import Embedder, shared_embedder
from resume_app.matching.keywords import Keyword, mention_spans, posting_keywords, stems
from resume_app.matching.ranker import rank
from resume_app.matching.requirements import PostingAnalysis, analyze_posting
from resume_app.storage import repository
from resume_app.tailoring import rows, service, versions
from resume_app.tailoring.rows import Segment, keyword_segments
from resume_app.tailoring.suggestion import UNNAMED_VERSION, suggested_order, version_name
from tests.corpus import CORPUS
from tests.sentences import one_sentence

JOBS = CORPUS / "jobs"


# ---------------------------------------------------------------------------------------
# A version's choice of bullets (tailoring.versions)
# ---------------------------------------------------------------------------------------


def _bullets(*ids: str) -> list[Bullet]:
    return [Bullet(text=f"Bullet {bullet_id}", id=bullet_id) for bullet_id in ids]


@pytest.fixture
def resume() -> Resume:
    """Two jobs (n = Northwind, c = Contoso), a hidden job, a job without bullets, a project,
    and a hidden awards section."""
    work = Section(
        kind="work",
        entries=[
            Entry(title="Senior Accountant", organization="Northwind", bullets=_bullets("n1", "n2", "n3", "n4")),
            Entry(title="Accountant", organization="Contoso", bullets=_bullets("c1", "c2", "c3")),
            Entry(title="Intern", organization="Hidden Co", bullets=_bullets("h1"), hidden=True),
            Entry(title="Volunteer", organization="Food Bank"),
        ],
    )
    projects = Section(kind="projects", entries=[Entry(title="Audit tool", bullets=_bullets("p1", "p2"))])
    awards = Section(kind="awards", entries=[Entry(title="Award", bullets=_bullets("a1"))], hidden=True)
    return Resume(sections=[work, projects, awards])


def _by_entry(choices) -> list[tuple[str, list[str], list[str]]]:
    return [(choice.entry.title, [b.id for b in choice.chosen], [b.id for b in choice.left_out]) for choice in choices]


def test_chosen_bullets_keep_the_version_order_and_entries_keep_the_resume_order(resume):
    choices = versions.entry_choices(resume, ["p2", "n3", "c2", "n1"])
    assert _by_entry(choices) == [
        ("Senior Accountant", ["n3", "n1"], ["n2", "n4"]),
        ("Accountant", ["c2"], ["c1", "c3"]),
        ("Audit tool", ["p2"], ["p1"]),
    ]
    assert versions.normalized(resume, ["p2", "n3", "c2", "n1"]) == ["n3", "n1", "c2", "p2"]


def test_entries_hidden_in_the_master_or_without_bullets_are_not_listed(resume):
    titles = [choice.entry.title for choice in versions.entry_choices(resume, ["h1", "a1", "n1"])]
    assert titles == ["Senior Accountant", "Accountant", "Audit tool"]
    # Their chosen bullets stay in the version, after the rest.
    assert versions.normalized(resume, ["h1", "a1", "n1"]) == ["n1", "h1", "a1"]


def test_a_change_keeps_the_choice_of_an_entry_the_master_hides_for_now(resume):
    ids = versions.toggle(resume, ["h1", "n1"], "n2")
    assert ids == ["n1", "n2", "h1"]
    resume.sections[0].entries[2].hidden = False  # the master shows the job again
    assert _by_entry(versions.entry_choices(resume, ids))[2] == ("Intern", ["h1"], [])


def test_a_bullet_hidden_in_the_master_can_still_be_chosen(resume):
    resume.sections[0].entries[0].bullets[3].hidden = True  # n4
    choices = versions.entry_choices(resume, ["n1"])
    assert _by_entry(choices)[0] == ("Senior Accountant", ["n1"], ["n2", "n3", "n4"])
    ids = versions.toggle(resume, ["n1"], "n4")
    assert ids == ["n1", "n4"]
    shown = [b.id for b in apply_version(resume, ids).bullets() if not b.hidden]
    assert shown == ["n1", "n4"]


def test_move_up_and_down_clamps_at_the_ends_and_stays_in_its_entry(resume):
    ids = ["n1", "n2", "n3", "c1", "c2"]
    assert versions.move(resume, ids, "n2", -1) == ["n2", "n1", "n3", "c1", "c2"]
    assert versions.move(resume, ids, "n2", +1) == ["n1", "n3", "n2", "c1", "c2"]
    assert versions.move(resume, ids, "n1", -1) == ids, "the first bullet stays first"
    assert versions.move(resume, ids, "n3", +1) == ids, "the last bullet of a job does not move to the next job"
    assert versions.move(resume, ids, "c1", -1) == ids, "the first bullet of a job does not move to the one above"
    assert versions.move(resume, ids, "n4", -1) == ids, "moving a left-out bullet changes nothing"


def test_dragging_a_chosen_bullet_to_the_top(resume):
    ids = ["n1", "n2", "n3", "c1"]
    assert versions.place(resume, ids, "n3", 0) == ["n3", "n1", "n2", "c1"]
    assert versions.place(resume, ids, "c1", 0) == ids


def test_dragging_a_left_out_bullet_among_the_chosen_includes_it_there(resume):
    # Shown as n1, n2 (chosen) then n3, n4 (left out).
    assert versions.place(resume, ["n1", "n2", "c1"], "n4", 1) == ["n1", "n4", "n2", "c1"]
    assert versions.place(resume, ["n1", "n2", "c1"], "n4", 0) == ["n4", "n1", "n2", "c1"]


def test_dragging_a_left_out_bullet_past_the_chosen_leaves_it_out(resume):
    assert versions.place(resume, ["n1", "n2", "c1"], "n4", 3) == ["n1", "n2", "c1"]


def test_dragging_a_chosen_bullet_among_the_left_out_ones_leaves_it_out(resume):
    # Shown as n1, n2 (chosen) then n3, n4 (left out); n1 dropped after n3.
    assert versions.place(resume, ["n1", "n2", "c1"], "n1", 2) == ["n2", "c1"]
    # Dropped right after the last chosen one, it stays chosen, last.
    assert versions.place(resume, ["n1", "n2", "c1"], "n1", 1) == ["n2", "n1", "c1"]


def test_leaving_a_bullet_out_and_taking_it_back_puts_it_last_in_its_job(resume):
    ids = ["n2", "n1", "n3", "c1"]
    out = versions.toggle(resume, ids, "n2")
    assert out == ["n1", "n3", "c1"]
    assert versions.toggle(resume, out, "n2") == ["n1", "n3", "n2", "c1"]
    assert versions.toggle(resume, ["n1"], "p1") == ["n1", "p1"]


def test_bullets_deleted_from_the_master_drop_out(resume):
    ids = ["n3", "n1", "c2"]
    resume.sections[0].entries[0].bullets.pop(0)  # n1 deleted in the master
    assert versions.normalized(resume, ids) == ["n3", "c2"]
    assert versions.move(resume, ids, "c2", -1) == ["n3", "c2"]


@pytest.mark.parametrize("change", ["move", "place", "toggle"])
@pytest.mark.parametrize("bullet_id", ["no-such-bullet", "h1", "a1"], ids=["unknown", "hidden-entry", "hidden-section"])
def test_an_unknown_bullet_is_refused_with_a_sentence(resume, change, bullet_id):
    act = {
        "move": lambda: versions.move(resume, ["n1"], bullet_id, 1),
        "place": lambda: versions.place(resume, ["n1"], bullet_id, 0),
        "toggle": lambda: versions.toggle(resume, ["n1"], bullet_id),
    }[change]
    with pytest.raises(InputError) as error:
        act()
    assert one_sentence(str(error.value))
    assert "no longer in the resume" in str(error.value)


# ---------------------------------------------------------------------------------------
# The version's name (tailoring.suggestion.version_name)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("posting", "company", "title"),
    [
        ("indeed_974_senior_accountant.txt", "NBT Bank", "Senior Accountant"),
        ("indeed_974_senior_accountant.flat.txt", "NBT Bank", "Senior Accountant"),
        ("indeed_150_devops_engineer.txt", "Deloitte", "DevOps Engineer"),
    ],
)
def test_a_version_is_named_after_the_company_and_the_title(posting, company, title):
    analysis = analyze_posting((JOBS / posting).read_text(encoding="utf-8"))
    assert (analysis.company, analysis.title) == (company, title)
    assert version_name(analysis) == f"{company} - {title}"


@pytest.mark.parametrize(
    ("company", "title", "name"),
    [
        ("", "Data Engineer", "Data Engineer"),
        ("Acme", "", "Acme"),
        ("  Acme  ", " Data Engineer ", "Acme - Data Engineer"),
        ("  ", "", UNNAMED_VERSION),
    ],
)
def test_a_missing_company_or_title_leaves_no_dangling_dash(company, title, name):
    assert version_name(PostingAnalysis(title=title, company=company, requirements=[])) == name


def test_without_an_analysis_the_version_gets_the_default_name():
    assert version_name(None) == UNNAMED_VERSION == "Tailored version"


def test_a_very_long_name_is_cut():
    analysis = PostingAnalysis(title="Engineer " * 30, company="Acme", requirements=[])
    name = version_name(analysis)
    assert name.startswith("Acme - Engineer") and len(name) <= 120


# ---------------------------------------------------------------------------------------
# Suggested order and coverage by shown bullets only (tailoring.suggested_order, ranker.rank)
# ---------------------------------------------------------------------------------------

TRUTH = CORPUS / "truth" / "sb2nov_sourabh_bajaj.json"
POSTING = JOBS / "indeed_414_data_engineer.txt"


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    model = shared_embedder()
    model.load()
    return model


@pytest.fixture(scope="module")
def engineer() -> Resume:
    return json_resume.loads(TRUTH.read_bytes())


@pytest.fixture(scope="module")
def posting() -> str:
    return POSTING.read_text(encoding="utf-8")


def _covering(ranking) -> dict[str, set[str]]:
    return {item.text: set(item.covered_by) for item in ranking.requirements}


def _hide(resume: Resume, ids: set[str]) -> Resume:
    hidden = copy.deepcopy(resume)
    for bullet in hidden.bullets():
        bullet.hidden = bullet.hidden or bullet.id in ids
    return hidden


def test_the_suggested_order_is_the_suggestion_best_first(embedder, engineer, posting):
    ranking = rank(engineer, posting, embedder)
    order = suggested_order(ranking)
    assert 0 < len(order) < len(engineer.bullets()), "the suggestion leaves some bullets out"
    assert len(set(order)) == len(order) and set(order) == set(ranking.suggested)
    score = {bullet.id: bullet.score for bullet in ranking.bullets}
    assert [score[i] for i in order] == sorted((score[i] for i in order), reverse=True)

    tailored = apply_version(engineer, order)
    assert {bullet.id for bullet in tailored.bullets() if not bullet.hidden} == set(order)
    for entry in tailored.entries():
        shown = [bullet.id for bullet in entry.bullets if not bullet.hidden]
        assert shown == [bullet_id for bullet_id in order if bullet_id in shown], "best first within each job"


def test_hidden_bullets_keep_their_score_but_cover_no_requirement(embedder, engineer, posting):
    full = rank(engineer, posting, embedder)
    best = {bullet.id for bullet in full.bullets[:3]}
    assert any(ids & best for ids in _covering(full).values()), "the best bullets cover something"

    partial = rank(_hide(engineer, best), posting, embedder)
    assert {b.id: b.score for b in partial.bullets} == {b.id: b.score for b in full.bullets}
    assert _covering(partial) == {text: ids - best for text, ids in _covering(full).items()}
    assert partial.match_score <= full.match_score


def test_a_tailored_version_covers_requirements_with_its_chosen_bullets_only(embedder, engineer, posting):
    full = rank(engineer, posting, embedder)
    chosen = suggested_order(full)[:4]
    version = rank(apply_version(engineer, chosen), posting, embedder)
    assert any(ids & set(chosen) for ids in _covering(full).values()), "the chosen bullets cover something"
    assert _covering(version) == {text: ids & set(chosen) for text, ids in _covering(full).items()}
    score = {bullet.id: bullet.score for bullet in version.bullets}
    for item in version.requirements:
        covering = [score[bullet_id] for bullet_id in item.covered_by]
        assert covering == sorted(covering, reverse=True), "covering bullets are listed best first"


def test_hiding_the_best_bullets_never_raises_the_match_score(embedder, engineer, posting):
    ranked = [bullet.id for bullet in rank(engineer, posting, embedder).bullets]
    scores = [
        rank(_hide(engineer, set(ranked[:count])), posting, embedder).match_score for count in range(len(ranked) + 1)
    ]
    assert scores == sorted(scores, reverse=True)
    assert scores[-1] < scores[0], "a resume showing no bullets matches worse than one showing them all"


def _without(resume: Resume, ids: set[str]) -> Resume:
    trimmed = copy.deepcopy(resume)
    for entry in trimmed.entries():
        entry.bullets = [bullet for bullet in entry.bullets if bullet.id not in ids]
    return trimmed


def test_hidden_bullets_count_as_if_they_were_not_there(embedder, engineer, posting):
    ranked = [bullet.id for bullet in rank(engineer, posting, embedder).bullets]
    for left_out in (set(ranked[:3]), set(ranked[::2]), set(ranked)):
        hidden = rank(_hide(engineer, left_out), posting, embedder)
        deleted = rank(_without(engineer, left_out), posting, embedder)
        assert hidden.match_score == deleted.match_score
        assert _covering(hidden) == _covering(deleted)


# ---------------------------------------------------------------------------------------
# Keyword mentions (matching.keywords) and their highlight (tailoring.rows.keyword_segments)
# ---------------------------------------------------------------------------------------


def _mentions(text: str, keywords: list[Keyword]) -> list[str]:
    spans = mention_spans(text, keywords)
    assert all(start < end for start, end in spans)
    assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:], strict=False)), "in order, apart"
    return [text[start:end] for start, end in spans]


def test_mentions_are_found_by_word_form_and_acronym():
    keywords = posting_keywords(
        ["Strong financial reporting", "CPA license preferred", "Month end close and account reconciliation"]
    )
    assert {"financial reporting", "CPA", "account reconciliation"} <= {keyword.term for keyword in keywords}
    text = "Certified Public Accountant who prepared financial reports and account reconciliations for the CPA team."
    assert _mentions(text, keywords) == [
        "Certified Public Accountant",
        "financial reports",
        "account reconciliations",
        "CPA",
    ]
    assert _mentions("Planned the team offsite and ran payroll.", keywords) == []


def test_overlapping_keywords_give_one_span_the_longest():
    keywords = [Keyword(term, (tuple(stems(term)),)) for term in ("ledger", "general ledger", "ledger reconciliation")]
    text = "Kept the general ledger reconciliation backlog and the ledger tidy."
    assert _mentions(text, keywords) == ["general ledger", "ledger"]


@pytest.mark.parametrize("text", ["Kubernetes", "Migrated 40 services to Kubernetes"])
def test_a_mention_at_the_end_of_the_text_is_found(text):
    keywords = posting_keywords(["Experience with Kubernetes and Terraform"])
    assert _mentions(text, keywords) == ["Kubernetes"]


def test_slash_joined_words_are_not_keywords_but_tools_are():
    terms = [
        keyword.term
        for keyword in posting_keywords(
            [
                "Ensure reports are performed/prepared timely and accurately.",
                "Minimum 5 years accounting/finance experience.",
                "Report to the controller and/or the CFO.",
                "Build CI/CD pipelines and tune PL/SQL queries over TCP/IP.",
            ]
        )
    ]
    assert not {"performed/prepared", "accounting/finance", "and/or"} & set(terms)
    assert {"CI/CD", "PL/SQL", "TCP/IP", "CFO"} <= set(terms)


def test_the_accountant_posting_has_no_slash_word_keywords():
    from resume_app.matching.ranker import prepare

    text = (JOBS / "indeed_974_senior_accountant.txt").read_text(encoding="utf-8")
    assert "performed/prepared" in text and "accounting/finance" in text
    assert [keyword.term for keyword in prepare(text).keywords if "/" in keyword.term] == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Prepared financial reports monthly.", [[9, 26]]),
        ("CPA and GAAP work", [[0, 3], [8, 12]]),
        ("GAAPCPA", [[0, 4], [4, 7]]),
        ("No keywords here", []),
        ("", []),
    ],
)
def test_keyword_segments_give_back_the_text_and_mark_the_spans(text, spans):
    segments = keyword_segments(text, spans)
    assert "".join(segment.text for segment in segments) == text
    assert [segment.text for segment in segments if segment.keyword] == [text[a:b] for a, b in spans]
    if text:
        assert all(segment.text for segment in segments), "no empty pieces"
    if not spans:
        assert segments == [Segment(text, False)]


def test_keyword_segments_of_found_mentions():
    keywords = posting_keywords(["Strong financial reporting", "CPA license preferred"])
    text = "As a CPA, prepared financial reports for the board."
    spans = [list(span) for span in mention_spans(text, keywords)]
    segments = keyword_segments(text, spans)
    assert [(s.text, s.keyword) for s in segments] == [
        ("As a ", False),
        ("CPA", True),
        (", prepared ", False),
        ("financial reports", True),
        (" for the board.", False),
    ]


# ---------------------------------------------------------------------------------------
# The tailoring service (tailoring.service): what the page and the CLI call, on storage
# ---------------------------------------------------------------------------------------


def test_the_tailoring_service_runs_without_reflex():
    script = (
        "import sys\n"
        "from resume_app.tailoring import embedding, rows, service, suggestion, versions\n"
        "import resume_app.cli\n"
        "print(sorted(name for name in sys.modules if name == 'reflex' or name.startswith('reflex.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


@pytest.fixture
def stored(workspace, engineer):
    """The engineer's resume stored as a master, with a new version that has no posting yet."""
    master = repository.create_resume(workspace, copy.deepcopy(engineer))
    version = repository.save_version(workspace, TailoredVersion(resume_id=master.id, name=UNNAMED_VERSION))
    return workspace, master, version.id


def test_the_first_posting_chooses_and_names_the_version_later_ones_keep_the_choice(embedder, stored, posting):
    workspace, master, version_id = stored
    posting_id, suggest = service.store_posting(workspace, version_id, posting)
    assert suggest, "a version's first posting chooses its bullets"
    result = service.rank_stored(workspace, version_id, suggest)
    saved = repository.get_version(workspace, version_id)
    assert saved.job_posting_id == posting_id
    assert saved.name == version_name(analyze_posting(posting)) != UNNAMED_VERSION
    assert 0 < len(saved.bullet_ids) < len(master.bullets())
    assert saved.bullet_ids == versions.normalized(master, suggested_order(rank(master, posting, embedder)))
    assert result.ranking is not None and result.version.bullet_ids == saved.bullet_ids

    # The person changes the choice; an edit of the posting keeps it.
    service.toggle(workspace, version_id, saved.bullet_ids[0])
    chosen = repository.get_version(workspace, version_id).bullet_ids
    assert service.store_posting(workspace, version_id, posting + "\nExperience with Airflow.") == (posting_id, False)
    service.rank_stored(workspace, version_id, False)
    assert repository.get_version(workspace, version_id).bullet_ids == chosen


def test_a_version_without_posting_is_not_ranked(stored):
    workspace, _, version_id = stored
    assert service.rank_stored(workspace, version_id, True).ranking is None


def test_a_posting_too_long_is_refused_and_nothing_is_saved(stored):
    workspace, _, version_id = stored
    with pytest.raises(InputError) as error:
        service.store_posting(workspace, version_id, "x" * (service.MAX_POSTING_CHARS + 1))
    assert one_sentence(str(error.value))
    assert repository.get_version(workspace, version_id).job_posting_id is None


def test_the_ranking_highlights_the_keywords_each_bullet_mentions(embedder, stored, posting):
    workspace, master, version_id = stored
    service.store_posting(workspace, version_id, posting)
    result = service.rank_stored(workspace, version_id, True)
    for bullet in result.ranking.bullets:
        assert bool(result.spans[bullet.id]) == bool(bullet.keywords), "a bullet naming a keyword has it marked"
    assert any(result.spans.values()), "some bullet names a keyword of the posting"


def test_moves_toggles_and_undo_are_saved_and_report_what_changed(stored):
    workspace, master, version_id = stored
    job = next(entry for entry in master.entries() if len(entry.bullets) >= 3)
    first, second, third = (bullet.id for bullet in job.bullets[:3])
    service.restore(workspace, version_id, [first, second])

    moved = service.move(workspace, version_id, second, -1)
    assert moved.changed and not moved.chosen_changed, "a move changes the order only"
    assert repository.get_version(workspace, version_id).bullet_ids == [second, first]

    added = service.toggle(workspace, version_id, third)
    assert added.chosen_changed and added.previous == [second, first]
    assert repository.get_version(workspace, version_id).bullet_ids == [second, first, third]

    dragged = service.place(workspace, version_id, third, 0)
    assert repository.get_version(workspace, version_id).bullet_ids == dragged.bullet_ids == [third, second, first]

    undone = service.restore(workspace, version_id, dragged.previous)
    assert repository.get_version(workspace, version_id).bullet_ids == undone.bullet_ids == [second, first, third]
    unchanged = service.move(workspace, version_id, second, -1)
    assert not unchanged.changed


def test_a_stale_bullet_is_refused_with_a_sentence_and_the_choice_is_kept(stored):
    workspace, master, version_id = stored
    ids = [bullet.id for bullet in master.bullets()[:2]]
    service.restore(workspace, version_id, ids)
    with pytest.raises(InputError) as error:
        service.toggle(workspace, version_id, "deleted-in-another-tab")
    assert one_sentence(str(error.value))
    assert repository.get_version(workspace, version_id).bullet_ids == versions.normalized(master, ids)


def test_a_bullet_edited_once_shows_in_every_version_and_the_others_are_named(stored):
    workspace, master, version_id = stored
    bullet_id = master.bullets()[0].id
    service.restore(workspace, version_id, [bullet_id])
    other = repository.duplicate_version(workspace, version_id)
    service.rename(workspace, other.id, "  Acme  -  Data   Engineer ")
    assert service.shared_with(workspace, version_id, bullet_id) == ["Acme - Data Engineer"]
    assert service.shared_question(["Acme - Data Engineer"]) == (
        'This bullet is also in 1 other tailored version ("Acme - Data Engineer"). Change it there too?'
    )
    assert "4 other tailored versions" in service.shared_question(list("abcd"))
    assert service.shared_question(list("abcd")).count('"') == 6, "three names, then 'and more'"

    service.set_bullet_text(workspace, master.id, bullet_id, "Cut the nightly load from 6 to 2 hours.")
    for version in (version_id, other.id):
        loaded = service.load(workspace, version)
        shown = apply_version(loaded.master, loaded.version.bullet_ids)
        assert [b.text for b in shown.bullets() if not b.hidden] == ["Cut the nightly load from 6 to 2 hours."]


def test_renaming_tidies_spaces_and_an_empty_name_changes_nothing(stored):
    workspace, _, version_id = stored
    assert service.rename(workspace, version_id, "   ") == ""
    assert repository.get_version(workspace, version_id).name == UNNAMED_VERSION
    assert service.rename(workspace, version_id, " Acme \n Analyst ") == "Acme Analyst"
    assert repository.get_version(workspace, version_id).name == "Acme Analyst"
    rows = service.version_rows(workspace, repository.get_version(workspace, version_id).resume_id, version_id)
    assert [(row.name, row.current) for row in rows] == [("Acme Analyst", True)]


def test_the_exported_version_shows_its_chosen_bullets_and_is_named_after_it(stored):
    workspace, master, version_id = stored
    chosen = [bullet.id for bullet in master.bullets()[:2]]
    service.restore(workspace, version_id, chosen)
    service.rename(workspace, version_id, "Acme / Data Engineer")
    exported = service.export(workspace, version_id, "docx")
    assert exported.filename == "Acme___Data_Engineer.docx" and exported.pages >= 1
    text = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(exported.data)).paragraphs)
    texts = {bullet.id: bullet.text for bullet in master.bullets()}
    assert all(texts[bullet_id][:30] in text for bullet_id in chosen)
    assert not any(bullet.text[:30] in text for bullet in master.bullets()[2:] if len(bullet.text) > 30)


def test_the_cli_tailors_with_the_same_suggestion_as_the_page(embedder, engineer, posting):
    tailored = service.tailored_resume(engineer, posting)
    shown = [bullet.id for bullet in tailored.bullets() if not bullet.hidden]
    assert set(shown) == set(service.suggestion(engineer, posting))
    assert service.rank_resume(engineer, posting).as_contract() == rank(engineer, posting, embedder).as_contract()


# ---------------------------------------------------------------------------------------
# What the page shows (tailoring.rows)
# ---------------------------------------------------------------------------------------


def test_job_rows_list_the_chosen_bullets_in_order_then_the_left_out_ones_best_first(resume):
    scores = {
        "n3": rows.BulletScore(20.0, "Reconcile accounts", ("reconcile",), ((0, 6),)),
        "n4": rows.BulletScore(80.0, "Reconcile accounts", (), ()),
    }
    jobs = rows.job_rows(resume, ["n2", "n1", "c1"], scores)
    assert [job.heading for job in jobs] == ["Senior Accountant at Northwind", "Accountant at Contoso", "Audit tool"]
    first = jobs[0]
    assert first.chosen_count == 2
    assert [(row.id, row.chosen, row.place) for row in first.bullet_rows] == [
        ("n2", True, 1),
        ("n1", True, 2),
        ("n4", False, 0),
        ("n3", False, 0),
    ]
    n3 = first.bullet_rows[3]
    assert (n3.score_text, n3.requirement, n3.matched) == ("20", "Reconcile accounts", ["reconcile"])
    assert [(s.text, s.keyword) for s in n3.segments] == [("Bullet", True), (" n3", False)]
    assert first.bullet_rows[0].score_text == "" and first.bullet_rows[0].segments == [Segment("Bullet n2", False)]


def test_compare_shows_what_moved_and_what_was_left_out(resume):
    resume.sections[0].entries[0].bullets[3].hidden = True  # n4: hidden in the master
    jobs = rows.compare(resume, ["n2", "n1", "n4"])
    northwind = jobs[0]
    assert northwind.heading == "Senior Accountant at Northwind"
    assert [(line.text, line.note) for line in northwind.master_lines] == [
        ("Bullet n1", "#2 here"),
        ("Bullet n2", "#1 here"),
        ("Bullet n3", "left out here"),
    ]
    assert [(line.text, line.note) for line in northwind.version_lines] == [
        ("Bullet n2", "#2 in the master"),
        ("Bullet n1", "#1 in the master"),
        ("Bullet n4", "hidden in the master"),
    ]


def test_the_match_panel_counts_coverage_by_kind_and_checks_the_version(embedder, engineer, posting):
    chosen = service.suggestion(engineer, posting)
    ranking = rank(apply_version(engineer, chosen), posting, embedder, master=engineer)
    panel = rows.match_panel(engineer, chosen, ranking)
    assert panel.match_score == ranking.match_score
    assert len(panel.requirement_rows) == len(ranking.requirements)
    assert {row.kind for row in panel.requirement_rows} <= set(rows.KIND_LABELS.values())
    chart = rows.coverage_chart(panel.requirement_rows)
    assert chart and [bar["kind"] for bar in chart] == [
        label for kind, label in rows.KIND_LABELS.items() if any(item.kind == kind for item in ranking.requirements)
    ]
    for bar in chart:
        kind = next(key for key, label in rows.KIND_LABELS.items() if label == bar["kind"])
        items = [item for item in ranking.requirements if item.kind == kind]
        assert bar["count"] == len(items)
        assert bar["covered"] == round(100 * sum(1 for item in items if item.status == "met") / len(items))
    assert panel.missing_here == list(ranking.keywords.missing_but_in_master)
    # Each requirement says Met / Partial / Missing in words, with its best chosen bullet or
    # the title line (position, degree) that shows it better.
    texts = {bullet.id: bullet.text for bullet in engineer.bullets()}
    for row, item in zip(panel.requirement_rows, ranking.requirements, strict=True):
        assert row.status == {"met": "Met", "partial": "Partial", "missing": "Missing"}[item.status]
        assert item.evidence in chosen if item.evidence else item.evidence_line
        assert (row.evidence == "") == (row.status == "Missing")
        shown = texts[item.evidence] if item.evidence else item.evidence_line
        assert row.evidence == "" or row.evidence == rows.short(shown)
    labels = [row.label for row in panel.breakdown]
    assert labels[0] == "Required" and "Keywords" in labels and labels[-1] == "Reads like this job"
    required = ranking.score.required
    assert panel.breakdown[0].value.startswith(f"{required.met} of {required.total} met")
    assert all(row.message and row.severity for row in panel.checks)


def test_check_rows_group_bullet_checks_by_kind():
    checks = [
        Check("no_email", "The resume has no email address.", "Add one.", severity="error"),
        Check("no_number", "Has no number.", "Add a figure.", bullet_id="b1"),
        Check("no_number", "Has no number.", "Add a figure.", bullet_id="b2"),
        Check("long", "Is 48 words long.", "Cut it.", bullet_id="b3"),
    ]
    listed = rows.check_rows(checks, {"b3": "Managed " + "many things " * 10})
    assert [(row.message, row.where) for row in listed] == [
        ("The resume has no email address.", ""),
        ("Has no number.", "2 chosen bullets"),
        ("Is 48 words long.", "Managed many things many things many things many things man…"),
    ]


@pytest.mark.parametrize(("score", "color"), [(0, "#e5484d"), (39, "#e5484d"), (40, "#f5a623"), (70, "#30a46c")])
def test_the_gauge_turns_from_red_to_amber_to_green(score, color):
    assert rows.gauge(score) == [{"name": "Match", "value": score, "fill": color}]
