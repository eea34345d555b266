"""A fresh bucket on the suite's moto server (the `bucket` and `s3` fixtures of tests/conftest.py)."""

import uuid

REGION = "us-east-1"


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
