"""Writes about offices, units and staff: who manages the people and the settings of an office.

Two kinds of people write here, each through its own door:

- An office's *administrator* manages its staff and their roles, delegations, the approval chain, the
  publishing deadline and the closures, in the back-office (backoffice/views/staff.py), and only for his
  own office: every object is checked to belong to it (`ensure_administrator`, `ensure_manages`).
- A *platform operator* corrects an office's particulars and host name and its units in Django's admin
  (org/admin.py), and may send anyone a fresh set-password link to their own address.

Every function checks first (a named error from khaosan/errors.py before anything is written), then writes,
then leaves an audit row in the same transaction; e-mails leave only after the commit.
"""

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from khaosan.audit.models import AuditCode
from khaosan.audit.services import record
from khaosan.errors import NotAllowed, OtherOffice, RoleRequired
from khaosan.org.middleware import forget_offices
from khaosan.org.models import Delegation, Membership, Office, OfficeClosure, Staff, Unit
from khaosan.org.offices import offices_of
from khaosan.org.roles import Role, has_role, is_operator, members, set_roles

# Settings an office's administrator owns (back-office settings screen); an operator leaves them alone.
OFFICE_OWN_SETTINGS = ("approval_chain", "publish_deadline_days", "changes_need_approval")
# What the administrator's staff screen changes on a person; the office, superuser and staff flags never.
STAFF_FIELDS = ("username", "first_name", "last_name", "email", "position", "unit", "phone")
# S-3.1: at least two web masters, so one can stand in for the other.
MIN_WEBMASTERS = 2


class OperatorRequired(RoleRequired, PermissionDenied):
    """Only a platform operator (a superuser with no office) changes offices and units here.

    Also a PermissionDenied, so that Django answers 403 should it ever escape an admin view.
    """

    code = "operator_required"


class AdministratorRequired(RoleRequired):
    """Only an administrator of the office manages its staff, roles, delegations and settings."""

    code = "administrator_required"


class TooFewWebmasters(NotAllowed):
    """The change would leave the office with fewer than MIN_WEBMASTERS web masters (S-3.1)."""

    code = "too_few_webmasters"


class OwnAccount(NotAllowed):
    """An administrator may not close their own account: someone must still be able to let people in."""

    code = "own_account"


class PasswordLinkNotSent(NotAllowed):
    """The person cannot receive a set-password link now (no e-mail address, or the account is closed)."""

    code = "password_link_not_sent"


# Who may -----------------------------------------------------------------------------------------------


def ensure_operator(actor):
    if not is_operator(actor):
        raise OperatorRequired(_("หน้านี้สำหรับผู้ดูแลแพลตฟอร์มเท่านั้น งานของสำนักงานโปรดทำในระบบหลังบ้าน"))


def ensure_administrator(actor, office):
    """Raise unless `actor` is an administrator of `office` (the role the back-office's staff screens need)."""
    _ensure_administrator_of(actor, office.pk if office is not None else None)


def ensure_manages(actor, person):
    """Raise unless `actor` administers the office `person` works in (object level: never another office's)."""
    _ensure_administrator_of(actor, person.office_id)


def _ensure_administrator_of(actor, office_id):
    if not has_role(actor, Role.ADMINISTRATOR):
        raise AdministratorRequired(
            _("เฉพาะผู้ดูแลระบบของสำนักงานจัดการเจ้าหน้าที่ บทบาท การมอบอำนาจ และการตั้งค่าได้ โปรดติดต่อผู้ดูแลระบบของสำนักงาน")
        )
    if office_id is None or actor.office_id != office_id:
        raise OtherOffice(_("ท่านจัดการได้เฉพาะเจ้าหน้าที่และการตั้งค่าของสำนักงานของท่านเอง โปรดเลือกจากรายการในระบบหลังบ้าน"))


def _check_webmasters_remain(office, *, losing):
    remaining = members(office, Role.WEBMASTER).exclude(pk=losing.pk).count()
    if remaining < MIN_WEBMASTERS:
        raise TooFewWebmasters(
            _("สำนักงานต้องมีผู้ดูแลเว็บไซต์อย่างน้อย %(n)d คนเพื่อทำงานแทนกันได้ (S-3.1) โปรดแต่งตั้งผู้ดูแลเว็บไซต์คนอื่นก่อน")
            % {"n": MIN_WEBMASTERS},
            field="roles",
        )


def _check_webmasters_remain_everywhere(person):
    """Closing an account takes the person out of every office they are a web master of, not only their home."""
    if person.groups.filter(name=Role.WEBMASTER).exists():
        _check_webmasters_remain(person.office, losing=person)
    for membership in person.memberships.filter(roles__name=Role.WEBMASTER).select_related("office"):
        _check_webmasters_remain(membership.office, losing=person)


class ParentLoop(NotAllowed):
    """An office cannot be under itself, directly or through the offices under it."""

    code = "parent_loop"


def check_parent(office, parent):
    seen = set()
    while parent is not None and parent.pk not in seen:
        if parent.pk == office.pk:
            raise ParentLoop(_("สำนักงานต้นสังกัดต้องไม่ใช่สำนักงานนี้เองหรือสำนักงานที่อยู่ในสังกัดของสำนักงานนี้ โปรดเลือกใหม่"),
                             field="parent")  # fmt: skip
        seen.add(parent.pk)
        parent = parent.parent


def _check_unit(office, fields):
    unit = fields.get("unit")
    if unit is not None and unit.office_id != office.pk:
        raise OtherOffice(_("หน่วยงานต้องเป็นหน่วยงานของสำนักงานนี้ โปรดเลือกจากรายการ"), field="unit")


def _staff_fields(fields):
    unknown = set(fields) - set(STAFF_FIELDS)
    if unknown:
        raise TypeError(f"staff services cannot change {sorted(unknown)}")
    return fields


# Set-password links ------------------------------------------------------------------------------------


def set_password_path(person):
    """Return the one-time path at which `person` sets their own password (Django's reset token, 3 days)."""
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    return reverse("backoffice:password-reset-confirm", args=[uid, default_token_generator.make_token(person)])


def set_password_link(person):
    """The one-time address at which `person` sets their own password (valid PASSWORD_RESET_TIMEOUT)."""
    from khaosan.workflow.notify import site_url

    return site_url(set_password_path(person))


def send_set_password_link(person, *, link=None):
    """E-mail a link with which a new (or locked-out) person sets their own password.

    `link` is built while the administrator's request is answered, so that in development it names the
    server they use (`site_url`); the e-mail itself leaves after the commit.
    """
    link = link or set_password_link(person)
    if person.office_id is None:
        subject = _("ตั้งรหัสผ่านสำหรับผู้ดูแลแพลตฟอร์ม khaosan")
    else:
        subject = _("ตั้งรหัสผ่านสำหรับระบบหลังบ้านเว็บไซต์ %(office)s") % {"office": person.office.name_th}
    send_mail(
        subject,
        _("เรียน %(name)s\n\nผู้ดูแลระบบได้เพิ่มท่านเป็นเจ้าหน้าที่ของระบบเผยแพร่ข้อมูล โปรดตั้งรหัสผ่านที่ลิงก์นี้ (ใช้ได้ครั้งเดียว):\n%(link)s")
        % {"name": person, "link": link},
        None,
        [person.email],
    )


@transaction.atomic
def password_link_send(*, person, actor):
    """Send `person` a fresh set-password link to their own address, and record who asked for it.

    The link goes to the address on file, never to the one who asks: an operator (any office) or the
    person's own office administrator helps someone back in without ever holding their password.
    """
    if not is_operator(actor):
        ensure_manages(actor, person)
    if not person.is_active or not person.email:
        raise PasswordLinkNotSent(
            _("ส่งลิงก์ตั้งรหัสผ่านให้ %(name)s ไม่ได้ เพราะบัญชีปิดการใช้งานหรือไม่มีอีเมล "
              "โปรดให้ผู้ดูแลระบบของสำนักงานแก้ไขข้อมูลก่อน") % {"name": person.get_username()}
        )  # fmt: skip
    record(actor, AuditCode.STAFF_PASSWORD_LINK_SENT, person, office=person.office, to=person.email)
    transaction.on_commit(lambda: send_set_password_link(person))


# The administrator's writes ----------------------------------------------------------------------------


@transaction.atomic
def staff_invite(*, office, actor, roles, **fields):
    """Add a person to `office` with `roles`; they set their own password from the e-mailed link."""
    ensure_administrator(actor, office)
    _check_unit(office, _staff_fields(fields))
    if Staff.objects.filter(username__iexact=fields["username"]).exists():
        raise ValidationError({"username": _("ชื่อผู้ใช้นี้มีผู้ใช้แล้ว")})
    person = Staff(office=office, is_staff=False, **fields)
    person.set_unusable_password()
    person.save()
    set_roles(person, roles)
    record(actor, AuditCode.STAFF_INVITED, person, office=office, roles=sorted(roles))
    link = set_password_link(person)
    transaction.on_commit(lambda: send_set_password_link(person, link=link))
    return person


@transaction.atomic
def staff_update(*, person, actor, roles, **fields):
    """Change a person's particulars and roles; the audit row keeps what changed."""
    ensure_manages(actor, person)
    person = Staff.objects.select_for_update(of=("self",)).get(pk=person.pk)
    _check_unit(person.office, _staff_fields(fields))
    before_roles = set(person.groups.values_list("name", flat=True))
    if Role.WEBMASTER in before_roles and Role.WEBMASTER not in roles:
        _check_webmasters_remain(person.office, losing=person)
    taken = Staff.objects.filter(username__iexact=fields.get("username", "")).exclude(pk=person.pk)
    if "username" in fields and taken.exists():
        raise ValidationError({"username": _("ชื่อผู้ใช้นี้มีผู้ใช้แล้ว")})
    changes = {}
    for name, value in fields.items():
        if getattr(person, name) != value:
            changes[name] = [str(getattr(person, name)), str(value)]
            setattr(person, name, value)
    person.save()
    set_roles(person, roles)
    if set(roles) != before_roles:
        changes["roles"] = [sorted(before_roles), sorted(roles)]
    if changes:
        record(actor, AuditCode.STAFF_CHANGED, person, office=person.office, changes=changes)
    return person


@transaction.atomic
def staff_set_active(*, person, actor, active):
    """Deactivate (or reactivate) a person; their requests, decisions and history stay as they were."""
    ensure_manages(actor, person)
    person = Staff.objects.select_for_update(of=("self",)).get(pk=person.pk)
    if person.pk == actor.pk and not active:
        raise OwnAccount(_("ปิดการใช้งานบัญชีของตนเองไม่ได้ โปรดให้ผู้ดูแลระบบคนอื่นของสำนักงานเป็นผู้ปิด"))
    if not active:
        _check_webmasters_remain_everywhere(person)
    person.is_active = active
    person.save(update_fields=["is_active"])
    record(actor, AuditCode.STAFF_DEACTIVATED if not active else AuditCode.STAFF_CHANGED, person,
           office=person.office, active=active)  # fmt: skip
    return person


@transaction.atomic
def staff_unlock(*, person, actor, address=None):
    """Lift the sign-in lockout (django-axes) on a person of the administrator's office."""
    from axes.utils import reset as axes_reset

    ensure_manages(actor, person)
    axes_reset(username=person.get_username())
    record(actor, AuditCode.AUTH_UNLOCKED, person, office=person.office, address=address)
    return person


@transaction.atomic
def delegation_create(*, office, actor, **fields):
    """Let a delegate act in the delegator's role for a date range (a deputy approver while away)."""
    ensure_administrator(actor, office)
    for who in ("delegator", "delegate"):
        if fields[who].office_id != office.pk:
            raise OtherOffice(_("ต้องเป็นเจ้าหน้าที่ของสำนักงานนี้ โปรดเลือกจากรายชื่อ"), field=who)
    delegation = Delegation.objects.create(office=office, **fields)
    record(actor, AuditCode.DELEGATION_CREATED, delegation, office=office, role=delegation.role,
           delegate=str(delegation.delegate), starts=delegation.starts_on, ends=delegation.ends_on)  # fmt: skip
    return delegation


@transaction.atomic
def delegation_revoke(*, delegation, actor):
    ensure_administrator(actor, delegation.office)
    delegation.revoked_at = timezone.now()
    delegation.save(update_fields=["revoked_at"])
    record(actor, AuditCode.DELEGATION_REVOKED, delegation, office=delegation.office)


@transaction.atomic
def office_configure(*, office, actor, chain, publish_deadline_days, changes_need_approval):
    """Set the office's approval chain, publishing deadline and whether changes to items need the chain."""
    ensure_administrator(actor, office)
    valid = [role for role in chain if role in (Role.REVIEWER, Role.APPROVER)]
    if not valid:
        raise ValidationError({"chain": _("ลำดับการพิจารณาต้องมีอย่างน้อยหนึ่งขั้น")})
    before = {"chain": office.chain, "days": office.publish_deadline_days, "changes": office.changes_need_approval}
    office.approval_chain = valid
    office.publish_deadline_days = publish_deadline_days
    office.changes_need_approval = changes_need_approval
    office.save(update_fields=["approval_chain", "publish_deadline_days", "changes_need_approval", "updated_at"])
    record(actor, AuditCode.OFFICE_CHANGED, office, office=office, before=before,
           after={"chain": valid, "days": publish_deadline_days, "changes": changes_need_approval})  # fmt: skip
    return office


@transaction.atomic
def closure_add(*, office, actor, date, reason):
    """Add a day the office is closed (announced late, not in `holidays`): deadlines count around it."""
    ensure_administrator(actor, office)
    closure, _created = OfficeClosure.objects.update_or_create(office=office, date=date, defaults={"reason": reason})
    record(actor, AuditCode.OFFICE_CHANGED, office, office=office, closure=str(date), reason=reason)
    return closure


# The command line: a new office, a platform operator -------------------------------------------------

# The responsible units the standard names (standard.yaml: responsible), as a district office has them.
USUAL_UNITS = [
    ("director", "สาธารณสุขอำเภอ"),
    ("admin", "กลุ่มงานบริหารทั่วไป"),
    ("it", "กลุ่มงานเทคโนโลยีสารสนเทศ"),
    ("procurement", "งานพัสดุ"),
]


@transaction.atomic
def office_create(
    *, slug, name_th, address, admin, name_en="", hostname="", phone="", email="", parent=None, system="create_office"
):
    """Make an office with its usual units and its first administrator (`admin`: username, email, names).

    The door of whoever runs the deployment at its shell (`./khaosan manage create_office`): no person of
    the system acts, so the audit rows name the command. The administrator is no superuser: Django's admin
    is for platform operators only. Return (office, administrator).
    """
    office = Office.objects.create(slug=slug, name_th=name_th, name_en=name_en, address=address, hostname=hostname,
                                   phone=phone, email=email, parent=parent)  # fmt: skip
    for order, (code, name) in enumerate(USUAL_UNITS):
        Unit.objects.create(office=office, code=code, name_th=name, order=order)
    person = Staff(office=office, unit=office.units.get(code="it"), is_staff=False, is_superuser=False, **admin)
    person.set_unusable_password()
    person.save()
    set_roles(person, [Role.ADMINISTRATOR])
    record(None, AuditCode.OFFICE_CHANGED, office, office=office, system=system, created=True,
           units=[code for code, _name in USUAL_UNITS])  # fmt: skip
    record(None, AuditCode.STAFF_INVITED, person, office=office, system=system, roles=[Role.ADMINISTRATOR])
    return office, person


@transaction.atomic
def operator_create(*, username, email, first_name="", last_name="", system="create_operator"):
    """Make a platform operator: a superuser with no office and no office role (the only one /admin/ lets in)."""
    operator = Staff(username=username, email=email, first_name=first_name, last_name=last_name, office=None,
                     unit=None, is_staff=True, is_superuser=True)  # fmt: skip
    operator.set_unusable_password()
    operator.save()
    record(None, AuditCode.STAFF_INVITED, operator, system=system, operator=True)
    return operator


# The operators' writes (Django's admin) ----------------------------------------------------------------


def _values(obj, fields):
    return {name: str(getattr(obj, name)) for name in fields}


@transaction.atomic
def office_update(*, office, actor, fields):
    """Save the `fields` an operator changed on `office`; the host cache forgets it once committed."""
    ensure_operator(actor)
    fields = sorted(fields)
    if set(fields) & set(OFFICE_OWN_SETTINGS):
        raise ValueError(f"the office's administrator owns {OFFICE_OWN_SETTINGS}; not changed from the admin")
    if not fields:
        return office
    if "parent" in fields:
        check_parent(office, office.parent)
    before = _values(Office.objects.get(pk=office.pk), fields)
    office.save(update_fields=[*fields, "updated_at"])
    after = _values(office, fields)
    record(actor, AuditCode.OFFICE_CHANGED, office, office=office, via="admin",
           changes={name: [before[name], after[name]] for name in fields})  # fmt: skip
    transaction.on_commit(forget_offices)
    return office


@transaction.atomic
def unit_save(*, unit, actor, fields):
    """Add a unit, or save the `fields` an operator changed on one; recorded under the unit's office."""
    ensure_operator(actor)
    fields = sorted(fields)
    created = unit.pk is None
    before = {} if created else _values(Unit.objects.get(pk=unit.pk), fields)
    unit.save()
    after = _values(unit, fields)
    record(actor, AuditCode.OFFICE_CHANGED, unit, office=unit.office, via="admin", unit=unit.code,
           created=created, changes={name: [before.get(name, ""), after[name]] for name in fields})  # fmt: skip
    return unit


# Several offices ---------------------------------------------------------------------------------------


class NotAMember(OtherOffice):
    """The person is not on the staff of the office they asked to work in."""

    code = "not_a_member"


class PersonNotFound(NotAllowed):
    """No active account answers to the user name and e-mail address given (which of the two is never said)."""

    code = "person_not_found"


def office_choose(*, actor, office):
    """Check that `actor` may work in `office` (their home office or a membership) and record the choice.

    The back-office keeps the choice in the person's session (org/offices.py); this is the rule and the trail.
    """
    if office is None or all(o.pk != office.pk for o in offices_of(actor)):
        raise NotAMember(_("ท่านไม่ได้เป็นเจ้าหน้าที่ของสำนักงานนี้ โปรดเลือกจากรายการสำนักงานของท่าน"))
    record(actor, AuditCode.AUTH_OFFICE_CHOSEN, office, office=office)
    return office


def _membership_roles(roles):
    from django.contrib.auth.models import Group

    return [Group.objects.get_or_create(name=role)[0] for role in roles if role in Role.values]


@transaction.atomic
def membership_grant(*, office, actor, username, email, roles, unit=None):
    """Let a person from another office work in `office` with `roles` (again: change their roles and unit).

    The administrator names the person by user name and e-mail address together, both given by the person,
    so that no office can look through another's staff; a wrong pair is refused without saying which part.
    """
    ensure_administrator(actor, office)
    if unit is not None and unit.office_id != office.pk:
        raise OtherOffice(_("หน่วยงานต้องเป็นหน่วยงานของสำนักงานนี้ โปรดเลือกจากรายการ"), field="unit")
    person = (
        Staff.objects.select_for_update(of=("self",))
        .filter(username__iexact=(username or "").strip(), email__iexact=(email or "").strip(), is_active=True)
        .exclude(office=None)
        .first()
    )
    if person is None:
        raise PersonNotFound(
            _("ไม่พบบัญชีที่ใช้งานอยู่ซึ่งมีชื่อผู้ใช้และอีเมลนี้ตรงกัน โปรดขอชื่อผู้ใช้และอีเมลจากเจ้าของบัญชีแล้วกรอกอีกครั้ง"),
            field="username",
        )
    if person.office_id == office.pk:
        raise NotAllowed(
            _("%(name)s เป็นเจ้าหน้าที่ของสำนักงานนี้อยู่แล้ว โปรดแก้บทบาทที่หน้าเจ้าหน้าที่") % {"name": person},
            field="username",
        )
    membership, created = Membership.objects.get_or_create(
        staff=person, office=office, defaults={"unit": unit, "granted_by": actor}
    )
    before = set() if created else set(membership.roles.values_list("name", flat=True))
    if Role.WEBMASTER in before and Role.WEBMASTER not in roles:
        _check_webmasters_remain(office, losing=person)
    membership.unit = unit
    membership.save(update_fields=["unit"])
    membership.roles.set(_membership_roles(roles))
    record(actor, AuditCode.STAFF_MEMBERSHIP_GRANTED, person, office=office, membership=membership.pk,
           roles=[sorted(before), sorted(r for r in roles if r in Role.values)],
           unit=unit.code if unit else "", new=created)  # fmt: skip
    return membership


@transaction.atomic
def membership_end(*, membership, actor):
    """End a person's place in an office other than their own; their past work there stays in its records."""
    ensure_administrator(actor, membership.office)
    membership = (
        Membership.objects.select_for_update(of=("self",)).select_related("staff", "office").get(pk=membership.pk)
    )
    if membership.roles.filter(name=Role.WEBMASTER).exists():
        _check_webmasters_remain(membership.office, losing=membership.staff)
    record(actor, AuditCode.STAFF_MEMBERSHIP_ENDED, membership.staff, office=membership.office,
           roles=sorted(membership.roles.values_list("name", flat=True)))  # fmt: skip
    membership.delete()
