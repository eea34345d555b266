"""Read-only screens for the audit trail and the traffic log.

Nothing here can add, change or delete a row (LOG-7). The admin is for platform operators only
(org/admin_site.py); the traffic log is for superusers whatever a group grants, and every look at it is
itself an audit event (LOG-8: restrict access, know who accessed the logs).
"""

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from khaosan.audit.models import (
    AuditCode,
    AuditEvent,
    ChainVerification,
    Heartbeat,
    TrafficHold,
    TrafficRecord,
    TrafficSegment,
    actor_display,
)
from khaosan.org.admin_site import ReadOnlyAdmin
from khaosan.thai.dates import thai_date


class ActorAdmin:
    """Mixin: who acted, as a person reads it ('system:housekeeping' → 'ระบบ (งานดูแลระบบประจำวัน)')."""

    @admin.display(description=_("ผู้กระทำ"), ordering="actor_label")
    def actor_shown(self, obj):
        return actor_display(obj.actor_label)


class SuperuserOnlyAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """The traffic log and its bookkeeping: operators only, whatever permissions a group grants (LOG-8)."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ("created_at", "actor_name", "action", "object_repr", "address", "seq")
    list_select_related = ("actor",)
    list_filter = ("action",)
    search_fields = ("actor_label", "object_repr")
    date_hierarchy = "created_at"
    fields = ("created_at", "actor_name", "actor_label", "action", "object_repr", "object_type", "object_id",
              "changes", "address", "office", "seq", "prev_hash", "hash")  # fmt: skip
    readonly_fields = ("actor_name",)

    @admin.display(description=_("ผู้กระทำ"), ordering="actor_label")
    def actor_name(self, obj):
        return obj.actor_name


@admin.register(TrafficRecord)
class TrafficRecordAdmin(SuperuserOnlyAdmin):
    list_display = ("moment", "address", "port", "username", "method", "path", "status", "response_bytes",
                    "duration_ms")  # fmt: skip
    list_filter = ("method", "status")
    search_fields = ("=address", "=username", "=request_id")
    date_hierarchy = "segment"  # by UTC day: the indexed way in (the time itself is not indexed, to keep writes cheap)
    show_full_result_count = False  # no COUNT(*) over months of traffic on every page

    @admin.display(description=_("เวลา (เวลาประเทศไทย)"), ordering="at")
    def moment(self, obj):
        """To the millisecond, as recorded (the log keeps UTC; people read the office's time)."""
        local = timezone.localtime(obj.at)
        return f"{thai_date(local, short=True)} {local:%H:%M:%S}.{local.microsecond // 1000:03d} น."

    def changelist_view(self, request, extra_context=None):
        self._record_view(request, filters=dict(request.GET.items()))
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._record_view(request, record_id=object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def _record_view(self, request, **details):
        from khaosan.audit.services import record
        from khaosan.clients import client_of

        if self.has_view_permission(request):
            record(request.user, AuditCode.TRAFFIC_VIEWED, address=client_of(request).address, **details)


@admin.register(TrafficSegment)
class TrafficSegmentAdmin(SuperuserOnlyAdmin):
    list_display = ("day", "count", "sealed_at", "clock_synchronised", "clock_offset_ms", "purged_at", "digest")
    date_hierarchy = "day"


@admin.register(TrafficHold)
class TrafficHoldAdmin(ActorAdmin, SuperuserOnlyAdmin):
    list_display = ("segment", "until", "actor_shown", "created_at", "reason")


@admin.register(ChainVerification)
class ChainVerificationAdmin(ActorAdmin, SuperuserOnlyAdmin):
    list_display = ("started_at", "chain", "ok", "records", "segments", "problem_count", "actor_shown")
    list_filter = ("chain", "ok")


@admin.register(Heartbeat)
class HeartbeatAdmin(SuperuserOnlyAdmin):
    list_display = ("job_code", "last_started_at", "last_finished_at", "last_ok", "runs")

    @admin.display(description=_("งาน"), ordering="job")
    def job_code(self, obj):
        return format_html("<code>{}</code>", obj.job)  # the job's name in HOUSEKEEPING_JOBS
