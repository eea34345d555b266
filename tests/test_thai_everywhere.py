"""Thai all the way through (issue 11): no English left in Thai screens, for the public and for every demo role.

The demo office is built once for the module (the same builder `./khaosan run` uses, with blank PDFs),
inside a transaction that is rolled back at the end. Every public page reachable from the home page (menu,
footer, site map), the sign-in screens, every back-office screen reachable from each demo role's navigation
and the operators' admin are fetched in Thai. Links are followed a few levels deep, new kinds of screen
first and at most PAGES_PER_SCREEN pages of one kind, so lists lead to their details and details to their
forms. Each page's text and the attributes people read (title, alt, aria-label, placeholder, button
values) must hold no English word outside a small allow-list (acronyms, file types, proper nouns) and
what people wrote (the demo's content). English on purpose is marked: an element with lang="en" (the
language switch, an office's English name), <code> (commands, settings), <kbd> (keys).

The English switch is checked the other way round on the public site, as far as the English catalogue goes.
"""

import datetime as dt
import heapq
import re
from collections import Counter
from contextlib import contextmanager
from html.parser import HTMLParser
from itertools import count
from urllib.parse import urljoin, urlsplit

import pytest
from django.db import transaction
from django.test import Client, TestCase
from django.urls import Resolver404, resolve

from tests.conftest import SERVER_ZONE, suite_now

# Acronyms, file types, standards and product names that Thai screens use as they are (compared case-blind).
ALLOWED = {word.casefold() for word in (
    # the framework's and the web's acronyms and terms of art
    "ITA", "MOIT", "OIT", "GWS", "PDPA", "OTP", "TOTP", "QR", "ID", "IP", "URL", "HTTPS", "HTTP", "HSTS", "e-GP",
    "e-Service", "e-mail", "e-market", "e-bidding", "CKAN", "DCAT", "DCAT-AP", "API", "JSON", "JSON-LD", "Turtle",
    "RDF", "SHA", "SHA-256", "UTC", "ICT", "OCR", "CSS", "HTML", "README",
    # file types
    "PDF", "DOCX", "DOC", "XLSX", "XLS", "CSV", "ZIP", "RAR", "JPG", "JPEG", "PNG", "SVG", "ODT", "ODS", "TXT", "RSS",
    "Atom", "Word", "Excel",
    # proper nouns: programs, companies, services, keys on the keyboard
    "Adobe", "Acrobat", "Reader", "LibreOffice", "Microsoft", "Office", "Edge", "Google", "Chrome", "Mozilla",
    "Firefox", "Safari", "SumatraPDF", "Okular", "7-Zip", "LINE", "Official", "Account", "Facebook", "Maps",
    "OpenStreetMap", "Authenticator", "FreeOTP", "ThaiCERT", "axe-core", "tesseract", "khaosan", "Sarabun",
    "Mac", "Ctrl", "clamav-daemon", "tesseract-ocr", "tesseract-ocr-tha", "chrony", "ntpd", "timedatectl",
)}  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*")
# Things that are not words of a language: addresses, paths, file names, identifiers, codes with digits, and
# an English gloss in brackets right after the Thai term it explains ("ข้อมูลจราจร (Log)"), as Thai
# official writing does.
NOT_LANGUAGE = re.compile(
    r"\S+@\S+|https?://\S+|www\.\S+|(?<![\w/])\.{0,2}/[\w./?=&%~+#-]*"
    r"|\b[\w.-]+\.(?:pdf|docx?|xlsx?|csv|jpe?g|png|svg|zip|txt|json|xml|md)\b"
    r"|\b\w+_\w+\b|\b[A-Za-z]*\d[\w./-]*|(?-i:\b[a-z0-9-]+(?:\.[a-z0-9_-]+)+\b)"
    r"|(?<=[\u0e00-\u0e7f])\s*\([^()\u0e00-\u0e7f]*\)",
    re.IGNORECASE,
)
READ_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder", "aria-description")
# Not read as interface: code, keys, the contents of a text box (what someone typed).
SKIPPED_ELEMENTS = {"script", "style", "code", "kbd", "samp", "svg", "template", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ROLES = ("staff", "procurement", "nurse", "reviewer", "approver", "webmaster1", "webmaster2", "committee", "admin")
PAGES_PER_SCREEN = 8  # pages of one kind (one URL name) looked at per person: a list, and a detail or two
DEPTH = 5  # links followed from the start page
# Files, not screens (a document is checked by the tests of its own kind).
DOWNLOAD = re.compile(r"\.(?:pdf|docx|xlsx|csv|svg|zip|json|xml|jsonld|ttl|rdf|jpg|png)(?:\?|$)|/feeds/|[?&]format=")


class Readable(HTMLParser):
    """Collect what a person reads on a page: text nodes and read attributes, outside parts marked in `other`."""

    def __init__(self, *, other="en"):
        super().__init__(convert_charrefs=True)
        self.other = other  # the language whose marked parts are not the page's own (lang="en" on a Thai page)
        self.stack = []  # (tag, skipped)
        self.texts, self.links = [], []

    def _skipped(self):
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped = (
            self._skipped()
            or tag in SKIPPED_ELEMENTS
            or (attrs.get("lang") or "").lower().startswith(self.other)
            or "hidden" in attrs
            or attrs.get("translate") == "no"
        )
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if not skipped:
            for name in READ_ATTRIBUTES:
                if attrs.get(name):
                    self.texts.append((f"{tag}[{name}]", attrs[name]))
            if tag == "input" and attrs.get("type") in {"submit", "button", "reset"} and attrs.get("value"):
                self.texts.append((f"{tag}[value]", attrs["value"]))
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data):
        if data.strip() and not self._skipped():
            self.texts.append((self.stack[-1][0] if self.stack else "", data))


def english_words(text, *, allowed=frozenset()):
    """Return the English words of `text` that are neither allowed, nor content, nor an acronym."""
    words = WORD.findall(NOT_LANGUAGE.sub(" ", text))
    return [
        w for w in words
        if len(w) > 1 and w.casefold() not in ALLOWED and w not in allowed and not (w.isupper() and len(w) <= 5)
    ]  # fmt: skip


def leftovers(html, *, allowed=frozenset()):
    """Return (where, text, words) for every piece of `html` a person reads that holds English words."""
    parser = Readable(other="en")
    parser.feed(html)
    found = []
    for where, text in parser.texts:
        words = english_words(text, allowed=allowed)
        if words:
            found.append((where, " ".join(text.split())[:160], words))
    return found, parser.links


def screen_name(path):
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def crawl(client, starts, *, inside, skip=(), allowed=frozenset()):
    """Fetch pages from `starts`; return ({url: leftovers} for pages with English words, how many were read).

    Links to a kind of screen not read yet come first, then the nearest; each kind is read at most
    PAGES_PER_SCREEN times, so a list leads to a few of its details and every kind of screen gets its turn.
    """
    queue, order = [], count()
    seen, per_screen, problems, fetched = set(), Counter(), {}, 0

    def push(url, depth):
        name = screen_name(urlsplit(url).path)
        if url in seen or name is None or DOWNLOAD.search(url):
            return
        seen.add(url)
        heapq.heappush(queue, (per_screen[name], depth, next(order), url, name))

    for url in starts:
        push(url, 0)
    while queue:
        times_read, depth, _order, url, name = heapq.heappop(queue)
        if per_screen[name] >= PAGES_PER_SCREEN:
            continue
        if times_read < per_screen[name]:  # its kind was read meanwhile: wait behind the new kinds
            heapq.heappush(queue, (per_screen[name], depth, next(order), url, name))
            continue
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="th")
        per_screen[name] += 1  # a refusal or a redirect counts too: that kind of screen is not this person's
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        fetched += 1
        found, links = leftovers(response.content.decode(), allowed=allowed)
        if found:
            problems[url] = found
        if depth >= DEPTH:
            continue
        for href in links:
            target = urljoin(url, href)
            parts = urlsplit(target)
            if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if path.startswith(inside) and not any(path.startswith(s) for s in skip) and not path.startswith("/en/"):
                push(path, depth + 1)
    return problems, fetched


def report(problems):
    lines = []
    for url, found in problems.items():
        lines.append(url)
        lines.extend(f"    {where}: {text!r} → {words}" for where, text, words in found)
    return "\n".join(lines)


class BlankPdfs:
    """Stands in for Chromium while the demo is built: the crawl reads screens, not the files' pages."""

    def render(self, html, **options):
        from tests.conftest import pdf_bytes

        return pdf_bytes()


@contextmanager
def blank_pdfs():
    yield BlankPdfs()


@pytest.fixture(scope="module")
def demo_office(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo office, built once for the module at the suite's moment, rolled back afterwards.

    Its PDFs are blank pages (rendering 130 documents in Chromium takes minutes and changes no screen).
    """
    import time_machine
    from django.conf import settings

    from khaosan.demo import builder, files, procurement
    from khaosan.demo.requests import build_requests

    files_root = tmp_path_factory.mktemp("demo-files")
    original = settings.KHAOSAN
    settings.KHAOSAN = {**original, "FILES_ROOT": files_root, "OCR": False}
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(files, "renderer", blank_pdfs)
        patch.setattr(procurement, "demo_renderer", blank_pdfs)
        outer = transaction.atomic()
        outer.__enter__()
        try:
            from khaosan.catalog.models import Topic

            if not Topic.objects.exists():  # a transactional test (live server) of this worker emptied the tables
                from tests.conftest import _sync_shipped_standard

                # As the session's sync: the day before, so its trail rows are the oldest, as in any other run.
                with time_machine.travel((suite_now() - dt.timedelta(days=1)).astimezone(SERVER_ZONE), tick=False):
                    _sync_shipped_standard()
            an_hour_before = (suite_now() - dt.timedelta(hours=1)).astimezone(SERVER_ZONE)
            # Nothing commits inside the module's transaction, so what waits for a commit (files written to
            # disk, e-mails) is run here by hand; all but reading the files' texts for search, which takes
            # minutes and shows on no screen the crawl reads.
            with time_machine.travel(an_hour_before, tick=True):
                with TestCase.captureOnCommitCallbacks() as after_commit:
                    office = builder.build_office()
                    builder.build_items(office)
                    build_requests(office)
                for callback in after_commit:
                    if not getattr(callback, "__qualname__", "").startswith("read_after_commit."):
                        callback()
            patch.undo()
            yield {"office": office, "files_root": files_root, "content": content_words(), "usernames": usernames()}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            settings.KHAOSAN = original


@pytest.fixture
def demo(demo_office, db, settings):
    settings.KHAOSAN = {**settings.KHAOSAN, "FILES_ROOT": demo_office["files_root"], "OCR": False}
    return demo_office


def signed_in(username):
    """A client signed in the way a person signs in: the sign-in form, then the authenticator's code."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from khaosan.demo.office import DEMO_PASSWORD

    client = Client()
    response = client.post("/backoffice/login/", {"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 302, response.content.decode()[:300]
    device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
    if device is not None:
        token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
        response = client.post("/backoffice/2fa/verify/", {"token": f"{token:06d}", "next": "/backoffice/"})
        assert response.status_code == 302
    return client


# What people wrote (the demo's content, the standard's data file): English there is content, not interface.
CONTENT = {
    "catalog.Item": ("title", "summary", "body", "source", "withdrawn_reason"),
    "catalog.Attachment": ("original_name", "title", "alt_text"),
    "catalog.Category": ("name_th", "description_th", "menu_name_th"),
    "catalog.Topic": ("name_th", "description_th"),
    "catalog.ChecklistItem": ("name_th", "description_th", "indicator_name_th", "due_note_th"),
    "org.Office": ("executive_message", "office_hours"),
    "org.Unit": ("name_th",),
    "workflow.PublicationRequest": ("title", "summary", "body", "source", "remarks"),
    "workflow.RequestFile": ("original_name",),
    "workflow.Decision": ("reason",),
    "reports.Training": ("title", "organiser", "venue", "notes"),
    "reports.PerformanceReport": ("problems", "suggestions"),
    "procurement.ProcurementEntry": ("work", "reason"),
    "procurement.ProcurementBid": ("vendor",),
    "participation.Complaint": ("subject", "detail", "concerned"),
    "participation.Feedback": ("subject", "detail"),
    "participation.Question": ("subject", "detail", "faq_question", "faq_answer"),
    "participation.CaseEvent": ("text",),
    "eservice.Indicator": ("title", "self_note"),
    "eservice.Competency": ("name",),
    "eservice.DevelopmentPlanItem": ("topic", "method"),
}


def content_words():
    """Return the English words of what people wrote in the demo office (titles, bodies, the standard)."""
    from django.apps import apps

    words = set()
    for label, fields in CONTENT.items():
        for row in apps.get_model(label).objects.values_list(*fields):
            for value in row:
                words.update(WORD.findall(NOT_LANGUAGE.sub(" ", re.sub(r"<[^>]+>", " ", value or ""))))
    return frozenset(words)


def usernames():
    from khaosan.demo.office import OPERATOR, STAFF
    from khaosan.demo.province import USERNAMES

    return frozenset([row[0] for row in STAFF] + [OPERATOR[0], *USERNAMES])


def test_the_public_site_is_thai_throughout(demo):
    problems, fetched = crawl(Client(), ["/", "/sitemap/"], inside="/", skip=("/backoffice/", "/admin/", "/files/"),
                              allowed=demo["content"])  # fmt: skip
    assert fetched > 30
    assert not problems, report(problems)


def test_the_sign_in_screens_are_thai(demo):
    starts = ["/backoffice/login/", "/backoffice/password/reset/", "/backoffice/password/reset/done/"]
    problems, fetched = crawl(Client(), starts, inside="/backoffice/", allowed=demo["content"])
    assert fetched >= 3
    assert not problems, report(problems)


@pytest.mark.parametrize("username", ROLES)
def test_every_back_office_screen_of_each_role_is_thai(demo, username):
    problems, fetched = crawl(signed_in(username), ["/backoffice/"], inside="/backoffice/",
                              skip=("/backoffice/logout/",), allowed=demo["content"] | demo["usernames"])  # fmt: skip
    assert fetched > 20
    assert not problems, report(problems)


def test_the_operators_admin_is_thai_throughout(demo):
    problems, fetched = crawl(signed_in("operator"), ["/admin/"], inside="/admin/",
                              skip=("/admin/logout/", "/admin/jsi18n/"),
                              allowed=demo["content"] | demo["usernames"])  # fmt: skip
    assert fetched > 50
    assert not problems, report(problems)


def test_the_publish_form_is_thai(demo):
    """The web master's publish form sits behind "take the job" (a POST), so the crawl cannot reach it by links."""
    from khaosan.workflow.models import PublicationRequest, State

    client = signed_in("webmaster1")
    pub_request = PublicationRequest.objects.filter(office=demo["office"], state=State.APPROVED).earliest("pk")
    response = client.post(f"/backoffice/requests/{pub_request.pk}/take/")
    assert response["Location"] == f"/backoffice/requests/{pub_request.pk}/publish/"
    problems, fetched = crawl(client, [response["Location"]], inside="/backoffice/requests/",
                              allowed=demo["content"] | demo["usernames"])  # fmt: skip
    assert fetched >= 1
    assert not problems, report(problems)


# The English switch ---------------------------------------------------------------------------------------
# The English catalogue is completed elsewhere (its own test requires every entry translated), so this side
# asks only that every Thai interface string the catalogue translates is shown translated: a Thai string of
# the catalogue left on an English page was never passed through gettext at request time.

THAI = re.compile(r"[\u0e00-\u0e7f]")


def english_catalogue():
    """Return the Thai msgids that the compiled English catalogue translates."""
    import gettext

    from django.conf import settings

    with open(settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.mo", "rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)._catalog
    msgids = set()
    for key, text in catalogue.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if msgid and text and THAI.search(msgid):
            msgids.add(" ".join(msgid.split("\x04")[-1].split()))
    return msgids


def content_text():
    """All that people wrote in the demo office, and the standard's own Thai data, as one text."""
    from django.apps import apps

    from khaosan.catalog.models import Category

    parts = [str(value or "") for label, fields in CONTENT.items()
             for row in apps.get_model(label).objects.values_list(*fields) for value in row]  # fmt: skip
    parts += [str(value) for matrix in Category.objects.values_list("matrix", flat=True) for value in matrix.values()]
    return " ".join(" ".join(re.sub(r"<[^>]+>", " ", part).split()) for part in parts)


def untranslated(html, msgids, content):
    parser = Readable(other="th")
    parser.feed(html)
    found = []
    for where, text in parser.texts:
        shown = " ".join(text.split())
        if THAI.search(shown) and (shown in msgids or shown.rstrip(":") in msgids) and shown not in content:
            found.append((where, shown))
    return found


def test_the_english_public_pages_show_no_catalogued_thai(demo):
    msgids, content = english_catalogue(), content_text()
    assert len(msgids) > 500
    client, problems, pages = Client(), {}, 0
    queue, seen = ["/en/", "/en/sitemap/"], set()
    for url in queue:
        if url in seen or DOWNLOAD.search(url) or len(seen) >= 40:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages += 1
        html = response.content.decode()
        if found := untranslated(html, msgids, content):
            problems[url] = found
        if url in ("/en/", "/en/sitemap/"):  # one level from the home page and the site map
            parser = Readable(other="th")
            parser.feed(html)
            queue.extend(href for href in parser.links if href.startswith("/en/") and href not in queue)
    assert pages > 20
    assert not problems, "\n".join(f"{url}: {found}" for url, found in problems.items())
