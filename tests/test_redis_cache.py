"""Several app servers share one Redis (KHAOSAN_REDIS_URL): kept pages, form limits and sessions hold across them.

Each "app server" here is its own set of cache clients (its own connections to the same Redis, its own
per-process "local" cache), and the test client's requests are answered by one or the other, as nginx
would send them. A real `redis-server` (Debian's package; `./khaosan test` installs it) runs on a Unix
socket in a temporary folder for the session, with nothing written to disk.
"""

import contextlib
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

from khaosan.catalog.services import item_update
from khaosan.participation import ratelimit
from khaosan.public.pagecache import HIT_HEADER
from khaosan.settings import redis_cache
from tests.backoffice.conftest import verified_client

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("redis-server") is None,
        reason="redis-server is not installed (Debian: apt-get install redis-server; ./khaosan test does it)",
    ),
]

FEEDBACK = {"detail": "ควรมีป้ายบอกทางไปห้องฉีดวัคซีน"}


class RedisServer:
    """One redis-server on a Unix socket in its own folder: no TCP port, no snapshot, no append-only file."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="khaosan-redis-"))  # short: a socket path has 108 bytes
        self.socket = self.folder / "redis.sock"
        self.process = None

    @property
    def url(self):
        return f"unix://{self.socket}?db=0"

    def client(self):
        return redis.Redis(unix_socket_path=str(self.socket))

    def start(self):
        command = ["redis-server", "--port", "0", "--unixsocket", str(self.socket), "--unixsocketperm", "700",
                   "--save", "", "--appendonly", "no", "--dir", str(self.folder),
                   "--logfile", str(self.folder / "redis.log")]  # fmt: skip
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            with contextlib.suppress(redis.RedisError):
                if self.client().ping():
                    return self
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start: {(self.folder / 'redis.log').read_text()[-2000:]}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def remove(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_server():
    server = RedisServer().start()
    yield server
    server.remove()


@pytest.fixture
def outage_server():
    """A Redis of this test's own, to be stopped in the middle of it."""
    server = RedisServer().start()
    yield server
    server.remove()


class AppServer:
    """The caches of one app server: its own Redis clients, and its own per-process "local" cache."""

    def __init__(self, name):
        self.backends = {alias: caches.create_connection(alias) for alias in django_settings.SHARED_CACHES}
        self.backends["local"] = LocMemCache(f"khaosan-local-{name}", {})

    @contextlib.contextmanager
    def answering(self):
        """Let this server answer the requests made inside the block."""
        for alias, backend in self.backends.items():
            setattr(caches._connections, alias, backend)
        try:
            yield
        finally:
            for alias in self.backends:
                with contextlib.suppress(AttributeError):
                    delattr(caches._connections, alias)


def _point_caches_at(settings, server):
    settings.CACHES = {
        **{alias: redis_cache(alias, server.url) for alias in django_settings.SHARED_CACHES},
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "khaosan-local"},
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


@pytest.fixture
def two_servers(settings, redis_server):
    """Two app servers on one Redis, emptied for this test."""
    redis_server.client().flushdb()
    _point_caches_at(settings, redis_server)
    yield AppServer("a"), AppServer("b")
    redis_server.client().flushdb()


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


# (a) the kept pages -------------------------------------------------------------------------------------------


def test_a_page_kept_by_one_server_is_answered_by_the_other(client, publish, two_servers):
    a, b = two_servers
    item = publish(title="ข่าวรณรงค์ฉีดวัคซีน")
    with a.answering():
        made = _get(client, f"/item/{item.pk}/")
    with b.answering():
        kept = _get(client, f"/item/{item.pk}/")
    assert made[HIT_HEADER] == "miss" and kept[HIT_HEADER] == "hit"
    assert kept.content == made.content


def test_an_edit_on_one_server_shows_on_both_at_once(client, publish, people, two_servers):
    a, b = two_servers
    item = publish(title="ประกาศรับสมัครงาน")
    for server in (a, b):
        with server.answering():
            _get(client, f"/item/{item.pk}/")
            _get(client, "/")
    with a.answering():
        item_update(item=item, actor=people["webmaster"], title="ประกาศรับสมัครงาน (แก้ไขวันรับสมัคร)", through_request=True)
    for server in (b, a):
        with server.answering():
            assert "แก้ไขวันรับสมัคร" in _get(client, f"/item/{item.pk}/").content.decode()
            assert "แก้ไขวันรับสมัคร" in _get(client, "/").content.decode()


def test_a_renamed_office_shows_on_every_server_at_once(client, office, people, two_servers):
    a, b = two_servers
    for server in (a, b):
        with server.answering():
            assert office.name_th in _get(client, "/policy/privacy/").content.decode()
    with a.answering():
        office.name_th = "สำนักงานสาธารณสุขอำเภอบ้านหลวง (ชื่อใหม่)"
        office.save()  # org/apps.py: forget_offices, a new token in the shared cache
    with b.answering():
        assert "(ชื่อใหม่)" in _get(client, "/policy/privacy/").content.decode()


# (b) the public forms' limits ------------------------------------------------------------------------------------


def test_the_form_limits_count_the_posts_to_every_server(client, office, two_servers):
    a, b = two_servers
    for n in range(ratelimit.SUBMIT.soft):
        with (a if n % 2 else b).answering():
            assert client.post("/participation/feedback/", FEEDBACK).status_code == 200
    for server in (a, b):
        with server.answering():
            assert client.post("/participation/feedback/", FEEDBACK).status_code == 429


def test_a_challenge_answered_on_one_server_cannot_be_used_again_on_the_other(client, office, two_servers):
    from tests.participation.test_abuse import _solve

    a, b = two_servers
    with a.answering():
        for _ in range(ratelimit.SUBMIT.soft):
            client.post("/participation/feedback/", FEEDBACK)
        token, answer = _solve(client.post("/participation/feedback/", FEEDBACK).content.decode())
        answered = FEEDBACK | {"challenge_token": token, "challenge_answer": str(answer)}
        assert client.post("/participation/feedback/", answered).status_code == 200
    with b.answering():
        assert client.post("/participation/feedback/", answered).status_code == 429


# (c) sessions ----------------------------------------------------------------------------------------------------


def test_a_back_office_session_made_on_one_server_works_on_the_other(client, people, two_servers, redis_server):
    a, b = two_servers
    with a.answering():
        verified_client(client, people["webmaster"])
    assert any(b"cached_db" in key for key in redis_server.client().keys("khaosan:default:*"))
    with b.answering():
        response = client.get("/backoffice/")
    assert response.status_code == 200 and response.wsgi_request.user == people["webmaster"]


def test_a_redis_flush_signs_nobody_out(client, people, two_servers, redis_server):
    a, b = two_servers
    with a.answering():
        verified_client(client, people["webmaster"])
    redis_server.client().flushdb()
    with b.answering():
        response = client.get("/backoffice/")
    assert response.status_code == 200 and response.wsgi_request.user == people["webmaster"]


# (d) an outage ---------------------------------------------------------------------------------------------------


def test_a_redis_outage_never_makes_a_page_fail(client, publish, people, settings, outage_server, caplog):
    _point_caches_at(settings, outage_server)
    item = publish(title="ข่าวที่ต้องอ่านได้เสมอ")
    _get(client, f"/item/{item.pk}/")
    assert _get(client, f"/item/{item.pk}/")[HIT_HEADER] == "hit"
    outage_server.stop()
    for url in ("/", f"/item/{item.pk}/", "/c/news/general-news/", "/search/?q=วัคซีน"):
        assert _get(client, url)[HIT_HEADER] == "miss"  # made afresh, kept nowhere
    assert client.post("/participation/feedback/", FEEDBACK).status_code == 200
    assert "Redis cache" in caplog.text and "unavailable" in caplog.text
    staff = verified_client(client, people["webmaster"])  # signs in: the session is in the database
    assert staff.get("/backoffice/").status_code == 200


# The backend's own rules -----------------------------------------------------------------------------------------


def test_clearing_one_alias_leaves_the_others(two_servers):
    a, _ = two_servers
    a.backends["participation"].set("rl:submit:1:203.0.113.9:1", 3)
    a.backends["pages"].set("page:1:abc", {"content": b"..."})
    a.backends["pages"].clear()
    assert a.backends["pages"].get("page:1:abc") is None
    assert a.backends["participation"].get("rl:submit:1:203.0.113.9:1") == 3


def test_a_counter_is_counted_only_while_it_exists(two_servers, redis_server):
    a, _ = two_servers
    limits = a.backends["participation"]
    with pytest.raises(ValueError):
        limits.incr("rl:gone")
    assert not redis_server.client().exists(limits.make_key("rl:gone"))  # not left as a counter without expiry
    limits.add("rl:here", 1, timeout=60)
    assert limits.incr("rl:here") == 2
    assert 0 < redis_server.client().ttl(limits.make_key("rl:here")) <= 60


def test_a_value_this_release_cannot_read_is_a_miss(two_servers, redis_server):
    a, _ = two_servers
    redis_server.client().set(a.backends["default"].make_key("footer-stats:1"), b"\x80\x05not a pickle")
    assert a.backends["default"].get("footer-stats:1") is None


# The settings ----------------------------------------------------------------------------------------------------


def test_khaosan_redis_url_puts_the_shared_aliases_and_the_sessions_on_redis(tmp_path):
    from tests.test_deploy import manage

    show = (
        "from django.conf import settings as s; "
        "print({a: (c['BACKEND'].rsplit('.', 1)[-1], c.get('KEY_PREFIX', '')) for a, c in s.CACHES.items()}); "
        "print(s.SESSION_ENGINE)"
    )
    shared = manage("shell", "-c", show, tmp_path=tmp_path, DEBUG="true", KHAOSAN_REDIS_URL="redis://127.0.0.1:6379/0")
    caches_line, engine = shared.stdout.strip().splitlines()[-2:]
    assert caches_line == str({"default": ("ForgivingRedisCache", "khaosan:default"),
                               "pages": ("ForgivingRedisCache", "khaosan:pages"),
                               "participation": ("ForgivingRedisCache", "khaosan:participation"),
                               "local": ("LocMemCache", "")}), shared.stderr  # fmt: skip
    assert engine == "django.contrib.sessions.backends.cached_db"
    alone = manage("shell", "-c", show, tmp_path=tmp_path, DEBUG="true")
    assert "Redis" not in alone.stdout and alone.stdout.strip().endswith("django.contrib.sessions.backends.db")
