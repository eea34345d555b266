"""Roles: Django groups named by the glossary, always read inside the person's own office.

requester (any staff) · reviewer (head of the website group) · approver (top executive, or a delegate for
a date range) · webmaster (at least two, S-3.1) · committee (read-only) · administrator.
"""

from django.db.models import Q, TextChoices
from django.utils.translation import gettext_lazy as _

from khaosan.org.models import DEFAULT_CHAIN, Delegation, Staff


class Role(TextChoices):
    REQUESTER = "requester", _("ผู้ขอเผยแพร่")
    REVIEWER = "reviewer", _("ผู้พิจารณา (หัวหน้ากลุ่มงานที่ดูแลเว็บไซต์)")
    APPROVER = "approver", _("ผู้อนุมัติ (ผู้บริหารสูงสุด)")
    WEBMASTER = "webmaster", _("ผู้ดูแลเว็บไซต์ (Web Master)")
    COMMITTEE = "committee", _("คณะกรรมการ (ดูได้อย่างเดียว)")
    ADMINISTRATOR = "administrator", _("ผู้ดูแลระบบ")


def role_label(code):
    """Return the Thai name of a role code; an unknown code (a group made by hand) is shown as it is."""
    return str(Role(code).label) if code in Role.values else code


# Steps of an approval chain can be taken by these roles (DESIGN: the chain is configured per office).
CHAIN_ROLES = (Role.REVIEWER, Role.APPROVER)
assert DEFAULT_CHAIN == [Role.REVIEWER.value, Role.APPROVER.value]  # org/models.py spells them out
# Roles whose members must sign in with a second factor (S-2.7).
PRIVILEGED_ROLES = (Role.WEBMASTER, Role.APPROVER, Role.ADMINISTRATOR)


def role_names(user):
    """Return the set of role codes `user` holds (cached on the user object for the request).

    Only groups count: being a superuser is no office role (a platform operator has no office).
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_khaosan_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True)) & frozenset(Role.values)
        user._khaosan_roles = cached
    return cached


def has_role(user, *roles):
    return bool(role_names(user) & {str(r) for r in roles})


def acting_roles(user, *, on=None):
    """Return the roles `user` may act in today: their own, plus any delegated to them (a delegate approver)."""
    roles = set(role_names(user))
    if getattr(user, "is_authenticated", False) and user.is_active:
        roles |= set(
            Delegation.objects.active(on=on)
            .filter(office_id=user.office_id, delegate=user)
            .values_list("role", flat=True)
        )
    return frozenset(roles)


def members(office, role, *, on=None):
    """Return the active staff of `office` who hold `role`: at home, as a member (org/offices.py), or delegated."""
    from khaosan.org.models import Membership

    at_home = Staff.objects.filter(office=office, groups__name=role).values("pk")
    as_member = Membership.objects.filter(office=office, roles__name=role).values("staff_id")
    of_office = Q(office=office) | Q(pk__in=Membership.objects.filter(office=office).values("staff_id"))
    delegated = Delegation.objects.active(on=on).filter(office=office, role=role).values("delegate_id")
    return (
        Staff.objects.filter(is_active=True)
        .filter(Q(pk__in=at_home) | Q(pk__in=as_member) | (Q(pk__in=delegated) & of_office))
        .order_by("first_name", "last_name")
    )


def is_operator(user):
    """Return whether `user` is a platform operator: an active superuser outside every office.

    Operators run the deployment (Django's admin); they hold no office role. An office's own people,
    its administrator included, never reach the admin: their writes go through the back-office.
    """
    return bool(
        getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser and user.office_id is None
    )


def set_roles(person, roles):
    """Give `person` exactly these roles. Roles are office work: none of them opens Django's admin."""
    from django.contrib.auth.models import Group

    groups = [Group.objects.get_or_create(name=role)[0] for role in roles if role in Role.values]
    person.groups.set(groups)
    person.__dict__.pop("_khaosan_roles", None)
