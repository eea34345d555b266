"""PDF and Word are set on the same page: A4, the Thai official-letter margins, TH Sarabun-style 16 pt body.

The PDF's margins are measured, not read from the CSS: the request form's own HTML gets a black box fixed over
its page area (a fixed box fills the page area on every printed page), the page is drawn at 72 dpi (a pixel is a
point) and the box's edges are the margins.
"""

import io
import subprocess
import tempfile
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image

from khaosan.documents import docx as word
from khaosan.documents.page import A4_OFFICIAL
from khaosan.documents.pdf import BASE_CSS
from khaosan.workflow import documents
from tests.workflow.test_documents import make_request, people  # noqa: F401  (fixtures)

POINTS_PER_CM = 72 / 2.54
PAGE_AREA_BOX = '<div style="position: fixed; inset: 0; background: #000"></div>'


def page_area_margins(pdf):
    """(top, right, bottom, left) in cm of the black page-area box on the first page of `pdf`."""
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/page.pdf"
        with open(path, "wb") as out:
            out.write(pdf)
        subprocess.run(["pdftoppm", "-r", "72", "-gray", "-png", "-f", "1", "-l", "1", path, f"{folder}/p"], check=True)
        image = Image.open(f"{folder}/p-1.png").point(lambda value: 255 if value < 128 else 0)
        left, top, right, bottom = image.getbbox()
        width, height = image.size
    return tuple(round(value / POINTS_PER_CM, 2) for value in (top, width - right, height - bottom, left))


def docx_margins(section):
    return tuple(round(value.cm, 2) for value in (section.top_margin, section.right_margin,
                                                   section.bottom_margin, section.left_margin))  # fmt: skip


@pytest.mark.browser
def test_word_form_has_the_page_size_and_margins_of_the_pdf_form(office, people, chromium):
    pub_request = make_request(office, people, "รายงานผลการดำเนินงานประจำปีงบประมาณ")
    html = documents.request_form_html(pub_request).replace("</body>", PAGE_AREA_BOX + "</body>")

    pdf_margins = page_area_margins(chromium.render(html))
    section = docx.Document(io.BytesIO(documents.request_form_docx(pub_request))).sections[0]

    official = (A4_OFFICIAL.top, A4_OFFICIAL.right, A4_OFFICIAL.bottom, A4_OFFICIAL.left)
    assert official == (2.5, 2.0, 2.0, 3.0)
    assert docx_margins(section) == official
    assert all(abs(measured - expected) <= 0.04 for measured, expected in zip(pdf_margins, official, strict=True)), (
        pdf_margins
    )
    assert (round(section.page_width.cm, 2), round(section.page_height.cm, 2)) == (21.0, 29.7)


def test_the_page_rule_is_the_shared_one_everywhere():
    assert A4_OFFICIAL.css in BASE_CSS
    assert "@page" not in documents.form_css()  # the form does not set a page of its own


def test_word_documents_are_set_in_th_sarabun_new_16_pt_with_sarabun_named_as_its_alternative(office, people):
    data = documents.request_form_docx(make_request(office, people))

    document = docx.Document(io.BytesIO(data))
    for style in ("Normal", "Table Grid"):
        rpr = document.styles[style].element.rPr
        fonts = rpr.find(qn("w:rFonts"))
        assert {fonts.get(qn(slot)) for slot in word.FONT_SLOTS} == {"TH Sarabun New"}, style
        assert rpr.find(qn("w:sz")).get(qn("w:val")) == rpr.find(qn("w:szCs")).get(qn("w:val")) == "32", style
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == fonts.get(qn("w:hAnsi")) == "TH Sarabun New"
    assert not any(fonts.get(qn(slot)) for slot in word.THEME_SLOTS)  # a theme font would win over the name
    assert defaults.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"
    font_table = zipfile.ZipFile(io.BytesIO(data)).read("word/fontTable.xml").decode()
    assert '<w:font w:name="TH Sarabun New"><w:altName w:val="Sarabun"/><w:charset w:val="DE"/>' in font_table
    assert all(run.font.name == "TH Sarabun New" for p in document.paragraphs for run in p.runs)


def test_word_form_keeps_rows_whole_repeats_the_head_and_fixes_its_columns(office, people):
    from khaosan.workflow import services as wf

    pub_request = make_request(office, people)
    wf.request_submit(pub_request=pub_request, actor=people["requester"])

    fields, decisions, signatures = docx.Document(io.BytesIO(documents.request_form_docx(pub_request))).tables

    for table in (fields, decisions):
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    assert decisions.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    for table in (fields, decisions, signatures):  # the grid LibreOffice lays out by fills the text width
        grid = [int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert abs(sum(grid) / 567 - A4_OFFICIAL.text_width) < 0.05, grid
