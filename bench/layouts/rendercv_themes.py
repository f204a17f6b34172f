"""RenderCV (PyPI `rendercv`, Typst inside) themes, run from RenderCV's own virtualenv.

RenderCV is installed by scripts/setup_layouts.sh into `.cache/tools/rendercv-venv` so that its
pins never touch the app's environment; this module builds RenderCV's input (the `cv` and
`design` dictionaries of its YAML) from the projected truth and calls its Python API there.

What RenderCV changes in the text is applied to the truth the same way: phone numbers are
printed in international format, straight apostrophes become typographic ones (Typst smart
quotes), "--" and "..." become dashes and ellipses; strings with Markdown markup characters
are left out; profiles (icons) are not shown.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from bench.layouts.base import Family, Resume, View, fmt_score, inline_list, paragraphs, project

REPO = Path(__file__).resolve().parents[2]
RENDERCV_PYTHON = Path(os.environ.get("LAYOUTS_RENDERCV_PYTHON", REPO / ".cache/tools/rendercv-venv/bin/python"))

VIEW = View(
    sections=("work", "education", "skills", "projects", "certificates", "awards", "languages"),
    keys={
        "basics": ("name", "email", "phone", "url", "location", "summary"),
        "work": ("name", "position", "location", "startDate", "endDate", "highlights"),
        "education": ("institution", "studyType", "area", "score", "location", "startDate", "endDate"),
        "skills": ("name", "keywords"),
        "projects": ("name", "description", "startDate", "endDate", "highlights"),
        "certificates": ("name", "issuer", "date"),
        "awards": ("title", "awarder", "date"),
        "languages": ("language", "fluency"),
    },
)

# RenderCV's Typst templates import "@preview/fontawesome:0.5.0", which Typst downloads from
# its own package host at compile time; that host is not reachable from here. A local package
# of the same name draws each icon as a small filled square (a shape, no text), so the
# themes compile offline and the text layer is what it would be with the real icon font.
TYPST_CACHE = REPO / ".cache" / "tools" / "typst-cache"
FONTAWESOME_STUB = TYPST_CACHE / "typst" / "packages" / "preview" / "fontawesome" / "0.5.0"
FONTAWESOME_FILES = {
    "typst.toml": '[package]\nname = "fontawesome"\nversion = "0.5.0"\nentrypoint = "lib.typ"\n'
    'authors = ["layout generator stand-in"]\nlicense = "MIT"\ndescription = "Offline stand-in: icons as shapes"\n',
    "lib.typ": "#let fa-icon(name, size: 1em, ..args) = box(width: size * 0.8, height: size * 0.8, "
    "radius: size * 0.15, fill: luma(45%), baseline: size * 0.1)\n",
}


def ensure_fontawesome_stub() -> None:
    FONTAWESOME_STUB.mkdir(parents=True, exist_ok=True)
    for name, text in FONTAWESOME_FILES.items():
        path = FONTAWESOME_STUB / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


RUNNER = r"""
import json, sys, traceback
from pathlib import Path
from rendercv.api import functions
for job in json.load(sys.stdin):
    try:
        errors = functions.create_a_pdf_from_a_python_dictionary(job["input"], Path(job["path"]))
        if errors:
            print(f"{job['path']}: {errors}", file=sys.stderr)
    except Exception as error:
        print(f"{job['path']}: {type(error).__name__}: {error}", file=sys.stderr)
"""

PHONES = r"""
import json, sys
import phonenumbers
out = {}
for raw in json.load(sys.stdin):
    try:
        number = phonenumbers.parse(raw, None)
        if phonenumbers.is_valid_number(number):
            out[raw] = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        pass
print(json.dumps(out))
"""

_MARKUP = re.compile(r"[`<>*\[\]\\]|(^|\W)_|_(\W|$)|^\s*[-+#=/]|https?://")


def typst_text(text: str) -> str | None:
    """The text as RenderCV/Typst prints it, or None when it holds markup we do not escape."""
    if _MARKUP.search(text):
        return None
    text = text.replace("'", "’").replace("...", "…").replace("---", "—").replace("--", "–")
    return re.sub(r"[ \t]+", " ", text)


PHONE_CACHE = REPO / ".cache" / "tools" / "rendercv-phones.json"
_PHONE_LOCK = threading.Lock()


@lru_cache(maxsize=1024)
def international_phone(raw: str) -> str | None:
    """The number as RenderCV prints it (international format), None if RenderCV refuses it."""
    if not raw.strip().startswith("+"):
        return None
    if not RENDERCV_PYTHON.exists():
        return None  # the family reports RenderCV missing when it has to render
    with _PHONE_LOCK:
        try:
            known = json.loads(PHONE_CACHE.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        if raw in known:
            return known[raw]
        done = subprocess.run(
            [str(RENDERCV_PYTHON), "-c", PHONES], input=json.dumps([raw]), capture_output=True, text=True, timeout=120
        )
        if done.returncode != 0:
            return None
        known[raw] = json.loads(done.stdout or "{}").get(raw)
        PHONE_CACHE.parent.mkdir(parents=True, exist_ok=True)
        PHONE_CACHE.write_text(json.dumps(known, indent=1, sort_keys=True), encoding="utf-8")
        return known[raw]


def _texts(value: Any) -> Any:
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            v = _texts(v)
            if v is not None:
                out[k] = v
        return out
    if isinstance(value, list):
        return [v for v in (_texts(v) for v in value) if v is not None]
    if isinstance(value, str):
        return typst_text(value)
    return value


def rendercv_truth(resume: Resume) -> Resume:
    truth = project(resume, VIEW)
    truth = _texts(truth)
    b = truth["basics"]
    location = b.pop("location", None)
    if isinstance(location, dict):
        # Printed as one string; kept as the same parts.
        b["location"] = location
    if b.get("phone"):
        phone = international_phone(b["phone"])
        if phone:
            b["phone"] = phone
        else:
            b.pop("phone")
    if b.get("email") and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", b["email"]):
        b.pop("email")  # RenderCV refuses an address without a domain
    if b.get("url"):
        b["url"] = re.sub(r"^https?://", "", b["url"]).rstrip("/")
    # RenderCV needs both company and position for an experience entry; one of them alone is
    # a normal entry with a name, which keeps the truth the same.
    # Education needs an area; without it the entry shows the institution only.
    # A section holds one entry type: if one degree has no area, all are plain named entries.
    if any(not ed.get("area") for ed in truth.get("education", [])):
        for ed in truth.get("education", []):
            for key in ("studyType", "area", "score"):
                ed.pop(key, None)
    truth["education"] = [ed for ed in truth.get("education", []) if ed.get("institution")]
    skills = truth.get("skills", [])
    keyworded = [s for s in skills if s.get("keywords") and s.get("name") and inline_list(s["keywords"])]
    loose = [s for s in skills if not s.get("keywords")]
    truth["skills"] = keyworded if keyworded else loose
    truth["languages"] = [x for x in truth.get("languages", []) if x.get("language") and x.get("fluency")]
    # One-line entries ("Label: details") are printed without a final period.
    for x in truth["languages"]:
        x["fluency"] = x["fluency"].rstrip(".")
    for skill in truth["skills"]:
        if skill.get("keywords"):
            skill["keywords"][-1] = skill["keywords"][-1].rstrip(".")
    truth["skills"] = [s for s in truth["skills"] if all(s.get("keywords", ["x"]))]
    return {k: v for k, v in truth.items() if v not in ([], {}, None)}


def _dates(entry: dict[str, Any]) -> dict[str, str]:
    start, end = entry.get("startDate"), entry.get("endDate")
    if not start:
        return {}
    if start == end:
        return {"date": start}
    return {"start_date": start, "end_date": end or "present"}


def rendercv_input(t: Resume, theme: str) -> dict[str, Any]:
    b = t["basics"]
    cv: dict[str, Any] = {"name": b.get("name", "")}
    if isinstance(b.get("location"), dict):
        cv["location"] = ", ".join(
            b["location"][k] for k in ("address", "city", "region", "postalCode", "countryCode") if b["location"].get(k)
        )
    if b.get("email"):
        cv["email"] = b["email"]
    if b.get("phone"):
        cv["phone"] = b["phone"]
    if b.get("url"):
        cv["website"] = "https://" + b["url"]
    sections: dict[str, Any] = {}
    if b.get("label"):
        cv["label"] = b["label"]
    if b.get("summary"):
        sections["summary"] = paragraphs(b["summary"])
    work = []
    for w in t.get("work", []):
        entry: dict[str, Any] = {**_dates(w)}
        if w.get("location"):
            entry["location"] = w["location"]
        if w.get("highlights"):
            entry["highlights"] = w["highlights"]
        if w.get("name") and w.get("position"):
            entry.update(company=w["name"], position=w["position"])
        else:
            entry["name"] = w.get("name") or w.get("position") or ""
        work.append(entry)
    if work:
        # A section holds one entry type: experience entries, or normal ones if any lacks a side.
        if any("name" in e for e in work):
            for e in work:
                if "company" in e:
                    e["name"] = f"{e.pop('position')}, {e.pop('company')}"
        sections["experience"] = work
    education = []
    for ed in t.get("education", []):
        entry = {"institution": ed["institution"], "area": ed.get("area", ""), **_dates(ed)}
        if not ed.get("area"):
            entry = {"name": ed["institution"], **_dates(ed)}
        if ed.get("studyType"):
            entry["degree"] = ed["studyType"]
        if ed.get("location"):
            entry["location"] = ed["location"]
        if ed.get("score"):
            entry["highlights"] = [fmt_score(ed["score"])]
        education.append(entry)
    if education:
        if any("name" in e for e in education):
            education = [
                {
                    "name": e.get("name") or e["institution"],
                    **{k: v for k, v in e.items() if k in ("date", "start_date", "end_date", "location")},
                }
                for e in education
            ]
        sections["education"] = education
    if t.get("projects"):
        sections["projects"] = [
            {
                "name": p.get("name", ""),
                **_dates(p),
                **({"summary": " ".join(paragraphs(p["description"]))} if p.get("description") else {}),
                **({"highlights": p["highlights"]} if p.get("highlights") else {}),
            }
            for p in t["projects"]
        ]
    skills = t.get("skills", [])
    if skills and skills[0].get("keywords"):
        sections["skills"] = [{"label": s["name"], "details": ", ".join(s["keywords"])} for s in skills]
    elif skills:
        sections["skills"] = [{"bullet": s["name"]} for s in skills]
    for key, title, sub, section in (
        ("certificates", "name", "issuer", "certifications"),
        ("awards", "title", "awarder", "awards"),
    ):
        if t.get(key):
            sections[section] = [
                {
                    "name": x.get(title, ""),
                    **({"date": x["date"]} if x.get("date") else {}),
                    **({"summary": x[sub]} if x.get(sub) else {}),
                }
                for x in t[key]
            ]
    if t.get("languages"):
        sections["languages"] = [{"label": x["language"], "details": x["fluency"]} for x in t["languages"]]
    cv["sections"] = sections
    return {
        "cv": cv,
        "design": {
            "theme": theme,
            "page": {"show_page_numbering": False, "show_last_updated_date": False},
            "entry_types": {"education_entry": {"degree_column_width": "2.6cm"}},
        },
        "locale": {"phone_number_format": "international"},
    }


def _unavailable() -> str | None:
    if not RENDERCV_PYTHON.exists():
        return f"RenderCV's virtualenv was not found at {RENDERCV_PYTHON} (run scripts/setup_layouts.sh)"
    done = subprocess.run(
        [str(RENDERCV_PYTHON), "-c", "import rendercv.api, phonenumbers, typst"], capture_output=True, timeout=120
    )
    if done.returncode != 0:
        return "RenderCV's virtualenv cannot import rendercv (run scripts/setup_layouts.sh)"
    return None


def _renderer(theme: str) -> Callable[[list[tuple[Resume, Path]]], None]:
    def render(items: list[tuple[Resume, Path]]) -> None:
        ensure_fontawesome_stub()
        jobs = [{"input": rendercv_input(truth, theme), "path": str(path)} for truth, path in items]
        env = dict(os.environ, XDG_CACHE_HOME=str(TYPST_CACHE), SOURCE_DATE_EPOCH="1704067200")
        done = subprocess.run(
            [str(RENDERCV_PYTHON), "-c", RUNNER],
            input=json.dumps(jobs),
            capture_output=True,
            text=True,
            timeout=1800,
            cwd=str(REPO),
            env=env,
        )
        if done.returncode != 0 or done.stderr.strip():
            print(f"rendercv ({theme}): {done.stderr.strip()[-2000:]}", file=sys.stderr)

    return render


THEMES = {
    "classic": "'Company, Position' on one line, location and dates in a right column, degree in a left "
    "column, icon header",
    "engineeringresumes": "'Position, Company – Location' on one line with dates right, header values separated by |",
    "sb2nov": "position on one line and company below in italics, location and dates right in italics, hollow bullets",
    "moderncv": "dates in a LEFT column before 'Position, Company – Location', coloured rules",
}

FAMILIES = [
    Family(
        name=f"rendercv_{theme}",
        kind="rendercv",
        ext="pdf",
        traits=f"RenderCV 2 theme '{theme}' (Typst): {traits}",
        project=rendercv_truth,
        render=_renderer(theme),
        unavailable=_unavailable,
    )
    for theme, traits in THEMES.items()
]
