"""The route table cannot go stale: every URL of the deployment is classified (tests/isolation/routes.py)."""

from django.contrib import admin

from tests.isolation.routes import TABLE, all_routes


def _is_admin(key, pattern):
    """Django's admin: its own views and every registered ModelAdmin's (test_admin.py walks them all)."""
    return pattern.startswith("admin/") and (key.startswith("admin:") or key == pattern)


def test_every_route_is_classified():
    unclassified = [(key, pattern) for key, pattern in all_routes() if key not in TABLE and not _is_admin(key, pattern)]
    assert not unclassified, f"say in tests/isolation/routes.py how these are checked: {unclassified}"


def test_the_table_names_only_routes_that_exist():
    keys = {key for key, _pattern in all_routes()}
    development_only = {key for key, route in TABLE.items() if "DEBUG" in route.note}
    assert set(TABLE) - keys - development_only == set()


def test_every_model_admin_is_reached_through_the_admin_walk():
    assert admin.site._registry, "the admin walk would check nothing"


def test_the_table_size():
    """Printed in the report: how many routes are classified by hand, and how many admin routes by rule."""
    routes = all_routes()
    by_rule = [key for key, pattern in routes if key not in TABLE and _is_admin(key, pattern)]
    assert len(TABLE) >= 130 and len(by_rule) >= 100, (len(TABLE), len(by_rule))
