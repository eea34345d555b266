"""แบบ สขร.1 as PDF and XLSX: the entries' text and numbers, B.E. dates, and rows never split across pages."""

import datetime as dt
import io
import re
import unicodedata
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from khaosan.documents.pdf import pdf_renderer
from khaosan.procurement import documents, services
from tests.procurement.conftest import MAY, TAX_ID_COMPANY, TAX_ID_SHOP, two_procurements

RESULTS = __import__("pathlib").Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture(scope="module")
def renderer():
    with pdf_renderer() as active:
        yield active


def nfkc(text):
    """The text as pypdf reads Chromium's PDFs (NFKC), without the line breaks a table cell adds."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pages_text(pdf):
    return [nfkc(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def may(office, officer):
    return services.summary_save(office=office, actor=officer, month=MAY, entries=two_procurements())


def test_the_pdf_is_the_landscape_form_with_every_column_of_the_entries(may, renderer, clock):
    pdf = documents.summary_pdf(may, renderer=renderer, generated=clock.now)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "skhr1-may-2569.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # A4 landscape
    text = "".join(pages_text(pdf))
    for expected in ("แบบ สขร.1", "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือนพฤษภาคม 2569", "สำนักงานสาธารณสุขอำเภอบ้านหลวง",
                     "ข้อมูล ณ วันที่ 17 มิถุนายน 2569", *documents.COLUMNS[1:3], "12,500.00", "1,248,000.50",
                     "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", "เฉพาะเจาะจง", "บริษัท น่านยนตรการ จำกัด",
                     "1,230,500.75", "1,195,000.00", "สัญญาเลขที่ 3/2569 ลงวันที่ 28 พฤษภาคม 2569",
                     "ใบสั่งซื้อเลขที่ 21/2569 ลงวันที่ 8 พฤษภาคม 2569", "หน้า 1/1"):  # fmt: skip
        assert nfkc(expected) in text, expected
    # The tax IDs are kept, never printed: a sole trader's is their national ID.
    assert TAX_ID_SHOP not in text and TAX_ID_COMPANY not in text


def test_a_nil_month_says_so(office, officer, renderer):
    nil = services.summary_save(office=office, actor=officer, month=MAY, nil=True)
    text = "".join(pages_text(documents.summary_pdf(nil, renderer=renderer)))
    assert nfkc("ไม่มีการจัดซื้อจัดจ้าง") in text and nfkc("ในรอบเดือนพฤษภาคม 2569") in text


def test_a_row_is_never_split_across_pages(office, officer, renderer):
    rows = []
    for n in range(1, 19):
        row = two_procurements()[1]
        row["work"] = f"งานที่ {n} " + "จ้างซ่อมบำรุงและปรับปรุงอาคารสำนักงาน พร้อมระบบไฟฟ้าและประปา " * 2
        row["reason"] = f"เหตุผลของงานที่ {n} เสนอราคาต่ำสุด และมีคุณสมบัติถูกต้องครบถ้วนตามเอกสาร"
        row["contract_number"] = f"สัญญาเลขที่ {n}/2569"
        rows.append(row)
    summary = services.summary_save(office=office, actor=officer, month=MAY, entries=rows)
    pdf = documents.summary_pdf(summary, renderer=renderer)
    (RESULTS / "skhr1-long.pdf").write_bytes(pdf)
    pages = pages_text(pdf)
    assert len(pages) > 2
    for n in range(1, 19):
        # The row's first cell and its last cell are on the same page.
        start = [i for i, text in enumerate(pages) if nfkc(f"งานที่ {n} จ้าง") in text]
        end = [i for i, text in enumerate(pages) if nfkc(f"สัญญาเลขที่ {n}/2569") in text]
        assert start == end and len(start) == 1, (n, start, end)
    assert all(nfkc("งานที่จัดซื้อหรือจัดจ้าง") in text for text in pages)  # the header repeats on every page


def test_the_xlsx_cells_hold_the_entries_as_numbers_and_dates(may, clock):
    book = load_workbook(io.BytesIO(documents.summary_xlsx(may, generated=clock.now)))
    sheet = book["สขร.1"]
    assert sheet["A1"].value == "แบบ สขร.1"
    assert sheet["A2"].value == "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือนพฤษภาคม 2569"
    assert [cell.value for cell in sheet[6]] == list(documents.XLSX_COLUMNS)
    first, second = ([cell.value for cell in sheet[n]] for n in (7, 8))
    assert first[:5] == [1, "ซื้อวัสดุสำนักงาน (กระดาษ A4 และแฟ้มเอกสาร)", 12500, 12500, "เฉพาะเจาะจง"]
    assert first[6:8] == ["ห้างหุ้นส่วนจำกัดบ้านหลวงพาณิชย์", 12000]
    assert first[10] == dt.datetime(2026, 5, 8)
    assert second[2:4] == [1250000, 1248000.5] and second[7] == 1195000 and second[11] == "69059012345"
    assert second[5] == "บริษัท น่านยนตรการ จำกัด 1,195,000.00 บาท\nห้างหุ้นส่วนจำกัดอู่ช่างเอก 1,230,500.75 บาท"
    assert sheet["C7"].number_format == "#,##0.00" and sheet["K7"].is_date and "107041E" in sheet["K7"].number_format
    assert not any(isinstance(cell.value, str) and cell.value.replace(",", "").replace(".", "").isdigit()
                   for row in sheet.iter_rows(min_row=7) for cell in row if cell.column in (3, 4, 8))  # fmt: skip
    bidders = [[cell.value for cell in row] for row in book["ผู้เสนอราคา"].iter_rows(min_row=2)]
    assert bidders == [
        [1, "ซื้อวัสดุสำนักงาน (กระดาษ A4 และแฟ้มเอกสาร)", "ห้างหุ้นส่วนจำกัดบ้านหลวงพาณิชย์", 12000, "ใช่"],
        [2, "จ้างซ่อมบำรุงรถยนต์ราชการ หมายเลขทะเบียน กข 1234 น่าน", "บริษัท น่านยนตรการ จำกัด", 1195000, "ใช่"],
        [2, "จ้างซ่อมบำรุงรถยนต์ราชการ หมายเลขทะเบียน กข 1234 น่าน", "ห้างหุ้นส่วนจำกัดอู่ช่างเอก", 1230500.75, None],
    ]
    assert TAX_ID_SHOP not in str([[c.value for c in r] for r in sheet.iter_rows()])


def test_a_nil_month_in_xlsx(office, officer):
    nil = services.summary_save(office=office, actor=officer, month=MAY, nil=True)
    sheet = load_workbook(io.BytesIO(documents.summary_xlsx(nil)))["สขร.1"]
    assert sheet["A7"].value == "ไม่มีการจัดซื้อจัดจ้าง"


def test_documents_are_thai_whatever_the_interface_language(may):
    from django.utils import translation

    with translation.override("en"):
        sheet = load_workbook(io.BytesIO(documents.summary_xlsx(may)))["สขร.1"]
    assert sheet["E8"].value == "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)"


def test_amounts_in_the_xlsx_add_up_to_the_entries(may):
    sheet = load_workbook(io.BytesIO(documents.summary_xlsx(may)))["สขร.1"]
    assert Decimal(str(sum(row[7].value for row in sheet.iter_rows(min_row=7)))) == Decimal(1207000)
