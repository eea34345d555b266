"""Offices, units and staff in the operators' admin (org/admin_site.py).

Offices are made with `create_office` (units and a first administrator come with them), so there is no
"add" here; an operator corrects what an office shows the public and where it is served, through
org/services.py. Staff are managed by each office's administrator in the back-office: here they are
read-only, and an operator can only send someone a fresh set-password link to their own address.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from khaosan.org import services
from khaosan.org.admin_site import ReadOnlyAdmin
from khaosan.org.models import Office, OfficeClosure, Staff, Unit
from khaosan.org.roles import Role


class ClosureInline(ReadOnlyAdmin, admin.TabularInline):
    """Closures are added by the office's administrator (back-office settings); shown here for reference."""

    model = OfficeClosure
    extra = 0


class OfficeAdminForm(forms.ModelForm):
    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        try:
            services.check_parent(self.instance, parent)
        except services.ParentLoop as error:
            raise ValidationError(error.message) from error
        return parent


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    form = OfficeAdminForm
    list_display = ("name_th", "slug", "hostname", "parent", "phone", "email")
    search_fields = ("name_th", "name_en")
    readonly_fields = services.OFFICE_OWN_SETTINGS
    inlines = (ClosureInline,)

    def has_add_permission(self, request):
        return False  # ./khaosan manage create_office: the office with its units and first administrator

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        services.office_update(office=obj, actor=request.user, fields=form.changed_data)


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name_th", "code", "kind", "office", "head_name", "is_active")
    list_filter = ("kind", "office", "is_active")
    search_fields = ("name_th", "name_en", "code")

    def has_delete_permission(self, request, obj=None):
        return False  # staff, items and requests point at units: switch one off with "is_active" instead

    def save_model(self, request, obj, form, change):
        services.unit_save(unit=obj, actor=request.user, fields=form.changed_data)


class RoleFilter(admin.SimpleListFilter):
    """Filter by office role, named in Thai (roles are groups whose names are the role codes)."""

    title = gettext_lazy("บทบาท")
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return Role.choices

    def queryset(self, request, queryset):
        return queryset.filter(groups__name=self.value()) if self.value() in Role.values else queryset


@admin.register(Staff)
class StaffAdmin(ReadOnlyAdmin, UserAdmin):
    list_display = ("username", "full_name", "position", "unit", "office", "is_active", "is_superuser")
    list_filter = ("office", "is_superuser", "is_active", RoleFilter)
    # What an operator needs to see; no password field, not even the hash's summary. Roles read in Thai.
    fieldsets = (
        (None, {"fields": ("username", "first_name", "last_name", "email")}),
        (gettext_lazy("สังกัด"), {"fields": ("office", "unit", "position", "phone")}),
        (gettext_lazy("สิทธิ์"), {"fields": ("is_active", "is_superuser", "is_staff", "roles")}),
        (gettext_lazy("วันที่สำคัญ"), {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = ("roles",)
    actions = ("send_password_link",)

    @admin.display(description=gettext_lazy("ชื่อ-นามสกุล"), ordering="first_name")
    def full_name(self, obj):
        return obj.get_full_name()

    @admin.display(description=gettext_lazy("บทบาท"))
    def roles(self, obj):
        return ", ".join(obj.role_labels) if obj.office_id else _("ผู้ดูแลแพลตฟอร์ม (ไม่สังกัดสำนักงาน)")

    @admin.action(description=gettext_lazy("ส่งลิงก์ตั้งรหัสผ่านไปที่อีเมลของเจ้าหน้าที่"), permissions=["view"])
    def send_password_link(self, request, queryset):
        sent, skipped = [], []
        for person in queryset.order_by("username"):
            try:
                services.password_link_send(person=person, actor=request.user)
            except services.PasswordLinkNotSent:
                skipped.append(person.get_username())
            else:
                sent.append(person.get_username())
        if sent:
            self.message_user(request, _("ส่งลิงก์ตั้งรหัสผ่านให้ %(names)s แล้ว") % {"names": ", ".join(sent)})
        if skipped:
            self.message_user(
                request,
                _("ไม่ได้ส่งให้ %(names)s เพราะบัญชีปิดการใช้งานหรือไม่มีอีเมล โปรดให้ผู้ดูแลระบบของสำนักงานแก้ไขข้อมูลก่อน")
                % {"names": ", ".join(skipped)},
                messages.WARNING,
            )
