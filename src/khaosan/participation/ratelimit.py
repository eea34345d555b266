"""Spam and abuse protection for the public forms, with nothing outside this machine.

Three layers, all server-side so the forms work without JavaScript:

1. A honeypot field hidden from people (CSS `display: none`, so screen readers skip it too): a program
   that fills every field is refused.
2. A counter per client address (khaosan.clients.client_address: the address the trusted proxy names)
   in fixed windows, kept in Django's cache alias "participation". Beyond `soft` posts in a window the
   form asks a question first (the challenge), beyond `hard` it refuses until the window ends. Both
   answer 429 with a Thai page. The cache must be shared by all workers (settings.CACHES explains).
3. The challenge: a sum written in Thai words ("สาม บวก ห้า"), drawn on the server. Its answer is not in
   the page: the form carries a signed token with an HMAC of (nonce, answer, client address), so
   a program cannot work the answer out from the page, each token works once, for ten minutes, and only
   from the address it was given to.
"""

import secrets
from dataclasses import dataclass

from django.core import signing
from django.core.cache import caches
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from khaosan.clients import client_address

HONEYPOT = "leave_empty"
CHALLENGE_TOKEN, CHALLENGE_ANSWER = "challenge_token", "challenge_answer"
CHALLENGE_SECONDS = 600
_SALT = "khaosan.participation.challenge"


@dataclass(frozen=True)
class Limit:
    """At most `soft` posts per `window` seconds from one address without a challenge, `hard` with one."""

    scope: str
    soft: int
    hard: int
    window: int


# Filing: a person who fixes a form three times still files without a question; a flood does not.
SUBMIT = Limit("submit", soft=5, hard=20, window=3600)
# Status lookups: codes are unguessable (codes.py), and this keeps trying them slow.
LOOKUP = Limit("lookup", soft=10, hard=30, window=900)

OK, CHALLENGE, REFUSED = "ok", "challenge", "refused"


def _cache():
    return caches["participation"]


def _key(request, limit):
    office_id = getattr(getattr(request, "office", None), "pk", 0)
    window = int(timezone.now().timestamp()) // limit.window
    return f"rl:{limit.scope}:{office_id}:{client_address(request) or 'unknown'}:{window}"


def count_post(request, limit):
    """Count one post from the client in the current window and return the new count."""
    cache, key = _cache(), _key(request, limit)
    if cache.add(key, 1, timeout=limit.window + 60):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=limit.window + 60)
        return 1


def verdict(count, limit):
    if count > limit.hard:
        return REFUSED
    if count > limit.soft:
        return CHALLENGE
    return OK


def retry_after(limit):
    """Seconds until the current window ends."""
    return limit.window - int(timezone.now().timestamp()) % limit.window


# The challenge -------------------------------------------------------------------------------------------

_WORDS = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า", "สิบ"]
_EN_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_ANSWER_WORDS = {word: n for n, word in enumerate(_WORDS)} | {word: n for n, word in enumerate(_EN_WORDS)}
_ANSWER_WORDS |= {"สิบเอ็ด": 11, "สิบสอง": 12, "สิบสาม": 13, "สิบสี่": 14, "สิบห้า": 15, "สิบหก": 16, "สิบเจ็ด": 17,
                  "สิบแปด": 18}  # fmt: skip
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _mac(nonce, answer, address):
    return salted_hmac(_SALT, f"{nonce}:{answer}:{address or ''}").hexdigest()


@dataclass(frozen=True)
class Challenge:
    question: str
    token: str


def challenge_new(request):
    """Draw a question in words and the token that checks its answer."""
    from django.utils.translation import get_language

    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    words = _EN_WORDS if (get_language() or "th").startswith("en") else _WORDS
    nonce = secrets.token_urlsafe(12)
    token = signing.dumps({"n": nonce, "m": _mac(nonce, a + b, client_address(request))}, salt=_SALT)
    question = _("%(a)s บวก %(b)s เท่ากับเท่าไร (ตอบเป็นตัวเลขหรือตัวหนังสือก็ได้)") % {"a": words[a], "b": words[b]}
    return Challenge(question=question, token=token)


def _answer_number(text):
    text = (text or "").strip().translate(_THAI_DIGITS).replace(" ", "").lower()
    if text.isdigit():
        return int(text)
    return _ANSWER_WORDS.get(text)


def challenge_passed(request):
    """True when the post answers a challenge given to this address in the last ten minutes, for the first time."""
    token = request.POST.get(CHALLENGE_TOKEN, "")
    number = _answer_number(request.POST.get(CHALLENGE_ANSWER, ""))
    if not token or number is None:
        return False
    try:
        payload = signing.loads(token, salt=_SALT, max_age=CHALLENGE_SECONDS)
    except signing.BadSignature:
        return False
    nonce, mac = payload.get("n", ""), payload.get("m", "")
    if not constant_time_compare(mac, _mac(nonce, number, client_address(request))):
        return False
    return _cache().add(f"challenge-used:{nonce}", 1, timeout=CHALLENGE_SECONDS + 60)


def honeypot_filled(request):
    return bool(request.POST.get(HONEYPOT, "").strip())
