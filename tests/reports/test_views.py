"""The back-office screens of trainings and of the performance report: scoping, roles, forms, files."""

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khaosan.reports import services
from khaosan.reports.models import PerformanceReport, Training
from khaosan.reports.periods import quarter_period
from tests.backoffice.conftest import verified_client
from tests.conftest import make_person, pdf_bytes, upload
from tests.public.test_any_query import VALUES
from tests.reports.test_services import COURSE

pytestmark = pytest.mark.django_db

Q2 = quarter_period(2569, 2)
ALL = "/backoffice/reports/trainings/"
MINE, NEW = ALL + "mine/", ALL + "new/"
INDEX, Q2_PAGE = "/backoffice/reports/", "/backoffice/reports/performance/2569-q2/"


def record(office, person, actor=None, **fields):
    return services.training_record(office=office, actor=actor or person, person=person, **(COURSE | fields))


def form_data(**fields):
    data = {"kind": "training", "title": "อบรมการจัดการเว็บไซต์", "organiser": "สสจ.น่าน", "starts_on": "2026-06-01",
            "ends_on": "2026-06-01", "hours": "6", "topics": ["website"]}  # fmt: skip
    return data | fields


# Trainings -------------------------------------------------------------------------------------------------


def test_a_member_of_staff_records_their_own_training_from_the_form(client, people, office):
    client.force_login(people["requester"])
    response = client.post(NEW, form_data(certificate=upload("วุฒิบัตร.pdf", pdf_bytes())))
    assert response.status_code == 302 and response["Location"] == MINE
    training = Training.objects.get()
    assert training.person == people["requester"] and training.on_website and not training.on_cyber_security
    page = client.get(MINE).content.decode()
    assert "อบรมการจัดการเว็บไซต์" in page and "วุฒิบัตร.pdf" in page
    certificate = client.get(f"/backoffice/reports/trainings/{training.pk}/certificate/")
    assert certificate.status_code == 200 and certificate["Content-Type"] == "application/pdf"


def test_bad_input_keeps_what_was_typed_and_says_in_thai_what_to_fix(client, people):
    client.force_login(people["requester"])
    response = client.post(NEW, form_data(hours="สิบ", ends_on="2026-05-01", title="หลักสูตรที่พิมพ์ไว้",
                                          certificate=upload("วุฒิบัตร.pdf", pdf_bytes())))  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200 and not Training.objects.exists()
    assert 'value="หลักสูตรที่พิมพ์ไว้"' in page and 'value="สสจ.น่าน"' in page and 'value="สิบ"' in page
    assert "โปรดระบุจำนวนชั่วโมงเป็นตัวเลข เช่น 6 หรือ 3.5" in page
    assert "โปรดเลือกไฟล์อีกครั้ง" in page  # a browser never keeps a chosen file
    response = client.post(NEW, form_data(ends_on="2026-05-01", title="หลักสูตรที่พิมพ์ไว้"))
    page = response.content.decode()
    assert "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม" in page and 'value="2026-05-01"' in page


def test_the_person_field_is_there_only_for_those_who_record_for_anyone(client, people, as_person):
    client.force_login(people["requester"])
    assert 'name="person"' not in client.get(NEW).content.decode()
    # A person id slipped into the form is ignored: the record is the requester's own.
    client.post(NEW, form_data(person=people["colleague"].pk))
    assert Training.objects.get().person == people["requester"]
    admin = as_person("admin")
    assert 'name="person"' in admin.get(NEW).content.decode()
    admin.post(NEW, form_data(person=people["colleague"].pk, title="ของมาลี"))
    assert Training.objects.get(title="ของมาลี").person == people["colleague"]


def test_a_requester_cannot_see_or_edit_another_persons_training(client, people, office):
    theirs = record(office, people["colleague"])
    client.force_login(people["requester"])
    url = f"/backoffice/reports/trainings/{theirs.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, form_data(title="เปลี่ยน")).status_code == 404
    assert client.post(url + "delete/").status_code == 404
    assert client.get(url + "certificate/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == COURSE["title"]
    assert client.get(ALL).status_code == 302  # the office's list is not theirs to read: back to their own


def test_another_offices_training_is_404_even_for_its_administrator(client, people, office, other_office):
    stranger = make_person(other_office, "stranger", roles=["administrator"])
    theirs = record(other_office, stranger)
    admin = verified_client(client, people["admin"])
    for suffix in ("", "certificate/"):
        assert admin.get(f"/backoffice/reports/trainings/{theirs.pk}/{suffix}").status_code == 404
    assert admin.post(f"/backoffice/reports/trainings/{theirs.pk}/delete/").status_code == 404
    assert stranger.username not in admin.get(ALL).content.decode()


def test_the_committee_reads_a_record_but_may_not_change_it(client, people, office):
    theirs = record(office, people["colleague"])
    committee = client
    committee.force_login(people["committee"])
    page = committee.get(f"/backoffice/reports/trainings/{theirs.pk}/").content.decode()
    assert COURSE["title"] in page and "<form" not in page.split('id="main"')[1]
    assert committee.post(f"/backoffice/reports/trainings/{theirs.pk}/delete/").status_code == 403
    assert Training.objects.filter(pk=theirs.pk).exists()


def test_the_office_list_filters_by_unit_year_kind_and_topic(as_person, people, office):
    record(office, people["requester"], title="อบรมเว็บ", on_website=True, on_cyber_security=False)
    record(office, people["outsider"], title="อบรมไซเบอร์")
    record(office, people["webmaster"], title="KM ภายใน", kind="km", starts_on=dt.date(2025, 9, 1),
           ends_on=dt.date(2025, 9, 1))  # fmt: skip
    admin = as_person("admin")

    def titles(**query):
        page = admin.get(ALL, query).content.decode()
        return {t for t in ("อบรมเว็บ", "อบรมไซเบอร์", "KM ภายใน") if t in page}

    procurement = people["outsider"].unit
    assert titles() == {"อบรมเว็บ", "อบรมไซเบอร์", "KM ภายใน"}
    assert titles(unit=procurement.pk) == {"อบรมไซเบอร์"}
    assert titles(fy=2569) == {"อบรมเว็บ", "อบรมไซเบอร์"} and titles(fy=2568) == {"KM ภายใน"}
    assert titles(kind="km") == {"KM ภายใน"} and titles(topic="website") == {"อบรมเว็บ"}
    assert titles(topic="cyber_security") == {"อบรมไซเบอร์", "KM ภายใน"}


def test_the_office_list_costs_the_same_queries_for_many_rows(as_person, people, office):
    admin = as_person("admin")
    record(office, people["requester"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin.get(ALL).status_code == 200
        return len(captured)

    few = queries()
    for person in ("colleague", "outsider", "reviewer", "committee"):
        record(office, people[person], actor=people["admin"], certificate=upload("ใบ.pdf", pdf_bytes()))
    assert queries() == few


# The performance report --------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["webmaster", "committee", "admin", "reviewer", "approver"])
def test_the_report_is_read_by_the_roles_that_read_the_whole_office(as_person, role, people):
    reader = as_person(role)
    assert reader.get(INDEX).status_code == 200
    page = reader.get(Q2_PAGE)
    assert page.status_code == 200 and "รายงานผลการดำเนินงาน ไตรมาส 2/2569" in page.content.decode()


def test_a_requester_may_not_read_the_report(client, people):
    client.force_login(people["requester"])
    assert client.get(INDEX).status_code == 403
    assert client.get(Q2_PAGE).status_code == 403
    assert client.get(Q2_PAGE + "report.pdf").status_code == 403


def test_a_web_master_writes_section_six_and_the_approver_acknowledges(client, people, as_person):
    webmaster = as_person("webmaster")
    response = webmaster.post(Q2_PAGE, {"problems": "1. บุคลากรมีภาระงานมาก", "suggestions": "อบรมเพิ่ม"})
    assert response.status_code == 302
    report = PerformanceReport.objects.get()
    assert report.problems == "1. บุคลากรมีภาระงานมาก" and report.period_start == Q2.start
    approver = verified_client(client, people["approver"])
    page = approver.get(Q2_PAGE).content.decode()
    assert "รับทราบรายงาน" in page and "1. บุคลากรมีภาระงานมาก" in page
    assert 'name="problems"' not in page  # the head reads section 6; web masters write it
    approver.post(Q2_PAGE + "acknowledge/")
    report.refresh_from_db()
    assert report.acknowledged_by == people["approver"] and report.facts is not None
    page = approver.get(Q2_PAGE).content.decode()
    assert "ผู้บริหารรับทราบแล้ว" in page and "data-acknowledged" in page


def test_a_requester_cannot_acknowledge(client, people, as_person):
    as_person("webmaster").post(Q2_PAGE, {"problems": "ปัญหา"})
    client.force_login(people["requester"])
    assert client.post(Q2_PAGE + "acknowledge/").status_code == 403
    assert PerformanceReport.objects.get().acknowledged_at is None


def test_the_committee_cannot_write_section_six(as_person):
    committee = as_person("committee")
    assert 'name="problems"' not in committee.get(Q2_PAGE).content.decode()
    assert committee.post(Q2_PAGE, {"problems": "แทรก"}).status_code == 403
    assert not PerformanceReport.objects.exists()


def test_another_offices_report_is_not_shown(client, people, other_office):
    stranger = make_person(other_office, "stranger", roles=["webmaster"])
    services.report_prepare(office=other_office, actor=stranger, period=Q2, problems="ความลับของอีกสำนักงาน")
    page = verified_client(client, people["webmaster"]).get(Q2_PAGE).content.decode()
    assert "ความลับของอีกสำนักงาน" not in page and "ยังไม่ได้สรุปปัญหาและอุปสรรค" in page


@pytest.mark.parametrize("slug", ["2569-q5", "2569-h3", "25690", "abc", "2539", "99999999999999999999", "2999"])
def test_a_period_that_does_not_exist_is_404(as_person, slug):
    assert as_person("webmaster").get(f"/backoffice/reports/performance/{slug}/").status_code == 404


@pytest.mark.parametrize(("fmt", "mime"), [
    ("pdf", "application/pdf"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
])  # fmt: skip
def test_the_report_downloads_in_three_formats(as_person, fmt, mime):
    response = as_person("committee").get(Q2_PAGE + f"report.{fmt}")
    assert response.status_code == 200 and response["Content-Type"] == mime
    assert "2569-q2" in response["Content-Disposition"]
    content = response.content
    if fmt == "pdf":
        from pypdf import PdfReader

        assert len(PdfReader(io.BytesIO(content)).pages) >= 1
    else:
        import zipfile

        assert zipfile.ZipFile(io.BytesIO(content)).testzip() is None


def test_an_unknown_format_is_404(as_person):
    assert as_person("committee").get(Q2_PAGE + "report.exe").status_code == 404


@pytest.mark.parametrize("path", [INDEX, ALL, MINE, Q2_PAGE])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.dictionaries(st.sampled_from(("page", "fy", "unit", "kind", "topic", "q", "person")), VALUES,
                             max_size=4))  # fmt: skip
def test_no_query_string_makes_these_pages_fail(as_person, path, query):
    assert as_person("admin").get(path, query).status_code < 500
