"""The month screen's formset: procurements with their bidders, checked as a whole, empty rows left out."""

import datetime as dt
from decimal import Decimal

from khaosan.procurement.forms import EntryFormSet, SummaryForm, entries_data, month_is_valid, typed_initial
from tests.procurement.conftest import MAY, TAX_ID_OTHER, month_post, typed_row


def check(data):
    formset, summary_form = EntryFormSet(data, month=MAY), SummaryForm(data)
    return month_is_valid(summary_form, formset), formset, summary_form


def test_a_typed_month_is_cleaned_into_rows_with_their_bidders():
    second = typed_row(work="จ้างซ่อมรถยนต์", budget="1,250,000", agreed_price="1195000", method="e_bidding",
                       bids=[{"vendor": "บริษัท ก จำกัด", "tax_id": "0105536000313", "price": "1,195,000", "selected": True},
                             {"vendor": "ห้างหุ้นส่วนจำกัด ข", "tax_id": "", "price": "1,230,500.75"}])  # fmt: skip
    valid, formset, _ = check(month_post([typed_row(), second]))
    assert valid, formset.errors
    rows = entries_data(formset)
    assert [r["work"] for r in rows] == ["ซื้อวัสดุสำนักงาน", "จ้างซ่อมรถยนต์"]
    assert rows[0]["budget"] == Decimal("12500.00") and rows[0]["contract_date"] == dt.date(2026, 5, 8)
    assert rows[0]["bids"] == [{"vendor": "ห้างหุ้นส่วนจำกัดบ้านหลวงพาณิชย์", "tax_id": "0553550000125",
                                "price": Decimal("12000.00"), "selected": True}]  # fmt: skip
    assert [b["price"] for b in rows[1]["bids"]] == [Decimal("1195000.00"), Decimal("1230500.75")]


def test_empty_rows_and_rows_ticked_for_removal_are_left_out():
    empty = {key: "" for key in typed_row() if key != "bids"} | {"bids": [{"vendor": "", "price": "", "tax_id": ""}]}
    removed = typed_row(work="รายการที่จะลบ", agreed_price="ไม่ใช่ตัวเลข", DELETE=True)
    valid, formset, _ = check(month_post([typed_row(), empty, removed]))
    assert valid, formset.errors
    assert [r["work"] for r in entries_data(formset)] == ["ซื้อวัสดุสำนักงาน"]


def test_a_bidder_ticked_for_removal_is_left_out():
    bids = typed_row()["bids"] + [{"vendor": "ร้านที่ถอนตัว", "price": "ผิด", "DELETE": True}]
    valid, formset, _ = check(month_post([typed_row(bids=bids)]))
    assert valid, formset.errors
    assert len(entries_data(formset)[0]["bids"]) == 1


def test_each_mistake_is_named_where_it_was_made():
    wrong = typed_row(
        budget="12,50",
        contract_date="2026-06-02",
        agreed_price="13,000",
        bids=[{"vendor": "ร้าน ก", "tax_id": "0553550000126", "price": "12,000", "selected": True}],
    )
    valid, formset, _ = check(month_post([wrong]))
    assert not valid
    form = formset.forms[0]
    assert "ทศนิยมไม่เกิน 2 ตำแหน่ง" in form.errors["budget"][0]
    assert "ต้องอยู่ในเดือนพฤษภาคม 2569" in form.errors["contract_date"][0]
    assert "หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ" in form.bids.forms[0].errors["tax_id"][0]


def test_the_selected_vendor_needs_a_tax_id_and_exactly_one_is_selected():
    nobody = typed_row(bids=[{"vendor": "ร้าน ก", "price": "12,000"}, {"vendor": "ร้าน ข", "price": "12,400"}])
    valid, formset, _ = check(month_post([nobody]))
    assert not valid and "ผู้ได้รับการคัดเลือก" in formset.forms[0].non_field_errors()[0]

    two = typed_row(bids=[{"vendor": "ร้าน ก", "price": "12,000", "tax_id": "0553550000125", "selected": True},
                          {"vendor": "ร้าน ข", "price": "12,400", "tax_id": TAX_ID_OTHER, "selected": True}])  # fmt: skip
    assert not check(month_post([two]))[0]

    no_id = typed_row(bids=[{"vendor": "ร้าน ก", "price": "12,000", "selected": True}])
    valid, formset, _ = check(month_post([no_id]))
    assert (
        not valid and "เลขประจำตัวผู้เสียภาษี 13 หลักของผู้ได้รับการคัดเลือก" in formset.forms[0].bids.forms[0].errors["tax_id"][0]
    )


def test_the_agreed_price_is_not_above_what_the_selected_vendor_offered():
    valid, formset, _ = check(month_post([typed_row(agreed_price="12,000.01")]))
    assert not valid and "12,000.00 บาท" in formset.forms[0].errors["agreed_price"][0]


def test_a_procurement_needs_a_bidder():
    valid, formset, _ = check(month_post([typed_row(bids=[])]))
    assert not valid and "อย่างน้อย 1 ราย" in formset.forms[0].non_field_errors()[0]


def test_a_nil_month_has_no_rows():
    valid, _, summary_form = check(month_post([typed_row()], nil=True))
    assert not valid and "ต้องไม่มีรายการ" in summary_form.errors["nil"][0]
    valid, formset, summary_form = check(month_post([], nil=True))
    assert valid and summary_form.cleaned_data["nil"] and entries_data(formset) == []


def test_what_was_typed_is_kept_for_the_page_drawn_again():
    data = month_post([typed_row(budget="12,50")])
    formset = EntryFormSet(data, month=MAY)
    (row,) = typed_initial(formset)
    assert row["budget"] == "12,50" and row["bids"][0]["tax_id"] == "0-5535-50000-12-5" and row["bids"][0]["selected"]
    again = EntryFormSet(month=MAY, initial=[row, {}])
    html = str(again.forms[0]["budget"])
    assert 'value="12,50"' in html and len(again.forms) == 2
