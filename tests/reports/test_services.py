"""Writes of training records and of the performance report: who may, what is checked, what is recorded."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from khaosan.audit.models import AuditEvent
from khaosan.org.models import Delegation
from khaosan.reports import services
from khaosan.reports.models import PerformanceReport, Training
from khaosan.reports.periods import fiscal_year_period, quarter_period
from khaosan.reports.permissions import ReportNotAllowed, TrainingNotAllowed
from khaosan.workflow.models import Notification
from tests.conftest import jpeg_bytes, pdf_bytes, upload
from tests.reports.conftest import at

pytestmark = pytest.mark.django_db

COURSE = {"kind": "training", "title": "การรักษาความมั่นคงปลอดภัยเว็บไซต์", "organiser": "สกมช.",
          "starts_on": dt.date(2026, 6, 1), "ends_on": dt.date(2026, 6, 2), "hours": 12,
          "on_cyber_security": True}  # fmt: skip


def audit_actions(obj):
    return list(AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
                .order_by("seq").values_list("action", flat=True))  # fmt: skip


# Training records --------------------------------------------------------------------------------------


def test_a_member_of_staff_records_their_own_training_with_a_certificate(office, people):
    me = people["requester"]
    training = services.training_record(office=office, actor=me, person=me, **COURSE,
                                        certificate=upload("วุฒิบัตร.pdf", pdf_bytes()))  # fmt: skip
    assert training.unit == me.unit and training.recorded_by == me
    assert training.certificate_name == "วุฒิบัตร.pdf" and training.certificate.kind == "pdf"
    assert training.topics == ["cyber_security"] and training.fiscal_year == 2569
    assert audit_actions(training) == ["training.recorded"]


def test_a_requester_cannot_record_for_someone_else_and_nothing_is_written(office, people):
    with pytest.raises(TrainingNotAllowed):
        services.training_record(office=office, actor=people["requester"], person=people["colleague"], **COURSE)
    assert not Training.objects.exists() and not AuditEvent.objects.filter(action="training.recorded").exists()


@pytest.mark.parametrize("role", ["admin", "webmaster"])
def test_administrators_and_web_masters_record_for_anyone_in_their_office(office, people, role):
    training = services.training_record(office=office, actor=people[role], person=people["colleague"], **COURSE)
    assert training.person == people["colleague"] and training.recorded_by == people[role]


def test_nobody_records_for_a_person_of_another_office(office, other_office, people):
    from tests.conftest import make_person

    stranger = make_person(other_office, "stranger")
    with pytest.raises(TrainingNotAllowed):
        services.training_record(office=office, actor=people["admin"], person=stranger, **COURSE)


def test_a_requester_cannot_edit_or_remove_another_persons_training(office, people):
    theirs = services.training_record(office=office, actor=people["colleague"], person=people["colleague"], **COURSE)
    with pytest.raises(TrainingNotAllowed):
        services.training_update(training=theirs, actor=people["requester"], **(COURSE | {"title": "แก้"}))
    with pytest.raises(TrainingNotAllowed):
        services.training_remove(training=theirs, actor=people["requester"])
    theirs.refresh_from_db()
    assert theirs.title == COURSE["title"] and audit_actions(theirs) == ["training.recorded"]


def test_an_edit_records_what_changed_and_a_removal_keeps_what_it_said(office, people):
    me = people["requester"]
    training = services.training_record(office=office, actor=me, person=me, **COURSE)
    services.training_update(training=training, actor=me, **(COURSE | {"hours": 10, "on_website": True}))
    training.refresh_from_db()
    assert training.hours == 10 and training.topics == ["website", "cyber_security"]
    changed = AuditEvent.objects.get(action="training.changed")
    assert changed.changes["changes"]["hours"] == ["12.0", "10"]
    assert changed.changes["changes"]["on_website"] == [False, True] and "title" not in changed.changes["changes"]
    pk = training.pk
    services.training_remove(training=training, actor=me)
    removed = AuditEvent.objects.get(action="training.removed")
    assert not Training.objects.filter(pk=pk).exists()
    assert removed.object_id == str(pk) and removed.changes["title"] == COURSE["title"]


@pytest.mark.parametrize(("fields", "field", "says"), [
    ({"title": "  "}, "title", "โปรดระบุหลักสูตร"),
    ({"organiser": ""}, "organiser", "โปรดระบุหน่วยงานหรือผู้จัด"),
    ({"ends_on": dt.date(2026, 5, 31)}, "ends_on", "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม"),
    ({"hours": 0}, "hours", "มากกว่า 0"),
    ({"hours": 49}, "hours", "มากกว่า 24 ชั่วโมงต่อวัน"),
    ({"hours": "3.25"}, "hours", "ทศนิยม 1 ตำแหน่ง"),
    ({"starts_on": dt.date(2026, 6, 18), "ends_on": dt.date(2026, 6, 18)}, "starts_on", "ยังมาไม่ถึง"),
    ({"kind": "party"}, "kind", "โปรดเลือกประเภท"),
])  # fmt: skip
def test_a_record_that_does_not_add_up_is_refused_with_a_thai_reason(office, people, clock, fields, field, says):
    clock.move_to(at("2026-06-17 10:00"))
    me = people["requester"]
    with pytest.raises(ValidationError) as refused:
        services.training_record(office=office, actor=me, person=me, **(COURSE | fields))
    assert says in " ".join(refused.value.message_dict[field])
    assert not Training.objects.exists()


def test_a_certificate_follows_the_upload_rules_of_every_file(office, people):
    me = people["requester"]
    with pytest.raises(ValidationError) as refused:
        services.training_record(office=office, actor=me, person=me, **COURSE,
                                 certificate=upload("วุฒิบัตร.pdf", jpeg_bytes()))  # fmt: skip
    assert "ไม่ใช่ไฟล์ .pdf" in " ".join(refused.value.message_dict["certificate"])
    with pytest.raises(ValidationError):
        services.training_record(office=office, actor=me, person=me, **COURSE,
                                 certificate=upload("script.html", b"<script>alert(1)</script>"))  # fmt: skip
    assert not Training.objects.exists()


def test_a_new_certificate_replaces_the_old_one_and_can_be_removed(office, people):
    me = people["requester"]
    training = services.training_record(office=office, actor=me, person=me, **COURSE,
                                        certificate=upload("เดิม.pdf", pdf_bytes()))  # fmt: skip
    services.training_update(training=training, actor=me, **COURSE, certificate=upload("ใหม่.jpg", jpeg_bytes()))
    training.refresh_from_db()
    assert (training.certificate_name, training.certificate_extension) == ("ใหม่.jpg", "jpg")
    services.training_update(training=training, actor=me, **COURSE, remove_certificate=True)
    training.refresh_from_db()
    assert training.certificate is None and training.certificate_name == ""


# The performance report ----------------------------------------------------------------------------------


Q2 = quarter_period(2569, 2)  # January – March 2026, over on the suite's day (17 Jun 2026)


@pytest.mark.parametrize("role", ["requester", "committee", "reviewer", "approver"])
def test_only_web_masters_and_administrators_prepare_the_report(office, people, role):
    with pytest.raises(ReportNotAllowed):
        services.report_prepare(office=office, actor=people[role], period=Q2, problems="ปัญหา")
    assert not PerformanceReport.objects.exists()


def test_preparing_the_report_tells_the_approver_once(office, people):
    report = services.report_prepare(office=office, actor=people["webmaster"], period=Q2, problems="")
    assert not Notification.objects.filter(recipient=people["approver"]).exists()  # nothing to acknowledge yet
    services.report_prepare(office=office, actor=people["webmaster"], period=Q2,
                            problems="1. เจ้าหน้าที่มีภาระงานมาก", suggestions="จัดอบรมเพิ่ม")  # fmt: skip
    services.report_prepare(office=office, actor=people["admin"], period=Q2,
                            problems="1. เจ้าหน้าที่มีภาระงานมาก\n2. งบประมาณจำกัด")  # fmt: skip
    report.refresh_from_db()
    assert report.problems.endswith("งบประมาณจำกัด") and report.prepared_by == people["admin"]
    assert Notification.objects.filter(recipient=people["approver"]).count() == 1
    assert audit_actions(report) == ["report.prepared", "report.prepared", "report.prepared"]


@pytest.mark.parametrize("role", ["requester", "webmaster", "admin", "reviewer", "committee"])
def test_only_the_approver_acknowledges(office, people, role):
    services.report_prepare(office=office, actor=people["webmaster"], period=Q2, problems="ปัญหา")
    with pytest.raises(ReportNotAllowed):
        services.report_acknowledge(office=office, actor=people[role], period=Q2)
    report = PerformanceReport.objects.get()
    assert report.acknowledged_at is None and report.facts is None


def test_the_head_cannot_acknowledge_an_empty_section_or_a_period_still_running(office, people):
    with pytest.raises(ReportNotAllowed, match="ยังไม่มีสรุปปัญหาและอุปสรรค"):
        services.report_acknowledge(office=office, actor=people["approver"], period=Q2)
    year = fiscal_year_period(2569)  # runs until 30 Sep 2026
    services.report_prepare(office=office, actor=people["webmaster"], period=year, problems="ปัญหา")
    with pytest.raises(ReportNotAllowed, match="1 ตุลาคม 2569"):
        services.report_acknowledge(office=office, actor=people["approver"], period=year)


def test_acknowledging_freezes_the_facts_as_signed(fy2569, office, clock):
    people = fy2569.people
    services.report_prepare(office=office, actor=people["webmaster"], period=Q2, problems="ระบบเดิมล่าช้า")
    clock.move_to(at("2026-06-18 09:00"))
    report = services.report_acknowledge(office=office, actor=people["approver"], period=Q2)
    assert report.acknowledged_name == "นายประเสริฐ วงศ์คำ" and report.acknowledged_position == "สาธารณสุขอำเภอบ้านหลวง"
    assert report.facts["trainings"]["count"] == 2
    event = AuditEvent.objects.get(action="report.acknowledged")
    assert event.changes["facts_sha256"] == services.facts_digest(report.facts)
    # A training of that quarter recorded afterwards changes the live numbers, not the signed report.
    in_march = {"starts_on": dt.date(2026, 3, 2), "ends_on": dt.date(2026, 3, 2)}
    me = people["requester"]
    services.training_record(office=office, actor=me, person=me, **(COURSE | in_march))
    from khaosan.reports import facts, selectors

    assert facts.draw(office, Q2)["trainings"]["count"] == 3
    assert selectors.report_facts_for(office, Q2, selectors.report_for(office, Q2))["trainings"]["count"] == 2
    with pytest.raises(ReportNotAllowed, match="รับทราบรายงานนี้แล้ว"):
        services.report_prepare(office=office, actor=people["webmaster"], period=Q2, problems="แก้ภายหลัง")
    with pytest.raises(ReportNotAllowed):
        services.report_acknowledge(office=office, actor=people["approver"], period=Q2)
    assert Notification.objects.filter(recipient=people["webmaster"], subject__contains="รับทราบ").exists()


def test_a_delegate_of_the_head_acknowledges_on_their_behalf(office, people, clock):
    today = clock.today
    Delegation.objects.create(office=office, role="approver", delegator=people["approver"], delegate=people["reviewer"],
                              starts_on=today, ends_on=today, reason="ลาพักผ่อน")  # fmt: skip
    services.report_prepare(office=office, actor=people["webmaster"], period=Q2, problems="ปัญหา")
    report = services.report_acknowledge(office=office, actor=people["reviewer"], period=Q2)
    assert report.acknowledged_on_behalf.startswith("ปฏิบัติราชการแทน นายประเสริฐ วงศ์คำ")


def test_reports_of_two_offices_are_apart(office, other_office, people):
    from khaosan.reports import selectors

    services.report_prepare(office=office, actor=people["webmaster"], period=Q2, problems="ของบ้านหลวง")
    assert selectors.report_for(other_office, Q2) is None
    assert selectors.report_for(office, Q2).problems == "ของบ้านหลวง"
