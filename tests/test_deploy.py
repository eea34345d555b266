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


def clamd_socket(tmp_path):
    """A unix socket where clamd's would be (the check looks for it; nothing here connects)."""
    import socket

    path = tmp_path / "clamd.ctl"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
    return str(path)


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path, KHAOSAN_BEHIND_TLS_PROXY="true",
                    KHAOSAN_CLAMAV_SOCKET=clamd_socket(tmp_path), KHAOSAN_SITE_URL="https://ssobanluang.go.th")  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deploy_check_warns_while_no_virus_scanner_is_configured(tmp_path):
    result = manage("check", "--deploy", tmp_path=tmp_path, KHAOSAN_BEHIND_TLS_PROXY="true")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output  # a warning, not an error: the site still starts
    assert "khaosan.W020" in output and "No virus scanner is configured" in output and "clamav-daemon" in output
    missing = manage("check", "--deploy", tmp_path=tmp_path, KHAOSAN_BEHIND_TLS_PROXY="true",
                     KHAOSAN_CLAMAV_SOCKET=str(tmp_path / "nowhere.ctl"))  # fmt: skip
    assert "khaosan.W021" in missing.stdout + missing.stderr


def test_the_deploy_check_warns_without_the_site_address_for_links_in_emails(tmp_path):
    result = manage("check", "--deploy", tmp_path=tmp_path, KHAOSAN_BEHIND_TLS_PROXY="true")
    assert "khaosan.W001" in result.stderr + result.stdout and "KHAOSAN_SITE_URL" in result.stderr + result.stdout
    result = manage("check", "--deploy", tmp_path=tmp_path, KHAOSAN_BEHIND_TLS_PROXY="true",
                    KHAOSAN_SITE_URL="ssobanluang.go.th/backoffice")  # fmt: skip
    assert "khaosan.W002" in result.stderr + result.stdout


def test_development_guesses_no_site_address(tmp_path):
    """Links name the server a request reached (`notify.site_url`), never a fixed port 8000."""
    result = manage("shell", "-c", "from django.conf import settings; print(repr(settings.KHAOSAN['SITE_URL']))",
                    tmp_path=tmp_path, DEBUG="true")  # fmt: skip
    assert result.stdout.strip().splitlines()[-1] == "''", result.stdout + result.stderr


def test_production_refuses_plain_http_without_a_tls_proxy(tmp_path):
    result = manage("check", tmp_path=tmp_path)
    assert result.returncode != 0 and "KHAOSAN_BEHIND_TLS_PROXY" in result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = manage("check", tmp_path=tmp_path, SECRET_KEY="", KHAOSAN_BEHIND_TLS_PROXY="true")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr
