"""The demo's province: the district office sits under a provincial health office, which oversees it.

The demo administrator (`admin`) is also on the provincial office's staff, as a committee member, so the
office chooser and the provincial view can be tried with the demo's own accounts (README).
"""

from django.db import transaction

from khaosan.demo.office import DEMO_PASSWORD
from khaosan.org import services
from khaosan.org.models import Office, Staff
from khaosan.org.roles import Role

PROVINCE = {
    "slug": "nan-province",
    "name_th": "สำนักงานสาธารณสุขจังหวัดน่าน",
    "name_en": "Nan Provincial Public Health Office",
    "address": "เลขที่ 1 ถนนสุมนเทวราช ตำบลในเวียง อำเภอเมืองน่าน จังหวัดน่าน 55000",
    "hostname": "province.localhost",
    "phone": "0 5471 0000",
    "email": "nanpho@example.go.th",
}
# The demo accounts this module adds (user names are Latin letters, as every demo account's).
USERNAMES = ("province", "thawangpha")
NEIGHBOUR = {
    "slug": "thawangpha",
    "name_th": "สำนักงานสาธารณสุขอำเภอท่าวังผา",
    "name_en": "Tha Wang Pha District Public Health Office",
    "address": "ตำบลท่าวังผา อำเภอท่าวังผา จังหวัดน่าน 55140",
    "hostname": "thawangpha.localhost",
}


@transaction.atomic
def build_province(office):
    """Put `office` under the demo province with a neighbouring district; return the provincial office."""
    if Office.objects.filter(slug=PROVINCE["slug"]).exists():
        return Office.objects.get(slug=PROVINCE["slug"])
    province, head = services.office_create(**PROVINCE, admin={
        "username": "province", "email": "province@example.go.th", "first_name": "นายวีระ", "last_name": "ธรรมวงศ์"},
        system="demo")  # fmt: skip
    head.set_password(DEMO_PASSWORD)
    head.save(update_fields=["password"])
    from khaosan.demo.builder import enrol_demo_totp

    enrol_demo_totp(head)
    neighbour, _head = services.office_create(**NEIGHBOUR, parent=province, admin={
        "username": "thawangpha", "email": "thawangpha@example.go.th", "first_name": "นางสาวสุดา",
        "last_name": "คำปัน"}, system="demo")  # fmt: skip
    Office.objects.filter(pk=office.pk).update(parent=province)
    admin = Staff.objects.get(username="admin")
    services.membership_grant(office=province, actor=head, username=admin.username, email=admin.email,
                              roles=[Role.COMMITTEE], unit=province.units.get(code="it"))  # fmt: skip
    return province
