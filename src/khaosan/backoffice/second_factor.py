"""Two-factor sign-in (S-2.7): TOTP from an authenticator app, plus one-time recovery codes.

Required for web masters, approvers and administrators (PRIVILEGED_ROLES) and for every superuser (the platform
operators, who open Django's admin); optional for everyone else.
"""

import base64
import io

from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from khaosan.audit.services import record
from khaosan.org.roles import PRIVILEGED_ROLES, has_role

RECOVERY_CODES = 10
DEVICE_NAME = "authenticator"


def required_for(user):
    """Return whether `user` must sign in with a second factor: a privileged role, or a superuser (operator)."""
    return bool(getattr(user, "is_superuser", False)) or has_role(user, *PRIVILEGED_ROLES)


def has_second_factor(user):
    return any(True for _ in devices_for_user(user, confirmed=True))


def pending_totp(user):
    """The unconfirmed TOTP device being set up (created on first visit, kept until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def base32_secret(device):
    """The secret as people type it into an app (base32), when they cannot scan the QR code."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def qr_svg(device):
    """The otpauth:// QR code as inline SVG markup (no image request, no script)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode()
    return svg[svg.index("<svg") :]


@transaction.atomic
def confirm_totp(*, user, device, token, address=None):
    """Confirm a new authenticator with a code from it; replaces any earlier one. Return recovery codes."""
    if not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    codes = new_recovery_codes(user=user)
    from khaosan.audit.models import AuditCode

    record(user, AuditCode.AUTH_2FA_ENABLED, user, office=user.office, address=address)
    return codes


@transaction.atomic
def new_recovery_codes(*, user):
    """Replace the recovery codes; each works once, for when the phone is lost."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify(user, token):
    """Return the device that accepts `token` (an app code or a recovery code), or None."""
    token = (token or "").replace(" ", "").strip()
    if not token:
        return None
    for device in devices_for_user(user, confirmed=True):
        if device.verify_token(token):
            return device
    return None


@transaction.atomic
def reset(*, user, actor, address=None):
    """An administrator removes someone's second factor (a lost phone); they enrol again at next sign-in.

    Only an administrator of the person's own office may (org.services.ensure_manages): whoever resets the
    factor can sign in as the person with their password.
    """
    from khaosan.audit.models import AuditCode
    from khaosan.org.services import ensure_manages

    ensure_manages(actor, user)
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    record(actor, AuditCode.AUTH_2FA_RESET, user, office=user.office, address=address)
