"""Scores against sums done by hand (standards.md PERF-2, PERF-4), rounding at the band edges included.

Work results: Σ(level × weight) ÷ 500 × part weight. Behaviour: points ÷ (3 × n) × part weight, with 3 points
at or above the expected level and 2, 1, 0 for one, two, three levels below. Total rounded half up to 0.01,
band by the rounded total.
"""

from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError

from khaosan.eservice import scoring
from khaosan.eservice.scoring import DEFAULT_BANDS, band_of, check_bands, check_indicator_weights, compute, round_total


def indicators(*pairs):
    return [(f"ตัวชี้วัด {n}", weight, level) for n, (weight, level) in enumerate(pairs, start=1)]


def competencies(*pairs):
    return [(f"สมรรถนะ {n}", expected, level) for n, (expected, level) in enumerate(pairs, start=1)]


def score(ind, comp, weights=(70, 30), bands=DEFAULT_BANDS):
    return compute(indicators=ind, competencies=comp, results_weight=weights[0], behaviour_weight=weights[1],
                   bands=bands)  # fmt: skip


def test_a_plain_case_by_hand():
    # (5×50 + 4×30 + 3×20) = 430 → 430/500 × 70 = 60.20; all competencies at expected → 30; total 90.20
    result = score(indicators((50, 5), (30, 4), (20, 3)), competencies((2, 2), (2, 3), (3, 3)))
    assert (result.results, result.behaviour) == (Fraction("60.2"), Fraction(30))
    assert (result.total, result.band.label) == (Decimal("90.20"), "ดีเด่น")


def test_competency_points_for_each_gap_below_the_expected_level():
    assert [scoring.competency_points(3, level) for level in (5, 3, 2, 1, 0)] == [3, 3, 2, 1, 0]
    assert scoring.competency_points(5, 0) == 0  # never below zero
    # points 3 + 2 + 1 + 0 + 3 = 9 of 15 → 9/15 × 30 = 18; results all 5s → 70; total 88.00
    result = score(indicators((100, 5)), competencies((3, 3), (3, 2), (3, 1), (3, 0), (2, 4)))
    assert (result.behaviour, result.total, result.band.label) == (Fraction(18), Decimal("88.00"), "ดีมาก")


def test_other_part_weights_for_a_staff_type():
    # 80 : 20 — (4×60 + 3×40) = 360 → 360/500 × 80 = 57.60; points 2 of 3 → 2/3 × 20 = 13.333…; total 70.93
    result = score(indicators((60, 4), (40, 3)), competencies((2, 1)), weights=(80, 20))
    assert (result.results, result.behaviour) == (Fraction("57.6"), Fraction(40, 3))
    assert (result.total, result.band.label) == (Decimal("70.93"), "ดี")


def test_89_50_is_very_good_because_outstanding_starts_at_90():
    # (4×75 + 5×25) = 425 → 425/500 × 70 = 59.50; behaviour 30; total exactly 89.50
    result = score(indicators((75, 4), (25, 5)), competencies((2, 2)))
    assert (result.total, result.band.label) == (Decimal("89.50"), "ดีมาก")


def sixteen_competencies(at_expected, one_below, three_below):
    assert at_expected + one_below + three_below == 16
    return competencies(*([(3, 3)] * at_expected + [(3, 2)] * one_below + [(3, 0)] * three_below))


def test_89_995_rounds_half_up_to_90_00_and_is_outstanding():
    # (5×33 + 4×67) = 433 → 433/500 × 70 = 60.62; points 15×3 + 1×2 = 47 of 48 → 47/48 × 30 = 29.375
    # total exactly 89.995 → 90.00 (half up; half even would give 90.00 too, 89.985 below tells them apart)
    result = score(indicators((33, 5), (67, 4)), sixteen_competencies(15, 1, 0))
    assert result.results + result.behaviour == Fraction("89.995")
    assert (result.total, result.band.label) == (Decimal("90.00"), "ดีเด่น")


def test_79_995_rounds_up_into_very_good():
    # 433 → 60.62; points 5×3 + 8×2 + 3×0 = 31 of 48 → 19.375; total exactly 79.995 → 80.00
    result = score(indicators((33, 5), (67, 4)), sixteen_competencies(5, 8, 3))
    assert result.results + result.behaviour == Fraction("79.995")
    assert (result.total, result.band.label) == (Decimal("80.00"), "ดีมาก")


@pytest.mark.parametrize(
    "exact, rounded, band",
    [("89.994", "89.99", "ดีมาก"), ("89.995", "90.00", "ดีเด่น"), ("89.985", "89.99", "ดีมาก"), ("90", "90.00", "ดีเด่น"),
     ("59.995", "60.00", "พอใช้"), ("59.994999", "59.99", "ต้องปรับปรุง"), ("100", "100.00", "ดีเด่น"), ("0", "0.00", "ต้องปรับปรุง"),
     ("70.005", "70.01", "ดี"), ("69.5", "69.50", "พอใช้")],
)  # fmt: skip
def test_rounding_half_up_then_the_band_of_the_rounded_total(exact, rounded, band):
    total = round_total(Fraction(exact))
    assert (total, band_of(total, DEFAULT_BANDS).label) == (Decimal(rounded), band)


def test_a_missing_level_gives_no_total_and_says_which():
    result = score(indicators((50, 5), (50, None)), competencies((2, None)))
    assert result.total is None and not result.complete
    assert result.missing == ["ตัวชี้วัด “ตัวชี้วัด 2”", "สมรรถนะ “สมรรถนะ 1”"]


def test_a_missing_part_gives_no_total():
    assert score([], competencies((2, 2))).missing == ["ตัวชี้วัดผลสัมฤทธิ์ของงานอย่างน้อย 1 ข้อ"]
    assert score(indicators((100, 5)), []).missing == ["สมรรถนะอย่างน้อย 1 ข้อ"]
    assert score(indicators((100, 5)), [], weights=(100, 0)).total == Decimal("100.00")  # no behaviour part


def test_weights_that_do_not_sum_to_100_are_refused_in_thai():
    with pytest.raises(ValidationError) as refused:
        check_indicator_weights([50, 30])
    assert refused.value.messages == [
        "น้ำหนักของตัวชี้วัดรวมกันได้ 80 แต่ต้องรวมเป็น 100 พอดี โปรดปรับน้ำหนักให้รวมได้ 100 แล้วบันทึกอีกครั้ง"
    ]
    check_indicator_weights([50, 30, 20])


def test_configured_bands_are_read_from_the_configuration_given():
    bands = [{"label": "ยอดเยี่ยม", "min": "85"}, {"label": "ดีมาก", "min": "75"}, {"label": "ดี", "min": "65"},
             {"label": "พอใช้", "min": "60"}, {"label": "ปรับปรุง", "min": "0"}]  # fmt: skip
    assert band_of(Decimal("86.00"), bands).label == "ยอดเยี่ยม"
    assert band_of(Decimal("86.00"), DEFAULT_BANDS).label == "ดีมาก"
    assert band_of(Decimal("84.99"), bands).rank == 1


@pytest.mark.parametrize(
    "rows, message",
    [(DEFAULT_BANDS[:4], "อย่างน้อย 5 ระดับ"),
     ([*DEFAULT_BANDS[:4], {"label": "ต่ำ", "min": "10"}], "เริ่มที่ 0"),
     ([DEFAULT_BANDS[1], DEFAULT_BANDS[0], *DEFAULT_BANDS[2:]], "เรียงระดับจากสูงไปต่ำ"),
     ([*DEFAULT_BANDS[:4], {"label": "ดี", "min": "0"}], "ไม่ซ้ำกัน"),
     ([{"label": "เกิน", "min": "120"}, *DEFAULT_BANDS], "ระหว่าง 0 ถึง 100"),
     ([*DEFAULT_BANDS[:4], {"label": "ต้องปรับปรุง", "min": ""}], "คะแนนต่ำสุดของทุกระดับ")],
)  # fmt: skip
def test_band_configurations_that_leave_a_total_without_one_band_are_refused(rows, message):
    with pytest.raises(ValidationError, match=message):
        check_bands(rows)
