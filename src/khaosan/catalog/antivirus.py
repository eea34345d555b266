"""Virus checks of uploads: a ClamAV daemon (clamd) when its socket is configured, and a built-in check always.

The INSTREAM command sends the bytes over the socket; nothing is written to disk for clamd. When the
daemon is configured but cannot be reached, uploads are refused: a scan that silently did not happen
would be worse than none (defence in depth, SEC-7).

The built-in check is no virus scanner: it refuses the EICAR test signature (so an operator's test of
the upload path is refused even on a server without clamd) and looks inside ZIP files (docx and xlsx
are ZIP files too) in memory, within limits a ZIP bomb cannot pass. An encrypted member cannot be
checked by anyone, so such archives are refused. `check --deploy` warns while clamd is not configured.
"""

import io
import logging
import socket
import struct
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from khaosan.thai.text import human_size

logger = logging.getLogger("khaosan.antivirus")
CHUNK = 64 * 1024
TIMEOUT_SECONDS = 30
# The anti-malware test file of EICAR (eicar.org): every scanner reports it, so operators test with it.
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
EICAR_NAME = "Eicar-Test-Signature"
# Limits on looking inside an archive: a ZIP bomb (42.zip unpacks to petabytes) is refused, not unpacked.
ZIP_MAX_MEMBERS = 10_000
ZIP_MAX_UNPACKED_BYTES = 256 * 1024 * 1024
ZIP_MAX_DEPTH = 3  # a ZIP inside a ZIP inside a ZIP
ZIP_KINDS = {"zip", "docx", "xlsx"}


def _connect(address):
    if address.startswith("/"):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(TIMEOUT_SECONDS)
        sock.connect(address)
        return sock
    host, _sep, port = address.rpartition(":")
    return socket.create_connection((host or "127.0.0.1", int(port)), timeout=TIMEOUT_SECONDS)


def scan_bytes(content, *, name, address=None):
    """Raise ValidationError if clamd finds something, or cannot be asked; do nothing when not configured."""
    address = address or settings.KHAOSAN.get("CLAMAV_SOCKET", "")
    if not address:
        return
    try:
        with _connect(address) as sock:
            sock.sendall(b"zINSTREAM\0")
            for start in range(0, len(content), CHUNK):
                chunk = content[start : start + CHUNK]
                sock.sendall(struct.pack("!L", len(chunk)) + chunk)
            sock.sendall(struct.pack("!L", 0))
            answer = b""
            while not answer.endswith(b"\0"):
                part = sock.recv(4096)
                if not part:
                    break
                answer += part
    except OSError:
        logger.exception("clamd at %s could not be reached", address)
        raise ValidationError(
            _("ระบบตรวจไวรัสไม่พร้อมใช้งานชั่วคราว จึงยังรับไฟล์ “%(name)s” ไม่ได้ โปรดลองใหม่ภายหลังหรือแจ้งผู้ดูแลระบบ")
            % {"name": name},
            code="antivirus",
        ) from None
    reply = answer.rstrip(b"\0").decode(errors="replace")
    if reply.endswith("FOUND"):
        logger.warning("clamd refused upload %s: %s", name, reply)
        raise ValidationError(
            _("ไฟล์ “%(name)s” มีไวรัสหรือโปรแกรมไม่พึงประสงค์ (%(what)s) ระบบไม่รับไฟล์นี้")
            % {"name": name, "what": reply.split(":", 1)[-1].replace("FOUND", "").strip()},
            code="virus",
        )
    if not reply.endswith("OK"):
        logger.error("clamd answered %r for %s", reply, name)
        raise ValidationError(
            _("ระบบตรวจไวรัสตรวจไฟล์ “%(name)s” ไม่สำเร็จ โปรดลองใหม่อีกครั้ง") % {"name": name}, code="antivirus"
        )


def scan_upload(content, *, name, kind):
    """Raise ValidationError, in Thai, if an upload carries a virus or cannot be checked; else return None."""
    scan_bytes(content, name=name)
    if EICAR in content:
        _refuse_virus(name, EICAR_NAME)
    if kind in ZIP_KINDS:
        _ZipCheck(name).archive(content, depth=1)


def _refuse_virus(name, what, member=None):
    logger.warning("upload %s refused: %s%s", name, what, f" in member {member}" if member else "")
    if member:
        message = _("ไฟล์ “%(member)s” ภายใน “%(name)s” มีไวรัสหรือโปรแกรมไม่พึงประสงค์ (%(what)s) ระบบไม่รับไฟล์นี้")
    else:
        message = _("ไฟล์ “%(name)s” มีไวรัสหรือโปรแกรมไม่พึงประสงค์ (%(what)s) ระบบไม่รับไฟล์นี้")
    raise ValidationError(message % {"name": name, "what": what, "member": member}, code="virus")


class _ZipCheck:
    """Read every member of a ZIP (and of ZIPs inside it) in memory, with one budget for the whole upload."""

    def __init__(self, name):
        self.name = name
        self.members = 0
        self.unpacked = 0

    def archive(self, content, *, depth, prefix=""):
        """Check every member; a damaged archive is refused, a damaged one inside it is only byte-checked."""
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                for info in archive.infolist():
                    if not info.is_dir():
                        self.member(archive, info, depth=depth, path=prefix + info.filename)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError):
            if prefix:  # a stored file that merely starts like a ZIP: its bytes were already checked
                return
            raise ValidationError(
                _("ไฟล์ “%(name)s” เสียหายหรือเปิดอ่านไม่ได้ โปรดบีบอัด (ZIP) ใหม่แล้วอัปโหลดอีกครั้ง") % {"name": self.name},
                code="corrupt",
            ) from None
        except NotImplementedError:  # a compression method Python cannot read (e.g. Deflate64)
            raise ValidationError(
                _("ไฟล์ “%(name)s” บีบอัดด้วยวิธีที่ระบบตรวจไม่ได้ โปรดบีบอัดใหม่แบบ ZIP ธรรมดาแล้วอัปโหลดอีกครั้ง")
                % {"name": self.name},
                code="unchecked",
            ) from None

    def member(self, archive, info, *, depth, path):
        self.members += 1
        if self.members > ZIP_MAX_MEMBERS:
            self._too_big()
        if info.flag_bits & 0x1:  # encrypted: nothing inside can be checked
            raise ValidationError(
                _("ไฟล์ “%(name)s” ถูกตั้งรหัสผ่าน ระบบจึงตรวจไฟล์ข้างในไม่ได้ โปรดนำรหัสผ่านออกแล้วอัปโหลดอีกครั้ง")
                % {"name": self.name},
                code="encrypted",
            )
        with archive.open(info) as stream:
            chunk = self._read(stream)
            if chunk.startswith(b"PK\x03\x04") and depth < ZIP_MAX_DEPTH:
                parts = [chunk]
                while part := self._read(stream):
                    parts.append(part)
                inner = b"".join(parts)
                self._look_for_eicar(inner, path)
                self.archive(inner, depth=depth + 1, prefix=path + "/")
                return
            tail = b""
            while chunk:  # in pieces, overlapping by the signature's length, so a large member is never whole
                window = tail + chunk
                self._look_for_eicar(window, path)
                tail = window[-(len(EICAR) - 1) :]
                chunk = self._read(stream)

    def _read(self, stream):
        """Read the next piece of a member, counting it against the budget (a bomb stops at the budget)."""
        chunk = stream.read(CHUNK)
        self.unpacked += len(chunk)
        if self.unpacked > ZIP_MAX_UNPACKED_BYTES:
            self._too_big()
        return chunk

    def _look_for_eicar(self, data, member):
        if EICAR in data:
            _refuse_virus(self.name, EICAR_NAME, member=member)

    def _too_big(self):
        logger.warning("upload %s refused: more than %s members or %s bytes unpacked", self.name,
                       ZIP_MAX_MEMBERS, ZIP_MAX_UNPACKED_BYTES)  # fmt: skip
        raise ValidationError(
            _(
                "ไฟล์ “%(name)s” มีไฟล์ข้างในมากหรือใหญ่เกินกว่าที่ระบบจะตรวจได้ (เกิน %(count)s ไฟล์ หรือรวมเกิน %(size)s "
                "เมื่อแตกไฟล์) โปรดแบ่งเป็นหลายไฟล์แล้วอัปโหลดอีกครั้ง"
            )
            % {"name": self.name, "count": f"{ZIP_MAX_MEMBERS:,}", "size": human_size(ZIP_MAX_UNPACKED_BYTES)},
            code="size",
        )
