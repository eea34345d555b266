"""Staff handle cases: assignment, status, notes, replies, deadlines, escalation; the corruption stream stays with
its named handlers and the committee, and every look at it is an audit event (MOIT 9, PDPA)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from khaosan.audit.models import AuditCode, AuditEvent
from khaosan.errors import NotAllowed
from khaosan.participation import services
from khaosan.participation.models import CaseEvent, Complaint, EventKind, Outcome, Status, Stream
from khaosan.workflow.models import Notification
from tests.conftest import pdf_bytes, upload
from tests.participation.conftest import complaint, verified_client

pytestmark = pytest.mark.django_db


def _url(case, action=""):
    base = f"/backoffice/participation/{case.case_type}/{case.pk}/"
    return f"{base}{action}/" if action else base


def test_a_handler_acknowledges_assigns_notes_replies_and_closes(client, office, people, handlers):
    case, code = complaint(office)
    staff = verified_client(client, handlers["service"])
    assert staff.get(_url(case)).status_code == 200
    staff.post(_url(case, "acknowledge"))
    staff.post(_url(case, "assign"), {"assignee": people["outsider"].pk})
    staff.post(_url(case, "note"), {"text": "โทรสอบถาม รพ.สต. แล้ว"})
    staff.post(_url(case, "reply"), {"text": "สำนักงานได้ชี้แจงขั้นตอนกับเจ้าหน้าที่แล้ว"})
    response = staff.post(_url(case, "close"), {"outcome": Outcome.RESOLVED})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.outcome == Outcome.RESOLVED and case.assignee == people["outsider"]
    assert case.acknowledged_at and case.answered_at and case.closed_at
    assert case.retain_until == case.closed_at + dt.timedelta(days=365)
    kinds = list(CaseEvent.objects.filter(complaint=case).values_list("kind", flat=True))
    assert kinds == ["received", "acknowledged", "assigned", "note", "reply", "closed"]
    # The assignee was told, and now sees the case too.
    assert Notification.objects.filter(recipient=people["outsider"], url=_url(case)).exists()
    # The citizen sees the reply and the closing, without an account.
    client.logout()
    html = client.post("/participation/status/", {"code": code}).content.decode()
    assert "สำนักงานได้ชี้แจงขั้นตอนกับเจ้าหน้าที่แล้ว" in html and "ดำเนินการเสร็จสิ้น" in html
    assert "โทรสอบถาม" not in html


def test_a_reply_by_email_says_there_is_news_but_not_what(office, handlers, django_capture_on_commit_callbacks):
    from django.core import mail

    case, _code = complaint(office)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.case_reply(case=case, actor=handlers["service"], text="คำตอบที่มีรายละเอียดส่วนตัว")
    (message,) = mail.outbox
    assert message.to == ["pracha@example.com"] and "ร.1/2569" in message.subject
    assert "คำตอบที่มีรายละเอียดส่วนตัว" not in message.body and "/participation/status/" in message.body


def test_closing_needs_an_outcome_and_a_reply(client, office, handlers):
    case, _code = complaint(office)
    staff = verified_client(client, handlers["service"])
    html = staff.post(_url(case, "close"), {"outcome": "", "reply": ""}).content.decode()
    assert "โปรดเลือกผลการดำเนินการ" in html and "โปรดพิมพ์คำตอบถึงผู้แจ้งก่อนปิดเรื่อง" in html
    case.refresh_from_db()
    assert case.status == Status.RECEIVED


def test_a_closed_case_cannot_be_changed(office, handlers):
    case, _code = complaint(office)
    services.case_close(case=case, actor=handlers["service"], outcome=Outcome.EXPLAINED, reply="ชี้แจงแล้ว")
    with pytest.raises(NotAllowed):
        services.case_reply(case=case, actor=handlers["service"], text="อีกครั้ง")
    assert CaseEvent.objects.filter(complaint=case, kind=EventKind.REPLY).count() == 1


CORRUPTION_OUTSIDERS = ["requester", "outsider", "webmaster", "admin", "reviewer", "approver"]


@pytest.mark.parametrize("role", CORRUPTION_OUTSIDERS)
def test_the_corruption_stream_is_invisible_to_everyone_not_named_even_by_guessing_addresses(
    client, office, people, handlers, role
):
    case, _code = complaint(office, Stream.CORRUPTION, files=[upload("หลักฐาน.pdf", pdf_bytes())])
    file_id = case.files.get().pk
    staff = verified_client(client, people[role])
    for url in (_url(case), _url(case, "reply"), _url(case, "close"), _url(case, "assign"),
                f"/backoffice/participation/complaint/{case.pk}/files/{file_id}/"):  # fmt: skip
        method = staff.get if url in (_url(case),) or "/files/" in url else staff.post
        assert method(url).status_code == 404, (role, url)
    listing = staff.get("/backoffice/participation/?queue=corruption&show=all").content.decode()
    assert "ท.1/2569" not in listing and "ร้องเรียนการทุจริต (" not in listing
    assert not AuditEvent.objects.filter(action=AuditCode.PARTICIPATION_VIEWED).exists()


def test_the_named_handler_and_the_committee_see_a_corruption_complaint_and_every_look_is_audited(
    client, office, people, handlers
):
    case, _code = complaint(office, Stream.CORRUPTION, files=[upload("หลักฐาน.pdf", pdf_bytes())])
    handler = verified_client(client, handlers["corruption"])
    assert "ท.1/2569" in handler.get("/backoffice/participation/?queue=corruption").content.decode()
    assert handler.get(_url(case)).status_code == 200
    file_id = case.files.get().pk
    assert handler.get(f"/backoffice/participation/complaint/{case.pk}/files/{file_id}/").status_code == 200
    actions = list(AuditEvent.objects.filter(actor=handlers["corruption"]).values_list("action", flat=True))
    assert actions.count(AuditCode.PARTICIPATION_LISTED) == 1
    assert (
        actions.count(AuditCode.PARTICIPATION_VIEWED) == 1 and actions.count(AuditCode.PARTICIPATION_FILE_VIEWED) == 1
    )
    client.logout()
    committee = verified_client(client, people["committee"])
    page = committee.get(_url(case))
    assert page.status_code == 200 and "ส่งคำตอบ" not in page.content.decode()  # read only
    committee.post(_url(case, "reply"), {"text": "คณะกรรมการตอบเอง"})
    assert not CaseEvent.objects.filter(complaint=case, kind=EventKind.REPLY).exists()
    assert AuditEvent.objects.filter(actor=people["committee"], action=AuditCode.PARTICIPATION_VIEWED).exists()


def test_a_corruption_complaint_is_assigned_only_to_its_named_handlers(office, people, handlers):
    case, _code = complaint(office, Stream.CORRUPTION)
    with pytest.raises(Exception) as refused:
        services.case_assign(case=case, actor=handlers["corruption"], assignee=people["webmaster"])
    assert "มอบหมายได้เฉพาะผู้ที่สำนักงานกำหนด" in str(refused.value)
    case.refresh_from_db()
    assert case.assignee is None


def test_a_service_complaint_is_seen_by_its_handlers_the_admin_the_committee_and_its_assignee_only(
    client, office, people, handlers, clock
):
    case, _code = complaint(office)
    for role, status in [("requester", 200), ("admin", 200), ("committee", 200), ("outsider", 404), ("webmaster", 404)]:
        client.logout()
        assert verified_client(client, people[role]).get(_url(case)).status_code == status, role
    services.case_assign(case=case, actor=people["admin"], assignee=people["outsider"])
    client.logout()
    clock.advance(seconds=31)  # a fresh one-time code for the second sign-in
    assert verified_client(client, people["outsider"]).get(_url(case)).status_code == 200


def test_a_case_of_another_office_answers_404(client, office, other_office, people):
    from khaosan.participation.models import Handler

    case, _code = complaint(other_office)
    Handler.objects.create(office=office, staff=people["requester"], stream=Stream.SERVICE)
    assert verified_client(client, people["admin"]).get(_url(case)).status_code == 404
    client.logout()
    assert verified_client(client, people["requester"]).get(_url(case)).status_code == 404


def test_only_the_administrator_names_handlers_and_sets_deadlines(client, office, people):
    with pytest.raises(NotAllowed):
        services.handler_add(
            office=office, actor=people["webmaster"], staff=people["requester"], stream=Stream.CORRUPTION
        )
    assert verified_client(client, people["webmaster"]).get("/backoffice/participation/settings/").status_code == 403
    client.logout()
    admin = verified_client(client, people["admin"])
    admin.post("/backoffice/participation/settings/", {"stream": "corruption", "staff": people["colleague"].pk})
    admin.post("/backoffice/participation/settings/", {"acknowledge_days": 2, "answer_days": 10})
    settings = services.office_deadlines(office)
    assert (settings.acknowledge_days, settings.answer_days) == (2, 10)
    assert services.handlers_of(office, Stream.CORRUPTION) == [people["colleague"]]
    assert AuditEvent.objects.filter(action=AuditCode.PARTICIPATION_HANDLERS).count() == 1


def test_late_cases_are_escalated_once_and_a_late_answer_goes_up(office, people, handlers, clock):
    service, _code = complaint(office)  # Wednesday 17 June 2026: acknowledge by 18 June, answer by 8 July
    corruption, _code = complaint(office, Stream.CORRUPTION)
    clock.move_to("2026-06-19 08:00")
    assert services.housekeeping_deadlines() == {"acknowledge": 2, "answer": 0}
    assert services.housekeeping_deadlines() == {"acknowledge": 0, "answer": 0}
    assert Notification.objects.filter(recipient=handlers["service"], subject__contains="เลยกำหนดรับเรื่อง").count() == 1
    services.case_acknowledge(case=service, actor=handlers["service"])
    clock.move_to("2026-07-09 08:00")
    assert services.housekeeping_deadlines() == {"acknowledge": 0, "answer": 2}  # ท.1 was told once already
    late = Notification.objects.filter(subject__contains="เลยกำหนดตอบ")
    assert set(late.filter(subject__contains="ร.1/2569").values_list("recipient__username", flat=True)) == {
        handlers["service"].username,
        people["approver"].username,
    }
    assert set(late.filter(subject__contains="ท.1/2569").values_list("recipient__username", flat=True)) == {
        handlers["corruption"].username,
        people["committee"].username,
    }
    assert people["admin"].notifications.filter(subject__contains="ท.1").count() == 0
    assert AuditEvent.objects.filter(action=AuditCode.PARTICIPATION_ESCALATED).count() == 4


def test_housekeeping_runs_the_participation_jobs(office):
    from khaosan.audit.services import housekeeping_run

    ok, results = housekeeping_run()
    assert ok and results["participation.deadlines"] == {"acknowledge": 0, "answer": 0}
    assert results["participation.retention"] == {"erased": 0, "comments_cleared": 0}


def test_the_list_costs_the_same_queries_for_many_cases(client, office, people, handlers):
    staff = verified_client(client, handlers["service"])
    complaint(office)
    with CaptureQueriesContext(connection) as few:
        staff.get("/backoffice/participation/?queue=service")
    for _ in range(8):
        case, _code = complaint(office)
        services.case_assign(case=case, actor=handlers["service"], assignee=people["outsider"])
    with CaptureQueriesContext(connection) as many:
        assert "ร.9/2569" in staff.get("/backoffice/participation/?queue=service").content.decode()
    assert len(many) == len(few)


def test_an_unknown_kind_or_action_answers_404(client, office, handlers):
    case, _code = complaint(office)
    staff = verified_client(client, handlers["service"])
    assert staff.get(f"/backoffice/participation/nothing/{case.pk}/").status_code == 404
    assert staff.post(_url(case, "delete")).status_code == 404
    assert Complaint.objects.filter(pk=case.pk).exists()
