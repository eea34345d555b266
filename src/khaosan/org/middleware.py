"""Attach the office a request belongs to: every public query is scoped to it."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from khaosan.org.models import Office

OFFICE_CACHE_SECONDS = 60


def office_for_host(host):
    """Return the office serving `host` (its hostname, or the default office), cached briefly."""
    host = (host or "").split(":")[0].lower()
    key = f"office-for-host:{cache.get_or_set('office-version', 1)}:{host}"
    office = cache.get(key)
    if office is None:
        office = Office.objects.filter(hostname__iexact=host).first() if host else None
        if office is None:
            default_slug = settings.KHAOSAN["DEFAULT_OFFICE"]
            offices = Office.objects.order_by("pk")
            office = (offices.filter(slug=default_slug).first() if default_slug else None) or offices.first()
        cache.set(key, office or False, OFFICE_CACHE_SECONDS)
    return office or None


def forget_offices(**kwargs):
    """Called when an office changes: the next request reads it afresh."""
    try:
        cache.incr("office-version")
    except ValueError:
        cache.set("office-version", 2)


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
