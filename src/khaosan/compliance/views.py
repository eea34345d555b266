"""The compliance dashboard: every topic's state, the score and its history, the office's own checks.

Web masters act on it; the committee, the administrator, the reviewer and the approver read it all;
every other staff member sees the topics their own unit answers for, with "request this" beside each.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from khaosan.backoffice.decorators import staff_required
from khaosan.backoffice.errors import attempt
from khaosan.catalog.models import Topic
from khaosan.compliance import services
from khaosan.compliance.models import ComplianceSnapshot, TopicState
from khaosan.compliance.office_checks import office_checks
from khaosan.compliance.states import completeness, topic_statuses, worst_first
from khaosan.documents.charts import line_chart_svg
from khaosan.org.roles import Role, acting_roles
from khaosan.thai.dates import thai_date
from khaosan.workflow import selectors as workflow_selectors

SEES_ALL = {Role.WEBMASTER, Role.REVIEWER, Role.APPROVER, Role.COMMITTEE, Role.ADMINISTRATOR}
HISTORY_DAYS = 365


def _answers_for(status, user):
    """True when `user`'s unit is among the topic's responsible units ("all" counts every unit)."""
    return "all" in status.topic.responsible or any(unit.pk == user.unit_id for unit in status.units)


def _request_link(status):
    query = {"topic": status.topic.code, "title": status.suggested_title}
    return f"{reverse('backoffice:request-new')}?{urlencode(query)}"


@staff_required
def dashboard(request):
    user, office = request.user, request.user.office
    roles = acting_roles(user)
    sees_all = bool(roles & SEES_ALL)
    statuses = topic_statuses(office)
    score = completeness(statuses)
    shown = statuses if sees_all else [s for s in statuses if _answers_for(s, user)]
    state_counts = [(code, label, sum(1 for s in shown if s.state == code)) for code, label in TopicState.choices]
    state = request.GET.get("state", "")
    if state in TopicState.values:
        shown = [s for s in shown if s.state == state]
    for status in shown:
        status.request_link = _request_link(status) if _answers_for(status, user) or Role.WEBMASTER in roles else ""
        status.can_ask_unit = Role.WEBMASTER in roles and any(u.pk != user.unit_id for u in status.units)
    categories = []
    for status in shown:
        if not categories or categories[-1]["category"].pk != status.topic.category_id:
            categories.append({"category": status.topic.category, "statuses": []})
        categories[-1]["statuses"].append(status)
    context = {
        "score": score,
        "categories": categories,
        "attention": worst_first(shown)[:10],
        "sees_all": sees_all,
        "state": state,
        "states": TopicState.choices,
        "state_counts": state_counts,
        "late": workflow_selectors.late(user).order_by("due_on")[:20] if sees_all else [],
        "checks": office_checks(office) if sees_all else [],
        "published_checks": _published_checks(office) if sees_all else None,
        "snapshots": ComplianceSnapshot.objects.filter(office=office).order_by("-date")[:14],
        "has_history": ComplianceSnapshot.objects.filter(office=office).count() > 1,
    }
    return render(request, "compliance/dashboard.html", context)


def _published_checks(office):
    """The counts of the link, duplicate-file and scanned-PDF checks (compliance/checks.py) for the summary."""
    from khaosan.compliance import checks

    return {"links": checks.link_summary(office), "duplicates": checks.duplicate_count(office),
            "inaccessible": checks.inaccessible_pdfs(office).count()}  # fmt: skip


@staff_required
def history_svg(request):
    """The completeness score by day over the last year, as an SVG image for the dashboard."""
    rows = list(
        ComplianceSnapshot.objects.filter(office=request.user.office).order_by("-date").values_list("date", "score")
        [:HISTORY_DAYS]
    )[::-1]  # fmt: skip
    svg = line_chart_svg([d for d, _ in rows], [float(s) for _, s in rows], label=_("คะแนน (ร้อยละ)"), y_max=100,
                         date_format=lambda d: thai_date(d, short=True))  # fmt: skip
    response = HttpResponse(svg, content_type="image/svg+xml")
    # matplotlib styles its shapes with style attributes; the image runs nothing and loads nothing.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["Cache-Control"] = "private, max-age=300"
    return response


@require_POST
@staff_required
def ask_unit(request, code):
    """A web master asks the responsible unit to send what a topic lacks."""
    topic = Topic.objects.filter(code=code, retired_at__isnull=True).first()
    if topic is None:
        messages.error(request, _("ไม่พบหัวข้อนี้"))
        return redirect("backoffice:compliance")
    with attempt(request) as refused:
        told = services.topic_request_ask(office=request.user.office, actor=request.user, topic=topic)
    if not refused:
        messages.success(request, _("แจ้ง %(n)d คนในหน่วยงานที่รับผิดชอบแล้ว พร้อมลิงก์แบบคำขอที่กรอกไว้ให้") % {"n": told})
    return redirect(f"{reverse('backoffice:compliance')}#topic-{topic.code}")
