"""The disclosure catalog: the standard (categories, topics, checklists) and what is published under it."""

from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from khaosan.thai.dates import fiscal_quarter, fiscal_year, thai_datetime


class Bilingual(models.Model):
    """Thai and English names; `name` and `description` follow the active language."""

    name_th = models.CharField(_("ชื่อ (ไทย)"), max_length=300)
    name_en = models.CharField(_("ชื่อ (อังกฤษ)"), max_length=300, blank=True)
    description_th = models.TextField(_("คำอธิบาย (ไทย)"), blank=True)
    description_en = models.TextField(_("คำอธิบาย (อังกฤษ)"), blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name_th

    def _pick(self, field):
        english = (get_language() or "th").startswith("en")
        return (getattr(self, f"{field}_en") if english else "") or getattr(self, f"{field}_th")

    @property
    def name(self):
        return self._pick("name")

    @property
    def description(self):
        return self._pick("description")


class StandardRelease(models.Model):
    """One sync of the standard data file into the database (which version, when, what changed)."""

    version = models.CharField(_("รุ่น"), max_length=40)
    checksum = models.CharField(_("ค่าตรวจสอบของไฟล์ (SHA-256)"), max_length=64)
    synced_at = models.DateTimeField(_("นำเข้าเมื่อ"), default=timezone.now)
    summary = models.JSONField(_("สรุปการเปลี่ยนแปลง"), default=dict)
    # The file's office-wide rules: when an item counts as expiring, how the completeness score is made.
    policy = models.JSONField(_("เกณฑ์ของสำนักงาน"), default=dict, blank=True)

    class Meta:
        verbose_name = _("การนำเข้ามาตรฐาน")
        verbose_name_plural = _("การนำเข้ามาตรฐาน")
        ordering = ["-synced_at"]
        get_latest_by = "synced_at"

    def __str__(self):
        return f"{self.version} ({thai_datetime(self.synced_at, short=True)})"  # the office's time, Buddhist era


class ChecklistItem(Bilingual):
    """One code of an outside checklist in one fiscal year: GWS section, OIA section, MOIT item."""

    class Scheme(models.TextChoices):
        GWS = "gws", _("มาตรฐานเว็บไซต์ภาครัฐ")
        OIA = "oia", _("พ.ร.บ.ข้อมูลข่าวสารของราชการ")
        MOIT = "moit", _("MOIT (ITA กระทรวงสาธารณสุข)")

    scheme = models.CharField(_("เกณฑ์"), max_length=10, choices=Scheme.choices)
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ"))
    code = models.CharField(_("รหัส"), max_length=30)
    edition = models.CharField(_("ฉบับ"), max_length=20, blank=True)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    retired_at = models.DateTimeField(_("เลิกใช้เมื่อ"), null=True, blank=True)
    # MOIT (standards.md MOIT-0.1, MOIT-0.3): the indicator an item belongs to, its sub-items, and the
    # quarters its evidence is due in. Read from the data file like everything else here.
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="parts", verbose_name=_("ข้อหลัก")
    )
    number = models.CharField(_("ข้อย่อย"), max_length=20, blank=True)  # "1.1" of MOIT2-1.1
    indicator = models.PositiveSmallIntegerField(_("ตัวชี้วัดที่"), null=True, blank=True)
    indicator_name_th = models.CharField(_("ชื่อตัวชี้วัด (ไทย)"), max_length=300, blank=True)
    indicator_name_en = models.CharField(_("ชื่อตัวชี้วัด (อังกฤษ)"), max_length=300, blank=True)
    # One entry per piece of evidence, each the quarters any one of which will do: [[1, 2, 3, 4]] is once a year.
    due_quarters = models.JSONField(_("ไตรมาสที่ต้องมีหลักฐาน"), default=list, blank=True)
    due_count = models.PositiveSmallIntegerField(_("จำนวนลิงก์ต่อไตรมาส"), default=1)
    due_note_th = models.CharField(_("กำหนดส่ง (ไทย)"), max_length=300, blank=True)
    due_note_en = models.CharField(_("กำหนดส่ง (อังกฤษ)"), max_length=300, blank=True)
    covers_previous_year = models.BooleanField(_("หลักฐานเป็นรายงานของปีงบประมาณที่ผ่านมา"), default=False)

    class Meta:
        verbose_name = _("ข้อกำหนดตามเกณฑ์")
        verbose_name_plural = _("ข้อกำหนดตามเกณฑ์")
        constraints = [
            models.UniqueConstraint(fields=["scheme", "fiscal_year", "code"], name="checklist_code_once_a_year")
        ]
        ordering = ["scheme", "-fiscal_year", "order"]

    def __str__(self):
        return f"{self.get_scheme_display()} {self.fiscal_year} {self.code}"

    @property
    def indicator_name(self):
        return self._pick("indicator_name")

    @property
    def due_note(self):
        return self._pick("due_note")


class Category(Bilingual):
    """ลักษณะ/ประเภทของข้อมูล: one of S-1.1 … S-1.10."""

    code = models.SlugField(_("รหัส"), unique=True)
    requirement = models.CharField(_("ข้อกำหนด"), max_length=20, help_text="S-1.x")
    number = models.CharField(_("ลำดับ"), max_length=10)
    matrix = models.JSONField(_("ผู้รับผิดชอบ"), default=dict, blank=True)
    menu_name_th = models.CharField(_("ชื่อในเมนู (ไทย)"), max_length=60, blank=True)
    menu_name_en = models.CharField(_("ชื่อในเมนู (อังกฤษ)"), max_length=60, blank=True)
    menu_order = models.PositiveSmallIntegerField(_("ลำดับในเมนู"), default=0)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    retired_at = models.DateTimeField(_("เลิกใช้เมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("หมวดหมู่")
        verbose_name_plural = _("หมวดหมู่")
        ordering = ["order"]

    def get_absolute_url(self):
        return reverse("public:category", args=[self.code])

    @property
    def in_menu(self):
        """Categories with a menu name appear in the top menu (THAI-SITES: the menu officers expect)."""
        return bool(self.menu_name_th)

    @property
    def menu_name(self):
        return self._pick("menu_name") or self.name


class Topic(Bilingual):
    """รายการที่ต้องเผยแพร่: a slot the standard asks the office to fill."""

    class Kind(models.TextChoices):
        PAGE = "page", _("หน้าข้อมูล")
        DOCUMENT = "document", _("เอกสาร")
        NEWS = "news", _("ข่าว")
        PHOTO = "photo", _("ภาพข่าวกิจกรรม")
        ANNOUNCEMENT = "announcement", _("ประกาศ")
        PROCUREMENT = "procurement", _("จัดซื้อจัดจ้าง")
        LINK = "link", _("เว็บลิงก์")
        FORM = "form", _("แบบฟอร์ม")
        ESERVICE = "eservice", _("e-Service")

    class Refresh(models.TextChoices):
        NONE = "none", _("ไม่กำหนด")
        FISCAL_YEAR = "fiscal_year", _("ทุกปีงบประมาณ")
        HALF_YEAR = "half_year", _("ทุกรอบ 6 เดือน")
        QUARTERLY = "quarterly", _("ทุกไตรมาส")
        MONTHLY = "monthly", _("ทุกเดือน")
        RECENT = "recent", _("มีรายการใหม่อย่างสม่ำเสมอ")

    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="topics", verbose_name=_("หมวดหมู่"))
    code = models.SlugField(_("รหัส"), max_length=80, unique=True)
    kind = models.CharField(_("ลักษณะ"), max_length=20, choices=Kind.choices, default=Kind.DOCUMENT)
    required = models.BooleanField(_("ต้องมีตามมาตรฐาน"), default=False)
    refresh = models.CharField(_("รอบการปรับปรุง"), max_length=20, choices=Refresh.choices, default=Refresh.NONE)
    # The refresh rule as the data file spells it out for this topic (compliance/states.py reads it).
    currency = models.JSONField(_("เกณฑ์ความเป็นปัจจุบัน"), default=dict, blank=True)
    expire_days = models.PositiveIntegerField(_("อายุการเผยแพร่เริ่มต้น (วัน)"), null=True, blank=True)
    responsible = models.JSONField(_("หน่วยงานที่รับผิดชอบ"), default=list, blank=True)
    includes = models.ManyToManyField(
        "self", symmetrical=False, related_name="included_in", blank=True, verbose_name=_("รวมรายการจากหัวข้อ")
    )
    checklist_items = models.ManyToManyField(
        ChecklistItem, related_name="topics", blank=True, verbose_name=_("ข้อกำหนดตามเกณฑ์")
    )
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    retired_at = models.DateTimeField(_("เลิกใช้เมื่อ"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("รวมเข้ากับหัวข้อ")
    )

    class Meta:
        verbose_name = _("หัวข้อ")
        verbose_name_plural = _("หัวข้อ")
        ordering = ["category__order", "order"]

    def get_absolute_url(self):
        return reverse("public:topic", args=[self.category.code, self.code])


class ItemQuerySet(models.QuerySet):
    def visible_at(self, at):
        """Published and inside the publication window at `at` (DESIGN principle 5)."""
        return self.filter(status=Item.Status.PUBLISHED, publish_at__lte=at).filter(
            Q(expire_at__isnull=True) | Q(expire_at__gt=at)
        )


class Item(models.Model):
    """ข้อมูลข่าวสารที่เผยแพร่: one published thing, with its provenance (S-G.2)."""

    class Status(models.TextChoices):
        # Scheduled and expired are not stored: they follow from publish_at / expire_at at query time.
        DRAFT = "draft", _("ร่าง")
        PUBLISHED = "published", _("เผยแพร่แล้ว")
        WITHDRAWN = "withdrawn", _("ถอนแล้ว")

    office = models.ForeignKey("org.Office", on_delete=models.PROTECT, related_name="items", verbose_name=_("สำนักงาน"))
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="items", verbose_name=_("หัวข้อ"))
    title = models.CharField(_("ชื่อเรื่อง"), max_length=300)
    summary = models.TextField(_("สรุป"), blank=True)
    body = models.TextField(_("เนื้อหา"), blank=True, help_text=_("HTML ที่ผ่านการกรองแล้ว"))
    external_url = models.URLField(_("ลิงก์ภายนอก"), max_length=500, blank=True)
    owner_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="items",
        verbose_name=_("เจ้าของข้อมูล"),
    )  # fmt: skip
    source = models.CharField(_("แหล่งที่มา/อ้างอิง"), max_length=500, blank=True)
    data_from = models.DateField(_("ข้อมูลตั้งแต่วันที่"), null=True, blank=True)
    data_to = models.DateField(_("ข้อมูลถึงวันที่"), null=True, blank=True)
    publish_at = models.DateTimeField(_("วันที่เผยแพร่"), null=True, blank=True, db_index=True)
    expire_at = models.DateTimeField(_("วันที่นำออก"), null=True, blank=True, db_index=True)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ"), null=True, blank=True, db_index=True)
    quarter = models.PositiveSmallIntegerField(_("ไตรมาส"), null=True, blank=True)
    cover = models.ForeignKey(
        "Attachment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("ภาพปก")
    )
    view_count = models.PositiveIntegerField(_("จำนวนผู้เข้าชม"), default=0)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("ผู้เผยแพร่"),
    )  # fmt: skip
    withdrawn_at = models.DateTimeField(_("วันที่ถอน"), null=True, blank=True)
    withdrawn_reason = models.CharField(_("เหตุผลที่ถอน"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ปรับปรุงล่าสุด"), auto_now=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("รายการเผยแพร่")
        verbose_name_plural = _("รายการเผยแพร่")
        ordering = ["-publish_at", "-pk"]
        indexes = [
            models.Index(fields=["office", "status", "publish_at"], name="item_public_window"),
            models.Index(fields=["topic", "status", "publish_at"], name="item_topic_window"),
            models.Index(fields=["office", "updated_at"], name="item_office_updated"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(expire_at__isnull=True)
                | Q(publish_at__isnull=True)
                | Q(expire_at__gt=models.F("publish_at")),
                name="item_expires_after_publish",
            ),
            models.CheckConstraint(
                condition=Q(data_from__isnull=True) | Q(data_to__isnull=True) | Q(data_to__gte=models.F("data_from")),
                name="item_data_range_ordered",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.fill_period()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("public:item", args=[self.pk])

    def fill_period(self):
        """Give the item its fiscal year and quarter (BO-2) from the data period, else the publish date."""
        anchor = self.data_to or self.data_from or self.publish_at
        if anchor and self.fiscal_year is None:
            self.fiscal_year = fiscal_year(anchor)
        if anchor and self.quarter is None:
            self.quarter = fiscal_quarter(anchor)

    def is_visible_at(self, at):
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= at
            and (self.expire_at is None or self.expire_at > at)
        )

    @property
    def state(self):
        """The state a person sees: draft, scheduled, published, expired or withdrawn."""
        now = timezone.now()
        if self.status != self.Status.PUBLISHED:
            return self.status
        if self.publish_at and self.publish_at > now:
            return "scheduled"
        if self.expire_at and self.expire_at <= now:
            return "expired"
        return "published"

    @property
    def was_public(self):
        """True when the item was public once and is no longer: its URL answers 410 Gone."""
        now = timezone.now()
        if self.status == self.Status.WITHDRAWN:
            return self.publish_at is not None and self.publish_at <= (self.withdrawn_at or now)
        return self.status == self.Status.PUBLISHED and self.expire_at is not None and self.expire_at <= now


def blob_path(sha256):
    return Path("blobs") / sha256[:2] / sha256[2:4] / sha256


class Blob(models.Model):
    """File content stored once, named by its SHA-256 (DESIGN principle 1)."""

    sha256 = models.CharField(max_length=64, primary_key=True)
    size = models.BigIntegerField(_("ขนาด (ไบต์)"))
    kind = models.CharField(_("ชนิดไฟล์"), max_length=10)  # one of files.ALLOWED_TYPES
    mime_type = models.CharField(max_length=120)
    page_count = models.PositiveIntegerField(_("จำนวนหน้า"), null=True, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("เนื้อไฟล์")
        verbose_name_plural = _("เนื้อไฟล์")

    def __str__(self):
        return self.sha256

    @property
    def relative_path(self):
        return blob_path(self.sha256)

    @property
    def path(self):
        """The file on disk, for the disk store only: read through catalog/storage (read_blob, local_copy)."""
        return settings.KHAOSAN["FILES_ROOT"] / self.relative_path

    @property
    def is_image(self):
        return self.kind in {"jpg", "png"}


class BlobText(models.Model):
    """The words inside a file, read once per content (by SHA-256), for search (khaosan.catalog.filetext).

    PDF text layers, DOCX paragraphs and tables, XLSX cells. A file that cannot be read is recorded with the
    reason, never retried on every upload of the same content; scans get their words from compliance's OCR.
    """

    class Status(models.TextChoices):
        READ = "read", _("อ่านข้อความแล้ว")
        EMPTY = "empty", _("ไม่มีข้อความให้อ่าน")
        UNREADABLE = "unreadable", _("อ่านไฟล์ไม่ได้")

    blob = models.OneToOneField(Blob, on_delete=models.CASCADE, primary_key=True, related_name="search_text")
    status = models.CharField(_("ผลการอ่าน"), max_length=12, choices=Status.choices)
    text = models.TextField(_("ข้อความในไฟล์"), blank=True)
    truncated = models.BooleanField(_("ตัดให้สั้นลง"), default=False)
    detail = models.CharField(_("รายละเอียด"), max_length=300, blank=True)
    read_at = models.DateTimeField(_("อ่านเมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("ข้อความในไฟล์")
        verbose_name_plural = _("ข้อความในไฟล์")

    def __str__(self):
        return f"{self.blob_id} {self.status}"


class Attachment(models.Model):
    """ไฟล์แนบ: a file of an item, with the name it was uploaded under."""

    office = models.ForeignKey("org.Office", on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="attachments", null=True, blank=True)
    blob = models.ForeignKey(Blob, on_delete=models.PROTECT, related_name="attachments")
    original_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    extension = models.CharField(_("นามสกุล"), max_length=10)
    title = models.CharField(_("คำอธิบายไฟล์"), max_length=300, blank=True)
    alt_text = models.CharField(_("คำบรรยายภาพ"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    download_count = models.PositiveIntegerField(_("จำนวนดาวน์โหลด"), default=0)
    created_at = models.DateTimeField(_("อัปโหลดเมื่อ"), auto_now_add=True)

    class Meta:
        verbose_name = _("ไฟล์แนบ")
        verbose_name_plural = _("ไฟล์แนบ")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("file", args=[self.pk, self.original_name])

    @property
    def label(self):
        return self.title or Path(self.original_name).stem

    @property
    def size(self):
        return self.blob.size

    @property
    def is_image(self):
        return self.blob.is_image

    @property
    def opens_inline(self):
        """PDFs and images open in the browser; office documents and archives download."""
        return self.extension in {"pdf", "jpg", "png"}

    def rendition_url(self, width):
        return reverse("rendition", args=[self.pk, width])

    @property
    def thumb_url(self):
        return self.rendition_url(480)

    @property
    def medium_url(self):
        return self.rendition_url(960)


class ItemVersion(models.Model):
    """One saved state of an item: every publish, replacement and withdrawal keeps the one before (BO-7)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("ฉบับที่"))
    snapshot = models.JSONField(_("ข้อมูล"))
    note = models.CharField(_("เหตุ"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ฉบับของรายการ")
        verbose_name_plural = _("ฉบับของรายการ")
        ordering = ["item", "number"]
        constraints = [models.UniqueConstraint(fields=["item", "number"], name="item_version_number_unique")]

    def __str__(self):
        return f"{self.item_id} v{self.number}"
