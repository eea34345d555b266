"""Writes to the catalog: items, their files, publishing and taking down.

Every function checks first, then changes, then records an audit event in the same transaction.
Who may (`ensure_webmaster_of`, `ensure_can_change`): a person changes, withdraws or publishes an item
only as a web master of its office, and changes or withdraws one directly (without a request) only where
the office does not send changes through its approval chain (Office.changes_need_approval, S-2.3);
otherwise workflow.request_publish carries out the approved request (`through_request=True`). An actor of
None is the system itself (housekeeping, the demo builder, sync_standard), with no person to check.
Uploads are inspected before anything is written, so a refused file leaves nothing behind; services
that store files run in `atomic_with_files()`, so a rollback takes the files it wrote off the disk too.
The search index follows item and attachment saves through `catalog.signals`.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from khaosan.audit.models import AuditCode
from khaosan.audit.services import record
from khaosan.catalog.files import inspect_upload
from khaosan.catalog.html import clean_html
from khaosan.catalog.models import Attachment, Item, ItemVersion, Topic
from khaosan.catalog.storage import atomic_with_files, store_blob
from khaosan.errors import NotAllowed, OtherOffice, RoleRequired
from khaosan.org.roles import Role, has_role

EDITABLE_FIELDS = (
    "topic", "title", "summary", "body", "external_url", "owner_unit", "source",
    "data_from", "data_to", "publish_at", "expire_at", "fiscal_year", "quarter",
)  # fmt: skip


class WebmasterRequired(RoleRequired):
    """Only a web master of the item's office publishes, changes or withdraws an item (S-2.3)."""

    code = "webmaster_required"


class ChangeNeedsApproval(NotAllowed):
    """The office sends every replacement and withdrawal through its approval chain: ask with a request."""

    code = "change_needs_approval"


class ItemLeftSite(NotAllowed):
    """An expired or withdrawn item comes back to the public site only through a new request (S-2.4)."""

    code = "item_left_site"


def _person(actor):
    return actor is not None and getattr(actor, "is_authenticated", False)


def ensure_webmaster_of(actor, office_id):
    """Raise unless `actor` (a person) is a web master of the office `office_id`; None is the system."""
    if actor is None:
        return
    if not _person(actor) or actor.office_id != office_id:
        raise OtherOffice(_("ไม่พบรายการนี้ในสำนักงานของท่าน โปรดเปิดรายการจากหน้ารายการที่เผยแพร่"))
    if not has_role(actor, Role.WEBMASTER):
        raise WebmasterRequired(_("เผยแพร่ แก้ไข หรือถอนรายการได้เฉพาะผู้ดูแลเว็บไซต์ของสำนักงาน "
                                  "โปรดยื่นคำขอเผยแพร่ คำขอแทนที่ หรือคำขอถอนแทน"))  # fmt: skip


def ensure_can_change(actor, item, *, withdraw=False, through_request=False):
    """Raise unless `actor` may change (or `withdraw`) `item` now, directly or carrying out an approved request.

    `through_request` is for workflow.request_publish, which has checked the approved request first.
    """
    ensure_webmaster_of(actor, item.office_id)
    if actor is None or through_request or not item.office.changes_need_approval:
        return
    if withdraw:
        raise ChangeNeedsApproval(_("สำนักงานกำหนดให้การถอนรายการต้องผ่านการอนุมัติ โปรดยื่นคำขอถอน"))
    raise ChangeNeedsApproval(_("สำนักงานกำหนดให้การแทนที่รายการต้องผ่านการอนุมัติ โปรดยื่นคำขอแทนที่"))


def can_change_directly(actor, item):
    """Whether the item's page offers `actor` the direct edit and withdraw buttons."""
    try:
        ensure_can_change(actor, item)
    except NotAllowed:
        return False
    return True


def inspect_uploads(uploads):
    """Inspect every upload; raise one ValidationError listing every refused file, or return them all."""
    inspected, errors = [], []
    for upload in uploads or ():
        try:
            inspected.append(inspect_upload(upload))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return inspected


def validate_item_fields(*, office, fields):
    """Check the rules an item must keep; raise ValidationError keyed by field, in Thai."""
    errors = {}
    topic = fields.get("topic")
    if not isinstance(topic, Topic):
        errors["topic"] = _("โปรดเลือกหัวข้อที่จะเผยแพร่")
    elif topic.retired_at is not None:
        errors["topic"] = _("หัวข้อ “%(topic)s” เลิกใช้แล้ว โปรดเลือกหัวข้ออื่น") % {"topic": topic.name}
    if not (fields.get("title") or "").strip():
        errors["title"] = _("โปรดระบุชื่อเรื่อง")
    owner_unit = fields.get("owner_unit")
    if owner_unit is not None and owner_unit.office_id != office.pk:
        errors["owner_unit"] = _("เจ้าของข้อมูลต้องเป็นหน่วยงานของสำนักงานนี้")
    data_from, data_to = fields.get("data_from"), fields.get("data_to")
    if data_from and data_to and data_to < data_from:
        errors["data_to"] = _("วันที่สิ้นสุดของข้อมูลต้องไม่ก่อนวันที่เริ่มต้น")
    publish_at, expire_at = fields.get("publish_at"), fields.get("expire_at")
    if publish_at and expire_at and expire_at <= publish_at:
        errors["expire_at"] = _("วันที่นำออกต้องอยู่หลังวันที่เผยแพร่")
    if isinstance(topic, Topic) and topic.kind == Topic.Kind.LINK and not fields.get("external_url"):
        errors["external_url"] = _("หัวข้อเว็บลิงก์ต้องมีที่อยู่เว็บไซต์ (URL)")
    if errors:
        raise ValidationError(errors)


def default_expiry(topic, publish_at):
    """Return the expiry a topic suggests for an item published at `publish_at` (or None)."""
    if topic.expire_days and publish_at:
        return publish_at + dt.timedelta(days=topic.expire_days)
    return None


@atomic_with_files()
def item_create(*, office, actor=None, files=(), status=Item.Status.DRAFT, **fields):
    """Create an item (a draft unless `status` says otherwise) with its files."""
    ensure_webmaster_of(actor, office.pk)
    fields["body"] = clean_html(fields.get("body", ""))
    validate_item_fields(office=office, fields=fields)
    inspected = inspect_uploads(files)
    item = Item(office=office, status=status, **fields)
    if status == Item.Status.PUBLISHED:
        item.publish_at = item.publish_at or timezone.now()
        item.expire_at = item.expire_at or default_expiry(item.topic, item.publish_at)
        item.published_by = actor if getattr(actor, "is_authenticated", False) else None
    item.full_clean(exclude=["topic", "owner_unit", "office", "published_by", "cover"])
    item.save()
    for order, facts in enumerate(inspected):
        _attach(item, facts, order=order)
    _set_cover(item)
    record(actor, AuditCode.ITEM_CREATED, item, status=status, topic=item.topic.code)
    return item


@transaction.atomic
def item_update(*, item, actor=None, through_request=False, **fields):
    """Change an item's content or provenance; the audit row keeps what changed.

    An item that has left the public site (expired or withdrawn) comes back only through a new request
    (S-2.4): a direct edit may correct it in the archive, never put it back on the site.
    """
    item = Item.objects.select_for_update(of=("self",)).get(pk=item.pk)
    ensure_can_change(actor, item, through_request=through_request)
    if item.was_public and not through_request and "expire_at" in fields:
        expire_at = fields["expire_at"]
        if expire_at is None or expire_at > timezone.now():
            raise ItemLeftSite(_("รายการนี้ถูกนำออกจากเว็บไซต์แล้ว จะกลับมาเผยแพร่ได้ด้วยคำขอเผยแพร่ใหม่เท่านั้น"),
                               field="expire_at")  # fmt: skip
    if "body" in fields:
        fields["body"] = clean_html(fields["body"])
    merged = {name: getattr(item, name) for name in EDITABLE_FIELDS} | fields
    validate_item_fields(office=item.office, fields=merged)
    changes = {}
    for name, value in fields.items():
        if name not in EDITABLE_FIELDS:
            raise TypeError(f"item_update() cannot change {name!r}")
        if getattr(item, name) != value:
            changes[name] = [str(getattr(item, name)), str(value)]
            setattr(item, name, value)
    if changes:
        item.save()
        record(actor, AuditCode.ITEM_UPDATED, item, changes=changes)
    return item


@transaction.atomic
def item_publish(*, item, actor=None, publish_at=None, expire_at=None):
    """Publish an item now or at `publish_at`; expiry defaults from its topic."""
    item = Item.objects.select_for_update(of=("self",)).get(pk=item.pk)
    ensure_webmaster_of(actor, item.office_id)
    publish_at = publish_at or item.publish_at or timezone.now()
    expire_at = expire_at or item.expire_at or default_expiry(item.topic, publish_at)
    if expire_at and expire_at <= publish_at:
        raise ValidationError({"expire_at": _("วันที่นำออกต้องอยู่หลังวันที่เผยแพร่")})
    item.status = Item.Status.PUBLISHED
    item.publish_at, item.expire_at = publish_at, expire_at
    item.published_by = actor if getattr(actor, "is_authenticated", False) else None
    item.withdrawn_at, item.withdrawn_reason = None, ""
    item.save()
    item_snapshot(item=item, actor=actor, note=_("เผยแพร่"))
    record(actor, AuditCode.ITEM_PUBLISHED, item, publish_at=publish_at, expire_at=expire_at)
    return item


@transaction.atomic
def item_withdraw(*, item, actor=None, reason, through_request=False):
    """Take an item down (ถอนการเผยแพร่): it leaves the public site at once and is archived, never deleted."""
    item = Item.objects.select_for_update(of=("self",)).get(pk=item.pk)
    ensure_can_change(actor, item, withdraw=True, through_request=through_request)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("โปรดระบุเหตุผลที่ถอนการเผยแพร่")})
    item_snapshot(item=item, actor=actor, note=_("ก่อนถอนการเผยแพร่"))
    item.status = Item.Status.WITHDRAWN
    item.withdrawn_at = timezone.now()
    item.withdrawn_reason = reason.strip()
    item.save()
    record(actor, AuditCode.ITEM_WITHDRAWN, item, reason=item.withdrawn_reason)
    return item


@atomic_with_files()
def attachment_add(*, item, upload, actor=None, title="", alt_text="", through_request=False):
    """Attach one uploaded file to an item after inspecting it (a change of the item, with the same rule)."""
    ensure_can_change(actor, item, through_request=through_request)
    facts = inspect_upload(upload)
    order = item.attachments.count()
    attachment = _attach(item, facts, order=order, title=title, alt_text=alt_text)
    _set_cover(item)
    Item.objects.filter(pk=item.pk).update(updated_at=timezone.now())  # new files are an update
    record(actor, AuditCode.ATTACHMENT_ADDED, item, file=attachment.original_name, sha256=facts.sha256)
    return attachment


def _attach(item, facts, *, order, title="", alt_text=""):
    blob = store_blob(facts)
    return Attachment.objects.create(
        office=item.office,
        item=item,
        blob=blob,
        original_name=facts.name,
        extension=facts.extension,
        title=title,
        alt_text=alt_text,
        order=order,
    )


def _set_cover(item):
    """Photo news shows its first image as the cover unless one was chosen."""
    if item.cover_id is None:
        first_image = item.attachments.filter(blob__kind__in=["jpg", "png"]).order_by("order", "pk").first()
        if first_image is not None:
            Item.objects.filter(pk=item.pk).update(cover=first_image)
            item.cover = first_image


def attachment_count_download(attachment):
    Attachment.objects.filter(pk=attachment.pk).update(download_count=F("download_count") + 1)


def attachment_from_blob(*, item, blob, original_name, extension, order=None, title=""):
    """Attach content already stored (a request's file) to an item without copying its bytes."""
    attachment = Attachment.objects.create(
        office=item.office,
        item=item,
        blob=blob,
        original_name=original_name,
        extension=extension,
        title=title,
        order=item.attachments.count() if order is None else order,
    )
    _set_cover(item)
    return attachment


SNAPSHOT_FIELDS = ("title", "summary", "body", "external_url", "source", "status", "topic_id", "owner_unit_id",
                   "data_from", "data_to", "publish_at", "expire_at", "withdrawn_reason")  # fmt: skip


def item_snapshot(*, item, actor=None, note=""):
    """Keep the item as it is now as a new version; the history never loses one."""
    data = {name: getattr(item, name) for name in SNAPSHOT_FIELDS}
    data = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}
    data["files"] = [
        {"name": a.original_name, "sha256": a.blob_id, "size": a.blob.size}
        for a in item.attachments.select_related("blob")
    ]
    number = (item.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return ItemVersion.objects.create(
        item=item, number=number, snapshot=data, note=note,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )  # fmt: skip


@atomic_with_files()
def item_replace_content(*, item, actor=None, note="", files=None, uploads=None, through_request=False, **fields):
    """Replace a published item's content (S-2.3): the previous state is kept as a version first.

    `files`, when given, is a list of (blob, original_name, extension) that replaces the current files;
    the old attachments stay in the version history, detached from the item. `uploads` (files sent by
    a web master) are inspected before anything is written and stored as the new files.
    """
    item = Item.objects.select_for_update(of=("self",)).get(pk=item.pk)
    ensure_can_change(actor, item, through_request=through_request)
    inspected = inspect_uploads(uploads) if uploads else None
    if inspected is not None:
        files = [(store_blob(facts), facts.name, facts.extension) for facts in inspected]
    item_snapshot(item=item, actor=actor, note=note or _("ก่อนแทนที่เนื้อหา"))
    item = item_update(item=item, actor=actor, through_request=through_request, **fields)
    if files is not None:
        item.attachments.update(item=None)
        Item.objects.filter(pk=item.pk).update(cover=None)
        item.cover = None
        for order, (blob, name, extension) in enumerate(files):
            attachment_from_blob(item=item, blob=blob, original_name=name, extension=extension, order=order)
        from khaosan.catalog import search

        search.index_item(item.pk)
    return item
