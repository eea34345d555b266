"""The leaks the route walk found, each pinned by the rule it broke (see the commit that fixed each)."""

import datetime as dt
import io

import pytest

from khaosan.audit.models import AuditCode, AuditEvent
from tests.isolation.helpers import assert_no_token, body_text
from tests.isolation.world import B_HOST

pytestmark = pytest.mark.django_db
EXPORT = {"date_from": "2026-06-16", "date_to": "2026-06-17", "reason": "หนังสือขอข้อมูลของพนักงานเจ้าหน้าที่ ที่ 1/2569"}


def test_an_office_administrators_traffic_export_holds_only_their_own_offices_people(world, signed_in):
    """Before: the export was the whole deployment's log, A's staff and their URLs included, for B's administrator."""
    theirs = body_text(signed_in["other", "admin"].post("/backoffice/traffic/", EXPORT, HTTP_HOST=B_HOST))
    assert world.a.token not in theirs and world.a.people["requester"].username not in theirs
    assert world.b.people["requester"].username in theirs and f"/backoffice/?q={world.b.token}" in theirs
    mine = body_text(signed_in["banluang", "admin"].post("/backoffice/traffic/", EXPORT))
    assert f"/backoffice/?q={world.a.token}" in mine and world.b.token not in mine


def test_the_platform_operator_and_the_command_line_still_export_the_whole_log(world, operator):
    from khaosan.audit.traffic import traffic_export
    from khaosan.org.models import Staff

    for actor in (None, Staff.objects.get(username="platform")):
        out = io.BytesIO()
        traffic_export(out=out, date_from=dt.date(2026, 6, 16), date_to=dt.date(2026, 6, 17), reason="คำสั่งศาล",
                       actor=actor, system="traffic-export")  # fmt: skip
        text = out.getvalue().decode("utf-8-sig")
        assert world.a.token in text and world.b.token in text


def test_an_office_administrators_export_is_recorded_in_their_own_offices_trail(world, signed_in):
    """Before: the export's audit row had no office, so every office's administrator read it in their trail."""
    signed_in["banluang", "admin"].post("/backoffice/traffic/", EXPORT)
    event = AuditEvent.objects.filter(action=AuditCode.TRAFFIC_EXPORTED).latest("pk")
    assert event.office == world.a.office
    response = signed_in["other", "admin"].get("/backoffice/audit/?action=traffic.exported", HTTP_HOST=B_HOST)
    assert_no_token(response, "หนังสือขอข้อมูลของพนักงานเจ้าหน้าที่", "B's audit trail")
