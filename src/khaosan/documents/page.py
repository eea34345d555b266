"""The page every khaosan document is set on, PDF and Word alike: A4 with the margins of a Thai official letter.

The margins follow the standard for typing Thai official documents on a computer (คำแนะนำและแบบมาตรฐานการพิมพ์
หนังสือราชการภาษาไทยด้วยโปรแกรมการพิมพ์ในเครื่องคอมพิวเตอร์, the guidance under ระเบียบสำนักนายกรัฐมนตรีว่าด้วย
งานสารบรรณ (ฉบับที่ 2) พ.ศ. 2548), item 1.1: left margin 3 cm, right margin 2 cm. The guidance sets no top or
bottom margin for plain pages (the Garuda of a letter sits 1.5 cm below the top edge); offices use 2.5 cm at the
top and 2 cm at the bottom, and so do we. The body is 16 pt in TH Sarabun style (Sarabun in PDFs).

The PDF CSS (`documents.pdf.BASE_CSS`) and the Word helper (`documents.docx.new_document`) both read these
numbers, so a form printed from either lands in the same place on the paper.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """A paper size and its margins, in centimetres."""

    width: float
    height: float
    top: float
    right: float
    bottom: float
    left: float

    @property
    def css(self):
        """The CSS @page rule for this page."""
        return f"@page {{ size: {self.width}cm {self.height}cm; margin: {self.margins_css}; }}"

    @property
    def margins_css(self):
        return f"{self.top}cm {self.right}cm {self.bottom}cm {self.left}cm"

    @property
    def text_width(self):
        return round(self.width - self.left - self.right, 3)


A4_OFFICIAL = Page(width=21.0, height=29.7, top=2.5, right=2.0, bottom=2.0, left=3.0)
BODY_FONT_SIZE_PT = 16  # TH Sarabun-style body of Thai official documents
DOCX_FONT = "TH Sarabun New"  # the font Thai government offices have; Word falls back to Sarabun (docx.py)
