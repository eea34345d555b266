"""The administrator's screens: staff and their roles, delegations, office settings, unlock and reset.

The rules (only the office's administrator, only his own office's people, two web masters at least) live
in org/services.py; a screen shows what the service refused.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from khaosan.backoffice import second_factor
from khaosan.backoffice.decorators import role_required
from khaosan.backoffice.errors import attempt, run_service
from khaosan.backoffice.forms import ClosureForm, DelegationForm, MembershipForm, OfficeSettingsForm, StaffForm
from khaosan.backoffice.shortcuts import paginate
from khaosan.clients import client_address
from khaosan.org import services
from khaosan.org.models import Delegation, Membership, OfficeClosure, Staff
from khaosan.org.roles import Role

ADMIN = Role.ADMINISTRATOR


@role_required(ADMIN)
def staff_list(request):
    office = request.user.office
    people = Staff.objects.filter(office=office).select_related("unit").prefetch_related("groups")
    show = request.GET.get("show", "active")
    if show != "all":
        people = people.filter(is_active=True)
    return render(request, "backoffice/staff_list.html", {
        "page": paginate(request, people.order_by("first_name", "last_name")), "show": show,
        "memberships": _memberships(office), "membership_form": MembershipForm(office=office),
    })  # fmt: skip


def _memberships(office):
    return (
        Membership.objects.filter(office=office)
        .select_related("staff__office", "unit", "granted_by")
        .prefetch_related("roles")
        .order_by("staff__first_name", "staff__last_name")
    )


@role_required(ADMIN)
def membership_grant(request):
    """Let a person of another office work in this one (or change their roles here)."""
    office = request.user.office
    form = MembershipForm(request.POST or None, office=office)
    if request.method == "POST" and form.is_valid():
        with attempt(request, form=form) as refused:
            membership = services.membership_grant(office=office, actor=request.user, **form.cleaned_data)
            messages.success(request, _("%(name)s จาก %(home)s ทำงานในสำนักงานนี้ได้แล้ว ในบทบาท %(roles)s") % {
                "name": membership.staff, "home": membership.staff.office.name_th,
                "roles": ", ".join(membership.role_labels)})  # fmt: skip
        if not refused.on_form:
            return redirect("backoffice:staff")
    return render(request, "backoffice/membership_form.html", {"form": form})


@require_POST
@role_required(ADMIN)
def membership_end(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("staff"), pk=pk, office=request.user.office)
    run_service(request, lambda: services.membership_end(membership=membership, actor=request.user),
                success=_("ยกเลิกสิทธิ์ของ %(name)s ในสำนักงานนี้แล้ว งานที่เคยทำยังอยู่ในประวัติครบ") % {
                    "name": membership.staff})  # fmt: skip
    return redirect("backoffice:staff")


@role_required(ADMIN)
def staff_edit(request, pk=None):
    person = get_object_or_404(Staff, pk=pk, office=request.user.office) if pk else None
    form = StaffForm(request.POST or None, instance=person, office=request.user.office)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.STAFF_FIELDS}
        roles = form.cleaned_data["roles"]
        with attempt(request, form=form) as refused:
            if person is None:
                person = services.staff_invite(office=request.user.office, actor=request.user, roles=roles, **data)
                messages.success(request, _("เพิ่ม %(name)s แล้ว ระบบส่งลิงก์ตั้งรหัสผ่านไปที่ %(email)s") % {
                    "name": person, "email": person.email})  # fmt: skip
            else:
                services.staff_update(person=person, actor=request.user, roles=roles, **data)
                messages.success(request, _("บันทึกข้อมูลของ %(name)s แล้ว") % {"name": person})
        if not refused.on_form:
            return redirect("backoffice:staff")
    return render(request, "backoffice/staff_form.html", {"form": form, "person": person})


@require_POST
@role_required(ADMIN)
def staff_deactivate(request, pk):
    person = get_object_or_404(Staff, pk=pk, office=request.user.office)
    run_service(request, lambda: services.staff_set_active(person=person, actor=request.user,
                                                           active=request.POST.get("active") == "1"),
                success=_("ปรับสถานะการใช้งานของ %(name)s แล้ว ประวัติการทำงานยังอยู่ครบ") % {"name": person})  # fmt: skip
    return redirect("backoffice:staff")


@require_POST
@role_required(ADMIN)
def staff_unlock(request, pk):
    person = get_object_or_404(Staff, pk=pk, office=request.user.office)
    run_service(request, lambda: services.staff_unlock(person=person, actor=request.user,
                                                       address=client_address(request)),
                success=_("ปลดล็อกบัญชี %(name)s แล้ว") % {"name": person})  # fmt: skip
    return redirect("backoffice:staff-edit", pk)


@require_POST
@role_required(ADMIN)
def staff_reset_second_factor(request, pk):
    person = get_object_or_404(Staff, pk=pk, office=request.user.office)
    run_service(request, lambda: second_factor.reset(user=person, actor=request.user, address=client_address(request)),
                success=_("ล้างการยืนยันตัวตนสองขั้นตอนของ %(name)s แล้ว ครั้งหน้าที่เข้าสู่ระบบต้องตั้งค่าใหม่") % {
                    "name": person})  # fmt: skip
    return redirect("backoffice:staff-edit", pk)


@role_required(ADMIN)
def delegations(request):
    form = DelegationForm(request.POST or None, office=request.user.office)
    if request.method == "POST" and form.is_valid():
        with attempt(request, form=form) as refused:
            services.delegation_create(office=request.user.office, actor=request.user, **form.cleaned_data)
        if not refused:
            messages.success(request, _("บันทึกการมอบอำนาจแล้ว"))
        if not refused.on_form:
            return redirect("backoffice:delegations")
    rows = Delegation.objects.filter(office=request.user.office).select_related("delegator", "delegate")
    return render(request, "backoffice/delegations.html", {"form": form, "page": paginate(request, rows)})


@require_POST
@role_required(ADMIN)
def delegation_revoke(request, pk):
    delegation = get_object_or_404(Delegation, pk=pk, office=request.user.office)
    run_service(request, lambda: services.delegation_revoke(delegation=delegation, actor=request.user),
                success=_("ยกเลิกการมอบอำนาจแล้ว"))  # fmt: skip
    return redirect("backoffice:delegations")


@role_required(ADMIN)
def office_settings(request):
    office = request.user.office
    form = OfficeSettingsForm(
        request.POST or None,
        initial={"chain": ",".join(office.chain), "publish_deadline_days": office.publish_deadline_days,
                 "changes_need_approval": office.changes_need_approval},
    )  # fmt: skip
    closure_form = ClosureForm(request.POST or None if "closure" in request.POST else None)
    if request.method == "POST" and "closure" in request.POST:
        if closure_form.is_valid():
            with attempt(request, form=closure_form) as refused:
                services.closure_add(office=office, actor=request.user, **closure_form.cleaned_data)
            if not refused:
                messages.success(request, _("เพิ่มวันหยุดของสำนักงานแล้ว"))
            if not refused.on_form:
                return redirect("backoffice:settings")
        form = OfficeSettingsForm(initial=form.initial)
    elif request.method == "POST" and form.is_valid():
        with attempt(request, form=form) as refused:
            services.office_configure(office=office, actor=request.user, chain=form.cleaned_data["chain"].split(","),
                                      publish_deadline_days=form.cleaned_data["publish_deadline_days"],
                                      changes_need_approval=form.cleaned_data["changes_need_approval"])  # fmt: skip
        if not refused:
            messages.success(request, _("บันทึกการตั้งค่าแล้ว"))
        if not refused.on_form:
            return redirect("backoffice:settings")
    closures = OfficeClosure.objects.filter(office=office).order_by("-date")[:30]
    return render(request, "backoffice/settings.html", {"form": form, "closure_form": closure_form,
                                                        "closures": closures})  # fmt: skip
