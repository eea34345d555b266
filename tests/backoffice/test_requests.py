"""The back-office screens of the request journey, through Django's test client."""

import pytest

from khaosan.workflow.models import PublicationRequest, State
from tests.conftest import pdf_bytes, topic, upload
from tests.workflow.conftest import approve_all, submitted_request

pytestmark = pytest.mark.django_db


def test_anonymous_people_are_sent_to_the_login_page(client, office):
    response = client.get("/backoffice/requests/")
    assert response.status_code == 302 and response["Location"].startswith("/backoffice/login/?next=")


def test_a_requester_fills_the_steps_uploads_and_submits(as_person, office, people):
    client = as_person("requester")
    response = client.post("/backoffice/requests/new/", {"title": "ประกาศรับสมัครงาน", "summary": "สรุป",
                                                          "body": "บรรทัดแรก\n\nย่อหน้าสอง"})  # fmt: skip
    pub_request = PublicationRequest.objects.get()
    assert response["Location"] == f"/backoffice/requests/{pub_request.pk}/edit/what/"
    assert pub_request.body == "<p>บรรทัดแรก</p><p>ย่อหน้าสอง</p>"
    answer = client.post(f"/backoffice/requests/{pub_request.pk}/files/", {"file": upload("ประกาศ.pdf", pdf_bytes())},
                         HTTP_ACCEPT="application/json").json()  # fmt: skip
    assert answer["ok"] and answer["file"]["name"] == "ประกาศ.pdf" and answer["file"]["label"].startswith("PDF · ")
    refused = client.post(f"/backoffice/requests/{pub_request.pk}/files/", {"file": upload("virus.exe", b"MZ")},
                          HTTP_ACCEPT="application/json")  # fmt: skip
    assert refused.status_code == 400 and "ไม่รับไฟล์ชนิด .exe" in refused.json()["error"]
    client.post(f"/backoffice/requests/{pub_request.pk}/edit/where/", {"topic": topic("job-announcements").pk, "next": "1"})
    client.post(f"/backoffice/requests/{pub_request.pk}/edit/when/", {"data_from": "2026-11-01", "data_to": "2026-11-30",
                                                                       "next": "1"})  # fmt: skip
    response = client.post(f"/backoffice/requests/{pub_request.pk}/edit/source/",
                           {"source": "กลุ่มงานบริหารทั่วไป", "rights_confirmed": "on", "next": "1"})  # fmt: skip
    assert response["Location"].endswith("/review/")
    client.post(f"/backoffice/requests/{pub_request.pk}/submit/")
    pub_request.refresh_from_db()
    assert pub_request.state == State.IN_REVIEW and pub_request.files.count() == 1


def test_a_form_with_errors_shows_them_in_thai_and_keeps_what_was_typed(as_person, office, people):
    client = as_person("requester")
    pub_request = submitted_request(office, people["requester"])
    pub_request.state = State.DRAFT
    pub_request.save()
    response = client.post(f"/backoffice/requests/{pub_request.pk}/edit/when/",
                           {"data_from": "2026-11-30", "data_to": "2026-11-01", "wish_from": "ไม่ใช่วันที่"})  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200
    assert "วันที่สิ้นสุดของข้อมูลต้องไม่ก่อนวันที่เริ่มต้น" in html
    assert 'value="2026-11-30"' in html and "ไม่ใช่วันที่" in html


def test_the_reviewer_returns_with_a_reason_and_the_requester_sees_it(as_person, client, office, people):
    pub_request = submitted_request(office, people["requester"])
    as_person("reviewer").post(f"/backoffice/requests/{pub_request.pk}/decide/",
                               {"verdict": "return", "reason_code": "incomplete", "reason": "แนบฉบับลงนาม",
                                "step": "0"})  # fmt: skip
    client.logout()
    html = as_person("requester").get(f"/backoffice/requests/{pub_request.pk}/").content.decode()
    assert "ส่งกลับแก้ไข" in html and "แนบฉบับลงนาม" in html
    inbox = client.get("/backoffice/inbox/").content.decode()
    assert "คำขอถูกส่งกลับให้แก้ไข" in inbox


def test_a_return_without_a_reason_is_refused_with_a_message(as_person, office, people):
    pub_request = submitted_request(office, people["requester"])
    response = as_person("reviewer").post(f"/backoffice/requests/{pub_request.pk}/decide/",
                                          {"verdict": "return", "step": "0"})  # fmt: skip
    assert response.status_code == 400
    assert "โปรดเลือกเหตุผลที่ส่งกลับแก้ไขหรือไม่อนุมัติ" in response.content.decode()
    pub_request.refresh_from_db()
    assert pub_request.state == State.IN_REVIEW


def test_a_stale_decision_is_told_plainly(as_person, office, people):
    pub_request = submitted_request(office, people["requester"])
    client = as_person("reviewer")
    client.post(f"/backoffice/requests/{pub_request.pk}/decide/", {"verdict": "approve", "step": "0"})
    response = client.post(f"/backoffice/requests/{pub_request.pk}/decide/", {"verdict": "approve", "step": "0"},
                           follow=True)  # fmt: skip
    assert "มีผู้พิจารณาไปแล้ว" in response.content.decode()
    assert pub_request.decisions.count() == 1


def test_the_web_master_checks_previews_and_publishes(as_person, office, people):
    pub_request = approve_all(submitted_request(office, people["requester"], summary="ติดต่อ 081-234-5678"), people)
    client = as_person("webmaster")
    client.post(f"/backoffice/requests/{pub_request.pk}/take/")
    page = client.get(f"/backoffice/requests/{pub_request.pk}/publish/").content.decode()
    assert "หมายเลขโทรศัพท์" in page and "08x-xxx-5678" in page
    fields = {"topic": topic("job-announcements").pk, "title": pub_request.title, "summary": "ติดต่อ 081-234-5678",
              "owner_unit": people["requester"].unit_id, "source": "กลุ่มงานบริหารทั่วไป"}  # fmt: skip
    preview = client.post(f"/backoffice/requests/{pub_request.pk}/publish/", {**fields, "preview": "1"})
    assert "ตัวอย่างหน้าเว็บ" in preview.content.decode() and not pub_request.__class__.objects.get().item_id
    refused = client.post(f"/backoffice/requests/{pub_request.pk}/publish/", {**fields, "publish": "1"})
    assert "โปรดตรวจสอบและบันทึกเหตุผลก่อนเผยแพร่" in refused.content.decode()
    client.post(f"/backoffice/requests/{pub_request.pk}/publish/",
                {**fields, "publish": "1", "redaction_note": "เป็นเบอร์สายด่วนของหน่วยงาน"})  # fmt: skip
    pub_request.refresh_from_db()
    assert pub_request.state == State.PUBLISHED
    public = client.get(pub_request.item.get_absolute_url()).content.decode()
    assert "กลุ่มงานบริหารทั่วไป" in public and "PDF ·" in public


def test_privileged_roles_must_enrol_a_second_factor(client, office, people):
    client.force_login(people["webmaster"])
    response = client.get("/backoffice/")
    assert response.status_code == 302 and response["Location"].startswith("/backoffice/2fa/setup/")
    client.force_login(people["requester"])
    assert client.get("/backoffice/").status_code == 200


def test_web_masters_fix_items_in_the_back_office_of_their_own_office_never_in_django_admin(
    as_person, office, other_office, people, publish
):
    from khaosan.org.roles import set_roles

    set_roles(people["webmaster"], ["webmaster"])
    mine = publish(title="ของเรา")
    theirs = publish(title="ของเขา", office=other_office)
    client = as_person("webmaster")
    listing = client.get("/backoffice/items/")
    assert listing.status_code == 200 and "ของเรา" in listing.content.decode() and "ของเขา" not in listing.content.decode()
    assert client.get(f"/backoffice/items/{theirs.pk}/").status_code == 404
    assert client.get(f"/backoffice/items/{mine.pk}/").status_code == 200
    for path in ("/admin/catalog/item/", f"/admin/catalog/item/{mine.pk}/change/", "/admin/catalog/item/add/"):
        assert client.get(path).status_code == 403


def test_the_same_file_uploaded_twice_is_attached_once_and_the_person_is_told(as_person, office, people):
    from khaosan.workflow import services

    client = as_person("requester")
    pub_request = services.request_create(office=office, actor=people["requester"], title="ประกาศ")
    url = f"/backoffice/requests/{pub_request.pk}/files/"
    first = client.post(url, {"file": upload("ประกาศ.pdf", pdf_bytes())}, HTTP_ACCEPT="application/json").json()
    assert first["ok"] and not first["already_attached"]
    assert first["file"]["delete_url"] == f"/backoffice/requests/{pub_request.pk}/files/{first['file']['id']}/delete/"
    assert first["file"]["extension"] == "pdf"
    again = client.post(url, {"file": upload("ประกาศ.pdf", pdf_bytes())}, HTTP_ACCEPT="application/json").json()
    assert again["ok"] and again["already_attached"] and again["file"]["id"] == first["file"]["id"]
    assert again["message"] == "ไฟล์ “ประกาศ.pdf” แนบไว้กับคำขอนี้แล้ว ระบบจึงไม่แนบซ้ำ"
    response = client.post(url, {"file": upload("สำเนา.pdf", pdf_bytes()), "back": f"/backoffice/requests/{pub_request.pk}/"},
                           follow=True)  # fmt: skip
    assert "ไฟล์ “สำเนา.pdf” มีเนื้อหาเดียวกับไฟล์ “ประกาศ.pdf” ที่แนบไว้กับคำขอนี้แล้ว" in response.content.decode()
    assert pub_request.files.count() == 1
    assert pub_request.files.get().original_name == "ประกาศ.pdf"


def test_the_same_content_may_be_both_the_letter_and_the_file_to_publish(as_person, office, people):
    from khaosan.workflow import services

    pub_request = services.request_create(office=office, actor=people["requester"], title="ประกาศ")
    for kind in ("content", "letter", "content"):
        services.request_file_add(pub_request=pub_request, actor=people["requester"], upload=upload("a.pdf", pdf_bytes()),
                                  kind=kind)  # fmt: skip
    assert sorted(pub_request.files.values_list("kind", flat=True)) == ["content", "letter"]
    from khaosan.audit.models import AuditEvent

    assert AuditEvent.objects.filter(action="request.file_added").count() == 2  # the repeat wrote nothing
