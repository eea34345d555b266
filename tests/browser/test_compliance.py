"""The compliance dashboard in a real browser: readable and accessible on a phone and a desktop."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_web_master_reads_the_dashboard_and_asks_for_a_missing_topic(sign_in, publish, people, viewport):
    from khaosan.audit.services import housekeeping_run

    publish("history", "ประวัติความเป็นมาของสำนักงาน")
    housekeeping_run()
    page = sign_in("webmaster", viewport)
    assert page.open("/backoffice/compliance/").status == 200
    main = page.locator("main")
    assert "คะแนนความครบถ้วน" in main.inner_text() and "ตรวจระดับสำนักงาน" in main.inner_text()
    assert page.locator('[data-topic="history"]').get_attribute("data-state") == "current"
    page.assert_accessible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.locator('[data-topic="procurement-summary"]').get_by_role("button", name="แจ้งหน่วยงาน").click()
    assert "คนในหน่วยงานที่รับผิดชอบแล้ว" in page.locator("main").inner_text()
    page.locator('[data-topic="strategy"]').get_by_role("link", name="ยื่นคำขอหัวข้อนี้").click()
    assert "/backoffice/requests/new/" in page.url
    page.assert_no_console_errors()
    page.screenshot_as(f"compliance-{viewport['width']}")
