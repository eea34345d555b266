"""The traffic log (ข้อมูลจราจรทางคอมพิวเตอร์, S-2.8): writing, sealing, verifying, exporting, purging.

The rules, from the Computer Crime Act B.E. 2550 as amended B.E. 2560 (CCA) and the MDES notification
B.E. 2564 (which replaced the MICT notification B.E. 2550), as listed in standards.md section 4:

- keep every request at least 90 days, up to 2 years on an official's order (LOG-1, LOG-2);
- record time, source address and port, user, URL, method, status, volume, duration (LOG-5, LOG-6);
- administrators must not be able to change the log undetected (LOG-7): each UTC day is a hash chain
  whose head is the day's `TrafficSegment` row; finished days are sealed with a digest that also
  covers the previous day's digest, and the seal is written to the operator log and the audit trail;
  the segments' days are UTC days by design (a day is sealed whatever the server's zone), while
  everything a person asks by date — today's count, an export, a hold's last day — uses the office's
  date (TIME_ZONE, Asia/Bangkok);
- only administrators read it, and every reading is itself recorded (LOG-8);
- never keep passwords or tokens, mask national ID numbers (LOG-14).

Writes happen in their own short transaction after the response is made (see middleware.py): one
locked read of the day's head, one INSERT, one UPDATE of the head. The follower writes nginx's lines in
batches (`traffic_records_write`): each day's head read once, one INSERT for all, one UPDATE per day.
"""

import csv
import datetime as dt
import hashlib
import io
import json
import logging
import os
import re
from dataclasses import dataclass, field
from urllib.parse import quote, quote_plus, unquote_plus
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import F, Q
from django.utils import timezone

from khaosan.audit import chain
from khaosan.audit.clock import clock_status
from khaosan.audit.models import (
    TRAFFIC_HASHED_FIELDS,
    AuditCode,
    ChainVerification,
    Heartbeat,
    TrafficHold,
    TrafficRecord,
    TrafficSegment,
    TrafficWriteFailure,
    traffic_record_hash,
    verification_save,
)
from khaosan.audit.services import actor_label, record
from khaosan.clients import ip_or_none

logger = logging.getLogger("khaosan.traffic")

RETENTION_DAYS_MIN = 90  # CCA s.26; MDES notification B.E. 2564 (LOG-1)
RETENTION_DAYS_MAX = 730  # CCA s.26 as amended B.E. 2560: up to 2 years on an official's order (LOG-2)
SEAL_GRACE = dt.timedelta(minutes=5)  # a day is sealed only when requests begun before midnight are written
PATH_MAX = 2000
USER_AGENT_MAX = 300
TRAFFIC = "traffic"
MASK = "*" * 13
# A Thai national ID: 13 digits (Thai digits too), with optional separators as people type them (LOG-14).
NATIONAL_ID = re.compile(r"(?<!\d)\d(?:(?:[-\s.+]|%20|%2[dD])?\d){12}(?!\d)")
# Query parameters whose values are never stored (LOG-14).
SECRET_PARAMETER = re.compile(r"pass|token|otp|secret|api[-_]?key", re.I)
REQUEST_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{7,63}$")
UTC = dt.UTC


def segment_day(at):
    """Return the day of the segment that holds a record made at `at`: its UTC date (LOG-7)."""
    return at.astimezone(UTC).date()


def office_day_bounds(day):
    """Return the instants [start, end) of `day` as the office counts days (TIME_ZONE, Asia/Bangkok)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    return (dt.datetime.combine(day, dt.time.min, tzinfo=zone),
            dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=zone))  # fmt: skip


# --- What one request looks like in the log -----------------------------------------------------


def mask_url(path, query_string=""):
    """Return path and query as logged: secret parameters replaced, national ID numbers masked (LOG-14).

    The query keeps its original percent-encoding, so the URL stays what the client sent; values are
    decoded only to look for IDs typed in Thai digits or with spaces.
    """
    logged = NATIONAL_ID.sub(MASK, path)
    if query_string:
        pairs = []
        for pair in query_string.split("&"):
            key, sep, value = pair.partition("=")
            if sep and SECRET_PARAMETER.search(unquote_plus(key)):
                value = "***"
            elif value:
                decoded = unquote_plus(value)
                masked = NATIONAL_ID.sub(MASK, decoded)
                if masked != decoded:
                    value = quote_plus(masked, safe="*")
            pairs.append(NATIONAL_ID.sub(MASK, key) + sep + value)
        logged = f"{logged}?{'&'.join(pairs)}"
    return logged[:PATH_MAX]


def query_string_of(request):
    """Return the query string as the client sent it, with any raw non-ASCII bytes percent-encoded."""
    raw = get_bytes_from_wsgi(request.META, "QUERY_STRING", "")
    return quote(raw, safe="!#$%&'()*+,-./:;=?@[]_~")


HOST_MAX = 255


def host_name(host):
    """The host name a request named, as kept in the log: lower case, without the port, at most 255 characters."""
    host = str(host or "").strip().lower()[:HOST_MAX]
    if host.startswith("[") and "]" in host:  # an IPv6 literal keeps its brackets, loses its port
        return host[: host.index("]") + 1]
    return host.partition(":")[0] if host.count(":") == 1 else host


def request_id_of(request, client):
    """Return the request id: the trusted proxy's X-Request-ID when it is sane, else a new UUID4 hex."""
    if client.from_trusted_proxy:
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        if REQUEST_ID.match(given):
            return given
    import uuid

    return uuid.uuid4().hex


# --- Writing ---------------------------------------------------------------------------------------


def traffic_record_write(
    *, at, address, port, user_id, username, method, path, status, response_bytes, duration_ms, user_agent,
    request_id, host="", using=DEFAULT_DB_ALIAS,
):  # fmt: skip
    """Append one request to the log, chained onto the newest record of its day (LOG-6, LOG-7).

    Runs in its own transaction. The day's `TrafficSegment` row is the chain head: locked here
    (PostgreSQL `FOR UPDATE`; SQLite serialises writers already), so two workers never chain onto the
    same record. A request that began before midnight but ends after its day was sealed is written
    into the open day, keeping its true time.

    This runs for every request, so it sends three statements built once, not ORM queries, whose
    building cost several times the database work (bench/README.md). Returns the new record's id.
    """
    values = _record_values(
        at=at, address=address, port=port, user_id=user_id, username=username, method=method, path=path,
        status=status, response_bytes=response_bytes, duration_ms=duration_ms, user_agent=user_agent,
        request_id=request_id, host=host,
    )  # fmt: skip
    connection = connections[using]
    sql = _statements(connection)
    with transaction.atomic(using=using):
        # The DB-API cursor of Django's own connection, inside Django's transaction: the same work
        # without the wrapper's per-statement rewriting and hooks (bench/README.md).
        cursor = connection.connection.cursor()
        try:
            head = _chain_onto(_head(cursor, sql, connection, values["at"].date(), using=using), values)
            cursor.execute(sql.insert, [adapt(values[name]) for name, adapt in sql.columns])
            pk = cursor.fetchone()[0] if sql.returning else cursor.lastrowid
            cursor.execute(sql.advance, [head.count, head.last_hash, head.pk])
        finally:
            cursor.close()
    return pk


def traffic_spool_append(
    spool, *, at, address, port, user_id, username, method, path, status, response_bytes, duration_ms, user_agent,
    request_id, host="",
):  # fmt: skip
    """Append one request to the spool file `spool`, one JSON line in one write, for the follower to chain.

    The line has the fields of nginx's `khaosan_json` lines, and the signed-in person's. Each worker opens the
    file for appending, writes and closes it, as nginx's workers append to one access log: the kernel keeps
    each line whole and in place, and a rotation by the follower is followed at the next request. A worker
    that crashes afterwards loses nothing; the line is in the file the moment the answer goes out.
    """
    values = _record_values(
        at=at, address=address, port=port, user_id=user_id, username=username, method=method, path=path,
        status=status, response_bytes=response_bytes, duration_ms=duration_ms, user_agent=user_agent,
        request_id=request_id, host=host,
    )  # fmt: skip
    line = json.dumps(
        {
            "msec": f"{values['at'].timestamp():.3f}", "addr": values["address"] or "",
            "port": "" if port is None else str(port), "method": values["method"], "uri": values["path"],
            "status": str(status), "bytes": "" if response_bytes is None else str(response_bytes),
            "seconds": f"{values['duration_ms'] / 1000:.3f}", "agent": values["user_agent"],
            "id": values["request_id"], "host": values["host"], "user_id": user_id, "username": values["username"],
        },
        ensure_ascii=False, separators=(",", ":"),
    )  # fmt: skip
    descriptor = os.open(spool, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o640)
    try:
        os.write(descriptor, (line + "\n").encode("utf-8", "surrogatepass"))
    finally:
        os.close(descriptor)


def traffic_records_write(records, *, using=DEFAULT_DB_ALIAS):
    """Append many requests at once (the follower's batches): one transaction, each day's head locked once.

    `records` are the keyword arguments of `traffic_record_write`, in the order they are to be chained.
    """
    connection = connections[using]
    sql = _statements(connection)
    heads, segment_of_day, rows = {}, {}, []  # segment id -> its head as advanced so far; day -> segment id
    with transaction.atomic(using=using):
        cursor = connection.connection.cursor()
        try:
            for record in records:
                values = _record_values(**record)
                day = values["at"].date()
                if day not in segment_of_day:
                    # A sealed day's late records go to today's segment, which other days' records may share.
                    found = _head(cursor, sql, connection, day, using=using)
                    heads.setdefault(found.pk, found)
                    segment_of_day[day] = found.pk
                head = _chain_onto(heads[segment_of_day[day]], values)
                heads[head.pk] = head
                rows.append([adapt(values[name]) for name, adapt in sql.columns])
            if rows:
                cursor.executemany(sql.insert_many, rows)
            for head in heads.values():
                cursor.execute(sql.advance, [head.count, head.last_hash, head.pk])
        finally:
            cursor.close()
    return len(rows)


def _record_values(
    *, at, address, port, user_id, username, method, path, status, response_bytes, duration_ms, user_agent,
    request_id, host="",
):  # fmt: skip
    return {
        "at": chain.truncate_to_milliseconds(at.astimezone(UTC)),
        "address": address,
        "port": port,
        "user_id": user_id,
        "username": (username or "")[:150],
        "method": (method or "")[:16],
        "path": (path or "")[:PATH_MAX],
        "status": status,
        "response_bytes": response_bytes,
        "duration_ms": max(0, int(duration_ms)),
        "user_agent": (user_agent or "")[:USER_AGENT_MAX],
        "request_id": request_id[:64],
        "host": host_name(host),
    }


@dataclass(frozen=True)
class _Head:
    pk: int
    count: int
    last_hash: str
    day: dt.date


def _head(cursor, sql, connection, day, *, using):
    """The open head a record of `day` chains onto (locked): that day's, or today's when that day is sealed."""
    cursor.execute(sql.head, [connection.ops.adapt_datefield_value(day)])
    row = cursor.fetchone()
    if row is None or row[3] is not None:  # a new day, or a late request after its day was sealed
        segment = _open_segment(day, using=using)
        return _Head(segment.pk, segment.count, segment.last_hash, segment.day)
    pk, count, last_hash, _sealed_at, stored_day = row
    return _Head(
        pk, count, last_hash, stored_day if isinstance(stored_day, dt.date) else dt.date.fromisoformat(stored_day)
    )


def _chain_onto(head, values):
    """Give `values` its place after `head` and its hash; return the head as it is after it."""
    values["segment"] = head.day
    values["seq"] = head.count + 1
    values["prev_hash"] = head.last_hash or chain.genesis(f"traffic:{head.day.isoformat()}")
    values["hash"] = traffic_record_hash(*(values[name] for name in TRAFFIC_HASHED_FIELDS))
    return _Head(head.pk, values["seq"], values["hash"], head.day)


@dataclass(frozen=True)
class _Statements:
    vendor: str
    head: str
    insert: str
    insert_many: str  # the same INSERT without RETURNING, for executemany
    advance: str
    columns: tuple  # (attribute, adapter to the database's value), in INSERT order
    returning: bool


_STATEMENTS = {}


def _statements(connection):
    """Return the write path's SQL and value adapters for `connection`, built once per database."""
    statements = _STATEMENTS.get(connection.alias)
    if statements is None or statements.vendor != connection.vendor:
        statements = _STATEMENTS[connection.alias] = _build_statements(connection)
    return statements


def _build_statements(connection):
    quote, ops, features = connection.ops.quote_name, connection.ops, connection.features
    adapters = {
        "DateField": ops.adapt_datefield_value,
        "DateTimeField": ops.adapt_datetimefield_value,
        "GenericIPAddressField": ops.adapt_ipaddressfield_value,
    }
    fields = [f for f in TrafficRecord._meta.concrete_fields if not f.primary_key]
    segments, records = quote(TrafficSegment._meta.db_table), quote(TrafficRecord._meta.db_table)
    returning = features.can_return_columns_from_insert
    mark = "?" if connection.Database.paramstyle == "qmark" else "%s"  # the driver's own placeholder
    insert = (
        f"INSERT INTO {records} ({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES ({', '.join([mark] * len(fields))})"
    )
    return _Statements(
        vendor=connection.vendor,
        head=f"SELECT id, count, last_hash, sealed_at, day FROM {segments} WHERE day = {mark}"
        + (" FOR UPDATE" if features.has_select_for_update else ""),
        insert=insert + (" RETURNING id" if returning else ""),
        insert_many=insert,
        advance=f"UPDATE {segments} SET count = {mark}, last_hash = {mark} WHERE id = {mark}",
        columns=tuple((f.attname, adapters.get(f.get_internal_type(), _as_is)) for f in fields),
        returning=returning,
    )


def _as_is(value):
    return value


def _open_segment(day, *, using):
    segment = chain.locked(
        TrafficSegment.objects.using(using).filter(day=day), create=lambda: _segment_create(day, using=using)
    )
    if segment.sealed_at is None:
        return segment
    today = segment_day(timezone.now())
    if day >= today:
        raise RuntimeError(f"traffic segment {day} is sealed before its day is over")
    return _open_segment(today, using=using)


def _segment_create(day, *, using):
    """Create the head of a day. Rows already there (a lost head row) are continued, and the loss logged."""
    last = TrafficRecord.objects.using(using).filter(segment=day).order_by("-seq").values("seq", "hash").first()
    if last:
        logger.error("traffic segment %s had records but no head row; head rebuilt at seq %s", day, last["seq"])
    return TrafficSegment.objects.using(using).create(
        day=day, count=last["seq"] if last else 0, last_hash=last["hash"] if last else ""
    )


def traffic_failure_count(*, error, now=None):
    """Count a request that could not be logged, by the office's date (shown in the back-office as today's)."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    label = type(error).__name__[:200]
    with transaction.atomic():
        today = TrafficWriteFailure.objects.filter(day=day)
        updated = today.update(count=F("count") + 1, last_error=label, last_at=now)
        if not updated:
            TrafficWriteFailure.objects.create(day=day, count=1, last_error=label, last_at=now)


# --- Sealing ------------------------------------------------------------------------------------------


def traffic_seal(*, now=None, system="traffic-seal"):
    """Seal every finished day not sealed yet, oldest first; return the sealed segments. Idempotent.

    Days without traffic get an empty sealed segment, so the sequence of days has no holes and a
    removed day is noticed. Each seal records the clock's status (LOG-10), goes to the operator log
    (outside the database) and becomes an audit event.
    """
    now = now or timezone.now()
    last_day = segment_day(now - SEAL_GRACE) - dt.timedelta(days=1)
    first_day = TrafficSegment.objects.order_by("day").values_list("day", flat=True).first()
    if first_day is None or first_day > last_day:
        return []
    existing = set(TrafficSegment.objects.filter(day__lte=last_day).values_list("day", flat=True))
    day = first_day
    while day <= last_day:
        if day not in existing:
            TrafficSegment.objects.get_or_create(day=day)
        day += dt.timedelta(days=1)
    clock = clock_status()
    sealed = []
    unsealed = TrafficSegment.objects.filter(day__lte=last_day, sealed_at=None).order_by("day")
    for pk in unsealed.values_list("pk", flat=True):
        with transaction.atomic():
            segment = TrafficSegment.objects.select_for_update(of=("self",)).get(pk=pk)
            if segment.sealed_at is not None:
                continue
            previous = TrafficSegment.objects.filter(day__lt=segment.day).order_by("-day").first()
            segment.records_digest = _records_digest(segment.day)
            segment.prev_digest = previous.digest if previous else chain.genesis(TRAFFIC)
            segment.sealed_at = now
            segment.clock_synchronised = clock.synchronised
            segment.clock_offset_ms = clock.offset_ms
            segment.clock_source = clock.source
            segment.digest = segment.compute_digest()
            segment.save()
            record(None, AuditCode.TRAFFIC_SEALED, segment, system=system, count=segment.count, digest=segment.digest)
        logger.info("traffic segment %s sealed: %s records, digest %s", segment.day, segment.count, segment.digest)
        sealed.append(segment)
    return sealed


def _records_digest(day):
    """Return the SHA-256 over the day's record hashes in chain order."""
    digest = hashlib.sha256()
    for value in (
        TrafficRecord.objects.filter(segment=day)
        .order_by("seq")
        .values_list("hash", flat=True)
        .iterator(chunk_size=5000)
    ):
        digest.update(value.encode("ascii"))
        digest.update(b"\n")
    return digest.hexdigest()


def housekeeping_seal(*, now=None):
    sealed = traffic_seal(now=now, system="housekeeping")
    return {"sealed": [s.day.isoformat() for s in sealed]}


# --- Verifying ----------------------------------------------------------------------------------------


def _describe(row):
    return f"record id {row.id} ({chain.canonical_time(row.at, milliseconds=True)})"


def traffic_verify(*, date_from=None, date_to=None, actor_label="system:traffic-verify", actor=None):
    """Recompute the chains and seals of the days in range; keep and return the outcome (LOG-7).

    Finds records changed in place, removed (from the middle or the end of a day), moved, records of
    a day with no head, days missing from the sequence, and seals that no longer match. A person
    (`actor`) runs it as an administrator or an operator; commands and the export pass only a label.
    """
    if actor is not None:
        _ensure_traffic_reader(actor)
        actor_label = actor.get_username()
    result = chain.Verification(chain=TRAFFIC)
    segments = TrafficSegment.objects.order_by("day")
    records = TrafficRecord.objects.all()
    if date_from:
        segments, records = segments.filter(day__gte=date_from), records.filter(segment__gte=date_from)
    if date_to:
        segments, records = segments.filter(day__lte=date_to), records.filter(segment__lte=date_to)
    segments = list(segments)
    previous = TrafficSegment.objects.filter(day__lt=segments[0].day).order_by("-day").first() if segments else None
    for segment in segments:
        result.segments += 1
        where = f"segment {segment.day}"
        if previous is not None and segment.day != previous.day + dt.timedelta(days=1):
            result.problems.append(f"{where}: the days between {previous.day} and {segment.day} are missing")
        if segment.sealed_at:
            expected = previous.digest if previous else chain.genesis(TRAFFIC)
            if previous is not None and not previous.sealed_at:
                result.problems.append(f"{where}: sealed, but the day before it is not")
            elif segment.prev_digest != expected:
                result.problems.append(f"{where}: its link to the seal of the day before is broken")
            if segment.compute_digest() != segment.digest:
                result.problems.append(f"{where}: its seal does not match the segment (segment row changed)")
        if segment.purged_at is None:
            _verify_records(segment, result)
        previous = segment
    known = {s.day for s in segments}
    for day in records.exclude(segment__in=known).values_list("segment", flat=True).distinct():
        result.problems.append(f"segment {day}: records exist but the day has no head row (removed?)")
    verification_save(result, date_from=date_from, date_to=date_to, actor_label=actor_label)
    return result


def _verify_records(segment, result):
    rows = TrafficRecord.objects.filter(segment=segment.day).order_by("seq").iterator(chunk_size=5000)
    digest = hashlib.sha256()

    def hash_of(row):
        digest.update(row.hash.encode("ascii") + b"\n")
        return row.compute_hash()

    count, last_seq, last_hash = chain.walk(
        rows,
        genesis_hash=chain.genesis(f"traffic:{segment.day.isoformat()}"),
        hash_of=hash_of,
        describe=lambda row: f"segment {segment.day}: {_describe(row)}",
        problems=result.problems,
    )
    result.records += count
    if (last_seq, last_hash if count else "") != (segment.count, segment.last_hash):
        result.problems.append(
            f"segment {segment.day}: the head counts {segment.count} records, the log ends at seq {last_seq}"
            " (records removed from the end, or the head changed)"
        )
    if segment.sealed_at and digest.hexdigest() != segment.records_digest:
        result.problems.append(f"segment {segment.day}: the records no longer match the seal")


# --- Holding, purging ------------------------------------------------------------------------------


def traffic_hold(*, day, until, reason, actor=None, system=None, now=None):
    """Keep one day of the log until `until`, on an official's order (LOG-2); purge skips it until then."""
    now = now or timezone.now()
    if not (reason or "").strip():
        raise ValidationError("โปรดระบุเหตุผลหรือเลขที่คำสั่งของพนักงานเจ้าหน้าที่")
    segment = TrafficSegment.objects.filter(day=day).first()
    if segment is None:
        raise ValidationError(f"ไม่มีข้อมูลจราจรของวันที่ {day}")
    if segment.purged_at is not None:
        raise ValidationError(f"ข้อมูลจราจรของวันที่ {day} ถูกลบตามกำหนดไปแล้ว")
    if until <= timezone.localdate(now):  # `until` is the office's date, as the order gives it
        raise ValidationError("วันที่เก็บรักษาถึงต้องอยู่หลังวันนี้")
    if until > day + dt.timedelta(days=RETENTION_DAYS_MAX):
        raise ValidationError("เก็บรักษาได้ไม่เกิน 2 ปีนับจากวันของข้อมูล (พ.ร.บ.คอมพิวเตอร์ มาตรา 26)")
    with transaction.atomic():
        hold = TrafficHold.objects.create(
            segment=segment, until=until, reason=reason.strip(), actor_label=actor_label(actor, system=system)
        )
        record(actor, AuditCode.TRAFFIC_HELD, segment, system=system, until=until.isoformat(), reason=hold.reason)
    return hold


@dataclass
class PurgeResult:
    purged: list = field(default_factory=list)  # [(day, records)]
    held: list = field(default_factory=list)  # days old enough but under a hold
    dry_run: bool = False


def retention_days():
    days = settings.KHAOSAN["TRAFFIC_RETENTION_DAYS"]
    if not RETENTION_DAYS_MIN <= days <= RETENTION_DAYS_MAX:  # settings.py refuses this already
        raise ValueError(f"traffic retention of {days} days is outside {RETENTION_DAYS_MIN}–{RETENTION_DAYS_MAX}")
    return days


def traffic_purge(*, now=None, dry_run=False, actor=None, system="traffic-purge"):
    """Remove the records of sealed days older than the retention period and not under a hold (LOG-1, LOG-2).

    The day's segment row stays, with its digest and `purged_at`, so the chain of days can still be
    checked. This is the only place rows of the log are deleted, deliberately past the model's guard.
    """
    now = now or timezone.now()
    cutoff = segment_day(now) - dt.timedelta(days=retention_days())  # every record of a day before is older
    result = PurgeResult(dry_run=dry_run)
    held = set(TrafficHold.objects.filter(until__gte=timezone.localdate(now)).values_list("segment__day", flat=True))
    candidates = TrafficSegment.objects.filter(
        day__lt=cutoff,
        sealed_at__isnull=False,
        purged_at=None,
        count__gt=0,  # an empty day has nothing to remove
    ).order_by("day")
    for segment in candidates:
        if segment.day in held:
            result.held.append(segment.day)
            continue
        if dry_run:
            result.purged.append((segment.day, segment.count))
            continue
        with transaction.atomic():
            removed = TrafficRecord.objects.filter(segment=segment.day)._raw_delete(DEFAULT_DB_ALIAS)
            TrafficSegment.objects.filter(pk=segment.pk).update(purged_at=now)
            result.purged.append((segment.day, removed))
        logger.info("traffic segment %s purged: %s records removed", segment.day, removed)
    if result.purged and not dry_run:
        record(
            actor, AuditCode.TRAFFIC_PURGED, system=system, retention_days=retention_days(),
            segments=[[day.isoformat(), count] for day, count in result.purged],
            held=[day.isoformat() for day in result.held],
        )  # fmt: skip
    return result


def housekeeping_purge(*, now=None):
    result = traffic_purge(now=now, system="housekeeping")
    return {
        "purged": [[day.isoformat(), count] for day, count in result.purged],
        "held": [day.isoformat() for day in result.held],
    }


# --- Exporting --------------------------------------------------------------------------------------

EXPORT_COLUMNS = (
    "id", "time_utc", "time_thailand", "client_address", "client_port", "user_id", "username", "method", "url",
    "status", "bytes", "duration_ms", "user_agent", "request_id", "host", "segment", "seq", "hash",
)  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """Return a CSV cell Excel will not run as a formula (a URL or browser name can start with '=')."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return "" if value is None else value


@dataclass
class ExportResult:
    rows: int
    sha256: str
    chain_ok: bool


class _Hashing(io.RawIOBase):
    def __init__(self, out):
        self.out, self.sha = out, hashlib.sha256()

    def writable(self):
        return True

    def write(self, data):
        self.sha.update(data)
        self.out.write(data)
        return len(data)


def _ensure_traffic_reader(actor):
    """The traffic log is read by administrators and operators only (LOG-8), whatever screen asks."""
    from khaosan.audit.services import ensure_log_reader
    from khaosan.org.roles import Role

    if actor is not None:
        ensure_log_reader(actor, Role.ADMINISTRATOR)


def _office_scope(rows, actor):
    """Keep what an office administrator may read of a log that several offices share: their own people's requests.

    One deployment may host several offices (DESIGN: Office), and the log is the deployment's. An office
    administrator (LOG-8) exports the requests their office answered (by host name) and those of their own
    office's accounts, unless the deployment hosts just their office; the platform operator and the command
    line export the whole log. Records written before the host was kept have none: only their accounts' show.
    """
    from khaosan.org.models import Office, Staff
    from khaosan.org.roles import is_operator

    if actor is None or is_operator(actor) or not Office.objects.exclude(pk=actor.office_id).exists():
        return rows
    return rows.filter(
        Q(user_id__in=Staff.objects.filter(office_id=actor.office_id).values("pk")) | _served_by(actor.office_id)
    )


def _served_by(office_id):
    """Records of requests the office answered, by the host they named (org.middleware `office_for_host`):
    its own host name, and for the default office every host that names no other office."""
    from khaosan.org.middleware import office_for_host
    from khaosan.org.models import Office

    hosts = {pk: host_name(hostname) for pk, hostname in Office.objects.values_list("pk", "hostname")}
    default = office_for_host("")
    if default is not None and default.pk == office_id:
        return ~Q(host="") & ~Q(host__in=[h for pk, h in hosts.items() if h and pk != office_id])
    return Q(host=hosts[office_id]) if hosts.get(office_id) else Q(pk__in=[])


def traffic_export(*, out, date_from, date_to, address=None, username=None, reason, actor=None, system=None):
    """Write the records of `date_from`…`date_to` (Thai dates) as CSV to the binary stream `out`.

    For an official's request (CCA s.26, LOG-11). UTF-8 with a BOM so Excel shows Thai. The export is an
    audit event naming who, what range, which filter, why, how many rows and the file's SHA-256; the
    days covered are verified first and the result goes with it. A person exports only as an office
    administrator or a platform operator (LOG-8); `actor=None` is the command line (`traffic export`).
    """
    _ensure_traffic_reader(actor)
    if not (reason or "").strip():
        raise ValidationError("โปรดระบุเหตุผลหรือเลขที่หนังสือขอข้อมูล")
    if date_to < date_from:
        raise ValidationError("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้น")
    local = ZoneInfo(settings.TIME_ZONE)
    start, end = office_day_bounds(date_from)[0], office_day_bounds(date_to)[1]
    first_day, last_day = segment_day(start), segment_day(end)
    rows = TrafficRecord.objects.filter(segment__range=(first_day - dt.timedelta(days=1), last_day))  # the index
    rows = rows.filter(at__gte=start, at__lt=end).order_by("at", "id")
    if address:
        rows = rows.filter(address=ip_or_none(address) or address)
    if username:
        rows = rows.filter(username=username)
    rows = _office_scope(rows, actor)
    check = traffic_verify(date_from=first_day, date_to=last_day, actor_label=actor_label(actor, system=system))
    sink = _Hashing(out)
    text = io.TextIOWrapper(sink, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for r in rows.iterator(chunk_size=5000):
        writer.writerow(
            [_cell(v) for v in (
                r.id, chain.canonical_time(r.at, milliseconds=True),
                r.at.astimezone(local).isoformat(timespec="milliseconds"), r.address, r.port, r.user_id,
                r.username, r.method, r.path, r.status, r.response_bytes, r.duration_ms, r.user_agent,
                r.request_id, r.host, r.segment.isoformat(), r.seq, r.hash,
            )]
        )  # fmt: skip
        count += 1
    text.flush()
    text.detach()
    result = ExportResult(rows=count, sha256=sink.sha.hexdigest(), chain_ok=check.ok)
    record(
        actor, AuditCode.TRAFFIC_EXPORTED, system=system, office=getattr(actor, "office", None),
        date_from=date_from.isoformat(),
        date_to=date_to.isoformat(), filter_address=address or "", filter_username=username or "",
        reason=reason.strip(), rows=count, sha256=result.sha256, chain_ok=check.ok,
    )  # fmt: skip
    return result


# --- Reading (selectors) ------------------------------------------------------------------------------


@dataclass
class TrafficStatus:
    last_record_at: dt.datetime | None
    today_count: int  # records of the office's today (Bangkok), not of the open UTC segment
    last_sealed: TrafficSegment | None
    last_verification: ChainVerification | None
    clock: object
    write_failures_today: int
    write_failures_week: int
    last_write_failure_at: dt.datetime | None
    retention_days: int
    holds: list
    housekeeping: Heartbeat | None


def write_failures(*, now=None):
    """Return (today, last 7 days, last time) of requests that could not be logged, by the office's date."""
    today = timezone.localdate(now or timezone.now())
    rows = TrafficWriteFailure.objects.filter(day__gt=today - dt.timedelta(days=7))
    by_day = {row.day: row for row in rows}
    last = max((row.last_at for row in by_day.values()), default=None)
    return (by_day[today].count if today in by_day else 0), sum(r.count for r in by_day.values()), last


def traffic_status(*, now=None):
    """Return the facts the back-office's log screen shows: is the log written, sealed, whole, on time?"""
    now = now or timezone.now()
    start, end = office_day_bounds(timezone.localdate(now))
    today = TrafficRecord.objects.filter(segment__range=(segment_day(start), segment_day(end)))  # the index
    today = today.filter(at__gte=start, at__lt=end)
    failures_today, failures_week, last_failure = write_failures(now=now)
    return TrafficStatus(
        last_record_at=TrafficRecord.objects.order_by("-segment", "-seq").values_list("at", flat=True).first(),
        today_count=today.count(),
        last_sealed=TrafficSegment.objects.filter(sealed_at__isnull=False).order_by("-day").first(),
        last_verification=ChainVerification.objects.filter(chain=TRAFFIC).order_by("-started_at").first(),
        clock=clock_status(),
        write_failures_today=failures_today,
        write_failures_week=failures_week,
        last_write_failure_at=last_failure,
        retention_days=retention_days(),
        holds=list(TrafficHold.objects.filter(until__gte=timezone.localdate(now)).select_related("segment")),
        housekeeping=Heartbeat.objects.filter(job="housekeeping").first(),
    )
