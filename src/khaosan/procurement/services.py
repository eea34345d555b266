"""Writes of the procurement records: the month's สขร.1, the plan and its quarterly progress, the reminders.

Each write checks first (the person is procurement staff or a web master of the office, the record is
not locked), then changes, and records an audit row in the same transaction. Publishing goes through the
office's request chain like every other item: `summary_send` generates the form as PDF and XLSX, files
them with a PublicationRequest and submits it; the deciders and the web master take it from there.
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from khaosan.audit.models import AuditCode
from khaosan.audit.services import record
from khaosan.catalog.models import Topic
from khaosan.catalog.storage import atomic_with_files
from khaosan.compliance.services import reminder_once
from khaosan.errors import NotAllowed
from khaosan.org.models import Office
from khaosan.procurement import documents, selectors
from khaosan.procurement.amounts import baht
from khaosan.procurement.forms import month_label, month_last_day
from khaosan.procurement.models import (
    PROCUREMENT_UNIT,
    ProcurementBid,
    ProcurementEntry,
    ProcurementPlan,
    ProcurementQuarter,
    ProcurementSummary,
)
from khaosan.thai.calendar import working_days_between
from khaosan.thai.dates import fiscal_year, fiscal_year_bounds, quarter_bounds, thai_date
from khaosan.workflow import services as workflow
from khaosan.workflow.models import State
from khaosan.workflow.notify import notify
from khaosan.workflow.permissions import is_author

SYSTEM = "housekeeping"
PLAN_WARNING_WORKING_DAYS = 5  # the plan's owners are told this many working days before its deadline
ENTRY_FIELDS = (
    "work", "budget_kind", "budget", "reference_price", "method", "agreed_price", "reason", "contract_number",
    "contract_date", "egp_number",
)  # fmt: skip
QUARTER_FIELDS = tuple(
    f"{kind}_{part}_{what}" for kind in ("operating", "investment") for part in ("planned", "actual")
    for what in ("count", "amount")
)  # fmt: skip


class NotProcurementStaff(NotAllowed):
    """Only the procurement unit and the web masters of the office keep these records."""


class Locked(NotAllowed):
    """The record was sent for approval or published: it changes only once a decider returns it."""


def ensure_can_manage(actor, office):
    if not selectors.can_manage(actor, office):
        raise NotProcurementStaff(_("บันทึกข้อมูลการจัดซื้อจัดจ้างได้เฉพาะเจ้าหน้าที่งานพัสดุและผู้ดูแลเว็บไซต์ของสำนักงาน"))


def _ensure_unlocked(row):
    if row is not None and row.locked:
        raise Locked(_("ส่งขออนุมัติเผยแพร่แล้ว จึงแก้ไขไม่ได้ หากต้องแก้ไข โปรดขอให้ผู้พิจารณาส่งคำขอกลับมาแก้ไข"))


def _check_month(month):
    if month.day != 1:
        raise ValidationError(_("เดือนไม่ถูกต้อง"))
    if month > timezone.localdate():
        raise ValidationError(_("ยังไม่ถึงเดือน%(month)s จึงยังบันทึกสรุปไม่ได้") % {"month": month_label(month)})


# ------------------------------------------------------------------------------------------------ สขร.1


def _check_entries(month, nil, entries):
    """The service's own check of what a form already checked: nothing wrong reaches the public form."""
    if nil and entries:
        raise ValidationError(_("เดือนที่ระบุว่าไม่มีการจัดซื้อจัดจ้างต้องไม่มีรายการ โปรดนำรายการออก หรือเอาเครื่องหมายออก"))
    for number, entry in enumerate(entries, 1):
        bids = entry.get("bids") or []
        selected = [bid for bid in bids if bid.get("selected")]
        if len(selected) != 1 or not selected[0].get("tax_id"):
            raise ValidationError(_("รายการที่ %(n)d: โปรดระบุผู้ได้รับการคัดเลือก 1 ราย พร้อมเลขประจำตัวผู้เสียภาษี") % {"n": number})
        if not (month <= entry["contract_date"] <= month_last_day(month)):
            raise ValidationError(_("รายการที่ %(n)d: วันที่ของสัญญาต้องอยู่ในเดือน%(month)s") % {
                "n": number, "month": month_label(month)})  # fmt: skip


@transaction.atomic
def summary_save(*, office, actor, month, nil=False, entries=()):
    """Keep the month's rows as typed: `entries` are dicts of the form's columns, each with its `bids`.

    The rows are replaced as a whole, in the order given; nothing else refers to them until they are sent.
    """
    ensure_can_manage(actor, office)
    _check_month(month)
    entries = list(entries)
    _check_entries(month, nil, entries)
    summary = ProcurementSummary.objects.select_for_update(of=("self",)).filter(office=office, month=month).first()
    _ensure_unlocked(summary)
    created = summary is None
    if created:
        summary = ProcurementSummary.objects.create(office=office, month=month, nil=nil, updated_by=actor)
    else:
        summary.entries.all().delete()
        summary.nil, summary.updated_by, summary.updated_at = nil, actor, timezone.now()
        summary.save(update_fields=["nil", "updated_by", "updated_at"])
    bids = []
    for order, row in enumerate(entries, 1):
        entry = ProcurementEntry.objects.create(
            summary=summary, order=order, **{k: row[k] for k in ENTRY_FIELDS if k in row}
        )
        bids += [
            ProcurementBid(entry=entry, order=number, vendor=bid["vendor"], tax_id=bid.get("tax_id") or "",
                           price=bid["price"], selected=bool(bid.get("selected")))
            for number, bid in enumerate(row.get("bids") or [], 1)
        ]  # fmt: skip
    ProcurementBid.objects.bulk_create(bids)
    record(actor, AuditCode.PROCUREMENT_SUMMARY_SAVED, summary, month=month.isoformat(), nil=nil,
           entries=len(entries), bids=len(bids), created=created,
           total=baht(sum((row["agreed_price"] for row in entries), Decimal(0))))  # fmt: skip
    return summary


def _source(office, actor):
    unit = office.units.filter(code=PROCUREMENT_UNIT).first() or actor.unit
    return f"{unit.name_th} {office.name_th}"


def _send(*, office, actor, existing, files, **fields):
    """File `files` [(name, bytes)] with a request and submit it; a returned request is fixed and sent again.

    Runs inside the caller's transaction: a refusal anywhere (a file, a step without a decider) undoes all.
    """
    fields |= {"source": _source(office, actor), "rights_confirmed": True}
    if existing is not None and existing.state in (State.IN_REVIEW, State.APPROVED, State.PUBLISHED):
        raise Locked(_("ส่งขออนุมัติเผยแพร่แล้ว (คำขอ %(ref)s)") % {"ref": existing.reference})
    if existing is not None and existing.state in (State.RETURNED, State.DRAFT):
        if not is_author(actor, existing):
            raise NotAllowed(
                _("คำขอ %(ref)s ยื่นโดย %(name)s ผู้ยื่นคำขอเท่านั้นที่แก้ไขและส่งคำขอนี้อีกครั้งได้ โปรดแจ้ง %(name)s")
                % {"ref": existing.reference, "name": existing.requester_name}
            )
        pub_request = workflow.request_update(pub_request=existing, actor=actor, **fields)
        for old in pub_request.content_files:
            workflow.request_file_remove(pub_request=pub_request, actor=actor, file_id=old.pk)
    else:  # never sent, or refused or cancelled: a new request
        pub_request = workflow.request_create(office=office, actor=actor, **fields)
    for name, content in files:
        workflow.request_file_add(pub_request=pub_request, actor=actor, upload=SimpleUploadedFile(name, content))
    return workflow.request_submit(pub_request=pub_request, actor=actor)


def summary_title(summary):
    title = f"{documents.summary_title(summary.month)} (แบบ สขร.1)"
    return f"{title} – {documents.NIL_TEXT}" if summary.nil else title


def _summary_text(summary):
    entries = list(summary.entries.all())
    if summary.nil:
        return _("ในรอบเดือน%(month)s ไม่มีการจัดซื้อจัดจ้าง") % {"month": month_label(summary.month)}
    total = sum((entry.agreed_price for entry in entries), Decimal(0))
    return _("จัดซื้อจัดจ้าง %(n)d รายการ รวมราคาที่ตกลงซื้อหรือจ้าง %(total)s บาท") % {"n": len(entries), "total": baht(total)}


@atomic_with_files()
def summary_send(*, office, actor, month, renderer=None):
    """Generate the month's สขร.1 (PDF and XLSX) and send it for approval as a request (ส่งขออนุมัติเผยแพร่).

    The month must be over: the form reports a whole month. A request returned by a decider is fixed and
    sent again with the files made anew from the rows as they are now.
    """
    ensure_can_manage(actor, office)
    summary = (
        ProcurementSummary.objects.select_for_update(of=("self",)).filter(office=office, month=month)
        .select_related("pub_request").first()
    )  # fmt: skip
    if summary is None or (not summary.nil and not summary.entries.exists()):
        raise ValidationError(_("ยังไม่มีรายการจัดซื้อจัดจ้างของเดือนนี้ โปรดบันทึกรายการ หรือเลือก “ไม่มีการจัดซื้อจัดจ้างในเดือนนี้”"))
    if timezone.localdate() <= month_last_day(month):
        raise ValidationError(_("ส่งสรุปของเดือน%(month)s ได้ตั้งแต่วันที่ %(day)s เมื่อสิ้นเดือนแล้ว") % {
            "month": month_label(month), "day": thai_date(month_last_day(month) + dt.timedelta(days=1))})  # fmt: skip
    _ensure_unlocked(summary)
    now = timezone.now()
    name = f"สขร1-{month_label(month).replace(' ', '-')}"
    files = [(f"{name}.pdf", documents.summary_pdf(summary, renderer=renderer, generated=now)),
             (f"{name}.xlsx", documents.summary_xlsx(summary, generated=now))]  # fmt: skip
    pub_request = _send(
        office=office, actor=actor, existing=summary.pub_request, files=files, title=summary_title(summary),
        summary=_summary_text(summary), topic=Topic.objects.get(code=selectors.SUMMARY_TOPIC), data_from=month,
        data_to=month_last_day(month),
    )  # fmt: skip
    resent = summary.pub_request_id == pub_request.pk
    summary.pub_request = pub_request
    summary.save(update_fields=["pub_request"])
    record(actor, AuditCode.PROCUREMENT_SUMMARY_SENT, summary, month=month.isoformat(), request=pub_request.pk,
           reference=pub_request.reference, nil=summary.nil, resent=resent)  # fmt: skip
    return summary


# ------------------------------------------------------------------------------------------------ the plan


def _plan_published_on(plan):
    item = plan.item or selectors.plan_item(plan.office, plan.fiscal_year)
    return timezone.localdate(item.publish_at) if item is not None else None


@transaction.atomic
def plan_save(*, office, actor, fiscal_year_be, allocation_date):
    """Keep the fiscal year's budget allocation date; the plan is due 30 working days after it (MOIT4(1))."""
    ensure_can_manage(actor, office)
    start, end = fiscal_year_bounds(fiscal_year_be)
    if not (start - dt.timedelta(days=92) <= allocation_date <= end):
        raise ValidationError(
            {"allocation_date": _("วันที่ได้รับจัดสรรงบประมาณต้องอยู่ในปีงบประมาณ %(fy)s") % {"fy": fiscal_year_be}}
        )
    if allocation_date > timezone.localdate():
        raise ValidationError({"allocation_date": _("วันที่ได้รับจัดสรรงบประมาณต้องไม่เป็นวันในอนาคต")})
    plan = (
        ProcurementPlan.objects.select_for_update(of=("self",))
        .filter(office=office, fiscal_year=fiscal_year_be)
        .first()
    )
    _ensure_unlocked(plan)
    created = plan is None
    if created:
        plan = ProcurementPlan(office=office, fiscal_year=fiscal_year_be)
    plan.allocation_date, plan.updated_at = allocation_date, timezone.now()
    plan.save()
    if plan.published_on is None:  # a plan item published before the plan was entered here
        plan.published_on = _plan_published_on(plan)
        plan.save(update_fields=["published_on"])
    record(
        actor,
        AuditCode.PROCUREMENT_PLAN_SAVED,
        plan,
        fiscal_year=fiscal_year_be,
        allocation_date=allocation_date.isoformat(),
        deadline=plan.deadline.isoformat(),
        created=created,
    )
    return plan


def plan_title(plan):
    return f"ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {plan.fiscal_year}"


@atomic_with_files()
def plan_send(*, plan, actor, uploads):
    """Send the plan's files (the plan from e-GP, the allocation letter) for approval as a request."""
    ensure_can_manage(actor, plan.office)
    plan = (
        ProcurementPlan.objects.select_for_update(of=("self",)).select_related("office", "pub_request").get(pk=plan.pk)
    )
    _ensure_unlocked(plan)
    if not uploads:
        raise ValidationError(_("โปรดเลือกไฟล์แผนการจัดซื้อจัดจ้างอย่างน้อย 1 ไฟล์"))
    files = []
    for upload in uploads:
        upload.seek(0)
        files.append((upload.name, upload.read()))
    start, end = fiscal_year_bounds(plan.fiscal_year)
    summary = _("ได้รับจัดสรรงบประมาณเมื่อวันที่ %(allocated)s ต้องประกาศเผยแพร่ภายในวันที่ %(deadline)s "
                "(30 วันทำการ) แผนครอบคลุมทั้งงบดำเนินงานและงบลงทุน") % {
        "allocated": thai_date(plan.allocation_date), "deadline": thai_date(plan.deadline)}  # fmt: skip
    pub_request = _send(office=plan.office, actor=actor, existing=plan.pub_request, files=files, title=plan_title(plan),
                        summary=summary, topic=Topic.objects.get(code=selectors.PLAN_TOPIC), data_from=start,
                        data_to=end)  # fmt: skip
    plan.pub_request = pub_request
    plan.save(update_fields=["pub_request"])
    record(actor, AuditCode.PROCUREMENT_PLAN_SENT, plan, request=pub_request.pk, reference=pub_request.reference,
           files=[name for name, _content in files])  # fmt: skip
    return plan


def plan_record_publication(pub_request):
    """Store the publication date of a plan whose request was just published (both dates stored, MOIT4(1))."""
    if pub_request.state != State.PUBLISHED or pub_request.item_id is None:
        return 0
    day = timezone.localdate(pub_request.item.publish_at or pub_request.published_at)
    return ProcurementPlan.objects.filter(pub_request=pub_request, published_on__isnull=True).update(published_on=day)


# ------------------------------------------------------------------------------------------------ progress


@transaction.atomic
def quarter_save(*, plan, actor, quarter, **numbers):
    """Keep one quarter's planned and actual procurements, for both kinds of budget (MOIT4(2))."""
    ensure_can_manage(actor, plan.office)
    if quarter not in (1, 2, 3, 4):
        raise ValidationError(_("ไตรมาสต้องเป็น 1 ถึง 4"))
    if quarter_bounds(plan.fiscal_year, quarter)[0] > timezone.localdate():
        raise ValidationError(_("ยังไม่ถึงไตรมาส %(q)d จึงยังบันทึกผลไม่ได้") % {"q": quarter})
    row = ProcurementQuarter.objects.select_for_update(of=("self",)).filter(plan=plan, quarter=quarter).first()
    _ensure_unlocked(row)
    created = row is None
    row = row or ProcurementQuarter(plan=plan, quarter=quarter)
    for name in (*QUARTER_FIELDS, "note"):
        if name in numbers:
            setattr(row, name, numbers[name] if numbers[name] is not None else (0 if name.endswith("count") else ""))
    row.updated_at = timezone.now()
    row.save()
    record(actor, AuditCode.PROCUREMENT_PROGRESS_SAVED, row, fiscal_year=plan.fiscal_year, quarter=quarter,
           created=created, **{name: getattr(row, name) for name in QUARTER_FIELDS})  # fmt: skip
    return row


def progress_title(row):
    first, last = quarter_bounds(row.plan.fiscal_year, row.quarter)
    return (f"รายงานผลการจัดซื้อจัดจ้างตามแผน ไตรมาส {row.quarter}/{row.plan.fiscal_year} "
            f"({thai_date(first, short=True)} – {thai_date(last, short=True)})")  # fmt: skip


@atomic_with_files()
def quarter_send(*, plan, actor, quarter, renderer=None):
    """Generate the quarter's progress report (PDF and XLSX) and send it for approval as a request."""
    ensure_can_manage(actor, plan.office)
    row = (
        ProcurementQuarter.objects.select_for_update(of=("self",)).filter(plan=plan, quarter=quarter)
        .select_related("plan__office", "pub_request").first()
    )  # fmt: skip
    if row is None:
        raise ValidationError(_("ยังไม่ได้บันทึกผลของไตรมาสนี้ โปรดบันทึกก่อนส่ง"))
    first, last = quarter_bounds(plan.fiscal_year, quarter)
    if timezone.localdate() <= last:
        raise ValidationError(_("ส่งรายงานไตรมาส %(q)d ได้เมื่อสิ้นไตรมาสแล้ว (ตั้งแต่วันที่ %(day)s)") % {
            "q": quarter, "day": thai_date(last + dt.timedelta(days=1))})  # fmt: skip
    _ensure_unlocked(row)
    now = timezone.now()
    name = f"รายงานผลการจัดซื้อจัดจ้างตามแผน-ไตรมาส{quarter}-{plan.fiscal_year}"
    files = [(f"{name}.pdf", documents.progress_pdf(row, renderer=renderer, generated=now)),
             (f"{name}.xlsx", documents.progress_xlsx(row, generated=now))]  # fmt: skip
    totals = documents.progress_data(row, generated=now).in_quarter[-1]
    summary = _("ไตรมาส %(q)d ตามแผน %(planned)d รายการ %(planned_amount)s บาท ดำเนินการแล้ว %(actual)d รายการ "
                "%(actual_amount)s บาท แยกงบดำเนินงานและงบลงทุน") % {
        "q": quarter, "planned": totals.planned_count, "planned_amount": baht(totals.planned_amount),
        "actual": totals.actual_count, "actual_amount": baht(totals.actual_amount)}  # fmt: skip
    pub_request = _send(
        office=plan.office,
        actor=actor,
        existing=row.pub_request,
        files=files,
        title=progress_title(row),
        summary=summary,
        topic=Topic.objects.get(code=selectors.PROGRESS_TOPIC),
        data_from=first,
        data_to=last,
    )
    row.pub_request = pub_request
    row.save(update_fields=["pub_request"])
    record(actor, AuditCode.PROCUREMENT_PROGRESS_SENT, row, request=pub_request.pk, reference=pub_request.reference)
    return row


# ------------------------------------------------------------------------------------------------ reminders


def _tell(office, people, *, subject, message, url):
    notify(people, pub_request=None, subject=subject, message=message, url=url)


def _remind_summary(office, today):
    """After the 10th, once: last month's สขร.1 is not on the public site. Working days do not move this date."""
    month = selectors.previous_month(today)
    if today <= selectors.due_on(month) or month in selectors.months_published(office, fiscal_year(month)):
        return 0
    people = selectors.procurement_people(office)
    if not people:
        return 0
    with transaction.atomic():
        if not reminder_once(office=office, kind="procurement.summary.missing", key=f"{office.pk}:{month.isoformat()}",
                             recipients=len(people)):  # fmt: skip
            return 0
        facts = {"month": month_label(month), "due": thai_date(selectors.due_on(month))}
        url = reverse("backoffice:procurement:month", args=[month.year, month.month])
        _tell(office, people, url=url,
              subject=_("ยังไม่ได้เผยแพร่สรุปผลการจัดซื้อจัดจ้าง (สขร.1) เดือน%(month)s") % facts,
              message=_("สรุปผลการจัดซื้อจัดจ้างของเดือน%(month)s ต้องเผยแพร่ภายในวันที่ %(due)s แต่ยังไม่มีบนเว็บไซต์ "
                        "โปรดบันทึกรายการ หรือระบุว่าไม่มีการจัดซื้อจัดจ้าง แล้วส่งขออนุมัติเผยแพร่") % facts)  # fmt: skip
    return 1


def _remind_plan(office, today):
    """Once 5 working days before the plan's deadline, and once when it has passed, while it is not public."""
    plan = (
        ProcurementPlan.objects.filter(office=office, fiscal_year=fiscal_year(today))
        .select_related("pub_request__item")
        .first()
    )
    if plan is None:
        return 0
    status = selectors.plan_status(plan)
    if status.published_on is not None:
        if plan.published_on is None:  # published by hand: keep the date with the plan
            ProcurementPlan.objects.filter(pk=plan.pk).update(published_on=status.published_on)
        return 0
    deadline = status.deadline
    if today > deadline:
        kind = "procurement.plan.late"
    elif working_days_between(today, deadline, office=office) <= PLAN_WARNING_WORKING_DAYS:
        kind = "procurement.plan.due"
    else:
        return 0
    people = selectors.procurement_people(office)
    if not people:
        return 0
    with transaction.atomic():
        if not reminder_once(office=office, kind=kind, key=f"{plan.pk}:{deadline.isoformat()}", recipients=len(people)):
            return 0
        facts = {"fy": plan.fiscal_year, "deadline": thai_date(deadline), "allocated": thai_date(plan.allocation_date)}
        url = reverse("backoffice:procurement:plan", args=[plan.fiscal_year])
        if kind == "procurement.plan.late":
            subject = _("เลยกำหนดประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ปีงบประมาณ %(fy)s") % facts
            message = (
                _(
                    "ได้รับจัดสรรงบประมาณเมื่อ %(allocated)s แผนต้องประกาศภายใน %(deadline)s (30 วันทำการ) "
                    "แต่ยังไม่ได้เผยแพร่ โปรดส่งขออนุมัติเผยแพร่โดยเร็ว"
                )
                % facts
            )
        else:
            subject = _("ใกล้ครบกำหนดประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ปีงบประมาณ %(fy)s") % facts
            message = (
                _(
                    "ได้รับจัดสรรงบประมาณเมื่อ %(allocated)s แผนต้องประกาศภายใน %(deadline)s (30 วันทำการ) "
                    "โปรดส่งขออนุมัติเผยแพร่ให้ทันกำหนด"
                )
                % facts
            )
        _tell(office, people, subject=subject, message=message, url=url)
    return 1


def housekeeping_reminders(*, now=None):
    """The daily job: tell the procurement unit and the web masters what MOIT4 and MOIT5 still lack, once each."""
    today = timezone.localdate(now or timezone.now())
    counts = {"summary_missing": 0, "plan": 0}
    for office in Office.objects.all():
        counts["summary_missing"] += _remind_summary(office, today)
        counts["plan"] += _remind_plan(office, today)
    return counts
