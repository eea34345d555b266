"""The link checker (GWS-7.8, THAI-SITES "Problems to beat"): what is broken, what could not be checked, who is told."""

import datetime as dt
import http.server
import io
import ipaddress
import socket
import threading

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from khaosan.audit.models import Heartbeat
from khaosan.catalog.services import item_update, item_withdraw
from khaosan.compliance import checks
from khaosan.compliance.models import LinkCheck, Reminder
from khaosan.org.models import Unit
from khaosan.workflow.models import Notification, PublicationRequest
from tests.conftest import make_person, pdf_bytes, upload

pytestmark = pytest.mark.django_db

BROKEN, OK, UNCHECKED = LinkCheck.Result.BROKEN, LinkCheck.Result.OK, LinkCheck.Result.UNCHECKED


def body_with(*hrefs):
    return "<p>" + " ".join(f'<a href="{href}">หลักฐาน {n}</a>' for n, href in enumerate(hrefs, 1)) + "</p>"


def results(item):
    return {(row.kind, row.url): (row.result, row.detail) for row in LinkCheck.objects.filter(item=item)}


def test_a_link_to_a_withdrawn_expired_or_missing_item_is_broken_and_to_a_public_one_is_fine(publish, office, clock):
    live = publish(title="รายงานผลการดำเนินงาน")
    withdrawn = publish(title="ประกาศที่ถอนแล้ว")
    expiring = publish(title="ประกาศที่จะหมดอายุ", expire_at=clock.now + dt.timedelta(hours=1))
    page = publish(title="หน้ารวมหลักฐาน ITA", body=body_with(
        f"/item/{live.pk}/", f"/item/{withdrawn.pk}/", f"/item/{expiring.pk}/", "/item/999999/",
        f"/en/item/{live.pk}/", f"/item/{live.pk}",
    ))  # fmt: skip
    item_withdraw(item=withdrawn, reason="ข้อมูลไม่ถูกต้อง")
    clock.advance(hours=2)

    checks.links_check(office=office)

    found = results(page)
    assert found[("body", f"/item/{live.pk}/")][0] == OK
    assert found[("body", f"/en/item/{live.pk}/")][0] == OK
    assert found[("body", f"/item/{live.pk}")][0] == OK  # Django adds the slash
    assert found[("body", f"/item/{withdrawn.pk}/")] == (BROKEN, "รายการที่ลิงก์ไปถูกถอนการเผยแพร่แล้ว โปรดลิงก์ไปที่รายการที่ใช้แทน")
    assert found[("body", f"/item/{expiring.pk}/")] == (
        BROKEN,
        "รายการที่ลิงก์ไปหมดระยะเวลาเผยแพร่แล้ว โปรดลิงก์ไปที่รายการที่ใช้แทน",
    )
    assert found[("body", "/item/999999/")] == (BROKEN, "ไม่มีรายการที่ลิงก์ไป โปรดแก้ลิงก์")


def test_a_file_missing_on_disk_or_of_the_wrong_size_is_broken_and_so_are_links_to_it(publish, office):
    item = publish(title="แผนปฏิบัติการ", files=[upload("แผน.pdf", pdf_bytes()), upload("งบ.pdf", pdf_bytes(2))])
    missing, truncated = item.attachments.order_by("pk")
    page = publish(title="หลักฐาน", body=body_with(missing.get_absolute_url(), truncated.get_absolute_url()))
    missing.blob.path.unlink()
    truncated.blob.path.write_bytes(b"%PDF-1.4 cut short")

    checks.links_check(office=office)

    files = results(item)
    assert files[("file", missing.get_absolute_url())] == (
        BROKEN,
        "ไม่พบไฟล์ “แผน.pdf” บนเซิร์ฟเวอร์ โปรดอัปโหลดไฟล์ใหม่หรือกู้คืนจากชุดสำรอง",
    )
    assert files[("file", truncated.get_absolute_url())][0] == BROKEN
    assert "ขนาดไม่ตรง" in files[("file", truncated.get_absolute_url())][1]
    links = results(page)
    assert links[("body", missing.get_absolute_url())][0] == BROKEN
    assert links[("body", truncated.get_absolute_url())][0] == BROKEN


def test_a_file_link_of_an_item_that_is_no_longer_public_is_broken(publish, office):
    old = publish(title="ประกาศเดิม", files=[upload("ประกาศ.pdf", pdf_bytes())])
    attachment = old.attachments.get()
    page = publish(title="หลักฐาน", body=body_with(attachment.get_absolute_url()))
    item_withdraw(item=old, reason="แทนที่ด้วยฉบับใหม่")

    checks.links_check(office=office)

    assert results(page)[("body", attachment.get_absolute_url())][0] == BROKEN


@pytest.mark.parametrize("href, says", [
    ("#", "ลิงก์ว่าง (#)"),
    ("", "ลิงก์ว่าง (#)"),
    ("#section-2", "ลิงก์ว่าง (#)"),
    ("http://localhost:8000/ita/2569.pdf", "localhost"),
    ("http://127.0.0.1/ita/", "เครือข่ายภายใน (127.0.0.1)"),
    ("http://192.168.1.10/docs/ita.pdf", "เครือข่ายภายใน (192.168.1.10)"),
    ("http://110.164.1.20:8080/ita", "เลขที่อยู่ IP (110.164.1.20)"),
    ("http://intranet/ita", "ระบบภายในสำนักงาน"),
    ("/backoffice/requests/", "ระบบหลังบ้าน"),
    ("/no-such-page/", "ไม่มีหน้านี้ในเว็บไซต์"),
    ("http:///ita.pdf", "ไม่มีชื่อเว็บไซต์"),
])  # fmt: skip
def test_evidence_links_that_point_nowhere_are_broken(publish, office, href, says):
    page = publish(title="หลักฐาน MOIT", body=body_with(href))
    checks.links_check(office=office)
    result, detail = results(page)[("body", href)]
    assert result == BROKEN and says in detail


def test_a_link_back_to_the_same_page_is_broken(publish, office):
    page = publish(title="หลักฐาน MOIT 1")
    item_update(item=page, body=body_with(f"/item/{page.pk}/", f"https://ssobanluang.go.th/item/{page.pk}/"))
    office.hostname = "ssobanluang.go.th"
    office.save()

    checks.links_check(office=office)

    found = results(page)
    assert found[("body", f"/item/{page.pk}/")][0] == BROKEN
    assert "หน้าเดียวกันนี้" in found[("body", f"/item/{page.pk}/")][1]
    assert found[("body", f"https://ssobanluang.go.th/item/{page.pk}/")][0] == BROKEN  # own domain: resolved here


def test_items_without_links_or_files_are_skipped_and_a_link_in_capitals_is_not(publish, office, clock):
    for n in range(20):
        publish(title=f"ข่าวไม่มีลิงก์ {n}", body="<p>ข่าวประชาสัมพันธ์ <strong>ไม่มีลิงก์</strong></p>")
    shouting = publish(title="ลิงก์ตัวใหญ่", body='<P><A HREF="/item/999999/">หลักฐาน</A></P>')
    with_file = publish(title="มีไฟล์", files=[upload("ประกาศ.pdf", pdf_bytes(1))])

    assert [item.pk for item in checks._items_with_links(office, clock.now)] == [shouting.pk, with_file.pk]
    checks.links_check(office=office)

    assert results(shouting)[("body", "/item/999999/")][0] == BROKEN
    assert [result for result, _ in results(with_file).values()] == [OK]


def test_mail_and_phone_links_are_not_pages_and_are_not_listed(publish, office):
    page = publish(title="ติดต่อ", body=body_with("mailto:ssobanluang@example.go.th", "tel:054761234"))
    checks.links_check(office=office)
    assert results(page) == {}


def test_external_links_are_not_checked_when_checking_is_off(publish, office, settings):
    settings.KHAOSAN = {**settings.KHAOSAN, "CHECK_EXTERNAL_LINKS": False}
    page = publish(title="ลิงก์หน่วยงาน", body=body_with("https://www.moph.go.th/"), external_url="https://nan.go.th/ita")

    summary = checks.links_check(office=office)

    found = results(page)
    for key in [("body", "https://www.moph.go.th/"), ("external_url", "https://nan.go.th/ita")]:
        result, detail = found[key]
        assert result == UNCHECKED
        assert detail.startswith("ไม่ได้ตรวจ") and "KHAOSAN_CHECK_EXTERNAL_LINKS" in detail
    assert summary["unchecked"] == 2 and summary["broken"] == 0


def test_a_network_failure_is_could_not_check_never_broken(publish, office, settings, monkeypatch):
    settings.KHAOSAN = {**settings.KHAOSAN, "CHECK_EXTERNAL_LINKS": True}

    def no_dns(host, port):
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    monkeypatch.setattr(checks, "_addresses", no_dns)
    page = publish(title="ลิงก์หน่วยงาน", external_url="https://nan.go.th/ita")

    checks.links_check(office=office)

    result, detail = results(page)[("external_url", "https://nan.go.th/ita")]
    assert result == UNCHECKED and "เครือข่าย" in detail


class _Site(http.server.BaseHTTPRequestHandler):
    """A small web site on 127.0.0.1 standing in for another agency's."""

    def _answer(self, body):
        routes = {
            "/ok": (200, {}),
            "/gone": (404, {}),
            "/no-head": (405 if self.command == "HEAD" else 200, {}),
            "/moved": (301, {"Location": "/ok"}),
            "/to-internal": (302, {"Location": "http://10.1.2.3/secret"}),
            "/to-internal-name": (302, {"Location": "http://printer.internal/"}),
            "/broken-server": (500, {}),
        }
        status, headers = routes.get(self.path, (404, {}))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "2" if body else "0")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(body=False)

    def do_GET(self):
        self._answer(body=True)

    def log_message(self, *args):
        pass


@pytest.fixture
def site(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)  # the stand-in site is asked directly
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    loopback = ipaddress.ip_address("127.0.0.1")
    # This test's stand-in site is on 127.0.0.1: count that one address as public, and nothing else.
    monkeypatch.setattr(checks, "_is_public_ip", lambda address: address.is_global or address == loopback)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_external_links_are_asked_with_head_then_get_and_never_followed_inside(site):
    assert checks.check_external(f"{site}/ok").result == OK
    assert checks.check_external(f"{site}/moved").result == OK
    assert checks.check_external(f"{site}/no-head").result == OK  # HEAD refused, GET answered
    assert checks.check_external(f"{site}/gone") == checks.Verdict(
        BROKEN, "เว็บไซต์ปลายทางแจ้งว่าไม่มีหน้านี้ (HTTP 404) โปรดแก้ลิงก์"
    )
    assert checks.check_external(f"{site}/broken-server").result == UNCHECKED
    internal = checks.check_external(f"{site}/to-internal")
    assert internal.result == BROKEN and "10.1.2.3" in internal.detail
    assert checks.check_external(f"{site}/to-internal-name").result == BROKEN


def test_a_site_that_does_not_answer_is_could_not_check(site):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    assert checks.check_external(f"http://127.0.0.1:{port}/ita").result == UNCHECKED


def broken_page(publish, **fields):
    return publish(title="หน้ารวมหลักฐาน ITA", body=body_with("http://localhost/ita.pdf"), **fields)


def test_the_report_reaches_web_masters_and_the_owner_unit_once(
    publish, office, people, django_capture_on_commit_callbacks
):
    page = broken_page(publish, owner_unit=Unit.objects.get(office=office, code="procurement"))

    with django_capture_on_commit_callbacks(execute=True):
        summary = checks.links_check(office=office)

    told = {n.recipient.username for n in Notification.objects.all()}
    assert told == {"pimchanok", "thanakorn", "kanya", "arunee"}  # both web masters, and the owner unit's staff
    assert summary["notified"] == 4
    note = Notification.objects.get(recipient=people["webmaster"])
    assert note.pub_request is None and note.url == "/backoffice/checks/"
    assert "หน้ารวมหลักฐาน ITA" in note.message and "http://localhost/ita.pdf" in note.message
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"{u}@example.go.th" for u in told)

    with django_capture_on_commit_callbacks(execute=True):
        again = checks.links_check(office=office)
    assert again["notified"] == 0
    assert Notification.objects.count() == 4 and len(mail.outbox) == 4
    assert LinkCheck.objects.filter(item=page, result=BROKEN).count() == 1  # replaced, not added


def test_the_requester_is_the_owner_when_the_item_came_from_a_request(publish, office, people):
    page = broken_page(publish, owner_unit=Unit.objects.get(office=office, code="procurement"))
    PublicationRequest.objects.create(
        office=office, number=1, requester=people["requester"], requester_name="นายสมชาย ใจดี",
        requester_unit=people["requester"].unit, title=page.title, item=page, state="published",
    )  # fmt: skip

    checks.links_check(office=office)

    told = set(Notification.objects.values_list("recipient__username", flat=True))
    assert told == {"pimchanok", "thanakorn", "somchai"}


def test_one_message_per_person_per_run_whatever_the_number_of_breaks(publish, office, people):
    broken_page(publish)
    broken_page(publish, external_url="http://192.168.0.5/ita")

    checks.links_check(office=office)

    assert Notification.objects.filter(recipient=people["webmaster"]).count() == 1
    assert "3 รายการ" in Notification.objects.get(recipient=people["webmaster"]).subject


def test_a_link_that_is_fixed_and_breaks_again_is_news_again(publish, office, people):
    page = broken_page(publish)
    checks.links_check(office=office)
    item_update(item=page, body=body_with("/"))
    checks.links_check(office=office)
    assert not Reminder.objects.filter(kind=checks.REMINDER_KIND).exists()

    item_update(item=page, body=body_with("http://localhost/ita.pdf"))
    checks.links_check(office=office)

    assert Notification.objects.filter(recipient=people["webmaster"]).count() == 2


def test_a_new_break_is_reported_alone_beside_old_ones(publish, office, people):
    broken_page(publish)
    checks.links_check(office=office)
    publish(title="ประกาศใหม่", body=body_with("#"))

    checks.links_check(office=office)

    latest = Notification.objects.filter(recipient=people["webmaster"]).order_by("-pk").first()
    assert "ประกาศใหม่" in latest.message and "หน้ารวมหลักฐาน ITA" not in latest.message


def test_no_message_when_nothing_is_broken(publish, office, people):
    publish(title="ประกาศ", body=body_with("/"), files=[upload("ประกาศ.pdf", pdf_bytes())])
    summary = checks.links_check(office=office)
    assert summary["broken"] == 0 and not Notification.objects.exists()


def test_results_are_scoped_to_the_office_and_to_what_is_public_now(publish, office, other_office, people):
    page = broken_page(publish)
    broken_page(publish, office=other_office)
    checks.links_check(office=office)
    checks.links_check(office=other_office)

    assert [row.item for row in checks.broken_links(office)] == [page]
    item_withdraw(item=page, reason="ถอน")
    assert list(checks.broken_links(office)) == []  # it left the site, so it left the checks


def test_the_housekeeping_job_and_the_command_run_the_checks(publish, office, people):
    page = broken_page(publish)
    call_command("housekeeping", stdout=io.StringIO())
    assert LinkCheck.objects.filter(item=page, result=BROKEN).exists()
    assert Heartbeat.objects.get(job="compliance.links").last_ok is True

    out = io.StringIO()
    call_command("compliance_links", "--office", "banluang", "--no-ocr", stdout=out)
    assert '"broken": 1' in out.getvalue()
    with pytest.raises(CommandError):
        call_command("compliance_links", "--office", "nowhere", stdout=io.StringIO())


def test_staff_of_the_owner_unit_who_left_are_not_told(publish, office, people):
    gone = make_person(office, "former", unit_code="procurement")
    gone.is_active = False
    gone.save()
    broken_page(publish, owner_unit=Unit.objects.get(office=office, code="procurement"))

    checks.links_check(office=office)

    assert not Notification.objects.filter(recipient=gone).exists()
