"""The demo office's staff evaluation (e-Service S-1.9), built through the same services staff use.

A closed previous round with finished appraisals (so "copy last round's agreement" and the round summary have
something to show), and the round that contains today, open, with agreements in every state: not started, sent
to the evaluator, returned, agreed, self-assessed with evidence, scored (waiting for the supervisor), waiting to
be acknowledged, and finished.

Unit heads are the accounts whose names the units already carry (Unit.head_name); heads are evaluated by the
district health officer, who is evaluated by the provincial office and so is not evaluated here.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from khaosan.demo import files
from khaosan.demo.files import DemoFile
from khaosan.eservice import services
from khaosan.eservice.models import EvaluationProfile, EvaluationSettings, StaffType, UnitHead
from khaosan.eservice.scoring import DEFAULT_BANDS
from khaosan.org.models import Staff
from khaosan.thai.dates import fiscal_year

CORE = [("core", "การมุ่งผลสัมฤทธิ์", 2), ("core", "บริการที่ดี", 2), ("core", "การสั่งสมความเชี่ยวชาญในงานอาชีพ", 2),
        ("core", "การยึดมั่นในความถูกต้องชอบธรรม และจริยธรรม", 2), ("core", "การทำงานเป็นทีม", 2)]  # fmt: skip
# Each person's work results: (indicator, weight, five-level criteria).
WORK = {
    "staff": [
        (
            "ร้อยละของหมู่บ้านที่ค่าดัชนีลูกน้ำยุงลาย (HI) ไม่เกิน 10",
            40,
            ["ร้อยละ 60", "ร้อยละ 70", "ร้อยละ 80", "ร้อยละ 90", "ร้อยละ 100"],
        ),
        (
            "รายงานผลการดำเนินงานควบคุมโรคส่งสำนักงานสาธารณสุขจังหวัดตรงเวลา",
            30,
            ["8 เดือน", "9 เดือน", "10 เดือน", "11 เดือน", "12 เดือน"],
        ),
        ("จัดอบรมฟื้นฟูความรู้อาสาสมัครสาธารณสุขประจำหมู่บ้าน", 30, ["1 ครั้ง", "2 ครั้ง", "3 ครั้ง", "4 ครั้ง", "5 ครั้ง"]),
    ],
    "it": [
        (
            "เว็บไซต์มีข้อมูลครบตามรายการที่ต้องเผยแพร่ (คะแนนความครบถ้วน)",
            50,
            ["ร้อยละ 60", "ร้อยละ 70", "ร้อยละ 80", "ร้อยละ 90", "ร้อยละ 100"],
        ),
        ("เผยแพร่ข้อมูลภายใน 3 วันทำการหลังอนุมัติ", 30, ["ร้อยละ 80", "ร้อยละ 85", "ร้อยละ 90", "ร้อยละ 95", "ร้อยละ 100"]),
        ("สำรองข้อมูลและตรวจการกู้คืนตามแผน", 20, ["2 ครั้ง", "4 ครั้ง", "6 ครั้ง", "8 ครั้ง", "12 ครั้ง"]),
    ],
    "procurement": [
        (
            "จัดทำสรุปผลการจัดซื้อจัดจ้าง (สขร.1) ภายในวันที่ 10 ของเดือนถัดไป",
            60,
            ["8 เดือน", "9 เดือน", "10 เดือน", "11 เดือน", "12 เดือน"],
        ),
        ("ตรวจรับพัสดุครบถ้วนตามระเบียบ", 40, ["ร้อยละ 80", "ร้อยละ 85", "ร้อยละ 90", "ร้อยละ 95", "ร้อยละ 100"]),
    ],
    "nurse": [
        ("ร้อยละของผู้ป่วยเบาหวานที่ควบคุมระดับน้ำตาลได้", 50, ["ร้อยละ 20", "ร้อยละ 30", "ร้อยละ 40", "ร้อยละ 50", "ร้อยละ 60"]),
        (
            "ร้อยละของหญิงตั้งครรภ์ที่ฝากครรภ์ครั้งแรกก่อน 12 สัปดาห์",
            50,
            ["ร้อยละ 60", "ร้อยละ 65", "ร้อยละ 70", "ร้อยละ 75", "ร้อยละ 80"],
        ),
    ],
    "committee": [
        ("ร้อยละของเด็กอายุ 0–5 ปีได้รับการคัดกรองพัฒนาการ", 60, ["ร้อยละ 80", "ร้อยละ 85", "ร้อยละ 90", "ร้อยละ 95", "ร้อยละ 100"]),
        ("โรงเรียนผ่านเกณฑ์โรงเรียนส่งเสริมสุขภาพ", 40, ["1 แห่ง", "2 แห่ง", "3 แห่ง", "4 แห่ง", "5 แห่ง"]),
    ],
    "reviewer": [
        ("ระบบสารสนเทศของสำนักงานพร้อมใช้งาน", 60, ["ร้อยละ 95", "ร้อยละ 97", "ร้อยละ 98", "ร้อยละ 99", "ร้อยละ 99.5"]),
        ("ผลการประเมิน ITA ด้านการเปิดเผยข้อมูล", 40, ["ร้อยละ 70", "ร้อยละ 80", "ร้อยละ 85", "ร้อยละ 90", "ร้อยละ 95"]),
    ],
}
WORK_OF = {"admin": "it", "webmaster1": "it", "webmaster2": "it"}
# Last round's levels per person (indicators, competencies): a spread over the bands.
LAST_ROUND = {
    "staff": ((5, 5, 4), (2, 2, 2, 2, 2)), "admin": ((4, 4, 4), (2, 2, 2, 2, 1)), "webmaster1": ((5, 4, 4), (2, 2, 2, 2, 2)),
    "webmaster2": ((4, 3, 3), (2, 2, 1, 2, 2)), "procurement": ((3, 3), (2, 1, 2, 1, 2)), "nurse": ((5, 5), (3, 2, 2, 2, 2)),
    "committee": ((4, 5), (2, 2, 2, 2, 2)), "reviewer": ((5, 4), (2, 2, 2, 2, 2)),
}  # fmt: skip


def _rows(username):
    work = WORK[WORK_OF.get(username, username)]
    indicators = [{"title": title, "weight": weight, "criteria": criteria} for title, weight, criteria in work]
    competencies = [{"kind": kind, "name": name, "expected_level": level} for kind, name, level in CORE]
    return indicators, competencies


def _levels(appraisal, indicator_levels, competency_levels):
    indicators = dict(zip([i.pk for i in appraisal.indicators.all()], indicator_levels, strict=False))
    competencies = dict(zip([c.pk for c in appraisal.competencies.all()], competency_levels, strict=False))
    return indicators, competencies


def _line(office, people):
    """Unit heads from the names the units carry; heads evaluated by the district health officer."""
    for unit in office.units.exclude(kind="external").exclude(head_name=""):
        # "นายประเสริฐ วงศ์คำ" names the account ประเสริฐ วงศ์คำ: the title is not part of the account's name.
        head = next(
            (p for p in people.values() if p.get_full_name() and unit.head_name.endswith(p.get_full_name())), None
        )
        if head is not None:
            UnitHead.objects.update_or_create(unit=unit, defaults={"head": head})
    director = people["approver"]
    EvaluationProfile.objects.update_or_create(staff=director, defaults={"excluded": True})
    for username in ("staff", "reviewer", "procurement", "nurse", "committee"):
        EvaluationProfile.objects.update_or_create(staff=people[username], defaults={"evaluator": director})
    # The head of general administration keeps the personnel files: she is evaluation HR.
    EvaluationProfile.objects.filter(staff=people["staff"]).update(is_hr=True)
    EvaluationProfile.objects.update_or_create(staff=people["webmaster2"],
                                               defaults={"staff_type": StaffType.GOVERNMENT_EMPLOYEE})  # fmt: skip
    # The demo office's own rule for government employees: 80 : 20 (an example of a per-type scheme).
    EvaluationSettings.objects.update_or_create(office=office, defaults={
        "bands": [dict(row) for row in DEFAULT_BANDS], "reminder_days": 3,
        "results_weights": {**{code: 70 for code in StaffType.values}, StaffType.GOVERNMENT_EMPLOYEE: 80}})  # fmt: skip


def _agree(appraisal):
    indicators, competencies = _rows(appraisal.staff.username)
    services.agreement_save(appraisal=appraisal, actor=appraisal.staff, indicators=indicators,
                            competencies=competencies)  # fmt: skip
    services.agreement_submit(appraisal=appraisal, actor=appraisal.staff)
    services.agreement_decide(appraisal=appraisal, actor=appraisal.evaluator, agree=True)


def _self_assess(appraisal, levels):
    indicator_levels, competency_levels = _levels(appraisal, *levels)
    services.self_assessment_save(appraisal=appraisal, actor=appraisal.staff, indicator_levels=indicator_levels,
                                  competency_levels=competency_levels, comment="ดำเนินการครบตามแผนทุกตัวชี้วัด",
                                  submit=True)  # fmt: skip


def _assess(appraisal, levels, plan):
    indicator_levels, competency_levels = _levels(appraisal, *levels)
    services.assessment_save(appraisal=appraisal, actor=appraisal.evaluator, indicator_levels=indicator_levels,
                             competency_levels=competency_levels, comment="ปฏิบัติงานได้ดี รับผิดชอบ",
                             plan=plan, submit=True)  # fmt: skip


PLAN = [{"topic": "การวิเคราะห์ข้อมูลด้วยโปรแกรมตารางคำนวณ", "method": "อบรมออนไลน์ของสำนักงานสาธารณสุขจังหวัด",
         "timeframe": "ภายในรอบการประเมินถัดไป"}]  # fmt: skip


def _finish(appraisal, levels):
    _agree(appraisal)
    _self_assess(appraisal, levels)
    _assess(appraisal, levels, PLAN)
    appraisal.refresh_from_db()
    if appraisal.supervisor_id:
        services.review_save(appraisal=appraisal, actor=appraisal.supervisor, verdict="agree")
    services.acknowledge(appraisal=appraisal, actor=appraisal.staff)


def _rounds_now(today):
    """(fiscal year, number) of the round containing today, and of the one before it."""
    year = fiscal_year(today)
    number = 1 if today.month >= 10 or today.month <= 3 else 2
    previous = (year, 1) if number == 2 else (year - 1, 2)
    return (year, number), previous


def build_evaluations(office, *, renderer):
    """Create the demo's rounds and appraisals; return how many appraisals."""
    people = {p.username: p for p in Staff.objects.filter(office=office)}
    admin = people["admin"]
    _line(office, people)
    (year, number), (last_year, last_number) = _rounds_now(timezone.localdate())

    last = services.round_open(office=office, actor=admin, fiscal_year=last_year, number=last_number)
    for appraisal in last.appraisals.select_related("staff", "evaluator", "supervisor"):
        _finish(appraisal, LAST_ROUND[appraisal.staff.username])
    services.round_close(round_=last, actor=admin)

    current = services.round_open(office=office, actor=admin, fiscal_year=year, number=number)
    appraisals = {a.staff.username: a for a in current.appraisals.select_related("staff", "evaluator", "supervisor")}
    # admin: not started. webmaster1: sent to the evaluator.
    indicators, competencies = _rows("webmaster1")
    services.agreement_save(appraisal=appraisals["webmaster1"], actor=people["webmaster1"], indicators=indicators,
                            competencies=competencies)  # fmt: skip
    services.agreement_submit(appraisal=appraisals["webmaster1"], actor=people["webmaster1"])
    # nurse: last round's agreement copied, sent, and returned with a note.
    services.agreement_copy_previous(appraisal=appraisals["nurse"], actor=people["nurse"])
    services.agreement_submit(appraisal=appraisals["nurse"], actor=people["nurse"])
    services.agreement_decide(appraisal=appraisals["nurse"], actor=people["approver"], agree=False,
                              note="โปรดเพิ่มตัวชี้วัดการคัดกรองความดันโลหิตสูงในกลุ่มเสี่ยง และปรับน้ำหนักใหม่")  # fmt: skip
    # reviewer: agreed, waiting to assess themself.
    _agree(appraisals["reviewer"])
    # staff: self-assessed with evidence, waiting for the evaluator.
    _agree(appraisals["staff"])
    report = DemoFile("รายงานผลการควบคุมลูกน้ำยุงลาย.pdf", heading="รายงานผลการควบคุมลูกน้ำยุงลาย",
                      paragraphs=["ผลการสำรวจค่าดัชนีลูกน้ำยุงลายรายหมู่บ้าน ตำบลป่าคาหลวง",
                                  "หมู่บ้านที่ค่า HI ไม่เกิน 10 จำนวน 11 จาก 12 หมู่บ้าน (ร้อยละ 91.7)"])  # fmt: skip
    services.evidence_add(appraisal=appraisals["staff"], actor=people["staff"],
                          upload=SimpleUploadedFile(report.name, files.build(report, office=office, renderer=renderer)))  # fmt: skip
    _self_assess(appraisals["staff"], ((5, 4, 4), (2, 2, 2, 2, 2)))
    # webmaster2 (80 : 20): scored, waiting for the next-level supervisor.
    _agree(appraisals["webmaster2"])
    _self_assess(appraisals["webmaster2"], ((4, 4, 3), (2, 2, 2, 2, 2)))
    _assess(appraisals["webmaster2"], ((4, 4, 3), (2, 2, 2, 1, 2)), PLAN)
    # procurement: scored (no supervisor in the system), waiting to be acknowledged.
    _agree(appraisals["procurement"])
    _self_assess(appraisals["procurement"], ((4, 4), (2, 2, 2, 2, 2)))
    _assess(appraisals["procurement"], ((4, 3), (2, 2, 1, 2, 2)), PLAN)
    # committee: finished.
    _finish(appraisals["committee"], ((5, 4), (2, 2, 2, 2, 2)))
    return last.appraisals.count() + current.appraisals.count()
