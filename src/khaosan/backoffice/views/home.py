"""My tasks and the inbox: what waits on me, what is late, what I sent, what I was told."""

import datetime as dt

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from khaosan.backoffice.decorators import staff_required
from khaosan.backoffice.shortcuts import paginate
from khaosan.backoffice.views.offices import work_in
from khaosan.org import services as org_services
from khaosan.org.roles import acting_roles
from khaosan.workflow import selectors
from khaosan.workflow.models import OPEN_FILTER, Notification, State

# Administrators see the e-mails that could not be sent lately on their home page.
FAILED_EMAILS_WINDOW = dt.timedelta(days=30)
FAILED_EMAILS_SHOWN = 10


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


@staff_required
def inbox(request):
    if request.method == "POST":
        Notification.objects.filter(recipient=request.user).unread().update(read_at=timezone.now())
        messages.success(request, _("ทำเครื่องหมายว่าอ่านแล้วทั้งหมด"))
        return redirect("backoffice:inbox")
    return render(request, "backoffice/inbox.html", {"page": paginate(request, selectors.inbox(request.user))})


@staff_required
def notification_open(request, pk):
    notification = get_object_or_404(
        Notification.objects.select_related("pub_request__office"), pk=pk, recipient=request.user
    )
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    target = notification.url if url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None) else ""
    office = notification.pub_request.office if notification.pub_request_id else None
    if target and office is not None and office.pk != request.user.office_id:
        # The link belongs to another office of the person's: open it there, or say why it cannot be opened.
        try:
            org_services.office_choose(actor=request.user, office=office)
        except org_services.NotAMember:
            messages.warning(
                request,
                _("การแจ้งเตือนนี้เป็นของ %(office)s ซึ่งท่านไม่ได้ทำงานอยู่แล้ว จึงเปิดรายการนั้นไม่ได้") % {"office": office.name_th},
            )
            return redirect("backoffice:inbox")
        work_in(request, office)
    return redirect(target or "backoffice:inbox")
