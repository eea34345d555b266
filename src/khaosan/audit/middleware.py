"""Log every request to the traffic log (S-2.8; CCA s.26; MDES notification B.E. 2564).

First in MIDDLEWARE, so it times the whole request and sees every response, redirects and errors
included. The record is written after the response is made, in its own transaction on the default
database, never inside a view's transaction (which may roll back); or, with KHAOSAN_TRAFFIC_SPOOL,
appended to that file as one line, which the traffic follower chains within a second (`traffic follow
--spool`). A failure to log never breaks the response: it is logged for operators (`khaosan.traffic`)
and counted for the back-office.
"""

import logging
import time

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.utils import timezone
from django.utils.functional import empty

from khaosan.audit import traffic
from khaosan.clients import client_of

logger = logging.getLogger("khaosan.traffic")


class TrafficLogMiddleware:
    def __init__(self, get_response):
        if not settings.KHAOSAN.get("TRAFFIC_LOG", True):
            # Only the overhead benchmark turns the log off (bench/traffic_overhead.py).
            logger.warning("traffic log is OFF (KHAOSAN_TRAFFIC_LOG=false): requests are not recorded")
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        at = timezone.now()
        client = client_of(request)
        request.traffic_client = client
        request.request_id = traffic.request_id_of(request, client)
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        try:
            user_id, username = _identity(request)
            _record(
                at=at,
                address=client.address,
                port=client.port,
                user_id=user_id,
                username=username,
                method=request.method,
                path=traffic.mask_url(request.path, traffic.query_string_of(request)),
                status=response.status_code,
                response_bytes=_size(response),
                duration_ms=round((time.perf_counter() - started) * 1000),
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
                request_id=request.request_id,
                host=request.META.get("HTTP_HOST", ""),  # as the client sent it: a refused host is recorded too
            )
        except Exception as error:  # the visitor gets their page whatever happens to the log
            logger.exception("traffic record not written for request %s", request.request_id)
            try:
                traffic.traffic_failure_count(error=error)
            except Exception:
                logger.exception("traffic write failure could not be counted")
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Who is logged in before the view runs: a logout view leaves an anonymous user behind.
        request.traffic_identity = _identity(request)


def _record(**fields):
    """Into the spool when one is set (KHAOSAN_TRAFFIC_SPOOL, the follower chains it), else into the chain now.

    A spool that cannot be written (a full disk, a wrong folder) never costs a record: it goes to the database.
    """
    spool = settings.KHAOSAN["TRAFFIC_SPOOL"]
    if spool:
        try:
            traffic.traffic_spool_append(spool, **fields)
            return
        except OSError:
            logger.exception("traffic spool %s not written; the record goes straight into the chain", spool)
    traffic.traffic_record_write(**fields)


def _identity(request):
    """Return (user id, username) of the logged-in user, or (None, "").

    A visitor without a session cookie cannot be logged in: the user is not looked up for them (no
    query, and no `Vary: Cookie` added to public pages).
    """
    user = getattr(request, "user", None)
    if user is None:
        return None, ""
    unevaluated = getattr(user, "_wrapped", None) is empty
    if unevaluated and settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return getattr(request, "traffic_identity", (None, ""))
    if user.is_authenticated:
        return user.pk, user.get_username()
    return getattr(request, "traffic_identity", (None, ""))


def _size(response):
    if response.streaming:
        length = response.get("Content-Length")
        return int(length) if length and length.isdigit() else None
    return len(response.content)
