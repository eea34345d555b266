"""A request's screens: the list, the four steps, its files, submitting, the detail page and deciding."""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from khaosan.backoffice.decorators import staff_required
from khaosan.backoffice.errors import attempt, not_allowed, run_service
from khaosan.backoffice.forms import (
    STEP_FORMS,
    STEP_TITLES,
    DecisionForm,
    RequestFilterForm,
    RequestStartForm,
    UploadForm,
)
from khaosan.backoffice.shortcuts import back_to, paginate, wants_json
from khaosan.catalog.files import type_label
from khaosan.catalog.models import Item
from khaosan.catalog.storage import blob_response
from khaosan.org.roles import Role, has_role
from khaosan.workflow import selectors, services
from khaosan.workflow.models import Action, RequestFile
from khaosan.workflow.permissions import can_decide, can_edit, can_publish, is_author, step_deciders

STEPS = list(STEP_FORMS)


@staff_required
def request_list(request):
    form = RequestFilterForm(request.GET or None, office=request.user.office)
    queryset = selectors.filter_requests(selectors.requests_visible_to(request.user), request.GET)
    return render(request, "backoffice/request_list.html", {"form": form, "page": paginate(request, queryset)})


@staff_required
def request_new(request):
    # A link may fill in the topic and the title (the ITA view's "request this": ?topic=<code>&title=...).
    initial = {"title": request.GET.get("title", "")[:300], "topic_code": request.GET.get("topic", "")[:80]}
    form = RequestStartForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with attempt(request, form=form, message=False) as refused:
            pub_request = services.request_create(office=request.user.office, actor=request.user, **form.cleaned_data)
        if not refused:
            messages.success(request, _("บันทึกร่างคำขอแล้ว แนบไฟล์และไปขั้นถัดไปได้"))
            return redirect("backoffice:request-edit", pub_request.pk, "what")
        if not refused.on_form:
            return not_allowed(request, refused.message)
    return render(request, "backoffice/request_step.html",
                  {"form": form, "step": "what", "steps": _steps(None, "what"), "pub_request": None})  # fmt: skip


@staff_required
def request_change(request, item_id, action):
    """Ask to replace or withdraw a published item: a request that goes through the same chain."""
    item = get_object_or_404(Item, pk=item_id, office=request.user.office)
    if action not in (Action.REPLACE, Action.WITHDRAW):
        raise Http404
    if request.method == "POST":
        with attempt(request, message=False) as refused:
            pub_request = services.request_create(
                office=request.user.office, actor=request.user, action=action, target_item=item,
                title=item.title, summary="" if action == Action.WITHDRAW else item.summary,
                body="" if action == Action.WITHDRAW else item.body, topic=item.topic, source=item.source,
                data_from=item.data_from, data_to=item.data_to,
            )  # fmt: skip
        if refused:
            return not_allowed(request, refused.message)
        return redirect("backoffice:request-edit", pub_request.pk, "what")
    return render(request, "backoffice/request_change.html", {"item": item, "action": Action(action)})


def _steps(pub_request, current):
    return [
        {"key": key, "title": STEP_TITLES[key], "current": key == current,
         "url": reverse("backoffice:request-edit", args=[pub_request.pk, key]) if pub_request else ""}
        for key in STEPS
    ]  # fmt: skip


@staff_required
def request_edit(request, pk, step):
    pub_request = selectors.request_get_for(user=request.user, request_id=pk)
    if step not in STEP_FORMS:
        raise Http404
    if not can_edit(request.user, pub_request):
        messages.info(request, _("คำขอนี้แก้ไขไม่ได้ในสถานะปัจจุบัน"))
        return redirect(pub_request)
    form = STEP_FORMS[step](request.POST or None, instance=pub_request)
    if request.method == "POST" and form.is_valid():
        with attempt(request, form=form) as refused:
            services.request_update(pub_request=pub_request, actor=request.user, **form.cleaned_data)
        if not refused:
            if "next" in request.POST:
                index = STEPS.index(step)
                if index + 1 < len(STEPS):
                    return redirect("backoffice:request-edit", pk, STEPS[index + 1])
                return redirect("backoffice:request-review", pk)
            messages.success(request, _("บันทึกร่างแล้ว"))
            return redirect("backoffice:request-edit", pk, step)
        if not refused.on_form:
            return redirect(pub_request)
    context = {"form": form, "step": step, "steps": _steps(pub_request, step), "pub_request": pub_request,
               "upload_form": UploadForm()}  # fmt: skip
    if step == "where":
        from khaosan.catalog.selectors import navigation

        context["categories"] = navigation()
    return render(request, "backoffice/request_step.html", context)


@staff_required
def request_review(request, pk):
    pub_request = selectors.request_get_for(user=request.user, request_id=pk)
    if not can_edit(request.user, pub_request):
        return redirect(pub_request)
    return render(
        request,
        "backoffice/request_review.html",
        {"pub_request": pub_request, "missing": services.missing_for_submission(pub_request),
         "steps": _steps(pub_request, None)},
    )  # fmt: skip


def waiting_on(pub_request):
    """Whom a request in review waits on now (names, and why an administrator stands in), else None."""
    return step_deciders(pub_request) if pub_request.current_role else None


def sent_to_message(pub_request):
    """'… ระบบแจ้ง <names> ให้พิจารณาแล้ว': who was told, by name, never a role nobody may act in."""
    deciders = waiting_on(pub_request)
    if deciders is None:
        return ""
    if deciders.stand_in:
        return _("ระบบแจ้ง %(names)s (ผู้ดูแลระบบ) ให้พิจารณาแทน%(role)s แล้ว เพราะ%(reason)s") % {
            "names": deciders.names, "role": Role(deciders.role).label, "reason": deciders.stand_in_reason}  # fmt: skip
    return _("ระบบแจ้ง %(names)s ให้พิจารณาในฐานะ%(role)s แล้ว") % {
        "names": deciders.names, "role": Role(deciders.role).label}  # fmt: skip


@require_POST
@staff_required
def request_submit(request, pk):
    pub_request = selectors.request_get_for(user=request.user, request_id=pk)
    with attempt(request) as refused:
        pub_request = services.request_submit(pub_request=pub_request, actor=request.user)
    if not refused:
        messages.success(request, _("ยื่นคำขอแล้ว") + " " + sent_to_message(pub_request))
    elif refused.bad_input:  # something is missing: back to the summary that lists it
        return redirect("backoffice:request-review", pk)
    return redirect(pub_request)


@require_POST
@staff_required
def request_cancel(request, pk):
    pub_request = selectors.request_get_for(user=request.user, request_id=pk)
    run_service(request, lambda: services.request_cancel(pub_request=pub_request, actor=request.user),
                success=_("ยกเลิกคำขอแล้ว"))  # fmt: skip
    return redirect(pub_request)


@require_POST
@staff_required
def request_file_add(request, pk):
    """Upload one file; answered in JSON for the progress bar, or by a redirect without scripts."""
    pub_request = selectors.request_get_for(user=request.user, request_id=pk)
    form = UploadForm(request.POST, request.FILES)
    error = None
    request_file = None
    if form.is_valid():
        with attempt(request, message=False) as refused:
            request_file = services.request_file_add(
                pub_request=pub_request, actor=request.user, upload=form.cleaned_data["file"],
                kind=form.cleaned_data.get("kind") or RequestFile.Kind.CONTENT,
            )  # fmt: skip
        error = refused.message or None
    else:
        error = " ".join(e for errors in form.errors.values() for e in errors)
    notice = None
    if request_file is not None and request_file.already_attached:
        notice = services.already_attached_message(request_file, uploaded_name=form.cleaned_data["file"].name)
    if wants_json(request):
        if error:
            return JsonResponse({"ok": False, "error": error}, status=400)
        return JsonResponse({"ok": True, "already_attached": bool(notice), "message": notice or "",
                             "file": _file_json(request_file)})  # fmt: skip
    if error:
        messages.error(request, error)
    elif notice:
        messages.info(request, notice)
    else:
        messages.success(request, _("แนบไฟล์ “%(name)s” แล้ว") % {"name": request_file.original_name})
    return redirect(back_to(request, reverse("backoffice:request-edit", args=[pk, "what"])))


def _file_json(request_file):
    """What the uploader's script needs to show the new row as the page would: link, size, remove form."""
    from khaosan.thai.text import human_size

    return {
        "id": request_file.pk, "name": request_file.original_name, "kind": request_file.get_kind_display(),
        "extension": request_file.extension,
        "label": f"{type_label(request_file.extension)} · {human_size(request_file.size)}",
        "url": request_file.get_absolute_url(),
        "delete_url": reverse("backoffice:request-file-delete", args=[request_file.pub_request_id, request_file.pk]),
    }  # fmt: skip


@require_POST
@staff_required
def request_file_delete(request, pk, file_id):
    pub_request = selectors.request_get_for(user=request.user, request_id=pk)
    run_service(request, lambda: services.request_file_remove(pub_request=pub_request, actor=request.user,
                                                              file_id=file_id), success=_("นำไฟล์ออกแล้ว"))  # fmt: skip
    return redirect(back_to(request, reverse("backoffice:request-edit", args=[pk, "what"])))


@staff_required
def request_file(request, pk, file_id):
    """Serve a request's file to people who may see the request (never through the public site)."""
    pub_request = selectors.request_get_for(user=request.user, request_id=pk)
    request_file = get_object_or_404(RequestFile.objects.select_related("blob"), pk=file_id, pub_request=pub_request)
    inline = request_file.extension in {"pdf", "jpg", "png"} and request.GET.get("download") != "1"
    response = blob_response(request_file.blob, filename=request_file.original_name, inline=inline)
    response["Cache-Control"] = "private, no-store"
    return response


@staff_required
def request_detail(request, pk):
    pub_request = selectors.request_get_for(user=request.user, request_id=pk)
    user = request.user
    decide = can_decide(user, pub_request)
    return render(
        request,
        "backoffice/request_detail.html",
        {
            "pub_request": pub_request,
            "files": list(pub_request.files.select_related("blob", "uploaded_by")),
            "decisions": list(pub_request.decisions.select_related("delegation")),
            "timeline": selectors.timeline(pub_request),
            "can_edit": can_edit(user, pub_request),
            "is_author": is_author(user, pub_request),
            "decision_form": DecisionForm(initial={"step": pub_request.step}) if decide else None,
            "waiting_on": waiting_on(pub_request),
            "can_publish": can_publish(user, pub_request),
            "memo_form": UploadForm(initial={"kind": RequestFile.Kind.MEMO}),
            "can_attach_memo": is_author(user, pub_request) or has_role(user, Role.WEBMASTER),
        },
    )


@require_POST
@staff_required
def request_decide(request, pk):
    pub_request = selectors.request_get_for(user=request.user, request_id=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        with attempt(request, form=form) as refused:
            pub_request = services.request_decide(
                pub_request_id=pub_request.pk, actor=request.user, verdict=form.cleaned_data["verdict"],
                reason_code=form.cleaned_data["reason_code"], reason=form.cleaned_data["reason"],
                expected_step=form.cleaned_data["step"],
            )  # fmt: skip
        if not refused:
            told = sent_to_message(pub_request) or _("ระบบแจ้งผู้เกี่ยวข้องให้แล้ว")
            messages.success(request, _("บันทึกผลการพิจารณาแล้ว") + " " + told)
            return redirect(pub_request)
        if not refused.on_form:
            return redirect(pub_request)
    context = {
        "pub_request": pub_request, "files": list(pub_request.files.select_related("blob")),
        "decisions": list(pub_request.decisions.all()), "timeline": selectors.timeline(pub_request),
        "decision_form": form, "memo_form": UploadForm(initial={"kind": RequestFile.Kind.MEMO}),
        "waiting_on": waiting_on(pub_request),
    }  # fmt: skip
    return render(request, "backoffice/request_detail.html", context, status=400)
