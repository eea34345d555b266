"""The open-data catalog: a read-only CKAN Action API, DCAT-AP (JSON-LD, Turtle), downloads and a page for people.

Every answer is computed from the public window (opendata.selectors) and cached with
catalog.selectors.window_cached, so it is never stale: the cache is keyed by the catalog's state and
kept only until the next publish or expiry instant.
"""

import csv
import hashlib
import io
import json

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from khaosan.catalog.selectors import window_cached
from khaosan.opendata import dcat
from khaosan.opendata import selectors as packages
from khaosan.params import positive_int


class ActionError(Exception):
    """A CKAN error answer: (HTTP status, __type, message)."""

    def __init__(self, status, kind, message):
        super().__init__(message)
        self.status, self.kind, self.message = status, kind, message


def _params(request):
    """CKAN takes an action's parameters as a query string (GET) or a JSON object (POST, as ckanapi sends)."""
    params = {key: request.GET.get(key) for key in request.GET}
    if request.method == "POST" and request.body:
        try:
            body = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            raise ActionError(400, "Validation Error", "Bad request - JSON Error: could not parse the body") from None
        if not isinstance(body, dict):
            raise ActionError(400, "Validation Error", "Bad request - JSON Error: the body must be an object")
        params.update(body)
    return params


def _number(params, name, default, *, maximum=None):
    value = params.get(name, default)
    if value in (None, ""):
        return default
    number = positive_int(str(value), default=None)
    if number is None and str(value) != "0":
        raise ActionError(409, "Validation Error", f"{name}: Invalid integer")
    number = number or 0
    return min(number, maximum) if maximum else number


def package_list(request, params):
    limit = _number(params, "limit", None, maximum=packages.MAX_ROWS * 10)
    offset = _number(params, "offset", 0)
    ids = packages.selectors.public_items(request.office).order_by("-publish_at", "-pk").values_list("pk", flat=True)
    names = [f"item-{pk}" for pk in ids]
    return names[offset : offset + limit] if limit else names[offset:]


def package_show(request, params):
    item = packages.item_of_name(request.office, str(params.get("id") or params.get("name_or_id") or ""))
    if item is None:
        raise ActionError(404, "Not Found Error", "Not found")
    return packages.package_dict(request, item)


def package_search(request, params):
    rows = _number(params, "rows", packages.DEFAULT_ROWS, maximum=packages.MAX_ROWS)
    start = _number(params, "start", 0)
    try:
        items = packages.filter_query(packages.public_packages(request.office), str(params.get("fq") or ""))
    except packages.BadFilter as error:
        raise ActionError(409, "Search Query Error", f"Search error: {error}") from None
    q = str(params.get("q") or "").strip()
    if q and q != "*:*":
        from khaosan.catalog import search

        page = search.search(items, q, limit=rows, offset=start, office=request.office)
        found, count = page.items, page.total
    else:
        count = items.count()
        found = list(items[start : start + rows])
    return {
        "count": count,
        "results": [packages.package_dict(request, item) for item in found],
        "sort": "score desc, metadata_modified desc",
        "facets": {},
        "search_facets": {},
    }


def organization_list(request, params):
    organizations = packages.organizations(request.office)
    all_fields = str(params.get("all_fields", "")).lower() in ("true", "1", "yes")
    return organizations if all_fields else [o["name"] for o in organizations]


def status_show(request, params):
    office = request.office
    return {
        "site_title": office.name_th,
        "site_description": _("บัญชีข้อมูลที่เผยแพร่ต่อสาธารณะ"),
        "site_url": request.build_absolute_uri("/").rstrip("/"),
        "ckan_version": packages.CKAN_VERSION,
        "error_emails_to": None,
        "locale_default": "th",
        "extensions": [],
    }


ACTIONS = {f.__name__: f for f in (package_list, package_show, package_search, organization_list, status_show)}


def _cache_key(request, action, params):
    raw = json.dumps([request.get_host(), action, sorted((k, str(v)) for k, v in params.items())], ensure_ascii=False)
    return f"ckan:{hashlib.sha256(raw.encode()).hexdigest()[:32]}"


@csrf_exempt
@require_http_methods(["GET", "POST"])
def action(request, name):
    """/api/3/action/<name>: CKAN's envelope {help, success, result} or {help, success: false, error}."""
    help_url = request.build_absolute_uri(reverse("opendata:help", args=[name]))
    try:
        if name not in ACTIONS:
            raise ActionError(400, "Bad Request", f"Bad request - Action name not known: {name[:60]}")
        params = _params(request)
        params.pop("callback", None)
        result = window_cached(
            request.office, _cache_key(request, name, params), lambda: ACTIONS[name](request, params)
        )
    except ActionError as error:
        body = {"help": help_url, "success": False, "error": {"__type": error.kind, "message": error.message}}
        return JsonResponse(body, status=error.status, json_dumps_params={"ensure_ascii": False})
    return JsonResponse(
        {"help": help_url, "success": True, "result": result}, json_dumps_params={"ensure_ascii": False}
    )


@require_GET
def action_help(request, name):
    function = ACTIONS.get(name)
    text = (function.__doc__ or name) if function else f"Action name not known: {name[:60]}"
    return JsonResponse({"help": request.build_absolute_uri(), "success": True, "result": text.strip()})


def _catalog(request, fmt):
    office = request.office
    page = positive_int(request.GET.get("page"), default=1)
    endpoint = reverse("opendata:jsonld" if fmt == "json-ld" else "opendata:turtle")

    def compute():
        items = packages.public_packages(office)
        total = items.count()
        chunk = list(items[(page - 1) * dcat.PAGE_SIZE : page * dcat.PAGE_SIZE])
        graph = dcat.catalog_graph(request, office, chunk, page=page, total=total, endpoint=endpoint)
        if fmt == "json-ld":
            return graph.serialize(format="json-ld", context=dcat.CONTEXT, auto_compact=True)
        return graph.serialize(format="turtle")

    return window_cached(office, f"dcat:{fmt}:{request.get_host()}:{page}", compute)


@require_GET
def catalog_jsonld(request):
    return HttpResponse(_catalog(request, "json-ld"), content_type="application/ld+json; charset=utf-8")


@require_GET
def catalog_turtle(request):
    return HttpResponse(_catalog(request, "turtle"), content_type="text/turtle; charset=utf-8")


DOWNLOAD_FIELDS = ["id", "title", "topic", "category", "organization", "url", "publish_at", "updated_at",
                   "data_from", "data_to", "fiscal_year", "files"]  # fmt: skip


def _rows(request):
    items = packages.listing_items(
        request.office,
        category=request.GET.get("category", "")[:80],
        topic=request.GET.get("topic", "")[:80],
        q=request.GET.get("q", "")[:200],
    )
    for item in items:
        yield {
            "id": packages.package_name(item),
            "title": item.title,
            "topic": item.topic.name_th,
            "category": item.topic.category.name_th,
            "organization": item.owner_unit.name_th if item.owner_unit else item.office.name_th,
            "url": request.build_absolute_uri(item.get_absolute_url()),
            "publish_at": item.publish_at.isoformat(),
            "updated_at": item.updated_at.isoformat(),
            "data_from": item.data_from.isoformat() if item.data_from else "",
            "data_to": item.data_to.isoformat() if item.data_to else "",
            "fiscal_year": item.fiscal_year or "",
            "files": " ".join(request.build_absolute_uri(a.get_absolute_url()) for a in item.attachments.all()),
        }


@require_GET
def download(request, fmt):
    """Every public listing as CSV (UTF-8 with BOM, so Excel reads Thai) or JSON: ?category=, ?topic=, ?q=."""
    if fmt not in ("csv", "json"):
        from django.http import Http404

        raise Http404
    key = f"download:{fmt}:{request.get_host()}:{request.GET.urlencode()[:300]}"
    if fmt == "json":
        body = window_cached(request.office, key, lambda: json.dumps(list(_rows(request)), ensure_ascii=False))
        return HttpResponse(body, content_type="application/json; charset=utf-8")

    def as_csv():
        out = io.StringIO()
        out.write("\ufeff")
        writer = csv.DictWriter(out, fieldnames=DOWNLOAD_FIELDS)
        writer.writeheader()
        writer.writerows(_rows(request))
        return out.getvalue()

    response = HttpResponse(window_cached(request.office, key, as_csv), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="items.csv"'
    return response


@require_GET
def catalog_page(request):
    """The data catalog for people: what is published, by unit, with the machine-readable ways in."""
    from khaosan.public.views import BadPage, bad_page, paginate

    try:
        page = paginate(request, packages.public_packages(request.office))
    except BadPage as error:
        return bad_page(request, error)
    organizations = window_cached(
        request.office, "opendata:organizations", lambda: packages.organizations(request.office)
    )
    return render(request, "opendata/catalog.html", {"page": page, "organizations": organizations})
