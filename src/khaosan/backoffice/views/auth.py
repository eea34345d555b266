"""Signing in with a second factor, setting it up, recovery codes, changing and setting a password."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from khaosan.backoffice import second_factor
from khaosan.clients import client_address as _client_address

# django-axes counts failures per address: the same address the traffic log records.
client_ip_for_axes = _client_address


def _next(request, default="backoffice:home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    from django.urls import reverse

    return reverse(default)


def verify(request):
    """Second step of signing in: a code from the app, or one of the recovery codes."""
    user = request.user
    if not user.is_authenticated:
        return redirect("backoffice:login")
    if user.is_verified():
        return redirect(_next(request))
    error = ""
    if request.method == "POST":
        device = second_factor.verify(user, request.POST.get("token"))
        if device is not None:
            otp_login(request, device)
            if device.persistent_id.startswith("otp_static"):
                messages.warning(request, _("ท่านใช้รหัสกู้คืนไปหนึ่งรหัส ควรสร้างรหัสกู้คืนชุดใหม่"))
            return redirect(_next(request))
        error = _("รหัสไม่ถูกต้องหรือหมดเวลาแล้ว โปรดกรอกรหัส 6 หลักล่าสุดจากแอป หรือรหัสกู้คืน")
    return render(request, "backoffice/2fa_verify.html", {"error": error, "next": _next(request)})


def setup(request):
    """Enrol an authenticator app: scan the QR code (or type the key), confirm with one code."""
    user = request.user
    if not user.is_authenticated:
        return redirect("backoffice:login")
    if second_factor.has_second_factor(user) and not user.is_verified():
        return redirect("backoffice:2fa-verify")
    device = second_factor.pending_totp(user)
    error = ""
    if request.method == "POST":
        codes = second_factor.confirm_totp(user=user, device=device, token=request.POST.get("token", "").strip(),
                                           address=_client_address(request))  # fmt: skip
        if codes is not None:
            otp_login(request, device)
            return render(request, "backoffice/2fa_codes.html", {"codes": codes, "next": _next(request)})
        error = _("รหัสไม่ถูกต้อง โปรดตรวจว่าเวลาในโทรศัพท์ตรงกับเวลาจริง แล้วกรอกรหัสล่าสุดอีกครั้ง")
    return render(
        request,
        "backoffice/2fa_setup.html",
        {"qr": second_factor.qr_svg(device), "secret": second_factor.base32_secret(device), "error": error,
         "required": second_factor.required_for(user), "next": _next(request)},
    )  # fmt: skip


@require_POST
@login_required
def recovery_codes(request):
    codes = second_factor.new_recovery_codes(user=request.user)
    return render(request, "backoffice/2fa_codes.html", {"codes": codes, "next": _next(request)})


@login_required
def security(request):
    """My sign-in security: the second factor, recovery codes, password (an operator's too, who has no office)."""
    return render(request, "backoffice/security.html", {
        "has_second_factor": second_factor.has_second_factor(request.user),
        "required": second_factor.required_for(request.user),
    })  # fmt: skip


def locked_out(request, original_response=None, credentials=None):
    """django-axes: too many failed sign-ins. Same words whether or not the account exists."""
    return render(request, "backoffice/locked.html", status=429)


class PasswordChangeView(auth_views.PasswordChangeView):
    """Changing the password keeps this session and ends every other one (Django's session hash)."""

    template_name = "backoffice/password_change.html"
    success_url = reverse_lazy("backoffice:security")

    def form_valid(self, form):
        from khaosan.audit.models import AuditCode
        from khaosan.audit.services import record

        response = super().form_valid(form)
        record(self.request.user, AuditCode.AUTH_PASSWORD_CHANGED, self.request.user, office=self.request.user.office,
               address=_client_address(self.request))  # fmt: skip
        messages.success(self.request, _("เปลี่ยนรหัสผ่านแล้ว อุปกรณ์อื่นที่เข้าสู่ระบบไว้ถูกออกจากระบบแล้ว"))
        return response


class PasswordSetView(auth_views.PasswordResetConfirmView):
    template_name = "backoffice/password_set.html"
    success_url = reverse_lazy("backoffice:password-reset-complete")

    def form_valid(self, form):
        from khaosan.audit.models import AuditCode
        from khaosan.audit.services import record

        response = super().form_valid(form)
        record(form.user, AuditCode.AUTH_PASSWORD_CHANGED, form.user, office=form.user.office,
               address=_client_address(self.request), via="reset-link")  # fmt: skip
        return response
