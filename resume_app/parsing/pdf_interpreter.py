"""Step 2 of the PDF reader: the content-stream interpreter.

pypdf parses a page's operators (``ContentStream.operations``); the text-state
bookkeeping is done here, one method per operator, so that every shown string
gets its real start *and* end position.  ``page.extract_text(visitor_text=...)``
cannot give that: the visitor receives only the start matrix of an accumulated
chunk (pypdf does not advance Tm after Tj), and pypdf decides on word spaces with
the font's space width, which fails for LuaTeX fonts without a space glyph
(Awesome-CV: "Ledservicemeshtechnology").  Parsing the content stream is ~80% of
extract_text's time anyway, so our own interpretation costs about the same.

The result is a list of ``TextRun``: glyphs drawn back to back in one font and
size on one baseline.  Coordinates are PDF points relative to the page's crop
box; ``y`` is the baseline measured top-down from the top edge (0 = top).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, IndirectObject, StreamObject

from resume_app.parsing.pdf_fonts import PdfFont
from resume_app.parsing.pdf_ligatures import DroppedLigatures

__all__ = ["ContentInterpreter", "FontCache", "PathMark", "TextRun", "TextState"]

TOUCH_EM = 0.06  # runs closer than this continue each other; merged while reading
MAX_FORM_DEPTH = 8  # form XObjects inside forms: deeper ones are not read
# Form XObjects drawn on one page, counting every level: a form that draws itself ten times
# a level is a few KB that would take 10**8 draws; a real page draws a few dozen (icons, logos).
MAX_FORM_DRAWS = 500

_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def mult(m: list[float], n: list[float]) -> list[float]:
    """m x n for PDF matrices stored as [a b c d e f]."""
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


@dataclass(slots=True)
class TextRun:
    """Glyphs drawn back to back: the unit that rows and lines are built from."""

    x0: float
    x1: float
    y: float  # baseline, top-down
    text: str
    font: PdfFont
    size: float  # effective size in points (Tf size x text/CTM scale)
    bold: bool
    # Icon glyphs taken out of the text, as (x, name).
    icons: list[tuple[float, str]] = field(default_factory=list)


@dataclass(slots=True)
class PathMark:
    """A small painted shape of one subpath, roughly as wide as tall: a list marker
    that a browser drew as a path (a disc, circle or square) instead of a glyph."""

    x0: float
    x1: float
    top: float  # top-down, like TextRun.y
    bottom: float


# A painted path this small (points) and this close to square may be a list marker.
MARK_MIN, MARK_MAX, MARK_ASPECT = 1.0, 8.0, 1.6


@dataclass(slots=True)
class TextState:
    """The text state parameters (ISO 32000 9.3.1); part of the graphics state,
    so q/Q save and restore them."""

    font: PdfFont | None = None  # Tf
    size: float = 0.0  # Tf: font size
    char_spacing: float = 0.0  # Tc
    word_spacing: float = 0.0  # Tw
    scale: float = 1.0  # Tz / 100
    leading: float = 0.0  # TL
    rise: float = 0.0  # Ts
    render: int = 0  # Tr

    def copy(self) -> TextState:
        return TextState(
            self.font,
            self.size,
            self.char_spacing,
            self.word_spacing,
            self.scale,
            self.leading,
            self.rise,
            self.render,
        )


class FontCache:
    """The document's fonts, by object number (pages share font objects), and the
    dropped-ligature placeholders they hand out."""

    def __init__(self) -> None:
        self.fonts: dict[int, PdfFont] = {}
        self.ligatures = DroppedLigatures()

    def lookup(self, resources: DictionaryObject, name: Any) -> PdfFont | None:
        """The font a Tf operand names in these resources; None if unreadable."""
        try:
            ref = resources["/Font"].get_object().raw_get(name)
        except (KeyError, AttributeError, TypeError):
            return None
        key = ref.idnum if isinstance(ref, IndirectObject) else id(ref)
        font = self.fonts.get(key)
        if font is None:
            try:
                font = PdfFont(ref.get_object(), key, self.ligatures)
            except Exception:  # noqa: BLE001 - an unreadable font loses its text only
                return None
            self.fonts[key] = font
        return font


class ContentInterpreter:
    """Follows the text state through a page's content streams and collects runs.

    Only what decides where glyphs land is tracked.  Colour and clipping are
    ignored, so white or clipped text is reported like visible text; text that
    is not upright (rotated margin labels) is not reported.  Paths are followed
    only for their extent: a small, single, square-ish painted shape is kept as a
    ``PathMark`` (Chromium draws CSS list markers as paths, not glyphs).
    """

    def __init__(self, reader: PdfReader, fonts: FontCache, origin: tuple[float, float]) -> None:
        self.reader = reader
        self.fonts = fonts
        self.left, self.top = origin  # the crop box's top-left corner
        self.runs: list[TextRun] = []
        self.marks: list[PathMark] = []
        # The path being built: its extent in page space and its number of subpaths.
        self.path_box: list[float] | None = None
        self.subpaths = 0
        # The stream being interpreted (a form XObject saves and restores these).
        self.resources = DictionaryObject()
        self.ctm = list(_IDENTITY)
        self.state = TextState()
        self.tm = list(_IDENTITY)  # text matrix
        self.tlm = list(_IDENTITY)  # text line matrix
        self.stack: list[tuple[list[float], TextState]] = []  # q/Q
        self.depth = 0
        self.form_draws = 0  # form XObjects drawn on this page so far

    def read_page(self, page: Any) -> list[TextRun]:
        """The runs of a page object's /Contents."""
        contents = page.get("/Contents")
        if contents is not None:
            resources = page.get("/Resources")
            self.run(contents.get_object(), resources.get_object() if resources is not None else None)
        return self.runs

    def run(
        self,
        content: Any,
        resources: Any,
        ctm: list[float] | None = None,
        state: TextState | None = None,
        depth: int = 0,
    ) -> None:
        """Interpret one content stream (a page's, or a form XObject's)."""
        try:
            operations = ContentStream(content, self.reader, "bytes").operations
        except Exception:  # noqa: BLE001 - a broken stream yields no text, not an error
            return
        saved = (self.resources, self.ctm, self.state, self.tm, self.tlm, self.stack, self.depth)
        self.resources = resources if isinstance(resources, DictionaryObject) else DictionaryObject()
        self.ctm = ctm if ctm is not None else list(_IDENTITY)
        self.state = state if state is not None else TextState()
        self.tm, self.tlm, self.stack, self.depth = list(_IDENTITY), list(_IDENTITY), [], depth
        handlers = _HANDLERS
        try:
            for operands, op in operations:
                handler = handlers.get(op)
                if handler is None:
                    continue
                try:
                    handler(self, operands)
                except Exception:  # noqa: BLE001, S112 - a malformed operator: skip it, as viewers do
                    continue
        finally:
            self.resources, self.ctm, self.state, self.tm, self.tlm, self.stack, self.depth = saved

    # -- showing text ------------------------------------------------------------

    def show(self, data: Any) -> None:
        """Draw one string operand: advance the text matrix, record a run."""
        st = self.state
        font = st.font
        if font is None or not isinstance(data, bytes):
            return
        tm = self.tm
        m = mult(tm, self.ctm)
        fs, tc, tw, th = st.size, st.char_spacing, st.word_spacing, st.scale
        parts = []
        icons: list[tuple[float, str]] = []
        adv = 0.0
        for code in font.decode(data):
            text, w, icon = font.glyph(code)
            if icon:  # x offset for now, made absolute below
                icons.append((adv, icon))
            # Tw applies to the single-byte code 32 only (ISO 32000 9.3.3).
            adv += (w * fs + tc + (tw if code == 32 and not font.two_byte else 0.0)) * th
            parts.append(text)
        self.tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + adv * tm[0], tm[5] + adv * tm[1]]
        # Report upright text only (skew allowed: synthetic italics); rotated
        # margin labels would poison row and column detection.
        if m[0] <= 0 or m[3] <= 0 or abs(m[1]) > 0.01 * m[0]:
            return
        text = "".join(parts)
        if not text and not icons:
            return
        rise = st.rise
        x0 = m[4] + rise * m[2] - self.left
        x1 = x0 + adv * m[0]
        if icons:
            icons = [(round(x0 + dx * m[0], 1), name) for dx, name in icons]
        y = self.top - (m[5] + rise * m[3])
        size = fs * m[3]
        bold = font.bold or st.render == 2  # fill+stroke: synthetic bold
        runs = self.runs
        if runs:
            last = runs[-1]
            # Glyph-by-glyph producers (Chromium: one Tj per glyph) would give
            # thousands of runs: extend the previous run when this continues it.
            if (
                last.font is font
                and abs(last.y - y) < 0.01
                and last.bold == bold
                and abs(last.size - size) < 0.01
                and abs(x0 - last.x1) < TOUCH_EM * size
            ):
                last.text += text
                last.x1 = max(last.x1, x1)
                last.icons.extend(icons)
                return
        runs.append(TextRun(x0, max(x0, x1), y, text, font, size, bold, icons))

    def next_line(self, tx: float, ty: float) -> None:
        """Move to the start of the next line, offset (tx, ty) from this one's."""
        tlm = self.tlm
        self.tlm = [
            tlm[0],
            tlm[1],
            tlm[2],
            tlm[3],
            tlm[4] + tx * tlm[0] + ty * tlm[2],
            tlm[5] + tx * tlm[1] + ty * tlm[3],
        ]
        self.tm = self.tlm[:]

    # -- paths: only the extent of small painted shapes -----------------------------

    def extend_path(self, coords: list) -> None:
        m = self.ctm
        box = self.path_box
        for i in range(0, len(coords) - 1, 2):
            x, y = float(coords[i]), float(coords[i + 1])
            px, py = m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]
            if box is None:
                box = self.path_box = [px, py, px, py]
            else:
                box[0], box[1], box[2], box[3] = min(box[0], px), min(box[1], py), max(box[2], px), max(box[3], py)

    def op_m(self, operands: list) -> None:
        self.subpaths += 1
        self.extend_path(operands)

    def op_path_segment(self, operands: list) -> None:  # l, c, v, y
        self.extend_path(operands)

    def op_re(self, operands: list) -> None:
        x, y, w, h = (float(v) for v in operands[:4])
        self.subpaths += 1
        self.extend_path([x, y, x + w, y + h])

    def op_paint(self, operands: list) -> None:  # f, F, f*, B, B*, b, b*, S, s
        box, count = self.path_box, self.subpaths
        self.path_box, self.subpaths = None, 0
        if box is None or count != 1:
            return
        w, h = box[2] - box[0], box[3] - box[1]
        if MARK_MIN <= w <= MARK_MAX and MARK_MIN <= h <= MARK_MAX and max(w, h) <= MARK_ASPECT * min(w, h):
            self.marks.append(PathMark(box[0] - self.left, box[2] - self.left, self.top - box[3], self.top - box[1]))

    def op_n(self, operands: list) -> None:
        self.path_box, self.subpaths = None, 0

    # -- operators: one method each ------------------------------------------------

    def op_BT(self, operands: list) -> None:
        self.tm = list(_IDENTITY)
        self.tlm = list(_IDENTITY)

    def op_Tf(self, operands: list) -> None:
        self.state.font = self.fonts.lookup(self.resources, operands[0])
        self.state.size = float(operands[1])

    def op_Tc(self, operands: list) -> None:
        self.state.char_spacing = float(operands[0])

    def op_Tw(self, operands: list) -> None:
        self.state.word_spacing = float(operands[0])

    def op_Tz(self, operands: list) -> None:
        self.state.scale = float(operands[0]) / 100.0

    def op_TL(self, operands: list) -> None:
        self.state.leading = float(operands[0])

    def op_Ts(self, operands: list) -> None:
        self.state.rise = float(operands[0])

    def op_Tr(self, operands: list) -> None:
        self.state.render = int(operands[0])

    def op_Td(self, operands: list) -> None:
        self.next_line(float(operands[0]), float(operands[1]))

    def op_TD(self, operands: list) -> None:
        tx, ty = float(operands[0]), float(operands[1])
        self.state.leading = -ty
        self.next_line(tx, ty)

    def op_T_star(self, operands: list) -> None:
        self.next_line(0.0, -self.state.leading)

    def op_Tm(self, operands: list) -> None:
        self.tlm = [float(v) for v in operands[:6]]
        self.tm = self.tlm[:]

    def op_Tj(self, operands: list) -> None:
        self.show(operands[0])

    def op_TJ(self, operands: list) -> None:
        for item in operands[0]:
            if isinstance(item, bytes):
                self.show(item)
            elif isinstance(item, (int, float)):
                # A number moves the pen back by n/1000 em (negative: a gap).
                dx = -float(item) / 1000.0 * self.state.size * self.state.scale
                tm = self.tm
                self.tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + dx * tm[0], tm[5] + dx * tm[1]]

    def op_quote(self, operands: list) -> None:  # '
        self.next_line(0.0, -self.state.leading)
        self.show(operands[-1])

    def op_double_quote(self, operands: list) -> None:  # "
        self.next_line(0.0, -self.state.leading)
        self.state.word_spacing, self.state.char_spacing = float(operands[0]), float(operands[1])
        self.show(operands[-1])

    def op_cm(self, operands: list) -> None:
        self.ctm = mult([float(v) for v in operands[:6]], self.ctm)

    def op_q(self, operands: list) -> None:
        self.stack.append((self.ctm, self.state.copy()))

    def op_Q(self, operands: list) -> None:
        if self.stack:
            self.ctm, self.state = self.stack.pop()

    def op_Do(self, operands: list) -> None:
        """A form XObject: its stream, with the current state, in its own frame."""
        if self.depth >= MAX_FORM_DEPTH or self.form_draws >= MAX_FORM_DRAWS:
            return
        self.form_draws += 1
        try:
            xobj = self.resources["/XObject"].get_object()[operands[0]].get_object()
        except (KeyError, AttributeError, TypeError):
            return
        if not isinstance(xobj, StreamObject) or xobj.get("/Subtype") != "/Form":
            return
        # Most forms are logos or rules: skip parsing those that cannot show text.
        data = xobj.get_data()
        if not any(t in data for t in (b"Tj", b"TJ", b"Do", b"'", b'"')):
            return
        ctm = self.ctm
        matrix = xobj.get("/Matrix")
        if isinstance(matrix, ArrayObject) and len(matrix) == 6:
            ctm = mult([float(v) for v in matrix], ctm)
        form_res = xobj.get("/Resources")
        form_res = form_res.get_object() if form_res is not None else self.resources
        self.run(xobj, form_res, ctm, self.state.copy(), self.depth + 1)


_HANDLERS: dict[bytes, Callable[[ContentInterpreter, list], None]] = {
    b"BT": ContentInterpreter.op_BT,
    b"Tf": ContentInterpreter.op_Tf,
    b"Tc": ContentInterpreter.op_Tc,
    b"Tw": ContentInterpreter.op_Tw,
    b"Tz": ContentInterpreter.op_Tz,
    b"TL": ContentInterpreter.op_TL,
    b"Ts": ContentInterpreter.op_Ts,
    b"Tr": ContentInterpreter.op_Tr,
    b"Td": ContentInterpreter.op_Td,
    b"TD": ContentInterpreter.op_TD,
    b"T*": ContentInterpreter.op_T_star,
    b"Tm": ContentInterpreter.op_Tm,
    b"Tj": ContentInterpreter.op_Tj,
    b"TJ": ContentInterpreter.op_TJ,
    b"'": ContentInterpreter.op_quote,
    b'"': ContentInterpreter.op_double_quote,
    b"cm": ContentInterpreter.op_cm,
    b"q": ContentInterpreter.op_q,
    b"Q": ContentInterpreter.op_Q,
    b"Do": ContentInterpreter.op_Do,
    b"m": ContentInterpreter.op_m,
    b"l": ContentInterpreter.op_path_segment,
    b"c": ContentInterpreter.op_path_segment,
    b"v": ContentInterpreter.op_path_segment,
    b"y": ContentInterpreter.op_path_segment,
    b"re": ContentInterpreter.op_re,
    b"n": ContentInterpreter.op_n,
    **dict.fromkeys((b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"S", b"s"), ContentInterpreter.op_paint),
}
