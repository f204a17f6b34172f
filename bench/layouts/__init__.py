"""A layout generator with exact ground truth (issue 10, point 3).

Every corpus truth file and a few synthetic resumes are rendered through many layout
families (HTML/CSS printed by Chromium, Word files made with python-docx and the same
printed to PDF by LibreOffice, LaTeX CV classes from TeX Live, RenderCV themes). Next to
each document `<stem>.pdf|.docx` the generator writes `<stem>.json`: the JSON Resume truth
of exactly what that document shows.

    from bench.layouts import FAMILIES, generate
    docs = generate(["html_sidebar_left"])     # list[GeneratedDoc(family, path, truth)]

Rendering is cached: a document is rebuilt only when its truth or the generator's code
changed (a hash kept in `<out>/<family>/.manifest.json`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.layouts import html_chromium, latex_classes, rendercv_themes, word_docx, word_pdf
from bench.layouts.base import Family, GeneratedDoc, Resume
from bench.layouts.sources import load_sources

__all__ = ["DEFAULT_OUT", "FAMILIES", "FamilyResult", "GeneratedDoc", "generate", "generate_family"]

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = Path(os.environ.get("LAYOUTS_OUT", REPO / ".cache" / "layouts"))

FAMILIES: dict[str, Family] = {
    family.name: family
    for family in (
        *html_chromium.FAMILIES,
        *word_docx.FAMILIES,
        *word_pdf.FAMILIES,
        *latex_classes.FAMILIES,
        *rendercv_themes.FAMILIES,
    )
}


def _code_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        if path.name == "check.py":
            continue
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def truth_json(truth: Resume) -> str:
    return json.dumps(truth, ensure_ascii=False, indent=2) + "\n"


class FamilyResult:
    """What one family's generation did: documents, how many were rendered, or why none."""

    def __init__(self, family: str) -> None:
        self.family = family
        self.docs: list[GeneratedDoc] = []
        self.rendered = 0
        self.skipped_reason: str | None = None
        self.dropped: list[str] = []  # stems the family could not render (one reason each)


def generate_family(
    family: Family, sources: dict[str, Resume], out: Path, code_hash: str | None = None
) -> FamilyResult:
    result = FamilyResult(family.name)
    folder = out / family.name
    manifest_path = folder / ".manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    code = code_hash or _code_hash()
    todo: list[tuple[Resume, Path]] = []
    planned: list[tuple[str, Resume, Path, str]] = []
    for stem, resume in sources.items():
        truth = family.project(resume)
        path = folder / f"{stem}.{family.ext}"
        key = hashlib.sha256((code + family.name + truth_json(truth)).encode()).hexdigest()
        planned.append((stem, truth, path, key))
        if manifest.get(stem) != key or not path.exists() or not path.with_suffix(".json").exists():
            todo.append((truth, path))
    if todo:
        # The tools are only looked for when something has to be rendered.
        reason = family.unavailable()
        if reason:
            result.skipped_reason = reason
            return result
        folder.mkdir(parents=True, exist_ok=True)
        family.render(todo)
        result.rendered = len(todo)
    new_manifest = {}
    for stem, truth, path, key in planned:
        if not path.exists():
            result.dropped.append(stem)
            continue
        truth_file = path.with_suffix(".json")
        text = truth_json(truth)
        if not truth_file.exists() or truth_file.read_text(encoding="utf-8") != text:
            truth_file.write_text(text, encoding="utf-8")
        new_manifest[stem] = key
        result.docs.append(GeneratedDoc(family.name, path, truth))
    # Files of stems that are no longer generated go away, so the folder is exactly the set.
    keep = {p.name for d in result.docs for p in (d.path, d.truth_path)}
    for stale in folder.iterdir():
        if stale.is_file() and stale.name != ".manifest.json" and stale.name not in keep:
            stale.unlink()
    manifest_path.write_text(json.dumps(new_manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return result


def generate_results(
    families: Iterable[str] | None = None, out: Path | str | None = None, workers: int = 2
) -> list[FamilyResult]:
    names = list(families) if families is not None else list(FAMILIES)
    unknown = [n for n in names if n not in FAMILIES]
    if unknown:
        raise ValueError(f"unknown layout families: {', '.join(unknown)} (known: {', '.join(FAMILIES)})")
    target = Path(out) if out is not None else DEFAULT_OUT
    sources = load_sources()
    code = _code_hash()
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [pool.submit(generate_family, FAMILIES[n], sources, target, code) for n in names]
        return [f.result() for f in futures]


def generate(families: Iterable[str] | None = None, out: Path | str | None = None) -> list[GeneratedDoc]:
    """Render (or reuse from the cache) every document of these families; families that
    cannot be built on this machine (a missing tool) give no documents."""
    return [doc for result in generate_results(families, out) for doc in result.docs]
