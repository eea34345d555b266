"""What the request form shows, read once from the records: the fields, the chain's steps, the signatures.

Everything is text, in Thai (the form is an official document whatever the reader's language), so that the
PDF, the Word document and the bundle set exactly the same words.
"""

import datetime as dt
import unicodedata
from dataclasses import dataclass

from django.utils import timezone, translation

from khaosan.audit.models import actor_display
from khaosan.catalog.files import type_label
from khaosan.org.roles import Role
from khaosan.thai.dates import thai_date, thai_datetime
from khaosan.thai.text import human_size
from khaosan.workflow.models import Action, Channel, RequestFile, State, Verdict
from khaosan.workflow.notify import site_url

FORM_TITLE = "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน"
FORM_SUBTITLE = "(ในสังกัดสำนักงานปลัดกระทรวงสาธารณสุข)"
NOT_PUBLISHED = "ยังไม่ได้เผยแพร่"
SIGN_REQUESTER = "ผู้รับผิดชอบการให้ข้อมูล"
SIGN_APPROVER = "ผู้อนุมัติรับรอง"
SIGN_PUBLISHER = "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่"
# Where a signature title may wrap in its narrow column (a dictionary would split เผย|แพร่).
TITLE_PARTS = {SIGN_PUBLISHER: ("ผู้รับผิดชอบการนำข้อมูล", "ขึ้นเผยแพร่")}
GENERATED_NOTE = "แบบฟอร์มนี้จัดทำโดยระบบจากข้อมูลที่บันทึกไว้ เมื่อ {when}"
TEMPLATES = "workflow/documents/"


@dataclass
class FileLine:
    name: str
    type: str
    size: str


@dataclass
class StepRow:
    """One line of the table of the chain: a submission, a decision or the publication."""

    stage: str
    name: str
    position: str
    when: str
    result: str
    reason: str = ""
    delegation: str = ""
    at: dt.datetime | None = None
    step: str = ""  # "ขั้นที่ 2" for a decision of the chain

    @property
    def when_parts(self):
        """('6 พ.ย. 2568', '15:45 น.'): kept apart so that a narrow column breaks between date and time."""
        date, _, time = self.when.rpartition(" ")[0].rpartition(" ")
        return (date, f"{time} น.") if date else (self.when,)

    @property
    def stage_text(self):
        return f"{self.step} {self.stage}".strip()


@dataclass
class Signature:
    title: str
    name: str = ""
    position: str = ""
    date: str = ""
    note: str = ""

    @property
    def title_parts(self):
        return TITLE_PARTS.get(self.title, (self.title,))


@dataclass
class FormData:
    """Everything the form shows, as text, read once from the records."""

    pk: int
    reference: str
    office_name: str
    action_label: str
    channel_label: str
    letter_text: str
    unit_name: str
    date_text: str
    title: str
    summary: str
    external_url: str
    target_title: str
    files: list
    topic_text: str
    data_range: str
    wish_range: str
    source: str
    public_url: str
    remarks: str
    redaction_note: str
    state_label: str
    rows: list
    signatures: list
    generated: str
    slug: str = ""
    title_of_form: str = FORM_TITLE
    subtitle_of_form: str = FORM_SUBTITLE
    not_published: str = NOT_PUBLISHED


# ------------------------------------------------------------------------------------------------ reading


def role_label(code):
    try:
        return str(Role(code).label)
    except ValueError:
        return code or ""


def delegation_text(decision):
    delegation = decision.delegation
    if delegation is None:
        return ""
    return f"ปฏิบัติราชการแทน {delegation.delegator.display_name}"


def final_approval(pub_request, decisions=None):
    """The APPROVE decision that completed the chain (the ผู้อนุมัติรับรอง), or None while not approved."""
    if pub_request.approved_at is None and pub_request.state not in (State.APPROVED, State.PUBLISHED):
        return None
    decisions = list(pub_request.decisions.all()) if decisions is None else decisions
    approvals = [d for d in decisions if d.verdict == Verdict.APPROVE]
    return approvals[-1] if approvals else None


def public_url(pub_request):
    """The address of what the request put on the public site, or '' while it is not published."""
    if pub_request.state != State.PUBLISHED or pub_request.item_id is None:
        return ""
    return site_url(pub_request.item.get_absolute_url())


def _submission_rows(pub_request, events):
    rows = []
    for index, event in enumerate(events):
        actor = event.actor
        if actor is not None and actor.pk == pub_request.requester_id:
            name, position = pub_request.requester_name, pub_request.requester_position
        elif actor is not None:
            name, position = actor.get_full_name() or actor.get_username(), actor.position
        else:
            name, position = actor_display(event.actor_label), ""
        resubmitted = (event.changes or {}).get("resubmitted") or index > 0
        rows.append(StepRow(
            stage="ยื่นคำขอ" if actor is None or actor.pk == pub_request.requester_id else "ลงทะเบียนและยื่นคำขอ",
            name=name, position=position, when=thai_datetime(event.created_at, short=True),
            result="ยื่นคำขอที่แก้ไขแล้ว" if resubmitted else "ยื่นคำขอ", at=event.created_at,
        ))  # fmt: skip
    return rows


def _decision_rows(decisions):
    return [
        StepRow(
            step=f"ขั้นที่ {d.step + 1}",
            stage=role_label(d.role),
            name=d.actor_name,
            position=d.actor_position,
            when=thai_datetime(d.decided_at, short=True),
            result=d.get_verdict_display(),
            reason=d.reason_text,
            delegation=delegation_text(d),
            at=d.decided_at,
        )  # fmt: skip
        for d in decisions
    ]


def _publish_row(pub_request):
    if pub_request.state != State.PUBLISHED or pub_request.published_at is None:
        return []
    person = pub_request.published_by
    return [StepRow(
        stage=role_label(Role.WEBMASTER), name=_person_name(person), position=getattr(person, "position", ""),
        when=thai_datetime(pub_request.published_at, short=True),
        result="ถอนการเผยแพร่แล้ว" if pub_request.action == Action.WITHDRAW else "เผยแพร่แล้ว",
        reason=pub_request.redaction_note, at=pub_request.published_at,
    )]  # fmt: skip


def _person_name(person):
    if person is None:
        return ""
    return person.get_full_name() or person.get_username()


def _submission_events(pub_request):
    from khaosan.audit.models import AuditCode
    from khaosan.workflow.selectors import timeline

    return [e for e in timeline(pub_request) if e.action == AuditCode.REQUEST_SUBMITTED]


def _letter_text(pub_request):
    if pub_request.channel != Channel.LETTER:
        return ""
    parts = []
    if pub_request.letter_number:
        parts.append(f"ที่ {pub_request.letter_number}")
    if pub_request.letter_date:
        parts.append(f"ลงวันที่ {thai_date(pub_request.letter_date)}")
    return " ".join(parts)


def topic_text(topic):
    if topic is None:
        return ""
    category = topic.category
    return f"{category.number} {category.name_th} › {topic.name_th}"


def date_range(start, end):
    if not start and not end:
        return ""
    if start and end and start == end:
        return thai_date(start)
    return f"{thai_date(start) if start else '…'} – {thai_date(end) if end else '…'}"


def file_slug(text, *, limit=60):
    """A file-name part from a Thai title: words joined by '-', Thai vowels and tone marks kept."""
    text = unicodedata.normalize("NFC", text or "")
    kept = "".join(ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in text)
    slug = "-".join(kept.split())[:limit].strip("-")
    return slug or "request"


def form_data(pub_request, *, generated_at=None, submission_events=None):
    """Read what the form of `pub_request` shows. Pass `submission_events` when reading many (bundle)."""
    with translation.override("th"):
        return _form_data(pub_request, generated_at or timezone.now(), submission_events)


def _form_data(pub_request, generated_at, submission_events):
    decisions = list(pub_request.decisions.all())
    files = list(pub_request.files.all())
    if submission_events is None:
        submission_events = _submission_events(pub_request)
    rows = _submission_rows(pub_request, submission_events) + _decision_rows(decisions) + _publish_row(pub_request)
    rows.sort(key=lambda row: row.at or generated_at)

    submitted = pub_request.submitted_at
    approval = final_approval(pub_request, decisions)
    published = pub_request.state == State.PUBLISHED and pub_request.published_at is not None
    publisher = pub_request.published_by if published else None
    link = public_url(pub_request)
    withdrawn = bool(link) and pub_request.action == Action.WITHDRAW  # the link no longer shows the item
    signatures = [
        Signature(SIGN_REQUESTER, pub_request.requester_name, pub_request.requester_position,
                  thai_date(submitted) if submitted else ""),
        Signature(SIGN_APPROVER, approval.actor_name, approval.actor_position, thai_date(approval.decided_at),
                  delegation_text(approval)) if approval else Signature(SIGN_APPROVER),
        Signature(SIGN_PUBLISHER, _person_name(publisher), getattr(publisher, "position", ""),
                  thai_date(pub_request.published_at)) if published else Signature(SIGN_PUBLISHER),
    ]  # fmt: skip
    return FormData(
        pk=pub_request.pk,
        reference=pub_request.reference,
        office_name=pub_request.office.name_th,
        action_label=pub_request.get_action_display(),
        channel_label=pub_request.get_channel_display(),
        letter_text=_letter_text(pub_request),
        unit_name=pub_request.requester_unit.name_th,
        date_text=thai_date(submitted or pub_request.created_at),
        title=pub_request.title,
        summary=pub_request.summary,
        external_url=pub_request.external_url,
        target_title=pub_request.target_item.title if pub_request.target_item_id else "",
        files=[
            FileLine(f.original_name, type_label(f.extension), human_size(f.size))
            for f in files
            if f.kind == RequestFile.Kind.CONTENT
        ],  # fmt: skip
        topic_text=topic_text(pub_request.topic),
        data_range=date_range(pub_request.data_from, pub_request.data_to),
        wish_range=date_range(pub_request.wish_from, pub_request.wish_until),
        source=pub_request.source,
        public_url="" if withdrawn else link,
        remarks=pub_request.remarks,
        redaction_note=pub_request.redaction_note if published else "",
        state_label=pub_request.get_state_display(),
        rows=rows,
        signatures=signatures,
        generated=thai_datetime(generated_at, short=True),  # in the footer: one line on the page
        slug=file_slug(pub_request.title),
        not_published=f"ถอนการเผยแพร่แล้ว ({link})" if withdrawn else NOT_PUBLISHED,
    )
