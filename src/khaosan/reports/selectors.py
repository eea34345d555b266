"""Reads of training records and performance reports, always inside the reader's own office.

A member of staff sees their own training records; the roles that read the whole office (permissions.SEES_ALL)
see every record of it. Another office's record is never found (404), whoever asks.
"""

from django.db.models import Q
from django.http import Http404

from khaosan.params import positive_int
from khaosan.reports import facts as report_facts
from khaosan.reports.models import PerformanceReport, Training, TrainingKind, TrainingTopic
from khaosan.reports.periods import FIRST_FISCAL_YEAR, fiscal_year_period
from khaosan.reports.permissions import sees_all
from khaosan.thai.dates import current_fiscal_year


def trainings_visible_to(user):
    if not getattr(user, "is_authenticated", False) or user.office_id is None:
        return Training.objects.none()
    queryset = Training.objects.filter(office_id=user.office_id)
    if not sees_all(user):
        queryset = queryset.filter(person=user)
    return queryset.select_related("person", "unit")


def my_trainings(user):
    return trainings_visible_to(user).filter(person=user)


def training_get_for(*, user, training_id):
    """Return the record if `user` may see it (their own, or their office's for SEES_ALL roles), else 404."""
    training = trainings_visible_to(user).filter(pk=training_id).first()
    if training is None:
        raise Http404
    return training


def training_filter(queryset, params):
    """Narrow a list by the filters of the unit/year list; values that name nothing are ignored."""
    fy = positive_int(params.get("fy"))
    if fy is not None and FIRST_FISCAL_YEAR <= fy <= current_fiscal_year() + 1:
        period = fiscal_year_period(fy)
        queryset = queryset.filter(starts_on__gte=period.start, starts_on__lte=period.end)
    unit = positive_int(params.get("unit"))
    if unit is not None:
        queryset = queryset.filter(unit_id=unit)
    person = positive_int(params.get("person"))
    if person is not None:
        queryset = queryset.filter(person_id=person)
    kind = params.get("kind", "")
    if kind in TrainingKind.values:
        queryset = queryset.filter(kind=kind)
    topic = params.get("topic", "")
    if topic == TrainingTopic.WEBSITE:
        queryset = queryset.filter(on_website=True)
    elif topic == TrainingTopic.CYBER_SECURITY:
        queryset = queryset.filter(on_cyber_security=True)
    query = (params.get("q") or "").strip()[:100]
    if query:
        queryset = queryset.filter(
            Q(title__icontains=query) | Q(organiser__icontains=query) | Q(person__first_name__icontains=query)
            | Q(person__last_name__icontains=query)
        )  # fmt: skip
    return queryset


def report_for(office, period):
    """The prepared report of `office` for `period`, or None when nobody has prepared one yet."""
    return (
        PerformanceReport.objects.filter(office=office, period_kind=period.kind, period_start=period.start)
        .select_related("prepared_by", "acknowledged_by")
        .first()
    )


def report_facts_for(office, period, report=None, *, now=None):
    """The facts to show: as frozen when the head acknowledged, else drawn from the records now."""
    if report is not None and report.facts is not None:
        return report.facts
    return report_facts.draw(office, period, now=now)


def reports_of(office):
    """{(kind, start): report} of every prepared report of `office`, for the index of periods."""
    return {(r.period_kind, r.period_start): r for r in PerformanceReport.objects.filter(office=office)}
