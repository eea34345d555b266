"""The monthly procurement summary (แบบ สขร.1), its rows, and the annual procurement plan with its progress.

A summary is entered here as data, and published as a PublicationRequest like everything else: the form
is generated from the rows as PDF and XLSX, sent through the office's chain and put on the public site by
a web master. The request decides whether the rows may still change (`ProcurementSummary.locked`).

OIC notification under OIA s.9(8) (standards.md OIC-1): a summary every month, a nil return included;
PPA B.E. 2560 s.11 and MOIT4 (PROC-1): the plan published within 30 working days of the budget
allocation, with progress against it every quarter.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from khaosan.workflow.models import State

AMOUNT = {"max_digits": 14, "decimal_places": 2}
# PPA B.E. 2560 s.11, MOIT4(1): the plan is published within this many working days of the allocation.
PLAN_WORKING_DAYS = 30
# The OIC notification's monthly summary is due by the 10th of the next month (standard.yaml `monthly`).
SUMMARY_DUE_DAY = 10
PROCUREMENT_UNIT = "procurement"  # Unit.code of งานพัสดุ (standard.yaml `responsible`)


class Method(models.TextChoices):
    """วิธีซื้อหรือจ้าง under the PPA B.E. 2560 ss.55–56 (and s.70 for design work)."""

    E_BIDDING = "e_bidding", _("ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)")
    E_MARKET = "e_market", _("ตลาดอิเล็กทรอนิกส์ (e-market)")
    PRICE_INQUIRY = "price_inquiry", _("สอบราคา")
    SELECTION = "selection", _("คัดเลือก")
    SPECIFIC = "specific", _("เฉพาะเจาะจง")
    DESIGN_CONTEST = "design_contest", _("ประกวดแบบ")


class BudgetKind(models.TextChoices):
    """MOIT4 reports the plan and its progress for both kinds of budget."""

    OPERATING = "operating", _("งบดำเนินงาน")
    INVESTMENT = "investment", _("งบลงทุน")


class Stage(models.TextChoices):
    """Where a summary (or a quarter's progress) stands, read from the request it was sent with."""

    DRAFT = "draft", _("กำลังจัดทำ")
    RETURNED = "returned", _("ส่งกลับแก้ไข")
    SENT = "sent", _("ส่งขออนุมัติแล้ว")
    APPROVED = "approved", _("อนุมัติแล้ว รอเผยแพร่")
    PUBLISHED = "published", _("เผยแพร่แล้ว")


class SentThroughRequest(models.Model):
    """Something published through the request chain: locked while its request is in the chain or published."""

    pub_request = models.ForeignKey(
        "workflow.PublicationRequest", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("คำขอเผยแพร่"),
    )  # fmt: skip

    class Meta:
        abstract = True

    @property
    def stage(self):
        state = self.pub_request.state if self.pub_request_id else None
        return {
            State.IN_REVIEW: Stage.SENT, State.APPROVED: Stage.APPROVED, State.PUBLISHED: Stage.PUBLISHED,
            State.RETURNED: Stage.RETURNED,
        }.get(state, Stage.DRAFT)  # fmt: skip

    @property
    def stage_label(self):
        return Stage(self.stage).label

    @property
    def locked(self):
        """Sent and not returned: the rows are what the deciders see, or what the public sees."""
        return self.stage in (Stage.SENT, Stage.APPROVED, Stage.PUBLISHED)

    @property
    def item(self):
        """The public item it became, or None."""
        if self.pub_request_id and self.pub_request.state == State.PUBLISHED:
            return self.pub_request.item
        return None


class ProcurementSummary(SentThroughRequest):
    """สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน (แบบ สขร.1) of one office for one month."""

    office = models.ForeignKey("org.Office", on_delete=models.PROTECT, related_name="procurement_summaries")
    month = models.DateField(_("เดือน"), help_text=_("วันที่ 1 ของเดือน"))
    nil = models.BooleanField(
        _("ไม่มีการจัดซื้อจัดจ้างในเดือนนี้"), default=False,
        help_text=_("เดือนที่ไม่มีการจัดซื้อจัดจ้างก็ต้องเผยแพร่ว่าไม่มีการจัดซื้อจัดจ้าง"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("สร้างเมื่อ"), default=timezone.now)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("สรุปผลการจัดซื้อจัดจ้าง (สขร.1)")
        verbose_name_plural = _("สรุปผลการจัดซื้อจัดจ้าง (สขร.1)")
        ordering = ["office", "-month"]
        constraints = [models.UniqueConstraint(fields=["office", "month"], name="one_procurement_summary_a_month")]

    def __str__(self):
        from khaosan.thai.dates import MONTHS_TH, be_year

        return f"สขร.1 {MONTHS_TH[self.month.month - 1]} {be_year(self.month.year)}"


class ProcurementEntry(models.Model):
    """แถวของแบบ สขร.1: one procurement of the month, with the columns of the form."""

    summary = models.ForeignKey(ProcurementSummary, on_delete=models.CASCADE, related_name="entries")
    order = models.PositiveSmallIntegerField(_("ลำดับที่"))
    work = models.CharField(_("งานที่จัดซื้อหรือจัดจ้าง"), max_length=300)
    budget_kind = models.CharField(_("ประเภทงบประมาณ"), max_length=12, choices=BudgetKind.choices)
    budget = models.DecimalField(_("วงเงินที่จะซื้อหรือจ้าง (บาท)"), **AMOUNT)
    reference_price = models.DecimalField(_("ราคากลาง (บาท)"), **AMOUNT)
    method = models.CharField(_("วิธีซื้อหรือจ้าง"), max_length=20, choices=Method.choices)
    agreed_price = models.DecimalField(_("ราคาที่ตกลงซื้อหรือจ้าง (บาท)"), **AMOUNT)
    reason = models.CharField(_("เหตุผลที่คัดเลือกโดยสรุป"), max_length=300)
    contract_number = models.CharField(_("เลขที่สัญญาหรือข้อตกลง"), max_length=100)
    contract_date = models.DateField(_("วันที่ของสัญญาหรือข้อตกลง"))
    egp_number = models.CharField(_("เลขที่โครงการ e-GP"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("แถวของแบบ สขร.1")
        verbose_name_plural = _("แถวของแบบ สขร.1")
        ordering = ["summary", "order"]

    def __str__(self):
        return f"{self.order}. {self.work}"

    @property
    def winner(self):
        """The bid that was selected (ผู้ได้รับการคัดเลือก); the form asks for exactly one."""
        return next((bid for bid in self.bids.all() if bid.selected), None)


class ProcurementBid(models.Model):
    """One name of รายชื่อผู้เสนอราคาและราคาที่เสนอ; the selected one is the vendor the office contracted."""

    entry = models.ForeignKey(ProcurementEntry, on_delete=models.CASCADE, related_name="bids")
    order = models.PositiveSmallIntegerField()
    vendor = models.CharField(_("ชื่อผู้เสนอราคา"), max_length=200)
    # Kept for the office's own records and not printed: a sole trader's tax ID is their national ID (PDPA).
    tax_id = models.CharField(_("เลขประจำตัวผู้เสียภาษี"), max_length=13, blank=True)
    price = models.DecimalField(_("ราคาที่เสนอ (บาท)"), **AMOUNT)
    selected = models.BooleanField(_("ผู้ได้รับการคัดเลือก"), default=False)

    class Meta:
        verbose_name = _("ผู้เสนอราคา")
        verbose_name_plural = _("ผู้เสนอราคา")
        ordering = ["entry", "order"]

    def __str__(self):
        return self.vendor


class ProcurementPlan(SentThroughRequest):
    """แผนการจัดซื้อจัดจ้างประจำปี: when the budget came, and when the plan was published (MOIT4(1))."""

    office = models.ForeignKey("org.Office", on_delete=models.PROTECT, related_name="procurement_plans")
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    allocation_date = models.DateField(_("วันที่ได้รับจัดสรรงบประมาณ"))
    # Stored when the plan's item is published (signals.py), or from a plan item published another way.
    published_on = models.DateField(_("วันที่ประกาศเผยแพร่แผน"), null=True, blank=True)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), default=timezone.now)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), default=timezone.now)

    class Meta:
        verbose_name = _("แผนการจัดซื้อจัดจ้าง")
        verbose_name_plural = _("แผนการจัดซื้อจัดจ้าง")
        ordering = ["office", "-fiscal_year"]
        constraints = [models.UniqueConstraint(fields=["office", "fiscal_year"], name="one_procurement_plan_a_year")]

    def __str__(self):
        return f"แผนการจัดซื้อจัดจ้าง ปีงบประมาณ {self.fiscal_year}"

    @property
    def deadline(self):
        """The last day to publish: 30 working days after the allocation, the office's closures counted."""
        from khaosan.thai.calendar import add_working_days

        return add_working_days(self.allocation_date, PLAN_WORKING_DAYS, office=self.office)


class ProcurementQuarter(SentThroughRequest):
    """Progress against the plan in one quarter (MOIT4(2)): planned and actual, for both kinds of budget."""

    plan = models.ForeignKey(ProcurementPlan, on_delete=models.CASCADE, related_name="quarters")
    quarter = models.PositiveSmallIntegerField(_("ไตรมาส"), choices=[(q, q) for q in (1, 2, 3, 4)])
    operating_planned_count = models.PositiveIntegerField(_("งบดำเนินงาน: ตามแผน (รายการ)"), default=0)
    operating_planned_amount = models.DecimalField(_("งบดำเนินงาน: ตามแผน (บาท)"), default=0, **AMOUNT)
    operating_actual_count = models.PositiveIntegerField(_("งบดำเนินงาน: ดำเนินการแล้ว (รายการ)"), default=0)
    operating_actual_amount = models.DecimalField(_("งบดำเนินงาน: ดำเนินการแล้ว (บาท)"), default=0, **AMOUNT)
    investment_planned_count = models.PositiveIntegerField(_("งบลงทุน: ตามแผน (รายการ)"), default=0)
    investment_planned_amount = models.DecimalField(_("งบลงทุน: ตามแผน (บาท)"), default=0, **AMOUNT)
    investment_actual_count = models.PositiveIntegerField(_("งบลงทุน: ดำเนินการแล้ว (รายการ)"), default=0)
    investment_actual_amount = models.DecimalField(_("งบลงทุน: ดำเนินการแล้ว (บาท)"), default=0, **AMOUNT)
    note = models.TextField(_("ปัญหา อุปสรรค และข้อเสนอแนะ"), blank=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), default=timezone.now)

    class Meta:
        verbose_name = _("ผลการจัดซื้อจัดจ้างตามแผนรายไตรมาส")
        verbose_name_plural = _("ผลการจัดซื้อจัดจ้างตามแผนรายไตรมาส")
        ordering = ["plan", "quarter"]
        constraints = [models.UniqueConstraint(fields=["plan", "quarter"], name="one_progress_a_quarter")]

    def __str__(self):
        return f"ไตรมาส {self.quarter}/{self.plan.fiscal_year}"

    @property
    def office(self):
        return self.plan.office
