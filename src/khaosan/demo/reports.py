"""Demo trainings (S-3.5) and last fiscal year's performance report (S-5), made through the real services.

The demo office is built today, so the records of last fiscal year are made now and then dated back: a
handful of requests with their decisions, two items that expired (one takedown recorded late), a daily
completeness score and visitor counts. The report of that year is prepared by a web master, with the
problems the seed names in its section 6, and waits for the demo approver to acknowledge it.
"""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from khaosan.catalog.models import Item, Topic
from khaosan.catalog.services import item_create
from khaosan.compliance.models import ComplianceSnapshot, Reminder
from khaosan.demo import files
from khaosan.demo.files import DemoFile
from khaosan.org.models import Staff
from khaosan.public.models import DailyVisits
from khaosan.reports import services
from khaosan.reports.periods import fiscal_year_period
from khaosan.thai.calendar import add_working_days
from khaosan.thai.dates import current_fiscal_year
from khaosan.workflow import selectors as workflow_selectors
from khaosan.workflow import services as workflow
from khaosan.workflow.models import Decision, PublicationRequest

# The seed's section 6 (สรุปปัญหาและอุปสรรค), as a web master would summarise it for the year.
PROBLEMS = (
    "1. ระบบสารสนเทศของหน่วยงานยังไม่มีประสิทธิภาพ และขาดการปรับระบบให้ทันสมัย\n"
    "2. การจัดระบบข้อมูลข่าวสารของราชการยังไม่เป็นมาตรฐานเดียวกันทุกหน่วยงาน\n"
    "3. บุคลากรมีภาระงานจำนวนมาก และยังขาดทักษะด้านการจัดระบบข้อมูล\n"
    "4. ขาดงบประมาณในการพัฒนาระบบเทคโนโลยีให้ทันต่อการเปลี่ยนแปลง"
)
SUGGESTIONS = (
    "1. จัดการแลกเปลี่ยนเรียนรู้การใช้ระบบเผยแพร่ข้อมูลให้ทุกหน่วยงานอย่างน้อยปีละ 2 ครั้ง\n"
    "2. ให้หน่วยงานเจ้าของข้อมูลยื่นคำขอล่วงหน้าก่อนครบกำหนดเผยแพร่ เพื่อให้เผยแพร่ได้ภายใน 3 วันทำการ"
)


def _moment(day, hour=9, minute=0):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _certificate(name, title, person, renderer, office):
    spec = DemoFile(name, heading="วุฒิบัตร", paragraphs=[f"ขอมอบวุฒิบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า {person}",
                                                        f"ได้ผ่านการอบรมหลักสูตร “{title}”"])  # fmt: skip
    return SimpleUploadedFile(name, files.build(spec, office=office, renderer=renderer))


def build_trainings(office, renderer):
    """Trainings of the web masters and staff over this fiscal year and the last; return how many."""
    people = {p.username: p for p in Staff.objects.filter(office=office)}
    last = fiscal_year_period(current_fiscal_year() - 1)
    this_start = fiscal_year_period(current_fiscal_year()).start
    today = timezone.localdate()
    plan = [
        # (who, recorded by, kind, title, organiser, start, days, hours, website, cyber, held by office, certificate)
        ("webmaster1", "webmaster1", "training", "การบริหารจัดการเว็บไซต์ภาครัฐตามมาตรฐานเว็บไซต์ภาครัฐ",
         "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)", last.start + dt.timedelta(days=45), 2, 12, True, False, False,
         "วุฒิบัตร-การบริหารจัดการเว็บไซต์.pdf"),
        ("webmaster2", "admin", "training", "การรักษาความมั่นคงปลอดภัยไซเบอร์สำหรับหน่วยงานของรัฐ",
         "สำนักงานคณะกรรมการการรักษาความมั่นคงปลอดภัยไซเบอร์แห่งชาติ", last.start + dt.timedelta(days=120), 1, 6,
         False, True, False, "วุฒิบัตร-cyber-security.pdf"),
        ("staff", "webmaster1", "km", "แลกเปลี่ยนเรียนรู้การยื่นคำขอเผยแพร่และการปกปิดข้อมูลส่วนบุคคล",
         "สำนักงานสาธารณสุขอำเภอบ้านหลวง", last.start + dt.timedelta(days=200), 1, 3, True, True, True, ""),
        ("admin", "admin", "training", "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคลและการรักษาความปลอดภัยเว็บไซต์",
         "สำนักงานสาธารณสุขจังหวัดน่าน", min(this_start + dt.timedelta(days=20), today), 1, 6, False, True, False, ""),
        ("webmaster2", "webmaster2", "km", "แลกเปลี่ยนเรียนรู้การดูแลเว็บไซต์ให้เป็นปัจจุบัน",
         "สำนักงานสาธารณสุขอำเภอบ้านหลวง", min(this_start + dt.timedelta(days=40), today), 1, 2, True, False, True, ""),
    ]  # fmt: skip
    for who, actor, kind, title, organiser, starts, days, hours, website, cyber, held, certificate in plan:
        person = people[who]
        upload = _certificate(certificate, title, person, renderer, office) if certificate else None
        services.training_record(
            office=office, actor=people[actor], person=person, kind=kind, title=title, organiser=organiser,
            starts_on=starts, ends_on=starts + dt.timedelta(days=days - 1), hours=hours, on_website=website,
            on_cyber_security=cyber, held_by_office=held, certificate=upload,
            venue="ห้องประชุมสำนักงานสาธารณสุขอำเภอบ้านหลวง" if held else "",
        )  # fmt: skip
    return len(plan)


def _backdate(pub_request, *, submitted, decided, published=None):
    """Date a request made today back to last fiscal year: its times, its decisions, what it published."""
    approved = decided[-1] if pub_request.state in ("approved", "published") else None
    due = add_working_days(timezone.localdate(approved), pub_request.office.publish_deadline_days,
                           office=pub_request.office) if approved else None  # fmt: skip
    PublicationRequest.objects.filter(pk=pub_request.pk).update(
        created_at=submitted - dt.timedelta(hours=1), submitted_at=submitted, approved_at=approved, due_on=due,
        published_at=published,
    )  # fmt: skip
    for decision, when in zip(pub_request.decisions.order_by("pk"), decided, strict=False):
        Decision.objects.filter(pk=decision.pk).update(decided_at=when)
    if published and pub_request.item_id:
        Item.objects.filter(pk=pub_request.item_id).update(publish_at=published, created_at=published,
                                                           updated_at=published)  # fmt: skip


def build_last_year(office, renderer):
    """Requests, takedowns, scores and visits of last fiscal year, dated back; return the period."""
    period = fiscal_year_period(current_fiscal_year() - 1)
    # The demo's people have worked here for years; the report counts only who was on the staff in its period.
    Staff.objects.filter(office=office).update(date_joined=_moment(period.start - dt.timedelta(days=365)))
    people = {p.username: p for p in Staff.objects.filter(office=office)}
    topics = {t.code: t for t in Topic.objects.all()}
    base = {"source": "กลุ่มงานบริหารทั่วไป สสอ.บ้านหลวง", "rights_confirmed": True}
    start = period.start

    def request(who, title, topic, summary):
        pub_request = workflow.request_create(office=office, actor=people[who], title=title, topic=topics[topic],
                                              summary=summary, **base)  # fmt: skip
        spec = DemoFile(f"{title[:40]}.pdf", heading=title, paragraphs=[summary])
        workflow.request_file_add(pub_request=pub_request, actor=people[who], upload=SimpleUploadedFile(
            spec.name, files.build(spec, office=office, renderer=renderer)))  # fmt: skip
        return workflow.request_submit(pub_request=pub_request, actor=people[who])

    def decide(pub_request, who, verdict="approve", **reason):
        return workflow.request_decide(pub_request_id=pub_request.pk, actor=people[who], verdict=verdict, **reason)

    def publish(pub_request):
        return workflow.request_publish(pub_request_id=pub_request.pk, actor=people["webmaster1"],
                                        redaction=workflow_selectors.redaction_report(pub_request),
                                        redaction_checked=True, **workflow.item_fields_from(pub_request))  # fmt: skip

    # (who, title, topic, summary, day of the year submitted, verdicts, working days to publish or None)
    plan = [
        ("staff", "แผนปฏิบัติราชการประจำปีงบประมาณ", "annual-plan", "แผนปฏิบัติราชการของสำนักงาน", 10, 2, 1),
        ("procurement", "ประกาศผลผู้ชนะการเสนอราคาจัดซื้อวัสดุสำนักงาน", "procurement-results",
         "ผลการจัดซื้อวัสดุสำนักงานด้วยวิธีเฉพาะเจาะจง", 60, 2, 2),
        ("nurse", "ความรู้เรื่องการป้องกันโรคไข้เลือดออก", "infographics", "อินโฟกราฟิกการกำจัดลูกน้ำยุงลาย", 150, 2, 5),
        ("staff", "สถิติผู้มารับบริการรายไตรมาส", "statistics", "จำนวนผู้รับบริการแยกรายตำบล", 230, 2, 0),
        ("nurse", "ขอประชาสัมพันธ์ร้านค้าในชุมชน", "general-news", "โฆษณาร้านค้าเอกชน", 95, "refuse", None),
        ("staff", "ประกาศรับสมัครอาสาสมัคร", "job-announcements", "รับสมัครอาสาสมัครสาธารณสุข", 300, "return", None),
    ]  # fmt: skip
    for who, title, topic, summary, day, verdicts, days in plan:
        submitted = _moment(start + dt.timedelta(days=day))
        pub_request = request(who, title, topic, summary)
        if verdicts == "refuse":
            decide(pub_request, "reviewer", "refuse", reason_code="not_mission", reason="เป็นการโฆษณาของเอกชน")
            _backdate(pub_request, submitted=submitted, decided=[submitted + dt.timedelta(hours=3)])
            continue
        if verdicts == "return":
            decide(pub_request, "reviewer", "return", reason_code="incomplete", reason="โปรดแนบประกาศฉบับที่ลงนามแล้ว")
            _backdate(pub_request, submitted=submitted, decided=[submitted + dt.timedelta(hours=5)])
            continue
        decide(decide(pub_request, "reviewer"), "approver")
        approved = submitted + dt.timedelta(days=1)
        published_on = add_working_days(timezone.localdate(approved), days, office=office)
        pub_request = publish(PublicationRequest.objects.get(pk=pub_request.pk))
        _backdate(pub_request, submitted=submitted, decided=[submitted + dt.timedelta(hours=4), approved],
                  published=_moment(published_on, 14))  # fmt: skip

    # Two items whose publication ended last year; the second takedown was recorded two days late.
    for title, day, late in (("ประกาศรับสมัครลูกจ้างชั่วคราว (ปิดรับแล้ว)", 80, False),
                             ("ประกาศประกวดราคาจ้างปรับปรุงอาคาร (สิ้นสุดแล้ว)", 250, True)):  # fmt: skip
        expire_at = _moment(start + dt.timedelta(days=day), 0)
        item = item_create(office=office, actor=people["webmaster1"], topic=topics["general-news"], title=title,
                           status=Item.Status.PUBLISHED, publish_at=expire_at - dt.timedelta(days=30),
                           expire_at=expire_at)  # fmt: skip
        stored = Item.objects.get(pk=item.pk).expire_at  # the key the daily job writes (compliance.services)
        Reminder.objects.create(office=office, kind="item.expired", key=f"{item.pk}:{stored.isoformat()}",
                                sent_at=expire_at + dt.timedelta(days=2 if late else 0, minutes=30))  # fmt: skip

    # A score for the first day of every month and the last day of the year; visitors every day.
    day, score = start, 58.0
    while day <= period.end:
        if day.day == 1 or day == period.end:
            ComplianceSnapshot.objects.create(office=office, date=day, score=round(score, 1))
            score = min(96.0, score + 3.1)
        weekday = day.weekday() < 5
        DailyVisits.objects.create(office=office, date=day, visitors=(38 if weekday else 14) + day.day % 9,
                                   page_views=(121 if weekday else 40) + day.day * 3)  # fmt: skip
        day += dt.timedelta(days=1)
    return period


def build(office):
    """Trainings, last fiscal year's records and its prepared report; return (trainings, report)."""
    with files.renderer() as renderer, transaction.atomic():
        trainings = build_trainings(office, renderer)
        period = build_last_year(office, renderer)
        report = services.report_prepare(office=office, actor=Staff.objects.get(username="webmaster1"),
                                         period=period, problems=PROBLEMS, suggestions=SUGGESTIONS)  # fmt: skip
    return trainings, report
