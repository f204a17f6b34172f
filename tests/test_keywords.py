"""Posting keywords: multi-word terms, acronyms with their expansions, stems."""

from __future__ import annotations

from resume_app.matching.keywords import keywords_in, posting_keywords


def _terms(texts: list[str]) -> list[str]:
    return [keyword.term for keyword in posting_keywords(texts)]


def test_multi_word_terms_tools_and_acronyms_are_found():
    terms = _terms(
        [
            "Experience with machine learning and accounts payable.",
            "Hands-on Kubernetes, Terraform and C# in an SRE team.",
        ]
    )
    for term in ("machine learning", "accounts payable", "Kubernetes", "Terraform", "C#", "SRE"):
        assert term in terms


def test_an_acronym_matches_its_expansion_and_back():
    keywords = posting_keywords(["Our SRE practice and continuous integration"])
    assert [k.term for k in keywords_in("Built the site reliability engineering on-call", keywords)] == ["SRE"]
    assert "continuous integration" in [k.term for k in keywords_in("Set up CI for 40 services", keywords)]


def test_stems_match_other_forms_of_a_word():
    keywords = posting_keywords(["Strong project management and financial reporting"])
    found = [k.term for k in keywords_in("Managed projects and reported financials monthly", keywords)]
    assert "project management" not in found  # word order matters for a phrase...
    found = [k.term for k in keywords_in("Led project managing for the financial report", keywords)]
    assert "project management" in found and "financial reporting" in found  # ...word forms don't


def test_the_company_name_is_not_a_keyword():
    keywords = posting_keywords(["Join Globex to build Kubernetes platforms at Globex"], exclude=("Globex",))
    assert "Globex" not in [keyword.term for keyword in keywords]


def test_a_hyphen_between_words_reads_as_a_space_both_ways():
    from resume_app.matching.keywords import mention_spans

    spaced = posting_keywords(["Own the month end close", "month end close within 5 days"])
    text = "Ran the month-end close for 14 entities"
    assert "month end close" in [keyword.term for keyword in keywords_in(text, spaced)]
    start, end = mention_spans(text, spaced)[0]
    assert text[start:end] == "month-end close"
    hyphenated = posting_keywords(["Experience with T-SQL"])
    assert [keyword.term for keyword in keywords_in("Wrote T SQL procedures", hyphenated)] == ["T-SQL"]


def test_bm25_rewards_the_posting_s_rare_term_over_its_common_words():
    from resume_app.matching.lexical import bm25, query_terms

    bullets = [
        "Managed Terraform modules for the platform team",
        "Managed team meetings, team reports and team hiring for the team",
        "Managed team budgets",
        "Managed team schedules",
    ]
    scores = bm25(bullets, query_terms([("Experience with Terraform and managing a team", 1.0)]))
    assert scores[0] > scores[1] > 0
    assert bm25(["Baked bread for 200 guests"], query_terms([("Terraform", 1.0)]))[0] == 0


def test_bm25_reads_an_alias_as_the_skill_and_weighs_preferred_terms_less():
    from resume_app.matching.lexical import bm25, query_terms

    required = query_terms([("Kubernetes administration", 1.0)])
    spelled, aliased, other = bm25(["Ran Kubernetes clusters", "Ran k8s clusters", "Ran Hadoop clusters"], required)
    assert spelled == aliased > other == 0
    query = query_terms([("Terraform is required", 1.0), ("Ansible is a plus", 0.5)])
    terraform, ansible = bm25(["Wrote Terraform modules", "Wrote Ansible modules"], query)
    assert terraform > ansible > 0
