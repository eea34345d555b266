"""Telling people: an in-app message now, the same text by e-mail once the change is committed."""

import logging
import re

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from khaosan.workflow.models import Notification

logger = logging.getLogger("khaosan.notify")
EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def site_url(path):
    base = settings.KHAOSAN.get("SITE_URL", "").rstrip("/")
    return f"{base}{path}" if base else path


def notify(recipients, *, pub_request, subject, message, url="", outside_email=""):
    """Create one notification per recipient and send the e-mails after commit.

    `outside_email` reaches a requester who has no account (a letter or an e-mail from another agency).
    """
    people = {person.pk: person for person in recipients if person is not None and person.is_active}
    rows = Notification.objects.bulk_create(
        Notification(recipient=person, pub_request=pub_request, subject=subject, message=message, url=url)
        for person in people.values()
    )
    addresses = [(row.pk, person.email) for row, person in zip(rows, people.values()) if person.email]
    if outside_email:
        addresses.append((None, outside_email))
    if addresses:
        body = f"{message}\n\n{site_url(url)}" if url else message
        transaction.on_commit(lambda: _send(addresses, subject, body))
    return rows


def _send(addresses, subject, body):
    """Send one e-mail per address; a mail server that is down must not undo the committed work."""
    sent = []
    try:
        with get_connection() as connection:
            for notification_id, address in addresses:
                EmailMessage(subject, body, to=[address], connection=connection).send()
                if notification_id:
                    sent.append(notification_id)
    except Exception:  # noqa: BLE001  logged for operators; the in-app message is already there
        logger.exception("could not send notification e-mail: %s", subject)
    if sent:
        Notification.objects.filter(pk__in=sent).update(emailed_at=timezone.now())


def outside_address(pub_request):
    """The e-mail address typed in the contact of a requester without an account, if any."""
    if pub_request.requester_id:
        return ""
    match = EMAIL_IN_TEXT.search(pub_request.requester_contact or "")
    return match.group(0) if match else ""
