#!/usr/bin/env python
"""Benchmark: 500 concurrent connections for 60 s against the production setup, nginx in front (issue 13).

nginx is configured as the README's Production section says (static files served by nginx, the rest passed
to gunicorn, the khaosan_json access log), on 127.0.0.1. gunicorn runs khaosan with 2 sync workers, the
traffic log, visitor counts and the page cache on, as shipped. The data is the Wagtail yardstick's (built by
bench/vs_wagtail.py with --keep, or built here). wrk opens 500 connections (2 threads) on each measured page
for 60 s; the script prints requests per second, p50 and p99 latency and every error, then runs the traffic
follower over nginx's log and checks that every request wrk made reached the traffic log, either through
khaosan's own record or through the follower.

    .venv/bin/python bench/load_nginx.py --keep /tmp/khaosan-vs-wagtail [--seconds 60] [--connections 500]

With --nginx-cache, nginx keeps the pages khaosan keeps (README: the nginx page cache, the same lines as
public/nginx_cache.py). Each page is then measured against nginx serving a static file of the very same
bytes, alternating (page, file, file, page), both with `Connection: close`, and the ratio is printed:

    .venv/bin/python bench/load_nginx.py --keep /tmp/khaosan-vs-wagtail --nginx-cache [--seconds 10] [--connections 32]

Why sync workers: the work is CPU-bound on two cores and nginx buffers every request and answer, so a
slow client never holds a worker; more processes or threads than cores only add switching. The listen
backlog is raised so 500 connections queue in nginx, not in refused SYNs.
"""

import argparse
import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from public_pages import ROOT, environment, free_port, run  # noqa: E402

sys.path.insert(0, str(ROOT / "src"))
from vs_wagtail import (  # noqa: E402
    GUNICORN,
    WRK_REPORT_LUA,
    Server,
    build_khaosan,
    load_average,
    start,
    stop,
)

from khaosan.audit.nginx_format import NGINX_LOG_FORMAT  # noqa: E402
from khaosan.public.nginx_cache import NGINX_PAGE_CACHE_DIRECTIVES, NGINX_PAGE_CACHE_ZONE  # noqa: E402

NGINX_CONF = """{user}
daemon off; worker_processes 2; pid {run}/nginx.pid; error_log {run}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    {log_format}
    access_log {run}/khaosan-traffic.json khaosan_json;
    client_body_temp_path {run}; proxy_temp_path {run}; fastcgi_temp_path {run}; uwsgi_temp_path {run};
    scgi_temp_path {run};
    include /etc/nginx/mime.types;
    upstream khaosan {{ server 127.0.0.1:{app_port}; keepalive 16; }}
    {cache_path}
    server {{
        listen 127.0.0.1:{port} backlog=4096;
        {stamp_include}
        location /static/ {{ alias {static}/; expires 30d; }}
        location /same-bytes/ {{ alias {run}/same-bytes/; default_type "text/html; charset=utf-8"; }}
        location / {{
            {cache_directives}
            proxy_pass http://khaosan;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host 127.0.0.1;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Real-Port $remote_port;
            proxy_set_header X-Request-ID $request_id;
        }}
    }}
}}
"""


def wrk(url, *, seconds, connections, lua, timeout=10, close=False):
    import re

    headers = ["-H", "Connection: close"] if close else []
    done = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", f"{timeout}s", "--latency", "-s", str(lua),
         *headers, url],
        capture_output=True, text=True,
    )  # fmt: skip
    found = re.search(r"^WRKJSON (.*)$", done.stdout, re.M)
    if done.returncode != 0 or not found:
        raise RuntimeError(f"wrk failed on {url}: {done.stdout[-500:]} {done.stderr[-500:]}")
    report = json.loads(found.group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", done.stdout)
    report["non_2xx"] = int(non_2xx.group(1)) if non_2xx else 0
    return report


def traffic_count(env):
    out = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c",
         "from khaosan.audit.models import TrafficRecord; print(TrafficRecord.objects.count())"],
        env=env, cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return int(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", help="the khaosan data folder of bench/vs_wagtail.py --keep (built if missing)")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=500)
    parser.add_argument("--only", default="", help="comma-separated page labels: home,news,item,static")
    parser.add_argument("--nginx-cache", action="store_true",
                        help="nginx keeps khaosan's pages; each against a static file of the same bytes")  # fmt: skip
    args = parser.parse_args()
    if not shutil.which("nginx") or not shutil.which("wrk"):
        sys.exit("needs nginx and wrk (apt install nginx wrk)")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))  # 500 sockets for wrk, twice for nginx

    data_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="khaosan-load-"))
    env = environment(data_dir, 0)
    if not (data_dir / "khaosan.sqlite3").exists():
        build_khaosan(data_dir, env)
    run(["migrate", "-v", "0"], env)
    run(["collectstatic", "--noinput", "-v", "0"], env)
    env = {**env, "KHAOSAN_PAGE_CACHE": "true", "KHAOSAN_TRUSTED_PROXIES": "127.0.0.1"}
    if args.nginx_cache:
        env["KHAOSAN_NGINX_PAGE_CACHE"] = "true"
    run_dir = Path(tempfile.mkdtemp(prefix="khaosan-load-run-"))
    stamp_include = run_dir / "page-stamp.conf"
    if args.nginx_cache:
        run(["page_stamp", "--once", "--nginx-include", str(stamp_include)], env)
    lua = run_dir / "report.lua"
    lua.write_text(WRK_REPORT_LUA)
    with contextlib.ExitStack() as stack:
        app_port, port = free_port(), free_port()
        log = run_dir / "gunicorn.log"
        command = [GUNICORN, "--workers", "2", "--worker-class", "sync", "--backlog", "4096",
                   "--bind", f"127.0.0.1:{app_port}", "--error-logfile", str(log), "--chdir", str(ROOT / "src"),
                   "khaosan.wsgi"]  # fmt: skip
        start(stack, "khaosan", command, env=env, cwd=ROOT, port=app_port, log=log, health="/healthz")
        conf = run_dir / "nginx.conf"
        cached = args.nginx_cache
        conf.write_text(NGINX_CONF.format(
            user="user root;" if os.geteuid() == 0 else "", run=run_dir, log_format=NGINX_LOG_FORMAT, app_port=app_port,
            port=port, static=data_dir / "static",
            cache_path=f"proxy_cache_path {run_dir}/pages levels=1:2 {NGINX_PAGE_CACHE_ZONE};" if cached else "",
            stamp_include=f"include {stamp_include};" if cached else "",
            cache_directives=NGINX_PAGE_CACHE_DIRECTIVES.replace("\n", "\n            ") if cached else "",
        ))  # fmt: skip
        nginx = subprocess.Popen(["nginx", "-p", str(run_dir), "-c", str(conf)], start_new_session=True)
        server = Server("nginx", nginx, f"http://127.0.0.1:{port}", run_dir / "nginx-error.log")
        stack.callback(stop, server)
        start_check = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--retry", "20",
                                      "--retry-connrefused", "--retry-delay", "0", server.base + "/healthz"],
                                     capture_output=True, text=True)  # fmt: skip
        if start_check.stdout != "200":
            raise RuntimeError(f"nginx did not answer (see {run_dir}/nginx-error.log)")
        pages = pages_to_measure(env)
        if args.only:
            wanted = set(args.only.split(","))
            pages = [p for p in pages if p[0] in wanted]
        before = traffic_count(env)
        if cached:
            against_same_bytes(server.base, run_dir, [p for p in pages if p[0] != "static"], args=args, lua=lua)
        else:
            under_load(server.base, pages, args=args, lua=lua)
    # nginx has stopped and flushed its log: read it into the chain, then look up every line's request id.
    print("reading nginx's log into the traffic log …", flush=True)
    run(["traffic", "follow", "--log", str(run_dir / "khaosan-traffic.json"), "--once"], env)
    after = traffic_count(env)
    log_ids = [json.loads(line)["id"] for line in open(run_dir / "khaosan-traffic.json", encoding="utf-8")]
    missing = missing_ids(env, log_ids)
    # A request the client gave up on (nginx's 499 as wrk stops) was recorded by khaosan and by nginx's line.
    print(
        f"nginx logged {len(log_ids):,} requests (warm-ups included); the traffic log gained {after - before:,} "
        f"records; request ids of nginx's lines missing from the log: {missing:,}"
        f" ({'every request recorded' if not missing else 'REQUESTS MISSING'})"
    )
    print(f"files kept in {run_dir}")


def _measure(url, *, args, lua, close=False):
    report = wrk(url, seconds=args.seconds, connections=args.connections, lua=lua, close=close)
    errors = {k: report[k] for k in ("err_connect", "err_read", "err_write", "err_timeout", "non_2xx") if report[k]}
    rps = report["requests"] / (report["duration_us"] / 1e6)
    return rps, report, errors


def under_load(base, pages, *, args, lua):
    print(f"load average before: {load_average()}; {args.connections} connections, {args.seconds} s per page,"
          " nginx (2 workers) → gunicorn (2 sync workers), page cache on")  # fmt: skip
    print(f"{'page':<10} {'req/s':>9} {'p50':>8} {'p99':>8} {'max':>8}  errors")
    for label, path in pages:
        subprocess.run(["wrk", "-t2", "-c50", "-d3s", base + path], capture_output=True)  # warm up
        rps, report, errors = _measure(base + path, args=args, lua=lua)
        p50, p99, top = (report[k] / 1000 for k in ("lat_p50_us", "lat_p99_us", "lat_max_us"))
        print(f"{label:<10} {rps:>9,.1f} {p50:>6.1f}ms {p99:>6.1f}ms {top:>6.0f}ms  {errors or 'none'}", flush=True)
    print(f"load average after: {load_average()}")


def against_same_bytes(base, run_dir, pages, *, args, lua):
    """Each page from nginx's page cache against nginx serving a file of its bytes: page, file, file, page."""
    import urllib.request

    same_bytes = run_dir / "same-bytes"
    same_bytes.mkdir(exist_ok=True)
    print(f"load average before: {load_average()}; {args.connections} connections, {args.seconds} s per run,"
          " Connection: close; nginx (2 workers) keeps khaosan's pages (gunicorn: 2 sync workers)")  # fmt: skip
    print(f"{'page':<10} {'bytes':>7} {'file req/s':>11} {'page req/s':>11} {'ratio':>7}  cache  errors")
    for label, path in pages:
        for _attempt in range(2):  # the first asks khaosan, the second must be nginx's own
            with urllib.request.urlopen(base + path, timeout=10) as answer:
                body, status = answer.read(), answer.headers["X-Cache"]
        (same_bytes / f"{label}.html").write_bytes(body)
        subprocess.run(["wrk", "-t2", "-c32", "-d3s", base + path], capture_output=True)  # warm up
        runs = {"page": [], "file": []}
        every_error = {}
        for kind in ("page", "file", "file", "page"):
            url = base + (path if kind == "page" else f"/same-bytes/{label}.html")
            rps, _report, errors = _measure(url, args=args, lua=lua, close=True)
            runs[kind].append(rps)
            every_error.update({f"{kind} {k}": v for k, v in errors.items()})
        page_rps, file_rps = (sum(runs[k]) / len(runs[k]) for k in ("page", "file"))
        print(f"{label:<10} {len(body):>7,} {file_rps:>11,.0f} {page_rps:>11,.0f} {page_rps / file_rps:>6.2f}×  "
              f"{status:<5}  {every_error or 'none'}", flush=True)  # fmt: skip
    print(f"load average after: {load_average()}")


def missing_ids(env, ids):
    """How many of `ids` no traffic record carries (the records' ids read once inside Django)."""
    script = (
        "import json, sys; from khaosan.audit.models import TrafficRecord; wanted = set(json.load(sys.stdin)); "
        "have = set(TrafficRecord.objects.filter(request_id__in=wanted).values_list('request_id', flat=True)) "
        "if len(wanted) < 900 else {r for r in TrafficRecord.objects.values_list('request_id', flat=True).iterator() "
        "if r in wanted}; print(len(wanted - have))"
    )
    out = subprocess.run([sys.executable, str(ROOT / "manage.py"), "shell", "-c", script], input=json.dumps(ids),
                         env=env, cwd=ROOT, capture_output=True, text=True, check=True)  # fmt: skip
    return int(out.stdout.strip().splitlines()[-1])


def pages_to_measure(env):
    out = subprocess.run(
        [sys.executable, "-c", PAGES_SCRIPT], env={**env, "DJANGO_SETTINGS_MODULE": "khaosan.settings"},
        cwd=ROOT / "src", capture_output=True, text=True, check=True,
    )  # fmt: skip
    return [tuple(line.split("\t")) for line in out.stdout.strip().splitlines()]


PAGES_SCRIPT = """
import django; django.setup()
from khaosan.catalog.models import Item, Topic
news = Topic.objects.select_related("category").get(code="general-news")
items = Item.objects.filter(topic=news, status="published").order_by("pk")
item = items[999:1000].first() or items.first()
print("home\\t/")
print(f"news\\t{news.get_absolute_url()}")
print(f"item\\t{item.get_absolute_url()}")
print("static\\t/static/khaosan/site.css")
"""


if __name__ == "__main__":
    main()
