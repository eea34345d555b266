"""Back-office forms. Labels and errors in Thai; every form re-shows what the person typed."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from khaosan.catalog.models import Topic
from khaosan.org.models import Delegation, Staff, Unit
from khaosan.org.roles import CHAIN_ROLES, Role
from khaosan.thai.forms import NEAR_YEARS, NearDateField, ThaiDateField, ThaiDateTimeField
from khaosan.workflow.models import Channel, PublicationRequest, ReasonCode, RequestFile, Verdict


class NoColon:
    """Thai forms label fields without a trailing colon."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class RichTextarea(forms.Textarea):
    """A textarea that the self-hosted editor (static/khaosan/editor.js) turns into a small rich-text editor."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 10, "data-editor": "rich", **(attrs or {})})


def text_to_html(value):
    """Plain text typed without the editor (no script) becomes paragraphs; HTML passes to the sanitizer."""
    value = (value or "").strip()
    if not value or "<" in value:
        return value
    from html import escape

    paragraphs = [p.strip() for p in value.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


def grouped_topic_choices():
    """The choices of a topic select, grouped by category; read when the select is drawn, not at import."""
    topics = (
        Topic.objects.filter(retired_at__isnull=True).select_related("category").order_by("category__order", "order")
    )
    groups = {}
    for topic in topics:
        groups.setdefault(topic.category, []).append((topic.pk, topic.name))
    return [("", _("— เลือกหัวข้อ —"))] + [(f"{c.number} {c.name}", options) for c, options in groups.items()]


class TopicChoiceField(forms.ModelChoiceField):
    """Topics grouped by category, e.g. '1.8 ข่าวประชาสัมพันธ์' › 'ประกาศรับสมัครงาน'."""

    def __init__(self, **kwargs):
        super().__init__(queryset=Topic.objects.filter(retired_at__isnull=True), **kwargs)
        self.widget.choices = grouped_topic_choices

    def label_from_instance(self, topic):
        return topic.name


class RequestWhatForm(NoColon, forms.ModelForm):
    """Step 1 — what: the title, a summary, the content."""

    class Meta:
        model = PublicationRequest
        fields = ["title", "summary", "body", "external_url"]
        labels = {
            "title": _("เรื่อง"),
            "summary": _("สรุปรายละเอียด (แสดงใต้ชื่อเรื่องและในผลการค้นหา)"),
            "body": _("เนื้อหา"),
            "external_url": _("ลิงก์ภายนอก (ถ้ามี)"),
        }
        help_texts = {
            "title": _("ชื่อเรื่องที่จะแสดงบนเว็บไซต์ เช่น “ประกาศรับสมัครลูกจ้างชั่วคราว ตำแหน่งพนักงานขับรถยนต์”"),
            "external_url": _("สำหรับหัวข้อเว็บลิงก์ หรือเมื่อเนื้อหาอยู่บนเว็บไซต์อื่น"),
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "body": RichTextarea()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = True
        self.fields["title"].error_messages["required"] = _("โปรดระบุเรื่อง")

    def clean_body(self):
        return text_to_html(self.cleaned_data.get("body"))


class RequestStartForm(RequestWhatForm):
    """Step 1 of a new request. A link from the ITA view may name the topic (?topic=<code>): kept in a hidden field."""

    topic_code = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        data["topic"] = self.chosen_topic
        data.pop("topic_code", None)
        return data

    @cached_property
    def chosen_topic(self):
        """The active topic the link named, or None: an unknown or retired code is simply left out."""
        code = (self["topic_code"].value() or "").strip()
        if not code:
            return None
        return Topic.objects.filter(code=code, retired_at__isnull=True).select_related("category").first()


class RequestWhereForm(NoColon, forms.ModelForm):
    """Step 2 — where: the category and topic, with each topic's description to help choose."""

    topic = TopicChoiceField(label=_("หัวข้อที่จะเผยแพร่"), required=False)

    class Meta:
        model = PublicationRequest
        fields = ["topic"]


class RequestWhenForm(NoColon, forms.ModelForm):
    """Step 3 — when: the period the data covers and the wished publication period."""

    class Meta:
        model = PublicationRequest
        fields = ["data_from", "data_to", "wish_from", "wish_until"]
        labels = {
            "data_from": _("ข้อมูลตั้งแต่วันที่"),
            "data_to": _("ข้อมูลถึงวันที่"),
            "wish_from": _("ต้องการให้เผยแพร่ตั้งแต่วันที่"),
            "wish_until": _("ต้องการให้เผยแพร่ถึงวันที่ (เว้นว่างถ้าไม่มีกำหนด)"),
        }
        field_classes = {"data_from": ThaiDateField, "data_to": ThaiDateField, "wish_from": NearDateField,
                         "wish_until": NearDateField}  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("data_from") and data.get("data_to") and data["data_to"] < data["data_from"]:
            self.add_error("data_to", _("วันที่สิ้นสุดของข้อมูลต้องไม่ก่อนวันที่เริ่มต้น"))
        if data.get("wish_from") and data.get("wish_until") and data["wish_until"] <= data["wish_from"]:
            self.add_error("wish_until", _("วันที่สิ้นสุดการเผยแพร่ต้องอยู่หลังวันที่เริ่มเผยแพร่"))
        return data


class RequestSourceForm(NoColon, forms.ModelForm):
    """Step 4 — source and rights (S-2.10)."""

    class Meta:
        model = PublicationRequest
        fields = ["source", "rights_confirmed", "requester_contact", "remarks"]
        labels = {
            "source": _("แหล่งที่มาของข้อมูล / เจ้าของข้อมูล"),
            "rights_confirmed": _("ข้าพเจ้ายืนยันว่าข้อความ รูปภาพ และไฟล์ที่ขอเผยแพร่ไม่ละเมิดลิขสิทธิ์ของผู้อื่น และได้ระบุแหล่งที่มาแล้ว"),
            "requester_contact": _("ข้อมูลติดต่อกลับ (โทรศัพท์ อีเมล)"),
            "remarks": _("หมายเหตุถึงผู้พิจารณา"),
        }
        help_texts = {"source": _("เช่น “กลุ่มงานบริหารทั่วไป สสอ.บ้านหลวง” หรือ “ราชกิจจานุเบกษา เล่ม 136 ตอนที่ 69 ก”")}
        widgets = {"remarks": forms.Textarea(attrs={"rows": 3})}


STEP_FORMS = {"what": RequestWhatForm, "where": RequestWhereForm, "when": RequestWhenForm, "source": RequestSourceForm}
STEP_TITLES = {
    "what": _("เรื่องและเนื้อหา"),
    "where": _("หมวดหมู่ที่จะเผยแพร่"),
    "when": _("ช่วงเวลา"),
    "source": _("แหล่งที่มาและลิขสิทธิ์"),
}


class RegisterForm(NoColon, forms.ModelForm):
    """A web master registers a request that arrived by letter, e-mail or another channel (S-2.1, S-1.10)."""

    topic = TopicChoiceField(label=_("หัวข้อที่จะเผยแพร่"), required=False)

    class Meta:
        model = PublicationRequest
        fields = [
            "channel", "letter_number", "letter_date", "requester_name", "requester_position", "requester_unit",
            "requester_contact", "title", "summary", "topic", "data_from", "data_to", "wish_from", "wish_until",
            "source", "rights_confirmed", "remarks",
        ]  # fmt: skip
        labels = {
            "channel": _("ได้รับคำขอทาง"),
            "requester_unit": _("หน่วยงานของผู้ขอ"),
            "requester_contact": _("ข้อมูลติดต่อกลับ (โทรศัพท์ อีเมล)"),
            "rights_confirmed": _("หนังสือนำส่งยืนยันว่าไม่ละเมิดลิขสิทธิ์และระบุแหล่งที่มาแล้ว"),
        }
        field_classes = {"letter_date": NearDateField, "data_from": ThaiDateField, "data_to": ThaiDateField,
                         "wish_from": NearDateField, "wish_until": NearDateField}  # fmt: skip
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "remarks": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = [c for c in Channel.choices if c[0] != Channel.ONLINE]
        self.fields["requester_unit"].queryset = Unit.objects.filter(office=office, is_active=True)
        for name in ("title", "requester_name"):
            self.fields[name].required = True
        self.fields["title"].error_messages["required"] = _("โปรดระบุเรื่อง")
        self.fields["requester_name"].error_messages["required"] = _("โปรดระบุชื่อผู้ขอ")

    def clean(self):
        data = super().clean()
        if data.get("channel") == Channel.LETTER and not data.get("letter_number"):
            self.add_error("letter_number", _("โปรดระบุเลขที่หนังสือ"))
        return data


class UploadForm(NoColon, forms.Form):
    file = forms.FileField(label=_("เลือกไฟล์"), error_messages={"required": _("โปรดเลือกไฟล์")})
    kind = forms.ChoiceField(choices=RequestFile.Kind.choices, initial=RequestFile.Kind.CONTENT, required=False)


class DecisionForm(NoColon, forms.Form):
    verdict = forms.ChoiceField(
        label=_("ผลการพิจารณา"), choices=Verdict.choices, widget=forms.RadioSelect,
        error_messages={"required": _("โปรดเลือกผลการพิจารณา")},
    )  # fmt: skip
    reason_code = forms.ChoiceField(
        label=_("เหตุผล (เมื่อส่งกลับหรือไม่อนุมัติ)"), choices=[("", "—"), *ReasonCode.choices], required=False
    )
    reason = forms.CharField(label=_("รายละเอียดเหตุผล"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    step = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("verdict") in (Verdict.RETURN, Verdict.REFUSE):
            if not data.get("reason_code"):
                self.add_error("reason_code", _("โปรดเลือกเหตุผลที่ส่งกลับแก้ไขหรือไม่อนุมัติ"))
            elif data["reason_code"] == ReasonCode.OTHER and not (data.get("reason") or "").strip():
                self.add_error("reason", _("โปรดระบุรายละเอียดเหตุผล"))
        return data


class ItemContentForm(NoColon, forms.Form):
    """What the public page of an item shows, with its provenance (S-G.2); publishing and editing add to it."""

    topic = TopicChoiceField(label=_("หัวข้อ"), error_messages={"required": _("โปรดเลือกหัวข้อ")})
    title = forms.CharField(label=_("ชื่อเรื่อง"), max_length=300, error_messages={"required": _("โปรดระบุชื่อเรื่อง")})
    summary = forms.CharField(label=_("สรุป"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    body = forms.CharField(label=_("เนื้อหา"), widget=RichTextarea(), required=False)
    external_url = forms.URLField(label=_("ลิงก์ภายนอก"), required=False, assume_scheme="https")
    owner_unit = forms.ModelChoiceField(
        label=_("เจ้าของข้อมูล"),
        queryset=Unit.objects.none(),
        error_messages={"required": _("โปรดเลือกหน่วยงานเจ้าของข้อมูล (S-G.2)")},
    )
    source = forms.CharField(label=_("แหล่งที่มา/อ้างอิง"), max_length=500,
                             error_messages={"required": _("โปรดระบุแหล่งที่มาของข้อมูล (S-G.2)")})  # fmt: skip
    data_from = ThaiDateField(label=_("ข้อมูลตั้งแต่วันที่"), required=False)
    data_to = ThaiDateField(label=_("ข้อมูลถึงวันที่"), required=False)
    expire_at = ThaiDateTimeField(label=_("วันเวลาที่นำออก (เว้นว่าง = ไม่มีกำหนด; ไม่ระบุเวลา = สิ้นวัน 23:59 น.)"),
                                  required=False, years=NEAR_YEARS, default_time=dt.time(23, 59))  # fmt: skip

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = Unit.objects.filter(office=office)

    def clean_body(self):
        return text_to_html(self.cleaned_data.get("body"))

    def clean(self):
        data = super().clean()
        publish_at, expire_at = data.get("publish_at"), data.get("expire_at")
        if expire_at and expire_at <= (publish_at or timezone.now()):
            self.add_error("expire_at", _("วันที่นำออกต้องอยู่หลังวันที่เผยแพร่"))
        if data.get("data_from") and data.get("data_to") and data["data_to"] < data["data_from"]:
            self.add_error("data_to", _("วันที่สิ้นสุดของข้อมูลต้องไม่ก่อนวันที่เริ่มต้น"))
        return data


class PublishForm(ItemContentForm):
    """The web master completes the metadata before publishing (S-2.3)."""

    publish_at = ThaiDateTimeField(
        label=_("วันเวลาที่เผยแพร่ (เว้นว่าง = เผยแพร่ทันที; ไม่ระบุเวลา = 08:30 น.)"), required=False,
        years=NEAR_YEARS, default_time=dt.time(8, 30),
    )  # fmt: skip
    redaction_note = forms.CharField(
        label=_("ตรวจแล้ว เผยแพร่ได้ เพราะ…"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("จำเป็นเมื่อระบบพบข้อมูลที่อาจเป็นข้อมูลส่วนบุคคล"),
    )  # fmt: skip
    redaction_checked = forms.BooleanField(
        label=_("ข้าพเจ้าเปิดตรวจส่วนที่ระบบตรวจอัตโนมัติไม่ได้ด้วยตนเองแล้ว ไม่มีข้อมูลส่วนบุคคลที่ต้องปกปิด"),
        required=False,
    )
    field_order = ["topic", "title", "summary", "body", "external_url", "owner_unit", "source", "data_from", "data_to",
                   "publish_at", "expire_at", "redaction_note", "redaction_checked"]  # fmt: skip

    def __init__(self, *args, redaction=None, **kwargs):
        """`redaction` (the personal-data check) decides which confirmations the web master sees."""
        super().__init__(*args, **kwargs)
        if redaction is not None and not redaction.findings:
            self.fields["redaction_note"].label = _("หมายเหตุการตรวจข้อมูลส่วนบุคคล (ถ้ามี)")
            self.fields["redaction_note"].help_text = ""
        if redaction is not None and redaction.complete:
            del self.fields["redaction_checked"]


class ItemEditForm(ItemContentForm):
    """A web master changes a published item directly (offices that do not require the chain for changes)."""

    note = forms.CharField(label=_("เหตุที่แก้ไข (เก็บในประวัติฉบับ)"), max_length=300,
                           error_messages={"required": _("โปรดระบุเหตุที่แก้ไข")})  # fmt: skip


class WithdrawForm(NoColon, forms.Form):
    reason = forms.CharField(
        label=_("เหตุผลที่ถอนการเผยแพร่"), widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("โปรดระบุเหตุผลที่ถอนการเผยแพร่")},
    )  # fmt: skip


class RequestFilterForm(NoColon, forms.Form):
    """The list filters; every field optional, bad values ignored with the field's error shown."""

    q = forms.CharField(label=_("ค้นหาเรื่องหรือผู้ขอ"), required=False)
    state = forms.ChoiceField(label=_("สถานะ"), required=False)
    unit = forms.ModelChoiceField(label=_("หน่วยงาน"), queryset=Unit.objects.none(), required=False)
    topic = TopicChoiceField(label=_("หัวข้อ"), required=False)
    channel = forms.ChoiceField(label=_("ช่องทาง"), choices=[("", _("ทุกช่องทาง")), *Channel.choices], required=False)
    date_from = NearDateField(label=_("สร้างตั้งแต่"), required=False)
    date_to = NearDateField(label=_("ถึง"), required=False)

    def __init__(self, *args, office, **kwargs):
        from khaosan.workflow.models import State

        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(office=office)
        self.fields["state"].choices = [
            ("", _("ทุกสถานะ")),
            ("open", _("ยังไม่เสร็จ")),
            ("late", _("เกินกำหนดเผยแพร่")),
            *State.choices,
        ]


class StaffForm(NoColon, forms.ModelForm):
    """An administrator invites or edits a member of staff and sets their roles."""

    roles = forms.MultipleChoiceField(
        label=_("บทบาท"), choices=Role.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = Staff
        fields = ["username", "first_name", "last_name", "email", "position", "unit", "phone"]
        labels = {"username": _("ชื่อผู้ใช้"), "first_name": _("ชื่อ (พร้อมคำนำหน้า)"), "last_name": _("นามสกุล"),
                  "email": _("อีเมล")}  # fmt: skip
        help_texts = {"username": _("ใช้เข้าสู่ระบบ ไม่เกิน 150 ตัวอักษร ใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข และเครื่องหมาย @ . + - _")}

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(office=office)
        self.fields["unit"].required = True
        self.fields["email"].required = True
        self.fields["unit"].error_messages["required"] = _("โปรดเลือกหน่วยงาน")
        self.fields["email"].error_messages["required"] = _("โปรดระบุอีเมล (ใช้ส่งลิงก์ตั้งรหัสผ่านและการแจ้งเตือน)")
        if self.instance.pk:
            self.fields["roles"].initial = list(self.instance.groups.values_list("name", flat=True))


class DelegationForm(NoColon, forms.ModelForm):
    class Meta:
        model = Delegation
        fields = ["role", "delegator", "delegate", "starts_on", "ends_on", "reason"]
        field_classes = {"starts_on": NearDateField, "ends_on": NearDateField}

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"] = forms.ChoiceField(label=_("บทบาทที่มอบ"), choices=[(r.value, r.label) for r in CHAIN_ROLES])
        people = Staff.objects.filter(office=office, is_active=True).order_by("first_name")
        self.fields["delegator"].queryset = people
        self.fields["delegate"].queryset = people
        self.fields["starts_on"].initial = timezone.localdate()
        self.fields["ends_on"].initial = timezone.localdate() + dt.timedelta(days=7)

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น"))
        if data.get("delegator") and data.get("delegate") and data["delegator"] == data["delegate"]:
            self.add_error("delegate", _("ผู้รับมอบต้องเป็นคนละคนกับผู้มอบ"))
        return data


class OfficeSettingsForm(NoColon, forms.Form):
    chain = forms.ChoiceField(
        label=_("ลำดับการพิจารณาคำขอ"),
        choices=[
            ("reviewer,approver", _("หัวหน้ากลุ่มงานที่ดูแลเว็บไซต์ แล้วผู้บริหารสูงสุด (ค่าเริ่มต้นตามกรอบแนวทาง)")),
            ("approver", _("ผู้บริหารสูงสุดเท่านั้น")),
            ("reviewer", _("หัวหน้ากลุ่มงานที่ดูแลเว็บไซต์เท่านั้น")),
        ],
    )
    publish_deadline_days = forms.IntegerField(label=_("ต้องเผยแพร่ภายใน (วันทำการหลังอนุมัติ)"), min_value=1, max_value=30)
    changes_need_approval = forms.BooleanField(
        label=_("การถอนหรือแทนที่รายการที่เผยแพร่แล้วต้องผ่านลำดับการพิจารณา"), required=False
    )


class ClosureForm(NoColon, forms.Form):
    date = NearDateField(label=_("วันที่ปิดทำการ"))
    reason = forms.CharField(label=_("เหตุผล"), max_length=200)


class MembershipForm(NoColon, forms.Form):
    """An administrator lets a person from another office work in this one, named by two facts they give."""

    username = forms.CharField(label=_("ชื่อผู้ใช้ของบุคคลนั้น"), max_length=150,
                               error_messages={"required": _("โปรดกรอกชื่อผู้ใช้")})  # fmt: skip
    email = forms.EmailField(label=_("อีเมลของบุคคลนั้น"), error_messages={
        "required": _("โปรดกรอกอีเมล"), "invalid": _("โปรดกรอกอีเมลให้ถูกรูปแบบ เช่น name@example.go.th")})  # fmt: skip
    unit = forms.ModelChoiceField(label=_("หน่วยงานในสำนักงานนี้"), queryset=Unit.objects.none(), required=False,
                                  empty_label=_("— ไม่ระบุ —"))  # fmt: skip
    roles = forms.MultipleChoiceField(
        label=_("บทบาทในสำนักงานนี้"), choices=Role.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(office=office, is_active=True)
