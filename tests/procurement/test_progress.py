"""Quarterly progress against the plan (MOIT4(2)): kept by quarter, reported as PDF and XLSX through the chain."""

import datetime as dt
import io
import re
import unicodedata
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook
from pypdf import PdfReader

from khaosan.procurement import documents, selectors, services
from khaosan.procurement.models import Stage
from tests.procurement.conftest import publish_through_chain, two_procurements

RESULTS = __import__("pathlib").Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture
def plan(office, officer, clock):
    clock.move_to("2025-11-20T09:00:00")
    plan = services.plan_save(office=office, actor=officer, fiscal_year_be=2569, allocation_date=dt.date(2025, 10, 15))
    clock.move_to("2026-04-02T09:00:00")
    return plan


NUMBERS = {
    "operating_planned_count": 12, "operating_planned_amount": Decimal("480000.00"),
    "operating_actual_count": 10, "operating_actual_amount": Decimal("402350.50"),
    "investment_planned_count": 1, "investment_planned_amount": Decimal("1500000.00"),
    "investment_actual_count": 1, "investment_actual_amount": Decimal("1480000.00"),
}  # fmt: skip


def test_a_quarter_is_kept_and_sent_as_its_report(plan, officer, people):
    row = services.quarter_save(plan=plan, actor=officer, quarter=2, note="ผู้รับจ้างส่งมอบงานล่าช้า 1 ราย", **NUMBERS)
    row = services.quarter_send(plan=plan, actor=officer, quarter=2)
    pub_request = row.pub_request
    assert pub_request.topic.code == "procurement-progress"
    assert (pub_request.data_from, pub_request.data_to) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert pub_request.title == "รายงานผลการจัดซื้อจัดจ้างตามแผน ไตรมาส 2/2569 (1 ม.ค. 2569 – 31 มี.ค. 2569)"
    assert "ดำเนินการแล้ว 11 รายการ 1,882,350.50 บาท" in pub_request.summary
    pdf = next(f for f in pub_request.content_files if f.extension == "pdf").blob.path.read_bytes()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "progress-q2-2569.pdf").write_bytes(pdf)
    text = re.sub(
        r"\s+", "", unicodedata.normalize("NFKC", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    )
    for expected in ("ได้รับจัดสรรงบประมาณเมื่อวันที่15ตุลาคม2568", "งบดำเนินงาน", "งบลงทุน", "480,000.00", "402,350.50",
                     "83.8", "1,980,000.00", "ผู้รับจ้างส่งมอบงานล่าช้า1ราย"):  # fmt: skip
        assert unicodedata.normalize("NFKC", expected) in text, expected
    xlsx = next(f for f in pub_request.content_files if f.extension == "xlsx").blob.path.read_bytes()
    sheet = load_workbook(io.BytesIO(xlsx)).active
    values = [[c.value for c in r] for r in sheet.iter_rows() if r[0].value == "งบลงทุน"]
    assert values[0] == ["งบลงทุน", 1, 1500000, 1, 1480000, 98.7]
    assert publish_through_chain(pub_request, people).item.attachments.count() == 2
    row.refresh_from_db()
    assert row.stage == Stage.PUBLISHED


def test_the_report_adds_the_quarters_so_far(plan, officer, clock):
    clock.move_to("2026-01-05T09:00:00")
    services.quarter_save(plan=plan, actor=officer, quarter=1, **NUMBERS)
    clock.move_to("2026-04-02T09:00:00")
    row = services.quarter_save(plan=plan, actor=officer, quarter=2, **NUMBERS)
    data = documents.progress_data(row)
    assert data.in_quarter[0].planned_amount == Decimal("480000.00")
    assert data.to_date[0].planned_amount == Decimal("960000.00") and data.to_date[2].actual_count == 22


def test_a_quarter_is_sent_once_it_is_over_and_not_kept_before_it_begins(plan, officer):
    services.quarter_save(plan=plan, actor=officer, quarter=3, **NUMBERS)
    with pytest.raises(ValidationError, match="เมื่อสิ้นไตรมาสแล้ว"):
        services.quarter_send(plan=plan, actor=officer, quarter=3)
    with pytest.raises(ValidationError, match="ยังไม่ถึงไตรมาส 4"):
        services.quarter_save(plan=plan, actor=officer, quarter=4, **NUMBERS)


def test_the_quarters_actual_figures_come_from_its_monthly_summaries(plan, office, officer, clock):
    services.summary_save(
        office=office,
        actor=officer,
        month=dt.date(2026, 2, 1),
        entries=[
            {**row, "contract_date": row["contract_date"].replace(year=2026, month=2)} for row in two_procurements()
        ],
    )
    assert selectors.quarter_entry_totals(office, 2569, 2) == {"operating": (2, Decimal("1207000.00"))}
    assert selectors.quarter_entry_totals(office, 2569, 1) == {}
