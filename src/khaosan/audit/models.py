"""The audit trail (LOG-13): who did what to which object, when and from where."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditCode(models.TextChoices):
    """The closed list of things worth an audit row."""

    ITEM_CREATED = "item.created", _("สร้างรายการ")
    ITEM_UPDATED = "item.updated", _("แก้ไขรายการ")
    ITEM_PUBLISHED = "item.published", _("เผยแพร่รายการ")
    ITEM_WITHDRAWN = "item.withdrawn", _("ถอนการเผยแพร่")
    ATTACHMENT_ADDED = "attachment.added", _("แนบไฟล์")
    ATTACHMENT_REMOVED = "attachment.removed", _("นำไฟล์ออก")
    STANDARD_SYNCED = "standard.synced", _("นำเข้ามาตรฐาน")


class AuditEvent(models.Model):
    """เหตุการณ์ในบันทึกตรวจสอบ. Rows are only ever added."""

    office = models.ForeignKey("org.Office", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(_("ผู้กระทำ"), max_length=200, help_text=_("ชื่อผู้ใช้ หรือ system:<งาน>"))
    action = models.CharField(_("การกระทำ"), max_length=60, choices=AuditCode.choices)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("วัตถุ"), max_length=300, blank=True)
    changes = models.JSONField(_("รายละเอียด"), default=dict, blank=True)
    address = models.GenericIPAddressField(_("ที่อยู่ IP"), null=True, blank=True)
    created_at = models.DateTimeField(_("เวลา"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("เหตุการณ์ในบันทึกตรวจสอบ")
        verbose_name_plural = _("บันทึกตรวจสอบ")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"
