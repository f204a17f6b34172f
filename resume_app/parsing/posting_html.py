"""A job posting as HTML -> the posting's text, in the shape the posting analysis reads best.

Three kinds of HTML reach it: a fragment copied from a job board (the clipboard's text/html
of a rich paste), a saved web page (.html/.htm, "Web Page, complete" or "HTML only") and
Chrome's "Save as single file" (.mhtml, a MIME message whose first text/html part is the
page). The text it gives:

    Title: ...            (from schema.org JobPosting data, when the page has it)
    Company: ...
    Location: ...

    Heading               (headings on their own line, a blank line around them)
    - list item           (one "- " line per <li>, nested lists flattened)
    A paragraph.          (paragraphs separated by a blank line)

The header is the one `matching.requirements.header` reads. The body is the JobPosting's
`description` (JSON-LD or microdata) when the page has one (and it is not a short teaser);
otherwise a saved page's <main>, or its longest <article>, or its <body>; a copied fragment
is read whole. Navigation, asides, footers, the site's header, cookie banners, scripts,
styles, form controls and hidden elements are never text.

Parsed with lxml's HTML parser (libxml2), already installed as python-docx's dependency:
it recovers from broken markup the way a browser roughly does, in linear time, and caps
the nesting depth at 255 elements, so a deeply nested or huge page cannot make the walk
below slow or recursive. The walk is an explicit stack, the JSON-LD search counts the
nodes it visits, and every failure ends in a `ParseError` with one sentence.
"""

from __future__ import annotations

import email
import email.policy
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.etree
import lxml.html

from resume_app.parsing.errors import ParseError
from resume_app.parsing.lines import strip_bullet

NO_TEXT = "{name} has no job posting text to read; copy the posting's text from the page instead."
NOT_MHTML = "{name} holds no web page; save the posting's page again or paste its text instead."

# Elements whose content is never the posting's text.
_SKIP = frozenset(
    "script style noscript template head title meta link svg math iframe frame frameset object embed canvas "
    "audio video source track img picture map area button select option optgroup input textarea datalist "
    "dialog".split()
)
# Boilerplate around a page's content (also inside <main>: "similar jobs" asides, breadcrumbs).
_BOILERPLATE = frozenset("nav aside footer".split())
_BOILERPLATE_ROLES = frozenset("navigation banner contentinfo complementary search".split())
_BANNER_RE = re.compile(r"cookie|consent|gdpr|skip-?link|breadcrumb", re.IGNORECASE)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# Blocks: a paragraph break (a blank line) around them, or a line break.
_PARAGRAPHS = frozenset("p blockquote pre table dl figure address fieldset details section article main".split())
_LINES = frozenset(
    "div header footer form tr td th caption dt dd figcaption summary hr center legend tbody thead tfoot "
    "body html".split()
)
_LISTS = frozenset("ul ol menu".split())
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE_RE = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_TAG_RE = re.compile(r"<\s*(?:[a-zA-Z][a-zA-Z0-9]*|/\s*[a-zA-Z][a-zA-Z0-9]*|!doctype|!--)[\s>/]", re.IGNORECASE)
_KNOWN_TAG_RE = re.compile(
    r"<\s*/?\s*(?:html|head|body|title|meta|link|script|style|div|span|p|br|hr|ul|ol|li|dl|dt|dd|h[1-6]|strong|b|em|"
    r"i|u|a|font|center|section|article|main|header|footer|nav|aside|table|tbody|tr|td|th|blockquote|pre|!doctype)\b"
    r"|<!--|<\?xml",
    re.IGNORECASE,
)
_PAGE_RE = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
# Windows' clipboard format (CF_HTML) starts with "Version:0.9 StartHTML:..." before the markup.
_CF_HTML_RE = re.compile(r"^\s*Version:\d[^<]*", re.IGNORECASE)
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252"}
_JSON_NODE_BUDGET = 50_000
_DESCRIPTION_MIN_CHARS = 200


def looks_like_html(text: str) -> bool:
    """Whether text is HTML source: it starts with a tag and has tags a page or a fragment has.

    Plain text that merely mentions "<b>" further down stays plain text."""
    head = text.lstrip()[:4096]
    return bool(_KNOWN_TAG_RE.match(head)) and len(_KNOWN_TAG_RE.findall(head)) >= 2


def looks_like_mhtml(data: bytes) -> bool:
    head = data[:4096].lower()
    return b"mime-version:" in head and b"multipart/related" in head


def decode_html(data: bytes) -> str:
    """The bytes of a saved page as text: its BOM, then its <meta charset>, then UTF-8, then Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    match = _META_CHARSET_RE.search(data[:8192])
    if match:
        # As browsers do: a page that says UTF-16 in ASCII is not, and Latin-1 means Windows-1252.
        charset = match.group(1).decode("ascii").lower()
        charset = _CHARSET_ALIASES.get(charset, "utf-8" if charset.startswith("utf-16") else charset)
        try:
            return data.decode(charset, errors="replace")
        except LookupError:
            pass  # an unknown charset name: guess as below
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def mhtml_page(data: bytes, name: str = "This file") -> str:
    """The web page inside an MHTML file (Chrome's "Save as single file"): its first text/html part."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset:
                try:
                    return payload.decode(charset, errors="replace")
                except LookupError:
                    pass
            return decode_html(payload)
    raise ParseError(NOT_MHTML.format(name=name))


# ---------------------------------------------------------------------------------------
# schema.org JobPosting
# ---------------------------------------------------------------------------------------


@dataclass
class JobPostingData:
    title: str = ""
    company: str = ""
    location: str = ""
    description: str = ""  # HTML or plain text, as the page gives it

    def header(self) -> str:
        fields = (("Title", self.title), ("Company", self.company), ("Location", self.location))
        lines = [f"{name}: {value}" for name, value in fields if value]
        return "\n".join(lines) + "\n\n" if lines else ""


def _is_job_posting(node: dict) -> bool:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(kind, str) and kind.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "JobPosting" for kind in kinds)


def _find_job_posting(value: object) -> dict | None:
    """The first JobPosting object in a JSON-LD value: at the top, in a list, in @graph or nested."""
    stack, seen = [value], 0
    while stack and seen < _JSON_NODE_BUDGET:
        node = stack.pop()
        seen += 1
        if isinstance(node, dict):
            if _is_job_posting(node):
                return node
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend(reversed(node))
    return None


def _text_of(value: object) -> str:
    """A JSON-LD value as one line: a string, a {"name": ...} object, or the first of a list."""
    if isinstance(value, list):
        return next((text for item in value if (text := _text_of(item))), "")
    if isinstance(value, dict):
        return _text_of(value.get("name") or value.get("@value") or "")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return _SPACE_RE.sub(" ", html.unescape(str(value))).strip()
    return ""


def _place(value: object) -> str:
    """One jobLocation (a Place with a PostalAddress, or an address string) as "City, Region, Country"."""
    if isinstance(value, str):
        return _text_of(value)
    if not isinstance(value, dict):
        return ""
    address = value.get("address", value)
    if isinstance(address, list):
        address = address[0] if address else ""
    if not isinstance(address, dict):
        return _text_of(address) or _text_of(value.get("name"))
    parts = [_text_of(address.get(key)) for key in ("addressLocality", "addressRegion", "addressCountry")]
    parts = [part for index, part in enumerate(parts) if part and part not in parts[:index]]
    return ", ".join(parts) or _text_of(address.get("name")) or _text_of(value.get("name"))


def _location(posting: dict) -> str:
    places = posting.get("jobLocation")
    places = places if isinstance(places, list) else [places]
    names = [name for place in places[:10] if (name := _place(place))]
    names = [name for index, name in enumerate(names) if name not in names[:index]]
    remote = _text_of(posting.get("jobLocationType")).upper() == "TELECOMMUTE"
    if remote:
        names.insert(0, "Remote")
    return "; ".join(names)


def _description(posting: dict) -> str:
    description = posting.get("description")
    if isinstance(description, list):
        description = " ".join(item for item in description if isinstance(item, str))
    if not isinstance(description, str):
        return ""
    # Often entity-escaped ("&lt;p&gt;..."), now and then twice.
    for _ in range(3):
        if _TAG_RE.search(description) or "&" not in description:
            break
        description = html.unescape(description)
    return description


def _from_json_ld(posting: dict) -> JobPostingData:
    return JobPostingData(
        title=_text_of(posting.get("title") or posting.get("name")),
        company=_text_of(posting.get("hiringOrganization")),
        location=_location(posting),
        description=_description(posting),
    )


def _json_ld(root: lxml.html.HtmlElement) -> JobPostingData | None:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        source = (script.text or "").strip()
        if source.startswith("<!--"):
            source = source.removeprefix("<!--").removesuffix("-->").strip()
        try:
            value = json.loads(source, strict=False)
        except (ValueError, RecursionError):
            continue  # a broken or absurdly nested block: the page's own text still counts
        posting = _find_job_posting(value)
        if posting is not None:
            return _from_json_ld(posting)
    return None


def _itemprop(scope: lxml.html.HtmlElement, name: str) -> lxml.html.HtmlElement | None:
    """The first element with itemprop=name inside scope, not inside a nested item of its own."""
    for element in scope.iterdescendants():
        if not isinstance(element.tag, str) or name not in (element.get("itemprop") or "").split():
            continue
        owner = element.getparent()
        while owner is not None and owner is not scope and owner.get("itemscope") is None:
            owner = owner.getparent()
        if owner is scope:
            return element
    return None


def _item_text(element: lxml.html.HtmlElement | None, *names: str) -> str:
    """A microdata property's value: its content attribute, or the named sub-property, or its text."""
    if element is None:
        return ""
    if element.get("content"):
        return _text_of(element.get("content"))
    if element.get("itemscope") is not None:
        for name in names:
            if (text := _item_text(_itemprop(element, name))) != "":
                return text
    return _SPACE_RE.sub(" ", element.text_content()).strip()


def _microdata(root: lxml.html.HtmlElement) -> tuple[JobPostingData, lxml.html.HtmlElement | None] | None:
    for scope in root.iter():
        if not isinstance(scope.tag, str) or not (scope.get("itemtype") or "").rstrip("/").endswith("JobPosting"):
            continue
        location = _itemprop(scope, "jobLocation")
        if location is not None and location.get("itemscope") is not None:
            address = _itemprop(location, "address")
            if address is not None and address.get("itemscope") is not None:
                parts = [
                    _item_text(_itemprop(address, key), "name")
                    for key in ("addressLocality", "addressRegion", "addressCountry")
                ]
                place = ", ".join(part for part in parts if part)
            else:
                place = _item_text(address)
        else:
            place = _item_text(location)
        data = JobPostingData(
            title=_item_text(_itemprop(scope, "title")),
            company=_item_text(_itemprop(scope, "hiringOrganization"), "name"),
            location=place,
        )
        return data, _itemprop(scope, "description")
    return None


# ---------------------------------------------------------------------------------------
# Elements -> lines
# ---------------------------------------------------------------------------------------


class _Writer:
    """Lines of text with paragraph breaks, built from the walk's events."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.words: list[str] = []
        self.prefix = ""
        self.pending = 0  # 1: a line break before the next text, 2: a blank line

    def text(self, text: str) -> None:
        if not self.words and not text.strip():
            return
        if not self.words and self.lines and self.pending == 2 and self.lines[-1]:
            self.lines.append("")
        self.pending = 0
        self.words.append(text)

    def preformatted(self, text: str) -> None:
        for index, line in enumerate(text.split("\n")):
            if index:
                self.flush()
            self.text(line)

    def flush(self) -> None:
        line = _SPACE_RE.sub(" ", "".join(self.words)).strip()
        self.words = []
        if line:
            bare, bulleted = strip_bullet(line)
            self.lines.append(f"- {bare}" if self.prefix or bulleted else line)
        self.prefix = ""

    def block(self, level: int) -> None:
        self.flush()
        self.pending = max(self.pending, level)

    def item(self) -> None:
        self.block(1)
        self.prefix = "- "

    def result(self) -> str:
        self.flush()
        lines = self.lines
        # A list written as one paragraph per item (Word's HTML) is one list.
        kept = [
            line
            for index, line in enumerate(lines)
            if line or not (0 < index < len(lines) - 1 and lines[index - 1][:2] == lines[index + 1][:2] == "- ")
        ]
        return "\n".join(kept).strip()


def _hidden(element: lxml.html.HtmlElement) -> bool:
    return (
        element.get("hidden") is not None
        or (element.get("aria-hidden") or "").lower() == "true"
        or bool(_HIDDEN_STYLE_RE.search(element.get("style") or ""))
    )


def _boilerplate(element: lxml.html.HtmlElement) -> bool:
    if element.tag in _BOILERPLATE or (element.get("role") or "").lower() in _BOILERPLATE_ROLES:
        return True
    if element.tag == "header" and not any(a.tag in ("main", "article", "section") for a in element.iterancestors()):
        # The site's header, not an article's; but one with the page's <h1> (the job title) and no menu stays.
        return element.find(".//h1") is None or element.find(".//nav") is not None
    marks = f"{element.get('id') or ''} {element.get('class') or ''}"
    return bool(_BANNER_RE.search(marks))


def _events(root: lxml.html.HtmlElement, drop_boilerplate: bool) -> Iterator[tuple[str, lxml.html.HtmlElement, str]]:
    """("start"|"end", element, text before the next event), depth first, without recursion."""
    stack: list[tuple[bool, lxml.html.HtmlElement]] = [(False, root)]
    while stack:
        done, element = stack.pop()
        if done:
            yield "end", element, element.tail or ""
            continue
        tag = element.tag if isinstance(element.tag, str) else ""
        if (
            not tag
            or tag in _SKIP
            or _hidden(element)
            or (drop_boilerplate and element is not root and _boilerplate(element))
        ):
            yield "skip", element, element.tail or ""
            continue
        yield "start", element, element.text or ""
        stack.append((True, element))
        stack.extend((False, child) for child in reversed(element))


def _soft_break(writer: _Writer, in_item: int, tag: str) -> None:
    """A block's edge: a blank line after a paragraph, a line break after a div or <br>;
    inside a list item only a space, so the item's paragraphs and lines stay one item."""
    if in_item:
        writer.text(" ")
    else:
        writer.block(2 if tag in _PARAGRAPHS else 1)


def _element_text(root: lxml.html.HtmlElement, drop_boilerplate: bool = False) -> str:
    writer = _Writer()
    in_item = in_pre = 0
    for event, element, text in _events(root, drop_boilerplate):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag == "li":
                writer.item()
                in_item += 1
            elif tag in _LISTS:
                writer.block(1)
            elif tag in _HEADINGS:
                writer.block(2)
            elif tag == "br":
                _soft_break(writer, in_item, tag)
            elif tag == "pre":
                writer.block(2)
                in_pre += 1
            elif tag in _PARAGRAPHS or tag in _LINES:
                _soft_break(writer, in_item, tag)
        elif event == "end":
            if tag == "li":
                writer.block(1)
                in_item -= 1
            elif tag in _LISTS:
                writer.block(1 if in_item else 2)  # a nested list runs on into its parent's items
            elif tag in _HEADINGS:
                writer.block(2)
            elif tag == "pre":
                writer.block(2)
                in_pre -= 1
            elif tag in _PARAGRAPHS or tag in _LINES:
                _soft_break(writer, in_item, tag)
        if text:
            text = _INVISIBLE_RE.sub("", text)
            if in_pre:
                writer.preformatted(text)
            else:
                writer.text(text)
    return writer.result()


def _plain(text: str) -> str:
    """A description given as plain text: its lines kept, bullets as "- "."""
    lines = []
    for raw in _INVISIBLE_RE.sub("", text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _SPACE_RE.sub(" ", raw).strip()
        bare, bulleted = strip_bullet(line)
        lines.append(f"- {bare}" if bulleted and bare else line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _parse(source: str) -> lxml.html.HtmlElement | None:
    source = _XML_DECLARATION_RE.sub("", source, count=1)  # lxml refuses a str that declares its encoding
    source = _CF_HTML_RE.sub("", source, count=1)
    if not source.strip():
        return None
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=False)
    try:
        return lxml.html.document_fromstring(source, parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None


def fragment_text(source: str) -> str:
    """HTML (a fragment or a page) as lines of text, without the JobPosting and boilerplate rules."""
    if not _TAG_RE.search(source):
        return _plain(source)
    root = _parse(source)
    return _element_text(root) if root is not None else ""


def _content_root(root: lxml.html.HtmlElement, fragment: bool) -> lxml.html.HtmlElement:
    """A page's main content: its <main>, else its longest <article>, else its <body>.
    A copied fragment is all content: the person chose what to copy."""
    body = root.find("body")
    body = body if body is not None else root
    if fragment:
        return body
    for element in root.iter("main"):
        return element
    for element in root.iter():
        if isinstance(element.tag, str) and (element.get("role") or "").lower() == "main":
            return element
    articles = list(root.iter("article"))
    if articles:
        return max(articles, key=lambda element: len(element.text_content()))
    return body


def _is_fragment(source: str) -> bool:
    """A clipboard's HTML (Chrome on Linux and macOS: no <html> or <body>; on Windows: the
    StartFragment mark) rather than a whole page."""
    head = source[:65536]
    return "<!--StartFragment-->" in head or not _PAGE_RE.search(head)


def html_to_posting(source: str, name: str = "This page") -> str:
    """A posting's HTML (a copied fragment or a saved page) as text; ParseError when it holds none."""
    root = _parse(source)
    if root is None:
        raise ParseError(NO_TEXT.format(name=name))
    data = _json_ld(root)
    description_element = None
    if data is None and (found := _microdata(root)) is not None:
        data, description_element = found
    body = ""
    if data is not None:
        if description_element is not None and description_element.get("content"):
            body = fragment_text(description_element.get("content"))  # <meta itemprop="description" content=...>
        elif description_element is not None:
            body = _element_text(description_element)
        elif data.description:
            body = fragment_text(data.description)
    if len(body) < _DESCRIPTION_MIN_CHARS or body.endswith(("...", "\u2026")):
        page = _element_text(_content_root(root, _is_fragment(source)), drop_boilerplate=True)
        if len(page) > len(body):
            body = page
    if not body.strip():
        raise ParseError(NO_TEXT.format(name=name))
    if data is None:
        return body
    first, _, rest = body.partition("\n")
    if data.title and first.strip().casefold() == data.title.casefold():
        body = rest.strip()  # the page's <h1>, said again by the header
    return data.header() + body
