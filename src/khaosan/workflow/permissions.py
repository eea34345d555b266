"""Who may see and do what with a request. Every check also keeps the person inside their own office.

A step of the chain is decided by the people who hold its role today (delegates included), never by the
request's own authors. When nobody else holds the role, e.g. the reviewer files a request and is the
office's only reviewer, the office administrator decides that step in place of the role
(`step_deciders`); with no administrator either, the request cannot move on and the person is told whom
to appoint (`NoDecider`).
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from khaosan.errors import NotAllowed
from khaosan.org.roles import Role, acting_roles, has_role, members
from khaosan.workflow.models import State

# Roles that see every request of their office (the committee reads everything, S-3, LOG-13); a delegate
# of the reviewer or the approver sees what they decide on, whatever their own unit.
SEES_ALL = (Role.REVIEWER, Role.APPROVER, Role.WEBMASTER, Role.COMMITTEE, Role.ADMINISTRATOR)


def sees_all(user):
    return bool(acting_roles(user) & {str(role) for role in SEES_ALL})


class RequestMovedOn(NotAllowed):
    """The request is no longer at the step the person saw (cancelled, returned, resubmitted, a forged step)."""


class AlreadyDecided(RequestMovedOn):
    """Someone decided the step this person was looking at."""


class NoDecider(NotAllowed):
    """Nobody but the request's authors could decide a step: the office must appoint someone first."""


def same_office(user, pub_request):
    return user.is_authenticated and user.office_id is not None and user.office_id == pub_request.office_id


def can_view(user, pub_request):
    if not same_office(user, pub_request):
        return False
    if sees_all(user) or pub_request.requester_id == user.pk or pub_request.registered_by_id == user.pk:
        return True
    return user.unit_id is not None and pub_request.requester_unit_id == user.unit_id


def is_author(user, pub_request):
    """The requester, or the web master who registered it from a letter: neither may decide on it."""
    return user.pk in (pub_request.requester_id, pub_request.registered_by_id)


def ensure_can_edit(user, pub_request):
    if not same_office(user, pub_request) or not is_author(user, pub_request):
        raise NotAllowed(_("แก้ไขได้เฉพาะผู้ขอหรือผู้ลงทะเบียนรับคำขอนี้"))
    if pub_request.state not in (State.DRAFT, State.RETURNED):
        raise NotAllowed(_("คำขอนี้อยู่ในสถานะ “%(state)s” จึงแก้ไขไม่ได้") % {"state": pub_request.get_state_display()})


def can_edit(user, pub_request):
    try:
        ensure_can_edit(user, pub_request)
    except NotAllowed:
        return False
    return True


def administrators(office):
    """The office's active administrators (superusers of the office count, as in `role_names`), delegates included."""
    from khaosan.org.models import Staff

    superusers = Staff.objects.filter(office=office, is_active=True, is_superuser=True).values("pk")
    return Staff.objects.filter(
        Q(pk__in=members(office, Role.ADMINISTRATOR).values("pk")) | Q(pk__in=superusers)
    ).order_by("first_name", "last_name")


@dataclass(frozen=True)
class StepDeciders:
    """Who decides one step of a request's chain today, and whether an administrator stands in for the role."""

    role: str
    people: tuple  # never an author of the request; empty when nobody at all can decide
    stand_in_reason: str = ""  # why the administrator(s) decide in place of the role; "" when the role decides

    @property
    def stand_in(self):
        return bool(self.stand_in_reason)

    @property
    def names(self):
        return ", ".join(person.get_full_name() or person.get_username() for person in self.people)


def step_deciders(pub_request, step=None):
    """Return who decides `step` (the current one by default): its role's holders besides the authors.

    When the authors are the only holders (a delegate of theirs is a holder too), or nobody holds the role,
    the office administrators who are not authors decide in place of the role.
    """
    step = pub_request.step if step is None else step
    role = pub_request.chain[step]
    holders = list(members(pub_request.office, role))
    people = tuple(person for person in holders if not is_author(person, pub_request))
    if people:
        return StepDeciders(role=role, people=people)
    label = Role(role).label
    if holders:
        reason = _("ผู้ดำรงบทบาท%(role)s มีเพียงผู้ยื่นคำขอ ซึ่งพิจารณาคำขอของตนเองไม่ได้") % {"role": label}
    else:
        reason = _("สำนักงานยังไม่มีผู้ดำรงบทบาท%(role)s") % {"role": label}
    admins = tuple(person for person in administrators(pub_request.office) if not is_author(person, pub_request))
    return StepDeciders(role=role, people=admins, stand_in_reason=reason)


def ensure_step_has_decider(pub_request, step):
    """Raise NoDecider when nobody who is not an author of the request could decide `step`."""
    deciders = step_deciders(pub_request, step)
    if not deciders.people:
        raise NoDecider(
            _("ขั้นที่ %(n)d ของการพิจารณา (%(role)s) ไม่มีผู้ใดพิจารณาได้ เพราะ%(reason)s "
              "และไม่มีผู้ดูแลระบบอื่นที่พิจารณาแทนได้ โปรดให้ผู้ดูแลระบบแต่งตั้ง%(role)s เพิ่มอีกคน หรือมอบอำนาจบทบาทนี้ให้ผู้อื่น "
              "(หรือแต่งตั้งผู้ดูแลระบบของสำนักงาน) แล้วทำรายการอีกครั้ง")
            % {"n": step + 1, "role": Role(deciders.role).label, "reason": deciders.stand_in_reason}
        )  # fmt: skip
    return deciders


def awaiting_stand_in():
    """A filter on requests: in review, and nobody but the authors holds the role their current step awaits.

    The SQL twin of `step_deciders(...).stand_in`, so an administrator's queue is one query.
    """
    from khaosan.org.models import Delegation, Membership, Staff

    requester, registrar = (
        Coalesce(OuterRef("requester_id"), Value(0)),
        Coalesce(OuterRef("registered_by_id"), Value(0)),
    )
    holders = (
        Staff.objects.filter(office_id=OuterRef("office_id"), is_active=True, groups__name=OuterRef("awaiting_role"))
        .exclude(pk=requester)
        .exclude(pk=registrar)
    )
    member_holders = (
        Membership.objects.filter(
            office_id=OuterRef("office_id"), staff__is_active=True, roles__name=OuterRef("awaiting_role")
        )
        .exclude(staff_id=requester)
        .exclude(staff_id=registrar)
    )
    delegates = (
        Delegation.objects.active()
        .filter(
            office_id=OuterRef("office_id"),
            role=OuterRef("awaiting_role"),
            delegate__is_active=True,
        )
        .exclude(delegate_id=requester)
        .exclude(delegate_id=registrar)
    )
    return Q(state=State.IN_REVIEW) & ~Q(Exists(holders)) & ~Q(Exists(member_holders)) & ~Q(Exists(delegates))


def stands_in(user, pub_request):
    """Whether `user` decides the current step as the office administrator, in place of its role."""
    roles = acting_roles(user)
    if Role.ADMINISTRATOR not in roles or pub_request.current_role in roles:
        return False
    deciders = step_deciders(pub_request)
    return deciders.stand_in and any(person.pk == user.pk for person in deciders.people)


def moved_on(pub_request, expected_step):
    """Return the error for a decision on a step the request is no longer at, saying what really happened.

    "Someone decided it already" only when a decision on that step was recorded since the request was last
    submitted; otherwise the request's real state: cancelled, returned, refused, or another step.
    """
    from khaosan.thai.dates import thai_datetime

    decisions = pub_request.decisions.order_by("-decided_at", "-pk")
    if pub_request.submitted_at is not None:
        decisions = decisions.filter(decided_at__gte=pub_request.submitted_at)
    decided = decisions.filter(step=expected_step).first()
    last = decisions.first()

    def told(decision):
        return _("%(who)s %(verdict)s ขั้นที่ %(n)d เมื่อ %(when)s") % {
            "who": decision.actor_name, "verdict": decision.get_verdict_display(), "n": decision.step + 1,
            "when": thai_datetime(decision.decided_at)}  # fmt: skip

    state = pub_request.state
    if state == State.IN_REVIEW:
        now = _("ขณะนี้คำขออยู่ขั้นที่ %(n)d จาก %(total)d รอ%(role)s") % {
            "n": pub_request.step + 1, "total": len(pub_request.chain),
            "role": Role(pub_request.current_role).label}  # fmt: skip
    elif state == State.CANCELLED:
        now = _("ผู้ขอยกเลิกคำขอนี้แล้ว จึงไม่ต้องพิจารณาต่อ")
    elif state == State.DRAFT:
        now = _("คำขอนี้ยังเป็นร่าง ยังไม่ได้ยื่นให้พิจารณา")
    elif state == State.RETURNED:
        now = _("คำขอนี้ถูกส่งกลับให้ผู้ขอแก้ไขแล้ว รอผู้ขอยื่นใหม่")
    else:
        now = _("ขณะนี้คำขออยู่ในสถานะ “%(state)s”") % {"state": pub_request.get_state_display()}
    if decided is not None:
        return AlreadyDecided(_("คำขอนี้มีผู้พิจารณาไปแล้ว: %(decided)s %(now)s โปรดดูสถานะล่าสุดในหน้าคำขอ") % {
            "decided": told(decided), "now": now})  # fmt: skip
    message = _("คำขอนี้ไม่ได้อยู่ที่ขั้นที่ท่านเปิดดู (ขั้นที่ %(n)d) แล้ว: %(now)s") % {
        "n": expected_step + 1, "now": now}  # fmt: skip
    if last is not None:
        message += " " + _("(ล่าสุด %(decided)s)") % {"decided": told(last)}
    elif state == State.IN_REVIEW:
        message += " " + _("(ผู้ขอยื่นคำขอเมื่อ %(when)s และยังไม่มีผู้พิจารณาในรอบนี้)") % {
            "when": thai_datetime(pub_request.submitted_at)}  # fmt: skip
    return RequestMovedOn(message + " " + _("โปรดเปิดหน้าคำขออีกครั้งเพื่อดูสถานะล่าสุด"))


def ensure_can_decide(user, pub_request, *, expected_step=None):
    """Raise NotAllowed (RequestMovedOn, AlreadyDecided) unless `user` may decide the current step now.

    The step's role decides (delegates included); an administrator only in place of a role that nobody
    but the request's authors holds (`stands_in`).
    """
    if not same_office(user, pub_request):
        raise NotAllowed(_("ไม่พบคำขอนี้"))
    if expected_step is not None and (pub_request.state != State.IN_REVIEW or pub_request.step != expected_step):
        raise moved_on(pub_request, expected_step)
    if pub_request.state != State.IN_REVIEW:
        raise NotAllowed(_("คำขอนี้ไม่ได้อยู่ระหว่างพิจารณา"))
    if is_author(user, pub_request):
        raise NotAllowed(_("ผู้ยื่นคำขอพิจารณาคำขอของตนเองไม่ได้"))
    if pub_request.current_role not in acting_roles(user) and not stands_in(user, pub_request):
        raise NotAllowed(_("ขั้นนี้ต้องพิจารณาโดย %(role)s") % {"role": Role(pub_request.current_role).label})


def can_decide(user, pub_request):
    try:
        ensure_can_decide(user, pub_request)
    except NotAllowed:
        return False
    return True


def ensure_can_publish(user, pub_request):
    if not same_office(user, pub_request) or not has_role(user, Role.WEBMASTER):
        raise NotAllowed(_("เผยแพร่ได้เฉพาะผู้ดูแลเว็บไซต์ (Web Master) ของสำนักงาน"))
    if pub_request.state != State.APPROVED:
        raise NotAllowed(_("คำขอนี้ยังไม่ได้รับอนุมัติ หรือเผยแพร่ไปแล้ว"))


def can_publish(user, pub_request):
    try:
        ensure_can_publish(user, pub_request)
    except NotAllowed:
        return False
    return True
