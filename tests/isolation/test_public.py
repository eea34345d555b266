"""Under office B's host nothing of office A is found or listed, on every public route, in Thai and English."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.isolation.helpers import assert_no_token, body_text
from tests.isolation.routes import TABLE, fill, of_kind
from tests.isolation.world import B_HOST

pytestmark = pytest.mark.django_db
LANGUAGES = ("th", "en")


def url_of(key, side, language="th"):
    route = TABLE[key]
    if route.path is not None:
        return route.path(side)
    with translation.override(language):
        url = reverse(key, kwargs=fill(route, side))
    return f"{url}?{route.query(side)}" if route.query else url


def _public_languages(key):
    return LANGUAGES if key.startswith("public:") else ("th",)


@pytest.mark.parametrize(
    ("key", "language"), [(k, lang) for k in of_kind("public-object") for lang in _public_languages(k)]
)
def test_a_public_address_of_office_a_is_not_found_under_office_bs_host(key, language, world, client):
    a = world.a
    url = url_of(key, a, language)
    assert client.get(url).status_code == TABLE[key].control_status, f"{url} under A's own host"
    response = client.get(url, HTTP_HOST=B_HOST)
    assert response.status_code == 404, url
    assert_no_token(response, a.token, url)


@pytest.mark.parametrize(
    ("key", "language"), [(k, lang) for k in of_kind("public-list", "infra") for lang in _public_languages(k)]
)
def test_a_public_listing_under_office_bs_host_never_shows_office_a(key, language, world, client):
    a, b, route = world.a, world.b, TABLE[key]
    marks = route.marks or (lambda side: [side.token])
    url_a, url_b = url_of(key, a, language), url_of(key, b, language)
    # A's page first: anything kept (the page cache, window caches) must not be what B's host is answered.
    mine = body_text(client.get(url_a))
    if route.shows:
        assert all(mark in mine for mark in marks(a)), f"{url_a} should list office A's records under A's host"
    for url in dict.fromkeys((url_a, url_b)):
        response = client.get(url, HTTP_HOST=B_HOST)
        for mark in marks(a):
            assert_no_token(response, mark, f"{url} under B's host")
        if route.shows and url == url_b:
            theirs = body_text(response)
            assert all(mark in theirs for mark in marks(b)), f"{url} should list office B's records under B's host"


ITEMS_NEVER_UNDER_B = ("item", "scheduled", "expired", "withdrawn", "draft_item", "published_item", "announcement",
                       "procurement_item")  # fmt: skip


@pytest.mark.parametrize("name", ITEMS_NEVER_UNDER_B)
def test_office_as_items_in_every_state_and_their_files_are_not_found_under_bs_host(name, world, client):
    item = world.a.obj[name]
    for url in (item.get_absolute_url(), f"/en{item.get_absolute_url()}"):
        response = client.get(url, HTTP_HOST=B_HOST)
        assert response.status_code == 404, url
        assert_no_token(response, world.a.token, url)
    for attachment in item.attachments.all():
        for url in (reverse("file", args=[attachment.pk, attachment.original_name]),
                    reverse("rendition", args=[attachment.pk, 480])):  # fmt: skip
            response = client.get(url, HTTP_HOST=B_HOST)
            assert response.status_code == 404, url
            assert_no_token(response, world.a.token, url)


def test_office_as_withdrawn_and_expired_items_answer_410_only_under_as_host(world, client):
    for name in ("withdrawn", "expired"):
        assert client.get(world.a.obj[name].get_absolute_url()).status_code == 410


def test_office_as_packages_are_not_shown_by_the_catalog_api_under_bs_host(world, client):
    from khaosan.opendata.selectors import package_name

    for name in ("item", "announcement", "published_item"):
        package = package_name(world.a.obj[name])
        assert client.get(f"/api/3/action/package_show?id={package}").json()["success"], package
        for path in ("/api/3/action/package_show", "/api/action/package_show"):
            response = client.get(f"{path}?id={package}", HTTP_HOST=B_HOST)
            assert response.status_code == 404 and not response.json()["success"], package
            assert_no_token(response, world.a.token, path)
    for action in ("package_list", "organization_list", "status_show", "package_search"):
        assert_no_token(client.get(f"/api/3/action/{action}", HTTP_HOST=B_HOST), world.a.token, action)


def test_office_as_tracking_code_finds_nothing_under_bs_host(world, client):
    code = world.a.obj["complaint_code"]
    result = "participation/public/status_result.html"
    mine = client.post(reverse("public:participation:status"), {"code": code})
    assert result in [t.name for t in mine.templates], "the code finds A's complaint under A's host"
    response = client.post(reverse("public:participation:status"), {"code": code}, HTTP_HOST=B_HOST)
    assert result not in [t.name for t in response.templates] and "ไม่พบเรื่องที่มีรหัสติดตามนี้" in body_text(response)
    assert_no_token(response, world.a.token, "status")
