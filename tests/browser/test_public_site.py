"""A citizen on a phone and on a desktop: home, category, item, search and the official information centre."""

import datetime as dt

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from tests.conftest import jpeg_bytes, pdf_bytes, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(office, publish, clock):
    """A small but complete public site."""
    from khaosan.catalog.services import item_withdraw

    admin = office.units.get(code="admin")
    plan = publish(
        "annual-plan",
        "แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2569",
        summary="แผนงาน โครงการ และงบประมาณของสำนักงานสาธารณสุขอำเภอบ้านหลวง",
        body="<p>แผนนี้ครอบคลุมการส่งเสริมสุขภาพ การป้องกันโรค และการพัฒนาระบบบริการ</p>",
        owner_unit=admin,
        source="กลุ่มงานบริหารทั่วไป",
        data_from=dt.date(2025, 10, 1),
        data_to=dt.date(2026, 9, 30),
        files=[upload("แผนปฏิบัติราชการ2569.pdf", pdf_bytes(pages=3))],
    )
    photo = publish(
        "activity-photos",
        "ออกหน่วยฉีดวัคซีนไข้หวัดใหญ่ให้ผู้สูงอายุ ตำบลป่าคาหลวง",
        summary="บริการฉีดวัคซีนให้ผู้สูงอายุ 120 คน",
        files=[upload("vaccine.jpg", jpeg_bytes((1200, 800)))],
    )
    photo.attachments.update(alt_text="พยาบาลฉีดวัคซีนให้ผู้สูงอายุ")
    publish("job-announcements", "ประกาศรับสมัครลูกจ้างชั่วคราวตำแหน่งพนักงานขับรถยนต์",
            files=[upload("ประกาศ.pdf", pdf_bytes())])  # fmt: skip
    publish("structure", "โครงสร้างสำนักงานสาธารณสุขอำเภอบ้านหลวง")
    now = clock.now
    gone = publish("general-news", "ข่าวที่ถอนแล้ว")
    item_withdraw(item=gone, reason="ข้อมูลคลาดเคลื่อน")
    publish("general-news", "ข่าวหมดอายุ", at=now - dt.timedelta(days=5), expire_at=now - dt.timedelta(days=1))
    return {"plan": plan, "photo": photo, "gone": gone}


PAGES = {
    "home": "/",
    "category": "/c/general/",
    "topic": "/c/news/job-announcements/",
    "search": "/search/?q=วัคซีน",
    "oic": "/official-information/",
    "contact": "/contact/",
    "data catalog": "/data/",
}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_types_are_accessible_and_clean(open_page, site, name, viewport):
    page = open_page(viewport)
    assert page.open(PAGES[name]).status == 200
    page.screenshot_as(f"{name}-{viewport['width']}")
    page.assert_accessible()
    page.assert_no_console_errors()
    # Nothing wider than the screen: no sideways scrolling on a 360 px phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_item_pages_are_accessible(open_page, site, viewport):
    page = open_page(viewport)
    for key in ("plan", "photo"):
        assert page.open(site[key].get_absolute_url()).status == 200
        page.assert_accessible()
        page.screenshot_as(f"item-{key}-{viewport['width']}")
    response = page.open(site["gone"].get_absolute_url())
    assert response.status == 410
    assert page.get_by_role("heading", level=1).inner_text() == "รายการนี้ไม่ได้เผยแพร่แล้ว"
    page.assert_accessible()
    page.assert_no_console_errors(allow=["status of 410"])


def test_citizen_finds_a_plan_from_the_home_page_and_opens_its_pdf(open_page, site):
    page = open_page(PHONE)
    page.open("/")
    page.get_by_role("button", name="เมนู").click()
    page.get_by_role("link", name="เกี่ยวกับเรา").click()
    page.get_by_role("link", name="แผนงาน โครงการ และงบประมาณรายจ่ายประจำปี").click()
    page.get_by_role("link", name="แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2569").first.click()
    provenance = page.locator(".provenance").first.inner_text()
    assert "กลุ่มงานบริหารทั่วไป" in provenance and "1 ต.ค. 2568 – 30 ก.ย. 2569" in provenance
    files = page.locator(".files").inner_text()
    assert "PDF ·" in files and "3 หน้า" in files
    with page.expect_download() as download:
        page.get_by_role("link", name="ดาวน์โหลด").first.click()
    assert download.value.suggested_filename == "แผนปฏิบัติราชการ2569.pdf"


def test_search_finds_a_word_inside_a_thai_compound_and_marks_it(open_page, site):
    page = open_page(DESKTOP)
    page.open("/")
    page.get_by_label("ค้นหาในเว็บไซต์").fill("ชั่วคราว")
    page.get_by_label("ค้นหาในเว็บไซต์").press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert "พบ 1 รายการ" in page.get_by_role("status").inner_text()
    assert page.locator("mark").first.inner_text() == "ชั่วคราว"
    page.get_by_label("คำค้น").fill("' OR 1=1 --")
    page.get_by_role("button", name="ค้นหา").last.click()
    assert "ไม่พบรายการ" in page.locator("main").inner_text()
    page.assert_no_console_errors()


def test_keyboard_user_can_skip_to_the_content(open_page, site):
    page = open_page(DESKTOP)
    page.open("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="ข้ามไปยังเนื้อหาหลัก")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_the_english_switch_translates_the_interface(open_page, site):
    page = open_page(DESKTOP)
    page.open("/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.assert_accessible()


def test_a_pdf_opens_in_the_browser_under_its_strict_headers(open_page, site):
    page = open_page(DESKTOP)
    page.open(site["plan"].get_absolute_url())
    page.get_by_role("link", name="เปิดดู").first.click()
    page.wait_for_load_state()
    assert page.evaluate("document.contentType") == "application/pdf"
