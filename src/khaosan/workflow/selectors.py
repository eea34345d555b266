"""Reads of the workflow. Every back-office read is scoped to the person's office, and unit where it must be."""

import functools

from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from khaosan.catalog.storage import read_blob
from khaosan.org.roles import Role, acting_roles, has_role
from khaosan.params import positive_int
from khaosan.workflow.models import Notification, PublicationRequest, State
from khaosan.workflow.permissions import awaiting_stand_in, can_view, sees_all

REDACTION_CACHE_SECONDS = 3600


def requests_visible_to(user):
    """Requests `user` may see: the whole office for deciders, web masters and the committee; else their unit's."""
    if not user.is_authenticated or user.office_id is None:
        return PublicationRequest.objects.none()
    queryset = PublicationRequest.objects.filter(office_id=user.office_id)
    if not sees_all(user):
        queryset = queryset.filter(Q(requester_unit_id=user.unit_id) | Q(requester=user) | Q(registered_by=user))
    return queryset.select_related("topic__category", "requester_unit", "requester", "assignee", "item")


def request_get_for(*, user, request_id):
    """Return the request if `user` may see it (same office; own unit unless a role sees all), else 404."""
    pub_request = (
        PublicationRequest.objects.filter(pk=request_id)
        .select_related(
            "office",
            "topic__category",
            "requester_unit",
            "requester",
            "registered_by",
            "assignee",
            "item",
            "target_item",
            "published_by",
        )  # fmt: skip
        .first()
    )
    if pub_request is None or not can_view(user, pub_request):
        raise Http404
    return pub_request


def awaiting(user):
    """Requests waiting for `user` to act: a decision in one of their roles, or publishing for web masters.

    Administrators also decide steps whose role nobody but the request's authors holds (`awaiting_stand_in`).
    """
    roles = acting_roles(user)
    visible = requests_visible_to(user)
    waiting = Q(state=State.IN_REVIEW, awaiting_role__in=roles)
    if Role.ADMINISTRATOR in roles:
        waiting |= awaiting_stand_in()
    if Role.WEBMASTER in roles:
        waiting |= Q(state=State.APPROVED)
    return visible.filter(waiting).exclude(Q(requester=user) | Q(registered_by=user), state=State.IN_REVIEW)


def late(user):
    """Approved requests past their publishing deadline (S-2.3: 3 working days)."""
    return requests_visible_to(user).filter(state=State.APPROVED, due_on__lt=timezone.localdate())


def sent_by(user):
    return requests_visible_to(user).filter(Q(requester=user) | Q(registered_by=user))


def unread_count(user):
    return Notification.objects.filter(recipient=user).unread().count()


def inbox(user):
    return Notification.objects.filter(recipient=user).select_related("pub_request")


def failed_emails(user):
    """Notifications of `user`'s office whose e-mail could not be sent, newest first (administrators only)."""
    if not has_role(user, Role.ADMINISTRATOR) or user.office_id is None:
        return Notification.objects.none()
    return (
        Notification.objects.email_failed()
        .filter(recipient__office_id=user.office_id)
        .select_related("recipient", "pub_request")
        .order_by("-email_failed_at", "-pk")
    )


def redaction_report(pub_request, *, title=None, summary=None, body=None):
    """Check the texts about to be published and the request's files for personal data (PDPA-9).

    Cached by content: a long PDF takes seconds, and the publish screen asks again on every preview.
    """
    import hashlib

    from django.core.cache import cache

    from khaosan.workflow.redaction import scan

    texts = [
        (_("ชื่อเรื่อง"), pub_request.title if title is None else title),
        (_("สรุป"), pub_request.summary if summary is None else summary),
        (_("เนื้อหา"), pub_request.body if body is None else body),
    ]
    content_files = pub_request.content_files
    files = [(f.original_name, f.extension, functools.partial(read_blob, f.blob)) for f in content_files]
    allowed = pub_request.office.public_contacts()
    fingerprint = repr((texts, [(f.original_name, f.blob_id) for f in content_files], sorted(allowed)))
    key = "redaction:v2:" + hashlib.sha256(fingerprint.encode()).hexdigest()
    report = cache.get(key)
    if report is None:
        report = scan(texts=texts, files=files, allowed=allowed)
        cache.set(key, report, REDACTION_CACHE_SECONDS)
    return report


def timeline(pub_request):
    """Everything that happened to the request, oldest first: who did what, when, with reasons."""
    from khaosan.audit.models import AuditEvent

    return (
        AuditEvent.objects.filter(object_type="workflow.publicationrequest", object_id=str(pub_request.pk))
        .select_related("actor")
        .order_by("created_at", "pk")
    )


def filter_requests(queryset, params):
    """Apply the list filters (state, unit, topic, channel, date range); unknown values are ignored."""
    state = params.get("state")
    if state in State.values:
        queryset = queryset.filter(state=state)
    elif state == "late":
        queryset = queryset.filter(state=State.APPROVED, due_on__lt=timezone.localdate())
    elif state == "open":
        queryset = queryset.filter(state__in=[State.DRAFT, State.IN_REVIEW, State.RETURNED, State.APPROVED])
    for param, field in (("unit", "requester_unit_id"), ("topic", "topic_id")):
        value = positive_int(params.get(param))
        if value is not None:
            queryset = queryset.filter(**{field: value})
    channel = params.get("channel")
    if channel:
        queryset = queryset.filter(channel=channel)
    for param, lookup in (("from", "created_at__date__gte"), ("to", "created_at__date__lte")):
        value = params.get(param)
        if value:
            try:
                import datetime as dt

                queryset = queryset.filter(**{lookup: dt.date.fromisoformat(value)})
            except ValueError:
                pass
    query = (params.get("q") or "").strip()
    if query:
        queryset = queryset.filter(Q(title__icontains=query) | Q(requester_name__icontains=query))
    return queryset
