"""The two-office world, built once per worker for the whole package and rolled back at its end."""

import datetime as dt
import shutil

import pytest
import time_machine
from django.db import transaction
from django.test import TestCase
from django.test.utils import override_settings

from tests.conftest import SERVER_ZONE, suite_now
from tests.isolation.helpers import Chromium, SharedRenderer
from tests.isolation.world import B_HOST, build_world


@pytest.fixture(scope="package")
def world_files(tmp_path_factory):
    path = tmp_path_factory.mktemp("isolation-files")
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker, world_files):
    """Both offices and all their records, inside one transaction that every test's own savepoint sits in."""
    from django.conf import settings

    files = override_settings(KHAOSAN={**settings.KHAOSAN, "FILES_ROOT": world_files / "files"},
                              MEDIA_ROOT=world_files / "media")  # fmt: skip
    with django_db_blocker.unblock(), files:
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            now = suite_now()
            # Built half an hour before the moment every test starts at: what is made "now" is in the past then.
            with time_machine.travel((now - dt.timedelta(minutes=30)).astimezone(SERVER_ZONE), tick=True):
                with TestCase.captureOnCommitCallbacks(execute=True):
                    built = build_world(now)
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="package", autouse=True)
def _one_chromium():
    yield
    Chromium.close()


@pytest.fixture(autouse=True)
def _world_files(_isolated_files, settings, world_files, monkeypatch):
    """The world's files stay where it stored them, whatever folder the suite gives each test; both hosts are
    allowed; documents are drawn by one shared Chromium (helpers.py)."""
    settings.KHAOSAN = {**settings.KHAOSAN, "FILES_ROOT": world_files / "files"}
    settings.MEDIA_ROOT = world_files / "media"
    settings.ALLOWED_HOSTS = ["testserver", B_HOST]
    monkeypatch.setattr("khaosan.documents.pdf.PdfRenderer", SharedRenderer)


@pytest.fixture(scope="package")
def signed_in(world, django_db_blocker):
    """A test client per person of both offices, signed in with the second factor (sessions live in the world)."""
    from django.test import Client

    from tests.backoffice.conftest import verified_client

    clients = {}
    with django_db_blocker.unblock(), time_machine.travel(suite_now().astimezone(SERVER_ZONE), tick=True):
        for side in (world.a, world.b):
            for role, person in side.people.items():
                clients[side.office.slug, role] = verified_client(Client(), person)
    return clients


@pytest.fixture(scope="package")
def operator(world, django_db_blocker):
    """A platform operator (no office) with a second factor, signed in."""
    import io

    from django.core.management import call_command
    from django.test import Client

    from khaosan.org.models import Staff
    from tests.backoffice.conftest import verified_client

    with django_db_blocker.unblock(), time_machine.travel(suite_now().astimezone(SERVER_ZONE), tick=True):
        call_command("create_operator", username="platform", email="ops@example.go.th", stdout=io.StringIO(),
                     stderr=io.StringIO())  # fmt: skip
        return verified_client(Client(), Staff.objects.get(username="platform"))
