"""The MOIT evidence pack (standards.md MOIT-0.2) of published items, generated from the records.

For one item, one PDF in the order an auditor reads it, behind a cover that names the MOIT item(s) and the
quarter: (a) the memo asking to publish (บันทึกข้อความขออนุญาตเผยแพร่), (b) the document itself, (c) the
publication form (`workflow.documents.request_form_pdf`'s form).

(a) is the signed memo the request carries (a RequestFile of kind MEMO) when there is one; otherwise a memo
set from the request's records in the shape of an official Thai memo (ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน,
the text, the requester's signature block, then each decision with its date), and it says that it was
generated. An item published without a request has no memo and no form, and its cover says so: nothing
is made up. (b) is every PDF attachment, page for page; other files are listed on the cover by name, type
and size.

A quarter or a year is one PDF (a bookmark per MOIT item and per item) or a zip with one folder per MOIT
item and an index.csv. However many items, the covers and memos are set in one Chromium render and the
forms in two (`workflow.documents.forms_pdfs`).
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from khaosan.catalog.files import type_label
from khaosan.catalog.models import Attachment, Item
from khaosan.catalog.storage import read_blob
from khaosan.compliance.ita import ita_year
from khaosan.documents.pdf import document_html
from khaosan.thai.dates import thai_date, thai_datetime
from khaosan.thai.text import human_size
from khaosan.workflow import documents
from khaosan.workflow.models import Action, Decision, PublicationRequest, RequestFile, State, Verdict
from khaosan.workflow.notify import site_url

TEMPLATES = "compliance/evidence/"
# The first page of each pack's cover in a document of many, found again by this link target.
PACK_START_URL = "https://khaosan.invalid/pack-start/"
MEMO_SUBJECT = "ขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน"
GENERATED_MEMO_NOTE = (
    "บันทึกข้อความนี้จัดทำโดยระบบจากข้อมูลคำขอเผยแพร่เลขที่ {reference} เมื่อ {when} "
    "ชื่อ ตำแหน่ง ผลการพิจารณา และวันที่ เป็นไปตามที่บันทึกไว้ในระบบ ไม่ใช่สำเนาของเอกสารที่ลงลายมือชื่อ"
)


@dataclass
class Placement:
    """Where the item counts: one MOIT code of the year, in one quarter."""

    code: object  # ChecklistItem
    quarter: int

    @property
    def label(self):
        code = self.code
        if code.parent_id:
            return f"{code.parent.code} ข้อ {code.number}"
        return code.code


@dataclass
class Document:
    """One attachment of the item: a PDF or a photo bound into the pack, or a file listed on the cover."""

    attachment: Attachment
    reader: object = None
    image_url: str = ""
    problem: str = ""

    @property
    def name(self):
        return self.attachment.original_name

    @property
    def type(self):
        return type_label(self.attachment.extension)

    @property
    def size(self):
        return human_size(self.attachment.size)

    @property
    def page_count(self):
        return len(self.reader.pages) if self.reader is not None else 0


@dataclass
class Opinion:
    """One decision of the chain as a memo shows it: whose, what, when."""

    title: str
    verdict: str
    reason: str
    name: str
    position: str
    delegation: str
    date: str
    final: bool = False


@dataclass
class Memo:
    """A memo set from the records (บันทึกข้อความ) when no signed one was attached."""

    office_name: str
    unit_line: str
    reference: str
    date_text: str
    subject: str
    to: str
    paragraphs: list
    requester_name: str
    requester_position: str
    submitted: str
    opinions: list
    note: str


@dataclass
class Pack:
    item: Item
    fiscal_year: int
    placements: list
    pub_request: PublicationRequest | None
    memos: list = field(default_factory=list)  # documents.MemoPart of the signed memos
    memo: Memo | None = None  # generated when no signed memo can be bound in
    documents: list = field(default_factory=list)
    form: object = None  # documents.FormData
    generated: str = ""

    @property
    def bound_memos(self):
        return [m for m in self.memos if m.reader is not None or m.image_url]

    @property
    def image_memos(self):
        return [m for m in self.memos if m.image_url]

    @property
    def pdf_documents(self):
        return [d for d in self.documents if d.reader is not None]

    @property
    def images(self):
        return [d for d in self.documents if d.image_url]

    @property
    def other_documents(self):
        return [d for d in self.documents if d.reader is None and not d.image_url]

    @property
    def quarters(self):
        return sorted({p.quarter for p in self.placements})

    @property
    def quarter_text(self):
        return ", ".join(f"ไตรมาส {q}/{self.fiscal_year}" for q in self.quarters)

    @property
    def public_url(self):
        return site_url(self.item.get_absolute_url())

    @property
    def topic_text(self):
        topic = self.item.topic
        return f"{topic.category.number} {topic.category.name_th} › {topic.name_th}"


# ------------------------------------------------------------------------------------------------ reading


def published_request(item):
    """The request that published what `item` shows now: its latest publish or replace request, or None."""
    return _request_queryset().filter(item=item).order_by("-published_at", "-pk").first()


def _request_queryset():
    return (
        PublicationRequest.objects.filter(state=State.PUBLISHED)
        .exclude(action=Action.WITHDRAW)
        .select_related("office", "requester_unit", "topic__category", "item", "published_by", "target_item")
        .prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.select_related("delegation__delegator")),
            Prefetch("files", queryset=RequestFile.objects.select_related("blob")),
        )
    )


def _requests_by_item(items):
    by_item = {}
    for pub_request in _request_queryset().filter(item__in=items).order_by("published_at", "pk"):
        by_item[pub_request.item_id] = pub_request  # the latest wins
    return by_item


def _document(attachment):
    from pypdf import PdfReader

    if attachment.is_image:
        return _image(attachment)
    if attachment.extension.lower() != "pdf":
        return Document(attachment)
    try:
        reader = PdfReader(io.BytesIO(read_blob(attachment.blob)))
        if reader.is_encrypted and not reader.decrypt(""):
            return Document(attachment, problem="ไฟล์ถูกเข้ารหัส")
        len(reader.pages)  # reads the page tree: a broken file fails here, not in the middle of the merge
        return Document(attachment, reader=reader)
    except Exception as error:  # noqa: BLE001  one unreadable file must not stop the pack
        return Document(attachment, problem=f"อ่านไฟล์ไม่ได้ ({type(error).__name__})")


PHOTO_WIDTH = 960  # the rendition the public site shows; enough for an A4 page at print quality for a photo


def _image(attachment):
    import base64

    from khaosan.catalog.storage import rendition_bytes

    try:
        data = rendition_bytes(attachment.blob, PHOTO_WIDTH)
    except Exception as error:  # noqa: BLE001  a photo that cannot be read is listed, not bound
        return Document(attachment, problem=f"อ่านไฟล์ไม่ได้ ({type(error).__name__})")
    return Document(attachment, image_url="data:image/jpeg;base64," + base64.b64encode(data).decode())


def _memo(pack):
    """Set the memo asking to publish from the request's records, in Thai whatever the reader's language."""
    pub_request, item, office = pack.pub_request, pack.item, pack.item.office
    decisions = sorted(pub_request.decisions.all(), key=lambda d: (d.decided_at, d.pk))
    approval = documents.final_approval(pub_request, decisions)
    unit = pub_request.requester_unit
    unit_line = f"{office.name_th} {unit.name_th}" + (f" โทร. {unit.phone}" if unit.phone else "")
    codes = list(dict.fromkeys(p.label for p in pack.placements))
    topic = item.topic
    paragraphs = [
        f"ด้วย{unit.name_th} มีความประสงค์ขอเผยแพร่ข้อมูล เรื่อง “{pub_request.title}” ผ่านเว็บไซต์ของ{office.name_th} "
        f"ในหัวข้อ “{topic.name_th}” หมวด {topic.category.number} {topic.category.name_th}"
        + (f" ซึ่งเป็นข้อมูลช่วง {documents.date_range(pub_request.data_from, pub_request.data_to)}"
           if pub_request.data_from or pub_request.data_to else ""),
        "การเผยแพร่ครั้งนี้เป็นไปตามกรอบแนวทางการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน "
        "และเป็นหลักฐานประกอบการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงาน (ITA) "
        f"ตามเกณฑ์ MOIT ปีงบประมาณ พ.ศ. {pack.fiscal_year}"
        + (f" ได้แก่ {' และ '.join(codes)}" if codes else ""),
    ]  # fmt: skip
    if pub_request.summary:
        paragraphs.append(f"รายละเอียดโดยสรุป: {pub_request.summary}")
    content = [f for f in pub_request.files.all() if f.kind == RequestFile.Kind.CONTENT]
    if content:
        paragraphs.append(f"เอกสารแนบ {len(content)} ไฟล์ ได้แก่ " + ", ".join(f.original_name for f in content))
    paragraphs.append("จึงเรียนมาเพื่อโปรดพิจารณาอนุญาตให้นำข้อมูลดังกล่าวเผยแพร่บนเว็บไซต์ของหน่วยงาน")
    opinions = [
        Opinion(
            title="ผลการพิจารณาของผู้อนุมัติ" if approval is not None and d.pk == approval.pk
            else f"ความเห็นของ{documents.role_label(d.role)}",
            verdict=("อนุญาตให้เผยแพร่" if approval is not None and d.pk == approval.pk else "เห็นควรอนุญาต")
            if d.verdict == Verdict.APPROVE else d.get_verdict_display(),
            reason=d.reason_text, name=d.actor_name, position=d.actor_position,
            delegation=documents.delegation_text(d), date=thai_date(d.decided_at),
            final=approval is not None and d.pk == approval.pk,
        )
        for d in decisions
    ]  # fmt: skip
    return Memo(
        office_name=office.name_th,
        unit_line=unit_line,
        reference=f"คำขอเผยแพร่เลขที่ {pub_request.reference}",
        date_text=thai_date(pub_request.submitted_at or pub_request.created_at),
        subject=MEMO_SUBJECT,
        to=office.executive_position or (approval.actor_position if approval else "") or "หัวหน้าส่วนราชการ",
        paragraphs=paragraphs,
        requester_name=pub_request.requester_name,
        requester_position=pub_request.requester_position,
        submitted=thai_datetime(pub_request.submitted_at) if pub_request.submitted_at else "",
        opinions=opinions,
        note=GENERATED_MEMO_NOTE.format(reference=pub_request.reference, when=pack.generated),
    )


def packs_for(entries, *, fiscal_year, generated_at=None):
    """Read what the packs of `entries` ([(item, [Placement])]) show, with a fixed number of queries."""
    generated_at = generated_at or timezone.now()
    items = [item for item, _ in entries]
    requests = _requests_by_item(items)
    attachments = {}
    for attachment in Attachment.objects.filter(item__in=items).select_related("blob").order_by("order", "pk"):
        attachments.setdefault(attachment.item_id, []).append(attachment)
    packs = []
    with translation.override("th"):
        when = thai_datetime(generated_at)
        for item, placements in entries:
            pub_request = requests.get(item.pk)
            pack = Pack(item=item, fiscal_year=fiscal_year, placements=placements, pub_request=pub_request,
                        documents=[_document(a) for a in attachments.get(item.pk, [])], generated=when)  # fmt: skip
            if pub_request is not None:
                pack.memos = [documents.memo_part(f) for f in pub_request.files.all()
                              if f.kind == RequestFile.Kind.MEMO]  # fmt: skip
                if not pack.bound_memos:
                    pack.memo = _memo(pack)
                pack.form = documents.form_data(pub_request, generated_at=generated_at)
            packs.append(pack)
    return packs


def _with_item_data(items):
    return items.select_related("office", "topic__category", "owner_unit", "published_by")


def year_entries(office, fy, *, quarter=None):
    """[(top-level MOIT code, [(item, [Placement])])] of the ITA year of `office` (or one quarter), in MOIT order.

    An item appears once under each top-level item it answers (in it or in its sub-items), as a folder per
    MOIT item needs; the bundles bind its pack once and place it under each.
    """
    year = ita_year(office, fy)
    item_pks = {e.pk for row in year.rows for e in row.evidence}
    items = {i.pk: i for i in _with_item_data(Item.objects.filter(pk__in=item_pks))}
    groups = []
    for top in year.items:
        placements = {}
        for row in [top, *top.parts]:
            for evidence in row.evidence:
                if quarter is None or evidence.quarter == quarter:
                    placements.setdefault(evidence.pk, []).append(Placement(row.code, evidence.quarter))
        ordered = sorted(placements, key=lambda pk: (placements[pk][0].quarter, items[pk].publish_at, pk))
        groups.append((top.code, [(items[pk], placements[pk]) for pk in ordered]))
    return groups


def item_placements(item, fy):
    """Where `item` counts in the ITA year `fy` of its office (possibly nowhere)."""
    year = ita_year(item.office, fy)
    return [Placement(row.code, e.quarter) for row in year.rows for e in row.evidence if e.pk == item.pk]


# ------------------------------------------------------------------------------------------------ PDF


def _css():
    return render_to_string(TEMPLATES + "pack.css") + render_to_string(documents.TEMPLATES + "form.css")


def _sections(pack, number):
    """The HTML sections of one pack: its cover, the memo when it is set here, its photos (bound after the PDFs)."""
    sections = []
    for part, template, present in (("cover", "pack.html", True), ("memo", "memo_pages.html", _has_memo_pages(pack)),
                                    ("photos", "photos.html", bool(pack.images))):  # fmt: skip
        if present:
            key = f"{number}-{part}"
            sections.append((key, render_to_string(TEMPLATES + template, {"pack": pack,
                                                                          "mark": PACK_START_URL + key})))  # fmt: skip
    return sections


def _has_memo_pages(pack):
    return pack.memo is not None or bool(pack.image_memos)


def _render_sections(sections, *, renderer, head=""):
    """Render [(key, html)] as one document; return (reader, {key: [pages]}, the head's page count)."""
    from pypdf import PdfReader

    body = head + "".join(html for _, html in sections)
    reader = PdfReader(io.BytesIO(renderer.render(document_html(body, title="MOIT", extra_css=_css()))))
    marks = documents.page_marks(reader.pages, PACK_START_URL)
    if [key for _, key in marks] != [key for key, _ in sections]:
        raise RuntimeError("could not find where each section starts in the rendered document")
    starts = [index for index, _ in marks]
    ends = starts[1:] + [len(reader.pages)]
    pages = {
        key: [reader.pages[i] for i in range(start, end)]
        for (_, key), start, end in zip(marks, starts, ends, strict=True)
    }
    return reader, pages, (starts[0] if starts else len(reader.pages))


def _forms(packs, renderer):
    forms = [p.form for p in packs if p.form is not None]
    pdfs = iter(documents.forms_pdfs(forms, renderer=renderer))
    return {id(p): next(pdfs) for p in packs if p.form is not None}


class _Builder:
    """Pages into one PdfWriter, with bookmarks; every source page is copied, never modified in place.

    Bookmarks are noted as pages are added and written at the end, when every page they point to exists.
    """

    def __init__(self):
        from pypdf import PdfWriter

        self.writer = PdfWriter()
        self.marks = []  # (title, page index, index of the parent mark or None)

    @property
    def page_count(self):
        return len(self.writer.pages)

    def add_pages(self, pages):
        for page in pages:
            added = self.writer.add_page(page)
            documents.drop_links(added, PACK_START_URL)

    def bookmark(self, title, page, parent=None):
        self.marks.append((title[:120], page, parent))
        return len(self.marks) - 1

    def add_pack(self, pack, pages, form_pdf, *, parent=None):
        """Cover and memo, the signed memo's pages, the PDFs, the photos, the form: MOIT-0.2's order."""
        from pypdf import PdfReader

        cover, memo_pages, photos = pages
        top = self.bookmark(pack.item.title, self.page_count, parent)
        self.add_pages(cover)
        memo_start = self.page_count
        self.add_pages(memo_pages)
        for memo in pack.memos:
            if memo.reader is not None:
                self.add_pages(memo.reader.pages)
        if self.page_count > memo_start:
            self.bookmark("บันทึกข้อความขออนุญาตเผยแพร่", memo_start, top)
        if pack.pdf_documents or photos:
            self.bookmark("เอกสาร", self.page_count, top)
            for document in pack.pdf_documents:
                self.add_pages(document.reader.pages)
            self.add_pages(photos)
        if form_pdf:
            self.bookmark("แบบฟอร์มการขอเผยแพร่ข้อมูล", self.page_count, top)
            self.add_pages(PdfReader(io.BytesIO(form_pdf)).pages)

    def bytes(self):
        outline = []
        for title, page, parent in self.marks:
            if page < self.page_count:
                outline.append(self.writer.add_outline_item(
                    title=title, page_number=page, parent=outline[parent] if parent is not None else None))  # fmt: skip
            else:
                outline.append(None)  # a part without pages: nothing to point to
        out = io.BytesIO()
        self.writer.write(out)
        return out.getvalue()


def _render_packs(packs, renderer, *, head=""):
    """Return (reader, [(cover, memo, photo pages)] per pack, {id(pack): form PDF}, head's page count)."""
    sections = [section for number, pack in enumerate(packs) for section in _sections(pack, number)]
    reader, pages, head_pages = _render_sections(sections, renderer=renderer, head=head)
    forms = _forms(packs, renderer)
    covers = [tuple(pages.get(f"{n}-{part}", []) for part in ("cover", "memo", "photos")) for n in range(len(packs))]
    return reader, covers, forms, head_pages


def item_pack_pdf(item, *, fiscal_year=None, renderer=None, generated_at=None):
    """The evidence pack of one published item as PDF bytes: cover, memo, the document, the form."""
    fy = fiscal_year or item.fiscal_year
    pack = packs_for([(item, item_placements(item, fy))], fiscal_year=fy, generated_at=generated_at)[0]
    with documents.renderer_scope(renderer) as active:
        _, covers, forms, _ = _render_packs([pack], active)
    builder = _Builder()
    builder.add_pack(pack, covers[0], forms.get(id(pack)))
    return builder.bytes()


def _period_text(fy, quarter):
    return f"ไตรมาส {quarter}/{fy}" if quarter else f"ปีงบประมาณ พ.ศ. {fy}"


def _bundle_packs(office, fy, quarter, generated_at):
    groups = year_entries(office, fy, quarter=quarter)
    entries, seen = [], {}
    for _, group in groups:
        for item, placements in group:
            if item.pk not in seen:
                seen[item.pk] = len(entries)
                entries.append((item, []))
            entries[seen[item.pk]][1].extend(placements)
    packs = packs_for(entries, fiscal_year=fy, generated_at=generated_at)
    return groups, {p.item.pk: p for p in packs}


def ita_pack_pdf(office, fy, *, quarter=None, renderer=None, generated_at=None):
    """The packs of a quarter (or of the whole year) as one PDF, in MOIT order, behind an index."""
    generated_at = generated_at or timezone.now()
    groups, packs = _bundle_packs(office, fy, quarter, generated_at)
    with translation.override("th"):
        index = render_to_string(TEMPLATES + "bundle_index.html", {
            "office_name": office.name_th, "period": _period_text(fy, quarter), "fiscal_year": fy,
            "groups": groups, "packs": packs, "generated": thai_datetime(generated_at),
        })  # fmt: skip
    ordered = list(packs.values())
    builder = _Builder()
    with documents.renderer_scope(renderer) as active:
        reader, covers, forms, head_pages = _render_packs(ordered, active, head=index)
    builder.bookmark("สารบัญ", 0)
    builder.add_pages(reader.pages[:head_pages])
    cover_of = {p.item.pk: pages for p, pages in zip(ordered, covers, strict=False)}
    for code, group in groups:
        if not group:
            continue
        parent = builder.bookmark(f"{code.code} {code.name_th}", builder.page_count)
        for item, _ in group:
            pack = packs[item.pk]
            builder.add_pack(pack, cover_of[item.pk], forms.get(id(pack)), parent=parent)
    return builder.bytes()


def _folder(code):
    """'MOIT02' for MOIT2: folders sort in MOIT order in every file manager."""
    match = re.fullmatch(r"([A-Za-z]+)(\d+)", code.code)
    return f"{match.group(1)}{int(match.group(2)):02d}" if match else re.sub(r"[^0-9A-Za-z]+", "-", code.code)


def ita_pack_zip(office, fy, *, quarter=None, renderer=None, generated_at=None):
    """The packs of a quarter (or year) as a zip: a folder per MOIT item, a PDF per item, and index.csv."""
    generated_at = generated_at or timezone.now()
    groups, packs = _bundle_packs(office, fy, quarter, generated_at)
    ordered = list(packs.values())
    with documents.renderer_scope(renderer) as active:
        _, covers, forms, _ = _render_packs(ordered, active)
    pdfs = {}
    for pack, cover in zip(ordered, covers, strict=False):
        builder = _Builder()
        builder.add_pack(pack, cover, forms.get(id(pack)))
        pdfs[pack.item.pk] = builder.bytes()
    rows = [["MOIT", "ข้อ", "ไตรมาส", "เรื่อง", "ลิงก์", "แบบฟอร์มการขอเผยแพร่", "ไฟล์"]]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for code, group in groups:
            for item, placements in group:
                labels = "_".join(dict.fromkeys(p.code.number or p.code.code for p in placements))
                quarters = "-".join(f"Q{q}" for q in sorted({p.quarter for p in placements}))
                name = f"{_folder(code)}/{labels}-{quarters}-{item.pk}-{documents.file_slug(item.title)}.pdf"
                archive.writestr(name, pdfs[item.pk])
                pack = packs[item.pk]
                form = site_url(reverse("public:item-request-form", args=[item.pk])) if pack.pub_request else ""
                for placement in placements:
                    rows.append([code.code, placement.code.number, f"{placement.quarter}/{fy}", item.title,
                                 pack.public_url, form, name])  # fmt: skip
        text = io.StringIO()
        csv.writer(text).writerows([[documents.csv_cell(cell) for cell in row] for row in rows])
        archive.writestr("index.csv", "\ufeff" + text.getvalue())
    return out.getvalue()


def ita_urls_csv(office, fy):
    """The URL list to submit (BO-3): one line per MOIT item or sub-item, quarter and public item."""
    year = ita_year(office, fy)
    rows = [["MOIT", "ข้อ", "ไตรมาส", "เรื่อง", "ลิงก์", "แบบฟอร์มการขอเผยแพร่"]]
    for row in year.rows:
        top = row.code.parent.code if row.code.parent_id else row.code.code
        for evidence in row.evidence:
            rows.append([top, row.code.number, f"{evidence.quarter}/{fy}", evidence.title, site_url(evidence.url),
                         site_url(evidence.form_url) if evidence.form_url else ""])  # fmt: skip
    text = io.StringIO()
    csv.writer(text).writerows([[documents.csv_cell(cell) for cell in row] for row in rows])
    return ("\ufeff" + text.getvalue()).encode()
