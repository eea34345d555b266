"""Public participation (GWS-5.1, 5.2, 5.4; MOIT 9–11): complaints in two streams, feedback, questions, satisfaction.

Glossary (DESIGN): เรื่องร้องเรียน `Complaint` (stream `service` / `corruption`) · ความคิดเห็น `Feedback` ·
คำถาม `Question` · แบบสำรวจความพึงพอใจ `SatisfactionResponse` · รหัสติดตาม `tracking_code`. A *case* is any of
the first three: something a citizen sent that carries a tracking code and that staff handle, with
deadlines, notes and replies.

Personal data is kept to what handling needs (PDPA s.22): a name (not for an anonymous corruption
complaint), a way to reply, and what happened. `retain_until` is set when a case is closed; from that
instant its personal fields are not shown, and the housekeeping job erases them (DESIGN principle 5:
correct without cron). What stays is what the MOIT 10 summaries count: stream, kind, status, outcome,
dates.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Stream(models.TextChoices):
    """The two complaint channels GWS-5.4 and MOIT 9 require, kept apart from reception to report."""

    SERVICE = "service", _("เรื่องร้องเรียนการให้บริการหรือการปฏิบัติงานของเจ้าหน้าที่")
    CORRUPTION = "corruption", _("เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ")


class Kind(models.TextChoices):
    """What a complaint is about (the "type" the summaries count). Each stream offers its own."""

    SERVICE_QUALITY = "service_quality", _("คุณภาพหรือขั้นตอนการให้บริการ")
    CONDUCT = "conduct", _("พฤติกรรมหรือการปฏิบัติตนของเจ้าหน้าที่")
    DELAY = "delay", _("ความล่าช้าในการให้บริการ")
    FACILITY = "facility", _("สถานที่และสิ่งอำนวยความสะดวก")
    SERVICE_OTHER = "service_other", _("เรื่องอื่นเกี่ยวกับการให้บริการ")
    BRIBERY = "bribery", _("เรียกรับเงินหรือผลประโยชน์")
    PROCUREMENT = "procurement", _("การจัดซื้อจัดจ้างไม่โปร่งใส")
    PROPERTY = "property", _("ใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตัว")
    ABUSE = "abuse", _("ใช้อำนาจหน้าที่โดยมิชอบหรือละเว้นการปฏิบัติหน้าที่")
    CONFLICT = "conflict", _("ผลประโยชน์ทับซ้อน")
    CORRUPTION_OTHER = "corruption_other", _("การทุจริตหรือประพฤติมิชอบอื่น ๆ")


STREAM_KINDS = {
    Stream.SERVICE: [Kind.SERVICE_QUALITY, Kind.CONDUCT, Kind.DELAY, Kind.FACILITY, Kind.SERVICE_OTHER],
    Stream.CORRUPTION: [Kind.BRIBERY, Kind.PROCUREMENT, Kind.PROPERTY, Kind.ABUSE, Kind.CONFLICT,
                        Kind.CORRUPTION_OTHER],
}  # fmt: skip


class Status(models.TextChoices):
    """Where a case stands, as the citizen sees it on the status page."""

    RECEIVED = "received", _("ได้รับเรื่องแล้ว รอเจ้าหน้าที่รับเรื่อง")
    ACKNOWLEDGED = "acknowledged", _("เจ้าหน้าที่รับเรื่องไว้พิจารณาแล้ว")
    IN_PROGRESS = "in_progress", _("อยู่ระหว่างดำเนินการ")
    CLOSED = "closed", _("ดำเนินการเสร็จสิ้น")


OPEN_STATUSES = (Status.RECEIVED, Status.ACKNOWLEDGED, Status.IN_PROGRESS)


class Outcome(models.TextChoices):
    """How a closed complaint ended (MOIT 10 reports what was done)."""

    RESOLVED = "resolved", _("ดำเนินการแก้ไขแล้ว")
    EXPLAINED = "explained", _("ชี้แจงข้อเท็จจริงแล้ว")
    UNFOUNDED = "unfounded", _("ตรวจสอบแล้วไม่มีมูล")
    FORWARDED = "forwarded", _("ส่งต่อหน่วยงานที่รับผิดชอบ")
    NOT_ACCEPTED = "not_accepted", _("ไม่รับไว้พิจารณา (ข้อมูลไม่เพียงพอหรือไม่อยู่ในอำนาจหน้าที่)")


class ParticipationSettings(models.Model):
    """An office's deadlines for cases, in Thai working days (thai/calendar.py), set by its administrator.

    The defaults follow common practice of MOPH complaint-handling manuals: acknowledge within one
    working day, answer within fifteen.
    """

    office = models.OneToOneField("org.Office", on_delete=models.CASCADE, related_name="participation_settings")
    acknowledge_days = models.PositiveSmallIntegerField(
        _("รับเรื่องภายใน (วันทำการ)"), default=1, help_text=_("นับจากวันที่ได้รับเรื่อง")
    )
    answer_days = models.PositiveSmallIntegerField(
        _("ตอบผู้แจ้งภายใน (วันทำการ)"), default=15, help_text=_("นับจากวันที่ได้รับเรื่อง")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("การตั้งค่าเรื่องร้องเรียน")
        verbose_name_plural = _("การตั้งค่าเรื่องร้องเรียน")

    def __str__(self):
        return f"{self.office_id}: {self.acknowledge_days}/{self.answer_days}"


class Handler(models.Model):
    """A staff member the office names to handle one stream (ผู้รับผิดชอบเรื่องร้องเรียน).

    Corruption complaints go to these people only, plus read access for the committee: not to web
    masters, not to administrators unless they are named here.
    """

    office = models.ForeignKey("org.Office", on_delete=models.CASCADE, related_name="participation_handlers")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participation_roles")
    stream = models.CharField(_("ประเภทเรื่อง"), max_length=12, choices=Stream.choices)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ผู้รับผิดชอบเรื่องร้องเรียน")
        verbose_name_plural = _("ผู้รับผิดชอบเรื่องร้องเรียน")
        constraints = [models.UniqueConstraint(fields=["staff", "stream"], name="handler_once_per_stream")]
        ordering = ["stream", "staff__first_name"]

    def __str__(self):
        return f"{self.stream}: {self.staff_id}"


class Case(models.Model):
    """What every complaint, feedback and question shares: a tracking code, deadlines, handling, retention."""

    office = models.ForeignKey("org.Office", on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField(_("เลขที่"))
    # SHA-256 of the tracking code (codes.py): the code itself is never stored.
    tracking_hash = models.CharField(max_length=64, unique=True, editable=False)
    # One random value per form drawn: a second POST of the same form (a double tap, a reload) files nothing.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    name = models.CharField(_("ชื่อ-นามสกุล"), max_length=200, blank=True)
    email = models.EmailField(_("อีเมล"), blank=True)
    subject = models.CharField(_("เรื่อง"), max_length=200, blank=True)
    detail = models.TextField(_("รายละเอียด"), blank=True)

    status = models.CharField(_("สถานะ"), max_length=12, choices=Status.choices, default=Status.RECEIVED, db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("ผู้รับผิดชอบ"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("ได้รับเมื่อ"), default=timezone.now, db_index=True)
    acknowledge_due = models.DateField(_("ต้องรับเรื่องภายใน"))
    answer_due = models.DateField(_("ต้องตอบภายใน"))
    acknowledged_at = models.DateTimeField(_("รับเรื่องเมื่อ"), null=True, blank=True)
    answered_at = models.DateTimeField(_("ตอบครั้งแรกเมื่อ"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ปิดเรื่องเมื่อ"), null=True, blank=True)
    retain_until = models.DateTimeField(_("เก็บข้อมูลส่วนบุคคลถึง"), null=True, blank=True, db_index=True)
    erased_at = models.DateTimeField(_("ลบข้อมูลส่วนบุคคลเมื่อ"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The personal fields housekeeping erases once `retain_until` has passed; subclasses add theirs.
    PERSONAL_FIELDS = ("name", "email", "subject", "detail")
    PREFIX = ""

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        """'ร.12/2569': the running number and the fiscal year it came in, as offices number letters."""
        from khaosan.thai.dates import fiscal_year

        return f"{self.prefix}.{self.number}/{fiscal_year(self.created_at)}"

    @property
    def prefix(self):
        return self.PREFIX

    @property
    def is_open(self):
        return self.status != Status.CLOSED

    @property
    def personal_data_gone(self):
        """True once the retention period after closing has passed, whether or not housekeeping ran."""
        return self.erased_at is not None or (self.retain_until is not None and self.retain_until <= timezone.now())

    @property
    def acknowledge_late(self):
        return self.acknowledged_at is None and self.is_open and timezone.localdate() > self.acknowledge_due

    @property
    def answer_late(self):
        return self.answered_at is None and self.is_open and timezone.localdate() > self.answer_due

    @property
    def is_late(self):
        return self.acknowledge_late or self.answer_late

    @property
    def label(self):
        """The kind of case, for lists and messages."""
        return self._meta.verbose_name

    @property
    def case_type(self):
        """'complaint', 'feedback' or 'question': the key of the case's model in CASE_MODELS and in addresses."""
        return self._meta.model_name


class Complaint(Case):
    """เรื่องร้องเรียน: service/conduct or corruption/misconduct (GWS-5.4, MOIT 9)."""

    stream = models.CharField(_("ประเภทเรื่อง"), max_length=12, choices=Stream.choices, db_index=True)
    kind = models.CharField(_("ลักษณะเรื่อง"), max_length=20, choices=Kind.choices)
    anonymous = models.BooleanField(_("ไม่ประสงค์ออกนาม"), default=False)
    phone = models.CharField(_("โทรศัพท์"), max_length=30, blank=True)
    address = models.CharField(_("ที่อยู่ติดต่อกลับ"), max_length=300, blank=True)
    concerned = models.CharField(_("ผู้ถูกร้องเรียนหรือหน่วยงานที่เกี่ยวข้อง"), max_length=300, blank=True)
    happened_on = models.DateField(_("วันที่เกิดเหตุ"), null=True, blank=True)
    outcome = models.CharField(_("ผลการดำเนินการ"), max_length=14, choices=Outcome.choices, blank=True)

    PERSONAL_FIELDS = (*Case.PERSONAL_FIELDS, "phone", "address", "concerned")

    class Meta(Case.Meta):
        verbose_name = _("เรื่องร้องเรียน")
        verbose_name_plural = _("เรื่องร้องเรียน")
        constraints = [models.UniqueConstraint(fields=["office", "stream", "number"], name="complaint_number_once")]
        indexes = [models.Index(fields=["office", "stream", "status"], name="complaint_queue")]

    @property
    def prefix(self):
        return "ท" if self.stream == Stream.CORRUPTION else "ร"

    @property
    def label(self):
        return self.get_stream_display()


class Feedback(Case):
    """ความคิดเห็น: an opinion or suggestion on the office's work (GWS-5.1, MOIT2 1.8)."""

    PREFIX = "ค"

    class Meta(Case.Meta):
        verbose_name = _("ความคิดเห็นและข้อเสนอแนะ")
        verbose_name_plural = _("ความคิดเห็นและข้อเสนอแนะ")
        constraints = [models.UniqueConstraint(fields=["office", "number"], name="feedback_number_once")]


class Question(Case):
    """คำถาม: a citizen asks, staff answer; an answer published becomes an FAQ entry (GWS-5.2, OIT O8).

    The FAQ shows `faq_question` and `faq_answer`, which staff write without the asker's personal data:
    they stay published after the asker's own text is erased.
    """

    faq_question = models.CharField(_("คำถามที่แสดงในคำถามที่พบบ่อย"), max_length=300, blank=True)
    faq_answer = models.TextField(_("คำตอบที่แสดงในคำถามที่พบบ่อย"), blank=True)
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), null=True, blank=True, db_index=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+")  # fmt: skip

    PREFIX = "ถ"

    class Meta(Case.Meta):
        verbose_name = _("คำถาม")
        verbose_name_plural = _("คำถาม")
        constraints = [models.UniqueConstraint(fields=["office", "number"], name="question_number_once")]


CASE_MODELS = {"complaint": Complaint, "feedback": Feedback, "question": Question}


def case_type(case):
    return case.case_type


class ComplaintFile(models.Model):
    """A file a complainant attached, checked by the same rules as every upload (catalog/files.py)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="files")
    blob = models.ForeignKey("catalog.Blob", on_delete=models.PROTECT, related_name="+")
    original_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    extension = models.CharField(max_length=10)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ไฟล์แนบเรื่องร้องเรียน")
        verbose_name_plural = _("ไฟล์แนบเรื่องร้องเรียน")
        ordering = ["pk"]

    def __str__(self):
        return self.original_name


class EventKind(models.TextChoices):
    RECEIVED = "received", _("ได้รับเรื่อง")
    ACKNOWLEDGED = "acknowledged", _("รับเรื่อง")
    ASSIGNED = "assigned", _("มอบหมายผู้รับผิดชอบ")
    STATUS = "status", _("เปลี่ยนสถานะ")
    NOTE = "note", _("บันทึกภายใน")
    REPLY = "reply", _("ตอบผู้แจ้ง")
    CLOSED = "closed", _("ปิดเรื่อง")
    ESCALATED = "escalated", _("แจ้งเตือนเลยกำหนด")
    PUBLISHED = "published", _("เผยแพร่เป็นคำถามที่พบบ่อย")
    WITHDRAWN = "withdrawn", _("นำออกจากคำถามที่พบบ่อย")
    ERASED = "erased", _("ลบข้อมูลส่วนบุคคลตามระยะเวลาเก็บรักษา")


# What the citizen sees of a case's history on the status page; notes and escalations are internal.
PUBLIC_EVENTS = (EventKind.RECEIVED, EventKind.ACKNOWLEDGED, EventKind.STATUS, EventKind.REPLY, EventKind.CLOSED)


class CaseEvent(models.Model):
    """One step in a case's handling: the timeline staff see, and (for PUBLIC_EVENTS) the citizen too."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, null=True, blank=True, related_name="events")
    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, null=True, blank=True, related_name="events")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, null=True, blank=True, related_name="events")
    kind = models.CharField(max_length=14, choices=EventKind.choices)
    status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+")  # fmt: skip
    actor_name = models.CharField(max_length=200, blank=True)
    # A note or a reply: free text that may name people, so it is erased with the case's personal data.
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ขั้นตอนการดำเนินการ")
        verbose_name_plural = _("ขั้นตอนการดำเนินการ")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="case_event_has_one_case",
                condition=(
                    Q(complaint__isnull=False, feedback__isnull=True, question__isnull=True)
                    | Q(complaint__isnull=True, feedback__isnull=False, question__isnull=True)
                    | Q(complaint__isnull=True, feedback__isnull=True, question__isnull=False)
                ),
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.created_at:%Y-%m-%d %H:%M}"


class SatisfactionResponse(models.Model):
    """แบบสำรวจความพึงพอใจ: one answer, after a service or from any page; no name, no address asked."""

    class Service(models.TextChoices):
        WEBSITE = "website", _("การใช้เว็บไซต์")
        COMPLAINT = "complaint", _("การรับเรื่องร้องเรียน")
        FEEDBACK = "feedback", _("การรับฟังความคิดเห็น")
        QUESTION = "question", _("การตอบคำถาม")
        VISIT = "visit", _("การมาติดต่อที่สำนักงาน")

    class Found(models.TextChoices):
        YES = "yes", _("ได้รับครบถ้วน")
        PARTLY = "partly", _("ได้รับบางส่วน")
        NO = "no", _("ไม่ได้รับ")

    office = models.ForeignKey("org.Office", on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("ความพึงพอใจ (1–5)"))
    service = models.CharField(_("เรื่องที่ประเมิน"), max_length=12, choices=Service.choices, default=Service.WEBSITE)
    found = models.CharField(_("ได้รับข้อมูลหรือบริการที่ต้องการ"), max_length=8, choices=Found.choices, blank=True)
    page = models.CharField(_("หน้าที่ประเมิน"), max_length=300, blank=True)
    comment = models.CharField(_("ข้อเสนอแนะ"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("ผลการประเมินความพึงพอใจ")
        verbose_name_plural = _("ผลการประเมินความพึงพอใจ")
        ordering = ["-created_at", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="satisfaction_score_1_5")]

    def __str__(self):
        return f"{self.service} {self.score}"
