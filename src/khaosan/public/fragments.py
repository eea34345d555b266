"""Parts of public pages kept rendered: a topic's list, the home page's sections, an item's content.

The same rules as the whole-page cache (public/pagecache.py), for every visitor, signed in or not: a part
is kept under the `PageStamp` version read before the view read anything (`PageCacheMiddleware.
process_view`), so any save in the catalog or the office makes it anew, and only until the next instant an
item goes live or expires, never longer than `PAGE_CACHE_SECONDS` (so view counts in a list are at most
that old, like the footer's). The page around the part is made for each request: the header, the
language switch, the breadcrumb, messages, the visit counted and the traffic record written.

`kept_object` keeps a row a page reads (an item page's item) in the worker's memory under the same stamp
and for the same time, so a popular item costs no query until something changes; whether it may be shown
is still decided at each request.

`{% kept "name" key … %}…{% endkept %}` (public_tags) keeps what is between; the view passes lazy values
(querysets, callables), so a kept part costs none of their queries. A preview of an unpublished version
is never kept, nor is anything without the stamp (a view outside CACHED_VIEWS, the cache turned off).
"""

import hashlib
import threading
from collections import OrderedDict

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from khaosan.public.pagecache import _until, pages


def fragment_key(request, name, parts):
    raw = "|".join([str(request.office.pk), get_language() or "", str(request.page_stamp), name, *map(str, parts)])
    return f"fragment:{hashlib.sha256(raw.encode('utf-8', 'surrogatepass')).hexdigest()}"


def may_keep(request, *, preview=False):
    return (
        settings.KHAOSAN["FRAGMENT_CACHE"]
        and not preview
        and request is not None
        and getattr(request, "office", None) is not None
        and hasattr(request, "page_stamp")
    )


def kept(request, name, parts, render, *, preview=False):
    """Return the HTML `render()` makes, kept under `name` and `parts` while nothing it shows changes."""
    if not may_keep(request, preview=preview):
        return render()
    key = fragment_key(request, name, parts)
    now = timezone.now()
    hit = pages().get(key)
    if hit is not None and hit[0] > now:
        return hit[1]
    html = render()
    until = _until(request.office, now)
    seconds = (until - now).total_seconds()
    if seconds > 0:
        pages().set(key, (until, html), timeout=int(seconds) + 1)
    return html


class WorkerKept:
    """Objects kept in this worker's memory under the page stamp, the oldest dropped past `size`.

    Not the `local` cache alias that `window_cached` uses: Django's local-memory cache pickles every value,
    and unpickling an item with its topic, category, unit and cover cost 0.3–0.4 ms of a 3 ms item page
    (measured side by side, in process). Shared by the worker's requests: read what it holds, never write to it.
    """

    def __init__(self, size):
        self.size = size
        self._objects = OrderedDict()
        self._lock = threading.Lock()  # runserver and threaded workers share one process

    def get(self, key, now):
        with self._lock:
            hit = self._objects.get(key)
            if hit is None or hit[0] <= now:
                return None
            self._objects.move_to_end(key)
            return hit[1]

    def put(self, key, until, value):
        with self._lock:
            self._objects[key] = (until, value)
            self._objects.move_to_end(key)
            while len(self._objects) > self.size:
                self._objects.popitem(last=False)

    def clear(self):
        with self._lock:
            self._objects.clear()


worker_kept = WorkerKept(size=1000)


def kept_object(request, name, parts, make):
    """Return what `make()` reads, kept in this worker while nothing public changes (as `kept`).

    Only what is the same for every visitor and language may be kept so; an exception from `make()`
    (a 404) is never kept.
    """
    if not may_keep(request):
        return make()
    key = (request.office.pk, request.page_stamp, name, *parts)
    now = timezone.now()
    value = worker_kept.get(key, now)
    if value is None:
        value = make()
        worker_kept.put(key, _until(request.office, now), value)
    return value
