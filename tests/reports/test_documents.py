"""The performance report as PDF, Word and Excel, opened the way a reader's program opens them.

PDF text is read with pypdf and compared after NFKC with all whitespace removed (documents.pdf explains
why); Word with python-docx; Excel with openpyxl, whose cells keep their types.
"""

import datetime as dt
import io
import re
import shutil
import subprocess
import unicodedata

import docx
import openpyxl
import pytest
from docx.shared import Pt
from pypdf import PdfReader

from khaosan.documents.pdf import pdf_renderer
from khaosan.documents.word import DOCX_FALLBACK_FONT, DOCX_FONT
from khaosan.reports import documents, facts, services
from khaosan.reports.periods import fiscal_year_period, quarter_period
from tests.reports.conftest import at

pytestmark = pytest.mark.django_db


def norm(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def renderer():
    with pdf_renderer() as shared:
        yield shared


@pytest.fixture
def view(fy2569, office):
    services.report_prepare(office=office, actor=fy2569.people["webmaster"], period=fiscal_year_period(2569),
                            problems="1. บุคลากรมีภาระงานมาก\n2. =SUM(A1) ไม่ใช่สูตร",
                            suggestions="จัดอบรมการบริหารจัดการเว็บไซต์ปีละ 2 ครั้ง")  # fmt: skip
    from khaosan.reports import selectors

    report = selectors.report_for(office, fiscal_year_period(2569))
    return documents.outline(facts.draw(office, fiscal_year_period(2569)), report)


def test_the_pdf_carries_the_numbers_in_thai_with_buddhist_era_dates_and_page_numbers(view, renderer):
    reader = PdfReader(io.BytesIO(documents.performance_pdf(view, renderer=renderer)))
    pages = [norm(page.extract_text()) for page in reader.pages]
    text = "".join(pages)
    for expected in (
        documents.REPORT_TITLE,
        "ปีงบประมาณ2569(1ตุลาคม2568–30กันยายน2569)",
        "มีคำขอเผยแพร่ที่ยื่นแล้ว8คำขอ",
        "มัธยฐาน1วันทำการร้อยละ90ของคำขอเผยแพร่ภายใน5วันทำการเกินกำหนด3วันทำการ1คำขอ",
        "แต่งตั้งเมื่อ3พ.ย.2568",
        "ก่อน20ก.ย.2568",
        "คะแนนความครบถ้วนณ1ตุลาคม2568ร้อยละ40.0",
        "บันทึกการเข้าร่วม3รายการเจ้าหน้าที่3คนรวม21ชั่วโมง",
        "1.บุคลากรมีภาระงานมาก",
        "ทราบ",
        "ผู้ดูแลเว็บไซต์ถอนโดยตรง1รายการ",
    ):
        assert norm(expected) in text, expected
    assert all(f"หน้า{n}/{len(pages)}" in page for n, page in enumerate(pages, start=1))
    assert "2026" not in text  # every date is Buddhist era


def test_the_pdf_draws_its_charts_as_vectors_with_thai_labels(view, renderer):
    html = documents.performance_html(view)
    assert html.count("<svg") == 3 and "<script" not in html
    assert "คำขอที่ยื่นรายเดือน" in html and "คะแนน (ร้อยละ)" in html
    assert {c.name for c in view.charts} == {"requests", "publishing", "score"}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_no_thai_mark_is_left_at_the_foot_of_a_page(view, renderer, tmp_path):
    """Chromium paints marks that rise above a page's first line at the foot of the page before (CSS comment)."""
    path = tmp_path / "report.pdf"
    path.write_bytes(documents.performance_pdf(view, renderer=renderer))
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    strays = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="\1" yMax="[\d.]+">([^<]*)</word>', boxes)
    assert not strays, strays


def test_the_word_document_is_set_in_th_sarabun_16_pt_with_the_pdfs_margins(view, renderer):
    document = docx.Document(io.BytesIO(documents.performance_docx(view, renderer=renderer)))
    section = document.sections[0]
    margins = documents.MARGINS
    cm = lambda length: round(length.cm, 2)  # noqa: E731  (Word keeps twentieths of a point)
    assert (cm(section.page_width), cm(section.page_height)) == (21, 29.7)
    assert [cm(section.top_margin), cm(section.right_margin), cm(section.bottom_margin), cm(section.left_margin)] == [
        margins.top, margins.right, margins.bottom, margins.left]  # fmt: skip
    assert "margin: 2.0cm 2.0cm 2.0cm 3.0cm" in documents.performance_html(view)  # the PDF's @page rule
    normal = document.styles["Normal"]
    assert normal.font.name == DOCX_FONT and normal.font.size == Pt(16)
    body = [p for p in document.paragraphs if "มีคำขอเผยแพร่ที่ยื่นแล้ว 8 คำขอ" in p.text][0]
    run = body.runs[0]._r
    fonts = run.rPr.rFonts
    assert {fonts.get(f"{{{fonts.nsmap['w']}}}{slot}") for slot in ("ascii", "hAnsi", "cs")} == {DOCX_FONT}
    assert run.rPr.find(f"{{{fonts.nsmap['w']}}}sz") is None  # the body takes its size from Normal:
    normal_size = normal.element.rPr.find(f"{{{fonts.nsmap['w']}}}szCs")
    assert normal_size.get(f"{{{fonts.nsmap['w']}}}val") == "32"  # 16 pt for Thai (complex script) too
    font_table = [r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable")][0].blob
    assert f'w:name="{DOCX_FONT}"'.encode() in font_table and f'w:val="{DOCX_FALLBACK_FONT}"'.encode() in font_table
    text = "\n".join(p.text for p in document.paragraphs)
    assert "ปีงบประมาณ 2569 (1 ตุลาคม 2568 – 30 กันยายน 2569)" in text and "1. บุคลากรมีภาระงานมาก" in text
    assert "2026" not in text
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "ข่าวกิจกรรมวันสงกรานต์" in cells and "10 เม.ย. 2569" in cells
    assert len(document.inline_shapes) == 3  # the three charts, drawn by Chromium as PNG
    footer = section.footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer


def test_the_workbook_has_one_sheet_per_table_with_typed_values(view):
    workbook = openpyxl.load_workbook(io.BytesIO(documents.performance_xlsx(view)))
    assert workbook.sheetnames[0] == "สรุป" and len(workbook.sheetnames) == 1 + len(view.tables)
    summary = {row[0]: row[1] for row in workbook["สรุป"].iter_rows(min_row=4, values_only=True) if row[0]}
    assert summary["คำขอที่ยื่น"] == 8 and summary["มัธยฐานวันทำการถึงเผยแพร่"] == 1
    assert summary["ตั้งแต่วันที่"] == dt.datetime(2025, 10, 1)
    assert summary["ปัญหาและอุปสรรค"] == "1. บุคลากรมีภาระงานมาก\n2. =SUM(A1) ไม่ใช่สูตร"
    problems = [c for c in workbook["สรุป"]["B"] if c.value and str(c.value).startswith("1. บุคลากร")][0]
    assert problems.data_type == "s"
    publishing = list(workbook["ระยะเวลาเผยแพร่"].iter_rows(values_only=True))
    assert publishing[0][:3] == ("คำขอ", "เรื่อง", "หน่วยงาน")
    first = publishing[1]
    assert first[1] == "ข่าวกิจกรรมวันสงกรานต์" and first[3] == dt.datetime(2026, 4, 10, 14, 0) and first[6] == 2
    assert workbook["ระยะเวลาเผยแพร่"]["D2"].number_format == documents.XLSX_DATETIME
    assert "[$-107041E]" in documents.XLSX_DATE  # the Thai Buddhist calendar: Excel shows 10 เม.ย. 2569
    trainings = list(workbook["การฝึกอบรม"].iter_rows(values_only=True))
    assert [row[-1] for row in trainings[1:]] == [12, 6, 3]


def test_a_title_that_looks_like_a_formula_stays_text(fy2569, office):
    from khaosan.workflow.models import PublicationRequest

    PublicationRequest.objects.filter(pk=fy2569.r1.pk).update(title='=HYPERLINK("http://example.invalid")')
    view = documents.outline(facts.draw(office, fiscal_year_period(2569)))
    sheet = openpyxl.load_workbook(io.BytesIO(documents.performance_xlsx(view)))["ระยะเวลาเผยแพร่"]
    assert sheet["B2"].value.startswith("=HYPERLINK") and sheet["B2"].data_type == "s"


def test_an_acknowledged_report_prints_who_acknowledged_it_and_when(fy2569, office, clock, renderer):
    period = quarter_period(2569, 2)
    services.report_prepare(office=office, actor=fy2569.people["webmaster"], period=period, problems="ปัญหา")
    clock.move_to(at("2026-06-18 09:00"))
    report = services.report_acknowledge(office=office, actor=fy2569.people["approver"], period=period)
    view = documents.outline(report.facts, report)
    text = norm("".join(p.extract_text() for p in PdfReader(io.BytesIO(
        documents.performance_pdf(view, renderer=renderer))).pages))  # fmt: skip
    assert norm("(นายประเสริฐ วงศ์คำ)") in text and norm("รับทราบเมื่อ 18 มิ.ย. 2569 09:00 น.") in text
    assert norm("ไตรมาส 2/2569") in text


def test_a_period_with_no_records_still_makes_all_three_files(office, renderer):
    view = documents.outline(facts.draw(office, quarter_period(2569, 1)))
    assert view.charts == []
    assert PdfReader(io.BytesIO(documents.performance_pdf(view, renderer=renderer))).pages
    assert docx.Document(io.BytesIO(documents.performance_docx(view, renderer=renderer))).paragraphs
    assert openpyxl.load_workbook(io.BytesIO(documents.performance_xlsx(view))).sheetnames[0] == "สรุป"


def test_what_people_typed_is_text_in_the_pdf_never_markup(fy2569, office):
    from khaosan.workflow.models import PublicationRequest

    PublicationRequest.objects.filter(pk=fy2569.r1.pk).update(title="<script>alert('x')</script><img src=x>")
    view = documents.outline(facts.draw(office, fiscal_year_period(2569)))
    html = documents.performance_html(view)
    assert "<script>alert" not in html and "<img src=x>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
