"""The English catalogue is valid and complete: every Thai interface string has an English translation."""

import shutil
import subprocess
from pathlib import Path

import pytest

PO = Path(__file__).resolve().parents[1] / "src" / "khaosan" / "locale" / "en" / "LC_MESSAGES" / "django.po"
pytestmark = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is installed by ./khaosan test")


def test_the_catalogue_compiles():
    result = subprocess.run(["msgfmt", "--check", "--check-format", "-o", "/dev/null", str(PO)], capture_output=True,
                            text=True)  # fmt: skip
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("flag", ["--untranslated", "--only-fuzzy"])
def test_every_entry_is_translated(flag):
    result = subprocess.run(["msgattrib", flag, "--no-wrap", str(PO)], capture_output=True, text=True)
    entries = [line for line in result.stdout.splitlines() if line.startswith("msgid ") and line != 'msgid ""']
    assert not entries, entries[:10]
