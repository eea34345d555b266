"""Dates and times people read are the office's (Asia/Bangkok), whatever zone the server runs in.

The suite runs the process in SERVER_ZONE (UTC unless KHAOSAN_TEST_SERVER_TZ says otherwise, see
tests/conftest.py); at 2026-06-17 23:30 UTC it is already 18 June 06:30 in Bangkok.
"""

import datetime as dt
import random
from types import SimpleNamespace

import pytest

from khaosan.audit.models import AuditEvent
from khaosan.catalog.models import StandardRelease
from khaosan.demo import content
from tests.conftest import SERVER_ZONE

SPLIT = "2026-06-17T23:30:00+00:00"


def test_the_suite_runs_the_server_in_another_zone_than_the_office(clock):
    clock.move_to(SPLIT)
    assert clock.today == dt.date(2026, 6, 18)
    if SERVER_ZONE.key == "UTC":
        assert dt.date.today() == dt.date(2026, 6, 17)  # what code reading the server's date would get


@pytest.mark.django_db
def test_an_audit_event_reads_in_bangkok_time(clock):
    clock.move_to(SPLIT, tick=False)
    event = AuditEvent.objects.create(action="staff.invited", actor_label="system:test", object_repr="x")
    assert str(event) == "18 มิ.ย. 2569 06:30 น. ระบบ (test) เพิ่มเจ้าหน้าที่ x"


def test_a_standard_release_reads_in_bangkok_time():
    release = StandardRelease(version="2569.1", synced_at=dt.datetime(2026, 6, 17, 23, 30, tzinfo=dt.UTC))
    assert str(release) == "2569.1 (18 มิ.ย. 2569 06:30 น.)"


@pytest.mark.parametrize(("refresh", "title"), [
    ("monthly", "รายงานผลการจัดซื้อจัดจ้าง ประจำเดือนตุลาคม 2569"),
    ("quarterly", "รายงานผลการจัดซื้อจัดจ้าง ไตรมาสที่ 1/2570"),
])  # fmt: skip
def test_a_generated_demo_title_names_the_bangkok_month_and_quarter(refresh, title):
    topic = SimpleNamespace(kind="document", refresh=refresh, name_th="รายงานผลการจัดซื้อจัดจ้าง")
    first_of_october = dt.datetime(2026, 9, 30, 17, 30, tzinfo=dt.UTC)  # 1 October 00:30 in Bangkok
    assert content.generated_title(topic, random.Random(1), first_of_october) == title
