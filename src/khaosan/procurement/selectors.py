"""Reads of the procurement records: scoped to the person's office in the back-office, public items outside.

`months_published` is the one answer to "which months have a public สขร.1": the public listing, the
reminder and the ITA page (MOIT5: one link per month, three per quarter) all read it.
"""

import datetime as dt
from dataclasses import dataclass

from django.http import Http404
from django.utils import timezone

from khaosan.catalog.selectors import public_items, with_list_data
from khaosan.org.models import Staff
from khaosan.org.roles import Role, has_role, members
from khaosan.procurement.forms import month_last_day
from khaosan.procurement.models import (
    PROCUREMENT_UNIT,
    SUMMARY_DUE_DAY,
    ProcurementPlan,
    ProcurementQuarter,
    ProcurementSummary,
)
from khaosan.thai.dates import fiscal_quarter, fiscal_year, fiscal_year_bounds, period_of

SUMMARY_TOPIC = "procurement-summary"
PLAN_TOPIC = "procurement-plan"
PROGRESS_TOPIC = "procurement-progress"
NIL_MARK = "ไม่มีการจัดซื้อจัดจ้าง"


def can_manage(user, office=None):
    """Staff of the procurement unit (งานพัสดุ) and the web masters of the office enter and send these records."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or user.office_id is None:
        return False
    if office is not None and user.office_id != office.pk:
        return False
    unit_code = user.unit.code if user.unit_id else ""
    return unit_code == PROCUREMENT_UNIT or has_role(user, Role.WEBMASTER)


def procurement_people(office):
    """Who is told about a missing summary or a plan falling due: the procurement unit and the web masters."""
    people = {p.pk: p for p in Staff.objects.filter(office=office, unit__code=PROCUREMENT_UNIT, is_active=True)}
    people.update({p.pk: p for p in members(office, Role.WEBMASTER)})
    return list(people.values())


def fiscal_months(fy):
    """The first days of the twelve months of fiscal year `fy`, October first."""
    start, _ = fiscal_year_bounds(fy)
    return [dt.date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1) for i in range(12)]


def month_of(value):
    return value.replace(day=1)


def previous_month(day):
    return month_of(month_of(day) - dt.timedelta(days=1))


def due_on(month):
    """The day a month's summary is due: the 10th of the next month (OIC notification, standard.yaml)."""
    return month_last_day(month) + dt.timedelta(days=SUMMARY_DUE_DAY)


# ------------------------------------------------------------------------------------------- back-office


def summaries_for(user, fiscal_year_be):
    """{month: ProcurementSummary} of the person's office for a fiscal year (empty when they may not see them)."""
    if not can_manage(user):
        return {}
    from django.db.models import Count, Sum

    start, end = fiscal_year_bounds(fiscal_year_be)
    rows = (
        ProcurementSummary.objects.filter(office_id=user.office_id, month__range=(start, end))
        .select_related("pub_request__item").annotate(entry_count=Count("entries"), total=Sum("entries__agreed_price"))
    )  # fmt: skip
    return {row.month: row for row in rows}


def summary_get_for(*, user, month):
    """The office's summary of `month` with its rows and bidders, or None when nothing was entered yet."""
    if not can_manage(user):
        raise Http404
    return (
        ProcurementSummary.objects.filter(office_id=user.office_id, month=month)
        .select_related("pub_request__item", "pub_request__requester", "updated_by")
        .prefetch_related("entries__bids")
        .first()
    )


def plan_get_for(*, user, fiscal_year_be):
    if not can_manage(user):
        raise Http404
    return (
        ProcurementPlan.objects.filter(office_id=user.office_id, fiscal_year=fiscal_year_be)
        .select_related("office", "pub_request__item")
        .first()
    )


def quarter_get_for(*, user, fiscal_year_be, quarter):
    plan = plan_get_for(user=user, fiscal_year_be=fiscal_year_be)
    if plan is None or quarter not in (1, 2, 3, 4):
        raise Http404
    found = plan.quarters.select_related("pub_request__item").filter(quarter=quarter).first()
    return plan, found


# ------------------------------------------------------------------------------------------- public


def _item_month(item):
    """The month a public สขร.1 reports: its data period, else the month before it was published."""
    anchor = item.data_to or item.data_from
    if anchor:
        return period_of("month", anchor).start
    return previous_month(timezone.localdate(item.publish_at))


def months_published(office, fiscal_year_be, *, at=None):
    """{first day of month: newest public item} for the months of `fiscal_year_be` with a public สขร.1.

    Every public item of the topic counts, however it was published (through this app or uploaded by
    hand), so the ITA page's "one link per month, three per quarter" (MOIT5) matches the public site.
    """
    start, end = fiscal_year_bounds(fiscal_year_be)
    items = (
        public_items(office, at=at)
        .filter(topic__code=SUMMARY_TOPIC, fiscal_year__in=[fiscal_year_be, fiscal_year_be + 1])
        .order_by("publish_at", "pk")
    )
    result = {}
    for item in with_list_data(items):
        month = _item_month(item)
        if start <= month <= end:
            result[month] = item  # newer items replace older ones of the same month
    return result


@dataclass
class MonthRow:
    """One line of the public list: a month, and its item or why there is none."""

    number: int
    month: dt.date
    item: object = None
    nil: bool = False
    due: dt.date = None
    overdue: bool = False

    @property
    def quarter(self):
        return fiscal_quarter(self.month)


def public_months(office, fiscal_year_be, *, today=None):
    """The months of a fiscal year that have begun, oldest first, each with its public สขร.1 if any."""
    today = today or timezone.localdate()
    published = months_published(office, fiscal_year_be)
    nil_items = set(
        ProcurementSummary.objects.filter(
            office=office, nil=True, pub_request__item__in=[i.pk for i in published.values()]
        ).values_list("pub_request__item_id", flat=True)
    )
    rows = []
    for month in fiscal_months(fiscal_year_be):
        if month > today:
            break
        item = published.get(month)
        nil = item is not None and (item.pk in nil_items or NIL_MARK in item.title or NIL_MARK in item.summary)
        rows.append(MonthRow(number=len(rows) + 1, month=month, item=item, nil=nil, due=due_on(month),
                             overdue=item is None and today > due_on(month)))  # fmt: skip
    return rows


def quarter_counts(rows):
    """[(quarter, months with a public summary, months begun)] for MOIT5's three links a quarter."""
    counts = {}
    for row in rows:
        done, begun = counts.get(row.quarter, (0, 0))
        counts[row.quarter] = (done + (row.item is not None), begun + 1)
    return [(quarter, done, begun) for quarter, (done, begun) in sorted(counts.items())]


def summary_years(office):
    """Fiscal years with a public สขร.1, and the current one, newest first."""
    years = set(
        public_items(office).filter(topic__code=SUMMARY_TOPIC).exclude(fiscal_year=None)
        .values_list("fiscal_year", flat=True)
    )  # fmt: skip
    years.add(fiscal_year(timezone.localdate()))
    return sorted(years, reverse=True)


def plan_item(office, fiscal_year_be):
    """The newest public item of the procurement-plan topic for a fiscal year (however it was published)."""
    return (
        public_items(office).filter(topic__code=PLAN_TOPIC, fiscal_year=fiscal_year_be).order_by("-publish_at", "-pk")
        .first()
    )  # fmt: skip


@dataclass
class PlanStatus:
    """MOIT4(1): the allocation date, the deadline, when the plan was published, and whether in time."""

    plan: ProcurementPlan
    deadline: dt.date
    published_on: dt.date | None
    item: object

    @property
    def on_time(self):
        return self.published_on is not None and self.published_on <= self.deadline

    def late(self, today=None):
        today = today or timezone.localdate()
        return (self.published_on or today) > self.deadline


def plan_status(plan):
    item = plan.item or plan_item(plan.office, plan.fiscal_year)
    published_on = plan.published_on or (timezone.localdate(item.publish_at) if item else None)
    return PlanStatus(plan=plan, deadline=plan.deadline, published_on=published_on, item=item)


def quarters_of(plan):
    return {q.quarter: q for q in ProcurementQuarter.objects.filter(plan=plan).select_related("pub_request__item")}


def quarter_entry_totals(office, fiscal_year_be, quarter):
    """What the office's สขร.1 rows of a quarter add up to, by kind of budget: {kind: (count, amount)}.

    Offered as the quarter's "actual" figures, so the progress report agrees with the monthly summaries.
    """
    from django.db.models import Count, Sum

    from khaosan.procurement.models import ProcurementEntry
    from khaosan.thai.dates import quarter_bounds

    first, last = quarter_bounds(fiscal_year_be, quarter)
    rows = (
        ProcurementEntry.objects.filter(summary__office=office, summary__month__range=(first, last))
        .values("budget_kind").annotate(count=Count("pk"), amount=Sum("agreed_price"))
    )  # fmt: skip
    return {row["budget_kind"]: (row["count"], row["amount"]) for row in rows}
