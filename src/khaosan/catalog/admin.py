"""Django admin for web masters until the back-office brings its own screens: Thai labels, filters, search."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from khaosan.audit.models import AuditCode
from khaosan.audit.services import record
from khaosan.catalog import services
from khaosan.catalog.html import clean_html
from khaosan.catalog.models import Attachment, Category, ChecklistItem, Item, StandardRelease, Topic
from khaosan.catalog.selectors import forget_navigation
from khaosan.thai.text import human_size


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class ItemAdminForm(forms.ModelForm):
    new_files = MultipleFileField(
        label=_("แนบไฟล์เพิ่ม"),
        required=False,
        help_text=_("รับเฉพาะไฟล์ pdf xls xlsx doc docx jpg png zip rar"),
    )

    class Meta:
        model = Item
        fields = "__all__"

    def clean_new_files(self):
        files = self.cleaned_data.get("new_files") or []
        try:
            self.inspected_files = services.inspect_uploads(files)
        except ValidationError as error:
            raise ValidationError(error.messages) from None
        return files


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ("original_name", "title", "alt_text", "order", "file_facts", "download_count")
    readonly_fields = ("original_name", "file_facts", "download_count")
    can_delete = False

    @admin.display(description=_("ชนิดและขนาด"))
    def file_facts(self, obj):
        pages = f" · {obj.blob.page_count} หน้า" if obj.blob.page_count else ""
        return f"{obj.extension.upper()} · {human_size(obj.blob.size)}{pages}"


class OfficeScopedAdmin(admin.ModelAdmin):
    """Staff see and change only their own office's rows; superusers see all."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(office=request.user.office)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "owner_unit" and not request.user.is_superuser:
            kwargs["queryset"] = db_field.related_model.objects.filter(office=request.user.office)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Item)
class ItemAdmin(OfficeScopedAdmin):
    form = ItemAdminForm
    list_display = ("title", "topic", "state_label", "publish_at", "expire_at", "owner_unit", "view_count")
    list_filter = ("status", "topic__category", "fiscal_year", "topic__kind")
    search_fields = ("title", "summary", "attachments__original_name")
    date_hierarchy = "publish_at"
    autocomplete_fields = ("topic",)
    readonly_fields = ("view_count", "published_by", "withdrawn_at", "created_at", "updated_at")
    raw_id_fields = ("cover",)
    inlines = [AttachmentInline]
    fieldsets = (
        (None, {"fields": ("office", "topic", "title", "summary", "body", "external_url")}),
        (_("แหล่งที่มาและช่วงเวลา"), {"fields": ("owner_unit", "source", "data_from", "data_to", "fiscal_year", "quarter")}),
        (_("การเผยแพร่"), {"fields": ("status", "publish_at", "expire_at", "withdrawn_reason", "cover")}),
        (_("ไฟล์"), {"fields": ("new_files",)}),
        (_("ประวัติ"), {"fields": ("view_count", "published_by", "withdrawn_at", "created_at", "updated_at")}),
    )

    @admin.display(description=_("สถานะ"))
    def state_label(self, obj):
        return {
            "draft": _("ร่าง"), "scheduled": _("ตั้งเวลาเผยแพร่"), "published": _("เผยแพร่อยู่"),
            "expired": _("ครบกำหนดแล้ว"), "withdrawn": _("ถอนแล้ว"),
        }.get(obj.state, obj.state)  # fmt: skip

    def get_changeform_initial_data(self, request):
        return {"office": request.user.office_id, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        obj.body = clean_html(obj.body)
        if obj.status == Item.Status.PUBLISHED and obj.published_by_id is None:
            obj.published_by = request.user
        if obj.status == Item.Status.PUBLISHED and obj.publish_at and obj.expire_at is None:
            obj.expire_at = services.default_expiry(obj.topic, obj.publish_at)
        super().save_model(request, obj, form, change)
        record(request.user, AuditCode.ITEM_UPDATED if change else AuditCode.ITEM_CREATED, obj,
               fields=sorted(form.changed_data), via="admin")  # fmt: skip

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for upload in form.cleaned_data.get("new_files") or []:
            services.attachment_add(item=form.instance, upload=upload, actor=request.user)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name_th", "code", "category", "kind", "required", "refresh", "retired_at")
    list_filter = ("category", "kind", "required", "refresh")
    search_fields = ("name_th", "name_en", "code")
    readonly_fields = ("code", "category", "includes", "checklist_items", "merged_into", "retired_at")

    def has_add_permission(self, request):
        return False  # topics come from the standard data file (sync_standard)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        forget_navigation()


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("number", "name_th", "code", "requirement", "retired_at")
    readonly_fields = ("code", "requirement", "number", "retired_at")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ChecklistItem)
class ChecklistItemAdmin(admin.ModelAdmin):
    list_display = ("code", "name_th", "scheme", "fiscal_year", "edition", "retired_at")
    list_filter = ("scheme", "fiscal_year")
    search_fields = ("code", "name_th")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(StandardRelease)
class StandardReleaseAdmin(admin.ModelAdmin):
    list_display = ("version", "synced_at", "checksum")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
