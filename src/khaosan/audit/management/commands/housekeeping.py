"""./khaosan manage housekeeping — the daily job a timer runs: seal and purge the traffic log, remove orphan files.

Idempotent: running it twice does nothing the second time. Jobs are listed in
audit.services.HOUSEKEEPING_JOBS; each leaves a heartbeat the back-office watches.
"""

import json
import logging
import time

from django.core.management.base import BaseCommand, CommandError

from khaosan.audit.services import housekeeping_run


class Command(BaseCommand):
    help = (
        "Run the daily housekeeping jobs (seal and purge the traffic log, remove files no row refers to, …) "
        "and leave a heartbeat."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=int, metavar="SECONDS",
            help="keep running, once every SECONDS (how `./khaosan run` keeps it going beside the dev server)",
        )  # fmt: skip

    def handle(self, *args, verbosity=1, every=None, **options):
        if every is None:
            self._run_once(verbosity)
            return
        if every < 60:
            raise CommandError("--every: at least 60 seconds")
        while True:  # until the process is stopped; a failed run is logged and the next one comes anyway
            try:
                self._run_once(verbosity)
            except CommandError as error:
                logging.getLogger("khaosan.audit").error("%s", error)
            time.sleep(every)

    def _run_once(self, verbosity):
        ok, results = housekeeping_run()
        if verbosity:
            for job, summary in results.items():
                self.stdout.write(f"{job}: {json.dumps(summary, ensure_ascii=False)}")
        if not ok:
            raise CommandError("housekeeping: at least one job failed; see the log (khaosan.audit).")
