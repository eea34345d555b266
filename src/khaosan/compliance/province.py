"""The provincial view: every office under one (a province's districts and health centres) and its state.

Read-only, from what each office's daily housekeeping already recorded (its latest completeness snapshot)
and from counts over its requests and items, a fixed handful of queries whatever the number of offices.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.utils import timezone

from khaosan.catalog.models import Item
from khaosan.compliance.models import ComplianceSnapshot, TopicState
from khaosan.org.models import Office
from khaosan.workflow.models import PublicationRequest, State

# The topic states an overseer acts on: the office must publish or refresh something.
NEEDS_ACTION = (TopicState.STALE, TopicState.EXPIRED, TopicState.MISSING)


def offices_under(office):
    """Every office below `office` (children, their children, …), by name; never `office` itself."""
    found, frontier = {}, [office.pk]
    while frontier:
        children = list(Office.objects.filter(parent_id__in=frontier).exclude(pk__in=[office.pk, *found]))
        found.update({child.pk: child for child in children})
        frontier = [child.pk for child in children]
    return sorted(found.values(), key=lambda o: o.name_th)


@dataclass
class OfficeRow:
    office: Office
    snapshot: ComplianceSnapshot | None = None
    live_items: int = 0
    last_published: object = None
    in_review: int = 0
    late: int = 0
    counts: dict = field(default_factory=dict)

    @property
    def needs_action(self):
        return sum(self.counts.get(state, 0) for state in NEEDS_ACTION)

    @property
    def state_counts(self):
        return [(code, label, self.counts.get(code, 0)) for code, label in TopicState.choices]


def overview(offices, *, at=None):
    """One row per office: its latest completeness score, live items, last publication, requests waiting."""
    at = at or timezone.now()
    today = timezone.localdate(at)
    ids = [o.pk for o in offices]
    latest = ComplianceSnapshot.objects.filter(office_id=OuterRef("office_id")).order_by("-date").values("pk")[:1]
    snapshots = {
        s.office_id: s
        for s in ComplianceSnapshot.objects.filter(office_id__in=ids, pk=Subquery(latest)).only(
            "office_id", "date", "score", "counts"
        )
    }
    items = {
        row["office_id"]: row
        for row in Item.objects.filter(office_id__in=ids)
        .visible_at(at)
        .values("office_id")
        .annotate(n=Count("pk"), last=Max("publish_at"))
        .order_by()
    }
    waiting = {
        row["office_id"]: row
        for row in PublicationRequest.objects.filter(office_id__in=ids)
        .values("office_id")
        .annotate(
            in_review=Count("pk", filter=Q(state=State.IN_REVIEW)),
            late=Count("pk", filter=Q(state=State.APPROVED, due_on__lt=today)),
        )
        .order_by()
    }
    rows = []
    for office in offices:
        snapshot = snapshots.get(office.pk)
        item_row, request_row = items.get(office.pk, {}), waiting.get(office.pk, {})
        rows.append(
            OfficeRow(
                office=office,
                snapshot=snapshot,
                counts=dict(snapshot.counts) if snapshot else {},
                live_items=item_row.get("n", 0),
                last_published=item_row.get("last"),
                in_review=request_row.get("in_review", 0),
                late=request_row.get("late", 0),
            )
        )
    return rows
