"""Skill aliases: any spelling of a skill matches any other, in keywords and in BM25."""

from __future__ import annotations

import pytest

from resume_app.matching.aliases import ALIASES, alias_groups
from resume_app.matching.keywords import (
    _MAX_FORM,
    _alias_index,
    _unhyphenated,
    canonical_stems,
    keywords_in,
    mention_spans,
    posting_keywords,
    stems,
)


def _found(posting: str, bullet: str) -> list[str]:
    return [keyword.term.lower() for keyword in keywords_in(bullet, posting_keywords([posting]))]


@pytest.mark.parametrize(
    ("posting_term", "bullet_term"),
    [
        ("Kubernetes", "k8s"),
        ("PostgreSQL", "Postgres"),
        ("JavaScript", "JS"),
        ("TypeScript", "TS"),
        ("AWS", "Amazon Web Services"),
        ("GCP", "Google Cloud Platform"),
        ("CI/CD", "continuous integration and continuous delivery"),
        ("machine learning", "ML"),
        ("GAAP", "generally accepted accounting principles"),
        ("accounts payable", "AP"),
        ("CPA", "certified public accountant"),
        ("EHR", "electronic health records"),
        ("CPR", "cardiopulmonary resuscitation"),
        ("Microsoft Office", "MS Office"),
        ("CRM", "customer relationship management"),
        ("B2B", "business to business"),
    ],
)
def test_each_spelling_of_a_skill_matches_the_other_both_ways(posting_term, bullet_term):
    posting = f"Required: hands-on experience with {posting_term} in production."
    bullet = f"Delivered a project built on {bullet_term} for 12 clients"
    assert posting_term.lower() in _found(posting, bullet)
    reverse = f"Required: hands-on experience with {bullet_term} in production."
    assert bullet_term.lower() in _found(reverse, f"Delivered a project built on {posting_term} for 12 clients")


def test_an_alias_is_highlighted_where_the_bullet_says_it():
    text = "Ran k8s clusters backed by Postgres"
    keywords = posting_keywords(["Kubernetes and PostgreSQL administration"])
    assert [text[start:end] for start, end in mention_spans(text, keywords)] == ["k8s", "Postgres"]


def test_the_missing_keywords_count_an_alias_as_present():
    keywords = posting_keywords(["Kubernetes, Terraform and PostgreSQL experience"])
    found = {keyword.term for keyword in keywords_in("Moved 25 services to k8s on Postgres", keywords)}
    assert {"Kubernetes", "PostgreSQL"} <= found
    assert "Terraform" not in found


def test_bm25_terms_read_every_spelling_as_one_word():
    assert canonical_stems("k8s") == canonical_stems("Kubernetes")
    assert canonical_stems("Amazon Web Services") == canonical_stems("AWS")
    assert canonical_stems("Closed AP and AR") == canonical_stems("Closed accounts payable and accounts receivable")
    assert canonical_stems("Java") != canonical_stems("JavaScript")


def test_the_list_covers_tech_and_other_fields_without_clashes():
    assert {"software", "cloud and infrastructure", "accounting and finance", "office and administration"} <= set(
        ALIASES
    )
    assert {"healthcare", "sales and marketing"} <= set(ALIASES)
    seen: dict[tuple[str, ...], int] = {}
    for number, group in enumerate(alias_groups()):
        assert len(group) >= 2, group
        for spelling in group:
            form = tuple(stems(_unhyphenated(spelling)))
            assert 1 <= len(form) <= _MAX_FORM, spelling
            assert seen.setdefault(form, number) == number, f"{spelling!r} is in two groups"


@pytest.mark.parametrize("word", ["Go", "Node", "IT", "OR", "PM", "Word", "Excel", "Outlook"])
def test_plain_english_words_are_no_alias(word):
    assert tuple(stems(word)) not in _alias_index()


def test_a_phrase_inside_a_longer_skill_name_is_no_keyword_of_its_own():
    inside = [keyword.term for keyword in posting_keywords(["Amazon Web Services experience required"])]
    assert "Amazon Web Services" in inside and "web services" not in inside
    alone = [keyword.term for keyword in posting_keywords(["Design RESTful web services"])]
    assert "web services" in alone
    found = [keyword.term for keyword in keywords_in("Ran 40 services on AWS", posting_keywords(inside))]
    assert found == ["Amazon Web Services"]
