"""Saving a month's สขร.1, sending it through the office's chain, and who may do either."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from khaosan.audit.models import AuditCode, AuditEvent
from khaosan.errors import NotAllowed
from khaosan.procurement import selectors, services
from khaosan.procurement.models import ProcurementBid, ProcurementEntry, ProcurementSummary, Stage
from khaosan.workflow import services as workflow
from khaosan.workflow.models import PublicationRequest, State
from tests.conftest import make_person
from tests.procurement.conftest import MAY, TAX_ID_SHOP, publish_through_chain, two_procurements


def test_an_officer_saves_the_month_with_its_bidders_and_an_audit_row(office, officer):
    summary = services.summary_save(office=office, actor=officer, month=MAY, entries=two_procurements())
    entries = list(summary.entries.order_by("order"))
    assert [e.work for e in entries] == ["ซื้อวัสดุสำนักงาน (กระดาษ A4 และแฟ้มเอกสาร)",
                                         "จ้างซ่อมบำรุงรถยนต์ราชการ หมายเลขทะเบียน กข 1234 น่าน"]  # fmt: skip
    assert entries[1].winner.vendor == "บริษัท น่านยนตรการ จำกัด" and entries[1].bids.count() == 2
    assert entries[0].bids.get().tax_id == TAX_ID_SHOP
    event = AuditEvent.objects.get(action=AuditCode.PROCUREMENT_SUMMARY_SAVED)
    assert event.actor == officer and event.changes["entries"] == 2 and event.changes["total"] == "1,207,000.00"

    # Saving again replaces the rows as a whole.
    services.summary_save(office=office, actor=officer, month=MAY, entries=two_procurements()[:1])
    assert ProcurementEntry.objects.count() == 1 and ProcurementBid.objects.count() == 1


def test_only_procurement_staff_and_web_masters_keep_the_records(office, officer, people):
    with pytest.raises(NotAllowed, match="เฉพาะเจ้าหน้าที่งานพัสดุและผู้ดูแลเว็บไซต์"):
        services.summary_save(office=office, actor=people["requester"], month=MAY, entries=two_procurements())
    assert (
        not ProcurementSummary.objects.exists()
        and not AuditEvent.objects.filter(action=AuditCode.PROCUREMENT_SUMMARY_SAVED).exists()
    )
    services.summary_save(office=office, actor=people["webmaster"], month=MAY, nil=True)
    assert ProcurementSummary.objects.get().nil


def test_another_office_neither_writes_nor_reads_our_months(office, officer, other_office):
    services.summary_save(office=office, actor=officer, month=MAY, entries=two_procurements())
    from khaosan.org.models import Unit

    Unit.objects.create(office=other_office, code="procurement", name_th="งานพัสดุ (เมือง)")
    stranger = make_person(other_office, "stranger", unit_code="procurement")
    with pytest.raises(NotAllowed):
        services.summary_save(office=office, actor=stranger, month=MAY, nil=True)
    assert selectors.summary_get_for(user=stranger, month=MAY) is None
    assert selectors.summaries_for(stranger, 2569) == {}
    assert ProcurementSummary.objects.get().nil is False


def test_the_service_checks_what_the_form_checked(office, officer):
    rows = two_procurements()
    rows[0]["bids"][0]["selected"] = False
    with pytest.raises(ValidationError, match="รายการที่ 1"):
        services.summary_save(office=office, actor=officer, month=MAY, entries=rows)
    with pytest.raises(ValidationError, match="ต้องไม่มีรายการ"):
        services.summary_save(office=office, actor=officer, month=MAY, nil=True, entries=two_procurements())
    with pytest.raises(ValidationError, match="ยังไม่ถึงเดือน"):
        services.summary_save(office=office, actor=officer, month=dt.date(2026, 7, 1), nil=True)
    assert not ProcurementSummary.objects.exists()


def test_sending_files_the_form_as_pdf_and_xlsx_with_a_request_and_locks_the_rows(office, officer, people):
    services.summary_save(office=office, actor=officer, month=MAY, entries=two_procurements())
    summary = services.summary_send(office=office, actor=officer, month=MAY)
    pub_request = summary.pub_request
    assert pub_request.state == State.IN_REVIEW and pub_request.requester == officer
    assert pub_request.title == "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือนพฤษภาคม 2569 (แบบ สขร.1)"
    assert pub_request.topic.code == "procurement-summary"
    assert (pub_request.data_from, pub_request.data_to) == (MAY, dt.date(2026, 5, 31))
    assert pub_request.summary == "จัดซื้อจัดจ้าง 2 รายการ รวมราคาที่ตกลงซื้อหรือจ้าง 1,207,000.00 บาท"
    assert sorted(f.original_name for f in pub_request.content_files) == [
        "สขร1-พฤษภาคม-2569.pdf",
        "สขร1-พฤษภาคม-2569.xlsx",
    ]
    assert summary.stage == Stage.SENT and summary.locked
    assert AuditEvent.objects.filter(action=AuditCode.PROCUREMENT_SUMMARY_SENT, object_id=str(summary.pk)).exists()

    with pytest.raises(NotAllowed, match="ส่งขออนุมัติเผยแพร่แล้ว"):
        services.summary_save(office=office, actor=officer, month=MAY, nil=True)
    with pytest.raises(NotAllowed):
        services.summary_send(office=office, actor=officer, month=MAY)
    assert PublicationRequest.objects.count() == 1 and ProcurementEntry.objects.count() == 2


def test_a_month_is_sent_only_once_it_is_over(office, officer, clock):
    clock.move_to("2026-05-31T23:30:00")
    services.summary_save(office=office, actor=officer, month=MAY, entries=two_procurements())
    with pytest.raises(ValidationError, match="ได้ตั้งแต่วันที่ 1 มิถุนายน 2569"):
        services.summary_send(office=office, actor=officer, month=MAY)
    assert not PublicationRequest.objects.exists()
    clock.move_to("2026-06-01T00:05:00")
    assert services.summary_send(office=office, actor=officer, month=MAY).pub_request is not None


def test_an_empty_month_cannot_be_sent(office, officer):
    with pytest.raises(ValidationError, match="ยังไม่มีรายการจัดซื้อจัดจ้างของเดือนนี้"):
        services.summary_send(office=office, actor=officer, month=MAY)


def test_a_returned_request_unlocks_the_rows_and_sending_again_makes_new_files(office, officer, people):
    services.summary_save(office=office, actor=officer, month=MAY, entries=two_procurements())
    summary = services.summary_send(office=office, actor=officer, month=MAY)
    old_files = {f.blob_id for f in summary.pub_request.content_files}
    workflow.request_decide(pub_request_id=summary.pub_request.pk, actor=people["reviewer"], verdict="return",
                            reason_code="incomplete", reason="ราคากลางของรายการที่ 2 ไม่ตรงกับเอกสาร")  # fmt: skip
    summary.refresh_from_db()
    assert summary.stage == Stage.RETURNED and not summary.locked

    rows = two_procurements()
    rows[1]["reference_price"] = Decimal("1249000.00")
    services.summary_save(office=office, actor=officer, month=MAY, entries=rows)
    again = services.summary_send(office=office, actor=officer, month=MAY)
    assert again.pub_request.pk == summary.pub_request.pk and again.pub_request.state == State.IN_REVIEW
    files = again.pub_request.content_files
    assert len(files) == 2 and not old_files & {f.blob_id for f in files}
    xlsx = next(f for f in files if f.extension == "xlsx")
    assert load_workbook(io.BytesIO(xlsx.blob.path.read_bytes()))["สขร.1"]["D8"].value == 1249000
    assert AuditEvent.objects.filter(action=AuditCode.PROCUREMENT_SUMMARY_SENT).latest("seq").changes["resent"] is True


def test_only_the_requester_sends_a_returned_request_again(office, officer, people):
    services.summary_save(office=office, actor=officer, month=MAY, nil=True)
    summary = services.summary_send(office=office, actor=officer, month=MAY)
    workflow.request_decide(pub_request_id=summary.pub_request.pk, actor=people["reviewer"], verdict="return",
                            reason_code="other", reason="โปรดตรวจสอบอีกครั้ง")  # fmt: skip
    with pytest.raises(NotAllowed, match="ผู้ยื่นคำขอเท่านั้น"):
        services.summary_send(office=office, actor=people["webmaster"], month=MAY)


def test_a_refused_request_lets_the_month_be_sent_as_a_new_one(office, officer, people):
    services.summary_save(office=office, actor=officer, month=MAY, nil=True)
    first = services.summary_send(office=office, actor=officer, month=MAY).pub_request
    workflow.request_decide(pub_request_id=first.pk, actor=people["reviewer"], verdict="refuse",
                            reason_code="incomplete", reason="เดือนนี้มีการจัดซื้อ")  # fmt: skip
    services.summary_save(office=office, actor=officer, month=MAY, entries=two_procurements())
    second = services.summary_send(office=office, actor=officer, month=MAY).pub_request
    assert second.pk != first.pk and second.title.endswith("(แบบ สขร.1)")


def test_published_through_the_chain_the_public_item_carries_both_files(office, officer, people):
    services.summary_save(office=office, actor=officer, month=MAY, entries=two_procurements())
    summary = services.summary_send(office=office, actor=officer, month=MAY)
    published = publish_through_chain(summary.pub_request, people)
    item = published.item
    assert item.topic.code == "procurement-summary" and item.fiscal_year == 2569
    assert sorted(a.extension for a in item.attachments.all()) == ["pdf", "xlsx"]
    summary.refresh_from_db()
    assert summary.stage == Stage.PUBLISHED and summary.item == item and summary.locked
    assert selectors.months_published(office, 2569) == {MAY: item}
    # Nothing in the generated files looks like personal data to the publish screen's check.
    assert "ตรวจแล้ว ไม่พบข้อมูลส่วนบุคคล" in published.redaction_note


def test_a_nil_month_is_published_the_same_way(office, officer, people):
    services.summary_save(office=office, actor=officer, month=MAY, nil=True)
    summary = services.summary_send(office=office, actor=officer, month=MAY)
    assert summary.pub_request.summary == "ในรอบเดือนพฤษภาคม 2569 ไม่มีการจัดซื้อจัดจ้าง"
    item = publish_through_chain(summary.pub_request, people).item
    assert item.title.endswith("(แบบ สขร.1) – ไม่มีการจัดซื้อจัดจ้าง") and item.attachments.count() == 2
    (row,) = [r for r in selectors.public_months(office, 2569) if r.month == MAY]
    assert row.item == item and row.nil
