"""The evaluation form (PDF, DOCX), the round summary (PDF, XLSX) and the MOIT7 list, read back as a reader would."""

import io

import openpyxl
import pytest
from pypdf import PdfReader

from khaosan.documents.pdf import pdf_renderer
from khaosan.eservice import documents, selectors, services
from khaosan.thai.dates import thai_date
from khaosan.workflow.models import State
from tests.eservice.conftest import agreed, appraisal_of, assessed, finished
from tests.workflow.test_documents import docx_text, norm, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def renderer():
    with pdf_renderer() as shared:
        yield shared


def test_the_form_pdf_shows_the_computed_total_the_band_and_who_signed_when(open_round, line, renderer, clock):
    appraisal = finished(open_round, line, indicator_levels=(5, 4, 3), competency_levels=(2, 1))
    pdf = documents.appraisal_form_pdf(appraisal, renderer=renderer)
    text = pdf_text(pdf)
    # (5×50 + 4×30 + 3×20) / 500 × 70 = 60.20; (3 + 2) / 6 × 30 = 25.00; total 85.20, ดีมาก
    for expected in ("แบบสรุปการประเมินผลการปฏิบัติราชการ", "คะแนนรวม85.20คะแนน", "ระดับผลการประเมิน:ดีมาก", "60.20", "25.00",
                     "นายสมชายใจดี", "นักวิชาการสาธารณสุขชำนาญการ", "นางสุดารัตน์ธรรมวงศ์", "หัวหน้ากลุ่มงานบริหารทั่วไป",
                     "นายประเสริฐวงศ์คำ", "สาธารณสุขอำเภอบ้านหลวง", thai_date(clock.today), "เห็นด้วยกับผลการประเมิน",
                     "การวิเคราะห์ข้อมูล", "ส่วนที่5"):  # fmt: skip
        assert norm(expected) in text, expected
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 2


def test_the_form_as_word_has_the_same_result_on_a4_with_the_pdfs_margins(open_round, line):
    import docx

    appraisal = finished(open_round, line, indicator_levels=(5, 4, 3), competency_levels=(2, 1))
    data = documents.appraisal_form_docx(appraisal)
    text = docx_text(data)
    assert norm("ระดับผลการประเมิน: ดีมาก") in text and "85.20" in text and norm("☑ ดีมาก (80.00 – 89.99)") in text
    section = docx.Document(io.BytesIO(data)).sections[0]
    sizes = [
        section.page_width,
        section.page_height,
        section.left_margin,
        section.right_margin,
        section.top_margin,
        section.bottom_margin,
    ]
    assert [round(length.cm, 1) for length in sizes] == [21.0, 29.7, 3.0, 2.0, 2.0, 2.0]
    assert docx.Document(io.BytesIO(data)).styles["Normal"].font.size.pt == 16


def test_a_refusal_to_sign_shows_the_witness_on_the_form(open_round, line, clock):
    appraisal = assessed(open_round, line)
    services.review_save(appraisal=appraisal, actor=line["approver"], verdict="agree")
    services.refusal_record(
        appraisal=appraisal, actor=line["head"], communicated_on=clock.today, witness=line["colleague"]
    )
    appraisal.refresh_from_db()
    text = docx_text(documents.appraisal_form_docx(appraisal))
    assert norm("แต่ผู้รับการประเมินไม่ลงนามรับทราบผลการประเมิน") in text and norm("นางมาลี ศรีสุข") in text
    assert norm("พยาน") in text


def test_the_round_summary_counts_bands_per_unit_and_lists_who_is_not_finished(open_round, line, renderer):
    finished(open_round, line, "requester")  # 90.20 ดีเด่น
    finished(open_round, line, "colleague", indicator_levels=(3, 3, 3), competency_levels=(2, 2))  # 42 + 30 = 72 ดี
    agreed(open_round, line, "admin")
    summary = selectors.round_summary(line["admin"], open_round)
    by_unit = {u.name: u for u in summary.units}
    admin_unit = by_unit["กลุ่มงานบริหารทั่วไป"]
    assert (admin_unit.counts, admin_unit.finished) == ({"ดีเด่น": 1, "ดี": 1}, 2)
    book = openpyxl.load_workbook(
        io.BytesIO(documents.summary_xlsx(summary, plans=selectors.development_plans(line["admin"], open_round)))
    )
    rows = list(book["สรุปตามหน่วยงาน"].iter_rows(values_only=True))
    assert rows[0] == ("หน่วยงาน", "จำนวนผู้รับการประเมิน", "ดีเด่น", "ดีมาก", "ดี", "พอใช้", "ต้องปรับปรุง", "เสร็จสิ้น",
                       "ยังไม่เสร็จ")  # fmt: skip
    assert ("กลุ่มงานบริหารทั่วไป", 3, 1, 0, 1, 0, 0, 2, 1) in rows  # sudarat herself is not finished either
    unfinished = [row[0] for row in book["ยังไม่เสร็จ"].iter_rows(min_row=2, values_only=True)]
    assert "นายธีรพงษ์" in " ".join(unfinished) and "นายสมชาย ใจดี" not in unfinished
    plans = list(book["แผนพัฒนารายบุคคล"].iter_rows(min_row=2, values_only=True))
    assert ("การวิเคราะห์ข้อมูล", "นายสมชาย ใจดี", "กลุ่มงานบริหารทั่วไป", "อบรม", "ต.ค. – ธ.ค.") in plans
    text = pdf_text(documents.summary_pdf(summary, renderer=renderer))
    assert norm("ผู้ที่ยังไม่เสร็จสิ้น") in text and norm("กลุ่มงานบริหารทั่วไป") in text
    assert "90.20" not in text and "72.00" not in text  # no score in a summary


def test_moit7_names_only_the_two_highest_bands_and_never_a_score(office, line, renderer):
    round_ = services.round_open(office=office, actor=line["admin"], fiscal_year=2569, number=2)
    finished(round_, line, "requester")  # 90.20 ดีเด่น
    finished(round_, line, "colleague", indicator_levels=(4, 4, 4), competency_levels=(2, 2))  # 56 + 30 = 86 ดีมาก
    finished(round_, line, "admin", indicator_levels=(3, 3, 3), competency_levels=(2, 2))  # 72 ดี: not named
    assessed(round_, line, "head", indicator_levels=(5, 5, 5), competency_levels=(2, 2))  # 100 but not finished
    with pytest.raises(Exception, match="หลังปิดรอบ"):
        services.announcement_request(round_=round_, actor=line["admin"])
    services.round_close(round_=round_, actor=line["admin"])
    rows = documents.announcement_rows(selectors.announced_appraisals(round_))
    assert rows == [("นายสมชาย ใจดี", "นักวิชาการสาธารณสุขชำนาญการ", "ดีเด่น"), ("นางมาลี ศรีสุข", "ตำแหน่งของmalee", "ดีมาก")]
    text = pdf_text(documents.announcement_pdf(round_, rows, renderer=renderer))
    assert norm("นายสมชาย ใจดี") in text and norm("นางมาลี ศรีสุข") in text
    assert "ธีรพงษ์" not in text and "สุดารัตน์" not in text
    assert "90.20" not in text and "86.00" not in text


def test_moit7_is_asked_through_the_normal_request_chain(office, line):
    from khaosan.workflow.models import PublicationRequest

    round_ = services.round_open(office=office, actor=line["admin"], fiscal_year=2569, number=2)
    finished(round_, line, "requester")
    services.round_close(round_=round_, actor=line["admin"])
    pub_request = services.announcement_request(round_=round_, actor=line["admin"])
    assert pub_request.state == State.IN_REVIEW and pub_request.topic.code == "performance-evaluation-results"
    assert [f.extension for f in pub_request.files.order_by("pk")] == ["pdf", "xlsx"]
    book = openpyxl.load_workbook(io.BytesIO(pub_request.files.get(extension="xlsx").blob.path.read_bytes()))
    assert list(book.active.iter_rows(values_only=True)) == [
        ("ที่", "ชื่อ-สกุล", "ตำแหน่ง", "ระดับผลการประเมิน"),
        (1, "นายสมชาย ใจดี", "นักวิชาการสาธารณสุขชำนาญการ", "ดีเด่น"),
    ]
    round_.refresh_from_db()
    assert round_.announcement_request == pub_request
    with pytest.raises(Exception, match="มีคำขอเผยแพร่รายชื่อแล้ว"):
        services.announcement_request(round_=round_, actor=line["admin"])
    assert PublicationRequest.objects.count() == 1
    with pytest.raises(Exception, match="ผู้ดูแลระบบหรือผู้ดูแลงานบุคคล"):
        services.announcement_request(round_=round_, actor=line["head"])
    assert appraisal_of(round_, line["requester"]).result_band == "ดีเด่น"
