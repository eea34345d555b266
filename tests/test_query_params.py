"""Query strings: no NUL reaches a view (PostgreSQL refuses it in every text comparison)."""

from django.test import RequestFactory

from khaosan.params import NoNulInQueryMiddleware


def test_nul_characters_are_dropped_from_query_values_and_names():
    seen = {}

    def view(request):
        seen.update({key: request.GET.getlist(key) for key in request.GET})
        return None

    request = RequestFactory().get("/backoffice/items/?q=%E0%B8%82%00%E0%B9%88%E0%B8%B2%E0%B8%A7&pa%00ge=2&page=3")
    NoNulInQueryMiddleware(view)(request)
    assert seen == {"q": ["ข่าว"], "page": ["2", "3"]}


def test_a_clean_query_is_left_as_it_came():
    request = RequestFactory().get("/search/?q=วัคซีน")
    original = request.GET
    NoNulInQueryMiddleware(lambda r: None)(request)
    assert request.GET is original
