"""Writes of the platform operators in Django's admin: an office's particulars and its units.

What an operator changes here is what the office shows the public and where it is served. The approval
chain, the publishing deadline and the closures belong to the office's own administrator and are changed
in the back-office (backoffice/manage.py). Every change leaves an audit row.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from khaosan.audit.models import AuditCode
from khaosan.audit.services import record
from khaosan.org.middleware import forget_offices
from khaosan.org.models import Office, Unit
from khaosan.org.roles import is_operator

# Settings an office's administrator owns (back-office settings screen); an operator leaves them alone.
OFFICE_OWN_SETTINGS = ("approval_chain", "publish_deadline_days", "changes_need_approval")


class OperatorRequired(PermissionDenied):
    """Only a platform operator (a superuser with no office) changes offices and units here."""


def ensure_operator(actor):
    if not is_operator(actor):
        raise OperatorRequired(getattr(actor, "pk", None))


def _values(obj, fields):
    return {name: str(getattr(obj, name)) for name in fields}


@transaction.atomic
def office_update(*, office, actor, fields):
    """Save the `fields` an operator changed on `office`; the host cache forgets it once committed."""
    ensure_operator(actor)
    fields = sorted(fields)
    if set(fields) & set(OFFICE_OWN_SETTINGS):
        raise ValueError(f"the office's administrator owns {OFFICE_OWN_SETTINGS}; not changed from the admin")
    if not fields:
        return office
    before = _values(Office.objects.get(pk=office.pk), fields)
    office.save(update_fields=[*fields, "updated_at"])
    after = _values(office, fields)
    record(actor, AuditCode.OFFICE_CHANGED, office, office=office, via="admin",
           changes={name: [before[name], after[name]] for name in fields})  # fmt: skip
    transaction.on_commit(forget_offices)
    return office


@transaction.atomic
def unit_save(*, unit, actor, fields):
    """Add a unit, or save the `fields` an operator changed on one; recorded under the unit's office."""
    ensure_operator(actor)
    fields = sorted(fields)
    created = unit.pk is None
    before = {} if created else _values(Unit.objects.get(pk=unit.pk), fields)
    unit.save()
    after = _values(unit, fields)
    record(actor, AuditCode.OFFICE_CHANGED, unit, office=unit.office, via="admin", unit=unit.code,
           created=created, changes={name: [before.get(name, ""), after[name]] for name in fields})  # fmt: skip
    return unit
