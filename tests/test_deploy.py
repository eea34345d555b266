"""Production settings are safe by default (S-2.9): `check --deploy` is clean, plain HTTP is refused."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def manage(*args, tmp_path, **env):
    environment = {
        "PATH": os.environ["PATH"], "KHAOSAN_DATA_DIR": str(tmp_path), "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "ssobanluang.go.th", "KHAOSAN_TESTING": "false", **env,
    }  # fmt: skip
    return subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=environment, capture_output=True,
                          text=True, timeout=120)  # fmt: skip


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path, KHAOSAN_BEHIND_TLS_PROXY="true")
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_plain_http_without_a_tls_proxy(tmp_path):
    result = manage("check", tmp_path=tmp_path)
    assert result.returncode != 0 and "KHAOSAN_BEHIND_TLS_PROXY" in result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = manage("check", tmp_path=tmp_path, SECRET_KEY="", KHAOSAN_BEHIND_TLS_PROXY="true")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr
