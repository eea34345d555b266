"""What a public page view costs the database: a constant number of reads, and one write (issue "Speed").

The reads must not grow with the catalog: the same page with three or thirty items asks the same
queries. The only write of a view is its traffic record (LOG-6); the footer's visit counters and the
item's view count are added up in the worker and written together (public/visits.py).
"""

import contextlib

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

from khaosan.audit.models import TrafficRecord
from khaosan.catalog.models import Item
from khaosan.public import visits
from khaosan.public.models import DailyVisits, VisitorSeen
from tests.conftest import pdf_bytes, upload

# The queries each page asks as it is made, once its cached parts are warm (the page cache off): the kept
# parts (public/fragments.py) cost the stamp read, and the list, sections or item content they hold none.
PAGES = {
    "home": ("/", 3),
    "category": ("/c/news/", 4),
    "topic": ("/c/news/general-news/", 3),
    "topic, page 2": ("/c/news/general-news/?page=2", 3),
    "item": ("/item/{item}/", 3),
    "official information centre": ("/official-information/", 5),
    "search": ("/search/?q=ข่าว", 15),
    "sitemap page": ("/sitemap/", 3),
    "contact": ("/contact/", 4),
    "website policy": ("/policy/website/", 3),
    "open data": ("/data/", 7),
}


def _many(publish, count, start=0):
    for n in range(start, start + count):
        publish(title=f"ข่าวประชาสัมพันธ์ฉบับที่ {n}", summary="สรุปข่าว", files=[upload(f"ข่าว-{n}.pdf", pdf_bytes())])


def _queries(client, url):
    client.get(url)  # the first view fills the caches that hold until the catalog changes
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in captured.captured_queries]


@pytest.mark.django_db
def test_every_public_page_asks_a_few_queries_however_many_items_there_are(client, publish, counts_held, settings):
    settings.KHAOSAN = {**settings.KHAOSAN, "PAGE_CACHE": False}  # the page as it is made, not as it is kept
    _many(publish, 25)
    item = Item.objects.order_by("pk").first()
    few = {name: len(_queries(client, url.format(item=item.pk))) for name, (url, _) in PAGES.items()}
    _many(publish, 30, start=25)
    many = {name: len(_queries(client, url.format(item=item.pk))) for name, (url, _) in PAGES.items()}
    assert many == few
    too_many = {name: count for name, count in many.items() if count > PAGES[name][1]}
    assert not too_many, too_many


@contextlib.contextmanager
def _orm_statements():
    """Every statement sent through Django's connection (the traffic log alone uses its own DB-API cursor)."""
    seen = []

    def spy(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(spy):
        yield seen


WRITE = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def _writes(statements):
    return [s for s in statements if s.lstrip().upper().startswith(WRITE)]


@pytest.fixture
def counts_held(settings):
    """Counters written only when asked (as in production between flushes)."""
    settings.KHAOSAN = {**settings.KHAOSAN, "COUNTS_FLUSH_SECONDS": 3600, "COUNTS_FLUSH_VIEWS": 10_000}
    yield
    visits.pending_counts.take()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "topic", "item", "search"])
def test_a_public_page_view_writes_only_its_traffic_record(client, publish, counts_held, name):
    item = publish(title="ข่าวสำหรับนับการเขียน")
    url = PAGES[name][0].format(item=item.pk)
    client.get(url)
    records = TrafficRecord.objects.count()
    with _orm_statements() as statements:
        response = client.get(url)
    assert response.status_code == 200
    assert _writes(statements) == []
    assert TrafficRecord.objects.count() == records + 1


@pytest.mark.django_db
def test_held_counts_are_written_together_with_each_visitor_once(client, publish, office, clock, counts_held):
    item = publish(title="ข่าวที่มีผู้อ่าน")
    for agent in ("เบราว์เซอร์ A", "เบราว์เซอร์ B", "เบราว์เซอร์ A"):
        client.get(f"/item/{item.pk}/", HTTP_USER_AGENT=agent)
    client.get("/", HTTP_USER_AGENT="เบราว์เซอร์ A")
    assert not DailyVisits.objects.exists()
    assert Item.objects.get(pk=item.pk).view_count == 0

    assert visits.flush_counts() == 4 + 3
    today = DailyVisits.objects.get(office=office, date=clock.today)
    assert (today.visitors, today.page_views) == (2, 4)
    assert Item.objects.get(pk=item.pk).view_count == 3

    # The same visitor again later in the day is not a new visitor; a new one is.
    client.get("/", HTTP_USER_AGENT="เบราว์เซอร์ B")
    client.get("/", HTTP_USER_AGENT="เบราว์เซอร์ C")
    visits.flush_counts()
    today.refresh_from_db()
    assert (today.visitors, today.page_views) == (3, 6)
    assert visits.flush_counts() == 0  # nothing held, nothing written


@pytest.mark.django_db
def test_held_counts_are_written_when_enough_views_are_held(client, office, clock, settings):
    settings.KHAOSAN = {**settings.KHAOSAN, "COUNTS_FLUSH_SECONDS": 3600, "COUNTS_FLUSH_VIEWS": 3}
    try:
        client.get("/")
        client.get("/")
        assert not DailyVisits.objects.exists()
        client.get("/")
        assert DailyVisits.objects.get(office=office, date=clock.today).page_views == 3
    finally:
        visits.pending_counts.take()


@pytest.mark.django_db
def test_a_new_day_counts_on_its_own_row_and_forgets_yesterdays_visitors(client, office, clock, counts_held):
    client.get("/", HTTP_USER_AGENT="เบราว์เซอร์ A")
    visits.flush_counts()
    clock.advance(days=1)
    client.get("/", HTTP_USER_AGENT="เบราว์เซอร์ A")
    visits.flush_counts()
    assert list(DailyVisits.objects.order_by("date").values_list("visitors", "page_views")) == [(1, 1), (1, 1)]
    assert set(VisitorSeen.objects.values_list("date", flat=True)) == {clock.today}


@pytest.mark.django_db
def test_a_failed_write_of_the_counts_keeps_them_and_the_page_answers(client, office, clock, monkeypatch):
    def locked(*args):
        raise OperationalError("database is locked")

    monkeypatch.setattr(visits, "_write_counts", locked)
    assert client.get("/").status_code == 200  # the flush after this view fails: the visitor does not see it
    assert not DailyVisits.objects.exists()
    monkeypatch.undo()
    visits.flush_counts()
    assert DailyVisits.objects.get(office=office, date=clock.today).page_views == 1
