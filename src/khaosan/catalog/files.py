"""Checking an upload before anything is stored (S-2.10): type by content, size, name.

Only the seed's types are accepted: pdf xls xlsx doc docx jpg png zip rar. The extension must match
what the bytes are; nothing is trusted from the browser. Archives are never unpacked.
"""

import hashlib
import io
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


def _looks_like_markup(content):
    """Catch polyglots: a file that is also HTML or script can be rendered by a browser that sniffs."""
    sample = content[:4096].lower()
    return any(marker in sample for marker in (b"<script", b"<html", b"<?php", b"<svg", b"<!doctype html"))


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
        raise ValidationError(_("ไฟล์ “%(name)s” ว่างเปล่า (0 ไบต์) โปรดตรวจสอบไฟล์แล้วอัปโหลดอีกครั้ง") % {"name": name}, code="empty")

    kind = sniff_kind(content[:8192], content)
    if kind == "ole":
        kind = _ole_kind(content)
    if kind != extension:
        raise ValidationError(
            _("เนื้อไฟล์ “%(name)s” ไม่ใช่ไฟล์ .%(ext)s ตามนามสกุล (ไฟล์อาจถูกเปลี่ยนนามสกุลหรือเสียหาย) โปรดบันทึกไฟล์ใหม่จากโปรแกรมต้นฉบับ")
            % {"name": name, "ext": typed_extension},
            code="mismatch",
        )
    if kind in {"pdf", "doc", "xls"} and _looks_like_markup(content):
        raise ValidationError(
            _("ไฟล์ “%(name)s” มีเนื้อหาแบบหน้าเว็บหรือสคริปต์ปะปนอยู่ ระบบไม่รับไฟล์นี้เพื่อความปลอดภัย") % {"name": name},
            code="polyglot",
        )

    from khaosan.catalog.antivirus import scan_bytes

    scan_bytes(content, name=name)
    facts = {}
    if kind == "pdf":
        facts["page_count"] = _pdf_page_count(content, name)
    elif kind in {"jpg", "png"}:
        content, facts = _reencode_image(content, kind, name)
    return InspectedFile(
        name=name, extension=extension, kind=kind, content=content, sha256=hashlib.sha256(content).hexdigest(), **facts
    )


def _pdf_page_count(content, name):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

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
        return len(reader.pages)
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError):
        raise ValidationError(
            _("ไฟล์ PDF “%(name)s” เสียหายหรืออ่านไม่ได้ โปรดส่งออก (Export) เป็น PDF ใหม่แล้วอัปโหลดอีกครั้ง") % {"name": name},
            code="corrupt",
        ) from None


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
