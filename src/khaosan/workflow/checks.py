"""System checks of the workflow's settings (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def site_url_is_set(app_configs, **kwargs):
    """Warn when e-mails would carry links without the site's address (KHAOSAN_SITE_URL).

    Without it a notification or a set-password e-mail holds only a path ("/backoffice/requests/5/"),
    which no mail client can open; outside development the address is never guessed from a request's
    Host header.
    """
    value = settings.KHAOSAN.get("SITE_URL", "")
    if not value:
        return [Warning(
            "KHAOSAN_SITE_URL is not set: links in notification and set-password e-mails will not work.",
            hint="Set KHAOSAN_SITE_URL to the public address of the site, e.g. https://ssobanluang.go.th",
            id="khaosan.W001",
        )]  # fmt: skip
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.path.strip("/"):
        return [Warning(
            f"KHAOSAN_SITE_URL={value!r} is not a site address (scheme and host, no path).",
            hint="Use the form https://ssobanluang.go.th",
            id="khaosan.W002",
        )]  # fmt: skip
    return []
