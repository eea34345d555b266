from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from khaosan.org.models import Office, OfficeClosure, Staff, Unit


class ClosureInline(admin.TabularInline):
    model = OfficeClosure
    extra = 0


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ("name_th", "hostname", "phone", "email")
    search_fields = ("name_th", "name_en")
    inlines = [ClosureInline]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name_th", "code", "kind", "office", "head_name", "is_active")
    list_filter = ("kind", "office", "is_active")
    search_fields = ("name_th", "name_en", "code")


@admin.register(Staff)
class StaffAdmin(UserAdmin):
    list_display = ("username", "get_full_name", "position", "unit", "office", "is_active")
    list_filter = ("office", "unit", "is_active", "groups")
    fieldsets = UserAdmin.fieldsets + ((_("สังกัด"), {"fields": ("office", "unit", "position", "phone")}),)
