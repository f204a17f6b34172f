"""Writing quality is judged once: the share of a bullet's score that rewards good writing
agrees with the checks the tailoring page shows beside the bullet."""

from __future__ import annotations

import pytest

from resume_app.matching.ats import bullet_checks
from resume_app.matching.ranker import _quality

# What the ranker's writing share rewards, as the page's checks name it.
WRITING_CODES = {"weak-opener", "action-verb", "metric", "length"}


@pytest.mark.parametrize(
    "text",
    [
        "Optimize the nightly load from 6 to 2 hours for 40 teams",
        "Optimized the nightly load from 6 to 2 hours for 40 teams",
        "Reconcile 30 bank accounts every month for the controller",
        "Sold 40 enterprise licences in the first year of the product",
        "Make the month-end close 2 days shorter for the finance team",
        "Red team exercises run for 6 clients across three regions",
        "Responsible for 12 direct reports in the accounts payable team",
        "The team moved 40 services to Kubernetes in one quarter",
        "Led the migration",
        "Built " + "a very long sentence about the pipeline " * 6 + "in 3 weeks",
        "Wrote the onboarding guide used by every new hire",
    ],
)
def test_the_ranker_rewards_exactly_what_the_checks_accept(text):
    flagged = {check.code for check in bullet_checks("", text)} & WRITING_CODES
    expected = 0.4 * (not flagged & {"weak-opener", "action-verb"}) + 0.4 * ("metric" not in flagged)
    expected += 0.2 * ("length" not in flagged and len(text.split()) >= 5)
    assert _quality(text) == pytest.approx(expected), flagged
