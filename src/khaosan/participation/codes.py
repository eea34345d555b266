"""Tracking codes (รหัสติดตาม): what a citizen holds to see where their complaint stands, without an account.

A code is a bearer secret, like a password: whoever has it sees the status and the office's replies. So
it is drawn with `secrets` from an alphabet without look-alikes (no 0/O, 1/I/L), 12 characters long
(31**12 ≈ 2**59: at the lookup rate limit an attacker would need far longer than the universe has existed),
shown once and e-mailed if the citizen asks, and only its SHA-256 is stored: a stolen database, a backup
or a staff member cannot read a code back and open someone's complaint.
"""

import hashlib
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 12
GROUP = 4
# People copy codes from an e-mail or a phone: Thai digits, lower case, spaces and dashes are all fine.
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def tracking_code_new():
    """Return a fresh code, grouped for reading aloud: 'K7QM-2XHD-9RTB'."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def tracking_code_normal(text):
    """Return the code's 12 characters as stored for hashing, or '' when `text` cannot be a code."""
    cleaned = "".join(ch for ch in (text or "").translate(_THAI_DIGITS).upper() if ch.isalnum())
    if len(cleaned) != LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return ""
    return cleaned


def tracking_hash(code):
    """Return the stored form of a code: SHA-256 of its normal form ('' for something that is not a code)."""
    normal = tracking_code_normal(code)
    if not normal:
        return ""
    return hashlib.sha256(f"khaosan-tracking:{normal}".encode()).hexdigest()
