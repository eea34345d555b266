"""Writes of the publication workflow (S-G.3 – S-G.5, S-2.1 – S-2.3, S-1.10).

Each function checks first (raising NotAllowed or ValidationError before anything is written), then
changes the request, records an audit event in the same transaction and notifies the people
concerned; e-mails leave only after the commit.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from khaosan.audit.models import AuditCode
from khaosan.audit.services import record
from khaosan.catalog.files import inspect_upload
from khaosan.catalog.html import clean_html
from khaosan.catalog.models import Item
from khaosan.catalog.services import (
    attachment_from_blob,
    default_expiry,
    item_create,
    item_publish,
    item_replace_content,
    item_withdraw,
    validate_item_fields,
)
from khaosan.catalog.storage import atomic_with_files, store_blob
from khaosan.errors import NotAllowed
from khaosan.org.models import Delegation
from khaosan.org.roles import Role, has_role, members, role_names
from khaosan.thai.calendar import add_working_days
from khaosan.workflow import notify as notifications
from khaosan.workflow.models import (
    Action,
    Channel,
    Decision,
    PublicationRequest,
    ReasonCode,
    RequestFile,
    State,
    Verdict,
)
from khaosan.workflow.permissions import (
    ensure_can_decide,
    ensure_can_edit,
    ensure_can_publish,
    ensure_step_has_decider,
    is_author,
    stands_in,
    step_deciders,
)

EDITABLE = (
    "title", "summary", "body", "external_url", "topic", "data_from", "data_to", "wish_from", "wish_until",
    "source", "rights_confirmed", "remarks", "requester_contact",
)  # fmt: skip
REGISTRATION_FIELDS = (
    "channel", "letter_number", "letter_date", "requester_name", "requester_position", "requester_unit",
    "requester_contact",
)  # fmt: skip


def _next_number(office):
    """The next request number of the office. Runs inside the creating transaction (serialised writes)."""
    last = PublicationRequest.objects.filter(office=office).aggregate(n=Max("number"))["n"]
    return (last or 0) + 1


def _clean_fields(fields):
    fields = {k: v for k, v in fields.items() if k in EDITABLE or k in REGISTRATION_FIELDS}
    if "body" in fields:
        fields["body"] = clean_html(fields["body"])
    for key in ("title", "summary", "source", "remarks", "requester_contact"):
        if isinstance(fields.get(key), str):
            fields[key] = fields[key].strip()
    return fields


def _check_dates(fields):
    errors = {}
    if fields.get("data_from") and fields.get("data_to") and fields["data_to"] < fields["data_from"]:
        errors["data_to"] = _("วันที่สิ้นสุดของข้อมูลต้องไม่ก่อนวันที่เริ่มต้น")
    if fields.get("wish_from") and fields.get("wish_until") and fields["wish_until"] <= fields["wish_from"]:
        errors["wish_until"] = _("วันที่สิ้นสุดการเผยแพร่ต้องอยู่หลังวันที่เริ่มเผยแพร่")
    topic = fields.get("topic")
    if topic is not None and topic.retired_at is not None:
        errors["topic"] = _("หัวข้อนี้เลิกใช้แล้ว โปรดเลือกหัวข้ออื่น")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def request_create(*, office, actor, action=Action.PUBLISH, target_item=None, **fields):
    """Start a request as a draft in the name of `actor` (any staff member is a requester)."""
    if actor.office_id != office.pk or actor.unit_id is None:
        raise NotAllowed(_("บัญชีของท่านยังไม่ได้ระบุหน่วยงาน โปรดติดต่อผู้ดูแลระบบ"))
    if target_item is not None and (target_item.office_id != office.pk or action == Action.PUBLISH):
        raise NotAllowed(_("ไม่พบรายการที่ต้องการแก้ไข"))
    fields = _clean_fields(fields)
    _check_dates(fields)
    pub_request = PublicationRequest.objects.create(
        office=office,
        number=_next_number(office),
        action=action,
        target_item=target_item,
        requester=actor,
        requester_name=actor.get_full_name() or actor.get_username(),
        requester_position=actor.position,
        requester_unit=actor.unit,
        requester_contact=fields.pop("requester_contact", "") or " · ".join(p for p in (actor.phone, actor.email) if p),
        channel=Channel.ONLINE,
        **{k: v for k, v in fields.items() if k in EDITABLE},
    )
    record(actor, AuditCode.REQUEST_CREATED, pub_request, request_action=action)
    return pub_request


@transaction.atomic
def request_register(*, office, actor, **fields):
    """A web master registers a request that came by official letter, e-mail or another channel (S-2.1)."""
    if actor.office_id != office.pk or not has_role(actor, Role.WEBMASTER):
        raise NotAllowed(_("ลงทะเบียนรับคำขอได้เฉพาะผู้ดูแลเว็บไซต์"))
    fields = _clean_fields(fields)
    errors = {}
    if fields.get("channel") not in (Channel.LETTER, Channel.EMAIL, Channel.OTHER):
        errors["channel"] = _("โปรดเลือกช่องทางที่ได้รับคำขอ")
    if fields.get("channel") == Channel.LETTER and not fields.get("letter_number"):
        errors["letter_number"] = _("โปรดระบุเลขที่หนังสือ")
    if not (fields.get("requester_name") or "").strip():
        errors["requester_name"] = _("โปรดระบุชื่อผู้ขอ")
    unit = fields.get("requester_unit")
    if unit is None or unit.office_id != office.pk:
        errors["requester_unit"] = _("โปรดเลือกหน่วยงานของผู้ขอ")
    if errors:
        raise ValidationError(errors)
    _check_dates(fields)
    pub_request = PublicationRequest.objects.create(
        office=office, number=_next_number(office), registered_by=actor, action=Action.PUBLISH, **fields
    )
    record(actor, AuditCode.REQUEST_REGISTERED, pub_request, channel=pub_request.channel,
           letter=pub_request.letter_number)  # fmt: skip
    return pub_request


@atomic_with_files()
def request_register_and_submit(*, office, actor, content_files=(), letter_files=(), **fields):
    """Register a letter's request with its files and send it to review in one step; a refused file undoes all."""
    pub_request = request_register(office=office, actor=actor, **fields)
    errors = []
    for kind, uploads in ((RequestFile.Kind.CONTENT, content_files), (RequestFile.Kind.LETTER, letter_files)):
        for upload in uploads:
            try:
                request_file_add(pub_request=pub_request, actor=actor, upload=upload, kind=kind)
            except ValidationError as error:
                errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return request_submit(pub_request=pub_request, actor=actor)


@transaction.atomic
def request_update(*, pub_request, actor, **fields):
    """Change a draft or a returned request."""
    pub_request = PublicationRequest.objects.select_for_update(of=("self",)).get(pk=pub_request.pk)
    ensure_can_edit(actor, pub_request)
    fields = _clean_fields(fields)
    merged = {name: getattr(pub_request, name) for name in EDITABLE} | fields
    _check_dates(merged)
    changed = []
    for name, value in fields.items():
        if name in REGISTRATION_FIELDS and pub_request.registered_by_id is None and name != "requester_contact":
            continue  # a staff member's own name, position and unit come from their account
        if getattr(pub_request, name) != value:
            setattr(pub_request, name, value)
            changed.append(name)
    if changed:
        pub_request.save()
        record(actor, AuditCode.REQUEST_UPDATED, pub_request, fields=sorted(changed))
    return pub_request


@atomic_with_files()
def request_file_add(*, pub_request, actor, upload, kind=RequestFile.Kind.CONTENT):
    """Check an upload at once (type, content, size) and keep it with the request.

    The same content uploaded again as the same kind of file is kept once: the file already attached
    is returned with `already_attached` set, and nothing is written (a double click, or the same file
    chosen twice, must not publish it twice).
    """
    pub_request = PublicationRequest.objects.select_for_update(of=("self",)).get(pk=pub_request.pk)
    if kind == RequestFile.Kind.MEMO:
        if (
            not (is_author(actor, pub_request) or has_role(actor, Role.WEBMASTER))
            or actor.office_id != pub_request.office_id
        ):
            raise NotAllowed(_("แนบบันทึกข้อความได้เฉพาะผู้ขอหรือผู้ดูแลเว็บไซต์"))
    else:
        ensure_can_edit(actor, pub_request)
    facts = inspect_upload(upload)
    existing = pub_request.files.filter(kind=kind, blob_id=facts.sha256).order_by("pk").first()
    if existing is not None:
        existing.already_attached = True
        return existing
    blob = store_blob(facts)
    request_file = RequestFile.objects.create(
        pub_request=pub_request, blob=blob, kind=kind, original_name=facts.name, extension=facts.extension,
        uploaded_by=actor,
    )  # fmt: skip
    request_file.already_attached = False
    record(actor, AuditCode.REQUEST_FILE_ADDED, pub_request, file=facts.name, kind=kind, sha256=facts.sha256)
    return request_file


def already_attached_message(request_file, *, uploaded_name):
    """Tell a person, in Thai, that the file they sent is attached already (perhaps under another name)."""
    if uploaded_name == request_file.original_name:
        return _("ไฟล์ “%(name)s” แนบไว้กับคำขอนี้แล้ว ระบบจึงไม่แนบซ้ำ") % {"name": uploaded_name}
    return _("ไฟล์ “%(name)s” มีเนื้อหาเดียวกับไฟล์ “%(existing)s” ที่แนบไว้กับคำขอนี้แล้ว ระบบจึงไม่แนบซ้ำ") % {
        "name": uploaded_name, "existing": request_file.original_name}  # fmt: skip


@transaction.atomic
def request_file_remove(*, pub_request, actor, file_id):
    pub_request = PublicationRequest.objects.select_for_update(of=("self",)).get(pk=pub_request.pk)
    ensure_can_edit(actor, pub_request)
    request_file = pub_request.files.filter(pk=file_id).first()
    if request_file is None:
        raise NotAllowed(_("ไม่พบไฟล์นี้ในคำขอ"))
    request_file.delete()  # the blob stays: content is never deleted, and others may share it
    record(actor, AuditCode.REQUEST_FILE_REMOVED, pub_request, file=request_file.original_name)


def missing_for_submission(pub_request):
    """Return what a request still lacks before it can go to review, as Thai sentences."""
    missing = []
    if not pub_request.title:
        missing.append(_("เรื่อง"))
    if pub_request.action == Action.PUBLISH and pub_request.topic_id is None:
        missing.append(_("หัวข้อที่จะเผยแพร่"))
    if pub_request.action != Action.WITHDRAW and not (
        pub_request.summary or pub_request.body or pub_request.external_url or pub_request.content_files
    ):
        missing.append(_("รายละเอียด หรือไฟล์ที่จะเผยแพร่"))
    if pub_request.action != Action.WITHDRAW and not pub_request.source:
        missing.append(_("แหล่งที่มาของข้อมูล"))
    if pub_request.action != Action.WITHDRAW and not pub_request.rights_confirmed:
        missing.append(_("การยืนยันว่าไม่ละเมิดลิขสิทธิ์"))
    if pub_request.action == Action.WITHDRAW and not pub_request.summary:
        missing.append(_("เหตุผลที่ขอถอน"))
    return missing


@transaction.atomic
def request_submit(*, pub_request, actor):
    """Send a draft (or a fixed, returned request) to the first step of the office's chain."""
    pub_request = PublicationRequest.objects.select_for_update(of=("self",)).get(pk=pub_request.pk)
    ensure_can_edit(actor, pub_request)
    missing = missing_for_submission(pub_request)
    if missing:
        raise ValidationError(_("ยังขาด: %(missing)s") % {"missing": ", ".join(missing)})
    resubmitted = pub_request.state == State.RETURNED
    pub_request.state = State.IN_REVIEW
    pub_request.chain = pub_request.office.chain
    pub_request.step = 0
    for step in range(len(pub_request.chain)):  # a step nobody may decide would leave the request waiting forever
        ensure_step_has_decider(pub_request, step)
    pub_request.submitted_at = timezone.now()
    pub_request.save()
    deciders = step_deciders(pub_request)
    record(actor, AuditCode.REQUEST_SUBMITTED, pub_request, resubmitted=resubmitted, chain=pub_request.chain,
           **_awaiting_changes(deciders))  # fmt: skip
    _notify_step(pub_request, deciders, resubmitted=resubmitted)
    return pub_request


def _awaiting_changes(deciders):
    """What the audit row says about whom the new step waits on."""
    changes = {"awaiting": [person.get_username() for person in deciders.people]}
    if deciders.stand_in:
        changes["awaiting_stand_in"] = deciders.stand_in_reason
    return changes


@transaction.atomic
def request_decide(*, pub_request_id, actor, verdict, reason_code="", reason="", expected_step=None):
    """Record one step of the approval chain (S-G.3 – S-G.5, S-2.2).

    `expected_step` is the step the person saw: when two people decide at once, the second is told
    plainly that the request has moved on, and nothing of theirs is written.
    """
    pub_request = PublicationRequest.objects.select_for_update(of=("self",)).get(pk=pub_request_id)
    ensure_can_decide(actor, pub_request, expected_step=expected_step)
    reason = (reason or "").strip()
    if verdict not in Verdict.values:
        raise ValidationError({"verdict": _("โปรดเลือกผลการพิจารณา")})
    if reason_code and reason_code not in ReasonCode.values:
        raise ValidationError({"reason_code": _("เหตุผลที่เลือกไม่ถูกต้อง")})
    if verdict in (Verdict.RETURN, Verdict.REFUSE) and not (
        reason_code and (reason or reason_code != ReasonCode.OTHER)
    ):
        raise ValidationError({"reason": _("โปรดระบุเหตุผลที่ส่งกลับแก้ไขหรือไม่อนุมัติ")})
    role = pub_request.current_role
    next_step = None
    if verdict == Verdict.APPROVE and pub_request.step + 1 < len(pub_request.chain):
        next_step = ensure_step_has_decider(pub_request, pub_request.step + 1)  # who is told, computed now
    stand_in_reason = step_deciders(pub_request).stand_in_reason if stands_in(actor, pub_request) else ""
    delegation = None
    if role not in role_names(actor) and not stand_in_reason:
        delegation = Delegation.objects.active().filter(office_id=actor.office_id, delegate=actor, role=role).first()
    decision = Decision.objects.create(
        pub_request=pub_request, step=pub_request.step, role=role, actor=actor,
        actor_name=actor.get_full_name() or actor.get_username(), actor_position=actor.position,
        delegation=delegation, stand_in_reason=stand_in_reason, verdict=verdict, reason_code=reason_code,
        reason=reason, decided_at=timezone.now(),
    )  # fmt: skip
    if verdict == Verdict.APPROVE:
        pub_request.step += 1
        if pub_request.step >= len(pub_request.chain):
            pub_request.state = State.APPROVED
            pub_request.approved_at = decision.decided_at
            pub_request.due_on = add_working_days(
                timezone.localdate(decision.decided_at), pub_request.office.publish_deadline_days,
                office=pub_request.office,
            )  # fmt: skip
    else:
        pub_request.state = State.RETURNED if verdict == Verdict.RETURN else State.REFUSED
    pub_request.save()
    changes = {"stand_in": True, "stand_in_reason": stand_in_reason} if stand_in_reason else {}
    if next_step is not None:
        changes |= _awaiting_changes(next_step)
    record(actor, AuditCode.REQUEST_DECIDED, pub_request, step=decision.step, role=role, verdict=verdict,
           reason=decision.reason_text, delegation=delegation.pk if delegation else None, **changes)  # fmt: skip
    _notify_decision(pub_request, decision, next_step)
    return pub_request


@transaction.atomic
def request_cancel(*, pub_request, actor):
    pub_request = PublicationRequest.objects.select_for_update(of=("self",)).get(pk=pub_request.pk)
    ensure_can_edit(actor, pub_request)
    pub_request.state = State.CANCELLED
    pub_request.save()
    record(actor, AuditCode.REQUEST_CANCELLED, pub_request)
    return pub_request


@transaction.atomic
def request_take(*, pub_request, actor):
    """A web master takes an approved request from the queue (S-2.3: the group assigns a Web Master)."""
    pub_request = PublicationRequest.objects.select_for_update(of=("self",)).get(pk=pub_request.pk)
    ensure_can_publish(actor, pub_request)
    pub_request.assignee = actor
    pub_request.save(update_fields=["assignee", "updated_at"])
    record(actor, AuditCode.REQUEST_TAKEN, pub_request)
    return pub_request


def item_fields_from(pub_request):
    """The item a request proposes, before the web master completes it."""
    topic = pub_request.topic
    publish_at = None
    if pub_request.wish_from and pub_request.wish_from > timezone.localdate():
        publish_at = timezone.make_aware(dt.datetime.combine(pub_request.wish_from, dt.time(8, 30)))
    expire_at = None
    if pub_request.wish_until:
        expire_at = timezone.make_aware(dt.datetime.combine(pub_request.wish_until, dt.time(23, 59)))
    elif topic is not None:
        expire_at = default_expiry(topic, publish_at or timezone.now())
    return {
        "topic": topic,
        "title": pub_request.title,
        "summary": pub_request.summary,
        "body": pub_request.body,
        "external_url": pub_request.external_url,
        "owner_unit": pub_request.requester_unit,
        "source": pub_request.source,
        "data_from": pub_request.data_from,
        "data_to": pub_request.data_to,
        "publish_at": publish_at,
        "expire_at": expire_at,
    }


def _redaction_record(report, *, note, checked_by_hand):
    """The saved result of the personal-data check: what the machine read, what it found, what a person did."""
    from khaosan.workflow.redaction import CHECKED, NOT_CHECKED, PARTLY_CHECKED

    parts = []
    checked = report.names(CHECKED)
    if checked:
        parts.append(_("ระบบตรวจข้อความแล้ว: %(names)s") % {"names": ", ".join(checked)})
    for source in report.sources:
        if source.status == PARTLY_CHECKED:
            parts.append(_("ระบบตรวจได้บางส่วน: %(name)s (%(reason)s)") % vars(source))
        elif source.status == NOT_CHECKED:
            parts.append(_("ระบบตรวจไม่ได้: %(name)s (%(reason)s)") % vars(source))
    if report.findings:
        parts.append(_("พบข้อมูลที่อาจเป็นข้อมูลส่วนบุคคล %(n)d จุด") % {"n": len(report.findings)})
    elif report.complete:
        parts.append(_("ตรวจแล้ว ไม่พบข้อมูลส่วนบุคคล"))
    else:
        parts.append(_("ไม่พบข้อมูลส่วนบุคคลในส่วนที่ระบบตรวจได้"))
    if checked_by_hand and not report.complete:
        parts.append(_("ผู้ดูแลเว็บไซต์ยืนยันว่าตรวจส่วนที่ระบบตรวจไม่ได้ด้วยตนเองแล้ว"))
    if note:
        parts.append(_("เหตุผลของผู้ดูแลเว็บไซต์: %(note)s") % {"note": note})
    return "; ".join(parts)


@transaction.atomic
def request_publish(*, pub_request_id, actor, redaction, redaction_note="", redaction_checked=False, **item_fields):
    """Publish what was approved, with its provenance (S-2.3), and tell the requester and the deciders.

    `redaction` is the personal-data check of what is published (OIA s.9 para 2, PDPA; `redaction.scan`).
    A finding needs the web master's note saying why it may be published (or the file is fixed first);
    a part the machine could not read (a scan, an image) needs `redaction_checked`: the web master
    confirms they looked at it themselves. One tick, not a note: there is nothing to justify, only a
    look to be sure of, and the saved record names what was and was not checked by machine.
    """
    pub_request = PublicationRequest.objects.select_for_update(of=("self",)).get(pk=pub_request_id)
    ensure_can_publish(actor, pub_request)
    redaction_note = (redaction_note or "").strip()
    errors = {}
    if redaction.findings and not redaction_note:
        errors["redaction_note"] = _(
            "พบข้อมูลที่อาจเป็นข้อมูลส่วนบุคคล %(n)d จุด โปรดให้ผู้ขอปกปิดแล้วส่งไฟล์ใหม่ หรือหากตรวจแล้วเผยแพร่ได้ โปรดบันทึกเหตุผลก่อนเผยแพร่"
        ) % {"n": len(redaction.findings)}
    if not redaction.complete and not redaction_checked:
        errors["redaction_checked"] = _(
            "มีส่วนที่ระบบตรวจอัตโนมัติไม่ได้ (%(names)s) โปรดเปิดตรวจด้วยตนเอง แล้วทำเครื่องหมายยืนยันก่อนเผยแพร่"
        ) % {"names": ", ".join(unchecked.name for unchecked in redaction.unchecked)}
    if errors:
        raise ValidationError(errors)
    item_fields["body"] = clean_html(item_fields.get("body", ""))
    files = [(f.blob, f.original_name, f.extension) for f in pub_request.content_files]
    publish_at = item_fields.pop("publish_at", None) or timezone.now()
    expire_at = item_fields.pop("expire_at", None)

    if pub_request.action == Action.WITHDRAW:
        item = item_withdraw(
            item=pub_request.target_item, actor=actor, reason=pub_request.summary, through_request=True
        )
    elif pub_request.action == Action.REPLACE:
        validate_item_fields(office=pub_request.office, fields=item_fields)
        item = item_replace_content(
            item=pub_request.target_item, actor=actor, note=_("แทนที่ตามคำขอ %(ref)s") % {"ref": pub_request.reference},
            files=files or None, expire_at=expire_at, through_request=True, **item_fields,
        )  # fmt: skip
    else:
        item = item_create(office=pub_request.office, actor=actor, status=Item.Status.DRAFT, **item_fields)
        for order, (blob, name, extension) in enumerate(files):
            attachment_from_blob(item=item, blob=blob, original_name=name, extension=extension, order=order)
        item = item_publish(item=item, actor=actor, publish_at=publish_at, expire_at=expire_at)

    pub_request.state = State.PUBLISHED
    pub_request.item = item
    pub_request.published_at = timezone.now()
    pub_request.published_by = actor
    pub_request.assignee = pub_request.assignee or actor
    pub_request.redaction_note = _redaction_record(redaction, note=redaction_note, checked_by_hand=redaction_checked)
    pub_request.save()
    record(actor, AuditCode.REQUEST_PUBLISHED, pub_request, item=item.pk, request_action=pub_request.action,
           redaction=pub_request.redaction_note, redaction_findings=len(redaction.findings),
           redaction_unchecked=[unchecked.name for unchecked in redaction.unchecked],
           late=pub_request.working_days_late > 0, working_days_late=pub_request.working_days_late)  # fmt: skip
    _notify_published(pub_request)
    return pub_request


# Notifications ---------------------------------------------------------------------------------------


def _link(pub_request):
    return reverse("backoffice:request", args=[pub_request.pk])


def _requester_side(pub_request):
    """The people to tell about their own request: the requester and whoever registered it."""
    return [p for p in (pub_request.requester, pub_request.registered_by) if p is not None]


def _notify_step(pub_request, deciders, *, resubmitted=False):
    """Tell whoever decides the new step: its role's holders, or the administrators standing in for it."""
    subject = _("คำขอเผยแพร่รอการพิจารณา: %(title)s") % {"title": pub_request.title}
    if resubmitted:
        text = _("%(who)s แก้ไขและยื่นคำขอเผยแพร่ %(ref)s เรื่อง “%(title)s” อีกครั้ง รอท่านพิจารณาในฐานะ%(role)s")
    else:
        text = _("%(who)s ยื่นคำขอเผยแพร่ %(ref)s เรื่อง “%(title)s” รอท่านพิจารณาในฐานะ%(role)s")
    values = {"who": pub_request.requester_name, "ref": pub_request.reference, "title": pub_request.title,
              "role": Role(deciders.role).label}  # fmt: skip
    if deciders.stand_in:
        subject = _("คำขอเผยแพร่รอท่านพิจารณาแทน%(role)s: %(title)s") % values
        if resubmitted:
            text = _(
                "%(who)s แก้ไขและยื่นคำขอเผยแพร่ %(ref)s เรื่อง “%(title)s” อีกครั้ง "
                "รอท่านในฐานะผู้ดูแลระบบพิจารณาแทน%(role)s เพราะ%(reason)s"
            )
        else:
            text = _(
                "%(who)s ยื่นคำขอเผยแพร่ %(ref)s เรื่อง “%(title)s” รอท่านในฐานะผู้ดูแลระบบพิจารณาแทน%(role)s เพราะ%(reason)s"
            )
        values["reason"] = deciders.stand_in_reason
    notifications.notify(list(deciders.people), pub_request=pub_request, subject=subject, message=text % values,
                         url=_link(pub_request))  # fmt: skip


def _notify_decision(pub_request, decision, next_step=None):
    if decision.verdict == Verdict.APPROVE and pub_request.state == State.IN_REVIEW:
        _notify_step(pub_request, next_step)
        return
    if decision.verdict == Verdict.APPROVE:
        webmasters = members(pub_request.office, Role.WEBMASTER)
        due = pub_request.due_on
        from khaosan.thai.dates import thai_date

        notifications.notify(
            list(webmasters),
            pub_request=pub_request,
            subject=_("รอเผยแพร่ภายใน %(due)s: %(title)s") % {"due": thai_date(due), "title": pub_request.title},
            message=_("คำขอ %(ref)s ได้รับอนุมัติแล้ว โปรดนำขึ้นเผยแพร่ภายใน %(due)s") % {
                "ref": pub_request.reference, "due": thai_date(due)},
            url=_link(pub_request),
        )  # fmt: skip
        subject = _("คำขอของท่านได้รับอนุมัติ: %(title)s") % {"title": pub_request.title}
        message = _("คำขอ %(ref)s ได้รับอนุมัติโดย %(who)s และรอผู้ดูแลเว็บไซต์นำขึ้นเผยแพร่ภายใน %(due)s") % {
            "ref": pub_request.reference, "who": decision.actor_name, "due": thai_date(due)}  # fmt: skip
    elif decision.verdict == Verdict.RETURN:
        subject = _("คำขอถูกส่งกลับให้แก้ไข: %(title)s") % {"title": pub_request.title}
        message = _("%(who)s ส่งคำขอ %(ref)s กลับให้แก้ไข เหตุผล: %(reason)s") % {
            "who": decision.actor_name, "ref": pub_request.reference, "reason": decision.reason_text}  # fmt: skip
    else:
        subject = _("คำขอไม่ได้รับอนุมัติ: %(title)s") % {"title": pub_request.title}
        message = _("%(who)s ไม่อนุมัติคำขอ %(ref)s เหตุผล: %(reason)s") % {
            "who": decision.actor_name, "ref": pub_request.reference, "reason": decision.reason_text}  # fmt: skip
    notifications.notify(
        _requester_side(pub_request), pub_request=pub_request, subject=subject, message=message,
        url=_link(pub_request), outside_email=notifications.outside_address(pub_request),
    )  # fmt: skip


def _notify_published(pub_request):
    public_url = notifications.site_url(pub_request.item.get_absolute_url())
    deciders = [d.actor for d in pub_request.decisions.select_related("actor")]
    subject = _("เผยแพร่แล้ว: %(title)s") % {"title": pub_request.title}
    message = _("คำขอ %(ref)s เผยแพร่บนเว็บไซต์แล้ว ดูได้ที่ %(url)s") % {"ref": pub_request.reference, "url": public_url}
    people = {p.pk: p for p in _requester_side(pub_request) + deciders}
    notifications.notify(
        list(people.values()), pub_request=pub_request, subject=subject, message=message, url=_link(pub_request),
        outside_email=notifications.outside_address(pub_request),
    )  # fmt: skip
