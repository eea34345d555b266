"""Citizens file complaints, feedback and questions without an account; each gets a tracking code (GWS-5.1, 5.4)."""

import datetime as dt
import hashlib

import pytest
from django.core import mail

from khaosan.audit.models import AuditCode, AuditEvent
from khaosan.participation.models import CaseEvent, Complaint, ComplaintFile, Feedback, Question, Status, Stream
from tests.conftest import pdf_bytes, upload
from tests.participation.conftest import COMPLAINT, CORRUPTION, code_in, complaint

pytestmark = pytest.mark.django_db

SERVICE_URL, CORRUPTION_URL = "/participation/complaint/service/", "/participation/complaint/corruption/"


def test_a_service_complaint_gets_a_code_shown_once_and_only_its_hash_is_stored(client, office):
    response = client.post(SERVICE_URL, COMPLAINT)
    assert response.status_code == 200
    code = code_in(response)
    complaint = Complaint.objects.get()
    normal = code.replace("-", "")
    assert complaint.tracking_hash == hashlib.sha256(f"khaosan-tracking:{normal}".encode()).hexdigest()
    stored = " ".join(str(v) for v in Complaint.objects.values().get().values())
    assert normal not in stored and code not in stored
    assert complaint.stream == Stream.SERVICE and complaint.status == Status.RECEIVED
    assert complaint.reference == "ร.1/2569"
    assert "no-store" in response["Cache-Control"]
    # The same code is never drawn twice in practice: 12 characters of a 31-letter alphabet.
    assert len(normal) == 12 and not set(normal) & set("01OIL")


def test_the_deadlines_count_thai_working_days(client, office, clock):
    clock.move_to("2027-04-12 09:00")  # a Monday; 13–15 April are Songkran
    client.post(SERVICE_URL, COMPLAINT)
    complaint = Complaint.objects.get()
    assert complaint.acknowledge_due == dt.date(2027, 4, 16)
    # 16, 19–23, 26–30 April are 11 working days; 3 May (Labour Day observed) and 4 May (Coronation Day) are not.
    assert complaint.answer_due == dt.date(2027, 5, 10)


def test_the_form_keeps_what_was_typed_and_says_in_thai_what_to_fix(client, office):
    data = COMPLAINT | {"name": "", "detail": "สั้นไป", "email": "ไม่ใช่อีเมล", "phone": "12"}
    response = client.post(SERVICE_URL, data)
    html = response.content.decode()
    assert response.status_code == 200 and not Complaint.objects.exists()
    assert "รอรับบริการนานเกินสามชั่วโมง" in html and "สั้นไป" in html and "12 หมู่ 4 ตำบลป่าคาหลวง" in html
    for message in ("โปรดกรอกชื่อ-นามสกุล", "รายละเอียดสั้นเกินไป", "รูปแบบอีเมลไม่ถูกต้อง", "ตัวเลข 9–10 หลัก"):
        assert message in html, message
    assert 'aria-invalid="true"' in html and 'href="#id_name"' in html


def test_the_forms_state_the_rules_and_the_privacy_notice(client, office):
    for url in (SERVICE_URL, CORRUPTION_URL, "/participation/feedback/", "/participation/question/"):
        html = client.get(url).content.decode()
        assert "การคุ้มครองข้อมูลส่วนบุคคลของท่าน" in html and "365 วัน" in html and "/policy/privacy/" in html, url
    html = client.get(SERVICE_URL).content.decode()
    assert "หลักเกณฑ์การร้องเรียน" in html and "ใช้ถ้อยคำสุภาพ" in html and "เป็นความลับ" in html
    assert "รับเรื่องภายใน 1 วันทำการ" in html and "ภายใน 15 วันทำการ" in html
    assert "ไม่ประสงค์ออกนาม" not in client.get(SERVICE_URL).content.decode()
    assert "ไม่ประสงค์ออกนาม" in client.get(CORRUPTION_URL).content.decode()


def test_an_anonymous_corruption_complaint_keeps_no_name_phone_or_address(client, office):
    response = client.post(CORRUPTION_URL, CORRUPTION | {"name": "ชื่อที่ไม่ควรเก็บ", "phone": "0812345678",
                                                         "address": "บ้านเลขที่ 1"})  # fmt: skip
    code_in(response)
    complaint = Complaint.objects.get()
    assert complaint.stream == Stream.CORRUPTION and complaint.anonymous
    assert (complaint.name, complaint.phone, complaint.address) == ("", "", "")
    assert complaint.reference == "ท.1/2569"


def test_a_named_corruption_complaint_needs_a_name_and_a_service_complaint_cannot_be_anonymous(client, office):
    html = client.post(CORRUPTION_URL, CORRUPTION | {"anonymous": ""}).content.decode()
    assert "โปรดกรอกชื่อ-นามสกุล หรือทำเครื่องหมาย “ไม่ประสงค์ออกนาม”" in html
    client.post(SERVICE_URL, COMPLAINT | {"anonymous": "on", "name": ""})
    assert not Complaint.objects.exists()


def test_attachments_follow_the_upload_rules(client, office):
    bad = client.post(SERVICE_URL, COMPLAINT | {"files": [upload("หลักฐาน.pdf", b"<?php system($_GET[1]); ?>")]})
    assert "ไม่ใช่ไฟล์ .pdf ตามนามสกุล" in bad.content.decode() and not Complaint.objects.exists()
    script = client.post(SERVICE_URL, COMPLAINT | {"files": [upload("shell.phtml", b"<?php ?>")]})
    assert "ไม่รับไฟล์ชนิด .phtml" in script.content.decode() and not Complaint.objects.exists()
    good = client.post(SERVICE_URL, COMPLAINT | {"files": [upload("ใบนัด.pdf", pdf_bytes())]})
    code_in(good)
    (kept,) = ComplaintFile.objects.all()
    assert kept.original_name == "ใบนัด.pdf" and kept.blob.path.exists()
    too_many = client.post(SERVICE_URL, COMPLAINT | {"files": [upload(f"{n}.pdf", pdf_bytes(n)) for n in (1, 2, 3, 4)]})
    assert "แนบไฟล์ได้ไม่เกิน 3 ไฟล์" in too_many.content.decode() and Complaint.objects.count() == 1


def test_a_second_post_of_the_same_form_files_nothing(client, office):
    data = COMPLAINT | {"submission_key": "k" * 32}
    code_in(client.post(SERVICE_URL, data))
    again = client.post(SERVICE_URL, data)
    assert "ส่งเรื่องนี้ไปแล้ว" in again.content.decode() and "ร.1/2569" in again.content.decode()
    assert Complaint.objects.count() == 1


def test_the_citizen_gets_the_code_by_email_and_staff_are_told_without_personal_data(
    client, office, people, handlers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        code = code_in(client.post(SERVICE_URL, COMPLAINT))
    to_citizen = [m for m in mail.outbox if m.to == ["pracha@example.com"]]
    assert len(to_citizen) == 1 and code in to_citizen[0].body and "ร.1/2569" in to_citizen[0].subject
    to_staff = [m for m in mail.outbox if m.to != ["pracha@example.com"]]
    assert [m.to for m in to_staff] == [[handlers["service"].email]]
    for message in to_staff:
        text = message.subject + message.body
        assert "ร.1/2569" in text
        for private in ("นายประชา", "081", "pracha", "สามชั่วโมง", code):
            assert private not in text


def test_a_corruption_complaint_is_told_only_to_its_handlers(client, office, people, handlers,
                                                              django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        code_in(client.post(CORRUPTION_URL, CORRUPTION))
    assert [m.to for m in mail.outbox] == [[handlers["corruption"].email]]


def test_with_nobody_named_a_corruption_complaint_goes_to_the_committee_and_the_admin_is_asked_to_name_someone(
    client, office, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        code_in(client.post(CORRUPTION_URL, CORRUPTION))
    by_person = {m.to[0]: m for m in mail.outbox}
    assert set(by_person) == {people["committee"].email, people["admin"].email}
    assert "ท.1/2569" in by_person[people["committee"].email].subject
    admin_mail = by_person[people["admin"].email]
    assert "ท.1" not in admin_mail.subject + admin_mail.body and "กำหนดผู้รับผิดชอบ" in admin_mail.subject


def test_filing_leaves_an_audit_row_with_neither_personal_data_nor_the_address(client, office):
    client.post(SERVICE_URL, COMPLAINT, REMOTE_ADDR="203.0.113.9")
    row = AuditEvent.objects.get(action=AuditCode.PARTICIPATION_RECEIVED)
    assert row.address is None and row.actor is None
    assert row.object_repr == "ร.1/2569" and row.changes == {"case": "complaint", "reference": "ร.1/2569",
                                                             "stream": "service"}  # fmt: skip


@pytest.mark.parametrize("url, data, model", [
    ("/participation/feedback/", {"subject": "ที่จอดรถ", "detail": "ควรเพิ่มที่จอดรถสำหรับผู้สูงอายุ"}, Feedback),
    ("/participation/question/", {"subject": "ขอใบรับรองแพทย์ได้ที่ไหน"}, Question),
])  # fmt: skip
def test_feedback_and_questions_get_a_code_too(client, office, url, data, model):
    code = code_in(client.post(url, data))
    case = model.objects.get()
    assert case.status == Status.RECEIVED
    assert CaseEvent.objects.filter(**{case.case_type: case}).count() == 1
    found = client.post("/participation/status/", {"code": code.lower().replace("-", " ")})
    assert case.reference in found.content.decode()


def test_feedback_needs_words(client, office):
    html = client.post("/participation/feedback/", {"detail": "  "}).content.decode()
    assert "โปรดพิมพ์ความคิดเห็นหรือข้อเสนอแนะของท่าน" in html and not Feedback.objects.exists()


def test_the_status_page_shows_status_and_replies_but_never_notes_or_personal_data(client, office, people, handlers):
    from khaosan.participation import services

    case, code = complaint(office)
    services.case_note(case=case, actor=handlers["service"], text="บันทึกภายในห้ามผู้แจ้งเห็น")
    services.case_reply(case=case, actor=handlers["service"], text="สำนักงานได้ตักเตือนเจ้าหน้าที่แล้ว")
    html = client.post("/participation/status/", {"code": code}).content.decode()
    assert "ร.1/2569" in html and "สำนักงานได้ตักเตือนเจ้าหน้าที่แล้ว" in html
    assert "บันทึกภายในห้ามผู้แจ้งเห็น" not in html and "นายประชา" not in html and "รอรับบริการ" not in html


def test_an_unknown_code_says_what_to_check(client, office):
    html = client.post("/participation/status/", {"code": "ZZZZ-ZZZZ-ZZZZ"}).content.decode()
    assert "ไม่พบเรื่องที่มีรหัสติดตามนี้" in html
    html = client.post("/participation/status/", {"code": "0000"}).content.decode()
    assert "ไม่พบเรื่องที่มีรหัสติดตามนี้" in html


def test_a_code_of_another_office_finds_nothing(client, office, other_office):
    _case, code = complaint(other_office)
    html = client.post("/participation/status/", {"code": code}).content.decode()
    assert "ไม่พบเรื่องที่มีรหัสติดตามนี้" in html


def test_the_code_never_reaches_the_traffic_log(client, office):
    from khaosan.audit.models import TrafficRecord

    _case, code = complaint(office)
    client.post("/participation/status/", {"code": code})
    paths = " ".join(TrafficRecord.objects.values_list("path", flat=True))
    assert "/participation/status/" in paths and code not in paths
