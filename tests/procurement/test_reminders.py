"""The reminder after the 10th, and the plan's 30 working days, with the clock moved across holidays."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from khaosan.audit.services import housekeeping_run
from khaosan.compliance.models import Reminder
from khaosan.org.models import OfficeClosure
from khaosan.procurement import selectors, services
from khaosan.procurement.models import ProcurementPlan
from khaosan.workflow.models import Notification
from tests.conftest import make_person, pdf_bytes, upload
from tests.procurement.conftest import publish_through_chain

NOVEMBER = dt.date(2026, 11, 1)  # พฤศจิกายน 2569: due Thursday 10 December 2569, วันรัฐธรรมนูญ (a holiday)


def reminders_to(person):
    return list(
        Notification.objects.filter(recipient=person, subject__startswith="ยังไม่ได้เผยแพร่สรุป").values_list(
            "subject", flat=True
        )
    )


def test_a_missing_summary_is_told_once_after_the_tenth_even_when_the_tenth_is_a_holiday(
    office, officer, people, clock
):
    clock.move_to("2026-12-10T23:50:00")
    assert services.housekeeping_reminders()["summary_missing"] == 0  # the due day itself, a holiday: not yet late
    clock.move_to("2026-12-11T00:10:00")  # the 11th: late, though the 10th was no working day
    assert services.housekeeping_reminders()["summary_missing"] == 1
    subject = "ยังไม่ได้เผยแพร่สรุปผลการจัดซื้อจัดจ้าง (สขร.1) เดือนพฤศจิกายน 2569"
    assert reminders_to(officer) == [subject]
    assert reminders_to(people["webmaster"]) == [subject] and reminders_to(people["webmaster2"]) == [subject]
    assert reminders_to(people["requester"]) == []  # not the procurement unit
    note = Notification.objects.get(recipient=officer)
    assert "ต้องเผยแพร่ภายในวันที่ 10 ธันวาคม 2569" in note.message and note.url == "/backoffice/procurement/month/2026/11/"
    clock.advance(days=1)
    assert services.housekeeping_reminders()["summary_missing"] == 0
    assert len(reminders_to(officer)) == 1
    assert Reminder.objects.filter(kind="procurement.summary.missing").count() == 1


def test_the_reminder_runs_with_the_daily_job_on_a_sunday_the_eleventh(office, officer, clock):
    clock.move_to("2026-10-11T07:00:00")  # Sunday; September 2569's summary was due Saturday the 10th
    ok, results = housekeeping_run()
    assert ok and results["procurement.reminders"] == {"summary_missing": 1, "plan": 0}
    assert reminders_to(officer) == ["ยังไม่ได้เผยแพร่สรุปผลการจัดซื้อจัดจ้าง (สขร.1) เดือนกันยายน 2569"]


def test_a_published_month_is_not_reminded(office, officer, people, clock):
    clock.move_to("2026-12-03T09:00:00")
    services.summary_save(office=office, actor=officer, month=NOVEMBER, nil=True)
    publish_through_chain(services.summary_send(office=office, actor=officer, month=NOVEMBER).pub_request, people)
    clock.move_to("2026-12-11T08:00:00")
    assert services.housekeeping_reminders()["summary_missing"] == 0 and reminders_to(officer) == []


# The plan: allocated Tuesday 2 December 2568. Counting 30 working days by hand, skipping weekends and
# 5 Dec (วันพ่อแห่งชาติ), 10 Dec (วันรัฐธรรมนูญ), 31 Dec, 1 Jan and 2 Jan (วันหยุดพิเศษ): Tuesday 20 January 2569.
ALLOCATED = dt.date(2025, 12, 2)
DEADLINE = dt.date(2026, 1, 20)


def send_plan(office, officer, clock, people, *, when):
    clock.move_to(when)
    plan = ProcurementPlan.objects.get(office=office, fiscal_year=2569)
    plan = services.plan_send(plan=plan, actor=officer, uploads=[upload("แผนการจัดซื้อจัดจ้าง 2569.pdf", pdf_bytes(2))])
    publish_through_chain(plan.pub_request, people)
    plan.refresh_from_db()
    return selectors.plan_status(plan)


@pytest.fixture
def plan(office, officer, clock):
    clock.move_to("2025-12-03T09:00:00")
    return services.plan_save(office=office, actor=officer, fiscal_year_be=2569, allocation_date=ALLOCATED)


def test_the_plan_is_due_thirty_working_days_after_the_allocation(plan):
    assert plan.deadline == DEADLINE


def test_published_on_the_deadline_the_plan_is_on_time_and_both_dates_are_kept(plan, office, officer, clock, people):
    status = send_plan(office, officer, clock, people, when="2026-01-20T15:00:00")
    assert status.plan.allocation_date == ALLOCATED and status.plan.published_on == DEADLINE
    assert status.on_time and not status.late()


def test_published_the_next_working_day_the_plan_is_late(plan, office, officer, clock, people):
    status = send_plan(office, officer, clock, people, when="2026-01-21T09:00:00")
    assert status.published_on == dt.date(2026, 1, 21) and not status.on_time and status.late()


def test_an_office_closure_moves_the_deadline(plan, office, officer, clock, people):
    OfficeClosure.objects.create(office=office, date=dt.date(2026, 1, 16), reason="ปิดทำการเพื่อซ่อมอาคาร")
    assert plan.deadline == dt.date(2026, 1, 21)
    assert send_plan(office, officer, clock, people, when="2026-01-21T09:00:00").on_time


def test_the_plan_is_reminded_five_working_days_ahead_and_once_late(plan, office, officer, clock):
    clock.move_to("2026-01-12T08:00:00")  # six working days left: 13, 14, 15, 16, 19, 20 January
    assert services.housekeeping_reminders()["plan"] == 0
    clock.move_to("2026-01-13T08:00:00")
    assert services.housekeeping_reminders()["plan"] == 1
    clock.move_to("2026-01-14T08:00:00")
    assert services.housekeeping_reminders()["plan"] == 0
    clock.move_to("2026-01-21T08:00:00")
    assert services.housekeeping_reminders()["plan"] == 1
    subjects = list(Notification.objects.filter(recipient=officer, subject__contains="แผนการจัดซื้อจัดจ้าง")
                    .order_by("created_at").values_list("subject", flat=True))  # fmt: skip
    assert subjects == ["ใกล้ครบกำหนดประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ปีงบประมาณ 2569",
                        "เลยกำหนดประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ปีงบประมาณ 2569"]  # fmt: skip


def test_a_plan_published_by_hand_counts_with_its_date(office, officer, publish, clock):
    from tests.conftest import topic  # noqa: F401

    clock.move_to("2026-01-09T10:00:00")
    item = publish("procurement-plan", "ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ปีงบประมาณ 2569",
                   data_from=dt.date(2025, 10, 1), data_to=dt.date(2026, 9, 30))  # fmt: skip
    plan = services.plan_save(office=office, actor=officer, fiscal_year_be=2569, allocation_date=ALLOCATED)
    assert plan.published_on == dt.date(2026, 1, 9) and selectors.plan_status(plan).item == item


def test_the_allocation_date_must_be_of_the_year_and_not_ahead(office, officer, clock):
    clock.move_to("2026-01-05T09:00:00")
    with pytest.raises(ValidationError):
        services.plan_save(office=office, actor=officer, fiscal_year_be=2569, allocation_date=dt.date(2026, 1, 6))
    with pytest.raises(ValidationError):
        services.plan_save(office=office, actor=officer, fiscal_year_be=2569, allocation_date=dt.date(2024, 5, 1))
    assert not ProcurementPlan.objects.exists()


def test_the_plan_and_quarters_are_kept_by_procurement_staff_only(office, officer, people, clock):
    from khaosan.errors import NotAllowed

    clock.move_to("2025-12-03T09:00:00")
    with pytest.raises(NotAllowed):
        services.plan_save(office=office, actor=people["requester"], fiscal_year_be=2569, allocation_date=ALLOCATED)
    plan = services.plan_save(office=office, actor=people["webmaster"], fiscal_year_be=2569, allocation_date=ALLOCATED)
    with pytest.raises(NotAllowed):
        services.quarter_save(plan=plan, actor=make_person(office, "nurse"), quarter=1, operating_planned_count=3)
