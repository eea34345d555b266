"""The facts of the performance report (S-5, MOIT1 2.1–2.3), drawn from the office's own records.

Nothing here is typed by a person. The seed's section 5 says what the report shows, and each part of
the facts answers one of its sentences:

1. who was appointed to run the website (web masters, the head of the website group, the committee),
   with the date of the appointment as the audit trail recorded it;
2. that content was kept correct and current: items taken down at their expiry and withdrawn, the
   completeness score at the start and the end of the period, the time from approval to publication;
3. that content was screened before publication: the requests, their decisions, refusals and returns
   with their reasons, the personal-data checks;

and, beside them, visitor statistics and the trainings of S-3.5.

The result is plain JSON (dates as ISO text, labels in Thai): it is what `PerformanceReport.facts`
keeps when the head acknowledges the report, so a signed report reads the same years later.
"""

import datetime as dt
import math
import statistics
from collections import Counter

from django.db.models import F, Min, Q, Sum
from django.utils import timezone, translation

from khaosan.audit.models import AuditCode, AuditEvent
from khaosan.catalog.models import Item
from khaosan.compliance.models import ComplianceSnapshot, Reminder
from khaosan.org.models import Staff
from khaosan.org.roles import Role
from khaosan.public.models import DailyVisits
from khaosan.reports.models import Training, TrainingKind
from khaosan.reports.periods import bounds, period_slug
from khaosan.thai.calendar import office_closures, working_days_between
from khaosan.thai.dates import MONTHS_TH
from khaosan.workflow.models import Action, Channel, Decision, PublicationRequest, State, Verdict

FACTS_VERSION = 1
# S-G.1, S-3.1: the people the head of the office appoints to run the website, and the committee.
APPOINTED_ROLES = (Role.WEBMASTER, Role.REVIEWER, Role.COMMITTEE)
MIN_WEBMASTERS = 2  # S-3.1: at least two, so that one can stand in for the other
# "90th percentile" by the nearest-rank method: the smallest number of working days within which at
# least 90 % of the requests were published. It is always one of the observed values, so a reader can
# check it against the table of requests.
PERCENTILE = 90
# A takedown recorded more than this long after the expiry instant means the daily job did not run.
RECORDED_PROMPTLY = dt.timedelta(days=1)
ROLE_EVENTS = (AuditCode.STAFF_INVITED, AuditCode.STAFF_CHANGED, AuditCode.STAFF_DEACTIVATED)
TAKEDOWN_KIND = "item.expired"  # compliance.services.item_expiry_record


def _iso(value):
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def _person_name(person):
    return person.get_full_name() or person.get_username()


def nearest_rank(values, percent):
    """The nearest-rank percentile of `values` (None when there are none)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(percent / 100 * len(ordered))) - 1]


def months_of(period):
    """The first day of every month of `period`."""
    months, day = [], period.start.replace(day=1)
    while day <= period.end:
        months.append(day)
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months


def month_label(day):
    return f"{MONTHS_TH[day.month - 1]} {day.year + 543}"


def draw(office, period, *, now=None):
    """Return the facts of `office`'s report for `period` as they stand at `now` (JSON-able dict)."""
    now = now or timezone.now()
    start, end = bounds(period)
    as_of = min(now, end)  # nothing that happened after the period, or after `now`, is counted
    with translation.override("th"):
        facts = {
            "version": FACTS_VERSION,
            "drawn_at": _iso(now),
            "as_of": _iso(as_of),
            "period": {
                "kind": period.kind,
                "start": _iso(period.start),
                "end": _iso(period.end),
                "label": period.label(),
                "slug": period_slug(period),
            },  # fmt: skip
            "office": {
                "name": office.name_th,
                "executive_name": office.executive_name,
                "executive_position": office.executive_position,
            },  # fmt: skip
            "deadline_days": office.publish_deadline_days,
            "chain": [str(Role(code).label) for code in office.chain if code in Role.values],
            "appointments": _appointments(office, as_of),
            "requests": _requests(office, period, start, as_of),
            "decisions": _decisions(office, start, as_of),
            "publishing": _publishing(office, start, as_of),
            "takedowns": _takedowns(office, start, as_of),
            "completeness": _completeness(office, period, as_of),
            "visitors": _visitors(office, period),
            "trainings": _trainings(office, period),
        }
    return facts


# 1. Appointments -----------------------------------------------------------------------------------


def _role_events(office):
    """{person id: [(time, roles before, roles after, active)]} from the audit trail, oldest first.

    roles are None when the event did not touch them, active is None when it did not change it.
    """
    by_person = {}
    events = AuditEvent.objects.filter(office=office, object_type="org.staff", action__in=ROLE_EVENTS)
    for event in events.order_by("created_at", "seq").only("object_id", "action", "changes", "created_at"):
        changes = event.changes or {}
        before = after = active = None
        if event.action == AuditCode.STAFF_INVITED:
            before, after, active = set(), set(changes.get("roles", [])), True
        elif event.action == AuditCode.STAFF_DEACTIVATED:
            active = False
        else:
            inner = changes.get("changes") or {}
            if "roles" in inner:
                before, after = set(inner["roles"][0]), set(inner["roles"][1])
            if "active" in changes:
                active = bool(changes["active"])
        try:
            key = int(event.object_id)
        except ValueError:
            continue
        by_person.setdefault(key, []).append((event.created_at, before, after, active))
    return by_person


def _state_at(events, at, *, now_value, pick):
    """What `pick` (roles or active) was at `at`: the last event up to then, else what the next one changed from."""
    known = [e for e in events if pick(e)[1] is not None]
    done = [e for e in known if e[0] <= at]
    if done:
        return pick(done[-1])[1]
    if known:
        return pick(known[0])[0]
    return now_value


def _appointments(office, at):
    """Who held each appointed role at `at`, and since when the trail shows it ("before" its first row)."""
    first = AuditEvent.objects.filter(office=office).aggregate(first=Min("created_at"))["first"]
    events = _role_events(office)
    rows = []
    people = Staff.objects.filter(office=office).select_related("unit").prefetch_related("groups")
    for person in people.order_by("first_name", "last_name", "pk"):
        history = events.get(person.pk, [])
        invited = [e for e in history if e[1] == set() and e[3] is True]
        if (invited and invited[0][0] > at) or (not invited and person.date_joined > at):
            continue  # not yet on the staff at `at`
        current_roles = {g.name for g in person.groups.all()} & set(Role.values)
        roles = _state_at(history, at, now_value=current_roles,
                          pick=lambda e: (e[1], e[2]))  # fmt: skip
        active = _state_at(history, at, now_value=person.is_active,
                           pick=lambda e: (None if e[3] is None else not e[3], e[3]))  # fmt: skip
        if not active:
            continue
        for role in APPOINTED_ROLES:
            if role not in roles:
                continue
            grants = [e for e in history if e[0] <= at and e[2] is not None and role in e[2] and role not in e[1]]
            rows.append({
                "role": role.value, "role_label": str(role.label), "name": _person_name(person),
                "position": person.position, "unit": person.unit.name_th if person.unit_id else "",
                "appointed_on": _iso(timezone.localdate(grants[-1][0])) if grants else None,
                "before": None if grants or first is None else _iso(timezone.localdate(first)),
            })  # fmt: skip
    order = {role.value: index for index, role in enumerate(APPOINTED_ROLES)}
    rows.sort(key=lambda r: order[r["role"]])
    webmasters = sum(1 for r in rows if r["role"] == Role.WEBMASTER)
    return {"rows": rows, "webmasters": webmasters, "webmasters_enough": webmasters >= MIN_WEBMASTERS,
            "trail_starts": _iso(timezone.localdate(first)) if first else None}  # fmt: skip


# 3. Requests and their decisions ------------------------------------------------------------------


# Outcomes from the furthest along; a request's outcome is its state when the facts are drawn.
OUTCOME_ORDER = (State.PUBLISHED, State.APPROVED, State.IN_REVIEW, State.RETURNED, State.REFUSED, State.CANCELLED)


def _counted(counter, order=None):
    """[[label, n], …]: in `order` (every label, zeros too) or by count, most first."""
    if order is not None:
        return [[label, counter.get(label, 0)] for label in order]
    return [[label, n] for label, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def _requests(office, period, start, end):
    """Requests submitted in the period: by channel, unit, category, outcome and month."""
    rows = list(
        PublicationRequest.objects.filter(office=office, submitted_at__gte=start, submitted_at__lt=end).values(
            "channel",
            "state",
            "action",
            "submitted_at",
            "requester_unit__name_th",
            "topic__category__number",
            "topic__category__name_th",
        )  # fmt: skip
    )
    channel_labels = dict(Channel.choices)
    state_labels = dict(State.choices)
    no_topic = "ไม่ได้ระบุหัวข้อ"
    by_channel = Counter(str(channel_labels[r["channel"]]) for r in rows)
    by_unit = Counter(r["requester_unit__name_th"] for r in rows)
    by_category = Counter(
        f"{r['topic__category__number']} {r['topic__category__name_th']}" if r["topic__category__number"] else no_topic
        for r in rows
    )
    by_outcome = Counter(str(state_labels[r["state"]]) for r in rows)
    outcome_labels = [str(state_labels[state]) for state in OUTCOME_ORDER]
    by_action = Counter(str(dict(Action.choices)[r["action"]]) for r in rows)
    by_month = Counter(timezone.localtime(r["submitted_at"]).date().replace(day=1) for r in rows)
    return {
        "total": len(rows),
        "by_channel": _counted(by_channel, [str(label) for label in channel_labels.values()]),
        "by_unit": _counted(by_unit),
        "by_category": _counted(by_category),
        "by_outcome": _counted(by_outcome, [label for label in outcome_labels if by_outcome.get(label)]),
        "by_action": _counted(by_action),
        "per_month": [[_iso(month), month_label(month), by_month.get(month, 0)] for month in months_of(period)],
    }


def _decisions(office, start, end):
    """Refusals and returns decided in the period, each with its reason (S-G.5)."""
    decisions = (
        Decision.objects.filter(
            pub_request__office=office,
            decided_at__gte=start,
            decided_at__lt=end,
            verdict__in=[Verdict.REFUSE, Verdict.RETURN],
        )  # fmt: skip
        .select_related("pub_request__requester_unit")
        .order_by("decided_at", "pk")
    )
    rows, reasons = [], Counter()
    for decision in decisions:
        pub_request = decision.pub_request
        reason_label = decision.get_reason_code_display() if decision.reason_code else "ไม่ได้ระบุ"
        reasons[str(reason_label)] += 1
        rows.append({
            "reference": pub_request.reference, "title": pub_request.title,
            "unit": pub_request.requester_unit.name_th, "verdict": decision.verdict,
            "verdict_label": str(decision.get_verdict_display()),
            "role_label": str(Role(decision.role).label) if decision.role in Role.values else decision.role,
            "decided_by": decision.actor_name, "reason": decision.reason_text, "decided_at": _iso(decision.decided_at),
        })  # fmt: skip
    return {
        "refused": sum(1 for r in rows if r["verdict"] == Verdict.REFUSE),
        "returned": sum(1 for r in rows if r["verdict"] == Verdict.RETURN),
        "by_reason": _counted(reasons),
        "rows": rows,
    }


# 2. Publishing on time, takedowns, completeness ---------------------------------------------------------


def _publishing(office, start, end):
    """Working days from the final approval to publication, for requests carried out in the period (S-2.3)."""
    closures = office_closures(office)
    done = (
        PublicationRequest.objects.filter(
            office=office, published_at__gte=start, published_at__lt=end, approved_at__isnull=False
        )  # fmt: skip
        .select_related("requester_unit")
        .order_by("published_at", "pk")
    )
    rows = []
    for pub_request in done:
        approved_on = timezone.localdate(pub_request.approved_at)
        published_on = timezone.localdate(pub_request.published_at)
        due = pub_request.due_on
        late = working_days_between(due, published_on, closures=closures) if due and published_on > due else 0
        rows.append({
            "reference": pub_request.reference, "title": pub_request.title, "unit": pub_request.requester_unit.name_th,
            "approved_at": _iso(pub_request.approved_at), "published_at": _iso(pub_request.published_at),
            "due_on": _iso(due), "working_days": working_days_between(approved_on, published_on, closures=closures),
            "calendar_days": (published_on - approved_on).days,
            "days_late": late,
            "redaction_checked": bool(pub_request.redaction_note),
        })  # fmt: skip
    days = [r["working_days"] for r in rows]
    # Approved by `end` and not yet carried out at `end` (even if it has been since).
    waiting = PublicationRequest.objects.filter(
        office=office, state__in=[State.APPROVED, State.PUBLISHED], approved_at__lt=end
    ).filter(Q(published_at__isnull=True) | Q(published_at__gte=end))
    today = timezone.localdate(end)
    deadline = office.publish_deadline_days
    buckets = Counter(min(d, deadline + 2) for d in days)  # the last bar: two days or more beyond the deadline
    return {
        "count": len(rows),
        "median": statistics.median(days) if days else None,
        "percentile": PERCENTILE,
        "p90": nearest_rank(days, PERCENTILE),
        "late": sum(1 for r in rows if r["days_late"]),
        "on_time": sum(1 for r in rows if not r["days_late"]),
        "redaction_checked": sum(1 for r in rows if r["redaction_checked"]),
        "waiting": waiting.count(),
        "waiting_late": waiting.filter(due_on__lt=today).count(),
        "distribution": [[n, buckets.get(n, 0)] for n in range(deadline + 3)],
        "rows": rows,
    }


def _takedown_records(items):
    """{item id: when its takedown was recorded} from the send-once registry of housekeeping."""
    wanted = {item.pk: item.expire_at for item in items}
    recorded = {}
    keys = Q()
    for pk in wanted:
        keys |= Q(key__startswith=f"{pk}:")
    if not wanted:
        return recorded
    for reminder in Reminder.objects.filter(kind=TAKEDOWN_KIND).filter(keys):
        pk_text, _, instant = reminder.key.partition(":")
        try:
            pk, expired_at = int(pk_text), dt.datetime.fromisoformat(instant)
        except ValueError:
            continue
        if pk in wanted and expired_at == wanted[pk]:
            recorded[pk] = reminder.sent_at
    return recorded


def _takedowns(office, start, end):
    """Items that left the public site in the period: at their expiry instant, or withdrawn (S-2.4, S-3.2).

    An item leaves the public lists at its expiry instant whether or not any job runs (DESIGN principle 5),
    so every expired item was taken down on time. What can be late is the record of it — the version kept,
    the audit row, the notice to its owner — which the daily job makes; that delay is counted here.
    """
    expired = list(
        Item.objects.filter(office=office, publish_at__isnull=False, expire_at__gte=start, expire_at__lt=end)
        .exclude(status=Item.Status.DRAFT)
        .filter(Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gt=F("expire_at")))
        .select_related("topic")
        .order_by("expire_at", "pk")
    )
    recorded = _takedown_records(expired)
    expired_rows = []
    for item in expired:
        when = recorded.get(item.pk)
        promptly = when is not None and when - item.expire_at <= RECORDED_PROMPTLY
        expired_rows.append({
            "title": item.title, "topic": item.topic.name_th, "expire_at": _iso(item.expire_at),
            "recorded_at": _iso(when), "recorded_promptly": promptly,
        })  # fmt: skip
    withdrawn = list(
        Item.objects.filter(office=office, withdrawn_at__gte=start, withdrawn_at__lt=end)
        .select_related("topic")
        .order_by("withdrawn_at", "pk")
    )
    through = {
        r.target_item_id: r.reference
        for r in PublicationRequest.objects.filter(
            office=office, action=Action.WITHDRAW, state=State.PUBLISHED, target_item__in=withdrawn
        ).order_by("published_at")
    }
    withdrawn_rows = [
        {"title": item.title, "topic": item.topic.name_th, "withdrawn_at": _iso(item.withdrawn_at),
         "reason": item.withdrawn_reason, "request": through.get(item.pk, "")}
        for item in withdrawn
    ]  # fmt: skip
    return {
        "expired": len(expired_rows),
        "recorded": sum(1 for r in expired_rows if r["recorded_at"]),
        "recorded_promptly": sum(1 for r in expired_rows if r["recorded_promptly"]),
        "recorded_later": sum(1 for r in expired_rows if r["recorded_at"] and not r["recorded_promptly"]),
        "unrecorded": sum(1 for r in expired_rows if not r["recorded_at"]),
        "expired_rows": expired_rows,
        "withdrawn": len(withdrawn_rows),
        "withdrawn_by_request": sum(1 for r in withdrawn_rows if r["request"]),
        "withdrawn_rows": withdrawn_rows,
    }


def _completeness(office, period, as_of):
    """The completeness score by day in the period, from the daily snapshots that exist (S-3.3)."""
    last_day = min(period.end, timezone.localdate(as_of))
    series = list(
        ComplianceSnapshot.objects.filter(office=office, date__gte=period.start, date__lte=last_day)
        .order_by("date")
        .values_list("date", "score")
    )
    points = [[_iso(day), float(score)] for day, score in series]
    return {
        "start": {"date": points[0][0], "score": points[0][1]} if points else None,
        "end": {"date": points[-1][0], "score": points[-1][1]} if points else None,
        "days": len(points),
        "series": points,
    }


# Visitors and trainings -------------------------------------------------------------------------------


def _visitors(office, period):
    rows = DailyVisits.objects.filter(office=office, date__gte=period.start, date__lte=period.end)
    totals = rows.aggregate(visitors=Sum("visitors"), page_views=Sum("page_views"))
    per_month = {}
    for day, visitors, views in rows.values_list("date", "visitors", "page_views"):
        month = day.replace(day=1)
        seen = per_month.setdefault(month, [0, 0])
        seen[0] += visitors
        seen[1] += views
    return {
        "visitors": totals["visitors"] or 0,
        "page_views": totals["page_views"] or 0,
        "days": rows.count(),
        "per_month": [[_iso(m), month_label(m), *per_month.get(m, [0, 0])] for m in months_of(period)],
    }


def _hours(value):
    number = float(value)
    return int(number) if number.is_integer() else number


def _trainings(office, period):
    """Trainings and KM sessions that started in the period (S-3.5)."""
    records = (
        Training.objects.filter(office=office, starts_on__gte=period.start, starts_on__lte=period.end)
        .select_related("person", "unit")
        .order_by("starts_on", "pk")
    )
    rows = [
        {"name": _person_name(t.person), "unit": t.unit.name_th if t.unit_id else "", "title": t.title,
         "kind": t.kind, "kind_label": str(t.get_kind_display()), "organiser": t.organiser,
         "starts_on": _iso(t.starts_on), "ends_on": _iso(t.ends_on), "hours": _hours(t.hours),
         "on_website": t.on_website, "on_cyber_security": t.on_cyber_security, "held_by_office": t.held_by_office,
         "certificate": bool(t.certificate_id)}
        for t in records
    ]  # fmt: skip
    return {
        "count": len(rows),
        "people": len({t.person_id for t in records}),
        "hours": _hours(sum((t.hours for t in records), start=0)),
        "on_website": sum(1 for r in rows if r["on_website"]),
        "on_cyber_security": sum(1 for r in rows if r["on_cyber_security"]),
        "km": sum(1 for r in rows if r["kind"] == TrainingKind.KM),
        "rows": rows,
    }
