"""The steps of an appraisal through the services: who may take each, what each refuses, what it records."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from khaosan.audit.models import AuditCode, AuditEvent
from khaosan.eservice import services
from khaosan.eservice.models import Appraisal, AppraisalRound, Indicator
from khaosan.eservice.permissions import AppraisalNotAllowed
from khaosan.workflow.models import Notification
from tests.eservice.conftest import COMPETENCIES, INDICATORS, agreed, appraisal_of, assessed, finished, self_assessed

pytestmark = pytest.mark.django_db
S = Appraisal.State


def test_opening_a_round_starts_an_appraisal_for_everyone_with_an_evaluator(office, line, clock):
    round_ = services.round_open(office=office, actor=line["admin"], fiscal_year=2569, number=2)
    assert (round_.starts_on.isoformat(), round_.ends_on.isoformat()) == ("2026-04-01", "2026-09-30")
    assert round_.agreement_due.isoformat() == "2026-05-01"
    mine = appraisal_of(round_, line["requester"])
    assert (mine.evaluator, mine.supervisor) == (line["head"], line["approver"])
    assert (mine.results_weight, mine.behaviour_weight) == (70, 30)
    evaluated = set(round_.appraisals.values_list("staff__username", flat=True))
    # kanya's unit has no head, the executive is excluded, a unit head is not their own evaluator.
    assert {"somchai", "malee", "teerapong", "sudarat", "wittaya"} <= evaluated
    assert not evaluated & {"kanya", "prasert"}
    assert Notification.objects.filter(recipient=line["requester"], subject__contains="เปิดรอบการประเมิน").exists()
    assert AuditEvent.objects.filter(action=AuditCode.APPRAISAL_ROUND_OPENED).count() == 1


def test_only_an_administrator_opens_a_round_and_only_once(office, line):
    with pytest.raises(AppraisalNotAllowed):
        services.round_open(office=office, actor=line["head"], fiscal_year=2569, number=2)
    services.round_open(office=office, actor=line["admin"], fiscal_year=2569, number=2)
    with pytest.raises(ValidationError, match="เปิดไว้แล้ว"):
        services.round_open(office=office, actor=line["admin"], fiscal_year=2569, number=2)
    assert AppraisalRound.objects.count() == 1


def test_indicator_weights_that_do_not_sum_to_100_are_refused_and_nothing_is_written(open_round, line):
    appraisal = appraisal_of(open_round, line["requester"])
    rows = [dict(INDICATORS[0], weight=60), dict(INDICATORS[1], weight=30)]
    with pytest.raises(ValidationError) as refused:
        services.agreement_save(
            appraisal=appraisal, actor=line["requester"], indicators=rows, competencies=COMPETENCIES
        )
    assert "รวมกันได้ 90" in refused.value.messages[0] and "100" in refused.value.messages[0]
    assert not Indicator.objects.filter(appraisal=appraisal).exists()
    assert not AuditEvent.objects.filter(action=AuditCode.APPRAISAL_SAVED).exists()


def test_an_agreement_goes_to_the_evaluator_complete_and_can_come_back_with_a_note(open_round, line):
    appraisal = appraisal_of(open_round, line["requester"])
    with pytest.raises(ValidationError, match="ตัวชี้วัดผลสัมฤทธิ์ของงานอย่างน้อย 1 ข้อ"):
        services.agreement_submit(appraisal=appraisal, actor=line["requester"])
    half_criteria = [dict(INDICATORS[0], weight=100, criteria=["ร้อยละ 60", "", "", "", ""])]
    services.agreement_save(appraisal=appraisal, actor=line["requester"], indicators=half_criteria,
                            competencies=COMPETENCIES)  # fmt: skip
    with pytest.raises(ValidationError, match="เกณฑ์ครบ 5 ระดับ"):
        services.agreement_submit(appraisal=appraisal, actor=line["requester"])
    services.agreement_save(appraisal=appraisal, actor=line["requester"], indicators=INDICATORS,
                            competencies=COMPETENCIES)  # fmt: skip
    with pytest.raises(AppraisalNotAllowed):
        services.agreement_submit(appraisal=appraisal, actor=line["head"])  # only the staff member submits
    services.agreement_submit(appraisal=appraisal, actor=line["requester"])
    with pytest.raises(ValidationError):
        services.agreement_decide(appraisal=appraisal, actor=line["head"], agree=False, note="  ")
    services.agreement_decide(appraisal=appraisal, actor=line["head"], agree=False, note="เพิ่มเป้าหมายด้านวัณโรค")
    appraisal.refresh_from_db()
    assert (appraisal.state, appraisal.return_note) == (S.DRAFT, "เพิ่มเป้าหมายด้านวัณโรค")
    assert Notification.objects.filter(recipient=line["requester"], subject__contains="ส่งกลับ").exists()


def test_self_assessment_needs_every_level_before_it_is_sent(open_round, line):
    appraisal = agreed(open_round, line)
    first = appraisal.indicators.first()
    with pytest.raises(ValidationError, match="ยังไม่ได้ให้ระดับ"):
        services.self_assessment_save(appraisal=appraisal, actor=line["requester"], indicator_levels={first.pk: 4},
                                      competency_levels={}, submit=True)  # fmt: skip
    appraisal.refresh_from_db()
    assert appraisal.state == S.AGREED
    with pytest.raises(AppraisalNotAllowed):
        services.self_assessment_save(appraisal=appraisal, actor=line["head"], indicator_levels={},
                                      competency_levels={})  # fmt: skip


def test_the_evaluator_scores_and_the_result_keeps_its_configuration(open_round, line):
    appraisal = assessed(open_round, line, indicator_levels=(5, 4, 3), competency_levels=(2, 1))
    # results: (5×50 + 4×30 + 3×20) / 500 × 70 = 60.2; behaviour: (3 + 2) / 6 × 30 = 25; total 85.20
    assert (appraisal.result_results, appraisal.result_behaviour, appraisal.result_total) == (
        Decimal("60.20"),
        Decimal("25.00"),
        Decimal("85.20"),
    )
    assert appraisal.result_band == "ดีมาก" and appraisal.state == S.ASSESSED
    assert appraisal.result_config["bands"][0] == {"label": "ดีเด่น", "min": "90"}
    assert appraisal.plan.get().topic == "การวิเคราะห์ข้อมูล"
    assert Notification.objects.filter(recipient=line["approver"], subject__contains="รอท่านพิจารณา").exists()
    for note in Notification.objects.all():
        assert "85.2" not in note.message and "85.2" not in note.subject  # notices never carry a score


def test_the_supervisor_adjusts_only_with_a_reason_and_the_total_follows(open_round, line):
    appraisal = assessed(open_round, line, indicator_levels=(5, 4, 3), competency_levels=(2, 2))
    assert appraisal.result_total == Decimal("90.20")
    third = appraisal.indicators.order_by("order")[2]
    with pytest.raises(ValidationError) as refused:
        services.review_save(appraisal=appraisal, actor=line["approver"], verdict="adjust",
                             indicator_levels={third.pk: 1})  # fmt: skip
    assert "reason" in refused.value.message_dict
    with pytest.raises(ValidationError, match="ยังไม่ได้ปรับระดับข้อใด"):
        services.review_save(appraisal=appraisal, actor=line["approver"], verdict="adjust", reason="ไม่ตรงหลักฐาน",
                             indicator_levels={third.pk: 3})  # fmt: skip
    services.review_save(appraisal=appraisal, actor=line["approver"], verdict="adjust", reason="ไม่ตรงหลักฐาน",
                         indicator_levels={third.pk: 1})  # fmt: skip
    appraisal.refresh_from_db()
    # results: (250 + 120 + 1×20) / 500 × 70 = 54.6; behaviour 30; total 84.60
    assert (appraisal.result_total, appraisal.result_band, appraisal.state) == (Decimal("84.60"), "ดีมาก", S.REVIEWED)
    third.refresh_from_db()
    assert (third.evaluator_level, third.supervisor_level) == (3, 1)  # the evaluator's level is kept beside it


def test_acknowledging_locks_the_appraisal(open_round, line):
    appraisal = finished(open_round, line)
    assert appraisal.state == S.ACKNOWLEDGED
    assert set(appraisal.signatures) >= {"agreement_staff", "agreement_evaluator", "assessment_evaluator",
                                         "review_supervisor", "acknowledgement_staff"}  # fmt: skip
    assert appraisal.signatures["review_supervisor"]["position"] == line["approver"].position
    with pytest.raises(AppraisalNotAllowed, match="ล็อก"):
        services.agreement_save(appraisal=appraisal, actor=line["requester"], indicators=INDICATORS,
                                competencies=COMPETENCIES)  # fmt: skip


def test_a_refusal_to_sign_is_recorded_by_the_evaluator_with_a_witness(open_round, line, clock):
    appraisal = assessed(open_round, line)
    services.review_save(appraisal=appraisal, actor=line["approver"], verdict="agree")
    with pytest.raises(ValidationError) as refused:
        services.refusal_record(appraisal=appraisal, actor=line["head"], communicated_on=clock.today,
                                witness=line["requester"])  # fmt: skip
    assert "witness" in refused.value.message_dict
    with pytest.raises(AppraisalNotAllowed):
        services.refusal_record(appraisal=appraisal, actor=line["colleague"], communicated_on=clock.today,
                                witness=line["colleague"])  # fmt: skip
    services.refusal_record(appraisal=appraisal, actor=line["head"], communicated_on=clock.today,
                            witness=line["colleague"], note="แจ้งผลที่ห้องประชุม")  # fmt: skip
    appraisal.refresh_from_db()
    assert (appraisal.state, appraisal.refused, appraisal.witness) == (S.ACKNOWLEDGED, True, line["colleague"])
    assert appraisal.signatures["witness"]["name"] == line["colleague"].get_full_name()


def test_without_a_supervisor_the_evaluators_score_goes_straight_to_the_staff_member(open_round, line):
    from khaosan.eservice.models import EvaluationProfile

    EvaluationProfile.objects.filter(staff=line["head"]).update(evaluator=None)
    services.unit_head_set(unit=line["head"].unit, actor=line["admin"], head=line["head"])  # refresh lines: no-op
    services.profile_update(person=line["requester"], actor=line["admin"], staff_type="civil_servant", is_hr=False,
                            excluded=False)  # fmt: skip
    appraisal = appraisal_of(open_round, line["requester"])
    assert appraisal.supervisor is None
    appraisal = assessed(open_round, line)
    assert appraisal.state == S.REVIEWED


def test_a_closed_round_is_locked_for_everyone(open_round, line):
    appraisal = agreed(open_round, line)
    services.round_close(round_=open_round, actor=line["admin"])
    with pytest.raises(AppraisalNotAllowed, match="ปิดแล้ว"):
        services.self_assessment_save(appraisal=appraisal, actor=line["requester"], indicator_levels={},
                                      competency_levels={})  # fmt: skip


def test_changing_the_evaluator_follows_open_appraisals_not_yet_scored(open_round, line):
    waiting = self_assessed(open_round, line, "requester")
    scored = assessed(open_round, line, "colleague")
    services.unit_head_set(unit=line["head"].unit, actor=line["admin"], head=line["webmaster"])
    waiting.refresh_from_db()
    scored.refresh_from_db()
    assert waiting.evaluator == line["webmaster"]
    assert scored.evaluator == line["head"]  # the evaluator who scored stays on the record
    assert AuditEvent.objects.filter(action=AuditCode.APPRAISAL_LINE_CHANGED).exists()


def test_last_rounds_agreement_can_be_copied(office, line):
    first = services.round_open(office=office, actor=line["admin"], fiscal_year=2569, number=1)
    agreed(first, line)
    services.round_close(round_=first, actor=line["admin"])
    second = services.round_open(office=office, actor=line["admin"], fiscal_year=2569, number=2)
    appraisal = appraisal_of(second, line["requester"])
    services.agreement_copy_previous(appraisal=appraisal, actor=line["requester"])
    assert [(i.title, i.weight) for i in appraisal.indicators.all()] == [(r["title"], r["weight"]) for r in INDICATORS]
    assert appraisal.competencies.count() == len(COMPETENCIES)
    assert appraisal.indicators.first().self_level is None  # levels are never copied


def test_evidence_follows_the_upload_rules(open_round, line):
    from tests.eservice.conftest import pdf_bytes, upload

    appraisal = agreed(open_round, line)
    with pytest.raises(ValidationError, match="ไม่รับไฟล์ชนิด"):
        services.evidence_add(appraisal=appraisal, actor=line["requester"], upload=upload("โปรแกรม.exe", b"MZ\x90"))
    with pytest.raises(ValidationError, match="ไม่ใช่ไฟล์ .pdf"):
        services.evidence_add(appraisal=appraisal, actor=line["requester"], upload=upload("รายงาน.pdf", b"hello"))
    evidence = services.evidence_add(appraisal=appraisal, actor=line["requester"],
                                     upload=upload("รายงานผล.pdf", pdf_bytes()))  # fmt: skip
    assert evidence.blob.size > 0 and not evidence.already_attached
    again = services.evidence_add(appraisal=appraisal, actor=line["requester"], upload=upload("สำเนา.pdf", pdf_bytes()))
    assert again.already_attached and appraisal.evidence.count() == 1
    with pytest.raises(AppraisalNotAllowed):
        services.evidence_add(appraisal=appraisal, actor=line["head"], upload=upload("x.pdf", pdf_bytes(2)))
