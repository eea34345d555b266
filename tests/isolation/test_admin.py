"""Django's admin is for platform operators: no office's people reach any of its pages, operators reach them all."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.isolation.helpers import assert_no_token
from tests.isolation.world import B_HOST

pytestmark = pytest.mark.django_db
OFFICE_PEOPLE = [(slug, role) for slug in ("banluang", "other") for role in ("admin", "webmaster", "committee",
                                                                               "requester")]  # fmt: skip
ADMIN_VIEWS = ["admin:index", "admin:password_change", "admin:password_change_done", "admin:autocomplete",
               "admin:jsi18n"]  # fmt: skip


def model_urls():
    """Every registered ModelAdmin's changelist, add, change, history and delete page, with an existing row."""
    urls = []
    for model in admin.site._registry:
        meta = model._meta
        prefix = f"admin:{meta.app_label}_{meta.model_name}"
        urls.append((f"{prefix}_changelist", model, None))
        urls.append((f"{prefix}_add", model, None))
        for view in ("change", "history", "delete"):
            urls.append((f"{prefix}_{view}", model, view))
    return urls


def _url(name, model, needs_row):
    if not needs_row:
        return reverse(name)
    row = model._base_manager.order_by("pk").first()
    return reverse(name, args=[row.pk if row is not None else 1])


@pytest.mark.parametrize(("name", "model", "needs_row"), model_urls(), ids=[u[0] for u in model_urls()])
def test_no_office_person_reaches_a_model_admin_page_and_the_operator_does(name, model, needs_row, world, signed_in,
                                                                            operator):  # fmt: skip
    url = _url(name, model, needs_row)
    for slug, role in OFFICE_PEOPLE:
        for host in ("testserver", B_HOST):
            for method in ("get", "post"):
                response = getattr(signed_in[slug, role], method)(url, HTTP_HOST=host)
                assert response.status_code in (302, 403, 404), (
                    f"{method} {url} as {slug}'s {role}: {response.status_code}"
                )
                if response.status_code == 302:
                    assert response["Location"].startswith(("/admin/login/", "/backoffice/")), response["Location"]
                assert_no_token(response, world.a.token, f"{url} as {slug}'s {role}")
                assert_no_token(response, world.b.token, f"{url} as {slug}'s {role}")
    exists = not needs_row or model._base_manager.exists()
    if name.endswith(("_changelist", "_change")) and exists:
        assert operator.get(url).status_code == 200, f"{url} as the platform operator"


@pytest.mark.parametrize("name", ADMIN_VIEWS)
def test_no_office_person_reaches_the_admins_own_pages(name, world, signed_in, operator):
    url = reverse(name)
    for slug, role in OFFICE_PEOPLE:
        response = signed_in[slug, role].get(url)
        assert response.status_code in (302, 403, 404), f"{url} as {slug}'s {role}: {response.status_code}"
    if name != "admin:autocomplete":  # it answers only the admin's own search fields
        assert operator.get(url).status_code in (200, 302), f"{url} as the platform operator"


def test_the_operator_sees_both_offices_in_the_admin(world, operator):
    page = operator.get("/admin/catalog/item/?q=ลับเฉพาะ").content.decode()
    assert world.a.token in page and world.b.token in page
