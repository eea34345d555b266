"""The two-office world, built once per worker for the whole package and rolled back at its end."""

import datetime as dt
import shutil

import pytest
import time_machine
from django.db import transaction
from django.test import TestCase
from django.test.utils import override_settings

from tests.conftest import SERVER_ZONE, suite_now
from tests.isolation.world import build_world


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
            with time_machine.travel(now.astimezone(SERVER_ZONE), tick=True):
                with TestCase.captureOnCommitCallbacks(execute=True):
                    built = build_world(now - dt.timedelta(minutes=1))
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _world_files(_isolated_files, settings, world_files):
    """The world's files stay where it stored them, whatever folder the suite gives each test."""
    settings.KHAOSAN = {**settings.KHAOSAN, "FILES_ROOT": world_files / "files"}
    settings.MEDIA_ROOT = world_files / "media"
