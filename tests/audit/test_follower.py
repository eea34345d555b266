"""nginx's JSON access log into the traffic chain: the requests nginx answers without khaosan (S-2.8)."""

import contextlib
import datetime as dt
import json
import os
import shutil
import socket
import subprocess
import threading
import urllib.error
import urllib.request
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import call_command

from khaosan.audit import follower, traffic
from khaosan.audit.models import FollowedLog, TrafficRecord

pytestmark = pytest.mark.django_db


def line(uri="/static/khaosan/site.css", *, at=None, status=200, app_id="", addr="203.0.113.7", **extra):
    at = at or dt.datetime(2026, 6, 17, 3, 0, 0, 123000, tzinfo=dt.UTC)
    entry = {"msec": f"{at.timestamp():.3f}", "addr": addr, "port": "51234", "method": "GET", "uri": uri,
             "status": str(status), "bytes": "1834", "seconds": "0.002", "agent": "Mozilla/5.0 (Android)",
             "id": "3f2a9c0d5e6b4a1f8c7d6e5f4a3b2c1d", "host": "ssobanluang.go.th", "app_id": app_id, **extra}  # fmt: skip
    return json.dumps(entry, ensure_ascii=False) + "\n"


@pytest.fixture
def log(tmp_path):
    path = tmp_path / "khaosan-traffic.json"
    path.write_text("")
    return path


def append(path, *lines):
    with open(path, "a", encoding="utf-8") as out:
        out.write("".join(lines))


def test_requests_nginx_answered_itself_enter_the_chain_with_what_the_law_asks(log):
    at = dt.datetime(2026, 6, 17, 3, 0, 0, 123000, tzinfo=dt.UTC)
    append(log, line(at=at), line("/media/office/emblem.png?id=1234567890123&token=abc", status=404))
    result = follower.follow_once(log)
    assert (result.written, result.skipped, result.malformed) == (2, 0, 0)
    first, second = TrafficRecord.objects.order_by("seq")
    assert first.at == at and first.address == "203.0.113.7" and first.port == 51234
    assert (first.method, first.path, first.status, first.response_bytes) == (
        "GET",
        "/static/khaosan/site.css",
        200,
        1834,
    )
    assert first.duration_ms == 2 and first.user_agent == "Mozilla/5.0 (Android)" and first.username == ""
    assert first.host == "ssobanluang.go.th"  # which office's visitors these were, where offices share the log
    assert second.path == "/media/office/emblem.png?id=*************&token=***"  # LOG-14, as the app masks
    assert second.status == 404
    assert traffic.traffic_verify().ok


def test_requests_khaosan_answered_are_left_to_its_own_record_and_a_502_is_kept(log):
    append(log, line("/", app_id="a1b2c3d4e5f6a7b8"), line("/news/", status=502))
    result = follower.follow_once(log)
    assert (result.written, result.skipped) == (1, 1)
    assert TrafficRecord.objects.get().status == 502


def test_each_line_is_written_once_however_often_it_runs(log):
    append(log, line("/static/a.css"), line("/static/b.js"))
    follower.follow_once(log)
    assert follower.follow_once(log).written == 0
    append(log, line("/static/c.svg"))
    assert follower.follow_once(log).written == 1
    assert list(TrafficRecord.objects.order_by("seq").values_list("path", flat=True)) == [
        "/static/a.css", "/static/b.js", "/static/c.svg"]  # fmt: skip
    state = FollowedLog.objects.get(path=str(log))
    assert state.offset == log.stat().st_size and state.written == 3


def test_a_half_written_line_waits_for_its_end(log):
    whole = line("/static/half.css")
    append(log, line("/static/first.css"), whole[:40])
    assert follower.follow_once(log).written == 1
    append(log, whole[40:])
    assert follower.follow_once(log).written == 1
    assert TrafficRecord.objects.filter(path="/static/half.css").count() == 1


def test_a_line_that_is_not_nginx_json_is_skipped_and_counted_and_the_rest_goes_on(log):
    append(log, "not json at all\n", '["a list"]\n', line("/x", status="abc"), "{}\n", line("/static/ok.css"))
    result = follower.follow_once(log)
    assert (result.written, result.malformed) == (1, 4)
    assert FollowedLog.objects.get().malformed == 4


def test_a_line_far_longer_than_nginx_writes_is_skipped_without_reading_it_whole(log):
    append(log, "x" * (follower.LONGEST_LINE + 10) + "\n", line("/static/after.css"))
    result = follower.follow_once(log)
    assert (result.written, result.malformed) == (1, 1)


def test_a_rotated_log_is_read_to_its_end_then_the_new_one_from_its_start(log):
    append(log, line("/static/1.css"))
    follower.follow_once(log)
    append(log, line("/static/2.css"))  # written after the last read, just before logrotate renamed the file
    log.rename(f"{log}.1")
    log.write_text(line("/static/3.css"))
    assert follower.follow_once(log).written == 2
    assert follower.follow_once(log).written == 0
    assert list(TrafficRecord.objects.order_by("seq").values_list("path", flat=True)) == [
        "/static/1.css", "/static/2.css", "/static/3.css"]  # fmt: skip


def test_a_log_cut_short_in_place_is_read_again_from_its_start(log):
    append(log, line("/static/1.css"), line("/static/2.css"))
    follower.follow_once(log)
    log.write_text(line("/static/3.css"))  # copytruncate, then nginx wrote one line
    assert follower.follow_once(log).written == 1


def test_a_failed_write_keeps_the_position_so_nothing_is_lost_or_doubled(log):
    append(log, line("/static/1.css"), line("/static/2.css"))

    def one_written_then_fails(records, **kwargs):
        traffic.traffic_record_write(**records[0])
        raise RuntimeError("database is locked")

    with (
        mock.patch.object(traffic, "traffic_records_write", side_effect=one_written_then_fails),
        pytest.raises(RuntimeError),
    ):
        follower.follow_once(log)
    assert TrafficRecord.objects.count() == 0 and FollowedLog.objects.get().offset == 0
    assert follower.follow_once(log).written == 2


def test_a_missing_log_is_said_and_nothing_breaks(tmp_path, caplog):
    assert follower.follow_once(tmp_path / "nowhere.json").written == 0
    assert "missing" in caplog.text


def test_the_command_reads_each_log_once(log, tmp_path, capsys):
    other = tmp_path / "other.json"
    other.write_text(line("/static/other.css"))
    append(log, line("/static/one.css"))
    call_command("traffic", "follow", "--log", str(log), "--log", str(other), "--once")
    assert "1 written" in capsys.readouterr().out
    assert TrafficRecord.objects.count() == 2


def test_the_documented_nginx_format_names_every_field_the_follower_reads():
    for name in (
        "msec",
        "addr",
        "port",
        "method",
        "uri",
        "status",
        "bytes",
        "seconds",
        "agent",
        "id",
        "host",
        "app_id",
        "cache",
    ):
        assert f'"{name}":"$' in follower.NGINX_LOG_FORMAT
    assert "escape=json" in follower.NGINX_LOG_FORMAT and "$upstream_http_x_request_id" in follower.NGINX_LOG_FORMAT
    readme = (settings.BASE_DIR.parent.parent / "README.md").read_text(encoding="utf-8")
    assert follower.NGINX_LOG_FORMAT in readme  # the line operators copy is the one the follower reads


@pytest.mark.skipif(not shutil.which("nginx"), reason="no nginx on this machine (the tests above read its format)")
def test_the_documented_format_in_a_real_nginx_gives_lines_the_follower_reads(tmp_path):
    """nginx itself, with NGINX_LOG_FORMAT as the README gives it, serving a static file on 127.0.0.1."""
    static = tmp_path / "static"
    static.mkdir()
    (static / "site.css").write_text("body{}")
    log_path = tmp_path / "access.json"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(f"""{user}
daemon off; worker_processes 1; pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;
events {{ worker_connections 16; }}
http {{
    {follower.NGINX_LOG_FORMAT}
    access_log {log_path} khaosan_json;
    client_body_temp_path {tmp_path}; proxy_temp_path {tmp_path}; fastcgi_temp_path {tmp_path};
    uwsgi_temp_path {tmp_path}; scgi_temp_path {tmp_path};
    server {{ listen 127.0.0.1:{port}; location /static/ {{ alias {static}/; }} }}
}}""")
    server = subprocess.Popen(["nginx", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                              stderr=subprocess.PIPE)  # fmt: skip
    try:
        for _attempt in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.1):
                    break
            except OSError:
                threading.Event().wait(0.05)
        for path in ("/static/site.css?v=1", "/static/missing.css"):
            with contextlib.suppress(urllib.error.HTTPError):
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5).read()
    finally:
        server.terminate()
        server.wait(timeout=10)
    result = follower.follow_once(log_path)
    assert (result.written, result.malformed) == (2, 0), log_path.read_text()
    found, missing = TrafficRecord.objects.order_by("seq")
    assert (found.path, found.status, found.response_bytes, found.address) == ("/static/site.css?v=1", 200, 6,
                                                                               "127.0.0.1")  # fmt: skip
    assert missing.status == 404 and found.port and found.request_id
