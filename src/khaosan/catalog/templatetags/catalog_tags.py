from django import template

from khaosan.catalog.files import type_label as _type_label

register = template.Library()


@register.filter
def type_label(extension):
    """'PDF', 'Word', 'Excel' … for a file extension."""
    return _type_label(extension or "")
