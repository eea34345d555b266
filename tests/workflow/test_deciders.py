"""Who decides each step of the chain, and what a person is told when the step they saw has moved on."""

import pytest
from django.core import mail

from khaosan.audit.models import AuditEvent
from khaosan.errors import NotAllowed
from khaosan.org.models import Delegation
from khaosan.thai.dates import thai_datetime
from khaosan.workflow import services
from khaosan.workflow.models import Notification, PublicationRequest, State
from khaosan.workflow.permissions import AlreadyDecided, NoDecider, RequestMovedOn, can_decide
from khaosan.workflow.selectors import awaiting
from tests.workflow.conftest import make_person, submitted_request

pytestmark = pytest.mark.django_db


def decide(pub_request, person, verdict="approve", **fields):
    return services.request_decide(pub_request_id=pub_request.pk, actor=person, verdict=verdict, **fields)


def told(person):
    return list(Notification.objects.filter(recipient=person).values_list("message", flat=True))


def mailed(person):
    return [m for m in mail.outbox if m.to == [person.email]]


def decided_event(pub_request):
    return AuditEvent.objects.filter(object_id=str(pub_request.pk), action="request.decided").latest("pk")


# --- A step whose only holder is the author -------------------------------------------------------------------------


def test_a_request_filed_by_the_only_reviewer_goes_to_the_administrator(
    office, people, django_capture_on_commit_callbacks
):
    reviewer, admin = people["reviewer"], people["admin"]
    with django_capture_on_commit_callbacks(execute=True):
        pub_request = submitted_request(office, reviewer, title="คำขอของหัวหน้ากลุ่มงาน")
    assert pub_request in awaiting(admin) and pub_request not in awaiting(reviewer)
    assert any("พิจารณาแทนผู้พิจารณา" in m and "มีเพียงผู้ยื่นคำขอ" in m for m in told(admin))
    assert mailed(admin) and "พิจารณาแทน" in mailed(admin)[0].subject
    assert not mailed(reviewer)
    with pytest.raises(NotAllowed, match="ของตนเอง"):
        decide(pub_request, reviewer)
    with pytest.raises(NotAllowed):
        decide(pub_request, people["approver"])  # the approver's step comes after

    pub_request = decide(pub_request, admin, expected_step=0)
    decision = pub_request.decisions.get()
    assert (decision.role, decision.actor, decision.delegation) == ("reviewer", admin, None)
    assert "มีเพียงผู้ยื่นคำขอ" in decision.stand_in_reason
    event = decided_event(pub_request)
    assert event.changes["stand_in"] is True and event.changes["stand_in_reason"] == decision.stand_in_reason
    assert pub_request.awaiting_role == "approver" and pub_request in awaiting(people["approver"])
    assert pub_request not in awaiting(admin)


def test_an_administrator_decides_only_in_place_of_a_role_nobody_else_holds(office, people):
    pub_request = submitted_request(office, people["requester"])
    assert pub_request not in awaiting(people["admin"]) and not can_decide(people["admin"], pub_request)
    with pytest.raises(NotAllowed, match="ขั้นนี้ต้องพิจารณาโดย"):
        decide(pub_request, people["admin"])
    assert not pub_request.decisions.exists()


def test_the_authors_delegate_decides_before_the_administrator(office, people, clock):
    reviewer, deputy, admin = people["reviewer"], people["colleague"], people["admin"]
    Delegation.objects.create(office=office, role="reviewer", delegator=reviewer, delegate=deputy,
                              starts_on=clock.today, ends_on=clock.today, reason="ไปราชการ")  # fmt: skip
    pub_request = submitted_request(office, reviewer)
    assert pub_request in awaiting(deputy) and pub_request not in awaiting(admin)
    assert told(deputy) and not told(admin)
    with pytest.raises(NotAllowed):
        decide(pub_request, admin)
    decision = decide(pub_request, deputy).decisions.get()
    assert decision.delegation is not None and not decision.stand_in_reason


def test_a_later_step_whose_only_holder_is_the_author_goes_to_the_administrator(
    office, people, django_capture_on_commit_callbacks
):
    approver, admin = people["approver"], people["admin"]
    pub_request = submitted_request(office, approver, title="คำขอของผู้บริหาร")
    assert pub_request in awaiting(people["reviewer"]) and pub_request not in awaiting(admin)
    with django_capture_on_commit_callbacks(execute=True):
        pub_request = decide(pub_request, people["reviewer"], expected_step=0)
    assert pub_request.awaiting_role == "approver"
    assert pub_request in awaiting(admin) and pub_request not in awaiting(approver)
    assert any("พิจารณาแทนผู้อนุมัติ" in m for m in told(admin)) and mailed(admin)
    assert decided_event(pub_request).changes["awaiting"] == [admin.get_username()]
    pub_request = decide(pub_request, admin, expected_step=1)
    assert pub_request.state == State.APPROVED
    assert pub_request.decisions.last().role == "approver" and pub_request.decisions.last().stand_in_reason


def test_who_decides_a_step_is_worked_out_when_the_step_begins(office, people, clock):
    """At submission the approver's deputy could decide; the delegation ends before the reviewer approves."""
    approver, deputy, admin = people["approver"], people["colleague"], people["admin"]
    Delegation.objects.create(office=office, role="approver", delegator=approver, delegate=deputy,
                              starts_on=clock.today, ends_on=clock.today, reason="ไปราชการ")  # fmt: skip
    pub_request = submitted_request(office, approver)
    clock.advance(days=1)  # the delegation has ended
    pub_request = decide(pub_request, people["reviewer"], expected_step=0)
    assert pub_request in awaiting(admin) and pub_request not in awaiting(deputy)
    assert told(admin) and not told(deputy)


def test_a_step_appointed_after_it_went_to_the_administrator_is_decided_by_the_new_holder(office, people):
    pub_request = submitted_request(office, people["reviewer"])
    second = make_person(office, "second", unit_code="it", roles=["reviewer"], first_name="นายสอง")
    assert pub_request in awaiting(second) and pub_request not in awaiting(people["admin"])
    with pytest.raises(NotAllowed):
        decide(pub_request, people["admin"])
    assert not decide(pub_request, second).decisions.get().stand_in_reason


def test_without_an_administrator_a_request_nobody_could_decide_is_not_submitted(office, people):
    people["admin"].groups.clear()
    with pytest.raises(NoDecider, match="โปรดให้ผู้ดูแลระบบแต่งตั้งผู้พิจารณา") as refused:
        submitted_request(office, people["reviewer"])
    assert "ขั้นที่ 1" in str(refused.value) and "มอบอำนาจ" in str(refused.value)
    assert PublicationRequest.objects.get().state == State.DRAFT and not Notification.objects.exists()


def test_an_administrator_who_is_the_author_does_not_stand_in_for_themselves(office, people):
    """The only reviewer left is the administrator, and they file the request."""
    from khaosan.org.roles import set_roles

    people["reviewer"].groups.clear()
    set_roles(people["admin"], ["administrator", "reviewer"])
    with pytest.raises(NoDecider):
        submitted_request(office, people["admin"])
    assert PublicationRequest.objects.get().state == State.DRAFT


def test_a_later_step_nobody_could_decide_is_refused_before_the_chain_moves_on(office, people, clock):
    """Submission saw the approver's deputy; when the reviewer approves, the deputy is gone and no administrator."""
    approver, deputy = people["approver"], people["colleague"]
    people["admin"].groups.clear()
    Delegation.objects.create(office=office, role="approver", delegator=approver, delegate=deputy,
                              starts_on=clock.today, ends_on=clock.today, reason="ไปราชการ")  # fmt: skip
    pub_request = submitted_request(office, approver)
    clock.advance(days=1)  # the delegation has ended
    with pytest.raises(NoDecider, match="ขั้นที่ 2"):
        decide(pub_request, people["reviewer"], expected_step=0)
    pub_request.refresh_from_db()
    assert (pub_request.state, pub_request.step) == (State.IN_REVIEW, 0) and not pub_request.decisions.exists()


# --- A decision on a step the request is no longer at ---------------------------------------------------------------


def test_someone_elses_decision_on_the_same_step_is_named_with_its_thai_date(office, people):
    second = make_person(office, "second", unit_code="it", roles=["reviewer"], first_name="นายสอง", last_name="ดี")
    pub_request = submitted_request(office, people["requester"])
    decide(pub_request, second, "return", reason_code="incomplete", expected_step=0)
    decision = pub_request.decisions.get()
    with pytest.raises(AlreadyDecided) as refused:
        decide(pub_request, people["reviewer"], expected_step=0)
    message = str(refused.value)
    assert message.startswith("คำขอนี้มีผู้พิจารณาไปแล้ว: นายสอง ดี ส่งกลับแก้ไข ขั้นที่ 1 เมื่อ ")
    assert thai_datetime(decision.decided_at) in message and "ส่งกลับให้ผู้ขอแก้ไขแล้ว" in message
    assert pub_request.decisions.count() == 1


def test_a_cancelled_request_is_not_said_to_be_decided_by_someone(office, people):
    pub_request = submitted_request(office, people["requester"])
    decide(pub_request, people["reviewer"], "return", reason_code="incomplete", expected_step=0)
    services.request_cancel(pub_request=pub_request, actor=people["requester"])
    with pytest.raises(RequestMovedOn) as refused:
        decide(pub_request, people["approver"], expected_step=1)  # an old page, or a forged step
    message = str(refused.value)
    assert not isinstance(refused.value, AlreadyDecided) and "มีผู้พิจารณาไปแล้ว" not in message
    assert "ผู้ขอยกเลิกคำขอนี้แล้ว" in message and "ขั้นที่ 2" in message
    assert "ล่าสุด นายวิทยา อินทร์แก้ว ส่งกลับแก้ไข ขั้นที่ 1" in message


def test_a_returned_request_says_it_waits_for_the_requester(office, people):
    pub_request = submitted_request(office, people["requester"])
    decide(pub_request, people["reviewer"], "return", reason_code="incomplete", expected_step=0)
    decision = pub_request.decisions.get()
    with pytest.raises(RequestMovedOn) as refused:
        decide(pub_request, people["approver"], expected_step=1)
    message = str(refused.value)
    assert "มีผู้พิจารณาไปแล้ว" not in message
    assert "ถูกส่งกลับให้ผู้ขอแก้ไขแล้ว รอผู้ขอยื่นใหม่" in message and thai_datetime(decision.decided_at) in message


def test_a_request_at_another_step_because_the_chain_changed_says_where_it_is(office, people):
    pub_request = submitted_request(office, people["requester"])
    decide(pub_request, people["reviewer"], expected_step=0)
    decide(pub_request, people["approver"], "return", reason_code="incomplete", expected_step=1)
    office.approval_chain = ["approver"]
    office.save()
    pub_request = services.request_submit(pub_request=pub_request, actor=people["requester"])
    with pytest.raises(RequestMovedOn) as refused:
        decide(pub_request, people["approver"], expected_step=1)  # the page from before the return
    message = str(refused.value)
    assert "มีผู้พิจารณาไปแล้ว" not in message
    assert "ขณะนี้คำขออยู่ขั้นที่ 1 จาก 1 รอผู้อนุมัติ" in message and "ยังไม่มีผู้พิจารณาในรอบนี้" in message
    assert thai_datetime(pub_request.submitted_at) in message
    assert decide(pub_request, people["approver"], expected_step=0).state == State.APPROVED


def test_a_forged_step_on_a_draft_says_it_was_never_submitted(office, people):
    pub_request = services.request_create(office=office, actor=people["requester"], title="ร่าง")
    with pytest.raises(RequestMovedOn, match="ยังเป็นร่าง ยังไม่ได้ยื่นให้พิจารณา"):
        decide(pub_request, people["reviewer"], expected_step=0)
