"""RSS and Atom feeds of news and announcements (GWS-7.11). Only public items, newest first."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from khaosan.catalog import selectors

FEED_SIZE = 30


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
        return item.title

    def item_description(self, item):
        return item.summary or item.topic.name

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
        return _("ข่าวประชาสัมพันธ์ — %(office)s") % {"office": self.office.name_th}

    def description(self):
        return _("ข่าวสารทั่วไปและภาพข่าวกิจกรรมของ %(office)s") % {"office": self.office.name_th}


class AnnouncementFeed(_ItemFeed):
    kinds = selectors.ANNOUNCEMENT_KINDS

    def title(self):
        return _("ข่าวประกาศ — %(office)s") % {"office": self.office.name_th}

    def description(self):
        return _("ประกาศรับสมัครงาน ประกาศจัดซื้อจัดจ้าง และผลการจัดซื้อจัดจ้างของ %(office)s") % {
            "office": self.office.name_th
        }


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


class AnnouncementAtomFeed(AnnouncementFeed):
    feed_type = Atom1Feed
    subtitle = AnnouncementFeed.description
