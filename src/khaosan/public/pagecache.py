"""The public page cache: whole pages per office, host, language and URL, never stale.

A page is kept only while nothing it shows has changed:

- every save or delete of a model a public page reads (the catalog, the office, its units, the standard)
  raises `PageStamp.version` in the writer's own transaction, and a cached page is served only under the
  version read before it was made; every worker reads the stamp on every request, so a change reaches all
  of them at once, whichever process made it;
- a page is kept only until the next instant an item goes live or expires (`next_window_change`), so
  scheduled items appear and expired ones leave at their minute (DESIGN principle 5), and never longer
  than `PAGE_CACHE_SECONDS`, which is also how fresh the footer's visit counts are.

Two middlewares share the kept pages: `KeptPageMiddleware`, early in the stack, answers a kept page
before the session, CSRF, authentication and message layers run; `PageCacheMiddleware`, last, keeps the
page a view has just made. The traffic log and the security headers sit outside both, and the visit is
counted on either path: a kept view is still recorded and counted.

Only anonymous GETs of the catalog's own pages are kept; a page that set a cookie, wrote to the session,
showed a message or used a CSRF token, or answered anything but 200 is not.

With `NGINX_PAGE_CACHE` on, nginx in front keeps the same pages: each kept page tells it for how many
seconds (`X-Accel-Expires`, the same `until`), and nginx keys what it keeps by the page stamp that
`./khaosan manage page_stamp --nginx-include` writes into its configuration and reloads it on every change
(README: Production). nginx's access log, read by the traffic follower, records and counts what it answers.
"""

import datetime as dt
import hashlib
import os
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import get_language

from khaosan.public.models import PageStamp

CACHED_VIEWS = frozenset(
    {
        "public:home",
        "public:category",
        "public:topic",
        "public:item",
        "public:oic",
        "public:search",
        "public:sitemap",
        "public:contact",
        "public:policy-website",
        "public:policy-privacy",
        "public:policy-security",
        "public:accessibility",
        "public:eservice-evaluation",
        "opendata:page",
    }
)
# Query parameters the cached pages read; any other makes the request pass by the cache.
KNOWN_PARAMETERS = frozenset({"page", "year", "q", "topic", "fy"})
# The apps whose rows public pages show. The audit trail, traffic log and counters are not among them.
SHOWN_APPS = frozenset({"catalog", "org"})
UNSHOWN_MODELS = frozenset({"staff", "delegation", "officeclosure"})
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "Cache-Control", "Last-Modified", "ETag")
HIT_HEADER = "X-Page-Cache"
NGINX_EXPIRES_HEADER = "X-Accel-Expires"


def pages():
    return caches["pages"]


def page_stamp():
    """The current version of what public pages show (one indexed read).

    Asked on every public page: a plain statement, as the traffic record's are, since building the ORM
    query cost more than reading the row (bench/README.md).
    """
    with connection.cursor() as cursor:
        cursor.execute(_STAMP_SQL)
        row = cursor.fetchone()
    return 0 if row is None else row[0]


_STAMP_SQL = f"SELECT version FROM {PageStamp._meta.db_table} WHERE id = 1"


def nginx_stamp_write(path, stamp):
    """Write `stamp` into nginx's include file `path` unless it holds it already; return whether it changed.

    Replaced whole (a new file renamed over the old), so nginx never reads half of it.
    """
    path = Path(path)
    text = f'set $khaosan_page_stamp "{int(stamp)}";\n'
    try:
        if path.read_text(encoding="ascii") == text:
            return False
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as out:
            out.write(text)
        os.chmod(temporary, 0o644)  # nginx's master reads it as root, its workers need not
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return True


def pages_changed(**_):
    """Raise the stamp, in the caller's transaction: a rolled-back change leaves the pages as they were."""
    if not PageStamp.objects.filter(pk=1).update(version=F("version") + 1):
        PageStamp.objects.get_or_create(pk=1, defaults={"version": 1})


def _on_change(sender, **kwargs):
    if kwargs.get("raw"):
        return  # fixtures being loaded
    meta = sender._meta
    if meta.app_label in SHOWN_APPS and meta.model_name not in UNSHOWN_MODELS:
        pages_changed()


def connect_signals():
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label in SHOWN_APPS and meta.model_name not in UNSHOWN_MODELS:
            post_save.connect(_on_change, sender=model, dispatch_uid=f"pagecache-save-{meta.label}")
            post_delete.connect(_on_change, sender=model, dispatch_uid=f"pagecache-delete-{meta.label}")


def _key(request, office, stamp, language=None):
    query = "&".join(f"{k}={v}" for k, values in sorted(request.GET.lists()) for v in values)
    language = language or get_language()
    address = f"{office.pk}|{request.scheme}|{request.get_host()}|{language}|{request.path}?{query}"
    # Hashed: any URL a visitor types makes a short key of safe characters, for any cache backend.
    return f"page:{stamp}:{hashlib.sha256(address.encode('utf-8', 'surrogatepass')).hexdigest()}"


def _may_keep(request, response):
    match = getattr(request, "resolver_match", None)
    session = getattr(request, "session", None)
    return (
        match is not None
        and match.view_name in CACHED_VIEWS
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
        # Without a session cookie the page cannot depend on who is signed in; it may still have read the
        # empty session (the lazy user, the messages), but must not have written to it or shown a message.
        and not (session is not None and session.modified)
        and not getattr(getattr(request, "_messages", None), "_queued_messages", None)
        and not getattr(getattr(request, "_messages", None), "_loaded_data", None)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _until(office, now):
    from khaosan.catalog.selectors import next_window_change

    until = now + dt.timedelta(seconds=settings.KHAOSAN["PAGE_CACHE_SECONDS"])
    change = next_window_change(office, at=now)
    return min(until, change) if change is not None else until


def _language_of_path(path):
    """The language LocaleMiddleware will choose for `path`: its prefix, else the default (no prefix is Thai)."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


class KeptPageMiddleware:
    """Answer a kept page before the session, CSRF, authentication and message layers run.

    Placed right after the traffic log and the security headers: those still see every request. What the
    skipped layers would add to an anonymous GET of a kept page is nothing (no session is read, no cookie
    set), so the answer is the one `PageCacheMiddleware` kept, with the frame rule and the visit counted.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_serve(request):
            return self.get_response(request)
        from khaosan.org.middleware import office_for_host
        from khaosan.public.visits import count_visit, flush_counts_if_due

        office = office_for_host(request.get_host())
        if office is None:
            return self.get_response(request)
        language = _language_of_path(request.path_info)
        request.page_stamp = page_stamp()
        key = _key(request, office, request.page_stamp, language)  # read before the page is made: see above
        kept = pages().get(key)
        if kept is None or kept["until"] <= timezone.now():
            request.page_cache_key = key  # PageCacheMiddleware keeps the page under it
            return self.get_response(request)
        request.office = office
        with translation.override(language):
            response = _replay(request, kept)
        _tell_nginx(response, kept["until"])
        response.setdefault("X-Frame-Options", "DENY")
        count_visit(request)
        flush_counts_if_due()
        return response


def _may_serve(request):
    return (
        settings.KHAOSAN["PAGE_CACHE"]
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and set(request.GET) <= KNOWN_PARAMETERS
        and not request.path.startswith(("/backoffice/", "/en/backoffice/", "/admin/", "/static/", "/files/"))
    )


class PageCacheMiddleware:
    """Serve a kept page, or keep the page just made (see the module's docstring for the rules)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        office = getattr(request, "office", None)
        if office is None or not _may_serve(request):
            return self.get_response(request)
        now = timezone.now()
        key = getattr(request, "page_cache_key", None)
        if key is None:  # KeptPageMiddleware did not look (not in MIDDLEWARE): look here
            request.page_stamp = page_stamp()
            key = _key(request, office, request.page_stamp)  # read before the page is made: see the module docstring
            kept = pages().get(key)
            if kept is not None and kept["until"] > now:
                response = _replay(request, kept)
                _tell_nginx(response, kept["until"])
                return response
        response = self.get_response(request)
        if _may_keep(request, response):
            until = _until(office, now)
            seconds = (until - now).total_seconds()
            if seconds > 0:
                kept = {
                    "until": until,
                    "status": response.status_code,
                    "content": response.content,
                    "headers": [(h, response[h]) for h in STORED_HEADERS if h in response],
                    "item_id": getattr(request, "viewed_item_id", None),
                }
                pages().set(key, kept, timeout=int(seconds) + 1)
                _tell_nginx(response, until)
            response[HIT_HEADER] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Read the stamp before a public view reads anything, for the parts it keeps (public/fragments.py)."""
        match = request.resolver_match
        if (
            settings.KHAOSAN["FRAGMENT_CACHE"]
            and not hasattr(request, "page_stamp")
            and match is not None
            and match.view_name in CACHED_VIEWS
        ):
            request.page_stamp = page_stamp()


def _tell_nginx(response, until):
    """Let nginx keep the page until `until`, in whole seconds rounded down, so it never outlives a window instant.

    Relative seconds, not an absolute time: nginx counts them from its own clock when the answer arrives.
    """
    if settings.KHAOSAN["NGINX_PAGE_CACHE"]:
        seconds = int((until - timezone.now()).total_seconds())
        if seconds > 0:
            response[NGINX_EXPIRES_HEADER] = str(seconds)


def _replay(request, kept):
    from khaosan.public.visits import count_item_view_id

    response = HttpResponse(kept["content"], status=kept["status"])
    for header, value in kept["headers"]:
        response[header] = value
    response[HIT_HEADER] = "hit"
    if kept["item_id"] is not None:
        count_item_view_id(kept["item_id"])
    return response
