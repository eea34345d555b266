"""Reads for the back-office item screens, scoped to the office."""

from django.db.models import Q
from django.utils import timezone

from khaosan.catalog.models import Item


def items_for_office(office, *, state="", query=""):
    """The office's items in one of the states a web master manages: live, scheduled, expired (archive), …"""
    now = timezone.now()
    items = Item.objects.filter(office=office).select_related("topic__category", "owner_unit")
    published = Q(status=Item.Status.PUBLISHED)
    states = {
        "published": published & Q(publish_at__lte=now) & (Q(expire_at__isnull=True) | Q(expire_at__gt=now)),
        "scheduled": published & Q(publish_at__gt=now),
        "expired": published & Q(expire_at__lte=now),
        "withdrawn": Q(status=Item.Status.WITHDRAWN),
        "draft": Q(status=Item.Status.DRAFT),
    }
    if state in states:
        items = items.filter(states[state])
    if query.strip():
        items = items.filter(title__icontains=query.strip())
    return items.order_by("-publish_at", "-pk")
