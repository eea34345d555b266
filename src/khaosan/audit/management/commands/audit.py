"""./khaosan manage audit verify — recompute the audit trail's hash chain (LOG-7, LOG-13)."""

from django.core.management.base import BaseCommand, CommandError

from khaosan.audit.services import audit_verify, cli_actor


class Command(BaseCommand):
    help = "The audit trail (บันทึกตรวจสอบ): verify its hash chain; exit 1 naming every broken row."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        verify = actions.add_parser("verify", help="recompute the chain from its first row")
        verify.add_argument("--actor", help="your staff username (default: your login)")

    def handle(self, *args, action, actor=None, **options):
        try:
            user, system = cli_actor(actor, job="audit-verify")
        except LookupError as error:
            raise CommandError(str(error)) from None
        result = audit_verify(actor_label=user.get_username() if user else f"system:{system}")
        for problem in result.problems:
            self.stdout.write(problem)
        if not result.ok:
            raise CommandError(result.summary())
        self.stdout.write(result.summary())
