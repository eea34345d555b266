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


def test_the_first_administrator_of_an_office_is_no_superuser_and_never_reaches_django_admin(capsys):
    call_command("create_office", name="สำนักงานสาธารณสุขอำเภอทดสอบ", slug="test", address="หมู่ 1 ตำบลทดสอบ",
                 admin_username="itadmin", admin_email="it@example.go.th")  # fmt: skip
    admin = Staff.objects.get(username="itadmin")
    assert not admin.is_superuser and not admin.is_staff
    assert not admin.user_permissions.exists() and not admin.groups.filter(permissions__isnull=False).exists()


def test_create_operator_makes_a_superuser_without_an_office_with_a_set_password_link(capsys):
    from django.core import mail

    from khaosan.audit.models import AuditCode, AuditEvent

    call_command("create_operator", username="platform", email="ops@example.go.th")
    operator = Staff.objects.get(username="platform")
    assert operator.is_superuser and operator.is_staff and operator.office is None and operator.unit is None
    assert not operator.has_usable_password() and not operator.groups.exists()
    out = capsys.readouterr().out
    assert "operator platform" in out and "/backoffice/password/reset/" in out and "authenticator" in out
    assert mail.outbox[-1].to == ["ops@example.go.th"] and "ผู้ดูแลแพลตฟอร์ม" in mail.outbox[-1].subject
    event = AuditEvent.objects.get(action=AuditCode.STAFF_INVITED)
    assert event.actor_label == "system:create_operator" and event.office is None


def test_create_operator_refuses_a_taken_username():
    from django.core.management.base import CommandError

    call_command("create_operator", username="platform", email="ops@example.go.th")
    with pytest.raises(CommandError, match="taken"):
        call_command("create_operator", username="Platform", email="other@example.go.th")


def test_create_office_leaves_audit_rows_for_the_office_and_its_first_administrator(capsys):
    from khaosan.audit.models import AuditCode, AuditEvent

    call_command("create_office", name="สำนักงานสาธารณสุขอำเภอทดสอบ", slug="test", address="หมู่ 1 ตำบลทดสอบ",
                 admin_username="itadmin", admin_email="it@example.go.th")  # fmt: skip
    office = Office.objects.get(slug="test")
    made = AuditEvent.objects.get(action=AuditCode.OFFICE_CHANGED, office=office)
    assert made.actor_label == "system:create_office" and made.changes["created"] is True
    invited = AuditEvent.objects.get(action=AuditCode.STAFF_INVITED, office=office)
    assert invited.object_id == str(Staff.objects.get(username="itadmin").pk)
    assert invited.changes["roles"] == ["administrator"]
