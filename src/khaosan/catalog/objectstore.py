"""Files in an S3-compatible bucket (MinIO, Ceph, AWS S3) through django-storages, when KHAOSAN_S3_BUCKET is set.

One bucket, two folders: files/ holds the content-addressed uploads (catalog/storage.py's blob store),
media/ the office images of STORAGES["default"]. The bucket stays private: every byte a visitor gets
goes through a khaosan view after its access checks (blob_response, media_file), never a bucket URL.
"""

import io
import secrets
import time

from botocore.exceptions import ClientError
from django.conf import settings
from storages.backends.s3 import S3Storage

FILES_LOCATION, MEDIA_LOCATION = "files", "media"
STAMP = "khaosan-stamp"  # object metadata: which write or reuse last touched the object
_MISSING = {"404", "NoSuchKey", "NotFound"}


def _options(options, location):
    return {key: value for key, value in {**options, "location": location}.items() if value is not None}


class MediaStorage(S3Storage):
    """STORAGES["default"] on the bucket's media/ folder, its URLs khaosan's own /media/ (public/views.media_file)."""

    def __init__(self, **options):
        super().__init__(**_options({"file_overwrite": False, "default_acl": None, **options}, MEDIA_LOCATION))

    def url(self, name, parameters=None, expire=None, http_method=None):
        from urllib.parse import quote

        return settings.MEDIA_URL + quote(name.replace("\\", "/"))


def _missing(error):
    return isinstance(error, ClientError) and error.response.get("Error", {}).get("Code") in _MISSING


class Entry:
    """One stored file as a listing gives it: name (relative to the store), size, when it was last used."""

    __slots__ = ("name", "size", "modified_at")

    def __init__(self, name, size, modified_at):
        self.name, self.size, self.modified_at = name, size, modified_at


class _ObjectReader(io.RawIOBase):
    """A read-only stream of one object's bytes, read from the store as the response is sent (no spooling)."""

    def __init__(self, body, size):
        self._body, self.size = body, size

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self._body.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self):
        self._body.close()
        super().close()


class ObjectStore:
    """The blob store on a bucket (the interface of catalog/storage.DiskStore).

    An object appears whole or not at all when its PUT completes, so a write needs no temporary name.
    Objects cannot have their time set: a reuse copies the object onto itself with a new stamp, which
    also renews its LastModified, the time housekeeping reads.
    """

    local = False

    def __init__(self, options, location=FILES_LOCATION):
        self.storage = S3Storage(**_options({"default_acl": None, "file_overwrite": True, **options}, location))
        self.location = location

    def __repr__(self):
        return f"<ObjectStore {self.storage.bucket_name}/{self.location}>"

    def key(self, name):
        return f"{self.location}/{name}" if self.location else name

    def _client(self):
        return self.storage.connection.meta.client

    def _head(self, name):
        try:
            return self._client().head_object(Bucket=self.storage.bucket_name, Key=self.key(name))
        except ClientError as error:
            if _missing(error):
                raise FileNotFoundError(2, "no such object", self.key(name)) from None
            raise

    def write(self, name, content):
        """Store `content` under `name` and return its stamp (what `version` answers until it is used again)."""
        stamp = _new_stamp()
        self._client().put_object(
            Bucket=self.storage.bucket_name, Key=self.key(name), Body=content,
            ContentType="application/octet-stream", Metadata={STAMP: stamp},
        )  # fmt: skip
        return stamp

    def stamp(self, name):
        """Mark the object as used now (a new LastModified) and return its new stamp."""
        stamp = _new_stamp()
        key = self.key(name)
        try:
            self._client().copy_object(
                Bucket=self.storage.bucket_name, Key=key, CopySource={"Bucket": self.storage.bucket_name, "Key": key},
                Metadata={STAMP: stamp}, MetadataDirective="REPLACE", ContentType="application/octet-stream",
            )  # fmt: skip
        except ClientError as error:
            if _missing(error):
                raise FileNotFoundError(2, "no such object", key) from None
            raise
        return stamp

    def version(self, name):
        head = self._head(name)
        return head.get("Metadata", {}).get(STAMP) or f"{head.get('ETag')}@{head.get('LastModified')}"

    def exists(self, name):
        try:
            self._head(name)
        except FileNotFoundError:
            return False
        return True

    def size(self, name):
        return self._head(name)["ContentLength"]

    def modified_at(self, name):
        return self._head(name)["LastModified"]

    def open(self, name):
        """Return a binary stream of the object (FileNotFoundError when it is not there)."""
        try:
            got = self._client().get_object(Bucket=self.storage.bucket_name, Key=self.key(name))
        except ClientError as error:
            if _missing(error):
                raise FileNotFoundError(2, "no such object", self.key(name)) from None
            raise
        return _ObjectReader(got["Body"], got["ContentLength"])

    def delete(self, name):
        self._client().delete_object(Bucket=self.storage.bucket_name, Key=self.key(name))

    def entries(self, prefix=""):
        """Yield an Entry for every object under `prefix` (a folder name like "blobs"), in key order."""
        start = self.key(prefix.rstrip("/") + "/") if prefix else (f"{self.location}/" if self.location else "")
        paginator = self._client().get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.storage.bucket_name, Prefix=start):
            for obj in page.get("Contents", []):
                name = obj["Key"][len(self.location) + 1 :] if self.location else obj["Key"]
                yield Entry(name, obj["Size"], obj["LastModified"])


def _new_stamp():
    return f"{time.time_ns()}-{secrets.token_hex(4)}"
