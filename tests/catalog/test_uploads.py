"""S-2.10: only the seed's types, checked by content; a refused upload leaves nothing behind."""

import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from khaosan.catalog.files import inspect_upload
from khaosan.catalog.models import Attachment, Blob, Item
from khaosan.catalog.services import attachment_add, item_create
from khaosan.catalog.storage import blob_store, read_blob, rendition_name
from tests.conftest import jpeg_bytes, pdf_bytes, topic, upload


def docx_bytes():
    from docx import Document

    out = io.BytesIO()
    document = Document()
    document.add_paragraph("รายงานผลการดำเนินงาน")
    document.save(out)
    return out.getvalue()


def xlsx_bytes():
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


def zip_bytes():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("ข้อมูล.txt", "สวัสดี")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("ประกาศ.pdf", pdf_bytes(), "pdf"),
        ("รายงาน.docx", docx_bytes(), "docx"),
        ("งบประมาณ.xlsx", xlsx_bytes(), "xlsx"),
        ("ภาพ.jpg", jpeg_bytes(), "jpg"),
        ("ภาพ.JPEG", jpeg_bytes(), "jpg"),
        ("เอกสาร.zip", zip_bytes(), "zip"),
        ("archive.rar", b"Rar!\x1a\x07\x01\x00" + b"\x00" * 64, "rar"),
    ],
)
def test_allowed_types_are_accepted(name, content, kind):
    facts = inspect_upload(upload(name, content))
    assert facts.kind == kind
    assert facts.name == name


def test_pdf_page_count_is_recorded():
    assert inspect_upload(upload("คู่มือ.pdf", pdf_bytes(pages=3))).page_count == 3


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ\x90\x00", "ไม่รับไฟล์ชนิด .exe"),
        ("page.html", b"<html></html>", "ไม่รับไฟล์ชนิด .html"),
        ("fake.pdf", b"<html><script>alert(1)</script></html>", "ไม่ใช่ไฟล์ .pdf"),
        ("program.pdf", b"MZ\x90\x00\x03\x00\x00\x00", "ไม่ใช่ไฟล์ .pdf"),
        ("report.pdf.php", b"%PDF-1.4", "ไม่รับไฟล์ชนิด .php"),
        ("report.php.pdf", pdf_bytes(), "นามสกุลซ้อน"),
        ("empty.pdf", b"", "ว่างเปล่า"),
        ("noextension", pdf_bytes(), "ไม่มีนามสกุล"),
        ("sheet.xlsx", docx_bytes(), "ไม่ใช่ไฟล์ .xlsx"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "เสียหาย"),
        ("polyglot.pdf", b"%PDF-1.4\n<html><script>alert(1)</script>", "สคริปต์"),
        ("appended.pdf", pdf_bytes() + b"\n" * 8192 + b"<HTML><Script>alert(1)</Script>", "สคริปต์"),
        ("deep.pdf", pdf_bytes() + bytes(3 * 1024 * 1024) + b"<?php system($_GET['c']); ?>", "สคริปต์"),
        (
            "old.doc",
            bytes.fromhex("D0CF11E0A1B11AE1")
            + "WordDocument".encode("utf-16-le")
            + bytes(8192)
            + b"<svg onload=alert(1)>",
            "สคริปต์",
        ),
    ],
)
def test_bad_uploads_are_refused_with_a_thai_reason(name, content, message):
    with pytest.raises(ValidationError) as error:
        inspect_upload(upload(name, content))
    assert message in " ".join(error.value.messages)


@pytest.mark.parametrize("name", ["../../etc/passwd.pdf", "..\\x.pdf", "a/b.pdf", "x\x00.pdf", "C:evil.pdf"])
def test_names_that_are_paths_are_refused(name):
    from khaosan.catalog.files import clean_name

    with pytest.raises(ValidationError) as error:
        clean_name(name)
    assert "อักขระที่ไม่อนุญาต" in error.value.messages[0]


def test_a_browser_sent_path_keeps_only_the_file_name():
    assert inspect_upload(upload("../../etc/passwd.pdf", pdf_bytes())).name == "passwd.pdf"


@override_settings(UPLOAD_MAX_BYTES=1024)
def test_oversize_upload_is_refused():
    with pytest.raises(ValidationError) as error:
        inspect_upload(upload("big.pdf", pdf_bytes() + b"0" * 2048))
    assert "เกินขนาดสูงสุด" in error.value.messages[0]


def test_images_lose_their_exif_and_gps():
    from PIL import Image

    facts = inspect_upload(upload("gps.jpg", jpeg_bytes(exif_gps=True)))
    with Image.open(io.BytesIO(facts.content)) as image:
        assert not image.getexif()


@pytest.mark.django_db
def test_a_refused_file_leaves_no_item_and_no_stored_file(office, file_store):
    with pytest.raises(ValidationError):
        item_create(
            office=office,
            topic=topic("general-news"),
            title="ข่าว",
            files=[upload("ok.pdf", pdf_bytes()), upload("bad.pdf", b"<html>")],
        )
    assert not Item.objects.exists()
    assert not Attachment.objects.exists() and not Blob.objects.exists()
    assert list(blob_store().entries()) == []


@pytest.mark.django_db
def test_same_content_is_stored_once(publish, file_store):
    content = pdf_bytes()
    content_sha = hashlib.sha256(content).hexdigest()
    first = publish(title="หนึ่ง", files=[upload("a.pdf", content)])
    second = publish(title="สอง", files=[upload("b.pdf", content)])
    assert Blob.objects.count() == 1
    assert first.attachments.get().blob_id == second.attachments.get().blob_id
    assert read_blob(first.attachments.get().blob) == content
    assert [e.name for e in blob_store().entries()] == [f"blobs/{content_sha[:2]}/{content_sha[2:4]}/{content_sha}"]


@pytest.mark.django_db
def test_images_get_renditions_and_become_the_cover(publish, file_store):
    item = publish("activity-photos", "กิจกรรม", files=[upload("p.jpg", jpeg_bytes((2000, 1500)))])
    cover = item.attachments.get()
    assert item.cover == cover
    for width in (480, 960, 1600):
        assert blob_store().exists(rendition_name(cover.blob.sha256, width))


@pytest.mark.django_db
def test_attachment_add_refuses_bad_files_without_a_row(publish):
    item = publish()
    with pytest.raises(ValidationError):
        attachment_add(item=item, upload=upload("x.docx", b"PK\x03\x04garbage"))
    assert not item.attachments.exists()
