"""Offices, their units and staff (DESIGN: Office, Unit, Staff)."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# The seed's chain: the head of the website group, then the top executive (role codes of org/roles.py).
DEFAULT_CHAIN = ["reviewer", "approver"]


def _english():
    return (get_language() or "th").startswith("en")


class Office(models.Model):
    """สำนักงาน: one public website. A deployment may host several (a province hosting its districts)."""

    slug = models.SlugField(_("รหัส"), unique=True)
    name_th = models.CharField(_("ชื่อหน่วยงาน (ไทย)"), max_length=200)
    name_en = models.CharField(_("ชื่อหน่วยงาน (อังกฤษ)"), max_length=200, blank=True)
    short_name = models.CharField(_("ชื่อย่อ"), max_length=50, blank=True)
    parent_name = models.CharField(_("สังกัด"), max_length=200, blank=True)
    hostname = models.CharField(
        _("ชื่อโดเมน"), max_length=200, blank=True, help_text=_("เช่น ssobanluang.go.th; เว้นว่างได้ถ้ามีสำนักงานเดียว")
    )
    address = models.TextField(_("ที่อยู่"), help_text=_("เลขที่ หมู่ ตำบล อำเภอ จังหวัด รหัสไปรษณีย์"))
    address_en = models.TextField(_("ที่อยู่ (อังกฤษ)"), blank=True)
    phone = models.CharField(_("โทรศัพท์"), max_length=100, blank=True)
    fax = models.CharField(_("โทรสาร"), max_length=100, blank=True)
    email = models.EmailField(_("อีเมล"), blank=True)
    office_hours = models.CharField(_("เวลาทำการ"), max_length=200, blank=True)
    latitude = models.DecimalField(_("ละติจูด"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("ลองจิจูด"), max_digits=9, decimal_places=6, null=True, blank=True)
    map_image = models.ImageField(_("แผนที่ตั้ง (ภาพ)"), upload_to="office/", blank=True)
    emblem = models.ImageField(_("ตราสัญลักษณ์"), upload_to="office/", blank=True)
    line_url = models.URLField(_("LINE Official Account"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    executive_name = models.CharField(_("ชื่อผู้บริหารสูงสุด"), max_length=200, blank=True)
    executive_position = models.CharField(_("ตำแหน่งผู้บริหารสูงสุด"), max_length=200, blank=True)
    executive_phone = models.CharField(_("โทรศัพท์ผู้บริหารสูงสุด"), max_length=100, blank=True)
    executive_message = models.TextField(_("สารจากผู้บริหาร"), blank=True)
    executive_photo = models.ImageField(_("ภาพผู้บริหาร"), upload_to="office/", blank=True)
    publish_deadline_days = models.PositiveSmallIntegerField(
        _("กำหนดเผยแพร่ (วันทำการ)"), default=3, help_text=_("S-1.10, S-2.3: เผยแพร่ภายใน 3 วันทำการหลังอนุมัติ")
    )
    approval_chain = models.JSONField(
        _("ลำดับการพิจารณา"),
        default=list,
        blank=True,
        help_text=_("บทบาทที่ต้องพิจารณาตามลำดับ ค่าเริ่มต้น: ผู้พิจารณา แล้วผู้อนุมัติ"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        related_name="children",
        null=True,
        blank=True,
        verbose_name=_("สำนักงานต้นสังกัดในระบบ"),
        help_text=_("เช่น สำนักงานสาธารณสุขจังหวัดที่ดูภาพรวมของสำนักงานนี้"),
    )
    changes_need_approval = models.BooleanField(
        _("การถอนหรือแทนที่รายการต้องผ่านการอนุมัติ"),
        default=True,
        help_text=_("ถ้าเลือก การถอนหรือแทนที่รายการที่เผยแพร่แล้วต้องผ่านลำดับการพิจารณาเหมือนคำขอใหม่"),
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ปรับปรุงล่าสุด"), auto_now=True)

    class Meta:
        verbose_name = _("สำนักงาน")
        verbose_name_plural = _("สำนักงาน")
        ordering = ["name_th"]

    def __str__(self):
        return self.name_th

    @property
    def name(self):
        return (self.name_en if _english() else "") or self.name_th

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def chain(self):
        """The roles that decide on a request, in order (S-G.3, S-2.2)."""
        return list(self.approval_chain or DEFAULT_CHAIN)

    def public_contacts(self):
        """Phone numbers and e-mail addresses published on purpose: never flagged as private data."""
        values = [self.phone, self.fax, self.email]
        for unit in self.units.all():
            values += [unit.phone, unit.email]
        return [v for v in values if v]


class OfficeClosure(models.Model):
    """A day the office is closed beyond the public holidays (วันหยุดที่ประกาศเพิ่ม)."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="closures", verbose_name=_("สำนักงาน"))
    date = models.DateField(_("วันที่"))
    reason = models.CharField(_("เหตุผล"), max_length=200)

    class Meta:
        verbose_name = _("วันหยุดของสำนักงาน")
        verbose_name_plural = _("วันหยุดของสำนักงาน")
        constraints = [models.UniqueConstraint(fields=["office", "date"], name="closure_once_a_day")]
        ordering = ["date"]

    def __str__(self):
        return f"{self.date} {self.reason}"


class Unit(models.Model):
    """กลุ่มงาน / หน่วยงานในสังกัด / หน่วยงานภายนอก: owns data and answers for topics."""

    class Kind(models.TextChoices):
        GROUP = "group", _("กลุ่มงาน")
        AFFILIATE = "affiliate", _("หน่วยงานในสังกัด")
        EXTERNAL = "external", _("หน่วยงานภายนอก")

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="units", verbose_name=_("สำนักงาน"))
    code = models.SlugField(_("รหัส"), help_text=_("อักษรอังกฤษตัวเล็ก ตัวเลข และขีด ตรงกับรหัสหน่วยงานผู้รับผิดชอบในไฟล์มาตรฐาน"))
    kind = models.CharField(_("ประเภท"), max_length=20, choices=Kind.choices, default=Kind.GROUP)
    name_th = models.CharField(_("ชื่อ (ไทย)"), max_length=200)
    name_en = models.CharField(_("ชื่อ (อังกฤษ)"), max_length=200, blank=True)
    website = models.URLField(_("เว็บไซต์"), blank=True)
    phone = models.CharField(_("โทรศัพท์"), max_length=100, blank=True)
    email = models.EmailField(_("อีเมล"), blank=True)
    head_name = models.CharField(_("หัวหน้า"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    is_active = models.BooleanField(_("ใช้งาน"), default=True)

    class Meta:
        verbose_name = _("หน่วยงาน")
        verbose_name_plural = _("หน่วยงาน")
        constraints = [models.UniqueConstraint(fields=["office", "code"], name="unit_code_unique_in_office")]
        ordering = ["office", "kind", "order", "name_th"]

    def __str__(self):
        return self.name_th

    @property
    def name(self):
        return (self.name_en if _english() else "") or self.name_th


class DelegationQuerySet(models.QuerySet):
    def active(self, *, on=None):
        from django.utils import timezone

        day = on or timezone.localdate()
        return self.filter(starts_on__lte=day, ends_on__gte=day, revoked_at__isnull=True)


class Delegation(models.Model):
    """A role handed to someone else for a date range (ผู้ได้รับมอบอำนาจ), e.g. the executive's approvals."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="delegations", verbose_name=_("สำนักงาน"))
    role = models.CharField(_("บทบาท"), max_length=20)
    delegator = models.ForeignKey("Staff", on_delete=models.PROTECT, related_name="+", verbose_name=_("ผู้มอบ"))
    delegate = models.ForeignKey("Staff", on_delete=models.PROTECT, related_name="+", verbose_name=_("ผู้รับมอบ"))
    starts_on = models.DateField(_("ตั้งแต่วันที่"))
    ends_on = models.DateField(_("ถึงวันที่"))
    reason = models.CharField(_("เหตุผล/คำสั่งมอบอำนาจ"), max_length=300)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("ยกเลิกเมื่อ"), null=True, blank=True)

    objects = DelegationQuerySet.as_manager()

    class Meta:
        verbose_name = _("การมอบอำนาจ")
        verbose_name_plural = _("การมอบอำนาจ")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="delegation_dates_ordered"
            )
        ]

    def __str__(self):
        return f"{self.delegator} → {self.delegate} ({self.role_label})"

    @property
    def role_label(self):
        """The delegated role in Thai (role codes are never shown to people)."""
        from khaosan.org.roles import role_label

        return role_label(self.role)


class Staff(AbstractUser):
    """เจ้าหน้าที่: a person who signs in to the back-office, always inside one office at a time.

    `office`, `unit` and `groups` are the person's home office, unit and roles there. A Membership gives
    the same person a place in another office; while they work in it (chosen in the back-office,
    org/offices.py) the request's user carries that office, unit and roles instead, and saving the person
    still writes the home office.
    """

    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="staff", null=True, blank=True, verbose_name=_("สำนักงาน")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="staff", null=True, blank=True, verbose_name=_("หน่วยงาน")
    )
    position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    phone = models.CharField(_("โทรศัพท์"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("เจ้าหน้าที่")
        verbose_name_plural = _("เจ้าหน้าที่")

    def __str__(self):
        return self.get_full_name() or self.username

    def save(self, *args, **kwargs):
        acting = self.__dict__.get("_khaosan_acting")
        if acting is None:
            return super().save(*args, **kwargs)
        shown = (self.office, self.unit)
        self.office_id, self.unit_id = acting.home_office_id, acting.home_unit_id
        try:
            return super().save(*args, **kwargs)
        finally:
            self.office, self.unit = shown

    @property
    def role_labels(self):
        """The person's roles in Thai, from `groups` (prefetch it for a list); none means a requester (any staff)."""
        from khaosan.org.roles import Role, role_label

        codes = sorted(group.name for group in self.groups.all() if group.name in Role.values)
        return [role_label(code) for code in codes or [Role.REQUESTER]]

    @property
    def display_name(self):
        """'นางสาวพิมพ์ชนก แก้วมณี (นักวิชาการคอมพิวเตอร์)' style: name, then position."""
        return f"{self} ({self.position})" if self.position else str(self)


class Membership(models.Model):
    """A person's place in an office other than their own: its unit there and the roles they hold there.

    A provincial web master who also runs a district office's website, or a district's staff member who
    answers for a health centre, signs in once and chooses the office they work in (org/offices.py).
    """

    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("เจ้าหน้าที่"))
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("สำนักงาน"))
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", null=True, blank=True, verbose_name=_("หน่วยงาน")
    )
    roles = models.ManyToManyField("auth.Group", blank=True, related_name="+", verbose_name=_("บทบาท"))
    granted_by = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="+", null=True, blank=True, verbose_name=_("ผู้ให้สิทธิ์")
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)

    class Meta:
        verbose_name = _("การเป็นเจ้าหน้าที่ของสำนักงานอื่น")
        verbose_name_plural = _("การเป็นเจ้าหน้าที่ของสำนักงานอื่น")
        constraints = [models.UniqueConstraint(fields=["staff", "office"], name="membership_once_per_office")]
        ordering = ["office__name_th"]

    def __str__(self):
        return f"{self.staff} @ {self.office}"

    @property
    def role_labels(self):
        from khaosan.org.roles import Role, role_label

        codes = sorted(group.name for group in self.roles.all() if group.name in Role.values)
        return [role_label(code) for code in codes or [Role.REQUESTER]]
