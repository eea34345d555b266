"""Demo content: realistic items for the demo office, and generators for benchmark-sized data sets.

Dates are relative to the day the demo is built, so the demo always looks current: `days_ago` is when
the item was published (negative: scheduled for later), `expire_after_days` how long it stays.
"""

import datetime as dt
import random
from dataclasses import dataclass, field, replace

from django.utils import timezone

from khaosan.demo.files import INFOGRAPHIC, MEETING, PORTRAIT, SCHOOL, TENT, VILLAGE, DemoFile
from khaosan.demo.office import OFFICE, STAFF, UNITS
from khaosan.thai.dates import (
    MONTHS_TH,
    MONTHS_TH_SHORT,
    be_year,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_bounds,
    quarter_bounds,
)  # fmt: skip


@dataclass
class DemoItem:
    topic: str
    title: str
    summary: str = ""
    body: str = ""
    source: str = ""
    owner: str = "admin"
    data_from: dt.date | None = None
    data_to: dt.date | None = None
    days_ago: int = 30
    expire_after_days: int | None = None
    withdrawn_reason: str = ""
    draft: bool = False
    external_url: str = ""
    files: list = field(default_factory=list)


NAME = OFFICE["name_th"]  # สำนักงานสาธารณสุขอำเภอบ้านหลวง
EXECUTIVE = OFFICE["executive_name"]
MAP_URL = "https://www.openstreetmap.org/?mlat=18.8534&amp;mlon=100.4419#map=16/18.8534/100.4419"
UNIT = {code: (name, head, phone, email, website) for code, _, name, _, head, phone, email, website in UNITS}
TITLES = {"admin": "นาย", "webmaster1": "นางสาว", "webmaster2": "นาย", "reviewer": "นาย", "approver": "นาย",
          "staff": "นาง", "procurement": "นางสาว", "nurse": "นางสาว", "committee": "นาง"}  # fmt: skip
STAFF_NAME = {user: (f"{TITLES[user]}{first} {last}", position) for user, first, last, position, *_ in STAFF}


def items(today):
    """Return the demo items, dated around `today`, in the order of the standard's categories and topics."""
    when = When(today)
    return [
        *_general(when),
        *_laws(when),
        *_knowledge(when),
        *_links(when),
        *_official_info(when),
        *_manuals(when),
        *_citizen(when),
        *_news(when),
        *_eservice(when),
        *_external(when),
    ]


# ------------------------------------------------------------------------------------------------ helpers


class When:
    """The demo's calendar: this fiscal year (`fy`) and the last (`prev`) around `today`, and document numbers."""

    def __init__(self, today):
        self.today = today
        self.fy = fiscal_year(today)
        self.prev = self.fy - 1
        self._letters = 100
        self._orders = {}

    @staticmethod
    def date(fy, month, day=1):
        """The date `day` `month` of fiscal year `fy`: October to December fall in the year before."""
        start, _ = fiscal_year_bounds(fy)
        return dt.date(start.year if month >= 10 else start.year + 1, month, day)

    def on(self, fy, month, day=1):
        """The date `day` `month` of fiscal year `fy`, never later than today (a due date ahead is met today)."""
        return min(self.date(fy, month, day), self.today)

    def happened(self, fy, month, day):
        """Whether `day` `month` of fiscal year `fy` is past, so that an event on it can be reported."""
        return self.date(fy, month, day) <= self.today

    def days(self, n):
        """The date `n` days ago (negative: ahead)."""
        return self.today - dt.timedelta(days=n)

    def ago(self, day):
        return (self.today - day).days

    def letter_no(self, circular=False):
        """The next outgoing letter number: นน 0032.10/123, or นน 0032.10/ว 123 for a circular."""
        self._letters += 7
        return f"นน 0032.10/{'ว ' if circular else ''}{self._letters}"

    def order_no(self, fy):
        """The next order number of fiscal year `fy`: 12/2570."""
        self._orders[fy] = self._orders.get(fy, 0) + 1
        return f"{self._orders[fy]}/{fy}"


def thai(day):
    """'5 พฤศจิกายน 2569'."""
    return f"{day.day} {MONTHS_TH[day.month - 1]} {be_year(day.year)}"


def thai_short(day):
    """'5 พ.ย. 2569'."""
    return f"{day.day} {MONTHS_TH_SHORT[day.month - 1]} {be_year(day.year)}"


def month_year(day):
    """'ตุลาคม 2569'."""
    return f"{MONTHS_TH[day.month - 1]} {be_year(day.year)}"


def fy_text(fy):
    return f"ประจำปีงบประมาณ พ.ศ. {fy}"


def html(*blocks):
    """Join body blocks: strings become paragraphs, lists become bullet lists, tuples of rows become tables."""
    parts = []
    for block in blocks:
        if isinstance(block, list):
            parts.append("<ul>" + "".join(f"<li>{entry}</li>" for entry in block) + "</ul>")
        elif isinstance(block, tuple):
            head, *rows = block
            cells = ["".join(f"<td>{c}</td>" for c in row) for row in rows]
            parts.append(
                "<table><thead><tr>"
                + "".join(f"<th>{c}</th>" for c in head)
                + "</tr></thead><tbody>"
                + "".join(f"<tr>{row}</tr>" for row in cells)
                + "</tbody></table>"
            )
        elif block.startswith("<"):
            parts.append(block)
        else:
            parts.append(f"<p>{block}</p>")
    return "".join(parts)


def with_column(rows, column):
    """The table `rows` with one more column (a report's results beside its plan)."""
    return [[*row, value] for row, value in zip(rows, column, strict=True)]


def pdf(name, heading, *paragraphs, **extra):
    """A generated PDF: `name` without extension, its heading and paragraphs (DemoFile fields in `extra`)."""
    return DemoFile(f"{name}.pdf", heading=heading, paragraphs=list(paragraphs), **extra)


def also(spec, *extensions):
    """The PDF `spec` and the same document as Word or Excel files beside it."""
    stem = spec.name.rsplit(".", 1)[0]
    return [spec, *(replace(spec, name=f"{stem}.{ext}", cover=False) for ext in extensions)]


def photos(stem, scene, *captions):
    """Activity photos: one JPEG per Thai caption, the scene varied by the file name."""
    return [DemoFile(f"{stem}-{n}.jpg", alt_text=caption, scene=scene) for n, caption in enumerate(captions, 1)]


def half_years(when, publish_after_days):
    """The six-month rounds of last and this fiscal year already reported: (fy, round, first, last, published)."""
    rounds = []
    for fy in (when.prev, when.fy):
        start, end = fiscal_year_bounds(fy)
        middle = dt.date(end.year, 3, 31)
        for number, first, last in ((1, start, middle), (2, middle + dt.timedelta(days=1), end)):
            published = last + dt.timedelta(days=publish_after_days)
            if published <= when.today:
                rounds.append((fy, number, first, last, published))
    return rounds


def round_text(number, first, last):
    return f"รอบ {6 * number} เดือน ({thai(first)} – {thai(last)})"


# ------------------------------------------------------------------------------------------------ procurement data

# (what is bought or hired, lowest and highest budget in baht, the shops that sell it): the office's routine buying.
PURCHASES = [
    ("ซื้อวัสดุสำนักงาน", 3000, 15000, ["ร้านบ้านหลวงพาณิชย์", "ร้านนันทบุรีออฟฟิศ"]),
    ("ซื้อวัสดุคอมพิวเตอร์ (ตลับหมึกพิมพ์)", 4000, 18000, ["บริษัท เมืองน่านคอมพิวเตอร์ จำกัด"]),
    ("ซื้อน้ำมันเชื้อเพลิงสำหรับรถยนต์ราชการ", 6000, 20000, ["หจก.บ้านหลวงปิโตรเลียม"]),
    ("ซื้อวัสดุวิทยาศาสตร์การแพทย์", 10000, 60000, ["หจก.น่านเวชภัณฑ์", "บริษัท ล้านนาเมดิคอล ซัพพลาย จำกัด"]),
    ("ซื้อทรายกำจัดลูกน้ำยุงลาย", 8000, 30000, ["หจก.น่านเวชภัณฑ์"]),
    ("จ้างทำป้ายไวนิลประชาสัมพันธ์", 1500, 6000, ["ร้านบ้านฟ้าการพิมพ์"]),
    ("จ้างซ่อมบำรุงรถยนต์ราชการ", 3000, 25000, ["อู่ช่างเอกบ้านหลวง"]),
    ("จ้างเหมาจัดอาหารว่างและเครื่องดื่มสำหรับการประชุม อสม.", 5000, 24000, ["ร้านครัวป่าคา", "ร้านอาหารบ้านพี้"]),
    ("ซื้อวัสดุงานบ้านงานครัว", 2000, 9000, ["ร้านบ้านหลวงพาณิชย์"]),
    ("จ้างเหมาบริการถ่ายเอกสารและเข้าเล่ม", 1500, 7000, ["ร้านบ้านฟ้าการพิมพ์"]),
]  # fmt: skip
NIL_MONTH = 4  # the demo's month without procurement: April, the Songkran month of last fiscal year
SKHR_HEADER = [
    "ลำดับที่", "งานที่จัดซื้อหรือจัดจ้าง", "วงเงินที่จะซื้อหรือจ้าง", "ราคากลาง", "วิธีซื้อหรือจ้าง",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง", "เหตุผลที่คัดเลือกโดยสรุป",
    "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง",
]  # fmt: skip
EBIDDING = "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)"


@dataclass
class Purchase:
    """One procurement of the month, as the สขร.1 reports it."""

    work: str
    budget: float
    reference: float  # ราคากลาง
    method: str
    bids: str
    winner: str
    price: float
    reason: str
    contract: str

    def row(self, number):
        return [
            number, self.work, self.budget, self.reference, self.method, self.bids,
            f"{self.winner} {self.price:,.2f} บาท", self.reason, self.contract,
        ]  # fmt: skip


def month_purchases(when, first):
    """The purchases of the month starting `first`, the same every build; none in NIL_MONTH of last year."""
    fy = fiscal_year(first)
    if first.month == NIL_MONTH and fy == when.prev:
        return []
    rng = random.Random(first.year * 100 + first.month)
    result = []
    for number, (work, low, high, shops) in enumerate(rng.sample(PURCHASES, rng.randint(3, 5)), 1):
        budget = float(round(rng.uniform(low, high), -2))
        price = budget - rng.randint(0, 8) * 50
        shop = rng.choice(shops)
        signed = first.replace(day=rng.randint(2, 26))
        paper = "ใบสั่งซื้อ" if work.startswith("ซื้อ") else "ใบสั่งจ้าง"
        result.append(Purchase(
            work, budget, budget, "เฉพาะเจาะจง", f"{shop} {price:,.2f} บาท", shop, price,
            "เป็นผู้มีอาชีพขายหรือรับจ้างโดยตรง และเสนอราคาไม่เกินวงเงินงบประมาณ",
            f"{paper}เลขที่ {(first.month + 2) % 12 * 4 + number}/{fy} ลงวันที่ {thai_short(signed)}",
        ))  # fmt: skip
    if first.month == 3 and fy == when.prev:  # the year's one e-bidding: renovating the Suat health centre
        result.append(Purchase(
            "จ้างปรับปรุงอาคาร รพ.สต.สวด", 1850000.0, 1832000.0, EBIDDING,
            "หจก.สวดก่อสร้าง 1,795,000.00 บาท, หจก.น่านรุ่งเรืองการโยธา 1,818,500.00 บาท, "
            "บริษัท ภูคาวิศวกรรม จำกัด 1,826,000.00 บาท",
            "หจก.สวดก่อสร้าง", 1795000.0, "เสนอราคาต่ำสุด และมีคุณสมบัติถูกต้องครบถ้วนตามเอกสารประกวดราคา",
            f"สัญญาเลขที่ 3/{fy} ลงวันที่ {thai_short(first.replace(day=28))}",
        ))  # fmt: skip
    return result


def fiscal_months(fy):
    """The first days of the twelve months of fiscal year `fy`."""
    start, _ = fiscal_year_bounds(fy)
    return [dt.date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1) for i in range(12)]


def month_end(first):
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def entered_summary_months(when, count=3):
    """The months whose สขร.1 the demo enters on the procurement screens (demo/procurement.py) instead of as files:
    the last `count` reported months, and last year's month without procurement."""
    reported = [
        m
        for m in fiscal_months(when.prev) + fiscal_months(when.fy)
        if month_end(m) + dt.timedelta(days=5) <= when.today
    ]
    return sorted({*reported[-count:], when.date(when.prev, NIL_MONTH)})


def procurement_totals(when, months):
    """[(method, count, amount)] over the months: the figures the analysis and progress reports quote."""
    totals = {}
    for first in months:
        for purchase in month_purchases(when, first):
            count, amount = totals.get(purchase.method, (0, 0.0))
            totals[purchase.method] = (count + 1, amount + purchase.price)
    return [(method, count, amount) for method, (count, amount) in sorted(totals.items())]


# ------------------------------------------------------------------------------------------------ 1.1 ข้อมูลหน่วยงาน


def _general(when):
    fy, prev = when.fy, when.prev
    groups = ("admin", "it", "procurement", "health-promotion", "consumer-protection")
    heads = [(UNIT[code][0], UNIT[code][1], UNIT[code][2]) for code in groups]
    centres = [(UNIT[code][0], UNIT[code][1], UNIT[code][2]) for code in UNIT if code.startswith("hpc-")]
    return [
        DemoItem(
            topic="history",
            title="ประวัติความเป็นมาของสำนักงานสาธารณสุขอำเภอบ้านหลวง",
            summary="ความเป็นมาตั้งแต่การจัดตั้งสำนักงานจนถึงปัจจุบัน",
            body=html(
                "สำนักงานสาธารณสุขอำเภอบ้านหลวงเป็นหน่วยงานราชการบริหารส่วนภูมิภาค สังกัดสำนักงานสาธารณสุขจังหวัดน่าน "
                "สำนักงานปลัดกระทรวงสาธารณสุข ดูแลงานสาธารณสุขในพื้นที่อำเภอบ้านหลวง จังหวัดน่าน ครอบคลุม 4 ตำบล ได้แก่ "
                "ตำบลป่าคาหลวง ตำบลบ้านฟ้า ตำบลบ้านพี้ และตำบลสวด",
                "<h2>ความเป็นมา</h2>",
                "เดิมเป็นสำนักงานสาธารณสุขกิ่งอำเภอบ้านหลวง ตั้งอยู่ในบริเวณที่ว่าการกิ่งอำเภอ ต่อมาเมื่อกิ่งอำเภอบ้านหลวง"
                "ได้รับการยกฐานะเป็นอำเภอ จึงเปลี่ยนชื่อเป็นสำนักงานสาธารณสุขอำเภอบ้านหลวง และย้ายมาตั้งที่อาคารปัจจุบัน "
                "เลขที่ 99 หมู่ 3 ตำบลป่าคาหลวง ซึ่งได้รับงบประมาณก่อสร้างจากกระทรวงสาธารณสุข",
                [
                    "ยกระดับสถานีอนามัยทั้ง 4 แห่งเป็นโรงพยาบาลส่งเสริมสุขภาพตำบล (รพ.สต.) ตามนโยบายกระทรวงสาธารณสุข",
                    "ร่วมกับโรงพยาบาลบ้านหลวงจัดตั้งเครือข่ายบริการสุขภาพอำเภอ (District Health System: DHS)",
                    "ดำเนินงานคณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอ (พชอ.) ร่วมกับที่ว่าการอำเภอและองค์กรปกครองส่วนท้องถิ่น",
                    "พัฒนาเว็บไซต์ของสำนักงานเพื่อเปิดเผยข้อมูลข่าวสารตามมาตรฐานเว็บไซต์ภาครัฐและเกณฑ์การประเมิน ITA",
                ],
                "<h2>ปัจจุบัน</h2>",
                "สำนักงานมีกลุ่มงานภายใน 5 กลุ่มงาน และโรงพยาบาลส่งเสริมสุขภาพตำบลในกำกับ 4 แห่ง "
                "ทำงานร่วมกับโรงพยาบาลบ้านหลวงในรูปแบบเครือข่ายบริการสุขภาพอำเภอ "
                "ดูแลประชากรประมาณ 12,400 คน ใน 29 หมู่บ้าน",
            ),
            owner="director",
            days_ago=400,
        ),
        DemoItem(
            topic="vision-mission",
            title="วิสัยทัศน์ พันธกิจ และค่านิยมองค์กร",
            summary="วิสัยทัศน์ พันธกิจ ค่านิยมของสำนักงาน และค่านิยมองค์กรกระทรวงสาธารณสุข (MOPH)",
            body=html(
                "<h2>วิสัยทัศน์</h2>",
                "“ประชาชนอำเภอบ้านหลวงมีสุขภาพดี ด้วยระบบสุขภาพที่ชุมชนมีส่วนร่วม อย่างยั่งยืน”",
                "<h2>พันธกิจ</h2>",
                "<ol><li>พัฒนาระบบบริการสุขภาพระดับปฐมภูมิให้มีคุณภาพ ครอบคลุม และเข้าถึงง่าย</li>"
                "<li>ส่งเสริมสุขภาพ ป้องกันและควบคุมโรค โดยการมีส่วนร่วมของภาคีเครือข่ายและชุมชน</li>"
                "<li>คุ้มครองผู้บริโภคด้านผลิตภัณฑ์และบริการสุขภาพ</li>"
                "<li>บริหารจัดการองค์กรด้วยหลักธรรมาภิบาล โปร่งใส และตรวจสอบได้</li></ol>",
                "<h2>ค่านิยมองค์กรกระทรวงสาธารณสุข (MOPH)</h2>",
                [
                    "<strong>M</strong> – Mastery: เป็นนายตัวเอง",
                    "<strong>O</strong> – Originality: เร่งสร้างสิ่งใหม่",
                    "<strong>P</strong> – People centered: ใส่ใจประชาชน",
                    "<strong>H</strong> – Humility: ถ่อมตน อ่อนน้อม",
                ],
                "<h2>ค่านิยมของสำนักงาน</h2>",
                "“ทำงานเป็นทีม ซื่อสัตย์ โปร่งใส ใส่ใจบริการ”",
            ),
            owner="director",
            days_ago=380,
        ),
        DemoItem(
            topic="structure",
            title="โครงสร้างสำนักงานสาธารณสุขอำเภอบ้านหลวง",
            summary="แผนภูมิโครงสร้าง กลุ่มงานภายใน และหน่วยบริการในสังกัด พร้อมผู้รับผิดชอบ",
            body=html(
                "สำนักงานสาธารณสุขอำเภอบ้านหลวงมีสาธารณสุขอำเภอเป็นผู้บังคับบัญชา แบ่งงานภายในเป็น 5 กลุ่มงาน "
                "และกำกับดูแลโรงพยาบาลส่งเสริมสุขภาพตำบล 4 แห่ง",
                (("หน่วยงาน", "หัวหน้า"), *((name, head) for name, head, _ in heads + centres)),
            ),
            owner="director",
            days_ago=120,
            files=[
                pdf(
                    "แผนภูมิโครงสร้างสำนักงานสาธารณสุขอำเภอบ้านหลวง",
                    "โครงสร้างสำนักงานสาธารณสุขอำเภอบ้านหลวง",
                    f"สาธารณสุขอำเภอบ้านหลวง: {EXECUTIVE}",
                    rows=[
                        ["ลำดับ", "หน่วยงาน", "หัวหน้า", "โทรศัพท์"],
                        *([n, name, head, phone] for n, (name, head, phone) in enumerate(heads + centres, 1)),
                    ],
                    subtitle=f"ข้อมูล ณ วันที่ {thai(when.days(120))}",
                )
            ],
        ),
        DemoItem(
            topic="executives",
            title="ทำเนียบผู้บริหารสำนักงานสาธารณสุขอำเภอบ้านหลวง",
            summary="ผู้บริหารและหัวหน้ากลุ่มงาน พร้อมรูปถ่าย ตำแหน่ง และหมายเลขโทรศัพท์",
            body=html(
                "<h2>ผู้บริหาร</h2>",
                (
                    ("ชื่อ-นามสกุล", "ตำแหน่ง", "โทรศัพท์"),
                    (EXECUTIVE, OFFICE["executive_position"], OFFICE["phone"]),
                    *((head, f"หัวหน้า{name}", phone) for name, head, phone in heads),
                ),
                "<h2>ทำเนียบสาธารณสุขอำเภอบ้านหลวงในอดีต</h2>",
                [
                    "นายบุญเลิศ ทิพย์มณี (พ.ศ. 2548 – 2555)",
                    "นายสมศักดิ์ คำปัน (พ.ศ. 2555 – 2561)",
                    "นางวาสนา อุดมศักดิ์ (พ.ศ. 2561 – 2566)",
                    f"{EXECUTIVE} (พ.ศ. 2566 – ปัจจุบัน)",
                ],
            ),
            owner="director",
            days_ago=200,
            files=[
                DemoFile("ผู้บริหาร-สาธารณสุขอำเภอ.jpg", alt_text=f"{EXECUTIVE} สาธารณสุขอำเภอบ้านหลวง", scene=PORTRAIT),
                DemoFile(
                    "ผู้บริหาร-หัวหน้ากลุ่มงานบริหารทั่วไป.jpg", alt_text=f"{heads[0][1]} หัวหน้ากลุ่มงานบริหารทั่วไป", scene=PORTRAIT
                ),
            ],
        ),
        DemoItem(
            topic="authority",
            title="อำนาจหน้าที่ของสำนักงานสาธารณสุขอำเภอ",
            summary="อำนาจหน้าที่ตามที่กระทรวงสาธารณสุขกำหนด",
            body=html(
                "สำนักงานสาธารณสุขอำเภอเป็นหน่วยงานในสังกัดสำนักงานสาธารณสุขจังหวัด มีอำนาจหน้าที่ ดังนี้",
                "<ol><li>จัดทำแผนงานด้านสาธารณสุขในระดับอำเภอ</li>"
                "<li>ดำเนินการและประสานงานเกี่ยวกับงานสาธารณสุขในเขตอำเภอ</li>"
                "<li>กำกับ ดูแล ประเมินผล และสนับสนุนการปฏิบัติงานของหน่วยบริการสาธารณสุขในเขตอำเภอ</li>"
                "<li>ปฏิบัติงานร่วมกับหรือสนับสนุนการปฏิบัติงานของหน่วยงานอื่นที่เกี่ยวข้องหรือที่ได้รับมอบหมาย</li></ol>",
                "นอกจากนี้ สาธารณสุขอำเภอยังเป็นพนักงานเจ้าหน้าที่ตามกฎหมายว่าด้วยโรคติดต่อ และกฎหมายอื่นที่ได้รับแต่งตั้งหรือมอบหมาย",
            ),
            source="กฎกระทรวงแบ่งส่วนราชการสำนักงานปลัดกระทรวง กระทรวงสาธารณสุข และคำสั่งมอบหมายของสำนักงานสาธารณสุขจังหวัดน่าน",
            owner="director",
            days_ago=390,
        ),
        DemoItem(
            topic="missions",
            title="ภารกิจและหน้าที่ความรับผิดชอบของกลุ่มงาน",
            summary="แต่ละกลุ่มงานรับผิดชอบเรื่องใด และติดต่อใคร",
            body=html(
                "<h3>กลุ่มงานบริหารทั่วไป</h3>",
                "งานสารบรรณ การเงินและบัญชี งานบุคคล งานแผนงาน ศูนย์ข้อมูลข่าวสาร และการรับเรื่องร้องเรียน",
                "<h3>กลุ่มงานเทคโนโลยีสารสนเทศ</h3>",
                "ระบบสารสนเทศและฐานข้อมูลสุขภาพ (HDC) เว็บไซต์ของสำนักงาน และความมั่นคงปลอดภัยไซเบอร์",
                "<h3>งานพัสดุ</h3>",
                "การจัดซื้อจัดจ้าง การบริหารพัสดุและครุภัณฑ์ และการรายงานผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1)",
                "<h3>กลุ่มงานส่งเสริมสุขภาพและป้องกันโรค</h3>",
                "อนามัยแม่และเด็ก ผู้สูงอายุ โรคไม่ติดต่อเรื้อรัง การควบคุมโรคติดต่อ ทีมสอบสวนโรค (CDCU) และงาน อสม.",
                "<h3>กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข</h3>",
                "ตรวจสถานประกอบการด้านผลิตภัณฑ์สุขภาพ เฝ้าระวังผลิตภัณฑ์ที่ไม่ปลอดภัย และรับเรื่องร้องเรียนด้านผลิตภัณฑ์สุขภาพ",
            ),
            owner="director",
            days_ago=390,
        ),
        *[
            DemoItem(
                topic="strategy",
                title=f"แผนยุทธศาสตร์และแผนปฏิบัติราชการ สำนักงานสาธารณสุขอำเภอบ้านหลวง {fy_text(year)}",
                summary="นโยบายผู้บริหาร ความเชื่อมโยงกับยุทธศาสตร์ชาติและยุทธศาสตร์กระทรวงสาธารณสุข ประเด็นยุทธศาสตร์ "
                "ตัวชี้วัด และแผนปฏิบัติราชการประจำปี",
                owner="director",
                data_from=fiscal_year_bounds(year)[0],
                data_to=fiscal_year_bounds(year)[1],
                days_ago=when.ago(when.on(year, 10, 25)),
                files=also(_strategy_plan(when, year), "docx"),
            )
            for year in (fy, prev)
        ],
        *[
            DemoItem(
                topic="annual-plan",
                title=f"แผนปฏิบัติการ โครงการ และงบประมาณรายจ่าย {fy_text(year)}",
                summary=f"โครงการทั้งหมด {len(PROJECTS)} โครงการ งบประมาณรวม {sum(p[2] for p in PROJECTS):,.0f} บาท "
                "จำแนกตามแหล่งงบประมาณและผู้รับผิดชอบ",
                owner="director",
                data_from=fiscal_year_bounds(year)[0],
                data_to=fiscal_year_bounds(year)[1],
                days_ago=when.ago(when.on(year, 11, 5)),
                files=also(_project_plan(when, year), "xlsx"),
            )
            for year in (fy, prev)
        ],
        DemoItem(
            topic="annual-plan",
            title=f"รายงานผลการใช้จ่ายงบประมาณ {fy_text(prev)}",
            summary="ผลการเบิกจ่ายเทียบกับแผนการใช้จ่ายงบประมาณ รายไตรมาส",
            owner="admin",
            data_from=fiscal_year_bounds(prev)[0],
            data_to=fiscal_year_bounds(prev)[1],
            days_ago=when.ago(when.on(fy, 10, 20)),
            files=also(
                pdf(
                    f"รายงานผลการใช้จ่ายงบประมาณ ปี {prev}",
                    f"รายงานผลการใช้จ่ายงบประมาณ {fy_text(prev)}",
                    f"ในปีงบประมาณ พ.ศ. {prev} สำนักงานได้รับจัดสรรงบประมาณรวม {sum(p[2] for p in PROJECTS):,.0f} บาท "
                    "เบิกจ่ายแล้วร้อยละ 96.4 โดยไตรมาสที่ 1 และไตรมาสที่ 3 เบิกจ่ายได้ตามเป้าหมายที่กระทรวงกำหนด",
                    "โครงการที่เบิกจ่ายต่ำกว่าแผน ได้แก่ โครงการคัดกรองมะเร็งปากมดลูก เนื่องจากกลุ่มเป้าหมายมารับบริการน้อยกว่าที่คาดไว้ "
                    "สำนักงานได้ปรับแผนเป็นการออกหน่วยเชิงรุกในหมู่บ้านในปีงบประมาณถัดไป",
                    number=when.letter_no(),
                    date=when.on(fy, 10, 20),
                    rows=[
                        ["ไตรมาส", "แผนการใช้จ่าย (บาท)", "เบิกจ่ายจริง (บาท)", "ร้อยละ"],
                        ["ไตรมาสที่ 1", 412000.0, 398500.0, "96.7"],
                        ["ไตรมาสที่ 2", 365000.0, 341200.0, "93.5"],
                        ["ไตรมาสที่ 3", 298000.0, 296400.0, "99.5"],
                        ["ไตรมาสที่ 4", 215000.0, 207600.0, "96.6"],
                    ],
                ),
                "xlsx",
            ),
        ),
        DemoItem(
            topic="performance",
            title=f"คำรับรองการปฏิบัติราชการ {fy_text(fy)}",
            summary="คำรับรองระหว่างนายแพทย์สาธารณสุขจังหวัดน่านกับสาธารณสุขอำเภอบ้านหลวง พร้อมตัวชี้วัดและค่าเป้าหมาย",
            owner="director",
            data_from=fiscal_year_bounds(fy)[0],
            data_to=fiscal_year_bounds(fy)[1],
            days_ago=when.ago(when.on(fy, 11, 1)),
            files=[
                pdf(
                    f"คำรับรองการปฏิบัติราชการ ปี {fy}",
                    f"คำรับรองการปฏิบัติราชการ {fy_text(fy)}",
                    "คำรับรองนี้เป็นคำรับรองฝ่ายเดียวของสาธารณสุขอำเภอบ้านหลวงต่อนายแพทย์สาธารณสุขจังหวัดน่าน "
                    "ว่าจะมุ่งมั่นปฏิบัติราชการให้เกิดผลงานที่ดีตามเป้าหมายของตัวชี้วัดที่กำหนด",
                    "ผู้รับคำรับรองจะกำกับ ติดตาม และให้การสนับสนุนแก่ผู้ทำคำรับรอง และจะประเมินผลเมื่อสิ้นรอบ 6 เดือนและ 12 เดือน",
                    rows=KPI_ROWS,
                    number=when.letter_no(),
                    date=when.on(fy, 11, 1),
                    signer=(EXECUTIVE, "สาธารณสุขอำเภอบ้านหลวง ผู้ทำคำรับรอง"),
                )
            ],
        ),
        DemoItem(
            topic="performance",
            title=f"รายงานผลการปฏิบัติราชการ {fy_text(prev)} (รอบ 12 เดือน)",
            summary="ผลการดำเนินงานตามตัวชี้วัดคำรับรองการปฏิบัติราชการ ผ่านเกณฑ์ 9 จาก 10 ตัวชี้วัด",
            owner="director",
            data_from=fiscal_year_bounds(prev)[0],
            data_to=fiscal_year_bounds(prev)[1],
            days_ago=when.ago(when.on(fy, 10, 30)),
            files=also(
                pdf(
                    f"รายงานผลการปฏิบัติราชการ ปี {prev}",
                    f"รายงานผลการปฏิบัติราชการ {fy_text(prev)}",
                    "สำนักงานดำเนินงานผ่านเกณฑ์ 9 ตัวชี้วัดจากทั้งหมด 10 ตัวชี้วัด ตัวชี้วัดที่ไม่ผ่านเกณฑ์คือ "
                    "ร้อยละของสตรีอายุ 30–60 ปีที่ได้รับการคัดกรองมะเร็งปากมดลูก ซึ่งทำได้ร้อยละ 68.2 จากเป้าหมายร้อยละ 80",
                    "ปัจจัยสำคัญของความสำเร็จ ได้แก่ การมีส่วนร่วมของ อสม. และองค์กรปกครองส่วนท้องถิ่น "
                    "และการติดตามผลผ่านระบบ HDC ทุกเดือน",
                    rows=with_column(
                        KPI_ROWS,
                        [
                            "ผลงาน",
                            "ร้อยละ 93.5",
                            "ร้อยละ 68.2",
                            "ร้อยละ 72.4",
                            "ร้อยละ 64.0",
                            "0.89",
                            "ร้อยละ 100",
                            "ร้อยละ 88.6",
                            "ร้อยละ 95.0",
                            "ผ่าน",
                            "ร้อยละ 100",
                        ],
                    ),
                    number=when.letter_no(),
                    date=when.on(fy, 10, 30),
                ),
                "xlsx",
            ),
        ),
        DemoItem(
            topic="performance",
            title=f"รายงานผลการปฏิบัติราชการ {fy_text(fy)} (รอบ 6 เดือน) ฉบับร่าง",
            summary="อยู่ระหว่างรวบรวมผลงานจากกลุ่มงานและ รพ.สต.",
            owner="director",
            draft=True,
        ),
        DemoItem(
            topic="contact",
            title="ข้อมูลการติดต่อสำนักงานสาธารณสุขอำเภอบ้านหลวง",
            summary="ที่อยู่ โทรศัพท์ โทรสาร อีเมล แผนที่ และเวลาทำการ",
            body=html(
                f"<strong>{NAME}</strong><br>{OFFICE['address'].replace(chr(10), ' ')}",
                (
                    ("ช่องทาง", "รายละเอียด"),
                    ("โทรศัพท์", OFFICE["phone"]),
                    ("โทรสาร", OFFICE["fax"]),
                    ("อีเมล", f"<a href='mailto:{OFFICE['email']}'>{OFFICE['email']}</a>"),
                    ("เวลาทำการ", OFFICE["office_hours"]),
                    ("แผนที่", f"<a href='{MAP_URL}'>ตำแหน่งสำนักงานบนแผนที่</a>"),
                ),
                "ผู้ประสงค์จะขอข้อมูลข่าวสารของราชการ ติดต่อได้ที่ศูนย์ข้อมูลข่าวสาร กลุ่มงานบริหารทั่วไป ชั้น 1 ในวันและเวลาราชการ",
            ),
            owner="director",
            days_ago=150,
        ),
        DemoItem(
            topic="emails",
            title="อีเมลของกลุ่มงานที่รับผิดชอบข้อมูล",
            summary="ติดต่อกลุ่มงานที่รับผิดชอบข้อมูลแต่ละเรื่องได้โดยตรงทางอีเมลของหน่วยงาน",
            body=html(
                (
                    ("กลุ่มงาน", "เรื่องที่รับผิดชอบ", "อีเมล"),
                    *(
                        (UNIT[code][0], topic, f"<a href='mailto:{UNIT[code][3]}'>{UNIT[code][3]}</a>")
                        for code, topic in (
                            ("admin", "ข้อมูลข่าวสารของราชการ เรื่องร้องเรียน งานบุคคล"),
                            ("it", "เว็บไซต์และระบบสารสนเทศ"),
                            ("procurement", "การจัดซื้อจัดจ้าง แบบ สขร.1"),
                            ("health-promotion", "การส่งเสริมสุขภาพ การควบคุมโรค งาน อสม."),
                            ("consumer-protection", "ผลิตภัณฑ์สุขภาพ การร้องเรียนด้านผู้บริโภค"),
                        )
                    ),
                ),
                f"เรื่องทั่วไปส่งถึงสำนักงานได้ที่ <a href='mailto:{OFFICE['email']}'>{OFFICE['email']}</a>",
            ),
            owner="director",
            days_ago=150,
        ),
        *[
            DemoItem(
                topic="integrity-pledge",
                title=f"ประกาศเจตจำนงสุจริตในการบริหารงาน {fy_text(year)}",
                summary="เจตจำนงของสาธารณสุขอำเภอบ้านหลวงที่จะบริหารงานด้วยความซื่อสัตย์สุจริต โปร่งใส "
                "และเคารพสิทธิมนุษยชนและศักดิ์ศรีของผู้ปฏิบัติงาน",
                owner="director",
                data_from=fiscal_year_bounds(year)[0],
                data_to=fiscal_year_bounds(year)[1],
                days_ago=when.ago(when.on(year, 10, 3)),
                files=[_integrity_pledge(when, year)],
            )
            for year in (fy, prev)
        ],
        *[
            DemoItem(
                topic="hr-policy",
                title=f"นโยบายการบริหารและพัฒนาทรัพยากรบุคคล {fy_text(year)}",
                summary="นโยบายด้านการวางแผนกำลังคน การสรรหา การพัฒนา การประเมินผล และการสร้างขวัญกำลังใจ",
                owner="admin",
                data_from=fiscal_year_bounds(year)[0],
                data_to=fiscal_year_bounds(year)[1],
                days_ago=when.ago(when.on(year, 10, 10)),
                files=[
                    pdf(
                        f"ประกาศนโยบายการบริหารทรัพยากรบุคคล ปี {year}",
                        f"นโยบายการบริหารและพัฒนาทรัพยากรบุคคล {fy_text(year)}",
                        "เพื่อให้การบริหารทรัพยากรบุคคลของสำนักงานสาธารณสุขอำเภอบ้านหลวงเป็นไปอย่างมีประสิทธิภาพ เป็นธรรม "
                        "และสอดคล้องกับยุทธศาสตร์ด้านกำลังคนของกระทรวงสาธารณสุข จึงประกาศนโยบาย ดังนี้",
                        [
                            "ด้านการวางแผนกำลังคน: จัดทำกรอบอัตรากำลังและแผนกำลังคนให้สอดคล้องกับภาระงานของ รพ.สต. ทุกแห่ง",
                            "ด้านการสรรหาและเลือกสรร: สรรหาด้วยความโปร่งใส เปิดเผย ประกาศรับสมัครทางเว็บไซต์ทุกครั้ง",
                            "ด้านการพัฒนาบุคลากร: บุคลากรทุกคนได้รับการพัฒนาอย่างน้อยปีละ 10 ชั่วโมง ตามแผนพัฒนารายบุคคล (IDP)",
                            "ด้านการประเมินผล: ประเมินผลการปฏิบัติราชการปีละ 2 รอบ ด้วยเกณฑ์ที่ชัดเจนและแจ้งผลให้ทราบทุกคน",
                            "ด้านคุณภาพชีวิต: ส่งเสริมความสุขในการทำงาน (Happy Work Place) และสวัสดิการที่เหมาะสม",
                        ],
                        "จึงประกาศให้ทราบและถือปฏิบัติโดยทั่วกัน",
                        layout="announcement",
                        date=when.on(year, 10, 10),
                    )
                ],
            )
            for year in (fy, prev)
        ],
    ]


# Projects of the annual plan: (project, funding source, budget in baht, owning unit).
PROJECTS = [
    ("โครงการป้องกันและควบคุมโรคไข้เลือดออก", "เงินบำรุงโรงพยาบาล", 85000.0, "กลุ่มงานส่งเสริมสุขภาพและป้องกันโรค"),
    ("โครงการคัดกรองเบาหวานและความดันโลหิตสูงในประชาชนอายุ 35 ปีขึ้นไป", "กองทุนหลักประกันสุขภาพระดับท้องถิ่น", 120000.0,
     "กลุ่มงานส่งเสริมสุขภาพและป้องกันโรค"),
    ("โครงการส่งเสริมสุขภาพผู้สูงอายุและการดูแลระยะยาว (Long Term Care)", "กองทุนหลักประกันสุขภาพแห่งชาติ", 240000.0,
     "กลุ่มงานส่งเสริมสุขภาพและป้องกันโรค"),
    ("โครงการส่งเสริมสุขภาพช่องปากเด็กนักเรียนประถมศึกษา", "งบประมาณสำนักงานปลัดกระทรวงสาธารณสุข", 45000.0,
     "กลุ่มงานส่งเสริมสุขภาพและป้องกันโรค"),
    ("โครงการพัฒนาศักยภาพอาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.)", "งบประมาณสำนักงานปลัดกระทรวงสาธารณสุข", 150000.0,
     "กลุ่มงานส่งเสริมสุขภาพและป้องกันโรค"),
    ("โครงการคัดกรองมะเร็งปากมดลูกและมะเร็งเต้านม", "กองทุนหลักประกันสุขภาพแห่งชาติ", 60000.0,
     "กลุ่มงานส่งเสริมสุขภาพและป้องกันโรค"),
    ("โครงการตรวจเฝ้าระวังความปลอดภัยผลิตภัณฑ์สุขภาพในชุมชน", "งบประมาณสำนักงานปลัดกระทรวงสาธารณสุข", 35000.0,
     "กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข"),
    ("โครงการส่งเสริมคุณธรรมจริยธรรมและป้องกันการทุจริต", "เงินบำรุงโรงพยาบาล", 20000.0, "กลุ่มงานบริหารทั่วไป"),
    ("โครงการพัฒนาระบบข้อมูลสุขภาพและเว็บไซต์หน่วยงาน", "เงินบำรุงโรงพยาบาล", 30000.0, "กลุ่มงานเทคโนโลยีสารสนเทศ"),
]  # fmt: skip
# Indicators of the performance agreement: (no., indicator, target); the report adds a result column.
KPI_ROWS = [
    ["ลำดับ", "ตัวชี้วัด", "ค่าเป้าหมาย"],
    [1, "ร้อยละของประชาชนอายุ 35 ปีขึ้นไปได้รับการคัดกรองเบาหวาน", "ร้อยละ 90"],
    [2, "ร้อยละของสตรีอายุ 30–60 ปีได้รับการคัดกรองมะเร็งปากมดลูก", "ร้อยละ 80"],
    [3, "ร้อยละของผู้ป่วยความดันโลหิตสูงที่ควบคุมความดันได้ดี", "ร้อยละ 60"],
    [4, "ร้อยละของผู้ป่วยเบาหวานที่ควบคุมระดับน้ำตาลได้ดี", "ร้อยละ 40"],
    [5, "ค่าดัชนีความชุกลูกน้ำยุงลายในหมู่บ้าน (HI)", "ไม่เกิน 10"],
    [6, "ร้อยละของเด็กอายุ 1 ปีได้รับวัคซีนหัด คางทูม หัดเยอรมัน", "ร้อยละ 95"],
    [7, "ร้อยละของผู้สูงอายุได้รับการคัดกรองภาวะสุขภาพ", "ร้อยละ 85"],
    [8, "ร้อยละของสถานประกอบการด้านผลิตภัณฑ์สุขภาพผ่านเกณฑ์มาตรฐาน", "ร้อยละ 90"],
    [9, "ผลการประเมิน ITA ของหน่วยงาน", "ผ่านเกณฑ์"],
    [10, "ร้อยละของ รพ.สต. ผ่านเกณฑ์มาตรฐาน รพ.สต.ติดดาว", "ร้อยละ 100"],
]  # fmt: skip


def _strategy_plan(when, year):
    """The strategy and action plan: a bound document with a cover, several pages long."""
    return pdf(
        f"แผนยุทธศาสตร์และแผนปฏิบัติราชการ ปี {year}",
        "แผนยุทธศาสตร์และแผนปฏิบัติราชการ สำนักงานสาธารณสุขอำเภอบ้านหลวง",
        subtitle=fy_text(year),
        cover=True,
        number=when.letter_no(),
        date=when.on(year, 10, 25),
        sections=[
            (
                "ส่วนที่ 1 นโยบายของผู้บริหาร",
                [
                    f"สาธารณสุขอำเภอบ้านหลวงกำหนดนโยบายการบริหารงาน {fy_text(year)} ให้สอดคล้องกับยุทธศาสตร์ชาติ 20 ปี "
                    "ด้านการพัฒนาและเสริมสร้างศักยภาพทรัพยากรมนุษย์ และยุทธศาสตร์ความเป็นเลิศ 4 ด้านของกระทรวงสาธารณสุข "
                    "ได้แก่ ส่งเสริมสุขภาพ ป้องกันโรคและคุ้มครองผู้บริโภคเป็นเลิศ บริการเป็นเลิศ บุคลากรเป็นเลิศ "
                    "และบริหารจัดการเป็นเลิศด้วยธรรมาภิบาล",
                    [
                        "ยกระดับบริการปฐมภูมิใน รพ.สต. ทุกแห่งให้ผ่านเกณฑ์มาตรฐาน รพ.สต.ติดดาว",
                        "ลดโรคไม่ติดต่อเรื้อรังด้วยการคัดกรองและการปรับเปลี่ยนพฤติกรรมสุขภาพในชุมชน",
                        "ป้องกันและควบคุมโรคติดต่อที่เป็นปัญหาของพื้นที่ ได้แก่ ไข้เลือดออก และโรคพิษสุนัขบ้า",
                        "บริหารงานอย่างโปร่งใส เปิดเผยข้อมูลต่อสาธารณะ และผ่านเกณฑ์การประเมิน ITA",
                    ],
                ],
            ),
            (
                "ส่วนที่ 2 การวิเคราะห์สถานการณ์",
                [
                    "อำเภอบ้านหลวงมีประชากรประมาณ 12,400 คน เป็นผู้สูงอายุร้อยละ 21.5 ซึ่งสูงกว่าค่าเฉลี่ยของประเทศ "
                    "โรคที่เป็นปัญหาสำคัญ ได้แก่ ความดันโลหิตสูง เบาหวาน และโรคไข้เลือดออกในช่วงฤดูฝน",
                    "จุดแข็งของพื้นที่คือเครือข่าย อสม. ที่เข้มแข็งและความร่วมมือขององค์กรปกครองส่วนท้องถิ่น "
                    "ส่วนจุดที่ต้องพัฒนาคืออัตรากำลังของ รพ.สต. และระบบข้อมูลที่ยังต้องบันทึกซ้ำซ้อน",
                    "สำนักงานได้วิเคราะห์สภาพแวดล้อมด้วยเทคนิค SWOT ร่วมกับหัวหน้ากลุ่มงาน ผู้อำนวยการ รพ.สต. "
                    "และผู้แทนภาคีเครือข่าย เพื่อกำหนดประเด็นยุทธศาสตร์และตัวชี้วัดที่วัดผลได้",
                ],
            ),
            (
                "ส่วนที่ 3 ประเด็นยุทธศาสตร์และเป้าประสงค์",
                [
                    "ประเด็นยุทธศาสตร์ที่ 1 การส่งเสริมสุขภาพ ป้องกันโรค และคุ้มครองผู้บริโภค เป้าประสงค์: "
                    "ประชาชนมีพฤติกรรมสุขภาพที่เหมาะสมและปลอดภัยจากโรคและภัยสุขภาพ",
                    "ประเด็นยุทธศาสตร์ที่ 2 การพัฒนาระบบบริการปฐมภูมิ เป้าประสงค์: ประชาชนเข้าถึงบริการที่มีคุณภาพใกล้บ้าน",
                    "ประเด็นยุทธศาสตร์ที่ 3 การพัฒนาบุคลากร เป้าประสงค์: บุคลากรมีสมรรถนะและมีความสุขในการทำงาน",
                    "ประเด็นยุทธศาสตร์ที่ 4 การบริหารจัดการด้วยธรรมาภิบาล เป้าประสงค์: องค์กรโปร่งใส ตรวจสอบได้",
                ],
                KPI_ROWS,
            ),
            (
                "ส่วนที่ 4 แผนปฏิบัติราชการประจำปี",
                [
                    "แผนปฏิบัติราชการประกอบด้วยโครงการตามประเด็นยุทธศาสตร์ รายละเอียดโครงการ งบประมาณ "
                    "และผู้รับผิดชอบอยู่ในแผนปฏิบัติการ โครงการ และงบประมาณรายจ่ายประจำปี",
                ],
                [
                    ["ลำดับ", "โครงการ", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"],
                    *([n, name, budget, unit] for n, (name, _, budget, unit) in enumerate(PROJECTS, 1)),
                ],
            ),
            (
                "ส่วนที่ 5 การติดตามและประเมินผล",
                [
                    "สำนักงานติดตามผลการดำเนินงานทุกเดือนในการประชุมประจำเดือนของผู้รับผิดชอบงานสาธารณสุข "
                    "และสรุปผลรอบ 6 เดือนและ 12 เดือนเสนอสำนักงานสาธารณสุขจังหวัดน่าน",
                ],
            ),
        ],
    )


def _project_plan(when, year):
    total = sum(p[2] for p in PROJECTS)
    return pdf(
        f"แผนปฏิบัติการและงบประมาณ ปี {year}",
        f"แผนปฏิบัติการ โครงการ และงบประมาณรายจ่าย {fy_text(year)}",
        f"สำนักงานสาธารณสุขอำเภอบ้านหลวงได้จัดทำแผนปฏิบัติการ {fy_text(year)} จำนวน {len(PROJECTS)} โครงการ "
        f"งบประมาณรวมทั้งสิ้น {total:,.2f} บาท จากแหล่งงบประมาณสำนักงานปลัดกระทรวงสาธารณสุข เงินบำรุง "
        "และกองทุนหลักประกันสุขภาพ",
        "แผนการใช้จ่ายงบประมาณกำหนดให้เบิกจ่ายในไตรมาสที่ 1 และ 2 ไม่น้อยกว่าร้อยละ 55 ของงบประมาณทั้งปี",
        number=when.letter_no(),
        date=when.on(year, 11, 5),
        rows=[
            ["ลำดับ", "โครงการ", "แหล่งงบประมาณ", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"],
            *([n, name, source, budget, unit] for n, (name, source, budget, unit) in enumerate(PROJECTS, 1)),
            ["", "รวม", "", total, ""],
        ],
    )


def _integrity_pledge(when, year):
    return pdf(
        f"ประกาศเจตจำนงสุจริต ปี {year}",
        f"เจตจำนงสุจริตในการบริหารงาน {fy_text(year)}",
        f"ข้าพเจ้า {EXECUTIVE} สาธารณสุขอำเภอบ้านหลวง ขอประกาศเจตจำนงว่าจะปฏิบัติหน้าที่และบริหารงานด้วยความซื่อสัตย์สุจริต "
        "มีคุณธรรม โปร่งใส และยึดหลักธรรมาภิบาล ไม่กระทำการใดอันเป็นการทุจริตหรือประพฤติมิชอบ "
        "และพร้อมให้ประชาชนและทุกภาคส่วนตรวจสอบการดำเนินงานของสำนักงาน",
        "เพื่อให้เป็นไปตามเจตจำนงดังกล่าว สำนักงานสาธารณสุขอำเภอบ้านหลวงจะดำเนินการ ดังนี้",
        [
            "บริหารงานโดยยึดหลักนิติธรรม คุณธรรม ความโปร่งใส ความมีส่วนร่วม ความรับผิดชอบ และความคุ้มค่า",
            "เปิดเผยข้อมูลข่าวสารของราชการให้ประชาชนเข้าถึงได้ง่าย ถูกต้อง และเป็นปัจจุบัน",
            "จัดซื้อจัดจ้างอย่างเปิดเผย เป็นธรรม และตรวจสอบได้",
            "ไม่รับของขวัญหรือประโยชน์อื่นใดจากการปฏิบัติหน้าที่ (No Gift Policy)",
            "เคารพสิทธิมนุษยชนและศักดิ์ศรีของผู้ปฏิบัติงาน และไม่ยอมรับการล่วงละเมิดหรือคุกคามทางเพศในการทำงาน",
            "เปิดช่องทางรับเรื่องร้องเรียนการทุจริต และคุ้มครองผู้ร้องเรียนมิให้ได้รับผลกระทบ",
        ],
        "จึงประกาศให้ทราบโดยทั่วกัน",
        layout="announcement",
        date=when.on(year, 10, 3),
    )


# ------------------------------------------------------------------------------------------------ 1.2 กฎหมาย

# Acts the office works under: (title, Royal Gazette reference, date in force, what it means for the office).
ACTS = [
    ("พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540", "ราชกิจจานุเบกษา เล่ม 114 ตอนที่ 46 ก วันที่ 10 กันยายน 2540",
     "กำหนดให้หน่วยงานของรัฐเปิดเผยข้อมูลข่าวสารตามมาตรา 7 และจัดให้ประชาชนตรวจดูได้ตามมาตรา 9 "
     "และวางหลักการคุ้มครองข้อมูลข่าวสารส่วนบุคคล"),
    ("พระราชบัญญัติการสาธารณสุข พ.ศ. 2535", "ราชกิจจานุเบกษา เล่ม 109 ตอนที่ 38 วันที่ 5 เมษายน 2535",
     "วางหลักเกณฑ์ด้านสุขลักษณะ การจัดการมูลฝอย เหตุรำคาญ และกิจการที่เป็นอันตรายต่อสุขภาพ "
     "โดยราชการส่วนท้องถิ่นเป็นผู้บังคับใช้และสาธารณสุขให้คำแนะนำทางวิชาการ"),
    ("พระราชบัญญัติโรคติดต่อ พ.ศ. 2558", "ราชกิจจานุเบกษา เล่ม 132 ตอนที่ 86 ก วันที่ 8 กันยายน 2558",
     "กำหนดหน้าที่การเฝ้าระวัง การรายงาน และการควบคุมโรคติดต่อ รวมทั้งอำนาจของเจ้าพนักงานควบคุมโรคติดต่อ"),
    ("พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562", "ราชกิจจานุเบกษา เล่ม 136 ตอนที่ 69 ก วันที่ 27 พฤษภาคม 2562",
     "กำหนดหลักเกณฑ์การเก็บรวบรวม ใช้ และเปิดเผยข้อมูลส่วนบุคคล ซึ่งรวมถึงข้อมูลสุขภาพของผู้รับบริการ"),
    ("พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560",
     "ราชกิจจานุเบกษา เล่ม 134 ตอนที่ 24 ก วันที่ 24 กุมภาพันธ์ 2560",
     "กำหนดวิธีการจัดซื้อจัดจ้าง การประกาศเผยแพร่แผนและผลการจัดซื้อจัดจ้าง และการบริหารพัสดุของหน่วยงานของรัฐ"),
    ("พระราชบัญญัติสุขภาพแห่งชาติ พ.ศ. 2550", "ราชกิจจานุเบกษา เล่ม 124 ตอนที่ 16 ก วันที่ 19 มีนาคม 2550",
     "รับรองสิทธิและหน้าที่ด้านสุขภาพของประชาชน และกลไกสมัชชาสุขภาพที่เปิดให้ประชาชนมีส่วนร่วม"),
]  # fmt: skip


def _laws(when):
    acts = [
        DemoItem(
            topic="acts-and-decrees",
            title=title,
            summary=purpose,
            body=html(purpose, "ดาวน์โหลดฉบับเต็มได้จากเว็บไซต์ราชกิจจานุเบกษา สำนักเลขาธิการคณะรัฐมนตรี"),
            source=gazette,
            owner="admin",
            external_url="https://ratchakitcha.soc.go.th/",
            days_ago=700 - 40 * n,
            files=[
                pdf(
                    f"สรุปสาระสำคัญ {title}",
                    f"สรุปสาระสำคัญ{title}",
                    purpose,
                    "เอกสารนี้เป็นสรุปเพื่อการเผยแพร่ ขอให้ยึดถือตัวบทที่ประกาศในราชกิจจานุเบกษาเป็นหลัก",
                    subtitle=gazette,
                )
            ]
            if n < 3
            else [],
        )
        for n, (title, gazette, purpose) in enumerate(ACTS)
    ]
    return [
        *acts,
        DemoItem(
            topic="regulations-and-announcements",
            title="ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560",
            summary="ระเบียบที่งานพัสดุใช้ปฏิบัติในการจัดซื้อจัดจ้างทุกวิธี",
            source="ราชกิจจานุเบกษา เล่ม 134 ตอนพิเศษ 210 ง วันที่ 23 สิงหาคม 2560",
            owner="procurement",
            external_url="https://www.gprocurement.go.th/",
            days_ago=650,
        ),
        DemoItem(
            topic="regulations-and-announcements",
            title="ระเบียบกระทรวงสาธารณสุขว่าด้วยอาสาสมัครสาธารณสุขประจำหมู่บ้าน พ.ศ. 2554",
            summary="คุณสมบัติ บทบาทหน้าที่ และการพ้นจากสภาพของ อสม.",
            body=html(
                "ระเบียบนี้กำหนดคุณสมบัติ การคัดเลือก บทบาทหน้าที่ และการพ้นจากสภาพของอาสาสมัครสาธารณสุขประจำหมู่บ้าน "
                "ซึ่งเป็นกำลังสำคัญของงานสาธารณสุขมูลฐานในอำเภอบ้านหลวง"
            ),
            source="กระทรวงสาธารณสุข",
            owner="health-promotion",
            days_ago=610,
        ),
        DemoItem(
            topic="regulations-and-announcements",
            title=f"ประกาศจังหวัดน่าน เรื่อง มาตรการป้องกันและแก้ไขปัญหาไฟป่าและหมอกควัน ปี {be_year(when.days(240).year)}",
            summary="ห้ามเผาในที่โล่งในช่วงเวลาที่กำหนด และแนวทางดูแลสุขภาพประชาชนจากฝุ่นละอองขนาดเล็ก",
            body=html(
                "จังหวัดน่านประกาศห้ามเผาในที่โล่งทุกชนิดในช่วงวิกฤตหมอกควัน และให้หน่วยงานสาธารณสุขเฝ้าระวังผลกระทบต่อสุขภาพ",
                [
                    "จัดตั้งห้องปลอดฝุ่นในสถานบริการสาธารณสุข",
                    "แจกหน้ากากอนามัยให้กลุ่มเสี่ยง",
                    "รายงานจำนวนผู้ป่วยโรคที่เกี่ยวข้องกับฝุ่นละอองทุกสัปดาห์",
                ],
            ),
            source="จังหวัดน่าน (ศูนย์บัญชาการเหตุการณ์จังหวัดน่าน)",
            owner="health-promotion",
            days_ago=240,
            files=[
                pdf(
                    "ประกาศจังหวัดน่าน มาตรการไฟป่าและหมอกควัน",
                    "มาตรการป้องกันและแก้ไขปัญหาไฟป่าและหมอกควัน",
                    "สำเนาประกาศจังหวัดน่าน เผยแพร่โดยสำนักงานสาธารณสุขอำเภอบ้านหลวงเพื่อให้ประชาชนทราบและถือปฏิบัติ",
                    "ห้ามมิให้ผู้ใดเผาป่า เผาเศษวัสดุทางการเกษตร หรือเผาขยะในที่โล่งทุกพื้นที่ของจังหวัดน่าน "
                    "ตลอดช่วงเวลาที่จังหวัดประกาศ ผู้ฝ่าฝืนมีความผิดตามกฎหมายที่เกี่ยวข้อง",
                    subtitle="(สำเนาเพื่อการเผยแพร่)",
                )
            ],
        ),
        DemoItem(
            topic="regulations-and-announcements",
            title="ประกาศสำนักงานสาธารณสุขอำเภอบ้านหลวง เรื่อง หลักเกณฑ์และอัตราค่าธรรมเนียมการทำสำเนาข้อมูลข่าวสารของราชการ",
            summary="ค่าถ่ายสำเนาเอกสารและการรับรองสำเนาสำหรับผู้ขอข้อมูลข่าวสาร",
            source=NAME,
            owner="admin",
            days_ago=500,
            files=[
                pdf(
                    "ประกาศค่าธรรมเนียมการทำสำเนาข้อมูลข่าวสาร",
                    "หลักเกณฑ์และอัตราค่าธรรมเนียมการทำสำเนาข้อมูลข่าวสารของราชการ",
                    "อาศัยอำนาจตามความในมาตรา 9 วรรคสี่ แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540 "
                    "สำนักงานสาธารณสุขอำเภอบ้านหลวงจึงกำหนดหลักเกณฑ์และอัตราค่าธรรมเนียมการทำสำเนาข้อมูลข่าวสาร ดังนี้",
                    [
                        "สำเนาเอกสารขนาด A4 หน้าละ 1 บาท",
                        "สำเนาเอกสารขนาด A3 หน้าละ 2 บาท",
                        "การรับรองสำเนาถูกต้อง ไม่เก็บค่าธรรมเนียม",
                        "ผู้มีรายได้น้อยหรือขอเพื่อประโยชน์ในการศึกษา ได้รับยกเว้นค่าธรรมเนียม",
                    ],
                    "จึงประกาศให้ทราบโดยทั่วกัน",
                    layout="announcement",
                    date=when.days(500),
                )
            ],
        ),
        DemoItem(
            topic="standards-and-guidelines",
            title="แนวทางการเฝ้าระวัง ป้องกัน และควบคุมโรคไข้เลือดออก สำหรับบุคลากรสาธารณสุข",
            summary="แนวทางของกรมควบคุมโรคที่สำนักงานใช้ในการควบคุมโรคไข้เลือดออกในพื้นที่",
            body=html(
                "หลักการ 3-3-1: รายงานโรคภายใน 3 ชั่วโมง สอบสวนและควบคุมโรคภายใน 3 ชั่วโมง "
                "และควบคุมไม่ให้เกิดผู้ป่วยรายใหม่ภายใน 1 วัน (28 วันหลังผู้ป่วยรายสุดท้าย)"
            ),
            source="กรมควบคุมโรค กระทรวงสาธารณสุข",
            owner="health-promotion",
            external_url="https://ddc.moph.go.th/",
            days_ago=330,
        ),
        DemoItem(
            topic="standards-and-guidelines",
            title="มาตรฐานโรงพยาบาลส่งเสริมสุขภาพตำบลติดดาว (รพ.สต.ติดดาว)",
            summary="เกณฑ์มาตรฐาน 5 หมวด ที่ รพ.สต. ทุกแห่งในอำเภอใช้พัฒนาคุณภาพบริการ",
            body=html(
                "เกณฑ์ รพ.สต.ติดดาวแบ่งเป็น 5 หมวด ได้แก่",
                [
                    "การนำองค์กรและการจัดการที่ดี",
                    "การให้ความสำคัญกับประชาชนและผู้มีส่วนได้ส่วนเสีย",
                    "การมุ่งเน้นทรัพยากรบุคคล",
                    "การจัดระบบบริการที่ดี",
                    "ผลลัพธ์การดำเนินงาน",
                ],
            ),
            source="สำนักงานปลัดกระทรวงสาธารณสุข",
            owner="health-promotion",
            days_ago=300,
            files=[
                pdf(
                    "สรุปเกณฑ์ รพ.สต.ติดดาว",
                    "สรุปเกณฑ์มาตรฐานโรงพยาบาลส่งเสริมสุขภาพตำบลติดดาว",
                    "รพ.สต. ที่ผ่านเกณฑ์ครบทั้ง 5 หมวดจะได้รับการรับรองระดับ 5 ดาว "
                    "สำนักงานสาธารณสุขอำเภอทำหน้าที่พี่เลี้ยงและประเมินตนเองร่วมกับ รพ.สต. ก่อนการประเมินของจังหวัด",
                    rows=[
                        ["หมวด", "เรื่อง", "ตัวอย่างหลักฐาน"],
                        [1, "การนำองค์กรและการจัดการที่ดี", "แผนยุทธศาสตร์ของ รพ.สต."],
                        [2, "การให้ความสำคัญกับประชาชน", "ผลสำรวจความพึงพอใจ"],
                        [3, "การมุ่งเน้นทรัพยากรบุคคล", "แผนพัฒนาบุคลากร"],
                        [4, "การจัดระบบบริการที่ดี", "แนวทางการดูแลผู้ป่วยโรคเรื้อรัง"],
                        [5, "ผลลัพธ์การดำเนินงาน", "ผลงานตามตัวชี้วัด"],
                    ],
                )
            ],
        ),
        DemoItem(
            topic="standards-and-guidelines",
            title="แนวปฏิบัติการคุ้มครองข้อมูลส่วนบุคคลสำหรับหน่วยบริการสาธารณสุข",
            summary="การเก็บ ใช้ และเปิดเผยข้อมูลสุขภาพของผู้รับบริการให้เป็นไปตามกฎหมาย",
            source="สำนักงานปลัดกระทรวงสาธารณสุข",
            owner="it",
            days_ago=260,
            files=[
                pdf(
                    "แนวปฏิบัติการคุ้มครองข้อมูลส่วนบุคคล",
                    "แนวปฏิบัติการคุ้มครองข้อมูลส่วนบุคคลสำหรับหน่วยบริการสาธารณสุข",
                    "ข้อมูลสุขภาพเป็นข้อมูลส่วนบุคคลที่มีความอ่อนไหว การเก็บรวบรวม ใช้ หรือเปิดเผยต้องได้รับความยินยอมโดยชัดแจ้ง "
                    "เว้นแต่เป็นกรณีที่กฎหมายกำหนดให้ทำได้",
                    [
                        "เก็บข้อมูลเท่าที่จำเป็นตามวัตถุประสงค์",
                        "ไม่เผยแพร่ภาพหรือข้อมูลที่ระบุตัวผู้ป่วยได้",
                        "จำกัดสิทธิการเข้าถึงระบบข้อมูลตามหน้าที่",
                        "แจ้งเหตุละเมิดข้อมูลต่อผู้บังคับบัญชาโดยเร็ว",
                    ],
                )
            ],
        ),
        DemoItem(
            topic="cabinet-resolutions",
            title="มติคณะรัฐมนตรี เรื่อง มาตรการแก้ไขปัญหาฝุ่นละอองขนาดเล็ก (PM2.5)",
            summary="สรุปมติและบทบาทของหน่วยงานสาธารณสุขในการดูแลสุขภาพประชาชน",
            body=html(
                "คณะรัฐมนตรีมีมติเห็นชอบมาตรการแก้ไขปัญหาฝุ่นละอองขนาดเล็ก โดยมอบหมายกระทรวงสาธารณสุขดูแลด้านสุขภาพ ดังนี้",
                [
                    "สื่อสารความเสี่ยงและแนะนำการป้องกันตนเองแก่ประชาชน",
                    "จัดห้องปลอดฝุ่นในสถานบริการและสถานศึกษา",
                    "เฝ้าระวังผู้ป่วยกลุ่มโรคที่เกี่ยวข้อง",
                ],
                "ข้อมูลประกอบการพิจารณา: รายงานสถานการณ์คุณภาพอากาศของกรมควบคุมมลพิษ",
            ),
            source="สำนักเลขาธิการคณะรัฐมนตรี",
            owner="admin",
            external_url="https://resolution.soc.go.th/",
            days_ago=280,
        ),
        DemoItem(
            topic="cabinet-resolutions",
            title=f"มติคณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอบ้านหลวง (พชอ.) ครั้งที่ 1/{when.fy}",
            summary="คณะกรรมการที่ตั้งตามระเบียบสำนักนายกรัฐมนตรีว่าด้วยการพัฒนาคุณภาพชีวิตระดับพื้นที่ พ.ศ. 2561",
            body=html(
                "ที่ประชุมมีมติเลือกประเด็นพัฒนาคุณภาพชีวิตของอำเภอ 3 ประเด็น ได้แก่",
                ["การดูแลผู้สูงอายุที่มีภาวะพึ่งพิง", "การป้องกันอุบัติเหตุทางถนน", "การลดการเผาในที่โล่งและฝุ่นละออง"],
                "ข้อมูลประกอบการพิจารณา: ข้อมูลสถานะสุขภาพจากระบบ HDC และรายงานอุบัติเหตุของสถานีตำรวจภูธรบ้านหลวง",
            ),
            source="คณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอบ้านหลวง",
            owner="director",
            data_from=when.on(when.fy, 11, 18),
            data_to=when.on(when.fy, 11, 18),
            days_ago=when.ago(when.on(when.fy, 11, 20)),
            files=[
                pdf(
                    f"รายงานการประชุม พชอ. ครั้งที่ 1-{when.fy}",
                    f"รายงานการประชุมคณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอบ้านหลวง ครั้งที่ 1/{when.fy}",
                    f"ประชุมเมื่อวันที่ {thai(when.on(when.fy, 11, 18))} ณ ห้องประชุมที่ว่าการอำเภอบ้านหลวง "
                    "นายอำเภอบ้านหลวงเป็นประธาน สาธารณสุขอำเภอบ้านหลวงเป็นกรรมการและเลขานุการ",
                    "มติที่ประชุม: เห็นชอบประเด็นพัฒนาคุณภาพชีวิต 3 ประเด็น และมอบหมายคณะทำงานจัดทำแผนภายใน 30 วัน",
                    signer=(EXECUTIVE, "กรรมการและเลขานุการ ผู้จดรายงานการประชุม"),
                )
            ],
        ),
        DemoItem(
            topic="ethics-standards",
            title="พระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. 2562",
            summary="กฎหมายที่วางหลักมาตรฐานทางจริยธรรมของเจ้าหน้าที่ของรัฐทุกหน่วยงาน",
            source="ราชกิจจานุเบกษา เล่ม 136 ตอนที่ 50 ก วันที่ 16 เมษายน 2562",
            owner="admin",
            external_url="https://ratchakitcha.soc.go.th/",
            days_ago=640,
        ),
        DemoItem(
            topic="ethics-standards",
            title="ประมวลจริยธรรมข้าราชการพลเรือน และข้อกำหนดจริยธรรมเจ้าหน้าที่ของรัฐ สำนักงานปลัดกระทรวงสาธารณสุข",
            summary="หลักจริยธรรม 7 ประการที่ข้าราชการและเจ้าหน้าที่ของสำนักงานยึดถือ",
            body=html(
                "ประมวลจริยธรรมข้าราชการพลเรือนกำหนดให้ข้าราชการยึดมั่นในค่านิยมหลัก 7 ประการ ได้แก่",
                "<ol><li>ยึดมั่นในสถาบันหลักของประเทศ</li><li>ซื่อสัตย์สุจริต มีจิตสำนึกที่ดี และรับผิดชอบต่อหน้าที่</li>"
                "<li>กล้าตัดสินใจและกระทำในสิ่งที่ถูกต้องชอบธรรม</li><li>คิดถึงประโยชน์ส่วนรวมมากกว่าประโยชน์ส่วนตัว</li>"
                "<li>มุ่งผลสัมฤทธิ์ของงาน</li><li>ปฏิบัติหน้าที่อย่างเป็นธรรมและไม่เลือกปฏิบัติ</li>"
                "<li>ดำรงตนเป็นแบบอย่างที่ดี</li></ol>",
            ),
            source="สำนักงานคณะกรรมการข้าราชการพลเรือน (ก.พ.) และสำนักงานปลัดกระทรวงสาธารณสุข",
            owner="admin",
            days_ago=600,
            files=[
                pdf(
                    "ประมวลจริยธรรมข้าราชการพลเรือน",
                    "ประมวลจริยธรรมข้าราชการพลเรือน",
                    "ข้าราชการพลเรือนต้องประพฤติตนตามมาตรฐานทางจริยธรรม เพื่อให้ประชาชนเชื่อมั่นและไว้วางใจในการปฏิบัติราชการ",
                    "ผู้บังคับบัญชามีหน้าที่กำกับดูแลให้ผู้ใต้บังคับบัญชาปฏิบัติตามประมวลจริยธรรม "
                    "และคณะกรรมการจริยธรรมประจำส่วนราชการมีหน้าที่ควบคุม กำกับ และส่งเสริมให้มีการปฏิบัติตาม",
                    subtitle="(ฉบับเผยแพร่)",
                )
            ],
        ),
        DemoItem(
            topic="ethics-standards",
            title=f"คณะกรรมการจริยธรรม สำนักงานสาธารณสุขอำเภอบ้านหลวง ชุดปัจจุบัน ({fy_text(when.fy)})",
            summary="อินโฟกราฟิกรายชื่อและบทบาทของคณะกรรมการจริยธรรมประจำหน่วยงาน",
            body=html(
                (
                    ("ตำแหน่งในคณะกรรมการ", "ชื่อ-นามสกุล"),
                    ("ประธานกรรมการ", EXECUTIVE),
                    ("กรรมการ", UNIT["admin"][1]),
                    ("กรรมการ", UNIT["health-promotion"][1]),
                    ("กรรมการและเลขานุการ", "นางอรุณี สายสุข"),
                )
            ),
            owner="admin",
            days_ago=when.ago(when.on(when.fy, 10, 15)),
            files=[
                DemoFile(
                    "คณะกรรมการจริยธรรม.png",
                    scene=INFOGRAPHIC,
                    alt_text="อินโฟกราฟิกคณะกรรมการจริยธรรม: ประธาน กรรมการ และเลขานุการ พร้อมช่องทางแจ้งเรื่องจริยธรรม",
                )
            ],
        ),
    ]


# ------------------------------------------------------------------------------------------------ 1.3 คลังความรู้

DDC = "กรมควบคุมโรค กระทรวงสาธารณสุข"
ANAMAI = "กรมอนามัย กระทรวงสาธารณสุข"
HDC = "ระบบคลังข้อมูลด้านการแพทย์และสุขภาพ (HDC) สำนักงานสาธารณสุขจังหวัดน่าน"
# Households and people by subdistrict, with the share aged 60 and over (demo figures).
POPULATION = [("ป่าคาหลวง", 8, 1012, 3385, 20.8), ("บ้านฟ้า", 7, 865, 2904, 22.1), ("บ้านพี้", 6, 742, 2471, 23.4),
              ("สวด", 8, 1098, 3642, 19.7)]  # fmt: skip


def _knowledge(when):
    year = be_year(when.today.year)
    census = when.date(when.fy, 10, 1)  # the population count the year's plans use
    return [
        DemoItem(
            topic="infographics",
            title="3 เก็บ ป้องกัน 3 โรค: ไข้เลือดออก ไข้ซิกา และไข้ปวดข้อยุงลาย",
            summary="เก็บบ้าน เก็บขยะ เก็บน้ำ ตัดวงจรยุงลายทุกสัปดาห์",
            body=html(
                "<ol><li>เก็บบ้านให้สะอาด ปลอดโปร่ง ไม่ให้เป็นที่เกาะพักของยุง</li>"
                "<li>เก็บขยะ เศษภาชนะที่มีน้ำขัง</li><li>เก็บน้ำ ปิดฝาโอ่งให้มิดชิด เปลี่ยนน้ำในแจกันทุก 7 วัน</li></ol>"
            ),
            source=DDC,
            owner="health-promotion",
            days_ago=160,
            files=[
                DemoFile(
                    "3เก็บ3โรค.png",
                    scene=INFOGRAPHIC,
                    alt_text="อินโฟกราฟิก 3 เก็บ: ปิดฝาโอ่ง คว่ำภาชนะ และกำจัดแหล่งเพาะพันธุ์ยุงลาย",
                )
            ],
        ),
        DemoItem(
            topic="infographics",
            title="ฝุ่น PM2.5 ดูแลตัวเองอย่างไร",
            summary="ตรวจค่าฝุ่นก่อนออกจากบ้าน สวมหน้ากาก N95 และลดกิจกรรมกลางแจ้ง",
            body=html(
                [
                    "ตรวจสอบค่าฝุ่นก่อนออกจากบ้าน",
                    "สวมหน้ากากที่ป้องกันฝุ่นได้",
                    "ลดกิจกรรมกลางแจ้ง โดยเฉพาะเด็กและผู้สูงอายุ",
                    "หากมีอาการหายใจลำบาก แน่นหน้าอก ให้รีบพบแพทย์",
                ]
            ),
            source=ANAMAI,
            owner="health-promotion",
            days_ago=250,
            files=[DemoFile("ฝุ่นPM25.png", scene=INFOGRAPHIC, alt_text="อินโฟกราฟิกวิธีป้องกันตนเองจากฝุ่น PM2.5 4 ข้อ")],
        ),
        DemoItem(
            topic="infographics",
            title="ลดหวาน มัน เค็ม ห่างไกลโรคไม่ติดต่อเรื้อรัง",
            summary="สูตรจานสุขภาพ 2:1:1 และปริมาณน้ำตาล ไขมัน โซเดียมที่ไม่ควรเกินต่อวัน",
            body=html("น้ำตาลไม่เกิน 6 ช้อนชา น้ำมันไม่เกิน 6 ช้อนชา และเกลือไม่เกิน 1 ช้อนชาต่อวัน"),
            source=ANAMAI,
            owner="health-promotion",
            days_ago=90,
            files=[
                DemoFile("ลดหวานมันเค็ม.png", scene=INFOGRAPHIC, alt_text="อินโฟกราฟิกจานสุขภาพ 2:1:1 ผัก ข้าว และเนื้อสัตว์"),
                DemoFile(
                    "ลดหวานมันเค็ม-2.png", scene=INFOGRAPHIC, alt_text="อินโฟกราฟิกปริมาณน้ำตาล น้ำมัน และเกลือที่ไม่ควรเกินต่อวัน"
                ),
            ],
        ),
        DemoItem(
            topic="infographics",
            title="ล้างมือ 7 ขั้นตอน ลดการติดเชื้อ",
            summary="ล้างมือด้วยสบู่และน้ำสะอาดอย่างน้อย 20 วินาที",
            source=ANAMAI,
            owner="hpc-banfa",
            days_ago=420,
            files=[DemoFile("ล้างมือ7ขั้นตอน.png", scene=INFOGRAPHIC, alt_text="อินโฟกราฟิกการล้างมือ 7 ขั้นตอน")],
        ),
        DemoItem(
            topic="multimedia",
            title="คลิปวิดีโอ: วัดความดันโลหิตด้วยตนเองที่บ้านอย่างถูกวิธี",
            summary="นั่งพัก 5 นาที วางแขนระดับหัวใจ วัด 2 ครั้งห่างกัน 1 นาที แล้วจดบันทึกไว้ให้เจ้าหน้าที่ดู",
            body=html(
                "วิดีโอความยาว 4 นาที จัดทำโดยกลุ่มงานส่งเสริมสุขภาพและป้องกันโรค ร่วมกับ รพ.สต.ป่าคาหลวง "
                "เหมาะสำหรับผู้ป่วยความดันโลหิตสูงและญาติผู้ดูแล"
            ),
            source=f"{NAME} ร่วมกับ {DDC}",
            owner="health-promotion",
            external_url="https://ddc.moph.go.th/",
            days_ago=75,
            files=[
                DemoFile(
                    "ภาพประกอบคลิปวัดความดัน.jpg",
                    scene=MEETING,
                    alt_text="ภาพจากคลิป เจ้าหน้าที่สาธิตการวัดความดันโลหิตให้ผู้ป่วยและญาติ",
                )
            ],
        ),
        DemoItem(
            topic="multimedia",
            title="สปอตวิทยุ: รณรงค์ป้องกันโรคพิษสุนัขบ้า “หมาแมวต้องฉีดวัคซีนทุกปี”",
            summary="สปอตวิทยุชุมชนความยาว 60 วินาที เผยแพร่ทางหอกระจายข่าวทุกหมู่บ้าน",
            source=DDC,
            owner="health-promotion",
            external_url="https://ddc.moph.go.th/",
            days_ago=210,
        ),
        DemoItem(
            topic="multimedia",
            title="คลิปวิดีโอ: อสม. บ้านพี้ ชวนสำรวจลูกน้ำยุงลายทุกวันศุกร์",
            summary="กิจกรรมของ อสม. ตำบลบ้านพี้ ที่ชวนทุกบ้านสำรวจและทำลายแหล่งเพาะพันธุ์ยุงลาย",
            source="โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านพี้",
            owner="hpc-banphi",
            external_url=UNIT["hpc-banphi"][4],
            days_ago=130,
            files=[DemoFile("ภาพประกอบคลิป-อสม-บ้านพี้.jpg", scene=VILLAGE, alt_text="อสม. บ้านพี้เดินสำรวจโอ่งน้ำในหมู่บ้าน")],
        ),
        DemoItem(
            topic="articles",
            title="ไข้เลือดออก ภัยใกล้ตัวในฤดูฝน",
            summary="อาการที่ต้องรีบพบแพทย์ ยาที่ห้ามใช้ และวิธีป้องกันไม่ให้ยุงลายเกิดในบ้าน",
            body=html(
                "โรคไข้เลือดออกเกิดจากเชื้อไวรัสเดงกีที่มียุงลายเป็นพาหะ พบมากในช่วงฤดูฝน ผู้ป่วยจะมีไข้สูงลอย 2–7 วัน "
                "ปวดศีรษะ ปวดกระบอกตา ปวดเมื่อยกล้ามเนื้อ อาจมีจุดเลือดออกตามผิวหนัง",
                "<h2>อาการที่ต้องรีบไปโรงพยาบาล</h2>",
                ["ไข้ลดแต่ซึมลง อ่อนเพลียมาก", "ปวดท้องมาก อาเจียนบ่อย", "มือเท้าเย็น ปัสสาวะน้อย", "มีเลือดออกผิดปกติ"],
                "<h2>ข้อควรระวัง</h2>",
                "<strong>ห้ามใช้ยาแอสไพรินหรือยาไอบูโพรเฟน</strong> เพราะอาจทำให้เลือดออกง่ายขึ้น ใช้ยาพาราเซตามอลลดไข้ "
                "และเช็ดตัวด้วยน้ำธรรมดา",
                "<h2>การป้องกัน</h2>",
                "ใช้มาตรการ 3 เก็บ ป้องกัน 3 โรค ทุกสัปดาห์ และป้องกันยุงกัดด้วยการนอนในมุ้งหรือทายากันยุง",
                "<em>ผู้เขียน: กลุ่มงานส่งเสริมสุขภาพและป้องกันโรค</em>",
            ),
            source=f"เรียบเรียงจากแนวทางของ{DDC}",
            owner="health-promotion",
            days_ago=150,
        ),
        DemoItem(
            topic="articles",
            title="ยาชุดและยาสเตียรอยด์ปลอมปน อันตรายที่มากับความเชื่อ",
            summary="วิธีสังเกตผลิตภัณฑ์ที่อาจผสมสเตียรอยด์ และช่องทางแจ้งเบาะแส",
            body=html(
                "ยาชุด ยาลูกกลอน หรือผลิตภัณฑ์ที่อวดอ้างว่ารักษาได้ทุกโรค มักพบการลักลอบผสมสเตียรอยด์ "
                "ซึ่งทำให้อาการดีขึ้นเร็วแต่เกิดผลเสียระยะยาว เช่น กระดูกพรุน ภูมิคุ้มกันต่ำ และไตวาย",
                "<h2>วิธีสังเกต</h2>",
                ["ไม่มีเลขทะเบียนตำรับยาหรือเลขที่ใบรับจดแจ้ง", "อวดอ้างสรรพคุณเกินจริง", "กินแล้วหายปวดทันที หน้าบวม"],
                "หากพบผลิตภัณฑ์ต้องสงสัย แจ้งกลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุขได้ในวันและเวลาราชการ",
                "<em>ผู้เขียน: กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข</em>",
            ),
            source="สำนักงานคณะกรรมการอาหารและยา (อย.)",
            owner="consumer-protection",
            days_ago=95,
        ),
        DemoItem(
            topic="articles",
            title="ลดเค็ม ลดโรค: เริ่มที่น้ำพริกและน้ำปลาในครัวเรือน",
            summary="คนไทยกินโซเดียมเกินกว่าที่แนะนำเกือบสองเท่า ลดได้ง่าย ๆ ด้วยการปรุงให้น้อยลงทีละนิด",
            body=html(
                "องค์การอนามัยโลกแนะนำให้บริโภคโซเดียมไม่เกินวันละ 2,000 มิลลิกรัม หรือเกลือประมาณ 1 ช้อนชา "
                "แต่อาหารพื้นเมืองหลายชนิดมีโซเดียมสูง เช่น น้ำพริก ปลาร้า และผักดอง",
                ["ชิมก่อนปรุงทุกครั้ง", "ลดน้ำปลาและผงปรุงรสลงครึ่งหนึ่ง", "กินผักสดเพิ่มขึ้น"],
                "<em>ผู้เขียน: รพ.สต.สวด</em>",
            ),
            source=ANAMAI,
            owner="hpc-suat",
            days_ago=40,
        ),
        DemoItem(
            topic="articles",
            title="ฉีดวัคซีนไข้หวัดใหญ่ประจำปี ใครควรฉีด",
            summary="กลุ่มเสี่ยง 7 กลุ่มที่ควรได้รับวัคซีนไข้หวัดใหญ่ฟรีทุกปี",
            body=html(
                "วัคซีนไข้หวัดใหญ่ช่วยลดความรุนแรงของโรคและการเสียชีวิต กลุ่มเสี่ยงที่ควรได้รับวัคซีน ได้แก่",
                [
                    "หญิงตั้งครรภ์อายุครรภ์ 4 เดือนขึ้นไป",
                    "เด็กอายุ 6 เดือนถึง 2 ปี",
                    "ผู้มีโรคเรื้อรัง",
                    "ผู้สูงอายุ 65 ปีขึ้นไป",
                    "ผู้พิการทางสมองที่ช่วยเหลือตนเองไม่ได้",
                    "ผู้ป่วยธาลัสซีเมียและผู้มีภูมิคุ้มกันบกพร่อง",
                    "ผู้มีโรคอ้วน",
                ],
                "ติดต่อขอรับวัคซีนได้ที่ รพ.สต. ใกล้บ้าน",
            ),
            source=DDC,
            owner="health-promotion",
            days_ago=20,
        ),
        DemoItem(
            topic="research",
            title="ผลของโปรแกรมปรับเปลี่ยนพฤติกรรมสุขภาพต่อระดับน้ำตาลในเลือดของผู้ป่วยเบาหวานชนิดที่ 2 ตำบลบ้านฟ้า",
            summary="การวิจัยกึ่งทดลองในผู้ป่วย 60 คน พบค่าน้ำตาลสะสม (HbA1c) ลดลงอย่างมีนัยสำคัญหลังเข้าโปรแกรม 12 สัปดาห์",
            source=f"โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านฟ้า (เผยแพร่ พ.ศ. {year - 1})",
            owner="hpc-banfa",
            days_ago=310,
            files=[
                pdf(
                    "ผลงานวิจัย โปรแกรมปรับเปลี่ยนพฤติกรรมผู้ป่วยเบาหวาน",
                    "ผลของโปรแกรมปรับเปลี่ยนพฤติกรรมสุขภาพต่อระดับน้ำตาลในเลือดของผู้ป่วยเบาหวานชนิดที่ 2 ตำบลบ้านฟ้า "
                    "อำเภอบ้านหลวง จังหวัดน่าน",
                    subtitle=f"{UNIT['hpc-banfa'][1]} และคณะ, พ.ศ. {year - 1}",
                    sections=[
                        (
                            "บทคัดย่อ",
                            [
                                "การวิจัยกึ่งทดลองแบบกลุ่มเดียววัดก่อนและหลัง มีวัตถุประสงค์เพื่อศึกษาผลของโปรแกรมปรับเปลี่ยนพฤติกรรมสุขภาพ "
                                "ต่อระดับน้ำตาลสะสมในเลือด (HbA1c) ของผู้ป่วยเบาหวานชนิดที่ 2 ที่ควบคุมระดับน้ำตาลไม่ได้ จำนวน 60 คน",
                                "ผลการวิจัยพบว่า หลังเข้าร่วมโปรแกรม 12 สัปดาห์ ค่าเฉลี่ย HbA1c ลดลงจากร้อยละ 8.9 เป็นร้อยละ 7.6 "
                                "อย่างมีนัยสำคัญทางสถิติ (p < 0.001) และคะแนนพฤติกรรมการบริโภคอาหารเพิ่มขึ้น",
                            ],
                        ),
                        (
                            "ความเป็นมาและความสำคัญของปัญหา",
                            [
                                "โรคเบาหวานเป็นปัญหาสาธารณสุขสำคัญของอำเภอบ้านหลวง ผู้ป่วยที่ควบคุมระดับน้ำตาลได้ดีมีเพียงร้อยละ 32 "
                                "ต่ำกว่าเป้าหมายของกระทรวงสาธารณสุข ผู้ป่วยส่วนใหญ่บริโภคข้าวเหนียวและอาหารรสหวานในปริมาณมาก",
                            ],
                        ),
                        (
                            "วิธีดำเนินการวิจัย",
                            [
                                "กลุ่มตัวอย่างคือผู้ป่วยเบาหวานชนิดที่ 2 ที่ขึ้นทะเบียนกับ รพ.สต.บ้านฟ้า และมีค่า HbA1c มากกว่าร้อยละ 7 "
                                "โปรแกรมประกอบด้วยการให้ความรู้รายกลุ่ม การฝึกนับคาร์โบไฮเดรต การเยี่ยมบ้านโดย อสม. และการติดตามทางโทรศัพท์",
                                "เก็บข้อมูลด้วยแบบสอบถามพฤติกรรมสุขภาพและผลตรวจทางห้องปฏิบัติการ วิเคราะห์ด้วยสถิติ paired t-test "
                                "โครงการผ่านการรับรองจากคณะกรรมการจริยธรรมการวิจัยในมนุษย์ของสำนักงานสาธารณสุขจังหวัดน่าน",
                            ],
                        ),
                        (
                            "ผลการวิจัย",
                            [
                                "ผู้เข้าร่วมทั้ง 60 คนอยู่จนครบโปรแกรม ร้อยละ 65 เป็นเพศหญิง อายุเฉลี่ย 61.4 ปี",
                            ],
                            [
                                ["ตัวแปร", "ก่อนเข้าโปรแกรม", "หลังเข้าโปรแกรม", "p-value"],
                                ["HbA1c (ร้อยละ)", "8.9", "7.6", "< 0.001"],
                                ["น้ำตาลในเลือดขณะอดอาหาร (มก./ดล.)", "168.2", "139.5", "< 0.001"],
                                ["คะแนนพฤติกรรมการบริโภค (เต็ม 40)", "24.1", "31.8", "< 0.001"],
                            ],
                        ),
                        (
                            "อภิปรายผลและข้อเสนอแนะ",
                            [
                                "การมีส่วนร่วมของ อสม. ในการเยี่ยมบ้านเป็นปัจจัยสำคัญที่ทำให้ผู้ป่วยปรับพฤติกรรมได้ต่อเนื่อง "
                                "ควรขยายโปรแกรมไปยัง รพ.สต. อื่นในอำเภอ และติดตามผลระยะยาวอย่างน้อย 1 ปี",
                            ],
                        ),
                    ],
                )
            ],
        ),
        DemoItem(
            topic="research",
            title="นวัตกรรม “กระบอกไม้ไผ่ดักยุง” ลดค่าดัชนีลูกน้ำยุงลายในหมู่บ้าน",
            summary="นวัตกรรมจากวัสดุในท้องถิ่นของ อสม. ตำบลสวด ที่ได้รับรางวัลระดับจังหวัด",
            body=html(
                "กระบอกไม้ไผ่ใส่น้ำหมักเป็นกับดักไข่ยุงลาย อสม. เก็บไข่ยุงทิ้งทุกสัปดาห์ "
                "ผลการทดลองใน 3 หมู่บ้าน พบค่า HI ลดลงจากร้อยละ 18 เป็นร้อยละ 6 ภายใน 2 เดือน"
            ),
            source=f"โรงพยาบาลส่งเสริมสุขภาพตำบลสวด (เผยแพร่ พ.ศ. {year})",
            owner="hpc-suat",
            days_ago=70,
            files=[
                DemoFile("นวัตกรรมกระบอกไม้ไผ่ดักยุง.jpg", scene=VILLAGE, alt_text="อสม. ตำบลสวดวางกระบอกไม้ไผ่ดักยุงข้างโอ่งน้ำ")
            ],
        ),
        DemoItem(
            topic="statistics",
            title=f"ข้อมูลประชากรอำเภอบ้านหลวง จำแนกตามตำบล ณ วันที่ {thai(census)}",
            summary="จำนวนหมู่บ้าน หลังคาเรือน ประชากร และสัดส่วนผู้สูงอายุ แยกรายตำบล",
            source=HDC,
            owner="it",
            data_from=census,
            data_to=census,
            days_ago=when.ago(when.on(when.fy, 10, 12)),
            files=also(
                pdf(
                    f"ข้อมูลประชากรอำเภอบ้านหลวง {thai(census)}",
                    "ข้อมูลประชากรอำเภอบ้านหลวง จำแนกตามตำบล",
                    f"แหล่งข้อมูล: {HDC} ข้อมูล ณ วันที่ {thai(census)} ไม่มีข้อมูลที่ระบุตัวบุคคล",
                    rows=[
                        ["ตำบล", "หมู่บ้าน", "หลังคาเรือน", "ประชากร (คน)", "ผู้สูงอายุ (ร้อยละ)"],
                        *(
                            [name, villages, homes, people, f"{elderly:.1f}"]
                            for name, villages, homes, people, elderly in POPULATION
                        ),
                        ["รวม", *(sum(p[i] for p in POPULATION) for i in (1, 2, 3)), "21.3"],
                    ],
                ),
                "xlsx",
            ),
        ),
        DemoItem(
            topic="statistics",
            title=f"สถานการณ์โรคไข้เลือดออก อำเภอบ้านหลวง ปี {year - 1}",
            summary="จำนวนผู้ป่วยรายเดือนแยกรายตำบล และอัตราป่วยต่อประชากรแสนคน",
            source=f"รายงาน 506 งานระบาดวิทยา {NAME}",
            owner="health-promotion",
            data_from=dt.date(when.today.year - 1, 1, 1),
            data_to=dt.date(when.today.year - 1, 12, 31),
            days_ago=when.ago(min(dt.date(when.today.year, 1, 20), when.today)),
            files=also(
                pdf(
                    f"สถานการณ์ไข้เลือดออก ปี {year - 1}",
                    f"สถานการณ์โรคไข้เลือดออก อำเภอบ้านหลวง ปี {year - 1}",
                    "ปีที่ผ่านมาพบผู้ป่วยรวม 27 ราย คิดเป็นอัตราป่วย 217.7 ต่อประชากรแสนคน ไม่มีผู้เสียชีวิต "
                    "ผู้ป่วยส่วนใหญ่อยู่ในกลุ่มอายุ 10–24 ปี และพบมากที่สุดในเดือนกรกฎาคม",
                    rows=[
                        ["ตำบล", *MONTHS_TH_SHORT, "รวม"],
                        ["ป่าคาหลวง", 0, 0, 0, 0, 1, 2, 4, 2, 1, 0, 0, 0, 10],
                        ["บ้านฟ้า", 0, 0, 0, 0, 0, 1, 2, 1, 1, 0, 0, 0, 5],
                        ["บ้านพี้", 0, 0, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0, 5],
                        ["สวด", 0, 0, 0, 0, 1, 1, 3, 1, 1, 0, 0, 0, 7],
                    ],
                    landscape=True,
                ),
                "xlsx",
            ),
        ),
        DemoItem(
            topic="statistics",
            title=f"ความครอบคลุมการได้รับวัคซีนพื้นฐานในเด็ก {fy_text(when.prev)}",
            summary="ร้อยละของเด็กอายุครบ 1, 2, 3 และ 5 ปีที่ได้รับวัคซีนครบตามเกณฑ์ แยกราย รพ.สต.",
            source=HDC,
            owner="health-promotion",
            data_from=fiscal_year_bounds(when.prev)[0],
            data_to=fiscal_year_bounds(when.prev)[1],
            days_ago=when.ago(when.on(when.fy, 10, 25)),
            files=[
                DemoFile(
                    f"ความครอบคลุมวัคซีน ปี {when.prev}.xlsx",
                    heading=f"ความครอบคลุมการได้รับวัคซีนพื้นฐานในเด็ก {fy_text(when.prev)}",
                    rows=[
                        [
                            "หน่วยบริการ",
                            "อายุครบ 1 ปี (MMR1)",
                            "อายุครบ 2 ปี (DTP4)",
                            "อายุครบ 3 ปี (JE2)",
                            "อายุครบ 5 ปี (DTP5)",
                        ],
                        *(
                            [UNIT[code][0], a, b, c, d]
                            for code, a, b, c, d in (
                                ("hpc-pakhaluang", 97.1, 95.6, 94.2, 96.0),
                                ("hpc-banfa", 95.0, 93.8, 92.5, 94.1),
                                ("hpc-banphi", 98.2, 96.4, 95.0, 97.3),
                                ("hpc-suat", 93.6, 92.1, 90.8, 93.0),
                            )
                        ),
                    ],
                    subtitle=f"แหล่งข้อมูล: {HDC}",
                )
            ],
        ),
    ]


# ------------------------------------------------------------------------------------------------ 1.4 เว็บลิงก์

# Related agencies and useful websites: (title, what it offers, address).
RELATED_AGENCIES = [
    ("สำนักงานสาธารณสุขจังหวัดน่าน", "หน่วยงานต้นสังกัด ข่าวสาร และระบบงานของจังหวัด", UNIT["pho-nan"][4]),
    ("โรงพยาบาลบ้านหลวง", "โรงพยาบาลชุมชนในเครือข่ายบริการสุขภาพอำเภอ ตารางแพทย์ และการส่งต่อผู้ป่วย", UNIT["hospital"][4]),
    ("กระทรวงสาธารณสุข", "นโยบาย ข่าวสาร และหน่วยงานในสังกัดกระทรวงสาธารณสุข", "https://www.moph.go.th/"),
    ("ที่ว่าการอำเภอบ้านหลวง", "หน่วยงานฝ่ายปกครองและประธานคณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอ",
     "https://banluang.example.go.th/"),
    ("องค์การบริหารส่วนตำบลป่าคาหลวง", "องค์กรปกครองส่วนท้องถิ่นและกองทุนหลักประกันสุขภาพระดับท้องถิ่น",
     "https://pakhaluang-sao.example.go.th/"),
]  # fmt: skip
USEFUL_WEBSITES = [
    ("สำนักงานหลักประกันสุขภาพแห่งชาติ (สปสช.)", "ตรวจสอบสิทธิบัตรทองและบริการที่ได้รับ", "https://www.nhso.go.th/"),
    ("กรมควบคุมโรค", "สถานการณ์โรคและความรู้การป้องกันโรค", "https://ddc.moph.go.th/"),
    ("สำนักงานคณะกรรมการอาหารและยา (อย.)", "ตรวจสอบเลขทะเบียนผลิตภัณฑ์สุขภาพ", "https://www.fda.moph.go.th/"),
    ("สำนักงานคณะกรรมการข้อมูลข่าวสารของราชการ", "สิทธิการขอข้อมูลข่าวสารของราชการ", "https://www.oic.go.th/"),
    ("ระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP)", "ประกาศจัดซื้อจัดจ้างของหน่วยงานของรัฐทั่วประเทศ", "https://www.gprocurement.go.th/"),
]  # fmt: skip


def _links(when):
    centres = [
        DemoItem(
            topic="affiliated-units",
            title=UNIT[code][0],
            summary=f"{place} ผู้อำนวยการ {UNIT[code][1]} โทร. {UNIT[code][2]}",
            owner="it",
            external_url=UNIT[code][4],
            days_ago=300 - 5 * n,
        )
        for n, (code, place) in enumerate(
            [
                ("hpc-pakhaluang", "ดูแลประชาชนตำบลป่าคาหลวง 8 หมู่บ้าน"),
                ("hpc-banfa", "ดูแลประชาชนตำบลบ้านฟ้า 7 หมู่บ้าน"),
                ("hpc-banphi", "ดูแลประชาชนตำบลบ้านพี้ 6 หมู่บ้าน"),
                ("hpc-suat", "ดูแลประชาชนตำบลสวด 8 หมู่บ้าน"),
            ]
        )
    ]
    agencies = [
        DemoItem(
            topic="related-agencies", title=title, summary=summary, owner="it", external_url=url, days_ago=290 - 3 * n
        )
        for n, (title, summary, url) in enumerate(RELATED_AGENCIES)
    ]
    websites = [
        DemoItem(
            topic="useful-websites", title=title, summary=summary, owner="it", external_url=url, days_ago=280 - 3 * n
        )
        for n, (title, summary, url) in enumerate(USEFUL_WEBSITES)
    ]
    return [*centres, *agencies, *websites]


# ------------------------------------------------------------------------------------------------ 1.5 ข้อมูลข่าวสาร

# Fictional staff named in evaluation results and training reports: (name, position).
PEOPLE = [
    ("นางสาวอรทัย คำแสน", "นักวิชาการสาธารณสุขชำนาญการ"), ("นายณัฐพล ปัญญาวงศ์", "นักวิชาการสาธารณสุขปฏิบัติการ"),
    ("นางศศิธร ยาวิชัย", "พยาบาลวิชาชีพชำนาญการ"), ("นายกิตติพงษ์ สุภาคำ", "เจ้าพนักงานสาธารณสุขชำนาญงาน"),
    ("นางสาวจิราพร อินต๊ะ", "นักวิชาการเงินและบัญชีปฏิบัติการ"), ("นางบุษบา ไชยลังกา", "เจ้าพนักงานธุรการชำนาญงาน"),
    ("นายธนวัฒน์ จันทร์ตา", "ทันตาภิบาลชำนาญงาน"), ("นางสาวปวีณา ทาปัญญา", "แพทย์แผนไทยปฏิบัติการ"),
]  # fmt: skip
FRAMEWORK_CATEGORIES = [
    ["1.1", "ข้อมูลหน่วยงาน", "สาธารณสุขอำเภอ"], ["1.2", "กฎหมาย ระเบียบ ข้อบังคับ", "กลุ่มงานบริหารทั่วไป"],
    ["1.3", "คลังความรู้", "กลุ่มงานบริหารทั่วไป"], ["1.4", "เว็บลิงก์", "กลุ่มงานเทคโนโลยีสารสนเทศ"],
    ["1.5", "ข้อมูลข่าวสาร", "ทุกหน่วยงาน"], ["1.6", "คู่มือมาตรฐานการปฏิบัติงาน", "ทุกหน่วยงาน"],
    ["1.7", "คู่มือสำหรับประชาชน", "ทุกหน่วยงาน"], ["1.8", "ข่าวประชาสัมพันธ์", "งานพัสดุทุกหน่วย"],
    ["1.9", "ระบบงานให้บริการในรูปแบบอิเล็กทรอนิกส์ (e-Service)", "กลุ่มงานเทคโนโลยีสารสนเทศ"],
    ["1.10", "ข้อมูลของหน่วยงานภายนอก", "หน่วยงานเจ้าของข้อมูล"],
]  # fmt: skip


def _nil_notice(when, topic, year, subject, reason, *, days_after=20):
    """A notice that the office has nothing to publish under an OIA section this year: the standard asks for one."""
    day = when.on(year, 10, days_after)
    return DemoItem(
        topic=topic,
        title=f"ประกาศ เรื่อง {subject} {fy_text(year)}",
        summary=reason,
        owner="admin",
        data_from=fiscal_year_bounds(year)[0],
        data_to=fiscal_year_bounds(year)[1],
        days_ago=when.ago(day),
        files=[
            pdf(
                f"ประกาศ {subject} ปี {year}",
                f"{subject} {fy_text(year)}",
                reason,
                "หากมีข้อมูลข่าวสารในหมวดนี้เกิดขึ้นภายหลัง สำนักงานจะนำมาเผยแพร่ให้ประชาชนตรวจดูได้โดยเร็ว",
                "จึงประกาศให้ทราบโดยทั่วกัน",
                layout="announcement",
                date=day,
            )
        ],
    )


def _official_info(when):
    return [
        *_oia_sections(when),
        *_procurement_summaries(when),
        *_transparency(when),
        *_ita(when),
    ]


def _oia_sections(when):
    fy = when.fy
    return [
        DemoItem(
            topic="oia-7-1",
            title=f"คำสั่งสำนักงานสาธารณสุขอำเภอบ้านหลวง เรื่อง การแบ่งงานและมอบหมายหน้าที่ความรับผิดชอบ {fy_text(fy)}",
            summary="การแบ่งงานภายในสำนักงานเป็น 5 กลุ่มงาน และผู้รับผิดชอบแต่ละงาน",
            owner="admin",
            data_from=fiscal_year_bounds(fy)[0],
            data_to=fiscal_year_bounds(fy)[1],
            days_ago=when.ago(when.on(fy, 10, 2)),
            files=[
                pdf(
                    f"คำสั่งแบ่งงาน ปี {fy}",
                    f"การแบ่งงานและมอบหมายหน้าที่ความรับผิดชอบ {fy_text(fy)}",
                    "เพื่อให้การปฏิบัติราชการของสำนักงานสาธารณสุขอำเภอบ้านหลวงเป็นไปด้วยความเรียบร้อย มีประสิทธิภาพ "
                    "และเกิดประโยชน์สูงสุดแก่ประชาชน จึงแบ่งงานและมอบหมายหน้าที่ความรับผิดชอบ ดังนี้",
                    rows=[
                        ["กลุ่มงาน", "หัวหน้ากลุ่มงาน", "หน้าที่ความรับผิดชอบ"],
                        [UNIT["admin"][0], UNIT["admin"][1], "งานสารบรรณ การเงิน งานบุคคล ศูนย์ข้อมูลข่าวสาร"],
                        [UNIT["it"][0], UNIT["it"][1], "ระบบสารสนเทศ เว็บไซต์ ข้อมูลสุขภาพ"],
                        [UNIT["procurement"][0], UNIT["procurement"][1], "การจัดซื้อจัดจ้าง การบริหารพัสดุ"],
                        [UNIT["health-promotion"][0], UNIT["health-promotion"][1], "ส่งเสริมสุขภาพ ควบคุมโรค งาน อสม."],
                        [UNIT["consumer-protection"][0], UNIT["consumer-protection"][1], "คุ้มครองผู้บริโภคด้านสุขภาพ"],
                    ],
                    layout="order",
                    number=when.order_no(fy),
                    date=when.on(fy, 10, 2),
                )
            ],
        ),
        DemoItem(
            topic="oia-7-2",
            title="สรุปขั้นตอนการดำเนินงานหลักของสำนักงานสาธารณสุขอำเภอบ้านหลวง",
            summary="งานหลัก 5 ด้าน ผู้รับผิดชอบ และระยะเวลาดำเนินการโดยสรุป",
            owner="admin",
            days_ago=280,
            files=[
                pdf(
                    "สรุปขั้นตอนการดำเนินงานหลัก",
                    "สรุปขั้นตอนการดำเนินงานหลัก",
                    "เอกสารนี้สรุปวิธีการดำเนินงานหลักของสำนักงาน รายละเอียดของแต่ละงานอยู่ในคู่มือมาตรฐานการปฏิบัติงาน",
                    rows=[
                        ["งานหลัก", "ขั้นตอนโดยสรุป", "ระยะเวลา"],
                        ["การควบคุมโรคติดต่อ", "รับรายงานโรค สอบสวนโรค ควบคุมโรค และรายงานผล", "ภายใน 24 ชั่วโมง"],
                        ["การตรวจสถานประกอบการ", "วางแผน ตรวจ แจ้งผล และติดตามการแก้ไข", "30 วัน"],
                        ["การตอบคำขอข้อมูลข่าวสาร", "รับคำขอ ตรวจสอบ จัดหาข้อมูล และแจ้งผู้ขอ", "ไม่เกิน 15 วันทำการ"],
                        ["การจัดการเรื่องร้องเรียน", "รับเรื่อง ลงทะเบียน ตรวจสอบข้อเท็จจริง และแจ้งผล", "ไม่เกิน 30 วันทำการ"],
                        ["การจัดซื้อจัดจ้าง", "จัดทำแผน ขออนุมัติ ดำเนินการตามวิธี ตรวจรับ และรายงาน", "ตามวิธีการจัดซื้อ"],
                    ],
                )
            ],
        ),
        DemoItem(
            topic="oia-7-3",
            title="ศูนย์ข้อมูลข่าวสารของราชการ สำนักงานสาธารณสุขอำเภอบ้านหลวง",
            summary="ที่ตั้ง เวลาเปิดให้บริการ และผู้รับผิดชอบศูนย์ข้อมูลข่าวสาร",
            body=html(
                "ศูนย์ข้อมูลข่าวสารตั้งอยู่ที่กลุ่มงานบริหารทั่วไป ชั้น 1 อาคารสำนักงาน เปิดให้บริการ"
                "วันจันทร์ – วันศุกร์ เวลา 08.30 – 16.30 น. (เว้นวันหยุดราชการ)",
                f"ผู้รับผิดชอบ: {UNIT['admin'][1]} หัวหน้ากลุ่มงานบริหารทั่วไป โทร. {UNIT['admin'][2]} "
                f"อีเมล <a href='mailto:{UNIT['admin'][3]}'>{UNIT['admin'][3]}</a>",
                "ประชาชนตรวจดูข้อมูลข่าวสารตามมาตรา 9 ได้ที่ศูนย์ หรือทางเว็บไซต์นี้ได้ตลอดเวลา",
            ),
            owner="admin",
            days_ago=260,
        ),
        DemoItem(
            topic="oia-7-4",
            title="ประกาศสำนักงานสาธารณสุขอำเภอบ้านหลวง เรื่อง แนวทางการให้บริการข้อมูลข่าวสารของราชการ",
            summary="หลักเกณฑ์การยื่นคำขอ ระยะเวลา และการคุ้มครองข้อมูลข่าวสารส่วนบุคคล",
            owner="admin",
            days_ago=480,
            files=[
                pdf(
                    "ประกาศแนวทางการให้บริการข้อมูลข่าวสาร",
                    "แนวทางการให้บริการข้อมูลข่าวสารของราชการ",
                    "เพื่อให้การให้บริการข้อมูลข่าวสารของราชการเป็นไปตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540 "
                    "สำนักงานสาธารณสุขอำเภอบ้านหลวงจึงกำหนดแนวทาง ดังนี้",
                    [
                        "ผู้ขอข้อมูลข่าวสารยื่นคำขอเป็นหนังสือ ด้วยตนเอง ทางไปรษณีย์ หรือทางอีเมลของสำนักงาน",
                        "เจ้าหน้าที่จะแจ้งผลการพิจารณาภายใน 15 วันทำการนับแต่วันที่ได้รับคำขอ",
                        "ข้อมูลข่าวสารส่วนบุคคลจะเปิดเผยได้เฉพาะแก่เจ้าของข้อมูลหรือผู้ได้รับความยินยอมเป็นหนังสือ",
                        "กรณีไม่เปิดเผยข้อมูลข่าวสาร จะแจ้งเหตุผลและสิทธิอุทธรณ์ต่อคณะกรรมการวินิจฉัยการเปิดเผยข้อมูลข่าวสาร",
                    ],
                    "จึงประกาศให้ทราบโดยทั่วกัน",
                    layout="announcement",
                    date=when.days(480),
                )
            ],
        ),
        _nil_notice(
            when,
            "oia-9-1",
            fy,
            "ไม่มีผลการพิจารณาหรือคำวินิจฉัยที่มีผลโดยตรงต่อเอกชน",
            "สำนักงานสาธารณสุขอำเภอบ้านหลวงไม่มีผลการพิจารณาหรือคำวินิจฉัยที่มีผลโดยตรงต่อเอกชน "
            "ตามมาตรา 9 (1) แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
        ),
        DemoItem(
            topic="oia-9-2",
            title="หนังสือตอบข้อหารือ เรื่อง การเปิดเผยผลการตรวจสุขภาพของลูกจ้างให้นายจ้าง",
            summary="ผลการตรวจสุขภาพเป็นข้อมูลส่วนบุคคล เปิดเผยแก่นายจ้างได้เมื่อลูกจ้างยินยอมเป็นหนังสือ",
            owner="admin",
            days_ago=190,
            files=[
                pdf(
                    "หนังสือตอบข้อหารือการเปิดเผยผลตรวจสุขภาพ",
                    "ตอบข้อหารือการเปิดเผยผลการตรวจสุขภาพของลูกจ้าง",
                    "ตามที่ท่านได้หารือว่า นายจ้างขอรับผลการตรวจสุขภาพประจำปีของลูกจ้างจากหน่วยบริการได้หรือไม่ นั้น",
                    "สำนักงานสาธารณสุขอำเภอบ้านหลวงพิจารณาแล้วเห็นว่า ผลการตรวจสุขภาพเป็นข้อมูลข่าวสารส่วนบุคคลและข้อมูลสุขภาพ "
                    "หน่วยบริการจะเปิดเผยแก่นายจ้างได้เมื่อลูกจ้างเจ้าของข้อมูลให้ความยินยอมเป็นหนังสือ "
                    "หรือเป็นกรณีที่กฎหมายกำหนดให้ต้องเปิดเผย",
                    "จึงเรียนมาเพื่อโปรดทราบ",
                    layout="letter",
                    number=when.letter_no(),
                    date=when.days(192),
                    to="ผู้จัดการโรงงานแปรรูปผลไม้บ้านหลวง",
                )
            ],
        ),
        DemoItem(
            topic="oia-9-3",
            title=f"แผนการใช้จ่ายงบประมาณรายไตรมาส {fy_text(fy)}",
            summary="วงเงินที่จะเบิกจ่ายในแต่ละไตรมาส จำแนกตามงบดำเนินงานและงบลงทุน",
            owner="admin",
            data_from=fiscal_year_bounds(fy)[0],
            data_to=fiscal_year_bounds(fy)[1],
            days_ago=when.ago(when.on(fy, 11, 8)),
            files=also(
                pdf(
                    f"แผนการใช้จ่ายงบประมาณ ปี {fy}",
                    f"แผนการใช้จ่ายงบประมาณรายไตรมาส {fy_text(fy)}",
                    rows=[
                        ["ประเภทงบประมาณ", "ไตรมาสที่ 1", "ไตรมาสที่ 2", "ไตรมาสที่ 3", "ไตรมาสที่ 4", "รวม"],
                        ["งบดำเนินงาน", 285000.0, 240000.0, 180000.0, 110000.0, 815000.0],
                        ["งบลงทุน", 0.0, 120000.0, 0.0, 0.0, 120000.0],
                    ],
                    number=when.letter_no(),
                    date=when.on(fy, 11, 8),
                ),
                "xlsx",
            ),
        ),
        DemoItem(
            topic="oia-9-4",
            title="คำสั่ง แต่งตั้งเจ้าหน้าที่ผู้รับผิดชอบการรับและพิจารณาคำขอข้อมูลข่าวสารของราชการ",
            summary="เจ้าหน้าที่ที่รับคำขอ จัดหาข้อมูล และแจ้งผลการพิจารณาแก่ผู้ขอ",
            owner="admin",
            data_from=fiscal_year_bounds(fy)[0],
            data_to=fiscal_year_bounds(fy)[1],
            days_ago=when.ago(when.on(fy, 10, 6)),
            files=[
                pdf(
                    f"คำสั่งแต่งตั้งผู้รับผิดชอบคำขอข้อมูลข่าวสาร ปี {fy}",
                    "แต่งตั้งเจ้าหน้าที่ผู้รับผิดชอบการรับและพิจารณาคำขอข้อมูลข่าวสารของราชการ",
                    "อาศัยอำนาจตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540 จึงแต่งตั้งเจ้าหน้าที่ต่อไปนี้ "
                    "เป็นผู้รับผิดชอบการรับและพิจารณาคำขอข้อมูลข่าวสารของราชการ",
                    [
                        f"{UNIT['admin'][1]} หัวหน้ากลุ่มงานบริหารทั่วไป เป็นผู้พิจารณาคำขอ",
                        f"{PEOPLE[5][0]} {PEOPLE[5][1]} เป็นผู้รับคำขอและลงทะเบียน",
                        f"{STAFF_NAME['webmaster1'][0]} {STAFF_NAME['webmaster1'][1]} เป็นผู้เผยแพร่ข้อมูลข่าวสารทางเว็บไซต์",
                    ],
                    "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป",
                    layout="order",
                    number=when.order_no(fy),
                    date=when.on(fy, 10, 6),
                )
            ],
        ),
        _nil_notice(
            when,
            "oia-9-5",
            fy,
            "ไม่มีสิ่งพิมพ์ที่ได้มีการอ้างอิงถึงตามมาตรา 7 วรรคสอง",
            "สำนักงานสาธารณสุขอำเภอบ้านหลวงไม่มีสิ่งพิมพ์ที่ได้อ้างอิงถึงแทนการลงพิมพ์ในราชกิจจานุเบกษา "
            "ตามมาตรา 7 วรรคสอง แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
        ),
        _nil_notice(
            when,
            "oia-9-6",
            fy,
            "ไม่มีสัญญาสัมปทาน สัญญาผูกขาดตัดตอน หรือสัญญาร่วมทุนกับเอกชน",
            "สำนักงานสาธารณสุขอำเภอบ้านหลวงไม่มีสัญญาสัมปทาน สัญญาที่มีลักษณะเป็นการผูกขาดตัดตอน "
            "หรือสัญญาร่วมทุนกับเอกชนในการจัดทำบริการสาธารณะ ตามมาตรา 9 (6)",
        ),
        DemoItem(
            topic="oia-9-7",
            title=f"มติที่ประชุมคณะกรรมการประสานงานสาธารณสุขระดับอำเภอบ้านหลวง (คปสอ.) ครั้งที่ 2/{fy}",
            summary="มติเรื่องการจัดสรรงบประมาณสนับสนุน รพ.สต. และแผนรณรงค์ฉีดวัคซีนไข้หวัดใหญ่",
            body=html(
                [
                    "อนุมัติการจัดสรรเงินบำรุงสนับสนุน รพ.สต. 4 แห่ง แห่งละ 50,000 บาท",
                    "เห็นชอบแผนรณรงค์ฉีดวัคซีนไข้หวัดใหญ่ในกลุ่มเสี่ยง ให้แล้วเสร็จภายในเดือนมกราคม",
                    "มอบหมายกลุ่มงานเทคโนโลยีสารสนเทศตรวจสอบความครบถ้วนของข้อมูลในเว็บไซต์ตามเกณฑ์ ITA ทุกเดือน",
                ]
            ),
            source="คณะกรรมการประสานงานสาธารณสุขระดับอำเภอบ้านหลวง",
            owner="director",
            data_from=when.on(fy, 11, 15),
            data_to=when.on(fy, 11, 15),
            days_ago=when.ago(when.on(fy, 11, 17)),
        ),
        DemoItem(
            topic="oia-9-8",
            title="ประกาศคณะกรรมการข้อมูลข่าวสารของราชการ เรื่อง กำหนดให้ข้อมูลข่าวสารเกี่ยวกับผลการพิจารณาการจัดซื้อจัดจ้าง"
            "ของหน่วยงานของรัฐเป็นข้อมูลข่าวสารที่ต้องจัดไว้ให้ประชาชนตรวจดูได้",
            summary="ที่มาของการจัดทำสรุปผลการจัดซื้อจัดจ้างรายเดือนตามแบบ สขร.1",
            body=html(
                "หน่วยงานของรัฐต้องจัดทำสรุปผลการพิจารณาการจัดซื้อจัดจ้างเป็นรายเดือนตามแบบ สขร.1 "
                "และจัดไว้ให้ประชาชนตรวจดูได้ที่ศูนย์ข้อมูลข่าวสารและทางเว็บไซต์ของหน่วยงาน"
            ),
            source="สำนักงานคณะกรรมการข้อมูลข่าวสารของราชการ",
            owner="admin",
            external_url="https://www.oic.go.th/",
            days_ago=560,
        ),
    ]


def _procurement_summaries(when):
    """One สขร.1 a month: every month of last fiscal year and the months of this one already reported."""
    result = []
    entered = set(entered_summary_months(when))
    for first in fiscal_months(when.prev) + fiscal_months(when.fy):
        published = month_end(first) + dt.timedelta(days=5)
        if published > when.today:
            break
        if first in entered:
            continue
        rows = [p.row(n) for n, p in enumerate(month_purchases(when, first), 1)]
        month = month_year(first)
        heading = f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน{month}"
        common = {"landscape": True, "number": when.letter_no(), "date": published, "subtitle": "แบบ สขร.1"}
        if rows:
            spec = pdf(f"สขร1 {month}", heading, rows=[SKHR_HEADER, *rows], **common)
        else:  # the nil return: a month without procurement is reported too
            spec = pdf(f"สขร1 {month}", heading, f"ในรอบเดือน{month} {NAME} ไม่มีการจัดซื้อจัดจ้าง", **common)
        result.append(DemoItem(
            topic="procurement-summary",
            title=f"สรุปผลการดำเนินการจัดซื้อจัดจ้าง (แบบ สขร.1) ประจำเดือน{month}"
                  + ("" if rows else " – ไม่มีการจัดซื้อจัดจ้าง"),
            summary=f"จัดซื้อจัดจ้าง {len(rows)} รายการ วงเงินรวม {sum(r[2] for r in rows):,.2f} บาท" if rows
                    else "ไม่มีการจัดซื้อจัดจ้างในเดือนนี้",
            owner="procurement",
            data_from=first,
            data_to=month_end(first),
            days_ago=when.ago(published),
            files=also(spec, "xlsx") if rows else [spec],
        ))  # fmt: skip
    return result


def _transparency(when):
    return [
        *[
            DemoItem(
                topic="transparency-standards",
                title=f"ข้อมูลตามเกณฑ์มาตรฐานความโปร่งใสของหน่วยงานของรัฐ {fy_text(year)}",
                summary="ความโปร่งใสด้านบุคลากร งบประมาณ การจัดซื้อจัดจ้าง การให้บริการ และการมีส่วนร่วม",
                owner="admin",
                data_from=fiscal_year_bounds(year)[0],
                data_to=fiscal_year_bounds(year)[1],
                days_ago=when.ago(when.on(year, 11, 10)),
                files=[
                    pdf(
                        f"ข้อมูลตามเกณฑ์มาตรฐานความโปร่งใส ปี {year}",
                        f"ข้อมูลตามเกณฑ์มาตรฐานความโปร่งใส {fy_text(year)}",
                        "จัดทำตามประกาศคณะกรรมการข้อมูลข่าวสารของราชการ เรื่อง เกณฑ์มาตรฐานความโปร่งใสและตัวชี้วัดความโปร่งใส"
                        "ของหน่วยงานของรัฐ",
                        sections=[
                            (
                                "1. ความโปร่งใสด้านบุคลากร",
                                [
                                    "ประกาศรับสมัครและผลการคัดเลือกเผยแพร่ทางเว็บไซต์ทุกครั้ง "
                                    "หลักเกณฑ์การประเมินผลการปฏิบัติราชการแจ้งบุคลากรทุกคน"
                                ],
                            ),
                            ("2. ความโปร่งใสด้านงบประมาณ", ["แผนการใช้จ่ายและรายงานผลการใช้จ่ายงบประมาณเผยแพร่ทุกไตรมาส"]),
                            (
                                "3. ความโปร่งใสด้านการจัดซื้อจัดจ้าง",
                                ["แผนการจัดซื้อจัดจ้างประจำปี สรุปผลรายเดือน (สขร.1) และรายงานการวิเคราะห์ผลการจัดซื้อจัดจ้างประจำปี"],
                            ),
                            ("4. ความโปร่งใสด้านการให้บริการ", ["คู่มือสำหรับประชาชนและช่องทางร้องเรียนแสดงไว้ที่สำนักงานและเว็บไซต์"]),
                            ("5. การมีส่วนร่วม", ["ภาคีเครือข่ายร่วมวางแผนผ่านคณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอ"]),
                        ],
                    )
                ],
            )
            for year in (when.fy, when.prev)
        ],
        DemoItem(
            topic="oia-request-guide",
            title="วิธีการขอข้อมูลข่าวสารของราชการ และแบบคำขอ",
            summary="ทุกคนมีสิทธิขอตรวจดู ขอสำเนา หรือขอสำเนาที่รับรองถูกต้อง ยื่นคำขอได้ 3 ช่องทาง",
            body=html(
                "<h2>ช่องทางยื่นคำขอ</h2>",
                [
                    "ด้วยตนเอง ที่ศูนย์ข้อมูลข่าวสาร กลุ่มงานบริหารทั่วไป ในวันและเวลาราชการ",
                    f"ทางไปรษณีย์ ถึง {NAME} {OFFICE['address'].replace(chr(10), ' ')}",
                    f"ทางอีเมล <a href='mailto:{OFFICE['email']}'>{OFFICE['email']}</a>",
                ],
                "<h2>ขั้นตอนและระยะเวลา</h2>",
                "<ol><li>กรอกแบบคำขอข้อมูลข่าวสาร ระบุข้อมูลที่ต้องการให้ชัดเจนพอที่จะค้นหาได้</li>"
                "<li>เจ้าหน้าที่ลงทะเบียนรับคำขอและแจ้งเลขที่รับ</li>"
                "<li>สำนักงานแจ้งผลการพิจารณาภายใน 15 วันทำการ</li>"
                "<li>รับข้อมูลหรือสำเนาตามที่ขอ (ค่าสำเนาหน้าละ 1 บาท ผู้มีรายได้น้อยได้รับยกเว้น)</li></ol>",
                "หากไม่ได้รับข้อมูลตามที่ขอ ผู้ขอมีสิทธิร้องเรียนต่อคณะกรรมการข้อมูลข่าวสารของราชการ",
            ),
            owner="admin",
            days_ago=340,
            files=also(_request_form(), "docx"),
        ),
    ]


def _request_form():
    return pdf(
        "แบบคำขอข้อมูลข่าวสารของราชการ",
        "แบบคำขอข้อมูลข่าวสารของราชการ",
        "เขียนที่ ...................................... วันที่ ........ เดือน ...................... พ.ศ. ..........",
        "ข้าพเจ้า (ชื่อ-สกุล) ...................................................................................... "
        "อยู่บ้านเลขที่ ............ หมู่ที่ ........ ตำบล ........................ อำเภอ ........................ "
        "จังหวัด ........................ โทรศัพท์ ..............................",
        "มีความประสงค์ขอข้อมูลข่าวสารของราชการ เรื่อง ............................................................ "
        "....................................................................................................",
        "โดยขอ  [  ] ตรวจดู   [  ] สำเนา   [  ] สำเนาที่มีคำรับรองถูกต้อง   จำนวน ........ ชุด",
        "เพื่อใช้ประโยชน์ในการ ..........................................................................................",
        signer=("......................................................", "ผู้ขอข้อมูลข่าวสาร"),
    )


def _quarters(when, publish_after_days=15):
    """The quarters of last and this fiscal year already reported: (fy, quarter, first day, last day, published)."""
    result = []
    for fy in (when.prev, when.fy):
        for quarter in range(1, 5):
            first, last = quarter_bounds(fy, quarter)
            published = last + dt.timedelta(days=publish_after_days)
            if published <= when.today:
                result.append((fy, quarter, first, last, published))
    return result


def _ita(when):
    """The MOIT evidence under ข้อมูลข่าวสาร, in MOIT order, for this fiscal year and the last."""
    fy, prev = when.fy, when.prev
    bounds = fiscal_year_bounds
    return [
        # MOIT1: website disclosure measures
        DemoItem(
            topic="ita-disclosure-measures",
            title=f"คำสั่งแต่งตั้งผู้รับผิดชอบการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน {fy_text(fy)}",
            summary="ผู้ดูแลเว็บไซต์ 2 คน ผู้ตรวจสอบ และผู้อนุมัติการเผยแพร่ตามกรอบแนวทางของสำนักงาน",
            owner="it",
            data_from=bounds(fy)[0],
            data_to=bounds(fy)[1],
            days_ago=when.ago(when.on(fy, 10, 7)),
            files=[
                pdf(
                    f"คำสั่งแต่งตั้งผู้รับผิดชอบเว็บไซต์ ปี {fy}",
                    "แต่งตั้งผู้รับผิดชอบการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน",
                    "เพื่อให้การเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของสำนักงานสาธารณสุขอำเภอบ้านหลวงเป็นไปตามกรอบแนวทางที่กำหนด "
                    "ถูกต้อง ครบถ้วน และเป็นปัจจุบัน จึงแต่งตั้งผู้รับผิดชอบ ดังนี้",
                    [
                        f"{STAFF_NAME['approver'][0]} {STAFF_NAME['approver'][1]} ผู้อนุมัติการเผยแพร่",
                        f"{STAFF_NAME['reviewer'][0]} {STAFF_NAME['reviewer'][1]} ผู้ตรวจสอบและกลั่นกรองข้อมูล",
                        f"{STAFF_NAME['webmaster1'][0]} {STAFF_NAME['webmaster1'][1]} ผู้ดูแลเว็บไซต์ (Web Master)",
                        f"{STAFF_NAME['webmaster2'][0]} {STAFF_NAME['webmaster2'][1]} ผู้ดูแลเว็บไซต์ (Web Master) สำรอง",
                    ],
                    "ให้ผู้ได้รับแต่งตั้งปฏิบัติหน้าที่ตามกรอบแนวทางการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน "
                    "และรายงานผลการกำกับติดตามต่อสาธารณสุขอำเภอทุกไตรมาส",
                    "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป",
                    layout="order",
                    number=when.order_no(fy),
                    date=when.on(fy, 10, 7),
                )
            ],
        ),
        DemoItem(
            topic="ita-disclosure-measures",
            title=f"กรอบแนวทางการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน {fy_text(fy)}",
            summary="ลักษณะหรือประเภทข้อมูล 10 หมวด แนวทาง ขั้นตอนการเผยแพร่ และกลไกการตรวจสอบกำกับติดตาม",
            owner="it",
            data_from=bounds(fy)[0],
            data_to=bounds(fy)[1],
            days_ago=when.ago(when.on(fy, 10, 7)),
            files=[
                _framework(when, fy),
                DemoFile(
                    "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์.docx",
                    heading="แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน",
                    paragraphs=PUBLICATION_FORM,
                ),
            ],
        ),
        DemoItem(
            topic="ita-disclosure-measures",
            title=f"รายงานผลการกำกับติดตามการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ {fy_text(prev)}",
            summary="ตรวจความครบถ้วนและความเป็นปัจจุบันของข้อมูล 4 ไตรมาส พบข้อมูลหมดอายุที่นำออกแล้ว 12 รายการ",
            owner="it",
            data_from=bounds(prev)[0],
            data_to=bounds(prev)[1],
            days_ago=when.ago(when.on(fy, 10, 15)),
            files=[
                pdf(
                    f"รายงานผลการกำกับติดตามการเผยแพร่ข้อมูล ปี {prev}",
                    f"รายงานผลการกำกับติดตามการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ {fy_text(prev)}",
                    "ผู้ดูแลเว็บไซต์ตรวจสอบข้อมูลทุกหมวดตามกรอบแนวทาง เทียบกับมาตรฐานเว็บไซต์ภาครัฐและพระราชบัญญัติข้อมูลข่าวสาร"
                    "ของราชการ มาตรา 7 และมาตรา 9 เป็นประจำทุกไตรมาส",
                    "ผลการตรวจพบว่าข้อมูลครบทุกหมวด มีข้อมูลที่หมดอายุและนำออกจากหน้าเว็บไซต์แล้ว 12 รายการ "
                    "และได้ขอให้กลุ่มงานเจ้าของข้อมูลปรับปรุงข้อมูลที่ไม่เป็นปัจจุบัน 5 รายการ",
                    rows=[
                        ["ไตรมาส", "คำขอเผยแพร่", "อนุมัติ", "ส่งกลับแก้ไข", "ไม่อนุมัติ", "เผยแพร่ภายใน 3 วันทำการ (ร้อยละ)"],
                        ["ไตรมาสที่ 1", 34, 31, 2, 1, "100"],
                        ["ไตรมาสที่ 2", 41, 38, 3, 0, "97.4"],
                        ["ไตรมาสที่ 3", 29, 28, 1, 0, "100"],
                        ["ไตรมาสที่ 4", 37, 35, 1, 1, "100"],
                    ],
                    number=when.letter_no(),
                    date=when.on(fy, 10, 15),
                    signer=(STAFF_NAME["webmaster1"][0], f"{STAFF_NAME['webmaster1'][1]} ผู้รายงาน"),
                )
            ],
        ),
        # MOIT3: last year's procurement analysis
        *[_procurement_analysis(when, year) for year in (prev, prev - 1)],
        # MOIT4(2): quarterly progress against the procurement plan
        *[
            DemoItem(
                topic="procurement-progress",
                title=f"รายงานผลการจัดซื้อจัดจ้างตามแผน ไตรมาสที่ {quarter}/{year} ({thai_short(first)} – {thai_short(last)})",
                summary="ความก้าวหน้าการจัดซื้อจัดจ้างเทียบกับแผนประจำปี แยกงบดำเนินงานและงบลงทุน",
                owner="procurement",
                data_from=first,
                data_to=last,
                days_ago=when.ago(published),
                files=[_progress_report(when, year, quarter, first, last, published)],
            )
            for year, quarter, first, last, published in _quarters(when)
        ],
        # MOIT4(3): conflict-of-interest screening of procurement staff
        *[
            DemoItem(
                topic="procurement-integrity",
                title=f"แบบแสดงความบริสุทธิ์ใจในการจัดซื้อจัดจ้างของหัวหน้าเจ้าหน้าที่และเจ้าหน้าที่พัสดุ {fy_text(year)}",
                summary="ประกาศแนวทางตรวจสอบบุคลากรด้านการจัดซื้อจัดจ้าง และคำยืนยันว่าไม่มีผลประโยชน์ทับซ้อน",
                owner="procurement",
                data_from=bounds(year)[0],
                data_to=bounds(year)[1],
                days_ago=when.ago(when.on(year, 10, 12)),
                files=[
                    pdf(
                        f"แบบแสดงความบริสุทธิ์ใจ ปี {year}",
                        "การแสดงความบริสุทธิ์ใจในการจัดซื้อจัดจ้าง",
                        "ตามประกาศสำนักงานปลัดกระทรวงสาธารณสุข ว่าด้วยแนวทางปฏิบัติงานเพื่อตรวจสอบบุคลากรในหน่วยงานด้านการจัดซื้อจัดจ้าง "
                        "พ.ศ. 2560 หัวหน้าเจ้าหน้าที่และเจ้าหน้าที่พัสดุของสำนักงานได้แสดงความบริสุทธิ์ใจว่า "
                        "ไม่มีความเกี่ยวข้องหรือมีส่วนได้เสียกับผู้เสนอราคาหรือคู่สัญญาในการจัดซื้อจัดจ้าง",
                        rows=[
                            ["ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง", "หน้าที่ในการจัดซื้อจัดจ้าง", "ผลการแสดงความบริสุทธิ์ใจ"],
                            [1, UNIT["admin"][1], "หัวหน้ากลุ่มงานบริหารทั่วไป", "หัวหน้าเจ้าหน้าที่", "ไม่มีผลประโยชน์ทับซ้อน"],
                            [2, UNIT["procurement"][1], STAFF_NAME["procurement"][1], "เจ้าหน้าที่", "ไม่มีผลประโยชน์ทับซ้อน"],
                            [3, PEOPLE[4][0], PEOPLE[4][1], "กรรมการตรวจรับพัสดุ", "ไม่มีผลประโยชน์ทับซ้อน"],
                        ],
                        number=when.letter_no(),
                        date=when.on(year, 10, 12),
                    )
                ],
            )
            for year in (fy, prev)
        ],
        # MOIT7: staff evaluation results, two rounds a year
        *[
            DemoItem(
                topic="performance-evaluation-results",
                title=f"ประกาศรายชื่อผู้มีผลการประเมินผลการปฏิบัติราชการระดับดีเด่นและดีมาก {fy_text(year)} "
                f"{round_text(number, first, last)}",
                summary="รายงานผลการประเมินผลการปฏิบัติราชการของบุคลากร และรายชื่อผู้ได้ระดับดีเด่นและดีมาก (ไม่เปิดเผยคะแนนรายบุคคล)",
                owner="admin",
                data_from=first,
                data_to=last,
                days_ago=when.ago(published),
                files=[
                    pdf(
                        f"ผลการประเมินผลการปฏิบัติราชการ ปี {year} รอบที่ {number}",
                        f"รายชื่อผู้มีผลการประเมินผลการปฏิบัติราชการระดับดีเด่นและดีมาก รอบที่ {number}/{year}",
                        f"ตามที่สำนักงานได้ประเมินผลการปฏิบัติราชการของข้าราชการและพนักงาน {round_text(number, first, last)} "
                        "เสร็จเรียบร้อยแล้ว จึงประกาศรายชื่อผู้มีผลการประเมินระดับดีเด่นและระดับดีมาก ดังนี้",
                        after=[
                            "ผู้ที่ประสงค์จะขอทบทวนผลการประเมิน ยื่นคำร้องต่อผู้บังคับบัญชาได้ภายใน 7 วันนับแต่วันประกาศ",
                            "จึงประกาศให้ทราบโดยทั่วกัน",
                        ],
                        rows=[
                            ["ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง", "ระดับผลการประเมิน"],
                            *(
                                [n, name, position, "ดีเด่น" if n <= 2 else "ดีมาก"]
                                for n, (name, position) in enumerate(
                                    random.Random(year * 10 + number).sample(PEOPLE, 5), 1
                                )
                            ),
                        ],
                        layout="announcement",
                        date=published,
                    )
                ],
            )
            for year, number, first, last, published in half_years(when, 30)
        ],
        # MOIT8: ethics and discipline training
        *[
            DemoItem(
                topic="ethics-training",
                title=f"รายงานผลการอบรมเสริมสร้างจริยธรรม การรักษาวินัย และการป้องกันผลประโยชน์ทับซ้อน {fy_text(year)}",
                summary="เจ้าหน้าที่ 38 คนเข้ารับการอบรมตามหลักสูตรต้านทุจริตศึกษา พร้อมภาพกิจกรรม",
                owner="admin",
                data_from=when.on(year, 12, 18),
                data_to=when.on(year, 12, 18),
                days_ago=when.ago(when.on(year, 12, 22)),
                files=[
                    pdf(
                        f"รายงานการอบรมจริยธรรม ปี {year}",
                        f"รายงานผลการอบรมเสริมสร้างจริยธรรมและการรักษาวินัย {fy_text(year)}",
                        f"สำนักงานจัดอบรมเมื่อวันที่ {thai(when.on(year, 12, 18))} ณ ห้องประชุมสำนักงานสาธารณสุขอำเภอบ้านหลวง "
                        "มีผู้เข้าร่วม 38 คน จากสำนักงานและ รพ.สต. ทุกแห่ง",
                        "เนื้อหาประกอบด้วย ประมวลจริยธรรมข้าราชการพลเรือน การรักษาวินัยและการป้องกันการกระทำผิดวินัย "
                        "ผลประโยชน์ทับซ้อนตามหลักสูตรต้านทุจริตศึกษา (Anti-Corruption Education) และกรณีศึกษาการรับของขวัญ",
                        "ผลการประเมินความรู้ก่อนและหลังการอบรม คะแนนเฉลี่ยเพิ่มขึ้นจากร้อยละ 62 เป็นร้อยละ 88",
                        number=when.letter_no(),
                        date=when.on(year, 12, 22),
                    ),
                    *photos(
                        f"อบรมจริยธรรม-{year}",
                        MEETING,
                        "เจ้าหน้าที่ฟังบรรยายเรื่องผลประโยชน์ทับซ้อนในห้องประชุม",
                        "วิทยากรอธิบายกรณีศึกษาการรับของขวัญ",
                    ),
                ],
            )
            for year in (fy, prev)
            if when.happened(year, 12, 22)
        ],
        # MOIT15, MOIT16: anti-corruption and integrity plans, and reports on them
        *[
            DemoItem(
                topic="anti-corruption-plan",
                title=f"แผนปฏิบัติการป้องกัน ปราบปรามการทุจริตและประพฤติมิชอบ และแผนส่งเสริมคุณธรรมของชมรมจริยธรรม {fy_text(year)}",
                summary="กิจกรรม 6 โครงการ ตัวชี้วัด และผู้รับผิดชอบ",
                owner="admin",
                data_from=bounds(year)[0],
                data_to=bounds(year)[1],
                days_ago=when.ago(when.on(year, 10, 20)),
                files=also(
                    pdf(
                        f"แผนป้องกันการทุจริตและแผนส่งเสริมคุณธรรม ปี {year}",
                        f"แผนปฏิบัติการป้องกัน ปราบปรามการทุจริตและประพฤติมิชอบ {fy_text(year)}",
                        "แผนนี้จัดทำตามยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริต และแผนของกระทรวงสาธารณสุข "
                        "ครอบคลุมทั้งแผนปฏิบัติการป้องกันการทุจริตและแผนส่งเสริมคุณธรรมของชมรมจริยธรรมของสำนักงาน",
                        rows=ANTI_CORRUPTION_ROWS,
                        number=when.letter_no(circular=True),
                        date=when.on(year, 10, 20),
                    ),
                    "docx",
                ),
            )
            for year in (fy, prev)
        ],
        DemoItem(
            topic="anti-corruption-plan",
            title=f"รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริตและแผนส่งเสริมคุณธรรม {fy_text(prev)} (รอบ 12 เดือน)",
            summary="ดำเนินการครบทั้ง 6 กิจกรรม ผ่านตัวชี้วัด 5 กิจกรรม",
            owner="admin",
            data_from=bounds(prev)[0],
            data_to=bounds(prev)[1],
            days_ago=when.ago(when.on(fy, 10, 25)),
            files=[
                pdf(
                    f"รายงานผลตามแผนป้องกันการทุจริต ปี {prev}",
                    f"รายงานผลการดำเนินงานตามแผนป้องกันการทุจริต {fy_text(prev)}",
                    "ในรอบ 12 เดือน สำนักงานดำเนินกิจกรรมตามแผนครบทั้ง 6 กิจกรรม ผ่านตัวชี้วัด 5 กิจกรรม "
                    "กิจกรรมที่ยังไม่ผ่านคือการประเมินความพึงพอใจของผู้มีส่วนได้ส่วนเสีย ซึ่งได้ผลร้อยละ 78 จากเป้าหมายร้อยละ 80",
                    rows=with_column(ANTI_CORRUPTION_ROWS, ["ผลการดำเนินงาน", *["ดำเนินการแล้ว"] * 5, "ร้อยละ 78 (ไม่ผ่าน)"]),
                    number=when.letter_no(),
                    date=when.on(fy, 10, 25),
                )
            ],
        ),
        # MOIT17, MOIT18: corruption-risk assessment and controls
        *[
            DemoItem(
                topic="corruption-risk",
                title=f"รายงานการประเมินความเสี่ยงการทุจริตและมาตรการควบคุมความเสี่ยง {fy_text(year)}",
                summary="ประเมินความเสี่ยง 3 ด้าน: การพิจารณาอนุมัติ อนุญาต การใช้อำนาจตามตำแหน่ง และการใช้จ่ายงบประมาณ",
                owner="admin",
                data_from=bounds(year)[0],
                data_to=bounds(year)[1],
                days_ago=when.ago(when.on(year, 11, 15)),
                files=[
                    pdf(
                        f"การประเมินความเสี่ยงการทุจริต ปี {year}",
                        f"รายงานการประเมินความเสี่ยงการทุจริต {fy_text(year)}",
                        "คณะทำงานประเมินความเสี่ยงการทุจริตด้วยเมทริกซ์โอกาสและผลกระทบ 5 ระดับ และเลือกมาตรการควบคุมสำหรับ"
                        "ความเสี่ยงระดับสูงขึ้นไป",
                        rows=[
                            ["ประเด็นความเสี่ยง", "โอกาส", "ผลกระทบ", "ระดับ", "มาตรการควบคุม"],
                            [
                                "การเบิกค่าตอบแทนนอกเวลาราชการไม่ตรงกับการปฏิบัติงานจริง",
                                3,
                                4,
                                "สูง",
                                "ตรวจสอบกับบันทึกลงเวลาปฏิบัติงานทุกเดือน",
                            ],
                            ["การใช้รถยนต์ราชการเพื่อประโยชน์ส่วนตัว", 2, 3, "ปานกลาง", "ขออนุญาตใช้รถและบันทึกการใช้รถทุกครั้ง"],
                            [
                                "การกำหนดคุณลักษณะพัสดุเอื้อผู้ขายรายใดรายหนึ่ง",
                                2,
                                5,
                                "สูง",
                                "คณะกรรมการกำหนดคุณลักษณะอย่างน้อย 3 คน และสืบราคาจากผู้ขาย 3 ราย",
                            ],
                        ],
                        number=when.letter_no(),
                        date=when.on(year, 11, 15),
                    )
                ],
            )
            for year in (fy, prev)
        ],
        # MOIT19: No Gift policy and its report
        DemoItem(
            topic="no-gift",
            title=f"ประกาศนโยบายไม่รับของขวัญและของกำนัลจากการปฏิบัติหน้าที่ (No Gift Policy) {fy_text(fy)}",
            summary="ผู้บริหารและเจ้าหน้าที่ทุกคนงดรับและงดให้ของขวัญหรือประโยชน์อื่นใดจากการปฏิบัติหน้าที่",
            owner="admin",
            data_from=bounds(fy)[0],
            data_to=bounds(fy)[1],
            days_ago=when.ago(when.on(fy, 10, 3)),
            files=[
                pdf(
                    f"ประกาศนโยบาย No Gift ปี {fy}",
                    f"นโยบายไม่รับของขวัญและของกำนัลจากการปฏิบัติหน้าที่ (No Gift Policy) {fy_text(fy)}",
                    "เพื่อส่งเสริมให้บุคลากรของสำนักงานปฏิบัติตามประมวลจริยธรรมข้าราชการพลเรือน และป้องกันผลประโยชน์ทับซ้อน "
                    "สาธารณสุขอำเภอบ้านหลวงจึงประกาศนโยบาย ดังนี้",
                    [
                        "ผู้บริหารและเจ้าหน้าที่ทุกคนงดรับของขวัญ ของกำนัล หรือประโยชน์อื่นใดจากการปฏิบัติหน้าที่ในทุกเทศกาล",
                        "งดให้ของขวัญแก่ผู้บังคับบัญชาหรือบุคคลในครอบครัวของผู้บังคับบัญชา",
                        "กรณีจำเป็นต้องรับเพื่อรักษาไมตรี ให้รายงานผู้บังคับบัญชาตามแบบรายงานที่กำหนดภายใน 30 วัน",
                        "ไม่เรี่ยไรหรือเข้าร่วมการเรี่ยไร เว้นแต่ได้รับอนุญาตตามระเบียบว่าด้วยการเรี่ยไรของหน่วยงานของรัฐ",
                    ],
                    "จึงประกาศให้ทราบและถือปฏิบัติโดยทั่วกัน",
                    layout="announcement",
                    date=when.on(fy, 10, 3),
                )
            ],
        ),
        DemoItem(
            topic="no-gift",
            title=f"รายงานผลการส่งเสริมการปฏิบัติตามประมวลจริยธรรม กรณีการเรี่ยไรและการให้หรือรับของขวัญ {fy_text(prev)}",
            summary="ไม่มีการรับของขวัญที่ต้องรายงาน และไม่มีการเรี่ยไรในปีงบประมาณ",
            owner="admin",
            data_from=bounds(prev)[0],
            data_to=bounds(prev)[1],
            days_ago=when.ago(when.on(fy, 10, 28)),
            files=[
                pdf(
                    f"รายงานผล No Gift ปี {prev}",
                    f"รายงานผลการส่งเสริมการปฏิบัติตามประมวลจริยธรรม {fy_text(prev)}",
                    "สำนักงานประชาสัมพันธ์นโยบาย No Gift ทางเว็บไซต์ บอร์ดประชาสัมพันธ์ และในการประชุมประจำเดือน",
                    rows=[
                        ["กรณี", "จำนวนเรื่องที่รายงาน", "การดำเนินการ"],
                        ["การรับของขวัญหรือประโยชน์อื่นใดเกินมูลค่าที่กำหนด", 0, "ไม่มีเรื่องที่ต้องดำเนินการ"],
                        ["การให้ของขวัญแก่ผู้บังคับบัญชา", 0, "ไม่มีเรื่องที่ต้องดำเนินการ"],
                        ["การเรี่ยไร", 0, "ไม่มีเรื่องที่ต้องดำเนินการ"],
                    ],
                    number=when.letter_no(),
                    date=when.on(fy, 10, 28),
                )
            ],
        ),
        # MOIT20 (2569): International Anti-Corruption Day, 9 December
        *[
            DemoItem(
                topic="anti-corruption-day",
                title=f"ร่วมกิจกรรมวันต่อต้านคอร์รัปชันสากล 9 ธันวาคม {be_year(day.year)}",
                summary="ผู้บริหารและเจ้าหน้าที่ร่วมเดินรณรงค์และกล่าวคำปฏิญาณต่อต้านการทุจริตร่วมกับส่วนราชการอำเภอบ้านหลวง",
                body=html(
                    "สาธารณสุขอำเภอบ้านหลวงนำเจ้าหน้าที่ร่วมกิจกรรมที่ที่ว่าการอำเภอบ้านหลวง "
                    "ร่วมกล่าวคำปฏิญาณ และประชาสัมพันธ์ช่องทางแจ้งเบาะแสการทุจริต"
                ),
                owner="admin",
                data_from=day,
                data_to=day,
                days_ago=when.ago(day) - 2,
                files=[
                    pdf(
                        f"รายงานกิจกรรมวันต่อต้านคอร์รัปชันสากล {be_year(day.year)}",
                        f"รายงานการเข้าร่วมกิจกรรมวันต่อต้านคอร์รัปชันสากล {fy_text(fiscal_year(day))}",
                        f"เมื่อวันที่ {thai(day)} ผู้บริหารและเจ้าหน้าที่ 25 คนร่วมกิจกรรมวันต่อต้านคอร์รัปชันสากล "
                        "ร่วมกับส่วนราชการในอำเภอบ้านหลวง",
                        number=when.letter_no(),
                        date=day + dt.timedelta(days=2),
                    ),
                    *photos(
                        f"วันต่อต้านคอร์รัปชัน-{be_year(day.year)}",
                        TENT,
                        "เจ้าหน้าที่ร่วมกล่าวคำปฏิญาณต่อต้านการทุจริต",
                        "ขบวนรณรงค์ต่อต้านคอร์รัปชันหน้าที่ว่าการอำเภอ",
                    ),
                ],
            )
            for day in (when.date(year, 12, 9) for year in (fy, prev))
            if day + dt.timedelta(days=2) <= when.today
        ],
    ]


ANTI_CORRUPTION_ROWS = [
    ["ลำดับ", "กิจกรรม", "ตัวชี้วัด", "ผู้รับผิดชอบ"],
    [1, "ประกาศเจตจำนงสุจริตของผู้บริหาร", "ประกาศภายในเดือนตุลาคม", "สาธารณสุขอำเภอ"],
    [2, "อบรมเสริมสร้างจริยธรรมและการป้องกันผลประโยชน์ทับซ้อน", "เจ้าหน้าที่เข้าร่วมร้อยละ 90", "กลุ่มงานบริหารทั่วไป"],
    [3, "ประเมินความเสี่ยงการทุจริตและกำหนดมาตรการควบคุม", "รายงานภายในไตรมาสที่ 1", "กลุ่มงานบริหารทั่วไป"],
    [4, "เปิดเผยข้อมูลต่อสาธารณะตามเกณฑ์ ITA", "ข้อมูลครบทุกข้อ", "กลุ่มงานเทคโนโลยีสารสนเทศ"],
    [5, "ชมรมจริยธรรมจัดกิจกรรมยกย่องบุคคลต้นแบบด้านคุณธรรม", "อย่างน้อยปีละ 1 ครั้ง", "ชมรมจริยธรรม"],
    [6, "สำรวจความพึงพอใจของผู้มีส่วนได้ส่วนเสีย", "ความพึงพอใจร้อยละ 80", "กลุ่มงานบริหารทั่วไป"],
]  # fmt: skip
PUBLICATION_FORM = [
    "ชื่อหน่วยงาน/กลุ่มงานที่ขอเผยแพร่ ............................................................................",
    "ชื่อ-สกุลผู้ขอ ........................................... ตำแหน่ง ........................................... "
    "โทรศัพท์ ........................",
    "หัวข้อ/เรื่องที่ขอเผยแพร่ ......................................................................................",
    "รายละเอียดข้อมูล (โดยสรุป หรือแนบไฟล์) ........................................................................",
    "หมวดหมู่ที่เผยแพร่ ........................................... ช่วงวันที่ของข้อมูล ..........................",
    "ระยะเวลาที่ขอให้เผยแพร่ ตั้งแต่วันที่ ........................ ถึงวันที่ ........................",
    "ผู้รับผิดชอบการให้ข้อมูล ลงชื่อ ........................................... วันที่ ........................",
    "ความเห็นหัวหน้ากลุ่มงานเทคโนโลยีสารสนเทศ  [  ] อนุมัติ   [  ] ไม่อนุมัติ เพราะ ..............................",
    "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่ ลงชื่อ ........................................ วันที่ ........................",
]  # fmt: skip


def _framework(when, fy):
    """The office's own disclosure framework (the seed of this product), bound with a cover."""
    return pdf(
        f"กรอบแนวทางการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ ปี {fy}",
        "กรอบแนวทางการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน",
        subtitle=fy_text(fy),
        cover=True,
        number=when.letter_no(circular=True),
        date=when.on(fy, 10, 7),
        sections=[
            (
                "1. หลักการและเหตุผล",
                [
                    "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540 กำหนดให้หน่วยงานของรัฐเปิดเผยข้อมูลข่าวสารของราชการ "
                    "เพื่อให้ประชาชนมีโอกาสรับรู้และตรวจสอบการปฏิบัติราชการ สำนักงานสาธารณสุขอำเภอบ้านหลวงจึงจัดทำกรอบแนวทาง"
                    "การเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน เพื่อให้การเผยแพร่ข้อมูลเป็นระบบ ถูกต้อง และเป็นปัจจุบัน",
                ],
            ),
            (
                "2. ลักษณะหรือประเภทของข้อมูลที่เผยแพร่",
                [
                    "ข้อมูลที่เผยแพร่ผ่านเว็บไซต์แบ่งเป็น 10 หมวด แต่ละหมวดมีผู้รับผิดชอบด้านข้อมูล ผู้เผยแพร่ และผู้ตรวจสอบ ดังนี้",
                ],
                [["หมวด", "ลักษณะข้อมูล", "ผู้รับผิดชอบด้านข้อมูล"], *FRAMEWORK_CATEGORIES],
            ),
            (
                "3. แนวทางการเผยแพร่ข้อมูล",
                [
                    [
                        "ผู้บริหารสูงสุดแต่งตั้งผู้รับผิดชอบการดูแลเว็บไซต์ของหน่วยงาน",
                        "ข้อมูลที่เผยแพร่ต้องถูกต้อง ครบถ้วน เป็นปัจจุบัน และระบุแหล่งที่มา ช่วงวันที่ของข้อมูล วันที่เผยแพร่ ชนิดและขนาดของไฟล์",
                        "เจ้าของข้อมูลขอเผยแพร่ด้วยแบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ เสนอหัวหน้ากลุ่มงานเทคโนโลยีสารสนเทศพิจารณา",
                        "เมื่ออนุมัติแล้ว ผู้ดูแลเว็บไซต์นำข้อมูลขึ้นเผยแพร่ในหมวดที่ถูกต้องและแจ้งเจ้าของข้อมูล",
                        "กรณีไม่อนุมัติ แจ้งเจ้าของข้อมูลพร้อมเหตุผล",
                    ]
                ],
            ),
            (
                "4. ขั้นตอนการเผยแพร่ข้อมูล",
                [
                    "เจ้าของข้อมูลส่งข้อมูลพร้อมแบบฟอร์มทางหนังสือราชการ อีเมล หรือช่องทางอื่น ผู้บริหารอนุมัติ "
                    "แล้วกลุ่มงานเทคโนโลยีสารสนเทศกลั่นกรองและเผยแพร่ภายใน 3 วันทำการ",
                ],
                [
                    ["ขั้นตอน", "ผู้รับผิดชอบ", "ระยะเวลา"],
                    [1, "เจ้าของข้อมูลจัดทำแบบฟอร์มขอเผยแพร่", "ภายใน 1 วัน"],
                    [2, "หัวหน้ากลุ่มงานเทคโนโลยีสารสนเทศตรวจสอบ", "ภายใน 1 วันทำการ"],
                    [3, "สาธารณสุขอำเภออนุมัติ", "ภายใน 1 วันทำการ"],
                    [4, "ผู้ดูแลเว็บไซต์เผยแพร่และแจ้งเจ้าของข้อมูล", "ภายใน 1 วันทำการ"],
                ],
            ),
            (
                "5. กลไกการตรวจสอบ กำกับติดตาม",
                [
                    [
                        "มีผู้ดูแลเว็บไซต์อย่างน้อย 2 คน เพื่อปฏิบัติหน้าที่แทนกันได้",
                        "ผู้ดูแลเว็บไซต์ตรวจสอบความเป็นปัจจุบันของข้อมูลและนำข้อมูลที่หมดอายุออก",
                        "ตรวจสอบความครบถ้วนตามมาตรฐานเว็บไซต์ภาครัฐและพระราชบัญญัติข้อมูลข่าวสารของราชการ",
                        "ปฏิบัติตามพระราชบัญญัติว่าด้วยการกระทำความผิดเกี่ยวกับคอมพิวเตอร์ และเก็บรักษาข้อมูลจราจรทางคอมพิวเตอร์"
                        "ไม่น้อยกว่า 90 วัน",
                    ]
                ],
            ),
        ],
    )


def _procurement_analysis(when, year):
    """MOIT3: the analysis of fiscal year `year`'s procurement, published early the next year."""
    totals = procurement_totals(when, fiscal_months(year))
    amount = sum(t[2] for t in totals)
    day = when.on(year + 1, 11, 10)
    return DemoItem(
        topic="procurement-analysis",
        title=f"รายงานการวิเคราะห์ผลการจัดซื้อจัดจ้างและการจัดหาพัสดุ {fy_text(year)}",
        summary=f"จัดซื้อจัดจ้างรวม {sum(t[1] for t in totals)} รายการ วงเงิน {amount:,.2f} บาท พร้อมปัญหา อุปสรรค "
        "และแนวทางปรับปรุง",
        owner="procurement",
        data_from=fiscal_year_bounds(year)[0],
        data_to=fiscal_year_bounds(year)[1],
        days_ago=when.ago(day),
        files=[
            pdf(
                f"รายงานการวิเคราะห์ผลการจัดซื้อจัดจ้าง ปี {year}",
                f"รายงานการวิเคราะห์ผลการจัดซื้อจัดจ้างและการจัดหาพัสดุ {fy_text(year)}",
                subtitle=NAME,
                number=when.letter_no(),
                date=day,
                sections=[
                    (
                        "1. สรุปผลการจัดซื้อจัดจ้าง",
                        [
                            f"ในปีงบประมาณ พ.ศ. {year} สำนักงานดำเนินการจัดซื้อจัดจ้างรวม {sum(t[1] for t in totals)} รายการ "
                            f"วงเงินรวม {amount:,.2f} บาท จำแนกตามวิธีการจัดซื้อจัดจ้าง ดังนี้",
                        ],
                        [
                            ["วิธีการจัดซื้อจัดจ้าง", "จำนวนรายการ", "วงเงิน (บาท)", "ร้อยละของวงเงิน"],
                            *([method, count, total, f"{100 * total / amount:.2f}"] for method, count, total in totals),
                        ],
                    ),
                    (
                        "2. การวิเคราะห์ผล",
                        [
                            "การจัดซื้อจัดจ้างส่วนใหญ่เป็นวิธีเฉพาะเจาะจงซึ่งมีวงเงินไม่เกิน 500,000 บาท ตามมาตรา 56 (2) (ข) "
                            "แห่งพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560 "
                            "รายการที่มีวงเงินสูงดำเนินการด้วยวิธีประกวดราคาอิเล็กทรอนิกส์",
                            "การจัดซื้อวัสดุวิทยาศาสตร์การแพทย์และทรายกำจัดลูกน้ำเกิดขึ้นหลายครั้งต่อปี "
                            "ควรรวมความต้องการของ รพ.สต. ทุกแห่งเพื่อจัดซื้อครั้งเดียว ซึ่งจะได้ราคาที่ดีกว่า",
                        ],
                    ),
                    (
                        "3. ปัญหา อุปสรรค และความเสี่ยง",
                        [
                            [
                                "เจ้าหน้าที่พัสดุมีเพียง 1 คน ทำให้งานล่าช้าในช่วงปลายปีงบประมาณ",
                                "ผู้ขายในพื้นที่มีน้อย ทำให้สืบราคาได้ไม่ครบ 3 ราย ในบางรายการ",
                                "ความเสี่ยงการแบ่งซื้อแบ่งจ้างเมื่อจัดซื้อวัสดุชนิดเดียวกันหลายครั้ง",
                            ]
                        ],
                    ),
                    (
                        "4. แนวทางการปรับปรุง",
                        [
                            [
                                "จัดทำแผนการจัดซื้อวัสดุรวมของเครือข่ายปีละ 2 ครั้ง",
                                "อบรมเจ้าหน้าที่ของ รพ.สต. ให้ช่วยงานพัสดุได้",
                                "ตรวจสอบการแบ่งซื้อแบ่งจ้างด้วยรายงานสรุปรายไตรมาส",
                            ]
                        ],
                    ),
                ],
            )
        ],
    )


def _progress_report(when, year, quarter, first, last, published):
    """MOIT4(2): what was bought in the quarter and so far this year, against the plan (48 operating, 1 investment)."""
    months = fiscal_months(year)
    in_quarter = {m: (c, a) for m, c, a in procurement_totals(when, [m for m in months if first <= m <= last])}
    so_far = {m: (c, a) for m, c, a in procurement_totals(when, [m for m in months if m <= last])}
    rows = [["ประเภทงบประมาณ", "รายการตามแผนทั้งปี", "ดำเนินการในไตรมาส", "สะสมถึงไตรมาสนี้", "ร้อยละของแผน"]]
    for label, method, planned in (("งบดำเนินงาน", "เฉพาะเจาะจง", 48), ("งบลงทุน", EBIDDING, 1)):
        done = so_far.get(method, (0, 0.0))[0]
        in_the_quarter = in_quarter.get(method, (0, 0.0))[0]
        rows.append([label, planned, in_the_quarter, done, f"{min(100.0, 100 * done / planned):.1f}"])
    return pdf(
        f"รายงานผลการจัดซื้อจัดจ้าง ไตรมาส {quarter}-{year}",
        f"รายงานผลการจัดซื้อจัดจ้างตามแผน ไตรมาสที่ {quarter} {fy_text(year)}",
        f"ช่วงข้อมูล {thai(first)} – {thai(last)} ดำเนินการจัดซื้อจัดจ้างในไตรมาส {sum(c for c, _ in in_quarter.values())} "
        f"รายการ วงเงินรวม {sum(a for _, a in in_quarter.values()):,.2f} บาท",
        rows=rows,
        number=when.letter_no(),
        date=published,
    )


# ------------------------------------------------------------------------------------------- 1.6 คู่มือมาตรฐานการปฏิบัติงาน


def _manual(when, name, heading, purpose, scope, steps, references, *, year=None, days_ago=200):
    """A standard operating manual: cover, purpose, scope, the steps with time and owner, then each step explained."""
    year = year or when.fy
    return pdf(
        name,
        heading,
        subtitle=f"ฉบับปรับปรุง {fy_text(year)}",
        cover=True,
        sections=[
            ("1. วัตถุประสงค์", [purpose]),
            ("2. ขอบเขต", [scope]),
            (
                "3. ขั้นตอนการปฏิบัติงาน",
                ["ขั้นตอน ระยะเวลา และผู้รับผิดชอบโดยสรุป ดังตาราง"],
                [["ขั้นตอน", "รายละเอียด", "ระยะเวลา", "ผู้รับผิดชอบ"], *([n, *step[:3]] for n, step in enumerate(steps, 1))],
            ),
            ("4. คำอธิบายขั้นตอน", [f"ขั้นตอนที่ {n} {step[0]}: {step[3]}" for n, step in enumerate(steps, 1)]),
            (
                "5. มาตรฐานคุณภาพงาน",
                [
                    [
                        "ดำเนินการครบทุกขั้นตอนภายในระยะเวลาที่กำหนด",
                        "มีหลักฐานการดำเนินงานทุกขั้นตอนที่ตรวจสอบย้อนหลังได้",
                        "ผู้รับบริการหรือผู้เกี่ยวข้องได้รับแจ้งผลทุกราย",
                    ]
                ],
            ),
            ("6. เอกสารอ้างอิง", [references]),
        ],
    )


def _manuals(when):
    fy, prev = when.fy, when.prev
    bounds = fiscal_year_bounds
    return [
        DemoItem(
            topic="sop-manuals",
            title="คู่มือการปฏิบัติงาน การเฝ้าระวัง สอบสวน และควบคุมโรคไข้เลือดออก",
            summary="ขั้นตอนตั้งแต่รับรายงานผู้ป่วยจนถึงการควบคุมโรคตามมาตรการ 3-3-1 พร้อมระยะเวลาแต่ละขั้นตอน",
            owner="health-promotion",
            days_ago=240,
            files=[
                _manual(
                    when,
                    "คู่มือการปฏิบัติงาน การควบคุมโรคไข้เลือดออก",
                    "คู่มือการปฏิบัติงาน การเฝ้าระวัง สอบสวน และควบคุมโรคไข้เลือดออก",
                    "เพื่อให้ทีมปฏิบัติการสอบสวนควบคุมโรค (CDCU) และ รพ.สต. ควบคุมโรคไข้เลือดออกได้รวดเร็ว เป็นมาตรฐานเดียวกัน "
                    "และป้องกันไม่ให้เกิดผู้ป่วยรายใหม่ในพื้นที่",
                    "ใช้กับผู้ป่วยสงสัย ผู้ป่วยเข้าข่าย และผู้ป่วยยืนยันโรคไข้เลือดออกทุกรายที่มีที่อยู่ในอำเภอบ้านหลวง",
                    [
                        (
                            "รับแจ้งผู้ป่วย",
                            "รับรายงานจากโรงพยาบาลหรือ อสม. บันทึกในระบบรายงาน 506",
                            "ภายใน 3 ชั่วโมง",
                            "งานระบาดวิทยา",
                            "เมื่อได้รับแจ้ง ให้ตรวจสอบชื่อ ที่อยู่ และวันเริ่มป่วย แล้วแจ้งทีม CDCU และ รพ.สต. ในพื้นที่ทันที",
                        ),
                        (
                            "สอบสวนโรค",
                            "ลงพื้นที่สอบสวนผู้ป่วยและค้นหาผู้ป่วยเพิ่มเติมในรัศมี 100 เมตร",
                            "ภายใน 24 ชั่วโมง",
                            "ทีม CDCU",
                            "สัมภาษณ์ผู้ป่วยหรือญาติ ค้นหาผู้มีไข้ในบ้านใกล้เคียง และสำรวจค่าดัชนีลูกน้ำยุงลาย",
                        ),
                        (
                            "ควบคุมโรค",
                            "พ่นสารเคมีกำจัดยุงตัวเต็มวัยและกำจัดแหล่งเพาะพันธุ์",
                            "วันที่ 0, 3, 7",
                            "รพ.สต. และ อปท.",
                            "พ่นสารเคมีในบ้านผู้ป่วยและบ้านในรัศมี 100 เมตร 3 ครั้ง ร่วมกับ อสม. ทำลายแหล่งเพาะพันธุ์ยุงลาย",
                        ),
                        (
                            "ติดตามผล",
                            "เฝ้าระวังผู้ป่วยรายใหม่ต่อเนื่อง",
                            "28 วัน",
                            "รพ.สต.",
                            "หากไม่พบผู้ป่วยรายใหม่ภายใน 28 วันนับจากวันเริ่มป่วยของผู้ป่วยรายสุดท้าย ถือว่าควบคุมโรคได้",
                        ),
                        (
                            "รายงานผล",
                            "สรุปรายงานการสอบสวนโรคเสนอสาธารณสุขอำเภอ",
                            "ภายใน 7 วัน",
                            "งานระบาดวิทยา",
                            "จัดทำรายงานการสอบสวนโรคตามแบบของกรมควบคุมโรค และส่งสำนักงานสาธารณสุขจังหวัดน่าน",
                        ),
                    ],
                    f"พระราชบัญญัติโรคติดต่อ พ.ศ. 2558 และแนวทางการดำเนินงานป้องกันควบคุมโรคไข้เลือดออกของ{DDC}",
                )
            ],
        ),
        DemoItem(
            topic="sop-manuals",
            title="คู่มือการปฏิบัติงาน การตรวจสถานประกอบการด้านผลิตภัณฑ์สุขภาพ",
            summary="การตรวจร้านขายยา ร้านชำ และสถานที่ผลิตอาหาร ตั้งแต่วางแผนจนถึงติดตามการแก้ไข",
            owner="consumer-protection",
            days_ago=230,
            files=[
                _manual(
                    when,
                    "คู่มือการปฏิบัติงาน การตรวจสถานประกอบการ",
                    "คู่มือการปฏิบัติงาน การตรวจสถานประกอบการด้านผลิตภัณฑ์สุขภาพ",
                    "เพื่อให้การตรวจสถานประกอบการด้านผลิตภัณฑ์สุขภาพเป็นไปตามกฎหมาย โปร่งใส และเป็นธรรมกับผู้ประกอบการทุกราย",
                    "ใช้กับร้านขายยา ร้านชำ และสถานที่ผลิตอาหารในอำเภอบ้านหลวง",
                    [
                        (
                            "วางแผนการตรวจ",
                            "จัดทำแผนการตรวจประจำปีจากบัญชีสถานประกอบการ",
                            "เดือนตุลาคม",
                            "กลุ่มงานคุ้มครองผู้บริโภค",
                            "จัดลำดับสถานประกอบการที่ต้องตรวจตามความเสี่ยงและผลการตรวจครั้งก่อน",
                        ),
                        (
                            "ตรวจสถานประกอบการ",
                            "ตรวจตามแบบตรวจมาตรฐาน แสดงบัตรเจ้าหน้าที่ทุกครั้ง",
                            "1 วันต่อแห่ง",
                            "เจ้าหน้าที่ 2 คนขึ้นไป",
                            "ตรวจโดยเจ้าหน้าที่อย่างน้อย 2 คน แจ้งวัตถุประสงค์ และให้ผู้ประกอบการลงนามรับทราบผลการตรวจ",
                        ),
                        (
                            "แจ้งผลการตรวจ",
                            "แจ้งผลและข้อที่ต้องแก้ไขเป็นหนังสือ",
                            "ภายใน 7 วัน",
                            "กลุ่มงานคุ้มครองผู้บริโภค",
                            "ระบุข้อบกพร่อง ข้อกฎหมาย และระยะเวลาแก้ไขที่ชัดเจน",
                        ),
                        (
                            "ติดตามการแก้ไข",
                            "ตรวจซ้ำเมื่อครบกำหนดแก้ไข",
                            "30 วัน",
                            "กลุ่มงานคุ้มครองผู้บริโภค",
                            "หากไม่แก้ไข ส่งเรื่องให้สำนักงานสาธารณสุขจังหวัดน่านพิจารณาดำเนินการตามกฎหมาย",
                        ),
                    ],
                    "พระราชบัญญัติยา พ.ศ. 2510 พระราชบัญญัติอาหาร พ.ศ. 2522 และระเบียบที่เกี่ยวข้อง",
                )
            ],
        ),
        DemoItem(
            topic="sop-manuals",
            title="คู่มือการปฏิบัติงาน การจัดซื้อจัดจ้างโดยวิธีเฉพาะเจาะจง",
            summary="ขั้นตอนการจัดซื้อจัดจ้างวงเงินไม่เกิน 500,000 บาท ตั้งแต่ขออนุมัติจนถึงเบิกจ่าย",
            owner="procurement",
            days_ago=220,
            files=[
                _manual(
                    when,
                    "คู่มือการปฏิบัติงาน การจัดซื้อจัดจ้างโดยวิธีเฉพาะเจาะจง",
                    "คู่มือการปฏิบัติงาน การจัดซื้อจัดจ้างโดยวิธีเฉพาะเจาะจง",
                    "เพื่อให้การจัดซื้อจัดจ้างเป็นไปตามกฎหมาย โปร่งใส คุ้มค่า และตรวจสอบได้",
                    "ใช้กับการจัดซื้อจัดจ้างวงเงินไม่เกิน 500,000 บาท ของสำนักงานและ รพ.สต. ในสังกัด",
                    [
                        (
                            "จัดทำรายงานขอซื้อขอจ้าง",
                            "ระบุเหตุผล รายละเอียด ราคากลาง และวงเงิน",
                            "1 วัน",
                            "เจ้าหน้าที่พัสดุ",
                            "จัดทำรายงานขอซื้อขอจ้างตามระเบียบ ข้อ 22 เสนอหัวหน้าหน่วยงานของรัฐผ่านหัวหน้าเจ้าหน้าที่",
                        ),
                        (
                            "ขออนุมัติ",
                            "เสนอสาธารณสุขอำเภอเห็นชอบ",
                            "1 วัน",
                            "หัวหน้าเจ้าหน้าที่",
                            "เมื่อได้รับความเห็นชอบ ให้ดำเนินการตามวิธีเฉพาะเจาะจงได้",
                        ),
                        (
                            "เจรจาตกลงราคา",
                            "เชิญผู้มีอาชีพขายหรือรับจ้างโดยตรงเสนอราคา",
                            "1–3 วัน",
                            "เจ้าหน้าที่พัสดุ",
                            "สืบราคาจากผู้ขายอย่างน้อย 3 รายเมื่อทำได้ และบันทึกเหตุผลการคัดเลือก",
                        ),
                        (
                            "ทำใบสั่งซื้อหรือสัญญา",
                            "ออกใบสั่งซื้อสั่งจ้างหรือลงนามในสัญญา",
                            "1 วัน",
                            "เจ้าหน้าที่พัสดุ",
                            "ประกาศผลผู้ได้รับการคัดเลือกในระบบ e-GP และเว็บไซต์ของหน่วยงาน",
                        ),
                        (
                            "ตรวจรับพัสดุ",
                            "คณะกรรมการตรวจรับตรวจสอบพัสดุ",
                            "ภายใน 5 วันทำการ",
                            "คณะกรรมการตรวจรับ",
                            "ตรวจรับตามใบสั่งซื้อ หากถูกต้องให้ลงนามในใบตรวจรับ",
                        ),
                        (
                            "เบิกจ่ายและรายงาน",
                            "ส่งเอกสารเบิกจ่าย และรายงานใน สขร.1 ของเดือน",
                            "ภายใน 5 วันทำการ",
                            "การเงิน และพัสดุ",
                            "สรุปผลการจัดซื้อจัดจ้างในแบบ สขร.1 เผยแพร่ภายในวันที่ 10 ของเดือนถัดไป",
                        ),
                    ],
                    "พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560 และระเบียบกระทรวงการคลังฯ พ.ศ. 2560",
                )
            ],
        ),
        DemoItem(
            topic="sop-manuals",
            title="คู่มือการปฏิบัติงาน งานสารบรรณอิเล็กทรอนิกส์",
            summary="การรับ ส่ง และเก็บหนังสือราชการด้วยระบบสารบรรณอิเล็กทรอนิกส์",
            owner="admin",
            days_ago=360,
            files=[
                _manual(
                    when,
                    "คู่มือการปฏิบัติงาน งานสารบรรณอิเล็กทรอนิกส์",
                    "คู่มือการปฏิบัติงาน งานสารบรรณอิเล็กทรอนิกส์",
                    "เพื่อให้การรับส่งหนังสือราชการรวดเร็ว ถูกต้อง และติดตามสถานะได้",
                    "ใช้กับหนังสือรับและหนังสือส่งทุกประเภทของสำนักงาน",
                    [
                        (
                            "รับหนังสือ",
                            "ลงทะเบียนรับในระบบสารบรรณอิเล็กทรอนิกส์",
                            "ภายในวันที่ได้รับ",
                            "งานสารบรรณ",
                            "ตรวจความถูกต้องของหนังสือ ลงเลขรับ และแนบไฟล์หนังสือ",
                        ),
                        (
                            "เสนอผู้บริหาร",
                            "เสนอสาธารณสุขอำเภอพิจารณาสั่งการ",
                            "ภายใน 1 วันทำการ",
                            "หัวหน้ากลุ่มงานบริหารทั่วไป",
                            "สรุปเรื่องและเสนอความเห็นประกอบการพิจารณา",
                        ),
                        (
                            "ส่งเรื่องถึงผู้ปฏิบัติ",
                            "ส่งต่อกลุ่มงานตามคำสั่งการ",
                            "ภายใน 1 วันทำการ",
                            "งานสารบรรณ",
                            "ผู้ปฏิบัติยืนยันการรับเรื่องในระบบ",
                        ),
                        (
                            "จัดเก็บ",
                            "จัดเก็บหนังสือตามระเบียบงานสารบรรณ",
                            "เมื่อเรื่องเสร็จ",
                            "งานสารบรรณ",
                            "จัดเก็บตามหมวดหมู่ และทำลายหนังสือที่ครบอายุการเก็บตามระเบียบ",
                        ),
                    ],
                    "ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. 2526 และที่แก้ไขเพิ่มเติม",
                )
            ],
        ),
        DemoItem(
            topic="complaint-manuals",
            title="คู่มือการจัดการเรื่องร้องเรียนการปฏิบัติงานหรือการให้บริการของเจ้าหน้าที่",
            summary="การรับ ลงทะเบียน ตรวจสอบ และแจ้งผลเรื่องร้องเรียนด้านการให้บริการ ภายใน 30 วันทำการ",
            owner="admin",
            data_from=bounds(fy)[0],
            data_to=bounds(fy)[1],
            days_ago=when.ago(when.on(fy, 10, 18)),
            files=[
                _manual(
                    when,
                    "คู่มือการจัดการเรื่องร้องเรียนด้านการให้บริการ",
                    "คู่มือการจัดการเรื่องร้องเรียนการปฏิบัติงานหรือการให้บริการ",
                    "เพื่อให้เรื่องร้องเรียนของประชาชนได้รับการแก้ไขอย่างเป็นระบบ รวดเร็ว และเป็นธรรม",
                    "ใช้กับเรื่องร้องเรียนการปฏิบัติงานหรือการให้บริการของเจ้าหน้าที่สำนักงานและ รพ.สต. ทุกช่องทาง",
                    [
                        (
                            "รับเรื่อง",
                            "รับเรื่องจากทุกช่องทางและออกเลขรับ",
                            "ภายใน 1 วันทำการ",
                            "ศูนย์รับเรื่องร้องเรียน",
                            "บันทึกเรื่องในทะเบียนรับเรื่องร้องเรียน และแจ้งเลขรับให้ผู้ร้องเรียนใช้ติดตามเรื่อง",
                        ),
                        (
                            "คัดแยกเรื่อง",
                            "แยกประเภทเรื่องและส่งผู้รับผิดชอบ",
                            "ภายใน 3 วันทำการ",
                            "หัวหน้ากลุ่มงานบริหารทั่วไป",
                            "เรื่องที่เกี่ยวกับการทุจริตให้ดำเนินการตามคู่มือการจัดการเรื่องร้องเรียนการทุจริตแยกต่างหาก",
                        ),
                        (
                            "ตรวจสอบข้อเท็จจริง",
                            "รวบรวมข้อเท็จจริงและหาแนวทางแก้ไข",
                            "ภายใน 15 วันทำการ",
                            "กลุ่มงานที่เกี่ยวข้อง",
                            "รับฟังทั้งผู้ร้องเรียนและผู้ถูกร้องเรียน โดยเก็บข้อมูลผู้ร้องเรียนเป็นความลับ",
                        ),
                        (
                            "แจ้งผล",
                            "แจ้งผลการดำเนินการแก่ผู้ร้องเรียน",
                            "ภายใน 30 วันทำการ",
                            "ศูนย์รับเรื่องร้องเรียน",
                            "แจ้งผลเป็นหนังสือหรือช่องทางที่ผู้ร้องเรียนระบุไว้ และรายงานสรุปทุก 6 เดือน",
                        ),
                    ],
                    "ระเบียบสำนักนายกรัฐมนตรีว่าด้วยการจัดการเรื่องราวร้องทุกข์ พ.ศ. 2552",
                )
            ],
        ),
        DemoItem(
            topic="complaint-manuals",
            title="คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
            summary="ช่องทางแจ้งเบาะแส การคุ้มครองผู้ร้องเรียน และขั้นตอนการตรวจสอบข้อเท็จจริง",
            owner="admin",
            data_from=bounds(fy)[0],
            data_to=bounds(fy)[1],
            days_ago=when.ago(when.on(fy, 10, 18)),
            files=[
                _manual(
                    when,
                    "คู่มือการจัดการเรื่องร้องเรียนการทุจริต",
                    "คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                    "เพื่อให้เรื่องร้องเรียนการทุจริตได้รับการตรวจสอบอย่างเป็นธรรม และผู้ร้องเรียนได้รับความคุ้มครอง",
                    "ใช้กับเรื่องร้องเรียนหรือแจ้งเบาะแสการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ในสังกัดทุกช่องทาง",
                    [
                        (
                            "รับเรื่อง",
                            "รับเรื่องและเก็บข้อมูลผู้ร้องเรียนเป็นความลับ",
                            "ภายใน 1 วันทำการ",
                            "ศูนย์รับเรื่องร้องเรียน",
                            "เรื่องร้องเรียนการทุจริตเปิดอ่านได้เฉพาะผู้รับผิดชอบที่ได้รับมอบหมายเท่านั้น",
                        ),
                        (
                            "เสนอผู้บริหาร",
                            "เสนอสาธารณสุขอำเภอพิจารณา",
                            "ภายใน 3 วันทำการ",
                            "หัวหน้ากลุ่มงานบริหารทั่วไป",
                            "หากผู้ถูกร้องเรียนเป็นผู้บริหาร ให้ส่งเรื่องถึงสำนักงานสาธารณสุขจังหวัดน่านโดยตรง",
                        ),
                        (
                            "ตรวจสอบข้อเท็จจริง",
                            "แต่งตั้งคณะกรรมการตรวจสอบข้อเท็จจริง",
                            "ภายใน 30 วัน",
                            "คณะกรรมการ",
                            "คณะกรรมการต้องไม่มีส่วนได้เสียกับเรื่องที่ตรวจสอบ",
                        ),
                        (
                            "แจ้งผลและรายงาน",
                            "แจ้งผลผู้ร้องเรียนและรายงานหน่วยงานต้นสังกัด",
                            "ภายใน 7 วันหลังได้ผล",
                            "ศูนย์รับเรื่องร้องเรียน",
                            "สรุปจำนวนเรื่องและผลการดำเนินการในรายงานรอบ 6 เดือน โดยไม่เปิดเผยตัวผู้ร้องเรียน",
                        ),
                    ],
                    "ระเบียบสำนักนายกรัฐมนตรีว่าด้วยการจัดการเรื่องราวร้องทุกข์ พ.ศ. 2552 และแนวทางของศูนย์ปฏิบัติการต่อต้านการทุจริต "
                    "กระทรวงสาธารณสุข",
                )
            ],
        ),
        DemoItem(
            topic="complaint-manuals",
            title=f"แนวปฏิบัติการจัดการเรื่องร้องเรียน {fy_text(fy)}",
            summary="ประกาศแนวปฏิบัติ ช่องทางรับเรื่อง และระยะเวลาแจ้งผล ที่ใช้ในปีงบประมาณนี้",
            owner="admin",
            data_from=bounds(fy)[0],
            data_to=bounds(fy)[1],
            days_ago=when.ago(when.on(fy, 10, 18)),
            files=[
                pdf(
                    f"แนวปฏิบัติการจัดการเรื่องร้องเรียน ปี {fy}",
                    f"แนวปฏิบัติการจัดการเรื่องร้องเรียน {fy_text(fy)}",
                    "สำนักงานสาธารณสุขอำเภอบ้านหลวงกำหนดแนวปฏิบัติการจัดการเรื่องร้องเรียน ดังนี้",
                    [
                        "รับเรื่องร้องเรียนทุกช่องทาง: ด้วยตนเอง ตู้รับเรื่องร้องเรียน โทรศัพท์ อีเมล และแบบฟอร์มบนเว็บไซต์",
                        "แยกเรื่องร้องเรียนการให้บริการและเรื่องร้องเรียนการทุจริตออกจากกัน",
                        "แจ้งผลการดำเนินการแก่ผู้ร้องเรียนภายใน 30 วันทำการ",
                        "เก็บรักษาข้อมูลผู้ร้องเรียนเป็นความลับ",
                    ],
                    "จึงประกาศให้ทราบและถือปฏิบัติโดยทั่วกัน",
                    layout="announcement",
                    date=when.on(fy, 10, 18),
                )
            ],
        ),
        *[
            DemoItem(
                topic="bribery-prevention",
                title=f"มาตรการป้องกันการรับสินบน {fy_text(year)}",
                summary="มาตรการด้านการจัดซื้อจัดจ้าง การรับเงินบริจาค และการบริหารกองทุนสวัสดิการ",
                owner="admin",
                data_from=bounds(year)[0],
                data_to=bounds(year)[1],
                days_ago=when.ago(when.on(year, 10, 22)),
                files=[
                    pdf(
                        f"มาตรการป้องกันการรับสินบน ปี {year}",
                        f"มาตรการป้องกันการรับสินบน {fy_text(year)}",
                        "เพื่อป้องกันมิให้เจ้าหน้าที่เรียก รับ หรือยอมจะรับทรัพย์สินหรือประโยชน์อื่นใด สำนักงานจึงกำหนดมาตรการ ดังนี้",
                        [
                            "ด้านการจัดซื้อจัดจ้าง: กรรมการทุกคนลงนามแสดงความบริสุทธิ์ใจ และเปิดเผยผลการจัดซื้อจัดจ้างทุกเดือน",
                            "ด้านการรับเงินบริจาค: ออกใบเสร็จรับเงินทุกครั้ง และรายงานยอดเงินบริจาคต่อที่ประชุมประจำเดือน",
                            "ด้านกองทุนสวัสดิการ: แต่งตั้งคณะกรรมการบริหารกองทุน และเปิดเผยรายงานการเงินทุก 6 เดือน",
                            "ผู้พบเห็นการเรียกรับสินบน แจ้งได้ที่ช่องทางร้องเรียนการทุจริตของสำนักงาน",
                        ],
                        "จึงประกาศให้ทราบและถือปฏิบัติโดยทั่วกัน",
                        layout="announcement",
                        date=when.on(year, 10, 22),
                    )
                ],
            )
            for year in (fy, prev)
        ],
        DemoItem(
            topic="bribery-prevention",
            title=f"รายงานผลการดำเนินการตามมาตรการป้องกันการรับสินบน {fy_text(prev)}",
            summary="ดำเนินการครบทุกมาตรการ ไม่พบเรื่องร้องเรียนการเรียกรับสินบน",
            owner="admin",
            data_from=bounds(prev)[0],
            data_to=bounds(prev)[1],
            days_ago=when.ago(when.on(fy, 10, 29)),
        ),
        # MOIT13: the guideline is due in the second or third quarter, the assessment in the fourth
        *[
            DemoItem(
                topic="drug-procurement-ethics",
                title=f"แนวทางปฏิบัติตามเกณฑ์จริยธรรมการจัดซื้อจัดหาและการส่งเสริมการขายยาและเวชภัณฑ์ที่มิใช่ยา {fy_text(year)}",
                summary="แนวทางของสำนักงานตามประกาศกระทรวงสาธารณสุข พ.ศ. 2564 สำหรับผู้สั่งใช้ยา ผู้จัดซื้อ และผู้แทนบริษัทยา",
                source="ประกาศกระทรวงสาธารณสุข เรื่อง เกณฑ์จริยธรรมการจัดซื้อจัดหาและการส่งเสริมการขายยาและเวชภัณฑ์ที่มิใช่ยา"
                "ของกระทรวงสาธารณสุข พ.ศ. 2564",
                owner="consumer-protection",
                data_from=bounds(year)[0],
                data_to=bounds(year)[1],
                days_ago=when.ago(when.on(year, 2, 15)),
                files=[
                    pdf(
                        f"แนวทางปฏิบัติเกณฑ์จริยธรรมการจัดซื้อยา ปี {year}",
                        "แนวทางปฏิบัติตามเกณฑ์จริยธรรมการจัดซื้อจัดหาและการส่งเสริมการขายยา",
                        "เจ้าหน้าที่ผู้เกี่ยวข้องกับการสั่งใช้ จัดซื้อ หรือจัดหายาและเวชภัณฑ์ ต้องปฏิบัติ ดังนี้",
                        [
                            "ไม่รับเงิน ของขวัญ หรือประโยชน์อื่นใดจากบริษัทยาหรือผู้แทน",
                            "ผู้แทนบริษัทยาพบเจ้าหน้าที่ได้เฉพาะเวลาและสถานที่ที่สำนักงานกำหนด",
                            "การรับการสนับสนุนการประชุมวิชาการต้องรับในนามหน่วยงานและเปิดเผยต่อสาธารณะ",
                            "ผู้มีส่วนได้เสียกับบริษัทยาต้องไม่เป็นกรรมการพิจารณาคัดเลือกยา",
                        ],
                        subtitle=fy_text(year),
                        number=when.letter_no(),
                        date=when.on(year, 2, 15),
                    )
                ],
            )
            for year in (fy, prev)
            if when.happened(year, 2, 15)
        ],
        *[
            DemoItem(
                topic="drug-procurement-ethics",
                title=f"รายงานผลการประเมินการปฏิบัติตามเกณฑ์จริยธรรมการจัดซื้อจัดหาและการส่งเสริมการขายยา {fy_text(year)}",
                summary="ประเมินตนเองตามแบบของกระทรวงสาธารณสุข ผ่านเกณฑ์ทุกหมวด",
                owner="consumer-protection",
                data_from=bounds(year)[0],
                data_to=bounds(year)[1],
                days_ago=when.ago(when.on(year, 8, 25)),
                files=[
                    pdf(
                        f"รายงานผลการประเมินเกณฑ์จริยธรรมการจัดซื้อยา ปี {year}",
                        f"รายงานผลการประเมินตามเกณฑ์จริยธรรม {fy_text(year)}",
                        rows=[
                            ["หมวด", "ผลการประเมิน"],
                            ["ผู้สั่งใช้ยา", "ผ่าน"],
                            ["ผู้จัดซื้อจัดหา", "ผ่าน"],
                            ["การส่งเสริมการขายยา", "ผ่าน"],
                            ["การรับการสนับสนุนจากบริษัทยา", "ผ่าน (ไม่มีการรับการสนับสนุน)"],
                        ],
                        number=when.letter_no(),
                        date=when.on(year, 8, 25),
                    )
                ],
            )
            for year in (fy, prev)
            if when.happened(year, 8, 25)
        ],
        *[
            DemoItem(
                topic="state-property",
                title=f"แนวทางปฏิบัติการใช้ทรัพย์สินของราชการ และขั้นตอนการขอยืมทรัพย์สินของราชการ {fy_text(year)}",
                summary="การใช้ทรัพย์สินของราชการให้ถูกต้อง และขั้นตอนการขออนุญาตยืม พร้อมแบบฟอร์ม",
                owner="procurement",
                data_from=bounds(year)[0],
                data_to=bounds(year)[1],
                days_ago=when.ago(when.on(year, 10, 24)),
                files=[
                    pdf(
                        f"แนวทางการใช้และยืมทรัพย์สินของราชการ ปี {year}",
                        f"แนวทางปฏิบัติการใช้ทรัพย์สินของราชการ {fy_text(year)}",
                        "ทรัพย์สินของราชการต้องใช้เพื่อประโยชน์ของทางราชการเท่านั้น ห้ามนำไปใช้เพื่อประโยชน์ส่วนตัว",
                        [
                            "ผู้ยืมกรอกแบบขอยืมพัสดุ ระบุเหตุผลและวันส่งคืน",
                            "หัวหน้ากลุ่มงานของผู้ยืมลงนามรับรอง และหัวหน้าเจ้าหน้าที่อนุมัติ",
                            "เจ้าหน้าที่พัสดุตรวจสภาพและบันทึกการยืมในทะเบียน",
                            "ผู้ยืมส่งคืนภายใน 7 วันหลังเสร็จงาน หากชำรุดหรือสูญหายต้องรับผิดชอบตามระเบียบ",
                        ],
                        number=when.letter_no(),
                        date=when.on(year, 10, 24),
                    ),
                    DemoFile(
                        f"แบบขอยืมพัสดุ ปี {year}.docx",
                        heading="แบบขอยืมพัสดุของสำนักงานสาธารณสุขอำเภอบ้านหลวง",
                        paragraphs=[
                            "ชื่อผู้ยืม .............................. ตำแหน่ง ..............................",
                            "รายการพัสดุที่ขอยืม .................................... จำนวน ..........",
                            "เพื่อใช้ในงาน .............................. ณ ..............................",
                            "กำหนดส่งคืนวันที่ ........................................",
                        ],
                        signer=("........................................", "ผู้ยืม"),
                    ),
                ],
            )
            for year in (fy, prev)
        ],
        DemoItem(
            topic="human-rights-dignity",
            title=f"แนวปฏิบัติการเคารพสิทธิมนุษยชนและศักดิ์ศรีของผู้ปฏิบัติงาน {fy_text(fy)}",
            summary="การปฏิบัติต่อกันอย่างเท่าเทียม การป้องกันการล่วงละเมิดหรือคุกคามทางเพศ และช่องทางร้องเรียนภายใน",
            owner="admin",
            data_from=bounds(fy)[0],
            data_to=bounds(fy)[1],
            days_ago=when.ago(when.on(fy, 10, 14)),
            files=[
                pdf(
                    f"แนวปฏิบัติการเคารพสิทธิมนุษยชน ปี {fy}",
                    f"แนวปฏิบัติการเคารพสิทธิมนุษยชนและศักดิ์ศรีของผู้ปฏิบัติงาน {fy_text(fy)}",
                    "สำนักงานสาธารณสุขอำเภอบ้านหลวงยึดมั่นในการเคารพสิทธิมนุษยชนและศักดิ์ศรีของผู้ปฏิบัติงานทุกคน จึงกำหนดแนวปฏิบัติ ดังนี้",
                    [
                        "ปฏิบัติต่อผู้ร่วมงานอย่างเท่าเทียม ไม่เลือกปฏิบัติด้วยเหตุแห่งเพศ อายุ ศาสนา หรือความพิการ",
                        "ไม่กระทำการล่วงละเมิดหรือคุกคามทางเพศทั้งทางวาจา ท่าทาง และทางสื่ออิเล็กทรอนิกส์",
                        "ผู้ถูกกระทำแจ้งเรื่องได้ที่คณะทำงานป้องกันและแก้ไขปัญหาการล่วงละเมิดหรือคุกคามทางเพศ โดยเก็บเป็นความลับ",
                        "ผู้บังคับบัญชาต้องดำเนินการทันทีเมื่อทราบเรื่อง และคุ้มครองผู้แจ้งมิให้ได้รับผลกระทบ",
                    ],
                    "จึงประกาศให้ทราบและถือปฏิบัติโดยทั่วกัน",
                    layout="announcement",
                    date=when.on(fy, 10, 14),
                )
            ],
        ),
        DemoItem(
            topic="human-rights-dignity",
            title=f"รายงานการป้องกันและแก้ไขปัญหาการล่วงละเมิดหรือคุกคามทางเพศในการทำงาน {fy_text(prev)}",
            summary="ไม่มีเรื่องร้องเรียนการล่วงละเมิดหรือคุกคามทางเพศ จัดกิจกรรมสร้างความตระหนัก 2 ครั้ง",
            owner="admin",
            data_from=bounds(prev)[0],
            data_to=bounds(prev)[1],
            days_ago=when.ago(when.on(fy, 10, 27)),
            files=[
                pdf(
                    f"รายงานการป้องกันการคุกคามทางเพศ ปี {prev}",
                    f"รายงานการป้องกันและแก้ไขปัญหาการล่วงละเมิดหรือคุกคามทางเพศ {fy_text(prev)}",
                    "ในปีงบประมาณที่ผ่านมา ไม่มีเรื่องร้องเรียนการล่วงละเมิดหรือคุกคามทางเพศในการทำงาน",
                    "สำนักงานจัดกิจกรรมสร้างความตระหนักรู้แก่บุคลากร 2 ครั้ง และประชาสัมพันธ์ช่องทางแจ้งเรื่องในการประชุมประจำเดือน",
                    number=when.letter_no(),
                    date=when.on(fy, 10, 27),
                )
            ],
        ),
    ]


# ------------------------------------------------------------------------------------------------ 1.7 คู่มือสำหรับประชาชน


def _citizen_manual(name, heading, service, steps, documents, fee="ไม่มีค่าธรรมเนียม"):
    """A citizen's manual under the Licensing Facilitation Act B.E. 2558: steps, time, documents, fee, complaints."""
    return pdf(
        name,
        heading,
        subtitle="คู่มือสำหรับประชาชน ตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558",
        sections=[
            ("ชื่องานบริการ", [service]),
            (
                "สถานที่และช่องทางให้บริการ",
                [f"{NAME} และโรงพยาบาลส่งเสริมสุขภาพตำบลทุกแห่ง วันจันทร์ – วันศุกร์ เวลา 08.30 – 16.30 น. (เว้นวันหยุดราชการ)"],
            ),
            (
                "ขั้นตอน ระยะเวลา และส่วนงานที่รับผิดชอบ",
                [],
                [["ลำดับ", "ขั้นตอน", "ระยะเวลา", "ส่วนงานที่รับผิดชอบ"], *([n, *step] for n, step in enumerate(steps, 1))],
            ),
            ("เอกสารหลักฐานที่ต้องใช้", [documents]),
            ("ค่าธรรมเนียม", [fee]),
            (
                "ช่องทางการร้องเรียน",
                [f"กลุ่มงานบริหารทั่วไป {NAME} โทร. {UNIT['admin'][2]} อีเมล {UNIT['admin'][3]} หรือศูนย์ดำรงธรรมอำเภอบ้านหลวง"],
            ),
        ],
    )


def _form(name, heading, *lines):
    """A form to download: blank lines to fill in, as PDF and Word."""
    return also(
        DemoFile(
            f"{name}.pdf",
            heading=heading,
            paragraphs=list(lines),
            signer=("........................................", "ผู้ยื่นแบบ"),
        ),
        "docx",
    )


PARTICIPATION_ROWS = [
    ["กิจกรรม", "ผู้มีส่วนได้ส่วนเสียที่เข้าร่วม", "รูปแบบการมีส่วนร่วม"],
    ["ประชุมคณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอ", "นายอำเภอ อปท. ผู้นำชุมชน", "ร่วมวางแผน"],
    ["ประชาคมหมู่บ้านจัดทำแผนสุขภาพ", "ผู้นำชุมชน อสม. ประชาชน", "ร่วมวางแผน"],
    ["รณรงค์กำจัดแหล่งเพาะพันธุ์ยุงลาย", "อสม. โรงเรียน วัด", "ร่วมดำเนินการ"],
    ["สำรวจความพึงพอใจผู้รับบริการ", "ผู้รับบริการ รพ.สต.", "ร่วมติดตามผล"],
]


def _citizen(when):
    fy = when.fy
    forms = [
        ("แบบคำขอข้อมูลข่าวสารของราชการ", "ใช้ขอตรวจดูหรือขอสำเนาข้อมูลข่าวสารของราชการ", [_request_form()], "admin", 330),
        (
            "แบบฟอร์มเรื่องร้องเรียน/ร้องทุกข์",
            "ร้องเรียนการให้บริการหรือแจ้งเบาะแสการทุจริต ยื่นด้วยตนเอง ทางไปรษณีย์ หรืออีเมล",
            _form(
                "แบบฟอร์มเรื่องร้องเรียน",
                "แบบฟอร์มเรื่องร้องเรียน/ร้องทุกข์",
                "วันที่ ........ เดือน .......................... พ.ศ. ..........",
                "ชื่อผู้ร้องเรียน (ไม่ระบุก็ได้) ................................................................",
                "ช่องทางติดต่อกลับ ................................................................",
                "ประเภทเรื่อง  [  ] การให้บริการของเจ้าหน้าที่   [  ] การทุจริตและประพฤติมิชอบ   [  ] อื่น ๆ",
                "รายละเอียดเรื่องร้องเรียน ..............................................................................",
                "..................................................................................................",
                "ข้อมูลของผู้ร้องเรียนจะถูกเก็บรักษาเป็นความลับ",
            ),
            "admin",
            310,
        ),
        (
            "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน",
            "สำหรับกลุ่มงาน รพ.สต. และหน่วยงานภายนอกที่ขอให้เผยแพร่ข้อมูล",
            also(
                DemoFile(
                    "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์.pdf",
                    heading="แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน",
                    paragraphs=PUBLICATION_FORM,
                ),
                "docx",
            ),
            "it",
            when.ago(when.on(fy, 10, 7)),
        ),
        (
            "แบบคำขอรับการตรวจคัดกรองสุขภาพเชิงรุกในชุมชน",
            "สำหรับหมู่บ้าน โรงเรียน หรือสถานประกอบการที่ต้องการให้เจ้าหน้าที่ออกหน่วยคัดกรอง",
            _form(
                "แบบคำขอรับการตรวจคัดกรองสุขภาพ",
                "แบบคำขอรับการตรวจคัดกรองสุขภาพเชิงรุกในชุมชน",
                "ชื่อหน่วยงาน/หมู่บ้านที่ขอ ................................................................",
                "ผู้ประสานงาน ........................................ ตำแหน่ง ........................................",
                "กลุ่มเป้าหมาย ........................ คน  วันที่ต้องการ ........................",
                "บริการที่ขอ  [  ] วัดความดันโลหิต   [  ] ตรวจน้ำตาลในเลือด   [  ] ให้ความรู้ด้านสุขภาพ",
            ),
            "health-promotion",
            150,
        ),
        (
            "แบบขอใช้ห้องประชุมสำนักงานสาธารณสุขอำเภอบ้านหลวง",
            "สำหรับส่วนราชการและภาคีเครือข่ายที่ขอใช้ห้องประชุม",
            [
                DemoFile(
                    "แบบขอใช้ห้องประชุม.docx",
                    heading="แบบขอใช้ห้องประชุมสำนักงานสาธารณสุขอำเภอบ้านหลวง",
                    paragraphs=[
                        "ชื่อหน่วยงานผู้ขอใช้ ........................................",
                        "เรื่องที่ประชุม ........................................ จำนวนผู้เข้าประชุม ........ คน",
                        "วันที่ ........................ เวลา ........................ ถึง ........................",
                        "อุปกรณ์ที่ต้องการ  [  ] เครื่องฉายภาพ   [  ] เครื่องเสียง   [  ] อื่น ๆ ........................",
                    ],
                    signer=("........................................", "ผู้ขอใช้"),
                )
            ],
            "admin",
            270,
        ),
    ]
    return [
        DemoItem(
            topic="citizen-manuals",
            title="คู่มือสำหรับประชาชน: การขอข้อมูลข่าวสารของราชการ",
            summary="ขั้นตอน ระยะเวลา เอกสาร และค่าธรรมเนียมการขอข้อมูลข่าวสารของราชการ",
            owner="admin",
            days_ago=320,
            files=[
                _citizen_manual(
                    "คู่มือประชาชน การขอข้อมูลข่าวสาร",
                    "คู่มือสำหรับประชาชน: การขอข้อมูลข่าวสารของราชการ",
                    "การขอตรวจดู ขอสำเนา หรือขอสำเนาที่มีคำรับรองถูกต้องของข้อมูลข่าวสารของราชการ",
                    [
                        ("ยื่นคำขอและตรวจสอบเอกสาร", "10 นาที", "ศูนย์ข้อมูลข่าวสาร"),
                        ("พิจารณาคำขอและจัดหาข้อมูล", "ไม่เกิน 15 วันทำการ", "กลุ่มงานเจ้าของข้อมูล"),
                        ("แจ้งผลและส่งมอบข้อมูล", "1 วันทำการ", "ศูนย์ข้อมูลข่าวสาร"),
                    ],
                    "แบบคำขอข้อมูลข่าวสารของราชการ และบัตรประจำตัวประชาชนของผู้ขอ (แสดงเพื่อตรวจสอบ ไม่เก็บสำเนา)",
                    "ค่าสำเนาเอกสารหน้าละ 1 บาท ผู้มีรายได้น้อยได้รับยกเว้น",
                )
            ],
        ),
        DemoItem(
            topic="citizen-manuals",
            title="คู่มือสำหรับประชาชน: การร้องเรียนด้านผลิตภัณฑ์สุขภาพและบริการสุขภาพ",
            summary="ร้องเรียนผลิตภัณฑ์สุขภาพที่ไม่ปลอดภัย โฆษณาเกินจริง หรือบริการสุขภาพที่ไม่ได้มาตรฐาน",
            owner="consumer-protection",
            days_ago=300,
            files=[
                _citizen_manual(
                    "คู่มือประชาชน การร้องเรียนด้านผลิตภัณฑ์สุขภาพ",
                    "คู่มือสำหรับประชาชน: การร้องเรียนด้านผลิตภัณฑ์สุขภาพและบริการสุขภาพ",
                    "การรับเรื่องร้องเรียนด้านผลิตภัณฑ์สุขภาพ เช่น อาหาร ยา เครื่องสำอาง และบริการสุขภาพ",
                    [
                        ("รับเรื่องร้องเรียน", "15 นาที", "กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข"),
                        ("ตรวจสอบข้อเท็จจริงและเก็บตัวอย่าง", "ไม่เกิน 15 วันทำการ", "กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข"),
                        ("แจ้งผลการดำเนินการ", "ไม่เกิน 30 วันทำการ", "กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข"),
                    ],
                    "ผลิตภัณฑ์หรือภาพถ่ายผลิตภัณฑ์ ใบเสร็จหรือหลักฐานการซื้อ (ถ้ามี) และรายละเอียดสถานที่จำหน่าย",
                )
            ],
        ),
        DemoItem(
            topic="citizen-manuals",
            title="คู่มือสำหรับประชาชน: การรับบริการวัคซีนและการตรวจคัดกรองสุขภาพที่ รพ.สต.",
            summary="วันให้บริการ กลุ่มเป้าหมาย และเอกสารที่ต้องนำมา",
            owner="health-promotion",
            days_ago=180,
            files=[
                _citizen_manual(
                    "คู่มือประชาชน การรับวัคซีนและการคัดกรองสุขภาพ",
                    "คู่มือสำหรับประชาชน: การรับบริการวัคซีนและการตรวจคัดกรองสุขภาพ",
                    "การรับวัคซีนตามวัยและการตรวจคัดกรองเบาหวาน ความดันโลหิตสูง และมะเร็งปากมดลูก ที่ รพ.สต.",
                    [
                        ("ยื่นบัตรและตรวจสอบสิทธิ", "5 นาที", "รพ.สต."),
                        ("ซักประวัติและตรวจร่างกาย", "15 นาที", "รพ.สต."),
                        ("รับวัคซีนหรือตรวจคัดกรอง", "15 นาที", "รพ.สต."),
                        ("สังเกตอาการหลังรับวัคซีน", "30 นาที", "รพ.สต."),
                    ],
                    "บัตรประจำตัวประชาชน และสมุดบันทึกสุขภาพแม่และเด็ก (สำหรับเด็ก)",
                )
            ],
        ),
        *[
            DemoItem(topic="forms", title=title, summary=summary, owner=owner, days_ago=days_ago, files=files)
            for title, summary, files, owner, days_ago in forms
        ],
        DemoItem(
            topic="complaint-channels",
            title="ช่องทางร้องเรียนและแสดงความคิดเห็น",
            summary="ร้องเรียนการให้บริการ แจ้งเบาะแสการทุจริต หรือเสนอความคิดเห็นต่อการทำงานของสำนักงาน",
            body=html(
                "<h2>1. เรื่องร้องเรียนการให้บริการหรือการปฏิบัติงานของเจ้าหน้าที่</h2>",
                [
                    f"ด้วยตนเอง: กลุ่มงานบริหารทั่วไป {NAME} ในวันและเวลาราชการ",
                    f"ทางไปรษณีย์: {NAME} {OFFICE['address'].replace(chr(10), ' ')}",
                    f"โทรศัพท์: {UNIT['admin'][2]} (กลุ่มงานบริหารทั่วไป)",
                    f"อีเมล: <a href='mailto:{UNIT['admin'][3]}'>{UNIT['admin'][3]}</a>",
                    "ตู้รับเรื่องร้องเรียน: หน้าสำนักงานและ รพ.สต. ทุกแห่ง",
                ],
                "<h2>2. เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</h2>",
                [
                    f"ส่งถึงสาธารณสุขอำเภอบ้านหลวงโดยตรง ทางไปรษณีย์ (ระบุหน้าซอง “ลับ”) หรืออีเมล "
                    f"<a href='mailto:{OFFICE['email']}'>{OFFICE['email']}</a>",
                    "ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงสาธารณสุข",
                ],
                "<h2>3. แสดงความคิดเห็นต่อการทำงานของสำนักงาน</h2>",
                "เสนอความคิดเห็นหรือข้อเสนอแนะได้ทุกช่องทางข้างต้น หรือในการประชุมประชาคมหมู่บ้านที่เจ้าหน้าที่เข้าร่วม",
                "<h2>การคุ้มครองผู้ร้องเรียน</h2>",
                "สำนักงานเก็บรักษาข้อมูลของผู้ร้องเรียนเป็นความลับ ไม่เปิดเผยต่อผู้ถูกร้องเรียน "
                "และแจ้งผลการดำเนินการภายใน 30 วันทำการ โปรดใช้ถ้อยคำสุภาพ และให้ข้อเท็จจริงที่ตรวจสอบได้",
            ),
            owner="admin",
            days_ago=310,
        ),
        *[
            DemoItem(
                topic="complaint-summary",
                title=f"รายงานสรุปผลการจัดการเรื่องร้องเรียน {fy_text(year)} {round_text(number, first, last)}",
                summary="เรื่องร้องเรียนการให้บริการ 3 เรื่อง ดำเนินการแล้วเสร็จทั้งหมด ไม่มีเรื่องร้องเรียนการทุจริต"
                if number == 1
                else "เรื่องร้องเรียนการให้บริการ 5 เรื่อง และเรื่องร้องเรียนการทุจริต 1 เรื่อง",
                owner="admin",
                data_from=first,
                data_to=last,
                days_ago=when.ago(published),
                files=[
                    pdf(
                        f"สรุปผลการจัดการเรื่องร้องเรียน ปี {year} รอบ {6 * number} เดือน",
                        f"รายงานสรุปผลการจัดการเรื่องร้องเรียน {fy_text(year)} รอบ {6 * number} เดือน",
                        f"ช่วงข้อมูล {thai(first)} – {thai(last)} รายงานนี้ไม่เปิดเผยชื่อหรือข้อมูลที่ระบุตัวผู้ร้องเรียน",
                        rows=[
                            [
                                "ประเภทเรื่องร้องเรียน",
                                "จำนวนเรื่อง",
                                "ดำเนินการแล้วเสร็จ",
                                "อยู่ระหว่างดำเนินการ",
                                "ผลการดำเนินการโดยสรุป",
                            ],
                            [
                                "การให้บริการหรือการปฏิบัติงานของเจ้าหน้าที่",
                                3 * number - (number - 1),
                                3 * number - (number - 1),
                                0,
                                "ปรับปรุงระบบนัดหมายและการชี้แจงขั้นตอนบริการ",
                            ],
                            [
                                "การทุจริตและประพฤติมิชอบ",
                                number - 1,
                                number - 1,
                                0,
                                "ตรวจสอบข้อเท็จจริงแล้วไม่มีมูล" if number == 2 else "ไม่มีเรื่องร้องเรียน",
                            ],
                        ],
                        number=when.letter_no(),
                        date=published,
                    )
                ],
            )
            for year, number, first, last, published in half_years(when, 10)
        ],
        DemoItem(
            topic="participation",
            title=f"แผนส่งเสริมการมีส่วนร่วมของผู้มีส่วนได้ส่วนเสีย {fy_text(fy)}",
            summary="กิจกรรมที่เปิดให้ประชาชนและภาคีเครือข่ายร่วมวางแผน ร่วมดำเนินการ และร่วมติดตามผลในปีงบประมาณนี้",
            owner="admin",
            data_from=fiscal_year_bounds(fy)[0],
            data_to=fiscal_year_bounds(fy)[1],
            days_ago=when.ago(when.on(fy, 10, 20)),
            files=[
                pdf(
                    f"แผนส่งเสริมการมีส่วนร่วม ปี {fy}",
                    f"แผนส่งเสริมการมีส่วนร่วมของผู้มีส่วนได้ส่วนเสีย {fy_text(fy)}",
                    "สำนักงานเปิดให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วมใน 3 ขั้นตอน ได้แก่ ร่วมวางแผน ร่วมดำเนินการ และร่วมติดตามผล",
                    rows=PARTICIPATION_ROWS,
                    number=when.letter_no(),
                    date=when.on(fy, 10, 20),
                )
            ],
        ),
        DemoItem(
            topic="participation",
            title=f"รายงานผลการมีส่วนร่วมของผู้มีส่วนได้ส่วนเสียในการดำเนินงาน {fy_text(when.prev)}",
            summary="ภาคีเครือข่ายร่วมวางแผนผ่านคณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอ และร่วมดำเนินการในการรณรงค์ทุกตำบล",
            owner="admin",
            data_from=fiscal_year_bounds(when.prev)[0],
            data_to=fiscal_year_bounds(when.prev)[1],
            days_ago=when.ago(when.on(fy, 10, 30)),
            files=[
                pdf(
                    f"รายงานผลการมีส่วนร่วม ปี {when.prev}",
                    f"รายงานผลการมีส่วนร่วมของผู้มีส่วนได้ส่วนเสีย {fy_text(when.prev)}",
                    "กิจกรรมตามแผนดำเนินการครบทุกกิจกรรม มีผู้เข้าร่วมรวม 1,240 คน ผลสำรวจความพึงพอใจของผู้รับบริการร้อยละ 89.6",
                    rows=with_column(
                        PARTICIPATION_ROWS, ["ผลการดำเนินงาน", "ประชุม 4 ครั้ง", "29 หมู่บ้าน", "รณรงค์ 12 ครั้ง", "ผู้ตอบ 412 คน"]
                    ),
                    number=when.letter_no(),
                    date=when.on(fy, 10, 30),
                ),
                *photos(f"การมีส่วนร่วม-{when.prev}", MEETING, "ผู้นำชุมชนและ อสม. ร่วมประชุมวางแผนสุขภาพของหมู่บ้าน"),
            ],
        ),
    ]


# ------------------------------------------------------------------------------------------------ 1.8 ข่าวประชาสัมพันธ์

# Seasonal alerts: (months, title, summary, advice).
ALERTS = [
    ((11, 12, 1, 2), "เตือนภัยสุขภาพช่วงฤดูหนาว ระวังโรคไข้หวัดใหญ่และโรคปอดอักเสบ",
     "อากาศหนาวเย็นบนพื้นที่สูงของอำเภอบ้านหลวง ผู้สูงอายุและเด็กเล็กเสี่ยงป่วยง่าย",
     ["สวมเสื้อผ้าให้ร่างกายอบอุ่น", "ล้างมือบ่อย ๆ และสวมหน้ากากอนามัยเมื่อมีอาการไอ",
      "กลุ่มเสี่ยงรับวัคซีนไข้หวัดใหญ่ได้ฟรีที่ รพ.สต.", "ห้ามก่อไฟในห้องนอนที่ปิดมิดชิด"]),
    ((3, 4, 5), "เตือนภัยสุขภาพจากฝุ่นละอองขนาดเล็ก PM2.5 และอากาศร้อนจัด",
     "ค่าฝุ่นละอองในจังหวัดน่านเกินมาตรฐานหลายวัน ขอให้ประชาชนดูแลสุขภาพและงดการเผาทุกชนิด",
     ["ตรวจสอบค่าฝุ่นก่อนออกจากบ้าน", "สวมหน้ากากที่ป้องกันฝุ่นได้", "ดื่มน้ำให้เพียงพอ หลีกเลี่ยงกิจกรรมกลางแจ้งช่วงบ่าย",
      "ผู้มีโรคหัวใจหรือโรคปอดให้เตรียมยาประจำตัวให้พร้อม"]),
    ((6, 7, 8, 9, 10), "เตือนภัยโรคไข้เลือดออกช่วงฤดูฝน",
     "พบผู้ป่วยไข้เลือดออกในอำเภอใกล้เคียง ขอความร่วมมือทุกบ้านกำจัดแหล่งเพาะพันธุ์ยุงลายทุกสัปดาห์",
     ["ปิดฝาโอ่งน้ำ เปลี่ยนน้ำในแจกันทุก 7 วัน", "คว่ำภาชนะที่ไม่ใช้", "หากมีไข้สูงเกิน 2 วัน ให้รีบพบเจ้าหน้าที่",
      "ห้ามใช้ยาแอสไพรินและไอบูโพรเฟนเมื่อมีไข้"]),
]  # fmt: skip


def _alert(month):
    return next(alert for alert in ALERTS if month in alert[0])


def _news(when):
    fy = when.fy
    latest = max((m for m in fiscal_months(when.prev) + fiscal_months(fy)
                  if month_end(m) < when.today and month_purchases(when, m)), default=None)  # fmt: skip
    recent = sorted(month_purchases(when, latest), key=lambda p: -p.price)[:3] if latest else []
    ebidding = next(p for p in month_purchases(when, when.date(when.prev, 3)) if p.method == EBIDDING)
    season, last_season = _alert(when.today.month), _alert(when.days(75).month)
    return [
        # ข่าวสารทั่วไป
        DemoItem(
            topic="general-news",
            title=f"สสอ.บ้านหลวง ประชุมประจำเดือนผู้รับผิดชอบงานสาธารณสุข ประจำเดือน{month_year(when.days(6))}",
            summary="ติดตามผลงานตามตัวชี้วัด การรณรงค์วัคซีนไข้หวัดใหญ่ และการเตรียมรับการประเมิน ITA",
            body=html(
                f"สาธารณสุขอำเภอบ้านหลวงเป็นประธานการประชุมประจำเดือนผู้รับผิดชอบงานสาธารณสุข "
                f"เมื่อวันที่ {thai(when.days(7))} ณ ห้องประชุมสำนักงาน มีผู้เข้าร่วม 32 คน",
                [
                    "ติดตามผลการคัดกรองเบาหวานและความดันโลหิตสูง",
                    "แผนรณรงค์ฉีดวัคซีนไข้หวัดใหญ่ในกลุ่มเสี่ยง",
                    "ตรวจความครบถ้วนของข้อมูลบนเว็บไซต์ตามเกณฑ์ ITA",
                ],
            ),
            owner="admin",
            data_from=when.days(7),
            data_to=when.days(7),
            days_ago=6,
            files=photos(
                "ประชุมประจำเดือน", MEETING, "ผู้รับผิดชอบงานสาธารณสุขเข้าร่วมประชุมประจำเดือน", "หัวหน้ากลุ่มงานนำเสนอผลงานตามตัวชี้วัด"
            ),
        ),
        DemoItem(
            topic="general-news",
            title=f"อบรมฟื้นฟูความรู้อาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.) {fy_text(fy)}",
            summary="อสม. 180 คนจาก 4 ตำบล ทบทวนการคัดกรองโรคเรื้อรัง การเยี่ยมบ้าน และการใช้แอปพลิเคชันสมาร์ท อสม.",
            body=html(
                "กลุ่มงานส่งเสริมสุขภาพและป้องกันโรคจัดอบรม 4 รุ่น รุ่นละ 1 วัน ที่ รพ.สต. ทุกแห่ง "
                "เนื้อหาประกอบด้วยการวัดความดันโลหิต การตรวจน้ำตาลปลายนิ้ว และการรายงานผ่านแอปพลิเคชัน"
            ),
            owner="health-promotion",
            days_ago=when.ago(when.on(fy, 11, 12)) + 1,
        ),
        DemoItem(
            topic="general-news",
            title="รณรงค์ฉีดวัคซีนป้องกันโรคพิษสุนัขบ้าในสุนัขและแมว ครบทุกหมู่บ้าน",
            summary="ร่วมกับองค์กรปกครองส่วนท้องถิ่นและปศุสัตว์อำเภอ ฉีดวัคซีนแล้ว 2,860 ตัว",
            owner="health-promotion",
            days_ago=45,
        ),
        DemoItem(
            topic="general-news",
            title="รพ.สต.สวด เปิดคลินิกอดบุหรี่ ทุกวันพุธ",
            summary="ให้คำปรึกษาและติดตามผู้ที่ต้องการเลิกบุหรี่ ไม่มีค่าใช้จ่าย",
            body=html("ผู้ที่ต้องการเลิกบุหรี่ติดต่อ รพ.สต.สวด ได้ทุกวันพุธ เวลา 09.00 – 12.00 น. หรือโทรสายด่วนเลิกบุหรี่ 1600 ได้ตลอดเวลา"),
            owner="hpc-suat",
            days_ago=60,
        ),
        DemoItem(
            topic="general-news",
            title=f"สสอ.บ้านหลวง ผ่านเกณฑ์การประเมินคุณธรรมและความโปร่งใส (ITA) {fy_text(when.prev)}",
            summary="ผลการประเมินผ่านเกณฑ์ทุกตัวชี้วัด ขอบคุณผู้มีส่วนได้ส่วนเสียที่ร่วมตอบแบบสำรวจ",
            owner="director",
            days_ago=when.ago(when.on(when.prev, 9, 20)),
        ),
        DemoItem(
            topic="general-news",
            title="มอบเกียรติบัตร อสม. ดีเด่นระดับอำเภอ",
            summary="ยกย่อง อสม. ดีเด่น 10 สาขา ที่ทำงานด้วยความเสียสละเพื่อสุขภาพของชุมชน",
            owner="health-promotion",
            days_ago=200,
            files=photos("อสมดีเด่น", MEETING, "สาธารณสุขอำเภอมอบเกียรติบัตรแก่ อสม. ดีเด่น"),
        ),
        DemoItem(
            topic="general-news",
            title="ขอเชิญสตรีอายุ 30–60 ปี ตรวจคัดกรองมะเร็งปากมดลูกฟรีที่ รพ.สต. ใกล้บ้าน",
            summary="ตรวจได้ทุกวันอังคารและวันพฤหัสบดี ไม่ต้องนัดล่วงหน้า",
            body=html("นำบัตรประจำตัวประชาชนมาด้วย ไม่ควรมีประจำเดือนหรือมีเพศสัมพันธ์ภายใน 2 วันก่อนตรวจ"),
            owner="health-promotion",
            days_ago=-3,
        ),
        DemoItem(
            topic="general-news",
            title="สรุปผลการรณรงค์ฉีดวัคซีนไข้หวัดใหญ่ตามฤดูกาล (ร่าง)",
            summary="รอตัวเลขจาก รพ.สต. ครบทุกแห่งก่อนเสนออนุมัติ",
            owner="health-promotion",
            draft=True,
        ),
        DemoItem(
            topic="general-news",
            title="แจ้งปิดให้บริการชั่วคราวเพื่อปรับปรุงระบบไฟฟ้า",
            summary="สำนักงานจะปิดให้บริการหนึ่งวันเพื่อปรับปรุงระบบไฟฟ้าของอาคาร",
            owner="admin",
            days_ago=20,
            withdrawn_reason="เลื่อนการปรับปรุงระบบไฟฟ้าออกไปไม่มีกำหนด",
        ),
        # ภาพข่าวกิจกรรม
        DemoItem(
            topic="activity-photos",
            title="ออกหน่วยฉีดวัคซีนไข้หวัดใหญ่ให้ผู้สูงอายุ ตำบลป่าคาหลวง",
            summary="เจ้าหน้าที่ รพ.สต.ป่าคาหลวง และ อสม. ออกหน่วยบริการฉีดวัคซีนไข้หวัดใหญ่ให้ผู้สูงอายุ 120 คน",
            body=html(
                f"เมื่อวันที่ {thai(when.days(5))} สำนักงานสาธารณสุขอำเภอบ้านหลวงร่วมกับโรงพยาบาลส่งเสริมสุขภาพตำบลป่าคาหลวง "
                "ออกหน่วยบริการฉีดวัคซีนป้องกันโรคไข้หวัดใหญ่ ณ ศาลาอเนกประสงค์หมู่ที่ 3 ตำบลป่าคาหลวง"
            ),
            owner="hpc-pakhaluang",
            data_from=when.days(5),
            data_to=when.days(5),
            days_ago=4,
            files=photos(
                "วัคซีนไข้หวัดใหญ่",
                TENT,
                "ผู้สูงอายุรอรับวัคซีนที่เต็นท์บริการหน้าศาลาหมู่บ้าน",
                "พยาบาลซักประวัติและวัดความดันโลหิตก่อนฉีดวัคซีน",
                "อสม. ช่วยจัดคิวผู้มารับบริการ",
            ),
        ),
        DemoItem(
            topic="activity-photos",
            title="ตรวจสุขภาพช่องปากและเคลือบฟลูออไรด์ให้นักเรียนโรงเรียนบ้านฟ้า",
            summary="ทันตาภิบาลตรวจฟันนักเรียนชั้นประถมศึกษา 146 คน และสอนแปรงฟันแบบขยับปัด",
            owner="hpc-banfa",
            data_from=when.days(13),
            data_to=when.days(13),
            days_ago=12,
            files=photos(
                "ตรวจฟันนักเรียน",
                SCHOOL,
                "นักเรียนเข้าแถวรอรับการตรวจสุขภาพช่องปาก",
                "ทันตาภิบาลสอนนักเรียนแปรงฟันอย่างถูกวิธี",
                "เจ้าหน้าที่และครูร่วมกิจกรรมที่ลานโรงเรียน",
            ),
        ),
        DemoItem(
            topic="activity-photos",
            title="อสม. ตำบลบ้านพี้ สำรวจและทำลายแหล่งเพาะพันธุ์ยุงลาย",
            summary="อสม. 42 คนเดินสำรวจลูกน้ำยุงลายครบทุกหลังคาเรือนในตำบลบ้านพี้",
            owner="hpc-banphi",
            data_from=when.days(26),
            data_to=when.days(26),
            days_ago=25,
            files=photos(
                "สำรวจลูกน้ำยุงลาย",
                VILLAGE,
                "อสม. ตรวจโอ่งน้ำหน้าบ้านเรือนในหมู่บ้าน",
                "อสม. แนะนำการปิดฝาโอ่งให้เจ้าของบ้าน",
                "อสม. และเจ้าหน้าที่ รพ.สต. เดินสำรวจตามซอยในหมู่บ้าน",
                "อสม. บันทึกผลการสำรวจลูกน้ำ",
            ),
        ),
        DemoItem(
            topic="activity-photos",
            title=f"ประชุมคณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอบ้านหลวง (พชอ.) ครั้งที่ 1/{fy}",
            summary="นายอำเภอเป็นประธาน ร่วมเลือกประเด็นพัฒนาคุณภาพชีวิตของอำเภอ 3 ประเด็น",
            owner="director",
            data_from=when.on(fy, 11, 18),
            data_to=when.on(fy, 11, 18),
            days_ago=when.ago(when.on(fy, 11, 19)),
            files=photos(
                "ประชุม พชอ",
                MEETING,
                "คณะกรรมการ พชอ. ร่วมประชุมที่ห้องประชุมที่ว่าการอำเภอ",
                "สาธารณสุขอำเภอนำเสนอข้อมูลสถานะสุขภาพของอำเภอ",
            ),
        ),
        DemoItem(
            topic="activity-photos",
            title="ออกหน่วยคัดกรองเบาหวานและความดันโลหิตสูง ตำบลสวด",
            summary="คัดกรองประชาชนอายุ 35 ปีขึ้นไป 215 คน พบกลุ่มเสี่ยงที่ต้องติดตาม 38 คน",
            owner="hpc-suat",
            data_from=when.days(41),
            data_to=when.days(41),
            days_ago=40,
            files=photos(
                "คัดกรองเบาหวาน",
                TENT,
                "ประชาชนรอรับการตรวจน้ำตาลในเลือดที่เต็นท์บริการ",
                "เจ้าหน้าที่วัดความดันโลหิตให้ผู้มารับบริการ",
                "อสม. ลงทะเบียนผู้มารับการคัดกรอง",
                "เจ้าหน้าที่ให้คำแนะนำแก่กลุ่มเสี่ยง",
                "บรรยากาศหน่วยบริการที่ลานวัด",
            ),
        ),
        DemoItem(
            topic="activity-photos",
            title="ตรวจคัดกรองพัฒนาการเด็กปฐมวัย ศูนย์พัฒนาเด็กเล็กบ้านป่าคา",
            summary="ตรวจพัฒนาการเด็กอายุ 2–5 ปี 58 คน ตามคู่มือเฝ้าระวังและส่งเสริมพัฒนาการเด็กปฐมวัย (DSPM)",
            owner="hpc-pakhaluang",
            data_from=when.days(71),
            data_to=when.days(71),
            days_ago=70,
            files=photos(
                "คัดกรองพัฒนาการเด็ก", SCHOOL, "เด็กเล็กและครูพี่เลี้ยงร่วมกิจกรรมที่ศูนย์พัฒนาเด็กเล็ก", "พยาบาลตรวจพัฒนาการเด็กตามคู่มือ DSPM"
            ),
        ),
        # ประกาศรับสมัครงาน
        DemoItem(
            topic="job-announcements",
            title="ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นลูกจ้างชั่วคราว ตำแหน่งพนักงานขับรถยนต์",
            summary=f"รับสมัคร 1 อัตรา ตั้งแต่วันที่ {thai(when.days(3))} ถึง {thai(when.days(-20))} ที่กลุ่มงานบริหารทั่วไป",
            owner="admin",
            data_from=when.days(3),
            data_to=when.days(-20),
            days_ago=3,
            expire_after_days=30,
            files=[
                _job(
                    when,
                    "ตำแหน่งพนักงานขับรถยนต์",
                    "ลูกจ้างชั่วคราว",
                    "9,400",
                    3,
                    20,
                    [
                        "มีใบอนุญาตขับรถยนต์ส่วนบุคคลที่ยังไม่หมดอายุ",
                        "มีประสบการณ์ขับรถยนต์ไม่น้อยกว่า 2 ปี",
                        "สุขภาพแข็งแรง ไม่เป็นโรคที่เป็นอุปสรรคต่อการปฏิบัติงาน",
                    ],
                )
            ],
        ),
        DemoItem(
            topic="job-announcements",
            title="ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นลูกจ้างชั่วคราว ตำแหน่งพนักงานช่วยเหลือคนไข้ (รพ.สต.บ้านพี้)",
            summary="รับสมัคร 1 อัตรา เปิดรับสมัครหลังวันประกาศ 15 วัน",
            owner="admin",
            data_from=when.days(-3),
            data_to=when.days(-18),
            days_ago=-3,
            expire_after_days=30,
            files=[
                _job(
                    when,
                    "ตำแหน่งพนักงานช่วยเหลือคนไข้",
                    "ลูกจ้างชั่วคราว",
                    "9,000",
                    -3,
                    18,
                    ["สำเร็จการศึกษาไม่ต่ำกว่ามัธยมศึกษาตอนปลาย", "ผ่านการอบรมหลักสูตรผู้ช่วยเหลือคนไข้จะได้รับการพิจารณาเป็นพิเศษ"],
                )
            ],
        ),
        *[
            DemoItem(
                topic="job-announcements",
                title=f"{kind} ตำแหน่งนักวิชาการสาธารณสุข",
                summary=summary,
                owner="admin",
                data_from=when.days(days_ago),
                data_to=when.days(days_ago - 15),
                days_ago=days_ago,
                expire_after_days=60,
                files=[
                    pdf(
                        f"{kind} นักวิชาการสาธารณสุข",
                        f"{kind.removeprefix('ประกาศ')} ตำแหน่งนักวิชาการสาธารณสุข",
                        text,
                        rows=rows,
                        after=["จึงประกาศให้ทราบโดยทั่วกัน"],
                        layout="announcement",
                        date=when.days(days_ago),
                    )
                ],
            )
            for kind, summary, days_ago, text, rows in (
                (
                    "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานกระทรวงสาธารณสุขทั่วไป",
                    "รับสมัคร 1 อัตรา ปฏิบัติงานที่ รพ.สต.สวด",
                    40,
                    "ด้วยสำนักงานสาธารณสุขอำเภอบ้านหลวงจะรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานกระทรวงสาธารณสุขทั่วไป "
                    "ตำแหน่งนักวิชาการสาธารณสุข จำนวน 1 อัตรา ผู้สมัครต้องสำเร็จการศึกษาปริญญาตรีสาขาสาธารณสุขศาสตร์ "
                    "และมีใบอนุญาตประกอบวิชาชีพการสาธารณสุขชุมชน",
                    [],
                ),
                (
                    "ประกาศรายชื่อผู้มีสิทธิเข้ารับการประเมินสมรรถนะพนักงานกระทรวงสาธารณสุขทั่วไป",
                    "ผู้มีสิทธิเข้ารับการประเมิน 4 คน สอบสัมภาษณ์ที่สำนักงาน",
                    20,
                    "ผู้มีสิทธิเข้ารับการประเมินสมรรถนะให้มาสอบสัมภาษณ์ ณ ห้องประชุมสำนักงานสาธารณสุขอำเภอบ้านหลวง "
                    "โดยนำบัตรประจำตัวประชาชนมาแสดงในวันสอบ",
                    [
                        ["เลขประจำตัวสอบ", "ชื่อ-สกุล"],
                        ["001", "นางสาวกมลชนก ใจคำ"],
                        ["002", "นายพีระพงษ์ ทองมา"],
                        ["003", "นางสาวสุภาวดี เรือนแก้ว"],
                        ["004", "นายอภิชาติ สุขเกษม"],
                    ],
                ),
                (
                    "ประกาศผลการเลือกสรรพนักงานกระทรวงสาธารณสุขทั่วไป",
                    "ผู้ผ่านการเลือกสรร 1 คน และบัญชีสำรอง 2 คน",
                    5,
                    "คณะกรรมการได้ดำเนินการเลือกสรรเสร็จแล้ว จึงประกาศรายชื่อผู้ผ่านการเลือกสรรตามลำดับคะแนน "
                    "ผู้ผ่านการเลือกสรรลำดับที่ 1 ให้รายงานตัวที่กลุ่มงานบริหารทั่วไปภายใน 7 วัน",
                    [
                        ["ลำดับที่", "ชื่อ-สกุล", "หมายเหตุ"],
                        [1, "นางสาวสุภาวดี เรือนแก้ว", "ผู้ผ่านการเลือกสรร"],
                        [2, "นายพีระพงษ์ ทองมา", "บัญชีสำรอง"],
                        [3, "นางสาวกมลชนก ใจคำ", "บัญชีสำรอง"],
                    ],
                ),
            )
        ],
        DemoItem(
            topic="job-announcements",
            title="ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นลูกจ้างชั่วคราว ตำแหน่งพนักงานทำความสะอาด",
            summary="ปิดรับสมัครแล้ว (ประกาศนี้หมดอายุการเผยแพร่)",
            owner="admin",
            data_from=when.days(130),
            data_to=when.days(115),
            days_ago=130,
            expire_after_days=45,
            files=[
                _job(
                    when,
                    "ตำแหน่งพนักงานทำความสะอาด",
                    "ลูกจ้างชั่วคราว",
                    "9,000",
                    130,
                    15,
                    ["อายุไม่ต่ำกว่า 18 ปีบริบูรณ์", "ขยัน อดทน และมีความรับผิดชอบ"],
                )
            ],
        ),
        DemoItem(
            topic="job-announcements",
            title="ประกาศผลการเลือกสรรลูกจ้างชั่วคราว ตำแหน่งพนักงานทำความสะอาด",
            summary="ผู้ผ่านการเลือกสรร 1 คน",
            owner="admin",
            days_ago=95,
            expire_after_days=60,
        ),
        # แผนการจัดซื้อจัดจ้าง
        *[_procurement_plan(when, year) for year in (fy, when.prev)],
        # ประกาศจัดซื้อจัดจ้าง
        DemoItem(
            topic="procurement-announcements",
            title="ประกาศประกวดราคาจ้างปรับปรุงอาคาร รพ.สต.บ้านพี้ ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
            summary="ราคากลาง 1,450,000 บาท ยื่นข้อเสนอทางระบบ e-GP ภายในวันที่ " + thai(when.days(-12)),
            owner="procurement",
            data_from=when.days(10),
            data_to=when.days(-12),
            days_ago=10,
            expire_after_days=90,
            files=[
                pdf(
                    "ประกาศประกวดราคาจ้างปรับปรุงอาคาร รพ.สต.บ้านพี้",
                    "ประกวดราคาจ้างปรับปรุงอาคาร รพ.สต.บ้านพี้ ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
                    "สำนักงานสาธารณสุขอำเภอบ้านหลวงมีความประสงค์จะประกวดราคาจ้างปรับปรุงอาคารโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านพี้ "
                    "ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ ราคากลางของงานจ้างเป็นเงินทั้งสิ้น 1,450,000.00 บาท",
                    f"ผู้ยื่นข้อเสนอจะต้องยื่นข้อเสนอและเสนอราคาทางระบบจัดซื้อจัดจ้างภาครัฐด้วยอิเล็กทรอนิกส์ "
                    f"ภายในวันที่ {thai(when.days(-12))} ระหว่างเวลา 08.30 น. ถึง 16.30 น.",
                    "ผู้สนใจดูรายละเอียดได้ที่เว็บไซต์ www.gprocurement.go.th หรือสอบถามทางโทรศัพท์หมายเลข "
                    f"{UNIT['procurement'][2]} ในวันและเวลาราชการ",
                    layout="announcement",
                    date=when.days(10),
                ),
                pdf(
                    "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและราคากลาง (บก.01)",
                    "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและรายละเอียดค่าก่อสร้าง (แบบ บก.01)",
                    rows=[
                        ["รายการ", "รายละเอียด"],
                        ["ชื่อโครงการ", "จ้างปรับปรุงอาคาร รพ.สต.บ้านพี้"],
                        ["วงเงินงบประมาณที่ได้รับจัดสรร", 1500000.0],
                        ["ราคากลาง", 1450000.0],
                        ["วันที่กำหนดราคากลาง", thai(when.days(18))],
                        ["รายชื่อคณะกรรมการกำหนดราคากลาง", f"{UNIT['procurement'][1]}, {PEOPLE[3][0]}, {PEOPLE[4][0]}"],
                    ],
                ),
            ],
        ),
        DemoItem(
            topic="procurement-announcements",
            title="ประกาศเชิญชวนซื้อตู้เย็นเก็บวัคซีน จำนวน 4 เครื่อง",
            summary="ยกเลิกแล้ว",
            owner="procurement",
            days_ago=30,
            expire_after_days=90,
            withdrawn_reason="ยกเลิกการจัดซื้อ เนื่องจากได้รับการสนับสนุนตู้เย็นเก็บวัคซีนจากสำนักงานสาธารณสุขจังหวัดน่าน",
        ),
        DemoItem(
            topic="procurement-announcements",
            title="ประกาศประกวดราคาจ้างปรับปรุงอาคาร รพ.สต.สวด ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
            summary="ราคากลาง 1,832,000 บาท (สิ้นสุดการเผยแพร่แล้ว)",
            owner="procurement",
            days_ago=when.ago(when.on(when.prev, 2, 10)),
            expire_after_days=30,
            files=[
                pdf(
                    "ประกาศประกวดราคาจ้างปรับปรุงอาคาร รพ.สต.สวด",
                    "ประกวดราคาจ้างปรับปรุงอาคาร รพ.สต.สวด",
                    "ราคากลางของงานจ้างเป็นเงินทั้งสิ้น 1,832,000.00 บาท ยื่นข้อเสนอทางระบบ e-GP",
                    layout="announcement",
                    date=when.on(when.prev, 2, 10),
                )
            ],
        ),
        DemoItem(
            topic="procurement-announcements",
            title="ประกาศเผยแพร่ราคากลางจ้างเหมาบริการทำความสะอาดอาคารสำนักงาน",
            summary="ราคากลาง 96,000 บาท ระยะเวลาจ้าง 12 เดือน",
            owner="procurement",
            days_ago=35,
            expire_after_days=90,
            files=[
                pdf(
                    "ราคากลางจ้างเหมาทำความสะอาด",
                    "ราคากลางจ้างเหมาบริการทำความสะอาดอาคารสำนักงาน",
                    rows=[
                        ["รายการ", "รายละเอียด"],
                        ["วงเงินงบประมาณ", 96000.0],
                        ["ราคากลาง", 96000.0],
                        ["แหล่งที่มาของราคากลาง", "ราคาที่เคยจ้างในปีงบประมาณที่ผ่านมา"],
                    ],
                )
            ],
        ),
        # ผลการจัดซื้อจัดจ้าง
        *[
            DemoItem(
                topic="procurement-results",
                title=f"ประกาศผู้ชนะการเสนอราคา{purchase.work} โดยวิธี{purchase.method}",
                summary=f"ผู้ได้รับการคัดเลือก {purchase.winner} ราคา {purchase.price:,.2f} บาท",
                owner="procurement",
                data_from=latest,
                data_to=month_end(latest),
                days_ago=when.ago(month_end(latest)) + 3 * n,
                files=[_winner(purchase, month_end(latest) - dt.timedelta(days=3 * n))],
            )
            for n, purchase in enumerate(recent)
        ],
        DemoItem(
            topic="procurement-results",
            title=f"ประกาศผู้ชนะการเสนอราคา{ebidding.work} ด้วยวิธี{ebidding.method}",
            summary=f"ผู้ชนะการเสนอราคา {ebidding.winner} ราคา {ebidding.price:,.2f} บาท",
            owner="procurement",
            data_from=when.on(when.prev, 3, 1),
            data_to=when.on(when.prev, 3, 31),
            days_ago=when.ago(when.on(when.prev, 3, 25)),
            files=[_winner(ebidding, when.on(when.prev, 3, 25))],
        ),
        # เรื่องแจ้งเตือน
        DemoItem(
            topic="alerts",
            title=season[1],
            summary=season[2],
            body=html(season[2], "<h2>คำแนะนำ</h2>", season[3]),
            source=DDC,
            owner="health-promotion",
            days_ago=5,
            expire_after_days=30,
        ),
        DemoItem(
            topic="alerts",
            title=f"แจ้งงดให้บริการตรวจรักษาโรคทั่วไป รพ.สต.บ้านฟ้า วันที่ {thai(when.days(-4))}",
            summary="เจ้าหน้าที่เข้ารับการอบรม ผู้ป่วยฉุกเฉินติดต่อโรงพยาบาลบ้านหลวง",
            body=html(
                "ผู้ป่วยที่มีนัดรับยาโรคเรื้อรังในวันดังกล่าว รับยาได้ล่วงหน้าตั้งแต่วันนี้ "
                "กรณีฉุกเฉินโทร 1669 หรือติดต่อโรงพยาบาลบ้านหลวงได้ตลอด 24 ชั่วโมง"
            ),
            owner="hpc-banfa",
            days_ago=2,
            expire_after_days=7,
        ),
        DemoItem(
            topic="alerts",
            title=last_season[1] if last_season is not season else f"{season[1]} (ฉบับก่อนหน้า)",
            summary=last_season[2],
            body=html(last_season[2], "<h2>คำแนะนำ</h2>", last_season[3]),
            source=DDC,
            owner="health-promotion",
            days_ago=75,
            expire_after_days=30,
        ),
    ]


def _job(when, position, kind, wage, days_ago, open_days, qualifications):
    """A recruitment notice (ประกาศรับสมัคร) with its qualifications, dates and how to apply."""
    opens, closes = when.days(days_ago), when.days(days_ago - open_days)
    return pdf(
        f"ประกาศรับสมัคร{position}",
        f"รับสมัครบุคคลเพื่อเลือกสรรเป็น{kind} {position}",
        f"ด้วยสำนักงานสาธารณสุขอำเภอบ้านหลวงมีความประสงค์จะรับสมัครบุคคลเพื่อเลือกสรรเป็น{kind} {position} "
        f"จำนวน 1 อัตรา อัตราค่าจ้างเดือนละ {wage} บาท โดยมีคุณสมบัติ ดังนี้",
        ["มีสัญชาติไทย อายุไม่ต่ำกว่า 18 ปีบริบูรณ์", *qualifications],
        f"ผู้สนใจยื่นใบสมัครด้วยตนเองได้ที่กลุ่มงานบริหารทั่วไป ตั้งแต่วันที่ {thai(opens)} ถึงวันที่ {thai(closes)} "
        "ในวันและเวลาราชการ พร้อมสำเนาวุฒิการศึกษาและรูปถ่ายขนาด 1 นิ้ว จำนวน 2 รูป",
        "จึงประกาศให้ทราบโดยทั่วกัน",
        layout="announcement",
        date=opens,
    )


def _winner(purchase, day):
    """The winner announcement (ประกาศผู้ชนะการเสนอราคา) in e-GP wording."""
    return pdf(
        f"ประกาศผู้ชนะการเสนอราคา {purchase.work}",
        f"ประกาศผู้ชนะการเสนอราคา{purchase.work} โดยวิธี{purchase.method}",
        f"ตามที่สำนักงานสาธารณสุขอำเภอบ้านหลวงได้มีโครงการ{purchase.work} โดยวิธี{purchase.method} นั้น",
        f"ผู้ได้รับการคัดเลือก ได้แก่ {purchase.winner} โดยเสนอราคาเป็นเงินทั้งสิ้น {purchase.price:,.2f} บาท "
        "(รวมภาษีมูลค่าเพิ่มและภาษีอื่น ค่าขนส่ง ค่าจดทะเบียน และค่าใช้จ่ายอื่น ๆ ทั้งปวง)",
        "ประกาศ ณ วันที่ลงนามท้ายประกาศนี้",
        layout="announcement",
        date=day,
    )


def _procurement_plan(when, year):
    """MOIT4(1): the year's procurement plan, published within 30 working days of the budget allocation."""
    allocated = when.on(year, 10, 15)
    published = when.on(year, 11, 5)
    rows = [["ลำดับ", "รายการ", "วงเงินงบประมาณ (บาท)", "วิธีจัดซื้อจัดจ้าง", "ช่วงเวลาที่คาดว่าจะจัดซื้อ"],
            *([n, work, float(high * 4), "เฉพาะเจาะจง", "ตุลาคม – กันยายน"]
              for n, (work, _, high, _) in enumerate(PURCHASES, 1)),
            [len(PURCHASES) + 1, "จ้างปรับปรุงอาคาร รพ.สต." + ("บ้านพี้" if year == when.fy else "สวด"), 1500000.0 if
             year == when.fy else 1850000.0, EBIDDING, "ไตรมาสที่ 2"]]  # fmt: skip
    plan = pdf(
        f"ประกาศแผนการจัดซื้อจัดจ้าง ปี {year}",
        f"เผยแพร่แผนการจัดซื้อจัดจ้าง {fy_text(year)}",
        f"สำนักงานสาธารณสุขอำเภอบ้านหลวงได้รับจัดสรรงบประมาณเมื่อวันที่ {thai(allocated)} "
        "จึงขอเผยแพร่แผนการจัดซื้อจัดจ้าง ทั้งงบดำเนินงานและงบลงทุน ดังนี้",
        rows=rows,
        after=["จึงประกาศให้ทราบโดยทั่วกัน"],
        layout="announcement",
        date=published,
    )
    letter = pdf(
        f"หนังสือแจ้งจัดสรรงบประมาณ ปี {year}",
        f"สำเนาหนังสือแจ้งการจัดสรรงบประมาณ {fy_text(year)}",
        f"สำนักงานสาธารณสุขจังหวัดน่านแจ้งจัดสรรงบประมาณ {fy_text(year)} ให้สำนักงานสาธารณสุขอำเภอบ้านหลวง "
        f"ลงวันที่ {thai(allocated)} รายละเอียดตามบัญชีแนบ",
        subtitle="(สำเนาเพื่อประกอบการเผยแพร่แผนการจัดซื้อจัดจ้าง)",
    )
    return DemoItem(
        topic="procurement-plan",
        title=f"ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง {fy_text(year)}",
        summary=f"ได้รับจัดสรรงบประมาณวันที่ {thai(allocated)} ประกาศเผยแพร่วันที่ {thai(published)} ทั้งงบดำเนินงานและงบลงทุน",
        owner="procurement",
        data_from=fiscal_year_bounds(year)[0],
        data_to=fiscal_year_bounds(year)[1],
        days_ago=when.ago(published),
        files=[*also(plan, "xlsx"), letter],
    )


# ------------------------------------------------------------------------------------------ 1.9 e-Service, 1.10 ภายนอก


def _eservice(when):
    return [
        DemoItem(
            topic="staff-evaluation",
            title="ระบบประเมินผลการปฏิบัติราชการของเจ้าหน้าที่ (สำหรับเจ้าหน้าที่)",
            summary="เจ้าหน้าที่เข้าสู่ระบบด้วยบัญชีผู้ใช้ของหน่วยงาน เพื่อบันทึกผลงานและรับทราบผลการประเมินรายรอบ",
            body=html(
                "<h2>วิธีใช้งาน</h2>",
                "<ol><li>เข้าสู่ระบบด้วยบัญชีผู้ใช้และรหัสผ่านที่กลุ่มงานเทคโนโลยีสารสนเทศออกให้</li>"
                "<li>บันทึกผลงานตามตัวชี้วัดที่ตกลงไว้กับผู้บังคับบัญชา ภายในวันที่ 15 ของเดือนสุดท้ายของรอบ</li>"
                "<li>ผู้บังคับบัญชาประเมินและแจ้งผลในระบบ เจ้าหน้าที่กดรับทราบผลการประเมิน</li></ol>",
                f"ลืมรหัสผ่านหรือใช้งานไม่ได้ ติดต่อกลุ่มงานเทคโนโลยีสารสนเทศ โทร. {UNIT['it'][2]}",
            ),
            owner="it",
            external_url="https://pms.banluang.example.go.th/",
            days_ago=330,
            files=[
                pdf(
                    "คู่มือการใช้งานระบบประเมินผลการปฏิบัติราชการ",
                    "คู่มือการใช้งานระบบประเมินผลการปฏิบัติราชการ",
                    "ระบบประเมินผลการปฏิบัติราชการใช้บันทึกข้อตกลงการปฏิบัติงาน ผลงานตามตัวชี้วัด และผลการประเมินสมรรถนะ ปีละ 2 รอบ",
                    ["เข้าสู่ระบบ", "บันทึกข้อตกลงการปฏิบัติงาน", "บันทึกผลงาน", "รับทราบผลการประเมิน"],
                )
            ],
        ),
    ]


def _external(when):
    return [
        DemoItem(
            topic="external-agency-info",
            title="สำนักงานสาธารณสุขจังหวัดน่าน ขอประชาสัมพันธ์การรณรงค์ฉีดวัคซีนป้องกันโรคไข้หวัดใหญ่ตามฤดูกาล",
            summary="กลุ่มเสี่ยง 7 กลุ่มรับวัคซีนได้ฟรีที่หน่วยบริการใกล้บ้าน",
            body=html(
                "สำนักงานสาธารณสุขจังหวัดน่านขอให้หน่วยบริการทุกแห่งประชาสัมพันธ์การรณรงค์ฉีดวัคซีนป้องกันโรคไข้หวัดใหญ่ "
                "ในกลุ่มเสี่ยง ได้แก่ หญิงตั้งครรภ์ เด็กเล็ก ผู้สูงอายุ และผู้มีโรคเรื้อรัง"
            ),
            source="สำนักงานสาธารณสุขจังหวัดน่าน (หนังสือขอความร่วมมือประชาสัมพันธ์)",
            owner="pho-nan",
            days_ago=9,
        ),
        DemoItem(
            topic="external-agency-info",
            title="โรงพยาบาลบ้านหลวง แจ้งตารางแพทย์เฉพาะทางออกตรวจประจำเดือน",
            summary="อายุรแพทย์ กุมารแพทย์ และจิตแพทย์ ออกตรวจที่โรงพยาบาลบ้านหลวงตามตาราง",
            body=html(
                (
                    ("สาขา", "วันออกตรวจ"),
                    ("อายุรกรรม", "วันอังคารที่ 1 และ 3 ของเดือน"),
                    ("กุมารเวชกรรม", "วันพุธที่ 2 ของเดือน"),
                    ("จิตเวช", "วันพฤหัสบดีที่ 4 ของเดือน"),
                )
            ),
            source="โรงพยาบาลบ้านหลวง",
            owner="hospital",
            external_url=UNIT["hospital"][4],
            days_ago=16,
        ),
        DemoItem(
            topic="external-agency-info",
            title="ที่ว่าการอำเภอบ้านหลวง ขอเชิญร่วมกิจกรรมจิตอาสาพัฒนาแหล่งน้ำ",
            summary="ส่วนราชการและประชาชนร่วมกันขุดลอกลำเหมืองสาธารณะ",
            body=html(
                "ที่ว่าการอำเภอบ้านหลวงขอเชิญส่วนราชการ ผู้นำชุมชน และประชาชน ร่วมกิจกรรมจิตอาสาพัฒนาแหล่งน้ำ "
                "ณ ลำเหมืองสาธารณะ หมู่ที่ 5 ตำบลบ้านฟ้า"
            ),
            source="ที่ว่าการอำเภอบ้านหลวง",
            owner="director",
            days_ago=33,
            files=photos("จิตอาสาพัฒนาแหล่งน้ำ", VILLAGE, "จิตอาสาร่วมกันทำความสะอาดลำเหมืองในหมู่บ้าน"),
        ),
    ]


# ------------------------------------------------------------------------------------ generated items (--items N)

PROGRAMS = [
    "ป้องกันและควบคุมโรคไข้เลือดออก", "คัดกรองเบาหวานและความดันโลหิตสูง", "พัฒนาศักยภาพ อสม.", "ส่งเสริมสุขภาพผู้สูงอายุ",
    "ส่งเสริมสุขภาพช่องปากเด็กนักเรียน", "ควบคุมโรคพิษสุนัขบ้า", "คัดกรองมะเร็งปากมดลูก", "อนามัยแม่และเด็ก",
    "คุ้มครองผู้บริโภคด้านผลิตภัณฑ์สุขภาพ", "ป้องกันผลกระทบต่อสุขภาพจากฝุ่น PM2.5", "ลดการบริโภคเกลือและโซเดียม",
    "ดูแลผู้ป่วยระยะยาว (Long Term Care)",
]  # fmt: skip
ACTIVITIES = [
    "รณรงค์กำจัดแหล่งเพาะพันธุ์ยุงลาย", "ออกหน่วยคัดกรองเบาหวานและความดันโลหิตสูง", "ฉีดวัคซีนป้องกันโรคพิษสุนัขบ้าในสุนัขและแมว",
    "อบรมฟื้นฟูความรู้ อสม.", "ตรวจสุขภาพช่องปากนักเรียน", "เยี่ยมบ้านผู้สูงอายุที่มีภาวะพึ่งพิง", "ตรวจร้านชำในหมู่บ้าน",
    "ออกหน่วยคัดกรองมะเร็งปากมดลูก", "รณรงค์ลดหวาน มัน เค็ม", "ฉีดวัคซีนไข้หวัดใหญ่ให้กลุ่มเสี่ยง",
]  # fmt: skip
PLACES = ["ตำบลป่าคาหลวง", "ตำบลบ้านฟ้า", "ตำบลบ้านพี้", "ตำบลสวด", "โรงเรียนบ้านฟ้า", "ศาลาอเนกประสงค์หมู่ที่ 3"]
POSITIONS = ["พนักงานขับรถยนต์", "พนักงานทำความสะอาด", "นักวิชาการสาธารณสุข", "พนักงานช่วยเหลือคนไข้", "เจ้าพนักงานธุรการ"]
FORMS = ["คำขอข้อมูลข่าวสารของราชการ", "ขอยืมพัสดุ", "ขอใช้ห้องประชุม", "ฟอร์มเรื่องร้องเรียน/ร้องทุกข์",
         "คำขอรับการตรวจคัดกรองสุขภาพ"]  # fmt: skip
# Title patterns by topic kind; documents that follow a reporting cycle are named by their period instead.
TITLE_PATTERNS = {
    "page": ["{topic} (ปรับปรุงเดือน{month})"],
    "document": ["รายงานผลการดำเนินงานโครงการ{program} {fy}", "แผนปฏิบัติการโครงการ{program} {fy}",
                 "คู่มือการปฏิบัติงาน{program}", "ประกาศสำนักงานสาธารณสุขอำเภอบ้านหลวง เรื่อง แนวทางการดำเนินงาน{program}"],
    "news": ["สสอ.บ้านหลวง {activity} {place}", "รพ.สต. ร่วมกับ อสม. {activity} {place}",
             "ประชุมติดตามงาน{program} ประจำเดือน{month}"],
    "photo": ["ภาพกิจกรรม{activity} {place}", "{activity} {place}"],
    "announcement": ["ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นลูกจ้างชั่วคราว ตำแหน่ง{position}",
                     "ประกาศรายชื่อผู้มีสิทธิเข้ารับการประเมินสมรรถนะ ตำแหน่ง{position}",
                     "ประกาศผลการเลือกสรร ตำแหน่ง{position} ครั้งที่ {n}/{fy_be}"],
    "procurement": ["ประกาศผู้ชนะการเสนอราคา{work} โดยวิธีเฉพาะเจาะจง", "ประกาศเชิญชวน{work} ครั้งที่ {n}/{fy_be}",
                    "ประกาศเผยแพร่ราคากลาง{work}"],
    "form": ["แบบ{form} (ฉบับปรับปรุงเดือน{month})"],
    "eservice": ["{topic}: คู่มือการใช้งาน ฉบับปรับปรุงเดือน{month}"],
}  # fmt: skip
PERIOD_PATTERNS = {
    "monthly": "{topic} ประจำเดือน{month}",
    "quarterly": "{topic} ไตรมาสที่ {quarter}/{fy_be}",
    "half_year": "{topic} {fy} รอบ {half} เดือน",
    "fiscal_year": "{topic} {fy}",
}
SUMMARIES = {
    "page": ["{topic} ของสำนักงานสาธารณสุขอำเภอบ้านหลวง ฉบับปรับปรุงล่าสุด"],
    "document": ["{topic} ของสำนักงานสาธารณสุขอำเภอบ้านหลวง ดาวน์โหลดฉบับเต็มได้จากไฟล์แนบ",
                 "เอกสารฉบับเต็มพร้อมตารางข้อมูล ตรวจดูได้ที่ศูนย์ข้อมูลข่าวสารของสำนักงานด้วย"],
    "news": ["เจ้าหน้าที่สาธารณสุขร่วมกับ อสม. และผู้นำชุมชนดำเนินกิจกรรมในพื้นที่",
             "ประชาชนในพื้นที่ให้ความสนใจเข้าร่วมกิจกรรมเป็นจำนวนมาก", "สรุปกิจกรรมและผลการดำเนินงานโดยย่อ"],
    "photo": ["ภาพบรรยากาศการดำเนินกิจกรรมของเจ้าหน้าที่และภาคีเครือข่าย"],
    "announcement": ["ยื่นใบสมัครได้ที่กลุ่มงานบริหารทั่วไป ในวันและเวลาราชการ", "รายละเอียดตามประกาศแนบ"],
    "procurement": ["รายละเอียดตามประกาศแนบ และดูเพิ่มเติมได้ในระบบ e-GP"],
    "form": ["ดาวน์โหลดแบบฟอร์ม กรอกข้อมูล แล้วยื่นที่สำนักงานหรือส่งทางอีเมล"],
    "eservice": ["วิธีเข้าใช้งานระบบสำหรับเจ้าหน้าที่"],
}  # fmt: skip


def generated_title(topic, rng, publish_at):
    """A plausible Thai title for a generated item of `topic`, dated by `publish_at` (used by `--items N`)."""
    day = timezone.localdate(publish_at)  # the office's month, not UTC's: 30 Sep 17:30 UTC is already October
    fy = fiscal_year(day)
    month = f"{MONTHS_TH[day.month - 1]} {be_year(day.year)}"
    quarter = fiscal_quarter(day)
    if topic.kind == "document" and topic.refresh in PERIOD_PATTERNS:
        pattern = PERIOD_PATTERNS[topic.refresh]
    else:
        pattern = rng.choice(TITLE_PATTERNS.get(topic.kind, TITLE_PATTERNS["document"]))
    return pattern.format(
        topic=topic.name_th,
        program=rng.choice(PROGRAMS),
        activity=rng.choice(ACTIVITIES),
        place=rng.choice(PLACES),
        position=rng.choice(POSITIONS),
        work=rng.choice(PURCHASES)[0],
        form=rng.choice(FORMS),
        month=month,
        fy=fy_text(fy),
        fy_be=fy,
        quarter=quarter,
        half=6 if quarter <= 2 else 12,
        n=rng.randint(1, 12),
    )


def generated_summary(topic, rng):
    """A one-line Thai summary for a generated item of `topic`."""
    return rng.choice(SUMMARIES.get(topic.kind, SUMMARIES["document"])).format(topic=topic.name_th)
