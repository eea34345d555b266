"""The compliance dashboard and `compliance status`: the same states, scoped by role, never a 5xx."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from khaosan.audit.services import housekeeping_run
from khaosan.compliance.states import completeness, topic_statuses
from khaosan.workflow.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def some_published(publish, office):
    publish("history", "ประวัติความเป็นมา")
    publish("procurement-plan", "แผนการจัดซื้อจัดจ้าง", owner_unit=office.units.get(code="procurement"))


def rows(html):
    import re

    return dict(re.findall(r'data-topic="([\w-]+)" data-state="(\w+)"', html))


def test_the_web_master_sees_every_topic_with_the_states_the_command_prints(as_person, office, some_published):
    html = as_person("webmaster").get("/backoffice/compliance/").content.decode()
    on_screen = rows(html)
    out = io.StringIO()
    with pytest.raises(CommandError):  # required topics are missing: the command says so with its exit status
        call_command("compliance", "status", "--json", "--office", office.slug, stdout=out)
    printed = {t["code"]: t["state"] for t in json.loads(out.getvalue())["topics"]}
    assert on_screen == printed and on_screen["history"] == "current" and on_screen["strategy"] == "missing"
    score = completeness(topic_statuses(office)).score
    assert f"{score:.1f}%" in html and json.loads(out.getvalue())["score"] == score
    assert "ตรวจระดับสำนักงาน" in html and 'data-check="webmasters"' in html


def test_a_staff_member_sees_the_topics_of_their_own_unit_with_request_this(as_person, office, people, some_published):
    people["outsider"].refresh_from_db()  # procurement unit
    html = as_person("outsider").get("/backoffice/compliance/").content.decode()
    shown = rows(html)
    assert "procurement-summary" in shown and "history" not in shown
    assert "general-news" in shown  # "all" units answer for the news
    assert "/backoffice/requests/new/?topic=procurement-summary" in html
    assert "ตรวจระดับสำนักงาน" not in html


def test_the_committee_reads_everything_without_action_buttons(as_person, some_published):
    html = as_person("committee").get("/backoffice/compliance/").content.decode()
    assert "history" in rows(html) and "แจ้งหน่วยงาน" not in html


def test_the_state_filter_shows_only_that_state(as_person, some_published):
    html = as_person("webmaster").get("/backoffice/compliance/?state=current").content.decode()
    assert set(rows(html).values()) == {"current"}


def test_a_web_master_asks_the_responsible_unit_once_a_day(as_person, office, people, some_published):
    client = as_person("webmaster")
    response = client.post("/backoffice/compliance/procurement-summary/ask/", follow=True)
    assert "แจ้ง 2 คนในหน่วยงานที่รับผิดชอบแล้ว" in response.content.decode()  # the procurement unit's two
    note = Notification.objects.get(recipient=people["outsider"])
    assert note.url.startswith("/backoffice/requests/new/?topic=procurement-summary")
    again = client.post("/backoffice/compliance/procurement-summary/ask/", follow=True)
    assert "วันนี้แจ้งหน่วยงานเรื่องหัวข้อนี้ไปแล้ว" in again.content.decode()
    refused = as_person("requester").post("/backoffice/compliance/procurement-summary/ask/", follow=True)
    assert "แจ้งหน่วยงานได้เฉพาะผู้ดูแลเว็บไซต์" in refused.content.decode()


def test_the_history_chart_is_an_svg_of_the_daily_snapshots(as_person, office, clock, some_published):
    for _day in range(3):
        housekeeping_run()
        clock.advance(days=1)
    client = as_person("webmaster")
    assert "compliance/history.svg" in client.get("/backoffice/compliance/").content.decode()
    response = client.get("/backoffice/compliance/history.svg")
    assert response["Content-Type"] == "image/svg+xml" and b"<svg" in response.content
    assert b"<script" not in response.content


def test_the_command_passes_when_every_required_topic_is_current(office, publish, monkeypatch):
    statuses = topic_statuses(office)
    for status in statuses:
        status.state = "current"
    monkeypatch.setattr("khaosan.compliance.management.commands.compliance.topic_statuses", lambda office: statuses)
    out = io.StringIO()
    call_command("compliance", "status", stdout=out)
    assert out.getvalue().startswith(f"{office.slug}: score 100.0%")


def test_the_dashboard_answers_without_an_office_standard_synced_items_or_snapshots(as_person):
    assert as_person("admin").get("/backoffice/compliance/").status_code == 200


def test_web_masters_are_told_on_every_screen_when_housekeeping_has_not_run_for_a_day(as_person, office, clock):
    client = as_person("webmaster")
    assert "งานดูแลระบบประจำวันไม่ได้ทำงาน" in client.get("/backoffice/").content.decode()  # never ran
    housekeeping_run()
    assert "งานดูแลระบบประจำวันไม่ได้ทำงาน" not in client.get("/backoffice/").content.decode()
    clock.advance(hours=27)
    page = as_person("webmaster").get("/backoffice/requests/").content.decode()  # a new session after a day
    assert "งานดูแลระบบประจำวันไม่ได้ทำงาน" in page and "เกิน 1 วันแล้ว" in page


def test_requesters_are_not_shown_the_housekeeping_alarm(as_person):
    assert "งานดูแลระบบประจำวันไม่ได้ทำงาน" not in as_person("requester").get("/backoffice/").content.decode()


def test_housekeeping_every_needs_at_least_a_minute(db):
    with pytest.raises(CommandError, match="at least 60 seconds"):
        call_command("housekeeping", "--every", "5")


def test_office_checks_name_what_is_missing(office, people):
    from khaosan.compliance.office_checks import office_checks

    office.fax = ""
    office.save()
    checks = {c.code: c for c in office_checks(office)}
    assert checks["webmasters"].ok and not checks["contact"].ok and checks["contact"].detail == "ยังขาด: โทรสาร"
    assert not checks["executive"].ok and "ภาพถ่าย" in checks["executive"].detail
    assert not checks["backups"].ok and not checks["housekeeping"].ok
