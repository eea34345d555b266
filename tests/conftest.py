"""Shared fixtures: one clock for the suite, an office with units, the real standard synced, files in a temporary folder."""

import datetime as dt
import io
import os
import threading
import time
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from khaosan.catalog import standard
from khaosan.catalog.models import Item, Topic
from khaosan.catalog.services import item_create
from khaosan.org.models import Office, Staff, Unit

BANGKOK = dt.timezone(dt.timedelta(hours=7), "ICT")
# The moment every test starts at unless it moves the clock: a plain working Wednesday morning in Bangkok,
# far from holidays and from the fiscal-year edge. KHAOSAN_TEST_NOW (ISO 8601, naive = Bangkok) starts the
# suite elsewhere, e.g. on a fiscal-year edge, to show that nothing depends on the day it runs.
DEFAULT_NOW = dt.datetime(2026, 6, 17, 10, 0, tzinfo=BANGKOK)
# The zone the process runs in during a test: a server's, not the office's. Django sets the process zone to
# TIME_ZONE (Asia/Bangkok) when it loads its settings, which would hide code that takes "today" from the
# process (dt.date.today(), a naive datetime.now()) instead of the office's zone (timezone.localdate()).
# With the process in UTC such code gives the wrong date from 00:00 to 07:00 Bangkok time, and a test at
# such a moment fails. KHAOSAN_TEST_SERVER_TZ tries another zone (e.g. America/Los_Angeles).
SERVER_ZONE = ZoneInfo(os.environ.get("KHAOSAN_TEST_SERVER_TZ", "").strip() or "UTC")


def bangkok(moment):
    """Return `moment` as an aware datetime: ISO 8601 text or a datetime; without an offset it is Bangkok time."""
    if isinstance(moment, str):
        moment = dt.datetime.fromisoformat(moment)
    return moment if moment.tzinfo else moment.replace(tzinfo=BANGKOK)


def _under_faketime():
    """Let the suite run under Debian's `faketime` (libfaketime 0.9.10), which moves the machine's clock.

    Its FAKETIME_DONT_FAKE_MONOTONIC=1 breaks Python 3.11's time.sleep (an absolute monotonic deadline comes
    back as EINVAL, wolfcw/libfaketime#426), and without that option every threading wait hangs (#390): sleeps
    wait on an Event instead, which works.
    """
    if "libfaketime" not in os.environ.get("LD_PRELOAD", ""):
        return False
    time.sleep = lambda seconds: threading.Event().wait(seconds)
    return True


UNDER_FAKETIME = _under_faketime()


def pytest_configure(config):
    """Child processes (Chromium for PDFs, manage.py) hang or fail under faketime and do not need the moved
    clock: they start without the library. pytest-xdist's workers are the exception: the controller keeps it
    in the environment they inherit, and each worker drops it for its own children."""
    spawns_workers = bool(getattr(config.option, "numprocesses", None)) and "PYTEST_XDIST_WORKER" not in os.environ
    if UNDER_FAKETIME and not spawns_workers:
        del os.environ["LD_PRELOAD"]  # this process keeps the library; FAKETIME stays, libfaketime re-reads it


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing():
    """Argon2 with its smallest costs for the suite's thousands of accounts (tests/hashers.py)."""
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=["tests.hashers.CheapArgon2PasswordHasher"]):
        yield


def suite_now():
    raw = os.environ.get("KHAOSAN_TEST_NOW", "").strip()
    return bangkok(raw) if raw else DEFAULT_NOW


class Clock:
    """The suite's one clock (time-machine): every test starts at `suite_now()`, and moves it explicitly.

    Time goes on ticking from there, so records made one after another keep their order. The process runs
    in SERVER_ZONE, not Bangkok, so code that wrongly uses the server's zone instead of the office's fails
    whenever the two dates differ.
    """

    def __init__(self, traveller):
        self._traveller = traveller

    @property
    def now(self):
        """The instant now (aware, UTC), as `timezone.now()` gives it to the code under test."""
        return timezone.now()

    @property
    def today(self):
        """The office's date now (Asia/Bangkok), whatever the server's date is."""
        return timezone.localdate()

    def move_to(self, moment, *, tick=True):
        """Jump to `moment` (a datetime or ISO 8601 text; naive means Bangkok time)."""
        self._traveller.move_to(bangkok(moment).astimezone(SERVER_ZONE), tick=tick)

    def advance(self, delta=None, **kwargs):
        """Move forward by `delta` or by timedelta(**kwargs), e.g. `clock.advance(days=1)`."""
        self._traveller.shift(delta if delta is not None else dt.timedelta(**kwargs))

    def freeze(self):
        """Stop the ticking at this instant (for assertions on exact times); `advance` still moves it."""
        self.move_to(self.now, tick=False)


@pytest.fixture(autouse=True)
def clock(time_machine):
    time_machine.move_to(suite_now().astimezone(SERVER_ZONE), tick=True)
    return Clock(time_machine)


@pytest.fixture(autouse=True)
def _isolated_files(settings, tmp_path):
    settings.KHAOSAN = {**settings.KHAOSAN, "FILES_ROOT": tmp_path / "files"}
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _thai_by_default():
    """A request for /en/… leaves English active in the thread; every test starts in Thai."""
    from django.utils import translation

    translation.activate("th")
    yield
    translation.activate("th")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every cache alias starts empty: the default one, and the public forms' rate limits ("participation")."""
    from django.conf import settings
    from django.core.cache import caches

    from khaosan.catalog.selectors import forget_navigation
    from khaosan.public.fragments import worker_kept

    for alias in settings.CACHES:
        caches[alias].clear()
    forget_navigation()
    worker_kept.clear()
    yield
    for alias in settings.CACHES:
        caches[alias].clear()
    forget_navigation()
    worker_kept.clear()


def _sync_shipped_standard():
    data, checksum = standard.load()
    standard.sync(data, checksum=checksum)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Sync the shipped standard once, the day before the suite's moment: every test starts with its topics."""
    import time_machine

    the_day_before = (suite_now() - dt.timedelta(days=1)).astimezone(SERVER_ZONE)
    with django_db_blocker.unblock(), time_machine.travel(the_day_before, tick=False):
        _sync_shipped_standard()


@pytest.fixture
def synced_standard(db):
    """The shipped standard in the database (re-synced after a transactional test flushed it)."""
    if not Topic.objects.exists():
        _sync_shipped_standard()


@pytest.fixture
def office(db, synced_standard):
    office = Office.objects.create(
        slug="banluang",
        name_th="สำนักงานสาธารณสุขอำเภอบ้านหลวง",
        name_en="Ban Luang District Public Health Office",
        address="เลขที่ 99 หมู่ 3 ตำบลป่าคาหลวง\nอำเภอบ้านหลวง จังหวัดน่าน 55190",
        phone="0 5476 1234",
        fax="0 5476 1235",
        email="ssobanluang@example.go.th",
        latitude="18.853400",
        longitude="100.441900",
    )
    Unit.objects.create(office=office, code="admin", name_th="กลุ่มงานบริหารทั่วไป")
    Unit.objects.create(office=office, code="procurement", name_th="งานพัสดุ")
    return office


@pytest.fixture
def other_office(db, synced_standard):
    office = Office.objects.create(
        slug="other", name_th="สำนักงานสาธารณสุขอำเภอเมือง", address="อำเภอเมือง", hostname="other.example.go.th"
    )
    Unit.objects.create(office=office, code="admin", name_th="กลุ่มงานบริหารทั่วไป (เมือง)")
    return office


def topic(code):
    return Topic.objects.get(code=code)


def pdf_bytes(pages=1):
    """A small valid PDF."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def jpeg_bytes(size=(640, 480), exif_gps=False):
    from PIL import Image

    image = Image.new("RGB", size, (120, 180, 90))
    out = io.BytesIO()
    kwargs = {}
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "Camera maker"  # Make
        exif[0x8825] = {1: "N", 2: (18.0, 51.0, 12.0), 3: "E", 4: (100.0, 26.0, 30.0)}  # GPSInfo
        kwargs["exif"] = exif
    image.save(out, "JPEG", **kwargs)
    return out.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.fixture
def publish(office, clock):
    """Create a published item: publish(topic_code, title, **fields)."""

    def make(topic_code="general-news", title="ข่าวทดสอบ", *, files=(), at=None, **fields):
        fields.setdefault("publish_at", at or clock.now - dt.timedelta(hours=1))
        return item_create(
            office=fields.pop("office", office),
            topic=topic(topic_code),
            title=title,
            files=files,
            status=Item.Status.PUBLISHED,
            **fields,
        )

    return make


PASSWORD = "รหัสผ่านทดสอบยาวพอ-2569"


def make_person(office, username, *, unit_code="admin", roles=(), position="", first_name="", last_name=""):
    unit = Unit.objects.get(office=office, code=unit_code)
    person = Staff.objects.create_user(
        username=username, password=PASSWORD, office=office, unit=unit, email=f"{username}@example.go.th",
        position=position or f"ตำแหน่งของ{username}", first_name=first_name or username, last_name=last_name,
    )  # fmt: skip
    for role in roles:
        person.groups.add(Group.objects.get_or_create(name=role)[0])
    return person


@pytest.fixture
def people(office):
    Unit.objects.create(office=office, code="it", name_th="กลุ่มงานเทคโนโลยีสารสนเทศ")
    return {
        "requester": make_person(office, "somchai", position="นักวิชาการสาธารณสุขชำนาญการ",
                                 first_name="นายสมชาย", last_name="ใจดี"),  # fmt: skip
        "colleague": make_person(office, "malee", first_name="นางมาลี", last_name="ศรีสุข"),
        "outsider": make_person(office, "kanya", unit_code="procurement", first_name="นางสาวกัญญา"),
        "reviewer": make_person(office, "wittaya", unit_code="it", roles=["reviewer"],
                                position="หัวหน้ากลุ่มงานเทคโนโลยีสารสนเทศ", first_name="นายวิทยา", last_name="อินทร์แก้ว"),
        "approver": make_person(office, "prasert", unit_code="admin", roles=["approver"],
                                position="สาธารณสุขอำเภอบ้านหลวง", first_name="นายประเสริฐ", last_name="วงศ์คำ"),
        "webmaster": make_person(office, "pimchanok", unit_code="it", roles=["webmaster"],
                                 position="นักวิชาการคอมพิวเตอร์", first_name="นางสาวพิมพ์ชนก", last_name="แก้วมณี"),
        "webmaster2": make_person(office, "thanakorn", unit_code="it", roles=["webmaster"], first_name="นายธนกร"),
        "committee": make_person(office, "arunee", unit_code="procurement", roles=["committee"], first_name="นางอรุณี"),
        "admin": make_person(office, "teerapong", unit_code="it", roles=["administrator"], first_name="นายธีรพงษ์"),
    }  # fmt: skip


# Files in an S3-compatible bucket: moto in server mode on 127.0.0.1, started once, a fresh bucket per test.


@pytest.fixture(scope="session")
def moto_endpoint():
    """Start moto's S3 in a thread of this process, on a free port of 127.0.0.1 only."""
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(moto_endpoint, settings):
    """A fresh, empty bucket, not yet in use: `bucket.use()` moves the uploads and office images there."""
    from tests.storage.bucket import Bucket

    return Bucket(moto_endpoint, settings)


@pytest.fixture
def s3(bucket):
    """Uploaded files and office images in a fresh bucket for this test (tests/storage/)."""
    return bucket.use()


@pytest.fixture(params=["disk", "s3"])
def file_store(request):
    """Run a test twice: files on the disk (the default), then in a bucket."""
    if request.param == "s3":
        return request.getfixturevalue("s3")
    return None
