"""The clock's synchronisation is read from the time daemon, never crashes and never waits long (LOG-10)."""

import time

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


def test_without_any_time_daemon_the_status_is_unknown_quickly(monkeypatch):
    monkeypatch.setattr(clock.shutil, "which", lambda name: None)
    started = time.monotonic()
    status = clock.clock_status(fresh=True)
    assert (status.synchronised, status.offset_ms, status.source) == (None, None, "unknown")
    assert status.within_limit is None and time.monotonic() - started < 1


def test_a_hanging_daemon_is_abandoned_within_a_second(monkeypatch, tmp_path):
    slow = tmp_path / "chronyc"
    slow.write_text("#!/bin/sh\nsleep 5\n")
    slow.chmod(0o755)
    monkeypatch.setattr(clock.shutil, "which", lambda name: str(slow) if name == "chronyc" else None)
    monkeypatch.setattr(clock.subprocess, "run", _run_with(str(slow)))
    started = time.monotonic()
    status = clock.clock_status(fresh=True)
    assert status.source == "unknown" and time.monotonic() - started < 1.5


def test_the_answer_is_cached_for_a_minute(monkeypatch):
    calls = []
    monkeypatch.setattr(clock, "_probe", lambda: calls.append(1) or clock.ClockStatus(True, 1.0, "chrony", None))
    clock.clock_status(fresh=True)
    clock.clock_status()
    assert len(calls) == 1


def _run_with(executable):
    real = clock.subprocess.run

    def run(command, **kwargs):
        return real([executable, *command[1:]], **kwargs)

    return run
