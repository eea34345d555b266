"""Reads of the evaluation system, each scoped to who may see it.

A person sees their own appraisals; an evaluator those of their evaluees; a supervisor those of their line;
administrators and evaluation HR every appraisal of their office (standards.md PERF-8). Anything else
answers 404, as if it did not exist, so an id changed in the address tells nothing.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext as _

from khaosan.eservice.models import (
    Appraisal,
    AppraisalRound,
    Competency,
    EvaluationProfile,
    EvaluationSettings,
    Evidence,
    Indicator,
    UnitHead,
)
from khaosan.org.models import Staff
from khaosan.org.roles import Role, has_role


def settings_for(office):
    """The office's evaluation settings; the defaults (unsaved) until an administrator changes them."""
    return EvaluationSettings.objects.filter(office=office).first() or EvaluationSettings(office=office)


def profile_of(person):
    """The person's EvaluationProfile; an unsaved default one when nothing was set for them."""
    try:
        return person.evaluation_profile
    except EvaluationProfile.DoesNotExist:
        return EvaluationProfile(staff=person)


def is_hr(user):
    return bool(getattr(user, "is_authenticated", False) and user.is_active and profile_of(user).is_hr)


def sees_all(user):
    """Administrators and evaluation HR see every appraisal of their office."""
    return has_role(user, Role.ADMINISTRATOR) or is_hr(user)


# The evaluation line -----------------------------------------------------------------------------------


def unit_heads(office):
    """{unit id: head} for the office's units that have a head assigned."""
    return {h.unit_id: h.head for h in UnitHead.objects.filter(unit__office=office).select_related("head")}


def _default_evaluator(person, heads):
    head = heads.get(person.unit_id)
    return head if head is not None and head.pk != person.pk and head.is_active else None


def evaluator_of(person, *, heads=None, profiles=None):
    """ผู้ประเมิน: the one named for the person, else the head of their unit (never the person themself)."""
    heads = unit_heads(person.office) if heads is None else heads
    profile = profiles.get(person.pk) if profiles is not None else profile_of(person)
    if profile is not None and profile.evaluator_id and profile.evaluator_id != person.pk:
        return profile.evaluator
    return _default_evaluator(person, heads)


def supervisor_of(person, *, evaluator=None, heads=None, profiles=None):
    """ผู้บังคับบัญชาเหนือขึ้นไป: the one named for the person, else their evaluator's own evaluator."""
    heads = unit_heads(person.office) if heads is None else heads
    profile = profiles.get(person.pk) if profiles is not None else profile_of(person)
    if profile is not None and profile.supervisor_id and profile.supervisor_id != person.pk:
        return profile.supervisor
    evaluator = evaluator if evaluator is not None else evaluator_of(person, heads=heads, profiles=profiles)
    if evaluator is None:
        return None
    above = evaluator_of(evaluator, heads=heads, profiles=profiles)
    return above if above is not None and above.pk != person.pk else None


def evaluation_lines(office):
    """Every active person of the office with their type, evaluator and supervisor, for the administrator."""
    people = list(Staff.objects.filter(office=office, is_active=True).select_related("unit")
                  .order_by("unit__order", "first_name", "last_name"))  # fmt: skip
    profiles = {p.staff_id: p for p in EvaluationProfile.objects.filter(staff__office=office)
                .select_related("evaluator", "supervisor")}  # fmt: skip
    heads = unit_heads(office)
    rows = []
    for person in people:
        profile = profiles.get(person.pk) or EvaluationProfile(staff=person)
        evaluator = evaluator_of(person, heads=heads, profiles=profiles)
        rows.append({
            "person": person, "profile": profile, "evaluator": evaluator,
            "supervisor": supervisor_of(person, evaluator=evaluator, heads=heads, profiles=profiles),
            "evaluator_named": bool(profile.evaluator_id), "supervisor_named": bool(profile.supervisor_id),
        })  # fmt: skip
    return rows


# Rounds and appraisals -----------------------------------------------------------------------------------


def rounds_of(office):
    return AppraisalRound.objects.filter(office=office)


def current_round(office):
    """The open round of the office (the newest if several are open), else None."""
    return rounds_of(office).filter(state=AppraisalRound.State.OPEN).order_by("-starts_on").first()


def round_get_for(*, user, round_id):
    """Return the round if it belongs to `user`'s office, else 404 (what they see in it is scoped below)."""
    found = AppraisalRound.objects.filter(pk=round_id, office_id=user.office_id).first()
    if found is None:
        raise Http404
    return found


def visible_appraisals(user):
    """Appraisals `user` may open: their own, their evaluees', their line's; all of the office for admin/HR."""
    base = Appraisal.objects.filter(round__office_id=user.office_id)
    if sees_all(user):
        return base
    return base.filter(Q(staff=user) | Q(evaluator=user) | Q(supervisor=user))


def with_rows(queryset):
    return queryset.select_related(
        "round__office", "staff__unit", "evaluator", "supervisor", "witness"
    ).prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.order_by("order", "pk")),
        Prefetch("competencies", queryset=Competency.objects.order_by("order", "pk")),
        Prefetch("evidence", queryset=Evidence.objects.select_related("blob")),
        "plan",
    )


def appraisal_get_for(*, user, appraisal_id):
    """Return the appraisal with its rows if `user` may see it, else 404 (same answer as a missing one)."""
    found = with_rows(visible_appraisals(user)).filter(pk=appraisal_id).first()
    if found is None:
        raise Http404
    return found


def my_appraisals(user):
    return Appraisal.objects.filter(staff=user).select_related("round").order_by("-round__starts_on")


def evaluees(user, round_):
    """Appraisals of the round in which `user` is the evaluator or the supervisor (their people and line)."""
    return (
        Appraisal.objects.filter(round=round_)
        .filter(Q(evaluator=user) | Q(supervisor=user))
        .select_related("staff__unit", "evaluator", "supervisor")
        .order_by("staff__first_name", "staff__last_name")
    )


def previous_appraisal(appraisal):
    """The person's latest appraisal of an earlier round with an agreement to copy from, else None."""
    return (
        Appraisal.objects.filter(staff_id=appraisal.staff_id, round__office_id=appraisal.round.office_id,
                                 round__starts_on__lt=appraisal.round.starts_on)
        .filter(Q(indicators__isnull=False) | Q(competencies__isnull=False))
        .order_by("-round__starts_on")
        .distinct()
        .first()
    )  # fmt: skip


def summary_appraisals(user, round_):
    """The appraisals of a round `user` may count in its summary: all for admin/HR, else their people and line."""
    scope = (
        visible_appraisals(user) if sees_all(user) else Appraisal.objects.filter(Q(evaluator=user) | Q(supervisor=user))
    )
    return (
        scope.filter(round=round_)
        .select_related("staff__unit", "evaluator", "supervisor")
        .order_by("staff__unit__order", "staff__unit__name_th", "staff__first_name", "staff__last_name")
    )  # fmt: skip


def announced_appraisals(round_):
    """MOIT7: finished appraisals in the two highest bands of the configuration each was computed with."""
    from khaosan.eservice.scoring import ANNOUNCED_BANDS

    return (
        Appraisal.objects.filter(round=round_, state=Appraisal.State.ACKNOWLEDGED,
                                 result_band_rank__lt=ANNOUNCED_BANDS)
        .select_related("staff__unit")
        .order_by("result_band_rank", "staff__first_name", "staff__last_name")
    )  # fmt: skip


COUNTED_STATES = (Appraisal.State.REVIEWED, Appraisal.State.ACKNOWLEDGED)


@dataclass
class UnitSummary:
    name: str
    counts: dict
    people: int = 0
    finished: int = 0
    with_result: int = 0

    @property
    def unfinished(self):
        return self.people - self.finished

    counts_by_band: list = field(default_factory=list)

    def count_list(self, bands):
        return [self.counts.get(band, 0) for band in bands]


@dataclass
class RoundSummary:
    """A round per unit: how results spread over the bands, and who is not finished (never a score)."""

    round: AppraisalRound
    bands: list
    units: list = field(default_factory=list)
    total: UnitSummary = None
    unfinished: list = field(default_factory=list)  # appraisals not acknowledged yet
    not_started: list = field(default_factory=list)  # active staff without an appraisal (admin/HR only)


def round_summary(user, round_):
    """Summarise the appraisals of `round_` that `user` may see, per unit of the person evaluated.

    Bands count results past the supervisor's review (reviewed or acknowledged): a score still under
    review is not a result yet.
    """
    bands = [row["label"] for row in round_.config.get("bands") or []]
    summary = RoundSummary(round=round_, bands=bands, total=UnitSummary(_("รวมทั้งหมด"), {}))
    units = {}
    for appraisal in summary_appraisals(user, round_):
        unit = appraisal.staff.unit
        key = unit.pk if unit else None
        if key not in units:
            units[key] = UnitSummary(unit.name_th if unit else _("ไม่ระบุหน่วยงาน"), {})
        for row in (units[key], summary.total):
            row.people += 1
            row.finished += appraisal.finished
            if appraisal.state in COUNTED_STATES and appraisal.result_band:
                row.with_result += 1
                row.counts[appraisal.result_band] = row.counts.get(appraisal.result_band, 0) + 1
                if appraisal.result_band not in bands:
                    bands.append(appraisal.result_band)
        if not appraisal.finished:
            summary.unfinished.append(appraisal)
    summary.units = list(units.values())
    for row in [*summary.units, summary.total]:
        row.counts_by_band = [(band, row.counts.get(band, 0)) for band in bands]
    if sees_all(user):
        have = round_.appraisals.values("staff_id")
        summary.not_started = list(Staff.objects.filter(office=round_.office, is_active=True).exclude(pk__in=have)
                                   .select_related("unit").order_by("first_name", "last_name"))  # fmt: skip
    return summary


def development_plans(user, round_):
    """The development plans (PERF-5 part 3) of the round's appraisals `user` may see, for planning training.

    This is what feeds the office's training records: HR takes it (page and XLSX) into next round's training
    plan; the reports app's Training records can read the same rows once they exist.
    """
    from khaosan.eservice.models import DevelopmentPlanItem

    return (
        DevelopmentPlanItem.objects.filter(appraisal__in=summary_appraisals(user, round_).values("pk"))
        .select_related("appraisal__staff__unit")
        .order_by("topic", "appraisal__staff__first_name")
    )


def waiting_on(appraisal):
    """The person the appraisal waits on now, or None when it is finished."""
    S = Appraisal.State
    return {
        S.DRAFT: appraisal.staff,
        S.AGREEMENT_SUBMITTED: appraisal.evaluator,
        S.AGREED: appraisal.staff,
        S.SELF_ASSESSED: appraisal.evaluator,
        S.ASSESSED: appraisal.supervisor,
        S.REVIEWED: appraisal.staff,
    }.get(appraisal.state)
