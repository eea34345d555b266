"""Training records (S-3.5) and the performance report (S-5, MOIT1 2.1–2.3).

A training record is one person's attendance: the seed asks the office to keep staff trained in website
management and cyber security, and an auditor asks who was trained, in what, when and for how long.

The performance report's numbers are never typed: they are drawn from the records whenever the report
is shown. What people write is the section on problems, obstacles and suggestions (the seed's section 6).
When the head of the office acknowledges the report, the facts drawn at that moment are frozen with it,
so the report stays exactly as it was signed, whatever changes in the records afterwards.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from khaosan.thai.dates import Period, fiscal_year


class TrainingKind(models.TextChoices):
    """S-3.5 names both: training (การฝึกอบรม) and knowledge sharing between practitioners (KM)."""

    TRAINING = "training", _("การฝึกอบรม")
    KM = "km", _("การแลกเปลี่ยนเรียนรู้ (KM)")


class TrainingTopic(models.TextChoices):
    """What S-3.5 asks staff to be trained in; a record may cover both, or neither (other skills)."""

    WEBSITE = "website", _("การบริหารจัดการเว็บไซต์")
    CYBER_SECURITY = "cyber_security", _("การรักษาความมั่นคงปลอดภัยสารสนเทศ (Cyber Security)")


class Training(models.Model):
    """การฝึกอบรม · การแลกเปลี่ยนเรียนรู้: one person's attendance at a training or a KM session."""

    office = models.ForeignKey("org.Office", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="trainings", verbose_name=_("ผู้เข้าร่วม")
    )
    # The person's unit when the record was made: lists by unit stay right after someone moves unit.
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("หน่วยงาน"))  # fmt: skip
    kind = models.CharField(_("ประเภท"), max_length=10, choices=TrainingKind.choices, default=TrainingKind.TRAINING)
    title = models.CharField(_("หลักสูตรหรือหัวข้อ"), max_length=300)
    organiser = models.CharField(_("ผู้จัด"), max_length=300)
    venue = models.CharField(_("สถานที่หรือช่องทาง"), max_length=300, blank=True)
    held_by_office = models.BooleanField(_("สำนักงานเป็นผู้จัด"), default=False)
    starts_on = models.DateField(_("วันที่เริ่ม"))
    ends_on = models.DateField(_("วันที่สิ้นสุด"))
    hours = models.DecimalField(_("จำนวนชั่วโมง"), max_digits=5, decimal_places=1)
    on_website = models.BooleanField(TrainingTopic.WEBSITE.label, default=False)
    on_cyber_security = models.BooleanField(TrainingTopic.CYBER_SECURITY.label, default=False)
    notes = models.TextField(_("หมายเหตุ"), blank=True)
    certificate = models.ForeignKey("catalog.Blob", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("ไฟล์วุฒิบัตรหรือหลักฐาน"))  # fmt: skip
    certificate_name = models.CharField(_("ชื่อไฟล์"), max_length=255, blank=True)
    certificate_extension = models.CharField(max_length=10, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("การฝึกอบรม")
        verbose_name_plural = _("การฝึกอบรม")
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["office", "starts_on"], name="training_office_day")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="training_dates_ordered"),
            models.CheckConstraint(condition=Q(hours__gt=0), name="training_hours_positive"),
        ]

    def __str__(self):
        return f"{self.title} ({self.person})"

    def get_absolute_url(self):
        return reverse("backoffice:reports:training", args=[self.pk])

    @property
    def fiscal_year(self):
        return fiscal_year(self.starts_on)

    @property
    def topics(self):
        """The S-3.5 topics this record covers, as TrainingTopic members."""
        chosen = {TrainingTopic.WEBSITE: self.on_website, TrainingTopic.CYBER_SECURITY: self.on_cyber_security}
        return [topic for topic, covered in chosen.items() if covered]


class PeriodKind(models.TextChoices):
    """The periods a report may cover (MOIT-0.1: evidence by fiscal year and quarter; the seed's half-year rounds)."""

    FISCAL_YEAR = "fiscal_year", _("ปีงบประมาณ")
    HALF_YEAR = "half_year", _("รอบ 6 เดือน")
    QUARTER = "quarter", _("ไตรมาส")


class PerformanceReport(models.Model):
    """รายงานผลการดำเนินงาน of one office for one period: what people wrote, and who acknowledged it when."""

    office = models.ForeignKey("org.Office", on_delete=models.PROTECT, related_name="+")
    period_kind = models.CharField(_("รอบรายงาน"), max_length=12, choices=PeriodKind.choices)
    period_start = models.DateField(_("ตั้งแต่วันที่"))
    period_end = models.DateField(_("ถึงวันที่"))
    problems = models.TextField(_("ปัญหาและอุปสรรค"), blank=True)
    suggestions = models.TextField(_("ข้อเสนอแนะ"), blank=True)
    prepared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("ผู้จัดทำ"))  # fmt: skip
    prepared_at = models.DateTimeField(_("จัดทำเมื่อ"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                        related_name="+", verbose_name=_("ผู้รับทราบ"))  # fmt: skip
    acknowledged_at = models.DateTimeField(_("รับทราบเมื่อ"), null=True, blank=True)
    # As signed: the name and position then, and "ปฏิบัติราชการแทน …" when a delegate acknowledged.
    acknowledged_name = models.CharField(max_length=200, blank=True)
    acknowledged_position = models.CharField(max_length=200, blank=True)
    acknowledged_on_behalf = models.CharField(max_length=300, blank=True)
    # The facts drawn from the records when the head acknowledged; None while the report is still live.
    facts = models.JSONField(_("ข้อเท็จจริงที่รับทราบ"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("รายงานผลการดำเนินงาน")
        verbose_name_plural = _("รายงานผลการดำเนินงาน")
        ordering = ["-period_start", "period_kind"]
        constraints = [
            models.UniqueConstraint(fields=["office", "period_kind", "period_start"], name="one_report_a_period"),
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="report_period_ordered"),
        ]

    def __str__(self):
        return f"{self.office_id} {self.period.label()}"

    @property
    def period(self):
        return Period(self.period_start, self.period_end, self.period_kind)

    @property
    def is_acknowledged(self):
        return self.acknowledged_at is not None
