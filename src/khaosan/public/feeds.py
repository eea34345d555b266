"""RSS and Atom feeds of news and announcements (GWS-7.11). Only public items, newest first.

Feeds carry plain text: titles and summaries come from staff, and feed readers take an RSS description
(and an Atom summary of type "html") for HTML. So every such text goes through `plain_text` (no markup
left, even after an unescape) and the feed generator escapes it once; Atom says its summaries are text.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from khaosan.catalog import selectors
from khaosan.catalog.html import plain_text

FEED_SIZE = 30


class PlainTextAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are declared type="text" (Django's says "html")."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class _ItemFeed(Feed):
    kinds = ()

    def __call__(self, request, *args, **kwargs):
        self.office = request.office
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return "/"

    def items(self):
        return selectors.latest_of_kinds(self.office, self.kinds, limit=FEED_SIZE)

    def item_title(self, item):
        return plain_text(item.title)

    def item_description(self, item):
        return plain_text(item.summary) or item.topic.name

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.topic.name]

    def item_enclosures(self, item):
        return []


class NewsFeed(_ItemFeed):
    kinds = selectors.NEWS_KINDS

    def title(self):
        return _("ข่าวประชาสัมพันธ์ — %(office)s") % {"office": plain_text(self.office.name_th)}

    def description(self):
        return _("ข่าวสารทั่วไปและภาพข่าวกิจกรรมของ %(office)s") % {"office": plain_text(self.office.name_th)}


class AnnouncementFeed(_ItemFeed):
    kinds = selectors.ANNOUNCEMENT_KINDS

    def title(self):
        return _("ข่าวประกาศ — %(office)s") % {"office": plain_text(self.office.name_th)}

    def description(self):
        return _("ประกาศรับสมัครงาน ประกาศจัดซื้อจัดจ้าง และผลการจัดซื้อจัดจ้างของ %(office)s") % {
            "office": plain_text(self.office.name_th)
        }


class NewsAtomFeed(NewsFeed):
    feed_type = PlainTextAtom1Feed
    subtitle = NewsFeed.description


class AnnouncementAtomFeed(AnnouncementFeed):
    feed_type = PlainTextAtom1Feed
    subtitle = AnnouncementFeed.description
