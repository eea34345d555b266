"""The open-data catalog (GWS 1.4) as CKAN packages: each public item a package, each file a resource.

Everything starts from catalog.selectors.public_items, so the API, the DCAT catalog and the downloads show
exactly what the public site shows: inside the publication window, never withdrawn, never another office's.
Field names follow CKAN's package schema (ckan/logic/schema.py) and, where they fit, the metadata fields of
data.go.th (the Thai government's CKAN): temporal coverage from the item's data period, the owner unit as the
organisation, the update frequency from the topic's refresh rule.
"""

import re

from django.db.models import Q

from khaosan.catalog import selectors
from khaosan.catalog.html import html_to_text
from khaosan.catalog.models import Topic

CKAN_VERSION = "2.10.4"  # the API version these shapes follow
MAX_ROWS = 1000  # CKAN's default ckan.search.rows_max
DEFAULT_ROWS = 10  # CKAN's default for package_search
NO_UNIT = "office"  # the organisation of items that name no owner unit: the office itself

# data.go.th's update_frequency_unit values for the topic's refresh rule (with update_frequency_interval 1 or 6).
FREQUENCY = {
    Topic.Refresh.FISCAL_YEAR: ("ปี", 1),
    Topic.Refresh.HALF_YEAR: ("เดือน", 6),
    Topic.Refresh.QUARTERLY: ("ไตรมาส", 1),
    Topic.Refresh.MONTHLY: ("เดือน", 1),
    Topic.Refresh.RECENT: ("ไม่แน่นอน", None),
    Topic.Refresh.NONE: ("ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล", None),
}


def public_packages(office):
    """The public items of `office` with what a package shows, newest first."""
    return selectors.with_list_data(selectors.public_items(office)).order_by("-publish_at", "-pk")


def package_name(item):
    return f"item-{item.pk}"


def item_of_name(office, name):
    """The public item a package id or name refers to ('item-12' or '12'), else None."""
    match = re.fullmatch(r"(?:item-)?(\d{1,12})", (name or "").strip())
    if not match:
        return None
    return public_packages(office).filter(pk=int(match.group(1))).first()


def organization_name(unit):
    return unit.code if unit is not None else NO_UNIT


def organization_dict(office, unit):
    title = unit.name_th if unit is not None else office.name_th
    return {
        "id": organization_name(unit),
        "name": organization_name(unit),
        "title": title,
        "display_name": title,
        "description": "",
        "type": "organization",
        "is_organization": True,
        "state": "active",
        "approval_status": "approved",
        "image_url": "",
    }


def organizations(office):
    """The units that own at least one public item (and the office, for items without one)."""
    units = {}
    for item in selectors.public_items(office).select_related("owner_unit").only("owner_unit"):
        units.setdefault(organization_name(item.owner_unit), item.owner_unit)
    return [organization_dict(office, unit) for _name, unit in sorted(units.items())]


def _absolute(request, path):
    return request.build_absolute_uri(path)


def resource_dict(request, item, attachment, position):
    blob = attachment.blob
    return {
        "id": f"file-{attachment.pk}",
        "package_id": package_name(item),
        "name": attachment.original_name,
        "description": attachment.title,
        "format": attachment.extension.upper(),
        "mimetype": blob.mime_type,
        "size": blob.size,
        "hash": f"sha256:{blob.sha256}",
        "url": _absolute(request, attachment.get_absolute_url()),
        "url_type": None,
        "created": attachment.created_at.isoformat(),
        "last_modified": item.updated_at.isoformat(),
        "position": position,
        "state": "active",
    }


def package_dict(request, item):
    """One item as CKAN's package_show returns it (with data.go.th's extra fields)."""
    topic, category = item.topic, item.topic.category
    unit, interval = FREQUENCY.get(topic.refresh, FREQUENCY[Topic.Refresh.NONE])
    resources = [resource_dict(request, item, a, n) for n, a in enumerate(item.attachments.all())]
    tags = [{"id": topic.code, "name": topic.name_th, "display_name": topic.name_th, "state": "active",
             "vocabulary_id": None}]  # fmt: skip
    notes = item.summary or html_to_text(item.body)
    group = {"id": category.code, "name": category.code, "title": category.name_th, "display_name": category.name_th}
    return {
        "id": package_name(item),
        "name": package_name(item),
        "title": item.title,
        "notes": notes,
        "type": "dataset",
        "state": "active",
        "private": False,
        "url": _absolute(request, item.get_absolute_url()),
        "author": item.owner_unit.name_th if item.owner_unit else item.office.name_th,
        "author_email": "",
        "maintainer": item.office.name_th,
        "maintainer_email": item.office.email,
        "license_id": "",
        "license_title": "",
        "version": None,
        "metadata_created": item.publish_at.isoformat(),
        "metadata_modified": item.updated_at.isoformat(),
        "owner_org": organization_name(item.owner_unit),
        "organization": organization_dict(item.office, item.owner_unit),
        "groups": [group],
        "tags": tags,
        "num_tags": len(tags),
        "resources": resources,
        "num_resources": len(resources),
        "extras": [],
        "relationships_as_object": [],
        "relationships_as_subject": [],
        # data.go.th fields
        "temporal_coverage_start": item.data_from.isoformat() if item.data_from else "",
        "temporal_coverage_end": item.data_to.isoformat() if item.data_to else "",
        "update_frequency_unit": unit,
        "update_frequency_interval": str(interval) if interval else "",
        "data_source": item.source,
        "fiscal_year": item.fiscal_year,
    }


class BadFilter(ValueError):
    """An fq the API does not understand; the message is CKAN's own wording."""


_FQ_TERM = re.compile(r'(?P<field>organization|owner_org|tags|groups)\s*:\s*(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s"]+))')


def filter_query(items, fq):
    """Apply CKAN's fq for organization, tags and groups ('organization:admin tags:"ข่าว"'), ANDed."""
    fq = (fq or "").strip()
    if not fq:
        return items
    rest = _FQ_TERM.sub("", fq).replace("AND", "").replace("+", "").strip()
    if rest:
        raise BadFilter(f"Unsupported fq: {rest[:80]}")
    for match in _FQ_TERM.finditer(fq):
        value = match.group("quoted") if match.group("quoted") is not None else match.group("bare")
        field = match.group("field")
        if field in ("organization", "owner_org"):
            items = items.filter(owner_unit__isnull=True) if value == NO_UNIT else items.filter(owner_unit__code=value)
        elif field == "tags":
            items = items.filter(Q(topic__name_th=value) | Q(topic__code=value))
        else:
            items = items.filter(topic__category__code=value)
    return items


def listing_items(office, *, category="", topic="", q=""):
    """The items of a public listing (a category, a topic, a search, or everything) for the downloads."""
    items = public_packages(office)
    if category:
        items = items.filter(topic__category__code=category)
    if topic:
        topic_obj = Topic.objects.filter(code=topic).first()
        items = selectors.topic_items(office, topic_obj) if topic_obj else items.none()
        items = selectors.with_list_data(items).order_by("-publish_at", "-pk")
    if q:
        from khaosan.catalog import search

        return search.search(items, q, limit=MAX_ROWS, office=office).items
    return list(items[: MAX_ROWS * 10])
