"""Screens of the evaluation system (/backoffice/evaluation/). Thin: a form, one service or selector, a page.

Every appraisal is found through `selectors.appraisal_get_for`, so an id outside what the person may see
answers 404; each time someone opens another person's appraisal (page, form, file) an audit row says so.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from khaosan.backoffice.decorators import role_required, staff_required
from khaosan.backoffice.errors import add_to_form, attempt, not_allowed, run_service
from khaosan.backoffice.shortcuts import wants_json
from khaosan.catalog.storage import blob_response, content_disposition
from khaosan.clients import client_address
from khaosan.eservice import forms, permissions, scoring, selectors, services
from khaosan.eservice.models import Appraisal, AppraisalRound
from khaosan.org.models import Staff, Unit
from khaosan.org.roles import Role

S = Appraisal.State
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _appraisal(request, pk, *, what="page"):
    """The appraisal if the person may see it (else 404); opening someone else's is an audit event."""
    appraisal = selectors.appraisal_get_for(user=request.user, appraisal_id=pk)
    if request.method == "GET":
        services.appraisal_viewed(appraisal=appraisal, viewer=request.user, what=what,
                                  address=client_address(request))  # fmt: skip
    return appraisal


def _file_response(content, mime, name, *, inline=False):
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = content_disposition("inline" if inline else "attachment", name)
    response["Cache-Control"] = "private, no-store"
    return response


def _bad_input(request, refused):
    """Return the errors an appraisal page lists for bad input ([] when the call went through).

    None after a refusal: its message goes to the appraisal page, to which the view redirects.
    """
    if not refused:
        return []
    if refused.bad_input:
        return refused.error.messages
    messages.error(request, refused.message)
    return None


# Home: my current round ------------------------------------------------------------------------------------


@staff_required
def home(request):
    """Where a staff member lands after signing in: their appraisal in the open round, and their people's."""
    user, office = request.user, request.user.office
    round_ = selectors.current_round(office)
    mine = round_.appraisals.filter(staff=user).first() if round_ else None
    people = list(selectors.evaluees(user, round_)) if round_ else []
    for appraisal in people:
        appraisal.waiting_on = selectors.waiting_on(appraisal)
        appraisal.my_turn = appraisal.waiting_on is not None and appraisal.waiting_on.pk == user.pk
    return render(request, "eservice/home.html", {
        "round": round_, "mine": mine, "mine_waiting_on": selectors.waiting_on(mine) if mine else None,
        "evaluees": [a for a in people if a.evaluator_id == user.pk],
        "line": [a for a in people if a.supervisor_id == user.pk],
        "history": selectors.my_appraisals(user).exclude(round=round_) if round_ else selectors.my_appraisals(user),
        "sees_all": selectors.sees_all(user), "can_manage": permissions.can_manage(user),
        "rounds": selectors.rounds_of(office)[:6] if selectors.sees_all(user) else [],
        "profile": selectors.profile_of(user),
    })  # fmt: skip


# One appraisal ---------------------------------------------------------------------------------------------


@staff_required
def appraisal_detail(request, pk):
    appraisal = _appraisal(request, pk)
    user = request.user
    actions = permissions.actions_for(user, appraisal)
    # The staff member sees their score once the supervisor's review is done; the evaluator chain and HR earlier.
    shows_result = appraisal.has_result and (
        user.pk != appraisal.staff_id or appraisal.state in selectors.COUNTED_STATES
    )
    return render(request, "eservice/appraisal.html", {
        "appraisal": appraisal, "actions": actions, "waiting_on": selectors.waiting_on(appraisal),
        "indicators": list(appraisal.indicators.all()), "competencies": list(appraisal.competencies.all()),
        "evidence": list(appraisal.evidence.all()), "plan": list(appraisal.plan.all()),
        "missing": services.agreement_missing(appraisal) if actions["submit_agreement"] else [],
        "shows_result": shows_result, "bands": _bands(appraisal),
        "rule": scoring.RULE_TEXT, "competency_rule": scoring.COMPETENCY_RULE_TEXT,
        "decision_form": forms.AgreementDecisionForm() if actions["decide_agreement"] else None,
        "can_copy": actions["edit_agreement"] and selectors.previous_appraisal(appraisal) is not None,
        "is_staff_member": user.pk == appraisal.staff_id,
    })  # fmt: skip


def _bands(appraisal):
    from khaosan.eservice.documents import band_ranges

    config = appraisal.result_config or appraisal.round.config
    return [(label, text, appraisal.has_result and band.rank == appraisal.result_band_rank)
            for label, text, band in band_ranges(config.get("bands") or scoring.DEFAULT_BANDS)]  # fmt: skip


@staff_required
def agreement_edit(request, pk):
    appraisal = _appraisal(request, pk, what="agreement")
    if not permissions.can_edit_agreement(request.user, appraisal):
        messages.info(request, _("ข้อตกลงนี้แก้ไขไม่ได้ในขั้นปัจจุบัน"))
        return redirect(appraisal)
    indicators_initial, competencies_initial = forms.agreement_initial(appraisal)
    data = request.POST if request.method == "POST" else None
    indicators = forms.IndicatorFormSet(data, initial=indicators_initial, prefix="indicators")
    competencies = forms.CompetencyFormSet(data, initial=competencies_initial, prefix="competencies")
    errors = []
    if request.method == "POST" and indicators.is_valid() and competencies.is_valid():
        with attempt(request, message=False) as refused:
            services.agreement_save(
                appraisal=appraisal, actor=request.user,
                indicators=[f.row() for f in indicators.forms if f.cleaned_data],
                competencies=[f.row() for f in competencies.forms if f.cleaned_data],
            )  # fmt: skip
            if "submit" in request.POST:
                services.agreement_submit(appraisal=appraisal, actor=request.user)
        errors = _bad_input(request, refused)
        if errors is None:
            return redirect(appraisal)
        if not refused:
            if "submit" in request.POST:
                messages.success(request, _("ส่งข้อตกลงให้ผู้ประเมินแล้ว ระบบแจ้ง %(name)s ให้พิจารณาแล้ว") % {
                    "name": appraisal.evaluator})  # fmt: skip
                return redirect(appraisal)
            messages.success(request, _("บันทึกข้อตกลงแล้ว"))
            return redirect("backoffice:eservice:agreement", pk)
    if request.method == "POST" and not errors and not (indicators.is_valid() and competencies.is_valid()):
        errors = [_("บางช่องยังไม่ถูกต้อง โปรดดูข้อความใต้ช่องที่มีกรอบสีแดง")]
    weights = [f["weight"].value() for f in indicators.forms]
    weight_sum = sum(int(w) for w in weights if str(w or "").strip().isdigit())
    return render(request, "eservice/agreement.html", {
        "appraisal": appraisal, "indicators": indicators, "competencies": competencies, "errors": errors,
        "weight_sum": weight_sum, "can_submit": permissions.can_submit_agreement(request.user, appraisal),
    }, status=400 if errors else 200)  # fmt: skip


@require_POST
@staff_required
def agreement_copy(request, pk):
    appraisal = _appraisal(request, pk)
    with attempt(request) as refused:
        previous = services.agreement_copy_previous(appraisal=appraisal, actor=request.user)
    if refused:
        return redirect(appraisal)
    messages.success(request, _("คัดลอกข้อตกลงจาก%(round)s แล้ว โปรดตรวจและแก้ไขให้ตรงกับรอบนี้") % {
        "round": previous.round.label})  # fmt: skip
    return redirect("backoffice:eservice:agreement", pk)


@require_POST
@staff_required
def agreement_submit(request, pk):
    appraisal = _appraisal(request, pk)
    run_service(request, lambda: services.agreement_submit(appraisal=appraisal, actor=request.user),
                success=_("ส่งข้อตกลงให้ผู้ประเมินแล้ว"))  # fmt: skip
    return redirect(appraisal)


@require_POST
@staff_required
def agreement_decide(request, pk):
    appraisal = _appraisal(request, pk)
    form = forms.AgreementDecisionForm(request.POST)
    form.is_valid()
    agree = request.POST.get("decision") == "agree"
    run_service(request, lambda: services.agreement_decide(appraisal=appraisal, actor=request.user, agree=agree,
                                                           note=form.cleaned_data.get("note", "")),
                success=_("เห็นชอบข้อตกลงแล้ว") if agree else _("ส่งข้อตกลงกลับให้แก้ไขแล้ว"))  # fmt: skip
    return redirect(appraisal)


def _levels_page(request, appraisal, *, template, attribute, extra=None, status=200, **form_kwargs):
    context = {"appraisal": appraisal, "rule": scoring.RULE_TEXT, "competency_rule": scoring.COMPETENCY_RULE_TEXT,
               **(extra or {})}  # fmt: skip
    return render(request, template, context, status=status)


@staff_required
def self_assessment(request, pk):
    appraisal = _appraisal(request, pk, what="self_assessment")
    if not permissions.can_self_assess(request.user, appraisal):
        messages.info(request, _("ขั้นประเมินตนเองยังไม่เปิด หรือส่งผลการประเมินตนเองไปแล้ว"))
        return redirect(appraisal)
    data = request.POST if request.method == "POST" else None
    levels = forms.LevelsForm(data, appraisal=appraisal, attribute="self_level", with_notes=True)
    comment = forms.CommentForm(data, initial={"comment": appraisal.self_comment})
    errors = []
    if request.method == "POST" and levels.is_valid() and comment.is_valid():
        submit = "submit" in request.POST
        with attempt(request, message=False) as refused:
            services.self_assessment_save(
                appraisal=appraisal, actor=request.user, indicator_levels=levels.indicator_levels(),
                competency_levels=levels.competency_levels(), notes=levels.notes(),
                comment=comment.cleaned_data["comment"], submit=submit,
            )  # fmt: skip
        errors = _bad_input(request, refused)
        if errors is None:
            return redirect(appraisal)
        if not refused:
            if submit:
                messages.success(request, _("ส่งผลการประเมินตนเองแล้ว ระบบแจ้ง %(name)s ให้ให้คะแนนแล้ว") % {
                    "name": appraisal.evaluator})  # fmt: skip
                return redirect(appraisal)
            messages.success(request, _("บันทึกผลการประเมินตนเองแล้ว ยังแก้ไขได้จนกว่าจะกดส่ง"))
            return redirect("backoffice:eservice:self", pk)
    return _levels_page(
        request,
        appraisal,
        template="eservice/self_assessment.html",
        attribute="self_level",
        status=400 if errors else 200,
        extra={
            "levels": levels,
            "comment": comment,
            "errors": errors,
            "evidence": list(appraisal.evidence.all()),
            "upload_form": forms.EvidenceForm(),
        },
    )


@require_POST
@staff_required
def evidence_add(request, pk):
    appraisal = _appraisal(request, pk)
    form = forms.EvidenceForm(request.POST, request.FILES)
    error = None
    evidence = None
    if form.is_valid():
        with attempt(request, message=False) as refused:
            evidence = services.evidence_add(appraisal=appraisal, actor=request.user, upload=form.cleaned_data["file"])
        error = refused.message or None
    else:
        error = " ".join(e for errors in form.errors.values() for e in errors)
    if wants_json(request):
        from django.http import JsonResponse

        if error:
            return JsonResponse({"ok": False, "error": error}, status=400)
        return JsonResponse({"ok": True, "name": evidence.original_name})
    if error:
        messages.error(request, error)
    elif evidence.already_attached:
        messages.info(request, _("ไฟล์ “%(name)s” แนบไว้แล้ว ระบบจึงไม่แนบซ้ำ") % {"name": evidence.original_name})
    else:
        messages.success(request, _("แนบไฟล์ “%(name)s” แล้ว") % {"name": evidence.original_name})
    return redirect("backoffice:eservice:self", pk)


@require_POST
@staff_required
def evidence_remove(request, pk, evidence_id):
    appraisal = _appraisal(request, pk)
    run_service(request, lambda: services.evidence_remove(appraisal=appraisal, actor=request.user,
                                                          evidence_id=evidence_id),
                success=_("นำไฟล์หลักฐานออกแล้ว"))  # fmt: skip
    return redirect("backoffice:eservice:self", pk)


@staff_required
def evidence_file(request, pk, evidence_id):
    """Serve an evidence file to those who may see the appraisal (never through the public site)."""
    appraisal = _appraisal(request, pk, what="evidence")
    evidence = get_object_or_404(appraisal.evidence.select_related("blob"), pk=evidence_id)
    inline = evidence.extension in {"pdf", "jpg", "png"} and request.GET.get("download") != "1"
    response = blob_response(evidence.blob, filename=evidence.original_name, inline=inline)
    response["Cache-Control"] = "private, no-store"
    return response


@staff_required
def assessment(request, pk):
    appraisal = _appraisal(request, pk, what="assessment")
    if not permissions.can_assess(request.user, appraisal):
        messages.info(request, _("ยังให้คะแนนไม่ได้ในขั้นนี้: รอผู้รับการประเมินส่งผลการประเมินตนเอง หรือให้คะแนนไปแล้ว"))
        return redirect(appraisal)
    data = request.POST if request.method == "POST" else None
    levels = forms.LevelsForm(data, appraisal=appraisal, attribute="evaluator_level")
    comment = forms.CommentForm(data, initial={"comment": appraisal.evaluator_comment})
    plan_initial = [{"topic": p.topic, "method": p.method, "timeframe": p.timeframe} for p in appraisal.plan.all()]
    plan = forms.PlanFormSet(data, initial=plan_initial, prefix="plan")
    errors = []
    if request.method == "POST" and levels.is_valid() and comment.is_valid() and plan.is_valid():
        submit = "submit" in request.POST
        with attempt(request, message=False) as refused:
            services.assessment_save(
                appraisal=appraisal, actor=request.user, indicator_levels=levels.indicator_levels(),
                competency_levels=levels.competency_levels(), comment=comment.cleaned_data["comment"],
                plan=forms.plan_rows(plan), submit=submit,
            )  # fmt: skip
        errors = _bad_input(request, refused)
        if errors is None:
            return redirect(appraisal)
        if not refused:
            if submit:
                appraisal.refresh_from_db()
                messages.success(request, _("บันทึกคะแนนแล้ว: คะแนนรวม %(total)s ระดับ%(band)s") % {
                    "total": appraisal.result_total, "band": appraisal.result_band})  # fmt: skip
                return redirect(appraisal)
            messages.success(request, _("บันทึกร่างคะแนนแล้ว ยังแก้ไขได้จนกว่าจะกดส่ง"))
            return redirect("backoffice:eservice:assess", pk)
    return _levels_page(request, appraisal, template="eservice/assessment.html", attribute="evaluator_level",
                        status=400 if errors else 200,
                        extra={"levels": levels, "comment": comment, "plan": plan, "errors": errors,
                               "evidence": list(appraisal.evidence.all())})  # fmt: skip


@staff_required
def review(request, pk):
    appraisal = _appraisal(request, pk, what="review")
    if not permissions.can_review(request.user, appraisal):
        messages.info(request, _("ยังพิจารณาผลไม่ได้ในขั้นนี้"))
        return redirect(appraisal)
    data = request.POST if request.method == "POST" else None
    form = forms.ReviewForm(data)
    levels = forms.LevelsForm(data, appraisal=appraisal, attribute="supervisor_level", initial_from="level")
    errors = []
    if request.method == "POST" and form.is_valid() and levels.is_valid():
        with attempt(request, message=False) as refused:
            services.review_save(
                appraisal=appraisal, actor=request.user, verdict=form.cleaned_data["verdict"],
                reason=form.cleaned_data["reason"], indicator_levels=levels.indicator_levels(),
                competency_levels=levels.competency_levels(),
            )  # fmt: skip
        if refused and hasattr(refused.error, "error_dict"):
            add_to_form(form, refused.error)
        else:
            errors = _bad_input(request, refused)
            if errors is None:
                return redirect(appraisal)
        if not refused:
            appraisal.refresh_from_db()
            messages.success(
                request,
                _("บันทึกความเห็นแล้ว: คะแนนรวม %(total)s ระดับ%(band)s ระบบแจ้งผู้รับการประเมินให้รับทราบผลแล้ว")
                % {"total": appraisal.result_total, "band": appraisal.result_band},
            )
            return redirect(appraisal)
    status = 400 if errors or form.errors else 200
    return _levels_page(request, appraisal, template="eservice/review.html", attribute="supervisor_level",
                        status=status, extra={"form": form, "levels": levels, "errors": errors,
                                              "bands": _bands(appraisal)})  # fmt: skip


@require_POST
@staff_required
def acknowledge(request, pk):
    appraisal = _appraisal(request, pk)
    run_service(request, lambda: services.acknowledge(appraisal=appraisal, actor=request.user),
                success=_("รับทราบผลการประเมินแล้ว การประเมินนี้เสร็จสิ้นและล็อกแล้ว"))  # fmt: skip
    return redirect(appraisal)


@staff_required
def refusal(request, pk):
    appraisal = _appraisal(request, pk, what="refusal")
    if not permissions.can_record_refusal(request.user, appraisal):
        messages.info(request, _("บันทึกการไม่ลงนามรับทราบได้เมื่อผลการประเมินรอรับทราบเท่านั้น"))
        return redirect(appraisal)
    form = forms.RefusalForm(request.POST or None, appraisal=appraisal)
    if request.method == "POST" and form.is_valid():
        with attempt(request, form=form) as refused:
            services.refusal_record(appraisal=appraisal, actor=request.user, **form.cleaned_data)
        if not refused:
            messages.success(request, _("บันทึกการแจ้งผลและพยานแล้ว การประเมินนี้เสร็จสิ้นและล็อกแล้ว"))
        if not refused.on_form:
            return redirect(appraisal)
    return render(request, "eservice/refusal.html", {"appraisal": appraisal, "form": form},
                  status=400 if form.errors else 200)  # fmt: skip


@staff_required
def appraisal_document(request, pk, fmt):
    from khaosan.eservice import documents

    if fmt not in ("pdf", "docx"):
        raise Http404
    appraisal = _appraisal(request, pk, what=fmt)
    who = appraisal.staff.get_full_name() or appraisal.staff.username
    name = f"แบบสรุปการประเมิน-{who}-รอบ{appraisal.round.number}-{appraisal.round.fiscal_year}.{fmt}"
    if fmt == "pdf":
        return _file_response(documents.appraisal_form_pdf(appraisal), "application/pdf", name, inline=True)
    return _file_response(documents.appraisal_form_docx(appraisal), DOCX, name)


# Rounds ----------------------------------------------------------------------------------------------------


@staff_required
def round_list(request):
    if not selectors.sees_all(request.user):
        return not_allowed(request, _("หน้านี้สำหรับผู้ดูแลระบบและผู้ดูแลงานบุคคลของการประเมินเท่านั้น"))
    office = request.user.office
    form = forms.RoundOpenForm(request.POST or None) if permissions.can_manage(request.user) else None
    if request.method == "POST":
        if form is None:
            return not_allowed(request, _("เปิดรอบการประเมินได้เฉพาะผู้ดูแลระบบ"))
        if form.is_valid():
            with attempt(request, form=form, message=False) as refused:
                round_ = services.round_open(office=office, actor=request.user, **form.cleaned_data)
            if refused and not refused.on_form:
                return not_allowed(request, refused.message)
            if not refused:
                messages.success(request, _("เปิด%(round)s แล้ว เริ่มการประเมิน %(n)d คน และแจ้งทุกคนให้จัดทำข้อตกลงแล้ว") % {
                    "round": round_.label, "n": round_.appraisals.count()})  # fmt: skip
                return redirect(round_)
    return render(request, "eservice/rounds.html", {"rounds": selectors.rounds_of(office), "form": form},
                  status=400 if form is not None and form.errors else 200)  # fmt: skip


@staff_required
def round_detail(request, pk):
    """The round summary per unit (distribution across bands, who is not finished) and, for admins, the round."""
    round_ = selectors.round_get_for(user=request.user, round_id=pk)
    user = request.user
    if not (selectors.sees_all(user) or selectors.evaluees(user, round_).exists()):
        raise Http404
    summary = selectors.round_summary(user, round_)
    services.summary_viewed(round_=round_, viewer=user, address=client_address(request))
    from khaosan.eservice import documents

    manage = permissions.can_manage(user) and round_.is_open
    return render(request, "eservice/round.html", {
        "round": round_, "summary": summary,
        "unfinished": [(a, selectors.waiting_on(a)) for a in summary.unfinished],
        "chart": documents.svg_data_url(documents.band_chart_svg(summary)) if summary.total.with_result else "",
        "dates_form": forms.RoundDatesForm(instance=round_) if manage else None, "manage": manage,
        "can_announce": services.can_announce(user, round_) and not round_.is_open,
        "announcement": round_.announcement_request, "announcement_open": services.announcement_open_request(round_),
        "announced": documents.announcement_rows(selectors.announced_appraisals(round_))
        if services.can_announce(user, round_) and not round_.is_open else [],
        "sees_all": selectors.sees_all(user), "plans": selectors.development_plans(user, round_),
    })  # fmt: skip


@staff_required
def round_summary_document(request, pk, fmt):
    from khaosan.eservice import documents

    if fmt not in ("pdf", "xlsx"):
        raise Http404
    round_ = selectors.round_get_for(user=request.user, round_id=pk)
    if not (selectors.sees_all(request.user) or selectors.evaluees(request.user, round_).exists()):
        raise Http404
    summary = selectors.round_summary(request.user, round_)
    services.summary_viewed(round_=round_, viewer=request.user, what=fmt, address=client_address(request))
    name = f"สรุปผลการประเมิน-รอบ{round_.number}-{round_.fiscal_year}.{fmt}"
    if fmt == "pdf":
        return _file_response(documents.summary_pdf(summary), "application/pdf", name, inline=True)
    return _file_response(
        documents.summary_xlsx(summary, plans=selectors.development_plans(request.user, round_)), XLSX, name
    )


def _managed_round(request, pk):
    return selectors.round_get_for(user=request.user, round_id=pk)


@require_POST
@role_required(Role.ADMINISTRATOR)
def round_dates(request, pk):
    round_ = _managed_round(request, pk)
    form = forms.RoundDatesForm(request.POST, instance=AppraisalRound.objects.get(pk=round_.pk))
    if form.is_valid():
        run_service(request, lambda: services.round_update_dates(round_=round_, actor=request.user,
                                                                 **form.cleaned_data),
                    success=_("บันทึกกำหนดวันแล้ว"))  # fmt: skip
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(round_)


@require_POST
@role_required(Role.ADMINISTRATOR)
def round_close(request, pk):
    round_ = _managed_round(request, pk)
    run_service(request, lambda: services.round_close(round_=round_, actor=request.user),
                success=_("ปิด%(round)s แล้ว การประเมินทุกรายการในรอบนี้ถูกล็อก") % {"round": round_.label})  # fmt: skip
    return redirect(round_)


@require_POST
@role_required(Role.ADMINISTRATOR)
def round_add_missing(request, pk):
    round_ = _managed_round(request, pk)
    with attempt(request) as refused:
        created = services.round_add_missing(round_=round_, actor=request.user)
    if not refused:
        messages.success(request, _("เพิ่มการประเมินให้ %(n)d คน") % {"n": len(created)} if created else
                         _("ไม่มีผู้ที่ต้องเพิ่ม: ผู้ที่ยังไม่มีการประเมินไม่มีผู้ประเมินในระบบ หรือถูกตั้งว่าไม่ประเมิน"))  # fmt: skip
    return redirect(round_)


@require_POST
@staff_required
def round_announce(request, pk):
    round_ = selectors.round_get_for(user=request.user, round_id=pk)
    with attempt(request) as refused:
        pub_request = services.announcement_request(round_=round_, actor=request.user)
    if refused:
        return redirect(round_)
    messages.success(request, _("ยื่นคำขอเผยแพร่รายชื่อ (คำขอ %(ref)s) เข้าสู่ลำดับการพิจารณาแล้ว") % {
        "ref": pub_request.reference})  # fmt: skip
    return redirect(pub_request)


# Administrator: settings, people, unit heads -------------------------------------------------------------


@role_required(Role.ADMINISTRATOR)
def settings_page(request):
    office = request.user.office
    current = selectors.settings_for(office)
    data = request.POST if request.method == "POST" else None
    form = forms.SettingsForm(data, settings_obj=current)
    bands = forms.BandFormSet(data, initial=forms.settings_bands_initial(current), prefix="bands")
    errors = []
    if request.method == "POST" and form.is_valid() and bands.is_valid():
        with attempt(request, message=False) as refused:
            services.settings_update(
                office=office,
                actor=request.user,
                bands=forms.band_rows(bands),
                results_weights=form.weights(),
                reminder_days=form.cleaned_data["reminder_days"],
            )
        errors = refused.error.messages if refused else []
        if not refused:
            messages.success(request, _("บันทึกการตั้งค่าแล้ว ใช้กับรอบที่เปิดหลังจากนี้ รอบเดิมคงค่าที่บันทึกไว้"))
            return redirect("backoffice:eservice:settings")
    status = 400 if errors or form.errors or bands.total_error_count() else 200
    return render(request, "eservice/settings.html", {"form": form, "bands": bands, "errors": errors,
                                                      "current_round": selectors.current_round(office)},
                  status=status)  # fmt: skip


@role_required(Role.ADMINISTRATOR)
def people(request):
    office = request.user.office
    return render(request, "eservice/people.html", {"rows": selectors.evaluation_lines(office)})


@role_required(Role.ADMINISTRATOR)
def person_edit(request, staff_id):
    office = request.user.office
    person = get_object_or_404(Staff, pk=staff_id, office=office)
    profile = selectors.profile_of(person)
    initial = {"staff_type": profile.staff_type, "is_hr": profile.is_hr, "excluded": profile.excluded,
               "evaluator": profile.evaluator_id, "supervisor": profile.supervisor_id}  # fmt: skip
    form = forms.ProfileForm(request.POST or None, initial=initial, office=office, person=person)
    if request.method == "POST" and form.is_valid():
        with attempt(request, form=form) as refused:
            services.profile_update(person=person, actor=request.user, **form.cleaned_data)
        if not refused:
            messages.success(request, _("บันทึกข้อมูลการประเมินของ %(name)s แล้ว") % {"name": person})
        if not refused.on_form:
            return redirect("backoffice:eservice:people")
    return render(request, "eservice/person.html", {
        "person": person, "form": form, "default_evaluator": selectors.evaluator_of(person),
    }, status=400 if form.errors else 200)  # fmt: skip


@role_required(Role.ADMINISTRATOR)
def unit_heads(request):
    office = request.user.office
    units = Unit.objects.filter(office=office, is_active=True).exclude(kind=Unit.Kind.EXTERNAL)
    form = forms.UnitHeadsForm(request.POST or None, units=units, heads=selectors.unit_heads(office), office=office)
    if request.method == "POST" and form.is_valid():
        with attempt(request, form=form) as refused:
            for unit, head in form.heads():
                services.unit_head_set(unit=unit, actor=request.user, head=head)
        if not refused:
            messages.success(request, _("บันทึกหัวหน้าหน่วยงานแล้ว ผู้ประเมินในรอบที่เปิดอยู่เปลี่ยนตามสำหรับขั้นที่ยังไม่ได้ทำ"))
        if not refused.on_form:
            return redirect("backoffice:eservice:people")
    return render(request, "eservice/unit_heads.html", {"form": form}, status=400 if form.errors else 200)


def login_landing():
    """The address the public e-Service page signs in to: the staff member's current round."""
    return reverse("backoffice:login") + "?next=" + reverse("backoffice:eservice:home")
