"""Reads from the catalog. Every public list, feed, sitemap and search starts from `public_items`."""

import datetime as dt
import time

from django.core.cache import caches
from django.db import models
from django.db.models import Count, Prefetch
from django.http import Http404
from django.utils import timezone

from khaosan.catalog.models import Attachment, Category, Item, Topic

NEWS_KINDS = (Topic.Kind.NEWS, Topic.Kind.PHOTO)
ANNOUNCEMENT_KINDS = (Topic.Kind.ANNOUNCEMENT, Topic.Kind.PROCUREMENT)


def public_items(office, *, at=None):
    """Items a visitor may see now: published and inside their window (DESIGN principle 5)."""
    at = at or timezone.now()
    return Item.objects.filter(office=office).visible_at(at)


def with_list_data(items):
    """Load what item lists show (topic, category, owner, files, cover) in a fixed number of queries."""
    return items.select_related("topic__category", "owner_unit", "cover__blob").prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.select_related("blob").order_by("order", "pk"))
    )


class ItemGone(Exception):
    """The item was public and has been taken down or has expired: its URL answers 410."""

    def __init__(self, item):
        self.item = item


def office_item(office, pk):
    """The item `pk` of `office` with what its public page shows, whatever its state; Http404 if there is none."""
    try:  # get(), not first(): no ORDER BY to build for a primary key
        return Item.objects.select_related("topic__category", "owner_unit", "cover__blob", "published_by").get(
            office=office, pk=pk
        )
    except Item.DoesNotExist:
        raise Http404 from None


def public_item(office, pk, *, at=None, item=None):
    """Return the public item `pk` of `office`; raise ItemGone if it was public once, else Http404.

    `item` is that row as `office_item` read it, where the caller kept it (public/fragments.py `kept_object`):
    whether it is public is decided here, at `at`, all the same.
    """
    at = at or timezone.now()
    item = item if item is not None else office_item(office, pk)
    if item.is_visible_at(at):
        return item
    if item.was_public:
        raise ItemGone(item)
    raise Http404


def public_attachment(office, pk):
    """Return the attachment `pk` if its item is public now; files of withdrawn items are never served."""
    attachment = (
        Attachment.objects.filter(office=office, pk=pk, item__isnull=False).select_related("blob", "item").first()
    )
    if attachment is None or not attachment.item.is_visible_at(timezone.now()):
        raise Http404
    return attachment


def topic_items(office, topic, *, at=None):
    """Public items of a topic, plus those of the topics it includes (e.g. OIA 7(1) includes the structure)."""
    topic_ids = [topic.pk, *(included.pk for included in topic.includes.all())]  # prefetched in the navigation
    return public_items(office, at=at).filter(topic_id__in=topic_ids)


NAVIGATION_SECONDS = 300
# The navigation of this worker: the standard's categories and topics, read on every public page. Kept in
# the process, not in Django's cache, because unpickling its 70-odd topics cost about 1 ms a page. It is
# shared by every request of the worker: read it, never write to it.
_navigation = {"until": 0.0, "categories": None}


def navigation():
    """Return the active categories with their active topics, for menus and the sitemap page."""
    categories, now = _navigation["categories"], time.monotonic()
    if categories is None or _navigation["until"] <= now:
        categories = list(
            Category.objects.filter(retired_at__isnull=True).prefetch_related(
                Prefetch(
                    "topics",
                    queryset=Topic.objects.filter(retired_at__isnull=True)
                    .order_by("order")
                    .prefetch_related("includes"),
                )
            )
        )
        _navigation.update(until=now + NAVIGATION_SECONDS, categories=categories)
    return categories


def menu_categories():
    """The categories of the top menu, in menu order."""
    return sorted((c for c in navigation() if c.in_menu), key=lambda c: (c.menu_order, c.order))


def forget_navigation():
    _navigation.update(until=0.0, categories=None)


def category_by_code(code):
    """The active category `code`, from the worker's navigation (no query); shared: read, never write to it."""
    category = next((c for c in navigation() if c.code == code), None)
    if category is None:
        raise Http404
    return category


def topic_by_code(category, code):
    """The topic `code` of `category`: an active one from the navigation, a retired one from the database."""
    topic = next((t for t in category.topics.all() if t.code == code), None) if _is_navigation(category) else None
    if topic is None:
        topic = Topic.objects.filter(category=category, code=code).select_related("category").first()
    if topic is None:
        raise Http404
    return topic


def _is_navigation(category):
    return hasattr(category, "_prefetched_objects_cache") and "topics" in category._prefetched_objects_cache


def topic_counts(office, category):
    """Return {topic_id: number of public items} for the topics of a category."""

    def count():
        rows = (
            public_items(office).filter(topic__category=category).values("topic_id").annotate(n=Count("pk")).order_by()
        )
        return {row["topic_id"]: row["n"] for row in rows}

    return window_cached(office, f"topic-counts:{category.pk}", count)


def latest_of_kinds(office, kinds, *, limit):
    return with_list_data(public_items(office).filter(topic__kind__in=kinds).order_by("-publish_at", "-pk"))[:limit]


def latest_news(office, *, limit=6):
    return latest_of_kinds(office, NEWS_KINDS, limit=limit)


def latest_announcements(office, *, limit=8):
    return latest_of_kinds(office, ANNOUNCEMENT_KINDS, limit=limit)


def fiscal_years_of(items):
    """Return the fiscal years present in `items`, newest first (for year filters)."""
    return list(
        items.exclude(fiscal_year__isnull=True)
        .order_by("-fiscal_year")
        .values_list("fiscal_year", flat=True)
        .distinct()
    )


def topic_fiscal_years(office, topic, items, *, state=None):
    """The fiscal years of a topic's public `items` (its year filter), window-cached: a DISTINCT over the topic."""
    return window_cached(office, f"topic-years:{topic.pk}", lambda: fiscal_years_of(items), state=state)


def topic_item_count(office, topic, items, year=None, *, state=None):
    """How many public `items` a topic (or one of its years) lists, window-cached for its pages' numbers."""
    return window_cached(office, f"topic-count:{topic.pk}:{year or ''}", items.count, state=state)


def public_fiscal_years(office):
    """The fiscal years of the office's public items (the search page's year filter), window-cached."""
    return window_cached(office, "fiscal-years", lambda: fiscal_years_of(public_items(office)))


def last_site_update(office):
    """The newest publish or update time of anything public: the footer's 'last update'."""
    item = public_items(office).order_by("-updated_at").values_list("updated_at", flat=True).first()
    return item


OIC_ITEMS_PER_SECTION = 5


def oic_index(office, *, fiscal_year=None):
    """Return OIA section codes with the newest public items answering them (ศูนย์ข้อมูลข่าวสาร, OIC-4).

    Each section shows its latest items and links to its topics for the rest: the page stays light
    however many items a section holds.
    """
    from khaosan.catalog.models import ChecklistItem

    year = (
        fiscal_year
        or ChecklistItem.objects.filter(scheme="oia", retired_at__isnull=True).aggregate(
            year=models.Max("fiscal_year")
        )["year"]
    )
    codes = list(
        ChecklistItem.objects.filter(scheme="oia", fiscal_year=year, retired_at__isnull=True)
        .order_by("order")
        .prefetch_related(
            Prefetch(
                "topics",
                queryset=Topic.objects.filter(retired_at__isnull=True)
                .select_related("category")
                .prefetch_related("includes"),
            )
        )
    )
    items = public_items(office)
    sections = []
    for code in codes:
        topics = list(code.topics.all())
        topic_ids = {t.pk for t in topics} | {i.pk for t in topics for i in t.includes.all()}
        answering = items.filter(topic_id__in=topic_ids)
        latest = list(with_list_data(answering.order_by("-publish_at", "-pk"))[: OIC_ITEMS_PER_SECTION + 1])
        sections.append(
            {"code": code, "topics": topics, "items": latest[:OIC_ITEMS_PER_SECTION],
             "more": len(latest) > OIC_ITEMS_PER_SECTION}
        )  # fmt: skip
    return sections


def next_window_change(office, *, at=None):
    """The next instant an item of `office` enters or leaves the public site (a publish or expiry time)."""
    at = at or timezone.now()
    published = Item.objects.filter(office=office, status=Item.Status.PUBLISHED)
    upcoming = [
        published.filter(publish_at__gt=at).aggregate(t=models.Min("publish_at"))["t"],
        published.filter(expire_at__gt=at).aggregate(t=models.Min("expire_at"))["t"],
    ]
    upcoming = [t for t in upcoming if t is not None]
    return min(upcoming) if upcoming else None


def catalog_state(office):
    """A token that changes whenever an item of the office is saved (its newest `updated_at`)."""
    latest = Item.objects.filter(office=office).aggregate(t=models.Max("updated_at"))["t"]
    return latest.isoformat() if latest else "empty"


def window_cached(office, name, compute, *, max_age=300, state=None):
    """Cache a public read without ever showing an item outside its window (DESIGN principle 5).

    The value is keyed by the catalog's state (any saved item changes it) and kept only until the next
    publish or expiry instant, so a cached list is exactly what a fresh query would return. A public page
    passes the page stamp it has already read as `state` (public/pagecache.py: any save in the catalog or
    the office raises it), which spares the query for the catalog's state.
    """
    now = timezone.now()
    key = f"public:{office.pk}:{name}:{catalog_state(office) if state is None else f'stamp-{state}'}"
    cache = caches["local"]  # model instances with prefetched rows, per process (settings.CACHES)
    hit = cache.get(key)
    if hit is not None and hit[0] > now:
        return hit[1]
    value = compute()
    change = next_window_change(office, at=now)
    until = now + dt.timedelta(seconds=max_age)
    if change is not None and change < until:
        until = change
    seconds = (until - now).total_seconds()
    if seconds > 0:
        cache.set(key, (until, value), timeout=int(seconds) + 1)
    return value
