"""Published items in the back-office: the list, one item's history, and direct changes.

A web master replaces or withdraws an item directly only where the office does not send changes through
its approval chain; catalog.services checks that rule itself (`ensure_can_change`), and these screens only
ask it before offering the form.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from khaosan.backoffice.decorators import role_required
from khaosan.backoffice.errors import attempt, run_service
from khaosan.backoffice.forms import ItemEditForm, WithdrawForm
from khaosan.backoffice.selectors import items_for_office
from khaosan.backoffice.shortcuts import paginate
from khaosan.catalog.models import Item
from khaosan.catalog.services import can_change_directly, ensure_can_change, item_replace_content, item_withdraw
from khaosan.org.roles import Role
from khaosan.workflow.models import Action

ITEM_ROLES = (Role.WEBMASTER, Role.COMMITTEE, Role.ADMINISTRATOR, Role.REVIEWER, Role.APPROVER)
EDIT_FIELDS = ("topic", "title", "summary", "body", "external_url", "owner_unit", "source", "data_from", "data_to",
               "expire_at")  # fmt: skip


@role_required(*ITEM_ROLES)
def item_list(request):
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
            "direct_changes": can_change_directly(request.user, item),
            "actions": Action,
        },
    )


@require_POST
@role_required(Role.WEBMASTER)
def item_withdraw_now(request, pk):
    """Withdraw directly; the service refuses where the office requires a withdrawal request."""
    item = get_object_or_404(Item, pk=pk, office=request.user.office)
    form = WithdrawForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    run_service(request, lambda: item_withdraw(item=item, actor=request.user, reason=reason),
                success=_("ถอนการเผยแพร่แล้ว รายการถูกเก็บไว้ในคลัง"))  # fmt: skip
    return redirect("backoffice:item", pk)


@role_required(Role.WEBMASTER)
def item_edit(request, pk):
    """Replace an item's content directly, where the office lets web masters change items without the chain."""
    item = get_object_or_404(Item.objects.select_related("topic"), pk=pk, office=request.user.office)
    with attempt(request) as refused:
        ensure_can_change(request.user, item)  # the service's own rule, asked before its form is offered
    if refused:
        return redirect("backoffice:item", pk)
    form = ItemEditForm(request.POST or None, request.FILES or None, office=item.office,
                        initial={name: getattr(item, name) for name in EDIT_FIELDS})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        note = data.pop("note")
        with attempt(request, form=form) as refused:
            item_replace_content(item=item, actor=request.user, note=note, uploads=request.FILES.getlist("files"),
                                 **data)  # fmt: skip
        if not refused:
            messages.success(request, _("บันทึกการแก้ไขแล้ว ฉบับก่อนหน้าเก็บไว้ในประวัติ"))
            return redirect("backoffice:item", pk)
        if not refused.on_form:
            return redirect("backoffice:item", pk)
    return render(request, "backoffice/item_edit.html", {"item": item, "form": form})
