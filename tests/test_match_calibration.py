"""The match score means what it says: on the corpus, a resume scores far higher against a
posting of its own field than against an unrelated one, and tailoring never lowers it;
and match_score.score_match on small hand-made matrices (statuses, weights, eligibility)."""

from __future__ import annotations

import numpy as np
import pytest

from resume_app.core import json_resume
from resume_app.core.model import Resume, apply_version
from resume_app.matching import match_score
from resume_app.matching.embedder import Embedder, shared_embedder
from resume_app.matching.keywords import Keyword
from resume_app.matching.match_score import (
    MET_SIMILARITY,
    PARTIAL_SIMILARITY,
    Status,
    score_match,
)
from resume_app.matching.ranker import prepare, rank
from resume_app.matching.requirements import (
    KIND_WEIGHTS,
    PREFERRED,
    REQUIRED,
    RESPONSIBILITY,
    Eligibility,
    PostingAnalysis,
    Requirement,
)
from resume_app.tailoring import service
from tests.corpus import CORPUS

JOBS = CORPUS / "jobs"
TRUTH = CORPUS / "truth"

# The smallest gap, in points, between a resume against a posting of its own field and the
# same resume against a posting of an unrelated field.
GAP = 35

DEVELOPER_POSTINGS = ("indeed_321_sr_full_stack_java_web_developer", "servicenow_senior_software_engineer")
NOT_DEVELOPER = ("indeed_496_office_coordinator", "indeed_589_tax_accountant", "indeed_974_senior_accountant")

# Resume -> (postings of its own field, postings of an unrelated field), family by family.
FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # Accounting: an accountant (CPA, reconciliations, tax returns) against the senior and the
    # tax accountant postings; unrelated: DevOps and Java web development.
    "soupboss_01_accountant": (
        ("indeed_974_senior_accountant", "indeed_589_tax_accountant"),
        ("indeed_150_devops_engineer", "indeed_321_sr_full_stack_java_web_developer"),
    ),
    # Office administration: an office manager (scheduling for physicians, office operations)
    # against the clinic's office coordinator; unrelated: DevOps and data engineering.
    "soupboss_01_office_coordinator": (
        ("indeed_496_office_coordinator",),
        ("indeed_150_devops_engineer", "indeed_414_data_engineer"),
    ),
    # IT support: a desktop support technician against the field and desktop IT support
    # specialist; unrelated: both accounting postings.
    "soupboss_01_desktop_support": (
        ("indeed_793_it_support_specialist_field_and_desktop",),
        ("indeed_974_senior_accountant", "indeed_589_tax_accountant"),
    ),
    # DevOps / SRE: a DevOps engineer and site reliability engineer against the DevOps
    # posting; unrelated: accounting and the office coordinator.
    "awesomecv_resume": (
        ("indeed_150_devops_engineer",),
        ("indeed_974_senior_accountant", "indeed_589_tax_accountant", "indeed_496_office_coordinator"),
    ),
    # Web developers (React/Node, JavaScript full stack): the full-stack web developer
    # posting; unrelated: office and accounting. The seven Reactive Resume templates hold
    # one resume, so one stands for all.
    "reactiveresume_pikachu": (DEVELOPER_POSTINGS[:1], NOT_DEVELOPER),
    "latexcv_sidebar_jan_kuster": (DEVELOPER_POSTINGS[:1], NOT_DEVELOPER),
    # Software engineers (front end, back end, CI/CD): the web developer and the senior
    # software engineer (ServiceNow) postings; unrelated: office and accounting.
    # indeed_245 "Software Engineer" is CAD/CAM design automation in Siemens NX with a
    # mechanical engineering degree: no corpus resume's field, so it is left out.
    "openresume_john_doe": (DEVELOPER_POSTINGS, NOT_DEVELOPER),
    "vantage_john_doe": (DEVELOPER_POSTINGS, NOT_DEVELOPER),
    # Data: a software engineer on data pipelines (Apache Beam, Hadoop to Cassandra) and data
    # scientist against the data engineer posting, and the senior software engineer one.
    "sb2nov_sourabh_bajaj": (("indeed_414_data_engineer", DEVELOPER_POSTINGS[1]), NOT_DEVELOPER),
    # Not mapped: rendercv_* (ML research scientist and AI start-up CTO: no research posting
    # in the corpus), and resumes of fields with no posting (police, hospitality, student,
    # retail, counselling, template text).
}


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    model = shared_embedder()
    model.load()
    return model


def _resume(name: str) -> Resume:
    return json_resume.loads((TRUTH / f"{name}.json").read_bytes())


def _posting(name: str):
    return prepare((JOBS / f"{name}.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(embedder) -> dict[tuple[str, str], tuple[int, int | None]]:
    """(resume, posting) -> (the master's score, the tailored version's score; None for a
    posting of an unrelated field, which nobody tailors a resume for)."""
    found = {}
    for name, (own, unrelated) in FIELDS.items():
        resume = _resume(name)
        for posting in own + unrelated:
            prepared = _posting(posting)
            master = rank(resume, prepared, embedder).match_score
            tailored = None
            if posting in own:
                version = apply_version(resume, service.suggestion(resume, prepared))
                tailored = rank(version, prepared, embedder, master=resume).match_score
            found[(name, posting)] = (master, tailored)
    return found


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_a_resume_scores_far_higher_in_its_own_field(scores, name):
    own, unrelated = FIELDS[name]
    own_scores = {posting: scores[(name, posting)][0] for posting in own}
    other_scores = {posting: scores[(name, posting)][0] for posting in unrelated}
    assert min(own_scores.values()) - max(other_scores.values()) >= GAP, (own_scores, other_scores)


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_a_tailored_version_never_scores_below_its_master(scores, name):
    for posting in FIELDS[name][0]:
        master, tailored = scores[(name, posting)]
        assert tailored >= master, (posting, master, tailored)


def test_the_tailoring_service_scores_its_resume_like_the_suggestion(embedder):
    resume, posting = _resume("soupboss_01_accountant"), "indeed_974_senior_accountant"
    text = (JOBS / f"{posting}.txt").read_text(encoding="utf-8")
    tailored = service.tailored_resume(resume, text)
    chosen = service.suggestion(resume, text)
    assert rank(tailored, text, embedder).match_score == rank(apply_version(resume, chosen), text, embedder).match_score


# ---------------------------------------------------------------------------------------
# score_match on hand-made matrices
# ---------------------------------------------------------------------------------------


def _requirement(text: str, kind=REQUIRED) -> Requirement:
    return Requirement(text, kind, "", KIND_WEIGHTS[kind])


def test_statuses_follow_the_thresholds_at_their_boundaries():
    requirements = [_requirement(f"r{i}") for i in range(4)]
    similarity = np.array([[MET_SIMILARITY, PARTIAL_SIMILARITY, PARTIAL_SIMILARITY - 0.001, MET_SIMILARITY - 0.001]])
    score = score_match(similarity, ["b1"], requirements, [], set())
    assert [item.status for item in score.requirements] == [Status.MET, Status.PARTIAL, Status.MISSING, Status.PARTIAL]
    assert [item.credit for item in score.requirements][:3] == [1.0, match_score.PARTIAL_CREDIT, 0.0]
    assert 0.99 < score.requirements[3].credit < 1.0
    assert (score.required.met, score.required.partial, score.required.total) == (1, 2, 4)


def test_the_evidence_is_the_best_shown_bullet():
    similarity = np.array([[0.30, 0.50], [0.45, 0.20], [0.10, 0.52]])
    score = score_match(similarity, ["a", "b", "c"], [_requirement("x"), _requirement("y")], [], set())
    assert [(item.evidence, item.similarity) for item in score.requirements] == [("b", 0.45), ("c", 0.52)]


def test_no_bullet_shown_leaves_every_requirement_missing_without_evidence():
    score = score_match(None, [], [_requirement("x")], [], set())
    assert [(item.status, item.evidence) for item in score.requirements] == [(Status.MISSING, "")]
    assert score.total == 0


def test_a_preferred_requirement_weighs_less_than_a_required_one():
    requirements = [_requirement("must"), _requirement("nice", PREFERRED)]
    meets_required = score_match(np.array([[0.6, 0.1]]), ["b"], requirements, [], set(), fit=0.55)
    meets_preferred = score_match(np.array([[0.1, 0.6]]), ["b"], requirements, [], set(), fit=0.55)
    assert meets_required.total > meets_preferred.total
    assert meets_required.required.share == 1.0 and meets_preferred.preferred.share == 1.0


def test_responsibilities_count_too():
    requirements = [_requirement("must"), _requirement("duty", RESPONSIBILITY)]
    none = score_match(np.array([[0.6, 0.1]]), ["b"], requirements, [], set())
    both = score_match(np.array([[0.6, 0.6]]), ["b"], requirements, [], set())
    assert both.total > none.total
    assert (both.responsibilities.met, both.responsibilities.total) == (1, 1)


def test_eligibility_lines_never_count(embedder):
    # Only the analysis's requirements are scored: its eligibility lines change neither the
    # score nor the statuses, and never show as Missing.
    resume = _resume("sb2nov_sourabh_bajaj")
    requirements = [
        Requirement("Build and maintain ETL data pipelines in Python", REQUIRED, "", KIND_WEIGHTS[REQUIRED]),
        Requirement("Experience with AWS Redshift", PREFERRED, "", KIND_WEIGHTS[PREFERRED]),
    ]
    lines = ["All work must be conducted within the U.S.", "Some Federal contracts require U.S. citizenship."]
    plain = PostingAnalysis("Data Engineer", "Acme", requirements)
    apart = PostingAnalysis("Data Engineer", "Acme", requirements, [Eligibility(line, "") for line in lines])
    first, second = rank(resume, plain, embedder), rank(resume, apart, embedder)
    assert first.match_score == second.match_score and first.score == second.score
    assert [item.text for item in second.requirements] == [item.text for item in requirements]
    # The same lines read as requirements would count (and be Missing): why they must stay apart.
    counted = PostingAnalysis(
        "Data Engineer", "Acme", requirements + [Requirement(line, REQUIRED, "", 1.0) for line in lines]
    )
    assert rank(resume, counted, embedder).score.required.total == 3
    # On a posting as pasted: its eligibility lines are listed apart and nothing scored names them.
    posting = (
        "Title: Data Engineer\nCompany: Acme\nLocation: Remote\n\nRequirements:\n"
        "- 3+ years building ETL pipelines in Python and SQL\n- Experience with AWS Redshift\n"
        "- Must be authorized to work in the U.S. without sponsorship\n- Ability to travel up to 25%\n"
    )
    ranking = rank(resume, posting, embedder)
    listed = {item.text for item in ranking.analysis.eligibility}
    assert listed and not listed & {item.text for item in ranking.score.requirements}


def test_fit_reads_the_closest_bullets_and_a_hidden_one_never_raises_it():
    posting = np.array([[1.0, 0.0]])
    close, far = np.array([0.9, 0.436]), np.array([0.2, 0.98])
    many = np.vstack([close] * match_score.FIT_BULLETS + [far])
    # Beyond FIT_BULLETS, an unrelated bullet neither adds nor takes away.
    assert match_score.fit_similarity(many, np.zeros((0, 2)), posting) == pytest.approx(0.9)
    assert match_score.fit_similarity(many[:-1], np.zeros((0, 2)), posting) == pytest.approx(0.9)
    # Fewer bullets than that count 0 for each one short: hiding one never raises the fit.
    fewer = match_score.fit_similarity(many[:3], np.zeros((0, 2)), posting)
    assert fewer == pytest.approx(0.9 * 3 / match_score.FIT_BULLETS)
    assert match_score.fit_similarity(many[:2], np.zeros((0, 2)), posting) < fewer
    # Titles and skill lines count beside the bullets.
    titled = match_score.fit_similarity(many[:3], np.array([[1.0, 0.0]]), posting)
    assert titled == pytest.approx((0.9 * 3 + 1.0) / (match_score.FIT_BULLETS + 1))


def test_keywords_and_fit_add_to_the_score_and_the_breakdown_says_how():
    requirements = [_requirement("x")]
    keywords = [Keyword("SQL", (("sql",),), 2.0), Keyword("Airflow", (("airflow",),), 1.0)]
    plain = score_match(np.array([[0.2]]), ["b"], requirements, keywords, set())
    named = score_match(np.array([[0.2]]), ["b"], requirements, keywords, {"SQL"})
    fitting = score_match(np.array([[0.2]]), ["b"], requirements, keywords, {"SQL"}, fit=match_score.FIT_CEILING)
    assert plain.total < named.total < fitting.total
    breakdown = named.breakdown()
    assert breakdown["keywords"] == {"matched": 1, "total": 2, "share": round(2 / 3, 3)}
    assert breakdown["required"] == {"met": 0, "partial": 0, "total": 1, "share": 0.0}
    assert set(breakdown) >= {"required", "preferred", "responsibilities", "keywords", "fit", "weights"}


def test_full_marks_cap_the_score_at_100():
    score = score_match(np.array([[0.9]]), ["b"], [_requirement("x")], [], set(), fit=0.9)
    assert score.total == 100


def test_a_title_line_beside_the_bullets_can_meet_a_requirement():
    requirement = Requirement("CPA license preferred", PREFERRED, "", KIND_WEIGHTS[PREFERRED])
    bullets = np.array([[0.30]])
    lines = ["Certified Public Accountant (CPA)"]
    scored = score_match(bullets, ["b1"], [requirement], [], set(), 0.0, np.array([[0.64]]), lines).requirements[0]
    assert (scored.status, scored.evidence, scored.evidence_line) == (Status.MET, "", lines[0])
    # A bullet closer than every line stays the evidence.
    closer = score_match(np.array([[0.70]]), ["b1"], [requirement], [], set(), 0.0, np.array([[0.64]]), lines)
    assert (closer.requirements[0].evidence, closer.requirements[0].evidence_line) == ("b1", "")


def test_the_accountants_certificate_and_degree_meet_the_postings_cpa_and_degree(embedder):
    accountant = json_resume.loads((TRUTH / "soupboss_01_accountant.json").read_bytes())
    ranking = rank(accountant, prepare((JOBS / "indeed_974_senior_accountant.txt").read_text()), embedder)
    by_text = {item.text: item for item in ranking.requirements}
    cpa = by_text["CPA license preferred"]
    assert cpa.status == "met" and "Certified Public Accountant" in cpa.evidence_line
    degree = next(item for text, item in by_text.items() if text.startswith("Bachelor's degree in accounting"))
    assert degree.status == "met" and "Bachelor of Business Administration" in degree.evidence_line
