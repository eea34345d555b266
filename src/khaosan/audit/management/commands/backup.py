"""./khaosan manage backup FILE | backup --verify FILE — one archive of database, files and media (SEC-10)."""

from django.core.management.base import BaseCommand, CommandError

from khaosan.audit.backup import BackupError, backup_create, backup_verify
from khaosan.audit.services import cli_actor


class Command(BaseCommand):
    help = "Write a backup archive (tar.gz) of the database, uploaded files and media, or check one."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive to write (or check, with --verify)")
        parser.add_argument("--verify", action="store_true", help="check an existing archive instead")
        parser.add_argument("--actor", help="your staff username (default: your login)")

    def handle(self, *args, file, verify=False, actor=None, **options):
        if verify:
            check = backup_verify(path=file)
            for problem in check.problems:
                self.stdout.write(problem)
            if not check.ok:
                raise CommandError(f"{file}: {len(check.problems)} problem(s); do not rely on this archive.")
            counts = ", ".join(f"{k} {v}" for k, v in check.manifest["counts"].items())
            self.stdout.write(f"{file}: OK — {len(check.manifest['files'])} files checked; {counts}.")
            return
        try:
            user, system = cli_actor(actor, job="backup")
            manifest = backup_create(path=file, actor=user, system=system)
        except (BackupError, LookupError) as error:
            raise CommandError(str(error)) from None
        counts = ", ".join(f"{k} {v}" for k, v in manifest["counts"].items())
        self.stdout.write(f"{file}: written — {len(manifest['files'])} files; {counts}.")
        if manifest["missing_blobs"]:
            raise CommandError(
                f"{len(manifest['missing_blobs'])} file(s) named by the database were not on disk; "
                "the archive was written but is incomplete: " + ", ".join(manifest["missing_blobs"][:10])
            )
