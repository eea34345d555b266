"""Writing the audit trail, checking its chain, and the daily housekeeping job.

`record()` is called inside the transaction of the change it records. The row is chained in
`AuditEvent.save()`, inside that same transaction: if the caller rolls back, the row and the advance of
the chain head are rolled back together, and the chain stays whole (LOG-7, LOG-13).
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from khaosan.audit import chain
from khaosan.audit.models import AUDIT_CHAIN, AuditCode, AuditEvent, ChainHead, Heartbeat, verification_save

logger = logging.getLogger("khaosan.audit")

# The daily job (`./khaosan manage housekeeping`, run by a timer). Each entry is (name, callable path);
# the callable takes `now=` and returns a JSON-able summary. Add later jobs here, in the order they run:
# each job runs even when an earlier one failed, and each has its own heartbeat.
HOUSEKEEPING_JOBS = [
    ("traffic.seal", "khaosan.audit.traffic.housekeeping_seal"),
    ("traffic.purge", "khaosan.audit.traffic.housekeeping_purge"),
    ("files.orphans", "khaosan.catalog.storage.housekeeping_orphans"),
    ("compliance.expiry", "khaosan.compliance.services.housekeeping_expiry"),
    ("compliance.deadlines", "khaosan.compliance.services.housekeeping_deadlines"),
    ("compliance.snapshot", "khaosan.compliance.services.housekeeping_snapshot"),
    ("compliance.links", "khaosan.compliance.checks.housekeeping_links"),
    ("search.file_texts", "khaosan.catalog.filetext.housekeeping_file_texts"),
    ("eservice.reminders", "khaosan.eservice.services.housekeeping_reminders"),
    ("procurement.reminders", "khaosan.procurement.services.housekeeping_reminders"),
    ("participation.deadlines", "khaosan.participation.services.housekeeping_deadlines"),
    ("participation.retention", "khaosan.participation.services.housekeeping_retention"),
]
HOUSEKEEPING = "housekeeping"


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


def actor_label(actor=None, *, system=None):
    """Return how `record()` names an actor, for rows that keep the label only."""
    if actor is not None and getattr(actor, "is_authenticated", False):
        return actor.get_username()
    return f"system:{system}" if system else "anonymous"


def ensure_log_reader(actor, *roles):
    """Raise RoleRequired unless `actor` holds one of `roles` or is a platform operator (LOG-8: who reads logs)."""
    from django.utils.translation import gettext as _

    from khaosan.errors import RoleRequired
    from khaosan.org.roles import Role, has_role, is_operator

    if not (has_role(actor, *roles) or is_operator(actor)):
        names = ", ".join(str(Role(role).label) for role in roles)
        raise RoleRequired(_("งานนี้สำหรับ %(roles)s เท่านั้น โปรดติดต่อผู้ดูแลระบบของสำนักงาน") % {"roles": names})


def audit_verify(*, actor_label="system:audit-verify", actor=None):
    """Recompute the audit chain from its first row; keep and return the outcome (LOG-7).

    Finds rows changed in place, removed (a gap in `seq`, a broken link, or fewer rows than the head
    counts) and moved (storage order disagreeing with chain order). A person (`actor`) runs it as a
    member of the committee or an administrator; the command line and housekeeping pass only a label.
    """
    if actor is not None:
        from khaosan.org.roles import Role

        ensure_log_reader(actor, Role.COMMITTEE, Role.ADMINISTRATOR)
        actor_label = actor.get_username()
    result = chain.Verification(chain=AUDIT_CHAIN)
    rows = AuditEvent.objects.order_by("seq").iterator(chunk_size=2000)
    count, last_seq, last_hash = chain.walk(
        rows,
        genesis_hash=chain.genesis(AUDIT_CHAIN),
        hash_of=lambda row: row.compute_hash(),
        describe=lambda row: f"audit event id {row.id} ({chain.canonical_time(row.created_at)}, {row.action})",
        problems=result.problems,
    )
    result.records = count
    head = ChainHead.objects.filter(name=AUDIT_CHAIN).first()
    head_seq, head_hash = (head.seq, head.last_hash) if head else (0, "")
    if head is None and count:
        result.problems.append("the audit chain head is missing")
    elif (head_seq, head_hash or chain.genesis(AUDIT_CHAIN)) != (last_seq, last_hash):
        result.problems.append(
            f"the chain head says the newest row is seq {head_seq}, the trail ends at seq {last_seq}"
            " (rows removed from the end, or the head changed)"
        )
    verification_save(result, actor_label=actor_label)
    return result


def heartbeat_start(*, job, now=None):
    """Mark a job as started (a job that starts and never finishes shows as stuck)."""
    now = now or timezone.now()
    beat, _ = Heartbeat.objects.get_or_create(job=job)
    beat.last_started_at = now
    beat.runs += 1
    beat.save(update_fields=["last_started_at", "runs"])
    return beat


def heartbeat_finish(*, job, ok, summary, now=None):
    """Mark a job as finished, with whether it succeeded and what it did."""
    Heartbeat.objects.update_or_create(
        job=job, defaults={"last_finished_at": now or timezone.now(), "last_ok": ok, "summary": summary}
    )


def heartbeats():
    """Return every job's last run, for the back-office."""
    return list(Heartbeat.objects.all())


def housekeeping_run(*, now=None):
    """Run every housekeeping job once; idempotent, so a timer may run it as often as it likes.

    Returns (ok, {job: summary}). A failing job is logged and reported; the others still run.
    """
    now = now or timezone.now()
    heartbeat_start(job=HOUSEKEEPING, now=now)
    results, ok = {}, True
    for name, path in HOUSEKEEPING_JOBS:
        heartbeat_start(job=name, now=now)
        try:
            summary = import_string(path)(now=now)
            job_ok = True
        except Exception as error:  # one job's failure must not stop the others
            logger.exception("housekeeping job %s failed", name)
            summary, job_ok = {"error": type(error).__name__}, False
        ok = ok and job_ok
        heartbeat_finish(job=name, ok=job_ok, summary=summary)
        results[name] = summary
    with transaction.atomic():
        record(None, AuditCode.HOUSEKEEPING_RAN, system=HOUSEKEEPING, ok=ok, jobs=results)
        heartbeat_finish(job=HOUSEKEEPING, ok=ok, summary=results)
    return ok, results


def cli_actor(username=None, *, job):
    """Return (actor, system) for a command run by an operator: the named staff account, else the OS user.

    LOG-9 asks to know who did it; a command-line run without --actor is at least tied to the login.
    """
    if username:
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise LookupError(f"no active account named {username!r}")
        return user, None
    import getpass

    try:
        login = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in the environment nor a password entry
        login = "unknown"
    return None, f"{job}:{login}"
