"""The catalog in the operators' admin (org/admin_site.py): to look at, never to write.

Items and their files are published, changed and withdrawn in the back-office only, where a change goes
through the office's approval chain and keeps an ItemVersion. Topics and categories come from the
standard's data file (`sync_standard`).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from khaosan.catalog.models import Attachment, Category, ChecklistItem, Item, StandardRelease, Topic
from khaosan.org.admin_site import ReadOnlyAdmin
from khaosan.thai.text import human_size


class AttachmentInline(ReadOnlyAdmin, admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ("original_name", "title", "alt_text", "order", "file_facts", "download_count")
    readonly_fields = ("original_name", "file_facts", "download_count")

    @admin.display(description=_("ชนิดและขนาด"))
    def file_facts(self, obj):
        pages = f" · {obj.blob.page_count} หน้า" if obj.blob.page_count else ""
        return f"{obj.extension.upper()} · {human_size(obj.blob.size)}{pages}"


@admin.register(Item)
class ItemAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ("title", "office", "topic", "state_label", "publish_at", "expire_at", "view_count")
    list_filter = ("office", "status", "topic__category", "fiscal_year", "topic__kind")
    search_fields = ("title", "summary", "attachments__original_name")
    date_hierarchy = "publish_at"
    list_select_related = ("office", "topic")
    inlines = (AttachmentInline,)
    fieldsets = (
        (None, {"fields": ("office", "topic", "title", "summary", "body", "external_url")}),
        (
            _("แหล่งที่มาและช่วงเวลา"),
            {"fields": ("owner_unit", "source", "data_from", "data_to", "fiscal_year", "quarter")},
        ),
        (_("การเผยแพร่"), {"fields": ("status", "publish_at", "expire_at", "withdrawn_reason", "cover")}),
        (_("ประวัติ"), {"fields": ("view_count", "published_by", "withdrawn_at", "created_at", "updated_at")}),
    )

    @admin.display(description=_("สถานะ"))
    def state_label(self, obj):
        return {
            "draft": _("ร่าง"), "scheduled": _("ตั้งเวลาเผยแพร่"), "published": _("เผยแพร่อยู่"),
            "expired": _("ครบกำหนดแล้ว"), "withdrawn": _("ถอนแล้ว"),
        }.get(obj.state, obj.state)  # fmt: skip


@admin.register(Topic)
class TopicAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ("name_th", "code", "category", "kind", "required", "refresh", "retired_at")
    list_filter = ("category", "kind", "required", "refresh")
    search_fields = ("name_th", "name_en", "code")


@admin.register(Category)
class CategoryAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ("number", "name_th", "code", "requirement", "retired_at")


@admin.register(ChecklistItem)
class ChecklistItemAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ("code", "name_th", "scheme", "fiscal_year", "edition", "retired_at")
    list_filter = ("scheme", "fiscal_year")
    search_fields = ("code", "name_th")


@admin.register(StandardRelease)
class StandardReleaseAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ("version", "synced_at", "checksum")
