"""Writing suggestions (issue 14): each rule on bullets of several fields, the fact gates
refusing made-up rewrites, and every suggestion for every corpus bullet passing the gates."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest

from resume_app.core import json_resume
from resume_app.core.errors import InputError
from resume_app.core.model import Bullet, Entry, Resume, Section
from resume_app.matching.ats import starts_with_action_verb
from resume_app.matching.keywords import posting_keywords
from resume_app.matching.suggestions import gates
from resume_app.matching.suggestions.engine import (
    add_confirmed_skill,
    apply_automatic,
    apply_figure,
    contexts,
    keyword_suggestions,
    suggest_bullet,
    suggest_resume,
)
from resume_app.matching.suggestions.model import BulletContext, changed_spans
from resume_app.matching.suggestions.verbs import BANK, inflect
from tests.corpus import TRUTH_FILES


def suggest(text: str, job: tuple[str, ...] = (), current: bool = False, tense: str = "present", **extra):
    job = job or (text,)
    ctx = BulletContext(text, "b1", job, job.index(text), current, True, "", tense, **extra)
    return suggest_bullet(ctx)


def texts(found, kind: str) -> list[str]:
    return [item.text for item in found if item.kind == kind]


def test_every_bank_verb_in_the_past_starts_an_action_verb_bullet():
    for group in BANK:
        for verb in group.verbs:
            assert starts_with_action_verb(f"{inflect(verb, 'past').capitalize()} the thing"), verb


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Responsible for managing the payroll of 40 staff", "Managed the payroll of 40 staff"),
        ("Responsible for designing and building the billing API", "Designed and built the billing API"),
        ("Assisted in promoting the club by placing 30 flyers", "Promoted the club by placing 30 flyers"),
        ("Helped to reconcile 12 bank accounts each month", "Reconciled 12 bank accounts each month"),
        ("Involved in the 2021 audit of three clinics", "Contributed to the 2021 audit of three clinics"),
        ("Tasked with leading the 2019 ERP rollout", "Led the 2019 ERP rollout"),
    ],
)
def test_a_weak_opener_becomes_the_verb_inflected(text, expected):
    assert expected in texts(suggest(text), "weak-opener")


def test_a_weak_opener_of_the_current_role_takes_the_chosen_tense():
    found = suggest("Responsible for managing the payroll of 40 staff", current=True, tense="present")
    assert texts(found, "weak-opener") == ["Manage the payroll of 40 staff"]


def test_a_weak_opener_before_a_noun_offers_three_verbs_that_pass_the_checks():
    options = texts(suggest("Responsible for the accounts payable team of 6"), "weak-opener")
    assert len(options) == 3
    assert all(option.endswith(" the accounts payable team of 6") for option in options)
    assert all(starts_with_action_verb(option) for option in options)


@pytest.mark.parametrize(
    ("text", "current", "tense", "expected"),
    [
        (
            "Manage four office locations and nine staff",
            False,
            "present",
            "Managed four office locations and nine staff",
        ),
        (
            "Monitoring and recording activity for 30 accounts",
            False,
            "present",
            "Monitored and recorded activity for 30 accounts",
        ),
        (
            "Built foundation model infrastructure for 2M users",
            True,
            "present",
            "Build foundation model infrastructure for 2M users",
        ),
        (
            "Build foundation model infrastructure for 2M users",
            True,
            "past",
            "Built foundation model infrastructure for 2M users",
        ),
    ],
)
def test_tense_follows_the_role(text, current, tense, expected):
    assert texts(suggest(text, current=current, tense=tense), "tense") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Lead engineer on the 2020 backtracking system",
        "Research integrated into Azure Cognitive Services",
        "Teaching Assistant for Programming for the Web",
        "Project: Investigations on the Use of Lasers",
        "Managed 4 offices across the Midwest",
    ],
)
def test_no_tense_change_where_the_first_word_is_no_verb_to_change(text):
    assert texts(suggest(text), "tense") == []


def test_pronouns_and_filler_are_removed():
    assert texts(suggest("I built our billing system in 3 weeks"), "pronoun") == ["Built the billing system in 3 weeks"]
    assert texts(suggest("Successfully migrated 40 services in order to cut cost"), "filler") == [
        "Migrated 40 services to cut cost"
    ]


def test_spacing_and_periods_are_made_consistent_within_a_job():
    assert texts(suggest("Cut  costs by 10% ."), "spacing") == ["Cut costs by 10%."]
    job = ("Cut costs by 10%.", "Sold 40 licences.", "Hired 3 engineers")
    assert texts(suggest(job[2], job), "period") == ["Hired 3 engineers."]
    job = ("Cut costs by 10%", "Sold 40 licences", "Hired 3 engineers.")
    assert texts(suggest(job[2], job), "period") == ["Hired 3 engineers"]


def test_a_generic_verb_gets_three_stronger_ones():
    options = texts(suggest("Handled 200 customer requests a week"), "stronger-verb")
    assert len(options) == 3
    assert all(
        option.endswith(" 200 customer requests a week") and not option.startswith("Handled") for option in options
    )
    assert "Collaborated with 5 analysts on the 2023 forecast" in texts(
        suggest("Worked with 5 analysts on the 2023 forecast"), "stronger-verb"
    )
    assert texts(suggest("Helped the internal audit team complete 12 audits"), "stronger-verb") == [
        "Enabled the internal audit team to complete 12 audits"
    ]


@pytest.mark.parametrize(
    ("text", "first", "never"),
    [
        ("Handled customer complaints at the front desk", "Resolved", {"Advised", "Supervised", "Answered"}),
        ("Did data analysis for the marketing team", "Conducted", {"Analyzed"}),
        ("Responsible for the onboarding of new nurses", None, {"Answered", "Served", "Advised", "Onboarded"}),
        ("Responsible for payroll and benefits for 40 staff", None, {"Served", "Advised", "Assisted"}),
    ],
)
def test_verbs_are_offered_only_with_objects_they_fit(text, first, never):
    options = [item.text.split()[0] for item in suggest(text) if item.kind in ("weak-opener", "stronger-verb")]
    assert options and not set(options) & never
    if first:
        assert options[0] == first


def test_a_verb_run_is_rewritten_whole_or_not_at_all():
    assert texts(suggest("Duties included answering phones and greeting the visitors"), "weak-opener") == [
        "Answered phones and greeted the visitors"
    ]
    # "greeting visitors" could be a noun phrase ("marketing materials"): no half rewrite.
    assert texts(suggest("Duties included answering phones and greeting visitors"), "weak-opener") == []


def test_the_embedding_model_picks_verbs_that_fit_the_meaning():
    from resume_app.matching.embedder import shared_embedder
    from resume_app.matching.suggestions.picker import EmbeddingPicker

    picker = EmbeddingPicker(shared_embedder())
    build = picker.pick("the payment API and checkout service", ("built", "improved", "analysed"), frozenset(), 3)
    study = picker.pick(
        "the quarterly sales data to find churn trends", ("built", "improved", "analysed"), frozenset(), 3
    )
    assert build[0] in {"develop", "build", "design", "engineer", "implement", "create", "launch"}
    assert study[0] in {"analyze", "evaluate", "assess", "investigate", "research", "measure", "audit"}


def test_a_long_bullet_is_split_at_a_clause_boundary():
    text = (
        "Designed and managed network configurations on AWS with 4 VPC and 100+ subnets for the payments "
        "platform. Separated the development network and the operation network according to the 2019 financial "
        "regulations of Korea and the audit rules of the bank."
    )
    [found] = [item for item in suggest(text) if item.kind == "split"]
    first, second = found.parts
    assert first.endswith("100+ subnets for the payments platform.")
    assert second.startswith("Separated the development network")
    assert all(len(part.split()) <= 35 for part in found.parts)


def test_the_repeats_of_a_verb_opening_three_bullets_of_a_job_get_alternatives():
    job = ("Managed 4 offices", "Managed the 2022 budget", "Managed 9 administrative staff", "Cut costs by 14%")
    assert texts(suggest(job[0], job), "repeated-verb") == []
    assert texts(suggest(job[1], job[:2] + job[3:]), "repeated-verb") == []
    options = texts(suggest(job[2], job), "repeated-verb")
    assert len(options) == 3
    assert all(option.endswith(" 9 administrative staff") and not option.startswith("Managed") for option in options)


def test_no_number_asks_for_the_kind_of_figure_and_uses_only_the_typed_one():
    found = suggest("Improved office response times by introducing tracking checklists")
    [question] = [item for item in found if item.kind == "metric"]
    assert question.question == "By what percentage?"
    text = "Improved office response times by introducing tracking checklists"
    assert apply_figure(text, question.figure_kind, "30") == (
        "Improved office response times by 30% by introducing tracking checklists"
    )
    clients = [item for item in suggest("Prepared tax returns for clients during tax season") if item.kind == "metric"]
    assert clients[0].question == "How many clients?"
    assert apply_figure("Prepared tax returns for clients during tax season", clients[0].figure_kind, "120") == (
        "Prepared tax returns for 120 clients during tax season"
    )
    with pytest.raises(InputError, match="digits"):
        apply_figure(text, "percent", "a lot")
    assert all(item.kind != "metric" for item in suggest("Cut costs by 14% in 2021"))


def test_changed_words_are_marked_for_the_preview():
    added, removed = changed_spans("Responsible for managing the payroll", "Managed the payroll")
    assert [("Managed the payroll"[a:b]) for a, b in added] == ["Managed"]
    assert [("Responsible for managing the payroll"[a:b]) for a, b in removed] == ["Responsible for managing"]


def _resume() -> Resume:
    chosen = Entry("Engineer", "Acme", start_date="2020", end_date="2022", bullets=[Bullet("Built 3 services", "b1")])
    other = Entry(
        "Intern", "Initech", start_date="2019", end_date="2019", bullets=[Bullet("Ran Kubernetes for 4 teams", "b2")]
    )
    return Resume(sections=[Section("work", entries=[chosen, other])])


def test_keywords_point_to_other_bullets_or_are_offered_as_skills_only_on_confirmation():
    keywords = posting_keywords(["Experience with Kubernetes and Terraform required."])
    found = {item.keyword: item for item in keyword_suggestions(_resume(), keywords, {"b1"})}
    assert found["Kubernetes"].kind == "include-bullet" and found["Kubernetes"].bullet_ids == ("b2",)
    assert found["Terraform"].kind == "add-skill"
    resume = _resume()
    with pytest.raises(InputError):
        add_confirmed_skill(resume, "Terraform", confirmed=False)
    assert resume.section("skills") is None
    add_confirmed_skill(resume, "Terraform", confirmed=True)
    assert [skill.name for skill in resume.section("skills").skills] == ["Terraform"]


@pytest.mark.parametrize(
    ("old", "new", "kind", "why"),
    [
        ("Cut costs by 14% in 2021", "Cut costs by 40% in 2021", "filler", "drops or changes 14%"),
        ("Managed 4 offices", "Managed 4 offices for 300 staff", "filler", "adds 300"),
        ("Built pipelines with Terraform and AWS", "Built pipelines with AWS", "filler", "Terraform"),
        ("Led the rollout in March 2021", "Led the rollout in May 2021", "filler", "March"),
        ("Raised $18M from Sequoia Capital", "Raised $1.8M from Sequoia Capital", "filler", "$18M"),
        ("Sold to Walmart and Target", "Sold to retailers and Target", "filler", "Walmart"),
        ("Responsible for the 2020 audit", "Responsible for the 2020 audit", "weak-opener", "still fails"),
        ("Built 3 services", "3 services were built", "filler", "fails"),
    ],
)
def test_the_gates_refuse_a_made_up_or_lossy_rewrite(old, new, kind, why):
    assert why in gates.refusal(old, kind, (new,))


def test_the_gate_keeps_the_posting_keywords_in_the_same_words():
    keywords = posting_keywords(["Strong customer service and financial reporting skills."])
    old = "Gave customer service to 40 clients"
    assert gates.refusal(old, "filler", ("Gave help to 40 clients",), keywords)
    assert not gates.refusal(old, "filler", ("Gave customer service to 40 clients",), keywords)


def _all_contexts():
    for path in TRUTH_FILES:
        resume = json_resume.loads(path.read_text(encoding="utf-8"))
        yield from ((path.stem, ctx, achievements) for ctx, achievements in contexts(resume))


def test_every_suggestion_for_every_corpus_bullet_keeps_every_fact():
    kinds: Counter = Counter()
    bullets = 0
    for name, ctx, achievements in _all_contexts():
        bullets += 1
        for item in suggest_bullet(ctx, achievements=achievements):
            kinds[item.kind] += 1
            if item.kind == "metric":
                assert item.question and not item.text
                continue
            parts = item.parts or (item.text,)
            assert gates.refusal(ctx.text, item.kind, parts) == "", (name, ctx.text, item.text)
            assert sum((gates.facts(part) for part in parts), Counter()) == gates.facts(ctx.text)
        after = apply_automatic(ctx, achievements=achievements)
        assert sum((gates.facts(text) for text in after), Counter()) == gates.facts(ctx.text), (name, ctx.text)
    assert bullets > 300
    # The corpus has bullets for each of these (not a count to keep: a floor that shows the rules run).
    assert {"tense", "metric", "split", "period", "filler", "weak-opener", "stronger-verb", "repeated-verb"} <= set(
        kinds
    )


def test_suggest_resume_uses_the_majority_tense_of_the_current_role():
    current = Entry(
        "CPA",
        "Gilmore",
        start_date="2021",
        bullets=[Bullet("Prepare 40 returns", "a"), Bullet("Meet 12 clients", "b"), Bullet("Reviewed 30 ledgers", "c")],
    )
    found = suggest_resume(Resume(sections=[Section("work", entries=[current])]))
    assert found.current_tense == "present"
    assert texts(found.bullets["c"], "tense") == ["Review 30 ledgers"]
    # The person's choice, kept with the resume, wins over the majority.
    chosen = suggest_resume(Resume(sections=[Section("work", entries=[current])], current_tense="past"))
    assert chosen.current_tense == "past"
    assert texts(chosen.bullets["a"], "tense") == ["Prepared 40 returns"] and not texts(chosen.bullets["c"], "tense")


def test_a_templates_instruction_left_in_gets_no_rewrite():
    past = Entry(
        "Developer", "Acme", start_date="2019", end_date="2021", bullets=[Bullet("Showcase your project here", "t")]
    )
    found = suggest_resume(Resume(sections=[Section("work", entries=[past])]))
    assert found.bullets["t"] == []


def test_cli_suggest_prints_json_and_refuses_bad_input(tmp_path):
    path = next(path for path in TRUTH_FILES if path.stem == "soupboss_01_accountant")
    run = [sys.executable, "-m", "resume_app.cli", "suggest"]
    result = subprocess.run([*run, str(path), "--json"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    helped = next(item for item in document["bullets"] if item["text"].startswith("Helped the internal audit"))
    assert helped["suggestions"][0]["text"] == "Enabled the internal audit team to complete annual audits"
    missing = subprocess.run([*run, str(tmp_path / "none.json")], capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2
    assert len(missing.stderr.strip().splitlines()) == 1 and "does not exist" in missing.stderr
