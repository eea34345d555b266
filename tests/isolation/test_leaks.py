"""The leaks the route walk found, each pinned by the rule it broke (see the commit that fixed each)."""

import datetime as dt
import io

import pytest

from khaosan.audit.models import AuditCode, AuditEvent
from tests.isolation.helpers import assert_no_token, body_text, changes, office_rows
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


def test_a_visitors_request_is_in_the_export_of_the_office_whose_host_it_named(world, signed_in):
    from khaosan.audit.traffic import traffic_record_write

    at = dt.datetime(2026, 6, 16, 5, 0, tzinfo=dt.UTC)
    for host, path in ((B_HOST, "/visitor-of-b/"), ("testserver", "/visitor-of-a/"), ("", "/before-hosts/")):
        traffic_record_write(at=at, address="203.0.113.9", port=40000, user_id=None, username="", method="GET",
                             path=path, status=200, response_bytes=10, duration_ms=1, user_agent="test",
                             request_id="f" * 32, host=host)  # fmt: skip
    theirs = body_text(signed_in["other", "admin"].post("/backoffice/traffic/", EXPORT, HTTP_HOST=B_HOST))
    assert "/visitor-of-b/" in theirs and "/visitor-of-a/" not in theirs and "/before-hosts/" not in theirs
    mine = body_text(signed_in["banluang", "admin"].post("/backoffice/traffic/", EXPORT))  # A: the default office
    assert "/visitor-of-a/" in mine and "/visitor-of-b/" not in mine and "/before-hosts/" not in mine


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


def test_the_back_office_names_the_signed_in_persons_office_whatever_host_it_is_reached_at(world, signed_in):
    """Before: under office A's host, office B's people saw A's name in the back-office's title and header."""
    page = body_text(signed_in["other", "requester"].get("/backoffice/"))  # testserver: office A's host
    assert world.b.office.name_th in page and world.a.office.name_th not in page


def test_forms_of_office_b_take_no_person_or_unit_of_office_a(world, signed_in):
    from khaosan.eservice.models import EvaluationProfile, UnitHead
    from khaosan.org.models import Delegation, Staff
    from khaosan.reports.models import Training
    from khaosan.workflow.models import PublicationRequest

    a, b = world.a, world.b
    theirs, admin = a.people["requester"], signed_in["other", "admin"]
    a_unit = theirs.unit
    posts = {
        "/backoffice/delegations/": {"role": "approver", "delegator": a.people["approver"].pk, "delegate": theirs.pk,
                                     "starts_on": "2026-06-17", "ends_on": "2026-06-20", "reason": "ลา"},
        "/backoffice/staff/new/": {"username": "b-new", "first_name": "ใหม่", "last_name": "ทดสอบ",
                                   "email": "b-new@example.go.th", "unit": a_unit.pk, "position": "x"},
        "/backoffice/reports/trainings/new/": {"person": theirs.pk, "kind": "training", "title": "อบรม",
                                               "organiser": "x", "starts_on": "2026-06-01", "ends_on": "2026-06-01",
                                               "hours": "3"},
        "/backoffice/evaluation/unit-heads/": {f"unit_{u.pk}": theirs.pk for u in b.office.units.all()},
        f"/backoffice/evaluation/people/{b.people['colleague'].pk}/": {"staff_type": "government", "evaluator": theirs.pk,
                                                                       "supervisor": theirs.pk},
        "/backoffice/register/": {"channel": "letter", "title": "หนังสือ", "requester_name": "x",
                                  "requester_unit": a_unit.pk, "summary": "x", "source": "x"},
    }  # fmt: skip
    before = office_rows(a.office)
    for url, data in posts.items():
        for host in (B_HOST, "testserver"):
            admin.post(url, data, HTTP_HOST=host)
            signed_in["other", "webmaster"].post(url, data, HTTP_HOST=host)
    assert not Delegation.objects.filter(office=b.office, delegate__office=a.office).exists()
    assert not Staff.objects.filter(office=b.office, unit__office=a.office).exists()
    assert not Training.objects.filter(office=b.office, person__office=a.office).exists()
    assert not UnitHead.objects.filter(unit__office=b.office, head__office=a.office).exists()
    assert not EvaluationProfile.objects.filter(staff__office=b.office, evaluator__office=a.office).exists()
    assert not PublicationRequest.objects.filter(office=b.office, requester_unit__office=a.office).exists()
    assert not changes(before, office_rows(a.office))
