"""Thai-aware search: words inside longer runs of Thai, ranking, filters and bad input."""

import pytest

from khaosan.catalog import search, selectors
from tests.conftest import pdf_bytes, upload

pytestmark = pytest.mark.django_db


def run(office, query, **kwargs):
    return search.search(selectors.with_list_data(selectors.public_items(office)), query, **kwargs)


def test_a_word_inside_a_longer_run_of_thai_is_found(publish, office):
    item = publish(title="ประกาศรับสมัครลูกจ้างชั่วคราวโรงพยาบาลส่งเสริมสุขภาพตำบลป่าคาหลวง")
    assert [i.pk for i in run(office, "สุขภาพ").items] == [item.pk]
    assert [i.pk for i in run(office, "ชั่วคราว").items] == [item.pk]


def test_a_query_typed_without_spaces_matches_words_in_any_order(publish, office):
    item = publish(title="ไข้หวัดใหญ่ ออกหน่วยฉีดวัคซีนให้ผู้สูงอายุ")
    assert [i.pk for i in run(office, "วัคซีนไข้หวัดใหญ่").items] == [item.pk]


def test_title_matches_rank_above_body_matches(publish, office):
    in_body = publish(title="รายงานประจำเดือน", body="<p>มีการรณรงค์ป้องกันไข้เลือดออกในชุมชน</p>")
    in_title = publish(title="รณรงค์ป้องกันไข้เลือดออก")
    assert [i.pk for i in run(office, "ไข้เลือดออก").items] == [in_title.pk, in_body.pk]


def test_file_names_are_searched(publish, office):
    item = publish(title="เอกสาร", files=[upload("แผนปฏิบัติการ2569.pdf", pdf_bytes())])
    assert [i.pk for i in run(office, "แผนปฏิบัติการ").items] == [item.pk]


def test_short_thai_words_are_found(publish, office):
    item = publish(title="ความรู้เรื่องการใช้ยาอย่างสมเหตุผล")
    publish(title="ประกาศอื่น")
    assert [i.pk for i in run(office, "ยา").items] == [item.pk]


def test_only_public_items_are_found(publish, office, clock):
    import datetime as dt

    now = clock.now
    publish(title="วัคซีนตั้งเวลา", at=now + dt.timedelta(days=1))
    publish(title="วัคซีนหมดอายุ", at=now - dt.timedelta(days=3), expire_at=now - dt.timedelta(days=1))
    assert run(office, "วัคซีน").total == 0


def test_matches_are_marked_and_escaped(publish, office):
    publish(title="<script>alert(1)</script> วัคซีน", summary="บริการวัคซีนฟรี <b>ทุกคน</b>")
    result = run(office, "วัคซีน").items[0]
    assert "<mark>วัคซีน</mark>" in result.title_marked
    assert "<script>" not in result.title_marked and "&lt;script&gt;" in result.title_marked
    assert "<b>" not in result.snippet


@pytest.mark.parametrize("query", ["", "   ", "!!!", "\"'", "' OR 1=1 --", 'a" OR "b', "*", "NEAR(", "ก" * 500])
def test_garbage_queries_do_not_crash(publish, office, query):
    publish(title="ข่าว")
    run(office, query)


def test_paging_through_results(publish, office):
    for n in range(5):
        publish(title=f"ประกาศ วัคซีน ฉบับที่ {n}")
    first = run(office, "วัคซีน", limit=2, offset=0)
    last = run(office, "วัคซีน", limit=2, offset=4)
    assert first.total == 5 and len(first.items) == 2 and len(last.items) == 1
