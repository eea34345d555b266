"""Fixtures for the audit trail, the traffic log and backups."""

import datetime as dt
import sqlite3

import pytest
from django.db import connection, connections

from khaosan.audit import traffic
from khaosan.audit.clock import ClockStatus
from khaosan.audit.models import TrafficRecord

UTC = dt.UTC


@pytest.fixture(autouse=True)
def _steady_clock(monkeypatch):
    """Seals record the clock's status; tests do not ask the machine's time daemon (clock.py has its own tests)."""
    status = ClockStatus(True, 0.4, "chrony", dt.datetime(2026, 11, 25, tzinfo=UTC))
    monkeypatch.setattr(traffic, "clock_status", lambda: status)


def write(at, **fields):
    """Append one traffic record as the middleware would."""
    values = {
        "address": "192.0.2.10",
        "port": 50000,
        "user_id": None,
        "username": "",
        "method": "GET",
        "path": "/",
        "status": 200,
        "response_bytes": 1234,
        "duration_ms": 12,
        "user_agent": "Mozilla/5.0 (test)",
        "request_id": "0" * 32,
    }
    values.update(fields)
    return TrafficRecord.objects.get(pk=traffic.traffic_record_write(at=at, **values))


@pytest.fixture
def superuser(db, django_user_model):
    """A platform operator: a superuser with no office, the only account Django's admin lets in."""
    return django_user_model.objects.create_superuser("admin", "admin@example.go.th", "not-used-here-1")


@pytest.fixture
def file_database(transactional_db, tmp_path):
    """Run one test against a file-based copy of the test database, then return to the in-memory one.

    pytest-django's SQLite test database is a shared-cache in-memory database, where one connection's
    write locks whole tables against the others: not how the real, file-based WAL database behaves
    when a backup runs beside requests. This fixture copies the in-memory database into a file under
    tmp_path and points the default connection's settings (a dict shared by every thread's
    connection) at it; a spare connection keeps the in-memory database alive meanwhile. Global test
    settings are untouched. On PostgreSQL it does nothing.
    """
    if connection.vendor != "sqlite":
        yield None
        return
    memory_name = connection.settings_dict["NAME"]
    keeper = sqlite3.connect(memory_name, uri=True)
    path = tmp_path / "khaosan-test.sqlite3"
    copy = sqlite3.connect(path)
    keeper.backup(copy)
    copy.close()
    connection.settings_dict["NAME"] = str(path)
    connection.close()  # the in-memory connection; `keeper` holds the database
    try:
        yield path
    finally:
        connections.close_all()
        connection.settings_dict["NAME"] = memory_name
        connection.ensure_connection()
        keeper.close()
