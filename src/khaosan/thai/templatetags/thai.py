"""Template filters for Thai dates and sizes; loaded as builtins so every template has them."""

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


@register.filter
def human_size(value):
    return text.human_size(value)


@register.simple_tag
def date_range(start, end):
    return dates.date_range_text(start, end)
