"""Signed in as any role of office B, no back-office screen shows or changes anything of office A."""

import pytest
from django.urls import reverse

from tests.isolation.helpers import assert_no_token, changes, office_rows
from tests.isolation.routes import TABLE, fill, of_kind
from tests.isolation.world import B_HOST, ROLES

pytestmark = pytest.mark.django_db
REFUSED = (403, 404, 405)
# A refused POST may also answer with the refusal as a message on the person's own screen (backoffice/errors.py).
REFUSED_POST = (302, *REFUSED)


# Every role of B tries each screen on B's host; those below also on A's (testserver), where `request.office` is A:
# a screen that read the host's office instead of the person's would show A's records there.
ACROSS_HOSTS = ("admin", "webmaster", "requester")


def hosts_for(role):
    return (B_HOST, "testserver") if role in ACROSS_HOSTS else (B_HOST,)


def url_of(key, side, kwargs_side=None):
    route = TABLE[key]
    url = reverse(key, kwargs=fill(route, kwargs_side or side))
    return f"{url}?{route.query(side)}" if route.query else url


@pytest.mark.parametrize("key", of_kind("bo-object"))
def test_a_screen_naming_office_as_record_refuses_every_role_of_office_b(key, world, signed_in):
    a, b, route = world.a, world.b, TABLE[key]
    url = url_of(key, a)
    if route.get and route.control:
        mine = signed_in["banluang", route.control].get(url)
        opened = mine.status_code == 200 or (mine.status_code == 302 and "/login/" not in mine["Location"])
        assert opened, f"{url} as A's {route.control}: the address names a record A's people open"
    before = office_rows(a.office)
    for role in route.roles or ROLES:
        client = signed_in["other", role]
        for host in hosts_for(role):
            if route.get:
                response = client.get(url, HTTP_HOST=host)
                assert response.status_code in REFUSED, f"GET {url} as B's {role} on {host}: {response.status_code}"
                assert_no_token(response, a.token, f"GET {url} as B's {role} on {host}")
            if route.post:
                response = client.post(url, route.post(b), HTTP_HOST=host)
                assert response.status_code in REFUSED_POST, (
                    f"POST {url} as B's {role} on {host}: {response.status_code}"
                )
                assert_no_token(response, a.token, f"POST {url} as B's {role} on {host}")
    assert not changes(before, office_rows(a.office)), f"{key} changed office A's records"


@pytest.mark.parametrize("key", of_kind("bo-scoped", "account"))
def test_a_screen_of_ones_own_office_never_shows_or_changes_office_a(key, world, signed_in):
    a, b, route = world.a, world.b, TABLE[key]
    url = url_of(key, b)
    before = office_rows(a.office)
    for role in route.roles or ROLES:
        client = signed_in["other", role]
        for host in hosts_for(role):
            if route.get:
                assert_no_token(client.get(url, HTTP_HOST=host), a.token, f"GET {url} as B's {role} on {host}")
            if route.post:
                response = client.post(url, route.post(b), HTTP_HOST=host)
                assert_no_token(response, a.token, f"POST {url} as B's {role} on {host}")
    assert not changes(before, office_rows(a.office)), f"{key} changed office A's records"
