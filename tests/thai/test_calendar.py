import datetime as dt

import pytest

from khaosan.org.models import OfficeClosure
from khaosan.thai.calendar import add_working_days, is_working_day, working_days_between


def test_three_working_days_from_a_monday_is_thursday():
    assert add_working_days(dt.date(2026, 11, 23), 3) == dt.date(2026, 11, 26)


def test_weekend_is_skipped():
    assert add_working_days(dt.date(2026, 11, 27), 3) == dt.date(2026, 12, 2)  # Fri → Wed


def test_an_approval_on_the_friday_before_songkran_is_due_after_the_holidays():
    # 2027: Songkran 13–15 April (Tue–Thu); Friday 9 April approval.
    friday = dt.date(2027, 4, 9)
    assert not is_working_day(dt.date(2027, 4, 13))
    # Mon 12 is a working day, 13–15 Songkran, Fri 16 and Mon 19 are working days.
    assert add_working_days(friday, 3) == dt.date(2027, 4, 19)


def test_a_deadline_across_the_new_year_skips_the_holidays_of_both_years():
    # New Year's Eve Friday 31 December 2027, New Year's Day Saturday 1 January 2028 and its day in lieu, Monday 3.
    assert add_working_days(dt.date(2027, 12, 30), 2) == dt.date(2028, 1, 5)
    assert working_days_between(dt.date(2027, 12, 30), dt.date(2028, 1, 5)) == 2


def test_the_leap_day_is_a_working_day():
    assert add_working_days(dt.date(2028, 2, 28), 1) == dt.date(2028, 2, 29)
    assert add_working_days(dt.date(2028, 2, 25), 3) == dt.date(2028, 3, 1)  # Fri → Mon 28, Tue 29, Wed 1


@pytest.mark.django_db
def test_office_closures_count_as_holidays(office):
    OfficeClosure.objects.create(office=office, date=dt.date(2026, 11, 24), reason="ปิดสำนักงานเพื่อทำความสะอาดใหญ่")
    assert add_working_days(dt.date(2026, 11, 23), 3, office=office) == dt.date(2026, 11, 27)
    assert working_days_between(dt.date(2026, 11, 23), dt.date(2026, 11, 27), office=office) == 3
