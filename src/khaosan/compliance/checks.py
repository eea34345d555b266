"""Checks of what is published (S-2.4, GWS-7.8, ACC-4): links and files, the same file twice, scanned PDFs.

The web master keeps items current and checks them (S-2.4). THAI-SITES lists what goes wrong on real
sites: evidence links that point nowhere (`#`, `localhost`, self-links, bare IP:port, internal systems),
the same PDF under several items, scanned image-only PDFs with no text. This module finds those:

- `links_check` reads every link of every public item (body, external link, files) and keeps one
  LinkCheck row each, replaced on every run. Links to this site are resolved with Django's URL
  resolver and the target must be public now; files must be on disk with their recorded size. Other
  sites are asked only when KHAOSAN["CHECK_EXTERNAL_LINKS"] allows it, and a network failure is
  always "could not check", never "broken". New breaks are reported once (compliance.Reminder).
- `text_layers_check` reads each public PDF's text layer once per content (TextLayer), and
  `ocr_scans` reads scans with tesseract where installed (compliance.ocr, OcrText).
- The selectors at the end (`broken_links`, `duplicate_files`, `inaccessible_pdfs`, …) are what the
  compliance dashboard and the checks page show; they start from `public_items`, so an item that left
  the site has left the checks too.

Runs nightly as the housekeeping job "compliance.links", and as `./khaosan manage compliance_links`.
"""

import hashlib
import http.client
import ipaddress
import logging
import socket
import time
import urllib.error
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, F, Max, OuterRef, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from khaosan.catalog.models import Attachment, Blob, Category, Item, Topic
from khaosan.catalog.selectors import public_items
from khaosan.catalog.storage import blob_size, media_exists, read_blob
from khaosan.compliance.models import LinkCheck, OcrText, Reminder, TextLayer
from khaosan.workflow.redaction import MIN_PAGE_CHARS, PdfUnreadable, page_has_image, pdf_pages, visible_chars

logger = logging.getLogger("khaosan.compliance")

JOB = "compliance.links"
REMINDER_KIND = "links.broken"
# Other sites get a few seconds: a nightly run over hundreds of links must end, and a slow site is
# "could not check", not broken.
EXTERNAL_TIMEOUT_SECONDS = 5
USER_AGENT = "khaosan-linkcheck/1.0 (+https://www.dga.or.th/ GWS-7.8 link check)"
# A page whose images cover at least half of it and which carries fewer than MIN_PAGE_CHARS characters is
# a scan. A one-line notice has few characters but no such image; a letterhead emblem covers far less.
SCAN_COVERAGE = 0.5
# A report lists this many broken links, then says how many more there are.
REPORT_LINES = 20
# OCR in one run: stop starting new files after this long; longer scans are left to a person.
OCR_RUN_SECONDS = 600
OCR_MAX_PAGES = 100
# The checks page lists at most this many shared files, each with at most this many of its items.
DUPLICATES_SHOWN = 200
DUPLICATE_ITEMS_SHOWN = 10

Result = LinkCheck.Result
Kind = LinkCheck.Kind


@dataclass(frozen=True)
class Verdict:
    result: str
    detail: str = ""


def _ok(detail=""):
    return Verdict(Result.OK, detail)


def _broken(detail):
    return Verdict(Result.BROKEN, detail)


def _unchecked(detail):
    return Verdict(Result.UNCHECKED, detail)


def external_checks_allowed():
    """Whether links to other sites may be fetched (KHAOSAN_CHECK_EXTERNAL_LINKS, off by default)."""
    return bool(settings.KHAOSAN.get("CHECK_EXTERNAL_LINKS", False))


# --- Links in a body --------------------------------------------------------------------------------------------------


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href is not None:
                self.hrefs.append(href.strip())


def body_links(html):
    """Return the link targets of an item's body, each once, in the order they appear."""
    if not html or "href" not in html.lower():
        return []
    parser = _Anchors()
    parser.feed(html)
    parser.close()
    return list(dict.fromkeys(parser.hrefs))


# --- Judging one link -------------------------------------------------------------------------------------------------

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}
LOCAL_SUFFIXES = (".localhost", ".local", ".lan", ".internal", ".intranet", ".home.arpa")


@dataclass
class _Run:
    """What one run knows: the office, its own host names, the moment, and answers already fetched."""

    office: object
    now: object
    external: bool
    hosts: frozenset
    fetched: dict = field(default_factory=dict)


def own_hosts(office):
    """The host names that are this site: the office's domain (with and without www.) and KHAOSAN_SITE_URL's."""
    hosts = set()
    if office.hostname:
        name = office.hostname.strip().lower()
        hosts |= {name, name.removeprefix("www."), f"www.{name.removeprefix('www.')}"}
    site = urlsplit(settings.KHAOSAN.get("SITE_URL", "") or "").hostname
    if site:
        hosts.add(site.lower())
    return frozenset(hosts)


def judge_link(href, *, item, run):
    """Return the Verdict for one link of `item`, or None for links that are not pages (mailto:, tel:)."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return _broken(_("ลิงก์ว่าง (#) ไม่ได้ชี้ไปที่ใด โปรดใส่ที่อยู่ของเอกสารหรือหน้าที่ต้องการ"))
    parts = urlsplit(urljoin(item.get_absolute_url(), href))
    scheme = parts.scheme.lower()
    if scheme in {"mailto", "tel"}:
        return None
    if scheme and scheme not in {"http", "https"}:
        return _unchecked(_("ระบบตรวจได้เฉพาะลิงก์ http และ https โปรดเปิดลิงก์นี้ตรวจด้วยตนเอง"))
    host = (parts.hostname or "").lower()
    if scheme and not host:
        return _broken(_("ลิงก์ไม่มีชื่อเว็บไซต์ (เช่น http:///…) โปรดแก้ลิงก์ให้ครบ"))
    if host:
        reason = _nowhere_reason(host)
        if reason:
            return _broken(reason)
    if not host or host in run.hosts:
        return _judge_own_path(parts, item=item, run=run)
    if not run.external:
        return _unchecked(_("ไม่ได้ตรวจ: การตรวจลิงก์ภายนอกปิดอยู่ (KHAOSAN_CHECK_EXTERNAL_LINKS) โปรดเปิดลิงก์ตรวจด้วยตนเอง"))
    url = parts._replace(scheme=scheme or "https", fragment="").geturl()
    if url not in run.fetched:
        run.fetched[url] = check_external(url)
    return run.fetched[url]


def _nowhere_reason(host):
    """Why a host cannot be reached by the public (THAI-SITES: localhost, internal systems, bare IP:port)."""
    if host in LOCAL_NAMES or host.endswith(LOCAL_SUFFIXES):
        return _("ลิงก์ชี้ไปที่เครื่องของผู้ทำเว็บ (localhost) ประชาชนเปิดไม่ได้ โปรดใช้ที่อยู่จริงบนอินเทอร์เน็ต")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if "." not in host:
            return _("ลิงก์ชี้ไปที่ระบบภายในสำนักงาน (“%(host)s”) ประชาชนเปิดไม่ได้ โปรดใช้ที่อยู่บนอินเทอร์เน็ต") % {"host": host}
        return ""
    if not _is_public_ip(address):
        return _("ลิงก์ชี้ไปที่เครือข่ายภายใน (%(host)s) ประชาชนเปิดไม่ได้ โปรดนำเอกสารขึ้นเว็บไซต์แล้วลิงก์ไปที่นั่น") % {"host": host}
    return _("ลิงก์ใช้เลขที่อยู่ IP (%(host)s) แทนชื่อโดเมน ที่อยู่แบบนี้เปลี่ยนได้และไม่มีใบรับรองความปลอดภัย "
             "โปรดใช้ที่อยู่ที่เป็นชื่อโดเมน") % {"host": host}  # fmt: skip


def _is_public_ip(address):
    """Whether an address is on the public Internet (not loopback, private, link-local or reserved)."""
    return address.is_global


def _judge_own_path(parts, *, item, run):
    """Judge a link to this site: the page must exist and be public now, the file must be on disk."""
    path = unquote(parts.path or "/")
    if path.startswith(settings.STATIC_URL):
        from django.contrib.staticfiles import finders

        found = finders.find(path[len(settings.STATIC_URL) :])
        return _ok() if found else _broken(_("ไม่พบไฟล์นี้บนเว็บไซต์ โปรดแก้ลิงก์"))
    if path.startswith(settings.MEDIA_URL):
        found = media_exists(path[len(settings.MEDIA_URL) :])
        return _ok() if found else _broken(_("ไม่พบไฟล์นี้บนเว็บไซต์ โปรดแก้ลิงก์"))
    match = _resolve(path)
    if match is None:
        return _broken(_("ไม่มีหน้านี้ในเว็บไซต์ (404) โปรดแก้ลิงก์ให้ชี้ไปที่หน้าที่มีอยู่"))
    name = match.view_name
    if name.startswith(("backoffice:", "admin:")):
        return _broken(_("ลิงก์ชี้ไปที่ระบบหลังบ้าน ประชาชนเปิดไม่ได้ โปรดลิงก์ไปที่หน้ารายการบนเว็บไซต์แทน"))
    if name == "public:item":
        return _judge_item_link(match.kwargs["pk"], item=item, run=run)
    if name in {"file", "rendition"}:
        return _judge_file_link(match.kwargs["pk"], run=run)
    if name == "public:category":
        exists = Category.objects.filter(code=match.kwargs["code"], retired_at__isnull=True).exists()
        return _ok() if exists else _broken(_("หมวดหมู่ที่ลิงก์ไปไม่มีแล้ว โปรดแก้ลิงก์"))
    if name == "public:topic":
        exists = Topic.objects.filter(
            category__code=match.kwargs["category_code"], code=match.kwargs["topic_code"], retired_at__isnull=True
        ).exists()
        return _ok() if exists else _broken(_("หัวข้อที่ลิงก์ไปไม่มีแล้ว โปรดแก้ลิงก์"))
    return _ok()


def _resolve(path):
    """Resolve a path of the public site, English pages (/en/…) included; None when nothing answers it."""
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and (path == f"/{code}" or path.startswith(f"/{code}/")):
            language = code
            break
    else:
        language = settings.LANGUAGE_CODE
    candidates = [path] if path.endswith("/") or not settings.APPEND_SLASH else [path, f"{path}/"]
    with translation.override(language):
        for candidate in candidates:  # CommonMiddleware sends /item/5 on to /item/5/
            try:
                return resolve(candidate)
            except Resolver404:
                continue
    return None


def _judge_item_link(pk, *, item, run):
    if pk == item.pk:
        return _broken(_("ลิงก์ชี้กลับมาที่หน้าเดียวกันนี้ ไม่ได้ชี้ไปที่หลักฐาน โปรดลิงก์ไปที่เอกสารหรือรายการที่ต้องการ"))
    target = Item.objects.filter(office=run.office, pk=pk).first()
    if target is None or target.status == Item.Status.DRAFT:
        return _broken(_("ไม่มีรายการที่ลิงก์ไป โปรดแก้ลิงก์"))
    if target.is_visible_at(run.now):
        return _ok()
    if target.status == Item.Status.WITHDRAWN:
        return _broken(_("รายการที่ลิงก์ไปถูกถอนการเผยแพร่แล้ว โปรดลิงก์ไปที่รายการที่ใช้แทน"))
    if target.publish_at and target.publish_at > run.now:
        return _broken(_("รายการที่ลิงก์ไปยังไม่ถึงวันเผยแพร่ ประชาชนยังเปิดไม่ได้"))
    return _broken(_("รายการที่ลิงก์ไปหมดระยะเวลาเผยแพร่แล้ว โปรดลิงก์ไปที่รายการที่ใช้แทน"))


def _judge_file_link(pk, *, run):
    attachment = (
        Attachment.objects.filter(office=run.office, pk=pk, item__isnull=False).select_related("item", "blob").first()
    )
    if attachment is None or not attachment.item.is_visible_at(run.now):
        return _broken(_("ไฟล์ที่ลิงก์ไปไม่ได้เผยแพร่อยู่ (รายการของไฟล์ถูกถอน หมดอายุ หรือไม่มีแล้ว) โปรดแก้ลิงก์"))
    return judge_file(attachment)


def judge_file(attachment):
    """A file is there when its content is in the store with the size recorded at upload."""
    blob = attachment.blob
    try:
        size = blob_size(blob)
    except FileNotFoundError:
        return _broken(_("ไม่พบไฟล์ “%(name)s” บนเซิร์ฟเวอร์ โปรดอัปโหลดไฟล์ใหม่หรือกู้คืนจากชุดสำรอง")
                       % {"name": attachment.original_name})  # fmt: skip
    except OSError:
        return _broken(_("อ่านไฟล์ “%(name)s” บนเซิร์ฟเวอร์ไม่ได้ โปรดแจ้งผู้ดูแลระบบ") % {"name": attachment.original_name})
    if size != blob.size:
        return _broken(_("ไฟล์ “%(name)s” บนเซิร์ฟเวอร์มีขนาดไม่ตรงกับที่บันทึกไว้ (ไฟล์อาจเสียหาย) โปรดอัปโหลดไฟล์ใหม่")
                       % {"name": attachment.original_name})  # fmt: skip
    return _ok()


# --- Other sites ------------------------------------------------------------------------------------------------------


class _Stop(Exception):
    """A redirect the checker will not follow; carries the verdict."""

    def __init__(self, verdict):
        super().__init__(verdict.detail)
        self.verdict = verdict


def _addresses(host, port):
    return {ipaddress.ip_address(info[4][0].split("%")[0]) for info in socket.getaddrinfo(host, port)}


def _refuse_private(url):
    """Raise _Stop unless `url` is http(s) on a host with only public addresses (no requests to internal systems)."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise _Stop(_unchecked(_("ลิงก์ส่งต่อไปยังที่อยู่ที่ไม่ใช่ http/https ระบบไม่ตามไป โปรดเปิดลิงก์ตรวจด้วยตนเอง")))
    host = (parts.hostname or "").lower()
    reason = _nowhere_reason(host) if host else _("ลิงก์ไม่มีชื่อโดเมน")
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if reason and not (literal and _is_public_ip(literal)):
        raise _Stop(_broken(reason))
    try:
        addresses = _addresses(host, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError, OSError):
        raise _Stop(_unchecked(_("ไม่ได้ตรวจ: ค้นหาชื่อโดเมนไม่สำเร็จ (เครือข่ายอาจขัดข้อง) ระบบจะตรวจอีกครั้งรอบหน้า"))) from None
    if not addresses or not all(_is_public_ip(a) for a in addresses):
        raise _Stop(_unchecked(_("ไม่ได้ตรวจ: ชื่อโดเมนชี้ไปที่เครือข่ายภายใน ระบบไม่เปิดที่อยู่ภายใน โปรดตรวจด้วยตนเอง")))


class _PublicRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to a public address (a checker must not become a way into internal systems)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _refuse_private(urljoin(req.full_url, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_external(url, *, timeout=EXTERNAL_TIMEOUT_SECONDS):
    """Ask another site for `url`: HEAD, then GET when HEAD is refused. Network trouble is never "broken"."""
    try:
        _refuse_private(url)
    except _Stop as stop:
        return stop.verdict
    opener = urllib.request.build_opener(_PublicRedirects())
    status = None
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        try:
            with opener.open(request, timeout=timeout) as response:
                return _ok(f"HTTP {response.status}")
        except _Stop as stop:
            return stop.verdict
        except urllib.error.HTTPError as error:
            status = error.code
            error.close()
            continue  # many servers refuse HEAD: ask again with GET
        except (urllib.error.URLError, TimeoutError, http.client.HTTPException, OSError, ValueError) as error:
            logger.info("link check could not reach %s: %s", url, error)
            return _unchecked(_("ไม่ได้ตรวจ: ติดต่อเว็บไซต์ปลายทางไม่ได้ (เครือข่ายขัดข้องหรือเว็บไซต์ไม่ตอบ) ระบบจะตรวจอีกครั้งรอบหน้า"))
    if status in {404, 410}:
        return _broken(_("เว็บไซต์ปลายทางแจ้งว่าไม่มีหน้านี้ (HTTP %(status)s) โปรดแก้ลิงก์") % {"status": status})
    return _unchecked(_("ไม่ได้ตรวจ: เว็บไซต์ปลายทางตอบ HTTP %(status)s โปรดเปิดลิงก์ตรวจด้วยตนเอง") % {"status": status})


# --- One run over an office -------------------------------------------------------------------------------------------


def _row(run, item, kind, url, verdict, attachment=None):
    return LinkCheck(office=run.office, item=item, attachment=attachment, url=url[:2000], kind=kind,
                     result=verdict.result, detail=verdict.detail[:300], checked_at=run.now)  # fmt: skip


def _item_rows(item, run):
    rows = []
    for href in body_links(item.body):
        verdict = judge_link(href, item=item, run=run)
        if verdict is not None:
            rows.append(_row(run, item, Kind.BODY, href, verdict))
    if item.external_url:
        verdict = judge_link(item.external_url, item=item, run=run)
        if verdict is not None:
            rows.append(_row(run, item, Kind.EXTERNAL_URL, item.external_url, verdict))
    for attachment in item.attachments.all():
        rows.append(_row(run, item, Kind.FILE, attachment.get_absolute_url(), judge_file(attachment), attachment))
    return rows


def _items_with_links(office, now):
    """The office's public items that hold a link or a file, with only what judging them reads.

    A province's office has thousands of items without either (most news); the nightly run of every office
    need not load their bodies nor parse them.
    """
    files = Attachment.objects.select_related("blob").order_by("order", "pk")
    has_file = Exists(Attachment.objects.filter(item=OuterRef("pk")))
    return (
        public_items(office, at=now)
        .filter(Q(body__icontains="href") | ~Q(external_url="") | has_file)
        .only("pk", "body", "external_url")
        .prefetch_related(Prefetch("attachments", queryset=files))
        .order_by("pk")
    )  # fmt: skip


def links_check(*, office, now=None, external=None):
    """Check every link and file of the office's public items, keep the results, and report what newly broke.

    Links are fetched before the transaction, so the database is written in one short step.
    """
    now = now or timezone.now()
    run = _Run(office=office, now=now, external=external_checks_allowed() if external is None else external,
               hosts=own_hosts(office))  # fmt: skip
    rows = []
    with translation.override(settings.LANGUAGE_CODE):  # details are kept as written, in the office's language
        for item in _items_with_links(office, now).iterator(chunk_size=500):
            rows += _item_rows(item, run)
    with transaction.atomic():
        LinkCheck.objects.filter(office=office).delete()
        LinkCheck.objects.bulk_create(rows)
        notified = _report_new_breaks(office, [row for row in rows if row.result == Result.BROKEN])
    counts = defaultdict(int)
    for row in rows:
        counts[row.result] += 1
    return {"checked": len(rows), "ok": counts[Result.OK], "broken": counts[Result.BROKEN],
            "unchecked": counts[Result.UNCHECKED], "notified": notified}  # fmt: skip


def _break_key(row):
    digest = hashlib.sha256(f"{row.kind} {row.url}".encode()).hexdigest()[:40]
    return f"{row.item_id}:{digest}"


def _report_new_breaks(office, broken):
    """Tell owners and web masters about links broken since the last report: one message per person.

    A break reported once is not reported again while it lasts; once fixed, its reminder is dropped,
    so breaking again is news again.
    """
    from khaosan.compliance.services import item_owners
    from khaosan.org.roles import Role, members
    from khaosan.workflow.notify import notify

    by_key = {_break_key(row): row for row in broken}
    sent = set(Reminder.objects.filter(office=office, kind=REMINDER_KIND).values_list("key", flat=True))
    Reminder.objects.filter(office=office, kind=REMINDER_KIND).exclude(key__in=list(by_key)).delete()
    new = [row for key, row in by_key.items() if key not in sent]
    if not new:
        return 0
    readers = defaultdict(dict)  # person pk -> {break key: row}
    people = {}
    for person in members(office, Role.WEBMASTER):
        people[person.pk] = person
        readers[person.pk].update({_break_key(row): row for row in new})
    owners_of = {}
    for row in new:
        if row.item_id not in owners_of:
            owners_of[row.item_id] = item_owners(row.item)
        for person in owners_of[row.item_id]:
            people[person.pk] = person
            readers[person.pk][_break_key(row)] = row
    with translation.override(settings.LANGUAGE_CODE):
        for pk, rows in readers.items():
            rows = sorted(rows.values(), key=lambda row: (row.item_id, row.kind, row.url))
            notify([people[pk]], pub_request=None, subject=_("พบลิงก์หรือไฟล์เสียในเว็บไซต์ %(n)s รายการ") % {"n": len(rows)},
                   message=_report_text(rows), url=reverse("backoffice:checks"))  # fmt: skip
    Reminder.objects.bulk_create(
        Reminder(office=office, kind=REMINDER_KIND, key=_break_key(row), recipients=len(readers)) for row in new
    )
    return len(readers)


def _report_text(rows):
    lines = [_("การตรวจลิงก์และไฟล์ของรายการที่เผยแพร่พบปัญหาใหม่ %(n)s รายการ:") % {"n": len(rows)}]
    for row in rows[:REPORT_LINES]:
        lines.append(f"- “{row.item.title}” ({row.get_kind_display()}): {row.url}\n  {row.detail}")
    if len(rows) > REPORT_LINES:
        lines.append(_("และอีก %(n)s รายการ") % {"n": len(rows) - REPORT_LINES})
    lines.append(_("โปรดแก้ไขลิงก์หรือไฟล์ (หรือยื่นคำขอแทนที่เนื้อหา) ระบบจะตรวจอีกครั้งในรอบถัดไป"))
    return "\n".join(lines)


# --- Text layers of PDFs (ACC-4) --------------------------------------------------------------------------------------


def image_coverage(page):
    """Return the share of the page (0 to 1) that images paint, following forms it draws a few levels deep.

    Only the scale of the current transformation matters for area, so the walk keeps its determinant.
    """
    box = page.mediabox
    area = abs(float(box.width) * float(box.height))
    if not area:
        return 0.0
    try:
        painted = _painted_area(page.get_contents(), page.get("/Resources"), page.pdf, scale=1.0, depth=0)
    except Exception:  # noqa: BLE001  a content stream pypdf cannot walk: fall back to "paints an image at all"
        return 1.0 if page_has_image(page) else 0.0
    return min(1.0, painted / area)


def _painted_area(contents, resources, pdf, *, scale, depth):
    from pypdf.generic import ContentStream

    if contents is None:
        return 0.0
    if not isinstance(contents, ContentStream):
        contents = ContentStream(contents, pdf)
    resources = resources.get_object() if resources is not None else {}
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else {}
    stack, painted = [scale], 0.0
    for operands, operator in contents.operations:
        if operator == b"q":
            stack.append(stack[-1])
        elif operator == b"Q" and len(stack) > 1:
            stack.pop()
        elif operator == b"cm" and len(operands) == 6:
            a, b, c, d = (float(x) for x in operands[:4])
            stack[-1] *= abs(a * d - b * c)
        elif operator == b"INLINE IMAGE":
            painted += stack[-1]
        elif operator == b"Do" and operands:
            xobject = xobjects.get(operands[0])
            xobject = xobject.get_object() if xobject is not None else None
            if xobject is None:
                continue
            if xobject.get("/Subtype") == "/Image":
                painted += stack[-1]
            elif xobject.get("/Subtype") == "/Form" and depth < 3:
                a, b, c, d = (float(x) for x in list(xobject.get("/Matrix", [1, 0, 0, 1, 0, 0]))[:4])
                painted += _painted_area(xobject, xobject.get("/Resources") or resources, pdf,
                                         scale=stack[-1] * abs(a * d - b * c), depth=depth + 1)  # fmt: skip
    return painted


def read_text_layer(content):
    """Return the TextLayer fields of a PDF's bytes: pages with text, scanned pages, the verdict."""
    pages = text_pages = chars = 0
    scanned = []
    try:
        for number, page, text in pdf_pages(content):
            pages += 1
            count = visible_chars(text)
            chars += count
            if count >= MIN_PAGE_CHARS:
                text_pages += 1
            elif image_coverage(page) >= SCAN_COVERAGE:
                scanned.append(number)
    except PdfUnreadable as error:
        return {"verdict": TextLayer.Verdict.UNREADABLE, "detail": error.reason}
    except Exception:  # noqa: BLE001  a damaged file: a person has to look
        return {"verdict": TextLayer.Verdict.UNREADABLE,
                "detail": _("อ่านไฟล์ PDF ไม่ได้ (ไฟล์อาจเสียหาย) โปรดส่งออกเป็น PDF ใหม่แล้วแทนที่ไฟล์")}  # fmt: skip
    if not scanned:
        verdict = TextLayer.Verdict.TEXT
    else:
        verdict = TextLayer.Verdict.PARTIAL if text_pages else TextLayer.Verdict.SCANNED
    return {"verdict": verdict, "pages": pages, "text_pages": text_pages, "scanned_pages": scanned, "chars": chars}


def text_layer_of(blob):
    """Return the blob's TextLayer, reading the file the first time (None when the file is missing on disk)."""
    layer = TextLayer.objects.filter(blob=blob).first()
    if layer is not None:
        return layer
    try:
        content = read_blob(blob)
    except OSError:
        return None  # the link check reports the missing file
    layer, _created = TextLayer.objects.get_or_create(blob=blob, defaults=read_text_layer(content))
    return layer


def text_layers_check(*, office):
    """Read the text layer of every public PDF of the office not read before (once per content)."""
    blobs = Blob.objects.filter(kind="pdf", attachments__item__in=public_items(office), text_layer__isnull=True)
    read = 0
    for blob in blobs.distinct().order_by("pk"):
        read += text_layer_of(blob) is not None
    return {"read": read}


def ocr_scans(*, office, seconds=OCR_RUN_SECONDS):
    """Read the office's public scans with OCR, where allowed and installed; make each scan findable by search."""
    from khaosan.compliance import ocr

    if not ocr.enabled():
        return {"ocr": "off"}
    if not ocr.available():
        return {"ocr": "unavailable"}
    deadline = time.monotonic() + seconds
    layers = TextLayer.objects.filter(
        blob__attachments__item__in=public_items(office), blob__ocr__isnull=True,
        verdict__in=[TextLayer.Verdict.SCANNED, TextLayer.Verdict.PARTIAL],
    ).select_related("blob").distinct().order_by("pk")  # fmt: skip
    done = failed = skipped = 0
    for layer in layers:
        if time.monotonic() >= deadline:
            break
        if len(layer.scanned_pages) > OCR_MAX_PAGES:
            skipped += 1
            continue
        try:
            output = ocr.read_scanned_pages(read_blob(layer.blob), layer.scanned_pages)
        except Exception as error:  # noqa: BLE001  one unreadable scan must not stop the others
            logger.warning("OCR of %s failed: %s", layer.blob_id, error)
            failed += 1
            continue
        ocr_text_save(blob=layer.blob, output=output, pages=layer.scanned_pages, languages=ocr.languages())
        done += 1
    return {"ocr": "on", "read": done, "failed": failed, "too_long": skipped}


@transaction.atomic
def ocr_text_save(*, blob, output, pages, languages):
    """Keep what OCR read and the searchable copy (a new Blob), and re-index every item showing the scan."""
    from khaosan.catalog import search

    copy = _store_copy(blob, output.pdf)
    OcrText.objects.update_or_create(blob=blob, defaults={"copy": copy, "text": output.text, "pages": pages,
                                                          "languages": languages})  # fmt: skip
    for item_id in (
        Attachment.objects.filter(blob=blob, item__isnull=False).values_list("item_id", flat=True).distinct()
    ):
        search.index_item(item_id)


def _store_copy(blob, pdf):
    """Store the searchable copy through the same checks as any upload; None if they refuse it (e.g. too large)."""
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from khaosan.catalog.files import inspect_upload
    from khaosan.catalog.storage import store_blob

    try:
        inspected = inspect_upload(SimpleUploadedFile(f"{blob.sha256[:16]}-ocr.pdf", pdf))
    except ValidationError as error:
        logger.warning("searchable copy of %s refused: %s", blob.sha256, "; ".join(error.messages))
        return None
    return store_blob(inspected)


# --- The whole run ----------------------------------------------------------------------------------------------------


def checks_run(*, office, now=None, external=None, ocr=True):
    """Run every check of one office: links and files, PDF text layers, then OCR of scans."""
    summary = links_check(office=office, now=now, external=external)
    summary["text_layers"] = text_layers_check(office=office)
    summary["ocr"] = ocr_scans(office=office) if ocr else {"ocr": "skipped"}
    return summary


def housekeeping_links(*, now=None):
    """The nightly job (audit.services.HOUSEKEEPING_JOBS): every office's checks; returns a summary per office."""
    from khaosan.org.models import Office

    return {office.slug: checks_run(office=office, now=now) for office in Office.objects.order_by("pk")}


# --- Selectors for the dashboard and the checks page ------------------------------------------------------------------


def _current(office, result):
    return (
        LinkCheck.objects.filter(office=office, result=result, item__in=public_items(office))
        .select_related("item", "attachment")
        .order_by("item__title", "item_id", "kind", "pk")
    )


def broken_links(office):
    """Links and files of public items that the last run found broken (GWS-7.8)."""
    return _current(office, Result.BROKEN)


def unchecked_links(office):
    """Links the last run could not check (external checks off, network trouble), with the reason."""
    return _current(office, Result.UNCHECKED)


def link_summary(office):
    """When the links were last checked, and how many are fine, broken, or could not be checked."""
    rows = LinkCheck.objects.filter(office=office, item__in=public_items(office))
    counts = dict(rows.values_list("result").annotate(n=Count("pk")).order_by())
    checked_at = LinkCheck.objects.filter(office=office).aggregate(t=Max("checked_at"))["t"]
    return {"checked_at": checked_at, "ok": counts.get(Result.OK, 0), "broken": counts.get(Result.BROKEN, 0),
            "unchecked": counts.get(Result.UNCHECKED, 0)}  # fmt: skip


@dataclass(frozen=True)
class Duplicate:
    """One file content published under several items (THAI-SITES: the same PDF under several items)."""

    blob: Blob
    attachments: list  # those of its newest items, at most DUPLICATE_ITEMS_SHOWN items
    item_count: int  # every public item of the office holding it

    @property
    def items(self):
        return list({a.item_id: a.item for a in self.attachments}.values())

    @property
    def more_items(self):
        return self.item_count - len(self.items)


def _shared_blobs(office):
    """(blob_id, n): file contents attached to n > 1 public items of the office."""
    return (
        Attachment.objects.filter(item__in=public_items(office)).values("blob_id")
        .annotate(n=Count("item_id", distinct=True)).filter(n__gt=1)
    )  # fmt: skip


def duplicate_count(office):
    """How many file contents are attached to more than one public item of the office."""
    return _shared_blobs(office).count()


def duplicate_files(office, *, limit=DUPLICATES_SHOWN, items_each=DUPLICATE_ITEMS_SHOWN):
    """Files whose content (SHA-256) is attached to more than one public item of the office, the most shared first.

    The first `limit` of them, each with the attachments of its `items_each` newest items: a province's office
    may hold one letterhead PDF under thousands of items, and the page must stay one a person can read.
    """
    counts = dict(_shared_blobs(office).order_by("-n", "blob_id").values_list("blob_id", "n")[:limit])
    newest_first = Window(RowNumber(), partition_by=[F("blob_id")], order_by=[F("item__publish_at").desc(), F("pk")])
    shown = (
        Attachment.objects.filter(item__in=public_items(office), blob_id__in=list(counts))
        .annotate(rank=newest_first).filter(rank__lte=items_each).values_list("pk", flat=True)
    )  # fmt: skip
    attachments = (
        Attachment.objects.filter(pk__in=list(shown)).select_related("item", "blob")
        .only("original_name", "item__title", "item__publish_at", "blob__size")
        .order_by("blob_id", "-item__publish_at", "pk")
    )  # fmt: skip
    groups = defaultdict(list)
    for attachment in attachments:
        groups[attachment.blob_id].append(attachment)
    duplicates = [Duplicate(blob=group[0].blob, attachments=group, item_count=counts[blob_id])
                  for blob_id, group in groups.items()]  # fmt: skip
    return sorted(duplicates, key=lambda d: (-d.item_count, d.attachments[0].original_name))


def inaccessible_pdfs(office):
    """Public PDFs without a real text layer (scans) or that cannot be read: screen readers and search miss them."""
    return (
        Attachment.objects.filter(
            item__in=public_items(office), blob__kind="pdf",
            blob__text_layer__verdict__in=[TextLayer.Verdict.SCANNED, TextLayer.Verdict.PARTIAL,
                                           TextLayer.Verdict.UNREADABLE],
        )
        .select_related("item", "blob__text_layer", "blob__ocr")
        .order_by("item__title", "item_id", "order", "pk")
    )  # fmt: skip


def unread_pdfs(office):
    """Public PDFs whose text layer no run has read yet (published since the last run)."""
    return Attachment.objects.filter(item__in=public_items(office), blob__kind="pdf", blob__text_layer__isnull=True)


def ocr_copy_for(*, office, sha256):
    """Return the OcrText of a scan attached to an item of `office` (any state: staff may see the archive), or None."""
    return (
        OcrText.objects.filter(blob_id=sha256, copy__isnull=False, blob__attachments__office=office)
        .select_related("blob", "copy")
        .first()
    )
