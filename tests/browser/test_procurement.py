"""A month of สขร.1 typed by the procurement officer on a phone, sent through the chain and downloaded by a visitor."""

import datetime as dt
import io
import re
import unicodedata

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.browser.conftest import DESKTOP, PHONE
from tests.conftest import PASSWORD, make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _june_2569(clock):
    """Written for Wednesday 17 June 2569: May is over and reported, June is under way."""
    clock.move_to("2026-06-17T10:00:00")


@pytest.fixture
def officer(office, people):
    return make_person(office, "kanokwan", unit_code="procurement", first_name="นางกนกวรรณ", last_name="ศรีเมือง",
                       position="เจ้าพนักงานพัสดุชำนาญงาน")  # fmt: skip


@pytest.fixture
def sign_in(open_page, people, officer):
    """sign_in(person, viewport) → a Page of that person, signed in (with the second factor where required)."""
    for role in ("reviewer", "approver", "webmaster"):
        TOTPDevice.objects.get_or_create(user=people[role], name="authenticator", defaults={"confirmed": True})

    def make(person, viewport=DESKTOP):
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


def fill_entry(page, index, *, work, kind, budget, reference, method, agreed, reason, contract, day, egp=""):
    prefix = f"entry-{index}"
    page.locator(f'[name="{prefix}-work"]').fill(work)
    page.locator(f'[name="{prefix}-budget_kind"]').select_option(label=kind)
    page.locator(f'[name="{prefix}-budget"]').fill(budget)
    page.locator(f'[name="{prefix}-reference_price"]').fill(reference)
    page.locator(f'[name="{prefix}-method"]').select_option(label=method)
    page.locator(f'[name="{prefix}-agreed_price"]').fill(agreed)
    page.locator(f'[name="{prefix}-reason"]').fill(reason)
    page.locator(f'[name="{prefix}-contract_number"]').fill(contract)
    page.locator(f'[name="{prefix}-contract_date"]').fill(day)
    page.locator(f'[name="{prefix}-egp_number"]').fill(egp)


def fill_bid(page, entry, bid, *, vendor, price, tax_id="", selected=False):
    prefix = f"entry-{entry}-bid-{bid}"
    page.locator(f'[name="{prefix}-vendor"]').fill(vendor)
    page.locator(f'[name="{prefix}-price"]').fill(price)
    page.locator(f'[name="{prefix}-tax_id"]').fill(tax_id)
    if selected:
        page.locator(f'[name="{prefix}-selected"]').check()


def approve_and_publish(sign_in, people, request_url):
    for role in ("reviewer", "approver"):
        page = sign_in(people[role])
        page.open(request_url)
        page.get_by_role("radio", name="อนุมัติ", exact=True).check()
        page.get_by_role("button", name="บันทึกผลการพิจารณา").click()
        page.wait_for_load_state()
    webmaster = sign_in(people["webmaster"])
    webmaster.open(request_url)
    webmaster.get_by_role("button", name="รับงานและเผยแพร่").click()
    text = webmaster.locator("main").inner_text()
    assert "ตรวจครบทุกข้อความและไฟล์แล้ว ไม่พบ" in text  # the generated files are read in full and hold no personal data
    webmaster.get_by_role("button", name="เผยแพร่", exact=True).click()
    assert "เผยแพร่แล้ว" in webmaster.locator("main").inner_text()
    webmaster.assert_no_console_errors()


def download(visitor, row, extension):
    """Follow the row's download link as a visitor does, and return the file's bytes."""
    link = row.locator(f"a:has(.file-type.{extension})")
    if extension == "xlsx":
        with visitor.expect_download() as started:
            link.click()
        return open(started.value.path(), "rb").read()
    response = visitor.context.request.get(visitor.base_url + link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    return response.body()


def pdf_text(content):
    return re.sub(
        r"\s+",
        "",
        unicodedata.normalize("NFKC", "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)),
    )


def thai(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_a_month_with_two_procurements_goes_from_the_officer_to_a_visitors_download(
    sign_in, open_page, officer, people
):
    from khaosan.procurement.models import ProcurementSummary

    page = sign_in(officer, PHONE)
    page.get_by_role("button", name="☰ เมนู").click()
    page.get_by_role("link", name="จัดซื้อจัดจ้าง (สขร.1)").click()
    page.get_by_role("link", name="พฤษภาคม 2569").click()
    page.assert_accessible()
    fill_entry(page, 0, work="ซื้อวัสดุสำนักงาน (กระดาษ A4 และแฟ้มเอกสาร)", kind="งบดำเนินงาน", budget="12,500",
               reference="12500", method="เฉพาะเจาะจง", agreed="12,000.00",
               reason="เป็นผู้มีอาชีพขายโดยตรง และเสนอราคาไม่เกินวงเงินงบประมาณ", contract="ใบสั่งซื้อเลขที่ 21/2569",
               day="2026-05-08")  # fmt: skip
    fill_bid(page, 0, 0, vendor="ห้างหุ้นส่วนจำกัดบ้านหลวงพาณิชย์", price="12000", tax_id="0-5535-50000-12-5", selected=True)
    page.get_by_role("button", name="เพิ่มรายการจัดซื้อจัดจ้าง").click()
    assert page.locator('[name="entry-0-budget"]').input_value() == "12,500"  # what was typed is still there
    fill_entry(page, 1, work="จ้างซ่อมบำรุงรถยนต์ราชการ", kind="งบดำเนินงาน", budget="1,250,000", reference="1,248,000.50",
               method="ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", agreed="1,195,000", reason="เสนอราคาต่ำสุด",
               contract="สัญญาเลขที่ 3/2569", day="2026-05-28", egp="69059012345")  # fmt: skip
    fill_bid(page, 1, 0, vendor="บริษัท น่านยนตรการ จำกัด", price="1,195,000", tax_id="0105536000313", selected=True)
    page.get_by_role("button", name="เพิ่มผู้เสนอราคา (รายการที่ 2)").click()
    fill_bid(page, 1, 1, vendor="ห้างหุ้นส่วนจำกัดอู่ช่างเอก", price="1,230,500.75", tax_id="0105536000314")  # a typo
    page.get_by_role("button", name="บันทึก").first.click()
    assert "ยังบันทึกไม่ได้" in page.locator("main").inner_text()
    assert "หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ" in page.locator("#entry-2").inner_text()
    assert page.locator('[name="entry-1-bid-1-vendor"]').input_value() == "ห้างหุ้นส่วนจำกัดอู่ช่างเอก"
    page.assert_accessible()
    page.screenshot_as("procurement-month-errors-phone")
    page.locator('[name="entry-1-bid-1-tax_id"]').fill("")
    page.get_by_role("button", name="ส่งขออนุมัติเผยแพร่").click()
    assert "ส่งขออนุมัติเผยแพร่แล้ว" in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.assert_accessible()
    page.assert_no_console_errors()
    summary = ProcurementSummary.objects.get()
    assert summary.entries.count() == 2

    approve_and_publish(sign_in, people, summary.pub_request.get_absolute_url())

    visitor = open_page(PHONE)
    visitor.open("/")
    visitor.get_by_role("link", name="สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1)").click()
    visitor.assert_accessible()
    visitor.screenshot_as("procurement-public-list-phone")
    row = visitor.locator("tr", has_text="พฤษภาคม 2569").filter(has=visitor.locator("a.file-type, .file-type"))
    pdf, xlsx = download(visitor, row, "pdf"), download(visitor, row, "xlsx")
    text = pdf_text(pdf)
    for expected in ("แบบสขร.1", "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือนพฤษภาคม2569", "12,500.00", "1,248,000.50",
                     "ห้างหุ้นส่วนจำกัดอู่ช่างเอก1,230,500.75บาท", "บริษัทน่านยนตรการจำกัด", "1,195,000.00",
                     "สัญญาเลขที่3/2569ลงวันที่28พฤษภาคม2569", "ใบสั่งซื้อเลขที่21/2569ลงวันที่8พฤษภาคม2569"):  # fmt: skip
        assert thai(expected) in text, expected
    sheet = load_workbook(io.BytesIO(xlsx))["สขร.1"]
    first, second = ([cell.value for cell in sheet[n]] for n in (7, 8))
    assert first[:8] == [
        1,
        "ซื้อวัสดุสำนักงาน (กระดาษ A4 และแฟ้มเอกสาร)",
        12500,
        12500,
        "เฉพาะเจาะจง",
        "ห้างหุ้นส่วนจำกัดบ้านหลวงพาณิชย์ 12,000.00 บาท",
        "ห้างหุ้นส่วนจำกัดบ้านหลวงพาณิชย์",
        12000,
    ]
    assert first[9:11] == ["ใบสั่งซื้อเลขที่ 21/2569", dt.datetime(2026, 5, 8)]
    assert second[:5] == [2, "จ้างซ่อมบำรุงรถยนต์ราชการ", 1250000, 1248000.5, "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)"]
    assert second[6:8] == ["บริษัท น่านยนตรการ จำกัด", 1195000] and second[10:12] == [
        dt.datetime(2026, 5, 28),
        "69059012345",
    ]
    assert [[c.value for c in r] for r in load_workbook(io.BytesIO(xlsx))["ผู้เสนอราคา"].iter_rows(min_row=2)][-1][
        2:4
    ] == ["ห้างหุ้นส่วนจำกัดอู่ช่างเอก", 1230500.75]
    visitor.assert_no_console_errors()


def test_a_nil_month_goes_the_same_way(sign_in, open_page, officer, people):
    from khaosan.procurement.models import ProcurementSummary

    page = sign_in(officer)
    page.open("/backoffice/procurement/month/2026/4/")
    page.get_by_label("ไม่มีการจัดซื้อจัดจ้างในเดือนนี้").check()
    page.get_by_role("button", name="ส่งขออนุมัติเผยแพร่").click()
    assert "ส่งขออนุมัติเผยแพร่แล้ว" in page.locator("main").inner_text()
    page.assert_accessible()
    summary = ProcurementSummary.objects.get()
    assert summary.nil and not summary.entries.exists()

    approve_and_publish(sign_in, people, summary.pub_request.get_absolute_url())

    visitor = open_page(DESKTOP)
    visitor.open("/procurement/summaries/")
    row = visitor.locator("tr", has_text="เมษายน 2569")
    assert "ไม่มีการจัดซื้อจัดจ้าง" in row.inner_text()
    assert "ยังไม่ได้เผยแพร่" in visitor.locator("tr", has_text="มีนาคม 2569").inner_text()
    visitor.assert_accessible()
    visitor.screenshot_as("procurement-public-list-desktop")
    pdf, xlsx = download(visitor, row, "pdf"), download(visitor, row, "xlsx")
    assert thai("ไม่มีการจัดซื้อจัดจ้าง") in pdf_text(pdf) and thai("ในรอบเดือนเมษายน2569") in pdf_text(pdf)
    sheet = load_workbook(io.BytesIO(xlsx))["สขร.1"]
    assert (
        sheet["A2"].value == "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือนเมษายน 2569" and sheet["A7"].value == "ไม่มีการจัดซื้อจัดจ้าง"
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_procurement_screen_is_accessible(sign_in, open_page, officer, office, viewport, clock):
    from khaosan.procurement import services
    from tests.procurement.conftest import two_procurements

    services.summary_save(office=office, actor=officer, month=dt.date(2026, 5, 1), entries=two_procurements())
    services.summary_send(office=office, actor=officer, month=dt.date(2026, 5, 1))
    services.plan_save(office=office, actor=officer, fiscal_year_be=2569, allocation_date=dt.date(2025, 12, 2))
    page = sign_in(officer, viewport)
    name = "phone" if viewport is PHONE else "desktop"
    for path, shot in (("/backoffice/procurement/", "months"), ("/backoffice/procurement/month/2026/5/", "month-sent"),
                       ("/backoffice/procurement/month/2026/6/", "month-new"), ("/backoffice/procurement/plan/2569/", "plan"),
                       ("/backoffice/procurement/plan/2569/quarter/2/", "quarter")):  # fmt: skip
        assert page.open(path).status == 200, path
        page.assert_accessible()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
        page.screenshot_as(f"procurement-{shot}-{name}")
    page.assert_no_console_errors()
    visitor = open_page(viewport)
    visitor.open("/procurement/summaries/")
    visitor.assert_accessible()
    assert visitor.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
