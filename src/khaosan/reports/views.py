"""Back-office screens: my trainings, the office's training list, the performance report and its files.

Views validate a form, call one service or selector, and render or redirect. Records are found through
scoped selectors, so an id from another office (or, for most staff, another person) answers 404.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from khaosan.backoffice.decorators import staff_required
from khaosan.backoffice.errors import attempt, not_allowed, run_service
from khaosan.backoffice.shortcuts import paginate
from khaosan.catalog.storage import blob_response, content_disposition
from khaosan.reports import documents, selectors, services
from khaosan.reports.forms import ReportSectionForm, TrainingFilterForm, TrainingForm
from khaosan.reports.periods import has_ended, period_from_slug, period_slug, periods_of_year
from khaosan.reports.permissions import (
    can_acknowledge_report,
    can_edit_training,
    can_prepare_report,
    can_see_report,
    records_for_anyone,
    sees_all,
)
from khaosan.thai.dates import current_fiscal_year

YEARS_LISTED = 5
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
PUBLISH_TOPIC = "ita-disclosure-measures"  # MOIT1: last year's monitoring report is part of this topic


# Trainings -----------------------------------------------------------------------------------------------


@staff_required
def my_trainings(request):
    rows = selectors.my_trainings(request.user).order_by("-starts_on", "-pk")
    return render(request, "reports/my_trainings.html", {"page": paginate(request, rows)})


@staff_required
def training_list(request):
    if not sees_all(request.user):
        return redirect("backoffice:reports:my-trainings")
    form = TrainingFilterForm(request.GET or None, office=request.user.office)
    rows = selectors.training_filter(selectors.trainings_visible_to(request.user), request.GET)
    return render(request, "reports/training_list.html", {
        "form": form, "page": paginate(request, rows.order_by("-starts_on", "-pk")),
        "may_record_for_anyone": records_for_anyone(request.user),
    })  # fmt: skip


def _training_form(request, training=None):
    chooses = records_for_anyone(request.user)
    return TrainingForm(request.POST or None, request.FILES or None, instance=training,
                        office=request.user.office, chooses_person=chooses,
                        initial={} if training else {"person": request.user.pk})  # fmt: skip


def _keep_file_message(form):
    if form.files.get("certificate"):
        form.add_error("certificate", _("เพื่อความปลอดภัย เบราว์เซอร์ไม่เก็บไฟล์ที่เลือกไว้เมื่อบันทึกไม่สำเร็จ "
                                        "โปรดเลือกไฟล์อีกครั้งก่อนบันทึก"))  # fmt: skip


@staff_required
def training_new(request):
    form = _training_form(request)
    if request.method == "POST":
        if form.is_valid():
            data = form.service_fields()
            person = data.pop("person", request.user)
            data.pop("remove_certificate", None)
            with attempt(request, form=form, message=False) as refused:
                training = services.training_record(office=request.user.office, actor=request.user, person=person,
                                                    **data)  # fmt: skip
            if not refused:
                messages.success(request, _("บันทึกการฝึกอบรม “%(title)s” ของ %(name)s แล้ว") % {
                    "title": training.title, "name": training.person})  # fmt: skip
                return redirect(_after_save(request))
            if not refused.on_form:
                return not_allowed(request, refused.message)
        _keep_file_message(form)
    return render(request, "reports/training_form.html", {"form": form, "training": None})


def _after_save(request):
    return reverse("backoffice:reports:trainings" if sees_all(request.user) else "backoffice:reports:my-trainings")


@staff_required
def training_detail(request, pk):
    """The record: an edit form for those who may change it, its facts for those who only read."""
    training = selectors.training_get_for(user=request.user, training_id=pk)
    if not can_edit_training(request.user, training):
        return render(request, "reports/training_detail.html", {"training": training})
    form = _training_form(request, training)
    if request.method == "POST":
        if form.is_valid():
            data = form.service_fields()
            with attempt(request, form=form, message=False) as refused:
                services.training_update(training=training, actor=request.user, **data)
            if not refused:
                messages.success(request, _("บันทึกการแก้ไขแล้ว"))
                return redirect(_after_save(request))
            if not refused.on_form:
                return not_allowed(request, refused.message)
        _keep_file_message(form)
    return render(request, "reports/training_form.html", {"form": form, "training": training})


@require_POST
@staff_required
def training_delete(request, pk):
    training = selectors.training_get_for(user=request.user, training_id=pk)
    with attempt(request, message=False) as refused:
        services.training_remove(training=training, actor=request.user)
    if refused:
        return not_allowed(request, refused.message)
    messages.success(request, _("ลบบันทึก “%(title)s” แล้ว") % {"title": training.title})
    return redirect(_after_save(request))


@staff_required
def training_certificate(request, pk):
    training = selectors.training_get_for(user=request.user, training_id=pk)
    if training.certificate_id is None:
        raise Http404
    inline = training.certificate_extension in {"pdf", "jpg", "png"} and request.GET.get("download") != "1"
    response = blob_response(training.certificate, filename=training.certificate_name, inline=inline)
    response["Cache-Control"] = "private, no-store"
    return response


# The performance report ------------------------------------------------------------------------------------


def _report_reader(view):
    """Only the roles that read the whole office see the report; the period comes from the address."""

    @staff_required
    def wrapper(request, period, *args, **kwargs):
        if not can_see_report(request.user):
            return not_allowed(request, _("รายงานผลการดำเนินงานเปิดดูได้เฉพาะผู้ดูแลเว็บไซต์ คณะกรรมการ ผู้ดูแลระบบ "
                                          "ผู้พิจารณา และผู้อนุมัติ"))  # fmt: skip
        found = period_from_slug(period)
        if found is None:
            raise Http404
        return view(request, found, *args, **kwargs)

    return wrapper


@staff_required
def reports_index(request):
    if not can_see_report(request.user):
        return not_allowed(request, _("รายงานผลการดำเนินงานเปิดดูได้เฉพาะผู้ดูแลเว็บไซต์ คณะกรรมการ ผู้ดูแลระบบ "
                                      "ผู้พิจารณา และผู้อนุมัติ"))  # fmt: skip
    prepared = selectors.reports_of(request.user.office)
    current = current_fiscal_year()
    years = []
    for fy in range(current, current - YEARS_LISTED, -1):
        periods = [{"period": p, "slug": period_slug(p), "report": prepared.get((p.kind, p.start))}
                   for p in periods_of_year(fy)]  # fmt: skip
        years.append({"fy": fy, "periods": periods})
    return render(request, "reports/index.html", {"years": years})


def _view(office, period, report):
    facts = selectors.report_facts_for(office, period, report)
    return documents.outline(facts, report)


@_report_reader
def performance(request, period):
    office, user = request.user.office, request.user
    report = selectors.report_for(office, period)
    acknowledged = report is not None and report.is_acknowledged
    may_prepare = can_prepare_report(user) and not acknowledged
    saved = {"problems": report.problems, "suggestions": report.suggestions} if report else {}
    form = ReportSectionForm(request.POST or None, initial=saved)
    if request.method == "POST":
        if not may_prepare:
            return not_allowed(request, _("ส่วนปัญหาและอุปสรรคแก้ไขได้เฉพาะผู้ดูแลเว็บไซต์และผู้ดูแลระบบ "
                                          "ก่อนผู้บริหารรับทราบ"))  # fmt: skip
        if form.is_valid():
            run_service(request, lambda: services.report_prepare(office=office, actor=user, period=period,
                                                                 **form.cleaned_data),
                        success=_("บันทึกส่วนปัญหาและอุปสรรคแล้ว"))  # fmt: skip
            return redirect("backoffice:reports:performance", period_slug(period))
    view = documents.chart_images(_view(office, period, report))
    ready = report is not None and bool(report.problems.strip())
    fy = int(period_slug(period)[:4])
    context = {
        "view": view, "period": period, "slug": period_slug(period), "report": report, "form": form,
        "may_prepare": may_prepare, "acknowledged": acknowledged, "ended": has_ended(period), "ready": ready,
        "may_acknowledge": can_acknowledge_report(user) and ready and not acknowledged and has_ended(period),
        "is_approver": can_acknowledge_report(user), "periods": [(p, period_slug(p)) for p in periods_of_year(fy)],
        "previous_year": fy - 1, "next_year": fy + 1 if fy < current_fiscal_year() else None,
        "publish_link": _publish_link(view) if acknowledged and can_prepare_report(user) else "",
        "formats": list(DOCUMENT_TYPES),
    }  # fmt: skip
    return render(request, "reports/performance.html", context)


def _publish_link(view):
    title = f"{documents.REPORT_TITLE} {view.period_label}"
    return f"{reverse('backoffice:request-new')}?{urlencode({'topic': PUBLISH_TOPIC, 'title': title})}"


@require_POST
@_report_reader
def performance_acknowledge(request, period):
    run_service(request, lambda: services.report_acknowledge(office=request.user.office, actor=request.user,
                                                             period=period),
                success=_("รับทราบรายงานแล้ว ตัวเลขในรายงานถูกบันทึกไว้ตามที่รับทราบ"))  # fmt: skip
    return redirect("backoffice:reports:performance", period_slug(period))


@_report_reader
def performance_document(request, period, fmt):
    if fmt not in DOCUMENT_TYPES:
        raise Http404
    office = request.user.office
    view = _view(office, period, selectors.report_for(office, period))
    if fmt == "pdf":
        content = documents.performance_pdf(view)
    elif fmt == "docx":
        content = documents.performance_docx(view)
    else:
        content = documents.performance_xlsx(view)
    response = HttpResponse(content, content_type=DOCUMENT_TYPES[fmt])
    name = f"รายงานผลการดำเนินงาน-{period_slug(period)}.{fmt}"
    response["Content-Disposition"] = content_disposition("inline" if fmt == "pdf" else "attachment", name)
    response["Cache-Control"] = "private, no-store"
    return response
