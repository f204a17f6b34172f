"""Fit a tailored resume to a page budget, measured with the real export layout.

The page count comes from rendering the PDF (export.pdf, the layout the DOCX shares), not
from an estimate. What is left out, in order, until the resume fits:

1. bullets, lowest ranking value first, each entry keeping its best bullet;
2. whole entries of the optional sections (projects, volunteer, awards, certificates,
   publications, interests, references...), last one first;
3. the remaining bullet of each degree;
4. job by job, oldest first: the paragraph under its title, then its best bullet.

The contact block, the summary, the skills and every job title and education entry stay.
Leaving out more does not make a resume longer, so the fewest removals that fit are found
by bisection over that order: about log2(candidates) + 1 renders, not one per bullet. The
count returned is always one that was rendered and measured to fit.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

from resume_app.core.model import Entry, Resume
from resume_app.core.sections import heading
from resume_app.export.layout import ExportOptions
from resume_app.export.pdf import page_count, resume_to_pdf

# Sections whose entries are never left out (their bullets may be).
KEPT_SECTIONS = frozenset({"work", "education"})


@dataclass(frozen=True)
class Removal:
    """One thing the fitting may leave out: a bullet of an entry, a whole entry, or the
    paragraph under an entry's title (its summary)."""

    entry_id: str
    bullet_id: str = ""
    part: str = "bullet"  # "bullet", "entry" or "summary"


@dataclass
class FitResult:
    resume: Resume
    pages: int  # the fitted resume's page count, as rendered
    fits: bool
    notes: list[str] = field(default_factory=list)  # what was left out, one sentence each
    dropped: list[Removal] = field(default_factory=list)  # in the order they were left out
    renders: int = 0
    pdf: bytes = b""

    @property
    def bullet_ids(self) -> list[str]:
        """The shown bullets' ids, in order (a tailored version's choice)."""
        return [
            bullet.id
            for section in self.resume.sections
            if not section.hidden
            for entry in section.entries
            if not entry.hidden
            for bullet in entry.bullets
            if not bullet.hidden
        ]


def entry_name(entry: Entry) -> str:
    title, organization = entry.title.strip(), entry.organization.strip()
    if title and organization:
        return f"{title} at {organization}"
    return title or organization


def _shown(resume: Resume):
    """(section, entry, shown bullets) for everything the export would show."""
    for section in resume.sections:
        if section.hidden:
            continue
        for entry in section.entries:
            if not entry.hidden:
                yield section, entry, [b for b in entry.bullets if not b.hidden and b.text.strip()]


def removal_order(resume: Resume, scores: dict[str, float]) -> list[Removal]:
    """Everything the fitting may leave out, first to go first."""

    def value(bullet_id: str) -> float:
        return scores.get(bullet_id, 0.0)

    shown = list(_shown(resume))
    best = {entry.id: max(bullets, key=lambda b: value(b.id)).id for _, entry, bullets in shown if bullets}
    # 1. Bullets below each entry's best, lowest value first; among equals the later one.
    spare = [
        (value(bullet.id), -index, Removal(entry.id, bullet.id))
        for _, entry, bullets in shown
        for index, bullet in enumerate(bullets)
        if bullet.id != best[entry.id]
    ]
    order = [removal for *_, removal in sorted(spare, key=lambda item: item[:2])]
    # 2. Entries of optional sections, the last one in the resume first.
    order += [
        Removal(entry.id, part="entry") for section, entry, _ in reversed(shown) if section.kind not in KEPT_SECTIONS
    ]
    # 3. The best bullets of degrees (and of any other kept entry but jobs), the last first.
    order += [
        Removal(entry.id, best[entry.id])
        for section, entry, _ in reversed(shown)
        if section.kind in KEPT_SECTIONS and section.kind != "work" and entry.id in best
    ]
    # 4. Jobs, oldest (the last listed) first: the paragraph under the title, then the best bullet.
    for section, entry, _ in reversed(shown):
        if section.kind != "work":
            continue
        if entry.summary.strip():
            order.append(Removal(entry.id, part="summary"))
        if entry.id in best:
            order.append(Removal(entry.id, best[entry.id]))
    return order


def without(resume: Resume, removals: list[Removal]) -> Resume:
    """A copy of the resume with the removals applied."""
    result = copy.deepcopy(resume)
    bullets = {removal.bullet_id for removal in removals if removal.part == "bullet"}
    entries = {removal.entry_id for removal in removals if removal.part == "entry"}
    summaries = {removal.entry_id for removal in removals if removal.part == "summary"}
    for section in result.sections:
        for entry in section.entries:
            if entry.id in entries:
                entry.hidden = True
            if entry.id in summaries:
                entry.summary = ""
            for bullet in entry.bullets:
                if bullet.id in bullets:
                    bullet.hidden = True
    # A section whose every entry was left out loses its heading too (layout skips it).
    return result


def _notes(resume: Resume, removals: list[Removal]) -> list[str]:
    """Short sentences naming what was left out, in resume order."""
    entries = {entry.id: (section.kind, entry) for section in resume.sections for entry in section.entries}
    bullets_by_entry: dict[str, int] = {}
    whole, summaries = set(), set()
    for removal in removals:
        if removal.part == "bullet":
            bullets_by_entry[removal.entry_id] = bullets_by_entry.get(removal.entry_id, 0) + 1
        elif removal.part == "entry":
            whole.add(removal.entry_id)
        else:
            summaries.add(removal.entry_id)
    notes = []
    for entry_id, (kind, entry) in entries.items():
        name = entry_name(entry)
        if entry_id in whole:
            notes.append(
                f'Left out "{name}" from {heading(kind)}.' if name else f"Left out an entry of {heading(kind)}."
            )
            continue
        count = bullets_by_entry.get(entry_id, 0)
        label = f'"{name}"' if name else f"an entry of {heading(kind)}"
        if count:
            shown = sum(1 for b in entry.bullets if not b.hidden and b.text.strip())
            if count >= shown:
                notes.append(f"Left out every bullet of {label}.")
            else:
                notes.append(f"Left out {count} bullet{'s' if count > 1 else ''} of {label}.")
        if entry_id in summaries:
            notes.append(f"Left out the description under {label}.")
    return notes


def fit_to_pages(
    resume: Resume,
    scores: dict[str, float],
    pages: int,
    options: ExportOptions | None = None,
    render: Callable[[Resume, ExportOptions], bytes] | None = None,
) -> FitResult:
    """The resume within `pages` pages of the PDF export, keeping the most ranking value the
    greedy order allows; `scores` maps bullet ids to their ranking score (missing: 0)."""
    if pages < 1:
        raise ValueError("A page budget is at least one page.")
    options = options or ExportOptions()
    draw = render or resume_to_pdf
    renders = 0
    measured: dict[int, tuple[int, bytes]] = {}
    order = removal_order(resume, scores)

    def measure(count: int) -> int:
        nonlocal renders
        if count not in measured:
            renders += 1
            data = draw(without(resume, order[:count]), options)
            measured[count] = (page_count(data), data)
        return measured[count][0]

    if measure(0) <= pages:
        count = 0
    else:
        low, high = 0, len(order)  # low: known too long; high: the first count that may fit
        while high - low > 1:
            middle = (low + high) // 2
            if measure(middle) <= pages:
                high = middle
            else:
                low = middle
        count = high
        measure(count)
    fitted = without(resume, order[:count])
    page_total, data = measured[count]
    notes = _notes(resume, order[:count])
    if page_total > pages:
        notes.append(f"Still {page_total} pages: the titles, education and skills alone need more than {pages}.")
    return FitResult(fitted, page_total, page_total <= pages, notes, order[:count], renders, data)
