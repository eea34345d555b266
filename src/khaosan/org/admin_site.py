"""Django's admin, for platform operators only.

An operator is an active superuser with no office, signed in with a second factor (create_operator makes
one). An office's people, its administrator included, do their work in the back-office, where every write
goes through a service with its permission check, approval chain, versions and audit row: here they get a
403 page that sends them back there, and anyone not signed in is sent to the back-office sign-in.

What stays in the admin is safe for an operator too: catalog, staff and logs are read-only; offices and
units are changed through org/services.py (an audit row each); the models that would bypass a back-office
service (roles as groups, authenticator devices) are not shown at all.
"""

from functools import update_wrapper

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Models whose admin would write around a back-office service: roles are groups given on the staff screen
# (renaming one would unmake the role), and a lost phone is reset by the office's administrator, audited.
HIDDEN_MODELS = ("auth.group", "otp_totp.totpdevice", "otp_static.staticdevice")
# Sign-in attempts (django-axes): an operator may look; unlocking is the audited back-office action.
READ_ONLY_MODELS = ("axes.accessattempt", "axes.accesslog", "axes.accessfailurelog")


class ReadOnlyAdmin:
    """Mixin for a ModelAdmin: rows can be looked at, never added, changed or deleted here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OperatorAdminSite(admin.AdminSite):
    site_header = gettext_lazy("khaosan — ผู้ดูแลแพลตฟอร์ม")
    site_title = "khaosan"
    index_title = gettext_lazy("จัดการแพลตฟอร์ม")

    def has_permission(self, request):
        """Let in an operator who has confirmed the second factor in this session; nobody else."""
        from khaosan.org.roles import is_operator  # the admin site is built before the models are loaded

        user = request.user
        return is_operator(user) and bool(getattr(user, "is_verified", lambda: False)())

    def admin_view(self, view, cacheable=False):
        """Answer a signed-in person who is not an operator with a 403 page, not a sign-in loop."""
        guarded = super().admin_view(view, cacheable)

        def inner(request, *args, **kwargs):
            if request.user.is_authenticated and not self.has_permission(request):
                return refuse(request)
            return guarded(request, *args, **kwargs)

        return update_wrapper(inner, guarded)

    def password_change(self, request, extra_context=None):
        """One way to change a password: the back-office screen, which records it in the audit trail."""
        return redirect("backoffice:password-change")


def refuse(request):
    from khaosan.backoffice.errors import not_allowed

    return not_allowed(request, _("หน้านี้สำหรับผู้ดูแลแพลตฟอร์มเท่านั้น งานของสำนักงานโปรดทำในระบบหลังบ้าน"))


def lock_down(site):
    """Hide or freeze the admins that third-party apps registered (see HIDDEN_MODELS, READ_ONLY_MODELS)."""
    for model, model_admin in list(site._registry.items()):
        label = model._meta.label_lower
        if label in HIDDEN_MODELS:
            site.unregister(model)
        elif label in READ_ONLY_MODELS and not isinstance(model_admin, ReadOnlyAdmin):
            site.unregister(model)
            site.register(model, type(type(model_admin).__name__, (ReadOnlyAdmin, type(model_admin)), {}))


class OperatorAdminConfig(AdminConfig):
    """django.contrib.admin with the operators' site as `admin.site` (INSTALLED_APPS names this class)."""

    default_site = "khaosan.org.admin_site.OperatorAdminSite"

    def ready(self):
        super().ready()  # autodiscover: every app's admin module has registered its models by now
        lock_down(admin.site)
