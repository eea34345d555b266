"""No query string of any content makes a public page answer 5xx (property-based, hypothesis).

Every parameter a public page reads (q, category, year, page, p) gets arbitrary Unicode — NUL and other
control characters, lone quotes, FTS5 operators, numbers too big for any database — and very long input.
The test client re-raises a view's exception, so an error fails the test even before its status is read.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import pdf_bytes, upload

pytestmark = pytest.mark.django_db

PAGES = [
    "/", "/search/", "/c/news/", "/c/news/general-news/", "/c/general/annual-plan/", "/official-information/",
    "/sitemap/", "/contact/", "/en/search/", "/feeds/news/", "/feeds/announcements/atom/", "/sitemap.xml",
    "/sitemap-items.xml",
]  # fmt: skip
PARAMETERS = ("q", "category", "year", "page", "p", "fy", "unit", "topic")

FTS5_SYNTAX = st.sampled_from(
    ['"', "'", "*", "^", ":", "(", ")", "NEAR(", " AND ", " OR ", " NOT ", "-", "+", "{", "}"]
)
HUGE_NUMBERS = st.sampled_from(["99999999999999999999", "-1", "0", "1e9", "๒๕๖๙", "²", "٣", "2569.5", " 2 ", "0x10"])
VALUES = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=10),
    st.lists(st.one_of(FTS5_SYNTAX, HUGE_NUMBERS, st.text(max_size=5)), max_size=8).map("".join),
    HUGE_NUMBERS,
    st.text(min_size=300, max_size=3000),
)
QUERIES = st.dictionaries(st.sampled_from(PARAMETERS), VALUES, max_size=4)


@pytest.fixture
def some_items(publish):
    publish("general-news", "ข่าวการรณรงค์ฉีดวัคซีนไข้หวัดใหญ่ ๒๕๖๙", summary="ผู้สูงอายุ \"ฟรี\" 'ทุกคน'")
    publish("annual-plan", "แผนปฏิบัติราชการ พ.ศ. 2569", files=[upload("แผน.pdf", pdf_bytes())])


@pytest.mark.parametrize("path", PAGES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES)
def test_no_query_string_makes_a_public_page_fail(client, office, some_items, path, query):
    response = client.get(path, query)
    assert response.status_code < 500


@pytest.mark.parametrize(
    "query",
    [
        {"q": "<script>\x00'\"<script>"},
        {"q": '"'},
        {"q": "NEAR(a b"},
        {"q": "ข่าว", "page": "99999999999999999999"},
        {"page": "²"},
        {"q": "ข่าว", "year": "99999999999999999999"},
        {"q": "\x00"},
    ],
)
def test_queries_that_once_crashed_the_search_answer_normally(client, office, some_items, query):
    assert client.get("/search/", query).status_code in (200, 400, 404)


def test_a_huge_page_number_on_a_topic_answers_404_in_thai(client, office, some_items):
    response = client.get("/c/news/general-news/", {"page": "99999999999999999999"})
    assert response.status_code == 404
    assert "ไม่มีหน้าที่" in response.content.decode()
