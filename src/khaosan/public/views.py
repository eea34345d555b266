"""The public website (S-1, S-G.2): thin views over the catalog selectors."""

import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from khaosan.catalog import search as catalog_search
from khaosan.catalog import selectors
from khaosan.catalog.models import Topic
from khaosan.catalog.services import attachment_count_download
from khaosan.catalog.storage import blob_response, media_response, rendition_file
from khaosan.params import positive_int
from khaosan.public.fragments import kept_object
from khaosan.public.sitemaps import sitemaps_for
from khaosan.public.visits import count_item_view


class BadPage(Exception):
    """A page number that is not a number or lies past the last page."""

    def __init__(self, message, status):
        self.message, self.status = message, status


class CountedPaginator(Paginator):
    """A paginator told its count (already known from a cache) instead of asking the database."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self):
        return self._known_count


def paginate(request, queryset, *, per_page=None, count=None):
    """Return the requested page of `queryset`; a bad page number gets a Thai message, not a crash."""
    per_page = per_page or settings.KHAOSAN["ITEMS_PER_PAGE"]
    raw = request.GET.get("page", "1").strip() or "1"
    number = positive_int(raw)
    if number is None and not raw.isdecimal():
        raise BadPage(_("“%(page)s” ไม่ใช่เลขหน้า โปรดใช้ตัวเลข เช่น 1 หรือ 2") % {"page": raw[:20]}, 400)
    paginator = Paginator(queryset, per_page) if count is None else CountedPaginator(queryset, per_page, count=count)
    if number is None or number > paginator.num_pages:
        raise BadPage(
            _("ไม่มีหน้าที่ %(page)s รายการนี้มีทั้งหมด %(pages)s หน้า") % {"page": raw[:20], "pages": paginator.num_pages},
            404,
        )
    return paginator.page(number)


def message_page(request, *, status, title, message, back_url=None):
    return render(
        request,
        "public/message.html",
        {"title": title, "message": message, "back_url": back_url or request.path},
        status=status,
    )


def bad_page(request, error):
    return message_page(request, status=error.status, title=_("ไม่พบหน้าที่ต้องการ"), message=error.message)


def home(request):
    office = request.office
    return render(
        request,
        "public/home.html",
        {
            # Callables: read only when the kept home page (public/fragments.py) is made again.
            "news": lambda: selectors.latest_news(office, limit=6),
            "announcements": lambda: selectors.latest_announcements(office, limit=8),
            "eservice_topics": Topic.objects.filter(kind=Topic.Kind.ESERVICE, retired_at__isnull=True).select_related(
                "category"
            ),
        },
    )


def category(request, code):
    category = selectors.category_by_code(code)
    counts = selectors.topic_counts(request.office, category)
    # The navigation's topics are shared by every request of this worker: read, never written to.
    topics = [(t, counts.get(t.pk, 0)) for c in selectors.navigation() if c.pk == category.pk for t in c.topics.all()]
    latest = selectors.with_list_data(
        selectors.public_items(request.office).filter(topic__category=category).order_by("-publish_at", "-pk")
    )[:10]
    return render(request, "public/category.html", {"category": category, "topics": topics, "latest": latest})


def topic(request, category_code, topic_code):
    category = selectors.category_by_code(category_code)
    topic = selectors.topic_by_code(category, topic_code)
    if topic.merged_into_id:
        return redirect(topic.merged_into, permanent=True)
    items = selectors.topic_items(request.office, topic)
    state = getattr(request, "page_stamp", None)
    years = selectors.topic_fiscal_years(request.office, topic, items, state=state)
    year = request.GET.get("year", "")
    if year:
        if positive_int(year) not in years:
            return message_page(
                request,
                status=404,
                title=_("ไม่พบรายการของปีที่เลือก"),
                message=_("ไม่มีรายการในปีงบประมาณ “%(year)s” ของหัวข้อนี้ โปรดเลือกปีจากรายการ") % {"year": year[:8]},
            )
        items = items.filter(fiscal_year=positive_int(year))
    count = selectors.topic_item_count(request.office, topic, items, positive_int(year) if year else None, state=state)
    try:
        page = paginate(request, selectors.with_list_data(items.order_by("-publish_at", "-pk")), count=count)
    except BadPage as error:
        return bad_page(request, error)
    return render(
        request,
        "public/topic.html",
        {"category": category, "topic": topic, "page": page, "years": years, "year": year},
    )


def item(request, pk):
    try:
        found = kept_object(request, "item", (pk,), lambda: selectors.office_item(request.office, pk))
        item = selectors.public_item(request.office, pk, item=found)
    except selectors.ItemGone as gone:
        return render(request, "public/item_gone.html", {"item": gone.item}, status=410)
    count_item_view(request, item)
    return render(
        request,
        "public/item.html",
        # Lazy: read only when the item's kept content (public/fragments.py) is made again.
        {"item": item, "topic": item.topic, "category": item.topic.category,
         "attachments": SimpleLazyObject(lambda: ItemFiles.of(item))},
    )  # fmt: skip


@dataclass(frozen=True)
class ItemFiles:
    files: list
    images: list

    @classmethod
    def of(cls, item):
        attachments = list(item.attachments.select_related("blob").order_by("order", "pk"))
        return cls([a for a in attachments if not a.is_image], [a for a in attachments if a.is_image])


def official_information(request):
    """ศูนย์ข้อมูลข่าวสาร: the OIA section 7 and 9 items, indexed by section (OIC-4)."""
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language

    office = request.office
    sections = selectors.window_cached(office, "oic-index", lambda: selectors.oic_index(office))
    # The long list of sections is rendered once per language until the catalog or a window changes.
    html = selectors.window_cached(
        office, f"oic-html:{get_language()}",
        lambda: render_to_string("public/_oic_sections.html", {"sections": sections}, request=request),
    )  # fmt: skip
    return render(request, "public/oic.html", {"sections": sections, "sections_html": mark_safe(html)})


def search(request):
    office = request.office
    query = request.GET.get("q", "")
    category_code = request.GET.get("category", "")
    year = request.GET.get("year", "")
    candidates = selectors.public_items(office)
    categories = selectors.navigation()
    errors = []
    if category_code:
        if any(c.code == category_code for c in categories):
            candidates = candidates.filter(topic__category__code=category_code)
        else:
            errors.append(_("ไม่พบหมวดหมู่ที่เลือก จึงค้นหาจากทุกหมวดหมู่"))
            category_code = ""
    if year:
        if 2400 < (positive_int(year) or 0) < 2800:
            candidates = candidates.filter(fiscal_year=positive_int(year))
        else:
            errors.append(_("ปีงบประมาณต้องเป็นปี พ.ศ. 4 หลัก เช่น 2569 จึงค้นหาจากทุกปี"))
            year = ""
    per_page = settings.KHAOSAN["ITEMS_PER_PAGE"]
    number = positive_int(request.GET.get("page"), default=1)
    results = catalog_search.search(
        selectors.with_list_data(candidates), query, limit=per_page, offset=(number - 1) * per_page, office=office
    )
    pages = max(1, -(-results.total // per_page))
    if results.query and not results.words:
        errors.append(_("คำค้นไม่มีตัวอักษรหรือตัวเลขที่ค้นหาได้ โปรดพิมพ์คำที่ต้องการค้นหา"))
    return render(
        request,
        "public/search.html",
        {
            "results": results,
            "query": query[:200],
            "category_code": category_code,
            "year": year,
            "years": selectors.public_fiscal_years(office),
            "errors": errors,
            "page_number": number,
            "pages": pages,
        },
    )


def contact(request):
    return render(request, "public/contact.html", {"units": request.office.units.filter(is_active=True)})


def static_page(template):
    def view(request):
        return render(request, f"public/pages/{template}.html")

    view.__name__ = template.replace("-", "_")
    return view


def sitemap_page(request):
    return render(request, "public/sitemap.html", {"categories": selectors.navigation()})


@require_GET
def file_download(request, pk, name):
    """Serve a file of a public item: PDFs and images inline, the rest as downloads (RFC 5987 names)."""
    attachment = selectors.public_attachment(request.office, pk)
    blob = attachment.blob
    etag = f'"{blob.sha256}"'
    if not_modified := get_conditional_response(request, etag=etag):
        return not_modified
    inline = attachment.opens_inline and request.GET.get("download") != "1"
    response = blob_response(blob, filename=attachment.original_name, inline=inline)
    attachment_count_download(attachment)
    response["ETag"] = etag
    # Checked again on every request: a withdrawn item's files must stop at once.
    patch_cache_control(response, no_cache=True, private=True)
    return response


@require_GET
def media_file(request, name):
    """An office image (emblem, map, photo) from the private bucket; with the images on disk, nothing (404)."""
    return media_response(name)


@require_GET
def rendition(request, pk, width):
    if width not in settings.KHAOSAN["RENDITION_WIDTHS"]:
        raise Http404
    attachment = selectors.public_attachment(request.office, pk)
    if not attachment.is_image:
        raise Http404
    etag = f'"{attachment.blob.sha256}-{width}"'
    if not_modified := get_conditional_response(request, etag=etag):
        return not_modified
    response = blob_response(attachment.blob, filename=f"{attachment.label}-{width}.jpg", inline=True,
                             name=rendition_file(attachment.blob, width), content_type="image/jpeg")  # fmt: skip
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True, public=True)
    return response


def admin_login_redirect(request):
    from django.contrib.auth.views import redirect_to_login
    from django.urls import reverse

    return redirect_to_login(request.GET.get("next", "/admin/"), reverse("backoffice:login"))


def sitemap_index(request):
    """sitemap.xml: an index of the sections, each split into pages of at most 1,000 addresses."""
    office = request.office

    def render():
        response = sitemap_views.index(request, sitemaps=sitemaps_for(office), sitemap_url_name="sitemap-section")
        response.render()
        return response.content

    key = f"sitemap-index:{request.scheme}:{request.get_host()}"
    return HttpResponse(selectors.window_cached(office, key, render, max_age=600), content_type="application/xml")


def sitemap_section(request, section):
    """One page of one section; cached until the next publish or expiry instant, never longer."""
    office = request.office

    def render():
        response = sitemap_views.sitemap(request, sitemaps=sitemaps_for(office), section=section)
        response.render()
        return response.content

    page = positive_int(request.GET.get("p", "1"))
    if page is None:
        raise Http404
    key = f"sitemap:{request.scheme}:{request.get_host()}:{section}:{page}"
    return HttpResponse(selectors.window_cached(office, key, render, max_age=600), content_type="application/xml")


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /backoffice/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def healthz(request):
    """For monitoring: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        status, body = 200, {"status": "ok"}
    except Exception:  # noqa: BLE001  any database failure means "not healthy"
        status, body = 503, {"status": "database unavailable"}
    response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    patch_cache_control(response, no_store=True)
    return response
