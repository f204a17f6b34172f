"""A whole library backed up to one archive and restored, by the service and by the CLI.

A restore brings back every resume (hidden items included), its tailored versions
pointing at the same bullets, and the postings; a bad archive is refused in one
sentence and leaves the workspace as it was.
"""

from __future__ import annotations

import io
import json
import secrets
import subprocess
import sys
import zipfile

import pytest

from resume_app.core import editing, json_resume
from resume_app.core.errors import InputError
from resume_app.core.model import JobPosting, TailoredVersion
from resume_app.storage import backup, repository
from tests.corpus import TRUTH_FILES
from tests.sentences import one_sentence


def _library(workspace: str):
    """Two resumes (one with a hidden bullet and the past tense chosen for its current role),
    a posting and a fitted version."""
    first = json_resume.loads(TRUTH_FILES[0].read_bytes())
    first.current_tense = "past"
    first = repository.create_resume(workspace, first)
    second = repository.create_resume(workspace, json_resume.loads(TRUTH_FILES[1].read_bytes()))
    hidden = first.bullets()[1]
    repository.update_resume(
        workspace, first.id, lambda resume: editing.find_bullet(resume, hidden.id)[1].__setattr__("hidden", True)
    )
    posting = repository.save_posting(
        workspace, JobPosting(text="We need a CPA.\nExcel.", title="Accountant", company="Acme")
    )
    chosen = [bullet.id for bullet in first.bullets()][::-1][:4]
    left_out = first.entries()[-1].id
    version = repository.save_version(
        workspace,
        TailoredVersion(
            resume_id=first.id,
            name="Acme",
            job_posting_id=posting.id,
            bullet_ids=chosen,
            left_out_entry_ids=[left_out],
            left_out_summary_ids=[left_out],
            page_budget=1,
        ),
    )
    repository.save_version(workspace, TailoredVersion(resume_id=second.id, name="Plain"))
    return first, second, version


def _shown(workspace: str, resume_id: str, version: TailoredVersion) -> dict:
    """What a version shows, by text: the way to compare across new ids."""
    master = repository.get_resume(workspace, resume_id)
    bullets = {bullet.id: bullet.text for bullet in master.bullets()}
    entries = {entry.id: entry.title for entry in master.entries()}
    return {
        "name": version.name,
        "bullets": [bullets[bullet_id] for bullet_id in version.bullet_ids],
        "left_out": [entries[entry_id] for entry_id in version.left_out_entry_ids],
        "summaries": [entries[entry_id] for entry_id in version.left_out_summary_ids],
        "pages": version.page_budget,
        "posting": repository.get_posting(workspace, version.job_posting_id).__dict__ | {"id": None}
        if version.job_posting_id
        else None,
    }


def _everything(workspace: str) -> list:
    result = []
    for listing in sorted(repository.list_resumes(workspace), key=lambda listing: listing.title):
        resume = repository.get_resume(workspace, listing.id)
        versions = sorted(
            (_shown(workspace, resume.id, version) for version in repository.list_versions(workspace, resume.id)),
            key=lambda shown: shown["name"],
        )
        hidden = [bullet.text for bullet in resume.bullets() if bullet.hidden]
        as_json = json_resume.to_json_resume(resume, include_hidden=True)
        result.append((resume.title, resume.current_tense, as_json, hidden, versions))
    return result


def test_a_backup_restored_into_a_fresh_workspace_is_the_same_library(workspace):
    _library(workspace)
    data = backup.backup(workspace)
    fresh = secrets.token_urlsafe(24)
    restored = backup.restore(fresh, data)
    assert (restored.resumes, restored.versions, restored.postings) == (2, 2, 1)
    assert _everything(fresh) == _everything(workspace)
    assert _everything(fresh)[0][3], "the hidden bullet came back hidden"
    assert sorted(entry[1] for entry in _everything(fresh)) == ["", "past"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert (manifest["format"], manifest["version"]) == ("resume-app-backup", 1)
        assert json_resume.loads(archive.read(manifest["resumes"][0])).contact.name


def test_restoring_next_to_the_original_gives_new_ids_and_changes_nothing_there(workspace):
    first, _, version = _library(workspace)
    before = _everything(workspace)
    backup.restore(workspace, backup.backup(workspace))
    assert len(repository.list_resumes(workspace)) == 4
    assert repository.get_version(workspace, version.id).bullet_ids == version.bullet_ids
    copies = [listing.id for listing in repository.list_resumes(workspace) if listing.id not in {first.id}]
    assert first.id not in copies and len(set(copies)) == 3
    assert sorted(_everything(workspace), key=repr) == sorted(before + before, key=repr)


def _zip(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _good_members(workspace: str) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(backup.backup(workspace))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _bad_archives(members: dict[str, bytes]) -> dict[str, tuple[bytes, str]]:
    manifest = json.loads(members["manifest.json"])
    broken_second = dict(members)
    broken_second[manifest["resumes"][1]] = b"{broken"
    orphan_version = dict(members)
    library = json.loads(members["library.json"])
    library["versions"][0]["resume_id"] = "no-such-resume"
    orphan_version["library.json"] = json.dumps(library).encode()
    return {
        "not a zip": (b"PK\x03\x04 this is not really a zip archive", "is not a zip archive"),
        "plain text": (b"hello", "is not a zip archive"),
        "no manifest": (_zip({k: v for k, v in members.items() if k != "manifest.json"}), "manifest.json is missing"),
        "not our manifest": (_zip({**members, "manifest.json": b'{"format": "other"}'}), "not a backup of this app"),
        "newer version": (
            _zip({**members, "manifest.json": json.dumps({**manifest, "version": 2}).encode()}),
            "format version 2",
        ),
        "zip bomb": (_zip({**members, "library.json": b"\0" * (backup.MAX_MEMBER_BYTES + 1)}), "more than a backup"),
        "second resume broken": (_zip(broken_second), "not valid JSON"),
        "version of no resume": (_zip(orphan_version), "belongs to a resume that is not in it"),
        "missing ids": (
            _zip({k: v for k, v in members.items() if not k.endswith(".ids.json")}),
            "is missing",
        ),
    }


def test_bad_archives_are_refused_in_one_sentence_and_nothing_is_restored(workspace):
    _library(workspace)
    members = _good_members(workspace)
    target = secrets.token_urlsafe(24)
    repository.ensure_workspace(target)
    for what, (data, message) in _bad_archives(members).items():
        with pytest.raises(InputError) as refused:
            backup.restore(target, data)
        assert message in str(refused.value), what
        assert one_sentence(str(refused.value)), what
        assert repository.list_resumes(target) == [], what


def _lying_sizes(data: bytes, name: str, size: int) -> bytes:
    """The archive with the unpacked size of `name` declared as `size` in both its headers."""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        local = archive.getinfo(name).header_offset
    patched[local + 22 : local + 26] = size.to_bytes(4, "little")
    central = data.index(b"PK\x01\x02")
    while True:
        length = int.from_bytes(data[central + 28 : central + 30], "little")
        if data[central + 46 : central + 46 + length] == name.encode():
            break
        central = data.index(b"PK\x01\x02", central + 4)
    patched[central + 24 : central + 28] = size.to_bytes(4, "little")
    return bytes(patched)


def test_a_member_bigger_than_its_header_says_is_cut_off_and_refused(workspace):
    _library(workspace)
    members = _good_members(workspace)
    library = json.loads(members["library.json"])
    library["postings"][0]["text"] += " " * (5 * 1024 * 1024)
    data = _lying_sizes(_zip({**members, "library.json": json.dumps(library)}), "library.json", 100)
    target = secrets.token_urlsafe(24)
    with pytest.raises(InputError) as refused:
        backup.restore(target, data)
    assert str(refused.value) == "library.json in this backup is damaged."
    assert repository.list_resumes(target) == []


def test_a_too_large_archive_is_refused_before_it_is_opened(workspace, monkeypatch):
    _library(workspace)
    data = backup.backup(workspace)
    monkeypatch.setattr(backup, "MAX_ARCHIVE_BYTES", len(data) - 1)
    with pytest.raises(InputError, match="too large to restore"):
        backup.restore(secrets.token_urlsafe(24), data)


def test_a_failure_while_writing_leaves_nothing_half_restored(workspace, monkeypatch):
    _library(workspace)
    data = backup.backup(workspace)
    target = secrets.token_urlsafe(24)
    repository.ensure_workspace(target)
    calls = []
    original = repository._write

    def fail_on_the_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(*args, **kwargs)

    monkeypatch.setattr(repository, "_write", fail_on_the_second)
    with pytest.raises(RuntimeError):
        backup.restore(target, data)
    monkeypatch.setattr(repository, "_write", original)
    assert repository.list_resumes(target) == []


def test_backing_up_an_unknown_key_says_so():
    with pytest.raises(InputError, match="No library was found"):
        backup.backup(secrets.token_urlsafe(24))


# The command line


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "resume_app.cli", *args], capture_output=True, text=True, timeout=120)


def test_cli_backup_and_restore(workspace, tmp_path):
    _library(workspace)
    archive = tmp_path / "library.zip"
    result = run_cli("backup", str(archive), f"--workspace={workspace}")
    assert result.returncode == 0, result.stderr
    fresh = secrets.token_urlsafe(24)
    result = run_cli("restore", str(archive), f"--workspace={fresh}")
    assert result.returncode == 0, result.stderr
    assert "Restored 2 resumes, 2 tailored versions and 1 job posting." in result.stderr
    assert _everything(fresh) == _everything(workspace)
    result = run_cli("restore", str(archive))
    assert result.returncode == 0, result.stderr
    new_key = result.stdout.strip()
    assert _everything(new_key) == _everything(workspace)


@pytest.mark.parametrize("what", ["plain text", "no manifest", "newer version", "zip bomb", "second resume broken"])
def test_cli_refuses_a_bad_archive_with_exit_2(workspace, tmp_path, what):
    _library(workspace)
    data, message = _bad_archives(_good_members(workspace))[what]
    source = tmp_path / "bad.zip"
    source.write_bytes(data)
    target = secrets.token_urlsafe(24)
    result = run_cli("restore", str(source), f"--workspace={target}")
    assert result.returncode == 2
    assert message in result.stderr
    assert one_sentence(result.stderr.strip())
    assert repository.list_resumes(target) == []


def test_cli_backup_of_an_unknown_key_exits_2(tmp_path):
    result = run_cli("backup", str(tmp_path / "out.zip"), f"--workspace={secrets.token_urlsafe(24)}")
    assert result.returncode == 2
    assert "No library was found for this workspace key." in result.stderr
    assert not (tmp_path / "out.zip").exists()


def test_a_key_that_starts_with_a_dash_works_on_the_command_line(tmp_path, monkeypatch):
    # One key in 64 starts with "-": written --workspace=KEY it is not taken for an option.
    key = "-" + secrets.token_urlsafe(24)[1:]
    repository.ensure_workspace(key)
    _library(key)
    archive = tmp_path / "library.zip"
    assert run_cli("backup", str(archive), f"--workspace={key}").returncode == 0
    # New keys never start with one, so a key copied from the page works either way.
    keys = {repository.new_workspace_key() for _ in range(400)}
    assert len(keys) == 400 and not any(key.startswith("-") for key in keys)
