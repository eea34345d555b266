"""The staff evaluation in real browsers, each person in their own: a whole round from opening to the signed form."""

import io
import re

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from pypdf import PdfReader

from khaosan.eservice.models import Appraisal
from tests.browser.conftest import DESKTOP, PHONE
from tests.conftest import PASSWORD, pdf_bytes
from tests.eservice.conftest import agreed, appraisal_of, assessed, line  # noqa: F401  (fixture)
from tests.workflow.test_documents import norm

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EVALUATION = "/backoffice/evaluation/"


@pytest.fixture
def sign_in(open_page, line):
    """sign_in(who, viewport) → a Page of that person, signed in from the public e-Service link."""
    for who in ("admin", "approver"):
        TOTPDevice.objects.get_or_create(user=line[who], name="authenticator", defaults={"confirmed": True})

    def make(who, viewport=DESKTOP):
        person = line[who]
        page = open_page(viewport)
        page.open(f"/backoffice/login/?next={EVALUATION}")
        page.get_by_label("ชื่อผู้ใช้").fill(person.username)
        page.get_by_label("รหัสผ่าน").fill(PASSWORD)
        page.get_by_role("button", name="เข้าสู่ระบบ").click()
        if "/2fa/verify/" in page.url:
            device = TOTPDevice.objects.get(user=person, confirmed=True)
            page.get_by_label("รหัสยืนยัน").fill(f"{TOTP(device.bin_key).token():06d}")
            page.get_by_role("button", name="ยืนยัน").click()
        page.wait_for_url(re.compile(rf".*{EVALUATION}$"))
        return page

    return make


def main_text(page):
    """The text of the page now (after a click, `expect(...).to_contain_text` waits for the next page instead)."""
    return page.locator("main").inner_text()


def choose(page, label, value):
    page.get_by_label(label, exact=True).select_option(str(value))


def test_a_whole_round_from_opening_to_the_signed_form(sign_in, open_page, line, tmp_path):
    # The public e-Service page describes the system and leads to the sign-in.
    visitor = open_page(PHONE)
    visitor.open("/e-service/evaluation/")
    visitor.assert_accessible()
    assert visitor.get_by_role("link", name="เข้าสู่ระบบการประเมิน (สำหรับเจ้าหน้าที่)").get_attribute("href") == (
        f"/backoffice/login/?next={EVALUATION}")  # fmt: skip

    # The administrator opens round 2 of fiscal year 2569.
    admin = sign_in("admin")
    admin.get_by_role("link", name="รอบการประเมินทั้งหมด").click()
    admin.get_by_label("ปีงบประมาณ (พ.ศ.)").fill("2569")
    admin.get_by_label("รอบการประเมิน").select_option("2")
    admin.assert_accessible()
    admin.get_by_role("button", name="เปิดรอบการประเมิน").click()
    expect(admin.locator("main")).to_contain_text("เปิดรอบที่ 2 ปีงบประมาณ 2569 แล้ว")
    admin.assert_accessible()

    # The staff member, on a phone, lands on the current round and makes the agreement.
    staff = sign_in("requester", PHONE)
    expect(staff.locator("main")).to_contain_text("รอบที่ 2 ปีงบประมาณ 2569")
    staff.get_by_role("link", name="เปิดการประเมินของฉัน").click()
    staff.get_by_role("link", name="แก้ไขข้อตกลง").click()
    staff.assert_accessible()
    first, second = staff.locator("fieldset").nth(0), staff.locator("fieldset").nth(1)
    first.get_by_label("ตัวชี้วัด / ผลงานที่คาดหวัง").fill("ร้อยละของหมู่บ้านที่ควบคุมลูกน้ำยุงลายได้")
    first.get_by_label("น้ำหนัก (ร้อยละ)").fill("60")
    second.get_by_label("ตัวชี้วัด / ผลงานที่คาดหวัง").fill("รายงานผลการดำเนินงานส่งตรงเวลา")
    second.get_by_label("น้ำหนัก (ร้อยละ)").fill("30")
    for box in (first, second):
        for level in range(1, 6):
            box.get_by_label(f"ระดับ {level}", exact=True).fill(f"ผลงานระดับ {level}")
    staff.get_by_role("button", name="บันทึกและส่งให้ผู้ประเมิน").click()
    # 60 + 30 is refused in Thai, and what was typed is still there.
    expect(staff.locator("main")).to_contain_text("น้ำหนักของตัวชี้วัดรวมกันได้ 90 แต่ต้องรวมเป็น 100 พอดี")
    second = staff.locator("fieldset").nth(1)
    assert second.get_by_label("ตัวชี้วัด / ผลงานที่คาดหวัง").input_value() == "รายงานผลการดำเนินงานส่งตรงเวลา"
    second.get_by_label("น้ำหนัก (ร้อยละ)").fill("40")
    staff.get_by_role("button", name="บันทึกและส่งให้ผู้ประเมิน").click()
    expect(staff.locator("main")).to_contain_text("ส่งข้อตกลงให้ผู้ประเมินแล้ว")
    appraisal = Appraisal.objects.get(staff=line["requester"])
    assert appraisal.state == Appraisal.State.AGREEMENT_SUBMITTED

    # The evaluator agrees.
    evaluator = sign_in("head")
    evaluator.get_by_role("link", name=str(line["requester"])).first.click()
    evaluator.assert_accessible()
    evaluator.get_by_role("button", name="เห็นชอบข้อตกลง").click()
    expect(evaluator.locator("main")).to_contain_text("เห็นชอบข้อตกลงแล้ว")

    # The staff member assesses themself, with evidence.
    staff.open(appraisal.get_absolute_url())
    staff.get_by_role("link", name="ประเมินตนเองและแนบหลักฐาน").click()
    evidence = tmp_path / "ผลการสำรวจลูกน้ำ.pdf"
    evidence.write_bytes(pdf_bytes(2))
    staff.get_by_label("เพิ่มไฟล์หลักฐาน").set_input_files(str(evidence))
    staff.get_by_role("button", name="อัปโหลดหลักฐาน").click()
    expect(staff.locator("main")).to_contain_text("แนบไฟล์ “ผลการสำรวจลูกน้ำ.pdf” แล้ว")
    choose(staff, "ระดับของ “ร้อยละของหมู่บ้านที่ควบคุมลูกน้ำยุงลายได้”", 5)
    choose(staff, "ระดับของ “รายงานผลการดำเนินงานส่งตรงเวลา”", 4)
    for competency in appraisal.competencies.all():
        choose(staff, f"ระดับของ “{competency.name}”", 1)
    staff.get_by_label("ความเห็น").fill("ควบคุมลูกน้ำได้ทุกหมู่บ้าน")
    staff.assert_accessible()
    staff.get_by_role("button", name="ส่งผลการประเมินตนเองให้ผู้ประเมิน").click()
    expect(staff.locator("main")).to_contain_text("ส่งผลการประเมินตนเองแล้ว")

    # The evaluator scores: results (5×60 + 4×40) / 500 × 70 = 64.40; competencies at 1 of expected 1 → 30.
    evaluator.open(appraisal.get_absolute_url())
    evaluator.get_by_role("link", name="ให้คะแนนและความเห็น").click()
    choose(evaluator, "ระดับของ “ร้อยละของหมู่บ้านที่ควบคุมลูกน้ำยุงลายได้”", 5)
    choose(evaluator, "ระดับของ “รายงานผลการดำเนินงานส่งตรงเวลา”", 4)
    for competency in appraisal.competencies.all():
        choose(evaluator, f"ระดับของ “{competency.name}”", 1)
    evaluator.locator("fieldset").nth(0).get_by_label("ความรู้/ทักษะ/สมรรถนะที่ต้องพัฒนา").fill("การวิเคราะห์ข้อมูลทางระบาดวิทยา")
    evaluator.assert_accessible()
    evaluator.get_by_role("button", name="ส่งผลการประเมิน").click()
    expect(evaluator.locator("main")).to_contain_text("คะแนนรวม 94.40 ระดับดีเด่น")

    # The next-level supervisor adjusts one level, with a reason: (5×60 + 3×40) / 500 × 70 = 58.80 + 30 = 88.80.
    supervisor = sign_in("approver")
    supervisor.get_by_role("link", name=str(line["requester"])).first.click()
    supervisor.get_by_role("link", name="พิจารณาผลการประเมิน").click()
    supervisor.get_by_label("มีความเห็นต่าง และปรับคะแนน").check()
    choose(supervisor, "ระดับของ “รายงานผลการดำเนินงานส่งตรงเวลา”", 3)
    supervisor.get_by_role("button", name="บันทึกความเห็น").click()
    expect(supervisor.locator("main")).to_contain_text("โปรดระบุเหตุผลที่ปรับคะแนน")
    supervisor.get_by_label("มีความเห็นต่าง และปรับคะแนน").check()
    choose(supervisor, "ระดับของ “รายงานผลการดำเนินงานส่งตรงเวลา”", 3)
    supervisor.get_by_label("เหตุผลที่ปรับคะแนน").fill("รายงานเดือนมิถุนายนส่งช้า")
    supervisor.assert_accessible()
    supervisor.get_by_role("button", name="บันทึกความเห็น").click()
    expect(supervisor.locator("main")).to_contain_text("คะแนนรวม 88.80 ระดับดีมาก")

    # The staff member sees the result and acknowledges it.
    staff.open(appraisal.get_absolute_url())
    text = main_text(staff)
    assert "88.80" in text and "ดีมาก" in text and "รายงานเดือนมิถุนายนส่งช้า" in text
    staff.assert_accessible()
    staff.get_by_role("button", name="ลงนามรับทราบผลการประเมิน").click()
    expect(staff.locator("main")).to_contain_text("เสร็จสิ้นและล็อกแล้ว")
    staff.screenshot_as("eservice-appraisal-phone")

    # The form as PDF shows the computed total and band, with who signed.
    response = staff.request.get(staff.base_url + f"{EVALUATION}a/{appraisal.pk}/form.pdf")
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    pdf = norm("".join(page.extract_text() for page in PdfReader(io.BytesIO(response.body())).pages))
    for expected in ("คะแนนรวม88.80คะแนน", "ระดับผลการประเมิน:ดีมาก", "58.80", "30.00", "นายสมชายใจดี",
                     "นางสุดารัตน์ธรรมวงศ์", "นายประเสริฐวงศ์คำ", "รายงานเดือนมิถุนายนส่งช้า"):  # fmt: skip
        assert norm(expected) in pdf, expected
    for page in (visitor, admin, evaluator):
        page.assert_no_console_errors()
    for page in (staff, supervisor):  # each had one refused form, answered 400 on purpose
        page.assert_no_console_errors(allow=("status of 400 (Bad Request)",))


@pytest.fixture
def busy_round(office, line):
    from khaosan.eservice import services

    round_ = services.round_open(office=office, actor=line["admin"], fiscal_year=2569, number=2)
    assessed(round_, line, "requester")
    agreed(round_, line, "colleague")
    return round_


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_every_evaluation_screen_is_accessible(sign_in, busy_round, line, viewport):
    appraisal = appraisal_of(busy_round, line["requester"])
    colleague = appraisal_of(busy_round, line["colleague"])
    screens = {
        "admin": [EVALUATION, f"{EVALUATION}rounds/", f"{EVALUATION}rounds/{busy_round.pk}/", f"{EVALUATION}settings/",
                  f"{EVALUATION}people/", f"{EVALUATION}people/{line['requester'].pk}/", f"{EVALUATION}unit-heads/"],
        "colleague": [colleague.get_absolute_url(), f"{EVALUATION}a/{colleague.pk}/self/"],
        "head": [EVALUATION, f"{EVALUATION}rounds/{busy_round.pk}/"],
        "approver": [appraisal.get_absolute_url(), f"{EVALUATION}a/{appraisal.pk}/review/"],
    }  # fmt: skip
    for who, paths in screens.items():
        page = sign_in(who, viewport)
        for path in paths:
            assert page.open(path).status == 200, path
            page.assert_accessible()
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
        page.screenshot_as(f"eservice-{who}-{viewport['width']}")
        page.assert_no_console_errors()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_the_evaluators_screens_are_accessible(sign_in, office, line, viewport):
    from khaosan.eservice import services

    round_ = services.round_open(office=office, actor=line["admin"], fiscal_year=2569, number=2)
    scored = assessed(round_, line, "requester")
    services.review_save(appraisal=scored, actor=line["approver"], verdict="agree")
    waiting = appraisal_of(round_, line["colleague"])
    from tests.eservice.conftest import self_assessed

    to_score = self_assessed(round_, line, "admin")
    page = sign_in("head", viewport)
    for path in (
        waiting.get_absolute_url(),
        f"{EVALUATION}a/{waiting.pk}/agreement/",
        scored.get_absolute_url(),
        f"{EVALUATION}a/{scored.pk}/refusal/",
    ):
        assert page.open(path).status == 200, path
        page.assert_accessible()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
    page.screenshot_as(f"eservice-evaluator-{viewport['width']}")
    it_head = sign_in("reviewer", viewport)
    for path in (to_score.get_absolute_url(), f"{EVALUATION}a/{to_score.pk}/assess/"):
        assert it_head.open(path).status == 200, path
        it_head.assert_accessible()
        assert it_head.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
    it_head.screenshot_as(f"eservice-assess-{viewport['width']}")
