"""The performance report page and the training form in a real browser, on a phone and a desktop, with axe."""

import re

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.conftest import DESKTOP, PHONE
from tests.conftest import PASSWORD
from tests.reports.conftest import _the_suites_usual_day, at, fy2569, staff  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sign_in(open_page, staff):
    """sign_in(role, viewport) → a Page of that person, signed in (with the second factor where required)."""
    for role in ("reviewer", "approver", "webmaster", "webmaster2", "admin"):
        TOTPDevice.objects.get_or_create(user=staff[role], name="authenticator", defaults={"confirmed": True})

    def make(role, viewport=DESKTOP):
        person = staff[role]
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


def menu_link(page, name):
    """A link of the back-office menu, opening the menu first where it is folded away (a phone)."""
    button = page.get_by_role("button", name="☰ เมนู")
    if button.is_visible():
        button.click()
    return page.locator("#bo-menu").get_by_role("link", name=name, exact=True)


def charts_drawn(page):
    """How many chart images the browser loaded and drew (an SVG blocked or broken has no natural width)."""
    return page.evaluate(
        "() => [...document.querySelectorAll('figure.chart img')].filter(i => i.naturalWidth > 0).length"
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_report_page_shows_the_numbers_and_charts_and_takes_section_six(sign_in, fy2569, viewport):
    page = sign_in("webmaster", viewport)
    menu_link(page, "รายงานผลการดำเนินงาน").click()
    page.assert_accessible()
    page.get_by_role("link", name="ปีงบประมาณ 2569").first.click()
    main = page.locator("main").inner_text()
    assert "รายงานผลการดำเนินงาน ปีงบประมาณ 2569" in main and "มัธยฐาน 1 วันทำการ" in main
    assert charts_drawn(page) == 3
    # Measured once the page's own fonts are in: under load the fallback font can lay a line out wider first.
    width = page.evaluate("async () => { await document.fonts.ready; return document.documentElement.scrollWidth; }")
    if width > viewport["width"]:
        wide = page.evaluate(
            "() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > "
            "innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.textContent.slice(0, 40))"
        )
        raise AssertionError(f"the page scrolls sideways ({width} px): {wide}")
    page.get_by_role("textbox", name="ปัญหาและอุปสรรค").fill("1. บุคลากรมีภาระงานมาก")
    page.get_by_role("textbox", name="ข้อเสนอแนะ").fill("จัดอบรมเพิ่ม")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    assert "บันทึกส่วนปัญหาและอุปสรรคแล้ว" in page.locator("main").inner_text()
    assert "1. บุคลากรมีภาระงานมาก" in page.locator("#section-6").locator("..").inner_text()
    page.assert_accessible()
    page.assert_no_console_errors()
    page.screenshot_as(f"report-year-{viewport['width']}")
    with page.expect_download() as download:
        page.get_by_role("link", name="ดาวน์โหลด Excel (ตารางข้อมูล)").click()
    assert download.value.suggested_filename.endswith("2569.xlsx")


def test_the_head_acknowledges_an_ended_quarter(sign_in, fy2569):
    webmaster = sign_in("webmaster", PHONE)
    webmaster.open("/backoffice/reports/performance/2569-q2/")
    webmaster.get_by_role("textbox", name="ปัญหาและอุปสรรค").fill("ระบบเดิมล่าช้า")
    webmaster.get_by_role("button", name="บันทึก", exact=True).click()
    approver = sign_in("approver", PHONE)
    approver.open("/backoffice/reports/performance/2569-q2/")
    approver.assert_accessible()
    approver.get_by_role("button", name="รับทราบรายงาน").click()
    main = approver.locator("main").inner_text()
    assert "รับทราบรายงานแล้ว" in main and "ผู้บริหารรับทราบแล้ว" in main
    approver.assert_accessible()
    approver.screenshot_as("report-acknowledged-360")
    approver.assert_no_console_errors()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_training_form_keeps_what_was_typed_and_says_what_to_fix(sign_in, staff, clock, viewport, tmp_path):
    from khaosan.reports.models import Training

    clock.move_to(at("2026-06-17 10:00"))  # `staff` joined in September 2025; the training is of June 2026
    page = sign_in("requester", viewport)
    menu_link(page, "การฝึกอบรมของฉัน").click()
    page.assert_accessible()
    page.get_by_role("link", name="บันทึกการฝึกอบรม").click()
    page.get_by_label("การแลกเปลี่ยนเรียนรู้ (KM)").check()
    page.get_by_label("หลักสูตรหรือหัวข้อ").fill("แลกเปลี่ยนเรียนรู้การดูแลเว็บไซต์")
    page.get_by_label("ผู้จัด", exact=True).fill("สสอ.บ้านหลวง")
    page.get_by_label("วันที่เริ่ม").fill("2026-06-10")
    page.get_by_label("วันที่สิ้นสุด").fill("2026-06-09")
    page.get_by_label("จำนวนชั่วโมง").fill("3")
    page.get_by_label("การบริหารจัดการเว็บไซต์", exact=True).check()
    page.get_by_role("button", name="บันทึก", exact=True).click()
    main = page.locator("main").inner_text()
    assert "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม โปรดตรวจสอบวันที่อีกครั้ง" in main
    assert page.get_by_label("หลักสูตรหรือหัวข้อ").input_value() == "แลกเปลี่ยนเรียนรู้การดูแลเว็บไซต์"
    assert page.get_by_label("การบริหารจัดการเว็บไซต์", exact=True).is_checked()
    page.assert_accessible()
    page.screenshot_as(f"training-form-error-{viewport['width']}")
    page.get_by_label("วันที่สิ้นสุด").fill("2026-06-10")
    certificate = tmp_path / "หลักฐาน.pdf"
    from tests.conftest import pdf_bytes

    certificate.write_bytes(pdf_bytes())
    page.get_by_label("ไฟล์วุฒิบัตรหรือหลักฐาน (ถ้ามี)").set_input_files(str(certificate))
    page.get_by_role("button", name="บันทึก", exact=True).click()
    assert "บันทึกการฝึกอบรม “แลกเปลี่ยนเรียนรู้การดูแลเว็บไซต์”" in page.locator("main").inner_text()
    training = Training.objects.get()
    assert training.kind == "km" and training.on_website and training.certificate_name == "หลักฐาน.pdf"
    page.assert_accessible()
    page.screenshot_as(f"my-trainings-{viewport['width']}")
    page.assert_no_console_errors()


def test_the_office_list_of_trainings_on_a_phone(sign_in, fy2569):
    page = sign_in("admin", PHONE)
    page.open("/backoffice/reports/trainings/?fy=2569")
    main = page.locator("main").inner_text()
    assert "Cyber Security สำหรับหน่วยงานสาธารณสุข" in main and "อบรมของปีงบประมาณก่อน" not in main
    page.assert_accessible()
    page.screenshot_as("trainings-office-360")
    page.assert_no_console_errors()
