"""Who may do what with training records and the performance report: one place for every screen and command.

- Every member of staff records and edits their own trainings; administrators and web masters record
  and edit anyone's in their office (they keep the office's S-3.5 evidence).
- The people who read the whole office's records (web masters, committee, administrator, reviewer,
  approver) see every training and the report.
- Web masters and administrators prepare the report (they write section 6); only the approver — the head
  of the office, or the person the approver role is delegated to for the day — acknowledges it.
"""

from khaosan.errors import NotAllowed
from khaosan.org.roles import Role, acting_roles

RECORDS_FOR_ANYONE = {Role.ADMINISTRATOR, Role.WEBMASTER}
SEES_ALL = {Role.WEBMASTER, Role.COMMITTEE, Role.ADMINISTRATOR, Role.REVIEWER, Role.APPROVER}
PREPARES = {Role.WEBMASTER, Role.ADMINISTRATOR}


class TrainingNotAllowed(NotAllowed):
    """The person may not record or change this training record."""


class ReportNotAllowed(NotAllowed):
    """The person may not prepare or acknowledge this report, or not now."""


def _roles(user):
    return acting_roles(user) if getattr(user, "is_authenticated", False) and user.office_id else frozenset()


def records_for_anyone(user):
    return bool(_roles(user) & {str(r) for r in RECORDS_FOR_ANYONE})


def sees_all(user):
    return bool(_roles(user) & {str(r) for r in SEES_ALL})


def can_edit_training(user, training):
    if not getattr(user, "is_authenticated", False) or user.office_id != training.office_id:
        return False
    return training.person_id == user.pk or records_for_anyone(user)


def can_see_report(user):
    return sees_all(user)


def can_prepare_report(user):
    return bool(_roles(user) & {str(r) for r in PREPARES})


def can_acknowledge_report(user):
    return Role.APPROVER in _roles(user)
