"""Writes of the administrator screens: staff and roles, delegations, office settings."""

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from khaosan.audit.models import AuditCode
from khaosan.audit.services import record
from khaosan.org.models import Delegation, OfficeClosure, Staff
from khaosan.org.roles import Role, members, set_roles
from khaosan.workflow.notify import site_url

# S-3.1: at least two web masters, so one can stand in for the other.
MIN_WEBMASTERS = 2


def _check_webmasters_remain(office, *, losing):
    remaining = members(office, Role.WEBMASTER).exclude(pk=losing.pk).count()
    if remaining < MIN_WEBMASTERS:
        raise ValidationError(
            _("สำนักงานต้องมีผู้ดูแลเว็บไซต์อย่างน้อย %(n)d คนเพื่อทำงานแทนกันได้ (S-3.1) โปรดแต่งตั้งผู้ดูแลเว็บไซต์คนอื่นก่อน")
            % {"n": MIN_WEBMASTERS}
        )


def set_password_path(person):
    """Return the one-time path at which `person` sets their own password (Django's reset token, 3 days)."""
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    return reverse("backoffice:password-reset-confirm", args=[uid, default_token_generator.make_token(person)])


def set_password_link(person):
    """The one-time address at which `person` sets their own password (valid PASSWORD_RESET_TIMEOUT)."""
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


class PasswordLinkNotSent(Exception):
    """The person cannot receive a set-password link now (no e-mail address, or the account is closed)."""


@transaction.atomic
def password_link_send(*, person, actor):
    """Send `person` a fresh set-password link to their own address, and record who asked for it.

    The link goes to the address on file, never to the one who asks: an operator helps someone back in
    without ever holding their password.
    """
    if not person.is_active or not person.email:
        raise PasswordLinkNotSent(person.pk)
    record(actor, AuditCode.STAFF_PASSWORD_LINK_SENT, person, office=person.office, to=person.email)
    transaction.on_commit(lambda: send_set_password_link(person))


@transaction.atomic
def staff_invite(*, office, actor, roles, **fields):
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
    before_roles = set(person.groups.values_list("name", flat=True))
    if Role.WEBMASTER in before_roles and Role.WEBMASTER not in roles:
        _check_webmasters_remain(person.office, losing=person)
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
    if person.pk == actor.pk and not active:
        raise ValidationError(_("ปิดการใช้งานบัญชีของตนเองไม่ได้"))
    if not active and person.groups.filter(name=Role.WEBMASTER).exists():
        _check_webmasters_remain(person.office, losing=person)
    person.is_active = active
    person.save(update_fields=["is_active"])
    record(actor, AuditCode.STAFF_DEACTIVATED if not active else AuditCode.STAFF_CHANGED, person,
           office=person.office, active=active)  # fmt: skip
    return person


@transaction.atomic
def delegation_create(*, office, actor, **fields):
    for who in ("delegator", "delegate"):
        if fields[who].office_id != office.pk:
            raise ValidationError({who: _("ต้องเป็นเจ้าหน้าที่ของสำนักงานนี้")})
    delegation = Delegation.objects.create(office=office, **fields)
    record(actor, AuditCode.DELEGATION_CREATED, delegation, office=office, role=delegation.role,
           delegate=str(delegation.delegate), starts=delegation.starts_on, ends=delegation.ends_on)  # fmt: skip
    return delegation


@transaction.atomic
def delegation_revoke(*, delegation, actor):
    delegation.revoked_at = timezone.now()
    delegation.save(update_fields=["revoked_at"])
    record(actor, AuditCode.DELEGATION_REVOKED, delegation, office=delegation.office)


@transaction.atomic
def office_configure(*, office, actor, chain, publish_deadline_days, changes_need_approval):
    valid = [role for role in chain if role in (Role.REVIEWER, Role.APPROVER)]
    if not valid:
        raise ValidationError(_("ลำดับการพิจารณาต้องมีอย่างน้อยหนึ่งขั้น"))
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
    closure, _created = OfficeClosure.objects.update_or_create(office=office, date=date, defaults={"reason": reason})
    record(actor, AuditCode.OFFICE_CHANGED, office, office=office, closure=str(date), reason=reason)
    return closure
