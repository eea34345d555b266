"""The request form (MOIT1-F, BO-1) filled from the records, and the fiscal-year bundle an auditor asks for.

`request_form_pdf` / `request_form_docx` give the MOPH form "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน"
of one request: the fields of the form, every step of the chain (who, in which position, when, with what
result and why) and the three signature blocks (requester, approver, web master).

`forms_bundle_pdf` binds the forms of a fiscal year into one PDF behind a cover and an index, each signed
memo (บันทึกข้อความ) right after its form; `forms_bundle_zip` gives the same as separate files with an
index.csv. Both use one Chromium for the whole year.

The form is a Thai official document, so it is always set in Thai, whatever the reader's interface language.
"""

import base64
import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone, translation

from khaosan.audit.models import actor_display
from khaosan.catalog.files import type_label
from khaosan.documents import docx as word
from khaosan.documents.page import A4_OFFICIAL
from khaosan.documents.pdf import document_html, pdf_renderer
from khaosan.documents.pdf import footer_font_face as _footer_font_face
from khaosan.documents.word import borderless as _docx_borderless
from khaosan.documents.word import page_number_footer as _docx_page_number_footer
from khaosan.documents.word import run as _docx_run
from khaosan.documents.word import style as _docx_style
from khaosan.org.roles import Role
from khaosan.thai.dates import fiscal_year_bounds, thai_date, thai_datetime
from khaosan.thai.text import human_size
from khaosan.workflow.models import Action, Channel, Decision, PublicationRequest, RequestFile, State, Verdict
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
# Placeholder pages of a bundle, where the pages of a memo PDF go: found again by this link target.
MEMO_SLOT_URL = "https://khaosan.invalid/memo-slot/"
# The first page of each form in a document of many forms, found again the same way.
FORM_START_URL = "https://khaosan.invalid/form-start/"
MEMO_IMAGE_MIME = {"jpg": "image/jpeg", "png": "image/png"}
# Shares of the text width for the columns of the chain in Word: those of table.decisions in form.css.
DOCX_DECISION_COLUMNS = (0.17, 0.15, 0.16, 0.185, 0.115, 0.22)


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


def _role_label(code):
    try:
        return str(Role(code).label)
    except ValueError:
        return code or ""


def _delegation_text(decision):
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
            step=f"ขั้นที่ {d.step + 1}", stage=_role_label(d.role), name=d.actor_name, position=d.actor_position,
            when=thai_datetime(d.decided_at, short=True), result=d.get_verdict_display(), reason=d.reason_text,
            delegation=_delegation_text(d), at=d.decided_at,
        )  # fmt: skip
        for d in decisions
    ]


def _publish_row(pub_request):
    if pub_request.state != State.PUBLISHED or pub_request.published_at is None:
        return []
    person = pub_request.published_by
    return [StepRow(
        stage=_role_label(Role.WEBMASTER), name=_person_name(person), position=getattr(person, "position", ""),
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


def _topic_text(topic):
    if topic is None:
        return ""
    category = topic.category
    return f"{category.number} {category.name_th} › {topic.name_th}"


def _range(start, end):
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
                  _delegation_text(approval)) if approval else Signature(SIGN_APPROVER),
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
            for f in files if f.kind == RequestFile.Kind.CONTENT
        ],  # fmt: skip
        topic_text=_topic_text(pub_request.topic),
        data_range=_range(pub_request.data_from, pub_request.data_to),
        wish_range=_range(pub_request.wish_from, pub_request.wish_until),
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


# ------------------------------------------------------------------------------------------------ PDF


def _footer(note):
    from django.utils.safestring import mark_safe

    context = {"font_face": mark_safe(_footer_font_face()), "note": note, "page": A4_OFFICIAL}
    return render_to_string(TEMPLATES + "footer.html", context)


def _css():
    return render_to_string(TEMPLATES + "form.css")


def _form_html(form, *, mark=""):
    return render_to_string(TEMPLATES + "request_form.html", {"form": form, "mark": mark})


def _form_note(form):
    return f"คำขอเลขที่ {form.reference} · " + GENERATED_NOTE.format(when=form.generated)


def _form_document(form):
    """The whole HTML document of one form, and the note its page footer carries."""
    html = document_html(_form_html(form), title=f"{FORM_TITLE} {form.reference}", extra_css=_css())
    return html, _form_note(form)


def request_form_html(pub_request, *, generated_at=None):
    """The whole HTML document of one form (what `request_form_pdf` prints)."""
    return _form_document(form_data(pub_request, generated_at=generated_at))[0]


def _renderer_scope(renderer):
    return nullcontext(renderer) if renderer is not None else pdf_renderer()


def request_form_pdf(pub_request, *, renderer=None, generated_at=None):
    """The filled request form of `pub_request` as A4 PDF bytes (one Chromium per call unless `renderer`)."""
    html, note = _form_document(form_data(pub_request, generated_at=generated_at))
    with _renderer_scope(renderer) as active:
        return active.render(html, footer_template=_footer(note))


# ------------------------------------------------------------------------------------------------ bundle


def bundle_requests(office, fiscal_year):
    """Requests of `office` submitted (or, never submitted, created) in B.E. fiscal year `fiscal_year`, by number."""
    first, last = fiscal_year_bounds(fiscal_year)
    start = timezone.make_aware(dt.datetime.combine(first, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min))
    return (
        PublicationRequest.objects.filter(office=office)
        .annotate(filed_at=Coalesce("submitted_at", "created_at"))
        .filter(filed_at__gte=start, filed_at__lt=end)
        .select_related("office", "requester_unit", "topic__category", "item", "published_by", "target_item")
        .prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.select_related("delegation__delegator")),
            Prefetch("files", queryset=RequestFile.objects.select_related("blob")),
        )
        .order_by("number")
    )


def _events_by_request(requests):
    from khaosan.audit.models import AuditCode, AuditEvent

    by_request = {}
    events = (
        AuditEvent.objects.filter(
            object_type="workflow.publicationrequest", object_id__in=[str(r.pk) for r in requests],
            action=AuditCode.REQUEST_SUBMITTED,
        )  # fmt: skip
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    for event in events:
        by_request.setdefault(int(event.object_id), []).append(event)
    return by_request


@dataclass
class MemoPart:
    """A signed memo as it goes into the bundle: PDF pages, an image page, or a note that it could not."""

    file: RequestFile
    reader: object = None  # pypdf.PdfReader of a readable PDF memo
    image_url: str = ""
    problem: str = ""

    @property
    def page_count(self):
        return len(self.reader.pages) if self.reader is not None else 0


@dataclass
class BundleEntry:
    form: FormData
    memos: list = field(default_factory=list)

    @property
    def memo_text(self):
        if not self.memos:
            return "-"
        if any(m.problem for m in self.memos):
            return "มี แต่รวมในชุดนี้ไม่ได้ ดูไฟล์ในระบบ"
        return "มี แนบท้ายแบบฟอร์ม"


def _memo_part(request_file):
    from pypdf import PdfReader

    path = request_file.blob.path
    extension = request_file.extension.lower()
    try:
        if extension == "pdf":
            reader = PdfReader(str(path))
            if reader.is_encrypted and not reader.decrypt(""):
                return MemoPart(request_file, problem="ไฟล์ถูกเข้ารหัส")
            len(reader.pages)  # reads the page tree: a broken file fails here, not in the middle of the merge
            return MemoPart(request_file, reader=reader)
        mime = MEMO_IMAGE_MIME.get("jpg" if extension == "jpeg" else extension)
        if mime:
            encoded = base64.b64encode(path.read_bytes()).decode()
            return MemoPart(request_file, image_url=f"data:{mime};base64,{encoded}")
        return MemoPart(request_file, problem=f"ไฟล์ {type_label(extension)} รวมในชุด PDF ไม่ได้")
    except Exception as error:  # noqa: BLE001  one unreadable memo must not stop the year's bundle
        return MemoPart(request_file, problem=f"อ่านไฟล์ไม่ได้ ({type(error).__name__})")


def _memo_html(entry):
    parts = []
    for memo in entry.memos:
        caption = render_to_string(TEMPLATES + "_memo_caption.html", {"form": entry.form, "memo": memo})
        if memo.reader is not None:
            slots = "".join(
                f'<section class="memo-slot"><a href="{MEMO_SLOT_URL}{memo.file.pk}/{index}"></a></section>'
                for index in range(memo.page_count)
            )
            parts.append(slots)
        elif memo.image_url:
            parts.append(f'<section class="memo-image">{caption}<img src="{memo.image_url}" alt=""></section>')
        else:
            parts.append(f'<section class="memo-missing">{caption}</section>')
    return "".join(parts)


def _bundle(office, fiscal_year, generated_at):
    requests = list(bundle_requests(office, fiscal_year))
    events = _events_by_request(requests)
    entries = []
    with translation.override("th"):
        for pub_request in requests:
            form = _form_data(pub_request, generated_at, events.get(pub_request.pk, []))
            memos = [_memo_part(f) for f in pub_request.files.all() if f.kind == RequestFile.Kind.MEMO]
            entries.append(BundleEntry(form, memos))
    return entries


def _bundle_html(office, fiscal_year, entries, generated_at):
    first, last = fiscal_year_bounds(fiscal_year)
    counts = {}
    for entry in entries:
        counts[entry.form.state_label] = counts.get(entry.form.state_label, 0) + 1
    with translation.override("th"):
        cover = render_to_string(TEMPLATES + "bundle_index.html", {
            "office_name": office.name_th, "fiscal_year": fiscal_year, "entries": entries,
            "period": f"{thai_date(first)} – {thai_date(last)}", "state_counts": sorted(counts.items()),
            "memo_count": sum(1 for e in entries if e.memos), "generated": thai_datetime(generated_at),
        })  # fmt: skip
    body = cover + "".join(_form_html(entry.form) + _memo_html(entry) for entry in entries)
    title = f"ชุดแบบฟอร์มการขอเผยแพร่ข้อมูล ปีงบประมาณ {fiscal_year} {office.name_th}"
    return document_html(body, title=title, extra_css=_css())


def _page_marks(pages, prefix):
    """{(page index, key)} of the pages carrying a link to `prefix` + key: how a section is found again."""
    marks = []
    for index, page in enumerate(pages):
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            uri = str(action.get("/URI", ""))
            if uri.startswith(prefix):
                marks.append((index, uri[len(prefix):]))
    return marks


def _drop_links(page, prefix):
    from pypdf.generic import ArrayObject, NameObject

    annotations = page.get("/Annots")
    if not annotations:
        return
    kept = [a for a in annotations if not str((a.get_object().get("/A") or {}).get("/URI", "")).startswith(prefix)]
    if kept:
        page[NameObject("/Annots")] = ArrayObject(kept)
    else:
        del page[NameObject("/Annots")]


def _fill_memo_slots(pdf_bytes, entries):
    """Draw each memo page onto its placeholder page, under the bundle's footer and page number."""
    from pypdf import PdfReader, PdfWriter, Transformation

    memos = {str(memo.file.pk): memo for entry in entries for memo in entry.memos if memo.reader is not None}
    if not memos:
        return pdf_bytes
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes)))
    footer_room = 34  # points kept free at the bottom for the footer (1.2 cm)
    for index, key in _page_marks(writer.pages, MEMO_SLOT_URL):
        page = writer.pages[index]
        file_key, page_number = key.split("/")
        source = memos[file_key].reader.pages[int(page_number)]
        if source.get("/Rotate"):
            source.transfer_rotation_to_content()
        box = source.mediabox
        width, height = float(box.width), float(box.height)
        page_width, page_height = float(page.mediabox.width), float(page.mediabox.height)
        scale = min(page_width / width, (page_height - footer_room) / height)
        dx = (page_width - width * scale) / 2 - float(box.left) * scale
        dy = page_height - height * scale - float(box.bottom) * scale
        page.merge_transformed_page(source, Transformation().scale(scale).translate(dx, dy), over=False)
        _drop_links(page, MEMO_SLOT_URL)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def forms_bundle_pdf(office, fiscal_year, *, renderer=None, generated_at=None):
    """One PDF for an auditor: cover and index, then every request form of the fiscal year with its memos.

    One HTML document, one Chromium render: the footer's "หน้า x/y" counts the whole bundle, memo pages
    included (each memo page has a placeholder page in the document, filled in afterwards with pypdf).
    """
    generated_at = generated_at or timezone.now()
    entries = _bundle(office, fiscal_year, generated_at)
    html = _bundle_html(office, fiscal_year, entries, generated_at)
    with translation.override("th"):
        when = thai_datetime(generated_at, short=True)
        note = f"ชุดแบบฟอร์มคำขอเผยแพร่ ปีงบประมาณ {fiscal_year} · จัดทำโดยระบบเมื่อ {when}"
    with _renderer_scope(renderer) as active:
        pdf = active.render(html, footer_template=_footer(note))
    return _fill_memo_slots(pdf, entries)


def forms_pdfs(forms, *, renderer):
    """One PDF per form, each with its own "หน้า x/y" footer, from two Chromium renders whatever their number.

    All forms are set in one document (a marker link on the first page of each tells where it starts); the
    footers of every page are set in a second one and drawn onto the pages; then the pages are split.
    """
    from pypdf import PdfReader, PdfWriter

    if not forms:
        return []
    body = "".join(_form_html(form, mark=f"{FORM_START_URL}{number}") for number, form in enumerate(forms))
    reader = PdfReader(io.BytesIO(renderer.render(document_html(body, title=FORM_TITLE, extra_css=_css()))))
    starts = [index for index, _ in sorted(_page_marks(reader.pages, FORM_START_URL), key=lambda m: int(m[1]))]
    if len(starts) != len(forms) or starts != sorted(starts) or starts[0] != 0:
        raise RuntimeError("could not find where each form starts in the rendered document")
    ranges = list(zip(starts, starts[1:] + [len(reader.pages)]))
    stamps = [
        {"note": _form_note(form), "number": number, "total": end - start}
        for form, (start, end) in zip(forms, ranges) for number in range(1, end - start + 1)
    ]  # fmt: skip
    stamp_html = render_to_string(TEMPLATES + "page_stamps.html", {"stamps": stamps})
    stamp_css = render_to_string(TEMPLATES + "page_stamps.css", {"page": A4_OFFICIAL})
    stamp_pages = PdfReader(io.BytesIO(renderer.render(document_html(stamp_html, extra_css=stamp_css)))).pages
    if len(stamp_pages) != len(reader.pages):
        raise RuntimeError("the page footers do not match the pages of the forms")
    results = []
    for start, end in ranges:
        writer = PdfWriter()
        for index in range(start, end):
            page = writer.add_page(reader.pages[index])
            _drop_links(page, FORM_START_URL)
            page.merge_page(stamp_pages[index])
        out = io.BytesIO()
        writer.write(out)
        results.append(out.getvalue())
    return results


def _csv_cell(value):
    """Text for a spreadsheet cell; a leading =, +, - or @ would make Excel run it as a formula."""
    text = str(value or "")
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _zip_name(form):
    reference = re.sub(r"[^0-9A-Za-z]+", "-", form.reference).strip("-")
    return f"{reference}-{form.slug}"


def forms_bundle_zip(office, fiscal_year, *, renderer=None, generated_at=None):
    """A zip for an auditor: `<reference>-<slug>.pdf` per request, its memo files, and index.csv (UTF-8, BOM)."""
    generated_at = generated_at or timezone.now()
    requests = list(bundle_requests(office, fiscal_year))
    events = _events_by_request(requests)
    with translation.override("th"):
        forms = [_form_data(r, generated_at, events.get(r.pk, [])) for r in requests]
    with _renderer_scope(renderer) as active:
        pdfs = forms_pdfs(forms, renderer=active)
    rows = [[
        "ที่", "เลขที่คำขอ", "เรื่อง", "หน่วยงาน", "ผู้ขอ", "วันที่ยื่น", "สถานะ", "ผู้อนุมัติรับรอง", "วันที่อนุมัติ",
        "ผู้นำข้อมูลขึ้นเผยแพร่", "วันที่เผยแพร่", "Link ภายนอก", "แบบฟอร์ม", "บันทึกข้อความ",
    ]]  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for seq, (pub_request, form, pdf) in enumerate(zip(requests, forms, pdfs), start=1):
            name = _zip_name(form)
            archive.writestr(f"{name}.pdf", pdf)
            memo_names = []
            memos = [f for f in pub_request.files.all() if f.kind == RequestFile.Kind.MEMO]
            for number, memo in enumerate(memos, start=1):
                memo_name = f"{name}-memo-{number}.{memo.extension.lower()}"
                archive.write(memo.blob.path, memo_name)
                memo_names.append(memo_name)
            requester, approver, publisher = form.signatures
            rows.append([
                seq, form.reference, form.title, form.unit_name, requester.name, form.date_text, form.state_label,
                approver.name, approver.date, publisher.name, publisher.date, form.public_url or NOT_PUBLISHED,
                f"{name}.pdf", " ".join(memo_names),
            ])  # fmt: skip
        text = io.StringIO()
        csv.writer(text).writerows([[_csv_cell(cell) for cell in row] for row in rows])
        archive.writestr("index.csv", "\ufeff" + text.getvalue())
    return out.getvalue()


# ------------------------------------------------------------------------------------------------ Word


def request_form_docx(pub_request, *, generated_at=None):
    """The same filled form as a Word document, for offices that sign on paper.

    Same page and margins as the PDF (documents.page), TH Sarabun New 16 pt (documents.docx.new_document).
    """
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    form = form_data(pub_request, generated_at=generated_at)
    document = word.new_document()
    section = document.sections[0]
    text_width = A4_OFFICIAL.text_width

    def paragraph(text="", *, bold=False, size=None, align=None):
        p = document.add_paragraph()
        if align is not None:
            p.alignment = align
        if text:
            word.add_run(p, text, bold=bold, size=size)
        return p

    center = WD_ALIGN_PARAGRAPH.CENTER
    paragraph(FORM_TITLE, bold=True, size=20, align=center)
    paragraph(FORM_SUBTITLE, align=center)
    paragraph(form.office_name, bold=True, size=18, align=center)
    paragraph(f"เลขที่คำขอ {form.reference}", bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph(f"ประเภทคำขอ: {form.action_label}")
    paragraph(f"ช่องทางที่รับคำขอ: {form.channel_label}" + (f" {form.letter_text}" if form.letter_text else ""))

    details = []
    if form.target_title:
        details.append(f"รายการที่ขอแก้ไข: {form.target_title}")
    if form.summary:
        details.append(form.summary)
    if form.external_url:
        details.append(f"ลิงก์ข้อมูลที่ขอเผยแพร่: {form.external_url}")
    if form.files:
        details.append(f"เอกสารแนบ {len(form.files)} ไฟล์")
        details += [f"{i}. {f.name} ({f.type}, {f.size})" for i, f in enumerate(form.files, start=1)]
    remarks = [form.remarks] if form.remarks else []
    if form.redaction_note:
        remarks.append(f"ผลการตรวจข้อมูลส่วนบุคคลก่อนเผยแพร่: {form.redaction_note}")
    fields = [
        ("ชื่อหน่วยงาน", [form.unit_name]),
        ("วัน/เดือน/ปี", [form.date_text or "-"]),
        ("หัวข้อ", [form.title]),
        ("รายละเอียดข้อมูล (โดยสรุปหรือเอกสารแนบ)", details or ["-"]),
        ("หัวข้อ/หมวดหมู่ที่เผยแพร่", [form.topic_text or "-"]),
        ("ช่วงวันที่ของข้อมูล", [form.data_range or "-"]),
        *([("ระยะเวลาที่ขอให้เผยแพร่", [form.wish_range])] if form.wish_range else []),
        ("แหล่งที่มา", [form.source or "-"]),
        ("Link ภายนอก", [form.public_url or NOT_PUBLISHED]),
        ("หมายเหตุ", remarks or ["-"]),
    ]
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for label, lines in fields:
        cells = table.add_row().cells
        word.add_run(cells[0].paragraphs[0], label, bold=True)
        for index, line in enumerate(lines):
            target = cells[1].paragraphs[0] if index == 0 else cells[1].add_paragraph()
            word.add_run(target, line)
    word.set_column_widths(table, [Cm(4.4), Cm(text_width - 4.4)])
    word.keep_rows_whole(table, header_rows=0)

    paragraph()
    paragraph("การดำเนินการและผลการพิจารณาตามลำดับขั้น", bold=True, size=17)
    if form.rows:
        headers = ("ขั้น/บทบาท", "ผู้พิจารณา", "ตำแหน่ง", "วันที่และเวลา", "ผล", "เหตุผล")
        widths = [Cm(text_width * share) for share in DOCX_DECISION_COLUMNS]
        decisions = document.add_table(rows=1, cols=len(headers))
        decisions.style = "Table Grid"
        for cell, header in zip(decisions.rows[0].cells, headers):
            word.add_run(cell.paragraphs[0], header, bold=True, size=13)
        for row in form.rows:
            cells = decisions.add_row().cells
            values = (row.stage_text, row.name, row.position or "-", row.when, row.result, row.reason or "-")
            for cell, value in zip(cells, values):
                word.add_run(cell.paragraphs[0], value, size=13)  # as table.decisions in form.css
            if row.delegation:
                word.add_run(cells[1].add_paragraph(), row.delegation, size=12)
        word.set_column_widths(decisions, widths)
        word.keep_rows_whole(decisions)
    else:
        paragraph("ยังไม่ได้ยื่นคำขอเพื่อพิจารณา")

    paragraph()
    signatures = document.add_table(rows=1, cols=3)
    word.borderless(signatures)
    for cell, sign in zip(signatures.rows[0].cells, form.signatures):
        lines = [
            (sign.title, True),
            ("", False),
            ("(ลงชื่อ) " + "…" * 6, False),  # one line in a third of the text width
            (f"({sign.name})" if sign.name else "(…………………………)", False),
            (f"ตำแหน่ง {sign.position}" if sign.position else "ตำแหน่ง ………………………", False),
            *([(sign.note, False)] if sign.note else []),
            (f"วันที่ {sign.date}" if sign.date else "วันที่ ……… / ……………… / …………", False),
        ]
        for index, (text, bold) in enumerate(lines):
            target = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            target.alignment = center
            if text:
                word.add_run(target, text, bold=bold, size=14)
    word.set_column_widths(signatures, [Cm(text_width / 3)] * 3)

    word.page_number_footer(section, _form_note(form))
    return word.document_bytes(document)
