"""Staff performance evaluation (การประเมินผลการปฏิบัติราชการ, S-1.9; standards.md §6).

An office opens two rounds (AppraisalRound) a fiscal year. Each person evaluated has one Appraisal per
round: the agreement (indicators with weights and five-level criteria, competencies with expected levels),
then the self-assessment, the evaluator's levels, the next-level supervisor's review, and the
acknowledgement. The result keeps the configuration it was computed with, so an old round reads the
same after the office changes its bands or weights.

Who evaluates whom lives here, not in `org`: a unit's head (UnitHead) is by default the evaluator of
the unit's staff; an administrator may name another evaluator or supervisor per person
(EvaluationProfile), who also carries the person's staff type and whether they are evaluation HR.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from khaosan.eservice import scoring


class StaffType(models.TextChoices):
    """Staff types with their own evaluation rules (standards.md §6); weights are set per type."""

    CIVIL_SERVANT = "civil_servant", _("ข้าราชการ")
    GOVERNMENT_EMPLOYEE = "government_employee", _("พนักงานราชการ")
    PERMANENT_EMPLOYEE = "permanent_employee", _("ลูกจ้างประจำ")
    MOPH_EMPLOYEE = "moph_employee", _("พนักงานกระทรวงสาธารณสุข")


def default_weights():
    return {code: scoring.DEFAULT_RESULTS_WEIGHT for code in StaffType.values}


def default_bands():
    return [dict(row) for row in scoring.DEFAULT_BANDS]


class EvaluationSettings(models.Model):
    """The office's configuration for rounds it opens from now on; each round keeps a copy (`config`)."""

    office = models.OneToOneField("org.Office", on_delete=models.CASCADE, primary_key=True, related_name="+")
    bands = models.JSONField(_("ระดับผลการประเมิน"), default=default_bands)
    results_weights = models.JSONField(_("น้ำหนักผลสัมฤทธิ์ของงานตามประเภทบุคลากร"), default=default_weights)
    reminder_days = models.PositiveSmallIntegerField(
        _("เตือนล่วงหน้า (วัน)"), default=3, help_text=_("ระบบเตือนผู้ที่ยังไม่ดำเนินการก่อนถึงกำหนดแต่ละขั้นกี่วัน")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("การตั้งค่าการประเมิน")
        verbose_name_plural = _("การตั้งค่าการประเมิน")

    def __str__(self):
        return str(self.office)

    def results_weight(self, staff_type):
        return int((self.results_weights or {}).get(staff_type, scoring.DEFAULT_RESULTS_WEIGHT))

    def snapshot(self):
        """The configuration a round is opened with, kept on the round and on every result."""
        return {
            "bands": [dict(row) for row in self.bands],
            "results_weights": {code: self.results_weight(code) for code in StaffType.values},
            "rounding": "total half up to 0.01; band by the rounded total",
            "competency_points": "3 at or above expected, 2/1/0 for 1/2/3+ levels below",
        }


class UnitHead(models.Model):
    """หัวหน้าหน่วยงาน as an account: by default the evaluator of the unit's staff (Unit has only a name)."""

    unit = models.OneToOneField("org.Unit", on_delete=models.CASCADE, primary_key=True, related_name="+")
    head = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("หัวหน้าหน่วยงาน"))  # fmt: skip

    class Meta:
        verbose_name = _("หัวหน้าหน่วยงาน (ผู้ประเมิน)")
        verbose_name_plural = _("หัวหน้าหน่วยงาน (ผู้ประเมิน)")

    def __str__(self):
        return f"{self.unit}: {self.head}"


class EvaluationProfile(models.Model):
    """One person's place in evaluation: staff type, HR, and the evaluation line where it differs from the default.

    The line is staff → evaluator (ผู้ประเมิน) → supervisor (ผู้บังคับบัญชาเหนือขึ้นไป). Left blank, the evaluator
    is the head of the person's unit and the supervisor is the evaluator's own evaluator.
    """

    staff = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True,
                                 related_name="evaluation_profile")  # fmt: skip
    staff_type = models.CharField(_("ประเภทบุคลากร"), max_length=30, choices=StaffType.choices,
                                  default=StaffType.CIVIL_SERVANT)  # fmt: skip
    is_hr = models.BooleanField(
        _("ผู้ดูแลงานบุคคล (HR) ของการประเมิน"), default=False,
        help_text=_("เห็นผลการประเมินของทุกคนในสำนักงาน เช่นเดียวกับผู้ดูแลระบบ"),
    )  # fmt: skip
    excluded = models.BooleanField(
        _("ไม่ประเมินในระบบนี้"), default=False,
        help_text=_("เช่น ผู้บริหารสูงสุดที่ประเมินโดยสำนักงานสาธารณสุขจังหวัด"),
    )  # fmt: skip
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("ผู้ประเมิน (ถ้าไม่ใช่หัวหน้าหน่วยงาน)"),
    )  # fmt: skip
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("ผู้บังคับบัญชาเหนือขึ้นไป (ถ้าไม่ใช่ผู้ประเมินของผู้ประเมิน)"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("ข้อมูลการประเมินของบุคลากร")
        verbose_name_plural = _("ข้อมูลการประเมินของบุคลากร")

    def __str__(self):
        return str(self.staff)


class AppraisalRound(models.Model):
    """รอบการประเมิน: half a fiscal year (PERF-1), opened and closed by an administrator."""

    class State(models.TextChoices):
        OPEN = "open", _("เปิดอยู่")
        CLOSED = "closed", _("ปิดรอบแล้ว")

    office = models.ForeignKey("org.Office", on_delete=models.PROTECT, related_name="+")
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    number = models.PositiveSmallIntegerField(_("รอบที่"), choices=[(1, _("รอบที่ 1 (1 ต.ค. – 31 มี.ค.)")),
                                                                     (2, _("รอบที่ 2 (1 เม.ย. – 30 ก.ย.)"))])  # fmt: skip
    starts_on = models.DateField(_("เริ่มรอบ"))
    ends_on = models.DateField(_("สิ้นสุดรอบ"))
    agreement_due = models.DateField(_("กำหนดจัดทำข้อตกลง"))
    self_assessment_due = models.DateField(_("กำหนดประเมินตนเอง"))
    assessment_due = models.DateField(_("กำหนดผู้ประเมินให้คะแนน"))
    acknowledgement_due = models.DateField(_("กำหนดรับทราบผล"))
    state = models.CharField(_("สถานะ"), max_length=10, choices=State.choices, default=State.OPEN)
    config = models.JSONField(_("การตั้งค่าที่ใช้ในรอบนี้"), default=dict)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(_("เปิดรอบเมื่อ"))
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+")  # fmt: skip
    closed_at = models.DateTimeField(_("ปิดรอบเมื่อ"), null=True, blank=True)
    # MOIT7: the request that asks to publish the names rated in the two highest bands.
    announcement_request = models.ForeignKey(
        "workflow.PublicationRequest", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("คำขอเผยแพร่รายชื่อผู้มีผลการประเมินดีเด่นและดีมาก"),
    )  # fmt: skip

    DUE_FIELDS = ("agreement_due", "self_assessment_due", "assessment_due", "acknowledgement_due")

    class Meta:
        verbose_name = _("รอบการประเมิน")
        verbose_name_plural = _("รอบการประเมิน")
        ordering = ["-fiscal_year", "-number"]
        constraints = [models.UniqueConstraint(fields=["office", "fiscal_year", "number"], name="appraisal_round_once")]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("backoffice:eservice:round", args=[self.pk])

    @property
    def label(self):
        return _("รอบที่ %(number)s ปีงบประมาณ %(year)s") % {"number": self.number, "year": self.fiscal_year}

    @property
    def is_open(self):
        return self.state == self.State.OPEN


class Appraisal(models.Model):
    """การประเมินของหนึ่งคนในหนึ่งรอบ: agreement, assessment, review, acknowledgement, and the result."""

    class State(models.TextChoices):
        DRAFT = "draft", _("จัดทำข้อตกลง")
        AGREEMENT_SUBMITTED = "agreement_submitted", _("รอผู้ประเมินเห็นชอบข้อตกลง")
        AGREED = "agreed", _("ตกลงแล้ว รอประเมินตนเอง")
        SELF_ASSESSED = "self_assessed", _("รอผู้ประเมินให้คะแนน")
        ASSESSED = "assessed", _("รอผู้บังคับบัญชาเหนือขึ้นไปพิจารณา")
        REVIEWED = "reviewed", _("รอผู้รับการประเมินรับทราบผล")
        ACKNOWLEDGED = "acknowledged", _("เสร็จสิ้น")

    class Review(models.TextChoices):
        AGREE = "agree", _("เห็นด้วยกับผลการประเมิน")
        ADJUST = "adjust", _("มีความเห็นต่าง และปรับคะแนน")

    round = models.ForeignKey(AppraisalRound, on_delete=models.PROTECT, related_name="appraisals")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appraisals",
                              verbose_name=_("ผู้รับการประเมิน"))  # fmt: skip
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("ผู้ประเมิน"))  # fmt: skip
    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("ผู้บังคับบัญชาเหนือขึ้นไป"))  # fmt: skip
    staff_type = models.CharField(_("ประเภทบุคลากร"), max_length=30, choices=StaffType.choices)
    results_weight = models.PositiveSmallIntegerField(_("น้ำหนักผลสัมฤทธิ์ของงาน"))
    behaviour_weight = models.PositiveSmallIntegerField(_("น้ำหนักพฤติกรรม/สมรรถนะ"))
    state = models.CharField(_("สถานะ"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True)

    return_note = models.TextField(_("เหตุผลที่ส่งข้อตกลงกลับ"), blank=True)
    self_comment = models.TextField(_("ความเห็นของผู้รับการประเมิน"), blank=True)
    evaluator_comment = models.TextField(_("ความเห็นของผู้ประเมิน"), blank=True)
    review_verdict = models.CharField(_("ความเห็นของผู้บังคับบัญชาเหนือขึ้นไป"), max_length=10, choices=Review.choices,
                                      blank=True)  # fmt: skip
    review_reason = models.TextField(_("เหตุผลที่ปรับคะแนน"), blank=True)

    # Refusing to sign (PERF-5 part 4): the evaluator records when the result was told, and a witness signs.
    refused = models.BooleanField(_("ผู้รับการประเมินไม่ลงนามรับทราบ"), default=False)
    refusal_communicated_on = models.DateField(_("วันที่แจ้งผลการประเมิน"), null=True, blank=True)
    refusal_note = models.TextField(_("บันทึกของผู้ประเมิน"), blank=True)
    witness = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("พยาน"))  # fmt: skip

    # Who signed what, with their name and position as the records said at that moment.
    signatures = models.JSONField(default=dict, blank=True)

    # The result and the configuration it was computed with (old rounds stay as they were).
    result_results = models.DecimalField(_("คะแนนผลสัมฤทธิ์ของงาน"), max_digits=5, decimal_places=2, null=True,
                                         blank=True)  # fmt: skip
    result_behaviour = models.DecimalField(_("คะแนนพฤติกรรม/สมรรถนะ"), max_digits=5, decimal_places=2, null=True,
                                           blank=True)  # fmt: skip
    result_total = models.DecimalField(_("คะแนนรวม"), max_digits=5, decimal_places=2, null=True, blank=True)
    result_band = models.CharField(_("ระดับผลการประเมิน"), max_length=60, blank=True)
    result_band_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    result_config = models.JSONField(default=dict, blank=True)
    result_at = models.DateTimeField(null=True, blank=True)

    agreement_submitted_at = models.DateTimeField(null=True, blank=True)
    agreed_at = models.DateTimeField(null=True, blank=True)
    self_assessed_at = models.DateTimeField(null=True, blank=True)
    assessed_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("การประเมินผลการปฏิบัติราชการ")
        verbose_name_plural = _("การประเมินผลการปฏิบัติราชการ")
        ordering = ["round", "staff__first_name", "staff__last_name"]
        constraints = [models.UniqueConstraint(fields=["round", "staff"], name="appraisal_once_a_round")]

    def __str__(self):
        return f"{self.staff} · {self.round.label}"

    def get_absolute_url(self):
        return reverse("backoffice:eservice:appraisal", args=[self.pk])

    @property
    def office(self):
        """The office of the round, for the audit trail (`audit.services.record`)."""
        return self.round.office

    @property
    def finished(self):
        return self.state == self.State.ACKNOWLEDGED

    @property
    def has_result(self):
        return self.result_total is not None


class Indicator(models.Model):
    """ตัวชี้วัดผลสัมฤทธิ์ของงาน: a work result with its weight and the criteria of its five levels."""

    appraisal = models.ForeignKey(Appraisal, on_delete=models.CASCADE, related_name="indicators")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("ตัวชี้วัด / ผลงานที่คาดหวัง"), max_length=300)
    weight = models.PositiveSmallIntegerField(_("น้ำหนัก (ร้อยละ)"))
    criteria = models.JSONField(_("เกณฑ์การให้คะแนน 5 ระดับ"), default=list)
    self_level = models.PositiveSmallIntegerField(_("ระดับที่ประเมินตนเอง"), null=True, blank=True)
    evaluator_level = models.PositiveSmallIntegerField(_("ระดับที่ผู้ประเมินให้"), null=True, blank=True)
    supervisor_level = models.PositiveSmallIntegerField(_("ระดับหลังผู้บังคับบัญชาเหนือขึ้นไปปรับ"), null=True,
                                                        blank=True)  # fmt: skip
    self_note = models.TextField(_("ผลงานที่ทำได้ / หลักฐาน"), blank=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    @property
    def level(self):
        """The level that counts: the supervisor's where they adjusted it, else the evaluator's."""
        return self.supervisor_level if self.supervisor_level is not None else self.evaluator_level


class Competency(models.Model):
    """สมรรถนะ (core or functional) with the level expected of the person."""

    class Kind(models.TextChoices):
        CORE = "core", _("สมรรถนะหลัก")
        FUNCTIONAL = "functional", _("สมรรถนะเฉพาะตามลักษณะงาน")

    appraisal = models.ForeignKey(Appraisal, on_delete=models.CASCADE, related_name="competencies")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("ประเภท"), max_length=12, choices=Kind.choices, default=Kind.CORE)
    name = models.CharField(_("สมรรถนะ"), max_length=200)
    expected_level = models.PositiveSmallIntegerField(_("ระดับที่คาดหวัง"))
    self_level = models.PositiveSmallIntegerField(_("ระดับที่ประเมินตนเอง"), null=True, blank=True)
    evaluator_level = models.PositiveSmallIntegerField(_("ระดับที่ผู้ประเมินให้"), null=True, blank=True)
    supervisor_level = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name

    @property
    def level(self):
        return self.supervisor_level if self.supervisor_level is not None else self.evaluator_level


class Evidence(models.Model):
    """A file the staff member attaches to their self-assessment (checked like every upload, S-2.10)."""

    appraisal = models.ForeignKey(Appraisal, on_delete=models.CASCADE, related_name="evidence")
    blob = models.ForeignKey("catalog.Blob", on_delete=models.PROTECT, related_name="+")
    original_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    extension = models.CharField(max_length=10)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name

    @property
    def size(self):
        return self.blob.size


class DevelopmentPlanItem(models.Model):
    """แผนพัฒนาการปฏิบัติราชการรายบุคคล (PERF-5 part 3): what to develop next round, how, and when."""

    appraisal = models.ForeignKey(Appraisal, on_delete=models.CASCADE, related_name="plan")
    order = models.PositiveSmallIntegerField(default=0)
    topic = models.CharField(_("ความรู้/ทักษะ/สมรรถนะที่ต้องพัฒนา"), max_length=300)
    method = models.CharField(_("วิธีการพัฒนา"), max_length=300, blank=True)
    timeframe = models.CharField(_("ช่วงเวลาที่ต้องการพัฒนา"), max_length=200, blank=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.topic
