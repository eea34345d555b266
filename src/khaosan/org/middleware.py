"""Attach the office a request belongs to: every public query is scoped to it."""

import secrets

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse

from khaosan.org.models import Office

OFFICE_CACHE_SECONDS = 60


def _office_version():
    """Return the token that names the current offices, in the cache every app server shares.

    A random token rather than a counter: a token lost with a Redis flush comes back as a new one (the
    servers read their offices afresh), where a counter would restart at a number stale entries still carry.
    """
    return cache.get_or_set("office-version", lambda: secrets.token_hex(8), timeout=None)


def office_for_host(host):
    """Return the office serving `host` (its hostname, or the default office), cached briefly.

    The Office instance stays in this process ("local": a model instance is not pickled over the network on
    every request); the version token that invalidates it is shared, so an edit reaches every server at once.
    """
    host = (host or "").split(":")[0].lower()
    key = f"office-for-host:{_office_version()}:{host}"
    office = caches["local"].get(key)
    if office is None:
        office = Office.objects.filter(hostname__iexact=host).first() if host else None
        if office is None:
            default_slug = settings.KHAOSAN["DEFAULT_OFFICE"]
            offices = Office.objects.order_by("pk")
            office = (offices.filter(slug=default_slug).first() if default_slug else None) or offices.first()
        caches["local"].set(key, office or False, OFFICE_CACHE_SECONDS)
    return office or None


def forget_offices(**kwargs):
    """Called when an office changes: the next request of every server reads it afresh."""
    cache.set("office-version", secrets.token_hex(8), timeout=None)


class OfficeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.office = office_for_host(request.get_host())
        if request.office is None and not request.path.startswith(("/admin/", "/healthz", "/static/")):
            return HttpResponse(
                "ยังไม่ได้ตั้งค่าสำนักงาน: run `./khaosan manage demo` or `./khaosan manage create_office`.",
                status=503,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
