"""Reads from the catalog. Every public list, feed, sitemap and search starts from `public_items`."""

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q
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


def public_item(office, pk, *, at=None):
    """Return the public item `pk` of `office`; raise ItemGone if it was public once, else Http404."""
    at = at or timezone.now()
    item = (
        Item.objects.filter(office=office, pk=pk)
        .select_related("topic__category", "owner_unit", "cover__blob", "published_by")
        .first()
    )
    if item is None:
        raise Http404
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
    topic_ids = [topic.pk, *topic.includes.values_list("pk", flat=True)]
    return public_items(office, at=at).filter(topic_id__in=topic_ids)


def navigation():
    """Return the active categories with their active topics, for menus and the sitemap page."""
    key = "catalog:navigation"
    categories = cache.get(key)
    if categories is None:
        categories = list(
            Category.objects.filter(retired_at__isnull=True).prefetch_related(
                Prefetch("topics", queryset=Topic.objects.filter(retired_at__isnull=True).order_by("order"))
            )
        )
        cache.set(key, categories, 300)
    return categories


def menu_categories():
    """The categories of the top menu, in menu order."""
    return sorted((c for c in navigation() if c.in_menu), key=lambda c: (c.menu_order, c.order))


def forget_navigation():
    cache.delete("catalog:navigation")


def category_by_code(code):
    category = Category.objects.filter(code=code, retired_at__isnull=True).first()
    if category is None:
        raise Http404
    return category


def topic_by_code(category, code):
    topic = Topic.objects.filter(category=category, code=code).select_related("category").first()
    if topic is None:
        raise Http404
    return topic


def topic_counts(office, category):
    """Return {topic_id: number of public items} for the topics of a category."""
    rows = (
        public_items(office)
        .filter(topic__category=category)
        .values("topic_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["topic_id"]: row["n"] for row in rows}


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


def last_site_update(office):
    """The newest publish or update time of anything public: the footer's 'last update'."""
    item = public_items(office).order_by("-updated_at").values_list("updated_at", flat=True).first()
    return item


def oic_index(office, *, fiscal_year=None):
    """Return OIA checklist codes with the public items answering them (ศูนย์ข้อมูลข่าวสาร, OIC-4)."""
    from khaosan.catalog.models import ChecklistItem

    year = fiscal_year or ChecklistItem.objects.filter(scheme="oia").order_by("-fiscal_year").values_list(
        "fiscal_year", flat=True
    ).first()
    codes = list(ChecklistItem.objects.filter(scheme="oia", fiscal_year=year).order_by("order"))
    items = public_items(office)
    result = []
    for code in codes:
        topics = list(code.topics.filter(retired_at__isnull=True).select_related("category"))
        topic_ids = {t.pk for t in topics}
        for topic in topics:
            topic_ids.update(topic.includes.values_list("pk", flat=True))
        found = with_list_data(items.filter(topic_id__in=topic_ids).order_by("-publish_at"))[:50]
        result.append({"code": code, "topics": topics, "items": list(found)})
    return result


def has_search_filters(params):
    return any(params.get(k) for k in ("category", "year"))


def items_matching_ids(office, ids):
    return with_list_data(public_items(office).filter(Q(pk__in=ids)))
