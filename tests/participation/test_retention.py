"""PDPA: a closed case keeps its complainant's personal data for the retention period, then loses it at that instant."""

import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured

from khaosan.audit.models import AuditCode, AuditEvent
from khaosan.catalog.models import Blob
from khaosan.participation import services
from khaosan.participation.models import CaseEvent, Complaint, EventKind, Outcome, SatisfactionResponse, Status, Stream
from khaosan.participation.summaries import summary_counts
from khaosan.thai.dates import period_of
from tests.conftest import pdf_bytes, upload
from tests.participation.conftest import complaint, verified_client

pytestmark = pytest.mark.django_db


def _closed(office, handlers, **fields):
    case, code = complaint(office, files=[upload("ใบนัด.pdf", pdf_bytes(2))], **fields)
    services.case_note(case=case, actor=handlers["service"], text="ผู้ร้องชื่อนายประชา โทรมาอีกครั้ง")
    services.case_close(case=case, actor=handlers["service"], outcome=Outcome.RESOLVED, reply="แก้ไขแล้ว ขออภัยคุณประชา")
    case.refresh_from_db()
    return case, code


def test_personal_data_is_erased_at_the_end_of_the_retention_period_and_not_a_second_before(
    client, office, handlers, clock, django_capture_on_commit_callbacks
):
    clock.freeze()
    case, code = _closed(office, handlers)
    blob = case.files.get().blob
    instant = case.closed_at + dt.timedelta(days=365)
    assert case.retain_until == instant

    clock.move_to(instant - dt.timedelta(seconds=1), tick=False)
    assert services.housekeeping_retention() == {"erased": 0, "comments_cleared": 0}
    staff = verified_client(client, handlers["service"])
    assert "นายประชา ราษฎร์ดี" in staff.get(f"/backoffice/participation/complaint/{case.pk}/").content.decode()

    clock.move_to(instant, tick=False)
    # At the instant the case page shows nothing personal, even before housekeeping has run (principle 5).
    html = staff.get(f"/backoffice/participation/complaint/{case.pk}/").content.decode()
    assert "นายประชา" not in html and "081 234 5678" not in html and "รอรับบริการ" not in html and "ใบนัด.pdf" not in html
    assert "ลบชื่อ ช่องทางติดต่อ รายละเอียด และไฟล์แนบแล้ว" in html
    assert staff.get(f"/backoffice/participation/complaint/{case.pk}/files/{case.files.get().pk}/").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):  # the file leaves the disk once the erasure is committed
        assert services.housekeeping_retention() == {"erased": 1, "comments_cleared": 0}
    case.refresh_from_db()
    for name in ("name", "phone", "email", "address", "subject", "detail", "concerned"):
        assert getattr(case, name) == "", name
    assert case.erased_at == instant
    assert not case.files.exists() and not Blob.objects.filter(pk=blob.pk).exists() and not blob.path.exists()
    assert not CaseEvent.objects.filter(complaint=case).exclude(text="").exclude(kind=EventKind.ASSIGNED).exists()
    # What the summaries count stays.
    assert (case.stream, case.kind, case.status, case.outcome) == (
        Stream.SERVICE,
        "delay",
        Status.CLOSED,
        Outcome.RESOLVED,
    )
    assert case.created_at and case.closed_at and case.answer_due
    assert summary_counts(office, period_of("fiscal_year", case.created_at)).streams[0].received == 1
    row = AuditEvent.objects.get(action=AuditCode.PARTICIPATION_ERASED)
    assert row.changes["files"] == 1 and row.changes["texts"] == 2 and row.object_repr == "ร.1/2569"
    # The citizen's code still shows the status, without the words.
    client.logout()
    status = client.post("/participation/status/", {"code": code}).content.decode()
    assert "ดำเนินการเสร็จสิ้น" in status and "ขออภัยคุณประชา" not in status
    assert services.housekeeping_retention() == {"erased": 0, "comments_cleared": 0}


def test_an_open_case_is_never_erased(office, handlers, clock):
    case, _code = complaint(office)
    clock.advance(days=3650)
    services.housekeeping_retention()
    case.refresh_from_db()
    assert case.name == "นายประชา ราษฎร์ดี" and case.erased_at is None


def test_content_an_item_also_holds_is_not_removed_from_disk(office, handlers, publish, clock,
                                                             django_capture_on_commit_callbacks):  # fmt: skip
    item = publish(files=[upload("ประกาศ.pdf", pdf_bytes(2))])
    case, _code = _closed(office, handlers)
    shared = case.files.get().blob
    assert item.attachments.get().blob == shared  # the same bytes
    clock.advance(days=366)
    with django_capture_on_commit_callbacks(execute=True):
        services.housekeeping_retention()
    assert not case.files.exists() and Blob.objects.filter(pk=shared.pk).exists() and shared.path.exists()


def test_the_retention_period_is_a_setting(office, handlers, settings, clock):
    settings.KHAOSAN = {**settings.KHAOSAN, "PARTICIPATION_RETENTION_DAYS": 30}
    case, _code = _closed(office, handlers)
    assert case.retain_until == case.closed_at + dt.timedelta(days=30)
    clock.advance(days=30, seconds=1)
    assert services.housekeeping_retention()["erased"] == 1


@pytest.mark.parametrize("value", ["0", "29", "3651"])
def test_a_retention_period_out_of_bounds_stops_the_start_up(monkeypatch, value):
    from khaosan.settings import env_participation_retention_days

    monkeypatch.setenv("KHAOSAN_PARTICIPATION_RETENTION_DAYS", value)
    with pytest.raises(ImproperlyConfigured):
        env_participation_retention_days()


def test_satisfaction_comments_are_cleared_after_the_retention_period(office, clock):
    services.satisfaction_give(office=office, score=4, comment="เจ้าหน้าที่ชื่อสมศรีบริการดี")
    clock.advance(days=366)
    assert services.housekeeping_retention()["comments_cleared"] == 1
    answer = SatisfactionResponse.objects.get()
    assert answer.comment == "" and answer.score == 4


def test_feedback_and_questions_are_erased_too(office, handlers, clock):
    filed = services.feedback_give(office=office, name="นางสาวใจดี", email="jaidee@example.com", detail="ห้องน้ำสกปรก")
    services.case_close(case=filed.case, actor=handlers["service"], reply="ขอบคุณ ได้ทำความสะอาดแล้ว")
    clock.advance(days=366)
    assert services.housekeeping_retention()["erased"] == 1
    filed.case.refresh_from_db()
    assert (filed.case.name, filed.case.email, filed.case.detail) == ("", "", "")
    assert Complaint.objects.count() == 0
