"""Each topic's state against its refresh rule, and the completeness score (S-2.4, S-3.2, S-3.3).

Computed at query time from what the public site shows at that moment (DESIGN principle 5): a topic is
*current* while the item its rule asks for is public, *expiring* within `expiring_days` of its due date or
of its last item leaving, *stale* (needs updating) past its due date without it, *expired* when everything
it had has left, and *missing* when it never had anything. The rules are data (standard.yaml `currency`),
synced into `Topic.currency` and `StandardRelease.policy`.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from khaosan.catalog.models import Item, StandardRelease, Topic
from khaosan.compliance.models import TopicState
from khaosan.thai.dates import period_after, period_before, period_of, thai_date

DEFAULT_POLICY = {
    "expiring_days": 14,
    "expiry_warnings_days": [14, 3],
    "completeness": {"points": {"current": 1, "expiring": 1, "stale": 0.5, "expired": 0, "missing": 0}},
}
SEVERITY = {state: rank for rank, state in enumerate(TopicState.values)}  # current first, missing last


def policy():
    """The office-wide rules of the standard release in force."""
    release = StandardRelease.objects.order_by("-synced_at", "-pk").only("policy").first()
    return {**DEFAULT_POLICY, **((release.policy if release else None) or {})}


@dataclass
class TopicStatus:
    """One topic of the standard as the office stands on it now."""

    topic: Topic
    state: str
    due_on: dt.date | None = None  # when the next item is due, or was due (stale, missing)
    period: object = None  # the thai.dates.Period the next item should cover, for periodic rules
    latest: Item | None = None  # the newest public item
    count: int = 0  # public items now
    reason: str = ""  # one Thai sentence: why this state
    units: list = field(default_factory=list)  # the office's responsible units

    @property
    def label(self):
        return TopicState(self.state).label

    @property
    def needs_action(self):
        return self.state != TopicState.CURRENT

    @property
    def suggested_title(self):
        """A title for the request that would make this topic current ("request this")."""
        return f"{self.topic.name_th} {self.period.label()}" if self.period else self.topic.name_th


def _anchor_day(item):
    anchor = item["data_to"] or item["data_from"]
    return anchor if anchor else item["publish_day"]


def _item_period(item, rule):
    """The period an item covers: its data period, else its publish date (one period back for reports)."""
    period = period_of(rule["period"], _anchor_day(item))
    if rule.get("covers") == "previous" and not (item["data_to"] or item["data_from"]):
        period = period_before(period)
    return period


def _due(period, rule):
    anchor = period.start if rule.get("covers", "current") == "current" else period.end
    return anchor + dt.timedelta(days=rule.get("due_days", 0))


def _required_period(rule, today):
    """The latest period whose item is already due today."""
    period = period_of(rule["period"], today)
    if rule.get("covers") == "previous":
        period = period_before(period)
    while _due(period, rule) >= today:
        period = period_before(period)
    return period


def _expiry_state(windows, at, expiring_days):
    """The day the last public item leaves, when every one of them leaves within `expiring_days`, else None.

    `windows` holds, per source topic, how many items stay without an end and the last end of the others.
    """
    if not windows or any(w["lasting"] for w in windows):
        return None
    last = max(w["last_expiry"] for w in windows)
    return timezone.localdate(last) if last <= at + dt.timedelta(days=expiring_days) else None


def _status(topic, items, windows, *, ever_public, at, today, expiring_days):
    rule = topic.currency or {}
    latest = max(items, key=lambda i: i["order"]) if items else None
    status = TopicStatus(topic=topic, state=TopicState.CURRENT, count=len(items))
    status.latest = latest
    if not items:
        status.state = TopicState.EXPIRED if ever_public else TopicState.MISSING
        status.reason = (
            _("รายการที่เคยเผยแพร่ครบกำหนดหรือถูกถอนแล้ว ไม่มีรายการที่เผยแพร่อยู่")
            if ever_public
            else _("ยังไม่เคยเผยแพร่รายการในหัวข้อนี้")
        )
        if rule.get("period"):
            status.period = _required_period(rule, today)
            status.due_on = _due(status.period, rule)
        return status

    if rule.get("within_days"):
        status.due_on = latest["publish_day"] + dt.timedelta(days=rule["within_days"])
        if status.due_on < today:
            status.state = TopicState.STALE
            status.reason = _("ไม่มีรายการใหม่ภายใน %(days)d วัน") % {"days": rule["within_days"]}
        elif (status.due_on - today).days <= expiring_days:
            status.state = TopicState.EXPIRING
            status.reason = _("ควรมีรายการใหม่ภายใน %(date)s") % {"date": thai_date(status.due_on)}
        return status

    if rule.get("period"):
        required = _required_period(rule, today)
        upcoming = period_after(required)
        covered = {_item_period(i, rule) for i in items}
        if not any(p >= required for p in covered):
            status.state, status.period, status.due_on = TopicState.STALE, required, _due(required, rule)
            status.reason = _("ยังไม่มีรายการของ%(period)s ซึ่งครบกำหนดเมื่อ %(date)s") % {
                "period": required.label(), "date": thai_date(status.due_on)}  # fmt: skip
            return status
        if upcoming in covered:
            upcoming = period_after(upcoming)
        status.period, status.due_on = upcoming, _due(upcoming, rule)
        if (status.due_on - today).days <= expiring_days:
            status.state = TopicState.EXPIRING
            status.reason = _("ใกล้ครบกำหนดเผยแพร่รายการของ%(period)s (ภายใน %(date)s)") % {
                "period": upcoming.label(), "date": thai_date(status.due_on)}  # fmt: skip
            return status

    leaving = _expiry_state(windows, at, expiring_days)
    if leaving is not None:
        status.state, status.due_on = TopicState.EXPIRING, leaving
        status.reason = _("รายการทั้งหมดของหัวข้อนี้จะถูกนำออกภายใน %(date)s") % {"date": thai_date(leaving)}
    return status


def topic_statuses(office, *, at=None, topics=None):
    """Return a TopicStatus for every live topic of the standard (or `topics`), in the standard's order.

    A constant handful of queries whatever the number of items: the policy, the topics and what they include,
    the public items' dates and, per topic, when they end, the topics that were ever public, the office's units and
    the newest items.
    """
    at = at or timezone.now()
    today = timezone.localdate(at)
    expiring_days = policy()["expiring_days"]
    if topics is None:
        topics = Topic.objects.filter(retired_at__isnull=True).select_related("category")
        topics = topics.filter(category__retired_at__isnull=True).prefetch_related("includes")
    topics = list(topics)
    sources = {t.pk: {t.pk} | {i.pk for i in t.includes.all()} for t in topics}
    wanted = set().union(*sources.values()) if sources else set()

    public = Item.objects.filter(office=office, topic_id__in=wanted).visible_at(at)
    # The office's day of publication, not the instant: a province's office holds thousands of public items,
    # and a date costs far less to read than a timestamp with its zone. The rows come oldest first, so an
    # item's "order" says which is the newest.
    by_topic = {}
    rows = (public.order_by("publish_at", "pk").annotate(publish_day=TruncDate("publish_at"))
            .values("pk", "topic_id", "publish_day", "data_from", "data_to"))  # fmt: skip
    for order, row in enumerate(rows):
        row["order"] = order
        by_topic.setdefault(row["topic_id"], []).append(row)
    windows = {
        row["topic_id"]: row
        for row in public.order_by().values("topic_id").annotate(
            lasting=Count("pk", filter=Q(expire_at__isnull=True)), last_expiry=Max("expire_at"))
    }  # fmt: skip
    ever = set(
        Item.objects.filter(office=office, topic_id__in=wanted, publish_at__lte=at)
        .filter(Q(status=Item.Status.PUBLISHED) | Q(status=Item.Status.WITHDRAWN))
        .order_by()  # DISTINCT over the topic alone, not the default ordering's columns too
        .values_list("topic_id", flat=True)
        .distinct()
    )
    units = {u.code: u for u in office.units.filter(is_active=True)}

    statuses = []
    for topic in topics:
        items = [row for source in sources[topic.pk] for row in by_topic.get(source, [])]
        topic_windows = [windows[source] for source in sources[topic.pk] if source in windows]
        status = _status(topic, items, topic_windows, ever_public=bool(sources[topic.pk] & ever), at=at,
                         today=today, expiring_days=expiring_days)  # fmt: skip
        status.units = [units[code] for code in topic.responsible if code in units]
        statuses.append(status)
    _attach_latest_items(statuses)
    return statuses


def _attach_latest_items(statuses):
    """Turn each status's newest row into its Item (one query), for the title and link on the dashboard."""
    ids = [s.latest["pk"] for s in statuses if s.latest]
    items = Item.objects.in_bulk(ids)
    for status in statuses:
        if status.latest:
            status.latest = items.get(status.latest["pk"])


@dataclass
class Completeness:
    score: float  # 0 … 100, one decimal
    counts: dict  # state -> number of counted topics
    counted: int  # topics that count (required ones)
    points: dict  # state -> points, from the data file
    explanation: str


def completeness(statuses):
    """The completeness score of `statuses` by the rule in the data file (`completeness`)."""
    from django.utils.translation import get_language

    rule = policy()["completeness"]
    points = rule.get("points") or DEFAULT_POLICY["completeness"]["points"]
    counted = [s for s in statuses if s.topic.required] if rule.get("counted", "required") == "required" else statuses
    counts = {state: 0 for state in TopicState.values}
    for status in counted:
        counts[status.state] += 1
    total = sum(points.get(status.state, 0) for status in counted)
    score = round(100 * total / len(counted), 1) if counted else 100.0
    english = (get_language() or "th").startswith("en")
    explanation = (rule.get("explanation_en") if english else "") or rule.get("explanation_th", "")
    return Completeness(score=score, counts=counts, counted=len(counted), points=points, explanation=explanation)


def worst_first(statuses):
    """The statuses that need action, worst state first, then by due date."""
    far = dt.date.max
    return sorted(
        (s for s in statuses if s.needs_action),
        key=lambda s: (-SEVERITY[s.state], s.due_on or far, s.topic.category.order, s.topic.order),
    )
