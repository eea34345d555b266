"""Demo content: realistic items for the demo office, and generators for benchmark-sized data sets.

Dates are relative to the day the demo is built, so the demo always looks current: `days_ago` is when
the item was published (negative: scheduled for later), `expire_after_days` how long it stays.
"""

import datetime as dt
from dataclasses import dataclass, field

from khaosan.demo.files import DemoFile
from khaosan.thai.dates import MONTHS_TH, be_year, fiscal_year, fiscal_year_bounds


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


def items(today):
    """Return the demo items, dated around `today`."""
    fy = fiscal_year(today)
    fy_start, fy_end = fiscal_year_bounds(fy)
    return [
        DemoItem(
            topic="history",
            title="ประวัติความเป็นมาของสำนักงานสาธารณสุขอำเภอบ้านหลวง",
            summary="ความเป็นมาตั้งแต่การจัดตั้งสำนักงานจนถึงปัจจุบัน",
            body=(
                "<p>สำนักงานสาธารณสุขอำเภอบ้านหลวงจัดตั้งขึ้นเพื่อดูแลงานสาธารณสุขในพื้นที่อำเภอบ้านหลวง จังหวัดน่าน "
                "ครอบคลุม 4 ตำบล ได้แก่ ตำบลป่าคาหลวง ตำบลบ้านฟ้า ตำบลบ้านพี้ และตำบลสวด</p>"
                "<p>ปัจจุบันมีโรงพยาบาลส่งเสริมสุขภาพตำบลในสังกัด 4 แห่ง ทำงานร่วมกับโรงพยาบาลบ้านหลวงในรูปแบบเครือข่ายบริการสุขภาพอำเภอ</p>"
            ),
            owner="director",
            days_ago=400,
        ),
        DemoItem(
            topic="job-announcements",
            title="ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นลูกจ้างชั่วคราว ตำแหน่งพนักงานขับรถยนต์",
            summary="รับสมัคร 1 อัตรา ยื่นใบสมัครที่กลุ่มงานบริหารทั่วไป",
            owner="admin",
            data_from=today - dt.timedelta(days=3),
            data_to=today + dt.timedelta(days=20),
            days_ago=3,
            expire_after_days=30,
            files=[
                DemoFile(
                    "ประกาศรับสมัครพนักงานขับรถยนต์.pdf",
                    heading="ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นลูกจ้างชั่วคราว ตำแหน่งพนักงานขับรถยนต์",
                    paragraphs=[
                        "ด้วยสำนักงานสาธารณสุขอำเภอบ้านหลวง มีความประสงค์จะรับสมัครบุคคลเพื่อเลือกสรรเป็นลูกจ้างชั่วคราว "
                        "ตำแหน่งพนักงานขับรถยนต์ จำนวน 1 อัตรา ค่าจ้างเดือนละ 9,400 บาท",
                        "ผู้สนใจสามารถยื่นใบสมัครด้วยตนเองได้ที่กลุ่มงานบริหารทั่วไป ในวันและเวลาราชการ",
                    ],
                )
            ],
        ),
        DemoItem(
            topic="activity-photos",
            title="ออกหน่วยฉีดวัคซีนไข้หวัดใหญ่ให้ผู้สูงอายุ ตำบลป่าคาหลวง",
            summary="เจ้าหน้าที่ รพ.สต.ป่าคาหลวง และ อสม. ออกหน่วยบริการฉีดวัคซีนไข้หวัดใหญ่ให้ผู้สูงอายุ 120 คน",
            body="<p>สำนักงานสาธารณสุขอำเภอบ้านหลวงร่วมกับโรงพยาบาลส่งเสริมสุขภาพตำบลป่าคาหลวงออกหน่วยบริการฉีดวัคซีนป้องกันโรคไข้หวัดใหญ่</p>",
            owner="hpc-pakhaluang",
            data_from=today - dt.timedelta(days=5),
            data_to=today - dt.timedelta(days=5),
            days_ago=4,
            files=[
                DemoFile("vaccine-1.jpg", alt_text="ผู้สูงอายุรอรับวัคซีนที่ศาลาหมู่บ้าน", scene=0),
                DemoFile("vaccine-2.jpg", alt_text="พยาบาลฉีดวัคซีนให้ผู้สูงอายุ", scene=1),
            ],
        ),
        DemoItem(
            topic="procurement-summary",
            title=f"สรุปผลการดำเนินการจัดซื้อจัดจ้าง (แบบ สขร.1) ประจำเดือน{MONTHS_TH[(today.month - 2) % 12]} {be_year(today.year)}",
            owner="procurement",
            data_from=fy_start,
            data_to=fy_end,
            days_ago=10,
            files=[
                DemoFile(
                    "สขร1.xlsx",
                    heading="สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน",
                    rows=[
                        ["ลำดับที่", "งานที่จัดซื้อหรือจัดจ้าง", "วงเงิน (บาท)", "ราคากลาง (บาท)", "วิธีซื้อหรือจ้าง",
                         "ผู้ได้รับการคัดเลือกและราคาที่ตกลง", "เหตุผลที่คัดเลือกโดยสรุป"],
                        [1, "จัดซื้อวัสดุสำนักงาน", 12500, 12500, "เฉพาะเจาะจง", "ร้านบ้านหลวงพาณิชย์ 12,300 บาท",
                         "ราคาต่ำสุดและคุณสมบัติครบ"],
                    ],
                )
            ],
        ),
        DemoItem(
            topic="general-news",
            title="แจ้งปิดให้บริการชั่วคราวเพื่อปรับปรุงระบบไฟฟ้า (ถอนแล้ว)",
            summary="ประกาศที่ถอนออก ใช้แสดงหน้า 410",
            days_ago=20,
            withdrawn_reason="เลื่อนการปรับปรุงระบบไฟฟ้าออกไปไม่มีกำหนด",
        ),
    ]


TITLE_PATTERNS = {
    "news": ["ประชุม{thing}", "อบรม{thing}", "รณรงค์{thing}"],
    "photo": ["ภาพกิจกรรม{thing}", "ออกหน่วยบริการ{thing}"],
    "announcement": ["ประกาศรับสมัคร{thing}", "ประกาศผลการคัดเลือก{thing}"],
    "procurement": ["ประกาศผู้ชนะการเสนอราคา{thing}", "ประกาศจัดซื้อ{thing}"],
}
THINGS = [
    "ป้องกันโรคไข้เลือดออก", "คัดกรองเบาหวานและความดันโลหิตสูง", "อาสาสมัครสาธารณสุขประจำหมู่บ้าน",
    "วัคซีนป้องกันโรคไข้หวัดใหญ่", "ส่งเสริมสุขภาพผู้สูงอายุ", "ตรวจสุขภาพช่องปากเด็กนักเรียน",
    "วัสดุการแพทย์", "ครุภัณฑ์คอมพิวเตอร์", "ลูกจ้างชั่วคราวตำแหน่งพนักงานบริการ", "ควบคุมโรคพิษสุนัขบ้า",
]  # fmt: skip


def generated_title(topic, rng, publish_at):
    """A plausible Thai title for a generated item of `topic`."""
    patterns = TITLE_PATTERNS.get(topic.kind)
    month = MONTHS_TH[publish_at.month - 1]
    if patterns:
        return f"{rng.choice(patterns).format(thing=rng.choice(THINGS))} ประจำเดือน{month} {be_year(publish_at.year)}"
    return f"{topic.name_th} ({month} {be_year(publish_at.year)}) ฉบับที่ {rng.randint(1, 99)}"


def generated_summary(topic, rng):
    return f"{topic.name_th} เกี่ยวกับ{rng.choice(THINGS)} สำหรับประชาชนในอำเภอบ้านหลวง"
