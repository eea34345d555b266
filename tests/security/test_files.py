"""Files: virus scan through clamd when configured, and nginx's X-Accel-Redirect after khaosan's checks."""

import socket
import struct
import threading

import pytest
from django.core.exceptions import ValidationError

from khaosan.catalog.files import inspect_upload
from tests.conftest import pdf_bytes, upload

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


class FakeClamd:
    """Speaks clamd's INSTREAM protocol with an EICAR-only signature database."""

    def __init__(self, path):
        self.path = str(path)
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(self.path)
        self.server.listen(4)
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                command = b""
                while not command.endswith(b"\0"):
                    command += conn.recv(1)
                data = b""
                while True:
                    (size,) = struct.unpack("!L", self._read(conn, 4))
                    if size == 0:
                        break
                    data += self._read(conn, size)
                found = EICAR in data
                conn.sendall(b"stream: Eicar-Test-Signature FOUND\0" if found else b"stream: OK\0")

    @staticmethod
    def _read(conn, n):
        out = b""
        while len(out) < n:
            out += conn.recv(n - len(out))
        return out

    def close(self):
        self.server.close()


@pytest.fixture
def clamd(tmp_path, settings):
    daemon = FakeClamd(tmp_path / "clamd.sock")
    settings.KHAOSAN = {**settings.KHAOSAN, "CLAMAV_SOCKET": daemon.path}
    yield daemon
    daemon.close()


def test_a_clean_file_passes_the_virus_scan(clamd):
    assert inspect_upload(upload("ประกาศ.pdf", pdf_bytes())).kind == "pdf"


def test_an_infected_file_is_refused_with_a_thai_reason(clamd):
    import io
    import zipfile

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("eicar.com", EICAR)  # stored, not compressed: clamd sees the bytes
    with pytest.raises(ValidationError, match="ไวรัส"):
        inspect_upload(upload("แนบ.zip", archive.getvalue()))


def test_an_unreachable_scanner_refuses_uploads_rather_than_skip_the_scan(tmp_path, settings):
    settings.KHAOSAN = {**settings.KHAOSAN, "CLAMAV_SOCKET": str(tmp_path / "missing.sock")}
    with pytest.raises(ValidationError, match="ระบบตรวจไวรัสไม่พร้อมใช้งาน"):
        inspect_upload(upload("ประกาศ.pdf", pdf_bytes()))


@pytest.mark.django_db
def test_nginx_sends_the_bytes_only_after_khaosans_checks(client, publish, settings):
    from khaosan.catalog.services import item_withdraw

    settings.KHAOSAN = {**settings.KHAOSAN, "X_ACCEL_PREFIX": "/protected-files/"}
    item = publish(files=[upload("ประกาศ.pdf", pdf_bytes())])
    attachment = item.attachments.get()
    response = client.get(attachment.get_absolute_url())
    sha = attachment.blob_id
    assert response["X-Accel-Redirect"] == f"/protected-files/blobs/{sha[:2]}/{sha[2:4]}/{sha}"
    assert response["Content-Type"] == "application/pdf" and response["X-Content-Type-Options"] == "nosniff"
    attachment.refresh_from_db()
    assert attachment.download_count == 1
    item_withdraw(item=item, reason="ถอน")
    assert client.get(attachment.get_absolute_url()).status_code == 404
