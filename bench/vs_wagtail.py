#!/usr/bin/env python
"""Benchmark: khaosan's public pages against a stock Wagtail site with the same content (issue 13).

The yardstick is the Wagtail peer in ../shared/bench/wagtail-peer, beside the repository: 2,000 Thai news
pages and 1,000 documents from its `peer_data.py`. This script

1. builds the peer with the harness's `build-and-bench.sh` in a folder outside every repository
   (PEER_DIR, default /tmp/peer-wagtail), or reuses a build found there;
2. builds a khaosan data folder as bench/public_pages.py does (migrate, the demo office, collectstatic)
   and loads exactly the peer's content into it: the news into the general-news topic, the documents,
   one file each with the peer's bytes, into the notices topic (see PEER_LOAD_TOPICS);
3. serves both the same way: gunicorn, 2 sync workers, SQLite, DEBUG off, 127.0.0.1; khaosan with its
   traffic log and visitor counts on, as shipped;
4. checks that every measured URL answers 200 (no redirect) on both sites with the expected titles in it,
   then measures each page with wrk (2 threads, 32 connections), alternating the sites W K K W page by page
   so both see the same machine, and prints req/s and p99 per site and the ratio khaosan / Wagtail.

    .venv/bin/python bench/vs_wagtail.py [--seconds 20] [--warmup 3] [--keep DIR] [--reuse-peer] [--only home,item]
        [--page-cache off|on|both] [--traffic-spool]

Absolute figures move with the machine's load; the ratio of one alternating run is what to quote.
"""

import argparse
import contextlib
import dataclasses
import datetime as dt
import hashlib
import http.client
import importlib.util
import json
import os
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from public_pages import ROOT, environment, free_port, run  # noqa: E402

BASE_ENV = dict(os.environ)  # before Django's settings add to os.environ in this process

GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
# The shared harness beside the repository (../shared/bench/wagtail-peer), or wherever PEER_HARNESS says.
HARNESS = Path(os.environ.get("PEER_HARNESS", ROOT.parent / "shared" / "bench" / "wagtail-peer"))
PEER_DIR = Path(os.environ.get("PEER_DIR", "/tmp/peer-wagtail"))
WORKERS = 2
NEWS_TOPIC = "general-news"  # ข่าวประชาสัมพันธ์ › ข่าวสารทั่วไป (standard.yaml, S-1.8)
DOCS_TOPIC = "regulations-and-announcements"  # ประกาศ ระเบียบ ข้อบังคับ: the peer's notices, orders and reports
PEER_LOAD_TOPICS = (NEWS_TOPIC, DOCS_TOPIC)
NEWS_ITEM_N = 1000  # the news item measured: Wagtail /news/news-1000/
LISTING_PAGE = 50

# wrk's done() hook: one machine-readable line (latencies in microseconds), as the peer harness prints it.
WRK_REPORT_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"lat_p50_us":%d,"lat_p99_us":%d,"lat_max_us":%d,' ..
    '"err_connect":%d,"err_read":%d,"err_write":%d,"err_status":%d,"err_timeout":%d}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


@dataclasses.dataclass
class Page:
    """One page measured on both sites: its path on each and a text each answer must contain."""

    label: str
    wagtail: str
    khaosan: str
    expect_wagtail: tuple
    expect_khaosan: tuple


@dataclasses.dataclass
class Server:
    name: str
    process: subprocess.Popen
    base: str
    log: Path

    @property
    def port(self):
        return int(self.base.rsplit(":", 1)[1])


@dataclasses.dataclass
class Measure:
    rps: float
    p99_ms: float
    requests: int
    bytes: int
    errors: dict


# ---------------------------------------------------------------------------------------------- the peer


def load_peer_data(peer_dir):
    """Import the peer's content generator: the harness's copy, else the one the build put beside the site."""
    for path in (HARNESS / "peer_data.py", peer_dir / "site" / "peer_data.py"):
        if path.exists():
            spec = importlib.util.spec_from_file_location("peer_data", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    sys.exit(f"peer_data.py not found in {HARNESS} nor in {peer_dir / 'site'} (set PEER_HARNESS)")


def peer_built(peer_dir):
    return (peer_dir / "venv" / "bin" / "gunicorn").exists() and (peer_dir / "site" / "db.sqlite3").exists()


def inside_repository(path):
    """True when `path` (or the nearest folder of it that exists) lies in this or any git work tree."""
    path = path.resolve()
    if path.is_relative_to(ROOT.resolve().parent):
        return True
    existing = next(p for p in (path, *path.parents) if p.exists())
    found = subprocess.run(["git", "-C", str(existing), "rev-parse", "--show-toplevel"], capture_output=True)
    return found.returncode == 0


def ensure_peer(peer_dir, *, reuse):
    """Build the Wagtail peer with the harness script unless a build is there already.

    The script always measures after building; with no cache pass and 1-second runs that takes about half
    a minute, and it also installs wrk and nginx from Debian when missing.
    """
    if peer_built(peer_dir):
        print(f"reusing the Wagtail peer in {peer_dir}", flush=True)
        return
    if reuse:
        sys.exit(f"--reuse-peer: no peer build in {peer_dir} (venv/bin/gunicorn and site/db.sqlite3)")
    if inside_repository(peer_dir):
        sys.exit(f"PEER_DIR must be outside every repository (got {peer_dir})")
    script = HARNESS / "build-and-bench.sh"
    if not script.exists():
        sys.exit(f"{script} not found (set PEER_HARNESS to the wagtail-peer folder)")
    print(f"building the Wagtail peer in {peer_dir} with {script} (a few minutes) …", flush=True)
    started = time.monotonic()
    env = {
        **os.environ,
        "PEER_DIR": str(peer_dir),
        "PEER_WITH_CACHE": "0",
        "PEER_DURATION": "1",
        "PEER_WARMUP": "1",
        "PEER_RESULTS": str(peer_dir / "build-check.md"),
    }
    if subprocess.run(["bash", str(script)], env=env, cwd=tempfile.gettempdir()).returncode != 0:
        sys.exit(f"the peer build failed: see the logs in {peer_dir / 'logs'}")
    print(f"  peer built in {time.monotonic() - started:.0f} s", flush=True)


def peer_per_page(peer_dir):
    """The peer's listing page size, read from its news app (20 in the harness)."""
    models = peer_dir / "site" / "news" / "models.py"
    found = re.search(r"^PER_PAGE\s*=\s*(\d+)", models.read_text(), re.M) if models.exists() else None
    return int(found.group(1)) if found else 20


# ---------------------------------------------------------------------------------------------- khaosan


def build_khaosan(data_dir, env):
    print(f"building a khaosan data folder in {data_dir} …", flush=True)
    started = time.monotonic()
    data_dir.mkdir(parents=True, exist_ok=True)
    quiet = {**env, "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}  # the demo's mail unprinted
    run(["migrate", "-v", "0"], quiet)
    run(["demo", "-v", "0"], quiet)  # runs sync_standard first when the standard is not loaded
    run(["collectstatic", "--noinput", "-v", "0"], quiet)
    print(f"  built in {time.monotonic() - started:.0f} s", flush=True)


def setup_django(env):
    """Use the data folder's database in this process (to load content and find the measured items)."""
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khaosan.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def news_publish_at(date):
    """A news date as khaosan's publish time: 09:00 in the office's time zone, the same for a day's news.

    Two peer items share each date; Wagtail orders them by date then newest pk, khaosan by publish time then
    newest pk. Equal times and creation in peer order give both sites the same order on every page.
    """
    from django.utils import timezone

    return timezone.make_aware(dt.datetime.combine(date, dt.time(9, 0)))


def load_peer_content(peer_data):
    """Load the peer's 2,000 news and 1,000 documents into the demo office, in bulk (as `demo --items`).

    The demo's own items in the two topics are withdrawn first, so each listing holds exactly the peer's
    content and page 50 shows the same items on both sites. Idempotent: a loaded folder is left as it is.
    """
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone

    from khaosan.catalog import search
    from khaosan.catalog.files import InspectedFile
    from khaosan.catalog.html import clean_html
    from khaosan.catalog.models import Attachment, Item, Topic
    from khaosan.catalog.storage import atomic_with_files, store_blob
    from khaosan.org.models import Office, Staff

    office = Office.objects.order_by("pk").first()
    news_topic = Topic.objects.get(code=NEWS_TOPIC)
    docs_topic = Topic.objects.get(code=DOCS_TOPIC)
    first_news = next(peer_data.news_items(1))
    if Item.objects.filter(office=office, topic=news_topic, title=first_news["title"]).exists():
        print("  peer content already loaded", flush=True)
        return
    started = time.monotonic()
    publisher = Staff.objects.filter(office=office, username="webmaster1").first()
    unit = office.units.order_by("order", "pk").first()
    now = timezone.now()
    withdrawn = (
        Item.objects.filter(office=office, topic__in=[news_topic, docs_topic])
        .exclude(status=Item.Status.WITHDRAWN)
        .update(
            status=Item.Status.WITHDRAWN,
            withdrawn_at=now,
            withdrawn_reason="Withdrawn by bench/vs_wagtail.py: the topic holds the Wagtail peer's content",
        )
    )

    def item(topic, title, summary, body, publish_at):
        row = Item(
            office=office, topic=topic, title=title, summary=summary, body=body, owner_unit=unit,
            source=office.name_th, publish_at=publish_at, status=Item.Status.PUBLISHED, published_by=publisher,
        )  # fmt: skip
        row.fill_period()
        return row

    with transaction.atomic():
        news = Item.objects.bulk_create(
            item(news_topic, n["title"], n["intro"], clean_html(n["body_html"]), news_publish_at(n["date"]))
            for n in peer_data.news_items()
        )
    docs = list(peer_data.documents())
    with atomic_with_files():
        doc_items = Item.objects.bulk_create(item(docs_topic, d["title"], "", "", d["created"]) for d in docs)
        blobs = [
            store_blob(
                InspectedFile(
                    name=d["filename"],
                    extension=d["extension"],
                    kind=d["extension"],
                    content=d["content"],
                    sha256=hashlib.sha256(d["content"]).hexdigest(),
                )  # fmt: skip
            )
            for d in docs
        ]
        Attachment.objects.bulk_create(
            Attachment(office=office, item=i, blob=b, original_name=d["filename"], extension=d["extension"])
            for i, b, d in zip(doc_items, blobs, docs, strict=True)
        )
    loaded = Item.objects.filter(pk__in=[i.pk for i in news + doc_items])
    # Created and last updated when published, as the demo's history (the footer and item pages show it).
    loaded.update(created_at=F("publish_at"), updated_at=F("publish_at"))
    search.rebuild_index(loaded)
    print(
        f"  loaded {len(news)} news and {len(doc_items)} documents in {time.monotonic() - started:.0f} s "
        f"({withdrawn} demo items of the two topics withdrawn)",
        flush=True,
    )


def khaosan_pages(peer_data, peer_page_size):
    """The pages measured, with the same content on both sites, found deterministically from peer_data.

    Each page names the titles it must show: every title of a listing page, in the order both sites list
    them (checked before measuring, so both sites are measured on the same rows).
    """
    from django.conf import settings

    from khaosan.catalog.models import Item, Topic
    from khaosan.org.models import Office

    office = Office.objects.order_by("pk").first()
    news = list(peer_data.news_items())
    docs = [d["title"] for d in peer_data.documents()]  # newest first, as both sites list them
    # Wagtail's order (date, then newest pk, i.e. the higher peer number first); khaosan's is the same.
    ordered = [n["title"] for n in sorted(news, key=lambda n: (n["date"], n["n"]), reverse=True)]
    per_page = settings.KHAOSAN["ITEMS_PER_PAGE"]
    news_url = Topic.objects.select_related("category").get(code=NEWS_TOPIC).get_absolute_url()
    docs_url = Topic.objects.select_related("category").get(code=DOCS_TOPIC).get_absolute_url()
    target = news[NEWS_ITEM_N - 1]
    item = Item.objects.get(office=office, topic__code=NEWS_TOPIC, title=target["title"])
    w_from, k_from = (LISTING_PAGE - 1) * peer_page_size, (LISTING_PAGE - 1) * per_page
    pages = [
        Page("home", "/", "/", tuple(ordered[:10]), (office.name_th,)),
        Page("news listing, page 1", "/news/", news_url, tuple(ordered[:peer_page_size]), tuple(ordered[:per_page])),
        Page(
            f"news listing, page {LISTING_PAGE}",
            f"/news/?page={LISTING_PAGE}",
            f"{news_url}?page={LISTING_PAGE}",
            tuple(ordered[w_from : w_from + peer_page_size]),
            tuple(ordered[k_from : k_from + per_page]),
        ),
        Page(
            f"news item {NEWS_ITEM_N}",
            f"/news/{target['slug']}/",
            item.get_absolute_url(),
            (target["title"],),
            (target["title"],),
        ),  # fmt: skip
        Page("documents listing", "/documents/", docs_url, tuple(docs[:peer_page_size]), tuple(docs[:per_page])),
    ]
    return pages, per_page


# ---------------------------------------------------------------------------------------------- servers


def gunicorn_args(gunicorn, *, port, log):
    """The serving options both sites share; --no-control-socket where the gunicorn version has it."""
    helps = subprocess.run([gunicorn, "--help"], capture_output=True, text=True).stdout
    extra = ["--no-control-socket"] if "--no-control-socket" in helps else []
    return ["--workers", str(WORKERS), "--worker-class", "sync", "--bind", f"127.0.0.1:{port}",
            "--error-logfile", str(log), *extra]  # fmt: skip


def start(stack, name, command, *, env, cwd, port, log, health):
    """Start a server in its own process group, to be stopped with `stack`; wait until `health` answers 200."""
    process = subprocess.Popen(command, env=env, cwd=cwd, start_new_session=True, stdout=subprocess.DEVNULL)
    server = Server(name, process, f"http://127.0.0.1:{port}", log)
    stack.callback(stop, server)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with status {process.returncode} (see {log})")
        with contextlib.suppress(OSError):
            if fetch(server, health)[0] == 200:
                return server
        time.sleep(0.3)
    raise RuntimeError(f"{name} did not answer on 127.0.0.1:{port} within 60 s (see {log})")


def start_wagtail(stack, peer_dir, run_dir, *, page_cache=False):
    """The peer as built; with `page_cache`, Django's per-site cache middleware on (the peer's PEER_CACHE=1)."""
    gunicorn = str(peer_dir / "venv" / "bin" / "gunicorn")
    port = free_port()
    log = run_dir / "gunicorn-wagtail.log"
    env = {**BASE_ENV, "DJANGO_SETTINGS_MODULE": "peersite.settings.bench", "PEER_CACHE": "1" if page_cache else "0"}
    command = [gunicorn, *gunicorn_args(gunicorn, port=port, log=log), "peersite.wsgi:application"]
    return start(stack, "Wagtail", command, env=env, cwd=peer_dir / "site", port=port, log=log, health="/")


def start_khaosan(stack, env, run_dir, *, page_cache=False, traffic_spool=False):
    """khaosan as shipped (traffic log and counters on); its page cache on or off.

    With `traffic_spool`, each request is appended to a spool file and the traffic follower chains it
    meanwhile, in a process of its own beside gunicorn's workers (it is measured with them).
    """
    env = {**env, "KHAOSAN_PAGE_CACHE": "true" if page_cache else "false"}
    if traffic_spool:
        spool = run_dir / "traffic-spool.json"
        env["KHAOSAN_TRAFFIC_SPOOL"] = str(spool)
        follower = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "traffic", "follow", "--spool", str(spool), "--interval", "0.5"],
            env=env, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        stack.callback(stop, Server("follower", follower, "", run_dir / "follower.log"))
    port = free_port()
    log = run_dir / "gunicorn-khaosan.log"
    command = [GUNICORN, *gunicorn_args(GUNICORN, port=port, log=log), "--chdir", str(ROOT / "src"), "khaosan.wsgi"]
    return start(stack, "khaosan", command, env=env, cwd=ROOT, port=port, log=log, health="/healthz")


def stop(server):
    """Stop the server's whole process group: TERM, then KILL after 10 s."""
    if server.process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.process.pid, signal.SIGTERM)
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(server.process.pid, signal.SIGKILL)  # a worker left behind by its master


def group_cpu_seconds(pgid):
    """CPU seconds used so far by every process of the group (server master and workers)."""
    total = 0
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # state ppid pgrp …: fields[2] is the process group
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def wait_idle(servers, *, limit=10.0):
    """Let the servers finish requests still queued from the last wrk run before the next one starts."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        before = sum(group_cpu_seconds(s.process.pid) for s in servers)
        time.sleep(0.5)
        if sum(group_cpu_seconds(s.process.pid) for s in servers) - before < 0.05:
            return


# ---------------------------------------------------------------------------------------------- measuring


def fetch(server, path):
    """GET without following redirects: (status, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def verify(server, path, expect):
    """Refuse to measure an error page or a redirect: 200, with every expected title, in this order."""
    status, body = fetch(server, path)
    text = body.decode("utf-8", "replace")
    if status != 200:
        raise RuntimeError(f"{server.name} {path} answered {status}, not 200")
    at = 0
    for title in expect:
        found = text.find(title, at)
        if found < 0:
            raise RuntimeError(f"{server.name} {path}: “{title}” missing or out of order in its {len(body):,} bytes")
        at = found + len(title)
    return len(body)


def measure(server, path, *, args, lua):
    """One wrk run (after a warm-up run) against `path`: requests per second, p99 and the errors."""
    url = server.base + path
    common = ["wrk", f"-t{args.threads}", f"-c{args.connections}", "--timeout", f"{args.timeout}s"]
    if args.warmup > 0:
        subprocess.run([*common, f"-d{args.warmup}s", url], capture_output=True)
    wait_idle([server])
    done = subprocess.run([*common, f"-d{args.seconds}s", "--latency", "-s", str(lua), url],
                          capture_output=True, text=True)  # fmt: skip
    found = re.search(r"^WRKJSON (.*)$", done.stdout, re.M)
    if done.returncode != 0 or not found:
        raise RuntimeError(f"wrk failed on {url}: {done.stdout[-500:]} {done.stderr[-500:]}")
    report = json.loads(found.group(1))
    errors = {k.removeprefix("err_"): v for k, v in report.items() if k.startswith("err_") and v}
    return Measure(
        rps=report["requests"] / (report["duration_us"] / 1e6),
        p99_ms=report["lat_p99_us"] / 1000,
        requests=report["requests"],
        bytes=report["bytes"],
        errors=errors,
    )


def load_average():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def describe_errors(runs):
    totals = {}
    for m in runs:
        for kind, n in m.errors.items():
            totals[kind] = totals.get(kind, 0) + n
    return ", ".join(f"{kind} {n}" for kind, n in sorted(totals.items())) or "none"


def report(results, *, args, load_before, load_after, started_at, per_page, peer_page_size, sizes):
    line = "|---|---:|---:|---:|---:|---:|"
    print("\n| page | Wagtail req/s | khaosan req/s | ratio K/W | Wagtail p99 | khaosan p99 |")
    print(line)
    for label, runs in results.items():
        w = statistics.mean(m.rps for m in runs["Wagtail"])
        k = statistics.mean(m.rps for m in runs["khaosan"])
        wp = statistics.mean(m.p99_ms for m in runs["Wagtail"])
        kp = statistics.mean(m.p99_ms for m in runs["khaosan"])
        print(f"| {label} | {w:,.1f} | {k:,.1f} | {k / w:.2f} | {wp:,.0f} ms | {kp:,.0f} ms |")
    print("\nper run (W K K W), HTML bytes, and wrk's errors (socket errors; HTTP status >= 400 as 'status'):")
    for label, runs in results.items():
        for site in ("Wagtail", "khaosan"):
            figures = " / ".join(f"{m.rps:,.1f}" for m in runs[site])
            requests = sum(m.requests for m in runs[site])
            print(f"  {label:24} {site:8} {figures:>18} req/s  {sizes[label][site]:>7,} B  "
                  f"{requests:>7,} requests, errors: {describe_errors(runs[site])}")  # fmt: skip
    if per_page != peer_page_size:
        print(f"\nnote: khaosan lists {per_page} items a page, Wagtail {peer_page_size}; page {LISTING_PAGE} "
              f"is item {(LISTING_PAGE - 1) * per_page + 1} on khaosan, {(LISTING_PAGE - 1) * peer_page_size + 1} "
              "on Wagtail")  # fmt: skip
    else:
        print(f"\nboth sites list {per_page} items a page")
    print(f"wrk -t{args.threads} -c{args.connections} -d{args.seconds}s (after a {args.warmup}s warm-up) "
          f"--timeout {args.timeout}s; gunicorn -w {WORKERS} sync on 127.0.0.1; SQLite; DEBUG off")  # fmt: skip
    print(f"date: {started_at:%Y-%m-%d %H:%M} UTC; load average before: {load_before}, after: {load_after}")
    print(f"command: {shlex.join([Path(sys.executable).name, *sys.argv])}")


# ---------------------------------------------------------------------------------------------- main


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=20, help="seconds per measured wrk run (default 20)")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up before each run (default 3)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--timeout", type=int, default=10, help="wrk's per-request timeout in seconds")
    parser.add_argument("--keep", help="reuse (or build and keep) this khaosan data folder")
    parser.add_argument("--peer-dir", default=str(PEER_DIR), help="the Wagtail peer's build (env PEER_DIR)")
    parser.add_argument("--reuse-peer", action="store_true", help="fail rather than build the peer")
    parser.add_argument("--only", help="comma-separated words: measure only pages whose label has one")
    parser.add_argument("--check-only", action="store_true", help="build, serve and check the pages; no wrk")
    parser.add_argument(
        "--page-cache",
        choices=["off", "on", "both"],
        default="off",
        help="off: neither site keeps whole pages (the 3x target); on: khaosan's page cache against Wagtail's "
        "per-site cache; both: one after the other (default off)",
    )
    parser.add_argument("--traffic-spool", action="store_true",
                        help="khaosan appends each request to a spool the follower chains meanwhile "
                        "(KHAOSAN_TRAFFIC_SPOOL)")  # fmt: skip
    return parser.parse_args()


def measure_pages(servers, pages, *, args, lua):
    """Measure every page on both sites, W K K W, so slow drifts of the machine hit both alike."""
    results = {}
    for page in pages:
        runs = {"Wagtail": [], "khaosan": []}
        for name in ("Wagtail", "khaosan", "khaosan", "Wagtail"):
            path = page.wagtail if name == "Wagtail" else page.khaosan
            wait_idle(servers.values())
            runs[name].append(measure(servers[name], path, args=args, lua=lua))
            print(f"  {page.label:24} {name:8} {runs[name][-1].rps:8.1f} req/s", flush=True)
        results[page.label] = runs
    return results


def prepare_khaosan(data_dir, env, peer_data, peer_dir):
    """Build (or reuse) the data folder, load the peer's content, and return the pages to measure."""
    if not (data_dir / "khaosan.sqlite3").exists():
        build_khaosan(data_dir, env)
    else:
        run(["migrate", "-v", "0"], env)  # a kept folder follows the code's migrations
        run(["collectstatic", "--noinput", "-v", "0"], env)
    setup_django(env)
    load_peer_content(peer_data)
    pages, per_page = khaosan_pages(peer_data, peer_per_page(peer_dir))
    from django.db import connections

    connections.close_all()  # the servers are the only users of the database from here on
    return pages, per_page


def main():
    args = parse_args()
    # Ctrl-C and SIGTERM unwind through the finally blocks that stop the servers, even when this process was
    # started in the background with SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    peer_dir = Path(args.peer_dir)
    ensure_peer(peer_dir, reuse=args.reuse_peer)
    if shutil.which("wrk") is None:
        sys.exit("wrk not found: apt-get install wrk (the peer build installs it)")
    peer_data = load_peer_data(peer_dir)
    data_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="khaosan-vs-wagtail-"))
    run_dir = Path(tempfile.mkdtemp(prefix="vs-wagtail-run-"))
    env = environment(data_dir, 0)
    env.pop("KHAOSAN_TRAFFIC_LOG", None)  # the traffic log stays on, as shipped
    lua = run_dir / "wrk_report.lua"
    lua.write_text(WRK_REPORT_LUA)
    finished = False
    try:
        pages, per_page = prepare_khaosan(data_dir, env, peer_data, peer_dir)
        if args.only:
            words = [w.strip() for w in args.only.split(",") if w.strip()]
            pages = [p for p in pages if any(w in p.label for w in words)]
        modes = {"off": [False], "on": [True], "both": [False, True]}[args.page_cache]
        for page_cache in modes:
            print(
                f"\n=== whole-page caches {'ON (khaosan page cache, Wagtail per-site cache)' if page_cache else 'OFF'}"
            )
            run_mode(pages, per_page, page_cache=page_cache, args=args, env=env, peer_dir=peer_dir, run_dir=run_dir,
                     lua=lua)  # fmt: skip
        finished = True
    finally:
        if finished:
            shutil.rmtree(run_dir, ignore_errors=True)
        else:
            print(f"servers stopped; their logs are in {run_dir}", file=sys.stderr)
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0


def run_mode(pages, per_page, *, page_cache, args, env, peer_dir, run_dir, lua):
    """Start both sites with their whole-page caches on or off, check the pages, measure, report."""
    with contextlib.ExitStack() as stack:
        servers = {
            "Wagtail": start_wagtail(stack, peer_dir, run_dir, page_cache=page_cache),
            "khaosan": start_khaosan(stack, env, run_dir, page_cache=page_cache, traffic_spool=args.traffic_spool),
        }
        sizes = {
            p.label: {
                "Wagtail": verify(servers["Wagtail"], p.wagtail, p.expect_wagtail),
                "khaosan": verify(servers["khaosan"], p.khaosan, p.expect_khaosan),
            }
            for p in pages
        }
        print(f"\nall {len(pages)} pages answer 200 with their titles on both sites:")
        for p in pages:
            print(f"  {p.label:24} Wagtail {p.wagtail}, khaosan {p.khaosan}")
        if not args.check_only:
            print(f"measuring {args.seconds} s per run after {args.warmup} s of warm-up, W K K W …", flush=True)
            started_at = dt.datetime.now(dt.UTC)
            load_before = load_average()
            results = measure_pages(servers, pages, args=args, lua=lua)
            load_after = load_average()
    if not args.check_only:
        report(results, args=args, load_before=load_before, load_after=load_after, started_at=started_at,
               per_page=per_page, peer_page_size=peer_per_page(peer_dir), sizes=sizes)  # fmt: skip


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
