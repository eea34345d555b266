"""The ITA/MOIT evidence of a fiscal year (BO-3, standards.md MOIT-0.1 – MOIT-0.3): reads only.

A year is laid out the way an auditor reads it: the 9 indicators, each MOIT item and sub-item in order,
and for each quarter the public items that answer it. What answers a code is the standard's data (the
topics mapped to it); what is public is `catalog.selectors.public_items`, so an expired or withdrawn item
leaves the ITA page at the same instant it leaves every other list.

Where an item counts is `placement`: its own fiscal year and quarter (`Item.fiscal_year` / `quarter`, BO-2),
with three refinements an auditor expects. A plan for the whole year counts from the quarter it was
published, not from quarter 4 where its data period ends. A code that `covers_previous_year` (MOIT3: last
year's procurement analysis) takes last year's items published this year. A page that stays until it
changes (the executives, the laws) keeps answering in later years while it is public.
"""

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from khaosan.catalog.models import ChecklistItem, Topic
from khaosan.catalog.selectors import public_items, window_cached
from khaosan.thai.dates import current_fiscal_year, fiscal_quarter, fiscal_year, fiscal_year_bounds
from khaosan.workflow.models import OPEN_STATES, Action, PublicationRequest, State

QUARTERS = (1, 2, 3, 4)
# The back-office lists at most this many of a row's newest items per quarter; the public page lists them all.
EVIDENCE_SHOWN_PER_QUARTER = 3
# topic.responsible codes (standard.yaml header), for an office that has no unit of that code.
RESPONSIBLE_LABELS = {
    "director": "สาธารณสุขอำเภอ", "admin": "กลุ่มงานบริหารทั่วไป", "it": "กลุ่มงานเทคโนโลยีสารสนเทศ",
    "procurement": "งานพัสดุ", "all": "ทุกหน่วยงาน", "external": "หน่วยงานภายนอก",
}  # fmt: skip


@dataclass
class Evidence:
    """One public item as an auditor sees it in a cell: its page and, when it came by request, its form."""

    pk: int
    title: str
    url: str
    form_url: str
    publish_at: dt.datetime
    quarter: int


@dataclass
class Row:
    """One MOIT item or sub-item of the year, with the evidence of each quarter (cells[0] is quarter 1)."""

    code: ChecklistItem
    topics: list
    cells: list = field(default_factory=lambda: [[] for _ in QUARTERS])
    parts: list = field(default_factory=list)  # the sub-item rows of an item

    @property
    def is_part(self):
        return self.code.parent_id is not None

    @property
    def label(self):
        """'MOIT2' for an item, '1.1' for a sub-item: how the row is numbered on the page."""
        return self.code.number if self.is_part else self.code.code

    @property
    def anchor(self):
        return "".join(ch if ch.isalnum() else "-" for ch in self.code.code).lower()

    @property
    def evidence(self):
        return [e for cell in self.cells for e in cell]

    @property
    def heading_only(self):
        """An item whose sub-items carry the evidence, and which has none of its own: a heading row."""
        return bool(self.parts) and not self.evidence

    @property
    def answered(self):
        return bool(self.evidence) or any(part.evidence for part in self.parts)

    @property
    def due(self):
        return due_text(self.code)


@dataclass
class Indicator:
    number: int
    name_th: str
    name_en: str
    rows: list

    @property
    def name(self):
        """In the reader's language at render time: one computed year serves both languages from the cache."""
        english = (get_language() or "th").startswith("en")
        return (self.name_en if english else "") or self.name_th

    @property
    def items(self):
        return [row for row in self.rows if not row.is_part]


@dataclass
class ItaYear:
    fiscal_year: int
    indicators: list

    @property
    def rows(self):
        return [row for indicator in self.indicators for row in indicator.rows]

    @property
    def items(self):
        """The top-level MOIT items, in order (the jump links)."""
        return [row for row in self.rows if not row.is_part]

    @property
    def quarters(self):
        return QUARTERS

    @property
    def answered_count(self):
        """How many top-level items have at least one piece of evidence, in them or in their sub-items."""
        return sum(1 for item in self.items if item.answered)


def moit_years():
    """Every fiscal year the standard has a MOIT list for, newest first (the back-office may look ahead)."""
    moit = ChecklistItem.objects.filter(scheme=ChecklistItem.Scheme.MOIT, retired_at__isnull=True)
    return list(moit.order_by("-fiscal_year").values_list("fiscal_year", flat=True).distinct())


def ita_years():
    """The fiscal years of the public ITA pages: those with a MOIT list, up to the current one (past years kept)."""
    current = current_fiscal_year()
    return [fy for fy in moit_years() if fy <= current]


def moit_codes(fiscal_year):
    """The MOIT items and sub-items of `fiscal_year` in the standard's order, with the topics answering them."""
    active_topics = (
        Topic.objects.filter(retired_at__isnull=True).select_related("category").prefetch_related("includes")
    )
    return list(
        ChecklistItem.objects.filter(scheme=ChecklistItem.Scheme.MOIT, fiscal_year=fiscal_year, retired_at__isnull=True)
        .order_by("order")
        .select_related("parent")
        .prefetch_related(Prefetch("topics", queryset=active_topics))
    )


def _topic_ids(topics):
    return {t.pk for t in topics} | {i.pk for t in topics for i in t.includes.all()}


def has_request_form():
    """An annotation: the item was published through a request, so its request form can be shown (MOIT1-F)."""
    return Exists(
        PublicationRequest.objects.filter(item=OuterRef("pk"), state=State.PUBLISHED).exclude(action=Action.WITHDRAW)
    )


# Topics whose items are of their date: news and announcements never stand for a later year.
EVENT_KINDS = {Topic.Kind.NEWS, Topic.Kind.PHOTO, Topic.Kind.ANNOUNCEMENT, Topic.Kind.PROCUREMENT}


def carries_over(topic):
    """Whether an item of `topic` stays evidence in later years while it is public.

    A topic refreshed only when something changes (refresh: none: the executives, the structure, the laws)
    is answered by the page that is there: the executives page published in 2568 is still the evidence
    for MOIT2 1.1 in 2570, and nobody should publish it again to satisfy the assessment.
    """
    return topic.refresh == Topic.Refresh.NONE and topic.kind not in EVENT_KINDS


def own_quarter(item):
    """The item's quarter, except that data spanning several quarters (a year's plan) counts from publication.

    `Item.quarter` follows the end of the data period, which puts a plan for the whole year in quarter 4;
    an auditor looks for it in the quarter it was published (quarter 1 if it was published beforehand).
    """
    start, end = item.data_from, item.data_to
    if start and end and (fiscal_year(start), fiscal_quarter(start)) != (fiscal_year(end), fiscal_quarter(end)):
        published = fiscal_year(item.publish_at)
        if published == item.fiscal_year:
            return fiscal_quarter(item.publish_at)
        return 1 if published < item.fiscal_year else 4
    return item.quarter if item.quarter in QUARTERS else None


def placement(item, code, fy):
    """The quarter of fiscal year `fy` in which `item` is evidence for `code`, or None when it is not.

    Three rules, in this order: a code that covers the previous year takes last year's items published this
    year, in the quarter published; an item counts in its own year (`own_quarter`); an item of a topic that
    `carries_over` counts in later years too, from quarter 1 (or the quarter it was published, if later).
    """
    if code.covers_previous_year:
        if item.fiscal_year == fy - 1 and fiscal_year(item.publish_at) == fy:
            return fiscal_quarter(item.publish_at)
        return None
    if item.fiscal_year == fy:
        return own_quarter(item)
    if item.fiscal_year is not None and item.fiscal_year < fy and carries_over(item.topic):
        published = fiscal_year(item.publish_at)
        if published < fy:
            return 1
        if published == fy:
            return fiscal_quarter(item.publish_at)
    return None


def ita_year(office, fy):
    """Return the ItaYear of `office` for B.E. fiscal year `fy`: indicators, rows and the evidence per quarter."""
    codes = moit_codes(fy)
    topics_of = {code.pk: list(code.topics.all()) for code in codes}
    parts_of = {}
    for code in codes:
        if code.parent_id:
            parts_of.setdefault(code.parent_id, []).append(code)
    answering = [t for topics in topics_of.values() for t in topics]
    lasting = [t.pk for t in answering if carries_over(t)] + [i.pk for t in answering for i in t.includes.all()
                                                            if carries_over(i)]  # fmt: skip
    _, last_day = fiscal_year_bounds(fy)
    year_end = timezone.make_aware(dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time.min))
    items = list(
        public_items(office)
        .filter(topic_id__in=_topic_ids(answering))
        .filter(Q(fiscal_year__in=[fy - 1, fy]) | Q(fiscal_year__lt=fy, topic_id__in=lasting, publish_at__lt=year_end))
        .select_related("topic")
        .annotate(has_form=has_request_form())
        .only(
            "pk",
            "title",
            "topic_id",
            "topic__refresh",
            "topic__kind",
            "fiscal_year",
            "quarter",
            "publish_at",
            "data_from",
            "data_to",
        )
        .order_by("publish_at", "pk")
    )
    links = _EvidenceLinks()
    indicators, rows = {}, {}
    for code in codes:
        topics = topics_of[code.pk]
        topic_ids = _topic_ids(topics)
        if parts_of.get(code.pk):
            # The item's own evidence: topics answering it but none of its sub-items (those rows show theirs).
            topic_ids -= {t for part in parts_of[code.pk] for t in _topic_ids(topics_of[part.pk])}
        row = rows[code.pk] = Row(code=code, topics=topics)
        if code.parent_id in rows:
            rows[code.parent_id].parts.append(row)
        for item in items:
            if item.topic_id not in topic_ids:
                continue
            quarter = placement(item, code, fy)
            if quarter is not None:
                row.cells[quarter - 1].append(links.evidence(item, quarter))
        number = code.indicator or 0
        if number not in indicators:
            indicators[number] = Indicator(number, code.indicator_name_th, code.indicator_name_en, rows=[])
        indicators[number].rows.append(row)
    return ItaYear(fiscal_year=fy, indicators=[indicators[n] for n in sorted(indicators)])


class _EvidenceLinks:
    """An item's page and request-form URLs for every evidence of a year: each URL pattern reversed once."""

    PK = 999999999  # stands for the pk in the reversed pattern

    def __init__(self):
        self.page = reverse("public:item", args=[self.PK])
        self.form = reverse("public:item-request-form", args=[self.PK])

    def evidence(self, item, quarter):
        pk = str(item.pk)
        return Evidence(
            pk=item.pk, title=item.title, url=self.page.replace(str(self.PK), pk), publish_at=item.publish_at,
            quarter=quarter, form_url=self.form.replace(str(self.PK), pk) if item.has_form else "",
        )  # fmt: skip


def cached_ita_year(office, fy):
    """`ita_year`, kept until the catalog or a publication window changes: the public page and the back-office."""
    # Per language: the evidence links carry the reader's language prefix (/en/item/…).
    return window_cached(office, f"ita-year:{fy}:{get_language()}", lambda: ita_year(office, fy))


# ------------------------------------------------------------------------------------------------ back-office


def due_text(code):
    """The due rule in words: the data file's own words, else one said from the due quarters."""
    if code.due_note:
        return code.due_note
    slots = code.due_quarters or [list(QUARTERS)]
    if slots == [list(QUARTERS)]:
        text = _("ปีละ 1 ครั้ง")
    elif slots == [[q] for q in QUARTERS]:
        text = _("ทุกไตรมาส")
    else:
        text = ", ".join(_("ไตรมาส %(q)s") % {"q": _(" หรือ ").join(map(str, slot))} for slot in slots)
    if code.due_count > 1:
        text += " " + _("(%(n)s ลิงก์)") % {"n": code.due_count}
    return text


@dataclass
class Gap:
    """What one row still lacks for one piece of due evidence, as of the chosen quarter."""

    quarters: list
    have: int
    need: int
    overdue: bool

    @property
    def missing(self):
        return self.need - self.have


@dataclass
class Duty:
    """One row of the back-office view: a MOIT item or sub-item, its gaps, who answers for it, how to ask."""

    row: Row
    fiscal_year: int
    gaps: list
    units: list
    requests: list  # [(topic, url)] to start a request with the topic and a title filled in
    open_requests: int

    @property
    def evidence_shown(self):
        """The newest EVIDENCE_SHOWN_PER_QUARTER of each quarter, in quarter order."""
        return [e for cell in self.row.cells for e in cell[-EVIDENCE_SHOWN_PER_QUARTER:]]

    @property
    def evidence_more(self):
        return len(self.row.evidence) - len(self.evidence_shown)

    @property
    def complete(self):
        return not self.gaps

    @property
    def gap_texts(self):
        return [gap_text(gap, self.fiscal_year) for gap in self.gaps]


def _quarter_words(quarters, fy):
    return _(" หรือ ").join(_("ไตรมาส %(q)s/%(fy)s") % {"q": q, "fy": fy} for q in quarters)


def gap_text(gap, fy):
    """'ขาด 2 ลิงก์ ไตรมาส 1/2569 (เลยกำหนด)': the sentence a web master reads."""
    when = _quarter_words(gap.quarters, fy) if len(gap.quarters) < len(QUARTERS) else _("ภายในปีงบประมาณ %(fy)s") % {
        "fy": fy}  # fmt: skip
    if gap.need > 1:
        text = _("ขาด %(n)s จาก %(need)s ลิงก์ %(when)s") % {"n": gap.missing, "need": gap.need, "when": when}
    else:
        text = _("ยังไม่มี %(when)s") % {"when": when}
    return text + (" " + _("(เลยกำหนดแล้ว)") if gap.overdue else "")


def row_gaps(row, quarter):
    """The unmet due evidence of `row` whose quarters have begun by `quarter` (1-4)."""
    if row.heading_only:
        return []
    gaps = []
    for slot in row.code.due_quarters or [list(QUARTERS)]:
        if min(slot) > quarter:
            continue  # not due yet
        have = sum(len(row.cells[q - 1]) for q in slot)
        if have < row.code.due_count:
            gaps.append(Gap(quarters=slot, have=have, need=row.code.due_count, overdue=max(slot) < quarter))
    return gaps


def suggested_title(topic, code, fy, gap):
    """A title for the request that would fill the gap, in Thai like every item title."""
    if code.covers_previous_year:
        return f"{topic.name_th} ปีงบประมาณ พ.ศ. {fy - 1}"
    if gap is not None and len(gap.quarters) == 1:
        return f"{topic.name_th} ไตรมาส {gap.quarters[0]}/{fy}"
    return f"{topic.name_th} ปีงบประมาณ พ.ศ. {fy}"


def request_url(topic, title):
    return reverse("backoffice:request-new") + "?" + urlencode({"topic": topic.code, "title": title})


def ita_duties(office, fy, quarter):
    """Every MOIT row of `fy` with what is missing as of `quarter`, who is responsible and a way to ask for it."""
    year = cached_ita_year(office, fy)
    units = {u.code: u for u in office.units.filter(is_active=True)}
    open_counts = {}
    for topic_id in PublicationRequest.objects.filter(office=office, state__in=OPEN_STATES).values_list(
        "topic_id", flat=True
    ):
        open_counts[topic_id] = open_counts.get(topic_id, 0) + 1
    duties = []
    for row in year.rows:
        gaps = row_gaps(row, quarter)
        codes = []
        for topic in row.topics:
            codes += [c for c in topic.responsible if c not in codes]
        responsible = [units[c].name_th if c in units else RESPONSIBLE_LABELS.get(c, c) for c in codes]
        first_gap = gaps[0] if gaps else None
        requests = [(t, request_url(t, suggested_title(t, row.code, fy, first_gap))) for t in row.topics]
        duties.append(Duty(row=row, fiscal_year=fy, gaps=gaps, units=responsible, requests=requests,
                           open_requests=sum(open_counts.get(t.pk, 0) for t in row.topics)))  # fmt: skip
    return year, duties
