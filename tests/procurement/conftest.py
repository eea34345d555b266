"""A procurement officer of the test office, two procurements of May 2569, and a walk through the chain."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.conftest import make_person

# Tax IDs with a valid check digit (mod 11, Revenue Department), worked out by hand.
TAX_ID_SHOP = "0553550000125"  # ห้างหุ้นส่วนจำกัด
TAX_ID_COMPANY = "0105536000313"  # บริษัทจำกัด
TAX_ID_OTHER = "0553561000458"
MAY = dt.date(2026, 5, 1)  # พฤษภาคม 2569: over on the suite's day, 17 June 2569


@pytest.fixture(autouse=True)
def _june_2569(clock):
    """These tests are written for the suite's usual day, Wednesday 17 June 2569, whatever KHAOSAN_TEST_NOW says."""
    clock.move_to("2026-06-17T10:00:00")


@pytest.fixture
def officer(office, people):
    """A procurement officer; the `people` of the chain are there too, so what is sent has its deciders."""
    return make_person(office, "kanokwan", unit_code="procurement", first_name="นางกนกวรรณ", last_name="ศรีเมือง",
                       position="เจ้าพนักงานพัสดุชำนาญงาน")  # fmt: skip


def two_procurements():
    """The two procurements of May 2569 as the month screen's cleaned data."""
    return [
        {
            "work": "ซื้อวัสดุสำนักงาน (กระดาษ A4 และแฟ้มเอกสาร)", "budget_kind": "operating",
            "budget": Decimal("12500.00"), "reference_price": Decimal("12500.00"), "method": "specific",
            "agreed_price": Decimal("12000.00"), "reason": "เป็นผู้มีอาชีพขายโดยตรง และเสนอราคาไม่เกินวงเงินงบประมาณ",
            "contract_number": "ใบสั่งซื้อเลขที่ 21/2569", "contract_date": dt.date(2026, 5, 8), "egp_number": "",
            "bids": [{"vendor": "ห้างหุ้นส่วนจำกัดบ้านหลวงพาณิชย์", "tax_id": TAX_ID_SHOP, "price": Decimal("12000.00"),
                      "selected": True}],
        },
        {
            "work": "จ้างซ่อมบำรุงรถยนต์ราชการ หมายเลขทะเบียน กข 1234 น่าน", "budget_kind": "operating",
            "budget": Decimal("1250000.00"), "reference_price": Decimal("1248000.50"), "method": "e_bidding",
            "agreed_price": Decimal("1195000.00"), "reason": "เสนอราคาต่ำสุด และมีคุณสมบัติถูกต้องครบถ้วน",
            "contract_number": "สัญญาเลขที่ 3/2569", "contract_date": dt.date(2026, 5, 28), "egp_number": "69059012345",
            "bids": [
                {"vendor": "บริษัท น่านยนตรการ จำกัด", "tax_id": TAX_ID_COMPANY, "price": Decimal("1195000.00"),
                 "selected": True},
                {"vendor": "ห้างหุ้นส่วนจำกัดอู่ช่างเอก", "tax_id": "", "price": Decimal("1230500.75"), "selected": False},
            ],
        },
    ]  # fmt: skip


def publish_through_chain(pub_request, people):
    """Approve at every step, and let a web master publish it (the personal-data check as the screen runs it)."""
    from khaosan.workflow import selectors, services
    from tests.workflow.conftest import approve_all

    pub_request = approve_all(pub_request, people)
    webmaster = people["webmaster"]
    report = selectors.redaction_report(pub_request)
    return services.request_publish(pub_request_id=pub_request.pk, actor=webmaster, redaction=report,
                                    redaction_checked=not report.complete, **services.item_fields_from(pub_request))  # fmt: skip


def month_post(rows, *, nil=False, action="save"):
    """The month screen's POST as a browser sends it: `rows` are dicts of typed strings, each with `bids`."""
    data = {"action": action, "entry-TOTAL_FORMS": str(len(rows)), "entry-INITIAL_FORMS": "0"}
    if nil:
        data["nil"] = "on"
    for i, row in enumerate(rows):
        prefix = f"entry-{i}"
        for name, value in row.items():
            if name == "bids":
                continue
            if name == "DELETE":
                if value:
                    data[f"{prefix}-DELETE"] = "on"
                continue
            data[f"{prefix}-{name}"] = str(value)
        bids = row.get("bids", [])
        data[f"{prefix}-bid-TOTAL_FORMS"] = str(len(bids))
        data[f"{prefix}-bid-INITIAL_FORMS"] = "0"
        for j, bid in enumerate(bids):
            for name, value in bid.items():
                if name in ("selected", "DELETE"):
                    if value:
                        data[f"{prefix}-bid-{j}-{name}"] = "on"
                else:
                    data[f"{prefix}-bid-{j}-{name}"] = str(value)
    return data


def typed_row(**changes):
    """One procurement as typed on the screen (commas in amounts, an ISO date from the date picker)."""
    row = {
        "work": "ซื้อวัสดุสำนักงาน", "budget_kind": "operating", "budget": "12,500", "reference_price": "12,500.00",
        "method": "specific", "agreed_price": "12,000", "reason": "เสนอราคาไม่เกินวงเงินงบประมาณ",
        "contract_number": "ใบสั่งซื้อเลขที่ 21/2569", "contract_date": "2026-05-08", "egp_number": "",
        "bids": [{"vendor": "ห้างหุ้นส่วนจำกัดบ้านหลวงพาณิชย์", "tax_id": "0-5535-50000-12-5", "price": "12,000.00",
                  "selected": True}],
    }  # fmt: skip
    row.update(changes)
    return row
