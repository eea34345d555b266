"""Counting visitors without cookies or stored addresses.

A visitor is a digest of (secret, date, address, browser): it changes every day and cannot be turned
back into an address, so nothing personal is kept (PDPA-3) and no consent banner is needed.
"""

import atexit
import functools
import hashlib
import logging
import re
import threading
import time
from collections import Counter, defaultdict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from khaosan.clients import client_address
from khaosan.public.models import DailyVisits, VisitorSeen

BOT_PATTERN = re.compile(r"bot|crawl|spider|slurp|facebookexternalhit|line-poker|preview|monitor|curl|wget", re.I)
STATS_CACHE_SECONDS = 60
logger = logging.getLogger("khaosan.visits")


def visitor_digest(request, day):
    return _digest(client_address(request) or "", request.META.get("HTTP_USER_AGENT", ""), day)


def _digest(address, agent, day):
    raw = f"{settings.SECRET_KEY}|{day.isoformat()}|{address}|{agent[:300]}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


class PendingCounts:
    """The visits and item views this worker has counted and not yet written.

    A public page view writes one row, its traffic record (LOG-6); the counters behind the footer and
    an item's view count are added up here and written together every `COUNTS_FLUSH_SECONDS` or
    `COUNTS_FLUSH_VIEWS`, whichever comes first, and when the worker exits. A worker that is killed
    loses at most that many seconds of counts; the traffic log, which the law asks for, loses nothing.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self._reset()

    def _reset(self):
        self.digests = defaultdict(set)  # (office id, Bangkok date) -> visitor digests seen
        self.views = Counter()  # (office id, Bangkok date) -> page views
        self.item_views = Counter()  # item id -> views
        self.pending = 0
        self.since = time.monotonic()

    def add_visit(self, office_id, day, digest):
        with self.lock:
            self.digests[(office_id, day)].add(digest)
            self.views[(office_id, day)] += 1
            self.pending += 1

    def add_item_view(self, item_id):
        with self.lock:
            self.item_views[item_id] += 1
            self.pending += 1

    def due(self):
        limits = settings.KHAOSAN
        return self.pending and (
            self.pending >= limits["COUNTS_FLUSH_VIEWS"]
            or time.monotonic() - self.since >= limits["COUNTS_FLUSH_SECONDS"]
        )

    def take(self):
        with self.lock:
            taken = (self.digests, self.views, self.item_views)
            self._reset()
        return taken

    def give_back(self, digests, views, item_views):
        """Hold again what a failed write took, to be written with the next flush."""
        with self.lock:
            for key, seen in digests.items():
                self.digests[key] |= seen
            self.views.update(views)
            self.item_views.update(item_views)
            self.pending += sum(views.values()) + sum(item_views.values())


pending_counts = PendingCounts()


def count_visit(request):
    """Count one page view, and one visitor the first time today's digest is seen (written by `flush_counts`)."""
    office = getattr(request, "office", None)
    if office is None or BOT_PATTERN.search(request.META.get("HTTP_USER_AGENT", "")):
        return
    today = timezone.localdate()
    pending_counts.add_visit(office.pk, today, visitor_digest(request, today))


def count_nginx_kept_views(views):
    """Count the pages nginx answered from the pages it keeps, read from its access log by the traffic follower.

    `views` are (at, host, path, address, user agent). Only pages khaosan let nginx keep are among them, all
    public: each is a page view of the host's office, and of its item when it is an item's page. Written with
    the next `flush_counts`.
    """
    from khaosan.org.middleware import office_for_host

    offices = {}  # host -> office, asked once per call
    for at, host, path, address, agent in views:
        if host not in offices:
            offices[host] = office_for_host(host)
        office = offices[host]
        if office is None or BOT_PATTERN.search(agent or ""):
            continue
        day = timezone.localdate(at)
        pending_counts.add_visit(office.pk, day, _digest(address or "", agent or "", day))
        item_id = _item_of_path(path)
        if item_id is not None:
            count_item_view_id(item_id)


@functools.lru_cache(maxsize=4096)
def _item_of_path(path):
    """The item whose public page `path` is, or None (the URL patterns do not change while a process runs)."""
    from django.urls import Resolver404, resolve
    from django.utils import translation

    try:
        with translation.override(translation.get_language_from_path(path) or settings.LANGUAGE_CODE):
            match = resolve(path)
    except Resolver404:
        return None
    return match.kwargs["pk"] if match.view_name == "public:item" else None


def count_item_view(request, item):
    """Count one public view of an item, written with the visits; `updated_at` (the provenance date) is untouched.

    The page cache counts the views of a kept item page too (`viewed_item_id`).
    """
    request.viewed_item_id = item.pk
    count_item_view_id(item.pk)


def count_item_view_id(item_id):
    pending_counts.add_item_view(item_id)


def flush_counts_if_due():
    """Write the held counts when due; a failure is logged and the counts wait for the next flush.

    It runs after a visitor's page is made, so nothing here may turn that page into an error.
    """
    if pending_counts.due():
        try:
            flush_counts()
        except Exception:  # noqa: BLE001 — the visitor gets their page; the counts are kept for the next try
            logger.exception("visit counts not written; kept for the next flush")


def flush_counts():
    """Write the counted visits and item views in one transaction; return how many views were written."""
    digests, views, item_views = pending_counts.take()
    if not views and not item_views:
        return 0
    try:
        _write_counts(digests, views, item_views)
    except Exception:
        pending_counts.give_back(digests, views, item_views)
        raise
    return sum(views.values()) + sum(item_views.values())


def _write_counts(digests, views, item_views):
    from khaosan.catalog.models import Item

    with transaction.atomic():
        for (office_id, day), count in views.items():
            # The day's row is locked first, so two workers never both count the same new visitor.
            row, created = DailyVisits.objects.select_for_update(of=("self",)).get_or_create(
                office_id=office_id, date=day
            )
            seen = digests[(office_id, day)]
            known = set(
                VisitorSeen.objects.filter(office_id=office_id, date=day, digest__in=seen).values_list(
                    "digest", flat=True
                )
            )
            new = seen - known
            VisitorSeen.objects.bulk_create(
                [VisitorSeen(office_id=office_id, date=day, digest=d) for d in new], ignore_conflicts=True
            )
            DailyVisits.objects.filter(pk=row.pk).update(
                visitors=F("visitors") + len(new), page_views=F("page_views") + count
            )
            if created:
                # A new day began: the digests of earlier days are no longer needed.
                VisitorSeen.objects.filter(office_id=office_id, date__lt=day).delete()
        by_count = defaultdict(list)
        for item_id, count in item_views.items():
            by_count[count].append(item_id)
        for count, item_ids in by_count.items():
            Item.objects.filter(pk__in=item_ids).update(view_count=F("view_count") + count)


def _flush_at_exit():
    try:
        flush_counts()
    except Exception:  # noqa: BLE001 — at exit there is no one left to tell but the log
        logger.exception("visit counts not written at exit")


atexit.register(_flush_at_exit)


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
