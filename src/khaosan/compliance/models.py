"""Currency and completeness against the standard (S-2.4, S-3.1 – S-3.3): what is known, kept per day.

A topic's state is computed at query time from what is published (DESIGN principle 5); what is stored
here is history (a daily snapshot of the score) and the reminders already sent, so none goes twice.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TopicState(models.TextChoices):
    """สถานะของหัวข้อ (glossary): the order is from best to worst."""

    CURRENT = "current", _("เป็นปัจจุบัน")
    EXPIRING = "expiring", _("ใกล้ครบกำหนด")
    STALE = "stale", _("ต้องปรับปรุง")
    EXPIRED = "expired", _("หมดอายุ")
    MISSING = "missing", _("ยังไม่มี")


class ComplianceSnapshot(models.Model):
    """คะแนนความครบถ้วน of one office on one day, with every topic's state (the history behind the chart)."""

    office = models.ForeignKey("org.Office", on_delete=models.CASCADE, related_name="compliance_snapshots")
    date = models.DateField(_("วันที่"))
    score = models.DecimalField(_("คะแนนความครบถ้วน"), max_digits=5, decimal_places=1)
    counts = models.JSONField(_("จำนวนหัวข้อตามสถานะ"), default=dict)
    topics = models.JSONField(_("สถานะรายหัวข้อ"), default=dict)  # {topic code: state}
    standard_version = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ผลความครบถ้วนรายวัน")
        verbose_name_plural = _("ผลความครบถ้วนรายวัน")
        ordering = ["office", "-date"]
        get_latest_by = "date"
        constraints = [models.UniqueConstraint(fields=["office", "date"], name="one_compliance_snapshot_a_day")]

    def __str__(self):
        return f"{self.office_id} {self.date} {self.score}"


class Reminder(models.Model):
    """A reminder, warning or alarm that was sent: each (kind, key) goes out once, however often jobs run."""

    office = models.ForeignKey("org.Office", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40)
    key = models.CharField(max_length=200)
    recipients = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("การเตือนที่ส่งแล้ว")
        verbose_name_plural = _("การเตือนที่ส่งแล้ว")
        ordering = ["-sent_at"]
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="reminder_sent_once")]

    def __str__(self):
        return f"{self.kind} {self.key}"
