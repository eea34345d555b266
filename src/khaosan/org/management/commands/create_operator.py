"""./khaosan manage create_operator: a platform operator, the only kind of account Django's admin lets in.

An operator is a superuser with no office: they run the deployment (offices' particulars and hosts, the
logs) and hold no office role, so they take no part in any office's approval chain. They get a one-time
link to set their own password, as an office's first administrator does, and must enrol an authenticator
app (second factor) before /admin/ opens. Operators are platform-wide: every office is theirs to look at.
"""

from django.core.management.base import BaseCommand, CommandError

from khaosan.org import services
from khaosan.org.management.commands.create_office import hand_over_password_link
from khaosan.org.models import Staff


class Command(BaseCommand):
    help = "Create a platform operator (a superuser with no office) who may open Django's admin."

    def add_arguments(self, parser):
        parser.add_argument("--username", required=True)
        parser.add_argument("--email", required=True)
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, **o):
        if Staff.objects.filter(username__iexact=o["username"]).exists():
            raise CommandError(f"the username {o['username']!r} is taken")
        operator = services.operator_create(username=o["username"], email=o["email"], first_name=o["first_name"],
                                            last_name=o["last_name"])  # fmt: skip
        self.stdout.write(f"operator {operator.username} created (no office; Django's admin at <site>/admin/)")
        hand_over_password_link(self, operator, who="operator")
        self.stdout.write("the first sign-in asks them to enrol an authenticator app before the admin opens")
