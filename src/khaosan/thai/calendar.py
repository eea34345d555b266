"""Thai working days: weekends, Thai public holidays and an office's own closures.

The publishing deadline of S-1.10 / S-2.3 counts working days, so a request approved on the
Friday before Songkran is due only after the holiday week.
"""

import datetime as dt
from functools import lru_cache

import holidays


@lru_cache(maxsize=32)
def _public_holidays(year):
    return holidays.Thailand(years=year, language="th")


def public_holiday_name(day):
    """Return the Thai name of the public holiday on `day`, or None."""
    return _public_holidays(day.year).get(day)


def office_closures(office):
    """Return the set of dates the office announced as closed (วันหยุดราชการเพิ่มเติม)."""
    if office is None:
        return frozenset()
    return frozenset(office.closures.values_list("date", flat=True))


def is_working_day(day, *, closures=frozenset()):
    return day.weekday() < 5 and public_holiday_name(day) is None and day not in closures


def add_working_days(start, days, *, office=None):
    """Return the date `days` working days after `start` (a date), skipping weekends and holidays.

    `start` itself is not counted: approval on a Monday with 3 days gives Thursday.
    """
    closures = office_closures(office)
    day = start
    remaining = days
    while remaining > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, closures=closures):
            remaining -= 1
    return day


def working_days_between(start, end, *, office=None, closures=None):
    """Return how many working days lie after `start` up to and including `end`.

    `closures` (from `office_closures`) saves a query per call when many spans of one office are counted.
    """
    closures = office_closures(office) if closures is None else closures
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day, closures=closures):
            count += 1
    return count
