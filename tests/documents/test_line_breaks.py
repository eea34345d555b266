"""Every PDF breaks its lines only between words (PyThaiNLP's), never inside a number, date or request number.

Each kind of PDF is rendered and its line ends, read back with poppler (tests/documents/lines.py), are checked
against the word boundaries of the source it was made from; a table of long words in narrow columns and the
same check on a document rendered without the word marks show that the check finds what it should.
"""

import io
import logging
import re
import zipfile

import pytest
from pypdf import PdfReader

from khaosan.documents import linebreak
from khaosan.documents.page import A4_OFFICIAL
from khaosan.documents.pdf import document_html
from khaosan.workflow import documents
from tests.documents.lines import junctions, mid_word_breaks, pdf_fragments, source_text
from tests.workflow.test_documents import full_flow, people, site, year_of_requests  # noqa: F401  (fixtures)

LONG_WORDS = [
    "พระราชบัญญัติ", "ผู้บริหาร", "โรงพยาบาล", "งบประมาณ", "สำนักงาน", "คอมพิวเตอร์", "ประชาสัมพันธ์",
    "ยุทธศาสตร์", "สาธารณสุข", "อิเล็กทรอนิกส์", "ผู้รับผิดชอบ", "ปฏิบัติการ", "ตัวชี้วัด", "น้ำประปา",
]  # fmt: skip
KEPT_WHOLE = ["10/2570", "1 ต.ค. 2569", "15:45 น.", "3,500.50", "พ.ศ. 2569", "30 กันยายน 2570"]
TITLE = (
    "ประกาศผลการจัดซื้อน้ำดื่มตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ งบประมาณ 2569 "
    "ของโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านหลวง คำขอเลขที่ 10/2570 ลงวันที่ 1 ต.ค. 2569"
)


def stress_table(rows=40, columns=6):
    """A table of narrow columns full of long Thai words, numbers and dates, long enough for three pages."""
    head = "".join(f"<th>คอลัมน์ที่ {c + 1}</th>" for c in range(columns))
    body = []
    for r in range(rows):
        cells = []
        for c in range(columns):
            words = [LONG_WORDS[(r * 3 + c * 5 + k) % len(LONG_WORDS)] for k in range(2 + (r + c) % 3)]
            words.insert((r + c) % 2, KEPT_WHOLE[(r + c) % len(KEPT_WHOLE)])
            text = "".join(words) if c % 2 else " ".join(words)
            if c == 0:
                text = f"R{r:03d} {text}"
            if c == columns - 1:
                text = f"{text} E{r:03d}"
            cells.append(f"<td>{text}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    table = f"<table class='stress'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    return document_html(f"<h1>ตารางทดสอบการตัดบรรทัด</h1>{table}", extra_css=".stress { font-size: 13pt; }")


def page_of(pages, marker):
    return next(index for index, text in enumerate(pages) if marker in text)


# ------------------------------------------------------------------------------------------------ the marks


def test_thai_is_marked_by_words_and_numbers_dates_are_kept_whole():
    html = linebreak.thai_line_breaks("<p>ผู้บริหารโรงพยาบาล คำขอเลขที่ 10/2570 ลงวันที่ 1 ต.ค. 2569 เวลา 15:45 น.</p>")

    assert (
        '<p><span class="thw">ผู้บริหาร</span><wbr><span class="thw">โรงพยาบาล</span> '
        '<span class="thw">คำขอ</span><wbr><span class="thw">เลขที่</span> <span class="nobr">10/2570</span> '
        '<span class="thw">ลงวันที่</span> <span class="nobr">1 ต.ค. 2569</span> '
        '<span class="thw">เวลา</span> <span class="nobr">15:45 น.</span></p>'
    ) in html
    assert html.startswith('<style id="thai-line-breaks">')


def test_markup_addresses_and_raw_text_are_left_as_they_are():
    source = (
        "<!doctype html><html lang='th'><head><title>รายงานผลการดำเนินงาน</title>"
        "<style>.a::after { content: 'ผู้บริหาร 10/2570'; }</style></head><body>"
        "<a href='https://example.go.th/ข่าว/2569/10' title=\"ผู้บริหาร > โรงพยาบาล\">ข่าว</a>"
        "<span class='x url'>https://example.go.th/ผู้บริหาร/2569</span>"
        "<pre>โรงพยาบาล 10/2570</pre><svg><text>งบประมาณ</text></svg>"
        "<p>&lt;script&gt; &#3614;&amp; ต่างๆ กรุงเทพฯ ดู https://example.go.th/2569/10/ ด้วย</p></body></html>"
    )

    html = linebreak.thai_line_breaks(source)

    for untouched in (
        "<title>รายงานผลการดำเนินงาน</title>", "content: 'ผู้บริหาร 10/2570';",
        "<a href='https://example.go.th/ข่าว/2569/10' title=\"ผู้บริหาร > โรงพยาบาล\">",
        "<span class='x url'>https://example.go.th/ผู้บริหาร/2569</span>", "<pre>โรงพยาบาล 10/2570</pre>",
        "<svg><text>งบประมาณ</text></svg>", "&lt;script&gt; &#3614;&amp; ", " https://example.go.th/2569/10/ ",
    ):  # fmt: skip
        assert untouched in html, untouched
    assert '<span class="thw">ต่างๆ</span>' in html and '<span class="thw">กรุงเทพฯ</span>' in html
    assert html.index('<style id="thai-line-breaks">') < html.index("</head>")
    assert source_text(html) == source_text(source)  # not one character added or lost


# ------------------------------------------------------------------------------------------------ the PDFs


@pytest.mark.browser
def test_the_check_finds_breaks_inside_words_when_the_words_are_not_marked(chromium):
    html = stress_table(rows=6)

    data = chromium.render(html, line_breaks=False)  # Chromium's own (ICU) line breaking

    wrong = mid_word_breaks(data, html)
    assert len(wrong) >= 10, [str(j) for j in wrong]


@pytest.mark.browser
def test_a_table_of_long_words_in_narrow_columns_breaks_only_between_words(chromium, caplog):
    html = stress_table()

    with caplog.at_level(logging.WARNING, logger="khaosan.documents.pdf"):
        data = chromium.render(html)

    assert len(list(junctions(data))) > 250  # the columns are narrow: many lines end in each cell
    assert mid_word_breaks(data, html) == []
    assert not caplog.records  # no word was too wide for its column
    right_edge = (A4_OFFICIAL.width - A4_OFFICIAL.right) / 2.54 * 72
    assert max(fragment.x1 for fragment in pdf_fragments(data)) < right_edge  # the table fits the page
    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 3
    for row in range(40):  # a row is never split across pages
        assert page_of(pages, f"R{row:03d}") == page_of(pages, f"E{row:03d}"), row
    assert all("คอลัมน์ที่ 1" in text for text in pages)  # the head of the table repeats on each page
    for kept in KEPT_WHOLE:
        assert any(kept in re.sub(r"\s+", " ", text) for text in pages), kept


@pytest.mark.browser
def test_request_form_breaks_lines_only_between_words(office, people, site, renderer):
    pub_request = full_flow(
        office, people, TITLE, summary="สรุปผลการจัดซื้อจัดจ้างของสำนักงานสาธารณสุขอำเภอตามยุทธศาสตร์และตัวชี้วัด"
    )

    data = documents.request_form_pdf(pub_request, renderer=renderer)

    assert len(list(junctions(data))) > 60
    assert mid_word_breaks(data, *renderer.sources) == []


@pytest.mark.browser
def test_fiscal_year_bundle_and_its_zip_break_lines_only_between_words(office, year_of_requests, renderer):
    this_year, requests, _old = year_of_requests

    bundle = documents.forms_bundle_pdf(office, this_year, renderer=renderer)
    archive = zipfile.ZipFile(io.BytesIO(documents.forms_bundle_zip(office, this_year, renderer=renderer)))

    assert len(list(junctions(bundle))) > 100
    assert mid_word_breaks(bundle, *renderer.sources) == []
    forms = [name for name in archive.namelist() if name.endswith(".pdf") and "-memo-" not in name]
    assert len(forms) == len(requests)
    for name in forms:
        assert mid_word_breaks(archive.read(name), *renderer.sources) == [], name
