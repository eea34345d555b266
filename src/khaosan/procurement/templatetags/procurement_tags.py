"""Amounts and months as the สขร.1 prints them."""

from django import template

from khaosan.procurement import amounts, forms

register = template.Library()


@register.filter
def baht(value):
    """'12,500.00'."""
    return amounts.baht(value)


@register.filter
def month_label(value):
    """'พฤษภาคม 2569'."""
    return forms.month_label(value) if value else ""
