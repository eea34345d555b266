"""Files of what is published: the same file under several items, scanned PDFs (ACC-4), OCR, the checks page."""

import datetime as dt

import pytest

from khaosan.catalog import search, selectors
from khaosan.catalog.services import item_withdraw
from khaosan.compliance import checks, ocr
from khaosan.compliance.models import OcrText, TextLayer
from tests.backoffice.conftest import verified_client
from tests.compliance.pdfs import make_pdf, scanned_pdf
from tests.conftest import pdf_bytes, upload

pytestmark = pytest.mark.django_db

NOTICE = b"Office closed 13-15 April"  # a one-line notice: 21 characters on the page, and real
LONG_TEXT = b"Announcement of the district public health office: the results of the integrity assessment"
SCAN_LINES = ["ประกาศสำนักงานสาธารณสุขอำเภอบ้านหลวง", "ผลการประเมินคุณธรรมและความโปร่งใส"]

needs_tesseract = pytest.mark.skipif(
    not ocr.available("tha"),
    reason="tesseract-ocr and tesseract-ocr-tha are not installed here (apt-get install tesseract-ocr tesseract-ocr-tha)",
)


# --- The same file under several items --------------------------------------------------------------------------------


def test_the_same_file_under_several_public_items_is_flagged_with_the_items(publish, office, other_office):
    content = pdf_bytes(3)
    first = publish(title="แผนจัดซื้อจัดจ้าง 2569", files=[upload("แผน.pdf", content)])
    second = publish(title="รายงานผลการจัดซื้อจัดจ้าง", files=[upload("รายงาน.pdf", content)])
    withdrawn = publish(title="ฉบับเก่า", files=[upload("เก่า.pdf", content)])
    item_withdraw(item=withdrawn, reason="แทนที่")
    publish(title="ของสำนักงานอื่น", files=[upload("แผน.pdf", content)], office=other_office)
    publish(title="ไฟล์เดียวในรายการเดียว", files=[upload("a.pdf", pdf_bytes(1)), upload("b.pdf", pdf_bytes(2))])

    duplicates = checks.duplicate_files(office)

    assert len(duplicates) == 1
    assert set(duplicates[0].items) == {first, second}
    assert {a.original_name for a in duplicates[0].attachments} == {"แผน.pdf", "รายงาน.pdf"}


def test_one_item_holding_a_file_twice_is_not_a_duplicate_across_items(publish, office):
    content = pdf_bytes(2)
    publish(title="เอกสาร", files=[upload("ฉบับที่ 1.pdf", content), upload("ฉบับที่ 2.pdf", content)])
    assert checks.duplicate_files(office) == []


def test_a_file_shared_by_many_items_shows_the_newest_and_says_how_many_more(publish, office, clock):
    letterhead, form = pdf_bytes(4), pdf_bytes(5)
    holders = [publish(title=f"ประกาศฉบับที่ {n}", files=[upload("หัวจดหมาย.pdf", letterhead)],
                       at=clock.now - dt.timedelta(days=n)) for n in range(1, 5)]  # fmt: skip
    for n in range(1, 3):
        publish(title=f"แบบฟอร์ม {n}", files=[upload("แบบฟอร์ม.pdf", form)])

    most_shared, second = checks.duplicate_files(office, items_each=2)

    assert most_shared.items == holders[:2]  # newest first
    assert (most_shared.item_count, most_shared.more_items) == (4, 2)
    assert (second.item_count, second.more_items) == (2, 0)
    assert [d.item_count for d in checks.duplicate_files(office, limit=1)] == [4]
    assert checks.duplicate_count(office) == 2


def test_the_checks_page_lists_the_shown_items_of_a_shared_file_and_counts_the_rest(publish, client, people, clock):
    content = pdf_bytes(6)
    for n in range(checks.DUPLICATE_ITEMS_SHOWN + 3):
        publish(title=f"ข่าวที่ {n}", files=[upload("โลโก้.pdf", content)], at=clock.now - dt.timedelta(hours=n + 1))

    page = verified_client(client, people["webmaster"]).get("/backoffice/checks/").content.decode()

    assert page.count("ข่าวที่ ") == checks.DUPLICATE_ITEMS_SHOWN
    assert "และอีก 3 รายการ" in page


# --- Text layers ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("pages, verdict, scanned", [
    ([(LONG_TEXT, None)], "text", []),
    ([(NOTICE, None)], "text", []),  # short but real text: not a scan
    ([(NOTICE, (80, 80))], "text", []),  # a short notice under a letterhead emblem: not a scan
    ([(b"", None)], "text", []),  # a blank page is no scan either
    ([(b"", (515, 722))], "scanned", [1]),
    ([(b"CamScanner", (515, 722))], "scanned", [1]),  # a scanner app's stamp is not a text layer
    ([(LONG_TEXT, (515, 722))], "text", []),  # a scan with a text layer (already OCR'd) is fine
    ([(LONG_TEXT, None), (b"", (515, 722)), (b"", (515, 722)), (NOTICE, None), (b"", (515, 722))], "partial", [2, 3, 5]),
])  # fmt: skip
def test_a_page_is_a_scan_when_an_image_covers_it_and_it_has_almost_no_text(pages, verdict, scanned):
    layer = checks.read_text_layer(make_pdf(*pages))
    assert (layer["verdict"], layer["scanned_pages"]) == (verdict, scanned)


def test_a_damaged_pdf_is_unreadable_not_a_crash():
    assert checks.read_text_layer(b"%PDF-1.4\nnot really a pdf")["verdict"] == "unreadable"


def test_a_scanned_pdf_is_flagged_as_inaccessible_and_a_text_pdf_is_not(publish, office):
    scan = publish(title="คำสั่งแต่งตั้งคณะทำงาน", files=[upload("คำสั่ง.pdf", scanned_pdf(SCAN_LINES))])
    publish(title="ประกาศ", files=[upload("ประกาศ.pdf", make_pdf((NOTICE, None)))])
    assert checks.unread_pdfs(office).count() == 2

    checks.text_layers_check(office=office)

    flagged = list(checks.inaccessible_pdfs(office))
    assert [(a.item, a.original_name) for a in flagged] == [(scan, "คำสั่ง.pdf")]
    layer = flagged[0].blob.text_layer
    assert layer.verdict == TextLayer.Verdict.SCANNED and layer.scanned_pages == [1] and layer.pages == 1
    assert checks.unread_pdfs(office).count() == 0


def test_a_file_is_read_once_whatever_the_number_of_items_showing_it(publish, office):
    content = scanned_pdf(SCAN_LINES)
    publish(title="ก", files=[upload("ก.pdf", content)])
    publish(title="ข", files=[upload("ข.pdf", content)])
    assert checks.text_layers_check(office=office) == {"read": 1}
    assert checks.text_layers_check(office=office) == {"read": 0}
    assert TextLayer.objects.count() == 1


# --- OCR --------------------------------------------------------------------------------------------------------------


@needs_tesseract
def test_ocr_makes_the_thai_words_of_a_scan_findable_and_keeps_the_original(publish, office, client, people):
    item = publish(title="คำสั่งแต่งตั้ง", files=[upload("คำสั่ง.pdf", scanned_pdf(SCAN_LINES))])
    original = item.attachments.get().blob
    public = selectors.with_list_data(selectors.public_items(office))
    assert search.search(public, "คุณธรรม").total == 0

    summary = checks.checks_run(office=office)

    assert summary["ocr"] == {"ocr": "on", "read": 1, "failed": 0, "too_long": 0}
    found = OcrText.objects.get(blob=original)
    assert "คุณธรรม" in found.text and found.pages == [1]
    assert [i.pk for i in search.search(public, "คุณธรรม").items] == [item.pk]
    # The copy is a new file with a text layer; the published file is still the original.
    assert found.copy_id != original.pk
    assert checks.read_text_layer(found.copy.path.read_bytes())["verdict"] == "text"
    assert item.attachments.get().blob_id == original.pk
    assert checks.checks_run(office=office)["ocr"]["read"] == 0  # read once

    response = verified_client(client, people["webmaster"]).get(f"/backoffice/checks/ocr/{original.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == found.copy.path.read_bytes()


def test_without_tesseract_ocr_says_it_is_unavailable(publish, office, monkeypatch):
    publish(title="คำสั่ง", files=[upload("คำสั่ง.pdf", scanned_pdf(SCAN_LINES))])
    monkeypatch.setattr(ocr, "available", lambda langs=None: False)
    assert checks.checks_run(office=office)["ocr"] == {"ocr": "unavailable"}
    assert not OcrText.objects.exists()


def test_ocr_can_be_turned_off(publish, office, settings):
    settings.KHAOSAN = {**settings.KHAOSAN, "OCR": False}
    publish(title="คำสั่ง", files=[upload("คำสั่ง.pdf", scanned_pdf(SCAN_LINES))])
    assert checks.checks_run(office=office)["ocr"] == {"ocr": "off"}


def test_the_ocr_copy_of_another_office_is_not_found(publish, office, other_office):
    publish(title="คำสั่ง", files=[upload("คำสั่ง.pdf", scanned_pdf(SCAN_LINES))], office=other_office)
    blob = other_office.items.get().attachments.get().blob
    OcrText.objects.create(blob=blob, copy=blob, text="ข้อความ", languages="tha")
    assert checks.ocr_copy_for(office=office, sha256=blob.pk) is None
    assert checks.ocr_copy_for(office=other_office, sha256=blob.pk) is not None


# --- The checks page --------------------------------------------------------------------------------------------------


def test_the_checks_page_answers_web_masters_committee_and_administrators(client, publish, office, people):
    publish(title="หน้ารวมหลักฐาน ITA", body='<p><a href="http://localhost/ita.pdf">หลักฐาน</a></p>')
    content = pdf_bytes(2)
    publish(title="แผน ก", files=[upload("แผน.pdf", content)])
    publish(title="แผน ข", files=[upload("แผน.pdf", content)])
    publish(title="คำสั่งสแกน", files=[upload("สแกน.pdf", scanned_pdf(SCAN_LINES))])
    checks.checks_run(office=office, ocr=False)

    for role in ("webmaster", "committee", "admin"):
        client.logout()
        response = verified_client(client, people[role]).get("/backoffice/checks/")
        assert response.status_code == 200, role
        page = response.content.decode()
        assert "http://localhost/ita.pdf" in page and "หน้ารวมหลักฐาน ITA" in page
        assert "แผน ก" in page and "แผน ข" in page and "สแกน.pdf" in page
        assert 'href="/backoffice/checks/"' in page  # the menu links here


def test_the_checks_page_is_refused_to_a_requester_and_sends_strangers_to_sign_in(client, people):
    assert client.get("/backoffice/checks/").status_code == 302
    client.force_login(people["requester"])
    response = client.get("/backoffice/checks/")
    assert response.status_code == 403
    assert 'href="/backoffice/checks/"' not in client.get("/backoffice/").content.decode()


def test_the_checks_page_queries_stay_flat_as_rows_grow(client, publish, office, people, django_assert_max_num_queries):
    signed_in = verified_client(client, people["webmaster"])

    def grow(n):
        for number in range(n):
            publish(
                title=f"หลักฐาน {number}",
                body='<p><a href="#">ลิงก์</a></p>',
                files=[upload("ซ้ำ.pdf", pdf_bytes(1)), upload(f"สแกน{number}.pdf", make_pdf((b"", (515, 722))))],
            )
        checks.checks_run(office=office, ocr=False)

    grow(2)
    with django_assert_max_num_queries(60) as few:
        assert signed_in.get("/backoffice/checks/").status_code == 200
    grow(6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert signed_in.get("/backoffice/checks/").status_code == 200
