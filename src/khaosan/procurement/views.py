"""Screens of the procurement unit (month list, the month's สขร.1, the plan and its quarters) and the public list.

Thin views: a form or formset is checked, one service is called, and the page is drawn again with what
was typed when something is wrong. Everything is read through the person's own office.
"""

import datetime as dt

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from khaosan.backoffice.decorators import staff_required
from khaosan.backoffice.errors import attempt, not_allowed
from khaosan.params import positive_int
from khaosan.procurement import selectors, services
from khaosan.procurement.forms import (
    REASON_SUGGESTIONS,
    EntryFormSet,
    PlanFilesForm,
    PlanForm,
    QuarterForm,
    SummaryForm,
    entries_data,
    entries_initial,
    month_is_valid,
    month_label,
    month_last_day,
    typed_initial,
)
from khaosan.procurement.models import PROCUREMENT_UNIT, BudgetKind
from khaosan.thai.dates import current_fiscal_year, fiscal_year, quarter_bounds

YEARS_SHOWN = 5


def procurement_staff(view):
    """Signed-in staff of the procurement unit or web masters; others are told whom to ask."""
    from functools import wraps

    @wraps(view)
    @staff_required
    def wrapper(request, *args, **kwargs):
        if not selectors.can_manage(request.user):
            return not_allowed(
                request,
                _(
                    "หน้านี้สำหรับเจ้าหน้าที่งานพัสดุและผู้ดูแลเว็บไซต์ หากท่านต้องบันทึกข้อมูลการจัดซื้อจัดจ้าง "
                    "โปรดขอให้ผู้ดูแลระบบกำหนดหน่วยงานของท่านเป็นงานพัสดุ"
                ),
            )
        return view(request, *args, **kwargs)

    return wrapper


def _fiscal_year_param(request):
    year = positive_int(request.GET.get("fy"))
    current = current_fiscal_year()
    return year if year and current - 20 <= year <= current + 1 else current


def _month(year, month):
    try:
        day = dt.date(year, month, 1)
    except ValueError:
        raise Http404 from None
    if day > timezone.localdate():
        raise Http404
    return day


@procurement_staff
def months(request):
    """The months of a fiscal year: what was entered, sent and published, and what is due."""
    fy = _fiscal_year_param(request)
    saved = selectors.summaries_for(request.user, fy)
    today = timezone.localdate()
    rows = [
        {"month": month, "summary": saved.get(month), "due": selectors.due_on(month),
         "overdue": today > selectors.due_on(month) and not (saved.get(month) and saved[month].item)}
        for month in selectors.fiscal_months(fy) if month <= today
    ][::-1]  # fmt: skip
    plan = selectors.plan_get_for(user=request.user, fiscal_year_be=fy)
    current = current_fiscal_year()
    return render(request, "procurement/months.html", {
        "fy": fy, "rows": rows, "years": range(current, current - YEARS_SHOWN, -1),
        "plan_status": selectors.plan_status(plan) if plan else None,
    })  # fmt: skip


def _month_context(request, month, summary, summary_form, formset):
    """Draw the month (a page drawn again with its errors answers 200, as every back-office form does)."""
    today = timezone.localdate()
    return render(request, "procurement/month_edit.html", {
        "month": month, "summary": summary, "summary_form": summary_form, "formset": formset,
        "reasons": REASON_SUGGESTIONS, "can_send": today > month_last_day(month), "due": selectors.due_on(month),
        "send_from": month_last_day(month) + dt.timedelta(days=1), "fy": fiscal_year(month),
    })  # fmt: skip


def _added_row(request, formset):
    """What an "add" button asks for: ('entry', None) or ('bid', entry index), else None."""
    action = request.POST.get("action", "")
    if action == "add-entry":
        return "entry", None
    if action.startswith("add-bid-"):
        number = positive_int(action.removeprefix("add-bid-"))  # the row's number, 1 for the first
        if number is not None and number <= len(formset.forms):
            return "bid", number - 1
    return None


@procurement_staff
def month_edit(request, year, month):
    """The month's สขร.1: procurements and their bidders, or "no procurement this month"; save and send."""
    month = _month(year, month)
    summary = selectors.summary_get_for(user=request.user, month=month)
    if summary is not None and summary.locked:
        return _month_context(request, month, summary, None, None)
    if request.method != "POST":
        initial = entries_initial(summary) if summary else []
        formset = EntryFormSet(month=month, initial=initial or [{}])
        return _month_context(request, month, summary, SummaryForm(initial={"nil": summary.nil if summary else False}),
                              formset)  # fmt: skip

    formset = EntryFormSet(request.POST, month=month)
    summary_form = SummaryForm(request.POST)
    added = _added_row(request, formset)
    if added is not None:  # draw the page again as typed, one row longer; nothing is checked or saved yet
        rows = typed_initial(formset)
        if added[0] == "entry":
            rows.append({})
        else:
            rows[added[1]]["bids"].append({})
        messages.info(request, _("เพิ่มแถวแล้ว ข้อมูลยังไม่ถูกบันทึกจนกว่าจะกด “บันทึก”"))
        return _month_context(request, month, summary, SummaryForm(initial={"nil": summary_form["nil"].data}),
                              EntryFormSet(month=month, initial=rows or [{}]))  # fmt: skip
    if not month_is_valid(summary_form, formset):
        return _month_context(request, month, summary, summary_form, formset)
    sending = request.POST.get("action") == "send"
    with attempt(request, form=summary_form) as refused:
        services.summary_save(office=request.user.office, actor=request.user, month=month,
                              nil=summary_form.cleaned_data["nil"], entries=entries_data(formset))  # fmt: skip
        if sending:
            summary = services.summary_send(office=request.user.office, actor=request.user, month=month)
    if refused.on_form:
        return _month_context(request, month, selectors.summary_get_for(user=request.user, month=month), summary_form,
                              formset)  # fmt: skip
    if refused:
        return redirect("backoffice:procurement:month", year, month.month)
    if sending:
        messages.success(request, _("ส่งขออนุมัติเผยแพร่แล้ว (คำขอ %(ref)s) พร้อมแบบ สขร.1 เป็นไฟล์ PDF และ Excel") % {
            "ref": summary.pub_request.reference})  # fmt: skip
    else:
        messages.success(request, _("บันทึกสรุปเดือน%(month)s แล้ว") % {"month": month_label(month)})
    return redirect("backoffice:procurement:month", year, month.month)


# ------------------------------------------------------------------------------------------------ the plan


@procurement_staff
def plan(request, fy):
    """MOIT4: the allocation date, the 30-working-day deadline, the plan's publication and its quarters."""
    current = current_fiscal_year()
    if not current - 20 <= fy <= current + 1:
        raise Http404
    plan = selectors.plan_get_for(user=request.user, fiscal_year_be=fy)
    form = PlanForm(initial={"allocation_date": plan.allocation_date} if plan else None)
    files_form = PlanFilesForm()
    if request.method == "POST":
        sending = request.POST.get("action") == "send" and plan is not None
        if sending:
            target = files_form = PlanFilesForm(request.POST, request.FILES)
        else:
            target = form = PlanForm(request.POST)
        if target.is_valid():
            with attempt(request, form=target) as refused:
                if sending:
                    services.plan_send(plan=plan, actor=request.user, uploads=request.FILES.getlist("plan_files"))
                else:
                    services.plan_save(office=request.user.office, actor=request.user, fiscal_year_be=fy,
                                       allocation_date=form.cleaned_data["allocation_date"])  # fmt: skip
            if not refused:
                messages.success(request, _("ส่งแผนการจัดซื้อจัดจ้างขออนุมัติเผยแพร่แล้ว") if sending
                                 else _("บันทึกวันที่ได้รับจัดสรรงบประมาณแล้ว"))  # fmt: skip
            if not refused.on_form:
                return redirect("backoffice:procurement:plan", fy)
    today = timezone.localdate()
    saved = selectors.quarters_of(plan) if plan else {}
    quarters = [{"quarter": q, "row": saved.get(q), "bounds": quarter_bounds(fy, q)} for q in (1, 2, 3, 4)
                if quarter_bounds(fy, q)[0] <= today]  # fmt: skip
    return render(request, "procurement/plan.html", {
        "fy": fy, "plan": plan, "status": selectors.plan_status(plan) if plan else None, "form": form,
        "files_form": files_form, "quarters": quarters,
    })  # fmt: skip


@procurement_staff
def quarter_edit(request, fy, quarter):
    """One quarter's planned and actual procurements; the actual figures are offered from the สขร.1 rows."""
    plan, row = selectors.quarter_get_for(user=request.user, fiscal_year_be=fy, quarter=quarter)
    first, last = quarter_bounds(fy, quarter)
    if first > timezone.localdate():
        raise Http404
    totals = selectors.quarter_entry_totals(request.user.office, fy, quarter)
    if row is not None:
        initial = {name: getattr(row, name) for name in QuarterForm.base_fields}
    else:
        initial = {}
        for kind in BudgetKind.values:
            count, amount = totals.get(kind, (0, None))
            initial |= {f"{kind}_actual_count": count, f"{kind}_actual_amount": amount or 0,
                        f"{kind}_planned_count": 0, f"{kind}_planned_amount": 0}  # fmt: skip
    form = QuarterForm(request.POST or None, initial=initial)
    locked = row is not None and row.locked
    if request.method == "POST" and not locked and form.is_valid():
        sending = request.POST.get("action") == "send"
        with attempt(request, form=form) as refused:
            services.quarter_save(plan=plan, actor=request.user, quarter=quarter, **form.cleaned_data)
            if sending:
                services.quarter_send(plan=plan, actor=request.user, quarter=quarter)
        if refused.on_form:
            return _quarter_page(request, plan, row, form, totals, quarter, first, last)
        if not refused:
            messages.success(request, _("ส่งรายงานไตรมาสขออนุมัติเผยแพร่แล้ว") if sending else _("บันทึกผลไตรมาสแล้ว"))
        return redirect("backoffice:procurement:quarter", fy, quarter)
    return _quarter_page(request, plan, row, form, totals, quarter, first, last)


def _quarter_page(request, plan, row, form, totals, quarter, first, last):
    return render(request, "procurement/quarter.html", {
        "plan": plan, "row": row, "form": form, "quarter": quarter, "first": first, "last": last,
        "totals": [(BudgetKind(kind).label, *totals.get(kind, (0, 0))) for kind in BudgetKind.values],
        "can_send": timezone.localdate() > last,
    })  # fmt: skip


# ------------------------------------------------------------------------------------------------ public


def summaries(request):
    """สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1) by fiscal year: every month that has begun, with its files."""
    office = request.office
    years = selectors.summary_years(office)
    raw = request.GET.get("year", "")
    fy = positive_int(raw) if raw else years[0]
    if fy not in years:
        from khaosan.public.views import message_page

        return message_page(request, status=404, title=_("ไม่พบรายการของปีที่เลือก"),
                            message=_("ไม่มีสรุปผลการจัดซื้อจัดจ้างของปีงบประมาณ “%(year)s” โปรดเลือกปีจากรายการ") % {
                                "year": raw[:8]}, back_url=reverse("public:procurement:summaries"))  # fmt: skip
    rows = selectors.public_months(office, fy)
    return render(request, "procurement/public_summaries.html", {
        "fy": fy, "years": years, "rows": rows, "quarters": selectors.quarter_counts(rows),
        "procurement_unit": office.units.filter(code=PROCUREMENT_UNIT).first(),
    })  # fmt: skip
