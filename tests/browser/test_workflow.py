"""Each role in its own browser: the request journey from a requester's PDF to the public page (S-G.3 – S-2.3)."""

import re

import pytest

from tests.browser.conftest import PHONE
from tests.conftest import pdf_bytes, topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def decide(page, request_url, verdict, reason_code=None, reason=""):
    page.open(request_url)
    page.get_by_role("radio", name=verdict, exact=True).check()
    if reason_code:
        page.get_by_label("เหตุผล (เมื่อส่งกลับหรือไม่อนุมัติ)").select_option(label=reason_code)
        page.get_by_label("รายละเอียดเหตุผล").fill(reason)
    page.get_by_role("button", name="บันทึกผลการพิจารณา").click()
    page.wait_for_load_state()


def test_the_whole_journey_from_request_to_public_page(sign_in, open_page, people, tmp_path):
    from khaosan.workflow.models import PublicationRequest

    # The requester, on a phone, fills the steps and uploads a PDF.
    requester = sign_in("requester", PHONE)
    requester.get_by_role("link", name="ยื่นคำขอเผยแพร่ใหม่").click()
    requester.get_by_label("เรื่อง", exact=True).fill("ประกาศรับสมัครลูกจ้างชั่วคราว ตำแหน่งพนักงานขับรถยนต์")
    requester.get_by_label("สรุปรายละเอียด (แสดงใต้ชื่อเรื่องและในผลการค้นหา)").fill("รับสมัคร 1 อัตรา")
    requester.get_by_role("button", name="บันทึกและไปขั้นถัดไป").click()
    requester.assert_accessible()
    pdf = tmp_path / "ประกาศรับสมัคร.pdf"
    pdf.write_bytes(pdf_bytes(2))
    requester.get_by_label("เพิ่มไฟล์").set_input_files(str(pdf))
    requester.get_by_role("button", name="อัปโหลด").click()
    requester.get_by_text("ประกาศรับสมัคร.pdf — อัปโหลดแล้ว").wait_for()
    requester.get_by_role("button", name="บันทึกและไปขั้นถัดไป").click()
    requester.get_by_label("หัวข้อที่จะเผยแพร่").select_option(label=topic("job-announcements").name_th)
    requester.get_by_role("button", name="บันทึกและไปขั้นถัดไป").click()
    requester.get_by_role("button", name="บันทึกและไปขั้นถัดไป").click()  # no dates needed
    requester.get_by_label("แหล่งที่มาของข้อมูล / เจ้าของข้อมูล").fill("กลุ่มงานบริหารทั่วไป")
    requester.get_by_role("checkbox").check()
    requester.get_by_role("button", name="บันทึกและไปขั้นถัดไป").click()
    requester.assert_accessible()
    requester.get_by_role("button", name="ยื่นคำขอ").click()
    assert "อยู่ระหว่างพิจารณา" in requester.locator("main").inner_text()
    url = requester.url.replace(requester.base_url, "")
    requester.assert_no_console_errors()

    # The reviewer returns it with a reason.
    reviewer = sign_in("reviewer")
    assert "ประกาศรับสมัครลูกจ้างชั่วคราว" in reviewer.locator("main").inner_text()
    reviewer.assert_accessible()
    decide(reviewer, url, "ส่งกลับแก้ไข", "ข้อมูลไม่ครบถ้วนหรือไม่ถูกต้อง", "โปรดระบุวันปิดรับสมัคร")

    # The requester sees the reason, fixes and resubmits.
    requester.open(url)
    assert "โปรดระบุวันปิดรับสมัคร" in requester.locator("main").inner_text()
    requester.get_by_role("link", name="แก้ไขตามเหตุผลแล้วยื่นอีกครั้ง").click()
    requester.get_by_label("สรุปรายละเอียด (แสดงใต้ชื่อเรื่องและในผลการค้นหา)").fill("รับสมัคร 1 อัตรา ถึง 15 ธันวาคม 2569")
    requester.get_by_role("button", name="บันทึกและไปขั้นถัดไป").click()
    requester.open(url.rstrip("/") + "/review/")
    requester.get_by_role("button", name="ยื่นคำขอที่แก้ไขแล้วอีกครั้ง").click()

    # The reviewer and the approver approve; the approver checks on a phone.
    decide(reviewer, url, "อนุมัติ")
    approver = sign_in("approver", PHONE)
    decide(approver, url, "อนุมัติ")
    assert "อนุมัติแล้ว รอเผยแพร่" in approver.locator("main").inner_text()

    # A web master takes it, checks, previews and publishes.
    webmaster = sign_in("webmaster")
    webmaster.assert_accessible()
    webmaster.open(url)
    webmaster.get_by_role("button", name="รับงานและเผยแพร่").click()
    # The test PDF is a blank page: no text layer, so the check asks for a person's look, confirmed by a tick.
    assert "ตรวจอัตโนมัติไม่ได้" in webmaster.locator("main").inner_text()
    assert "พบข้อมูลที่อาจเป็นข้อมูลส่วนบุคคล" not in webmaster.locator("main").inner_text()
    webmaster.assert_accessible()
    webmaster.get_by_role("button", name="เผยแพร่", exact=True).click()
    assert "แล้วทำเครื่องหมายยืนยันก่อนเผยแพร่" in webmaster.locator("main").inner_text()
    webmaster.get_by_label("ข้าพเจ้าเปิดตรวจส่วนที่ระบบตรวจอัตโนมัติไม่ได้ด้วยตนเองแล้ว", exact=False).check()
    webmaster.get_by_role("button", name="เผยแพร่", exact=True).click()
    assert "เผยแพร่แล้ว" in webmaster.locator("main").inner_text()
    webmaster.assert_no_console_errors()
    item = PublicationRequest.objects.get().item

    # An anonymous visitor sees the item with its provenance and file size.
    visitor = open_page(PHONE)
    visitor.open(item.get_absolute_url())
    provenance = visitor.locator(".provenance").inner_text()
    assert "กลุ่มงานบริหารทั่วไป" in provenance
    assert re.search(r"PDF · \d+ ไบต์ · 2 หน้า", visitor.locator(".files").inner_text())

    # The requester's inbox shows each step.
    requester.open("/backoffice/inbox/")
    inbox = requester.locator("main").inner_text()
    for subject in ("คำขอถูกส่งกลับให้แก้ไข", "คำขอของท่านได้รับอนุมัติ", "เผยแพร่แล้ว"):
        assert subject in inbox, subject
    requester.assert_accessible()


def test_refusal_self_approval_and_guessed_urls(sign_in, office, people, other_office):
    from khaosan.workflow import services
    from tests.workflow.conftest import make_person, submitted_request

    own = submitted_request(office, people["reviewer"], title="คำขอของหัวหน้ากลุ่มงานเอง")
    theirs = submitted_request(office, people["requester"], title="คำขอของกลุ่มงานบริหาร")
    stranger = make_person(other_office, "stranger")
    foreign = services.request_create(office=other_office, actor=stranger, title="คำขอของสำนักงานอื่น")

    reviewer = sign_in("reviewer")
    reviewer.open(own.get_absolute_url())
    assert reviewer.get_by_role("button", name="บันทึกผลการพิจารณา").count() == 0  # no form for one's own request
    decide(reviewer, theirs.get_absolute_url(), "ไม่อนุมัติ", "ไม่ตรงหรือไม่เกี่ยวข้องกับภารกิจของหน่วยงาน", "")
    assert "ไม่อนุมัติ" in reviewer.locator("main").inner_text()

    outsider = sign_in("outsider")  # another unit of the same office
    assert outsider.open(theirs.get_absolute_url()).status == 404
    assert outsider.open(foreign.get_absolute_url()).status == 404
    requester = sign_in("requester")
    requester.open(theirs.get_absolute_url())
    assert "ไม่ตรงหรือไม่เกี่ยวข้องกับภารกิจของหน่วยงาน" in requester.locator("main").inner_text()


def test_a_web_master_registers_a_letter_from_another_agency(sign_in, office, people, tmp_path):
    from khaosan.org.models import Unit
    from khaosan.workflow.models import PublicationRequest

    Unit.objects.create(office=office, code="pho-nan", kind="external", name_th="สำนักงานสาธารณสุขจังหวัดน่าน")
    letter, poster = tmp_path / "หนังสือนำส่ง.pdf", tmp_path / "โปสเตอร์.pdf"
    letter.write_bytes(pdf_bytes())
    poster.write_bytes(pdf_bytes())
    webmaster = sign_in("webmaster")
    webmaster.get_by_role("link", name="ลงทะเบียนรับหนังสือ").click()
    webmaster.get_by_label("ได้รับคำขอทาง").select_option(label="หนังสือราชการ")
    webmaster.get_by_label("เลขที่หนังสือ").fill("นน 0032.004/ว 1234")
    webmaster.get_by_label("ชื่อผู้ขอ").fill("นางสาวรัตนา คำมา")
    webmaster.get_by_label("หน่วยงานของผู้ขอ").select_option(label="สำนักงานสาธารณสุขจังหวัดน่าน")
    webmaster.get_by_label("เรื่อง", exact=True).fill("ประชาสัมพันธ์วันเอดส์โลก")
    webmaster.get_by_label("หัวข้อที่จะเผยแพร่").select_option(label=topic("external-agency-info").name_th)
    webmaster.get_by_label("แหล่งที่มา/อ้างอิง").fill("สำนักงานสาธารณสุขจังหวัดน่าน")
    webmaster.get_by_label("หนังสือนำส่งยืนยันว่าไม่ละเมิดลิขสิทธิ์และระบุแหล่งที่มาแล้ว").check()
    webmaster.get_by_label("ไฟล์ที่ขอเผยแพร่").set_input_files(str(poster))
    webmaster.get_by_label("หนังสือนำส่งที่สแกนแล้ว").set_input_files(str(letter))
    webmaster.assert_accessible()
    webmaster.get_by_role("button", name="ลงทะเบียนและส่งพิจารณา").click()
    assert "ลงทะเบียนรับคำขอ" in webmaster.locator("main").inner_text()
    pub_request = PublicationRequest.objects.get()
    assert pub_request.channel == "letter" and pub_request.files.count() == 2
    assert webmaster.get_by_role("button", name="บันทึกผลการพิจารณา").count() == 0


@pytest.mark.parametrize(
    ("role", "paths"),
    [
        ("admin", ["/backoffice/staff/", "/backoffice/staff/new/", "/backoffice/delegations/", "/backoffice/settings/",
                   "/backoffice/traffic/", "/backoffice/audit/", "/backoffice/security/"]),
        ("committee", ["/backoffice/requests/", "/backoffice/items/", "/backoffice/forms/", "/backoffice/audit/"]),
    ],
)  # fmt: skip
def test_management_screens_are_accessible_on_a_phone(sign_in, people, role, paths, publish):
    publish("general-news", "ข่าวสำหรับตรวจหน้าจอ")
    page = sign_in(role, PHONE)
    for path in paths:
        assert page.open(path).status == 200, path
        page.assert_accessible()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    page.assert_no_console_errors()
