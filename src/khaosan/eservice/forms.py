"""Forms of the evaluation screens. Thai labels; a refused form is shown again with what the person typed."""

from decimal import Decimal

from django import forms
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext_lazy as _

from khaosan.backoffice.forms import NoColon
from khaosan.eservice import scoring
from khaosan.eservice.models import Appraisal, AppraisalRound, Competency, StaffType
from khaosan.org.models import Staff
from khaosan.thai.dates import current_fiscal_year
from khaosan.thai.forms import NearDateField

LEVEL_CHOICES = [("", "—")] + [(n, str(n)) for n in range(1, scoring.LEVELS + 1)]
COMPETENCY_LEVEL_CHOICES = [("", "—")] + [(n, str(n)) for n in range(scoring.LEVELS + 1)]
EXPECTED_CHOICES = [("", "—")] + [(n, str(n)) for n in range(1, scoring.LEVELS + 1)]


def office_staff(office):
    return Staff.objects.filter(office=office, is_active=True).order_by("first_name", "last_name")


class RowsFormSet(BaseFormSet):
    """Every row is read, even one unchanged from what was shown: a row the person left alone is still theirs.

    (Django skips unchanged extra rows, which would drop kept rows whenever the count of shown rows is off.)
    """

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.empty_permitted = False
        return form


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        return person.display_name


# Rounds ----------------------------------------------------------------------------------------------------


class RoundOpenForm(NoColon, forms.Form):
    fiscal_year = forms.IntegerField(label=_("ปีงบประมาณ (พ.ศ.)"), min_value=2500, max_value=2700)
    number = forms.TypedChoiceField(label=_("รอบการประเมิน"), coerce=int, choices=AppraisalRound._meta.get_field(
        "number").choices)  # fmt: skip
    agreement_due = NearDateField(label=_("กำหนดจัดทำข้อตกลง"), required=False,
                                    help_text=_("เว้นว่างเพื่อใช้ค่าเริ่มต้น: 30 วันหลังเริ่มรอบ"))  # fmt: skip
    self_assessment_due = NearDateField(label=_("กำหนดประเมินตนเอง"), required=False,
                                          help_text=_("ค่าเริ่มต้น: 14 วันก่อนสิ้นรอบ"))  # fmt: skip
    assessment_due = NearDateField(label=_("กำหนดผู้ประเมินให้คะแนน"), required=False,
                                     help_text=_("ค่าเริ่มต้น: วันสิ้นรอบ"))  # fmt: skip
    acknowledgement_due = NearDateField(label=_("กำหนดรับทราบผล"), required=False,
                                          help_text=_("ค่าเริ่มต้น: 15 วันหลังสิ้นรอบ"))  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fiscal_year"].initial = current_fiscal_year()


class RoundDatesForm(NoColon, forms.ModelForm):
    class Meta:
        model = AppraisalRound
        fields = list(AppraisalRound.DUE_FIELDS)
        field_classes = dict.fromkeys(AppraisalRound.DUE_FIELDS, NearDateField)


# Settings, people, unit heads ------------------------------------------------------------------------------


class SettingsForm(NoColon, forms.Form):
    """Reminder days and, per staff type, the weights of the two parts (which must sum to 100)."""

    reminder_days = forms.IntegerField(label=_("เตือนล่วงหน้ากี่วันก่อนถึงกำหนดแต่ละขั้น"), min_value=0, max_value=60)

    def __init__(self, *args, settings_obj, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reminder_days"].initial = settings_obj.reminder_days
        for code, label in StaffType.choices:
            results = settings_obj.results_weight(code)
            self.fields[f"results_{code}"] = forms.IntegerField(
                label=_("%(type)s: น้ำหนักผลสัมฤทธิ์ของงาน") % {"type": label}, min_value=0, max_value=100,
                initial=results)  # fmt: skip
            self.fields[f"behaviour_{code}"] = forms.IntegerField(
                label=_("%(type)s: น้ำหนักพฤติกรรม/สมรรถนะ") % {"type": label}, min_value=0, max_value=100,
                initial=100 - results)  # fmt: skip

    def clean(self):
        data = super().clean()
        for code, label in StaffType.choices:
            results, behaviour = data.get(f"results_{code}"), data.get(f"behaviour_{code}")
            if results is not None and behaviour is not None and results + behaviour != 100:
                self.add_error(f"behaviour_{code}", _(
                    "%(type)s: น้ำหนักสองส่วนรวมกันได้ %(sum)s ต้องรวมเป็น 100 พอดี") % {
                    "type": label, "sum": results + behaviour})  # fmt: skip
        return data

    def weights(self):
        return {code: self.cleaned_data[f"results_{code}"] for code in StaffType.values}

    def type_rows(self):
        return [(label, self[f"results_{code}"], self[f"behaviour_{code}"]) for code, label in StaffType.choices]


class BandForm(NoColon, forms.Form):
    label = forms.CharField(label=_("ชื่อระดับ"), max_length=60, required=False)
    min = forms.DecimalField(label=_("คะแนนต่ำสุดของระดับ"), min_value=0, max_value=100, decimal_places=2,
                             required=False)  # fmt: skip


BandFormSet = formset_factory(BandForm, formset=RowsFormSet, extra=0, max_num=8)


def band_rows(formset):
    """The filled rows of the bands formset, as stored."""
    rows = []
    for form in formset.forms:
        label, minimum = form.cleaned_data.get("label", ""), form.cleaned_data.get("min")
        if label or minimum is not None:
            rows.append({"label": label, "min": str(minimum if minimum is not None else "")})
    return rows


class ProfileForm(NoColon, forms.Form):
    staff_type = forms.ChoiceField(label=_("ประเภทบุคลากร"), choices=StaffType.choices)
    evaluator = PersonChoiceField(label=_("ผู้ประเมิน"), queryset=Staff.objects.none(), required=False,
                                  empty_label=_("ค่าเริ่มต้น: หัวหน้าหน่วยงานของผู้รับการประเมิน"))  # fmt: skip
    supervisor = PersonChoiceField(label=_("ผู้บังคับบัญชาเหนือขึ้นไป"), queryset=Staff.objects.none(), required=False,
                                   empty_label=_("ค่าเริ่มต้น: ผู้ประเมินของผู้ประเมิน"))  # fmt: skip
    is_hr = forms.BooleanField(label=_("เป็นผู้ดูแลงานบุคคล (HR) ของการประเมิน: เห็นผลของทุกคน"), required=False)
    excluded = forms.BooleanField(label=_("ไม่ประเมินผู้นี้ในระบบนี้"), required=False)

    def __init__(self, *args, office, person, **kwargs):
        super().__init__(*args, **kwargs)
        others = office_staff(office).exclude(pk=person.pk)
        self.fields["evaluator"].queryset = others
        self.fields["supervisor"].queryset = others


class UnitHeadsForm(NoColon, forms.Form):
    def __init__(self, *args, units, heads, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = list(units)
        people = office_staff(office)
        for unit in self.units:
            head = heads.get(unit.pk)
            self.fields[f"unit_{unit.pk}"] = PersonChoiceField(
                label=unit.name_th, queryset=people, required=False, initial=head.pk if head else None,
                empty_label=_("ยังไม่ระบุ"), help_text=_("ชื่อในข้อมูลหน่วยงาน: %(name)s") % {"name": unit.head_name}
                if unit.head_name else "",
            )  # fmt: skip

    def heads(self):
        return [(unit, self.cleaned_data.get(f"unit_{unit.pk}")) for unit in self.units]


# The agreement ---------------------------------------------------------------------------------------------


class IndicatorForm(NoColon, forms.Form):
    title = forms.CharField(label=_("ตัวชี้วัด / ผลงานที่คาดหวัง"), max_length=300, required=False)
    weight = forms.IntegerField(label=_("น้ำหนัก (ร้อยละ)"), required=False, min_value=1, max_value=100)
    level_1 = forms.CharField(label=_("ระดับ 1"), max_length=300, required=False)
    level_2 = forms.CharField(label=_("ระดับ 2"), max_length=300, required=False)
    level_3 = forms.CharField(label=_("ระดับ 3"), max_length=300, required=False)
    level_4 = forms.CharField(label=_("ระดับ 4"), max_length=300, required=False)
    level_5 = forms.CharField(label=_("ระดับ 5"), max_length=300, required=False)

    def row(self):
        data = self.cleaned_data
        return {"title": data.get("title", ""), "weight": data.get("weight"),
                "criteria": [data.get(f"level_{n}", "") for n in range(1, scoring.LEVELS + 1)]}  # fmt: skip

    @property
    def criteria_fields(self):
        return [self[f"level_{n}"] for n in range(1, scoring.LEVELS + 1)]


class CompetencyForm(NoColon, forms.Form):
    kind = forms.ChoiceField(label=_("ประเภท"), choices=Competency.Kind.choices, initial=Competency.Kind.CORE)
    name = forms.CharField(label=_("สมรรถนะ"), max_length=200, required=False)
    expected_level = forms.TypedChoiceField(label=_("ระดับที่คาดหวัง"), choices=EXPECTED_CHOICES, coerce=int,
                                            empty_value=None, required=False)  # fmt: skip

    def row(self):
        data = self.cleaned_data
        return {"kind": data.get("kind"), "name": data.get("name", ""), "expected_level": data.get("expected_level")}


IndicatorFormSet = formset_factory(IndicatorForm, formset=RowsFormSet, extra=2, max_num=20)
CompetencyFormSet = formset_factory(CompetencyForm, formset=RowsFormSet, extra=2, max_num=20)

# OCSC core competencies (ว 20 / ก.พ. 2552), offered in a new agreement: the person sets the expected levels.
CORE_COMPETENCIES = (
    _("การมุ่งผลสัมฤทธิ์"),
    _("บริการที่ดี"),
    _("การสั่งสมความเชี่ยวชาญในงานอาชีพ"),
    _("การยึดมั่นในความถูกต้องชอบธรรม และจริยธรรม"),
    _("การทำงานเป็นทีม"),
)


def agreement_initial(appraisal):
    indicators = [
        {"title": i.title, "weight": i.weight, **{f"level_{n}": text for n, text in enumerate(i.criteria, start=1)}}
        for i in appraisal.indicators.all()
    ]
    competencies = [{"kind": c.kind, "name": c.name, "expected_level": c.expected_level}
                    for c in appraisal.competencies.all()]  # fmt: skip
    if not indicators and not competencies:
        competencies = [{"kind": Competency.Kind.CORE, "name": str(name), "expected_level": 1}
                        for name in CORE_COMPETENCIES]  # fmt: skip
    return indicators, competencies


# Levels ----------------------------------------------------------------------------------------------------


class LevelsForm(NoColon, forms.Form):
    """One level per indicator and per competency, for the self-assessment, the evaluator or the supervisor."""

    def __init__(self, *args, appraisal, attribute, with_notes=False, initial_from=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.appraisal, self.attribute = appraisal, attribute
        self.indicator_rows, self.competency_rows = [], []
        source = initial_from or attribute
        for indicator in appraisal.indicators.all():
            name = f"indicator_{indicator.pk}"
            self.fields[name] = forms.TypedChoiceField(
                label=_("ระดับของ “%(title)s”") % {"title": indicator.title}, choices=LEVEL_CHOICES, coerce=int,
                empty_value=None, required=False, initial=getattr(indicator, source),
            )  # fmt: skip
            note = None
            if with_notes:
                note = f"note_{indicator.pk}"
                self.fields[note] = forms.CharField(
                    label=_("ผลงานที่ทำได้ของ “%(title)s”") % {"title": indicator.title}, required=False,
                    widget=forms.Textarea(attrs={"rows": 2}), initial=indicator.self_note,
                )  # fmt: skip
            self.indicator_rows.append((indicator, self[name], self[note] if note else None))
        for competency in appraisal.competencies.all():
            name = f"competency_{competency.pk}"
            self.fields[name] = forms.TypedChoiceField(
                label=_("ระดับของ “%(name)s”") % {"name": competency.name}, choices=COMPETENCY_LEVEL_CHOICES,
                coerce=int, empty_value=None, required=False, initial=getattr(competency, source),
            )  # fmt: skip
            self.competency_rows.append((competency, self[name]))

    def indicator_levels(self):
        return {i.pk: self.cleaned_data.get(f"indicator_{i.pk}") for i, _f, _n in self.indicator_rows}

    def competency_levels(self):
        return {c.pk: self.cleaned_data.get(f"competency_{c.pk}") for c, _f in self.competency_rows}

    def notes(self):
        return {i.pk: self.cleaned_data.get(f"note_{i.pk}", "") for i, _f, note in self.indicator_rows if note}


class CommentForm(NoColon, forms.Form):
    comment = forms.CharField(label=_("ความเห็น"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PlanForm(NoColon, forms.Form):
    topic = forms.CharField(label=_("ความรู้/ทักษะ/สมรรถนะที่ต้องพัฒนา"), max_length=300, required=False)
    method = forms.CharField(label=_("วิธีการพัฒนา"), max_length=300, required=False)
    timeframe = forms.CharField(label=_("ช่วงเวลาที่ต้องการพัฒนา"), max_length=200, required=False)


PlanFormSet = formset_factory(PlanForm, formset=RowsFormSet, extra=2, max_num=12)


def plan_rows(formset):
    return [form.cleaned_data for form in formset.forms if form.cleaned_data]


class AgreementDecisionForm(NoColon, forms.Form):
    note = forms.CharField(label=_("สิ่งที่ต้องแก้ไข (เมื่อส่งกลับ)"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip


class ReviewForm(NoColon, forms.Form):
    verdict = forms.ChoiceField(label=_("ความเห็นของผู้บังคับบัญชาเหนือขึ้นไป"), choices=Appraisal.Review.choices,
                                widget=forms.RadioSelect, initial=Appraisal.Review.AGREE)  # fmt: skip
    reason = forms.CharField(label=_("เหตุผลที่ปรับคะแนน"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class RefusalForm(NoColon, forms.Form):
    communicated_on = NearDateField(label=_("วันที่แจ้งผลการประเมินให้ผู้รับการประเมินทราบ"))
    witness = PersonChoiceField(label=_("พยาน"), queryset=Staff.objects.none(), empty_label=_("เลือกพยาน"))
    note = forms.CharField(label=_("บันทึกของผู้ประเมิน"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, appraisal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["witness"].queryset = office_staff(appraisal.round.office).exclude(
            pk__in=[appraisal.staff_id, appraisal.evaluator_id])  # fmt: skip


class EvidenceForm(NoColon, forms.Form):
    file = forms.FileField(label=_("ไฟล์หลักฐาน"), error_messages={"required": _("โปรดเลือกไฟล์")})


def settings_bands_initial(settings_obj):
    rows = [{"label": row["label"], "min": Decimal(str(row["min"]))} for row in settings_obj.bands]
    return rows + [{} for _ in range(max(0, 7 - len(rows)))]
