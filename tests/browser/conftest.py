"""Real-browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's live server."""

import json
import os
import re
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop shares the thread with the ORM

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"
PHONE, DESKTOP = {"width": 360, "height": 780}, {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's browser (traces and screenshots of a failed test in test-results/), on Debian's Chromium."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run the suite through ./khaosan test, which installs it")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


class Page:
    """A browser tab that records console errors and can audit itself with axe-core."""

    def __init__(self, page, base_url):
        self.page, self.base_url, self.errors = page, base_url, []
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def __getattr__(self, name):
        return getattr(self.page, name)

    def open(self, path):
        response = self.page.goto(self.base_url + path)
        return response

    def axe_violations(self):
        """Run axe-core (WCAG 2.1 A/AA rules) on the page; return its violations, summarised."""
        self.page.evaluate(AXE.read_text())  # evaluate is not subject to the page's CSP
        result = self.page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
                resultTypes: ['violations'] })"""
        )
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5], "help": v["help"]}
            for v in result["violations"]
        ]

    def assert_accessible(self):
        violations = self.axe_violations()
        assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)

    def assert_no_console_errors(self, *, allow=()):
        """No script errors and no CSP violations; `allow` names expected messages (e.g. a 410 page)."""
        errors = [e for e in self.errors if not any(a in e for a in allow)]
        assert not errors, errors

    def screenshot_as(self, name):
        SCREENSHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def open_page(new_context, live_server):
    """open_page(width=360) → a Page in a fresh context (no cookies shared between people)."""

    def make(viewport=DESKTOP, **context_options):
        context = new_context(viewport=viewport, locale="th-TH", **context_options)
        return Page(context.new_page(), live_server.url)

    return make


@pytest.fixture
def sign_in(open_page, people):
    """sign_in(role, viewport) → a Page of that person, signed in (with the second factor where required)."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.conftest import PASSWORD

    for role in ("reviewer", "approver", "webmaster", "webmaster2", "admin"):
        TOTPDevice.objects.get_or_create(user=people[role], name="authenticator", defaults={"confirmed": True})

    def make(role, viewport=DESKTOP):
        person = people[role]
        page = open_page(viewport)
        page.open("/backoffice/login/")
        page.get_by_label("ชื่อผู้ใช้").fill(person.username)
        page.get_by_label("รหัสผ่าน").fill(PASSWORD)
        page.get_by_role("button", name="เข้าสู่ระบบ").click()
        if "/2fa/verify/" in page.url:
            device = TOTPDevice.objects.get(user=person, confirmed=True)
            page.get_by_label("รหัสยืนยัน").fill(f"{TOTP(device.bin_key).token():06d}")
            page.get_by_role("button", name="ยืนยัน").click()
        page.wait_for_url(re.compile(r".*/backoffice/$"))
        return page

    return make
