"""Baht as people type it, and the tax ID's check digit."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from khaosan.procurement.amounts import baht, clean_tax_id, parse_baht
from tests.procurement.conftest import TAX_ID_COMPANY, TAX_ID_SHOP


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("12500", "12500.00"),
        ("12,500", "12500.00"),
        ("12,500.5", "12500.50"),
        ("1,250,000.75", "1250000.75"),
        ("  3,000 บาท ", "3000.00"),
        ("๑๒,๕๐๐", "12500.00"),
        ("0.01", "0.01"),
        ("1234567.89", "1234567.89"),
    ],
)
def test_amounts_are_read_with_or_without_commas(typed, amount):
    assert parse_baht(typed) == Decimal(amount)


@pytest.mark.parametrize("typed", ["12,50", "1,2345", "12.505", "-100", "abc", "1.000,50", "", "12 500,00", "1e5"])
def test_an_amount_that_could_be_misread_is_refused_with_what_to_type(typed):
    with pytest.raises(ValidationError) as refused:
        parse_baht(typed)
    assert refused.value.messages[0].startswith("โปรดกรอกจำนวนเงินเป็นตัวเลข เช่น 12,500")


def test_zero_is_no_amount_unless_allowed():
    with pytest.raises(ValidationError, match="มากกว่า 0 บาท"):
        parse_baht("0")
    assert parse_baht("0", allow_zero=True) == Decimal("0.00")


def test_amounts_print_with_thousands_separators_and_two_decimals():
    assert baht(Decimal(1250000)) == "1,250,000.00"
    assert baht(Decimal("12.5")) == "12.50"
    assert baht(None) == ""


@pytest.mark.parametrize("typed", [TAX_ID_SHOP, "0-5535-50000-12-5", "0 5535 50000 12 5", "๐๕๕๓๕๕๐๐๐๐๑๒๕"])
def test_a_tax_id_is_kept_as_its_thirteen_digits(typed):
    assert clean_tax_id(typed) == TAX_ID_SHOP


def test_a_tax_id_with_a_wrong_check_digit_is_refused():
    wrong = TAX_ID_COMPANY[:-1] + "4"
    with pytest.raises(ValidationError) as refused:
        clean_tax_id(wrong)
    assert "หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ" in refused.value.messages[0] and wrong in refused.value.messages[0]


@pytest.mark.parametrize("typed", ["055355000012", "05535500001250", "O553550000125"])
def test_a_tax_id_must_have_thirteen_digits(typed):
    with pytest.raises(ValidationError, match="ตัวเลข 13 หลัก"):
        clean_tax_id(typed)
