"""Optional virus scan of uploads through a ClamAV daemon (clamd), when its socket is configured.

The INSTREAM command sends the bytes over the socket; nothing is written to disk for clamd. When the
daemon is configured but cannot be reached, uploads are refused: a scan that silently did not happen
would be worse than none (defence in depth, SEC-7).
"""

import logging
import socket
import struct

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

logger = logging.getLogger("khaosan.antivirus")
CHUNK = 64 * 1024
TIMEOUT_SECONDS = 30


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
        raise ValidationError(_("ระบบตรวจไวรัสตรวจไฟล์ “%(name)s” ไม่สำเร็จ โปรดลองใหม่อีกครั้ง") % {"name": name}, code="antivirus")
