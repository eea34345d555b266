"""ITA/MOIT pages: the public evidence by fiscal year (BO-3), the public request form of a published item
(MOIT1-F), and the back-office view of what is missing with its evidence packs (MOIT-0.2).

Views only read, through `compliance.ita` and `compliance.evidence`; nothing here writes.
"""

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from khaosan.backoffice.decorators import role_required
from khaosan.catalog import selectors
from khaosan.catalog.models import Item
from khaosan.catalog.storage import content_disposition
from khaosan.compliance import evidence, ita
from khaosan.org.roles import Role
from khaosan.params import positive_int
from khaosan.thai.dates import current_fiscal_year, fiscal_quarter, fiscal_year_bounds

ITA_READERS = (Role.WEBMASTER, Role.REVIEWER, Role.APPROVER, Role.COMMITTEE, Role.ADMINISTRATOR)
REQUEST_FORM_CACHE_SECONDS = 24 * 3600  # the key changes with the item and its request, so a day is only memory


# ------------------------------------------------------------------------------------------------ public


def ita_index(request):
    """ITA: one entry per fiscal year, newest first, past years kept (THAI-SITES)."""
    office = request.office
    years = []
    for fy in ita.ita_years():
        year = ita.cached_ita_year(office, fy)
        first, last = fiscal_year_bounds(fy)
        years.append({"fiscal_year": fy, "answered": year.answered_count, "total": len(year.items),
                      "first": first, "last": last})  # fmt: skip
    return render(request, "compliance/ita_index.html", {"years": years})


def ita_year(request, fy):
    """One fiscal year as an auditor reads it: jump links to MOIT 1 … 22, a table per indicator."""
    from khaosan.public.views import message_page

    office = request.office
    years = ita.ita_years()
    if fy not in years:
        return message_page(
            request, status=404, title=_("ไม่พบปีงบประมาณที่เลือก"),
            message=_("ยังไม่มีข้อมูล ITA ของปีงบประมาณ %(fy)s โปรดเลือกปีจากหน้ารวม ITA") % {"fy": fy},
            back_url=reverse("public:ita"),
        )  # fmt: skip
    year = ita.cached_ita_year(office, fy)
    # The tables are rendered once per language until the catalog or a publication window changes.
    html = selectors.window_cached(
        office, f"ita-html:{fy}:{get_language()}",
        lambda: render_to_string("compliance/_ita_tables.html", {"year": year}, request=request),
    )  # fmt: skip
    first, last = fiscal_year_bounds(fy)
    return render(request, "compliance/ita_year.html", {
        "year": year, "tables_html": mark_safe(html), "years": years, "first": first, "last": last,
    })  # fmt: skip


@require_GET
def item_request_form(request, pk):
    """The request form of a public item (MOIT1-F), so that an auditor can open it from the ITA page.

    Only for an item of this office that is public now and came through a request; 404 otherwise. The PDF
    is kept until the item or its request changes: Chromium runs once per version, not once per visitor.
    """
    try:
        item = selectors.public_item(request.office, pk)
    except selectors.ItemGone:
        raise Http404 from None
    pub_request = evidence.published_request(item)
    if pub_request is None:
        raise Http404
    versions = f"{item.updated_at.isoformat()}:{pub_request.pk}:{pub_request.updated_at.isoformat()}"
    key = f"public-request-form:{item.pk}:{versions}"
    content = cache.get(key)
    if content is None:
        from khaosan.workflow.documents import request_form_pdf

        content = request_form_pdf(pub_request)
        cache.set(key, content, REQUEST_FORM_CACHE_SECONDS)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition("inline", f"แบบฟอร์มขอเผยแพร่-{item.pk}.pdf")
    # Checked again on every request: a withdrawn item's form must stop at once, like its files.
    patch_cache_control(response, no_cache=True, public=True)
    return response


# ------------------------------------------------------------------------------------------------ back-office


def _chosen_year_and_quarter(params, years):
    """The fiscal year (one of `years`) and quarter asked for, else this year's current quarter (being filled)."""
    current = current_fiscal_year()
    fy = positive_int(params.get("fy"))
    if fy not in years:
        fy = current if current in years or not years else years[0]
    quarter = positive_int(params.get("quarter"))
    if quarter not in ita.QUARTERS:
        quarter = fiscal_quarter(timezone.localdate()) if fy == current else (4 if fy < current else 1)
    return fy, quarter


@role_required(*ITA_READERS)
def ita_backoffice(request):
    """What each MOIT item and sub-item still lacks for the chosen quarter, who answers for it, how to ask."""
    office = request.user.office
    years = ita.moit_years()
    fy, quarter = _chosen_year_and_quarter(request.GET, years)
    year, duties = ita.ita_duties(office, fy, quarter)
    by_indicator = [(indicator, [d for d in duties if d.row.code.indicator == indicator.number])
                    for indicator in year.indicators]  # fmt: skip
    rows = [d for d in duties if not d.row.heading_only]
    return render(request, "compliance/ita_backoffice.html", {
        "year": year, "fy": fy, "quarter": quarter, "years": years, "quarters": ita.QUARTERS,
        "by_indicator": by_indicator, "complete": sum(1 for d in rows if d.complete), "total": len(rows),
        "public_year": fy in ita.ita_years(),
    })  # fmt: skip


def _download(content, mime, name):
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = content_disposition("attachment", name)
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(*ITA_READERS)
def ita_item_pack(request, pk):
    """The evidence pack of one published item of the office (cover, memo, document, form)."""
    item = get_object_or_404(Item.objects.select_related("office", "topic__category", "owner_unit"), pk=pk,
                             office=request.user.office, status=Item.Status.PUBLISHED)  # fmt: skip
    fy = positive_int(request.GET.get("fy")) or item.fiscal_year or current_fiscal_year()
    content = evidence.item_pack_pdf(item, fiscal_year=fy)
    return _download(content, "application/pdf", f"หลักฐาน-MOIT-{fy}-{item.pk}.pdf")


@role_required(*ITA_READERS)
def ita_pack(request, fy, fmt):
    """A quarter's or a year's evidence as one PDF, a zip with a folder per MOIT item, or the URL list (CSV)."""
    office = request.user.office
    quarter = positive_int(request.GET.get("quarter"))
    if quarter is not None and quarter not in ita.QUARTERS:
        raise Http404
    period = f"ไตรมาส{quarter}-{fy}" if quarter else f"ปีงบประมาณ{fy}"
    if fmt == "pdf":
        return _download(evidence.ita_pack_pdf(office, fy, quarter=quarter), "application/pdf",
                         f"หลักฐาน-MOIT-{period}.pdf")  # fmt: skip
    if fmt == "zip":
        return _download(evidence.ita_pack_zip(office, fy, quarter=quarter), "application/zip",
                         f"หลักฐาน-MOIT-{period}.zip")  # fmt: skip
    if fmt == "csv":
        return _download(evidence.ita_urls_csv(office, fy), "text/csv; charset=utf-8", f"ลิงก์-MOIT-{fy}.csv")
    raise Http404
