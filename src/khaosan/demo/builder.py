"""Build the demo office through the same services staff use, so the demo exercises the real paths."""

import datetime as dt
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from khaosan.catalog import search
from khaosan.catalog.models import Attachment, Item, Topic
from khaosan.catalog.services import item_create, item_withdraw
from khaosan.demo import content, files, procurement
from khaosan.demo import reports as reports_demo
from khaosan.demo import search as demo_search
from khaosan.demo.eservice import build_evaluations
from khaosan.demo.office import DEMO_PASSWORD, DEMO_TOTP_SECRET, OFFICE, OPERATOR, STAFF, UNITS
from khaosan.demo.participation import build_participation
from khaosan.demo.province import build_province
from khaosan.org.models import Office, Staff, Unit
from khaosan.org.roles import set_roles
from khaosan.thai.dates import fiscal_quarter, fiscal_year

__all__ = ["DEMO_PASSWORD", "OFFICE", "build_bulk_items", "build_items", "build_office"]


def build_office():
    office = Office.objects.create(**OFFICE)
    for order, (code, kind, name_th, name_en, head, phone, email, website) in enumerate(UNITS):
        Unit.objects.create(
            office=office, code=code, kind=kind, name_th=name_th, name_en=name_en, head_name=head,
            phone=phone, email=email, website=website, order=order,
        )  # fmt: skip
    units = {u.code: u for u in office.units.all()}
    for username, first, last, position, unit_code, groups in STAFF:
        person = Staff.objects.create_user(
            username=username,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            email=f"{username}@example.go.th",
            office=office,
            unit=units[unit_code],
            position=position,
            phone=units[unit_code].phone,
        )
        set_roles(person, groups)
        if set(groups) & {"webmaster", "approver", "administrator"}:
            enrol_demo_totp(person)
    build_operator()
    return office


def build_operator():
    """Add the demo's platform operator: a superuser with no office, for Django's admin (README)."""
    username, first, last = OPERATOR
    if Staff.objects.filter(username=username).exists():
        return
    operator = Staff.objects.create_superuser(
        username, f"{username}@example.go.th", DEMO_PASSWORD, first_name=first, last_name=last, office=None
    )
    enrol_demo_totp(operator)


def enrol_demo_totp(person):
    """Give a privileged demo account the shared demo authenticator secret (README)."""
    import base64

    from django_otp.plugins.otp_totp.models import TOTPDevice

    key = base64.b32decode(DEMO_TOTP_SECRET).hex()
    TOTPDevice.objects.create(user=person, name="authenticator", key=key, confirmed=True)


def _at(today, days_ago, hour=9):
    day = today - dt.timedelta(days=days_ago)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def build_items(office, *, log=None):
    """Create every item of `demo.content`, with generated files; return how many."""
    today = timezone.localdate()
    units = {u.code: u for u in office.units.all()}
    topics = {t.code: t for t in Topic.objects.all()}
    publisher = Staff.objects.get(username="webmaster1")
    count = 0
    with files.renderer() as renderer:
        for spec in content.items(today):
            uploads = [SimpleUploadedFile(f.name, files.build(f, office=office, renderer=renderer)) for f in spec.files]
            publish_at = _at(today, spec.days_ago, hour=8 + count % 8)
            expire_at = publish_at + dt.timedelta(days=spec.expire_after_days) if spec.expire_after_days else None
            with transaction.atomic():
                item = item_create(
                    office=office,
                    actor=publisher,
                    files=uploads,
                    status=Item.Status.DRAFT if spec.draft else Item.Status.PUBLISHED,
                    topic=topics[spec.topic],
                    title=spec.title,
                    summary=spec.summary,
                    body=spec.body,
                    source=spec.source,
                    owner_unit=units.get(spec.owner),
                    external_url=spec.external_url,
                    data_from=spec.data_from,
                    data_to=spec.data_to,
                    publish_at=None if spec.draft else publish_at,
                    expire_at=expire_at,
                )
                for attachment, file_spec in zip(item.attachments.order_by("order"), spec.files, strict=False):
                    if file_spec.alt_text or file_spec.title:
                        attachment.alt_text, attachment.title = file_spec.alt_text, file_spec.title
                        attachment.save(update_fields=["alt_text", "title"])
                if spec.withdrawn_reason:
                    # Seed history, written by the system: the demo office sends changes through its chain,
                    # which a web master cannot skip (catalog.services.ensure_can_change).
                    item_withdraw(item=item, actor=None, reason=spec.withdrawn_reason)
                # The demo's history: created and last updated when it was published.
                Item.objects.filter(pk=item.pk).update(created_at=publish_at, updated_at=publish_at)
            count += 1
            if log:
                log(f"  {spec.topic}: {spec.title}")
        build_evaluations(office, renderer=renderer)  # e-Service S-1.9: rounds and appraisals (demo/eservice.py)
    demo_search.read_file_texts()
    reports_demo.build(office)  # trainings and last fiscal year's performance report (demo/reports.py)
    count += procurement.build(office)  # สขร.1 months entered and published through the chain, and the plan
    build_participation(office)
    build_province(office)  # the provincial office above it, its view and its chooser (demo/province.py)
    return count


def build_bulk_items(office, count, *, seed=2569):
    """Add `count` generated items over every active topic, in bulk, reusing demo files (benchmarks)."""
    rng = random.Random(seed)
    topics = list(Topic.objects.filter(retired_at__isnull=True).exclude(kind=Topic.Kind.LINK))
    units = list(office.units.all())
    blobs = list(Attachment.objects.filter(office=office).values_list("blob_id", "original_name", "extension")[:40])
    now = timezone.now()
    created = 0
    batch = 1000
    while created < count:
        size = min(batch, count - created)
        rows = []
        for _ in range(size):
            topic = rng.choice(topics)
            publish_at = now - dt.timedelta(days=rng.randint(0, 5 * 365), minutes=rng.randint(0, 1440))
            expire_at = None
            roll = rng.random()
            if roll < 0.05:
                expire_at = publish_at + dt.timedelta(days=rng.randint(1, 60))  # often already expired
            elif roll < 0.08:
                publish_at = now + dt.timedelta(days=rng.randint(1, 30))  # scheduled
            title = content.generated_title(topic, rng, publish_at)
            data_to = timezone.localtime(publish_at).date()
            rows.append(
                Item(
                    office=office,
                    topic=topic,
                    title=title,
                    summary=content.generated_summary(topic, rng),
                    owner_unit=rng.choice(units),
                    source=office.name_th,
                    data_from=data_to - dt.timedelta(days=rng.randint(0, 180)),
                    data_to=data_to,
                    publish_at=publish_at,
                    expire_at=expire_at,
                    status=Item.Status.PUBLISHED,
                    fiscal_year=fiscal_year(data_to),
                    quarter=fiscal_quarter(data_to),
                    view_count=rng.randint(0, 900),
                )
            )
        with transaction.atomic():
            new_items = Item.objects.bulk_create(rows)
            if blobs:
                Attachment.objects.bulk_create(
                    Attachment(office=office, item=item, blob_id=blob_id, original_name=name, extension=ext)
                    for item, (blob_id, name, ext) in ((i, rng.choice(blobs)) for i in new_items)
                    if rng.random() < 0.7
                )
            search.rebuild_index(Item.objects.filter(pk__in=[i.pk for i in new_items]))
        created += size
    return created
