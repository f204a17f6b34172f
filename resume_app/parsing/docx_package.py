"""Step 1 of the DOCX reader: the package check.

The upload is checked on its raw bytes before python-docx or lxml parse
anything, because python-docx trusts the zip and reads every part into memory:
size limits, zip bombs (declared and real sizes, compression ratio), DTDs in any
XML part (billion laughs, XXE), password protection, legacy .doc, macro-enabled
files, templates and Strict OOXML.  ``validate_docx`` raises ``DocxRejected`` with
one plain sentence for the user.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

__all__ = ["MSG_DAMAGED", "DocxRejected", "validate_docx"]


class DocxRejected(ValueError):
    """The upload is not a DOCX we are willing to open; ``str()`` is user-facing."""


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
MSG_DAMAGED = "This Word document is damaged and could not be read."
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
            raise DocxRejected(MSG_DAMAGED) from None

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
