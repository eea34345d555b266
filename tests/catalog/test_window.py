"""The publication window is computed at query time (DESIGN principle 5): no job needs to run."""

import datetime as dt

import pytest

from khaosan.catalog import selectors
from khaosan.catalog.models import Item
from khaosan.catalog.services import item_withdraw

pytestmark = pytest.mark.django_db


def test_item_is_visible_from_its_publish_instant(publish, office, clock):
    at = clock.now + dt.timedelta(hours=2)
    item = publish(at=at)
    assert item not in selectors.public_items(office, at=at - dt.timedelta(microseconds=1))
    assert item in selectors.public_items(office, at=at)


def test_item_leaves_every_public_list_at_its_expiry_instant(publish, office, clock):
    now = clock.now
    item = publish(at=now - dt.timedelta(days=1), expire_at=now + dt.timedelta(minutes=1))
    expiry = item.expire_at
    assert item in selectors.public_items(office, at=expiry - dt.timedelta(microseconds=1))
    assert item not in selectors.public_items(office, at=expiry)


def test_drafts_and_withdrawn_items_are_never_public(publish, office, clock):
    item = publish()
    item_withdraw(item=item, reason="ข้อมูลไม่ถูกต้อง")
    draft = Item.objects.create(office=office, topic=item.topic, title="ร่าง", publish_at=clock.now)
    visible = selectors.public_items(office)
    assert item not in visible and draft not in visible


def test_other_offices_items_are_not_listed(publish, office, other_office):
    mine = publish(title="ของเรา")
    theirs = publish(title="ของเขา", office=other_office)
    assert list(selectors.public_items(office)) == [mine]
    assert list(selectors.public_items(other_office)) == [theirs]


def test_state_reads_scheduled_published_expired(publish, clock):
    now = clock.now
    assert publish(at=now + dt.timedelta(days=1)).state == "scheduled"
    assert publish(at=now - dt.timedelta(days=1)).state == "published"
    assert publish(at=now - dt.timedelta(days=2), expire_at=now - dt.timedelta(days=1)).state == "expired"


def test_fiscal_year_and_quarter_follow_the_data_period(publish):
    item = publish(data_from=dt.date(2025, 10, 1), data_to=dt.date(2025, 12, 31))
    assert (item.fiscal_year, item.quarter) == (2569, 1)


def test_expiry_must_follow_publication(publish, clock):
    from django.core.exceptions import ValidationError

    now = clock.now
    with pytest.raises(ValidationError) as error:
        publish(at=now, expire_at=now - dt.timedelta(days=1))
    assert "วันที่นำออกต้องอยู่หลังวันที่เผยแพร่" in str(error.value)
