"""Hash chains for the traffic log and the audit trail.

LOG-7 (MDES notification B.E. 2564): administrators must not be able to change stored logs
undetected. Each row stores the hash of the row before it (`prev_hash`), its place in the chain
(`seq`) and a SHA-256 over a canonical serialisation of its own fields plus that link (`hash`).
Changing a row breaks its own hash; removing one leaves a gap in `seq` and a broken link; moving rows
around makes `seq` and storage order (`id`) disagree.

The newest hash lives in a head row that a writer locks while it adds a row, so two writers never
chain onto the same predecessor: on PostgreSQL `SELECT … FOR UPDATE` on the head, on SQLite the
IMMEDIATE transaction mode of settings.py already lets one writer in at a time. The head also keeps
the count, so removing the newest rows is noticed too.

Direct SQL can still rewrite every row and the head together. What defends against that is outside
the database: the daily seal digests go to the operator log (journald/syslog) and into the audit
trail, and backups go off-site (SEC-10); a rewritten history no longer matches them.
"""

import datetime as dt
import hashlib
import ipaddress
import json
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

MAX_STORED_PROBLEMS = 200  # a verification keeps the first problems; the count says how many there were


def genesis(label):
    """Return the `prev_hash` of the first row of a chain named `label` (fixed, so it can be recomputed)."""
    return hashlib.sha256(f"khaosan:{label}:genesis".encode()).hexdigest()


def digest(*parts):
    """Return the SHA-256 of `parts` serialised canonically (JSON, sorted keys, no spaces, UTF-8)."""
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_time(value, *, milliseconds=False):
    """Return `value` as ISO 8601 in UTC, the same whichever database stored it."""
    if value is None:
        return None
    value = value.astimezone(dt.UTC)
    return value.isoformat(timespec="milliseconds" if milliseconds else "microseconds").replace("+00:00", "Z")


def canonical_address(value):
    """Return an IP address in one spelling (PostgreSQL's inet and Python may abbreviate IPv6 differently)."""
    if not value:
        return None
    try:
        return ipaddress.ip_address(value).exploded
    except ValueError:
        return str(value)


def canonical_json(value):
    """Return `value` as the JSON column will give it back (tuples become lists, keys strings)."""
    return json.loads(json.dumps(value))


def truncate_to_milliseconds(value):
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def locked(queryset, *, create):
    """Return the single row of `queryset` locked until the transaction ends, creating it if missing.

    Two transactions creating the same head at once: one wins, the other gets IntegrityError in its
    savepoint and then waits for the winner's row like any other writer.
    """
    row = queryset.select_for_update(of=("self",)).first()
    if row is None:
        try:
            with transaction.atomic(using=queryset.db):
                row = create()
        except IntegrityError:
            row = queryset.select_for_update(of=("self",)).get()
    return row


@dataclass
class Verification:
    """The outcome of recomputing a chain: what was checked and every break found (English, for operators)."""

    chain: str
    problems: list = field(default_factory=list)
    records: int = 0
    segments: int = 0
    started_at: dt.datetime = field(default_factory=timezone.now)

    @property
    def ok(self):
        return not self.problems

    def summary(self):
        scope = f"{self.records} records" + (f" in {self.segments} segments" if self.segments else "")
        if self.ok:
            return f"{self.chain} chain verified: {scope}, no problems."
        return f"{self.chain} chain BROKEN: {len(self.problems)} problem(s) in {scope}."


def walk(rows, *, genesis_hash, hash_of, describe, problems):
    """Check one chain in `seq` order; return (rows seen, last seq, last hash) and add problems.

    Each bad row is named once with every reason found. The walk goes on from the stored hash, so one
    changed row is reported once rather than breaking every later row.
    """
    expected_seq, previous_hash, last_id, count = 1, genesis_hash, None, 0
    for row in rows:
        count += 1
        reasons = []
        if row.seq > expected_seq:
            missing = row.seq - expected_seq
            seqs = f"seq {expected_seq}" + (f"–{row.seq - 1}" if missing > 1 else "")
            ids = f", stored between id {last_id} and id {row.id}" if last_id is not None else ""
            reasons.append(f"{missing} record(s) missing before it ({seqs}{ids}; removed?)")
        elif row.seq < expected_seq:
            reasons.append(f"seq {row.seq} repeated or out of place")
        if row.prev_hash != previous_hash and row.seq == expected_seq:
            reasons.append("its link to the record before it is broken (a record before it was changed or removed)")
        if hash_of(row) != row.hash:
            reasons.append("its content does not match its hash (changed in place)")
        if last_id is not None and row.id < last_id:
            reasons.append(f"stored out of order (its id is lower than id {last_id} before it; rows moved?)")
        if reasons:
            problems.append(f"{describe(row)}: " + "; ".join(reasons))
        expected_seq, previous_hash, last_id = row.seq + 1, row.hash, row.id
    return count, expected_seq - 1, previous_hash
