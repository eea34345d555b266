"""The periods a performance report covers, and how they are named in addresses.

A fiscal year is '2569', its halves '2569-h1' / '2569-h2' (รอบ 6 เดือน: Oct–Mar, Apr–Sep), its quarters
'2569-q1' … '2569-q4' (MOIT-0.1 organises evidence by fiscal year and quarter).
"""

import datetime as dt
import re

from django.utils import timezone

from khaosan.thai.dates import Period, current_fiscal_year, fiscal_year, fiscal_year_bounds, period_of, quarter_bounds

# The Official Information Act is of B.E. 2540; no office reports on a year before it.
FIRST_FISCAL_YEAR = 2540
_SLUG = re.compile(r"^(\d{4})(?:-(h[12]|q[1-4]))?$")


def fiscal_year_period(fy):
    start, end = fiscal_year_bounds(fy)
    return Period(start, end, "fiscal_year")


def half_period(fy, half):
    start, _ = fiscal_year_bounds(fy)
    return period_of("half_year", start if half == 1 else dt.date(start.year + 1, 4, 1))


def quarter_period(fy, quarter):
    start, end = quarter_bounds(fy, quarter)
    return Period(start, end, "quarter")


def period_from_slug(slug, *, latest=None):
    """Return the Period named by `slug`, or None when it names none (or a year after `latest`)."""
    match = _SLUG.match(slug or "")
    if not match:
        return None
    fy, part = int(match.group(1)), match.group(2)
    if not FIRST_FISCAL_YEAR <= fy <= (latest or current_fiscal_year()):
        return None
    if part is None:
        return fiscal_year_period(fy)
    if part[0] == "h":
        return half_period(fy, int(part[1]))
    return quarter_period(fy, int(part[1]))


def period_slug(period):
    fy = fiscal_year(period.start)
    if period.kind == "fiscal_year":
        return str(fy)
    if period.kind == "half_year":
        return f"{fy}-h{1 if period.start.month == 10 else 2}"
    return f"{fy}-q{(period.start.month - 10) % 12 // 3 + 1}"


def periods_of_year(fy):
    """The year, its two halves and its four quarters, in that order."""
    quarters = [quarter_period(fy, quarter) for quarter in range(1, 5)]
    return [fiscal_year_period(fy), half_period(fy, 1), half_period(fy, 2), *quarters]


def bounds(period):
    """[start, end) of `period` as aware instants in the office's time zone."""
    start = timezone.make_aware(dt.datetime.combine(period.start, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min))
    return start, end


def has_ended(period, *, now=None):
    return timezone.localdate(now or timezone.now()) > period.end
