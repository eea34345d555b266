"""Forms of public participation. Public forms ask for as little as handling needs (PDPA s.22), say in Thai
what to fix, and keep what was typed when they come back with an error."""

import re
import secrets

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from khaosan.participation.models import STREAM_KINDS, Outcome, SatisfactionResponse, Stream
from khaosan.participation.ratelimit import HONEYPOT
from khaosan.thai.forms import NearDateField

_PHONE_DIGITS = re.compile(r"\d")
NULL_MESSAGE = _("ข้อความมีอักขระควบคุมที่ใช้ไม่ได้ (มักติดมาจากการคัดลอก) โปรดพิมพ์ข้อความนี้ใหม่")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


class NoColon:
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class LenientHidden(forms.CharField):
    """A hidden value the page set itself: whatever comes back is cut to size and kept from failing the form.

    A person cannot see or fix a hidden field, so a tampered one must not stop them with an error.
    """

    widget = forms.HiddenInput

    def __init__(self, *, max_chars, **kwargs):
        self.max_chars = max_chars
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        return (super().to_python(value) or "").replace("\x00", "")[: self.max_chars]


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; each is checked by the upload rules in the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("error_messages", {
            "invalid": _("ไฟล์ที่ส่งมาไม่ถูกต้อง โปรดเลือกไฟล์ใหม่"),
            "missing": _("ไม่ได้รับไฟล์ โปรดเลือกไฟล์ใหม่"),
            "empty": _("ไฟล์ที่เลือกว่างเปล่า (0 ไบต์) โปรดตรวจสอบไฟล์แล้วเลือกใหม่"),
        })  # fmt: skip
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


def _text(label, *, required=True, max_length=200, help_text="", required_message="", rows=None, **attrs):
    widget = forms.Textarea(attrs={"rows": rows, **attrs}) if rows else forms.TextInput(attrs=attrs)
    return forms.CharField(
        label=label, required=required, max_length=max_length, help_text=help_text, widget=widget,
        error_messages={
            "required": required_message or _("โปรดกรอกช่องนี้"),
            "max_length": _("ข้อความยาวเกิน %(limit_value)d ตัวอักษร (ขณะนี้ %(show_value)d) โปรดย่อให้สั้นลง"),
            "null_characters_not_allowed": NULL_MESSAGE,
        },
    )  # fmt: skip


def _email(help_text):
    return forms.EmailField(
        label=_("อีเมล (ไม่บังคับ)"), required=False, max_length=254, help_text=help_text,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
        error_messages={"invalid": _("รูปแบบอีเมลไม่ถูกต้อง โปรดตรวจสอบ เช่น name@example.com หรือเว้นว่างไว้"),
                        "max_length": _("อีเมลยาวเกินไป โปรดตรวจสอบ"), "null_characters_not_allowed": NULL_MESSAGE},
    )  # fmt: skip


class PublicForm(NoColon, forms.Form):
    """Every public form: the honeypot (ratelimit.py) and a key that makes a second post of the same form harmless."""

    submission_key = LenientHidden(max_chars=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = forms.CharField(
            label=_("ช่องนี้สำหรับตรวจโปรแกรมอัตโนมัติ โปรดเว้นว่าง"), required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )  # fmt: skip
        if not self.is_bound:
            self.initial.setdefault("submission_key", secrets.token_urlsafe(24))

    def clean_submission_key(self):
        value = self.cleaned_data.get("submission_key", "")
        return value if re.fullmatch(r"[A-Za-z0-9_-]{16,64}", value or "") else ""

    def visible_fields(self):
        return [f for f in super().visible_fields() if f.name != HONEYPOT]

    @property
    def honeypot(self):
        return self[HONEYPOT]


class ComplaintForm(PublicForm):
    """A complaint of one stream. The corruption stream allows anonymity (MOIT 9: protection of complainants)."""

    kind = forms.ChoiceField(label=_("ลักษณะของเรื่อง"), widget=forms.RadioSelect,
                             error_messages={"required": _("โปรดเลือกลักษณะของเรื่องที่ร้องเรียน"),
                                             "invalid_choice": _("โปรดเลือกลักษณะของเรื่องจากรายการ")})  # fmt: skip
    subject = _text(_("เรื่องที่ร้องเรียน"), required_message=_("โปรดระบุเรื่องที่ร้องเรียนสั้น ๆ เช่น “รอรับบริการนานเกิน 3 ชั่วโมง”"))
    detail = _text(
        _("รายละเอียด"), max_length=5000, rows=7,
        help_text=_("เล่าว่าเกิดอะไรขึ้น ที่ไหน เมื่อใด และใครเกี่ยวข้อง ยิ่งชัดเจนยิ่งตรวจสอบได้เร็ว"),
        required_message=_("โปรดเล่ารายละเอียดของเรื่อง อย่างน้อย 20 ตัวอักษร"),
    )  # fmt: skip
    happened_on = NearDateField(label=_("วันที่เกิดเหตุ (ไม่บังคับ)"), required=False)
    concerned = _text(_("ผู้ถูกร้องเรียนหรือหน่วยงานที่เกี่ยวข้อง (ไม่บังคับ)"), required=False, max_length=300)
    files = MultipleFileField(
        label=_("ไฟล์หลักฐาน (ไม่บังคับ)"), required=False,
        help_text=_("ไม่เกิน 3 ไฟล์ ไฟล์ละไม่เกิน 10 MB ชนิด pdf, doc, docx, xls, xlsx, jpg, png, zip, rar "
                    "หากแบบฟอร์มแจ้งให้แก้ไขข้อมูล โปรดเลือกไฟล์อีกครั้ง"),
    )  # fmt: skip
    anonymous = forms.BooleanField(
        label=_("ไม่ประสงค์ออกนาม"), required=False,
        help_text=_("ไม่ต้องกรอกชื่อ โทรศัพท์ และที่อยู่ ท่านติดตามผลได้ด้วยรหัสติดตาม "
                    "เรื่องที่ไม่ระบุชื่อควรมีรายละเอียดและหลักฐานที่ตรวจสอบได้"),
    )  # fmt: skip
    name = _text(_("ชื่อ-นามสกุล"), required=False, autocomplete="name")
    phone = _text(_("โทรศัพท์ (ไม่บังคับ)"), required=False, max_length=30, autocomplete="tel", inputmode="tel")
    email = _email(_("ระบบส่งรหัสติดตามและแจ้งเมื่อมีความคืบหน้าทางอีเมลนี้ เว้นว่างได้"))
    address = _text(_("ที่อยู่ติดต่อกลับ (ไม่บังคับ)"), required=False, max_length=300, rows=2,
                    autocomplete="street-address")  # fmt: skip
    truthful = forms.BooleanField(
        label=_("ข้าพเจ้าขอยืนยันว่าข้อมูลที่แจ้งเป็นความจริง"),
        error_messages={"required": _("โปรดทำเครื่องหมายยืนยันว่าข้อมูลที่แจ้งเป็นความจริง")},
    )  # fmt: skip

    def __init__(self, *args, stream, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream
        self.fields["kind"].choices = [(k.value, k.label) for k in STREAM_KINDS[stream]]
        if stream == Stream.SERVICE:
            del self.fields["anonymous"]
            self.fields["name"].required = True
            self.fields["name"].error_messages["required"] = _("โปรดกรอกชื่อ-นามสกุล เพื่อให้สำนักงานตรวจสอบและติดต่อกลับได้")
        else:
            self.fields["name"].label = _("ชื่อ-นามสกุล (เว้นว่างได้เมื่อไม่ประสงค์ออกนาม)")
            self.fields["email"].help_text = _("ใช้แจ้งรหัสติดตามและความคืบหน้าเท่านั้น หากไม่ต้องการให้ระบุตัวตนได้ โปรดเว้นว่าง")

    def clean_detail(self):
        detail = self.cleaned_data["detail"].strip()
        if len(detail) < 20:
            raise forms.ValidationError(_("รายละเอียดสั้นเกินไป โปรดเล่าเพิ่มอีกเล็กน้อย อย่างน้อย 20 ตัวอักษร"))
        return detail

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").translate(_THAI_DIGITS).strip()
        if phone:
            digits = "".join(_PHONE_DIGITS.findall(phone))
            if not 9 <= len(digits) <= 10 or re.search(r"[^\d\s()+-]", phone):
                raise forms.ValidationError(_("หมายเลขโทรศัพท์ต้องเป็นตัวเลข 9–10 หลัก เช่น 081 234 5678 หรือเว้นว่างไว้"))
        return phone

    def clean_happened_on(self):
        day = self.cleaned_data.get("happened_on")
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("วันที่เกิดเหตุต้องไม่เป็นวันในอนาคต"))
        return day

    def clean(self):
        data = super().clean()
        if self.stream == Stream.CORRUPTION and not data.get("anonymous") and not (data.get("name") or "").strip():
            self.add_error("name", _("โปรดกรอกชื่อ-นามสกุล หรือทำเครื่องหมาย “ไม่ประสงค์ออกนาม”"))
        return data


class FeedbackForm(PublicForm):
    subject = _text(_("เรื่อง (ไม่บังคับ)"), required=False)
    detail = _text(_("ความคิดเห็นหรือข้อเสนอแนะ"), max_length=5000, rows=6,
                   required_message=_("โปรดพิมพ์ความคิดเห็นหรือข้อเสนอแนะของท่าน"))  # fmt: skip
    name = _text(_("ชื่อ (ไม่บังคับ)"), required=False, autocomplete="name")
    email = _email(_("ระบบส่งรหัสติดตามและแจ้งเมื่อสำนักงานตอบทางอีเมลนี้ เว้นว่างได้"))


class QuestionForm(PublicForm):
    subject = _text(_("คำถาม"), required_message=_("โปรดพิมพ์คำถามของท่าน"),
                    help_text=_("เช่น “ขอหนังสือรับรองแพทย์ได้ที่ใด ต้องใช้เอกสารอะไร”"))  # fmt: skip
    detail = _text(_("รายละเอียดเพิ่มเติม (ไม่บังคับ)"), required=False, max_length=3000, rows=4)
    name = _text(_("ชื่อ (ไม่บังคับ)"), required=False, autocomplete="name")
    email = _email(_("ระบบส่งรหัสติดตามและแจ้งเมื่อมีคำตอบทางอีเมลนี้ เว้นว่างได้"))


class StatusForm(NoColon, forms.Form):
    code = forms.CharField(
        label=_("รหัสติดตาม"), max_length=40,
        help_text=_("รหัส 12 ตัวอักษรที่ได้รับเมื่อแจ้งเรื่อง เช่น K7QM-2XHD-9RTB จะพิมพ์ขีดหรือไม่ก็ได้"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
        error_messages={"required": _("โปรดพิมพ์รหัสติดตามที่ได้รับเมื่อแจ้งเรื่อง"),
                        "max_length": _("รหัสติดตามยาว 12 ตัวอักษร โปรดตรวจอีกครั้ง"),
                        "null_characters_not_allowed": NULL_MESSAGE},
    )  # fmt: skip


SCORE_CHOICES = [(5, _("5 มากที่สุด")), (4, _("4 มาก")), (3, _("3 ปานกลาง")), (2, _("2 น้อย")), (1, _("1 น้อยที่สุด"))]


class SatisfactionForm(PublicForm):
    score = forms.TypedChoiceField(
        label=_("ท่านพึงพอใจเพียงใด"), choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect,
        error_messages={"required": _("โปรดเลือกระดับความพึงพอใจ 1 ถึง 5"),
                        "invalid_choice": _("โปรดเลือกระดับความพึงพอใจ 1 ถึง 5")},
    )  # fmt: skip
    found = forms.ChoiceField(
        label=_("ท่านได้รับข้อมูลหรือบริการที่ต้องการหรือไม่ (ไม่บังคับ)"), required=False, widget=forms.RadioSelect,
        choices=SatisfactionResponse.Found.choices, error_messages={"invalid_choice": _("โปรดเลือกจากตัวเลือกที่มี")},
    )  # fmt: skip
    service = forms.ChoiceField(label=_("เรื่องที่ประเมิน"), choices=SatisfactionResponse.Service.choices,
                                initial=SatisfactionResponse.Service.WEBSITE,
                                error_messages={"required": _("โปรดเลือกเรื่องที่ประเมิน"),
                                                "invalid_choice": _("โปรดเลือกเรื่องที่ประเมินจากรายการ")})  # fmt: skip
    comment = _text(_("ข้อเสนอแนะ (ไม่บังคับ)"), required=False, max_length=500, rows=3,
                    help_text=_("โปรดอย่าพิมพ์ชื่อ เลขบัตรประชาชน หรือข้อมูลส่วนตัว"))  # fmt: skip
    page = LenientHidden(max_chars=300)


# Back-office ----------------------------------------------------------------------------------------------


class NoteForm(NoColon, forms.Form):
    text = forms.CharField(label=_("บันทึกภายใน (ผู้แจ้งไม่เห็น)"), widget=forms.Textarea(attrs={"rows": 3}),
                           max_length=5000)  # fmt: skip


class ReplyForm(NoColon, forms.Form):
    text = forms.CharField(
        label=_("คำตอบถึงผู้แจ้ง"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000,
        help_text=_("ผู้แจ้งเห็นข้อความนี้ในหน้าติดตามสถานะ อีเมลแจ้งเตือนไม่มีเนื้อความ โปรดอย่าระบุข้อมูลส่วนบุคคลของผู้อื่น"),
    )  # fmt: skip


class CloseForm(NoColon, forms.Form):
    outcome = forms.ChoiceField(label=_("ผลการดำเนินการ"), choices=[("", "—"), *Outcome.choices], required=False)
    reply = forms.CharField(label=_("คำตอบสุดท้ายถึงผู้แจ้ง (เว้นว่างได้หากตอบแล้ว)"), required=False,
                            widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)  # fmt: skip

    def __init__(self, *args, with_outcome=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_outcome:
            del self.fields["outcome"]


class AssignForm(NoColon, forms.Form):
    assignee = forms.ModelChoiceField(label=_("มอบหมายให้"), queryset=None, empty_label="—")

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        from khaosan.org.models import Staff

        self.fields["assignee"].queryset = Staff.objects.filter(pk__in=[p.pk for p in people]).order_by("first_name")
        self.fields["assignee"].label_from_instance = lambda person: person.display_name


class PublishForm(NoColon, forms.Form):
    faq_question = forms.CharField(label=_("คำถามที่จะแสดง"), max_length=300,
                                   help_text=_("เขียนใหม่ได้ ไม่ใส่ชื่อหรือข้อมูลส่วนตัวของผู้ถาม"))  # fmt: skip
    faq_answer = forms.CharField(label=_("คำตอบที่จะแสดง"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)


class HandlerForm(NoColon, forms.Form):
    stream = forms.ChoiceField(label=_("ประเภทเรื่อง"), choices=Stream.choices)
    staff = forms.ModelChoiceField(label=_("เจ้าหน้าที่"), queryset=None, empty_label="—")

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        from khaosan.org.models import Staff

        self.fields["staff"].queryset = Staff.objects.filter(office=office, is_active=True).order_by("first_name")
        self.fields["staff"].label_from_instance = lambda person: person.display_name


class DeadlinesForm(NoColon, forms.Form):
    acknowledge_days = forms.IntegerField(label=_("รับเรื่องภายใน (วันทำการ)"), min_value=1, max_value=30)
    answer_days = forms.IntegerField(label=_("ตอบผู้แจ้งภายใน (วันทำการ)"), min_value=1, max_value=90)


class SummaryForm(NoColon, forms.Form):
    KINDS = [("quarter", _("รายไตรมาส")), ("half_year", _("รอบ 6 เดือน")), ("fiscal_year", _("รายปีงบประมาณ"))]

    kind = forms.ChoiceField(label=_("รอบรายงาน"), choices=KINDS, initial="quarter")
    fiscal_year = forms.IntegerField(label=_("ปีงบประมาณ (พ.ศ.)"), min_value=2560, max_value=2700)
    number = forms.IntegerField(label=_("ไตรมาสที่ / รอบที่"), min_value=1, max_value=4, required=False,
                                help_text=_("ไตรมาส 1–4 หรือรอบ 6 เดือนที่ 1–2; รายปีไม่ต้องระบุ"))  # fmt: skip

    def period(self):
        """The chosen Period, or None with an error on the form."""
        from khaosan.thai.dates import fiscal_year_bounds, period_of, quarter_bounds

        data = self.cleaned_data
        kind, year, number = data["kind"], data["fiscal_year"], data.get("number") or 1
        if kind == "fiscal_year":
            return period_of("fiscal_year", fiscal_year_bounds(year)[0])
        if kind == "half_year":
            if number not in (1, 2):
                self.add_error("number", _("รอบ 6 เดือนมีรอบที่ 1 และ 2 เท่านั้น"))
                return None
            return period_of("half_year", quarter_bounds(year, 1 if number == 1 else 3)[0])
        return period_of("quarter", quarter_bounds(year, number)[0])
