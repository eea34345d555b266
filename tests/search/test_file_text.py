"""The words inside attached files are found: PDF text layer, DOCX, XLSX cells; a result says which file."""

import io

import docx
import openpyxl
import pytest

from khaosan.catalog import filetext, search, selectors
from khaosan.catalog.models import BlobText
from tests.compliance.pdfs import make_pdf
from tests.conftest import pdf_bytes, upload

pytestmark = pytest.mark.django_db


def run(office, query):
    return search.search(selectors.with_list_data(selectors.public_items(office)), query)


def docx_bytes(text):
    document = docx.Document()
    document.add_paragraph("รายงานผลการดำเนินงาน")
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(text):
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "รายการ"
    workbook.active["B7"] = text
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_a_word_found_only_inside_a_pdf_docx_or_xlsx_finds_its_item_and_names_the_file(
    publish, office, django_capture_on_commit_callbacks, file_store
):
    files = {
        "plan.pdf": make_pdf((b"Budget Zyxquorbal 2569", None)),
        "รายงาน.docx": docx_bytes("ผลการประเมินคุณภาพน้ำประปาหมู่บ้านวิริยะสุขเกษม"),
        "สรุป.xlsx": xlsx_bytes("ค่าใช้จ่ายโครงการปลาทูน่าหิมพานต์"),
    }
    items = {}
    with django_capture_on_commit_callbacks(execute=True):
        for name, content in files.items():
            items[name] = publish(title=f"เอกสารประกอบ {name[:2]}", files=[upload(name, content)])
    for name, word in (("plan.pdf", "zyxquorbal"), ("รายงาน.docx", "วิริยะสุขเกษม"), ("สรุป.xlsx", "ปลาทูน่าหิมพานต์")):
        page = run(office, word)
        assert [i.pk for i in page.items] == [items[name].pk], name
        hit = page.items[0].file_hits[0]
        assert hit["attachment"].original_name == name
        assert "<mark>" in hit["snippet"]


def test_the_search_page_shows_the_file_and_its_excerpt(client, publish, office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish(title="ประกาศ", files=[upload("คำสั่ง.docx", docx_bytes("แต่งตั้งคณะทำงานวิริยะสุขเกษม"))])
    page = client.get("/search/", {"q": "วิริยะสุขเกษม"}).content.decode()
    assert "พบในไฟล์" in page and "คำสั่ง.docx" in page and "<mark>วิริยะสุขเกษม</mark>" in page


def test_a_file_is_read_once_per_content(publish, office, django_capture_on_commit_callbacks):
    content = docx_bytes("ข้อความเดียวกันในสองรายการ")
    with django_capture_on_commit_callbacks(execute=True):
        publish(title="หนึ่ง", files=[upload("a.docx", content)])
        publish(title="สอง", files=[upload("b.docx", content)])
    assert BlobText.objects.count() == 1
    assert run(office, "ข้อความเดียวกันในสองรายการ").total == 2


def test_an_unreadable_file_is_recorded_not_fatal(publish, office, django_capture_on_commit_callbacks):
    damaged = docx_bytes("x")[:-40]
    with django_capture_on_commit_callbacks(execute=True):
        item = publish(title="ไฟล์เสีย", files=[upload("เสีย.pdf", pdf_bytes())])
    assert item.pk
    status, text, detail = filetext.read_file_text("docx", damaged)
    assert status == BlobText.Status.UNREADABLE and text == "" and detail
    assert BlobText.objects.get().status == BlobText.Status.EMPTY  # a blank page: nothing to read


def test_a_large_file_is_read_after_the_upload_not_during_it(publish, office, monkeypatch):
    monkeypatch.setattr(filetext, "READ_INLINE_BYTES", 10)
    started = []
    monkeypatch.setattr(
        filetext.threading, "Thread", lambda **kw: started.append(kw) or type("T", (), {"start": lambda s: None})()
    )
    item = publish(title="ไฟล์ใหญ่", files=[upload("big.docx", docx_bytes("คำในไฟล์ใหญ่วิริยะ"))])
    assert not BlobText.objects.exists()
    assert run(office, "วิริยะ").total == 0
    summary = filetext.housekeeping_file_texts()
    assert summary["read"] == 1
    assert [i.pk for i in run(office, "วิริยะ").items] == [item.pk]
