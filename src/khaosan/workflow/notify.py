"""Telling people: an in-app message now, the same text by e-mail once the change is committed.

An e-mail that cannot be sent never undoes the change, and is never silent either: the notification row
records when and why it failed (`email_failed_at`, `email_error`), the operators' log says so, the
recipient sees it in their inbox and administrators on their home page.
"""

import contextvars
import logging
import re

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from khaosan.workflow.models import Notification

logger = logging.getLogger("khaosan.notify")
EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Control characters, line and paragraph separators: a header must be one line (RFC 5322 s.2.2), and
# Django refuses a subject with a line break (BadHeaderError) rather than send it.
_NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\s]+")
# Notification.subject holds 300 characters; a mail client shows far fewer, so 150 leave room for the title.
SUBJECT_MAX_CHARS = 150
EMAIL_ERROR_MAX_CHARS = 300  # Notification.email_error

# The scheme and host of the request being answered, for links when KHAOSAN_SITE_URL is not set in
# development (`./khaosan run --port 8123`). A context variable, so no request's address is kept on a
# shared object: each thread (and each asyncio task) sees only its own.
_request_origin = contextvars.ContextVar("khaosan_request_origin", default="")


class RequestOriginMiddleware:
    """Remember the current request's scheme and host while it is answered (see `site_url`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            origin = f"{request.scheme}://{request.get_host()}"
        except DisallowedHost:  # Django answers 400 itself; no link is built from a host it refused
            origin = ""
        token = _request_origin.set(origin)
        try:
            return self.get_response(request)
        finally:
            _request_origin.reset(token)


def site_url(path):
    """Return the absolute address of `path` for an e-mail or a printed form.

    KHAOSAN_SITE_URL when set (required in production: `check --deploy` warns without it); in
    development, the address of the running server as the current request reached it.
    """
    base = settings.KHAOSAN.get("SITE_URL", "").rstrip("/")
    if not base and settings.DEBUG:
        base = _request_origin.get()
    return f"{base}{path}" if base else path


def one_line(text, *, limit=SUBJECT_MAX_CHARS):
    """Return `text` as one line fit for an e-mail subject: whitespace and control characters collapsed, capped."""
    text = _NOT_ONE_LINE.sub(" ", str(text)).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def notify(recipients, *, pub_request, subject, message, url="", outside_email=""):
    """Create one notification per recipient and send the e-mails after commit.

    `outside_email` reaches a requester who has no account (a letter or an e-mail from another agency).
    """
    subject = one_line(subject)
    people = {person.pk: person for person in recipients if person is not None and person.is_active}
    rows = Notification.objects.bulk_create(
        Notification(recipient=person, pub_request=pub_request, subject=subject, message=message, url=url)
        for person in people.values()
    )
    addresses = [(row.pk, person.email) for row, person in zip(rows, people.values(), strict=False) if person.email]
    if outside_email:
        addresses.append((None, outside_email))
    if addresses:
        body = f"{message}\n\n{site_url(url)}" if url else message
        pub_request_id = pub_request.pk if pub_request is not None else None
        transaction.on_commit(lambda: _send(addresses, subject, body, pub_request_id=pub_request_id))
    return rows


def _send(addresses, subject, body, *, pub_request_id=None):
    """Send one e-mail per address; a mail server that is down must not undo the committed work.

    Each failure is recorded on its notification (or, for a requester without an account, told to the
    web master who registered the request) and logged for operators.
    """
    sent, failed = [], {}
    try:
        with get_connection() as connection:
            for index, (_notification_id, address) in enumerate(addresses):
                try:
                    EmailMessage(subject, body, to=[address], connection=connection).send()
                except Exception as error:  # noqa: BLE001  one refused address must not stop the others
                    failed[index] = error
                else:
                    sent.append(index)
    except Exception as error:  # noqa: BLE001  the server could not be reached, or the connection broke
        for index in range(len(addresses)):
            if index not in sent:
                failed.setdefault(index, error)
    delivered = [addresses[index][0] for index in sent if addresses[index][0]]
    if delivered:
        Notification.objects.filter(pk__in=delivered).update(emailed_at=timezone.now())
    for index, error in failed.items():
        notification_id, address = addresses[index]
        _record_failure(notification_id, address, error, subject=subject, pub_request_id=pub_request_id)


def _record_failure(notification_id, address, error, *, subject, pub_request_id):
    detail = f"{type(error).__name__}: {error}"[:EMAIL_ERROR_MAX_CHARS]
    logger.error("could not send notification e-mail to %s (notification %s): %s — %s", address, notification_id,
                 detail, subject)  # fmt: skip
    now = timezone.now()
    if notification_id is not None:
        Notification.objects.filter(pk=notification_id).update(email_failed_at=now, email_error=detail)
        return
    from khaosan.workflow.models import PublicationRequest

    pub_request = PublicationRequest.objects.filter(pk=pub_request_id).select_related("registered_by").first()
    if pub_request is None or pub_request.registered_by is None:
        return
    Notification.objects.create(
        recipient=pub_request.registered_by, pub_request=pub_request, email_failed_at=now, email_error=detail,
        subject=one_line(_("ส่งอีเมลถึงผู้ขอไม่สำเร็จ: %(title)s") % {"title": pub_request.title}),
        message=_("ระบบส่งอีเมลเรื่อง “%(subject)s” ถึง %(address)s ไม่สำเร็จ โปรดแจ้งผู้ขอทางโทรศัพท์หรือหนังสือแทน "
                  "และตรวจที่อยู่อีเมลในข้อมูลติดต่อของคำขอ") % {"subject": subject, "address": address},
        url=pub_request.get_absolute_url(),
    )  # fmt: skip


def outside_address(pub_request):
    """The e-mail address typed in the contact of a requester without an account, if any."""
    if pub_request.requester_id:
        return ""
    match = EMAIL_IN_TEXT.search(pub_request.requester_contact or "")
    return match.group(0) if match else ""
