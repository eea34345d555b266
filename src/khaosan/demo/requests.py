"""Demo publication requests in every state, made through the workflow services, so that each role's
"my tasks" screen has something to do when someone tries the demo."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from khaosan.catalog.models import Topic
from khaosan.demo import files
from khaosan.demo.files import DemoFile
from khaosan.org.models import Staff, Unit
from khaosan.thai.calendar import add_working_days
from khaosan.thai.dates import fiscal_year, fiscal_year_bounds
from khaosan.workflow import selectors, services
from khaosan.workflow.models import Channel, PublicationRequest, RequestFile


def _pdf(name, heading, paragraphs, *, office, renderer):
    spec = DemoFile(name, heading=heading, paragraphs=paragraphs)
    return SimpleUploadedFile(name, files.build(spec, office=office, renderer=renderer))


def build_requests(office):
    """Create the demo requests; return how many."""
    people = {p.username: p for p in Staff.objects.filter(office=office)}
    topic = {t.code: t for t in Topic.objects.all()}
    base = {"source": "กลุ่มงานบริหารทั่วไป สสอ.บ้านหลวง", "rights_confirmed": True}
    today = timezone.localdate()

    def draft(actor, title, topic_code, summary, upload=None, **fields):
        pub_request = services.request_create(office=office, actor=actor, title=title, topic=topic[topic_code],
                                              summary=summary, **(base | fields))  # fmt: skip
        if upload is not None:
            services.request_file_add(pub_request=pub_request, actor=actor, upload=upload)
        return pub_request

    def submit(pub_request):
        return services.request_submit(pub_request=pub_request, actor=pub_request.requester)

    def decide(pub_request, who, verdict="approve", **reason):
        return services.request_decide(pub_request_id=pub_request.pk, actor=people[who], verdict=verdict, **reason)

    with files.renderer() as renderer:
        pdf = lambda name, heading, *paragraphs: _pdf(name, heading, list(paragraphs), office=office,  # noqa: E731
                                                      renderer=renderer)  # fmt: skip

        # A draft still being written.
        draft(people["staff"], "รายงานผลการดำเนินงานควบคุมโรคไข้เลือดออก ไตรมาส 1", "statistics",
              "สรุปจำนวนผู้ป่วยและกิจกรรมควบคุมลูกน้ำยุงลายรายตำบล")  # fmt: skip

        # Waiting for the head of the website group.
        submit(draft(people["procurement"], "ประกาศผู้ชนะการเสนอราคา จัดซื้อวัสดุการแพทย์", "procurement-results",
                     "ประกาศผลผู้ชนะการเสนอราคาด้วยวิธีเฉพาะเจาะจง",
                     pdf("ประกาศผู้ชนะ-วัสดุการแพทย์.pdf", "ประกาศผู้ชนะการเสนอราคา จัดซื้อวัสดุการแพทย์",
                         "ตามที่สำนักงานสาธารณสุขอำเภอบ้านหลวงได้จัดซื้อวัสดุการแพทย์ โดยวิธีเฉพาะเจาะจง นั้น",
                         "ผู้ได้รับการคัดเลือก ได้แก่ ห้างหุ้นส่วนจำกัดน่านเวชภัณฑ์ ราคาที่ตกลง 48,500 บาท")))  # fmt: skip

        # Waiting for the executive.
        decide(submit(draft(people["nurse"], "ขอเชิญร่วมกิจกรรมเดิน-วิ่งเพื่อสุขภาพ ตำบลป่าคาหลวง", "general-news",
                            "ชวนประชาชนร่วมกิจกรรมเดิน-วิ่ง ระยะทาง 5 กิโลเมตร วันอาทิตย์สิ้นเดือนนี้")), "reviewer")  # fmt: skip

        # Returned to the requester with a reason.
        decide(submit(draft(people["staff"], "ประกาศรับสมัครอาสาสมัครสาธารณสุขประจำหมู่บ้าน", "job-announcements",
                            "รับสมัคร อสม. เพิ่มเติม 5 คน")), "reviewer", "return",
               reason_code="incomplete", reason="โปรดแนบประกาศฉบับที่ลงนามแล้ว และระบุวันปิดรับสมัคร")  # fmt: skip

        # Refused.
        decide(submit(draft(people["nurse"], "โฆษณาร้านขายอุปกรณ์การแพทย์ในตลาดบ้านหลวง", "general-news",
                            "ขอประชาสัมพันธ์ร้านค้าเอกชน")), "reviewer", "refuse",
               reason_code="not_mission", reason="เป็นการโฆษณาสินค้าของเอกชน")  # fmt: skip

        # Approved and waiting for a web master; one of them is already late.
        for title, days_ago in (
            ("คู่มือการขอรับบริการฉีดวัคซีนสำหรับประชาชน", 0),
            ("แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ (ฉบับปรับปรุง)", 6),
        ):
            pub_request = decide(decide(submit(draft(
                people["staff"], title, "citizen-manuals" if days_ago == 0 else "procurement-plan", "ขอเผยแพร่ฉบับล่าสุด",
                pdf(f"{title[:30]}.pdf", title, "รายละเอียดตามเอกสารแนบ"))), "reviewer"), "approver")  # fmt: skip
            if days_ago:
                approved = timezone.now() - dt.timedelta(days=days_ago)
                PublicationRequest.objects.filter(pk=pub_request.pk).update(
                    approved_at=approved, due_on=add_working_days(timezone.localdate(approved), 3, office=office)
                )

        # Published from start to end, with the request form to print.
        pub_request = decide(decide(submit(draft(
            people["procurement"], "สรุปผลการจัดซื้อจัดจ้าง (แบบ สขร.1) ฉบับแก้ไขเพิ่มเติม", "procurement-summary",
            "รายการจัดซื้อจัดจ้างที่ตกหล่นจากรายงานเดือนก่อน",
            pdf("สขร1-เพิ่มเติม.pdf", "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน (เพิ่มเติม)",
                "จัดซื้อน้ำยาฆ่าเชื้อ วงเงิน 7,500 บาท วิธีเฉพาะเจาะจง ผู้ได้รับการคัดเลือก ร้านบ้านหลวงพาณิชย์"),
            data_from=today.replace(day=1) - dt.timedelta(days=1), data_to=today.replace(day=1) - dt.timedelta(days=1),
        )), "reviewer"), "approver")  # fmt: skip
        services.request_take(pub_request=pub_request, actor=people["webmaster2"])
        services.request_publish(pub_request_id=pub_request.pk, actor=people["webmaster2"],
                                 redaction=selectors.redaction_report(pub_request), redaction_checked=True,
                                 **services.item_fields_from(pub_request))  # fmt: skip

        # MOIT evidence through the whole chain, so that the ITA page links request forms and the evidence packs
        # have memos: the first carries the signed memo (บันทึกข้อความ), the second's is set from the records.
        fy = fiscal_year(today)
        start, end = fiscal_year_bounds(fy)
        training_day = today - dt.timedelta(days=10)
        for who, title, topic_code, summary, data, signed in (
            ("staff", f"ประกาศเจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิด (No Gift Policy) ปีงบประมาณ พ.ศ. {fy}", "no-gift",
             "ผู้บริหารและบุคลากรทุกคนไม่รับของขวัญหรือประโยชน์อื่นใดจากการปฏิบัติหน้าที่", (start, end), True),
            ("staff", f"รายงานผลการอบรมเสริมสร้างจริยธรรมและการรักษาวินัยของบุคลากร ปีงบประมาณ พ.ศ. {fy}",
             "ethics-training", "บุคลากร 32 คนเข้ารับการอบรม ผลการทดสอบหลังอบรมผ่านเกณฑ์ร้อยละ 94",
             (training_day, training_day), False),
        ):  # fmt: skip
            pub_request = draft(people[who], title, topic_code, summary,
                                pdf(f"{title[:40]}.pdf", title, summary, "รายละเอียดตามเอกสารแนบ"),
                                data_from=data[0], data_to=data[1])  # fmt: skip
            if signed:
                memo = pdf("บันทึกข้อความขออนุญาตเผยแพร่.pdf", "บันทึกข้อความ",
                           f"ส่วนราชการ {office.name_th} กลุ่มงานบริหารทั่วไป",
                           "เรื่อง ขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน",
                           f"เรียน {office.executive_position}",
                           f"ด้วยกลุ่มงานบริหารทั่วไปขออนุญาตเผยแพร่ {title} บนเว็บไซต์ของหน่วยงาน "
                           "จึงเรียนมาเพื่อโปรดพิจารณาอนุญาต",
                           "(ลงชื่อ) สุดารัตน์ ธรรมวงศ์ ผู้ขอ · อนุญาต (ลงชื่อ) ประเสริฐ วงศ์คำ สาธารณสุขอำเภอบ้านหลวง")  # fmt: skip
                services.request_file_add(pub_request=pub_request, actor=people[who], upload=memo,
                                          kind=RequestFile.Kind.MEMO)  # fmt: skip
            pub_request = decide(decide(submit(pub_request), "reviewer"), "approver")
            services.request_take(pub_request=pub_request, actor=people["webmaster1"])
            services.request_publish(pub_request_id=pub_request.pk, actor=people["webmaster1"],
                                     redaction=selectors.redaction_report(pub_request), redaction_checked=True,
                                     **services.item_fields_from(pub_request))  # fmt: skip

        # A letter from the provincial office, registered by a web master.
        services.request_register_and_submit(
            office=office, actor=people["webmaster1"], channel=Channel.LETTER, letter_number="นน 0032.004/ว 5678",
            letter_date=today - dt.timedelta(days=2), requester_name="นางสาวศิริพร ใจมั่น",
            requester_position="นักวิชาการสาธารณสุขชำนาญการ", requester_unit=Unit.objects.get(office=office, code="pho-nan"),
            requester_contact="0 5471 0000 ต่อ 112", title="ขอความอนุเคราะห์ประชาสัมพันธ์รณรงค์วันเอดส์โลก 1 ธันวาคม",
            summary="สำนักงานสาธารณสุขจังหวัดน่านขอให้ประชาสัมพันธ์กิจกรรมรณรงค์วันเอดส์โลก",
            topic=topic["external-agency-info"], source="สำนักงานสาธารณสุขจังหวัดน่าน", rights_confirmed=True,
            content_files=[pdf("โปสเตอร์วันเอดส์โลก.pdf", "รณรงค์วันเอดส์โลก 1 ธันวาคม", "รู้เร็ว รักษาเร็ว")],
            letter_files=[pdf("หนังสือ-สสจ.น่าน.pdf", "ขอความอนุเคราะห์ประชาสัมพันธ์", "เรียน สาธารณสุขอำเภอบ้านหลวง")],
        )  # fmt: skip
    return PublicationRequest.objects.filter(office=office).count()
