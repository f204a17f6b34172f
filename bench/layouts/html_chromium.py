"""HTML/CSS templates printed to PDF by headless Chromium (Playwright driving /usr/bin/chromium).

Six templates, each a coherent resume design that mixes the traits real resumes have:
sidebars left and right at different widths (one printed after the main column in the text
layer), dates in a left column or right-aligned on the title line, icon contact rows
(private-use code points of OpenSymbol, inline SVG), small-caps and letter-spaced headings,
dateless entries, two-line entry headers in both orders, degree-first and institution-first
education, "Category: a, b, c" skills lines and sidebar word lists. A seventh is a functional
resume: achievements under skill headings, then a work history of one-line jobs.
"""

from __future__ import annotations

import html
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.layouts.base import (
    Family,
    Resume,
    View,
    clean,
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

CHROMIUM = os.environ.get("LAYOUTS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--font-render-hinting=none",
]

# Private-use code points of OpenSymbol (LibreOffice's symbol font) used as contact icons, the
# way icon fonts such as Font Awesome put their glyphs in the private-use area.
PUA_ICONS = {"email": "\ue0a0", "phone": "\ue0a1", "url": "\ue0b0", "location": "\ue0b1", "profile": "\ue0b2"}

# Inline SVG icons (no text in the text layer).
SVG_ICONS = {
    "email": '<path d="M1 3h14v10H1z M1 3l7 6 7-6" fill="none" stroke="currentColor" stroke-width="1.4"/>',
    "phone": '<path d="M4 1h3l1 4-2 1a9 9 0 0 0 4 4l1-2 4 1v3a2 2 0 0 1-2 2A12 12 0 0 1 2 3a2 2 0 0 1 2-2z" '
    'fill="currentColor"/>',
    "url": '<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.4"/>'
    '<path d="M1.5 8h13M8 1.5c3 3 3 10 0 13M8 1.5c-3 3-3 10 0 13" fill="none" stroke="currentColor"/>',
    "location": '<path d="M8 1a5 5 0 0 1 5 5c0 4-5 9-5 9S3 10 3 6a5 5 0 0 1 5-5z" fill="currentColor"/>'
    '<circle cx="8" cy="6" r="2" fill="#fff"/>',
    "profile": '<rect x="1" y="1" width="14" height="14" rx="3" fill="currentColor"/>'
    '<path d="M4 6v6M4 4v.5M7 12V6m0 2.5c0-3 5-3 5 0V12" stroke="#fff" stroke-width="1.6"/>',
}


def e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def svg(kind: str) -> str:
    return f'<svg class="ico" viewBox="0 0 16 16" width="11" height="11" aria-hidden="true">{SVG_ICONS[kind]}</svg>'


def contact_items(basics: dict[str, Any]) -> list[tuple[str, str]]:
    items = []
    for key in ("email", "phone", "url"):
        if basics.get(key):
            items.append((key, basics[key]))
    if fmt_location(basics.get("location")):
        items.append(("location", fmt_location(basics["location"])))
    for profile in basics.get("profiles") or []:
        items.append(("profile", fmt_profile(profile)))
    return items


def ul(items: list[str], cls: str = "") -> str:
    if not items:
        return ""
    attr = f' class="{cls}"' if cls else ""
    return f"<ul{attr}>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>"


def paras(text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "".join(f"<p{attr}>{e(p)}</p>" for p in paragraphs(text))


def skills_lines(skills: list[dict[str, Any]]) -> str:
    """'Category: a, b, c' lines; skills without keywords as a comma list; long keywords as a list."""
    out = []
    loose = [s["name"] for s in skills if not s.get("keywords")]
    for skill in skills:
        words = skill.get("keywords")
        if not words:
            continue
        name = skill.get("name")
        if inline_list(words):
            label = f"<b>{e(name)}:</b> " if name else ""
            out.append(f'<p class="skill">{label}{e(", ".join(words))}</p>')
        else:
            out.append((f'<p class="skill"><b>{e(name)}</b></p>' if name else "") + ul(words))
    if loose:
        if inline_list(loose):
            out.append(f'<p class="skill">{e(", ".join(loose))}</p>')
        else:
            out.append(ul(loose))
    return "".join(out)


def skills_words(skills: list[dict[str, Any]]) -> str:
    """A sidebar list: a bold category name, then one word per line."""
    out = []
    for skill in skills:
        if skill.get("keywords"):
            if skill.get("name"):
                out.append(f'<p class="cat">{e(skill["name"])}</p>')
            out.append("".join(f'<p class="word">{e(k)}</p>' for k in skill["keywords"]))
        else:
            out.append(f'<p class="word">{e(skill["name"])}</p>')
    return "".join(out)


def simple_list(entries: list[dict[str, Any]], title: str, sub: str, style: str) -> str:
    """Certificates / awards: bold title, then 'awarder' and date."""
    out = []
    for entry in entries:
        bits = [e(entry[sub])] if entry.get(sub) else []
        if entry.get("date"):
            bits.append(e(fmt_date(entry["date"], style)))
        rest = f'<br><span class="meta">{", ".join(bits)}</span>' if bits else ""
        out.append(f'<p class="item"><b>{e(entry.get(title, ""))}</b>{rest}</p>')
    return "".join(out)


def languages(entries: list[dict[str, Any]]) -> str:
    return "".join(
        f'<p class="item">{e(x.get("language", ""))}'
        + (f' <span class="meta">({e(x["fluency"])})</span>' if x.get("fluency") else "")
        + "</p>"
        for x in entries
    )


def document(css: str, body: str, title: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title>'
        f"<style>@page {{ size: A4; margin: 0; }} * {{ box-sizing: border-box; }} "
        f"body {{ margin: 0; }} p {{ margin: 0; }} ul {{ margin: 2px 0 0 0; padding-left: 16px; }} "
        f"li, p {{ break-inside: avoid; }}"
        f"{css}</style></head><body>{body}</body></html>"
    )


# --- A: left sidebar, position first, dates right ------------------------------------------

VIEW_A = View()


def page_sidebar_left(t: Resume) -> str:
    b = t["basics"]
    side = []
    contact = contact_items(b)
    if contact:
        side.append("<h2>Contact</h2>" + "".join(f'<p class="c">{e(v)}</p>' for _, v in contact))
    if t.get("skills"):
        side.append("<h2>Skills</h2>" + skills_words(t["skills"]))
    if t.get("education"):
        items = []
        for ed in t["education"]:
            s = f'<div class="ed"><p><b>{e(fmt_degree(ed))}</b></p>' if fmt_degree(ed) else '<div class="ed">'
            s += f"<p>{e(ed['institution'])}</p>" if ed.get("institution") else ""
            s += f'<p class="meta">{e(fmt_range(ed))}</p>' if fmt_range(ed) else ""
            s += f'<p class="meta">{e(ed["location"])}</p>' if ed.get("location") else ""
            s += f'<p class="meta">{e(fmt_score(ed["score"]))}</p>' if ed.get("score") else ""
            items.append(s + "</div>")
        side.append("<h2>Education</h2>" + "".join(items))
    if t.get("languages"):
        side.append("<h2>Languages</h2>" + languages(t["languages"]))
    main = [f"<h1>{e(b.get('name', ''))}</h1>"]
    if b.get("label"):
        main.append(f'<p class="label">{e(b["label"])}</p>')
    if b.get("summary"):
        main.append("<h2>Profile</h2>" + paras(b["summary"]))
    if t.get("work"):
        jobs = []
        for w in t["work"]:
            dates = f'<span class="dates">{e(fmt_range(w))}</span>' if fmt_range(w) else ""
            sub = ", ".join(x for x in (w.get("name"), w.get("location")) if x)
            jobs.append(
                f'<div class="job"><p class="t">{dates}<b>{e(w.get("position", ""))}</b></p>'
                + (f'<p class="co">{e(sub)}</p>' if sub else "")
                + ul(w.get("highlights", []))
                + "</div>"
            )
        main.append("<h2>Experience</h2>" + "".join(jobs))
    if t.get("projects"):
        items = []
        for p in t["projects"]:
            dates = f'<span class="dates">{e(fmt_range(p))}</span>' if fmt_range(p) else ""
            items.append(
                f'<div class="job"><p class="t">{dates}<b>{e(p.get("name", ""))}</b></p>'
                + paras(p.get("description", ""))
                + ul(p.get("highlights", []))
                + "</div>"
            )
        main.append("<h2>Projects</h2>" + "".join(items))
    if t.get("certificates"):
        main.append("<h2>Certificates</h2>" + simple_list(t["certificates"], "name", "issuer", "mon"))
    if t.get("awards"):
        main.append("<h2>Awards</h2>" + simple_list(t["awards"], "title", "awarder", "mon"))
    css = """
    body { font-family: 'DejaVu Sans'; font-size: 9pt; color: #222; }
    .wrap { display: flex; min-height: 297mm; }
    .side { width: 27%; background: #24405a; color: #f2f2f2; padding: 14mm 5mm 10mm 7mm; }
    .main { width: 73%; padding: 14mm 10mm 10mm 8mm; }
    h1 { font-size: 22pt; margin: 0; color: #24405a; }
    .label { font-size: 11pt; color: #555; margin-bottom: 4mm; }
    h2 { font-size: 10.5pt; text-transform: uppercase; border-bottom: 1px solid #999; margin: 5mm 0 2mm; }
    .side h2 { border-color: #8aa; }
    .c, .word { margin-bottom: 1mm; overflow-wrap: anywhere; }
    .cat { font-weight: bold; margin-top: 2mm; }
    .ed { margin-bottom: 2.5mm; } .meta { color: #666; } .side .meta { color: #cdd; }
    .job { margin-bottom: 3mm; break-inside: avoid; } .dates { float: right; color: #444; }
    .co { font-style: italic; } .item { margin-bottom: 1.5mm; }
    """
    body = f'<div class="wrap"><div class="side">{"".join(side)}</div><div class="main">{"".join(main)}</div></div>'
    return document(css, body, b.get("name", ""))


# --- B: right sidebar, company first, SVG icons, numeric dates -------------------------------

VIEW_B = View()


def page_sidebar_right(t: Resume) -> str:
    b = t["basics"]
    head = f"<h1>{e(b.get('name', ''))}</h1>" + (f'<p class="label">{e(b["label"])}</p>' if b.get("label") else "")
    main = []
    if b.get("summary"):
        main.append("<h2>Summary</h2>" + paras(b["summary"]))
    if t.get("work"):
        jobs = []
        for w in t["work"]:
            loc = f'<span class="r">{e(w["location"])}</span>' if w.get("location") else ""
            dates = f'<span class="r">{e(fmt_range(w, "num"))}</span>' if fmt_range(w) else ""
            line1 = f'<p class="t">{loc}<b>{e(w.get("name", ""))}</b></p>' if w.get("name") or loc else ""
            line2 = f'<p class="p">{dates}<i>{e(w.get("position", ""))}</i></p>' if w.get("position") or dates else ""
            jobs.append(f'<div class="job">{line1}{line2}{ul(w.get("highlights", []))}</div>')
        main.append("<h2>Work Experience</h2>" + "".join(jobs))
    if t.get("projects"):
        items = []
        for p in t["projects"]:
            dates = f'<span class="r">{e(fmt_range(p, "num"))}</span>' if fmt_range(p) else ""
            items.append(
                f'<div class="job"><p class="t">{dates}<b>{e(p.get("name", ""))}</b></p>'
                + paras(p.get("description", ""))
                + ul(p.get("highlights", []))
                + "</div>"
            )
        main.append("<h2>Projects</h2>" + "".join(items))
    side = []
    contact = contact_items(b)
    if contact:
        side.append(
            "<h2>Contact</h2>" + "".join(f'<p class="c">{svg(kind)} <span>{e(v)}</span></p>' for kind, v in contact)
        )
    if t.get("education"):
        items = []
        for ed in t["education"]:
            s = '<div class="ed">'
            s += f"<p><b>{e(ed['institution'])}</b></p>" if ed.get("institution") else ""
            s += f"<p>{e(fmt_degree(ed))}</p>" if fmt_degree(ed) else ""
            bits = [x for x in (fmt_range(ed, "num"), ed.get("location")) if x]
            s += f'<p class="meta">{e(" | ".join(bits))}</p>' if bits else ""
            s += f'<p class="meta">{e(fmt_score(ed["score"]))}</p>' if ed.get("score") else ""
            items.append(s + "</div>")
        side.append("<h2>Education</h2>" + "".join(items))
    if t.get("skills"):
        side.append("<h2>Skills</h2>" + skills_lines(t["skills"]))
    if t.get("certificates"):
        side.append("<h2>Certifications</h2>" + simple_list(t["certificates"], "name", "issuer", "num"))
    if t.get("awards"):
        side.append("<h2>Awards</h2>" + simple_list(t["awards"], "title", "awarder", "num"))
    if t.get("languages"):
        side.append("<h2>Languages</h2>" + languages(t["languages"]))
    css = """
    body { font-family: 'Liberation Sans'; font-size: 9.5pt; color: #1d1d1d; }
    header { padding: 12mm 12mm 4mm; border-bottom: 3px solid #b5563a; }
    h1 { font-size: 24pt; margin: 0; letter-spacing: 0.5px; } .label { font-size: 12pt; color: #b5563a; }
    .grid { display: grid; grid-template-columns: 62% 38%; }
    .main { padding: 4mm 6mm 10mm 12mm; } .side { padding: 4mm 10mm 10mm 6mm; background: #f4efe9; }
    h2 { font-size: 11pt; color: #b5563a; margin: 4mm 0 2mm; }
    .job { margin-bottom: 3mm; } .r { float: right; color: #555; } .p { color: #333; }
    .c { margin-bottom: 1.2mm; overflow-wrap: anywhere; } .ico { vertical-align: -1px; color: #b5563a; }
    .ed { margin-bottom: 2.5mm; } .meta { color: #666; font-size: 8.5pt; } .skill { margin-bottom: 1.2mm; }
    .item { margin-bottom: 1.5mm; }
    """
    body = (
        f'<header>{head}</header><div class="grid"><div class="main">{"".join(main)}</div>'
        f'<div class="side">{"".join(side)}</div></div>'
    )
    return document(css, body, b.get("name", ""))


# --- C: dates in a left column, small caps, years only ---------------------------------------

VIEW_C = View(dates="year")


def row(left: str, right: str) -> str:
    return f'<div class="row"><div class="l">{left}</div><div class="rt">{right}</div></div>'


def page_dates_left(t: Resume) -> str:
    b = t["basics"]
    out = [f"<h1>{e(b.get('name', ''))}</h1>"]
    if b.get("label"):
        out.append(f'<p class="label">{e(b["label"])}</p>')
    contact = [v for k, v in contact_items(b) if k != "profile"]
    if contact:
        out.append(f'<p class="contact">{" | ".join(e(v) for v in contact)}</p>')
    profiles = [fmt_profile(p) for p in b.get("profiles") or []]
    if profiles:
        out.append(f'<p class="contact">{" | ".join(e(v) for v in profiles)}</p>')
    if b.get("summary"):
        out.append("<h2>Summary</h2>" + paras(b["summary"]))
    if t.get("work"):
        out.append("<h2>Professional Experience</h2>")
        for w in t["work"]:
            parts = []
            if w.get("position"):
                parts.append(f"<b>{e(w['position'])}</b>")
            if w.get("name"):
                parts.append(f"<i>{e(w['name'])}</i>")
            if w.get("location"):
                parts.append(e(w["location"]))
            out.append(row(e(fmt_range(w, sep="–")), ", ".join(parts) + ul(w.get("highlights", []), "dash")))
    if t.get("education"):
        out.append("<h2>Education</h2>")
        for ed in t["education"]:
            right = f"<b>{e(ed['institution'])}</b>" if ed.get("institution") else ""
            right += f", {e(ed['location'])}" if ed.get("location") else ""
            right += f"<br>{e(fmt_degree(ed))}" if fmt_degree(ed) else ""
            right += f"<br>{e(fmt_score(ed['score']))}" if ed.get("score") else ""
            out.append(row(e(fmt_range(ed, sep="–")), right))
    if t.get("projects"):
        out.append("<h2>Projects</h2>")
        for p in t["projects"]:
            right = (
                f"<b>{e(p.get('name', ''))}</b>" + paras(p.get("description", "")) + ul(p.get("highlights", []), "dash")
            )
            out.append(row(e(fmt_range(p, sep="–")), right))
    if t.get("skills"):
        out.append("<h2>Skills</h2>")
        loose = [s["name"] for s in t["skills"] if not s.get("keywords")]
        for s in t["skills"]:
            if s.get("keywords"):
                words = e(", ".join(s["keywords"])) if inline_list(s["keywords"]) else ul(s["keywords"], "dash")
                out.append(row(e(s.get("name", "")), words))
        if loose:
            out.append(row("", e(", ".join(loose)) if inline_list(loose) else ul(loose, "dash")))
    if t.get("certificates"):
        out.append("<h2>Certificates</h2>")
        for c in t["certificates"]:
            right = f"<b>{e(c.get('name', ''))}</b>" + (f", {e(c['issuer'])}" if c.get("issuer") else "")
            out.append(row(e(c.get("date", "")), right))
    if t.get("awards"):
        out.append("<h2>Honours and Awards</h2>")
        for a in t["awards"]:
            right = f"<b>{e(a.get('title', ''))}</b>" + (f", {e(a['awarder'])}" if a.get("awarder") else "")
            out.append(row(e(a.get("date", "")), right))
    if t.get("languages"):
        out.append("<h2>Languages</h2>")
        for x in t["languages"]:
            out.append(row(e(x.get("language", "")), e(x.get("fluency", ""))))
    css = """
    body { font-family: 'Liberation Serif'; font-size: 10.5pt; color: #111; padding: 16mm 18mm; }
    h1 { font-size: 24pt; font-weight: normal; font-variant: small-caps; margin: 0; }
    .label { font-size: 12pt; font-style: italic; } .contact { font-size: 9.5pt; color: #333; }
    h2 { font-variant: small-caps; font-size: 13pt; font-weight: normal; color: #3a5f8a;
         border-bottom: 0.5px solid #3a5f8a; margin: 5mm 0 2mm; }
    .row { display: flex; margin-bottom: 2mm; break-inside: avoid; }
    .l { width: 22%; flex: none; padding-right: 4mm; text-align: right; color: #3a5f8a; }
    .rt { width: 78%; } ul.dash { list-style: none; padding-left: 12px; }
    ul.dash li::before { content: "– "; margin-left: -12px; }
    """
    return document(css, "".join(out), b.get("name", ""))


# --- D: icon row (private-use glyphs), letter-spaced headings, dates right on the title line ---

VIEW_D = View()


def spaced(word: str) -> str:
    return "   ".join(" ".join(part.upper()) for part in word.split())


def page_icons_spaced(t: Resume) -> str:
    b = t["basics"]
    out = [f"<h1>{e(b.get('name', ''))}</h1>"]
    if b.get("label"):
        out.append(f'<p class="label">{e(b["label"])}</p>')
    contact = contact_items(b)
    if contact:
        out.append(
            '<p class="icons">'
            + "".join(f'<span class="ci"><span class="pua">{PUA_ICONS[k]}</span> {e(v)}</span>' for k, v in contact)
            + "</p>"
        )
    if b.get("summary"):
        out.append(f"<h2>{spaced('Profile')}</h2>" + paras(b["summary"]))
    if t.get("work"):
        out.append(f"<h2>{spaced('Experience')}</h2>")
        for w in t["work"]:
            title = " — ".join(e(x) for x in (w.get("position"), w.get("name")) if x)
            dates = f'<span class="r">{e(fmt_range(w, "month"))}</span>' if fmt_range(w) else ""
            loc = f'<p class="loc">{e(w["location"])}</p>' if w.get("location") else ""
            out.append(
                f'<div class="job"><p class="t">{dates}<b>{title}</b></p>{loc}{ul(w.get("highlights", []))}</div>'
            )
    if t.get("projects"):
        out.append(f"<h2>{spaced('Projects')}</h2>")
        for p in t["projects"]:
            dates = f'<span class="r">{e(fmt_range(p, "month"))}</span>' if fmt_range(p) else ""
            out.append(
                f'<div class="job"><p class="t">{dates}<b>{e(p.get("name", ""))}</b></p>'
                + paras(p.get("description", ""))
                + ul(p.get("highlights", []))
                + "</div>"
            )
    if t.get("education"):
        out.append(f"<h2>{spaced('Education')}</h2>")
        for ed in t["education"]:
            line = ", ".join(e(x) for x in (fmt_degree(ed), ed.get("institution")) if x)
            dates = f'<span class="r">{e(fmt_range(ed, "month"))}</span>' if fmt_range(ed) else ""
            extra = [x for x in (ed.get("location"), fmt_score(ed["score"]) if ed.get("score") else "") if x]
            out.append(
                f'<div class="job"><p class="t">{dates}<b>{line}</b></p>'
                + (f'<p class="loc">{e(" · ".join(extra))}</p>' if extra else "")
                + "</div>"
            )
    if t.get("skills"):
        out.append(f"<h2>{spaced('Skills')}</h2>" + skills_lines(t["skills"]))
    if t.get("certificates"):
        out.append(f"<h2>{spaced('Certifications')}</h2>" + simple_list(t["certificates"], "name", "issuer", "month"))
    if t.get("awards"):
        out.append(f"<h2>{spaced('Awards')}</h2>" + simple_list(t["awards"], "title", "awarder", "month"))
    if t.get("languages"):
        out.append(f"<h2>{spaced('Languages')}</h2>" + languages(t["languages"]))
    css = """
    @font-face { font-family: 'Icons'; src: local('OpenSymbol'); }
    body { font-family: 'Liberation Sans'; font-size: 9.8pt; color: #222; padding: 14mm 16mm; }
    h1 { font-size: 26pt; text-align: center; margin: 0; font-weight: normal; }
    .label { text-align: center; font-size: 11pt; color: #666; }
    .icons { text-align: center; margin-top: 2mm; font-size: 9pt; }
    .ci { display: inline-block; margin: 0 3mm; } .pua { font-family: 'Icons', 'OpenSymbol'; color: #2c7a7b; }
    h2 { font-size: 10.5pt; font-weight: bold; margin: 5mm 0 2mm; color: #2c7a7b; }
    .job { margin-bottom: 3mm; } .r { float: right; } .loc { color: #666; font-size: 9pt; }
    .skill, .item { margin-bottom: 1.2mm; }
    """
    return document(css, "".join(out), b.get("name", ""))


# --- E: no dates anywhere, company | position, degree-first one line --------------------------

VIEW_E = View(dates="none")


def page_dateless(t: Resume) -> str:
    b = t["basics"]
    out = [f"<h1>{e(b.get('name', ''))}</h1>"]
    if b.get("label"):
        out.append(f'<p class="label">{e(b["label"])}</p>')
    contact = contact_items(b)
    if contact:
        out.append('<p class="contact">' + "<br>".join(e(v) for _, v in contact) + "</p>")
    if b.get("summary"):
        out.append("<h2>About</h2>" + paras(b["summary"]))
    if t.get("skills"):
        out.append("<h2>Core Skills</h2>" + skills_lines(t["skills"]))
    if t.get("work"):
        out.append("<h2>Experience</h2>")
        for w in t["work"]:
            title = " | ".join(
                x for x in (f"<b>{e(w['name'])}</b>" if w.get("name") else "", e(w.get("position", ""))) if x
            )
            loc = f'<span class="r">{e(w["location"])}</span>' if w.get("location") else ""
            out.append(f'<div class="job"><p class="t">{loc}{title}</p>{ul(w.get("highlights", []))}</div>')
    if t.get("projects"):
        out.append("<h2>Projects</h2>")
        for p in t["projects"]:
            out.append(
                f'<div class="job"><p class="t"><b>{e(p.get("name", ""))}</b></p>'
                + paras(p.get("description", ""))
                + ul(p.get("highlights", []))
                + "</div>"
            )
    if t.get("education"):
        out.append("<h2>Education</h2>")
        for ed in t["education"]:
            line = ", ".join(e(x) for x in (fmt_degree(ed), ed.get("institution"), ed.get("location")) if x)
            score = f" ({e(fmt_score(ed['score']))})" if ed.get("score") else ""
            out.append(f'<p class="item">{line}{score}</p>')
    if t.get("certificates"):
        out.append("<h2>Certificates</h2>")
        out.append(ul([", ".join(x for x in (c.get("name"), c.get("issuer")) if x) for c in t["certificates"]]))
    if t.get("awards"):
        out.append("<h2>Awards</h2>")
        out.append(ul([", ".join(x for x in (a.get("title"), a.get("awarder")) if x) for a in t["awards"]]))
    if t.get("languages"):
        out.append("<h2>Languages</h2>" + languages(t["languages"]))
    css = """
    body { font-family: 'DejaVu Sans'; font-size: 9pt; color: #222; padding: 15mm 17mm; }
    h1 { font-size: 20pt; margin: 0; } .label { font-size: 11pt; color: #7a4b94; }
    .contact { position: absolute; top: 15mm; right: 17mm; text-align: right; font-size: 8.5pt; }
    h2 { font-size: 9.5pt; text-transform: uppercase; letter-spacing: 0.4em; margin: 6mm 0 2mm; color: #7a4b94; }
    .job { margin-bottom: 3mm; } .r { float: right; color: #666; } .item, .skill { margin-bottom: 1.2mm; }
    """
    return document(css, "".join(out), b.get("name", ""))


# --- F: banner header, left sidebar printed after the main column, ISO dates -------------------

VIEW_F = View()


def page_banner_grid(t: Resume) -> str:
    b = t["basics"]
    contact = " · ".join(e(v) for _, v in contact_items(b))
    head = (
        f"<header><h1>{e(b.get('name', ''))}</h1>"
        + (f'<p class="label">{e(b["label"])}</p>' if b.get("label") else "")
        + (f'<p class="contact">{contact}</p>' if contact else "")
        + "</header>"
    )
    main = []
    if b.get("summary"):
        main.append("<h2>Summary</h2>" + paras(b["summary"]))
    if t.get("work"):
        main.append("<h2>Employment History</h2>")
        for w in t["work"]:
            title = " | ".join(
                x for x in (f"<b>{e(w['position'])}</b>" if w.get("position") else "", e(w.get("name", ""))) if x
            )
            meta = " · ".join(e(x) for x in (fmt_range(w, "iso", " to "), w.get("location")) if x)
            main.append(
                f'<div class="job"><p class="t">{title}</p>'
                + (f'<p class="meta">{meta}</p>' if meta else "")
                + ul(w.get("highlights", []))
                + "</div>"
            )
    if t.get("projects"):
        main.append("<h2>Projects</h2>")
        for p in t["projects"]:
            meta = e(fmt_range(p, "iso", " to "))
            main.append(
                f'<div class="job"><p class="t"><b>{e(p.get("name", ""))}</b></p>'
                + (f'<p class="meta">{meta}</p>' if meta else "")
                + paras(p.get("description", ""))
                + ul(p.get("highlights", []))
                + "</div>"
            )
    side = []
    if t.get("skills"):
        side.append("<h2>Skills</h2>" + skills_lines(t["skills"]))
    if t.get("education"):
        side.append("<h2>Education</h2>")
        for ed in t["education"]:
            s = '<div class="ed">'
            s += f"<p><b>{e(ed['institution'])}</b></p>" if ed.get("institution") else ""
            s += f"<p>{e(fmt_degree(ed))}</p>" if fmt_degree(ed) else ""
            meta = " · ".join(e(x) for x in (fmt_range(ed, "iso", " to "), ed.get("location")) if x)
            s += f'<p class="meta">{meta}</p>' if meta else ""
            s += f'<p class="meta">{e(fmt_score(ed["score"]))}</p>' if ed.get("score") else ""
            side.append(s + "</div>")
    if t.get("certificates"):
        side.append("<h2>Certificates</h2>" + simple_list(t["certificates"], "name", "issuer", "iso"))
    if t.get("awards"):
        side.append("<h2>Awards</h2>" + simple_list(t["awards"], "title", "awarder", "iso"))
    if t.get("languages"):
        side.append("<h2>Languages</h2>" + languages(t["languages"]))
    css = """
    body { font-family: 'Liberation Serif'; font-size: 10pt; color: #222; }
    header { background: #2f4f3a; color: #fff; padding: 10mm 14mm 6mm; }
    h1 { font-family: 'Liberation Sans'; font-size: 22pt; margin: 0; }
    .label { font-size: 12pt; } .contact { font-size: 9pt; margin-top: 2mm; }
    .grid { display: grid; grid-template-columns: 34% 66%; grid-template-areas: "side main"; }
    .main { grid-area: main; padding: 2mm 14mm 10mm 6mm; } .side { grid-area: side; padding: 2mm 5mm 10mm 14mm; }
    h2 { font-family: 'Liberation Sans'; font-size: 11pt; color: #2f4f3a; margin: 5mm 0 2mm;
         border-bottom: 2px solid #c9d8cc; }
    .job { margin-bottom: 3mm; } .meta { color: #666; font-size: 9pt; } .ed { margin-bottom: 2.5mm; }
    .skill, .item { margin-bottom: 1.2mm; }
    """
    # The sidebar comes AFTER the main column in the document (and the PDF text layer) but is
    # shown on the left.
    body = (
        f'{head}<div class="grid"><div class="main">{"".join(main)}</div><div class="side">{"".join(side)}</div></div>'
    )
    return document(css, body, b.get("name", ""))


# --- rendering -------------------------------------------------------------------------------


# --- G: academic CV, section names in a left label column beside each section's first line ---

VIEW_G = View()


def labelled_section(label: str, body: str) -> str:
    return f'<div class="sec"><div class="lab">{e(label.upper())}</div><div class="body">{body}</div></div>'


def title_line(main: str, dates: str) -> str:
    right = f'<span class="dt">{e(dates)}</span>' if dates else ""
    return f'<div class="tl"><span>{main}</span>{right}</div>'


def page_label_column(t: Resume) -> str:
    b = t["basics"]
    out = [f"<h1>{e(b.get('name', ''))}</h1>"]
    if b.get("label"):
        out.append(f'<p class="contact"><i>{e(b["label"])}</i></p>')
    contact = [v for k, v in contact_items(b) if k != "profile"]
    contact += [fmt_profile(p) for p in b.get("profiles") or []]
    if contact:
        out.append(f'<p class="contact">{" · ".join(e(v) for v in contact)}</p>')
    if b.get("summary"):
        out.append(labelled_section("Profile", paras(b["summary"])))
    if t.get("education"):
        body = ""
        for ed in t["education"]:
            place = ", ".join(x for x in (ed.get("institution", ""), ed.get("location", "")) if x)
            body += title_line(f"<b>{e(place)}</b>", fmt_range(ed, "mon"))
            body += f"<div>{e(fmt_degree(ed))}</div>" if fmt_degree(ed) else ""
            body += f"<div>{e(fmt_score(ed['score']))}</div>" if ed.get("score") else ""
        out.append(labelled_section("Education", body))
    if t.get("work"):
        body = ""
        for w in t["work"]:
            main = ", ".join(
                x
                for x in (
                    f"<b>{e(w.get('position', ''))}</b>" if w.get("position") else "",
                    f"<i>{e(w.get('name', ''))}</i>" if w.get("name") else "",
                )
                if x
            )
            body += title_line(main, fmt_range(w, "mon"))
            body += f"<div>{e(w['location'])}</div>" if w.get("location") else ""
            body += ul(w.get("highlights", []), "sq")
        out.append(labelled_section("Professional Experience", body))
    if t.get("projects"):
        body = ""
        for pr in t["projects"]:
            body += title_line(f"<b>{e(pr.get('name', ''))}</b>", fmt_range(pr, "mon"))
            body += paras(pr.get("description", "")) + ul(pr.get("highlights", []), "sq")
        out.append(labelled_section("Selected Projects", body))
    if t.get("awards"):
        body = "".join(
            title_line(
                f"<b>{e(a.get('title', ''))}</b>" + (f", {e(a['awarder'])}" if a.get("awarder") else ""),
                fmt_date(a["date"], "mon") if a.get("date") else "",
            )
            for a in t["awards"]
        )
        out.append(labelled_section("Honours and Awards", body))
    if t.get("certificates"):
        body = "".join(
            title_line(
                f"<b>{e(c.get('name', ''))}</b>" + (f", {e(c['issuer'])}" if c.get("issuer") else ""),
                fmt_date(c["date"], "mon") if c.get("date") else "",
            )
            for c in t["certificates"]
        )
        out.append(labelled_section("Certifications", body))
    if t.get("skills"):
        out.append(labelled_section("Technical Skills", skills_lines(t["skills"])))
    if t.get("languages"):
        out.append(labelled_section("Languages", languages(t["languages"])))
    css = """
    body { font-family: 'Liberation Serif'; font-size: 10.5pt; color: #111; padding: 16mm 16mm; }
    h1 { font-size: 22pt; margin: 0 0 1mm; text-align: center; } .contact { text-align: center; font-size: 9.5pt; }
    .sec { display: flex; margin-top: 5mm; } .lab { width: 32mm; flex: none; padding-right: 4mm;
           font-weight: bold; font-size: 8.5pt; letter-spacing: 0.3pt; line-height: 1.35; }
    .body { flex: 1; } .tl { display: flex; justify-content: space-between; break-inside: avoid; }
    .dt { white-space: nowrap; padding-left: 4mm; } ul.sq { list-style: square; margin: 1mm 0 2mm; padding-left: 14px; }
    p { margin: 0 0 1.5mm; } li { break-inside: avoid; }
    """
    return document(css, "".join(out), b.get("name", ""))


# --- H: functional resume: achievements under skill headings, a bullet-less work history ------

VIEW_H = View(sections=("work", "education", "skills", "certificates", "awards", "languages"), dates="year")
# Headings of the achievement groups, as functional resumes name them: some name a section
# kind ("Leadership" reads as experience, "Expertise" as skills), some none.
FUNCTIONAL_HEADINGS = ("Leadership and Management", "Technical Expertise", "Communication", "Problem Solving")


def functional_headings(truth: Resume) -> tuple[str, ...]:
    """The group headings in an order that depends on the person, so that some documents
    open with a heading the heading words do not know ("Communication")."""
    turn = sum(map(ord, (truth.get("basics") or {}).get("name", ""))) % len(FUNCTIONAL_HEADINGS)
    return FUNCTIONAL_HEADINGS[turn:] + FUNCTIONAL_HEADINGS[:turn]


def project_functional(resume: Resume) -> Resume:
    """The truth of a functional layout: each job's achievements become a skill group (the
    corpus's convention: skills[] {name: heading, keywords: achievements}); jobs keep their
    names, place and years only. Jobs past the fourth add theirs to the last group."""
    truth = project(resume, VIEW_H)
    groups: list[list[str]] = []
    jobs = []
    for job in truth.get("work", []):
        achievements = job.pop("highlights", [])
        if achievements:
            if len(groups) < len(FUNCTIONAL_HEADINGS):
                groups.append(list(achievements))
            else:
                groups[-1].extend(achievements)
        if job.get("name") or job.get("position"):
            jobs.append(job)
    truth["work"] = jobs
    named = [
        {"name": heading, "keywords": items} for heading, items in zip(functional_headings(truth), groups, strict=False)
    ]
    truth["skills"] = named + truth.get("skills", [])
    return clean(truth)


def page_functional(t: Resume) -> str:
    b = t["basics"]
    out = [f"<h1>{e(b.get('name', ''))}</h1>"]
    if b.get("label"):
        out.append(f'<p class="center">{e(b["label"])}</p>')
    for _, value in contact_items(b):
        out.append(f'<p class="center">{e(value)}</p>')
    if b.get("summary"):
        out.append("<h2>Career Summary</h2>" + paras(b["summary"]))
    skills = t.get("skills", [])
    # The achievement groups come first, in functional_headings order (project_functional).
    groups = []
    for skill, heading in zip(skills, functional_headings(t), strict=False):
        if skill.get("name") != heading or not skill.get("keywords"):
            break
        groups.append(skill)
    for group in groups:
        out.append(f"<h2>{e(group['name'])}</h2>" + ul(group["keywords"]))
    if t.get("work"):
        out.append("<h2>Employment History</h2>")
        for w in t["work"]:
            line = ", ".join(e(x) for x in (w.get("position"), w.get("name"), w.get("location")) if x)
            out.append(f'<div class="row"><div class="l">{e(fmt_range(w, sep="-"))}</div><div>{line}</div></div>')
    if t.get("education"):
        out.append("<h2>Education</h2>")
        for ed in t["education"]:
            school = ", ".join(e(x) for x in (ed.get("institution"), ed.get("location")) if x)
            items = []
            if fmt_degree(ed):
                years = fmt_range(ed, sep="-")
                items.append(fmt_degree(ed) + (f" ({years})" if years else ""))
            elif fmt_range(ed, sep="-"):
                items.append(fmt_range(ed, sep="-"))
            if ed.get("score"):
                items.append(fmt_score(ed["score"]))
            out.append(f"<p>{school}</p>" + ul(items))
    rest = skills[len(groups) :]
    if rest:
        out.append("<h2>Skills</h2>" + skills_lines(rest))
    if t.get("certificates"):
        out.append("<h2>Certifications</h2>" + simple_list(t["certificates"], "name", "issuer", "mon"))
    if t.get("awards"):
        out.append("<h2>Awards</h2>" + simple_list(t["awards"], "title", "awarder", "mon"))
    if t.get("languages"):
        out.append("<h2>Languages</h2>" + languages(t["languages"]))
    css = """
    body { font-family: 'Liberation Serif'; font-size: 11pt; color: #000; padding: 18mm 20mm; }
    h1 { font-size: 14pt; text-align: center; margin: 0; } .center { text-align: center; }
    h2 { font-size: 13pt; margin: 6mm 0 2mm; } ul { padding-left: 22px; }
    .row { display: flex; } .l { width: 27mm; flex: none; } .skill, .item { margin-bottom: 1mm; }
    """
    return document(css, "".join(out), b.get("name", ""))


def _unavailable() -> str | None:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        return f"Chromium was not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright (Python) is not installed in this environment"
    return None


def _renderer(page_fn: Callable[[Resume], str]) -> Callable[[list[tuple[Resume, Path]]], None]:
    def render(items: list[tuple[Resume, Path]]) -> None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.emulate_media(media="print")
                for truth, path in items:
                    page.set_content(page_fn(truth), wait_until="load")
                    page.evaluate("document.fonts.ready")
                    data = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
                    path.write_bytes(data)
            finally:
                browser.close()

    return render


def _family(
    name: str, view: View, page_fn: Callable[[Resume], str], traits: str, projection: Callable | None = None
) -> Family:
    return Family(
        name=name,
        kind="html",
        ext="pdf",
        traits=traits,
        project=projection or (lambda resume: project(resume, view)),
        render=_renderer(page_fn),
        unavailable=_unavailable,
    )


FAMILIES = [
    _family(
        "html_label_column",
        VIEW_G,
        page_label_column,
        "academic CV: section names in capitals in a narrow left column on the baseline of the section's "
        "first line (long names wrap), dates right-aligned on the title line, square bullets",
    ),
    _family(
        "html_sidebar_left",
        VIEW_A,
        page_sidebar_left,
        "narrow left sidebar (27%) with contact, skills as one word per line, degree-first education, "
        "languages; position then company on two lines, dates right-aligned on the title line",
    ),
    _family(
        "html_sidebar_right",
        VIEW_B,
        page_sidebar_right,
        "right sidebar (38%) with SVG-icon contact, institution-first education, 'Category: a, b' skills; "
        "company then position on two lines, MM/YYYY dates right-aligned",
    ),
    _family(
        "html_dates_left",
        VIEW_C,
        page_dates_left,
        "one column, years in a left date column, small-caps headings, 'Position, Company, Location' "
        "on one line, dash bullets, institution-first education, skills as label column",
    ),
    _family(
        "html_icons_spaced",
        VIEW_D,
        page_icons_spaced,
        "centred header with private-use icon glyphs (OpenSymbol) before each contact value, letter-spaced "
        "headings typed as 'E X P E R I E N C E', 'Position — Company' with full month dates right-aligned, "
        "degree-first one-line education",
    ),
    _family(
        "html_dateless",
        VIEW_E,
        page_dateless,
        "no dates anywhere, 'Company | Position' lines with location right, CSS letter-spaced headings, "
        "contact block top right, degree-first one-line education, skills first",
    ),
    _family(
        "html_banner_grid",
        VIEW_F,
        page_banner_grid,
        "banner header, left sidebar (34%) that comes AFTER the main column in the text layer, "
        "'Position | Company' then an ISO date line 'YYYY-MM to YYYY-MM', institution-first education",
    ),
    _family(
        "html_functional",
        VIEW_H,
        page_functional,
        "functional resume: each job's achievements as bullets under a skill heading (set like the "
        "section headings), then an 'Employment History' of one-line jobs with years in a left column, "
        "school line with degree and GPA bullets",
        projection=project_functional,
    ),
]
