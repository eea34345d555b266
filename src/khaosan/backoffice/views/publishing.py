"""A web master's screens: take an approved request, preview and publish it; register a letter's request."""

from dataclasses import dataclass
from pathlib import Path

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from khaosan.backoffice.decorators import role_required, staff_required
from khaosan.backoffice.errors import attempt, not_allowed, run_service
from khaosan.backoffice.forms import PublishForm, RegisterForm
from khaosan.backoffice.views.requests import sent_to_message
from khaosan.catalog.html import clean_html
from khaosan.catalog.models import Item
from khaosan.org.roles import Role
from khaosan.workflow import selectors, services
from khaosan.workflow.models import RequestFile
from khaosan.workflow.permissions import can_publish


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
        with attempt(request, form=form) as refused:
            services.request_publish(pub_request_id=pub_request.pk, actor=request.user, redaction=report,
                                     redaction_note=note, redaction_checked=checked, **data)  # fmt: skip
        if not refused:
            pub_request.refresh_from_db()
            messages.success(request, _("เผยแพร่แล้ว ระบบแจ้งผู้ขอและผู้อนุมัติพร้อมลิงก์ให้แล้ว"))
            return redirect(pub_request)
        if not refused.on_form:
            return redirect(pub_request)
    return render(request, "backoffice/request_publish.html",
                  {"pub_request": pub_request, "form": form, "report": report,
                   "files": pub_request.content_files})  # fmt: skip


def _preview(request, pub_request, data):
    """The public page as it will look, built from the unsaved form: nothing is written.

    The body is sanitised exactly as publishing will sanitise it, so the preview never runs what the
    public page would not (a meta refresh, a script).
    """
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
            "attachments": {"files": [f for f in files if not f.is_image or item.topic.kind not in {"photo", "news"}],
                            "images": []},
        },
    )  # fmt: skip


@role_required(Role.WEBMASTER)
def register(request):
    """Register a request that came by official letter, e-mail or another channel, with its files."""
    form = RegisterForm(request.POST or None, request.FILES or None, office=request.user.office)
    if request.method == "POST" and form.is_valid():
        with attempt(request, form=form, message=False) as refused:
            pub_request = services.request_register_and_submit(
                office=request.user.office, actor=request.user,
                content_files=request.FILES.getlist("content_files"),
                letter_files=request.FILES.getlist("letter_files"),
                **form.cleaned_data,
            )  # fmt: skip
        if not refused:
            messages.success(request, _("ลงทะเบียนรับคำขอ %(ref)s แล้ว") % {"ref": pub_request.reference} + " "
                             + sent_to_message(pub_request))  # fmt: skip
            return redirect(pub_request)
        if not refused.on_form:
            return not_allowed(request, refused.message)
    return render(request, "backoffice/register.html", {"form": form})
