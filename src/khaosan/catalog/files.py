"""Checking an upload before anything is stored (S-2.10): type by content, size, name, what it would run.

Only the seed's types are accepted: pdf xls xlsx doc docx jpg png zip rar. The extension must match
what the bytes are; nothing is trusted from the browser. A file that is also a web page or script
(anywhere in it) is refused, and so is a PDF with active content: JavaScript, launch actions,
additional actions, embedded files, rich media, XFA forms. Archives are never unpacked to disk: the
virus check (antivirus.py) reads their members in memory.
"""

import hashlib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from khaosan.thai.text import human_size

# S-2.10: the file types the framework allows. The value is the MIME type files are served with.
ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jpg": "image/jpeg",
    "png": "image/png",
    "zip": "application/zip",
    "rar": "application/vnd.rar",
}
EXTENSION_ALIASES = {"jpeg": "jpg"}
TYPE_LABELS = {
    "pdf": "PDF", "doc": "Word", "docx": "Word", "xls": "Excel", "xlsx": "Excel",
    "jpg": "JPEG", "png": "PNG", "zip": "ZIP", "rar": "RAR",
}  # fmt: skip
OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
MAX_NAME_LENGTH = 200
# Image renditions larger than this many pixels are refused: a decompression bomb, not a photo.
MAX_IMAGE_PIXELS = 80_000_000
_FORBIDDEN_NAME_CHARS = set('/\\:*?"<>|\x00')


@dataclass
class InspectedFile:
    """What an accepted upload is: its safe name, type and bytes (images already re-encoded)."""

    name: str
    extension: str
    kind: str
    content: bytes
    sha256: str
    page_count: int | None = None
    width: int | None = None
    height: int | None = None

    @property
    def size(self):
        return len(self.content)

    @property
    def mime_type(self):
        return ALLOWED_TYPES[self.kind]


def allowed_extensions_text():
    return ", ".join(ext for ext in ALLOWED_TYPES)


def clean_name(raw_name):
    """Return the file name to keep, or refuse names that try to be a path or hide a second type."""
    name = unicodedata.normalize("NFC", (raw_name or "").strip())
    if not name:
        raise ValidationError(_("ไฟล์ไม่มีชื่อ โปรดตั้งชื่อไฟล์แล้วอัปโหลดอีกครั้ง"), code="name")
    if any(ch in _FORBIDDEN_NAME_CHARS for ch in name) or ".." in name or any(ord(ch) < 32 for ch in name):
        raise ValidationError(
            _("ชื่อไฟล์ “%(name)s” มีอักขระที่ไม่อนุญาต (เช่น / \\ : หรือ ..) โปรดเปลี่ยนชื่อไฟล์") % {"name": name[:80]},
            code="name",
        )
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(_("ชื่อไฟล์ยาวเกิน %(max)d ตัวอักษร โปรดตั้งชื่อให้สั้นลง") % {"max": MAX_NAME_LENGTH}, code="name")
    parts = PurePosixPath(name).name.split(".")
    if len(parts) < 2 or not parts[-1]:
        raise ValidationError(
            _("ไฟล์ “%(name)s” ไม่มีนามสกุล ระบบรับเฉพาะไฟล์ %(types)s") % {"name": name, "types": allowed_extensions_text()},
            code="type",
        )
    # A hidden second extension (report.php.pdf, report.pdf.php) is how scripts get onto servers.
    inner = {p.lower() for p in parts[1:-1]}
    risky = {"php", "phtml", "php3", "php4", "php5", "phar", "asp", "aspx", "jsp", "cgi", "pl", "py", "sh", "exe",
             "bat", "cmd", "com", "js", "html", "htm", "svg", "shtml", "dll", "scr", "msi", "jar", "vbs"}  # fmt: skip
    if inner & risky:
        raise ValidationError(
            _("ไฟล์ “%(name)s” มีนามสกุลซ้อนที่ไม่ปลอดภัย โปรดเปลี่ยนชื่อไฟล์ให้มีนามสกุลเดียว") % {"name": name},
            code="type",
        )
    return name


def extension_of(name):
    ext = name.rsplit(".", 1)[-1].lower()
    return EXTENSION_ALIASES.get(ext, ext), ext


def sniff_kind(head, content):
    """Return the allowed kind the bytes really are, or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(OLE_SIGNATURE):
        return "ole"  # doc or xls: told apart below
    if head.startswith(b"Rar!\x1a\x07"):
        return "rar"
    guess = filetype.guess(head)
    if guess is None:
        return None
    if guess.extension == "zip" or guess.mime in {ALLOWED_TYPES["docx"], ALLOWED_TYPES["xlsx"]}:
        return _zip_kind(content)
    return {"jpg": "jpg", "png": "png"}.get(guess.extension)


def _zip_kind(content):
    """Tell an Office Open XML file from a plain ZIP by the parts it names, without extracting."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" in names:
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        return "ooxml"
    return "zip"


def _ole_kind(content):
    """A Compound File holds a 'WordDocument' stream for Word and 'Workbook'/'Book' for Excel."""
    sample = content[:1_000_000]
    if "WordDocument".encode("utf-16-le") in sample:
        return "doc"
    if "Workbook".encode("utf-16-le") in sample or "Book".encode("utf-16-le") in sample:
        return "xls"
    return None


# Markup a browser or PHP would run: "<script", "<html", "<?php", "<svg", "<!doctype html", any case.
_MARKUP = re.compile(rb"<(?:script|html|\?php|svg|!doctype\s+html)", re.IGNORECASE)


def _looks_like_markup(content):
    """Catch polyglots: a file that is also HTML or script can be rendered by a browser that sniffs.

    The whole file is searched, not its start: browsers and PHP find markup appended at the end too.
    One case-insensitive regular expression starting at each "<" runs at memory speed (50 MB in about
    a tenth of a second).
    """
    return _MARKUP.search(content) is not None


def inspect_upload(uploaded, *, max_bytes=None):
    """Return an InspectedFile for an acceptable upload, or raise ValidationError with the reason in Thai."""
    max_bytes = max_bytes or settings.UPLOAD_MAX_BYTES
    name = clean_name(getattr(uploaded, "name", ""))
    extension, typed_extension = extension_of(name)
    if extension not in ALLOWED_TYPES:
        raise ValidationError(
            _("ไม่รับไฟล์ชนิด .%(ext)s ระบบรับเฉพาะไฟล์ %(types)s")
            % {"ext": typed_extension, "types": allowed_extensions_text()},
            code="type",
        )
    size = getattr(uploaded, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            _("ไฟล์ “%(name)s” มีขนาด %(size)s เกินขนาดสูงสุด %(max)s") % {
                "name": name, "size": human_size(size), "max": human_size(max_bytes)},
            code="size",
        )  # fmt: skip
    if hasattr(uploaded, "seek"):
        uploaded.seek(0)
    content = uploaded.read(max_bytes + 1)
    if len(content) > max_bytes:
        raise ValidationError(
            _("ไฟล์ “%(name)s” มีขนาดเกินขนาดสูงสุด %(max)s") % {"name": name, "max": human_size(max_bytes)}, code="size"
        )
    if not content:
        raise ValidationError(
            _("ไฟล์ “%(name)s” ว่างเปล่า (0 ไบต์) โปรดตรวจสอบไฟล์แล้วอัปโหลดอีกครั้ง") % {"name": name}, code="empty"
        )

    kind = sniff_kind(content[:8192], content)
    if kind == "ole":
        kind = _ole_kind(content)
    if kind != extension:
        raise ValidationError(
            _(
                "เนื้อไฟล์ “%(name)s” ไม่ใช่ไฟล์ .%(ext)s ตามนามสกุล (ไฟล์อาจถูกเปลี่ยนนามสกุลหรือเสียหาย) "
                "โปรดบันทึกไฟล์ใหม่จากโปรแกรมต้นฉบับ"
            )
            % {"name": name, "ext": typed_extension},
            code="mismatch",
        )
    if kind in {"pdf", "doc", "xls"} and _looks_like_markup(content):
        raise ValidationError(
            _("ไฟล์ “%(name)s” มีเนื้อหาแบบหน้าเว็บหรือสคริปต์ปะปนอยู่ ระบบไม่รับไฟล์นี้เพื่อความปลอดภัย") % {"name": name},
            code="polyglot",
        )

    from khaosan.catalog.antivirus import scan_upload

    scan_upload(content, name=name, kind=kind)
    facts = {}
    if kind == "pdf":
        facts["page_count"] = _inspect_pdf(content, name)
    elif kind in {"jpg", "png"}:
        content, facts = _reencode_image(content, kind, name)
    return InspectedFile(
        name=name, extension=extension, kind=kind, content=content, sha256=hashlib.sha256(content).hexdigest(), **facts
    )


# PDF features that run something or carry another file inside (ISO 32000-2: §12.6.4.8 Launch, §12.6.4.17
# JavaScript, §12.6.3 additional actions /AA, §7.11.4 embedded files, §13.7 RichMedia; XFA forms, §12.7.9).
# A public document needs none of them, and each is how PDFs deliver malware; the value is the reason's key.
PDF_ACTIVE_KEYS = {
    "/JS": "javascript", "/JavaScript": "javascript", "/AA": "actions", "/EmbeddedFiles": "embedded",
    "/EF": "embedded", "/RichMedia": "richmedia", "/RichMediaContent": "richmedia", "/XFA": "xfa",
}  # fmt: skip
PDF_ACTIVE_ACTIONS = {
    "/JavaScript": "javascript", "/Launch": "launch", "/RichMediaExecute": "richmedia", "/GoToE": "embedded",
}  # fmt: skip
PDF_ACTIVE_TYPES = {"/EmbeddedFile": "embedded", "/FileAttachment": "embedded", "/RichMedia": "richmedia"}
# Delimiters that end a PDF name (ISO 32000-2 §7.2.3): "/JSON" is not "/JS".
_NAME_END = rb"(?=[\x00\t\n\x0c\r /<>\[\](){}%]|\Z)"
# Long names are searched in the whole file; two-letter ones outside stream data only, where a
# compressed image could hold "/JS " by chance (object streams are read through pypdf below).
_PDF_LONG_NAMES = re.compile(rb"/(JavaScript|Launch|EmbeddedFiles?|RichMedia(?:Execute|Content)?|XFA)" + _NAME_END)
_PDF_SHORT_NAMES = re.compile(rb"/(JS|AA|EF)" + _NAME_END)
_PDF_ESCAPED_NAME = re.compile(rb"/[^\x00\t\n\x0c\r /<>\[\](){}%]*#[0-9A-Fa-f]{2}[^\x00\t\n\x0c\r /<>\[\](){}%]*")
_STREAM_START = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_BYTE_NAMES = {
    "JavaScript": "javascript", "JS": "javascript", "Launch": "launch", "AA": "actions", "EF": "embedded",
    "EmbeddedFile": "embedded", "EmbeddedFiles": "embedded", "RichMedia": "richmedia",
    "RichMediaExecute": "richmedia", "RichMediaContent": "richmedia", "XFA": "xfa",
}  # fmt: skip


def _pdf_active_reason(feature):
    return {
        "javascript": _("สคริปต์ JavaScript"),
        "launch": _("คำสั่งเปิดโปรแกรมหรือไฟล์อื่น (Launch)"),
        "actions": _("คำสั่งที่ทำงานเองเมื่อเปิดไฟล์หรือเปิดหน้า (Additional Actions)"),
        "embedded": _("ไฟล์อื่นฝังอยู่ข้างใน"),
        "richmedia": _("สื่อฝังตัว (RichMedia หรือ Flash)"),
        "xfa": _("แบบฟอร์ม XFA"),
    }[feature]


def _outside_streams(content):
    """Yield the parts of a PDF between its streams' data (dictionaries, names, the trailer)."""
    pos = 0
    while (match := _STREAM_START.search(content, pos)) is not None:
        yield content[pos : match.start()]
        end = content.find(b"endstream", match.end())
        if end < 0:
            return
        pos = end + len(b"endstream")
    yield content[pos:]


def _pdf_active_by_bytes(content):
    """Return the active feature a byte scan of the whole file finds, or None.

    Catches objects pypdf would not reach (unreferenced, or behind a damaged cross-reference table
    that a viewer repairs differently) and names written with #xx escapes ("/J#61vaScript").
    """
    match = _PDF_LONG_NAMES.search(content)
    if match:
        return _BYTE_NAMES[match.group(1).decode()]
    for part in _outside_streams(content):
        match = _PDF_SHORT_NAMES.search(part)
        if match:
            return _BYTE_NAMES[match.group(1).decode()]
        for escaped in _PDF_ESCAPED_NAME.findall(part):
            name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), escaped[1:])
            feature = _BYTE_NAMES.get(name.decode("latin-1"))
            if feature:
                return feature
    return None


def _pdf_active_by_structure(reader):
    """Return the active feature found in any object of the document, or None.

    Walks every object the cross-reference tables list, object streams included (compressed, so the
    byte scan cannot see inside), and everything reachable from the trailer: the catalog's
    /OpenAction, /AA and /Names (JavaScript, EmbeddedFiles), the AcroForm's /XFA, each page's /AA
    and its annotations' /A actions.
    """
    from pypdf.errors import PdfReadError
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    ids = [(idnum, gen) for gen, table in reader.xref.items() for idnum in table]
    ids += [(idnum, 0) for idnum in reader.xref_objStm]
    stack = [reader.trailer] + [IndirectObject(idnum, gen, reader) for idnum, gen in ids]
    seen = set()
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            if (node.idnum, node.generation) in seen:
                continue
            seen.add((node.idnum, node.generation))
            try:
                node = node.get_object()
            except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError):
                # A plain object was already byte-scanned; one hidden in a compressed stream was not.
                if node.idnum in reader.xref_objStm:
                    raise
                continue
        if isinstance(node, DictionaryObject):
            for key in node:
                if key in PDF_ACTIVE_KEYS:
                    return PDF_ACTIVE_KEYS[key]
            for key, table in (("/S", PDF_ACTIVE_ACTIONS), ("/Type", PDF_ACTIVE_TYPES), ("/Subtype", PDF_ACTIVE_TYPES)):
                value = node.raw_get(key) if key in node else None
                value = value.get_object() if isinstance(value, IndirectObject) else value
                if isinstance(value, NameObject) and value in table:
                    return table[value]
            stack.extend(node.raw_get(key) for key in node)
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return None


def _inspect_pdf(content, name):
    """Return the page count of a PDF that runs nothing and carries no other file; refuse the others."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    feature = _pdf_active_by_bytes(content)
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # noqa: BLE001  password-protected: readable by people with the password only
                raise ValidationError(
                    _("ไฟล์ PDF “%(name)s” ถูกตั้งรหัสผ่าน ประชาชนจะเปิดไม่ได้ โปรดนำรหัสผ่านออกก่อนอัปโหลด") % {"name": name},
                    code="encrypted",
                ) from None
        page_count = len(reader.pages)
        feature = feature or _pdf_active_by_structure(reader)
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError, AttributeError):
        if feature is None:
            raise ValidationError(
                _("ไฟล์ PDF “%(name)s” เสียหายหรืออ่านไม่ได้ โปรดส่งออก (Export) เป็น PDF ใหม่แล้วอัปโหลดอีกครั้ง") % {"name": name},
                code="corrupt",
            ) from None
    if feature is not None:
        raise ValidationError(
            _(
                "ไฟล์ PDF “%(name)s” มี%(what)s ซึ่งอาจทำงานเองเมื่อเปิดไฟล์ ระบบไม่รับไฟล์นี้เพื่อความปลอดภัย "
                "โปรดสั่งพิมพ์ (Print) เป็น PDF ใหม่ หรือส่งออก (Export) เป็น PDF โดยไม่มีสคริปต์และไฟล์แนบ แล้วอัปโหลดอีกครั้ง"
            )
            % {"name": name, "what": _pdf_active_reason(feature)},
            code="active",
        )
    return page_count


def _reencode_image(content, kind, name):
    """Re-encode a photo: drops EXIF and GPS data and anything appended to the image."""
    try:
        with Image.open(io.BytesIO(content)) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise ValidationError(_("ภาพ “%(name)s” มีขนาดพิกเซลใหญ่เกินไป") % {"name": name}, code="size")
            image = ImageOps.exif_transpose(image)
            out = io.BytesIO()
            if kind == "jpg":
                image.convert("RGB").save(out, "JPEG", quality=88, optimize=True, progressive=True)
            else:
                has_alpha = image.mode in {"RGBA", "LA"} or (image.mode == "P" and "transparency" in image.info)
                image.convert("RGBA" if has_alpha else "RGB").save(out, "PNG", optimize=True)
            return out.getvalue(), {"width": image.width, "height": image.height}
    except ValidationError:
        raise
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        raise ValidationError(
            _("ไฟล์ภาพ “%(name)s” เสียหายหรือเปิดไม่ได้ โปรดบันทึกภาพใหม่แล้วอัปโหลดอีกครั้ง") % {"name": name}, code="corrupt"
        ) from None


def type_label(extension):
    """'PDF', 'Word', 'Excel' …: the label shown beside a file."""
    kind = EXTENSION_ALIASES.get(extension, extension)
    return TYPE_LABELS.get(kind, extension.upper())
