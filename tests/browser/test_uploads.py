"""The request form's uploader in a real browser: a new file can be removed at once; a repeat is not attached twice."""

import re

import pytest

from tests.conftest import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def requester_page(open_page, people):
    page = open_page()
    page.open("/backoffice/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(people["requester"].username)
    from tests.conftest import PASSWORD

    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_url(re.compile(r".*/backoffice/$"))
    return page


def test_an_uploaded_file_gets_its_remove_button_at_once_and_a_repeat_is_refused(
    requester_page, office, people, tmp_path
):
    from khaosan.workflow import services

    page = requester_page
    pub_request = services.request_create(office=office, actor=people["requester"], title="ประกาศรับสมัครงาน")
    pdf = tmp_path / "ประกาศรับสมัคร.pdf"
    pdf.write_bytes(pdf_bytes(2))
    page.open(f"/backoffice/requests/{pub_request.pk}/edit/what/")
    files = page.locator("[data-file-list]")

    page.get_by_label("เพิ่มไฟล์").set_input_files(str(pdf))
    page.get_by_role("button", name="อัปโหลด").click()
    page.get_by_text("ประกาศรับสมัคร.pdf — อัปโหลดแล้ว").wait_for()
    remove = files.get_by_role("button", name="นำออก ประกาศรับสมัคร.pdf")
    assert remove.count() == 1  # without a reload
    assert "PDF" in files.inner_text() and pub_request.files.count() == 1
    page.assert_accessible()

    page.get_by_label("เพิ่มไฟล์").set_input_files(str(pdf))
    page.get_by_role("button", name="อัปโหลด").click()
    page.get_by_text("ประกาศรับสมัคร.pdf — ไฟล์ “ประกาศรับสมัคร.pdf” แนบไว้กับคำขอนี้แล้ว ระบบจึงไม่แนบซ้ำ").wait_for()
    assert files.locator("li").count() == 1 and pub_request.files.count() == 1

    remove.click()
    page.wait_for_load_state()
    assert "นำไฟล์ออกแล้ว" in page.locator("main").inner_text()
    assert page.url.endswith(f"/backoffice/requests/{pub_request.pk}/edit/what/")
    assert files.locator("li").count() == 0 and pub_request.files.count() == 0
    page.assert_accessible()
    page.assert_no_console_errors()
