"""nginx keeps the pages khaosan keeps: told how long by X-Accel-Expires, keyed by the page stamp, still logged."""

import contextlib
import datetime as dt
import json
import os
import shutil
import socket
import subprocess
import threading
import urllib.request

import pytest
from django.core.management import call_command

from khaosan.audit import follower
from khaosan.audit.models import TrafficRecord
from khaosan.audit.nginx_format import NGINX_LOG_FORMAT
from khaosan.catalog.models import Item
from khaosan.catalog.services import item_update
from khaosan.public import visits
from khaosan.public.models import DailyVisits
from khaosan.public.nginx_cache import NGINX_PAGE_CACHE_DIRECTIVES, NGINX_PAGE_CACHE_ZONE
from khaosan.public.pagecache import HIT_HEADER, NGINX_EXPIRES_HEADER, page_stamp

pytestmark = pytest.mark.django_db


@pytest.fixture
def nginx_keeps(settings):
    settings.KHAOSAN = {**settings.KHAOSAN, "NGINX_PAGE_CACHE": True}


def test_a_kept_page_tells_nginx_the_seconds_to_the_next_window_instant(client, publish, clock, nginx_keeps):
    clock.freeze()
    publish(title="ข่าวที่จะเผยแพร่อีกครู่", at=clock.now + dt.timedelta(seconds=25))
    made = client.get("/")
    assert (made[HIT_HEADER], made[NGINX_EXPIRES_HEADER]) == ("miss", "25")
    clock.advance(seconds=10.5)
    kept = client.get("/")
    assert (kept[HIT_HEADER], kept[NGINX_EXPIRES_HEADER]) == ("hit", "14")  # rounded down: never past the instant
    clock.advance(seconds=14.5)
    live = client.get("/")
    assert "ข่าวที่จะเผยแพร่อีกครู่" in live.content.decode()
    assert live[NGINX_EXPIRES_HEADER] == "60"  # nothing scheduled: PAGE_CACHE_SECONDS


def test_nothing_khaosan_does_not_keep_is_offered_to_nginx(client, publish, people, settings, nginx_keeps):
    item = publish(title="ข่าวสำหรับทุกคน")
    assert NGINX_EXPIRES_HEADER not in client.get(f"/item/{item.pk}/?utm_source=line")
    assert NGINX_EXPIRES_HEADER not in client.get("/item/999999/")
    assert NGINX_EXPIRES_HEADER not in client.get("/participation/")
    client.force_login(people["webmaster"])
    assert NGINX_EXPIRES_HEADER not in client.get(f"/item/{item.pk}/")
    client.logout()
    client.cookies.clear()
    settings.KHAOSAN = {**settings.KHAOSAN, "NGINX_PAGE_CACHE": False}
    assert NGINX_EXPIRES_HEADER not in client.get(f"/item/{item.pk}/")


def test_the_stamp_is_written_for_nginx_only_when_a_change_raised_it(tmp_path, publish, people):
    include, reloaded = tmp_path / "page-stamp.conf", tmp_path / "reloaded"
    item = publish(title="ข่าวก่อนแก้ไข")
    reload = f"touch {reloaded}"
    call_command("page_stamp", nginx_include=str(include), reload=reload, once=True)
    assert include.read_text() == f'set $khaosan_page_stamp "{page_stamp()}";\n'
    reloaded.unlink()
    call_command("page_stamp", nginx_include=str(include), reload=reload, once=True)
    assert not reloaded.exists()  # the same stamp: nginx is left alone
    item_update(item=item, actor=people["webmaster"], title="ข่าวหลังแก้ไข", through_request=True)
    call_command("page_stamp", nginx_include=str(include), reload=reload, once=True)
    assert include.read_text() == f'set $khaosan_page_stamp "{page_stamp()}";\n' and reloaded.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no half-written file left


def test_a_failing_reload_is_logged_and_the_command_goes_on(tmp_path, caplog):
    include = tmp_path / "page-stamp.conf"
    call_command("page_stamp", nginx_include=str(include), reload="false", once=True)
    assert include.exists()
    assert "nginx reload (false) failed" in caplog.text


def _nginx_line(uri, *, cache, app_id="a1b2c3d4e5f6a7b8c9d0", agent="Mozilla/5.0 (Android 14)", host="127.0.0.1"):
    at = dt.datetime(2026, 6, 17, 3, 0, 1, tzinfo=dt.UTC)
    return json.dumps({"msec": f"{at.timestamp():.3f}", "addr": "203.0.113.9", "port": "40000", "method": "GET",
                       "uri": uri, "status": "200", "bytes": "20000", "seconds": "0.000", "agent": agent,
                       "id": os.urandom(16).hex(), "host": host, "app_id": app_id, "cache": cache}) + "\n"  # fmt: skip


def test_pages_nginx_answered_from_its_cache_are_recorded_and_counted(tmp_path, publish, office, clock):
    item = publish(title="ข่าวที่ nginx เก็บไว้")
    log = tmp_path / "khaosan-traffic.json"
    log.write_text(
        _nginx_line(f"/item/{item.pk}/", cache="MISS")  # khaosan answered and recorded it itself
        + _nginx_line(f"/item/{item.pk}/", cache="HIT")
        + _nginx_line(f"/en/item/{item.pk}/", cache="HIT")
        + _nginx_line("/", cache="HIT")
        + _nginx_line("/", cache="HIT", agent="Googlebot/2.1")
    )
    result = follower.follow_once(log)
    assert (result.written, result.skipped) == (4, 1)
    assert TrafficRecord.objects.filter(path=f"/item/{item.pk}/", address="203.0.113.9").count() == 1
    visits.flush_counts()
    assert Item.objects.get(pk=item.pk).view_count == 2
    assert DailyVisits.objects.get(office=office, date=dt.date(2026, 6, 17)).page_views == 3  # the bot is not


@pytest.fixture(autouse=True)
def _nothing_held():
    yield
    visits.pending_counts.take()


def test_the_readme_gives_the_lines_the_tests_run_in_nginx():
    from django.conf import settings

    # nginx ignores Vary: one kept answer per URL is right only while khaosan sends every client the same bytes.
    assert "django.middleware.gzip.GZipMiddleware" not in settings.MIDDLEWARE
    readme = (settings.BASE_DIR.parent.parent / "README.md").read_text(encoding="utf-8")
    assert NGINX_PAGE_CACHE_ZONE in readme
    for directive in NGINX_PAGE_CACHE_DIRECTIVES.splitlines():
        assert f"        {directive}\n" in readme


# nginx itself in front of the live server, configured with the lines the README gives.


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


NGINX_CONF = """{user}
daemon off; worker_processes 1; pid {run}/nginx.pid; error_log {run}/error.log;
events {{ worker_connections 64; }}
http {{
    {log_format}
    access_log {run}/access.json khaosan_json;
    client_body_temp_path {run}; proxy_temp_path {run}; fastcgi_temp_path {run}; uwsgi_temp_path {run};
    scgi_temp_path {run};
    proxy_cache_path {run}/pages levels=1:2 {zone};
    server {{
        listen 127.0.0.1:{port};
        include {run}/page-stamp.conf;
        location / {{
            proxy_pass http://127.0.0.1:{app_port};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Request-ID $request_id;
            {directives}
        }}
    }}
}}
"""


@contextlib.contextmanager
def nginx_in_front_of(app_port, run):
    port = _free_port()
    (run / "nginx.conf").write_text(NGINX_CONF.format(
        user="user root;" if os.geteuid() == 0 else "", run=run, log_format=NGINX_LOG_FORMAT, zone=NGINX_PAGE_CACHE_ZONE,
        port=port, app_port=app_port, directives=NGINX_PAGE_CACHE_DIRECTIVES.replace("\n", "\n            ")))  # fmt: skip
    server = subprocess.Popen(["nginx", "-p", str(run), "-c", str(run / "nginx.conf")], stderr=subprocess.PIPE)
    try:
        for _attempt in range(200):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.1):
                break
            threading.Event().wait(0.05)
        yield f"http://127.0.0.1:{port}", server
    finally:
        server.terminate()
        server.wait(timeout=10)


def _fetch(url):
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.headers["X-Cache"], answer.headers["X-Request-ID"], answer.read().decode()


def _kept_by_nginx_with(url, text):
    kept_by, _request_id, page = _fetch(url)
    return kept_by == "HIT" and text in page


def _until(condition, seconds=10):
    deadline = threading.Event()
    for _attempt in range(int(seconds / 0.05)):
        if condition():
            return True
        deadline.wait(0.05)
    return False


@pytest.mark.skipif(not shutil.which("nginx"), reason="no nginx on this machine")
@pytest.mark.django_db(transaction=True)
def test_nginx_keeps_pages_until_a_change_or_an_expiry_and_every_view_reaches_the_log(
    live_server, tmp_path, publish, people, clock, settings
):
    settings.KHAOSAN = {**settings.KHAOSAN, "NGINX_PAGE_CACHE": True}
    item = publish(title="ข่าวที่อ่านผ่าน nginx")
    include = tmp_path / "page-stamp.conf"
    call_command("page_stamp", nginx_include=str(include), once=True)
    app_port = int(live_server.url.rsplit(":", 1)[1])
    with nginx_in_front_of(app_port, tmp_path) as (base, nginx):
        made_by, first_id, page = _fetch(f"{base}/item/{item.pk}/")
        assert made_by == "MISS" and "ข่าวที่อ่านผ่าน nginx" in page
        kept_by, second_id, kept = _fetch(f"{base}/item/{item.pk}/")
        assert (kept_by, kept) == ("HIT", page) and second_id != first_id  # each answer names its own request

        item_update(item=item, actor=people["webmaster"], title="ข่าวที่แก้ไขแล้ว", through_request=True)
        call_command("page_stamp", nginx_include=str(include), reload=f"kill -HUP {nginx.pid}", once=True)
        assert _until(lambda: "ข่าวที่แก้ไขแล้ว" in _fetch(f"{base}/item/{item.pk}/")[2])

        # The suite's clock ticks with nginx's from here: nginx's copy must not outlive the expiry instant.
        expiry = clock.now + dt.timedelta(seconds=5)
        publish(title="ประกาศที่หมดอายุในไม่ช้า", expire_at=expiry)
        call_command("page_stamp", nginx_include=str(include), reload=f"kill -HUP {nginx.pid}", once=True)
        # nginx's old worker may still answer the first requests after the reload (under the old stamp's key).
        assert _until(lambda: _kept_by_nginx_with(f"{base}/", "ประกาศที่หมดอายุในไม่ช้า"))
        assert _until(lambda: "ประกาศที่หมดอายุในไม่ช้า" not in _fetch(f"{base}/")[2], seconds=8)
        gone_at = clock.now
        assert expiry <= gone_at < expiry + dt.timedelta(seconds=2)  # not the 60 s nginx would keep it otherwise
    result = follower.follow_once(tmp_path / "access.json")
    lines = [json.loads(line) for line in (tmp_path / "access.json").read_text().splitlines()]
    assert result.written == sum(line["cache"] == "HIT" for line in lines) >= 2
    recorded = set(TrafficRecord.objects.values_list("request_id", flat=True))
    assert {line["id"] for line in lines} <= recorded  # every request nginx answered, by khaosan or the follower
