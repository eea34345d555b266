import datetime as dt

import pytest
from django.utils import translation

from khaosan.thai import dates
from khaosan.thai.text import human_size, query_words, segment


def test_thai_date_uses_buddhist_era_and_thai_months():
    with translation.override("th"):
        assert dates.thai_date(dt.date(2026, 7, 3)) == "3 กรกฎาคม 2569"
        assert dates.thai_date(dt.date(2025, 11, 18), short=True) == "18 พ.ย. 2568"
        assert dates.thai_date(dt.date(2026, 7, 3), digits=True) == "๓ กรกฎาคม ๒๕๖๙"


def test_english_interface_reads_common_era():
    with translation.override("en"):
        assert dates.thai_date(dt.date(2026, 7, 3)) == "3 July 2026"


@pytest.mark.parametrize(
    ("day", "fiscal_year", "quarter"),
    [
        (dt.date(2025, 9, 30), 2568, 4),
        (dt.date(2025, 10, 1), 2569, 1),
        (dt.date(2025, 12, 31), 2569, 1),
        (dt.date(2026, 1, 1), 2569, 2),
        (dt.date(2026, 4, 1), 2569, 3),
        (dt.date(2026, 7, 1), 2569, 4),
    ],
)
def test_fiscal_year_starts_on_the_first_of_october(day, fiscal_year, quarter):
    assert dates.fiscal_year(day) == fiscal_year
    assert dates.fiscal_quarter(day) == quarter


@pytest.mark.parametrize(
    ("instant", "fiscal_year", "quarter", "text"),
    [
        (dt.datetime(2026, 9, 30, 16, 59, tzinfo=dt.UTC), 2569, 4, "30 ก.ย. 2569 23:59 น."),
        (dt.datetime(2026, 9, 30, 17, 30, tzinfo=dt.UTC), 2570, 1, "1 ต.ค. 2569 00:30 น."),
        (dt.datetime(2026, 12, 31, 18, 30, tzinfo=dt.UTC), 2570, 2, "1 ม.ค. 2570 01:30 น."),
        (dt.datetime(2028, 2, 28, 17, 0, tzinfo=dt.UTC), 2571, 2, "29 ก.พ. 2571 00:00 น."),
    ],
)
def test_an_instant_is_dated_in_bangkok_time_not_utc(instant, fiscal_year, quarter, text):
    with translation.override("th"):
        assert (dates.fiscal_year(instant), dates.fiscal_quarter(instant)) == (fiscal_year, quarter)
        assert dates.thai_datetime(instant, short=True) == text


def test_fiscal_year_and_quarter_bounds():
    assert dates.fiscal_year_bounds(2569) == (dt.date(2025, 10, 1), dt.date(2026, 9, 30))
    assert dates.quarter_bounds(2569, 1) == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert dates.quarter_bounds(2569, 2) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert dates.quarter_bounds(2569, 4) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))


def test_date_range_text():
    with translation.override("th"):
        assert dates.date_range_text(dt.date(2025, 10, 1), dt.date(2026, 9, 30)) == "1 ต.ค. 2568 – 30 ก.ย. 2569"
        assert dates.date_range_text(None, None) == ""
        assert dates.date_range_text(dt.date(2026, 1, 5), dt.date(2026, 1, 5)) == "5 ม.ค. 2569"


@pytest.mark.parametrize(
    ("size", "text"),
    [(0, "0 ไบต์"), (1023, "1023 ไบต์"), (1024, "1 KB"), (1_258_291, "1.2 MB"), (52_428_800, "50 MB")],
)
def test_human_size_in_thai(size, text):
    with translation.override("th"):
        assert human_size(size) == text


def test_segmentation_splits_a_run_of_thai_into_words():
    words = segment("โรงพยาบาลส่งเสริมสุขภาพตำบล")
    assert "สุขภาพ" in words
    assert "".join(words) == "โรงพยาบาลส่งเสริมสุขภาพตำบล"


def test_query_words_drop_punctuation_and_repeats():
    assert query_words('"วัคซีน" วัคซีน!!! (ไข้หวัดใหญ่)') == ["วัคซีน", "ไข้หวัดใหญ่"]
    assert query_words("' OR 1=1 --") == ["or", "1"]
    assert query_words("ยื่นใบสมัครที่สำนักงาน") == ["ยื่น", "ใบสมัคร", "ที่", "สำนักงาน"]  # marks at word edges kept
    assert query_words("!!! ??? ...") == []


@pytest.mark.parametrize(
    "kind, day, start, end, label",
    [
        ("fiscal_year", dt.date(2026, 9, 30), dt.date(2025, 10, 1), dt.date(2026, 9, 30), "ปีงบประมาณ 2569"),
        ("fiscal_year", dt.date(2026, 10, 1), dt.date(2026, 10, 1), dt.date(2027, 9, 30), "ปีงบประมาณ 2570"),
        ("half_year", dt.date(2027, 3, 31), dt.date(2026, 10, 1), dt.date(2027, 3, 31), "รอบ 6 เดือนแรก ปีงบประมาณ 2570"),
        ("half_year", dt.date(2027, 4, 1), dt.date(2027, 4, 1), dt.date(2027, 9, 30), "รอบ 6 เดือนหลัง ปีงบประมาณ 2570"),
        ("quarter", dt.date(2026, 12, 31), dt.date(2026, 10, 1), dt.date(2026, 12, 31), "ไตรมาส 1/2570"),
        ("quarter", dt.date(2027, 1, 1), dt.date(2027, 1, 1), dt.date(2027, 3, 31), "ไตรมาส 2/2570"),
        ("quarter", dt.date(2027, 9, 30), dt.date(2027, 7, 1), dt.date(2027, 9, 30), "ไตรมาส 4/2570"),
        ("month", dt.date(2028, 2, 29), dt.date(2028, 2, 1), dt.date(2028, 2, 29), "กุมภาพันธ์ 2571"),
        ("month", dt.date(2026, 12, 31), dt.date(2026, 12, 1), dt.date(2026, 12, 31), "ธันวาคม 2569"),
    ],
)
def test_periods_of_the_fiscal_calendar(kind, day, start, end, label):
    from khaosan.thai.dates import period_of

    period = period_of(kind, day)
    assert (period.start, period.end, period.label()) == (start, end, label)


def test_the_period_before_and_after_cross_the_fiscal_year():
    from khaosan.thai.dates import period_after, period_before, period_of

    first_quarter = period_of("quarter", dt.date(2026, 11, 15))
    assert period_before(first_quarter).start == dt.date(2026, 7, 1)
    assert period_after(period_of("month", dt.date(2026, 12, 5))).start == dt.date(2027, 1, 1)
