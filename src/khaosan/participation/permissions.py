"""Who sees and handles which case. One door (DESIGN principle 9): selectors, views and services all ask here.

- Corruption complaints: the people the office names for that stream handle them; the committee reads
  them. Nobody else, whatever their role: not web masters, not administrators unless named. A guessed
  address answers 404, as if the complaint did not exist.
- Service complaints, feedback and questions: the people named for the service stream and the
  administrators handle them, and so does the staff member a case is assigned to; the committee reads
  them. Web masters also answer questions, because published answers become public content.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from khaosan.errors import NotAllowed
from khaosan.org.roles import Role, acting_roles
from khaosan.participation.models import Complaint, Handler, Question, Stream


def _staff_of_office(user):
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.office_id is not None)


def named_streams(user):
    """Return the streams `user` is named to handle in their own office (cached on the user for the request)."""
    if not _staff_of_office(user):
        return frozenset()
    cached = getattr(user, "_khaosan_streams", None)
    if cached is None:
        cached = frozenset(
            Handler.objects.filter(staff=user, office_id=user.office_id).values_list("stream", flat=True)
        )
        user._khaosan_streams = cached
    return cached


def stream_of(case):
    """The stream a case belongs to for access: feedback and questions go with the service stream."""
    return case.stream if isinstance(case, Complaint) else Stream.SERVICE


def _general_handler(user):
    return Stream.SERVICE in named_streams(user) or Role.ADMINISTRATOR in acting_roles(user)


def can_handle(user, case):
    """May `user` change this case (assign, note, reply, close)?"""
    if not _staff_of_office(user) or user.office_id != case.office_id:
        return False
    if stream_of(case) == Stream.CORRUPTION:
        return Stream.CORRUPTION in named_streams(user)
    if _general_handler(user) or case.assignee_id == user.pk:
        return True
    return isinstance(case, Question) and Role.WEBMASTER in acting_roles(user)


def can_view(user, case):
    """May `user` read this case? Everyone who may handle it, and the committee."""
    if not _staff_of_office(user) or user.office_id != case.office_id:
        return False
    return can_handle(user, case) or Role.COMMITTEE in acting_roles(user)


def ensure_can_handle(user, case):
    if not can_handle(user, case):
        raise NotAllowed(_("ท่านดูเรื่องนี้ได้อย่างเดียว การดำเนินการเป็นหน้าที่ของผู้รับผิดชอบที่สำนักงานกำหนด"))


def sees_corruption(user):
    return _staff_of_office(user) and (Stream.CORRUPTION in named_streams(user) or Role.COMMITTEE in acting_roles(user))


def visible_filter(user, model):
    """A Q that keeps the cases of `model` that `user` may read (always inside their office)."""
    if not _staff_of_office(user):
        return Q(pk__in=[])
    scope = Q(office_id=user.office_id)
    committee = Role.COMMITTEE in acting_roles(user)
    general = committee or _general_handler(user)
    if model is Complaint:
        corruption = Q(stream=Stream.CORRUPTION) if sees_corruption(user) else Q(pk__in=[])
        service = Q(stream=Stream.SERVICE) if general else Q(stream=Stream.SERVICE, assignee=user)
        return scope & (corruption | service)
    if general or (model is Question and Role.WEBMASTER in acting_roles(user)):
        return scope
    return scope & Q(assignee=user)


def can_manage(user):
    """Naming handlers and setting deadlines is the administrator's (the office's own role, never an operator)."""
    return _staff_of_office(user) and Role.ADMINISTRATOR in acting_roles(user)


def can_make_summary(user):
    """The MOIT 10 summary counts both streams without showing any case: administrators and named handlers."""
    return _staff_of_office(user) and (bool(named_streams(user)) or Role.ADMINISTRATOR in acting_roles(user))
