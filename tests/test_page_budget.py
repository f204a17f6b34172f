"""Fitting a tailored resume to a page budget (tailoring.budget): measured with the real
PDF export, the lowest-ranked bullets left out first, each job keeping its best bullet,
and a note of everything left out; the DOCX opened in LibreOffice fits the same pages."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zlib
from functools import cache

import pytest

from resume_app.core import json_resume
from resume_app.core.model import Bullet, Contact, Entry, Resume, Section
from resume_app.export.docx import resume_to_docx
from resume_app.export.pdf import page_count, resume_to_pdf
from resume_app.tailoring.budget import entry_name, fit_to_pages, removal_order, without
from tests.corpus import CORPUS, TRUTH_FILES


def scores_of(resume: Resume) -> dict[str, float]:
    """A fixed, uneven score per bullet (the ranking's stand-in: no model needed)."""
    return {bullet.id: float(zlib.crc32(bullet.text.encode()) % 100) for bullet in resume.bullets()}


@cache
def corpus_resume(stem: str) -> Resume:
    return json_resume.loads((CORPUS / "truth" / f"{stem}.json").read_text(encoding="utf-8"))


@cache
def full_pages(stem: str) -> int:
    return page_count(resume_to_pdf(corpus_resume(stem)))


@cache
def fitted(stem: str, pages: int):
    return fit_to_pages(corpus_resume(stem), scores_of(corpus_resume(stem)), pages)


WITH_BULLETS = [path.stem for path in TRUTH_FILES if corpus_resume(path.stem).bullets()]
# Decided when the tests are collected, so that each test runs on the files it is about.
OVER_ONE_PAGE = [stem for stem in WITH_BULLETS if full_pages(stem) > 1]
WITHIN_TWO_PAGES = [stem for stem in WITH_BULLETS if full_pages(stem) <= 2]


def shown_bullets(resume: Resume) -> set[str]:
    return {
        bullet.id
        for section in resume.sections
        if not section.hidden
        for entry in section.entries
        if not entry.hidden
        for bullet in entry.bullets
        if not bullet.hidden and bullet.text.strip()
    }


def test_the_corpus_has_long_resumes_to_fit():
    assert len(OVER_ONE_PAGE) >= 10
    assert max(full_pages(stem) for stem in OVER_ONE_PAGE) >= 3


@pytest.mark.parametrize("stem", OVER_ONE_PAGE)
def test_fitting_to_one_page_leaves_one_page_and_keeps_each_jobs_best_bullet(stem):
    original = corpus_resume(stem)
    result = fitted(stem, 1)
    scores = scores_of(original)
    # Measured again, from the fitted resume itself.
    assert page_count(resume_to_pdf(result.resume)) == result.pages <= 1 and result.fits
    # Bisection: a handful of renders, not one per bullet.
    assert result.renders <= len(removal_order(original, scores)).bit_length() + 2
    # No more was left out than needed: putting back the last thing left out overflows.
    assert result.dropped
    assert page_count(resume_to_pdf(without(original, result.dropped[:-1]))) > 1
    # Contact, job titles and education entries all stay.
    kept = result.resume
    assert kept.contact == original.contact
    for kind in ("work", "education"):
        section = kept.section(kind)
        if section:
            assert not any(entry.hidden for entry in section.entries)
    # Each job keeps its best bullet, unless the notes say every bullet of it went.
    shown = shown_bullets(kept)
    text = " ".join(result.notes)
    for section in original.sections:
        if section.kind != "work":
            continue
        for entry in section.entries:
            bullets = [b for b in entry.bullets if not b.hidden and b.text.strip()]
            if not bullets:
                continue
            best = max(bullets, key=lambda b: scores[b.id])
            if best.id not in shown:
                assert f'every bullet of "{entry_name(entry)}"' in text
            # A bullet below the best went first: a job never keeps a weaker one without its best.
            assert best.id in shown or not (shown & {b.id for b in bullets})
    # Each entry something was left out of is named in the notes.
    for section in original.sections:
        for entry in section.entries:
            lost = {b.id for b in entry.bullets if not b.hidden and b.text.strip()} - shown
            hidden = next(e for e in kept.entries() if e.id == entry.id).hidden and not entry.hidden
            if (lost or hidden) and entry_name(entry):
                assert f'"{entry_name(entry)}"' in text, (entry_name(entry), result.notes)


@pytest.mark.parametrize("stem", WITHIN_TWO_PAGES)
def test_a_resume_within_the_budget_is_left_as_it_is(stem):
    original = corpus_resume(stem)
    result = fitted(stem, 2)
    assert result.fits and result.renders == 1
    assert result.notes == [] and result.dropped == []
    assert json_resume.dumps(result.resume) == json_resume.dumps(original)


def test_the_lowest_ranked_bullets_go_first():
    entries = [
        Entry(
            title=f"Job {job}",
            organization="Acme",
            bullets=[
                Bullet(f"Job {job} did thing {n} " + "with care and at length " * 6, id=f"{job}{n}") for n in range(8)
            ],
        )
        for job in range(4)
    ]
    resume = Resume(contact=Contact(name="Pat Doe"), sections=[Section("work", entries=entries)])
    scores = {f"{job}{n}": 10.0 * n + job for job in range(4) for n in range(8)}
    assert page_count(resume_to_pdf(resume)) == 2
    result = fit_to_pages(resume, scores, 1)
    assert result.pages == 1
    kept = shown_bullets(result.resume)
    left = set(scores) - kept
    # Everything left out scores below everything kept, jobs' best bullets aside.
    assert max(scores[b] for b in left) <= min(scores[b] for b in kept if not b.endswith("7"))
    assert {f"{job}7" for job in range(4)} <= kept


def test_the_docx_opened_in_libreoffice_is_no_longer_than_the_pdf(tmp_path):
    """Every corpus resume with bullets, fitted to one page and as it is: LibreOffice's pages
    of the DOCX are no more than the PDF's (one soffice run converts them all)."""
    assert shutil.which("soffice"), "LibreOffice is missing: scripts/test.sh installs libreoffice-writer-nogui"
    budgets = {f"{stem}.fitted": (fitted(stem, 1).resume, 1) for stem in OVER_ONE_PAGE}
    budgets |= {stem: (corpus_resume(stem), full_pages(stem)) for stem in WITH_BULLETS}
    for name, (resume, _) in budgets.items():
        (tmp_path / f"{name}.docx").write_bytes(resume_to_docx(resume))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *(str(tmp_path / f"{name}.docx") for name in budgets),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    longer = {
        name: (pages, limit)
        for name, (_, limit) in budgets.items()
        if (pages := page_count((tmp_path / "pdf" / f"{name}.pdf").read_bytes())) > limit
    }
    assert not longer, longer


def test_the_cli_tailors_to_one_page(tmp_path):
    resume = CORPUS / "truth" / "awesomecv_resume.json"
    assert full_pages(resume.stem) > 2
    posting = next(iter(sorted((CORPUS / "jobs").glob("*devops*.txt"))))
    output = tmp_path / "out.pdf"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "resume_app.cli",
            "tailor",
            str(resume),
            str(posting),
            "-o",
            str(output),
            "--pages",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert page_count(output.read_bytes()) == 1
    assert "Left out" in run.stderr


def test_the_cli_refuses_a_budget_below_one_page(tmp_path):
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "resume_app.cli",
            "tailor",
            str(CORPUS / "truth" / "awesomecv_resume.json"),
            str(sorted((CORPUS / "jobs").glob("*.txt"))[0]),
            "-o",
            str(tmp_path / "out.pdf"),
            "--pages",
            "0",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 2
    assert "--pages takes a number of pages from 1 up." in run.stderr
    assert not (tmp_path / "out.pdf").exists()
