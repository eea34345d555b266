"""Spam and abuse protection with nothing outside the machine: a honeypot, limits per address, a Thai challenge."""

import re

import pytest

from khaosan.participation import ratelimit
from khaosan.participation.models import Complaint, Feedback, SatisfactionResponse
from tests.participation.conftest import COMPLAINT, code_in, complaint

pytestmark = pytest.mark.django_db

FEEDBACK = {"detail": "ควรมีป้ายบอกทางไปห้องฉีดวัคซีน"}
TOKEN = re.compile(r'name="challenge_token" value="([^"]+)"')
QUESTION = re.compile(r"ไม่ใช่โปรแกรมอัตโนมัติ: (\S+) บวก (\S+) เท่ากับเท่าไร")
WORDS = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]


def _solve(html):
    a, b = QUESTION.search(html).groups()
    return TOKEN.search(html).group(1), WORDS.index(a) + WORDS.index(b)


def _use_up(client, limit, url="/participation/feedback/", data=FEEDBACK, **extra):
    for _ in range(limit.soft):
        assert client.post(url, data, **extra).status_code == 200


def test_beyond_the_soft_limit_the_form_asks_a_thai_question_with_429_and_keeps_what_was_typed(client, office):
    _use_up(client, ratelimit.SUBMIT)
    response = client.post("/participation/feedback/", {"detail": "ข้อความที่ยังอยู่ครบ"})
    html = response.content.decode()
    assert response.status_code == 429
    assert "ท่านส่งแบบฟอร์มหลายครั้งในเวลาสั้น ๆ" in html and "ข้อความที่ยังอยู่ครบ" in html
    assert QUESTION.search(html) and Feedback.objects.count() == ratelimit.SUBMIT.soft
    token, answer = _solve(html)
    passed = client.post("/participation/feedback/", {"detail": "ข้อความที่ยังอยู่ครบ", "challenge_token": token,
                                                      "challenge_answer": str(answer)})  # fmt: skip
    code_in(passed)
    assert Feedback.objects.count() == ratelimit.SUBMIT.soft + 1


def test_a_wrong_answer_or_a_used_token_is_asked_again(client, office):
    _use_up(client, ratelimit.SUBMIT)
    token, answer = _solve(client.post("/participation/feedback/", FEEDBACK).content.decode())
    wrong = client.post(
        "/participation/feedback/", FEEDBACK | {"challenge_token": token, "challenge_answer": str(answer + 1)}
    )
    assert wrong.status_code == 429
    thai_digits = str(answer).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert client.post("/participation/feedback/", FEEDBACK | {"challenge_token": token,
                                                               "challenge_answer": thai_digits}).status_code == 200  # fmt: skip
    again = client.post(
        "/participation/feedback/", FEEDBACK | {"challenge_token": token, "challenge_answer": str(answer)}
    )
    assert again.status_code == 429


def test_a_token_works_only_from_the_address_it_was_given_to(client, office):
    _use_up(client, ratelimit.SUBMIT, REMOTE_ADDR="198.51.100.1")
    token, answer = _solve(
        client.post("/participation/feedback/", FEEDBACK, REMOTE_ADDR="198.51.100.1").content.decode()
    )
    _use_up(client, ratelimit.SUBMIT, REMOTE_ADDR="198.51.100.2")
    elsewhere = client.post("/participation/feedback/", FEEDBACK | {"challenge_token": token, "challenge_answer": answer},
                            REMOTE_ADDR="198.51.100.2")  # fmt: skip
    assert elsewhere.status_code == 429


def test_beyond_the_hard_limit_the_answer_is_a_thai_429_with_retry_after(client, office):
    for _ in range(ratelimit.SUBMIT.hard):
        client.post("/participation/feedback/", FEEDBACK)
    response = client.post("/participation/feedback/", FEEDBACK)
    html = response.content.decode()
    assert response.status_code == 429 and "ส่งบ่อยเกินไป โปรดรอสักครู่" in html and "โปรดรอประมาณ" in html
    assert 0 < int(response["Retry-After"]) <= ratelimit.SUBMIT.window
    assert "0 5476 1234" in html  # the office's phone, for what cannot wait


def test_the_window_ends_and_posting_works_again(client, office, clock):
    for _ in range(ratelimit.SUBMIT.hard + 1):
        client.post("/participation/feedback/", FEEDBACK)
    clock.advance(seconds=ratelimit.SUBMIT.window)
    code_in(client.post("/participation/feedback/", FEEDBACK))


def test_limits_count_per_client_as_the_trusted_proxy_names_it(client, office):
    """Behind nginx every request comes from 127.0.0.1: the forwarded address is what is counted."""
    _use_up(client, ratelimit.SUBMIT, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert client.post("/participation/feedback/", FEEDBACK, REMOTE_ADDR="127.0.0.1",
                       HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 429  # fmt: skip
    assert client.post("/participation/feedback/", FEEDBACK, REMOTE_ADDR="127.0.0.1",
                       HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 200  # fmt: skip
    # An untrusted peer cannot dodge its limit by writing another address into the header.
    _use_up(client, ratelimit.SUBMIT, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.50")
    assert client.post("/participation/feedback/", FEEDBACK, REMOTE_ADDR="198.51.100.7",
                       HTTP_X_FORWARDED_FOR="203.0.113.51").status_code == 429  # fmt: skip


def test_status_lookups_are_limited_too(client, office):
    _case, code = complaint(office)
    for _ in range(ratelimit.LOOKUP.soft):
        assert client.post("/participation/status/", {"code": "ZZZZ-ZZZZ-ZZZZ"}).status_code == 200
    asked = client.post("/participation/status/", {"code": code})
    assert asked.status_code == 429 and "ร.1/2569" not in asked.content.decode()
    token, answer = _solve(asked.content.decode())
    shown = client.post("/participation/status/", {"code": code, "challenge_token": token, "challenge_answer": answer})
    assert shown.status_code == 200 and "ร.1/2569" in shown.content.decode()
    for _ in range(ratelimit.LOOKUP.hard):
        client.post("/participation/status/", {"code": code})
    refused = client.post("/participation/status/", {"code": code})
    assert refused.status_code == 429 and "ส่งบ่อยเกินไป" in refused.content.decode()


def test_a_filled_honeypot_files_nothing_and_says_why(client, office):
    response = client.post("/participation/complaint/service/", COMPLAINT | {ratelimit.HONEYPOT: "http://spam.example"})
    html = response.content.decode()
    assert response.status_code == 400 and "ช่องที่ต้องเว้นว่างมีข้อความ" in html
    assert "รอรับบริการนานเกินสามชั่วโมง" in html and "http://spam.example" not in html
    assert not Complaint.objects.exists()
    response = client.post("/participation/satisfaction/", {"score": "5", ratelimit.HONEYPOT: "x"})
    assert response.status_code == 400 and not SatisfactionResponse.objects.exists()


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client, office):
    html = client.get("/participation/feedback/").content.decode()
    assert f'<div class="hp"><label for="id_{ratelimit.HONEYPOT}">' in html
    css = (client.get("/static/khaosan/site.css").getvalue()).decode()
    assert ".hp { display: none !important; }" in css
