"""Step 1 of the PDF reader: fonts.

A ``PdfFont`` wraps one font resource, decoded by pypdf's ``Font`` (a private
import: ``pypdf.generic._font.Font``, pypdf 7.1.1; it is what ``extract_text``
itself uses), and answers per character code: the glyph's clean text, its
advance width per point of font size, and its icon name when the glyph is a
picture (icon fonts, private-use code points, glyph names that are no character).

Glyph names in a /Differences array that pypdf could not resolve ("/one.lnum",
"/f_i", "/map_marker") are read here by the Adobe Glyph List rules.
"""

from __future__ import annotations

import contextlib
import re
import struct
import unicodedata

from pypdf._codecs.adobe_glyphs import adobe_glyphs
from pypdf.generic import DictionaryObject
from pypdf.generic._font import Font

from resume_app.parsing.pdf_ligatures import DroppedLigatures

__all__ = ["BULLET_GLYPHS", "PdfFont", "glyph_name_text", "icon_name"]

# Glyphs that start a list item; a dingbat among them is text, not an icon.
BULLET_GLYPHS = frozenset("•◦▪▫‣⁃●○■□◆◇➢➤►▸✓✔❖*-–·")

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
# TeX's text encodings put the f-ligatures on control codes (OT1 at 0x0B-0x0F, T1 at
# 0x1B-0x1F); a pdfTeX font without ToUnicode leaves them unmapped ("Scientic", "a exible").
_TEX_LIGATURES = {
    0x0B: "ff", 0x0C: "fi", 0x0D: "fl", 0x0E: "ffi", 0x0F: "ffl",
    0x1B: "ff", 0x1C: "fi", 0x1D: "fl", 0x1E: "ffi", 0x1F: "ffl",
}  # fmt: skip

_PUABULLET_GLYPHS = {
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


def _is_private_use(cp: int) -> bool:
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


class PdfFont:
    """Per-code text, width and icon name of one font resource, cached per document.

    ``key`` identifies the resource in the document (its object number).  A glyph
    that ToUnicode maps to U+0000 (a dropped ligature) comes out as a placeholder
    from ``ligatures``, resolved once the whole document is read.
    """

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
        "_ligatures",
    )

    def __init__(self, font_dict: DictionaryObject, key: int, ligatures: DroppedLigatures) -> None:
        self.key = key
        self.pdf_font = Font.from_font_resource(font_dict)
        self._cache: dict[int, tuple[str, float, str]] = {}
        self._ligatures = ligatures
        base = str(font_dict.get("/BaseFont", "") or self.pdf_font.name)
        self.name = _SUBSET_PREFIX.sub("", base.lstrip("/"))
        self.icon_font = bool(_ICON_FONT.search(self.name))
        self.symbol_font = bool(_SYMBOL_FONT.search(self.name))
        self.bold = bool(
            _BOLD_NAME.search(self.name)
            or int(self.pdf_font.font_descriptor.flags) & _FORCE_BOLD_FLAG
            or font_weight(font_dict) >= 600
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
            ligature = _TEX_LIGATURES.get(code) if enc == raw and raw in f.character_widths else None
            if uni is None and ligature and not (self.symbol_font or self.icon_font):
                uni = ligature
            elif uni is None:  # no ToUnicode: the encoding's character or glyph name
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
            return "", _glyph_icon_name(name) if name else icon_name(text)
        return text, None

    def _clean(self, uni: str, code: int) -> tuple[str, str]:
        """(text, icon name) of one glyph's Unicode value; one of them is empty."""
        if uni == "\x00":
            return self._ligatures.marker(self, code), ""
        if self.icon_font:
            return ("", icon_name(uni)) if uni.strip() else (" ", "")
        out = []
        for ch in unicodedata.normalize("NFKC", uni):  # ﬁ -> fi, nbsp -> space
            cp = ord(ch)
            if _is_private_use(cp):
                if self.symbol_font and cp in _PUABULLET_GLYPHS:
                    out.append(_PUABULLET_GLYPHS[cp])
                else:
                    return "", icon_name(uni)
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
    return len(text) == 1 and text not in BULLET_GLYPHS and (0x2600 <= ord(text) <= 0x27BF or ord(text) >= 0x1F000)


def _glyph_icon_name(name: str) -> str:
    """A readable icon name from a glyph name: "/map_marker" -> "location"."""
    clean = name.lstrip("/").split(".", 1)[0].lower().replace("_", "-").strip("-") or "unknown"
    return _GLYPH_ICON_ALIASES.get(clean, clean)


def icon_name(uni: str) -> str:
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


def font_weight(font_dict: DictionaryObject) -> float:
    """/FontWeight of the font's descriptor (or its descendant's), 0 if absent."""
    try:
        fd = font_dict.get("/FontDescriptor")
        if fd is None and "/DescendantFonts" in font_dict:
            fd = font_dict["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        return float(fd.get_object().get("/FontWeight", 0)) if fd is not None else 0.0
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):
        return 0.0
