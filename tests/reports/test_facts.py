"""The report's numbers against the fiscal year of records in conftest.py, worked out by hand.

Working days skip weekends, Songkran (13–15 Apr 2026), Labour Day (1 May) and Coronation Day (4 May):
R1 approved Fri 10 Apr, published Fri 17 Apr: 16, 17 → 2 working days (7 calendar days).
R2 approved Fri 10 Apr, published Wed 22 Apr: 16, 17, 20, 21, 22 → 5; due Mon 20 Apr (16, 17, 20) → 2 late.
R4 approved Thu 30 Apr, published Tue 5 May: 5 → 1 (due 5, 6, 7 May → 7 May).
R3 approved and published Mon 11 May → 0.  R9 approved and carried out Tue 26 May → 0.
Sorted: 0 0 1 2 5 → median 1; nearest-rank 90th percentile: rank ⌈0.9 × 5⌉ = 5 → 5.
"""

import datetime as dt

import pytest

from khaosan.catalog.models import Topic
from khaosan.reports import facts
from khaosan.reports.periods import fiscal_year_period, half_period, quarter_period
from tests.reports.conftest import at

pytestmark = pytest.mark.django_db


def category_of(code):
    category = Topic.objects.get(code=code).category
    return f"{category.number} {category.name_th}"


@pytest.fixture
def year(fy2569, office):
    return facts.draw(office, fiscal_year_period(2569))


def test_requests_are_counted_by_channel_unit_category_outcome_and_month(year):
    requests = year["requests"]
    assert requests["total"] == 8  # R1–R7 and R9; the FY2568 request and the draft are left out
    assert requests["by_channel"] == [["ยื่นผ่านระบบ", 6], ["หนังสือราชการ", 1], ["ไปรษณีย์อิเล็กทรอนิกส์", 1],
                                      ["ช่องทางอื่น", 0]]  # fmt: skip
    assert requests["by_unit"] == [["กลุ่มงานบริหารทั่วไป", 6], ["งานพัสดุ", 2]]
    assert dict(requests["by_category"]) == {
        category_of("general-news"): 4, category_of("procurement-summary"): 1, category_of("statistics"): 1,
        category_of("citizen-manuals"): 1, "ไม่ได้ระบุหัวข้อ": 1,
    }  # fmt: skip
    assert requests["by_outcome"] == [["เผยแพร่แล้ว", 5], ["อนุมัติแล้ว รอเผยแพร่", 1], ["ส่งกลับแก้ไข", 1],
                                      ["ไม่อนุมัติ", 1]]  # fmt: skip
    # October … September: April has R1, R2, R4; May R3, R5, R6, R9; June R7.
    assert [n for *_, n in requests["per_month"]] == [0, 0, 0, 0, 0, 0, 3, 4, 1, 0, 0, 0]
    assert requests["per_month"][0][1] == "ตุลาคม 2568" and requests["per_month"][-1][1] == "กันยายน 2569"


def test_refusals_and_returns_are_listed_with_their_reasons(year):
    decisions = year["decisions"]
    assert (decisions["refused"], decisions["returned"]) == (1, 1)
    assert dict(decisions["by_reason"]) == {"ไม่ตรงหรือไม่เกี่ยวข้องกับภารกิจของหน่วยงาน": 1,
                                            "ข้อมูลไม่ครบถ้วนหรือไม่ถูกต้อง": 1}  # fmt: skip
    refused, returned = decisions["rows"]
    assert refused["title"] == "โฆษณาร้านค้า" and refused["unit"] == "งานพัสดุ"
    assert refused["reason"] == "ไม่ตรงหรือไม่เกี่ยวข้องกับภารกิจของหน่วยงาน — เป็นการโฆษณาสินค้าของเอกชน"
    assert refused["decided_at"].startswith("2026-05-12T11:00")
    assert returned["verdict_label"] == "ส่งกลับแก้ไข" and "โปรดแนบไฟล์ที่ลงนามแล้ว" in returned["reason"]


def test_working_days_from_approval_to_publication_skip_the_holidays(year, fy2569):
    publishing = year["publishing"]
    by_ref = {row["reference"]: row for row in publishing["rows"]}
    r1, r2, r3, r4, r9 = (by_ref[r.reference] for r in (fy2569.r1, fy2569.r2, fy2569.r3, fy2569.r4, fy2569.r9))
    assert (r1["working_days"], r1["calendar_days"], r1["days_late"]) == (2, 7, 0)
    assert (r2["working_days"], r2["due_on"], r2["days_late"]) == (5, "2026-04-20", 2)
    assert (r4["working_days"], r4["due_on"], r4["days_late"]) == (1, "2026-05-07", 0)
    assert (r3["working_days"], r9["working_days"]) == (0, 0)
    assert publishing["count"] == 5
    assert publishing["median"] == 1 and publishing["p90"] == 5
    assert (publishing["late"], publishing["on_time"]) == (1, 4)
    assert publishing["redaction_checked"] == 5
    # R7, approved Wed 10 Jun, was due Mon 15 Jun and waits still on 17 Jun.
    assert (publishing["waiting"], publishing["waiting_late"]) == (1, 1)
    # 0 days: R3, R9; 1: R4; 2: R1; 5 or more (deadline + 2): R2.
    assert publishing["distribution"] == [[0, 2], [1, 1], [2, 1], [3, 0], [4, 0], [5, 1]]


def test_takedowns_say_when_each_was_recorded_and_which_withdrawals_came_by_request(year, fy2569):
    takedowns = year["takedowns"]
    assert takedowns["expired"] == 3  # 1 Mar, 20 May, 16 Jun; not 10 Sep 2025 nor 15 Oct 2026
    assert (takedowns["recorded"], takedowns["recorded_promptly"], takedowns["recorded_later"]) == (2, 1, 1)
    assert takedowns["unrecorded"] == 1
    first, late, missing = takedowns["expired_rows"]
    assert first["expire_at"].startswith("2026-03-01T00:00") and first["recorded_at"].startswith("2026-03-01T00:30")
    assert late["recorded_at"].startswith("2026-05-23T09:00") and not late["recorded_promptly"]
    assert missing["title"] == "ประกาศที่ครบกำหนด 16 มิถุนายน" and missing["recorded_at"] is None
    assert (takedowns["withdrawn"], takedowns["withdrawn_by_request"]) == (2, 1)
    direct, by_request = takedowns["withdrawn_rows"]
    assert direct["request"] == "" and direct["reason"] == "ข้อมูลซ้ำกับรายการอื่น"
    assert by_request["request"] == fy2569.r9.reference and by_request["reason"] == "ข้อมูลคลาดเคลื่อน"


def test_completeness_visitors_and_trainings_of_the_year(year):
    completeness = year["completeness"]
    assert completeness["start"] == {"date": "2025-10-01", "score": 40.0}  # not the 30 Sep 2025 snapshot
    assert completeness["end"] == {"date": "2026-06-16", "score": 72.3}
    assert completeness["days"] == 3
    visitors = year["visitors"]
    assert (visitors["visitors"], visitors["page_views"], visitors["days"]) == (40, 97, 3)
    assert [m[2:] for m in visitors["per_month"] if m[2]] == [[10, 30], [25, 60], [5, 7]]
    trainings = year["trainings"]
    assert (trainings["count"], trainings["people"], trainings["hours"]) == (3, 3, 21)
    assert (trainings["on_website"], trainings["on_cyber_security"], trainings["km"]) == (2, 2, 1)
    assert [row["title"] for row in trainings["rows"]] == [
        "การบริหารจัดการเว็บไซต์ภาครัฐตามมาตรฐาน", "Cyber Security สำหรับหน่วยงานสาธารณสุข",
        "แลกเปลี่ยนเรียนรู้การเผยแพร่ข้อมูลอย่างปลอดภัย",
    ]  # fmt: skip


def test_appointments_carry_the_date_the_audit_trail_recorded(year, fy2569):
    appointments = year["appointments"]
    assert appointments["trail_starts"] == "2025-09-20"  # the office's first audit row
    rows = {(r["role"], r["name"]): r for r in appointments["rows"]}
    assert rows[("webmaster", "นางมาลี ศรีสุข")]["appointed_on"] == "2025-11-03"
    held_before = rows[("webmaster", "นางสาวพิมพ์ชนก แก้วมณี")]
    assert held_before["appointed_on"] is None and held_before["before"] == "2025-09-20"
    assert ("reviewer", "นายวิทยา อินทร์แก้ว") in rows and ("committee", "นางอรุณี") in rows
    # นายธนกร stopped being a web master on 16 Jun 2026: not one at the end of this report's data.
    assert not any(name == "นายธนกร" for _, name in rows)
    assert (appointments["webmasters"], appointments["webmasters_enough"]) == (2, True)


def test_a_quarter_counts_only_its_own_records_and_its_own_appointments(fy2569, office):
    q2 = facts.draw(office, quarter_period(2569, 2))  # January – March 2026
    assert q2["requests"]["total"] == 0 and q2["publishing"]["count"] == 0
    assert [m[1] for m in q2["requests"]["per_month"]] == ["มกราคม 2569", "กุมภาพันธ์ 2569", "มีนาคม 2569"]
    assert (q2["takedowns"]["expired"], q2["takedowns"]["withdrawn"]) == (1, 1)
    assert q2["completeness"]["start"] == q2["completeness"]["end"] == {"date": "2026-01-15", "score": 55.5}
    assert (q2["trainings"]["count"], q2["trainings"]["hours"]) == (2, 18)
    assert q2["as_of"] == "2026-04-01T00:00:00+07:00"  # the period is over: its facts stop at its end
    webmasters = {r["name"] for r in q2["appointments"]["rows"] if r["role"] == "webmaster"}
    assert webmasters == {"นางมาลี ศรีสุข", "นางสาวพิมพ์ชนก แก้วมณี", "นายธนกร"}

    q3 = facts.draw(office, quarter_period(2569, 3))  # April – June 2026, still running on 17 Jun
    assert q3["requests"]["total"] == 8 and q3["publishing"]["count"] == 5
    assert (q3["takedowns"]["expired"], q3["takedowns"]["withdrawn"]) == (2, 1)
    assert (q3["visitors"]["visitors"], q3["visitors"]["page_views"]) == (30, 67)


def test_a_half_year_is_october_to_march_or_april_to_september(fy2569, office):
    first, second = facts.draw(office, half_period(2569, 1)), facts.draw(office, half_period(2569, 2))
    assert (first["period"]["start"], first["period"]["end"]) == ("2025-10-01", "2026-03-31")
    assert (second["period"]["start"], second["period"]["end"]) == ("2026-04-01", "2026-09-30")
    assert first["requests"]["total"] + second["requests"]["total"] == 8
    assert first["trainings"]["count"] + second["trainings"]["count"] == 3


def test_another_office_has_none_of_these_records(fy2569, other_office):
    other = facts.draw(other_office, fiscal_year_period(2569))
    assert other["requests"]["total"] == 0 and other["trainings"]["count"] == 0
    assert other["takedowns"]["expired"] == 0 and other["visitors"]["visitors"] == 0
    assert other["appointments"]["rows"] == [] and other["appointments"]["webmasters_enough"] is False


def test_an_office_closure_counts_as_a_holiday(fy2569, office, clock):
    from khaosan.org.models import OfficeClosure

    OfficeClosure.objects.create(office=office, date=dt.date(2026, 4, 16), reason="ปิดสำนักงานต่อเนื่องสงกรานต์")
    rows = {r["reference"]: r for r in facts.draw(office, fiscal_year_period(2569))["publishing"]["rows"]}
    assert rows[fy2569.r1.reference]["working_days"] == 1  # only Fri 17 Apr is left


@pytest.mark.parametrize(("values", "expected"), [
    ([], None), ([3], 3), ([0, 0, 1, 2, 5], 5), (list(range(1, 11)), 9), (list(range(1, 21)), 18), ([4, 1], 4),
])  # fmt: skip
def test_the_90th_percentile_is_the_nearest_rank(values, expected):
    assert facts.nearest_rank(values, 90) == expected


def test_facts_are_plain_json(year):
    import json

    assert json.loads(json.dumps(year)) == year


def test_the_facts_stop_at_the_moment_they_are_drawn(fy2569, office, clock):
    """Drawn as of 1 Jun, the year counts what had happened by then: not R7 (8 Jun), not the 16 Jun takedown."""
    early = facts.draw(office, fiscal_year_period(2569), now=at("2026-06-01 12:00"))
    assert early["as_of"] == "2026-06-01T12:00:00+07:00"
    assert early["requests"]["total"] == 7 and early["takedowns"]["expired"] == 2


def test_drawing_the_facts_costs_the_same_queries_however_many_records(fy2569, office, clock):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from khaosan.reports import services as reports
    from tests.reports.conftest import Walk

    def queries():
        with CaptureQueriesContext(connection) as captured:
            facts.draw(office, fiscal_year_period(2569))
        return len(captured)

    few = queries()
    walk, people = Walk(clock, office, fy2569.people), fy2569.people
    for number in range(3):
        pub_request = walk.request("requester", f"คำขอเพิ่ม {number}", "general-news", f"2026-06-1{number} 09:00")
        walk.approve(pub_request, f"2026-06-1{number} 10:00", f"2026-06-1{number} 11:00")
        walk.publish(pub_request, f"2026-06-1{number} 15:00")
        refused = walk.request("outsider", f"คำขอไม่อนุมัติ {number}", "general-news", f"2026-06-1{number} 16:00")
        walk.decide(refused, "reviewer", f"2026-06-1{number} 16:30", "refuse", reason_code="other", reason="ซ้ำ")
        reports.training_record(office=office, actor=people["admin"], person=people["outsider"], kind="km",
                                title=f"KM {number}", organiser="สสอ.", starts_on=dt.date(2026, 6, 10 + number),
                                ends_on=dt.date(2026, 6, 10 + number), hours=2)  # fmt: skip
    clock.move_to(at("2026-06-17 10:00"))
    assert facts.draw(office, fiscal_year_period(2569))["requests"]["total"] == 14
    assert queries() == few
