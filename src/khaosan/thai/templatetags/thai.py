"""Template filters for Thai dates and sizes; loaded as builtins so every template has them."""

import re

from django import template

from khaosan.thai import dates, text

register = template.Library()


@register.filter
def thai_date(value):
    return dates.thai_date(value)


@register.filter
def thai_date_short(value):
    return dates.thai_date(value, short=True)


@register.filter
def thai_datetime(value):
    return dates.thai_datetime(value, short=True)


@register.filter
def be_year(value):
    return dates.be_year(value) if value else ""


# A Gregorian year in a label Django formatted itself ("2026", "ธันวาคม 2026"): 1800–2199.
CE_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")


@register.filter
def be_years(value):
    """Turn the Gregorian years of a date label Django made (the admin's date hierarchy) into Buddhist-era ones."""
    return CE_YEAR.sub(lambda match: str(dates.be_year(int(match.group(1)))), str(value))


@register.filter
def human_size(value):
    return text.human_size(value)


@register.simple_tag
def date_range(start, end):
    return dates.date_range_text(start, end)
