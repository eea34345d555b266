"""Word documents set like the PDFs: the page of `documents.page`, TH Sarabun New 16 pt, Thai in every font slot.

`new_document()` gives a python-docx Document on A4 with the Thai official-letter margins (the numbers the PDF's
@page rule is made from), its default, Normal and Table Grid fonts set to TH Sarabun New 16 pt for Latin
(ascii, hAnsi), East Asian and complex script (cs, where Word takes Thai from) alike, language th-TH. The font
table names Sarabun as the alternative, so a machine without TH Sarabun New (LibreOffice on Linux) picks the
same design. `add_run`, `borderless`, `set_column_widths`, `keep_rows_whole` and `page_number_footer` are the
small pieces every form needs.
"""

import io

from khaosan.documents.page import A4_OFFICIAL, BODY_FONT_SIZE_PT, DOCX_FONT

FALLBACK_FONT = "Sarabun"
FOOTER_DISTANCE_CM = 0.5  # the foot of the page number line, as in the PDFs (page_stamps.css)
FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")

# The order CT_RPr requires (ECMA-376 §17.3.2.28): Word refuses a document whose run properties are out of order.
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position",
    "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
    "eastAsianLayout", "specVanish", "oMath",
)  # fmt: skip

# The font table entries: Thai charset (DE) and code page 874 / the Thai Unicode range in the signature, so
# Word and LibreOffice know the fonts cover Thai; altName points a machine without TH Sarabun New to Sarabun.
FONT_TABLE_ENTRY = (
    '<w:font xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:name="{name}">'
    '{alt}<w:charset w:val="DE"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>'
    '<w:sig w:usb0="01000003" w:usb1="00000000" w:usb2="00000000" w:usb3="00000000" w:csb0="00010001" '
    'w:csb1="00000000"/></w:font>'
)


def set_run_font(rpr, *, size=None, bold=None):
    """Name the Thai font in every slot of run properties `rpr`, and set size and bold for complex script too."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def child(tag):
        element = rpr.find(qn(f"w:{tag}"))
        if element is None:
            element = OxmlElement(f"w:{tag}")
            rpr.append(element)
        return element

    fonts = child("rFonts")
    for slot in THEME_SLOTS:  # a theme font would win over the names
        fonts.attrib.pop(qn(slot), None)
    for slot in FONT_SLOTS:
        fonts.set(qn(slot), DOCX_FONT)
    if bold is not None:
        for tag in ("b", "bCs"):
            child(tag).set(qn("w:val"), "1" if bold else "0")
    if size is not None:
        for tag in ("sz", "szCs"):
            child(tag).set(qn("w:val"), str(int(size * 2)))
    lang = child("lang")
    lang.set(qn("w:val"), "th-TH")
    lang.set(qn("w:eastAsia"), "th-TH")
    lang.set(qn("w:bidi"), "th-TH")
    rank = {qn(f"w:{tag}"): index for index, tag in enumerate(RPR_ORDER)}
    for element in sorted(rpr, key=lambda e: rank.get(e.tag, len(rank))):
        rpr.append(element)  # appending an existing child moves it: the children end up in schema order


def set_style_font(style, size):
    """Set a paragraph or table style to the Thai font at `size` points, black."""
    from docx.shared import Pt, RGBColor

    style.font.name = DOCX_FONT
    style.font.size = Pt(size)
    style.font.color.rgb = RGBColor(0, 0, 0)
    set_run_font(style.element.get_or_add_rPr(), size=size)


def add_run(paragraph, text, *, bold=False, size=None):
    """Add `text` to `paragraph` in the Thai font (bold and size for Latin and Thai alike)."""
    run = paragraph.add_run(text)
    set_run_font(run._r.get_or_add_rPr(), size=size, bold=bold or None)
    return run


def borderless(table):
    """Take every border off `table` (a signature block laid out in columns)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    following = [properties.find(qn(f"w:{tag}")) for tag in ("shd", "tblLayout", "tblCellMar", "tblLook")]
    following = [element for element in following if element is not None]
    if following:  # CT_TblPr is a sequence: tblBorders comes before these
        following[0].addprevious(borders)
    else:
        properties.append(borders)


def keep_rows_whole(table, *, header_rows=1):
    """Never split a row of `table` across pages, and repeat its first `header_rows` rows on each page (as the PDFs)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        tags = ["cantSplit"] + (["tblHeader"] if index < header_rows else [])
        for tag in tags:  # CT_TrPr: cantSplit comes before tblHeader
            if properties.find(qn(f"w:{tag}")) is None:
                properties.append(OxmlElement(f"w:{tag}"))


def set_column_widths(table, widths):
    """Fix the columns of `table` to `widths` (Length values): the grid and every cell, as Word and LibreOffice read.

    python-docx's cell.width sets only the cell; LibreOffice lays a table out by its grid (w:gridCol), which
    python-docx leaves at equal shares, so both are set, and the layout is fixed.
    """
    from docx.oxml.ns import qn

    table.autofit = False
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths, strict=False):
        column.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def page_number_footer(section, note, *, size=10):
    """'<note>    หน้า x/y' in the page footer of `section`, with Word's PAGE and NUMPAGES fields."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]

    def page_field(instruction):
        element = OxmlElement("w:fldSimple")
        element.set(qn("w:instr"), instruction)
        run = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        set_run_font(properties, size=size)
        run.append(properties)
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        element.append(run)
        paragraph._p.append(element)

    add_run(paragraph, f"{note}    หน้า ", size=size)
    page_field("PAGE")
    add_run(paragraph, "/", size=size)
    page_field("NUMPAGES")


def _set_defaults(document):
    """The document defaults (docDefaults): the Thai font and body size, not the template's theme fonts."""
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_run_font(rpr, size=BODY_FONT_SIZE_PT)


def _add_font_table_entries(document):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    part = document.part.part_related_by(RT.FONT_TABLE)
    root = etree.fromstring(part.blob)
    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    present = {font.get(f"{namespace}name") for font in root}
    entries = [(DOCX_FONT, f'<w:altName w:val="{FALLBACK_FONT}"/>'), (FALLBACK_FONT, "")]
    for name, alt in entries:
        if name not in present:
            root.append(etree.fromstring(FONT_TABLE_ENTRY.format(name=name, alt=alt)))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def new_document(*, page=A4_OFFICIAL):
    """Return a python-docx Document on `page` (A4, official-letter margins) in TH Sarabun New 16 pt."""
    from docx import Document
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(page.width), Cm(page.height)
    section.top_margin, section.bottom_margin = Cm(page.top), Cm(page.bottom)
    section.left_margin, section.right_margin = Cm(page.left), Cm(page.right)
    section.footer_distance = Cm(FOOTER_DISTANCE_CM)
    _set_defaults(document)
    _add_font_table_entries(document)
    for name in ("Normal", "Table Grid"):
        set_style_font(document.styles[name], BODY_FONT_SIZE_PT)
    document.styles["Normal"].paragraph_format.space_after = Pt(0)
    return document


def document_bytes(document):
    """The .docx file of `document`."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
