"""The public site: every page answers, items show their provenance, taken-down items answer 410."""

import datetime as dt
import re

import pytest

from khaosan.catalog.services import item_withdraw
from tests.conftest import pdf_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/", "/c/general/", "/c/news/general-news/", "/official-information/", "/search/", "/search/?q=ข่าว",
        "/contact/", "/sitemap/", "/policy/website/", "/policy/privacy/", "/policy/security/", "/accessibility/",
        "/en/", "/en/c/general/", "/en/contact/",
    ],
)  # fmt: skip
def test_public_pages_answer(client, office, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b'<html lang="' in response.content


def test_item_page_shows_provenance_and_file_facts(client, publish, office):
    item = publish(
        "annual-plan",
        "แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2569",
        owner_unit=office.units.get(code="admin"),
        source="มติที่ประชุมคณะกรรมการวางแผนและประเมินผล",
        data_from=dt.date(2025, 10, 1),
        data_to=dt.date(2026, 9, 30),
        files=[upload("แผนปฏิบัติราชการ.pdf", pdf_bytes(pages=2))],
    )
    html = client.get(item.get_absolute_url()).content.decode()
    assert "กลุ่มงานบริหารทั่วไป" in html and "มติที่ประชุมคณะกรรมการวางแผนและประเมินผล" in html
    assert "1 ต.ค. 2568 – 30 ก.ย. 2569" in html
    assert "วันที่เผยแพร่" in html and "ปรับปรุงล่าสุด" in html
    size = item.attachments.get().size
    assert re.search(rf"PDF · {size} ไบต์ · 2 หน้า", html)
    assert 'property="og:title" content="แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2569"' in html


def test_an_item_without_files_says_so(client, publish):
    html = client.get(publish().get_absolute_url()).content.decode()
    assert "ไม่มีไฟล์แนบ" in html


def test_expired_item_answers_410_with_a_short_notice_and_no_files(client, publish, clock):
    now = clock.now
    item = publish(
        title="ประกาศรับสมัครงานที่หมดเขต",
        at=now - dt.timedelta(days=40),
        expire_at=now - dt.timedelta(days=1),
        files=[upload("ประกาศ.pdf", pdf_bytes())],
    )
    response = client.get(item.get_absolute_url())
    assert response.status_code == 410
    html = response.content.decode()
    assert "ประกาศรับสมัครงานที่หมดเขต" in html and "ครบกำหนดระยะเวลาการเผยแพร่" in html
    assert "/files/" not in html
    assert client.get(item.attachments.get().get_absolute_url()).status_code == 404


def test_withdrawn_item_answers_410_and_its_files_stop_at_once(client, publish):
    item = publish(title="ข่าวที่ถอน", files=[upload("ข่าว.pdf", pdf_bytes())])
    file_url = item.attachments.get().get_absolute_url()
    assert client.get(file_url).status_code == 200
    item_withdraw(item=item, reason="ข้อมูลคลาดเคลื่อน")
    assert client.get(item.get_absolute_url()).status_code == 410
    assert client.get(file_url).status_code == 404


def test_draft_and_scheduled_items_are_not_found(client, publish, office, clock):
    from khaosan.catalog.models import Item, Topic

    draft = Item.objects.create(office=office, topic=Topic.objects.get(code="general-news"), title="ร่าง")
    scheduled = publish(at=clock.now + dt.timedelta(days=2))
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404


def test_another_offices_item_is_not_found_on_this_host(client, publish, office, other_office, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example.go.th"]
    theirs = publish(title="ของสำนักงานอื่น", office=other_office)
    assert client.get(theirs.get_absolute_url()).status_code == 404
    assert client.get(theirs.get_absolute_url(), HTTP_HOST="other.example.go.th").status_code == 200


def test_pdf_opens_inline_and_word_downloads_with_a_thai_file_name(client, publish):
    from tests.catalog.test_uploads import docx_bytes

    item = publish(files=[upload("ประกาศ.pdf", pdf_bytes()), upload("รายงาน ผล.docx", docx_bytes())])
    pdf, docx = item.attachments.order_by("order")
    response = client.get(pdf.get_absolute_url())
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"
    response = client.get(docx.get_absolute_url())
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        "filename*=utf-8''%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99%20%E0%B8%9C%E0%B8%A5.docx"
        in (response["Content-Disposition"])
    )
    assert b"".join(response.streaming_content) == docx.blob.path.read_bytes()
    docx.refresh_from_db()
    assert docx.download_count == 1


@pytest.mark.parametrize(
    ("page", "status", "message"),
    [("abc", 400, "ไม่ใช่เลขหน้า"), ("999", 404, "ไม่มีหน้าที่ 999"), ("0", 404, "ไม่มีหน้าที่ 0")],
)
def test_bad_page_numbers_get_a_thai_message(client, publish, page, status, message):
    publish()
    response = client.get(f"/c/news/general-news/?page={page}")
    assert response.status_code == status
    assert message in response.content.decode()


def test_unknown_year_filter_gets_a_thai_message(client, publish):
    publish()
    response = client.get("/c/news/general-news/?year=2400")
    assert response.status_code == 404
    assert "ไม่มีรายการในปีงบประมาณ" in response.content.decode()


def test_topic_list_queries_stay_flat_as_items_grow(client, publish, django_assert_max_num_queries, clock, settings):
    clock.freeze()  # the first view of a new day counts it with more queries: no midnight between the two counts
    settings.KHAOSAN = {**settings.KHAOSAN, "PAGE_CACHE": False}  # the page as it is made (kept: test_page_cache)
    for n in range(3):
        publish(title=f"ข่าว {n}", files=[upload(f"{n}.pdf", pdf_bytes())])
    client.get("/c/news/general-news/")
    with django_assert_max_num_queries(20) as few:
        client.get("/c/news/general-news/")
    few = len(few.captured_queries)  # now: the connection's query log is a bounded queue, read later it has moved on
    for n in range(3, 15):
        publish(title=f"ข่าว {n}", files=[upload(f"{n}.pdf", pdf_bytes())])
    client.get("/c/news/general-news/")  # the list is kept again (public/fragments.py), as before the first count
    with django_assert_max_num_queries(few):
        client.get("/c/news/general-news/")


def test_oic_page_indexes_items_by_oia_section(client, publish):
    structure = publish("structure", "โครงสร้างสำนักงานสาธารณสุขอำเภอบ้านหลวง")
    html = client.get("/official-information/").content.decode()
    assert "มาตรา" in html and "7(1)" in html
    assert structure.get_absolute_url() in html


def test_retired_merged_topic_redirects_to_its_new_home(client, office):
    from khaosan.catalog.models import Topic

    old = Topic.objects.get(code="alerts")
    old.merged_into = Topic.objects.get(code="general-news")
    old.save()
    response = client.get(old.get_absolute_url())
    assert response.status_code == 301 and response["Location"].endswith("/c/news/general-news/")


def test_unknown_pages_answer_a_thai_404(client, office):
    response = client.get("/c/nowhere/")
    assert response.status_code == 404
    assert "ไม่พบ" in response.content.decode()
