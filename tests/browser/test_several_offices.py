"""A person of two offices switches between them in the header; the provincial view and the members' list."""

import pytest
from django.contrib.auth.models import Group

from khaosan.compliance.models import ComplianceSnapshot
from khaosan.org.models import Membership, Office
from khaosan.org.roles import Role
from tests.browser.conftest import DESKTOP, PHONE


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_administrator_switches_to_the_province_and_reads_its_offices(sign_in, office, people, clock, viewport):
    province = Office.objects.create(slug="province", name_th="สำนักงานสาธารณสุขจังหวัดน่าน", address="น่าน")
    office.parent = province
    office.save()
    Office.objects.create(slug="neighbour", name_th="สำนักงานสาธารณสุขอำเภอท่าวังผา", address="น่าน", parent=province)
    ComplianceSnapshot.objects.create(office=office, date=clock.today, score="81.0", counts={"current": 40, "stale": 3})
    membership = Membership.objects.create(staff=people["admin"], office=province)
    membership.roles.set([Group.objects.get_or_create(name=Role.COMMITTEE)[0]])

    page = sign_in("admin", viewport)
    page.assert_accessible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.get_by_label("สำนักงานที่ทำงาน").select_option(label="สำนักงานสาธารณสุขจังหวัดน่าน")
    page.get_by_role("button", name="เปลี่ยน").click()
    assert "ขณะนี้ท่านทำงานในนาม สำนักงานสาธารณสุขจังหวัดน่าน" in page.locator("main").inner_text()
    if viewport is PHONE:
        page.get_by_role("button", name="☰ เมนู").click()
    page.get_by_role("link", name="สำนักงานในสังกัด").click()
    table = page.locator("table[data-province]").inner_text()
    assert office.name_th in table and "81.0" in table and "สำนักงานสาธารณสุขอำเภอท่าวังผา" in table
    page.assert_accessible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.screenshot(path=f"/tmp/province-{viewport['width']}.png", full_page=True)

    page.get_by_label("สำนักงานที่ทำงาน").select_option(label=office.name_th)
    page.get_by_role("button", name="เปลี่ยน").click()
    assert page.open("/backoffice/staff/").status == 200
    page.assert_accessible()
    assert page.open("/backoffice/staff/members/").status == 200
    page.get_by_label("ชื่อผู้ใช้ของบุคคลนั้น").fill("nobody")
    page.get_by_label("อีเมลของบุคคลนั้น").fill("nobody@example.go.th")
    page.get_by_role("button", name="ให้สิทธิ์").click()
    assert "ไม่พบบัญชีที่ใช้งานอยู่" in page.locator("main").inner_text()
    assert page.get_by_label("ชื่อผู้ใช้ของบุคคลนั้น").input_value() == "nobody"
    page.assert_accessible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.screenshot(path=f"/tmp/membership-{viewport['width']}.png", full_page=True)
    page.assert_no_console_errors()
