"""No input a visitor sends makes a participation page answer 5xx or an English error (property-based)."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khaosan.participation import ratelimit
from tests.public.test_any_query import VALUES

pytestmark = pytest.mark.django_db

ENGLISH = ("This field", "Enter a valid", "Null characters", "Ensure this", "Select a valid", "The submitted file")
FORMS = {
    "/participation/complaint/service/": ("kind", "subject", "detail", "happened_on", "concerned", "name", "phone",
                                          "email", "address", "truthful", "submission_key"),
    "/participation/complaint/corruption/": ("kind", "subject", "detail", "anonymous", "name", "email", "truthful"),
    "/participation/feedback/": ("subject", "detail", "name", "email", "submission_key"),
    "/participation/question/": ("subject", "detail", "email"),
    "/participation/status/": ("code", ratelimit.CHALLENGE_TOKEN, ratelimit.CHALLENGE_ANSWER),
    "/participation/satisfaction/": ("score", "found", "service", "comment", "page"),
}  # fmt: skip


@pytest.mark.parametrize("path", list(FORMS))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_post_makes_a_form_fail_or_speak_english(office, path, data):
    from django.core.cache import caches

    caches["participation"].clear()  # every example starts under the limits
    post = data.draw(st.dictionaries(st.sampled_from(FORMS[path]), VALUES, max_size=len(FORMS[path])))
    response = Client().post(path, post)
    assert response.status_code in (200, 400, 429)
    html = response.content.decode()
    assert not any(english in html for english in ENGLISH), html[:2000]


@pytest.mark.parametrize("path", ["/participation/faq/", "/participation/satisfaction/", "/participation/"])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.dictionaries(st.sampled_from(["q", "page", "service"]), VALUES, max_size=3))
def test_no_query_string_makes_a_public_page_fail(client, office, path, query):
    assert client.get(path, query).status_code == 200


def test_a_post_without_the_csrf_token_is_refused_in_thai(office):
    response = Client(enforce_csrf_checks=True).post("/participation/feedback/", {"detail": "ความเห็นจากเว็บอื่น"})
    assert response.status_code == 403 and "ส่งแบบฟอร์มไม่สำเร็จ" in response.content.decode()
