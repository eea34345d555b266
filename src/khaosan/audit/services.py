"""Writing the audit trail. Call inside the transaction of the change it records."""

from khaosan.audit.models import AuditEvent


def record(actor, action, obj=None, *, office=None, address=None, system=None, **changes):
    """Add one audit row. `actor` is a user, or None with `system` naming the job that acted."""
    if actor is not None and getattr(actor, "is_authenticated", False):
        label = actor.get_username()
    else:
        actor = None
        label = f"system:{system}" if system else "anonymous"
    if office is None and obj is not None:
        office = getattr(obj, "office", None)
    return AuditEvent.objects.create(
        office=office,
        actor=actor,
        actor_label=label,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:300] if obj is not None else "",
        changes=_jsonable(changes),
        address=address,
    )


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)
