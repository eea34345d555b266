"""Publication requests (คำขอเผยแพร่), their decisions and the notifications they cause.

Lifecycle (DESIGN): draft → in review (one step per role of the office's chain) → approved → published;
any step may return the request to the requester with a reason, or refuse it with a reason.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How the request reached the office (S-2.1)."""

    ONLINE = "online", _("ยื่นผ่านระบบ")
    LETTER = "letter", _("หนังสือราชการ")
    EMAIL = "email", _("ไปรษณีย์อิเล็กทรอนิกส์")
    OTHER = "other", _("ช่องทางอื่น")


class Action(models.TextChoices):
    """What the request asks for: a new item, or a change to a published one."""

    PUBLISH = "publish", _("ขอเผยแพร่")
    REPLACE = "replace", _("ขอแทนที่รายการที่เผยแพร่")
    WITHDRAW = "withdraw", _("ขอถอนรายการที่เผยแพร่")


class State(models.TextChoices):
    DRAFT = "draft", _("ร่าง")
    IN_REVIEW = "in_review", _("อยู่ระหว่างพิจารณา")
    RETURNED = "returned", _("ส่งกลับแก้ไข")
    REFUSED = "refused", _("ไม่อนุมัติ")
    APPROVED = "approved", _("อนุมัติแล้ว รอเผยแพร่")
    PUBLISHED = "published", _("เผยแพร่แล้ว")
    CANCELLED = "cancelled", _("ยกเลิกโดยผู้ขอ")


OPEN_STATES = (State.DRAFT, State.IN_REVIEW, State.RETURNED, State.APPROVED)


class PublicationRequest(models.Model):
    """คำขอเผยแพร่: what a unit asks to publish, where, when, from which source — and what became of it."""

    office = models.ForeignKey("org.Office", on_delete=models.PROTECT, related_name="requests")
    number = models.PositiveIntegerField(_("เลขที่คำขอ"))
    action = models.CharField(_("ประเภทคำขอ"), max_length=10, choices=Action.choices, default=Action.PUBLISH)
    target_item = models.ForeignKey(
        "catalog.Item", on_delete=models.PROTECT, null=True, blank=True, related_name="change_requests",
        verbose_name=_("รายการที่ขอแก้ไข"),
    )  # fmt: skip

    # Who asks (S-2.1): a staff member, or someone a web master typed in from a letter or an e-mail.
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="requests"
    )
    requester_name = models.CharField(_("ชื่อผู้ขอ"), max_length=200)
    requester_position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    requester_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="requests", verbose_name=_("หน่วยงาน")
    )
    requester_contact = models.CharField(_("ข้อมูลติดต่อกลับ"), max_length=300, blank=True)
    channel = models.CharField(_("ช่องทาง"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    letter_number = models.CharField(_("เลขที่หนังสือ"), max_length=100, blank=True)
    letter_date = models.DateField(_("ลงวันที่"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("ผู้ลงทะเบียนรับ"),
    )  # fmt: skip

    # What, where, when, from where.
    title = models.CharField(_("เรื่อง"), max_length=300)
    summary = models.TextField(_("สรุปรายละเอียด"), blank=True)
    body = models.TextField(_("เนื้อหา"), blank=True)
    external_url = models.URLField(_("ลิงก์ภายนอก"), max_length=500, blank=True)
    topic = models.ForeignKey(
        "catalog.Topic", on_delete=models.PROTECT, null=True, blank=True, related_name="requests",
        verbose_name=_("หัวข้อที่เสนอ"),
    )  # fmt: skip
    data_from = models.DateField(_("ข้อมูลตั้งแต่วันที่"), null=True, blank=True)
    data_to = models.DateField(_("ข้อมูลถึงวันที่"), null=True, blank=True)
    wish_from = models.DateField(_("ต้องการเผยแพร่ตั้งแต่"), null=True, blank=True)
    wish_until = models.DateField(_("ต้องการเผยแพร่ถึง"), null=True, blank=True)
    source = models.CharField(_("แหล่งที่มา/อ้างอิง"), max_length=500, blank=True)
    rights_confirmed = models.BooleanField(_("ยืนยันว่าไม่ละเมิดลิขสิทธิ์"), default=False)
    remarks = models.TextField(_("หมายเหตุ"), blank=True)

    # Where it stands.
    state = models.CharField(_("สถานะ"), max_length=12, choices=State.choices, default=State.DRAFT, db_index=True)
    chain = models.JSONField(_("ลำดับการพิจารณา"), default=list, blank=True)
    step = models.PositiveSmallIntegerField(_("ขั้นที่"), default=0)
    # chain[step] while in review, kept in a column so queues are one indexed query.
    awaiting_role = models.CharField(_("รอการพิจารณาโดย"), max_length=20, blank=True, db_index=True)
    submitted_at = models.DateTimeField(_("ยื่นเมื่อ"), null=True, blank=True)
    approved_at = models.DateTimeField(_("อนุมัติเมื่อ"), null=True, blank=True)
    due_on = models.DateField(_("ต้องเผยแพร่ภายใน"), null=True, blank=True, db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("ผู้ดูแลเว็บไซต์ที่รับงาน"),
    )  # fmt: skip
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    item = models.ForeignKey(
        "catalog.Item", on_delete=models.PROTECT, null=True, blank=True, related_name="requests",
        verbose_name=_("รายการที่เผยแพร่"),
    )  # fmt: skip
    redaction_note = models.TextField(_("ผลการตรวจข้อมูลส่วนบุคคล"), blank=True)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)

    class Meta:
        verbose_name = _("คำขอเผยแพร่")
        verbose_name_plural = _("คำขอเผยแพร่")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["office", "number"], name="request_number_once_per_office")]
        indexes = [models.Index(fields=["office", "state", "due_on"], name="request_queue")]

    def __str__(self):
        return f"{self.reference} {self.title}"

    def save(self, *args, **kwargs):
        self.awaiting_role = self.current_role or ""
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "awaiting_role"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("backoffice:request", args=[self.pk])

    @property
    def reference(self):
        """'คข.12/2569': the request number within its fiscal year of creation, as offices number letters."""
        from khaosan.thai.dates import fiscal_year

        return f"{self.number}/{fiscal_year(self.created_at or timezone.now())}"

    @property
    def current_role(self):
        if self.state != State.IN_REVIEW or self.step >= len(self.chain):
            return None
        return self.chain[self.step]

    @property
    def is_late(self):
        return self.state == State.APPROVED and self.due_on is not None and timezone.localdate() > self.due_on

    @property
    def working_days_late(self):
        """How many working days after its deadline the request was (or, still waiting, is) published: 0 if on time."""
        if self.due_on is None or self.state not in (State.APPROVED, State.PUBLISHED):
            return 0
        from khaosan.thai.calendar import working_days_between

        done = timezone.localdate(self.published_at) if self.published_at else timezone.localdate()
        return working_days_between(self.due_on, done, office=self.office) if done > self.due_on else 0

    @property
    def content_files(self):
        return [f for f in self.files.all() if f.kind == RequestFile.Kind.CONTENT]


class RequestFile(models.Model):
    """A file sent with a request: the content to publish, a scanned letter, or the signed memo."""

    class Kind(models.TextChoices):
        CONTENT = "content", _("ไฟล์ที่ขอเผยแพร่")
        LETTER = "letter", _("หนังสือนำส่ง (สแกน)")
        MEMO = "memo", _("บันทึกข้อความที่ลงนามแล้ว")

    pub_request = models.ForeignKey(PublicationRequest, on_delete=models.CASCADE, related_name="files")
    blob = models.ForeignKey("catalog.Blob", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("ประเภท"), max_length=10, choices=Kind.choices, default=Kind.CONTENT)
    original_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    extension = models.CharField(_("นามสกุล"), max_length=10)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ไฟล์ของคำขอ")
        verbose_name_plural = _("ไฟล์ของคำขอ")
        ordering = ["kind", "pk"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("backoffice:request-file", args=[self.pub_request_id, self.pk])

    @property
    def size(self):
        return self.blob.size


class Verdict(models.TextChoices):
    APPROVE = "approve", _("อนุมัติ")
    RETURN = "return", _("ส่งกลับแก้ไข")
    REFUSE = "refuse", _("ไม่อนุมัติ")


class ReasonCode(models.TextChoices):
    """Reasons offered as choices (S-G.5 names the first two); free text adds the detail."""

    NOT_MISSION = "not_mission", _("ไม่ตรงหรือไม่เกี่ยวข้องกับภารกิจของหน่วยงาน")
    FILE_FORMAT = "file_format", _("รูปแบบไฟล์ไม่ถูกต้องตามที่อนุญาต")
    INCOMPLETE = "incomplete", _("ข้อมูลไม่ครบถ้วนหรือไม่ถูกต้อง")
    PERSONAL_DATA = "personal_data", _("มีข้อมูลส่วนบุคคลที่ต้องปกปิด")
    COPYRIGHT = "copyright", _("อาจละเมิดลิขสิทธิ์หรือไม่ระบุแหล่งที่มา")
    WRONG_TOPIC = "wrong_topic", _("เลือกหมวดหมู่หรือหัวข้อไม่ถูกต้อง")
    OTHER = "other", _("อื่น ๆ")


class Decision(models.Model):
    """การพิจารณา: one step of the chain, with who, in which position, when and why."""

    pub_request = models.ForeignKey(PublicationRequest, on_delete=models.CASCADE, related_name="decisions")
    step = models.PositiveSmallIntegerField()
    role = models.CharField(max_length=20)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="decisions")
    actor_name = models.CharField(max_length=200)
    actor_position = models.CharField(max_length=200, blank=True)
    delegation = models.ForeignKey("org.Delegation", on_delete=models.PROTECT, null=True, blank=True)
    # Set when an office administrator decided the step in place of its role, because nobody but the
    # request's authors held that role (they may not decide their own request); `role` stays the step's role.
    stand_in_reason = models.CharField(_("เหตุที่ผู้ดูแลระบบพิจารณาแทน"), max_length=300, blank=True)
    verdict = models.CharField(_("ผลการพิจารณา"), max_length=10, choices=Verdict.choices)
    reason_code = models.CharField(_("เหตุผล"), max_length=20, choices=ReasonCode.choices, blank=True)
    reason = models.TextField(_("รายละเอียดเหตุผล"), blank=True)
    decided_at = models.DateTimeField(_("เมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("การพิจารณา")
        verbose_name_plural = _("การพิจารณา")
        ordering = ["decided_at", "pk"]

    def __str__(self):
        return f"{self.pub_request.reference} {self.get_verdict_display()} {self.actor_name}"

    @property
    def stood_in(self):
        return bool(self.stand_in_reason)

    @property
    def reason_text(self):
        parts = [self.get_reason_code_display() if self.reason_code else "", self.reason]
        return " — ".join(p for p in parts if p)


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def email_failed(self):
        return self.filter(email_failed_at__isnull=False)


class Notification(models.Model):
    """An in-app message; the same text goes out by e-mail after the change is committed."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    pub_request = models.ForeignKey(
        PublicationRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    subject = models.CharField(max_length=300)
    message = models.TextField()
    url = models.CharField(max_length=2000, blank=True)  # a back-office link with its query, Thai percent-encoded
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # The e-mail copy could not be sent (the in-app message is there all the same); the error is for operators.
    email_failed_at = models.DateTimeField(_("ส่งอีเมลไม่สำเร็จเมื่อ"), null=True, blank=True, db_index=True)
    email_error = models.CharField(_("สาเหตุที่ส่งอีเมลไม่สำเร็จ"), max_length=300, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("การแจ้งเตือน")
        verbose_name_plural = _("การแจ้งเตือน")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="inbox_unread")]

    def __str__(self):
        return self.subject


OPEN_FILTER = Q(state__in=OPEN_STATES)
