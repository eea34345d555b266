from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def retention_days():
    """The days a closed case keeps its personal data, for the privacy policy (it must state the period)."""
    return settings.KHAOSAN["PARTICIPATION_RETENTION_DAYS"]
