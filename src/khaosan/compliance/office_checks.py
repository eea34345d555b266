"""Checks of the office beside its topics: what the standard asks of the site and of the people behind it.

Each check says in Thai what was found and, when it fails, what to do; none of them writes anything.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from khaosan.audit.models import AuditCode, AuditEvent, Heartbeat
from khaosan.org.roles import Role, members
from khaosan.thai.dates import thai_datetime

MIN_WEBMASTERS = 2  # S-3.1: at least two, so one can stand in for the other
HOUSEKEEPING_LATE = dt.timedelta(hours=26)  # a daily job, with room for the timer's own delay
BACKUP_LATE = dt.timedelta(days=2)


@dataclass
class OfficeCheck:
    code: str
    title: str
    ok: bool
    detail: str
    source: str = ""  # the rule it comes from (S-3.1, MOIT2 1.7 …)


def _completeness(code, title, source, present, *, complete):
    """A check that every one of `present` ((label, value) pairs) has a value; the detail names what lacks."""
    missing = [str(label) for label, value in present if not value]
    detail = complete if not missing else _("ยังขาด: %(what)s") % {"what": ", ".join(missing)}
    return OfficeCheck(code, title, not missing, detail, source)


def webmasters(office):
    count = members(office, Role.WEBMASTER).count()
    ok = count >= MIN_WEBMASTERS
    detail = (
        _("มีผู้ดูแลเว็บไซต์ %(n)d คน") % {"n": count}
        if ok
        else _("มีผู้ดูแลเว็บไซต์ %(n)d คน ต้องมีอย่างน้อย %(min)d คนเพื่อทำงานแทนกันได้ โปรดให้ผู้ดูแลระบบแต่งตั้งเพิ่ม")
        % {"n": count, "min": MIN_WEBMASTERS}
    )
    return OfficeCheck("webmasters", _("ผู้ดูแลเว็บไซต์อย่างน้อย 2 คน"), ok, detail, "S-3.1")


def contact(office):
    return _completeness(
        "contact", _("ข้อมูลการติดต่อครบ 5 อย่าง"), "MOIT2 1.7",
        [(_("ที่อยู่"), office.address), (_("โทรศัพท์"), office.phone), (_("โทรสาร"), office.fax),
         (_("อีเมล"), office.email), (_("แผนที่ตั้ง"), office.has_location or office.map_image)],
        complete=_("ครบทั้งที่อยู่ โทรศัพท์ โทรสาร อีเมล และแผนที่"),
    )  # fmt: skip


def executive(office):
    return _completeness(
        "executive", _("ข้อมูลผู้บริหารครบ 4 อย่าง"), "MOIT2 1.1",
        [(_("ภาพถ่าย"), office.executive_photo), (_("ชื่อ-นามสกุล"), office.executive_name),
         (_("ตำแหน่ง"), office.executive_position), (_("โทรศัพท์"), office.executive_phone or office.phone)],
        complete=_("มีภาพถ่าย ชื่อ ตำแหน่ง และโทรศัพท์ของผู้บริหาร"),
    )  # fmt: skip


def policies(office):
    # The four policy pages and the footer notice are part of every khaosan site (public/pages/, footer.html).
    return OfficeCheck("policies", _("นโยบายเว็บไซต์ ความเป็นส่วนตัว ความมั่นคงปลอดภัย และการเข้าถึง"), True,
                       _("มีครบทั้ง 4 หน้า และลิงก์จากส่วนท้ายของทุกหน้า"), "GWS-6.1 – 6.3")  # fmt: skip


def footer_notice(office):
    return OfficeCheck("footer", _("ข้อความส่วนท้าย: ที่อยู่ ช่องทางติดต่อ โปรแกรมที่ใช้เปิดไฟล์ สถิติผู้เข้าชม"), True,
                       _("แสดงในส่วนท้ายของทุกหน้า"), "S-2.6, GWS-7.7")  # fmt: skip


def https(office):
    ok = not settings.DEBUG and settings.SESSION_COOKIE_SECURE and getattr(settings, "SECURE_SSL_REDIRECT", False)
    detail = (
        _("บังคับใช้ HTTPS และคุกกี้แบบปลอดภัย")
        if ok
        else _("เครื่องนี้ตั้งค่าเป็นเครื่องทดลอง (ไม่บังคับ HTTPS) เครื่องจริงต้องตั้งค่าตามคู่มือ README หัวข้อการติดตั้งใช้งานจริง (Production)")
    )
    return OfficeCheck("https", _("เว็บไซต์ใช้ HTTPS"), ok, detail, "S-2.9")


def traffic_retention(office):
    days = settings.KHAOSAN["TRAFFIC_RETENTION_DAYS"]
    on = settings.KHAOSAN.get("TRAFFIC_LOG", True)
    ok = on and days >= 90
    detail = _("เก็บข้อมูลจราจร %(days)d วัน") % {"days": days} if on else _("ปิดการบันทึกข้อมูลจราจรอยู่ ต้องเปิด")
    return OfficeCheck("traffic", _("เก็บข้อมูลจราจรทางคอมพิวเตอร์อย่างน้อย 90 วัน"), ok, detail, "S-2.8")


def housekeeping(office, *, now=None):
    now = now or timezone.now()
    beat = Heartbeat.objects.filter(job="housekeeping").first()
    ran = beat.last_finished_at if beat else None
    ok = bool(ran and now - ran <= HOUSEKEEPING_LATE and beat.last_ok)
    if ran is None:
        detail = _("ยังไม่เคยทำงาน โปรดตั้งเวลาให้ทำงานทุกวันตามคู่มือ README หัวข้อการติดตั้งใช้งานจริง (Production)")
    elif not ok:
        detail = _("ทำงานครั้งล่าสุดเมื่อ %(when)s%(failed)s เกิน 1 วันแล้วหรือมีงานที่ไม่สำเร็จ โปรดตรวจสอบตัวตั้งเวลา") % {
            "when": thai_datetime(ran), "failed": "" if beat.last_ok else _(" (มีงานที่ไม่สำเร็จ)")}  # fmt: skip
    else:
        detail = _("ทำงานครั้งล่าสุดเมื่อ %(when)s") % {"when": thai_datetime(ran)}
    return OfficeCheck("housekeeping", _("งานดูแลระบบประจำวันทำงานตามกำหนด"), ok, detail, "S-3.2")


def backups(office, *, now=None):
    now = now or timezone.now()
    last = AuditEvent.objects.filter(action=AuditCode.BACKUP_CREATED).order_by("-created_at").first()
    ok = bool(last and now - last.created_at <= BACKUP_LATE)
    if last is None:
        detail = _("ยังไม่เคยสำรองข้อมูล โปรดตั้งเวลาสำรองข้อมูลทุกคืนตามคู่มือ README หัวข้อการติดตั้งใช้งานจริง (Production)")
    else:
        detail = _("สำรองข้อมูลครั้งล่าสุดเมื่อ %(when)s") % {"when": thai_datetime(last.created_at)}
    return OfficeCheck("backups", _("สำรองข้อมูลภายใน 2 วันที่ผ่านมา"), ok, detail, "SEC-10")


CHECKS = (webmasters, contact, executive, policies, footer_notice, https, traffic_retention, housekeeping, backups)


def office_checks(office, *, now=None):
    """Every check, in the order the dashboard shows them."""
    results = []
    for check in CHECKS:
        results.append(check(office, now=now) if check in (housekeeping, backups) else check(office))
    return results
