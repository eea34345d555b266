"""The audit trail (committee and administrators) and the traffic log's status and export (administrators).

S-2.8, LOG-7, LOG-8, LOG-13: the log is read by administrators only, and every view or export of it is
itself an audit event. Dates a person types or reads here are the office's (Asia/Bangkok), whatever the
server's zone; only the traffic log's day segments are UTC days, and are labelled so.
"""

import datetime as dt

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from khaosan.audit.models import AuditCode, ChainVerification
from khaosan.audit.selectors import events_of, trail_keys
from khaosan.audit.services import audit_verify, record
from khaosan.backoffice.decorators import role_required
from khaosan.backoffice.errors import attempt
from khaosan.backoffice.forms import NoColon
from khaosan.backoffice.shortcuts import paginate
from khaosan.catalog.storage import content_disposition
from khaosan.clients import client_address
from khaosan.org.roles import Role, has_role
from khaosan.thai.forms import NearDateField


class AuditFilterForm(NoColon, forms.Form):
    q = forms.CharField(label=gettext_lazy("ค้นหาผู้กระทำหรือวัตถุ"), required=False)
    action = forms.ChoiceField(label=gettext_lazy("การกระทำ"), required=False,
                               choices=[("", gettext_lazy("ทุกการกระทำ")), *AuditCode.choices])  # fmt: skip
    date_from = NearDateField(label=gettext_lazy("ตั้งแต่วันที่"), required=False)
    date_to = NearDateField(label=gettext_lazy("ถึงวันที่"), required=False)


@role_required(Role.COMMITTEE, Role.ADMINISTRATOR)
def audit_trail(request):
    """Every action of the office, newest first, with filters; system jobs appear to administrators."""
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    keys = trail_keys(request.user.office, with_system=has_role(request.user, Role.ADMINISTRATOR), **filters)
    page = paginate(request, keys)
    page.object_list = events_of(page.object_list)
    last_check = ChainVerification.objects.filter(chain="audit").order_by("-started_at").first()
    return render(request, "backoffice/audit_trail.html",
                  {"form": form, "page": page, "last_check": last_check})  # fmt: skip


@require_POST
@role_required(Role.COMMITTEE, Role.ADMINISTRATOR)
def audit_check(request):
    with attempt(request) as refused:
        result = audit_verify(actor=request.user)
    if refused:
        return redirect("backoffice:audit")
    if result.ok:
        messages.success(request, _("ตรวจแล้ว บันทึกตรวจสอบครบถ้วน ไม่มีการแก้ไข (%(n)s รายการ)") % {"n": result.records})
    else:
        messages.error(request, ngettext(
            "พบความผิดปกติ %(n)s จุดในบันทึกตรวจสอบ โปรดแจ้งผู้ดูแลระบบทันที",
            "พบความผิดปกติ %(n)s จุดในบันทึกตรวจสอบ โปรดแจ้งผู้ดูแลระบบทันที", len(result.problems),
        ) % {"n": len(result.problems)})  # fmt: skip
    return redirect("backoffice:audit")


class ExportForm(NoColon, forms.Form):
    date_from = NearDateField(label=gettext_lazy("ตั้งแต่วันที่"))
    date_to = NearDateField(label=gettext_lazy("ถึงวันที่"))
    address = forms.GenericIPAddressField(label=gettext_lazy("ที่อยู่ IP (ถ้าต้องการเฉพาะ)"), required=False)
    username = forms.CharField(label=gettext_lazy("ชื่อผู้ใช้ (ถ้าต้องการเฉพาะ)"), required=False)
    reason = forms.CharField(
        label=gettext_lazy("เหตุผล / เลขที่หนังสือขอข้อมูลของพนักงานเจ้าหน้าที่"), max_length=300,
        error_messages={"required": gettext_lazy("โปรดระบุเหตุผลหรือเลขที่หนังสือขอข้อมูล")},
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้น"))
        return data


@role_required(Role.ADMINISTRATOR)
def traffic(request):
    """Whether the traffic log is written, sealed, whole and on time, and the clock synchronised."""
    from khaosan.audit.traffic import traffic_export, traffic_status

    today = timezone.localdate()
    form = ExportForm(request.POST or None, initial={"date_from": today - dt.timedelta(days=1), "date_to": today})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        with attempt(request, form=form) as refused:
            traffic_export(out=response, date_from=data["date_from"], date_to=data["date_to"],
                           address=data["address"] or None, username=data["username"] or None,
                           reason=data["reason"], actor=request.user)  # fmt: skip
        if not refused:
            response["Content-Disposition"] = content_disposition(
                "attachment", f"traffic-{data['date_from']:%Y%m%d}-{data['date_to']:%Y%m%d}.csv"
            )
            response["Cache-Control"] = "private, no-store"
            return response
    record(request.user, AuditCode.TRAFFIC_VIEWED, None, office=request.user.office, address=client_address(request),
           screen="backoffice")  # fmt: skip
    return render(request, "backoffice/traffic.html", {"status": traffic_status(), "form": form})


@require_POST
@role_required(Role.ADMINISTRATOR)
def traffic_check(request):
    from khaosan.audit.traffic import segment_day, traffic_verify

    today = segment_day(timezone.now())  # the open segment, and the seven sealed UTC days before it
    with attempt(request) as refused:
        result = traffic_verify(date_from=today - dt.timedelta(days=7), date_to=today, actor=request.user)
    if refused:
        return redirect("backoffice:traffic")
    if result.ok:
        messages.success(request, _("ตรวจแล้ว ข้อมูลจราจร 7 วันล่าสุดครบถ้วน ไม่มีการแก้ไข"))
    else:
        messages.error(request, ngettext(
            "พบความผิดปกติ %(n)s จุดในข้อมูลจราจร: %(first)s", "พบความผิดปกติ %(n)s จุดในข้อมูลจราจร: %(first)s",
            len(result.problems),
        ) % {"n": len(result.problems), "first": result.problems[0]})  # fmt: skip
    return redirect("backoffice:traffic")
