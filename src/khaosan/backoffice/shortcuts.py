"""Small helpers every back-office screen uses: pages of a list, JSON or HTML, the page to go back to."""

from django.core.paginator import Paginator
from django.utils.http import url_has_allowed_host_and_scheme

PER_PAGE = 25


def paginate(request, queryset):
    paginator = Paginator(queryset, PER_PAGE)
    return paginator.get_page(request.GET.get("page"))


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def back_to(request, default):
    """The page a form asked to return to, if it is on this site; otherwise `default` (no open redirect)."""
    target = request.POST.get("back", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default
