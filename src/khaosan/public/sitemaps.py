"""sitemap.xml: static pages, categories, topics and every public item, built for one office."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from khaosan.catalog import selectors

STATIC_PAGES = (
    "public:home", "public:oic", "public:contact", "public:search", "public:sitemap",
    "public:policy-website", "public:policy-privacy", "public:policy-security", "public:accessibility",
)  # fmt: skip


class StaticSitemap(Sitemap):
    changefreq = "weekly"
    i18n = True
    alternates = True

    def items(self):
        return STATIC_PAGES

    def location(self, name):
        return reverse(name)


class CategorySitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return [c for c in selectors.navigation()]


class TopicSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return [t for c in selectors.navigation() for t in c.topics.all()]


class ItemSitemap(Sitemap):
    changefreq = "monthly"
    limit = 1000

    def __init__(self, office):
        self.office = office

    def items(self):
        return selectors.public_items(self.office).order_by("-publish_at", "-pk").only("pk", "updated_at")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # Django's default walks every item; the database answers in one indexed query.
        from django.db.models import Max

        return self.items().aggregate(latest=Max("updated_at"))["latest"]


def sitemaps_for(office):
    return {
        "pages": StaticSitemap(),
        "categories": CategorySitemap(),
        "topics": TopicSitemap(),
        "items": ItemSitemap(office),
    }
