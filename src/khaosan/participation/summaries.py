"""The MOIT 10 summary of complaints for a quarter, a half-year or a fiscal year: counts only.

The two streams are reported apart (service/conduct, and corruption/misconduct), a period without
complaints says so, and nothing in it can identify a complainant: the numbers are computed from
stream, kind, status, outcome and dates, and the template is given nothing else.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from khaosan.participation.models import STREAM_KINDS, Complaint, Feedback, Outcome, Question, Status, Stream
from khaosan.thai.calendar import is_working_day, office_closures
from khaosan.thai.dates import thai_date


@dataclass
class StreamCounts:
    stream: str
    label: str
    received: int = 0
    closed: int = 0
    open_at_end: int = 0
    closed_on_time: int = 0
    average_days: float | None = None
    longest_days: int | None = None
    by_kind: list = field(default_factory=list)  # [(label, count)] every kind of the stream, zeros included
    by_status: list = field(default_factory=list)  # [(label, count)] where the period's complaints stand now
    by_outcome: list = field(default_factory=list)  # [(label, count)] of the complaints closed in the period


@dataclass
class SummaryCounts:
    period: object
    streams: list
    feedback_received: int = 0
    feedback_closed: int = 0
    questions_received: int = 0
    questions_answered: int = 0
    made_at: dt.datetime | None = None

    @property
    def received_total(self):
        return sum(s.received for s in self.streams)


def _bounds(period):
    start = timezone.make_aware(dt.datetime.combine(period.start, dt.time.min))
    after = timezone.make_aware(dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min))
    return start, after


def _working_days(start, end, closures):
    """Working days after `start` up to and including `end` (both local dates): 0 when closed the same day."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_working_day(day, closures=closures)
    return count


def _stream_counts(office, stream, start, after, closures):
    complaints = Complaint.objects.filter(office=office, stream=stream)
    received = list(complaints.filter(created_at__gte=start, created_at__lt=after).values_list("kind", "status"))
    closed = list(
        complaints.filter(closed_at__gte=start, closed_at__lt=after).values_list(
            "created_at", "closed_at", "answered_at", "answer_due", "outcome")
    )  # fmt: skip
    counts = StreamCounts(stream=stream, label=Stream(stream).label, received=len(received), closed=len(closed))
    counts.open_at_end = complaints.filter(created_at__lt=after).exclude(closed_at__lt=after).count()
    counts.by_kind = [(kind.label, sum(1 for k, _s in received if k == kind)) for kind in STREAM_KINDS[stream]]
    counts.by_status = [(status.label, sum(1 for _k, s in received if s == status)) for status in Status]
    counts.by_outcome = [(outcome.label, sum(1 for *_x, o in closed if o == outcome)) for outcome in Outcome]
    days = []
    for created_at, closed_at, answered_at, answer_due, _outcome in closed:
        days.append(_working_days(timezone.localdate(created_at), timezone.localdate(closed_at), closures))
        counts.closed_on_time += bool(answered_at and timezone.localdate(answered_at) <= answer_due)
    if days:
        counts.average_days = round(sum(days) / len(days), 1)
        counts.longest_days = max(days)
    return counts


def summary_counts(office, period):
    """Count the period's complaints by stream, kind, status, outcome and time to close; feedback and questions too."""
    start, after = _bounds(period)
    closures = office_closures(office)
    in_period = {"office": office, "created_at__gte": start, "created_at__lt": after}
    return SummaryCounts(
        period=period,
        streams=[
            _stream_counts(office, stream, start, after, closures) for stream in (Stream.SERVICE, Stream.CORRUPTION)
        ],
        feedback_received=Feedback.objects.filter(**in_period).count(),
        feedback_closed=Feedback.objects.filter(office=office, closed_at__gte=start, closed_at__lt=after).count(),
        questions_received=Question.objects.filter(**in_period).count(),
        questions_answered=Question.objects.filter(
            office=office, answered_at__gte=start, answered_at__lt=after
        ).count(),
        made_at=timezone.now(),
    )


def summary_sentence(counts):
    """One Thai sentence for the request's summary and the public list."""
    service, corruption = counts.streams
    if not counts.received_total:
        return _("%(period)s ไม่มีเรื่องร้องเรียนการให้บริการและไม่มีเรื่องร้องเรียนการทุจริต") % {
            "period": counts.period.label()}  # fmt: skip
    return _("%(period)s ได้รับเรื่องร้องเรียนการให้บริการหรือการปฏิบัติงานของเจ้าหน้าที่ %(service)d เรื่อง "
             "และเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ %(corruption)d เรื่อง ดำเนินการแล้วเสร็จในรอบนี้ %(closed)d เรื่อง") % {
        "period": counts.period.label(), "service": service.received, "corruption": corruption.received,
        "closed": service.closed + corruption.closed}  # fmt: skip


PDF_CSS = """
.office { text-align: center; margin: 0 0 2pt; }
.period { text-align: center; margin: 0 0 8pt; }
table { font-size: 14pt; margin: 0 0 6pt; }
th { font-weight: 400; }
td.num { text-align: right; width: 22%; white-space: nowrap; }
tr.group th { font-weight: 700; background: #eee; }
h2 { break-after: avoid; padding-top: 6pt; }  /* Thai marks above a heading at the top of a page stay on it */
.none { font-weight: 700; }
.note { font-size: 14pt; margin-top: 10pt; }
"""


def summary_html(office, period, *, counts=None):
    """The summary as HTML for Chromium: counts and labels only."""
    from khaosan.documents.pdf import document_html

    counts = counts or summary_counts(office, period)
    title = _("สรุปผลการดำเนินงานเรื่องร้องเรียน %(period)s") % {"period": period.label()}
    body = render_to_string("participation/summary_pdf.html", {
        "title": title, "office_name": office.name_th, "counts": counts, "period_label": period.label(),
        "start": thai_date(period.start), "end": thai_date(period.end), "made_on": thai_date(counts.made_at),
    })  # fmt: skip
    return document_html(body, title=title, extra_css=PDF_CSS)


def summary_pdf(office, period, *, counts=None, renderer=None):
    """Render the summary to PDF (Sarabun, Thai text layer) with the shared Chromium renderer."""
    from contextlib import nullcontext

    from khaosan.documents.pdf import pdf_renderer

    html = summary_html(office, period, counts=counts)
    with nullcontext(renderer) if renderer is not None else pdf_renderer() as pdf:
        return pdf.render(html)
