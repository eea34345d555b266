"""Kept parts of public pages (public/fragments.py): cheaper pages, never a stale word on them."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from khaosan.catalog.models import Item
from khaosan.catalog.services import item_update
from tests.backoffice.conftest import verified_client

pytestmark = pytest.mark.django_db
TOPIC_URL = "/c/news/general-news/"


@pytest.fixture(autouse=True)
def _pages_made_each_time(settings):
    """The whole-page cache off: what is measured here is the page made around its kept parts."""
    settings.KHAOSAN = {**settings.KHAOSAN, "PAGE_CACHE": False}


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def test_a_kept_list_costs_none_of_its_queries_and_shows_the_same_page(client, publish):
    for n in range(5):
        publish(title=f"ข่าวที่ {n}")
    made, first = _queries(client, TOPIC_URL)
    kept, second = _queries(client, TOPIC_URL)
    assert kept < made
    assert first == second


def test_an_edit_shows_at_once_to_visitors_and_to_staff(client, publish, people):
    item = publish(title="ข่าวฉบับเดิม")
    assert "ข่าวฉบับเดิม" in client.get(TOPIC_URL).content.decode()
    assert "ข่าวฉบับเดิม" in client.get(item.get_absolute_url()).content.decode()
    item_update(item=item, title="ข่าวฉบับแก้ไข")
    for url in (TOPIC_URL, item.get_absolute_url(), "/"):
        page = client.get(url).content.decode()
        assert "ข่าวฉบับแก้ไข" in page and "ข่าวฉบับเดิม" not in page, url
    staff = verified_client(client, people["webmaster"])
    assert "ข่าวฉบับแก้ไข" in staff.get(TOPIC_URL).content.decode()


def test_a_scheduled_item_appears_and_an_expiring_one_leaves_at_their_instant(client, publish, clock):
    clock.freeze()
    goes_live = clock.now + dt.timedelta(minutes=10)
    publish(title="ข่าวที่ตั้งเวลาไว้", at=goes_live)
    publish(title="ข่าวที่ใกล้หมดอายุ", expire_at=clock.now + dt.timedelta(minutes=20))
    page = client.get(TOPIC_URL).content.decode()
    assert "ข่าวที่ตั้งเวลาไว้" not in page and "ข่าวที่ใกล้หมดอายุ" in page
    clock.move_to(goes_live - dt.timedelta(seconds=1), tick=False)
    assert "ข่าวที่ตั้งเวลาไว้" not in client.get(TOPIC_URL).content.decode()
    clock.move_to(goes_live, tick=False)
    assert "ข่าวที่ตั้งเวลาไว้" in client.get(TOPIC_URL).content.decode()
    clock.advance(minutes=10)
    page = client.get(TOPIC_URL).content.decode()
    assert "ข่าวที่ใกล้หมดอายุ" not in page and "ข่าวที่ตั้งเวลาไว้" in page


def test_languages_pages_and_the_current_menu_entry_are_kept_apart(client, publish):
    for n in range(25):
        publish(title=f"ข่าวลำดับ {n:02d}")
    thai = client.get(TOPIC_URL).content.decode()
    english = client.get(f"/en{TOPIC_URL}").content.decode()
    assert 'lang="th"' in thai and 'lang="en"' in english and thai != english
    second = client.get(f"{TOPIC_URL}?page=2").content.decode()
    assert "ข่าวลำดับ 00" in second and "ข่าวลำดับ 00" not in thai
    # The header's language switch points at the page it is on, and the menu marks its own category.
    assert f'href="/en{TOPIC_URL}?page=2"' in second and f'href="/en{TOPIC_URL}"' in thai
    assert 'aria-current="page"' in client.get("/").content.decode().split('id="main-menu"')[1].split("</li>")[0]


def test_a_preview_of_an_unpublished_version_is_never_kept(client, publish, people):
    item = publish(title="ข่าวที่เผยแพร่อยู่")
    assert "ข่าวที่เผยแพร่อยู่" in client.get(item.get_absolute_url()).content.decode()
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get(item.get_absolute_url())
    request.office, request.page_stamp = item.office, 0
    draft = Item(pk=item.pk, office=item.office, topic=item.topic, title="ฉบับร่างที่ยังไม่เผยแพร่",
                 status=Item.Status.PUBLISHED, publish_at=item.publish_at)  # fmt: skip
    render_to_string("public/item.html", {"item": draft, "topic": item.topic, "category": item.topic.category,
                                          "preview": True, "attachments": {"files": [], "images": []}},
                     request=request)  # fmt: skip
    page = client.get(item.get_absolute_url()).content.decode()
    assert "ข่าวที่เผยแพร่อยู่" in page and "ฉบับร่างที่ยังไม่เผยแพร่" not in page


def test_the_kept_parts_can_be_turned_off(client, publish, settings):
    settings.KHAOSAN = {**settings.KHAOSAN, "FRAGMENT_CACHE": False}
    publish(title="ข่าวหนึ่ง")
    client.get(TOPIC_URL)  # the counts and years of the topic are window-cached either way
    made, _ = _queries(client, TOPIC_URL)
    again, _ = _queries(client, TOPIC_URL)
    assert again == made and made > 3  # the list is read every time, beyond the kept page's three queries


def test_an_item_page_seen_again_reads_no_item_row_and_leaves_at_its_expiry(client, publish, clock):
    clock.freeze()
    item = publish(title="ข่าวที่ถูกเปิดอ่านบ่อย", expire_at=clock.now + dt.timedelta(minutes=5))
    made, first = _queries(client, item.get_absolute_url())
    kept, second = _queries(client, item.get_absolute_url())
    assert kept < made and "ข่าวที่ถูกเปิดอ่านบ่อย" in second
    clock.move_to(item.expire_at - dt.timedelta(seconds=1), tick=False)
    assert client.get(item.get_absolute_url()).status_code == 200
    clock.move_to(item.expire_at, tick=False)
    assert client.get(item.get_absolute_url()).status_code == 410


def test_a_withdrawn_item_leaves_its_page_at_once_though_a_worker_kept_it(client, publish, people):
    from khaosan.catalog.services import item_withdraw

    item = publish(title="ข่าวที่จะถอน")
    for _ in range(2):
        assert client.get(item.get_absolute_url()).status_code == 200
    item_withdraw(item=item, actor=people["webmaster"], reason="ข้อมูลคลาดเคลื่อน", through_request=True)
    assert client.get(item.get_absolute_url()).status_code == 410


def test_a_worker_keeps_a_bounded_number_of_objects_and_drops_the_oldest(clock):
    from khaosan.public.fragments import WorkerKept

    kept = WorkerKept(size=2)
    until = clock.now + dt.timedelta(minutes=1)
    kept.put("a", until, 1)
    kept.put("b", until, 2)
    assert kept.get("a", clock.now) == 1  # "a" is now the newest used
    kept.put("c", until, 3)
    assert kept.get("b", clock.now) is None and kept.get("a", clock.now) == 1 and kept.get("c", clock.now) == 3
    assert kept.get("a", until) is None  # not past its time
