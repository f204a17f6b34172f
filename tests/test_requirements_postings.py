"""Posting analysis on postings these tests write themselves, one family of postings a test:
prose duties and qualifications, eligibility lines inside a requirements list, perks and
contact lines after the last list with no heading to close it, kind from the item's own
words, list items that are not cut before a capital or a parenthesis, what is left out and
why. Then the leave-one-out switch of `provenance`."""

from __future__ import annotations

import pytest

from resume_app.matching.requirements import (
    PREFERRED,
    REQUIRED,
    RESPONSIBILITY,
    Eligibility,
    LeftOut,
    PostingAnalysis,
    analyze_posting,
    provenance,
)
from resume_app.matching.requirements.eligibility import is_eligibility
from resume_app.matching.requirements.holder import holder_kind

BACKEND = """Staff Backend Engineer at Larkspur Systems

Larkspur Systems builds billing software for utilities. We are a remote-first company of 120 people.

The Role
The Staff Backend Engineer owns the design of our payments platform and mentors four engineers. This person will \
work with product managers to plan quarterly roadmaps. The ideal candidate has shipped distributed systems at scale. \
You will be on call one week in six.

What you'll do
- Design and operate services in Go and PostgreSQL (on AWS)
- Lead incident reviews. Write clear postmortems that the whole company reads.
- Partner with Security on SOC 2 controls

What you bring
- 8+ years building backend services
- Deep knowledge of Kubernetes (EKS) and Terraform
- Experience with Kafka is a plus
- Drive cross-team projects from idea to launch
- Must be authorized to work in the United States; we do not sponsor visas
- All work must be conducted within the U.S.
- Some Federal contracts require U.S. citizenship
- Willingness to travel up to 10% for team offsites

We offer a 401(k) match, unlimited PTO and a home office stipend.
Questions? Reach out to our recruiter Dana Lee at dana@larkspur.example.
Larkspur is proud to be an equal opportunity employer.
"""

RECEPTION = """Dental Office Receptionist
Bright Smiles Family Dentistry - Tacoma, WA

Job Summary
This position greets patients, schedules appointments and verifies insurance. The receptionist also answers phones \
and keeps the front desk tidy.

Requirements:
• High school diploma or equivalent
• 1+ year of front desk experience (dental or medical preferred)
• Familiarity with Dentrix or Eaglesoft
• Bilingual English/Spanish a plus
• Ability to lift 25 pounds
• Must be available to work Saturdays and two evenings a week
• Proof of Hepatitis B vaccination
Performs other duties as assigned.
Our team is like a family and we celebrate every birthday.
Free parking and paid holidays.
Call Maria at (253) 555-0142 to schedule an interview.
"""

ANALYST = """Title: Junior Data Analyst
Company: Meridian Health Partners
Location: Columbus, OH

Meridian Health Partners runs twelve clinics across central Ohio. Our analytics group turns clinic data into \
decisions.

As a Junior Data Analyst, you will build weekly dashboards in Tableau and answer ad hoc questions from clinic \
managers. You will clean claims data with SQL (PostgreSQL and Snowflake) and document every metric you publish. The \
analyst reports to the Director of Analytics. They will also support the annual budget process. The successful \
candidate is comfortable explaining numbers to people who are not analysts. A working knowledge of Python (pandas) \
is helpful but not required. This role is hybrid, with three days a week in our Columbus office. Candidates must \
pass a background check. Meridian offers medical, dental and vision coverage from day one. To apply, send your \
resume to jobs@meridian.example.
"""


def _flat(text: str) -> str:
    """The posting pasted as one line, as the corpus's .flat.txt variants are: list marks gone."""
    lines = [line.strip().removeprefix("- ").removeprefix("• ") for line in text.splitlines()]
    return " ".join(" ".join(lines).split())


def _kinds(analysis: PostingAnalysis) -> dict[str, str]:
    return {req.text: req.kind for req in analysis.requirements}


def _reasons(analysis: PostingAnalysis) -> dict[str, str]:
    return {item.text: item.reason for item in analysis.left_out}


@pytest.mark.parametrize("shape", ["structured", "flat"])
def test_prose_whose_subject_is_the_job_holder_counts(shape):
    text = RECEPTION if shape == "structured" else _flat(RECEPTION)
    kinds = _kinds(analyze_posting(text))
    assert kinds["This position greets patients, schedules appointments and verifies insurance."] == RESPONSIBILITY
    assert kinds["The receptionist also answers phones and keeps the front desk tidy."] == RESPONSIBILITY


def test_role_title_candidate_they_and_you_sentences_with_their_kind():
    kinds = _kinds(analyze_posting(BACKEND))
    assert kinds["The Staff Backend Engineer owns the design of our payments platform and mentors four engineers."] == (
        RESPONSIBILITY
    )
    assert kinds["This person will work with product managers to plan quarterly roadmaps."] == RESPONSIBILITY
    assert kinds["The ideal candidate has shipped distributed systems at scale."] == REQUIRED
    analyst = analyze_posting(ANALYST)
    kinds = _kinds(analyst)
    assert kinds["They will also support the annual budget process."] == RESPONSIBILITY
    summary = "As a Junior Data Analyst, you will build weekly dashboards in Tableau and answer ad hoc questions"
    assert kinds[f"{summary} from clinic managers."] == RESPONSIBILITY
    assert kinds["The successful candidate is comfortable explaining numbers to people who are not analysts."] == (
        REQUIRED
    )
    # the reporting line and the employer's own sentences are not the holder's duties
    reasons = _reasons(analyst)
    assert reasons["The analyst reports to the Director of Analytics."] == "description"
    assert reasons["Meridian Health Partners runs twelve clinics across central Ohio."] == "about the company"
    assert reasons["Our analytics group turns clinic data into decisions."] == "about the company"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The Warehouse Supervisor schedules three shifts of pickers.", RESPONSIBILITY),
        ("This individual will also be involved in vendor negotiations.", RESPONSIBILITY),
        ("The position will involve writing grant reports.", RESPONSIBILITY),
        ("The primary objectives of this role are closing the books and reconciling accounts.", RESPONSIBILITY),
        ("This includes training new cashiers on the register.", RESPONSIBILITY),
        ("Strong spoken Spanish is essential for this role.", REQUIRED),
        ("The ideal applicant should have a current CDL.", REQUIRED),
        ("Your responsibilities will include managing project schedules.", RESPONSIBILITY),
        ("Key duties are scheduling, invoicing and risk tracking.", RESPONSIBILITY),
        ("The coordinator will be the main point of contact for clients.", RESPONSIBILITY),
        ("You will serve as the liaison between IT and Finance.", RESPONSIBILITY),
        ("The ideal candidate will be a self-starter.", REQUIRED),
        ("The RN coordinates care with physicians.", RESPONSIBILITY),
        ("The analyst reports to the Director of Analytics.", None),
        ("The team ships every Friday.", None),
        ("These products will likely change next year.", None),
        ("You will enjoy a generous learning budget.", None),
    ],
)
def test_holder_kind(sentence, kind):
    assert holder_kind(sentence) == kind


def test_eligibility_lines_in_a_requirements_list_are_listed_apart_and_never_requirements():
    analysis = analyze_posting(BACKEND)
    assert [item.text for item in analysis.eligibility] == [
        "You will be on call one week in six.",
        "Must be authorized to work in the United States; we do not sponsor visas",
        "All work must be conducted within the U.S.",
        "Some Federal contracts require U.S. citizenship",
        "Willingness to travel up to 10% for team offsites",
    ]
    assert analysis.eligibility[1] == Eligibility(
        "Must be authorized to work in the United States; we do not sponsor visas", "What you bring"
    )
    texts = {req.text for req in analysis.requirements}
    assert not texts & {item.text for item in analysis.eligibility}


@pytest.mark.parametrize(
    "line",
    [
        "Ability to lift 50 pounds",
        "Must be available to work Saturdays and two evenings a week",
        "Proof of Hepatitis B vaccination",
        "Valid driver's license and a clean driving record",
        "Candidates must pass a background check",
        "Active Secret clearance required",
        "Must reside within 50 miles of Denver",
        "Flexibility to work across Pacific and Eastern time zones",
        "This role is hybrid, with three days a week in our office",
        "Proof of TB status upon hire",
        "Willing to work rotating shifts",
        "Up to 25% travel required",
        "Must be willing to work overtime",
    ],
)
def test_eligibility_families(line):
    assert is_eligibility(line)


@pytest.mark.parametrize(
    "line",
    [
        "Experience with hybrid cloud deployments",
        "Provide on-site support to end users",
        "Experience managing remote teams",
        "Process 10 TB of logs a day",
        "Book travel for the executive team",
        "Experience with Visa and Mastercard card networks",
        "Build citizen developer programs on the platform",
        "Process overtime payroll every two weeks",
        "Coordinate meetings across time zones",
    ],
)
def test_requirements_that_only_mention_an_eligibility_word(line):
    assert not is_eligibility(line)


@pytest.mark.parametrize("shape", ["structured", "flat"])
def test_perks_contact_and_catch_all_after_the_last_list_are_left_out_with_their_reason(shape):
    text = RECEPTION if shape == "structured" else _flat(RECEPTION)
    analysis = analyze_posting(text)
    reasons = _reasons(analysis)
    assert reasons["Performs other duties as assigned."] == "catch-all duty"
    assert reasons["Our team is like a family and we celebrate every birthday."] == "about the company"
    assert reasons["Free parking and paid holidays."] == "benefits"
    assert reasons["Call Maria at (253) 555-0142 to schedule an interview."] == "how to apply"
    listed = " | ".join(item.text for item in analysis.eligibility)
    for line in ("Ability to lift 25 pounds", "available to work Saturdays", "Proof of Hepatitis B vaccination"):
        assert line in listed  # one line each, or two run together when the posting was flattened
        assert not any(line in req.text for req in analysis.requirements)
    assert len(analysis.requirements) == (6 if shape == "structured" else 5)  # flat: two tool lines run together


def test_prose_after_a_list_with_no_closing_heading_is_judged_on_its_own_words():
    analysis = analyze_posting(
        "Qualifications\n- 3+ years of payroll experience\n- Working knowledge of ADP\n"
        "Everyone here gets a standing desk and a quiet room.\n"
        "Most of the office rides the same train in the morning.\n"
        "Candidates with a CPP certification will stand out.\n"
    )
    texts = [req.text for req in analysis.requirements]
    assert texts == [
        "3+ years of payroll experience",
        "Working knowledge of ADP",
        "Candidates with a CPP certification will stand out.",
    ]
    reasons = _reasons(analysis)
    assert reasons["Everyone here gets a standing desk and a quiet room."] == "description"
    assert reasons["Most of the office rides the same train in the morning."] == "description"


def test_left_out_reasons_cover_the_boilerplate_families():
    analysis = analyze_posting(BACKEND)
    reasons = _reasons(analysis)
    assert reasons["We offer a 401(k) match, unlimited PTO and a home office stipend."] == "benefits"
    assert reasons["Reach out to our recruiter Dana Lee at dana@larkspur.example."] == "how to apply"
    assert reasons["Larkspur is proud to be an equal opportunity employer."] == "equal opportunity statement"
    assert reasons["What you bring"] == "heading"
    assert reasons["Staff Backend Engineer at Larkspur Systems"] == "job details"
    assert all(isinstance(item, LeftOut) and item.reason for item in analysis.left_out)
    # `dropped` is every text that is not a requirement
    assert analysis.dropped == [item.text for item in analysis.eligibility] + [item.text for item in analysis.left_out]


@pytest.mark.parametrize("shape", ["structured", "flat"])
def test_kind_from_the_items_own_words_first(shape):
    text = BACKEND if shape == "structured" else _flat(BACKEND)
    kinds = _kinds(analyze_posting(text))
    assert kinds["Drive cross-team projects from idea to launch"] == RESPONSIBILITY  # a duty under "What you bring"
    assert kinds["Experience with Kafka is a plus"] == PREFERRED
    kinds = _kinds(analyze_posting(RECEPTION))
    # a preference in brackets qualifies one part of the line, not the line
    assert kinds["1+ year of front desk experience (dental or medical preferred)"] == REQUIRED
    assert kinds["Bilingual English/Spanish a plus"] == PREFERRED
    assert (
        _kinds(analyze_posting(ANALYST))["A working knowledge of Python (pandas) is helpful but not required."]
        == PREFERRED
    )
    duties = _kinds(
        analyze_posting(
            "Responsibilities\n- Reconcile vendor statements every month\n"
            "- Has the ability to explain variances to non-accountants\n- Bachelor's degree in accounting\n"
        )
    )
    assert duties["Reconcile vendor statements every month"] == RESPONSIBILITY
    assert duties["Has the ability to explain variances to non-accountants"] == REQUIRED
    assert duties["Bachelor's degree in accounting"] == REQUIRED


def test_list_items_are_not_cut_before_a_capital_or_a_parenthesis():
    analysis = analyze_posting(
        "Requirements\n"
        "- Hands on experience in developing Java applications using ORM frameworks\n"
        "- Build and maintain Engineering dashboards in Grafana\n"
        "- Experience with infrastructure as code (Terraform, Pulumi) and CI/CD (GitHub Actions)\n"
        "- Knowledge of Microsoft Dynamics GP (Great Plains) General Ledger\n"
    )
    assert [req.text for req in analysis.requirements] == [
        "Hands on experience in developing Java applications using ORM frameworks",
        "Build and maintain Engineering dashboards in Grafana",
        "Experience with infrastructure as code (Terraform, Pulumi) and CI/CD (GitHub Actions)",
        "Knowledge of Microsoft Dynamics GP (Great Plains) General Ledger",
    ]


def test_a_flattened_list_is_still_cut_between_its_items_but_not_after_a_verb():
    analysis = analyze_posting(
        "Requirements: 3+ years of experience with SQL Strong communication skills Ability to develop and "
        "maintain Engineering dashboards Experience with Terraform"
    )
    assert [req.text for req in analysis.requirements] == [
        "3+ years of experience with SQL",
        "Strong communication skills",
        "Ability to develop and maintain Engineering dashboards",
        "Experience with Terraform",
    ]


def test_hold_out_switches_off_only_the_entries_a_posting_motivated():
    travel = "Travel as required up to 25%"
    convey = "Requirements\n- Conveys team goals through clear written updates\n- Strong SQL skills\n"
    try:
        provenance.hold_out({"indeed_321_sr_full_stack_java_web_developer"})
        assert not provenance.on("verbs:convey")  # motivated by that posting alone
        assert provenance.on("eligibility:location")  # the issue asked for it too
        assert _kinds(analyze_posting(convey))["Conveys team goals through clear written updates"] == REQUIRED
        provenance.hold_out({"indeed_793_it_support_specialist_field_and_desktop"}, strict=True)
        assert not provenance.on("eligibility:travel")
        assert not is_eligibility(travel)
    finally:
        provenance.hold_out(set())
    assert provenance.on("verbs:convey") and is_eligibility(travel)
    assert _kinds(analyze_posting(convey))["Conveys team goals through clear written updates"] == RESPONSIBILITY
    for entry, sources in provenance.PROVENANCE.items():
        assert sources, f"{entry} has no provenance"


FRONTEND = """**Senior Frontend Engineer (React)**
Northwind Labs · Remote (US) · Full-time

**About Northwind**
Northwind Labs makes scheduling software for clinics. We're a team of 40 backed by great investors.

## What you'll work on
* Build the new patient booking flow (React, Next.js)
* Mentor two mid-level engineers and review their code

**Nice to haves**
* Experience with GraphQL (Apollo)
* Healthcare or HIPAA background

**Perks**
* Home office stipend
* Unlimited PTO

We do not accept unsolicited resumes from agencies.
"""

NURSE = """Registered Nurse - Med/Surg (Night Shift)
Saint Anne Regional Hospital

Position Summary:
The Registered Nurse provides direct patient care to adult medical-surgical patients. The RN coordinates care with \
physicians, pharmacists and case managers.

Essential Duties:
1. Administer medications and treatments as ordered (including IV therapy)
2. Other duties as assigned

Minimum Qualifications:
- Current RN license in the State of Ohio
- BSN preferred
- Must be able to work 12-hour night shifts, every third weekend and rotating holidays
- Must be able to lift and reposition patients up to 50 lbs with assistance

Saint Anne Regional Hospital offers a sign-on bonus of $10,000 for experienced nurses.
"""


def test_a_markdown_posting_reads_its_headings_and_perks():
    analysis = analyze_posting(FRONTEND)
    kinds = _kinds(analysis)
    assert kinds == {
        "Build the new patient booking flow (React, Next.js)": RESPONSIBILITY,
        "Mentor two mid-level engineers and review their code": RESPONSIBILITY,
        "Experience with GraphQL (Apollo)": PREFERRED,
        "Healthcare or HIPAA background": PREFERRED,
    }
    reasons = _reasons(analysis)
    assert reasons["Nice to haves"] == "heading"
    assert reasons["Home office stipend"] == "benefits"
    assert reasons["Northwind Labs makes scheduling software for clinics."] == "about the company"
    assert reasons["We do not accept unsolicited resumes from agencies."] == "how to apply"


def test_a_healthcare_posting_its_shifts_and_physical_demands():
    analysis = analyze_posting(NURSE)
    kinds = _kinds(analysis)
    assert kinds["The RN coordinates care with physicians, pharmacists and case managers."] == RESPONSIBILITY
    assert kinds["Current RN license in the State of Ohio"] == REQUIRED
    assert kinds["BSN preferred"] == PREFERRED
    assert [item.text for item in analysis.eligibility] == [
        "Must be able to work 12-hour night shifts, every third weekend and rotating holidays",
        "Must be able to lift and reposition patients up to 50 lbs with assistance",
    ]
    reasons = _reasons(analysis)
    assert reasons["Other duties as assigned"] == "catch-all duty"
    assert reasons["Saint Anne Regional Hospital offers a sign-on bonus of $10,000 for experienced nurses."] == (
        "benefits"
    )


def test_benefit_words_inside_a_requirement_and_a_plus_on_one_part_of_a_line():
    analysis = analyze_posting(
        "Requirements\n"
        "- Knowledge of HIPAA (Health Insurance Portability and Accountability Act) Regulations\n"
        "- Experience administering 401(k) and health insurance plans\n"
        "- Fluent in English (written and spoken) Spanish a plus\n"
        "- Excellent benefits and 401(k)\n"
    )
    assert _kinds(analysis) == {
        "Knowledge of HIPAA (Health Insurance Portability and Accountability Act) Regulations": REQUIRED,
        "Experience administering 401(k) and health insurance plans": REQUIRED,
        "Fluent in English (written and spoken) Spanish a plus": REQUIRED,
    }
    assert _reasons(analysis)["Excellent benefits and 401(k)"] == "benefits"


@pytest.mark.parametrize("shape", ["structured", "flat"])
def test_a_team_blurb_under_about_the_team_is_left_out(shape):
    text = (
        "Responsibilities include:\nDesigning and maintaining ELT pipelines. "
        "Partnering with analysts to model data.\n\n"
        "About the team\nThe Data Platform team owns ingestion for every product. The team is spread over three "
        "cities.\n"
    )
    analysis = analyze_posting(text if shape == "structured" else _flat(text))
    assert list(_kinds(analysis)) == [
        "Designing and maintaining ELT pipelines.",
        "Partnering with analysts to model data.",
    ]
    reasons = _reasons(analysis)
    assert reasons["About the team"] == "heading"
    assert reasons["The Data Platform team owns ingestion for every product."] == "description"


INFRA = """Staff Software Engineer, Backend Infrastructure

Helios is the leading cloud platform for federal agencies. Trusted by over 200 government customers, Helios \
helps agencies modernize faster. Join a mission-driven team that is transforming how government works!

About the Role
As a Staff Software Engineer on the Infrastructure team, you'll design and build the core services that power \
Helios. You will set technical direction for a team of eight engineers. This is a high-impact role with \
visibility across the company.

Requirements
- 10+ years of software engineering experience, including 3+ years at the staff level
- Expert knowledge of AWS (EC2, EKS, IAM, VPC) and infrastructure-as-code with Terraform
- Strong background in Go, Java or Rust
- Experience designing highly available distributed systems
- Excellent written communication
- All work must be conducted within the U.S.
- Some Federal contracts require U.S. citizenship
- Ability to obtain and maintain a Public Trust clearance

Why Helios?
- Competitive salary and equity
- Fully remote with quarterly team meetups
- 100% employer-paid medical

Helios is committed to building a diverse team. We encourage candidates from all backgrounds to apply, even \
if you don't meet every qualification.
"""


def test_the_staff_backend_posting_of_issue_12_lists_its_constraints_apart():
    """Marketing sentences, "All work must be conducted within the U.S." and the citizenship line
    were the uncovered "requirements" a new user saw; none of them is a requirement now."""
    analysis = analyze_posting(INFRA)
    texts = [req.text for req in analysis.requirements]
    assert texts == [
        "As a Staff Software Engineer on the Infrastructure team, you'll design and build the core services that "
        "power Helios.",
        "You will set technical direction for a team of eight engineers.",
        "10+ years of software engineering experience, including 3+ years at the staff level",
        "Expert knowledge of AWS (EC2, EKS, IAM, VPC) and infrastructure-as-code with Terraform",
        "Strong background in Go, Java or Rust",
        "Experience designing highly available distributed systems",
        "Excellent written communication",
    ]
    assert _kinds(analysis)[texts[0]] == RESPONSIBILITY
    eligibility = [item.text for item in analysis.eligibility]
    assert eligibility[:3] == [
        "All work must be conducted within the U.S.",
        "Some Federal contracts require U.S. citizenship",
        "Ability to obtain and maintain a Public Trust clearance",
    ]
    reasons = _reasons(analysis)
    assert reasons["Helios is the leading cloud platform for federal agencies."] == "description"
    assert reasons["Why Helios?"] == "heading"
    assert reasons["100% employer-paid medical"] == "benefits"


def test_a_flattened_posting_keeps_its_title_apart_and_its_numbered_list_cut():
    analysis = analyze_posting(_flat(NURSE))
    kinds = _kinds(analysis)
    assert kinds["The Registered Nurse provides direct patient care to adult medical-surgical patients."] == (
        RESPONSIBILITY
    )
    assert kinds["Administer medications and treatments as ordered (including IV therapy)"] == RESPONSIBILITY
    reasons = _reasons(analysis)
    assert reasons["Position Summary"] == "heading"
    assert reasons["Other duties as assigned"] == "catch-all duty"
    # the title's "(Night Shift)" does not take the summary sentence with it into eligibility
    assert not any("direct patient care" in item.text for item in analysis.eligibility)


def test_experience_with_an_eligibility_word_is_still_a_requirement():
    analysis = analyze_posting(
        "Requirements\n- Experience working with distributed teams across time zones\n"
        "- 3+ years of experience supporting on-call rotations for production systems\n"
        "- Knowledge of ITAR and export control regulations\n- Flexibility to work across time zones\n"
    )
    assert [req.text for req in analysis.requirements] == [
        "Experience working with distributed teams across time zones",
        "3+ years of experience supporting on-call rotations for production systems",
        "Knowledge of ITAR and export control regulations",
    ]
    assert [item.text for item in analysis.eligibility] == ["Flexibility to work across time zones"]


LOGISTICS = """Job Description

Logistics Analyst
Req ID: R-55120

Primary Responsibilities:
• Analyze carrier performance data and recommend routing changes
• Maintain the weekly freight cost dashboard in Power BI
• Work with warehouse leads to resolve shipment exceptions

Basic Qualifications:
• Bachelor's degree in Supply Chain, Business or related field
• 2 years of experience in logistics or transportation analytics
• Advanced Excel skills (pivot tables, VLOOKUP)

Preferred Qualifications:
• APICS CSCP certification
• Experience with SAP TM

Physical Requirements:
Sitting for extended periods; occasional walking in the warehouse.

Additional Information
Shift: Monday - Friday, 8:00 AM - 5:00 PM
#LI-Hybrid
Pay range: $60,000 - $72,000 annually. This position is eligible for an annual bonus.
"""


def test_a_workday_style_posting_with_its_physical_requirements_section():
    analysis = analyze_posting(LOGISTICS)
    kinds = _kinds(analysis)
    assert list(kinds.values()) == [RESPONSIBILITY] * 3 + [REQUIRED] * 3 + [PREFERRED] * 2
    assert [item.text for item in analysis.eligibility] == [
        "Sitting for extended periods; occasional walking in the warehouse."
    ]
    reasons = _reasons(analysis)
    assert reasons["$60,000 - $72,000 annually."] == "pay"
    assert reasons["This position is eligible for an annual bonus."] == "benefits"
    assert reasons["Shift: Monday - Friday, 8:00 AM - 5:00 PM"] == "job details"


def test_perks_listed_on_after_the_qualifications_with_no_heading():
    analysis = analyze_posting(
        "Qualifications\n- 3+ years of customer support experience\n- Experience with Zendesk or Intercom\n"
        "- Ability to work in a fast-paced, collaborative environment\n- Flexible schedule\n"
        "- Dog-friendly office in downtown Portland\n- Monthly wellness allowance\n- Generous parental leave\n"
        "- A supportive, collaborative culture where your voice matters\n"
        "- Opportunities for growth and career advancement\n"
        "Interested? Send your resume and a short note to careers@acme.example!\n"
    )
    assert [req.text for req in analysis.requirements] == [
        "3+ years of customer support experience",
        "Experience with Zendesk or Intercom",
        "Ability to work in a fast-paced, collaborative environment",
    ]
    reasons = _reasons(analysis)
    assert {reasons[text] for text in list(reasons)[1:-2]} == {"benefits"}
    assert reasons["Send your resume and a short note to careers@acme.example!"] == "how to apply"
