"""Who may see and do what with a request. Every check also keeps the person inside their own office."""

from django.utils.translation import gettext as _

from khaosan.org.roles import Role, acting_roles, has_role
from khaosan.workflow.models import State

# Roles that see every request of their office (the committee reads everything, S-3, LOG-13).
SEES_ALL = (Role.REVIEWER, Role.APPROVER, Role.WEBMASTER, Role.COMMITTEE, Role.ADMINISTRATOR)


class NotAllowed(Exception):
    """The person may not do this now; the message says why, in Thai, for them to read."""


class AlreadyDecided(NotAllowed):
    """Someone else moved the request on while this person was looking at it."""


def same_office(user, pub_request):
    return user.is_authenticated and user.office_id is not None and user.office_id == pub_request.office_id


def can_view(user, pub_request):
    if not same_office(user, pub_request):
        return False
    if has_role(user, *SEES_ALL) or pub_request.requester_id == user.pk or pub_request.registered_by_id == user.pk:
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


def ensure_can_decide(user, pub_request, *, expected_step=None):
    """Raise NotAllowed (or AlreadyDecided) unless `user` may decide the current step now."""
    if not same_office(user, pub_request):
        raise NotAllowed(_("ไม่พบคำขอนี้"))
    if expected_step is not None and (pub_request.state != State.IN_REVIEW or pub_request.step != expected_step):
        last = pub_request.decisions.order_by("-decided_at", "-pk").first()
        who = f" ({last.actor_name} {last.get_verdict_display()})" if last else ""
        raise AlreadyDecided(_("คำขอนี้มีผู้พิจารณาไปแล้ว%(who)s โปรดดูสถานะล่าสุด") % {"who": who})
    if pub_request.state != State.IN_REVIEW:
        raise NotAllowed(_("คำขอนี้ไม่ได้อยู่ระหว่างพิจารณา"))
    if is_author(user, pub_request):
        raise NotAllowed(_("ผู้ยื่นคำขอพิจารณาคำขอของตนเองไม่ได้"))
    if pub_request.current_role not in acting_roles(user):
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
