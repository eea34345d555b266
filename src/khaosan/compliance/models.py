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


# --- Checks of what is published (GWS-7.8 no broken links, ACC-4 documents with a text layer) -------------------------


class LinkCheck(models.Model):
    """One link or file of a public item as the last run found it; each run replaces the office's rows."""

    class Kind(models.TextChoices):
        BODY = "body", _("ลิงก์ในเนื้อหา")
        EXTERNAL_URL = "external_url", _("ลิงก์ภายนอกของรายการ")
        FILE = "file", _("ไฟล์แนบ")

    class Result(models.TextChoices):
        OK = "ok", _("ใช้ได้")
        BROKEN = "broken", _("เสีย")
        UNCHECKED = "unchecked", _("ไม่ได้ตรวจ")

    office = models.ForeignKey("org.Office", on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey("catalog.Item", on_delete=models.CASCADE, related_name="link_checks")
    attachment = models.ForeignKey("catalog.Attachment", on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="+")  # fmt: skip
    url = models.CharField(_("ที่อยู่ลิงก์"), max_length=2000)
    kind = models.CharField(_("ตำแหน่ง"), max_length=20, choices=Kind.choices)
    result = models.CharField(_("ผลการตรวจ"), max_length=10, choices=Result.choices)
    detail = models.CharField(_("รายละเอียด"), max_length=300, blank=True)
    checked_at = models.DateTimeField(_("ตรวจเมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("ผลตรวจลิงก์")
        verbose_name_plural = _("ผลตรวจลิงก์")
        ordering = ["item", "kind", "pk"]
        indexes = [models.Index(fields=["office", "result"], name="link_check_office_result")]

    def __str__(self):
        return f"{self.item_id} {self.kind} {self.result} {self.url[:80]}"


class TextLayer(models.Model):
    """What a PDF's text layer holds, per content (a file is read once, whatever items show it).

    A scan has pages that paint an image over most of the page and carry (almost) no text; a short
    notice has little text but no such image, and is not a scan (ACC-4).
    """

    class Verdict(models.TextChoices):
        TEXT = "text", _("มีชั้นข้อความ")
        PARTIAL = "partial", _("บางหน้าเป็นภาพสแกน")
        SCANNED = "scanned", _("เป็นภาพสแกนทั้งฉบับ")
        UNREADABLE = "unreadable", _("อ่านไฟล์ไม่ได้")

    blob = models.OneToOneField("catalog.Blob", on_delete=models.CASCADE, primary_key=True, related_name="text_layer")
    verdict = models.CharField(_("ผลการตรวจ"), max_length=12, choices=Verdict.choices)
    pages = models.PositiveIntegerField(_("จำนวนหน้า"), default=0)
    text_pages = models.PositiveIntegerField(_("หน้าที่มีข้อความ"), default=0)
    scanned_pages = models.JSONField(_("หน้าที่เป็นภาพสแกน"), default=list)
    chars = models.PositiveIntegerField(_("จำนวนอักขระ"), default=0)
    detail = models.CharField(_("รายละเอียด"), max_length=300, blank=True)
    checked_at = models.DateTimeField(_("ตรวจเมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("ชั้นข้อความของ PDF")
        verbose_name_plural = _("ชั้นข้อความของ PDF")

    def __str__(self):
        return f"{self.blob_id} {self.verdict}"

    @property
    def inaccessible(self):
        return self.verdict != self.Verdict.TEXT

    @property
    def scanned_pages_text(self):
        """'1–3, 7': the scanned pages as a person reads them."""
        from khaosan.workflow.redaction import page_ranges

        return page_ranges(self.scanned_pages)


class OcrText(models.Model):
    """Text read by OCR from a scanned PDF, and the searchable copy made from it (ACC-4).

    The original stays the published file: it is what was approved (S-2.2) and OCR makes mistakes. The
    text makes the scan findable by search; the copy is a new Blob a web master may publish beside the
    original through a request, like any other file.
    """

    blob = models.OneToOneField("catalog.Blob", on_delete=models.CASCADE, primary_key=True, related_name="ocr")
    copy = models.ForeignKey("catalog.Blob", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("ฉบับค้นหาข้อความได้"))  # fmt: skip
    text = models.TextField(_("ข้อความที่อ่านได้"), blank=True)
    pages = models.JSONField(_("หน้าที่อ่านด้วย OCR"), default=list)
    languages = models.CharField(max_length=40)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ข้อความจาก OCR")
        verbose_name_plural = _("ข้อความจาก OCR")

    def __str__(self):
        return f"{self.blob_id} OCR ({self.languages})"
