"""Writes of the currency checks: takedowns recorded, warnings and alarms sent, the daily snapshot.

These are housekeeping jobs (audit.services.HOUSEKEEPING_JOBS). Each is idempotent: what it sends is
recorded as a Reminder (kind, key) in the same transaction, so a second run on the same day sends nothing,
and a run after a missed day catches up without sending twice. Public pages never wait for them: an item
leaves the public site at its expiry instant whether the job ran or not (DESIGN principle 5).
"""

import datetime as dt
import logging
import math

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from khaosan.audit.models import AuditCode
from khaosan.audit.services import record
from khaosan.catalog.models import Item, StandardRelease
from khaosan.catalog.services import item_snapshot
from khaosan.compliance.models import ComplianceSnapshot, Reminder
from khaosan.compliance.states import completeness, policy, topic_statuses
from khaosan.errors import NotAllowed, RoleRequired
from khaosan.org.models import Office, Staff
from khaosan.org.roles import Role, has_role, members
from khaosan.thai.calendar import is_working_day, office_closures
from khaosan.thai.dates import thai_date, thai_datetime
from khaosan.workflow.models import PublicationRequest, State
from khaosan.workflow.notify import notify

logger = logging.getLogger("khaosan.compliance")
SYSTEM = "housekeeping"


def reminder_once(*, office, kind, key, recipients=0):
    """Record that (kind, key) was sent; return False when it had been already (nothing to send then)."""
    try:
        with transaction.atomic():
            Reminder.objects.create(office=office, kind=kind, key=key, recipients=recipients)
    except IntegrityError:
        return False
    return True


def item_owners(item):
    """Who answers for an item: the people behind its request, else the active staff of its owner unit."""
    people = {}
    for pub_request in PublicationRequest.objects.filter(item=item).select_related("requester", "registered_by"):
        for person in (pub_request.requester, pub_request.registered_by):
            if person is not None and person.is_active:
                people[person.pk] = person
    if not people and item.owner_unit_id:
        people = {p.pk: p for p in Staff.objects.filter(unit_id=item.owner_unit_id, is_active=True)}
    return list(people.values())


def _item_link(item):
    return reverse("backoffice:item", args=[item.pk])


class _PeopleOfOffices:
    """Each office's members in some roles, asked once per run however many of its items or requests speak."""

    def __init__(self):
        self._known = {}

    def __call__(self, office, *roles):
        if (office.pk, roles) not in self._known:
            self._known[office.pk, roles] = [person for role in roles for person in members(office, role)]
        return self._known[office.pk, roles]


def _tell_about_item(item, *, subject, message, webmasters=None):
    """Tell the item's owners and the office's web masters (`webmasters`, when the caller has them already)."""
    if webmasters is None:
        webmasters = members(item.office, Role.WEBMASTER)
    people = {p.pk: p for p in [*item_owners(item), *webmasters]}
    notify(list(people.values()), pub_request=None, subject=subject, message=message, url=_item_link(item))
    return len(people)


# Items leaving at their expiry instant (S-2.4, S-3.2) -------------------------------------------------


def _expiry_key(item):
    return f"{item.pk}:{item.expire_at.isoformat()}"


@transaction.atomic
def item_expiry_record(*, item, now, webmasters=None):
    """Record that `item` left the public site at its expiry: its state kept as a version, an audit row,
    and a notice to its owner and the web masters. Nothing is deleted; its address answers 410 (archive).
    """
    if not reminder_once(office=item.office, kind="item.expired", key=_expiry_key(item)):
        return False
    item_snapshot(item=item, note=_("นำออกเมื่อครบกำหนด %(when)s") % {"when": thai_datetime(item.expire_at)})
    record(None, AuditCode.ITEM_EXPIRED, item, system=SYSTEM, expire_at=item.expire_at)
    _tell_about_item(
        item,
        webmasters=webmasters,
        subject=_("นำออกจากเว็บไซต์แล้วเมื่อครบกำหนด: %(title)s") % {"title": item.title},
        message=_("รายการ “%(title)s” ครบกำหนดเผยแพร่และถูกนำออกจากเว็บไซต์เมื่อ %(when)s ข้อมูลยังเก็บไว้ในคลัง "
                  "หากต้องการเผยแพร่อีก โปรดยื่นคำขอเผยแพร่ใหม่") % {
            "title": item.title, "when": thai_datetime(item.expire_at)},
    )  # fmt: skip
    return True


def _warn_before_expiry(item, days_left, *, webmasters=None):
    _tell_about_item(
        item,
        webmasters=webmasters,
        subject=_("อีก %(days)d วันจะครบกำหนดเผยแพร่: %(title)s") % {"days": days_left, "title": item.title},
        message=_("รายการ “%(title)s” จะถูกนำออกจากเว็บไซต์เมื่อ %(when)s หากยังต้องเผยแพร่ต่อ โปรดยื่นคำขอแทนที่"
                  "ก่อนวันดังกล่าว") % {"title": item.title, "when": thai_datetime(item.expire_at)},
    )  # fmt: skip


def housekeeping_expiry(*, now=None):
    """Record every takedown since the last run, and warn owners 14 and 3 days before an item leaves."""
    now = now or timezone.now()
    expired = warned = 0
    recorded = set(Reminder.objects.filter(kind="item.expired").values_list("key", flat=True))
    people = _PeopleOfOffices()

    gone = Item.objects.filter(status=Item.Status.PUBLISHED, publish_at__isnull=False, expire_at__lte=now)
    for item in gone.select_related("office").order_by("expire_at", "pk"):
        if _expiry_key(item) not in recorded:
            expired += item_expiry_record(item=item, now=now, webmasters=people(item.office, Role.WEBMASTER))

    thresholds = sorted(policy()["expiry_warnings_days"])
    horizon = now + dt.timedelta(days=max(thresholds, default=0))
    soon = Item.objects.filter(status=Item.Status.PUBLISHED, publish_at__lte=now, expire_at__gt=now,
                               expire_at__lte=horizon)  # fmt: skip
    for item in soon.select_related("office").order_by("expire_at", "pk"):
        left = item.expire_at - now
        # Only the nearest threshold speaks: an item first seen 2 days ahead gets the 3-day warning, once.
        due = [d for d in thresholds if left <= dt.timedelta(days=d)]
        with transaction.atomic():
            sent = [reminder_once(office=item.office, kind=f"item.expiring.{d}", key=_expiry_key(item)) for d in due]
            if sent[0]:
                days_left = math.ceil(left / dt.timedelta(days=1))
                _warn_before_expiry(item, days_left, webmasters=people(item.office, Role.WEBMASTER))
                warned += 1
    return {"expired": expired, "warned": warned}


# The publication deadline: 3 working days after approval (S-1.10, S-2.3) ------------------------------


def working_day_before(day, *, closures):
    day -= dt.timedelta(days=1)
    while not is_working_day(day, closures=closures):
        day -= dt.timedelta(days=1)
    return day


def _request_link(pub_request):
    return reverse("backoffice:request", args=[pub_request.pk])


DEADLINE_ALARMS = {"eve": "request.due.eve", "due": "request.due.day", "late": "request.late"}


def _deadline_alarm(due, today, closures):
    """Which alarm a request due on `due` calls for today: "eve", "due", "late", or None (not yet)."""
    if today > due:
        return "late"
    if today == due:
        return "due"
    return "eve" if working_day_before(due, closures=closures) <= today else None


def housekeeping_deadlines(*, now=None):
    """Alarm before the publication deadline passes: web masters the working day before, the head of the
    website group and the administrator on the day, everyone concerned once it is late.

    Each alarm goes out once (`reminder_once`); those already sent are read in one query first, so a
    province's hundreds of late requests cost nothing on the days after their alarm.
    """
    today = timezone.localdate(now or timezone.now())
    counts = {"eve": 0, "due": 0, "late": 0}
    sent = set(Reminder.objects.filter(kind__in=DEADLINE_ALARMS.values()).values_list("kind", "key"))
    waiting = PublicationRequest.objects.filter(state=State.APPROVED, due_on__isnull=False).select_related("office")
    closures, people = {}, _PeopleOfOffices()
    for pub_request in waiting.order_by("due_on", "pk"):
        office = pub_request.office
        if office.pk not in closures:
            closures[office.pk] = office_closures(office)
        due, ref = pub_request.due_on, pub_request.reference
        alarm = _deadline_alarm(due, today, closures[office.pk])
        if alarm is None or (DEADLINE_ALARMS[alarm], str(pub_request.pk)) in sent:
            continue
        webmasters, heads = people(office, Role.WEBMASTER), people(office, Role.REVIEWER, Role.ADMINISTRATOR)
        facts = {"ref": ref, "title": pub_request.title, "due": thai_date(due)}
        if alarm == "eve":
            recipients = webmasters
            subject = _("พรุ่งนี้ครบกำหนดเผยแพร่: %(title)s") % facts
            message = _("คำขอ %(ref)s “%(title)s” อนุมัติแล้วและต้องเผยแพร่ภายใน %(due)s โปรดนำขึ้นเผยแพร่") % facts
        elif alarm == "due":
            recipients = [*heads, *webmasters]
            subject = _("วันนี้ครบกำหนดเผยแพร่: %(title)s") % facts
            message = _("คำขอ %(ref)s “%(title)s” ครบกำหนดเผยแพร่วันนี้ (%(due)s) และยังไม่ได้เผยแพร่") % facts
        else:
            recipients = [*heads, *webmasters]
            subject = _("เลยกำหนดเผยแพร่แล้ว: %(title)s") % facts
            message = _("คำขอ %(ref)s “%(title)s” เลยกำหนดเผยแพร่ (%(due)s) แล้ว "
                        "โปรดนำขึ้นเผยแพร่โดยเร็ว การเผยแพร่ล่าช้าจะถูกบันทึกในรายงานผล") % facts  # fmt: skip
        with transaction.atomic():
            if reminder_once(office=office, kind=DEADLINE_ALARMS[alarm], key=str(pub_request.pk)):
                notify(recipients, pub_request=pub_request, url=_request_link(pub_request), subject=subject,
                       message=message)  # fmt: skip
                counts[alarm] += 1
    return counts


# The daily snapshot of the score (S-3.3) --------------------------------------------------------------


def compliance_snapshot(*, office, now=None):
    """Keep today's score and every topic's state; a second run the same day replaces the first."""
    now = now or timezone.now()
    statuses = topic_statuses(office, at=now)
    result = completeness(statuses)
    release = StandardRelease.objects.order_by("-synced_at", "-pk").first()
    snapshot, _created = ComplianceSnapshot.objects.update_or_create(
        office=office,
        date=timezone.localdate(now),
        defaults={
            "score": result.score,
            "counts": result.counts,
            "topics": {s.topic.code: s.state for s in statuses},
            "standard_version": release.version if release else "",
            "created_at": now,
        },
    )
    return snapshot


def housekeeping_snapshot(*, now=None):
    return {office.slug: float(compliance_snapshot(office=office, now=now).score) for office in Office.objects.all()}


# Asking a unit for what a topic lacks ("request this") -----------------------------------------------


@transaction.atomic
def topic_request_ask(*, office, actor, topic):
    """A web master asks the staff of the topic's responsible units to file the request it needs.

    They get a message with a link to a request already filled in with the topic and a title. Once a day
    per topic, so a second click does not flood anyone's inbox.
    """
    if actor.office_id != office.pk or not has_role(actor, Role.WEBMASTER):
        raise RoleRequired(_("แจ้งหน่วยงานได้เฉพาะผู้ดูแลเว็บไซต์ของสำนักงาน"))
    (status,) = topic_statuses(office, topics=[topic])
    people = list(Staff.objects.filter(unit__in=status.units, is_active=True).exclude(pk=actor.pk))
    if not people:
        raise NotAllowed(_("หัวข้อนี้ไม่มีหน่วยงานที่รับผิดชอบโดยเฉพาะ หรือหน่วยงานยังไม่มีเจ้าหน้าที่ในระบบ"))
    today = timezone.localdate()
    if not reminder_once(
        office=office, kind="topic.ask", key=f"{office.pk}:{topic.code}:{today}", recipients=len(people)
    ):
        raise NotAllowed(_("วันนี้แจ้งหน่วยงานเรื่องหัวข้อนี้ไปแล้ว"))
    link = f"{reverse('backoffice:request-new')}?{urlencode({'topic': topic.code, 'title': status.suggested_title})}"
    facts = {"topic": topic.name_th, "state": status.label, "who": actor.get_full_name() or actor.get_username(),
             "title": status.suggested_title, "reason": status.reason}  # fmt: skip
    notify(people, pub_request=None, url=link,
           subject=_("ขอให้ส่งข้อมูลเผยแพร่: %(title)s") % facts,
           message=_("%(who)s (ผู้ดูแลเว็บไซต์) ขอให้หน่วยงานของท่านยื่นคำขอเผยแพร่หัวข้อ “%(topic)s” "
                     "ซึ่งขณะนี้%(state)s: %(reason)s เปิดลิงก์เพื่อยื่นคำขอที่กรอกหัวข้อไว้ให้แล้ว") % facts)  # fmt: skip
    return len(people)
