"""KHAOSAN_S3_* in the environment move both stores to the bucket; without them nothing changes."""

import json

from tests.test_deploy import clamd_socket, manage

SHOW = (
    "import json; from django.conf import settings; from khaosan.catalog.storage import blob_store; "
    "print(json.dumps({'s3': settings.KHAOSAN['S3'], 'media': settings.STORAGES['default']['BACKEND'], "
    "'blobs': repr(blob_store())}))"
)
S3_ENV = {
    "KHAOSAN_S3_BUCKET": "khaosan-files", "KHAOSAN_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    "KHAOSAN_S3_REGION": "us-east-1", "KHAOSAN_S3_ACCESS_KEY": "khaosan", "KHAOSAN_S3_SECRET_KEY": "secret-of-khaosan",
}  # fmt: skip


def shown(tmp_path, **env):
    result = manage("shell", "-c", SHOW, tmp_path=tmp_path, DEBUG="true", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_a_bucket_the_files_stay_on_the_disk(tmp_path):
    facts = shown(tmp_path)
    assert facts["s3"] is None and facts["media"] == "django.core.files.storage.FileSystemStorage"
    assert facts["blobs"] == f"<DiskStore {tmp_path / 'files'}>"


def test_a_bucket_takes_the_uploads_and_the_office_images(tmp_path):
    facts = shown(tmp_path, **S3_ENV)
    assert facts["s3"] == {
        "bucket_name": "khaosan-files", "endpoint_url": "http://127.0.0.1:9000", "region_name": "us-east-1",
        "access_key": "khaosan", "secret_key": "secret-of-khaosan", "addressing_style": "path",
    }  # fmt: skip
    assert facts["media"] == "khaosan.catalog.objectstore.MediaStorage"
    assert facts["blobs"] == "<ObjectStore khaosan-files/files>"


def test_the_keys_may_come_from_the_usual_aws_variables(tmp_path):
    facts = shown(tmp_path, KHAOSAN_S3_BUCKET="khaosan-files", AWS_ACCESS_KEY_ID="k", AWS_SECRET_ACCESS_KEY="s")
    assert facts["s3"]["access_key"] is None and facts["s3"]["secret_key"] is None  # boto3 reads AWS_* itself
    assert facts["s3"]["addressing_style"] is None  # AWS itself: the bucket's own host name


def test_production_with_a_bucket_passes_the_deploy_check(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path, KHAOSAN_BEHIND_TLS_PROXY="true",
                    KHAOSAN_CLAMAV_SOCKET=clamd_socket(tmp_path), KHAOSAN_SITE_URL="https://ssobanluang.go.th",
                    **S3_ENV)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
