"""One request form as a Word document, for offices that sign on paper."""

from khaosan.documents import docx as word
from khaosan.documents.page import A4_OFFICIAL
from khaosan.workflow.documents.form import FORM_SUBTITLE, FORM_TITLE, NOT_PUBLISHED, form_data
from khaosan.workflow.documents.form_pdf import form_note

# Shares of the text width for the columns of the chain in Word: those of table.decisions in form.css.
DOCX_DECISION_COLUMNS = (0.17, 0.15, 0.16, 0.185, 0.115, 0.22)


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
        for cell, header in zip(decisions.rows[0].cells, headers, strict=False):
            word.add_run(cell.paragraphs[0], header, bold=True, size=13)
        for row in form.rows:
            cells = decisions.add_row().cells
            values = (row.stage_text, row.name, row.position or "-", row.when, row.result, row.reason or "-")
            for cell, value in zip(cells, values, strict=False):
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
    for cell, sign in zip(signatures.rows[0].cells, form.signatures, strict=False):
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

    word.page_number_footer(section, form_note(form))
    return word.document_bytes(document)
