"""Backups and restores (SEC-10: daily, tested restores, document store and database consistent).

One archive (tar.gz) holds:

    database.sqlite3 | database.pgdump   a consistent snapshot of the database
    files/…                               uploaded files (KHAOSAN["FILES_ROOT"], or the bucket's files/
                                          folder; renditions are left out, they are rebuilt on demand)
    media/…                               office images (MEDIA_ROOT, or the bucket's media/ folder)
    manifest.json                         version, time, database vendor and migrations, row counts,
                                          the SHA-256 of every other member

Consistency: the database snapshot is taken first, the files after. Files are written before the rows
that name them and are never changed in place (catalog/storage.py), so every file the snapshot names
is already on disk when the files are copied; files uploaded meanwhile are extra, never missing. The
backup still checks that every blob of the snapshot is in the archive and names any that is not.

SQLite is copied with the online backup API in one step (readers and writers go on meanwhile in WAL
mode); PostgreSQL with `pg_dump --format=custom` under a snapshot exported from the transaction that
counts the rows, so counts and dump agree. Archives are written to a temporary name and renamed.
Encryption and the off-site copy are the operator's part (e.g. `age` or `gpg` then rsync).

With the files in an S3-compatible bucket (KHAOSAN_S3_BUCKET) the archive is the same: the objects are
downloaded into it, and a restore uploads them again. Objects already in the bucket stay; those that the
restored database does not name are removed by housekeeping after its grace period (catalog/storage.py).
An archive made on disk restores into a bucket and the other way round: that is how to move the files.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.utils import timezone

from khaosan.audit.models import AuditCode
from khaosan.audit.services import record

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
FILES, MEDIA = "files", "media"
SKIPPED_DIRS = {"renditions"}  # derived from blobs; rebuilt on demand (catalog/storage.py)
SKIPPED_PREFIXES = (".upload-", ".restore-")  # temporary files of writes in progress
COUNTED = {
    "offices": "org.Office",
    "staff": settings.AUTH_USER_MODEL,
    "items": "catalog.Item",
    "attachments": "catalog.Attachment",
    "blobs": "catalog.Blob",
    "audit_events": "audit.AuditEvent",
    "traffic_records": "audit.TrafficRecord",
}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message tells the operator what to do."""


def _version():
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("khaosan")
    except PackageNotFoundError:
        import tomllib

        try:
            with open(settings.REPO_DIR / "pyproject.toml", "rb") as fh:
                return tomllib.load(fh)["project"]["version"]
        except (OSError, KeyError, ValueError):
            return "unknown"


def _tables():
    return {key: apps.get_model(label)._meta.db_table for key, label in COUNTED.items()}


def _blob_table():
    return apps.get_model("catalog.Blob")._meta.db_table


# --- Database snapshots -------------------------------------------------------------------------------


def _connection(using=DEFAULT_DB_ALIAS):
    return connections[using]


def _snapshot_facts(cursor, quote, existing):
    """Return (counts, latest migration per app, blob hashes) read through `cursor`, inside the snapshot."""
    counts = {}
    for key, table in _tables().items():
        if table in existing:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[key] = cursor.fetchone()[0]
        else:
            counts[key] = None
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
    migrations = dict(cursor.fetchall())
    blobs = []
    if _blob_table() in existing:
        cursor.execute(f"SELECT sha256 FROM {quote(_blob_table())}")
        blobs = sorted(row[0] for row in cursor.fetchall())
    return counts, migrations, blobs


def _sqlite_snapshot(target):
    connection = _connection()
    source = connection.get_new_connection(connection.get_connection_params())
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)  # all pages in one step: one consistent read transaction
            destination.execute("PRAGMA journal_mode=DELETE")  # a self-contained file, no -wal beside it
            cursor = destination.cursor()
            existing = {row[0] for row in cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            return _snapshot_facts(cursor, lambda name: f'"{name}"', existing)
        finally:
            destination.close()
    finally:
        source.close()


def _pg_conninfo(workdir):
    """Return a libpq connection string for DATABASES['default']; the password goes in a passfile, not argv."""
    from psycopg.conninfo import make_conninfo

    db = _connection().settings_dict
    params = {"dbname": db["NAME"], "host": db["HOST"], "port": db["PORT"], "user": db["USER"]}
    # A Unix socket folder may come as an option (postgres://user@/db?host=/run/postgresql) rather than HOST.
    for key in ("host", "port"):
        if not params[key] and db.get("OPTIONS", {}).get(key):
            params[key] = db["OPTIONS"][key]
    for key in ("sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "options", "service"):
        if key in db.get("OPTIONS", {}):
            params[key] = db["OPTIONS"][key]
    if db.get("PASSWORD"):
        passfile = Path(workdir) / "pgpass"
        escaped = db["PASSWORD"].replace("\\", "\\\\").replace(":", "\\:")
        passfile.write_text(f"*:*:*:*:{escaped}\n")
        passfile.chmod(0o600)
        params["passfile"] = str(passfile)
    return make_conninfo(**{k: str(v) for k, v in params.items() if v not in (None, "")})


def _tool(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} not found: install the PostgreSQL client tools of the server's major version"
            " (Debian: apt-get install postgresql-client)."
        )
    return path


def _postgres_snapshot(target, workdir):
    pg_dump = _tool("pg_dump")
    connection = _connection()
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        raw.autocommit = False
        with raw.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            existing = {row[0] for row in cursor.fetchall()}
            facts = _snapshot_facts(cursor, connection.ops.quote_name, existing)
            done = subprocess.run(
                [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={target}",
                 f"--dbname={_pg_conninfo(workdir)}"],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            if done.returncode != 0:
                raise BackupError(f"pg_dump failed: {done.stderr.strip()[:500]}")
        raw.rollback()
        return facts
    finally:
        raw.close()


# --- Writing an archive ------------------------------------------------------------------------------


class _HashingReader:
    def __init__(self, fh):
        self.fh, self.sha = fh, hashlib.sha256()

    def read(self, size=-1):
        data = self.fh.read(size)
        self.sha.update(data)
        return data


def _add(tar, source, name, checksums):
    with open(source, "rb") as fh:
        stat = os.fstat(fh.fileno())
        _add_stream(tar, fh, name, stat.st_size, stat.st_mtime, checksums)


def _add_stream(tar, fh, name, size, mtime, checksums):
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(mtime), 0o640
    reader = _HashingReader(fh)
    tar.addfile(info, reader)
    checksums[name] = reader.sha.hexdigest()


def _object_stores():
    """Return {archive folder: ObjectStore} when the files are in a bucket, else None (they are on disk)."""
    options = settings.KHAOSAN.get("S3")
    if not options:
        return None
    from khaosan.catalog.objectstore import MEDIA_LOCATION, ObjectStore
    from khaosan.catalog.storage import blob_store

    return {FILES: blob_store(), MEDIA: ObjectStore(options, location=MEDIA_LOCATION)}


def _add_objects(tar, prefix, store, checksums):
    """Download every object of `store` worth keeping into the archive under `prefix`/, in key order."""
    for entry in store.entries():
        parts = entry.name.split("/")
        if parts[0] in SKIPPED_DIRS or parts[-1].startswith(SKIPPED_PREFIXES):
            continue
        try:
            stream = store.open(entry.name)
        except FileNotFoundError:  # removed since the listing: an orphan, or a file the snapshot does not name
            continue
        with stream:
            _add_stream(tar, stream, f"{prefix}/{entry.name}", entry.size, entry.modified_at.timestamp(), checksums)


def _walk(root):
    """Yield (path, relative name) of the files under `root` worth keeping, in a stable order."""
    root = Path(root)
    if not root.is_dir():
        return
    for directory, dirnames, filenames in os.walk(root):
        here = Path(directory)
        dirnames[:] = sorted(d for d in dirnames if not (here == root and d in SKIPPED_DIRS))
        for filename in sorted(filenames):
            path = here / filename
            if filename.startswith(SKIPPED_PREFIXES) or not path.is_file() or path.is_symlink():
                continue
            yield path, path.relative_to(root).as_posix()


def backup_create(*, path, actor=None, system="backup"):
    """Write one archive of the database, uploaded files and media to `path`; return its manifest (SEC-10)."""
    path = Path(path).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    vendor = _connection().vendor
    if vendor not in DATABASE:
        raise BackupError(f"backups support SQLite and PostgreSQL, not {vendor}")
    created_at = timezone.now()
    workdir = Path(tempfile.mkdtemp(prefix=".backup-", dir=path.parent))
    partial = path.with_name(f".{path.name}.partial")
    try:
        database_file = workdir / DATABASE[vendor]
        if vendor == "sqlite":
            counts, migrations, blobs = _sqlite_snapshot(database_file)
        else:
            counts, migrations, blobs = _postgres_snapshot(database_file, workdir)
        checksums = {}
        with open(partial, "wb") as raw:
            os.chmod(partial, 0o600)  # the archive holds personal data (PDPA) and the traffic log
            with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
                _add(tar, database_file, DATABASE[vendor], checksums)
                stores = _object_stores()
                if stores:
                    for prefix, store in stores.items():
                        _add_objects(tar, prefix, store, checksums)
                else:
                    for prefix, root in ((FILES, settings.KHAOSAN["FILES_ROOT"]), (MEDIA, settings.MEDIA_ROOT)):
                        for source, name in _walk(root):
                            _add(tar, source, f"{prefix}/{name}", checksums)
                from khaosan.catalog.models import blob_path

                missing = [sha for sha in blobs if f"{FILES}/{blob_path(sha).as_posix()}" not in checksums]
                manifest = {
                    "format": FORMAT,
                    "khaosan_version": _version(),
                    "created_at": created_at.isoformat(),
                    "database": {"vendor": vendor, "file": DATABASE[vendor], "migrations": migrations},
                    "counts": counts,
                    "missing_blobs": missing,
                    "files": checksums,
                }
                data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(data), int(created_at.timestamp()), 0o640
                tar.addfile(info, io.BytesIO(data))
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
        shutil.rmtree(workdir, ignore_errors=True)
    archive_sha = _file_sha256(path)
    record(
        actor, AuditCode.BACKUP_CREATED, system=system, file=str(path), sha256=archive_sha,
        size=path.stat().st_size, counts=counts, missing_blobs=len(missing),
    )  # fmt: skip
    return manifest


def _file_sha256(path):
    sha = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


# --- Reading and checking an archive ------------------------------------------------------------------


@dataclass
class ArchiveCheck:
    manifest: dict | None = None
    problems: list = field(default_factory=list)
    database_file: Path | None = None  # extracted, while the check's work directory lives

    @property
    def ok(self):
        return not self.problems


def _safe_name(name):
    parts = Path(name).parts
    return bool(parts) and not Path(name).is_absolute() and ".." not in parts


def _read(path, workdir, *, extract=False):
    """Stream through the archive once: hash every member, keep the database (and all, if `extract`)."""
    check = ArchiveCheck()
    hashes, manifest_bytes = {}, None
    try:
        tar = tarfile.open(path, mode="r:gz")
    except (OSError, tarfile.TarError) as error:
        check.problems.append(f"cannot open the archive: {error}")
        return check, hashes
    with tar:
        try:
            for member in tar:
                if not member.isfile():
                    check.problems.append(f"{member.name}: not a regular file (refused)")
                    continue
                if not _safe_name(member.name):
                    check.problems.append(f"{member.name}: unsafe path (refused)")
                    continue
                source = tar.extractfile(member)
                if member.name == MANIFEST:
                    manifest_bytes = source.read()
                    continue
                keep = extract or member.name in DATABASE.values()
                target = workdir / member.name if keep else None
                sha = hashlib.sha256()
                out = None
                if target is not None:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    out = open(target, "wb")
                try:
                    while chunk := source.read(CHUNK):
                        sha.update(chunk)
                        if out:
                            out.write(chunk)
                finally:
                    if out:
                        out.close()
                hashes[member.name] = sha.hexdigest()
        except (OSError, tarfile.TarError, EOFError) as error:
            check.problems.append(f"the archive is damaged: {error}")
    if manifest_bytes is None:
        check.problems.append(f"{MANIFEST} is missing")
        return check, hashes
    try:
        check.manifest = json.loads(manifest_bytes)
    except ValueError:
        check.problems.append(f"{MANIFEST} is not valid JSON")
    return check, hashes


def _compare(check, hashes, workdir):
    manifest = check.manifest or {}
    expected = manifest.get("files", {})
    for name, sha in sorted(expected.items()):
        if name not in hashes:
            check.problems.append(f"{name}: listed in the manifest but missing from the archive")
        elif hashes[name] != sha:
            check.problems.append(f"{name}: checksum does not match the manifest (changed or damaged)")
    for name in sorted(set(hashes) - set(expected)):
        check.problems.append(f"{name}: in the archive but not in the manifest (added?)")
    for sha in manifest.get("missing_blobs", []):
        check.problems.append(f"blob {sha}: named by the database but its file was not on disk at backup time")
    vendor = manifest.get("database", {}).get("vendor")
    database = workdir / DATABASE.get(vendor, "?")
    if vendor not in DATABASE or not database.exists():
        check.problems.append("the archive holds no database")
        return check
    check.database_file = database
    if vendor == "sqlite":
        try:
            db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
            try:
                result = [row[0] for row in db.execute("PRAGMA integrity_check")]
                db.execute("SELECT COUNT(*) FROM django_migrations").fetchone()
            finally:
                db.close()
            if result != ["ok"]:
                check.problems.append("database: integrity check failed: " + "; ".join(result[:5]))
        except sqlite3.DatabaseError as error:
            check.problems.append(f"database: does not open as SQLite ({error})")
    elif shutil.which("pg_restore"):
        done = subprocess.run(["pg_restore", "--list", str(database)], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            check.problems.append(f"database: pg_restore cannot read the dump ({done.stderr.strip()[:200]})")
    return check


def backup_verify(*, path):
    """Check an archive: every checksum, nothing added or missing, and the database opens whole (SEC-10)."""
    workdir = Path(tempfile.mkdtemp(prefix=".verify-"))
    try:
        check, hashes = _read(Path(path), workdir)
        if check.manifest is not None:
            _compare(check, hashes, workdir)
        check.database_file = None
        return check
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


# --- Restoring ---------------------------------------------------------------------------------------------


def database_has_content():
    """True when the database holds offices, users, items or logs: a restore would overwrite work."""
    try:
        return any(apps.get_model(label).objects.exists() for label in COUNTED.values())
    except DatabaseError:  # no tables yet: a fresh database
        return False


def current_counts():
    counts = {}
    for key, label in COUNTED.items():
        try:
            counts[key] = apps.get_model(label).objects.count()
        except DatabaseError:
            counts[key] = None
    return counts


@dataclass
class RestoreReport:
    manifest: dict
    counts: dict  # key -> (in the archive, after the restore)
    set_aside: list  # earlier file folders moved out of the way, for the operator to remove

    @property
    def matches(self):
        return all(before == after for before, after in self.counts.values())


def _restore_sqlite(snapshot):
    connection = _connection()
    connections.close_all()
    source = sqlite3.connect(f"file:{snapshot}?mode=ro", uri=True)
    destination = connection.get_new_connection(connection.get_connection_params())
    try:
        # The backup API replaces every page of the destination in one transaction: other
        # connections see the old database or the new one, never a mix, and WAL files stay right.
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def _restore_postgres(dump, workdir):
    pg_restore = _tool("pg_restore")
    connection = _connection()
    with connection.cursor() as cursor:
        # The database is khaosan's alone. Tables of a later version than the archive would make the
        # migrations after the restore fail, so everything goes before the archive comes in.
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
    connections.close_all()
    done = subprocess.run(
        [pg_restore, "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error",
         f"--dbname={_pg_conninfo(workdir)}", str(dump)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise BackupError(f"pg_restore failed: {done.stderr.strip()[:500]}")


def _swap_in(new_root, root, stamp):
    """Put `new_root` where `root` is; a non-empty `root` is moved aside (nothing lost), not deleted."""
    root = Path(root)
    set_aside = None
    if root.exists():
        if any(root.iterdir()):
            set_aside = root.with_name(f"{root.name}.before-restore-{stamp}")
            root.rename(set_aside)
        else:
            root.rmdir()
    root.parent.mkdir(parents=True, exist_ok=True)
    if new_root.exists():
        shutil.move(str(new_root), str(root))
    else:
        root.mkdir()
    return set_aside


def _upload(folder, store):
    """Put every file under `folder` into the bucket `store` under the same name (objects there are replaced)."""
    for path, name in _walk(folder):
        with open(path, "rb") as fh:
            store.write(name, fh)


def backup_restore(*, path, force=False, actor_username=None, system="restore"):
    """Rebuild this installation from an archive: check it, restore database, files and media, migrate.

    Refuses a database that already holds data unless `force`. Stop the web server first: requests
    served during a restore would be lost with the old database. The restore is an audit event in the
    restored database, by `actor_username` if that account is in it, else by `system`.
    """
    if database_has_content() and not force:
        raise BackupError("the database already holds data; restore with --force to replace it")
    files_root = Path(settings.KHAOSAN["FILES_ROOT"])
    files_root.parent.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix=".restore-", dir=files_root.parent))
    try:
        check, hashes = _read(Path(path), workdir, extract=True)
        if check.manifest is not None:
            _compare(check, hashes, workdir)
        if not check.ok:
            raise BackupError("the archive did not pass its check:\n" + "\n".join(check.problems))
        manifest = check.manifest
        vendor = manifest["database"]["vendor"]
        if vendor != _connection().vendor:
            raise BackupError(f"the archive holds a {vendor} database; this installation uses {_connection().vendor}")
        if vendor == "sqlite":
            _restore_sqlite(check.database_file)
        else:
            _restore_postgres(check.database_file, workdir)
        stamp = timezone.now().strftime("%Y%m%dT%H%M%S")
        stores = _object_stores()
        if stores:
            for prefix, store in stores.items():
                _upload(workdir / prefix, store)
            set_aside = []
        else:
            set_aside = [
                p for p in (
                    _swap_in(workdir / FILES, files_root, stamp),
                    _swap_in(workdir / MEDIA, settings.MEDIA_ROOT, stamp),
                ) if p
            ]  # fmt: skip
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    connections.close_all()
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    call_command("migrate", interactive=False, verbosity=0)
    # Kept pages and parts are keyed by the page stamp, and the restored stamp may be one they were kept under
    # before: with a shared cache (Redis) they would outlive the restore. Workers' memory goes with the restart.
    caches["pages"].clear()
    after = current_counts()
    counts = {key: (manifest["counts"].get(key), after.get(key)) for key in COUNTED}
    actor = None
    if actor_username:
        actor = apps.get_model(settings.AUTH_USER_MODEL).objects.filter(username=actor_username).first()
        if actor is None:
            system = f"{system} ({actor_username})"
    record(
        actor, AuditCode.BACKUP_RESTORED, system=system, file=str(path), created_at=manifest["created_at"],
        khaosan_version=manifest["khaosan_version"], counts={k: list(v) for k, v in counts.items()},
        set_aside=[str(p) for p in set_aside],
    )  # fmt: skip
    return RestoreReport(manifest=manifest, counts=counts, set_aside=set_aside)
