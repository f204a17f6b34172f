"""The writing-suggestion calls the page makes (ids and strings): suggestions for a stored
bullet, applied to the master only while the bullet still reads as it did, a split reaching
the versions that show the bullet, a typed figure, a skill added only once confirmed."""

from __future__ import annotations

import pytest

from resume_app.core.errors import InputError
from resume_app.core.model import Bullet, Entry, Resume, Section, TailoredVersion
from resume_app.matching.suggestions.picker import LexicalPicker
from resume_app.storage import repository
from resume_app.tailoring import writing

LONG = (
    "Designed and managed network configurations on AWS with 4 VPC and 100+ subnets for the payments platform. "
    "Separated the development network and the operation network according to the 2019 financial regulations "
    "of Korea and the audit rules of the bank."
)


@pytest.fixture
def stored(workspace):
    entry = Entry(
        "Accountant",
        "Harrison",
        start_date="2019",
        end_date="2021",
        bullets=[
            Bullet("Responsible for managing the payroll of 40 staff", "b1"),
            Bullet("Prepared tax returns for clients during tax season", "b2"),
            Bullet(LONG, "b3"),
        ],
    )
    resume = repository.create_resume(workspace, Resume(sections=[Section("work", entries=[entry])]))
    return workspace, resume.id


def test_a_suggestion_is_applied_to_the_master_while_the_bullet_reads_as_it_did(stored):
    workspace, resume_id = stored
    found = writing.bullet_suggestions(workspace, resume_id, "b1", picker=LexicalPicker())
    [opener] = [item for item in found if item.kind == "weak-opener"]
    assert opener.text == "Managed the payroll of 40 staff"
    old = "Responsible for managing the payroll of 40 staff"
    writing.apply_text(workspace, resume_id, "b1", old, opener.text)
    assert repository.get_resume(workspace, resume_id).bullets()[0].text == "Managed the payroll of 40 staff"
    with pytest.raises(InputError, match="changed since"):
        writing.apply_text(workspace, resume_id, "b1", old, "Oversaw the payroll of 40 staff")
    assert repository.get_resume(workspace, resume_id).bullets()[0].text == "Managed the payroll of 40 staff"


def test_a_typed_figure_rewrites_the_bullet_and_a_figure_without_digits_is_refused(stored):
    workspace, resume_id = stored
    old = "Prepared tax returns for clients during tax season"
    [question] = [item for item in writing.bullet_suggestions(workspace, resume_id, "b2") if item.kind == "metric"]
    with pytest.raises(InputError, match="digits"):
        writing.answer_question(workspace, resume_id, "b2", old, question.figure_kind, "many")
    writing.answer_question(workspace, resume_id, "b2", old, question.figure_kind, "120")
    assert repository.get_resume(workspace, resume_id).bullets()[1].text == (
        "Prepared tax returns for 120 clients during tax season"
    )


def test_a_split_adds_the_second_part_after_the_first_in_the_master_and_the_versions(stored):
    workspace, resume_id = stored
    version = repository.save_version(workspace, TailoredVersion(resume_id, "Bank - Analyst", ["b3", "b1"]))
    [split] = [
        item
        for item in writing.bullet_suggestions(workspace, resume_id, "b3", picker=LexicalPicker())
        if item.kind == "split"
    ]
    new_id = writing.apply_split(workspace, resume_id, "b3", LONG, list(split.parts))
    master = repository.get_resume(workspace, resume_id)
    assert [bullet.id for bullet in master.bullets()] == ["b1", "b2", "b3", new_id]
    assert [bullet.text for bullet in master.bullets()[2:]] == list(split.parts)
    assert repository.get_version(workspace, version.id).bullet_ids == ["b3", new_id, "b1"]


def test_a_missing_skill_is_added_only_once_confirmed(stored):
    workspace, resume_id = stored
    with pytest.raises(InputError, match="confirm"):
        writing.confirm_skill(workspace, resume_id, "QuickBooks", confirmed=False)
    assert repository.get_resume(workspace, resume_id).section("skills") is None
    writing.confirm_skill(workspace, resume_id, "QuickBooks", confirmed=True)
    skills = repository.get_resume(workspace, resume_id).section("skills").skills
    assert [skill.name for skill in skills] == ["QuickBooks"]
