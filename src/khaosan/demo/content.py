"""Demo content: realistic items for the demo office, and generators for benchmark-sized data sets.

Dates are relative to the day the demo is built, so the demo always looks current: `days_ago` is when
the item was published (negative: scheduled for later), `expire_after_days` how long it stays.
"""

import datetime as dt
import random
from dataclasses import dataclass, field, replace

from khaosan.demo.files import INFOGRAPHIC, MEETING, PORTRAIT, SCHOOL, TENT, VILLAGE, DemoFile
from khaosan.demo.office import OFFICE, STAFF, UNITS
from khaosan.thai.dates import MONTHS_TH, MONTHS_TH_SHORT, be_year, fiscal_year, fiscal_year_bounds, quarter_bounds


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
SHORT = OFFICE["short_name"]  # สสอ.บ้านหลวง
EXECUTIVE = OFFICE["executive_name"]
UNIT = {code: (name, head, phone, email, website) for code, _, name, _, head, phone, email, website in UNITS}
STAFF_NAME = {username: (f"{first} {last}", position) for username, first, last, position, *_ in STAFF}


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

    def on(self, fy, month, day=1):
        """The date `day` `month` of fiscal year `fy`, never later than today (a due date ahead is met today)."""
        start, _ = fiscal_year_bounds(fy)
        return min(dt.date(start.year if month >= 10 else start.year + 1, month, day), self.today)

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
            parts.append("<ul>%s</ul>" % "".join(f"<li>{entry}</li>" for entry in block))
        elif isinstance(block, tuple):
            head, *rows = block
            parts.append(
                "<table><thead><tr>%s</tr></thead><tbody>%s</tbody></table>"
                % ("".join(f"<th>{c}</th>" for c in head), "".join(
                    "<tr>%s</tr>" % "".join(f"<td>{c}</td>" for c in row) for row in rows))
            )  # fmt: skip
        elif block.startswith("<"):
            parts.append(block)
        else:
            parts.append(f"<p>{block}</p>")
    return "".join(parts)


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
    """The six-month rounds of last and this fiscal year already reported: (fy, round, first day, last day, published)."""
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
    heads = [(UNIT[code][0], UNIT[code][1], UNIT[code][2]) for code in ("admin", "it", "procurement", "health-promotion",
                                                                          "consumer-protection")]  # fmt: skip
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
            files=[pdf(
                "แผนภูมิโครงสร้างสำนักงานสาธารณสุขอำเภอบ้านหลวง", "โครงสร้างสำนักงานสาธารณสุขอำเภอบ้านหลวง",
                f"สาธารณสุขอำเภอบ้านหลวง: {EXECUTIVE}",
                rows=[["ลำดับ", "หน่วยงาน", "หัวหน้า", "โทรศัพท์"],
                      *([n, name, head, phone] for n, (name, head, phone) in enumerate(heads + centres, 1))],
                subtitle=f"ข้อมูล ณ วันที่ {thai(when.days(120))}",
            )],
        ),
        DemoItem(
            topic="executives",
            title="ทำเนียบผู้บริหารสำนักงานสาธารณสุขอำเภอบ้านหลวง",
            summary="ผู้บริหารและหัวหน้ากลุ่มงาน พร้อมรูปถ่าย ตำแหน่ง และหมายเลขโทรศัพท์",
            body=html(
                "<h2>ผู้บริหาร</h2>",
                (("ชื่อ-นามสกุล", "ตำแหน่ง", "โทรศัพท์"),
                 (EXECUTIVE, OFFICE["executive_position"], OFFICE["phone"]),
                 *((head, f"หัวหน้า{name}", phone) for name, head, phone in heads)),
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
                DemoFile("ผู้บริหาร-หัวหน้ากลุ่มงานบริหารทั่วไป.jpg", alt_text=f"{heads[0][1]} หัวหน้ากลุ่มงานบริหารทั่วไป",
                         scene=PORTRAIT),
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
                "นอกจากนี้ สาธารณสุขอำเภอยังเป็นพนักงานเจ้าหน้าที่ตามกฎหมายว่าด้วยโรคติดต่อ "
                "และกฎหมายอื่นที่ได้รับแต่งตั้งหรือมอบหมาย",
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
            files=also(pdf(
                f"รายงานผลการใช้จ่ายงบประมาณ ปี {prev}", f"รายงานผลการใช้จ่ายงบประมาณ {fy_text(prev)}",
                f"ในปีงบประมาณ พ.ศ. {prev} สำนักงานได้รับจัดสรรงบประมาณรวม {sum(p[2] for p in PROJECTS):,.0f} บาท "
                "เบิกจ่ายแล้วร้อยละ 96.4 โดยไตรมาสที่ 1 และไตรมาสที่ 3 เบิกจ่ายได้ตามเป้าหมายที่กระทรวงกำหนด",
                "โครงการที่เบิกจ่ายต่ำกว่าแผน ได้แก่ โครงการคัดกรองมะเร็งปากมดลูก เนื่องจากกลุ่มเป้าหมายมารับบริการน้อยกว่าที่คาดไว้ "
                "สำนักงานได้ปรับแผนเป็นการออกหน่วยเชิงรุกในหมู่บ้านในปีงบประมาณถัดไป",
                number=when.letter_no(), date=when.on(fy, 10, 20),
                rows=[["ไตรมาส", "แผนการใช้จ่าย (บาท)", "เบิกจ่ายจริง (บาท)", "ร้อยละ"],
                      ["ไตรมาสที่ 1", 412000.0, 398500.0, "96.7"], ["ไตรมาสที่ 2", 365000.0, 341200.0, "93.5"],
                      ["ไตรมาสที่ 3", 298000.0, 296400.0, "99.5"], ["ไตรมาสที่ 4", 215000.0, 207600.0, "96.6"]],
            ), "xlsx"),
        ),
        DemoItem(
            topic="performance",
            title=f"คำรับรองการปฏิบัติราชการ {fy_text(fy)}",
            summary="คำรับรองระหว่างนายแพทย์สาธารณสุขจังหวัดน่านกับสาธารณสุขอำเภอบ้านหลวง พร้อมตัวชี้วัดและค่าเป้าหมาย",
            owner="director",
            data_from=fiscal_year_bounds(fy)[0],
            data_to=fiscal_year_bounds(fy)[1],
            days_ago=when.ago(when.on(fy, 11, 1)),
            files=[pdf(
                f"คำรับรองการปฏิบัติราชการ ปี {fy}", f"คำรับรองการปฏิบัติราชการ {fy_text(fy)}",
                "คำรับรองนี้เป็นคำรับรองฝ่ายเดียวของสาธารณสุขอำเภอบ้านหลวงต่อนายแพทย์สาธารณสุขจังหวัดน่าน "
                "ว่าจะมุ่งมั่นปฏิบัติราชการให้เกิดผลงานที่ดีตามเป้าหมายของตัวชี้วัดที่กำหนด",
                "ผู้รับคำรับรองจะกำกับ ติดตาม และให้การสนับสนุนแก่ผู้ทำคำรับรอง และจะประเมินผลเมื่อสิ้นรอบ 6 เดือนและ 12 เดือน",
                rows=KPI_ROWS, number=when.letter_no(), date=when.on(fy, 11, 1),
                signer=(EXECUTIVE, "สาธารณสุขอำเภอบ้านหลวง ผู้ทำคำรับรอง"),
            )],
        ),
        DemoItem(
            topic="performance",
            title=f"รายงานผลการปฏิบัติราชการ {fy_text(prev)} (รอบ 12 เดือน)",
            summary="ผลการดำเนินงานตามตัวชี้วัดคำรับรองการปฏิบัติราชการ ผ่านเกณฑ์ 9 จาก 10 ตัวชี้วัด",
            owner="director",
            data_from=fiscal_year_bounds(prev)[0],
            data_to=fiscal_year_bounds(prev)[1],
            days_ago=when.ago(when.on(fy, 10, 30)),
            files=also(pdf(
                f"รายงานผลการปฏิบัติราชการ ปี {prev}", f"รายงานผลการปฏิบัติราชการ {fy_text(prev)}",
                "สำนักงานดำเนินงานผ่านเกณฑ์ 9 ตัวชี้วัดจากทั้งหมด 10 ตัวชี้วัด ตัวชี้วัดที่ไม่ผ่านเกณฑ์คือ "
                "ร้อยละของสตรีอายุ 30–60 ปีที่ได้รับการคัดกรองมะเร็งปากมดลูก ซึ่งทำได้ร้อยละ 68.2 จากเป้าหมายร้อยละ 80",
                "ปัจจัยสำคัญของความสำเร็จ ได้แก่ การมีส่วนร่วมของ อสม. และองค์กรปกครองส่วนท้องถิ่น "
                "และการติดตามผลผ่านระบบ HDC ทุกเดือน",
                rows=[row + [result] for row, result in zip(KPI_ROWS, ["ผลงาน", "ร้อยละ 93.5", "ร้อยละ 68.2",
                      "ร้อยละ 72.4", "ร้อยละ 64.0", "0.89", "ร้อยละ 100", "ร้อยละ 88.6", "ร้อยละ 95.0", "ผ่าน",
                      "ร้อยละ 100"])],  # fmt: skip
                number=when.letter_no(), date=when.on(fy, 10, 30),
            ), "xlsx"),
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
                (("ช่องทาง", "รายละเอียด"),
                 ("โทรศัพท์", OFFICE["phone"]), ("โทรสาร", OFFICE["fax"]),
                 ("อีเมล", f"<a href='mailto:{OFFICE['email']}'>{OFFICE['email']}</a>"),
                 ("เวลาทำการ", OFFICE["office_hours"]),
                 ("แผนที่", "<a href='https://www.openstreetmap.org/?mlat=18.8534&amp;mlon=100.4419#map=16/18.8534/100.4419'>"
                            "ตำแหน่งสำนักงานบนแผนที่</a>")),
                "ผู้ประสงค์จะขอข้อมูลข่าวสารของราชการ ติดต่อได้ที่ศูนย์ข้อมูลข่าวสาร กลุ่มงานบริหารทั่วไป ชั้น 1 "
                "ในวันและเวลาราชการ",
            ),
            owner="director",
            days_ago=150,
        ),
        DemoItem(
            topic="emails",
            title="อีเมลของกลุ่มงานที่รับผิดชอบข้อมูล",
            summary="ติดต่อกลุ่มงานที่รับผิดชอบข้อมูลแต่ละเรื่องได้โดยตรงทางอีเมลของหน่วยงาน",
            body=html(
                (("กลุ่มงาน", "เรื่องที่รับผิดชอบ", "อีเมล"),
                 *((UNIT[code][0], topic, f"<a href='mailto:{UNIT[code][3]}'>{UNIT[code][3]}</a>") for code, topic in (
                     ("admin", "ข้อมูลข่าวสารของราชการ เรื่องร้องเรียน งานบุคคล"),
                     ("it", "เว็บไซต์และระบบสารสนเทศ"),
                     ("procurement", "การจัดซื้อจัดจ้าง แบบ สขร.1"),
                     ("health-promotion", "การส่งเสริมสุขภาพ การควบคุมโรค งาน อสม."),
                     ("consumer-protection", "ผลิตภัณฑ์สุขภาพ การร้องเรียนด้านผู้บริโภค"),
                 ))),
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
                files=[pdf(
                    f"ประกาศนโยบายการบริหารทรัพยากรบุคคล ปี {year}", f"นโยบายการบริหารและพัฒนาทรัพยากรบุคคล {fy_text(year)}",
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
                    layout="announcement", date=when.on(year, 10, 10),
                )],
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
        f"แผนยุทธศาสตร์และแผนปฏิบัติราชการ ปี {year}", "แผนยุทธศาสตร์และแผนปฏิบัติราชการ สำนักงานสาธารณสุขอำเภอบ้านหลวง",
        subtitle=fy_text(year), cover=True, number=when.letter_no(), date=when.on(year, 10, 25),
        sections=[
            ("ส่วนที่ 1 นโยบายของผู้บริหาร", [
                f"สาธารณสุขอำเภอบ้านหลวงกำหนดนโยบายการบริหารงาน {fy_text(year)} ให้สอดคล้องกับยุทธศาสตร์ชาติ 20 ปี "
                "ด้านการพัฒนาและเสริมสร้างศักยภาพทรัพยากรมนุษย์ และยุทธศาสตร์ความเป็นเลิศ 4 ด้านของกระทรวงสาธารณสุข "
                "ได้แก่ ส่งเสริมสุขภาพ ป้องกันโรคและคุ้มครองผู้บริโภคเป็นเลิศ บริการเป็นเลิศ บุคลากรเป็นเลิศ "
                "และบริหารจัดการเป็นเลิศด้วยธรรมาภิบาล",
                ["ยกระดับบริการปฐมภูมิใน รพ.สต. ทุกแห่งให้ผ่านเกณฑ์มาตรฐาน รพ.สต.ติดดาว",
                 "ลดโรคไม่ติดต่อเรื้อรังด้วยการคัดกรองและการปรับเปลี่ยนพฤติกรรมสุขภาพในชุมชน",
                 "ป้องกันและควบคุมโรคติดต่อที่เป็นปัญหาของพื้นที่ ได้แก่ ไข้เลือดออก และโรคพิษสุนัขบ้า",
                 "บริหารงานอย่างโปร่งใส เปิดเผยข้อมูลต่อสาธารณะ และผ่านเกณฑ์การประเมิน ITA"],
            ]),
            ("ส่วนที่ 2 การวิเคราะห์สถานการณ์", [
                "อำเภอบ้านหลวงมีประชากรประมาณ 12,400 คน เป็นผู้สูงอายุร้อยละ 21.5 ซึ่งสูงกว่าค่าเฉลี่ยของประเทศ "
                "โรคที่เป็นปัญหาสำคัญ ได้แก่ ความดันโลหิตสูง เบาหวาน และโรคไข้เลือดออกในช่วงฤดูฝน",
                "จุดแข็งของพื้นที่คือเครือข่าย อสม. ที่เข้มแข็งและความร่วมมือขององค์กรปกครองส่วนท้องถิ่น "
                "ส่วนจุดที่ต้องพัฒนาคืออัตรากำลังของ รพ.สต. และระบบข้อมูลที่ยังต้องบันทึกซ้ำซ้อน",
                "สำนักงานได้วิเคราะห์สภาพแวดล้อมด้วยเทคนิค SWOT ร่วมกับหัวหน้ากลุ่มงาน ผู้อำนวยการ รพ.สต. "
                "และผู้แทนภาคีเครือข่าย เพื่อกำหนดประเด็นยุทธศาสตร์และตัวชี้วัดที่วัดผลได้",
            ]),
            ("ส่วนที่ 3 ประเด็นยุทธศาสตร์และเป้าประสงค์", [
                "ประเด็นยุทธศาสตร์ที่ 1 การส่งเสริมสุขภาพ ป้องกันโรค และคุ้มครองผู้บริโภค เป้าประสงค์: "
                "ประชาชนมีพฤติกรรมสุขภาพที่เหมาะสมและปลอดภัยจากโรคและภัยสุขภาพ",
                "ประเด็นยุทธศาสตร์ที่ 2 การพัฒนาระบบบริการปฐมภูมิ เป้าประสงค์: ประชาชนเข้าถึงบริการที่มีคุณภาพใกล้บ้าน",
                "ประเด็นยุทธศาสตร์ที่ 3 การพัฒนาบุคลากร เป้าประสงค์: บุคลากรมีสมรรถนะและมีความสุขในการทำงาน",
                "ประเด็นยุทธศาสตร์ที่ 4 การบริหารจัดการด้วยธรรมาภิบาล เป้าประสงค์: องค์กรโปร่งใส ตรวจสอบได้",
            ], KPI_ROWS),
            ("ส่วนที่ 4 แผนปฏิบัติราชการประจำปี", [
                "แผนปฏิบัติราชการประกอบด้วยโครงการตามประเด็นยุทธศาสตร์ รายละเอียดโครงการ งบประมาณ "
                "และผู้รับผิดชอบอยู่ในแผนปฏิบัติการ โครงการ และงบประมาณรายจ่ายประจำปี",
            ], [["ลำดับ", "โครงการ", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"],
                *([n, name, budget, unit] for n, (name, _, budget, unit) in enumerate(PROJECTS, 1))]),
            ("ส่วนที่ 5 การติดตามและประเมินผล", [
                "สำนักงานติดตามผลการดำเนินงานทุกเดือนในการประชุมประจำเดือนของผู้รับผิดชอบงานสาธารณสุข "
                "และสรุปผลรอบ 6 เดือนและ 12 เดือนเสนอสำนักงานสาธารณสุขจังหวัดน่าน",
            ]),
        ],
    )


def _project_plan(when, year):
    total = sum(p[2] for p in PROJECTS)
    return pdf(
        f"แผนปฏิบัติการและงบประมาณ ปี {year}", f"แผนปฏิบัติการ โครงการ และงบประมาณรายจ่าย {fy_text(year)}",
        f"สำนักงานสาธารณสุขอำเภอบ้านหลวงได้จัดทำแผนปฏิบัติการ {fy_text(year)} จำนวน {len(PROJECTS)} โครงการ "
        f"งบประมาณรวมทั้งสิ้น {total:,.2f} บาท จากแหล่งงบประมาณสำนักงานปลัดกระทรวงสาธารณสุข เงินบำรุง "
        "และกองทุนหลักประกันสุขภาพ",
        "แผนการใช้จ่ายงบประมาณกำหนดให้เบิกจ่ายในไตรมาสที่ 1 และ 2 ไม่น้อยกว่าร้อยละ 55 ของงบประมาณทั้งปี",
        number=when.letter_no(), date=when.on(year, 11, 5),
        rows=[["ลำดับ", "โครงการ", "แหล่งงบประมาณ", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"],
              *([n, name, source, budget, unit] for n, (name, source, budget, unit) in enumerate(PROJECTS, 1)),
              ["", "รวม", "", total, ""]],
    )


def _integrity_pledge(when, year):
    return pdf(
        f"ประกาศเจตจำนงสุจริต ปี {year}", f"เจตจำนงสุจริตในการบริหารงาน {fy_text(year)}",
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
        layout="announcement", date=when.on(year, 10, 3),
    )
