"""Administrator and web-master screens: staff and roles, delegations, office settings, published items."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from khaosan.backoffice import manage
from khaosan.backoffice.forms import ClosureForm, DelegationForm, OfficeSettingsForm, StaffForm, WithdrawForm
from khaosan.backoffice.views import _add_errors, paginate, role_required
from khaosan.catalog.models import Item
from khaosan.catalog.services import item_withdraw
from khaosan.org.models import Delegation, OfficeClosure, Staff
from khaosan.org.roles import Role, has_role
from khaosan.workflow.models import Action

ADMIN = Role.ADMINISTRATOR


@role_required(ADMIN)
def staff_list(request):
    people = Staff.objects.filter(office=request.user.office).select_related("unit").prefetch_related("groups")
    show = request.GET.get("show", "active")
    if show != "all":
        people = people.filter(is_active=True)
    return render(request, "backoffice/staff_list.html",
                  {"page": paginate(request, people.order_by("first_name", "last_name")), "show": show})  # fmt: skip


@role_required(ADMIN)
def staff_edit(request, pk=None):
    person = get_object_or_404(Staff, pk=pk, office=request.user.office) if pk else None
    form = StaffForm(request.POST or None, instance=person, office=request.user.office)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        roles = data.pop("roles")
        try:
            if person is None:
                person = manage.staff_invite(office=request.user.office, actor=request.user, roles=roles, **data)
                messages.success(request, _("เพิ่ม %(name)s แล้ว ระบบส่งลิงก์ตั้งรหัสผ่านไปที่ %(email)s") % {
                    "name": person, "email": person.email})  # fmt: skip
            else:
                manage.staff_update(person=person, actor=request.user, roles=roles, **data)
                messages.success(request, _("บันทึกข้อมูลของ %(name)s แล้ว") % {"name": person})
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("backoffice:staff")
    return render(request, "backoffice/staff_form.html", {"form": form, "person": person})


@require_POST
@role_required(ADMIN)
def staff_deactivate(request, pk):
    person = get_object_or_404(Staff, pk=pk, office=request.user.office)
    try:
        manage.staff_set_active(person=person, actor=request.user, active=request.POST.get("active") == "1")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("ปรับสถานะการใช้งานของ %(name)s แล้ว ประวัติการทำงานยังอยู่ครบ") % {"name": person})
    return redirect("backoffice:staff")


@role_required(ADMIN)
def delegations(request):
    form = DelegationForm(request.POST or None, office=request.user.office)
    if request.method == "POST" and form.is_valid():
        manage.delegation_create(office=request.user.office, actor=request.user, **form.cleaned_data)
        messages.success(request, _("บันทึกการมอบอำนาจแล้ว"))
        return redirect("backoffice:delegations")
    rows = Delegation.objects.filter(office=request.user.office).select_related("delegator", "delegate")
    return render(request, "backoffice/delegations.html", {"form": form, "page": paginate(request, rows)})


@require_POST
@role_required(ADMIN)
def delegation_revoke(request, pk):
    delegation = get_object_or_404(Delegation, pk=pk, office=request.user.office)
    manage.delegation_revoke(delegation=delegation, actor=request.user)
    messages.success(request, _("ยกเลิกการมอบอำนาจแล้ว"))
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
            manage.closure_add(office=office, actor=request.user, **closure_form.cleaned_data)
            messages.success(request, _("เพิ่มวันหยุดของสำนักงานแล้ว"))
            return redirect("backoffice:settings")
        form = OfficeSettingsForm(initial=form.initial)
    elif request.method == "POST" and form.is_valid():
        manage.office_configure(office=office, actor=request.user, chain=form.cleaned_data["chain"].split(","),
                                publish_deadline_days=form.cleaned_data["publish_deadline_days"],
                                changes_need_approval=form.cleaned_data["changes_need_approval"])  # fmt: skip
        messages.success(request, _("บันทึกการตั้งค่าแล้ว"))
        return redirect("backoffice:settings")
    closures = OfficeClosure.objects.filter(office=office).order_by("-date")[:30]
    return render(request, "backoffice/settings.html", {"form": form, "closure_form": closure_form,
                                                        "closures": closures})  # fmt: skip


# Published items -----------------------------------------------------------------------------------------

ITEM_ROLES = (Role.WEBMASTER, Role.COMMITTEE, Role.ADMINISTRATOR, Role.REVIEWER, Role.APPROVER)


@role_required(*ITEM_ROLES)
def item_list(request):
    from khaosan.backoffice.selectors import items_for_office

    state = request.GET.get("state", "")
    items = items_for_office(request.user.office, state=state, query=request.GET.get("q", ""))
    return render(request, "backoffice/item_list.html",
                  {"page": paginate(request, items), "state": state, "query": request.GET.get("q", "")})  # fmt: skip


@role_required(*ITEM_ROLES)
def item_detail(request, pk):
    item = get_object_or_404(
        Item.objects.select_related("topic__category", "owner_unit", "published_by"), pk=pk, office=request.user.office
    )
    return render(
        request,
        "backoffice/item_detail.html",
        {
            "item": item,
            "versions": item.versions.select_related("created_by").order_by("-number"),
            "requests": item.requests.all() | item.change_requests.all(),
            "withdraw_form": WithdrawForm(),
            "direct_changes": not request.user.office.changes_need_approval and has_role(request.user, Role.WEBMASTER),
            "actions": Action,
        },
    )


@require_POST
@role_required(Role.WEBMASTER)
def item_withdraw_now(request, pk):
    """Withdraw directly: only where the office does not require the chain for changes."""
    item = get_object_or_404(Item, pk=pk, office=request.user.office)
    if request.user.office.changes_need_approval:
        messages.error(request, _("สำนักงานกำหนดให้การถอนรายการต้องผ่านการอนุมัติ โปรดยื่นคำขอถอน"))
        return redirect("backoffice:item", pk)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("โปรดระบุเหตุผลที่ถอนการเผยแพร่"))
        return redirect("backoffice:item", pk)
    item_withdraw(item=item, actor=request.user, reason=form.cleaned_data["reason"])
    messages.success(request, _("ถอนการเผยแพร่แล้ว รายการถูกเก็บไว้ในคลัง"))
    return redirect("backoffice:item", pk)


@role_required(Role.WEBMASTER)
def item_edit(request, pk):
    """Replace an item's content directly, where the office lets web masters change items without the chain."""
    from khaosan.backoffice.forms import ItemEditForm
    from khaosan.catalog.services import item_replace_content

    item = get_object_or_404(Item.objects.select_related("topic"), pk=pk, office=request.user.office)
    if request.user.office.changes_need_approval:
        messages.error(request, _("สำนักงานกำหนดให้การแทนที่รายการต้องผ่านการอนุมัติ โปรดยื่นคำขอแทนที่"))
        return redirect("backoffice:item", pk)
    fields = ("topic", "title", "summary", "body", "external_url", "owner_unit", "source", "data_from", "data_to",
              "expire_at")  # fmt: skip
    form = ItemEditForm(request.POST or None, request.FILES or None, office=item.office,
                        initial={name: getattr(item, name) for name in fields})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        note = data.pop("note")
        try:
            item_replace_content(item=item, actor=request.user, note=note, uploads=request.FILES.getlist("files"),
                                 **data)  # fmt: skip
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("บันทึกการแก้ไขแล้ว ฉบับก่อนหน้าเก็บไว้ในประวัติ"))
            return redirect("backoffice:item", pk)
    return render(request, "backoffice/item_edit.html", {"item": item, "form": form})
