"""A tailored version's choice of bullets, entry by entry, and the moves a person makes on it.

A version stores the chosen master bullets by id, in order (TailoredVersion.bullet_ids).
Only the order within one entry matters, so every change here returns the ids
normalised: entries in resume order, each entry's chosen bullets in the version's order.
Bullets a version leaves out are listed after the chosen ones, in master order. Chosen
bullets of an entry the master hides stay chosen, after the rest.
"""

from dataclasses import dataclass

from resume_app.core.errors import InputError
from resume_app.core.model import Bullet, Entry, Resume


@dataclass
class EntryChoice:
    entry: Entry
    chosen: list[Bullet]
    left_out: list[Bullet]


def entry_choices(resume: Resume, bullet_ids: list[str]) -> list[EntryChoice]:
    """Each entry the master shows that has bullets, with the version's chosen and left-out bullets."""
    position = {bullet_id: index for index, bullet_id in enumerate(bullet_ids)}
    choices = []
    for entry, _ in resume.shown_entries(visible_only=True):
        if not entry.bullets:
            continue
        chosen = sorted((b for b in entry.bullets if b.id in position), key=lambda b: position[b.id])
        left_out = [b for b in entry.bullets if b.id not in position]
        choices.append(EntryChoice(entry, chosen, left_out))
    return choices


def _ids(resume: Resume, bullet_ids: list[str], choices: list[EntryChoice]) -> list[str]:
    """The chosen ids of the listed entries, then those of entries the master hides now:
    the version keeps them for when the entry is shown again."""
    listed = {bullet.id for choice in choices for bullet in choice.entry.bullets}
    existing = {bullet.id for bullet in resume.bullets()}
    kept = [bullet_id for bullet_id in bullet_ids if bullet_id in existing and bullet_id not in listed]
    return [bullet.id for choice in choices for bullet in choice.chosen] + kept


def _find(choices: list[EntryChoice], bullet_id: str) -> tuple[EntryChoice, Bullet]:
    for choice in choices:
        for bullet in choice.chosen + choice.left_out:
            if bullet.id == bullet_id:
                return choice, bullet
    raise InputError("This bullet is no longer in the resume; the page was out of date and has been refreshed.")


def normalized(resume: Resume, bullet_ids: list[str]) -> list[str]:
    """The ids in canonical order, without bullets the master no longer has."""
    return _ids(resume, bullet_ids, entry_choices(resume, bullet_ids))


def move(resume: Resume, bullet_ids: list[str], bullet_id: str, offset: int) -> list[str]:
    """Move a chosen bullet up (-1) or down (+1) among its entry's chosen bullets."""
    choices = entry_choices(resume, bullet_ids)
    choice, bullet = _find(choices, bullet_id)
    if bullet in choice.chosen:
        index = choice.chosen.index(bullet)
        target = max(0, min(len(choice.chosen) - 1, index + offset))
        choice.chosen.insert(target, choice.chosen.pop(index))
    return _ids(resume, bullet_ids, choices)


def place(resume: Resume, bullet_ids: list[str], bullet_id: str, index: int) -> list[str]:
    """Put a bullet at `index` of its entry's list as shown (chosen first, then left out),
    as a drag and drop does: dropped among the chosen bullets (or just after them) it is
    chosen, there; dropped among the left-out ones it is left out."""
    choices = entry_choices(resume, bullet_ids)
    choice, bullet = _find(choices, bullet_id)
    if bullet in choice.chosen:
        choice.chosen.remove(bullet)
    else:
        choice.left_out.remove(bullet)
    if index <= len(choice.chosen):
        choice.chosen.insert(max(0, index), bullet)
    else:
        choice.left_out.append(bullet)
    return _ids(resume, bullet_ids, choices)


def toggle(resume: Resume, bullet_ids: list[str], bullet_id: str) -> list[str]:
    """Leave a chosen bullet out, or add a left-out one after its entry's chosen bullets."""
    choices = entry_choices(resume, bullet_ids)
    choice, bullet = _find(choices, bullet_id)
    if bullet in choice.chosen:
        choice.chosen.remove(bullet)
    else:
        choice.chosen.append(bullet)
    return _ids(resume, bullet_ids, choices)
