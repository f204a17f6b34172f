"""CV classes from Debian's TeX Live (texlive-latex-extra), compiled with pdflatex.

- latex_moderncv_classic: moderncv "classic": dates in a LEFT column, "Position, Company,
  Location" on the line to the right, letters instead of contact icons.
- latex_moderncv_banking: moderncv "banking": centred header with the contact on one line,
  company (institution) first in bold with the location right, then the position (degree)
  in italics with the years right-aligned; years only.

User text is escaped for LaTeX (specials, straight quotes kept straight, "--" kept as two
hyphens); characters the T1 fonts cannot print are mapped the same way in the truth.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.layouts.base import (
    Family,
    Resume,
    View,
    fmt_date,
    fmt_degree,
    fmt_location,
    fmt_profile,
    fmt_range,
    fmt_score,
    inline_list,
    paragraphs,
    project,
)

PDFLATEX = os.environ.get("LAYOUTS_PDFLATEX", "pdflatex")

# Printable by pdflatex with T1 + textcomp through inputenc's utf8 (Latin-1, Latin Extended-A
# and common punctuation); anything else is replaced, identically in the truth.
_REPLACE = {"●": "•", "■": "•", "○": "•", "→": "->", "✓": "", "★": "*"}
_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "'": r"\textquotesingle{}",
    "`": r"\textasciigrave{}",
    '"': r"\textquotedbl{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
    "•": r"\textbullet{}",
    "€": r"\texteuro{}",
}


def printable(text: str) -> str:
    """The text as the T1 fonts can print it (used for both the document and its truth)."""
    out = []
    for char in text:
        char = _REPLACE.get(char, char)
        if len(char) == 1 and ord(char) > 0x17F and char not in "‘’“”–—…•€·":
            continue
        out.append(char)
    return re.sub(r"\s+", " ", "".join(out)) if "\n" not in text else "".join(out)


def tex(text: Any) -> str:
    s = "".join(_SPECIALS.get(c, c) for c in str(text))
    # No TeX ligatures from user text: "--" stays two hyphens, "``" and ",," are not quotes.
    s = s.replace("--", "-{}-").replace("-{}--", "-{}-{}-")
    s = s.replace(",,", ",{},").replace("!`", "!{}`").replace("?`", "?{}`")
    return s


def _printable_resume(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _printable_resume(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable_resume(v) for v in value]
    return printable(value) if isinstance(value, str) else value


def itemize(items: list[str]) -> str:
    if not items:
        return ""
    return "\\begin{itemize}" + "".join(f"\\item {tex(i)}" for i in items) + "\\end{itemize}"


def para_text(text: str) -> str:
    return " \\newline ".join(tex(p) for p in paragraphs(text))


PREAMBLE = r"""\documentclass[10pt,a4paper,sans,nosymbols]{moderncv}
\moderncvstyle{%(style)s}
\moderncvcolor{%(color)s}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{lmodern}
\usepackage{textcomp}
\usepackage[scale=0.82]{geometry}
\renewcommand{\labelitemi}{\UseTextSymbol{TS1}{\textbullet}}
\pagestyle{empty}
"""


def moderncv_source(t: Resume, style: str, color: str) -> str:
    b = t["basics"]
    name = b.get("name", "")
    first, _, last = name.rpartition(" ")
    lines = [PREAMBLE % {"style": style, "color": color}]
    lines.append(f"\\name{{{tex(first)}}}{{{tex(last)}}}" if first else f"\\name{{{tex(name)}}}{{}}")
    if b.get("label"):
        lines.append(f"\\title{{{tex(b['label'])}}}")
    if fmt_location(b.get("location")):
        lines.append(f"\\address{{{tex(fmt_location(b['location']))}}}{{}}{{}}")
    if b.get("phone"):
        lines.append(f"\\phone[mobile]{{{tex(b['phone'])}}}")
    if b.get("email"):
        lines.append(f"\\email{{{tex(b['email'])}}}")
    if b.get("url"):
        lines.append(f"\\homepage{{{tex(b['url'])}}}")
    profiles = [fmt_profile(p) for p in b.get("profiles") or []]
    if profiles:
        joined = " {\\textperiodcentered} ".join(tex(p) for p in profiles)
        lines.append(f"\\extrainfo{{{joined}}}")
    lines.append("\\begin{document}\n\\makecvtitle")
    if b.get("summary"):
        lines.append("\\section{Summary}")
        lines.extend(f"\\cvitem{{}}{{{tex(p)}}}" for p in paragraphs(b["summary"]))
    if t.get("work"):
        lines.append("\\section{Experience}")
        for w in t["work"]:
            title, org = w.get("position", ""), w.get("name", "")
            if not title:
                title, org = org, ""
            lines.append(
                f"\\cventry{{{tex(fmt_range(w))}}}{{{tex(title)}}}{{{tex(org)}}}{{{tex(w.get('location', ''))}}}"
                f"{{}}{{{itemize(w.get('highlights', []))}}}"
            )
    if t.get("education"):
        lines.append("\\section{Education}")
        for ed in t["education"]:
            degree, inst = fmt_degree(ed), ed.get("institution", "")
            if not degree:
                degree, inst = inst, ""
            score = fmt_score(ed["score"]) if ed.get("score") else ""
            lines.append(
                f"\\cventry{{{tex(fmt_range(ed))}}}{{{tex(degree)}}}{{{tex(inst)}}}"
                f"{{{tex(ed.get('location', ''))}}}{{{tex(score)}}}{{}}"
            )
    if t.get("projects"):
        lines.append("\\section{Projects}")
        for p in t["projects"]:
            body = para_text(p.get("description", "")) + itemize(p.get("highlights", []))
            lines.append(f"\\cventry{{{tex(fmt_range(p))}}}{{{tex(p.get('name', ''))}}}{{}}{{}}{{}}{{{body}}}")
    if t.get("skills"):
        lines.append("\\section{Skills}")
        loose = [s["name"] for s in t["skills"] if not s.get("keywords")]
        for s in t["skills"]:
            kws = s.get("keywords")
            if kws:
                body = tex(", ".join(kws)) if inline_list(kws) else itemize(kws)
                lines.append(f"\\cvitem{{{tex(s.get('name', ''))}}}{{{body}}}")
        if loose:
            body = tex(", ".join(loose)) if inline_list(loose) else itemize(loose)
            lines.append(f"\\cvitem{{}}{{{body}}}")
    for key, section, title_key, sub_key in (
        ("certificates", "Certificates", "name", "issuer"),
        ("awards", "Awards", "title", "awarder"),
    ):
        if t.get(key):
            lines.append(f"\\section{{{section}}}")
            for entry in t[key]:
                text = f"\\textbf{{{tex(entry.get(title_key, ''))}}}"
                if entry.get(sub_key):
                    text += f", {tex(entry[sub_key])}"
                date = fmt_date(entry["date"]) if entry.get("date") else ""
                lines.append(f"\\cvitem{{{tex(date)}}}{{{text}}}")
    if t.get("languages"):
        lines.append("\\section{Languages}")
        for x in t["languages"]:
            lines.append(f"\\cvitem{{{tex(x.get('language', ''))}}}{{{tex(x.get('fluency', ''))}}}")
    lines.append("\\end{document}\n")
    return "\n".join(lines)


def compile_pdf(source: str, path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="layout-tex-") as tmp:
        tex_path = Path(tmp) / "cv.tex"
        tex_path.write_text(source, encoding="utf-8")
        env = dict(os.environ, SOURCE_DATE_EPOCH="1704067200", FORCE_SOURCE_DATE="1")
        done = subprocess.run(
            [PDFLATEX, "-interaction=nonstopmode", "-halt-on-error", "cv.tex"],
            cwd=tmp,
            capture_output=True,
            env=env,
            timeout=180,
        )
        pdf = Path(tmp) / "cv.pdf"
        if done.returncode != 0 or not pdf.exists():
            log = (Path(tmp) / "cv.log").read_text(encoding="utf-8", errors="replace")
            errors = [line for line in log.splitlines() if line.startswith("!")]
            raise RuntimeError(f"pdflatex failed for {path.name}: {'; '.join(errors[:3]) or 'see log'}")
        shutil.copyfile(pdf, path)


def _unavailable() -> str | None:
    if not shutil.which(PDFLATEX):
        return "pdflatex is not installed (run scripts/setup_layouts.sh: texlive-latex-extra)"
    kpsewhich = shutil.which("kpsewhich")
    if kpsewhich:
        for needed in ("moderncv.cls", "lmodern.sty"):
            found = subprocess.run([kpsewhich, needed], capture_output=True, text=True).stdout.strip()
            if not found:
                return f"{needed} is not installed (run scripts/setup_layouts.sh)"
    return None


def _renderer(style: str, color: str) -> Callable[[list[tuple[Resume, Path]]], None]:
    def render(items: list[tuple[Resume, Path]]) -> None:
        def one(item: tuple[Resume, Path]) -> None:
            try:
                compile_pdf(moderncv_source(item[0], style, color), item[1])
            except (RuntimeError, subprocess.TimeoutExpired) as error:
                # Reported by the caller as a document that failed to render.
                print(error, file=sys.stderr)

        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(one, items))

    return render


def _family(name: str, style: str, color: str, view: View, traits: str) -> Family:
    return Family(
        name=name,
        kind="latex",
        ext="pdf",
        traits=traits,
        project=lambda resume: _printable_resume(project(resume, view)),
        render=_renderer(style, color),
        unavailable=_unavailable,
    )


FAMILIES = [
    _family(
        "latex_moderncv_classic",
        "classic",
        "blue",
        View(),
        "moderncv classic (pdflatex): 'Mon YYYY – Present' dates in a LEFT column, 'Position, Company, "
        "Location' to the right, contact right of the name with letter labels, justified hyphenated text",
    ),
    _family(
        "latex_moderncv_banking",
        "banking",
        "black",
        View(dates="year"),
        "moderncv banking (pdflatex): centred name and one-line contact, company (institution) first in bold "
        "with the location right, position (degree) below in italics with years right-aligned",
    ),
]
