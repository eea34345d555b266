"""The traffic log cannot be changed undetected, and is kept as long as the law says and no longer (LOG-1, 2, 7)."""

import csv
import datetime as dt
import hashlib
import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from khaosan.audit import traffic
from khaosan.audit.models import (
    AppendOnlyError,
    AuditCode,
    AuditEvent,
    ChainVerification,
    Heartbeat,
    TrafficRecord,
    TrafficSegment,
)
from khaosan.audit.traffic import traffic_hold, traffic_purge, traffic_seal, traffic_status, traffic_verify
from khaosan.org.roles import Role
from tests.audit.conftest import UTC, write

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _at_now(clock):
    """Records are written and days sealed at NOW: the open segment is NOW's day, whatever today is."""
    clock.move_to(NOW, tick=False)


def day(n):
    """Noon UTC, `n` days before NOW's day."""
    return dt.datetime.combine(NOW.date() - dt.timedelta(days=n), dt.time(12), tzinfo=UTC)


def verify(*args):
    out = io.StringIO()
    try:
        call_command("traffic", "verify", *args, stdout=out)
    except CommandError as error:
        return False, out.getvalue() + str(error)
    return True, out.getvalue()


def sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_a_clean_log_verifies_with_a_one_line_summary():
    for n in range(5):
        write(NOW + dt.timedelta(seconds=n), path=f"/item/{n}/")
    ok, output = verify()
    assert ok and output.strip() == "traffic chain verified: 5 records in 1 segments, no problems."
    assert ChainVerification.objects.latest().ok


def test_a_record_changed_in_place_and_one_removed_from_the_middle_are_both_named():
    records = [write(NOW + dt.timedelta(seconds=n), path=f"/item/{n}/") for n in range(6)]
    sql("UPDATE audit_trafficrecord SET address = %s WHERE id = %s", ["198.51.100.66", records[1].pk])
    sql("DELETE FROM audit_trafficrecord WHERE id = %s", [records[3].pk])
    ok, output = verify()
    assert not ok
    assert f"record id {records[1].pk} (2026-11-25T10:00:01.000Z)" in output and "changed in place" in output
    assert f"record id {records[4].pk} (2026-11-25T10:00:04.000Z)" in output
    assert f"1 record(s) missing before it (seq 4, stored between id {records[2].pk} and id {records[4].pk}" in output
    assert not ChainVerification.objects.latest().ok


def test_a_record_whose_hash_was_recomputed_still_breaks_the_next_link():
    records = [write(NOW + dt.timedelta(seconds=n)) for n in range(3)]
    forged = records[1]
    forged.path = "/innocent/"
    sql(
        "UPDATE audit_trafficrecord SET path = %s, hash = %s WHERE id = %s",
        [forged.path, forged.compute_hash(), forged.pk],
    )
    ok, output = verify()
    assert not ok and f"record id {records[2].pk}" in output and "link to the record before it is broken" in output


def test_removing_the_newest_records_is_noticed_by_the_head():
    records = [write(NOW + dt.timedelta(seconds=n)) for n in range(3)]
    sql("DELETE FROM audit_trafficrecord WHERE id = %s", [records[2].pk])
    ok, output = verify()
    assert not ok and "the head counts 3 records, the log ends at seq 2" in output


def test_two_records_swapped_are_noticed_whether_their_content_or_whole_rows_moved():
    columns = ["at", "address", "path", "status", "request_id"]
    a, b, c, d = (write(NOW + dt.timedelta(seconds=n), path=f"/p/{n}/") for n in range(4))
    rows = {r["id"]: r for r in TrafficRecord.objects.filter(id__in=[a.pk, c.pk]).values("id", *columns)}
    for target, source in ((a.pk, c.pk), (c.pk, a.pk)):
        sets = ", ".join(f"{col} = %s" for col in columns)
        sql(f"UPDATE audit_trafficrecord SET {sets} WHERE id = %s", [rows[source][col] for col in columns] + [target])
    ok, output = verify()
    assert not ok and f"record id {a.pk}" in output and f"record id {c.pk}" in output

    # Undo, then move whole rows (chain fields too): the chain reads fine, storage order does not.
    for target, source in ((a.pk, a.pk), (c.pk, c.pk)):
        sets = ", ".join(f"{col} = %s" for col in columns)
        original = {a.pk: a, c.pk: c}[source]
        values = [getattr(original, col) for col in columns]
        sql(f"UPDATE audit_trafficrecord SET {sets} WHERE id = %s", values + [target])
    assert verify()[0]
    everything = columns + ["seq", "prev_hash", "hash", "port", "response_bytes", "duration_ms", "user_agent"]
    sql("UPDATE audit_trafficrecord SET seq = seq + 1000 WHERE id IN (%s, %s)", [b.pk, d.pk])
    for target, source in ((b.pk, d), (d.pk, b)):
        sets = ", ".join(f"{col} = %s" for col in everything)
        values = [getattr(source, col) for col in everything]
        sql(f"UPDATE audit_trafficrecord SET {sets} WHERE id = %s", values + [target])
    ok, output = verify()
    assert not ok and "stored out of order" in output


def test_seal_closes_finished_days_fills_days_without_traffic_and_is_idempotent():
    write(day(3))
    write(day(3) + dt.timedelta(minutes=1))
    write(day(1))  # nothing on day(2)
    write(NOW)  # today stays open
    sealed = traffic_seal(now=NOW)
    assert [(s.day, s.count) for s in sealed] == [(day(3).date(), 2), (day(2).date(), 0), (day(1).date(), 1)]
    assert sealed[1].prev_digest == sealed[0].digest and sealed[2].prev_digest == sealed[1].digest
    assert sealed[0].clock_synchronised is True and sealed[0].clock_offset_ms == 0.4
    assert traffic_seal(now=NOW) == []
    assert TrafficSegment.objects.get(day=NOW.date()).sealed_at is None
    assert AuditEvent.objects.filter(action=AuditCode.TRAFFIC_SEALED).count() == 3
    assert traffic_verify().ok


def test_a_request_ending_after_its_day_was_sealed_is_written_into_the_open_day():
    write(day(1))
    traffic_seal(now=NOW)
    late = write(day(1) + dt.timedelta(hours=11, minutes=59))  # began 23:59 yesterday, written today
    assert late.segment > day(1).date()
    assert late.at.date() == day(1).date()
    assert traffic_verify().ok


def _record(at, path, **fields):
    return {"at": at, "address": "192.0.2.10", "port": 50000, "user_id": None, "username": "", "method": "GET",
            "path": path, "status": 200, "response_bytes": 1234, "duration_ms": 1, "user_agent": "nginx test",
            "request_id": "1" * 32, **fields}  # fmt: skip


def test_a_batch_is_chained_as_one_record_after_another_across_days_and_a_sealed_day():
    write(day(2))
    traffic_seal(now=NOW)  # day(2) and day(1) sealed: their late records go into NOW's day
    write(NOW)
    batch = [
        _record(day(2) + dt.timedelta(hours=11), "/late-for-a-sealed-day/"),
        _record(NOW + dt.timedelta(seconds=1), "/today/1/", host="ssobanluang.go.th"),
        _record(day(1) + dt.timedelta(hours=11, minutes=59), "/late-for-yesterday/"),
        _record(NOW + dt.timedelta(seconds=2), "/today/2/"),
    ]
    assert traffic.traffic_records_write(batch) == 4
    today = TrafficRecord.objects.filter(segment=NOW.date()).order_by("seq")
    assert [r.path for r in today] == ["/", "/late-for-a-sealed-day/", "/today/1/", "/late-for-yesterday/", "/today/2/"]
    assert [r.seq for r in today] == [1, 2, 3, 4, 5]
    assert TrafficSegment.objects.get(day=NOW.date()).count == 5
    assert traffic_verify().ok
    assert traffic.traffic_records_write([]) == 0


def test_a_changed_seal_and_a_removed_day_are_detected():
    for n in (3, 2, 1):
        write(day(n))
    traffic_seal(now=NOW)
    sql("UPDATE audit_trafficsegment SET count = 5 WHERE day = %s", [day(3).date()])
    result = traffic_verify()
    assert any(f"segment {day(3).date()}: its seal does not match" in p for p in result.problems)

    sql("UPDATE audit_trafficsegment SET count = 1 WHERE day = %s", [day(3).date()])
    sql("DELETE FROM audit_trafficrecord WHERE segment = %s", [day(2).date()])
    sql("DELETE FROM audit_trafficsegment WHERE day = %s", [day(2).date()])
    problems = traffic_verify().problems
    assert any(f"the days between {day(3).date()} and {day(1).date()} are missing" in p for p in problems)


def test_records_refuse_to_be_changed_or_deleted_in_the_app():
    entry = write(NOW)
    entry.path = "/changed/"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        TrafficRecord.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        TrafficRecord.objects.update(path="/x/")


def test_purge_removes_only_sealed_days_past_retention_and_not_under_a_hold():
    old, held, young = day(100), day(120), day(30)
    for at in (held, old, young):
        write(at)
    traffic_seal(now=NOW)
    traffic_hold(day=held.date(), until=NOW.date() + dt.timedelta(days=60), reason="หนังสือ สภ.บ้านหลวง ที่ 0001/2569",
                 now=NOW)  # fmt: skip

    assert traffic_purge(now=NOW, dry_run=True).purged == [(old.date(), 1)]
    assert TrafficRecord.objects.filter(segment=old.date()).exists()

    result = traffic_purge(now=NOW)
    assert result.purged == [(old.date(), 1)] and result.held == [held.date()]
    assert not TrafficRecord.objects.filter(segment=old.date()).exists()
    assert TrafficRecord.objects.filter(segment__in=[held.date(), young.date()]).count() == 2
    kept = TrafficSegment.objects.get(day=old.date())
    assert kept.purged_at is not None and kept.digest and kept.count == 1
    assert traffic_verify().ok  # the chain of days still checks out without the records
    event = AuditEvent.objects.get(action=AuditCode.TRAFFIC_PURGED)
    assert event.changes["segments"] == [[old.date().isoformat(), 1]] and event.changes["retention_days"] == 90
    assert traffic_purge(now=NOW).purged == []


def test_purge_never_touches_open_days_however_old():
    write(day(200))
    assert traffic_purge(now=NOW).purged == []
    assert TrafficRecord.objects.exists()


def test_a_hold_needs_a_reason_and_ends_within_two_years():
    write(day(10))
    with pytest.raises(ValidationError):
        traffic_hold(day=day(10).date(), until=NOW.date() + dt.timedelta(days=30), reason=" ", now=NOW)
    with pytest.raises(ValidationError):
        traffic_hold(day=day(10).date(), until=day(10).date() + dt.timedelta(days=731), reason="คำสั่ง", now=NOW)
    with pytest.raises(CommandError):
        call_command("traffic", "hold", "--segment", "2001-01-01", "--until", "2001-02-01", "--reason", "x")


def test_retention_outside_90_days_to_2_years_stops_the_start(monkeypatch):
    from khaosan import settings as khaosan_settings

    for wrong in ("89", "731"):
        monkeypatch.setenv("KHAOSAN_TRAFFIC_RETENTION_DAYS", wrong)
        with pytest.raises(ImproperlyConfigured, match="at least 90 days"):
            khaosan_settings.env_traffic_retention_days()
    monkeypatch.setenv("KHAOSAN_TRAFFIC_RETENTION_DAYS", "365")
    assert khaosan_settings.env_traffic_retention_days() == 365


def test_export_writes_csv_with_a_bom_for_excel_and_an_audit_event(tmp_path, django_user_model):
    officer = django_user_model.objects.create_user("webmaster", password="not-used-here-1")
    officer.groups.add(Group.objects.get_or_create(name=Role.ADMINISTRATOR)[0])  # the traffic log's reader (LOG-8)
    write(NOW, address="192.0.2.10", path="/search/?q=*************", user_agent="=cmd|' /C calc'!A0")
    write(NOW + dt.timedelta(seconds=1), address="198.51.100.7")
    target = tmp_path / "traffic.csv"
    call_command(
        "traffic", "export", "--from", "2026-11-25", "--to", "2026-11-25", "--ip", "192.0.2.10",
        "--output", str(target), "--reason", "หนังสือ สภ.บ้านหลวง ที่ 0001/2569", "--actor", "webmaster",
        stderr=io.StringIO(),
    )  # fmt: skip
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 1
    assert rows[0]["client_address"] == "192.0.2.10" and rows[0]["time_utc"] == "2026-11-25T10:00:00.000Z"
    assert rows[0]["time_thailand"] == "2026-11-25T17:00:00.000+07:00"
    assert rows[0]["user_agent"].startswith("'=")  # Excel does not run it as a formula
    event = AuditEvent.objects.get(action=AuditCode.TRAFFIC_EXPORTED)
    assert event.actor == officer
    assert event.changes["rows"] == 1 and event.changes["reason"] == "หนังสือ สภ.บ้านหลวง ที่ 0001/2569"
    assert event.changes["filter_address"] == "192.0.2.10" and event.changes["chain_ok"] is True
    assert event.changes["sha256"] == hashlib.sha256(data).hexdigest()


def test_housekeeping_seals_purges_and_leaves_a_heartbeat_each_time():
    write(day(3))
    call_command("housekeeping", stdout=io.StringIO())
    call_command("housekeeping", stdout=io.StringIO())
    beat = Heartbeat.objects.get(job="housekeeping")
    assert beat.last_ok is True and beat.runs == 2
    assert Heartbeat.objects.get(job="traffic.seal").last_ok is True
    assert AuditEvent.objects.filter(action=AuditCode.TRAFFIC_SEALED).count() == 3  # day -3, -2, -1 once
    ran = AuditEvent.objects.filter(action=AuditCode.HOUSEKEEPING_RAN)
    assert ran.count() == 2 and {e.actor_label for e in ran} == {"system:housekeeping"}


def test_the_status_screen_has_what_the_back_office_shows():
    write(day(1))
    write(NOW)
    traffic_seal(now=NOW)
    traffic_verify()
    status = traffic_status(now=NOW)
    assert status.today_count == 1 and status.last_record_at == NOW
    assert status.last_sealed.day == day(1).date() and status.last_verification.ok
    assert status.clock.synchronised and status.retention_days == 90 and status.write_failures_today == 0


# Bangkok's 26 November 2026 runs from 25 November 17:00 to 26 November 17:00 UTC: across two segments.
BANGKOK_26_NOVEMBER = dt.datetime(2026, 11, 25, 17, 0, tzinfo=UTC)


def test_todays_count_is_of_the_bangkok_day_across_two_utc_segments(clock):
    write(BANGKOK_26_NOVEMBER - dt.timedelta(milliseconds=1))  # 25 November 23:59:59.999 in Bangkok
    write(BANGKOK_26_NOVEMBER)
    write(BANGKOK_26_NOVEMBER + dt.timedelta(hours=9))  # 26 November 09:00 UTC, the next segment
    clock.move_to(BANGKOK_26_NOVEMBER + dt.timedelta(hours=10))
    assert traffic_status().today_count == 2


def test_write_failures_count_for_the_bangkok_day(clock):
    from khaosan.audit.traffic import traffic_failure_count, write_failures

    clock.move_to(BANGKOK_26_NOVEMBER - dt.timedelta(minutes=1))
    traffic_failure_count(error=OSError("disk full"))
    clock.move_to(BANGKOK_26_NOVEMBER + dt.timedelta(minutes=1))  # still 25 November in UTC
    traffic_failure_count(error=OSError("disk full"))
    assert write_failures()[:2] == (1, 2)
    assert traffic_status().write_failures_today == 1


def test_a_hold_lasts_to_the_end_of_its_last_bangkok_day(clock):
    held = day(120)
    write(held)
    traffic_seal(now=NOW)
    traffic_hold(day=held.date(), until=dt.date(2026, 11, 25), reason="คำสั่งที่ 1/2570", now=NOW - dt.timedelta(days=1))
    clock.move_to(BANGKOK_26_NOVEMBER - dt.timedelta(minutes=1))  # 25 November 23:59 in Bangkok
    assert traffic_status().holds and traffic_purge().held == [held.date()]
    clock.move_to(BANGKOK_26_NOVEMBER + dt.timedelta(minutes=1))  # 26 November in Bangkok, not yet in UTC
    assert not traffic_status().holds and traffic_purge().purged == [(held.date(), 1)]


def test_a_hold_must_end_after_the_office_s_today(clock):
    write(day(10))
    traffic_seal(now=NOW)
    clock.move_to(BANGKOK_26_NOVEMBER + dt.timedelta(minutes=1))  # 26 November in Bangkok, 25 in UTC
    with pytest.raises(ValidationError, match="ต้องอยู่หลังวันนี้"):
        traffic_hold(day=day(10).date(), until=dt.date(2026, 11, 26), reason="คำสั่งที่ 2/2570")
    assert traffic_hold(day=day(10).date(), until=dt.date(2026, 11, 27), reason="คำสั่งที่ 2/2570").until


def test_the_host_a_request_named_is_kept_in_the_chain_and_older_records_without_one_still_verify():
    from khaosan.audit import chain
    from khaosan.audit.traffic import host_name

    before = write(NOW, path="/written-before-hosts/")  # no host: recipe "traffic/1", as records written before
    assert before.host == "" and before.hash == chain.digest(
        "traffic/1", before.segment.isoformat(), before.seq, chain.canonical_time(before.at, milliseconds=True),
        chain.canonical_address(before.address), before.port, before.user_id, before.username, before.method,
        before.path, before.status, before.response_bytes, before.duration_ms, before.user_agent, before.request_id,
        before.prev_hash,
    )  # fmt: skip
    named = write(NOW + dt.timedelta(seconds=1), host="SSOBanLuang.go.th:443")
    assert named.host == "ssobanluang.go.th"
    assert verify()[0]
    sql("UPDATE audit_trafficrecord SET host = %s WHERE id = %s", ["other.example.go.th", named.pk])
    sql("UPDATE audit_trafficrecord SET host = %s WHERE id = %s", ["ssobanluang.go.th", before.pk])
    ok, output = verify()
    assert not ok and f"record id {named.pk}" in output and f"record id {before.pk}" in output
    assert [host_name(h) for h in ("", "Example.go.th", "example.go.th:8443", "[::1]:8000", "::1", "x" * 300)] == [
        "", "example.go.th", "example.go.th", "[::1]", "::1", "x" * 255,
    ]  # fmt: skip


def test_the_middleware_records_the_host_the_request_named(client):
    client.get("/", HTTP_HOST="testserver")
    assert TrafficRecord.objects.latest("pk").host == "testserver"
