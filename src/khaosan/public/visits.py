"""Counting visitors without cookies or stored addresses.

A visitor is a digest of (secret, date, address, browser): it changes every day and cannot be turned
back into an address, so nothing personal is kept (PDPA-3) and no consent banner is needed.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from khaosan.clients import client_address
from khaosan.public.models import DailyVisits, VisitorSeen

BOT_PATTERN = re.compile(r"bot|crawl|spider|slurp|facebookexternalhit|line-poker|preview|monitor|curl|wget", re.I)
STATS_CACHE_SECONDS = 60


def visitor_digest(request, day):
    address = client_address(request) or ""
    agent = request.META.get("HTTP_USER_AGENT", "")[:300]
    raw = f"{settings.SECRET_KEY}|{day.isoformat()}|{address}|{agent}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def count_visit(request):
    """Count one page view, and one visitor the first time today's digest is seen."""
    office = getattr(request, "office", None)
    if office is None or BOT_PATTERN.search(request.META.get("HTTP_USER_AGENT", "")):
        return
    today = timezone.localdate()
    new_visitor = 0
    try:
        with transaction.atomic():
            VisitorSeen.objects.create(office=office, date=today, digest=visitor_digest(request, today))
            new_visitor = 1
    except IntegrityError:
        pass
    updated = DailyVisits.objects.filter(office=office, date=today).update(
        visitors=F("visitors") + new_visitor, page_views=F("page_views") + 1
    )
    if not updated:
        try:
            with transaction.atomic():
                DailyVisits.objects.create(office=office, date=today, visitors=new_visitor, page_views=1)
        except IntegrityError:
            DailyVisits.objects.filter(office=office, date=today).update(
                visitors=F("visitors") + new_visitor, page_views=F("page_views") + 1
            )
        # A new day began: yesterday's digests are no longer needed.
        VisitorSeen.objects.filter(office=office, date__lt=today).delete()


def visit_stats(office):
    """Return the footer's facts: visitors today, this month, in total, and the last site update.

    Cached for a minute: the footer is on every page and these numbers need not be to the second.
    """
    from khaosan.catalog.selectors import last_site_update

    key = f"footer-stats:{office.pk}"
    stats = cache.get(key)
    if stats is None:
        today = timezone.localdate()
        rows = DailyVisits.objects.filter(office=office)
        totals = rows.aggregate(
            today=Sum("visitors", filter=Q(date=today)),
            month=Sum("visitors", filter=Q(date__gte=today.replace(day=1))),
            total=Sum("visitors"),
        )
        stats = {
            "visits": {k: v or 0 for k, v in totals.items()},
            "last_update": last_site_update(office),
        }
        cache.set(key, stats, STATS_CACHE_SECONDS)
    return stats
