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


def test_an_opening_verb_is_read_in_any_tense_a_resume_uses():
    # Office, support, sales and teaching bullets of a current role open in the present tense.
    for text in ("Compute taxes for 120 clients", "Meet with 30 clients a month", "Troubleshoots 40 laptops a week"):
        assert "action-verb" not in _codes(text), text
    # Any verb's past form, irregular ones included, and an adverb before the verb.
    for text in ("Met with 12 law firms", "Troubleshot 40 laptops a week", "Continuously improved 3 pipelines"):
        assert "action-verb" not in _codes(text), text
    # Words more often nouns at the start of a line are no verb there, but their past forms are.
    for text in ("Research integrated into 2 products", "Head of a 5-person team", "Data analysis for 3 teams"):
        assert "action-verb" in _codes(text), text
    assert "action-verb" not in _codes("Researched 3 pricing models")


def test_a_templates_instruction_left_in_is_flagged_instead_of_polished():
    checks = bullet_checks("b1", "Showcase your project here")
    assert [check.code for check in checks] == ["template"]
    assert checks[0].fix == "Replace it with what you did, or delete it."
