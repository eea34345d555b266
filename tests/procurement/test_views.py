"""The month screen without scripts, the plan screens, and the public list of months."""

import datetime as dt
import re

import pytest

from khaosan.procurement import services
from khaosan.procurement.models import ProcurementSummary
from tests.conftest import pdf_bytes, upload
from tests.procurement.conftest import MAY, month_post, publish_through_chain, two_procurements, typed_row

MONTH_URL = "/backoffice/procurement/month/2026/5/"


@pytest.fixture
def as_officer(client, officer):
    client.force_login(officer)
    return client


def test_the_month_list_and_the_month_open_to_procurement_staff_only(client, as_officer, people):
    assert "พฤษภาคม 2569" in as_officer.get("/backoffice/procurement/").content.decode()
    assert as_officer.get(MONTH_URL).status_code == 200
    client.force_login(people["requester"])
    response = client.get(MONTH_URL)
    assert response.status_code == 403 and "เจ้าหน้าที่งานพัสดุและผู้ดูแลเว็บไซต์" in response.content.decode()
    assert client.get("/backoffice/procurement/").status_code == 403


def test_a_month_ahead_or_a_month_that_does_not_exist_is_not_found(as_officer):
    assert as_officer.get("/backoffice/procurement/month/2026/7/").status_code == 404
    assert as_officer.get("/backoffice/procurement/month/2026/13/").status_code == 404


def test_the_month_is_saved_as_typed_with_commas(as_officer):
    response = as_officer.post(MONTH_URL, month_post([typed_row()]))
    assert response.status_code == 302
    entry = ProcurementSummary.objects.get().entries.get()
    assert str(entry.budget) == "12500.00" and entry.bids.get().tax_id == "0553550000125"
    html = as_officer.get(MONTH_URL).content.decode()
    assert 'value="12,500.00"' in html and "บันทึกสรุปเดือนพฤษภาคม 2569 แล้ว" in html


def test_a_mistake_draws_the_page_again_with_what_was_typed(as_officer):
    response = as_officer.post(MONTH_URL, month_post([typed_row(work="จ้างทำป้ายไวนิล", budget="12,50")]))
    html = response.content.decode()
    assert response.status_code == 200 and not ProcurementSummary.objects.exists()
    assert "ข้อมูลที่กรอกไว้ยังอยู่ครบ" in html and 'value="12,50"' in html and 'value="จ้างทำป้ายไวนิล"' in html
    assert 'value="0-5535-50000-12-5"' in html and "ทศนิยมไม่เกิน 2 ตำแหน่ง" in html


def test_the_add_buttons_draw_one_more_row_and_keep_what_was_typed(as_officer):
    html = as_officer.post(MONTH_URL, month_post([typed_row(budget="12,50")], action="add-entry")).content.decode()
    assert 'name="entry-TOTAL_FORMS" value="2"' in html and 'value="12,50"' in html
    assert "ทศนิยม" not in html  # nothing is checked yet
    html = as_officer.post(MONTH_URL, month_post([typed_row()], action="add-bid-1")).content.decode()
    assert 'name="entry-0-bid-TOTAL_FORMS" value="2"' in html
    assert not ProcurementSummary.objects.exists()


def test_save_and_send_makes_the_request_and_then_the_month_is_read_only(as_officer, officer):
    response = as_officer.post(MONTH_URL, month_post([typed_row()], action="send"), follow=True)
    html = response.content.decode()
    summary = ProcurementSummary.objects.get()
    assert summary.pub_request.reference in html and "ส่งขออนุมัติเผยแพร่แล้ว" in html
    assert 'name="entry-TOTAL_FORMS"' not in html  # no form while it is in the chain
    assert as_officer.post(MONTH_URL, month_post([], nil=True)).status_code == 200  # drawn read-only, not saved
    assert not ProcurementSummary.objects.get().nil


def test_the_nil_month_is_one_tick(as_officer):
    as_officer.post(MONTH_URL, month_post([], nil=True))
    assert ProcurementSummary.objects.get().nil
    html = as_officer.post(MONTH_URL, month_post([typed_row()], nil=True)).content.decode()
    assert "ต้องไม่มีรายการ" in html


def test_the_plan_screen_keeps_the_allocation_and_sends_the_files(as_officer, officer, clock, people):
    clock.move_to("2025-12-03T09:00:00")
    response = as_officer.post("/backoffice/procurement/plan/2569/", {"action": "save", "allocation_date": "2025-12-02"},
                               follow=True)  # fmt: skip
    html = response.content.decode()
    assert "2 ธันวาคม 2568" in html and "20 มกราคม 2569" in html  # the allocation and the deadline
    response = as_officer.post("/backoffice/procurement/plan/2569/",
                               {"action": "send", "plan_files": [upload("แผน.pdf", pdf_bytes()), upload("หนังสือ.pdf", pdf_bytes(2))]},
                               follow=True)  # fmt: skip
    assert "ส่งแผนการจัดซื้อจัดจ้างขออนุมัติเผยแพร่แล้ว" in response.content.decode()
    from khaosan.procurement.models import ProcurementPlan

    plan = ProcurementPlan.objects.get()
    assert plan.pub_request.topic.code == "procurement-plan" and len(plan.pub_request.content_files) == 2
    clock.move_to("2026-01-08T09:00:00")
    publish_through_chain(plan.pub_request, people)
    as_officer.force_login(officer)  # a month later: the session of December has ended
    html = as_officer.get("/backoffice/procurement/plan/2569/").content.decode()
    assert "8 มกราคม 2569" in html and "ทันกำหนด" in html


def test_the_quarter_screen_offers_the_months_figures(as_officer, office, officer, clock):
    clock.move_to("2025-12-03T09:00:00")
    services.plan_save(office=office, actor=officer, fiscal_year_be=2569, allocation_date=dt.date(2025, 10, 15))
    clock.move_to("2026-04-02T09:00:00")
    services.summary_save(office=office, actor=officer, month=dt.date(2026, 2, 1), entries=[
        {**row, "contract_date": row["contract_date"].replace(month=2)} for row in two_procurements()])  # fmt: skip
    html = as_officer.get("/backoffice/procurement/plan/2569/quarter/2/").content.decode()
    assert 'name="operating_actual_count" value="2"' in html and "1,207,000.00" in html
    data = {name: "0" for name in ("operating_planned_count", "operating_actual_count", "investment_planned_count",
                                   "investment_actual_count")} | {"operating_planned_count": "3",
                                                                  "operating_planned_amount": "1,300,000", "action": "send"}  # fmt: skip
    response = as_officer.post("/backoffice/procurement/plan/2569/quarter/2/", data, follow=True)
    assert "ส่งรายงานไตรมาสขออนุมัติเผยแพร่แล้ว" in response.content.decode()


def test_the_public_list_shows_every_month_begun_nil_and_missing_ones_said_plainly(client, office, officer, people,
                                                                                   publish):  # fmt: skip
    services.summary_save(office=office, actor=officer, month=MAY, entries=two_procurements())
    may = publish_through_chain(services.summary_send(office=office, actor=officer, month=MAY).pub_request, people).item
    services.summary_save(office=office, actor=officer, month=dt.date(2026, 4, 1), nil=True)
    april = publish_through_chain(services.summary_send(office=office, actor=officer, month=dt.date(2026, 4, 1)).pub_request,
                                  people).item  # fmt: skip
    # One published by hand, the old way, counts too.
    march = publish("procurement-summary", "สรุปผลการจัดซื้อจัดจ้าง เดือนมีนาคม 2569",
                    data_from=dt.date(2026, 3, 1), data_to=dt.date(2026, 3, 31))  # fmt: skip
    html = client.get("/procurement/summaries/").content.decode()
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.DOTALL)[1:]
    assert len(rows) == 9  # October 2568 … June 2569
    text = [re.sub(r"<[^>]+>|\s+", " ", row) for row in rows]
    assert "ตุลาคม 2568" in text[0] and "ยังไม่ได้เผยแพร่" in text[0]
    assert may.get_absolute_url() in rows[7] and "PDF" in text[7] and "XLSX" in text[7]
    assert april.get_absolute_url() in rows[6] and "ไม่มีการจัดซื้อจัดจ้าง" in text[6]
    assert march.get_absolute_url() in rows[5]
    assert "มิถุนายน 2569" in text[8] and "กำหนดเผยแพร่ภายใน 10 ก.ค. 2569" in text[8]
    assert "ไตรมาส 3: เผยแพร่แล้ว 2 จาก 3 เดือน" in html and "ไตรมาส 2: เผยแพร่แล้ว 1 จาก 3 เดือน" in html
    assert client.get("/procurement/summaries/?year=2400").status_code == 404


def test_the_public_list_takes_the_same_queries_however_many_months_are_published(client, office, publish,
                                                                                  django_assert_max_num_queries):  # fmt: skip
    def month(n):
        first = dt.date(2025 + (9 + n) // 12, (9 + n) % 12 + 1, 1)
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        publish("procurement-summary", f"สขร.1 เดือนที่ {n}", data_from=first, data_to=last,
                files=[upload(f"{n}.pdf", pdf_bytes())])  # fmt: skip

    month(0)
    client.get("/procurement/summaries/")
    with django_assert_max_num_queries(30) as few:
        client.get("/procurement/summaries/")
    few = len(few.captured_queries)  # now: the connection's query log is a bounded queue
    for n in range(1, 8):
        month(n)
    client.get("/procurement/summaries/")  # the kept header and footer are made again once (public/fragments.py)
    with django_assert_max_num_queries(few):
        client.get("/procurement/summaries/")
