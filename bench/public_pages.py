#!/usr/bin/env python
"""Benchmark: public pages with a large catalog (20,000 items by default).

Builds a throwaway installation (SQLite in WAL mode, the demo office plus N generated items), serves it
with gunicorn on 127.0.0.1 exactly as in production (DEBUG off), and measures each page type with a
small threaded HTTP client: requests per second and latency percentiles. Also reports page weight.

    ./khaosan manage shell -c "" >/dev/null   # make sure the venv exists (./khaosan test or run does it)
    .venv/bin/python bench/public_pages.py [--items 20000] [--seconds 10] [--concurrency 4] [--keep DIR]

Targets (README, Benchmarks): p95 under 200 ms for every page type at concurrency 4 on 2 cores, and a
first view of the home page under 100 KB of HTML+CSS+JS before images.
"""

import argparse
import os
import secrets
import shutil
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

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(data_dir, port):
    return {
        **os.environ,
        "KHAOSAN_DATA_DIR": str(data_dir),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "KHAOSAN_BEHIND_TLS_PROXY": "true",
        "SECURE_SSL_REDIRECT": "false",  # the benchmark speaks plain HTTP to gunicorn, as nginx would
        "SECURE_HSTS_SECONDS": "0",
        **({"KHAOSAN_TRAFFIC_LOG": os.environ["KHAOSAN_TRAFFIC_LOG"]} if "KHAOSAN_TRAFFIC_LOG" in os.environ else {}),
    }


def run(args, env):
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], env=env, check=True, cwd=ROOT)


def build(data_dir, items, env):
    print(f"building a data set in {data_dir} …", flush=True)
    started = time.monotonic()
    run(["migrate", "-v", "0"], env)
    run(["demo", "-v", "0"], env)
    if items:
        run(["demo", "--items", str(items), "-v", "0"], env)
    run(["collectstatic", "--noinput", "-v", "0"], env)
    print(f"  built in {time.monotonic() - started:.0f} s", flush=True)


def fetch(url, timings, errors, sizes):
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            body = response.read()
            status = response.status
    except Exception as error:  # noqa: BLE001
        errors.append(str(error))
        return
    timings.append((time.perf_counter() - started) * 1000)
    if status != 200:
        errors.append(f"status {status}")
    sizes.append(len(body))


def hammer(url, seconds, concurrency):
    timings, errors, sizes = [], [], []
    deadline = time.monotonic() + seconds

    def worker():
        while time.monotonic() < deadline:
            fetch(url, timings, errors, sizes)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    return timings, errors, sizes, elapsed


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=20000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--keep", help="reuse (or keep) this data directory")
    args = parser.parse_args()

    data_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="khaosan-bench-"))
    port = free_port()
    env = environment(data_dir, port)
    if not (data_dir / "khaosan.sqlite3").exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        build(data_dir, args.items, env)

    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "--chdir", str(ROOT / "src"), "khaosan.wsgi",
         "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers), "--log-level", "warning"],
        env=env, cwd=ROOT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1).read()
                break
            except Exception:  # noqa: BLE001
                time.sleep(0.2)
        sys.path.insert(0, str(ROOT / "src"))
        os.environ.update(env)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khaosan.settings")
        import django

        django.setup()
        from khaosan.catalog.models import Item
        from khaosan.catalog.selectors import public_items
        from khaosan.org.models import Office

        office = Office.objects.first()
        item = public_items(office).order_by("-publish_at").first()
        count = public_items(office).count()
        busiest = (
            public_items(office)
            .values("topic__category__code", "topic__code")
            .order_by()
            .annotate(n=django.db.models.Count("pk"))
            .order_by("-n")
            .first()
        )
        topic_url = f"/c/{busiest['topic__category__code']}/{busiest['topic__code']}/"
        last_page = max(1, -(-busiest["n"] // 20))
        pages = {
            "home": "/",
            "category": "/c/news/",
            "topic, page 1": topic_url,
            f"topic, last page ({last_page})": topic_url + f"?page={last_page}",
            "item": item.get_absolute_url(),
            "search (Thai word)": "/search/?" + urllib.parse.urlencode({"q": "วัคซีน"}),
            "search (inside a compound)": "/search/?" + urllib.parse.urlencode({"q": "สุขภาพ"}),
            "official information centre": "/official-information/",
            "sitemap.xml (index)": "/sitemap.xml",
            "sitemap-items.xml, page 1": "/sitemap-items.xml?p=1",
        }
        print(f"\n{count} public items of {Item.objects.count()}; gunicorn {args.workers} workers; "
              f"{args.concurrency} concurrent clients, {args.seconds:.0f} s per page\n")  # fmt: skip
        print(f"{'page':32} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'KB':>7} errors")
        for name, path in pages.items():
            hammer(base + path, 1, 1)  # warm the caches
            timings, errors, sizes, elapsed = hammer(base + path, args.seconds, args.concurrency)
            if not timings:
                print(f"{name:32} failed: {errors[:1]}")
                continue
            print(f"{name:32} {len(timings) / elapsed:7.1f} {statistics.median(timings):8.1f} "
                  f"{percentile(timings, 95):8.1f} {max(timings):8.1f} {statistics.mean(sizes) / 1024:7.1f} "
                  f"{len(errors)}")  # fmt: skip
        weight = sum(
            len(urllib.request.urlopen(base + p).read())
            for p in ("/", "/static/khaosan/site.css", "/static/khaosan/site.js")
        )
        print(f"\nhome page first view (HTML + CSS + JS, uncompressed): {weight / 1024:.1f} KB")
    finally:
        server.terminate()
        server.wait(timeout=10)
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
