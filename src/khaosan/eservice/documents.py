"""The evaluation form of one person (PDF, DOCX), the round summary (PDF, XLSX) and the MOIT7 list.

The form follows the summary form most offices use (standards.md PERF-5): part 1 who is evaluated, by whom
and in which round; part 2 the score of each part, the total and the band; the indicators and competencies
behind them; part 3 the development plan; part 4 the acknowledgement (or the refusal, with a witness); part
5 the next-level supervisor's opinion. Names, positions and dates in the signature blocks are those the
records kept when each person signed. Thai official documents: always set in Thai, A4, Sarabun 16 pt,
margins 2 cm and 3 cm on the left (documents/pdf.py BASE_CSS); the Word copy uses the same margins.

The MOIT7 list names people and bands only (never a score), and only those in the two highest bands.
"""

import base64
import datetime as dt
import io
from contextlib import nullcontext
from dataclasses import dataclass, field
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone, translation

from khaosan.documents.pdf import document_html, pdf_renderer
from khaosan.eservice import scoring
from khaosan.eservice.models import Appraisal, StaffType
from khaosan.thai.dates import thai_date, thai_datetime

FORM_TITLE = "แบบสรุปการประเมินผลการปฏิบัติราชการ"
ANNOUNCEMENT_TITLE = "ประกาศรายชื่อผู้มีผลการประเมินผลการปฏิบัติราชการระดับดีเด่นและดีมาก"
SUMMARY_TITLE = "สรุปผลการประเมินผลการปฏิบัติราชการ"
TEMPLATES = "eservice/documents/"
GENERATED_NOTE = "จัดทำโดยระบบจากข้อมูลที่บันทึกไว้ เมื่อ {when}"
# Margins of the PDF (documents/pdf.py BASE_CSS: top, right, bottom, left), repeated in the Word copy.
MARGINS_CM = (2, 2, 2, 3)
XLSX_FONT = "TH Sarabun New"
INDICATOR_HEADERS = ("ตัวชี้วัด", "น้ำหนัก", "ตนเอง", "ผู้ประเมิน", "ระดับที่ใช้", "ระดับ × น้ำหนัก")
COMPETENCY_HEADERS = ("ประเภท", "สมรรถนะ", "คาดหวัง", "ตนเอง", "ผู้ประเมิน", "ระดับที่ใช้", "คะแนน")


@dataclass
class Signature:
    title: str
    name: str = ""
    position: str = ""
    date: str = ""
    note: str = ""


@dataclass
class Row:
    cells: list
    strong: bool = False


@dataclass
class AppraisalForm:
    """Everything the form shows, as text, read once from the records."""

    pk: int
    office_name: str
    round_text: str
    staff_name: str
    staff_position: str
    staff_unit: str
    staff_type: str
    evaluator_name: str
    evaluator_position: str
    supervisor_name: str
    supervisor_position: str
    state_label: str
    parts: list
    total: str
    band: str
    bands: list  # [(label, range text, achieved)]
    rule: str
    competency_rule: str
    indicators: list
    competencies: list
    results_formula: str
    behaviour_formula: str
    plan: list
    self_comment: str
    evaluator_comment: str
    agreement_signatures: list
    acknowledgement: list
    refusal_text: str
    refusal_note: str
    review_verdict: str
    review_reason: str
    review_signatures: list
    generated: str
    evidence: list = field(default_factory=list)


def _signed(appraisal, key, title, fallback=None):
    """A signature block from what was kept when `key` was signed; else the person's name, undated."""
    signed = (appraisal.signatures or {}).get(key)
    if signed:
        at = dt.datetime.fromisoformat(signed["at"])
        return Signature(title, signed.get("name", ""), signed.get("position", ""), thai_date(at))
    if fallback is not None:
        return Signature(title, fallback.get_full_name() or fallback.get_username(), fallback.position)
    return Signature(title)


def _level_text(value):
    return "-" if value is None else str(value)


def _score(value):
    return "-" if value is None else f"{value:.2f}"


def band_ranges(config_bands):
    """[(label, '90.00 – 100', minimum)] of a stored band configuration, highest first."""
    bands = scoring.bands_from(config_bands)
    rows = []
    for index, band in enumerate(bands):
        upper = "100" if index == 0 else f"{bands[index - 1].min - scoring.TWO_PLACES:.2f}"
        rows.append((band.label, f"{band.min:.2f} – {upper}", band))
    return rows


def form_data(appraisal, *, generated_at=None):
    """Read what the form of `appraisal` shows, in Thai."""
    with translation.override("th"):
        return _form_data(appraisal, generated_at or timezone.now())


def _form_data(appraisal, generated_at):
    round_ = appraisal.round
    staff, evaluator, supervisor = appraisal.staff, appraisal.evaluator, appraisal.supervisor
    # A stored result keeps its configuration; one not stored yet is read with the round's.
    config = appraisal.result_config or round_.config
    stored = appraisal.has_result
    results_score = appraisal.result_results if stored else None
    behaviour_score = appraisal.result_behaviour if stored else None
    indicators = []
    for i in appraisal.indicators.all():
        weighted = Decimal(i.level * i.weight) / 100 if i.level is not None and stored else None
        indicators.append(Row([i.title, str(i.weight), _level_text(i.self_level), _level_text(i.evaluator_level),
                               _level_text(i.level if stored else None),
                               f"{weighted:.2f}" if weighted is not None else "-"]))  # fmt: skip
    competencies = []
    for c in appraisal.competencies.all():
        points = scoring.competency_points(c.expected_level, c.level) if c.level is not None and stored else None
        competencies.append(Row([c.get_kind_display(), c.name, str(c.expected_level), _level_text(c.self_level),
                                 _level_text(c.evaluator_level), _level_text(c.level if stored else None),
                                 _level_text(points)]))  # fmt: skip
    results_formula = behaviour_formula = ""
    if stored:
        weighted_sum = Decimal(sum(i.level * i.weight for i in appraisal.indicators.all())) / 100
        results_formula = (f"คะแนนส่วนนี้ = {weighted_sum:.2f} ÷ {scoring.LEVELS} × {appraisal.results_weight} "
                           f"= {_score(results_score)}")  # fmt: skip
        rows = list(appraisal.competencies.all())
        points = sum(scoring.competency_points(c.expected_level, c.level) for c in rows)
        behaviour_formula = (f"คะแนนส่วนนี้ = {points} ÷ ({scoring.COMPETENCY_MAX_POINTS} × {len(rows)}) × "
                             f"{appraisal.behaviour_weight} = {_score(behaviour_score)}")  # fmt: skip
    parts = [
        Row(["ผลสัมฤทธิ์ของงาน", str(appraisal.results_weight), _score(results_score)]),
        Row(["พฤติกรรมการปฏิบัติราชการ / สมรรถนะ", str(appraisal.behaviour_weight), _score(behaviour_score)]),
        Row(["รวม", "100", _score(appraisal.result_total if stored else None)], strong=True),
    ]
    bands = [(label, text, stored and band.rank == appraisal.result_band_rank)
             for label, text, band in band_ranges(config.get("bands") or scoring.DEFAULT_BANDS)]  # fmt: skip
    refused = appraisal.refused
    if refused:
        acknowledgement = [
            _signed(appraisal, "refusal_evaluator", "ผู้ประเมิน (ผู้แจ้งผล)", evaluator),
            _signed(appraisal, "witness", "พยาน", appraisal.witness),
        ]
        refusal_text = (f"ได้แจ้งผลการประเมินให้ผู้รับการประเมินทราบเมื่อวันที่ {thai_date(appraisal.refusal_communicated_on)} "
                        "แต่ผู้รับการประเมินไม่ลงนามรับทราบผลการประเมิน")  # fmt: skip
    else:
        acknowledgement = [
            _signed(appraisal, "acknowledgement_staff", "ผู้รับการประเมิน (รับทราบผล)", staff),
            _signed(appraisal, "assessment_evaluator", "ผู้ประเมิน", evaluator),
        ]
        refusal_text = ""
    verdict = appraisal.get_review_verdict_display() if appraisal.review_verdict else ""
    if appraisal.state == Appraisal.State.REVIEWED and not appraisal.supervisor_id:
        verdict = "ไม่มีผู้บังคับบัญชาเหนือขึ้นไปในระบบ"
    return AppraisalForm(
        pk=appraisal.pk,
        office_name=round_.office.name_th,
        round_text=f"รอบที่ {round_.number} ปีงบประมาณ {round_.fiscal_year} "
        f"({thai_date(round_.starts_on)} – {thai_date(round_.ends_on)})",
        staff_name=staff.get_full_name() or staff.get_username(),
        staff_position=(appraisal.signatures or {}).get("agreement_staff", {}).get("position") or staff.position,
        staff_unit=staff.unit.name_th if staff.unit_id else "",
        staff_type=StaffType(appraisal.staff_type).label if appraisal.staff_type in StaffType.values else "",
        evaluator_name=evaluator.get_full_name() or evaluator.get_username(),
        evaluator_position=evaluator.position,
        supervisor_name=(supervisor.get_full_name() or supervisor.get_username()) if supervisor else "",
        supervisor_position=supervisor.position if supervisor else "",
        state_label=appraisal.get_state_display(),
        parts=parts,
        total=_score(appraisal.result_total if stored else None),
        band=appraisal.result_band if stored else "",
        bands=bands,
        rule=str(scoring.RULE_TEXT),
        competency_rule=str(scoring.COMPETENCY_RULE_TEXT),
        indicators=indicators,
        competencies=competencies,
        results_formula=results_formula,
        behaviour_formula=behaviour_formula,
        plan=[Row([p.topic, p.method or "-", p.timeframe or "-"]) for p in appraisal.plan.all()],
        self_comment=appraisal.self_comment,
        evaluator_comment=appraisal.evaluator_comment,
        agreement_signatures=[
            _signed(appraisal, "agreement_staff", "ผู้รับการประเมิน", staff),
            _signed(appraisal, "agreement_evaluator", "ผู้ประเมิน", evaluator),
        ],
        acknowledgement=acknowledgement,
        refusal_text=refusal_text,
        refusal_note=appraisal.refusal_note,
        review_verdict=verdict,
        review_reason=appraisal.review_reason,
        review_signatures=[_signed(appraisal, "review_supervisor", "ผู้บังคับบัญชาเหนือขึ้นไป", supervisor)],
        generated=thai_datetime(generated_at),
        evidence=[e.original_name for e in appraisal.evidence.all()],
    )


def _css():
    return render_to_string(TEMPLATES + "form.css")


def _footer(note):
    from khaosan.workflow.documents import footer_html as workflow_footer

    return workflow_footer(note)


def _scope(renderer):
    return nullcontext(renderer) if renderer is not None else pdf_renderer()


def appraisal_form_html(appraisal, *, generated_at=None):
    form = form_data(appraisal, generated_at=generated_at)
    body = render_to_string(
        TEMPLATES + "appraisal_form.html",
        {"form": form, "indicator_headers": INDICATOR_HEADERS, "competency_headers": COMPETENCY_HEADERS},
    )
    return document_html(body, title=f"{FORM_TITLE} {form.staff_name}", extra_css=_css()), form


def appraisal_form_pdf(appraisal, *, renderer=None, generated_at=None):
    html, form = appraisal_form_html(appraisal, generated_at=generated_at)
    note = f"{FORM_TITLE} · {form.staff_name} · " + GENERATED_NOTE.format(when=form.generated)
    with _scope(renderer) as active:
        return active.render(html, footer_template=_footer(note))


# Word --------------------------------------------------------------------------------------------------


def _docx_document():
    from docx import Document
    from docx.shared import Cm, Pt

    from khaosan.documents.word import style as _docx_style

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    top, right, bottom, left = MARGINS_CM
    section.top_margin, section.right_margin, section.bottom_margin, section.left_margin = (
        Cm(top), Cm(right), Cm(bottom), Cm(left))  # fmt: skip
    _docx_style(document.styles["Normal"], 16)
    _docx_style(document.styles["Table Grid"], 16)
    document.styles["Normal"].paragraph_format.space_after = Pt(0)
    return document


def _docx_table(document, headers, rows, *, size=14, widths=None):
    from docx.shared import Cm

    from khaosan.documents.word import run as _docx_run

    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for index, (cell, header) in enumerate(zip(table.rows[0].cells, headers, strict=False)):
        _docx_run(cell.paragraphs[0], header, bold=True, size=size)
        if widths:
            cell.width = Cm(widths[index])
    for row in rows:
        cells = table.add_row().cells
        values = row.cells if isinstance(row, Row) else row
        for index, (cell, value) in enumerate(zip(cells, values, strict=False)):
            _docx_run(cell.paragraphs[0], str(value), size=size, bold=getattr(row, "strong", False))
            if widths:
                cell.width = Cm(widths[index])
    return table


def _docx_signatures(document, signatures):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from khaosan.documents.word import borderless as _docx_borderless
    from khaosan.documents.word import run as _docx_run

    table = document.add_table(rows=1, cols=len(signatures))
    _docx_borderless(table)
    for cell, sign in zip(table.rows[0].cells, signatures, strict=False):
        lines = [
            (sign.title, True), ("", False), ("(ลงชื่อ) ……………………………………", False),
            (f"({sign.name})" if sign.name else "(……………………………………)", False),
            (f"ตำแหน่ง {sign.position}" if sign.position else "ตำแหน่ง ……………………………", False),
            (f"วันที่ {sign.date}" if sign.date else "วันที่ ……… / ……………… / …………", False),
        ]  # fmt: skip
        for index, (text, bold) in enumerate(lines):
            target = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            target.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if text:
                _docx_run(target, text, bold=bold, size=14)


def appraisal_form_docx(appraisal, *, generated_at=None):
    """The same form as a Word document (TH Sarabun New 16 pt, the margins of the PDF)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from khaosan.documents.word import page_number_footer as _docx_page_number_footer
    from khaosan.documents.word import run as _docx_run

    form = form_data(appraisal, generated_at=generated_at)
    document = _docx_document()

    def paragraph(text="", *, bold=False, size=None, align=None):
        p = document.add_paragraph()
        if align is not None:
            p.alignment = align
        if text:
            _docx_run(p, text, bold=bold, size=size)
        return p

    center = WD_ALIGN_PARAGRAPH.CENTER
    paragraph(FORM_TITLE, bold=True, size=20, align=center)
    paragraph(form.office_name, bold=True, size=18, align=center)
    paragraph(form.round_text, align=center)
    paragraph("ส่วนที่ 1 ข้อมูลของผู้รับการประเมิน", bold=True, size=17)
    paragraph(f"ชื่อผู้รับการประเมิน: {form.staff_name}   ตำแหน่ง: {form.staff_position or '-'}")
    paragraph(f"หน่วยงาน: {form.staff_unit or '-'}   ประเภทบุคลากร: {form.staff_type or '-'}")
    paragraph(f"ชื่อผู้ประเมิน: {form.evaluator_name}   ตำแหน่ง: {form.evaluator_position or '-'}")
    if form.supervisor_name:
        paragraph(f"ผู้บังคับบัญชาเหนือขึ้นไป: {form.supervisor_name}   ตำแหน่ง: {form.supervisor_position or '-'}")
    paragraph("ส่วนที่ 2 การสรุปผลการประเมิน", bold=True, size=17)
    _docx_table(document, ["องค์ประกอบการประเมิน", "น้ำหนัก (ร้อยละ)", "คะแนนที่ได้"], form.parts, size=15,
                widths=(9, 3.5, 3.5))  # fmt: skip
    paragraph(f"ระดับผลการประเมิน: {form.band or 'ยังไม่มีผล'}", bold=True)
    for label, text, achieved in form.bands:
        paragraph(f"{'☑' if achieved else '☐'} {label} ({text})")
    paragraph(form.rule, size=13)
    paragraph("ผลสัมฤทธิ์ของงาน", bold=True)
    _docx_table(document, INDICATOR_HEADERS, form.indicators, size=13, widths=(6.4, 1.8, 1.8, 2, 2, 2))
    if form.results_formula:
        paragraph(form.results_formula, size=14)
    paragraph("พฤติกรรมการปฏิบัติราชการ / สมรรถนะ", bold=True)
    _docx_table(document, COMPETENCY_HEADERS, form.competencies, size=13, widths=(2.6, 5, 1.6, 1.6, 1.8, 1.8, 1.6))
    if form.behaviour_formula:
        paragraph(form.behaviour_formula, size=14)
    paragraph(form.competency_rule, size=13)
    if form.evaluator_comment:
        paragraph(f"ความเห็นของผู้ประเมิน: {form.evaluator_comment}")
    paragraph("ส่วนที่ 3 แผนพัฒนาการปฏิบัติราชการรายบุคคล", bold=True, size=17)
    if form.plan:
        _docx_table(document, ["ความรู้/ทักษะ/สมรรถนะที่ต้องพัฒนา", "วิธีการพัฒนา", "ช่วงเวลา"], form.plan, size=14,
                    widths=(6.5, 6, 3.5))  # fmt: skip
    else:
        paragraph("-")
    paragraph("ส่วนที่ 4 การรับทราบผลการประเมิน", bold=True, size=17)
    if form.refusal_text:
        paragraph(form.refusal_text)
        if form.refusal_note:
            paragraph(form.refusal_note)
    _docx_signatures(document, form.acknowledgement)
    paragraph("ส่วนที่ 5 ความเห็นของผู้บังคับบัญชาเหนือขึ้นไป", bold=True, size=17)
    paragraph(form.review_verdict or "ยังไม่ได้พิจารณา")
    if form.review_reason:
        paragraph(f"เหตุผล: {form.review_reason}")
    _docx_signatures(document, form.review_signatures)
    _docx_page_number_footer(document.sections[0], f"{FORM_TITLE} · {form.staff_name} · "
                             + GENERATED_NOTE.format(when=form.generated))  # fmt: skip
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# The round summary -------------------------------------------------------------------------------------


def band_chart_svg(summary):
    """Bars of how many results fall in each band (the round, all units the reader may see)."""
    from khaosan.documents.charts import bar_chart_svg

    return bar_chart_svg(summary.bands, summary.total.count_list(summary.bands), label="จำนวนคน", height=2.6)


def svg_data_url(svg_bytes):
    return "data:image/svg+xml;base64," + base64.b64encode(svg_bytes).decode()


def _summary_context(summary, generated_at):
    from khaosan.eservice.selectors import waiting_on

    with translation.override("th"):
        return {
            "summary": summary, "round": summary.round, "office_name": summary.round.office.name_th,
            "chart": svg_data_url(band_chart_svg(summary)) if summary.total.with_result else "",
            "unfinished": [(a, waiting_on(a)) for a in summary.unfinished],
            "generated": thai_datetime(generated_at),
            "period": f"{thai_date(summary.round.starts_on)} – {thai_date(summary.round.ends_on)}",
        }  # fmt: skip


def summary_pdf(summary, *, renderer=None, generated_at=None):
    generated_at = generated_at or timezone.now()
    context = _summary_context(summary, generated_at)
    with translation.override("th"):
        body = render_to_string(TEMPLATES + "summary.html", context)
    html = document_html(body, title=f"{SUMMARY_TITLE} {summary.round.label}", extra_css=_css())
    note = f"{SUMMARY_TITLE} {summary.round.label} · " + GENERATED_NOTE.format(when=context["generated"])
    with _scope(renderer) as active:
        return active.render(html, footer_template=_footer(note))


def _xlsx_sheet(workbook, title, headers, rows, *, first=False):
    from openpyxl.styles import Alignment, Font

    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(name=XLSX_FONT, bold=True, size=14)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # a person's text, never a formula
            cell.font = Font(name=XLSX_FONT, size=14)
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(12, min(40, len(header) + 6))
    sheet.freeze_panes = "A2"
    return sheet


def summary_xlsx(summary, *, plans=()):
    """The summary as a workbook: per unit with the band counts, who is not finished, the development plans."""
    from openpyxl import Workbook

    from khaosan.eservice.selectors import waiting_on

    with translation.override("th"):
        workbook = Workbook()
        headers = ["หน่วยงาน", "จำนวนผู้รับการประเมิน", *summary.bands, "เสร็จสิ้น", "ยังไม่เสร็จ"]
        rows = [[u.name, u.people, *u.count_list(summary.bands), u.finished, u.unfinished]
                for u in [*summary.units, summary.total]]  # fmt: skip
        _xlsx_sheet(workbook, "สรุปตามหน่วยงาน", headers, rows, first=True)
        unfinished = []
        for appraisal in summary.unfinished:
            person = waiting_on(appraisal)
            unfinished.append([str(appraisal.staff), appraisal.staff.position,
                               appraisal.staff.unit.name_th if appraisal.staff.unit_id else "",
                               appraisal.get_state_display(), str(person) if person else ""])  # fmt: skip
        _xlsx_sheet(workbook, "ยังไม่เสร็จ", ["ชื่อ", "ตำแหน่ง", "หน่วยงาน", "ขั้นที่ค้าง", "รอผู้ใด"], unfinished)
        if plans:
            _xlsx_sheet(
                workbook,
                "แผนพัฒนารายบุคคล",
                ["ความรู้/ทักษะ/สมรรถนะที่ต้องพัฒนา", "ชื่อ", "หน่วยงาน", "วิธีการพัฒนา", "ช่วงเวลา"],
                [
                    [
                        p.topic,
                        str(p.appraisal.staff),
                        p.appraisal.staff.unit.name_th if p.appraisal.staff.unit_id else "",
                        p.method,
                        p.timeframe,
                    ]
                    for p in plans
                ],
            )
        if summary.not_started:
            _xlsx_sheet(
                workbook,
                "ยังไม่มีการประเมิน",
                ["ชื่อ", "ตำแหน่ง", "หน่วยงาน"],
                [[str(p), p.position, p.unit.name_th if p.unit_id else ""] for p in summary.not_started],
            )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# MOIT7: names and bands of the two highest bands --------------------------------------------------------


def announcement_rows(appraisals):
    """(name, position, band) only: MOIT7 names people and their band, never a score (standards.md PDPA)."""
    return [(str(a.staff), a.staff.position, a.result_band) for a in appraisals]


def announcement_pdf(round_, rows, *, renderer=None, generated_at=None):
    generated_at = generated_at or timezone.now()
    with translation.override("th"):
        body = render_to_string(TEMPLATES + "announcement.html", {
            "round": round_, "office_name": round_.office.name_th, "rows": rows, "title": ANNOUNCEMENT_TITLE,
            "period": f"{thai_date(round_.starts_on)} – {thai_date(round_.ends_on)}",
            "generated": thai_datetime(generated_at),
            "signatures": [Signature("ผู้ประกาศ", round_.office.executive_name, round_.office.executive_position)],
        })  # fmt: skip
        note = f"{ANNOUNCEMENT_TITLE} {round_.label} · " + GENERATED_NOTE.format(when=thai_datetime(generated_at))
    html = document_html(body, title=f"{ANNOUNCEMENT_TITLE} {round_.label}", extra_css=_css())
    with _scope(renderer) as active:
        return active.render(html, footer_template=_footer(note))


def announcement_xlsx(round_, rows):
    from openpyxl import Workbook

    workbook = Workbook()
    _xlsx_sheet(
        workbook,
        "ดีเด่นและดีมาก",
        ["ที่", "ชื่อ-สกุล", "ตำแหน่ง", "ระดับผลการประเมิน"],
        [[n, name, position, band] for n, (name, position, band) in enumerate(rows, start=1)],
        first=True,
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
