"""The audit trail and traffic log screens: who may read them, and that reading them is recorded."""

import pytest

from khaosan.audit.models import AuditEvent
from tests.workflow.conftest import submitted_request

pytestmark = pytest.mark.django_db


def test_the_committee_reads_the_audit_trail_with_filters(as_person, office, people):
    submitted_request(office, people["requester"], title="คำขอที่ตรวจสอบได้")
    client = as_person("committee")
    html = client.get("/backoffice/audit/", {"action": "request.submitted"}).content.decode()
    assert "คำขอที่ตรวจสอบได้" in html and "ยื่นคำขอ" in html
    response = client.post("/backoffice/audit/check/", follow=True)
    assert "บันทึกตรวจสอบครบถ้วน" in response.content.decode()


def test_only_administrators_read_the_traffic_log_and_each_view_is_recorded(as_person, client, office, people):
    assert as_person("committee").get("/backoffice/traffic/").status_code == 403
    client.logout()
    admin = as_person("admin")
    html = admin.get("/backoffice/traffic/").content.decode()
    assert "ข้อมูลจราจรทางคอมพิวเตอร์" in html and "นาฬิกาของเครื่อง" in html
    assert AuditEvent.objects.filter(action="traffic.viewed", actor=people["admin"]).exists()


def test_an_export_needs_a_reason_and_is_recorded(as_person, office, people):
    import datetime as dt

    admin = as_person("admin")
    today = dt.date.today().isoformat()
    refused = admin.post("/backoffice/traffic/", {"date_from": today, "date_to": today, "reason": ""})
    assert "โปรดระบุเหตุผลหรือเลขที่หนังสือขอข้อมูล" in refused.content.decode()
    response = admin.post("/backoffice/traffic/", {"date_from": today, "date_to": today,
                                                   "reason": "หนังสือ สภ.บ้านหลวง ที่ 0001/2569"})  # fmt: skip
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    assert AuditEvent.objects.filter(action="traffic.exported", actor=people["admin"]).exists()
