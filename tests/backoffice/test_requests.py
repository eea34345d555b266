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
    client.post(
        f"/backoffice/requests/{pub_request.pk}/edit/where/", {"topic": topic("job-announcements").pk, "next": "1"}
    )
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
    assert "หรือหากตรวจแล้วเผยแพร่ได้ โปรดบันทึกเหตุผลก่อนเผยแพร่" in refused.content.decode()
    assert "โปรดเปิดตรวจด้วยตนเอง แล้วทำเครื่องหมายยืนยันก่อนเผยแพร่" in refused.content.decode()  # the blank PDF
    client.post(f"/backoffice/requests/{pub_request.pk}/publish/",
                {**fields, "publish": "1", "redaction_note": "เป็นเบอร์สายด่วนของหน่วยงาน", "redaction_checked": "on"})  # fmt: skip
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
    assert (
        listing.status_code == 200 and "ของเรา" in listing.content.decode() and "ของเขา" not in listing.content.decode()
    )
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


# --- Whom a request waits on --------------------------------------------------------------------------------------


def draft_ready(office, person):
    from khaosan.workflow import services

    pub_request = services.request_create(office=office, actor=person, title="ประกาศรับสมัคร", summary="รับสมัคร 1 อัตรา",
                                          topic=topic("job-announcements"), source="กลุ่มงานบริหารทั่วไป",
                                          rights_confirmed=True)  # fmt: skip
    return pub_request


def test_the_submit_message_and_the_request_page_name_whom_it_waits_on(as_person, office, people):
    pub_request = draft_ready(office, people["requester"])
    client = as_person("requester")
    page = client.post(f"/backoffice/requests/{pub_request.pk}/submit/", follow=True).content.decode()
    assert "ยื่นคำขอแล้ว ระบบแจ้ง นายวิทยา อินทร์แก้ว ให้พิจารณาในฐานะผู้พิจารณา (หัวหน้ากลุ่มงานที่ดูแลเว็บไซต์) แล้ว" in page
    assert "รอ นายวิทยา อินทร์แก้ว พิจารณา" in page


def test_a_request_filed_by_the_only_reviewer_names_the_administrator_who_stands_in(as_person, office, people):
    pub_request = draft_ready(office, people["reviewer"])
    client = as_person("reviewer")
    page = client.post(f"/backoffice/requests/{pub_request.pk}/submit/", follow=True).content.decode()
    assert "ระบบแจ้ง นายธีรพงษ์ (ผู้ดูแลระบบ) ให้พิจารณาแทนผู้พิจารณา (หัวหน้ากลุ่มงานที่ดูแลเว็บไซต์) แล้ว" in page
    assert "ระบบแจ้งผู้พิจารณาให้แล้ว" not in page
    assert "รอ นายธีรพงษ์ (ผู้ดูแลระบบ) พิจารณาแทน เพราะผู้ดำรงบทบาทผู้พิจารณา" in page
    client.logout()
    admin = as_person("admin")
    assert pub_request.title in admin.get("/backoffice/").content.decode()  # in their tasks
    admin.post(f"/backoffice/requests/{pub_request.pk}/decide/", {"verdict": "approve", "step": "0"})
    page = admin.get(f"/backoffice/requests/{pub_request.pk}/").content.decode()
    assert "ผู้ดูแลระบบพิจารณาแทน เพราะผู้ดำรงบทบาทผู้พิจารณา (หัวหน้ากลุ่มงานที่ดูแลเว็บไซต์) มีเพียงผู้ยื่นคำขอ" in page


def test_a_request_nobody_could_decide_is_refused_with_whom_to_appoint(as_person, office, people):
    people["admin"].groups.clear()
    pub_request = draft_ready(office, people["reviewer"])
    page = as_person("reviewer").post(f"/backoffice/requests/{pub_request.pk}/submit/", follow=True).content.decode()
    assert "โปรดให้ผู้ดูแลระบบแต่งตั้งผู้พิจารณา" in page and "ยื่นคำขอแล้ว" not in page
    pub_request.refresh_from_db()
    assert pub_request.state == State.DRAFT


def test_a_stale_decision_on_a_cancelled_request_says_so(as_person, office, people):
    from khaosan.workflow import services

    pub_request = submitted_request(office, people["requester"])
    services.request_decide(pub_request_id=pub_request.pk, actor=people["reviewer"], verdict="return",
                            reason_code="incomplete")  # fmt: skip
    services.request_cancel(pub_request=pub_request, actor=people["requester"])
    response = as_person("approver").post(f"/backoffice/requests/{pub_request.pk}/decide/",
                                          {"verdict": "approve", "step": "1"}, follow=True)  # fmt: skip
    page = response.content.decode()
    assert "ผู้ขอยกเลิกคำขอนี้แล้ว" in page and "มีผู้พิจารณาไปแล้ว" not in page
    assert pub_request.decisions.count() == 1


# --- Checking for personal data before publishing -------------------------------------------------------------------


def approved_with_file(office, people, name, content):
    from khaosan.workflow import services

    pub_request = draft_ready(office, people["requester"])
    services.request_file_add(pub_request=pub_request, actor=people["requester"], upload=upload(name, content))
    services.request_submit(pub_request=pub_request, actor=people["requester"])
    return approve_all(pub_request, people)


def publish_fields(pub_request, people, **extra):
    return {"topic": topic("job-announcements").pk, "title": pub_request.title, "summary": pub_request.summary,
            "owner_unit": people["requester"].unit_id, "source": "กลุ่มงานบริหารทั่วไป", "publish": "1", **extra}  # fmt: skip


def test_a_pdf_with_a_short_text_layer_is_checked_and_published_without_a_note(as_person, office, people):
    from tests.workflow.test_redaction import make_pdf

    pub_request = approved_with_file(office, people, "ประกาศ.pdf", make_pdf(b"Notice 12/2569"))
    client = as_person("webmaster")
    page = client.get(f"/backoffice/requests/{pub_request.pk}/publish/").content.decode()
    assert "ตรวจครบทุกข้อความและไฟล์แล้ว" in page and "ไม่มีชั้นข้อความ" not in page
    assert 'name="redaction_checked"' not in page
    client.post(f"/backoffice/requests/{pub_request.pk}/publish/", publish_fields(pub_request, people))
    pub_request.refresh_from_db()
    assert pub_request.state == State.PUBLISHED
    assert pub_request.redaction_note == "ระบบตรวจข้อความแล้ว: ชื่อเรื่อง, สรุป, เนื้อหา, ประกาศ.pdf; ตรวจแล้ว ไม่พบข้อมูลส่วนบุคคล"


def test_a_scan_is_shown_as_not_checked_and_published_after_a_confirmation(as_person, office, people):
    pub_request = approved_with_file(office, people, "สแกน.pdf", pdf_bytes())
    client = as_person("webmaster")
    page = client.get(f"/backoffice/requests/{pub_request.pk}/publish/").content.decode()
    assert "พบข้อมูลที่อาจเป็นข้อมูลส่วนบุคคล" not in page
    assert "ไม่พบเลขประจำตัวประชาชน หมายเลขโทรศัพท์ หรืออีเมลของบุคคลในส่วนที่ระบบตรวจได้" in page
    assert "ระบบตรวจอัตโนมัติไม่ได้ทั้งหมด" in page and "ไม่ได้ตรวจ" in page and 'name="redaction_checked"' in page
    refused = client.post(f"/backoffice/requests/{pub_request.pk}/publish/", publish_fields(pub_request, people))
    html = refused.content.decode()
    assert "แล้วทำเครื่องหมายยืนยันก่อนเผยแพร่" in html and "โปรดบันทึกเหตุผลก่อนเผยแพร่" not in html
    client.post(f"/backoffice/requests/{pub_request.pk}/publish/",
                publish_fields(pub_request, people, redaction_checked="on"))  # fmt: skip
    pub_request.refresh_from_db()
    assert pub_request.state == State.PUBLISHED
    assert "ระบบตรวจไม่ได้: สแกน.pdf" in pub_request.redaction_note
    assert "ยืนยันว่าตรวจส่วนที่ระบบตรวจไม่ได้ด้วยตนเองแล้ว" in pub_request.redaction_note


# --- E-mails ------------------------------------------------------------------------------------------------------


def test_a_failed_email_shows_in_the_inbox_and_on_the_administrators_home(
    as_person, client, office, people, monkeypatch, django_capture_on_commit_callbacks
):
    from khaosan.workflow import notify

    def down(*args, **kwargs):
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(notify, "get_connection", down)
    with django_capture_on_commit_callbacks(execute=True):
        submitted_request(office, people["requester"])
    reviewer = as_person("reviewer")
    assert "ส่งอีเมลไม่สำเร็จ" in reviewer.get("/backoffice/inbox/").content.decode()
    assert "อีเมลแจ้งเตือนส่งไม่สำเร็จ" not in reviewer.get("/backoffice/").content.decode()  # administrators only
    client.logout()
    home = as_person("admin").get("/backoffice/").content.decode()
    assert "อีเมลแจ้งเตือนส่งไม่สำเร็จ 1 ฉบับใน 30 วันล่าสุด" in home and "ConnectionRefusedError" in home


def test_email_links_name_the_running_server_when_no_site_address_is_set(
    as_person, office, people, settings, django_capture_on_commit_callbacks
):
    from django.core import mail

    settings.DEBUG = True
    settings.KHAOSAN = {**settings.KHAOSAN, "SITE_URL": ""}
    pub_request = submitted_request(office, people["requester"])
    client = as_person("reviewer")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/backoffice/requests/{pub_request.pk}/decide/", {"verdict": "approve", "step": "0"},
                    HTTP_HOST="testserver:8123")  # fmt: skip
    sent = [m for m in mail.outbox if m.to == [people["approver"].email]]
    assert sent and f"http://testserver:8123/backoffice/requests/{pub_request.pk}/" in sent[0].body


def test_outside_development_links_never_come_from_the_host_header(
    as_person, office, people, settings, django_capture_on_commit_callbacks
):
    from django.core import mail

    settings.DEBUG = False
    settings.KHAOSAN = {**settings.KHAOSAN, "SITE_URL": ""}
    pub_request = submitted_request(office, people["requester"])
    with django_capture_on_commit_callbacks(execute=True):
        as_person("reviewer").post(f"/backoffice/requests/{pub_request.pk}/decide/",
                                   {"verdict": "approve", "step": "0"}, HTTP_HOST="testserver:8123")  # fmt: skip
    sent = [m for m in mail.outbox if m.to == [people["approver"].email]]
    assert sent and "testserver:8123" not in sent[0].body
