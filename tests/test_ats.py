"""Writing and ATS checks: each names the problem and the fix."""

from __future__ import annotations

from resume_app.core import editing
from resume_app.core.model import Resume
from resume_app.matching.ats import bullet_checks, resume_checks


def _codes(text: str) -> set[str]:
    return {check.code for check in bullet_checks("b1", text)}


def test_a_strong_bullet_passes():
    assert _codes("Cut cloud spend by 30% by moving 40 services to spot instances") == set()
    assert _codes("Built the billing API used by 2,000 merchants") == set()


def test_weak_openers_pronouns_and_passive_voice_are_flagged():
    assert "weak-opener" in _codes("Responsible for the monthly close of 12 entities")
    assert "pronoun" in _codes("I improved our onboarding flow for 300 users")
    assert "passive" in _codes("Reports were automated for 5 teams")
    assert "metric" in _codes("Improved the onboarding flow")
    assert "action-verb" in _codes("The onboarding flow for 300 users")


def test_long_bullets_and_buzzwords_are_flagged():
    long = "Led " + " ".join(["work"] * 40) + " for 3 teams"
    assert "length" in _codes(long)
    assert "buzzword" in _codes("Dynamic self-starter who leveraged synergy across 4 teams")


def test_resume_checks_find_missing_contact_sections_and_repeated_verbs():
    resume = Resume()
    resume.contact.name = "Ana Silva"
    job = editing.add_entry(resume, "work")
    job.title = "Analyst"
    for text in ("Built a model for 3 teams", "Built a report for 5 teams", "Built a dashboard for 8 teams"):
        editing.add_bullet(resume, job.id, text)
    codes = [check.code for check in resume_checks(resume)]
    assert "email" in codes and "phone" in codes
    assert "section" in codes  # no education or skills
    assert "repeated-verb" in codes
    assert all(check.fix for check in resume_checks(resume))


def test_hidden_bullets_are_not_checked():
    resume = Resume()
    job = editing.add_entry(resume, "work")
    bullet = editing.add_bullet(resume, job.id, "Responsible for things")
    bullet.hidden = True
    assert not [check for check in resume_checks(resume) if check.bullet_id == bullet.id]
