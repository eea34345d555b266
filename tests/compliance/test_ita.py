"""The public ITA pages (BO-3): every MOIT item of a year, by indicator, with the public items of each quarter."""

import datetime as dt
import io

import lxml.html
import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from khaosan.catalog.models import ChecklistItem
from khaosan.catalog.services import item_withdraw
from khaosan.compliance import ita
from tests.compliance.conftest import month, published_request

pytestmark = pytest.mark.django_db
BANGKOK = dt.timezone(dt.timedelta(hours=7))


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return lxml.html.fromstring(response.content.decode())


def row_cells(tree, anchor):
    """{quarter: [(title, href), …]} of the row with id `anchor`; an empty quarter maps to its text."""
    (row,) = tree.xpath(f'//tr[@id="{anchor}"]')
    cells = {}
    for quarter, cell in enumerate(row.xpath("./td[@data-label]"), start=1):
        assert cell.get("data-label") == f"ไตรมาส {quarter}/2569"
        links = [(a.text_content().strip(), a.get("href")) for a in cell.xpath(".//li/a[1]")]
        cells[quarter] = links or cell.text_content().strip()
    return cells


def form_links(tree, anchor):
    (row,) = tree.xpath(f'//tr[@id="{anchor}"]')
    return [a.get("href") for a in row.xpath('.//a[@class="ita-form"]')]


def test_the_year_page_lists_every_moit_item_and_sub_item_with_its_links_per_quarter(client, year_2569):
    tree = page(client, "/ita/2569/")
    codes = ChecklistItem.objects.filter(scheme="moit", fiscal_year=2569).order_by("order")
    anchors = [ita.Row(code=c, topics=[]).anchor for c in codes]
    assert [tr.get("id") for tr in tree.xpath("//tr[@id]")] == anchors  # MOIT1, MOIT1-1.1, …, MOIT22, in order
    assert [a.get("href") for a in tree.xpath('//nav[@aria-labelledby="ita-jump"]//a')] == [
        f"#moit{n}" for n in range(1, 23)]  # fmt: skip
    assert len(tree.xpath("//table[contains(@class, 'ita-table')]")) == 9  # one per indicator

    item = year_2569

    def url(key):
        return item[key].get_absolute_url()

    assert row_cells(tree, "moit5") == {
        1: [(item["oct"].title, url("oct")), (item["nov"].title, url("nov"))],
        2: [(item["jan"].title, url("jan"))],
        3: "ยังไม่มี",
        4: "ยังไม่มี",
    }
    assert row_cells(tree, "moit2-17-5") == row_cells(tree, "moit5")  # the same สขร.1 answer MOIT2 17.5
    assert row_cells(tree, "moit4--2-")[2] == [(item["progress"].title, url("progress"))]
    # A page that stays until it changes (published in 2567) is still the executives page in 2569.
    assert row_cells(tree, "moit2-1-1")[1] == [(item["executives"].title, url("executives"))]
    # Only what came through a request has a form, and it is the public one.
    assert form_links(tree, "moit4--2-") == [f"/item/{item['progress'].pk}/request-form.pdf"]
    assert form_links(tree, "moit5") == []
    text = tree.text_content()
    for absent in ("expired", "theirs", "last-year"):
        assert item[absent].title not in text


def test_a_page_left_out_of_its_window_leaves_the_ita_page_at_once(client, year_2569, publish, clock):
    page(client, "/ita/2569/")  # cached now
    item_withdraw(item=year_2569["jan"], reason="ข้อมูลผิดพลาด")
    assert row_cells(page(client, "/ita/2569/"), "moit5")[2] == "ยังไม่มี"
    later = publish("procurement-summary", "สรุปผลการจัดซื้อจัดจ้าง เมษายน 2569", at=clock.now + dt.timedelta(hours=1),
                    **month(2026, 4))  # fmt: skip
    assert later.title not in page(client, "/ita/2569/").text_content()
    clock.advance(hours=2)
    assert row_cells(page(client, "/ita/2569/"), "moit5")[3] == [(later.title, later.get_absolute_url())]


def test_a_plan_for_the_whole_year_counts_from_the_quarter_it_was_published(client, office, publish, clock):
    plan = publish("procurement-plan", "แผนการจัดซื้อจัดจ้าง ปีงบประมาณ 2569", at=dt.datetime(2025, 11, 3, 9, tzinfo=BANGKOK),
                   data_from=dt.date(2025, 10, 1), data_to=dt.date(2026, 9, 30))  # fmt: skip
    analysis = publish("procurement-analysis", "รายงานการวิเคราะห์ผลการจัดซื้อจัดจ้าง ปีงบประมาณ 2568",
                       at=dt.datetime(2026, 1, 20, 9, tzinfo=BANGKOK), data_from=dt.date(2024, 10, 1),
                       data_to=dt.date(2025, 9, 30))  # fmt: skip
    assert (plan.fiscal_year, plan.quarter) == (2569, 4)  # the data period ends in quarter 4 …
    tree = page(client, "/ita/2569/")
    assert row_cells(tree, "moit4--1-")[1] == [(plan.title, plan.get_absolute_url())]  # … it counts in quarter 1
    # MOIT3 is about last year: the 2568 analysis published in 2569 answers 2569, in the quarter it was published.
    assert row_cells(tree, "moit3")[2] == [(analysis.title, analysis.get_absolute_url())]
    assert analysis.title not in page(client, "/ita/2568/").text_content()


def test_ita_index_lists_the_years_newest_first_and_is_reachable_from_every_page(client, year_2569):
    tree = page(client, "/ita/")
    links = [a.get("href") for a in tree.xpath('//main//ul[@class="topic-list"]//a')]
    assert links == ["/ita/2569/", "/ita/2568/"]  # 2570 has not begun on 17 June 2026; past years are kept
    assert "มีหลักฐาน 3 จาก 22 ข้อ" in tree.text_content()  # MOIT2 (1.1, 17.3, 17.5), MOIT4 (2), MOIT5
    home = page(client, "/")
    assert home.xpath('//nav[@class="main-nav"]//a[@href="/ita/"]')
    assert home.xpath('//footer//a[@href="/ita/"]')
    assert home.xpath('//main//ul[@class="quick-links"]//a[@href="/ita/"]')
    ita_page = page(client, "/ita/2569/")
    assert ita_page.xpath('//nav[@class="main-nav"]//a[@href="/ita/"][@aria-current="page"]')


def test_the_english_page_keeps_buddhist_era_years(client, year_2569):
    tree = page(client, "/en/ita/2569/")
    assert tree.get("lang") == "en"
    assert "Monthly procurement summaries (form สขร.1)" in tree.text_content()
    assert tree.xpath('//th[@scope="col"]')[2].text_content().strip().endswith("1/2569")


def test_each_language_links_the_evidence_in_its_own_language(client, year_2569):
    oct_item = year_2569["oct"]
    page(client, "/ita/2569/")  # the Thai year is kept first
    english = page(client, "/en/ita/2569/")
    assert f"/en/item/{oct_item.pk}/" in [a.get("href") for a in english.xpath('//tr[@id="moit5"]//li/a')]
    assert f"/item/{oct_item.pk}/" in [
        a.get("href") for a in page(client, "/ita/2569/").xpath('//tr[@id="moit5"]//li/a')
    ]


@pytest.mark.parametrize("path", ["/ita/2570/", "/ita/2500/"])
def test_a_year_without_a_moit_list_or_not_begun_answers_404(client, office, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "โปรดเลือกปีจากหน้ารวม ITA" in response.content.decode()


def test_the_ita_page_reads_a_fixed_number_of_queries_however_many_items(client, office, publish):
    def queries():
        # The footer's figures, the year's rows (window_cached), and the kept header and footer (public/fragments.py).
        for alias in ("default", "local", "pages"):
            caches[alias].clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/ita/2569/").status_code == 200
        return len(captured)

    publish("procurement-summary", "สขร.1 ตุลาคม", **month(2025, 10))
    queries()  # the first visit of the day also starts the visitor counters
    few = queries()
    for number in (11, 12, 1, 2, 3):
        publish("procurement-summary", f"สขร.1 เดือน {number}", **month(2025 if number > 9 else 2026, number))
        publish("general-news", f"ข่าว {number}")
    assert queries() == few


# The request form of a public item (MOIT1-F) ----------------------------------------------------------------


def test_the_request_form_of_a_public_item_is_public(client, year_2569, monkeypatch):
    item = year_2569["progress"]
    response = client.get(f"/item/{item.pk}/request-form.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "no-cache" in response["Cache-Control"]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert year_2569["progress-request"].reference in text
    # Rendered once per version of the item: a second visitor gets the same bytes without a new Chromium.
    from khaosan.workflow import documents

    monkeypatch.setattr(documents, "request_form_pdf", lambda *a, **k: pytest.fail("rendered again"))
    assert client.get(f"/item/{item.pk}/request-form.pdf").content == response.content


def test_the_request_form_answers_only_for_a_public_item_of_this_office_that_came_by_request(
    client, year_2569, office, other_office, people, publish
):
    assert client.get(f"/item/{year_2569['oct'].pk}/request-form.pdf").status_code == 404  # no request behind it
    assert client.get(f"/item/{year_2569['expired'].pk}/request-form.pdf").status_code == 404
    theirs = published_request(other_office, other_office_people(other_office), "ของสำนักงานอื่น", "procurement-progress")
    assert client.get(f"/item/{theirs.item.pk}/request-form.pdf").status_code == 404
    mine = year_2569["progress"]
    item_withdraw(item=mine, reason="ถอนเพื่อแก้ไข")
    assert client.get(f"/item/{mine.pk}/request-form.pdf").status_code == 404


def other_office_people(office):
    from khaosan.org.models import Unit
    from tests.conftest import make_person

    Unit.objects.create(office=office, code="it", name_th="ไอที")
    people = {
        "requester": make_person(office, "o-requester"),
        "reviewer": make_person(office, "o-reviewer", unit_code="it", roles=["reviewer"]),
        "approver": make_person(office, "o-approver", roles=["approver"]),
        "webmaster": make_person(office, "o-webmaster", unit_code="it", roles=["webmaster"]),
    }
    return people
