#!/usr/bin/env python
"""Benchmark: a whole province on one PostgreSQL, 50 offices x 5,000 items by default (issue 14).

Starts its own PostgreSQL (as `./khaosan test --db postgres` does: a cluster in a temporary folder, a
Unix socket only, durability off) or uses --database-url, migrates, and builds the data set in bulk: the
demo office (people, requests through the workflow, complaints, reports, files) plus N-1 offices made by
`org.services.office_create`, each with M generated items in Thai over every topic of the standard
(demo.builder.build_bulk_items), about one publication request per ten items, two audit rows per item
(chained as `AuditEvent.save` chains them) and one traffic record per item spread over the last 60 days
(chained per day, unsealed, as a log that housekeeping has not sealed yet).

Then, in this process, with Django's test Client on the largest office's host (DEBUG off, the traffic log
and the page cache on, as in production), it measures p50 / p95 of:

- the public pages (home, the busiest topic, an item, a search for a Thai word), kept by the page cache
  and made afresh (the kept page dropped before each request);
- every back-office list screen (backoffice/urls.py and the apps' urls), signed in with a second factor as
  the office's administrator, or as its web master where the screen is theirs;
- the housekeeping run over the whole data set (audit.services.housekeeping_run: wall time), twice: the
  first seals the 60 unsealed days, the second is a normal day;
- the performance report of the largest office (the screen, its Word and PDF files).

Targets printed beside the figures: every back-office list p95 < 200 ms, housekeeping < 60 s.

    .venv/bin/python bench/province_scale.py --offices 3 --items 300                 # while developing
    .venv/bin/python bench/province_scale.py [--offices 50] [--items 5000] [--rounds 20] [--keep /tmp/province]
    nice .venv/bin/python bench/province_scale.py --keep /tmp/province --build-only   # build now, measure when quiet
    .venv/bin/python bench/province_scale.py --database-url postgres://khaosan@/khaosan?host=/run/postgresql
"""

import argparse
import datetime as dt
import glob
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from public_pages import ROOT, percentile

PAGE_TARGET_MS = 200
HOUSEKEEPING_TARGET_S = 60
TRAFFIC_DAYS = 60
DISTRICTS = [
    "เมืองน่าน", "แม่จริม", "บ้านหลวง", "นาน้อย", "ปัว", "ท่าวังผา", "เวียงสา", "ทุ่งช้าง", "เชียงกลาง", "นาหมื่น",
    "สันติสุข", "บ่อเกลือ", "สองแคว", "ภูเพียง", "เฉลิมพระเกียรติ",
]  # fmt: skip
SEARCH_WORD = "วัคซีน"


# PostgreSQL --------------------------------------------------------------------------------------------------------


class Postgres:
    """A private cluster in `folder`: initdb as the postgres user when run as root, socket only, fsync off."""

    def __init__(self, folder):
        self.folder = folder
        self.data = folder / "data"
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
        if not bins:
            sys.exit(
                "PostgreSQL not found under /usr/lib/postgresql (apt-get install postgresql), or give --database-url"
            )
        self.bin = Path(bins[-1])
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []

    def _run(self, *command, quiet=False):
        out = subprocess.DEVNULL if quiet else None
        subprocess.run([*self.as_user, *command], check=True, cwd="/tmp", stdout=out)

    def start(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.as_user:
            shutil.chown(self.folder, "postgres")
        fresh = not self.data.exists()
        if fresh:
            self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "khaosan", "--auth=trust", "-E", "UTF8",
                      "--locale=C.UTF-8", quiet=True)  # fmt: skip
        options = (f"-k {self.folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c shared_buffers=512MB -c work_mem=16MB")  # fmt: skip
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w", "-s",
                  "start", "-o", options)  # fmt: skip
        if fresh:
            subprocess.run([str(self.bin / "createdb"), "-h", str(self.folder), "-U", "khaosan", "khaosan"], check=True)
        return f"postgres://khaosan@/khaosan?host={self.folder}"

    def stop(self):
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "-s", "stop")


def environment(data_dir, database_url):
    return {
        "DATABASE_URL": database_url,
        "KHAOSAN_DATA_DIR": str(data_dir),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "ALLOWED_HOSTS": ".bench.example,testserver",
        "KHAOSAN_BEHIND_TLS_PROXY": "true",
        "SECURE_SSL_REDIRECT": "false",  # the test Client speaks plain HTTP, as nginx does to gunicorn
        "SECURE_HSTS_SECONDS": "0",
        "KHAOSAN_OCR": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",  # housekeeping's reminders stay here
        "DJANGO_SETTINGS_MODULE": "khaosan.settings",
    }


# Building ----------------------------------------------------------------------------------------------------------


def host_of(number):
    return f"d{number:02}.bench.example"


def build(offices, items, *, log):
    from django.core.management import call_command

    from khaosan.demo import builder
    from khaosan.org.models import Office

    started = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("sync_standard", verbosity=0)
    call_command("demo", verbosity=0)  # the demo office, its people, requests, complaints, reports and files
    Office.objects.filter(slug=builder.OFFICE["slug"]).update(hostname=host_of(1))
    all_offices = [Office.objects.get(slug=builder.OFFICE["slug"])]
    all_offices += [_office(number) for number in range(2, offices + 1)]
    log(f"  {len(all_offices)} offices in {time.monotonic() - started:.0f} s")
    rng = random.Random(14)
    for number, office in enumerate(all_offices, 1):
        builder.build_bulk_items(office, items, seed=number)
        _requests(office, items // 10, rng)
        if number % 10 == 0 or number == len(all_offices):
            log(f"  items and requests of {number} offices, {time.monotonic() - started:.0f} s")
    _audit_rows(all_offices, rng)
    log(f"  audit rows, {time.monotonic() - started:.0f} s")
    _traffic(sum(o.items.count() for o in all_offices), rng)
    log(f"  traffic records, {time.monotonic() - started:.0f} s")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    analyze()
    log(f"  built in {time.monotonic() - started:.0f} s")


def analyze():
    """Give the planner statistics of what the bulk build wrote, as autovacuum would soon after in production."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def _office(number):
    from khaosan.org.models import Staff
    from khaosan.org.roles import Role, set_roles
    from khaosan.org.services import office_create

    district = DISTRICTS[(number - 1) % len(DISTRICTS)]
    name = f"สำนักงานสาธารณสุขอำเภอ{district}" + (f" {number}" if number > len(DISTRICTS) else "")
    office, _admin = office_create(
        slug=f"district-{number:02}", name_th=name, address=f"อำเภอ{district} จังหวัดน่าน", hostname=host_of(number),
        admin={"username": f"admin{number:02}", "email": f"admin{number:02}@bench.example", "first_name": "ผู้ดูแลระบบ"},
        system="bench",
    )  # fmt: skip
    units = list(office.units.all())
    for role, count in ((Role.WEBMASTER, 1), (Role.REVIEWER, 1), (Role.APPROVER, 1), (Role.REQUESTER, 12)):
        for n in range(count):
            username = f"{role}{n}-{number:02}"
            person = Staff(office=office, unit=units[n % len(units)], username=username,
                           email=f"{username}@bench.example", first_name=f"{role.label} {n + 1}")  # fmt: skip
            person.set_unusable_password()
            person.save()
            set_roles(person, [role])
    return office


def _requests(office, count, rng):
    """About one request per ten items, in every state; the published ones point at their items."""
    from django.db.models import Max

    from khaosan.org.models import Staff
    from khaosan.workflow.models import PublicationRequest, State

    people = list(Staff.objects.filter(office=office))
    items = list(office.items.order_by("?").values_list("pk", "topic_id", "title", "publish_at")[:count])
    first = (PublicationRequest.objects.filter(office=office).aggregate(n=Max("number"))["n"] or 0) + 1
    states = [State.PUBLISHED] * 14 + [State.IN_REVIEW, State.RETURNED, State.DRAFT, State.REFUSED, State.APPROVED,
                                       State.CANCELLED]  # fmt: skip
    rows = []
    for n, (item_id, topic_id, title, publish_at) in enumerate(items):
        state, requester = rng.choice(states), rng.choice(people)
        submitted = (publish_at or dt.datetime.now(dt.UTC)) - dt.timedelta(days=rng.randint(1, 10))
        rows.append(PublicationRequest(
            office=office, number=first + n, requester=requester, requester_name=requester.get_full_name() or "-",
            requester_unit_id=requester.unit_id, title=title, topic_id=topic_id, summary="สรุปเรื่องเพื่อขอเผยแพร่",
            rights_confirmed=True, state=state, chain=["reviewer", "approver"], step=rng.randint(0, 1),
            awaiting_role=rng.choice(["reviewer", "approver"]) if state == State.IN_REVIEW else "",
            submitted_at=None if state == State.DRAFT else submitted,
            approved_at=submitted + dt.timedelta(days=1) if state in (State.APPROVED, State.PUBLISHED) else None,
            due_on=(submitted + dt.timedelta(days=5)).date() if state in (State.APPROVED, State.PUBLISHED) else None,
            published_at=publish_at if state == State.PUBLISHED else None,
            item_id=item_id if state == State.PUBLISHED else None,
        ))  # fmt: skip
    PublicationRequest.objects.bulk_create(rows, batch_size=2000)


def _audit_rows(offices, rng):
    """Two audit rows per item (its request decided, the item published), chained onto the head."""
    from django.db import models, transaction
    from django.utils import timezone

    from khaosan.audit import chain
    from khaosan.audit.models import AUDIT_CHAIN, AuditCode, AuditEvent, ChainHead
    from khaosan.catalog.models import Item
    from khaosan.org.models import Staff

    plain = models.QuerySet(model=AuditEvent)  # the append-only manager refuses bulk inserts, rightly
    with transaction.atomic():
        head = ChainHead.objects.select_for_update().get(name=AUDIT_CHAIN)
        seq, last_hash = head.seq, head.last_hash or chain.genesis(AUDIT_CHAIN)
        now = timezone.now()
        for office in offices:
            actors = list(Staff.objects.filter(office=office).values_list("pk", "username"))
            rows = []
            for item_id, title in Item.objects.filter(office=office).values_list("pk", "title").iterator():
                for action in (AuditCode.REQUEST_DECIDED, AuditCode.ITEM_PUBLISHED):
                    actor_id, username = rng.choice(actors)
                    changes = {"verdict": "approve"} if action == AuditCode.REQUEST_DECIDED else {}
                    seq += 1
                    event = AuditEvent(
                        office=office, actor_id=actor_id, actor_label=username, action=action,
                        object_type="catalog.item", object_id=str(item_id), object_repr=title[:300],
                        changes=chain.canonical_json(changes),
                        address="10.0.0.20", created_at=now, seq=seq, prev_hash=last_hash,
                    )  # fmt: skip
                    event.hash = last_hash = event.compute_hash()
                    rows.append(event)
            plain.bulk_create(rows, batch_size=5000)
        ChainHead.objects.filter(pk=head.pk).update(seq=seq, last_hash=last_hash, updated_at=now)


def _traffic(count, rng):
    """`count` traffic records over the last TRAFFIC_DAYS days, chained per day, the days left unsealed."""
    from django.db import models, transaction
    from django.utils import timezone

    from khaosan.audit import chain
    from khaosan.audit.models import TRAFFIC_HASHED_FIELDS, TrafficRecord, TrafficSegment, traffic_record_hash

    plain = models.QuerySet(model=TrafficRecord)
    today = timezone.now().astimezone(dt.UTC).date()
    paths = ["/", "/c/news/", "/c/news/general-news/", "/search/?q=...", "/item/1/", "/backoffice/", "/feed/"]
    taken = set(TrafficSegment.objects.values_list("day", flat=True))
    per_day = max(1, count // TRAFFIC_DAYS)
    for back in range(TRAFFIC_DAYS, 0, -1):
        day = today - dt.timedelta(days=back)
        if day in taken:
            continue
        start = dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)
        moments = sorted(rng.randint(0, 86_399_999) for _ in range(per_day))
        last_hash, rows = chain.genesis(f"traffic:{day.isoformat()}"), []
        for seq, ms in enumerate(moments, 1):
            values = {
                "segment": day, "seq": seq, "at": start + dt.timedelta(milliseconds=ms),
                "address": f"203.0.113.{rng.randint(1, 254)}", "port": rng.randint(1024, 65535), "user_id": None,
                "username": "", "method": "GET", "path": rng.choice(paths), "status": 200,
                "response_bytes": rng.randint(2000, 60000), "duration_ms": rng.randint(3, 80),
                "user_agent": "Mozilla/5.0 (bench)", "request_id": secrets.token_hex(8), "prev_hash": last_hash,
                "host": "",
            }  # fmt: skip
            values["hash"] = last_hash = traffic_record_hash(*(values[name] for name in TRAFFIC_HASHED_FIELDS))
            rows.append(TrafficRecord(**values))
        with transaction.atomic():
            TrafficSegment.objects.create(day=day, count=len(rows), last_hash=last_hash, opened_at=start)
            plain.bulk_create(rows, batch_size=5000)


# Measuring ---------------------------------------------------------------------------------------------------------


def signed_in(user, host):
    """A test Client signed in as `user` with a second factor (TOTP), as the back-office requires."""
    from django.test import Client
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client(HTTP_HOST=host)
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="bench", confirmed=True
    )
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    response = client.post("/backoffice/2fa/verify/", {"token": f"{token:06d}", "next": "/backoffice/"})
    assert response.status_code == 302, response.status_code
    return client


def measure(client, path, rounds, *, before=None, profile=False):
    """Return (status, timings in ms, queries of one request); with `profile`, print where one request's time goes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if before:
        before()
    status = client.get(path).status_code  # warm
    timings = []
    for _ in range(rounds):
        if before:
            before()
        started = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
    if before:
        before()
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    queries = captured.captured_queries  # a copy: the next request empties the connection's log
    if profile:
        print_profile(client, path, queries, before=before)
    return status, timings, len(queries)


def print_profile(client, path, queries, *, before=None):
    """The functions one request spends most in (cProfile, cumulative) and its slowest queries."""
    import cProfile
    import io
    import pstats

    if before:
        before()
    profiler = cProfile.Profile()
    profiler.runcall(client.get, path)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(r"khaosan|django/(db|template)", 30)
    print(f"--- {path}: where the time goes\n   ncalls{out.getvalue().split('ncalls', 1)[-1]}")
    slowest = sorted(queries, key=lambda q: -float(q["time"]))[:6]
    total = sum(float(q["time"]) for q in queries) * 1000
    print(f"--- {path}: {len(queries)} queries, {total:.1f} ms in the database; the slowest:")
    for query in slowest:
        print(f"{float(query['time']) * 1000:8.1f} ms  {query['sql'][:600]}")


def row(name, status, timings, queries, *, target=None, who=""):
    p95 = percentile(timings, 95)
    verdict = "" if target is None else ("ok" if p95 < target else "SLOW")
    print(f"{name:44} {status:>4} {statistics.median(timings):8.1f} {p95:8.1f} {queries:8} "
          f"{'' if target is None else f'< {target}':>7} {verdict:>5} {who}")  # fmt: skip
    return verdict


def run_measurements(rounds, *, only=(), profile=False):
    """Measure everything, or only what a name in `only` is part of ("compliance", "audit", "housekeeping" …)."""
    import django.db.models
    from django.core.cache import caches
    from django.test import Client
    from django.utils import timezone

    from khaosan.audit.services import housekeeping_run
    from khaosan.catalog.models import Item
    from khaosan.catalog.selectors import public_items
    from khaosan.org.models import Office, Staff
    from khaosan.org.roles import Role
    from khaosan.reports.periods import fiscal_year_period, period_slug
    from khaosan.thai.dates import fiscal_year
    from khaosan.workflow.models import PublicationRequest

    office = Office.objects.annotate(n=django.db.models.Count("items")).order_by("-n").first()
    host = office.hostname
    print(f"\n{Office.objects.count()} offices, {Item.objects.count()} items, "
          f"{PublicationRequest.objects.count()} requests; "
          f"the largest office: {office.slug} ({office.n} items, {host})")  # fmt: skip
    header = f"{'what':44} {'code':>4} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'target':>7} {'':>5}"

    visitor = Client(HTTP_HOST=host)
    busiest = (public_items(office).values("topic__category__code", "topic__code").order_by()
               .annotate(n=django.db.models.Count("pk")).order_by("-n").first())  # fmt: skip
    topic_url = f"/c/{busiest['topic__category__code']}/{busiest['topic__code']}/"
    item = public_items(office).order_by("-publish_at").first()
    public = {"home": "/", f"topic ({busiest['n']} items)": topic_url, "item": item.get_absolute_url(),
              f"search ({SEARCH_WORD})": f"/search/?q={SEARCH_WORD}"}  # fmt: skip
    print(f"\nPublic pages, {rounds} rounds each\n{header}")
    for name, path in public.items():
        if wanted(name, only):
            row(f"{name}, kept", *measure(visitor, path, rounds))
            row(f"{name}, made", *measure(visitor, path, rounds, before=caches["pages"].clear, profile=profile))

    administrator = Staff.objects.filter(office=office, groups__name=Role.ADMINISTRATOR, is_active=True).first()
    webmaster = Staff.objects.filter(office=office, groups__name=Role.WEBMASTER, is_active=True).first()
    clients = {"administrator": signed_in(administrator, host), "web master": signed_in(webmaster, host)}
    lists = {
        "home (my tasks)": "/backoffice/", "inbox": "/backoffice/inbox/", "requests": "/backoffice/requests/",
        "requests register": "/backoffice/register/", "items": "/backoffice/items/",
        "items, page 50": "/backoffice/items/?page=50", "staff": "/backoffice/staff/",
        "delegations": "/backoffice/delegations/", "compliance": "/backoffice/compliance/",
        "audit trail": "/backoffice/audit/", "audit trail, page 50": "/backoffice/audit/?page=50",
        "traffic log": "/backoffice/traffic/", "checks": "/backoffice/checks/", "ITA": "/backoffice/ita/",
        "reports": "/backoffice/reports/", "trainings": "/backoffice/reports/trainings/",
        "procurement months": "/backoffice/procurement/", "participation cases": "/backoffice/participation/",
        "participation summaries": "/backoffice/participation/summaries/",
        "satisfaction": "/backoffice/participation/satisfaction/", "evaluation": "/backoffice/evaluation/",
        "evaluation rounds": "/backoffice/evaluation/rounds/", "evaluation people": "/backoffice/evaluation/people/",
    }  # fmt: skip
    print(f"\nBack-office lists, {rounds} rounds each, signed in with a second factor\n{header}")
    slow = []
    for name, path in lists.items():
        if not wanted(name, only):
            continue
        for who, client in clients.items():  # noqa: B007 — `who` names the one that could open the screen
            status, timings, queries = measure(client, path, rounds, profile=profile)
            if status == 200:
                break
        if row(name, status, timings, queries, target=PAGE_TARGET_MS, who=who) == "SLOW":
            slow.append(name)

    print(f"\nHousekeeping over the whole data set\n{'run':44} {'seconds':>8} {'target':>8}")
    for run in ("first (seals the unsealed days)", "second (a normal day)") if wanted("housekeeping", only) else ():
        started = time.perf_counter()
        ok, results = housekeeping_run()
        seconds = time.perf_counter() - started
        verdict = "ok" if seconds < HOUSEKEEPING_TARGET_S and ok else "SLOW" if ok else "FAILED"
        print(f"{run:44} {seconds:8.1f} {f'< {HOUSEKEEPING_TARGET_S}':>8} {verdict}")

    slug = period_slug(fiscal_year_period(fiscal_year(timezone.localdate())))
    print(f"\nThe performance report of {office.slug}, fiscal year {slug}\n{'what':44} {'code':>4} {'seconds':>8}")
    for name, path in (("the screen", f"/backoffice/reports/performance/{slug}/"),
                       ("Word file", f"/backoffice/reports/performance/{slug}/report.docx"),
                       ("PDF file", f"/backoffice/reports/performance/{slug}/report.pdf")) \
            if wanted("performance report", only) else ():  # fmt: skip
        started = time.perf_counter()
        status = clients["administrator"].get(path).status_code
        print(f"{name:44} {status:>4} {time.perf_counter() - started:8.2f}")
    print(f"\nback-office lists over {PAGE_TARGET_MS} ms at p95: {', '.join(slow) or 'none'}")


def wanted(name, only):
    return not only or any(part.lower() in name.lower() for part in only)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--offices", type=int, default=50)
    parser.add_argument("--items", type=int, default=5000, help="generated items per office")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--keep", help="reuse (or keep) this folder: the database cluster and the data folder")
    parser.add_argument("--database-url", help="use this (empty) PostgreSQL database instead of starting one")
    parser.add_argument("--build-only", action="store_true", help="build the data set (with --keep) and stop")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="measure only what NAME is part of (repeatable): compliance, audit, housekeeping …",
    )
    parser.add_argument("--profile", action="store_true", help="print where each measured screen's time goes")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="khaosan-province-"))
    folder.mkdir(parents=True, exist_ok=True)
    postgres = None if args.database_url else Postgres(folder / "pg")
    print(f"load average before: {os.getloadavg()[0]:.1f} (2 cores)", flush=True)
    try:
        url = args.database_url or postgres.start()
        os.environ.update(environment(folder / "data", url))
        sys.path.insert(0, str(ROOT / "src"))
        import django

        django.setup()
        built = folder / "built"
        if built.exists():  # a kept data set follows the code's migrations
            from django.core.management import call_command

            call_command("migrate", verbosity=0)
        if not built.exists():
            print(f"building {args.offices} offices x {args.items} items in {folder} …", flush=True)
            build(args.offices, args.items, log=lambda line: print(line, flush=True))
            built.write_text(f"{args.offices} x {args.items}\n")
        if args.build_only:
            return
        if not (folder / "data" / "static" / "staticfiles.json").exists():
            from django.core.management import call_command

            call_command("collectstatic", "--noinput", verbosity=0)  # production's manifest storage needs it
        run_measurements(args.rounds, only=args.only, profile=args.profile)
        print(f"load average after: {os.getloadavg()[0]:.1f} (2 cores)")
    finally:
        if postgres is not None:
            postgres.stop()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
