"""Sign-in events go to the audit trail (S-2.7, LOG-13): successes, failures, lockouts, sign-outs."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from khaosan.audit.models import AuditCode
from khaosan.audit.services import record


def _address(request):
    from khaosan.clients import client_address

    return client_address(request) if request is not None else None


@receiver(user_logged_in, dispatch_uid="audit-login")
def audit_login(sender, request, user, **kwargs):
    record(user, AuditCode.AUTH_LOGIN, user, office=user.office, address=_address(request))


@receiver(user_logged_out, dispatch_uid="audit-logout")
def audit_logout(sender, request, user, **kwargs):
    if user is not None:
        record(user, AuditCode.AUTH_LOGOUT, user, office=user.office, address=_address(request))


@receiver(user_login_failed, dispatch_uid="audit-login-failed")
def audit_login_failed(sender, credentials, request=None, **kwargs):
    # The username tried is kept (never the password): it shows who is being attacked.
    record(None, AuditCode.AUTH_LOGIN_FAILED, None, system="login", address=_address(request),
           username=str(credentials.get("username", ""))[:150])  # fmt: skip


@receiver(user_locked_out, dispatch_uid="audit-locked-out")
def audit_locked_out(sender, request, username, ip_address, **kwargs):
    record(None, AuditCode.AUTH_LOCKED_OUT, None, system="login", address=ip_address, username=str(username)[:150])
