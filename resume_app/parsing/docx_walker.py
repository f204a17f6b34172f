"""Step 3 of the DOCX reader: the walker.

Walks the WordprocessingML of an opened document with lxml, in reading order,
and gives one ``DocxParagraphLine`` per visual line.  python-docx's
``paragraph.text`` / ``iter_inner_content()`` skip content controls (w:sdt), smart
tags, text boxes and ``w:sym`` glyphs, and ``row.cells`` repeats merged cells, so
the XML is read directly: every w:t of a paragraph in document order, through any
inline wrapper (w:smartTag, w:customXml, w:sdt, w:ins, w:hyperlink, w:fldSimple...),
never the deleted text of w:del or w:moveFrom.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

from docx.oxml.ns import qn

from resume_app.parsing.docx_styles import (
    RUN_PROPS,
    W_B,
    W_CAPS,
    W_PPR,
    W_RPR,
    W_SZ,
    W_VAL,
    W_VANISH,
    ListNumbering,
    StyleSheet,
    on,
    run_prop_value,
)
from resume_app.parsing.lines import DISPLAY_LEAD_RATIO

__all__ = ["DocxParagraphLine", "DocxWalker"]

W_P, W_TBL, W_TR, W_TC, W_R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
W_SDT, W_SDTCONTENT, W_CUSTOMXML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
W_HYPERLINK = qn("w:hyperlink")
W_TXBX, W_RSTYLE = qn("w:txbxContent"), qn("w:rStyle")
W_T, W_TAB, W_PTAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:ptab"), qn("w:br"), qn("w:cr")
W_NBHYPHEN, W_SYM = qn("w:noBreakHyphen"), qn("w:sym")
W_DRAWING, W_PICT, W_OBJECT = qn("w:drawing"), qn("w:pict"), qn("w:object")
W_TCPR, W_VMERGE, W_HMERGE = qn("w:tcPr"), qn("w:vMerge"), qn("w:hMerge")
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MC_ALT, MC_CHOICE, MC_FALLBACK = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice", f"{{{MC_NS}}}Fallback"
MATH_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"

# Inside a paragraph, containers whose children are runs or more containers.
_INLINE_CONTAINERS = {
    qn(t) for t in ("w:hyperlink", "w:ins", "w:moveTo", "w:smartTag", "w:customXml", "w:fldSimple", "w:dir", "w:bdo")
}
# Deliberately not descended into: w:del and w:moveFrom hold deleted text (in
# w:moveFrom it is still plain w:t), the property elements hold no visible text.
# Any other element is looked through (see DocxWalker.inline).
_INLINE_SKIPPED = {
    qn(t) for t in ("w:pPr", "w:del", "w:moveFrom", "w:rPr", "w:sdtPr", "w:sdtEndPr", "w:smartTagPr", "w:customXmlPr")
} | {f"{{{MATH_NS}}}oMath", f"{{{MATH_NS}}}oMathPara"}

# Glyphs of symbol fonts (w:sym) that resumes use as separators and bullets.
_SYM_GLYPHS = {
    ("wingdings", 0x9F): "•",
    ("wingdings", 0xA7): "▪",
    ("wingdings", 0x6C): "●",
    ("wingdings", 0x6E): "■",
    ("wingdings", 0xD8): "➢",
    ("wingdings", 0xFC): "✓",
    ("wingdings", 0x28): "☎",
    ("wingdings", 0x2A): "✉",
    ("symbol", 0xB7): "•",
}


@dataclass(frozen=True, slots=True)
class DocxParagraphLine:
    """One visual line of the document.

    A paragraph gives one line, or several when it contains manual line breaks
    (w:br / w:cr): the pieces after the first have ``continued=True``, so a caller
    can glue a wrapped bullet back together.
    """

    text: str  # tabs kept as "\t" ("Title\t\t\tMay 2018"); trailing blanks trimmed
    source: str  # "body" | "table" | "textbox" | "header" | "footer"
    style: str | None  # paragraph style UI name ("Normal", "List Paragraph", "CM7")
    is_list: bool = False  # paragraph is numbered/bulleted (w:numPr, direct or by style)
    list_level: int | None = None  # w:ilvl, 0-based; None when not a list paragraph
    bold: bool = False  # more than half of the visible characters are bold
    font_size: float | None = None  # points, size of most characters; None if unknown
    all_caps: bool = False  # w:caps on most characters (text itself is as typed)
    continued: bool = False  # piece after a manual line break in the same paragraph
    link: bool = False  # all its visible text is a hyperlink's ("GitHub Repo", "LinkedIn")


@dataclass(frozen=True, slots=True)
class _Ctx:
    story: str  # "body" | "header" | "footer"
    textbox: bool = False
    in_table: bool = False
    table_style: str | None = None

    @property
    def source(self) -> str:
        if self.story != "body":
            return self.story
        if self.textbox:
            return "textbox"
        return "table" if self.in_table else "body"


class _Seg(NamedTuple):
    """A stretch of text with uniform formatting (adjacent runs merged)."""

    text: str
    bold: bool
    caps: bool
    size: float | None
    link: bool = False  # inside a w:hyperlink


_BREAK = _Seg("\n", False, False, None)  # manual line break marker (compared by identity)


class DocxWalker:
    """Reads an opened python-docx Document into lines: headers, body, footers."""

    def __init__(self, document):
        self.doc = document
        self.styles = StyleSheet(document)
        self.lists = ListNumbering(document)

    def read(self) -> list[DocxParagraphLine]:
        if self.doc.element.body is None:  # w:document without w:body
            return []
        headers = self.header_footer_lines("header")
        body = list(self.walk_blocks(self.doc.element.body, _Ctx("body")))
        footers = self.header_footer_lines("footer")
        return headers + body + footers

    # -- headers and footers ---------------------------------------------------

    def header_footer_lines(self, story: str) -> list[DocxParagraphLine]:
        """Lines of every section's headers (or footers) that Word can display.

        Read from each w:sectPr's references: python-docx's ``section.header`` adds
        a header part when asked about a missing one.  A first-page header shows
        only with w:titlePg, an even-page one only with evenAndOddHeaders.
        """
        even_odd = self.doc.settings.odd_and_even_pages_header_footer
        related = self.doc.part.related_parts
        ref_tag = qn(f"w:{story}Reference")
        seen: set[str] = set()
        lines: list[DocxParagraphLine] = []
        for sect in self.doc.element.body.xpath("./w:p/w:pPr/w:sectPr | ./w:sectPr"):
            refs = {r.get(qn("w:type"), "default"): r.get(qn("r:id")) for r in sect.findall(ref_tag)}
            # first-page variant first: it is what the reader sees on page 1
            kinds = (["first"] if on(sect.find(qn("w:titlePg"))) else []) + ["default"]
            kinds += ["even"] if even_odd else []
            for kind in kinds:
                part = related.get(refs.get(kind))
                if part is None or str(part.partname) in seen:
                    continue  # a section without its own reference inherits, seen already
                seen.add(str(part.partname))
                lines.extend(self.walk_blocks(part.element, _Ctx(story)))
        # The same contact line is often typed into first-page and default headers.
        return _dedupe(lines)

    # -- blocks ----------------------------------------------------------------

    def walk_blocks(self, container, ctx: _Ctx) -> Iterator[DocxParagraphLine]:
        for child in container:
            tag = child.tag
            if tag == W_P:
                yield from self.paragraph(child, ctx)
            elif tag == W_TBL:
                yield from self.table(child, ctx)
            elif tag == W_SDT:  # content control around blocks (Word's resume templates)
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    yield from self.walk_blocks(content, ctx)
            elif tag == W_CUSTOMXML:
                yield from self.walk_blocks(child, ctx)
            elif tag == MC_ALT:
                branch = _choose_branch(child)
                if branch is not None:
                    yield from self.walk_blocks(branch, ctx)
            # w:sectPr, bookmarks, w:altChunk (imported HTML/RTF): nothing read

    def table(self, tbl, ctx: _Ctx) -> Iterator[DocxParagraphLine]:
        """Row by row, cell by cell: the order a layout table is read in.

        Each w:tc is visited once, so a horizontally merged cell (w:gridSpan) is
        read once; the lower cells of a vertical merge (w:vMerge without
        "restart") are empty placeholders and are skipped.  Nested tables come
        through walk_blocks on the cell.
        """
        style = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
        table_style = style.get(W_VAL) if style is not None else ctx.table_style
        cell_ctx = replace(ctx, in_table=True, table_style=table_style)
        for tr in _unwrap(tbl, W_TR):
            for tc in _unwrap(tr, W_TC):
                if not _is_merge_continuation(tc.find(W_TCPR)):
                    yield from self.walk_blocks(tc, cell_ctx)

    # -- paragraphs ------------------------------------------------------------

    def paragraph(self, p, ctx: _Ctx) -> Iterator[DocxParagraphLine]:
        ppr = p.find(W_PPR)
        sid = self.styles.para_style_id(ppr)
        segs: list[_Seg] = []
        boxes: list = []
        self.inline(p, sid, ctx, segs, boxes)

        # Text boxes are anchored to a paragraph and emitted just before it: a
        # floating box (name banner, sidebar) sits at or above its anchor.
        for box in boxes:
            yield from self.walk_blocks(box, replace(ctx, textbox=True))

        level = self.lists.list_level(ppr, self.styles.inherited_para_props(sid))
        style = self.styles.style_name(sid)

        continued = False  # True once a piece of this paragraph has been emitted
        for piece in _split_display_lead(_split_breaks(segs)):
            spans = _merge(piece)
            text = "".join(s.text for s in spans)
            if not text.strip():
                continue
            bold_ratio, caps_ratio, size = _weigh(spans)
            yield DocxParagraphLine(
                text=text,
                source=ctx.source,
                style=style,
                is_list=level is not None,
                list_level=level,
                bold=bold_ratio > 0.5,
                font_size=size,
                all_caps=caps_ratio > 0.5,
                continued=continued,
                link=all(span.link for span in spans if span.text.strip()),
            )
            continued = True

    def inline(self, el, sid, ctx: _Ctx, segs: list[_Seg], boxes: list, link: bool = False) -> None:
        """Text segments of a paragraph in document order, through hyperlinks,
        tracked insertions, smart tags, inline content controls, simple fields and
        any other wrapper."""
        for child in el:
            tag = child.tag
            if tag == W_R:
                self.run(child, sid, ctx, segs, boxes, link)
            elif tag in _INLINE_CONTAINERS:
                self.inline(child, sid, ctx, segs, boxes, link or tag == W_HYPERLINK)
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    self.inline(content, sid, ctx, segs, boxes, link)
            elif tag == MC_ALT:
                branch = _choose_branch(child)
                if branch is not None:
                    self.inline(branch, sid, ctx, segs, boxes, link)
            elif isinstance(tag, str) and tag not in _INLINE_SKIPPED and len(child):
                # Any other wrapper (a newer or third-party one) is looked through,
                # so that no run's text is lost; its runs are read as usual.
                self.inline(child, sid, ctx, segs, boxes, link)
            # w:pPr, w:del, w:moveFrom: nothing read; bookmarks, proofErr: empty

    def run(self, r, sid, ctx: _Ctx, segs: list[_Seg], boxes: list, link: bool = False) -> None:
        rpr = r.find(W_RPR)
        direct = {el.tag: el for el in rpr} if rpr is not None else {}
        rstyle = direct.get(W_RSTYLE)
        props = dict(
            self.styles.inherited_run_props(sid, rstyle.get(W_VAL) if rstyle is not None else None, ctx.table_style)
        )
        for tag, el in direct.items():
            if tag in RUN_PROPS:
                props[tag] = run_prop_value(el)
        if props.get(W_VANISH):  # hidden text is not shown, so it is not read
            return
        bold, caps, size = bool(props.get(W_B)), bool(props.get(W_CAPS)), props.get(W_SZ)

        for child in r:
            tag = child.tag
            if tag == W_T:
                # a raw newline in w:t renders as a space, not a break
                text = (child.text or "").replace("\r", " ").replace("\n", " ")
            elif tag in (W_TAB, W_PTAB):
                text = "\t"
            elif tag in (W_BR, W_CR):
                segs.append(_BREAK)
                continue
            elif tag == W_NBHYPHEN:
                text = "-"
            elif tag == W_SYM:
                text = _sym_text(child)
            elif tag in (W_DRAWING, W_PICT, W_OBJECT, MC_ALT):
                boxes.extend(_textboxes(child))
                continue
            else:  # w:instrText (field code), w:delText, w:fldChar, w:softHyphen...
                continue
            segs.append(_Seg(text, bold, caps, size, link))


# --------------------------------------------------------------------------- #
# Small helpers
# --------------------------------------------------------------------------- #


def _choose_branch(alt):
    """One branch of mc:AlternateContent.  Choice and Fallback carry the same
    content in two encodings (DrawingML vs VML); reading both duplicates text."""
    branch = alt.find(MC_CHOICE)
    return branch if branch is not None else alt.find(MC_FALLBACK)


def _unwrap(parent, want: str):
    """Children with tag ``want``, looking through content controls and custom XML
    (Word lets both wrap whole table rows or cells)."""
    for child in parent:
        if child.tag == want:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from _unwrap(content, want)
        elif child.tag == W_CUSTOMXML:
            yield from _unwrap(child, want)


def _is_merge_continuation(tcpr) -> bool:
    if tcpr is None:
        return False
    for tag in (W_VMERGE, W_HMERGE):  # hMerge: legacy horizontal merge
        m = tcpr.find(tag)
        if m is not None and m.get(W_VAL, "continue") == "continue":
            return True
    return False


def _textboxes(el) -> list:
    """Outermost w:txbxContent elements under a drawing or VML shape.

    A box nested in a box is left for the outer box's paragraphs to find, and only
    one branch of each mc:AlternateContent is searched.
    """
    if el.tag == W_TXBX:
        return [el]
    if el.tag == MC_ALT:
        branch = _choose_branch(el)
        return _textboxes(branch) if branch is not None else []
    found = []
    for child in el:
        found.extend(_textboxes(child))
    return found


def _sym_text(sym) -> str:
    font = (sym.get(qn("w:font")) or "").lower()
    try:
        code = int(sym.get(qn("w:char"), ""), 16)
    except ValueError:
        return " "
    if 0xF000 <= code <= 0xF0FF:  # symbol-font codes are often written as F0xx
        code -= 0xF000
    for name in ("wingdings", "symbol"):
        if font.startswith(name):
            # an unknown glyph becomes a space so the words around it stay apart
            return _SYM_GLYPHS.get((name, code), " ")
    return chr(code) if code >= 0x20 else " "


def _split_breaks(segs: list[_Seg]) -> list[list[_Seg]]:
    pieces: list[list[_Seg]] = [[]]
    for s in segs:
        if s is _BREAK:
            pieces.append([])
        else:
            pieces[-1].append(s)
    return pieces


def _split_display_lead(pieces: list[list[_Seg]]) -> list[list[_Seg]]:
    """A paragraph that opens with a stretch set much larger than the rest, ended by a space
    ("John Doe" at 18 pt, then "  Web Developer" at 11 pt: a Word page header or title line
    with the name and headline in one paragraph, docx_header_textbox), reads as two lines,
    so the name is a line of its own. A single large letter (fake small caps) is not split."""
    out: list[list[_Seg]] = []
    for piece in pieces:
        spans = _merge(piece)
        if len(spans) >= 2 and spans[0].size and all(span.size for span in spans[1:]):
            lead, rest = spans[0], spans[1:]
            rest_size = max(span.size for span in rest)
            boundary = lead.text[-1:].isspace() or rest[0].text[:1].isspace()
            letters = sum(ch.isalpha() for ch in lead.text)
            rest_letters = sum(ch.isalpha() for span in rest for ch in span.text)
            if lead.size >= rest_size * DISPLAY_LEAD_RATIO and boundary and letters >= 2 and rest_letters >= 2:
                out += [[lead], rest]
                continue
        out.append(piece)
    return out


def _merge(piece: list[_Seg]) -> list[_Seg]:
    """Merge adjacent segments of equal formatting and trim the line's ends.

    Trailing blanks are noise (lines often end in spaces or tabs); leading tabs
    are kept because they push text to a tab stop (a date column), leading
    spaces are not.
    """
    # The texts of each stretch are gathered, then joined once: adding them up one by one
    # copied the stretch again for every run (quadratic on a long paragraph).
    groups: list[tuple[_Seg, list[str]]] = []
    for s in piece:
        if not s.text:
            continue
        if groups and groups[-1][0][1:] == s[1:]:
            groups[-1][1].append(s.text)
        else:
            groups.append((s, [s.text]))
    merged = [first if len(texts) == 1 else first._replace(text="".join(texts)) for first, texts in groups]
    while merged and not merged[-1].text.rstrip():
        merged.pop()
    if merged:
        merged[-1] = merged[-1]._replace(text=merged[-1].text.rstrip())
    lead = 0
    while lead < len(merged) and not merged[lead].text.lstrip(" \u00a0"):
        lead += 1
    del merged[:lead]
    if merged:
        merged[0] = merged[0]._replace(text=merged[0].text.lstrip(" \u00a0"))
    return merged


def _weigh(spans: list[_Seg]) -> tuple[float, float, float | None]:
    """Bold share, caps share and dominant font size over visible characters."""
    total = bold = caps = 0
    sizes: Counter = Counter()
    for s in spans:
        n = len(s.text) - sum(map(str.isspace, s.text))
        total += n
        bold += n if s.bold else 0
        caps += n if s.caps else 0
        if s.size is not None:
            sizes[s.size] += n
    if not total:
        return 0.0, 0.0, None
    size = sizes.most_common(1)[0][0] if sizes else None
    return bold / total, caps / total, size


def _dedupe(lines: list[DocxParagraphLine]) -> list[DocxParagraphLine]:
    seen, out = set(), []
    for ln in lines:
        key = " ".join(ln.text.split()).casefold()
        if key not in seen:
            seen.add(key)
            out.append(ln)
    return out
