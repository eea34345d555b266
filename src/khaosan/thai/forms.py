"""Date fields that Thai staff can type into: Buddhist-era years, Thai month names, Thai digits.

The browser's date picker is Gregorian, and a Thai officer types the Buddhist-era year into it: `01/10/2569`
became 1 October 3112. These fields are plain text inputs parsed on the server (they work without JavaScript)
and take what people type — ๑/๑๐/๒๕๖๙, 1/10/2569, 1 ต.ค. 69, 1 ตุลาคม 2569, a Common-Era year, or ISO 2026-10-01
— and say back in words which date they understood. A year that fits neither era for the field (3112, or 1969
for a publication date) is refused with the date the person most likely meant.
"""

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from khaosan.thai.dates import BE_OFFSET, MONTHS_EN, MONTHS_TH, MONTHS_TH_SHORT, thai_date

THAI_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# B.E. years a date can plausibly carry (any Thai record), and those of things happening now (publishing).
ANY_YEARS = (2400, 2700)
NEAR_YEARS = (2543, 2643)


def _month_names():
    names = {}
    for number, (full, short) in enumerate(zip(MONTHS_TH, MONTHS_TH_SHORT, strict=True), 1):
        names[full] = number
        names[short.replace(".", "")] = number  # ต.ค. / ตค / ต.ค
    for number, english in enumerate(MONTHS_EN, 1):
        names[english.lower()] = number
        names[english[:3].lower()] = number
    return names


MONTH_NAMES = _month_names()
_TIME = re.compile(r"(?:\s+|^|,\s*|T)(?:เวลา\s*)?(\d{1,2})[:.](\d{2})(?:\s*น\.?)?\s*$")
_NUMERIC = re.compile(r"^(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(\d{1,2})\s*([^\d\s]+?)\s*(\d{2}|\d{4})$")


class ThaiDateError(ValidationError):
    """A date that could not be understood; the message (Thai) says what to type, or what was probably meant."""


def _clean(text):
    text = (text or "").translate(THAI_TO_ARABIC)
    text = re.sub(r"\s+", " ", text.strip())
    text = re.sub(r"^(?:วันที่|วัน)\s*", "", text)
    return re.sub(r"\s*(?:พ\.ศ\.|พศ\.?|ค\.ศ\.|คศ\.?)\s*", " ", text).strip()


def _be_year(raw, *, years):
    """The Buddhist-era year a typed year means: 2569, 69 (→ 2569) and 2026 (C.E.) all give 2569."""
    year = int(raw)
    if len(raw) == 2:
        return 2500 + year
    if ANY_YEARS[0] <= year <= ANY_YEARS[1]:
        return year
    if ANY_YEARS[0] - BE_OFFSET <= year <= ANY_YEARS[1] - BE_OFFSET:
        return year + BE_OFFSET
    return year  # refused below, with a guess at what was meant


def _guess(day, month, typed_year, years):
    """A date inside `years` that `typed_year` was probably meant to be, or None."""
    candidates = [typed_year - BE_OFFSET, typed_year + BE_OFFSET, 2500 + typed_year % 100]
    now = timezone.localdate().year + BE_OFFSET
    fitting = [y for y in candidates if years[0] <= y <= years[1]]
    for year in sorted(fitting, key=lambda y: abs(y - now)):
        try:
            return dt.date(year - BE_OFFSET, month, day)
        except ValueError:
            continue
    return None


def parse_thai_date(text, *, years=ANY_YEARS):
    """Return the date `text` means, or raise ThaiDateError saying (in Thai) what to type instead."""
    cleaned = _clean(text)
    if not cleaned:
        return None
    match = _ISO.match(cleaned)
    if match:
        year, month, day = (int(g) for g in match.groups())
        be, typed = year + BE_OFFSET if year < ANY_YEARS[0] else year, year
    else:
        match = _NUMERIC.match(cleaned) or _WORDS.match(cleaned)
        if match is None:
            raise ThaiDateError(
                _("อ่านวันที่ “%(text)s” ไม่ออก โปรดพิมพ์ วัน/เดือน/ปี พ.ศ. เช่น 1/10/2569 หรือ 1 ต.ค. 2569") % {"text": text[:40]},
                code="format",
            )
        day, raw_month, raw_year = match.groups()
        day = int(day)
        if raw_month.isdigit():
            month = int(raw_month)
        else:
            month = MONTH_NAMES.get(raw_month.replace(".", "").strip().lower())
            if month is None:
                raise ThaiDateError(
                    _("ไม่รู้จักชื่อเดือน “%(month)s” โปรดใช้ เช่น ต.ค. หรือ ตุลาคม หรือพิมพ์เป็นตัวเลข 1/10/2569")
                    % {"month": raw_month[:20]},
                    code="month",
                )
        typed = int(raw_year)
        be = _be_year(raw_year, years=years)
    if not 1 <= month <= 12:
        raise ThaiDateError(_("เดือนต้องเป็น 1 ถึง 12 (พิมพ์ได้ทั้งตัวเลขและชื่อเดือน เช่น ต.ค.)"), code="month")
    if not years[0] <= be <= years[1]:
        guess = _guess(day, month, typed, years)
        message = _("ปี %(year)s ไม่น่าจะถูกต้องสำหรับช่องนี้ (ใช้ปี พ.ศ. %(low)s–%(high)s)") % {
            "year": typed, "low": years[0], "high": years[1]}  # fmt: skip
        if guess is not None:
            message += " " + _("หมายถึง %(date)s หรือไม่ ถ้าใช่ โปรดพิมพ์ %(typed)s") % {
                "date": thai_date(guess), "typed": f"{guess.day}/{guess.month}/{guess.year + BE_OFFSET}"}  # fmt: skip
        raise ThaiDateError(message, code="year")
    try:
        return dt.date(be - BE_OFFSET, month, day)
    except ValueError:
        raise ThaiDateError(
            _("ไม่มีวันที่ %(day)s ในเดือน%(month)s %(year)s") % {"day": day, "month": MONTHS_TH[month - 1], "year": be},
            code="day",
        ) from None


def parse_thai_datetime(text, *, years=ANY_YEARS, default_time=None):
    """Return the aware datetime `text` means: a date as above, then an optional time (8:30, 08.30 น.)."""
    cleaned = _clean(text)
    if not cleaned:
        return None
    time = default_time
    match = _TIME.search(cleaned)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise ThaiDateError(_("เวลาต้องอยู่ระหว่าง 00:00 ถึง 23:59 เช่น 08:30"), code="time")
        time = dt.time(hour, minute)
        cleaned = cleaned[: match.start()].strip()
    day = parse_thai_date(cleaned, years=years)
    if time is None:
        raise ThaiDateError(_("โปรดระบุเวลาด้วย เช่น 1 ต.ค. 2569 08:30"), code="time")
    return timezone.make_aware(dt.datetime.combine(day, time))


def date_in_words(value):
    """What the field understood, as the person reads it back: '1 ตุลาคม 2569 (วันพฤหัสบดี)'."""
    if value in (None, ""):
        return ""
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{thai_date(local)} {_('เวลา')} {local:%H:%M} {_('น.')}"
    return thai_date(value)


class ThaiDateInput(forms.TextInput):
    """A text input for a Thai date, with a line that says which date was understood (updated by script)."""

    template_name = "thai/widgets/thai_date.html"
    with_time = False

    def __init__(self, attrs=None):
        placeholder = gettext_lazy("เช่น 1/10/2569 08:30") if self.with_time else gettext_lazy("เช่น 1/10/2569")
        super().__init__({"autocomplete": "off", "placeholder": placeholder, "data-thai-date": "1",
                          "spellcheck": "false", **(attrs or {})})  # fmt: skip

    def format_value(self, value):
        if isinstance(value, dt.datetime):
            local = timezone.localtime(value) if timezone.is_aware(value) else value
            return f"{local.day}/{local.month}/{local.year + BE_OFFSET} {local:%H:%M}"
        if isinstance(value, dt.date):
            return f"{value.day}/{value.month}/{value.year + BE_OFFSET}"
        return value

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        understood = ""
        if isinstance(value, (dt.date, dt.datetime)):
            understood = date_in_words(value)
        elif value:
            try:
                parsed = parse_thai_datetime(value) if self.with_time else parse_thai_date(value)
                understood = date_in_words(parsed)
            except ValidationError:
                understood = ""
        context["widget"]["understood"] = understood
        context["widget"]["with_time"] = self.with_time
        return context


class ThaiDateTimeInput(ThaiDateInput):
    with_time = True


class ThaiDateField(forms.DateField):
    """A date typed the Thai way; `years` bounds the Buddhist-era years that make sense for the field."""

    widget = ThaiDateInput

    def __init__(self, *, years=ANY_YEARS, **kwargs):
        self.years = years
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return parse_thai_date(str(value), years=self.years)


class ThaiDateTimeField(forms.DateTimeField):
    """A date and time typed the Thai way (the time may be left out where `default_time` is given)."""

    widget = ThaiDateTimeInput

    def __init__(self, *, years=ANY_YEARS, default_time=None, **kwargs):
        self.years, self.default_time = years, default_time
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value if timezone.is_aware(value) else timezone.make_aware(value)
        return parse_thai_datetime(str(value), years=self.years, default_time=self.default_time)


class NearDateField(ThaiDateField):
    """A date of something happening about now (a publication, a closure, a delegation): B.E. 2543–2643."""

    def __init__(self, **kwargs):
        kwargs.setdefault("years", NEAR_YEARS)
        super().__init__(**kwargs)
