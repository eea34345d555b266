"""Writes of public participation: cases filed by citizens, handled by staff, escalated and erased by housekeeping.

Every function checks first (NotAllowed / ValidationError before anything is written), changes the case,
adds a step to its timeline, records an audit row in the same transaction and tells people after the
commit. Audit rows and staff notifications name a case by its reference and kind only: no complainant's
name, contact or words reach the audit trail, which is never erased, or anyone's inbox.

Nobody's address is recorded when a citizen files: an anonymous corruption complaint must stay
anonymous, and the traffic log (kept 90 days by law, read only on an official's order) already holds
what the law asks for.
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from khaosan.audit.models import AuditCode
from khaosan.audit.services import record
from khaosan.catalog.files import inspect_upload
from khaosan.catalog.storage import atomic_with_files, blob_files_delete, store_blob
from khaosan.errors import NotAllowed
from khaosan.org.models import Staff
from khaosan.org.roles import Role, members
from khaosan.participation import permissions
from khaosan.participation.codes import tracking_code_new, tracking_hash
from khaosan.participation.models import (
    OPEN_STATUSES,
    STREAM_KINDS,
    CaseEvent,
    Complaint,
    ComplaintFile,
    EventKind,
    Feedback,
    Handler,
    Outcome,
    ParticipationSettings,
    Question,
    SatisfactionResponse,
    Status,
    Stream,
    case_type,
)
from khaosan.participation.permissions import ensure_can_handle
from khaosan.thai.calendar import add_working_days
from khaosan.thai.dates import thai_date
from khaosan.workflow.notify import notify, one_line, site_url

logger = logging.getLogger("khaosan.participation")
SYSTEM = "housekeeping"
# A citizen's evidence: the upload rules of S-2.10 (catalog/files.py), with a smaller size and count than
# staff uploads, as a phone on a slow link sends them.
PUBLIC_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
PUBLIC_UPLOAD_MAX_FILES = 3
TEXT_MAX = 5000


class AlreadyFiled(Exception):
    """The same form was sent twice (a double tap, a reload): the case it filed the first time."""

    def __init__(self, case):
        super().__init__(case.reference)
        self.case = case


@dataclass
class Filed:
    """A case just filed, with its tracking code: the only moment the code exists in readable form."""

    case: object
    code: str


def retention_days():
    return settings.KHAOSAN["PARTICIPATION_RETENTION_DAYS"]


def office_deadlines(office):
    """Return the office's ParticipationSettings, made with the defaults the first time."""
    found, _created = ParticipationSettings.objects.get_or_create(office=office)
    return found


def _next_number(model, office, **scope):
    last = model.objects.filter(office=office, **scope).aggregate(n=Max("number"))["n"]
    return (last or 0) + 1


def _event(case, kind, *, actor=None, text="", status=""):
    name = (actor.get_full_name() or actor.get_username()) if actor is not None else ""
    return CaseEvent.objects.create(**{case_type(case): case}, kind=kind, actor=actor, actor_name=name, text=text,
                                    status=status)  # fmt: skip


def _audit_facts(case):
    facts = {"case": case_type(case), "reference": case.reference}
    if isinstance(case, Complaint):
        facts["stream"] = case.stream
    return facts


def staff_link(case):
    return reverse("backoffice:participation:case", args=[case_type(case), case.pk])


def status_link():
    return site_url(reverse("public:participation:status"))


# Filing (citizens) ------------------------------------------------------------------------------------------


DATE_FIELDS = ("happened_on",)


def _clean_text(fields):
    """Strip what was typed; a text field the form did not have is empty, not missing."""
    return {k: (v.strip() if isinstance(v, str) else ("" if v is None and k not in DATE_FIELDS else v))
            for k, v in fields.items()}  # fmt: skip


def _file(model, *, office, submission_key, fields, scope=None):
    """Create a case with a fresh code and its deadlines; the caller's transaction holds it."""
    if submission_key:
        earlier = model.objects.filter(submission_key=submission_key).first()
        if earlier is not None:
            raise AlreadyFiled(earlier)
    now = timezone.now()
    deadlines = office_deadlines(office)
    today = timezone.localdate(now)
    code = tracking_code_new()
    while model.objects.filter(tracking_hash=tracking_hash(code)).exists():  # 2**59 codes: never, but cheap
        code = tracking_code_new()
    case = model.objects.create(
        office=office, number=_next_number(model, office, **(scope or {})), tracking_hash=tracking_hash(code),
        submission_key=submission_key or None, created_at=now,
        acknowledge_due=add_working_days(today, deadlines.acknowledge_days, office=office),
        answer_due=add_working_days(today, deadlines.answer_days, office=office), **fields,
    )  # fmt: skip
    _event(case, EventKind.RECEIVED, status=Status.RECEIVED)
    record(None, AuditCode.PARTICIPATION_RECEIVED, case, office=office, **_audit_facts(case))
    transaction.on_commit(lambda: _tell_handlers_new(case))
    if case.email:
        transaction.on_commit(lambda: _email_received(case, code))
    return Filed(case=case, code=code)


def _check_complaint(stream, fields):
    errors = {}
    if stream not in STREAM_KINDS:
        raise ValidationError(_("ไม่พบประเภทเรื่องร้องเรียนนี้"))
    if fields.get("kind") not in STREAM_KINDS[stream]:
        errors["kind"] = _("โปรดเลือกลักษณะของเรื่องที่ร้องเรียน")
    if fields.get("anonymous") and stream != Stream.CORRUPTION:
        errors["anonymous"] = _("เรื่องร้องเรียนการให้บริการต้องระบุชื่อผู้ร้อง")
    if not fields.get("anonymous") and not fields.get("name"):
        errors["name"] = _("โปรดกรอกชื่อ-นามสกุลของผู้ร้องเรียน")
    if not fields.get("subject"):
        errors["subject"] = _("โปรดระบุเรื่องที่ร้องเรียนสั้น ๆ")
    if not fields.get("detail"):
        errors["detail"] = _("โปรดเล่ารายละเอียดของเรื่องที่ร้องเรียน")
    if errors:
        raise ValidationError(errors)


@atomic_with_files()
def complaint_file(*, office, stream, submission_key="", files=(), **fields):
    """File a complaint from the public form (GWS-5.4); return Filed with the tracking code to show once.

    An anonymous corruption complaint keeps no name, phone or address (only an e-mail for updates, if
    the person chooses). Files are checked by the upload rules before anything is written.
    """
    allowed = {"kind", "anonymous", "name", "phone", "email", "address", "subject", "detail", "concerned",
               "happened_on"}  # fmt: skip
    fields = _clean_text({k: v for k, v in fields.items() if k in allowed})
    fields["anonymous"] = bool(fields.get("anonymous"))
    if fields["anonymous"]:
        fields.update(name="", phone="", address="")
    _check_complaint(stream, fields)
    files = [f for f in files if f]
    if len(files) > PUBLIC_UPLOAD_MAX_FILES:
        raise ValidationError({"files": _("แนบไฟล์ได้ไม่เกิน %(n)d ไฟล์ โปรดเลือกเฉพาะไฟล์ที่สำคัญ") % {
            "n": PUBLIC_UPLOAD_MAX_FILES}})  # fmt: skip
    inspected, errors = [], []
    for upload in files:
        try:
            inspected.append(inspect_upload(upload, max_bytes=PUBLIC_UPLOAD_MAX_BYTES))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError({"files": errors})
    filed = _file(Complaint, office=office, submission_key=submission_key, fields={"stream": stream, **fields},
                  scope={"stream": stream})  # fmt: skip
    for facts in inspected:
        ComplaintFile.objects.create(complaint=filed.case, blob=store_blob(facts), original_name=facts.name,
                                     extension=facts.extension)  # fmt: skip
    return filed


@transaction.atomic
def feedback_give(*, office, submission_key="", **fields):
    """Take an opinion or suggestion on the office's work (GWS-5.1); return Filed with its tracking code."""
    fields = _clean_text({k: v for k, v in fields.items() if k in {"name", "email", "subject", "detail"}})
    if not fields.get("detail"):
        raise ValidationError({"detail": _("โปรดพิมพ์ความคิดเห็นหรือข้อเสนอแนะของท่าน")})
    return _file(Feedback, office=office, submission_key=submission_key, fields=fields)


@transaction.atomic
def question_ask(*, office, submission_key="", **fields):
    """Take a citizen's question (GWS-5.2); return Filed with its tracking code."""
    fields = _clean_text({k: v for k, v in fields.items() if k in {"name", "email", "subject", "detail"}})
    if not fields.get("subject"):
        raise ValidationError({"subject": _("โปรดพิมพ์คำถามของท่าน")})
    return _file(Question, office=office, submission_key=submission_key, fields=fields)


def safe_page(path):
    """The page a satisfaction answer is about: a path of this site's public pages, or ''."""
    path = (path or "").strip()[:300]
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return ""
    if path.startswith(("/backoffice/", "/admin/", "/en/backoffice/")):
        return ""
    return path


@transaction.atomic
def satisfaction_give(*, office, score, service=SatisfactionResponse.Service.WEBSITE, found="", page="", comment=""):
    """Keep one satisfaction answer; nothing in it names the person who gave it."""
    if score not in range(1, 6):
        raise ValidationError({"score": _("โปรดเลือกระดับความพึงพอใจ 1 ถึง 5")})
    if service not in SatisfactionResponse.Service.values:
        service = SatisfactionResponse.Service.WEBSITE
    if found not in SatisfactionResponse.Found.values:
        found = ""
    return SatisfactionResponse.objects.create(office=office, score=score, service=service, found=found,
                                               page=safe_page(page), comment=(comment or "").strip()[:500])  # fmt: skip


# Telling people ----------------------------------------------------------------------------------------------


def handlers_of(office, stream):
    """The active staff named for `stream` in `office`."""
    return list(
        Staff.objects.filter(participation_roles__office=office, participation_roles__stream=stream, is_active=True)
        .distinct()
        .order_by("first_name", "last_name")
    )


def _case_people(case):
    """Who answers for a case: its assignee and the people named for its stream (else the administrators).

    A corruption complaint with nobody named goes to the committee, which may read it, never to the
    administrators, who may not.
    """
    stream = permissions.stream_of(case)
    people = handlers_of(case.office, stream)
    if not people:
        people = list(members(case.office, Role.COMMITTEE if stream == Stream.CORRUPTION else Role.ADMINISTRATOR))
    if case.assignee_id and case.assignee.is_active and permissions.can_handle(case.assignee, case):
        people.append(case.assignee)
    return list({p.pk: p for p in people}.values())


def _tell_handlers_new(case):
    facts = {"kind": case.label, "ref": case.reference, "due": thai_date(case.acknowledge_due)}
    notify(_case_people(case), pub_request=None, url=staff_link(case),
           subject=_("%(kind)s ใหม่ เลขที่ %(ref)s") % facts,
           message=_("มี%(kind)s เลขที่ %(ref)s เข้ามาทางเว็บไซต์ โปรดรับเรื่องภายใน %(due)s") % facts)  # fmt: skip
    if (
        isinstance(case, Complaint)
        and case.stream == Stream.CORRUPTION
        and not handlers_of(case.office, Stream.CORRUPTION)
    ):
        notify(list(members(case.office, Role.ADMINISTRATOR)), pub_request=None,
               url=reverse("backoffice:participation:setup"),
               subject=_("โปรดกำหนดผู้รับผิดชอบเรื่องร้องเรียนการทุจริต"),
               message=_("มีเรื่องร้องเรียนการทุจริตเข้ามาทางเว็บไซต์ แต่สำนักงานยังไม่ได้กำหนดผู้รับผิดชอบ "
                         "ขณะนี้มีเพียงคณะกรรมการที่เปิดอ่านได้ โปรดกำหนดผู้รับผิดชอบที่หน้าตั้งค่าเรื่องร้องเรียน"))  # fmt: skip


def _email_citizen(case, subject, body):
    """Send one e-mail to the citizen after the commit; a failure is logged by reference, never undoes the case."""
    address = case.email
    if not address or case.personal_data_gone:
        return
    office = case.office
    signature = "\n\n— " + office.name_th + (f"\n{office.phone}" if office.phone else "")
    try:
        EmailMessage(one_line(subject), body + signature, to=[address]).send()
    except Exception as error:  # noqa: BLE001  a mail server that is down must not undo what was filed
        logger.error("could not e-mail the citizen of %s %s: %s", case_type(case), case.reference, type(error).__name__)


def _email_received(case, code):
    facts = {"kind": case.label, "ref": case.reference, "code": code, "url": status_link(),
             "ack": thai_date(case.acknowledge_due), "answer": thai_date(case.answer_due)}  # fmt: skip
    _email_citizen(
        case, _("ได้รับ%(kind)sของท่านแล้ว เลขที่ %(ref)s") % facts,
        _("สำนักงานได้รับ%(kind)sของท่านแล้ว เลขที่ %(ref)s\n\nรหัสติดตาม: %(code)s\n"
          "โปรดเก็บรหัสนี้ไว้ ใช้ดูสถานะและคำตอบได้ที่ %(url)s โดยไม่ต้องสมัครสมาชิก "
          "สำนักงานไม่ส่งรหัสนี้ซ้ำและเจ้าหน้าที่ไม่ทราบรหัสของท่าน\n\n"
          "สำนักงานจะรับเรื่องภายใน %(ack)s และตอบภายใน %(answer)s") % facts,
    )  # fmt: skip


def _email_progress(case):
    facts = {"kind": case.label, "ref": case.reference, "url": status_link(), "status": case.get_status_display()}
    _email_citizen(
        case, _("ความคืบหน้า%(kind)s เลขที่ %(ref)s") % facts,
        _("%(kind)s เลขที่ %(ref)s ของท่านมีความคืบหน้า สถานะ: %(status)s\n\n"
          "เปิดดูคำตอบของสำนักงานได้ที่ %(url)s ด้วยรหัสติดตามที่ท่านได้รับเมื่อแจ้งเรื่อง "
          "อีเมลนี้ไม่มีรายละเอียดของเรื่อง เพื่อคุ้มครองข้อมูลของท่าน") % facts,
    )  # fmt: skip


# Handling (staff) --------------------------------------------------------------------------------------------


def _locked(case):
    return type(case).objects.select_for_update(of=("self",)).select_related("office", "assignee").get(pk=case.pk)


def _ensure_open(case):
    if not case.is_open:
        raise NotAllowed(_("เรื่องนี้ปิดแล้ว จึงเปลี่ยนแปลงไม่ได้ หากมีข้อเท็จจริงใหม่ โปรดให้ผู้แจ้งแจ้งเรื่องใหม่"))


def case_viewed(*, case, actor, address=None):
    """Record that `actor` opened a case with personal data (PDPA-5: access is audited)."""
    record(actor, AuditCode.PARTICIPATION_VIEWED, case, address=address, **_audit_facts(case))


def corruption_listed(*, office, actor, address=None, shown=0):
    """Every look at the corruption stream is an audit event, the list included."""
    record(actor, AuditCode.PARTICIPATION_LISTED, None, office=office, address=address, stream=Stream.CORRUPTION,
           shown=shown)  # fmt: skip


def complaint_file_viewed(*, complaint, actor, complaint_file, address=None):
    record(actor, AuditCode.PARTICIPATION_FILE_VIEWED, complaint, address=address, file_id=complaint_file.pk,
           **_audit_facts(complaint))  # fmt: skip


def _acknowledge(case, actor, now):
    if case.acknowledged_at is None:
        case.acknowledged_at = now
        if case.status == Status.RECEIVED:
            case.status = Status.ACKNOWLEDGED
        _event(case, EventKind.ACKNOWLEDGED, actor=actor, status=case.status)
        return True
    return False


@transaction.atomic
def case_acknowledge(*, case, actor):
    """รับเรื่อง: a handler takes the case on, which meets the acknowledge deadline."""
    case = _locked(case)
    ensure_can_handle(actor, case)
    _ensure_open(case)
    if not _acknowledge(case, actor, timezone.now()):
        raise NotAllowed(_("เรื่องนี้รับไว้แล้ว"))
    case.save()
    record(actor, AuditCode.PARTICIPATION_STATUS, case, status=case.status, **_audit_facts(case))
    transaction.on_commit(lambda: _email_progress(case))
    return case


def assignable_staff(case):
    """Who a case may be given to: anyone active in the office; for corruption, only the people named for it."""
    if permissions.stream_of(case) == Stream.CORRUPTION:
        return handlers_of(case.office, Stream.CORRUPTION)
    return list(Staff.objects.filter(office=case.office, is_active=True).order_by("first_name", "last_name"))


@transaction.atomic
def case_assign(*, case, actor, assignee):
    """Give a case to one staff member to work on; they are told, and see the case from then on."""
    case = _locked(case)
    ensure_can_handle(actor, case)
    _ensure_open(case)
    if assignee is None or assignee.pk not in {p.pk for p in assignable_staff(case)}:
        raise ValidationError({"assignee": _("โปรดเลือกผู้รับผิดชอบจากรายชื่อ (เรื่องทุจริตมอบหมายได้เฉพาะผู้ที่สำนักงานกำหนด)")})
    if case.assignee_id == assignee.pk:
        return case
    case.assignee = assignee
    case.save()
    _event(case, EventKind.ASSIGNED, actor=actor, text=assignee.get_full_name() or assignee.get_username())
    record(actor, AuditCode.PARTICIPATION_ASSIGNED, case, assignee=assignee.get_username(), **_audit_facts(case))
    if assignee.pk != actor.pk:
        facts = {"kind": case.label, "ref": case.reference, "who": actor.get_full_name() or actor.get_username(),
                 "due": thai_date(case.answer_due)}  # fmt: skip
        notify(
            [assignee],
            pub_request=None,
            url=staff_link(case),
            subject=_("มอบหมาย%(kind)s เลขที่ %(ref)s ให้ท่าน") % facts,
            message=_("%(who)s มอบหมาย%(kind)s เลขที่ %(ref)s ให้ท่านดำเนินการ โปรดตอบผู้แจ้งภายใน %(due)s") % facts,
        )
    return case


@transaction.atomic
def case_start(*, case, actor):
    """อยู่ระหว่างดำเนินการ: the facts are being looked into (the citizen sees it)."""
    case = _locked(case)
    ensure_can_handle(actor, case)
    _ensure_open(case)
    if case.status == Status.IN_PROGRESS:
        raise NotAllowed(_("เรื่องนี้อยู่ระหว่างดำเนินการแล้ว"))
    now = timezone.now()
    _acknowledge(case, actor, now)
    case.status = Status.IN_PROGRESS
    case.save()
    _event(case, EventKind.STATUS, actor=actor, status=case.status)
    record(actor, AuditCode.PARTICIPATION_STATUS, case, status=case.status, **_audit_facts(case))
    transaction.on_commit(lambda: _email_progress(case))
    return case


def _text(value, field, empty_message):
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: empty_message})
    if len(value) > TEXT_MAX:
        raise ValidationError({field: _("ข้อความยาวเกิน %(n)d ตัวอักษร โปรดย่อให้สั้นลง") % {"n": TEXT_MAX}})
    return value


@transaction.atomic
def case_note(*, case, actor, text):
    """An internal note: staff only, never shown to the citizen."""
    case = _locked(case)
    ensure_can_handle(actor, case)
    text = _text(text, "text", _("โปรดพิมพ์บันทึก"))
    _event(case, EventKind.NOTE, actor=actor, text=text)
    case.save(update_fields=["updated_at"])
    record(actor, AuditCode.PARTICIPATION_NOTE, case, length=len(text), **_audit_facts(case))
    return case


def _reply(case, actor, text, now):
    _acknowledge(case, actor, now)
    if case.answered_at is None:
        case.answered_at = now
    _event(case, EventKind.REPLY, actor=actor, text=text)


@transaction.atomic
def case_reply(*, case, actor, text):
    """A reply to the citizen: shown on the status page; an e-mail (without the text) tells them it is there."""
    case = _locked(case)
    ensure_can_handle(actor, case)
    _ensure_open(case)
    text = _text(text, "text", _("โปรดพิมพ์คำตอบถึงผู้แจ้ง"))
    _reply(case, actor, text, timezone.now())
    case.save()
    record(actor, AuditCode.PARTICIPATION_REPLIED, case, length=len(text), **_audit_facts(case))
    transaction.on_commit(lambda: _email_progress(case))
    return case


@transaction.atomic
def case_close(*, case, actor, outcome="", reply=""):
    """Close a case with its outcome and (unless one was sent) a last reply; the retention period starts now."""
    case = _locked(case)
    ensure_can_handle(actor, case)
    _ensure_open(case)
    errors = {}
    if isinstance(case, Complaint) and outcome not in Outcome.values:
        errors["outcome"] = _("โปรดเลือกผลการดำเนินการ")
    replied = CaseEvent.objects.filter(**{case_type(case): case}, kind=EventKind.REPLY).exists()
    reply = (reply or "").strip()
    if not replied and not reply:
        errors["reply"] = _("โปรดพิมพ์คำตอบถึงผู้แจ้งก่อนปิดเรื่อง ผู้แจ้งจะเห็นคำตอบนี้ในหน้าติดตามสถานะ")
    if len(reply) > TEXT_MAX:
        errors["reply"] = _("ข้อความยาวเกิน %(n)d ตัวอักษร โปรดย่อให้สั้นลง") % {"n": TEXT_MAX}
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    if reply:
        _reply(case, actor, reply, now)
    _acknowledge(case, actor, now)
    case.status = Status.CLOSED
    case.closed_at = now
    case.retain_until = now + dt.timedelta(days=retention_days())
    if isinstance(case, Complaint):
        case.outcome = outcome
    case.save()
    _event(case, EventKind.CLOSED, actor=actor, status=Status.CLOSED)
    record(actor, AuditCode.PARTICIPATION_CLOSED, case, outcome=getattr(case, "outcome", ""),
           retain_until=case.retain_until, **_audit_facts(case))  # fmt: skip
    transaction.on_commit(lambda: _email_progress(case))
    return case


@transaction.atomic
def question_publish(*, question, actor, faq_question, faq_answer):
    """Publish a question and its answer as an FAQ entry, in words staff wrote without the asker's personal data."""
    question = _locked(question)
    ensure_can_handle(actor, question)
    errors = {}
    faq_question, faq_answer = (faq_question or "").strip(), (faq_answer or "").strip()
    if not faq_question:
        errors["faq_question"] = _("โปรดพิมพ์คำถามที่จะแสดงในคำถามที่พบบ่อย")
    if not faq_answer:
        errors["faq_answer"] = _("โปรดพิมพ์คำตอบที่จะแสดงในคำถามที่พบบ่อย")
    if len(faq_question) > 300 or len(faq_answer) > TEXT_MAX:
        errors["faq_answer"] = _("คำถามยาวได้ไม่เกิน 300 ตัวอักษร และคำตอบไม่เกิน %(n)d ตัวอักษร") % {"n": TEXT_MAX}
    if errors:
        raise ValidationError(errors)
    question.faq_question, question.faq_answer = faq_question, faq_answer
    question.published_at, question.published_by = timezone.now(), actor
    question.save()
    _event(question, EventKind.PUBLISHED, actor=actor)
    record(actor, AuditCode.PARTICIPATION_FAQ_PUBLISHED, question, **_audit_facts(question))
    return question


@transaction.atomic
def question_withdraw(*, question, actor):
    """Take an entry out of the FAQ (its text is kept for the record)."""
    question = _locked(question)
    ensure_can_handle(actor, question)
    if question.published_at is None:
        raise NotAllowed(_("คำถามนี้ยังไม่ได้เผยแพร่"))
    question.published_at = None
    question.save()
    _event(question, EventKind.WITHDRAWN, actor=actor)
    record(actor, AuditCode.PARTICIPATION_FAQ_WITHDRAWN, question, **_audit_facts(question))
    return question


# The office's set-up (administrator) -------------------------------------------------------------------------


def _ensure_manager(actor, office):
    if actor.office_id != office.pk or not permissions.can_manage(actor):
        raise NotAllowed(_("กำหนดผู้รับผิดชอบและกำหนดเวลาได้เฉพาะผู้ดูแลระบบของสำนักงาน"))


@transaction.atomic
def handler_add(*, office, actor, staff, stream):
    """Name a staff member for a stream: they see its cases from now on (corruption: nobody else does)."""
    _ensure_manager(actor, office)
    if staff is None or staff.office_id != office.pk or not staff.is_active:
        raise ValidationError({"staff": _("โปรดเลือกเจ้าหน้าที่ของสำนักงาน")})
    if stream not in Stream.values:
        raise ValidationError({"stream": _("โปรดเลือกประเภทเรื่อง")})
    try:
        with transaction.atomic():
            Handler.objects.create(office=office, staff=staff, stream=stream, added_by=actor)
    except IntegrityError:
        raise ValidationError({"staff": _("%(name)s เป็นผู้รับผิดชอบเรื่องประเภทนี้อยู่แล้ว") % {"name": staff}}) from None
    record(actor, AuditCode.PARTICIPATION_HANDLERS, None, office=office, added=staff.get_username(), stream=stream)


@transaction.atomic
def handler_remove(*, office, actor, handler_id):
    _ensure_manager(actor, office)
    handler = Handler.objects.filter(pk=handler_id, office=office).select_related("staff").first()
    if handler is None:
        raise NotAllowed(_("ไม่พบผู้รับผิดชอบนี้"))
    handler.delete()
    record(actor, AuditCode.PARTICIPATION_HANDLERS, None, office=office, removed=handler.staff.get_username(),
           stream=handler.stream)  # fmt: skip


@transaction.atomic
def deadlines_update(*, office, actor, acknowledge_days, answer_days):
    """Change the working days allowed; cases already filed keep the deadlines they were given."""
    _ensure_manager(actor, office)
    errors = {}
    if not 1 <= (acknowledge_days or 0) <= 30:
        errors["acknowledge_days"] = _("กำหนดรับเรื่องต้องอยู่ระหว่าง 1 ถึง 30 วันทำการ")
    if not 1 <= (answer_days or 0) <= 90:
        errors["answer_days"] = _("กำหนดตอบต้องอยู่ระหว่าง 1 ถึง 90 วันทำการ")
    elif acknowledge_days and answer_days < acknowledge_days:
        errors["answer_days"] = _("กำหนดตอบต้องไม่สั้นกว่ากำหนดรับเรื่อง")
    if errors:
        raise ValidationError(errors)
    found = office_deadlines(office)
    found.acknowledge_days, found.answer_days = acknowledge_days, answer_days
    found.save()
    record(actor, AuditCode.PARTICIPATION_SETTINGS, None, office=office, acknowledge_days=acknowledge_days,
           answer_days=answer_days)  # fmt: skip
    return found


# The MOIT 10 summary, through the normal request chain -------------------------------------------------------

SUMMARY_TOPIC = "complaint-summary"


@atomic_with_files()
def summary_request(*, office, actor, period, renderer=None):
    """Make the period's complaint summary as a PDF (counts only) and submit it as a request on its topic.

    It then goes through the office's approval chain like any request, and once published it is the
    MOIT 10 evidence on the topic `complaint-summary` (and so on the ITA page).
    """
    from django.core.files.uploadedfile import SimpleUploadedFile

    from khaosan.catalog.models import Topic
    from khaosan.participation import summaries
    from khaosan.workflow import services as workflow

    if actor.office_id != office.pk or not permissions.can_make_summary(actor):
        raise NotAllowed(_("จัดทำสรุปผลได้เฉพาะผู้ดูแลระบบและผู้รับผิดชอบเรื่องร้องเรียน"))
    today = timezone.localdate()
    if period.start > today:
        raise ValidationError({"period": _("รอบนี้ยังไม่เริ่ม โปรดเลือกรอบที่เริ่มแล้ว")})
    topic = Topic.objects.filter(code=SUMMARY_TOPIC, retired_at__isnull=True).first()
    if topic is None:
        raise NotAllowed(_("ไม่พบหัวข้อ “สรุปผลการจัดการเรื่องร้องเรียน” ในมาตรฐาน โปรดแจ้งผู้ดูแลระบบให้นำเข้ามาตรฐาน"))
    counts = summaries.summary_counts(office, period)
    pdf = summaries.summary_pdf(office, period, counts=counts, renderer=renderer)
    label = period.label()
    pub_request = workflow.request_create(
        office=office, actor=actor, topic=topic, title=_("สรุปผลการดำเนินงานเรื่องร้องเรียน %(period)s") % {"period": label},
        summary=summaries.summary_sentence(counts), source=_("%(office)s (ระบบรับเรื่องร้องเรียนทางเว็บไซต์)") % {
            "office": office.name_th},
        rights_confirmed=True, data_from=period.start, data_to=min(period.end, today),
        remarks=_("จัดทำโดยระบบจากจำนวนเรื่อง ไม่มีข้อมูลที่ระบุตัวผู้ร้องเรียน"),
    )  # fmt: skip
    name = _("สรุปผลเรื่องร้องเรียน %(period)s.pdf") % {"period": label.replace("/", "-")}
    workflow.request_file_add(pub_request=pub_request, actor=actor, upload=SimpleUploadedFile(name, pdf))
    record(actor, AuditCode.PARTICIPATION_SUMMARY, pub_request, period=label, received=counts.received_total)
    return workflow.request_submit(pub_request=pub_request, actor=actor)


# Housekeeping ------------------------------------------------------------------------------------------------


def _open_cases(model, now):
    return model.objects.filter(status__in=OPEN_STATUSES).select_related("office", "assignee").order_by("pk")


def _escalation_people(case, *, answer):
    """The case's people; an answer that is late also goes up: the executive, or for corruption the committee."""
    people = _case_people(case)
    if answer:
        up = Role.COMMITTEE if permissions.stream_of(case) == Stream.CORRUPTION else Role.APPROVER
        people += list(members(case.office, up))
    return list({p.pk: p for p in people}.values())


def _escalate(case, *, answer, now):
    from khaosan.compliance.services import reminder_once

    kind = "participation.answer.late" if answer else "participation.ack.late"
    people = _escalation_people(case, answer=answer)
    with transaction.atomic():
        if not reminder_once(office=case.office, kind=kind, key=f"{case_type(case)}:{case.pk}", recipients=len(people)):
            return False
        facts = {"kind": case.label, "ref": case.reference,
                 "due": thai_date(case.answer_due if answer else case.acknowledge_due)}  # fmt: skip
        if answer:
            subject = _("เลยกำหนดตอบ: %(kind)s เลขที่ %(ref)s") % facts
            message = (
                _(
                    "%(kind)s เลขที่ %(ref)s ยังไม่ได้ตอบผู้แจ้ง ซึ่งต้องตอบภายใน %(due)s โปรดดำเนินการโดยเร็ว "
                    "ข้อความนี้ส่งถึงผู้บังคับบัญชาด้วย"
                )
                % facts
            )
        else:
            subject = _("เลยกำหนดรับเรื่อง: %(kind)s เลขที่ %(ref)s") % facts
            message = _("%(kind)s เลขที่ %(ref)s ยังไม่มีผู้รับเรื่อง ซึ่งต้องรับภายใน %(due)s โปรดรับเรื่องโดยเร็ว") % facts
        notify(people, pub_request=None, subject=subject, message=message, url=staff_link(case))
        _event(case, EventKind.ESCALATED, text="answer" if answer else "acknowledge")
        record(None, AuditCode.PARTICIPATION_ESCALATED, case, system=SYSTEM, late="answer" if answer else "acknowledge",
               recipients=[p.get_username() for p in people], **_audit_facts(case))  # fmt: skip
    return True


def housekeeping_deadlines(*, now=None):
    """Escalate cases past their deadlines, once each: not acknowledged in time, not answered in time."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    counts = {"acknowledge": 0, "answer": 0}
    for model in (Complaint, Feedback, Question):
        late = _open_cases(model, now).filter(
            Q(acknowledged_at__isnull=True, acknowledge_due__lt=today)
            | Q(answered_at__isnull=True, answer_due__lt=today)
        )
        for case in late:
            if case.acknowledged_at is None and case.acknowledge_due < today:
                counts["acknowledge"] += _escalate(case, answer=False, now=now)
            if case.answered_at is None and case.answer_due < today:
                counts["answer"] += _escalate(case, answer=True, now=now)
    return counts


def _blob_unused(blob):
    """True when nothing but complaint files refers to this content (an item's file must never go)."""
    from django.db.models import TextField
    from django.db.models.functions import Cast

    from khaosan.catalog.models import ItemVersion

    for relation in type(blob)._meta.related_objects:
        if relation.related_model is ComplaintFile:
            continue
        if relation.related_model._default_manager.filter(**{relation.field.name: blob}).exists():
            return False
    if ComplaintFile.objects.filter(blob=blob).exists():
        return False
    versions = ItemVersion.objects.annotate(text=Cast("snapshot", TextField()))
    return not versions.filter(text__contains=blob.sha256).exists()


def _erase_files(complaint):
    """Remove a complaint's files; their content leaves the store when no item or request holds the same bytes."""
    blobs = [f.blob for f in complaint.files.select_related("blob")]
    removed = complaint.files.all().delete()[0]
    for blob in blobs:
        if not _blob_unused(blob):
            continue
        blob_files_delete(blob)
        blob.delete()
    return removed


@transaction.atomic
def case_erase(*, case, now=None):
    """Erase a case's personal data once its retention period is over; keep what the summaries count."""
    now = now or timezone.now()
    case = _locked(case)
    if case.erased_at is not None or case.retain_until is None or case.retain_until > now:
        return False
    for name in case.PERSONAL_FIELDS:
        setattr(case, name, "")
    case.submission_key = None
    case.erased_at = now
    case.save()
    texts = CaseEvent.objects.filter(**{case_type(case): case}).exclude(text="")
    cleared = texts.update(text="")
    files = _erase_files(case) if isinstance(case, Complaint) else 0
    _event(case, EventKind.ERASED)
    record(None, AuditCode.PARTICIPATION_ERASED, case, system=SYSTEM, texts=cleared, files=files,
           retain_until=case.retain_until, **_audit_facts(case))  # fmt: skip
    return True


def housekeeping_retention(*, now=None):
    """Erase personal data whose retention period after closing has ended (KHAOSAN_PARTICIPATION_RETENTION_DAYS).

    Satisfaction answers carry no name, but their free-text comments are cleared after the same period.
    """
    now = now or timezone.now()
    erased = 0
    for model in (Complaint, Feedback, Question):
        for case in model.objects.filter(erased_at__isnull=True, retain_until__lte=now).order_by("pk"):
            erased += case_erase(case=case, now=now)
    comments = (
        SatisfactionResponse.objects.filter(created_at__lte=now - dt.timedelta(days=retention_days()))
        .exclude(comment="")
        .update(comment="")
    )
    return {"erased": erased, "comments_cleared": comments}
