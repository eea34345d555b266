"""Generated demo files: real PDF, Word, Excel and photo files with Thai content."""

import io
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape

from khaosan.documents.pdf import document_html, pdf_renderer


@dataclass
class DemoFile:
    """A file to generate: `name` carries the extension; `heading`, `paragraphs`, `rows` fill it."""

    name: str
    title: str = ""
    heading: str = ""
    paragraphs: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # first row is the header
    alt_text: str = ""
    scene: int = 0  # picks the colours and shapes of a generated photo

    @property
    def extension(self):
        return self.name.rsplit(".", 1)[-1].lower()


@contextmanager
def renderer():
    with pdf_renderer() as pdf:
        yield pdf


def build(spec, *, office, renderer):
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


def _pdf(spec, office, renderer):
    table = ""
    if spec.rows:
        head, *body = spec.rows
        table = "<table><thead><tr>%s</tr></thead><tbody>%s</tbody></table>" % (
            "".join(f"<th>{escape(str(c))}</th>" for c in head),
            "".join("<tr>%s</tr>" % "".join(f"<td>{escape(str(c))}</td>" for c in row) for row in body),
        )
    body = (
        f"<p style='text-align:center;margin:0'>{escape(office.name_th)}</p>"
        f"<h1>{escape(spec.heading or spec.title or spec.name)}</h1>"
        + "".join(f"<p>{escape(p)}</p>" for p in spec.paragraphs)
        + table
    )
    return renderer.render(document_html(body, title=spec.heading or spec.name))


def _docx(spec, office):
    from docx import Document
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "TH Sarabun New"
    style.font.size = Pt(16)
    document.add_paragraph(office.name_th)
    document.add_heading(spec.heading or spec.title or spec.name, level=1)
    for paragraph in spec.paragraphs:
        document.add_paragraph(paragraph)
    if spec.rows:
        table = document.add_table(rows=0, cols=len(spec.rows[0]))
        table.style = "Table Grid"
        for row in spec.rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row):
                cell.text = str(value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx(spec, office):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = (spec.heading or "ข้อมูล")[:31]
    sheet.append([office.name_th])
    sheet.append([spec.heading or spec.title])
    for index, row in enumerate(spec.rows):
        sheet.append(list(row))
        if index == 0:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _image(spec, ext):
    from PIL import Image, ImageDraw

    palettes = [
        ((126, 190, 230), (74, 140, 90), (240, 200, 120)),
        ((250, 210, 160), (120, 160, 80), (200, 90, 60)),
        ((180, 220, 240), (60, 120, 150), (250, 250, 250)),
        ((220, 230, 200), (90, 110, 70), (230, 120, 140)),
    ]
    sky, ground, accent = palettes[spec.scene % len(palettes)]
    width, height = 1600, 1066
    image = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    for i in range(height // 2):
        shade = tuple(min(255, c + i // 8) for c in sky)
        draw.line([(0, i), (width, i)], fill=shade)
    draw.polygon([(0, 560), (400, 300 + spec.scene * 10), (800, 560)], fill=tuple(c - 30 for c in ground))
    draw.polygon([(500, 560), (1100, 250), (1600, 560)], fill=tuple(max(0, c - 50) for c in ground))
    draw.rectangle([0, 560, width, height], fill=ground)
    for n in range(7):  # people at an activity
        x = 260 + n * 170
        draw.ellipse([x, 600, x + 70, 670], fill=(240, 200, 170))
        draw.rectangle([x - 10, 670, x + 80, 860], fill=accent if n % 2 else (255, 255, 255))
    draw.rectangle([200, 880, 1400, 960], fill=(255, 255, 255))
    out = io.BytesIO()
    if ext == "jpg":
        image.save(out, "JPEG", quality=85)
    else:
        image.save(out, "PNG")
    return out.getvalue()
