"""Machine-readable pages, headers, visitor counts and the language switch."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from khaosan.public.models import DailyVisits

pytestmark = pytest.mark.django_db


def test_sitemap_lists_public_items_only(client, publish, clock):
    now = clock.now
    visible = publish(title="อยู่")
    expired = publish(title="หมด", at=now - dt.timedelta(days=3), expire_at=now - dt.timedelta(days=1))
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = [el.text for el in ET.fromstring(index.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(s.endswith("/sitemap-items.xml") for s in sections)
    locs = []
    for section in sections:
        page = client.get(section.replace("http://testserver", ""))
        assert page.status_code == 200
        locs += [el.text for el in ET.fromstring(page.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(loc.endswith(visible.get_absolute_url()) for loc in locs)
    assert not any(loc.endswith(expired.get_absolute_url()) for loc in locs)
    assert any(loc.endswith("/c/general/") for loc in locs)


def test_the_sitemap_drops_an_item_at_its_expiry_instant_even_when_cached(client, publish, clock):
    clock.freeze()
    now = clock.now
    item = publish(title="หมดอายุเร็ว", at=now - dt.timedelta(days=1), expire_at=now + dt.timedelta(minutes=5))
    assert item.get_absolute_url() in client.get("/sitemap-items.xml").content.decode()
    clock.advance(minutes=5)
    assert item.get_absolute_url() not in client.get("/sitemap-items.xml").content.decode()


def test_robots_names_the_sitemap(client, office):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body and "Disallow: /admin/" in body


@pytest.mark.parametrize("path", ["/feeds/news/", "/feeds/news/atom/"])
def test_news_feeds_carry_public_news_only(client, publish, path, clock):
    now = clock.now
    publish("general-news", "ข่าวล่าสุด")
    publish("general-news", "ข่าวตั้งเวลา", at=now + dt.timedelta(days=1))
    publish("job-announcements", "ประกาศรับสมัครงาน")
    body = client.get(path).content.decode()
    assert "ข่าวล่าสุด" in body and "ข่าวตั้งเวลา" not in body and "ประกาศรับสมัครงาน" not in body


def test_announcement_feed(client, publish):
    publish("procurement-announcements", "ประกาศจัดซื้อวัสดุการแพทย์")
    assert "ประกาศจัดซื้อวัสดุการแพทย์" in client.get("/feeds/announcements/").content.decode()


def test_healthz(client, office):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_security_headers_forbid_inline_script_and_framing(client, office):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_pages_set_no_cookies(client, publish):
    item = publish()
    for path in ("/", item.get_absolute_url(), "/search/?q=ข่าว", "/en/", "/participation/", "/participation/faq/",
                 "/participation/faq/?q=วัคซีน"):  # fmt: skip
        assert not client.get(path).cookies, path


# The one exception, chosen knowingly: pages with a form a citizen posts (complaints, feedback, questions, the
# status lookup, the survey) set Django's CSRF cookie, which a post without a session needs against forged
# posts from other sites (they would file in a visitor's name and from their address, dodging rate limits).
# It is strictly necessary (PDPA: no consent needed), HttpOnly and SameSite=Lax; no session cookie is set, and
# the privacy policy says so. Every other public page stays cookie-free.
FORM_PAGES = ("/participation/complaint/service/", "/participation/complaint/corruption/", "/participation/feedback/",
              "/participation/question/", "/participation/status/", "/participation/satisfaction/")  # fmt: skip


def test_public_form_pages_set_only_the_csrf_cookie(client, office):
    from django.conf import settings

    for path in FORM_PAGES:
        client.cookies.clear()
        cookies = client.get(path).cookies
        assert set(cookies) == {settings.CSRF_COOKIE_NAME}, path
        assert (
            cookies[settings.CSRF_COOKIE_NAME]["httponly"] and cookies[settings.CSRF_COOKIE_NAME]["samesite"] == "Lax"
        )


def test_visitors_are_counted_once_a_day_without_cookies(client, office):
    client.get("/", HTTP_USER_AGENT="Mozilla/5.0 phone")
    client.get("/contact/", HTTP_USER_AGENT="Mozilla/5.0 phone")
    client.get("/", HTTP_USER_AGENT="Mozilla/5.0 desktop")
    client.get("/", HTTP_USER_AGENT="Googlebot/2.1")
    client.get("/feeds/news/", HTTP_USER_AGENT="Mozilla/5.0 reader")
    today = DailyVisits.objects.get(office=office)
    assert (today.visitors, today.page_views) == (2, 3)


def test_behind_nginx_visitors_are_told_apart_by_the_address_the_proxy_names(client, office):
    """REMOTE_ADDR is the proxy (127.0.0.1) for everyone; the trusted proxy's header names each visitor."""
    for address in ("203.0.113.5", "203.0.113.6", "203.0.113.5"):
        client.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address, HTTP_USER_AGENT="Mozilla/5.0 same")
    client.get("/", REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="203.0.113.7", HTTP_USER_AGENT="Mozilla/5.0 same")
    client.get("/", REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="203.0.113.8", HTTP_USER_AGENT="Mozilla/5.0 same")
    today = DailyVisits.objects.get(office=office)
    # Two visitors behind the proxy, and one untrusted peer whatever address it writes into the header.
    assert (today.visitors, today.page_views) == (3, 5)


def test_footer_shows_visitor_counts_and_the_viewers_needed(client, office, clock):
    DailyVisits.objects.create(office=office, date=clock.today, visitors=7, page_views=20)
    html = client.get("/", HTTP_USER_AGENT="Googlebot/2.1").content.decode()
    assert "ผู้เข้าชมวันนี้ <strong>7</strong>" in html and "Adobe Acrobat Reader" in html and "LibreOffice" in html


def test_a_visit_after_midnight_in_bangkok_counts_for_the_bangkok_day(client, office, clock):
    clock.move_to("2026-06-30T17:30:00+00:00")  # 1 July 00:30 in Bangkok, still 30 June in UTC
    client.get("/", HTTP_USER_AGENT="Mozilla/5.0 phone")
    assert list(DailyVisits.objects.values_list("date", "visitors")) == [(dt.date(2026, 7, 1), 1)]


def test_the_footer_counts_today_and_this_month_in_bangkok_time(client, office, clock):
    clock.move_to("2026-06-30T23:30:00+00:00")  # 1 July 06:30 in Bangkok
    DailyVisits.objects.create(office=office, date=dt.date(2026, 6, 30), visitors=5, page_views=9)
    DailyVisits.objects.create(office=office, date=dt.date(2026, 7, 1), visitors=2, page_views=3)
    html = client.get("/", HTTP_USER_AGENT="Googlebot/2.1").content.decode()
    assert "ผู้เข้าชมวันนี้ <strong>2</strong>" in html and "เดือนนี้ <strong>2</strong>" in html
    assert "ทั้งหมด <strong>7</strong>" in html


def test_english_switch_keeps_the_page(client, publish):
    item = publish()
    html = client.get(item.get_absolute_url()).content.decode()
    assert f'href="/en{item.get_absolute_url()}"' in html
    english = client.get(f"/en{item.get_absolute_url()}").content.decode()
    assert '<html lang="en">' in english


def test_media_is_not_served_by_django_outside_development(client, office, settings):
    from pathlib import Path

    (Path(settings.MEDIA_ROOT) / "office").mkdir(parents=True)
    (Path(settings.MEDIA_ROOT) / "office" / "emblem.png").write_bytes(b"\x89PNG emblem")
    assert not settings.DEBUG
    assert client.get("/media/office/emblem.png").status_code == 404
