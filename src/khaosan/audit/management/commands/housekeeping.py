"""./khaosan manage housekeeping — the daily job a timer runs: seal and purge the traffic log, remove orphan files.

Idempotent: running it twice does nothing the second time. Jobs are listed in
audit.services.HOUSEKEEPING_JOBS; each leaves a heartbeat the back-office watches.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from khaosan.audit.services import housekeeping_run


class Command(BaseCommand):
    help = ("Run the daily housekeeping jobs (seal and purge the traffic log, remove files no row refers to, …) "
            "and leave a heartbeat.")

    def handle(self, *args, verbosity=1, **options):
        ok, results = housekeeping_run()
        if verbosity:
            for job, summary in results.items():
                self.stdout.write(f"{job}: {json.dumps(summary, ensure_ascii=False)}")
        if not ok:
            raise CommandError("housekeeping: at least one job failed; see the log (khaosan.audit).")
