"""The audit trail (LOG-13) and the traffic log (S-2.8, LOG-1…14): rows that are only ever added.

Both are hash chains (see `chain.py`). The models refuse updates and deletes (LOG-7); direct SQL can
still change rows, and `./khaosan manage audit verify` / `traffic verify` find that.
"""

from django.conf import settings
from django.db import models, router, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from khaosan.audit import chain
from khaosan.thai.dates import thai_datetime

AUDIT_CHAIN = "audit"


class AppendOnlyError(Exception):
    """Rows of the audit trail and the traffic log are never changed or removed by the application (LOG-7)."""


class AppendOnlyQuerySet(models.QuerySet):
    """Bulk changes would slip past the chain and the guards in `save()` / `delete()`."""

    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model._meta.label} rows cannot be updated.")

    def delete(self):
        raise AppendOnlyError(f"{self.model._meta.label} rows cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError(f"{self.model._meta.label} rows cannot be updated.")

    def bulk_create(self, objs, *args, **kwargs):
        raise AppendOnlyError(f"{self.model._meta.label} rows are added one by one, each chained to the last.")


class AppendOnly(models.Model):
    """Refuse to change or remove a stored row. The one sanctioned removal is the traffic purge."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{self._meta.label} {self.pk} is stored and cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{self._meta.label} {self.pk} cannot be deleted.")


class AuditCode(models.TextChoices):
    """The closed list of things worth an audit row."""

    ITEM_CREATED = "item.created", pgettext_lazy("audit", "สร้างรายการ")
    ITEM_UPDATED = "item.updated", pgettext_lazy("audit", "แก้ไขรายการ")
    ITEM_PUBLISHED = "item.published", pgettext_lazy("audit", "เผยแพร่รายการ")
    ITEM_WITHDRAWN = "item.withdrawn", pgettext_lazy("audit", "ถอนการเผยแพร่")
    ITEM_EXPIRED = "item.expired", pgettext_lazy("audit", "นำออกเมื่อครบกำหนด")
    ATTACHMENT_ADDED = "attachment.added", pgettext_lazy("audit", "แนบไฟล์")
    ATTACHMENT_REMOVED = "attachment.removed", pgettext_lazy("audit", "นำไฟล์ออก")
    STANDARD_SYNCED = "standard.synced", pgettext_lazy("audit", "นำเข้ามาตรฐาน")
    REQUEST_CREATED = "request.created", pgettext_lazy("audit", "สร้างคำขอเผยแพร่")
    REQUEST_REGISTERED = "request.registered", pgettext_lazy("audit", "ลงทะเบียนรับคำขอจากหนังสือ/อีเมล")
    REQUEST_UPDATED = "request.updated", pgettext_lazy("audit", "แก้ไขคำขอ")
    REQUEST_FILE_ADDED = "request.file_added", pgettext_lazy("audit", "แนบไฟล์ในคำขอ")
    REQUEST_FILE_REMOVED = "request.file_removed", pgettext_lazy("audit", "นำไฟล์ออกจากคำขอ")
    REQUEST_SUBMITTED = "request.submitted", pgettext_lazy("audit", "ยื่นคำขอ")
    REQUEST_DECIDED = "request.decided", pgettext_lazy("audit", "พิจารณาคำขอ")
    REQUEST_CANCELLED = "request.cancelled", pgettext_lazy("audit", "ยกเลิกคำขอ")
    REQUEST_TAKEN = "request.taken", pgettext_lazy("audit", "รับงานเผยแพร่")
    REQUEST_PUBLISHED = "request.published", pgettext_lazy("audit", "เผยแพร่ตามคำขอ")
    STAFF_INVITED = "staff.invited", pgettext_lazy("audit", "เพิ่มเจ้าหน้าที่")
    STAFF_CHANGED = "staff.changed", pgettext_lazy("audit", "แก้ไขบทบาทเจ้าหน้าที่")
    STAFF_DEACTIVATED = "staff.deactivated", pgettext_lazy("audit", "ปิดการใช้งานเจ้าหน้าที่")
    STAFF_MEMBERSHIP_GRANTED = "staff.membership_granted", pgettext_lazy("audit", "ให้สิทธิ์เจ้าหน้าที่จากสำนักงานอื่น")
    STAFF_MEMBERSHIP_ENDED = "staff.membership_ended", pgettext_lazy("audit", "ยกเลิกสิทธิ์เจ้าหน้าที่จากสำนักงานอื่น")
    STAFF_PASSWORD_LINK_SENT = "staff.password_link_sent", pgettext_lazy("audit", "ส่งลิงก์ตั้งรหัสผ่าน")
    DELEGATION_CREATED = "delegation.created", pgettext_lazy("audit", "มอบอำนาจ")
    DELEGATION_REVOKED = "delegation.revoked", pgettext_lazy("audit", "ยกเลิกการมอบอำนาจ")
    OFFICE_CHANGED = "office.changed", pgettext_lazy("audit", "แก้ไขการตั้งค่าสำนักงาน")
    AUTH_OFFICE_CHOSEN = "auth.office_chosen", pgettext_lazy("audit", "เลือกสำนักงานที่ทำงาน")
    AUTH_LOGIN = "auth.login", pgettext_lazy("audit", "เข้าสู่ระบบ")
    AUTH_LOGOUT = "auth.logout", pgettext_lazy("audit", "ออกจากระบบ")
    AUTH_LOGIN_FAILED = "auth.login_failed", pgettext_lazy("audit", "เข้าสู่ระบบไม่สำเร็จ")
    AUTH_LOCKED_OUT = "auth.locked_out", pgettext_lazy("audit", "ระงับการเข้าสู่ระบบชั่วคราว")
    AUTH_UNLOCKED = "auth.unlocked", pgettext_lazy("audit", "ปลดล็อกการเข้าสู่ระบบ")
    AUTH_2FA_ENABLED = "auth.2fa_enabled", pgettext_lazy("audit", "เปิดใช้การยืนยันตัวตนสองขั้นตอน")
    AUTH_2FA_RESET = "auth.2fa_reset", pgettext_lazy("audit", "ล้างการยืนยันตัวตนสองขั้นตอน")
    AUTH_PASSWORD_CHANGED = "auth.password_changed", pgettext_lazy("audit", "เปลี่ยนรหัสผ่าน")
    TRAFFIC_VIEWED = "traffic.viewed", pgettext_lazy("audit", "เปิดดูข้อมูลจราจรทางคอมพิวเตอร์")
    TRAFFIC_EXPORTED = "traffic.exported", pgettext_lazy("audit", "ส่งออกข้อมูลจราจรทางคอมพิวเตอร์")
    TRAFFIC_SEALED = "traffic.sealed", pgettext_lazy("audit", "ปิดผนึกข้อมูลจราจรรายวัน")
    TRAFFIC_HELD = "traffic.held", pgettext_lazy("audit", "สั่งเก็บรักษาข้อมูลจราจรเกินกำหนด")
    TRAFFIC_PURGED = "traffic.purged", pgettext_lazy("audit", "ลบข้อมูลจราจรที่พ้นระยะเวลาเก็บรักษา")
    BACKUP_CREATED = "backup.created", pgettext_lazy("audit", "สำรองข้อมูล")
    BACKUP_RESTORED = "backup.restored", pgettext_lazy("audit", "กู้คืนข้อมูลจากชุดสำรอง")
    HOUSEKEEPING_RAN = "housekeeping.ran", pgettext_lazy("audit", "งานดูแลระบบประจำวัน")
    # Staff performance evaluation (e-Service S-1.9). Rows name what happened, never a person's scores.
    APPRAISAL_ROUND_OPENED = "appraisal_round.opened", pgettext_lazy("audit", "เปิดรอบการประเมิน")
    APPRAISAL_ROUND_CHANGED = "appraisal_round.changed", pgettext_lazy("audit", "แก้ไขรอบการประเมิน")
    APPRAISAL_ROUND_CLOSED = "appraisal_round.closed", pgettext_lazy("audit", "ปิดรอบการประเมิน")
    APPRAISAL_ANNOUNCEMENT = (
        "appraisal_round.announcement",
        pgettext_lazy("audit", "ขอเผยแพร่รายชื่อผู้มีผลการประเมินดีเด่นและดีมาก"),
    )
    APPRAISAL_SETTINGS_CHANGED = "appraisal.settings_changed", pgettext_lazy("audit", "แก้ไขการตั้งค่าการประเมิน")
    APPRAISAL_LINE_CHANGED = "appraisal.line_changed", pgettext_lazy("audit", "แก้ไขสายการประเมิน")
    APPRAISAL_SAVED = "appraisal.saved", pgettext_lazy("audit", "บันทึกร่างการประเมิน")
    APPRAISAL_AGREEMENT_SUBMITTED = "appraisal.agreement_submitted", pgettext_lazy("audit", "ส่งข้อตกลงการประเมิน")
    APPRAISAL_AGREED = "appraisal.agreed", pgettext_lazy("audit", "ผู้ประเมินเห็นชอบข้อตกลง")
    APPRAISAL_RETURNED = "appraisal.returned", pgettext_lazy("audit", "ผู้ประเมินส่งข้อตกลงกลับ")
    APPRAISAL_SELF_ASSESSED = "appraisal.self_assessed", pgettext_lazy("audit", "ส่งผลการประเมินตนเอง")
    APPRAISAL_EVIDENCE_ADDED = "appraisal.evidence_added", pgettext_lazy("audit", "แนบหลักฐานการประเมิน")
    APPRAISAL_EVIDENCE_REMOVED = "appraisal.evidence_removed", pgettext_lazy("audit", "นำหลักฐานการประเมินออก")
    APPRAISAL_ASSESSED = "appraisal.assessed", pgettext_lazy("audit", "ผู้ประเมินให้คะแนน")
    APPRAISAL_REVIEWED = "appraisal.reviewed", pgettext_lazy("audit", "ผู้บังคับบัญชาเหนือขึ้นไปพิจารณาผล")
    APPRAISAL_ACKNOWLEDGED = "appraisal.acknowledged", pgettext_lazy("audit", "รับทราบผลการประเมิน")
    APPRAISAL_REFUSAL_RECORDED = "appraisal.refusal_recorded", pgettext_lazy("audit", "บันทึกการไม่ลงนามรับทราบผล")
    APPRAISAL_VIEWED = "appraisal.viewed", pgettext_lazy("audit", "เปิดดูผลการประเมินของผู้อื่น")
    APPRAISAL_SUMMARY_VIEWED = "appraisal.summary_viewed", pgettext_lazy("audit", "เปิดดูสรุปผลการประเมินของรอบ")
    TRAINING_RECORDED = "training.recorded", pgettext_lazy("audit", "บันทึกการฝึกอบรม")
    TRAINING_CHANGED = "training.changed", pgettext_lazy("audit", "แก้ไขบันทึกการฝึกอบรม")
    TRAINING_REMOVED = "training.removed", pgettext_lazy("audit", "ลบบันทึกการฝึกอบรม")
    REPORT_PREPARED = "report.prepared", pgettext_lazy("audit", "จัดทำรายงานผลการดำเนินงาน")
    REPORT_ACKNOWLEDGED = "report.acknowledged", pgettext_lazy("audit", "ผู้บริหารรับทราบรายงานผลการดำเนินงาน")
    PROCUREMENT_SUMMARY_SAVED = "procurement.summary_saved", pgettext_lazy("audit", "บันทึกรายการ สขร.1")
    PROCUREMENT_SUMMARY_SENT = "procurement.summary_sent", pgettext_lazy("audit", "ส่งขออนุมัติเผยแพร่ สขร.1")
    PROCUREMENT_PLAN_SAVED = "procurement.plan_saved", pgettext_lazy("audit", "บันทึกแผนการจัดซื้อจัดจ้าง")
    PROCUREMENT_PLAN_SENT = "procurement.plan_sent", pgettext_lazy("audit", "ส่งขออนุมัติเผยแพร่แผนการจัดซื้อจัดจ้าง")
    PROCUREMENT_PROGRESS_SAVED = "procurement.progress_saved", pgettext_lazy("audit", "บันทึกผลการจัดซื้อจัดจ้างรายไตรมาส")
    PROCUREMENT_PROGRESS_SENT = "procurement.progress_sent", pgettext_lazy("audit", "ส่งขออนุมัติเผยแพร่ผลรายไตรมาส")
    # Public participation (participation/): rows name a case by its reference only, never the person.
    PARTICIPATION_RECEIVED = "participation.received", pgettext_lazy("audit", "รับเรื่องจากประชาชน")
    PARTICIPATION_VIEWED = "participation.viewed", pgettext_lazy("audit", "เปิดดูเรื่องร้องเรียนหรือความคิดเห็น")
    PARTICIPATION_LISTED = "participation.listed", pgettext_lazy("audit", "เปิดดูรายการเรื่องร้องเรียนการทุจริต")
    PARTICIPATION_FILE_VIEWED = "participation.file_viewed", pgettext_lazy("audit", "เปิดไฟล์แนบเรื่องร้องเรียน")
    PARTICIPATION_ASSIGNED = "participation.assigned", pgettext_lazy("audit", "มอบหมายผู้รับผิดชอบเรื่อง")
    PARTICIPATION_STATUS = "participation.status", pgettext_lazy("audit", "เปลี่ยนสถานะเรื่อง")
    PARTICIPATION_NOTE = "participation.note", pgettext_lazy("audit", "บันทึกภายในของเรื่อง")
    PARTICIPATION_REPLIED = "participation.replied", pgettext_lazy("audit", "ตอบผู้แจ้งเรื่อง")
    PARTICIPATION_CLOSED = "participation.closed", pgettext_lazy("audit", "ปิดเรื่อง")
    PARTICIPATION_ESCALATED = "participation.escalated", pgettext_lazy("audit", "แจ้งเตือนเรื่องที่เลยกำหนด")
    PARTICIPATION_ERASED = "participation.erased", pgettext_lazy("audit", "ลบข้อมูลส่วนบุคคลของผู้แจ้งเรื่อง")
    PARTICIPATION_FAQ_PUBLISHED = "participation.faq_published", pgettext_lazy("audit", "เผยแพร่คำถามที่พบบ่อย")
    PARTICIPATION_FAQ_WITHDRAWN = "participation.faq_withdrawn", pgettext_lazy("audit", "นำคำถามที่พบบ่อยออก")
    PARTICIPATION_HANDLERS = "participation.handlers", pgettext_lazy("audit", "กำหนดผู้รับผิดชอบเรื่องร้องเรียน")
    PARTICIPATION_SETTINGS = "participation.settings", pgettext_lazy("audit", "ตั้งค่ากำหนดเวลาเรื่องร้องเรียน")
    PARTICIPATION_SUMMARY = "participation.summary", pgettext_lazy("audit", "จัดทำสรุปผลเรื่องร้องเรียน")


# The jobs that act without a person, as record(system=…) and cli_actor name them, in the words people read.
SYSTEM_JOBS = {
    "audit-verify": _("ตรวจความครบถ้วนของบันทึกตรวจสอบ"),
    "backup": _("สำรองข้อมูล"),
    "create_operator": _("สร้างบัญชีผู้ดูแลแพลตฟอร์ม"),
    "housekeeping": _("งานดูแลระบบประจำวัน"),
    "login": _("การเข้าสู่ระบบ"),
    "restore": _("กู้คืนข้อมูล"),
    "sync_standard": _("ปรับข้อมูลมาตรฐาน"),
    "traffic": _("ข้อมูลจราจร"),
    "traffic-purge": _("ลบข้อมูลจราจรที่พ้นกำหนดเก็บ"),
    "traffic-seal": _("ปิดผนึกข้อมูลจราจร"),
    "traffic-verify": _("ตรวจความถูกต้องของข้อมูลจราจร"),
}  # fmt: skip


def actor_display(label):
    """Return how a stored actor label reads to a person: 'system:sync_standard' → 'ระบบ (ปรับข้อมูลมาตรฐาน)'.

    The label stays as it was recorded (the chain's hash covers it); only its rendering is Thai. A username
    is shown as it is; a command-line job run by a machine account ("backup:root") names that account.
    """
    from django.utils.translation import gettext as t

    if not label or label == "anonymous":
        return t("บุคคลทั่วไป (ไม่ได้เข้าสู่ระบบ)")
    if label == "system":
        return t("ระบบ")
    if not label.startswith("system:"):
        return label
    job, _colon, login = label.removeprefix("system:").partition(":")
    name = SYSTEM_JOBS.get(job, job)
    if login:
        return t("ระบบ (%(job)s สั่งโดยบัญชีเครื่อง %(login)s)") % {"job": name, "login": login}
    return t("ระบบ (%(job)s)") % {"job": name}


class AuditEvent(AppendOnly):
    """เหตุการณ์ในบันทึกตรวจสอบ. Rows are only ever added, each chained to the one before (LOG-7).

    One chain for the whole trail, in the order rows were committed: an auditor checks one sequence,
    and an office's events are a filter of it. `seq`, `prev_hash` and `hash` are given in `save()`,
    inside the caller's transaction: if that rolls back, the row and the advance of the head go with it.
    """

    office = models.ForeignKey(
        "org.Office", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("สำนักงาน")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("บัญชีผู้กระทำ"),
    )  # fmt: skip
    actor_label = models.CharField(_("ผู้กระทำ"), max_length=200, help_text=_("ชื่อผู้ใช้ หรือชื่องานของระบบ ตามที่บันทึกไว้"))
    action = models.CharField(_("การกระทำ"), max_length=60, choices=AuditCode.choices)
    object_type = models.CharField(_("ชนิดของวัตถุ"), max_length=60, blank=True)
    object_id = models.CharField(_("รหัสของวัตถุ"), max_length=64, blank=True)
    object_repr = models.CharField(_("วัตถุ"), max_length=300, blank=True)
    changes = models.JSONField(_("รายละเอียด"), default=dict, blank=True)
    address = models.GenericIPAddressField(_("ที่อยู่ IP"), null=True, blank=True)
    # Set in save(), not by auto_now_add: the hash covers it, so it must be known before the INSERT.
    created_at = models.DateTimeField(_("เวลา"), default=timezone.now, editable=False, db_index=True)
    seq = models.PositiveBigIntegerField(_("ลำดับในสายโซ่"), unique=True, editable=False)
    prev_hash = models.CharField(_("ค่าแฮชของรายการก่อนหน้า"), max_length=64, editable=False)
    hash = models.CharField(_("ค่าแฮช"), max_length=64, editable=False)

    class Meta:
        verbose_name = _("เหตุการณ์ในบันทึกตรวจสอบ")
        verbose_name_plural = _("บันทึกตรวจสอบ")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
            # An office's trail newest first, and the newest event of a kind (the last backup), without reading
            # a province's whole trail.
            models.Index(fields=["office", "created_at", "id"], name="audit_office_time"),
            models.Index(fields=["action", "created_at"], name="audit_action_time"),
        ]

    def __str__(self):
        when = thai_datetime(self.created_at, short=True)  # the office's time, Buddhist era
        return f"{when} {self.actor_name} {self.get_action_display()} {self.object_repr}"

    def save(self, *args, **kwargs):
        """Chain the new row onto the head, inside the caller's transaction (a savepoint if one is open)."""
        if not self._state.adding:
            super().save(*args, **kwargs)  # refuses
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            head = chain.locked(
                ChainHead.objects.using(using).filter(name=AUDIT_CHAIN), create=lambda: ChainHead.resume_audit(using)
            )
            self.created_at = timezone.now()
            self.changes = chain.canonical_json(self.changes)
            self.seq = head.seq + 1
            self.prev_hash = head.last_hash or chain.genesis(AUDIT_CHAIN)
            self.hash = self.compute_hash()
            super().save(*args, **kwargs)
            ChainHead.objects.using(using).filter(pk=head.pk).update(
                seq=self.seq, last_hash=self.hash, updated_at=self.created_at
            )

    def get_action_display(self):
        """The action's label, translating that one only: Django's own hashes every lazy label of AuditCode."""
        try:
            return AuditCode(self.action).label
        except ValueError:  # a code no longer in AuditCode, kept in an old row
            return self.action

    @property
    def actor_name(self):
        """Who acted, as a person reads it: their name, or what a system label stands for (actor_display)."""
        if self.actor_id and self.actor:
            return self.actor.get_full_name() or self.actor.get_username()
        return actor_display(self.actor_label)

    def compute_hash(self):
        """Return the SHA-256 of this row's canonical form and its link (recipe "audit/1", as in migration 0004)."""
        return chain.digest(
            "audit/1",
            self.seq,
            chain.canonical_time(self.created_at),
            self.office_id,
            self.actor_id,
            self.actor_label,
            self.action,
            self.object_type,
            self.object_id,
            self.object_repr,
            chain.canonical_json(self.changes),
            chain.canonical_address(self.address),
            self.prev_hash,
        )


class ChainHead(models.Model):
    """The newest link of a chain, locked by each writer so no two rows chain onto the same predecessor."""

    name = models.CharField(max_length=40, primary_key=True)
    seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("หัวสายโซ่")
        verbose_name_plural = _("หัวสายโซ่")

    def __str__(self):
        return f"{self.name} #{self.seq}"

    @classmethod
    def resume_audit(cls, using):
        """Create the audit head, continuing from the newest row (a flushed test database, or a lost head row).

        A head rebuilt from the rows cannot notice rows removed from the end before it was rebuilt; say so
        in the operator log.
        """
        import logging

        last = AuditEvent.objects.using(using).order_by("-seq").values("seq", "hash").first()
        if last:
            logging.getLogger("khaosan.audit").error(
                "audit chain head was missing and has been rebuilt from row seq %s", last["seq"]
            )
        return cls.objects.using(using).create(
            name=AUDIT_CHAIN, seq=last["seq"] if last else 0, last_hash=last["hash"] if last else ""
        )


class TrafficRecord(AppendOnly):
    """ข้อมูลจราจรทางคอมพิวเตอร์: one HTTP request (CCA s.26; MDES notification B.E. 2564; LOG-5, LOG-6).

    Chained per day (`segment`, the UTC date it was written under) in `seq` order; the segment's row
    is the head. No foreign key to the user: the log must outlive accounts unchanged (LOG-3).
    """

    segment = models.DateField(_("วัน (UTC)"), editable=False)
    seq = models.PositiveBigIntegerField(_("ลำดับ"), editable=False)
    at = models.DateTimeField(
        _("เวลา"), help_text=_("เวลาที่เริ่มรับคำขอ เก็บเป็นเวลาสากล (UTC) ละเอียดถึงมิลลิวินาที แสดงเป็นเวลาประเทศไทย")
    )
    address = models.GenericIPAddressField(_("ที่อยู่ IP"), null=True, blank=True)
    port = models.PositiveIntegerField(_("พอร์ต"), null=True, blank=True)
    user_id = models.BigIntegerField(_("รหัสผู้ใช้"), null=True, blank=True)
    username = models.CharField(_("ชื่อผู้ใช้"), max_length=150, blank=True)
    method = models.CharField(_("วิธี"), max_length=16)
    path = models.CharField(_("URL"), max_length=2000)
    status = models.PositiveSmallIntegerField(_("สถานะ"))
    response_bytes = models.BigIntegerField(_("ขนาดที่ตอบ (ไบต์)"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("ใช้เวลา (มิลลิวินาที)"))
    user_agent = models.CharField(_("โปรแกรมค้นดู"), max_length=300, blank=True)
    request_id = models.CharField(_("รหัสคำขอ"), max_length=64)
    # The host the request named, so an office reads its own visitors' records where offices share the log.
    host = models.CharField(_("ชื่อโฮสต์"), max_length=255, blank=True, default="", db_default="")
    prev_hash = models.CharField(_("ค่าแฮชของรายการก่อนหน้า"), max_length=64, editable=False)
    hash = models.CharField(_("ค่าแฮช"), max_length=64, editable=False)

    class Meta:
        verbose_name = _("ข้อมูลจราจรทางคอมพิวเตอร์")
        verbose_name_plural = _("ข้อมูลจราจรทางคอมพิวเตอร์")
        ordering = ["-segment", "-seq"]
        # The only index: every page written per request costs (bench/README.md). Reads go by day.
        constraints = [models.UniqueConstraint(fields=["segment", "seq"], name="traffic_place_in_chain")]

    def __str__(self):
        return f"{chain.canonical_time(self.at, milliseconds=True)} {self.address} {self.method} {self.path}"

    def compute_hash(self):
        return traffic_record_hash(*(getattr(self, name) for name in TRAFFIC_HASHED_FIELDS))


TRAFFIC_HASHED_FIELDS = (
    "segment", "seq", "at", "address", "port", "user_id", "username", "method", "path", "status", "response_bytes",
    "duration_ms", "user_agent", "request_id", "prev_hash", "host",
)  # fmt: skip


def traffic_record_hash(
    segment, seq, at, address, port, user_id, username, method, path, status, response_bytes, duration_ms,
    user_agent, request_id, prev_hash, host="",
):  # fmt: skip
    """Return the hash of one traffic record, from its values in TRAFFIC_HASHED_FIELDS order.

    Recipe "traffic/2" covers the host; a record without one (written before the host was kept) keeps recipe
    "traffic/1", so the chains written before still verify, and a host added to such a record later breaks them.
    """
    values = (
        segment.isoformat(), seq, chain.canonical_time(at, milliseconds=True), chain.canonical_address(address), port,
        user_id, username, method, path, status, response_bytes, duration_ms, user_agent, request_id, prev_hash,
    )  # fmt: skip
    return chain.digest("traffic/2", *values, host) if host else chain.digest("traffic/1", *values)


class FollowedLog(models.Model):
    """How far the traffic follower has read one nginx access log into the traffic chain (audit/follower.py)."""

    path = models.CharField(_("ไฟล์บันทึกของ nginx"), max_length=500, unique=True)
    inode = models.PositiveBigIntegerField(_("inode"), default=0)
    offset = models.PositiveBigIntegerField(_("อ่านถึงไบต์ที่"), default=0)
    written = models.PositiveBigIntegerField(_("บันทึกแล้ว"), default=0)
    skipped = models.PositiveBigIntegerField(_("ข้าม (khaosan บันทึกเอง)"), default=0)
    malformed = models.PositiveBigIntegerField(_("บรรทัดที่อ่านไม่ได้"), default=0)
    updated_at = models.DateTimeField(_("อ่านล่าสุด"), auto_now=True)

    class Meta:
        verbose_name = _("บันทึกการเข้าถึงของ nginx ที่ติดตาม")
        verbose_name_plural = _("บันทึกการเข้าถึงของ nginx ที่ติดตาม")

    def __str__(self):
        return self.path


class TrafficSegment(models.Model):
    """One UTC day of the traffic log: the head of its chain while open, then sealed with a digest.

    Sealed segments chain to each other (`prev_digest`), and the row stays after its records are
    purged, so the sequence of days remains checkable for as long as the database lives.
    """

    day = models.DateField(_("วัน (UTC)"), unique=True)
    count = models.PositiveBigIntegerField(_("จำนวนรายการ"), default=0)
    last_hash = models.CharField(_("ค่าแฮชของรายการล่าสุด"), max_length=64, blank=True)
    opened_at = models.DateTimeField(_("เริ่มบันทึกเมื่อ"), default=timezone.now)
    sealed_at = models.DateTimeField(_("ปิดผนึกเมื่อ"), null=True, blank=True)
    records_digest = models.CharField(_("ค่าตรวจสอบของรายการ"), max_length=64, blank=True)
    prev_digest = models.CharField(_("ค่าตรวจสอบของวันก่อนหน้า"), max_length=64, blank=True)
    digest = models.CharField(_("ค่าตรวจสอบ"), max_length=64, blank=True)
    clock_synchronised = models.BooleanField(_("นาฬิกาตรงกับเวลามาตรฐาน"), null=True, blank=True)
    clock_offset_ms = models.FloatField(_("คลาดเคลื่อน (มิลลิวินาที)"), null=True, blank=True)
    clock_source = models.CharField(_("แหล่งเวลา"), max_length=40, blank=True)
    purged_at = models.DateTimeField(_("ลบรายการเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("ข้อมูลจราจรรายวัน")
        verbose_name_plural = _("ข้อมูลจราจรรายวัน")
        ordering = ["-day"]

    def __str__(self):
        return self.day.isoformat()

    def compute_digest(self):
        return chain.digest(
            "traffic-segment/1",
            self.day.isoformat(),
            self.count,
            self.last_hash,
            self.records_digest,
            self.prev_digest,
            chain.canonical_time(self.sealed_at),
            self.clock_synchronised,
            self.clock_offset_ms,
            self.clock_source,
        )


class TrafficHold(AppendOnly):
    """An official's order to keep one day of the traffic log beyond the retention period (LOG-2)."""

    segment = models.ForeignKey(
        TrafficSegment, on_delete=models.PROTECT, related_name="holds", verbose_name=_("วันของข้อมูลจราจร")
    )
    until = models.DateField(_("เก็บไว้ถึง"))
    reason = models.TextField(_("เหตุผล / คำสั่ง"))
    actor_label = models.CharField(_("ผู้สั่ง"), max_length=200)
    created_at = models.DateTimeField(_("สั่งเมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("คำสั่งเก็บรักษาข้อมูลจราจร")
        verbose_name_plural = _("คำสั่งเก็บรักษาข้อมูลจราจร")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.segment} → {self.until}"


class TrafficWriteFailure(models.Model):
    """How many requests of a day could not be logged, for the back-office to show (LOG-1)."""

    day = models.DateField(unique=True)
    count = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    last_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("การบันทึกข้อมูลจราจรที่ไม่สำเร็จ")
        verbose_name_plural = _("การบันทึกข้อมูลจราจรที่ไม่สำเร็จ")
        ordering = ["-day"]

    def __str__(self):
        return f"{self.day}: {self.count}"


class ChainVerification(models.Model):
    """One run of `traffic verify` or `audit verify` and what it found."""

    class Chain(models.TextChoices):
        TRAFFIC = "traffic", _("ข้อมูลจราจร")
        AUDIT = "audit", _("บันทึกตรวจสอบ")

    chain = models.CharField(_("บันทึกที่ตรวจ"), max_length=20, choices=Chain.choices)
    started_at = models.DateTimeField(_("เริ่มตรวจเมื่อ"))
    finished_at = models.DateTimeField(_("ตรวจเสร็จเมื่อ"))
    ok = models.BooleanField(_("ถูกต้อง"))
    records = models.PositiveBigIntegerField(_("จำนวนรายการ"), default=0)
    segments = models.PositiveIntegerField(_("จำนวนวัน"), default=0)
    problem_count = models.PositiveIntegerField(_("จำนวนจุดที่ผิดปกติ"), default=0)
    problems = models.JSONField(_("จุดที่ผิดปกติ"), default=list, blank=True)
    date_from = models.DateField(_("ตั้งแต่วันที่"), null=True, blank=True)
    date_to = models.DateField(_("ถึงวันที่"), null=True, blank=True)
    actor_label = models.CharField(_("ผู้สั่งตรวจ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("การตรวจสอบความถูกต้องของบันทึก")
        verbose_name_plural = _("การตรวจสอบความถูกต้องของบันทึก")
        ordering = ["-started_at"]
        get_latest_by = "started_at"

    def __str__(self):
        return f"{self.get_chain_display()} {self.started_at:%Y-%m-%d %H:%M}"


class Heartbeat(models.Model):
    """The last run of a scheduled job, watched by the back-office (DESIGN: scheduled jobs)."""

    job = models.CharField(_("งาน"), max_length=60, primary_key=True)
    last_started_at = models.DateTimeField(_("เริ่มครั้งล่าสุด"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("เสร็จครั้งล่าสุด"), null=True, blank=True)
    last_ok = models.BooleanField(_("ครั้งล่าสุดสำเร็จ"), null=True)
    summary = models.JSONField(_("สรุปผล"), default=dict, blank=True)
    runs = models.PositiveIntegerField(_("จำนวนครั้งที่ทำงาน"), default=0)

    class Meta:
        verbose_name = _("สถานะงานตามกำหนดเวลา")
        verbose_name_plural = _("สถานะงานตามกำหนดเวลา")
        ordering = ["job"]

    def __str__(self):
        return self.job


def verification_save(result, *, date_from=None, date_to=None, actor_label="system"):
    """Keep the outcome of a verification, for the back-office's log status screen."""
    return ChainVerification.objects.create(
        chain=result.chain,
        started_at=result.started_at,
        finished_at=timezone.now(),
        ok=result.ok,
        records=result.records,
        segments=result.segments,
        problem_count=len(result.problems),
        problems=result.problems[: chain.MAX_STORED_PROBLEMS],
        date_from=date_from,
        date_to=date_to,
        actor_label=actor_label[:200],
    )
