"""The personal-data check before publishing (OIA s.9 para 2, PDPA; PDPA-9 / OIA-9.9). No database needed."""

import io

import docx
import openpyxl
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from pypdf import PdfReader, PdfWriter

from khaosan.workflow import redaction
from khaosan.workflow.redaction import (
    CHECKED,
    NOT_CHECKED,
    PARTLY_CHECKED,
    Finding,
    RedactionReport,
    Source,
    Unchecked,
    is_valid_thai_id,
    scan,
)

VALID_ID = "1234567890121"  # weights 13..2 give 352; (11 - 352 % 11) % 10 = 1


def found(text, **options):
    """(kind, masked text) of everything found in one plain text."""
    return [(f.kind, f.text) for f in scan(texts=[("เนื้อหา", text)], **options).findings]


def with_check_digit(first12):
    return first12 + str((11 - sum(int(d) * (13 - i) for i, d in enumerate(first12)) % 11) % 10)


# --- National ID ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        (VALID_ID, True),
        ("1234567890122", False),  # wrong check digit
        ("3100600123456", False),
        ("1-2345-67890-12-1", True),
        ("๑๒๓๔๕๖๗๘๙๐๑๒๑", True),
        ("123456789012", False),  # 12 digits
        ("12345678901210", False),  # 14 digits
        ("1234567890l21", False),
    ],
)
def test_id_check_digit(digits, valid):
    assert is_valid_thai_id(digits) is valid


def test_check_digit_ten_wraps_to_zero():
    first12 = next(f"1{n:011d}" for n in range(100) if with_check_digit(f"1{n:011d}").endswith("0"))
    assert is_valid_thai_id(first12 + "0") and not is_valid_thai_id(first12 + "1")


@pytest.mark.parametrize(
    ("written", "masked"),
    [
        ("1234567890121", "1xxxxxxxxx121"),
        ("1-2345-67890-12-1", "1-xxxx-xxxxx-12-1"),
        ("1 2345 67890 12 1", "1 xxxx xxxxx 12 1"),
        ("๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑", "1-xxxx-xxxxx-12-1"),
        ("１２３４５６７８９０１２１", "1xxxxxxxxx121"),  # fullwidth digits, NFKC
    ],
)
def test_ids_in_every_written_form_are_found_and_masked(written, masked):
    assert found(f"นายสมชาย เลขประจำตัวประชาชน {written} อายุ 45 ปี") == [("national_id", masked)]


def test_ids_with_invalid_check_digit_or_inside_longer_runs_are_not_reported():
    assert found("เลขที่อ้างอิง 1234567890122") == []
    assert found(f"บัญชี {VALID_ID}999 และ 99{VALID_ID}") == []  # 16 and 15 digits


def test_id_is_found_after_a_number_in_the_previous_column():
    assert found(f"1 {VALID_ID}") == [("national_id", "1xxxxxxxxx121")]


def test_an_id_that_starts_like_a_phone_is_reported_once_as_an_id():
    mobile_like = with_check_digit("081234567890")
    assert found(f"เลขบัตร {mobile_like}") == [("national_id", "0xxxxxxxxx" + mobile_like[-3:])]
    assert found("ติดต่อ 0812345678@gmail.com") == [("email", "08***@gmail.com")]


# --- Phones -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "masked"),
    [
        ("0812345678", "08xxxx5678"),
        ("081-234-5678", "08x-xxx-5678"),
        ("081 234 5678", "08x xxx 5678"),
        ("08-1234-5678", "08-xxxx-5678"),
        ("๐๙๑-๒๓๔-๕๖๗๘", "09x-xxx-5678"),
        ("062-345-6789", "06x-xxx-6789"),
        ("02-123-4567", "02-xxx-4567"),
        ("0 2123 4567", "0 2xxx 4567"),
        ("(02) 123-4567", "(02) xxx-4567"),
        ("054-761234", "05x-xx1234"),
        ("0 5476 1234", "0 5xxx 1234"),
        ("+66 81 234 5678", "+66 8x xxx 5678"),
        ("+66 (0) 81 234 5678", "+66 (0) 8x xxx 5678"),
        ("+662 123 4567", "+662 xxx 4567"),
    ],
)
def test_phones_in_each_thai_form(written, masked):
    assert found(f"ติดต่อคุณสมศรี โทร. {written} ในวันราชการ") == [("phone", masked)]


def test_phone_with_a_range_suffix_is_still_found():
    assert found("โทร 02-123-4567-8") == [("phone", "02-xxx-4567")]


@pytest.mark.parametrize(
    "text",
    [
        "ประกาศ ณ วันที่ 25/11/2569",
        "ประกาศ ณ วันที่ 02 11 2569",
        "วันที่ ๒๕/๑๑/๒๕๖๙",
        "งบประมาณ 1,234,567 บาท",
        "งบประมาณ 0.81 ล้านบาท",
        "ปีงบประมาณ 2569 ถึง 2570",
        "ที่ นน 0032.10/ว 123",
        "ที่ มท 0808.3/ว 1234 ลงวันที่ 5 ม.ค. 2569",
        "เวลา 08.30-16.30 น.",
        "บัญชีเลขที่ 1234-5678-9012-3456",
        "รหัสไปรษณีย์ 55000",
        "0123456789",  # 01 is no Thai prefix
        "พัสดุเลขที่ 10812345678",  # inside a longer digit run
        "<table><tr><td>0</td><td>2123 4567</td></tr></table>",  # neighbouring cells never join
    ],
)
def test_dates_money_years_and_document_numbers_are_not_phones(text):
    assert found(text) == []


# --- E-mail and the office's own contacts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "masked"),
    [
        ("somchai.j@example.com", "so***@example.com"),
        ("ab@mail.example.co.th", "a***@mail.example.co.th"),
        ("a@b.go.th", "a***@b.go.th"),
    ],
)
def test_emails_are_masked_to_their_first_letters(address, masked):
    assert found(f"ส่งถึง{address}.") == [("email", masked)]


def test_office_contacts_are_never_reported_whatever_their_formatting():
    allowed = ["โทร 0 5471 6000 ต่อ 101", "+66 81 000 1111", "Saraban@Nan.go.th", "0547-16001"]
    text = (
        "ติดต่อสำนักงาน 054-716000 หรือ 081-000-1111 หรือ 054716001 "
        "อีเมล saraban@nan.go.th ผู้ร้องเรียน 081-999-2222 somsri@gmail.com"
    )
    assert found(text, allowed=allowed) == [("phone", "08x-xxx-2222"), ("email", "so***@gmail.com")]


# --- Places and context -----------------------------------------------------------------------------------------------


def test_html_paragraphs_are_numbered_by_p_br_and_line_breaks():
    body = (
        "<p>ประกาศสำนักงาน</p>\n<p></p><p>ผู้ประสานงาน<br>โทร 081-234-5678</p>"
        "<ul><li>คนที่สอง</li></ul>ข้อความ\nอีกบรรทัด somsri@gmail.com"
        "<script>var tel='0899999999'</script>"
    )
    report = scan(texts=[("ชื่อเรื่อง", "ประกาศรับสมัคร 089-000-1234"), ("เนื้อหา", body)])
    assert [(f.place, f.text) for f in report.findings] == [
        ("ชื่อเรื่อง", "08x-xxx-1234"),
        ("เนื้อหา ย่อหน้าที่ 3", "08x-xxx-5678"),
        ("เนื้อหา ย่อหน้าที่ 6", "so***@gmail.com"),
    ]


def test_mailto_and_tel_link_targets_are_checked_too():
    report = scan(texts=[("เนื้อหา", '<p><a href="mailto:Somsri@gmail.com?subject=x">ส่งอีเมล</a></p>')])
    assert [(f.text, f.context) for f in report.findings] == [("So***@gmail.com", "ส่งอีเมล [ลิงก์ So***@gmail.com]")]
    same = scan(texts=[("เนื้อหา", '<p><a href="mailto:somsri@gmail.com">somsri@gmail.com</a></p>')])
    assert len(same.findings) == 1


def test_context_is_short_and_masks_every_match_in_it():
    text = "ก" * 50 + " ผู้แจ้ง 081-234-5678 หรือ 1-2345-67890-12-1 " + "ข" * 50
    first = scan(texts=[("เนื้อหา", text)]).findings[0]
    assert first.context.startswith("…") and first.context.endswith("…")
    assert "08x-xxx-5678" in first.context and "2345" not in first.context and "234-" not in first.context
    assert len(first.context) <= len(first.text) + 2 * redaction.CONTEXT_CHARS + 2


def test_context_shows_sara_am_as_typed_when_a_pdf_extracted_it_decomposed():
    finding = scan(texts=[("ไฟล์ ก.pdf หน้า 1", "ผู้นํา 081-234-5678")]).findings[0]  # NIKHAHIT + SARA AA
    assert finding.context == "ผู้นำ 08x-xxx-5678"


# --- Files ------------------------------------------------------------------------------------------------------------


def make_pdf(*pages):
    """A minimal PDF: each page is ASCII text in Helvetica, b"" for a blank page, or None for a scanned page.

    A scanned page draws a form that draws the image, as some PDF writers do, so the nested case is covered.
    """
    image = b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the pages are known
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        image + b" /Length 1 >>\nstream\n\x80\nendstream",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Im1 4 0 R >> >> /Length 7 >>"
        b"\nstream\n/Im1 Do\nendstream",
    ]
    kids = []
    for text in pages:
        if text is None:
            content, resources = b"q 500 0 0 700 40 60 cm /Fm1 Do Q", b"/XObject << /Fm1 5 0 R >>"
        else:
            content, resources = b"BT /F1 11 Tf 40 760 Td (%s) Tj ET" % text, b"/Font << /F1 3 0 R >>"
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << %s >> >>"
            % (len(objects), resources)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


TEXT_PAGE = b"Announcement of the district office, page with text only"


def test_pdf_text_is_checked_page_by_page():
    pdf = make_pdf(TEXT_PAGE, b"Applicant 1-2345-67890-12-1 tel 081-234-5678 somsri@gmail.com")
    report = scan(files=[("รายงาน.pdf", "pdf", pdf)])
    assert [(f.kind, f.place) for f in report.findings] == [
        ("national_id", "ไฟล์ รายงาน.pdf หน้า 2"),
        ("phone", "ไฟล์ รายงาน.pdf หน้า 2"),
        ("email", "ไฟล์ รายงาน.pdf หน้า 2"),
    ]
    assert report.unchecked == ()


@pytest.mark.parametrize("pages", [(None, None), (b"",)], ids=["image-only", "blank"])
def test_pdf_without_a_text_layer_is_not_checked_automatically(pages):
    report = scan(files=[("สแกน.pdf", "pdf", make_pdf(*pages))])
    assert report.unchecked == (Unchecked("สแกน.pdf", redaction.REASON_NO_TEXT_LAYER),)
    assert not report.clean


def test_a_pdf_with_a_short_text_layer_is_checked_not_taken_for_a_scan():
    report = scan(files=[("ประกาศ.pdf", "pdf", make_pdf(b"Notice 12/2569"))])
    assert report.clean and report.sources == (Source("ประกาศ.pdf", CHECKED),)
    report = scan(files=[("ติดต่อ.pdf", "pdf", make_pdf(b"tel 081-234-5678"))])
    assert [f.text for f in report.findings] == ["08x-xxx-5678"] and report.unchecked == ()
    assert report.sources == (Source("ติดต่อ.pdf", CHECKED, findings=1),)


def test_a_short_text_page_beside_text_pages_is_not_a_scanned_page():
    report = scan(files=[("คำสั่ง.pdf", "pdf", make_pdf(TEXT_PAGE, b"Page 2", b""))])
    assert report.complete and report.sources[0].status == CHECKED


def test_the_report_says_for_each_text_and_file_what_was_checked():
    report = scan(
        texts=[("ชื่อเรื่อง", "ประกาศรับสมัคร"), ("สรุป", "โทร 081-234-5678")],
        files=[
            ("ข้อความ.pdf", "pdf", make_pdf(TEXT_PAGE)),
            ("สแกน.pdf", "pdf", make_pdf(None)),
            ("ผสม.pdf", "pdf", make_pdf(TEXT_PAGE, None)),
            ("เสีย.pdf", "pdf", b"%PDF-1.4 broken"),
            ("ภาพ.jpg", "jpg", b""),
        ],
    )
    assert report.sources == (
        Source("ชื่อเรื่อง", CHECKED),
        Source("สรุป", CHECKED, findings=1),
        Source("ข้อความ.pdf", CHECKED),
        Source("สแกน.pdf", NOT_CHECKED, reason=redaction.REASON_NO_TEXT_LAYER),
        Source("ผสม.pdf", PARTLY_CHECKED, reason=redaction.REASON_SCANNED_PAGES.format(pages="2")),
        Source("เสีย.pdf", NOT_CHECKED, reason=redaction.REASON_UNREADABLE),
        Source("ภาพ.jpg", NOT_CHECKED, reason=redaction.REASON_IMAGE),
    )
    assert len(report.findings) == 1 and not report.complete
    assert report.names(NOT_CHECKED) == ["สแกน.pdf", "เสีย.pdf", "ภาพ.jpg"]


def test_scanned_pages_inside_a_text_pdf_are_listed():
    report = scan(files=[("ผสม.pdf", "pdf", make_pdf(TEXT_PAGE, None, None, b"", None))])
    assert report.findings == ()
    assert report.unchecked == (Unchecked("ผสม.pdf", redaction.REASON_SCANNED_PAGES.format(pages="2–3, 5")),)


def encrypted(pdf, user_password):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_encrypted_and_damaged_pdfs_are_not_checked_automatically():
    locked = encrypted(make_pdf(TEXT_PAGE), user_password="secret")
    report = scan(files=[("ลับ.pdf", "pdf", locked), ("เสีย.pdf", "pdf", b"%PDF-1.4 broken")])
    assert report.unchecked == (
        Unchecked("ลับ.pdf", redaction.REASON_ENCRYPTED),
        Unchecked("เสีย.pdf", redaction.REASON_UNREADABLE),
    )


def test_pdf_restricted_only_by_an_owner_password_is_read():
    pdf = encrypted(make_pdf(b"Contact somsri@gmail.com for the list of applicants"), user_password="")
    report = scan(files=[("ประกาศ.pdf", "pdf", pdf)])
    assert [f.text for f in report.findings] == ["so***@gmail.com"] and report.unchecked == ()


def test_a_scan_out_of_time_says_where_checking_stopped(monkeypatch):
    monkeypatch.setattr(redaction, "SCAN_SECONDS", 0)
    pdf = make_pdf(TEXT_PAGE, b"tel 081-234-5678 " + TEXT_PAGE)
    report = scan(files=[("ยาว.pdf", "pdf", pdf), ("ภาพ.jpg", "jpg", b"")])
    assert report.findings == ()
    assert report.unchecked == (
        Unchecked("ยาว.pdf", redaction.REASON_OUT_OF_TIME.format(place="ไฟล์ ยาว.pdf หน้า 1")),
        Unchecked("ภาพ.jpg", redaction.REASON_IMAGE),
    )


def test_docx_paragraphs_tables_and_headers():
    document = docx.Document()
    document.add_paragraph("คำสั่งอำเภอ")
    document.add_paragraph("")
    document.add_paragraph("ผู้ประสานงาน โทร ๐๘๑ ๒๓๔ ๕๖๗๘")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[1].cells, ["1", "นายสมชาย", "1-2345-67890-12-1"], strict=True):
        cell.text = text
    document.sections[0].header.paragraphs[0].text = "ติดต่อ somsri@gmail.com"
    content = io.BytesIO()
    document.save(content)
    report = scan(files=[("คำสั่ง.docx", "docx", content.getvalue())])
    assert [(f.kind, f.text, f.place) for f in report.findings] == [
        ("phone", "08x xxx 5678", "ไฟล์ คำสั่ง.docx ย่อหน้าที่ 2"),
        ("national_id", "1-xxxx-xxxxx-12-1", "ไฟล์ คำสั่ง.docx ตารางที่ 1 แถว 2"),
        ("email", "so***@gmail.com", "ไฟล์ คำสั่ง.docx หัวกระดาษ"),
    ]
    assert report.findings[1].context == "1 | นายสมชาย | 1-xxxx-xxxxx-12-1"


def test_docx_text_boxes_are_read_once():
    document = docx.Document()
    box = (
        '<w:r {w} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><wps:txbx><w:txbxContent><w:p><w:r><w:t>โทร 081-234-5678</w:t></w:r></w:p>'
        "</w:txbxContent></wps:txbx></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r>"
        "<w:t>โทร 081-234-5678</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    ).format(w=nsdecls("w"))
    document.add_paragraph("บันทึกข้อความ")._p.append(parse_xml(box))
    content = io.BytesIO()
    document.save(content)
    report = scan(files=[("บันทึก.docx", "docx", content.getvalue())])
    assert [(f.text, f.place) for f in report.findings] == [("08x-xxx-5678", "ไฟล์ บันทึก.docx กล่องข้อความ")]


def test_xlsx_cells_including_ids_typed_as_numbers(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet["A1"] = "รายชื่อผู้รับเงิน"
    sheet["C7"] = int(VALID_ID)
    sheet["D7"] = 812345678
    sheet["D7"].number_format = "0000000000"  # a phone typed as a number, shown with its leading 0
    sheet["E7"] = int(VALID_ID) + 0.5  # an amount, not an ID
    workbook.create_sheet("สรุป")["B2"] = "somsri@gmail.com"
    path = tmp_path / "งบ.xlsx"
    workbook.save(path)
    report = scan(files=[("งบ.xlsx", "xlsx", path)])
    assert [(f.kind, f.text, f.place) for f in report.findings] == [
        ("national_id", "1xxxxxxxxx121", "ไฟล์ งบ.xlsx แผ่นงาน Sheet1 เซลล์ C7"),
        ("phone", "08xxxx5678", "ไฟล์ งบ.xlsx แผ่นงาน Sheet1 เซลล์ D7"),
        ("email", "so***@gmail.com", "ไฟล์ งบ.xlsx แผ่นงาน สรุป เซลล์ B2"),
    ]


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("jpg", redaction.REASON_IMAGE),
        ("JPEG", redaction.REASON_IMAGE),
        ("png", redaction.REASON_IMAGE),
        ("zip", redaction.REASON_ARCHIVE),
        ("rar", redaction.REASON_ARCHIVE),
        ("doc", redaction.REASON_OLD_FORMAT.format(kind="doc")),
        ("xls", redaction.REASON_OLD_FORMAT.format(kind="xls")),
        ("txt", redaction.REASON_UNKNOWN_KIND),
        ("docx", redaction.REASON_UNREADABLE),  # not a zip at all
    ],
)
def test_files_that_cannot_be_read_are_listed_for_a_person(kind, reason):
    assert scan(files=[("แนบ", kind, b"PK\x03\x04 not really")]).unchecked == (Unchecked("แนบ", reason),)


def test_office_files_that_inflate_to_too_much_xml_are_refused(monkeypatch):
    monkeypatch.setattr(redaction, "MAX_XML_BYTES", 1000)
    content = io.BytesIO()
    docx.Document().save(content)
    report = scan(files=[("ใหญ่.docx", "docx", content.getvalue())])
    assert report.unchecked == (Unchecked("ใหญ่.docx", redaction.REASON_TOO_LARGE),)


def test_findings_are_capped_per_source_with_a_note(monkeypatch):
    monkeypatch.setattr(redaction, "MAX_FINDINGS_PER_SOURCE", 3)
    report = scan(texts=[("เนื้อหา", "\n".join(f"โทร 081-234-{n:04d}" for n in range(10)))])
    assert len(report.findings) == 3
    assert report.unchecked == (Unchecked("เนื้อหา", redaction.REASON_TOO_MANY.format(limit=3)),)


# --- clean ------------------------------------------------------------------------------------------------------------


def test_findings_and_limits_are_told_apart():
    only_limits = scan(files=[("สแกน.pdf", "pdf", make_pdf(None))])
    assert not only_limits.findings and not only_limits.complete and not only_limits.clean
    only_findings = scan(texts=[("สรุป", "โทร 081-234-5678")])
    assert only_findings.findings and only_findings.complete and not only_findings.clean


def test_clean_means_everything_read_and_nothing_found():
    assert scan(texts=[("เนื้อหา", "<p>ประกาศ โทร 0 5471 6000</p>")], allowed=["054716000"]).clean
    assert scan().clean
    finding = Finding(kind="phone", text="08x-xxx-5678", place="เนื้อหา", context="")
    assert not RedactionReport(findings=(finding,), unchecked=()).clean
    assert not RedactionReport(findings=(), unchecked=(Unchecked("a.jpg", redaction.REASON_IMAGE),)).clean
