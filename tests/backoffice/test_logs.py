"""The audit trail and traffic log screens: who may read them, that reading them is recorded, and that
their dates are the office's (Asia/Bangkok) while the server runs in another zone (tests/conftest.py)."""

import datetime as dt
import re

import pytest

from khaosan.audit.models import AuditCode, AuditEvent, ChainVerification
from khaosan.audit.services import record
from tests.workflow.conftest import submitted_request

pytestmark = pytest.mark.django_db


def test_the_committee_reads_the_audit_trail_with_filters(as_person, office, people):
    submitted_request(office, people["requester"], title="คำขอที่ตรวจสอบได้")
    client = as_person("committee")
    html = client.get("/backoffice/audit/", {"action": "request.submitted"}).content.decode()
    assert "คำขอที่ตรวจสอบได้" in html and "ยื่นคำขอ" in html
    response = client.post("/backoffice/audit/check/", follow=True)
    assert "บันทึกตรวจสอบครบถ้วน" in response.content.decode()


def test_the_trail_interleaves_the_office_and_the_system_jobs_newest_first_page_by_page(
    as_person, client, office, other_office, people, clock
):
    start = clock.now
    for minute in range(30):  # the office and the system jobs in turn, another office's at every minute
        clock.move_to(start + dt.timedelta(minutes=minute), tick=False)
        if minute % 2:
            record(None, AuditCode.ITEM_PUBLISHED, office=office, system="test", reason=f"office-{minute:02}")
        else:
            record(None, AuditCode.HOUSEKEEPING_RAN, system="test", reason=f"system-{minute:02}")
        record(None, AuditCode.ITEM_PUBLISHED, office=other_office, system="test", reason=f"theirs-{minute:02}")

    def marks(reader, page=1, **filters):
        html = reader.get("/backoffice/audit/", {"page": page, **filters}).content.decode()
        return re.findall(r"<span>(office|system|theirs)-(\d\d)</span>", html)

    admin = as_person("admin")
    seen = marks(admin, 1) + marks(admin, 2)
    assert [int(minute) for _, minute in seen] == list(range(29, -1, -1))
    assert [kind for kind, _ in seen[:2]] == ["office", "system"]
    assert {kind for kind, _ in marks(admin, action="housekeeping.ran")} == {"system"}
    client.logout()
    assert {kind for kind, _ in marks(as_person("committee"))} == {"office"}


def test_only_administrators_read_the_traffic_log_and_each_view_is_recorded(as_person, client, office, people):
    assert as_person("committee").get("/backoffice/traffic/").status_code == 403
    client.logout()
    admin = as_person("admin")
    html = admin.get("/backoffice/traffic/").content.decode()
    assert "ข้อมูลจราจรทางคอมพิวเตอร์" in html and "นาฬิกาของเครื่อง" in html
    assert AuditEvent.objects.filter(action="traffic.viewed", actor=people["admin"]).exists()


def test_an_export_needs_a_reason_and_is_recorded(as_person, office, people, clock):
    admin = as_person("admin")
    today = clock.today.isoformat()
    refused = admin.post("/backoffice/traffic/", {"date_from": today, "date_to": today, "reason": ""})
    assert "โปรดระบุเหตุผลหรือเลขที่หนังสือขอข้อมูล" in refused.content.decode()
    response = admin.post("/backoffice/traffic/", {"date_from": today, "date_to": today,
                                                   "reason": "หนังสือ สภ.บ้านหลวง ที่ 0001/2569"})  # fmt: skip
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    assert AuditEvent.objects.filter(action="traffic.exported", actor=people["admin"]).exists()


# 2026-06-17 23:30 UTC is 18 June 06:30 in Bangkok: the server's date and the office's differ.
SPLIT = "2026-06-17T23:30:00+00:00"


def test_the_audit_trail_shows_and_filters_by_the_bangkok_date(as_person, office, people, clock):
    clock.move_to(SPLIT, tick=False)
    submitted_request(office, people["requester"], title="คำขอยามเช้า")
    client = as_person("committee")
    html = client.get("/backoffice/audit/", {"action": "request.submitted"}).content.decode()
    assert "18 มิ.ย. 2569 06:30 น." in html
    on_the_18th = client.get("/backoffice/audit/", {"action": "request.submitted", "date_from": "2026-06-18",
                                                     "date_to": "2026-06-18"}).content.decode()  # fmt: skip
    on_the_17th = client.get("/backoffice/audit/", {"action": "request.submitted", "date_from": "2026-06-17",
                                                     "date_to": "2026-06-17"}).content.decode()  # fmt: skip
    assert "คำขอยามเช้า" in on_the_18th and "คำขอยามเช้า" not in on_the_17th


def test_the_traffic_screen_proposes_yesterday_and_today_in_bangkok(as_person, office, people, clock):
    clock.move_to(SPLIT)
    html = as_person("admin").get("/backoffice/traffic/").content.decode()
    assert 'name="date_from" value="17/6/2569"' in html and 'name="date_to" value="18/6/2569"' in html
    assert "รายการวันนี้ (UTC)" not in html and "(วันตามเวลา UTC)" not in html  # nothing sealed yet
    assert "เวลาสากล (UTC)" in html  # the page says which days are UTC days
    assert "18 มิ.ย. 2569 06:30 น." in html  # the last record (signing in), in Bangkok time


def test_checking_the_traffic_log_covers_the_last_seven_utc_days(as_person, office, people, clock):
    clock.move_to(SPLIT)
    as_person("admin").post("/backoffice/traffic/check/")
    check = ChainVerification.objects.get(chain="traffic")
    assert (check.date_from, check.date_to) == (dt.date(2026, 6, 10), dt.date(2026, 6, 17))
