"""Reads of the audit trail, scoped to one office (S-2.8, LOG-8)."""

from django.db.models import Q

from khaosan.audit.models import AuditEvent
from khaosan.audit.traffic import office_day_bounds


def trail_keys(office, *, with_system, q="", action="", date_from=None, date_to=None):
    """(created_at, pk) of the office's events matching the filters, newest first; `with_system` adds system jobs.

    The office's events and the system's are read as two halves of a UNION ALL, so each half walks the
    (office, created_at) index in order and a page of a province's trail reads a page of rows, where
    `office = … OR office IS NULL` would read the whole trail.
    """
    events = AuditEvent.objects.order_by()  # the halves unordered: SQLite refuses ORDER BY inside a UNION
    if q:
        events = events.filter(Q(actor_label__icontains=q) | Q(object_repr__icontains=q))
    if action:
        events = events.filter(action=action)
    if date_from:
        events = events.filter(created_at__gte=office_day_bounds(date_from)[0])
    if date_to:
        events = events.filter(created_at__lt=office_day_bounds(date_to)[1])
    keys = events.filter(office=office).values_list("created_at", "pk")
    if with_system:
        keys = keys.union(events.filter(office__isnull=True).values_list("created_at", "pk"), all=True)
    return keys.order_by("-created_at", "-pk")


def events_of(keys):
    """The events of `keys` ((created_at, pk) pairs), in that order, with who acted."""
    found = AuditEvent.objects.select_related("actor").in_bulk([pk for _, pk in keys])
    return [found[pk] for _, pk in keys if pk in found]
