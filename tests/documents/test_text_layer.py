"""The text layer of every PDF extracts to exactly the source, with pypdf and with poppler (pdftotext).

Words with SARA AM (ำ, drawn as two glyphs), ฤ and ฤๅ, stacked and moved tone marks (ปั๊ม, ผู้ใหญ่), letters
drawn without their descender (กตัญญู) — in a paragraph, a table cell, bold and italic. Compared as they are:
no NFKC, no invisible character.
"""

import io
import re
import subprocess
import tempfile

import pytest
from pypdf import PdfReader

from khaosan.documents import textlayer
from khaosan.documents.pdf import document_html
from khaosan.workflow import documents
from tests.workflow.test_documents import full_flow, people, site  # noqa: F401  (fixtures)

WORDS = (
    "สำนักงาน กำหนด น้ำ ค่ำ ซ้ำ ล้ำ ปล้ำ กำปั้น อำเภอ ฤดู ฤๅษี ฦๅ อังกฤษ ปั๊ม กั้น ปั้น ป้าย ฝั่ง ฟ้า ปี่ ผู้ใหญ่ "
    "ญี่ปุ่น กตัญญู ฐิติ ฎีกา ปฏิบัติ กีฬา จุฬาลงกรณ์ กรุงเทพฯ ต่างๆ เว็บไซต์ ที่นี่ ชื่อ ๑๐/๒๕๗๐ 10/2570 Sarabun"
).split()
INVISIBLE = re.compile("[\u00ad\u034f\u200b-\u200f\u2060-\u2064\ufeff]")


def pypdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def poppler_text(data, *options):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", *options, pdf.name, "-"], capture_output=True, check=True, text=True
        ).stdout


def extractions(data):
    return {
        "pypdf": pypdf_text(data),
        "pdftotext": poppler_text(data),
        "pdftotext -layout": poppler_text(data, "-layout"),
        "pdftotext -raw": poppler_text(data, "-raw"),
    }


def words_html():
    line = " ".join(WORDS)
    return document_html(
        f"<p>{line}</p><table><tr><td>{line}</td><td><b>{line}</b></td></tr></table><p><i>{line}</i></p>"
    )


@pytest.mark.browser
def test_words_with_sara_am_ru_and_stacked_marks_extract_exactly(chromium):
    data = chromium.render(words_html())

    for extractor, text in extractions(data).items():
        if extractor == "pdftotext -layout":  # the table's two cells side by side: lines of both interleave
            assert sorted(text.split()) == sorted(WORDS * 4), extractor
        else:
            assert text.split() == WORDS * 4, extractor
        assert not INVISIBLE.search(text), extractor


@pytest.mark.browser
def test_chromium_alone_gives_sara_am_decomposed_and_splits_words_at_moved_marks(chromium):
    """What the repair is for: the same document without it."""
    data = chromium.render(words_html(), repair_text=False)

    assert "สํานักงาน" in pypdf_text(data)  # NIKHAHIT + SARA AA
    assert "ปั๊ ม" in poppler_text(data)  # a space inside the word


@pytest.mark.browser
def test_request_form_text_extracts_exactly(office, people, site, chromium):
    pub_request = full_flow(office, people, "ประกาศกำหนดการจ่ายน้ำประปา ฤดูแล้ง ปั๊มน้ำ ผู้ใหญ่บ้าน")

    data = documents.request_form_pdf(pub_request, renderer=chromium)

    expected = [
        documents.FORM_TITLE, documents.FORM_SUBTITLE, pub_request.office.name_th, pub_request.title,
        "การดำเนินการและผลการพิจารณาตามลำดับขั้น", documents.SIGN_APPROVER, "(ลงชื่อ)",
    ]  # fmt: skip
    for extractor, text in extractions(data).items():
        flat = re.sub(r"\s+", "", text)
        missing = [phrase for phrase in expected if re.sub(r"\s+", "", phrase) not in flat]
        assert not missing, (extractor, missing)
        assert "\u0e4d" not in text, extractor  # no NIKHAHIT left of a ำ


# ------------------------------------------------------------------------------------------------ pieces


def test_tounicode_cmap_is_read_and_written_back_with_empty_and_ranged_entries():
    data = b"2 beginbfchar\n<0003> <0020>\n<02F8> <0E4D>\nendbfchar\n1 beginbfrange\n<01D0> <01D2> <0E1B>\nendbfrange\n"
    codes, width = textlayer.parse_cmap(data)
    assert width == 2
    assert codes == {0x0003: " ", 0x02F8: "\u0e4d", 0x01D0: "ป", 0x01D1: "ผ", 0x01D2: "ฝ"}

    written = textlayer.cmap_stream_data({0x02F8: "", 0x01E8: "ำ"})

    assert b"<02F8> <>" in written and b"<01E8> <0E33>" in written
    assert textlayer.parse_cmap(written)[0] == {0x02F8: "", 0x01E8: "ำ"}


def test_content_stream_of_other_shapes_is_read_and_an_inline_image_is_not():
    ops = textlayer.tokenize(b"BT\n/F1 12 Tf [(A) -20 (B)] TJ\n0 0 1 rg 1 0 0 1 5 5 Tm <0041> Tj\nET\n")
    assert [op.name for op in ops] == [b"BT", b"Tf", b"TJ", b"rg", b"Tm", b"Tj", b"ET"]

    with pytest.raises(textlayer.Unreadable):
        textlayer.tokenize(b"q BI /W 1 /H 1 ID \x00 EI Q\n")
