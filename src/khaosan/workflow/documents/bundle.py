"""A fiscal year's request forms for the auditor: one PDF (cover, index, forms, signed memos) or a zip."""

import base64
import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone, translation

from khaosan.catalog.files import type_label
from khaosan.catalog.storage import local_copy, read_blob
from khaosan.documents.page import A4_OFFICIAL
from khaosan.documents.pdf import document_html
from khaosan.thai.dates import fiscal_year_bounds, thai_date, thai_datetime
from khaosan.workflow.documents.form import FORM_TITLE, NOT_PUBLISHED, TEMPLATES, FormData, form_data
from khaosan.workflow.documents.form_pdf import footer_html, form_css, form_html, form_note, renderer_scope
from khaosan.workflow.models import Decision, PublicationRequest, RequestFile

# Placeholder pages of a bundle, where the pages of a memo PDF go: found again by this link target.
MEMO_SLOT_URL = "https://khaosan.invalid/memo-slot/"
# The first page of each form in a document of many forms, found again the same way.
FORM_START_URL = "https://khaosan.invalid/form-start/"
MEMO_IMAGE_MIME = {"jpg": "image/jpeg", "png": "image/png"}


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


def events_by_request(requests):
    from khaosan.audit.models import AuditCode, AuditEvent

    by_request = {}
    events = (
        AuditEvent.objects.filter(
            object_type="workflow.publicationrequest",
            object_id__in=[str(r.pk) for r in requests],
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


def memo_part(request_file):
    from pypdf import PdfReader

    extension = request_file.extension.lower()
    try:
        content = read_blob(request_file.blob)
        if extension == "pdf":
            reader = PdfReader(io.BytesIO(content))
            if reader.is_encrypted and not reader.decrypt(""):
                return MemoPart(request_file, problem="ไฟล์ถูกเข้ารหัส")
            len(reader.pages)  # reads the page tree: a broken file fails here, not in the middle of the merge
            return MemoPart(request_file, reader=reader)
        mime = MEMO_IMAGE_MIME.get("jpg" if extension == "jpeg" else extension)
        if mime:
            encoded = base64.b64encode(content).decode()
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
    events = events_by_request(requests)
    entries = []
    with translation.override("th"):
        for pub_request in requests:
            form = form_data(pub_request, generated_at=generated_at, submission_events=events.get(pub_request.pk, []))
            memos = [memo_part(f) for f in pub_request.files.all() if f.kind == RequestFile.Kind.MEMO]
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
    body = cover + "".join(form_html(entry.form) + _memo_html(entry) for entry in entries)
    title = f"ชุดแบบฟอร์มการขอเผยแพร่ข้อมูล ปีงบประมาณ {fiscal_year} {office.name_th}"
    return document_html(body, title=title, extra_css=form_css())


def page_marks(pages, prefix):
    """{(page index, key)} of the pages carrying a link to `prefix` + key: how a section is found again."""
    marks = []
    for index, page in enumerate(pages):
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            uri = str(action.get("/URI", ""))
            if uri.startswith(prefix):
                marks.append((index, uri[len(prefix) :]))
    return marks


def drop_links(page, prefix):
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
    for index, key in page_marks(writer.pages, MEMO_SLOT_URL):
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
        drop_links(page, MEMO_SLOT_URL)
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
    with renderer_scope(renderer) as active:
        pdf = active.render(html, footer_template=footer_html(note))
    return _fill_memo_slots(pdf, entries)


def forms_pdfs(forms, *, renderer):
    """One PDF per form, each with its own "หน้า x/y" footer, from two Chromium renders whatever their number.

    All forms are set in one document (a marker link on the first page of each tells where it starts); the
    footers of every page are set in a second one and drawn onto the pages; then the pages are split.
    """
    from pypdf import PdfReader, PdfWriter

    if not forms:
        return []
    body = "".join(form_html(form, mark=f"{FORM_START_URL}{number}") for number, form in enumerate(forms))
    reader = PdfReader(io.BytesIO(renderer.render(document_html(body, title=FORM_TITLE, extra_css=form_css()))))
    starts = [index for index, _ in sorted(page_marks(reader.pages, FORM_START_URL), key=lambda m: int(m[1]))]
    if len(starts) != len(forms) or starts != sorted(starts) or starts[0] != 0:
        raise RuntimeError("could not find where each form starts in the rendered document")
    ranges = list(zip(starts, starts[1:] + [len(reader.pages)], strict=True))
    stamps = [
        {"note": form_note(form), "number": number, "total": end - start}
        for form, (start, end) in zip(forms, ranges, strict=False) for number in range(1, end - start + 1)
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
            drop_links(page, FORM_START_URL)
            page.merge_page(stamp_pages[index])
        out = io.BytesIO()
        writer.write(out)
        results.append(out.getvalue())
    return results


def csv_cell(value):
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
    events = events_by_request(requests)
    with translation.override("th"):
        forms = [form_data(r, generated_at=generated_at, submission_events=events.get(r.pk, [])) for r in requests]
    with renderer_scope(renderer) as active:
        pdfs = forms_pdfs(forms, renderer=active)
    rows = [[
        "ที่", "เลขที่คำขอ", "เรื่อง", "หน่วยงาน", "ผู้ขอ", "วันที่ยื่น", "สถานะ", "ผู้อนุมัติรับรอง", "วันที่อนุมัติ",
        "ผู้นำข้อมูลขึ้นเผยแพร่", "วันที่เผยแพร่", "Link ภายนอก", "แบบฟอร์ม", "บันทึกข้อความ",
    ]]  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for seq, (pub_request, form, pdf) in enumerate(zip(requests, forms, pdfs, strict=True), start=1):
            name = _zip_name(form)
            archive.writestr(f"{name}.pdf", pdf)
            memo_names = []
            memos = [f for f in pub_request.files.all() if f.kind == RequestFile.Kind.MEMO]
            for number, memo in enumerate(memos, start=1):
                memo_name = f"{name}-memo-{number}.{memo.extension.lower()}"
                with local_copy(memo.blob) as path:
                    archive.write(path, memo_name)
                memo_names.append(memo_name)
            requester, approver, publisher = form.signatures
            rows.append([
                seq, form.reference, form.title, form.unit_name, requester.name, form.date_text, form.state_label,
                approver.name, approver.date, publisher.name, publisher.date, form.public_url or NOT_PUBLISHED,
                f"{name}.pdf", " ".join(memo_names),
            ])  # fmt: skip
        text = io.StringIO()
        csv.writer(text).writerows([[csv_cell(cell) for cell in row] for row in rows])
        archive.writestr("index.csv", "\ufeff" + text.getvalue())
    return out.getvalue()
