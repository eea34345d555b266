"""Reads of public participation. Every back-office read is scoped by permissions.visible_filter; a case
`user` may not read answers 404 (a guessed address learns nothing, not even that the case exists)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case as CaseWhen
from django.db.models import IntegerField, Q, Value, When
from django.http import Http404
from django.utils import timezone

from khaosan.catalog.search import mark
from khaosan.participation import permissions
from khaosan.participation.codes import tracking_hash
from khaosan.participation.models import (
    CASE_MODELS,
    OPEN_STATUSES,
    PUBLIC_EVENTS,
    CaseEvent,
    Complaint,
    Feedback,
    Question,
    SatisfactionResponse,
    Status,
    Stream,
    case_type,
)
from khaosan.thai.dates import fiscal_year_bounds, period_of
from khaosan.thai.text import normalize, query_words

# The back-office lists: one per stream of complaints, then feedback and questions.
QUEUES = {
    "service": (Complaint, {"stream": Stream.SERVICE}),
    "corruption": (Complaint, {"stream": Stream.CORRUPTION}),
    "feedback": (Feedback, {}),
    "question": (Question, {}),
}


def cases_visible_to(user, model):
    """The cases of `model` that `user` may read, with what lists show."""
    return model.objects.filter(permissions.visible_filter(user, model)).select_related("assignee", "office")


def queue(user, name, *, show="open"):
    """One back-office list: `show` is open (default), late, closed or all."""
    model, scope = QUEUES[name]
    cases = cases_visible_to(user, model).filter(**scope)
    today = timezone.localdate()
    if show == "open":
        cases = cases.filter(status__in=OPEN_STATUSES)
    elif show == "closed":
        cases = cases.filter(status=Status.CLOSED)
    elif show == "late":
        cases = cases.filter(status__in=OPEN_STATUSES).filter(
            Q(acknowledged_at__isnull=True, acknowledge_due__lt=today)
            | Q(answered_at__isnull=True, answer_due__lt=today)
        )
    return cases.order_by("answer_due", "created_at") if show in ("open", "late") else cases.order_by("-created_at")


def queue_counts(user):
    """How many open cases each list holds for `user` (lists they may not read are left out)."""
    counts = {}
    for name, (model, scope) in QUEUES.items():
        if name == "corruption" and not permissions.sees_corruption(user):
            continue
        counts[name] = cases_visible_to(user, model).filter(status__in=OPEN_STATUSES, **scope).count()
    return counts


def case_get_for(*, user, kind, pk):
    """Return the case if `user` may read it, else 404: another office's, another stream's, or none."""
    model = CASE_MODELS.get(kind)
    if model is None:
        raise Http404
    case = cases_visible_to(user, model).filter(pk=pk).first()
    if case is None:
        raise Http404
    return case


def case_by_code(office, code):
    """The office's case whose tracking code is `code`, or None (also for anything that is not a code)."""
    digest = tracking_hash(code)
    if not digest:
        return None
    for model in CASE_MODELS.values():
        found = model.objects.filter(office=office, tracking_hash=digest).first()
        if found is not None:
            return found
    return None


def case_events(case, *, public=False):
    """A case's timeline, oldest first; the citizen's view keeps only PUBLIC_EVENTS."""
    events = CaseEvent.objects.filter(**{case_type(case): case}).select_related("actor")
    if public:
        events = events.filter(kind__in=PUBLIC_EVENTS)
    return events.order_by("created_at", "pk")


def complaint_file_for(complaint, file_id):
    found = complaint.files.select_related("blob").filter(pk=file_id).first()
    if found is None:
        raise Http404
    return found


# The FAQ --------------------------------------------------------------------------------------------------


def faq_entries(office, *, at=None):
    """Published FAQ entries, newest first."""
    at = at or timezone.now()
    return Question.objects.filter(office=office, published_at__isnull=False, published_at__lte=at).order_by(
        "-published_at", "-pk"
    )


@dataclass
class FaqPage:
    query: str
    words: list
    entries: list


def faq_search(office, query, *, limit=50):
    """Search the FAQ as the site search reads a query: Thai words segmented (PyThaiNLP), all must match.

    The FAQ is small (tens to hundreds of entries), so every word is matched with a substring test over
    question and answer; entries whose question holds a word come first. Matches are marked as in the
    site search (catalog.search.mark).
    """
    query = normalize(query)[:200]
    words = query_words(query) if query else []
    entries = faq_entries(office)
    if words:
        hit_in_question = Q()
        for word in words:
            entries = entries.filter(Q(faq_question__icontains=word) | Q(faq_answer__icontains=word))
            hit_in_question |= Q(faq_question__icontains=word)
        entries = entries.annotate(
            rank=CaseWhen(When(hit_in_question, then=Value(0)), default=Value(1), output_field=IntegerField())
        ).order_by("rank", "-published_at", "-pk")
    found = list(entries[:limit])
    for entry in found:
        entry.question_marked = mark(entry.faq_question, words) if words else entry.faq_question
        entry.answer_marked = mark(entry.faq_answer, words) if words else entry.faq_answer
    return FaqPage(query=query, words=words, entries=found)


# Satisfaction results -------------------------------------------------------------------------------------


@dataclass
class PeriodResult:
    period: object
    count: int
    mean: float | None


@dataclass
class SatisfactionResults:
    fiscal_year: int
    kind: str
    periods: list
    count: int
    mean: float | None
    distribution: list  # [(score, count)] for 5 … 1
    by_service: list  # [(label, count, mean)]


def _mean(scores):
    return round(sum(scores) / len(scores), 2) if scores else None


def satisfaction_results(office, *, fiscal_year, kind="month"):
    """Satisfaction answers of one fiscal year by month or quarter: how many, the mean score, the spread."""
    first, last = fiscal_year_bounds(fiscal_year)
    start = timezone.make_aware(dt.datetime.combine(first, dt.time.min))
    after = timezone.make_aware(dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min))
    rows = list(
        SatisfactionResponse.objects.filter(office=office, created_at__gte=start, created_at__lt=after).values_list(
            "created_at", "score", "service")
    )  # fmt: skip
    periods, day = [], first
    while day <= last:
        periods.append(period_of(kind, day))
        day = periods[-1].end + dt.timedelta(days=1)
    by_period = {p: [] for p in periods}
    for created_at, score, _service in rows:
        by_period[period_of(kind, timezone.localdate(created_at))].append(score)
    scores = [score for _at, score, _service in rows]
    services = []
    for value, label in SatisfactionResponse.Service.choices:
        chosen = [score for _at, score, service in rows if service == value]
        if chosen:
            services.append((label, len(chosen), _mean(chosen)))
    return SatisfactionResults(
        fiscal_year=fiscal_year, kind=kind,
        periods=[PeriodResult(period=p, count=len(s), mean=_mean(s)) for p, s in by_period.items()],
        count=len(scores), mean=_mean(scores),
        distribution=[(n, scores.count(n)) for n in range(5, 0, -1)], by_service=services,
    )  # fmt: skip


def satisfaction_years(office):
    """Fiscal years that have answers, newest first, always including the current one."""
    from khaosan.thai.dates import current_fiscal_year, fiscal_year

    dates = SatisfactionResponse.objects.filter(office=office).dates("created_at", "month")
    years = {fiscal_year(d) for d in dates} | {current_fiscal_year()}
    return sorted(years, reverse=True)
