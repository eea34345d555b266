"""The clock's synchronisation is read from the time daemon, never crashes and never waits long (LOG-10)."""

import subprocess
from types import SimpleNamespace

import pytest

from khaosan.audit import clock

CHRONY = """Reference ID    : A29FC87B (time.navy.mi.th)
Stratum         : 2
Ref time (UTC)  : Wed Nov 25 10:00:00 2026
System time     : 0.000412345 seconds slow of NTP time
Last offset     : -0.000123 seconds
Leap status     : Normal
"""

NTPQ = """     remote           refid      st t when poll reach   delay   offset  jitter
==============================================================================
+203.159.70.33   .GPS.            1 u   33   64  377    2.101    0.512   0.101
*203.158.118.2   .PPS.            1 u   12   64  377    1.234   -0.045   0.012
"""


def test_chrony_gives_an_offset_and_the_10_ms_limit_decides():
    assert clock.parse_chrony(CHRONY) == (True, -0.412)
    assert clock.parse_chrony(CHRONY.replace("0.000412345 seconds slow", "0.025 seconds fast")) == (False, 25.0)
    assert clock.parse_chrony(CHRONY.replace("Normal", "Not synchronised"))[0] is False
    assert clock.parse_chrony("506 Cannot talk to daemon") is None


def test_ntpq_follows_the_selected_peer():
    assert clock.parse_ntpq(NTPQ) == (True, -0.045)
    assert clock.parse_ntpq(NTPQ.replace("*203", " 203")) == (False, None)


def test_timedatectl_says_only_yes_or_no():
    assert clock.parse_timedatectl("yes\n") == (True, None)
    assert clock.parse_timedatectl("no\n") == (False, None)
    assert clock.parse_timedatectl("") is None


def test_without_any_time_daemon_the_status_is_unknown_and_nothing_is_run(monkeypatch, steady):
    monkeypatch.setattr(clock.shutil, "which", lambda name: None)
    monkeypatch.setattr(clock.subprocess, "run", lambda *args, **kwargs: pytest.fail("no daemon to ask"))
    status = clock.clock_status(fresh=True)
    assert (status.synchronised, status.offset_ms, status.source) == (None, None, "unknown")
    assert status.within_limit is None


def test_hanging_daemons_share_one_second_and_are_then_given_up(monkeypatch, steady):
    """Each daemon is asked with what is left of the budget (at most 0.6 s); one that hangs is abandoned."""
    asked = []

    def hanging(command, *, timeout, **kwargs):
        asked.append((command[0], round(timeout, 3)))
        steady.now += timeout  # it used all the time it was given
        raise subprocess.TimeoutExpired(command, timeout)

    monkeypatch.setattr(clock.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(clock.subprocess, "run", hanging)
    status = clock.clock_status(fresh=True)
    assert (status.synchronised, status.source) == (None, "unknown")
    assert asked == [("chronyc", 0.6), ("ntpq", 0.4)]  # nothing left for timedatectl
    assert sum(timeout for _, timeout in asked) <= clock.TIME_BUDGET_SECONDS


def test_a_daemon_that_fails_is_skipped_for_the_next(monkeypatch, steady):
    def run(command, **kwargs):
        if command[0] == "chronyc":
            raise OSError("chronyc: permission denied")
        return subprocess.CompletedProcess(command, 0, stdout=NTPQ, stderr="")

    monkeypatch.setattr(clock.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(clock.subprocess, "run", run)
    status = clock.clock_status(fresh=True)
    assert (status.synchronised, status.offset_ms, status.source) == (True, -0.045, "ntpd")


def test_the_answer_is_cached_for_a_minute(monkeypatch, steady):
    calls = []
    monkeypatch.setattr(clock, "_probe", lambda: calls.append(1) or clock.ClockStatus(True, 1.0, "chrony", None))
    clock.clock_status(fresh=True)
    steady.now += clock.CACHE_SECONDS - 1
    clock.clock_status()
    assert len(calls) == 1
    steady.now += 2
    clock.clock_status()
    assert len(calls) == 2


@pytest.fixture
def steady(monkeypatch):
    """A monotonic clock for clock.py alone, moved by hand; and an empty cache, put back afterwards."""
    fake = SimpleNamespace(now=1000.0)
    fake.monotonic = lambda: fake.now
    monkeypatch.setattr(clock, "time", fake)
    monkeypatch.setattr(clock, "_cache", {"status": None, "monotonic": 0.0})
    return fake
