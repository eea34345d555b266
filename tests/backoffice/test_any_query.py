"""No query string makes a back-office list answer 5xx: huge numbers, odd digits, control characters."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.public.test_any_query import VALUES
from tests.workflow.conftest import submitted_request

pytestmark = pytest.mark.django_db

LISTS = ["/backoffice/", "/backoffice/requests/", "/backoffice/items/", "/backoffice/staff/", "/backoffice/audit/",
         "/backoffice/traffic/", "/backoffice/forms/", "/backoffice/inbox/", "/backoffice/delegations/",
         "/backoffice/participation/", "/backoffice/participation/satisfaction/",
         "/backoffice/participation/summaries/"]  # fmt: skip
PARAMETERS = ("page", "unit", "topic", "fy", "format", "state", "q", "from", "to", "channel", "show", "action",
              "actor", "date", "queue", "by", "kind", "fiscal_year", "number")  # fmt: skip


@pytest.fixture
def admin_client(as_person, office, people):
    submitted_request(office, people["requester"])
    return as_person("admin")


@pytest.mark.parametrize("path", LISTS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.dictionaries(st.sampled_from(PARAMETERS), VALUES, max_size=4))
def test_no_query_string_makes_a_back_office_list_fail(admin_client, path, query):
    assert admin_client.get(path, query).status_code < 500


@pytest.mark.parametrize(
    "path",
    ["/backoffice/requests/?unit=99999999999999999999", "/backoffice/requests/?topic=99999999999999999999",
     "/backoffice/requests/?page=99999999999999999999", "/backoffice/forms/?fy=99999999999999999999&format=pdf",
     "/backoffice/requests/?unit=²", "/backoffice/items/?page=99999999999999999999"],
)  # fmt: skip
def test_huge_numbers_in_back_office_addresses_answer_normally(admin_client, path):
    assert admin_client.get(path).status_code in (200, 302, 404)
