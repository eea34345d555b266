"""./khaosan manage create_office: a new office, its usual units and its first administrator.

The administrator gets a one-time link to set their own password (printed, and e-mailed when mail is
configured); they then invite everyone else from the back-office. They are an office administrator, not a
superuser: Django's admin is for platform operators only (create_operator).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from khaosan.org import services
from khaosan.org.models import Office, Staff


class Command(BaseCommand):
    help = "Create an office with its usual units and its first administrator."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Thai name, e.g. สำนักงานสาธารณสุขอำเภอบ้านหลวง")
        parser.add_argument("--name-en", default="")
        parser.add_argument("--slug", default="")
        parser.add_argument("--address", required=True, help="เลขที่ หมู่ ตำบล อำเภอ จังหวัด รหัสไปรษณีย์")
        parser.add_argument("--hostname", default="")
        parser.add_argument("--parent", default="", help="slug of the office this one is under (a province's office)")
        parser.add_argument("--phone", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--admin-username", required=True)
        parser.add_argument("--admin-email", required=True)
        parser.add_argument("--admin-first-name", default="")
        parser.add_argument("--admin-last-name", default="")

    def handle(self, *args, **o):
        slug = o["slug"] or slugify(o["name_en"]) or f"office-{Office.objects.count() + 1}"
        if Office.objects.filter(slug=slug).exists():
            raise CommandError(f"an office with slug {slug!r} exists already")
        parent = Office.objects.filter(slug=o["parent"]).first() if o["parent"] else None
        if o["parent"] and parent is None:
            raise CommandError(f"no office with slug {o['parent']!r} to put this one under")
        if Staff.objects.filter(username__iexact=o["admin_username"]).exists():
            raise CommandError(f"the username {o['admin_username']!r} is taken")
        office, admin = services.office_create(
            slug=slug, name_th=o["name"], name_en=o["name_en"], address=o["address"], hostname=o["hostname"],
            phone=o["phone"], email=o["email"], parent=parent,
            admin={"username": o["admin_username"], "email": o["admin_email"], "first_name": o["admin_first_name"],
                   "last_name": o["admin_last_name"]},
        )  # fmt: skip
        self.stdout.write(f"office {office.name_th} ({slug}) created with units: "
                          + ", ".join(code for code, _ in services.USUAL_UNITS))  # fmt: skip
        hand_over_password_link(self, admin, who="administrator")


def hand_over_password_link(command, person, *, who):
    """Print `person`'s one-time set-password link, and e-mail it when mail is configured."""
    link = services.set_password_link(person)
    days = settings.PASSWORD_RESET_TIMEOUT // 86400
    command.stdout.write(f"{who} {person.username}: set the password within {days} days at "
                         + (f"<site>{link}" if link.startswith("/") else link))  # fmt: skip
    try:
        services.send_set_password_link(person)
    except Exception as error:  # noqa: BLE001  mail may not be configured yet; the link above works
        command.stderr.write(f"could not e-mail the link ({error}); use the link above")
