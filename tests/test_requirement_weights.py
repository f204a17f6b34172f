"""A requirement's kind weighs the same wherever it is read: the posting analysis gives
each requirement its weight, and the ranker counts it with that weight."""

from __future__ import annotations

import pytest

from resume_app.matching.ranker import prepare
from resume_app.matching.requirements import RESPONSIBILITY
from tests.corpus import CORPUS


@pytest.mark.parametrize("name", ["indeed_414_data_engineer", "indeed_974_senior_accountant"])
def test_each_requirement_counts_with_the_weight_its_analysis_gives_it(name):
    prepared = prepare((CORPUS / "jobs" / f"{name}.txt").read_text(encoding="utf-8"))
    assert RESPONSIBILITY in {item.kind for item in prepared.analysis.requirements}
    assert [float(weight) for weight in prepared.weights] == pytest.approx(
        [item.weight for item in prepared.analysis.requirements]
    )
