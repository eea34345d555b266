"""Two offices on one deployment, each with a record of every kind, every text carrying the office's marker.

Office A is the default host (testserver), office B answers at other.example.go.th. Everything goes through
the services staff and citizens use, so the rows look like real ones. Each office's marker is a Thai phrase
with an ASCII token (`World.token(office)`): the token survives percent-encoding, JSON escapes, CSV, XLSX,
DOCX and a PDF's text layer, so a body is checked for the token, never for the Thai alone.
"""

import datetime as dt
import io
import secrets
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from khaosan.catalog.models import Item, Topic
from khaosan.catalog.services import item_create, item_withdraw
from khaosan.org.models import Office, Staff, Unit

B_HOST = "other.example.go.th"
PASSWORD = "รหัสผ่านทดสอบยาวพอ-2569"

# Role -> (unit code, groups). Every office gets one person of each.
ROLES = {
    "requester": ("admin", ()),
    "colleague": ("admin", ()),
    "outsider": ("procurement", ()),
    "officer": ("procurement", ()),  # the procurement officer (งานพัสดุ)
    "head": ("admin", ()),  # head of the admin unit: evaluates requester and colleague
    "reviewer": ("it", ("reviewer",)),
    "approver": ("director", ("approver",)),
    "webmaster": ("it", ("webmaster",)),
    "webmaster2": ("it", ("webmaster",)),
    "committee": ("procurement", ("committee",)),
    "admin": ("it", ("administrator",)),
}
UNITS = (
    ("admin", "กลุ่มงานบริหารทั่วไป"),
    ("procurement", "งานพัสดุ"),
    ("it", "กลุ่มงานเทคโนโลยีสารสนเทศ"),
    ("director", "สาธารณสุขอำเภอ"),
)


def _pdf(text):
    """A one-page PDF whose text layer carries `text` (ASCII, so any reader gets it back)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})  # fmt: skip
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("ascii"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _jpeg(seed):
    """A small JPEG unique to `seed` (files are stored by content: each office's must be its own)."""
    from PIL import Image

    image = Image.new("RGB", (64, 48), (seed % 256, (seed // 256) % 256, 90))
    out = io.BytesIO()
    image.save(out, "JPEG")
    return out.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


@dataclass
class Side:
    """One office's records, by name, for filling URL keyword arguments."""

    office: Office
    token: str
    marker: str
    people: dict = field(default_factory=dict)
    obj: dict = field(default_factory=dict)


class World:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def side(self, office):
        return self.a if office.pk == self.a.office.pk else self.b


def _office(slug, name, hostname):
    office = Office.objects.create(slug=slug, name_th=name, address=f"ที่ตั้งของ{name}", hostname=hostname,
                                   email=f"{slug}@example.go.th", phone="0 5476 1234")  # fmt: skip
    for code, unit_name in UNITS:
        Unit.objects.create(office=office, code=code, name_th=f"{unit_name} ({slug})")
    return office


def _people(office, prefix):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    people = {}
    for role, (unit_code, groups) in ROLES.items():
        person = Staff.objects.create_user(
            username=f"{prefix}-{role}", password=PASSWORD, office=office, email=f"{prefix}-{role}@example.go.th",
            unit=Unit.objects.get(office=office, code=unit_code), first_name=f"{role}{prefix}", last_name="ทดสอบ",
            position=f"ตำแหน่ง {role}",
        )  # fmt: skip
        for name in groups:
            person.groups.add(Group.objects.get_or_create(name=name)[0])
        TOTPDevice.objects.create(user=person, name="authenticator", confirmed=True)
        people[role] = person
    return people


def build_side(office, prefix, clock_now):
    """Every kind of record of one office, each text carrying the office's marker."""
    from khaosan.audit import traffic
    from khaosan.eservice import services as eservice
    from khaosan.eservice.models import EvaluationProfile, UnitHead
    from khaosan.org import services as org_services
    from khaosan.participation import services as participation
    from khaosan.participation.models import Stream
    from khaosan.procurement import services as procurement
    from khaosan.reports import services as reports
    from khaosan.reports.periods import quarter_period
    from khaosan.workflow import selectors as wf_selectors
    from khaosan.workflow import services as wf
    from khaosan.workflow.models import Notification

    token = f"{prefix}leak{secrets.token_hex(4)}"
    marker = f"ลับเฉพาะ{'เอ' if prefix == 'a' else 'บี'}-{token}"
    side = Side(office=office, token=token, marker=marker)
    people = side.people = _people(office, prefix)
    o = side.obj
    seed = int(token[-8:], 16)
    topic = Topic.objects.get

    def pdf(label):
        return upload(f"{label}.pdf", _pdf(f"file {token}"))  # the token in the content, not in the URL

    # --- The catalog: published with a PDF and an image, in several topics; scheduled, expired, withdrawn, draft.
    hour = dt.timedelta(hours=1)
    o["item"] = item_create(
        office=office, topic=topic(code="general-news"), title=f"ข่าว {marker}", summary=f"สรุป {marker}",
        body=f"<p>เนื้อหา {marker}</p>", status=Item.Status.PUBLISHED, publish_at=clock_now - hour,
        files=[pdf("ประกาศ"), upload("ภาพ.jpg", _jpeg(seed))],
    )  # fmt: skip
    o["pdf"] = o["item"].attachments.get(extension="pdf")
    o["image"] = o["item"].attachments.exclude(extension="pdf").get()
    o["announcement"] = item_create(
        office=office, topic=topic(code="job-announcements"), title=f"ประกาศรับสมัคร {marker}",
        status=Item.Status.PUBLISHED, publish_at=clock_now - 2 * hour, files=[pdf("รับสมัคร")],
    )  # fmt: skip
    o["procurement_item"] = item_create(
        office=office, topic=topic(code="procurement-summary"), title=f"สรุปผลจัดซื้อ {marker}",
        status=Item.Status.PUBLISHED, publish_at=clock_now - 3 * hour, data_from=dt.date(2026, 4, 1),
        data_to=dt.date(2026, 4, 30),
    )  # fmt: skip
    o["scheduled"] = item_create(
        office=office, topic=topic(code="general-news"), title=f"ข่าวล่วงหน้า {marker}",
        status=Item.Status.PUBLISHED, publish_at=clock_now + dt.timedelta(days=10), files=[pdf("ล่วงหน้า")],
    )  # fmt: skip
    o["expired"] = item_create(
        office=office, topic=topic(code="general-news"), title=f"ข่าวหมดอายุ {marker}", status=Item.Status.PUBLISHED,
        publish_at=clock_now - dt.timedelta(days=30), expire_at=clock_now - dt.timedelta(days=1),
        files=[pdf("หมดอายุ")],
    )  # fmt: skip
    o["withdrawn"] = item_create(
        office=office, topic=topic(code="general-news"), title=f"ข่าวถอน {marker}", status=Item.Status.PUBLISHED,
        publish_at=clock_now - dt.timedelta(days=3),
    )  # fmt: skip
    Office.objects.filter(pk=office.pk).update(changes_need_approval=False)
    office.refresh_from_db()
    item_withdraw(item=o["withdrawn"], actor=people["webmaster"], reason=f"ถอน {marker}")
    Office.objects.filter(pk=office.pk).update(changes_need_approval=True)
    office.refresh_from_db()
    o["draft_item"] = item_create(office=office, topic=topic(code="general-news"), title=f"ร่าง {marker}")

    # --- Publication requests in every state.
    def request(title, *, files=True, who="requester", **fields):
        fields = {"topic": topic(code="general-news"), "summary": f"สรุปคำขอ {marker}",
                  "source": "กลุ่มงานบริหารทั่วไป", "rights_confirmed": True, **fields}  # fmt: skip
        pub = wf.request_create(office=office, actor=people[who], title=f"{title} {marker}", **fields)
        if files:
            wf.request_file_add(pub_request=pub, actor=people[who], upload=pdf(title))
        return pub

    def submitted(title, **fields):
        pub = request(title, **fields)
        return wf.request_submit(pub_request=pub, actor=people["requester"])

    def decided(pub, *roles, verdict="approve", **reason):
        for role in roles:
            pub.refresh_from_db()
            pub = wf.request_decide(pub_request_id=pub.pk, actor=people[role], verdict=verdict,
                                    expected_step=pub.step, **reason)  # fmt: skip
        return pub

    o["request_draft"] = request("คำขอร่าง")
    o["request_file"] = o["request_draft"].files.get()
    o["request_submitted"] = submitted("คำขอรอพิจารณา")
    o["request_at_approver"] = decided(submitted("คำขอรออนุมัติ"), "reviewer")
    o["request_approved"] = decided(submitted("คำขออนุมัติแล้ว"), "reviewer", "approver")
    o["request_taken"] = decided(submitted("คำขอรับงานแล้ว"), "reviewer", "approver")
    wf.request_take(pub_request=o["request_taken"], actor=people["webmaster"])
    o["request_returned"] = decided(submitted("คำขอส่งกลับ"), "reviewer", verdict="return", reason_code="incomplete",
                                    reason=f"แก้ไข {marker}")  # fmt: skip
    o["request_refused"] = decided(submitted("คำขอไม่อนุมัติ"), "reviewer", verdict="refuse", reason_code="not_mission",
                                   reason=f"ไม่อนุมัติ {marker}")  # fmt: skip
    o["request_cancelled"] = request("คำขอยกเลิก")
    wf.request_cancel(pub_request=o["request_cancelled"], actor=people["requester"])
    published = decided(submitted("คำขอเผยแพร่แล้ว"), "reviewer", "approver")
    report = wf_selectors.redaction_report(published)
    o["request_published"] = wf.request_publish(
        pub_request_id=published.pk, actor=people["webmaster"], redaction=report,
        redaction_checked=not report.complete, **wf.item_fields_from(published),
    )  # fmt: skip
    o["published_item"] = o["request_published"].item

    # --- Notifications and a delegation.
    o["notification"] = Notification.objects.create(
        recipient=people["requester"], subject=f"แจ้ง {marker}", message=f"ข้อความ {marker}", url="/backoffice/"
    )
    o["delegation"] = org_services.delegation_create(
        office=office, actor=people["admin"], role="approver", delegator=people["approver"],
        delegate=people["head"], starts_on=clock_now.date(), ends_on=clock_now.date() + dt.timedelta(days=5),
        reason=f"ลาราชการ {marker}",
    )  # fmt: skip

    # --- Procurement: the May summary, the year's plan and a quarter.
    o["month"] = procurement.summary_save(office=office, actor=people["officer"], month=dt.date(2026, 5, 1), entries=[{
        "work": f"ซื้อวัสดุ {marker}", "budget_kind": "operating", "budget": Decimal("12500.00"),
        "reference_price": Decimal("12500.00"), "method": "specific", "agreed_price": Decimal("12000.00"),
        "reason": f"เหตุผล {marker}", "contract_number": f"ใบสั่งซื้อ {token}", "contract_date": dt.date(2026, 5, 8),
        "egp_number": "", "bids": [{"vendor": f"ร้าน {marker}", "tax_id": "0553550000125",
                                    "price": Decimal("12000.00"), "selected": True}],
    }])  # fmt: skip
    o["plan"] = procurement.plan_save(office=office, actor=people["officer"], fiscal_year_be=2569,
                                      allocation_date=dt.date(2025, 10, 15))  # fmt: skip
    o["quarter"] = procurement.quarter_save(
        plan=o["plan"], actor=people["officer"], quarter=2, note=f"หมายเหตุ {marker}",
        operating_planned_count=3, operating_planned_amount=Decimal("1000.00"), operating_actual_count=2,
        operating_actual_amount=Decimal("900.00"), investment_planned_count=0, investment_planned_amount=Decimal("0"),
        investment_actual_count=0, investment_actual_amount=Decimal("0"),
    )  # fmt: skip

    # --- The staff evaluation: unit heads, a round, an agreement with evidence.
    admin_unit = Unit.objects.get(office=office, code="admin")
    UnitHead.objects.create(unit=admin_unit, head=people["head"])
    UnitHead.objects.create(unit=Unit.objects.get(office=office, code="it"), head=people["reviewer"])
    for person in (people["head"], people["reviewer"]):
        EvaluationProfile.objects.create(staff=person, evaluator=people["approver"])
    EvaluationProfile.objects.create(staff=people["approver"], excluded=True)
    o["round"] = eservice.round_open(office=office, actor=people["admin"], fiscal_year=2569, number=2)
    appraisal = o["round"].appraisals.get(staff=people["requester"])
    eservice.agreement_save(appraisal=appraisal, actor=appraisal.staff, indicators=[
        {"title": f"ตัวชี้วัด {marker}", "weight": 100, "criteria": ["1", "2", "3", "4", "5"]},
    ], competencies=[{"kind": "core", "name": f"สมรรถนะ {marker}", "expected_level": 2}])  # fmt: skip
    eservice.agreement_submit(appraisal=appraisal, actor=appraisal.staff)
    eservice.agreement_decide(appraisal=appraisal, actor=appraisal.evaluator, agree=True)
    o["evidence"] = eservice.evidence_add(appraisal=appraisal, actor=appraisal.staff, upload=pdf("หลักฐาน"))
    appraisal.refresh_from_db()
    o["appraisal"] = appraisal

    # --- Participation: handlers, a complaint of each stream with a file, feedback, a question made an FAQ.
    participation.handler_add(office=office, actor=people["admin"], staff=people["colleague"], stream=Stream.SERVICE)
    participation.handler_add(office=office, actor=people["admin"], staff=people["head"], stream=Stream.CORRUPTION)
    o["handler"] = office.participation_handlers.get(stream=Stream.SERVICE)
    filed = participation.complaint_file(
        office=office, stream=Stream.SERVICE, kind="delay", subject=f"ร้องเรียน {marker}",
        detail=f"รายละเอียดการร้องเรียน {marker} รอรับบริการนานเกินสามชั่วโมงโดยไม่มีผู้ใดแจ้งเหตุผล",
        name=f"นายผู้ร้อง {token}", phone="081 234 5678", email=f"citizen-{token}@example.com",
        address="12 หมู่ 4", files=[pdf("หลักฐานร้องเรียน")],
    )  # fmt: skip
    o["complaint"], o["complaint_code"] = filed.case, filed.code
    o["complaint_file"] = filed.case.files.get()
    participation.case_note(case=o["complaint"], actor=people["colleague"], text=f"บันทึก {marker}")
    filed = participation.complaint_file(
        office=office, stream=Stream.CORRUPTION, kind="bribery", subject=f"ทุจริต {marker}",
        detail=f"เจ้าหน้าที่เรียกเงิน {marker} เพื่อออกใบรับรองแพทย์ให้เร็วขึ้นเมื่อต้นเดือนนี้", anonymous=True,
    )  # fmt: skip
    o["corruption"] = filed.case
    o["feedback"] = participation.feedback_give(office=office, subject=f"ข้อเสนอแนะ {marker}",
                                                detail=f"ความคิดเห็น {marker}").case  # fmt: skip
    o["question"] = participation.question_ask(office=office, subject=f"คำถาม {marker}",
                                               detail=f"รายละเอียดคำถาม {marker}").case  # fmt: skip
    o["faq"] = participation.question_ask(office=office, subject=f"คำถามที่เผยแพร่ {marker}", detail="ถาม").case
    participation.question_publish(question=o["faq"], actor=people["colleague"], faq_question=f"คำถามพบบ่อย {marker}",
                                   faq_answer=f"คำตอบ {marker}")  # fmt: skip
    participation.satisfaction_give(office=office, score=4, comment=f"ความพึงพอใจ {marker}")

    # --- Trainings (with a certificate) and the performance report's own section.
    o["training"] = reports.training_record(
        office=office, actor=people["webmaster"], person=people["webmaster"], kind="training",
        title=f"อบรม {marker}", organiser=f"ผู้จัด {token}", starts_on=dt.date(2026, 2, 3), ends_on=dt.date(2026, 2, 4),
        hours=12, on_website=True, certificate=pdf("วุฒิบัตร"),
    )  # fmt: skip
    o["period"] = quarter_period(2569, 2)
    o["report"] = reports.report_prepare(office=office, actor=people["webmaster"], period=o["period"],
                                         problems=f"ปัญหา {marker}", suggestions=f"ข้อเสนอ {marker}")  # fmt: skip

    # --- The traffic log: a staff member's request and a visitor's search, both naming the marker.
    for username, user_id, path in ((people["requester"].username, people["requester"].pk, f"/backoffice/?q={token}"),
                                    ("", None, f"/search/?q={token}")):  # fmt: skip
        traffic.traffic_record_write(
            at=clock_now - dt.timedelta(minutes=5), address="192.0.2.10" if prefix == "a" else "198.51.100.7",
            port=50000, user_id=user_id, username=username, method="GET", path=path, status=200,
            response_bytes=100, duration_ms=5, user_agent=f"agent-{token}", request_id=secrets.token_hex(16),
        )  # fmt: skip
    return side


def build_world(clock_now):
    """Offices A (the default host) and B (other.example.go.th), A made first so it is the default office."""
    a = _office("banluang", "สำนักงานสาธารณสุขอำเภอบ้านหลวง", "")
    b = _office("other", "สำนักงานสาธารณสุขอำเภอเมือง", B_HOST)
    world = World(build_side(a, "a", clock_now), build_side(b, "b", clock_now))
    from khaosan.org import services as org_services

    # Each office lets one person of the other work in it (org/offices.py): a membership to try to end from
    # the wrong office, and a person of B who belongs to A without being one of the roles that try A's routes.
    for home, there in ((world.b, world.a), (world.a, world.b)):
        guest = Staff.objects.create_user(
            username=f"{home.office.slug}-guest", email=f"{home.office.slug}-guest@example.go.th", password=PASSWORD,
            office=home.office, unit=home.office.units.first(), first_name="แขก",
        )  # fmt: skip
        there.obj["membership"] = org_services.membership_grant(
            office=there.office, actor=there.people["admin"], username=guest.username, email=guest.email, roles=[]
        )
    return world
