"""System checks of the catalog for `./khaosan manage check --deploy` (operators read these; English)."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Tags, Warning, register


def virus_scanner_configured():
    """True when uploads are scanned by clamd (KHAOSAN_CLAMAV_SOCKET); the back-office warns administrators if not."""
    return bool(settings.KHAOSAN.get("CLAMAV_SOCKET"))


@register(Tags.security, deploy=True)
def check_virus_scanner(app_configs=None, **kwargs):
    """Warn when production takes uploads without a virus scanner, or points at a socket that is not there."""
    address = settings.KHAOSAN.get("CLAMAV_SOCKET", "")
    if not address:
        return [
            Warning(
                "No virus scanner is configured: uploads are checked for their type, active content (PDF scripts, "
                "embedded files) and the EICAR test signature only.",
                hint="Install clamav-daemon and set KHAOSAN_CLAMAV_SOCKET=/run/clamav/clamd.ctl "
                "(README, Production: virus scan).",
                id="khaosan.W020",
            )
        ]
    if address.startswith("/") and not Path(address).exists():
        return [
            Warning(
                f"KHAOSAN_CLAMAV_SOCKET is {address}, which does not exist: every upload will be refused "
                "until clamd listens there.",
                hint="systemctl status clamav-daemon; the socket path is LocalSocket in /etc/clamav/clamd.conf.",
                id="khaosan.W021",
            )
        ]
    return []
