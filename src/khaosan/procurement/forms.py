"""The month entry of แบบ สขร.1 (procurements with their bidders), the plan and the quarter's progress.

The month screen is a formset of procurements, each with a nested formset of bidders. It works without
scripts: "add" buttons post the page back and it is drawn again with what was typed and one more empty
row (`typed_initial`); a row is removed by ticking its box and saving. Every row after the first is
optional in the browser's eyes, so an empty row is simply left out; a row with anything typed in it is
checked in full and drawn again with its errors and what was typed.
"""

import datetime as dt
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from khaosan.procurement.amounts import baht, clean_tax_id, parse_baht
from khaosan.procurement.models import BudgetKind, Method
from khaosan.thai.dates import MONTHS_TH, be_year
from khaosan.thai.forms import NearDateField

# Reasons offices give most often (เหตุผลที่คัดเลือกโดยสรุป); offered as suggestions, any text is accepted.
REASON_SUGGESTIONS = (
    "เสนอราคาต่ำสุด และมีคุณสมบัติถูกต้องครบถ้วน",
    "เป็นผู้มีอาชีพขายหรือรับจ้างโดยตรง และเสนอราคาไม่เกินวงเงินงบประมาณ",
    "มีคุณสมบัติตรงตามที่กำหนด และเสนอราคาที่เหมาะสม",
    "ให้คะแนนรวมสูงสุดตามเกณฑ์ราคาประกอบคุณภาพ",
)
MAX_ROWS = 200  # a district office reports 3–20 procurements a month


class NoColon:
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class AmountField(forms.CharField):
    """Baht typed with or without thousands separators; drawn back as 12,500.00."""

    def __init__(self, *, allow_zero=False, **kwargs):
        self.allow_zero = allow_zero
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "class": "amount", "maxlength": 30}),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        return parse_baht(value, allow_zero=self.allow_zero)

    def prepare_value(self, value):
        return baht(value) if isinstance(value, (Decimal, int)) and not isinstance(value, bool) else value


class TaxIdField(forms.CharField):
    """เลขประจำตัวผู้เสียภาษี: 13 digits with the check digit, dashes and spaces allowed as typed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return clean_tax_id(value) if value not in self.empty_values else ""


def month_label(month):
    """'พฤษภาคม 2569'."""
    return f"{MONTHS_TH[month.month - 1]} {be_year(month.year)}"


def month_last_day(month):
    following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


class BidForm(NoColon, forms.Form):
    vendor = forms.CharField(label=_("ชื่อผู้เสนอราคา"), max_length=200)
    price = AmountField(label=_("ราคาที่เสนอ (บาท)"))
    tax_id = TaxIdField(label=_("เลขประจำตัวผู้เสียภาษี (13 หลัก)"), required=False,
                        help_text=_("ต้องกรอกสำหรับผู้ได้รับการคัดเลือก ไม่แสดงในแบบที่เผยแพร่"))  # fmt: skip
    selected = forms.BooleanField(label=_("ผู้ได้รับการคัดเลือก"), required=False)


class RowsFormSet(forms.BaseFormSet):
    """Rows that are all optional once posted: an empty row is left out, whatever the page said it had."""

    def initial_form_count(self):
        return 0 if self.is_bound else super().initial_form_count()

    def live_forms(self):
        """The rows that count: something typed, and not ticked for removal."""
        return [form for form in self.forms if form.has_changed() and not self._should_delete_form(form)]


BidFormSet = forms.formset_factory(BidForm, formset=RowsFormSet, extra=0, can_delete=True, max_num=MAX_ROWS,
                                   absolute_max=MAX_ROWS)  # fmt: skip


class EntryForm(NoColon, forms.Form):
    """One row of แบบ สขร.1; its bidders are the nested formset `self.bids`."""

    work = forms.CharField(label=_("งานที่จัดซื้อหรือจัดจ้าง"), max_length=300)
    budget_kind = forms.ChoiceField(label=_("ประเภทงบประมาณ"), choices=[("", _("— เลือก —")), *BudgetKind.choices])
    budget = AmountField(label=_("วงเงินที่จะซื้อหรือจ้าง (บาท)"))
    reference_price = AmountField(label=_("ราคากลาง (บาท)"))
    method = forms.ChoiceField(label=_("วิธีซื้อหรือจ้าง"), choices=[("", _("— เลือก —")), *Method.choices])
    agreed_price = AmountField(label=_("ราคาที่ตกลงซื้อหรือจ้าง (บาท)"))
    reason = forms.CharField(label=_("เหตุผลที่คัดเลือกโดยสรุป"), max_length=300,
                             widget=forms.TextInput(attrs={"list": "reason-suggestions"}))  # fmt: skip
    contract_number = forms.CharField(label=_("เลขที่สัญญาหรือใบสั่งซื้อ/สั่งจ้าง"), max_length=100)
    contract_date = NearDateField(label=_("วันที่ของสัญญาหรือข้อตกลง"))
    egp_number = forms.CharField(label=_("เลขที่โครงการ e-GP (ถ้ามี)"), max_length=30, required=False)

    def __init__(self, *args, month, **kwargs):
        self.month = month
        super().__init__(*args, **kwargs)
        self.bids = None

    def has_changed(self):
        return super().has_changed() or (self.bids is not None and self.bids.has_changed())

    def clean(self):
        data = super().clean()
        day = data.get("contract_date")
        if day and not (self.month <= day <= month_last_day(self.month)):
            self.add_error("contract_date", _("วันที่ของสัญญาต้องอยู่ในเดือน%(month)s ซึ่งเป็นเดือนของสรุปนี้") % {
                "month": month_label(self.month)})  # fmt: skip
        if not self.bids.is_valid():
            self.add_error(None, _("โปรดแก้ไขรายชื่อผู้เสนอราคาตามที่ระบุ"))
            return data
        live = self.bids.live_forms()
        if not live:
            self.add_error(None, _("โปรดระบุผู้เสนอราคาอย่างน้อย 1 ราย พร้อมราคาที่เสนอ"))
            return data
        selected = [bid for bid in live if bid.cleaned_data.get("selected")]
        if len(selected) != 1:
            self.add_error(None, _("โปรดทำเครื่องหมาย “ผู้ได้รับการคัดเลือก” ที่ผู้เสนอราคา 1 ราย"))
            return data
        winner = selected[0]
        if not winner.cleaned_data.get("tax_id"):
            winner.add_error("tax_id", _("โปรดกรอกเลขประจำตัวผู้เสียภาษี 13 หลักของผู้ได้รับการคัดเลือก"))
            self.add_error(None, _("โปรดแก้ไขรายชื่อผู้เสนอราคาตามที่ระบุ"))
        agreed, offered = data.get("agreed_price"), winner.cleaned_data.get("price")
        if agreed and offered and agreed > offered:
            self.add_error("agreed_price", _("ราคาที่ตกลงต้องไม่สูงกว่าราคาที่ผู้ได้รับการคัดเลือกเสนอ (%(price)s บาท)") % {
                "price": baht(offered)})  # fmt: skip
        return data


class BaseEntryFormSet(RowsFormSet):
    def __init__(self, data=None, *, month, initial=None, prefix="entry"):
        super().__init__(data, initial=initial, prefix=prefix, form_kwargs={"month": month})

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        initial = None if self.is_bound else (form.initial.get("bids") or [{}])
        form.bids = BidFormSet(self.data if self.is_bound else None, prefix=f"{form.prefix}-bid", initial=initial)
        return form

    def is_valid(self):
        valid = super().is_valid()  # cleans every row, and with it the row's bidders
        return valid and all(form.bids.is_valid() for form in self.live_forms())


EntryFormSet = forms.formset_factory(EntryForm, formset=BaseEntryFormSet, extra=0, can_delete=True,
                                     max_num=MAX_ROWS, absolute_max=MAX_ROWS)  # fmt: skip


class SummaryForm(NoColon, forms.Form):
    nil = forms.BooleanField(
        label=_("ไม่มีการจัดซื้อจัดจ้างในเดือนนี้"),
        required=False,
        help_text=_("เลือกเมื่อทั้งเดือนไม่มีการจัดซื้อจัดจ้าง แบบที่เผยแพร่จะระบุว่า “ไม่มีการจัดซื้อจัดจ้าง”"),
    )


def month_is_valid(summary_form, formset):
    """Check the page as a whole: a nil month has no rows, a month with rows is not nil."""
    valid = summary_form.is_valid() & formset.is_valid()
    if not valid:
        return False
    if summary_form.cleaned_data["nil"] and formset.live_forms():
        summary_form.add_error("nil", _("เดือนที่ระบุว่าไม่มีการจัดซื้อจัดจ้างต้องไม่มีรายการ โปรดนำรายการออก หรือเอาเครื่องหมายนี้ออก"))
        return False
    return True


def entries_data(formset):
    """The cleaned rows of a valid formset, each with its bidders, in the order they were typed."""
    rows = []
    for form in formset.live_forms():
        row = {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
        row["bids"] = [{k: v for k, v in bid.cleaned_data.items() if k != "DELETE"} for bid in form.bids.live_forms()]
        rows.append(row)
    return rows


def typed_initial(formset):
    """What was typed on a posted page, row by row, to draw it again unchecked (the "add" buttons)."""
    rows = []
    for form in formset.forms:
        row = {name: form[name].data for name in form.fields}
        row["bids"] = [{name: bid[name].data for name in bid.fields} for bid in form.bids.forms] or [{}]
        rows.append(row)
    return rows


def entries_initial(summary):
    """The saved rows of a summary, as the formset draws them."""
    rows = []
    for entry in summary.entries.all():
        row = {name: getattr(entry, name) for name in EntryForm.base_fields}
        row["bids"] = [{name: getattr(bid, name) for name in BidForm.base_fields} for bid in entry.bids.all()]
        rows.append(row)
    return rows


class PlanForm(NoColon, forms.Form):
    allocation_date = NearDateField(
        label=_("วันที่ได้รับจัดสรรงบประมาณ"),
        help_text=_("ตามหนังสือแจ้งจัดสรรงบประมาณ แผนต้องประกาศเผยแพร่ภายใน 30 วันทำการนับจากวันนี้"),
    )  # fmt: skip


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern); each is checked by the upload rules later."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.xls,.xlsx,.doc,.docx"}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(one, initial) for one in data] or super().clean(None, initial)
        return [super().clean(data, initial)]


class PlanFilesForm(NoColon, forms.Form):
    plan_files = MultipleFileField(
        label=_("ไฟล์แผนการจัดซื้อจัดจ้าง และหนังสือแจ้งจัดสรรงบประมาณ"),
        help_text=_("แผนทั้งงบดำเนินงานและงบลงทุน (PDF หรือ Excel จากระบบ e-GP) และสำเนาหนังสือแจ้งจัดสรรงบประมาณ"),
        error_messages={"required": _("โปรดเลือกไฟล์แผนการจัดซื้อจัดจ้างอย่างน้อย 1 ไฟล์")},
    )  # fmt: skip


class CountField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("widget", forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}))
        super().__init__(**kwargs)


class QuarterForm(NoColon, forms.Form):
    """Planned and actual procurements of one quarter, for both kinds of budget (MOIT4(2))."""

    operating_planned_count = CountField(label=_("งบดำเนินงาน: ตามแผน (รายการ)"))
    operating_planned_amount = AmountField(label=_("งบดำเนินงาน: ตามแผน (บาท)"), required=False, allow_zero=True)
    operating_actual_count = CountField(label=_("งบดำเนินงาน: ดำเนินการแล้ว (รายการ)"))
    operating_actual_amount = AmountField(label=_("งบดำเนินงาน: ดำเนินการแล้ว (บาท)"), required=False, allow_zero=True)
    investment_planned_count = CountField(label=_("งบลงทุน: ตามแผน (รายการ)"))
    investment_planned_amount = AmountField(label=_("งบลงทุน: ตามแผน (บาท)"), required=False, allow_zero=True)
    investment_actual_count = CountField(label=_("งบลงทุน: ดำเนินการแล้ว (รายการ)"))
    investment_actual_amount = AmountField(label=_("งบลงทุน: ดำเนินการแล้ว (บาท)"), required=False, allow_zero=True)
    note = forms.CharField(
        label=_("ปัญหา อุปสรรค และข้อเสนอแนะ"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    GROUPS = (("operating", BudgetKind.OPERATING.label), ("investment", BudgetKind.INVESTMENT.label))

    def clean(self):
        data = super().clean()
        for kind, _label in self.GROUPS:
            for part in ("planned", "actual"):
                count, amount = data.get(f"{kind}_{part}_count"), data.get(f"{kind}_{part}_amount")
                if count and amount is None:
                    self.add_error(f"{kind}_{part}_amount", _("โปรดกรอกจำนวนเงินของรายการที่ระบุ"))
                if amount and not count:
                    self.add_error(f"{kind}_{part}_count", _("โปรดระบุจำนวนรายการของจำนวนเงินนี้"))
                if amount is None:
                    data[f"{kind}_{part}_amount"] = Decimal("0.00")
        return data

    def groups(self):
        """The fields drawn per kind of budget, for the template."""
        return [
            {"label": label, "fields": [self[f"{kind}_{part}_{what}"] for part in ("planned", "actual")
                                         for what in ("count", "amount")]}
            for kind, label in self.GROUPS
        ]  # fmt: skip
