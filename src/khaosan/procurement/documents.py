"""แบบ สขร.1 and the quarterly progress report, generated from the entries as PDF and XLSX.

The PDF is the official landscape table (standards.md OIC-1.1: the nine columns, the form code "สขร.1",
the month and year in B.E. and the agency's name) set in Sarabun by Chromium (documents/pdf.py); a row
is never split across pages. The XLSX has the same columns with amounts as numbers and dates as dates,
so anyone can add them up; a second sheet lists every bidder with their price.

Both are official documents and always in Thai, whatever the reader's interface language. A vendor's
tax ID is not printed: it is kept for the office's records, and a sole trader's is their national ID.
"""

import io
from contextlib import nullcontext
from dataclasses import dataclass, field
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone, translation

from khaosan.documents.pdf import document_html, pdf_renderer
from khaosan.procurement.amounts import baht
from khaosan.procurement.forms import month_label
from khaosan.procurement.models import BudgetKind
from khaosan.thai.dates import quarter_bounds, thai_date

FORM_CODE = "แบบ สขร.1"
NIL_TEXT = "ไม่มีการจัดซื้อจัดจ้าง"
COLUMNS = (
    "ลำดับที่", "งานที่จัดซื้อหรือจัดจ้าง", "วงเงินที่จะซื้อหรือจ้าง (บาท)", "ราคากลาง (บาท)", "วิธีซื้อหรือจ้าง",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง", "เหตุผลที่คัดเลือกโดยสรุป",
    "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง",
)  # fmt: skip
# The XLSX keeps one value per cell: the winner and the agreed price, the contract's number and date apart.
XLSX_COLUMNS = (
    "ลำดับที่", "งานที่จัดซื้อหรือจัดจ้าง", "วงเงินที่จะซื้อหรือจ้าง (บาท)", "ราคากลาง (บาท)", "วิธีซื้อหรือจ้าง",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือก", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
    "เหตุผลที่คัดเลือกโดยสรุป", "เลขที่สัญญาหรือข้อตกลง", "วันที่ของสัญญาหรือข้อตกลง", "เลขที่โครงการ e-GP",
)  # fmt: skip
XLSX_WIDTHS = (8, 40, 16, 16, 22, 44, 30, 16, 40, 24, 18, 16)
BAHT_FORMAT = "#,##0.00"
# Excel's Thai Buddhist calendar (07) with Thai month names (locale 041E): "5 พ.ค. 2569".
BE_DATE_FORMAT = "[$-107041E]d mmm yyyy"
TEMPLATES = "procurement/documents/"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def summary_title(month):
    return f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน{month_label(month)}"


def _renderer_scope(renderer):
    return nullcontext(renderer) if renderer is not None else pdf_renderer()


def _footer(note):
    from khaosan.documents.pdf import footer_font_face

    return (
        f"<style>{footer_font_face()} .f{{width:100%;font-family:'Sarabun',sans-serif;font-size:9pt;color:#333;"
        "margin:0 1.2cm;display:flex;justify-content:space-between;gap:12pt;}</style>"
        f"<div class='f'><span>{note}</span><span style='white-space:nowrap'>หน้า <span class='pageNumber'></span>"
        "/<span class='totalPages'></span></span></div>"
    )


# ------------------------------------------------------------------------------------------------ สขร.1


@dataclass
class Row:
    """One printed row of the form, as text."""

    number: int
    work: str
    budget: Decimal
    reference_price: Decimal
    method: str
    bids: list  # [(vendor, price)]
    winner: str
    agreed_price: Decimal
    reason: str
    contract_number: str
    contract_date: object
    egp_number: str = ""

    @property
    def contract_text(self):
        return f"{self.contract_number} ลงวันที่ {thai_date(self.contract_date)}"


@dataclass
class SummaryData:
    office_name: str
    month: object
    nil: bool
    rows: list = field(default_factory=list)
    generated: object = None

    @property
    def title(self):
        return summary_title(self.month)


def summary_data(summary, *, generated=None):
    """Read a summary, its rows and bidders once (two queries), as the documents print them."""
    with translation.override("th"):
        rows = []
        for entry in summary.entries.prefetch_related("bids").order_by("order"):
            bids = list(entry.bids.all())
            winner = next((b for b in bids if b.selected), None)
            rows.append(Row(
                number=entry.order, work=entry.work, budget=entry.budget, reference_price=entry.reference_price,
                method=str(entry.get_method_display()), bids=[(b.vendor, b.price) for b in bids],
                winner=winner.vendor if winner else "", agreed_price=entry.agreed_price, reason=entry.reason,
                contract_number=entry.contract_number, contract_date=entry.contract_date, egp_number=entry.egp_number,
            ))  # fmt: skip
    return SummaryData(office_name=summary.office.name_th, month=summary.month, nil=summary.nil, rows=rows,
                       generated=generated or timezone.now())  # fmt: skip


def summary_html(data):
    with translation.override("th"):
        body = render_to_string(TEMPLATES + "summary.html", {"data": data, "columns": COLUMNS, "form_code": FORM_CODE,
                                                             "nil_text": NIL_TEXT})  # fmt: skip
        return document_html(body, title=data.title, extra_css=render_to_string(TEMPLATES + "document.css"))


def summary_pdf(summary, *, renderer=None, generated=None):
    """แบบ สขร.1 of `summary` as landscape A4 PDF bytes."""
    data = summary_data(summary, generated=generated)
    note = f"{FORM_CODE} {month_label(data.month)} · {data.office_name}"
    with _renderer_scope(renderer) as active:
        return active.render(summary_html(data), footer_template=_footer(note))


def _sheet_header(sheet, lines, width):
    from openpyxl.styles import Alignment, Font

    for number, (text, bold, align) in enumerate(lines, 1):
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
        cell = sheet.cell(row=number, column=1, value=text)
        cell.font = Font(name="TH Sarabun New", size=16, bold=bold)
        cell.alignment = Alignment(horizontal=align)


def _table_head(sheet, row, columns, widths):
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    for number, (title, width) in enumerate(zip(columns, widths, strict=False), 1):
        cell = sheet.cell(row=row, column=number, value=title)
        cell.font = Font(name="TH Sarabun New", size=14, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        cell.fill = PatternFill("solid", fgColor="E8F1EC")
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)


def _style_body(sheet, first_row, last_row, width):
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    for row in sheet.iter_rows(min_row=first_row, max_row=last_row, max_col=width):
        for cell in row:
            cell.font = Font(name="TH Sarabun New", size=14)
            cell.alignment = Alignment(vertical="top", wrap_text=True,
                                       horizontal="right" if cell.number_format == BAHT_FORMAT else None)  # fmt: skip
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)


def summary_xlsx(summary, *, generated=None):
    """แบบ สขร.1 of `summary` as XLSX bytes: the form's columns, amounts as numbers, dates as dates."""
    from openpyxl import Workbook

    data = summary_data(summary, generated=generated)
    book = Workbook()
    sheet = book.active
    sheet.title = "สขร.1"
    width = len(XLSX_COLUMNS)
    _sheet_header(sheet, [(FORM_CODE, True, "right"), (data.title, True, "center"), (data.office_name, False, "center"),
                          (f"ข้อมูล ณ วันที่ {thai_date(data.generated)}", False, "center")], width)  # fmt: skip
    head = 6
    _table_head(sheet, head, XLSX_COLUMNS, XLSX_WIDTHS)
    if data.nil:
        sheet.merge_cells(start_row=head + 1, start_column=1, end_row=head + 1, end_column=width)
        sheet.cell(row=head + 1, column=1, value=NIL_TEXT)
        last = head + 1
    else:
        for offset, row in enumerate(data.rows, 1):
            values = [
                row.number, row.work, row.budget, row.reference_price, row.method,
                "\n".join(f"{vendor} {baht(price)} บาท" for vendor, price in row.bids), row.winner, row.agreed_price,
                row.reason, row.contract_number, row.contract_date, row.egp_number,
            ]  # fmt: skip
            for column, value in enumerate(values, 1):
                cell = sheet.cell(row=head + offset, column=column, value=value)
                if column in (3, 4, 8):
                    cell.number_format = BAHT_FORMAT
                elif column == 11:
                    cell.number_format = BE_DATE_FORMAT
        last = head + max(len(data.rows), 0)
    _style_body(sheet, head + 1, last, width)
    sheet.print_options.gridLines = False
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = f"{head}:{head}"

    bidders = book.create_sheet("ผู้เสนอราคา")
    columns, widths = (
        ("ลำดับที่", "งานที่จัดซื้อหรือจัดจ้าง", "ผู้เสนอราคา", "ราคาที่เสนอ (บาท)", "ผู้ได้รับการคัดเลือก"),
        (8, 40, 36, 16, 18),
    )
    _table_head(bidders, 1, columns, widths)
    line = 1
    for row in data.rows:
        for vendor, price in row.bids:
            line += 1
            for column, value in enumerate(
                [row.number, row.work, vendor, price, "ใช่" if vendor == row.winner else ""], 1
            ):
                cell = bidders.cell(row=line, column=column, value=value)
                if column == 4:
                    cell.number_format = BAHT_FORMAT
    _style_body(bidders, 2, line, len(columns))

    book.properties.title = data.title
    book.properties.creator = data.office_name
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ------------------------------------------------------------------------------------------------ progress


@dataclass
class ProgressLine:
    label: str
    planned_count: int
    planned_amount: Decimal
    actual_count: int
    actual_amount: Decimal

    @property
    def percent(self):
        """The actual amount as a share of the planned one, one decimal; '' when nothing was planned."""
        if not self.planned_amount:
            return ""
        return f"{(100 * self.actual_amount / self.planned_amount).quantize(Decimal('0.1'))}"


def _lines(quarters):
    lines = []
    for kind in (BudgetKind.OPERATING, BudgetKind.INVESTMENT):
        with translation.override("th"):
            label = str(kind.label)
        lines.append(ProgressLine(
            label,
            sum(getattr(q, f"{kind}_planned_count") for q in quarters),
            sum((getattr(q, f"{kind}_planned_amount") for q in quarters), Decimal("0.00")),
            sum(getattr(q, f"{kind}_actual_count") for q in quarters),
            sum((getattr(q, f"{kind}_actual_amount") for q in quarters), Decimal("0.00")),
        ))  # fmt: skip
    lines.append(ProgressLine("รวม", *(sum((getattr(line, name) for line in lines), start) for name, start in (
        ("planned_count", 0), ("planned_amount", Decimal("0.00")), ("actual_count", 0),
        ("actual_amount", Decimal("0.00"))))))  # fmt: skip
    return lines


@dataclass
class ProgressData:
    office_name: str
    fiscal_year: int
    quarter: int
    first: object
    last: object
    allocation_date: object
    published_on: object
    in_quarter: list
    to_date: list
    note: str
    generated: object

    @property
    def title(self):
        return f"รายงานผลการจัดซื้อจัดจ้างตามแผน ไตรมาส {self.quarter}/{self.fiscal_year}"

    @property
    def period_text(self):
        return f"{thai_date(self.first)} – {thai_date(self.last)}"


def progress_data(quarter, *, generated=None):
    plan = quarter.plan
    so_far = [q for q in plan.quarters.all() if q.quarter <= quarter.quarter]
    first, last = quarter_bounds(plan.fiscal_year, quarter.quarter)
    return ProgressData(
        office_name=plan.office.name_th, fiscal_year=plan.fiscal_year, quarter=quarter.quarter, first=first, last=last,
        allocation_date=plan.allocation_date, published_on=plan.published_on, in_quarter=_lines([quarter]),
        to_date=_lines(so_far), note=quarter.note, generated=generated or timezone.now(),
    )  # fmt: skip


def progress_pdf(quarter, *, renderer=None, generated=None):
    data = progress_data(quarter, generated=generated)
    with translation.override("th"):
        body = render_to_string(TEMPLATES + "progress.html", {"data": data})
        html = document_html(body, title=data.title, extra_css=render_to_string(TEMPLATES + "document.css"))
    with _renderer_scope(renderer) as active:
        return active.render(html, footer_template=_footer(f"{data.title} · {data.office_name}"))


def progress_xlsx(quarter, *, generated=None):
    from openpyxl import Workbook

    data = progress_data(quarter, generated=generated)
    book = Workbook()
    sheet = book.active
    sheet.title = f"ไตรมาส {data.quarter}"
    columns = ("ประเภทงบประมาณ", "ตามแผน (รายการ)", "ตามแผน (บาท)", "ดำเนินการแล้ว (รายการ)", "ดำเนินการแล้ว (บาท)",
               "ร้อยละของวงเงินตามแผน")  # fmt: skip
    _sheet_header(sheet, [(data.title, True, "center"), (data.office_name, False, "center"),
                          (data.period_text, False, "center")], len(columns))  # fmt: skip
    row = 5
    for heading, lines in ((f"ไตรมาส {data.quarter}", data.in_quarter), ("สะสมตั้งแต่ต้นปีงบประมาณ", data.to_date)):
        sheet.cell(row=row, column=1, value=heading)
        _table_head(sheet, row + 1, columns, (24, 14, 18, 16, 18, 14))
        for offset, line in enumerate(lines, 2):
            values = [line.label, line.planned_count, line.planned_amount, line.actual_count, line.actual_amount,
                      float(line.percent) if line.percent else None]  # fmt: skip
            for column, value in enumerate(values, 1):
                cell = sheet.cell(row=row + offset, column=column, value=value)
                if column in (3, 5):
                    cell.number_format = BAHT_FORMAT
                elif column == 6:
                    cell.number_format = "0.0"
        _style_body(sheet, row + 2, row + 1 + len(lines), len(columns))
        row += len(lines) + 3
    sheet.freeze_panes = None
    if data.note:
        sheet.cell(row=row, column=1, value=f"ปัญหา อุปสรรค และข้อเสนอแนะ: {data.note}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
