"""The public page cache: kept pages are never stale, and every view is still logged and counted."""

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from khaosan.audit.models import TrafficRecord
from khaosan.catalog.models import Item
from khaosan.catalog.services import item_update, item_withdraw
from khaosan.public import visits
from khaosan.public.models import DailyVisits
from khaosan.public.pagecache import HIT_HEADER

pytestmark = pytest.mark.django_db


def _get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response


def test_the_second_view_is_kept_and_asks_only_for_the_stamp(client, publish):
    item = publish(title="ข่าวรณรงค์ฉีดวัคซีน")
    first = _get(client, f"/item/{item.pk}/")
    assert first[HIT_HEADER] == "miss"
    with CaptureQueriesContext(connection) as captured:
        second = _get(client, f"/item/{item.pk}/")
    assert second[HIT_HEADER] == "hit"
    assert second.content == first.content
    page_queries = [q["sql"] for q in captured.captured_queries if "public_pagestamp" in q["sql"]]
    assert len(page_queries) == 1
    assert not [q["sql"] for q in captured.captured_queries if "catalog_" in q["sql"] and "SELECT" in q["sql"]]


def test_a_kept_page_is_answered_before_the_session_and_authentication_layers(client, publish):
    item = publish(title="ข่าวที่ตอบเร็ว")
    _get(client, f"/item/{item.pk}/")
    response = _get(client, f"/item/{item.pk}/")
    assert response[HIT_HEADER] == "hit"
    assert not hasattr(response.wsgi_request, "session")  # answered by KeptPageMiddleware, early
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    english = _get(client, f"/en/item/{item.pk}/")
    assert _get(client, f"/en/item/{item.pk}/").content == english.content != response.content


def test_a_kept_view_is_still_logged_and_counted(client, publish, office, clock):
    item = publish(title="ข่าวที่มีผู้อ่านมาก")
    for _ in range(3):
        _get(client, f"/item/{item.pk}/")
    assert TrafficRecord.objects.filter(path=f"/item/{item.pk}/").count() == 3
    assert DailyVisits.objects.get(office=office, date=clock.today).page_views == 3
    assert Item.objects.get(pk=item.pk).view_count == 3


def test_an_edit_shows_at_once(client, publish, people):
    item = publish(title="ประกาศรับสมัครงาน")
    _get(client, f"/item/{item.pk}/")
    _get(client, "/")
    item_update(item=item, actor=people["webmaster"], title="ประกาศรับสมัครงาน (แก้ไขวันรับสมัคร)", through_request=True)
    assert "แก้ไขวันรับสมัคร" in _get(client, f"/item/{item.pk}/").content.decode()
    assert "แก้ไขวันรับสมัคร" in _get(client, "/").content.decode()


def test_a_withdrawn_item_leaves_the_kept_pages_at_once(client, publish, people):
    item = publish(title="ข่าวที่ต้องถอน")
    assert "ข่าวที่ต้องถอน" in _get(client, "/").content.decode()
    _get(client, f"/item/{item.pk}/")
    item_withdraw(item=item, actor=people["webmaster"], reason="ข้อมูลคลาดเคลื่อน", through_request=True)
    assert "ข่าวที่ต้องถอน" not in _get(client, "/").content.decode()
    assert client.get(f"/item/{item.pk}/").status_code == 410


def test_a_new_item_shows_on_the_kept_listing_at_once(client, publish):
    _get(client, "/c/news/general-news/")
    publish(title="ข่าวใหม่ล่าสุดของวันนี้")
    assert "ข่าวใหม่ล่าสุดของวันนี้" in _get(client, "/c/news/general-news/").content.decode()


def test_a_scheduled_item_appears_at_its_minute_and_an_expiring_one_leaves_at_its_minute(
    client, publish, clock, settings
):
    settings.KHAOSAN = {**settings.KHAOSAN, "PAGE_CACHE_SECONDS": 24 * 3600}  # only the instants end a kept page
    clock.freeze()
    go_live = clock.now + dt.timedelta(hours=2)
    expiry = clock.now + dt.timedelta(hours=3)
    publish(title="ข่าวที่ตั้งเวลาเผยแพร่", at=go_live)
    publish(title="ประกาศที่หมดอายุ", expire_at=expiry)
    page = _get(client, "/").content.decode()
    assert "ข่าวที่ตั้งเวลาเผยแพร่" not in page and "ประกาศที่หมดอายุ" in page

    clock.move_to(go_live - dt.timedelta(seconds=1), tick=False)
    assert _get(client, "/")[HIT_HEADER] == "hit"
    assert "ข่าวที่ตั้งเวลาเผยแพร่" not in _get(client, "/").content.decode()
    clock.move_to(go_live, tick=False)
    page = _get(client, "/").content.decode()
    assert "ข่าวที่ตั้งเวลาเผยแพร่" in page and "ประกาศที่หมดอายุ" in page

    clock.move_to(expiry - dt.timedelta(seconds=1), tick=False)
    assert "ประกาศที่หมดอายุ" in _get(client, "/").content.decode()
    clock.move_to(expiry, tick=False)
    assert "ประกาศที่หมดอายุ" not in _get(client, "/").content.decode()


def test_the_office_contact_details_show_at_once(client, office):
    _get(client, "/contact/")
    office.phone = "0 5471 9999"
    office.save(update_fields=["phone", "updated_at"])
    assert "0 5471 9999" in _get(client, "/contact/").content.decode()


def test_a_change_that_is_rolled_back_leaves_the_kept_page_as_it_was(client, publish, people):
    item = publish(title="ข่าวที่ไม่เปลี่ยน")
    _get(client, f"/item/{item.pk}/")
    with pytest.raises(RuntimeError), transaction.atomic():
        item_update(item=item, actor=people["webmaster"], title="ข่าวที่เปลี่ยนแล้วยกเลิก", through_request=True)
        raise RuntimeError
    response = _get(client, f"/item/{item.pk}/")
    assert response[HIT_HEADER] == "hit"
    assert "ยกเลิก" not in response.content.decode()


def test_pages_kept_apart_by_language_and_page_number(client, publish):
    for n in range(25):
        publish(title=f"ข่าวลำดับ {n:02d}")
    page_one = _get(client, "/c/news/general-news/").content
    page_two = _get(client, "/c/news/general-news/?page=2").content
    english = _get(client, "/en/c/news/general-news/").content
    assert len({page_one, page_two, english}) == 3
    assert _get(client, "/c/news/general-news/?page=2").content == page_two


def test_signed_in_staff_unknown_parameters_and_errors_pass_by_the_cache(client, publish, people):
    item = publish(title="ข่าวสำหรับเจ้าหน้าที่")
    client.force_login(people["webmaster"])
    assert HIT_HEADER not in client.get(f"/item/{item.pk}/")
    assert HIT_HEADER not in client.get(f"/item/{item.pk}/")
    client.logout()
    client.cookies.clear()
    assert HIT_HEADER not in client.get(f"/item/{item.pk}/?utm_source=line")
    assert HIT_HEADER not in client.get("/item/999999/")
    assert HIT_HEADER not in client.get("/participation/")


def test_the_cache_can_be_turned_off(client, publish, settings):
    settings.KHAOSAN = {**settings.KHAOSAN, "PAGE_CACHE": False}
    item = publish(title="ข่าวไม่เก็บ")
    assert HIT_HEADER not in _get(client, f"/item/{item.pk}/")
    assert HIT_HEADER not in _get(client, f"/item/{item.pk}/")


@pytest.fixture(autouse=True)
def _nothing_held():
    yield
    visits.pending_counts.take()
