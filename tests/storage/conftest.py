"""An S3 server for the suite: moto in server mode on 127.0.0.1, started once, a fresh bucket for each test."""

import uuid

import pytest

REGION = "us-east-1"


@pytest.fixture(scope="session")
def moto_endpoint():
    """Start moto's S3 (and friends) in a thread of this process, on a free port of 127.0.0.1 only."""
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


class Bucket:
    """A fresh bucket on the moto server; `use()` points the blob store and STORAGES["default"] at it."""

    def __init__(self, endpoint, settings):
        import boto3

        self.name = f"khaosan-{uuid.uuid4().hex[:16]}"
        self.options = {
            "bucket_name": self.name, "endpoint_url": endpoint, "region_name": REGION,
            "access_key": "testing", "secret_key": "testing", "addressing_style": "path",
        }  # fmt: skip
        self.client = boto3.client(
            "s3", endpoint_url=endpoint, region_name=REGION, aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )  # fmt: skip
        self.client.create_bucket(Bucket=self.name)
        self._settings = settings

    def use(self):
        self._settings.KHAOSAN = {**self._settings.KHAOSAN, "S3": self.options}
        self._settings.STORAGES = {
            **self._settings.STORAGES,
            "default": {"BACKEND": "khaosan.catalog.objectstore.MediaStorage", "OPTIONS": self.options},
        }
        return self

    def keys(self, prefix=""):
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name, Prefix=prefix)
        return sorted(obj["Key"] for page in pages for obj in page.get("Contents", []))

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def put(self, key, content):
        self.client.put_object(Bucket=self.name, Key=key, Body=content)

    def delete(self, key):
        self.client.delete_object(Bucket=self.name, Key=key)

    def empty(self):
        for key in self.keys():
            self.delete(key)


@pytest.fixture
def bucket(moto_endpoint, settings):
    """A fresh, empty bucket, not yet in use: call `bucket.use()` to move the files there."""
    return Bucket(moto_endpoint, settings)


@pytest.fixture
def s3(bucket):
    """Uploaded files and office images in a fresh bucket for this test."""
    return bucket.use()
