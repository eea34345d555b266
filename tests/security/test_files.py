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


# Active content in PDFs: refused by structure (pypdf) and by a byte scan of the whole file -------------


def _written(writer):
    import io

    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _one_page_writer():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    return writer


def pdf_with_document_javascript():
    from pypdf.actions import JavaScript

    writer = _one_page_writer()
    writer.add_open_action(JavaScript("app.alert('สวัสดี');"))  # the catalog's /Names /JavaScript tree
    return _written(writer)


def pdf_with_attachment():
    writer = _one_page_writer()
    writer.add_attachment("payload.exe", b"MZ\x90\x00")  # /Names /EmbeddedFiles
    return _written(writer)


def pdf_with_launch_on_open():
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = _one_page_writer()
    writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")}
    )
    return _written(writer)


def pdf_with_page_action():
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = _one_page_writer()
    opens = DictionaryObject(
        {NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject("http://x.test/")}
    )
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): opens})  # runs when the page opens
    return _written(writer)


def pdf_with_page_javascript():
    from pypdf.actions import JavaScript, PageTrigger

    writer = _one_page_writer()
    writer.pages[0].add_action(PageTrigger.OPEN, JavaScript("this.print();"))
    return _written(writer)


def pdf_with_link_running_javascript():
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, TextStringObject

    writer = _one_page_writer()
    link = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(100), FloatObject(100)]),
        NameObject("/A"): DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                                            NameObject("/JS"): TextStringObject("app.alert(1)")}),
    })  # fmt: skip
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(link)])
    return _written(writer)


def pdf_with_javascript_in_a_compressed_object_stream():
    """A PDF 1.5 whose /OpenAction lives in a Flate-compressed object stream: invisible to a byte scan."""
    import zlib

    action = b"<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>"
    header = b"4 0 "
    packed = zlib.compress(header + action)
    plain = {
        1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    }
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, body in plain.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    offsets[5] = len(out)
    out += b"5 0 obj\n<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (
        len(header),
        len(packed),
    )
    out += packed + b"\nendstream\nendobj\n"
    offsets[6] = len(out)
    rows = [bytes([0]) + (0).to_bytes(4, "big") + (65535).to_bytes(2, "big")]
    for number in (1, 2, 3):
        rows.append(bytes([1]) + offsets[number].to_bytes(4, "big") + (0).to_bytes(2, "big"))
    rows.append(bytes([2]) + (5).to_bytes(4, "big") + (0).to_bytes(2, "big"))  # object 4: stream 5, index 0
    for number in (5, 6):
        rows.append(bytes([1]) + offsets[number].to_bytes(4, "big") + (0).to_bytes(2, "big"))
    table = b"".join(rows)
    out += b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(table)
    out += table + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[6]
    return bytes(out)


@pytest.mark.parametrize(
    ("maker", "reason"),
    [
        (pdf_with_document_javascript, "สคริปต์ JavaScript"),
        (pdf_with_attachment, "ไฟล์อื่นฝังอยู่ข้างใน"),
        (pdf_with_launch_on_open, "คำสั่งเปิดโปรแกรมหรือไฟล์อื่น"),
        (pdf_with_page_action, "คำสั่งที่ทำงานเองเมื่อเปิดไฟล์หรือเปิดหน้า"),
        (pdf_with_page_javascript, "สคริปต์ JavaScript"),
        (pdf_with_link_running_javascript, "สคริปต์ JavaScript"),
        (pdf_with_javascript_in_a_compressed_object_stream, "สคริปต์ JavaScript"),
    ],
)
def test_pdfs_with_active_content_are_refused_with_a_thai_reason(maker, reason):
    with pytest.raises(ValidationError) as error:
        inspect_upload(upload("ประกาศ.pdf", maker()))
    message = " ".join(error.value.messages)
    assert "ไฟล์ PDF “ประกาศ.pdf” มี" in message and reason in message and "ระบบไม่รับไฟล์นี้" in message


def test_the_compressed_object_stream_is_found_by_structure_not_by_bytes():
    import io

    from pypdf import PdfReader

    from khaosan.catalog.files import _pdf_active_by_bytes, _pdf_active_by_structure

    content = pdf_with_javascript_in_a_compressed_object_stream()
    assert _pdf_active_by_bytes(content) is None
    assert _pdf_active_by_structure(PdfReader(io.BytesIO(content))) == "javascript"


def test_names_hidden_by_hex_escapes_or_unreferenced_objects_are_found_by_the_byte_scan():
    from khaosan.catalog.files import _pdf_active_by_bytes

    content = pdf_bytes()
    escaped = content + b"9 0 obj\n<< /S /J#61vaScript /J#53 (x) >>\nendobj\n"
    assert _pdf_active_by_bytes(escaped) == "javascript"
    orphan = content + b"9 0 obj\n<< /AA << /O 10 0 R >> >>\nendobj\n"  # after %%EOF: pypdf never reads it
    assert _pdf_active_by_bytes(orphan) == "actions"
    with pytest.raises(ValidationError, match="ระบบไม่รับไฟล์นี้"):
        inspect_upload(upload("ประกาศ.pdf", orphan))


def test_ordinary_pdfs_with_links_and_an_opening_view_are_accepted():
    from pypdf.generic import ArrayObject, NameObject

    writer = _one_page_writer()
    writer.add_uri(0, "https://www.example.go.th/", [10, 10, 200, 40])
    writer.root_object[NameObject("/OpenAction")] = ArrayObject(
        [writer.pages[0].indirect_reference, NameObject("/Fit")]
    )
    assert inspect_upload(upload("ประกาศ.pdf", _written(writer))).page_count == 1


def test_a_stream_that_holds_the_letters_js_by_chance_is_not_refused():
    """Compressed images are random bytes: "/JS " turns up in one of every few MB and means nothing there."""
    content = pdf_bytes()
    noise = b"7 0 obj\n<< /Length 12 >>\nstream\n\x00/JS /AA \x01\xff\nendstream\nendobj\n"
    assert inspect_upload(upload("ประกาศ.pdf", content + noise)).kind == "pdf"


# EICAR and archives without clamd: the built-in check ----------------------------------------------------


def _zip(members, *, compression=None):
    import io
    import zipfile

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", compression=compression or zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return archive.getvalue()


def test_the_eicar_signature_is_refused_without_a_virus_scanner(settings):
    assert not settings.KHAOSAN["CLAMAV_SOCKET"]
    with pytest.raises(ValidationError) as error:
        inspect_upload(upload("ทดสอบ.pdf", pdf_bytes() + EICAR))
    assert "ไฟล์ “ทดสอบ.pdf” มีไวรัสหรือโปรแกรมไม่พึงประสงค์ (Eicar-Test-Signature)" in error.value.messages[0]


def test_the_eicar_signature_is_found_inside_a_compressed_zip_and_a_zip_inside_it():
    inner = _zip({"eicar.com": EICAR})
    for content in (_zip({"เอกสาร/eicar.com": EICAR}), _zip({"ชุดที่ 1.zip": inner})):
        with pytest.raises(ValidationError) as error:
            inspect_upload(upload("แนบ.zip", content))
        message = error.value.messages[0]
        assert "ภายใน “แนบ.zip” มีไวรัส" in message and "eicar.com" in message


def test_the_eicar_signature_is_found_inside_a_docx():
    import io
    import zipfile

    from tests.catalog.test_uploads import docx_bytes

    archive = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as source, zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            z.writestr(info, source.read(info))
        z.writestr("word/media/image1.bin", EICAR)
    with pytest.raises(ValidationError, match="ภายใน “รายงาน.docx” มีไวรัส"):
        inspect_upload(upload("รายงาน.docx", archive.getvalue()))


def test_an_encrypted_zip_is_refused_because_nothing_inside_can_be_checked():
    content = bytearray(_zip({"ข้อมูล.txt": "สวัสดี"}, compression=0))
    # Set the "encrypted" bit (general purpose flag bit 0) in the local and the central header.
    local, central = content.find(b"PK\x03\x04"), content.find(b"PK\x01\x02")
    content[local + 6] |= 1
    content[central + 8] |= 1
    with pytest.raises(ValidationError) as error:
        inspect_upload(upload("ลับ.zip", bytes(content)))
    assert "ไฟล์ “ลับ.zip” ถูกตั้งรหัสผ่าน ระบบจึงตรวจไฟล์ข้างในไม่ได้" in error.value.messages[0]


def test_a_zip_bomb_is_refused_without_being_unpacked(monkeypatch):
    from khaosan.catalog import antivirus

    monkeypatch.setattr(antivirus, "ZIP_MAX_UNPACKED_BYTES", 1024 * 1024)
    bomb = _zip({"zeros.bin": b"\0" * (4 * 1024 * 1024)})
    assert len(bomb) < 10_000
    with pytest.raises(ValidationError, match="ใหญ่เกินกว่าที่ระบบจะตรวจได้"):
        inspect_upload(upload("bomb.zip", bomb))
    monkeypatch.setattr(antivirus, "ZIP_MAX_MEMBERS", 5)
    with pytest.raises(ValidationError, match="มีไฟล์ข้างในมาก"):
        inspect_upload(upload("many.zip", _zip({f"{n}.txt": "x" for n in range(6)})))


def test_ordinary_zips_and_office_files_pass_the_built_in_check():
    from tests.catalog.test_uploads import docx_bytes, xlsx_bytes

    assert inspect_upload(upload("ชุด.zip", _zip({"a.txt": "สวัสดี", "b/c.pdf": pdf_bytes()}))).kind == "zip"
    assert inspect_upload(upload("รายงาน.docx", docx_bytes())).kind == "docx"
    assert inspect_upload(upload("งบ.xlsx", xlsx_bytes())).kind == "xlsx"
