"""Notification e-mails: a subject is always one line, and an e-mail that could not be sent is never silent."""

import logging
import smtplib

import pytest
from django.core import mail
from django.core.mail import EmailMessage

from khaosan.workflow import notify
from khaosan.workflow.models import Channel, Notification
from khaosan.workflow.notify import one_line
from tests.conftest import topic
from tests.workflow.conftest import make_person, submitted_request

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ประกาศ\r\nBcc: x@example.com", "ประกาศ Bcc: x@example.com"),
        ("  หัวเรื่อง\tมี\u2028แท็บ\x00และ\x85ตัวควบคุม  ", "หัวเรื่อง มี แท็บ และ ตัวควบคุม"),
        ("ก" * 200, "ก" * 149 + "…"),
    ],
)
def test_a_subject_is_one_line_without_control_characters_and_capped(text, expected):
    assert one_line(text) == expected


def test_a_title_with_a_line_break_still_sends_its_emails(office, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submitted_request(office, people["requester"], title="ประกาศรับสมัคร\r\nลูกจ้างชั่วคราว")
    sent = [m for m in mail.outbox if m.to == [people["reviewer"].email]]
    assert [m.subject for m in sent] == ["คำขอเผยแพร่รอการพิจารณา: ประกาศรับสมัคร ลูกจ้างชั่วคราว"]
    row = Notification.objects.get(recipient=people["reviewer"])
    assert row.emailed_at is not None and row.email_failed_at is None and "\n" not in row.subject


def test_a_long_title_gives_a_subject_that_fits_the_notification(office, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submitted_request(office, people["requester"], title="ป" * 300)
    row = Notification.objects.get(recipient=people["reviewer"])
    assert len(row.subject) == notify.SUBJECT_MAX_CHARS and row.subject.endswith("…")
    assert mail.outbox[0].subject == row.subject


def test_an_address_the_server_refuses_is_recorded_logged_and_the_others_still_go(
    office, people, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    second = make_person(office, "second", unit_code="it", roles=["reviewer"], first_name="นายสอง")
    send = EmailMessage.send

    def refuse_one(message, *args, **kwargs):
        if message.to == [second.email]:
            raise smtplib.SMTPRecipientsRefused({second.email: (550, b"no such user")})
        return send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", refuse_one)
    with caplog.at_level(logging.ERROR, logger="khaosan.notify"), django_capture_on_commit_callbacks(execute=True):
        submitted_request(office, people["requester"])
    refused = Notification.objects.get(recipient=second)
    assert refused.email_failed_at is not None and refused.emailed_at is None
    assert refused.email_error.startswith("SMTPRecipientsRefused")
    delivered = Notification.objects.get(recipient=people["reviewer"])
    assert delivered.emailed_at is not None and delivered.email_failed_at is None
    assert [m.to for m in mail.outbox] == [[people["reviewer"].email]]
    assert any(second.email in record.getMessage() for record in caplog.records)


def test_a_mail_server_that_is_down_marks_every_email_failed(
    office, people, monkeypatch, django_capture_on_commit_callbacks
):
    def down(*args, **kwargs):
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(notify, "get_connection", down)
    with django_capture_on_commit_callbacks(execute=True):
        pub_request = submitted_request(office, people["requester"])
    rows = Notification.objects.filter(pub_request=pub_request)
    assert rows.exists() and all(row.email_failed_at and "ConnectionRefusedError" in row.email_error for row in rows)
    assert not rows.filter(emailed_at__isnull=False).exists()


def test_an_email_to_a_requester_without_an_account_that_fails_is_told_to_the_web_master(
    office, people, monkeypatch, django_capture_on_commit_callbacks
):
    from khaosan.org.models import Unit
    from khaosan.workflow import services

    agency = Unit.objects.create(office=office, code="pho-nan", kind="external", name_th="สสจ.น่าน")
    pub_request = services.request_register_and_submit(
        office=office, actor=people["webmaster"], channel=Channel.EMAIL, requester_name="นางสาวรัตนา คำมา",
        requester_unit=agency, requester_contact="ratana@example.go.th", title="ประชาสัมพันธ์",
        summary="ขอประชาสัมพันธ์", topic=topic("external-agency-info"), source="สสจ.น่าน", rights_confirmed=True,
    )  # fmt: skip
    send = EmailMessage.send

    def refuse_outside(message, *args, **kwargs):
        if message.to == ["ratana@example.go.th"]:
            raise smtplib.SMTPRecipientsRefused({"ratana@example.go.th": (550, b"unknown")})
        return send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", refuse_outside)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_decide(pub_request_id=pub_request.pk, actor=people["reviewer"], verdict="return",
                                reason_code="incomplete")  # fmt: skip
    notice = Notification.objects.get(recipient=people["webmaster"], email_failed_at__isnull=False)
    assert "ส่งอีเมลถึงผู้ขอไม่สำเร็จ" in notice.subject and "ratana@example.go.th" in notice.message
