from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from khaosan.catalog import selectors
from khaosan.public.visits import visit_stats


def site(request):
    """What every public page shows: the office, the menu, the footer facts, the other language."""
    office = getattr(request, "office", None)
    if office is None:
        return {}
    current = get_language() or "th"
    other = "en" if current.startswith("th") else "th"

    def footer():
        return visit_stats(office)

    return {
        "office": office,
        "nav_categories": selectors.navigation,
        "menu_categories": selectors.menu_categories,
        "footer": footer,
        "other_language": {"code": other, "name": dict(settings.LANGUAGES)[other],
                           "url": translate_url(request.get_full_path(), other)},
    }  # fmt: skip
