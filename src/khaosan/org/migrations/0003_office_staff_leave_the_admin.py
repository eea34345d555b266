"""Office staff leave Django's admin: it is for platform operators (superusers with no office) only.

Before, every office administrator was a superuser (create_office, the demo), and web masters had staff
status with item permissions; office A's administrator could so sign in as office B's. Every Staff with an
office loses is_superuser and is_staff. Their roles (groups) stay; a superuser who was an administrator only
by being a superuser (role_names used to grant it) gets the administrator group, so nobody's office work
changes. The role groups lose the admin permissions they were given (ADMIN_PERMISSIONS, now gone).
"""

from django.db import migrations

ROLES = ("requester", "reviewer", "approver", "webmaster", "committee", "administrator")


def office_staff_leave_the_admin(apps, schema_editor):
    Staff = apps.get_model("org", "Staff")
    Group = apps.get_model("auth", "Group")
    office_staff = Staff.objects.filter(office__isnull=False)
    for person in office_staff.filter(is_superuser=True):
        person.groups.add(Group.objects.get_or_create(name="administrator")[0])
    office_staff.filter(is_superuser=True).update(is_superuser=False)
    office_staff.filter(is_staff=True).update(is_staff=False)
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("org", "0002_office_approval_chain_office_changes_need_approval_and_more"),
    ]

    operations = [migrations.RunPython(office_staff_leave_the_admin, migrations.RunPython.noop)]
