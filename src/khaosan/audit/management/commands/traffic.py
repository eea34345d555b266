"""./khaosan manage traffic verify|seal|export|hold|purge|follow — the traffic log (S-2.8). See audit/traffic.py.

`follow` reads nginx's JSON access log into the chain (audit/follower.py): the requests nginx answers itself;
and khaosan's own spool, when KHAOSAN_TRAFFIC_SPOOL is set.
"""

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from khaosan.audit import traffic
from khaosan.audit.services import cli_actor


def date(value):
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {value}") from None


class Command(BaseCommand):
    help = "The traffic log (ข้อมูลจราจรทางคอมพิวเตอร์): verify, seal, export, hold, purge."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        verify = actions.add_parser("verify", help="recompute the chains and seals; exit 1 naming what is broken")
        verify.add_argument("--from", dest="date_from", type=date, help="first day (UTC), YYYY-MM-DD")
        verify.add_argument("--to", dest="date_to", type=date, help="last day (UTC), YYYY-MM-DD")
        actions.add_parser("seal", help="seal every finished day (idempotent)")
        export = actions.add_parser("export", help="CSV of the records of a range of Thai dates, for an official")
        export.add_argument("--from", dest="date_from", type=date, required=True)
        export.add_argument("--to", dest="date_to", type=date, required=True)
        export.add_argument("--ip", help="only this client address")
        export.add_argument("--user", help="only this username")
        export.add_argument("--output", help="file to write (default: standard output)")
        export.add_argument("--reason", required=True, help="why: the official's letter or order")
        export.add_argument("--actor", help="your staff username (default: your login)")
        hold = actions.add_parser("hold", help="keep one day beyond the retention period (an official's order)")
        hold.add_argument("--segment", type=date, required=True, help="the day (UTC), YYYY-MM-DD")
        hold.add_argument("--until", type=date, required=True,
                          help="keep until this Thai date, YYYY-MM-DD (at most 2 years)")  # fmt: skip
        hold.add_argument("--reason", required=True, help="the order: who, number, date")
        hold.add_argument("--actor", help="your staff username (default: your login)")
        purge = actions.add_parser("purge", help="remove records of sealed days past retention and not held")
        purge.add_argument("--dry-run", action="store_true", help="only say what would be removed")
        purge.add_argument("--actor", help="your staff username (default: your login)")

        follow = actions.add_parser("follow", help="read nginx's khaosan_json access log(s) into the traffic log")
        follow.add_argument("--log", dest="logs", action="append", default=[], help="nginx's access log (repeatable)")
        follow.add_argument("--spool", dest="spools", action="append", default=[],
                            help="khaosan's spool (KHAOSAN_TRAFFIC_SPOOL), rotated here (repeatable)")  # fmt: skip
        follow.add_argument("--once", action="store_true", help="read what is there and stop (else keep following)")
        follow.add_argument("--interval", type=float, default=1.0, help="seconds between reads (default 1)")

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"do_{action}")(**options)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        except LookupError as error:
            raise CommandError(str(error)) from None

    def _actor(self, options, job):
        return cli_actor(options.get("actor"), job=job)

    def do_verify(self, *, date_from=None, date_to=None, **options):
        actor, system = self._actor(options, "traffic-verify")
        label = actor.get_username() if actor else f"system:{system}"
        result = traffic.traffic_verify(date_from=date_from, date_to=date_to, actor_label=label)
        for problem in result.problems:
            self.stdout.write(problem)
        if not result.ok:
            raise CommandError(result.summary())
        self.stdout.write(result.summary())

    def do_seal(self, **options):
        sealed = traffic.traffic_seal()
        for segment in sealed:
            self.stdout.write(f"sealed {segment.day}: {segment.count} records, digest {segment.digest}")
        self.stdout.write(f"{len(sealed)} day(s) sealed.")

    def do_export(self, *, date_from, date_to, ip=None, user=None, output=None, reason, **options):
        actor, system = self._actor(options, "traffic-export")
        kwargs = dict(date_from=date_from, date_to=date_to, address=ip, username=user, reason=reason,
                      actor=actor, system=system)  # fmt: skip
        if not output:
            result = traffic.traffic_export(out=sys.stdout.buffer, **kwargs)
            sys.stdout.buffer.flush()
        else:
            target = Path(output).resolve()
            fd, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
            try:
                with os.fdopen(fd, "wb") as out:
                    result = traffic.traffic_export(out=out, **kwargs)
                os.chmod(partial, 0o600)  # personal data (PDPA): readable by the operator only
                os.replace(partial, target)
            finally:
                Path(partial).unlink(missing_ok=True)
        message = f"exported {result.rows} records, sha256 {result.sha256}"
        if not result.chain_ok:
            message += " — WARNING: the chain of these days did not verify; run `traffic verify`"
        self.stderr.write(message)

    def do_hold(self, *, segment, until, reason, **options):
        actor, system = self._actor(options, "traffic-hold")
        hold = traffic.traffic_hold(day=segment, until=until, reason=reason, actor=actor, system=system)
        self.stdout.write(f"segment {hold.segment.day} held until {hold.until}.")

    def do_purge(self, *, dry_run=False, **options):
        actor, system = self._actor(options, "traffic-purge")
        result = traffic.traffic_purge(dry_run=dry_run, actor=actor, system=system or "traffic-purge")
        verb = "would purge" if dry_run else "purged"
        for day, count in result.purged:
            self.stdout.write(f"{verb} {day}: {count} records")
        for day in result.held:
            self.stdout.write(f"kept {day}: under a legal hold")
        self.stdout.write(f"{len(result.purged)} day(s) {verb}; retention {traffic.retention_days()} days (CCA s.26).")

    def do_follow(self, *, logs, spools=(), once=False, interval=1.0, **options):
        from khaosan.audit import follower

        if not logs and not spools:
            raise CommandError("name nginx's access log (--log) or khaosan's spool (--spool)")
        if once:
            for path in [*logs, *spools]:
                rotate_at = follower.SPOOL_ROTATE_BYTES if path in spools else None
                result = follower.follow_once(path, rotate_at=rotate_at)
                self.stdout.write(f"{path}: {result.written} written, {result.skipped} logged by khaosan itself, "
                                  f"{result.malformed} unreadable")  # fmt: skip
            return
        import signal
        import threading

        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        self.stdout.write(f"following {', '.join([*logs, *spools])} every {interval} s")
        follower.follow(logs, spools=spools, interval=interval, stop=stop)
