"""The demo office: the seed's own สำนักงานสาธารณสุขอำเภอบ้านหลวง, จังหวัดน่าน, its units and its people.

People are fictional. Every demo account shares DEMO_PASSWORD (printed by `./khaosan run` and given in
the README) so anyone can try every role; production has no such accounts.
"""

from decimal import Decimal

OFFICE = {
    "slug": "banluang",
    "name_th": "สำนักงานสาธารณสุขอำเภอบ้านหลวง",
    "name_en": "Ban Luang District Public Health Office",
    "short_name": "สสอ.บ้านหลวง",
    "parent_name": "สำนักงานสาธารณสุขจังหวัดน่าน กระทรวงสาธารณสุข",
    "address": "เลขที่ 99 หมู่ 3 ตำบลป่าคาหลวง\nอำเภอบ้านหลวง จังหวัดน่าน 55190",
    "address_en": "99 Moo 3, Pa Kha Luang Subdistrict\nBan Luang District, Nan 55190, Thailand",
    "phone": "0 5476 1234",
    "fax": "0 5476 1235",
    "email": "ssobanluang@example.go.th",
    "office_hours": "วันจันทร์ – วันศุกร์ เวลา 08.30 – 16.30 น. (เว้นวันหยุดราชการ)",
    "latitude": Decimal("18.853400"),
    "longitude": Decimal("100.441900"),
    "executive_name": "นายประเสริฐ วงศ์คำ",
    "executive_position": "สาธารณสุขอำเภอบ้านหลวง",
    "executive_phone": "08 1234 5670",
    "executive_message": (
        "สำนักงานสาธารณสุขอำเภอบ้านหลวงมุ่งมั่นเปิดเผยข้อมูลข่าวสารอย่างโปร่งใส ถูกต้อง และเป็นปัจจุบัน "
        "เพื่อให้ประชาชนตรวจสอบการทำงานของเราได้ทุกขั้นตอน"
    ),
}

# (code, kind, Thai name, English name, head, phone, e-mail, website)
UNITS = [
    ("director", "group", "สาธารณสุขอำเภอ", "District Health Officer", "นายประเสริฐ วงศ์คำ", "0 5476 1234", "", ""),
    ("admin", "group", "กลุ่มงานบริหารทั่วไป", "General Administration Group", "นางสุดารัตน์ ธรรมวงศ์", "0 5476 1236",
     "admin.banluang@example.go.th", ""),
    ("it", "group", "กลุ่มงานเทคโนโลยีสารสนเทศ", "Information Technology Group", "นายวิทยา อินทร์แก้ว", "0 5476 1237",
     "it.banluang@example.go.th", ""),
    ("procurement", "group", "งานพัสดุ", "Procurement", "นางสาวกัญญา ปัญญาดี", "0 5476 1238",
     "procure.banluang@example.go.th", ""),
    ("health-promotion", "group", "กลุ่มงานส่งเสริมสุขภาพและป้องกันโรค", "Health Promotion and Disease Prevention Group",
     "นางพรทิพย์ สุริยะ", "0 5476 1239", "hp.banluang@example.go.th", ""),
    ("consumer-protection", "group", "กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข", "Consumer Protection and Public Health Pharmacy Group",
     "นายอนุชา ไชยวงศ์", "0 5476 1240", "fda.banluang@example.go.th", ""),
    ("hpc-pakhaluang", "affiliate", "โรงพยาบาลส่งเสริมสุขภาพตำบลป่าคาหลวง", "Pa Kha Luang Subdistrict Health Promoting Hospital",
     "นางสาวรัตนา คำมา", "0 5476 2001", "", "https://pakhaluang.example.go.th/"),
    ("hpc-banfa", "affiliate", "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านฟ้า", "Ban Fa Subdistrict Health Promoting Hospital",
     "นายสมพงษ์ ใจเย็น", "0 5476 2002", "", "https://banfa.example.go.th/"),
    ("hpc-banphi", "affiliate", "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านพี้", "Ban Phi Subdistrict Health Promoting Hospital",
     "นางจันทร์เพ็ญ ศรีสุข", "0 5476 2003", "", "https://banphi.example.go.th/"),
    ("hpc-suat", "affiliate", "โรงพยาบาลส่งเสริมสุขภาพตำบลสวด", "Suat Subdistrict Health Promoting Hospital",
     "นายเอกชัย มณีวงศ์", "0 5476 2004", "", "https://suat.example.go.th/"),
    ("hospital", "external", "โรงพยาบาลบ้านหลวง", "Ban Luang Hospital", "", "0 5476 3000", "", "https://banluanghospital.example.go.th/"),
    ("pho-nan", "external", "สำนักงานสาธารณสุขจังหวัดน่าน", "Nan Provincial Public Health Office", "", "0 5471 0000", "",
     "https://nan.example.go.th/"),
]  # fmt: skip

DEMO_PASSWORD = "banluang-demo-2569"
# One TOTP secret (base32) for every demo account that must use a second factor, so anyone can try
# every role with an authenticator app. Production has no demo accounts.
DEMO_TOTP_SECRET = "KHAOSANDEMOBANLUANGNANPROVINCE23"

# (username, first name, last name, position, unit code, groups). The administrator is an office role like the
# others: nobody of the office is a superuser or reaches Django's admin.
STAFF = [
    ("admin", "ธีรพงษ์", "ศรีบุญเรือง", "นักวิชาการคอมพิวเตอร์ชำนาญการ", "it", ["administrator"]),
    ("webmaster1", "พิมพ์ชนก", "แก้วมณี", "นักวิชาการคอมพิวเตอร์ปฏิบัติการ", "it", ["webmaster"]),
    ("webmaster2", "ธนกร", "ปินตา", "เจ้าพนักงานธุรการชำนาญงาน", "it", ["webmaster"]),
    ("reviewer", "วิทยา", "อินทร์แก้ว", "หัวหน้ากลุ่มงานเทคโนโลยีสารสนเทศ", "it", ["reviewer"]),
    ("approver", "ประเสริฐ", "วงศ์คำ", "สาธารณสุขอำเภอบ้านหลวง", "director", ["approver"]),
    ("staff", "สุดารัตน์", "ธรรมวงศ์", "นักวิชาการสาธารณสุขชำนาญการ", "admin", ["requester"]),
    ("procurement", "กัญญา", "ปัญญาดี", "เจ้าพนักงานพัสดุชำนาญงาน", "procurement", ["requester"]),
    ("nurse", "รัตนา", "คำมา", "พยาบาลวิชาชีพชำนาญการ", "hpc-pakhaluang", ["requester"]),
    ("committee", "อรุณี", "สายสุข", "นักวิชาการสาธารณสุขชำนาญการพิเศษ", "health-promotion", ["committee"]),
]  # fmt: skip

# A platform operator (a superuser with no office): the only account Django's admin at /admin/ lets in.
# Same demo password and authenticator secret as the privileged staff.
OPERATOR = ("operator", "ผู้ดูแล", "แพลตฟอร์ม")
