"""./khaosan manage page_stamp --nginx-include FILE [--reload CMD] — hand nginx the page stamp (public/pagecache.py).

nginx keeps the pages khaosan lets it keep under a key ending in `$khaosan_page_stamp`, which this command
writes into FILE (`set $khaosan_page_stamp "N";`, included in nginx's server block). It reads the stamp every
`--every` seconds; when a change raised it, FILE is replaced and `--reload` runs (or a systemd path unit
reloads nginx, README: Production). From then on nginx looks under the new key: none of the pages it kept
before the change is answered again, whichever app server made them.
"""

import logging
import shlex
import subprocess
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from khaosan.public.pagecache import nginx_stamp_write, page_stamp

logger = logging.getLogger("khaosan.pages")


class Command(BaseCommand):
    help = "Write the page stamp into nginx's configuration whenever it changes, and reload nginx."

    def add_arguments(self, parser):
        parser.add_argument("--nginx-include", required=True, help="the file nginx's server block includes")
        parser.add_argument("--reload", default="", help='the command that reloads nginx, e.g. "nginx -s reload"')
        parser.add_argument("--every", type=float, default=0.2, help="seconds between reads (default 0.2)")
        parser.add_argument("--once", action="store_true", help="write the stamp (if it changed) and stop")

    def handle(self, *args, nginx_include, reload, every, once, **options):
        while True:
            try:
                if nginx_stamp_write(nginx_include, page_stamp()) and reload:
                    self._reload(reload)
            except Exception:  # noqa: BLE001  a database restart must not end the command: read again
                logger.exception("page stamp not handed to nginx this round; trying again")
                close_old_connections()
            if once:
                return
            time.sleep(every)

    def _reload(self, command):
        done = subprocess.run(shlex.split(command), capture_output=True, text=True, timeout=60, check=False)
        if done.returncode != 0:
            logger.error("nginx reload (%s) failed with %s: %s", command, done.returncode, done.stderr.strip())
