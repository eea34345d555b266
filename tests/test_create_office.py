import pytest
from django.core.management import call_command

from khaosan.org.models import Office, Staff

pytestmark = pytest.mark.django_db


def test_create_office_makes_units_and_an_administrator_with_a_set_password_link(capsys):
    call_command("create_office", name="สำนักงานสาธารณสุขอำเภอทดสอบ", name_en="Test District Health Office",
                 address="หมู่ 1 ตำบลทดสอบ", admin_username="itadmin", admin_email="it@example.go.th")  # fmt: skip
    office = Office.objects.get(slug="test-district-health-office")
    admin = Staff.objects.get(username="itadmin")
    assert admin.office == office and not admin.has_usable_password()
    assert admin.groups.filter(name="administrator").exists()
    assert set(office.units.values_list("code", flat=True)) == {"director", "admin", "it", "procurement"}
    assert "/backoffice/password/reset/" in capsys.readouterr().out
