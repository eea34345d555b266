"""Requests nginx answers itself (static files, office images, anything it serves without khaosan) into the
traffic log, from nginx's JSON access log (S-2.8: every request, not only those that reach the app).

nginx writes one JSON object per request in the format `NGINX_LOG_FORMAT` (README, Production). The
follower reads the lines added since its last position and writes each into the traffic chain with
`traffic_record_write`, in the same transaction as its new position: a crash between the two repeats
nothing and loses nothing. A request nginx passed to khaosan carries the app's `X-Request-ID` in
`app_id`; khaosan's own middleware logged it, so it is skipped, and a request the app never answered
(a 502 while it restarts) is logged from nginx's line. A page nginx answered from the pages it keeps
(`cache` HIT) never reached khaosan, though its kept headers name the request that made it: it is
written, and counted as a visit as khaosan would have counted it.

Log rotation is followed the way Debian's logrotate does it for nginx: the file is renamed to `<path>.1`
(kept uncompressed one round by `delaycompress`) and nginx reopens a new one. The rest of the renamed
file is read first, then the new file from its start. A file cut short in place (`copytruncate`) is read
again from its start. A half-written last line waits for its newline.
"""

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from khaosan.audit import traffic
from khaosan.audit.models import FollowedLog
from khaosan.audit.nginx_format import NGINX_LOG_FORMAT  # noqa: F401  documented here, shared with bench/
from khaosan.clients import ip_or_none
from khaosan.public.visits import count_nginx_kept_views, flush_counts_if_due

logger = logging.getLogger("khaosan.traffic")

BATCH_LINES = 500
LONGEST_LINE = 64 * 1024  # nginx's own lines are far shorter; anything longer is not one of them


@dataclass
class FollowResult:
    written: int = 0
    skipped: int = 0  # answered by khaosan, which logged them itself
    malformed: int = 0

    def __iadd__(self, other):
        self.written += other.written
        self.skipped += other.skipped
        self.malformed += other.malformed
        return self


# nginx's $upstream_cache_status when it answered from what it keeps, without asking khaosan.
ANSWERED_FROM_NGINX_CACHE = frozenset({"HIT", "STALE", "UPDATING"})


class MalformedLine(ValueError):
    pass


@dataclass(frozen=True)
class Line:
    record: dict  # the traffic record's fields
    kept_page: bool  # a page nginx answered from the pages khaosan let it keep


def parse_line(line):
    """Return one nginx JSON line as a `Line`, or None when khaosan logged the request itself."""
    try:
        entry = json.loads(line)
        if not isinstance(entry, dict):
            raise MalformedLine("not a JSON object")
        kept_page = str(entry.get("cache", "")) in ANSWERED_FROM_NGINX_CACHE
        if entry.get("app_id") and not kept_page:
            return None
        uri = str(entry["uri"])
        path, _sep, query = uri.partition("?")
        record = {
            "at": dt.datetime.fromtimestamp(float(entry["msec"]), tz=dt.UTC),
            "address": ip_or_none(str(entry.get("addr", ""))),
            "port": _int_or_none(entry.get("port")),
            "user_id": _int_or_none(entry.get("user_id")),  # only khaosan's spool names who was signed in
            "username": str(entry.get("username") or ""),
            "method": str(entry.get("method", "")) or "-",
            "path": traffic.mask_url(path or "/", query),
            "status": int(entry["status"]),
            "response_bytes": _int_or_none(entry.get("bytes")),
            "duration_ms": round(float(entry.get("seconds") or 0) * 1000),
            "user_agent": str(entry.get("agent", "")),
            "request_id": str(entry.get("id") or "")[:64] or "nginx",
            "host": str(entry.get("host") or ""),
        }
        return Line(record, kept_page and record["method"] == "GET" and record["status"] == 200)
    except (KeyError, TypeError, ValueError, OverflowError) as error:
        raise MalformedLine(str(error)) from error


def _int_or_none(value):
    text = str(value if value is not None else "").strip()
    return int(text) if text.isdecimal() else None


def follow_once(path, *, batch_lines=BATCH_LINES, rotate_at=None):
    """Read what `path` gained since the last call into the traffic log; return the counts.

    With `rotate_at` (bytes; khaosan's own spool, which no logrotate turns), a file read to its end and at
    least that long is renamed to `<path>.1` and a new empty one put in its place, so the spool stays short;
    a line a worker wrote into the old one meanwhile is read from there at the next call.
    """
    path = Path(path)
    if rotate_at:
        path.touch(mode=0o640, exist_ok=True)  # a spool no request has reached yet is not missing
    result = _follow_once(path, batch_lines=batch_lines)
    if rotate_at:
        _rotate_when_read(path, rotate_at)
    return result


def _rotate_when_read(path, rotate_at):
    state = FollowedLog.objects.get(path=str(path))
    try:
        stat = path.stat()
    except FileNotFoundError:
        return
    if stat.st_ino == state.inode and stat.st_size >= rotate_at and state.offset == stat.st_size:
        os.replace(path, f"{path}.1")
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, stat.st_mode & 0o777)
        except FileExistsError:
            return  # a worker's next line made it first
        os.close(descriptor)


def _follow_once(path, *, batch_lines):
    result = FollowResult()
    state, _created = FollowedLog.objects.get_or_create(path=str(path))
    try:
        stat = path.stat()
    except FileNotFoundError:
        logger.warning("nginx log %s is missing; nothing read", path)
        return result
    if state.inode and state.inode != stat.st_ino:
        rotated = Path(f"{path}.1")
        if rotated.exists() and rotated.stat().st_ino == state.inode:
            result += _read(rotated, state, batch_lines=batch_lines)
        else:
            logger.warning("nginx log %s was replaced and its old file is gone; reading the new one", path)
        _move(state, inode=stat.st_ino, offset=0)
    elif stat.st_size < state.offset:
        logger.warning("nginx log %s is shorter than where it was read to; reading it from its start", path)
        _move(state, inode=stat.st_ino, offset=0)
    elif not state.inode:
        _move(state, inode=stat.st_ino, offset=state.offset)
    result += _read(path, state, batch_lines=batch_lines)
    return result


def _move(state, *, inode, offset):
    state.inode, state.offset = inode, offset
    state.save(update_fields=["inode", "offset", "updated_at"])


def _read(path, state, *, batch_lines):
    result = FollowResult()
    with open(path, "rb") as log:
        log.seek(state.offset)
        while True:
            lines, end = _complete_lines(log, batch_lines)
            if not lines:
                return result
            result += _write_batch(lines, state, end=end, path=path)


def _complete_lines(log, limit):
    """Up to `limit` whole lines from the file's position, and the offset after the last of them."""
    lines, end = [], log.tell()
    while len(lines) < limit:
        raw = log.readline(LONGEST_LINE + 1)
        if not raw.endswith(b"\n"):
            if len(raw) > LONGEST_LINE:  # no newline within reach: skip to the next one as a bad line
                rest = log.readline()
                lines.append(None)
                end += len(raw) + len(rest)
                continue
            break  # half-written by nginx: read it next time, whole
        lines.append(raw)
        end += len(raw)
    log.seek(end)
    return lines, end


def _write_batch(lines, state, *, end, path):
    result = FollowResult()
    records, kept_pages = [], []
    with transaction.atomic():
        for raw in lines:
            try:
                if raw is None:
                    raise MalformedLine("line too long")
                parsed = parse_line(raw.decode("utf-8", errors="replace"))
            except MalformedLine as error:
                result.malformed += 1
                logger.warning("nginx log %s: a line that is not one of khaosan_json's was skipped (%s)", path, error)
                continue
            if parsed is None:
                result.skipped += 1
                continue
            records.append(parsed.record)
            if parsed.kept_page:
                kept_pages.append(parsed.record)
        result.written = traffic.traffic_records_write(records)
        state.offset = end
        state.written += result.written
        state.skipped += result.skipped
        state.malformed += result.malformed
        state.save(update_fields=["offset", "written", "skipped", "malformed", "updated_at"])
    # Counted once their records are in: a failed batch is read again, whole.
    count_nginx_kept_views(
        (r["at"], r["host"], r["path"].partition("?")[0], r["address"], r["user_agent"]) for r in kept_pages
    )
    flush_counts_if_due()
    return result


SPOOL_ROTATE_BYTES = 64 * 1024 * 1024


def follow(paths, *, interval=1.0, stop=None, spools=()):
    """Follow `paths` (nginx's logs) and `spools` (khaosan's, rotated here) until `stop` (a threading.Event)."""
    import threading

    stop = stop or threading.Event()
    while not stop.is_set():
        for path in [*paths, *spools]:
            try:
                follow_once(path, rotate_at=SPOOL_ROTATE_BYTES if path in spools else None)
            except Exception:  # noqa: BLE001  one bad round (a locked database) must not end the follower
                logger.exception("nginx log %s: this round failed; trying again", path)
        flush_counts_if_due()  # a quiet log still writes the visits counted before it went quiet
        stop.wait(interval)
