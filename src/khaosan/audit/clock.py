"""Is the system clock synchronised to reference time? (LOG-10)

The MDES notification B.E. 2564 asks for clocks within 10 ms of international reference time. khaosan
cannot set the clock; it reads what the time daemon reports, records it with every sealed traffic
segment, and shows it to the back-office.

Sources, most precise first: chrony and ntpd report an offset in milliseconds, systemd's
`NTPSynchronized` only a yes/no (the kernel's flag, which allows far more than 10 ms), so it is asked
last. Every call is bounded (about a second in all), never raises, and is cached for a minute.
"""

import datetime as dt
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass

from django.utils import timezone

MAX_OFFSET_MS = 10  # MDES notification B.E. 2564 (LOG-10): error not exceeding 10 milliseconds
CACHE_SECONDS = 60
TIME_BUDGET_SECONDS = 1.0


@dataclass(frozen=True)
class ClockStatus:
    synchronised: bool | None  # None: nobody could tell
    offset_ms: float | None  # system time minus reference time; None when the source gives none
    source: str  # "chrony", "ntpd", "timedatectl" or "unknown"
    checked_at: dt.datetime

    @property
    def source_label(self):
        """The source as people read it: a time daemon's name, or in Thai that none answered."""
        from django.utils.translation import gettext as _

        if self.source == "unknown":
            return _("ไม่ทราบ (เครื่องนี้ไม่มี chrony, ntpd หรือ timedatectl ที่ตอบได้)")
        return self.source

    @property
    def within_limit(self):
        """True when the clock is known to be within 10 ms, False when known not to be, None when unknown."""
        if self.synchronised is False:
            return False
        if self.offset_ms is not None:
            return abs(self.offset_ms) <= MAX_OFFSET_MS
        return None


_cache = {"status": None, "monotonic": 0.0}
_lock = threading.Lock()


def clock_status(*, fresh=False):
    """Return the clock's synchronisation status, asked at most once a minute per process."""
    with _lock:
        cached = _cache["status"]
        if cached is not None and not fresh and time.monotonic() - _cache["monotonic"] < CACHE_SECONDS:
            return cached
        status = _probe()
        _cache.update(status=status, monotonic=time.monotonic())
        return status


def _probe():
    deadline = time.monotonic() + TIME_BUDGET_SECONDS
    for name, command, parse in (
        ("chrony", ["chronyc", "-n", "tracking"], parse_chrony),
        ("ntpd", ["ntpq", "-pn"], parse_ntpq),
        ("timedatectl", ["timedatectl", "show", "-p", "NTPSynchronized", "--value"], parse_timedatectl),
    ):
        output = _run(command, deadline)
        if output is None:
            continue
        try:
            parsed = parse(output)
        except Exception:  # noqa: BLE001 — an unexpected format is "this source does not know"
            parsed = None
        if parsed is not None:
            synchronised, offset_ms = parsed
            return ClockStatus(synchronised, offset_ms, name, timezone.now())
    return ClockStatus(None, None, "unknown", timezone.now())


def _run(command, deadline):
    remaining = deadline - time.monotonic()
    if remaining <= 0.05 or shutil.which(command[0]) is None:
        return None
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=min(remaining, 0.6), check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 and done.stdout.strip() else None


CHRONY_OFFSET = re.compile(r"^System time\s*:\s*([0-9.]+) seconds (slow|fast)", re.M)
CHRONY_LEAP = re.compile(r"^Leap status\s*:\s*(.+)$", re.M)


def parse_chrony(output):
    """Parse `chronyc tracking`: "System time : 0.000012 seconds slow of NTP time" and the leap status."""
    offset = CHRONY_OFFSET.search(output)
    if offset is None:
        return None
    seconds = float(offset.group(1)) * (-1 if offset.group(2) == "slow" else 1)
    offset_ms = round(seconds * 1000, 3)
    leap = CHRONY_LEAP.search(output)
    in_sync = leap is None or "not synchronised" not in leap.group(1).lower()
    return in_sync and abs(offset_ms) <= MAX_OFFSET_MS, offset_ms


def parse_ntpq(output):
    """Parse `ntpq -pn`: the peer marked '*' is the one the clock follows; its offset column is in ms."""
    for line in output.splitlines():
        if line.startswith("*"):
            columns = line[1:].split()
            offset_ms = round(float(columns[8]), 3)
            return abs(offset_ms) <= MAX_OFFSET_MS, offset_ms
    if any(line[:1] in "+-#" for line in output.splitlines()[2:]):
        return False, None  # peers known, none selected: not synchronised
    return None


def parse_timedatectl(output):
    """Parse `timedatectl show -p NTPSynchronized --value`: "yes" or "no", no offset."""
    value = output.strip().lower()
    if value in {"yes", "no"}:
        return value == "yes", None
    return None
