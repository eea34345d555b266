"""Topic states by their refresh rules, moved across due dates and expiry instants (S-2.4, S-3.2)."""

import datetime as dt

import pytest

from khaosan.catalog.models import Item, Topic
from khaosan.catalog.services import item_withdraw
from khaosan.compliance.states import completeness, topic_statuses
from tests.conftest import BANGKOK

pytestmark = pytest.mark.django_db


def at(*args):
    return dt.datetime(*args, tzinfo=BANGKOK)


def state_of(office, code):
    (status,) = topic_statuses(office, topics=Topic.objects.filter(code=code).prefetch_related("includes"))
    return status


def test_a_topic_without_any_item_is_missing_and_one_with_an_item_is_current(office, publish):
    assert state_of(office, "history").state == "missing"
    publish("history", "ประวัติความเป็นมา")
    assert state_of(office, "history").state == "current"


def test_a_topic_whose_only_item_leaves_is_expiring_two_weeks_ahead_then_expired(office, publish, clock):
    clock.move_to(at(2026, 6, 1, 9, 0))
    publish("job-announcements", "รับสมัครลูกจ้าง", expire_at=at(2026, 6, 30, 23, 59))
    clock.move_to(at(2026, 6, 16, 9, 0))
    assert state_of(office, "job-announcements").state == "current"
    clock.move_to(at(2026, 6, 17, 9, 0))
    status = state_of(office, "job-announcements")
    assert (status.state, status.due_on) == ("expiring", dt.date(2026, 6, 30))
    clock.move_to(at(2026, 7, 1, 0, 0))
    assert state_of(office, "job-announcements").state == "expired"


def test_a_withdrawn_items_topic_is_expired_not_missing(office, publish):
    item_withdraw(item=publish("history", "ประวัติ"), reason="ข้อมูลผิด")
    assert state_of(office, "history").state == "expired"


def test_this_fiscal_years_plan_is_due_60_days_into_the_year(office, publish, clock):
    clock.move_to(at(2026, 3, 1, 9, 0))
    publish("annual-plan", "แผนปฏิบัติราชการ 2569", data_from=dt.date(2025, 10, 1), data_to=dt.date(2026, 9, 30))
    clock.move_to(at(2026, 11, 15, 9, 0))  # FY2570 began on 1 October; its plan is due by 30 November
    status = state_of(office, "annual-plan")
    assert (status.state, status.due_on, status.period.label()) == ("current", dt.date(2026, 11, 30), "ปีงบประมาณ 2570")
    clock.move_to(at(2026, 11, 16, 9, 0))  # 14 days ahead
    assert state_of(office, "annual-plan").state == "expiring"
    clock.move_to(at(2026, 12, 1, 0, 1))
    status = state_of(office, "annual-plan")
    assert (status.state, status.due_on) == ("stale", dt.date(2026, 11, 30))
    assert status.suggested_title == "แผนงาน โครงการ และงบประมาณรายจ่ายประจำปี ปีงบประมาณ 2570"
    publish("annual-plan", "แผนปฏิบัติราชการ 2570", data_from=dt.date(2026, 10, 1), data_to=dt.date(2027, 9, 30))
    status = state_of(office, "annual-plan")
    assert (status.state, status.due_on) == ("current", dt.date(2027, 11, 30))


def test_last_months_procurement_summary_is_due_by_the_tenth(office, publish, clock):
    clock.move_to(at(2026, 11, 5, 9, 0))
    publish("procurement-summary", "สขร.1 ตุลาคม 2569", data_from=dt.date(2026, 10, 1), data_to=dt.date(2026, 10, 31))
    clock.move_to(at(2026, 12, 10, 12, 0))  # November's summary is due today, 10 December
    status = state_of(office, "procurement-summary")
    assert (status.state, status.due_on, status.period.label()) == ("expiring", dt.date(2026, 12, 10), "พฤศจิกายน 2569")
    clock.move_to(at(2026, 12, 11, 0, 0))
    assert state_of(office, "procurement-summary").state == "stale"


def test_a_summary_without_data_dates_covers_the_month_before_it_was_published(office, publish, clock):
    clock.move_to(at(2027, 1, 8, 9, 0))
    publish("procurement-summary", "สรุปผลการจัดซื้อจัดจ้างเดือนธันวาคม")  # no data period given
    clock.move_to(at(2027, 1, 20, 9, 0))
    status = state_of(office, "procurement-summary")
    assert (status.state, status.due_on) == ("current", dt.date(2027, 2, 10))


def test_news_must_keep_coming_within_three_months(office, publish, clock):
    clock.move_to(at(2026, 3, 1, 9, 0))
    publish("general-news", "ข่าวรณรงค์")
    clock.move_to(at(2026, 5, 15, 9, 0))
    assert state_of(office, "general-news").state == "current"  # something new is due by 30 May
    clock.move_to(at(2026, 5, 16, 9, 0))
    assert state_of(office, "general-news").state == "expiring"
    clock.move_to(at(2026, 5, 31, 9, 0))
    assert state_of(office, "general-news").state == "stale"


def test_items_of_included_topics_count_for_the_topic_that_includes_them(office, publish):
    publish("structure", "โครงสร้างหน่วยงาน")
    assert state_of(office, "oia-7-1").state == "current"


def test_another_offices_items_do_not_count(office, other_office, publish):
    publish("history", "ประวัติของอีกสำนักงาน", office=other_office)
    assert state_of(office, "history").state == "missing"


def test_a_scheduled_item_does_not_count_until_it_goes_live(office, publish, clock):
    publish("history", "ประวัติ", publish_at=clock.now + dt.timedelta(days=1))
    assert state_of(office, "history").state == "missing"
    clock.advance(days=1, minutes=1)
    assert state_of(office, "history").state == "current"


def test_the_score_counts_required_topics_by_the_points_in_the_data_file(office, publish, clock):
    statuses = topic_statuses(office)
    required = [s for s in statuses if s.topic.required]
    assert completeness(statuses).score == 0.0
    publish("history", "ประวัติ")
    publish("useful-websites", "เว็บไซต์ที่น่าสนใจ", external_url="https://www.moph.go.th/")  # not required: does not count
    clock.move_to(at(2026, 3, 1, 9, 0))
    publish("general-news", "ข่าว")
    clock.move_to(at(2026, 6, 17, 10, 0))  # the news is now older than 90 days: stale, half a point
    result = completeness(topic_statuses(office))
    assert result.counted == len(required)
    assert (result.counts["current"], result.counts["stale"]) == (1, 1)  # history; the news
    assert result.counts["missing"] == len(required) - 2
    assert result.score == round(100 * 1.5 / len(required), 1)


def test_statuses_take_a_constant_number_of_queries(office, publish, django_assert_max_num_queries):
    for n in range(30):
        publish("general-news", f"ข่าว {n}")
    with django_assert_max_num_queries(8):
        topic_statuses(office)
    assert Item.objects.count() == 30
