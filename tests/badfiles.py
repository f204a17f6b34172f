"""Broken, hostile and wrong files, built by the tests themselves.

Each maker returns the bytes of one file a real person (or attacker) might upload.
"""

from __future__ import annotations

import io
import struct
import zipfile

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, NumberObject

from tests.corpus import CORPUS

GOOD_PDF = CORPUS / "resumes" / "soupboss_01_accountant.pdf"
GOOD_DOCX = CORPUS / "resumes" / "soupboss_01_accountant.docx"
POSTING_PDF = CORPUS / "jobs" / "servicenow_senior_software_engineer.pdf"

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _document_xml(body: bytes, prolog: bytes = b"") -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + prolog
        + b'<w:document xmlns:w="'
        + _W
        + b'"><w:body>'
        + body
        + b"</w:body></w:document>"
    )


def _docx(document_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _ROOT_RELS)
        package.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def _pdf(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zero_bytes() -> bytes:
    return b""


def truncated_pdf() -> bytes:
    data = GOOD_PDF.read_bytes()
    return data[: int(len(data) * 0.6)]


def encrypted_pdf(user_password: str) -> bytes:
    """The good PDF, encrypted; an empty user password opens without asking."""
    writer = PdfWriter(clone_from=PdfReader(GOOD_PDF))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-256")
    return _pdf(writer)


def scanned_pdf() -> bytes:
    """A page that is one picture and no text, as a scanner makes it."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    side = 64
    pixels = bytes((x * y) % 256 for y in range(side) for x in range(side))
    image = DecodedStreamObject()
    image.set_data(pixels)
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(side),
            NameObject("/Height"): NumberObject(side),
            NameObject("/ColorSpace"): NameObject("/DeviceGray"),
            NameObject("/BitsPerComponent"): NumberObject(8),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im1"): writer._add_object(image)})}
    )
    content = DecodedStreamObject()
    content.set_data(b"q 540 0 0 720 36 36 cm /Im1 Do Q")
    page[NameObject("/Contents")] = writer._add_object(content)
    return _pdf(writer)


def png_named_pdf() -> bytes:
    header = struct.pack(">I4sIIBBBBB", 13, b"IHDR", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + header + b"\x00" * 64


def too_large_pdf() -> bytes:
    return b"%PDF-1.4\n" + b"%" + b"x" * (11 * 1024 * 1024) + b"\n%%EOF\n"


def too_many_pages_pdf() -> bytes:
    writer = PdfWriter()
    for _ in range(21):
        writer.add_blank_page(width=612, height=792)
    return _pdf(writer)


def posting_pdf() -> bytes:
    """A real job posting: text, but not a resume."""
    return POSTING_PDF.read_bytes()


def not_a_resume_docx() -> bytes:
    paragraphs = b"".join(
        b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>"
        for text in (
            b"Grandmother's apple pie",
            b"Peel and slice six apples. Mix them with sugar, cinnamon and a little lemon juice.",
            b"Roll out the dough, fill the dish, cover it and bake for forty minutes until golden.",
            b"Serve warm with cream. Keeps for three days in a cool place.",
        )
    )
    return _docx(_document_xml(paragraphs))


def docx_zip_bomb() -> bytes:
    """A few hundred KB that would inflate to 200 MB of document XML."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _ROOT_RELS)
        chunk = b"\0" * (1 << 20)
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(200):
                member.write(chunk)
    return buffer.getvalue()


def docx_entity_expansion() -> bytes:
    """ "Billion laughs": nested XML entities that expand to gigabytes."""
    laughs = (
        b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (level, (b"&lol%d;" % (level - 1) if level > 1 else b"&lol;") * 10)
            for level in range(1, 10)
        )
        + b"]>\n"
    )
    return _docx(_document_xml(b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", laughs))


def password_docx() -> bytes:
    """What Word saves for a password-protected document: an OLE compound file with an
    EncryptedPackage stream (the payload here is filler, never decrypted)."""
    return _ole_file(
        [
            ("EncryptionInfo", b"\x04\x00\x04\x00\x40\x00\x00\x00<encryption/>"),
            ("EncryptedPackage", struct.pack("<Q", 9000) + bytes(range(256)) * 40),
        ]
    )


def _ole_file(streams: list[tuple[str, bytes]]) -> bytes:
    """A minimal, well-formed compound file (v3, 512-byte sectors, one FAT sector)."""
    free, end_of_chain, fat_sector, no_stream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    streams = [(name, data.ljust(4096, b"\0")) for name, data in streams]
    sector = 512
    chains, payload, next_free = [], [], 2
    for _, data in streams:
        count = -(-len(data) // sector)
        chains.append((next_free, count))
        payload.append(data.ljust(count * sector, b"\0"))
        next_free += count
    fat = [fat_sector, end_of_chain]
    for start, count in chains:
        fat += [start + offset + 1 for offset in range(count - 1)] + [end_of_chain]
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", no_stream, right, child)
            + b"\0" * 36
            + struct.pack("<IQ", start, size)
        )

    entries = [entry("Root Entry", 5, no_stream, 1, end_of_chain, 0)]
    for index, ((name, data), (start, _)) in enumerate(zip(streams, chains, strict=True), start=1):
        entries.append(entry(name, 2, index + 1 if index < len(streams) else no_stream, no_stream, start, len(data)))
    empty = (
        b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", no_stream, no_stream, no_stream) + b"\0" * 48
    )
    entries += [empty] * (4 - len(entries))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end_of_chain, 0, end_of_chain, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", free) * 108
    )
    return header + struct.pack("<128I", *fat) + b"".join(entries) + b"".join(payload)


# name -> (file name as uploaded, maker, what the message must say)
def _hostile(maker: str, *args):
    """A maker from tests.hostile (which builds on this module's helpers), called late."""

    def make() -> bytes:
        from tests import hostile

        return getattr(hostile, maker)(*args)

    return make


BAD_FILES = {
    "zero_byte": ("resume.pdf", zero_bytes, "This file is empty."),
    "truncated_pdf": ("resume.pdf", truncated_pdf, "This PDF is damaged or incomplete"),
    "encrypted_pdf": ("resume.pdf", lambda: encrypted_pdf("s3cret"), "This PDF is protected by a password"),
    "scanned_pdf": ("scan.pdf", scanned_pdf, "This PDF has no text layer"),
    "png_named_pdf": ("resume.pdf", png_named_pdf, "is a PNG image, not a resume document"),
    "too_large": ("resume.pdf", too_large_pdf, "larger than 10 MB"),
    "too_many_pages": ("resume.pdf", too_many_pages_pdf, "more than 20 pages"),
    "job_posting": ("posting.pdf", posting_pdf, "does not look like a resume"),
    "recipe_docx": ("recipe.docx", not_a_resume_docx, "does not look like a resume"),
    "docx_zip_bomb": ("resume.docx", docx_zip_bomb, "cannot be processed safely"),
    "docx_entities": ("resume.docx", docx_entity_expansion, "XML features that are not allowed"),
    "password_docx": ("resume.docx", password_docx, "protected by a password"),
    # A page tree of a few hundred bytes that claims a million pages: not "damaged".
    "million_pages": ("resume.pdf", _hostile("pdf_million_pages"), "more than 20 pages"),
    # One text node of 11 MB, over lxml's limit: not "damaged" either.
    "huge_text_node": ("resume.docx", _hostile("docx_huge_text_node", 11), "more text in one place than any resume"),
}
