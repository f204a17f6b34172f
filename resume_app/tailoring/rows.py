"""What the tailoring page shows, as plain rows of strings and numbers: each job's bullets
in the version's order with their scores and keyword highlights, the match panel, the
checks, and the version beside its master. Built from core objects and a Ranking; the
page state only stores them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from resume_app.core.model import Resume, apply_version
from resume_app.export.layout import entry_dates
from resume_app.matching.ats import Check, bullet_checks, resume_checks
from resume_app.matching.match_score import STATUS_LABELS, MatchScore, Status
from resume_app.matching.ranker import Ranking
from resume_app.matching.requirements import PostingAnalysis, RequirementKind
from resume_app.tailoring import versions

# What the page calls each kind of requirement, in the order the coverage chart shows them.
KIND_LABELS = {
    RequirementKind.REQUIRED: "Required",
    RequirementKind.RESPONSIBILITY: "Responsibility",
    RequirementKind.PREFERRED: "Nice to have",
}


@dataclass
class Segment:
    text: str = ""
    keyword: bool = False


@dataclass
class TailorBullet:
    id: str = ""
    text: str = ""
    chosen: bool = False
    # 1-based place among the entry's chosen bullets; 0 when left out.
    place: int = 0
    score: float = 0.0
    score_text: str = ""
    requirement: str = ""
    matched: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class TailorJob:
    id: str = ""
    heading: str = ""
    dates: str = ""
    chosen_count: int = 0
    bullet_rows: list[TailorBullet] = field(default_factory=list)


@dataclass
class RequirementRow:
    text: str = ""
    kind: str = ""
    # "Met", "Partial" or "Missing" (match_score.STATUS_LABELS); covered means Met.
    status: str = ""
    covered: bool = False
    # The short text of the best chosen bullet: what meets it, or comes closest to ("" when Missing).
    evidence: str = ""


@dataclass
class BreakdownRow:
    """One line of the score's breakdown under the gauge: "Required", "5 of 9 met, 2 partial"."""

    label: str = ""
    value: str = ""


@dataclass
class LeftOutRow:
    text: str = ""
    reason: str = ""


@dataclass
class PostingParts:
    """What the posting asks beyond its requirements: conditions of employment (listed, never
    scored) and the text the analysis left out, each with why."""

    eligibility: list[str] = field(default_factory=list)
    left_out: list[LeftOutRow] = field(default_factory=list)


@dataclass
class CheckRow:
    message: str = ""
    fix: str = ""
    severity: str = ""
    where: str = ""


@dataclass
class VersionRow:
    id: str = ""
    name: str = ""
    current: bool = False


@dataclass
class CompareLine:
    text: str = ""
    note: str = ""


@dataclass
class CompareJob:
    heading: str = ""
    master_lines: list[CompareLine] = field(default_factory=list)
    version_lines: list[CompareLine] = field(default_factory=list)


@dataclass(frozen=True)
class BulletScore:
    """One bullet's result in the latest ranking, kept between re-draws of the rows."""

    score: float
    requirement: str
    keywords: tuple[str, ...]
    # Where its text mentions the posting's keywords: (start, end) character offsets.
    spans: tuple[tuple[int, int], ...] = ()


@dataclass
class MatchPanel:
    """The match panel's rows for one ranking of a version."""

    match_score: int = 0
    requirement_rows: list[RequirementRow] = field(default_factory=list)
    breakdown: list[BreakdownRow] = field(default_factory=list)
    matched_keywords: list[str] = field(default_factory=list)
    missing_here: list[str] = field(default_factory=list)
    missing_everywhere: list[str] = field(default_factory=list)
    checks: list[CheckRow] = field(default_factory=list)


def short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def heading(title: str, organization: str) -> str:
    return " at ".join(part for part in (title, organization) if part) or "Untitled entry"


def keyword_segments(text: str, spans) -> list[Segment]:
    """The bullet's text cut into pieces, the posting's keywords it mentions marked."""
    segments, position = [], 0
    for start, end in spans:
        if start > position:
            segments.append(Segment(text[position:start], False))
        segments.append(Segment(text[start:end], True))
        position = end
    if position < len(text) or not segments:
        segments.append(Segment(text[position:], False))
    return segments


@lru_cache(maxsize=4096)
def _problems(text: str) -> tuple[str, ...]:
    """The writing checks' messages for a bullet text (cached: every change redraws every row)."""
    return tuple(check.message for check in bullet_checks("", text))


def bullet_scores(ranking: Ranking, spans: dict[str, list[tuple[int, int]]]) -> dict[str, BulletScore]:
    return {
        bullet.id: BulletScore(bullet.score, bullet.requirement, bullet.keywords, tuple(spans.get(bullet.id, ())))
        for bullet in ranking.bullets
    }


def job_rows(master: Resume, bullet_ids: list[str], scores: dict[str, BulletScore]) -> list[TailorJob]:
    """Each job's chosen bullets in the version's order, then the left-out ones best first."""
    jobs = []
    for choice in versions.entry_choices(master, bullet_ids):
        left_out = sorted(choice.left_out, key=lambda b: -scores[b.id].score if b.id in scores else 0.0)
        rows = []
        for place, bullet in enumerate(choice.chosen + left_out, start=1):
            info = scores.get(bullet.id)
            chosen = place <= len(choice.chosen)
            rows.append(
                TailorBullet(
                    id=bullet.id,
                    text=bullet.text,
                    chosen=chosen,
                    place=place if chosen else 0,
                    score=info.score if info else 0.0,
                    score_text=f"{info.score:.0f}" if info else "",
                    requirement=short(info.requirement, 110) if info else "",
                    matched=list(info.keywords) if info else [],
                    segments=keyword_segments(bullet.text, info.spans if info else ()),
                    problems=list(_problems(bullet.text)),
                )
            )
        entry = choice.entry
        jobs.append(
            TailorJob(entry.id, heading(entry.title, entry.organization), entry_dates(entry), len(choice.chosen), rows)
        )
    return jobs


def _place_note(place: int, other: int | None, absent: str, where: str) -> str:
    """How a bullet's place compares with the other side: "" when the same."""
    if other is None:
        return absent
    return "" if other == place else f"#{other} {where}"


def compare(master: Resume, bullet_ids: list[str]) -> list[CompareJob]:
    """Each job's bullets in the master and in the version, side by side, with what moved."""
    jobs = []
    for choice in versions.entry_choices(master, bullet_ids):
        master_shown = [bullet for bullet in choice.entry.bullets if not bullet.hidden]
        here = {bullet.id: place for place, bullet in enumerate(choice.chosen, start=1)}
        there = {bullet.id: place for place, bullet in enumerate(master_shown, start=1)}
        master_lines = [
            CompareLine(bullet.text, _place_note(place, here.get(bullet.id), "left out here", "here"))
            for place, bullet in enumerate(master_shown, start=1)
        ]
        version_lines = [
            CompareLine(bullet.text, _place_note(place, there.get(bullet.id), "hidden in the master", "in the master"))
            for place, bullet in enumerate(choice.chosen, start=1)
        ]
        jobs.append(CompareJob(heading(choice.entry.title, choice.entry.organization), master_lines, version_lines))
    return jobs


def check_rows(checks: list[Check], texts: dict[str, str]) -> list[CheckRow]:
    """The whole resume's checks, then each bullet check once with how many bullets it
    concerns (every bullet also shows its own problems beside its text)."""
    rows = [CheckRow(check.message, check.fix, check.severity, "") for check in checks if not check.bullet_id]
    by_code: dict[str, list[Check]] = {}
    for check in checks:
        if check.bullet_id:
            by_code.setdefault(check.code, []).append(check)
    for group in by_code.values():
        first = group[0]
        if len(group) == 1:
            rows.append(CheckRow(first.message, first.fix, first.severity, short(texts.get(first.bullet_id, ""), 60)))
        else:
            same = all(check.message == first.message for check in group)
            message = first.message if same else "See the bullets marked in amber."
            rows.append(CheckRow(message, first.fix, first.severity, f"{len(group)} chosen bullets"))
    return rows


def _counted(met: int, partial: int, total: int) -> str:
    return f"{met} of {total} met" + (f", {partial} partial" if partial else "")


def breakdown_rows(score: MatchScore) -> list[BreakdownRow]:
    """What the score is made of, kind by kind, in words (kinds the posting lacks are left out)."""
    rows = [
        BreakdownRow(KIND_LABELS[coverage.kind], _counted(coverage.met, coverage.partial, coverage.total))
        for coverage in (score.required, score.responsibilities, score.preferred)
        if coverage.total
    ]
    if score.keywords_total:
        rows.append(BreakdownRow("Keywords", f"{score.keywords_matched} of {score.keywords_total} found"))
    if score.requirements:
        rows.append(BreakdownRow("Reads like this job", f"{round(100 * score.fit)}%"))
    return rows


def match_panel(master: Resume, bullet_ids: list[str], ranking: Ranking) -> MatchPanel:
    """The score and its breakdown, each requirement Met / Partial / Missing with its best
    bullet, coverage by kind, the keywords found and missing, and the checks of the version
    as it would be exported."""
    texts = {bullet.id: bullet.text for bullet in master.bullets()}
    return MatchPanel(
        match_score=ranking.match_score,
        requirement_rows=[
            RequirementRow(
                item.text,
                KIND_LABELS.get(item.kind, item.kind),
                STATUS_LABELS.get(item.status, item.status),
                item.status == Status.MET,
                short(texts.get(item.evidence, "") or item.evidence_line) if item.status != Status.MISSING else "",
            )
            for item in ranking.requirements
        ],
        breakdown=breakdown_rows(ranking.score),
        matched_keywords=list(ranking.keywords.matched),
        missing_here=list(ranking.keywords.missing_but_in_master),
        missing_everywhere=list(ranking.keywords.missing_in_resume),
        checks=check_rows(resume_checks(apply_version(master, bullet_ids)), texts),
    )


def coverage_chart(requirement_rows: list[RequirementRow]) -> list[dict[str, str | int]]:
    """Per kind of requirement (in KIND_LABELS order): how many there are, and the share met."""
    chart: list[dict[str, str | int]] = []
    for label in KIND_LABELS.values():
        of_kind = [row for row in requirement_rows if row.kind == label]
        if of_kind:
            covered = sum(1 for row in of_kind if row.covered)
            chart.append({"kind": label, "covered": round(100 * covered / len(of_kind)), "count": len(of_kind)})
    return chart


def coverage_text(chart: list[dict[str, str | int]]) -> str:
    """The coverage chart in one sentence: "Requirements covered: Required 50% of 2; ..."."""
    if not chart:
        return "No requirements read from the posting."
    return "Requirements covered: " + "; ".join(f"{bar['kind']} {bar['covered']}% of {bar['count']}" for bar in chart)


def gauge(match_score: int) -> list[dict[str, str | int]]:
    """The match gauge's one bar: red under 40, amber under 70, green from 70."""
    color = "#e5484d" if match_score < 40 else "#f5a623" if match_score < 70 else "#30a46c"
    return [{"name": "Match", "value": match_score, "fill": color}]


def posting_parts(analysis: PostingAnalysis | None) -> PostingParts:
    if analysis is None:
        return PostingParts()
    return PostingParts(
        eligibility=[item.text for item in analysis.eligibility],
        left_out=[LeftOutRow(short(item.text, 160), item.reason) for item in analysis.left_out],
    )
