"""Forms of the training records and of the report's own section. Labels and errors in Thai; every
form re-shows what the person typed (a chosen file cannot be kept by a browser: the error says so)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from khaosan.backoffice.forms import NoColon
from khaosan.catalog.files import allowed_extensions_text
from khaosan.org.models import Staff, Unit
from khaosan.reports.models import Training, TrainingKind, TrainingTopic
from khaosan.thai.dates import current_fiscal_year
from khaosan.thai.forms import NearDateField

DATE_ERROR = _("โปรดพิมพ์วันที่ให้ถูกต้อง เช่น 1/10/2569")


class TrainingForm(NoColon, forms.ModelForm):
    """One attendance. Administrators and web masters choose whose record it is; everyone else records their own."""

    person = forms.ModelChoiceField(label=_("ผู้เข้าร่วม"), queryset=Staff.objects.none(),
                                    error_messages={"required": _("โปรดเลือกผู้เข้าร่วม"),
                                                    "invalid_choice": _("โปรดเลือกผู้เข้าร่วมจากรายชื่อ")})  # fmt: skip
    topics = forms.MultipleChoiceField(
        label=_("ด้านที่เกี่ยวข้อง (ตามกรอบแนวทางข้อ 3.5)"), choices=TrainingTopic.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    certificate = forms.FileField(
        label=_("ไฟล์วุฒิบัตรหรือหลักฐาน (ถ้ามี)"), required=False,
        help_text=_("รับไฟล์ %(types)s ตรวจเนื้อไฟล์เหมือนไฟล์อื่นในระบบ") % {"types": allowed_extensions_text()},
    )  # fmt: skip
    remove_certificate = forms.BooleanField(label=_("นำไฟล์หลักฐานเดิมออก"), required=False)

    class Meta:
        model = Training
        fields = ["person", "kind", "title", "organiser", "venue", "held_by_office", "starts_on", "ends_on", "hours",
                  "topics", "notes", "certificate"]  # fmt: skip
        field_classes = {"starts_on": NearDateField, "ends_on": NearDateField}
        widgets = {
            "kind": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 3}),
            "hours": forms.NumberInput(attrs={"step": "0.5", "min": "0.5", "inputmode": "decimal"}),
        }
        help_texts = {
            "ends_on": _("เว้นว่างได้ถ้าจบภายในวันเดียว"),
            "held_by_office": _("เลือกเมื่อสำนักงานเป็นผู้จัด เช่น การแลกเปลี่ยนเรียนรู้ภายใน"),
            "organiser": _("เช่น สำนักงานสาธารณสุขจังหวัดน่าน, สำนักงานพัฒนารัฐบาลดิจิทัล (DGA)"),
        }
        error_messages = {
            "title": {"required": _("โปรดระบุหลักสูตรหรือหัวข้อที่เข้าร่วม")},
            "organiser": {"required": _("โปรดระบุหน่วยงานหรือผู้จัด")},
            "kind": {"required": _("โปรดเลือกประเภท: การฝึกอบรม หรือการแลกเปลี่ยนเรียนรู้")},
            "starts_on": {"required": _("โปรดระบุวันที่เริ่ม"), "invalid": DATE_ERROR},
            "ends_on": {"invalid": DATE_ERROR},
            "hours": {"required": _("โปรดระบุจำนวนชั่วโมง เช่น 6 หรือ 3.5"),
                      "invalid": _("โปรดระบุจำนวนชั่วโมงเป็นตัวเลข เช่น 6 หรือ 3.5"),
                      "max_digits": _("จำนวนชั่วโมงมากเกินไป โปรดตรวจสอบอีกครั้ง"),
                      "max_decimal_places": _("ระบุจำนวนชั่วโมงได้ทศนิยม 1 ตำแหน่ง เช่น 3.5"),
                      "max_whole_digits": _("จำนวนชั่วโมงมากเกินไป โปรดตรวจสอบอีกครั้ง")},
        }  # fmt: skip

    def __init__(self, *args, office, chooses_person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ends_on"].required = False
        self.fields["kind"].choices = TrainingKind.choices
        if chooses_person:
            people = Staff.objects.filter(office=office, is_active=True).select_related("unit")
            self.fields["person"].queryset = people.order_by("first_name", "last_name")
            self.fields["person"].label_from_instance = lambda p: f"{p} — {p.unit.name_th}" if p.unit_id else str(p)
        else:
            del self.fields["person"]
        if self.instance.pk:
            self.initial["topics"] = [t.value for t in self.instance.topics]
        if not (self.instance.pk and self.instance.certificate_id):
            del self.fields["remove_certificate"]

    def service_fields(self):
        """The cleaned data as the services take it (topics become the two flags)."""
        data = dict(self.cleaned_data)
        topics = set(data.pop("topics", []))
        data["on_website"] = TrainingTopic.WEBSITE in topics
        data["on_cyber_security"] = TrainingTopic.CYBER_SECURITY in topics
        return data

    def _post_clean(self):
        """The services check the record as a whole (dates, hours): the model's own checks would only repeat them."""


class TrainingFilterForm(NoColon, forms.Form):
    """Filters of the office's list; every field optional, values that name nothing are ignored."""

    fy = forms.TypedChoiceField(label=_("ปีงบประมาณ"), required=False, coerce=int)
    unit = forms.ModelChoiceField(label=_("หน่วยงาน"), queryset=Unit.objects.none(), required=False,
                                  empty_label=_("ทุกหน่วยงาน"))  # fmt: skip
    kind = forms.ChoiceField(label=_("ประเภท"), required=False, choices=[("", _("ทุกประเภท")), *TrainingKind.choices])
    topic = forms.ChoiceField(label=_("ด้าน"), required=False, choices=[("", _("ทุกด้าน")), *TrainingTopic.choices])
    q = forms.CharField(label=_("ค้นหาหลักสูตร ผู้จัด หรือชื่อ"), required=False)

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        current = current_fiscal_year()
        self.fields["fy"].choices = [("", _("ทุกปี"))] + [(y, str(y)) for y in range(current, current - 6, -1)]
        self.fields["unit"].queryset = Unit.objects.filter(office=office, is_active=True)


class ReportSectionForm(NoColon, forms.Form):
    """The report's own section: the seed's section 6, written by the web masters."""

    problems = forms.CharField(
        label=_("ปัญหาและอุปสรรค"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("ขึ้นบรรทัดใหม่สำหรับแต่ละข้อ ผู้บริหารรับทราบได้เมื่อมีข้อความในส่วนนี้"),
    )  # fmt: skip
    suggestions = forms.CharField(label=_("ข้อเสนอแนะ"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
