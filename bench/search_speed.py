#!/usr/bin/env python
"""Benchmark: the search itself (catalog.search.search) over a large catalog, 20,000 items by default.

Builds (or reuses, with --keep) the same throwaway installation as bench/public_pages.py: the demo office
plus N generated items, SQLite in WAL mode. Then, in one process, runs each query of QUERIES --rounds
times through the public search (the public window, the ranking, marks, snippets, the files that matched)
and prints p50 / p95 / max per query and over all of them. Target (issue "Findable"): p95 under 50 ms.

    .venv/bin/python bench/search_speed.py [--items 20000] [--rounds 40] [--keep /tmp/bench20k]
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from public_pages import ROOT, build, environment, free_port, percentile

QUERIES = {
    "Thai word": "วัคซีน",
    "inside a compound": "สุขภาพ",
    "short word (ยา)": "ยา",
    "two words, no space": "วัคซีนไข้หวัดใหญ่",
    "Thai digits": "๒๕๖๙",
    "misspelling (กฏหมาย)": "กฏหมาย",
    "no match": "ฮีทสโตรกวิริยะ",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--keep", help="reuse (or keep) this data directory")
    args = parser.parse_args()
    data_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="khaosan-bench-"))
    env = environment(data_dir, free_port())
    if not (data_dir / "khaosan.sqlite3").exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        build(data_dir, args.items, env)
    try:
        sys.path.insert(0, str(ROOT / "src"))
        os.environ.update(env)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khaosan.settings")
        import django

        django.setup()
        from khaosan.catalog import search, selectors
        from khaosan.catalog.models import Item
        from khaosan.org.models import Office

        office = Office.objects.first()
        candidates = selectors.with_list_data(selectors.public_items(office))
        print(f"\n{selectors.public_items(office).count()} public items of {Item.objects.count()}; "
              f"{args.rounds} rounds per query, one process\n")  # fmt: skip
        print(f"{'query':28} {'results':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'p95 CPU':>8}")
        everything, all_cpu = [], []
        for name, query in QUERIES.items():
            search.search(candidates, query, office=office)  # warm: the dictionary, SQLite's page cache
            timings, cpu = [], []
            for _ in range(args.rounds):
                started, started_cpu = time.perf_counter(), time.process_time()
                page = search.search(candidates, query, office=office)
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            everything += timings
            all_cpu += cpu
            print(f"{name:28} {page.total:8} {statistics.median(timings):8.1f} {percentile(timings, 95):8.1f} "
                  f"{max(timings):8.1f} {percentile(cpu, 95):8.1f}")  # fmt: skip
        print(f"\n{'all queries':28} {'':8} {statistics.median(everything):8.1f} {percentile(everything, 95):8.1f} "
              f"{max(everything):8.1f} {percentile(all_cpu, 95):8.1f}")  # fmt: skip
        print(f"load average while measuring: {os.getloadavg()[0]:.1f} (2 cores)")
    finally:
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
