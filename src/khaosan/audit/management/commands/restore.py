"""./khaosan manage restore FILE [--force] — rebuild this installation from a backup archive (SEC-10)."""

from django.core.management.base import BaseCommand, CommandError

from khaosan.audit.backup import BackupError, backup_restore
from khaosan.audit.services import cli_actor


class Command(BaseCommand):
    help = "Restore database, uploaded files and media from a backup archive, then migrate. Stop the server first."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive written by `backup`")
        parser.add_argument("--force", action="store_true", help="replace a database that already holds data")
        parser.add_argument("--actor", help="your staff username, if it exists in the archive (default: your login)")

    def handle(self, *args, file, force=False, actor=None, **options):
        _, system = cli_actor(None, job="restore")
        try:
            report = backup_restore(path=file, force=force, actor_username=actor, system=system)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"restored {file} (backup of {report.manifest['created_at']}, "
                          f"khaosan {report.manifest['khaosan_version']}).")  # fmt: skip
        for key, (before, after) in report.counts.items():
            mark = "ok" if before == after else "DIFFERS"
            self.stdout.write(f"  {key:16} archive {before!s:>8}  now {after!s:>8}  {mark}")
        for path in report.set_aside:
            self.stdout.write(f"  earlier files moved to {path} (remove when no longer needed)")
        if not report.matches:
            raise CommandError("row counts after the restore differ from the archive's manifest.")
