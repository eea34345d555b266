"""The MOIT evidence pack (MOIT-0.2): cover, memo, the document, the form, in that order, from the records.

PDF text is read with pypdf and compared after NFKC with whitespace removed (see tests/workflow/test_documents).
"""

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile

import pytest
from pypdf import PdfReader

from khaosan.compliance import evidence
from khaosan.documents.pdf import document_html, pdf_renderer
from khaosan.workflow.documents import FORM_TITLE
from tests.compliance.conftest import month, published_request
from tests.conftest import jpeg_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db


def norm(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pages_text(data):
    return [norm(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def first_page(pages, text, start=0):
    return next(i for i, page in enumerate(pages) if i >= start and norm(text) in page)


@pytest.fixture(scope="module")
def renderer():
    with pdf_renderer() as shared:
        yield shared


@pytest.fixture
def document(renderer):
    """A two-page PDF whose text says which page it is."""
    return renderer.render(
        document_html(
            "<p>DOCUMENT-PAGE-ONE รายงานผลการจัดซื้อจัดจ้าง</p><p style='break-before: page'>DOCUMENT-PAGE-TWO</p>"
        )
    )


def xlsx_bytes():
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "ข้อมูล"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_pack_has_cover_memo_document_and_form_in_that_order(office, people, renderer, document, clock):
    pub_request = published_request(
        office, people, "รายงานผลการจัดซื้อจัดจ้างตามแผน ไตรมาส 2/2569", "procurement-progress",
        files=[("รายงานไตรมาส2.pdf", document), ("ตารางข้อมูล.xlsx", xlsx_bytes())],
        data_from=dt.date(2026, 1, 1), data_to=dt.date(2026, 3, 31),
    )  # fmt: skip
    pages = pages_text(evidence.item_pack_pdf(pub_request.item, fiscal_year=2569, renderer=renderer))
    cover = 0
    assert norm("หลักฐานประกอบการประเมินคุณธรรมและความโปร่งใส") in pages[cover]
    for text in ("MOIT2ข้อ17.3", "MOIT4ข้อ(2)", "ไตรมาส2/2569", pub_request.item.title):
        assert norm(text) in pages[cover], text
    # Other files are listed by name, type and size on the cover, not bound in.
    assert norm("ตารางข้อมูล.xlsx") in pages[cover] and "Excel" in pages[cover]
    memo = first_page(pages, "บันทึกข้อความ", start=1)
    memo_text = "".join(pages[memo : first_page(pages, "DOCUMENT-PAGE-ONE")])
    for text in ("ส่วนราชการ", "เรื่องขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน", "เรียน",
                 people["requester"].get_full_name(), people["approver"].get_full_name(), "อนุญาตให้เผยแพร่",
                 pub_request.reference, "จัดทำโดยระบบ"):  # fmt: skip
        assert norm(text) in memo_text, text
    one, two = first_page(pages, "DOCUMENT-PAGE-ONE"), first_page(pages, "DOCUMENT-PAGE-TWO")
    form = first_page(pages, FORM_TITLE, start=1)  # the cover names it too
    assert cover < memo < one < two < form == two + 1
    assert norm(f"เลขที่คำขอ{pub_request.reference}") in pages[form]
    assert len(pages) >= form + 1


def test_a_signed_memo_takes_the_place_of_the_generated_one(office, people, renderer, document):
    signed = renderer.render(document_html("<p>MEMO-SIGNED-BY-HAND บันทึกข้อความที่ลงนามแล้ว</p>"))
    pub_request = published_request(office, people, "แผนการจัดซื้อจัดจ้าง ปีงบประมาณ 2569", "procurement-plan",
                                    files=[("แผน.pdf", document)], memo=("บันทึกข้อความ.pdf", signed))  # fmt: skip
    pages = pages_text(evidence.item_pack_pdf(pub_request.item, fiscal_year=2569, renderer=renderer))
    memo = first_page(pages, "MEMO-SIGNED-BY-HAND")
    assert 0 < memo < first_page(pages, "DOCUMENT-PAGE-ONE") < first_page(pages, FORM_TITLE, start=1)
    assert not any(norm("บันทึกข้อความนี้จัดทำโดยระบบ") in page for page in pages)
    assert norm("ฉบับที่ลงนามแล้ว") in pages[0]


def test_an_item_published_without_a_request_says_so_and_makes_nothing_up(office, publish, renderer):
    item = publish(
        "anti-corruption-day",
        "กิจกรรมวันต่อต้านคอร์รัปชันสากล 9 ธันวาคม 2568",
        data_from=dt.date(2025, 12, 9),
        data_to=dt.date(2025, 12, 9),
        files=[upload("ภาพกิจกรรม.jpg", jpeg_bytes((1200, 800))), upload("กำหนดการ.pdf", pdf_bytes())],
    )
    data = evidence.item_pack_pdf(item, fiscal_year=2569, renderer=renderer)
    pages = pages_text(data)
    assert norm("MOIT20") in pages[0] and norm("ไตรมาส1/2569") in pages[0]
    assert norm("ไม่มีรายการนี้ไม่ได้เผยแพร่ผ่านคำขอเผยแพร่ในระบบ") in pages[0]
    assert not any(norm("บันทึกข้อความ") in page and norm("ส่วนราชการ") in page for page in pages)
    assert not any(norm(FORM_TITLE) in page for page in pages[1:])
    assert norm("ภาพประกอบ") in pages[-1]  # the photo is bound in after the PDF
    assert len(pages) == 3  # cover, the one-page PDF, the photo


def test_a_quarter_pack_holds_only_that_quarter_and_the_zip_a_folder_per_moit_item(
    office, people, publish, renderer, document
):
    publish("procurement-summary", "สรุปผลการจัดซื้อจัดจ้าง ตุลาคม 2568", **month(2025, 10))
    publish("procurement-summary", "สรุปผลการจัดซื้อจัดจ้าง มกราคม 2569", **month(2026, 1))
    progress = published_request(office, people, "รายงานผลการจัดซื้อจัดจ้างตามแผน ไตรมาส 2/2569",
                                 "procurement-progress", files=[("รายงาน.pdf", document)],
                                 data_from=dt.date(2026, 1, 1), data_to=dt.date(2026, 3, 31))  # fmt: skip
    text = "".join(pages_text(evidence.ita_pack_pdf(office, 2569, quarter=2, renderer=renderer)))
    assert norm("มกราคม2569") in text and norm(progress.title) in text and norm("ไตรมาส2/2569") in text
    assert norm("ตุลาคม2568") not in text
    archive = zipfile.ZipFile(io.BytesIO(evidence.ita_pack_zip(office, 2569, renderer=renderer)))
    names = archive.namelist()
    folders = sorted({name.split("/")[0] for name in names if "/" in name})
    assert folders == ["MOIT02", "MOIT04", "MOIT05"]
    rows = list(csv.reader(io.StringIO(archive.read("index.csv").decode("utf-8-sig"))))
    assert rows[0][:3] == ["MOIT", "ข้อ", "ไตรมาส"]
    assert {(r[0], r[1], r[2]) for r in rows[1:]} == {
        ("MOIT2", "17.3", "2/2569"), ("MOIT2", "17.5", "1/2569"), ("MOIT2", "17.5", "2/2569"),
        ("MOIT4", "(2)", "2/2569"), ("MOIT5", "", "1/2569"), ("MOIT5", "", "2/2569"),
    }  # fmt: skip
    assert all(row[6] in names for row in rows[1:])
    pack = PdfReader(io.BytesIO(archive.read(next(n for n in names if n.startswith("MOIT04/")))))
    assert norm(FORM_TITLE) in norm(pack.pages[-1].extract_text()) or norm(FORM_TITLE) in norm(
        "".join(p.extract_text() for p in pack.pages[-2:]))  # fmt: skip


def test_a_scanned_memo_is_bound_as_a_page_between_the_cover_and_the_document(office, people, renderer, document):
    pub_request = published_request(office, people, "แผนการจัดซื้อจัดจ้าง ปีงบประมาณ 2569", "procurement-plan",
                                    files=[("แผน.pdf", document)], memo=("บันทึกข้อความ.jpg", jpeg_bytes()))  # fmt: skip
    pages = pages_text(evidence.item_pack_pdf(pub_request.item, fiscal_year=2569, renderer=renderer))
    scan = first_page(pages, "แนบท้ายคำขอเลขที่", start=1)
    assert norm("บันทึกข้อความ.jpg") in pages[scan]
    assert 0 < scan < first_page(pages, "DOCUMENT-PAGE-ONE") < first_page(pages, FORM_TITLE, start=1)


def outline(reader):
    """[(depth, title, page)] of the PDF's bookmarks."""
    marks = []

    def walk(entries, depth):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                marks.append((depth, entry.title, reader.get_destination_page_number(entry)))

    walk(reader.outline, 0)
    return marks


def test_the_year_pack_has_a_bookmark_per_moit_item_item_and_part(office, people, publish, renderer, document):
    publish("procurement-summary", "สรุปผลการจัดซื้อจัดจ้าง ตุลาคม 2568", files=[upload("สขร1.pdf", document)],
            **month(2025, 10))  # fmt: skip
    progress = published_request(office, people, "รายงานผลการจัดซื้อจัดจ้างตามแผน ไตรมาส 2/2569",
                                 "procurement-progress", files=[("รายงาน.pdf", document)],
                                 data_from=dt.date(2026, 1, 1), data_to=dt.date(2026, 3, 31))  # fmt: skip
    reader = PdfReader(io.BytesIO(evidence.ita_pack_pdf(office, 2569, renderer=renderer)))
    marks = outline(reader)
    assert [title.split()[0] for depth, title, _ in marks if depth == 0] == ["สารบัญ", "MOIT2", "MOIT4", "MOIT5"]
    pages = [page for _, _, page in marks]
    assert all(page is not None for page in pages) and pages == sorted(pages)
    under = [(depth, title) for depth, title, _ in marks if depth == 1]
    assert under[:2] == [(1, "สรุปผลการจัดซื้อจัดจ้าง ตุลาคม 2568"), (1, progress.title)]
    parts = [title for depth, title, _ in marks if depth == 2]
    # The item published without a request has no memo and no form; the request's item has all three parts.
    assert parts[:4] == ["เอกสาร", "บันทึกข้อความขออนุญาตเผยแพร่", "เอกสาร", "แบบฟอร์มการขอเผยแพร่ข้อมูล"]
