"""Demo cases of public participation, made through the same services citizens and staff use, then dated back
so the lists, the deadlines, the FAQ, the satisfaction chart and the MOIT 10 summary have something to show."""

import datetime as dt
import random

from django.utils import timezone

from khaosan.org.models import Staff
from khaosan.participation import services
from khaosan.participation.models import CaseEvent, Complaint, Outcome, SatisfactionResponse, Stream
from khaosan.thai.calendar import add_working_days
from khaosan.thai.dates import period_of

COMPLAINTS = [
    # (days ago, stream, kind, subject, detail, who, how it ends: (days later, outcome, reply) or a state)
    (85, Stream.SERVICE, "delay", "รอรับยาที่ รพ.สต.ป่าคาหลวงนานเกินสองชั่วโมง",
     "วันอังคารที่ผ่านมาไปรับยาความดันตามนัด รอตั้งแต่แปดโมงเช้าจนเกือบสิบโมง ไม่มีเจ้าหน้าที่แจ้งเหตุผล",
     "นางบุญมี ใจงาม", (6, Outcome.RESOLVED, "สำนักงานได้ปรับระบบนัดรับยาเป็นช่วงเวลาแล้ว ขออภัยในความไม่สะดวก")),
    (70, Stream.SERVICE, "conduct", "เจ้าหน้าที่พูดจาไม่สุภาพ",
     "เจ้าหน้าที่ที่จุดคัดกรองพูดเสียงดังและตำหนิผู้สูงอายุที่ไม่ได้นำบัตรมา", "นายสมพร แก้วใส",
     (9, Outcome.EXPLAINED, "สำนักงานได้ตักเตือนและจัดอบรมการให้บริการแก่เจ้าหน้าที่แล้ว")),
    (20, Stream.SERVICE, "facility", "ที่จอดรถผู้พิการไม่เพียงพอ",
     "ที่จอดรถสำหรับผู้พิการหน้าสำนักงานมีเพียงช่องเดียวและมักมีรถทั่วไปจอด", "นางสาวอรทัย มีสุข", "in_progress"),
    (40, Stream.SERVICE, "service_quality", "ขั้นตอนขอใบรับรองแพทย์ไม่ชัดเจน",
     "ไม่มีป้ายบอกขั้นตอนและเอกสารที่ต้องใช้ ต้องเดินไปถามหลายจุด", "นายวิชัย ทองดี", "late"),
    (0, Stream.SERVICE, "delay", "โทรศัพท์ติดต่อสำนักงานไม่ได้",
     "โทรหลายครั้งในเวลาราชการแต่ไม่มีผู้รับสาย", "นางจันทร์ ศรีเมือง", "new"),
    (12, Stream.CORRUPTION, "bribery", "เรียกเงินเพื่อออกใบรับรองให้เร็วขึ้น",
     "มีผู้แจ้งว่าเจ้าหน้าที่เรียกเงินเพื่อเร่งออกเอกสาร ขอให้ตรวจสอบ", "", "acknowledged"),
    (95, Stream.CORRUPTION, "property", "ใช้รถราชการไปธุระส่วนตัว",
     "พบรถของสำนักงานจอดที่ตลาดนัดวันเสาร์", "นายประยุทธ พลเมืองดี",
     (20, Outcome.UNFOUNDED, "ตรวจสอบสมุดบันทึกการใช้รถแล้ว เป็นการไปราชการตามคำสั่ง")),
]  # fmt: skip

QUESTIONS = [
    ("ขอใบรับรองแพทย์เพื่อสมัครงานได้ที่ไหน",
     "ขอได้ที่โรงพยาบาลส่งเสริมสุขภาพตำบลทุกแห่งในวันและเวลาราชการ นำบัตรประจำตัวประชาชนมาด้วย ใช้เวลาประมาณ 15 นาที"),
    ("ฉีดวัคซีนไข้หวัดใหญ่ฟรีได้ที่ไหน ใครมีสิทธิ์บ้าง",
     "ผู้สูงอายุ 65 ปีขึ้นไป ผู้มีโรคเรื้อรัง หญิงตั้งครรภ์ และเด็กเล็ก ฉีดฟรีที่ รพ.สต. ใกล้บ้าน ช่วงพฤษภาคมถึงสิงหาคม"),
    ("ขอดูข้อมูลข่าวสารของราชการได้อย่างไร",
     "ดูได้ที่ศูนย์ข้อมูลข่าวสารบนเว็บไซต์นี้ หรือยื่นคำขอที่สำนักงานในวันและเวลาราชการ ตาม พ.ร.บ.ข้อมูลข่าวสารของราชการ พ.ศ. 2540"),
]  # fmt: skip


def _at(days_ago, hour=9):
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _date_back(case, when, *, office, answered=None, closed=None):
    """Move a case and its timeline to when it happened; its deadlines follow from that day."""
    deadlines = services.office_deadlines(office)
    day = timezone.localdate(when)
    fields = {"created_at": when, "acknowledge_due": add_working_days(day, deadlines.acknowledge_days, office=office),
              "answer_due": add_working_days(day, deadlines.answer_days, office=office)}  # fmt: skip
    if answered:
        fields |= {"acknowledged_at": answered, "answered_at": answered}
    if closed:
        fields |= {"closed_at": closed, "retain_until": closed + dt.timedelta(days=services.retention_days())}
    type(case).objects.filter(pk=case.pk).update(**fields)
    events = CaseEvent.objects.filter(**{case.case_type: case}).order_by("pk")
    moments = [when] + [answered or closed or when] * (events.count() - 1)
    for event, moment in zip(events, moments, strict=False):
        CaseEvent.objects.filter(pk=event.pk).update(created_at=moment)


def build_participation(office):
    """Name handlers, file the demo cases, publish the FAQ, add survey answers and submit last quarter's summary."""
    people = {p.username: p for p in Staff.objects.filter(office=office)}
    admin, handler, executive = people["admin"], people["staff"], people["approver"]
    services.handler_add(office=office, actor=admin, staff=handler, stream=Stream.SERVICE)
    services.handler_add(office=office, actor=admin, staff=executive, stream=Stream.CORRUPTION)
    for days_ago, stream, kind, subject, detail, who, end in COMPLAINTS:
        filed = services.complaint_file(office=office, stream=stream, kind=kind, subject=subject, detail=detail,
                                        name=who, anonymous=not who, phone="08 1234 5678" if who else "")  # fmt: skip
        case, actor = filed.case, executive if stream == Stream.CORRUPTION else handler
        when = _at(days_ago)
        if isinstance(end, tuple):
            later, outcome, reply = end
            services.case_close(case=case, actor=actor, outcome=outcome, reply=reply)
            _date_back(case, when, office=office, answered=when + dt.timedelta(days=later),
                       closed=when + dt.timedelta(days=later))  # fmt: skip
        elif end == "in_progress":
            services.case_start(case=case, actor=actor)
            services.case_note(case=case, actor=actor, text="ประสานงานกลุ่มงานบริหารทั่วไปเรื่องป้ายและการตีเส้นที่จอดรถ")
            services.case_reply(case=case, actor=actor, text="สำนักงานรับเรื่องแล้ว กำลังจัดทำป้ายและเพิ่มช่องจอด")
            _date_back(case, when, office=office, answered=when + dt.timedelta(days=1))
        elif end == "acknowledged":
            services.case_acknowledge(case=case, actor=actor)
            services.case_assign(case=case, actor=actor, assignee=executive)
            _date_back(case, when, office=office)
            Complaint.objects.filter(pk=case.pk).update(acknowledged_at=when + dt.timedelta(hours=3))
        else:
            _date_back(case, when, office=office)
    feedback = services.feedback_give(office=office, name="ผู้ปกครองนักเรียน", subject="ขอบคุณทีมออกหน่วย",
                                      detail="ขอบคุณทีมที่มาตรวจสุขภาพนักเรียนที่โรงเรียน อยากให้มาทุกภาคเรียน").case  # fmt: skip
    services.case_close(case=feedback, actor=handler, reply="ขอบคุณสำหรับกำลังใจ สำนักงานจะจัดออกหน่วยทุกภาคเรียน")
    services.feedback_give(office=office, detail="อยากให้มีคลินิกนอกเวลาวันเสาร์สำหรับคนทำงาน")
    for subject, answer in QUESTIONS:
        question = services.question_ask(office=office, subject=subject, name="ผู้ถามทางเว็บไซต์").case
        services.case_close(case=question, actor=handler, reply=answer)
        services.question_publish(question=question, actor=handler, faq_question=subject, faq_answer=answer)
    services.question_ask(office=office, subject="สำนักงานเปิดวันเสาร์หรือไม่")
    rng = random.Random(2569)
    for n in range(48):
        answer = services.satisfaction_give(office=office, score=rng.choice([3, 4, 4, 4, 5, 5, 5, 2]),
                                            service=rng.choice(SatisfactionResponse.Service.values),
                                            found=rng.choice(["yes", "yes", "partly", ""]))  # fmt: skip
        SatisfactionResponse.objects.filter(pk=answer.pk).update(created_at=_at(n * 4 % 180, hour=8 + n % 9))
    last_quarter = period_of("quarter", period_of("quarter", timezone.localdate()).start - dt.timedelta(days=1))
    services.summary_request(office=office, actor=handler, period=last_quarter)
