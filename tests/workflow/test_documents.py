"""The request form (MOIT1-F) filled from the records, as PDF and Word, and the fiscal-year bundle.

Requests go through the real services: create, attach, submit, returned with a reason, resubmitted,
approved by the reviewer and the approver, published by a web master. PDF text is read with pypdf and
compared with all whitespace removed (and NFKC, which leaves the exact text of documents.textlayer as it is).
"""

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile

import docx
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from pypdf import PdfReader

from khaosan.documents.pdf import document_html, pdf_renderer
from khaosan.org.models import Delegation, Staff, Unit
from khaosan.org.roles import Role
from khaosan.thai.dates import thai_date, thai_datetime
from khaosan.thai.text import human_size
from khaosan.workflow import documents
from khaosan.workflow import services as wf
from khaosan.workflow.models import Channel, ReasonCode, RequestFile, Verdict
from tests.conftest import jpeg_bytes, pdf_bytes, topic, upload
from tests.workflow.conftest import NOTHING_FOUND

SITE = "https://ssobanluang.example.go.th"
SCRIPT_TITLE = "ประกาศผลการจัดซื้อน้ำดื่ม <script>alert('x')</script> ไตรมาสที่ 1"
RETURN_REASON = "โปรดแนบรายงานฉบับที่ผู้บริหารลงนามแล้ว"
FILE_NAME = "รายงานผลการจัดซื้อ-ไตรมาส1.pdf"
# Times of the steps of the main request (local time), so the form's dates can be checked exactly.
WHEN = {
    "created": dt.datetime(2025, 11, 3, 8, 30),
    "submitted": dt.datetime(2025, 11, 3, 9, 5),
    "returned": dt.datetime(2025, 11, 3, 10, 40),
    "resubmitted": dt.datetime(2025, 11, 4, 8, 50),
    "reviewed": dt.datetime(2025, 11, 4, 13, 15),
    "approved": dt.datetime(2025, 11, 5, 11, 30),
    "published": dt.datetime(2025, 11, 6, 15, 45),
}


def norm(text):
    """What to compare: NFKC (ำ as pypdf extracts it) with all whitespace removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_text(data):
    return norm("".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def docx_text(data):
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    parts += [p.text for p in document.sections[0].footer.paragraphs]
    return norm("\n".join(parts))


def local(value):
    return timezone.make_aware(value)


@pytest.fixture(scope="module")
def renderer():
    """One Chromium for the whole module (the database is per test; the browser needs none)."""
    with pdf_renderer() as shared:
        yield shared


@pytest.fixture
def site(settings):
    settings.KHAOSAN = {**settings.KHAOSAN, "SITE_URL": SITE}


@pytest.fixture
def people(office):
    """Requester, reviewer, approver and web master, each with a name, a position and a role."""
    unit = Unit.objects.get(office=office, code="procurement")

    def staff(username, first, last, position, role=None):
        person = Staff.objects.create_user(
            username, password=None, first_name=first, last_name=last, office=office, unit=unit, position=position
        )
        if role:
            person.groups.add(Group.objects.get_or_create(name=role)[0])
        return person

    return {
        "requester": staff("somsri", "สมศรี", "ใจดี", "นักวิชาการพัสดุปฏิบัติการ"),
        "reviewer": staff("wichai", "วิชัย", "รักงาน", "หัวหน้ากลุ่มงานบริหารทั่วไป", Role.REVIEWER),
        "approver": staff("prasit", "ประสิทธิ์", "มั่นคง", "สาธารณสุขอำเภอบ้านหลวง", Role.APPROVER),
        "webmaster": staff("nattaya", "ณัฐธยา", "แก้วมณี", "นักวิชาการคอมพิวเตอร์ปฏิบัติการ", Role.WEBMASTER),
        "deputy": staff("kanya", "กัญญา", "ศรีสุข", "นักวิชาการสาธารณสุขชำนาญการพิเศษ"),
    }


def make_request(office, people, title="รายงานผลการดำเนินงาน", *, files=(), **fields):
    fields = {
        "summary": "สรุปผลการจัดซื้อจัดจ้างประจำไตรมาส", "source": "งานพัสดุ", "rights_confirmed": True,
        "topic": topic("general-news"), **fields,
    }  # fmt: skip
    pub_request = wf.request_create(office=office, actor=people["requester"], title=title, **fields)
    for name, content in files:
        wf.request_file_add(pub_request=pub_request, actor=people["requester"], upload=upload(name, content))
    return pub_request


def decide(pub_request, actor, verdict=Verdict.APPROVE, **reason):
    return wf.request_decide(pub_request_id=pub_request.pk, actor=actor, verdict=verdict, **reason)


def publish(pub_request, webmaster):
    pub_request.refresh_from_db()
    fields = wf.item_fields_from(pub_request)
    return wf.request_publish(pub_request_id=pub_request.pk, actor=webmaster, redaction=NOTHING_FOUND, **fields)


def full_flow(office, people, title=SCRIPT_TITLE, *, at_step=None, **fields):
    """Submitted, returned with a reason, resubmitted, approved twice and published; at WHEN's times with `at_step`."""
    tick = at_step or (lambda key: None)
    tick("created")
    pub_request = make_request(
        office, people, title, files=[(FILE_NAME, pdf_bytes(2))], data_from=dt.date(2025, 10, 1),
        data_to=dt.date(2025, 12, 31), remarks="ขอเผยแพร่ในหน้าข่าวประชาสัมพันธ์", **fields,
    )  # fmt: skip
    tick("submitted")
    wf.request_submit(pub_request=pub_request, actor=people["requester"])
    tick("returned")
    decide(pub_request, people["reviewer"], Verdict.RETURN, reason_code=ReasonCode.INCOMPLETE, reason=RETURN_REASON)
    pub_request.refresh_from_db()
    tick("resubmitted")
    wf.request_submit(pub_request=pub_request, actor=people["requester"])
    tick("reviewed")
    decide(pub_request, people["reviewer"])
    tick("approved")
    decide(pub_request, people["approver"])
    tick("published")
    pub_request = publish(pub_request, people["webmaster"])
    pub_request.refresh_from_db()
    return pub_request


@pytest.fixture
def at_step(clock):
    """at_step(key) stops the suite's clock at WHEN[key] (Bangkok time), so the form's times are exact."""

    def move(key):
        clock.move_to(WHEN[key], tick=False)

    return move


def assert_form_facts(text, pub_request, people):
    """The facts every rendering of the main request's form must show (text already normalised)."""
    facts = [
        documents.FORM_TITLE, "ในสังกัดสำนักงานปลัดกระทรวงสาธารณสุข", pub_request.office.name_th, pub_request.reference,
        "ชื่อหน่วยงาน", pub_request.requester_unit.name_th, "วัน/เดือน/ปี", thai_date(local(WHEN["resubmitted"])),
        "หัวข้อ", SCRIPT_TITLE, "<script>", "รายละเอียดข้อมูล(โดยสรุปหรือเอกสารแนบ)", pub_request.summary,
        FILE_NAME, "PDF", human_size(len(pdf_bytes(2))), documents.topic_text(pub_request.topic),
        "1 ตุลาคม 2568 – 31 ธันวาคม 2568",
        "แหล่งที่มา", "งานพัสดุ", "Linkภายนอก", f"{SITE}{pub_request.item.get_absolute_url()}", "หมายเหตุ",
        pub_request.remarks, "ตรวจแล้วไม่พบข้อมูลส่วนบุคคล",
        "ขั้น/บทบาท", "ผู้พิจารณา", "ตำแหน่ง", "วันที่และเวลา", "ผล", "เหตุผล",
        str(Role.REVIEWER.label), str(Role.APPROVER.label),
        "ส่งกลับแก้ไข", RETURN_REASON, str(ReasonCode.INCOMPLETE.label), "อนุมัติ", "ยื่นคำขอที่แก้ไขแล้ว",
        "เผยแพร่แล้ว",
        documents.SIGN_REQUESTER, documents.SIGN_APPROVER, documents.SIGN_PUBLISHER, "(ลงชื่อ)",
        thai_date(local(WHEN["approved"])), thai_date(local(WHEN["published"])),
    ]  # fmt: skip
    facts += [thai_datetime(local(WHEN[key]), short=True) for key in WHEN if key != "created"]
    for role in ("requester", "reviewer", "approver", "webmaster"):
        facts += [people[role].get_full_name(), people[role].position]
    missing = [fact for fact in facts if norm(fact) not in text]
    assert not missing, missing
    assert "&lt;" not in text  # escaped once, not twice


# ------------------------------------------------------------------------------------------------ the form


@pytest.mark.browser
def test_request_form_pdf_shows_the_records(office, people, site, renderer, at_step, tmp_path):
    pub_request = full_flow(office, people, at_step=at_step)

    data = documents.request_form_pdf(pub_request, renderer=renderer)
    (tmp_path / "form.pdf").write_bytes(data)  # to look at: pytest --basetemp=DIR

    reader = PdfReader(io.BytesIO(data))
    assert data.startswith(b"%PDF")
    page = reader.pages[0].mediabox
    assert (round(float(page.width)), round(float(page.height))) == (595, 842)  # A4
    text = pdf_text(data)
    assert_form_facts(text, pub_request, people)
    pages = len(reader.pages)
    assert norm(f"หน้า1/{pages}") in text and norm(f"หน้า{pages}/{pages}") in text
    assert norm("แบบฟอร์มนี้จัดทำโดยระบบจากข้อมูลที่บันทึกไว้") in text
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages for font in page["/Resources"]["/Font"].values()
    }  # fmt: skip
    assert fonts <= {"Sarabun-Regular", "Sarabun-Bold", "Sarabun-Italic", "Sarabun-BoldItalic"}, fonts
    # the return row comes before the approvals, in the order things happened
    assert text.index(norm(RETURN_REASON)) < text.index(norm(thai_datetime(local(WHEN["reviewed"]), short=True)))


@pytest.mark.browser
def test_form_of_a_request_not_yet_approved_leaves_the_signatures_blank(office, people, renderer):
    pub_request = make_request(office, people, "แผนการจัดซื้อจัดจ้างประจำปี")
    wf.request_submit(pub_request=pub_request, actor=people["requester"])
    pub_request.refresh_from_db()

    text = pdf_text(documents.request_form_pdf(pub_request, renderer=renderer))

    assert norm(documents.NOT_PUBLISHED) in text
    assert norm(f"({people['requester'].get_full_name()})") in text
    assert text.count(norm("(ลงชื่อ)")) == 3
    assert people["reviewer"].get_full_name() not in text  # nobody decided yet
    for title in (documents.SIGN_REQUESTER, documents.SIGN_APPROVER, documents.SIGN_PUBLISHER):
        assert norm(title) in text


def test_form_data_without_decisions_has_blank_approver_and_publisher(office, people):
    pub_request = make_request(office, people)

    form = documents.form_data(pub_request)

    requester, approver, publisher = form.signatures
    assert (requester.name, requester.position, requester.date) == (
        people["requester"].get_full_name(),
        people["requester"].position,
        "",
    )
    assert (approver.name, approver.date, publisher.name, publisher.date) == ("", "", "", "")
    assert form.public_url == "" and form.rows == []
    assert form.date_text == thai_date(pub_request.created_at)  # not submitted: the day it was made


def test_form_html_escapes_input_and_notes_delegation_and_letter(office, people, clock):
    deputy = people["deputy"]
    Delegation.objects.create(
        office=office, role=Role.APPROVER, delegator=people["approver"], delegate=deputy,
        starts_on=clock.today - dt.timedelta(days=1), ends_on=clock.today + dt.timedelta(days=1),
        reason="คำสั่งที่ 12/2569",
    )  # fmt: skip
    pub_request = wf.request_register(
        office=office, actor=people["webmaster"], channel=Channel.LETTER, letter_number="นน 0032.301/125",
        letter_date=dt.date(2025, 11, 1), requester_name="นายสมชาย <b>ตัวหนา</b>", requester_position="ผู้อำนวยการ",
        requester_unit=Unit.objects.get(office=office, code="admin"),
        title="คำขอจากหนังสือ <img src=x onerror=alert(1)>",
        summary="รายละเอียด", source="รพ.สต.", rights_confirmed=True, topic=topic("general-news"),
    )  # fmt: skip
    wf.request_submit(pub_request=pub_request, actor=people["webmaster"])
    decide(pub_request, people["reviewer"])
    decide(pub_request, deputy)  # acts for the approver, by delegation
    pub_request.refresh_from_db()

    html = documents.request_form_html(pub_request)

    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>ตัวหนา</b>" not in html and "&lt;b&gt;ตัวหนา&lt;/b&gt;" in html
    assert "หนังสือราชการ ที่ นน 0032.301/125 ลงวันที่ 1 พฤศจิกายน 2568" in html
    assert f"ปฏิบัติราชการแทน {people['approver'].display_name}" in html
    form = documents.form_data(pub_request)
    assert form.signatures[1].name == deputy.get_full_name()
    assert form.signatures[1].note == f"ปฏิบัติราชการแทน {people['approver'].display_name}"
    assert form.rows[0].stage == "ลงทะเบียนและยื่นคำขอ"


def test_request_form_docx_shows_the_same_facts(office, people, site, at_step):
    from docx.oxml.ns import qn

    pub_request = full_flow(office, people, at_step=at_step)

    data = documents.request_form_docx(pub_request)

    document = docx.Document(io.BytesIO(data))
    assert_form_facts(docx_text(data), pub_request, people)
    normal = document.styles["Normal"]
    assert normal.font.name == "TH Sarabun New" and normal.font.size.pt == 16
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == fonts.get(qn("w:eastAsia")) == "TH Sarabun New"
    fields_table, decisions, signatures = document.tables
    headers = [c.text for c in decisions.rows[0].cells]
    assert headers == ["ขั้น/บทบาท", "ผู้พิจารณา", "ตำแหน่ง", "วันที่และเวลา", "ผล", "เหตุผล"]
    assert any(row.cells[4].text == "ส่งกลับแก้ไข" for row in decisions.rows[1:])
    titles = [cell.paragraphs[0].text for cell in signatures.rows[0].cells]
    assert titles == [documents.SIGN_REQUESTER, documents.SIGN_APPROVER, documents.SIGN_PUBLISHER]
    assert signatures._tbl.tblPr.find(qn("w:tblBorders")) is not None  # borderless
    assert f"({people['approver'].get_full_name()})" in signatures.rows[0].cells[1].text
    footer = document.sections[0].footer.paragraphs[0]._p
    assert [f.get(qn("w:instr")) for f in footer.findall(qn("w:fldSimple"))] == ["PAGE", "NUMPAGES"]


# ------------------------------------------------------------------------------------------------ the bundle


def test_a_fiscal_year_begins_at_midnight_on_1_october_in_bangkok(office, people, clock):
    clock.move_to("2026-09-30T23:59:30")
    before = make_request(office, people, "สร้างก่อนเที่ยงคืน")
    clock.move_to("2026-09-30T17:30:00+00:00")  # 1 October 00:30 in Bangkok, still 30 September in UTC
    after = make_request(office, people, "สร้างหลังเที่ยงคืน")
    assert list(documents.bundle_requests(office, 2569)) == [before]
    assert list(documents.bundle_requests(office, 2570)) == [after]
    assert before.reference.endswith("/2569") and after.reference.endswith("/2570")


@pytest.fixture
def year_of_requests(office, people, site, renderer, clock):
    """Three requests of fiscal year 2569 (one with a PDF memo, one with a scanned memo) and one of 2568."""
    clock.move_to("2026-06-17T10:00")
    this_year = 2569
    published = full_flow(office, people, "ประกาศรายชื่อผู้ชนะการเสนอราคา")
    memo = renderer.render(document_html("<p>บันทึกข้อความ MEMO-SIGNED-0425</p><p style='break-before:page'>หน้าสอง</p>"))
    wf.request_file_add(pub_request=published, actor=people["webmaster"], upload=upload("บันทึกข้อความ.pdf", memo),
                        kind=RequestFile.Kind.MEMO)  # fmt: skip
    waiting = make_request(office, people, "รายงานการประชุมประจำเดือน")
    wf.request_submit(pub_request=waiting, actor=people["requester"])
    wf.request_file_add(pub_request=waiting, actor=people["requester"], upload=upload("memo-scan.jpg", jpeg_bytes()),
                        kind=RequestFile.Kind.MEMO)  # fmt: skip
    draft = make_request(office, people, '=HYPERLINK("http://evil") ร่างคำขอ')
    old = make_request(office, people, "คำขอของปีที่แล้ว")
    type(old).objects.filter(pk=old.pk).update(created_at=local(dt.datetime(2025, 9, 28, 9)))
    return this_year, [published, waiting, draft], old


@pytest.mark.browser
def test_bundle_pdf_has_an_index_every_form_and_the_memos(office, year_of_requests, renderer, tmp_path):
    this_year, requests, old = year_of_requests

    data = documents.forms_bundle_pdf(office, this_year, renderer=renderer)
    (tmp_path / "bundle.pdf").write_bytes(data)

    reader = PdfReader(io.BytesIO(data))
    pages = [norm(page.extract_text()) for page in reader.pages]
    text = "".join(pages)
    assert len(reader.pages) >= len(requests) + 1 + 2 + 1  # cover, forms, two memo pages, the scan
    index = pages[1]
    assert norm("สารบัญคำขอเผยแพร่") in index
    for pub_request in requests:
        assert norm(pub_request.reference) in index
    old.refresh_from_db()
    assert norm(old.title) not in text
    assert norm(f"ปีงบประมาณพ.ศ.{this_year}") in pages[0]
    starts = [next(i for i, page in enumerate(pages) if i > 1 and norm(f"เลขที่คำขอ{r.reference}") in page)
              for r in requests]  # fmt: skip
    assert starts == sorted(starts)
    # the signed memo's pages follow its form, numbered as pages of the bundle, and nothing is left of the slots
    memo_page = next(i for i, page in enumerate(pages) if "MEMO-SIGNED-0425" in page)
    assert starts[0] < memo_page < starts[1]
    assert norm(f"หน้า{memo_page + 1}/{len(pages)}") in pages[memo_page]
    assert norm("หน้าสอง") in pages[memo_page + 1]
    assert not any(str(a.get_object().get("/A", {}).get("/URI", "")).startswith("https://khaosan.invalid/")
                   for page in reader.pages for a in (page.get("/Annots") or []))  # fmt: skip
    # the scanned memo is a page of its own, after the waiting request's form
    scan_page = next(i for i, page in enumerate(pages) if norm("memo-scan.jpg") in page and norm("แนบท้ายคำขอ") in page)
    assert starts[1] < scan_page < starts[2]
    assert "/XObject" in reader.pages[scan_page]["/Resources"]
    assert norm("มีแนบท้ายแบบฟอร์ม") in index


@pytest.mark.browser
def test_bundle_zip_has_one_pdf_per_request_memos_and_an_index(office, year_of_requests, renderer, tmp_path):
    this_year, requests, old = year_of_requests

    data = documents.forms_bundle_zip(office, this_year, renderer=renderer)
    (tmp_path / "forms.zip").write_bytes(data)

    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    raw = archive.read("index.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == [r.reference for r in requests]
    assert rows[3][2].startswith("'=HYPERLINK")  # a formula stays text in Excel
    forms = [row[12] for row in rows[1:]]
    assert forms[0] == f"{requests[0].reference.replace('/', '-')}-ประกาศรายชื่อผู้ชนะการเสนอราคา.pdf"
    for name in forms:
        assert name in names and archive.read(name).startswith(b"%PDF")
    for pub_request, name in zip(
        requests, forms, strict=True
    ):  # each file is one form, its pages numbered on their own
        form = archive.read(name)
        pages = len(PdfReader(io.BytesIO(form)).pages)
        text = pdf_text(form)
        assert norm(pub_request.title) in text and norm(f"คำขอเลขที่{pub_request.reference}") in text
        assert norm(f"หน้า1/{pages}") in text and norm(f"หน้า{pages}/{pages}") in text
        assert text.count(norm(documents.FORM_TITLE)) == 1
    assert rows[1][13].endswith("-memo-1.pdf") and rows[1][13] in names
    assert rows[2][13].endswith("-memo-1.jpg") and rows[2][13] in names
    assert rows[1][11].startswith(SITE) and rows[2][11] == documents.NOT_PUBLISHED
