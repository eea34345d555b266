"""Housekeeping records takedowns, warns before expiry and raises deadline alarms, each once (S-2.4, S-1.10)."""

import datetime as dt

import pytest
from django.core import mail

from khaosan.audit.models import AuditCode, AuditEvent
from khaosan.audit.services import housekeeping_run
from khaosan.catalog.models import Item, ItemVersion
from khaosan.catalog.services import ItemLeftSite, item_replace_content
from khaosan.compliance.models import ComplianceSnapshot
from khaosan.compliance.services import housekeeping_deadlines, housekeeping_expiry
from khaosan.workflow.models import Notification
from tests.conftest import BANGKOK
from tests.workflow.conftest import approve_all, submitted_request

pytestmark = pytest.mark.django_db


def at(*args):
    return dt.datetime(*args, tzinfo=BANGKOK)


def inbox_of(person):
    return list(Notification.objects.filter(recipient=person).values_list("subject", flat=True))


@pytest.fixture
def leaving(office, people, publish, clock):
    """A job announcement published on 1 June that leaves at the end of 30 June, with its requester known."""
    clock.move_to(at(2026, 6, 1, 9, 0))
    item = publish("job-announcements", "รับสมัครลูกจ้างชั่วคราว", expire_at=at(2026, 6, 30, 23, 59))
    pub_request = approve_all(submitted_request(office, people["requester"]), people)
    pub_request.__class__.objects.filter(pk=pub_request.pk).update(item=item, state="published")
    return item


def test_owners_and_web_masters_are_warned_14_and_3_days_ahead_once_each(
    leaving, people, clock, django_capture_on_commit_callbacks
):
    clock.move_to(at(2026, 6, 16, 23, 58))  # a minute more than 14 days ahead: nothing yet
    assert housekeeping_expiry()["warned"] == 0
    clock.move_to(at(2026, 6, 17, 1, 0))
    with django_capture_on_commit_callbacks(execute=True):
        assert housekeeping_expiry()["warned"] == 1
        assert housekeeping_expiry()["warned"] == 0  # the same day again: nothing more
    assert inbox_of(people["requester"])[0].startswith("อีก 14 วันจะครบกำหนดเผยแพร่")
    assert any(s.startswith("อีก 14 วัน") for s in inbox_of(people["webmaster"]))
    assert any("อีก 14 วัน" in m.subject for m in mail.outbox)
    clock.move_to(at(2026, 6, 28, 9, 0))
    assert housekeeping_expiry()["warned"] == 1
    assert inbox_of(people["requester"])[0].startswith("อีก 3 วันจะครบกำหนดเผยแพร่")


def test_a_first_run_two_days_ahead_sends_only_the_nearest_warning(leaving, people, clock):
    clock.move_to(at(2026, 6, 29, 9, 0))
    assert housekeeping_expiry()["warned"] == 1
    assert housekeeping_expiry()["warned"] == 0
    warnings = [s for s in inbox_of(people["requester"]) if "จะครบกำหนด" in s]
    assert warnings == ["อีก 2 วันจะครบกำหนดเผยแพร่: รับสมัครลูกจ้างชั่วคราว"]


def test_the_takedown_is_recorded_kept_and_told_and_the_address_answers_410(leaving, people, clock, client):
    clock.move_to(at(2026, 7, 1, 0, 30))
    assert client.get(leaving.get_absolute_url()).status_code == 410  # gone at its instant, before any job
    versions = ItemVersion.objects.filter(item=leaving).count()
    assert housekeeping_expiry()["expired"] == 1
    assert housekeeping_expiry()["expired"] == 0
    assert AuditEvent.objects.filter(action=AuditCode.ITEM_EXPIRED, object_id=str(leaving.pk)).count() == 1
    assert ItemVersion.objects.filter(item=leaving).count() == versions + 1
    assert Item.objects.filter(pk=leaving.pk).exists()  # archived, never deleted
    assert any(s.startswith("นำออกจากเว็บไซต์แล้วเมื่อครบกำหนด") for s in inbox_of(people["webmaster"]))
    assert any(s.startswith("นำออกจากเว็บไซต์แล้วเมื่อครบกำหนด") for s in inbox_of(people["requester"]))


def test_an_expired_item_comes_back_only_through_a_new_request(leaving, office, people, clock):
    office.changes_need_approval = False  # even where web masters may change items directly
    office.save()
    clock.move_to(at(2026, 7, 2, 9, 0))
    with pytest.raises(ItemLeftSite) as refused:
        item_replace_content(item=leaving, actor=people["webmaster"], expire_at=at(2026, 12, 31, 23, 59))
    assert "คำขอเผยแพร่ใหม่" in str(refused.value) and refused.value.field == "expire_at"
    assert Item.objects.get(pk=leaving.pk).expire_at == at(2026, 6, 30, 23, 59)
    item_replace_content(item=leaving, actor=people["webmaster"], summary="แก้คำผิดในคลัง")  # corrections stay possible
    item_replace_content(
        item=leaving, actor=people["webmaster"], expire_at=at(2026, 12, 31, 23, 59), through_request=True
    )
    assert Item.objects.get(pk=leaving.pk).is_visible_at(at(2026, 7, 2, 9, 1))


def test_deadline_alarms_across_songkran(office, people, clock):
    clock.move_to(at(2026, 4, 9, 10, 0))  # Thursday; Songkran is Monday 13 to Wednesday 15 April 2026
    pub_request = approve_all(submitted_request(office, people["requester"]), people)
    assert pub_request.due_on == dt.date(2026, 4, 17)  # Fri 10, Thu 16, Fri 17
    for day in (10, 13, 14, 15):
        clock.move_to(at(2026, 4, day, 8, 0))
        assert housekeeping_deadlines() == {"eve": 0, "due": 0, "late": 0}, day
    clock.move_to(at(2026, 4, 16, 8, 0))  # the working day before
    assert housekeeping_deadlines() == {"eve": 1, "due": 0, "late": 0}
    assert housekeeping_deadlines() == {"eve": 0, "due": 0, "late": 0}
    assert any(s.startswith("พรุ่งนี้ครบกำหนดเผยแพร่") for s in inbox_of(people["webmaster"]))
    assert not any(s.startswith("พรุ่งนี้") for s in inbox_of(people["reviewer"]))
    clock.move_to(at(2026, 4, 17, 8, 0))
    assert housekeeping_deadlines() == {"eve": 0, "due": 1, "late": 0}
    for head in ("reviewer", "admin"):
        assert any(s.startswith("วันนี้ครบกำหนดเผยแพร่") for s in inbox_of(people[head]))
    clock.move_to(at(2026, 4, 20, 8, 0))
    assert housekeeping_deadlines() == {"eve": 0, "due": 0, "late": 1}
    assert any(s.startswith("เลยกำหนดเผยแพร่แล้ว") for s in inbox_of(people["approver"])) is False
    assert any(s.startswith("เลยกำหนดเผยแพร่แล้ว") for s in inbox_of(people["webmaster2"]))


def test_housekeeping_runs_the_compliance_jobs_and_keeps_one_snapshot_a_day(office, publish, clock):
    publish("history", "ประวัติ")
    ok, results = housekeeping_run()
    assert ok and {"compliance.expiry", "compliance.deadlines", "compliance.snapshot"} <= set(results)
    housekeeping_run()
    snapshot = ComplianceSnapshot.objects.get(office=office)
    assert snapshot.date == dt.date(2026, 6, 17) and snapshot.topics["history"] == "current"
    clock.advance(days=1)
    housekeeping_run()
    assert ComplianceSnapshot.objects.filter(office=office).count() == 2


def test_a_late_publication_is_recorded_with_how_many_working_days_late(office, people, clock):
    from khaosan.workflow import services
    from tests.workflow.conftest import NOTHING_FOUND

    clock.move_to(at(2026, 4, 9, 10, 0))
    pub_request = approve_all(submitted_request(office, people["requester"]), people)  # due Friday 17 April
    clock.move_to(at(2026, 4, 21, 9, 0))  # Tuesday: Monday 20 and Tuesday 21 are past the deadline
    services.request_take(pub_request=pub_request, actor=people["webmaster"])
    fields = services.item_fields_from(pub_request)
    services.request_publish(pub_request_id=pub_request.pk, actor=people["webmaster"], redaction=NOTHING_FOUND,
                             **fields)  # fmt: skip
    event = AuditEvent.objects.get(action=AuditCode.REQUEST_PUBLISHED, object_id=str(pub_request.pk))
    assert event.changes["late"] is True and event.changes["working_days_late"] == 2
