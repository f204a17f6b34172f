"""Self-check: every string of a generated truth must be visible in the rendered document.

The document's text comes from poppler's `pdftotext` (PDF) or from every `w:t` of the Word
package (body, headers, footers, tables and text boxes). A truth string is found when it
occurs in that text after NFKC, ignoring all whitespace and line-end hyphenation. Dates are
checked by their year (layouts print "Mar 2021", "03/2021" or "2021-03").
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DATE_KEYS = {"startDate", "endDate", "date", "releaseDate"}


def document_texts(path: Path) -> list[str]:
    """The document's text, in reading order and (PDF) also in content-stream order: a line
    that wraps beside a right-aligned date is whole in one of them."""
    if path.suffix == ".pdf":
        if not shutil.which("pdftotext"):
            raise RuntimeError("pdftotext (poppler-utils) is needed for --check")
        texts = []
        for mode in ([], ["-raw"]):
            done = subprocess.run(
                ["pdftotext", *mode, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=120
            )
            texts.append(done.stdout.decode("utf-8", "replace"))
        return texts
    paragraphs = []
    with zipfile.ZipFile(path) as package:
        for name in sorted(package.namelist()):
            if not re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                continue
            root = etree.fromstring(package.read(name))
            for para in root.iter(f"{W}p"):
                # Only this paragraph's own runs (a text box paragraph is visited on its own).
                texts = []
                for node in para.iter(f"{W}t", f"{W}tab", f"{W}br"):
                    if next(node.iterancestors(f"{W}p")) is para:
                        texts.append((node.text or "") if node.tag == f"{W}t" else " ")
                paragraphs.append("".join(texts))
    return ["\n".join(paragraphs)]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).replace("\u00ad", ""))


def _unhyphen(text: str) -> str:
    # pdftotext itself joins some line-end hyphens ("high-\nimpact" -> "highimpact").
    return re.sub(r"[-\u2010\u2011]", "", text)


def haystacks(texts: list[str]) -> list[str]:
    out = []
    for text in texts:
        out.append(_squash(text))
        out.append(_unhyphen(_squash(text)))
    return out


def truth_strings(truth: Any, key: str = "") -> list[tuple[str, str]]:
    """(where, text) for every string the document must show."""
    out: list[tuple[str, str]] = []
    if isinstance(truth, dict):
        for k, v in truth.items():
            out.extend(truth_strings(v, f"{key}.{k}" if key else k))
    elif isinstance(truth, list):
        for i, v in enumerate(truth):
            out.extend(truth_strings(v, f"{key}[{i}]"))
    elif isinstance(truth, str):
        last = key.rsplit(".", 1)[-1]
        if last in DATE_KEYS:
            out.append((key, truth[:4]))
        else:
            for part in truth.split("\n"):
                if part.strip():
                    out.append((key, part))
    return out


def check_document(path: Path, truth: dict[str, Any]) -> list[str]:
    """Truth strings not found in the document, as 'where: text'."""
    stacks = haystacks(document_texts(path))
    misses = []
    for where, text in truth_strings(truth):
        needle = _squash(text)
        if needle and not any(needle in s or _unhyphen(needle) in s for s in stacks):
            misses.append(f"{where}: {text}")
    return misses
