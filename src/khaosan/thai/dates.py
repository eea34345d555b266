"""Buddhist-era dates, the Thai fiscal year and its quarters.

The Thai fiscal year (ปีงบประมาณ) runs 1 October – 30 September and is named by the Buddhist-era
year in which it ends: 1 Oct 2025 – 30 Sep 2026 is ปีงบประมาณ 2569.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language

BE_OFFSET = 543

MONTHS_TH = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
MONTHS_TH_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def be_year(year):
    """Return the Buddhist-era year for a Common-Era year."""
    return year + BE_OFFSET


def ce_year(be):
    """Return the Common-Era year for a Buddhist-era year."""
    return be - BE_OFFSET


def _as_local_date(value):
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def _english():
    return (get_language() or "th").startswith("en")


def thai_date(value, *, short=False, digits=False):
    """'3 กรกฎาคม 2569' (or '3 ก.ค. 2569' when short): Buddhist-era year, Thai month names.

    In the English interface the same date reads '3 July 2026'. `digits` gives Thai numerals for
    formal documents that ask for them.
    """
    if value in (None, ""):
        return ""
    d = _as_local_date(value)
    if _english():
        month = MONTHS_EN[d.month - 1]
        return f"{d.day} {month[:3] if short else month} {d.year}"
    month = (MONTHS_TH_SHORT if short else MONTHS_TH)[d.month - 1]
    text = f"{d.day} {month} {be_year(d.year)}"
    return text.translate(THAI_DIGITS) if digits else text


def thai_datetime(value, *, short=False):
    """'3 ก.ค. 2569 14:05 น.' in local time."""
    if value in (None, ""):
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    time = local.strftime("%H:%M")
    if _english():
        return f"{thai_date(local, short=short)}, {time}"
    return f"{thai_date(local, short=short)} {time} น."


def fiscal_year(value):
    """Return the Buddhist-era fiscal year a date falls in (1 Oct starts the next one)."""
    d = _as_local_date(value)
    return be_year(d.year + 1 if d.month >= 10 else d.year)


def fiscal_quarter(value):
    """Return the quarter (1–4) of the fiscal year: Oct–Dec is quarter 1."""
    d = _as_local_date(value)
    return ((d.month - 10) % 12) // 3 + 1


def fiscal_year_bounds(fy):
    """Return (first day, last day) of Buddhist-era fiscal year `fy`."""
    end_ce = ce_year(fy)
    return dt.date(end_ce - 1, 10, 1), dt.date(end_ce, 9, 30)


def quarter_bounds(fy, quarter):
    """Return (first day, last day) of `quarter` in fiscal year `fy`."""
    start, _ = fiscal_year_bounds(fy)
    month_index = start.month - 1 + (quarter - 1) * 3
    first = dt.date(start.year + month_index // 12, month_index % 12 + 1, 1)
    next_index = month_index + 3
    after = dt.date(start.year + next_index // 12, next_index % 12 + 1, 1)
    return first, after - dt.timedelta(days=1)


def current_fiscal_year():
    return fiscal_year(timezone.localdate())


def date_range_text(start, end):
    """'1 ต.ค. 2568 – 30 ก.ย. 2569', or one date when both are the same, or '' when neither is set."""
    if not start and not end:
        return ""
    if start and end and start == end:
        return thai_date(start, short=True)
    return f"{thai_date(start, short=True) if start else '…'} – {thai_date(end, short=True) if end else '…'}"


# Periods of the fiscal calendar ------------------------------------------------------------------------
#
# The refresh rules of the standard (catalog/standard.yaml, `currency`) ask for one item per fiscal year,
# half-year round (รอบ 6 เดือน: Oct–Mar, Apr–Sep), quarter or month.


@dataclass(frozen=True, order=True)
class Period:
    """One fiscal year, half, quarter or month: [start, end], both dates inclusive."""

    start: dt.date
    end: dt.date
    kind: str

    def label(self):
        """'ปีงบประมาณ 2570', 'รอบ 6 เดือนแรก ปีงบประมาณ 2570', 'ไตรมาส 1/2570', 'ตุลาคม 2569'."""
        fy = fiscal_year(self.start)
        if self.kind == "fiscal_year":
            return f"Fiscal year {fy - BE_OFFSET}" if _english() else f"ปีงบประมาณ {fy}"
        if self.kind == "half_year":
            first = self.start.month == 10
            if _english():
                return f"{'First' if first else 'Second'} half of fiscal year {fy - BE_OFFSET}"
            return f"รอบ 6 เดือน{'แรก' if first else 'หลัง'} ปีงบประมาณ {fy}"
        if self.kind == "quarter":
            quarter = fiscal_quarter(self.start)
            return f"Q{quarter} of fiscal year {fy - BE_OFFSET}" if _english() else f"ไตรมาส {quarter}/{fy}"
        if _english():
            return f"{MONTHS_EN[self.start.month - 1]} {self.start.year}"
        return f"{MONTHS_TH[self.start.month - 1]} {be_year(self.start.year)}"


def _add_months(day, months):
    index = day.month - 1 + months
    return dt.date(day.year + index // 12, index % 12 + 1, 1)


PERIOD_MONTHS = {"fiscal_year": 12, "half_year": 6, "quarter": 3, "month": 1}


def period_of(kind, value):
    """Return the Period of `kind` (fiscal_year, half_year, quarter, month) that contains `value`."""
    day = _as_local_date(value)
    months = PERIOD_MONTHS[kind]
    # Periods are aligned on 1 October, the first day of the fiscal year.
    offset = (day.month - 10) % 12 // months * months
    start = _add_months(dt.date(day.year if day.month >= 10 else day.year - 1, 10, 1), offset)
    end = _add_months(start, months) - dt.timedelta(days=1)
    return Period(start, end, kind)


def period_before(period):
    return period_of(period.kind, period.start - dt.timedelta(days=1))


def period_after(period):
    return period_of(period.kind, period.end + dt.timedelta(days=1))
