"""Read a resume DOCX into lines of text, in reading order, with the formatting
hints a resume parser needs (list paragraph, bold, size, caps, alignment, origin).

Entry point: ``read_docx_lines(data: bytes) -> list[Line]``.

The upload is checked first (``validate_docx``), on the raw bytes, because
python-docx trusts the zip and reads every part into memory.  python-docx then
opens the package and gives us styles, part relationships and settings; the text
itself is read by walking the WordprocessingML with lxml, because python-docx's
``paragraph.text`` / ``iter_inner_content()`` skip content controls (w:sdt), text
boxes and ``w:sym`` glyphs, and ``row.cells`` repeats merged cells.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.styles import BabelFish
from lxml import etree

__all__ = ["Line", "Span", "DocxRejected", "validate_docx", "read_docx_lines"]


# --------------------------------------------------------------------------- #
# Result types
# --------------------------------------------------------------------------- #


class Span(NamedTuple):
    """A stretch of a line with uniform formatting (adjacent runs merged)."""

    text: str
    bold: bool
    caps: bool
    size: float | None


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line of the document.

    A paragraph gives one Line, or several when it contains manual line breaks
    (w:br / w:cr): the pieces after the first have ``continued=True`` and share the
    paragraph's ``para`` number, so a caller can glue a wrapped bullet back together.
    """

    text: str  # tabs kept as "\t" ("Title\t\t\tMay 2018"); trailing blanks trimmed
    source: str  # "body" | "table" | "textbox" | "header" | "footer"
    style: str | None  # paragraph style UI name ("Normal", "List Paragraph", "CM7")
    is_list: bool = False  # paragraph is numbered/bulleted (w:numPr, direct or by style)
    list_level: int | None = None  # w:ilvl, 0-based; None when not a list paragraph
    list_format: str | None = None  # numFmt of that level: "bullet", "decimal", ...
    bold: bool = False  # more than half of the visible characters are bold
    bold_ratio: float = 0.0  # share of visible characters that are bold
    font_size: float | None = None  # points, size of most characters; None if unknown
    all_caps: bool = False  # w:caps on most characters (text itself is as typed)
    alignment: str = "left"  # "left" | "center" | "right" | "justify"
    continued: bool = False  # piece after a manual line break in the same paragraph
    para: int = 0  # running paragraph number, shared by pieces of one paragraph
    cell: tuple[int, int, int] | None = None  # (table no., row, grid column) in a table
    in_textbox: bool = False  # inside a text box (also for boxes in headers/footers)
    # Formatting runs of ``text`` (same trimming), for lines whose parts differ:
    # "Company\t\tMay 2018" with only the company bold.
    spans: tuple[Span, ...] = ()


class DocxRejected(ValueError):
    """The upload is not a DOCX we are willing to open; ``str()`` is user-facing."""


# --------------------------------------------------------------------------- #
# Safety checks (on the raw bytes, before python-docx or lxml parse anything)
# --------------------------------------------------------------------------- #

# A resume is a few pages; real ones with photos stay well under these limits.
MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_MEMBERS = 1000
MAX_TOTAL_UNCOMPRESSED = 100 * 1024 * 1024
# Text XML compresses 5-20x, zeros ~1000x.  Only members that expand to something
# sizeable are judged on ratio, so small, very repetitive parts still pass.
MAX_RATIO = 100
RATIO_MIN_SIZE = 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD_RE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
# Encodings in which a byte search for "<!DOCTYPE" works (UTF-16 is decoded first).
_SAFE_ENCODINGS = {
    "utf-8",
    "utf8",
    "utf-16",
    "utf-16le",
    "utf-16be",
    "us-ascii",
    "ascii",
    "iso-8859-1",
    "latin1",
    "latin-1",
    "windows-1252",
    "cp1252",
}
_REL_OFFICE_DOC_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
_WML_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_WML_REFUSED = {  # Word files python-docx will not open
    "application/vnd.ms-word.document.macroEnabled.main+xml": "macro-enabled (.docm)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "a template (.dotx)",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "a template (.dotm)",
}
# Only for our two small look-ups ([Content_Types].xml, _rels/.rels), which run
# after the DTD scan; the settings are belt and braces.
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

# What a damaged zip can raise: zipfile raises NotImplementedError for unknown
# versions/methods, struct.error comes from reading headers at bogus offsets.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    OSError,
    ValueError,
    EOFError,
    struct.error,
    zlib.error,
    KeyError,
    IndexError,
)

_MSG_NOT_DOCX = "This file is not a valid Word document (.docx)."
_MSG_NOT_WORD = "This file is not a Word document."
_MSG_DAMAGED = "This Word document is damaged and could not be read."
_MSG_PASSWORD = "This document is password-protected; please remove the password in Word and upload it again."
_MSG_TOO_MANY = "This document contains too many parts to be processed safely."
_MSG_BOMB = "This document is compressed in a way that cannot be processed safely."
_MSG_DTD = "This document contains XML features that are not allowed."


def validate_docx(data: bytes) -> None:
    """Raise DocxRejected (a ValueError) with one plain sentence if ``data`` is not
    a DOCX that is safe to hand to python-docx; return None if it is."""
    if len(data) > MAX_FILE_BYTES:
        raise DocxRejected("This file is too large for a resume; the limit is 25 MB.")

    # Password-protected Office files are not zips: Word wraps the encrypted package
    # in an OLE compound file, the same container as a legacy .doc.
    if data[:8] == _OLE_MAGIC:
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise DocxRejected(_MSG_PASSWORD)
        raise DocxRejected("This is an old-format Word file (.doc); please save it as .docx and upload it again.")

    _check_central_directory_size(data)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except _ZIP_ERRORS:
        raise DocxRejected(_MSG_NOT_DOCX) from None

    with zf:
        _check_zip_directory(infos)
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names or "_rels/.rels" not in names:
            raise DocxRejected(_MSG_NOT_WORD)
        try:
            # Billion laughs / XXE: no part of a DOCX legitimately has a DTD.  The
            # content-types part goes first because it says which other parts
            # python-docx will parse as XML.
            ct_info = zf.getinfo("[Content_Types].xml")
            ct_raw = _scan_xml(_inflate_member(data, ct_info))
            defaults, overrides = _parse_content_types(ct_raw)
            xml_names = _xml_member_names(names, defaults, overrides)
            rels_raw = b""
            for info in infos:
                # Every member is inflated once here, within its declared size:
                # that is what makes the size checks above hold (see _inflate_member).
                content = _inflate_member(data, info, keep=info.filename in xml_names)
                if info.filename in xml_names:
                    _scan_xml(content)
                if info.filename == "_rels/.rels":
                    rels_raw = content
            main = _main_document_name(rels_raw)
        except DocxRejected:
            raise
        except (*_ZIP_ERRORS, etree.XMLSyntaxError):
            raise DocxRejected(_MSG_DAMAGED) from None

    if main is None or main not in names:
        raise DocxRejected(_MSG_NOT_WORD)
    ctype = overrides.get(main.lower()) or defaults.get(main.rsplit(".", 1)[-1].lower())
    if ctype in _WML_REFUSED:
        raise DocxRejected(
            f"This Word file is {_WML_REFUSED[ctype]}; please save it as a regular .docx and upload it again."
        )
    if ctype != _WML_MAIN:
        raise DocxRejected(_MSG_NOT_WORD)


def _check_central_directory_size(data: bytes) -> None:
    """Refuse a huge central directory before ZipFile parses it: ZipFile builds a
    ZipInfo per entry, so 500,000 tiny entries in a 25 MB upload would cost
    seconds and hundreds of MB before any count could be checked."""
    eocd = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))  # 22 B + max comment
    if eocd < 0 or eocd + 22 > len(data):
        raise DocxRejected(_MSG_NOT_DOCX)
    entries, cd_size = struct.unpack_from("<HL", data, eocd + 10)
    # ~300 bytes per entry is generous (46 fixed + name + extra field); the entry
    # count is checked too, though ZipFile itself ignores it.
    if entries > MAX_MEMBERS or cd_size > MAX_MEMBERS * 300:
        raise DocxRejected(_MSG_TOO_MANY)


def _check_zip_directory(infos: list[zipfile.ZipInfo]) -> None:
    """Zip-bomb limits on the sizes the central directory declares.

    The declared sizes can lie; _inflate_member then holds each member to them.
    """
    if len(infos) > MAX_MEMBERS:
        raise DocxRejected(_MSG_TOO_MANY)
    total = 0
    for info in infos:
        total += info.file_size
        if info.flag_bits & 0x1:  # zip-level encryption (not how Word does it)
            raise DocxRejected(_MSG_PASSWORD)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise DocxRejected("This Word document is damaged or uses an unsupported format.")
        if info.file_size >= RATIO_MIN_SIZE and (
            info.compress_size == 0 or info.file_size / info.compress_size > MAX_RATIO
        ):
            raise DocxRejected(_MSG_BOMB)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise DocxRejected("This document is too large to process once unpacked.")


_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zip local file header, 30 bytes
_INFLATE_CHUNK = 64 * 1024


def _inflate_member(data: bytes, info: zipfile.ZipInfo, keep: bool = True) -> bytes:
    """Inflate one member with memory bounded by its declared size, and check
    its real size and CRC; return the content (b"" when ``keep`` is false).

    ZipFile.read(), which python-docx uses, hands a member's whole compressed
    stream to zlib in one call and only then cuts the output to the declared
    size: a 50 KB member that claims 2 KB inflates to 50 MB first (a 25 MB
    upload could ask for ~25 GB).  Here zlib gets a bounded output budget, and a
    member whose real size differs from the declared one is refused, so
    python-docx's later read of the same bytes can only produce what the
    directory checks allowed.
    """
    if not 0 <= info.header_offset <= len(data) - _LOCAL_HEADER.size:
        raise zipfile.BadZipFile("member offset out of range")
    fields = _LOCAL_HEADER.unpack_from(data, info.header_offset)
    if fields[0] != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local header")
    start = info.header_offset + _LOCAL_HEADER.size + fields[10] + fields[11]
    raw = memoryview(data)[start : start + info.compress_size]
    if len(raw) != info.compress_size:
        raise zipfile.BadZipFile("truncated member")

    if info.compress_type == zipfile.ZIP_STORED:
        pieces: Iterator = iter([raw])
    else:
        pieces = _bounded_inflate(raw, info.file_size)
    kept, total, crc = [], 0, 0
    for piece in pieces:
        total += len(piece)
        crc = zlib.crc32(piece, crc)
        if keep:
            kept.append(bytes(piece))
    if total != info.file_size or crc != info.CRC:
        raise zipfile.BadZipFile("size or CRC mismatch")
    return b"".join(kept)


def _bounded_inflate(raw: memoryview, limit: int) -> Iterator[bytes]:
    """Raw-deflate pieces of ``raw``, failing as soon as output passes ``limit``."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    total = 0
    for i in range(0, len(raw), _INFLATE_CHUNK):
        pending = raw[i : i + _INFLATE_CHUNK]
        while pending:
            piece = inflater.decompress(pending, limit - total + 1)
            total += len(piece)
            if total > limit:  # a lying bomb, or plain corruption
                raise zipfile.BadZipFile("member larger than declared")
            yield piece
            pending = inflater.unconsumed_tail


def _scan_xml(raw: bytes) -> bytes:
    """Refuse an XML part with a DTD; return it in a form a byte search can read.

    UTF-16 would hide "<!DOCTYPE" from a byte search ("<\\x00!\\x00..."), so it is
    decoded; an exotic declared encoding (UTF-7, EBCDIC) could hide it entirely,
    so it is refused.
    """
    head = raw[:4]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raw = raw.decode("utf-16", errors="replace").encode("utf-8")
    elif head[:2] == b"<\x00":
        raw = raw.decode("utf-16-le", errors="replace").encode("utf-8")
    elif head[:2] == b"\x00<":
        raw = raw.decode("utf-16-be", errors="replace").encode("utf-8")
    elif b"\x00" in head:  # UTF-32 and friends
        raise DocxRejected("This document uses a text encoding that is not supported.")
    m = _XML_ENCODING_RE.match(raw[3:] if raw[:3] == b"\xef\xbb\xbf" else raw)
    if m and m.group(1).decode("ascii").lower() not in _SAFE_ENCODINGS:
        raise DocxRejected("This document uses a text encoding that is not supported.")
    if _DTD_RE.search(raw):
        raise DocxRejected(_MSG_DTD)
    return raw


def _parse_content_types(raw: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """({extension: content type}, {part name: content type}), lower-cased keys."""
    root = etree.fromstring(raw, _SAFE_PARSER)
    defaults, overrides = {}, {}
    for el in root:
        tag = etree.QName(el).localname
        if tag == "Default":
            defaults[el.get("Extension", "").lower()] = el.get("ContentType", "")
        elif tag == "Override":
            overrides[el.get("PartName", "").lstrip("/").lower()] = el.get("ContentType", "")
    return defaults, overrides


def _xml_member_names(names: set[str], defaults: dict[str, str], overrides: dict[str, str]) -> set[str]:
    """Members that python-docx may parse as XML, by extension or declared type.

    Non-XML parts are left alone: images, and an altChunk HTML page, which
    legitimately starts with <!DOCTYPE html>."""
    xml_exts = {ext for ext, ct in defaults.items() if ct.endswith("xml")} | {"xml", "rels"}
    xml_parts = {p for p, ct in overrides.items() if ct.endswith("xml")}
    return {n for n in names if n.rsplit(".", 1)[-1].lower() in xml_exts or n.lower() in xml_parts}


def _main_document_name(rels_raw: bytes) -> str | None:
    root = etree.fromstring(_scan_xml(rels_raw), _SAFE_PARSER)
    for rel in root:
        rtype = rel.get("Type")
        if rtype == _REL_OFFICE_DOC_STRICT:  # python-docx cannot read Strict OOXML
            raise DocxRejected(
                "This document is saved in Strict Open XML format; "
                "please save it as a regular .docx and upload it again."
            )
        if rtype == RT.OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
            return rel.get("Target", "").lstrip("/")
    return None


# --------------------------------------------------------------------------- #
# WordprocessingML names
# --------------------------------------------------------------------------- #

W_VAL = qn("w:val")
W_P, W_TBL, W_TR, W_TC, W_R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
W_SDT, W_SDTCONTENT, W_CUSTOMXML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
W_TXBX = qn("w:txbxContent")
W_PPR, W_RPR, W_PSTYLE, W_RSTYLE = qn("w:pPr"), qn("w:rPr"), qn("w:pStyle"), qn("w:rStyle")
W_NUMPR, W_NUMID, W_ILVL, W_JC = qn("w:numPr"), qn("w:numId"), qn("w:ilvl"), qn("w:jc")
W_B, W_CAPS, W_SZ, W_VANISH = qn("w:b"), qn("w:caps"), qn("w:sz"), qn("w:vanish")
W_T, W_TAB, W_PTAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:ptab"), qn("w:br"), qn("w:cr")
W_NBHYPHEN, W_SYM = qn("w:noBreakHyphen"), qn("w:sym")
W_DRAWING, W_PICT, W_OBJECT = qn("w:drawing"), qn("w:pict"), qn("w:object")
W_TCPR, W_GRIDSPAN, W_VMERGE, W_HMERGE = qn("w:tcPr"), qn("w:gridSpan"), qn("w:vMerge"), qn("w:hMerge")
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MC_ALT, MC_CHOICE, MC_FALLBACK = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice", f"{{{MC_NS}}}Fallback"

_RUN_PROPS = {W_B, W_CAPS, W_SZ, W_VANISH}
# Inside a paragraph, containers whose children are runs or more containers.
_INLINE_CONTAINERS = {
    qn(t) for t in ("w:hyperlink", "w:ins", "w:moveTo", "w:smartTag", "w:customXml", "w:fldSimple", "w:dir", "w:bdo")
}
# Deliberately not descended into: w:del and w:moveFrom hold deleted text (in
# w:moveFrom it is still plain w:t), w:pPr and w:sdtPr hold no visible text.
_INLINE_SKIPPED = {
    qn(t) for t in ("w:pPr", "w:del", "w:moveFrom", "w:rPr", "w:sdtPr", "w:sdtEndPr", "w:smartTagPr", "w:customXmlPr")
} | {
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath",
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMathPara",
}

_ALIGN = {
    "left": "left",
    "start": "left",
    "center": "center",
    "right": "right",
    "end": "right",
    "both": "justify",
    "distribute": "justify",
    "thaiDistribute": "justify",
    "lowKashida": "justify",
    "mediumKashida": "justify",
    "highKashida": "justify",
}

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


def _on(el) -> bool | None:
    """Value of an on/off property element (w:b, w:caps...); None if absent."""
    if el is None:
        return None
    return el.get(W_VAL, "true").lower() not in ("0", "false", "off", "none")


def _run_prop_value(el) -> object:
    """w:sz in points; the on/off properties as bool."""
    if el.tag == W_SZ:
        try:
            return int(el.get(W_VAL)) / 2
        except (TypeError, ValueError):
            return None
    return _on(el)


def _choose_branch(alt):
    """One branch of mc:AlternateContent.  Choice and Fallback carry the same
    content in two encodings (DrawingML vs VML); reading both duplicates text."""
    branch = alt.find(MC_CHOICE)
    return branch if branch is not None else alt.find(MC_FALLBACK)


# --------------------------------------------------------------------------- #
# Formatting look-ups (styles, numbering)
# --------------------------------------------------------------------------- #


class _Formats:
    """Effective paragraph and run properties through the style chain.

    First definition wins, in this order: direct formatting, character style chain,
    paragraph style chain, table style chain, document defaults.  Word XORs toggle
    properties (bold, caps) between style levels and applies table-style conditional
    formats (a bold header row); both are ignored, they are rare in resumes.
    """

    def __init__(self, document):
        styles_el = document.styles.element
        self._by_id: dict[str, object] = {}
        self._names: dict[str, str] = {}
        self._default_para = None
        for st in styles_el.findall(qn("w:style")):
            sid = st.get(qn("w:styleId"))
            self._by_id[sid] = st
            is_default = st.get(qn("w:default"), "0").lower() in ("1", "true", "on")
            if st.get(qn("w:type")) == "paragraph" and is_default:
                self._default_para = sid
            # The raw w:name, put into UI form ("heading 1" -> "Heading 1") as
            # python-docx's Style.name does; iterating document.styles instead
            # raises on a style with an unknown w:type.
            name = st.find(qn("w:name"))
            if name is not None and name.get(W_VAL):
                self._names[sid] = BabelFish.internal2ui(name.get(W_VAL))
        dd = styles_el.find(qn("w:docDefaults"))
        self._default_rpr = dd.find(f"{qn('w:rPrDefault')}/{W_RPR}") if dd is not None else None
        self._default_ppr = dd.find(f"{qn('w:pPrDefault')}/{W_PPR}") if dd is not None else None
        self._chains: dict[str, list] = {}
        self._run_props: dict[tuple, dict] = {}
        self._para_props: dict[str | None, dict] = {}

    def para_style_id(self, ppr) -> str | None:
        ps = ppr.find(W_PSTYLE) if ppr is not None else None
        sid = ps.get(W_VAL) if ps is not None else None
        return sid if sid in self._by_id else self._default_para

    def style_name(self, sid: str | None) -> str | None:
        return self._names.get(sid, sid) if sid else None

    def chain(self, sid: str | None) -> list:
        """The style and its basedOn ancestors, nearest first (cycle-safe)."""
        if sid is None:
            return []
        cached = self._chains.get(sid)
        if cached is None:
            cached, seen, cur = [], set(), sid
            while cur in self._by_id and cur not in seen:
                seen.add(cur)
                st = self._by_id[cur]
                cached.append(st)
                based = st.find(qn("w:basedOn"))
                cur = based.get(W_VAL) if based is not None else None
            self._chains[sid] = cached
        return cached

    def inherited_para_props(self, sid: str | None) -> dict:
        """Alignment and numbering a paragraph gets from its style chain.

        numId and ilvl are resolved separately: a style may set only one of them."""
        props = self._para_props.get(sid)
        if props is None:
            props = {}
            pprs = [st.find(W_PPR) for st in self.chain(sid)] + [self._default_ppr]
            for ppr in pprs:
                if ppr is None:
                    continue
                jc = ppr.find(W_JC)
                if jc is not None:
                    props.setdefault("jc", jc.get(W_VAL))
                numpr = ppr.find(W_NUMPR)
                if numpr is not None:
                    for key, tag in (("numId", W_NUMID), ("ilvl", W_ILVL)):
                        el = numpr.find(tag)
                        if el is not None:
                            props.setdefault(key, el.get(W_VAL))
            self._para_props[sid] = props
        return props

    def inherited_run_props(self, para_sid, run_sid, table_sid) -> dict:
        """Run properties from styles and defaults, before the run's own rPr.

        Cached per style combination: resumes reuse a handful, and walking basedOn
        chains for every run dominated the run time."""
        key = (para_sid, run_sid, table_sid)
        props = self._run_props.get(key)
        if props is None:
            props = {}
            chain = self.chain(run_sid) + self.chain(para_sid) + self.chain(table_sid)
            for rpr in [st.find(W_RPR) for st in chain] + [self._default_rpr]:
                if rpr is None:
                    continue
                for el in rpr:
                    if el.tag in _RUN_PROPS and el.tag not in props:
                        props[el.tag] = _run_prop_value(el)
            self._run_props[key] = props
        return props


class _Numbering:
    """numId + ilvl -> number format, from word/numbering.xml when there is one."""

    def __init__(self, document):
        self._nums: dict[str, object] = {}
        self._abstracts: dict[str, object] = {}
        try:
            # part_related_by, not document.part.numbering_part: that one creates
            # an empty numbering part when the document has none.
            root = document.part.part_related_by(RT.NUMBERING).element
        except KeyError:
            return
        for a in root.findall(qn("w:abstractNum")):
            self._abstracts[a.get(qn("w:abstractNumId"))] = a
        for n in root.findall(qn("w:num")):
            self._nums[n.get(qn("w:numId"))] = n

    def defined(self, num_id: str) -> bool:
        return num_id in self._nums

    def fmt(self, num_id: str, ilvl: int, formats: _Formats, _depth: int = 0) -> str | None:
        num = self._nums.get(num_id)
        if num is None or _depth > 4:  # numStyleLink chains could loop
            return None
        for ov in num.findall(qn("w:lvlOverride")):
            lvl = ov.find(qn("w:lvl"))
            if ov.get(qn("w:ilvl")) == str(ilvl) and lvl is not None:
                return self._lvl_fmt(lvl)
        aid = num.find(qn("w:abstractNumId"))
        abstract = self._abstracts.get(aid.get(W_VAL)) if aid is not None else None
        if abstract is None:
            return None
        # A list defined through a numbering style: the abstractNum only links to
        # the style, whose numPr names the num that holds the levels.
        link = abstract.find(qn("w:numStyleLink"))
        if link is not None:
            linked = formats.inherited_para_props(link.get(W_VAL)).get("numId")
            if linked and linked != num_id:
                return self.fmt(linked, ilvl, formats, _depth + 1)
            return None
        for lvl in abstract.findall(qn("w:lvl")):
            if lvl.get(qn("w:ilvl")) == str(ilvl):
                return self._lvl_fmt(lvl)
        return None

    @staticmethod
    def _lvl_fmt(lvl) -> str | None:
        f = lvl.find(qn("w:numFmt"))
        return f.get(W_VAL) if f is not None else None


# --------------------------------------------------------------------------- #
# The walker
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class _Ctx:
    story: str  # "body" | "header" | "footer"
    textbox: bool = False
    cell: tuple[int, int, int] | None = None
    table_style: str | None = None

    @property
    def source(self) -> str:
        if self.story != "body":
            return self.story
        if self.textbox:
            return "textbox"
        return "table" if self.cell else "body"


class _Seg(NamedTuple):
    text: str
    bold: bool
    caps: bool
    size: float | None


_BREAK = _Seg("\n", False, False, None)  # manual line break marker (compared by identity)


class _Reader:
    def __init__(self, document):
        self.doc = document
        self.fmt = _Formats(document)
        self.num = _Numbering(document)
        self.para_no = 0
        self.table_no = 0

    def read(self) -> list[Line]:
        if self.doc.element.body is None:  # w:document without w:body
            return []
        headers = self.header_footer_lines("header")
        body = list(self.walk_blocks(self.doc.element.body, _Ctx("body")))
        footers = self.header_footer_lines("footer")
        return headers + body + footers

    # -- headers and footers ---------------------------------------------------

    def header_footer_lines(self, story: str) -> list[Line]:
        """Lines of every section's headers (or footers) that Word can display.

        Read from each w:sectPr's references: python-docx's ``section.header`` adds
        a header part when asked about a missing one.  A first-page header shows
        only with w:titlePg, an even-page one only with evenAndOddHeaders.
        """
        even_odd = self.doc.settings.odd_and_even_pages_header_footer
        related = self.doc.part.related_parts
        ref_tag = qn(f"w:{story}Reference")
        seen: set[str] = set()
        lines: list[Line] = []
        for sect in self.doc.element.body.xpath("./w:p/w:pPr/w:sectPr | ./w:sectPr"):
            refs = {r.get(qn("w:type"), "default"): r.get(qn("r:id")) for r in sect.findall(ref_tag)}
            # first-page variant first: it is what the reader sees on page 1
            kinds = (["first"] if _on(sect.find(qn("w:titlePg"))) else []) + ["default"]
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

    def walk_blocks(self, container, ctx: _Ctx) -> Iterator[Line]:
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

    def table(self, tbl, ctx: _Ctx) -> Iterator[Line]:
        """Row by row, cell by cell: the order a layout table is read in.

        Each w:tc is visited once, so a horizontally merged cell (w:gridSpan) is
        read once; the lower cells of a vertical merge (w:vMerge without
        "restart") are empty placeholders and are skipped.  Nested tables come
        through walk_blocks on the cell.
        """
        self.table_no += 1
        tno = self.table_no
        style = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
        table_style = style.get(W_VAL) if style is not None else ctx.table_style
        for r, tr in enumerate(_unwrap(tbl, W_TR)):
            before = tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
            col = _int(before, 0)
            for tc in _unwrap(tr, W_TC):
                tcpr = tc.find(W_TCPR)
                span = _int(tcpr.find(W_GRIDSPAN), 1) if tcpr is not None else 1
                if not _is_merge_continuation(tcpr):
                    yield from self.walk_blocks(tc, replace(ctx, cell=(tno, r, col), table_style=table_style))
                col += max(span, 1)

    # -- paragraphs ------------------------------------------------------------

    def paragraph(self, p, ctx: _Ctx) -> Iterator[Line]:
        self.para_no += 1
        para_no = self.para_no
        ppr = p.find(W_PPR)
        sid = self.fmt.para_style_id(ppr)
        segs: list[_Seg] = []
        boxes: list = []
        self.inline(p, sid, ctx, segs, boxes)

        # Text boxes are anchored to a paragraph and emitted just before it: a
        # floating box (name banner, sidebar) sits at or above its anchor.
        for box in boxes:
            yield from self.walk_blocks(box, replace(ctx, textbox=True))

        inherited = self.fmt.inherited_para_props(sid)
        jc = ppr.find(W_JC) if ppr is not None else None
        align = _ALIGN.get(jc.get(W_VAL) if jc is not None else inherited.get("jc"), "left")
        is_list, level, list_fmt = self.numbering(ppr, sid, inherited)
        style = self.fmt.style_name(sid)

        continued = False  # True once a piece of this paragraph has been emitted
        for piece in _split_breaks(segs):
            spans = _spans(piece)
            text = "".join(s.text for s in spans)
            if not text.strip():
                continue
            bold_ratio, caps_ratio, size = _weigh(spans)
            yield Line(
                text=text,
                source=ctx.source,
                style=style,
                is_list=is_list,
                list_level=level,
                list_format=list_fmt,
                bold=bold_ratio > 0.5,
                bold_ratio=round(bold_ratio, 2),
                font_size=size,
                all_caps=caps_ratio > 0.5,
                alignment=align,
                continued=continued,
                para=para_no,
                cell=ctx.cell,
                in_textbox=ctx.textbox,
                spans=spans,
            )
            continued = True

    def numbering(self, ppr, sid, inherited: dict) -> tuple[bool, int | None, str | None]:
        """List membership from w:numPr on the paragraph, else from its style chain.

        numId 0 means "numbering removed" and beats a numbered style; a numId that
        numbering.xml does not define shows no marker in Word either.
        """
        numpr = ppr.find(W_NUMPR) if ppr is not None else None
        nid = numpr.find(W_NUMID) if numpr is not None else None
        lvl = numpr.find(W_ILVL) if numpr is not None else None
        num_id = nid.get(W_VAL) if nid is not None else inherited.get("numId")
        ilvl = lvl.get(W_VAL) if lvl is not None else inherited.get("ilvl")
        if num_id is None or num_id == "0" or not self.num.defined(num_id):
            return False, None, None
        level = int(ilvl) if ilvl and ilvl.isdigit() else 0
        return True, level, self.num.fmt(num_id, level, self.fmt)

    def inline(self, el, sid, ctx: _Ctx, segs: list[_Seg], boxes: list) -> None:
        """Text segments of a paragraph in order, through hyperlinks, tracked
        insertions, inline content controls and simple fields."""
        for child in el:
            tag = child.tag
            if tag == W_R:
                self.run(child, sid, ctx, segs, boxes)
            elif tag in _INLINE_CONTAINERS:
                self.inline(child, sid, ctx, segs, boxes)
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    self.inline(content, sid, ctx, segs, boxes)
            elif tag == MC_ALT:
                branch = _choose_branch(child)
                if branch is not None:
                    self.inline(branch, sid, ctx, segs, boxes)
            elif isinstance(tag, str) and tag not in _INLINE_SKIPPED and len(child):
                # Any other wrapper (a newer or third-party one) is looked through,
                # so that no run's text is lost; its runs are read as usual.
                self.inline(child, sid, ctx, segs, boxes)
            # w:pPr, w:del, w:moveFrom: nothing read; bookmarks, proofErr: empty

    def run(self, r, sid, ctx: _Ctx, segs: list[_Seg], boxes: list) -> None:
        rpr = r.find(W_RPR)
        direct = {el.tag: el for el in rpr} if rpr is not None else {}
        rstyle = direct.get(W_RSTYLE)
        props = dict(
            self.fmt.inherited_run_props(sid, rstyle.get(W_VAL) if rstyle is not None else None, ctx.table_style)
        )
        for tag, el in direct.items():
            if tag in _RUN_PROPS:
                props[tag] = _run_prop_value(el)
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
            segs.append(_Seg(text, bold, caps, size))


# --------------------------------------------------------------------------- #
# Small helpers
# --------------------------------------------------------------------------- #


def _int(el, default: int) -> int:
    try:
        return int(el.get(W_VAL)) if el is not None else default
    except (TypeError, ValueError):
        return default


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


def _spans(piece: list[_Seg]) -> tuple[Span, ...]:
    """Merge adjacent segments of equal formatting and trim the line's ends.

    Trailing blanks are noise (lines often end in spaces or tabs); leading tabs
    are kept because they push text to a tab stop (a date column), leading
    spaces are not.
    """
    merged: list[Span] = []
    for s in piece:
        if not s.text:
            continue
        if merged and merged[-1][1:] == s[1:]:
            merged[-1] = merged[-1]._replace(text=merged[-1].text + s.text)
        else:
            merged.append(Span(*s))
    while merged and not merged[-1].text.rstrip():
        merged.pop()
    if merged:
        merged[-1] = merged[-1]._replace(text=merged[-1].text.rstrip())
    while merged and not merged[0].text.lstrip(" \u00a0"):
        merged.pop(0)
    if merged:
        merged[0] = merged[0]._replace(text=merged[0].text.lstrip(" \u00a0"))
    return tuple(merged)


def _weigh(spans: tuple[Span, ...]) -> tuple[float, float, float | None]:
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


def _dedupe(lines: list[Line]) -> list[Line]:
    seen, out = set(), []
    for ln in lines:
        key = " ".join(ln.text.split()).casefold()
        if key not in seen:
            seen.add(key)
            out.append(ln)
    return out


# --------------------------------------------------------------------------- #
# Entry point
# --------------------------------------------------------------------------- #


def read_docx_lines(data: bytes) -> list[Line]:
    """Lines of a DOCX in reading order: header lines, then the body (paragraphs;
    tables row by row, cell by cell; text boxes before their anchor paragraph),
    then footer lines.

    Raises DocxRejected (a ValueError) with a user-facing sentence for files that
    are not DOCX, are password-protected, or look malicious.
    """
    validate_docx(data)
    try:
        document = docx.Document(io.BytesIO(data))
        return _Reader(document).read()
    except DocxRejected:
        raise
    except Exception:  # KeyError, ValueError, lxml errors... from a malformed package
        raise DocxRejected(_MSG_DAMAGED) from None
