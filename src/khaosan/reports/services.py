"""Writes of training records (S-3.5) and of the performance report (S-5, MOIT1 2.1–2.3).

Each function checks first (TrainingNotAllowed / ReportNotAllowed, or ValidationError with Thai
messages per field) before anything is written, records an audit row in the same transaction, and
tells people only once the change is committed (workflow.notify).
"""

import datetime as dt
import hashlib
import json
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from khaosan.audit.models import AuditCode
from khaosan.audit.services import record
from khaosan.catalog.files import inspect_upload
from khaosan.catalog.storage import atomic_with_files, store_blob
from khaosan.compliance.services import reminder_once
from khaosan.org.models import Delegation
from khaosan.org.roles import Role, members, role_names
from khaosan.reports import facts as report_facts
from khaosan.reports.models import PerformanceReport, Training, TrainingKind
from khaosan.reports.periods import has_ended, period_slug
from khaosan.reports.permissions import (
    ReportNotAllowed,
    TrainingNotAllowed,
    can_acknowledge_report,
    can_edit_training,
    can_prepare_report,
    records_for_anyone,
)
from khaosan.thai.dates import thai_date, thai_datetime
from khaosan.workflow.notify import notify

TRAINING_FIELDS = (
    "kind", "title", "organiser", "venue", "held_by_office", "starts_on", "ends_on", "hours", "on_website",
    "on_cyber_security", "notes",
)  # fmt: skip
HOURS_A_DAY = 24  # a sanity check on typing: 120 hours for a one-day course is a slip of a key
MAX_HOURS = Decimal("9999.9")  # Training.hours: 5 digits, 1 after the point


# Training records ------------------------------------------------------------------------------------


def _ensure_may_record_for(actor, office, person):
    if actor.office_id != office.pk or person.office_id != office.pk:
        raise TrainingNotAllowed(_("บันทึกการฝึกอบรมได้เฉพาะเจ้าหน้าที่ของสำนักงานเดียวกัน"))
    if person.pk != actor.pk and not records_for_anyone(actor):
        raise TrainingNotAllowed(_("บันทึกการฝึกอบรมของผู้อื่นได้เฉพาะผู้ดูแลระบบและผู้ดูแลเว็บไซต์ "
                                   "ท่านบันทึกการฝึกอบรมของตนเองได้ที่เมนูการฝึกอบรมของฉัน"))  # fmt: skip


def _clean_training(fields):
    """Check a record's fields together; raise ValidationError with a Thai message on each field at fault."""
    errors = {}
    today = timezone.localdate()
    for name, message in (("title", _("โปรดระบุหลักสูตรหรือหัวข้อที่เข้าร่วม")),
                          ("organiser", _("โปรดระบุหน่วยงานหรือผู้จัด"))):  # fmt: skip
        fields[name] = (fields.get(name) or "").strip()
        if not fields[name]:
            errors[name] = message
    if fields.get("kind") not in TrainingKind.values:
        errors["kind"] = _("โปรดเลือกประเภท: การฝึกอบรม หรือการแลกเปลี่ยนเรียนรู้")
    starts, ends = fields.get("starts_on"), fields.get("ends_on")
    if starts is None:
        errors["starts_on"] = _("โปรดระบุวันที่เริ่ม")
    elif starts > today:
        errors["starts_on"] = _("วันที่เริ่มยังมาไม่ถึง โปรดบันทึกหลังจากเข้าร่วมแล้ว")
    if ends is None:
        fields["ends_on"] = ends = starts
    if starts is not None and ends is not None and ends < starts:
        errors["ends_on"] = _("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม โปรดตรวจสอบวันที่อีกครั้ง")
    hours = fields.get("hours")
    if hours is not None:
        fields["hours"] = hours = Decimal(str(hours))
    if hours is None or not hours.is_finite() or hours <= 0:
        errors["hours"] = _("โปรดระบุจำนวนชั่วโมงเป็นตัวเลขที่มากกว่า 0 เช่น 6 หรือ 3.5")
    elif hours > MAX_HOURS:
        errors["hours"] = _("จำนวนชั่วโมงมากเกินไป โปรดตรวจสอบอีกครั้ง")
    elif hours != hours.quantize(Decimal("0.1")):
        errors["hours"] = _("ระบุจำนวนชั่วโมงได้ทศนิยม 1 ตำแหน่ง เช่น 3.5")
    elif starts is not None and ends is not None and ends >= starts:
        days = (ends - starts).days + 1
        if hours > HOURS_A_DAY * days:
            errors["hours"] = _("%(hours)s ชั่วโมงมากกว่า 24 ชั่วโมงต่อวันของช่วงวันที่ (%(days)d วัน) "
                                "โปรดตรวจสอบจำนวนชั่วโมงหรือวันที่") % {"hours": hours, "days": days}  # fmt: skip
    for name in ("venue", "notes"):
        fields[name] = (fields.get(name) or "").strip()
    if errors:
        raise ValidationError(errors)
    return fields


def _default(name):
    value = Training._meta.get_field(name).default
    return None if value is models.NOT_PROVIDED else value


def _certificate(upload):
    """(blob, name, extension) of a certificate after the same checks as every upload (S-2.10)."""
    try:
        facts = inspect_upload(upload)
    except ValidationError as error:
        raise ValidationError({"certificate": error.messages}) from error
    return store_blob(facts), facts.name, facts.extension


def _audit_values(training):
    values = {name: getattr(training, name) for name in TRAINING_FIELDS}
    values |= {"person": training.person_id, "certificate": training.certificate_name}
    return values


@atomic_with_files()
def training_record(*, office, actor, person, certificate=None, **fields):
    """Record that `person` attended a training or a KM session; `certificate` is an optional upload."""
    _ensure_may_record_for(actor, office, person)
    unknown = set(fields) - set(TRAINING_FIELDS)
    if unknown:
        raise TypeError(f"training_record() takes no {sorted(unknown)}")
    fields = _clean_training({name: fields.get(name, _default(name)) for name in TRAINING_FIELDS})
    training = Training(office=office, person=person, unit=person.unit, recorded_by=actor, **fields)
    if certificate is not None:
        training.certificate, training.certificate_name, training.certificate_extension = _certificate(certificate)
    training.save()
    record(actor, AuditCode.TRAINING_RECORDED, training, office=office, **_audit_values(training))
    return training


@atomic_with_files()
def training_update(*, training, actor, person=None, certificate=None, remove_certificate=False, **fields):
    """Change a record; a new `certificate` replaces the old file (the old content stays stored)."""
    training = Training.objects.select_for_update(of=("self",)).select_related("person").get(pk=training.pk)
    if not can_edit_training(actor, training):
        raise TrainingNotAllowed(_("แก้ไขได้เฉพาะบันทึกการฝึกอบรมของตนเอง หรือโดยผู้ดูแลระบบและผู้ดูแลเว็บไซต์"))
    if person is not None and person.pk != training.person_id:
        _ensure_may_record_for(actor, training.office, person)
    before = _audit_values(training)
    fields = _clean_training({name: fields.get(name, getattr(training, name)) for name in TRAINING_FIELDS})
    for name, value in fields.items():
        setattr(training, name, value)
    if person is not None and person.pk != training.person_id:
        training.person, training.unit = person, person.unit
    if certificate is not None:
        training.certificate, training.certificate_name, training.certificate_extension = _certificate(certificate)
    elif remove_certificate:
        training.certificate, training.certificate_name, training.certificate_extension = None, "", ""
    after = _audit_values(training)
    changes = {name: [before[name], after[name]] for name in after if before[name] != after[name]}
    if changes:
        training.save()
        record(actor, AuditCode.TRAINING_CHANGED, training, office=training.office, changes=changes)
    return training


@transaction.atomic
def training_remove(*, training, actor):
    """Remove a record made in error; the audit row keeps what it said (the certificate's content stays stored)."""
    training = Training.objects.select_for_update(of=("self",)).get(pk=training.pk)
    if not can_edit_training(actor, training):
        raise TrainingNotAllowed(_("ลบได้เฉพาะบันทึกการฝึกอบรมของตนเอง หรือโดยผู้ดูแลระบบและผู้ดูแลเว็บไซต์"))
    record(actor, AuditCode.TRAINING_REMOVED, training, office=training.office, **_audit_values(training))
    training.delete()


# The performance report -------------------------------------------------------------------------------


def _report_link(period):
    return reverse("backoffice:reports:performance", args=[period_slug(period)])


def facts_digest(facts):
    """SHA-256 of the facts as stored: the acknowledgement's audit row carries it, so the chain vouches for them."""
    text = json.dumps(facts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@transaction.atomic
def report_prepare(*, office, actor, period, problems, suggestions=""):
    """Save the report's own section (problems, obstacles, suggestions) for `period`; the numbers are drawn.

    The approvers are told once, when the section first has something for them to acknowledge.
    """
    if actor.office_id != office.pk or not can_prepare_report(actor):
        raise ReportNotAllowed(_("รายงานผลการดำเนินงานจัดทำได้เฉพาะผู้ดูแลเว็บไซต์และผู้ดูแลระบบ"))
    report, created = PerformanceReport.objects.select_for_update(of=("self",)).get_or_create(
        office=office, period_kind=period.kind, period_start=period.start, defaults={"period_end": period.end}
    )
    if report.is_acknowledged:
        raise ReportNotAllowed(_("ผู้บริหารรับทราบรายงานนี้แล้วเมื่อ %(when)s จึงแก้ไขไม่ได้ "
                                 "หากต้องแก้ไข โปรดจัดทำรายงานของรอบถัดไป หรือแจ้งผู้ดูแลระบบ") % {
            "when": thai_datetime(report.acknowledged_at)})  # fmt: skip
    problems, suggestions = (problems or "").strip(), (suggestions or "").strip()
    changed = sorted(name for name, value in (("problems", problems), ("suggestions", suggestions))
                     if getattr(report, name) != value)  # fmt: skip
    if not changed and not created:
        return report
    report.problems, report.suggestions = problems, suggestions
    report.prepared_by, report.prepared_at = actor, timezone.now()
    report.save()
    record(actor, AuditCode.REPORT_PREPARED, report, office=office, period=period_slug(period), fields=changed,
           problems=problems, suggestions=suggestions)  # fmt: skip
    if problems and reminder_once(office=office, kind="report.ready", key=str(report.pk)):
        label = period.label()
        notify(list(members(office, Role.APPROVER)), pub_request=None, url=_report_link(period),
               subject=_("รายงานผลการดำเนินงาน %(period)s รอท่านรับทราบ") % {"period": label},
               message=_("%(who)s จัดทำรายงานผลการดำเนินงานการเผยแพร่ข้อมูลผ่านเว็บไซต์ %(period)s แล้ว "
                         "โปรดตรวจดูและกดรับทราบ") % {"who": actor.get_full_name() or actor.get_username(),
                                                       "period": label})  # fmt: skip
    return report


def _on_behalf(actor, office):
    """'ปฏิบัติราชการแทน <head>' when `actor` acknowledges as the approver's delegate today."""
    if Role.APPROVER in role_names(actor):
        return ""
    delegation = (
        Delegation.objects.active().filter(office=office, delegate=actor, role=Role.APPROVER)
        .select_related("delegator").first()
    )  # fmt: skip
    return _("ปฏิบัติราชการแทน %(name)s") % {"name": delegation.delegator.display_name} if delegation else ""


@transaction.atomic
def report_acknowledge(*, office, actor, period, now=None):
    """The head of the office acknowledges the report (MOIT1 2.1–2.3); its facts are frozen as drawn now."""
    now = now or timezone.now()
    if actor.office_id != office.pk or not can_acknowledge_report(actor):
        raise ReportNotAllowed(_("รับทราบรายงานได้เฉพาะผู้อนุมัติ (ผู้บริหารสูงสุด) หรือผู้ได้รับมอบอำนาจ"))
    report = (
        PerformanceReport.objects.select_for_update(of=("self",))
        .filter(office=office, period_kind=period.kind, period_start=period.start).first()
    )  # fmt: skip
    if report is None or not report.problems.strip():
        raise ReportNotAllowed(_("ยังไม่มีสรุปปัญหาและอุปสรรคของรอบนี้ โปรดให้ผู้ดูแลเว็บไซต์จัดทำก่อน แล้วจึงกดรับทราบ"))
    if report.is_acknowledged:
        raise ReportNotAllowed(_("รับทราบรายงานนี้แล้วเมื่อ %(when)s โดย %(who)s") % {
            "when": thai_datetime(report.acknowledged_at), "who": report.acknowledged_name})  # fmt: skip
    if not has_ended(period, now=now):
        raise ReportNotAllowed(_("รอบรายงานนี้ยังไม่สิ้นสุด รับทราบได้ตั้งแต่วันที่ %(day)s เมื่อตัวเลขครบทั้งรอบแล้ว") % {
            "day": thai_date(period.end + dt.timedelta(days=1))})  # fmt: skip
    report.facts = report_facts.draw(office, period, now=now)
    report.acknowledged_by, report.acknowledged_at = actor, now
    report.acknowledged_name = actor.get_full_name() or actor.get_username()
    report.acknowledged_position = actor.position
    report.acknowledged_on_behalf = _on_behalf(actor, office)
    report.save()
    record(actor, AuditCode.REPORT_ACKNOWLEDGED, report, office=office, period=period_slug(period),
           facts_sha256=facts_digest(report.facts), on_behalf=report.acknowledged_on_behalf)  # fmt: skip
    told = {p.pk: p for p in [*members(office, Role.WEBMASTER), report.prepared_by] if p is not None}
    label = period.label()
    notify(list(told.values()), pub_request=None, url=_report_link(period),
           subject=_("ผู้บริหารรับทราบรายงานผลการดำเนินงาน %(period)s แล้ว") % {"period": label},
           message=_("%(who)s รับทราบรายงานผลการดำเนินงาน %(period)s เมื่อ %(when)s ดาวน์โหลดฉบับที่รับทราบแล้ว "
                     "เพื่อนำขึ้นเผยแพร่เป็นหลักฐาน MOIT 1 ได้") % {
               "who": report.acknowledged_name, "period": label, "when": thai_datetime(now)})  # fmt: skip
    return report
