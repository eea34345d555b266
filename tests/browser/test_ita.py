"""A citizen and an auditor on a phone and on a desktop: the ITA index and one fiscal year's evidence."""

import datetime as dt

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from tests.compliance.conftest import ITA_NOW, month, published_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def evidence(office, people, publish, clock):
    clock.move_to(ITA_NOW)
    for number in (10, 11, 12):
        publish("procurement-summary", f"สรุปผลการจัดซื้อจัดจ้างประจำเดือน {number}/2568 (แบบ สขร.1)", **month(2025, number))
    publish("executives", "ทำเนียบผู้บริหารสำนักงานสาธารณสุขอำเภอบ้านหลวง")
    published_request(office, people, "รายงานผลการจัดซื้อจัดจ้างตามแผน ไตรมาส 2/2569", "procurement-progress",
                      data_from=dt.date(2026, 1, 1), data_to=dt.date(2026, 3, 31))  # fmt: skip


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", ["/ita/", "/ita/2569/", "/en/ita/2569/"], ids=["index", "year", "year-en"])
def test_ita_pages_are_accessible_and_fit_the_screen(open_page, evidence, path, viewport):
    page = open_page(viewport)
    assert page.open(path).status == 200
    page.screenshot_as(f"ita-{path.strip('/').replace('/', '-')}-{viewport['width']}")
    page.assert_accessible()
    page.assert_no_console_errors()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_the_jump_links_reach_each_moit_item(open_page, evidence):
    page = open_page(PHONE)
    page.open("/ita/2569/")
    page.get_by_role("link", name="MOIT5", exact=False).first.click()
    assert page.evaluate("location.hash") == "#moit5"
    assert page.locator("#moit5").is_visible()
    assert page.locator("#moit5").get_by_text("ยังไม่มี").count() == 3  # quarters 2, 3 and 4 say so; none is blank


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_back_office_view_of_missing_evidence_is_accessible(sign_in, evidence, viewport):
    page = sign_in("committee", viewport)
    if page.locator(".nav-button").is_visible():  # on a phone the menu opens first
        page.locator(".nav-button").click()
    page.get_by_role("link", name="หลักฐาน ITA").first.click()
    page.wait_for_url("**/backoffice/ita/")
    page.screenshot_as(f"ita-backoffice-{viewport['width']}")
    # October to December have their 3 สขร.1; quarter 2 is overdue and quarter 3 (June 2026) is due.
    assert page.get_by_text("ขาด 3 จาก 3 ลิงก์ ไตรมาส 2/2569 (เลยกำหนดแล้ว)").count() == 2  # MOIT2 17.5 and MOIT5
    page.assert_accessible()
    page.assert_no_console_errors()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
