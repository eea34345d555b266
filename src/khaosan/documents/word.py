"""Word documents that Thai offices edit: TH Sarabun New (Sarabun where it is missing), 16 pt, Thai language.

Word takes the font of Thai text from the complex-script slot (`w:cs`) and its size from `w:szCs`, so
every run names the font in every slot and sets both sizes. The font table names Sarabun as the
alternative of TH Sarabun New, which LibreOffice and Word use on a machine without TH Sarabun New.
"""

import io
from dataclasses import dataclass

DOCX_FONT = "TH Sarabun New"
DOCX_FALLBACK_FONT = "Sarabun"
THAI_CHARSET = "DE"  # Windows code page 874 (Thai), as Word writes it for TH Sarabun New

# The order CT_RPr requires (ECMA-376 §17.3.2.28): Word refuses a document whose run properties are out of order.
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position",
    "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
    "eastAsianLayout", "specVanish", "oMath",
)  # fmt: skip


@dataclass(frozen=True)
class Margins:
    """Page margins in centimetres, for a PDF's @page rule and a Word section alike."""

    top: float
    right: float
    bottom: float
    left: float

    @property
    def css(self):
        return f"{self.top}cm {self.right}cm {self.bottom}cm {self.left}cm"

    def apply(self, section):
        """Set A4 and these margins on a python-docx section."""
        from docx.shared import Cm

        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin, section.right_margin = Cm(self.top), Cm(self.right)
        section.bottom_margin, section.left_margin = Cm(self.bottom), Cm(self.left)


def set_run_font(rpr, *, size=None, bold=None):
    """Name the Thai font in every slot (Word takes Thai from `cs`), and set size/bold for complex script too."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def child(tag):
        element = rpr.find(qn(f"w:{tag}"))
        if element is None:
            element = OxmlElement(f"w:{tag}")
            rpr.append(element)
        return element

    fonts = child("rFonts")
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), DOCX_FONT)
    if bold is not None:
        for tag in ("b", "bCs"):
            child(tag).set(qn("w:val"), "1" if bold else "0")
    if size is not None:
        for tag in ("sz", "szCs"):
            child(tag).set(qn("w:val"), str(int(size * 2)))
    lang = child("lang")
    lang.set(qn("w:val"), "th-TH")
    lang.set(qn("w:bidi"), "th-TH")
    rank = {qn(f"w:{tag}"): index for index, tag in enumerate(RPR_ORDER)}
    for element in sorted(rpr, key=lambda e: rank.get(e.tag, len(rank))):
        rpr.append(element)  # appending an existing child moves it: the children end up in schema order


def style(docx_style, size):
    """Give a document style the Thai font at `size` points, in black."""
    from docx.shared import Pt, RGBColor

    docx_style.font.name = DOCX_FONT
    docx_style.font.size = Pt(size)
    docx_style.font.color.rgb = RGBColor(0, 0, 0)
    set_run_font(docx_style.element.get_or_add_rPr(), size=size)


def run(paragraph, text, *, bold=False, size=None):
    """Add a run of Thai text to `paragraph`."""
    added = paragraph.add_run(text)
    set_run_font(added._r.get_or_add_rPr(), size=size, bold=bold or None)
    return added


def borderless(table):
    """Remove every border of `table` (signature blocks)."""
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


def _row_property(row, tag):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    if properties.find(qn(f"w:{tag}")) is None:
        properties.append(OxmlElement(f"w:{tag}"))


def keep_row_together(row):
    """A table row is never split across two pages (w:cantSplit)."""
    _row_property(row, "cantSplit")


def repeat_header(row):
    """The row is repeated at the top of every page the table runs onto (w:tblHeader)."""
    _row_property(row, "cantSplit")
    _row_property(row, "tblHeader")


def page_number_footer(section, note):
    """'<note>    หน้า x/y' in the page footer, with Word's PAGE and NUMPAGES fields."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]

    def page_field(instruction):
        element = OxmlElement("w:fldSimple")
        element.set(qn("w:instr"), instruction)
        field_run = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        set_run_font(properties, size=10)
        field_run.append(properties)
        text = OxmlElement("w:t")
        text.text = "1"
        field_run.append(text)
        element.append(field_run)
        paragraph._p.append(element)

    run(paragraph, f"{note}    หน้า ", size=10)
    page_field("PAGE")
    run(paragraph, "/", size=10)
    page_field("NUMPAGES")


def name_fallback_font(document):
    """Declare TH Sarabun New in the font table with Sarabun as its alternative name (`w:altName`).

    A reader without TH Sarabun New then sets the text in Sarabun, the same design, rather than in
    whatever font the machine picks for Thai.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    parts = [rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FONT_TABLE]
    if not parts:
        return
    part = parts[0]
    root = etree.fromstring(part.blob)
    for font in root.findall(f"{{{w}}}font"):
        if font.get(f"{{{w}}}name") == DOCX_FONT:
            root.remove(font)
    font = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": DOCX_FONT})
    etree.SubElement(font, f"{{{w}}}altName", {f"{{{w}}}val": DOCX_FALLBACK_FONT})
    etree.SubElement(font, f"{{{w}}}charset", {f"{{{w}}}val": THAI_CHARSET})
    etree.SubElement(font, f"{{{w}}}family", {f"{{{w}}}val": "swiss"})
    etree.SubElement(font, f"{{{w}}}pitch", {f"{{{w}}}val": "variable"})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def thai_document(*, margins, body_size=16):
    """A new A4 document with `margins`, its Normal and Table Grid styles in the Thai font at `body_size`."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    margins.apply(document.sections[0])
    style(document.styles["Normal"], body_size)
    style(document.styles["Table Grid"], body_size)
    document.styles["Normal"].paragraph_format.space_after = Pt(0)
    name_fallback_font(document)
    return document


def docx_bytes(document):
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
