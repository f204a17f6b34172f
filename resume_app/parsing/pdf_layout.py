"""Positioned text lines from resume PDFs, using only pypdf.

``read_pdf_lines(data)`` interprets each page's content stream itself: pypdf
parses the operators (``ContentStream.operations``) and decodes the fonts
(``Font.from_font_resource``); the text-state bookkeeping (Tm/Td/TJ/Tf/cm/q/Q)
is done here, so every shown string gets its real start *and* end position.
``page.extract_text(visitor_text=...)`` cannot give that: the visitor receives
only the start matrix of an accumulated chunk (pypdf does not advance Tm after
Tj), and pypdf decides on word spaces with the font's space width, which fails
for LuaTeX fonts without a space glyph (Awesome-CV: "Ledservicemeshtechnology").
Since parsing the content stream is ~80% of extract_text's time anyway, doing
our own interpretation costs about the same as extract_text.

Pipeline per page:

1. content stream -> *runs*: glyphs drawn back to back in one font and size on
   one baseline (x0, x1, baseline, text, font, size, bold);
2. runs -> *rows*: runs whose baselines agree;
3. rows -> *blocks*: recursive column split at vertical gutters, so a sidebar is
   emitted as one block before/after the main column instead of interleaving;
4. each row of a block -> one ``Line``; its runs are joined with "" (glyphs
   touch), " " (word gap) or "\\t" (a wide gap, e.g. "Title \\t Dates", or an
   icon between two items).  Icons are taken out of the text and listed in
   ``Line.icons`` with their names where known.

Coordinates are PDF points relative to the page's crop box.  ``y`` is the
baseline measured **top-down** from the top edge of the crop box (0 = top), so
sorting by ``y`` is reading order; ``x`` grows to the right from its left edge.

Only pypdf is used.  One import is private: ``pypdf.generic._font.Font``
(pypdf 7.1.1; it is what ``extract_text`` itself uses to decode fonts and to
measure glyph widths).  Pin pypdf accordingly.
"""

from __future__ import annotations

import contextlib
import re
import struct
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader
from pypdf._codecs.adobe_glyphs import adobe_glyphs
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, IndirectObject, StreamObject
from pypdf.generic._font import Font

__all__ = ["Span", "Line", "Page", "read_pdf_lines"]  # noqa: RUF022


# ---------------------------------------------------------------------------- model


@dataclass(slots=True)
class Span:
    """Text drawn in one font and size on a line (words joined with spaces)."""

    x0: float
    x1: float
    y: float  # baseline, top-down
    text: str
    font: str  # BaseFont without the subset prefix ("ABCDEF+")
    size: float  # effective size in points (Tf size x text/CTM scale)
    bold: bool = False


@dataclass(slots=True)
class Line:
    page: int  # 1-based
    x0: float
    x1: float
    y: float  # baseline, top-down (the baseline carrying most characters)
    text: str  # spans joined by "", " " or "\t" (wide gap, or an icon between items)
    size: float  # dominant size of the leading segment (text before the first tab)
    bold: bool  # most characters of the leading segment are bold
    spans: list[Span]
    block: int = 0  # column block on the page, in reading order
    # Icon glyphs removed from the text (icon fonts, private-use code points), as
    # (x, name) in line order: "linkedin", "github", "envelope" where the font
    # tells (FontAwesome code point or ToUnicode name), else "U+EBC2".
    icons: list[tuple[float, str]] = field(default_factory=list)


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    # Bounding box (x0, y_top, x1, y_bottom) of each block, in reading order.
    blocks: list[tuple[float, float, float, float]] = field(default_factory=list)
    skipped_rotated: int = 0  # text strings not reported because not upright


# ----------------------------------------------------------------- tuning constants

SPACE_EM = 0.11  # a gap of >= this many ems between runs is a word space
# (Awesome-CV's TJ word gaps are 0.14-0.6 em, its kerning at most 0.04 em)
TOUCH_EM = 0.06  # runs closer than this continue each other; merged while reading
TAB_EM = 2.0  # a gap of >= this many ems becomes "\t" ...
TAB_REL_MIN_EM = 0.7  # ... and so does one of >= this many ems that is also
TAB_REL = 2.5  # >= this many times the row's normal word gap
ROW_TOL = 0.3  # baselines closer than this fraction of the font size share a row
GUTTER_MIN = 7.0  # a column gutter is at least this wide (points)
COL_MIN_ROWS = 4  # each side of a column split needs this many rows of text
COL_MAX_PAIRED = 0.5  # ... and at most this share of them on a shared baseline

_BULLETS = set("•◦▪▫‣⁃●○■□◆◇➢➤►▸✓✔❖*-–·")
_MULTI_SPACE = re.compile(r" {2,}")
_TAB_SPACES = re.compile(r" *\t[ \t]*")  # one tab, no spaces around it
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_BOLD_NAME = re.compile(
    r"bold|black|heavy|demi|"  # SemiBold, ExtraBold, DemiBold, Black, Heavy
    r"(?:^|[-_,])(?:bd|sb|hv)(?:$|[-_,])|"  # abbreviations (Arial,Bd  Foo-Sb)
    r"^(?:cmbx|cmb\d|cmssbx|sfbx|sfsx)",  # TeX bold fonts (CMBX10, SFBX1000)
    re.IGNORECASE,
)
# Fonts whose glyphs are pictures, whatever their ToUnicode says (Awesome-CV maps
# FontAwesome glyphs to names such as "GITHUB-SQUARE").  Symbol and Wingdings are
# not here: Word draws list bullets and separators with them.
_ICON_FONT = re.compile(
    r"fontawesome|phosphor|materialicons|material.?symbols|ionicons|octicons|"
    r"fontello|icomoon|simple.?icons|tabler|lucide|remixicon|bootstrap.?icons|"
    r"academicons|feather",
    re.IGNORECASE,
)
# FontAwesome code points are stable across versions 4-7; enough to name the
# contact/profile icons resumes use.
_FA_NAMES = {
    0xF08C: "linkedin",
    0xF0E1: "linkedin",
    0xF09B: "github",
    0xF092: "github",
    0xF113: "github",
    0xF296: "gitlab",
    0xF16C: "stack-overflow",
    0xF099: "twitter",
    0xE61B: "x-twitter",
    0xF16D: "instagram",
    0xF09A: "facebook",
    0xF167: "youtube",
    0xF1A0: "google",
    0xF3C5: "location",
    0xF041: "location",
    0xF0E0: "envelope",
    0xF003: "envelope",
    0xF095: "phone",
    0xF098: "phone",
    0xF3CD: "mobile",
    0xF10B: "mobile",
    0xF0C1: "link",
    0xF015: "home",
    0xF0AC: "globe",
    0xF57D: "globe",
    0xF19D: "graduation-cap",
    0xF0B1: "briefcase",
}
_SYMBOL_FONT = re.compile(r"symbol|wingding|dingbat", re.IGNORECASE)
# Private-use code points that Symbol/Wingdings bullets come out as.
_PUA_BULLETS = {
    0xF0B7: "•",
    0xF0A7: "▪",
    0xF0D8: "➢",
    0xF076: "❖",
    0xF0FC: "✓",
    0xF06E: "■",
    0xF0A8: "◦",
    0xF0E0: "➢",
    0xF02D: "-",
}
_FORCE_BOLD_FLAG = 1 << 18  # FontDescriptor /Flags bit 19

# Placeholder for a glyph whose ToUnicode maps it to U+0000 (a dropped ligature,
# Chromium/pdf-lib "Pro\0les").  Noncharacters U+FDD0..U+FDEF never occur in real
# text; each distinct (font, code) gets its own and is resolved per document.
_LIG_BASE = 0xFDD0
_LIG_MAX = 32
_LIG_RE = re.compile("[\ufdd0-\ufdef]")


def _is_private_use(cp: int) -> bool:
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


# ---------------------------------------------------------------------------- fonts


class _FontInfo:
    """Per-code text, width and icon name of one font resource, cached per document."""

    __slots__ = (
        "key",
        "name",
        "bold",
        "icon_font",
        "symbol_font",
        "two_byte",
        "width_scale",
        "space_em",
        "pdf_font",
        "_cache",
        "_ligs",
    )

    def __init__(self, font_dict: DictionaryObject, key: int, ligs: dict) -> None:
        self.key = key
        self.pdf_font = Font.from_font_resource(font_dict)
        self._cache: dict[int, tuple[str, float, str]] = {}
        self._ligs = ligs
        base = str(font_dict.get("/BaseFont", "") or self.pdf_font.name)
        self.name = _SUBSET_PREFIX.sub("", base.lstrip("/"))
        self.icon_font = bool(_ICON_FONT.search(self.name))
        self.symbol_font = bool(_SYMBOL_FONT.search(self.name))
        self.bold = bool(
            _BOLD_NAME.search(self.name)
            or int(self.pdf_font.font_descriptor.flags) & _FORCE_BOLD_FLAG
            or _font_weight(font_dict) >= 600
        )
        # pypdf reports Identity-H/-V (2-byte CIDs) as the codec name "utf-16-be".
        # They are decoded by hand: the codec would merge "surrogate" CID pairs.
        self.two_byte = self.pdf_font.encoding == "utf-16-be"
        # Type3 glyph widths are in glyph space: scale by the FontMatrix, not 1/1000.
        self.width_scale = 0.001
        if font_dict.get("/Subtype") == "/Type3":
            with contextlib.suppress(KeyError, IndexError, TypeError, ValueError):
                self.width_scale = float(font_dict["/FontMatrix"][0])
        # Only a space glyph that really exists counts; 0 = the font has none.
        self.space_em = self.char_width(" ")

    def decode(self, data: bytes) -> list[int]:
        """Character codes of a string operand."""
        if self.two_byte:
            n = len(data) // 2
            return list(struct.unpack(f">{n}H", data[: 2 * n]))
        encoding = self.pdf_font.encoding
        if isinstance(encoding, str):  # other predefined multi-byte CMaps (CJK)
            return [ord(c) for c in data.decode(encoding, "replace")]
        return list(data)

    def glyph(self, code: int) -> tuple[str, float, str]:
        """(clean text, advance width per 1 pt of font size, icon name or "") of a code."""
        hit = self._cache.get(code)
        if hit is not None:
            return hit
        f = self.pdf_font
        raw = chr(code)
        icon = None
        if isinstance(f.encoding, dict):
            # Simple font: pypdf's encoding dict gives the glyph's character, and
            # codes covered by /ToUnicode map to themselves there (get_encoding).
            enc = f.encoding.get(code, raw)
            uni = f.character_map.get(enc)
            if uni is None:  # no ToUnicode: the encoding's character or glyph name
                uni, icon = self._from_encoding(str(enc))
        else:
            uni = f.character_map.get(raw, raw)
        width = f.character_widths.get(raw, f.character_widths.get("default", 500))
        text, icon = ("", icon) if icon is not None else self._clean(str(uni), code)
        hit = (text, float(width) * self.width_scale, icon)
        self._cache[code] = hit
        return hit

    def char_width(self, ch: str) -> float:
        """Advance width (per 1 pt) of the glyph that maps to ch, or 0 if none does."""
        f = self.pdf_font
        for raw, uni in f.character_map.items():
            if uni == ch and isinstance(raw, str) and len(raw) == 1:
                return self.glyph(ord(raw))[1]
        if isinstance(f.encoding, dict):
            for code, uni in f.encoding.items():
                if uni == ch:
                    return self.glyph(code)[1]
        return 0.0

    def _from_encoding(self, enc: str) -> tuple[str, str | None]:
        """(character, icon name or None) of an encoding entry that no ToUnicode covers.

        pypdf resolves a /Differences glyph name through the Adobe Glyph List when
        it can and otherwise keeps the name ("/one.lnum", "/f_i", "/map_marker").
        Such names are read by the AGL rules here; a name that is no character
        (icon fonts' "/map_marker") and a pictograph (/envelope, /heart) are icons.
        """
        name = ""
        if len(enc) > 1 and enc[0] == "/":
            name, text = enc, glyph_name_text(enc)
            if text is None or self.icon_font:
                return "", _glyph_icon_name(enc)
        else:
            text = _adobe_small(enc)
        if not (self.symbol_font or self.icon_font) and _is_pictograph(text):
            return "", _glyph_icon_name(name) if name else _icon_name(text)
        return text, None

    def _clean(self, uni: str, code: int) -> tuple[str, str]:
        """(text, icon name) of one glyph's Unicode value; one of them is empty."""
        if uni == "\x00":
            key = (self.key, code)
            marker = self._ligs.get(key)
            if marker is None:
                if len(self._ligs) >= _LIG_MAX:
                    return "fi", ""
                marker = self._ligs[key] = chr(_LIG_BASE + len(self._ligs))
            return marker, ""
        if self.icon_font:
            return ("", _icon_name(uni)) if uni.strip() else (" ", "")
        out = []
        for ch in unicodedata.normalize("NFKC", uni):  # ﬁ -> fi, nbsp -> space
            cp = ord(ch)
            if _is_private_use(cp):
                if self.symbol_font and cp in _PUA_BULLETS:
                    out.append(_PUA_BULLETS[cp])
                else:
                    return "", _icon_name(uni)
            elif ch == "\u00ad":
                # LuaTeX (Awesome-CV) draws every hyphen as U+00AD.  A soft hyphen
                # that is drawn at all is a visible hyphen (or a line-end break).
                out.append("-")
            elif ch in "\t\n\r":
                out.append(" ")
            elif unicodedata.category(ch) == "Cc":
                # Unmapped glyphs.  Word's Wingdings separator dot comes out as
                # U+009F ("Road · Columbus"): keep it as a separator there.
                if self.symbol_font and cp >= 0x80:
                    out.append("·")
            else:
                out.append(ch)
        return "".join(out), ""


# Glyph names (Adobe Glyph List rules) -------------------------------------------
#
# pypdf resolves a /Differences name through the AGL when it can and otherwise
# keeps the name itself ("/one.lnum", "/f_i", "/map_marker") as the character.

_AGL_UNI = re.compile(r"uni((?:[0-9A-F]{4})+)")
_AGL_U = re.compile(r"u([0-9A-F]{4,6})")
# Icon-font glyph names for the icons that _FA_NAMES names by code point.
_GLYPH_ICON_ALIASES = {
    "map-marker": "location",
    "envelope-alt": "envelope",
    "envelope-o": "envelope",
    "mobile-phone": "mobile",
    "phone-sign": "phone",
    "github-alt": "github",
    "github-sign": "github",
    "linkedin-sign": "linkedin",
}


def glyph_name_text(name: str) -> str | None:
    """The text of a glyph name by the Adobe Glyph List rules, None if it names no
    character: "/one.lnum" -> "1", "/f_i" -> "fi", "/uni00410042" -> "AB",
    "/a.sc" -> "a", "/map_marker" -> None."""
    base = name.lstrip("/").split(".", 1)[0]
    if not base:
        return None  # ".notdef", ".null"
    out = []
    for part in base.split("_"):
        ch = adobe_glyphs.get("/" + part)
        if ch is None:
            if m := _AGL_UNI.fullmatch(part):
                cps = [int(m.group(1)[i : i + 4], 16) for i in range(0, len(m.group(1)), 4)]
            elif m := _AGL_U.fullmatch(part):
                cps = [int(m.group(1), 16)]
            else:
                return None
            if any(0xD800 <= cp <= 0xDFFF or cp > 0x10FFFF for cp in cps):
                return None
            ch = "".join(map(chr, cps))
        out.append(_adobe_small(ch))
    return "".join(out)


def _adobe_small(text: str) -> str:
    """The AGL's private-use small capitals and old-style figures (U+F721..U+F7FF:
    "Asmall", "oneoldstyle") as the letters and digits they are."""
    if len(text) == 1 and 0xF721 <= ord(text) <= 0xF7FF:
        return chr(ord(text) - 0xF700)
    return text


def _is_pictograph(text: str) -> bool:
    """Dingbats and pictographs that a glyph name spells (/envelope, /heart), other
    than the ones resumes use as bullets."""
    return len(text) == 1 and text not in _BULLETS and (0x2600 <= ord(text) <= 0x27BF or ord(text) >= 0x1F000)


def _glyph_icon_name(name: str) -> str:
    """A readable icon name from a glyph name: "/map_marker" -> "location"."""
    clean = name.lstrip("/").split(".", 1)[0].lower().replace("_", "-").strip("-") or "unknown"
    return _GLYPH_ICON_ALIASES.get(clean, clean)


def _icon_name(uni: str) -> str:
    """A readable name for an icon glyph's Unicode value."""
    if len(uni) > 1 and re.fullmatch(r"[A-Za-z][A-Za-z0-9-]*", uni):
        return uni.lower()  # LuaTeX + fontawesome.sty put the icon name in ToUnicode
    cp = ord(uni[0])
    if cp in _FA_NAMES:
        return _FA_NAMES[cp]
    if not _is_private_use(cp):
        name = unicodedata.name(uni[0], "")  # emoji-like pictographs: "MOBILE PHONE"
        if name:
            return name.lower()
    return f"U+{cp:04X}"


def _font_weight(font_dict: DictionaryObject) -> float:
    """/FontWeight of the font's descriptor (or its descendant's), 0 if absent."""
    try:
        fd = font_dict.get("/FontDescriptor")
        if fd is None and "/DescendantFonts" in font_dict:
            fd = font_dict["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        return float(fd.get_object().get("/FontWeight", 0)) if fd is not None else 0.0
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):
        return 0.0


# ------------------------------------------------------------------- interpretation


def _mult(m: list[float], n: list[float]) -> list[float]:
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
class _Run:
    """Glyphs drawn back to back: the unit that rows and lines are built from."""

    x0: float
    x1: float
    y: float  # baseline, top-down
    text: str
    font: _FontInfo
    size: float
    bold: bool
    icons: list[tuple[float, str]] = field(default_factory=list)


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class _Interpreter:
    """Follows the text state through a page's content stream and collects runs.

    Only what decides where glyphs land is tracked.  Colour, clipping and paths
    are ignored, so white or clipped text is reported like visible text.
    """

    def __init__(self, reader: PdfReader, fonts: dict[int, _FontInfo], ligs: dict, origin: tuple[float, float]) -> None:
        self.reader = reader
        self.fonts = fonts
        self.ligs = ligs
        self.left, self.top = origin
        self.runs: list[_Run] = []
        self.skipped_rotated = 0

    def _font(self, resources: DictionaryObject, name: Any) -> _FontInfo | None:
        try:
            ref = resources["/Font"].get_object().raw_get(name)
        except (KeyError, AttributeError, TypeError):
            return None
        # Pages share font objects; key the cache on the object number.
        key = ref.idnum if isinstance(ref, IndirectObject) else id(ref)
        info = self.fonts.get(key)
        if info is None:
            try:
                info = _FontInfo(ref.get_object(), key, self.ligs)
            except Exception:  # noqa: BLE001 - an unreadable font loses its text only
                return None
            self.fonts[key] = info
        return info

    def run(
        self,
        content: Any,
        resources: Any,
        ctm: list[float],
        inherited: tuple = (None, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0),
        depth: int = 0,
    ) -> None:
        """Interpret one content stream (page or form XObject)."""
        try:
            operations = ContentStream(content, self.reader, "bytes").operations
        except Exception:  # noqa: BLE001 - a broken stream yields no text, not an error
            return
        if not isinstance(resources, DictionaryObject):
            resources = DictionaryObject()

        # Text state is part of the graphics state (ISO 32000 9.3.1): q/Q save it.
        font, fs, tc, tw, th, tl, rise, render = inherited
        stack: list[tuple] = []
        tm = list(_IDENTITY)
        tlm = list(_IDENTITY)
        runs = self.runs
        left, top = self.left, self.top

        def show(data: Any) -> None:
            nonlocal tm
            if font is None or not isinstance(data, bytes):
                return
            m = _mult(tm, ctm)
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
            tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + adv * tm[0], tm[5] + adv * tm[1]]
            # Report upright text only (skew allowed: synthetic italics); rotated
            # margin labels would poison row and column detection.
            if m[0] <= 0 or m[3] <= 0 or abs(m[1]) > 0.01 * m[0]:
                self.skipped_rotated += 1
                return
            text = "".join(parts)
            if not text and not icons:
                return
            x0 = m[4] + rise * m[2] - left
            x1 = x0 + adv * m[0]
            if icons:
                icons = [(round(x0 + dx * m[0], 1), name) for dx, name in icons]
            y = top - (m[5] + rise * m[3])
            size = fs * m[3]
            bold = font.bold or render == 2  # fill+stroke: synthetic bold
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
            runs.append(_Run(x0, max(x0, x1), y, text, font, size, bold, icons))

        for operands, op in operations:
            try:
                if op == b"Tj":
                    show(operands[0])
                elif op == b"TJ":
                    for item in operands[0]:
                        if isinstance(item, bytes):
                            show(item)
                        elif isinstance(item, (int, float)):
                            # A number moves the pen back by n/1000 em (negative: a gap).
                            dx = -float(item) / 1000.0 * fs * th
                            tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + dx * tm[0], tm[5] + dx * tm[1]]
                elif op in (b"Td", b"TD", b"T*", b"'", b'"'):
                    if op == b"T*" or op == b"'" or op == b'"':
                        tx, ty = 0.0, -tl
                    else:
                        tx, ty = float(operands[0]), float(operands[1])
                        if op == b"TD":
                            tl = -ty
                    tlm = [
                        tlm[0],
                        tlm[1],
                        tlm[2],
                        tlm[3],
                        tlm[4] + tx * tlm[0] + ty * tlm[2],
                        tlm[5] + tx * tlm[1] + ty * tlm[3],
                    ]
                    tm = tlm[:]
                    if op == b'"':
                        tw, tc = float(operands[0]), float(operands[1])
                    if op == b"'" or op == b'"':
                        show(operands[-1])
                elif op == b"Tm":
                    tlm = [float(v) for v in operands[:6]]
                    tm = tlm[:]
                elif op == b"Tf":
                    font = self._font(resources, operands[0])
                    fs = float(operands[1])
                elif op == b"BT":
                    tm = list(_IDENTITY)
                    tlm = list(_IDENTITY)
                elif op == b"cm":
                    ctm = _mult([float(v) for v in operands[:6]], ctm)
                elif op == b"q":
                    stack.append((ctm, font, fs, tc, tw, th, tl, rise, render))
                elif op == b"Q":
                    if stack:
                        ctm, font, fs, tc, tw, th, tl, rise, render = stack.pop()
                elif op == b"Tc":
                    tc = float(operands[0])
                elif op == b"Tw":
                    tw = float(operands[0])
                elif op == b"Tz":
                    th = float(operands[0]) / 100.0
                elif op == b"TL":
                    tl = float(operands[0])
                elif op == b"Ts":
                    rise = float(operands[0])
                elif op == b"Tr":
                    render = int(operands[0])
                elif op == b"Do" and depth < 8:
                    self._form(resources, operands[0], ctm, (font, fs, tc, tw, th, tl, rise, render), depth)
            except Exception:  # noqa: BLE001 - a malformed operator: skip it, as viewers do
                continue

    def _form(self, resources: DictionaryObject, name: Any, ctm: list[float], state: tuple, depth: int) -> None:
        try:
            xobj = resources["/XObject"].get_object()[name].get_object()
        except (KeyError, AttributeError, TypeError):
            return
        if not isinstance(xobj, StreamObject) or xobj.get("/Subtype") != "/Form":
            return
        # Most forms are logos or rules: skip parsing those that cannot show text.
        data = xobj.get_data()
        if not any(t in data for t in (b"Tj", b"TJ", b"Do", b"'", b'"')):
            return
        matrix = xobj.get("/Matrix")
        if isinstance(matrix, ArrayObject) and len(matrix) == 6:
            ctm = _mult([float(v) for v in matrix], ctm)
        form_res = xobj.get("/Resources")
        form_res = form_res.get_object() if form_res is not None else resources
        self.run(xobj, form_res, ctm, state, depth + 1)


# ------------------------------------------------------------------------ ligatures

# Letters after a dropped "f?" ligature: after "fl" come o/a/u/i/y ("flow",
# "fluent", "flight") and "ex/ec/ee/ed" ("flexible", "reflect"); after "fi"
# consonants ("files", "first"), "eld" and "-ied" ("field", "certified").
_AFTER_FL = set("oauyi")
_AFTER_FL_2 = ("ex", "ec", "ee", "ed")
_AFTER_FI_2 = ("el",)
_LIGATURES = ("fi", "fl", "ff", "ffi", "ffl")


def _resolve_ligatures(runs: list[_Run], ligs: dict, fonts: dict[int, _FontInfo]) -> None:
    """Replace dropped-ligature placeholders by "fi", "fl", "ff", "ffi" or "ffl".

    The glyph's identity is gone (subset font without glyph names, ToUnicode maps
    it to U+0000), so two weak clues are combined per glyph over the document:
    its advance width against f, i and l of the same font separates 2- from
    3-letter ligatures and ff from fi/fl; the letters after each occurrence vote
    for an i or l ending.  With no clue at all, fonts order fi before fl.
    """
    if not ligs:
        return
    votes: dict[str, Counter] = {m: Counter() for m in ligs.values()}
    for run in runs:
        text = run.text
        if not _LIG_RE.search(text):
            continue
        for i, ch in enumerate(text):
            if ch not in votes:
                continue
            nxt = text[i + 1 : i + 3].lower()
            prev = text[i - 1 : i].lower()
            if not nxt or not nxt[0].isalpha():
                votes[ch]["i"] += 0.5  # word end: "wifi", "sci-fi"
            elif nxt[:2] in _AFTER_FI_2 or (nxt[0] == "e" and prev == "i"):
                votes[ch]["i"] += 1
            elif nxt[:2] in _AFTER_FL_2 or nxt[0] in _AFTER_FL:
                votes[ch]["l"] += 1
            else:
                votes[ch]["i"] += 1
    resolved: dict[str, str] = {}
    per_font: Counter = Counter()
    for (font_key, code), marker in sorted(ligs.items()):
        candidates = list(_LIGATURES)
        font = fonts.get(font_key)
        if font is not None:
            lig_w = font.glyph(code)[1]
            w = {c: font.char_width(c) for c in "fil"}
            if lig_w > 0 and all(w.values()):
                err = {lg: abs(lig_w / sum(w[c] for c in lg) - 1) for lg in _LIGATURES}
                best = min(err.values())
                candidates = [lg for lg in _LIGATURES if err[lg] <= best + 0.08]
        v = votes[marker]
        ending = ("l" if v["l"] > v["i"] else "i") if v else ("i" if per_font[font_key] == 0 else "l")
        per_font[font_key] += 1
        pick = [c for c in candidates if c.endswith(ending)] or candidates
        resolved[marker] = min(pick, key=len)  # widths cannot tell: the common 2-letter one
    for run in runs:
        if _LIG_RE.search(run.text):
            run.text = _LIG_RE.sub(lambda mm: resolved.get(mm.group(0), "fi"), run.text)


# ---------------------------------------------------------------------------- rows


def _rows(runs: list[_Run]) -> list[list[_Run]]:
    """Group runs by baseline; rows top to bottom, runs left to right."""
    rows: list[list[_Run]] = []
    ref_y = ref_size = 0.0
    for run in sorted(runs, key=lambda r: (r.y, r.x0)):
        # max(): a superscript or an icon stays on the row of the text beside it.
        if rows and run.y - ref_y <= ROW_TOL * max(run.size, ref_size):
            rows[-1].append(run)
        else:
            rows.append([run])
            ref_y, ref_size = run.y, run.size
    for row in rows:
        row.sort(key=lambda r: r.x0)
        # Some producers overprint a string to fake bold: keep one copy, as bold.
        kept = [row[0]]
        for r in row[1:]:
            p = kept[-1]
            if r.text == p.text and abs(r.x0 - p.x0) < 0.5 and abs(r.y - p.y) < 0.5:
                p.bold = True
            else:
                kept.append(r)
        row[:] = kept
    return rows


# ------------------------------------------------------------------------- columns


def _split_columns(rows: list[list[_Run]]) -> list[list[list[_Run]]]:
    """Order rows into blocks: bands top to bottom, columns of a band left to right.

    A gutter is a vertical line that no text crosses over a run of consecutive
    rows.  It splits the band into columns only if both sides are independent
    text: several rows each, few shared baselines (a sidebar's lines meet the
    main column's only by accident, a date column sits on its titles' baselines),
    and neither side right-aligned (Europass label columns, date columns).
    Applied recursively, so header bands, 3 columns and footers work too.
    """
    if len(rows) < 2 * COL_MIN_ROWS:
        return [rows]
    segs = [_segments(row) for row in rows]
    best = _find_gutter(rows, segs)
    if best is None:
        return [rows]
    start, end, gx = best
    left: list[list[_Run]] = []
    right: list[list[_Run]] = []
    for row in rows[start:end]:
        lpart = [r for r in row if r.x0 + r.x1 < 2 * gx]
        rpart = [r for r in row if r.x0 + r.x1 >= 2 * gx]
        if lpart:
            left.append(lpart)
        if rpart:
            right.append(rpart)
    blocks: list[list[list[_Run]]] = []
    for part in (rows[:start], left, right, rows[end:]):
        if part:
            blocks.extend(_split_columns(part))
    return blocks


def _segments(row: list[_Run]) -> list[tuple[float, float]]:
    """x-extents of the row's text, split where runs are >= GUTTER_MIN apart."""
    segs: list[list[float]] = []
    for r in row:
        if not r.text.strip():
            continue
        if segs and r.x0 - segs[-1][1] < GUTTER_MIN:
            segs[-1][1] = max(segs[-1][1], r.x1)
        else:
            segs.append([r.x0, r.x1])
    return [(a, b) for a, b in segs]


def _crosses(segs: list[tuple[float, float]], x: float) -> bool:
    for a, b in segs:  # noqa: SIM110 - hot loop; any() over a generator is slower
        if a < x < b:
            return True
    return False


def _find_gutter(rows: list[list[_Run]], segs: list[list[tuple[float, float]]]):
    """(first row, end row, gutter x) of the best column split, or None.

    Candidate lines sit just beside segment ends and starts.  For each, every
    maximal run of consecutive rows not crossing it is a band; its gutter is the
    free x-interval common to all its rows.
    """
    ends = [b for row in segs for _, b in row]
    starts = [a for row in segs for a, _ in row]
    if not starts:
        return None
    lo, hi = min(starts) + GUTTER_MIN, max(ends) - GUTTER_MIN
    cands = sorted({round(b + 0.5) for b in ends} | {round(a - 0.5) for a in starts})
    n = len(rows)
    best = None
    best_score = 0.0
    seen: set = set()
    for gx in cands:
        if not lo < gx < hi:
            continue
        i = 0
        while i < n:
            while i < n and _crosses(segs[i], gx):
                i += 1
            j = i
            while j < n and not _crosses(segs[j], gx):
                j += 1
            if j - i >= 2 * COL_MIN_ROWS:
                gl = max((b for k in range(i, j) for _, b in segs[k] if b < gx), default=None)
                gr = min((a for k in range(i, j) for a, _ in segs[k] if a > gx), default=None)
                key = (i, j, gl, gr)  # neighbouring candidates find the same band
                if gl is not None and gr is not None and gr - gl >= GUTTER_MIN and key not in seen:
                    seen.add(key)
                    score = _band_score(rows[i:j], (gl + gr) / 2, gr - gl)
                    if score > best_score:
                        best_score, best = score, (i, j, (gl + gr) / 2)
            i = j
    return best


def _band_score(band: list[list[_Run]], gx: float, width: float) -> float:
    """How strongly the band reads as two independent columns split at gx (0: not)."""
    n_left = n_right = paired = 0
    left_ext: list[tuple[float, float]] = []
    right_ext: list[tuple[float, float]] = []
    for row in band:
        lr = [r for r in row if r.x1 <= gx and r.text.strip()]
        rr = [r for r in row if r.x0 >= gx and r.text.strip()]
        if lr:
            n_left += 1
            left_ext.append((lr[0].x0, max(r.x1 for r in lr)))
        if rr:
            n_right += 1
            right_ext.append((rr[0].x0, max(r.x1 for r in rr)))
        # Strictly the same baseline: rows group baselines up to ROW_TOL apart,
        # and independent columns often come that close by accident.
        if lr and rr and any(abs(a.y - b.y) < 0.6 for a in lr for b in rr):
            paired += 1
    if n_left < COL_MIN_ROWS or n_right < COL_MIN_ROWS:
        return 0.0
    if _right_aligned(left_ext) or _right_aligned(right_ext):
        return 0.0
    share = paired / min(n_left, n_right)
    if share > COL_MAX_PAIRED:
        return 0.0
    height = band[-1][0].y - band[0][0].y
    # Wide gutters win: a narrow one is often a header line ending by chance
    # just before where a column starts further down.
    return height * (1.0 - share) * min(1.0, width / (2 * GUTTER_MIN))


def _right_aligned(ext: list[tuple[float, float]]) -> bool:
    """Lines share their right edge but not their left edge."""

    def aligned(vals: list[float]) -> float:
        med = sorted(vals)[len(vals) // 2]
        return sum(abs(v - med) <= 1.5 for v in vals) / len(vals)

    return aligned([b for _, b in ext]) >= 0.7 and aligned([a for a, _ in ext]) < 0.5


# --------------------------------------------------------------------------- lines


def _separators(row: list[_Run]) -> list[str]:
    """What goes before each run: "" (touching), " " (word gap) or "\\t" (field break).

    A field break is a gap >= TAB_EM, or >= TAB_REL_MIN_EM and several times the
    row's usual word gap: that catches moderncv's narrow date column ("May 2023 |
    Princeton", 0.85 em) while a justified line, whose stretched gaps are alike,
    gets none.  An icon between two items is a field break too.
    """
    pairs = list(zip(row, row[1:], strict=False))  # (previous run, run)
    gaps = [r.x0 - p.x1 for p, r in pairs]
    ems = [(r.size + p.size) / 2 for p, r in pairs]
    word_gaps = sorted(g / e for g, e in zip(gaps, ems, strict=True) if g >= SPACE_EM * e)
    if len(word_gaps) >= 3:
        usual = word_gaps[len(word_gaps) // 2]
    else:  # too few gaps to learn from: the font's own space, or a typical one
        usual = next((r.font.space_em for r in row if r.font.space_em), 0.25)
    seps = [""]
    text_seen = False  # visible text before `prev`
    for prev, gap, em in zip(row, gaps, ems, strict=False):  # row has one more
        g = gap / em
        is_icon = prev.icons and not prev.text.strip()
        after_text, text_seen = text_seen, text_seen or not is_icon
        if is_icon and after_text:
            # An icon between two items ("phone [icon] email") is a field break.
            seps.append("\t")
        elif prev.text.strip() in _BULLETS:
            # Word indents list text with a tab after the bullet: not a field break.
            seps.append(" " if g >= SPACE_EM else "")
        elif g >= TAB_EM or (g >= TAB_REL_MIN_EM and g >= TAB_REL * usual):
            seps.append("\t")
        elif g >= SPACE_EM:
            seps.append(" ")
        else:
            seps.append("")
    return seps


def _make_line(page_no: int, row: list[_Run], block: int) -> Line | None:
    icons = [icon for r in row for icon in r.icons]
    texts = [r for r in row if r.text.strip()]
    if not texts:
        return None  # blank, or icons only
    # Icon runs stay in as empty text: an icon between two items is a field
    # break ("phone [icon] email" -> "phone\temail"), see _separators.
    row = [r for r in row if r.text.strip() or r.icons]
    seps = _separators(row)
    pieces: list[str] = []
    spans: list[Span] = []
    for r, sep in zip(row, seps, strict=True):
        text = r.text
        if sep == "\t":
            # The tab replaces the spaces around it, so "A\tB" splits cleanly.
            pieces[-1] = pieces[-1].rstrip(" ")
            text = text.lstrip(" ")
        elif sep == " " and (pieces[-1].endswith(" ") or text.startswith(" ")):
            sep = ""
        pieces.append(sep + text)
        if not text.strip():
            continue
        cur = spans[-1] if spans else None
        if (
            cur is not None
            and sep != "\t"
            and cur.font == r.font.name
            and abs(cur.size - r.size) < 0.05
            and cur.bold == r.bold
        ):
            cur.text += sep + text
            cur.x1 = r.x1
        else:
            spans.append(Span(r.x0, r.x1, r.y, text, r.font.name, round(r.size, 2), r.bold))
    for s in spans:
        s.text = _MULTI_SPACE.sub(" ", s.text).strip(" ")
    # Style comes from the leading segment (up to the first tab), counted in
    # visible characters: in "Company \t City" the company's weight is what marks
    # an entry title, and a bullet glyph or icon must not decide the size.
    lead = row[: seps.index("\t")] if "\t" in seps else row
    if not any(r.text.strip() for r in lead):
        lead = texts
    sizes: Counter = Counter()
    chars = bold_chars = 0
    for r in lead:
        n = len(r.text) - r.text.count(" ")
        sizes[round(r.size, 1)] += n
        chars += n
        bold_chars += n if r.bold else 0
    baselines: Counter = Counter()
    for r in texts:
        baselines[round(r.y, 1)] += len(r.text)
    return Line(
        page=page_no,
        x0=texts[0].x0,
        x1=max(r.x1 for r in texts),
        y=baselines.most_common(1)[0][0],
        text=_TAB_SPACES.sub("\t", _MULTI_SPACE.sub(" ", "".join(pieces))).strip(" \t"),
        size=sizes.most_common(1)[0][0],
        bold=bold_chars * 2 > chars,
        spans=spans,
        block=block,
        icons=icons,
    )


# ----------------------------------------------------------------------------- API


def read_pdf_lines(reader: PdfReader) -> list[Page]:
    """Positioned lines of every page of an opened PDF, in reading order.

    Lines are ordered block by block (``Line.block``); a two-column page gives
    the header band, then the left column, then the right column.
    """
    fonts: dict[int, _FontInfo] = {}
    ligs: dict[tuple[int, int], str] = {}
    collected = []
    for number, page in enumerate(reader.pages, start=1):
        box = page.cropbox
        interp = _Interpreter(reader, fonts, ligs, (float(box.left), float(box.top)))
        contents = page.get("/Contents")
        if contents is not None:
            resources = page.get("/Resources")
            interp.run(
                contents.get_object(), resources.get_object() if resources is not None else None, list(_IDENTITY)
            )
        collected.append((number, box, interp))

    # Ligature glyphs are resolved over the whole document: more context.
    _resolve_ligatures([r for *_, it in collected for r in it.runs], ligs, fonts)

    pages: list[Page] = []
    for number, box, interp in collected:
        page = Page(number, float(box.width), float(box.height), skipped_rotated=interp.skipped_rotated)
        rows = _rows([r for r in interp.runs if r.text.strip() or r.icons])
        for block in _split_columns(rows):
            b = len(page.blocks)
            lines = [ln for row in block if (ln := _make_line(number, row, b)) is not None]
            if lines:
                page.blocks.append((min(ln.x0 for ln in lines), lines[0].y, max(ln.x1 for ln in lines), lines[-1].y))
                page.lines.extend(lines)
        pages.append(page)
    return pages
