"""Checking text and files for personal data before a web master publishes (PDPA-9 / OIA-9.9).

The Official Information Act B.E. 2540 s.9 para 2 lets an office publish a document only with the
personal information in it struck out, and the PDPA B.E. 2562 forbids disclosing it without a basis.
This module finds the three kinds a machine can find reliably: Thai national ID numbers (check digit
verified), Thai phone numbers and e-mail addresses. The office's own contact points are public on
purpose and passed in `allowed`. What cannot be read (images, scans, archives, old binary formats,
damaged files) is listed as `Unchecked`, so a clean report always means "read and nothing found".

The report keeps the two apart: `findings` are possible personal data the machine found (a person must
strike them out or say why they may be published); `unchecked` are the limits of the check (a person must
look at those parts themselves). `sources` says for each text and file what happened to it: its text was
checked, checked in part, or not checked at all (and why).

Every text is NFKC-normalised and Thai digits are read as Arabic ones before matching: pypdf returns
khaosan's own PDFs in NFKC form (SARA AM as NIKHAHIT + SARA AA) and people type ๑๒๓ as often as 123.
Displayed matches keep their written form with the hidden digits as "x".

Limits, so the publish screen answers before the web server gives up: one call stops reading after
SCAN_SECONDS (pypdf needs about 70 ms for a dense Thai page of khaosan's own PDFs, so ~7 s for 100 pages),
and a text or file shows at most MAX_FINDINGS_PER_SOURCE findings. Where a limit cuts a check short, the
source also gets an `Unchecked` note saying where checking stopped, so the report is never falsely clean.
"""

import io
import re
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

__all__ = [
    "CHECKED", "NOT_CHECKED", "PARTLY_CHECKED", "Finding", "PdfUnreadable", "RedactionReport", "Source", "Unchecked",
    "file_segments", "is_valid_thai_id", "page_has_image", "page_ranges", "pdf_pages", "scan", "visible_chars",
]  # fmt: skip

SCAN_SECONDS = 20  # below gunicorn's default 30 s worker timeout
MAX_FINDINGS_PER_SOURCE = 200
# DOCX/XLSX are zipped XML that python-docx parses whole: refuse to inflate more XML than this.
MAX_XML_BYTES = 100 * 1024 * 1024
# A PDF page that paints an image and has fewer visible characters than this is a scan (its few characters
# are a stamp or a page number); a page without an image has a text layer however short its text is.
MIN_PAGE_CHARS = 30
CONTEXT_CHARS = 20

REASON_IMAGE = "ไฟล์ภาพ ระบบตรวจอัตโนมัติไม่ได้ โปรดตรวจด้วยตนเอง"
REASON_ARCHIVE = "ไฟล์บีบอัด ระบบไม่แตกไฟล์บนเซิร์ฟเวอร์ โปรดตรวจด้วยตนเอง"
REASON_OLD_FORMAT = "ไฟล์ .{kind} รุ่นเก่า ระบบตรวจอัตโนมัติไม่ได้ โปรดตรวจด้วยตนเอง หรือบันทึกเป็น .{kind}x แล้วอัปโหลดใหม่"
REASON_UNKNOWN_KIND = "ระบบไม่รู้จักชนิดไฟล์นี้ ตรวจอัตโนมัติไม่ได้ โปรดตรวจด้วยตนเอง"
REASON_UNREADABLE = "อ่านไฟล์ไม่ได้ (ไฟล์อาจเสียหายหรือไม่ตรงกับชนิดไฟล์) โปรดตรวจด้วยตนเอง"
REASON_TOO_LARGE = "ไฟล์มีข้อมูลมากเกินกว่าจะตรวจอัตโนมัติ โปรดตรวจด้วยตนเอง"
REASON_ENCRYPTED = "PDF ถูกเข้ารหัสหรือตั้งรหัสผ่านไว้ ระบบเปิดอ่านไม่ได้ โปรดตรวจด้วยตนเอง"
REASON_NO_TEXT_LAYER = "PDF ไม่มีชั้นข้อความ (อาจเป็นเอกสารสแกน) ระบบตรวจอัตโนมัติไม่ได้ โปรดตรวจด้วยตนเอง"
REASON_SCANNED_PAGES = "PDF หน้า {pages} ไม่มีชั้นข้อความ (อาจเป็นภาพสแกน) โปรดตรวจหน้าดังกล่าวด้วยตนเอง"
REASON_OUT_OF_TIME = "หมดเวลาตรวจอัตโนมัติหลัง{place} โปรดตรวจส่วนที่เหลือด้วยตนเอง"
REASON_TOO_MANY = "พบข้อมูลส่วนบุคคลมากกว่า {limit} รายการ แสดงเพียง {limit} รายการแรก โปรดตรวจส่วนที่เหลือด้วยตนเอง"


@dataclass(frozen=True)
class Finding:
    """One piece of personal data, masked, with where a person finds it and a little text around it."""

    kind: str  # "national_id" | "phone" | "email"
    text: str
    place: str
    context: str


@dataclass(frozen=True)
class Unchecked:
    """A file (or the rest of one) that a person must check because the machine could not."""

    name: str
    reason: str


# What happened to one source (a text field or a file).
CHECKED = "checked"  # its text was read in full
PARTLY_CHECKED = "partly"  # its text was read, but part of it could not be (scanned pages, a limit)
NOT_CHECKED = "not_checked"  # nothing of it could be read (a scan without text layer, an image, unreadable)


@dataclass(frozen=True)
class Source:
    """One text or file of the check: its status, how many findings it gave, and why it was not (fully) read."""

    name: str
    status: str
    findings: int = 0
    reason: str = ""


@dataclass(frozen=True)
class RedactionReport:
    findings: tuple[Finding, ...]
    unchecked: tuple[Unchecked, ...]
    sources: tuple[Source, ...] = ()

    @property
    def clean(self) -> bool:
        """Everything was read and nothing was found (PDPA-9)."""
        return not self.findings and not self.unchecked

    @property
    def complete(self) -> bool:
        """Every text and file was read in full: nothing is left for a person to check by hand."""
        return not self.unchecked

    def names(self, *statuses: str) -> list[str]:
        return [source.name for source in self.sources if source.status in statuses]


def is_valid_thai_id(digits: str) -> bool:
    """Whether `digits` is a Thai national ID: 13 digits whose last is the mod-11 check digit.

    Dashes, spaces and Thai digits are accepted so a form field can be checked as typed.
    """
    digits = re.sub(r"[\s\-]", "", _normalise(digits))
    if not re.fullmatch(r"[0-9]{13}", digits):
        return False
    total = sum(int(digit) * (13 - i) for i, digit in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def scan(
    *,
    texts: Iterable[tuple[str, str]] = (),
    files: Iterable[tuple[str, str, bytes | Path | Callable[[], bytes]]] = (),
    allowed: Iterable[str] = (),
) -> RedactionReport:
    """Check the item's texts (plain or HTML) and files; `allowed` holds the office's public contacts."""
    deadline = time.monotonic() + SCAN_SECONDS
    allowed_contacts = _Allowed.parse(allowed)
    findings: list[Finding] = []
    unchecked: list[Unchecked] = []
    results: list[Source] = []
    sources = [(label, _text_segments(label, text)) for label, text in texts]
    sources += [(name, _file_segments(name, kind, data)) for name, kind, data in files]
    for name, segments in sources:
        found, note, status = _scan_source(name, segments, allowed_contacts, deadline)
        findings += found
        if note:
            unchecked.append(note)
        results.append(Source(name=name, status=status, findings=len(found), reason=note.reason if note else ""))
    return RedactionReport(findings=tuple(findings), unchecked=tuple(unchecked), sources=tuple(results))


# --- Normalising ------------------------------------------------------------------------------------------------------

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def _normalise(text: str) -> str:
    """NFKC (fullwidth digits, no-break spaces, PDF SARA AM) with Thai digits as 0-9 and no invisible marks."""
    text = unicodedata.normalize("NFKC", text).replace("\u0e4d\u0e32", "\u0e33")
    return text.translate(_THAI_DIGITS).translate(_INVISIBLE)


def _digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


# --- Patterns ---------------------------------------------------------------------------------------------------------

# Between digit groups: nothing, one space/tab/line break (PDF tables wrap numbers), or a dash with optional spaces.
_SEP = r"(?:[ \t\n]?[-\u2010\u2011\u2012\u2013\u2014\u2212][ \t\n]?|[ \t\n])?"
# 1-2345-67890-12-1 with or without separators; never a slice of a longer digit run (bank or card numbers).
_ID_RE = re.compile(rf"(?<![0-9])[0-9]{_SEP}[0-9]{{4}}{_SEP}[0-9]{{5}}{_SEP}[0-9]{{2}}{_SEP}[0-9](?![0-9])")

# Phones as Thais write them: the groupings are spelled out so that dates (25/11/2569, 02 11 2569), money
# (1,234,567) and document numbers (นน 0032.10/ว 123) cannot line up as a number. "." and "/" never separate.
_PSEP = rf"\)?{_SEP}"  # "(02) 123 4567": a closing parenthesis may end the area code
_AREA = r"(?:3[2-9]|[4-6][0-9]|7[0-7])"  # provincial area codes 32-77
_NATIONAL = "|".join(
    (
        rf"[689][0-9]{_PSEP}[0-9]{{3}}{_PSEP}[0-9]{{4}}",  # mobile 081-234-5678
        rf"[689]{_PSEP}[0-9]{{4}}{_PSEP}[0-9]{{4}}",  # mobile 08-1234-5678
        rf"2{_PSEP}[0-9]{{3}}{_PSEP}[0-9]{{4}}",  # Bangkok 02-123-4567
        rf"2[0-9]{{3}}{_PSEP}[0-9]{{4}}",  # Bangkok 0 2123 4567
        rf"{_AREA}{_PSEP}[0-9]{{3}}{_PSEP}[0-9]{{3}}",  # provincial 054-761-234, 054-761234
        rf"{_AREA}[0-9]{{2}}{_PSEP}[0-9]{{4}}",  # provincial 0 5476 1234
    )
)
_PHONE_RE = re.compile(rf"(?<![0-9.,/])\(?(?:\+ ?66{_PSEP}(?:\(0\){_SEP})?|0{_PSEP})(?:{_NATIONAL})(?![0-9])")
# Starts only at the start of a run and never backtracks inside a label: linear even on hostile cell text.
_EMAIL_RE = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@(?:[A-Za-z0-9-]++\.)+[A-Za-z]{2,}")


def _phone_key(text: str) -> str:
    """The number as dialled inside Thailand, so "+66 2 123 4567" and "02-123-4567" compare equal."""
    digits = _digits(text)
    if digits.startswith("66"):
        digits = digits[2:] if digits[2:3] == "0" else "0" + digits[2:]
    return digits


@dataclass(frozen=True)
class _Allowed:
    """The office's public contact points (phones by digits, e-mails case-insensitively): never reported."""

    phones: frozenset[str]
    emails: frozenset[str]

    @classmethod
    def parse(cls, entries: Iterable[str]) -> "_Allowed":
        phones: set[str] = set()
        emails: set[str] = set()
        for entry in entries:
            text = _normalise(entry or "")
            emails.update(match[0].lower() for match in _EMAIL_RE.finditer(text))
            found = {_phone_key(match[0]) for match in _PHONE_RE.finditer(text)}
            if not found and "@" not in text and _digits(text):
                found = {_phone_key(text)}  # a grouping the pattern does not know still counts by its digits
            phones |= found
        return cls(phones=frozenset(phones), emails=frozenset(emails))


# --- Matching one piece of text ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    kind: str
    masked: str


def _scan_segment(place: str, text: str, allowed: _Allowed) -> list[Finding]:
    text = _normalise(text)
    hits = _hits(text, allowed)
    if not hits:
        return []
    masked_text, spans = _mask_text(text, hits)
    return [
        Finding(kind=hit.kind, text=hit.masked, place=place, context=_context(masked_text, *span))
        for hit, span in zip(hits, spans, strict=True)
    ]


def _hits(text: str, allowed: _Allowed) -> list[_Hit]:
    """IDs first, then e-mails, then phones not inside either (a 13-digit ID is reported once, as an ID)."""
    if "@" not in text and not re.search(r"[0-9]", text):
        return []
    ids = [_Hit(m.start(), m.end(), "national_id", _mask_digits(m[0], 1, 3)) for m in _valid_ids(text)]
    emails = list(_EMAIL_RE.finditer(text)) if "@" in text else []
    taken = [(hit.start, hit.end) for hit in ids] + [match.span() for match in emails]
    hits = ids + [
        _Hit(m.start(), m.end(), "email", _mask_email(m[0])) for m in emails if m[0].lower() not in allowed.emails
    ]
    for match in _PHONE_RE.finditer(text):
        overlaps = any(match.start() < end and start < match.end() for start, end in taken)
        if not overlaps and _phone_key(match[0]) not in allowed.phones:
            hits.append(_Hit(match.start(), match.end(), "phone", _mask_phone(match[0])))
    return sorted(hits, key=lambda hit: hit.start)


def _valid_ids(text: str) -> Iterator[re.Match]:
    """13-digit candidates with a valid check digit; after a failed one, look again one character on."""
    pos = 0
    while match := _ID_RE.search(text, pos):
        if is_valid_thai_id(match[0]):
            yield match
            pos = match.end()
        else:
            pos = match.start() + 1


def _mask_digits(text: str, keep_first: int, keep_last: int) -> str:
    """Replace digits with "x" except the first and last few, keeping the separators as written."""
    total = len(_digits(text))
    out, index = [], 0
    for char in text:
        if char.isascii() and char.isdigit():
            out.append(char if index < keep_first or index >= total - keep_last else "x")
            index += 1
        else:
            out.append(char)
    return "".join(out)


def _mask_phone(text: str) -> str:
    """Keep the prefix up to the first digit after 0 (or +66) and the last four: "08x-xxx-4567"."""
    digits = _digits(text)
    if text.lstrip("(").startswith("+"):
        return _mask_digits(text, 4 if digits[2:3] == "0" else 3, 4)
    return _mask_digits(text, 2, 4)


def _mask_email(address: str) -> str:
    local, domain = address.split("@", 1)
    return f"{local[:2] if len(local) > 2 else local[:1]}***@{domain}"


def _mask_text(text: str, hits: list[_Hit]) -> tuple[str, list[tuple[int, int]]]:
    """The text with every reported match masked, and where each masked match now sits."""
    parts, spans, pos, length = [], [], 0, 0
    for hit in hits:
        parts.append(text[pos : hit.start])
        length += hit.start - pos
        spans.append((length, length + len(hit.masked)))
        parts.append(hit.masked)
        length += len(hit.masked)
        pos = hit.end
    parts.append(text[pos:])
    return "".join(parts), spans


def _context(masked_text: str, start: int, end: int) -> str:
    """About CONTEXT_CHARS either side of the match, on one line, with … where the text was cut."""
    left, right = max(0, start - CONTEXT_CHARS), min(len(masked_text), end + CONTEXT_CHARS)
    snippet = " ".join(masked_text[left:right].split())
    return ("…" if left else "") + snippet + ("…" if right < len(masked_text) else "")


# --- Sources: a text or a file becomes (place, text) segments ---------------------------------------------------------


class _CannotCheck(Exception):
    """The rest of a source cannot be checked by machine; `reason` tells the person why (in Thai).

    `nothing_read` says that none of the source's text could be checked, even if empty pages were seen.
    """

    def __init__(self, reason: str, *, nothing_read: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.nothing_read = nothing_read


def _scan_source(
    name: str, segments: Iterator[tuple[str, str]], allowed: _Allowed, deadline: float
) -> tuple[list[Finding], Unchecked | None, str]:
    """Findings of one source, a note if part of it stayed unchecked, and its status (CHECKED, PARTLY_…, NOT_…).

    What was found before a failure counts. The clock is read between segments (a PDF page, a cell, a
    paragraph), so one call overruns its deadline by at most one segment per remaining source.
    """
    findings: list[Finding] = []
    read = False

    def cut_short(reason: str, *, nothing_read: bool = False):
        return Unchecked(name, reason), PARTLY_CHECKED if read and not nothing_read else NOT_CHECKED

    try:
        for place, text in segments:
            read = read or bool(text.strip())
            findings += _scan_segment(place, text, allowed)
            if len(findings) > MAX_FINDINGS_PER_SOURCE:
                note = REASON_TOO_MANY.format(limit=MAX_FINDINGS_PER_SOURCE)
                return findings[:MAX_FINDINGS_PER_SOURCE], *cut_short(note)
            if time.monotonic() >= deadline:
                return findings, *cut_short(REASON_OUT_OF_TIME.format(place=place))
    except _CannotCheck as exc:
        return findings, *cut_short(exc.reason, nothing_read=exc.nothing_read)
    except Exception:  # noqa: BLE001 — any parser failure on a damaged or hostile file means "a person must check"
        return findings, *cut_short(REASON_UNREADABLE)
    return findings, None, CHECKED


def _text_segments(label: str, text: str) -> Iterator[tuple[str, str]]:
    """Paragraphs of a text field, numbered for the place when there is more than one."""
    text = text or ""
    paragraphs = _html_paragraphs(text) if _LOOKS_LIKE_HTML.search(text) else text.split("\n")
    paragraphs = [paragraph for paragraph in paragraphs if paragraph.strip()]
    if len(paragraphs) == 1:
        yield label, paragraphs[0]
        return
    for number, paragraph in enumerate(paragraphs, 1):
        yield f"{label} ย่อหน้าที่ {number}", paragraph


_LOOKS_LIKE_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^>]*)?/?>")
_BREAK_TAGS = {
    "p", "br", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "hr", "table", "caption", "tr", "figure", "figcaption", "section", "article", "header", "footer",
}  # fmt: skip
_CELL_TAGS = {"td", "th"}
_HIDDEN_TAGS = {"script", "style", "template"}


class _HtmlParagraphs(HTMLParser):
    """Visible text split where a reader sees a new paragraph (block tags, <br>, line breaks).

    mailto:/tel: link targets are added after the link text: they are published too, and a person who
    edits only the visible text would otherwise leave them behind.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs = [""]
        self._hidden = 0
        self._link_target = ""
        self._link_text = ""

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag in _BREAK_TAGS:
            self.paragraphs.append("")
        elif tag in _CELL_TAGS and self.paragraphs[-1].strip():
            self._write(" | ")  # a bar is no separator, so numbers in neighbouring cells never join
        elif tag == "a":
            self._link_target, self._link_text = _link_target(dict(attrs).get("href") or ""), ""

    def handle_endtag(self, tag):
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BREAK_TAGS:
            self.paragraphs.append("")
        elif tag == "a" and self._link_target:
            if self._link_target.lower() not in self._link_text.lower():
                self._write(f" [ลิงก์ {self._link_target}]")
            self._link_target = ""

    def handle_data(self, data):
        if self._hidden:
            return
        first, *lines = data.split("\n")
        self._write(first)
        for line in lines:
            self.paragraphs.append("")
            self._write(line)

    def _write(self, text):
        self.paragraphs[-1] += text
        if self._link_target:
            self._link_text += text


def _link_target(href: str) -> str:
    """The address or number of a mailto:/tel: link; other links carry no contact data of their own."""
    scheme, _, rest = href.strip().partition(":")
    if scheme.lower() not in {"mailto", "tel"}:
        return ""
    return unquote(rest.split("?", 1)[0]).strip()


def _html_paragraphs(html: str) -> list[str]:
    parser = _HtmlParagraphs()
    parser.feed(html)
    parser.close()
    return parser.paragraphs


def file_segments(name: str, kind: str, data: bytes | Path) -> Iterator[tuple[str, str]]:
    """Yield (place, text) of a PDF, DOCX or XLSX: the one reader of file text (also catalog.filetext, for search).

    Raises an exception with a Thai `reason` where the file cannot be read (or only in part, after yielding).
    """
    return _file_segments(name, kind, data)


def _file_segments(name: str, kind: str, data: bytes | Path | Callable[[], bytes]) -> Iterator[tuple[str, str]]:
    """Read a file lazily (inside `_scan_source`, so reading errors become notes) by its upload kind.

    `data` is the bytes, a path, or a function that reads them from the store (catalog/storage.read_blob).
    """
    kind = kind.lower().lstrip(".")
    kind = {"jpeg": "jpg"}.get(kind, kind)
    if kind in {"jpg", "png"}:
        raise _CannotCheck(REASON_IMAGE)
    if kind in {"zip", "rar"}:
        raise _CannotCheck(REASON_ARCHIVE)
    if kind in {"doc", "xls"}:
        raise _CannotCheck(REASON_OLD_FORMAT.format(kind=kind))
    readers = {"pdf": _pdf_segments, "docx": _docx_segments, "xlsx": _xlsx_segments}
    if kind not in readers:
        raise _CannotCheck(REASON_UNKNOWN_KIND)
    content = data() if callable(data) else data.read_bytes() if isinstance(data, Path) else data
    yield from readers[kind](f"ไฟล์ {name}", content)


# --- PDF --------------------------------------------------------------------------------------------------------------


class PdfUnreadable(_CannotCheck):
    """A PDF that cannot be opened (encrypted with a user password, damaged, no pages); `reason` is in Thai."""


def pdf_pages(content: bytes) -> Iterator[tuple[int, object, str]]:
    """Yield (number, page, text) for each page: the one way khaosan reads a PDF's text layer.

    Shared with compliance.checks (is there a real text layer, ACC-4), so both checks agree on what a
    page says. A PDF locked only by an owner password opens; anything else raises PdfUnreadable.
    """
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError

    reader = PdfReader(io.BytesIO(content), strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("") != PasswordType.NOT_DECRYPTED
        except DependencyError:  # AES needs a crypto library khaosan does not ship
            opened = False
        if not opened:
            raise PdfUnreadable(REASON_ENCRYPTED)
    if not len(reader.pages):
        raise PdfUnreadable(REASON_UNREADABLE)
    for number, page in enumerate(reader.pages, 1):
        yield number, page, page.extract_text() or ""


def visible_chars(text: str) -> int:
    """How many characters of `text` show on paper (white space not counted): MIN_PAGE_CHARS is measured so."""
    return len("".join(text.split()))


def page_has_image(page) -> bool:
    """Whether a PDF page paints an image, directly or through forms it draws."""
    return _has_image(page.get("/Resources"))


def _pdf_segments(prefix: str, content: bytes) -> Iterator[tuple[str, str]]:
    """Page by page via pypdf; scanned pages are for a person to read (PDPA-9).

    A page is a scan when it paints an image and carries (almost) no text. A page with a little text and
    no image (a short notice, a cover page) has a text layer and was checked; a file whose pages carry no
    text at all has no text layer (a scan drawn without an image, or text turned into outlines).
    """
    with_text, scanned = 0, []
    for number, page, text in pdf_pages(content):
        chars = visible_chars(text)
        if chars < MIN_PAGE_CHARS and page_has_image(page):
            scanned.append(number)
        elif chars:
            with_text += 1
        yield f"{prefix} หน้า {number}", text
    if not with_text:
        raise _CannotCheck(REASON_NO_TEXT_LAYER, nothing_read=True)
    if scanned:
        raise _CannotCheck(REASON_SCANNED_PAGES.format(pages=page_ranges(scanned)))


def _has_image(resources, depth: int = 0) -> bool:
    """Whether a page (or a form it draws, a few levels deep) paints an image: a low-text page with one is a scan."""
    resources = resources.get_object() if resources is not None else None
    xobjects = resources.get("/XObject") if resources else None
    for ref in (xobjects.get_object() if xobjects else {}).values():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Image":
            return True
        if xobject.get("/Subtype") == "/Form" and depth < 3 and _has_image(xobject.get("/Resources"), depth + 1):
            return True
    return False


def page_ranges(pages: list[int]) -> str:
    """[1, 2, 3, 7] -> "1–3, 7"."""
    runs: list[list[int]] = []
    for page in pages:
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


# --- DOCX and XLSX ----------------------------------------------------------------------------------------------------


def _check_xml_size(content: bytes) -> None:
    """Refuse zip bombs before python-docx/openpyxl inflate them (declared sizes are enforced by zipfile)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = sum(info.file_size for info in archive.infolist() if info.filename.endswith((".xml", ".rels")))
    if xml > MAX_XML_BYTES:
        raise _CannotCheck(REASON_TOO_LARGE)


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _docx_segments(prefix: str, content: bytes) -> Iterator[tuple[str, str]]:
    """Body paragraphs (numbered, empty ones not counted), tables by row, headers/footers and text boxes."""
    import docx
    from docx.oxml.ns import qn

    _check_xml_size(content)
    document = docx.Document(io.BytesIO(content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs if paragraph.text.strip()]
    for number, text in enumerate(paragraphs, 1):
        yield f"{prefix} ย่อหน้าที่ {number}", text
    for table_number, table in enumerate(document.tables, 1):
        for row_number, row in enumerate(table.rows, 1):
            yield f"{prefix} ตารางที่ {table_number} แถว {row_number}", _row_text(row)
    for label, text in _docx_margins(document):
        yield f"{prefix} {label}", text
    for box in document.element.body.iter(qn("w:txbxContent")):
        if not any(ancestor.tag == _MC_FALLBACK for ancestor in box.iterancestors()):  # Word stores a VML copy
            lines = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in box.iter(qn("w:p")))
            yield f"{prefix} กล่องข้อความ", "\n".join(lines)


def _row_text(row) -> str:
    """Cells joined by a bar (no number runs across cells); a merged cell python-docx repeats is read once."""
    cells: list[str] = []
    for cell in row.cells:
        text = _cell_text(cell)
        if not cells or cells[-1] != text:
            cells.append(text)
    return " | ".join(cells)


def _cell_text(cell) -> str:
    from docx.table import Table

    parts = []
    for block in cell.iter_inner_content():
        if isinstance(block, Table):
            parts.append(" | ".join(_row_text(row) for row in block.rows))
        else:
            parts.append(block.text)
    return "\n".join(parts)


def _docx_margins(document) -> Iterator[tuple[str, str]]:
    """Header and footer texts of every section, each distinct text once (sections usually share them)."""
    seen = set()
    for section in document.sections:
        for label, part in (
            ("หัวกระดาษ", section.header),
            ("หัวกระดาษ", section.first_page_header),
            ("หัวกระดาษ", section.even_page_header),
            ("ท้ายกระดาษ", section.footer),
            ("ท้ายกระดาษ", section.first_page_footer),
            ("ท้ายกระดาษ", section.even_page_footer),
        ):
            if part.is_linked_to_previous:  # no definition of its own: reading it would create one
                continue
            blocks = [p.text for p in part.paragraphs] + [_row_text(row) for t in part.tables for row in t.rows]
            text = "\n".join(blocks)
            if text.strip() and (label, text) not in seen:
                seen.add((label, text))
                yield label, text


def _xlsx_segments(prefix: str, content: bytes) -> Iterator[tuple[str, str]]:
    """Every non-empty cell of every sheet, each on its own so neighbouring cells never form a number."""
    import openpyxl

    _check_xml_size(content)
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if text := _cell_value_text(cell):
                        yield f"{prefix} แผ่นงาน {sheet.title} เซลล์ {cell.coordinate}", text
    finally:
        workbook.close()


def _cell_value_text(cell) -> str:
    """A cell as text; whole numbers as digits (an ID typed as 1234567890121), zero-padded if so formatted.

    A phone typed as a number loses its leading 0 unless the cell format pads it ("0000000000").
    """
    value = cell.value
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ""  # dates, times, booleans, empty cells: no personal numbers in them
    if isinstance(value, float) and not value.is_integer():
        return ""
    digits = str(int(value))
    number_format = cell.number_format or ""
    return digits.zfill(len(number_format)) if re.fullmatch(r"0+", number_format) else digits
