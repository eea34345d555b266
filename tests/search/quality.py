"""The search quality measures (tests/search/passages.yaml, queries.yaml): recall, hit@1, MRR, short-word precision.

Shared by the test that holds the thresholds and by bench/search_quality.py, which prints the figures.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).parent
RESULTS_READ = 100  # every passage a query returns is read (there are fewer than this)


def passages():
    return yaml.safe_load((HERE / "passages.yaml").read_text(encoding="utf-8"))


def queries():
    return yaml.safe_load((HERE / "queries.yaml").read_text(encoding="utf-8"))


@dataclass
class Quality:
    queries: int = 0
    relevant: int = 0
    found: int = 0
    hits_at_1: int = 0
    reciprocal_ranks: float = 0.0
    short_queries: int = 0
    short_precision_sum: float = 0.0
    failures: list = field(default_factory=list)

    @property
    def recall(self):
        return self.found / self.relevant

    @property
    def hit_at_1(self):
        return self.hits_at_1 / self.queries

    @property
    def mrr(self):
        return self.reciprocal_ranks / self.queries

    @property
    def short_precision(self):
        """Mean R-precision of the short queries: of the first R results (R = relevant passages), how many are."""
        return self.short_precision_sum / self.short_queries

    def summary(self):
        return (f"{self.queries} queries ({self.short_queries} short) over {len(passages())} passages: "
                f"recall {self.recall:.1%}, hit@1 {self.hit_at_1:.1%}, MRR {self.mrr:.3f}, "
                f"short-word precision {self.short_precision:.1%}")  # fmt: skip


def measure(ranked):
    """`ranked(query)` returns passage ids best first; return the Quality over every query."""
    quality = Quality()
    for case in queries():
        relevant = set(case["relevant"])
        got = ranked(case["q"])[:RESULTS_READ]
        quality.queries += 1
        quality.relevant += len(relevant)
        quality.found += len(relevant & set(got))
        first = next((rank for rank, pid in enumerate(got, 1) if pid in relevant), None)
        quality.hits_at_1 += first == 1
        quality.reciprocal_ranks += 1 / first if first else 0
        if case.get("short"):
            quality.short_queries += 1
            quality.short_precision_sum += len(relevant & set(got[: len(relevant)])) / len(relevant)
        if relevant - set(got) or first != 1 or (case.get("short") and set(got[: len(relevant)]) != relevant):
            quality.failures.append((case["q"], sorted(relevant), got[:8]))
    return quality


def load_passages(publish):
    """Publish every passage as an item (title, body); return {item pk: passage id}."""
    import html

    by_pk = {}
    for passage in passages():
        item = publish(title=passage["title"], body=f"<p>{html.escape(passage['text'])}</p>")
        by_pk[item.pk] = passage["id"]
    return by_pk
