"""Thai date fields take what Thai staff type and refuse years that fit neither era, saying what was meant."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from khaosan.thai.forms import (
    NEAR_YEARS,
    NearDateField,
    ThaiDateField,
    ThaiDateTimeField,
    parse_thai_date,
    parse_thai_datetime,
)  # fmt: skip
from tests.conftest import BANGKOK

OCT_1_2569 = dt.date(2026, 10, 1)


@pytest.mark.parametrize(
    "typed",
    ["1/10/2569", "01/10/2569", "๑/๑๐/๒๕๖๙", "1 ต.ค. 69", "1 ต.ค. 2569", "1 ตค 2569", "1 ตุลาคม 2569",
     "วันที่ 1 ตุลาคม พ.ศ. 2569", "1-10-2569", "1.10.69", "1/10/2026", "2026-10-01", "1 Oct 2026", " 1 / 10 / 2569 "],
)  # fmt: skip
def test_what_thai_staff_type_means_1_october_2569(typed):
    assert parse_thai_date(typed) == OCT_1_2569


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("1/10/3112", "หมายถึง 1 ตุลาคม 2569 หรือไม่ ถ้าใช่ โปรดพิมพ์ 1/10/2569"),  # B.E. typed into a C.E. picker
        ("1/10/1969", "หมายถึง 1 ตุลาคม 2569 หรือไม่"),  # for a publication date
        ("31/2/2569", "ไม่มีวันที่ 31 ในเดือนกุมภาพันธ์ 2569"),
        ("1/13/2569", "เดือนต้องเป็น 1 ถึง 12"),
        ("1 ตุลา 2569", "ไม่รู้จักชื่อเดือน “ตุลา”"),
        ("พรุ่งนี้", "อ่านวันที่ “พรุ่งนี้” ไม่ออก"),
    ],
)
def test_impossible_dates_get_a_thai_error_with_the_likely_date(typed, said):
    with pytest.raises(ValidationError) as refused:
        parse_thai_date(typed, years=NEAR_YEARS)
    assert said in refused.value.messages[0]


def test_29_february_exists_only_in_leap_years():
    assert parse_thai_date("29/2/2571") == dt.date(2028, 2, 29)
    with pytest.raises(ValidationError):
        parse_thai_date("29/2/2570")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("1/10/2569 08:30", (2026, 10, 1, 8, 30)), ("1 ต.ค. 69 8.30 น.", (2026, 10, 1, 8, 30)),
     ("๑/๑๐/๒๕๖๙ ๑๖:๔๕", (2026, 10, 1, 16, 45)), ("1/10/2569", (2026, 10, 1, 23, 59))],
)  # fmt: skip
def test_a_date_and_time_is_local_bangkok_time(typed, expected):
    value = parse_thai_datetime(typed, default_time=dt.time(23, 59))
    assert value == dt.datetime(*expected, tzinfo=BANGKOK)


def test_a_time_is_required_where_there_is_no_default():
    with pytest.raises(ValidationError, match="โปรดระบุเวลาด้วย"):
        parse_thai_datetime("1/10/2569")
    with pytest.raises(ValidationError, match="เวลาต้องอยู่ระหว่าง"):
        parse_thai_datetime("1/10/2569 25:00")


def test_the_field_shows_the_date_back_in_words_and_keeps_what_was_typed():
    from django import forms

    class When(forms.Form):
        day = NearDateField()
        at = ThaiDateTimeField(default_time=dt.time(8, 30), required=False)

    good = When({"day": "1/10/2569", "at": "2/10/2569"})
    assert good.is_valid() and good.cleaned_data["day"] == OCT_1_2569
    html = str(good["day"])
    assert 'value="1/10/2569"' in html and "1 ตุลาคม 2569" in html  # what was understood, in words
    bad = When({"day": "1/10/3112"})
    assert not bad.is_valid() and "หมายถึง 1 ตุลาคม 2569" in bad.errors["day"][0]
    assert 'value="1/10/3112"' in str(bad["day"])  # what was typed stays


def test_an_initial_date_is_shown_in_buddhist_era():
    from django import forms

    class When(forms.Form):
        day = ThaiDateField(initial=OCT_1_2569)

    html = str(When()["day"])
    assert 'value="1/10/2569"' in html and "1 ตุลาคม 2569" in html


@pytest.mark.django_db
def test_the_back_office_says_which_date_it_understood(client, people):
    client.force_login(people["requester"])
    assert client.get("/backoffice/thai-date/", {"value": "1 ต.ค. 69"}).json() == {"understood": "1 ตุลาคม 2569"}
    assert "อ่านวันที่" in client.get("/backoffice/thai-date/", {"value": "xx"}).json()["error"]
    client.logout()
    assert client.get("/backoffice/thai-date/", {"value": "1/10/2569"}).status_code in (302, 403)


@pytest.mark.django_db
def test_the_request_form_stores_the_common_era_date_of_a_buddhist_era_entry(client, office, people):
    from khaosan.workflow import services

    pub_request = services.request_create(office=office, actor=people["requester"], title="แผนปฏิบัติราชการ")
    client.force_login(people["requester"])
    url = f"/backoffice/requests/{pub_request.pk}/edit/when/"
    refused = client.post(url, {"data_from": "1/10/3112", "data_to": "30 ก.ย. 70", "wish_from": "", "wish_until": ""})
    page = refused.content.decode()
    assert refused.status_code == 200 and "หมายถึง 1 ตุลาคม 2569 หรือไม่" in page and 'value="1/10/3112"' in page
    assert 'value="30 ก.ย. 70"' in page
    client.post(url, {"data_from": "๑/๑๐/๒๕๖๙", "data_to": "30 ก.ย. 70", "wish_from": "", "wish_until": ""})
    pub_request.refresh_from_db()
    assert (pub_request.data_from, pub_request.data_to) == (OCT_1_2569, dt.date(2027, 9, 30))
