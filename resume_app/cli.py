"""The `resume-app` command.

Bad input ends with exit status 2 and one plain sentence on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from resume_app.core import json_resume
from resume_app.core.errors import InputError
from resume_app.parsing import sandbox
from resume_app.parsing.errors import MAX_FILE_BYTES
from resume_app.parsing.importer import import_resume
from resume_app.parsing.posting_file import MAX_DOCUMENT_BYTES, posting_text

EXIT_BAD_INPUT = 2


def _read(path: str, limit: int, what: str) -> tuple[str, bytes]:
    """The file's name and bytes, refused before reading when it is over the importer's limit."""
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path} does not exist or is not a file.")
    if file.stat().st_size > limit:
        raise InputError(f"{file.name} is larger than {limit // (1024 * 1024)} MB, too large for {what}.")
    return file.name, file.read_bytes()


def _read_resume(path: str):
    # Read in a worker process, under the same time and memory budget as in the browser.
    return sandbox.run(import_resume, *_read(path, MAX_FILE_BYTES, "a resume"))


def _summary(resume) -> str:
    """A few lines a person can read: who, and each section's entries."""
    contact = resume.contact
    lines = [contact.name or "(no name found)", " | ".join(v for v in (contact.email, contact.phone, contact.url) if v)]
    for section in resume.sections:
        lines.append(f"\n{section.kind.upper()}")
        for entry in section.entries:
            dates = f"{entry.start_date or '?'} - {entry.end_date or 'present'}" if entry.start_date else ""
            lines.append(f"  {' | '.join(v for v in (entry.title, entry.organization, entry.location, dates) if v)}")
            lines += [f"    - {bullet.text}" for bullet in entry.bullets]
        lines += [f"  {skill.name}: {', '.join(skill.keywords)}".rstrip(": ") for skill in section.skills]
    return "\n".join(lines)


def _parse(args: argparse.Namespace) -> None:
    resume = _read_resume(args.file)
    print(json_resume.dumps(resume) if args.json else _summary(resume))


def _read_posting(path: str) -> str:
    return sandbox.run(posting_text, *_read(path, MAX_DOCUMENT_BYTES, "a job posting"))


def _rank(args: argparse.Namespace) -> None:
    # Imported here: loading the model is only worth it for the commands that rank.
    from resume_app.tailoring import service

    ranking = service.rank_resume(_read_resume(args.resume), _read_posting(args.job))
    if args.json:
        print(json.dumps(ranking.as_contract(), ensure_ascii=False, indent=2))
        return
    from resume_app.tailoring.rows import breakdown_rows, short

    print(f"Match score: {ranking.match_score}/100")
    print("; ".join(f"{row.label}: {row.value}" for row in breakdown_rows(ranking.score)))
    missing = [item.text for item in ranking.requirements if item.status == "missing"]
    if missing:
        shown = "; ".join(short(text, 70) for text in missing[:3])
        print(f"Missing ({len(missing)}): {shown}" + ("; ..." if len(missing) > 3 else ""))
    for bullet in ranking.bullets[:15]:
        print(f"{bullet.score:5.1f}  {bullet.text}\n       covers: {bullet.requirement}")
    print(f"\nMissing keywords: {', '.join(ranking.keywords.missing_in_resume) or 'none'}")


def _suggest(args: argparse.Namespace) -> None:
    from resume_app.tailoring import writing

    resume = _read_resume(args.resume)
    posting = _read_posting(args.job) if args.job else None
    found = writing.suggestions(resume, posting, args.tense)
    if args.model:
        for sentence in writing.add_model_rewrites(resume, found):
            print(f"resume-app: {sentence}", file=sys.stderr)
    if args.json:
        print(json.dumps(writing.as_json(resume, found), ensure_ascii=False, indent=2))
        return
    for entry in resume.entries():
        shown = [(bullet, found.bullets.get(bullet.id, [])) for bullet in entry.bullets]
        shown = [(bullet, items) for bullet, items in shown if items]
        if shown:
            print(f"\n{' | '.join(part for part in (entry.title, entry.organization) if part) or 'Untitled entry'}")
        for bullet, items in shown:
            print(f"  - {bullet.text}")
            for item in items:
                if item.kind == "metric":
                    print(f"      [{item.kind}] {item.question}")
                else:
                    print(f"      [{item.kind}] {item.reason}\n          -> {' / '.join(item.parts) or item.text}")
    if found.keywords:
        print("\nKeywords")
        for item in found.keywords:
            print(f"  [{item.kind}] {item.reason}")


def _write(resume, output: Path) -> None:
    from resume_app.export import MIME_TYPES, render

    fmt = output.suffix.lower().lstrip(".")
    if fmt not in MIME_TYPES:
        raise InputError(f"{output.name}: export writes .docx, .pdf or .json (JSON Resume) files.")
    output.write_bytes(render(resume, fmt).data)


def _export(args: argparse.Namespace) -> None:
    _write(_read_resume(args.resume), Path(args.output))


def _tailor(args: argparse.Namespace) -> None:
    from resume_app.tailoring import service

    if args.pages is not None and args.pages < 1:
        raise InputError("--pages takes a number of pages from 1 up.")
    resume, posting = _read_resume(args.resume), _read_posting(args.job)
    if args.pages is None:
        _write(service.tailored_resume(resume, posting), Path(args.output))
        return
    fitted = service.fitted_resume(resume, posting, args.pages)
    _write(fitted.resume, Path(args.output))
    for note in fitted.notes:
        print(note, file=sys.stderr)


def _backup(args: argparse.Namespace) -> None:
    from resume_app.storage import backup

    data = backup.backup(args.workspace)
    output = Path(args.output)
    output.write_bytes(data)
    print(f"Wrote the library to {output} ({len(data) // 1024 + 1} KB).", file=sys.stderr)


def _restore(args: argparse.Namespace) -> None:
    from resume_app.storage import backup, repository

    _, data = _read(args.archive, backup.MAX_ARCHIVE_BYTES, "a backup")
    key = args.workspace or repository.new_workspace_key()
    restored = backup.restore(key, data)
    print(restored.sentence(), file=sys.stderr)
    if not args.workspace:
        print(f"Into a new library; its workspace key (keep it safe): {key}", file=sys.stderr)
        print(key)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="resume-app", description="Tailor a resume to a job posting, locally.")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="read a resume (PDF, DOCX or JSON Resume) and print its structure")
    parse.add_argument("file", help="the resume file")
    parse.add_argument("--json", action="store_true", help="print JSON Resume")
    parse.set_defaults(run=_parse)

    rank = commands.add_parser("rank", help="rank a resume's bullets against a job posting")
    rank.add_argument("resume", help="the resume: PDF, DOCX or JSON Resume .json")
    rank.add_argument("job", help="the job posting as a text file")
    rank.add_argument("--json", action="store_true", help="print the ranking as JSON")
    rank.set_defaults(run=_rank)

    suggest = commands.add_parser("suggest", help="suggest stronger wording for every bullet, never changing a fact")
    suggest.add_argument("resume", help="the resume: PDF, DOCX or JSON Resume .json")
    suggest.add_argument("job", nargs="?", default=None, help="a job posting as a text file (keyword suggestions)")
    suggest.add_argument("--json", action="store_true", help="print the suggestions as JSON")
    suggest.add_argument(
        "--tense", choices=("present", "past"), default=None, help="the tense of your current role's bullets"
    )
    suggest.add_argument(
        "--model",
        action="store_true",
        help="also ask the local language model at RESUME_APP_LLM_URL for a rewrite of each bullet (fact-checked)",
    )
    suggest.set_defaults(run=_suggest)

    export = commands.add_parser("export", help="write a resume as another format")
    export.add_argument("resume", help="the resume: PDF, DOCX or JSON Resume .json")
    export.add_argument("-o", "--output", required=True, help="the file to write (.docx, .pdf or .json)")
    export.set_defaults(run=_export)

    tailor = commands.add_parser("tailor", help="write the resume tailored to a posting: its best bullets, best first")
    tailor.add_argument("resume", help="the resume: PDF, DOCX or JSON Resume .json")
    tailor.add_argument("job", help="the job posting as a text file")
    tailor.add_argument("-o", "--output", required=True, help="the file to write (.docx, .pdf or .json)")
    tailor.add_argument(
        "--pages",
        type=int,
        default=None,
        help="fit the resume to this many pages, leaving out its lowest-ranked bullets",
    )
    tailor.set_defaults(run=_tailor)

    backup = commands.add_parser("backup", help="write a whole library (resumes, versions, postings) to a zip archive")
    backup.add_argument("output", help="the archive to write (.zip)")
    backup.add_argument(
        "--workspace",
        required=True,
        help="the library's workspace key (its recovery key); write --workspace=KEY for a key that starts with -",
    )
    backup.set_defaults(run=_backup)

    restore = commands.add_parser("restore", help="add the library in a backup archive to a workspace")
    restore.add_argument("archive", help="the archive written by `resume-app backup` or the library page")
    restore.add_argument(
        "--workspace",
        default=None,
        help="the workspace key to restore into (default: a new library, key printed); "
        "write --workspace=KEY for a key that starts with -",
    )
    restore.set_defaults(run=_restore)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # The command's output is its result and, for bad input, one sentence: the app's log
    # lines (a reader's warnings) are not printed unless logging is set up by the caller.
    if not logging.getLogger().handlers:
        logging.getLogger().addHandler(logging.NullHandler())
    try:
        args.run(args)
    except InputError as error:
        print(f"resume-app: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"resume-app: {error.strerror or error}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


if __name__ == "__main__":
    sys.exit(main())
