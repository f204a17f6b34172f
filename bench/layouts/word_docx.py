"""Word documents made with python-docx, the way people lay resumes out in Word:

- docx_table_sidebar: the whole resume in a two-column table (narrow left cell with contact,
  skills, education, languages); headings are bold Normal paragraphs, no Heading styles.
- docx_header_textbox: name and contact in the page header, the summary in a text box
  (DrawingML `wps:txbx`), built-in Heading 1 styles, company first with dates on a right tab.
- docx_columns: headings as bold Normal paragraphs with a rule, a continuous section break
  into a two-column section (`w:cols num="2"`) for education, skills, certificates, languages.
- docx_gdocs: what Google Docs exports: no Heading styles (headings are bold, underlined
  Normal paragraphs), bullets typed as "● " in plain paragraphs, soft line breaks (w:br)
  inside an entry's paragraph, dates right on a tab stop, some entries with year-first dates
  ("2023 Mar. - 2024 Jul."), contact on one line between separators.

Files are byte-stable: fixed core properties and zip timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.text.paragraph import Paragraph

from bench.layouts.base import (
    MONTHS,
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

FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)


def new_document(font: str, size: float) -> Any:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), font)
    style.paragraph_format.space_after = Pt(2)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    section.top_margin = section.bottom_margin = Cm(1.6)
    props = doc.core_properties
    props.author = props.last_modified_by = "layout generator"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    return doc


def save_stable(doc: Any, path: Path) -> None:
    raw = io.BytesIO()
    doc.save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    path.write_bytes(out.getvalue())


def para(
    container: Any,
    text: str = "",
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    color: str | None = None,
    style: str | None = None,
) -> Paragraph:
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    if text:
        run(p, text, bold=bold, italic=italic, size=size, color=color)
    return p


def run(
    p: Paragraph,
    text: str,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    color: str | None = None,
) -> None:
    r = p.add_run(text)
    r.bold = bold or None
    r.italic = italic or None
    if size:
        r.font.size = Pt(size)
    if color:
        r.font.color.rgb = RGBColor.from_string(color)


def heading(container: Any, text: str, color: str = "1F3864", rule: bool = False) -> None:
    """A heading typed as a bold Normal paragraph (no Heading style)."""
    p = para(container, text.upper(), bold=True, size=11, color=color)
    p.paragraph_format.space_before = Pt(8)
    if rule:
        ppr = p._p.get_or_add_pPr()
        ppr.append(
            parse_xml(
                '<w:pBdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:bottom w:val="single" w:sz="6" w:space="1" w:color="{color}"/></w:pBdr>'
            )
        )


def bullets(container: Any, items: list[str]) -> None:
    for item in items:
        container.add_paragraph(item, style="List Bullet")


def right_tab(p: Paragraph, position: Any) -> None:
    p.paragraph_format.tab_stops.add_tab_stop(position, WD_TAB_ALIGNMENT.RIGHT)


def contact_lines(basics: dict[str, Any]) -> list[str]:
    out = [basics[k] for k in ("email", "phone", "url") if basics.get(k)]
    if fmt_location(basics.get("location")):
        out.append(fmt_location(basics["location"]))
    out.extend(fmt_profile(p) for p in basics.get("profiles") or [])
    return out


def skills_block(container: Any, skills: list[dict[str, Any]], words: bool = False) -> None:
    loose = [s["name"] for s in skills if not s.get("keywords")]
    for skill in skills:
        kws = skill.get("keywords")
        if not kws:
            continue
        if words or not inline_list(kws):
            if skill.get("name"):
                para(container, skill["name"], bold=True)
            if words and inline_list(kws):
                for k in kws:
                    para(container, k)
            else:
                bullets(container, kws)
        else:
            p = para(container)
            if skill.get("name"):
                run(p, f"{skill['name']}: ", bold=True)
            run(p, ", ".join(kws))
    if loose:
        if words:
            for name in loose:
                para(container, name)
        elif inline_list(loose):
            para(container, ", ".join(loose))
        else:
            bullets(container, loose)


def summary_block(container: Any, text: str) -> None:
    for chunk in paragraphs(text):
        para(container, chunk)


def simple_entries(container: Any, entries: list[dict[str, Any]], title: str, sub: str, style: str) -> None:
    for entry in entries:
        p = para(container)
        run(p, entry.get(title, ""), bold=True)
        rest = [x for x in (entry.get(sub), fmt_date(entry["date"], style) if entry.get("date") else "") if x]
        if rest:
            run(p, ", " + ", ".join(rest))


def project_entries(container: Any, projects: list[dict[str, Any]]) -> None:
    """Each project: its name in bold with the dates in brackets, its description, its bullets."""
    for item in projects:
        line = para(container, item.get("name", ""), bold=True)
        if fmt_range(item):
            run(line, f" ({fmt_range(item)})")
        summary_block(container, item.get("description", ""))
        bullets(container, item.get("highlights", []))


def language_entries(container: Any, entries: list[dict[str, Any]]) -> None:
    for x in entries:
        para(container, x.get("language", "") + (f" ({x['fluency']})" if x.get("fluency") else ""))


def set_cell_width(cell: Any, width: Any) -> None:
    cell.width = width
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(
        parse_xml(
            '<w:shd xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'w:val="clear" w:color="auto" w:fill="FFFFFF"/>'
        )
    )


# --- docx_table_sidebar ----------------------------------------------------------------------

VIEW_TABLE = View()


def build_table_sidebar(t: Resume, path: Path) -> None:
    doc = new_document("Liberation Sans", 9.5)
    b = t["basics"]
    para(doc, b.get("name", ""), bold=True, size=22, color="2E4A62")
    if b.get("label"):
        para(doc, b["label"], size=12, color="666666")
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    left, right = table.rows[0].cells
    set_cell_width(left, Cm(5.6))
    set_cell_width(right, Cm(11.8))
    left.paragraphs[0].text = ""
    right.paragraphs[0].text = ""
    lines = contact_lines(b)
    if lines:
        heading(left, "Contact")
        for line in lines:
            para(left, line, size=8.5)
    if t.get("skills"):
        heading(left, "Skills")
        skills_block(left, t["skills"], words=True)
    if t.get("education"):
        heading(left, "Education")
        for ed in t["education"]:
            if fmt_degree(ed):
                para(left, fmt_degree(ed), bold=True)
            if ed.get("institution"):
                para(left, ed["institution"])
            meta = [x for x in (fmt_range(ed), ed.get("location")) if x]
            if meta:
                para(left, ", ".join(meta), size=8.5, color="666666")
            if ed.get("score"):
                para(left, fmt_score(ed["score"]), size=8.5, color="666666")
    if t.get("languages"):
        heading(left, "Languages")
        language_entries(left, t["languages"])
    if b.get("summary"):
        heading(right, "Profile")
        summary_block(right, b["summary"])
    if t.get("work"):
        heading(right, "Experience")
        for w in t["work"]:
            if w.get("position"):
                para(right, w["position"], bold=True).paragraph_format.space_before = Pt(4)
            sub = ", ".join(x for x in (w.get("name"), w.get("location")) if x)
            if sub:
                para(right, sub, italic=True)
            if fmt_range(w):
                para(right, fmt_range(w), size=8.5, color="666666")
            bullets(right, w.get("highlights", []))
    if t.get("projects"):
        heading(right, "Projects")
        project_entries(right, t["projects"])
    if t.get("certificates"):
        heading(right, "Certificates")
        simple_entries(right, t["certificates"], "name", "issuer", "mon")
    if t.get("awards"):
        heading(right, "Awards")
        simple_entries(right, t["awards"], "title", "awarder", "mon")
    save_stable(doc, path)


# --- docx_header_textbox ---------------------------------------------------------------------

VIEW_HEADER = View()

TEXTBOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">
<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{id}" name="Text Box {id}"/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/>
<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="EEF3F8"/></a:solidFill>
<a:ln w="9525"><a:solidFill><a:srgbClr val="8EA9C1"/></a:solidFill></a:ln></wps:spPr>
<wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx>
<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t">
<a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"""


def add_textbox(doc: Any, texts: list[str], width: Any, box_id: int) -> None:
    body = "".join(
        f'<w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>' for text in texts
    )
    # About 100 characters a line at 10 pt over the page width; the box grows to fit anyway.
    lines = sum(len(text) // 95 + 1 for text in texts) + 1
    height = Emu(int(lines * Pt(13.5)))
    p = doc.add_paragraph()
    p._p.append(parse_xml(TEXTBOX.format(cx=int(width), cy=int(height), id=box_id, paragraphs=body)))


def build_header_textbox(t: Resume, path: Path) -> None:
    doc = new_document("Liberation Serif", 10.5)
    section = doc.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    b = t["basics"]
    header = section.header
    hp = header.paragraphs[0]
    run(hp, b.get("name", ""), bold=True, size=18)
    if b.get("label"):
        run(hp, f"  {b['label']}", italic=True, size=11, color="555555")
    lines = contact_lines(b)
    if lines:
        para(header, " • ".join(lines), size=8.5)
    for style in ("Heading 1",):
        st = doc.styles[style]
        st.font.size = Pt(12)
        st.font.name = "Liberation Sans"
        st.font.color.rgb = RGBColor.from_string("1F4E79")
    if b.get("summary"):
        add_textbox(doc, paragraphs(b["summary"]), width, 1)
    tab = width

    def entry_line(bold_text: str, right_text: str, italic_text: str = "") -> None:
        p = para(doc)
        right_tab(p, tab)
        run(p, bold_text, bold=True)
        if italic_text:
            run(p, italic_text)
        if right_text:
            run(p, "\t" + right_text)

    if t.get("work"):
        doc.add_paragraph("Work Experience", style="Heading 1")
        for w in t["work"]:
            company = ", ".join(x for x in (w.get("name"), w.get("location")) if x)
            entry_line(company, fmt_range(w, "month"))
            if w.get("position"):
                para(doc, w["position"], italic=True)
            bullets(doc, w.get("highlights", []))
    if t.get("education"):
        doc.add_paragraph("Education", style="Heading 1")
        for ed in t["education"]:
            place = ", ".join(x for x in (ed.get("institution"), ed.get("location")) if x)
            entry_line(place, fmt_range(ed, "month"))
            degree = fmt_degree(ed)
            if ed.get("score"):
                degree = f"{degree}; {fmt_score(ed['score'])}" if degree else fmt_score(ed["score"])
            if degree:
                para(doc, degree, italic=True)
    if t.get("projects"):
        doc.add_paragraph("Projects", style="Heading 1")
        for p in t["projects"]:
            entry_line(p.get("name", ""), fmt_range(p, "month"))
            summary_block(doc, p.get("description", ""))
            bullets(doc, p.get("highlights", []))
    if t.get("skills"):
        doc.add_paragraph("Skills", style="Heading 1")
        skills_block(doc, t["skills"])
    if t.get("certificates"):
        doc.add_paragraph("Certifications", style="Heading 1")
        simple_entries(doc, t["certificates"], "name", "issuer", "month")
    if t.get("awards"):
        doc.add_paragraph("Awards", style="Heading 1")
        simple_entries(doc, t["awards"], "title", "awarder", "month")
    if t.get("languages"):
        doc.add_paragraph("Languages", style="Heading 1")
        language_entries(doc, t["languages"])
    save_stable(doc, path)


# --- docx_columns ----------------------------------------------------------------------------

VIEW_COLUMNS = View()


def set_columns(section: Any, count: int) -> None:
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:cols")):
        sect_pr.remove(old)
    sect_pr.append(
        parse_xml(
            '<w:cols xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            f'w:num="{count}" w:space="567"/>'
        )
    )


def build_columns(t: Resume, path: Path) -> None:
    doc = new_document("DejaVu Sans", 9)
    section = doc.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    b = t["basics"]
    para(doc, b.get("name", ""), bold=True, size=20, color="7B2D26")
    if b.get("label"):
        para(doc, b["label"], size=11)
    lines = contact_lines(b)
    if lines:
        para(doc, " | ".join(lines), size=8.5, color="444444")
    if b.get("summary"):
        heading(doc, "Summary", color="7B2D26", rule=True)
        summary_block(doc, b["summary"])
    if t.get("work"):
        heading(doc, "Experience", color="7B2D26", rule=True)
        for w in t["work"]:
            p = para(doc)
            right_tab(p, width)
            run(p, " | ".join(x for x in (w.get("position"), w.get("name")) if x), bold=True)
            if fmt_range(w):
                run(p, "\t" + fmt_range(w, "num", " - "))
            if w.get("location"):
                para(doc, w["location"], italic=True, size=8.5, color="666666")
            bullets(doc, w.get("highlights", []))
    if t.get("projects"):
        heading(doc, "Projects", color="7B2D26", rule=True)
        for p in t["projects"]:
            line = para(doc)
            right_tab(line, width)
            run(line, p.get("name", ""), bold=True)
            if fmt_range(p):
                run(line, "\t" + fmt_range(p, "num", " - "))
            summary_block(doc, p.get("description", ""))
            bullets(doc, p.get("highlights", []))
    rest = [k for k in ("education", "skills", "certificates", "awards", "languages") if t.get(k)]
    if rest:
        # Everything above is the first (one-column) section; the rest flows in two columns.
        cols = doc.add_section(WD_SECTION.CONTINUOUS)
        set_columns(cols, 2)
    if t.get("education"):
        heading(doc, "Education", color="7B2D26", rule=True)
        for ed in t["education"]:
            if fmt_degree(ed):
                para(doc, fmt_degree(ed), bold=True)
            if ed.get("institution"):
                para(doc, ed["institution"])
            meta = [x for x in (fmt_range(ed, "num", " - "), ed.get("location")) if x]
            if meta:
                para(doc, " | ".join(meta), size=8.5, color="666666")
            if ed.get("score"):
                para(doc, fmt_score(ed["score"]), size=8.5, color="666666")
    if t.get("skills"):
        heading(doc, "Skills", color="7B2D26", rule=True)
        skills_block(doc, t["skills"])
    if t.get("certificates"):
        heading(doc, "Certificates", color="7B2D26", rule=True)
        simple_entries(doc, t["certificates"], "name", "issuer", "num")
    if t.get("awards"):
        heading(doc, "Awards", color="7B2D26", rule=True)
        simple_entries(doc, t["awards"], "title", "awarder", "num")
    if t.get("languages"):
        heading(doc, "Languages", color="7B2D26", rule=True)
        language_entries(doc, t["languages"])
    save_stable(doc, path)


# --- docx_gdocs ------------------------------------------------------------------------------

VIEW_GDOCS = View()
GDOCS_BULLET = "● "


def year_first(date: str) -> str:
    """ "2023-03" as "2023 Mar.", "2023-05" as "2023 May", "2023" as "2023"."""
    if len(date) == 4:
        return date
    name = MONTHS[int(date[5:7]) - 1]
    return f"{date[:4]} {name[:3]}{'.' if len(name) > 3 else ''}"


def gdocs_range(entry: dict[str, Any], index: int) -> str:
    """Every other entry's dates typed year first; an open range ends "Current"."""
    if index % 2 == 0:
        return fmt_range(entry, "mon", " - ", "Current")
    start, end = entry.get("startDate"), entry.get("endDate")
    if not start:
        return ""
    if start == end:
        return year_first(start)
    return f"{year_first(start)} - {year_first(end) if end else 'Current'}"


def gdocs_heading(doc: Any, text: str) -> None:
    p = para(doc)
    p.paragraph_format.space_before = Pt(10)
    r = p.add_run(text.upper())
    r.bold = True
    r.underline = True
    r.font.size = Pt(11)


def gdocs_bullets(doc: Any, items: list[str]) -> None:
    for item in items:
        p = para(doc, GDOCS_BULLET + item)
        p.paragraph_format.left_indent = Cm(0.6)


def gdocs_entry(doc: Any, width: Any, first: str, dates: str, second: str = "", bold_first: bool = True) -> None:
    """One paragraph: the first line with its dates on a right tab, then a soft line break and
    the second line (Google Docs keeps Shift+Enter lines in one paragraph)."""
    p = para(doc)
    right_tab(p, width)
    run(p, first, bold=bold_first)
    if dates:
        run(p, "\t" + dates)
    if second:
        p.runs[-1].add_break()
        run(p, second, italic=True)


def build_gdocs(t: Resume, path: Path) -> None:
    doc = new_document("Arial", 10)
    section = doc.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    b = t["basics"]
    para(doc, b.get("name", ""), size=18)
    if b.get("label"):
        para(doc, b["label"], size=11, color="666666")
    lines = contact_lines(b)
    if lines:
        para(doc, " | ".join(lines))
    if b.get("summary"):
        gdocs_heading(doc, "Summary")
        summary_block(doc, b["summary"])
    if t.get("education"):
        gdocs_heading(doc, "Education")
        for index, ed in enumerate(t["education"]):
            first = " - ".join(x for x in (ed.get("institution"), ed.get("location")) if x)
            degree = fmt_degree(ed)
            if ed.get("score"):
                degree = f"{degree} ({fmt_score(ed['score'])})" if degree else fmt_score(ed["score"])
            gdocs_entry(doc, width, first, gdocs_range(ed, index), degree)
    if t.get("skills"):
        gdocs_heading(doc, "Technical Skills")
        loose = [s["name"] for s in t["skills"] if not s.get("keywords")]
        for skill in t["skills"]:
            kws = skill.get("keywords")
            if not kws:
                continue
            if inline_list(kws):
                p = para(doc)
                if skill.get("name"):
                    run(p, f"{skill['name']}: ")
                run(p, ", ".join(kws))
            else:
                if skill.get("name"):
                    para(doc, skill["name"], bold=True)
                gdocs_bullets(doc, kws)
        if loose and inline_list(loose):
            # Typed with tabs between the names, as a courses line often is.
            para(doc, "\t".join(loose))
        elif loose:
            gdocs_bullets(doc, loose)
    if t.get("work"):
        gdocs_heading(doc, "Work Experience")
        for index, w in enumerate(t["work"]):
            first = ", ".join(x for x in (w.get("name"), w.get("location")) if x)
            gdocs_entry(
                doc,
                width,
                first or w.get("position", ""),
                gdocs_range(w, index),
                w.get("position", "") if first else "",
            )
            gdocs_bullets(doc, w.get("highlights", []))
    if t.get("projects"):
        gdocs_heading(doc, "Projects")
        for index, p in enumerate(t["projects"]):
            gdocs_entry(doc, width, p.get("name", ""), gdocs_range(p, index))
            summary_block(doc, p.get("description", ""))
            gdocs_bullets(doc, p.get("highlights", []))
    if t.get("certificates"):
        gdocs_heading(doc, "Certifications")
        for c in t["certificates"]:
            rest = [x for x in (c.get("issuer"), year_first(c["date"]) if c.get("date") else "") if x]
            gdocs_bullets(doc, [c.get("name", "") + (f" ({', '.join(rest)})" if rest else "")])
    if t.get("awards"):
        gdocs_heading(doc, "Awards")
        for a in t["awards"]:
            rest = [x for x in (a.get("awarder"), year_first(a["date"]) if a.get("date") else "") if x]
            gdocs_bullets(doc, [a.get("title", "") + (f" ({', '.join(rest)})" if rest else "")])
    if t.get("languages"):
        gdocs_heading(doc, "Languages")
        language_entries(doc, t["languages"])
    save_stable(doc, path)


# --- docx_label_table ------------------------------------------------------------------------

VIEW_LABEL_TABLE = View()


def build_label_table(t: Resume, path: Path) -> None:
    """A Word template laid out as one borderless table: a row per section, its name in a
    narrow left cell and its content in the right one."""
    doc = new_document("Liberation Serif", 10.5)
    b = t["basics"]
    title = para(doc, b.get("name", ""), bold=True, size=20)
    title.alignment = 1  # centred
    if b.get("label"):
        para(doc, b["label"], italic=True).alignment = 1
    lines = contact_lines(b)
    if lines:
        para(doc, "  ·  ".join(lines), size=9).alignment = 1
    rows: list[tuple[str, Any]] = []
    if b.get("summary"):
        rows.append(("Profile", lambda cell: summary_block(cell, b["summary"])))

    def work(cell: Any) -> None:
        for w in t["work"]:
            first = para(cell)
            run(first, ", ".join(x for x in (w.get("name"), w.get("location")) if x), bold=True)
            second = " | ".join(x for x in (w.get("position"), fmt_range(w)) if x)
            if second:
                para(cell, second, italic=True)
            bullets(cell, w.get("highlights", []))

    def education(cell: Any) -> None:
        for ed in t["education"]:
            line = para(cell)
            run(line, fmt_degree(ed) or ed.get("institution", ""), bold=True)
            rest = [x for x in (ed.get("institution") if fmt_degree(ed) else "", ed.get("location")) if x]
            if rest:
                run(line, " — " + ", ".join(rest))
            if fmt_range(ed):
                run(line, f" ({fmt_range(ed)})")
            if ed.get("score"):
                para(cell, fmt_score(ed["score"]), size=9)

    for key, label, fill in (
        ("work", "Experience", work),
        ("education", "Education", education),
        ("projects", "Projects", lambda cell: project_entries(cell, t["projects"])),
        ("skills", "Skills", lambda cell: skills_block(cell, t["skills"])),
        ("certificates", "Certificates", lambda cell: simple_entries(cell, t["certificates"], "name", "issuer", "mon")),
        ("awards", "Awards", lambda cell: simple_entries(cell, t["awards"], "title", "awarder", "mon")),
        ("languages", "Languages", lambda cell: language_entries(cell, t["languages"])),
    ):
        if t.get(key):
            rows.append((label, fill))
    table = doc.add_table(rows=len(rows), cols=2)
    table.autofit = False
    # The grid's widths are what LibreOffice and Word lay the columns out by.
    table.columns[0].width, table.columns[1].width = Cm(3.4), Cm(14.0)
    for row, (label, fill) in zip(table.rows, rows, strict=True):
        left, right = row.cells
        set_cell_width(left, Cm(3.4))
        set_cell_width(right, Cm(14.0))
        run(left.paragraphs[0], label.upper(), bold=True, size=10, color="444444")
        right.paragraphs[0].text = ""
        fill(right)
        # The empty first paragraph python-docx puts in every cell would be a blank line.
        first = right.paragraphs[0]
        if not first.text and len(right.paragraphs) > 1:
            first._p.getparent().remove(first._p)
    save_stable(doc, path)


def _renderer(build: Any) -> Any:
    def render(items: list[tuple[Resume, Path]]) -> None:
        for truth, path in items:
            build(truth, path)

    return render


def _family(name: str, view: View, build: Any, traits: str) -> Family:
    return Family(
        name=name,
        kind="docx",
        ext="docx",
        traits=traits,
        project=lambda resume: project(resume, view),
        render=_renderer(build),
    )


FAMILIES = [
    _family(
        "docx_table_sidebar",
        VIEW_TABLE,
        build_table_sidebar,
        "two-column layout table (narrow left cell: contact, skills one per line, degree-first education, "
        "languages); headings as bold Normal paragraphs; position, then 'Company, Location', then dates",
    ),
    _family(
        "docx_header_textbox",
        VIEW_HEADER,
        build_header_textbox,
        "name and contact in the page header, summary in a DrawingML text box, Heading 1 styles, "
        "'Company, Location' with full-month dates on a right tab stop, position below",
    ),
    _family(
        "docx_columns",
        VIEW_COLUMNS,
        build_columns,
        "bold Normal headings with a rule, 'Position | Company' with MM/YYYY dates on a right tab; "
        "education, skills, certificates, languages in a two-column section (w:cols)",
    ),
    _family(
        "docx_gdocs",
        VIEW_GDOCS,
        build_gdocs,
        "Google Docs export: no Heading styles (bold underlined capitals), '● ' typed bullets, "
        "'Company, Location' + tab + dates with the position after a soft line break, every other "
        "entry dated year first ('2023 Mar. - 2024 Jul.'), contact on one line with ' | '",
    ),
    _family(
        "docx_label_table",
        VIEW_LABEL_TABLE,
        build_label_table,
        "one borderless table, a row per section: its name in capitals in a narrow left cell, its content "
        "right; 'Company, Location' in bold, then 'Position | Mon YYYY – Present' in italics; one-line "
        "'Degree — Institution, Location (dates)' education; contact centred on one line with ' · '",
    ),
]
