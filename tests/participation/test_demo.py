"""The demo data: Herent and Nimlaha'kok's closed consultation puts climate and education on
top with an 18th goal; an open one elsewhere; a parliament with a finished budget vote."""

from __future__ import annotations

import pytest

from twinning.foundation import demo as foundation_demo
from twinning.participation import demo
from twinning.participation.models import Ballot, Consultation, Parliament, Phase
from twinning.participation.selectors import budget_result, results

pytestmark = pytest.mark.django_db


def test_the_demo_consultation_shows_climate_and_education_on_top_and_an_18th_goal():
    foundation_demo.seed()
    demo.seed()
    demo.seed()  # idempotent
    closed = Consultation.objects.get(title=demo.CLOSED_TITLE)
    assert closed.phase == Phase.CLOSED
    outcome = results(closed)
    assert outcome.top[:2] == [13, 4]
    nimlahakok = next(m for m in outcome.municipalities if m.municipality.slug == "nimlahakok")
    assert len(nimlahakok.communities) == 6 and nimlahakok.online_ballots == 0 and nimlahakok.paper_ballots == 235
    assert nimlahakok.top[:2] == [13, 4]
    assert any(p.text == demo.EIGHTEENTH_GOAL and p.from_paper for p in outcome.proposals)
    assert Consultation.objects.get(title=demo.OPEN_TITLE).phase == Phase.OPEN
    assert Consultation.objects.filter(title=demo.CLOSED_TITLE).count() == 1
    assert Ballot.objects.filter(consultation=closed).count() == 24


def test_the_demo_parliament_has_a_finished_budget_vote():
    foundation_demo.seed()
    demo.seed()
    parliament = Parliament.objects.get(title=demo.PARLIAMENT_TITLE)
    result = budget_result(parliament)
    assert parliament.phase == Phase.CLOSED and result.ballots == 6
    assert 0 < result.spent <= parliament.budget
    assert parliament.localised_goals.count() == 1


def test_the_demo_youth_debate_is_closed_with_arguments_of_both_classes_and_a_vote():
    foundation_demo.seed()
    demo.seed()
    from twinning.participation.models import YouthDebate
    from twinning.participation.selectors import debate_view

    view = debate_view(YouthDebate.objects.get(title=demo.DEBATE_TITLE))
    assert view.debate.phase == Phase.CLOSED
    assert [len(g.pro) + len(g.contra) for g in view.groups] == [3, 2]
    assert view.votes == 5
