"""Who may do which step of an appraisal, and when (standards.md PERF-3 – PERF-8).

Each step belongs to one person: the staff member drafts and submits the agreement, assesses themself and
acknowledges; the evaluator agrees (or returns) the agreement, gives the levels and may record a refusal to
sign; the supervisor reviews. Nothing moves once the round is closed or the appraisal is acknowledged
(PERF-8: the form is locked after both parties sign). Administrators manage rounds and the evaluation
line; they do not score.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from khaosan.errors import NotAllowed
from khaosan.eservice.models import Appraisal
from khaosan.org.roles import Role, has_role

S = Appraisal.State


class AppraisalNotAllowed(NotAllowed):
    """This person may not do this step of this appraisal now; the message says why, in Thai."""


def can_manage(user):
    """Rounds, settings and the evaluation line are the administrator's."""
    return has_role(user, Role.ADMINISTRATOR)


def ensure_can_manage(user, office):
    if user.office_id != office.pk or not can_manage(user):
        raise AppraisalNotAllowed(_("เฉพาะผู้ดูแลระบบของสำนักงานจัดการรอบการประเมินและสายการประเมินได้"))


def _open(appraisal):
    return appraisal.round.is_open


def _is(user, person_id):
    return person_id is not None and user.pk == person_id


def can_edit_agreement(user, appraisal):
    return _open(appraisal) and appraisal.state == S.DRAFT and (_is(user, appraisal.staff_id)
                                                                or _is(user, appraisal.evaluator_id))  # fmt: skip


def can_submit_agreement(user, appraisal):
    return _open(appraisal) and appraisal.state == S.DRAFT and _is(user, appraisal.staff_id)


def can_decide_agreement(user, appraisal):
    return _open(appraisal) and appraisal.state == S.AGREEMENT_SUBMITTED and _is(user, appraisal.evaluator_id)


def can_self_assess(user, appraisal):
    return _open(appraisal) and appraisal.state == S.AGREED and _is(user, appraisal.staff_id)


def can_assess(user, appraisal):
    return _open(appraisal) and appraisal.state == S.SELF_ASSESSED and _is(user, appraisal.evaluator_id)


def can_review(user, appraisal):
    return _open(appraisal) and appraisal.state == S.ASSESSED and _is(user, appraisal.supervisor_id)


def can_acknowledge(user, appraisal):
    return _open(appraisal) and appraisal.state == S.REVIEWED and _is(user, appraisal.staff_id)


def can_record_refusal(user, appraisal):
    return _open(appraisal) and appraisal.state == S.REVIEWED and _is(user, appraisal.evaluator_id)


STEP_REFUSALS = {
    "edit_agreement": gettext_lazy("แก้ไขข้อตกลงได้เฉพาะผู้รับการประเมินหรือผู้ประเมิน ระหว่างจัดทำข้อตกลงในรอบที่เปิดอยู่"),
    "submit_agreement": gettext_lazy("ส่งข้อตกลงได้เฉพาะผู้รับการประเมิน ระหว่างจัดทำข้อตกลงในรอบที่เปิดอยู่"),
    "decide_agreement": gettext_lazy("เห็นชอบหรือส่งข้อตกลงกลับได้เฉพาะผู้ประเมิน เมื่อผู้รับการประเมินส่งข้อตกลงแล้ว"),
    "self_assess": gettext_lazy("ประเมินตนเองได้เฉพาะผู้รับการประเมิน หลังตกลงข้อตกลงแล้วและก่อนส่งผลการประเมินตนเอง"),
    "assess": gettext_lazy("ให้คะแนนได้เฉพาะผู้ประเมิน หลังผู้รับการประเมินส่งผลการประเมินตนเองแล้ว"),
    "review": gettext_lazy("พิจารณาผลได้เฉพาะผู้บังคับบัญชาเหนือขึ้นไป หลังผู้ประเมินให้คะแนนแล้ว"),
    "acknowledge": gettext_lazy("รับทราบผลได้เฉพาะผู้รับการประเมิน หลังการพิจารณาผลเสร็จแล้ว"),
    "record_refusal": gettext_lazy("บันทึกการไม่ลงนามรับทราบได้เฉพาะผู้ประเมิน เมื่อผลการประเมินรอรับทราบ"),
}
CHECKS = {
    "edit_agreement": can_edit_agreement, "submit_agreement": can_submit_agreement,
    "decide_agreement": can_decide_agreement, "self_assess": can_self_assess, "assess": can_assess,
    "review": can_review, "acknowledge": can_acknowledge, "record_refusal": can_record_refusal,
}  # fmt: skip


def ensure(step, user, appraisal):
    """Raise AppraisalNotAllowed, in Thai, unless `user` may take `step` of `appraisal` now."""
    if user.office_id != appraisal.round.office_id or not CHECKS[step](user, appraisal):
        if not appraisal.round.is_open:
            raise AppraisalNotAllowed(_("รอบการประเมินนี้ปิดแล้ว จึงแก้ไขหรือดำเนินการต่อไม่ได้"))
        if appraisal.finished:
            raise AppraisalNotAllowed(_("การประเมินนี้เสร็จสิ้นและล็อกแล้วหลังการรับทราบผล จึงแก้ไขไม่ได้"))
        raise AppraisalNotAllowed(str(STEP_REFUSALS[step]))


def actions_for(user, appraisal):
    """{step: True} of what `user` may do on `appraisal` now, for the buttons of its page."""
    return {step: check(user, appraisal) for step, check in CHECKS.items()}
