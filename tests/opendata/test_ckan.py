"""The open-data catalog: CKAN Action API shapes, DCAT-AP, downloads; only what the public site shows."""

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.utils import timezone

from khaosan.catalog.services import item_withdraw
from khaosan.org.models import Unit
from tests.conftest import pdf_bytes, upload

pytestmark = pytest.mark.django_db

SHAPES = Path(__file__).parent / "dcat-ap-mandatory.ttl"


def call(client, action, host=None, **params):
    extra = {"HTTP_HOST": host} if host else {}
    response = client.get(f"/api/3/action/{action}", params, **extra)
    return response.status_code, response.json()


@pytest.fixture
def catalog(publish, office, other_office):
    unit = Unit.objects.get(office=office, code="admin")
    now = timezone.now()
    shown = publish(title="แผนปฏิบัติการประจำปี 2569", summary="แผนงานและงบประมาณ", owner_unit=unit,
                    data_from=dt.date(2025, 10, 1), data_to=dt.date(2026, 9, 30),
                    files=[upload("แผน2569.pdf", pdf_bytes())])  # fmt: skip
    scheduled = publish(title="ประกาศล่วงหน้า", at=now + dt.timedelta(days=2))
    expired = publish(title="ประกาศหมดอายุ", at=now - dt.timedelta(days=5), expire_at=now - dt.timedelta(days=1))
    withdrawn = publish(title="ประกาศที่ถอนแล้ว")
    item_withdraw(item=withdrawn, reason="ข้อมูลผิด")
    theirs = publish(title="ข่าวของอำเภอเมือง", office=other_office)
    return {"shown": shown, "hidden": [scheduled, expired, withdrawn, theirs], "theirs": theirs}


def test_package_list_and_show_follow_ckan_shapes(client, catalog):
    status, body = call(client, "package_list")
    assert status == 200 and body["success"] is True and body["result"] == [f"item-{catalog['shown'].pk}"]
    status, body = call(client, "package_show", id=f"item-{catalog['shown'].pk}")
    package = body["result"]
    assert package["title"] == "แผนปฏิบัติการประจำปี 2569" and package["type"] == "dataset"
    assert package["organization"]["name"] == "admin" and package["owner_org"] == "admin"
    assert package["temporal_coverage_start"] == "2025-10-01" and package["temporal_coverage_end"] == "2026-09-30"
    assert package["update_frequency_unit"]  # from the topic's refresh rule
    resource = package["resources"][0]
    assert resource["format"] == "PDF" and resource["size"] == len(pdf_bytes())
    assert resource["hash"].startswith("sha256:") and resource["url"].startswith("http://testserver/files/")
    assert package["num_resources"] == 1


@pytest.mark.parametrize("index", range(4))
def test_items_outside_the_window_withdrawn_or_of_another_office_are_never_packages(client, catalog, index):
    hidden = catalog["hidden"][index]
    status, body = call(client, "package_show", id=f"item-{hidden.pk}")
    assert status == 404 and body["success"] is False and body["error"]["__type"] == "Not Found Error"
    assert f"item-{hidden.pk}" not in call(client, "package_list")[1]["result"]
    assert call(client, "package_search", q=hidden.title)[1]["result"]["count"] == 0
    for url in ("/catalog.jsonld", "/catalog.ttl", "/data/items.csv", "/data/items.json", "/data/"):
        assert hidden.title not in client.get(url).content.decode(), url


def test_the_other_office_sees_only_its_own(client, catalog, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example.go.th"]
    _status, body = call(client, "package_list", host="other.example.go.th")
    assert body["result"] == [f"item-{catalog['theirs'].pk}"]


def test_package_search_with_q_rows_start_and_fq(client, catalog, publish, office):
    for n in range(3):
        publish(title=f"ข่าวประชาสัมพันธ์ครั้งที่ {n}")
    result = call(client, "package_search", q="แผนปฏิบัติการ")[1]["result"]
    assert result["count"] == 1 and result["results"][0]["name"] == f"item-{catalog['shown'].pk}"
    page = call(client, "package_search", rows=2, start=1)[1]["result"]
    assert page["count"] == 4 and len(page["results"]) == 2
    assert call(client, "package_search", fq="organization:admin")[1]["result"]["count"] == 1
    tag = catalog["shown"].topic.name_th
    assert call(client, "package_search", fq=f'tags:"{tag}"')[1]["result"]["count"] >= 1
    status, body = call(client, "package_search", fq="title:x OR 1=1")
    assert status == 409 and body["success"] is False


def test_organization_list_and_status_show(client, catalog):
    assert call(client, "organization_list")[1]["result"] == ["admin"]
    organizations = call(client, "organization_list", all_fields="true")[1]["result"]
    assert organizations[0]["title"] == "กลุ่มงานบริหารทั่วไป" and organizations[0]["is_organization"] is True
    status = call(client, "status_show")[1]["result"]
    assert status["ckan_version"] and status["site_title"] == "สำนักงานสาธารณสุขอำเภอบ้านหลวง"


def test_an_unknown_action_is_a_ckan_error(client, catalog):
    status, body = call(client, "package_create")
    assert status == 400 and body["success"] is False


def test_the_catalog_is_dcat_ap_json_ld_and_turtle_with_hydra_paging(client, catalog):
    import pyshacl
    from rdflib import Graph, Namespace
    from rdflib.namespace import DCAT, DCTERMS, RDF

    hydra = Namespace("http://www.w3.org/ns/hydra/core#")
    graph = Graph().parse(data=client.get("/catalog.jsonld").content, format="json-ld")
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == 1
    assert str(graph.value(datasets[0], DCTERMS.title)) == "แผนปฏิบัติการประจำปี 2569"
    assert next(graph.objects(None, hydra.first), None) is not None
    conforms, _report, text = pyshacl.validate(graph, shacl_graph=Graph().parse(SHAPES), inference="none")
    assert conforms, text
    turtle = Graph().parse(data=client.get("/catalog.ttl").content, format="turtle")
    assert set(turtle.subjects(RDF.type, DCAT.Dataset)) == set(datasets)


def test_pages_of_the_catalog_link_to_each_other(client, catalog, publish, monkeypatch):
    from rdflib import Graph, Namespace

    from khaosan.opendata import dcat

    monkeypatch.setattr(dcat, "PAGE_SIZE", 1)
    publish(title="รายการที่สอง")
    hydra = Namespace("http://www.w3.org/ns/hydra/core#")
    first = Graph().parse(data=client.get("/catalog.jsonld").content, format="json-ld")
    assert str(next(first.objects(None, hydra.next))).endswith("/catalog.jsonld?page=2")
    second = Graph().parse(data=client.get("/catalog.jsonld", {"page": 2}).content, format="json-ld")
    assert str(next(second.objects(None, hydra.previous))).endswith("?page=1")
    assert next(second.objects(None, hydra.next), None) is None


def test_csv_and_json_downloads_of_a_listing(client, catalog):
    category = catalog["shown"].topic.category.code
    rows = list(
        csv.DictReader(io.StringIO(client.get("/data/items.csv", {"category": category}).content.decode("utf-8-sig")))
    )
    assert [r["title"] for r in rows] == ["แผนปฏิบัติการประจำปี 2569"] and rows[0]["files"].startswith("http")
    data = json.loads(client.get("/data/items.json", {"q": "แผนปฏิบัติการ"}).content)
    assert [r["id"] for r in data] == [f"item-{catalog['shown'].pk}"]
    assert client.get("/data/items.xml").status_code == 404


def test_the_data_catalog_page_is_linked_from_the_footer(client, catalog):
    home = client.get("/").content.decode()
    assert 'href="/data/"' in home
    page = client.get("/data/").content.decode()
    assert "แผนปฏิบัติการประจำปี 2569" in page and "/catalog.jsonld" in page


def test_an_expired_item_leaves_the_cached_api_at_its_expiry_instant(client, publish, office, clock):
    item = publish(title="ประกาศรับสมัคร", expire_at=timezone.now() + dt.timedelta(minutes=1))
    assert call(client, "package_list")[1]["result"] == [f"item-{item.pk}"]
    clock.advance(minutes=1)
    assert call(client, "package_list")[1]["result"] == []


class DjangoTransport:
    """A requests adapter that hands ckanapi's HTTP calls to Django's test client: real requests, no server thread."""

    def __init__(self, client):
        self.client = client

    def send(self, request, **kwargs):
        from urllib.parse import urlsplit

        import requests

        url = urlsplit(request.url)
        path = url.path + (f"?{url.query}" if url.query else "")
        answer = self.client.generic(request.method, path, data=request.body or b"",
                                     content_type=request.headers.get("Content-Type", "application/json"))  # fmt: skip
        response = requests.Response()
        response.status_code, response._content, response.url = answer.status_code, answer.content, request.url
        response.headers.update(dict(answer.items()))
        response.request = request
        return response

    def close(self):
        pass


def test_ckanapi_lists_and_searches_the_packages_with_their_resources(client, catalog):
    import requests
    from ckanapi import RemoteCKAN

    session = requests.Session()
    session.mount("http://", DjangoTransport(client))
    site = RemoteCKAN("http://testserver", session=session)
    names = site.action.package_list()
    assert names == [f"item-{catalog['shown'].pk}"]
    found = site.action.package_search(q="แผนปฏิบัติการ", rows=10, fq="organization:admin")
    assert found["count"] == 1 and found["results"][0]["resources"][0]["format"] == "PDF"
    assert site.action.package_show(id=names[0])["resources"][0]["name"] == "แผน2569.pdf"
    assert site.action.organization_list() == ["admin"]
    assert site.action.status_show()["site_title"]
