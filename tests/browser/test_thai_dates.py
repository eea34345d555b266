"""Thai staff type Buddhist-era dates the ways they write them, and the right Common-Era date is stored (issue 11).

Before, the request form's date fields were the browser's Gregorian picker: 01/10/2569 was taken as the year
2569 C.E. and shown as "1 ต.ค. 3112". Now the same fields take ๑/๑๐/๒๕๖๙, 1/10/2569, 1 ต.ค. 69 and 2026-10-01,
say back in words which date they understood before anything is saved, and refuse a year that fits no era
with a Thai error that keeps what was typed.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.browser.conftest import PHONE
from tests.workflow.conftest import approve_all, submitted_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BANGKOK = ZoneInfo("Asia/Bangkok")
IMPOSSIBLE = "1/10/3112"  # 2569 typed into a Gregorian picker, shown back as B.E.


def understood(page, label):
    """The line under a Thai date field that says (as the person types) which date the server understood."""
    field = page.get_by_label(label, exact=True)
    return page.locator(f"output[data-understood-for='{field.get_attribute('id')}']")


def type_date(page, label, text, expect):
    field = page.get_by_label(label, exact=True)
    field.fill(text)
    field.dispatch_event("input")
    line = understood(page, label)
    line.filter(has_text=expect).wait_for()  # the enhancement asks the server's parser; no JavaScript needed to save


def test_the_request_form_takes_buddhist_era_dates_as_thai_staff_type_them(sign_in, office, people):
    from khaosan.workflow import services

    pub_request = services.request_create(office=office, actor=people["requester"], title="แผนปฏิบัติการประจำปี")
    for viewport in (PHONE, None):
        page = sign_in("requester", viewport) if viewport else sign_in("requester")
        page.open(f"/backoffice/requests/{pub_request.pk}/edit/when/")
        type_date(page, "ข้อมูลตั้งแต่วันที่", "๑/๑๐/๒๕๖๙", "1 ตุลาคม 2569")
        type_date(page, "ข้อมูลถึงวันที่", "1/10/2569", "1 ตุลาคม 2569")
        type_date(page, "ต้องการให้เผยแพร่ตั้งแต่วันที่", "1 ต.ค. 69", "1 ตุลาคม 2569")
        type_date(page, "ต้องการให้เผยแพร่ถึงวันที่ (เว้นว่างถ้าไม่มีกำหนด)", "2026-10-31", "31 ตุลาคม 2569")
        page.assert_accessible()
        page.get_by_role("button", name="บันทึกร่าง").click()
        page.get_by_text("บันทึกร่างแล้ว").wait_for()
        pub_request.refresh_from_db()
        assert (pub_request.data_from, pub_request.data_to) == (dt.date(2026, 10, 1), dt.date(2026, 10, 1))
        assert (pub_request.wish_from, pub_request.wish_until) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
        # Saved dates come back as the office writes them: day/month/Buddhist-era year, and in words.
        assert page.get_by_label("ข้อมูลตั้งแต่วันที่", exact=True).input_value() == "1/10/2569"
        assert "1 ตุลาคม 2569" in understood(page, "ข้อมูลตั้งแต่วันที่").inner_text()
        page.assert_no_console_errors()
        if viewport:
            page.screenshot_as("thai-dates-request-phone")


def test_an_impossible_year_gets_the_thai_error_and_keeps_what_was_typed(sign_in, office, people):
    from khaosan.workflow import services

    pub_request = services.request_create(office=office, actor=people["requester"], title="แผนปฏิบัติการประจำปี")
    page = sign_in("requester")
    page.open(f"/backoffice/requests/{pub_request.pk}/edit/when/")
    field = page.get_by_label("ข้อมูลตั้งแต่วันที่", exact=True)
    field.fill(IMPOSSIBLE)
    field.dispatch_event("input")
    understood(page, "ข้อมูลตั้งแต่วันที่").filter(has_text="ปี 3112").wait_for()  # said while typing, too
    page.get_by_role("button", name="บันทึกร่าง").click()
    main = page.locator("main").inner_text()
    assert "ปี 3112 ไม่น่าจะถูกต้องสำหรับช่องนี้" in main
    assert "หมายถึง 1 ตุลาคม 2569 หรือไม่ ถ้าใช่ โปรดพิมพ์ 1/10/2569" in main
    assert page.get_by_label("ข้อมูลตั้งแต่วันที่", exact=True).input_value() == IMPOSSIBLE
    pub_request.refresh_from_db()
    assert pub_request.data_from is None
    page.assert_accessible()
    page.screenshot_as("thai-dates-request-error")


def test_the_publish_form_takes_buddhist_era_date_times(sign_in, office, people, clock):
    from khaosan.workflow.models import PublicationRequest

    pub_request = approve_all(submitted_request(office, people["requester"]), people)
    webmaster = sign_in("webmaster")
    webmaster.open(pub_request.get_absolute_url())
    webmaster.get_by_role("button", name="รับงานและเผยแพร่").click()
    publish_at = "วันเวลาที่เผยแพร่ (เว้นว่าง = เผยแพร่ทันที; ไม่ระบุเวลา = 08:30 น.)"
    expire_at = "วันเวลาที่นำออก (เว้นว่าง = ไม่มีกำหนด; ไม่ระบุเวลา = สิ้นวัน 23:59 น.)"

    # An impossible year first: the Thai error, and the form keeps what was typed.
    webmaster.get_by_label(publish_at, exact=True).fill(f"{IMPOSSIBLE} 08:30")
    webmaster.get_by_label(expire_at, exact=True).fill("1 ต.ค. 69")
    webmaster.get_by_role("button", name="เผยแพร่", exact=True).click()
    main = webmaster.locator("main").inner_text()
    assert "ปี 3112 ไม่น่าจะถูกต้องสำหรับช่องนี้" in main
    assert webmaster.get_by_label(publish_at, exact=True).input_value() == f"{IMPOSSIBLE} 08:30"
    assert webmaster.get_by_label(expire_at, exact=True).input_value() == "1 ต.ค. 69"
    assert PublicationRequest.objects.get(pk=pub_request.pk).item_id is None
    webmaster.assert_accessible()

    type_date(webmaster, publish_at, "๑/๑๐/๒๕๖๙ ๐๘:๓๐", "1 ตุลาคม 2569 เวลา 08:30 น.")
    type_date(webmaster, expire_at, "2026-10-31", "31 ตุลาคม 2569")
    webmaster.assert_accessible()
    checked = webmaster.get_by_label("ข้าพเจ้าเปิดตรวจส่วนที่ระบบตรวจอัตโนมัติไม่ได้ด้วยตนเองแล้ว", exact=False)
    if checked.count():
        checked.check()
    webmaster.get_by_role("button", name="เผยแพร่", exact=True).click()
    webmaster.get_by_text("เผยแพร่แล้ว").first.wait_for()
    item = PublicationRequest.objects.get(pk=pub_request.pk).item
    assert item.publish_at == dt.datetime(2026, 10, 1, 8, 30, tzinfo=BANGKOK)  # stored as the instant, C.E.
    assert item.expire_at == dt.datetime(2026, 10, 31, 23, 59, tzinfo=BANGKOK)
    webmaster.assert_no_console_errors()
    webmaster.screenshot_as("thai-dates-published")
