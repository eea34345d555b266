"""Writes of the evaluation system: rounds, the line, and each step of an appraisal (S-1.9, standards.md §6).

Each function checks first (AppraisalNotAllowed or ValidationError before anything is written), then
changes, records an audit row in the same transaction and tells the next person; e-mails leave after the
commit. Notices and audit rows never carry a person's scores: results are personal data (PERF-8).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from khaosan.audit.models import AuditCode
from khaosan.audit.services import record
from khaosan.catalog.files import inspect_upload
from khaosan.catalog.storage import atomic_with_files, store_blob
from khaosan.eservice import scoring, selectors
from khaosan.eservice.models import (
    Appraisal,
    AppraisalRound,
    Competency,
    DevelopmentPlanItem,
    EvaluationProfile,
    Evidence,
    Indicator,
    StaffType,
    UnitHead,
)
from khaosan.eservice.permissions import AppraisalNotAllowed, ensure, ensure_can_manage
from khaosan.org.models import Staff
from khaosan.thai.dates import ce_year, thai_date
from khaosan.workflow.notify import notify

S = Appraisal.State
# A competency's observed level may be 0 (the behaviour is not yet shown); an indicator's is 1–5 (PERF-3).
INDICATOR_LEVELS = range(1, scoring.LEVELS + 1)
COMPETENCY_LEVELS = range(scoring.LEVELS + 1)
EXPECTED_LEVELS = range(1, scoring.LEVELS + 1)
# Before each date of a round, how long the defaults leave (the administrator changes them when opening).
AGREEMENT_DAYS = 30  # the agreement is made at the start of the round (PERF-3)
SELF_ASSESSMENT_BEFORE_END_DAYS = 14
ACKNOWLEDGEMENT_AFTER_END_DAYS = 15
STATES_BEFORE_ASSESSMENT = (S.DRAFT, S.AGREEMENT_SUBMITTED, S.AGREED, S.SELF_ASSESSED)
STATES_BEFORE_REVIEW = (*STATES_BEFORE_ASSESSMENT, S.ASSESSED)


# Rounds ----------------------------------------------------------------------------------------------------


def round_period(fiscal_year, number):
    """PERF-1: round 1 is 1 Oct – 31 Mar, round 2 is 1 Apr – 30 Sep of the (B.E.) fiscal year."""
    end_year = ce_year(fiscal_year)
    if number == 1:
        return dt.date(end_year - 1, 10, 1), dt.date(end_year, 3, 31)
    return dt.date(end_year, 4, 1), dt.date(end_year, 9, 30)


def default_dates(fiscal_year, number):
    starts_on, ends_on = round_period(fiscal_year, number)
    return {
        "agreement_due": starts_on + dt.timedelta(days=AGREEMENT_DAYS),
        "self_assessment_due": ends_on - dt.timedelta(days=SELF_ASSESSMENT_BEFORE_END_DAYS),
        "assessment_due": ends_on,
        "acknowledgement_due": ends_on + dt.timedelta(days=ACKNOWLEDGEMENT_AFTER_END_DAYS),
    }


def _check_dates(starts_on, dates):
    ordered = [dates[name] for name in AppraisalRound.DUE_FIELDS]
    errors = {}
    if any(day is None for day in ordered):
        raise ValidationError(_("โปรดระบุกำหนดวันทั้ง 4 ขั้น"))
    if ordered[0] < starts_on:
        errors["agreement_due"] = _("กำหนดจัดทำข้อตกลงต้องไม่ก่อนวันเริ่มรอบ (%(day)s)") % {"day": thai_date(starts_on)}
    for name, before, after in zip(AppraisalRound.DUE_FIELDS[1:], ordered, ordered[1:], strict=False):
        if after < before:
            errors[name] = _("กำหนดวันต้องเรียงตามขั้น: ข้อตกลง ประเมินตนเอง ผู้ประเมินให้คะแนน แล้วจึงรับทราบผล")
    if errors:
        raise ValidationError(errors)


def _weights_for(config, staff_type):
    results = int(config.get("results_weights", {}).get(staff_type, scoring.DEFAULT_RESULTS_WEIGHT))
    return results, 100 - results


def _new_appraisal(round_, person, *, heads, profiles):
    """Start `person`'s appraisal in `round_` from their line; None when they are not evaluated here."""
    profile = profiles.get(person.pk) or EvaluationProfile(staff=person)
    if profile.excluded:
        return None
    evaluator = selectors.evaluator_of(person, heads=heads, profiles=profiles)
    if evaluator is None:
        return None
    supervisor = selectors.supervisor_of(person, evaluator=evaluator, heads=heads, profiles=profiles)
    results, behaviour = _weights_for(round_.config, profile.staff_type)
    return Appraisal.objects.create(
        round=round_, staff=person, evaluator=evaluator, supervisor=supervisor, staff_type=profile.staff_type,
        results_weight=results, behaviour_weight=behaviour,
    )  # fmt: skip


def _add_missing_appraisals(round_):
    office = round_.office
    have = set(round_.appraisals.values_list("staff_id", flat=True))
    heads = selectors.unit_heads(office)
    profiles = {p.staff_id: p for p in EvaluationProfile.objects.filter(staff__office=office)}
    created = []
    for person in Staff.objects.filter(office=office, is_active=True).exclude(pk__in=have).order_by("pk"):
        appraisal = _new_appraisal(round_, person, heads=heads, profiles=profiles)
        if appraisal is not None:
            created.append(appraisal)
    return created


def _tell_round_opened(round_, appraisals):
    facts = {"round": round_.label, "due": thai_date(round_.agreement_due)}
    for appraisal in appraisals:
        notify([appraisal.staff], pub_request=None, url=appraisal.get_absolute_url(),
               subject=_("เปิดรอบการประเมินแล้ว: %(round)s") % facts,
               message=_("โปรดจัดทำข้อตกลงการประเมินกับผู้ประเมินของท่านภายใน %(due)s") % facts)  # fmt: skip


@transaction.atomic
def round_open(*, office, actor, fiscal_year, number, **dates):
    """Open a round and start an appraisal for every person who has an evaluator (PERF-1, PERF-3)."""
    ensure_can_manage(actor, office)
    if number not in (1, 2):
        raise ValidationError({"number": _("รอบการประเมินมี 2 รอบต่อปีงบประมาณ: รอบที่ 1 หรือรอบที่ 2")})
    if AppraisalRound.objects.filter(office=office, fiscal_year=fiscal_year, number=number).exists():
        raise ValidationError(_("รอบที่ %(number)s ปีงบประมาณ %(year)s เปิดไว้แล้ว โปรดเลือกรอบอื่น") % {
            "number": number, "year": fiscal_year})  # fmt: skip
    starts_on, ends_on = round_period(fiscal_year, number)
    dates = {**default_dates(fiscal_year, number), **{k: v for k, v in dates.items() if v}}
    _check_dates(starts_on, dates)
    round_ = AppraisalRound.objects.create(
        office=office, fiscal_year=fiscal_year, number=number, starts_on=starts_on, ends_on=ends_on,
        config=selectors.settings_for(office).snapshot(), opened_by=actor, opened_at=timezone.now(),
        **{name: dates[name] for name in AppraisalRound.DUE_FIELDS},
    )  # fmt: skip
    created = _add_missing_appraisals(round_)
    record(actor, AuditCode.APPRAISAL_ROUND_OPENED, round_, appraisals=len(created),
           **{name: dates[name] for name in AppraisalRound.DUE_FIELDS})  # fmt: skip
    _tell_round_opened(round_, created)
    return round_


def _ensure_open_round(round_):
    if not round_.is_open:
        raise AppraisalNotAllowed(_("รอบการประเมินนี้ปิดแล้ว จึงแก้ไขไม่ได้"))


@transaction.atomic
def round_add_missing(*, round_, actor):
    """Start appraisals for people who joined (or got an evaluator) after the round opened."""
    ensure_can_manage(actor, round_.office)
    _ensure_open_round(round_)
    created = _add_missing_appraisals(round_)
    if created:
        record(actor, AuditCode.APPRAISAL_ROUND_CHANGED, round_, added=len(created))
        _tell_round_opened(round_, created)
    return created


@transaction.atomic
def round_update_dates(*, round_, actor, **dates):
    ensure_can_manage(actor, round_.office)
    _ensure_open_round(round_)
    _check_dates(round_.starts_on, dates)
    changed = {name: dates[name] for name in AppraisalRound.DUE_FIELDS if getattr(round_, name) != dates[name]}
    for name, value in changed.items():
        setattr(round_, name, value)
    if changed:
        round_.save(update_fields=list(changed))
        record(actor, AuditCode.APPRAISAL_ROUND_CHANGED, round_, **changed)
    return round_


@transaction.atomic
def round_close(*, round_, actor):
    """Close a round: every appraisal in it is locked as it stands, finished or not."""
    ensure_can_manage(actor, round_.office)
    round_ = AppraisalRound.objects.select_for_update(of=("self",)).get(pk=round_.pk)
    _ensure_open_round(round_)
    round_.state, round_.closed_by, round_.closed_at = AppraisalRound.State.CLOSED, actor, timezone.now()
    round_.save(update_fields=["state", "closed_by", "closed_at"])
    unfinished = round_.appraisals.exclude(state=S.ACKNOWLEDGED).count()
    record(actor, AuditCode.APPRAISAL_ROUND_CLOSED, round_, unfinished=unfinished)
    return round_


# Settings and the evaluation line --------------------------------------------------------------------------


@transaction.atomic
def settings_update(*, office, actor, bands, results_weights, reminder_days):
    """Change the bands and weights for rounds opened from now on; open and closed rounds keep theirs."""
    ensure_can_manage(actor, office)
    scoring.check_bands(bands)
    for code, weight in results_weights.items():
        if code not in StaffType.values or not 0 <= int(weight) <= 100:
            raise ValidationError(_("น้ำหนักผลสัมฤทธิ์ของงานต้องอยู่ระหว่าง 0 ถึง 100"))
    current = selectors.settings_for(office)
    before = None if current._state.adding else current.snapshot()
    current.bands = [{"label": row["label"].strip(), "min": str(row["min"])} for row in bands]
    current.results_weights = {code: int(results_weights.get(code, current.results_weight(code)))
                               for code in StaffType.values}  # fmt: skip
    current.reminder_days = reminder_days
    current.save()
    record(actor, AuditCode.APPRAISAL_SETTINGS_CHANGED, None, office=office, before=before, after=current.snapshot(),
           reminder_days=reminder_days)  # fmt: skip
    return current


def _refresh_open_lines(office):
    """Follow a change of the line in open rounds, for each step nobody has taken yet."""
    heads = selectors.unit_heads(office)
    profiles = {p.staff_id: p for p in EvaluationProfile.objects.filter(staff__office=office)}
    changed = 0
    open_appraisals = Appraisal.objects.filter(round__office=office, round__state=AppraisalRound.State.OPEN,
                                               state__in=STATES_BEFORE_REVIEW).select_related("staff")  # fmt: skip
    for appraisal in open_appraisals:
        evaluator = selectors.evaluator_of(appraisal.staff, heads=heads, profiles=profiles)
        fields = []
        if (
            appraisal.state in STATES_BEFORE_ASSESSMENT
            and evaluator is not None
            and evaluator.pk != appraisal.evaluator_id
        ):
            appraisal.evaluator = evaluator
            fields.append("evaluator")
        supervisor = selectors.supervisor_of(appraisal.staff, evaluator=appraisal.evaluator, heads=heads,
                                             profiles=profiles)  # fmt: skip
        if (supervisor.pk if supervisor else None) != appraisal.supervisor_id:
            appraisal.supervisor = supervisor
            fields.append("supervisor")
        if fields:
            appraisal.save(update_fields=fields)
            changed += 1
    return changed


def _same_office(office, *people):
    for person in people:
        if person is not None and (person.office_id != office.pk or not person.is_active):
            raise ValidationError(_("เลือกได้เฉพาะเจ้าหน้าที่ที่ใช้งานอยู่ของสำนักงานนี้"))


@transaction.atomic
def profile_update(*, person, actor, staff_type, is_hr, excluded, evaluator=None, supervisor=None):
    """Set a person's staff type, HR flag and, where it differs from the default, their evaluation line."""
    office = person.office
    ensure_can_manage(actor, office)
    _same_office(office, evaluator, supervisor)
    errors = {}
    if staff_type not in StaffType.values:
        errors["staff_type"] = _("โปรดเลือกประเภทบุคลากร")
    if evaluator is not None and evaluator.pk == person.pk:
        errors["evaluator"] = _("ผู้ประเมินต้องไม่ใช่ผู้รับการประเมินเอง")
    if supervisor is not None and supervisor.pk == person.pk:
        errors["supervisor"] = _("ผู้บังคับบัญชาเหนือขึ้นไปต้องไม่ใช่ผู้รับการประเมินเอง")
    effective = evaluator or selectors.evaluator_of(person)
    if supervisor is not None and effective is not None and supervisor.pk == effective.pk:
        errors["supervisor"] = _("ผู้บังคับบัญชาเหนือขึ้นไปต้องไม่ใช่คนเดียวกับผู้ประเมิน")
    if errors:
        raise ValidationError(errors)
    profile, _created = EvaluationProfile.objects.get_or_create(staff=person)
    profile.staff_type, profile.is_hr, profile.excluded = staff_type, is_hr, excluded
    profile.evaluator, profile.supervisor = evaluator, supervisor
    profile.save()
    followed = _refresh_open_lines(office)
    record(actor, AuditCode.APPRAISAL_LINE_CHANGED, person, office=office, staff_type=staff_type, is_hr=is_hr,
           excluded=excluded, evaluator=str(evaluator or ""), supervisor=str(supervisor or ""),
           open_appraisals_changed=followed)  # fmt: skip
    return profile


@transaction.atomic
def unit_head_set(*, unit, actor, head):
    """Name the head of a unit (by default the evaluator of its staff), or clear it with None."""
    ensure_can_manage(actor, unit.office)
    _same_office(unit.office, head)
    current = UnitHead.objects.filter(unit=unit).first()
    if (current.head_id if current else None) == (head.pk if head else None):
        return
    if head is None:
        UnitHead.objects.filter(unit=unit).delete()
    else:
        UnitHead.objects.update_or_create(unit=unit, defaults={"head": head})
    followed = _refresh_open_lines(unit.office)
    record(actor, AuditCode.APPRAISAL_LINE_CHANGED, unit, head=str(head or ""), open_appraisals_changed=followed)


# Signing, telling ------------------------------------------------------------------------------------------


def _sign(appraisal, key, person):
    """Keep who signed `key`, with their name and position as the records say now, and when."""
    appraisal.signatures = {**(appraisal.signatures or {}), key: {
        "name": person.get_full_name() or person.get_username(), "position": person.position,
        "at": timezone.now().isoformat(),
    }}  # fmt: skip


def _tell(people, appraisal, subject, message):
    facts = {"name": str(appraisal.staff), "round": appraisal.round.label}
    notify([p for p in people if p is not None], pub_request=None, url=appraisal.get_absolute_url(),
           subject=subject % facts, message=message % facts)  # fmt: skip


def _locked(appraisal):
    return Appraisal.objects.select_for_update(of=("self",)).select_related("round__office", "staff", "evaluator",
                                                                "supervisor").get(pk=appraisal.pk)  # fmt: skip


# The agreement (PERF-3) ------------------------------------------------------------------------------------


def _level(value, allowed, message):
    if value in (None, ""):
        return None
    try:
        level = int(value)
    except (TypeError, ValueError):
        raise ValidationError(message) from None
    if level not in allowed:
        raise ValidationError(message)
    return level


def clean_agreement(indicators, competencies):
    """Check the rows of an agreement; return them cleaned. Blank rows are dropped."""
    clean_indicators, clean_competencies, errors = [], [], []
    for number, row in enumerate(indicators, start=1):
        title = (row.get("title") or "").strip()
        criteria = [(text or "").strip() for text in (row.get("criteria") or [])][: scoring.LEVELS]
        criteria += [""] * (scoring.LEVELS - len(criteria))
        if not title and row.get("weight") in (None, "") and not any(criteria):
            continue
        if not title:
            errors.append(_("ตัวชี้วัดแถวที่ %(n)d ยังไม่มีชื่อ") % {"n": number})
        weight = _level(row.get("weight"), range(1, 101), _("น้ำหนักของตัวชี้วัดแถวที่ %(n)d ต้องเป็นจำนวนเต็ม 1–100") % {
            "n": number})  # fmt: skip
        if weight is None:
            errors.append(_("ตัวชี้วัดแถวที่ %(n)d ยังไม่มีน้ำหนัก") % {"n": number})
        clean_indicators.append({"title": title, "weight": weight or 0, "criteria": criteria})
    for number, row in enumerate(competencies, start=1):
        name = (row.get("name") or "").strip()
        if not name and row.get("expected_level") in (None, ""):
            continue
        if not name:
            errors.append(_("สมรรถนะแถวที่ %(n)d ยังไม่มีชื่อ") % {"n": number})
        expected = _level(row.get("expected_level"), EXPECTED_LEVELS,
                          _("ระดับที่คาดหวังของสมรรถนะแถวที่ %(n)d ต้องเป็น 1–5") % {"n": number})  # fmt: skip
        if expected is None:
            errors.append(_("สมรรถนะแถวที่ %(n)d ยังไม่มีระดับที่คาดหวัง") % {"n": number})
        kind = row.get("kind") or Competency.Kind.CORE
        if kind not in Competency.Kind.values:
            errors.append(_("ประเภทของสมรรถนะแถวที่ %(n)d ไม่ถูกต้อง") % {"n": number})
        clean_competencies.append({"name": name, "expected_level": expected or 1, "kind": kind})
    if errors:
        raise ValidationError(errors)
    if clean_indicators:
        scoring.check_indicator_weights([row["weight"] for row in clean_indicators])
    return clean_indicators, clean_competencies


def _replace_rows(appraisal, indicators, competencies):
    appraisal.indicators.all().delete()
    appraisal.competencies.all().delete()
    Indicator.objects.bulk_create(Indicator(appraisal=appraisal, order=order, **row)
                                  for order, row in enumerate(indicators))  # fmt: skip
    Competency.objects.bulk_create(Competency(appraisal=appraisal, order=order, **row)
                                   for order, row in enumerate(competencies))  # fmt: skip


@transaction.atomic
def agreement_save(*, appraisal, actor, indicators, competencies):
    """Keep a draft agreement. Indicator weights must sum to 100 whenever there is an indicator (PERF-3)."""
    appraisal = _locked(appraisal)
    ensure("edit_agreement", actor, appraisal)
    indicators, competencies = clean_agreement(indicators, competencies)
    _replace_rows(appraisal, indicators, competencies)
    appraisal.save(update_fields=["updated_at"])
    record(actor, AuditCode.APPRAISAL_SAVED, appraisal, stage="agreement", indicators=len(indicators),
           competencies=len(competencies))  # fmt: skip
    return appraisal


@transaction.atomic
def agreement_copy_previous(*, appraisal, actor):
    """Start this round's agreement from the person's last one (indicators, weights, criteria, competencies)."""
    appraisal = _locked(appraisal)
    ensure("edit_agreement", actor, appraisal)
    previous = selectors.previous_appraisal(appraisal)
    if previous is None:
        raise ValidationError(_("ไม่พบข้อตกลงของรอบก่อนหน้าที่จะคัดลอกได้"))
    indicators = [
        {"title": i.title, "weight": i.weight, "criteria": list(i.criteria)} for i in previous.indicators.all()
    ]
    competencies = [{"name": c.name, "expected_level": c.expected_level, "kind": c.kind}
                    for c in previous.competencies.all()]  # fmt: skip
    _replace_rows(appraisal, indicators, competencies)
    appraisal.save(update_fields=["updated_at"])
    record(actor, AuditCode.APPRAISAL_SAVED, appraisal, stage="agreement", copied_from=previous.pk)
    return previous


def agreement_missing(appraisal):
    """What an agreement still lacks before it goes to the evaluator, as Thai sentences."""
    indicators = list(appraisal.indicators.all())
    competencies = list(appraisal.competencies.all())
    missing = []
    if not indicators:
        missing.append(_("ตัวชี้วัดผลสัมฤทธิ์ของงานอย่างน้อย 1 ข้อ"))
    elif sum(i.weight for i in indicators) != 100:
        missing.append(_("น้ำหนักของตัวชี้วัดที่รวมกันได้ 100"))
    for indicator in indicators:
        if not all((text or "").strip() for text in indicator.criteria):
            missing.append(_("เกณฑ์ครบ 5 ระดับของตัวชี้วัด “%(title)s”") % {"title": indicator.title})
    if appraisal.behaviour_weight and not competencies:
        missing.append(_("สมรรถนะอย่างน้อย 1 ข้อ พร้อมระดับที่คาดหวัง"))
    return missing


@transaction.atomic
def agreement_submit(*, appraisal, actor):
    """The staff member signs the agreement and sends it to the evaluator."""
    appraisal = _locked(appraisal)
    ensure("submit_agreement", actor, appraisal)
    missing = agreement_missing(appraisal)
    if missing:
        raise ValidationError(_("ข้อตกลงยังขาด: %(missing)s โปรดเพิ่มแล้วส่งอีกครั้ง") % {"missing": ", ".join(missing)})
    appraisal.state, appraisal.agreement_submitted_at, appraisal.return_note = S.AGREEMENT_SUBMITTED, timezone.now(), ""
    _sign(appraisal, "agreement_staff", actor)
    appraisal.save()
    record(actor, AuditCode.APPRAISAL_AGREEMENT_SUBMITTED, appraisal)
    _tell([appraisal.evaluator], appraisal, _("ข้อตกลงการประเมินรอท่านเห็นชอบ: %(name)s"),
          _("%(name)s ส่งข้อตกลงการประเมิน %(round)s ให้ท่านพิจารณาเห็นชอบ"))  # fmt: skip
    return appraisal


@transaction.atomic
def agreement_decide(*, appraisal, actor, agree, note=""):
    """The evaluator signs the agreement, or sends it back to the staff member with a note."""
    appraisal = _locked(appraisal)
    ensure("decide_agreement", actor, appraisal)
    note = (note or "").strip()
    if agree:
        appraisal.state, appraisal.agreed_at = S.AGREED, timezone.now()
        _sign(appraisal, "agreement_evaluator", actor)
        appraisal.save()
        record(actor, AuditCode.APPRAISAL_AGREED, appraisal)
        _tell([appraisal.staff], appraisal, _("ผู้ประเมินเห็นชอบข้อตกลงการประเมินแล้ว: %(round)s"),
              _("ข้อตกลงการประเมิน %(round)s ของท่านได้รับความเห็นชอบแล้ว เมื่อถึงเวลาโปรดประเมินตนเองพร้อมแนบหลักฐาน"))  # fmt: skip
        return appraisal
    if not note:
        raise ValidationError({"note": _("โปรดระบุสิ่งที่ต้องแก้ไขในข้อตกลง เพื่อให้ผู้รับการประเมินแก้ได้ตรงจุด")})
    appraisal.state, appraisal.return_note = S.DRAFT, note
    appraisal.signatures = {k: v for k, v in (appraisal.signatures or {}).items() if k != "agreement_staff"}
    appraisal.save()
    record(actor, AuditCode.APPRAISAL_RETURNED, appraisal)
    _tell([appraisal.staff], appraisal, _("ข้อตกลงการประเมินถูกส่งกลับให้แก้ไข: %(round)s"),
          _("ผู้ประเมินส่งข้อตกลงการประเมิน %(round)s กลับให้แก้ไข โปรดเปิดดูสิ่งที่ต้องแก้"))  # fmt: skip
    return appraisal


# Levels: the self-assessment, the evaluator's, the supervisor's ----------------------------------------------


def _apply_levels(rows, levels, attribute, allowed, message):
    """Set `attribute` of each row from {row id: level}; return the ids whose level changed."""
    changed = []
    for row in rows:
        if row.pk not in levels:
            continue
        value = _level(levels[row.pk], allowed, message)
        if getattr(row, attribute) != value:
            setattr(row, attribute, value)
            changed.append(row.pk)
    return changed


def _set_levels(appraisal, attribute, indicator_levels, competency_levels):
    indicators, competencies = list(appraisal.indicators.all()), list(appraisal.competencies.all())
    changed = _apply_levels(indicators, indicator_levels or {}, attribute, INDICATOR_LEVELS,
                            _("ระดับของตัวชี้วัดต้องเป็น 1–5"))  # fmt: skip
    changed_competencies = _apply_levels(competencies, competency_levels or {}, attribute, COMPETENCY_LEVELS,
                                         _("ระดับของสมรรถนะต้องเป็น 0–5"))  # fmt: skip
    Indicator.objects.bulk_update(indicators, [attribute])
    Competency.objects.bulk_update(competencies, [attribute])
    return indicators, competencies, {"indicators": changed, "competencies": changed_competencies}


def _missing_levels(indicators, competencies, attribute):
    missing = [_("ตัวชี้วัด “%(title)s”") % {"title": i.title} for i in indicators if getattr(i, attribute) is None]
    missing += [_("สมรรถนะ “%(name)s”") % {"name": c.name} for c in competencies if getattr(c, attribute) is None]
    return missing


def _refuse_missing(missing):
    if missing:
        raise ValidationError(_("ยังไม่ได้ให้ระดับ: %(missing)s โปรดให้ครบทุกข้อแล้วส่งอีกครั้ง") % {
            "missing": ", ".join(missing)})  # fmt: skip


@transaction.atomic
def self_assessment_save(
    *, appraisal, actor, indicator_levels, competency_levels, notes=None, comment="", submit=False
):
    """The staff member's own levels, what they achieved and their comment; `submit` sends it to the evaluator."""
    appraisal = _locked(appraisal)
    ensure("self_assess", actor, appraisal)
    indicators, competencies, changed = _set_levels(appraisal, "self_level", indicator_levels, competency_levels)
    for indicator in indicators:
        if notes and indicator.pk in notes:
            indicator.self_note = (notes[indicator.pk] or "").strip()
    Indicator.objects.bulk_update(indicators, ["self_note"])
    appraisal.self_comment = (comment or "").strip()
    if submit:
        _refuse_missing(_missing_levels(indicators, competencies, "self_level"))
        appraisal.state, appraisal.self_assessed_at = S.SELF_ASSESSED, timezone.now()
        _sign(appraisal, "self_assessment", actor)
    appraisal.save()
    record(actor, AuditCode.APPRAISAL_SELF_ASSESSED if submit else AuditCode.APPRAISAL_SAVED, appraisal,
           stage="self_assessment", changed=changed)  # fmt: skip
    if submit:
        _tell([appraisal.evaluator], appraisal, _("ผลการประเมินตนเองรอท่านให้คะแนน: %(name)s"),
              _("%(name)s ส่งผลการประเมินตนเอง %(round)s แล้ว โปรดให้คะแนนและความเห็น"))  # fmt: skip
    return appraisal


@atomic_with_files()
def evidence_add(*, appraisal, actor, upload):
    """Attach an evidence file to the self-assessment, checked like every upload (S-2.10)."""
    appraisal = _locked(appraisal)
    ensure("self_assess", actor, appraisal)
    facts = inspect_upload(upload)
    existing = appraisal.evidence.filter(blob_id=facts.sha256).first()
    if existing is not None:
        existing.already_attached = True
        return existing
    evidence = Evidence.objects.create(appraisal=appraisal, blob=store_blob(facts), original_name=facts.name,
                                       extension=facts.extension, uploaded_by=actor)  # fmt: skip
    evidence.already_attached = False
    record(actor, AuditCode.APPRAISAL_EVIDENCE_ADDED, appraisal, file=facts.name, sha256=facts.sha256)
    return evidence


@transaction.atomic
def evidence_remove(*, appraisal, actor, evidence_id):
    appraisal = _locked(appraisal)
    ensure("self_assess", actor, appraisal)
    evidence = appraisal.evidence.filter(pk=evidence_id).first()
    if evidence is None:
        raise AppraisalNotAllowed(_("ไม่พบไฟล์หลักฐานนี้ในการประเมิน"))
    evidence.delete()  # the blob stays: content is never deleted, and others may share it
    record(actor, AuditCode.APPRAISAL_EVIDENCE_REMOVED, appraisal, file=evidence.original_name)


def compute_result(appraisal, *, attribute="level"):
    """The Result of `appraisal` from its rows and the configuration of its round (scoring.compute)."""
    return scoring.compute(
        indicators=[(i.title, i.weight, getattr(i, attribute)) for i in appraisal.indicators.all()],
        competencies=[(c.name, c.expected_level, getattr(c, attribute)) for c in appraisal.competencies.all()],
        results_weight=appraisal.results_weight, behaviour_weight=appraisal.behaviour_weight,
        bands=appraisal.round.config.get("bands") or scoring.DEFAULT_BANDS,
    )  # fmt: skip


def _keep_result(appraisal):
    """Store the result with the configuration it was computed with (old rounds stay as they were)."""
    result = compute_result(appraisal)
    _refuse_missing(result.missing)
    appraisal.result_results, appraisal.result_behaviour = result.results_shown, result.behaviour_shown
    appraisal.result_total, appraisal.result_band, appraisal.result_band_rank = (
        result.total,
        result.band.label,
        result.band.rank,
    )
    appraisal.result_config = {
        **appraisal.round.config, "results_weight": appraisal.results_weight,
        "behaviour_weight": appraisal.behaviour_weight,
    }  # fmt: skip
    appraisal.result_at = timezone.now()
    return result


def _clean_plan(plan):
    rows = []
    for row in plan or []:
        topic = (row.get("topic") or "").strip()
        if not topic:
            if (row.get("method") or "").strip() or (row.get("timeframe") or "").strip():
                raise ValidationError(_("แผนพัฒนาแต่ละแถวต้องระบุเรื่องที่ต้องพัฒนา"))
            continue
        rows.append({"topic": topic, "method": (row.get("method") or "").strip(),
                     "timeframe": (row.get("timeframe") or "").strip()})  # fmt: skip
    return rows


@transaction.atomic
def assessment_save(*, appraisal, actor, indicator_levels, competency_levels, comment="", plan=None, submit=False):
    """The evaluator's levels, comment and development plan; `submit` computes the result and passes it on."""
    appraisal = _locked(appraisal)
    ensure("assess", actor, appraisal)
    plan_rows = _clean_plan(plan) if plan is not None else None
    indicators, competencies, changed = _set_levels(appraisal, "evaluator_level", indicator_levels,
                                                    competency_levels)  # fmt: skip
    appraisal.evaluator_comment = (comment or "").strip()
    if plan_rows is not None:
        appraisal.plan.all().delete()
        DevelopmentPlanItem.objects.bulk_create(DevelopmentPlanItem(appraisal=appraisal, order=n, **row)
                                                for n, row in enumerate(plan_rows))  # fmt: skip
    if submit:
        _refuse_missing(_missing_levels(indicators, competencies, "evaluator_level"))
        _keep_result(appraisal)
        appraisal.assessed_at = timezone.now()
        appraisal.state = S.ASSESSED if appraisal.supervisor_id else S.REVIEWED
        if appraisal.state == S.REVIEWED:
            appraisal.reviewed_at = appraisal.assessed_at
        _sign(appraisal, "assessment_evaluator", actor)
    appraisal.save()
    record(actor, AuditCode.APPRAISAL_ASSESSED if submit else AuditCode.APPRAISAL_SAVED, appraisal,
           stage="assessment", changed=changed)  # fmt: skip
    if submit and appraisal.state == S.ASSESSED:
        _tell([appraisal.supervisor], appraisal, _("ผลการประเมินรอท่านพิจารณา: %(name)s"),
              _("ผู้ประเมินให้คะแนน %(name)s ใน %(round)s แล้ว โปรดพิจารณาในฐานะผู้บังคับบัญชาเหนือขึ้นไป"))  # fmt: skip
    elif submit:
        _tell([appraisal.staff], appraisal, _("ผลการประเมินของท่านพร้อมให้รับทราบ: %(round)s"),
              _("โปรดเปิดดูและลงนามรับทราบผลการประเมิน %(round)s ของท่าน"))  # fmt: skip
    return appraisal


@transaction.atomic
def review_save(*, appraisal, actor, verdict, reason="", indicator_levels=None, competency_levels=None):
    """The next-level supervisor agrees, or adjusts levels with a reason (PERF-5 part 5); the result follows."""
    appraisal = _locked(appraisal)
    ensure("review", actor, appraisal)
    reason = (reason or "").strip()
    if verdict not in Appraisal.Review.values:
        raise ValidationError({"verdict": _("โปรดเลือกว่าเห็นด้วยหรือปรับคะแนน")})
    indicators, competencies = list(appraisal.indicators.all()), list(appraisal.competencies.all())
    adjusted = {"indicators": [], "competencies": []}
    if verdict == Appraisal.Review.ADJUST:
        if not reason:
            raise ValidationError({"reason": _("โปรดระบุเหตุผลที่ปรับคะแนน ผู้รับการประเมินและผู้ประเมินจะเห็นเหตุผลนี้")})
        for rows, levels, allowed, key in (
            (indicators, indicator_levels or {}, INDICATOR_LEVELS, "indicators"),
            (competencies, competency_levels or {}, COMPETENCY_LEVELS, "competencies"),
        ):
            for row in rows:
                value = _level(levels.get(row.pk), allowed, _("ระดับที่ปรับต้องอยู่ในช่วงของแต่ละข้อ"))
                row.supervisor_level = value if value is not None and value != row.evaluator_level else None
                if row.supervisor_level is not None:
                    adjusted[key].append(row.pk)
        if not adjusted["indicators"] and not adjusted["competencies"]:
            raise ValidationError(_("ยังไม่ได้ปรับระดับข้อใด หากเห็นด้วยกับผลการประเมิน โปรดเลือก “เห็นด้วยกับผลการประเมิน”"))
    else:
        reason = ""
        for row in [*indicators, *competencies]:
            row.supervisor_level = None
    Indicator.objects.bulk_update(indicators, ["supervisor_level"])
    Competency.objects.bulk_update(competencies, ["supervisor_level"])
    appraisal.review_verdict, appraisal.review_reason = verdict, reason
    _keep_result(appraisal)
    appraisal.state, appraisal.reviewed_at = S.REVIEWED, timezone.now()
    _sign(appraisal, "review_supervisor", actor)
    appraisal.save()
    record(actor, AuditCode.APPRAISAL_REVIEWED, appraisal, verdict=verdict, adjusted=adjusted)
    _tell([appraisal.staff, appraisal.evaluator], appraisal, _("ผลการประเมินพร้อมให้รับทราบ: %(name)s"),
          _("ผู้บังคับบัญชาเหนือขึ้นไปพิจารณาผลการประเมิน %(round)s ของ %(name)s แล้ว รอผู้รับการประเมินรับทราบผล"))  # fmt: skip
    return appraisal


# Acknowledgement (PERF-5 part 4) ---------------------------------------------------------------------------


@transaction.atomic
def acknowledge(*, appraisal, actor):
    """The staff member acknowledges the result; the appraisal is locked from now on (PERF-8)."""
    appraisal = _locked(appraisal)
    ensure("acknowledge", actor, appraisal)
    appraisal.state, appraisal.acknowledged_at = S.ACKNOWLEDGED, timezone.now()
    _sign(appraisal, "acknowledgement_staff", actor)
    appraisal.save()
    record(actor, AuditCode.APPRAISAL_ACKNOWLEDGED, appraisal)
    _tell([appraisal.evaluator], appraisal, _("ผู้รับการประเมินรับทราบผลแล้ว: %(name)s"),
          _("%(name)s ลงนามรับทราบผลการประเมิน %(round)s แล้ว"))  # fmt: skip
    return appraisal


@transaction.atomic
def refusal_record(*, appraisal, actor, communicated_on, witness, note=""):
    """The evaluator records that the result was told and not signed for, with a witness (PERF-5 part 4)."""
    appraisal = _locked(appraisal)
    ensure("record_refusal", actor, appraisal)
    errors = {}
    today = timezone.localdate()
    if communicated_on is None:
        errors["communicated_on"] = _("โปรดระบุวันที่แจ้งผลการประเมินให้ผู้รับการประเมินทราบ")
    elif communicated_on > today:
        errors["communicated_on"] = _("วันที่แจ้งผลต้องไม่อยู่ในอนาคต")
    elif communicated_on < timezone.localdate(appraisal.reviewed_at or appraisal.assessed_at):
        errors["communicated_on"] = _("วันที่แจ้งผลต้องไม่ก่อนวันที่ผลการประเมินพร้อมให้รับทราบ")
    if witness is None:
        errors["witness"] = _("โปรดเลือกพยานที่รับรู้การแจ้งผล")
    elif witness.pk in (appraisal.staff_id, appraisal.evaluator_id) or witness.office_id != appraisal.round.office_id:
        errors["witness"] = _("พยานต้องเป็นเจ้าหน้าที่อื่นของสำนักงาน ไม่ใช่ผู้รับการประเมินหรือผู้ประเมิน")
    if errors:
        raise ValidationError(errors)
    appraisal.state, appraisal.acknowledged_at, appraisal.refused = S.ACKNOWLEDGED, timezone.now(), True
    appraisal.refusal_communicated_on, appraisal.witness, appraisal.refusal_note = (
        communicated_on,
        witness,
        note.strip(),
    )
    _sign(appraisal, "refusal_evaluator", actor)
    _sign(appraisal, "witness", witness)
    appraisal.save()
    record(actor, AuditCode.APPRAISAL_REFUSAL_RECORDED, appraisal, communicated_on=communicated_on,
           witness=str(witness))  # fmt: skip
    _tell([appraisal.staff], appraisal, _("บันทึกการแจ้งผลการประเมินแล้ว: %(round)s"),
          _("ผู้ประเมินบันทึกว่าได้แจ้งผลการประเมิน %(round)s ให้ท่านทราบแล้ว โดยมีพยานรับรู้"))  # fmt: skip
    return appraisal


# Views of another person's evaluation are audit events (PERF-8) ---------------------------------------------


@transaction.atomic
def appraisal_viewed(*, appraisal, viewer, what="page", address=None):
    """Record that `viewer` opened someone else's appraisal (their own needs no row)."""
    if viewer.pk == appraisal.staff_id:
        return None
    role = ("evaluator" if viewer.pk == appraisal.evaluator_id else
            "supervisor" if viewer.pk == appraisal.supervisor_id else "hr_or_administrator")  # fmt: skip
    return record(viewer, AuditCode.APPRAISAL_VIEWED, appraisal, what=what, viewer_as=role, address=address)


@transaction.atomic
def summary_viewed(*, round_, viewer, what="page", address=None):
    return record(viewer, AuditCode.APPRAISAL_SUMMARY_VIEWED, round_, what=what, address=address)


# MOIT7: publishing the names of the two highest bands, through the normal request chain ---------------------

ANNOUNCEMENT_TOPIC = "performance-evaluation-results"  # catalog/standard.yaml, MOIT7


def can_announce(user, round_):
    return user.office_id == round_.office_id and selectors.sees_all(user)


def announcement_open_request(round_):
    """The round's announcement request while it is still on its way (not cancelled or refused), else None."""
    from khaosan.workflow.models import State

    pub_request = round_.announcement_request
    if pub_request is None or pub_request.state in (State.CANCELLED, State.REFUSED):
        return None
    return pub_request


def announcement_request(*, round_, actor):
    """Ask to publish the names, positions and bands of the people in the two highest bands of a closed round.

    The list (PDF and XLSX) is made from finished appraisals only, never with a score, and goes through the
    office's approval chain like any request; the web master publishes it on the MOIT7 topic.
    """
    from django.core.files.uploadedfile import SimpleUploadedFile

    from khaosan.catalog.models import Topic
    from khaosan.eservice import documents
    from khaosan.workflow.services import request_create, request_file_add, request_submit

    round_ = AppraisalRound.objects.select_related("office", "announcement_request").get(pk=round_.pk)
    if not can_announce(actor, round_):
        raise AppraisalNotAllowed(_("ขอเผยแพร่รายชื่อได้เฉพาะผู้ดูแลระบบหรือผู้ดูแลงานบุคคลของการประเมิน"))
    if round_.is_open:
        raise ValidationError(_("ประกาศรายชื่อได้หลังปิดรอบการประเมินแล้วเท่านั้น เพื่อให้ผลทุกคนเป็นผลสุดท้าย"))
    existing = announcement_open_request(round_)
    if existing is not None:
        raise ValidationError(_("รอบนี้มีคำขอเผยแพร่รายชื่อแล้ว (คำขอ %(ref)s) โปรดติดตามที่คำขอนั้น") % {
            "ref": existing.reference})  # fmt: skip
    topic = Topic.objects.filter(code=ANNOUNCEMENT_TOPIC, retired_at__isnull=True).first()
    if topic is None:
        raise ValidationError(_("ไม่พบหัวข้อ “ผลการประเมินการปฏิบัติราชการของบุคลากร” ในมาตรฐาน โปรดแจ้งผู้ดูแลระบบ"))
    rows = documents.announcement_rows(selectors.announced_appraisals(round_))
    pdf = documents.announcement_pdf(round_, rows)  # rendered before the transaction: no lock held meanwhile
    xlsx = documents.announcement_xlsx(round_, rows)
    title = f"{documents.ANNOUNCEMENT_TITLE} {round_.label}"
    name = f"ประกาศรายชื่อผลการประเมินดีเด่นและดีมาก-รอบ{round_.number}-{round_.fiscal_year}"
    with atomic_with_files():
        round_ = AppraisalRound.objects.select_for_update(of=("self",)).get(pk=round_.pk)
        if announcement_open_request(round_) is not None:
            raise ValidationError(_("รอบนี้มีคำขอเผยแพร่รายชื่อแล้ว โปรดติดตามที่คำขอนั้น"))
        pub_request = request_create(
            office=round_.office,
            actor=actor,
            title=title,
            topic=topic,
            data_from=round_.starts_on,
            data_to=round_.ends_on,
            source=_("ระบบการประเมินผลการปฏิบัติราชการ %(office)s") % {"office": round_.office.name_th},
            rights_confirmed=True,
            summary=_("รายชื่อและตำแหน่งของเจ้าหน้าที่ที่มีผลการประเมิน%(round)s ในระดับดีเด่นและดีมาก %(n)d คน ไม่มีคะแนนรายบุคคล")
            % {"round": round_.label, "n": len(rows)},
        )
        request_file_add(pub_request=pub_request, actor=actor, upload=SimpleUploadedFile(f"{name}.pdf", pdf))
        request_file_add(pub_request=pub_request, actor=actor, upload=SimpleUploadedFile(f"{name}.xlsx", xlsx))
        pub_request = request_submit(pub_request=pub_request, actor=actor)
        round_.announcement_request = pub_request
        round_.save(update_fields=["announcement_request"])
        record(actor, AuditCode.APPRAISAL_ANNOUNCEMENT, round_, request=pub_request.reference, names=len(rows))
    return pub_request


# Reminders before each date of a round (housekeeping) ------------------------------------------------------

# For each date of a round: the states still waiting for it, and whose step each is.
REMINDER_STEPS = (
    ("agreement_due", {S.DRAFT: "staff", S.AGREEMENT_SUBMITTED: "evaluator"}),
    ("self_assessment_due", {S.AGREED: "staff"}),
    ("assessment_due", {S.SELF_ASSESSED: "evaluator", S.ASSESSED: "supervisor"}),
    ("acknowledgement_due", {S.REVIEWED: "staff"}),
)


def housekeeping_reminders(*, now=None):
    """Remind each person whose step is not done, within the office's reminder days before its date, once."""
    from khaosan.compliance.services import reminder_once

    today = timezone.localdate(now or timezone.now())
    sent = 0
    for round_ in AppraisalRound.objects.filter(state=AppraisalRound.State.OPEN).select_related("office"):
        days = selectors.settings_for(round_.office).reminder_days
        for field, waiting in REMINDER_STEPS:
            due = getattr(round_, field)
            if not due - dt.timedelta(days=days) <= today <= due:
                continue
            label = AppraisalRound._meta.get_field(field).verbose_name
            appraisals = round_.appraisals.filter(state__in=list(waiting)).select_related("staff", "evaluator",
                                                                                         "supervisor")  # fmt: skip
            for appraisal in appraisals:
                person = getattr(appraisal, waiting[appraisal.state])
                if person is None or not person.is_active:
                    continue
                with transaction.atomic():
                    key = f"{appraisal.pk}:{appraisal.state}:{due.isoformat()}"
                    if not reminder_once(office=round_.office, kind=f"appraisal.{field}", key=key, recipients=1):
                        continue
                    facts = {"step": label, "due": thai_date(due), "name": str(appraisal.staff),
                             "state": appraisal.get_state_display(), "round": round_.label}  # fmt: skip
                    notify([person], pub_request=None, url=appraisal.get_absolute_url(),
                           subject=_("ใกล้ครบ%(step)s %(due)s: %(name)s") % facts,
                           message=_("การประเมิน%(round)s ของ %(name)s อยู่ในขั้น “%(state)s” และรอท่านดำเนินการ "
                                     "ก่อน%(step)s %(due)s") % facts)  # fmt: skip
                    sent += 1
    return {"sent": sent}
