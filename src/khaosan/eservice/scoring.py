"""The score of an appraisal: two weighted parts, a total out of 100 and a band (standards.md PERF-2, PERF-4).

Everything here is plain arithmetic on the levels people gave, so it is tested against sums done by hand.
Arithmetic is exact (fractions) until the one rounding the rule states: the total is rounded half up to two
decimal places, and the band is read from that rounded total. 89.995 becomes 90.00 (ดีเด่น); 89.50 stays
89.50 (ดีมาก, because ดีเด่น starts at 90.00).

Work results (ผลสัมฤทธิ์ของงาน): each indicator has a weight (the weights sum to 100) and a level 1–5 from its
five-level criteria. The part's score is   Σ(level × weight) ÷ (5 × 100) × the part's weight.

Behaviour (พฤติกรรมการปฏิบัติราชการ / สมรรถนะ): each competency has an expected level and an observed level. As on
the OCSC ว 20 (2552) competency form, a competency at or above its expected level earns 3 points, one level
below 2, two levels below 1, three or more below 0. The part's score is   points ÷ (3 × competencies) × weight.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

LEVELS = 5  # PERF-3: targets in five levels
MIN_BANDS = 5  # PERF-4: at least five result levels
COMPETENCY_MAX_POINTS = 3
TWO_PLACES = Decimal("0.01")
RULE_TEXT = gettext_lazy(
    "คะแนนรวมคำนวณจากน้ำหนักและระดับที่ให้ ปัดเศษเป็นทศนิยม 2 ตำแหน่งแบบปัดครึ่งขึ้น แล้วจัดระดับจากคะแนนที่ปัดแล้ว "
    "เช่น ตามเกณฑ์ค่าเริ่มต้น 89.995 ปัดเป็น 90.00 ได้ระดับดีเด่น ส่วน 89.50 ได้ระดับดีมาก"
)
COMPETENCY_RULE_TEXT = gettext_lazy(
    "สมรรถนะที่ได้ระดับเท่ากับหรือสูงกว่าระดับที่คาดหวังได้ 3 คะแนน ต่ำกว่า 1 ระดับได้ 2 คะแนน ต่ำกว่า 2 ระดับได้ 1 คะแนน "
    "ต่ำกว่า 3 ระดับขึ้นไปได้ 0 คะแนน คะแนนส่วนนี้ = คะแนนรวม ÷ (3 × จำนวนสมรรถนะ) × น้ำหนัก"
)

# PERF-4 defaults. Each band is the lowest total that reaches it; the last band starts at 0.
DEFAULT_BANDS = [
    {"label": "ดีเด่น", "min": "90"},
    {"label": "ดีมาก", "min": "80"},
    {"label": "ดี", "min": "70"},
    {"label": "พอใช้", "min": "60"},
    {"label": "ต้องปรับปรุง", "min": "0"},
]
# The two highest bands are the ones MOIT7 names publicly (ดีเด่น and ดีมาก in the defaults).
ANNOUNCED_BANDS = 2
# PERF-2: work results at least 70, behaviour at most 30, unless a staff type's own rule says otherwise.
DEFAULT_RESULTS_WEIGHT = 70


@dataclass(frozen=True)
class Band:
    rank: int  # 0 is the highest band
    label: str
    min: Decimal

    @property
    def announced(self):
        return self.rank < ANNOUNCED_BANDS


def bands_from(config_bands):
    """Return the bands of a stored configuration, highest first."""
    return [Band(rank, row["label"], Decimal(str(row["min"]))) for rank, row in enumerate(config_bands)]


def band_of(total, config_bands):
    """Return the Band a rounded total falls in: the first whose lower limit it reaches."""
    for band in bands_from(config_bands):
        if total >= band.min:
            return band
    raise ValueError(f"no band for {total}: the lowest band must start at 0")


def round_total(value):
    """Round an exact total half up to two decimal places, with no decimal rounding before it."""
    value = Fraction(value)
    hundredths = value * 100
    floor = hundredths.numerator // hundredths.denominator
    if hundredths - floor >= Fraction(1, 2):
        floor += 1
    return (Decimal(floor) / 100).quantize(TWO_PLACES)


def competency_points(expected, level):
    """3 at or above the expected level, then one point less for each level below, never below 0."""
    return max(COMPETENCY_MAX_POINTS - max(expected - level, 0), 0)


@dataclass
class Result:
    """A computed result, or what is missing for one. Parts are exact; `total` is the rounded total."""

    results: Fraction | None = None
    behaviour: Fraction | None = None
    total: Decimal | None = None
    band: Band | None = None
    missing: list = field(default_factory=list)

    @property
    def complete(self):
        return self.total is not None

    @property
    def results_shown(self):
        return round_total(self.results) if self.results is not None else None

    @property
    def behaviour_shown(self):
        return round_total(self.behaviour) if self.behaviour is not None else None


def results_part(indicators, weight):
    """Σ(level × weight) ÷ 500 × part weight, exact. `indicators` is [(title, weight, level or None)]."""
    return sum((Fraction(w) * Fraction(level) for _t, w, level in indicators), Fraction(0)) / (LEVELS * 100) * weight


def behaviour_part(competencies, weight):
    """points ÷ (3 × n) × part weight, exact. `competencies` is [(name, expected, level or None)]."""
    if not competencies:
        return Fraction(0)
    points = sum(competency_points(expected, level) for _n, expected, level in competencies)
    return Fraction(points, COMPETENCY_MAX_POINTS * len(competencies)) * weight


def compute(*, indicators, competencies, results_weight, behaviour_weight, bands):
    """Return the Result of one appraisal from its rows and the configuration in force.

    `indicators` is [(title, weight, level)], `competencies` [(name, expected, level)]; a level of None is
    missing, and then no total is given: the Result lists, in Thai, what still needs a level.
    """
    missing = [_("ตัวชี้วัด “%(title)s”") % {"title": t} for t, _w, level in indicators if level is None]
    missing += [_("สมรรถนะ “%(name)s”") % {"name": n} for n, _e, level in competencies if level is None]
    if not indicators:
        missing.append(_("ตัวชี้วัดผลสัมฤทธิ์ของงานอย่างน้อย 1 ข้อ"))
    if behaviour_weight and not competencies:
        missing.append(_("สมรรถนะอย่างน้อย 1 ข้อ"))
    if missing:
        return Result(missing=missing)
    results = results_part(indicators, results_weight)
    behaviour = behaviour_part(competencies, behaviour_weight)
    total = round_total(results + behaviour)
    return Result(results=results, behaviour=behaviour, total=total, band=band_of(total, bands))


# Checking a configuration ------------------------------------------------------------------------------


def check_indicator_weights(weights):
    """Refuse indicator weights that do not sum to 100, in a sentence that says by how much."""
    total = sum(weights)
    if total != 100:
        raise ValidationError(
            _("น้ำหนักของตัวชี้วัดรวมกันได้ %(total)s แต่ต้องรวมเป็น 100 พอดี โปรดปรับน้ำหนักให้รวมได้ 100 แล้วบันทึกอีกครั้ง")
            % {"total": total},
            code="weights",
        )


def check_part_weights(results_weight, behaviour_weight):
    if results_weight + behaviour_weight != 100:
        raise ValidationError(
            _("น้ำหนักผลสัมฤทธิ์ของงาน (%(results)s) กับพฤติกรรม/สมรรถนะ (%(behaviour)s) รวมกันต้องเป็น 100 พอดี "
              "โปรดแก้ตัวเลขแล้วบันทึกอีกครั้ง") % {"results": results_weight, "behaviour": behaviour_weight},
            code="part_weights",
        )  # fmt: skip


def check_bands(rows):
    """Refuse bands that would leave a total without a band or give it two (PERF-4: at least five levels)."""
    if len(rows) < MIN_BANDS:
        raise ValidationError(_("ต้องมีระดับผลการประเมินอย่างน้อย %(n)d ระดับ") % {"n": MIN_BANDS}, code="bands")
    labels = [row["label"].strip() for row in rows]
    if any(not label for label in labels) or len(set(labels)) != len(labels):
        raise ValidationError(_("ชื่อระดับผลการประเมินต้องไม่ว่างและไม่ซ้ำกัน"), code="bands")
    if any(str(row.get("min", "")).strip() in ("", "None") for row in rows):
        raise ValidationError(_("โปรดระบุคะแนนต่ำสุดของทุกระดับ"), code="bands")
    limits = [Decimal(str(row["min"])) for row in rows]
    if any(not (0 <= limit <= 100) for limit in limits):
        raise ValidationError(_("คะแนนต่ำสุดของแต่ละระดับต้องอยู่ระหว่าง 0 ถึง 100"), code="bands")
    if any(a <= b for a, b in pairwise(limits)):
        raise ValidationError(_("เรียงระดับจากสูงไปต่ำ และคะแนนต่ำสุดของแต่ละระดับต้องน้อยกว่าระดับที่อยู่เหนือขึ้นไป"), code="bands")
    if limits[-1] != 0:
        raise ValidationError(_("ระดับสุดท้ายต้องเริ่มที่ 0 คะแนน เพื่อให้ทุกคะแนนมีระดับ"), code="bands")
