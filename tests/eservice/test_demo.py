"""The demo office shows the evaluation working: a closed round, and an open one with agreements in every state."""

import pytest

from khaosan.demo import builder, files
from khaosan.demo.eservice import build_evaluations
from khaosan.eservice import selectors
from khaosan.eservice.models import Appraisal

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_open_round_with_agreements_in_several_states(synced_standard):
    office = builder.build_office()
    with files.renderer() as renderer:
        build_evaluations(office, renderer=renderer)
    current = selectors.current_round(office)
    states = dict(current.appraisals.values_list("staff__username", "state"))
    assert states == {
        "admin": "draft", "webmaster1": "agreement_submitted", "nurse": "draft", "reviewer": "agreed",
        "staff": "self_assessed", "webmaster2": "assessed", "procurement": "reviewed", "committee": "acknowledged",
    }  # fmt: skip
    assert current.appraisals.get(staff__username="nurse").return_note
    assert current.appraisals.get(staff__username="webmaster2").results_weight == 80
    assert current.appraisals.get(staff__username="staff").evidence.count() == 1
    closed = selectors.rounds_of(office).exclude(pk=current.pk).get()
    assert not closed.is_open and set(closed.appraisals.values_list("state", flat=True)) == {
        Appraisal.State.ACKNOWLEDGED
    }
    assert len(set(closed.appraisals.values_list("result_band", flat=True))) >= 3
