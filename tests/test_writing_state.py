"""Writing suggestions on the tailoring page, called as the page calls them: a bullet's
suggestions open under it, one applied goes through the save and undo path of any edit
(asking first when another version shows the bullet), a typed figure rewrites the bullet
or gets one sentence, and a split reaches the version's order and is undone whole."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
import reflex as rx

from resume_app.core.model import Bullet, Entry, Resume, Section, TailoredVersion
from resume_app.storage import repository
from resume_app.ui.state.tailor import TailorState
from resume_app.ui.state.writing import WritingState

PAYROLL = "Responsible for managing the payroll of 40 staff"
RETURNS = "Prepared tax returns for clients during tax season"
LONG = (
    "Designed and managed network configurations on AWS with 4 VPC and 100+ subnets for the payments platform. "
    "Separated the development network and the operation network according to the 2019 financial regulations "
    "of Korea and the audit rules of the bank."
)


def _run(coroutine):
    # On a thread of its own, as tests/test_page_states.py does (Playwright's loop may be running).
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture
def page(workspace):
    bullets = [Bullet(PAYROLL, "b1"), Bullet(RETURNS, "b2"), Bullet(LONG, "b3")]
    work = Section(
        "work", entries=[Entry("Accountant", "Harrison", start_date="2019", end_date="2021", bullets=bullets)]
    )
    master = repository.create_resume(workspace, Resume(title="Master", sections=[work]))
    version = repository.save_version(workspace, TailoredVersion(master.id, "Acme", ["b1", "b2", "b3"]))
    root = rx.State(_reflex_internal_init=True)
    tailor = root.get_substate(TailorState.get_full_name().split(".")[1:])
    tailor.workspace_token = workspace
    tailor.version_id, tailor.resume_id, tailor.version_name = version.id, master.id, version.name
    tailor._bullet_ids = ["b1", "b2", "b3"]
    return tailor


def _writing(page: TailorState) -> WritingState:
    return page.get_substate([WritingState.get_name()])


def _texts(page: TailorState) -> list[str]:
    return [bullet.text for bullet in repository.get_resume(page.workspace_id(), page.resume_id).bullets()]


def test_a_suggestion_opens_under_its_bullet_is_applied_and_undone(page):
    writing = _writing(page)
    _run(writing.toggle_suggestions("b1"))
    assert writing.writing_id == "b1" and not writing.writing_busy
    [row] = [row for row in writing.writing_rows if row.kind == "weak-opener"]
    assert [part.text for part in row.preview if part.changed] == ["Managed"]
    assert "".join(part.text for part in row.preview) == "Managed the payroll of 40 staff"
    _run(writing.apply_suggestion(row.index))
    assert _texts(page)[0] == "Managed the payroll of 40 staff"
    assert writing.writing_id == "" and page.undo_label == "writing suggestion"
    page.undo()
    assert _texts(page)[0] == PAYROLL


def test_a_typed_figure_rewrites_the_bullet_or_gets_one_sentence(page):
    writing = _writing(page)
    _run(writing.toggle_suggestions("b2"))
    [row] = [row for row in writing.writing_rows if row.kind == "metric"]
    assert row.question == "How many clients?"
    _run(writing.answer_question({"figure": "lots", "figure_kind": row.figure_kind}))
    assert writing.writing_message == "Type the figure with digits, for example 30% or 2,000."
    assert _texts(page)[1] == RETURNS
    _run(writing.answer_question({"figure": "120", "figure_kind": row.figure_kind}))
    assert _texts(page)[1] == "Prepared tax returns for 120 clients during tax season"


def test_a_bullet_other_versions_show_is_changed_only_after_asking(page):
    repository.save_version(page.workspace_id(), TailoredVersion(page.resume_id, "Globex", ["b1"]))
    writing = _writing(page)
    _run(writing.toggle_suggestions("b1"))
    [row] = [row for row in writing.writing_rows if row.kind == "weak-opener"]
    _run(writing.apply_suggestion(row.index))
    assert writing.writing_confirm_open and '"Globex"' in writing.writing_confirm_message
    assert _texts(page)[0] == PAYROLL
    _run(writing.confirm_suggestion())
    assert _texts(page)[0] == "Managed the payroll of 40 staff"


def test_a_split_adds_the_second_bullet_to_the_version_and_undo_takes_it_away(page):
    writing = _writing(page)
    _run(writing.toggle_suggestions("b3"))
    [row] = [row for row in writing.writing_rows if row.kind == "split"]
    assert row.second.startswith("Separated the development network")
    _run(writing.apply_suggestion(row.index))
    master = repository.get_resume(page.workspace_id(), page.resume_id)
    added = master.bullets()[3].id
    assert page._bullet_ids == ["b1", "b2", "b3", added]
    assert repository.get_version(page.workspace_id(), page.version_id).bullet_ids == ["b1", "b2", "b3", added]
    assert page.undo_label == "split"
    page.undo()
    assert _texts(page) == [PAYROLL, RETURNS, LONG]
    assert page._bullet_ids == ["b1", "b2", "b3"]


def test_a_bullet_that_changed_since_is_not_overwritten(page):
    writing = _writing(page)
    _run(writing.toggle_suggestions("b1"))
    [row] = [row for row in writing.writing_rows if row.kind == "weak-opener"]
    repository.update_resume(
        page.workspace_id(),
        page.resume_id,
        lambda resume: setattr(resume.bullets()[0], "text", "Ran payroll for 40 staff"),
    )
    _run(writing.apply_suggestion(row.index))
    assert _texts(page)[0] == "Ran payroll for 40 staff"
    assert "changed since" in page.save_message


def test_a_keyword_chip_includes_a_bullet_that_names_it_or_adds_a_confirmed_skill(page):
    from tests.corpus import CORPUS

    repository.update_resume(
        page.workspace_id(),
        page.resume_id,
        lambda resume: resume.entries()[0].bullets.append(Bullet("Ran Kubernetes clusters for 4 teams", "b4")),
    )
    page.posting_text = (CORPUS / "jobs" / "indeed_150_devops_engineer.txt").read_text(encoding="utf-8")
    writing = _writing(page)
    _run(writing.include_for_keyword("Kubernetes"))
    assert "b4" in page._bullet_ids and page.undo_label == "include/exclude"
    writing.ask_skill("MongoDB")
    assert writing.skill_confirm_open and writing.skill_term == "MongoDB"
    writing.cancel_skill()
    assert repository.get_resume(page.workspace_id(), page.resume_id).section("skills") is None
    writing.ask_skill("MongoDB")
    _run(writing.confirm_skill())
    skills = repository.get_resume(page.workspace_id(), page.resume_id).section("skills").skills
    assert [skill.name for skill in skills] == ["MongoDB"] and not writing.skill_confirm_open


def test_the_current_roles_tense_is_the_persons_choice_kept_with_the_resume(page):
    current = Entry(
        "Senior accountant",
        "Globex",
        start_date="2022",
        bullets=[Bullet("Managed budgets of $2M for 3 departments", "c1"), Bullet("Prepare 120 tax returns", "c2")],
    )
    repository.update_resume(
        page.workspace_id(), page.resume_id, lambda resume: resume.section("work").entries.insert(0, current)
    )
    writing = _writing(page)
    _run(writing.toggle_suggestions("c1"))
    # Not chosen yet, and as many bullets in each tense: the present, the default.
    assert writing.writing_current and writing.writing_tense == "present"
    assert [row.kind for row in writing.writing_rows if row.kind == "tense"] == ["tense"]
    _run(writing.set_tense("past"))
    assert repository.get_resume(page.workspace_id(), page.resume_id).current_tense == "past"
    assert writing.writing_id == "c1" and writing.writing_tense == "past"
    assert not [row for row in writing.writing_rows if row.kind == "tense"]
    writing.close_suggestions()
    _run(writing.toggle_suggestions("c2"))
    [row] = [row for row in writing.writing_rows if row.kind == "tense"]
    assert "".join(part.text for part in row.preview) == "Prepared 120 tax returns"
    # A past role's bullet has no choice to make, nor a degree still under way.
    writing.close_suggestions()
    _run(writing.toggle_suggestions("b1"))
    assert not writing.writing_current
    degree = Entry("MSc Finance", "LSE", start_date="2023", bullets=[Bullet("Thesis on 40 pension funds", "e1")])
    repository.update_resume(
        page.workspace_id(), page.resume_id, lambda resume: resume.ensure_section("education").entries.append(degree)
    )
    writing.close_suggestions()
    _run(writing.toggle_suggestions("e1"))
    assert not writing.writing_current
    _run(writing.set_tense("future"))
    assert page.save_message == "Choose the present or the past tense for your current role."
    assert repository.get_resume(page.workspace_id(), page.resume_id).current_tense == "past"


def test_a_keyword_chip_includes_the_best_ranked_bullet_that_names_it(page):
    from resume_app.tailoring.rows import BulletScore
    from tests.corpus import CORPUS

    def add(resume):
        resume.entries()[0].bullets += [
            Bullet("Ran Kubernetes clusters for 4 teams", "b4"),
            Bullet("Moved 30 services to Kubernetes", "b5"),
        ]

    repository.update_resume(page.workspace_id(), page.resume_id, add)
    page.posting_text = (CORPUS / "jobs" / "indeed_150_devops_engineer.txt").read_text(encoding="utf-8")
    page._scores = {"b4": BulletScore(0.41, "", ()), "b5": BulletScore(0.63, "", ())}
    _run(_writing(page).include_for_keyword("Kubernetes"))
    assert "b5" in page._bullet_ids and "b4" not in page._bullet_ids
