"""Staff screens for requests: my tasks, the request steps, decisions, publishing, the inbox.

Views validate a form, call one service or selector, and render or redirect. Every object is found
through a scoped selector, so an id guessed from another office or unit answers 404.
"""

import datetime as dt
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from khaosan.catalog.files import type_label
from khaosan.catalog.models import Item
from khaosan.org.roles import Role, acting_roles, has_role, is_operator
from khaosan.params import positive_int
from khaosan.catalog.storage import blob_response, content_disposition
from khaosan.workflow import selectors, services
from khaosan.workflow.models import OPEN_FILTER, Action, Notification, RequestFile, State
from khaosan.workflow.permissions import NotAllowed, can_decide, can_edit, can_publish, is_author, step_deciders
from khaosan.backoffice.forms import (
    STEP_FORMS,
    STEP_TITLES,
    DecisionForm,
    PublishForm,
    RegisterForm,
    RequestFilterForm,
    RequestStartForm,
    UploadForm,
)

STEPS = list(STEP_FORMS)
PER_PAGE = 25
# Administrators see the e-mails that could not be sent lately on their home page.
FAILED_EMAILS_WINDOW = dt.timedelta(days=30)
FAILED_EMAILS_SHOWN = 10


def staff_required(view):
    """Signed in, active, and belonging to an office; everything else is scoped from there."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path(), reverse("backoffice:login"))
        if is_operator(request.user):
            return not_allowed(request, _("บัญชีนี้เป็นบัญชีผู้ดูแลแพลตฟอร์ม ไม่ได้สังกัดสำนักงานใด "
                                          "โปรดใช้หน้าผู้ดูแลแพลตฟอร์มแทนระบบหลังบ้าน"),
                               link=(reverse("admin:index"), _("ไปหน้าผู้ดูแลแพลตฟอร์ม")))  # fmt: skip
        if request.user.office_id is None:
            return not_allowed(request, _("บัญชีนี้ยังไม่ได้สังกัดสำนักงานใด โปรดติดต่อผู้ดูแลระบบ"))
        return view(request, *args, **kwargs)

    return wrapper


def role_required(*roles):
    def decorator(view):
        @wraps(view)
        @staff_required
        def wrapper(request, *args, **kwargs):
            if not has_role(request.user, *roles):
                return not_allowed(request, _("หน้านี้สำหรับ %(roles)s เท่านั้น") % {
                    "roles": ", ".join(str(Role(r).label) for r in roles)})  # fmt: skip
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def not_allowed(request, message, status=403, *, link=None):
    """Render a refusal; `link` is (address, label) of the way forward, else back to my work."""
    return render(request, "backoffice/message.html", {"title": _("ทำรายการนี้ไม่ได้"), "message": message,
                                                       "link": link}, status=status)  # fmt: skip


def paginate(request, queryset):
    paginator = Paginator(queryset, PER_PAGE)
    return paginator.get_page(request.GET.get("page"))


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def run_service(request, call, *, success=""):
    """Run one service call; a refusal becomes an error message for the person. Return True when it ran."""
    try:
        call()
    except NotAllowed as error:
        messages.error(request, str(error))
        return False
    if success:
        messages.success(request, success)
    return True


def back_to(request, default):
    """The page a form asked to return to, if it is on this site; otherwise `default` (no open redirect)."""
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("back", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


# My tasks ----------------------------------------------------------------------------------------------


@staff_required
def home(request):
    user = request.user
    waiting = selectors.awaiting(user).order_by("due_on", "submitted_at")
    failed = selectors.failed_emails(user).filter(email_failed_at__gte=timezone.now() - FAILED_EMAILS_WINDOW)
    return render(
        request,
        "backoffice/home.html",
        {
            "waiting": waiting[:20],
            "waiting_count": waiting.count(),
            "late": selectors.late(user).order_by("due_on")[:20],
            "sent": selectors.sent_by(user).exclude(state__in=[State.CANCELLED]).order_by("-updated_at")[:10],
            "sent_open_count": selectors.sent_by(user).filter(OPEN_FILTER).count(),
            "roles": sorted(acting_roles(user)),
            "failed_emails": failed[:FAILED_EMAILS_SHOWN],
            "failed_email_count": failed.count(),
        },
    )


# Requests ----------------------------------------------------------------------------------------------


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
        try:
            pub_request = services.request_create(office=request.user.office, actor=request.user, **form.cleaned_data)
        except NotAllowed as error:
            return not_allowed(request, str(error))
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("บันทึกร่างคำขอแล้ว แนบไฟล์และไปขั้นถัดไปได้"))
            return redirect("backoffice:request-edit", pub_request.pk, "what")
    return render(request, "backoffice/request_step.html",
                  {"form": form, "step": "what", "steps": _steps(None, "what"), "pub_request": None})  # fmt: skip


@staff_required
def request_change(request, item_id, action):
    """Ask to replace or withdraw a published item: a request that goes through the same chain."""
    item = get_object_or_404(Item, pk=item_id, office=request.user.office)
    if action not in (Action.REPLACE, Action.WITHDRAW):
        raise Http404
    if request.method == "POST":
        try:
            pub_request = services.request_create(
                office=request.user.office, actor=request.user, action=action, target_item=item,
                title=item.title, summary="" if action == Action.WITHDRAW else item.summary,
                body="" if action == Action.WITHDRAW else item.body, topic=item.topic, source=item.source,
                data_from=item.data_from, data_to=item.data_to,
            )  # fmt: skip
        except (NotAllowed, ValidationError) as error:
            return not_allowed(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("backoffice:request-edit", pub_request.pk, "what")
    return render(request, "backoffice/request_change.html", {"item": item, "action": Action(action)})


def _steps(pub_request, current):
    return [
        {"key": key, "title": STEP_TITLES[key], "current": key == current,
         "url": reverse("backoffice:request-edit", args=[pub_request.pk, key]) if pub_request else ""}
        for key in STEPS
    ]  # fmt: skip


def _add_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)


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
        try:
            services.request_update(pub_request=pub_request, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if "next" in request.POST:
                index = STEPS.index(step)
                if index + 1 < len(STEPS):
                    return redirect("backoffice:request-edit", pk, STEPS[index + 1])
                return redirect("backoffice:request-review", pk)
            messages.success(request, _("บันทึกร่างแล้ว"))
            return redirect("backoffice:request-edit", pk, step)
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


def _sent_to_message(pub_request):
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
    try:
        pub_request = services.request_submit(pub_request=pub_request, actor=request.user)
    except NotAllowed as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("backoffice:request-review", pk)
    else:
        messages.success(request, _("ยื่นคำขอแล้ว") + " " + _sent_to_message(pub_request))
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
        try:
            request_file = services.request_file_add(
                pub_request=pub_request, actor=request.user, upload=form.cleaned_data["file"],
                kind=form.cleaned_data.get("kind") or RequestFile.Kind.CONTENT,
            )  # fmt: skip
        except ValidationError as refused:
            error = " ".join(refused.messages)
        except NotAllowed as refused:
            error = str(refused)
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
        try:
            pub_request = services.request_decide(
                pub_request_id=pub_request.pk, actor=request.user, verdict=form.cleaned_data["verdict"],
                reason_code=form.cleaned_data["reason_code"], reason=form.cleaned_data["reason"],
                expected_step=form.cleaned_data["step"],
            )  # fmt: skip
        except NotAllowed as error:
            messages.error(request, str(error))
            return redirect(pub_request)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            told = _sent_to_message(pub_request) or _("ระบบแจ้งผู้เกี่ยวข้องให้แล้ว")
            messages.success(request, _("บันทึกผลการพิจารณาแล้ว") + " " + told)
            return redirect(pub_request)
    context = {
        "pub_request": pub_request, "files": list(pub_request.files.select_related("blob")),
        "decisions": list(pub_request.decisions.all()), "timeline": selectors.timeline(pub_request),
        "decision_form": form, "memo_form": UploadForm(initial={"kind": RequestFile.Kind.MEMO}),
        "waiting_on": waiting_on(pub_request),
    }  # fmt: skip
    return render(request, "backoffice/request_detail.html", context, status=400)


@require_POST
@staff_required
def request_take(request, pk):
    pub_request = selectors.request_get_for(user=request.user, request_id=pk)
    if not run_service(request, lambda: services.request_take(pub_request=pub_request, actor=request.user)):
        return redirect(pub_request)
    return redirect("backoffice:request-publish", pk)


@dataclass
class PreviewFile:
    """A request's file shown on the preview of the public page."""

    request_file: RequestFile

    def __getattr__(self, name):
        return getattr(self.request_file, name)

    @property
    def label(self):
        from pathlib import Path

        return Path(self.request_file.original_name).stem

    @property
    def opens_inline(self):
        return self.request_file.extension in {"pdf", "jpg", "png"}

    @property
    def is_image(self):
        return self.request_file.extension in {"jpg", "png"}

    download_count = 0


@role_required(Role.WEBMASTER)
def request_publish(request, pk):
    pub_request = selectors.request_get_for(user=request.user, request_id=pk)
    if not can_publish(request.user, pub_request):
        messages.info(request, _("คำขอนี้ยังไม่พร้อมเผยแพร่ หรือเผยแพร่ไปแล้ว"))
        return redirect(pub_request)
    initial = services.item_fields_from(pub_request)
    typed = request.POST if request.method == "POST" else {}
    report = selectors.redaction_report(pub_request, title=typed.get("title"), summary=typed.get("summary"),
                                        body=typed.get("body"))  # fmt: skip
    form = PublishForm(request.POST or None, initial=initial, office=pub_request.office, redaction=report)
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            return _preview(request, pub_request, form.cleaned_data)
        data = dict(form.cleaned_data)
        note = data.pop("redaction_note")
        checked = data.pop("redaction_checked", False)
        try:
            services.request_publish(pub_request_id=pub_request.pk, actor=request.user, redaction=report,
                                     redaction_note=note, redaction_checked=checked, **data)  # fmt: skip
        except NotAllowed as error:
            messages.error(request, str(error))
            return redirect(pub_request)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            pub_request.refresh_from_db()
            messages.success(request, _("เผยแพร่แล้ว ระบบแจ้งผู้ขอและผู้อนุมัติพร้อมลิงก์ให้แล้ว"))
            return redirect(pub_request)
    return render(request, "backoffice/request_publish.html",
                  {"pub_request": pub_request, "form": form, "report": report,
                   "files": pub_request.content_files})  # fmt: skip


def _preview(request, pub_request, data):
    """The public page as it will look, built from the unsaved form: nothing is written.

    The body is sanitised exactly as publishing will sanitise it, so the preview never runs what the
    public page would not (a meta refresh, a script).
    """
    from khaosan.catalog.html import clean_html

    fields = {k: v for k, v in data.items() if k not in {"redaction_note", "redaction_checked"}}
    fields["body"] = clean_html(fields.get("body", ""))
    item = Item(office=pub_request.office, status=Item.Status.PUBLISHED, **fields)
    item.publish_at = fields.get("publish_at") or timezone.now()
    item.updated_at = timezone.now()
    item.fill_period()
    files = [PreviewFile(f) for f in pub_request.content_files]
    return render(
        request,
        "public/item.html",
        {
            "item": item, "topic": item.topic, "category": item.topic.category, "preview": True,
            "files": [f for f in files if not f.is_image or item.topic.kind not in {"photo", "news"}],
            "images": [],
        },
    )  # fmt: skip


@role_required(Role.WEBMASTER)
def register(request):
    """Register a request that came by official letter, e-mail or another channel, with its files."""
    form = RegisterForm(request.POST or None, request.FILES or None, office=request.user.office)
    if request.method == "POST" and form.is_valid():
        try:
            pub_request = services.request_register_and_submit(
                office=request.user.office, actor=request.user,
                content_files=request.FILES.getlist("content_files"),
                letter_files=request.FILES.getlist("letter_files"),
                **form.cleaned_data,
            )  # fmt: skip
        except ValidationError as error:
            _add_errors(form, error)
        except NotAllowed as error:
            return not_allowed(request, str(error))
        else:
            messages.success(request, _("ลงทะเบียนรับคำขอ %(ref)s แล้ว") % {"ref": pub_request.reference} + " "
                             + _sent_to_message(pub_request))  # fmt: skip
            return redirect(pub_request)
    return render(request, "backoffice/register.html", {"form": form})


# Inbox -------------------------------------------------------------------------------------------------


@staff_required
def inbox(request):
    if request.method == "POST":
        Notification.objects.filter(recipient=request.user).unread().update(read_at=timezone.now())
        messages.success(request, _("ทำเครื่องหมายว่าอ่านแล้วทั้งหมด"))
        return redirect("backoffice:inbox")
    return render(request, "backoffice/inbox.html", {"page": paginate(request, selectors.inbox(request.user))})


@staff_required
def notification_open(request, pk):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    from django.utils.http import url_has_allowed_host_and_scheme

    target = notification.url if url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None) else ""
    return redirect(target or "backoffice:inbox")


# Documents ---------------------------------------------------------------------------------------------


@staff_required
def request_form_document(request, pk, fmt):
    from khaosan.workflow import documents

    pub_request = selectors.request_get_for(user=request.user, request_id=pk)
    if fmt == "pdf":
        content, mime = documents.request_form_pdf(pub_request), "application/pdf"
    else:
        content = documents.request_form_docx(pub_request)
        mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(content, content_type=mime)
    name = f"แบบฟอร์มขอเผยแพร่-{pub_request.number}.{fmt}"
    response["Content-Disposition"] = content_disposition("inline" if fmt == "pdf" else "attachment", name)
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(Role.WEBMASTER, Role.COMMITTEE, Role.ADMINISTRATOR, Role.REVIEWER, Role.APPROVER)
def forms_bundle(request):
    from khaosan.thai.dates import current_fiscal_year
    from khaosan.workflow import documents

    year = positive_int(request.GET.get("fy"))
    fmt = request.GET.get("format", "")
    if year is not None and fmt in {"pdf", "zip"}:
        office = request.user.office
        if fmt == "pdf":
            content, mime = documents.forms_bundle_pdf(office, year), "application/pdf"
        else:
            content, mime = documents.forms_bundle_zip(office, year), "application/zip"
        response = HttpResponse(content, content_type=mime)
        response["Content-Disposition"] = content_disposition("attachment", f"แบบฟอร์มขอเผยแพร่-ปีงบประมาณ{year}.{fmt}")
        return response
    current = current_fiscal_year()
    return render(request, "backoffice/forms_bundle.html", {"years": range(current, current - 5, -1)})
