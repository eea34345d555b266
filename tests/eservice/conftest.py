"""An office with an evaluation line: somchai and malee are evaluated by sudarat (head of admin), whose own
evaluator, prasert (the executive), is their next-level supervisor; kanya's unit has no head yet."""

import pytest

from khaosan.eservice import services
from khaosan.eservice.models import EvaluationProfile, UnitHead
from khaosan.org.models import Unit
from tests.conftest import make_person, pdf_bytes, upload  # noqa: F401  (re-exported for tests)

# Rows of an agreement that the service accepts: weights 50 + 30 + 20, five criteria each, two competencies.
INDICATORS = [
    {"title": "ร้อยละของหมู่บ้านที่ควบคุมลูกน้ำยุงลายได้", "weight": 50,
     "criteria": ["ร้อยละ 60", "ร้อยละ 70", "ร้อยละ 80", "ร้อยละ 90", "ร้อยละ 100"]},
    {"title": "รายงานผลการดำเนินงานรายเดือนส่งตรงเวลา", "weight": 30,
     "criteria": ["8 เดือน", "9 เดือน", "10 เดือน", "11 เดือน", "12 เดือน"]},
    {"title": "จัดอบรมอาสาสมัครสาธารณสุข", "weight": 20,
     "criteria": ["1 ครั้ง", "2 ครั้ง", "3 ครั้ง", "4 ครั้ง", "5 ครั้ง"]},
]  # fmt: skip
COMPETENCIES = [
    {"kind": "core", "name": "การมุ่งผลสัมฤทธิ์", "expected_level": 2},
    {"kind": "core", "name": "การทำงานเป็นทีม", "expected_level": 2},
]


@pytest.fixture
def line(office, people):
    """Unit heads and one named evaluator, as an administrator would set them."""
    director = Unit.objects.create(office=office, code="director", name_th="สาธารณสุขอำเภอ")
    people["approver"].unit = director
    people["approver"].save(update_fields=["unit"])
    head = make_person(office, "sudarat", position="หัวหน้ากลุ่มงานบริหารทั่วไป", first_name="นางสุดารัตน์",
                       last_name="ธรรมวงศ์")  # fmt: skip
    people["head"] = head
    UnitHead.objects.create(unit=Unit.objects.get(office=office, code="admin"), head=head)
    UnitHead.objects.create(unit=Unit.objects.get(office=office, code="it"), head=people["reviewer"])
    for person in (head, people["reviewer"]):
        EvaluationProfile.objects.create(staff=person, evaluator=people["approver"])
    EvaluationProfile.objects.create(staff=people["approver"], excluded=True)
    return people


@pytest.fixture
def open_round(office, line):
    """Round 2 of fiscal year 2569 (1 Apr – 30 Sep 2026), opened by the administrator, today inside it."""
    return services.round_open(office=office, actor=line["admin"], fiscal_year=2569, number=2)


def appraisal_of(round_, person):
    return round_.appraisals.get(staff=person)


def agreed(round_, people, person="requester", *, indicators=INDICATORS, competencies=COMPETENCIES):
    appraisal = appraisal_of(round_, people[person])
    services.agreement_save(appraisal=appraisal, actor=appraisal.staff, indicators=indicators,
                            competencies=competencies)  # fmt: skip
    services.agreement_submit(appraisal=appraisal, actor=appraisal.staff)
    services.agreement_decide(appraisal=appraisal, actor=appraisal.evaluator, agree=True)
    appraisal.refresh_from_db()
    return appraisal


def levels(appraisal, indicator_levels, competency_levels):
    ids = [i.pk for i in appraisal.indicators.all()], [c.pk for c in appraisal.competencies.all()]
    return dict(zip(ids[0], indicator_levels, strict=False)), dict(zip(ids[1], competency_levels, strict=False))


def self_assessed(round_, people, person="requester", *, indicator_levels=(5, 4, 3), competency_levels=(2, 2), **kw):
    appraisal = agreed(round_, people, person, **kw)
    ind, comp = levels(appraisal, indicator_levels, competency_levels)
    services.self_assessment_save(appraisal=appraisal, actor=appraisal.staff, indicator_levels=ind,
                                  competency_levels=comp, comment="ทำได้ตามเป้าหมาย", submit=True)  # fmt: skip
    appraisal.refresh_from_db()
    return appraisal


def assessed(round_, people, person="requester", *, indicator_levels=(5, 4, 3), competency_levels=(2, 2), **kw):
    appraisal = self_assessed(round_, people, person, **kw)
    ind, comp = levels(appraisal, indicator_levels, competency_levels)
    services.assessment_save(appraisal=appraisal, actor=appraisal.evaluator, indicator_levels=ind,
                             competency_levels=comp, comment="ผลงานดี",
                             plan=[{"topic": "การวิเคราะห์ข้อมูล", "method": "อบรม", "timeframe": "ต.ค. – ธ.ค."}],
                             submit=True)  # fmt: skip
    appraisal.refresh_from_db()
    return appraisal


def finished(round_, people, person="requester", **kw):
    appraisal = assessed(round_, people, person, **kw)
    services.review_save(appraisal=appraisal, actor=appraisal.supervisor, verdict="agree")
    services.acknowledge(appraisal=appraisal, actor=appraisal.staff)
    appraisal.refresh_from_db()
    return appraisal


def signed_in(client, person):
    """A test client signed in as `person`, with the second factor where their role requires it."""
    from khaosan.backoffice.second_factor import required_for
    from tests.backoffice.conftest import verified_client

    client.logout()
    if required_for(person):
        return verified_client(client, person)
    client.force_login(person)
    return client
