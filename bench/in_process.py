#!/usr/bin/env python
"""Benchmark: what one public page costs inside Django, without a server or a network in the way.

Calls khaosan's WSGI handler in a loop on one page of a data folder built by bench/vs_wagtail.py --keep (DEBUG
off, the traffic log and the visit counts on, as shipped), after 20 warm-up requests, and prints the mean
milliseconds per request; `--profile` adds cProfile's 60 costliest calls by cumulative time.

    .venv/bin/python bench/in_process.py --keep /tmp/khaosan-vs-wagtail [--path /] [--requests 3000]
        [--page-cache on|off] [--traffic-spool] [--profile]
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", required=True, help="the khaosan data folder of bench/vs_wagtail.py --keep")
    parser.add_argument("--path", default="/", help="the page, with its query string (default /)")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--page-cache", choices=["on", "off"], default="on")
    parser.add_argument("--traffic-spool", action="store_true", help="KHAOSAN_TRAFFIC_SPOOL in a temporary file")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    spool = Path(tempfile.mkdtemp(prefix="khaosan-in-process-")) / "traffic-spool.json"
    os.environ.update({
        "KHAOSAN_DATA_DIR": args.keep, "SECRET_KEY": "in-process-bench-" + "x" * 40, "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1", "KHAOSAN_BEHIND_TLS_PROXY": "true", "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0", "KHAOSAN_PAGE_CACHE": "true" if args.page_cache == "on" else "false",
        "KHAOSAN_TRAFFIC_SPOOL": str(spool) if args.traffic_spool else "", "DJANGO_SETTINGS_MODULE": "khaosan.settings",
    })  # fmt: skip
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    path, _sep, query = args.path.partition("?")

    def get():
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "wsgi.input": io.BytesIO(), "wsgi.url_scheme": "http",
            "REMOTE_ADDR": "127.0.0.1", "HTTP_USER_AGENT": "in-process bench", "wsgi.errors": sys.stderr,
        }  # fmt: skip
        status = []
        body = b"".join(handler(environ, lambda s, headers, exc_info=None: status.append(s)))
        return status[0], body

    for _ in range(20):
        status, body = get()
    print(f"{args.path}: {status}, {len(body):,} bytes; page cache {args.page_cache}, "
          f"traffic log {'through the spool' if args.traffic_spool else 'chained in the request'}")  # fmt: skip
    started = time.perf_counter()
    for _ in range(args.requests):
        get()
    print(f"{(time.perf_counter() - started) / args.requests * 1000:.2f} ms a request ({args.requests:,} requests; "
          f"load average {' '.join(Path('/proc/loadavg').read_text().split()[:3])})")  # fmt: skip
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.requests):
            get()
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(60)
        print(out.getvalue())
    spool.unlink(missing_ok=True)
    spool.parent.rmdir()


if __name__ == "__main__":
    main()
