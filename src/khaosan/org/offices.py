"""Working in several offices: a person's home office, the offices they are a member of, and the one chosen.

Every back-office screen and service is scoped by `user.office` and the roles read by `org.roles`. A person
who belongs to several offices (a provincial web master who also runs a district's site) chooses one in
the back-office; the choice is kept in their session, and `ActingOfficeMiddleware` gives the request's
user that office, their unit there and their roles there, before anything reads them. Nothing else in the
code needs to know: the scoping that keeps offices apart is the same scoping as for one office. The home
office on the person's row never changes by choosing (Staff.save writes the home office back).
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.functional import LazyObject, empty

from khaosan.org.models import Membership, Office, Staff

SESSION_KEY = "khaosan_office"


@dataclass(frozen=True)
class Acting:
    """What the person's row says, kept while the request's user works in another office."""

    home_office_id: int
    home_unit_id: int | None
    membership_id: int


def offices_of(person):
    """The offices `person` may work in: their home office first, then their memberships, by name."""
    home_id = home_office_id(person)
    others = Office.objects.filter(memberships__staff=person).exclude(pk=home_id).order_by("name_th")
    home = Office.objects.filter(pk=home_id).first() if home_id else None
    return [home, *others] if home else list(others)


def _unwrapped(person):
    """The Staff object behind `request.user` (authentication and django-otp wrap it lazily, twice)."""
    while isinstance(person, LazyObject):
        if person._wrapped is empty:
            person._setup()
        person = person._wrapped
    return person


def home_office_id(person):
    acting = _unwrapped(person).__dict__.get("_khaosan_acting")
    return acting.home_office_id if acting else person.office_id


def membership_in(person, office_id):
    """The person's membership in `office_id` with its roles, or None (never for their home office)."""
    return (
        Membership.objects.select_related("office", "unit")
        .prefetch_related("roles")
        .filter(staff_id=person.pk, office_id=office_id)
        .exclude(office_id=home_office_id(person))
        .first()
    )


def keep_choice(request, office):
    """Keep `office` as the one the signed-in person works in from the next request on (after `office_choose`)."""
    if office.pk == home_office_id(request.user):
        request.session.pop(SESSION_KEY, None)
    else:
        request.session[SESSION_KEY] = office.pk


def act_in(person, membership):
    """Give the request's `person` the office, unit and roles of `membership` (in memory only)."""
    from khaosan.org.roles import Role

    person = _unwrapped(person)
    person.__dict__["_khaosan_acting"] = Acting(person.office_id, person.unit_id, membership.pk)
    person.office, person.unit = membership.office, membership.unit
    person._khaosan_roles = frozenset(group.name for group in membership.roles.all()) & frozenset(Role.values)


def people_of(office):
    """The staff of `office`: those whose home it is and those who are members of it."""
    return Staff.objects.filter(Q(office=office) | Q(memberships__office=office)).distinct()


class ActingOfficeMiddleware:
    """Apply the office chosen in the session to the request's user (after authentication, before 2FA).

    The second-factor check comes after it, so roles that need a second factor in the chosen office ask for
    one. A choice that no longer holds (the membership ended) falls back to the home office.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        if chosen is not None:
            user = request.user
            membership = membership_in(user, chosen) if user.is_authenticated and user.office_id else None
            if membership is None:
                request.session.pop(SESSION_KEY, None)
            else:
                act_in(user, membership)
        return self.get_response(request)
