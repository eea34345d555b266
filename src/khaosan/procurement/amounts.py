"""Baht amounts and Thai tax IDs as people type them on the สขร.1 screens.

Amounts are typed with or without thousands separators ("12,500", "12500.5", "๑๒,๕๐๐ บาท") and kept as
Decimal with two places; a comma anywhere but between groups of three digits is refused, because "12,50"
may mean 12.50 or 1,250 and a published form must not guess. A vendor's tax ID (เลขประจำตัวผู้เสียภาษีอากร)
has 13 digits and the same mod-11 check digit as a national ID (Revenue Department), checked by
workflow.redaction.is_valid_thai_id.
"""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from khaosan.workflow.redaction import is_valid_thai_id

CENTS = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999999.99")  # the model's 14 digits with 2 decimal places
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_AMOUNT = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?")
_CURRENCY_WORDS = re.compile(r"(บาท|฿|thb)$", re.IGNORECASE)


def parse_baht(text, *, allow_zero=False):
    """Return the Decimal amount of `text` (two places), or raise ValidationError with a Thai sentence."""
    if isinstance(text, Decimal):
        value = text
    else:
        raw = str(text or "").translate(THAI_DIGITS).strip()
        raw = _CURRENCY_WORDS.sub("", raw).replace(" ", "").replace("\u00a0", "")
        if not _AMOUNT.fullmatch(raw):
            raise ValidationError(
                _("โปรดกรอกจำนวนเงินเป็นตัวเลข เช่น 12,500 หรือ 12500.50 (ใส่จุลภาคคั่นหลักพันได้ ทศนิยมไม่เกิน 2 ตำแหน่ง)"),
                code="amount",
            )
        try:
            value = Decimal(raw.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimal numbers
            raise ValidationError(_("โปรดกรอกจำนวนเงินเป็นตัวเลข"), code="amount") from None
    value = value.quantize(CENTS)
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(_("จำนวนเงินต้องมากกว่า 0 บาท"), code="amount")
    if value > MAX_AMOUNT:
        raise ValidationError(_("จำนวนเงินมากเกินไป โปรดตรวจสอบจำนวนหลักอีกครั้ง"), code="amount")
    return value


def baht(value):
    """'1,234,567.50': thousands separators and two decimals, as Thai official forms print amounts."""
    if value is None or value == "":
        return ""
    return f"{Decimal(value).quantize(CENTS):,.2f}"


def clean_tax_id(text):
    """Return the 13 digits of a tax ID typed with or without dashes or spaces, or raise ValidationError."""
    digits = re.sub(r"[\s\-]", "", str(text or "").translate(THAI_DIGITS))
    if not re.fullmatch(r"[0-9]{13}", digits):
        raise ValidationError(_("เลขประจำตัวผู้เสียภาษีต้องเป็นตัวเลข 13 หลัก"), code="tax_id")
    if not is_valid_thai_id(digits):
        raise ValidationError(
            _("เลขประจำตัวผู้เสียภาษี %(digits)s ไม่ถูกต้อง (หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ) โปรดตรวจสอบกับหนังสือรับรองหรือใบเสนอราคา")
            % {"digits": digits},
            code="tax_id",
        )
    return digits
