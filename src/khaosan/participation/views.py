"""Back-office screens of participation: the lists, one case with its handling, the set-up, summaries, satisfaction.

Every case is found through selectors.case_get_for, so a case `user` may not read answers 404 whatever
its address; each look at a case is an audit event, and so is each look at the corruption list.
"""

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from khaosan.backoffice.decorators import staff_required
from khaosan.backoffice.errors import attempt, not_allowed, run_service
from khaosan.backoffice.shortcuts import paginate
from khaosan.catalog.storage import blob_response
from khaosan.clients import client_address
from khaosan.documents.charts import bar_chart_svg
from khaosan.params import positive_int
from khaosan.participation import permissions, selectors, services
from khaosan.participation.forms import (
    AssignForm,
    CloseForm,
    DeadlinesForm,
    HandlerForm,
    NoteForm,
    PublishForm,
    ReplyForm,
    SummaryForm,
)
from khaosan.participation.models import Complaint, EventKind, Handler, Question, Stream, case_type
from khaosan.thai.dates import current_fiscal_year, period_of

SHOWS = ("open", "late", "closed", "all")


@staff_required
def home(request):
    user = request.user
    counts = selectors.queue_counts(user)
    name = request.GET.get("queue", "")
    if name not in counts:
        name = next(iter(counts))
    show = request.GET.get("show", "open")
    if show not in SHOWS:
        show = "open"
    page = paginate(request, selectors.queue(user, name, show=show))
    if name == "corruption":
        services.corruption_listed(office=user.office, actor=user, address=client_address(request),
                                   shown=len(page.object_list))  # fmt: skip
    return render(request, "participation/backoffice/home.html", {
        "counts": counts, "queue": name, "show": show, "page": page, "shows": SHOWS,
        "can_manage": permissions.can_manage(user), "can_make_summary": permissions.can_make_summary(user),
        "named": permissions.named_streams(user),
    })  # fmt: skip


def _case_context(request, case, **forms):
    user = request.user
    can_handle = permissions.can_handle(user, case) and case.is_open
    context = {
        "case": case, "kind": case_type(case), "events": selectors.case_events(case),
        "can_handle": can_handle, "can_publish": permissions.can_handle(user, case) and isinstance(case, Question),
        "personal_gone": case.personal_data_gone,
        "files": list(case.files.all()) if isinstance(case, Complaint) else [],
    }  # fmt: skip
    if can_handle:
        context |= {
            "assign_form": forms.get("assign") or AssignForm(people=services.assignable_staff(case),
                                                              initial={"assignee": case.assignee_id}),
            "note_form": forms.get("note") or NoteForm(),
            "reply_form": forms.get("reply") or ReplyForm(),
            "close_form": forms.get("close") or CloseForm(with_outcome=isinstance(case, Complaint)),
        }  # fmt: skip
    if context["can_publish"]:
        last_reply = next((e.text for e in reversed(list(context["events"])) if e.kind == EventKind.REPLY), "")
        context["publish_form"] = forms.get("publish") or PublishForm(
            initial={"faq_question": case.faq_question or case.subject, "faq_answer": case.faq_answer or last_reply}
        )
    return context


@staff_required
def case_detail(request, kind, pk):
    case = selectors.case_get_for(user=request.user, kind=kind, pk=pk)
    services.case_viewed(case=case, actor=request.user, address=client_address(request))
    response = render(request, "participation/backoffice/case.html", _case_context(request, case))
    patch_cache_control(response, no_store=True, private=True)
    return response


ACTIONS = ("acknowledge", "start", "assign", "note", "reply", "close", "publish", "withdraw")


@require_POST
@staff_required
def case_action(request, kind, pk, action):
    """One handling step; a refusal or a form error comes back on the case's page, with what was typed."""
    if action not in ACTIONS:
        raise Http404
    user = request.user
    case = selectors.case_get_for(user=user, kind=kind, pk=pk)
    forms, call, done = {}, None, ""
    if action == "acknowledge":
        call, done = (lambda: services.case_acknowledge(case=case, actor=user)), _("รับเรื่องแล้ว")
    elif action == "start":
        call, done = (lambda: services.case_start(case=case, actor=user)), _("บันทึกว่าอยู่ระหว่างดำเนินการแล้ว")
    elif action == "assign":
        form = forms["assign"] = AssignForm(request.POST, people=services.assignable_staff(case))
        if form.is_valid():
            call = lambda: services.case_assign(case=case, actor=user, assignee=form.cleaned_data["assignee"])  # noqa: E731
            done = _("มอบหมายผู้รับผิดชอบแล้ว")
    elif action == "note":
        form = forms["note"] = NoteForm(request.POST)
        if form.is_valid():
            call, done = (
                (lambda: services.case_note(case=case, actor=user, text=form.cleaned_data["text"])),
                _("บันทึกแล้ว"),
            )
    elif action == "reply":
        form = forms["reply"] = ReplyForm(request.POST)
        if form.is_valid():
            call = lambda: services.case_reply(case=case, actor=user, text=form.cleaned_data["text"])  # noqa: E731
            done = _("ส่งคำตอบแล้ว ผู้แจ้งเห็นคำตอบในหน้าติดตามสถานะ")
    elif action == "close":
        form = forms["close"] = CloseForm(request.POST, with_outcome=isinstance(case, Complaint))
        if form.is_valid():
            call = lambda: services.case_close(case=case, actor=user, outcome=form.cleaned_data.get("outcome", ""),  # noqa: E731
                                               reply=form.cleaned_data["reply"])  # fmt: skip
            done = _("ปิดเรื่องแล้ว")
    elif action == "publish":
        if not isinstance(case, Question):
            raise Http404
        form = forms["publish"] = PublishForm(request.POST)
        if form.is_valid():
            call = lambda: services.question_publish(question=case, actor=user, **form.cleaned_data)  # noqa: E731
            done = _("เผยแพร่ในคำถามที่พบบ่อยแล้ว")
    elif action == "withdraw":
        if not isinstance(case, Question):
            raise Http404
        call, done = (lambda: services.question_withdraw(question=case, actor=user)), _("นำออกจากคำถามที่พบบ่อยแล้ว")
    if call is not None:
        with attempt(request, form=next(iter(forms.values()), None)) as refused:
            call()
        if not refused:
            messages.success(request, done)
        if not refused.on_form:
            return redirect("backoffice:participation:case", kind, pk)
    case.refresh_from_db()
    return render(request, "participation/backoffice/case.html", _case_context(request, case, **forms), status=400)


@staff_required
def complaint_file(request, pk, file_id):
    complaint = selectors.case_get_for(user=request.user, kind="complaint", pk=pk)
    if complaint.personal_data_gone:
        raise Http404
    found = selectors.complaint_file_for(complaint, file_id)
    services.complaint_file_viewed(complaint=complaint, actor=request.user, complaint_file=found,
                                   address=client_address(request))  # fmt: skip
    response = blob_response(found.blob, filename=found.original_name, inline=False)
    patch_cache_control(response, no_store=True, private=True)
    return response


# Set-up -------------------------------------------------------------------------------------------------


@staff_required
def office_settings(request):
    user, office = request.user, request.user.office
    if not permissions.can_manage(user):
        return not_allowed(request, _("หน้านี้สำหรับผู้ดูแลระบบของสำนักงาน"))
    current = services.office_deadlines(office)
    handler_form = HandlerForm(office=office)
    deadlines_form = DeadlinesForm(initial={"acknowledge_days": current.acknowledge_days,
                                            "answer_days": current.answer_days})  # fmt: skip
    if request.method == "POST":
        adding = "stream" in request.POST
        if adding:
            form = handler_form = HandlerForm(request.POST, office=office)
        else:
            form = deadlines_form = DeadlinesForm(request.POST)
        if form.is_valid():
            with attempt(request, form=form) as refused:
                if adding:
                    services.handler_add(office=office, actor=user, **form.cleaned_data)
                else:
                    services.deadlines_update(office=office, actor=user, **form.cleaned_data)
            if not refused:
                messages.success(request, _("กำหนดผู้รับผิดชอบแล้ว") if adding
                                 else _("บันทึกกำหนดเวลาแล้ว เรื่องที่รับไว้ก่อนหน้านี้ใช้กำหนดเวลาเดิม"))  # fmt: skip
            if not refused.on_form:
                return redirect("backoffice:participation:setup")
    handlers = (
        Handler.objects.filter(office=office).select_related("staff__unit").order_by("stream", "staff__first_name")
    )
    return render(request, "participation/backoffice/settings.html", {
        "handler_form": handler_form, "deadlines_form": deadlines_form, "handlers": handlers,
        "corruption_named": any(h.stream == Stream.CORRUPTION for h in handlers),
        "retention_days": services.retention_days(),
    })  # fmt: skip


@require_POST
@staff_required
def handler_remove(request, pk):
    run_service(request, lambda: services.handler_remove(office=request.user.office, actor=request.user, handler_id=pk),
                success=_("นำออกจากผู้รับผิดชอบแล้ว"))  # fmt: skip
    return redirect("backoffice:participation:setup")


# Summaries (MOIT 10) -----------------------------------------------------------------------------------


def _default_period_form():
    last = period_of("quarter", timezone.localdate()).start - dt.timedelta(days=1)
    from khaosan.thai.dates import fiscal_quarter, fiscal_year

    return SummaryForm(initial={"kind": "quarter", "fiscal_year": fiscal_year(last), "number": fiscal_quarter(last)})


@staff_required
def summaries(request):
    """Preview a period's counts, download the PDF, or submit it as a request on `complaint-summary`."""
    from khaosan.participation import summaries as summary

    user = request.user
    if not permissions.can_make_summary(user):
        return not_allowed(request, _("หน้านี้สำหรับผู้ดูแลระบบและผู้รับผิดชอบเรื่องร้องเรียน"))
    data = request.POST if request.method == "POST" else (request.GET if "kind" in request.GET else None)
    form = SummaryForm(data) if data is not None else _default_period_form()
    counts = period = None
    if data is not None and form.is_valid():
        period = form.period()
    if period is not None:
        if request.method == "POST":
            with attempt(request, form=form) as refused:
                pub_request = services.summary_request(office=user.office, actor=user, period=period)
            if not refused:
                messages.success(request, _("ยื่นคำขอเผยแพร่สรุปผลแล้ว คำขอจะผ่านการพิจารณาตามลำดับก่อนเผยแพร่"))
                return redirect(pub_request)
        elif request.GET.get("format") == "pdf":
            pdf = summary.summary_pdf(user.office, period)
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = "attachment; filename=complaint-summary.pdf"
            return response
        counts = summary.summary_counts(user.office, period)
    return render(request, "participation/backoffice/summaries.html", {
        "form": form, "counts": counts, "period": period,
        "query": request.GET.urlencode() if request.method == "GET" else "",
    })  # fmt: skip


# Satisfaction -------------------------------------------------------------------------------------------


def _results(request):
    office = request.user.office
    years = selectors.satisfaction_years(office)
    year = positive_int(request.GET.get("fy"), default=current_fiscal_year())
    if year not in years:
        year = years[0]
    kind = request.GET.get("by", "month")
    if kind not in ("month", "quarter"):
        kind = "month"
    return selectors.satisfaction_results(office, fiscal_year=year, kind=kind), years


@staff_required
def satisfaction(request):
    results, years = _results(request)
    return render(
        request,
        "participation/backoffice/satisfaction.html",
        {
            "results": results,
            "years": years,
            "chart_url": (
                f"{reverse('backoffice:participation:satisfaction-chart')}?fy={results.fiscal_year}&by={results.kind}"
            ),
        },
    )


@staff_required
def satisfaction_chart(request):
    results, _years = _results(request)
    labels = [p.period.label() for p in results.periods]
    values = [p.mean or 0 for p in results.periods]
    svg = bar_chart_svg(labels, values, label=_("คะแนนเฉลี่ย (เต็ม 5)"), height=3.2, y_max=5)
    response = HttpResponse(svg, content_type="image/svg+xml")
    patch_cache_control(response, private=True, max_age=300)
    return response
