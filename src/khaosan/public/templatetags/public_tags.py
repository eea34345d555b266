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


class KeptNode(template.Node):
    def __init__(self, name, parts, nodelist):
        self.name, self.parts, self.nodelist = name, parts, nodelist

    def render(self, context):
        from django.utils.safestring import mark_safe

        from khaosan.public.fragments import kept

        name = self.name.resolve(context)
        parts = [part.resolve(context) for part in self.parts]
        html = kept(context.get("request"), name, parts, lambda: self.nodelist.render(context),
                    preview=bool(context.get("preview")))  # fmt: skip
        return mark_safe(html)


@register.tag
def kept(parser, token):
    """{% kept "name" key … %}…{% endkept %}: keep what is between rendered (public/fragments.py)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% kept %} needs a name")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
