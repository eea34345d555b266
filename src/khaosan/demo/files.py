"""Generated demo files: real PDF, Word, Excel and photo files with Thai content.

Documents take the shape of Thai official papers (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ): a ประกาศ or
คำสั่ง has the emblem, the office's heading, the subject, the text and a signature block with the signing
date in Thai digits; a หนังสือ (letter) has its number, date, addressee and closing; a report has the office
header, a number and date line when it has one, headed sections and tables. Long manuals get a cover page
and page numbers. Photos are plain scenes drawn with Pillow (a service tent, a meeting room, a school, village
health volunteers, a portrait, an infographic); they carry no text, as Pillow cannot shape Thai reliably.
"""

import datetime as dt
import io
import random
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

from khaosan.documents.pdf import document_html, pdf_renderer
from khaosan.thai.dates import MONTHS_TH, THAI_DIGITS, be_year

# Scenes of generated photos: DemoFile.scene picks one (modulo their number), the file name varies it.
TENT, MEETING, SCHOOL, VILLAGE, PORTRAIT, INFOGRAPHIC = range(6)


@dataclass
class DemoFile:
    """A file to generate: `name` carries the extension; `heading`, `paragraphs`, `rows` fill it.

    `paragraphs` holds strings; a list among them becomes a numbered list. `rows` make a table after them,
    `after` more paragraphs, then `sections`, each (heading, paragraphs) or (heading, paragraphs, rows).
    `layout` is report, announcement (ประกาศ), order (คำสั่ง) or letter (หนังสือ); announcements, orders and
    letters are signed by the office's executive unless `signer` (name, position) says otherwise.
    """

    name: str
    title: str = ""
    heading: str = ""
    paragraphs: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # first row is the header
    alt_text: str = ""
    scene: int = 0  # picks the scene of a generated photo (TENT … INFOGRAPHIC); the name varies it
    layout: str = "report"
    subtitle: str = ""  # a line under the heading, e.g. the fiscal year
    number: str = ""  # "นน 0032.10/ว 123" (letter, report) or "45/2569" (order)
    date: dt.date | None = None  # the date it was signed
    to: str = ""  # a letter's addressee (เรียน …)
    sections: list = field(default_factory=list)
    signer: tuple = ()  # (name, position)
    cover: bool = False  # a cover page before the text (manuals, plans)
    landscape: bool = False  # for wide tables such as the สขร.1
    after: list = field(default_factory=list)  # paragraphs after the table, e.g. a ประกาศ's closing formula

    @property
    def extension(self):
        return self.name.rsplit(".", 1)[-1].lower()


@contextmanager
def renderer():
    """One Chromium for the whole demo build (`build` takes it as `renderer`)."""
    with pdf_renderer() as pdf:
        yield pdf


def build(spec, *, office, renderer):
    """Return the bytes of the file `spec` describes."""
    ext = spec.extension
    if ext == "pdf":
        return _pdf(spec, office, renderer)
    if ext == "docx":
        return _docx(spec, office)
    if ext == "xlsx":
        return _xlsx(spec, office)
    if ext in {"jpg", "png"}:
        return _image(spec, ext)
    raise ValueError(f"demo files cannot make .{ext}")


# ------------------------------------------------------------------------------------------------ text


def thai_digits(text):
    return str(text).translate(THAI_DIGITS)


def formal_date(day):
    """'๑๕ ตุลาคม พ.ศ. ๒๕๖๘': the date as official documents print it."""
    return thai_digits(f"{day.day} {MONTHS_TH[day.month - 1]} พ.ศ. {be_year(day.year)}")


def cell_text(value):
    """A table cell as text: amounts with two decimals and thousands separators."""
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if abs(value) >= 10000 else str(value)
    return str(value)


def _signer(spec, office):
    if spec.signer:
        return spec.signer
    if spec.layout in {"announcement", "order", "letter"}:
        return (office.executive_name, office.executive_position)
    return ()


def _sections(spec):
    for section in spec.sections:
        heading, paragraphs, *rest = section
        yield heading, paragraphs, rest[0] if rest else []


# ------------------------------------------------------------------------------------------------ PDF

DOCUMENT_CSS = """
.emblem { display: block; margin: 0 auto 4pt; width: 2.2cm; height: 2.2cm; }
.center { text-align: center; margin: 0; }
.office { text-align: center; margin: 0; font-size: 14pt; }
.title { text-align: center; margin: 0; font-weight: 700; font-size: 18pt; }
.rule { text-align: center; margin: 0 0 10pt; letter-spacing: 2pt; }
.docline { display: flex; justify-content: space-between; margin: 6pt 0 10pt; }
.subtitle { text-align: center; margin: 0 0 10pt; }
p.text { text-indent: 2.5cm; margin: 0 0 6pt; }
ol { margin: 0 0 6pt 1.5cm; padding: 0; }
h2 { break-after: avoid; }
table { margin: 4pt 0 10pt; font-size: 14pt; }
th { background: #eee; text-align: center; }
td.num { text-align: right; white-space: nowrap; }
td.count { text-align: center; }
.sign { margin: 18pt 0 0 38%; text-align: center; break-inside: avoid; }
.sign p { margin: 0; }
.sign p:first-child { white-space: nowrap; }
.sign svg { display: block; margin: 4pt auto 0; }
.letterhead { display: flex; justify-content: space-between; align-items: flex-start; margin-bottom: 8pt; }
.letterhead .address { text-align: left; width: 45%; }
.letterdate { margin: 0 0 10pt 45%; }
.contact { margin-top: 24pt; font-size: 14pt; }
.cover { height: 24cm; display: flex; flex-direction: column; justify-content: center; text-align: center;
         break-after: page; }
.cover .emblem { width: 3.5cm; height: 3.5cm; margin-bottom: 24pt; }
.cover h1 { font-size: 26pt; margin-bottom: 18pt; }
.cover p { margin: 0; font-size: 18pt; }
"""
LANDSCAPE_CSS = "@page { size: A4 landscape; margin: 1.5cm; } table { font-size: 12pt; }"
EMBLEM_SVG = (
    "<svg class='emblem' viewBox='0 0 64 64' xmlns='http://www.w3.org/2000/svg'>"
    "<circle cx='32' cy='32' r='30' fill='#0b6b4f'/>"
    "<circle cx='32' cy='32' r='25' fill='none' stroke='#f3d27a' stroke-width='2'/>"
    "<path d='M27 14h10v13h13v10H37v13H27V37H14V27h13z' fill='#fff'/></svg>"
)
PAGE_FOOTER = "<div style='width:100%;font-size:10pt;text-align:center;'>- <span class='pageNumber'></span> -</div>"
CLOSINGS = {"announcement": "ประกาศ ณ วันที่", "order": "สั่ง ณ วันที่"}


def _signature_svg(name):
    """A pen stroke standing in for a signature, different for every name."""
    rng = random.Random(name)
    points = " ".join(f"{x},{rng.randint(8, 34)}" for x in range(6, 150, rng.choice([9, 11, 13])))
    return (
        "<svg width='160' height='40' viewBox='0 0 160 40' xmlns='http://www.w3.org/2000/svg'>"
        f"<polyline points='{points}' fill='none' stroke='#1a2a6c' stroke-width='1.6' stroke-linejoin='round'/></svg>"
    )


def _cell_class(value):
    """Amounts align right; small counts (ลำดับที่, จำนวน) centre; text keeps the left."""
    if isinstance(value, float) or (isinstance(value, int) and abs(value) >= 10000):
        return " class='num'"
    return " class='count'" if isinstance(value, int) else ""


def _table_html(rows):
    if not rows:
        return ""
    head, *body = rows
    head_html = "".join(f"<th>{escape(str(c))}</th>" for c in head)
    body_html = "".join(
        "<tr>{}</tr>".format("".join(f"<td{_cell_class(c)}>{escape(cell_text(c))}</td>" for c in row)) for row in body
    )
    return f"<table><thead><tr>{head_html}</tr></thead><tbody>{body_html}</tbody></table>"


def _paragraphs_html(paragraphs):
    parts = []
    for paragraph in paragraphs:
        if isinstance(paragraph, (list, tuple)):
            parts.append("<ol>" + "".join(f"<li>{escape(str(p))}</li>" for p in paragraph) + "</ol>")
        else:
            parts.append(f"<p class='text'>{escape(paragraph)}</p>")
    return "".join(parts)


def _sign_html(spec, office, closing=""):
    signer = _signer(spec, office)
    if not signer:
        return ""
    name, position = signer
    pen = _signature_svg(name) if name.strip(". ") else "<p>ลงชื่อ</p>"  # a blank form is not signed
    return (
        "<div class='sign'>"
        + (f"<p>{closing}</p>" if closing else "")
        + f"{pen}<p>({escape(name)})</p><p>{escape(position)}</p></div>"
    )


def _pdf_head(spec, office):
    heading = escape(spec.heading or spec.title or spec.name)
    if spec.layout == "announcement":
        return (
            f"{EMBLEM_SVG}<p class='title'>ประกาศ{escape(office.name_th)}</p>"
            f"<p class='center'>เรื่อง {heading}</p><p class='rule'>-------------------------------</p>"
        )
    if spec.layout == "order":
        number = f"<p class='center'>ที่ {thai_digits(escape(spec.number))}</p>" if spec.number else ""
        return (
            f"{EMBLEM_SVG}<p class='title'>คำสั่ง{escape(office.name_th)}</p>{number}"
            f"<p class='center'>เรื่อง {heading}</p><p class='rule'>-------------------------------</p>"
        )
    if spec.layout == "letter":
        address = escape(office.address).replace("\n", "<br>")
        date = f"<p class='letterdate'>{formal_date(spec.date)}</p>" if spec.date else ""
        to = f"<p>เรียน {escape(spec.to)}</p>" if spec.to else ""
        return (
            f"<div class='letterhead'><p>ที่ {thai_digits(escape(spec.number))}</p>{EMBLEM_SVG}"
            f"<p class='address'>{escape(office.name_th)}<br>{address}</p></div>{date}"
            f"<p>เรื่อง {heading}</p>{to}"
        )
    docline = ""
    if spec.number or spec.date:
        number = f"<span>ที่ {thai_digits(escape(spec.number))}</span>" if spec.number else "<span></span>"
        date = f"<span>ลงวันที่ {formal_date(spec.date)}</span>" if spec.date else ""
        docline = f"<div class='docline'>{number}{date}</div>"
    subtitle = f"<p class='subtitle'>{escape(spec.subtitle)}</p>" if spec.subtitle else ""
    return f"<p class='office'>{escape(office.name_th)}</p><h1>{heading}</h1>{subtitle}{docline}"


def _pdf(spec, office, renderer):
    cover = ""
    if spec.cover:
        year = f"<p>{escape(spec.subtitle)}</p>" if spec.subtitle else ""
        cover = (
            f"<section class='cover'>{EMBLEM_SVG}<h1>{escape(spec.heading or spec.name)}</h1>{year}"
            f"<p>{escape(office.name_th)}</p><p>{escape(office.parent_name)}</p></section>"
        )
    sections = "".join(
        f"<h2>{escape(heading)}</h2>{_paragraphs_html(paragraphs)}{_table_html(rows)}"
        for heading, paragraphs, rows in _sections(spec)
    )
    closing = CLOSINGS.get(spec.layout, "")
    if closing and spec.date:
        closing = f"{closing} {formal_date(spec.date)}"
    elif spec.layout == "letter":
        closing = "ขอแสดงความนับถือ"
    body = (
        cover
        + _pdf_head(spec, office)
        + _paragraphs_html(spec.paragraphs)
        + _table_html(spec.rows)
        + _paragraphs_html(spec.after)
        + sections
        + _sign_html(spec, office, closing)
    )
    if spec.layout == "letter":
        body += f"<p class='contact'>{escape(office.short_name or office.name_th)}<br>โทร. {escape(office.phone)}</p>"
    css = DOCUMENT_CSS + (LANDSCAPE_CSS if spec.landscape else "")
    footer = PAGE_FOOTER if spec.cover or len(spec.sections) > 2 else None
    return renderer.render(document_html(body, title=spec.heading or spec.name, extra_css=css), footer_template=footer)


# ------------------------------------------------------------------------------------------------ Word


def _thai_font(style, size):
    """Set TH Sarabun New for Latin and complex-script (Thai) text: Word reads Thai from the `cs` slots."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    style.font.name = "TH Sarabun New"
    style.font.size = Pt(size)
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), "TH Sarabun New")
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = OxmlElement("w:szCs")
        rpr.find(qn("w:sz")).addnext(size_cs)  # the schema wants szCs right after sz
    size_cs.set(qn("w:val"), str(size * 2))


def _docx(spec, office):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    if spec.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
    _thai_font(document.styles["Normal"], 16)
    for name in ("Heading 1", "Heading 2", "Table Grid", "List Number"):
        _thai_font(document.styles[name], {"Heading 1": 20, "Heading 2": 18}.get(name, 16))

    def centered(text, *, bold=False):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = bold
        return paragraph

    heading = spec.heading or spec.title or spec.name
    if spec.layout in {"announcement", "order"}:
        centered(f"{'ประกาศ' if spec.layout == 'announcement' else 'คำสั่ง'}{office.name_th}", bold=True)
        if spec.layout == "order" and spec.number:
            centered(f"ที่ {thai_digits(spec.number)}")
        centered(f"เรื่อง {heading}")
        centered("-------------------------------")
    elif spec.layout == "letter":
        document.add_paragraph(f"ที่ {thai_digits(spec.number)}\t\t\t\t\t{office.name_th}")
        if spec.date:
            centered(formal_date(spec.date))
        document.add_paragraph(f"เรื่อง {heading}")
        if spec.to:
            document.add_paragraph(f"เรียน {spec.to}")
    else:
        centered(office.name_th)
        document.add_heading(heading, level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
        if spec.subtitle:
            centered(spec.subtitle)
        if spec.number or spec.date:
            number = f"ที่ {thai_digits(spec.number)}" if spec.number else ""
            date = f"ลงวันที่ {formal_date(spec.date)}" if spec.date else ""
            document.add_paragraph(f"{number}\t\t\t{date}".strip())

    def add_paragraphs(paragraphs):
        for paragraph in paragraphs:
            if isinstance(paragraph, (list, tuple)):
                for entry in paragraph:
                    document.add_paragraph(str(entry), style="List Number")
            else:
                document.add_paragraph(paragraph).paragraph_format.first_line_indent = Cm(2.5)

    def add_table(rows):
        if not rows:
            return
        table = document.add_table(rows=0, cols=len(rows[0]))
        table.style = "Table Grid"
        for index, row in enumerate(rows):
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.text = cell_text(value)
                if index == 0:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True

    add_paragraphs(spec.paragraphs)
    add_table(spec.rows)
    add_paragraphs(spec.after)
    for section_heading, paragraphs, rows in _sections(spec):
        document.add_heading(section_heading, level=2)
        add_paragraphs(paragraphs)
        add_table(rows)
    signer = _signer(spec, office)
    if signer:
        closing = CLOSINGS.get(spec.layout, "ขอแสดงความนับถือ" if spec.layout == "letter" else "")
        if closing and spec.date and spec.layout != "letter":
            closing = f"{closing} {formal_date(spec.date)}"
        for line in ([closing] if closing else []) + ["", f"({signer[0]})", signer[1]]:
            paragraph = document.add_paragraph(line)
            paragraph.paragraph_format.left_indent = Cm(8)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ------------------------------------------------------------------------------------------------ Excel


def _sheet_title(spec):
    """A worksheet name (at most 31 characters, none of []:*?/\\): the file name, else the heading cut at a space."""
    for text in (spec.name.rsplit(".", 1)[0], spec.heading):
        text = "".join(ch for ch in text or "" if ch not in "[]:*?/\\")
        if len(text) > 31:
            text = text[:32].rsplit(" ", 1)[0] if " " in text[:32] else ""
        if text.strip():
            return text.strip()
    return "ข้อมูล"


def _xlsx(spec, office):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(spec)
    width = max((len(r) for r in spec.rows), default=1)
    font = "TH Sarabun New"
    for line in (office.name_th, spec.heading or spec.title, spec.subtitle):
        if line:
            sheet.append([line])
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
            cell = sheet.cell(row=sheet.max_row, column=1)
            cell.font = Font(name=font, size=16, bold=True)
            cell.alignment = Alignment(horizontal="center")
    sheet.append([])
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_row = sheet.max_row + 1
    for index, row in enumerate(spec.rows):
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=True, horizontal="center" if index == 0 else None)
            cell.font = Font(name=font, size=14, bold=index == 0)
            if index == 0:
                cell.fill = PatternFill("solid", fgColor="DDEBF7")
            elif isinstance(cell.value, float):
                cell.number_format = "#,##0.00"
            elif isinstance(cell.value, int) and abs(cell.value) >= 10000:
                cell.number_format = "#,##0"
    for column in range(1, width + 1):
        longest = max((len(cell_text(r[column - 1])) for r in spec.rows if len(r) >= column), default=8)
        sheet.column_dimensions[get_column_letter(column)].width = min(max(8, longest * 0.9 + 2), 48)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    if spec.landscape:
        sheet.page_setup.orientation = "landscape"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# ------------------------------------------------------------------------------------------------ photos

WIDTH, HEIGHT = 1600, 1066
SKINS = [(241, 203, 170), (224, 180, 140), (198, 150, 110), (232, 190, 155)]
HAIRS = [(30, 25, 22), (45, 35, 30), (70, 60, 55), (200, 200, 200)]
CLOTHES = [(240, 240, 240), (70, 110, 170), (200, 70, 80), (90, 150, 110), (230, 180, 60), (150, 100, 160),
           (120, 120, 130), (245, 210, 200)]  # fmt: skip
WHITE, NURSE_BLUE, VOLUNTEER_BLUE, NAVY = (250, 250, 250), (120, 170, 220), (110, 185, 230), (35, 45, 90)


def _shade(color, amount):
    return tuple(max(0, min(255, c + amount)) for c in color)


def _gradient(draw, box, top, bottom):
    x0, y0, x1, y1 = box
    for y in range(y0, y1):
        t = (y - y0) / max(1, y1 - y0 - 1)
        draw.line([(x0, y), (x1, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))


def _person(draw, rng, x, feet, height, *, shirt=None, pants=None, sitting=False, back=False):
    """A person standing (or sitting) with feet at (x, feet), `height` pixels tall."""
    skin, hair = rng.choice(SKINS), rng.choice(HAIRS)
    shirt = shirt or rng.choice(CLOTHES)
    pants = pants or rng.choice([(40, 40, 50), (60, 70, 100), (90, 80, 70), shirt])
    u = height / 100
    hip = feet - (26 if sitting else 46) * u
    shoulder = hip - 34 * u
    if sitting:
        chair = rng.choice([(40, 90, 170), (200, 60, 60), (230, 230, 230)])
        draw.rectangle([x - 14 * u, hip + 6 * u, x + 14 * u, hip + 11 * u], fill=chair)  # a plastic chair
        for leg in (x - 13 * u, x + 10 * u):
            draw.rectangle([leg, hip + 11 * u, leg + 3 * u, feet], fill=_shade(chair, -30))
        draw.rectangle([x - 10 * u, hip, x + 16 * u, hip + 8 * u], fill=pants)  # thighs
        draw.rectangle([x + 8 * u, hip + 4 * u, x + 16 * u, feet], fill=pants)  # shins
    else:
        draw.rectangle([x - 9 * u, hip, x - 1 * u, feet - 2 * u], fill=pants)
        draw.rectangle([x + 1 * u, hip, x + 9 * u, feet - 2 * u], fill=pants)
        draw.ellipse([x - 11 * u, feet - 4 * u, x - 1 * u, feet + 1 * u], fill=(40, 35, 35))
        draw.ellipse([x + 1 * u, feet - 4 * u, x + 11 * u, feet + 1 * u], fill=(40, 35, 35))
    draw.rounded_rectangle([x - 13 * u, shoulder, x + 13 * u, hip + 3 * u], radius=6 * u, fill=shirt)
    arm = _shade(shirt, -18)
    draw.rounded_rectangle([x - 18 * u, shoulder + 2 * u, x - 11 * u, hip - 2 * u], radius=3 * u, fill=arm)
    draw.rounded_rectangle([x + 11 * u, shoulder + 2 * u, x + 18 * u, hip - 2 * u], radius=3 * u, fill=arm)
    draw.ellipse([x - 17 * u, hip - 5 * u, x - 12 * u, hip], fill=skin)
    draw.ellipse([x + 12 * u, hip - 5 * u, x + 17 * u, hip], fill=skin)
    draw.rectangle([x - 3 * u, shoulder - 4 * u, x + 3 * u, shoulder + 1 * u], fill=_shade(skin, -15))
    head = [x - 8 * u, shoulder - 20 * u, x + 8 * u, shoulder - 2 * u]
    draw.ellipse(head, fill=hair if back else skin)
    draw.chord([head[0] - 1 * u, head[1] - 1 * u, head[2] + 1 * u, head[3] - 4 * u], 180, 360, fill=hair)
    if rng.random() < 0.35 and not back:  # a face mask
        draw.rounded_rectangle([x - 6 * u, shoulder - 10 * u, x + 6 * u, shoulder - 4 * u], radius=2 * u,
                               fill=(225, 240, 250))  # fmt: skip


def _tree(draw, rng, x, base, size):
    draw.rectangle([x - size * 0.06, base - size * 0.5, x + size * 0.06, base], fill=(100, 75, 50))
    green = rng.choice([(60, 120, 60), (80, 140, 70), (50, 105, 65)])
    for _ in range(6):
        dx, dy, r = rng.uniform(-0.3, 0.3) * size, rng.uniform(-0.9, -0.45) * size, rng.uniform(0.18, 0.3) * size
        draw.ellipse([x + dx - r, base + dy - r, x + dx + r, base + dy + r], fill=_shade(green, rng.randint(-15, 15)))


def _outdoor(draw, rng, horizon):
    _gradient(draw, (0, 0, WIDTH, horizon), (120, 175, 225), (205, 225, 240))
    for _ in range(3):  # hills of Nan
        x = rng.randint(-200, WIDTH)
        draw.polygon([(x - 500, horizon), (x, horizon - rng.randint(120, 260)), (x + 600, horizon)],
                     fill=_shade((95, 135, 110), rng.randint(-20, 20)))  # fmt: skip
    _gradient(draw, (0, horizon, WIDTH, HEIGHT), (130, 170, 90), (95, 135, 65))
    for _ in range(5):
        _tree(draw, rng, rng.randint(0, WIDTH), horizon + rng.randint(0, 20), rng.randint(160, 260))


def _scene_tent(draw, rng):
    """An outdoor service point: a canopy tent, a table, staff behind it and people queueing."""
    _outdoor(draw, rng, 430)
    left, right, top = rng.randint(250, 420), rng.randint(1150, 1350), 300
    stripe = rng.choice([(40, 90, 170), (200, 60, 60), (40, 140, 90)])
    for i in range(8):  # striped canopy
        x0 = left - 40 + i * (right - left + 80) / 8
        x1 = x0 + (right - left + 80) / 8
        draw.polygon([(x0, top + 70), (x0 + 20, top), (x1 + 20, top), (x1, top + 70)],
                     fill=stripe if i % 2 else WHITE)  # fmt: skip
    for x in (left - 30, right + 30):
        draw.rectangle([x - 6, top + 70, x + 6, 760], fill=(180, 180, 185))
    draw.rectangle([left - 30, top + 70, right + 30, top + 110], fill=_shade(stripe, 30))  # a plain banner
    for _ in range(3):  # staff behind the table
        _person(draw, rng, rng.randint(left + 60, right - 60), 720, 300, shirt=rng.choice([WHITE, NURSE_BLUE]))
    draw.rectangle([left + 20, 600, right - 20, 690], fill=WHITE)  # table with a cloth
    draw.rectangle([left + 20, 690, right - 20, 700], fill=(210, 210, 215))
    for _ in range(4):  # boxes and a blood-pressure monitor
        x = rng.randint(left + 60, right - 120)
        draw.rectangle([x, 560, x + rng.randint(40, 90), 600], fill=rng.choice([(240, 240, 245), (120, 170, 220)]))
    for i in range(rng.randint(5, 8)):  # the queue, nearest last
        _person(draw, rng, 150 + i * rng.randint(170, 200), 960 + (i % 2) * 40, rng.randint(400, 440),
                sitting=rng.random() < 0.3, back=rng.random() < 0.5)  # fmt: skip


def _scene_meeting(draw, rng):
    """A meeting room: a projection screen, a long table and people seated around it."""
    wall = rng.choice([(232, 222, 200), (215, 225, 230), (235, 230, 220)])
    _gradient(draw, (0, 0, WIDTH, 640), _shade(wall, 10), _shade(wall, -15))
    draw.rectangle([0, 640, WIDTH, HEIGHT], fill=rng.choice([(120, 60, 60), (80, 90, 120), (110, 100, 90)]))
    for x in range(150, WIDTH, 300):  # ceiling lights
        draw.rectangle([x, 20, x + 140, 34], fill=(255, 255, 240))
    screen = (520, 90, 1080, 420)
    draw.rectangle([screen[0] - 10, screen[1] - 10, screen[2] + 10, screen[3] + 10], fill=(60, 60, 60))
    draw.rectangle(screen, fill=(250, 250, 250))
    draw.rectangle([screen[0], screen[1], screen[2], screen[1] + 50], fill=(11, 107, 79))
    for i in range(6):  # a bar chart on the slide
        h = rng.randint(60, 220)
        draw.rectangle([570 + i * 80, 390 - h, 620 + i * 80, 390], fill=rng.choice([(11, 107, 79), (243, 210, 122)]))
    for x in (80, 1340):  # windows with curtains
        draw.rectangle([x, 120, x + 180, 460], fill=(200, 225, 240))
        draw.rectangle([x - 20, 110, x + 30, 480], fill=(170, 130, 90))
        draw.rectangle([x + 150, 110, x + 200, 480], fill=(170, 130, 90))
    for i in range(5):  # the far row, facing us
        _person(draw, rng, 380 + i * 210, 700, 260, sitting=True)
    draw.polygon([(300, 660), (1300, 660), (1500, 860), (100, 860)], fill=(150, 100, 60))  # the table
    draw.polygon([(100, 860), (1500, 860), (1500, 880), (100, 880)], fill=(110, 70, 40))
    for _ in range(6):  # papers and bottles of water
        x = rng.randint(250, 1300)
        draw.rectangle([x, 720, x + 70, 760], fill=WHITE)
        draw.rectangle([x + 90, 690, x + 104, 745], fill=(200, 230, 250))
    for i in range(5):  # the near row, backs to us
        _person(draw, rng, 260 + i * 270, 1120, 380, sitting=True, back=True)


def _scene_school(draw, rng):
    """A school visit: the school building, the flagpole and pupils in uniform with health staff."""
    _outdoor(draw, rng, 520)
    draw.rectangle([0, 560, WIDTH, HEIGHT], fill=(205, 185, 150))  # the schoolyard
    x0, x1 = rng.randint(80, 300), rng.randint(1100, 1300)
    draw.rectangle([x0, 230, x1, 560], fill=(245, 235, 210))
    draw.polygon([(x0 - 40, 230), ((x0 + x1) / 2, 120), (x1 + 40, 230)], fill=(190, 80, 50))
    for row in (270, 410):
        for x in range(x0 + 40, x1 - 60, 110):
            draw.rectangle([x, row, x + 70, row + 90], fill=(120, 160, 190))
    draw.rectangle([x1 + 120, 150, x1 + 128, 560], fill=(200, 200, 200))  # flagpole and a Thai flag
    for i, color in enumerate([(200, 30, 45), WHITE, (40, 50, 120), (40, 50, 120), WHITE, (200, 30, 45)]):
        draw.rectangle([x1 + 128, 160 + i * 15, x1 + 268, 175 + i * 15], fill=color)
    for row in range(3):  # pupils in rows
        for i in range(9):
            _person(draw, rng, 190 + i * 150 + row * 40, 760 + row * 110, 230 + row * 40,
                    shirt=WHITE, pants=rng.choice([NAVY, (30, 30, 30), (60, 80, 140)]))  # fmt: skip
    for _ in range(2):
        _person(draw, rng, rng.randint(200, 1400), 1060, 440, shirt=rng.choice([WHITE, NURSE_BLUE]))


def _scene_village(draw, rng):
    """Village health volunteers (อสม.) checking water jars for mosquito larvae among stilt houses."""
    _outdoor(draw, rng, 470)
    draw.polygon([(600, HEIGHT), (760, 470), (840, 470), (1100, HEIGHT)], fill=(190, 160, 120))  # the lane
    for x in (rng.randint(0, 120), rng.randint(1100, 1250)):  # wooden houses on stilts
        draw.rectangle([x, 330, x + 360, 520], fill=(140, 95, 60))
        draw.polygon([(x - 30, 330), (x + 180, 220), (x + 390, 330)], fill=(120, 110, 105))
        for px in range(x + 10, x + 360, 80):
            draw.rectangle([px, 520, px + 14, 640], fill=(110, 75, 50))
        draw.rectangle([x + 140, 380, x + 220, 460], fill=(60, 45, 35))
    for _ in range(4):  # water jars (โอ่ง)
        x, y = rng.randint(150, 1400), rng.randint(760, 900)
        draw.ellipse([x, y - 130, x + 120, y], fill=(95, 60, 40))
        draw.ellipse([x + 20, y - 140, x + 100, y - 115], fill=(60, 40, 30))
    for i in range(rng.randint(3, 5)):
        _person(draw, rng, 250 + i * rng.randint(250, 300), 1000 - (i % 2) * 60, rng.randint(380, 430),
                shirt=VOLUNTEER_BLUE if i % 3 else WHITE)  # fmt: skip


def _scene_portrait(draw, rng):
    """A formal portrait in white uniform, for the executives' page."""
    _gradient(draw, (0, 0, WIDTH, HEIGHT), (90, 120, 160), (40, 60, 95))
    skin, hair = rng.choice(SKINS[:3]), rng.choice(HAIRS[:3])
    cx = WIDTH // 2
    draw.rounded_rectangle([cx - 380, 700, cx + 380, HEIGHT + 100], radius=160, fill=WHITE)  # shoulders
    for side in (-1, 1):  # shoulder boards
        draw.rectangle([cx + side * 230 - 60, 730, cx + side * 230 + 60, 770], fill=(20, 30, 70))
    draw.polygon([(cx - 90, 700), (cx, 860), (cx + 90, 700)], fill=(235, 235, 235))
    draw.rectangle([cx - 70, 560, cx + 70, 720], fill=_shade(skin, -12))
    draw.ellipse([cx - 170, 220, cx + 170, 640], fill=skin)
    draw.chord([cx - 180, 190, cx + 180, 470], 180, 360, fill=hair)
    for side in (-1, 1):
        draw.ellipse([cx + side * 65 - 18, 410, cx + side * 65 + 18, 432], fill=(50, 40, 35))
    draw.arc([cx - 60, 500, cx + 60, 560], 20, 160, fill=(150, 90, 80), width=6)


def _scene_infographic(draw, rng):
    """An infographic without words: a coloured title band and panels of simple icons."""
    base = rng.choice([(250, 245, 230), (235, 245, 250), (240, 250, 240)])
    accent = rng.choice([(11, 107, 79), (30, 90, 160), (200, 80, 60)])
    draw.rectangle([0, 0, WIDTH, HEIGHT], fill=base)
    draw.rectangle([0, 0, WIDTH, 180], fill=accent)
    draw.ellipse([60, 30, 180, 150], fill=(243, 210, 122))
    for i in range(3):
        for j in range(2):
            x, y = 80 + i * 500, 240 + j * 400
            draw.rounded_rectangle([x, y, x + 440, y + 350], radius=30, fill=WHITE, outline=accent, width=6)
            draw.ellipse([x + 30, y + 30, x + 90, y + 90], fill=accent)  # step marker
            icon = rng.randint(0, 3)
            if icon == 0:  # a water jar with its lid
                draw.ellipse([x + 150, y + 120, x + 290, y + 300], fill=(95, 60, 40))
                draw.rectangle([x + 140, y + 110, x + 300, y + 135], fill=accent)
            elif icon == 1:  # a tick
                draw.line([(x + 140, y + 200), (x + 200, y + 270), (x + 320, y + 120)], fill=(40, 150, 70), width=26)
            elif icon == 2:  # a mosquito, crossed out
                draw.ellipse([x + 170, y + 160, x + 270, y + 210], fill=(60, 60, 60))
                draw.line([(x + 180, y + 150), (x + 140, y + 110)], fill=(60, 60, 60), width=6)
                draw.line([(x + 260, y + 150), (x + 300, y + 110)], fill=(60, 60, 60), width=6)
                draw.line([(x + 130, y + 110), (x + 310, y + 280)], fill=(210, 50, 50), width=18)
            else:  # a heart
                draw.pieslice([x + 140, y + 110, x + 230, y + 200], 180, 360, fill=(210, 60, 80))
                draw.pieslice([x + 210, y + 110, x + 300, y + 200], 180, 360, fill=(210, 60, 80))
                draw.polygon([(x + 140, y + 155), (x + 300, y + 155), (x + 220, y + 290)], fill=(210, 60, 80))
    draw.rectangle([0, HEIGHT - 60, WIDTH, HEIGHT], fill=accent)


@lru_cache(maxsize=1)
def _grain():
    """Camera grain, made once: Gaussian noise to blend into every photo."""
    from PIL import Image

    return Image.effect_noise((WIDTH, HEIGHT), 24).convert("RGB")


SCENES = [_scene_tent, _scene_meeting, _scene_school, _scene_village, _scene_portrait, _scene_infographic]


def _image(spec, ext):
    """Draw the photo's scene, varied by the file name, then soften it a little as a camera would."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(spec.name)
    image = Image.new("RGB", (WIDTH, HEIGHT))
    SCENES[spec.scene % len(SCENES)](ImageDraw.Draw(image), rng)
    if spec.scene % len(SCENES) != INFOGRAPHIC:
        image = Image.blend(image.filter(ImageFilter.BoxBlur(1)), _grain(), 0.05)
    out = io.BytesIO()
    if ext == "jpg":
        image.save(out, "JPEG", quality=85)
    else:
        image.save(out, "PNG")
    return out.getvalue()
