"""The configuration in force is kept with each result: changing bands or weights never rewrites an old round."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from khaosan.eservice import documents, services
from khaosan.eservice.permissions import AppraisalNotAllowed
from khaosan.eservice.scoring import DEFAULT_BANDS
from tests.eservice.conftest import appraisal_of, assessed, finished

pytestmark = pytest.mark.django_db
STRICTER = [{"label": "ดีเด่น", "min": 95}, {"label": "ดีมาก", "min": 88}, {"label": "ดี", "min": 75},
            {"label": "พอใช้", "min": 60}, {"label": "ต้องปรับปรุง", "min": 0}]  # fmt: skip


def test_a_changed_band_configuration_after_a_round_closed_leaves_its_results_as_they_were(office, line):
    first = services.round_open(office=office, actor=line["admin"], fiscal_year=2569, number=1)
    # (5×50 + 4×30 + 3×20) / 500 × 70 = 60.20, behaviour 30: 90.20, ดีเด่น under the default bands
    old = finished(first, line)
    services.round_close(round_=first, actor=line["admin"])
    services.settings_update(office=office, actor=line["admin"], bands=STRICTER, results_weights={}, reminder_days=3)

    old.refresh_from_db()
    assert (old.result_total, old.result_band) == (Decimal("90.20"), "ดีเด่น")
    assert old.result_config["bands"] == DEFAULT_BANDS
    form = documents.form_data(old)
    assert [label for label, _text, achieved in form.bands if achieved] == ["ดีเด่น"]
    assert form.bands[0][1] == "90.00 – 100"

    second = services.round_open(office=office, actor=line["admin"], fiscal_year=2569, number=2)
    new = finished(second, line)  # the same levels
    assert (new.result_total, new.result_band) == (Decimal("90.20"), "ดีมาก")
    assert new.result_config["bands"][0] == {"label": "ดีเด่น", "min": "95"}


def test_an_open_round_keeps_the_configuration_it_was_opened_with(open_round, line):
    services.settings_update(office=open_round.office, actor=line["admin"], bands=STRICTER,
                             results_weights={"civil_servant": 80}, reminder_days=5)  # fmt: skip
    appraisal = assessed(open_round, line)
    assert (appraisal.results_weight, appraisal.result_band) == (70, "ดีเด่น")


def test_weights_per_staff_type_apply_to_rounds_opened_afterwards(office, line):
    services.settings_update(office=office, actor=line["admin"], bands=DEFAULT_BANDS,
                             results_weights={"permanent_employee": 80}, reminder_days=3)  # fmt: skip
    services.profile_update(person=line["colleague"], actor=line["admin"], staff_type="permanent_employee",
                            is_hr=False, excluded=False)  # fmt: skip
    round_ = services.round_open(office=office, actor=line["admin"], fiscal_year=2569, number=2)
    assert (appraisal_of(round_, line["colleague"]).results_weight, appraisal_of(round_, line["colleague"])
            .behaviour_weight) == (80, 20)  # fmt: skip
    assert appraisal_of(round_, line["requester"]).results_weight == 70


def test_only_an_administrator_changes_the_settings_and_bad_bands_are_refused(office, line):
    with pytest.raises(AppraisalNotAllowed):
        services.settings_update(office=office, actor=line["head"], bands=DEFAULT_BANDS, results_weights={},
                                 reminder_days=3)  # fmt: skip
    with pytest.raises(ValidationError, match="อย่างน้อย 5 ระดับ"):
        services.settings_update(office=office, actor=line["admin"], bands=DEFAULT_BANDS[:3], results_weights={},
                                 reminder_days=3)  # fmt: skip
