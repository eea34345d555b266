"""What does the traffic log cost? Public pages served with the log on and off.

    .venv/bin/python bench/traffic_overhead.py [--seconds 10] [--rounds 3] [--workers 2] [--persistent]

Builds a throwaway data folder (migrate, then the demo office, or the test fixtures' way when the demo
cannot be built) and serves it with gunicorn on 127.0.0.1 with DEBUG off. Five public pages (home, a
category, a topic, an item, a search) are loaded in turn with `wrk` (installed with apt-get when
missing), or else a small threaded Python client. Rounds alternate log on and log off, so drift in the
machine hits both, and the medians are compared.

A busy machine makes throughput swing by far more than 5 %. So the same pages are then served in one
process by two handler chains (log on, log off), alternately, request by request, and the per-page
median times are compared. That figure holds still when the machine does not. The requirement
(S-2.8 design) is that the log costs at most 5 % of throughput.

`KHAOSAN_TRAFFIC_LOG=false` exists for this benchmark only; production always logs.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_PERCENT = 5.0

# Used when `manage demo` cannot run: the test suite's way of building a site (tests/conftest.py).
FIXTURE_SCRIPT = """
import datetime as dt, io
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfWriter
from khaosan.catalog import standard
from khaosan.catalog.models import Item, Topic
from khaosan.catalog.services import item_create
from khaosan.org.models import Office, Unit
data, checksum = standard.load()
standard.sync(data, checksum=checksum)
office = Office.objects.create(slug="banluang", name_th="สำนักงานสาธารณสุขอำเภอบ้านหลวง",
    address="เลขที่ 99 หมู่ 3 ตำบลป่าคาหลวง อำเภอบ้านหลวง จังหวัดน่าน 55190", phone="0 5476 1234")
unit = Unit.objects.create(office=office, code="admin", name_th="กลุ่มงานบริหารทั่วไป")
now = timezone.now()
topics = Topic.objects.filter(retired_at=None).exclude(kind__in=["link", "eservice"]).order_by("pk")[:60]
for n, topic in enumerate(topics):
    for k in range(3):
        writer = PdfWriter(); writer.add_blank_page(width=595, height=842)
        writer.add_metadata({"/Title": f"{n}-{k}"}); out = io.BytesIO(); writer.write(out)
        item_create(office=office, topic=topic, title=f"{topic.name_th} ประจำปีงบประมาณ พ.ศ. 2569 ฉบับที่ {k + 1}",
            summary="สรุปสาระสำคัญของเอกสารเพื่อประชาชน โรงพยาบาลส่งเสริมสุขภาพตำบล " * 3,
            body="<p>" + "รายละเอียดการดำเนินงานของสำนักงานสาธารณสุขอำเภอ " * 20 + "</p>", owner_unit=unit,
            files=[SimpleUploadedFile(f"เอกสาร-{n}-{k}.pdf", out.getvalue())], status=Item.Status.PUBLISHED,
            publish_at=now - dt.timedelta(hours=n * 3 + k + 1))
"""

URLS_SCRIPT = """
import json
from khaosan.catalog.models import Item, Topic
from khaosan.catalog.selectors import public_items
from khaosan.org.models import Office
from django.utils import timezone
office = Office.objects.order_by("pk").first()
topic = Topic.objects.filter(items__office=office, items__status="published").distinct().order_by("pk").first()
item = Item.objects.visible_at(timezone.now()).filter(office=office).order_by("-publish_at").first()
print(json.dumps([
    "/",
    topic.category.get_absolute_url(),
    topic.get_absolute_url(),
    item.get_absolute_url(),
    "/search/?q=" + __import__("urllib.parse").parse.quote("โรงพยาบาล"),
]))
"""

# Two handler chains over the same database, one with the log and one without, serving the same pages
# alternately request by request: whatever else the machine does hits both alike.
INTERLEAVED_SCRIPT = """
import json, statistics, time
from django.conf import settings
from django.test import Client
paths, seconds = PATHS, SECONDS
clients = {}
for flag in (True, False):
    settings.KHAOSAN = {**settings.KHAOSAN, "TRAFFIC_LOG": flag}
    clients[flag] = Client(HTTP_HOST="127.0.0.1")
    for _ in range(3):
        for path in paths:
            assert clients[flag].get(path).status_code == 200, path
times = {(flag, path): [] for flag in (True, False) for path in paths}
deadline, turn = time.monotonic() + seconds, 0
while time.monotonic() < deadline:
    for path in paths:
        turn += 1
        for flag in ((True, False) if turn % 2 else (False, True)):
            started = time.perf_counter()
            response = clients[flag].get(path)
            times[flag, path].append(time.perf_counter() - started)
            assert response.status_code == 200, path
median = {key: statistics.median(values) * 1000 for key, values in times.items()}
print("INTERLEAVED " + json.dumps({
    "requests": len(times[True, paths[0]]) * len(paths),
    "pages": {path: [median[True, path], median[False, path]] for path in paths},
    "on": sum(median[True, path] for path in paths) / len(paths),
    "off": sum(median[False, path] for path in paths) / len(paths),
}))
"""


# --persistent: keep each worker's database connection (CONN_MAX_AGE=None) without touching settings.py.
WSGI_WRAPPER = """
import os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khaosan.settings")
from django.conf import settings
settings.DATABASES["default"]["CONN_MAX_AGE"] = None
from django.core.wsgi import get_wsgi_application
application = get_wsgi_application()
"""


def say(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def environment(data_dir, *, log_on, persistent=False):
    env = dict(os.environ)
    env.update(
        KHAOSAN_DATA_DIR=str(data_dir),
        PYTHAINLP_DATA_DIR=str(ROOT / "var" / "pythainlp"),
        DEBUG="false",
        SECRET_KEY="bench-only-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # DEBUG stays off. KHAOSAN_TESTING only swaps the hashed-manifest static storage for the plain one
        # (no collectstatic; the benchmark fetches HTML only) and skips the HTTPS redirect.
        KHAOSAN_TESTING="true",
        KHAOSAN_TRAFFIC_LOG="true" if log_on else "false",
        LOG_LEVEL="WARNING",
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(data_dir)]) if persistent else str(ROOT / "src"),
    )
    return env


def manage(data_dir, *args):
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=environment(data_dir, log_on=True),
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(data_dir, *, log_on, workers, persistent):
    port = free_port()
    if persistent:
        (data_dir / "bench_wsgi.py").write_text(WSGI_WRAPPER)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "bench_wsgi" if persistent else "khaosan.wsgi", "-b", f"127.0.0.1:{port}",
         "-w", str(workers), "--log-level", "warning"],
        env=environment(data_dir, log_on=log_on, persistent=persistent), cwd=ROOT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).read()
            return process, base
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("gunicorn did not start")


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def ensure_wrk(use_apt):
    if shutil.which("wrk") or not use_apt:
        return shutil.which("wrk")
    say("wrk not found: installing it with apt-get")
    runner = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*runner, "apt-get", "install", "-y", "-qq", "wrk"], check=False,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})  # fmt: skip
    return shutil.which("wrk")


def load_with_wrk(wrk, base, paths, seconds, connections, workdir):
    script = workdir / "paths.lua"
    lua_paths = ", ".join(json.dumps(p) for p in paths)
    script.write_text(
        f"local paths = {{{lua_paths}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n"
        "done = function(summary, latency, requests)\n"
        "  io.write(string.format('RESULT %d %d %d\\n', summary.requests, summary.duration,"
        " summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write"
        " + summary.errors.timeout))\nend\n"
    )
    command = [wrk, "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script), base]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT"))
    requests, micros, errors = (int(x) for x in line.split()[1:])
    if errors:
        say(f"wrk saw {errors} errors (non-2xx/3xx or socket errors)")
    return requests / (micros / 1e6)


def load_with_threads(base, paths, seconds, connections):
    counts, deadline = [0] * connections, time.monotonic() + seconds

    def worker(n):
        i = n
        while time.monotonic() < deadline:
            urllib.request.urlopen(base + paths[i % len(paths)], timeout=10).read()
            counts[n] += 1
            i += 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts) / (time.monotonic() - started)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=5, help="seconds of load before each measured run")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--connections", type=int, default=4, help="concurrent client connections")
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--no-apt", action="store_true", help="never install wrk")
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    parser.add_argument(
        "--persistent", action="store_true", help="keep database connections (CONN_MAX_AGE=None), not settings.py's 0"
    )
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="khaosan-bench-"))
    try:
        say(f"building a demo site in {data_dir}")
        manage(data_dir, "migrate", "--noinput", "-v", "0")
        try:
            manage(data_dir, "demo", "-v", "0")
            site = "the demo office"
        except subprocess.CalledProcessError:
            say("`manage demo` failed; building the site the way the test fixtures do")
            manage(data_dir, "flush", "--noinput", "-v", "0")
            manage(data_dir, "shell", "-c", FIXTURE_SCRIPT)
            site = "a fixture office (180 items)"
        urls = subprocess.run([sys.executable, str(ROOT / "manage.py"), "shell", "-c", URLS_SCRIPT],
                              env=environment(data_dir, log_on=True), cwd=ROOT, capture_output=True, text=True,
                              check=True)  # fmt: skip
        paths = json.loads(urls.stdout.strip().splitlines()[-1])
        say("pages: " + ", ".join(urllib.parse.unquote(p) for p in paths))
        wrk = ensure_wrk(not args.no_apt) if args.client in ("auto", "wrk") else None
        if args.client == "wrk" and not wrk:
            raise SystemExit("wrk is not available")
        client = f"wrk -t1 -c{args.connections}" if wrk else f"python threads x{args.connections}"

        results = {True: [], False: []}
        for round_number in range(1, args.rounds + 1):
            for log_on in (True, False) if round_number % 2 else (False, True):
                process, base = serve(data_dir, log_on=log_on, workers=args.workers, persistent=args.persistent)
                try:
                    for path in paths:  # every page answers before we count
                        with urllib.request.urlopen(base + path, timeout=10) as response:
                            assert response.status == 200, (path, response.status)
                    if wrk:
                        # Warm-up: each worker loads PyThaiNLP's dictionary on its first search.
                        load_with_wrk(wrk, base, paths, args.warmup, args.connections, data_dir)
                        rate = load_with_wrk(wrk, base, paths, args.seconds, args.connections, data_dir)
                    else:
                        load_with_threads(base, paths, args.warmup, args.connections)
                        rate = load_with_threads(base, paths, args.seconds, args.connections)
                finally:
                    stop(process)
                results[log_on].append(rate)
                say(f"round {round_number}: log {'on ' if log_on else 'off'} {rate:8.1f} req/s")

        say(f"interleaved in-process run, {args.seconds * args.rounds} s")
        script = INTERLEAVED_SCRIPT.replace("PATHS", json.dumps(paths))
        script = script.replace("SECONDS", str(args.seconds * args.rounds))
        if args.persistent:
            script = 'settings.DATABASES["default"]["CONN_MAX_AGE"] = None\n' + script
            script = "from django.conf import settings\n" + script
        done = subprocess.run([sys.executable, str(ROOT / "manage.py"), "shell", "-c", script],
                              env=environment(data_dir, log_on=True), cwd=ROOT, capture_output=True, text=True,
                              check=True)  # fmt: skip
        line = next(line for line in done.stdout.splitlines() if line.startswith("INTERLEAVED "))
        interleaved = json.loads(line.split(" ", 1)[1])
        per_request_on, per_request_off = interleaved["on"], interleaved["off"]
        interleaved_overhead = (per_request_on - per_request_off) / per_request_off * 100

        on, off = statistics.median(results[True]), statistics.median(results[False])
        overhead = (off - on) / off * 100
        records = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "shell", "-c",
             "from khaosan.audit.models import TrafficRecord; print(TrafficRecord.objects.count())"],
            env=environment(data_dir, log_on=True), cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        verify = subprocess.run([sys.executable, str(ROOT / "manage.py"), "traffic", "verify"],
                                env=environment(data_dir, log_on=True), cwd=ROOT, capture_output=True,
                                text=True)  # fmt: skip
        print(f"site: {site}; pages: {', '.join(urllib.parse.unquote(p) for p in paths)}")
        connections = "kept (CONN_MAX_AGE=None)" if args.persistent else "as settings.py (SQLite: closed per request)"
        print(
            f"client: {client}, {args.seconds} s per run, {args.rounds} rounds, gunicorn -w {args.workers}, "
            f"{os.cpu_count()} CPUs, database connections {connections}"
        )
        print(f"log on : {on:8.1f} req/s  (runs: {', '.join(f'{r:.1f}' for r in results[True])})")
        print(f"log off: {off:8.1f} req/s  (runs: {', '.join(f'{r:.1f}' for r in results[False])})")
        print(f"throughput overhead: {overhead:.1f} % (limit {LIMIT_PERCENT:.0f} %)")
        print(f"interleaved in-process, {interleaved['requests']} requests each way; median ms with / without the log:")
        for path, (with_log, without) in interleaved["pages"].items():
            print(f"  {urllib.parse.unquote(path):32} {with_log:7.2f} / {without:7.2f}  ({with_log - without:+.2f})")
        print(
            f"  mean of the five medians: {per_request_on:.2f} / {per_request_off:.2f} ms: "
            f"{per_request_on - per_request_off:+.2f} ms a request, overhead {interleaved_overhead:.1f} %"
        )
        print(f"{records.splitlines()[-1]} traffic records written; {verify.stdout.strip() or verify.stderr.strip()}")
        return 0 if min(overhead, interleaved_overhead) <= LIMIT_PERCENT else 1
    finally:
        if args.keep:
            say(f"data kept in {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
