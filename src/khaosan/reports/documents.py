"""The performance report as a reader sees it: on the page, as PDF, as Word and as Excel.

`outline(facts, report)` turns the facts (reports/facts.py) and the report's own section into an ordered
list of sections made of paragraphs, tables and charts. The back-office page, the PDF (Chromium, Sarabun,
page numbers), the Word document (TH Sarabun New 16 pt, the same margins as the PDF) and the Excel
workbook (one sheet per table, values typed) are all drawn from that one outline, so they say the same.

A Thai official document, so always in Thai with Buddhist-era dates, whatever the reader's interface language.
"""

import base64
import datetime as dt
import io
import re
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from khaosan.documents import word
from khaosan.documents.charts import BRAND, WARN, bar_chart_svg, line_chart_svg
from khaosan.documents.pdf import document_html, footer_font_face, pdf_renderer
from khaosan.thai.dates import MONTHS_TH_SHORT, be_year, thai_date, thai_datetime

REPORT_TITLE = "รายงานผลการดำเนินงานการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน"
# Thai official documents (ระเบียบงานสารบรรณ): A4, left margin 3 cm, the others 2 cm. The PDF's @page rule,
# its footer and the Word section all use this one value.
MARGINS = word.Margins(top=2.0, right=2.0, bottom=2.0, left=3.0)
TEMPLATES = "reports/documents/"
DASH = "—"
# Excel's locale prefix: 1 (Western digits) 07 (Thai Buddhist calendar) 041E (Thai). Excel and LibreOffice
# both show "10 เม.ย. 2569" for a date cell of 10 April 2026; the cell keeps the date itself.
XLSX_DATE = "[$-107041E]d mmm yyyy"
XLSX_DATETIME = "[$-107041E]d mmm yyyy hh:mm"
SHEET_NAME_LIMIT = 31  # Excel
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


# ------------------------------------------------------------------------------------------------ outline


@dataclass
class Table:
    """A table of typed values (dates are dates, counts are ints); `numeric` columns align right."""

    sheet: str
    caption: str
    headers: list
    rows: list
    numeric: tuple = ()
    empty: str = "ไม่มีรายการ"
    widths: tuple = ()  # relative column widths (PDF and Word)
    with_time: bool = False  # times of day are kept in Excel; the page, PDF and Word show the date unless this is set

    def text(self, value):
        if isinstance(value, dt.datetime) and not self.with_time:
            value = value.date()
        return cell_text(value)

    @property
    def cells(self):
        """Rows of (text, numeric?, header) for the page and the PDF."""
        return [[(self.text(value), index in self.numeric, self.headers[index]) for index, value in enumerate(row)]
                for row in self.rows]  # fmt: skip

    @property
    def percents(self):
        """Column widths in per cent, from `widths` (equal when not given)."""
        weights = self.widths or (1,) * len(self.headers)
        return [round(100 * w / sum(weights), 1) for w in weights]

    @property
    def wide(self):
        return len(self.headers) >= 6


@dataclass
class Chart:
    name: str
    caption: str
    alt: str
    svg: bytes
    markup: str = ""  # how the chart is shown: set by whoever renders (an <img> on the page, the SVG in the PDF)


@dataclass
class Section:
    number: str
    title: str
    blocks: list = field(default_factory=list)  # ("p", text) | ("h", text) | ("table", Table) | ("chart", Chart)

    def p(self, text):
        self.blocks.append(("p", text))

    def h(self, text):
        self.blocks.append(("h", text))

    def table(self, table):
        self.blocks.append(("table", table))

    def chart(self, chart):
        if chart is not None:
            self.blocks.append(("chart", chart))


@dataclass
class Acknowledgement:
    name: str = ""
    position: str = ""
    on_behalf: str = ""
    when: dt.datetime | None = None


@dataclass
class Outline:
    title: str
    office: str
    period_label: str
    period_text: str
    as_of: dt.datetime
    drawn_at: dt.datetime
    summary: list  # [(label, value)] for the first sheet and the top of the page
    sections: list
    prepared: str
    acknowledgement: Acknowledgement | None
    slug: str

    @property
    def tables(self):
        return [block for section in self.sections for kind, block in section.blocks if kind == "table"]

    @property
    def charts(self):
        return [block for section in self.sections for kind, block in section.blocks if kind == "chart"]

    @property
    def note(self):
        return f"{self.period_label} · จัดทำโดยระบบจากข้อมูลที่บันทึกไว้ เมื่อ {thai_datetime(self.drawn_at, short=True)}"


def _date(text):
    return dt.date.fromisoformat(text) if text else None


def _moment(text):
    """A stored local ISO time as a naive local datetime (what Excel and the text formats want)."""
    if not text:
        return None
    value = dt.datetime.fromisoformat(text).replace(microsecond=0)
    return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value


def cell_text(value):
    """How a typed value reads in the PDF, on the page and in Word."""
    if value is None or value == "":
        return DASH
    if isinstance(value, dt.datetime):
        return thai_datetime(value, short=True)
    if isinstance(value, dt.date):
        return thai_date(value, short=True)
    if isinstance(value, bool):
        return "ใช่" if value else "ไม่ใช่"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _number(value):
    if value is None:
        return DASH
    return cell_text(float(value)) if isinstance(value, float) and not value.is_integer() else cell_text(int(value))


def _month_short(iso):
    day = _date(iso)
    return f"{MONTHS_TH_SHORT[day.month - 1]} {str(be_year(day.year))[-2:]}"


def _appointed_text(row):
    if row["appointed_on"]:
        return f"แต่งตั้งเมื่อ {thai_date(_date(row['appointed_on']), short=True)}"
    if row["before"]:
        return f"ก่อน {thai_date(_date(row['before']), short=True)} (ก่อนเริ่มบันทึกตรวจสอบ)"
    return "ไม่มีบันทึกในระบบ"


def outline(facts, report=None):
    """The report, section by section, from `facts` and the report's own (typed) section and acknowledgement."""
    with translation.override("th"):
        return _outline(facts, report)


def _outline(facts, report):
    period = facts["period"]
    start, end = _date(period["start"]), _date(period["end"])
    as_of, drawn_at = _moment(facts["as_of"]), _moment(facts["drawn_at"])
    deadline = facts["deadline_days"]
    requests, decisions, publishing = facts["requests"], facts["decisions"], facts["publishing"]
    takedowns, completeness = facts["takedowns"], facts["completeness"]
    visitors, trainings, appointments = facts["visitors"], facts["trainings"], facts["appointments"]
    sections = []

    # 1. Appointments (seed 5.1; S-G.1, S-3.1)
    one = Section("1", "การแต่งตั้งผู้รับผิดชอบการเผยแพร่ข้อมูลผ่านเว็บไซต์")
    enough = (
        "ครบตามกรอบแนวทางข้อ 3.1 (อย่างน้อย 2 คน เพื่อทำงานแทนกันได้)"
        if appointments["webmasters_enough"]
        else "ยังไม่ครบตามกรอบแนวทางข้อ 3.1 ซึ่งกำหนดอย่างน้อย 2 คน เพื่อทำงานแทนกันได้"
    )
    one.p(f"ผู้ดูแลเว็บไซต์ (Web Master) ณ {thai_date(as_of)} มี {appointments['webmasters']} คน {enough}")
    one.table(Table(
        "ผู้ได้รับแต่งตั้ง", "ผู้รับผิดชอบตามบทบาท", ["บทบาท", "ชื่อ", "ตำแหน่ง", "หน่วยงาน", "การแต่งตั้ง"],
        [[r["role_label"], r["name"], r["position"], r["unit"], _appointed_text(r)] for r in appointments["rows"]],
        empty="ไม่มีผู้ได้รับแต่งตั้งในบทบาทเหล่านี้ตามข้อมูลในระบบ ณ วันดังกล่าว (บัญชีที่สร้างภายหลังไม่นับ)",
        widths=(3, 3, 3, 3, 3),
    ))  # fmt: skip
    trail = appointments["trail_starts"]
    one.p("วันที่แต่งตั้งมาจากบันทึกตรวจสอบของระบบ (การเพิ่มเจ้าหน้าที่และการแก้ไขบทบาท)"
          + (f" ซึ่งเริ่มบันทึกเมื่อ {thai_date(_date(trail))}" if trail else " ซึ่งยังไม่มีรายการ")
          + " ผู้ที่ได้รับบทบาทก่อนหน้านั้นแสดงว่าได้รับแต่งตั้งก่อนวันดังกล่าว")  # fmt: skip
    sections.append(one)

    # 2. Screening before publication (seed 5.3; S-G.3 – S-G.5, S-2.2)
    two = Section("2", "การกลั่นกรองข้อมูลก่อนเผยแพร่")
    chain = " → ".join(facts["chain"]) or DASH
    two.p(f"ในรอบนี้มีคำขอเผยแพร่ที่ยื่นแล้ว {requests['total']:,} คำขอ ทุกคำขอต้องผ่านการพิจารณาตามลำดับ ({chain}) "
          f"ก่อนผู้ดูแลเว็บไซต์นำขึ้นเผยแพร่ ผลของแต่ละคำขอเป็นสถานะ ณ {thai_datetime(as_of, short=True)}")  # fmt: skip
    count_header = "จำนวนคำขอ"
    two.table(Table("คำขอตามช่องทาง", "คำขอตามช่องทางที่รับ", ["ช่องทาง", count_header], requests["by_channel"],
                    numeric=(1,), widths=(4, 1)))  # fmt: skip
    two.table(Table("คำขอตามหน่วยงาน", "คำขอตามหน่วยงานเจ้าของข้อมูล", ["หน่วยงาน", count_header],
                    requests["by_unit"], numeric=(1,), empty="ไม่มีคำขอ", widths=(4, 1)))  # fmt: skip
    two.table(Table("คำขอตามหมวดหมู่", "คำขอตามหมวดหมู่ของข้อมูล", ["หมวดหมู่", count_header],
                    requests["by_category"], numeric=(1,), empty="ไม่มีคำขอ", widths=(4, 1)))  # fmt: skip
    two.table(Table("คำขอตามผล", "คำขอตามผลการดำเนินการ", ["ผล", count_header], requests["by_outcome"],
                    numeric=(1,), empty="ไม่มีคำขอ", widths=(4, 1)))  # fmt: skip
    per_month = requests["per_month"]
    two.chart(_requests_chart(per_month))
    two.table(Table("คำขอรายเดือน", "คำขอที่ยื่นรายเดือน", ["เดือน", count_header],
                    [[label, n] for _, label, n in per_month], numeric=(1,), widths=(4, 1)))  # fmt: skip
    two.h("คำขอที่ไม่อนุมัติและส่งกลับแก้ไข")
    two.p(f"ไม่อนุมัติ {decisions['refused']:,} ครั้ง และส่งกลับให้แก้ไข {decisions['returned']:,} ครั้ง "
          "ทุกครั้งแจ้งเหตุผลแก่เจ้าของข้อมูล (กรอบแนวทางข้อ 1.5)")  # fmt: skip
    two.table(Table("เหตุผลที่ไม่อนุมัติหรือส่งกลับ", "จำนวนครั้งตามเหตุผล", ["เหตุผล", "จำนวนครั้ง"],
                    decisions["by_reason"], numeric=(1,), widths=(4, 1)))  # fmt: skip
    two.table(Table(
        "ไม่อนุมัติและส่งกลับ", "รายการที่ไม่อนุมัติหรือส่งกลับแก้ไข",
        ["วันที่", "คำขอ", "เรื่อง", "หน่วยงาน", "ผล", "ผู้พิจารณา", "เหตุผล"],
        [[_moment(r["decided_at"]), r["reference"], r["title"], r["unit"], r["verdict_label"],
          f"{r['decided_by']} ({r['role_label']})", r["reason"]] for r in decisions["rows"]],
        widths=(1.9, 1.7, 2.6, 2, 1.4, 2.6, 3.2),
    ))  # fmt: skip
    two.h("การตรวจข้อมูลส่วนบุคคลก่อนเผยแพร่")
    two.p(f"คำขอที่เผยแพร่ในรอบนี้ {publishing['count']:,} คำขอ มีผลการตรวจข้อมูลส่วนบุคคลบันทึกไว้ก่อนเผยแพร่ "
          f"{publishing['redaction_checked']:,} คำขอ")  # fmt: skip
    sections.append(two)

    # 3. Correct and current (seed 5.2; S-2.3, S-2.4, S-3.2, S-3.3)
    three = Section("3", "การเผยแพร่ภายในกำหนดและการดูแลข้อมูลให้เป็นปัจจุบัน")
    three.h(f"ระยะเวลาจากการอนุมัติถึงการเผยแพร่ (กำหนด {deadline} วันทำการ)")
    if publishing["count"]:
        three.p(
            f"เผยแพร่ตามคำขอ {publishing['count']:,} คำขอ ใช้เวลาจากวันที่อนุมัติขั้นสุดท้ายถึงวันที่เผยแพร่ "
            f"มัธยฐาน {_number(publishing['median'])} วันทำการ ร้อยละ {publishing['percentile']} ของคำขอเผยแพร่ภายใน "
            f"{_number(publishing['p90'])} วันทำการ เกินกำหนด {deadline} วันทำการ {publishing['late']:,} คำขอ "
            f"(ภายในกำหนด {publishing['on_time']:,} คำขอ) วันทำการไม่นับวันเสาร์ อาทิตย์ วันหยุดราชการ และวันหยุดของสำนักงาน"
        )  # fmt: skip
    else:
        three.p("ไม่มีคำขอที่เผยแพร่ในรอบนี้")
    if publishing["waiting"]:
        three.p(f"ณ {thai_date(as_of)} มีคำขอที่อนุมัติแล้วและรอเผยแพร่ {publishing['waiting']:,} คำขอ "
                f"ในจำนวนนี้เลยกำหนดแล้ว {publishing['waiting_late']:,} คำขอ")  # fmt: skip
    three.chart(_publishing_chart(publishing["distribution"], deadline))
    three.table(Table(
        "ระยะเวลาเผยแพร่", "ระยะเวลาเผยแพร่รายคำขอ",
        ["คำขอ", "เรื่อง", "หน่วยงาน", "อนุมัติ", "เผยแพร่", "ครบกำหนด", "วันทำการ", "เกินกำหนด"],
        [[r["reference"], r["title"], r["unit"], _moment(r["approved_at"]), _moment(r["published_at"]),
          _date(r["due_on"]), r["working_days"], r["days_late"]] for r in publishing["rows"]],
        numeric=(6, 7), widths=(1.7, 3.2, 2.2, 1.9, 1.9, 1.9, 1.6, 1.7),
    ))  # fmt: skip
    three.h("การนำข้อมูลออกเมื่อครบกำหนดและการถอนการเผยแพร่")
    three.p(
        f"รายการที่ครบกำหนดเผยแพร่ในรอบนี้ {takedowns['expired']:,} รายการ ทุกรายการออกจากเว็บไซต์ ณ เวลาที่กำหนด "
        "โดยอัตโนมัติ (ระบบแสดงเฉพาะรายการที่อยู่ในช่วงเวลาเผยแพร่) ข้อมูลยังเก็บไว้ในคลัง งานดูแลระบบประจำวันบันทึกการนำออก "
        f"และแจ้งเจ้าของข้อมูลแล้ว {takedowns['recorded']:,} รายการ (ภายใน 1 วัน {takedowns['recorded_promptly']:,} "
        f"รายการ ช้ากว่านั้น {takedowns['recorded_later']:,} รายการ) ยังไม่ได้บันทึก {takedowns['unrecorded']:,} รายการ"
    )  # fmt: skip
    three.table(Table(
        "การนำออกเมื่อครบกำหนด", "รายการที่ครบกำหนดเผยแพร่", ["รายการ", "หัวข้อ", "ครบกำหนด", "บันทึกการนำออกเมื่อ"],
        [[r["title"], r["topic"], _moment(r["expire_at"]), _moment(r["recorded_at"]) or "ยังไม่ได้บันทึก"]
         for r in takedowns["expired_rows"]],
        widths=(4, 2.4, 2.8, 2.8), with_time=True,
    ))  # fmt: skip
    three.p(f"ถอนการเผยแพร่ {takedowns['withdrawn']:,} รายการ ผ่านคำขอถอนที่ได้รับอนุมัติ "
            f"{takedowns['withdrawn_by_request']:,} รายการ ผู้ดูแลเว็บไซต์ถอนโดยตรง "
            f"{takedowns['withdrawn'] - takedowns['withdrawn_by_request']:,} รายการ")  # fmt: skip
    three.table(Table(
        "การถอนการเผยแพร่", "รายการที่ถอนการเผยแพร่", ["รายการ", "หัวข้อ", "ถอนเมื่อ", "เหตุผล", "ตามคำขอ"],
        [[r["title"], r["topic"], _moment(r["withdrawn_at"]), r["reason"], r["request"] or "ถอนโดยผู้ดูแลเว็บไซต์"]
         for r in takedowns["withdrawn_rows"]],
        widths=(3, 2.4, 2, 3, 1.6),
    ))  # fmt: skip
    three.h("ความครบถ้วนตามมาตรฐาน")
    if completeness["start"]:
        first, last = completeness["start"], completeness["end"]
        three.p(f"คะแนนความครบถ้วน ณ {thai_date(_date(first['date']))} ร้อยละ {first['score']:.1f} "
                f"และ ณ {thai_date(_date(last['date']))} ร้อยละ {last['score']:.1f} "
                f"(จากผลการตรวจรายวัน {completeness['days']:,} วันในรอบนี้)")  # fmt: skip
    else:
        three.p("ยังไม่มีผลการตรวจความครบถ้วนรายวันในรอบนี้ ระบบบันทึกคะแนนทุกวันเมื่องานดูแลระบบประจำวันทำงาน")
    three.chart(_score_chart(completeness["series"]))
    three.table(Table(
        "คะแนนความครบถ้วน", "คะแนนความครบถ้วนต้นและปลายรอบ", ["ช่วง", "วันที่", "คะแนน (ร้อยละ)"],
        [[label, _date(point["date"]), point["score"]]
         for label, point in (("ต้นรอบ", completeness["start"]), ("ปลายรอบ", completeness["end"])) if point],
        numeric=(2,), empty="ยังไม่มีผลการตรวจรายวัน", widths=(2, 2, 2),
    ))  # fmt: skip
    sections.append(three)

    # 4. Visitors
    four = Section("4", "สถิติผู้เข้าชมเว็บไซต์")
    four.p(f"ผู้เข้าชม {visitors['visitors']:,} คน-วัน เปิดหน้าเว็บไซต์ {visitors['page_views']:,} ครั้ง "
           "(นับผู้เข้าชมแต่ละคนหนึ่งครั้งต่อวัน โดยไม่เก็บข้อมูลส่วนบุคคล)")  # fmt: skip
    four.table(Table("ผู้เข้าชมรายเดือน", "ผู้เข้าชมรายเดือน", ["เดือน", "ผู้เข้าชม", "การเปิดหน้า"],
                     [[label, people, views] for _, label, people, views in visitors["per_month"]],
                     numeric=(1, 2), widths=(3, 2, 2)))  # fmt: skip
    sections.append(four)

    # 5. Trainings (S-3.5)
    five = Section("5", "การพัฒนาความรู้ของเจ้าหน้าที่ (การฝึกอบรมและการแลกเปลี่ยนเรียนรู้)")
    five.p(f"บันทึกการเข้าร่วม {trainings['count']:,} รายการ เจ้าหน้าที่ {trainings['people']:,} คน รวม "
           f"{_number(trainings['hours'])} ชั่วโมง ด้านการบริหารจัดการเว็บไซต์ {trainings['on_website']:,} รายการ "
           f"ด้านความมั่นคงปลอดภัยสารสนเทศ (Cyber Security) {trainings['on_cyber_security']:,} รายการ "
           f"การแลกเปลี่ยนเรียนรู้ (KM) {trainings['km']:,} รายการ")  # fmt: skip
    five.table(Table(
        "การฝึกอบรม", "การฝึกอบรมและการแลกเปลี่ยนเรียนรู้",
        ["วันที่", "ผู้เข้าร่วม", "หน่วยงาน", "หลักสูตร/หัวข้อ", "ประเภท", "ด้าน", "ผู้จัด", "ชั่วโมง"],
        [[_date(r["starts_on"]), r["name"], r["unit"], r["title"], r["kind_label"], _topics_text(r), r["organiser"],
          r["hours"]] for r in trainings["rows"]],
        numeric=(7,), widths=(1.9, 2.2, 2.2, 3.2, 1.8, 1.8, 2.2, 1.5),
    ))  # fmt: skip
    sections.append(five)

    # 6. Problems, obstacles and suggestions (seed section 6), written by people.
    six = Section("6", "สรุปปัญหาและอุปสรรค และข้อเสนอแนะ")
    problems = (report.problems if report else "").strip()
    suggestions = (report.suggestions if report else "").strip()
    six.h("ปัญหาและอุปสรรค")
    for line in _paragraphs(problems) or ["ยังไม่ได้ระบุ"]:
        six.p(line)
    six.h("ข้อเสนอแนะ")
    for line in _paragraphs(suggestions) or ["ยังไม่ได้ระบุ"]:
        six.p(line)
    sections.append(six)

    acknowledgement = None
    if report is not None and report.is_acknowledged:
        acknowledgement = Acknowledgement(report.acknowledged_name, report.acknowledged_position,
                                          report.acknowledged_on_behalf,
                                          timezone.localtime(report.acknowledged_at).replace(tzinfo=None))  # fmt: skip
    prepared = ""
    if report is not None and report.prepared_by_id:
        who = report.prepared_by
        prepared = f"{who.get_full_name() or who.get_username()}" + (f" ({who.position})" if who.position else "")
        prepared += f" เมื่อ {thai_datetime(report.prepared_at, short=True)}"
    summary = [
        ("รอบรายงาน", period["label"]), ("ตั้งแต่วันที่", start), ("ถึงวันที่", end), ("ข้อมูล ณ", as_of),
        ("ผู้ดูแลเว็บไซต์ (คน)", appointments["webmasters"]), ("คำขอที่ยื่น", requests["total"]),
        ("ไม่อนุมัติ (ครั้ง)", decisions["refused"]), ("ส่งกลับแก้ไข (ครั้ง)", decisions["returned"]),
        ("เผยแพร่ตามคำขอ", publishing["count"]), ("มัธยฐานวันทำการถึงเผยแพร่", publishing["median"]),
        (f"เปอร์เซ็นไทล์ที่ {publishing['percentile']} (วันทำการ)", publishing["p90"]),
        (f"เผยแพร่เกินกำหนด {deadline} วันทำการ", publishing["late"]),
        ("ครบกำหนดและออกจากเว็บไซต์", takedowns["expired"]), ("ถอนการเผยแพร่", takedowns["withdrawn"]),
        ("คะแนนความครบถ้วนต้นรอบ", completeness["start"]["score"] if completeness["start"] else None),
        ("คะแนนความครบถ้วนปลายรอบ", completeness["end"]["score"] if completeness["end"] else None),
        ("ผู้เข้าชม (คน-วัน)", visitors["visitors"]), ("การฝึกอบรม (รายการ)", trainings["count"]),
        ("ชั่วโมงการฝึกอบรม", trainings["hours"]),
    ]  # fmt: skip
    return Outline(
        title=REPORT_TITLE, office=facts["office"]["name"], period_label=period["label"],
        period_text=f"{thai_date(start)} – {thai_date(end)}", as_of=as_of, drawn_at=drawn_at, summary=summary,
        sections=sections, prepared=prepared, acknowledgement=acknowledgement, slug=period["slug"],
    )  # fmt: skip


def _paragraphs(text):
    return [line.strip() for line in (text or "").replace("\r\n", "\n").split("\n") if line.strip()]


def _topics_text(row):
    labels = (("on_website", "เว็บไซต์"), ("on_cyber_security", "ความมั่นคงปลอดภัยสารสนเทศ"))
    topics = [label for flag, label in labels if row[flag]]
    return ", ".join(topics) or "อื่น ๆ"


# ------------------------------------------------------------------------------------------------ charts


def _requests_chart(per_month):
    if not any(n for *_, n in per_month):
        return None
    svg = bar_chart_svg([_month_short(iso) for iso, *_ in per_month], [n for *_, n in per_month], label="คำขอ")
    return Chart("requests", "คำขอที่ยื่นรายเดือน", "แผนภูมิแท่งจำนวนคำขอที่ยื่นในแต่ละเดือน ตัวเลขอยู่ในตารางถัดไป", svg)


def _publishing_chart(distribution, deadline):
    if not any(n for _, n in distribution):
        return None
    last = distribution[-1][0]
    labels = [f"{days} วัน" if days < last else f"{days} วันขึ้นไป" for days, _ in distribution]
    colors = [BRAND if days <= deadline else WARN for days, _ in distribution]
    svg = bar_chart_svg(labels, [n for _, n in distribution], label="คำขอ", colors=colors)
    return Chart("publishing", f"จำนวนคำขอตามวันทำการจากอนุมัติถึงเผยแพร่ (สีส้ม: เกินกำหนด {deadline} วันทำการ)",
                 "แผนภูมิแท่งจำนวนคำขอตามจำนวนวันทำการที่ใช้เผยแพร่ รายคำขออยู่ในตารางถัดไป", svg)  # fmt: skip


def _score_chart(series):
    if len(series) < 2:  # one day's score is a number, not a trend: the text and the table say it
        return None
    svg = line_chart_svg([_date(day) for day, _ in series], [score for _, score in series], label="คะแนน (ร้อยละ)",
                         y_max=100, date_format=lambda d: thai_date(d, short=True))  # fmt: skip
    return Chart(
        "score", "คะแนนความครบถ้วนรายวัน", "กราฟเส้นคะแนนความครบถ้วนรายวันในรอบรายงาน ค่าต้นและปลายรอบอยู่ในตารางถัดไป", svg
    )


def inline_svg(chart):
    """The chart's SVG for embedding in HTML (without its XML prolog)."""
    text = chart.svg.decode("utf-8")
    return text[text.index("<svg") :]


def svg_data_url(chart):
    """The chart as an image address for the back-office page (whose CSP forbids inline styles, not images)."""
    return "data:image/svg+xml;base64," + base64.b64encode(chart.svg).decode()


def chart_images(view):
    """Set every chart of `view` to show as an <img> with its text alternative (the back-office page)."""
    from django.utils.html import format_html

    for chart in view.charts:
        chart.markup = format_html('<img src="{}" alt="{}" width="720" height="270">', svg_data_url(chart), chart.alt)
    return view


# ------------------------------------------------------------------------------------------------ PDF


def _footer(note):
    return render_to_string(TEMPLATES + "footer.html", {"font_face": mark_safe(footer_font_face()), "note": note,
                                                         "margins": MARGINS})  # fmt: skip


def performance_html(view):
    """The whole HTML document the PDF is printed from (charts inline, so Chromium draws their Thai)."""
    css = render_to_string(TEMPLATES + "performance.css", {"margins": MARGINS})
    for chart in view.charts:
        chart.markup = mark_safe(inline_svg(chart))  # our own matplotlib output, no script (documents.charts)
    body = render_to_string(TEMPLATES + "performance.html", {"view": view, "document": True})
    return document_html(body, title=f"{view.title} {view.period_label}", extra_css=css)


def _renderer_scope(renderer):
    return nullcontext(renderer) if renderer is not None else pdf_renderer()


def performance_pdf(view, *, renderer=None):
    """A4 PDF bytes, page numbers in the footer (one Chromium per call unless `renderer` is given)."""
    with _renderer_scope(renderer) as active:
        return active.render(performance_html(view), footer_template=_footer(view.note))


# ------------------------------------------------------------------------------------------------ Word


def chart_png(chart, renderer):
    """The chart as PNG for Word, drawn by Chromium from the SVG so its Thai labels are shaped."""
    html = document_html(f"<div class='chart'>{inline_svg(chart)}</div>",
                         extra_css=".chart{width:16cm}.chart svg{width:100%;height:auto;display:block}")  # fmt: skip
    return renderer.screenshot(html, selector=".chart")


def performance_docx(view, *, renderer=None):
    """The same report as a Word document an officer edits: TH Sarabun New 16 pt, the PDF's margins."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = word.thai_document(margins=MARGINS)
    for name, size in (("Title", 20), ("Heading 1", 18), ("Heading 2", 16)):
        word.style(document.styles[name], size)
        document.styles[name].font.bold = True
    usable = 21 - MARGINS.left - MARGINS.right
    center = WD_ALIGN_PARAGRAPH.CENTER

    def paragraph(text="", *, bold=False, size=None, align=None, space_after=4):
        p = document.add_paragraph()
        p.paragraph_format.space_after = Pt(space_after)
        if align is not None:
            p.alignment = align
        if text:
            word.run(p, text, bold=bold, size=size)
        return p

    def heading(text, level):
        h = document.add_heading(level=level)
        word.run(h, text, bold=True, size=18 if level == 1 else 16)
        return h

    title = document.add_heading(level=0)
    title.alignment = center
    word.run(title, view.title, bold=True, size=20)
    paragraph(view.office, bold=True, size=18, align=center, space_after=0)
    paragraph(f"{view.period_label} ({view.period_text})", align=center, space_after=0)
    paragraph(f"ข้อมูล ณ {thai_datetime(view.as_of)}", align=center, space_after=8)

    with _renderer_scope(renderer) as active:
        for section in view.sections:
            heading(f"{section.number}. {section.title}", 1)
            for kind, block in section.blocks:
                if kind == "p":
                    paragraph(block)
                elif kind == "h":
                    heading(block, 2)
                elif kind == "chart":
                    document.add_picture(io.BytesIO(chart_png(block, active)), width=Cm(usable))
                    document.paragraphs[-1].paragraph_format.keep_with_next = True
                    paragraph(block.caption, size=14, align=center)
                else:
                    _docx_table(document, block, usable, paragraph)
    _docx_signatures(document, view, paragraph)
    word.page_number_footer(document.sections[0], view.note)
    return word.docx_bytes(document)


def _docx_table(document, table, usable, paragraph):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    caption = paragraph(table.caption, bold=True, size=14, space_after=2)
    caption.paragraph_format.keep_with_next = True
    if not table.rows:
        paragraph(table.empty, size=14)
        return
    size = 12 if table.wide else 14
    grid = document.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    grid.autofit = False
    widths = [Cm(usable * percent / 100) for percent in table.percents]
    for column, width in zip(grid.columns, widths, strict=False):
        column.width = width  # the table grid, which LibreOffice and Word lay out from
    word.repeat_header(grid.rows[0])
    for cell, header, width in zip(grid.rows[0].cells, table.headers, widths, strict=False):
        cell.width = width
        word.run(cell.paragraphs[0], header, bold=True, size=size)
    for row in table.rows:
        added = grid.add_row()
        word.keep_row_together(added)
        for index, (cell, value, width) in enumerate(zip(added.cells, row, widths, strict=False)):
            cell.width = width
            word.run(cell.paragraphs[0], table.text(value), size=size)
            if index in table.numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph(space_after=4)


def _docx_signatures(document, view, paragraph):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    paragraph()
    if view.prepared:
        paragraph(f"ผู้จัดทำ: {view.prepared}", size=14)
    ack = view.acknowledgement
    center = WD_ALIGN_PARAGRAPH.CENTER
    lines = ["ทราบ", "", "(ลงชื่อ) ……………………………………",
             f"({ack.name})" if ack else "(……………………………………)",
             f"ตำแหน่ง {ack.position}" if ack and ack.position else "ตำแหน่ง ……………………………………"]  # fmt: skip
    if ack and ack.on_behalf:
        lines.append(ack.on_behalf)
    lines.append(f"รับทราบเมื่อ {thai_datetime(ack.when)} (ในระบบ)" if ack else "วันที่ ……… / ……………… / …………")
    for index, text in enumerate(lines):
        p = paragraph(text, bold=index == 0, align=center, space_after=0)
        p.paragraph_format.left_indent = Cm((21 - MARGINS.left - MARGINS.right) / 2)
        p.paragraph_format.keep_with_next = index < len(lines) - 1  # the block stays on one page


# ------------------------------------------------------------------------------------------------ Excel


def sheet_name(text, taken):
    name = _NOT_IN_SHEET_NAME.sub(" ", text)[:SHEET_NAME_LIMIT].strip() or "ตาราง"
    base, number = name, 2
    while name in taken:
        suffix = f" ({number})"
        name = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
        number += 1
    taken.add(name)
    return name


def _put(cell, value):
    """Write a typed value; text that starts with '=' stays text (never a formula someone typed in a title)."""
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    elif isinstance(value, dt.datetime):
        cell.number_format = XLSX_DATETIME
    elif isinstance(value, dt.date):
        cell.number_format = XLSX_DATE


def performance_xlsx(view):
    """One sheet of key figures, one sheet per table; dates are dates (shown in พ.ศ.), counts are numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    bold = Font(bold=True)
    summary = workbook.active
    taken = set()
    summary.title = sheet_name("สรุป", taken)
    _put(summary.cell(1, 1), view.title)
    summary.cell(1, 1).font = Font(bold=True, size=14)
    _put(summary.cell(2, 1), view.office)
    rows = [*view.summary]
    six = view.sections[-1]
    texts = {"ปัญหาและอุปสรรค": [], "ข้อเสนอแนะ": []}
    current = None
    for kind, block in six.blocks:
        if kind == "h":
            current = block
        elif current in texts:
            texts[current].append(block)
    rows += [(label, "\n".join(lines)) for label, lines in texts.items()]
    ack = view.acknowledgement
    rows += [("ผู้จัดทำ", view.prepared or None), ("ผู้รับทราบ", ack.name if ack else "ยังไม่ได้รับทราบ"),
             ("ตำแหน่งผู้รับทราบ", ack.position if ack else None), ("รับทราบเมื่อ", ack.when if ack else None)]  # fmt: skip
    for index, (label, value) in enumerate(rows, start=4):
        _put(summary.cell(index, 1), label)
        summary.cell(index, 1).font = bold
        _put(summary.cell(index, 2), value)
        summary.cell(index, 2).alignment = Alignment(wrap_text=True, vertical="top")
    summary.column_dimensions["A"].width, summary.column_dimensions["B"].width = 36, 80

    for table in view.tables:
        sheet = workbook.create_sheet(sheet_name(table.sheet, taken))
        for column, header in enumerate(table.headers, start=1):
            _put(sheet.cell(1, column), header)
            sheet.cell(1, column).font = bold
        for row_index, row in enumerate(table.rows, start=2):
            for column, value in enumerate(row, start=1):
                _put(sheet.cell(row_index, column), value)
        sheet.freeze_panes = "A2"
        for column, header in enumerate(table.headers, start=1):
            longest = max([len(str(header))] + [len(cell_text(r[column - 1])) for r in table.rows])
            sheet.column_dimensions[get_column_letter(column)].width = min(60, max(10, longest + 2))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
