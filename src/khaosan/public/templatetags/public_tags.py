from django import template

register = template.Library()


@register.filter
def elided_range(page):
    """Page numbers around the current page, with … where numbers are left out."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """Return the current query string with some parameters replaced ('' removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in ("", None):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + params.urlencode() if params else "?"
