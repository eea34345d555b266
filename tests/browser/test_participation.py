"""Citizens on a phone file each kind of case and follow it by its code; staff handle and reply; the corruption
stream stays hidden from everyone not named; the rate limit answers in Thai with 429 (GWS 1.5, MOIT 9–11)."""

import re

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from khaosan.participation import services
from khaosan.participation.models import Complaint, Stream
from tests.browser.conftest import DESKTOP, PHONE
from tests.conftest import PASSWORD, pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = re.compile(r"[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}")


def assert_fits(page, viewport):
    """Nothing is wider than the screen: a phone never scrolls sideways."""
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], page.url


@pytest.fixture
def handlers(office, people):
    services.handler_add(office=office, actor=people["admin"], staff=people["requester"], stream=Stream.SERVICE)
    services.handler_add(office=office, actor=people["admin"], staff=people["colleague"], stream=Stream.CORRUPTION)
    return {"service": people["requester"], "corruption": people["colleague"]}


@pytest.fixture
def sign_in(open_page, people):
    """sign_in(role, viewport) → a Page of that person, signed in (with the second factor where required)."""
    for role in ("webmaster", "admin"):
        TOTPDevice.objects.get_or_create(user=people[role], name="authenticator", defaults={"confirmed": True})

    def make(role, viewport=DESKTOP):
        person = people[role]
        page = open_page(viewport)
        page.open("/backoffice/login/")
        page.get_by_label("ชื่อผู้ใช้").fill(person.username)
        page.get_by_label("รหัสผ่าน").fill(PASSWORD)
        page.get_by_role("button", name="เข้าสู่ระบบ").click()
        if "/2fa/verify/" in page.url:
            device = TOTPDevice.objects.get(user=person, confirmed=True)
            page.get_by_label("รหัสยืนยัน").fill(f"{TOTP(device.bin_key).token():06d}")
            page.get_by_role("button", name="ยืนยัน").click()
        page.wait_for_url(re.compile(r".*/backoffice/$"))
        return page

    return make


def _fill_service_complaint(page, *, detail):
    page.get_by_label("ความล่าช้าในการให้บริการ").check()
    page.get_by_label("เรื่องที่ร้องเรียน").fill("รอรับบริการนานเกินสามชั่วโมง")
    page.get_by_label("รายละเอียด", exact=True).fill(detail)
    page.get_by_label("ชื่อ-นามสกุล").fill("นายประชา ราษฎร์ดี")
    page.get_by_label("อีเมล (ไม่บังคับ)").fill("pracha@example.com")
    page.get_by_label("ข้าพเจ้าขอยืนยันว่าข้อมูลที่แจ้งเป็นความจริง").check()


def _check_status(page, code):
    page.open("/participation/status/")
    page.get_by_label("รหัสติดตาม").fill(code)
    page.get_by_role("button", name="ดูสถานะ").click()
    return page.locator("main").inner_text()


def test_a_citizen_files_a_service_complaint_on_a_phone_and_reads_the_staff_reply(open_page, sign_in, office, handlers,
                                                                                  tmp_path):  # fmt: skip
    citizen = open_page(PHONE)
    citizen.open("/")
    citizen.get_by_role("button", name="เมนู").click()
    citizen.get_by_role("link", name="ร้องเรียน", exact=True).click()
    citizen.assert_accessible()
    citizen.screenshot_as("participation-index-phone")
    citizen.get_by_role("link", name=re.compile("ร้องเรียนการให้บริการ")).click()
    assert "หลักเกณฑ์การร้องเรียน" in citizen.locator("main").inner_text()
    citizen.assert_accessible()

    # A detail too short: the form comes back, in Thai, with everything typed still there.
    _fill_service_complaint(citizen, detail="สั้นไป")
    evidence = tmp_path / "ใบนัด.pdf"
    evidence.write_bytes(pdf_bytes())
    citizen.get_by_label("ไฟล์หลักฐาน (ไม่บังคับ)").set_input_files(str(evidence))
    citizen.get_by_role("button", name="ส่งเรื่องร้องเรียน").click()
    problems = citizen.locator("#form-problems").inner_text()
    assert "รายละเอียดสั้นเกินไป" in problems
    assert citizen.get_by_label("เรื่องที่ร้องเรียน").input_value() == "รอรับบริการนานเกินสามชั่วโมง"
    assert citizen.get_by_label("ชื่อ-นามสกุล").input_value() == "นายประชา ราษฎร์ดี"
    citizen.assert_accessible()
    citizen.screenshot_as("participation-complaint-error-phone")

    citizen.get_by_label("รายละเอียด", exact=True).fill("ไปรับบริการที่ รพ.สต.ป่าคาหลวง รอตั้งแต่เก้าโมงจนเที่ยงโดยไม่มีผู้แจ้งเหตุผล")
    citizen.get_by_label("ไฟล์หลักฐาน (ไม่บังคับ)").set_input_files(str(evidence))
    citizen.get_by_role("button", name="ส่งเรื่องร้องเรียน").click()
    code = citizen.locator("[data-tracking-code]").inner_text()
    assert CODE.fullmatch(code) and "ร.1/2569" in citizen.locator("main").inner_text()
    citizen.assert_accessible()
    citizen.screenshot_as("participation-filed-phone")
    assert "ได้รับเรื่องแล้ว รอเจ้าหน้าที่รับเรื่อง" in _check_status(citizen, code)
    citizen.assert_accessible()

    # The service handler takes it on and replies.
    staff = sign_in("requester")
    staff.open("/backoffice/participation/")
    staff.assert_accessible()
    staff.get_by_role("link", name="ร.1/2569").click()
    assert "นายประชา ราษฎร์ดี" in staff.locator("main").inner_text() and "ใบนัด.pdf" in staff.locator("main").inner_text()
    staff.assert_accessible()
    staff.get_by_role("button", name="รับเรื่อง", exact=True).click()
    staff.get_by_label("คำตอบถึงผู้แจ้ง").fill("สำนักงานได้ปรับการจัดคิวและตักเตือนเจ้าหน้าที่แล้ว ขออภัยในความไม่สะดวก")
    staff.get_by_role("button", name="ส่งคำตอบ").click()
    assert "ส่งคำตอบแล้ว" in staff.locator("main").inner_text()
    staff.screenshot_as("participation-case-desktop")
    staff.assert_no_console_errors()

    # The citizen sees the reply with the same code.
    status = _check_status(citizen, code)
    assert "สำนักงานได้ปรับการจัดคิวและตักเตือนเจ้าหน้าที่แล้ว" in status and "เจ้าหน้าที่รับเรื่องไว้พิจารณาแล้ว" in status
    citizen.screenshot_as("participation-status-phone")
    citizen.assert_no_console_errors()


def test_an_anonymous_corruption_complaint_reaches_only_its_handler_even_by_guessed_addresses(open_page, sign_in, office,
                                                                                              people, handlers):  # fmt: skip
    citizen = open_page(PHONE)
    citizen.open("/participation/complaint/corruption/")
    citizen.assert_accessible()
    citizen.get_by_label("เรียกรับเงินหรือผลประโยชน์").check()
    citizen.get_by_label("เรื่องที่ร้องเรียน").fill("เรียกเงินเพื่อออกใบรับรองแพทย์")
    citizen.get_by_label("รายละเอียด", exact=True).fill("เจ้าหน้าที่เรียกเงินห้าร้อยบาทเพื่อออกใบรับรองให้เร็วขึ้น เมื่อต้นเดือน")
    citizen.get_by_label("ไม่ประสงค์ออกนาม", exact=True).check()
    citizen.get_by_label("ข้าพเจ้าขอยืนยันว่าข้อมูลที่แจ้งเป็นความจริง").check()
    citizen.get_by_role("button", name="ส่งเรื่องร้องเรียน").click()
    code = citizen.locator("[data-tracking-code]").inner_text()
    assert "ท.1/2569" in _check_status(citizen, code)
    complaint = Complaint.objects.get()
    assert complaint.anonymous and complaint.name == ""
    address = f"/backoffice/participation/complaint/{complaint.pk}/"

    for role in ("webmaster", "admin"):
        outsider = sign_in(role)
        outsider.open("/backoffice/participation/?queue=corruption&show=all")
        assert "ท.1/2569" not in outsider.locator("main").inner_text()
        assert outsider.open(address).status == 404

    handler = sign_in("colleague", PHONE)
    handler.open("/backoffice/participation/?queue=corruption")
    handler.get_by_role("link", name="ท.1/2569").click()
    assert "ไม่ประสงค์ออกนาม" in handler.locator("main").inner_text()
    handler.assert_accessible()
    handler.get_by_label("คำตอบถึงผู้แจ้ง").fill("สำนักงานตั้งกรรมการตรวจสอบข้อเท็จจริงแล้ว")
    handler.get_by_role("button", name="ส่งคำตอบ").click()
    assert "สำนักงานตั้งกรรมการตรวจสอบข้อเท็จจริงแล้ว" in _check_status(citizen, code)


def test_feedback_and_a_question_on_a_phone_and_the_faq(open_page, sign_in, office, handlers):
    citizen = open_page(PHONE)
    citizen.open("/participation/feedback/")
    citizen.assert_accessible()
    citizen.get_by_label("ความคิดเห็นหรือข้อเสนอแนะ").fill("ควรมีป้ายบอกทางไปห้องฉีดวัคซีนให้ชัดเจนกว่านี้")
    citizen.get_by_role("button", name="ส่งความคิดเห็น").click()
    feedback_code = citizen.locator("[data-tracking-code]").inner_text()
    assert "ได้รับเรื่องแล้ว" in _check_status(citizen, feedback_code)

    citizen.open("/participation/question/")
    citizen.assert_accessible()
    citizen.get_by_label("คำถาม", exact=True).fill("ขอใบรับรองแพทย์เพื่อสมัครงานได้ที่ไหน")
    citizen.get_by_role("button", name="ส่งคำถาม").click()
    question_code = citizen.locator("[data-tracking-code]").inner_text()

    staff = sign_in("requester")
    staff.open("/backoffice/participation/?queue=question")
    staff.get_by_role("link", name="ถ.1/2569").click()
    staff.get_by_label("คำตอบถึงผู้แจ้ง").fill("ติดต่อโรงพยาบาลส่งเสริมสุขภาพตำบลใกล้บ้าน พร้อมบัตรประชาชน")
    staff.get_by_role("button", name="ส่งคำตอบ").click()
    staff.get_by_label("คำถามที่จะแสดง").fill("ขอใบรับรองแพทย์ได้ที่ไหน")
    staff.get_by_role("button", name="เผยแพร่ในคำถามที่พบบ่อย").click()
    assert "เผยแพร่ในคำถามที่พบบ่อยแล้ว" in staff.locator("main").inner_text()

    assert "ติดต่อโรงพยาบาลส่งเสริมสุขภาพตำบล" in _check_status(citizen, question_code)
    for viewport in (PHONE, DESKTOP):
        reader = open_page(viewport)
        reader.open("/participation/faq/")
        reader.get_by_label("ค้นหาคำถาม", exact=True).fill("รับรองแพทย์")
        reader.get_by_role("button", name="ค้นหา", exact=True).last.click()
        assert "ขอใบรับรองแพทย์ได้ที่ไหน" in reader.locator("main").inner_text()
        reader.assert_accessible()
        reader.screenshot_as(f"participation-faq-{viewport['width']}")
        reader.assert_no_console_errors()


def test_every_public_participation_page_is_accessible_at_both_widths(open_page, office):
    desktop = open_page(DESKTOP)
    desktop.open("/participation/feedback/")
    desktop.get_by_label("ความคิดเห็นหรือข้อเสนอแนะ").fill("ขอบคุณเจ้าหน้าที่ที่ช่วยเหลือ")
    desktop.get_by_role("button", name="ส่งความคิดเห็น").click()
    code = desktop.locator("[data-tracking-code]").inner_text()
    desktop.assert_accessible()  # the code page on a desktop, with its short survey
    desktop.get_by_label("5 มากที่สุด").check()
    desktop.get_by_role("button", name="ส่งแบบประเมิน").click()
    assert "ขอบคุณที่ตอบแบบสำรวจ" in desktop.locator("main").inner_text()
    _check_status(desktop, code)
    desktop.assert_accessible()
    for viewport in (PHONE, DESKTOP):
        page = open_page(viewport)
        for path in ("/participation/", "/participation/complaint/service/", "/participation/complaint/corruption/",
                     "/participation/feedback/", "/participation/question/", "/participation/status/",
                     "/participation/faq/", "/participation/satisfaction/?page=/contact/", "/en/participation/"):  # fmt: skip
            assert page.open(path).status == 200, path
            page.assert_accessible()
            assert_fits(page, viewport)
        page.screenshot_as(f"participation-survey-{viewport['width']}")
        page.assert_no_console_errors()


def test_status_lookups_over_the_limit_answer_429_in_thai(open_page, office):
    from khaosan.participation.ratelimit import LOOKUP

    citizen = open_page(PHONE)
    citizen.open("/participation/status/")
    statuses = []
    for _ in range(LOOKUP.hard + 1):
        citizen.get_by_label("รหัสติดตาม").fill("ZZZZ-ZZZZ-ZZZZ")
        with citizen.expect_response(lambda r: r.request.method == "POST") as answer:
            citizen.get_by_role("button", name="ดูสถานะ").click()
        statuses.append(answer.value.status)
        if len(statuses) == LOOKUP.soft + 1:
            assert "โปรดตอบคำถามท้ายแบบฟอร์ม" in citizen.locator("main").inner_text()  # the challenge, still a form
            citizen.assert_accessible()
        if "ส่งบ่อยเกินไป" in citizen.locator("main").inner_text():
            break
    assert statuses == [200] * LOOKUP.soft + [429] * (LOOKUP.hard - LOOKUP.soft + 1)
    assert "โปรดรอประมาณ" in citizen.locator("main").inner_text()
    citizen.assert_accessible()
    citizen.screenshot_as("participation-429-phone")


def test_back_office_participation_screens_are_accessible_at_both_widths(sign_in, office, people, handlers, clock):
    from tests.participation.conftest import complaint

    case, _code = complaint(office)
    services.satisfaction_give(office=office, score=4)
    for viewport in (PHONE, DESKTOP):
        staff = sign_in("requester", viewport)
        for path in ("/backoffice/participation/", f"/backoffice/participation/complaint/{case.pk}/",
                     "/backoffice/participation/summaries/?kind=quarter&fiscal_year=2569&number=3",
                     "/backoffice/participation/satisfaction/"):  # fmt: skip
            assert staff.open(path).status == 200, path
            staff.assert_accessible()
            assert_fits(staff, viewport)
        staff.screenshot_as(f"participation-satisfaction-{viewport['width']}")
        staff.assert_no_console_errors()
        clock.advance(seconds=31)  # a fresh one-time code for the administrator's second sign-in
        admin = sign_in("admin", viewport)
        assert admin.open("/backoffice/participation/settings/").status == 200
        admin.assert_accessible()
        assert_fits(admin, viewport)
        admin.screenshot_as(f"participation-settings-{viewport['width']}")
