"""A fiscal year of records (FY2569: 1 Oct 2025 – 30 Sep 2026) whose report is worked out by hand.

Everything goes through the real services with the suite's clock moved to each moment, in order, so the
audit trail, the decisions and the takedown records carry the times written here. The expected answers
are in the tests (test_facts.py), computed from these dates by hand, never by the code under test.

Thai holidays that matter here (holidays.Thailand): Songkran Mon 13 – Wed 15 April 2026; Labour Day
Fri 1 May 2026; Coronation Day Mon 4 May 2026.
"""

import datetime as dt
from types import SimpleNamespace

import pytest

from khaosan.catalog.models import Item
from khaosan.catalog.services import item_withdraw
from khaosan.compliance.models import ComplianceSnapshot
from khaosan.compliance.services import item_expiry_record
from khaosan.org import services as org_services
from khaosan.org.models import Office
from khaosan.public.models import DailyVisits
from khaosan.reports import services as reports
from khaosan.workflow import services as wf
from khaosan.workflow.models import Action, Channel
from tests.backoffice.conftest import as_person  # noqa: F401  (a fixture: people signed in with a second factor)
from tests.conftest import BANGKOK, pdf_bytes, topic, upload
from tests.workflow.conftest import NOTHING_FOUND


def at(text):
    """A local (Bangkok) moment written as 'YYYY-MM-DD HH:MM'."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=BANGKOK)


@pytest.fixture(autouse=True)
def _the_suites_usual_day(clock):
    """These tests are about FY2569 as seen on 17 Jun 2026, whatever day the suite starts on (KHAOSAN_TEST_NOW)."""
    clock.move_to(at("2026-06-17 10:00"))


@pytest.fixture
def staff(request, clock):
    """The test office's people, joined on 1 September 2025 (before the fiscal year)."""
    clock.move_to(at("2025-09-01 09:00"))
    return request.getfixturevalue("people")


class Walk:
    """Move the clock, then act: the record then carries that moment."""

    def __init__(self, clock, office, people):
        self.clock, self.office, self.people = clock, office, people

    def to(self, moment):
        self.clock.move_to(at(moment))

    def request(self, who, title, topic_code, submitted, *, channel=Channel.ONLINE, unit_code=None, **fields):
        self.to(submitted)
        person = self.people[who]
        base = {"summary": "รายละเอียดตามไฟล์แนบ", "source": "กลุ่มงานบริหารทั่วไป", "rights_confirmed": True}
        if channel == Channel.ONLINE:
            pub_request = wf.request_create(office=self.office, actor=person, title=title, topic=topic(topic_code),
                                            **(base | fields))  # fmt: skip
            wf.request_file_add(pub_request=pub_request, actor=person, upload=upload("ไฟล์.pdf", pdf_bytes()))
            return wf.request_submit(pub_request=pub_request, actor=person)
        from khaosan.org.models import Unit

        return wf.request_register_and_submit(
            office=self.office, actor=self.people["webmaster"], channel=channel, title=title, topic=topic(topic_code),
            letter_number="นน 0032/ว 1" if channel == Channel.LETTER else "", letter_date=None,
            requester_name="นางสาวผู้ส่งหนังสือ", requester_unit=Unit.objects.get(office=self.office, code=unit_code),
            content_files=[upload("ไฟล์.pdf", pdf_bytes())], **base,
        )  # fmt: skip

    def decide(self, pub_request, role, moment, verdict="approve", **reason):
        self.to(moment)
        pub_request.refresh_from_db()
        return wf.request_decide(pub_request_id=pub_request.pk, actor=self.people[role], verdict=verdict,
                                 expected_step=pub_request.step, **reason)  # fmt: skip

    def approve(self, pub_request, reviewed, approved):
        self.decide(pub_request, "reviewer", reviewed)
        return self.decide(pub_request, "approver", approved)

    def publish(self, pub_request, moment):
        self.to(moment)
        pub_request.refresh_from_db()
        return wf.request_publish(pub_request_id=pub_request.pk, actor=self.people["webmaster"],
                                  redaction=NOTHING_FOUND, **wf.item_fields_from(pub_request))  # fmt: skip

    def item(self, title, published, expires=None):
        made = _published_item(self.office, title, at(published), at(expires) if expires else None)
        return Item.objects.get(pk=made.pk)  # as stored: expire_at in UTC, as the daily job reads it


def _published_item(office, title, publish_at, expire_at):
    from khaosan.catalog.services import item_create

    return item_create(office=office, topic=topic("general-news"), title=title, status=Item.Status.PUBLISHED,
                       publish_at=publish_at, expire_at=expire_at)  # fmt: skip


@pytest.fixture
def fy2569(office, staff, clock):
    """The records of FY2569 (and a few just outside it), made in time order."""
    people = staff
    walk = Walk(clock, office, people)
    r = SimpleNamespace(people=people, office=office)

    # FY2568: a request submitted before the year starts (the trail's first row for this office).
    r.before = walk.request("requester", "คำขอของปีงบประมาณก่อน", "general-news", "2025-09-20 10:00")

    # The daily records the other jobs keep: completeness snapshots and visitor counts.
    for day, score in (("2025-09-30", "10.0"), ("2025-10-01", "40.0"), ("2026-01-15", "55.5"), ("2026-06-16", "72.3")):
        ComplianceSnapshot.objects.create(office=office, date=dt.date.fromisoformat(day), score=score)
    for day, visitors, views in (("2025-09-30", 100, 300), ("2025-10-01", 10, 30), ("2026-04-13", 25, 60),
                                 ("2026-06-16", 5, 7)):  # fmt: skip
        DailyVisits.objects.create(office=office, date=dt.date.fromisoformat(day), visitors=visitors, page_views=views)

    # 3 Nov 2025: the administrator makes นางมาลี a web master (the trail's record of the appointment).
    walk.to("2025-11-03 10:00")
    org_services.staff_update(person=people["colleague"], actor=people["admin"], roles=["webmaster"])

    # Items with an end to their publication, made in advance.
    walk.to("2025-12-20 09:00")
    r.expired_before = walk.item("หมดอายุก่อนปีงบประมาณ", "2025-08-01 08:00", "2025-09-10 00:00")
    r.expired_promptly = walk.item("ประกาศที่ครบกำหนด 1 มีนาคม", "2026-01-05 08:00", "2026-03-01 00:00")
    r.expired_late = walk.item("ประกาศที่ครบกำหนด 20 พฤษภาคม", "2026-02-01 08:00", "2026-05-20 08:00")
    r.expired_unrecorded = walk.item("ประกาศที่ครบกำหนด 16 มิถุนายน", "2026-03-01 08:00", "2026-06-16 23:59")
    r.expires_later = walk.item("ประกาศที่ครบกำหนดปีงบประมาณหน้า", "2026-04-01 08:00", "2026-10-15 00:00")
    r.withdrawn_directly = walk.item("ข่าวที่ถอนโดยผู้ดูแลเว็บไซต์", "2026-01-10 08:00")
    r.withdrawn_by_request = walk.item("ข่าวที่ถอนตามคำขอ", "2026-01-20 08:00")

    walk.to("2026-02-10 10:00")
    Office.objects.filter(pk=office.pk).update(changes_need_approval=False)  # the office let web masters withdraw
    item_withdraw(item=r.withdrawn_directly, actor=people["webmaster"], reason="ข้อมูลซ้ำกับรายการอื่น")
    Office.objects.filter(pk=office.pk).update(changes_need_approval=True)

    # The daily job records the 1 March takedown half an hour later.
    walk.to("2026-03-01 00:30")
    item_expiry_record(item=Item.objects.get(pk=r.expired_promptly.pk), now=clock.now)

    # R1 online, approved Fri 10 Apr, published Fri 17 Apr: Songkran in between, 2 working days.
    # R2 by letter from งานพัสดุ, approved Fri 10 Apr; due Mon 20 Apr; published Wed 22 Apr: 5 days, 2 late.
    r.r1 = walk.request("requester", "ข่าวกิจกรรมวันสงกรานต์", "general-news", "2026-04-08 09:00")
    walk.decide(r.r1, "reviewer", "2026-04-09 10:00")
    r.r2 = walk.request("webmaster", "สรุปผลการจัดซื้อจัดจ้างเดือนมีนาคม", "procurement-summary", "2026-04-09 11:00",
                        channel=Channel.LETTER, unit_code="procurement")  # fmt: skip
    walk.decide(r.r2, "reviewer", "2026-04-10 09:00")
    walk.decide(r.r1, "approver", "2026-04-10 14:00")
    walk.decide(r.r2, "approver", "2026-04-10 16:00")
    walk.publish(r.r1, "2026-04-17 10:00")
    walk.publish(r.r2, "2026-04-22 10:00")
    # R4 online, approved Thu 30 Apr, published Tue 5 May across Labour Day and Coronation Day: 1 working day.
    r.r4 = walk.request("requester", "คู่มือการรับบริการ", "citizen-manuals", "2026-04-28 09:00")
    walk.approve(r.r4, "2026-04-29 09:00", "2026-04-30 10:00")
    walk.publish(r.r4, "2026-05-05 09:30")
    # R3 by e-mail for กลุ่มงานบริหารทั่วไป, approved Mon 11 May, published the same day: 0 working days.
    r.r3 = walk.request("webmaster", "สถิติผู้มารับบริการ", "statistics", "2026-05-08 09:00", channel=Channel.EMAIL,
                        unit_code="admin")  # fmt: skip
    walk.approve(r.r3, "2026-05-08 13:00", "2026-05-11 09:00")
    walk.publish(r.r3, "2026-05-11 15:00")
    # R5 refused, R6 returned, by the reviewer, each with its reason.
    r.r5 = walk.request("outsider", "โฆษณาร้านค้า", "general-news", "2026-05-12 09:00")
    walk.decide(r.r5, "reviewer", "2026-05-12 11:00", "refuse", reason_code="not_mission",
                reason="เป็นการโฆษณาสินค้าของเอกชน")  # fmt: skip
    r.r6 = walk.request("requester", "ประกาศที่ยังไม่ได้ลงนาม", "general-news", "2026-05-13 09:00")
    walk.decide(r.r6, "reviewer", "2026-05-13 14:00", "return", reason_code="incomplete",
                reason="โปรดแนบไฟล์ที่ลงนามแล้ว")  # fmt: skip
    # The 20 May takedown is recorded three days late (the daily job had stopped).
    walk.to("2026-05-23 09:00")
    item_expiry_record(item=Item.objects.get(pk=r.expired_late.pk), now=clock.now)
    # R9 asks to withdraw an item; approved and carried out on Tue 26 May: 0 working days.
    walk.to("2026-05-25 09:00")
    r.r9 = wf.request_create(office=office, actor=people["requester"], action=Action.WITHDRAW,
                             target_item=r.withdrawn_by_request, title="ขอถอนข่าว", summary="ข้อมูลคลาดเคลื่อน")  # fmt: skip
    wf.request_submit(pub_request=r.r9, actor=people["requester"])
    walk.approve(r.r9, "2026-05-25 10:00", "2026-05-26 10:00")
    walk.publish(r.r9, "2026-05-26 14:00")
    # A draft never submitted does not count.
    walk.to("2026-06-01 09:00")
    wf.request_create(office=office, actor=people["requester"], title="ร่างที่ยังไม่ได้ยื่น", topic=topic("general-news"))
    # R7 approved Wed 10 Jun, due Mon 15 Jun, still waiting.
    r.r7 = walk.request("requester", "ประกาศที่รอเผยแพร่", "general-news", "2026-06-08 09:00")
    walk.approve(r.r7, "2026-06-09 09:00", "2026-06-10 10:00")

    # 16 Jun: นายธนกร stops being a web master.
    walk.to("2026-06-16 10:00")
    org_services.staff_update(person=people["webmaster2"], actor=people["admin"], roles=[])

    # Trainings, recorded on 17 Jun (the suite's usual day).
    walk.to("2026-06-17 10:00")
    r.t_outside = reports.training_record(
        office=office, actor=people["webmaster"], person=people["webmaster"], kind="training",
        title="อบรมของปีงบประมาณก่อน", organiser="สสจ.น่าน", starts_on=dt.date(2025, 9, 15),
        ends_on=dt.date(2025, 9, 15), hours=6, on_website=True)  # fmt: skip
    r.t_web = reports.training_record(
        office=office, actor=people["webmaster"], person=people["webmaster"], kind="training",
        title="การบริหารจัดการเว็บไซต์ภาครัฐตามมาตรฐาน", organiser="สำนักงานพัฒนารัฐบาลดิจิทัล",
        starts_on=dt.date(2026, 2, 3), ends_on=dt.date(2026, 2, 4), hours=12, on_website=True,
        certificate=upload("วุฒิบัตร.pdf", pdf_bytes()))  # fmt: skip
    r.t_cyber = reports.training_record(
        office=office, actor=people["admin"], person=people["webmaster2"], kind="training",
        title="Cyber Security สำหรับหน่วยงานสาธารณสุข", organiser="สำนักงานปลัดกระทรวงสาธารณสุข",
        starts_on=dt.date(2026, 3, 10), ends_on=dt.date(2026, 3, 10), hours=6, on_cyber_security=True)  # fmt: skip
    r.t_km = reports.training_record(
        office=office, actor=people["requester"], person=people["requester"], kind="km", held_by_office=True,
        title="แลกเปลี่ยนเรียนรู้การเผยแพร่ข้อมูลอย่างปลอดภัย", organiser="สสอ.บ้านหลวง",
        starts_on=dt.date(2026, 5, 20), ends_on=dt.date(2026, 5, 20), hours=3, on_website=True,
        on_cyber_security=True)  # fmt: skip
    return r
