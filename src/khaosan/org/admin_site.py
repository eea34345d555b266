"""Django's admin, for platform operators only.

An operator is an active superuser with no office, signed in with a second factor (create_operator makes
one). An office's people, its administrator included, do their work in the back-office, where every write
goes through a service with its permission check, approval chain, versions and audit row: here they get a
403 page that sends them back there, and anyone not signed in is sent to the back-office sign-in.

What stays in the admin is safe for an operator too: catalog, staff and logs are read-only; offices and
units are changed through org/services.py (an audit row each); the models that would bypass a back-office
service (roles as groups, authenticator devices) are not shown at all.

The admin speaks Thai like the rest of khaosan (issue 11): Django's words come from its Thai catalogue,
completed in locale/th; dates read Buddhist-era in the office's time zone, as everywhere else.
"""

import datetime as dt
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
    """Hide or freeze the admins that third-party apps registered (see HIDDEN_MODELS, READ_ONLY_MODELS).

    Where a field can still be edited here, a date is typed the Thai way, as in the back-office.
    """
    for model, model_admin in list(site._registry.items()):
        label = model._meta.label_lower
        if label in HIDDEN_MODELS:
            site.unregister(model)
        elif label in READ_ONLY_MODELS and not isinstance(model_admin, ReadOnlyAdmin):
            site.unregister(model)
            site.register(model, type(type(model_admin).__name__, (ReadOnlyAdmin, type(model_admin)), {}))
    for model_admin in site._registry.values():
        thai_date_inputs(model_admin)


def thai_date_inputs(model_admin):
    """Give a ModelAdmin the Thai date fields (thai/forms.py) in place of Django's Gregorian date widgets."""
    from django.db import models

    from khaosan.thai.forms import ThaiDateField, ThaiDateInput, ThaiDateTimeField, ThaiDateTimeInput

    model_admin.formfield_overrides = {
        **model_admin.formfield_overrides,
        models.DateField: {"form_class": ThaiDateField, "widget": ThaiDateInput},
        models.DateTimeField: {"form_class": ThaiDateTimeField, "widget": ThaiDateTimeInput},
    }


def speak_thai():
    """Make the admin's own renderings Thai: its yes/no icons, its dates, django-axes' names for its rows.

    Django writes a boolean icon's alt text as the Python value ("True", "False", "None"), so a screen reader
    reads English, and it formats dates with the locale's Gregorian year (the Thai locale's "2 ธันวาคม 2026").
    Both come from small functions the admin looks up at call time (admin_list._boolean_icon) or imported by
    name (display_for_field, display_for_value): those are replaced here, once, at start-up.
    tests/thai/test_screens.py and tests/test_thai_everywhere.py read the admin, so a Django upgrade that changes
    them fails loudly.
    """
    from django.apps import apps
    from django.contrib.admin import helpers
    from django.contrib.admin import utils as admin_utils
    from django.contrib.admin.templatetags import admin_list
    from django.db import models
    from django.templatetags.static import static
    from django.utils.html import format_html

    from khaosan.thai.dates import thai_date, thai_datetime

    def boolean_icon(value):
        icon = {True: "yes", False: "no", None: "unknown"}[value]
        text = {True: _("ใช่"), False: _("ไม่ใช่"), None: _("ไม่ทราบ")}[value]
        return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), text)

    original_field, original_value = admin_utils.display_for_field, admin_utils.display_for_value

    def thai_moment(value):
        if isinstance(value, dt.datetime):
            return thai_datetime(value, short=True)
        if isinstance(value, dt.date):
            return thai_date(value, short=True)
        return None

    def display_for_field(value, field, empty_value_display, avoid_link=False):
        if getattr(field, "flatchoices", None):
            return original_field(value, field, empty_value_display, avoid_link)
        if isinstance(field, (models.DateField, models.DateTimeField)) and thai_moment(value) is not None:
            return thai_moment(value)
        if isinstance(field, models.SlugField) and value:
            return format_html("<code>{}</code>", value)  # an identifier (a topic's or a unit's code), not a word
        if isinstance(field, models.JSONField) and value:
            return format_html("<code>{}</code>", original_field(value, field, empty_value_display, avoid_link))
        if value == "<unknown>":
            return _("ไม่ทราบ")  # django-axes' placeholder for a missing browser name
        if field.name.endswith("_en") and value:
            return format_html('<span lang="en">{}</span>', value)  # an English name or text (WCAG 3.1.2)
        return original_field(value, field, empty_value_display, avoid_link)

    def display_for_value(value, empty_value_display, boolean=False):
        shown = None if boolean else thai_moment(value)
        return shown if shown is not None else original_value(value, empty_value_display, boolean)

    admin_list._boolean_icon = boolean_icon
    if apps.is_installed("axes"):
        sign_in_rows_in_thai(apps.get_app_config("axes"))
    for module in (admin_utils, helpers, admin_list):
        if hasattr(module, "display_for_field"):
            module.display_for_field = display_for_field
        if hasattr(module, "display_for_value"):
            module.display_for_value = display_for_value


def sign_in_rows_in_thai(axes):
    """Name django-axes' app and rows in Thai, Buddhist era, Bangkok time (axes writes "Access Log for … @ <UTC>")."""
    from khaosan.thai.dates import thai_datetime

    def describe(row):
        facts = {"username": row.username or "—", "when": thai_datetime(row.attempt_time, short=True)}
        if isinstance(row, axes.get_model("AccessLog")):
            return _("การเข้าสู่ระบบของ %(username)s เมื่อ %(when)s") % facts
        if isinstance(row, axes.get_model("AccessFailureLog")):
            if row.locked_out:
                return _("เข้าสู่ระบบไม่สำเร็จและถูกล็อก: %(username)s เมื่อ %(when)s") % facts
            return _("เข้าสู่ระบบไม่สำเร็จ: %(username)s เมื่อ %(when)s") % facts
        return _("ความพยายามเข้าสู่ระบบของ %(username)s เมื่อ %(when)s") % facts

    axes.verbose_name = gettext_lazy("การเข้าสู่ระบบ")
    for name in ("AccessAttempt", "AccessFailureLog", "AccessLog"):
        axes.get_model(name).__str__ = describe


class OperatorAdminConfig(AdminConfig):
    """django.contrib.admin with the operators' site as `admin.site` (INSTALLED_APPS names this class)."""

    default_site = "khaosan.org.admin_site.OperatorAdminSite"

    def ready(self):
        super().ready()  # autodiscover: every app's admin module has registered its models by now
        lock_down(admin.site)
        speak_thai()
