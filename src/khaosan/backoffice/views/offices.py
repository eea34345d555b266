"""Working in several offices: choosing the office, and the provincial view of the offices under one.

The rules (only an office the person belongs to; the overview only for those who oversee) are in
org/services.py and here; the choice itself is kept in the session (org/offices.py).
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from khaosan.backoffice.decorators import role_required, staff_required
from khaosan.backoffice.errors import attempt
from khaosan.compliance.province import offices_under, overview
from khaosan.org import services
from khaosan.org.models import Office
from khaosan.org.offices import keep_choice
from khaosan.org.roles import Role
from khaosan.params import positive_int

OVERSEERS = (Role.ADMINISTRATOR, Role.COMMITTEE, Role.REVIEWER, Role.APPROVER, Role.WEBMASTER)


@require_POST
@staff_required
def office_choose(request):
    office = Office.objects.filter(pk=positive_int(request.POST.get("office"))).first()
    with attempt(request) as refused:
        services.office_choose(actor=request.user, office=office)
    if not refused:
        work_in(request, office)
    # Ids in the page the person came from belong to the office they left: start again at "my work".
    return redirect("backoffice:home")


def work_in(request, office):
    """Work in `office` from the next request on, and say so (after `services.office_choose` allowed it)."""
    keep_choice(request, office)
    messages.success(request, _("ขณะนี้ท่านทำงานในนาม %(office)s") % {"office": office.name_th})


@role_required(*OVERSEERS)
def province(request):
    office = request.user.office
    rows = overview(offices_under(office))
    return render(request, "backoffice/province.html", {"rows": rows, "overseeing": office})
